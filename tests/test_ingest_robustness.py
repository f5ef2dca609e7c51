"""Issue 10: an ingest that never loses or invents a row.

Named tests for each way a new export can be damaged, and a seeded fuzz corpus of mutations of
real files asserting the properties on every run: the ingest never aborts or hangs; a damaged
file is rejected whole, alone, with its file and line; every other file's rows load exactly as
without it (row counts and a content hash per file); a round whose race classification is lost is
not called complete.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import pitboard
from conftest import SLICE, sql
from pitboard.cli import main

LAPS = "2021/14-lime-rock-park/202107171510-race-laps.csv"
RACE = "2021/14-lime-rock-park/202107171510-race-results.csv"
QUALI = "2022/10-belle-isle-street-course/202206031730-qualifying-results.csv"
WEATHER = "2021/14-lime-rock-park/202107171510-race-weather.csv"
LB_RACE = "2023/08-long-beach-street-circuit/202304151405-race-results.csv"

#: Tables whose rows come straight from one file each.
TABLES = ("laps", "results", "weather", "entries", "entry_drivers")


def fingerprint(db: Path) -> dict[tuple[str, str], tuple[int, int]]:
    """(table, source file) → (rows, content hash): what each file contributed."""
    out = {}
    with pitboard.open(db) as pb:
        for table in TABLES:
            for path, rows, digest in sql(
                pb,
                # every column but the file id (ids follow the set of files found, not their content)
                f"""SELECT s.path, count(*), bit_xor(hash(*COLUMNS(t.* EXCLUDE (source_id))))
                    FROM {table} t JOIN _sources s USING (source_id) GROUP BY s.path""",
            ):
                out[(table, path)] = (rows, digest)
    return out


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[int, int]]:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    pitboard.ingest(SLICE, db, strict=True)
    return fingerprint(db)


def others(fp: dict[tuple[str, str], tuple[int, int]], rel: str) -> dict[tuple[str, str], tuple[int, int]]:
    return {k: v for k, v in fp.items() if k[1] != rel}


def file_errors(report: pitboard.IngestReport, rel: str) -> list[pitboard.Issue]:
    return [i for i in report.issues if i.path == rel and i.severity == "error"]


def edit_line(path: Path, index: int, change: Callable[[list[str]], list[str]]) -> None:
    """Replace the fields of data line ``index`` (1 = first data row) with ``change(fields)``."""
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    lines[index] = ",".join(change(lines[index].split(",")))
    path.write_text("\n".join(lines), encoding="utf-8")


def column(path: Path, name: str) -> int:
    header = path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
    return [h.strip() for h in header.split(",")].index(name)


# --------------------------------------------------------------------------------------------
# named cases


def test_unterminated_quote_in_a_laps_file_costs_only_that_file(slice_copy: Path, tmp_path: Path, clean: dict) -> None:
    edit_line(slice_copy / LAPS, 5, lambda f: [*f[:3], '"' + f[3], *f[4:]])
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    (issue,) = file_errors(report, LAPS)
    assert issue.line == 6 and "quote" in issue.problem
    assert others(fingerprint(tmp_path / "db.duckdb"), LAPS) == others(clean, LAPS)


def test_unterminated_quote_in_a_results_file_costs_only_that_file(
    slice_copy: Path, tmp_path: Path, clean: dict
) -> None:
    edit_line(slice_copy / QUALI, 3, lambda f: [*f[:5], '"' + f[5], *f[6:]])
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    (issue,) = file_errors(report, QUALI)
    assert issue.line == 4 and "quote" in issue.problem and "stage" not in issue.problem
    assert others(fingerprint(tmp_path / "db.duckdb"), QUALI) == others(clean, QUALI)


def test_merged_lines_are_reread_alone(
    slice_copy: Path, tmp_path: Path, clean: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: with the quote check switched off, the bulk reader merges the lines after
    the damaged one; the row count per file catches it and the other files are re-read alone."""
    from pitboard.ingestion import files

    monkeypatch.setattr(files, "_quote_problem", lambda text: None)
    edit_line(slice_copy / LAPS, 5, lambda f: [*f[:3], '"' + f[3], *f[4:]])
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    assert file_errors(report, LAPS)
    assert others(fingerprint(tmp_path / "db.duckdb"), LAPS) == others(clean, LAPS)


