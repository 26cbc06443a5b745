"""Telegram HTML formatting: escaping, highlights, script mirroring, splitting, keyboards.

Every produced message is checked with the same validator the fake Bot API uses, so
anything that passes here is accepted by Telegram's HTML parser.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answer import Answer, Passage
from bot.render import answer_pool, marked_pieces
from bot.service import Casebot
from bot.telegram import callbacks
from bot.telegram import format as fmt
from bot.telegram.richtext import Block, Run, split_message

from .telegram_html import (
    MESSAGE_LIMIT,
    parse_telegram_html,
    telegram_text_length,
    validate_telegram_html,
)

HOSTILE = 'A <b>bold</b> & <script>alert("x")</script> &amp; </blockquote> <a href="x">'


def passage(text: str, terms: tuple[str, ...] = (), **kw: object) -> Passage:
    fields: dict[str, object] = dict(
        id=1, text=text, score=1.0, doc="自治區強化食品安全全鏈條監管典型案例(第一批)",
        doc_id=1, case=2, case_id=2, case_title="源頭嚴管", section="一是源頭管控筑防線",
        section_id=5, role="body", terms=terms)
    fields.update(kw)
    return Passage(**fields)  # type: ignore[arg-type]


def answer(*passages: Passage, direct: str | None = None, script: str = "simplified",
           more: tuple[Passage, ...] = (), notice: str | None = None,
           question: str = "问题") -> Answer:
    return Answer(question=question, found=True, answer=direct, passages=passages,
                  script=script, more=more, notice=notice)  # type: ignore[arg-type]


def check(parts: list[str]) -> list[str]:
    """Every part valid Telegram HTML within the limit; returns the visible texts."""
    assert parts
    visible = []
    for part in parts:
        validate_telegram_html(part)
        assert telegram_text_length(part) <= MESSAGE_LIMIT
        visible.append(parse_telegram_html(part).text)
    return visible


def bold_texts(html_text: str) -> list[str]:
    parsed = parse_telegram_html(html_text)
    return [parsed.text[e["offset"]:e["offset"] + e["length"]]
            for e in parsed.entities if e["type"] == "bold"]


# -- escaping and highlights ----------------------------------------------------------------


def test_hostile_text_is_escaped_everywhere() -> None:
    p = passage(HOSTILE, doc=HOSTILE, section="<i>", case_title="&")
    a = answer(p, direct="<b>答</b> & <script>", question=HOSTILE)
    [text] = check(fmt.format_answer(a))
    assert HOSTILE in text  # shown literally, not interpreted
    assert "<b>答</b> & <script>" in text


def test_highlights_become_bold_and_escaping_happens_per_piece() -> None:
    p = passage("A&B 香梨<品牌>价值", terms=("香梨", "品牌"))
    [html_text] = fmt.format_answer(answer(p))
    validate_telegram_html(html_text)
    assert "A&amp;B <b>香梨</b>&lt;<b>品牌</b>&gt;价值" in html_text
    assert bold_texts(html_text) == ["香梨", "品牌"]


def test_highlight_spans_are_normalised_matches() -> None:
    # Full-width and traditional forms match their normalised terms.
    p = passage("庫爾勒香梨躋身“2025中國品牌價值評價”", terms=("香梨", "品牌价值"))
    [html_text] = fmt.format_answer(answer(p), original=True)
    assert bold_texts(html_text) == ["香梨", "品牌價值"]


def test_direct_answer_bold_and_citation_follows_quote() -> None:
    p = passage("修訂《新疆維吾爾自治區畜禽屠宰管理條例》。", terms=("修订",))
    [html_text] = fmt.format_answer(answer(p, direct="市场监管局修订(案例2)"))
    text = parse_telegram_html(html_text).text
    assert text.startswith("市场监管局修订(案例2)")
    assert "市场监管局修订(案例2)" in bold_texts(html_text)
    assert "—— 自治区强化食品安全全链条监管典型案例(第一批) · 案例2 · 一是源头管控筑防线" in text
    assert html_text.count("<blockquote>") == 1


def test_not_found_shows_the_message_and_notice_in_italics() -> None:
    a = Answer(question="x" * 500, found=False, answer=None, passages=(),
               message="没有找到 <相关> 内容", notice="问题过长,只按前 500 个字回答。")
    [html_text] = fmt.format_answer(a)
    check([html_text])
    assert html_text.startswith("<i>问题过长")
    assert "没有找到 &lt;相关&gt; 内容" in html_text
    assert fmt.answer_keyboard(1, a) is None


def test_not_found_shows_related_passages_apart_from_any_answer() -> None:
    p = passage("昌吉州将“小饭桌”作为基层食品安全治理的关键小切口。")
    a = Answer(question="昌吉州有多少家医院?", found=False, answer=None, passages=(),
               message="文件中没有找到与这个问题直接相关的内容。", related=(p,))
    [html_text] = fmt.format_answer(a)
    check([html_text])
    assert "<i>以下段落可能相关,但没有直接回答这个问题:</i>" in html_text
    assert html_text.count("<blockquote>") == 1 and not bold_texts(html_text)
    assert fmt.answer_keyboard(1, a) is None  # nothing to page through


# -- script mirroring ------------------------------------------------------------------------


def test_quotes_and_citations_follow_the_askers_script() -> None:
    p = passage("修訂《新疆維吾爾自治區畜禽屠宰管理條例》", terms=("修订", "条例"))
    [simp] = fmt.format_answer(answer(p, script="simplified"))
    [trad] = fmt.format_answer(answer(p, script="traditional"))
    [orig] = fmt.format_answer(answer(p, script="simplified"), original=True)
    assert "《新疆维吾尔自治区畜禽屠宰管理条例》" in parse_telegram_html(simp).text
    assert "自治区强化食品安全" in simp
    assert bold_texts(simp) == ["修订", "条例"]  # spans line up after conversion
    assert "《新疆維吾爾自治區畜禽屠宰管理條例》" in parse_telegram_html(trad).text
    assert bold_texts(trad) == ["修訂", "條例"]
    assert bold_texts(orig) == ["修訂", "條例"]
    assert "自治區強化食品安全" in orig


def test_the_bots_own_words_follow_the_script_too() -> None:
    p = passage("香梨", terms=("香梨",))
    a = answer(p, script="traditional", more=(passage("梨", id=2),) * 3)
    keyboard = fmt.answer_keyboard(7, a)
    assert keyboard is not None
    labels = [b.text for row in keyboard.inline_keyboard for b in row]
    assert "更多結果" in labels
    [page2] = fmt.format_answer(a, offset=3)
    assert "條結果" in page2


def test_original_toggle_only_when_the_wording_differs() -> None:
    trad = passage("修訂《條例》")
    simp = passage("修订《条例》", doc="文件", section=None)

    def labels(a: Answer, original: bool = False) -> list[str]:
        kb = fmt.answer_keyboard(3, a, original=original)
        assert kb is not None
        return [b.text for row in kb.inline_keyboard for b in row]

    assert "原文" in labels(answer(trad))
    assert "简体" in labels(answer(trad), original=True)
    assert "原文" not in labels(answer(simp))  # nothing to toggle


# -- keyboards -----------------------------------------------------------------------------


def test_answer_keyboard_pages_and_ids_only() -> None:
    ps = tuple(passage(f"第{i}句。", id=i, case_id=10 + i) for i in range(8))
    a = answer(*ps[:3], more=ps[3:])
    kb = fmt.answer_keyboard(99, a)
    assert kb is not None
    actions = {b.text: callbacks.decode(b.callback_data)  # type: ignore[arg-type]
               for row in kb.inline_keyboard for b in row}
    assert actions["更多结果"] == callbacks.Page(99, 3)
    assert actions["查看全文"] == callbacks.Case(10, "s")
    assert actions["👍"] == callbacks.Vote(99, True)
    assert actions["👎"] == callbacks.Vote(99, False)
    last = fmt.answer_keyboard(99, a, offset=6)
    assert last is not None
    labels = [b.text for row in last.inline_keyboard for b in row]
    assert "更多结果" not in labels and "« 返回" in labels
    for row in kb.inline_keyboard + last.inline_keyboard:
        for b in row:
            assert len(str(b.callback_data).encode()) < 64


def test_pages_show_the_next_passages() -> None:
    ps = tuple(passage(f"第{i}句内容。", id=i) for i in range(7))
    a = answer(*ps[:3], more=ps[3:], direct="直接回答")
    [first] = check(fmt.format_answer(a))
    [second] = check(fmt.format_answer(a, offset=3))
    [third] = check(fmt.format_answer(a, offset=6))
    assert "直接回答" in first and "第0句" in first and "第3句" not in first
    assert "直接回答" not in second and "第 4–6 条结果" in second and "第3句" in second
    assert "第6句" in third and "第 7 条结果" in third
    assert "直接回答" not in fmt.format_answer(a, direct=False)[0]


# -- splitting -----------------------------------------------------------------------------


def long_sentence(i: int, n: int = 300) -> str:
    return f"第{i}句" + "监管" * n + "。"


def test_long_answers_split_at_passage_boundaries() -> None:
    ps = tuple(passage(long_sentence(i, 700), id=i, terms=("监管",)) for i in range(3))
    parts = fmt.format_answer(answer(*ps))
    check(parts)
    assert len(parts) >= 2
    for part in parts:  # every passage kept whole with its citation
        assert part.count("<blockquote>") == part.count("——")


def test_a_single_overlong_passage_is_split_at_sentence_ends() -> None:
    text = "".join(long_sentence(i, 200) for i in range(30))  # ~12,000 characters
    p = passage(text, terms=("监管",))
    parts = fmt.format_answer(answer(p))
    visible = check(parts)
    assert len(parts) >= 3
    shown = "".join(visible)
    for i in range(30):  # every sentence shown once, in order
        assert shown.count(f"第{i}句") == 1
    assert [shown.index(f"第{i}句") for i in range(30)] == sorted(
        shown.index(f"第{i}句") for i in range(30))
    for v in visible[:-1]:  # cut only at sentence ends (the last part ends with the citation)
        assert v.rstrip().endswith("。")


def test_a_sentence_longer_than_a_message_is_split_between_characters() -> None:
    text = "香梨" * 5000  # 10,000 characters, no punctuation
    parts = fmt.format_answer(answer(passage(text, terms=("香梨",))))
    visible = check(parts)
    assert len(parts) == 3
    quoted = "".join(v.split("——")[0].strip() for v in visible)
    assert quoted == text  # nothing lost at the cuts


def test_utf16_counting_for_characters_outside_the_bmp() -> None:
    text = "😀" * 3000  # 6,000 UTF-16 units
    parts = split_message([(Block((Run(text),), quote=True),)])
    check(parts)
    assert len(parts) == 2
    assert sum(parse_telegram_html(p).text.count("😀") for p in parts) == 3000


def test_split_keeps_styles_across_a_cut() -> None:
    runs = (Run("a" * 50), Run("b" * 50, "b"), Run("c" * 50, "i"))
    parts = split_message([(Block(runs, quote=True),)], limit=60)
    check(parts)
    assert "".join(parse_telegram_html(p).text for p in parts) == "a" * 50 + "b" * 50 + "c" * 50
    assert all(p.startswith("<blockquote>") and p.endswith("</blockquote>") for p in parts)


@settings(max_examples=60, deadline=None)
@given(
    units=st.lists(
        st.lists(
            st.tuples(
                st.lists(st.tuples(st.text(alphabet=st.sampled_from(
                    [*"香梨监管。!?\n<>&\"'a ", "😀"]), max_size=40),
                    st.sampled_from(["", "b", "i"])), min_size=1, max_size=4),
                st.booleans()),
            min_size=1, max_size=3),
        min_size=1, max_size=6),
    limit=st.integers(8, 120),
)
def test_split_message_property(units: list[list[tuple[list[tuple[str, str]], bool]]],
                                limit: int) -> None:
    model = [tuple(Block(tuple(Run(t, s) for t, s in runs), quote) for runs, quote in unit)
             for unit in units]
    parts = split_message(model, limit=limit)  # type: ignore[arg-type]
    expected = "".join(b.text for unit in model for b in unit if b.text.strip())
    shown = ""
    for part in parts:
        validate_telegram_html(part)
        assert telegram_text_length(part) <= limit
        shown += parse_telegram_html(part).text
    # Nothing lost, nothing invented: only separators differ.
    assert re.sub(r"\s", "", shown) == re.sub(r"\s", "", expected)


# -- the rest of the bot's messages ------------------------------------------------------------


def test_inline_articles(casebot_service: Casebot) -> None:
    a = casebot_service.answer("香梨品牌价值")
    articles = fmt.inline_articles(a)
    assert 1 <= len(articles) <= 10
    assert len({r.id for r in articles}) == len(articles)
    for r in articles:
        content = r.input_message_content
        check([content.message_text])  # type: ignore[attr-defined]
        assert r.description and "案例" in r.description
    assert "170亿元" in articles[0].title or "香梨" in articles[0].title


def test_real_answer_pages_and_case(casebot_service: Casebot) -> None:
    a = casebot_service.answer("哪个部门修订了畜禽屠宰管理条例?")
    assert a.found
    for offset in range(0, len(answer_pool(a)), fmt.PAGE_SIZE):
        for original in (False, True):
            check(fmt.format_answer(a, offset=offset, original=original))
    case_id = a.passages[0].case_id
    assert case_id is not None
    hits = casebot_service.searcher.case_passages(case_id)
    for script in ("simplified", "traditional", None):
        parts = fmt.format_case(hits, script)  # type: ignore[arg-type]
        [text] = check(parts)
        assert "案例2" in text
    simp = fmt.format_case(hits, "simplified")[0]
    assert "<b>一是源头管控筑防线。</b>" in simp
    assert fmt.format_case(hits, "simplified", limit=200) and all(
        telegram_text_length(p) <= 200 for p in fmt.format_case(hits, "simplified", limit=200))


def test_lists_and_reports_are_valid_html(casebot_service: Casebot) -> None:
    docs = casebot_service.searcher.documents()
    cases = casebot_service.searcher.cases()
    check(fmt.format_start(docs, "simplified") + fmt.format_start(docs, "traditional"))
    check(fmt.format_cases(cases, "traditional"))
    check([fmt.format_help("casebot_test_bot", "simplified")])
    kb = fmt.cases_keyboard(cases, "simplified")
    assert kb is not None and len(kb.inline_keyboard) == len(cases)
    named = [fmt.NamedDocument("《<x>》 & y", ("部门<b>",), (1, 2), "文件")]
    check(fmt.format_named_documents(named, "simplified"))
    check([fmt.format_upload("标题 <&>", 2, 5, 30, updated=False, unchanged=False)])
    check([fmt.format_upload_error("a<b>.doc", "不支持 & 无法读取")])
    from indexer.qlog import Stats
    check([fmt.format_stats(Stats(10, 7, 3, 2, 1, [("<script>", 3), ("&", 1)]))])


def test_shorten_and_labels() -> None:
    assert fmt.shorten("a  b\nc", 10) == "a b c"
    assert fmt.shorten("x" * 50, 10) == "x" * 9 + "…"
    label = fmt.case_label(3, "匠心織密“護學網”創新打造“樣板間”——昌吉州“小飯桌”全鏈條治理實踐",
                           "simplified")
    assert label.startswith("案例3 匠心织密") and len(label) <= fmt.BUTTON_LABEL


def test_no_highlights_if_a_conversion_changed_the_length() -> None:
    # Spans index the original text; with a different length they would be misplaced.
    p = passage("香梨", terms=("香梨",))
    assert fmt.highlighted_runs(p, "香梨x") == (Run("香梨x"),)
    assert fmt.highlighted_runs(p, "香梨") == (Run("香梨", "b"),)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_chrome(script: str) -> None:
    out = fmt.chrome("更多结果", script)  # type: ignore[arg-type]
    assert out == ("更多結果" if script == "traditional" else "更多结果")


def test_start_lists_documents_with_their_metadata() -> None:
    docs = [{"title": "某省典型案例(第二批)", "cases": 3, "issuer": "某省市場監管局",
             "published": "2025-03-12", "batch": "第二批"},
            {"title": "无元数据的文件", "cases": 1, "issuer": None, "published": None,
             "batch": None}]
    text = "".join(fmt.format_start(docs, "simplified"))
    assert "某省市场监管局 · 2025-03-12 · 第二批" in text
    assert "无元数据的文件(1 个案例)" in text and "无元数据的文件(1 个案例) —" not in text


@pytest.mark.parametrize(("text", "terms", "shown", "pieces"), [
    ("库尔勒香梨品牌价值", ("香梨",), None, [("库尔勒", False), ("香梨", True), ("品牌价值", False)]),
    ("香梨品牌", ("香梨", "品牌"), None, [("香梨品牌", True)]),  # adjacent spans merged
    ("香梨", ("香梨",), None, [("香梨", True)]),
    ("没有", ("香梨",), None, [("没有", False)]),
    ("庫爾勒香梨", ("香梨",), "库尔勒香梨", [("库尔勒", False), ("香梨", True)]),  # same length
    ("香梨", ("香梨",), "香梨x", [("香梨x", False)]),  # offsets moved: no marks
])
def test_marked_pieces_every_channel_shares(text: str, terms: tuple[str, ...],
                                            shown: str | None,
                                            pieces: list[tuple[str, bool]]) -> None:
    p = passage(text, terms=terms)
    assert marked_pieces(p, shown if shown is not None else text) == pieces
