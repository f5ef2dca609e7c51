"""Benchmark: recompute every standings table of every season, in one run.

Run with the project's virtualenv active::

    python bench/standings.py [--db PATH] [--repeat N] [--check]

Measures, warm (after one untimed pass), the median over N repetitions of computing every
championship (drivers, teams, manufacturers where the class has one, endurance) of every class of
every season 2021-2025, final standings only, through ``pitboard.standings.compute``, each
repetition on a freshly opened database (nothing memoised from the one before). The baseline in
the same run is one read of each season's race and qualifying rows (the SQL alone), so the ratio
says how much the checkpoint reads and the points arithmetic add. Target: the whole set under 2 s.
A missed target is reported, not fatal, unless ``--check`` is given.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pitboard
from pitboard import standings
from pitboard.queries import standings as sq
from pitboard.rules import load as load_rules

REPO = Path(__file__).resolve().parents[1]
TARGET_S = 2.0


def tables() -> list[tuple[int, str, str]]:
    out = []
    for season in range(2021, 2026):
        rules = load_rules(season)
        for cls in rules.data["classes"]:
            for championship in standings.CHAMPIONSHIPS:
                if championship == "manufacturers" and cls not in rules.manufacturer_classes:
                    continue
                out.append((season, cls, championship))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", type=Path, default=None, help="an existing database (default: build one from data/imsa)"
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 if the target is missed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "bench.duckdb"
            started = time.perf_counter()
            pitboard.ingest(REPO / "data" / "imsa", db)
            print(f"built the database in {time.perf_counter() - started:.2f} s (not part of the timings)")
        work = tables()
        with pitboard.open(db) as pb:  # warm the OS cache and the code paths
            for season, cls, championship in work:
                standings.compute(pb, season, cls, championship)
        full, reads = [], []
        for _ in range(args.repeat):
            # A fresh handle each time: nothing memoised from an earlier repetition.
            with pitboard.open(db) as pb:
                started = time.perf_counter()
                for season, cls, championship in work:
                    standings.compute(pb, season, cls, championship)
                full.append(time.perf_counter() - started)
            with pitboard.open(db) as pb:
                started = time.perf_counter()
                for season in range(2021, 2026):
                    sq.race_rows(pb.db, season)
                    sq.qualifying_rows(pb.db, season)
                reads.append(time.perf_counter() - started)
    median, base = statistics.median(full), statistics.median(reads)
    verdict = "PASS" if median < TARGET_S else "MISS"
    print(
        f"standings benchmark: {len(work)} tables (every championship of every class, 2021-2025), repeat {args.repeat}"
    )
    print(f"  all standings, warm        {median:8.3f} s   runs: {'  '.join(f'{t:.3f}' for t in full)}")
    print(f"  baseline: their SQL reads  {base:8.3f} s   ratio {median / base:.2f} x")
    print(f"  target: all standings < {TARGET_S:.1f} s   {verdict}")
    return 1 if args.check and verdict == "MISS" else 0


if __name__ == "__main__":
    sys.exit(main())
