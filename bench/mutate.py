"""A small, seeded mutation run (issue 11 item 8): how many deliberate bugs do the tests catch?

For each target file, every site of a simple mutation is listed from the AST:

* ``cmp``    a comparison operator flipped (< <=, > >=, == !=, in / not in, is / is not),
* ``const``  an integer constant changed by +1 or -1,
* ``bool``   ``and`` swapped with ``or``,
* ``arith``  ``+`` swapped with ``-`` (and ``*`` with ``//`` for integers is left out: too noisy),
* ``return`` a returned value replaced by ``None``.

A seeded random sample of ``--per-file`` sites is drawn per file (``random.Random(f"{seed}:{path}")``
shuffles the sites, listed in source order; the sample of k is the first k of that shuffle, so the
same seed gives the same sample and a smaller k gives a prefix of it). Files are run round robin. A mutant on a line the tests never run
(coverage of one unmutated run, ``--coverage``) survives without running. Every other mutant is
written over the file, ``pytest -x -q <tests>`` runs with a timeout (a timeout counts as killed),
and the file is restored. Results go to a JSON lines file, one mutant per line.

    PITBOARD_TEST_FULL_DB=/tmp/full.duckdb python bench/mutate.py --per-file 30 --seed 11 \
        --out /tmp/mutants.jsonl src/pitboard/stats.py src/pitboard/standings.py ...

``--workers N`` runs N mutants at once, each in its own copy of ``src`` put first on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import zip_longest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = [
    "tests/test_stats.py",
    "tests/test_standings.py",
    "tests/test_analysis.py",
    "tests/test_official_record.py",
    "tests/test_library.py",
]
CMP_FLIP = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
CMP_TEXT = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
}


def _skip_nodes(tree: ast.Module) -> set[int]:
    """ids of nodes not to mutate: docstrings, annotations, ``if TYPE_CHECKING`` blocks."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            skip.update(id(n) for n in ast.walk(node))
        for ann in ("annotation", "returns"):
            sub = getattr(node, ann, None)
            if isinstance(sub, ast.AST):
                skip.update(id(n) for n in ast.walk(sub))
    return skip


def sites(tree: ast.Module, rng: random.Random) -> list[dict]:
    """Every mutation site of a module, in source order: path (walk index), kind, description."""
    skip = _skip_nodes(tree)
    stmt_line: dict[int, int] = {}  # node -> first line of its innermost statement (what coverage records)
    for stmt in ast.walk(tree):
        if isinstance(stmt, ast.stmt):
            for sub in ast.walk(stmt):
                stmt_line[id(sub)] = stmt.lineno  # inner statements are walked later and win
    found = []
    for index, node in enumerate(ast.walk(tree)):
        if id(node) in skip:
            continue
        line = getattr(node, "lineno", None)
        if isinstance(node, ast.Compare):
            for k, op in enumerate(node.ops):
                new = CMP_FLIP[type(op)]
                found.append(
                    {
                        "node": index,
                        "kind": "cmp",
                        "arg": k,
                        "line": line,
                        "change": f"{CMP_TEXT[type(op)]} -> {CMP_TEXT[new]}",
                    }
                )
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            delta = rng.choice((1, -1))
            found.append(
                {
                    "node": index,
                    "kind": "const",
                    "arg": delta,
                    "line": line,
                    "change": f"{node.value} -> {node.value + delta}",
                }
            )
        elif isinstance(node, ast.BoolOp):
            op = "and" if isinstance(node.op, ast.And) else "or"
            found.append(
                {
                    "node": index,
                    "kind": "bool",
                    "arg": None,
                    "line": line,
                    "change": f"{op} -> {'or' if op == 'and' else 'and'}",
                }
            )
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub):
            op = "+" if isinstance(node.op, ast.Add) else "-"
            found.append(
                {
                    "node": index,
                    "kind": "arith",
                    "arg": None,
                    "line": line,
                    "change": f"{op} -> {'-' if op == '+' else '+'}",
                }
            )
        elif (
            isinstance(node, ast.Return)
            and node.value is not None
            and not (isinstance(node.value, ast.Constant) and node.value.value is None)
        ):
            found.append({"node": index, "kind": "return", "arg": None, "line": line, "change": "return value -> None"})
        if found and "stmt_line" not in found[-1]:
            found[-1]["stmt_line"] = stmt_line.get(id(node), line)
    found.sort(key=lambda s: (s["line"] or 0, s["node"], s["arg"] or 0))
    return found


