"""Race analysis of one session, class by class: positions and gaps at every lap, the leader
sequence and laps led, cautions, pit stops and stints, drive time per driver, pace, weather.

Every function takes a resolved ``SessionRef`` (``pb.session(season, event, session)``) and an
optional class, and returns a DataFrame (definitions in ``pitboard.queries.analysis``). A session
without a laps file (every Rolex 24) has no lap-by-lap data: the lap-based functions raise
``NotAvailableError`` saying so; pace falls back to the official best laps from the results and
the weather timeline is still there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pandas as pd

from pitboard.choices import RACE_VIEWS
from pitboard.domain.classes import class_rank, normalise_class
from pitboard.exceptions import NotAvailableError
from pitboard.queries import analysis as qa
from pitboard.queries import table

if TYPE_CHECKING:
    from pitboard.answers import RaceSummary
    from pitboard.api import Pitboard, SessionRef

#: How many of a car's fastest clean laps the "best N average" takes.
BEST_N = 5
VIEWS = RACE_VIEWS


def _laps_required(pb: Pitboard, ref: SessionRef, what: str) -> None:
    if not qa.has_laps(pb.db, ref.session_id):
        raise NotAvailableError(
            f"{ref.event.event_name} {ref.event.season} {ref.name} has no laps file: {what} cannot be computed "
            "(results, official best laps and weather are available)"
        )


def _class(frame: pd.DataFrame, cls: str | None) -> pd.DataFrame:
    if cls is None:
        return frame.reset_index(drop=True)
    return frame[frame["class"] == normalise_class(cls)].reset_index(drop=True)


def _class_order(frame: pd.DataFrame, *then: str) -> pd.DataFrame:
    order = frame["class"].map(class_rank)
    return frame.assign(_rank=order).sort_values(["_rank", *then]).drop(columns="_rank").reset_index(drop=True)


def positions(pb: Pitboard, ref: SessionRef, cls: str | None = None) -> pd.DataFrame:
    """Overall and class position of every car at every lap crossing, with gap to the class
    leader, interval to the class car ahead and laps down (see ``queries.analysis``)."""
    _laps_required(pb, ref, "positions")
    key = ("positions", ref.session_id)  # gaps, leaders and charts reuse it: memoised per handle
    return _class(pb.db.memo(key, lambda: qa.positions(pb.db, ref.session_id)).copy(), cls)


def gaps(pb: Pitboard, ref: SessionRef, cls: str | None = None) -> pd.DataFrame:
    """Gap to the class leader and interval to the car ahead, one row per car per lap."""
    frame = positions(pb, ref, cls)
    return frame[
        ["number", "class", "lap", "class_position", "gap_to_leader_ms", "laps_down", "interval_ms", "elapsed_ms"]
    ]


def _race_required(pb: Pitboard, ref: SessionRef, what: str) -> None:
    if qa.session_kind(pb.db, ref.session_id) not in ("race", "qualifying race"):
        raise NotAvailableError(
            f"{what} applies to races; {ref.name} is a {qa.session_kind(pb.db, ref.session_id)} session"
        )


def leaders(pb: Pitboard, ref: SessionRef, cls: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The class leader sequence (one row per lead change: class, from lap, to lap, number,
    laps) and laps led per car per class (number, class, laps_led). Races only."""
    _race_required(pb, ref, "laps led")
    frame = positions(pb, ref, cls)
    # class_leader breaks a dead heat at the line (same ELAPSED) by car number, as laps led does
    leading = frame[frame["number"] == frame["class_leader"]].sort_values(["class", "lap"])
    spells = []
    for klass, group in leading.groupby("class", sort=False):
        start, current, last = None, None, None
        for row in group.itertuples():
            if row.number != current:
                if current is not None:
                    spells.append(
                        {"class": klass, "number": current, "from_lap": start, "to_lap": last, "laps": last - start + 1}
                    )
                start, current = row.lap, row.number
            last = row.lap
        if current is not None:
            spells.append(
                {"class": klass, "number": current, "from_lap": start, "to_lap": last, "laps": last - start + 1}
            )
    sequence = _class_order(pd.DataFrame(spells, columns=["class", "number", "from_lap", "to_lap", "laps"]), "from_lap")
    led = leading.groupby(["class", "number"]).size().reset_index(name="laps_led")
    led["_most"] = -led["laps_led"]
    return sequence, _class_order(led, "_most").drop(columns="_most")


def cautions(pb: Pitboard, ref: SessionRef) -> pd.DataFrame:
    """Full-course-yellow periods (a whole-session fact: no class filter)."""
    _laps_required(pb, ref, "cautions")
    if not qa.has_flags(pb.db, ref.session_id):
        raise NotAvailableError(
            f"{ref.event.event_name} {ref.event.season} {ref.name}: the laps file has no flag column: cautions are unknown"
        )
    return qa.cautions(pb.db, ref.session_id)


def pit_stops(pb: Pitboard, ref: SessionRef, cls: str | None = None) -> pd.DataFrame:
    """Every pit stop with its pit-lane time (``pit_lane_ms``: entry to exit, not stationary)."""
    _laps_required(pb, ref, "pit stops")
    return _class(qa.pit_stops(pb.db, ref.session_id), cls)


