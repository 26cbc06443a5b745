"""bot/understand.py: clean, classify, is_askable, and the steps of Analyzer.analyze on a
tiny in-memory vocabulary (no index)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from bot.expand.chinese import date_units_apart
from bot.intent import Cue
from bot.understand import (
    BY_WHAT_MEANS,
    KIND_CUES,
    MAX_QUESTION_CHARS,
    Analyzer,
    classify,
    clean,
    is_askable,
    written_dates,
)
from bot.weights import WEIGHTS
from indexer.normalize import normalize
from indexer.words import IN_CHARGE_VERBS
from tests.bot.fake_vocab import FakeVocabulary


@pytest.mark.parametrize(("question", "cleaned", "cut"), [
    ("哪个部门\u200b负责?", "哪个部门负责?", False),  # zero-width space
    ("谁\x00负责\x1b[31m?", "谁负责[31m?", False),  # control characters
    ("\u202e谁负责?\ufeff", "谁负责?", False),  # bidi override, byte-order mark
    ("谁\t负责\r\n  这件事?", "谁 负责 这件事?", False),  # whitespace runs: one space
    ("\U000f0000谁负责?", "谁负责?", False),  # private use
    ("   ", "", False),
    ("谁" * (MAX_QUESTION_CHARS + 1), "谁" * MAX_QUESTION_CHARS, True),  # cut, with a notice
])
def test_clean(question: str, cleaned: str, cut: bool) -> None:
    text, notice = clean(question)
    assert text == cleaned
    assert (notice is not None) is cut


@pytest.mark.parametrize(("said", "written"), [
    ("97年12月29号人大常委会通过了什么", "1997年12月29日人大常委会通过了什么"),
    ("97年前11个月", "1997年前11个月"),
    ("05年底", "2005年底"),
    ("24年上半年", "2024年上半年"),
    ("5月1号开业", "5月1日开业"),
    ("12月3号楼", "12月3号楼"),  # a building's number, not a day
    ("10年来", "10年来"),  # a span of years
    ("这50年", "这50年"),
    ("2024年5月", "2024年5月"),  # written out already
    ("3号文件", "3号文件"),  # no month before it: a document's number
])
def test_written_dates(said: str, written: str) -> None:
    assert written_dates(said) == written


@pytest.mark.parametrize(("text", "askable"), [
    ("谁负责?", True), ("who?", True), ("2023", True), ("?!。,", False), ("", False),
    ("\u3000 ", False),
])
def test_is_askable(text: str, askable: bool) -> None:
    assert is_askable(text) is askable


@pytest.mark.parametrize(("question", "kind"), [
    ("哪个部门修订了条例?", "who"),
    ("便利店是哪个所查出来的", "who"),  # a station (监管所, 派出所) is a body
    ("在什么场所抽烟", "what"),  # not who: 场所 is no body
    # A pinyin question word typed in syllables apart.
    ("paijian gongcheng na nian kaigong", "when"),
    # A document asked with what it is about (…的规定), an article by its title.
    ("清房以后重新定了哪些住房管理的规定", "document"),
    # A document named by its kind after 啥, an agreement, a bare 法 — not 什么法子 (a way).
    ("校长陪餐有啥文件规定吗", "document"),
    ("理事会通过了什么反恐协议", "document"),
    ("保健品广告违反的是哪部法", "document"),
    ("用什么法子", "what"),
    # Where from, an age, which bodies.
    ("那位打工妹是从哪来的", "where"),
    ("琢玉名匠陆子冈是什么年代的人", "when"),
    ("座谈会是哪几家办的", "who"),
    # Which two founded it asks bodies as 哪几家 does; a works (厂) is a business.
    ("华韵影视光盘公司是哪两家合伙办的", "who"),
    ("那组剪纸是哪个厂提供的", "who"),
    ("什么厂房", "what"),
    # A site asked by its kind is a place.
    ("石材厂的废水排进了哪条河", "where"),
    ("王某在哪个菜市场卖鱼", "where"),
    # An article of law asked as 法条.
    ("王某首违不罚依据的是什么法条", "document"),
    ("恩格斯写的哪篇文章讲对小农的态度", "document"),
    ("哪些地方出台了规定", "where"),
    ("na ge bumen xiuding tiaoli", "who"),
    ("出台了什么文件?", "document"),
    ("补助多少钱?", "number"),
    ("在哪个县?", "where"),
    ("哪年开始的?", "when"),
    ("冰暴是哪几天袭击的?", "when"),  # which days, not how many
    ("地震是几点发生的?", "when"),  # a clock time
    ("市场是几号开业的?", "when"),  # a day of the month …
    ("那个国务院令是第几号?", "number"),  # … but 第几号 asks which number
    ("美国国会通过了哪个法案?", "document"),
    ("官司是在哪个法院打的?", "who"),  # a court is a body, not a place
    ("是为了贯彻哪部法律?", "document"),
    ("穿山甲在哪个名录里被列为一级保护?", "document"),  # a list by its name, not a place
    ("提出了几点意见?", "number"),  # a count of points
    ("提出了几点具体要求?", "number"),
    ("恒泰化工几点爆炸的?", "when"),  # before any verb, a clock time
    ("商贸城的火几点才灭?", "when"),
    ("用什么办法篡改的?", "what"),  # how, not which 办法
    ("tuzai duoshao", "number"),  # a pinyin question word
    ("lanxi jinshaozerenqu duoshaoge", "number"),  # a how-many as one word
    ("jinghu shidi baipilu jiu le ji zhi", "number"),
    ("huaibei meicengqi xiangmu zong touzi", "number"),  # a sum as the last keyword
    ("tianzhangzhi na ge xian shuaixian tuixing", "where"),  # 哪个县
    ("na shi shenme", "what"),  # 那是什么: na shi alone is no place asked
    ("Which department leads?", "who"),
    ("怎么做的?", "what"),
    ("沧海横流是哪个剧院演的?", "who"),  # a body by its kind: 剧院, 医院, 学校…
    ("记者叫什么名字", "who"),  # a person, by the post held
    ("哪位副厅长讲了通行时间", "who"),  # not when: 时间 is the topic
    ("那家企业叫什么名字", "what"),  # a company's name, no post
    ("xuzhou driving school fine amount", "number"),  # English keywords of a sum
    ("liaohuangdi fugenglv", "number"),  # …率 in pinyin
    ("Jinhua random spot checks construction sites number", "number"),
    ("canteen food sampling pass rate Ju county", "number"),
    ("Czech president Havel re-elected date", "when"),  # a date asked, by keyword
    ("Thailand baht devaluation percent", "number"),
    ("update the data", "what"),  # data is no date
    # English keywords ending in what is paid or counted, and a length asked.
    ("Qingyang gas explosion supplier fine", "number"),
    ("Cisco acquisition of StrataCom 1996 price", "number"),
    ("Dongchuan construction collapse deaths", "number"),
    ("Changxing dyeing plant hidden pipe length", "number"),
    ("measures against fines evasion", "what"),  # the sum is not the last keyword
    ("Which committee leads ISO 14000 implementation in China?", "who"),
    ("which district has a white list of tutoring centers", "where"),
    ("社会周刊礼拜几出", "when"),  # a day of the week, not a count
    ("图书馆星期几闭馆", "when"),
    ("国家测绘局出了哪些部门规章", "document"),  # rules a department makes, not a department
])
def test_classify(question: str, kind: str) -> None:
    assert classify(normalize(question)) == kind


DF = {"市场监管": 6, "农业农村": 9, "出台": 12, "屠宰": 5, "条例": 30, "品牌价值": 3}


@pytest.fixture
def analyzer(tmp_path: Path) -> Analyzer:
    synonyms = tmp_path / "synonyms.tsv"
    synonyms.write_text("# colloquial → documentary\n自来水\t供水\n", encoding="utf-8")
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("brand value\t品牌价值\n", encoding="utf-8")
    return Analyzer(FakeVocabulary(DF, 1000), synonyms, glossary)


def test_who_is_in_charge_frames_the_question(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze("屠宰归哪个部门管?")
    assert analysis.kind == "who" and analysis.frame == IN_CHARGE_VERBS
    assert [u.text for u in analysis.units] == ["屠宰", "归", "管"]


def test_an_issuing_verb_weighs_less(analyzer: Analyzer) -> None:
    plain = {u.text: u.weight for u in analyzer.analyze("出台屠宰条例").units}
    asked = {u.text: u.weight for u in analyzer.analyze("出台了什么文件?").units}
    assert asked["出台"] == pytest.approx(WEIGHTS.issue_verb_factor * plain["出台"])


def test_words_set_aside_are_excluded(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze("除了市场监管,还有哪些部门参与?")
    assert analysis.excluded == ("市场监管",)
    weight = {u.text: u.weight for u in analysis.units}["市场监管"]
    full = {u.text: u.weight for u in analyzer.analyze("市场监管").units}["市场监管"]
    assert weight == pytest.approx(WEIGHTS.set_aside_factor * full)


def test_the_askers_time_words_the_documents_never_use_weigh_less(tmp_path: Path) -> None:
    synonyms = tmp_path / "synonyms.tsv"
    synonyms.write_text("", encoding="utf-8")
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("", encoding="utf-8")
    lacking = Analyzer(FakeVocabulary(DF, 1000), synonyms, glossary)
    weight = {u.text: u.weight for u in lacking.analyze("屠宰条例后来修订了吗").units}
    # Unknown, it would outweigh every word the documents have.
    assert weight["后来"] == pytest.approx(
        WEIGHTS.discourse_factor * math.log(1 + 1000 / WEIGHTS.unknown_df))
    assert weight["后来"] < weight["屠宰"]
    # Used by the documents, the word may be matched: it keeps its weight.
    using = Analyzer(FakeVocabulary({**DF, "后来": 40}, 1000), synonyms, glossary)
    kept = {u.text: u.weight for u in using.analyze("屠宰条例后来修订了吗").units}
    assert kept["后来"] == pytest.approx(math.log(1 + 1000 / 40))


def test_english_keywords_classify_as_their_translation(analyzer: Analyzer) -> None:
    # "brand value" asks for a figure, as 品牌价值 would.
    analysis = analyzer.analyze("brand value")
    assert [u.alts for u in analysis.units] == [("品牌价值",)]
    assert analysis.kind == "number"


def test_reset_and_warm_up(analyzer: Analyzer) -> None:
    analyzer.warm_up()
    before = analyzer.analyze("屠宰管里条例")
    analyzer.reset()
    assert analyzer.analyze("屠宰管里条例") == before


@pytest.mark.parametrize("cue", KIND_CUES, ids=[f"{c.name}:{c.example}" for c in KIND_CUES])
def test_every_kind_row_classifies_its_example(cue: Cue) -> None:
    assert cue.pattern.search(normalize(cue.example)), cue.example
    assert classify(normalize(cue.example)) == cue.name


def test_by_what_means_asks_how_not_for_a_document() -> None:
    assert BY_WHAT_MEANS.pattern.search(normalize(BY_WHAT_MEANS.example))
    assert classify(normalize(BY_WHAT_MEANS.example)) == "what"


def _cues() -> list[Cue]:
    """Every question pattern of the understanding stage that is a row of data."""
    import bot.expand.chinese
    import bot.intent
    import bot.understand

    found: list[Cue] = []
    for module in (bot.understand, bot.expand.chinese, bot.intent):
        for value in vars(module).values():
            if isinstance(value, Cue):
                found.append(value)
            elif isinstance(value, tuple) and value and all(isinstance(v, Cue) for v in value):
                found.extend(value)
    return found


@pytest.mark.parametrize("cue", _cues(), ids=lambda c: f"{c.name}:{c.example}")
def test_every_question_pattern_finds_its_example(cue: Cue) -> None:
    assert cue.pattern.search(normalize(cue.example)), (cue.name, cue.example)


def test_the_question_patterns_are_rows() -> None:
    names = {c.name for c in _cues()}
    assert {"in_charge", "set_aside", "answer_type_words", "colloquial", "by_what_means",
            "about_notice", "who", "number"} <= names


@pytest.mark.parametrize("question", ["屠宰有多长", "屠宰多远", "屠宰多深", "屠宰是几月份查的",
                                      "屠宰是哪天查的"])
def test_how_long_far_deep_frame_the_question(analyzer: Analyzer, question: str) -> None:
    # 多长 / 多远 ask for a measure (bot.measures), 几月份 / 哪天 for a date: they are not
    # words the text must hold.
    assert [u.text for u in analyzer.analyze(question).units if u.text != "查"] == ["屠宰"]


@pytest.mark.parametrize(("text", "expected"), [
    ("沈泉庄村1997年利税比上年", "沈泉庄村1997年 利税比上年"),
    ("3月18日发生", "3月18日 发生"),
    ("设立10年来", "设立10年来"),
    ("3年内完成", "3年内完成"),
    ("1998", "1998"),
])
def test_a_dates_unit_stays_with_its_figure(text: str, expected: str) -> None:
    assert date_units_apart(text) == expected
