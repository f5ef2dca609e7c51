"""Benchmark of ``pitboard.ingestion.ingest`` against a bare DuckDB scan of the same files.

Run from anywhere with the project's virtualenv active::

    python bench/ingest.py [--data DIR] [--repeat N] [--scale [K,K,...]] [--check]

What is measured (each N times; the median is what counts):

(a) **full ingest**: ``ingest(data, <new file>, force=True)`` into a database file that does not
    exist yet, in a temporary directory (a fresh path for every repetition). Wall time.
(b) **floor**: the cheapest honest way to get every value of every file into DuckDB as text. The
    files are classified by their first line (0-byte files are skipped), then, in a fresh
    in-memory connection, each layout is read by ONE ``read_csv`` call over the list of its files
    with ``auto_detect=false, header=true, delim=',', quote='"'``, an explicit all-VARCHAR
    ``columns`` mapping (including the empty column after the trailing comma) and, for results,
    ``null_padding=true`` (their rows are ragged), materialised with ``CREATE TABLE ... AS`` so
    every column is really parsed. No typing, no validation, no derived tables. The time
    includes the classification (a loader cannot read the files without knowing their layout);
    the scan alone is shown too.
(c) **re-run**: ``ingest(data, <the database from (a)>, force=False)`` on unchanged files. It must
    say ``up_to_date``; a re-run that rebuilds is an error, not a slow result.
(d) **peak memory**: the maximum resident set size of a child process (``python -c ...``) that does
    one full ingest into a temporary directory: on Linux the child's own ``VmHWM`` (read from
    ``/proc/self/status`` before it exits), elsewhere ``os.wait4``'s ``ru_maxrss``. (Linux carries
    a parent's high-water mark into a forked child's ``ru_maxrss``, so after the bench's own
    in-process ingests that figure would report the bench's size.)
    ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` is printed as a cross-check.
(e) **scale run** (only with ``--scale``; ``--scale`` alone means ``2,4,8``): for each factor k, a
    synthetic data tree in a temporary directory holds k copies of every season folder, copy i
    (0..k-1) of season ``YYYY`` named ``YYYY + 100*i`` (2021, 2121, 2221, ...), every file a hard
    link where the file system allows it, a copy otherwise (never a symlinked folder: the ingest
    reads a folder reached twice only once). On that tree: (a) with ``--repeat`` repetitions
    alternating with (b), and (d) once. The ingest must load k times the files of the 1x ingest;
    otherwise the script fails (it would be timing something else). The tree is removed after
    each size.

Why: ingest has to do more than the floor (checks, typing, identities, derived tables), but the
floor says what reading the bytes costs on this machine, so ``full / floor`` is a
machine-independent measure of the ingest's overhead; the scale run says whether that overhead and
the memory stay flat as the data grows. Targets: full/floor <= 2.0 (at every size of the scale run
too), re-run < 0.5 s, peak memory < 1024 MB (and at 8x in the scale run). A missed target is
reported, not fatal (exit code 0), unless ``--check`` is given (exit code 1 on any miss).
Benchmarks report; tests assert.

Before measuring, every file is read once so that all variants run with a warm page cache.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from _targets import verdict  # bench/ is sys.path[0] when a script runs

from pitboard.ingestion import IngestReport, ingest

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / "data" / "imsa"

RATIO_TARGET = 2.0  # full ingest / floor, at most
RERUN_TARGET_S = 0.5  # re-run on unchanged files, below
PEAK_TARGET_MB = 1024.0  # peak RSS of a full ingest, below (1x, and at SCALE_PEAK_FACTOR in the scale run)

SCALE_DEFAULT = (2, 4, 8)  # --scale without a value
SCALE_PEAK_FACTOR = 8  # the scale run's size at which PEAK_TARGET_MB applies

_KIND = re.compile(r"-(laps|results|weather)\.csv$")

#: What the child of (d) runs: one full ingest, then its report as JSON on stdout.
_CHILD = (
    "import json, sys\n"
    "from pitboard.ingestion import ingest\n"
    "r = ingest(sys.argv[1], sys.argv[2], force=True)\n"
    "hwm = None\n"
    "try:\n"
    "    hwm = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
    "except OSError:\n"
    "    pass\n"
    "print(json.dumps({'seconds': r.seconds, 'rows': r.rows, 'vm_hwm_kib': hwm}))\n"
)


# ---------------------------------------------------------------------------------------------
# (b) the floor


@dataclass
class Layout:
    """One header layout: the file kind, its column names (trailing empty one included), its files."""

    kind: str
    columns: tuple[str, ...]
    files: list[str] = field(default_factory=list)


def column_names(first_line: bytes) -> tuple[str, ...]:
    """The header's names: BOM dropped, names stripped, empty/duplicate names made unique."""
    raw = first_line.decode("utf-8-sig").rstrip("\r\n").split(",")
    names: list[str] = []
    for index, name in enumerate(raw):
        name = name.strip() or ("_trailing" if index == len(raw) - 1 else f"_column{index}")
        while name in names:
            name += "_"
        names.append(name)
    return tuple(names)


