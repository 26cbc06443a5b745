"""English words of a question as index words: first the hand glossary
(``corpus/data/glossary.tsv``, with wildcard entries such as ``regulat*``), then CC-CEDICT
(:mod:`indexer.cedict`), kept to the headwords the index has."""

from __future__ import annotations

from bot.analysis import Vocabulary
from bot.expand.tables import WordTable
from bot.weights import WEIGHTS, Weights
from indexer.cedict import translations
from indexer.words import ENGLISH_SUFFIXES


class EnglishReader:
    """Translates English words and phrases through the glossary and the dictionary."""

    def __init__(self, vocab: Vocabulary, glossary: WordTable,
                 weights: Weights = WEIGHTS) -> None:
        self.vocab = vocab
        self.glossary = glossary
        self.weights = weights
        # The wildcard entries (regulat* → 条例), in table order: the only ones
        # a phrase not in the table can still match.
        self.glossary_prefixes = [(key[:-1], value) for key, value in glossary.items()
                                  if key.endswith("*")]

    def glossary_words(self, phrase: str, wildcards: bool = True) -> tuple[str, ...]:
        """The glossary's words for ``phrase`` (also hyphenated, inflected, or by a
        wildcard entry when ``wildcards``), or ()."""
        if phrase in self.glossary:
            return self.glossary[phrase]
        if "-" in phrase and phrase.replace("-", " ") in self.glossary:
            return self.glossary[phrase.replace("-", " ")]  # mutual-aid = mutual aid
        for prefix, value in self.glossary_prefixes if wildcards else ():
            if phrase.startswith(prefix) and " " not in phrase[len(prefix):]:
                return value
        for suffix in ENGLISH_SUFFIXES:
            if phrase.endswith(suffix) and phrase[: -len(suffix)] in self.glossary:
                return self.glossary[phrase[: -len(suffix)]]
        return ()

    def dictionary_words(self, word: str) -> tuple[bool, tuple[str, ...]]:
        """Whether CC-CEDICT knows ``word``, and the index words it translates it to
        (fines → 罚款), tightest first."""
        # Letters only, but a hyphen may join them (re-elected, long-term).
        if len(word) < self.weights.english_min_len or not word.replace(" ", "").replace(
                "-", "").isalpha():
            return False, ()
        candidates = translations(word)[:self.weights.max_dictionary_candidates]
        df = self.vocab.document_frequencies([h for h, _ in candidates])
        return bool(candidates), tuple(
            h for h, _ in candidates if h in df)[:self.weights.max_dictionary_alts]
