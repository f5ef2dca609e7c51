"""The commands: ingest, seasons, events, results, export, issues."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

import pitboard
from pitboard import render
from pitboard.cli import db_option, handle_errors, main, output_options
from pitboard.domain.classes import display_class
from pitboard.domain.sessions import RACE_LIKE_KINDS
from pitboard.domain.timefmt import format_duration


def _emit(fmt: str, payload: dict[str, Any], rows: list[dict[str, Any]], table: str) -> None:
    if fmt == "json":
        click.echo(render.to_json(payload))
    elif fmt == "csv":
        click.echo(render.to_csv(rows), nl=False)
    else:
        click.echo(table)


@main.command()
@click.argument("data_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@db_option
@click.option("--strict", is_flag=True, help="Fail (exit 1, database unchanged) on any problem in the files.")
@click.option(
    "--force",
    is_flag=True,
    help="Rebuild even if the files have not changed; replace a --db file that is not a pitboard database.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@handle_errors
def ingest(data_dir: Path | None, db_path: Path | None, strict: bool, force: bool, quiet: bool) -> None:
    """Build the database from the export files under DATA_DIR (default: the bundled data/imsa).

    Unchanged files since the last build: nothing to do. A bad file is reported (file, line,
    problem) and skipped; the rest loads. The new database replaces the old one only once it is
    complete.
    """
    bar = None
    progress = None
    phase = None
    if not quiet and sys.stderr.isatty():
        bar = click.progressbar(length=1, label="Reading files", file=sys.stderr, show_pos=False)
        bar.__enter__()

        def progress(done: int, total: int, done_bytes: int, total_bytes: int) -> None:
            assert bar is not None
            bar.length = total_bytes or 1
            bar.update(done_bytes - bar.pos)

        def phase(name: str) -> None:
            if bar is not None and not bar.finished:
                bar.__exit__(None, None, None)
            click.echo(f"\r\033[KBuilding the database: {name}…", nl=False, err=True)

    try:
        report = pitboard.ingest(data_dir, db_path, strict=strict, force=force, progress=progress, phase=phase)
    except pitboard.IngestError as exc:
        if bar:
            bar.__exit__(None, None, None)
        for issue in exc.issues[:50]:
            click.echo(str(issue), err=True)
        raise
    if bar:
        bar.__exit__(None, None, None)
        if phase is not None and not report.up_to_date:
            click.echo("\r\033[K", nl=False, err=True)
    if not quiet:
        click.echo(report.summary())


@main.command()
@output_options
@handle_errors
def seasons(fmt: str, db_path: Path | None) -> None:
    """Season overview: championship rounds in the data, the missing ones, events and sessions."""
    with pitboard.open(db_path) as pb:
        frame = pb.seasons()
    rows = render.records(frame)
    table = render.text_table(
        [
            (
                r["season"],
                f"{r['rounds_present']}/{r['championship_rounds']}",
                "complete" if r["complete"] else "INCOMPLETE",
                " ".join(display_class(c) for c in _class_sort(r["classes"] or [])),
                r["events_in_data"],
                r["sessions"],
                "; ".join(r["missing_events"] or []) or "-",
            )
            for r in rows
        ],
        ["Season", "Rounds", "Coverage", "Classes", "Events", "Sessions", "Missing championship rounds"],
        "rllrrrl",
    )
    _emit(fmt, {"seasons": rows}, rows, table)


def _class_sort(classes: list[str]) -> list[str]:
    from pitboard.domain.classes import class_rank

    return sorted(classes, key=class_rank)


@main.command()
@click.argument("season", type=int)
@output_options
@handle_errors
def events(season: int, fmt: str, db_path: Path | None) -> None:
    """The events of SEASON: championship rounds (present or missing) and the others."""
    with pitboard.open(db_path) as pb:
        frame = pb.events(season)
        if frame.empty:
            raise pitboard.InputError(f"no season {season} in the data", [str(s) for s in pb.seasons()["season"]])
    rows = render.records(frame)
    table = render.text_table(
        [
            (
                r["round"] or "-",
                r["race_date"] or r["first_day"] or "",
                r["event_name"],
                r["venue"] or "",
                "championship" if r["championship"] else "non-championship",
                "MISSING from the data" if r["status"] == "missing" else f"{r['sessions']} sessions",
                "" if not r["race_session_id"] else ("laps" if r["race_has_laps"] else "no race laps file"),
            )
            for r in rows
        ],
        ["Rnd", "Date", "Event", "Venue", "Kind", "Data", "Race laps"],
        "rllllll",
    )
    _emit(fmt, {"season": season, "events": rows}, rows, table)


@main.command()
@click.argument("season", type=int)
@click.argument("event")
@click.option(
    "--session", "session", default=None, help="Session (default: the race), e.g. qualifying, practice-2, fp1."
)
@click.option("--class", "cls", default=None, help="Only this class, e.g. GTP, 'GTD PRO'.")
@output_options
@handle_errors
def results(season: int, event: str, session: str | None, cls: str | None, fmt: str, db_path: Path | None) -> None:
    """Results of a session of EVENT in SEASON, in class order as IMSA prints them.

    EVENT is matched forgivingly: "sebring", "Petit Le Mans", "road atlanta", "rolex 24".
    Official decisions taken after the export (corrections) are applied and flagged. Gaps are to
    the class leader (the overall gaps are in --json/--csv as gap_first, gap_previous).
    """
    with pitboard.open(db_path) as pb:
        answer = pb.classification(season, event, session, cls)
    payload = render.jsonable(answer.to_dict())
    payload.pop("sources", None)
    rows = payload["results"]
    applied = payload["corrections"]
    race = answer.session["kind"] in RACE_LIKE_KINDS
    if race:
        headers = ["Class", "Pos", "Ovr", "No.", "Team", "Drivers", "Vehicle", "Laps", "Time/Gap", "Best lap", "Status"]
        body = [
            (
                display_class(r["class"]), _pos(r["class_position"], r["corrected"]), r["position"] or "", r["number"],
                r["team"], r["drivers"], r["model"], r["laps"], render.result_time(r, True),
                format_duration(r["best_lap_ms"]), render.STATUS_TEXT.get(r["finish_status"] or "", r["status"] or ""),
            )
            for r in rows
        ]  # fmt: skip
        align = "lrrrlllrrrl"
    else:
        headers = ["Class", "Pos", "Ovr", "No.", "Team", "Drivers", "Vehicle", "Best lap", "Gap", "Laps"]
        body = [
            (
                display_class(r["class"]), _pos(r["class_position"], r["corrected"]), r["position"] or "", r["number"], r["team"],
                r["drivers"], r["model"], format_duration(r["best_lap_ms"]) or "no time",
                "" if r["class_gap_first"] in (None, "-") else r["class_gap_first"], r["laps"],
            )
            for r in rows
        ]  # fmt: skip
        align = "lrrrlllrrr"
    title = f"{answer.event['name']} {season} · {answer.session['name']}"
    lines = [title, "", render.text_table(body, headers, align)]
    for c in applied:
        lines.append(
            f"* corrected after the export: #{c['number']} {display_class(c['class'])}: {c['description']} ({c['decided_on']}; {c['correction_id']})"
        )
    _emit(fmt, payload, rows, "\n".join(lines))


def _pos(position: Any, corrected: Any) -> str:
    if position is None:
        return ""
    return f"{position}*" if corrected else str(position)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True)
@db_option
@handle_errors
def export(directory: Path, fmt: str, db_path: Path | None) -> None:
    """Write every table to DIRECTORY for other tools (Parquet partitioned by season, or CSV)."""
    with pitboard.open(db_path) as pb:
        counts = pb.export(directory, fmt)
    click.echo(f"Wrote {len(counts)} tables ({sum(counts.values()):,} rows) to {directory} as {fmt}")


@main.command()
@output_options
@click.option("--all", "show_all", is_flag=True, help="Include the known gaps (severity info).")
@handle_errors
def issues(fmt: str, db_path: Path | None, show_all: bool) -> None:
    """Problems the last ingest found in the files, and what it did about each."""
    with pitboard.open(db_path) as pb:
        frame = pb.issues()
    rows = [r for r in render.records(frame) if show_all or r["severity"] != "info"]
    table = render.text_table(
        [(r["severity"], r["path"], r["line"] or "", r["column_name"] or "", r["problem"], r["action"]) for r in rows],
        ["Severity", "File", "Line", "Column", "Problem", "Action"],
    )
    if not rows:
        table = "No problems recorded." + ("" if show_all else " (--all shows the known gaps)")
    _emit(fmt, {"issues": rows}, rows, table)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@db_option
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Export files to build the database from when it does not exist yet (default: the bundled data/imsa).",
)
@handle_errors
def serve(host: str, port: int, db_path: Path | None, data_dir: Path | None) -> None:
    """The web app and JSON API on the database (built from the bundled data on first run).

    Every page has its JSON under /api (OpenAPI at /openapi.json). Read-only: nothing a request
    sends changes the database. Ctrl-C stops it.
    """
    from pitboard.config import default_db_path

    path = db_path or default_db_path()
    if not Path(path).exists():
        click.echo(f"No database at {path} yet: building it from the exports (about a minute)…", err=True)
        report = pitboard.ingest(data_dir, path)
        click.echo(report.summary(), err=True)
    from pitboard.web import serve as run

    run(host, port, path)