def classify(files: Sequence[Path]) -> tuple[list[Layout], int]:
    """Group the files by (kind, header), reading only their first line. Returns (layouts, skipped)."""
    layouts: dict[tuple[str, tuple[str, ...]], Layout] = {}
    skipped = 0
    for path in files:
        match = _KIND.search(path.name)
        if match is None:
            skipped += 1
            continue
        with path.open("rb") as handle:
            first = handle.readline()
        if not first:  # the 0-byte file
            skipped += 1
            continue
        key = (match.group(1), column_names(first))
        layouts.setdefault(key, Layout(*key)).files.append(str(path))
    return list(layouts.values()), skipped


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def floor_sql(table: str, layout: Layout) -> str:
    """The one ``CREATE TABLE ... AS SELECT * FROM read_csv(...)`` statement for one layout."""
    files = ", ".join(_literal(f) for f in layout.files)
    columns = ", ".join(f"{_literal(name)}: 'VARCHAR'" for name in layout.columns)
    padding = ", null_padding=true" if layout.kind == "results" else ""
    return (
        f"CREATE TABLE {table} AS SELECT * FROM read_csv([{files}], auto_detect=false, header=true, "
        f"delim=',', quote='\"', columns={{{columns}}}{padding})"
    )


@dataclass
class FloorRun:
    seconds: float  # classification + scan
    scan_seconds: float
    layouts: list[Layout]
    rows: dict[str, int]  # per kind


def floor_scan(files: Sequence[Path]) -> FloorRun:
    """One floor measurement: classify, then scan every layout in a fresh in-memory connection."""
    started = time.perf_counter()
    layouts, _ = classify(files)
    scan_started = time.perf_counter()
    con = duckdb.connect(":memory:")
    try:
        for index, layout in enumerate(layouts):
            con.execute(floor_sql(f"floor_{index}", layout))
        ended = time.perf_counter()
        rows: dict[str, int] = {}
        for index, layout in enumerate(layouts):
            (count,) = con.execute(f"SELECT count(*) FROM floor_{index}").fetchone() or (0,)
            rows[layout.kind] = rows.get(layout.kind, 0) + int(count)
    finally:
        con.close()
    return FloorRun(ended - started, ended - scan_started, layouts, rows)


# ---------------------------------------------------------------------------------------------
# (a), (c), (d)


def full_ingest(data: Path, db: Path) -> tuple[float, IngestReport]:
    """(a) One full ingest into a database that does not exist yet."""
    started = time.perf_counter()
    report = ingest(data, db, force=True)
    seconds = time.perf_counter() - started
    if report.up_to_date:
        raise AssertionError(f"full ingest into a new file {db} reported up_to_date")
    return seconds, report


def rerun(data: Path, db: Path) -> float:
    """(c) One re-run on unchanged files; it must find the database up to date."""
    started = time.perf_counter()
    report = ingest(data, db, force=False)
    seconds = time.perf_counter() - started
    if not report.up_to_date:
        raise AssertionError(f"re-run on unchanged files did not report up_to_date ({db})")
    return seconds


