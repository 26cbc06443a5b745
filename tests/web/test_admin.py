"""The admin view: who gets in (bearer token, login cookie), what it shows, and the
question log's per-day counts behind its charts."""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timedelta
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from bot.service import Casebot
from bot.web.admin import COOKIE, session_cookie, valid_session
from indexer.models import QuestionRow
from tests.web.conftest import TOKEN, MakeClient

BEARER = {"Authorization": f"Bearer {TOKEN}"}


def test_no_token_configured_means_no_admin_view(make_client: MakeClient) -> None:
    client = make_client(admin_token=None)
    for response in (client.get("/admin"), client.get("/admin", headers=BEARER),
                     client.post("/admin/login", data={"token": TOKEN})):
        assert response.status_code == 404 and "CASEBOT_ADMIN_TOKEN" in response.text


def test_a_visitor_gets_the_login_form(client: TestClient) -> None:
    page = client.get("/admin")
    assert page.status_code == 200 and "<svg" not in page.text
    assert '<form class="login" action="/admin/login" method="post">' in page.text
    assert page.headers["Cache-Control"] == "no-store"
    assert client.get("/admin/stats.png").status_code == 401


@pytest.mark.parametrize("header", [
    "Bearer", "Bearer ", "Bearer wrong", f"Bearer {TOKEN}x", f"Basic {TOKEN}",
    f"Bearer {TOKEN[:-1]}", "Bearer 令牌", "Bearer \u202e" + TOKEN, "Bearer " + "x" * 5000,
])
def test_wrong_credentials_get_the_login_form(client: TestClient, header: str) -> None:
    response = client.get("/admin", headers={"Authorization": header.encode()})  # raw UTF-8
    assert response.status_code == 401 and "Bearer" in response.headers["WWW-Authenticate"]
    assert '<form class="login" action="/admin/login" method="post">' in response.text
    assert "<svg" not in response.text
    assert client.get("/admin/stats.png", headers={"Authorization": "Bearer x"}
                      ).status_code == 401


def test_bearer_token_shows_the_charts(client: TestClient) -> None:
    page = client.get("/admin", headers=BEARER)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    svgs = re.findall(r"<svg.*?</svg>", page.text, re.S)
    assert len(svgs) == 4
    for svg in svgs:
        ElementTree.fromstring(svg)  # well-formed, whatever the log holds
    for title in ("每天的问题数", "已回答的比例", "回答的反馈", "最常见的未回答问题"):
        assert title in page.text
    assert " style=" not in page.text and not re.search(r"<script(?![^>]*\bsrc=)", page.text)
    png = client.get("/admin/stats.png", headers=BEARER)
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG\r\n\x1a\n")


def test_login_form_sets_a_session_cookie_and_logout_ends_it(make_client: MakeClient) -> None:
    client = make_client()
    wrong = client.post("/admin/login", data={"token": "guess"}, follow_redirects=False)
    assert wrong.status_code == 401 and "令牌不对" in wrong.text and COOKIE not in client.cookies
    ok = client.post("/admin/login", data={"token": TOKEN}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/admin"
    cookie = ok.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/admin" in cookie
    assert TOKEN not in cookie  # the browser never holds the token itself
    assert "<svg" in client.get("/admin").text
    client.post("/admin/logout", follow_redirects=False)
    after = client.get("/admin")
    assert "<svg" not in after.text and '<form class="login"' in after.text


def test_session_cookies_expire_and_cannot_be_forged() -> None:
    now = time.time()
    good = session_cookie(TOKEN, int(now) + 60)
    assert valid_session(TOKEN, good, now)
    assert not valid_session(TOKEN, good, now + 120)  # expired
    assert not valid_session("another-token", good, now)  # the token was changed
    expires, _, mac = good.partition(".")
    assert not valid_session(TOKEN, f"{int(expires) + 3600}.{mac}", now)  # extended by hand
    for junk in ("", ".", "abc.def", "9" * 40 + ".x", "\u202e1.2", good + "0"):
        assert not valid_session(TOKEN, junk, now)


def test_a_forged_cookie_is_refused(make_client: MakeClient) -> None:
    client = make_client()
    client.cookies.set(COOKIE, session_cookie("not-the-token", int(time.time()) + 600),
                       path="/admin")
    assert client.get("/admin").status_code == 401


def test_login_form_rejects_oversized_and_odd_bodies(client: TestClient) -> None:
    form = {"content-type": "application/x-www-form-urlencoded"}
    for body in (b"token=" + TOKEN.encode() + b"&" * 5000, b"&".join([b"a=1"] * 50),
                 b"\xff\xfe\x00", b"token=" + TOKEN.encode() + b"%00", b""):
        assert client.post("/admin/login", content=body, headers=form).status_code == 401


def _row(asked_at: datetime, question: str, found: bool, feedback: int | None) -> QuestionRow:
    return QuestionRow(asked_at=asked_at, user_hash="h", question=question, found=found,
                       top_passage_id=None, feedback=feedback)


def test_per_day_counts_and_the_charts_show_the_log(web_service: Casebot,
                                                   client: TestClient) -> None:
    log = web_service.log
    today = date.today()
    noon = datetime.combine(today, datetime.min.time()) + timedelta(hours=12)
    before = {d.day: d for d in log.per_day(today - timedelta(days=40))}
    rows = [_row(noon - timedelta(days=2), "<b>没有的事</b>\u202e", False, -1),
            _row(noon - timedelta(days=2), "<b>没有的事</b>\u202e", False, None),
            _row(noon - timedelta(days=2), "香梨", True, 1),
            _row(noon - timedelta(days=35), "很久以前", True, None)]
    with Session(log.engine) as s, s.begin():
        s.add_all(rows)
    days = {d.day: d for d in log.per_day(today - timedelta(days=29))}
    two = today - timedelta(days=2)
    old = before.get(two)
    assert days[two].questions == (old.questions if old else 0) + 3
    assert days[two].answered == (old.answered if old else 0) + 1
    assert today - timedelta(days=35) not in days
    page = client.get("/admin", headers=BEARER).text
    assert "&lt;b&gt;没有的事&lt;/b&gt;" in page and "<b>没有的事" not in page
    assert "\u202e" not in page.split("<svg", 1)[1].split("</svg>")[-2]  # charts: no bidi
    assert f"<td>{two.isoformat()}</td>" in page
