"""Domain terms found in the corpus itself.

These feed jieba's user dictionary (so 畜禽屠宰管理条例, 市场监管局, 小饭桌 and
两检两公开 are tokens as well as their parts) and the entity tables.  All
functions take *normalised* text (see :mod:`indexer.normalize`).
"""

from __future__ import annotations

import re

from corpus import regex
from indexer.words import CENTRAL_BODIES, ORG_SUFFIXES

_CJK = "\u4e00-\u9fff"

# A title's text, which may hold one title nested in it: 《关于印发〈…办法〉的通知》 (〈〉 is
# normalised to 《》), so the outer title is read whole, not cut to the inner one.
TITLE_TEXT = r"(?:[^《》\n]|《[^《》\n]{1,40}》)"
TITLE_RE = regex.compile(rf"《({TITLE_TEXT}{{2,60}})》")
QUOTED_RE = regex.compile(r'"([^"\n]{2,16})"')

# The longest body name read: 南京市交通运输综合行政执法支队 and 新疆维吾尔自治区市场监督管理局
# have 15 characters.
_NAME_MAX = 18
# 格局/布局/大局 end in 局 without being bureaus, 评委 is a judge; 厅级 is a rank, not a body.
# (The characters before a one-character suffix that make another word of it are checked
# for those alone: 安全监督站 and 安全委员会 are bodies.)  A foreign name spelt in
# characters holds 科 too (莫斯科, 斯科特, 普里马科夫): no section of a bureau; nor does
# research (科研人员), popular science (科普) or a hospital's department (科室).
_ONE_CHAR_SUFFIXES = "|".join(x for x in ORG_SUFFIXES if len(x) == 1)
_LONGER_SUFFIXES = "|".join(x for x in ORG_SUFFIXES if len(x) > 1)
_ORG_RE = regex.compile(
    rf"[{_CJK}]{{1,{_NAME_MAX - 2}}}?(?:{_LONGER_SUFFIXES}|(?<![格布大结全开当学本专斯评])"
    rf"(?:{_ONE_CHAR_SUFFIXES}))(?![级长技学]|办公|机关|(?<=科)[夫特娃研普室])"
)

_ORG_LAST_CHAR = regex.compile("[" + "".join({suffix[-1] for suffix in ORG_SUFFIXES}) + "]")

# Words that precede a name without being part of it (…联合公安厅 → 公安厅, but 联合国 is a
# name of its own; a news dateline's
# 1月11日电政协陕西省委员会 → 政协陕西省委员会; 被县纪委监委问责, 项目所在地龙脊镇人民政府;
# 市知识产权局接到安平香梨协会投诉: two bodies, not a bureau and its section).  A one-character
# word is noise only where it does not begin a word of the name: 经济 (市经济和信息化委员会),
# 对外 (中国对外文化交流协会), 同济, 向阳, 在线.
_ONE_CHAR_NOISE = {"的": "", "由": "", "经": "济贸信营销侦", "与": "", "及": "", "同": "济仁心",
                   "向": "阳", "对": "外", "将": "乐", "把": "", "在": "线", "是": "", "等": "",
                   "被": "服"}
_LEADING_NOISE = regex.compile(
    r"^(?:.*?(?:联合(?!国)|会同|组织|推动|督促|指导|协调|牵头|深化|凝聚|建立|形成|健全|完善|加强|强化"
    r"|打破|成立|出台|印发|制定|、|日电|日讯|宣布|禁止|来到|到了|上了|诉至|告到|移送|移交|交由|交给"
    r"|配合|协助|邀请|依据|根据|按照|通过|报请|提请|责令|约谈了?|所在地|属地|驻地|接到|收到|接获|委托|"
    + "|".join(f"{c}(?![{after}])" if after else c for c, after in _ONE_CHAR_NOISE.items())
    + "))+"
)
# Prefixes whose removal leaves the common short name (自治区市场监管局 → 市场监管局).
ADMIN_PREFIXES = ("自治区", "全区", "全州", "国家", "中央")


def titles(text: str) -> list[str]:
    """Every 《》 title, without the brackets."""
    return [m.group(1).strip() for m in TITLE_RE.finditer(text)]


def quoted(text: str) -> list[str]:
    """Named measures and slogans in quotes (after normalisation all quotes are ")."""
    return [m.group(1).strip() for m in QUOTED_RE.finditer(text) if _mostly_cjk(m.group(1))]


_CENTRAL_RE = regex.compile("|".join(sorted(CENTRAL_BODIES, key=len, reverse=True)))


# Verbs that end in a body suffix (…三年行动部署, 签署): 署 ends 海关总署, not these.
_VERBS_IN_SUFFIX = ("部署", "签署")


def organisations(text: str) -> list[str]:
    """Authority names such as 自治区市场监管局, 公安厅, 州政府 (heuristic)."""
    found: list[str] = []
    for chunk in re.split(rf"[^{_CJK}]", text):
        if _CENTRAL_RE.fullmatch(chunk):
            found.append(chunk)
            continue
        if not _ORG_LAST_CHAR.search(chunk):  # no suffix can end here: skip the slow pattern
            continue
        last_end = -1
        for m in _ORG_RE.finditer(chunk):
            name = _LEADING_NOISE.sub("", m.group(0))
            # (6个科目, 3个局: a count's classifier opens no name.)
            if (2 <= len(name) <= _NAME_MAX and name not in ORG_SUFFIXES
                    and not name.endswith(_VERBS_IN_SUFFIX) and not name.startswith("个")):
                if (m.end() - len(name) == last_end == m.start() and found
                        and len(found[-1]) + len(name) <= 20):
                    # 市医保局基金监管科: a bureau and its section, one body.
                    found[-1] += name
                else:
                    found.append(name)
                last_end = m.end()
    return found


def _mostly_cjk(s: str) -> bool:
    cjk = sum(1 for c in s if "\u4e00" <= c <= "\u9fff")
    return cjk >= max(1, len(s) // 2)


def domain_terms(text: str) -> set[str]:
    """The user-dictionary entries for a document: titles, quoted terms, authorities.

    Long titles also contribute their tail after an administrative prefix, so
    《新疆维吾尔自治区畜禽屠宰管理条例》 yields 畜禽屠宰管理条例 too.
    """
    terms: set[str] = set()
    for t in titles(text):
        if len(t) <= 30:
            terms.add(t)
        for prefix in ("自治区", "省", "市", "州", "县"):
            if prefix in t[:12]:
                tail = t.split(prefix, 1)[1]
                if 3 <= len(tail) <= 20 and not tail.startswith(("关于", "规范")):
                    terms.add(tail)
    for q in quoted(text):
        terms.add(q)
    for org in organisations(text):
        terms.add(org)
        for prefix in ADMIN_PREFIXES:
            if org.startswith(prefix) and len(org) - len(prefix) >= 2:
                terms.add(org[len(prefix):])
    return {t for t in terms if _is_term(t)}


def _is_term(t: str) -> bool:
    return 2 <= len(t) <= 30 and " " not in t and _mostly_cjk(t)
