"""The question log: what was asked, whether it was answered, and the feedback.

User ids never reach this table: callers pass a salted hash (see
``bot.settings.Settings.user_hash``).

On SQLite the log has a file of its own beside the index (``casebot.db`` →
``casebot-questions.db``, see :func:`open_question_log`): SQLite locks a whole
file for writing, and a re-index holds the index's write lock for as long as it
writes, so questions logged into the index file would wait on it — and fail once
a large re-index outlasts the busy timeout.  Re-indexing never touches the log.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import Connection, Engine, case, func, insert, inspect, select, update
from sqlalchemy.orm import Session

from indexer.models import QuestionRow


@dataclass(frozen=True)
class Entry:
    """One question to log, as :meth:`QuestionLog.record_many` takes it."""

    user_hash: str | None
    question: str
    found: bool
    top_passage_id: int | None
    asked_at: datetime = field(default_factory=datetime.now)  # when asked, not when written


@dataclass(frozen=True)
class Stats:
    questions: int
    answered: int
    users: int
    thumbs_up: int
    thumbs_down: int
    top_unanswered: list[tuple[str, int]]

    @property
    def answered_share(self) -> float:
        return self.answered / self.questions if self.questions else 0.0


@dataclass(frozen=True)
class DayCount:
    """Questions asked on one day (local time, as ``asked_at`` is stored) and how many
    of them were answered."""

    day: date
    questions: int
    answered: int


@dataclass(frozen=True)
class Logged:
    question: str
    user_hash: str | None


class QuestionLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, question_id: int) -> Logged | None:
        """A logged question by id (buttons refer to questions by id)."""
        with Session(self.engine) as s:
            row = s.get(QuestionRow, question_id)
            return Logged(row.question, row.user_hash) if row is not None else None

    def record(self, user_hash: str | None, question: str, found: bool,
               top_passage_id: int | None) -> int:
        with Session(self.engine) as s, s.begin():
            row = QuestionRow(user_hash=user_hash, question=question[:500], found=found,
                              top_passage_id=top_passage_id, feedback=None)
            s.add(row)
            s.flush()
            return row.id

    def record_many(self, entries: Sequence[Entry]) -> None:
        """Log ``entries`` in one transaction, in order (no ids back).  Why: a writer that
        falls behind writes what has queued up at once — one commit and one statement for
        many rows costs a fraction of one ORM transaction per row."""
        if not entries:
            return
        with self.engine.begin() as c:
            c.execute(insert(QuestionRow), [
                {"asked_at": e.asked_at, "user_hash": e.user_hash, "question": e.question[:500],
                 "found": e.found, "top_passage_id": e.top_passage_id, "feedback": None}
                for e in entries])

    def feedback(self, question_id: int, value: int) -> bool:
        """Record +1/-1 for a logged question; False if there is no such question."""
        with Session(self.engine) as s, s.begin():
            result = s.execute(update(QuestionRow).where(QuestionRow.id == question_id)
                               .values(feedback=1 if value > 0 else -1))
            return bool(getattr(result, "rowcount", 0))

    def stats(self, top: int = 10) -> Stats:
        with Session(self.engine) as s:
            total = s.scalar(select(func.count(QuestionRow.id))) or 0
            answered = s.scalar(select(func.count()).where(QuestionRow.found.is_(True))) or 0
            users = s.scalar(select(func.count(func.distinct(QuestionRow.user_hash)))) or 0
            up = s.scalar(select(func.count()).where(QuestionRow.feedback == 1)) or 0
            down = s.scalar(select(func.count()).where(QuestionRow.feedback == -1)) or 0
            rows = s.execute(
                select(QuestionRow.question, func.count().label("n"))
                .where(QuestionRow.found.is_(False))
                .group_by(QuestionRow.question).order_by(func.count().desc()).limit(top)
            ).all()
        return Stats(total, answered, users, up, down, [(q, n) for q, n in rows])

    def per_day(self, since: date) -> list[DayCount]:
        """Questions per day from ``since`` on, oldest first; days without any are absent."""
        day = func.date(QuestionRow.asked_at)  # SQLite and PostgreSQL both have date()
        with Session(self.engine) as s:
            rows = s.execute(
                select(day, func.count(),
                       func.sum(case((QuestionRow.found.is_(True), 1), else_=0)))
                .where(QuestionRow.asked_at >= datetime.combine(since, time.min))
                .group_by(day).order_by(day)).all()
        # SQLite gives the day as text, PostgreSQL as a date.
        return [DayCount(d if isinstance(d, date) else date.fromisoformat(str(d)), int(n),
                         int(a or 0)) for d, n, a in rows]


def log_path(db_path: Path | str) -> Path | None:
    """Where the question log of the SQLite index at ``db_path`` lives (None: in memory)."""
    if str(db_path) == ":memory:":
        return None
    path = Path(db_path)
    return path.with_name(f"{path.stem}-questions{path.suffix or '.db'}")


def open_question_log(index_engine: Engine, db_path: Path | str) -> QuestionLog:
    """The question log for the index at ``db_path``, in its own file.

    Questions an earlier version logged inside the index file are moved over
    the first time, so no history is lost.
    """
    from indexer.db import make_engine

    path = log_path(db_path)
    if path is None:
        QuestionRow.__table__.create(index_engine, checkfirst=True)  # type: ignore[attr-defined]
        return QuestionLog(index_engine)
    fresh = not path.exists()
    engine = make_engine(path)
    with engine.begin() as c:
        c.exec_driver_sql("PRAGMA journal_mode = WAL")
        QuestionRow.__table__.create(c, checkfirst=True)  # type: ignore[attr-defined]
        if fresh:
            _move_old_rows(index_engine, c)
    return QuestionLog(engine)


def _move_old_rows(index_engine: Engine, target: Connection) -> None:
    if "questions" not in inspect(index_engine).get_table_names():
        return
    with index_engine.connect() as c:
        rows = [dict(r._mapping) for r in c.execute(select(QuestionRow.__table__))]
    if rows:
        target.execute(insert(QuestionRow), rows)
