"""The Latin-script words of a question (English or toneless pinyin) as units.

Phrases of up to four words are read, longest first, through the glossary, then as pinyin
keys of index words (with place suffixes and polyphone readings), then through glossary
wildcards; a word nothing reads is tried as glued pinyin, then through the dictionary, and
otherwise still counts against coverage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from bot.analysis import Unit, Vocabulary
from bot.expand.english import EnglishReader
from bot.expand.pinyin import changed_syllables, glued_pinyin, pinyin_tables, reading_variants
from bot.expand.pinyin import syllables as pinyin_syllables
from bot.expand.units import UnitWeigher
from bot.intent import PINYIN_LEVELS
from bot.measures import PINYIN_HOW_MANY_WORD
from bot.weights import WEIGHTS, Weights
from indexer.words import (
    ENGLISH_FRAME_NOUNS,
    ENGLISH_STOP_WORDS,
    ENGLISH_WHICH_WORDS,
    PINYIN_MEASURES,
    PINYIN_QUESTION_WORDS,
    PLACE_SUFFIX_PINYIN,
)

PinyinHits = dict[str, list[tuple[str, int]]]


def content_words(words: list[str]) -> list[str]:
    """The words that carry the topic: no stop word, number, pinyin question word, nor the
    frame noun of "which department…?" (framed as 哪个部门 is: no topic word), nor the
    measure after a pinyin how-many (duoshao xiang: 多少项, or as one word: duoshaoge), nor
    the level of a pinyin which-place (na ge xian: 哪个县)."""
    framed = {i + 1 for i, w in enumerate(words[:-1])
              if (w in ENGLISH_WHICH_WORDS and words[i + 1] in ENGLISH_FRAME_NOUNS)
              or (w in ("duoshao", "ji") and words[i + 1] in PINYIN_MEASURES)
              or (w in ("ge", "xie") and i > 0 and words[i - 1] == "na"
                  and words[i + 1] in PINYIN_LEVELS)}
    return [w for i, w in enumerate(words) if w not in ENGLISH_STOP_WORDS and not w.isdigit()
            and w not in PINYIN_QUESTION_WORDS and i not in framed
            and not PINYIN_HOW_MANY_WORD.match(w)]


class LatinReader:
    """Reads a question's Latin-script words into units against one index."""

    def __init__(self, vocab: Vocabulary, english: EnglishReader, weigher: UnitWeigher,
                 weights: Weights = WEIGHTS) -> None:
        self.vocab = vocab
        self.english = english
        self.weigher = weigher
        self.weights = weights

    def units(self, norm: str, n: int) -> tuple[list[Unit], str]:
        """Units for the Latin-script words; returns them and the text left to segment."""
        words = re.findall(r"[a-z][a-z\-']*|\d+(?:\.\d+)?", norm)
        rest = re.sub(r"[a-z][a-z\-']*", " ", norm)
        units: list[Unit] = []
        content = content_words(words)
        pinyin_hits = self._pinyin_hits(content)
        i = 0
        while i < len(content):
            found = self._phrase_at(content, i, pinyin_hits, n)
            if found is not None:
                unit, size = found
                units.append(unit)
                i += size
                continue
            more, step = self._word_at(content, i, n)
            units.extend(more)
            i += step
        return units, rest

    def _pinyin_hits(self, content: list[str]) -> PinyinHits:
        """Index words for every run of up to four content words read as one pinyin key."""
        wt = self.weights
        windows = {"".join(content[a:b]) for a in range(len(content))
                   for b in range(a + 1, min(len(content), a + wt.max_latin_phrase_words) + 1)}
        # Places are indexed with their suffix (长沙市, 岳阳县): "changsha" finds
        # changshashi too.
        pinyin_hits = self.vocab.terms_by_pinyin(
            windows | {w + s for w in windows for s in PLACE_SUFFIX_PINYIN
                       if len(w) >= wt.place_pinyin_min_len})
        # In a fixed order: two windows may share a reading variant (and the last one
        # named keeps it), so set order would make the answer depend on the hash seed.
        missing = [w for w in sorted(windows) if w not in pinyin_hits and not any(
            w + s in pinyin_hits for s in PLACE_SUFFIX_PINYIN) and w.isalpha()]
        if missing:
            # The index keys a word by its characters' first readings (银行 → yinxing,
            # 长沙 → zhangsha); what is typed is the reading in that word (yinhang).
            variants = {v: w for w in missing for v in reading_variants(w)}
            if variants:
                found = self.vocab.terms_by_pinyin(variants)
                # The fewest syllables read otherwise, then the commonest word:
                # changxing is 长兴 (zhang-xing, one change), not 上升 (two).
                for v in sorted(found, key=lambda v: (changed_syllables(v, variants[v]),
                                                      -found[v][0][1], v)):
                    pinyin_hits.setdefault(variants[v], found[v])
        return pinyin_hits

    def _phrase_at(self, content: list[str], i: int, pinyin_hits: PinyinHits,
                   n: int) -> tuple[Unit, int] | None:
        """The longest phrase from word ``i`` the glossary or the pinyin keys read, and
        how many words it took."""
        for size in range(self.weights.max_latin_phrase_words, 0, -1):
            phrase = " ".join(content[i:i + size])
            if len(content[i:i + size]) < size:
                continue
            terms = self.english.glossary_words(phrase, wildcards=False)
            source = "english"
            if not terms:
                key = "".join(content[i:i + size])
                hits = pinyin_hits.get(key) or next(
                    (pinyin_hits[key + s] for s in PLACE_SUFFIX_PINYIN
                     if key + s in pinyin_hits), [])
                terms = tuple(t for t, _ in hits[:self.weights.max_pinyin_alts])
                source = "pinyin"
            if not terms:
                # A wildcard (ton* → 吨) only after pinyin: tongjiang is 通江; and not on
                # the first word of a pair the dictionary reads whole (costa rica is
                # 哥斯达黎加, not cost* → 成本) — looked up only when a wildcard matched.
                terms = self.english.glossary_words(phrase)
                if terms and size == 1 and self._dictionary_pair(content, i):
                    terms = ()
                source = "english"
            if terms:
                return self.weigher.unit(phrase, terms, n, source), size
        return None

    def _dictionary_pair(self, content: list[str], i: int) -> tuple[str, ...]:
        """The index words the dictionary gives words ``i`` and ``i + 1`` read as one."""
        if i + 1 >= len(content):
            return ()
        return self.english.dictionary_words(" ".join(content[i:i + 2]))[1]

    def _word_at(self, content: list[str], i: int, n: int) -> tuple[list[Unit], int]:
        """Word ``i`` when no phrase read: glued pinyin, a dictionary pair or word, or an
        unknown word; the units and how many words they took."""
        word = content[i]
        wt = self.weights
        glued = glued_pinyin(self.vocab, word, wt.max_pinyin_alts, wt.glued_pinyin_min_len)
        if glued:
            # "cunweishengshi": 村 + 卫生室 typed as one word.
            return [self.weigher.unit(part, terms, n, "pinyin") for part, terms in glued], 1
        pair_translated = self._dictionary_pair(content, i)
        if pair_translated:
            # A phrase the dictionary glosses as a whole ("gas cylinder" →
            # 气瓶) reads better than its words one by one.
            return [self._dictionary_unit(" ".join(content[i:i + 2]), pair_translated, n)], 2
        known_word, translated = self.english.dictionary_words(word)
        if translated:
            # A dictionary's reading, not the glossary's: less sure of it.
            return [self._dictionary_unit(word, translated, n)], 1
        # An English word we cannot map still counts against coverage:
        # "work permit" must not be answered by "新疆" alone.  Fully when
        # the dictionary knows it and the documents use none of its
        # translations (visa); lightly when it is no word it knows.
        if len(word) >= wt.english_min_len:
            typed_pinyin = pinyin_syllables(word, pinyin_tables()[0]) is not None
            unknown_weight = wt.unknown_english_factor * self.weigher.unknown_weight(n)
            weight = (self.weigher.unknown_weight(n) if known_word and not typed_pinyin
                      else unknown_weight)  # "ming" may be 名 as well as Ming
            return [Unit(word, (word,), weight, False, "english")], 1
        return [], 1

    def _dictionary_unit(self, text: str, translated: Iterable[str], n: int) -> Unit:
        unit = self.weigher.unit(text, translated, n, "english")
        return replace(unit, weight=self.weights.dictionary_credit * unit.weight)
