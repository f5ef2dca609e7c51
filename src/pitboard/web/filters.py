"""How values print on the pages: times, gaps, classes, dates, links (Jinja filters and globals)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jinja2 import Environment

from pitboard.domain.classes import display_class
from pitboard.domain.timefmt import format_duration
from pitboard.render import heading
from pitboard.web import views


def duration(ms: Any) -> str:
    """Milliseconds as m:ss.fff / h:mm:ss.fff; nothing as an en dash."""
    if ms is None or ms == "":
        return "–"
    return format_duration(int(ms))


def gap(ms: Any) -> str:
    if ms is None:
        return ""
    return "+" + format_duration(int(ms)) if ms else "–"


def number(value: Any, decimals: int | None = None) -> str:
    """1,234 / 1,234.5; None as "n/a" (unknown is not zero)."""
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and decimals is None:
        decimals = 1 if abs(value) >= 10 else 2
    if isinstance(value, (int, float)):
        return f"{value:,.{decimals or 0}f}"
    return str(value)


def date(value: Any) -> str:
    """ "2023-10-14" → "14 Oct 2023"."""
    if not value:
        return ""
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{day.day} {day:%b %Y}"


def cell(value: Any, column: str) -> str:
    """One value of a lap-by-lap view as the CLI prints it: *_ms as times, shares as %."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "–"
    if column.endswith("_ms") or "_ms_" in column:
        return (
            (gap(value) if column.startswith(("gap", "interval")) else duration(value))
            if isinstance(value, (int, float))
            else str(value)
        )
    if column == "class":
        return display_class(value)
    if column.startswith("share") and isinstance(value, float):
        return f"{value:.1%}"
    if isinstance(value, float):
        return number(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def install(env: Environment, app: Any) -> None:
    env.filters.update(
        duration=duration,
        gap=gap,
        number=number,
        date=date,
        cell=cell,
        heading=heading,
        cls=display_class,
        slug=views.slug,
    )
    env.globals.update(
        url_event=views.url_event,
        url_session=views.url_session,
        url_driver=views.url_driver,
        url_team=views.url_team,
        url_car=views.url_car,
        url_manufacturer=views.url_manufacturer,
        url_standings=views.url_standings,
        url_source=views.url_source,
        url_search_row=views.url_for_search_row,
        build=app.build,
        built_at=app.built_at,
    )
