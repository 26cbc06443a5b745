"""The PostgreSQL store: one index shared by any number of serving processes.

Same SQLAlchemy models as SQLite; the full-text side differs:

* ``passage_fts`` holds, per passage, a ``tsvector`` of exactly the tokens FTS5
  indexes on SQLite (:mod:`indexer.storage.tokens`: the same jieba words, split
  and case-folded by the same unicode61 tokenizer; built from that token list as
  the ``simple`` configuration would — no stemming, no stop words — and not
  re-parsed by PostgreSQL's own parser, which splits CJK differently), a GIN
  index on it, the token count and each lexeme's frequency;
* BM25 is FTS5's formula (k1 = 1.2, b = 0.75, IDF floored at 1e-6) over
  statistics kept in tables — ``vocab`` (passages per term), the row and token
  totals in ``meta`` — computed with the same floating-point operations in the
  same order, ties broken by passage id as SQLite's sort leaves them: the same
  candidates with the same scores (:mod:`indexer.storage.pgsearch`);
* a re-index is one transaction under an advisory lock (one writer at a time);
  readers see the old or the new index (MVCC); it bumps ``meta.generation``,
  which every searcher reads with each question, and sends ``NOTIFY casebot_index``;
* the question log and per-user limits live in the same database, so any
  process can serve any update.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

from indexer.errors import CorruptIndex, IndexMissing, IndexOutdated, StoreUnreachable
from indexer.schema import SCHEMA_VERSION
from indexer.storage import IndexTxn, Storage
from indexer.storage.tokens import tokenizer

if TYPE_CHECKING:
    from indexer.qlog import QuestionLog
    from indexer.search import Searcher
    from indexer.storage.limits import LimitStore

WRITER_LOCK = 0x6361_7365  # pg_advisory_xact_lock key: one index writer at a time ("case")
SCHEMA_LOCK = WRITER_LOCK + 1
NOTIFY_CHANNEL = "casebot_index"
# tsvector lexemes are at most 2046 bytes and b-tree keys about 2700: a longer token
# (a run of letters without a separator) is kept under a digest of itself.
MAX_LEXEME_BYTES = 1000
MAX_POSITION = 16383  # tsvector positions stop here (only phrases read them)
MAX_POSITIONS = 256  # positions kept per lexeme (frequencies are kept whole in ``tf``)
CONNECT_TIMEOUT = 10

_DDL = (
    # tf[k] is the frequency of the k-th lexeme of tsv (lexemes are stored sorted
    # by their bytes): positions are capped, frequencies must not be.
    "CREATE TABLE IF NOT EXISTS passage_fts ("
    " passage_id integer PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,"
    " ntok integer NOT NULL, tf integer[] NOT NULL, tsv tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS passage_fts_tsv ON passage_fts USING gin (tsv)",
    "CREATE TABLE IF NOT EXISTS rate_limits (key text PRIMARY KEY, "
    " hits double precision[] NOT NULL DEFAULT '{}', noticed double precision, "
    " updated double precision NOT NULL DEFAULT 0)",
    "INSERT INTO meta(key, value) VALUES ('generation', '0'), ('fts_rows', '0'), "
    "('fts_tokens', '0') ON CONFLICT (key) DO NOTHING",
)
_OWN_TABLES = ("passage_fts",)


def lexeme_key(token: str) -> str:
    """How a token is stored in ``tsv`` and ``vocab`` (itself, unless very long)."""
    if len(token) * 3 <= MAX_LEXEME_BYTES or len(token.encode()) <= MAX_LEXEME_BYTES:
        return token
    return "#~" + hashlib.sha256(token.encode()).hexdigest()


def quote_lexeme(lexeme: str) -> str:
    """A lexeme as tsvector/tsquery input: in single quotes, quotes and backslashes escaped."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_row(tokens: Sequence[str]) -> tuple[int, list[int], str]:
    """``(token count, frequencies, tsvector literal)`` of one passage's tokens."""
    positions: dict[str, list[int]] = {}
    for pos, token in enumerate(tokens, 1):
        positions.setdefault(lexeme_key(token), []).append(pos)
    lexemes = sorted(positions, key=str.encode)  # tsvector's own order: by bytes
    parts = []
    for lex in lexemes:
        kept = sorted({min(p, MAX_POSITION) for p in positions[lex][:MAX_POSITIONS]})
        parts.append(quote_lexeme(lex) + ":" + ",".join(map(str, kept)))
    return len(tokens), [len(positions[lex]) for lex in lexemes], " ".join(parts)


