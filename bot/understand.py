"""Question understanding: clean, classify, and turn a question into weighted search units.

The pipeline, all on normalised (simplified, half-width) text:

1. clean — drop control/zero-width characters, cut over-long questions;
2. classify — who / document / number / where / what, in Chinese or English;
3. translate — English keywords through the bilingual glossary, pinyin
   through the index's pinyin keys;
4. segment — the question's words are the index's words (longest-first
   dynamic programming over substrings found in the vocabulary), question
   words and particles dropped, colloquial words given their documentary
   synonyms;
5. correct — characters the index never saw are fixed against the
   vocabulary (one substitution, same pinyin preferred), the way a typo
   like 屠宰管里条例 or 库而勒 is made.

The result, :class:`Analysis`, is what the answer core ranks against.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal, Protocol

from bot.intent import Intent, read_intent
from bot.weights import WEIGHTS as W
from indexer.cedict import translations
from indexer.lexicon import lexicon
from indexer.normalize import Script, detect_script, is_cjk, normalize, normalize_many
from indexer.segment import MAX_TERM_LEN, substrings
from indexer.thesaurus import synonyms

Kind = Literal["who", "document", "number", "when", "where", "what"]
MAX_QUESTION_CHARS = 500

# Question words and particles: they shape the question, never the match.
QUESTION_WORDS = sorted({
    "哪个部门", "哪些部门", "什么部门", "哪个单位", "哪些单位", "哪家单位", "哪个机构", "哪些机构",
    "什么机构", "哪个地方", "哪些地方", "什么地方", "哪个地区", "哪些地区", "哪个州", "哪个市", "哪个县",
    "哪个文件", "哪些文件", "什么文件", "哪部", "哪项", "哪些", "哪个", "哪里", "哪儿", "在哪", "何地",
    "什么", "啥", "谁", "由谁", "多少", "几个", "几项", "几", "多大", "多高", "多少钱", "第几",
    "怎么样", "怎么", "怎样", "如何", "是否", "有没有", "有哪些", "吗", "呢", "吧", "啊", "呀",
    "请问", "请", "告诉我", "我想知道", "想知道", "一下", "介绍", "具体", "主要", "分别", "都",
    "是", "了", "的", "地", "得", "和", "与", "及", "在", "有", "对", "把", "被", "将", "为",
    "哪", "个", "些", "做", "干", "搞", "采取", "措施", "举措", "做法", "情况", "内容",
    "这些", "这个", "这", "那些", "那个", "文中", "其中", "意思", "含义", "是指", "指的是", "指",
    "叫", "名字", "名称", "参与", "负责", "一起", "一共", "总共", "共", "值多少钱", "属于", "相关", "有关", "关于", "方面", "主要是", "还", "又", "也", "就", "么",
    "有人", "要", "应该", "需要", "怎么办", "这事", "这件事", "到底", "究竟",
    # Verbs of the question's frame, not of its topic (适用于哪个地区, 怎么处理).
    "适用于", "适用", "涉及", "怎么处理", "如何处理", "该怎么", "是怎么",
    # Who is in charge (谁来管, 归谁管): the frame, not the topic.
    "谁来管", "谁在管", "谁管", "归谁管", "谁来负责", "谁在负责",
    # What one gets (能拿多少奖金, 能领多少补贴): the frame; the thing got is the topic.
    "能拿", "能领", "拿到", "领到", "能得到", "能获得",
    # How long / how often: the frame of the question.
    "多久", "多长时间",
    # 咋 is spoken 怎么 (咋处理, 咋办); 开始 frames a when-question (哪年开始搞的).
    "咋处理", "咋回事", "咋样", "咋办", "咋", "开始",
    # Directional complements (退回来, 查出来) and yes-no frames (会不会, 能不能):
    # the shape of the question, never its topic; 什么东西 is just "what".
    "回来", "出来", "起来", "下来", "过来", "上来", "下去", "会不会", "能不能", "是不是",
    "要不要", "可不可以", "算不算", "东西",
    # By what means (用什么办法篡改的?): how, not which 办法 (a regulation).
    "用什么办法", "用啥办法", "用什么方法", "用什么手段", "用什么方式", "通过什么方式",
    "通过什么手段", "通过什么办法", "采取什么办法", "采取了什么办法", "靠什么办法", "靠什么",
    # The asker pointing into the document (前言里说的…, 通知里提到的…): where, not what.
    "前言", "序言", "导语", "开头", "文件里", "通知里", "里面", "里说", "说的", "提到的", "讲的",
})
_QW_RE = re.compile("|".join(re.escape(w) for w in sorted(QUESTION_WORDS, key=len, reverse=True)))

# "归哪个部门管?", "谁负责?", "who leads?": the question asks who is in charge, and
# a sentence answers it with "X牵头抓总", "X负责".
IN_CHARGE_Q = re.compile(
    r"归[^,。?]{0,12}管|谁[来在]?管|(?:部门|单位|机构)来?管|负责|牵头|主管|主抓|抓总|统筹|"
    r"\blead(?:s|ing)?\b|\bled\b|in charge|responsible|oversee")
IN_CHARGE_VERBS = ("牵头", "负责", "主管", "主抓", "抓总", "统筹")

# "除了X(以外)," / "besides X,": X is set aside, the question asks about the others.
_EXCLUSION_RE = re.compile(
    r"(除了[^,。?;]{1,20}?(?:以外|之外)?(?=,|还|另外|以外|之外)|"
    r"(?<![消清排去剔免废解拆扣破])除[^,。?;]{1,20}?(?:以外|之外)|"
    r"\b(?:besides|apart from|other than|except(?: for)?)\b[^,.?;]{1,40}?(?=,|\balso\b))")

_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:省|市|县|州|自治区|地区)$")

_ANSWER_TYPE_RE = re.compile(
    r"(?:多少|几)(?:钱|元|家|项|个月|个|亩|级|位|名|件|人次|人|次|部门|公里|小时|张|处|户|所|座|条|"
    r"吨|批|辆|台|天|场|起|例|间|套|支|头)?|哪一?年|什么时候|啥时候|几时|何时|"
    r"多大面积|面积|多大|规模|数量|第几位|第几|排名|排第"
)

ENGLISH_STOP = frozenset(
    "a an the of in on for to by and or is are was were be been what which who whom whose where "
    "when why how many much did do does done has have had it its this that these those with from "
    "about as at into their there they them any some me tell please can could would should "
    "i we you our your my name list give show between among per each all get got".split()
)

_KIND_PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("when", re.compile(
        # 时间 as the thing asked (什么时间, 时间是…?), not inside a name (时间银行).
        r"什么时候|啥时候|啥时|几时|何时|哪一?年|哪一?天|几月|几号|日期|(?:什么|哪个|具体)时间|时间(?:是|为)?(?:哪|什么|何|多少|[??]|$)|"
        r"\bwhen\b|\bwhat year\b")),
    ("who", re.compile(
        r"(哪|什么|何)[^,,。?? ]{0,3}(部门|单位|机构|机关|厅|局|企业|公司)|由谁|谁|牵头单位|主管部门|"
        r"\bwho\b|\bwhich (department|agency|body|bureau|authority|authorities|departments)\b|"
        r"\bwhat (department|agency|body|bureau)\b")),
    ("document", re.compile(
        r"(什么|哪个|哪些|哪部|哪项|何种|哪份)[^,,。??]{0,4}(文件|条例|法规|规范|标准|意见|通知|办法|手册|指南|规定|"
        r"政策|制度|地方标准|方案|规划|细则|指引|清单|目录|告知书|倡议书|承诺书|责任书|明白纸)|(出台|制定|印发|修订|发布|起草|颁布)(了)?(什么|哪些|哪个|哪部|哪项)|"
        r"(文件|条例|法规|规范|标准|意见|通知|办法|手册|指南|规定)[^,,。]{0,6}(哪部|哪个|哪些|哪项|哪份)|"
        r"\b(which|what) (regulation|regulations|document|documents|standard|standards|rules|law|"
        r"laws|notice|guideline|guidelines|opinion|manual|policy|policies)\b")),
    # "哪几个镇…?" counts nothing: it asks which places, as 哪个县 does.
    ("where", re.compile(r"哪几?[个些]?(?:乡镇|镇|乡|村|街道|县区|区县|区|县|市|州|省|城市|地方|地区)")),
    ("number", re.compile(
        r"多少|几[个项家位部亩批人次年]?|多大|多高|多长|多重|第几|排名|排第|数量|规模|"
        r"价值(?!评价)|产值|\bvalue\b|\bworth\b|"
        r"\bhow (many|much|large|big|often|long)\b|\bwhat (rank|percentage|proportion|share|rate)\b|"
        r"\bnumber of\b|\branked?\b|\barea\b|"
        # Keywords ending in the measure they want ("code scanning rate").
        r"\b(?:rate|percentage|proportion|ratio)\s*\??$")),
    ("where", re.compile(
        r"哪里|哪儿|在哪|什么地方|哪个地方|哪些地方|哪些地区|哪个地区|哪个州|哪个市|哪个县|何地|何处|\bwhere\b|"
        r"\bwhich (place|city|region|prefecture|county)\b")),
)


_COLLOQUIAL = re.compile(r"[能会可吗了着过还再就才把给让被去来得]|多久|上[饭去来]|里")
# An unknown character as common as 的 or 着 (IDF ≤ 7 in jieba's dictionary) keeps a
# quarter of its weight; one as rare as 粪 (IDF ≥ 12.5) all of it.
_COMMON_CHAR_IDF, _RARE_CHAR_IDF, _MIN_CHAR_FACTOR = (W.common_char_idf, W.rare_char_idf,
                                                      W.min_char_factor)
_THESAURUS_WEIGHT = W.thesaurus_credit
_BY_WHAT_MEANS = re.compile(r"(?:用|靠|通过|采取了?|采用)(?:什么|啥)(?:办法|方法|手段|方式|招)")
_ISSUE_VERBS = frozenset("出台 制定 印发 发布 颁布 下发 出了 发了 搞了 弄了 推出".split())
_FRAME_NOUNS = frozenset(
    "department departments agency agencies body bodies bureau bureaus authority authorities "
    "unit units organization organizations organisation organisations institution institutions "
    "office offices".split())
_PLACE_PINYIN = ("shi", "xian", "zhou", "sheng", "qu")
# CC-CEDICT gives dozens of words for "fine" or "charge": the tightest few the
# documents use stand for it.
_MAX_DICTIONARY_CANDIDATES, _MAX_DICTIONARY_ALTS = 60, 4

# Toneless-pinyin question words, for questions typed without an input method.
PINYIN_QUESTION_WORDS: dict[str, Kind] = {
    "duoshao": "number", "jige": "number", "jixiang": "number", "nali": "where",
    "zainali": "where", "nage": "what", "shei": "who", "shui": "who", "nagebumen": "who",
    "shenme": "what", "sha": "what", "zenme": "what", "ruhe": "what", "shime": "what",
    "heshi": "when", "shenmeshihou": "when",
}


def classify(norm: str) -> Kind:
    """The question's intent from its wording (``norm`` is normalised)."""
    if _BY_WHAT_MEANS.search(norm):
        return "what"  # 用什么办法篡改的? asks how, not for a 办法 (a regulation)
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(norm):
            return kind
    for word in re.findall(r"[a-z]+", norm):
        if PINYIN_QUESTION_WORDS.get(word, "what") != "what":
            return PINYIN_QUESTION_WORDS[word]
    return "what"