def stints(pb: Pitboard, ref: SessionRef, cls: str | None = None) -> pd.DataFrame:
    """Stints per car; a double stint by one driver is two stints."""
    _laps_required(pb, ref, "stints")
    return _class(qa.stints(pb.db, ref.session_id), cls)


def parse_minutes(text: str) -> int:
    """'45m', '1h30', '1:30', '90' (minutes) → milliseconds, for the minimum drive time check."""
    match = re.fullmatch(r"\s*(?:(\d+)\s*h\s*(\d+)?\s*(?:m|min)?|(\d+):(\d{2})|(\d+)\s*(?:m|min)?)\s*", text)
    if not match:
        raise ValueError(f"not a drive time: {text!r} (e.g. 45m, 1h30, 1:30)")
    h, hm, hh, mm, m = match.groups()
    minutes = int(h) * 60 + int(hm or 0) if h else int(hh) * 60 + int(mm) if hh else int(m)
    return minutes * 60_000


def drive_time(pb: Pitboard, ref: SessionRef, cls: str | None = None, minimum: str | None = None) -> pd.DataFrame:
    """Time at the wheel per driver per car (with and without pit-lane time), laps, share of the
    car's race and stints; with ``minimum`` ("45m"), ``meets_minimum`` says who reached it
    (time at the wheel excluding pit lane)."""
    _laps_required(pb, ref, "drive time")
    frame = _class(qa.drive_time(pb.db, ref.session_id), cls)
    if minimum:
        frame["meets_minimum"] = frame["drive_ms_excl_pit_lane"] >= parse_minutes(minimum)
    return frame


def pace(
    pb: Pitboard, ref: SessionRef, cls: str | None = None, *, by: str = "car", best_n: int = BEST_N
) -> pd.DataFrame:
    """Pace per car, per driver (``by="driver"``) or per class (``by="class"``).

    Per car and driver: official best lap, best sectors and ideal lap over clean laps, mean of
    the best N clean laps, median clean lap, consistency (standard deviation of clean laps within
    107 % of the median). Per class: the best of each figure in the class. Without a laps file
    only the official best laps exist (per car, from the results).
    """
    if not qa.has_laps(pb.db, ref.session_id):
        results = table(pb.db, "results", {"session_id": ref.session_id})
        frame = results[["number", "class", "best_lap_ms"]].dropna(subset=["best_lap_ms"])
        return _class(_class_order(frame, "best_lap_ms"), cls)
    frame = qa.pace(pb.db, ref.session_id, by == "driver", best_n)
    frame = _class(_class_order(frame, "median_clean_ms"), cls)
    if by == "class":
        agg = {
            c: "min"
            for c in (
                "best_lap_ms",
                "best_s1_ms",
                "best_s2_ms",
                "best_s3_ms",
                "ideal_lap_ms",
                "best_n_avg_ms",
                "median_clean_ms",
            )
        }
        out = frame.groupby("class").agg({**agg, "clean_laps": "sum", "laps": "sum"}).reset_index()
        out["ideal_lap_ms"] = out["best_s1_ms"] + out["best_s2_ms"] + out["best_s3_ms"]  # the class's ideal lap
        return _class_order(out)
    return frame


def co_drivers(pb: Pitboard, ref: SessionRef, cls: str | None = None) -> pd.DataFrame:
    """Co-driver comparison within each car: each driver's median clean lap and best lap, and
    the gap to the car's quickest driver on the median."""
    _laps_required(pb, ref, "the co-driver comparison")
    frame = pace(pb, ref, cls, by="driver")
    frame = frame[frame["median_clean_ms"].notna()].copy()
    frame["gap_to_car_best_median_ms"] = frame["median_clean_ms"] - frame.groupby("number")[
        "median_clean_ms"
    ].transform("min")
    return frame.sort_values(["number", "median_clean_ms"]).reset_index(drop=True)


def weather(pb: Pitboard, ref: SessionRef) -> pd.DataFrame:
    """The session's weather samples (the ``weather`` table)."""
    return table(pb.db, "weather", {"session_id": ref.session_id}, order="time_utc")


#: The weather columns a summary describes: (column, what, unit).
WEATHER_MEASURES = (
    ("air_temp_c", "air temperature", "°C"),
    ("air_temp_f", "air temperature", "°F"),
    ("track_temp_c", "track temperature", "°C"),
    ("track_temp_f", "track temperature", "°F"),
    ("humidity", "relative humidity", "%"),
    ("pressure_inhg", "air pressure", "inHg"),
    ("wind_speed", "wind speed", "mph"),
)


