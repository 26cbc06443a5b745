"""Plain-text and Markdown reading, plus the text toolkit every reader shares.

This module owns:

* turning bytes into ``str`` when the encoding is unknown (:func:`decode_text`):
  BOMs, strict UTF-8, then GB18030 / Big5 / whatever charset-normalizer
  suggests, ranked by how much the result looks like real Chinese text;
* paragraph normalisation (:func:`clean_lines`): one paragraph per line, no
  zero-width characters, NULs, indentation or blank lines;
* re-joining paragraphs that a PDF or a hard-wrapped text file broke into
  lines (:func:`join_wrapped`);
* metadata that can be found in the text itself (:func:`find_date`,
  :func:`find_issuer`, :func:`find_batch`, :func:`guess_title`,
  :func:`detect_script`) and the assembly of a :class:`RawDocument`
  (:func:`make_document`);
* the ``.txt`` and ``.md`` readers.

Only the standard library is imported at module level; charset-normalizer and
OpenCC are imported when first needed.
"""

from __future__ import annotations

import codecs
import datetime as dt
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from corpus import regex
from corpus.model import DocumentMeta, RawDocument
from corpus.readers.errors import UnreadableDocument

# --------------------------------------------------------------------------
# Character classes
# --------------------------------------------------------------------------

_HANZI_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)


_HANZI_RE = regex.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _HANZI_RANGES) + "]")


def is_hanzi(ch: str) -> bool:
    """True for a CJK ideograph (any block, including the extension planes)."""
    cp = ord(ch)
    # Spelled out rather than any(...) over the ranges: called per character.
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x3FFFF)


# About 750 of the most frequent characters of official Chinese prose, in both
# scripts.  Used only to rank candidate decodings: a wrong decoding of Chinese
# bytes (GBK read as Big5 or vice versa) still yields ideographs, but rare ones.
_COMMON_HANZI = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子"
    "说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当"
    "使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你"
    "明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果"
    "料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农"
    "指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济"
    "阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示"
    "议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装"
    "影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克"
    "何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适"
    "属圆包火住调满县局照参红细引听该铁价严龙飞监督食案典批链州乡镇村街厅企牌违罚检测抽药械卫健执促审"
    "登投诉举险责推落善服障施范升优创模措這爲為個國時來們於對會發動過說產種後學經進電裏裡現實兩體機當"
    "點從業應開還義間樣與關線內數麼質氣變條沒結問無軍並題黨員總設長頭資邊級圖統較將組見計別論運農幾區"
    "強決幹戰則據處隊給門規熱領東導壓爭濟階術極聯認權證採轉單風帶場車務萬達積議聲報鬥類離華確張馬節話"
    "況溫傳許羣廣記觀織裝衆眾書複復係覆兒須際驗連斷難礦備辦習響約勞團歷構稱準號維劃選標寫親養層卻專狀"
    "廠識適屬圓調滿縣參紅細聽該鐵價嚴龍飛監鏈鄉鎮廳違罰檢測藥衛執審訴舉險責範優創臺"
)

# Characters that exist in one script only.  Pairs that are standard in both
# scripts (于/於, 范/範, 并/並, 采/採, 台/臺 …) are deliberately left out: texts
# converted on the mainland keep 于, 范, 并 inside otherwise traditional prose,
# so counting them would make such texts look "mixed".
_SCRIPT_AMBIGUOUS = frozenset(
    "于范采并台系干后里面只几制准斗划才冲松谷余云丑出卷向尽志舍术朴叶借冬千升克卜困岳幸征折曲朱表致"
    "胡须筑复郁注周布汇伙游症丰群"
)
_SIMPLIFIED_ONLY = frozenset(
    "这为个国时来们对会发动过说产种学经进电现实两体机当点从业应开还义间样与关线内数么质气变条没结问无"
    "军题党员总设长头资边级图统较将组见计别论运农区强决战则据处队给门规热领东导压争济阶极联认权证转单"
    "风带场车务万达积议声报类离华确张马节话况温传许广记观织装众书儿际验连断难矿备办习响约劳团历构称号"
    "维选标写亲养层却专状厂识适属圆调满县参红细听该铁价严龙飞监链乡镇厅违罚检测药卫执审诉举险责优创"
)
_TRADITIONAL_ONLY = (
    frozenset(
        "這爲為個國時來們對會發動過說產種學經進電現實兩體機當點從業應開還義間樣與關線內數麼質氣變條沒結問"
        "無軍題黨員總設長頭資邊級圖統較將組見計別論運農區強決戰則據處隊給門規熱領東導壓爭濟階極聯認權證轉"
        "單風帶場車務萬達積議聲報類離華確張馬節話況溫傳許廣記觀織裝衆眾書兒際驗連斷難礦備辦習響約勞團歷構"
        "稱號維選標寫親養層卻專狀廠識適屬圓調滿縣參紅細聽該鐵價嚴龍飛監鏈鄉鎮廳違罰檢測藥衛執審訴舉險責優"
        "創裡範"
    )
    - _SCRIPT_AMBIGUOUS
)