@pytest.mark.parametrize(
    ("rel", "name", "value", "expected"),
    [
        (RACE, "POSITION", "99999999999", "position from 1 to 999"),
        (RACE, "LAPS", "2147483648", "0 to 9999"),
        (LAPS, "LAP_NUMBER", "100000", "0 to 9999"),
        (LAPS, "DRIVER_NUMBER", "0", "driver slot"),
        (RACE, "NUMBER", "12345", "car number"),
        (WEATHER, "WIND_DIRECTION", "99999999999", "at most 9 digits"),
    ],
)
def test_out_of_range_values_reject_the_file(
    slice_copy: Path, tmp_path: Path, clean: dict, rel: str, name: str, value: str, expected: str
) -> None:
    col = column(slice_copy / rel, name)
    edit_line(slice_copy / rel, 2, lambda f: [*f[:col], value, *f[col + 1 :]])
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    (issue,) = file_errors(report, rel)
    assert (issue.line, issue.column) == (3, name) and expected in issue.problem
    assert others(fingerprint(tmp_path / "db.duckdb"), rel) == others(clean, rel)


def test_comma_inside_a_team_name_shifts_the_columns_and_is_rejected(
    slice_copy: Path, tmp_path: Path, clean: dict
) -> None:
    """'Corvette Racing, Inc' unquoted: the row's class becomes 'INC' and its drivers shift."""
    col = column(slice_copy / RACE, "TEAM")
    edit_line(slice_copy / RACE, 1, lambda f: [*f[:col], f[col] + ", Inc", *f[col + 1 :]])
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    (issue,) = file_errors(report, RACE)
    assert issue.line == 2 and "shifted" in issue.problem
    assert others(fingerprint(tmp_path / "db.duckdb"), RACE) == others(clean, RACE)


def test_class_of_another_season_is_rejected(slice_copy: Path, tmp_path: Path) -> None:
    col = column(slice_copy / RACE, "CLASS")
    edit_line(slice_copy / RACE, 1, lambda f: [*f[:col], "GTP", *f[col + 1 :]])  # no GTP in 2021
    (issue,) = file_errors(pitboard.ingest(slice_copy, tmp_path / "db.duckdb"), RACE)
    assert issue.column == "CLASS" and "2021" in issue.problem


