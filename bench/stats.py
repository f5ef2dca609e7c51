"""Benchmark of ``pitboard.stats`` answers against the same figures computed naively in pandas.

Run from anywhere with the project's virtualenv active::

    python bench/stats.py [--db PATH] [--data DIR] [--repeat N] [--naive-repeat M] [--check]

Without ``--db`` the data folder (default: the bundled ``data/imsa``) is first ingested into a
temporary directory; that ingest is timed and printed on its own and is no part of any ratio.

What is measured. Every pitboard call is made once untimed (warm: DuckDB has loaded what it
needs and the per-connection candidate lists are cached; that first call is shown too), then N
times (default 20); the median counts:

(a) **driver**: ``subject_stats(pb, "driver", "Tom Blomqvist")``, the whole career;
(b) **car**: ``subject_stats(pb, "car", "31", Scope(season=2023))``;
(c) **team**: ``subject_stats(pb, "team", "Penske")``, the whole career;
(d) **leaderboards** over all drivers: ``leaders(pb, "wins", limit=10)`` and
    ``leaders(pb, "poles")``, the whole career.

(e) **naive**: what someone with pandas and the raw CSV files has to do for (a) and (d, wins):
    find every championship race results file (slug ``race``, not in the Roar or a test folder),
    read each with ``pd.read_csv(dtype=str, keep_default_na=False, encoding="utf-8-sig")``
    (header names stripped, trailing column dropped), compute class positions (rank of ``POSITION``
    within race and class, class upper-cased without spaces), starts (``STATUS != 'Not started'``
    and ``LAPS > 0``) and wins (class position 1) for every listed driver, keyed by the folded
    name (accents, case, hyphens and apostrophes dropped), then Blomqvist's starts and wins
    (career and 2023) and the top 10 by wins (ties at the cut included). Once untimed, then M
    times (default 3); the median counts, split into reading and computing.

Why: the statistics layer exists so that a single answer is interactive (target < 50 ms warm)
and a leaderboard over every driver is cheap (target < 300 ms); naive / pitboard says what the
database buys over re-reading the files on this machine, a ratio that is comparable across
machines where milliseconds are not. The naive figures are also a check: Blomqvist's starts and
wins must agree with pitboard's. The naive baseline ignores IMSA's post-race decisions that
pitboard applies (its ``corrections`` table: 2023 Watkins Glen GTP, 2025 Rolex 24 LMP2, ...) and
has no alias table for driver names, so some drivers' win counts differ: they are listed (after
merging spellings through pitboard's own ``drivers.spellings``, so that what is left is down to
the corrections), not treated as errors.

A missed target is reported, not fatal (exit code 0), unless ``--check`` is given (exit code 1
on any missed timing target). Benchmarks report; tests assert.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
from _targets import verdict  # bench/ is sys.path[0] when a script runs

import pitboard
from pitboard import stats

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / "data" / "imsa"

ANSWER_TARGET_MS = 50.0  # one driver, car or team answer, warm, below
LEADERS_TARGET_MS = 300.0  # one leaderboard over all drivers, warm, below

DRIVER = "Tom Blomqvist"
SEASON = 2023  # Blomqvist's season checked besides his career
TOP = 10

#: Event folders whose ``race`` session is not a championship race (DEFINITIONS.md, Sessions).
NOT_CHAMPIONSHIP = frozenset(
    {
        "01-roar-before-the-24",
        "03-sebring-february-test",
        "03-february-imsa-sanctioned-test",
        "2024/24-daytona-international-speedway",
    }
)
_RACE_RESULTS = re.compile(r"^\d{12}-race-results\.csv$")
_DROPPED = re.compile(r"[-'’.]")  # dropped from names before folding


# ---------------------------------------------------------------------------------------------
# (e) the naive baseline


def race_files(data: Path) -> list[tuple[int, Path]]:
    """(season, path) of every championship race results file under ``data``."""
    found = []
    for path in sorted(data.glob("*/*/*-results.csv")):
        season, event = path.parent.parent.name, path.parent.name
        if not _RACE_RESULTS.match(path.name) or event in NOT_CHAMPIONSHIP or f"{season}/{event}" in NOT_CHAMPIONSHIP:
            continue
        found.append((int(season), path))
    return found


def fold(name: str) -> str:
    """A name as a naive key: accents, case, hyphens, apostrophes and dots dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKD", _DROPPED.sub(" ", name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


