"""indexer.facts.clause_subject: who a clause opens with (a table)."""

from __future__ import annotations

import pytest

from indexer.facts import clause_subject


@pytest.mark.parametrize(("clause", "subject"), [
    ("湖州市生态环境局在全市开展排污许可证专项清查", "湖州市生态环境局"),
    # An enforcement detachment is the actor, not the city its name opens with.
    ("南通市交通运输综合行政执法支队在南通西站开展专项整治", "南通市交通运输综合行政执法支队"),
    ("自治区市场监管、农业农村、公安等部门联合发力", "自治区市场监管、农业农村、公安等部门"),
    ("市场监管局3月起开展专项行动", "市场监管局"),  # a date after the name: still the actor
    # A name right before its count is what was counted, not who acts.
    ("共排查持证排污单位1432家", None),
    ("检查企业37家", None),
    ("排查出问题单位十二家", None),
    # 由/经 introduce the actor; a court acts too.
    ("由信州区人民法院设立的工作室开展调解", "信州区人民法院"),
    ("由县政府统筹推进", "县政府"),
    ("经济开发区管理局牵头推进", "经济开发区管理局"),  # 经济 is a word, not 经
    # …and so does a passive's 被; bodies written together are one actor.
    ("被县纪委监委依规问责", "县纪委监委"),
    ("被县委县政府通报批评", "县委县政府"),
    ("省委办公厅印发通知", "省委办公厅"),
    ("被告人承担赔偿责任", None),
    ("市民政局会同公安局开展排查", "市民政局"),  # a partner is not part of the name
    # A place after a preposition is where, not who.
    ("在巴州全面推开", None),
    # A clause opening with a joining verb names a partner: its actor stands before it.
    ("会同章贡区住房和城乡建设局召开座谈会", None),
])
def test_clause_subject(clause: str, subject: str | None) -> None:
    assert clause_subject(clause) == subject


def _inherited(text: str, source: str = "page.txt") -> dict[str, str]:
    """Sentence → the actor stored for it when it leaves its own out."""
    from corpus.model import DocumentMeta, RawDocument
    from corpus.parse import parse_document
    from indexer.facts import extract
    from indexer.normalize import normalize
    from indexer.passages import passages_of

    doc = parse_document(RawDocument(text=text, meta=DocumentMeta(title="通报")), source)
    specs = passages_of(doc)
    facts = extract(doc, specs, [normalize(s.text) for s in specs])
    return {specs[f.index].text: str(f.subject) for f in facts if f.kind == "subject"}


def test_an_actor_carries_over_within_a_section_not_across_news_paragraphs() -> None:
    # A news article: its paragraphs are one section no heading opens; each says who acts.
    news = ("某市举办冰雕节\n市文化局今天宣布冰雕节开幕。\n展出作品300件。\n"
            "共吸引游客两万人。\n")
    said = _inherited(news)
    assert said.get("展出作品300件。") is None
    # A numbered section (一是…) carries its actor to the sentences after it.
    notice = "一、强化监管\n市市场监管局开展检查。查处案件12起。\n"
    assert _inherited(notice).get("查处案件12起。") == "市市场监管局"
