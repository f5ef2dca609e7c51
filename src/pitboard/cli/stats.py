"""``pitboard stats driver|car|team|manufacturer|h2h``, ``pitboard leaders``, ``pitboard winners``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

import pitboard
from pitboard import render
from pitboard.choices import LEADER_METRICS, SUBJECT_KINDS
from pitboard.cli import handle_errors, main, output_options
from pitboard.domain.classes import display_class
from pitboard.domain.timefmt import format_duration
from pitboard.lazy import lazy_module

stats = lazy_module("pitboard.stats")


class YearOrDate(click.ParamType):
    """A date (2024-03-16) or a year (2024): as a start, 1 January; as an end, 31 December."""

    name = "YYYY-MM-DD|YYYY"

    def __init__(self, end: bool) -> None:
        self.end = end

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        from pitboard.exceptions import InputError

        try:
            return stats.scope_date(value, end=self.end)
        except InputError as exc:
            self.fail(str(exc), param, ctx)


def scope_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--season, --class, --event, --team, --since, --until → a ``stats.Scope``."""

    @click.option("--season", type=int, default=None, help="Only this season.")
    @click.option("--class", "cls", default=None, help="Only this class (GTP, 'GTD PRO', …).")
    @click.option("--event", default=None, help="Only this event, every edition ('sebring', 'petit le mans').")
    @click.option("--team", default=None, help="Only races with this team.")
    @click.option(
        "--since", type=YearOrDate(end=False), default=None, help="Races on or after this date, or from this year."
    )
    @click.option(
        "--until",
        type=YearOrDate(end=True),
        default=None,
        help="Races on or before this date ('as of'), or up to the end of this year.",
    )
    @wraps(func)
    def wrapper(
        *args: Any,
        season: int | None,
        cls: str | None,
        event: str | None,
        team: str | None,
        since: dt.date | None,
        until: dt.date | None,
        **kwargs: Any,
    ) -> Any:
        scope = stats.Scope(season, cls, event, team, since, until)
        return func(*args, scope=scope, **kwargs)

    return wrapper


@main.group(name="stats")
def stats_group() -> None:
    """Career, season and record figures for a driver, car, team or manufacturer."""


def _subject_command(kind: str, argument: str, help_text: str) -> None:
    @stats_group.command(name=kind, help=help_text)
    @click.argument(argument)
    @scope_options
    @click.option("--races", "show_races", is_flag=True, help="List every race (table and CSV).")
    @output_options
    @handle_errors
    def command(scope: stats.Scope, show_races: bool, fmt: str, db_path: Path | None, **kwargs: Any) -> None:
        name = kwargs[argument.lower()]
        car_team = None
        if kind == "car" and scope.team:  # for a car, --team picks the car, not a scope
            car_team, scope = (
                scope.team,
                stats.Scope(scope.season, scope.cls, scope.event, None, scope.since, scope.until),
            )
        with pitboard.open(db_path) as pb:
            answer = stats.subject_stats(pb, kind, name, scope, car_team=car_team)
        if fmt == "json":
            click.echo(render.to_json(answer.to_dict()))
        elif fmt == "csv":
            rows = answer.races if show_races else answer.seasons
            click.echo(
                render.to_csv([{k: v for k, v in r.items() if k != "laps_led_races_without_data"} for r in rows]),
                nl=False,
            )
        else:
            click.echo(format_answer(answer, show_races))


_subject_command(
    "driver", "NAME", "Figures of a driver: full name, surname or a misspelling ('Blomqvist', 'T. Blomqvist')."
)
_subject_command(
    "car",
    "NUMBER",
    "Figures of a car (season, number, team): '31', '#31', 'No. 31'; give --season (and --team if two teams used the number).",
)
_subject_command("team", "NAME", "Figures of a team, by any spelling or a distinctive part ('Penske').")
_subject_command("manufacturer", "NAME", "Figures of a manufacturer ('Porsche', 'Acura', 'Corvette').")


def _set_figure(count: int | None, unknown: list[str]) -> str:
    """'3', or '3 (+2 where the laps file cannot tell who set it: Rolex 24 2022, …)'."""
    if not unknown:
        return str(count)
    return f"{count} (+{len(unknown)} where the data cannot tell who set it: {', '.join(unknown)})"


