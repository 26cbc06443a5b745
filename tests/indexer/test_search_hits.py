"""indexer/search/hits.py: result rows as cited passages (no index)."""

from __future__ import annotations

from indexer.search import PassageHit, passage_hit


def _row(pid: int, text: str, title: str) -> tuple[object, ...]:
    # Built at run time, as a driver hands them over: equal strings, not the same object.
    return (pid, text, "body", pid, 1, 7, "".join(["人民日报", "1月"]), "/data/doc-1.txt", 3, 0,
            "".join([title, ""]), None, None, None, "")


def test_a_row_becomes_a_hit_with_its_shared_strings_interned() -> None:
    a = passage_hit(_row(1, "甲句。", "某市举办冰雕节"))
    b = passage_hit(_row(2, "乙句。", "某市举办冰雕节"))
    assert a == PassageHit(1, "甲句。", "body", 1, 1, 7, "人民日报1月", "/data/doc-1.txt", 3, 0,
                           "某市举办冰雕节", None, None, None, "")
    # What every passage of a document or article repeats is held once, whatever the rows.
    assert a.case_title is b.case_title and a.doc_title is b.doc_title


def test_a_row_without_the_case_marker_column() -> None:
    hit = passage_hit(_row(1, "甲句。", "标题")[:-1])
    assert hit.case_marker is None
