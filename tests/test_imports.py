"""Imports point one way (bot → indexer → corpus) and no modules import each other.

Read from the source with :mod:`ast`: the imports that run when a module loads (module level,
outside ``if TYPE_CHECKING:``; imports inside functions run later and cannot form a cycle
at import time, but they must still point the right way).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "corpus", "indexer")
LAYER = {"corpus": 0, "indexer": 1, "bot": 2}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports(path: Path, known: set[str]) -> tuple[set[str], set[str], set[str]]:
    """Project modules imported (at load time, at module level including type checking,
    anywhere including inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = module_name(path)
    at_load: set[str] = set()
    module_level: set[str] = set()
    anywhere: set[str] = set()

    def resolve(node: ast.Import | ast.ImportFrom) -> set[str]:
        names: set[str] = set()
        if isinstance(node, ast.Import):
            names = {a.name for a in node.names}
        elif node.module:
            names = {node.module} | {f"{node.module}.{a.name}" for a in node.names}
        # Importing bot.extract.facts runs bot/extract/__init__ first: a package's own
        # imports are part of every import of its submodules (from outside the package).
        parents = {n.rsplit(".", k)[0] for n in names for k in range(1, n.count(".") + 1)}
        parents = {q for q in parents if not own.startswith(q + ".")}
        return {n for n in names | parents if n in known}

    def walk(body: list[ast.stmt], load_time: bool) -> None:
        for node in body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                found = resolve(node)
                anywhere.update(found)
                module_level.update(found)
                if load_time:
                    at_load.update(found)
            elif isinstance(node, ast.If):
                walk(node.body, load_time and not _is_type_checking(node))
                walk(node.orelse, load_time)
            elif isinstance(node, ast.Try):
                walk(node.body, load_time)
                for handler in node.handlers:
                    walk(handler.body, load_time)
            for child in ast.walk(node) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef
                                                      | ast.ClassDef) else ():
                if isinstance(child, ast.Import | ast.ImportFrom):
                    anywhere.update(resolve(child))

    walk(tree.body, True)
    return at_load, module_level, anywhere


def graph() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    load, _, every = graphs()
    return load, every


def graphs() -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, set[str]]]:
    mods = modules()
    known = set(mods)
    load: dict[str, set[str]] = {}
    module_level: dict[str, set[str]] = {}
    every: dict[str, set[str]] = {}
    for name, path in mods.items():
        load[name], module_level[name], every[name] = imports(path, known)
        for deps in (load, module_level, every):
            deps[name].discard(name)
    return load, module_level, every


def test_the_graph_is_read() -> None:
    load, module_level, _ = graphs()
    assert "indexer.passages" in load["indexer.pipeline"]
    assert "indexer.passages" not in load["indexer.facts"]  # only for type checking
    assert "indexer.passages" in module_level["indexer.facts"]


def test_no_two_modules_know_each_other() -> None:
    """Not even for type checking: a module that needs another's types while the other
    needs it is one module split badly (the types go to a third, as bot.reply and
    indexer.passages are).  An import inside a function — a lazy load of something
    optional or heavy — is allowed on one side."""
    _, module_level, _ = graphs()

    def package_of(child: str, parent: str) -> bool:
        return child.startswith(parent + ".")

    mutual = sorted((a, b) for a, deps in module_level.items() for b in deps
                    if a < b and a in module_level.get(b, ())
                    and not package_of(a, b) and not package_of(b, a))
    assert mutual == []


def test_no_module_imports_itself_back_at_load_time() -> None:
    load, _ = graph()
    state: dict[str, int] = {}  # 1 visiting, 2 done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(load[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt):], nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(load):
        if node not in state:
            visit(node, [node])
    # A package importing its own submodules (bot/__init__ → bot.x → bot) is no cycle of ours
    # when the package module is empty of imports; report only module-to-module cycles.
    assert [c for c in cycles if len(set(c)) > 1 and not any(m in PACKAGES for m in c)] == []


@pytest.mark.parametrize("package", PACKAGES)
def test_imports_point_one_way(package: str) -> None:
    _, every = graph()
    wrong = sorted((m, d) for m, deps in every.items() if m.split(".")[0] == package
                   for d in deps if LAYER[d.split(".")[0]] > LAYER[package])
    assert wrong == [], "imports must point bot → indexer → corpus"
