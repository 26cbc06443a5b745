"""People named with their post in running text: 市长张建国, 董事长徐柏玉, 发言人朱邦造.

News asks "青山市长是谁?", "哪位副厅长讲的?", "董事长叫什么名字?" about a post, and the
answer is the name written right after it.  Bodies and places — what the rest of the
who-extraction finds — never answer such a question, so the answer core needs the names
themselves.  jieba's part-of-speech tagger marks personal names (``nr``), its HMM guessing
the ones its dictionary lacks; a name counts only where a post stands right before it,
which keeps the tagger's stray ``nr`` (a surname-like first character) out.

This module owns the post vocabulary, the reading of a question's asked post and the
reading of post-and-name pairs in a (normalised) sentence.  Pure but for jieba's tagger
(:func:`indexer.segment.tag`), loaded on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.segment import tag

# What a post ends with: heads (市长, 董事长), officers and roles people are named by.
POST_ENDINGS = (
    "长", "书记", "主任", "主席", "总理", "总统", "首相", "大使", "公使", "参赞", "领事",
    "记者", "经理", "总裁", "委员", "发言人", "负责人", "教授", "院士", "研究员", "工程师",
    "导演", "编剧", "主演", "教练", "代表", "专家", "主持人", "冠军", "运动员", "队员",
    "法官", "检察官", "律师", "医生", "主编", "作者", "会长", "理事", "秘书",
)
_POST = "|".join(sorted(POST_ENDINGS, key=len, reverse=True))
_HAN = r"[\u4e00-\u9fff]"
# "X是谁", "X叫什么名字", "X姓什么", "哪位X" — X ending in a post (第一任大使, 副厅长).
_ASKED = (
    re.compile(rf"({_HAN}{{0,6}}?(?:{_POST}))(?:是|叫|为)?(?:谁|哪位|哪一位|什么名字|啥名字|"
               rf"叫什么|叫啥|姓什么|姓啥)"),
    re.compile(rf"哪(?:一)?[位个名]({_HAN}{{0,6}}?(?:{_POST}))"),
)
# Words ending in 长 that are no post (哪个增长点, 延长多久, 最长).
_NOT_A_POST = re.compile(r"(?:增|成|延|生|擅|专|特|漫|助|见|消|涨|拉|伸|悠|冗|狭|细|较|最|很|多)长$")
# 哪位领导/哪位官员 asks for a person without a post to match.
# (叫什么名字 alone does not: 那家企业叫什么名字 asks a company's name.)
_ANY_PERSON = re.compile(r"哪(?:一)?位|姓什么|姓甚名谁")


@dataclass(frozen=True)
class Person:
    """A name and the post written right before it, with the name's offsets in the text."""

    post: str
    name: str
    start: int
    end: int


def asked_post(norm_question: str) -> str | None:
    """The post a question asks the holder of (青山市长是谁 → 市长, 哪位副厅长 → 副厅长);
    ``""`` when it asks for a person without naming a post (哪位领导讲的); None when it
    does not ask for a person."""
    for pattern in _ASKED:
        m = pattern.search(norm_question)
        if m and not _NOT_A_POST.search(m.group(1)):
            return core_post(m.group(1))
    return "" if _ANY_PERSON.search(norm_question) else None


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
    return written.endswith(asked.removeprefix("副")) and (
        asked.startswith("副") == ("副" in written[:len(written) - len(asked.removeprefix("副"))]))


def names(norm_text: str) -> list[Person]:
    """Every personal name jieba's tagger finds in ``norm_text`` (2–4 characters opening with
    a common surname; 某 names such as 李某 count), with the post right before it if any."""
    return _tagged(norm_text, any_name=True)


def people(norm_text: str) -> list[Person]:
    """The names in ``norm_text`` that a post stands right before (市长张建国 → 市长, 张建国)."""
    if not re.search(_POST, norm_text):
        return []
    return _tagged(norm_text, any_name=False)


# The most common surnames: a given name the dictionary knows as a word (刘 + 黎民) or 某
# after a surname (李某) is still one person's name.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤")


_DOUBLE_SURNAMES = frozenset(("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容"))


def _tagged(norm_text: str, any_name: bool) -> list[Person]:
    out: list[Person] = []
    tokens = _joined(tag(norm_text))
    at = 0
    before = ""
    for word, flag in tokens:
        if flag == "nr" and 2 <= len(word) <= 4:
            m = re.search(rf"{_HAN}{{0,6}}(?:{_POST})$", before) if before else None
            # Without a post before it, only a name opening with a common surname: the
            # tagger also calls words such as 养老 names.
            if m or (any_name and (word[0] in SURNAMES or word[:2] in _DOUBLE_SURNAMES)):
                out.append(Person(m.group(0) if m else "", word, at, at + len(word)))
        before = (before + word)[-8:] if flag != "x" else ""
        at += len(word)
    return out


def _joined(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Tags with a surname joined to the given name after it (刘 黎民 → 刘黎民, 李 某 → 李某)."""
    out: list[tuple[str, str]] = []
    for word, flag in tokens:
        if out and out[-1][0] in SURNAMES and (
                (flag == "nr" and len(word) == 2) or word.startswith("某")):
            out[-1] = (out[-1][0] + (word if flag == "nr" else "某"), "nr")
            if flag != "nr" and len(word) > 1:
                out.append((word[1:], flag))  # 李 某处 → 李某 处
            continue
        out.append((word, flag))
    return out


__all__ = ["POST_ENDINGS", "Person", "asked_post", "core_post", "holds_post", "names", "people"]
