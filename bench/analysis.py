"""Benchmark of ``pitboard.analysis`` on the largest race, against the same figures in plain pandas.

Run from anywhere with the project's virtualenv active::

    python bench/analysis.py [--db PATH] [--repeat N] [--naive-repeat M] [--check]

Without ``--db`` the bundled ``data/imsa`` is first ingested into a temporary directory; that
ingest is timed and printed on its own and is no part of any ratio or target.

What is measured. **The full analysis of the largest race**: 2023 Petit Le Mans (about 17,500
laps), every class at once (``cls=None``): ``pitboard.open``, ``pb.session(2023, "petit le
mans")``, then ``positions``, ``gaps``, ``leaders``, ``cautions``, ``pit_stops``, ``stints``,
``drive_time``, ``pace`` (by car, by driver, by class), ``co_drivers``, ``weather`` and
``lap_weather``. After one untimed pass (OS cache, code paths), each of N repetitions (default 5)
opens the database afresh, so nothing is memoised from the repetition before; the wall time of
the whole repetition, opening included, is what counts (median). Per-step medians are printed
too.

**The naive baseline**, in the same run: what someone with pandas and the two raw files does.
The race laps and results CSVs are read with ``pd.read_csv(dtype=str, keep_default_na=False,
encoding="utf-8-sig")``, header names stripped; durations ("59.123", "1:14.788", "1:41:06.688")
are parsed to ms by a small Python function (``Series.map``); then, per lap crossing, position
and class position (rank of ELAPSED within the lap, within class and lap) and the gap to the
class leader; laps led per car per class; FCY periods (runs of FCY crossings in ELAPSED order);
pit stops (PIT_TIME set, lap > 1); stints (from lap 1 or an out-lap); drive time per driver (sum
of LAP_TIME by NUMBER and DRIVER_NAME); median clean lap per car (flag GF, neither in- nor
out-lap, lap > 1, all three sectors). Once untimed, then M times (default 3); the median counts,
split into reading and computing. It does less than pitboard (no pace details, no weather, no
intervals or laps down, no driver identities), so the ratio flatters pandas if anything.

**Agreement** (printed, never fatal): laps led per GTP car, pit stops per car, stints per car,
the number of FCY periods, and drive time per car, where pitboard's sum of ``drive_ms``, the
naive sum of LAP_TIME and the car's last ELAPSED must all be equal.

Why: race analysis is meant to be interactive; the whole analysis of the biggest race in the
data must take under 1 s, and naive / pitboard says what the database buys over re-reading the
files on this machine (a ratio is comparable across machines, seconds are not). A missed target
is reported, not fatal (exit code 0), unless ``--check`` is given (exit code 1). Benchmarks
report; tests assert.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

import pitboard
from pitboard import analysis

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "imsa"
SEASON, EVENT = 2023, "petit le mans"
RACE = DATA / "2023" / "21-road-atlanta" / "202310141140-race"
LAPS_CSV = RACE.with_name(RACE.name + "-laps.csv")
RESULTS_CSV = RACE.with_name(RACE.name + "-results.csv")
CHECK_CLASS = "GTP"  # laps led are compared for this class

TARGET_S = 1.0  # the full analysis of the largest race, warm, fresh handle, below

#: The analysis, step by step: (label, call). Every step is for all classes (cls=None).
STEPS: tuple[tuple[str, Callable[[pitboard.Pitboard, Any], Any]], ...] = (
    ("positions", lambda pb, ref: analysis.positions(pb, ref)),
    ("gaps", lambda pb, ref: analysis.gaps(pb, ref)),
    ("leaders", lambda pb, ref: analysis.leaders(pb, ref)),
    ("cautions", lambda pb, ref: analysis.cautions(pb, ref)),
    ("pit_stops", lambda pb, ref: analysis.pit_stops(pb, ref)),
    ("stints", lambda pb, ref: analysis.stints(pb, ref)),
    ("drive_time", lambda pb, ref: analysis.drive_time(pb, ref)),
    ("pace (car)", lambda pb, ref: analysis.pace(pb, ref, by="car")),
    ("pace (driver)", lambda pb, ref: analysis.pace(pb, ref, by="driver")),
    ("pace (class)", lambda pb, ref: analysis.pace(pb, ref, by="class")),
    ("co_drivers", lambda pb, ref: analysis.co_drivers(pb, ref)),
    ("weather", lambda pb, ref: analysis.weather(pb, ref)),
    ("lap_weather", lambda pb, ref: analysis.lap_weather(pb, ref)),
)
OPEN = "open + session"


# ---------------------------------------------------------------------------------------------
# pitboard


@dataclass
class PitRun:
    seconds: float  # the whole repetition, opening included
    steps: dict[str, float]  # label -> seconds (OPEN included)
    answers: dict[str, Any]  # label -> what the step returned


def pitboard_run(db: Path) -> PitRun:
    """One full analysis of the race on a freshly opened database."""
    steps: dict[str, float] = {}
    answers: dict[str, Any] = {}
    started = time.perf_counter()
    with pitboard.open(db) as pb:
        ref = pb.session(SEASON, EVENT)
        steps[OPEN] = time.perf_counter() - started
        for label, call in STEPS:
            step_started = time.perf_counter()
            answers[label] = call(pb, ref)
            steps[label] = time.perf_counter() - step_started
    return PitRun(time.perf_counter() - started, steps, answers)


# ---------------------------------------------------------------------------------------------
# the naive baseline


def parse_ms(text: str) -> float:
    """'59.123', '1:14.788', '1:41:06.688' -> ms; '' -> NaN."""
    text = text.strip()
    if not text:
        return float("nan")
    *bigger, seconds = text.split(":")
    whole, _, fraction = seconds.partition(".")
    ms = int(whole) * 1000 + int((fraction + "000")[:3])
    for index, part in enumerate(reversed(bigger)):
        ms += int(part) * (60_000 if index == 0 else 3_600_000)
    return float(ms)


def read(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame.columns = frame.columns.str.strip()
    return frame.loc[:, ~frame.columns.str.startswith("Unnamed")]


@dataclass
class NaiveRun:
    read_seconds: float
    compute_seconds: float
    laps: pd.DataFrame  # every crossing with position, class_position, gap_ms, stint
    led: pd.DataFrame  # class, number, laps_led
    cautions: pd.DataFrame  # one row per FCY period
    stops: pd.Series  # pit stops per car (every car of the results, 0 included)
    stints: pd.DataFrame  # number, stint, first_lap, last_lap, laps
    drive: pd.DataFrame  # number, driver, drive_ms
    last_elapsed: pd.Series  # number -> the car's last ELAPSED
    median_clean: pd.Series  # number -> median clean lap

    @property
    def seconds(self) -> float:
        return self.read_seconds + self.compute_seconds


def naive() -> NaiveRun:
    """One naive computation from the raw race files."""
    started = time.perf_counter()
    laps = read(LAPS_CSV)
    results = read(RESULTS_CSV)
    read_at = time.perf_counter()

    laps["number"] = laps["NUMBER"].str.strip()
    laps["class"] = laps["CLASS"].str.replace(" ", "", regex=False).str.upper()
    laps["lap"] = laps["LAP_NUMBER"].astype(int)
    laps["flag"] = laps["FLAG_AT_FL"].str.strip()
    for column in ("LAP_TIME", "ELAPSED", "PIT_TIME", "S1", "S2", "S3"):
        laps[column.lower() + "_ms"] = laps[column].map(parse_ms)
    laps["in_pit"] = laps["CROSSING_FINISH_LINE_IN_PIT"].str.strip() == "B"
    laps["pit_out"] = laps["PIT_TIME"].str.strip() != ""

    # Positions and gaps at every lap crossing.
    by_lap = laps.groupby("lap")["elapsed_ms"]
    by_class_lap = laps.groupby(["class", "lap"])["elapsed_ms"]
    laps["position"] = by_lap.rank(method="min").astype(int)
    laps["class_position"] = by_class_lap.rank(method="min").astype(int)
    laps["gap_ms"] = laps["elapsed_ms"] - by_class_lap.transform("min")

    # Laps led per car per class.
    led = laps[laps["class_position"] == 1].groupby(["class", "number"]).size().reset_index(name="laps_led")

    # FCY periods: runs of FCY crossings in time order.
    seq = laps.sort_values(["elapsed_ms", "number"])
    fcy = seq["flag"] == "FCY"
    run = (~fcy).cumsum()
    cautions = (
        seq[fcy]
        .groupby(run[fcy])
        .agg(start_ms=("elapsed_ms", "min"), end_ms=("elapsed_ms", "max"))
        .reset_index(drop=True)
    )

    # Pit stops and stints.
    laps = laps.sort_values(["number", "lap"]).reset_index(drop=True)
    stop = laps["pit_out"] & (laps["lap"] > 1)
    cars = results["NUMBER"].str.strip()
    stops = stop.groupby(laps["number"]).sum().reindex(cars, fill_value=0).astype(int)
    laps["stint"] = ((laps["lap"] == 1) | stop).astype(int).groupby(laps["number"]).cumsum()
    stints = (
        laps.groupby(["number", "stint"])
        .agg(first_lap=("lap", "min"), last_lap=("lap", "max"), laps=("lap", "size"))
        .reset_index()
    )

    # Drive time per driver, and each car's last crossing.
    drive = laps.groupby(["number", "DRIVER_NAME"])["lap_time_ms"].sum().reset_index(name="drive_ms")
    last_elapsed = laps.groupby("number")["elapsed_ms"].max()

    # Median clean lap per car.
    clean = (
        (laps["flag"] == "GF")
        & ~laps["in_pit"]
        & ~laps["pit_out"]
        & (laps["lap"] > 1)
        & laps[["s1_ms", "s2_ms", "s3_ms"]].notna().all(axis=1)
    )
    median_clean = laps[clean].groupby("number")["lap_time_ms"].median()
    done = time.perf_counter()
    return NaiveRun(
        read_at - started, done - read_at, laps, led, cautions, stops, stints, drive, last_elapsed, median_clean
    )


# ---------------------------------------------------------------------------------------------
# agreement


def differences(naive_counts: Mapping[str, int], pit_counts: Mapping[str, int]) -> list[tuple[str, int, int]]:
    """(number, naive, pitboard) for every car whose counts differ (a missing car counts 0)."""
    cars = sorted(set(naive_counts) | set(pit_counts), key=lambda n: (len(n), n))
    return [
        (n, int(naive_counts.get(n, 0)), int(pit_counts.get(n, 0)))
        for n in cars
        if int(naive_counts.get(n, 0)) != int(pit_counts.get(n, 0))
    ]


@dataclass
class Check:
    label: str
    compared: int  # how many values were compared
    diffs: list[tuple[str, int, int]]  # (number, naive, pitboard)


def agreement(run: NaiveRun, answers: Mapping[str, Any]) -> list[Check]:
    """The figures both sides compute, side by side."""
    checks: list[Check] = []

    _, led = answers["leaders"]
    pit_led = led[led["class"] == CHECK_CLASS].set_index("number")["laps_led"].to_dict()
    ours = run.led[run.led["class"] == CHECK_CLASS].set_index("number")["laps_led"].to_dict()
    checks.append(Check(f"laps led per {CHECK_CLASS} car", len(set(ours) | set(pit_led)), differences(ours, pit_led)))

    pit_stops = answers["pit_stops"].groupby("number").size().to_dict()
    checks.append(Check("pit stops per car", len(run.stops), differences(run.stops.to_dict(), pit_stops)))

    pit_stints = answers["stints"].groupby("number").size().to_dict()
    ours = run.stints.groupby("number").size().to_dict()
    checks.append(Check("stints per car", len(ours), differences(ours, pit_stints)))

    caution_count = {"FCY periods": len(run.cautions)}
    checks.append(Check("FCY periods", 1, differences(caution_count, {"FCY periods": len(answers["cautions"])})))

    # Drive time: pitboard's sum per car, the naive sum per car and the car's last ELAPSED.
    pit_drive = answers["drive_time"].groupby("number")["drive_ms"].sum()
    naive_drive = run.drive.groupby("number")["drive_ms"].sum()
    drive_diffs: list[tuple[str, int, int]] = []
    for number in sorted(set(pit_drive.index) | set(naive_drive.index), key=lambda n: (len(n), n)):
        ours_ms, pit_ms = int(naive_drive.get(number, -1)), int(pit_drive.get(number, -1))
        last_ms = int(run.last_elapsed.get(number, -1))
        if not ours_ms == pit_ms == last_ms:
            drive_diffs.append((f"{number} (last ELAPSED {last_ms})", ours_ms, pit_ms))
    checks.append(Check("drive time per car = last ELAPSED", len(pit_drive), drive_diffs))
    return checks


# ---------------------------------------------------------------------------------------------
# reporting


def _runs(values: Sequence[float], fmt: str) -> str:
    return "  ".join(format(v, fmt) for v in values)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--db", type=Path, help="an existing pitboard database (default: ingest data/imsa into a temp dir)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed repetitions of the full analysis (default: 5)")
    parser.add_argument(
        "--naive-repeat", type=int, default=3, help="timed repetitions of the naive pandas run (default: 3)"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the target is missed")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.naive_repeat < 1:
        parser.error("--repeat and --naive-repeat must be at least 1")
    if args.db is not None and not args.db.is_file():
        parser.error(f"{args.db} does not exist (leave out --db to ingest into a temporary directory)")

    print(
        f"pitboard analysis benchmark: repeat {args.repeat}, naive repeat {args.naive_repeat}; "
        f"duckdb {duckdb.__version__}, pandas {pd.__version__}, python {platform.python_version()}, {os.cpu_count()} CPUs",
        file=sys.stderr,
    )
    ingest_s: float | None = None
    with tempfile.TemporaryDirectory(prefix="pitboard-bench-analysis-") as tmp:
        if args.db is None:
            db = Path(tmp) / "pitboard.duckdb"
            print(f"  ingest {DATA} -> {db} ...", end="", file=sys.stderr, flush=True)
            started = time.perf_counter()
            pitboard.ingest(DATA, db, force=True)
            ingest_s = time.perf_counter() - started
            print(f" {ingest_s:.2f} s", file=sys.stderr, flush=True)
        else:
            db = args.db.resolve()

        print("  pitboard, untimed warm-up ...", end="", file=sys.stderr, flush=True)
        first = pitboard_run(db)
        print(f" {first.seconds:.3f} s", file=sys.stderr, flush=True)
        runs: list[PitRun] = []
        for index in range(args.repeat):
            print(f"  pitboard {index + 1}/{args.repeat} ...", end="", file=sys.stderr, flush=True)
            runs.append(pitboard_run(db))
            print(f" {runs[-1].seconds:.3f} s", file=sys.stderr, flush=True)

    print("  naive pandas, untimed warm-up ...", end="", file=sys.stderr, flush=True)
    naive()
    print(" done", file=sys.stderr, flush=True)
    naive_runs: list[NaiveRun] = []
    for index in range(args.naive_repeat):
        print(f"  naive pandas {index + 1}/{args.naive_repeat} ...", end="", file=sys.stderr, flush=True)
        naive_runs.append(naive())
        print(f" {naive_runs[-1].seconds:.3f} s", file=sys.stderr, flush=True)

    full = statistics.median(r.seconds for r in runs)
    naive_s = statistics.median(r.seconds for r in naive_runs)
    read_s = statistics.median(r.read_seconds for r in naive_runs)
    compute_s = statistics.median(r.compute_seconds for r in naive_runs)
    last, last_naive = runs[-1], naive_runs[-1]
    analysis_only = statistics.median(r.seconds - r.steps[OPEN] for r in runs)

    print()
    print(f"pitboard analysis benchmark  db={db if args.db else '(temporary)'}")
    print(
        f"  race: {SEASON} {EVENT} ({LAPS_CSV.relative_to(REPO)}, {len(last_naive.laps):,} laps), all classes; "
        f"repeat={args.repeat} naive-repeat={args.naive_repeat}; duckdb {duckdb.__version__}; pandas {pd.__version__}; "
        f"{os.cpu_count()} CPUs"
    )
    if ingest_s is not None:
        print(f"  ingest into a temporary database: {ingest_s:.2f} s (not part of any ratio)")
    print()
    print(f"  {'pitboard, fresh handle':<34} {'median':>10}   runs (ms)")
    print(
        f"  {'full analysis (opening included)':<34} {full * 1000:>7.0f} ms   {_runs([r.seconds * 1000 for r in runs], '.0f')}"
    )
    print(f"  {'  untimed warm-up pass':<34} {first.seconds * 1000:>7.0f} ms")
    print(f"  {'  without opening':<34} {analysis_only * 1000:>7.0f} ms")
    for label in (OPEN, *(label for label, _ in STEPS)):
        step = statistics.median(r.steps[label] for r in runs)
        answer = last.answers.get(label)
        frames = answer if isinstance(answer, tuple) else (answer,) if answer is not None else ()
        rows = " + ".join(f"{len(f):,}" for f in frames)
        print(f"  {'  ' + label:<34} {step * 1000:>7.1f} ms   {rows + ' rows' if rows else ''}".rstrip())
    print()
    print(f"  {'naive pandas':<34} {'median':>10}   runs (ms)")
    print(
        f"  {'read + compute':<34} {naive_s * 1000:>7.0f} ms   {_runs([r.seconds * 1000 for r in naive_runs], '.0f')}"
    )
    print(f"  {'  of which reading the two files':<34} {read_s * 1000:>7.0f} ms")
    print(f"  {'  of which computing':<34} {compute_s * 1000:>7.0f} ms")
    print()
    print(
        f"  naive / pitboard: {naive_s / full:.2f} x   (computing only vs pitboard without opening: "
        f"{compute_s / analysis_only:.2f} x)"
    )
    print()

    print("  naive vs pitboard (reported, never fatal)")
    for check in agreement(last_naive, last.answers):
        verdict = "AGREE" if not check.diffs else f"DIFFER ({len(check.diffs)})"
        print(f"    {check.label:<38} {check.compared:>3} compared   {verdict}")
        for number, ours, theirs in check.diffs:
            print(f"      {number:<34} naive {ours:>10}  pitboard {theirs:>10}")
    print()

    ok = full < TARGET_S
    print(f"  {'target':<34} {'value':>10}   {'target':<10} result")
    print(
        f"  {'full analysis of the largest race':<34} {full:>8.3f} s   {'< ' + format(TARGET_S, '.1f') + ' s':<10} {'PASS' if ok else 'MISS'}"
    )
    if not ok:
        print("\n  missed: full analysis" + ("" if args.check else " (reported only; use --check to fail)"))
    return 1 if (not ok and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
