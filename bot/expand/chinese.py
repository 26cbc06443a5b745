"""The Chinese words of a question as units: answer-type and question words dropped, each
run cut into the index's words, and each word read as it is, through its synonyms, as a
corrected typo, as a piece of a longer index word, or as everyday words of general Chinese.
"""

from __future__ import annotations

import math
from dataclasses import replace

from bot.analysis import Unit, Vocabulary
from bot.expand.question_words import QuestionWordStripper
from bot.expand.segment import (
    general_words,
    loose_characters,
    merge_unknown,
    segment,
    split_country,
)
from bot.expand.synonyms import SynonymExpander
from bot.expand.typos import TypoCorrector
from bot.expand.units import UnitWeigher, unindexed_places
from bot.intent import Cue
from bot.weights import WEIGHTS, Weights
from corpus import regex
from indexer.lexicon import lexicon
from indexer.normalize import is_cjk
from indexer.segment import substrings
from indexer.words import QUESTION_ISSUING_VERBS

# Words that name the kind of answer wanted (多少家, 几级, 哪一年, 面积): not words the
# answer must contain.
ANSWER_TYPE_WORDS = Cue("answer_type_words", regex.compile(
    # A day or a month asked (哪天收网的, 几月份查的): the frame of a when-question.
    r"哪一?天|几月份|几月|哪个月|哪月|几号|"
    r"(?:多少|几)(?:钱|元|家|项|个月|个|亩|级|位|名|件|人次|人|次|部门|公里|小时|张|处|户|所|座|条|"
    r"吨|批|辆|台|天|场|起|例|间|套|支|头)?|哪一?年|什么时候|啥时候|几时|何时|"
    r"多大面积|面积|多大|规模|数量|第几位|第几|排名|排第"), "小饭桌有多少家?")
# Modal verbs and particles of the asker's phrasing (能吃上饭, 里能看, 提前收多久).
COLLOQUIAL = Cue("colloquial", regex.compile(r"[能会可吗了着过还再就才把给让被去来得]|多久|上[饭去来]|里"),
                 "孩子放学后能吃上饭吗?")
_DATE_UNIT = regex.compile(r"(?<=[0-9])([年月日号])(?=[\u4e00-\u9fff])(?![来内间前后底初中末代度份])")


def date_units_apart(text: str) -> str:
    """A date's unit kept with its figure: 1997年利税 is 1997年 and 利税, not 年利税 (10年来,
    3年内 stay words)."""
    return _DATE_UNIT.sub(r"\1 ", text)
_RUN = regex.compile(r"[\u4e00-\u9fff\u3400-\u4dbf0-9a-z+]+")


