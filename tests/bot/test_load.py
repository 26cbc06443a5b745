"""Load: 1,000 questions from 50 users at once, through the fake Bot API and the real bot.

One bot process of its own (not the shared ``bot_proc``: its rate limiter and question log
must start empty, and the limit is raised to 20 per 60 s).  The test plays 50 users who each
ask 20 questions — the dev set's questions, out-of-scope ones included, plus hostile strings
— pushed as fast as the fake accepts them, interleaved as real traffic would be, and one
more user who floods 30 messages to hit the limit.  Then it checks that nothing was lost,
refused or crashed, and prints how long each question took (``pytest -s`` shows it).

Handling time is measured from the push of an update to the arrival at the fake of the
``sendMessage`` answering it, both on the fake's clock (``time.time``).  The bot answers a
user's questions concurrently, so a reply carries no link to its question in a private chat;
a chat's k-th reply is paired with its k-th question (both in time order), which is exact
when replies keep order and otherwise only swaps latencies within one user's questions.

Why two tests.  The bot sends through PTB's ``AIORateLimiter``, which keeps to Telegram's
flood limit of 30 messages per second overall (the real Telegram answers 429 beyond it).
A burst of 1,000 questions therefore takes at least 1,000 / 30 ≈ 34 s to answer, and the
push-to-reply time of the burst is mostly time spent queueing for that limit: p95 ≈ 31 s by
construction, whatever the answer engine's speed.  So the burst test asserts what a burst
can show — nothing lost, nothing refused, one reply per question, never faster than the
flood limit — and prints its latencies; the paced test asks at 20 questions per second,
under the flood limit, and prints the handling time.

Neither asserts a speed: these tests must hold on any machine, loaded or not (timeouts
here only bound a hang).  Speed is the benchmark's business (``make bench``), measured
as ratios against peers in the same run.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import BotProcess, running_bot
from .fake_bot_api import Call, FakeBotAPI
from .telegram_html import parse_telegram_html

QA_DEV = Path(__file__).resolve().parents[1] / "data" / "qa_dev.jsonl"

USERS = 50
QUESTIONS_PER_USER = 20
LIMIT = 20  # CASEBOT_RATE_LIMIT for this process: every regular user stays within it
WINDOW = 60
FLOODER = 990_001
FLOOD = 30  # the flooder's messages: 10 more than the limit
FIRST_USER = 900_001

HANG_BOUND = 600.0  # seconds: only a hung bot takes this long (1,030 replies at ≤ 30/s)
FLOOD_LIMIT = 30.0  # messages per second: Telegram's, kept by PTB's AIORateLimiter

PACED_USERS = 20
PACED_PER_USER = 10
PACED_RATE = 20.0  # questions per second: under FLOOD_LIMIT, so nothing queues for it
PACED_FIRST_USER = 950_001

# Strings that would break naive HTML building or a naive FTS5 query.
HOSTILE = [
    "<b>", "</blockquote>", '"', "'\"<>&", "AND OR NOT", "NEAR(香梨 乳制品)", "香梨 AND",
    "* OR *", "&amp;&lt;", "<script>alert(1)</script>", "🍐🍐🍐", "%s %d {0}", "\\", ";--",
]


def questions() -> list[str]:
    """The dev set's questions (every kind, out-of-scope included) and the hostile strings."""
    with QA_DEV.open(encoding="utf-8") as f:
        dev = [str(json.loads(line)["q"]) for line in f if line.strip()]
    return dev + HOSTILE


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (no interpolation: an observed value)."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


