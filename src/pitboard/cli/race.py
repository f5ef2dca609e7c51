"""``pitboard race SEASON EVENT [VIEW]``: the lap-by-lap analysis of a session, and its charts."""

from __future__ import annotations

from pathlib import Path

import click

import pitboard
from pitboard import render
from pitboard.choices import CHART_KINDS, RACE_VIEWS
from pitboard.cli import handle_errors, main, output_options
from pitboard.domain.classes import display_class
from pitboard.domain.timefmt import format_duration
from pitboard.lazy import lazy_module

#: imported when a command runs, not when the command line starts
analysis = lazy_module("pitboard.analysis")
pd = lazy_module("pandas")


def _table(frame: pd.DataFrame, columns: list[str] | None = None) -> str:
    """A frame as text: *_ms columns as times, classes by their printed names."""
    frame = frame[[c for c in columns if c in frame]] if columns else frame
    rows = []
    for record in render.records(frame):
        row = []
        for name, value in record.items():
            if "_ms" in name and value is not None:
                value = ("+" if name.startswith(("gap", "interval")) and value else "") + format_duration(value)
            elif name == "class":
                value = display_class(value)
            elif name == "share" and value is not None:
                value = f"{value * 100:.1f}%"
            row.append(value)
        rows.append(row)
    align = "".join("r" if pd.api.types.is_numeric_dtype(frame[c]) or c.endswith("_ms") else "l" for c in frame.columns)
    return render.text_table(rows, [render.heading(c) for c in frame.columns], align)


