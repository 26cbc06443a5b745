"""Expansion of the question's words into what the documents may say instead: one module
per expansion (pinyin, English, typos, synonyms), the cutting of the question into words,
and the weighing of each resulting :class:`bot.analysis.Unit`.  :class:`bot.understand.Analyzer`
composes them."""
