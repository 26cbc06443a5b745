"""bot/expand/question_words.py: question words out, topic words kept (no index)."""

from __future__ import annotations

import pytest

from bot.expand.question_words import QuestionWordStripper
from tests.bot.fake_vocab import FakeVocabulary

DF = {"整改": 7, "土地": 9, "指导": 4, "有限空间": 3, "存量": 6, "修订": 5, "那曲": 2, "哪位": 3, "哪样": 2}
TABLE = {"没人管": ("无人监管",), "改了": ("修订",)}


@pytest.mark.parametrize(("text", "expected"), [
    ("哪个部门修订的", ["修订"]),
    ("土地是谁的", ["土地"]),  # 地 is a question word, 土地 a topic word
    ("有限空间有哪些", ["有限空间"]),  # 有 likewise
    ("对存量怎么处理", ["存量"]),  # 对存 is no word: 对 stays a question word
    ("没人管怎么办", ["没人管"]),  # a colloquial phrase of the synonym table survives
    ("条例改了吗", ["条例", "改了"]),
    ("隐患整改了多少", ["隐患整改"]),  # …not one an index word runs into (整改 + 了)
    ("请问是否有吗", []),
    # Pointing back (那家, 这次, 那场) says which one is meant, never a word of the text;
    # a place holding 那 (那曲) is an index word and stays.
    ("那家企业这次罚了多少", ["企业", "罚"]),
    ("那曲那场雪下了多久", ["那曲", "雪下"]),
    # So does a pronoun (刘某某他们, 咱们驻法国大使).
    ("刘某某他们几号被抓的", ["刘某某", "号", "抓"]),
    ("咱们驻法国大使是哪位", ["驻法国大使"]),
    # 哪 with a measure word asks which one, though the index holds 哪位 or 哪样 as words.
    ("是哪位局长宣布的", ["局长宣布"]),
    ("用的哪样材料", ["用", "材料"]),
    ("毁林案是在哪儿砍的树", ["毁林案", "砍", "树"]),
])
def test_strip(text: str, expected: list[str]) -> None:
    stripper = QuestionWordStripper(FakeVocabulary(DF), TABLE)
    assert stripper.strip(text).split() == expected