@dataclass
class NaiveRun:
    read_seconds: float
    compute_seconds: float
    files: int
    rows: int
    career: tuple[int, int]  # Blomqvist's (starts, wins)
    season: tuple[int, int]  # the same in SEASON
    top: pd.DataFrame  # rank, key, name, wins, starts (ties at the cut included)
    wins: pd.Series  # wins of every driver with at least one, by key
    names: dict[str, str]  # key -> the most frequent spelling

    @property
    def seconds(self) -> float:
        return self.read_seconds + self.compute_seconds


def naive(data: Path) -> NaiveRun:
    """One naive computation of (a) and (d, wins) from the raw files."""
    started_at = time.perf_counter()
    files = race_files(data)
    frames = []
    for season, path in files:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        frame.columns = frame.columns.str.strip()
        frame = frame.loc[:, ~frame.columns.str.startswith("Unnamed")]
        frame["season"] = season
        frame["race"] = str(path)
        frames.append(frame)
    results = pd.concat(frames, ignore_index=True).fillna("")  # ragged rows: padded with NaN
    read_at = time.perf_counter()

    cls = results["CLASS"].str.replace(" ", "", regex=False).str.upper()
    laps = pd.to_numeric(results["LAPS"], errors="coerce").fillna(0)
    position = pd.to_numeric(results["POSITION"], errors="coerce")  # blank when not started
    results["class_position"] = position.groupby([results["race"], cls]).rank(method="min")
    results["started"] = (results["STATUS"] != "Not started") & (laps > 0)

    slots = sorted(int(m.group(1)) for c in results.columns if (m := re.fullmatch(r"DRIVER(\d+)_FIRSTNAME", c)))
    listed = []
    for k in slots:
        name = (
            results[f"DRIVER{k}_FIRSTNAME"].str.strip() + " " + results[f"DRIVER{k}_SECONDNAME"].str.strip()
        ).str.strip()
        part = results.loc[name != "", ["race", "season", "started", "class_position"]]
        listed.append(part.assign(name=name[name != ""]))
    drivers = pd.concat(listed, ignore_index=True)
    keys = {n: fold(n) for n in drivers["name"].unique()}
    drivers["key"] = drivers["name"].map(keys)
    names = drivers.groupby("key")["name"].agg(lambda s: s.value_counts().index[0]).to_dict()

    starts = drivers[drivers["started"]].drop_duplicates(["race", "key"])
    won = starts[starts["class_position"] == 1]
    start_count = starts.groupby("key").size()
    wins = won.groupby("key").size()

    me = fold(DRIVER)
    career = (int(start_count.get(me, 0)), int(wins.get(me, 0)))
    season = (
        int(((starts["key"] == me) & (starts["season"] == SEASON)).sum()),
        int(((won["key"] == me) & (won["season"] == SEASON)).sum()),
    )

    table = pd.DataFrame({"wins": wins, "starts": start_count.reindex(wins.index)})
    table["rank"] = table["wins"].rank(method="min", ascending=False).astype(int)
    table = table[table["rank"] <= TOP].rename_axis("key").reset_index()
    table["name"] = table["key"].map(names)
    table = table.sort_values(["rank", "name"])[["rank", "key", "name", "wins", "starts"]].reset_index(drop=True)
    done_at = time.perf_counter()
    return NaiveRun(
        read_at - started_at, done_at - read_at, len(files), len(results), career, season, table, wins, names
    )


# ---------------------------------------------------------------------------------------------
# pitboard


@dataclass
class Timing:
    label: str
    first_ms: float  # the untimed warm-up call
    runs_ms: list[float]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs_ms)


