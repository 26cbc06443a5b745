"""A question's word as the documents' words for it: the hand synonym table
(``corpus/data/synonyms.tsv``: colloquial → documentary, 自来水 → 供水) and, for a word
nothing else reads, the thesaurus (同义词词林, :mod:`indexer.thesaurus`) at a lower credit, and its
near-synonyms (same small class, a shared character) lower still."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bot.analysis import Unit, Vocabulary
from bot.expand.tables import WordTable
from bot.expand.units import UnitWeigher
from bot.weights import WEIGHTS, Weights
from indexer.normalize import is_cjk
from indexer.thesaurus import near_synonyms, synonyms


class SynonymExpander:
    """Finds the index's words for a question's word through the synonym table and the
    thesaurus."""

    def __init__(self, vocab: Vocabulary, table: WordTable, weigher: UnitWeigher,
                 weights: Weights = WEIGHTS) -> None:
        self.vocab = vocab
        self.table = table
        self.weigher = weigher
        self.weights = weights

    def targets(self, candidates: Iterable[str]) -> set[str]:
        """Every documentary synonym of any of ``candidates``."""
        return {t for c in candidates if c in self.table for t in self.table[c]}

    def has_indexed(self, word: str, df: dict[str, int]) -> bool:
        """Whether any documentary synonym of ``word`` is an index word (in ``df``)."""
        return any(t in df for t in self.table.get(word, ()))

    def alts(self, word: str, df: dict[str, int]) -> tuple[str, ...]:
        """``word`` and its documentary synonyms the documents use; ``word`` alone when
        none is used."""
        targets = self.table.get(word, ())
        alts = [word] if word in df else []
        # When the documents use the asker's own word, a synonym common across
        # them (自来水 → 供水, in 1 of 50 passages or more) would only blur it.
        limit = max(self.vocab.passage_count // self.weights.common_synonym_share,
                    self.weights.common_synonym_ratio * df[word]) if word in df else None
        alts.extend(t for t in targets if t in df and t not in alts
                    and (limit is None or df[t] <= limit))
        # A documentary word may be no index word of its own but part of one
        # (用餐 in 用餐补贴, 助餐 in 助餐点): it still matches the text.
        alts.extend(t for t in targets if t not in df and t not in alts and len(t) >= 2
                    and (self.weigher.composition(t) or self.weigher.inside_word(t)))
        if alts and word not in alts and len(word) >= 2 and is_cjk(word[0]):
            # The asker's own word is no index word when the segmenter split it (不合格 is
            # indexed as 不 + 合格), yet a sentence saying it as written says it best.
            alts.append(word)
        return tuple(alts) or (word,)

    def thesaurus(self, unit: Unit, n: int) -> Unit:
        """An everyday word the index lacks, matched by its thesaurus synonyms the
        documents use (噪音 → 噪声, 水渠 → 沟渠), less surely than the hand table."""
        if unit.known or len(unit.text) < 2 or not is_cjk(unit.text[0]):
            return unit
        wt = self.weights
        for lookup, credit in ((synonyms, wt.thesaurus_credit),
                               (near_synonyms, wt.near_synonym_credit)):
            candidates = sorted(lookup(unit.text))
            df = self.vocab.document_frequencies(candidates) if candidates else {}
            found = sorted((w for w in candidates if w in df),
                           key=df.__getitem__)[:wt.max_thesaurus_alts]
            if found:
                matched = self.weigher.unit(unit.text, found, n, "synonym")
                # It weighs as the unknown word did: a question about 噪音 on
                # documents without 噪声 stays as far from found as before.
                return replace(matched, weight=credit * unit.weight)
        return unit
