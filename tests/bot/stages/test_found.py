"""bot/found.py: when the best passage answers nothing, on single sentences."""

from __future__ import annotations

from bot.found import counted_only, is_found, names_part_only, places_only
from bot.weights import WEIGHTS as W
from tests.bot.stages.kit import analysis, ranked, row


def test_found_needs_the_threshold() -> None:
    a = analysis("小饭桌怎么监管", ["小饭桌", "监管"])
    good = row(1, "昌吉州强化小饭桌监管。")
    assert is_found(a, ranked((good, W.found_threshold)))
    assert not is_found(a, ranked((good, W.found_threshold - 0.01)))
    assert not is_found(a, [])


def test_a_part_of_a_term_left_unexplained() -> None:
    a = analysis("2+N监管模式里的N是哪些部门?", ["监管模式", "部门"])
    assert names_part_only(a, "探索2+n监管模式,强化监管")
    assert not names_part_only(a, "探索2+n监管模式,n指卫健、教育等部门")
    assert not names_part_only(analysis("监管模式是什么", ["监管模式"]), "2+n监管模式")


def test_things_asked_by_name_given_only_as_a_count() -> None:
    a = analysis("被解除协议的民营医院叫什么名字?", ["解除", "民营医院"])
    assert counted_only(a, "解除3家民营医院的服务协议")
    assert not counted_only(a, "解除甲民营医院的服务协议")
    assert not counted_only(analysis("民营医院有几家", ["民营医院"]), "3家民营医院")


def test_places_without_the_topic() -> None:
    a = analysis("成都到绵阳高铁票多少钱?", ["绵阳", "高铁票"])
    only_place = ranked((row(1, "绵阳市强化食品安全监管。"), 1.0))[0]
    assert places_only(a, only_place)
    topic = ranked((row(2, "绵阳市高铁票价下调。"), 1.0))[0]
    assert not places_only(a, topic)
    # No place asked: nothing to tell apart.
    assert not places_only(analysis("高铁票多少钱", ["高铁票"]), only_place)
