"""Reader errors: the only exceptions ``corpus.readers`` lets escape.

Every error names the file and says what the user can do about it, because the
message is shown verbatim to whoever added the document (often through
Telegram), not to a developer reading a traceback.
"""

from __future__ import annotations


class ReaderError(Exception):
    """A document could not be turned into text.

    ``name`` is the file name as the user knows it; ``reason`` is the
    explanation without the name, so callers can format it their own way.
    """

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}")


class UnsupportedFormat(ReaderError):
    """The file type is not one we read (e.g. .doc, .wps, images)."""


class UnreadableDocument(ReaderError):
    """The file type is supported but this file yields no usable text.

    Zero-byte files, corrupt archives, binary data with a text suffix, PDFs
    without a text layer, password-protected PDFs.
    """