# Removed everywhere: they are invisible, break substring search and quoting,
# and are typical debris of copy-paste from web pages and Word.
_INVISIBLE: dict[int, None] = dict.fromkeys(
    (0x00AD, 0x180E, *range(0x200B, 0x2010), *range(0x2060, 0x2064), 0xFEFF, 0xFFFC), None
)
# C0/C1 controls other than tab/newline: NULs from UTF-16 mishaps, form feeds
# from PDF page breaks, bells from who knows where.
for _cp in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]:
    if _cp not in (0x09, 0x0A):
        _INVISIBLE[_cp] = None
# The line-separating ones become newlines instead of vanishing.
_NEWLINES = regex.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Whitespace a paragraph may be indented or padded with (ideographic space and
# NBSP included, which str.strip() alone would also handle, but explicitly).
_PAD = " \t\u00a0\u3000\u2002\u2003\u2009\u202f\u205f"

_STRONG_END = regex.compile(r"[。！？!?…]+[”’」』）)\"'》〉]*$|\.[”’\"']?$")
_WEAK_END = regex.compile(r"[；;：:]$")

# Lines that begin a new paragraph whatever the previous line looks like: the
# numbering schemes of Chinese official documents.  Kept in step with what
# corpus.parse recognises, but deliberately a little broader.
_HEADING_START = regex.compile(
    r"^(?:"
    r"案例\s*[0-9０-９一二三四五六七八九十百]+"
    r"|[一二三四五六七八九十百]+\s*[、．.]"
    r"|[(（]\s*[一二三四五六七八九十百]+\s*[)）]"
    r"|[0-9０-９]{1,2}\s*[、．.](?![0-9０-９])"
    r"|[(（]\s*[0-9０-９]{1,2}\s*[)）]"
    r"|[一二三四五六七八九十]是"
    r"|第[一二三四五六七八九十百0-9]+[章节節条條部分篇]"
    r"|附件"
    r")"
)


_CASE_TITLE = regex.compile(r"^案例\s*[0-9０-９一二三四五六七八九十百]+")


def is_heading_start(line: str) -> bool:
    """True if ``line`` starts with a Chinese official-document numbering marker."""
    return bool(_HEADING_START.match(line.lstrip(_PAD)))


# Latin glyph widths in ems, for proportional fonts (Times, the Latin part of
# STSong/SimSun-PUA fonts): close enough to judge whether a line is full.
_NARROW = dict.fromkeys(" ,.:;'`!|", 0.25) | dict.fromkeys('()[]{}"ijlftrI', 0.33)
_WIDE_LATIN = dict.fromkeys("mwMW@%", 0.85) | dict.fromkeys("ABCDEFGHJKLNOPQRSTUVXYZ&", 0.65)


def display_width(s: str, *, proportional: bool = False) -> float:
    """Width of ``s`` in ems: wide (CJK) characters 1, others ½ (or their
    typical proportional width when ``proportional``).

    East-Asian "ambiguous" characters (“ ” — …) count as wide because in the
    CJK fonts these documents are set in they are.  Monospaced (½ em) Latin is
    right for text files and for PDFs set in SimSun/FangSong; proportional
    widths are right for PDFs from Word with a Latin font for ASCII.
    """
    width = 0.0
    for ch in s:
        if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
            width += 1.0
        elif proportional and ch in _NARROW:
            width += _NARROW[ch]
        elif proportional and ch in _WIDE_LATIN:
            width += _WIDE_LATIN[ch]
        else:
            width += 0.5
    return width


# --------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Declared or guessed charsets mapped to the decoder we actually use.  GB2312
# and GBK labels are routinely attached to pages that contain characters only
# GB18030 (their superset) can decode, and the same goes for Big5 vs HKSCS.
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "csgb2312": "gb18030",
    "euc-cn": "gb18030",
    "euc_cn": "gb18030",
    "chinese": "gb18030",
    "hz": "gb18030",
    "big5": "big5hkscs",
    "big5-tw": "big5hkscs",
    "cp950": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "csbig5": "big5hkscs",
    "ms950": "big5hkscs",
}


def normalise_charset(label: str | None) -> str | None:
    """Map a charset label (from HTML, charset-normalizer …) to a Python codec name.

    Returns ``None`` for labels Python does not know, so callers fall back to
    detection instead of failing.
    """
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    if key in _CHARSET_ALIASES:
        return _CHARSET_ALIASES[key]
    try:
        name = codecs.lookup(key).name
    except LookupError:
        return None
    return _CHARSET_ALIASES.get(name, name)