def format_answer(answer: stats.StatsAnswer, show_races: bool) -> str:
    """The readable text of a stats answer: headline figures, seasons, cars, records, coverage."""
    f = answer.figures
    unit = "" if answer.kind in ("driver", "car") else " (car-races)"
    lines = [
        f"{answer.subject['name']}: {answer.scope.describe()}",
        f"(matched {answer.resolution.query!r} by {answer.resolution.how})",
        "",
        f"Starts{unit} {f.starts} · Wins {f.wins} · Podiums {f.podiums} · Top 5s {f.top5s} · Poles {f.poles} · "
        f"Fastest laps {f.fastest_laps} · Overall wins {f.overall_wins}",
        f"Laps led {_laps_led(f)}",
        f"Laps {f.laps_completed:,} · Distance {f.distance_km:,.1f} km · DNFs {f.dnfs} · "
        f"Avg class start {_num(f.avg_class_start)} · Avg class finish {_num(f.avg_class_finish)} · "
        f"Best finish {f.best_finish or '-'}{f' (×{f.best_finish_count})' if f.best_finish_count > 1 else ''}",
    ]
    if f.poles_set is not None:
        lines.append(
            f"Set personally: poles {_set_figure(f.poles_set, f.poles_setter_unknown)} · "
            f"fastest race laps {_set_figure(f.fastest_laps_set, f.fastest_laps_setter_unknown)}"
        )
    if f.starts_drove_a_lap is not None:
        lines.append(
            f"Drove a lap in {f.starts_drove_a_lap} of the {f.starts - f.starts_without_lap_data} starts with lap data"
        )
    if answer.seasons:
        lines += ["", render.text_table(
            [(s["season"], s["starts"], s["wins"], s["podiums"], s["poles"], s["fastest_laps"], _laps_led_short(s), s["best_finish"] or "-", "complete" if s["complete"] else "INCOMPLETE") for s in answer.seasons],
            ["Season", "Starts", "Wins", "Podiums", "Poles", "FL", "Laps led", "Best", "Coverage"],
            "rrrrrrrrl",
        )]  # fmt: skip
    if answer.cars:
        lines += [
            "",
            "Cars: "
            + "; ".join(
                f"#{c['number']} {c['team']} ({c['season']}, {display_class(c['class'])}, {c['starts']} starts)"
                for c in answer.cars
            ),
        ]
    records = answer.records
    if records.get("win"):
        w, p = records["win"], records["podium"]
        lines.append(
            f"First start {records['first_start']} · first win {w['first'] or '-'} · last win {w['last'] or '-'} · "
            f"longest podium streak {p['longest_streak']} · current podium streak {p['current_streak']}"
        )
    if show_races and answer.races:
        lines += ["", render.text_table(
            [(r["race_date"], r["event_name"], display_class(r["class"]), f"#{r['number']}", r["team"], r["grid_class_position"] or "-",
              (f"{r['class_position']}{'*' if r['corrected'] else ''}" if r["class_position"] else "-") if r["started"] else "DNS",
              render.STATUS_TEXT.get(r["finish_status"] or "", ""), "n/a" if r["laps_led"] is None else r["laps_led"],
              format_duration(r["best_lap_ms"]) + (" FL" if r["fastest_lap"] else ""), "P" if r["pole"] else "")
             for r in answer.races],
            ["Date", "Event", "Class", "Car", "Team", "Start", "Finish", "Status", "Led", "Best lap", "Pole"],
            "lllllrrlrrl",
        )]  # fmt: skip
    lines += ["", answer.coverage.line()]
    return "\n".join(lines)


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _laps_led(f: stats.Figures) -> str:
    if f.laps_led is None:
        return "n/a (no lap data for these races)"
    if f.laps_led_races_without_data:
        return f"{f.laps_led} (n/a for {len(f.laps_led_races_without_data)} races without lap data: {', '.join(f.laps_led_races_without_data)})"
    return str(f.laps_led)


def _laps_led_short(season: dict[str, Any]) -> str:
    if season["laps_led"] is None:
        return "n/a"
    return f"{season['laps_led']}+" if season["laps_led_races_without_data"] else str(season["laps_led"])


