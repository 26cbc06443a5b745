"""Refining a proposed direct answer against the sentence it quotes.

Three rules of the genre, each a pure function of the answer line and the evidence text
(both in the document's own script; the answer line is a piece of the evidence):

* a body is named with its unit: 台州市公安局环境犯罪侦查支队牵头… — "谁牵头?" is
  answered by the unit, not its parent (:func:`widen_body`);
* a place is named down to its finest level: 乳源瑶族自治县大桥镇一处… — "在哪?" is
  answered by the town with its county (:func:`widen_place`);
* a question about a change (涨了多少, 提高了几个百分点, 降了百分之多少) is answered by
  the figure after the change verb (提高55个百分点, 降幅达88.5%), not by the level it
  reached (提高到96%) (:func:`change_figure`).

And five that withhold the line: a question naming a place the evidence does not is not
answered by another place's figure (:func:`elsewhere`), nor by a figure said of a wider
whole (全市…, :func:`of_the_whole`); a part of the year asked is not answered by another's
(:func:`another_period`); a line that only repeats what the question already names
answers nothing (:func:`repeats_question`), and "谁?" is not answered by bodies referred
to without a name (有关部门, :func:`names_nobody`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.places import PLACE_SCALE, WHOLES, asked_places, none_named, said_by
from bot.rank import heading_context
from corpus import regex
from indexer.figures import QUANTITY_RE
from indexer.normalize import normalize, occurrences
from indexer.places import places

if TYPE_CHECKING:
    from bot.analysis import Analysis
    from bot.reply import Answer

_CJK = "\u4e00-\u9fff"
# A unit of a body directly after it: 支队, 分局, 交警大队, 基金监管科 — not the first
# character of its head's post (研究所所长, 处长) nor of a verb (移送…分局依法处理).
_SUB_UNIT = regex.compile(rf"^[{_CJK}]{{0,8}}?(?:支队|大队|中队|分局|分院|办公室|中心|科|处|站|所)"
                       rf"(?!长)(?![{_CJK}]{{0,1}}(?:等|和|与|及|、))"
                       # …nor a verb that begins there (依法处理, 处以; 所属, 所有).
                       r"(?!(?<=处)[理罚置分以于死决])(?!(?<=所)[属有谓得以])")
_FIGURE = r"\d+(?:\.\d+)?(?:万|亿)?(?:个百分点|百分点|%|倍|[^\d\s,，。;；、]{0,3})"
_CHANGE = regex.compile(r"(?:增长|增加|提高|提升|下降|减少|降低|上升|降幅|增幅|涨幅|多|少)"
                     rf"(?:了|达|为|达到)?({_FIGURE})")
_SENTENCE_END = regex.compile(r"[。!！?？;；]")
_NUMBER = regex.compile(r"^\d+(?:\.\d+)?(?:万|亿)?")


def _after(line: str, text: str) -> str | None:
    at = text.find(line)
    return None if at < 0 or not line else text[at + len(line):]


def widen_body(line: str, text: str) -> str:
    """``line`` with the unit of the body that follows it in ``text``, if one does."""
    after = _after(line, text)
    if not after:
        return line
    m = _SUB_UNIT.match(after)
    return line + m.group(0) if m else line


def widen_place(line: str, text: str) -> str:
    """``line`` with the finer places that follow it in ``text`` (乳源瑶族自治县 → …大桥镇),
    down to a zone (…桃源镇工业集中区); a list of places (长安镇、虎门镇) is left as it is."""
    after = _after(line, text)
    if not after or "、" in line:
        return line
    # A zone after any mention of the place (新华社北京… then 在北京经济技术开发区).
    zone = next((m for m in (_ZONE.match(text, i + len(line))
                             for i in occurrences(text, line)) if m), None)
    if zone:
        # 北京 → 北京经济技术开发区; a zone inside a zone runs on (彩云市高新区工业园区).
        end = zone.end()
        while (inner := _ZONE.match(text, end)) is not None:
            end = inner.end()
        return line + text[zone.start():end]
    head = after[:12]
    finer = [p for p in places(normalize(head)) if normalize(head).startswith(p)]
    if not finer:
        return line
    longest = max(finer, key=len)
    # …and on, place by place, to a zone written inside the last (宁远县 → 宁远县桃源镇 →
    # 宁远县桃源镇工业集中区).
    return widen_place(line + head[:len(longest)], text)


# A zone named after its city (北京经济技术开发区, 苏州工业园区) or its town (桃源镇工业集中区,
# 沙河镇片区): a finer place than either.
_ZONE = regex.compile(r"[\u4e00-\u9fff]{0,6}?(?:开发区|高新区|新区|工业园区|产业园区|园区|保税区|试验区|"
                   r"集中区|片区)")


def states_change(line: str) -> bool:
    """Whether ``line`` gives a change as a figure after its verb (提高55个百分点)."""
    return bool(_CHANGE.search(normalize(line)))


def in_measure(figure: str, measures: tuple[str, ...]) -> bool:
    """Whether ``figure`` (460元, 15个百分点, 3万美元增) is counted in one of ``measures``
    (any, when there are none): its unit, read from the number on, ends in one of them
    within the few characters the figure takes after it."""
    if not measures:
        return True
    unit = _NUMBER.sub("", figure, count=1)
    return any(unit[:k].endswith(measures) for k in range(1, len(unit) + 1))


def change_figure(line: str, text: str, norm: str | None = None,
                  measures: tuple[str, ...] = ()) -> str | None:
    """The change stated in the sentence of ``line`` (提高55个百分点), as ``text`` writes
    it, when ``line`` itself states none; None when the sentence states no change either.
    Only a change counted in the question's ``measures``, when it asks one: "每亩多挣了多少
    钱?" answered by 农户亩均增收460元 is not answered by 灌溉水利用系数提高15个百分点 of
    the same sentence.

    Read on the normalised text (``norm``, when the caller has it: 下降6.8個百分點 is
    下降6.8个百分点 there, and normalising keeps offsets), quoted from the original."""
    if states_change(line):
        return None
    norm = normalize(text) if norm is None else norm
    at = norm.find(normalize(line))
    if at < 0:
        return None
    start = max((m.end() for m in _SENTENCE_END.finditer(norm, 0, at)), default=0)
    end_m = _SENTENCE_END.search(norm, at + len(line))
    m = next((m for m in _CHANGE.finditer(norm, start, end_m.start() if end_m else len(norm))
              if in_measure(m.group(1), measures)), None)
    if m is None:
        return None
    return text[m.start():m.end()]


def elsewhere(analysis: Analysis, answer: Answer) -> bool:
    """The question names places none of which the evidence — its sentence, case, section
    and document — names: the line would be another place's figure or body (江油修了多少
    公里水渠? answered by 西充县修复损毁沟渠42公里).  Of two places asked (嘉兴苏州化解了
    几宗纠纷?) one suffices: the other may be named earlier in the section."""
    asked = asked_places(analysis, said_by((*answer.passages, *answer.more)))
    if not asked:
        return False
    p = answer.passages[0]
    # (…or the opening sentences of its case and section, as the found stage reads them.)
    return none_named(asked, p.norm + " " + heading_context(p.doc, p.case_title, p.section)
                      + " " + p.opening)


def of_the_whole(analysis: Analysis, answer: Answer) -> bool:
    """"东坪县那个储备库有多大面积?" answered by 全市储备库总面积达到1.2万平方米: the figure
    is said of a whole (全市) wider than the place the question asks about, so it is not
    that place's.  A place named without its level word (苏州) is taken for a city, so only
    a province's or the country's whole is wider for it."""
    if analysis.kind != "number" or analysis.intent.asks_ordinal or not answer.answer:
        return False  # 排全省第2位: the whole a rank is in
    norm = normalize(answer.answer)
    figure = QUANTITY_RE.search(norm)
    # the whole the figure is said of comes before it (not …的我国第一条光纤系统 after it)
    # (全区 is left out: a region, 自治区, to some documents, a district to others.)
    said = [level for word, level in WHOLES if word != "全区"
            and figure is not None and 0 <= norm.find(word) < figure.start()]
    if not said:
        return False
    # Only places the question names as such (东坪县, 苏州): a word the text only writes
    # before a place suffix (房地产市场) is no place to compare.
    asked = [PLACE_SCALE.get(alts[0][-1], 2) for alts in asked_places(analysis)]
    return bool(asked) and min(said) < min(asked)


# Parts of a year, each kind apart: a half (上半年) is not answered by the other half's
# figure, a quarter (一季度, 第二季度, 前三季度) by another quarter's.
_PERIODS = (regex.compile(r"[上下]半年"), regex.compile(r"前?[一二三四1-4](?=季度)"))


def another_period(analysis: Analysis, answer: Answer) -> bool:
    """"下半年发生了几起事故?" answered by 上半年,全市共发生…事故37起: the sentence, up to the
    line, names another part of the year than the one asked, and not the asked one."""
    if analysis.kind not in ("number", "when") or not answer.answer:
        return False
    body, line = answer.passages[0].norm, normalize(answer.answer)
    at = body.find(line)
    if at < 0:
        return False
    before = _SENTENCE_END.split(body[:at + len(line)])[-1]
    title = normalize(answer.passages[0].doc or "").replace("第", "")
    for period in _PERIODS:
        asked = set(period.findall(analysis.norm.replace("第", "")))
        # A sentence that names no period is of the one its document's title names
        # (…2024年第三季度行政处罚结果公示: its rows are the third quarter's).
        said = set(period.findall(before.replace("第", ""))) or set(period.findall(title))
        if asked and said and not asked & said:
            return True
    return False


# A place's level word, left off when a line is compared with the question (佛山市 ~ 佛山).
_LEVEL = regex.compile(r"(?:省|市|县|区|州|镇|乡|村)$")


# A body's usual short form (龙脊镇人民政府 is asked as 龙脊镇政府).
_SHORT_FORMS = (("人民政府", "政府"), ("人民法院", "法院"), ("人民检察院", "检察院"))


def repeats_question(analysis: Analysis, line: str) -> bool:
    """"佛山那个黑气点在哪被端掉的?" answered by 佛山市, "王学贤此前在哪国当大使?" by 王学贤,
    "谁约谈了龙脊镇政府负责人?" by 龙脊镇人民政府: the line names only what the question
    already names, so it cannot be the answer."""
    stem = _LEVEL.sub("", normalize(line).strip())
    short = stem
    for full, brief in _SHORT_FORMS:
        short = short.replace(full, brief)
    return len(stem) >= 2 and (stem in analysis.norm or short in analysis.norm)


# A body referred to, not named (有关部门, 相关单位, 各职能部门): no answer to "谁?".
_UNNAMED_BODY = regex.compile(r"^(?:各|其他|其它)?(?:有关|相关|职能|多个?|各级|主管|上级)?"
                           r"(?:部门|单位|方面|机关|机构)$")


def names_nobody(line: str) -> bool:
    """""何长工的名字是谁改的?" answered by 有关部门: the line refers to bodies without
    naming one."""
    return _UNNAMED_BODY.match(normalize(line).strip()) is not None


def refine(analysis: Analysis, answer: Answer) -> Answer:
    """``answer`` with its direct answer refined against its first passage, by kind; no
    line when the evidence is about another place than the one asked."""
    if not answer.answer or not answer.passages:
        return answer
    if (elsewhere(analysis, answer) or of_the_whole(analysis, answer)
            or another_period(analysis, answer)):
        return replace(answer, answer=None)
    text = answer.passages[0].text
    line = answer.answer
    if answer.kind == "who":
        line = widen_body(line, text)
    elif answer.kind == "where":
        line = widen_place(line, text)
    elif answer.kind == "number" and analysis.intent.asks_change:
        line = change_figure(line, text, answer.passages[0].norm,
                             analysis.intent.measures) or line
    if repeats_question(analysis, line) or (answer.kind == "who" and names_nobody(line)):
        return replace(answer, answer=None)
    return answer if line == answer.answer else replace(answer, answer=line)
