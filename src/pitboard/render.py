"""Formatting shared by the CLI (and later the web pages): text tables, JSON and CSV.

Pure functions over plain rows; no database access.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from pitboard.domain.timefmt import format_duration


def _pandas() -> Any:
    """pandas if something already imported it (a value from a DataFrame), else None: a plain
    answer is rendered without paying for importing pandas."""
    return sys.modules.get("pandas")


def jsonable(value: Any) -> Any:
    """Convert numpy/pandas scalars, dates and NaN to plain JSON values."""
    if value is None:
        return None
    pd = _pandas()
    if pd is not None and (value is pd.NA or value is pd.NaT):
        return None
    if pd is not None and isinstance(value, pd.Timestamp):
        # DATE columns arrive as midnight timestamps: print them as dates.
        if value.tzinfo is None and value == value.normalize():
            return value.date().isoformat()
        return value.isoformat()
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return jsonable(value.tolist())
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dt.datetime):
        # DATE columns can arrive as midnight timestamps: print those as dates.
        if value.tzinfo is None and value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value


def records(frame: Any) -> list[dict[str, Any]]:
    """DataFrame → list of JSON-ready dicts."""
    return [{k: jsonable(v) for k, v in row.items()} for row in frame.to_dict("records")]


def to_json(payload: Any) -> str:
    return json.dumps(jsonable(payload), indent=2, ensure_ascii=False)


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """Rows as CSV (lists joined with '; ')."""
    out = io.StringIO()
    cols = list(columns or (rows[0].keys() if rows else []))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(cols)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in cols])
    return out.getvalue()


def _cell(value: Any) -> str:
    value = jsonable(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def text_table(rows: Iterable[Sequence[Any]], headers: Sequence[str], align: str | None = None) -> str:
    """A plain aligned table. ``align`` is one character per column: 'l' or 'r'."""
    body = [[_cell(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in body:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    align = align or "l" * len(headers)

    def line(cells: Sequence[str]) -> str:
        parts = [c.rjust(w) if a == "r" else c.ljust(w) for c, w, a in zip(cells, widths, align, strict=True)]
        return "  ".join(parts).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(row) for row in body]
    return "\n".join(out)


STATUS_TEXT = {"running": "Running", "retired": "Retired", "dns": "DNS", "disqualified": "DSQ"}


def result_time(row: dict[str, Any], race: bool) -> str:
    """The time/gap column as IMSA prints a class classification: the class leader's total time,
    the others' gap to the class leader (official order, corrections applied)."""
    if race:
        if row.get("class_position") == 1:
            return format_duration(row.get("total_time_ms"))
        gap = row.get("class_gap_first")
        return gap if gap not in (None, "-") else ""
    return format_duration(row.get("best_lap_ms"))


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


def heading(name: str) -> str:
    """A column name as a heading: ``HEADINGS``, else the name without "_ms", underscores as spaces."""
    return HEADINGS.get(name) or name.removesuffix("_ms").replace("_", " ").capitalize()