class Vocabulary(Protocol):
    """What question analysis needs from the index (``indexer.search.Searcher``)."""

    @property
    def passage_count(self) -> int: ...

    def document_frequencies(self, terms: Collection[str]) -> dict[str, int]: ...

    def terms_by_pinyin(self, keys: Collection[str]) -> dict[str, list[tuple[str, int]]]: ...

    def vocabulary(self) -> list[tuple[str, int]]: ...

    def vocabulary_of_length(self, size: int) -> list[str]: ...


@dataclass(frozen=True)
class Unit:
    """One thing the question asks to be present, with interchangeable spellings."""

    text: str  # as matched in the question (normalised)
    alts: tuple[str, ...]  # any of these in a passage satisfies the unit
    weight: float
    known: bool  # the index has at least one of ``alts``
    source: str = "question"  # question | partial | typo | pinyin | english
    # Index words to retrieve candidates by, when ``alts`` are not index words
    # themselves (牛羊杂 → 牛羊, 杂…; matching still checks ``alts`` in the text).
    search: tuple[str, ...] = ()


@dataclass
class Analysis:
    question: str  # as cleaned, original script
    norm: str
    script: Script
    kind: Kind
    units: list[Unit] = field(default_factory=list)
    notice: str | None = None  # e.g. the question was cut
    # Words the question sets aside (除了市场监管,还有哪些部门…): not to be matched,
    # and not an acceptable answer.
    excluded: tuple[str, ...] = ()
    # Words of the answer's frame to retrieve by, not to be covered: "归哪个部门管?"
    # is answered by "X部门牵头抓总", which need not repeat the question's topic.
    frame: tuple[str, ...] = ()
    # What else it asks (about this notice, several bodies, a day, partners …).
    intent: Intent = field(default_factory=Intent)
    # The noun a what-question asks about (什么监管模式 → 监管模式), see bot/focus.py.
    focus: str | None = None

    @property
    def total_weight(self) -> float:
        return sum(u.weight for u in self.units)

    def search_terms(self, min_weight: float = 0.0) -> list[str]:
        """Words to retrieve candidates by; ``min_weight`` keeps only rarer units' words."""
        terms: list[str] = []
        for u in self.units:
            if u.weight >= min_weight:
                terms.extend(a for a in u.alts if a)
                terms.extend(u.search)
        terms.extend(self.frame)
        return terms