def _text_score(text: str) -> tuple[float, float]:
    """(plausibility, quality) of a decoded string.

    *plausibility* is the share of characters that can occur in a document at
    all (no controls, private-use or replacement characters); *quality* also
    rewards frequent ideographs, which is what separates a right decoding of
    Chinese bytes from a wrong one.
    """
    sample = text[:200_000]
    if not sample:
        return 0.0, 0.0
    plausible = 0
    quality = 0.0
    for ch in sample:
        cp = ord(ch)
        if ch in "\t\n\r" or 0x20 <= cp < 0x7F:
            plausible += 1
            quality += 1.0
        elif is_hanzi(ch):
            plausible += 1
            quality += 1.0 if ch in _COMMON_HANZI else 0.3
        elif 0x3000 <= cp <= 0x303F or 0xFF00 <= cp <= 0xFFEF or 0x2010 <= cp <= 0x206F:
            plausible += 1
            quality += 1.0
        elif cp < 0x20 or 0x7F <= cp < 0xA0 or ch == "\ufffd" or 0xE000 <= cp <= 0xF8FF:
            quality -= 1.0
        elif cp < 0x250 or ch.isalpha() or ch.isspace():
            plausible += 1
            quality += 0.5
        else:
            plausible += 1
            quality += 0.2
    return plausible / len(sample), quality / len(sample)


_MIN_PLAUSIBLE = 0.9
# What _text_score counts as impossible in a document: C0 controls but tab and
# newlines, C1 controls, the replacement character, the private-use area.
_IMPLAUSIBLE_RE = regex.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")


def plausibility(text: str) -> float:
    """The first half of :func:`_text_score` alone, in C: the UTF-8 fast path needs no more."""
    sample = text[:200_000]
    if not sample:
        return 0.0
    return 1.0 - len(_IMPLAUSIBLE_RE.findall(sample)) / len(sample)


