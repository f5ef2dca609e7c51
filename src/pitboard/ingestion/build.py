"""Run the three build stages into a fresh database file and record sources and problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from pitboard import refdata
from pitboard.ingestion import derive, load
from pitboard.ingestion.bulk import insert
from pitboard.ingestion.files import SourceFile
from pitboard.ingestion.report import Issue
from pitboard.ingestion.sql import MACROS
from pitboard.ingestion.stage import Stager
from pitboard.schema import INGEST_ISSUES, PARSER_VERSION, SOURCES, TABLES

#: Tables whose row counts the ingest summary reports.
#: DuckDB's working memory during a build; past it, DuckDB spills to ``<database>.tmp`` (removed
#: with the partial database if the build fails), so the peak stays flat as the data grows.
MEMORY_LIMIT = "640MB"

SUMMARY_TABLES = (
    "events",
    "sessions",
    "entries",
    "entry_drivers",
    "results",
    "laps",
    "weather",
    "drivers",
    "teams",
    "cars",
)


def build(
    path: Path,
    sources: list[SourceFile],
    stager: Stager,
    issues: list[Issue],
    fingerprint: dict[str, str],
    phase: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Build the database at ``path`` (which must not exist); return row counts per table.

    ``phase`` (optional) is told the name of each step as it starts, for a progress display.
    """
    ref = refdata.load()
    say = phase or (lambda _name: None)
    con = duckdb.connect(str(path))
    try:
        con.execute("SET enable_progress_bar = false")
        # bounded memory as the data grows: DuckDB spills to a folder beside the new database
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        # the staging reads keep the order of their text: a row's line number follows from it
        con.execute("SET preserve_insertion_order = true")
        for table in TABLES:
            con.execute(table.ddl())
        for macro in MACROS:
            con.execute(macro)
        say("reading and checking rows")
        stager.load(con)
        say("results, cars and drivers")
        load.create_file_table(con, sources)
        load.build_maps(con, ref, issues)
        load.load_results(con)
        timing = load.session_timing(con)
        load.load_weather(con)
        derive.build_events_and_sessions(con, sources, ref, timing, issues)
        say("laps")
        load.load_laps(con)
        say("positions, corrections, grids, identities")
        derive.finish_results(con)
        derive.build_reference_tables(con, ref, issues)
        derive.apply_corrections(con, ref, issues)
        derive.compute_gaps(con)
        derive.build_grids(con)
        derive.build_track_lengths(con)
        derive.build_identities(con, ref)
        derive.build_race_tables(con)
        derive.apply_grid_penalties(con)
        derive.build_seasons(con)
        _record_sources(con, sources)
        _record_issues(con, issues + [i for s in sources for i in s.issues])
        from pitboard.ingestion import built_at

        meta = {**fingerprint, "built_at": built_at(), "schema_tables": str(len(TABLES)), "parser": PARSER_VERSION}
        insert(con, "_meta", ["key", "value"], list(meta.items()))
        counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in SUMMARY_TABLES}
        say("writing")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return counts


def _record_sources(con: duckdb.DuckDBPyConnection, sources: list[SourceFile]) -> None:
    rows = [
        (
            s.source_id, s.rel, s.season, s.folder, s.session_id, s.kind, s.layout.name if s.layout else None,
            s.size, s.mtime_ns, s.ctime_ns, s.sha256, s.rows, s.status if s.status != "pending" else "skipped", PARSER_VERSION,
        )
        for s in sources
    ]  # fmt: skip
    if rows:
        insert(con, "_sources", SOURCES.column_names, rows)


def _record_issues(con: duckdb.DuckDBPyConnection, issues: list[Issue]) -> None:
    rows = [(i.path, i.line, i.column, i.severity, i.problem, i.action) for i in issues]
    if rows:
        insert(con, "_ingest_issues", INGEST_ISSUES.column_names, rows)
