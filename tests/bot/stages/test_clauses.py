"""bot/extract/clauses.py: which clause answers, and who acts in it — on single sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.extract.clauses import (
    actors,
    as_written,
    best_clause,
    clause_around,
    deed_words,
    earlier_actor,
    in_charge_clause,
    joint_clause,
)
from bot.reply import Passage, passage_of
from tests.bot.stages.kit import analysis, ranked, row


def passage(text: str) -> Passage:
    return ranked((row(1, text), 1.0))[0]


def anyone(name: str) -> bool:
    return True


@pytest.mark.parametrize(("text", "question", "units", "expected"), [
    # The focus (监管模式) wins over a clause richer in the question's other words.
    ("昌吉州强化小饭桌监管,探索2+N监管模式。", "探索的是什么监管模式?", ["探索", "监管模式"],
     "探索2+N监管模式"),
    # Its head noun alone (…模式) still marks the clause.
    ("各地加强巡查,推行网格化模式。", "推行的是什么管理模式?", ["推行", "管理模式"],
     "推行网格化模式"),
    # No focus: the clause covering most of the question.
    ("县市场监管局开展检查,查处违法案件12起。", "查处违法案件多少起", ["查处", "违法案件"],
     "查处违法案件12起"),
    # Nothing of the question in the sentence: no clause.
    ("县市场监管局开展检查。", "小饭桌在哪", ["小饭桌"], None),
    # Traditional script is matched in simplified and quoted as written.
    ("自治區市場監管局牽頭,修訂條例。", "谁修订条例?", ["修订", "条例"], "修訂條例"),
])
def test_best_clause(text: str, question: str, units: list[str], expected: str | None) -> None:
    assert best_clause(passage(text), analysis(question, units)) == expected


@pytest.mark.parametrize(("text", "piece", "expected"), [
    ("共检查医疗机构312家,查处89家。", "89家", "查处89家"),
    ("共检查医疗机构312家,查处89家。", "312家", "共检查医疗机构312家"),
    ("没有这个数。", "5家", "5家"),  # not in the text: the piece itself
])
def test_clause_around(text: str, piece: str, expected: str) -> None:
    assert clause_around(passage(text), piece) == expected


def test_as_written_cuts_the_original_script() -> None:
    assert as_written("自治區市場監管局牽頭", "自治区市场监管局") == "自治區市場監管局"
    assert as_written("别的", "市场监管局") == "市场监管局"


def test_actors_subject_first_and_filtered() -> None:
    clause = "州市场监管局联合州公安局开展检查"
    assert actors(clause, anyone)[0] == "州市场监管局"
    assert "州公安局" in actors(clause, anyone)
    assert actors(clause, lambda n: "公安" in n) == ["州公安局"]


def test_joint_and_in_charge_clauses() -> None:
    text = "为加强监管,州市场监管局会同州卫健委开展联合检查。"
    assert joint_clause(passage(text)) == "州市场监管局会同州卫健委开展联合检查"
    assert joint_clause(passage("州市场监管局开展检查。")) is None
    text = "各部门协同配合,市场监管部门牵头抓总。"
    assert in_charge_clause(passage(text)) == "市场监管部门牵头抓总"
    assert in_charge_clause(passage("市场监管部门负责人到场。")) is None  # 负责人: a person


def test_earlier_actor() -> None:
    text = "为贯彻落实意见,省民政厅会同省财政厅总结经验,形成典型案例。"
    assert earlier_actor(passage(text), "形成典型案例", anyone) == "省民政厅"
    assert earlier_actor(passage(text), "为贯彻落实意见", anyone) is None  # nothing before it


def test_the_deed_asked_after_who_chooses_the_clause() -> None:
    r = row(1, "有关高校的负责同志出席会议,国家教委副主任周远清作了报告,"
               "部分高校负责人介绍了管理体制改革的经验。")
    a = analysis("国家教委的高校管理体制改革会议,是谁作的报告?",
                 [("国家教委", 7.0), ("高校", 6.7), ("管理", 3.8), ("体制改革", 6.5), ("会议", 4.0), ("作", 2.7),
                  ("报告", 5.2)], kind="who")
    assert deed_words(a) == "作的报告"
    assert best_clause(passage_of(r, 1.0, []), a) == "国家教委副主任周远清作了报告"
    # Not a who-question, or 谁 last: no deed.
    assert deed_words(analysis("总结特点的是谁?", ["总结"], kind="who")) == ""
    assert deed_words(analysis("会议开了几天?", ["会议"], kind="number")) == ""
    # 哪个单位, 哪家法院, 哪位 ask who as 谁 does.
    assert deed_words(analysis("这个案子是哪个单位立案侦查的?", ["案子", "立案侦查"],
                               kind="who")) == "立案侦查的"
    assert deed_words(analysis("是哪家法院判的?", ["法院", "判"], kind="who")) == "判的"
    # …and so does a body a word narrows (哪个公安部门, 哪个所): the deed follows it.
    assert deed_words(analysis("是哪个执法部门查处的?", ["执法", "查处"], kind="who")) == "查处的"
    assert deed_words(analysis("是哪个所查出来的?", ["查出"], kind="who")) == "查出来的"


def test_the_focus_in_the_words_the_text_uses_chooses_the_clause() -> None:
    r = row(1, "餐饮企业、单位食堂等非居民用户使用燃气的,应当安装燃气泄漏报警装置和紧急切断装置。")
    a = analysis("餐馆用燃气必须装什么设备", [("餐馆", 3.0), ("燃气", 1.0), ("设备", 2.0)])
    a.units[0] = replace(a.units[0], alts=("餐馆", "餐饮"))
    a.units[2] = replace(a.units[2], alts=("设备", "装置"))  # as the synonyms give them
    assert a.focus == "设备"
    assert best_clause(passage_of(r, 1.0, []), a) == "应当安装燃气泄漏报警装置和紧急切断装置"
