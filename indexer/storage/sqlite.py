"""The SQLite store: one file, FTS5 with its own BM25 (the embedded default).

The statements are the ones the writer has always made; see :mod:`indexer.db`
for opening the file and :mod:`indexer.search` for the searcher.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from indexer.db import check_index, create_schema, make_engine
from indexer.storage import IndexTxn, Storage

if TYPE_CHECKING:
    from indexer.qlog import QuestionLog
    from indexer.search import Searcher

FTS_HASH_BYTES = 256 * 1024 * 1024  # an upper bound: FTS5 takes what the batch needs


class SqliteStorage(Storage):
    """An index in one SQLite file (or ``:memory:``)."""

    @classmethod
    def open(cls, path: Path | str) -> SqliteStorage:
        return cls(make_engine(path), path)

    def create_schema(self) -> None:
        create_schema(self.engine)

    def check(self) -> None:
        check_index(self.engine, self.target)

    def searcher(self) -> Searcher:
        from indexer.search import Searcher

        return Searcher(self.engine)

    def txn(self, conn: Connection) -> IndexTxn:
        return SqliteIndexTxn(conn)

    def question_log(self) -> QuestionLog:
        from indexer.qlog import open_question_log

        return open_question_log(self.engine, self.target)

    def exists(self) -> bool:
        return str(self.target) == ":memory:" or Path(self.target).exists()


class SqliteIndexTxn(IndexTxn):
    """The FTS5 writer's statements."""

    def prepare_inserts(self) -> None:
        # FTS5 flushes its pending terms to a new segment every `hashsize` bytes and
        # merges segments as they pile up: with room for a whole batch it writes one
        # segment at commit, which is smaller and leaves no free pages behind.
        self.conn.exec_driver_sql(
            "INSERT INTO passage_fts(passage_fts, rank) VALUES ('hashsize', ?)",
            (FTS_HASH_BYTES,))

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        # Driver-level executemany: the ORM's unit of work costs more than SQLite on big batches.
        sql = (f"INSERT INTO {table}({', '.join(columns)}) "
               f"VALUES ({', '.join('?' * len(columns))})")
        self.conn.exec_driver_sql(sql, list(rows))

    def insert_fts(self, rows: Sequence[tuple[int, str]]) -> None:
        if rows:
            self.conn.exec_driver_sql("INSERT INTO passage_fts(rowid, words) VALUES (?, ?)",
                                      list(rows))

    def finish(self, changed: bool) -> None:
        if changed:
            # The vocabulary is the FTS index's own: its terms and passage counts.
            self.conn.exec_driver_sql("DELETE FROM vocab")
            self.conn.exec_driver_sql("INSERT INTO vocab(term, df) "
                                      "SELECT term, doc FROM passage_fts_vocab")

    def delete_documents(self, keys: Sequence[str]) -> None:
        c = self.conn
        doc_ids = []
        for key in keys:
            found = c.exec_driver_sql("SELECT id FROM documents WHERE source = ?",
                                      (key,)).scalar()
            if found is not None:
                doc_ids.append(int(found))
        if not doc_ids:
            return
        c.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS gone_passages(id INTEGER PRIMARY KEY)")
        c.exec_driver_sql("DELETE FROM gone_passages")
        ranges = [tuple(r) for r in c.exec_driver_sql(
            f"SELECT first_passage, last_passage FROM documents WHERE id IN "
            f"({', '.join('?' * len(doc_ids))})", tuple(doc_ids))]
        for first, last in ranges:
            c.exec_driver_sql("INSERT INTO gone_passages SELECT id FROM passages "
                              "WHERE id BETWEEN ? AND ?", (first, last))
        self._forget_postings()
        c.exec_driver_sql("DELETE FROM facts WHERE passage_id IN (SELECT id FROM gone_passages)")
        c.exec_driver_sql("DELETE FROM passages WHERE id IN (SELECT id FROM gone_passages)")
        for doc_id in doc_ids:
            for sql in ("DELETE FROM domain_terms WHERE document_id = ?",
                        "DELETE FROM sections WHERE case_id IN "
                        "(SELECT id FROM cases WHERE document_id = ?)",
                        "DELETE FROM cases WHERE document_id = ?",
                        "DELETE FROM documents WHERE id = ?"):
                c.exec_driver_sql(sql, (doc_id,))
        c.exec_driver_sql("DELETE FROM gone_passages")

    def _forget_postings(self) -> None:
        """Delete the passages in ``gone_passages`` from the contentless FTS table.

        FTS5 (before contentless_delete) forgets a row only when told the tokens
        it indexed, in order.  The index itself holds them — every term with its
        rows and positions, listed by fts5vocab's instance table — so no copy of
        the tokens needs to be kept beside it.
        """
        c = self.conn
        tokens: dict[int, list[tuple[int, str]]] = {
            int(pid): [] for (pid,) in c.exec_driver_sql("SELECT id FROM gone_passages")}
        for doc, term, offset in c.exec_driver_sql(
                "SELECT doc, term, offset FROM passage_fts_instance "
                "WHERE doc IN (SELECT id FROM gone_passages)"):
            tokens.setdefault(int(doc), []).append((int(offset), str(term)))
        rows = [(pid, " ".join(term for _, term in sorted(found)))
                for pid, found in tokens.items()]
        if rows:
            c.exec_driver_sql(
                "INSERT INTO passage_fts(passage_fts, rowid, words) VALUES ('delete', ?, ?)",
                rows)


__all__ = ["SqliteIndexTxn", "SqliteStorage"]
