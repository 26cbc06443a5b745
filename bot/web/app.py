"""The web application: one FastAPI object over one :class:`~bot.service.Casebot`.

Pages are rendered on the server (Jinja2, autoescaped) and work without JavaScript;
``static/app.js`` only adds the copy-citation button.  The API returns exactly the JSON
contract of ``casebot ask --json`` (``Answer.to_json``).  FastAPI was chosen over plain
Starlette for the OpenAPI description and parameter validation it gives for free; the
answer core is synchronous, so routes are plain ``def`` and run in the thread pool.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from bot.answer import Answer, Passage, Status
from bot.service import Casebot
from bot.telegram.ratelimit import SlidingWindowLimiter
from indexer.normalize import Script, to_script

HERE = Path(__file__).resolve().parent
EXAMPLES_TTL = 300.0  # seconds: example questions answer through the core; not per request
MAX_QUERY_CHARS = 2000  # the core answers 500; more is cut here, before any work
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@dataclass(frozen=True)
class Run:
    """A piece of quoted text, ``marked`` where it matched the question."""

    text: str
    marked: bool = False


def runs(p: Passage, text: str) -> list[Run]:
    """``text`` (``p.text`` or its same-length conversion) cut at the matched terms."""
    if len(text) != len(p.text):
        return [Run(text)]
    out, pos = [], 0
    for s, e in p.highlight_spans():
        out += [Run(text[pos:s]), Run(text[s:e], True)]
        pos = e
    out.append(Run(text[pos:]))
    return [r for r in out if r.text]


class _Headers(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response


def create_app(service: Casebot, *, rate_limit: int = 60, rate_window: float = 60.0) -> FastAPI:
    """The application; ``rate_limit`` requests per client per ``rate_window`` seconds."""
    app = FastAPI(title="casebot", summary="Quoted, cited answers from case announcements.",
                  docs_url="/api/docs-ui", redoc_url=None)
    app.add_middleware(_Headers)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    limiter = SlidingWindowLimiter(rate_limit, rate_window)
    examples: list[tuple[float, list[str]]] = []  # (when made, questions): made per 5 minutes

    def current_examples() -> list[str]:
        import time

        if not examples or time.monotonic() - examples[0][0] > EXAMPLES_TTL:
            examples[:] = [(time.monotonic(), _examples(service))]
        return examples[0][1]

    def limited(request: Request) -> bool:
        client = request.client.host if request.client else "?"
        return not limiter.hit(client).allowed

    def page(request: Request, name: str, script: Script, status: int = 200,
             **context: Any) -> HTMLResponse:
        def t(text: str) -> str:
            return to_script(text, script)

        return templates.TemplateResponse(
            request, name, {"script": script, "t": t, "lang": _lang(script), **context},
            status_code=status)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: str = "", script: Script | None = None,
             more: int = Query(0, ge=0, le=30)) -> HTMLResponse:
        if limited(request):
            return page(request, "limited.html", script or "simplified", 429)
        q = q[:MAX_QUERY_CHARS]
        if not q.strip():
            docs = service.searcher.documents()
            cases = service.searcher.cases()
            return page(request, "home.html", script or "simplified", docs=docs, cases=cases,
                        examples=current_examples())
        answer = service.answer(q, top=3)
        shown = script or answer.script
        pool = (*answer.passages, *answer.more)[: 3 + more]
        return page(request, "answer.html", shown, q=q, answer=answer, passages=pool,
                    runs=runs, found=answer.status is Status.ANSWERED,
                    more=more + 3 if len(answer.passages) + len(answer.more) > len(pool)
                    else None, other="traditional" if shown == "simplified" else "simplified")

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document(request: Request, doc_id: int, script: Script | None = None) -> HTMLResponse:
        hits = service.searcher.document_passages(doc_id)
        if not hits:
            return page(request, "missing.html", script or "simplified", 404)
        shown = script or ("traditional" if _is_traditional(hits[0].doc_title) else "simplified")
        return page(request, "document.html", shown, hits=hits, title=hits[0].doc_title,
                    doc_id=doc_id, other="traditional" if shown == "simplified" else "simplified")

    @app.get("/api/ask", summary="Answer a question (the contract of `casebot ask --json`)")
    def api_ask(request: Request, q: str = Query(..., max_length=10_000),
                top: int = Query(3, ge=1, le=20)) -> JSONResponse:
        if limited(request):
            return JSONResponse({"error": "too many requests; try again in a minute"}, 429)
        return JSONResponse(service.answer(q[:MAX_QUERY_CHARS], top=top).to_json())

    @app.get("/api/docs", summary="The indexed documents and their metadata")
    def api_docs() -> JSONResponse:
        return JSONResponse([{k: v for k, v in d.items() if k != "source"} | {
            "url": f"/doc/{d['id']}"} for d in service.searcher.documents()])

    @app.get("/healthz", summary="Whether the index is readable")
    def healthz() -> JSONResponse:
        try:  # a query of its own: refreshing here would hide a new index from answer()
            count = service.searcher.document_titles(0)[1]
        except Exception as exc:  # a damaged or vanished index: say so, never a 500
            return JSONResponse({"ok": False, "error": type(exc).__name__}, 503)
        return JSONResponse({"ok": count > 0, "documents": count}, 200 if count else 503)

    return app


def _lang(script: Script) -> str:
    return "zh-Hant" if script == "traditional" else "zh-Hans"


def _is_traditional(text: str) -> bool:
    from indexer.normalize import detect_script

    return detect_script(text) == "traditional"


def _examples(service: Casebot) -> list[str]:
    from bot.library import example_questions

    try:
        return example_questions(service)
    except Exception:  # examples are a nicety; the page works without them
        return []


__all__ = ["Answer", "create_app"]
