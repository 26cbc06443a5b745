"""The admin view of the web application: the question log as charts, behind a token.

This module owns who is an admin and what the admin pages show.  An admin proves it
with ``CASEBOT_ADMIN_TOKEN``: as ``Authorization: Bearer TOKEN`` (scripts, curl) or once
through the login form, which sets a cookie holding an expiry time and an HMAC of it
keyed with the token (the token itself is never stored in the browser; changing the
token ends every session).  Every comparison is :func:`hmac.compare_digest`.  Without a
token configured there is no admin view at all.

The charts are :mod:`bot.charts`' — the same figures Telegram's ``/stats`` sends as a
picture — inlined as SVG (no script, no style attribute: the CSP holds), each with its
figures as a table for screen readers and for copying.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from bot import charts
from bot.service import Casebot
from indexer.normalize import Script
from indexer.qlog import DayCount, Stats

if TYPE_CHECKING:
    from bot.web.app import WebConfig

COOKIE = "casebot_admin"
SESSION_SECONDS = 12 * 3600
MAX_FORM_BYTES = 4096
NO_STORE = {"Cache-Control": "no-store"}

Page = Callable[..., HTMLResponse]


def session_cookie(token: str, expires: int) -> str:
    mac = hmac.new(token.encode(), f"casebot-admin:{expires}".encode(), hashlib.sha256)
    return f"{expires}.{mac.hexdigest()}"


def valid_session(token: str, cookie: str, now: float) -> bool:
    expires, _, _mac = cookie.partition(".")
    if not expires.isdigit() or int(expires) < now:
        return False
    return hmac.compare_digest(cookie.encode(), session_cookie(token, int(expires)).encode())


def same_token(token: str, given: str) -> bool:
    # Bytes on both sides: compare_digest refuses str with non-ASCII characters, and a
    # header may hold anything.
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), token.encode())


def is_admin(request: Request, token: str | None, now: float | None = None) -> bool:
    """Whether ``request`` carries the admin token or a valid session cookie."""
    if not token:
        return False
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and given and same_token(token, given.strip()):
        return True
    cookie = request.cookies.get(COOKIE)
    return bool(cookie) and valid_session(token, cookie or "", now or time.time())


def admin_routes(service: Casebot, config: WebConfig, page: Page) -> APIRouter:
    """``/admin`` (charts), ``/admin/stats.png``, ``/admin/login`` and ``/admin/logout``."""
    router = APIRouter(prefix="/admin", include_in_schema=False)
    token: str | None = config.admin_token
    simplified: Script = "simplified"

    def off(request: Request) -> HTMLResponse:
        return page(request, "error.html", simplified, 404,
                    message="管理页面没有开启:在 .env 中设置 CASEBOT_ADMIN_TOKEN "
                            "后重启 casebot web。")

    def login_page(request: Request, wrong: bool = False) -> HTMLResponse:
        """The login form: 200 to a visitor who has not tried yet, 401 to wrong credentials."""
        tried = wrong or "authorization" in request.headers or COOKIE in request.cookies
        response = page(request, "login.html", simplified, 401 if tried else 200,
                        wrong=wrong)
        response.headers.update(NO_STORE)
        if tried:
            response.headers["WWW-Authenticate"] = 'Bearer realm="casebot admin"'
        return response

    def figures() -> tuple[Stats, list[DayCount], list[charts.Figure]]:
        today = date.today()
        stats = service.log.stats(top=10)
        days = service.log.per_day(today - timedelta(days=charts.DAYS - 1))
        return stats, charts.fill_days(days, today), charts.stats_figures(stats, days, today)

    @router.get("", response_class=HTMLResponse)
    def dashboard(request: Request) -> Response:
        if not token:
            return off(request)
        if not is_admin(request, token):
            return login_page(request)
        stats, days, figs = figures()
        # to_svg escapes every label: the markup is ours, the text in it is not.
        response = page(request, "admin.html", simplified, stats=stats, charts=[
            (f.title, Markup(charts.to_svg(f))) for f in figs],
            days=[d for d in reversed(days) if d.questions])
        response.headers.update(NO_STORE)
        return response

    @router.get("/stats.png")
    def picture(request: Request) -> Response:
        if not token:
            return off(request)
        if not is_admin(request, token):
            return Response(status_code=401, headers={
                **NO_STORE, "WWW-Authenticate": 'Bearer realm="casebot admin"'})
        _stats, _days, figs = figures()
        png = charts.to_png(charts.stack(figs, "casebot 使用统计"))
        return Response(png, media_type="image/png", headers=NO_STORE)

    @router.post("/login")
    async def login(request: Request) -> Response:
        if not token:
            return off(request)
        body = await request.body()
        given = ""
        if len(body) <= MAX_FORM_BYTES:
            try:
                fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=4)
            except ValueError:  # more fields than a login form has
                fields = {}
            given = (fields.get("token") or [""])[0]
        if not given or not same_token(token, given):
            return login_page(request, wrong=True)
        expires = int(time.time()) + SESSION_SECONDS
        response = RedirectResponse("/admin", 303)
        response.set_cookie(COOKIE, session_cookie(token, expires), max_age=SESSION_SECONDS,
                            path="/admin", httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
        return response

    @router.post("/logout")
    def logout() -> Response:
        response = RedirectResponse("/admin", 303)
        response.delete_cookie(COOKIE, path="/admin")
        return response

    return router


__all__ = ["COOKIE", "admin_routes", "is_admin", "session_cookie", "valid_session"]
