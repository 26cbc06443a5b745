"""The web page and the HTTP API, through HTTP (FastAPI's TestClient; no browser).

Every route, hostile input on every route, and the API scoring a whole question set
exactly as `casebot ask --json` does.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.service import Casebot
from bot.web.app import create_app

DATA = Path(__file__).resolve().parents[1] / "data"
QUESTION = "哪个部门修订了畜禽屠宰管理条例?"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Casebot]:
    s = Casebot.open(tmp_path_factory.mktemp("web") / "casebot.db")
    yield s
    s.close()


@pytest.fixture
def client(service: Casebot) -> TestClient:
    return TestClient(create_app(service, rate_limit=10_000))


def test_home_lists_documents_and_a_search_form(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<form role="search" action="/" method="get">' in page.text
    assert 'name="q"' in page.text and 'lang="zh-Hans"' in page.text
    assert "自治区强化食品安全全链条监管典型案例" in page.text
    assert "Content-Security-Policy" in page.headers and "'unsafe-inline'" not in \
        page.headers["Content-Security-Policy"]
    assert "<script>" not in page.text  # no inline script


def test_answer_page_with_direct_answer_quote_and_citation_link(client: TestClient) -> None:
    page = client.get("/", params={"q": QUESTION})
    assert page.status_code == 200
    assert '<p class="direct"><strong>' in page.text and "市场监管" in page.text
    assert "<mark>" in page.text  # matched words marked
    link = re.search(r'href="(/doc/(\d+)\?script=simplified#p(\d+))"', page.text)
    assert link, page.text[:2000]
    doc = client.get(link.group(1).split("#")[0])
    assert doc.status_code == 200
    assert f'id="p{link.group(3)}"' in doc.text  # the anchor the citation points at
    assert "修订《新疆维吾尔自治区畜禽屠宰管理条例》" in doc.text


def test_a_traditional_question_gets_traditional_text_and_a_switch(client: TestClient) -> None:
    page = client.get("/", params={"q": "哪個部門修訂了畜禽屠宰管理條例?"})
    assert 'lang="zh-Hant"' in page.text and "市場監管" in page.text
    switched = client.get("/", params={"q": "哪個部門修訂了畜禽屠宰管理條例?",
                                       "script": "simplified"})
    assert 'lang="zh-Hans"' in switched.text and "市场监管" in switched.text


def test_not_found_is_honest_and_more_results_page(client: TestClient) -> None:
    missing = client.get("/", params={"q": "个人所得税怎么申报?"})
    assert missing.status_code == 200 and "没有找到" in missing.text
    assert '<p class="direct">' not in missing.text
    first = client.get("/", params={"q": "香梨"})
    more = client.get("/", params={"q": "香梨", "more": 3})
    assert more.text.count("<blockquote>") > first.text.count("<blockquote>")


def test_unknown_document_is_a_404_page(client: TestClient) -> None:
    page = client.get("/doc/99999")
    assert page.status_code == 404 and "没有这份文件" in page.text
    assert client.get("/doc/abc").status_code == 422


@pytest.mark.parametrize("q", [
    "<script>alert(1)</script>哪个部门修订了畜禽屠宰管理条例?",
    "' OR 1=1; DROP TABLE passages; --",
    'NEAR(香梨 品牌, 2) OR "title":*',
    "香梨\x00品牌",
    "\u202e香梨品牌价值\u202c",
    "香梨" * 3000,
    "ab " * 3400,  # 10,200 characters
    "",
])
def test_hostile_input_never_a_5xx_and_always_escaped(client: TestClient, q: str) -> None:
    for path in ("/", "/api/ask"):
        response = client.get(path, params={"q": q})
        assert response.status_code < 500, (path, response.text[:500])
    page = client.get("/", params={"q": q})
    assert "<script>alert(1)</script>" not in page.text


def test_api_ask_docs_healthz_and_openapi(client: TestClient) -> None:
    data = client.get("/api/ask", params={"q": QUESTION, "top": 2}).json()
    assert data["status"] == "answered" and len(data["passages"]) == 2
    assert client.get("/api/ask", params={"q": QUESTION, "top": 99}).status_code == 422
    docs = client.get("/api/docs").json()
    assert docs and docs[0]["url"] == f"/doc/{docs[0]['id']}" and "source" not in docs[0]
    assert client.get("/healthz").json()["ok"] is True
    spec = client.get("/openapi.json").json()
    assert "/api/ask" in spec["paths"] and "/healthz" in spec["paths"]


def test_per_client_limit(service: Casebot) -> None:
    client = TestClient(create_app(service, rate_limit=3, rate_window=60))
    codes = [client.get("/api/ask", params={"q": "香梨"}).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]


def test_api_scores_a_set_exactly_as_the_cli(service: Casebot, client: TestClient,
                                             tmp_path: Path) -> None:
    questions = [json.loads(line)["q"] for line in
                 (DATA / "qa_dev.jsonl").read_text("utf-8").splitlines()[:40]]
    cli = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "--json", "--db",
                          str(service.db_path)], input="\n".join(questions) + "\n",
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert cli.returncode == 0, cli.stderr
    want = [json.loads(line) for line in cli.stdout.splitlines()]
    got = [client.get("/api/ask", params={"q": q}).json() for q in questions]
    assert got == want


def test_casebot_web_serves(service: Casebot, tmp_path: Path) -> None:
    """The real command: a uvicorn process on a free loopback port."""
    import socket
    import time
    import urllib.parse
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "web", "--db", str(service.db_path),
                             "--port", str(port)], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60  # a bound against hanging only
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                    assert json.loads(r.read())["ok"] is True
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "did not start"
                time.sleep(0.1)
        url = f"http://127.0.0.1:{port}/?q=" + urllib.parse.quote(QUESTION)
        with urllib.request.urlopen(url, timeout=30) as r:
            assert "市场监管" in r.read().decode()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
