"""Bytes to ``str`` when the encoding is unknown (:func:`decode_text`): BOMs, strict UTF-8,
then GB18030 / Big5 / whatever charset-normalizer suggests (imported when first needed),
ranked by how much the result looks like real Chinese text (:func:`plausibility`)."""

from __future__ import annotations

import codecs

from corpus import regex
from corpus.readers.chars import is_hanzi
from corpus.readers.errors import UnreadableDocument

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
