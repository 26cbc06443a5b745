"""Indexing memory does not grow with the corpus: prepared documents wait on disk, and the
segmenting workers have a bounded number of chunks in flight.

These are counts, not RSS figures (those are machine-dependent and live in ``make bench``):
how many documents the writer's side has pulled in but not yet received back segmented.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from corpus.model import DocumentMeta
from indexer import pipeline
from indexer.pipeline import Outline, Prepared, Spill, segment_all


def item(k: int, passages: int = 50) -> Prepared:
    norm = [f"第{k}份文件第{i}句,市场监管部门开展食品安全检查" for i in range(passages)]
    return Prepared(f"doc-{k}", f"{k:064d}", Outline(f"文件{k}", DocumentMeta(), ()), [], norm,
                    {f"术语{k}"}, [])


def test_a_spill_gives_back_what_it_took_in_order() -> None:
    with Spill() as spill:
        for k in range(30):
            spill.add(item(k))
        assert len(spill) == 30 and spill.keys[3] == "doc-3"
        assert spill.terms == {f"术语{k}" for k in range(30)}
        assert spill.passages["doc-7"] == 0  # specs, not norm: the writer's passage count
        assert [p.key for p in spill] == [f"doc-{k}" for k in range(30)]
        assert [p.norm for p in spill][5] == item(5).norm  # read again: the same


@pytest.mark.parametrize("workers", [1, 2])
def test_segmenting_holds_a_bounded_number_of_documents(workers: int,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_PASSAGES", 100)  # two documents per chunk
    pulled = 0

    def documents() -> Iterator[Prepared]:
        nonlocal pulled
        for k in range(120):
            pulled += 1
            yield item(k)

    seen: list[str] = []
    most_ahead = 0
    for prepared, words in segment_all(documents(), set(), workers, lambda *a: None,
                                       total=120 * 50):
        assert len(words) == len(prepared.norm)
        seen.append(prepared.key)
        most_ahead = max(most_ahead, pulled - len(seen))
    assert seen == [f"doc-{k}" for k in range(120)]  # every document, in order
    bound = 1 if workers == 1 else workers * pipeline.IN_FLIGHT * 2
    assert most_ahead <= bound, most_ahead  # never the whole corpus (120)