def _check_minutes(value: str | None) -> str | None:
    if value is not None:
        try:
            analysis.parse_minutes(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
    return value


@main.command(name="race")
@click.argument("season", type=int)
@click.argument("event")
@click.argument("view", required=False, type=click.Choice([*RACE_VIEWS, "co-drivers", "summary"]), default="summary")
@click.option("--session", "session", default=None, help="Session (default: the race).")
@click.option("--class", "cls", default=None, help="Only this class.")
@click.option(
    "--min-drive-time",
    "minimum",
    default=None,
    callback=lambda ctx, param, value: _check_minutes(value),
    help="With 'drivers': flag drivers under this (e.g. 45m, 1h30).",
)
@click.option(
    "--last-lap",
    is_flag=True,
    help="With 'positions'/'gaps': the final order on track (each car's last crossing, ranked by laps then time).",
)
@click.option(
    "--car",
    "cars",
    multiple=True,
    help="Only this car (repeat for more): 31, '#31', 'No. 31'; with --chart, the cars drawn.",
)
@click.option("--samples", is_flag=True, help="With 'weather': every sample, not the session summary.")
@click.option("--chart", type=click.Choice(CHART_KINDS), default=None, help="Draw a chart instead (needs --out).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Chart file: .png or .svg.")
@output_options
@handle_errors
def race(
    season: int,
    event: str,
    view: str,
    session: str | None,
    cls: str | None,
    minimum: str | None,
    last_lap: bool,
    cars: tuple[str, ...],
    samples: bool,
    chart: str | None,
    out: Path | None,
    fmt: str,
    db_path: Path | None,
) -> None:
    """Lap-by-lap analysis of a session: VIEW is summary, positions, gaps, leaders, cautions,
    pits, stints, drivers, pace, co-drivers, weather or finish (the on-track order against the
    official one, with penalties). --chart KIND --out FILE draws a chart."""
    with pitboard.open(db_path) as pb:
        ref = pb.session(season, event, session)
        if cls is not None:
            from pitboard.resolve import match_class

            cls = match_class(cls, list(ref.classes))
        title = f"{ref.event.event_name} {season} · {ref.name}" + (f" · {display_class(cls)}" if cls else "")
        if chart:
            if out is None:
                raise click.UsageError("--chart needs --out FILE (.png or .svg)")
            from pitboard import charts

            drawn = charts.render(pb, ref, chart, cls, out, analysis.check_cars(pb, ref, cars))
            click.echo(f"Wrote {out}: {drawn['title']} ({len(drawn['series'])} series)")
            return
        if view == "summary":
            _summary(pb, ref, cls, title, fmt)
            return
        answer = analysis.view(pb, ref, view, cls, minimum=minimum, last_lap=last_lap, samples=samples, cars=cars)
    data = render.jsonable(answer.to_dict())
    if fmt == "json":
        click.echo(render.to_json(data))
    elif fmt == "csv":
        click.echo(render.to_csv(data["rows"]), nl=False)
    else:
        note = "\n".join(answer.notes)
        click.echo(f"{title} · {view}\n\n{_table(answer.frame(), list(answer.columns))}\n\n{note}".rstrip())


def _summary(pb: pitboard.Pitboard, ref: pitboard.SessionRef, cls: str | None, title: str, fmt: str) -> None:
    """Render ``analysis.summary``: cautions, leaders and laps led, pit stops, fastest laps."""
    answer = analysis.summary(pb, ref, cls)
    data = render.jsonable(answer.to_dict())
    if fmt == "json":
        click.echo(render.to_json(data))
        return
    if fmt == "csv":  # the summary's table: laps led (or the fastest laps without lap data)
        rows = data.get("laps_led") or data["fastest_laps"]
        click.echo(render.to_csv(rows, list(rows[0]) if rows else None), nl=False)
        return
    lines = [title, "", *answer.notes]
    if answer.cautions is not None:
        lines.append(f"Cautions: {len(answer.cautions)} full-course yellows, {answer.caution_leader_laps} leader laps")
        lines.append(f"Lead changes: {answer.lead_changes} (within classes) · pit stops: {answer.pit_stops}")
        lines += ["", "Laps led", _table(pd.DataFrame(data["laps_led"]))]
    fastest = pd.DataFrame(data["fastest_laps"])
    lines += ["", "Fastest lap per class (official)", _table(fastest)]
    click.echo("\n".join(lines))


@main.command(name="laps")
@click.argument("season", type=int)
@click.argument("event")
@click.option("--session", "session", default=None, help="Session (default: the race).")
@click.option("--car", "cars", multiple=True, help="Only this car (repeat for more).")
@click.option("--class", "cls", default=None, help="Only this class.")
@output_options
@handle_errors
def laps(
    season: int, event: str, session: str | None, cars: tuple[str, ...], cls: str | None, fmt: str, db_path: Path | None
) -> None:
    """Every lap of a session: driver, lap time, sectors, pit in/out, flag (the laps file, with
    the file and line each row came from in --json/--csv)."""
    with pitboard.open(db_path) as pb:
        ref = pb.session(season, event, session)
        code = None
        if cls is not None:
            from pitboard.resolve import match_class

            code = match_class(cls, list(ref.classes))
        wanted = analysis.check_cars(pb, ref, cars)
        frame = pb.laps(season, event, ref.slug)
        if frame.empty:
            raise pitboard.NotAvailableError(
                f"{ref.event.event_name} {season} {ref.name} has no laps file: its laps are not in the data"
            )
        if code is not None:
            frame = frame[frame["class"] == code]
        names = dict(zip(pb.drivers()["driver_id"], pb.drivers()["name"], strict=True))
        frame = frame.assign(driver=frame["driver_id"].map(lambda d: names.get(d, d)))
        if wanted:
            frame = frame[frame["number"].isin(wanted)]
        frame = (
            frame.assign(_car=frame["number"].map(analysis.car_key)).sort_values(["_car", "lap"]).drop(columns="_car")
        )
        sources = pb.sources()
        path = dict(zip(sources["source_id"], sources["path"], strict=True))
        frame = frame.assign(source_path=frame["source_id"].map(path))
    columns = ["number", "class", "lap", "driver", "lap_time_ms", "s1_ms", "s2_ms", "s3_ms", "in_pit", "pit_out", "pit_time_ms", "flag", "elapsed_ms"]  # fmt: skip
    rows = render.records(frame[[*columns, "source_path", "source_line"]])
    if fmt == "json":
        click.echo(render.to_json({"session_id": ref.session_id, "laps": rows}))
    elif fmt == "csv":
        click.echo(render.to_csv(rows), nl=False)
    else:
        title = f"{ref.event.event_name} {season} · {ref.name} · laps"
        click.echo(f"{title}\n\n{_table(frame, columns)}")
