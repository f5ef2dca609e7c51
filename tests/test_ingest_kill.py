"""The kill test (issue 10): a real forced re-ingest, SIGKILLed at several points, never harms the
previous database; the next ingest removes what the killed process left beside it (partial
database, its WAL and spill folder, staging folder) and never what a live process still uses."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import pitboard
from conftest import BUNDLED, SLICE, sql

TABLES = ("laps", "results", "weather", "entries")
DB = "db.duckdb"

#: The killed child: a forced re-ingest of the full bundled data (several seconds, and different
#: counts from the slice, so a swap that should not have happened shows). It can hold still at a
#: given phase or file (printing "paused") so that late points are hit exactly, not by timing.
CHILD = """
import sys, time
import pitboard

data, db, pause_phase, pause_file = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

def hold():
    print("paused", flush=True)
    time.sleep(600)

def phase(name):
    if name == pause_phase:
        hold()

def progress(done, total, done_bytes, total_bytes):
    if done == pause_file:
        hold()

pitboard.ingest(data, db, force=True, phase=phase, progress=progress)
"""


def signature(db: Path) -> dict[str, object]:
    """Row count and an order-free content hash per table, and the whole ``_meta`` (``built_at``)."""
    with pitboard.open(db) as pb:
        tables = {t: sql(pb, f"SELECT count(*), sum(hash(t)::HUGEINT) FROM {t} t")[0] for t in TABLES}
        meta = dict(sql(pb, "SELECT key, value FROM _meta"))
    return {"tables": tables, "meta": meta}


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """A good database of the pinned slice and its signature."""
    db = tmp_path_factory.mktemp("good") / DB
    pitboard.ingest(SLICE, db, strict=True)
    return db, signature(db)


@pytest.fixture
def work(tmp_path: Path, good: tuple[Path, dict[str, object]]) -> Path:
    """A folder holding only a copy of the good database (still up to date with the slice)."""
    folder = tmp_path / "work"
    folder.mkdir()
    shutil.copy2(good[0], folder / DB)
    assert signature(folder / DB) == good[1]
    return folder


@pytest.fixture
def live() -> Iterator[subprocess.Popen[bytes]]:
    """A process that is still running (until the test ends it)."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def fake_leftovers(folder: Path, pid: int) -> list[str]:
    """What an ingest of process ``pid`` killed mid-build would leave: partial database, WAL,
    spill folder and staging folder (the folders not empty)."""
    building = folder / f"{DB}.building-{pid}"
    building.write_bytes(b"partial")
    (folder / f"{building.name}.wal").write_bytes(b"wal")
    (folder / f"{building.name}.tmp").mkdir()
    (folder / f"{building.name}.tmp" / "spill.block").write_bytes(b"spill")
    (folder / f"pitboard-stage-{pid}-abc").mkdir()
    (folder / f"pitboard-stage-{pid}-abc" / "laps-27.csv").write_bytes(b"1,2,3\n")
    return sorted(p.name for p in folder.iterdir() if str(pid) in p.name)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# (how, argument, what must exist after the kill)