@stats_group.command(name="h2h")
@click.argument("driver_a")
@click.argument("driver_b")
@scope_options
@output_options
@handle_errors
def head_to_head(driver_a: str, driver_b: str, scope: stats.Scope, fmt: str, db_path: Path | None) -> None:
    """Head-to-head of two drivers: races both started in the same class, who finished ahead."""
    with pitboard.open(db_path) as pb:
        answer = stats.head_to_head(pb, driver_a, driver_b, scope)
    result = answer.to_dict()
    if fmt == "json":
        click.echo(render.to_json(result))
    elif fmt == "csv":
        click.echo(render.to_csv(result["races"]), nl=False)
    else:
        lines = [
            f"{answer.a} vs {answer.b}: {answer.races_together} races in the same class in different cars",
            f"{answer.a} ahead {answer.a_ahead} · {answer.b} ahead {answer.b_ahead} · shared a car {answer.same_car} times",
            "",
            render.text_table([(r["event"], display_class(r["class"]), f"#{r['a_car']}", r["a_finish"] or "-", f"#{r['b_car']}", r["b_finish"] or "-") for r in result["races"]],
                              ["Event", "Class", answer.a, "Finish", answer.b, "Finish"], "llrrrr"),
            "",
            stats.Coverage(**result["coverage"]).line(),
        ]  # fmt: skip
        click.echo("\n".join(lines))


@main.command()
@click.argument("metric", type=click.Choice(LEADER_METRICS))
@click.option(
    "--by",
    type=click.Choice(SUBJECT_KINDS),
    default="driver",
    show_default=True,
    help="Rank drivers, cars, teams or manufacturers.",
)
@click.option("--limit", type=int, default=10, show_default=True, help="How many (ties at the cut are all shown).")
@scope_options
@output_options
@handle_errors
def leaders(metric: str, by: str, limit: int, scope: stats.Scope, fmt: str, db_path: Path | None) -> None:
    """Leaderboard by METRIC (wins, poles, podiums, laps-led, fastest-laps, …) for any scope."""
    with pitboard.open(db_path) as pb:
        answer = stats.leaders(pb, metric, by=by, scope=scope, limit=limit)
    data = render.jsonable(answer.to_dict())
    rows = data["leaders"]
    if fmt == "json":
        data.pop("sources", None)
        data.pop("notes", None)
        click.echo(render.to_json(data))
    elif fmt == "csv":
        click.echo(render.to_csv(rows), nl=False)
    else:
        table = render.text_table(
            [(r["rank"], r["name"], r["value"], r["starts"] if r["starts"] is not None else "") for r in rows],
            ["#", by.capitalize(), metric, "Starts"],
            "rlrr",
        )
        note = "".join(f"\n{n}" for n in answer.notes)
        click.echo(f"Most {metric}: {answer.scope}\n\n{table}\n\n{stats.Coverage(**data['coverage']).line()}{note}")


@main.command()
@click.argument("season", type=int)
@click.option("--class", "cls", default=None, help="Only this class.")
@output_options
@handle_errors
def winners(season: int, cls: str | None, fmt: str, db_path: Path | None) -> None:
    """The class winners of every championship race of SEASON."""
    with pitboard.open(db_path) as pb:
        answer = stats.winners(pb, season, cls)
    data = render.jsonable(answer.to_dict())
    rows = data["winners"]
    cov = stats.Coverage(**data["coverage"])
    if fmt == "json":
        data.pop("sources", None)
        click.echo(render.to_json(data))
    elif fmt == "csv":
        click.echo(render.to_csv(rows), nl=False)
    else:
        table = render.text_table(
            [
                (
                    r["round"],
                    r["race_date"],
                    r["event_name"],
                    display_class(r["class"]),
                    f"#{r['number']}{'*' if r['corrected'] else ''}",
                    r["team"],
                    r["drivers"],
                )
                for r in rows
            ],
            ["Rnd", "Date", "Event", "Class", "Car", "Team", "Drivers"],
            "rllllll",
        )
        click.echo(f"{table}\n\n{cov.line()}")