def _engine(url: object, ping: bool = True, **kwargs: Any) -> Engine:
    # pre-ping: a pooled connection that PostgreSQL dropped (a restart) is replaced, not
    # handed to a writer or the question log.
    return create_engine(url, pool_pre_ping=ping,  # type: ignore[call-overload]
                         connect_args={"connect_timeout": CONNECT_TIMEOUT}, **kwargs)


def _short(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return (str(orig or exc).strip().splitlines() or [type(exc).__name__])[0]


class PostgresStorage(Storage):
    """An index in a PostgreSQL database (``postgresql+psycopg://…``)."""

    shared = True

    def __init__(self, engine: Engine, target: str) -> None:
        super().__init__(engine, target)
        # The searcher's own pool in autocommit: a question's single statements need no
        # BEGIN/COMMIT, and its multi-statement reads open a REPEATABLE READ snapshot.  No
        # ping per checkout (a question makes a dozen): the searcher replaces a connection
        # PostgreSQL dropped when a statement meets it (see PgSearcher._query).
        self.read_engine = _engine(engine.url, isolation_level="AUTOCOMMIT", ping=False)

    @classmethod
    def connect(cls, url: str) -> PostgresStorage:
        return cls(_engine(url), url)

    def dispose(self) -> None:
        self.read_engine.dispose()
        super().dispose()

    # -- schema --------------------------------------------------------------------------
    def create_schema(self) -> None:
        from indexer.models import Base  # the ORM: only when writing

        try:
            with self.engine.begin() as conn:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SCHEMA_LOCK})
                tables = set(conn.execute(text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
                    .scalars())
                if "meta" in tables:
                    found = conn.execute(text(
                        "SELECT value FROM meta WHERE key = 'schema'")).scalar()
                    if found != SCHEMA_VERSION:
                        for name in _OWN_TABLES:
                            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
                        keep = {"questions"}
                        Base.metadata.drop_all(conn, tables=[
                            t for t in Base.metadata.sorted_tables if t.name not in keep])
                Base.metadata.create_all(conn)
                for ddl in _DDL:
                    conn.exec_driver_sql(ddl)
                conn.execute(text("INSERT INTO meta(key, value) VALUES ('schema', :v) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                             {"v": SCHEMA_VERSION})
        except OperationalError as exc:
            raise StoreUnreachable(self.display, _short(exc)) from exc

    def check(self) -> None:
        try:
            with self.engine.connect() as conn:
                tables = set(conn.execute(text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
                    .scalars())
                if not {"meta", "passages", "passage_fts", "vocab"} <= tables:
                    raise IndexMissing(self.display)
                version = conn.execute(text(
                    "SELECT value FROM meta WHERE key = 'schema'")).scalar_one_or_none()
        except OperationalError as exc:
            raise StoreUnreachable(self.display, _short(exc)) from exc
        except (ProgrammingError, DBAPIError) as exc:
            raise CorruptIndex(self.display, _short(exc)) from exc
        if version != SCHEMA_VERSION:
            raise IndexOutdated(self.display, version)

    # -- the two sides -------------------------------------------------------------------
    def searcher(self) -> Searcher:
        from indexer.storage.pgsearch import PgSearcher

        return PgSearcher(self.read_engine)

    def txn(self, conn: Connection) -> IndexTxn:
        return PgIndexTxn(conn)

    def question_log(self) -> QuestionLog:
        from indexer.models import QuestionRow
        from indexer.qlog import QuestionLog

        QuestionRow.__table__.create(self.engine, checkfirst=True)  # type: ignore[attr-defined]
        return QuestionLog(self.engine)

    def limit_store(self) -> LimitStore:
        from indexer.storage.limits import PgLimitStore

        return PgLimitStore(self.engine)


class PgIndexTxn(IndexTxn):
    """The writer's statements on PostgreSQL: COPY for rows, statistics kept as deltas."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self.df: Counter[str] = Counter()  # passages per lexeme: + inserted, - deleted
        self.rows = 0
        self.tokens = 0

    @property
    def _driver(self) -> Any:
        return self.conn.connection.driver_connection

    def begin(self) -> None:
        self.conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITER_LOCK})

    def _copy(self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        with self._driver.cursor() as cur, cur.copy(
                f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        self._copy(table, columns, rows)

    def insert_fts(self, rows: Sequence[tuple[int, str]]) -> None:
        if not rows:
            return
        out = []
        for (pid, _), tokens in zip(rows, tokenizer().tokens([w for _, w in rows]), strict=True):
            ntok, tf, tsv = tsvector_row(tokens)
            out.append((pid, ntok, tf, tsv))
            self.df.update({lexeme_key(t) for t in tokens})
            self.rows += 1
            self.tokens += ntok
        self._copy("passage_fts", ("passage_id", "ntok", "tf", "tsv"), out)

    def delete_documents(self, keys: Sequence[str]) -> None:
        c = self.conn
        docs = [tuple(r) for r in c.execute(text(
            "SELECT id, first_passage, last_passage FROM documents WHERE source = ANY(:k)"),
            {"k": list(keys)})]
        for doc_id, first, last in docs:
            rng = {"a": first, "b": last}
            for lexeme, n in c.execute(text(
                    "SELECT u.lexeme, count(*) FROM passage_fts f CROSS JOIN LATERAL "
                    "unnest(f.tsv) AS u WHERE f.passage_id BETWEEN :a AND :b "
                    "GROUP BY u.lexeme"), rng):
                self.df[str(lexeme)] -= int(n)
            nrows, ntok = c.execute(text(
                "SELECT count(*), coalesce(sum(ntok), 0) FROM passage_fts "
                "WHERE passage_id BETWEEN :a AND :b"), rng).one()
            self.rows -= int(nrows)
            self.tokens -= int(ntok)
            for sql in ("DELETE FROM passage_fts WHERE passage_id BETWEEN :a AND :b",
                        "DELETE FROM facts WHERE passage_id BETWEEN :a AND :b",
                        "DELETE FROM passages WHERE id BETWEEN :a AND :b"):
                c.execute(text(sql), rng)
            for sql in ("DELETE FROM domain_terms WHERE document_id = :d",
                        "DELETE FROM sections WHERE case_id IN "
                        "(SELECT id FROM cases WHERE document_id = :d)",
                        "DELETE FROM cases WHERE document_id = :d",
                        "DELETE FROM documents WHERE id = :d"):
                c.execute(text(sql), {"d": doc_id})

    def finish(self, changed: bool) -> None:
        if not changed:
            return
        c = self.conn
        deltas = [(t, n) for t, n in self.df.items() if n]
        if deltas:
            c.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS vocab_delta "
                              "(term text, df integer) ON COMMIT DELETE ROWS")
            self._copy("vocab_delta", ("term", "df"), deltas)
            c.exec_driver_sql("INSERT INTO vocab(term, df) SELECT term, df FROM vocab_delta "
                              "ON CONFLICT (term) DO UPDATE SET df = vocab.df + excluded.df")
            c.exec_driver_sql("DELETE FROM vocab WHERE df <= 0")
        for key, delta in (("fts_rows", self.rows), ("fts_tokens", self.tokens),
                           ("generation", 1)):
            c.execute(text("UPDATE meta SET value = (value::bigint + :d)::text WHERE key = :k"),
                      {"d": delta, "k": key})
        generation = c.execute(text("SELECT value FROM meta WHERE key = 'generation'")).scalar()
        # Serving processes read the generation with every question; the notice lets a
        # listener (an idle web worker, say) drop its caches before anyone asks.
        c.execute(text("SELECT pg_notify(:ch, :g)"), {"ch": NOTIFY_CHANNEL, "g": generation})


__all__ = ["NOTIFY_CHANNEL", "PgIndexTxn", "PostgresStorage", "lexeme_key", "tsvector_row"]
