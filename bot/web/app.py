"""The web application: one FastAPI object over one :class:`~bot.service.Casebot`.

This module owns the routes of the page for citizens and of the HTTP API, and what the
application does around every request (limits, security headers, error pages).  Pages
are rendered on the server (Jinja2, autoescaped) and work without JavaScript;
``static/app.js`` only adds the copy-citation button.  The API returns exactly the JSON
contract of ``casebot ask --json`` (``Answer.to_json``).  The admin view is
:mod:`bot.web.admin`; how quotes are cut for marking is :mod:`bot.web.views`.

FastAPI rather than plain Starlette: the OpenAPI description (``/openapi.json``) and
validation of query parameters come for free, and it is Starlette underneath (templates,
static files, test client).  The answer core is synchronous and CPU-bound: every call
into it runs on one worker thread, first come first served (see ``core`` below), so the
event loop never blocks on it.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.answer import Answer, Status
from bot.service import Casebot
from bot.web import schemas, views
from bot.web.keepalive import HandBack
from bot.web.limits import RequestLimiter, blocks, limiter_for
from bot.web.recorder import Entry, Recorder
from indexer.normalize import Script

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")

HERE = Path(__file__).resolve().parent
EXAMPLES_TTL = 300.0  # seconds: example questions answer through the core; not per request
MAX_PAGE_QUERY = 2000  # the page's field; the core answers 500 (cut with a notice)
MAX_API_QUERY = 10_000  # the API passes a question whole, as the CLI does, up to this
MAX_DOCS_LISTED = 100  # on the home page; /api/docs lists every document
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
NOT_LIMITED = ("/healthz", "/static/", "/favicon.ico")  # monitoring and assets


@dataclass(frozen=True)
class WebConfig:
    """What the web application needs from the settings (built once by ``casebot web``)."""

    rate_limit: int = 60  # requests per client per window; <= 0: no limit
    rate_window: float = 60.0
    admin_token: str | None = None  # None: no admin view
    user_salt: str = "casebot"  # clients are logged as a salted hash of their address
    log_questions: bool = True
    # Requests per keep-alive connection before it is handed back to be opened again
    # (bot.web.keepalive); 0: never — one process has no other worker to spread to.
    keepalive_requests: int = 0

    @classmethod
    def from_settings(cls, settings: Settings) -> WebConfig:
        token = settings.casebot_admin_token
        return cls(rate_limit=settings.casebot_web_rate_limit,
                   rate_window=settings.casebot_web_rate_window,
                   admin_token=token.get_secret_value() if token else None,
                   user_salt=settings.casebot_user_salt,
                   log_questions=settings.casebot_web_log_questions,
                   keepalive_requests=(settings.casebot_web_keepalive_requests
                                       if settings.casebot_web_workers > 1 else 0))


class Limited(Exception):
    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than ``BaseHTTPMiddleware`` on every API call): the
    Content-Security-Policy and friends on every response."""

    HEADERS = ((b"content-security-policy", CSP.encode()),
               (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"same-origin"),
               (b"x-frame-options", b"DENY"))

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def client_of(request: Request) -> str:
    # Behind a reverse proxy uvicorn's proxy_headers make this the real client
    # (X-Forwarded-For is trusted from the proxy's address only).
    return request.client.host if request.client else "unknown"


def is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/healthz", "/openapi"))


