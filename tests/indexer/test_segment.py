"""Segmentation: jieba over normalised text, domain terms as tokens, question substrings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from indexer.normalize import normalize
from indexer.segment import (
    MAX_TERM_LEN,
    Segmenter,
    keep_token,
    substrings,
)
from indexer.terms import domain_terms

BUNDLED_PATH = (Path(__file__).resolve().parents[2] / "corpus" / "documents"
                / "xinjiang-food-safety-typical-cases-batch-1.txt")


@pytest.fixture(scope="module")
def bare_jieba() -> Callable[[str], list[str]]:
    """Search-mode jieba with its own dictionary only.

    A fresh ``jieba.Tokenizer``: ``Segmenter`` shares one tokenizer per process, and
    domain terms added by any index built earlier in this process stay in it.
    """
    import jieba

    tk = jieba.Tokenizer()
    tk.initialize()
    return lambda text: [t for t in tk.cut_for_search(text) if keep_token(t)]


@pytest.fixture(scope="module")
def domain() -> Segmenter:
    """A segmenter with the bundled document's own terms, as the writer builds it."""
    text = normalize(BUNDLED_PATH.read_text(encoding="utf-8"))
    return Segmenter(domain_terms(text))


def test_normalising_first_gives_real_words(bare_jieba: Callable[[str], list[str]],
                                            domain: Segmenter) -> None:
    raw = "自治區肉類產品全鏈條監管提質行動"
    raw_tokens = bare_jieba(raw)
    norm_tokens = bare_jieba(normalize(raw))
    for word in ("自治区", "肉类", "产品"):
        assert word in norm_tokens
    # jieba's dictionary is simplified: the traditional text is cut in the wrong places.
    for word in ("自治區", "肉類", "產品"):
        assert word not in raw_tokens
    assert "區肉" in raw_tokens or "類產品" in raw_tokens
    # The index's own segmenter, which the writer uses, agrees.
    for word in ("自治区", "肉类", "产品"):
        assert word in domain.tokens(normalize(raw))


@pytest.mark.parametrize(("sentence", "term", "parts"), [
    ("自治區市場監管局堅持實施“兩檢兩公開”(原料入廠批批檢)", "两检两公开", ["公开"]),
    ("州政府將規范“小飯桌”納入年度", "小饭桌", ["饭桌"]),
    ("畜禽屠宰管理條例", "畜禽屠宰管理条例", ["畜禽", "屠宰", "管理", "条例"]),
    ("修訂《新疆維吾爾自治區畜禽屠宰管理條例》,完善全過程管理制度",
     "新疆维吾尔自治区畜禽屠宰管理条例", ["新疆", "畜禽", "屠宰", "管理", "条例"]),
    ("自治區市場監管局組織各部門密切協作", "自治区市场监管局", ["自治区", "市场", "监管"]),
])
def test_domain_terms_are_tokens_and_parts_remain(domain: Segmenter, sentence: str, term: str,
                                                  parts: list[str]) -> None:
    norm = normalize(sentence)
    tokens = domain.tokens(norm)
    assert term in tokens
    for part in parts:
        assert part in tokens


@pytest.mark.parametrize(("sentence", "term"), [
    ("堅持實施“兩檢兩公開”", "两检两公开"),
    ("州政府將規范“小飯桌”納入", "小饭桌"),
])
def test_without_user_dictionary_terms_are_split(bare_jieba: Callable[[str], list[str]],
                                                 sentence: str, term: str) -> None:
    assert term not in bare_jieba(normalize(sentence))


def test_nested_domain_term_is_a_token_in_context(domain: Segmenter) -> None:
    tokens = domain.tokens(normalize("修訂《新疆維吾爾自治區畜禽屠宰管理條例》,完善全過程管理制度"))
    assert "畜禽屠宰管理条例" in tokens


def test_tokens_drop_punctuation(domain: Segmenter) -> None:
    tokens = domain.tokens(normalize("“小飯桌”、《意見》;2+N!"))
    assert tokens and all(keep_token(t) for t in tokens)
    assert "2" in tokens and "n" in tokens


@pytest.mark.parametrize(("token", "keep"), [
    ("小饭桌", True), ("2025", True), ("n", True), ("a1", True),
    (",", False), ("《", False), (" ", False), ("", False), ('"', False), ("+", False),
])
def test_keep_token(token: str, keep: bool) -> None:
    assert keep_token(token) is keep


def test_words_add_domain_terms() -> None:
    texts = [normalize("州政府將規范“小飯桌”納入年度"), normalize("堅持實施“兩檢兩公開”"), ""]
    segmenter = Segmenter({"小饭桌", "两检两公开"})
    out = [segmenter.words(t) for t in texts]
    assert len(out) == 3
    assert "小饭桌" in out[0].split()
    assert "两检两公开" in out[1].split()
    assert out[2] == ""


# --- substrings: the question side ------------------------------------------------------

def test_substrings_of_one_run() -> None:
    assert substrings("小饭桌") == {"小", "饭", "桌", "小饭", "饭桌", "小饭桌"}


def test_substrings_stop_at_punctuation_and_spaces() -> None:
    assert substrings("ab,小饭桌") == {"a", "b", "ab", "小", "饭", "桌", "小饭", "饭桌", "小饭桌"}
    got = substrings("香梨 价值?")
    assert "香梨" in got and "价值" in got
    assert "梨价" not in got and "香梨 价值" not in got


@pytest.mark.parametrize("text", ["", "   ", ",。?!", "😀😀"])
def test_substrings_of_nothing(text: str) -> None:
    assert substrings(text) == set()


def test_substrings_respect_max_len() -> None:
    run = "一二三四五六七八九十" * 3
    got = substrings(run)
    assert max(len(s) for s in got) == MAX_TERM_LEN
    assert run[:MAX_TERM_LEN] in got
    assert run[:MAX_TERM_LEN + 1] not in got
    assert max(len(s) for s in substrings(run, max_len=4)) == 4


def test_substrings_count() -> None:
    # n characters, all distinct, no cap reached: n(n+1)/2 substrings.
    assert len(substrings("畜禽屠宰管理条例")) == 8 * 9 // 2


def test_segmentation_depends_on_the_terms_alone() -> None:
    """Terms of an earlier batch do not linger in the shared jieba: an index built in a
    long-running process equals one built in a fresh (spawned) worker."""
    text = normalize("自治區市場監管局聯合公安廳開展肉類產品專項整治,推進兩檢兩公開")
    plain = Segmenter([]).tokens(text)
    with_terms = Segmenter(["两检两公开", "肉类产品专项整治", "市场监管局联合"]).tokens(text)
    assert with_terms != plain
    assert Segmenter([]).tokens(text) == plain
    assert Segmenter(["两检两公开", "肉类产品专项整治", "市场监管局联合"]).tokens(text) == with_terms