# --- cleaning -----------------------------------------------------------------

_INVISIBLE = {"Cc", "Cf", "Co", "Cs", "Cn"}


def clean(question: str) -> tuple[str, str | None]:
    """Strip what cannot be asked about; cut questions over ``MAX_QUESTION_CHARS``.

    Returns the cleaned question and a notice for the user, if any.
    """
    text = "".join(
        " " if ch in "\t\n\r" else ch
        for ch in question
        if ch in "\t\n\r" or unicodedata.category(ch) not in _INVISIBLE
    )
    text = re.sub(r"\s+", " ", text).strip()
    notice = None
    if len(text) > MAX_QUESTION_CHARS:
        asked = _question_part(text)
        if asked is not None:
            text = asked
            notice = "问题过长,只按其中提问的一句回答。"
        else:
            text = text[:MAX_QUESTION_CHARS]
            notice = f"问题过长,只按前 {MAX_QUESTION_CHARS} 个字回答。"
    return text, notice


_SENTENCE_END = re.compile(r"(?<=[。!?;！？；])|(?<=\.)\s")  # not the dot of 2.5
_QUESTION_WORD = re.compile("|".join(["多少", "几", "什么", "哪", "谁", "吗", "怎么", "如何", "是否",
                                      "why", "what", "which", "who", "how", "when", "where"]))


def _question_part(text: str) -> str | None:
    """The question in a long paste (a forwarded article, then "…是哪个部门?"): the last
    sentence that asks something, if it fits; None when no sentence does."""
    sentences = [p.strip() for p in _SENTENCE_END.split(text) if p.strip()]
    for sentence in reversed(sentences):
        if (sentence.endswith(("?", "？")) or _QUESTION_WORD.search(sentence.lower())) \
                and len(sentence) <= MAX_QUESTION_CHARS:
            return sentence
    return None


def is_askable(text: str) -> bool:
    """Does ``text`` hold any letter, digit or ideograph to search for?"""
    return any(is_cjk(c) or c.isalnum() for c in text)


# --- data files ---------------------------------------------------------------