def _kib_to_mb(kib: int) -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    return kib / (1024 * 1024 if sys.platform == "darwin" else 1024)


def peak_rss(data: Path, workdir: Path) -> float:
    """(d) Peak RSS in MB (MiB) of a child process doing one full ingest into ``workdir``."""
    workdir.mkdir(parents=True)
    out, err = workdir / "stdout", workdir / "stderr"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(data), str(workdir / "pitboard.duckdb")],
            stdout=stdout,
            stderr=stderr,
            cwd=REPO,
        )
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"ingest child failed ({proc.returncode}):\n{err.read_text(errors='replace')[-2000:]}")
    result = json.loads(out.read_text())  # the child really finished an ingest
    # On Linux the child's own high-water mark (VmHWM of the memory it got at exec): ru_maxrss of
    # a child is inherited from the parent at fork/vfork, so after the bench's own in-process
    # ingests it reports the bench's size, not the child's.
    if result.get("vm_hwm_kib"):
        return result["vm_hwm_kib"] / 1024
    return _kib_to_mb(usage.ru_maxrss)


# ---------------------------------------------------------------------------------------------
# (e) the scale run


def read_all(files: Sequence[Path]) -> int:
    """Read every file once (so that no variant pays for a first read); returns the total bytes."""
    return sum(len(path.read_bytes()) for path in files)


def csv_files(data: Path) -> list[Path]:
    """Every ``*.csv`` regular file under ``data``, in path order (what the floor reads)."""
    return sorted(p for p in data.rglob("*.csv") if p.is_file())


def season_folders(data: Path) -> list[Path]:
    """The season folders at the top of ``data``: four-digit names, as the ingest expects them."""
    return sorted(p for p in data.iterdir() if p.is_dir() and p.name.isdigit() and len(p.name) == 4)


def scale_factors(text: str) -> tuple[int, ...]:
    """Parse ``--scale``: comma-separated whole factors of at least 2, returned sorted and unique."""
    try:
        factors = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of whole numbers: {text!r}") from None
    if not factors or factors[0] < 2:
        raise argparse.ArgumentTypeError(f"factors must be whole numbers of at least 2 (1x is the main run): {text!r}")
    return tuple(factors)


def copy_name(season: str, copy: int) -> str:
    """The folder name of copy ``copy`` (0-based) of season folder ``season``: ``YYYY + 100*copy``."""
    return season if copy == 0 else f"{int(season) + 100 * copy:04d}"


def scale_problem(seasons: Sequence[Path], factor: int) -> str | None:
    """Why ``factor`` copies of ``seasons`` cannot be built (a name past 9999 or one clashing with a
    season that exists, or with another copy), or None."""
    names = [copy_name(s.name, i) for s in seasons for i in range(factor)]
    if too_long := [n for n in names if len(n) != 4]:
        return f"{factor}x would need season folder {too_long[0]} (more than four digits)"
    if len(set(names)) != len(names):
        clash = next(n for n in names if names.count(n) > 1)
        return f"{factor}x would need season folder {clash} twice (seasons 100 years apart)"
    return None


@dataclass
class ScaledTree:
    """A synthetic data tree of ``factor`` copies of every season: its root and how it was made."""

    root: Path
    factor: int
    linked: int = 0  # files that are hard links
    copied: int = 0  # files that had to be copied (no hard link possible)


def build_scaled(data: Path, root: Path, factor: int) -> ScaledTree:
    """Make ``root`` hold ``factor`` copies of every season folder of ``data`` (see ``copy_name``),
    every file hard-linked where possible and copied otherwise. Symlinks inside ``data`` are
    followed (their targets are linked or copied); no symlink is made."""
    tree = ScaledTree(root, factor)

    def link_or_copy(src: str, dst: str) -> str:
        try:
            os.link(src, dst)
        except OSError:  # another file system, or links not supported
            tree.copied += 1
            return str(shutil.copy2(src, dst))
        tree.linked += 1
        return dst

    root.mkdir(parents=True)
    for season in season_folders(data):
        for copy in range(factor):
            shutil.copytree(season, root / copy_name(season.name, copy), copy_function=link_or_copy)
    return tree


