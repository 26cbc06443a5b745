"""People named with their post or role in running text: 市长张建国, 领队张雄, 发言人朱邦造.

News asks "青山市长是谁?", "哪位副厅长讲的?", "董事长叫什么名字?" about a post, and the
answer is the name written right after it.  Bodies and places — what the rest of the
who-extraction finds — never answer such a question, so the answer core needs the names
themselves.

Where a name ends is the index's own word: jieba cut the indexed text, its HMM keeping an
unknown name whole (张建国, 刘芳), so of the strings a common surname opens right after a
post (刘芳表, 刘芳) the longest the index holds as a word is the name.  The question side
thus needs no tagger — loading jieba's would cost a second and 180 MB on the first such
question — only the vocabulary the caller passes in (``words``).

This module owns the post vocabulary, the reading of a question's asked post and the
reading of post-and-name pairs in a (normalised) sentence.  Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from corpus import regex
from indexer.lexicon import lexicon
from indexer.normalize import occurrences
from indexer.words import COUNTRIES

# What a post or a role ends with: heads (市长, 董事长), officers, and the roles news names
# people by (选手, 领队, 村民).
POST_ENDINGS = (
    "长", "书记", "主任", "主席", "总理", "总统", "首相", "大使", "公使", "参赞", "领事",
    "记者", "经理", "总裁", "委员", "发言人", "负责人", "教授", "院士", "研究员", "工程师",
    "导演", "编剧", "主演", "教练", "代表", "专家", "主持人", "冠军", "运动员", "队员",
    "法官", "检察官", "律师", "医生", "主编", "作者", "会长", "理事", "秘书", "领队", "选手",
    "村民", "市民", "农民", "工人", "司机", "同志", "先生", "女士", "老师", "民警",
    # who writes, paints or performs (由著名作家冯骥才撰写文学脚本)
    "作家", "诗人", "画家", "书法家", "艺术家", "科学家", "作曲家", "演员", "歌手",
    # who owns or answers for a business (法定代表人是谁? 服装店老板叫啥?)
    "代表人", "法人", "老板", "店主", "厂主",
    # who a sanction names in a business besides it (直接负责的主管人员孙某某)
    "主管", "主管人员",
)
_POST = "|".join(sorted(POST_ENDINGS, key=len, reverse=True))
_HAN = r"[\u4e00-\u9fff]"
# "X是谁", "X叫什么名字", "X姓什么", "哪位X" — X ending in a post (第一任大使, 副厅长).
_ASKED = (
    # (主席选的是谁: the holder a vote chose.)
    # (执法人员 ends in no 法人: a post is no part of a longer word.)
    regex.compile(rf"({_HAN}{{0,6}}?(?:{_POST}))(?!员)(?:(?:当?选|任命|换)(?:了|的)?)?(?:是|叫|为)?"
               rf"(?:谁|哪位|哪一位|什么名字|啥名字|叫什么|叫啥|姓什么|姓啥)"),
    # (哪个村给农民拜年 asks a place: a place level after 哪个 heads no post but its 长.)
    regex.compile(rf"哪(?:一)?[位个名](?![村镇乡县区市州省](?!长))({_HAN}{{0,6}}?(?:{_POST}))(?!员)"),
)
# Words ending in 长 that are no post (哪个增长点, 延长多久, 最长).
_NOT_A_POST = regex.compile(r"(?:增|成|延|生|擅|专|特|漫|助|见|消|涨|拉|伸|悠|冗|狭|细|较|最|很|多)长$")
# 哪位领导/哪位官员 asks for a person without a post to match.
# (叫什么名字 alone does not: 那家企业叫什么名字 asks a company's name.)
_ANY_PERSON = regex.compile(r"哪(?:一)?位|姓什么|姓甚名谁")
# The most common surnames, and the double ones: a name opens with one.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤"
    # …and less common ones that seldom open another word after a post (关, 计, 施, 成
    # are left out: 局长关心, 计划, 施工, 成立).
    "洪柳庞樊殷翟倪俞葛伍聂焦岳庄祝涂祁舒耿牟詹苗凌靳盛童甄裴鲍霍翁隋柏柯阮桂闵饶瞿戚滕邬臧褚"
    "娄奚郎栾郁喻窦卓艾蓝巩虞卞冼佟匡鞠岑蔺章鲁季尤毕申辛梅")
_DOUBLE_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容")
# A post or role, then a surname: where a name may start.
# (…艺术团团长的曾若虹说: 的 may stand between them.)
_POST_THEN_NAME = regex.compile(rf"({_HAN}{{0,6}}?(?:{_POST}))的?(?=[{''.join(sorted(SURNAMES))}]|"
                             rf"{'|'.join(_DOUBLE_SURNAMES)})")


# A post or a nationality, then a name transcribed from another language, its parts joined
# by a dot (议长托马斯·萨维, 美国专家斯科特·里特, 美国人斯科特·里特; normalised, the dot is ".").
_NATIONALITY = "|".join(sorted(COUNTRIES, key=len, reverse=True))
_POST_THEN_FOREIGN = regex.compile(rf"({_HAN}{{0,6}}?(?:{_POST})|(?:{_NATIONALITY})人)"
                                rf"({_HAN}{{1,6}}\.{_HAN})")
# What follows a transcribed name (…萨维率领的, …里特说): where its last part may end.
_AFTER_NAME = regex.compile(r"[^\u4e00-\u9fff]|率|领|为|在|说|表|的|等|和|与|及|会|指|访|抵|出|"
                         r"今|昨|已|也|还|是|将|对|同|向|于|称|认|强|宣|一|先|并|就|时")


def _foreign_name(text: str, at: int, words: Callable[[Collection[str]], Collection[str]]
                  ) -> str | None:
    """The transcribed name starting at ``at`` (托马斯.萨维): its dotted parts, the last
    ending where a word of the sentence follows (率领, 为), else where the index's
    vocabulary knows a word (jieba's HMM may glue the next character on: 萨维为)."""
    m = re.match(rf"(?:{_HAN}{{1,6}}\.)+", text[at:])
    if m is None:
        return None
    last = at + m.end()
    size = next((n for n in (1, 2, 3, 4) if last + n <= len(text) and (
        last + n == len(text) or _AFTER_NAME.match(text, last + n))), None)
    if size is None:
        sizes = [n for n in (4, 3, 2) if last + n <= len(text)]
        known = set(words({text[last:last + n] for n in sizes}))
        size = next((n for n in sizes if text[last:last + n] in known), None)
    return None if size is None else text[at:last + size]


# A vote or an appointment names the person before the post: 选举安启元为省政协主席,
# 安启元当选陕西省政协主席 (the name opens the text or follows a break).
_ELECTED = (
    regex.compile(rf"(?:选举|推选|任命)({_HAN}{{2,4}}?)为({_HAN}{{0,10}}?(?:{_POST}))"),
    regex.compile(rf"(?<![\u4e00-\u9fff])({_HAN}{{2,4}})当选为?({_HAN}{{0,10}}?(?:{_POST}))"),
)
# What stands before 当选 without being a name (全票当选, 今天当选).
_NOT_A_NAME = regex.compile(r"^(?:全票|高票|再次|首次|成功|顺利|光荣|正式|分别|同时|今天|昨天|当天|"
                         r"日前|近日|已经|他|她|其|该)")


@dataclass(frozen=True)
class Person:
    """A name and the post it is named with (written right before it, or after 选举X为 and
    X当选), with the name's offsets in the text."""

    post: str
    name: str
    start: int
    end: int


_DEPUTY_SLIP = regex.compile(rf"付(?=[\u4e00-\u9fff]{{0,1}}(?:{_POST}))")


def asked_post(norm_question: str) -> str | None:
    """The post a question asks the holder of (青山市长是谁 → 市长, 哪位副厅长 → 副厅长);
    ``""`` when it asks for a person without naming a post (哪位领导讲的); None when it
    does not ask for a person.  Two slips askers make are read as meant: 付 for 副 before a
    post (付书记), 名子 for 名字."""
    norm_question = _mend_slips(norm_question)
    asked = _asked_post_phrase(norm_question)
    if asked is not None:
        return core_post(asked)
    return "" if _ANY_PERSON.search(norm_question) else None


# A business's officers as people call them (副总, 老总): the posts the text writes.
_SAID_SHORT = ((regex.compile(r"副总(?!经理|裁|工|监|编|理|统|队|书记)"), "副总经理"),
               (regex.compile(r"老总"), "总经理"))


def _mend_slips(norm_question: str) -> str:
    mended = _DEPUTY_SLIP.sub("副", norm_question).replace("名子", "名字")
    for short, post in _SAID_SHORT:
        mended = short.sub(post, mended)
    return mended


def _asked_post_phrase(norm_question: str) -> str | None:
    """The words naming the post asked, as written (咱们驻法国大使, 青山市长)."""
    for pattern in _ASKED:
        m = pattern.search(norm_question)
        if m and not _NOT_A_POST.search(m.group(1)):
            return m.group(1)
    return None


def post_countries(post: str) -> frozenset[str]:
    """The countries a post is placed by (驻法国大使 → 法国; 中国驻日本大使 → 日本): the
    country it serves in, not the one that sends it."""
    named = {c for c in COUNTRIES if c in post}
    sent = {c for c in named if post.find(c) < post.find("驻")} if "驻" in post else set()
    return frozenset(named - sent)


def asked_post_countries(norm_question: str) -> frozenset[str]:
    """The countries the post a question asks the holder of is placed by (驻法国大使是哪位
    → 法国); empty when it names none."""
    asked = _asked_post_phrase(_mend_slips(norm_question))
    return post_countries(asked) if asked is not None else frozenset()


def core_post(post: str) -> str:
    """The post without what only places it (首任大使 → 大使; 青山市长 → 市长): its ending
    with one character before it, and 副 when it is a deputy."""
    ending = next(e for e in sorted(POST_ENDINGS, key=len, reverse=True) if post.endswith(e))
    head = post[:-len(ending)]
    core = (head[-1:] if len(ending) == 1 else "") + ending
    return ("副" + core) if "副" in head and not core.startswith("副") else core


def holds_post(written: str, asked: str) -> bool:
    """Whether the post written before a name is the asked one: 首任大使 holds 大使,
    副厅长 does not hold 厅长 (a deputy is not the head), 厅长 does not hold 副厅长."""
    if not asked:
        return True
    written = written.removesuffix("人员")  # 主管人员 is a 主管
    return written.endswith(asked.removeprefix("副")) and (
        asked.startswith("副") == ("副" in written[:len(written) - len(asked.removeprefix("副"))]))


def people(norm_text: str, words: Callable[[Collection[str]], Collection[str]]) -> list[Person]:
    """The names in ``norm_text`` that a post or role stands right before (市长张建国 → 市长,
    张建国): of the strings a surname opens there, the longest that ``words`` (the index's
    vocabulary: the ones it holds, of those asked) knows; 李某 and 王某某 as written.  And the
    names a vote gives a post (选举安启元为省政协主席, 安启元当选…主席), whatever the surname:
    the words around them mark where they begin and end."""
    spots = [(m.group(1), m.end()) for m in _POST_THEN_NAME.finditer(norm_text)]
    # After 的 (团长的曾若虹) an everyday word may stand as well (专家的严格检查): there a
    # name is only what general Chinese does not hold as a word.
    linked = {at for _, at in spots if norm_text[at - 1] == "的"}
    candidates = {norm_text[at:at + size] for _, at in spots for size in (2, 3, 4)}
    known = set(words(candidates)) if candidates else set()
    out: list[Person] = []
    for post, at in spots:
        some = re.match(rf"{_HAN}某某?", norm_text[at:])
        name = some.group(0) if some else next(
            (norm_text[at:at + size] for size in (4, 3, 2)
             if at + size <= len(norm_text) and norm_text[at:at + size] in known), None)
        if name and at in linked and name in lexicon().words:
            continue
        if name and post.endswith("主管") and name in lexicon().words:
            continue  # 主管 is a verb too: 主管林业的副县长 names nobody 林业
        if name is None and at not in linked:
            name = _name_by_what_follows(norm_text, at)
        if name and not _NOT_A_POST.search(post) and not _opens_a_word(post, norm_text, at):
            out.append(Person(post, name, at, at + len(name)))
    taken = {person.start for person in out}
    for m in _POST_THEN_FOREIGN.finditer(norm_text):
        name = _foreign_name(norm_text, m.start(2), words)
        if name and m.start(2) not in taken and not _NOT_A_POST.search(m.group(1)):
            out.append(Person(m.group(1), name, m.start(2), m.start(2) + len(name)))
            taken.add(m.start(2))
    for pattern in _ELECTED:
        for m in pattern.finditer(norm_text):
            if m.start(1) not in taken and not _NOT_A_POST.search(m.group(2)) and not (
                    _NOT_A_NAME.match(m.group(1))):
                out.append(Person(m.group(2), m.group(1), m.start(1), m.end(1)))
    return sorted(out, key=lambda person: person.start)


def _opens_a_word(post: str, norm_text: str, at: int) -> bool:
    """Whether the 长 a "post" ends with opens a word with what follows (发现长江中路 names no
    江中路: 长江 is the word) — unless the post ends in a word of its own (局长江某)."""
    if not post.endswith("长") or norm_text[at - 1] != "长":
        return False
    words = lexicon().words
    return post[-2:] not in words and post[-3:] not in words and (
        norm_text[at - 1:at + 1] in words)


# What a name written after a post is followed by (所长柳海峰研究员发明, 高级工程师李金文等
# …, 主任张明说): another post, a list or a verb of saying, a break.
_AFTER_A_NAME = regex.compile(rf"(?:{_POST})|[^\u4e00-\u9fff]|等|说|表示|指出|介绍|认为|强调|宣布|"
                           r"发明|研制|主持|率领|带领|和|与|及|的|在|为|是|也")


def _name_by_what_follows(norm_text: str, at: int) -> str | None:
    """A name the index's words do not hold, of two or three characters, where what follows
    marks its end (the shortest so marked) — not a word of general Chinese a surname opens
    (高兴地说 is no name)."""
    words = lexicon().words
    for size in (2, 3):
        name = norm_text[at:at + size]
        if (len(name) == size and _AFTER_A_NAME.match(norm_text, at + size)
                and name[:2] not in words and name not in words):
            return name
    return None


# A name before a post (张建国市长, 李局长), a name withheld (冯某, 陈某某), and what follows a
# post that names nobody after it (局长等3名, 局长被给予处分, 局长和副局长).
_NAME_THEN_POST = regex.compile(rf"[{''.join(sorted(SURNAMES))}]{_HAN}{{0,3}}(?:{_POST})")
_WITHHELD = regex.compile(f"[{''.join(sorted(SURNAMES))}]某")
_ANY_POST = regex.compile(_POST)
_NO_NAME_AFTER = regex.compile(r"[^\u4e00-\u9fff]|[等和及与跟同的们被在将已对向于也分均各]")


def names_someone(norm_text: str) -> bool:
    """Whether ``norm_text`` names a person at all: after a post (局长解振华, 选手容国团,
    whatever the surname), before one (张建国市长), by a vote (选举安启元为主席) or withheld
    (冯某) — loosely, since it only tells a sentence that names nobody (局长等3名公职人员)."""
    return bool(_WITHHELD.search(norm_text) or _NAME_THEN_POST.search(norm_text)
                or people(norm_text, lambda candidates: candidates)
                or any(not _NO_NAME_AFTER.match(norm_text[m.end():] or "。")
                       for m in _ANY_POST.finditer(norm_text)))


def named_after_post(norm_text: str, name: str) -> bool:
    """Whether ``name`` stands in ``norm_text`` right after a post or role (市长张建国), or
    a vote gives it one (选举安启元为主席), or it is a transcribed name after a post (议长托马斯.
    萨维): a person named as such, the way :func:`people` reads one."""
    if any(m.end() == at for at in occurrences(norm_text, name)
           for m in _POST_THEN_NAME.finditer(norm_text[:at + 1])):
        return True
    return bool(name) and any(p.name == name for p in people(norm_text, lambda _: ()))


__all__ = ["POST_ENDINGS", "SURNAMES", "Person", "asked_post", "core_post", "holds_post",
           "named_after_post", "names_someone", "people"]