@lru_cache(maxsize=8)
def read_table(path: Path) -> dict[str, tuple[str, ...]]:
    """A word table from ``corpus/data`` (synonyms, glossary): key<TAB>value|value, normalised."""
    rows: list[tuple[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        head, tail = line.split("\t", 1)
        rows.append((head.strip(), [v.strip() for v in tail.split("|")]))
    # One OpenCC call for the whole table (hundreds of calls cost a cold start ~50 ms).
    flat = normalize_many([word for head, words in rows for word in (head, *words)])
    table: dict[str, tuple[str, ...]] = {}
    pos = 0
    for _, words in rows:
        table[flat[pos]] = tuple(flat[pos + 1:pos + 1 + len(words)])
        pos += 1 + len(words)
    return table


# --- analysis -------------------------------------------------------------------

class Analyzer:
    """Turns questions into :class:`Analysis` against one index's vocabulary."""

    def __init__(self, vocab: Vocabulary, synonyms_path: Path, glossary_path: Path) -> None:
        self.vocab = vocab
        self.synonyms = read_table(synonyms_path)
        self.glossary = read_table(glossary_path)
        # The wildcard entries (regulat* → 条例), in table order: the only ones
        # a phrase not in the table can still match.
        self._glossary_prefixes = [(key[:-1], value) for key, value in self.glossary.items()
                                   if key.endswith("*")]
        # Colloquial phrases holding a question word (一个人住, 没人管) must survive
        # its removal to reach their synonyms.
        keep = sorted((k for k in self.synonyms if len(k) > 1 and _QW_RE.search(k)),
                      key=len, reverse=True)
        self._keep_re = re.compile("|".join(map(re.escape, keep))) if keep else None
        self._joined: str | None = None
        self._by_edge: dict[tuple[int, int, str], list[str]] | None = None
        # Phrase → (estimated document frequency, its index words), or None.
        self._composed: dict[str, tuple[int, tuple[str, ...]] | None] = {}

    def reset(self) -> None:
        """Forget what was derived from the vocabulary (after the index changed)."""
        self._joined = None
        self._by_edge = None
        self._composed = {}

    def warm_up(self) -> None:
        """Load what typo correction needs (vocabulary, rapidfuzz, pypinyin) ahead of time.

        A long-running process (the bot) calls this at start so that the first
        question with a typo is as fast as the rest; one-shot commands skip it.
        """
        import pypinyin  # noqa: F401
        import rapidfuzz.process  # noqa: F401

        self._inside_word("")
        self._typo_candidates("预热")
        _pinyin_tables()
        _same_sound("预热", "预热")
        self.vocab.terms_by_pinyin(["yure"])  # builds the pinyin keys of the vocabulary

    def analyze(self, question: str) -> Analysis:
        cleaned, notice = clean(question)
        norm = normalize(cleaned)
        analysis = Analysis(cleaned, norm, detect_script(cleaned), classify(norm), notice=notice,
                            intent=read_intent(norm, cleaned))
        n = max(self.vocab.passage_count, 1)
        latin_units, cjk_text = self._latin(norm, n)
        analysis.units = [*latin_units, *self._cjk_units(cjk_text, n)]
        if analysis.kind == "who" and IN_CHARGE_Q.search(norm):
            analysis.frame = IN_CHARGE_VERBS
        if analysis.kind in ("document", "who"):
            # "出台了什么文件?" asks for a document however it was issued (制定, 印发):
            # the verb frames the question more than it must be matched.
            analysis.units = [replace(u, weight=W.issue_verb_factor * u.weight)
                              if u.text in _ISSUE_VERBS else u
                              for u in analysis.units]
        aside = _EXCLUSION_RE.search(norm)
        if aside:
            span = aside.group(1)
            rest = norm[:aside.start(1)] + " " + norm[aside.end(1):]
            aside_units = {u.text for u in analysis.units
                           if u.text in span and u.text not in rest}
            analysis.excluded = tuple(x for u in analysis.units if u.text in aside_units
                                      for x in u.alts if len(u.text) > 1)
            # The sentence that answers "who else" often names X as well (X牵头,
            # A、B、C参与): X still helps find it, at half weight; 除 does not.
            analysis.units = [replace(u, weight=W.set_aside_factor * u.weight)
                              if u.text in aside_units else u
                              for u in analysis.units
                              if u.text not in aside_units or len(u.text) > 1]
        if analysis.kind == "what" and latin_units:
            # Keywords typed in pinyin or English classify like their Chinese
            # ("pinpai jiazhi" asks for a value, as 品牌价值 would).
            translated = " ".join(u.alts[0] for u in latin_units)
            analysis.kind = classify(f"{norm} {translated}")
        return analysis

    # English and pinyin ------------------------------------------------------
    def _latin(self, norm: str, n: int) -> tuple[list[Unit], str]:
        """Units for the Latin-script words; returns them and the text left to segment."""
        words = re.findall(r"[a-z][a-z\-']*|\d+(?:\.\d+)?", norm)
        rest = re.sub(r"[a-z][a-z\-']*", " ", norm)
        units: list[Unit] = []
        unknown_weight = W.unknown_english_factor * math.log(1 + n / 0.5)
        i = 0
        # "which department…?" frames the question as 哪个部门 does: no topic word.
        framed = {i + 1 for i, w in enumerate(words[:-1])
                  if w in ("which", "what", "whose") and words[i + 1] in _FRAME_NOUNS}
        content = [w for i, w in enumerate(words) if w not in ENGLISH_STOP and not w.isdigit()
                   and w not in PINYIN_QUESTION_WORDS and i not in framed]
        windows = {"".join(content[a:b]) for a in range(len(content))
                   for b in range(a + 1, min(len(content), a + 4) + 1)}
        # Places are indexed with their suffix (长沙市, 岳阳县): "changsha" finds
        # changshashi too.
        pinyin_hits = self.vocab.terms_by_pinyin(
            windows | {w + s for w in windows for s in _PLACE_PINYIN if len(w) >= 4})
        missing = [w for w in windows if w not in pinyin_hits and not any(
            w + s in pinyin_hits for s in _PLACE_PINYIN) and w.isalpha()]
        if missing:
            # The index keys a word by its characters' first readings (银行 → yinxing,
            # 长沙 → zhangsha); what is typed is the reading in that word (yinhang).
            variants = {v: w for w in missing for v in _reading_variants(w)}
            if variants:
                found = self.vocab.terms_by_pinyin(variants)
                # The fewest syllables read otherwise, then the commonest word:
                # changxing is 长兴 (zhang-xing, one change), not 上升 (two).
                for v in sorted(found, key=lambda v: (_changed_syllables(v, variants[v]),
                                                      -found[v][0][1], v)):
                    pinyin_hits.setdefault(variants[v], found[v])
        while i < len(content):
            matched = False
            for size in (4, 3, 2, 1):
                phrase = " ".join(content[i:i + size])
                if len(content[i:i + size]) < size:
                    continue
                terms = self._english(phrase, wildcards=False)
                source = "english"
                if not terms:
                    key = "".join(content[i:i + size])
                    hits = pinyin_hits.get(key) or next(
                        (pinyin_hits[key + s] for s in _PLACE_PINYIN if key + s in pinyin_hits), [])
                    terms = tuple(t for t, _ in hits[:3])
                    source = "pinyin"
                if not terms:
                    # A wildcard (ton* → 吨) only after pinyin: tongjiang is 通江.
                    terms = self._english(phrase)
                    source = "english"
                if terms:
                    units.append(self._unit(phrase, terms, n, source))
                    i += size
                    matched = True
                    break
            if not matched:
                glued = self._glued_pinyin(content[i])
                if glued:
                    # "cunweishengshi": 村 + 卫生室 typed as one word.
                    units.extend(self._unit(part, terms, n, "pinyin") for part, terms in glued)
                    i += 1
                    continue
                pair = " ".join(content[i:i + 2]) if i + 1 < len(content) else ""
                pair_translated = self._dictionary_english(pair)[1] if pair else ()
                if pair_translated:
                    # A phrase the dictionary glosses as a whole ("gas cylinder" →
                    # 气瓶) reads better than its words one by one.
                    unit = self._unit(pair, pair_translated, n, "english")
                    units.append(replace(unit, weight=W.dictionary_credit * unit.weight))
                    i += 2
                    continue
                known_word, translated = self._dictionary_english(content[i])
                if translated:
                    # A dictionary's reading, not the glossary's: less sure of it.
                    unit = self._unit(content[i], translated, n, "english")
                    units.append(replace(unit, weight=W.dictionary_credit * unit.weight))
                    i += 1
                    continue
                # An English word we cannot map still counts against coverage:
                # "work permit" must not be answered by "新疆" alone.  Fully when
                # the dictionary knows it and the documents use none of its
                # translations (visa); lightly when it is no word it knows.
                if len(content[i]) > 2:
                    typed_pinyin = _syllables(content[i], _pinyin_tables()[0]) is not None
                    weight = (math.log(1 + n / 0.5) if known_word and not typed_pinyin
                              else unknown_weight)  # "ming" may be 名 as well as Ming
                    units.append(Unit(content[i], (content[i],), weight, False, "english"))
                i += 1
        return units, rest

    def _glued_pinyin(self, word: str) -> list[tuple[str, tuple[str, ...]]]:
        """Two indexed words typed as one ("cunweishengshi" → cun + weishengshi).

        The split with the longer known first part wins; none when a part is
        shorter than a syllable or the word is not pinyin-like.
        """
        if len(word) < 6 or not word.isalpha():
            return []
        cuts = range(len(word) - 2, 1, -1)
        keys = {word[:k] for k in cuts} | {word[k:] for k in cuts}
        hits = self.vocab.terms_by_pinyin(keys)
        inventory = _pinyin_tables()[0]
        for k in cuts:
            head, tail = hits.get(word[:k]), hits.get(word[k:])
            if head and tail:
                return [(word[:k], tuple(t for t, _ in head[:3])),
                        (word[k:], tuple(t for t, _ in tail[:3]))]
            # One syllable the index holds no word for (cun of 村卫生室): keep the rest.
            if head and word[k:] in inventory:
                return [(word[:k], tuple(t for t, _ in head[:3]))]
            if tail and word[:k] in inventory:
                return [(word[k:], tuple(t for t, _ in tail[:3]))]
        return []

    def _dictionary_english(self, word: str) -> tuple[bool, tuple[str, ...]]:
        """Whether CC-CEDICT knows ``word``, and the index words it translates it to
        (fines → 罚款), tightest first."""
        if len(word) < 3 or not word.replace(" ", "").isalpha():
            return False, ()
        candidates = translations(word)[:_MAX_DICTIONARY_CANDIDATES]
        df = self.vocab.document_frequencies([h for h, _ in candidates])
        return bool(candidates), tuple(h for h, _ in candidates if h in df)[:_MAX_DICTIONARY_ALTS]

    def _english(self, phrase: str, wildcards: bool = True) -> tuple[str, ...]:
        if phrase in self.glossary:
            return self.glossary[phrase]
        if "-" in phrase and phrase.replace("-", " ") in self.glossary:
            return self.glossary[phrase.replace("-", " ")]  # mutual-aid = mutual aid
        for prefix, value in self._glossary_prefixes if wildcards else ():
            if phrase.startswith(prefix) and " " not in phrase[len(prefix):]:
                return value
        for suffix in ("s", "es", "ed", "d", "ing"):
            if phrase.endswith(suffix) and phrase[: -len(suffix)] in self.glossary:
                return self.glossary[phrase[: -len(suffix)]]
        return ()

    # Chinese -------------------------------------------------------------------
    def _cjk_units(self, text: str, n: int) -> list[Unit]:
        # Words that name the kind of answer wanted (多少家, 几级, 哪一年, 面积)
        # are not words the answer must contain.
        text = _ANSWER_TYPE_RE.sub(" ", text)
        text = self._strip_question_words(text)
        candidates = substrings(text)
        targets = self._synonym_targets(candidates)
        df = self.vocab.document_frequencies(candidates | targets)
        for target, (freq, _) in self._compose(t for t in targets if t not in df).items():
            df[target] = freq
        units: list[Unit] = []
        for run in re.findall(r"[\u4e00-\u9fff\u3400-\u4dbf0-9a-z+]+", text):
            pieces = self._segment(run, df)
            partial: set[str] = set()
            if not all(known for _, known in pieces):
                # 牛羊杂 is no index word but part of 牛羊杂清洗规范: let such
                # pieces of longer words count before calling anything a typo.
                partial = {p for p in substrings(run) if len(p) >= 3 and p not in df
                           and self._inside_word(p)}
                pieces = self._segment(run, df, partial)
            merged = _merge_unknown(pieces)
            pieces_text = {w for w, _ in merged}
            items = self._general_words(self._loose_characters(merged, run, df), df)
            for word, known, fixed in items:
                if not known and not fixed and len(word) >= 2 and word not in pieces_text:
                    # An everyday word merged from lone characters (明天, 病人): asked
                    # about, but paraphrase as often as topic — half the weight.
                    unit = self._thesaurus(
                        self._unit(word, self._alts(word, df), n, "question", df), n)
                    units.append(replace(unit, weight=W.everyday_word_factor * unit.weight)
                                 if not unit.known
                                 else unit)
                    continue
                if fixed:
                    units.append(self._unit(word, fixed, n, "typo"))
                    continue
                if word in partial:
                    inner = tuple(sorted((t for t in df if len(t) >= 2 and t in word),
                                         key=df.__getitem__)[:4])
                    units.append(Unit(word, (word,), math.log(1 + n), True, "partial", inner))
                    continue
                alts = self._alts(word, df)
                if not known and not any(a in df for a in alts):
                    corrected = self._correct(word, run, df)
                    if corrected:
                        units.append(self._unit(word, corrected, n, "typo"))
                        continue
                unit = self._thesaurus(self._unit(word, alts, n, "question", df), n)
                if not unit.known and len(word) >= 2 and is_cjk(word[0]):
                    # An unknown stretch is everyday wording (却占着床位, 用电脑):
                    # its general-Chinese words are units of their own, each
                    # with its own synonyms and weight.
                    parts = lexicon().split(word)
                    if len(parts) > 1:
                        units.extend(self._general(self._thesaurus(
                            self._unit(part, self._alts(part, df), n, "question", df), n))
                            for part in parts)
                        continue
                unit = self._general(unit)
                if not unit.known and len(word) >= 3 and _COLLOQUIAL.search(word):
                    # 能吃上饭, 里能看, 提前收多久: the asker's phrasing around the topic
                    # (modal verbs, particles), not a topic the documents lack.
                    unit = replace(unit, weight=W.colloquial_factor * unit.weight)
                if len(word) >= 4 and unit.known:
                    # Retrieve by the parts of a long word too (畜禽屠宰管理条例 → 屠宰, 条例):
                    # more candidates for 更多结果; coverage still asks for the whole.
                    inner = tuple(sorted((t for t in df if 2 <= len(t) < len(word) and t in word
                                          and df[t] <= max(n // 20, 20)),
                                         key=df.__getitem__)[:3])
                    unit = Unit(unit.text, unit.alts, unit.weight, True, unit.source, inner)
                units.append(unit)
        return units

    def _thesaurus(self, unit: Unit, n: int) -> Unit:
        """An everyday word the index lacks, matched by its thesaurus synonyms the
        documents use (噪音 → 噪声, 水渠 → 沟渠), less surely than the hand table."""
        if unit.known or len(unit.text) < 2 or not is_cjk(unit.text[0]):
            return unit
        candidates = sorted(synonyms(unit.text))
        if not candidates:
            return unit
        df = self.vocab.document_frequencies(candidates)
        found = sorted((w for w in candidates if w in df), key=df.__getitem__)[:4]
        if not found:
            return unit
        matched = self._unit(unit.text, found, n, "synonym")
        # It weighs as the unknown word did: a question about 噪音 on documents
        # without 噪声 stays as far from found as before.
        return replace(matched, weight=_THESAURUS_WEIGHT * unit.weight)

    @staticmethod
    def _general(unit: Unit) -> Unit:
        """An unknown lone character weighs by how much it says in general Chinese:
        着, 却, 用 nothing; 粪, 酸 something."""
        if unit.known or len(unit.text) != 1 or not is_cjk(unit.text):
            return unit
        rarity = (lexicon().char_idf(unit.text) - _COMMON_CHAR_IDF) / (
            _RARE_CHAR_IDF - _COMMON_CHAR_IDF)
        return replace(unit, weight=unit.weight * min(1.0, max(_MIN_CHAR_FACTOR, rarity)))

    def _compose(self, phrases: Iterable[str]) -> dict[str, tuple[int, tuple[str, ...]]]:
        """Phrases made wholly of index words (非法集资 = 非法 + 集资, 饮水困难 = 饮水 + 困难).

        Synonym and glossary targets are often such phrases: they match the
        text as written, and are retrieved by their words.  The phrase's
        frequency is estimated by its rarest word's.
        """
        phrases = list(phrases)
        todo = {p for p in phrases if len(p) >= 3 and is_cjk(p[0]) and p not in self._composed}
        if todo:
            df = self.vocab.document_frequencies(
                {x for p in todo for x in substrings(p) if len(x) >= 2})
            for p in todo:
                words = _cover(p, df)
                self._composed[p] = (min(df[w] for w in words), words) if words else None
        out: dict[str, tuple[int, tuple[str, ...]]] = {}
        for p in phrases:
            hit = self._composed.get(p)
            if hit:
                out[p] = hit
        return out

    def _strip_question_words(self, text: str) -> str:
        kept = self._kept_words(text)
        out: list[str] = []
        last = 0
        for start, end in kept:
            out.append(_QW_RE.sub(" ", text[last:start]))
            out.append(f" {text[start:end]} ")
            last = end
        out.append(_QW_RE.sub(" ", text[last:]))
        return "".join(out)

    def _kept_words(self, text: str) -> list[tuple[int, int]]:
        """Spans of ``text`` a question word must not cut, in order, not overlapping.

        A question word can be part of a topic word: 地 of 土地, 指 of 指导, 还 of
        还田, 干 of 干部, 有 of 有限空间.  An index word (or a colloquial word with
        synonyms) that holds a whole question word and more is kept as it is.
        """
        found: list[tuple[int, int]] = []
        if self._keep_re is not None:
            found += [m.span() for m in self._keep_re.finditer(text)]
        spans = [m.span() for m in _QW_RE.finditer(text)]
        candidates: dict[tuple[int, int], str] = {}
        for qs, qe in spans:
            for i in range(max(0, qe - MAX_TERM_LEN), qs + 1):
                for j in range(qe, min(len(text), i + MAX_TERM_LEN) + 1):
                    word = text[i:j]
                    # Not a word made of question words alone (还有, 是否).
                    if j - i > qe - qs and is_cjk(word[0]) and _QW_RE.sub("", word).strip():
                        candidates[(i, j)] = word
        if candidates:
            words = {text[i:j] for i in range(len(text))
                     for j in range(i + 2, min(len(text), i + MAX_TERM_LEN) + 1)}
            df = self.vocab.document_frequencies(words)
            spans_in = [(i, j) for i in range(len(text))
                        for j in range(i + 2, min(len(text), i + MAX_TERM_LEN) + 1)
                        if text[i:j] in df]
            for (i, j), word in candidates.items():
                if word not in df:
                    continue
                qs, qe = next(q for q in spans if i <= q[0] and q[1] <= j)
                # Not when the rest of it belongs to a word running on past it
                # (对存量: 存量, not 对存): the question word stays a question word.
                if any((b <= qs or a >= qe) and a < j and b > i and (a < i or b > j)
                       for a, b in spans_in):
                    continue
                found.append((i, j))
        kept: list[tuple[int, int]] = []
        for start, end in sorted(found, key=lambda sp: (sp[0] - sp[1], sp[0])):  # longest first
            if all(end <= a or start >= b for a, b in kept):
                kept.append((start, end))
        return sorted(kept)

    @staticmethod
    def _general_words(items: list[tuple[str, bool, tuple[str, ...]]], df: dict[str, int],
                       ) -> list[tuple[str, bool, tuple[str, ...]]]:
        """Lone characters that form an everyday word the index lacks, as that word.

        天 and 下 are index words of their own somewhere, so 明天会下雨 falls apart
        into 明/天/会/下/雨 and matches any sentence with 天 and 下.  明天 and 下雨
        are words of general Chinese that no index word covers: they are asked
        about as such, and the documents do not have them.
        """
        out: list[tuple[str, bool, tuple[str, ...]]] = []
        i = 0
        while i < len(items):
            j = i
            while j < len(items) and len(items[j][0]) == 1 and not items[j][2]:
                j += 1
            if j - i < 2:
                out.append(items[i])
                i += 1
                continue
            words = lexicon().words
            k = i
            while k < j:
                for end in range(min(j, k + 4), k + 1, -1):
                    word = "".join(w for w, _, _ in items[k:end])
                    if word in words and word not in df and not any(
                            sub in df for sub in substrings(word) if 2 <= len(sub) < len(word)):
                        out.append((word, False, ()))
                        k = end
                        break
                else:
                    out.append(items[k])
                    k += 1
            i = j
        return out

    def _loose_characters(self, pieces: list[tuple[str, bool]], run: str, df: dict[str, int],
                          ) -> list[tuple[str, bool, tuple[str, ...]]]:
        """Pieces, with runs of lone characters tried as one mistyped word.

        In a large index every character is a word of its own somewhere, so a
        typo like 小饭卓 does not show as unknown: it falls apart into 小/饭/卓.
        Two or three lone characters in a row that, with one character
        changed, sound like an index word (小饭桌) are taken for that word.
        """
        out: list[tuple[str, bool, tuple[str, ...]]] = []
        i = 0
        while i < len(pieces):
            j = i
            while j < len(pieces) and len(pieces[j][0]) == 1:
                j += 1
            if 2 <= j - i <= 3:
                loose = "".join(w for w, _ in pieces[i:j])
                # Known characters: only words about their own length are worth a try
                # (the search is the costliest step of a question on a large index).
                fixed = self._correct(loose, run, df, max_size=len(loose) + 2)
                if fixed:
                    out.append((loose, True, fixed))
                    i = j
                    continue
            if j > i:
                out.extend((w, k, ()) for w, k in pieces[i:j])
                i = j
            else:
                out.append((*pieces[i], ()))
                i += 1
        return out

    def _typo_candidates(self, window: str) -> list[str]:
        """Index words of the window's length that share its first or its last character.

        One substituted character leaves at least one end in place, so these are
        all the candidates; scanning them instead of the whole vocabulary keeps a
        typo question as fast as the others on a large index.
        """
        if self._by_edge is None:
            by_edge: dict[tuple[int, int, str], list[str]] = {}
            for size in range(2, 7):
                for term in self.vocab.vocabulary_of_length(size):
                    by_edge.setdefault((size, 0, term[0]), []).append(term)
                    by_edge.setdefault((size, -1, term[-1]), []).append(term)
            self._by_edge = by_edge
        size = len(window)
        return [*self._by_edge.get((size, 0, window[0]), ()),
                *self._by_edge.get((size, -1, window[-1]), ())]

    def _inside_word(self, piece: str) -> bool:
        if self._joined is None:
            self._joined = "\x00".join(t for t, _ in self.vocab.vocabulary())
        return piece in self._joined

    def _synonym_targets(self, candidates: set[str]) -> set[str]:
        return {t for c in candidates if c in self.synonyms for t in self.synonyms[c]}

    def _alts(self, word: str, df: dict[str, int]) -> tuple[str, ...]:
        targets = self.synonyms.get(word, ())
        alts = [word] if word in df else []
        # When the documents use the asker's own word, a synonym common across
        # them (自来水 → 供水, in 1 of 50 passages or more) would only blur it.
        limit = max(self.vocab.passage_count // 50, 3 * df[word]) if word in df else None
        alts.extend(t for t in targets if t in df and t not in alts
                    and (limit is None or df[t] <= limit))
        # A documentary word may be no index word of its own but part of one
        # (用餐 in 用餐补贴, 助餐 in 助餐点): it still matches the text.
        alts.extend(t for t in targets if t not in df and t not in alts and len(t) >= 2
                    and (self._composed.get(t) or self._inside_word(t)))
        return tuple(alts) or (word,)

    def _segment(self, run: str, df: dict[str, int],
                 partial: set[str] | frozenset[str] = frozenset()) -> list[tuple[str, bool]]:
        """Best split of ``run`` into indexed words, longer preferred.

        ``partial`` pieces (parts of longer indexed words) are allowed too, and
        colloquial words whose documentary synonyms are indexed — not those
        whose synonyms the documents never use (法规 must not cut 办法规定).
        """
        size = len(run)
        best: list[tuple[float, int]] = [(0.0, 0)] * (size + 1)
        for end in range(1, size + 1):
            choice = (best[end - 1][0] - 1.0, end - 1)  # an unknown single character
            for start in range(max(0, end - MAX_TERM_LEN), end):
                piece = run[start:end]
                if piece in df or piece in partial or (len(piece) > 1 and any(
                        t in df for t in self.synonyms.get(piece, ()))):
                    score = best[start][0] + len(piece) ** 2
                    if score > choice[0]:
                        choice = (score, start)
            best[end] = choice
        out: list[tuple[str, bool]] = []
        end = size
        while end > 0:
            start = best[end][1]
            piece = run[start:end]
            out.append((piece, piece in df or piece in partial
                        or any(t in df for t in self.synonyms.get(piece, ()))))
            end = start
        return out[::-1]

    def _correct(self, word: str, run: str, df: dict[str, int],
                 max_size: int = 6) -> tuple[str, ...]:
        """Fix a typo: one substituted character in a word of the index around ``word``.

        Chinese typos are mostly homophones picked from the input method
        (管里/管理, 塑化济/塑化剂, 库而勒/库尔勒), so a correction must sound the
        same unless the word is long enough (4+) to be unambiguous.
        """
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        if len(word) > 3:
            return ()
        pos = run.find(word)
        best: tuple[float, str] | None = None
        for size in range(min(len(run), max_size), 1, -1):
            for start in range(max(0, pos + len(word) - size), min(pos, len(run) - size) + 1):
                window = run[start:start + size]
                for term, _score, _ in process.extract(
                        window, self._typo_candidates(window), scorer=Levenshtein.distance,
                        score_cutoff=1, limit=20):
                    sound = _same_sound(window, term)
                    if term == window or (not sound and size < 4):
                        continue
                    rank = size * 2 + sound + math.log(1 + df.get(term, 1))
                    if best is None or rank > best[0]:
                        best = (rank, term)
            if best:
                break
        return (best[1],) if best else ()

    def _unit(self, text: str, alts: Iterable[str], n: int, source: str,
              df: dict[str, int] | None = None) -> Unit:
        alts = tuple(dict.fromkeys(alts))
        freqs = df if df is not None else self.vocab.document_frequencies(alts)
        composed = self._compose(a for a in alts if a not in freqs)
        known_df = [freqs[a] for a in alts if a in freqs] + [f for f, _ in composed.values()]
        search: tuple[str, ...] = tuple(w for _, words in composed.values() for w in words)
        if not known_df and (source in ("english", "pinyin") or alts != (text,)):
            # A glossary or synonym phrase (典型案例) may be no single index word but
            # still be in the text.
            known_df = [1 for a in alts if len(a) >= 2 and self._inside_word(a)]
            if known_df:
                inner = self.vocab.document_frequencies(
                    {s for a in alts for s in substrings(a) if len(s) >= 2})
                search = tuple(inner)
        if known_df:
            idf = math.log(1 + n / max(known_df))
            known = True
        else:
            idf = math.log(1 + n / 0.5)
            known = False
        # Single characters say little on their own; an unknown one is mostly a
        # verb or particle of the question (由, 归, 建), not a missing topic.
        factor = 1.0
        if len(text) == 1 and is_cjk(text):
            factor = W.lone_char_factor if known else W.unknown_lone_char_factor
        elif not known and _PLACE_RE.search(text):
            # A place the documents never name (广东省) is a hard constraint.
            factor = W.unknown_place_factor
        return Unit(text, alts, idf * factor, known, source, search)


def _same_sound(a: str, b: str) -> float:
    """1.0 when two strings sound alike (a homophone typo), else 0."""
    sound_a = _sound(a)
    return 1.0 if sound_a is not None and sound_a == _sound(b) else 0.0


@lru_cache(maxsize=8192)
def _sound(text: str) -> tuple[str, ...] | None:
    """Toneless pinyin of ``text`` (cached: a typo is compared with up to 20 index
    words per window, and pypinyin takes tens of microseconds a call)."""
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:  # pragma: no cover - pypinyin is a dependency
        return None
    return tuple(lazy_pinyin(text, style=Style.NORMAL))


def _merge_unknown(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Adjacent unknown characters form one unknown word (所得税 is one gap, not three)."""
    out: list[tuple[str, bool]] = []
    for word, known in pieces:
        if out and not known and not out[-1][1]:
            out[-1] = (out[-1][0] + word, False)
        else:
            out.append((word, known))
    return out


def _cover(phrase: str, df: dict[str, int]) -> tuple[str, ...]:
    """``phrase`` as two or more index words of two characters or more, else ()."""
    best: list[tuple[str, ...] | None] = [()] + [None] * len(phrase)
    for end in range(2, len(phrase) + 1):
        for start in range(0, end - 1):
            prev = best[start]
            if prev is not None and phrase[start:end] in df:
                cand = (*prev, phrase[start:end])
                cur = best[end]
                if cur is None or len(cand) < len(cur):
                    best[end] = cand
    words = best[len(phrase)]
    return words if words and len(words) >= 2 else ()


# Characters read differently in different words; the index keys each by its
# first reading in pypinyin's table.
_POLYPHONES = "长行调给都乐藏会重率还降差传朝称当得地发干好和划假将角教结解觉看空量落没" \
              "便强区曲散少舍识属数说提同为相校应与约载扎着只种转仔作参曾单"
_MAX_VARIANTS = 8
_COMMON_CHAR_FREQ = 2000  # in jieba's dictionary: 佛 (as in 佛山) and more common


@lru_cache(maxsize=1)
def _pinyin_tables() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """All toneless syllables, and: a syllable as typed → the first readings it may be stored as."""
    from pypinyin.pinyin_dict import pinyin_dict

    def bare(reading: str) -> str:
        decomposed = unicodedata.normalize("NFD", reading)
        return "".join(c for c in decomposed if not unicodedata.combining(c))

    syllables = {bare(r) for value in pinyin_dict.values() for r in value.split(",")}
    stored: dict[str, set[str]] = {"lv": {"lu"}, "nv": {"nu"}, "lve": {"lue"}, "nve": {"nue"}}
    # Polyphones: the hand list, and every common character with a second reading
    # (佛 is stored as fu, typed fo in 佛山).
    common = {c for c, f in lexicon().char_freq.items() if f >= _COMMON_CHAR_FREQ}
    for ch in set(_POLYPHONES) | {chr(code) for code in pinyin_dict if chr(code) in common}:
        readings = [bare(r) for r in pinyin_dict.get(ord(ch), "").split(",") if r][:3]
        for other in readings[1:]:
            if other != readings[0]:
                stored.setdefault(other, set()).add(readings[0])
    syllables |= set(stored)
    return frozenset(syllables), {k: tuple(sorted(v)) for k, v in stored.items()}


def _syllables(word: str, inventory: frozenset[str]) -> list[str] | None:
    """Toneless pinyin split into syllables, fewest first (xian stays xian)."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            prev = best[start]
            if prev is not None and word[start:end] in inventory:
                cur = best[end]
                if cur is None or len(prev) + 1 < len(cur):
                    best[end] = [*prev, word[start:end]]
    return best[len(word)]


def is_pinyin(word: str) -> bool:
    """Whether a Latin word reads as toneless pinyin (geren, suodeshui), not English."""
    return _syllables(word.lower(), _pinyin_tables()[0]) is not None


def _changed_syllables(variant: str, word: str) -> int:
    """How many syllables of ``word`` ``variant`` reads otherwise."""
    inventory = _pinyin_tables()[0]
    a, b = _syllables(variant, inventory), _syllables(word, inventory)
    if a is None or b is None or len(a) != len(b):
        return len(word)
    return sum(x != y for x, y in zip(a, b, strict=True))


def _reading_variants(word: str) -> list[str]:
    """``word`` with each polyphone syllable replaced by the readings the index may store."""
    inventory, stored = _pinyin_tables()
    parts = _syllables(word, inventory)
    if not parts or not any(p in stored for p in parts):
        return []
    variants = [""]
    for part in parts:
        variants = [v + alt for v in variants for alt in (part, *stored.get(part, ()))]
        variants = variants[:_MAX_VARIANTS * 4]
    return [v for v in variants if v != word][:_MAX_VARIANTS]
