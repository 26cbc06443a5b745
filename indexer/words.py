"""The word lists of the genre, each in one place with one meaning.

Rules in ``indexer`` (fact extraction, terms) and in ``bot`` (understanding the
question, extracting the answer line) read the same kinds of words: measure
words, the suffixes that end a body's name, issuing verbs, place suffixes.
Each list lives here once, named by what it means; a rule that needs a
different set of words gets a differently named list, not a private copy.
"""

from __future__ import annotations

# --- Words of the documents: bodies, places, documents, figures -----------------------------


# --- Words of questions: question words, frames, stop words ---------------------------------
