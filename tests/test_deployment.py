"""The deployment of deploy/, run for real: nginx in front of stateless casebot instances
on one PostgreSQL index.

Debian's nginx runs ``deploy/nginx/casebot.conf`` as shipped (only the loopback ports
are chosen here); every ``server`` line of its upstreams is an instance, started with
the command and environment of its systemd unit (``deploy/systemd/``) — two webhook
``casebot bot`` and two ``casebot web`` instances today; one more is one line in the
configuration.  Telegram is the fake Bot API (``tests/bot/fake_bot_api.py``): its
updates are posted to nginx as Telegram posts them to the webhook URL, and the
instances answer through the fake.  Nothing leaves 127.0.0.1.

What must hold:

* updates posted to nginx are spread over the bot instances and every one is answered;
* a button pressed on an answer given by one instance works when another receives it;
* a user's rate limit holds across instances;
* /reindex through one instance is seen by all, while all of them keep serving — the
  re-index is held open in its write transaction (``tests/index_gate.py``) while
  questions go to every instance, bot and web.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from bot.service import Casebot
from deploy.local import Instance, Nginx, plan
from tests.bot.conftest import ADMIN_ID, BOT_USERNAME, TOKEN, bot_env
from tests.bot.fake_bot_api import Call, FakeBotAPI
from tests.bot.telegram_html import parse_telegram_html
from tests.index_gate import IndexGate

REPO = Path(__file__).resolve().parents[1]
HOOK_PATH = "/casebot/hook"  # TELEGRAM_WEBHOOK_URL's path, as in deploy/nginx/casebot.conf
PUBLIC_HOOK = f"https://bot.example.invalid{HOOK_PATH}"
SECRET = "deploy-Secret_16"
RATE_LIMIT = 6
QUESTION = "哪个部门修订了畜禽屠宰管理条例?"
NEW_DOCUMENT = ("某县农村供水典型案例\n一、某县做法\n县水利局出台《农村饮水安全管理办法》,"
                "明确水源保护责任。\n")
NEW_QUESTION = "农村饮水安全管理办法是谁出台的?"
STARTUP = 90.0  # a bound against hanging, not an expectation of speed

JSON = dict[str, Any]
_UPDATE_IDS = itertools.count(10**9)
_USERS = itertools.count(5001)


@dataclass
class Running:
    instance: Instance
    proc: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        path = HOOK_PATH if self.instance.kind == "casebot_bot" else ""
        return f"http://127.0.0.1:{self.instance.port}{path}"

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")

    def answered(self) -> int:
        return self.output().count("question answered:")


@dataclass
class Deployment:
    fake: FakeBotAPI
    nginx: Nginx
    bots: list[Running]
    webs: list[Running]
    db_url: str
    corpus_dir: Path
    gate: IndexGate

    @property
    def hook(self) -> str:
        return self.nginx.url + HOOK_PATH


def post_update(url: str, update: JSON) -> int:
    body = json.dumps(dict(update, update_id=next(_UPDATE_IDS))).encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def visible(call: Call) -> str:
    return parse_telegram_html(str(call.params["text"])).text


def buttons(call: Call) -> dict[str, str]:
    markup = call.params.get("reply_markup") or {}
    return {b["text"]: b.get("callback_data", "") for row in markup.get("inline_keyboard", [])
            for b in row}


def to_chat(chat_id: int) -> Callable[[Call], bool]:
    return lambda c: c.params.get("chat_id") == chat_id


def ask(dep: Deployment, url: str, question: str, user: int) -> Call:
    """Post a user's message to ``url`` (nginx or one instance); the bot's reply."""
    mark = dep.fake.mark()
    assert post_update(url, dep.fake.message(question, user_id=user)) == 200
    return dep.fake.wait_for("sendMessage", to_chat(user), after=mark)


def press(dep: Deployment, url: str, data: str, user: int, method: str) -> Call:
    mark = dep.fake.mark()
    update = dep.fake.callback_query(data, user_id=user)
    assert post_update(url, update) == 200
    query_id = update["callback_query"]["id"]
    dep.fake.wait_for("answerCallbackQuery",
                      lambda c: c.params.get("callback_query_id") == query_id, after=mark)
    return dep.fake.wait_for(method, to_chat(user), after=mark)


def web_ask(url: str, question: str) -> JSON:
    result: JSON = get_json(f"{url}/api/ask?top=1&q={urllib.parse.quote(question)}")
    return result


def _start(instance: Instance, env: dict[str, str], workdir: Path) -> Running:
    log = workdir / f"{instance.kind}-{instance.port}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(instance.argv, cwd=workdir, env={**env, **instance.env},
                                stdout=out, stderr=subprocess.STDOUT)
    return Running(instance, proc, log)


def _wait(condition: Callable[[], bool], what: str, running: list[Running]) -> None:
    deadline = time.monotonic() + STARTUP
    while not condition():
        for r in running:
            if r.proc.poll() is not None:
                pytest.fail(f"{r.instance.kind} on {r.instance.port} exited:\n"
                            f"{r.output()[-3000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"{what} within {STARTUP}s")
        time.sleep(0.1)


def _web_up(r: Running) -> bool:
    try:
        return bool(get_json(f"{r.url}/healthz").get("ok"))
    except OSError:
        return False


@pytest.fixture(scope="module")
def deployment(pg_database: Callable[[str], str],
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    workdir = tmp_path_factory.mktemp("deploy")
    url = pg_database("deploy")
    Casebot.open(url).close()  # `casebot index` once, before the instances start
    corpus_dir = workdir / "uploads"  # shared by every instance, as the README says
    corpus_dir.mkdir()
    gate = IndexGate(workdir / "gate")
    fake = FakeBotAPI(token=TOKEN, bot_username=BOT_USERNAME).start()
    site, port, instances = plan([sys.executable, "-m", "bot.cli"])
    env = bot_env(fake, corpus_dir, CASEBOT_DB=url, TELEGRAM_WEBHOOK_URL=PUBLIC_HOOK,
                  TELEGRAM_WEBHOOK_SECRET=SECRET, CASEBOT_RATE_LIMIT=str(RATE_LIMIT),
                  CASEBOT_LOG_LEVEL="INFO", **gate.env())
    env["PYTHONPATH"] = os.pathsep.join([env["PYTHONPATH"], str(REPO)])
    running = [_start(i, env, workdir) for i in instances]
    nginx = Nginx(site, port, workdir / "nginx")
    dep = Deployment(fake, nginx, [r for r in running if r.instance.kind == "casebot_bot"],
                     [r for r in running if r.instance.kind == "casebot_web"], url, corpus_dir,
                     gate)
    try:
        assert len(dep.bots) >= 2 and len(dep.webs) >= 2
        _wait(lambda: len(fake.calls_of("setWebhook")) >= len(dep.bots),
              "the bot instances did not register the webhook", running)
        _wait(lambda: all(_web_up(r) for r in dep.webs), "the web instances did not start",
              running)
        nginx.start()
        yield dep
    finally:
        nginx.stop()
        for r in running:
            if r.proc.poll() is None:
                r.proc.terminate()
        for r in running:
            try:
                r.proc.wait(15)
            except subprocess.TimeoutExpired:
                r.proc.kill()
        fake.stop()
        shutil.rmtree(corpus_dir, ignore_errors=True)


def test_every_instance_registered_the_one_webhook(deployment: Deployment) -> None:
    hooks = deployment.fake.calls_of("setWebhook")
    assert {c.params["url"] for c in hooks} == {PUBLIC_HOOK}
    assert {c.params["secret_token"] for c in hooks} == {SECRET}


def test_updates_through_nginx_reach_every_bot_instance(deployment: Deployment) -> None:
    before = [r.answered() for r in deployment.bots]
    for _ in range(2 * len(deployment.bots)):
        reply = ask(deployment, deployment.hook, QUESTION, next(_USERS))
        assert "畜禽屠宰管理條例" in visible(reply) or "畜禽屠宰管理条例" in visible(reply)
    # Round robin: each instance answered some of them (counted in its own log).
    assert all(r.answered() > b for r, b in zip(deployment.bots, before, strict=True))
    # Without the shared secret nginx passes the update on, and the instance refuses it.
    bad = dict(deployment.fake.message(QUESTION, user_id=next(_USERS)), update_id=1)
    request = urllib.request.Request(deployment.hook, data=json.dumps(bad).encode(),
                                     method="POST", headers={
                                         "Content-Type": "application/json",
                                         "X-Telegram-Bot-Api-Secret-Token": "wrong"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


def test_a_button_works_on_another_instance(deployment: Deployment) -> None:
    first, second = deployment.bots[0], deployment.bots[1]
    user = next(_USERS)
    reply = ask(deployment, first.url, QUESTION, user)  # answered by the first instance
    keys = buttons(reply)
    # 更多结果 and 👍 pressed where the answer was not given: the question comes from the
    # shared log, the vote lands in it.
    page = press(deployment, second.url, keys["更多结果"], user, "editMessageText")
    assert "第 4–6 条结果" in visible(page)
    assert page.params["message_id"] == reply.result["message_id"]
    case = press(deployment, second.url, keys["查看全文"], user, "sendMessage")
    assert visible(case).startswith("案例2")
    vote = next(data for label, data in keys.items() if label.startswith("👍"))
    mark = deployment.fake.mark()
    update = deployment.fake.callback_query(vote, user_id=user)
    assert post_update(second.url, update) == 200
    deployment.fake.wait_for("answerCallbackQuery", after=mark)
    qid = int(vote.split(":")[1])
    engine = create_engine(deployment.db_url)
    try:
        with engine.connect() as c:
            assert c.execute(text("SELECT feedback FROM questions WHERE id = :i"),
                             {"i": qid}).scalar() == 1
    finally:
        engine.dispose()
    # And through nginx, whichever instance it picks.
    back = press(deployment, deployment.hook, buttons(page)["« 返回"], user, "editMessageText")
    assert visible(back) == visible(reply)
    deployment.fake.assert_no_errors()


def test_a_users_limit_holds_across_instances(deployment: Deployment) -> None:
    user = next(_USERS)
    targets = itertools.cycle([r.url for r in deployment.bots] + [deployment.hook])
    for _ in range(RATE_LIMIT):
        assert "——" in visible(ask(deployment, next(targets), QUESTION, user))
    # One more, wherever it lands: refused with the notice, once.
    notice = ask(deployment, next(targets), QUESTION, user)
    assert "太快" in visible(notice)
    mark = deployment.fake.mark()
    for url in [r.url for r in deployment.bots]:
        assert post_update(url, deployment.fake.message(QUESTION, user_id=user)) == 200
    other = next(_USERS)  # a sentinel: once it is answered, the two above were handled
    for url in [r.url for r in deployment.bots]:
        ask(deployment, url, QUESTION, other)
    assert not [c for c in deployment.fake.calls[mark:]
                if c.method == "sendMessage" and c.params.get("chat_id") == user]


def test_reindex_through_one_instance_reaches_all_while_they_keep_serving(
        deployment: Deployment) -> None:
    dep = deployment
    (dep.corpus_dir / "water.txt").write_text(NEW_DOCUMENT, encoding="utf-8")
    mark = dep.fake.mark()
    assert post_update(dep.hook, dep.fake.message("/reindex", user_id=ADMIN_ID)) == 200
    dep.gate.wait_entered()  # held inside its write transaction, rows written
    try:
        # Every instance keeps answering, from the index as it was.
        for target in [*(r.url for r in dep.bots), dep.hook]:
            assert "——" in visible(ask(dep, target, QUESTION, next(_USERS)))
            assert "没有找到" in visible(ask(dep, target, NEW_QUESTION, next(_USERS)))
        for target in [*(r.url for r in dep.webs), dep.nginx.url]:
            assert web_ask(target, QUESTION)["status"] == "answered"
            assert web_ask(target, NEW_QUESTION)["status"] == "not_found"
    finally:
        dep.gate.release()
    report = dep.fake.wait_for("sendMessage", lambda c: "索引已重建" in str(c.params["text"]),
                               after=mark, timeout=120)
    assert "新增 1" in visible(report)
    # The new index, on every instance (each reads the generation with each question).
    for target in [*(r.url for r in dep.bots), dep.hook]:
        assert "县水利局" in visible(ask(dep, target, NEW_QUESTION, next(_USERS)))
    for target in [*(r.url for r in dep.webs), dep.nginx.url]:
        answer = web_ask(target, NEW_QUESTION)
        assert answer["status"] == "answered"
        assert "县水利局" in answer["passages"][0]["text"]
    dep.fake.assert_no_errors()
