"""General Chinese words: jieba's dictionary, for the words an index has never seen.

The index knows its own vocabulary; a question also holds everyday words the
documents never use (押金, 床位, 却, 着).  Two things are needed about them:
where one such word ends and the next begins (却 + 占 + 着 + 床位, not one unknown
stretch 却占着床位 weighing like the rarest word), and how much a lone character
says (着 nothing, 粪 something).  Both come from jieba's bundled dictionary, read
as a plain file — jieba's tokenizer is never started for a question.

Reading the 350,000-line dictionary takes about half a second, so the words
needed (those of 20 occurrences or more) are kept in a small cache file (under
1 MB) in the per-user cache directory, rebuilt when jieba's dictionary changes.
"""

from __future__ import annotations

import importlib.util
import math
import os
import tempfile
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from indexer.lookup import Lookup, open_lookup

MIN_WORD_FREQ = 20  # rarer entries (进厂, 每批) are phrases more than words: split, they weigh little
MAX_WORD_LEN = 6
# …but a rarer entry of three characters or more is still a word (起征点 5, 起步价 3): the key
# term of a question the documents may not hold, which must not fall apart into 起/征/点.
# Kept on disk (:func:`rare_words`), not in memory: there are 230,000 of them.
RARE_MIN_FREQ = 3
RARE_MIN_LEN = 3


class HashedWords:
    """A set of words kept as their hashes: 78,000 words in ~6 MB, not ~15 MB.

    Membership only (a hash collision between a dictionary word and another
    string is astronomically unlikely, and would only split a phrase oddly).
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._hashes = frozenset(map(hash, words))

    def __contains__(self, word: object) -> bool:
        return hash(word) in self._hashes

    def __len__(self) -> int:
        return len(self._hashes)

    def __eq__(self, other: object) -> bool:
        # Equal to the words it was made of (a set of strings), or to the same hashes.
        if isinstance(other, HashedWords):
            return self._hashes == other._hashes
        if isinstance(other, (set, frozenset)):
            return self._hashes == frozenset(map(hash, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, like a set


@dataclass(frozen=True)
class Lexicon:
    words: Container[str]  # words of 2..MAX_WORD_LEN characters
    char_freq: dict[str, int]  # single characters' frequencies
    total: int  # the dictionary's total count

    def split(self, text: str) -> list[str]:
        """``text`` cut into the fewest dictionary words (single characters otherwise)."""
        size = len(text)
        best: list[tuple[int, int]] = [(0, 0)] + [(size + 1, 0)] * size  # (pieces, start)
        for end in range(1, size + 1):
            for start in range(max(0, end - MAX_WORD_LEN), end):
                if end - start == 1 or text[start:end] in self.words:
                    cost = best[start][0] + 1
                    if cost < best[end][0]:
                        best[end] = (cost, start)
        parts: list[str] = []
        end = size
        while end > 0:
            start = best[end][1]
            parts.append(text[start:end])
            end = start
        return parts[::-1]

    def char_idf(self, char: str) -> float:
        """How rare ``char`` is as a word of its own in general Chinese (log scale)."""
        return math.log(self.total / (self.char_freq.get(char, 0) + 1))


def _dictionary_path() -> Path:
    spec = importlib.util.find_spec("jieba")  # finds the package without importing it
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba is not installed")
    return Path(spec.origin).with_name("dict.txt")


def _parse(text: str) -> Lexicon:
    words: list[str] = []
    chars: dict[str, int] = {}
    total = 0
    for line in text.splitlines():
        word, freq_text, *_ = line.split(" ")
        freq = int(freq_text)
        total += freq
        if len(word) == 1:
            chars[word] = freq
        elif len(word) <= MAX_WORD_LEN and freq >= MIN_WORD_FREQ:
            words.append(word)
    return Lexicon(frozenset(words), chars, total)


def _serialise(lex: Lexicon) -> str:
    assert isinstance(lex.words, frozenset), "a compact lexicon cannot be written back"
    chars = " ".join(f"{c}{f}" for c, f in lex.char_freq.items())
    return f"{lex.total}\n{chars}\n" + "\n".join(sorted(lex.words))


def _deserialise(text: str, compact: bool = False) -> Lexicon:
    total, chars, words = text.split("\n", 2)
    if compact:  # hashes straight from the text: no 78,000-string set on the way
        char_freq = {item[0]: int(item[1:]) for item in chars.split(" ") if item}
        return Lexicon(HashedWords(words.split("\n")), char_freq, int(total))
    char_freq = {item[0]: int(item[1:]) for item in chars.split(" ") if item}
    return Lexicon(frozenset(words.split("\n")), char_freq, int(total))


def _compact(lex: Lexicon) -> Lexicon:
    """The process-wide lexicon keeps its words as hashes (see :class:`HashedWords`)."""
    assert isinstance(lex.words, frozenset)
    return Lexicon(HashedWords(lex.words), lex.char_freq, lex.total)


def _cache_file(source: Path) -> Path:
    from platformdirs import user_cache_dir

    stat = source.stat()
    return Path(user_cache_dir("casebot", appauthor=False)) / (
        f"lexicon-{stat.st_size}-{int(stat.st_mtime)}-{MIN_WORD_FREQ}-{MAX_WORD_LEN}.txt")


@lru_cache(maxsize=1)
def rare_words() -> Lookup:
    """The dictionary's rarer words of three characters or more (see :data:`RARE_MIN_FREQ`),
    as an on-disk table read a word at a time (``rare_words().get(w) is not None``)."""
    source = _dictionary_path()
    stat = source.stat()

    def build() -> Iterable[tuple[str, str]]:
        for line in source.read_text(encoding="utf-8").splitlines():
            word, freq_text, *_ = line.split(" ")
            if (RARE_MIN_LEN <= len(word) <= MAX_WORD_LEN
                    and RARE_MIN_FREQ <= int(freq_text) < MIN_WORD_FREQ):
                yield word, ""

    return open_lookup(f"rarewords-{stat.st_size}-{int(stat.st_mtime)}-{RARE_MIN_FREQ}-"
                       f"{RARE_MIN_LEN}-{MIN_WORD_FREQ}.sqlite", build)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The general lexicon (loaded once per process; from the cache file when there is one)."""
    source = _dictionary_path()
    cache = _cache_file(source)
    try:
        return _deserialise(cache.read_text(encoding="utf-8"), compact=True)
    except (OSError, ValueError):
        pass  # no cache yet, or a damaged one: rebuild it
    lex = _parse(source.read_text(encoding="utf-8"))
    text = _serialise(lex)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename: a process reading meanwhile sees no half-written file.
        fd, tmp = tempfile.mkstemp(dir=cache.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, cache)
        for old in cache.parent.glob("lexicon-*.txt"):
            if old != cache:
                old.unlink(missing_ok=True)  # another dictionary or threshold
    except OSError:
        pass  # a read-only cache directory costs time, not correctness
    return _compact(lex)
