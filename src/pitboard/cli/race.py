"""``pitboard race SEASON EVENT [VIEW]``: the lap-by-lap analysis of a session, and its charts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


#: Column headings a reader understands (others: the name, underscores as spaces, no "_ms").
HEADINGS = {
    "number": "No.",
    "position": "Ovr",
    "class_position": "Class pos",
    "gap_to_leader_ms": "Gap",
    "interval_ms": "Interval",
    "laps_down": "Laps down",
    "driver_id": "Driver",
    "drive_ms": "Drive time",
    "drive_ms_excl_pit_lane": "Excl. pit lane & stops",
    "share_excl_pit_lane": "Share excl.",
    "stopped_ms": "Stopped",
    "pit_lane_ms": "Pit lane",
    "best_lap_ms": "Best lap",
    "median_clean_ms": "Median clean",
    "laps_led": "Laps led",
    "final_class_position": "On track",
    "official_class_position": "Official",
    "elapsed_ms": "Race time",
}


def _heading(name: str) -> str:
    return HEADINGS.get(name) or name.removesuffix("_ms").replace("_", " ").capitalize()


def _car_key(number: Any) -> tuple[int, int, str]:
    """Car numbers in numeric order ("5" before "10"; "01" next to "1" but still apart)."""
    text = str(number)
    return (int(text) if text.isdigit() else 10_000, len(text), text)


def _present(pb: pitboard.Pitboard, frame: pd.DataFrame, cars: tuple[str, ...]) -> pd.DataFrame:
    """What a reader sees: only the chosen cars, driver names for ids, cars in numeric order."""
    if cars and "number" in frame:
        frame = frame[frame["number"].isin(cars)]
    if "driver_id" in frame and "driver" not in frame:
        names = dict(zip(pb.drivers()["driver_id"], pb.drivers()["name"], strict=True))
        frame = frame.assign(driver_id=frame["driver_id"].map(lambda d: names.get(d, d)))
    if "number" in frame and "lap" not in frame:
        keys = ["class"] if "class" in frame else []
        from pitboard.domain.classes import class_rank

        frame = frame.assign(_cls=frame["class"].map(class_rank) if keys else 0, _car=frame["number"].map(_car_key))
        frame = frame.sort_values(["_cls", "_car"], kind="stable").drop(columns=["_cls", "_car"])
    return frame


def _check_cars(ref: pitboard.SessionRef, pb: pitboard.Pitboard, cars: tuple[str, ...]) -> tuple[str, ...]:
    """--car values as the session's car numbers ('#31', 'No. 31' → '31'); unknown ones are an error."""
    if not cars:
        return ()
    from pitboard.resolve import car_number

    wanted = tuple(car_number(c) for c in cars)
    present = sorted(set(pb.results(ref.event.season, ref.event.event_name, ref.slug)["number"]), key=_car_key)
    unknown = [c for c in wanted if c not in present]
    if unknown:
        raise pitboard.InputError(f"no car #{', #'.join(unknown)} in {ref.name}", present)
    return wanted


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
    return render.text_table(rows, [_heading(c) for c in frame.columns], align)


