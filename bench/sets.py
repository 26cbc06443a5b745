"""The question sets of tests/data and the documents each is scored against.

Shared by `python -m bench.baseline`, `scripts/fit_confidence.py` and `scripts/golden.py`:
a set's documents are indexed alone, as `casebot eval` scores them — the development set
over the bundled corpus, the news set over the benchmark's People's Daily corpus plus the
bundled announcement, every other set over its own `announcement.*`; "dev-news" is the
development questions over the news index (how `make bench` asks them); "news-a" … are
further sets over the news index.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.service import Casebot

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
NEWS = ROOT / "bench" / ".cache" / "news-v1" / "pct-100"


# The training sets, which the models are fitted on (each ships with the repository, so a
# fit is the same on any machine): the development sets, which the rules were written on —
# dev, third … eighth, fourteenth, news-e, news-f, nineteenth and news-i (written blind
# in session 11, scored once unread, then read), twenty-first (a PDF) and news-k (session
# 12, the same), news-l and twenty-third (a Word file; session 13, the same), twenty-sixth
# (held out in session 15, scored once at its end, read from session 16 on), news-u and
# thirty-second (a web page's news-style work report; session 23, the same), news-v and
# thirty-fourth (a policy interpretation in questions and answers; session 24, the same), news-x
# and thirty-sixth (a Word 通报 with a summary table; session 25, the same), news-z and
# thirty-eighth (a WeChat public-account article's page; session 26, the same), news-aa and
# thirty-ninth (a Word file whose case numbers are Word's automatic list numbering; session
# 30, the same), news-bb (eight local news releases of a city's government site) and fortieth
# (a web page's penalty table, the cases as its rows; session 31, the same), forty-first (a
# web page whose cases are record tables, a field a row) and forty-second (a Word 通告 of
# food-sampling results with the national template's table), forty-third (a text copy of a
# page whose cases are lines of 字段：值) and news-cc (seven safety news reports; session 32,
# the same), forty-fourth (a court's environmental typical cases as a web page, with
# 【基本案情】【裁判结果】【典型意义】 and a summary table), forty-fifth (a county government's
# 督查通报 as a PDF) and news-dd (seven 市场监管 and consumer news reports; session 33, the
# same) — and the
# calibration sets (fifteenth … eighteenth, news-c, news-d, news-g, news-h; news-m and
# twenty-fifth since session 14; news-q and twenty-ninth since session 18; news-s, news-t
# and thirty-first, a PDF, since session 22; thirty-third, a Word file, since session 23;
# news-w and thirty-fifth, a court's typical cases as a PDF, since session 24; news-y and
# thirty-seventh, a 医疗保障局 web page of fraud cases, since session 25),
# written blind and never read, so that the fits see the errors of text nobody tuned the
# rules for …
TRAINING = ("dev", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "fourteenth",
            "news-e", "news-f", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
            "news-c", "news-d", "news-g", "news-h", "nineteenth", "news-i", "twenty-first",
            "news-k", "news-l", "twenty-third", "news-m", "twenty-fifth", "twenty-sixth",
            "news-q", "twenty-ninth", "news-s", "news-t", "thirty-first", "news-u",
            "thirty-second", "thirty-third", "news-v", "thirty-fourth", "news-w",
            "thirty-fifth", "news-x", "thirty-sixth", "news-y", "thirty-seventh", "news-z",
            "thirty-eighth", "news-aa", "thirty-ninth", "news-bb", "fortieth", "forty-first",
            "forty-second", "forty-third", "news-cc", "forty-fourth", "forty-fifth",
            "news-dd")
# The calibration sets among them: written blind, never read, only fitted on.
CALIBRATION = ("fifteenth", "sixteenth", "seventeenth", "eighteenth", "news-c", "news-d",
               "news-g", "news-h", "news-m", "twenty-fifth", "news-q", "twenty-ninth",
               "news-s", "news-t", "thirty-first", "thirty-third", "news-w", "thirty-fifth",
               "news-y", "thirty-seventh")
# … and the sets written blind, scored once after a behaviour change and never used to choose
# (twentieth, a Word file, and news-j came in session 11 and were first scored at its end;
# twenty-second, a web page, in session 12; twenty-fourth, a news-style work report, in
# session 13; news-n in session 15; news-o and twenty-seventh, a press conference's
# transcript on a web page, in session 16; news-p and twenty-eighth, a grain bureau's web
# page, in session 17; news-r and thirtieth, a Word file, in session 18).
HELD_OUT = ("second", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "news", "news-a",
            "news-b", "twentieth", "news-j", "twenty-second", "twenty-fourth", "news-n",
            "news-o", "twenty-seventh", "news-p", "twenty-eighth", "news-r", "thirtieth")


def documents(name: str) -> list[Path]:
    """What to index for set ``name`` (empty: the set has no documents here — a news set
    when the news corpus cannot be fetched)."""
    if name == "dev":
        return [ROOT / "corpus" / "documents"]
    if news_set(name):
        return [ROOT / "corpus" / "documents", NEWS] if _news_corpus() else []
    return _own_documents(DATA / name)


def _news_corpus() -> bool:
    """Whether the news corpus is here, fetched now (once, with pip) if it is not: a fit or a
    report over the training sets must see the same sets whatever ran before it."""
    if not NEWS.exists():
        from bench.news import CorpusUnavailable, news_documents

        try:
            news_documents(1.0)
        except CorpusUnavailable:
            return False
    return NEWS.exists()


def _own_documents(folder: Path) -> list[Path]:
    """A set's own announcement (``announcement.*``) or folder of texts (``documents/``)."""
    own = folder / "documents"
    return [own] if own.is_dir() else sorted(folder.glob("announcement.*"))


def news_set(name: str) -> bool:
    """Whether set ``name`` is asked over the news index (news, news-a, dev-news); a news
    set that ships its own documents (news-c) is asked over those alone."""
    return name in ("news", "dev-news") or (
        name.startswith("news-") and not _own_documents(DATA / name))


def questions_file(name: str) -> Path:
    return DATA / "qa_dev.jsonl" if name in ("dev", "dev-news") else DATA / name / "qa.jsonl"


def open_index(name: str, work: Path) -> Casebot:
    """The service over set ``name``'s documents, indexed into ``work`` once and reused (the
    news set and the development questions over the news index share one index)."""
    from bot.service import Casebot
    from indexer.db import make_engine
    from indexer.writer import IndexWriter

    db = work / ("news.db" if news_set(name) else f"{name}.db")
    if not db.exists():
        IndexWriter(make_engine(db)).index_paths(documents(name))
    return Casebot.open(db, build=False)


def announcement_sets() -> list[str]:
    """Every set with documents of its own (an announcement or a folder of texts), by name."""
    return sorted(p.name for p in DATA.iterdir()
                  if p.is_dir() and _own_documents(p) and (p / "qa.jsonl").exists())


__all__ = ["CALIBRATION", "DATA", "HELD_OUT", "NEWS", "ROOT", "TRAINING", "announcement_sets", "documents", "news_set", "open_index",
           "questions_file"]
