"""The understanding stage: clean the question, classify its kind, and turn it into
weighted search units.

:meth:`Analyzer.analyze` is the list of steps, all on normalised (simplified, half-width)
text:

1. clean — drop control/zero-width characters, cut over-long questions;
2. classify — who / document / number / when / where / what, in Chinese, English or pinyin,
   and read the rest of the intent (:mod:`bot.intent`);
3. Latin words — English through the glossary and CC-CEDICT, pinyin through the index's
   pinyin keys (:mod:`bot.expand.latin`);
4. Chinese words — question words dropped, the rest cut into the index's words, each
   expanded by synonyms, typo correction and general Chinese (:mod:`bot.expand.chinese`);
5. frame — the in-charge verbs of "谁负责?", issuing verbs weighed down, words set aside
   by "除了X".

The result, :class:`~bot.analysis.Analysis`, is what the answer core ranks against.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import cast

from bot.analysis import Analysis, Kind, Vocabulary
from bot.expand.chinese import ChineseReader
from bot.expand.english import EnglishReader
from bot.expand.latin import LatinReader
from bot.expand.pinyin import pinyin_tables
from bot.expand.question_words import QuestionWordStripper
from bot.expand.synonyms import SynonymExpander
from bot.expand.tables import read_table
from bot.expand.typos import TypoCorrector, same_sound
from bot.expand.units import UnitWeigher
from bot.focus import focus_of
from bot.intent import ARTICLE_ASKED, CASE_ASKED, CLOCK_ASKED, PINYIN_LEVEL, Cue, read_intent
from bot.measures import DURATION, ENGLISH_LAST, ENGLISH_SUMS, pinyin_asks_figure
from bot.weights import WEIGHTS, Weights
from corpus import regex
from indexer.lexicon import rare_words
from indexer.normalize import detect_script, is_cjk, normalize
from indexer.people import asked_post
from indexer.words import (
    ASKING_WORDS,
    DISCOURSE_WORDS,
    IN_CHARGE_VERBS,
    PINYIN_QUESTION_WORDS,
    QUESTION_ISSUING_VERBS,
)

__all__ = ["BY_WHAT_MEANS", "EXCLUSION", "IN_CHARGE_Q", "KIND_CUES", "MAX_QUESTION_CHARS",
           "Analyzer", "classify", "clean", "is_askable"]

MAX_QUESTION_CHARS = 500

# "归哪个部门管?", "谁负责?", "who leads?": the question asks who is in charge, and
# a sentence answers it with "X牵头抓总", "X负责".
IN_CHARGE_Q = Cue("in_charge", regex.compile(
    r"归[^,。?]{0,12}管|谁[来在]?管|(?:部门|单位|机构)来?管|负责|牵头|主管|主抓|抓总|统筹|"
    r"\blead(?:s|ing)?\b|\bled\b|in charge|responsible|oversee"), "归哪个部门管?")

# "除了X(以外)," / "besides X,": X is set aside, the question asks about the others.
EXCLUSION = Cue("set_aside", regex.compile(
    r"(除了[^,。?;]{1,20}?(?:以外|之外)?(?=,|还|另外|以外|之外)|"
    r"(?<![消清排去剔免废解拆扣破])除[^,。?;]{1,20}?(?:以外|之外)|"
    r"\b(?:besides|apart from|other than|except(?: for)?)\b[^,.?;]{1,40}?(?=,|\balso\b))"),
    "除了市场监管,还有哪些部门参与?")

# Which kind of answer a question wants, first row that matches; each row names its kind,
# its pattern and an example question that must be classified as that kind
# (tests/bot/test_understand.py checks every example).
KIND_CUES: tuple[Cue, ...] = (
    # How long something lasts is counted in days, months, years (多长时间, 多久), not dated.
    Cue("number", DURATION, "两次献血要间隔多长时间?"),
    Cue("when", regex.compile(
        # 时间 as the thing asked (什么时间, 时间是…?), not inside a name (时间银行).
        # 几点 asks a clock time, not a count of points (bot.intent.CLOCK_ASKED).
        rf"{CLOCK_ASKED}|"
        r"什么时候|啥时候|啥时|几时|何时|哪一?年|哪[一几]?[天日]|哪些天|几月|(?<!第)几号|日期|(?:什么|哪个|具体)时间|时间(?:是|为)?(?:哪|什么|何|多少|[??]|$)|"
        # A day of the week (星期几出版?, 礼拜几, 周几).
        r"(?:星期|礼拜|周)几|"
        # An age or dynasty (陆子冈是什么年代的人?).
        r"(?:什么|哪个|啥)(?:年代|朝代)|哪朝|"
        # In English keywords a date asked is named so ("Havel re-elected date").
        r"\bwhen\b|\bwhat year\b|\bdates?\s*\??$"), "这个办法是什么时候出台的?"),
    Cue("who", regex.compile(
        r"(哪|什么|何)[^,,。?? ]{0,3}(部门(?!规章)|单位|机构|机关|厅|局|企业|公司|集团|剧院|医院|学院|"
        r"学校|大学|报社|电视台|协会|剧团|法院|检察院|银行|派出所|(?<![场住处厕诊哪])所(?![有以在谓属得])|"
        r"大队|支队|(?<![工])厂(?![房区长址])|工厂)|由谁|谁|牵头单位|主管部门|"
        # "哪几家办的?" asks which bodies, not how many.
        r"哪[几两三四五六]家|"
        r"\bwho\b|\bwhich (department|agency|body|bureau|authority|authorities|departments|"
        r"committee|commission|ministry|office|council|administration|organi[sz]ation|unit)\b|"
        r"\bwhat (department|agency|body|bureau|committee|commission|ministry)\b"), "哪个部门修订了畜禽屠宰管理条例?"),
    Cue("document", regex.compile(
        # (A 的-phrase may say what it is about: 哪些住房管理的规定, 哪篇…的文章.)
        r"(什么|啥|哪个|哪些|哪部|哪项|何种|哪份|哪篇)(?:[^,,。??]{0,4}|[^,,。??的]{1,6}的)(文件|条例|"
        r"文章|著作|法律|法条|法规|规章|法案|议案|决议|公约|条约|协定|协议|公报|章程|纲要|规范|标准|意见|通知|"
        r"办法|手册|指南|规定|"
        r"政策|制度|地方标准|方案|规划|细则|指引|清单|目录|名录|名单|告知书|倡议书|承诺书|责任书|明白纸)|(出台|制定|印发|修订|发布|起草|颁布)(了)?(什么|哪些|哪个|哪部|哪项)|"
        r"(文件|条例|法规|规范|标准|意见|通知|办法|手册|指南|规定)[^,,。]{0,6}(哪部|哪个|哪些|哪项|哪份)|"
        # A law asked by the bare 法 (违反的是哪部法?), not 什么法子 (a way).
        r"(?:哪部|什么|啥)法(?=$|[??,,。吗呢啊]|罚|处罚|处理|判|定|办)|"
        r"\b(which|what) (regulation|regulations|document|documents|standard|standards|rules|law|"
        r"laws|notice|guideline|guidelines|opinion|manual|policy|policies)\b"),
        "自治区出台了什么条例?"),
    # Which article of a law (商标法第几条?) is a document's citation, not a count.
    Cue("document", ARTICLE_ASKED, "假冒专利案是按专利法第几条处罚的?"),
    # "哪几个镇…?" counts nothing: it asks which places, as 哪个县 does.
    Cue("where", regex.compile(r"哪几?[个些]?(?:乡镇|镇|乡|村|街道|县区|区县|区|县|市|州|省|城市|地方|地区)"),
        "哪几个镇做到了零新增?"),
    # A site asked by its kind (排进了哪条河, 在哪个菜市场, 哪座山): a place, not a thing.
    Cue("where", regex.compile(r"哪(?:条|座|个|片|一)?[\u4e00-\u9fff]{0,2}?(?:河|江|湖|山|岛|水库|"
                               r"小区|公园|景区|广场|市场|机场|港口|码头|车站|湿地)(?![\u4e00-\u9fff]?"
                               r"(?:主体|监管|部门|局|公司|企业|线|水|上))"), "废水排进了哪条河?"),
    Cue("number", regex.compile(
        r"多少|几[个项家位部亩批人次年]?|多大|多高|多长|多重|第几|排名|排第|数量|规模|"
        r"价值(?!评价)|产值|\bvalue\b|\bworth\b|"
        r"\bhow (many|much|large|big|often|long)\b|\bwhat (rank|percentage|proportion|share|rate)\b|"
        r"\bnumber of\b|\branked?\b|\barea\b|\bamount\b|\btotal\b|\bnumber\s*\??$|"
        r"\b(?:length|distance|height)\b|\bhow (?:far|tall|high)\b|"
        # Keywords ending in what is counted or paid ("… supplier fine", "… collapse deaths").
        rf"\b(?:{ENGLISH_SUMS}|deaths|casualties){ENGLISH_LAST}|"
        r"\b(?:pass|coverage|qualification|compliance|success|growth|approval)\s+rate\b|"
        # Keywords ending in the measure they want ("code scanning rate").
        r"\b(?:rate|percent|percentage|proportion|ratio)\s*\??$"), "库尔勒香梨品牌价值多少?"),
    Cue("where", regex.compile(
        # Where someone or something comes from (盛国兰是从哪来的?).
        r"从哪(?:里|儿)?来|哪(?:里|儿)?来的|"
        r"哪里|哪儿|在哪|什么地方|哪个地方|哪些地方|哪些地区|哪个地区|哪个州|哪个市|哪个县|何地|何处|\bwhere\b|"
        r"\bwhich (place|city|region|prefecture|county|district|province|town|township|village|"
        r"country)\b"), "小饭桌试点在哪里?"),
)
# "用什么办法篡改的?" asks how, not for a 办法 (a regulation): a what-question.
BY_WHAT_MEANS = Cue("by_what_means", regex.compile(
    r"(?:用|靠|通过|采取了?|采用)(?:什么|啥)(?:办法|方法|手段|方式|招)"), "用什么办法篡改数据的?")


def classify(norm: str) -> Kind:
    """The question's intent from its wording (``norm`` is normalised)."""
    if BY_WHAT_MEANS.pattern.search(norm):
        return "what"
    if asked_post(norm) is not None:
        return "who"  # 记者叫什么名字, 哪位副厅长讲了通行时间: a person, by the post held
    for cue in KIND_CUES:
        if cue.pattern.search(norm):
            return cast(Kind, cue.name)
    latin = re.findall(r"[a-z]+", norm)
    # A question word typed in syllables apart (na nian, shenme shihou) is read joined too.
    joined = [word + "".join(latin[i + 1:i + k]) for i, word in enumerate(latin)
              for k in (2, 3) if i + k <= len(latin)]
    for word in latin + joined:
        if PINYIN_QUESTION_WORDS.get(word, "what") != "what":
            return cast(Kind, PINYIN_QUESTION_WORDS[word])
        if len(word) > 2 and word.endswith("lv"):
            return "number"  # …率 in pinyin (chuzhilv, hegelv): a rate
    if pinyin_asks_figure(norm):
        return "number"  # ji zhi, duoshaoge, … zong touzi: a count or a sum
    if PINYIN_LEVEL.search(norm):
        return "where"  # na ge xian: 哪个县
    return "what"