def _check_minutes(value: str | None) -> str | None:
    if value is not None:
        try:
            analysis.parse_minutes(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
    return value


def _view(
    pb: pitboard.Pitboard,
    ref: pitboard.SessionRef,
    view: str,
    cls: str | None,
    minimum: str | None,
    last_lap: bool,
    samples: bool = False,
) -> tuple[pd.DataFrame, list[str] | None, str]:
    """The frame of a view, the columns to print and a note line."""
    if view in ("positions", "gaps"):
        if last_lap:
            frame = analysis.final_positions(pb, ref, cls)
            cols = [
                "class",
                "final_class_position",
                "official_class_position",
                "number",
                "lap",
                "laps_down",
                "elapsed_ms",
                "flag",
            ]
            return (
                frame,
                cols,
                "Final order on track: laps done, then time of the last crossing; official: after penalties.",
            )
        frame = analysis.positions(pb, ref, cls)
        cols = [
            "lap",
            "number",
            "class",
            "position",
            "class_position",
            "gap_to_leader_ms",
            "laps_down",
            "interval_ms",
            "flag",
        ]
        return (
            frame,
            cols,
            "Position at each car's crossing of each lap; gaps at the same lap count (lapped cars: laps_down).",
        )
    if view == "leaders":
        sequence, led = analysis.leaders(pb, ref, cls)
        return (
            sequence.merge(led, on=["class", "number"], how="left"),
            None,
            "Class leader at each lap: the first car of the class to complete it.",
        )
    if view == "cautions":
        frame = analysis.cautions(pb, ref)
        return frame, None, f"{len(frame)} full-course-yellow periods; times are elapsed race time."
    if view == "pits":
        return (
            analysis.pit_stops(pb, ref, cls),
            None,
            "pit_lane = PIT_TIME: time from pit entry to pit exit, not stationary time.",
        )
    if view == "stints":
        return (
            analysis.stints(pb, ref, cls),
            None,
            "A stint runs from lap 1 or an out-lap to the next in-lap; a double stint is two stints.",
        )
    if view == "drivers":
        frame = analysis.drive_time(pb, ref, cls, minimum)
        note = "drive = sum of the driver's lap times; excl_pit_lane takes the pit-lane time off."
        return frame, None, note + (f" meets_minimum: at least {minimum} excluding pit lane." if minimum else "")
    if view == "pace":
        return (
            analysis.pace(pb, ref, cls),
            None,
            f"Clean laps: green, no pit in/out, not lap 1, all sectors, not faster than the official best. best_n_avg: the {analysis.BEST_N} fastest.",
        )
    if view == "co-drivers":
        return (
            analysis.co_drivers(pb, ref, cls),
            [
                "number",
                "class",
                "driver_id",
                "best_lap_ms",
                "median_clean_ms",
                "gap_to_car_best_median_ms",
                "clean_laps",
            ],
            "",
        )
    if view == "finish":
        return (
            analysis.finish(pb, ref, cls),
            None,
            "on_track: laps done, then time of the last crossing; class_position: official (penalties applied).",
        )
    if view == "weather" and not samples:
        summary = analysis.weather_summary(pb, ref)
        if summary.empty:
            return summary, None, "The weather file of this session is empty: no weather is known."
        return summary, None, "Over the session; --samples lists every sample. RAIN is never positive in these exports."
    if view == "weather":
        return (
            analysis.weather(pb, ref),
            [
                "time_utc",
                "air_temp_c",
                "air_temp_f",
                "track_temp_c",
                "track_temp_f",
                "humidity",
                "pressure_inhg",
                "wind_speed",
                "wind_direction",
            ],
            "RAIN is never positive in these exports: wet running cannot be detected.",
        )
    raise click.UsageError(f"unknown view {view!r}")


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

            wanted = _check_cars(ref, pb, cars)
            drawn = charts.render(pb, ref, chart, cls, out, wanted)
            click.echo(f"Wrote {out}: {drawn['title']} ({len(drawn['series'])} series)")
            return
        if view == "summary":
            _summary(pb, ref, cls, title, fmt)
            return
        wanted = _check_cars(ref, pb, cars)
        frame, columns, note = _view(pb, ref, view, cls, minimum, last_lap, samples)
        frame = _present(pb, frame, wanted)
    rows = render.records(frame)
    if fmt == "json":
        click.echo(
            render.to_json({"session_id": ref.session_id, "view": view, "class": cls, "note": note, "rows": rows})
        )
    elif fmt == "csv":
        click.echo(render.to_csv(rows), nl=False)
    else:
        click.echo(f"{title} · {view}\n\n{_table(frame, columns)}\n\n{note}".rstrip())


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
        wanted = _check_cars(ref, pb, cars)
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
        frame = frame.assign(_car=frame["number"].map(_car_key)).sort_values(["_car", "lap"]).drop(columns="_car")
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
