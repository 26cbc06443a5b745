"""indexer.facts.clause_subject: who a clause opens with (a table)."""

from __future__ import annotations

import pytest

from indexer.facts import clause_subject, is_authority


@pytest.mark.parametrize(("clause", "subject"), [
    ("湖州市生态环境局在全市开展排污许可证专项清查", "湖州市生态环境局"),
    # An enforcement detachment is the actor, not the city its name opens with.
    ("南通市交通运输综合行政执法支队在南通西站开展专项整治", "南通市交通运输综合行政执法支队"),
    ("自治区市场监管、农业农村、公安等部门联合发力", "自治区市场监管、农业农村、公安等部门"),
    ("市场监管局3月起开展专项行动", "市场监管局"),  # a date after the name: still the actor
    # A name right before its count is what was counted, not who acts.
    ("共排查持证排污单位1432家", None),
    ("检查企业37家", None),
    # A clause ending in a body's suffix is no name: a pronoun, a verb's 了 in it.
    ("他们还进一步强化了分局住房管理", None),
    ("我们局开展检查", None),
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
    # A clause opening with its verb names its object, not who acts (…政府, …单位).
    ("同时约谈了项目所在地龙脊镇人民政府主要负责人", None),
    ("随即约谈建设单位", None),
    ("依法落实建设单位先行垫付责任", None),
    ("责令涉事单位整改", None),
    ("县政府约谈了企业负责人", "县政府"),
    ("市局了解到相关单位已整改", "市局"),  # 了解 is no 了 of a done deed
    ("因总包单位未结算工程款", "总包单位"),  # a cause's own subject, without 因
    ("因此市政府决定", "市政府"),  # 因此 is no cause: an adverb
    # A list item's number is no part of its subject.
    ("4. 县市场监管局对17家餐饮场所下达了责令改正通知书", "县市场监管局"),
    ("(2)县应急管理局组织复查", "县应急管理局"),
    ("2.5万元由县财政承担", None),  # a figure, not an item's number
    # Who consented does not act: the issuer does (经县政府同意,作出如下处理).
    ("经县政府同意", None),
    ("经市人民政府批准", None),
    ("经县政府研究决定", "县政府"),  # who decided acts
    # Parties to a case are no body, nor is a place a preposition names inside the clause.
    ("二被告人在渔政部门监督下完成了增殖放流", None),
    ("当事人在规定期限内未申请行政复议", None),
    ("项目所在地镇人民政府负责协调", "项目所在地镇人民政府"),
    ("市在线监测中心发布预警", "市在线监测中心"),
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


@pytest.mark.parametrize(("name", "authority"), [
    ("彩云市劳动保障监察支队", True), ("县政府", True), ("自治区市场监管、农业农村等部门", True),
    ("建设单位", False), ("彩云某置业有限公司", False), ("总包单位", False), ("", False),
])
def test_is_authority(name: str, authority: bool) -> None:
    assert is_authority(name) is authority


def test_a_sanction_without_its_actor_is_the_last_authoritys_not_the_offenders() -> None:
    notice = ("一、某厂房项目欠薪案\n"
              "【处理结果】\n"
              "彩云市劳动保障监察支队接到投诉后，联合市住建局进驻项目现场。"
              "经核查，建设单位某置业公司拖欠总包单位工程款1200万元。"
              "随即约谈建设单位，督促其先行垫付工资。"
              "3天后，62名农民工全部领到工资。\n")
    said = _inherited(notice)
    assert said.get("随即约谈建设单位，督促其先行垫付工资。") == "彩云市劳动保障监察支队"
    # Other sentences still carry over the nearest subject.
    assert said.get("3天后，62名农民工全部领到工资。") == "建设单位"


def _issued(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(actor, verb, title) of each issuance fact of a one-sentence notice."""
    from corpus.model import DocumentMeta, RawDocument
    from corpus.parse import parse_document
    from indexer.facts import extract
    from indexer.normalize import normalize
    from indexer.passages import passages_of

    doc = parse_document(RawDocument(text=text, meta=DocumentMeta(title="通报")), "page.txt")
    specs = passages_of(doc)
    return [(f.subject, f.action, f.object) for f in extract(
        doc, specs, [normalize(s.text) for s in specs]) if f.kind == "issuance"]


def test_a_title_an_event_is_named_after_is_no_issuance() -> None:
    # The title then its verb: 中办、国办《…意见》印发以来 names who issued it…
    assert _issued("中办、国办《关于强化食品安全监管的意见》印发以来,各地积极落实。\n") == [
        ("中办、国办", "印发", "关于强化食品安全监管的意见")]
    # …but an event named after a title's issuing (…颁布五周年座谈会, held by someone) does not.
    assert _issued("国家测绘局和国务院法制局今天联合举行《中华人民共和国测绘法》颁布五周年"
                   "座谈会。\n") == []