@pytest.fixture(scope="module")
def load_bot(index_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    """A bot process of its own, limit 20 per 60 s; INFO logging so that 2,000 log lines of
    DEBUG request dumps do not become the thing measured."""
    with running_bot(index_db, tmp_path_factory.mktemp("load"),
                     CASEBOT_RATE_LIMIT=str(LIMIT), CASEBOT_RATE_WINDOW=str(WINDOW),
                     CASEBOT_LOG_LEVEL="INFO") as bp:
        yield bp


def summarise(latencies: list[float]) -> str:
    return (f"p50 {statistics.median(latencies):.2f}s, p95 {percentile(latencies, 0.95):.2f}s, "
            f"max {max(latencies):.2f}s")


def latencies_of(users: list[int], pushed_at: dict[int, list[float]],
                 got: dict[int, list[Call]]) -> list[float]:
    """Push-to-reply seconds, pairing each chat's k-th question with its k-th reply."""
    return [
        reply.time - pushed
        for user in users
        for pushed, reply in zip(sorted(pushed_at[user]),
                                 sorted(got[user], key=lambda c: c.time), strict=True)
    ]


def replies_by_chat(fake: FakeBotAPI, after: int) -> dict[int, list[Call]]:
    """Answered sendMessage calls since ``after``, per chat, in arrival order."""
    out: dict[int, list[Call]] = {}
    for call in fake.calls[after:]:
        if call.method == "sendMessage" and call.done:
            out.setdefault(int(call.params["chat_id"]), []).append(call)
    return out


def wait_for_replies(fake: FakeBotAPI, after: int, expected: dict[int, int],
                     timeout: float) -> dict[int, list[Call]]:
    """Wait until every chat in ``expected`` has at least that many replies, then a little
    longer (0.5 s of quiet) so that extra, unwanted replies would be seen too."""
    deadline = time.monotonic() + timeout
    while True:
        got = replies_by_chat(fake, after)
        if all(len(got.get(chat, [])) >= n for chat, n in expected.items()):
            break
        if time.monotonic() > deadline:
            short = {c: len(got.get(c, [])) for c, n in expected.items()
                     if len(got.get(c, [])) < n}
            raise AssertionError(f"replies missing after {timeout}s (chat: got): {short}")
        time.sleep(0.05)
    settled = sum(len(v) for v in got.values())
    while True:
        time.sleep(0.5)
        got = replies_by_chat(fake, after)
        total = sum(len(v) for v in got.values())
        if total == settled:
            return got
        settled = total


def test_1000_questions_from_50_users_and_one_flooder(load_bot: BotProcess) -> None:
    fake = load_bot.fake
    pool = questions()
    users = [FIRST_USER + i for i in range(USERS)]
    # Round-robin over users, each walking the pool from its own offset: 1,000 questions,
    # every one of the pool's questions asked several times, by different users.
    plan = [(user, pool[(u * 7 + k) % len(pool)])
            for k in range(QUESTIONS_PER_USER) for u, user in enumerate(users)]
    plan[len(plan) // 2:len(plan) // 2] = [(FLOODER, f"香梨品牌价值 {i}") for i in range(FLOOD)]

    mark = fake.mark()
    pushed_at: dict[int, list[float]] = {}
    started = time.time()
    for user, text in plan:
        update = fake.message(text, user_id=user)
        fake.push_update(update)
        pushed_at.setdefault(user, []).append(time.time())
    push_seconds = time.time() - started

    expected = {user: QUESTIONS_PER_USER for user in users}
    expected[FLOODER] = LIMIT + 1  # the limit's worth of answers and one notice
    got = wait_for_replies(fake, mark, expected, timeout=HANG_BOUND)
    fake.wait_until_confirmed(timeout=10)
    finished = max(c.time for calls in got.values() for c in calls)

    # Nothing lost: every update confirmed, every regular question answered exactly once.
    assert fake.pending_updates() == 0
    counts = {user: len(got.get(user, [])) for user in users}
    assert all(n == QUESTIONS_PER_USER for n in counts.values()), counts
    assert set(got) <= {*users, FLOODER}, "a reply went to a chat that asked nothing"

    # The flooder: at most the limit's answers, and exactly one friendly notice.
    flood = [parse_telegram_html(str(c.params["text"])).text for c in got.get(FLOODER, [])]
    notices = [t for t in flood if "太快" in t]
    assert len(notices) == 1, flood
    assert len(flood) - len(notices) <= LIMIT

    # Telegram (the fake) refused nothing: valid HTML, ≤ 4096, known chats …
    assert fake.errors == [], fake.errors[:5]
    assert fake.server_errors == []
    output = load_bot.output()
    assert "Traceback" not in output, output[-3000:]
    assert "Error while handling" not in output
    assert load_bot.alive()

    latencies = latencies_of(users, pushed_at, got)
    total = finished - started
    rate = sum(len(v) for v in got.values()) / total
    print(f"\nload (burst): {len(plan)} updates pushed in {push_seconds:.2f}s; "
          f"{sum(counts.values())} answers to {USERS} users + {len(flood)} to the flooder "
          f"in {total:.1f}s ({rate:.1f} messages/s; Telegram's cap {FLOOD_LIMIT:.0f})")
    print(f"load (burst): push → sendMessage, queueing for the flood limit included: "
          f"{summarise(latencies)}")
    # The limiter's bucket holds one second's worth: over the run, at most that much above.
    assert rate <= FLOOD_LIMIT * (1 + 1.5 / total), rate


def test_handling_time_at_20_questions_per_second(load_bot: BotProcess) -> None:
    fake = load_bot.fake
    pool = questions()
    users = [PACED_FIRST_USER + i for i in range(PACED_USERS)]
    plan = [(user, pool[(u * 11 + k) % len(pool)])
            for k in range(PACED_PER_USER) for u, user in enumerate(users)]
    fake.wait_until_confirmed(timeout=30)  # whatever ran before has been taken
    mark = fake.mark()
    pushed_at: dict[int, list[float]] = {}
    started = time.monotonic()
    for i, (user, text) in enumerate(plan):
        # Push on a fixed schedule (not "sleep after each"), so a slow push does not
        # lower the rate.
        delay = started + i / PACED_RATE - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        fake.push_update(fake.message(text, user_id=user))
        pushed_at.setdefault(user, []).append(time.time())

    got = wait_for_replies(fake, mark, {user: PACED_PER_USER for user in users},
                           timeout=HANG_BOUND)
    assert {user: len(got.get(user, [])) for user in users} == \
        {user: PACED_PER_USER for user in users}
    assert fake.errors == []
    assert load_bot.alive()
    latencies = latencies_of(users, pushed_at, got)
    print(f"\nload (paced): {len(plan)} questions at {PACED_RATE:.0f}/s from {PACED_USERS} "
          f"users; push → sendMessage: {summarise(latencies)}")
