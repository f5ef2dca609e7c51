"""Bad input: each broken file gets a clear error (file, line, problem) and loses nothing else;
a failed ingest leaves the previous database intact; re-runs do no work."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import pitboard
from conftest import SLICE, sql
from pitboard.ingestion import derive

LAPS = "2021/14-lime-rock-park/202107171510-race-laps.csv"
RESULTS = "2022/10-belle-isle-street-course/202206031730-qualifying-results.csv"
WEATHER = "2021/14-lime-rock-park/202107171510-race-weather.csv"
ACCENTED = "2024/19-road-atlanta/202410111525-qualifying-results.csv"  # real ö, ü, é (not mojibake)


def counts(db: Path) -> dict[str, int]:
    with pitboard.open(db) as pb:
        return {t: sql(pb, f"SELECT count(*) FROM {t}")[0][0] for t in ("laps", "results", "weather", "entries")}


@pytest.fixture(scope="module")
def clean_counts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    pitboard.ingest(SLICE, db, strict=True)
    return counts(db)


def rows_in(path: Path) -> int:
    return path.read_bytes().count(b"\n") - 1


def only_problem(report: pitboard.IngestReport) -> pitboard.Issue:
    """The one file problem of a report. A rejected race results file also leaves its round
    missing: that consequence is reported on the event (checked here), not on a file."""
    problems = [p for p in report.problems if p.path.endswith(".csv")]
    assert len(problems) == 1, problems
    for p in report.problems:
        if not p.path.endswith(".csv"):
            assert p.path == problems[0].path.rsplit("/", 1)[0] and "no race classification" in p.problem, p
    return problems[0]


def test_truncated_file(slice_copy: Path, tmp_path: Path, clean_counts: dict[str, int]) -> None:
    path = slice_copy / LAPS
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # cut mid-line
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    issue = only_problem(report)
    assert issue.path == LAPS and issue.severity == "error"
    assert issue.line == data[: len(data) // 2].count(b"\n") + 1
    assert "truncated" in issue.problem and "skipped" in issue.action
    after = counts(tmp_path / "db.duckdb")
    assert after["laps"] == clean_counts["laps"] - rows_in(SLICE / LAPS)
    assert {k: v for k, v in after.items() if k != "laps"} == {k: v for k, v in clean_counts.items() if k != "laps"}


def test_wrong_encoding(slice_copy: Path, tmp_path: Path, clean_counts: dict[str, int]) -> None:
    path = slice_copy / ACCENTED
    text = path.read_text(encoding="utf-8-sig")
    path.write_bytes(text.encode("latin-1"))
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    issue = only_problem(report)
    assert issue.path == ACCENTED and "not UTF-8" in issue.problem
    bad_line = next(i for i, line in enumerate(text.splitlines(), start=1) if any(ord(c) > 127 for c in line))
    assert issue.line == bad_line
    after = counts(tmp_path / "db.duckdb")
    assert after["results"] == clean_counts["results"] - rows_in(SLICE / ACCENTED)
    assert after["laps"] == clean_counts["laps"]


def test_unknown_header(slice_copy: Path, tmp_path: Path, clean_counts: dict[str, int]) -> None:
    path = slice_copy / WEATHER
    text = path.read_text(encoding="utf-8-sig")
    path.write_text(text.replace("AIR_TEMP", "AIR_TEMPERATURE", 1), encoding="utf-8")
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    issue = only_problem(report)
    assert (issue.path, issue.line) == (WEATHER, 1)
    assert (
        "unknown weather header" in issue.problem and "AIR_TEMP" in issue.problem and "AIR_TEMPERATURE" in issue.problem
    )
    assert counts(tmp_path / "db.duckdb")["weather"] == clean_counts["weather"] - rows_in(SLICE / WEATHER)


def test_garbage_bytes(slice_copy: Path, tmp_path: Path, clean_counts: dict[str, int]) -> None:
    (slice_copy / RESULTS).write_bytes(os.urandom(4096))
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    issue = only_problem(report)
    assert issue.path == RESULTS and issue.severity == "error"
    assert counts(tmp_path / "db.duckdb")["results"] == clean_counts["results"] - rows_in(SLICE / RESULTS)


def test_row_with_too_many_fields(slice_copy: Path, tmp_path: Path, clean_counts: dict[str, int]) -> None:
    path = slice_copy / LAPS
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    lines[10] = lines[10] + "extra,"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    issue = only_problem(report)
    assert (issue.path, issue.line) == (LAPS, 11) and "malformed CSV row" in issue.problem
    assert counts(tmp_path / "db.duckdb")["laps"] == clean_counts["laps"] - rows_in(SLICE / LAPS)


def test_value_that_is_not_a_duration(slice_copy: Path, tmp_path: Path, clean_counts: dict[str, int]) -> None:
    path = slice_copy / LAPS
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    fields = lines[20].split(",")
    fields[3] = "1:2x.345"
    lines[20] = ",".join(fields)
    path.write_text("\n".join(lines), encoding="utf-8")
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    issue = only_problem(report)
    assert (issue.path, issue.line, issue.column) == (LAPS, 21, "LAP_TIME")
    assert "'1:2x.345' is not a duration" in issue.problem
    assert counts(tmp_path / "db.duckdb")["laps"] == clean_counts["laps"] - rows_in(SLICE / LAPS)


def test_unreadable_file(
    slice_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_counts: dict[str, int]
) -> None:
    target = (slice_copy / WEATHER).resolve()
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.resolve() == target:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    issue = only_problem(report)
    assert issue.path == WEATHER and "cannot read file: Permission denied" in issue.problem
    assert counts(tmp_path / "db.duckdb")["weather"] == clean_counts["weather"] - rows_in(SLICE / WEATHER)


def test_duplicate_tree(tmp_path: Path, clean_counts: dict[str, int]) -> None:
    root = tmp_path / "root"
    shutil.copytree(SLICE, root / "imsa")
    shutil.copytree(SLICE, root / "imsa-copy")
    report = pitboard.ingest(root, tmp_path / "db.duckdb")
    duplicates = [i for i in report.issues if "duplicate of" in i.problem]
    assert len(duplicates) == len(list(SLICE.rglob("*.csv")))
    assert all(i.path.startswith("imsa-copy/") and i.severity == "warning" for i in duplicates)
    assert counts(tmp_path / "db.duckdb") == clean_counts  # nothing loaded twice


def test_conflicting_copy_is_an_error(tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(SLICE, root / "a")
    shutil.copytree(SLICE, root / "b")
    (root / "b" / WEATHER).write_text(
        "TIME_UTC_SECONDS,TIME_UTC_STR,AIR_TEMP,TRACK_TEMP,HUMIDITY,PRESSURE,WIND_SPEED,WIND_DIRECTION,RAIN,\n",
        encoding="utf-8",
    )
    report = pitboard.ingest(root, tmp_path / "db.duckdb")
    conflict = [i for i in report.issues if "conflicting copy" in i.problem]
    assert len(conflict) == 1 and conflict[0].severity == "error" and conflict[0].path == f"b/{WEATHER}"


def test_missing_folder(tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    pitboard.ingest(SLICE, db, strict=True)
    before = counts(db)
    with pytest.raises(pitboard.IngestError, match="does not exist"):
        pitboard.ingest(tmp_path / "no-such-folder", db)
    assert counts(db) == before


def test_missing_event_folder_only_loses_that_event(slice_copy: Path, tmp_path: Path) -> None:
    shutil.rmtree(slice_copy / "2021" / "14-lime-rock-park")
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb", strict=True)
    assert report.problems == []
    with pitboard.open(tmp_path / "db.duckdb") as pb:
        assert sql(pb, "SELECT count(*) FROM events WHERE folder = '14-lime-rock-park'") == [(0,)]
        # the calendar still knows the round, and now says it is missing
        assert sql(pb, "SELECT status FROM calendar WHERE season = 2021 AND round = 7") == [("missing",)]


def test_strict_refuses_and_keeps_the_previous_database(slice_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    pitboard.ingest(slice_copy, db, strict=True)
    before = counts(db)
    (slice_copy / RESULTS).write_bytes(b"\x00\x01garbage")
    with pytest.raises(pitboard.IngestError, match="strict") as error:
        pitboard.ingest(slice_copy, db, strict=True)
    assert error.value.issues and error.value.issues[0].path == RESULTS
    assert counts(db) == before
    assert not list(tmp_path.glob("db.duckdb.building-*"))


def test_crash_mid_ingest_leaves_the_previous_database(
    slice_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db.duckdb"
    pitboard.ingest(slice_copy, db)
    before = counts(db)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(derive, "build_identities", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pitboard.ingest(slice_copy, db, force=True)
    assert counts(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.duckdb", "imsa"]


def test_rerun_does_no_work_and_a_changed_file_is_reread(slice_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    first = pitboard.ingest(slice_copy, db)
    assert not first.up_to_date
    built = db.stat().st_mtime_ns
    again = pitboard.ingest(slice_copy, db)
    assert again.up_to_date and db.stat().st_mtime_ns == built
    before = counts(db)
    path = slice_copy / WEATHER
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join([*lines[:-2], b""]))  # drop the last sample
    changed = pitboard.ingest(slice_copy, db)
    assert not changed.up_to_date
    assert counts(db) == {**before, "weather": before["weather"] - 1}


def test_header_only_file_is_empty_not_broken(slice_copy: Path, tmp_path: Path, clean_counts: dict[str, int]) -> None:
    path = slice_copy / RESULTS
    path.write_text(path.read_text(encoding="utf-8-sig").split("\n")[0] + "\n", encoding="utf-8")
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb", strict=True)
    assert report.problems == []
    assert [i.problem for i in report.issues if i.path == RESULTS] == ["header only: no data rows"]
    assert counts(tmp_path / "db.duckdb")["results"] == clean_counts["results"] - rows_in(SLICE / RESULTS)


def test_duplicate_row_skips_the_file(slice_copy: Path, tmp_path: Path, clean_counts: dict[str, int]) -> None:
    path = slice_copy / "2021/14-lime-rock-park/202107171510-race-results.csv"
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    lines.insert(3, lines[2])  # the same car twice
    path.write_text("\n".join(lines), encoding="utf-8")
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    issue = only_problem(report)
    assert issue.line == 4 and "duplicate row: NUMBER" in issue.problem and "appears twice" in issue.problem
    assert counts(tmp_path / "db.duckdb")["results"] == clean_counts["results"] - 16


def test_decimal_in_a_whole_number_column(slice_copy: Path, tmp_path: Path) -> None:
    path = slice_copy / LAPS
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    fields = lines[5].split(",")
    fields[2] = "5.5"  # LAP_NUMBER
    lines[5] = ",".join(fields)
    path.write_text("\n".join(lines), encoding="utf-8")
    issue = only_problem(pitboard.ingest(slice_copy, tmp_path / "db.duckdb"))
    assert (issue.line, issue.column) == (6, "LAP_NUMBER") and "is not a whole number" in issue.problem


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(slice_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    pitboard.ingest(slice_copy, db)
    path = slice_copy / WEATHER
    stat = path.stat()
    data = path.read_bytes()
    path.write_bytes(data.replace(b",-1,\n", b",-2,\n", 1))  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime, as cp -p would leave
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    assert not pitboard.ingest(slice_copy, db).up_to_date
    with pitboard.open(db) as pb:
        assert sql(pb, "SELECT count(*) FROM weather WHERE rain = -2") == [(1,)]


def test_up_to_date_report_keeps_the_counts(slice_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    (slice_copy / RESULTS).write_bytes(b"\x00garbage")
    first = pitboard.ingest(slice_copy, db)
    again = pitboard.ingest(slice_copy, db)
    assert again.up_to_date and (again.files_loaded, again.files_skipped) == (
        first.files_loaded,
        first.files_skipped,
    ) == (17, 1)
    (slice_copy / "notes.csv").write_text("stray\n")
    assert pitboard.ingest(slice_copy, db).up_to_date is False  # a new stray file is a change
    assert pitboard.ingest(slice_copy, db).up_to_date is True  # ... once
