"""The JSON contract of ``/api/ask`` and ``/api/docs``, described for the OpenAPI document.

These models only *describe* the responses: ``/api/ask`` returns ``Answer.to_json()``
itself, so the API can never drift from ``casebot ask --json`` through a model that
drops or renames a field; ``tests/web`` checks that the described fields are exactly the
ones returned.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class PassageOut(BaseModel):
    doc: str = Field(description="the document's title")
    case: int | None = Field(description="the case number, if the passage is in a case")
    case_title: str | None
    section: str | None = Field(description="the section's marker and heading, e.g. 一是…")
    text: str = Field(description="the quoted sentence, verbatim")
    score: float


class AnswerOut(BaseModel):
    question: str
    status: Literal["answered", "not_found", "empty"]
    truncated: bool = Field(description="over 500 characters: only its question sentence "
                                        "(or its start) was answered")
    found: bool
    answer: str | None = Field(description="the direct answer line, when there is one")
    passages: list[PassageOut] = Field(description="quoted passages, best first")
    related: list[PassageOut] = Field(description="not found: passages that share some of "
                                                  "the question's words without answering it")


class DocumentOut(BaseModel):
    id: int
    title: str
    issuer: str | None
    published: str | None
    batch: str | None
    script: str | None
    format: str | None
    indexed_at: str | None
    cases: int
    passages: int
    url: str = Field(description="the full text page, /doc/{id}")


class ErrorOut(BaseModel):
    error: str


__all__ = ["AnswerOut", "DocumentOut", "ErrorOut", "PassageOut"]
