"""The Python API: pitboard.open() and its DataFrames, typed by schema.py; the export."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import pitboard
from pitboard.schema import TABLES, TABLES_BY_NAME, pandas_dtype


def test_public_names_are_pinned() -> None:
    assert pitboard.__all__ == sorted(pitboard.__all__)
    assert set(pitboard.__all__) == {
        "AmbiguousNameError", "DatabaseError", "EventRef", "ExportError", "IngestError", "IngestReport", "InputError", "Issue",
        "NotAvailableError", "NotFoundError", "Pitboard", "PitboardError", "SessionRef", "__version__", "ingest", "open",
    }  # fmt: skip


def test_frames_follow_the_schema(pb: pitboard.Pitboard) -> None:
    laps = pb.laps(2023, "long beach", car="#6")
    assert len(laps) == 78 and list(laps.columns) == TABLES_BY_NAME["laps"].column_names
    for column in TABLES_BY_NAME["laps"].columns:
        assert str(laps[column.name].dtype) == pandas_dtype(column.type), column.name
    assert laps["number"].iloc[0] == "6"
    weather = pb.weather(2023, "sebring")
    assert list(weather.columns) == TABLES_BY_NAME["weather"].column_names and len(weather) == 715


def test_results_frame(pb: pitboard.Pitboard) -> None:
    frame = pb.results(2024, "daytona", cls="GTP")
    assert frame.iloc[0]["number"] == "7" and frame.iloc[0]["class_position"] == 1
    assert frame.iloc[0]["source_path"] == "2024/02-daytona-international-speedway/202401271340-race-results.csv"
    assert frame.iloc[0]["source_line"] == 2
    assert str(frame["class_position"].dtype) == "Int32"


def test_rolex_24_has_no_laps_and_says_so(pb: pitboard.Pitboard) -> None:
    assert pb.laps(2024, "rolex 24").empty
    sessions = pb.sessions(2024, "rolex 24")
    race = sessions[sessions["slug"] == "race"].iloc[0]
    assert not race["has_laps"] and race["has_results"]


def test_name_resolution_errors(pb: pitboard.Pitboard) -> None:
    with pytest.raises(pitboard.AmbiguousNameError) as error:
        pb.event(2021, "watkins glen")
    assert len(error.value.candidates) == 2
    with pytest.raises(pitboard.InputError) as bad:  # a season outside the data is bad input
        pb.event(2019, "sebring")
    assert "2021" in bad.value.choices
    assert pb.event(2023, "sebrng").event_name == "Mobil 1 Twelve Hours of Sebring"  # typo


def test_other_tables(pb: pitboard.Pitboard) -> None:
    assert len(pb.calendar(2025)) == 11 + 2  # 11 rounds, the Roar and the February test
    assert {"driver_id", "name", "spellings"} <= set(pb.drivers().columns)
    assert len(pb.sources()) == 978
    assert (pb.issues()["severity"] == "info").all()
    assert len(pb.cars(2023)) > 50 and len(pb.grids(2023)) > 0


def test_export_reads_back(pb: pitboard.Pitboard, tmp_path: Path) -> None:
    counts = pb.export(tmp_path / "pq", "parquet")
    assert set(counts) == {t.name for t in TABLES}
    assert (tmp_path / "pq" / "laps" / "season=2023").is_dir()
    con = duckdb.connect()
    for name in ("laps", "results", "weather", "drivers", "_sources"):
        glob = str(tmp_path / "pq" / name / "**" / "*.parquet")
        got = con.execute(f"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning = true)").fetchall()[0][0]
        assert got == counts[name] == pb.db.rows(f'SELECT count(*) FROM "{name}"')[0][0]
    # pandas reads the export as one dataset (pyarrow is a dependency): partitions included
    import pandas as pd

    laps = pd.read_parquet(tmp_path / "pq" / "laps")
    assert len(laps) == counts["laps"] and set(laps["season"].astype(int)) == {2021, 2022, 2023, 2024, 2025}
    assert len(pd.read_parquet(tmp_path / "pq" / "drivers")) == counts["drivers"]
    # the season partition comes back as a column, and 01 is still 01
    assert (
        con.execute(
            f"SELECT count(*) FROM read_parquet('{tmp_path / 'pq' / 'results' / '**' / '*.parquet'}', hive_partitioning = true) WHERE season = 2023 AND number = '01'"
        ).fetchall()[0][0]
        > 0
    )
    with pytest.raises(pitboard.ExportError):
        pb.export(tmp_path / "x", "xlsx")


def test_database_errors(tmp_path: Path) -> None:
    with pytest.raises(pitboard.DatabaseError, match="pitboard ingest"):
        pitboard.open(tmp_path / "missing.duckdb")
    junk = tmp_path / "junk.duckdb"
    duckdb.connect(str(junk)).close()
    with pytest.raises(pitboard.DatabaseError, match="not a pitboard database"):
        pitboard.open(junk)
