"""Start-up benchmark: what a question costs from the command line, as whole processes.

    python bench/startup.py [--repeat N] [--check]

Measured in one run, each ``--repeat`` times (median), every one a fresh process:

(a) ``pitboard --help``: the command line must not import pandas, DuckDB or matplotlib to print
    its help. Target: under 0.25 s.
(b) ``pitboard stats driver Blomqvist --json``: a driver's figures from the database.
(c) the same question answered by a throwaway polars script straight from the CSV files (every
    championship race results file: starts and class wins of the driver), the baseline a user
    could write in five minutes. Target: (b) faster than (c).

The database is built once into a temporary folder first (not timed). polars is a bench extra:
``pip install -e '.[bench]'`` (``make bench`` does it). Benchmarks report; tests assert.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _targets import print_checks, verdict  # bench/ is sys.path[0] when a script runs

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "imsa"
HELP_TARGET_S = 0.25

#: The baseline: polars over the raw files, the driver's starts and class wins.
POLARS_SCRIPT = r"""
import sys, glob, polars as pl
root, surname = sys.argv[1], sys.argv[2].lower()
files = [f for f in glob.glob(f"{root}/*/*/*-race-results.csv")
         if "roar" not in f and "/24-" not in f.split("/2024/")[-1][:4]]
starts = wins = 0
for f in files:
    df = pl.read_csv(f, infer_schema=False, truncate_ragged_lines=True)
    df = df.rename({c: c.strip().lstrip("\ufeff") for c in df.columns})
    pos = "POSITION" if "POSITION" in df.columns else "POS"
    df = df.filter(pl.col(pos).is_not_null()).with_columns(pl.col(pos).cast(pl.Int64))
    df = df.with_columns(pl.col(pos).rank("ordinal").over("CLASS").alias("class_pos"))
    names = [c for c in df.columns if c.endswith("_SECONDNAME")]
    mine = df.filter(pl.any_horizontal([pl.col(c).str.to_lowercase() == surname for c in names]))
    mine = mine.filter((pl.col("STATUS") != "Not started") & (pl.col("LAPS").cast(pl.Int64) > 0))
    starts += mine.height
    wins += mine.filter(pl.col("class_pos") == 1).height
print(starts, wins)
"""


def timed_process(args: list[str], env: dict[str, str]) -> float:
    """Wall time of one whole process (it must succeed)."""
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, env=env, cwd=REPO)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    options = parser.parse_args()
    try:
        import polars  # noqa: F401
    except ImportError:
        print("polars is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    pitboard_cli = str(Path(sys.executable).parent / "pitboard")
    with tempfile.TemporaryDirectory(prefix="pitboard-startup-") as tmp:
        db = Path(tmp) / "pitboard.duckdb"
        env = {**os.environ, "PITBOARD_DB": str(db)}
        subprocess.run([pitboard_cli, "ingest", "--quiet"], check=True, env=env, cwd=REPO)
        runs: dict[str, list[float]] = {"help": [], "stats": [], "polars": []}
        for _ in range(options.repeat):  # interleaved, so that load affects all alike
            runs["help"].append(timed_process([pitboard_cli, "--help"], env))
            runs["stats"].append(timed_process([pitboard_cli, "stats", "driver", "Blomqvist", "--json"], env))
            runs["polars"].append(timed_process([sys.executable, "-c", POLARS_SCRIPT, str(DATA), "Blomqvist"], env))
    med = {k: statistics.median(v) for k, v in runs.items()}
    print(f"\npitboard start-up benchmark  repeat={options.repeat}  ({os.cpu_count()} CPUs)\n")
    print(f"  {'measurement':44s} {'median':>8s}   runs")
    labels = {
        "help": "(a) pitboard --help",
        "stats": "(b) pitboard stats driver Blomqvist --json",
        "polars": "(c) polars script over the CSV files",
    }
    for key, label in labels.items():
        print(f"  {label:44s} {med[key]:7.3f}s   " + "  ".join(f"{v:.3f}" for v in runs[key]))
    checks = [
        ("--help under 0.25 s", f"{med['help']:.3f} s", f"< {HELP_TARGET_S} s", med["help"] < HELP_TARGET_S),
        (
            "driver's figures faster than the polars script",
            f"{med['stats']:.3f} s",
            f"< {med['polars']:.3f} s",
            med["stats"] < med["polars"],
        ),
    ]
    print_checks(checks, 10)
    return verdict(checks, options.check)


if __name__ == "__main__":
    sys.exit(main())