KILL_POINTS = {
    "after-0.2s": ("delay", 0.2, set()),
    "after-0.6s": ("delay", 0.6, set()),
    "after-1.2s": ("delay", 1.2, set()),
    "after-2.0s": ("delay", 2.0, set()),
    "staging-folder-appears": ("appears", "pitboard-stage-{pid}-*", {"stage"}),
    "mid-reading-files": ("file", None, {"stage"}),
    "building-file-appears": ("appears", f"{DB}.building-{{pid}}", {"stage", "building"}),
    "loading-laps": ("phase", "laps", {"stage", "building"}),
    "writing-just-before-swap": ("phase", "writing", {"stage", "building"}),
}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_kill_keeps_the_database_and_the_next_ingest_cleans_up(
    point: str, work: Path, good: tuple[Path, dict[str, object]], live: subprocess.Popen[bytes], tmp_path: Path
) -> None:
    how, arg, expected = KILL_POINTS[point]
    db = work / DB
    running = fake_leftovers(work, live.pid)  # a running ingest's files: nobody may touch them
    files = len(list(BUNDLED.rglob("*.csv")))
    pause_phase = arg if how == "phase" else ""
    pause_file = files // 2 if how == "file" else 0
    with (tmp_path / "child.err").open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(BUNDLED), str(db), pause_phase, str(pause_file)],
            stdout=subprocess.PIPE,
            stderr=err,
        )
    try:
        if how == "delay":
            time.sleep(arg)
        elif how == "appears":
            pattern = arg.format(pid=proc.pid)
            deadline = time.monotonic() + 60
            while not list(work.glob(pattern)):
                assert proc.poll() is None, (tmp_path / "child.err").read_text()
                assert time.monotonic() < deadline, f"{pattern} never appeared"
                time.sleep(0.001)
        else:
            assert proc.stdout is not None
            assert proc.stdout.readline() == b"paused\n", (tmp_path / "child.err").read_text()
        assert proc.poll() is None, f"the child ended before the kill: {(tmp_path / 'child.err').read_text()}"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    # the previous database is untouched: opens, same counts, same content, same build
    assert signature(db) == good[1]
    leftovers = sorted(set(names(work)) - {DB, *running})
    assert all(name.startswith((f"{DB}.building-{proc.pid}", f"pitboard-stage-{proc.pid}-")) for name in leftovers), (
        leftovers
    )
    kinds = {"stage" if n.startswith("pitboard-stage-") else "building" for n in leftovers}
    assert expected <= kinds, (point, leftovers)

    # the next (not forced) ingest finds the database up to date and removes every leftover
    # of the killed process, and only those
    report = pitboard.ingest(SLICE, db)
    assert report.up_to_date
    assert sorted(report.removed_leftovers) == leftovers
    assert names(work) == sorted([DB, *running])
    assert signature(db) == good[1]


def test_leftovers_of_a_dead_process_are_removed_even_when_up_to_date(
    work: Path, good: tuple[Path, dict[str, object]]
) -> None:
    db = work / DB
    pid = dead_pid()
    leftovers = fake_leftovers(work, pid)
    assert leftovers == [
        f"{DB}.building-{pid}",
        f"{DB}.building-{pid}.tmp",
        f"{DB}.building-{pid}.wal",
        f"pitboard-stage-{pid}-abc",
    ]
    report = pitboard.ingest(SLICE, db)
    assert report.up_to_date
    assert sorted(report.removed_leftovers) == leftovers
    assert names(work) == [DB]
    assert signature(db) == good[1]
    assert pitboard.ingest(SLICE, db).removed_leftovers == []  # nothing left the second time


def test_leftovers_of_a_running_process_are_kept_until_it_ends(
    work: Path, good: tuple[Path, dict[str, object]], live: subprocess.Popen[bytes]
) -> None:
    db = work / DB
    leftovers = fake_leftovers(work, live.pid)
    other = f"other.duckdb.building-{dead_pid()}"  # another database's partial file: not ours
    (work / other).write_bytes(b"partial")
    (work / "pitboard-stage-x-abc").mkdir()  # no pid in the name: never judged dead
    report = pitboard.ingest(SLICE, db)
    assert report.up_to_date and report.removed_leftovers == []
    assert names(work) == sorted([DB, other, "pitboard-stage-x-abc", *leftovers])
    assert (work / f"{DB}.building-{live.pid}.tmp" / "spill.block").exists()
    assert signature(db) == good[1]

    live.kill()  # the owner dies: now they are leftovers
    live.wait()
    report = pitboard.ingest(SLICE, db)
    assert report.up_to_date and sorted(report.removed_leftovers) == leftovers
    assert names(work) == sorted([DB, other, "pitboard-stage-x-abc"])