def weather_summary(pb: Pitboard, ref: SessionRef) -> pd.DataFrame:
    """Minimum, mean and maximum of each weather measure over the session, with units and the
    number of samples; an empty frame when the weather file is empty (2023 Long Beach race)."""
    import pandas as pd

    samples = weather(pb, ref)
    rows = []
    for column, what, unit in WEATHER_MEASURES:
        values = samples[column].dropna() if column in samples else samples.iloc[0:0]
        if len(values):
            rows.append(
                {
                    "measure": what,
                    "unit": unit,
                    "min": round(float(values.min()), 1),
                    "mean": round(float(values.mean()), 1),
                    "max": round(float(values.max()), 1),
                    "samples": len(values),
                }
            )
    return pd.DataFrame(rows, columns=["measure", "unit", "min", "mean", "max", "samples"])


def lap_weather(pb: Pitboard, ref: SessionRef, cls: str | None = None) -> pd.DataFrame:
    """Every lap with the air and track temperature of the nearest earlier sample (within
    5 minutes; none otherwise)."""
    _laps_required(pb, ref, "weather per lap")
    frame = qa.lap_weather(pb.db, ref.session_id)
    if cls is not None:
        numbers = set(positions(pb, ref, cls)["number"])
        frame = frame[frame["number"].isin(numbers)].reset_index(drop=True)
    return frame


def finish(pb: Pitboard, ref: SessionRef, cls: str | None = None) -> pd.DataFrame:
    """On-track finishing order (laps done, then time of the last crossing) beside the official
    class position, per class: where they differ a penalty moved the car, already in the export
    or by a later decision (``why``); ``time_penalty_ms`` is time added to TOTAL_TIME."""
    _laps_required(pb, ref, "the on-track finishing order")
    _race_required(pb, ref, "the finishing order")
    rows = [r for r in qa.final_order(pb.db, ref.session_id) if r["class_position_export"] is not None]
    frame = pd.DataFrame(rows)
    frame["on_track"] = (
        frame.assign(_l=-frame["laps_in_file"].fillna(0), _e=frame["last_elapsed_ms"].fillna(10**15))
        .groupby("class")[["_l", "_e"]]
        .apply(lambda g: g.sort_values(["_l", "_e"]).assign(_r=range(1, len(g) + 1))["_r"])
        .reset_index(level=0, drop=True)
    )
    frame["moved"] = frame["class_position"] - frame["on_track"]
    # only a car that lost places was penalised; the cars it dropped behind simply moved up
    frame["why"] = [
        None if m <= 0 else ("decision after the export" if c != e else "penalty in the export")
        for m, c, e in zip(frame["moved"], frame["class_position"], frame["class_position_export"], strict=True)
    ]
    # TOTAL_TIME beyond the race clock at the last crossing: a time penalty added before the export
    frame["time_penalty_ms"] = (
        (frame["total_time_ms"] - frame["last_elapsed_ms"]).where(lambda d: d > 0).astype("Int64")
    )
    frame = frame[
        [
            "class",
            "number",
            "on_track",
            "class_position",
            "class_position_export",
            "moved",
            "why",
            "laps",
            "total_time_ms",
            "time_penalty_ms",
        ]
    ]
    return _class(_class_order(frame, "class_position"), cls)


def final_positions(pb: Pitboard, ref: SessionRef, cls: str | None = None) -> pd.DataFrame:
    """Each car's last crossing, ranked as the race finished on track: laps done, then the time
    of the last crossing (not the position it held when it crossed), beside the official class
    position, in IMSA's class order."""
    frame = positions(pb, ref, cls)
    last = frame.sort_values("lap").groupby("number").tail(1)
    last = last.assign(_l=-last["lap"]).sort_values(["_l", "elapsed_ms"]).drop(columns="_l")
    last["final_position"] = range(1, len(last) + 1)
    last["final_class_position"] = last.groupby("class").cumcount() + 1
    official = dict(qa.official_class_positions(pb.db, ref.session_id))
    last["official_class_position"] = last["number"].map(official).astype("Int64")
    last["laps_down"] = last.groupby("class")["lap"].transform("max") - last["lap"]
    return _class_order(last, "final_class_position")


def summary(pb: Pitboard, ref: SessionRef, cls: str | None = None) -> RaceSummary:
    """The headline facts of a session: cautions, laps led, lead changes and pit stops (when the
    session has a laps file; otherwise a note says why not) and the official fastest lap of each
    class."""
    from pitboard.answers import RaceSummary, rows_of

    notes: list[str] = []
    parts: dict[str, Any] = {}
    try:
        pits = pit_stops(pb, ref, cls)
        sequence, led = leaders(pb, ref, cls)
        caution_rows = cautions(pb, ref)
    except NotAvailableError as exc:
        notes.append(str(exc))
    else:
        parts = {
            "cautions": rows_of(caution_rows),
            "laps_led": rows_of(led),
            "pit_stops": len(pits),
            "lead_changes": len(sequence) - sequence["class"].nunique(),
            "caution_leader_laps": int(caution_rows["leader_laps"].sum()) if len(caution_rows) else 0,
        }
    best = pace(pb, ref, cls).sort_values("best_lap_ms").groupby("class", sort=False).head(1)
    return RaceSummary(
        notes=tuple(notes),
        sources=("laps", "results"),
        session_id=ref.session_id,
        cls=cls,
        fastest_laps=rows_of(best[["class", "number", "best_lap_ms"]]),
        **parts,
    )