class ChineseReader:
    """Reads the Chinese (non-Latin) text of a question into units against one index."""

    def __init__(self, vocab: Vocabulary, stripper: QuestionWordStripper,
                 synonyms: SynonymExpander, corrector: TypoCorrector, weigher: UnitWeigher,
                 weights: Weights = WEIGHTS) -> None:
        self.vocab = vocab
        self.stripper = stripper
        self.synonyms = synonyms
        self.corrector = corrector
        self.weigher = weigher
        self.weights = weights

    def units(self, text: str, n: int) -> list[Unit]:
        """Units for ``text`` (normalised, Latin words blanked) among ``n`` passages."""
        text = ANSWER_TYPE_WORDS.pattern.sub(" ", text)
        text = self.stripper.strip(text)
        text = date_units_apart(text)
        candidates = substrings(text)
        targets = self.synonyms.targets(candidates)
        df = self.vocab.document_frequencies(candidates | targets)
        for target, (freq, _) in self.weigher.compose(t for t in targets if t not in df).items():
            df[target] = freq
        wt = self.weights
        units: list[Unit] = []
        for run in _RUN.findall(text):
            pieces = segment(run, df, self.synonyms, unknown_cost=wt.unknown_char_cost)
            partial: set[str] = set()
            if not all(known for _, known in pieces):
                # 牛羊杂 is no index word but part of 牛羊杂清洗规范: let such
                # pieces of longer words count before calling anything a typo.
                partial = self.weigher.inside_words(
                    p for p in substrings(run) if len(p) >= wt.partial_min_len and p not in df)
                pieces = segment(run, df, self.synonyms, partial,
                                 unknown_cost=wt.unknown_char_cost)
            places = unindexed_places(run, pieces)
            if places:
                pieces = _with_places(pieces, run, places)
            merged = merge_unknown(split_country(pieces, df))
            pieces_text = {w for w, _ in merged}
            items = general_words(loose_characters(merged, run, df, self.corrector, wt), df,
                                  wt.max_everyday_word_len)
            named = {run[s:e] for s, e in places}
            for word, known, fixed in items:
                if word in named:
                    # A place the index lacks: asked about as written, never "corrected"
                    # into a place it holds (常州 is not 徐州).
                    units.append(self.weigher.unit(word, (word,), n, "question", df))
                elif not known and not fixed and len(word) >= 2 and word not in pieces_text:
                    units.append(self._everyday_unit(word, df, n))
                elif fixed:
                    units.append(self.weigher.unit(word, fixed, n, "typo"))
                elif word in partial:
                    units.append(self._partial_unit(word, df, n))
                else:
                    units.extend(self._word_units(word, known, run, df, n))
        return units

    def _asked(self, word: str, df: dict[str, int], n: int) -> Unit:
        """``word`` as asked, through its synonyms and, unknown, the thesaurus."""
        return self.synonyms.thesaurus(
            self.weigher.unit(word, self.synonyms.alts(word, df), n, "question", df), n)

    def _everyday_unit(self, word: str, df: dict[str, int], n: int) -> Unit:
        # An everyday word merged from lone characters (明天, 病人): asked
        # about, but paraphrase as often as topic — half the weight.
        unit = self._asked(word, df, n)
        return (replace(unit, weight=self.weights.everyday_word_factor * unit.weight)
                if not unit.known else unit)

    def _partial_unit(self, word: str, df: dict[str, int], n: int) -> Unit:
        # A piece of longer index words, retrieved by the index words inside it.
        inner = tuple(sorted((t for t in df if len(t) >= 2 and t in word),
                             key=df.__getitem__)[:self.weights.max_partial_search_words])
        return Unit(word, (word,), math.log(1 + n), True, "partial", inner)

    def _word_units(self, word: str, known: bool, run: str, df: dict[str, int],
                    n: int) -> list[Unit]:
        """A word of the split: corrected when nothing reads it, cut into general words
        when unknown, weighed as colloquial, retrieved by its parts when long."""
        wt = self.weights
        alts = self.synonyms.alts(word, df)
        if not known and not any(a in df for a in alts) and word not in QUESTION_ISSUING_VERBS:
            # (哪天印发的 against a text without 印发 is no typo of 引发: a verb of issuing
            # frames the question, and understand weighs it down.)
            corrected = self.corrector.correct(word, run, df)
            if corrected:
                return [self.weigher.unit(word, corrected, n, "typo")]
        unit = self.synonyms.thesaurus(self.weigher.unit(word, alts, n, "question", df), n)
        if not unit.known and len(word) >= 2 and is_cjk(word[0]):
            # An unknown stretch is everyday wording (却占着床位, 用电脑):
            # its general-Chinese words are units of their own, each
            # with its own synonyms and weight.
            parts = lexicon().split(word)
            if len(parts) > 1:
                return [self.weigher.general(self._asked(part, df, n)) for part in parts]
        unit = self.weigher.general(unit)
        if not unit.known and len(word) >= wt.colloquial_min_len and COLLOQUIAL.pattern.search(word):
            # 能吃上饭, 里能看, 提前收多久: the asker's phrasing around the topic
            # (modal verbs, particles), not a topic the documents lack.
            unit = replace(unit, weight=wt.colloquial_factor * unit.weight)
        if len(word) >= wt.long_word_len and unit.known:
            # Retrieve by the parts of a long word too (畜禽屠宰管理条例 → 屠宰, 条例):
            # more candidates for 更多结果; coverage still asks for the whole.
            inner = tuple(sorted((t for t in df if 2 <= len(t) < len(word) and t in word
                                  and df[t] <= max(n // wt.part_search_share,
                                                   wt.part_search_min_df)),
                                 key=df.__getitem__)[:wt.max_part_search_words])
            unit = Unit(unit.text, unit.alts, unit.weight, True, unit.source, inner)
        return [unit]


def _with_places(pieces: list[tuple[str, bool]], run: str,
                 places: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``pieces`` with each place span of ``run`` one unknown piece (常 + 州市 → 常州市)."""
    out: list[tuple[str, bool]] = []
    at = 0
    for word, known in pieces:
        end = at + len(word)
        span = next(((s, e) for s, e in places if s < end and at < e), None)
        if span is None:
            out.append((word, known))
        elif at <= span[0]:
            if at < span[0]:
                out.append((run[at:span[0]], known))
            out.append((run[span[0]:span[1]], False))
            if end > span[1]:
                out.append((run[span[1]:end], known))
        elif end > span[1]:
            out.append((run[span[1]:end], known))
        at = end
    return out
