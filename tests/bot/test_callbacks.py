"""Callback data: compact, versioned, under Telegram's 64 bytes, and safe on garbage."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.telegram import callbacks
from bot.telegram.callbacks import Case, Example, Page, Vote, decode, encode

BIG = 10**15 - 1  # the largest id the encoding takes

ACTIONS = [
    Page(1), Page(42, 3), Page(42, 0, original=True), Page(7, 6, plain=True),
    Page(BIG, BIG, original=True, plain=True),
    Case(2), Case(3, "s"), Case(4, "t"), Case(BIG, "o"),
    Vote(5, True), Vote(BIG, False),
    Example(0), Example(2),
]


@pytest.mark.parametrize("action", ACTIONS, ids=repr)
def test_round_trip_and_size(action: callbacks.Action) -> None:
    data = encode(action)
    assert 1 <= len(data.encode("utf-8")) < 64
    assert data.startswith(callbacks.VERSION)
    assert decode(data) == action


def test_encoding_is_compact_and_carries_no_text() -> None:
    assert encode(Page(42, 3)) == "1p:42:3:0"
    assert encode(Vote(42, True)) == "1v:42:1"
    assert encode(Case(2, "t")) == "1c:2:t"


@pytest.mark.parametrize("data", [
    None, "", "1", "1p", "1p:", "1p:1", "1p:1:2", "1p:1:2:9", "1p:-1:0:0", "1p:01:0:0",
    "1p:1:2:0:extra", "2p:1:2:0", "p:1:2:0", "1q:1", "1c:1:z", "1v:1:2", "1x:", "1x:a",
    "1x:1 ", " 1x:1", "1x:１", "1p:9999999999999999:0:0", "x" * 65, "香梨", "1p:1:2:0\n",
])
def test_garbage_decodes_to_none(data: str | None) -> None:
    assert decode(data) is None


def test_out_of_range_ids_are_refused_when_encoding() -> None:
    with pytest.raises(ValueError):
        encode(Page(10**15))
    with pytest.raises(ValueError):
        encode(Vote(-1, True))


@given(st.text(max_size=80))
def test_decode_never_raises(data: str) -> None:
    result = decode(data)
    assert result is None or encode(result) == data


@given(st.integers(0, BIG), st.integers(0, BIG), st.booleans(), st.booleans())
def test_page_round_trip_property(qid: int, offset: int, original: bool, plain: bool) -> None:
    page = Page(qid, offset, original, plain)
    data = encode(page)
    assert len(data.encode()) < 64
    assert decode(data) == page


def test_every_kind_of_button_has_a_handler() -> None:
    import typing

    from bot.telegram.handlers import BUTTONS

    assert set(BUTTONS) == set(typing.get_args(callbacks.Action))
