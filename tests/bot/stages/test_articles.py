"""bot/extract/articles.py: an article question answered by the citation of the best
sentence — the law's the question names — and by nothing else."""

from __future__ import annotations

import pytest

from bot.extract import extract
from bot.extract.articles import CITATION
from bot.intent import read_intent
from indexer.normalize import normalize
from tests.bot.stages.kit import MemoryLookup, analysis, ranked, row

SENTENCE = ("市场监管局认定,当事人的行为构成《中华人民共和国商标法》第五十七条第(二)项规定的侵权行为,"
            "依据《中华人民共和国行政处罚法》第三十二条对其减轻处罚,并处罚款12.6万元。")


@pytest.mark.parametrize(("question", "asks"), [
    ("假冒专利案是按专利法第几条处罚的?", True),
    ("违反了哪部法律哪一条?", True),
    ("宁远县中毒事故违反了哪条规定?", True),
    ("依据的是什么条款?", True),
    ("Which article of the trademark law was applied?", True),
    ("排名第几?", False),
    ("走哪条路?", False),
    ("违反了哪部法律?", False),
])
def test_article_asked(question: str, asks: bool) -> None:
    assert read_intent(normalize(question)).asks_article is asks


@pytest.mark.parametrize(("question", "line"), [
    # The law the question names: its citation, with its paragraph and item.
    ("岭山案依据商标法哪一条认定侵权?", "《中华人民共和国商标法》第五十七条第(二)项"),
    ("减轻处罚是依据行政处罚法第几条?", "《中华人民共和国行政处罚法》第三十二条"),
    # No law named: the citation of the clause that answers.
    ("减轻处罚依据的是哪一条规定?", "《中华人民共和国行政处罚法》第三十二条"),
])
def test_the_citation_answers(question: str, line: str) -> None:
    a = analysis(question, ["处罚", "依据", "认定", "侵权", "减轻"], kind="document")
    direct = extract(a, ranked((row(1, SENTENCE), 1.0)), MemoryLookup([row(1, SENTENCE)]))
    assert direct.answer == line


def test_a_law_cited_without_its_article_gives_no_article() -> None:
    text = "依据《中华人民共和国产品质量法》的有关规定,责令改正,并处罚款9.5万元。"
    a = analysis("按产品质量法第几条处罚的?", ["产品质量法", "处罚"], kind="document")
    direct = extract(a, ranked((row(1, text), 1.0)), MemoryLookup([row(1, text)]))
    assert direct.answer is None or "第" not in direct.answer


@pytest.mark.parametrize(("text", "cited"), [
    ("依据《中华人民共和国专利法》第六十八条", "第六十八条"),
    ("《条例》第十四条第二款", "第十四条第二款"),
    ("《办法》第三十条第(三)项", "第三十条第(三)项"),
    ("《产品质量法》的规定", None),
])
def test_citation_pattern(text: str, cited: str | None) -> None:
    m = CITATION.search(normalize(text))
    assert (m.group(2) if m else None) == cited


def test_the_ground_or_the_breach_asked() -> None:
    text = ("当事人的行为违反了《中华人民共和国商标法》第五十七条第(三)项的规定,市场监管局依据"
            "《中华人民共和国商标法》第六十条,责令停止侵权,并处罚款5万元。")
    lookup = MemoryLookup([row(1, text)])
    ground = analysis("假酒案子处罚依据是商标法第几条", ["处罚", "依据", "商标法"], kind="document")
    assert extract(ground, ranked((row(1, text), 1.0)), lookup).answer == (
        "《中华人民共和国商标法》第六十条")
    breach = analysis("卖假酒违反了商标法第几条", ["违反", "商标法"], kind="document")
    assert extract(breach, ranked((row(1, text), 1.0)), lookup).answer == (
        "《中华人民共和国商标法》第五十七条第(三)项")


def test_the_law_pointed_back_at_in_the_next_sentence() -> None:
    breach = row(1, "当事人的行为违反了《中华人民共和国商标法》第五十七条第(三)项的规定。")
    ground = row(2, "县市场监管局依据该法第六十条,责令其停止侵权行为,并处罚款5万元。")
    lookup = MemoryLookup([breach, ground])
    a = analysis("假酒案子处罚依据是商标法第几条", ["处罚", "依据", "商标法"], kind="document")
    direct = extract(a, ranked((breach, 1.0)), lookup)
    assert direct.answer == "《中华人民共和国商标法》第六十条"
    # The sentence saying it is the evidence, the one naming the law quoted after it.
    assert direct.evidence is not None and direct.evidence.id == 2
    assert [p.id for p in direct.support] == [1]


def test_a_breach_named_asks_the_breach() -> None:
    text = ("市场监管局认定,当事人的行为构成《中华人民共和国商标法》第五十七条第(二)项规定的侵权行为,"
            "依据该法第六十条第二款,责令其停止侵权。")
    a = analysis("岭山案依据商标法哪一条认定侵权", ["认定", "侵权", "商标法"], kind="document")
    direct = extract(a, ranked((row(1, text), 1.0)), MemoryLookup([row(1, text)]))
    assert direct.answer == "《中华人民共和国商标法》第五十七条第(二)项"