# --- cleaning -----------------------------------------------------------------

_INVISIBLE = {"Cc", "Cf", "Co", "Cs", "Cn"}
_SENTENCE_END = regex.compile(r"(?<=[。!?;！？；])|(?<=\.)\s")  # not the dot of 2.5
_QUESTION_WORD = regex.compile("|".join(ASKING_WORDS))


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


def _question_part(text: str) -> str | None:
    """The question in a long paste (a forwarded article, then "…是哪个部门?"): the last
    sentence that asks something, if it fits; None when no sentence does."""
    sentences = [p.strip() for p in _SENTENCE_END.split(text) if p.strip()]
    for sentence in reversed(sentences):
        if (sentence.endswith(("?", "？")) or _QUESTION_WORD.search(sentence.lower())) \
                and len(sentence) <= MAX_QUESTION_CHARS:
            return sentence
    return None


# Dates as people say them: 12月29号 is 12月29日; 97年12月, 97年前11个月, 05年底 name 1997
# and 2005 (a two-digit year before a month or a part of the year — not 10年来, a span).
_DAY_SAID = regex.compile(r"(?<=月)([0-9]{1,2})号(?![楼院线门室房库井站口机台车])")
_YEAR_SAID = regex.compile(r"(?<![0-9.])([0-9]{2})年(?=[0-9]{1,2}月|底|初|末|前[0-9]|上半年|"
                           r"下半年|全年|年底|年初)")


