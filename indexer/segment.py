"""Word segmentation for the index (jieba) and the question side (the index's own vocabulary).

Index side: jieba in search mode over *normalised* (simplified) text, with a
user dictionary of the corpus's own domain terms, so long names are tokens
as well as their parts.  Question side never loads jieba: a question can only
match words that are in the index, so :func:`substrings` proposes every
substring and the index vocabulary keeps the real words (see
``indexer.search``).  That keeps a cold ``casebot ask`` well under jieba's
own start-up time.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from indexer.normalize import is_cjk

if TYPE_CHECKING:
    import jieba

MAX_TERM_LEN = 16
Span = tuple[int, int]


def is_word_char(ch: str) -> bool:
    return is_cjk(ch) or ch.isalnum()


def keep_token(token: str) -> bool:
    """Index a token only if it carries a letter, digit or ideograph."""
    return any(is_word_char(c) for c in token)


_TOKENIZER: jieba.Tokenizer | None = None


def _shared_tokenizer() -> jieba.Tokenizer:
    """One initialised jieba per process: loading its dictionary costs about a second.

    Domain terms added for one batch stay for the next; they are the corpus's
    own words, so keeping them only makes segmentation more consistent.
    """
    global _TOKENIZER
    if _TOKENIZER is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        tk.initialize()
        _TOKENIZER = tk
    return _TOKENIZER


class Segmenter:
    """A jieba tokenizer with the corpus's domain terms added."""

    def __init__(self, user_terms: Iterable[str] = ()) -> None:
        self._user_terms = sorted(set(user_terms))
        self._term_set = frozenset(self._user_terms)
        self._tokenizer: jieba.Tokenizer | None = None

    def _jieba(self) -> jieba.Tokenizer:
        if self._tokenizer is None:
            tk = _shared_tokenizer()
            for term in self._user_terms:
                if term not in tk.FREQ:
                    tk.add_word(term)
            self._tokenizer = tk
        return self._tokenizer


    def spans(self, normalised: str) -> list[Span]:
        """Search-mode tokens of already-normalised text as ``(start, end)`` spans.

        Duplicates are kept (they are term frequency).  Punctuation-only tokens
        are dropped: the FTS tokenizer would discard them anyway.
        """
        out: list[Span] = []
        for token, start, end in self._jieba().tokenize(normalised, mode="search"):
            if not keep_token(token):
                continue
            out.append((start, end))
            if len(token) > 4:
                # Search mode only adds 2- and 3-character parts; a domain term
                # inside a longer one (畜禽屠宰管理条例 in 新疆…畜禽屠宰管理条例) is a token too.
                out.extend((start + i, start + j) for i, j in self._nested_terms(token))
        return out

    def tokens(self, normalised: str) -> list[str]:
        """The tokens of :meth:`spans`, as strings."""
        return [normalised[s:e] for s, e in self.spans(normalised)]

    def _nested_terms(self, token: str) -> list[Span]:
        terms = self._term_set
        return [(i, j) for i in range(len(token)) for j in range(i + 4, len(token) + 1)
                if (i, j) != (0, len(token)) and token[i:j] in terms]



# --- parallel segmentation for large batches --------------------------------

_worker: Segmenter | None = None


def _init_worker(user_terms: Sequence[str]) -> None:
    global _worker
    _worker = Segmenter(user_terms)


def _segment_chunk(texts: Sequence[str]) -> list[list[Span]]:
    assert _worker is not None
    return [_worker.spans(t) for t in texts]


def segment_all(texts: Sequence[str], user_terms: Iterable[str],
                processes: int | None = None) -> list[list[Span]]:
    """Token spans for every (normalised) text, in order.

    Large batches are spread over processes (jieba is pure Python and holds
    the GIL); small ones stay in-process, where start-up would dominate.
    """
    terms = sorted(set(user_terms))
    total = sum(len(t) for t in texts)
    workers = processes if processes is not None else (os.cpu_count() or 1)
    if workers <= 1 or total < 300_000:
        seg = Segmenter(terms)
        return [seg.spans(t) for t in texts]
    from concurrent.futures import ProcessPoolExecutor  # only for large batches

    size = max(1, len(texts) // (workers * 8))
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(terms,)) as pool:
        return [tokens for chunk in pool.map(_segment_chunk, chunks) for tokens in chunk]


def words_of(normalised: str, spans: Sequence[Span]) -> str:
    """The FTS ``words`` value: the spans' tokens, space separated."""
    return " ".join(normalised[s:e] for s, e in spans)


def encode_spans(spans: Sequence[Span]) -> bytes:
    """Spans as varints (start, length): about two bytes a token.

    The index keeps these instead of the token text: with the passage's
    original text they give back exactly what was indexed, which FTS5 needs
    to delete a passage from a contentless table.
    """
    out = bytearray()
    for start, end in spans:
        for value in (start, end - start):
            while value >= 0x80:
                out.append((value & 0x7F) | 0x80)
                value >>= 7
            out.append(value)
    return bytes(out)


def decode_spans(data: bytes) -> list[Span]:
    values: list[int] = []
    value = shift = 0
    for byte in data:
        value |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
            continue
        values.append(value)
        value = shift = 0
    return [(values[i], values[i] + values[i + 1]) for i in range(0, len(values) - 1, 2)]


def substrings(text: str, max_len: int = MAX_TERM_LEN) -> set[str]:
    """Every substring of each word-character run, up to ``max_len`` characters.

    The candidates a question's words are drawn from; the index vocabulary
    decides which are words.
    """
    out: set[str] = set()
    run: list[str] = []
    for ch in [*text, " "]:
        if is_word_char(ch):
            run.append(ch)
            continue
        if run:
            s = "".join(run)
            for i in range(len(s)):
                for j in range(i + 1, min(len(s), i + max_len) + 1):
                    out.add(s[i:j])
        run = []
    return out
