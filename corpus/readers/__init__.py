"""Readers: files (or uploaded bytes) → :class:`corpus.model.RawDocument`.

This package owns format handling only — decoding, dropping page furniture,
one paragraph per line, metadata the format or the text states outright.  It
does not split documents into cases and sections; ``corpus.parse`` does.

Public API:

* :func:`read_document` — read a file from disk, dispatching on its suffix;
* :func:`read_bytes` — the same for bytes in memory (Telegram uploads);
* :data:`SUPPORTED_SUFFIXES`;
* :class:`ReaderError` and its subclasses :class:`UnsupportedFormat` and
  :class:`UnreadableDocument` — the only exceptions that escape.  Their message
  names the file and says how to fix the problem.

Importing this package is cheap: the format modules import lxml, python-docx
and pypdf only when a document of that format is read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath

from corpus.model import RawDocument
from corpus.readers.errors import ReaderError, UnreadableDocument, UnsupportedFormat

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ReaderError",
    "UnreadableDocument",
    "UnsupportedFormat",
    "read_bytes",
    "read_document",
]

Reader = Callable[[bytes, str], RawDocument]


def _read_txt(data: bytes, name: str) -> RawDocument:
    from corpus.readers.text import read_txt

    return read_txt(data, name)


def _read_md(data: bytes, name: str) -> RawDocument:
    from corpus.readers.text import read_markdown

    return read_markdown(data, name)


def _read_html(data: bytes, name: str) -> RawDocument:
    from corpus.readers.html import read_html

    return read_html(data, name)


def _read_docx(data: bytes, name: str) -> RawDocument:
    from corpus.readers.docx import read_docx

    return read_docx(data, name)


def _read_pdf(data: bytes, name: str) -> RawDocument:
    from corpus.readers.pdf import read_pdf

    return read_pdf(data, name)


_READERS: dict[str, Reader] = {
    ".txt": _read_txt,
    ".text": _read_txt,
    ".md": _read_md,
    ".markdown": _read_md,
    ".html": _read_html,
    ".htm": _read_html,
    ".shtml": _read_html,
    ".xhtml": _read_html,
    ".docx": _read_docx,
    ".pdf": _read_pdf,
}

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_READERS)

_SUPPORTED_LIST = ".txt, .md, .html, .docx or .pdf"

# Formats people actually send, with the conversion that makes them readable.
_HINTS: dict[str, str] = {
    ".doc": ".doc (Word 97-2003) is not supported; save it as .docx and add it again",
    ".dot": ".dot (Word template) is not supported; save it as .docx and add it again",
    ".wps": ".wps (WPS Writer) is not supported; save it as .docx in WPS and add it again",
    ".wpt": ".wpt (WPS template) is not supported; save it as .docx and add it again",
    ".rtf": ".rtf is not supported; save it as .docx and add it again",
    ".odt": ".odt is not supported; save it as .docx and add it again",
    ".pages": ".pages is not supported; export it as .docx or .pdf and add it again",
    ".ofd": ".ofd is not supported; export or print it to PDF and add it again",
    ".xls": "spreadsheets are not supported; copy the text into a .docx or .txt file",
    ".xlsx": "spreadsheets are not supported; copy the text into a .docx or .txt file",
    ".et": "spreadsheets are not supported; copy the text into a .docx or .txt file",
    ".ppt": "presentations are not supported; export the text to .docx or .pdf",
    ".pptx": "presentations are not supported; export the text to .docx or .pdf",
    ".mht": ".mht web archives are not supported; save the page as .html and add it again",
    ".mhtml": ".mhtml web archives are not supported; save the page as .html and add it again",
    ".zip": "archives are not supported; unpack it and add the documents one by one",
    ".rar": "archives are not supported; unpack it and add the documents one by one",
    ".7z": "archives are not supported; unpack it and add the documents one by one",
    ".caj": ".caj is not supported; download the document as PDF instead",
}
_IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic"}
)


def _unsupported(name: str, suffix: str) -> UnsupportedFormat:
    if suffix in _HINTS:
        return UnsupportedFormat(name, _HINTS[suffix])
    if suffix in _IMAGE_SUFFIXES:
        return UnsupportedFormat(
            name,
            "images are not supported (no OCR); send the document as "
            f"{_SUPPORTED_LIST} with selectable text",
        )
    if not suffix:
        return UnsupportedFormat(
            name, f"has no file extension; rename it to end in {_SUPPORTED_LIST}"
        )
    return UnsupportedFormat(
        name, f"{suffix} files are not supported; convert it to {_SUPPORTED_LIST}"
    )


def _sniff_mismatch(data: bytes, name: str, suffix: str) -> ReaderError | None:
    """Catch the common renamed-file mistakes before a parser fails obscurely."""
    ole2 = data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    if ole2 and suffix in (".docx", ".txt", ".html", ".htm", ".md", ".pdf"):
        return UnsupportedFormat(
            name,
            f"is a Word 97-2003 (.doc) file despite its {suffix} name; open it in Word or WPS, "
            "save it as .docx and add it again",
        )
    if suffix != ".pdf" and data.startswith(b"%PDF-"):
        return UnreadableDocument(
            name, f"is a PDF despite its {suffix} name; rename it to .pdf and add it again"
        )
    if suffix in (".txt", ".md", ".html", ".htm") and data.startswith(b"PK\x03\x04"):
        return UnreadableDocument(
            name,
            f"is a ZIP-based file (probably .docx) despite its {suffix} name; "
            "give it its real extension and add it again",
        )
    return None


def read_bytes(data: bytes, name: str) -> RawDocument:
    """Read a document held in memory; ``name`` (a file name) selects the format.

    Raises :class:`UnsupportedFormat` or :class:`UnreadableDocument`; any other
    failure inside a parsing library is wrapped in :class:`UnreadableDocument`.
    """
    display = PurePath(name).name or name
    suffix = PurePath(name).suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") and suffix in ("", ".doc"):
            raise _unsupported(display, ".doc")
        raise _unsupported(display, suffix)
    if not data:
        raise UnreadableDocument(display, "is empty (0 bytes); check the file and add it again")
    if (mismatch := _sniff_mismatch(data, display, suffix)) is not None:
        raise mismatch
    try:
        return reader(data, display)
    except ReaderError:
        raise
    except RecursionError as exc:
        raise UnreadableDocument(
            display, "is nested too deeply to read; save it again in a simpler form"
        ) from exc
    except Exception as exc:
        # Library errors (zip, XML, PDF syntax …) mean a damaged or mislabelled
        # file as far as the user is concerned.
        raise UnreadableDocument(
            display,
            f"could not be read ({type(exc).__name__}: {exc}); the file may be damaged — "
            f"open and save it again, or convert it to {_SUPPORTED_LIST}",
        ) from exc


def read_document(path: Path) -> RawDocument:
    """Read a document from disk; the suffix selects the format."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        # Say "unsupported" even if the file is missing: that is the real problem.
        raise _unsupported(path.name, suffix)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableDocument(path.name, f"not found at {path}") from exc
    except IsADirectoryError as exc:
        raise UnreadableDocument(path.name, f"{path} is a directory, not a file") from exc
    except OSError as exc:
        raise UnreadableDocument(path.name, f"cannot be opened ({exc.strerror or exc})") from exc
    return read_bytes(data, path.name)
