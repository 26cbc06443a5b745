"""PDF reader: the text layer of a PDF → RawDocument.  No OCR.

This module owns getting text out of pypdf page by page, removing page
furniture (page numbers such as ``3``, ``- 3 -``, ``第3页``, ``3/10``, and
running headers/footers: short lines repeated at the top or bottom of most
pages), and re-joining paragraphs that the layout broke into lines
(:func:`corpus.readers.paragraphs.join_wrapped`).  The title and author come from
the document information dictionary when they are plausible (not
"Microsoft Word - x.docx"), everything else from the text.  The creation date
is not used: PDFs are often printed from a browser or viewer at download time,
so it says nothing about publication.

Known limits: paragraph boundaries are inferred from the text alone (line
width, punctuation, numbering markers, and first-line indents, which pypdf
renders as a leading space), so a paragraph whose last line is exactly full and
lacks final punctuation is joined to the next one, and — in a PDF without
indents — a full line that happens to end a sentence mid-paragraph splits it.
A title centred over two lines is joined again (:func:`join_wrapped_title`).
Multi-column layouts come out in pypdf's reading order.

pypdf is imported inside :func:`read_pdf` so importing the package stays cheap.
"""

from __future__ import annotations

import io
import logging
import math
import re
import unicodedata
from collections import Counter
from typing import Any

from corpus import regex
from corpus.model import RawDocument
from corpus.readers.chars import is_hanzi
from corpus.readers.errors import UnreadableDocument
from corpus.readers.paragraphs import clean_line, join_wrapped, split_raw_lines
from corpus.readers.text import make_document

_PAGE_NUMBER = regex.compile(
    r"^(?:"
    r"[-—–~·]?\s*\d{1,4}\s*[-—–~·]?"  # 3, - 3 -, —3—
    r"|第\s*\d{1,4}\s*[页頁](?:\s*[,，/]?\s*共\s*\d{1,4}\s*[页頁])?"  # 第3页, 第3页 共10页
    r"|共\s*\d{1,4}\s*[页頁]\s*[,，/]?\s*第\s*\d{1,4}\s*[页頁]"  # 共10页 第3页
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 3/10
    r"|page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"  # Page 3 of 10
    r")$",
    re.I,
)
# How many lines at each end of a page can be header/footer.  pypdf returns
# text in content-stream order, where headers and footers are typically drawn
# first or last but not always in visual position, hence more than one.
_EDGE = 3
_MAX_FURNITURE_LEN = 60

_FILENAME_TITLE = regex.compile(
    r"\.(?:docx?|wps|pdf|rtf|txt)$|^microsoft (?:word|excel)|^untitled|^无标题|^無標題", re.I
)
_ORG = regex.compile(
    r"(?:局|厅|廳|委|委员会|委員會|办|辦|办公室|辦公室|部|院|政府|中心|会|會|署|处|處)$"
)


log = logging.getLogger(__name__)


def is_page_number(line: str) -> bool:
    """``3``, ``- 3 -``, ``第3页``, ``第3页 共10页``, ``3/10``, ``Page 3 of 10``."""
    return bool(_PAGE_NUMBER.match(unicodedata.normalize("NFKC", line).strip()))


def _furniture_key(line: str) -> str:
    """Lines that differ only in digits and spacing are the same header."""
    return re.sub(r"\d+", "#", "".join(unicodedata.normalize("NFKC", line).split()))


def _edges(lines: list[str]) -> set[int]:
    """Indices of the non-empty lines at the top and bottom of a page."""
    filled = [i for i, line in enumerate(lines) if clean_line(line)]
    return set(filled[:_EDGE]) | set(filled[-_EDGE:])