def apply(source: str, site: dict) -> str:
    """The module's source with one site mutated (the whole module unparsed: comments go, code stays)."""
    tree = ast.parse(source)
    node = list(ast.walk(tree))[site["node"]]
    kind = site["kind"]
    if kind == "cmp":
        node.ops[site["arg"]] = CMP_FLIP[type(node.ops[site["arg"]])]()
    elif kind == "const":
        node.value = node.value + site["arg"]
    elif kind == "bool":
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif kind == "arith":
        node.op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
    elif kind == "return":
        node.value = ast.Constant(None)
    mutated = ast.unparse(ast.fix_missing_locations(tree))
    ast.parse(mutated)  # must still compile
    return mutated


def run_tests(src_dir: Path, tests: list[str], timeout: float) -> tuple[str, float, str]:
    env = dict(os.environ, PYTHONPATH=str(src_dir))
    start = time.monotonic()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return "killed", time.monotonic() - start, "timeout"
    seconds = time.monotonic() - start
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("FAILED") or ln.startswith("ERROR")]
    return ("survived" if proc.returncode == 0 else "killed"), seconds, (lines[0] if lines else proc.stdout[-200:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--per-file", type=int, default=30)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--timeout", type=float, default=150)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--coverage", help="coverage.py JSON report of one unmutated run")
    parser.add_argument("--out", required=True)
    parser.add_argument("--tests", nargs="*", default=TESTS)
    parser.add_argument("--list", action="store_true", help="only print the sample")
    args = parser.parse_args()

    covered: dict[str, set[int]] | None = None
    if args.coverage:
        report = json.loads(Path(args.coverage).read_text())["files"]
        covered = {Path(k).as_posix(): set(v["executed_lines"]) for k, v in report.items()}

    per_file = []
    for name in args.files:
        rel = Path(name).as_posix()
        source = (ROOT / rel).read_text()
        rng = random.Random(f"{args.seed}:{rel}")
        all_sites = sites(ast.parse(source), rng)
        draw = list(range(len(all_sites)))
        rng.shuffle(draw)  # the first k draws are the sample of k, whatever --per-file is
        per_file.append(
            [
                (rel, source, dict(all_sites[k], file=rel, draw=n, sites_in_file=len(all_sites)))
                for n, k in enumerate(draw[: args.per_file])
            ]
        )
    # round robin over the files, in draw order: stopping early leaves every file a prefix of its sample
    jobs = [job for row in zip_longest(*per_file) for job in row if job is not None]
    if args.list:
        for _, _, site in jobs:
            print(site["file"], site["line"], site["kind"], site["change"])
        return

    out = Path(args.out)
    done = set()
    if out.exists():
        for line in out.read_text().splitlines():
            rec = json.loads(line)
            done.add((rec["file"], rec["node"], rec["kind"], rec["arg"]))

    workdirs = []
    for _ in range(args.workers):
        d = Path(tempfile.mkdtemp(prefix="mutsrc-"))
        shutil.copytree(ROOT / "src" / "pitboard", d / "pitboard")
        workdirs.append(d)
    free = list(workdirs)

    def order(rel: str) -> list[str]:
        stem = Path(rel).stem
        first = [t for t in args.tests if Path(t).stem == f"test_{stem}"]
        return first + [t for t in args.tests if t not in first]

    def one(job: tuple[str, str, dict]) -> None:
        rel, source, site = job
        key = (rel, site["node"], site["kind"], site["arg"])
        if key in done:
            return
        if covered is not None and site["stmt_line"] not in covered.get(rel, set()):
            rec = dict(site, status="survived", reason="not covered", seconds=0)
        else:
            d = free.pop()
            target = d / Path(rel).relative_to("src")
            try:
                target.write_text(apply(source, site))
                status, seconds, reason = run_tests(d, order(rel), args.timeout)
            finally:
                target.write_text(source)
                free.append(d)
            rec = dict(site, status=status, reason=reason, seconds=round(seconds, 1))
        with out.open("a") as fh:
            fh.write(json.dumps(rec) + "\n")
        print(rec["file"], rec["line"], rec["change"], rec["status"], rec["seconds"], flush=True)

    with ThreadPoolExecutor(args.workers) as pool:
        list(pool.map(one, jobs))
    for d in workdirs:
        shutil.rmtree(d)


if __name__ == "__main__":
    main()