def create_app(service: Casebot, config: WebConfig | None = None,
               limiter: RequestLimiter | None = None) -> FastAPI:
    """The application over ``service``; ``limiter`` defaults to
    :func:`~bot.web.limits.limiter_for` (shared through the database on PostgreSQL, in
    memory on SQLite)."""
    config = config or WebConfig()
    limiter = limiter or limiter_for(service.storage.limit_store(), config.rate_limit,
                                     config.rate_window, config.user_salt)
    off_loop = blocks(limiter)

    async def within_limit(request: Request) -> None:
        if request.url.path.startswith(NOT_LIMITED):
            return
        client = client_of(request)
        # A shared limiter's transaction must not hold up the event loop.
        verdict = (await asyncio.to_thread(limiter.hit, client) if off_loop
                   else limiter.hit(client))
        if not verdict.allowed:
            raise Limited(verdict.retry_after)

    recorder = Recorder(lambda entries: service.log.record_many(entries))
    # Every call into the answer core and the index runs on this one thread, in arrival
    # order.  The core is CPU-bound Python: threads of a pool give no parallelism under the
    # GIL, only time-slicing, so under 20 clients every answer took as long as all of them
    # (p99 ~300 ms on the news index); one thread serves them first come, first served
    # (p99 ~130 ms; bench/web.py).  The event loop stays free for everything else.
    answerer = ThreadPoolExecutor(1, thread_name_prefix="casebot-answer")

    def core(fn: Callable[..., T], *args: Any) -> Awaitable[T]:
        return asyncio.get_running_loop().run_in_executor(answerer, fn, *args)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if config.log_questions or config.admin_token:
            await core(lambda: service.log)  # opened once, before threads race to open it
        recorder.start()
        yield
        recorder.flush()
        answerer.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(title="casebot", summary="Quoted, cited answers from case announcements.",
                  version="1", docs_url=None, redoc_url=None,  # their pages load a CDN
                  dependencies=[Depends(within_limit)], lifespan=lifespan)
    app.add_middleware(SecurityHeaders)
    if config.keepalive_requests > 0:
        app.add_middleware(HandBack, every=config.keepalive_requests)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.trim_blocks = templates.env.lstrip_blocks = True  # tidy HTML, same output
    app.state.templates = templates
    examples: list[tuple[float, list[str]]] = []  # (when made, questions)

    def current_examples() -> list[str]:
        if not examples or time.monotonic() - examples[0][0] > EXAMPLES_TTL:
            examples[:] = [(time.monotonic(), views.examples(service))]
        return examples[0][1]

    def page(request: Request, name: str, script: Script, status: int = 200,
             **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(
            request, name, {"script": script, "t": views.shown_in(script),
                            "lang": views.lang(script), "other": views.other(script),
                            **context}, status_code=status)

    def record(request: Request, question: str, answer: Answer) -> None:
        """The question log behind the admin charts (written off the request path)."""
        if not config.log_questions or answer.status is Status.EMPTY:
            return
        who = hashlib.sha256(f"{config.user_salt}:web:{client_of(request)}".encode())
        top = answer.passages[0].id if answer.passages else None
        recorder.add(Entry(who.hexdigest()[:32], question, answer.found, top))

    @app.exception_handler(Limited)
    def limited(request: Request, exc: Limited) -> Response:
        headers = {"Retry-After": str(max(1, round(exc.retry_after)))}
        if is_api(request):
            return JSONResponse({"error": "too many requests; try again in "
                                 f"{headers['Retry-After']} s"}, 429, headers)
        response = page(request, "error.html", views.script_param(request), 429,
                        message="请求太频繁了,请稍后再试。", seconds=headers["Retry-After"])
        response.headers.update(headers)
        return response

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if is_api(request):
            return JSONResponse({"error": str(exc.detail)}, exc.status_code, exc.headers)
        message = "没有这个页面。" if exc.status_code == 404 else "这个请求无法处理。"
        return page(request, "error.html", views.script_param(request), exc.status_code,
                    message=message)

    @app.exception_handler(RequestValidationError)
    def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if is_api(request):  # the fix, field by field, for other systems
            return JSONResponse({"error": "invalid request", "detail": [
                {"loc": e.get("loc"), "msg": e.get("msg")} for e in exc.errors()]}, 422)
        return page(request, "error.html", "simplified", 422,
                    message="这个地址的参数不对,请从首页重新提问。")

    @app.exception_handler(Exception)
    def failure(request: Request, exc: Exception) -> Response:
        log.exception("web request failed: %s", request.url.path)
        if is_api(request):
            return JSONResponse({"error": "internal error; please try again later"}, 500)
        return page(request, "error.html", "simplified", 500,
                    message="抱歉,处理这个请求时出错了,请稍后再试。")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home(request: Request, q: str = "", script: Script | None = None,
                   more: int = Query(0, ge=0, le=60)) -> HTMLResponse:
        q = q[:MAX_PAGE_QUERY]
        if not q.strip():
            docs, cases, examples = await core(
                lambda: (service.searcher.documents(), service.searcher.cases(),
                         current_examples()))
            shown: Script = script or "simplified"
            by_doc: dict[object, list[dict[str, object]]] = {}
            for c in cases:
                by_doc.setdefault(c["doc_id"], []).append(c)
            return page(request, "home.html", shown, q="", docs=docs[:MAX_DOCS_LISTED],
                        more_docs=max(0, len(docs) - MAX_DOCS_LISTED), cases=by_doc,
                        examples=examples, href=f"/?script={views.other(shown)}")
        answer = await core(service.answer, q, 3)
        if more == 0 and script is None:  # the question itself, not a page of it or a switch
            record(request, q, answer)
        shown = script or answer.script
        pool = views.answer_pool(answer)
        found = answer.status is Status.ANSWERED
        examples = [] if found else await core(current_examples)
        href = f"/?q={quote(q, safe='')}&script={views.other(shown)}" \
            + (f"&more={more}" if more else "")
        return page(request, "answer.html", shown, q=q, answer=answer, found=found,
                    passages=pool[: 3 + more], runs=views.marked_runs,
                    more=more + 3 if len(pool) > 3 + more else None, examples=examples,
                    href=href)

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    async def document(request: Request, doc_id: int,
                       script: Script | None = None) -> HTMLResponse:
        hits = await core(service.searcher.document_passages, doc_id) \
            if 0 < doc_id < 2**62 else []
        if not hits:
            return page(request, "error.html", script or "simplified", 404,
                        message="没有这份文件。")
        shown: Script = script or views.script_of(hits[0].doc_title)
        return page(request, "document.html", shown, blocks=views.document_blocks(hits),
                    title=hits[0].doc_title, doc_id=doc_id,
                    href=f"/doc/{doc_id}?script={views.other(shown)}")

    @app.get("/api/ask", summary="Answer a question (the contract of `casebot ask --json`)",
             response_class=JSONResponse, responses={
                 200: {"model": schemas.AnswerOut}, 429: {"model": schemas.ErrorOut}})
    async def api_ask(request: Request,
                      q: str = Query(..., max_length=MAX_API_QUERY, description="the question"),
                      top: int = Query(3, ge=1, le=20, description="passages to quote")
                      ) -> JSONResponse:
        answer = await core(service.answer, q, top)
        record(request, q, answer)
        return JSONResponse(answer.to_json())

    @app.get("/api/docs", summary="The indexed documents and their metadata",
             response_class=JSONResponse, responses={200: {"model": list[schemas.DocumentOut]}})
    async def api_docs() -> JSONResponse:
        docs = await core(service.searcher.documents)
        return JSONResponse([{k: v for k, v in d.items() if k != "source"}
                             | {"url": f"/doc/{d['id']}"} for d in docs])

    @app.get("/healthz", summary="Whether the index is readable")
    async def healthz() -> JSONResponse:
        try:  # a query of its own: refreshing here would hide a new index from answer()
            count = (await core(service.searcher.document_titles, 0))[1]
        except Exception as exc:  # a damaged or vanished index: say so, never a 500
            return JSONResponse({"ok": False, "error": type(exc).__name__}, 503)
        return JSONResponse({"ok": count > 0, "documents": count}, 200 if count else 503)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((HERE / "static" / "favicon.svg").read_bytes(),
                        media_type="image/svg+xml",
                        headers={"Cache-Control": "public, max-age=86400"})

    from bot.web.admin import admin_routes

    app.include_router(admin_routes(service, config, page))
    return app


__all__ = ["WebConfig", "create_app"]
