"""The CLI: commands, flags and JSON keys (the public contract), run in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SLICE
from pitboard.cli import main


@pytest.fixture
def run(full_db: Path):
    runner = CliRunner()

    def invoke(*args: str, expect: int = 0) -> str:
        result = runner.invoke(main, [*args, "--db", str(full_db)] if args[0] != "ingest" else list(args))
        assert result.exit_code == expect, result.output
        return result.output

    return invoke


def test_seasons_overview_states_coverage(run) -> None:
    out = run("seasons")
    assert "2021" in out and "11/12" in out and "INCOMPLETE" in out
    assert "Chevrolet Sports Car Classic (12 Jun 2021)" in out
    data = json.loads(run("seasons", "--json"))
    by_season = {s["season"]: s for s in data["seasons"]}
    assert by_season[2025]["complete"] is False and len(by_season[2025]["missing_events"]) == 4
    assert by_season[2023]["complete"] is True
    csv_out = run("seasons", "--csv")
    assert csv_out.splitlines()[0].startswith("season,championship_rounds,rounds_present")


def test_events_lists_missing_rounds(run) -> None:
    out = run("events", "2021")
    assert "MISSING from the data" in out and "Chevrolet Sports Car Classic" in out
    data = json.loads(run("events", "2021", "--json"))
    assert data["season"] == 2021
    assert [e["status"] for e in data["events"] if e["championship"]].count("missing") == 1


@pytest.mark.parametrize("name", ["sebring", "Petit Le Mans", "road atlanta", "rolex 24", "daytona"])
def test_results_event_names_are_forgiving(run, name: str) -> None:
    data = json.loads(run("results", "2023", name, "--json"))
    assert data["session"]["kind"] == "race" and data["results"]


def test_results_in_class_order_with_class_filter(run) -> None:
    out = run("results", "2023", "petit le mans", "--class", "GTP")
    lines = [line for line in out.splitlines() if line.startswith("GTP")]
    assert lines[0].split()[:4] == ["GTP", "1", "1", "60"]
    data = json.loads(run("results", "2023", "Petit Le Mans", "--json"))
    classes = [r["class"] for r in data["results"]]
    assert classes == sorted(classes, key=["GTP", "LMP2", "LMP3", "GTDPRO", "GTD"].index)
    first_gtd = next(r for r in data["results"] if r["class"] == "GTD")
    assert first_gtd["class_position"] == 1


def test_results_show_corrections(run) -> None:
    out = run("results", "2023", "watkins glen", "--class", "gtp")
    assert "corrected after the export" in out and "2023-wgl-gtp-6" in out
    data = json.loads(run("results", "2023", "watkins glen", "--class", "GTP", "--json"))
    assert data["results"][0]["number"] == "25"
    assert data["corrections"][0]["correction_id"] == "2023-wgl-gtp-6"


def test_results_of_other_sessions(run) -> None:
    out = run("results", "2021", "sebring", "--session", "qualifying---gtd-position")
    assert "Qualifying (GTD position)" in out
    data = json.loads(run("results", "2023", "sebring", "--session", "fp1", "--json"))
    assert data["session"]["slug"] == "practice-1"


def test_ambiguous_event_lists_candidates(run) -> None:
    out = run("results", "2021", "watkins glen", expect=1)
    assert "matches 2 events" in out and "Six Hours of The Glen" in out and "WeatherTech 240" in out


def test_unknown_event_and_missing_round(run) -> None:
    out = run("results", "2023", "monaco", expect=1)
    assert "no event matches 'monaco'" in out and "Motul Petit Le Mans" in out
    out = run("results", "2021", "detroit", expect=1)
    assert "missing from the data" in out


def test_ambiguous_session_and_unknown_class(run) -> None:
    out = run("results", "2021", "sebring", "--session", "qualifying", expect=1)
    assert "qualifying---gtd-position" in out and "qualifying---gtd-points-gtlm" in out
    out = run("results", "2023", "sebring", "--class", "F1", expect=1)
    assert "no class 'F1'" in out and "GTD PRO" in out


def test_ingest_command_strict_and_summary(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "db.duckdb"
    result = runner.invoke(main, ["ingest", str(SLICE), "--db", str(db), "--strict"])
    assert result.exit_code == 0, result.output
    assert "files: 18 seen, 18 loaded, 0 skipped" in result.output and "laps 3,871" in result.output
    again = runner.invoke(main, ["ingest", str(SLICE), "--db", str(db)])
    assert "up to date" in again.output
    broken = tmp_path / "imsa"
    import shutil

    shutil.copytree(SLICE, broken)
    (broken / "2021/14-lime-rock-park/202107171510-race-weather.csv").write_bytes(b"\xff\xfe junk")
    result = runner.invoke(main, ["ingest", str(broken), "--db", str(db), "--strict"])
    assert result.exit_code == 1
    assert "2021/14-lime-rock-park/202107171510-race-weather.csv:1" in result.output
    lenient = runner.invoke(main, ["ingest", str(broken), "--db", str(db)])
    assert lenient.exit_code == 0 and "1 errors" in lenient.output


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["seasons", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "pitboard ingest" in result.output


def test_export_command(run, tmp_path: Path) -> None:
    out = run("export", str(tmp_path / "out"), "--format", "csv")
    assert "Wrote" in out and (tmp_path / "out" / "laps.csv").exists()