def test_unknown_session_name_is_kept_and_reported(slice_copy: Path, tmp_path: Path) -> None:
    src = slice_copy / QUALI
    shutil.copy(src, src.with_name("202206031930-hyperpole-results.csv"))
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    assert [i for i in report.issues if "unknown session name 'hyperpole'" in i.problem]
    with pitboard.open(tmp_path / "db.duckdb") as pb:
        assert sql(pb, "SELECT kind FROM sessions WHERE slug = 'hyperpole'") == [("other",)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_csv_is_skipped_not_waited_on(slice_copy: Path, tmp_path: Path, clean: dict) -> None:
    fifo = slice_copy / "2021/14-lime-rock-park/202107171510-warm-up-results.csv"
    os.mkfifo(fifo)
    result: dict[str, pitboard.IngestReport] = {}
    worker = threading.Thread(
        target=lambda: result.setdefault("r", pitboard.ingest(slice_copy, tmp_path / "db.duckdb"))
    )
    worker.start()
    worker.join(60)
    if worker.is_alive():  # unblock the reader before failing
        with open(fifo, "w"):
            pass
        pytest.fail("the ingest waited on a FIFO")
    rel = "2021/14-lime-rock-park/202107171510-warm-up-results.csv"
    assert [i for i in result["r"].issues if i.path == rel and "not a regular file" in i.problem]
    assert fingerprint(tmp_path / "db.duckdb") == clean


def test_a_symlinked_season_folder_is_read(tmp_path: Path, clean: dict) -> None:
    root = tmp_path / "root"
    root.mkdir()
    for season in SLICE.iterdir():
        if season.name == "2021":
            (root / "2021").symlink_to(season, target_is_directory=True)
        else:
            shutil.copytree(season, root / season.name)
    pitboard.ingest(root, tmp_path / "db.duckdb", strict=True)
    assert fingerprint(tmp_path / "db.duckdb") == clean


def test_the_same_race_exported_twice_is_not_double_counted(slice_copy: Path, tmp_path: Path) -> None:
    """An identical copy under a second start time is loaded once; a differing copy leaves the
    round missing (neither can be trusted), and the season says so."""
    folder = slice_copy / "2023/08-long-beach-street-circuit"
    for path in list(folder.glob("202304151405-race-*.csv")):
        shutil.copy(path, path.with_name(path.name.replace("1405", "1410")))
    report = pitboard.ingest(slice_copy, tmp_path / "same.duckdb")
    assert [i for i in report.issues if "exported twice" in i.problem and i.severity == "warning"]
    with pitboard.open(tmp_path / "same.duckdb") as pb:
        assert sql(pb, "SELECT count(*) FROM sessions WHERE event_id LIKE '2023/08%' AND slug = 'race'") == [(1,)]
    text = (folder / "202304151410-race-results.csv").read_text(encoding="utf-8")
    (folder / "202304151410-race-results.csv").write_text(
        text.replace(",Classified,", ",Not started,", 1), encoding="utf-8"
    )
    report = pitboard.ingest(slice_copy, tmp_path / "differ.duckdb")
    assert [i for i in report.issues if "different contents" in i.problem and i.severity == "error"]
    with pitboard.open(tmp_path / "differ.duckdb") as pb:
        assert sql(pb, "SELECT count(*) FROM sessions WHERE event_id LIKE '2023/08%' AND slug = 'race'") == [(0,)]
        assert sql(pb, "SELECT status FROM calendar WHERE season = 2023 AND venue_id = 'long-beach'") == [("missing",)]


@pytest.mark.parametrize("damage", ["empty", "header-only", "garbage"])
def test_a_lost_race_classification_makes_the_round_missing(slice_copy: Path, tmp_path: Path, damage: str) -> None:
    path = slice_copy / LB_RACE
    header = path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
    path.write_bytes({"empty": b"", "header-only": (header + "\n").encode(), "garbage": b"\x00\x01"}[damage])
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    assert [i for i in report.issues if i.path == "2023/08-long-beach-street-circuit" and "no race" in i.problem]
    with pitboard.open(tmp_path / "db.duckdb") as pb:
        (status,) = sql(pb, "SELECT status FROM calendar WHERE event_id = '2023/08-long-beach-street-circuit'")[0]
        complete = sql(pb, "SELECT complete FROM seasons WHERE season = 2023")[0][0]
    assert status == "missing" and not complete


def test_an_empty_folder_never_empties_the_database(tmp_path: Path, clean: dict) -> None:
    db = tmp_path / "db.duckdb"
    pitboard.ingest(SLICE, db)
    (tmp_path / "empty").mkdir()
    with pytest.raises(pitboard.IngestError, match="no export files"):
        pitboard.ingest(tmp_path / "empty", db)
    assert fingerprint(db) == clean
    out = CliRunner().invoke(main, ["ingest", str(tmp_path / "empty"), "--db", str(db), "--quiet"])
    assert out.exit_code != 0 and "no export files" in out.output


def test_db_refuses_a_file_that_is_not_a_pitboard_database(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    with pytest.raises(pitboard.IngestError, match="not a pitboard database"):
        pitboard.ingest(SLICE, notes)
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    out = CliRunner().invoke(main, ["ingest", str(SLICE), "--db", str(notes), "--quiet"])
    assert out.exit_code == 1 and "--force" in out.output and notes.read_text(encoding="utf-8") == "my notes\n"
    pitboard.ingest(SLICE, notes, force=True)  # forced: replaced
    with pitboard.open(notes) as pb:
        assert sql(pb, "SELECT count(*) FROM results")[0][0] > 0


def test_disk_full_is_one_clear_error_and_frees_the_space(
    tmp_path: Path, clean: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db.duckdb"
    pitboard.ingest(SLICE, db)
    from pitboard.ingestion import build

    real = build.build

    def full(path: Path, *args: object, **kwargs: object) -> dict[str, int]:
        real(path, *args, **kwargs)  # the partial database exists, then the disk fills up
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(build, "build", full)
    with pytest.raises(pitboard.IngestError, match="disk is full") as error:
        pitboard.ingest(SLICE, db, force=True)
    assert "unchanged" in str(error.value)
    assert fingerprint(db) == clean
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.duckdb"]


def test_ctrl_c_ends_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pitboard, "ingest", interrupted)
    out = CliRunner().invoke(main, ["ingest", str(SLICE), "--db", str(tmp_path / "db.duckdb"), "--quiet"])
    assert out.exit_code == 130
    assert out.output.strip() == "interrupted: nothing was changed" and "Traceback" not in out.output


def test_export_writes_only_its_own_files(tmp_path: Path, slice_db: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "mine.txt").write_text("keep", encoding="utf-8")
    (target / "laps").mkdir()  # a folder of the user's that shares a table's name
    out = CliRunner().invoke(main, ["export", str(target), "--db", str(slice_db)])
    assert out.exit_code == 1 and "not written by pitboard" in out.output
    assert (target / "mine.txt").read_text(encoding="utf-8") == "keep" and (target / "laps").is_dir()
    fresh = tmp_path / "fresh"
    assert CliRunner().invoke(main, ["export", str(fresh), "--db", str(slice_db)]).exit_code == 0
    (fresh / "notes.md").write_text("mine", encoding="utf-8")
    assert CliRunner().invoke(main, ["export", str(fresh), "--format", "csv", "--db", str(slice_db)]).exit_code == 0
    assert (fresh / "notes.md").read_text(encoding="utf-8") == "mine"
    assert not (fresh / "laps").exists() and (fresh / "laps.csv").is_file()  # the old export was replaced


# --------------------------------------------------------------------------------------------
# the fuzz corpus


def _data_lines(text: str) -> list[int]:
    return [i for i, line in enumerate(text.split("\n")) if i > 0 and line]


def _mutations(rng: random.Random) -> dict[str, Callable[[bytes], bytes]]:
    def on_line(data: bytes, change: Callable[[str], str]) -> bytes:
        text = data.decode("utf-8-sig")
        lines = text.split("\n")
        index = rng.choice(_data_lines(text))
        lines[index] = change(lines[index])
        return "\n".join(lines).encode("utf-8")

    def field_edit(data: bytes, change: Callable[[list[str], int], None]) -> bytes:
        def edit(line: str) -> str:
            fields = line.split(",")
            change(fields, rng.randrange(len(fields) - 1))
            return ",".join(fields)

        return on_line(data, edit)

    return {
        "truncate": lambda d: d[: rng.randrange(len(d) // 4, len(d) - 2)],
        "stray-quote": lambda d: field_edit(d, lambda f, i: f.__setitem__(i, f[i][:1] + '"' + f[i][1:])),
        "open-quote": lambda d: field_edit(d, lambda f, i: f.__setitem__(i, '"' + f[i])),
        "latin-1": lambda d: d.decode("utf-8-sig").replace("e", "\u00e9", 1).encode("latin-1", "replace"),
        "bad-byte": lambda d: d[:200] + b"\xff\xfe" + d[200:],
        "nul": lambda d: d[:300] + b"\x00" + d[300:],
        "huge-number": lambda d: field_edit(d, lambda f, i: f.__setitem__(0, "99999999999")),
        "not-a-duration": lambda d: field_edit(d, lambda f, i: f.__setitem__(3, "1:7x.5")),
        "extra-comma": lambda d: field_edit(d, lambda f, i: f.insert(i, "X")),
        "missing-field": lambda d: field_edit(d, lambda f, i: f.pop(1)),
        "duplicate-line": lambda d: on_line(d, lambda line: line + "\n" + line),
        "empty": lambda d: b"",
        "header-only": lambda d: d.split(b"\n", 1)[0] + b"\n",
        "crlf": lambda d: d.replace(b"\n", b"\r\n"),
        "blank-line": lambda d: on_line(d, lambda line: line + "\n"),
    }


HARMLESS = {"crlf"}  # the same rows, only the line ends differ

CORPUS = [
    (mutation, rel)
    for mutation in _mutations(random.Random(0))
    for rel in (LAPS, QUALI)  # a laps file and a (ragged) results file
]


@pytest.mark.parametrize(("mutation", "rel"), CORPUS, ids=[f"{m}:{r.split('/')[-1]}" for m, r in CORPUS])
def test_fuzz_a_damaged_file_costs_only_itself(
    mutation: str, rel: str, slice_copy: Path, tmp_path: Path, clean: dict
) -> None:
    rng = random.Random(f"{mutation}:{rel}")
    path = slice_copy / rel
    original = path.read_bytes()
    path.write_bytes(_mutations(rng)[mutation](original))
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")  # never raises, never hangs
    after = fingerprint(tmp_path / "db.duckdb")
    assert others(after, rel) == others(clean, rel), "another file's rows changed"
    mine = {k: v for k, v in after.items() if k[1] == rel}
    if mutation in HARMLESS:
        assert mine == {k: v for k, v in clean.items() if k[1] == rel}
        return
    if mine:  # loaded: then every data line is exactly one row, nothing dropped or invented
        text = path.read_bytes().decode("utf-8-sig", "replace").replace("\r\n", "\n")
        lines = len([ln for ln in text.split("\n")[1:] if ln])
        table = "laps" if rel.endswith("laps.csv") else "results"
        assert mine[(table, rel)][0] == lines, report.issues
        assert mutation == "blank-line", (mutation, mine)  # only a blank line may be read past
    else:
        problems = [i for i in report.issues if i.path == rel]
        assert problems, f"{rel} was dropped without a word"
        assert any(i.severity == "error" for i in problems) or mutation in {"empty", "header-only"}


def test_an_unreadable_event_folder_is_reported(
    slice_copy: Path, tmp_path: Path, clean: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permissions cannot be tested as root, so the folder read itself is made to fail."""
    blocked = (slice_copy / "2021/14-lime-rock-park").resolve()
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)).resolve() == blocked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    report = pitboard.ingest(slice_copy, tmp_path / "db.duckdb")
    (issue,) = [i for i in report.issues if i.path == "2021/14-lime-rock-park"]
    assert issue.severity == "error" and "cannot read folder: Permission denied" in issue.problem
    lost = {k for k in clean if k[1].startswith("2021/14-lime-rock-park/")}
    assert fingerprint(tmp_path / "db.duckdb") == {k: v for k, v in clean.items() if k not in lost}