def written_dates(norm: str) -> str:
    """``norm`` with its spoken dates as documents write them (12月29号 → 12月29日,
    97年12月 → 1997年12月; 50–99 are of the 1900s, 00–49 of the 2000s)."""
    norm = _DAY_SAID.sub(r"\1日", norm)
    return _YEAR_SAID.sub(lambda m: ("19" if m.group(1) >= "50" else "20") + m.group(1) + "年",
                          norm)


def is_askable(text: str) -> bool:
    """Does ``text`` hold any letter, digit or ideograph to search for?"""
    return any(is_cjk(c) or c.isalnum() for c in text)


# --- analysis -------------------------------------------------------------------

class Analyzer:
    """Turns questions into :class:`Analysis` against one index's vocabulary."""

    def __init__(self, vocab: Vocabulary, synonyms_path: Path, glossary_path: Path,
                 weights: Weights = WEIGHTS) -> None:
        self.vocab = vocab
        self.weights = weights
        synonyms = read_table(synonyms_path)
        self.weigher = UnitWeigher(vocab, weights)
        self.typos = TypoCorrector(vocab, weights)
        expander = SynonymExpander(vocab, synonyms, self.weigher, weights)
        self.latin = LatinReader(vocab, EnglishReader(vocab, read_table(glossary_path), weights),
                                 self.weigher, weights)
        self.chinese = ChineseReader(vocab, QuestionWordStripper(vocab, synonyms), expander,
                                     self.typos, self.weigher, weights)

    def reset(self) -> None:
        """Forget what was derived from the vocabulary (after the index changed)."""
        self.weigher.reset()
        self.typos.reset()

    def warm_up(self) -> None:
        """Load what typo correction needs (vocabulary, rapidfuzz, pinyin readings) ahead of time.

        A long-running process (the bot) calls this at start so that the first
        question with a typo is as fast as the rest; one-shot commands skip it.
        """
        import rapidfuzz.process  # noqa: F401

        self.weigher.inside_word("")
        self.typos.candidates("预热")
        pinyin_tables()
        same_sound("预热", "预热")
        self.vocab.terms_by_pinyin(["yure"])  # builds the pinyin keys of the vocabulary
        rare_words().get("预热")  # builds the on-disk table of rarer words once per machine

    def analyze(self, question: str) -> Analysis:
        cleaned, notice = clean(question)
        norm = written_dates(normalize(cleaned))
        analysis = Analysis(cleaned, norm, detect_script(cleaned), classify(norm), notice=notice,
                            intent=read_intent(norm, cleaned))
        n = max(self.vocab.passage_count, 1)
        latin_units, cjk_text = self.latin.units(norm, n)
        if analysis.intent.case_asked is not None:
            # 案例一 points at a case: where to look, not a word to find.
            cjk_text = CASE_ASKED.sub(" ", cjk_text)
        analysis.units = [*latin_units, *self.chinese.units(cjk_text, n)]
        if analysis.kind == "who" and IN_CHARGE_Q.pattern.search(norm):
            analysis.frame = IN_CHARGE_VERBS
        if analysis.kind in ("document", "who"):
            self._weigh_down_issuing(analysis)
        # "后来怎么处理的?", "现在还有多少?": the asker's time words, told in passing —
        # when the documents never use one, it is no topic they lack.
        analysis.units = [replace(u, weight=self.weights.discourse_factor * u.weight)
                          if u.text in DISCOURSE_WORDS and not u.known else u
                          for u in analysis.units]
        self._set_aside(analysis)
        if analysis.kind == "what" and latin_units:
            # Keywords typed in pinyin or English classify like their Chinese
            # ("pinpai jiazhi" asks for a value, as 品牌价值 would).
            translated = " ".join(u.alts[0] for u in latin_units)
            analysis.kind = classify(f"{norm} {translated}")
        analysis.focus = focus_of(analysis)
        return analysis

    def _weigh_down_issuing(self, analysis: Analysis) -> None:
        # "出台了什么文件?" asks for a document however it was issued (制定, 印发):
        # the verb frames the question more than it must be matched.
        analysis.units = [replace(u, weight=self.weights.issue_verb_factor * u.weight)
                          if u.text in QUESTION_ISSUING_VERBS else u
                          for u in analysis.units]

    def _set_aside(self, analysis: Analysis) -> None:
        """Words of "除了X," / "besides X,": excluded from answers, weighed down."""
        norm = analysis.norm
        aside = EXCLUSION.pattern.search(norm)
        if not aside:
            return
        span = aside.group(1)
        rest = norm[:aside.start(1)] + " " + norm[aside.end(1):]
        aside_units = {u.text for u in analysis.units
                       if u.text in span and u.text not in rest}
        analysis.excluded = tuple(x for u in analysis.units if u.text in aside_units
                                  for x in u.alts if len(u.text) > 1)
        # The sentence that answers "who else" often names X as well (X牵头,
        # A、B、C参与): X still helps find it, at half weight; 除 does not.
        analysis.units = [replace(u, weight=self.weights.set_aside_factor * u.weight)
                          if u.text in aside_units else u
                          for u in analysis.units
                          if u.text not in aside_units or len(u.text) > 1]