def time_call(label: str, repeat: int, call: Callable[[], Any]) -> Timing:
    """One untimed (warm-up) call, then ``repeat`` timed ones; progress on stderr."""
    print(f"  {label} ...", end="", file=sys.stderr, flush=True)
    started = time.perf_counter()
    call()
    first = (time.perf_counter() - started) * 1000
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        runs.append((time.perf_counter() - started) * 1000)
    print(f" first {first:.1f} ms, median {statistics.median(runs):.1f} ms", file=sys.stderr, flush=True)
    return Timing(label, first, runs)


@dataclass
class WinComparison:
    """Career wins per driver, naive vs pitboard."""

    drivers: int  # drivers with a win in either, matched by folded name
    by_name: int  # how many of them differ when matched by folded name only
    merged: int  # spellings merged with pitboard's own alias table (0 if it could not be read)
    diffs: list[tuple[str, int, int]]  # (name, naive, pitboard) still differing after the merge
    corrections: list[str]  # the result corrections pitboard applies (empty if unreadable)


def compare_wins(run: NaiveRun, pb: pitboard.Pitboard) -> WinComparison:
    """Compare every driver's career wins. Naive keys are first matched to pitboard by folded name,
    then (to separate spelling variants from post-race corrections) merged through the spellings
    pitboard stores per driver, so what still differs is down to the corrections."""
    everyone, _ = stats.leaders(pb, "wins", limit=1_000_000)
    pit_by_name = {fold(str(r.name)): int(r.value) for r in everyone.itertuples()}
    keys = set(pit_by_name) | set(run.wins.index)
    by_name = sum(1 for k in keys if int(run.wins.get(k, 0)) != pit_by_name.get(k, 0))

    spelling: dict[str, str] = {}  # folded spelling -> driver_id
    names: dict[str, str] = {}  # driver_id -> name
    corrections: list[str] = []
    try:
        for driver_id, name, spellings in pb.db.rows("SELECT driver_id, name, spellings FROM drivers"):
            names[driver_id] = name
            for text in [name, *(spellings or [])]:
                spelling.setdefault(fold(text), driver_id)
        corrections = [
            f"{season} {cls} #{number}: {kind} {value}"
            for season, cls, number, kind, value in pb.db.rows(
                "SELECT season, class, number, kind, value FROM corrections "
                "WHERE kind = 'set_class_position' AND applied ORDER BY correction_id"
            )
        ]
    except duckdb.Error as error:  # the schema is pitboard's business: report, don't fail
        print(f"  (could not read pitboard's drivers/corrections: {error})", file=sys.stderr)
    naive_by_id: dict[str, int] = {}
    for key, wins in run.wins.items():
        ident = spelling.get(str(key), str(key))
        naive_by_id[ident] = naive_by_id.get(ident, 0) + int(wins)
    pit_by_id = {str(r.key): int(r.value) for r in everyone.itertuples()}
    names.update({str(r.key): str(r.name) for r in everyone.itertuples()})
    merged = len(run.wins) - len({spelling.get(str(k), str(k)) for k in run.wins.index})
    diffs = [
        (names.get(i, run.names.get(i, i)), naive_by_id.get(i, 0), pit_by_id.get(i, 0))
        for i in set(naive_by_id) | set(pit_by_id)
        if naive_by_id.get(i, 0) != pit_by_id.get(i, 0)
    ]
    diffs.sort(key=lambda d: (-max(d[1], d[2]), d[0]))
    return WinComparison(len(keys), by_name, merged, diffs, corrections)


# ---------------------------------------------------------------------------------------------
# reporting


