"""Removing the question words (哪个部门, 多少, 请问, 的 …) from a question before it is cut
into words — without cutting a topic word that holds one (地 of 土地, 有 of 有限空间)."""

from __future__ import annotations

import re

from bot.analysis import Vocabulary
from bot.expand.tables import WordTable
from corpus import regex
from indexer.normalize import is_cjk
from indexer.segment import MAX_TERM_LEN
from indexer.words import DISCOURSE_WORDS, QUESTION_WORDS

# Longest first, so that 哪个部门 goes as one and not as 哪个 + 部门.
QUESTION_WORD_RE = regex.compile(
    "|".join(re.escape(w) for w in sorted(QUESTION_WORDS, key=len, reverse=True)))


class QuestionWordStripper:
    """Blanks out question words, keeping the index's (and the synonym table's) words."""

    def __init__(self, vocab: Vocabulary, synonyms: WordTable) -> None:
        self.vocab = vocab
        # Colloquial phrases holding a question word (一个人住, 没人管) must survive
        # its removal to reach their synonyms; so must the asker's time words (现在 is
        # no 现 + 在), weighed as such later (bot.understand).
        keep = sorted((k for k in (*synonyms, *DISCOURSE_WORDS)
                       if len(k) > 1 and QUESTION_WORD_RE.search(k)), key=len, reverse=True)
        self._keep_re = re.compile("|".join(map(re.escape, keep))) if keep else None

    def strip(self, text: str) -> str:
        """``text`` with every question word outside a kept word replaced by a space."""
        kept = self.kept_words(text)
        out: list[str] = []
        last = 0
        for start, end in kept:
            out.append(QUESTION_WORD_RE.sub(" ", text[last:start]))
            out.append(f" {text[start:end]} ")
            last = end
        out.append(QUESTION_WORD_RE.sub(" ", text[last:]))
        return "".join(out)

    def kept_words(self, text: str) -> list[tuple[int, int]]:
        """Spans of ``text`` a question word must not cut, in order, not overlapping.

        A question word can be part of a topic word: 地 of 土地, 指 of 指导, 还 of
        还田, 干 of 干部, 有 of 有限空间.  An index word (or a colloquial word with
        synonyms) that holds a whole question word and more is kept as it is.
        """
        found: list[tuple[int, int]] = []
        inside: list[tuple[int, int]] | None = None  # the index words in text, read once
        if self._keep_re is not None:
            kept_phrases = [m.span() for m in self._keep_re.finditer(text)]
            if kept_phrases:
                # Not one that an index word runs into (整改了: 整改 + 了, not 整 + 改了).
                inside = self._index_spans(text)
                found += [(s, e) for s, e in kept_phrases
                          if not any(a < s < b <= e for a, b in inside)]
        spans = [m.span() for m in QUESTION_WORD_RE.finditer(text)]
        candidates: dict[tuple[int, int], str] = {}
        for qs, qe in spans:
            for i in range(max(0, qe - MAX_TERM_LEN), qs + 1):
                for j in range(qe, min(len(text), i + MAX_TERM_LEN) + 1):
                    word = text[i:j]
                    # Not a word made of question words alone (还有, 是否), nor one that
                    # opens with 哪 (哪位, 哪天: which one, never a topic).
                    if (j - i > qe - qs and is_cjk(word[0]) and not word.startswith("哪")
                            and QUESTION_WORD_RE.sub("", word).strip()):
                        candidates[(i, j)] = word
        if candidates:
            found += self._indexed(text, spans, candidates,
                                   self._index_spans(text) if inside is None else inside)
        kept: list[tuple[int, int]] = []
        for start, end in sorted(found, key=lambda sp: (sp[0] - sp[1], sp[0])):  # longest first
            if all(end <= a or start >= b for a, b in kept):
                kept.append((start, end))
        return sorted(kept)

    def _index_spans(self, text: str) -> list[tuple[int, int]]:
        """The spans of ``text`` that are index words of two characters or more."""
        words = {text[i:j] for i in range(len(text))
                 for j in range(i + 2, min(len(text), i + MAX_TERM_LEN) + 1)}
        df = self.vocab.document_frequencies(words)
        return [(i, j) for i in range(len(text))
                for j in range(i + 2, min(len(text), i + MAX_TERM_LEN) + 1)
                if text[i:j] in df]

    def _indexed(self, text: str, spans: list[tuple[int, int]],
                 candidates: dict[tuple[int, int], str],
                 spans_in: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The candidate words around question words that are index words of their own
        (``spans_in``: the spans of ``text`` that are index words), not cut by a word
        running on past them."""
        indexed = {text[i:j] for i, j in spans_in}
        found: list[tuple[int, int]] = []
        for (i, j), word in candidates.items():
            if word not in indexed:
                continue
            qs, qe = next(q for q in spans if i <= q[0] and q[1] <= j)
            # Not when the rest of it belongs to a word running on past it
            # (对存量: 存量, not 对存): the question word stays a question word.
            if any((b <= qs or a >= qe) and a < j and b > i and (a < i or b > j)
                   for a, b in spans_in):
                continue
            found.append((i, j))
        return found