@dataclass
class ScaleRun:
    """The measurements of the scale run at one size."""

    factor: int
    files: int
    total_bytes: int
    linked: int
    copied: int
    full_s: list[float]
    floor_s: list[float]
    peak_mb: float
    files_loaded: int
    problems: int

    @property
    def full(self) -> float:
        return statistics.median(self.full_s)

    @property
    def floor(self) -> float:
        return statistics.median(self.floor_s)

    @property
    def ratio(self) -> float:
        return self.full / self.floor


def scale_run(data: Path, factor: int, repeat: int, expect_loaded: int) -> ScaleRun:
    """(e) One size of the scale run: build the ``factor``-copy tree in a temporary directory, warm
    it, alternate ``repeat`` floors and full ingests (a fresh database path each), measure the peak
    RSS of one child ingest, remove the directory. The ingest must load ``expect_loaded`` files."""
    tmp = Path(tempfile.mkdtemp(prefix=f"pitboard-bench-{factor}x-"))
    try:
        print(f"  {factor}x: building the data tree ...", end="", file=sys.stderr, flush=True)
        tree = build_scaled(data, tmp / "data", factor)
        files = csv_files(tree.root)
        total_bytes = read_all(files)
        print(
            f" {len(files)} files, {total_bytes / 1e6:.1f} MB ({tree.linked} hard links, {tree.copied} copies)",
            file=sys.stderr,
            flush=True,
        )
        reports: list[IngestReport] = []

        def one_floor(_: int) -> float:
            return floor_scan(files).seconds

        def one_full(index: int) -> float:
            db = tmp / f"full-{index}" / "pitboard.duckdb"
            db.parent.mkdir()
            seconds, report = full_ingest(tree.root, db)
            shutil.rmtree(db.parent, ignore_errors=True)  # no database is needed afterwards
            reports.append(report)
            return seconds

        floor_s: list[float] = []
        full_s: list[float] = []
        for index in range(repeat):  # alternating, as in the main run
            floor_s.append(timed(f"{factor}x floor", index, repeat, one_floor))
            full_s.append(timed(f"{factor}x full ingest", index, repeat, one_full))
        peak = timed(f"{factor}x peak RSS (child)", 0, 1, lambda _: peak_rss(tree.root, tmp / "rss"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    last = reports[-1]
    if last.files_loaded != expect_loaded:
        raise AssertionError(
            f"{factor}x ingest loaded {last.files_loaded} files, expected {expect_loaded} "
            f"({factor} x the 1x ingest): the scale run would not measure {factor} copies"
        )
    return ScaleRun(
        factor,
        len(files),
        total_bytes,
        tree.linked,
        tree.copied,
        full_s,
        floor_s,
        peak,
        last.files_loaded,
        len(last.problems),
    )


# ---------------------------------------------------------------------------------------------
# reporting


def _runs(values: Sequence[float], fmt: str) -> str:
    return "  ".join(format(v, fmt) for v in values)


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def timed(label: str, index: int, repeat: int, step: Callable[[int], float]) -> float:
    """Run ``step(index)`` once, echoing progress on stderr."""
    print(f"  {label} {index + 1}/{repeat} ...", end="", file=sys.stderr, flush=True)
    value = step(index)
    print(f" {value:.3f}", file=sys.stderr, flush=True)
    return value


def measure(label: str, repeat: int, step: Callable[[int], float]) -> list[float]:
    """Run ``step(i)`` for i in 0..repeat-1, echoing progress on stderr."""
    return [timed(label, index, repeat, step) for index in range(repeat)]


def report_scale(
    runs: Sequence[ScaleRun], files: int, total_bytes: int, full: float, floor: float, peak: float, repeat: int
) -> list[tuple[str, str, str, bool]]:
    """Print the scale run's table (the main run's medians as the 1x row) and its targets; return
    the checks: full/floor at every size, peak memory at ``SCALE_PEAK_FACTOR``."""
    checks: list[tuple[str, str, str, bool]] = []
    for run in runs:
        checks.append(
            (
                f"{run.factor}x full ingest / floor",
                f"{run.ratio:.2f} x",
                f"<= {RATIO_TARGET:.1f} x",
                run.ratio <= RATIO_TARGET,
            )
        )
        if run.factor == SCALE_PEAK_FACTOR:
            checks.append(
                (
                    f"{run.factor}x peak memory",
                    f"{run.peak_mb:.0f} MB",
                    f"< {PEAK_TARGET_MB:.0f} MB",
                    run.peak_mb < PEAK_TARGET_MB,
                )
            )
    print()
    print(
        f"  scale run: K copies of every season (YYYY, YYYY+100, ...), hard links where possible; medians of {repeat}, peak of 1"
    )
    print(f"  {'size':>5} {'files':>7} {'MB':>8} {'ingest s':>9} {'floor s':>8} {'ratio':>6} {'peak MB':>8}")
    print(
        f"  {'1x':>5} {files:>7} {total_bytes / 1e6:>8.1f} {full:>9.3f} {floor:>8.3f} {full / floor:>6.2f} {peak:>8.0f}   (main run)"
    )
    for run in runs:
        print(
            f"  {f'{run.factor}x':>5} {run.files:>7} {run.total_bytes / 1e6:>8.1f} {run.full:>9.3f} "
            f"{run.floor:>8.3f} {run.ratio:>6.2f} {run.peak_mb:>8.0f}"
        )
    for run in runs:
        print(
            f"    {run.factor}x: {run.linked} files hard-linked, {run.copied} copied; ingest loaded "
            f"{run.files_loaded} files, reported {run.problems} problems; runs: ingest {_runs(run.full_s, '.3f')}, "
            f"floor {_runs(run.floor_s, '.3f')}"
        )
    print()
    print(f"  {'target':<30} {'value':>10}   {'target':<12} result")
    for name, value, target, ok in checks:
        print(f"  {name:<30} {value:>10}   {target:<12} {_verdict(ok)}")
    return checks


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data folder (default: the bundled data/imsa)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions of each measurement (default: 3)")
    parser.add_argument(
        "--scale",
        type=scale_factors,
        nargs="?",
        const=SCALE_DEFAULT,
        default=None,
        metavar="K,K,...",
        help="also run the scale run: each size K holds K copies of every season (--scale alone: 2,4,8)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if any target is missed")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    data: Path = args.data.resolve()
    if not data.is_dir():
        parser.error(f"{data} is not a folder")
    factors: tuple[int, ...] = args.scale or ()
    if factors:
        seasons = season_folders(data)
        if not seasons:
            parser.error(f"--scale: {data} has no season folders (four-digit names) at its top")
        for factor in factors:
            if problem := scale_problem(seasons, factor):
                parser.error(f"--scale: {problem}")

    files = csv_files(data)
    total_bytes = read_all(files)  # warm the page cache so no variant pays for the first read
    # Imports that ingest does lazily would otherwise land in the first timed repetition.
    for module in ("pitboard.refdata", "pitboard.ingestion.stage", "pitboard.ingestion.build"):
        with contextlib.suppress(ImportError):
            __import__(module)

    print(
        f"pitboard ingest benchmark: {data} ({len(files)} files, {total_bytes / 1e6:.1f} MB), "
        f"repeat {args.repeat}; duckdb {duckdb.__version__}, python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs",
        file=sys.stderr,
    )

    tmp = Path(tempfile.mkdtemp(prefix="pitboard-bench-"))
    try:
        floors: list[FloorRun] = []
        reports: list[IngestReport] = []
        dbs: list[Path] = []

        def one_floor(_: int) -> float:
            floors.append(floor_scan(files))
            return floors[-1].seconds

        def one_full(index: int) -> float:
            db = tmp / f"full-{index}" / "pitboard.duckdb"
            db.parent.mkdir()
            seconds, report = full_ingest(data, db)
            if dbs:  # keep only the newest database (for the re-run); the others are dead weight
                shutil.rmtree(dbs[-1].parent, ignore_errors=True)
            dbs.append(db)
            reports.append(report)
            return seconds

        # Floor and full ingest alternate so that drift on the machine hits both alike.
        floor_s: list[float] = []
        full_s: list[float] = []
        for index in range(args.repeat):
            floor_s.append(timed("floor", index, args.repeat, one_floor))
            full_s.append(timed("full ingest", index, args.repeat, one_full))
        rerun_s = measure("re-run", args.repeat, lambda _: rerun(data, dbs[-1]))
        peak_mb = measure("peak RSS (child)", args.repeat, lambda i: peak_rss(data, tmp / f"rss-{i}"))
        children_mb = _kib_to_mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    full = statistics.median(full_s)
    floor = statistics.median(floor_s)
    scan = statistics.median(f.scan_seconds for f in floors)
    again = statistics.median(rerun_s)
    peak = statistics.median(peak_mb)
    ratio = full / floor
    checks = [
        ("full ingest / floor", f"{ratio:.2f} x", f"<= {RATIO_TARGET:.1f} x", ratio <= RATIO_TARGET),
        ("re-run (unchanged files)", f"{again:.3f} s", f"< {RERUN_TARGET_S} s", again < RERUN_TARGET_S),
        ("peak memory (full ingest)", f"{peak:.0f} MB", f"< {PEAK_TARGET_MB:.0f} MB", peak < PEAK_TARGET_MB),
    ]

    print()
    print(f"pitboard ingest benchmark  data={data}  repeat={args.repeat}")
    print(f"  {len(files)} files, {total_bytes / 1e6:.1f} MB; duckdb {duckdb.__version__}; {os.cpu_count()} CPUs")
    print()
    print(f"  {'measurement':<30} {'median':>10}   runs")
    print(f"  {'(a) full ingest, new db':<30} {full:>8.3f} s   {_runs(full_s, '.3f')}")
    print(f"  {'(b) floor (classify + scan)':<30} {floor:>8.3f} s   {_runs(floor_s, '.3f')}")
    print(f"  {'    of which the scan':<30} {scan:>8.3f} s   {_runs([f.scan_seconds for f in floors], '.3f')}")
    print(f"  {'(c) re-run, up to date':<30} {again:>8.3f} s   {_runs(rerun_s, '.3f')}")
    print(f"  {'(d) peak RSS of a full ingest':<30} {peak:>7.0f} MB   {_runs(peak_mb, '.0f')}")
    print(f"  {'    RUSAGE_CHILDREN max':<30} {children_mb:>7.0f} MB")
    print()
    print(f"  {'target':<30} {'value':>10}   {'target':<12} result")
    for name, value, target, ok in checks:
        print(f"  {name:<30} {value:>10}   {target:<12} {_verdict(ok)}")
    print()
    last = reports[-1]
    print(
        f"  rows (last full ingest report; {last.files_seen} files seen, {last.files_loaded} loaded, "
        f"{last.files_skipped} skipped, {len(last.problems)} problems):"
    )
    for name, count in last.rows.items():
        print(f"    {name:<28} {count:>10,}")
    print("  floor rows (raw lines read):")
    for kind, count in sorted(floors[-1].rows.items()):
        print(f"    {kind:<28} {count:>10,}")
    print("  floor layouts:")
    for layout in floors[-1].layouts:
        padded = ", null_padding" if layout.kind == "results" else ""
        print(
            f"    {layout.kind:<8} {layout.columns[0]:<9} {len(layout.columns):>3} fields{padded:<14} {len(layout.files):>4} files"
        )

    if factors:
        print("\nscale run:", ", ".join(f"{k}x" for k in factors), file=sys.stderr)
        scale = [scale_run(data, k, args.repeat, k * last.files_loaded) for k in factors]
        checks += report_scale(scale, len(files), total_bytes, full, floor, peak, args.repeat)

    return verdict(checks, args.check)


if __name__ == "__main__":
    sys.exit(main())