def strip_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Remove page numbers and running headers/footers from per-page lines.

    A running header/footer is a short line found at the edge of at least half
    of the pages (and of two pages at least).  Only one occurrence per page is
    removed, so a document title that repeats the running header survives on
    its first page.
    """
    counts: Counter[str] = Counter()
    for lines in pages:
        keys = {
            _furniture_key(lines[i])
            for i in _edges(lines)
            if len(clean_line(lines[i])) <= _MAX_FURNITURE_LEN
        }
        counts.update(keys)
    needed = max(2, math.ceil(len(pages) * 0.5))
    running = {key for key, n in counts.items() if n >= needed and key}

    cleaned: list[list[str]] = []
    for lines in pages:
        edges = _edges(lines)
        seen: set[str] = set()
        kept: list[str] = []
        for i, line in enumerate(lines):
            if i in edges:
                if is_page_number(clean_line(line)):
                    continue
                key = _furniture_key(line)
                if key in running and key not in seen:
                    seen.add(key)
                    continue
            kept.append(line)
        cleaned.append(kept)
    return cleaned


def _plausible_title(title: Any) -> str | None:
    if not isinstance(title, str):
        return None
    title = " ".join(title.split())
    if not title or len(title) > 120 or _FILENAME_TITLE.search(title):
        return None
    if not any(is_hanzi(ch) for ch in title):
        return None  # producers fill in English boilerplate; ours are Chinese
    return title


def _info(reader: Any) -> tuple[str | None, str | None]:
    """(title, author) from the document information dictionary, when plausible."""
    try:
        info = reader.metadata
        if info is None:
            return None, None
        title = _plausible_title(info.title)
        author = info.author if isinstance(info.author, str) else None
    except Exception:  # malformed strings are common; metadata is optional
        return None, None
    # Authors are mostly personal accounts; only an organisation is an issuer.
    author = author.strip() if author and _ORG.search(author.strip()) else None
    return title, author


class _ToDebug(logging.Handler):
    """pypdf's own warnings ("EOF marker not found", "invalid pdf header") are
    re-logged at DEBUG: the user gets casebot's one clear message about the file
    instead of raw library lines printed before it."""

    def emit(self, record: logging.LogRecord) -> None:
        log.debug("pypdf: %s", record.getMessage())


def _quiet_pypdf() -> None:
    pypdf_log = logging.getLogger("pypdf")
    if not any(isinstance(h, _ToDebug) for h in pypdf_log.handlers):
        pypdf_log.addHandler(_ToDebug())
        pypdf_log.propagate = False


def read_pdf(data: bytes, name: str) -> RawDocument:
    """Read the text layer of a PDF."""
    from pypdf import PdfReader

    _quiet_pypdf()

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception as exc:
        raise UnreadableDocument(
            name,
            f"is not a valid PDF ({type(exc).__name__}); it may be damaged or incomplete — "
            "download or export it again and add it again",
        ) from exc
    if encrypted:
        # Government PDFs are often encrypted with an empty user password just
        # to forbid copying; those open with "".
        detail = ""
        try:
            unlocked = bool(reader.decrypt(""))
        except Exception as exc:  # unsupported algorithm, missing crypto library …
            unlocked = False
            detail = f" ({type(exc).__name__}: {exc})"
        if not unlocked:
            raise UnreadableDocument(
                name,
                f"is encrypted and cannot be opened without a password{detail}; remove the "
                "protection (e.g. print it to a new PDF) and add it again",
            )

    pages: list[list[str]] = []
    failed = 0
    try:
        page_list = list(reader.pages)
    except Exception as exc:
        raise UnreadableDocument(
            name, f"is a damaged PDF ({type(exc).__name__}); export it again and add it again"
        ) from exc
    for page in page_list:
        try:
            text = page.extract_text() or ""
        except Exception:  # one bad page (broken font, bad stream) should not lose the rest
            failed += 1
            text = ""
        pages.append(split_raw_lines(text))

    if not any(clean_line(line) for lines in pages for line in lines):
        reason = (
            "has no text layer (it is probably a scan or an image), and OCR is not supported; "
            "add the original .docx, or a PDF with selectable text"
        )
        if failed:
            reason = f"could not be read: text extraction failed on {failed} page(s)"
        raise UnreadableDocument(name, reason)

    # Blank lines in pypdf's output carry no paragraph information (they appear
    # at page ends and around furniture), so they are not passed on as breaks.
    body = [line for lines in strip_page_furniture(pages) for line in lines if clean_line(line)]
    paragraphs = join_wrapped(body, proportional=True)
    title, author = _info(reader)
    return make_document(
        paragraphs,
        name,
        fmt="pdf",
        title=title,
        issuer=author,
        empty_reason="has no text besides page numbers and headers; OCR is not supported",
    )
