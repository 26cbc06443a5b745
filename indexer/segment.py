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
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from indexer.normalize import is_cjk

if TYPE_CHECKING:
    import jieba

MAX_TERM_LEN = 16
Span = tuple[int, int]  # (start, end) in a text


def is_word_char(ch: str) -> bool:
    return is_cjk(ch) or ch.isalnum()


def keep_token(token: str) -> bool:
    """Index a token only if it carries a letter, digit or ideograph."""
    return any(is_word_char(c) for c in token)


_TOKENIZER: jieba.Tokenizer | None = None
_PRISTINE: tuple[dict[str, int], int] | None = None  # jieba's own dictionary and total
_ADDED: frozenset[str] = frozenset()  # the user terms _TOKENIZER holds now
_LOCK = threading.RLock()  # one segmenting thread at a time: they share _TOKENIZER


def shared_tokenizer() -> jieba.Tokenizer:
    """One initialised jieba per process: loading its dictionary costs about a second."""
    global _TOKENIZER, _PRISTINE
    with _LOCK:
        if _TOKENIZER is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.initialize()
            _PRISTINE = (dict(tk.FREQ), tk.total)
            _TOKENIZER = tk
        return _TOKENIZER


def _tokenizer_with(terms: frozenset[str]) -> jieba.Tokenizer:
    """The shared jieba holding exactly ``terms`` as user words (callers hold _LOCK).

    Segmentation must depend on the terms alone, not on what this process
    indexed before: jieba sizes a new word's frequency by the words it already
    has, so a term set is always added to the pristine dictionary, in order.
    Otherwise an index built in a long-running process, in forked or in
    spawned workers would differ.
    """
    global _ADDED
    tk = shared_tokenizer()
    if terms is not _ADDED:  # called per text: the identity test is the common case
        if terms != _ADDED:
            if _ADDED:
                assert _PRISTINE is not None
                tk.FREQ, tk.total = dict(_PRISTINE[0]), _PRISTINE[1]
            for term in sorted(terms):
                if term not in tk.FREQ:
                    tk.add_word(term)
        _ADDED = terms
    return tk


class Segmenter:
    """A jieba tokenizer with the corpus's domain terms added."""

    def __init__(self, user_terms: Iterable[str] = ()) -> None:
        self._term_set = frozenset(user_terms)

    def _jieba(self) -> jieba.Tokenizer:
        return _tokenizer_with(self._term_set)

    def warm(self) -> None:
        """Load jieba and add the terms now (before forking workers that inherit it)."""
        with _LOCK:
            self._jieba()

    def tokens(self, normalised: str) -> list[str]:
        """Search-mode tokens of already-normalised text, in order.

        Duplicates are kept (they are term frequency).  Punctuation-only tokens
        are dropped: the FTS tokenizer would discard them anyway.
        """
        out: list[str] = []
        with _LOCK:
            tokens = list(self._jieba().cut_for_search(normalised))
        for token in tokens:
            if not (token.isalnum() or keep_token(token)):  # isalnum: most tokens, in C
                continue
            out.append(token)
            if len(token) > 4:
                # Search mode only adds 2- and 3-character parts; a domain term
                # inside a longer one (畜禽屠宰管理条例 in 新疆…畜禽屠宰管理条例) is a token too.
                out.extend(token[i:j] for i, j in self._nested_terms(token))
        return out

    def words(self, normalised: str) -> str:
        """The FTS ``words`` value of a text: its tokens, space separated."""
        return " ".join(self.tokens(normalised))

    def _nested_terms(self, token: str) -> list[Span]:
        terms = self._term_set
        return [(i, j) for i in range(len(token)) for j in range(i + 4, len(token) + 1)
                if (i, j) != (0, len(token)) and token[i:j] in terms]



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
