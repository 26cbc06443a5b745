"""A web page's info bar (来源：…  发布时间：2024-07-16 09:31) is furniture to the reader, kept
as the document's issuer and date, not as a passage: questions about the page itself are
answered from it, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot.service import Casebot

PAGE = """<html><head><meta charset="utf-8"><title>综述-青川市人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
<div class="article">
<h1>青川市应急管理局上半年安全生产工作综述</h1>
<div class="info">来源：青川市应急管理局　　发布时间：2024-07-16 09:31　　浏览次数：2386　　【字体：大 中 小】</div>
<p>日前，记者从青川市应急管理局获悉，全市安全生产形势总体平稳。</p>
<p>4月15日，市政府正式发布修订后的《青川市自然灾害救助应急预案》。</p>
</div></body></html>"""


def test_the_pages_own_issuer_and_date(tmp_path: Path,
                                       store_target: Callable[[str], Path | str]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    svc = Casebot.open(store_target("labels"), build=True)
    try:
        svc.index([folder], rebuild=True)
        when = svc.answer("这篇综述哪天发布的?")
        # Not the 4月15日 the text gives for another document, nor "does not say".
        assert when.found and when.answer == "2024-07-16", when
        assert svc.answer("这篇文章来源是哪个单位?").answer == "青川市应急管理局"
        assert svc.answer("这篇综述是哪个单位发的?").answer == "青川市应急管理局"
    finally:
        svc.close()