def _runs(values: Sequence[float], fmt: str) -> str:
    return "  ".join(format(v, fmt) for v in values)


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--db", type=Path, help="an existing pitboard database (default: ingest --data into a temp dir)"
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data folder (default: the bundled data/imsa)")
    parser.add_argument("--repeat", type=int, default=20, help="timed repetitions of each pitboard call (default: 20)")
    parser.add_argument(
        "--naive-repeat", type=int, default=3, help="timed repetitions of the naive pandas run (default: 3)"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if any target is missed")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.naive_repeat < 1:
        parser.error("--repeat and --naive-repeat must be at least 1")
    data: Path = args.data.resolve()
    if not data.is_dir():
        parser.error(f"{data} is not a folder")
    if args.db is not None and not args.db.is_file():
        parser.error(f"{args.db} does not exist (leave out --db to ingest into a temporary directory)")

    print(
        f"pitboard stats benchmark: repeat {args.repeat}, naive repeat {args.naive_repeat}; "
        f"duckdb {duckdb.__version__}, pandas {pd.__version__}, python {platform.python_version()}, {os.cpu_count()} CPUs",
        file=sys.stderr,
    )
    tmp: Path | None = None
    ingest_s: float | None = None
    try:
        if args.db is None:
            tmp = Path(tempfile.mkdtemp(prefix="pitboard-bench-stats-"))
            db = tmp / "pitboard.duckdb"
            print(f"  ingest {data} -> {db} ...", end="", file=sys.stderr, flush=True)
            started = time.perf_counter()
            pitboard.ingest(data, db, force=True)
            ingest_s = time.perf_counter() - started
            print(f" {ingest_s:.2f} s", file=sys.stderr, flush=True)
        else:
            db = args.db.resolve()

        with pitboard.open(db) as pb:
            career, in_season = stats.Scope(), stats.Scope(season=SEASON)
            timings = [
                time_call(
                    f"(a) driver {DRIVER!r}", args.repeat, lambda: stats.subject_stats(pb, "driver", DRIVER, career)
                ),
                time_call("(b) car '31' 2023", args.repeat, lambda: stats.subject_stats(pb, "car", "31", in_season)),
                time_call("(c) team 'Penske'", args.repeat, lambda: stats.subject_stats(pb, "team", "Penske", career)),
                time_call("(d) leaders wins", args.repeat, lambda: stats.leaders(pb, "wins", limit=TOP)),
                time_call("(d) leaders poles", args.repeat, lambda: stats.leaders(pb, "poles")),
            ]
            # Reference figures for the comparison (untimed).
            pb_career = stats.subject_stats(pb, "driver", DRIVER, career).figures
            pb_season = stats.subject_stats(pb, "driver", DRIVER, in_season).figures
            pb_top, _ = stats.leaders(pb, "wins", limit=TOP)

            print("  (e) naive pandas, untimed warm-up ...", end="", file=sys.stderr, flush=True)
            naive(data)  # warms the page cache and pandas' code paths
            print(" done", file=sys.stderr, flush=True)
            naive_runs = []
            for index in range(args.naive_repeat):
                print(f"  (e) naive pandas {index + 1}/{args.naive_repeat} ...", end="", file=sys.stderr, flush=True)
                naive_runs.append(naive(data))
                print(f" {naive_runs[-1].seconds:.3f} s", file=sys.stderr, flush=True)
            last = naive_runs[-1]
            wins_cmp = compare_wins(last, pb)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)

    driver_t, _, _, wins_t, poles_t = timings
    naive_ms = statistics.median(r.seconds for r in naive_runs) * 1000
    read_ms = statistics.median(r.read_seconds for r in naive_runs) * 1000
    compute_ms = statistics.median(r.compute_seconds for r in naive_runs) * 1000

    print()
    print(f"pitboard stats benchmark  db={db if args.db else '(temporary)'}  data={data}")
    print(
        f"  repeat={args.repeat} naive-repeat={args.naive_repeat}; duckdb {duckdb.__version__}; pandas {pd.__version__}; {os.cpu_count()} CPUs"
    )
    if ingest_s is not None:
        print(f"  ingest into a temporary database: {ingest_s:.2f} s (not part of any ratio)")
    print()
    print(f"  {'pitboard (warm)':<34} {'median':>10} {'first':>10}   runs (ms)")
    for t in timings:
        print(f"  {t.label:<34} {t.median_ms:>7.1f} ms {t.first_ms:>7.1f} ms   {_runs(t.runs_ms, '.1f')}")
    print()
    print(f"  {'naive pandas':<34} {'median':>10}   runs (ms)")
    print(f"  {'(e) read + compute':<34} {naive_ms:>7.0f} ms   {_runs([r.seconds * 1000 for r in naive_runs], '.0f')}")
    print(
        f"  {'    of which reading the files':<34} {read_ms:>7.0f} ms   ({last.files} race files, {last.rows:,} rows)"
    )
    print(f"  {'    of which computing':<34} {compute_ms:>7.0f} ms")
    print()
    print("  naive / pitboard")
    print(
        f"    driver answer       {naive_ms / driver_t.median_ms:>8.1f} x   (computing only: {compute_ms / driver_t.median_ms:.1f} x)"
    )
    print(
        f"    leaderboard (wins)  {naive_ms / wins_t.median_ms:>8.1f} x   (computing only: {compute_ms / wins_t.median_ms:.1f} x)"
    )
    print()

    checks: list[tuple[str, str, str, bool]] = [
        (t.label, f"{t.median_ms:.1f} ms", f"< {ANSWER_TARGET_MS:.0f} ms", t.median_ms < ANSWER_TARGET_MS)
        for t in timings[:3]
    ]
    checks += [
        (t.label, f"{t.median_ms:.1f} ms", f"< {LEADERS_TARGET_MS:.0f} ms", t.median_ms < LEADERS_TARGET_MS)
        for t in (wins_t, poles_t)
    ]
    print(f"  {'target (median, warm)':<34} {'value':>10}   {'target':<10} result")
    for name, value, target, ok in checks:
        print(f"  {name:<34} {value:>10}   {target:<10} {_verdict(ok)}")
    print()

    print("  naive vs pitboard (the naive baseline ignores IMSA's post-race corrections and has no alias table)")
    agree = True
    for label, ours, theirs in (
        ("career", last.career, (pb_career.starts, pb_career.wins)),
        (str(SEASON), last.season, (pb_season.starts, pb_season.wins)),
    ):
        same = ours == theirs
        agree &= same
        print(
            f"    {DRIVER} {label:<7} naive {ours[0]} starts, {ours[1]} wins; "
            f"pitboard {theirs[0]} starts, {theirs[1]} wins: {'AGREE' if same else 'DIFFER'}"
        )
    naive_top = [(r.name, int(r.wins)) for r in last.top.itertuples()]
    pit_top = [(str(r.name), int(r.value)) for r in pb_top.itertuples()]
    same_top = [(fold(n), w) for n, w in naive_top] == [(fold(n), w) for n, w in pit_top]
    print(f"    top {TOP} by wins: {'the same drivers and counts' if same_top else 'DIFFER'}")
    if not same_top:
        width = max(len(n) for n, _ in naive_top + pit_top)
        print(f"      {'naive':<{width + 4}}   pitboard")
        for i in range(max(len(naive_top), len(pit_top))):
            left = f"{naive_top[i][0]:<{width}} {naive_top[i][1]:>3}" if i < len(naive_top) else " " * (width + 4)
            right = f"{pit_top[i][0]:<{width}} {pit_top[i][1]:>3}" if i < len(pit_top) else ""
            print(f"      {left}   {right}")
    print(
        f"    career wins per driver: {wins_cmp.by_name} of {wins_cmp.drivers} drivers with a win differ by folded name;"
        f" merging spellings with pitboard's alias table ({wins_cmp.merged} naive keys merged) leaves"
        f" {len(wins_cmp.diffs)} (expected: the result corrections below)"
    )
    for name, ours, theirs in wins_cmp.diffs:
        print(f"      {name:<32} naive {ours:>3}  pitboard {theirs:>3}")
    if wins_cmp.corrections:
        print(f"    result corrections pitboard applies: {'; '.join(wins_cmp.corrections)}")
    print(f"    Blomqvist: {'naive and pitboard AGREE' if agree else 'naive and pitboard DIFFER'}")

    return verdict(checks, args.check)


if __name__ == "__main__":
    sys.exit(main())
