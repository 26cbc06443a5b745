"""Normalisation for matching: script, width, punctuation, case — and length preservation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.normalize import (
    detect_script,
    is_cjk,
    normalize,
    normalize_many,
    occurrences,
    to_script,
    to_simplified,
    to_traditional,
)

ROOT = Path(__file__).resolve().parents[2]
BUNDLED_PATH = ROOT / "corpus" / "documents" / "xinjiang-food-safety-typical-cases-batch-1.txt"
SECOND_PATH = ROOT / "tests" / "data" / "second" / "announcement.txt"

BUNDLED_TEXT = BUNDLED_PATH.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "expected"), [
    ("自治區肉類產品", "自治区肉类产品"),
    ("新疆維吾爾自治區畜禽屠宰管理條例", "新疆维吾尔自治区畜禽屠宰管理条例"),
    ("兩檢兩公開", "两检两公开"),
    ("小飯桌", "小饭桌"),
    ("庫爾勒香梨", "库尔勒香梨"),
    ("自治区肉类产品", "自治区肉类产品"),  # already simplified: unchanged
])
def test_traditional_to_simplified(text: str, expected: str) -> None:
    assert normalize(text) == expected
    assert to_simplified(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("\uff21\uff22\uff23\uff11\uff12\uff13", "abc123"),  # ＡＢＣ１２３
    ("\uff58\uff59\uff5a", "xyz"),  # ｘｙｚ
    ("\uff0b\uff05\uff1a", "+%:"),  # ＋％：
    ("\uff08\u4e00\uff09", "(一)"),  # （一）
    ("\uff0c\uff1b\uff01\uff1f", ",;!?"),  # ，；！？
    ("2\uff0bN", "2+n"),
])
def test_full_width_to_half_width(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("“兩檢兩公開”", '"两检两公开"'),
    ("「小飯桌」", '"小饭桌"'),
    ("『益企維』", '"益企维"'),
    ("‘單引號’", "'单引号'"),
    ("排查—整改–驗收―銷號", "排查-整改-验收-销号"),
    ("等等…", "等等."),
    ("〔2024〕【通知】", "(2024)(通知)"),
    ("〈標準〉", "《标准》"),
    ("甲\u3000乙", "甲 乙"),
])
def test_unified_punctuation(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Korla PEAR", "korla pear"),
    ("2+N監管模式", "2+n监管模式"),
    ("\uff2b\uff4f\uff52\uff4c\uff41", "korla"),  # full-width, mixed case
])
def test_lower_case(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_bundled_document_keeps_its_length() -> None:
    assert len(normalize(BUNDLED_TEXT)) == len(BUNDLED_TEXT)
    # Offsets line up: the title found in the normalised text is the title in the original.
    norm = normalize(BUNDLED_TEXT)
    pos = norm.find("畜禽屠宰管理条例")
    assert BUNDLED_TEXT[pos:pos + 8] == "畜禽屠宰管理條例"


_DOC_CHARS = sorted(set(BUNDLED_TEXT))
_FULL_WIDTH = [chr(c) for c in range(0xFF01, 0xFF5F)]
_PUNCT = list("“”„「」『』‘’—–―…·〔〕【】〈〉\u3000《》、。")
_ALPHABET = st.sampled_from(_DOC_CHARS + _FULL_WIDTH + _PUNCT) | st.characters(
    min_codepoint=0x20, max_codepoint=0x7E)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_length_preserved_for_document_like_text(text: str) -> None:
    norm = normalize(text)
    assert len(norm) == len(text)
    assert len(to_traditional(text)) == len(text)
    assert len(to_simplified(text)) == len(text)
    # Each ASCII/full-width letter or digit maps to its lower-case ASCII twin in place.
    for a, b in zip(text, norm, strict=True):
        if a.isascii() and a.isalnum():
            assert b == a.lower()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_length_preserved_for_any_text(text: str) -> None:
    assert len(normalize(text)) == len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@pytest.mark.parametrize(("text", "script"), [
    (BUNDLED_TEXT, "traditional"),
    (SECOND_PATH.read_text(encoding="utf-8"), "simplified"),
    ("自治區肉類產品", "traditional"),
    ("自治区肉类产品", "simplified"),
    ("誰負責修訂畜禽屠宰管理條例?", "traditional"),
    ("哪个部门修订了畜禽屠宰管理条例?", "simplified"),
    ("小飯桌由哪個部門牽頭?", "traditional"),
    ("", "simplified"),  # cannot tell → simplified
    ("hello 123", "simplified"),
    ("香梨", "simplified"),  # same in both scripts
])
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_detect_script_taiwan() -> None:
    assert detect_script("台灣") == "traditional"


@pytest.mark.parametrize(("text", "expected"), [
    ("自治区肉类产品", "自治區肉類產品"),
    ("两检两公开", "兩檢兩公開"),
    ("小饭桌", "小飯桌"),
    ("abc 123", "abc 123"),
])
def test_to_traditional(text: str, expected: str) -> None:
    assert to_traditional(text) == expected
    assert to_script(text, "traditional") == expected
    assert to_script(expected, "simplified") == text


def test_is_cjk() -> None:
    assert is_cjk("中") and is_cjk("區") and is_cjk("\u3400")
    assert not any(is_cjk(c) for c in "a1,。“《\uff21😀")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=30), max_size=8))
def test_normalize_many_is_normalize_of_each(texts: list[str]) -> None:
    """In one OpenCC call, remembered or not: each text as normalize() alone gives it."""
    expected = [normalize(t) for t in texts]
    assert normalize_many(texts) == expected
    assert normalize_many(texts) == expected  # the second time from the memo
    assert [normalize(t) for t in texts] == expected


def test_normalize_many_with_a_phrase_rule_and_newlines() -> None:
    texts = ["乾隆年間", "a\nb", "自治區", "", "自治區"]
    assert normalize_many(texts) == [normalize(t) for t in texts]


@pytest.mark.parametrize(("text", "piece", "starts"), [
    ("新华社北京电 在北京经济技术开发区", "北京", [3, 8]),
    ("aaaa", "aa", [0, 2]),  # not overlapping
    ("北京", "", []),
    ("北京", "上海", []),
])
def test_occurrences(text: str, piece: str, starts: list[int]) -> None:
    assert occurrences(text, piece) == starts

