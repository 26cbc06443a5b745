"""Cutting a run of the question's Chinese into words: the index's words, longer preferred
(dynamic programming over substrings found in the vocabulary), adjacent unknown characters
merged, runs of lone characters tried as a mistyped word or as an everyday word.

A piece is ``(word, known)``; after the lone-character passes, an item is
``(word, known, corrected)`` with the index word a typo stands for, if any.
"""

from __future__ import annotations

from bot.expand.synonyms import SynonymExpander
from bot.expand.typos import TypoCorrector
from bot.weights import WEIGHTS, Weights
from corpus import regex
from indexer.lexicon import RARE_MIN_LEN, lexicon, rare_words
from indexer.segment import MAX_TERM_LEN, substrings
from indexer.words import COUNTRIES

Piece = tuple[str, bool]
Item = tuple[str, bool, tuple[str, ...]]


def segment(run: str, df: dict[str, int], synonyms: SynonymExpander,
            partial: set[str] | frozenset[str] = frozenset(),
            unknown_cost: float = WEIGHTS.unknown_char_cost) -> list[Piece]:
    """Best split of ``run`` into indexed words, longer preferred.

    ``partial`` pieces (parts of longer indexed words) are allowed too, and
    colloquial words whose documentary synonyms are indexed — not those
    whose synonyms the documents never use (法规 must not cut 办法规定).
    """
    size = len(run)
    best: list[tuple[float, int]] = [(0.0, 0)] * (size + 1)
    for end in range(1, size + 1):
        choice = (best[end - 1][0] - unknown_cost, end - 1)  # an unknown single character
        for start in range(max(0, end - MAX_TERM_LEN), end):
            piece = run[start:end]
            if piece in df or piece in partial or (
                    len(piece) > 1 and synonyms.has_indexed(piece, df)):
                score = best[start][0] + len(piece) ** 2
                if score > choice[0]:
                    choice = (score, start)
        best[end] = choice
    out: list[Piece] = []
    end = size
    while end > 0:
        start = best[end][1]
        piece = run[start:end]
        out.append((piece, piece in df or piece in partial or synonyms.has_indexed(piece, df)))
        end = start
    return out[::-1]


# Countries whose name opens a body or a post of theirs (日本民主党, 美国国会): not China's,
# whose bodies carry it in their own names (中国银行, 中国人民银行).
_FOREIGN = regex.compile("|".join(sorted((c for c in COUNTRIES if c not in ("中国", "中华")),
                                      key=len, reverse=True)))


def split_country(pieces: list[Piece], df: dict[str, int]) -> list[Piece]:
    """A word made of a country and an indexed word (日本民主党 → 日本, 民主党): news names
    the body without its country once the country is said (现任民主党党首菅直人), so the
    question's word counts as the two it is made of."""
    out: list[Piece] = []
    for word, known in pieces:
        m = _FOREIGN.match(word) if known else None
        country = m.group() if m else ""
        rest = word[len(country):]
        if country and len(rest) >= 2 and rest in df:
            out += [(country, True), (rest, True)]
        else:
            out.append((word, known))
    return out


def merge_unknown(pieces: list[Piece]) -> list[Piece]:
    """Adjacent unknown characters form one unknown word (所得税 is one gap, not three)."""
    out: list[Piece] = []
    for word, known in pieces:
        if out and not known and not out[-1][1]:
            out[-1] = (out[-1][0] + word, False)
        else:
            out.append((word, known))
    return out


def loose_characters(pieces: list[Piece], run: str, df: dict[str, int],
                     corrector: TypoCorrector, weights: Weights = WEIGHTS) -> list[Item]:
    """Pieces, with runs of lone characters tried as one mistyped word.

    In a large index every character is a word of its own somewhere, so a
    typo like 小饭卓 does not show as unknown: it falls apart into 小/饭/卓.
    Two or three lone characters in a row that, with one character
    changed, sound like an index word (小饭桌) are taken for that word.
    """
    out: list[Item] = []
    i = 0
    while i < len(pieces):
        j = i
        while j < len(pieces) and len(pieces[j][0]) == 1:
            j += 1
        if 2 <= j - i <= weights.max_loose_run:
            loose = "".join(w for w, _ in pieces[i:j])
            # Known characters: only words about their own length are worth a try
            # (the search is the costliest step of a question on a large index).
            fixed = corrector.correct(loose, run, df, max_size=len(loose) + weights.loose_window_extra)
            if fixed:
                out.append((loose, True, fixed))
                i = j
                continue
        if j > i:
            out.extend((w, k, ()) for w, k in pieces[i:j])
            i = j
        else:
            out.append((*pieces[i], ()))
            i += 1
    return out


def general_words(items: list[Item], df: dict[str, int],
                  max_len: int = WEIGHTS.max_everyday_word_len) -> list[Item]:
    """Lone characters that form an everyday word the index lacks, as that word.

    天 and 下 are index words of their own somewhere, so 明天会下雨 falls apart
    into 明/天/会/下/雨 and matches any sentence with 天 and 下.  明天 and 下雨
    are words of general Chinese that no index word covers: they are asked
    about as such, and the documents do not have them.  A rarer word of three characters
    or more (起征点) counts too: it is read from disk only for such a run.
    """
    out: list[Item] = []
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and len(items[j][0]) == 1 and not items[j][2]:
            j += 1
        if j - i < 2:
            out.append(items[i])
            i += 1
            continue
        words = lexicon().words
        rare = rare_words()
        k = i
        while k < j:
            for end in range(min(j, k + max_len), k + 1, -1):
                word = "".join(w for w, _, _ in items[k:end])
                if (word in words or (len(word) >= RARE_MIN_LEN and rare.get(word) is not None)) and (
                        word not in df) and not any(
                        sub in df for sub in substrings(word) if 2 <= len(sub) < len(word)):
                    out.append((word, False, ()))
                    k = end
                    break
            else:
                out.append(items[k])
                k += 1
        i = j
    return out