def decode_text(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode ``data`` whose encoding is unknown (or only ``declared``).

    Order: byte-order mark; the declared charset if it decodes strictly;
    strict UTF-8; then the best of GB18030, Big5-HKSCS and charset-normalizer's
    guess, ranked by :func:`_text_score`.  Raises :class:`UnreadableDocument`
    if nothing yields something that looks like text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                break  # a BOM followed by garbage: fall through to detection

    # Valid UTF-8 is trusted first: legacy Chinese bytes almost never form
    # valid UTF-8, while UTF-8 bytes often "decode" as GB18030 mojibake, so a
    # page that declares gb2312 but was re-saved as UTF-8 still comes out right.
    trusted = ["utf-8"]
    declared_codec = normalise_charset(declared)
    # A declared Western single-byte charset decodes anything, so it is only
    # one guess among others; a declared Chinese or Unicode charset is trusted.
    western = declared_codec in ("latin-1", "iso8859-1", "cp1252", "ascii")
    if declared_codec and not western:
        trusted.append(declared_codec)
    for encoding in trusted:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if plausibility(text) >= _MIN_PLAUSIBLE:
            return text

    guesses = ["gb18030", "big5hkscs"]
    if guess := _charset_normalizer_guess(data):
        guesses.insert(0, guess)
    if declared_codec and western:
        guesses.append(declared_codec)
    best: tuple[float, str] | None = None
    for encoding in dict.fromkeys(guesses):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        plausible, quality = _text_score(text)
        if plausible >= _MIN_PLAUSIBLE and (best is None or quality > best[0]):
            best = (quality, text)
    if best is None:
        raise UnreadableDocument(
            name,
            "does not look like text (binary data, or an encoding other than UTF-8, UTF-16, "
            "GB18030/GBK or Big5); save it as UTF-8 text, .docx or .pdf and add it again",
        )
    return best[1]


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        return None
    try:
        match = from_bytes(data).best()
    except Exception:  # its heuristics must never turn into a crash of ours
        return None
    return normalise_charset(match.encoding) if match is not None else None


# --------------------------------------------------------------------------
# Paragraphs
# --------------------------------------------------------------------------


def clean_line(line: str) -> str:
    """One paragraph: invisible characters removed, outer padding stripped."""
    return line.translate(_INVISIBLE).strip(_PAD).rstrip()


def split_raw_lines(text: str) -> list[str]:
    """Split on every newline convention; invisible characters removed, padding kept."""
    return [line.translate(_INVISIBLE).rstrip() for line in _NEWLINES.sub("\n", text).split("\n")]


def clean_lines(lines: Iterable[str]) -> list[str]:
    """Normalise paragraphs and drop the empty ones."""
    out: list[str] = []
    for raw in lines:
        for part in _NEWLINES.sub("\n", raw).split("\n"):
            line = clean_line(part)
            if line:
                out.append(line)
    return out


def _first_token(line: str) -> str:
    """What a line breaker would have had to fit on the previous line.

    A Latin word (with its trailing punctuation), or one wide character plus
    the closing punctuation that kinsoku rules keep attached to it.
    """
    m = re.match(r"[A-Za-z0-9][A-Za-z0-9.,:;%/+\-'’)]*|.[，。、；：！？”’」』）》〉,.;:!?)]*", line)
    return m.group(0) if m else line[:1]


def _joiner(left: str, right: str) -> str:
    """What goes between two physical lines of one paragraph: a space between
    Latin words, nothing in Chinese (where a number may also be split)."""
    if left.endswith("-") and left[-2:-1].isalpha():
        return ""  # hyphenated Latin word broken across lines
    if not (right[:1].isascii() and right[:1].isalnum()):
        return ""
    if not (left[-1:].isascii() and (left[-1:].isalnum() or left[-1:] in ",.;:!?)")):
        return ""
    latin = sum(ch.isascii() for ch in left) / len(left)
    return " " if latin >= 0.5 else ""


def _full_width(widths: Sequence[float]) -> float:
    """The width of a full line: a high percentile, robust to a few outliers."""
    if not widths:
        return 0.0
    ordered = sorted(widths)
    if len(ordered) < 10:
        return ordered[-1]
    return ordered[int(len(ordered) * 0.9)]


def join_wrapped(lines: Sequence[str], *, proportional: bool = False) -> list[str]:
    """Re-join paragraphs that were broken into lines at a fixed width.

    A line continues into the next one when all of these hold:

    * the next line does not start with a numbering marker (案例1、 一是 (一) 1. …)
      and is not indented (when indentation is used at all), and no blank line
      separates them;
    * the line does not end a sentence (。！？… possibly followed by a closing
      quote) — a semicolon or colon does not end it when the line is full, and
      where indents mark paragraphs (首行缩进) nothing but the next line's indent
      ends one;
    * the line is *full*: its width plus the first word/character of the next
      line would have exceeded the typical line width (a paragraph's indented
      first line counts its two-character indent).  This is what tells a
      wrapped line from a short title or heading that merely lacks punctuation;
    * for a 案例N title, the next line is short and unpunctuated (the tail of
      the title, not the first line of the lead paragraph).

    Chinese lines are joined without a space, Latin words with one.  The input
    lines may keep their leading indentation; the output is cleaned.
    ``proportional`` selects the width model (see :func:`display_width`).
    """
    raw = [line.translate(_INVISIBLE).rstrip() for line in lines]
    texts = [line for line in raw if line.strip(_PAD)]
    if not texts:
        return []
    indented = [_indented(line, proportional) for line in texts]
    # Indentation only separates paragraphs if not every line has it.
    use_indent = 0 < sum(indented) < 0.6 * len(texts)
    full = _full_width([display_width(t.strip(_PAD), proportional=proportional) for t in texts])
    # Plain-text files are often wrapped every N characters regardless of
    # width, so there a line that is full by character count is full too.
    full_count = 0.0 if proportional else _full_width([len(t.strip(_PAD)) for t in texts])

    out: list[str] = []
    current = prev = ""  # the paragraph being built; its last physical line
    prev_indented = False  # whether that line was indented (paragraphs mark their start so)
    for line in raw:
        nxt = line.strip(_PAD)
        if not nxt:  # a blank line always ends the paragraph
            if current:
                out.append(current)
            current = prev = ""
            prev_indented = False
            continue
        if current and _continues(prev, line, full, full_count, use_indent, proportional,
                                  prev_indented):
            current += _joiner(current, nxt) + nxt
        else:
            if current:
                out.append(current)
            current = nxt
        prev = nxt
        # pypdf marks an indent only where a line starts right of the line before it
        # (after a centred title it does not), so in a PDF whose paragraphs are
        # indented any line may be a first line short of its indent.
        prev_indented = use_indent and (proportional or _indented(line, proportional))
    if current:
        out.append(current)
    return out


# A paragraph's first line is indented by two characters (首行缩进两字): that much of
# the line's width is taken, so an indented first line that wraps is full without it.
_INDENT_EMS = 2.0


def _indented(line: str, proportional: bool) -> bool:
    """Whether ``line`` starts indented: an ideographic space, a tab or two spaces — or, in
    a PDF's text layer (``proportional``), any space, which is how pypdf renders a line
    that starts right of the margin (an indent, or a centred line)."""
    if proportional:
        return line[:1] in _PAD and bool(line.strip(_PAD))
    return line[:1] in ("\u3000", "\t") or line.startswith("  ")


def _continues(
    prev: str,
    raw_next: str,
    full: float,
    full_count: float,
    use_indent: bool,
    proportional: bool,
    prev_indented: bool = False,
) -> bool:
    """Whether the line after ``prev`` (a previous physical line) continues it."""
    nxt = raw_next.strip(_PAD)
    if is_heading_start(nxt):
        return False
    # Where indents mark paragraphs, a full line ending a sentence may still run on: the
    # next paragraph would have been indented.  Elsewhere the sentence end ends it.
    if _STRONG_END.search(prev) and not use_indent:
        return False
    if use_indent and _indented(raw_next, proportional):
        return False
    gap = 0.5 if _joiner(prev, nxt) == " " else 0.0
    # Widths are estimated (Latin letters are not all ½ em), so lines with
    # Latin text get some slack; pure CJK lines are measured exactly.
    latin = sum(ch.isascii() for ch in prev) / max(len(prev), 1)
    tolerance = 0.25 + 0.08 * full * latin
    width = display_width(prev, proportional=proportional) + (_INDENT_EMS if prev_indented else 0.0)
    token = display_width(_first_token(nxt), proportional=proportional)
    prev_full = width + gap + token > full - tolerance or (
        bool(full_count) and len(prev) + 1 + (_INDENT_EMS if prev_indented else 0) > full_count
    )
    if not prev_full:
        return False
    if _CASE_TITLE.match(prev):
        # A case title that exactly fills its line looks wrapped.  What follows
        # a really wrapped title is its short tail; a lead paragraph's first
        # line is full or ends a sentence.
        next_width = display_width(nxt, proportional=proportional)
        return next_width + 1 <= full - tolerance and not _STRONG_END.search(nxt)
    return True


def _looks_hard_wrapped(lines: Sequence[str]) -> bool:
    """True if a text file's paragraphs were broken at a fixed width.

    Such files come from PDF copy-paste or old editors.  The signal: most lines
    that are followed by another line in the same block end without sentence
    punctuation *and* are close to one common width.  One-paragraph-per-line
    files (the norm) have mostly punctuated line ends; lists have ragged widths.
    """
    inner = [
        (cur.strip(_PAD), nxt.strip(_PAD))
        for cur, nxt in itertools.pairwise(lines)
        if cur.strip(_PAD) and nxt.strip(_PAD)
    ]
    if len(inner) < 4:
        return False
    open_ends = [cur for cur, nxt in inner
                 if not _STRONG_END.search(cur) and not _WEAK_END.search(cur)
                 and not is_heading_start(nxt)]
    if len(open_ends) < 0.5 * len(inner):
        return False  # most lines end a sentence: no need to measure them
    widths = [display_width(line.strip(_PAD)) for line in lines if line.strip(_PAD)]
    full = _full_width(widths)
    open_full = sum(1 for cur in open_ends if display_width(cur) >= 0.85 * full)
    return open_full >= 0.5 * len(inner)


def paragraphs_from_plain(text: str) -> list[str]:
    """Plain text → paragraphs, re-joining hard-wrapped lines when detected."""
    raw = split_raw_lines(text)
    if not _looks_hard_wrapped(raw):
        return clean_lines(raw)
    return clean_lines(join_wrapped(raw))


# --------------------------------------------------------------------------
# Metadata found in text
# --------------------------------------------------------------------------

_CN_DIGITS = {ch: i for i, chars in enumerate(("〇零○ＯO", *"一二三四五六七八九")) for ch in chars}
_CN_DIGIT = "〇零○ＯO一二三四五六七八九"
_DATE_PATTERNS = (
    regex.compile(r"(?<![0-9])(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    regex.compile(r"(?<![0-9])(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![0-9])"),
    regex.compile(r"(?<![0-9])(\d{4})(\d{2})(\d{2})(?![0-9])"),
)
_CN_DATE = regex.compile(
    rf"([{_CN_DIGIT}]{{4}})\s*年\s*([一二三四五六七八九十]{{1,3}})\s*月\s*"
    rf"([一二三四五六七八九十]{{1,3}})\s*日"
)


def _cn_number(s: str) -> int:
    """一 … 三十一 → 1 … 31 (the small numbers of months and days)."""
    if "十" not in s:
        return _CN_DIGITS.get(s, 0)
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _iso(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(s: str, *, compact: bool = False) -> str | None:
    """The first date in ``s`` as ISO ``YYYY-MM-DD``, or ``None``.

    Understands 2025年3月12日, 2025-03-12, 2025.3.12, 2025/3/12, full-width
    digits and 二〇二五年三月十二日; ``compact`` also accepts 20250312 (only
    safe in metadata fields, not in prose).
    """
    s = unicodedata.normalize("NFKC", s)
    patterns = _DATE_PATTERNS if compact else _DATE_PATTERNS[:2]
    found: list[tuple[int, str]] = []
    for pattern in patterns:
        for m in pattern.finditer(s):
            iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if iso:
                found.append((m.start(), iso))
                break
    if cn := _CN_DATE.search(s):
        year = int("".join(str(_CN_DIGITS[c]) for c in cn.group(1)))
        iso = _iso(year, _cn_number(cn.group(2)), _cn_number(cn.group(3)))
        if iso:
            found.append((cn.start(), iso))
    return min(found)[1] if found else None


_DATE_LABEL = regex.compile(
    r"(?:^|(?<=[\s|｜【\[]))(?:发布|發布|發佈|公布|印发|印發|成文|发文|發文)?(?:时间|時間|日期)\s*[:：]"
)
_DATE_ONLY = regex.compile(
    r"^[(（\[【]?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
    rf"|[{_CN_DIGIT}]{{4}}\s*年\s*[一二三四五六七八九十]{{1,3}}\s*月\s*[一二三四五六七八九十]{{1,3}}\s*日)"
    r"\s*[)）\]】]?$"
)


def find_labelled_date(lines: Sequence[str]) -> str | None:
    """The first date introduced by 发布时间: / 日期: … in a short line."""
    for line in lines:
        m = _DATE_LABEL.search(line) if len(line) <= 100 else None
        if m and (iso := parse_date(line[m.end() : m.end() + 40])):
            return iso
    return None


def find_date(lines: Sequence[str]) -> str | None:
    """Publication date from the text: a labelled date, else a date-only line.

    Dates inside sentences are ignored — they are usually about the events the
    document describes, not the document.
    """
    if iso := find_labelled_date(lines):
        return iso
    for line in lines:
        if _DATE_ONLY.match(unicodedata.normalize("NFKC", line)):
            return parse_date(line)
    return None


# The label must start the line or follow a separator: "资金来源:" in a
# sentence is not a source line.
_ISSUER_LABEL = regex.compile(
    r"(?:^|(?<=[\s|｜【\[]))(?:发布单位|發布單位|发布机构|發布機構|发文机关|發文機關|发文单位|發文單位|发布者|發布者"
    r"|信息来源|信息來源|文章来源|文章來源|来源|來源|发布部门|發布部門)\s*[:：]\s*"
)
_LABEL_STOP = regex.compile(
    r"\s|【|\[|\||｜|(?:发布|發布|發佈)?(?:时间|時間|日期)\s*[:：]|作者\s*[:：]|浏览|瀏覽|点击|點擊|字号|字號"
)
_ORG_SUFFIX = regex.compile(
    r"(?:局|厅|廳|委|委员会|委員會|办|辦|办公室|辦公室|部|院|政府|中心|会|會|所|站|处|處|署|组|組|队|隊"
    r"|协会|協會|联盟|聯盟|公司|司)$"
)


def _label_value(text: str) -> str | None:
    value = _LABEL_STOP.split(text, maxsplit=1)[0].strip("，。,.;；:：()（）“”\"' ")
    if not value or len(value) > 40 or "http" in value or "www." in value:
        return None
    return value


def find_issuer(lines: Sequence[str]) -> str | None:
    """Issuing body: a 发布单位:/来源: label, else the signature above a closing date."""
    for line in lines:
        m = _ISSUER_LABEL.search(line) if len(line) <= 100 else None
        if m and (value := _label_value(line[m.end() :])):
            return value
    tail = list(lines[-6:])
    for i in range(len(tail) - 1, 0, -1):
        if _DATE_ONLY.match(unicodedata.normalize("NFKC", tail[i])):
            above = tail[i - 1]
            if (
                len(above) <= 40
                and not re.search(r"[。，,；;！？!?]", above)
                and _ORG_SUFFIX.search(above)
            ):
                return above
            break
    return None


_BATCH = regex.compile(r"第[一二三四五六七八九十百零〇两兩0-9０-９]+批")


def find_batch(*texts: str | None) -> str | None:
    """第一批 / 第2批 … as written, from the title (or whatever is passed)."""
    for text in texts:
        if text and (m := _BATCH.search(text)):
            return m.group(0)
    return None


# How an official document's title ends: its kind (…的通知, …典型案例, …（第一批）).
_TITLE_END = regex.compile(
    r"(?:通知|通報|通报|公告|通告|公報|公报|意見|意见|辦法|办法|決定|决定|規定|规定|方案|報告|报告|"
    r"案例|經驗|经验|做法|批復|批复|函|細則|细则|條例|条例|規劃|规划|綱要|纲要|名單|名单)$"
    r"|[(（]第[一二三四五六七八九十\d]+批[)）]$")


# What a title line is made of: characters, figures, book-title marks and brackets — not
# sentence punctuation, and not a breadcrumb's 首页 > 曝光台 or a menu's separators.
_TITLE_TEXT = regex.compile(r"[\u4e00-\u9fff\d０-９《》“”「」〈〉()（）·、—-]+")


def join_wrapped_title(lines: list[str]) -> list[str]:
    """The first two lines as one when they are one title wrapped over two (centred titles
    of official documents often are): the first lacks the ending a title has and any
    punctuation, the second is short, unpunctuated and completes it
    (…防火和野 / 生动物保护典型案例的通知, …典型案例(第 / 一批))."""
    if len(lines) < 2:
        return lines
    first, second = lines[0], lines[1]
    if (len(first) > 60 or len(second) > 40 or _TITLE_END.search(first)
            or not _TITLE_END.search(first + second) or is_heading_start(second)
            or not all(_TITLE_TEXT.fullmatch(x) for x in (first, second))):
        return lines
    return [first + second, *lines[2:]]


def guess_title(lines: Sequence[str]) -> str | None:
    """The first line, if it looks like a title rather than the start of the body."""
    if not lines:
        return None
    first = lines[0]
    if len(first) > 100 or _STRONG_END.search(first) or first.endswith(("，", ",")):
        return None
    return first


@lru_cache(maxsize=1)
def _opencc() -> tuple[Any, Any] | None:
    try:
        import opencc

        return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    except Exception:  # not installed, or its config files are missing
        return None


# Character → (changes under t2s, changes under s2t), learnt once per process:
# a batch of documents shares most of its characters.
_CHAR_SCRIPT: dict[str, tuple[bool, bool]] = {}


def _script_counts(counts: Counter[str]) -> tuple[int, int]:
    chars = [c for c in counts if c not in _SCRIPT_AMBIGUOUS]
    converters = _opencc()
    if converters is not None and chars:
        t2s, s2t = converters
        unseen = [c for c in chars if c not in _CHAR_SCRIPT]
        if unseen:
            joined = "\n".join(unseen)
            to_simp = t2s.convert(joined).split("\n")
            to_trad = s2t.convert(joined).split("\n")
            if len(to_simp) == len(to_trad) == len(unseen):
                for c, s, t in zip(unseen, to_simp, to_trad, strict=True):
                    _CHAR_SCRIPT[c] = (s != c, t != c)
        if all(c in _CHAR_SCRIPT for c in chars):
            trad = sum(counts[c] for c in chars if _CHAR_SCRIPT[c][0])
            simp = sum(counts[c] for c in chars if _CHAR_SCRIPT[c][1])
            return trad, simp
    trad = sum(counts[c] for c in chars if c in _TRADITIONAL_ONLY)
    simp = sum(counts[c] for c in chars if c in _SIMPLIFIED_ONLY)
    return trad, simp


def detect_script(text: str) -> str | None:
    """Return "traditional" if traditional-only characters clearly outnumber simplified-only ones.

    ``None`` when there is no Chinese at all.  OpenCC is used when available;
    otherwise a built-in list of a few hundred frequent characters.
    """
    counts = Counter(_HANZI_RE.findall(text))
    if not counts:
        return None
    trad, simp = _script_counts(counts)
    return "traditional" if trad > 2 * simp else "simplified"


_CELL_SPLIT = regex.compile(r"\s*[|｜]\s*")


def with_table_headers(lines: list[str]) -> list[str]:
    """Each data row of a table (lines of ``a | b | c`` cells, as every reader writes
    them) carries its column headers: ``项目:抽检合格率 | 2024年:99.1%``.  A row alone
    says nothing ("99.1%" of what?): a question about 合格率 must find the row that
    holds the value, and the quote must show what the value is."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = _cells(lines[i])
        j = i + 1
        while header and j < len(lines) and len(_cells(lines[j])) == len(header):
            j += 1
        if header and j - i >= 2:
            out.append(lines[i])
            for row in lines[i + 1:j]:
                out.append(" | ".join(f"{h}:{_with_unit(c, h)}" if h and c and h != c
                                      else c or h
                                      for h, c in zip(header, _cells(row), strict=True)))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


# Columns aligned with runs of spaces (a table typed as plain text): two or more spaces, or
# a tab; one full-width space separates a dateline's parts (电　记者), not columns.
_SPACED_SPLIT = regex.compile(r"(?:[ \u3000]{2,}|\t)[ \t\u3000]*")


# The unit a column header gives in brackets: 罚没款（万元）, 查处案件（件）, 占比(%).
_HEADER_UNIT = regex.compile(r"[（(]([^（）()\d]{1,4})[）)]$")
_BARE_NUMBER = regex.compile(r"[+-]?\d+(?:\.\d+)?")


def _with_unit(cell: str, header: str) -> str:
    """A bare number under a header naming its unit, with the unit written after it
    (罚没款（万元）: 1685 → 1685万元), so the figure reads as what it counts."""
    unit = _HEADER_UNIT.search(header)
    return cell + unit.group(1) if unit and _BARE_NUMBER.fullmatch(cell) else cell


def _cells(line: str) -> list[str]:
    """The cells of a table row (two or more between bars; three or more aligned with
    spaces, since prose may hold one double space), or [] for a line of prose."""
    if "|" in line or "｜" in line:
        cells = _CELL_SPLIT.split(line.strip().strip("|｜").strip())
        return cells if len(cells) >= 2 and all(len(c) <= 60 for c in cells) else []
    cells = _SPACED_SPLIT.split(line.strip())
    return cells if len(cells) >= 3 and all(len(c) <= 30 for c in cells) else []


def make_document(
    lines: Sequence[str],
    name: str,
    *,
    fmt: str,
    headings: Iterable[str] = (),
    title: str | None = None,
    issuer: str | None = None,
    published: str | None = None,
    empty_reason: str = "contains no text",
) -> RawDocument:
    """Assemble a :class:`RawDocument`; metadata the format did not supply is
    looked for in the text.

    ``headings`` are cleaned the same way as ``lines`` and kept only if they
    are exactly one of the lines, so the parser can rely on finding them.
    """
    paragraphs = join_wrapped_title(with_table_headers(clean_lines(lines)))
    if not paragraphs:
        raise UnreadableDocument(name, empty_reason)
    present = set(paragraphs)
    kept = tuple(dict.fromkeys(h for h in (clean_line(h) for h in headings) if h in present))
    text = "\n".join(paragraphs)
    title = clean_line(title) if title and clean_line(title) else guess_title(paragraphs)
    meta = DocumentMeta(
        title=title,
        issuer=issuer or find_issuer(paragraphs),
        published=published or find_date(paragraphs),
        batch=find_batch(title, *paragraphs[:3]),
        script=detect_script(text),
        format=fmt,
    )
    return RawDocument(text=text, meta=meta, headings=kept)


# --------------------------------------------------------------------------
# Readers
# --------------------------------------------------------------------------


def read_txt(data: bytes, name: str) -> RawDocument:
    """A ``.txt`` file: the first line is taken as the title when it looks like one."""
    text = decode_text(data, name)
    return make_document(paragraphs_from_plain(text), name, fmt="txt")


_MD_FRONT_MATTER = regex.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_ATX = regex.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_SETEXT = regex.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_MD_RULE = regex.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_MD_FENCE = regex.compile(r"^ {0,3}(```|~~~)")
_MD_BULLET = regex.compile(r"^(\s*)[-*+][ \t]+")
_MD_QUOTE = regex.compile(r"^\s*(?:>\s?)+")
_MD_REFDEF = regex.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_MD_TABLE_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_INLINE = (
    (regex.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images → alt text
    (regex.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links → their text
    (regex.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (regex.compile(r"<(https?://[^>]+)>"), r"\1"),  # autolinks
    (regex.compile(r"<br\s*/?>", re.I), "\n"),
    (regex.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (regex.compile(r"`+([^`]*)`+"), r"\1"),
    (regex.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (regex.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (regex.compile(r"(?<!\*)\*(?=\S)(.+?)(?<=\S)\*(?!\*)"), r"\1"),
    (regex.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (regex.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])"), r"\1"),  # backslash escapes
)


def _md_inline(line: str) -> str:
    for pattern, repl in _MD_INLINE:
        line = pattern.sub(repl, line)
    return line


def read_markdown(data: bytes, name: str) -> RawDocument:
    """A Markdown file: markup removed, ``#`` / setext headings listed in ``headings``.

    Ordered-list numbers (``1.``) are kept because they are the numbering the
    structure parser looks for; bullets and quote markers are dropped.
    """
    text = "\n".join(split_raw_lines(decode_text(data, name)))
    title: str | None = None
    published: str | None = None
    if m := _MD_FRONT_MATTER.match(text):
        for field_line in m.group(1).splitlines():
            key, _, value = field_line.partition(":")
            value = value.strip().strip("\"'")
            if key.strip().lower() == "title" and value:
                title = value
            elif key.strip().lower() in ("date", "published") and value:
                published = parse_date(value, compact=True)
        text = text[m.end() :]

    out: list[str] = []
    headings: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if _MD_FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if m := _MD_ATX.match(line):
            heading = clean_line(_md_inline(m.group(2)))
            out.append("")  # a heading is always its own paragraph
            out.append(heading)
            out.append("")
            headings.append(heading)
            continue
        if _MD_SETEXT.match(line) and out and out[-1].strip(_PAD):
            # Text directly above === or --- is a heading (it wins over a rule).
            heading = clean_line(_md_inline(out.pop()))
            out.extend(["", heading, ""])
            headings.append(heading)
            continue
        if _MD_RULE.match(line) or _MD_REFDEF.match(line) or _MD_TABLE_RULE.match(line):
            out.append("")
            continue
        line = _MD_QUOTE.sub("", line)
        line = _MD_BULLET.sub(r"\1", line)
        if line.lstrip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            line = " | ".join(c for c in cells if c)
        out.extend(_md_inline(line).split("\n"))

    paragraphs = paragraphs_from_plain("\n".join(out))
    if title is None and headings and paragraphs and paragraphs[0] == headings[0]:
        title = headings[0]
    return make_document(
        paragraphs, name, fmt="md", headings=headings, title=title, published=published
    )
