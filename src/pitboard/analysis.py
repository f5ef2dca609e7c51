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
from pitboard.domain.sessions import RACE_LIKE_KINDS
from pitboard.exceptions import InputError, NotAvailableError
from pitboard.queries import analysis as qa
from pitboard.queries import table
from pitboard.resolve import car_number

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pitboard.answers import RaceSummary, RaceView
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


#: The views that need a race (an order on the road): laps led and the finishing order.
RACE_ONLY_VIEWS = ("leaders", "finish")


def _race_required(pb: Pitboard, ref: SessionRef, what: str) -> None:
    if qa.session_kind(pb.db, ref.session_id) not in RACE_LIKE_KINDS:
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


# -- race views as answers ----------------------------------------------------------------------


def car_key(number: Any) -> tuple[int, int, str]:
    """Car numbers in numeric order ("5" before "10"; "01" next to "1" but still apart)."""
    text = str(number)
    return (int(text) if text.isdigit() else 10_000, len(text), text)


def check_cars(pb: Pitboard, ref: SessionRef, cars: Sequence[str]) -> tuple[str, ...]:
    """--car values as the session's car numbers ('#31', 'No. 31' → '31'); unknown ones are an error."""
    if not cars:
        return ()
    wanted = tuple(car_number(c) for c in cars)
    present = sorted(set(table(pb.db, "results", {"session_id": ref.session_id})["number"]), key=car_key)
    unknown = [c for c in wanted if c not in present]
    if unknown:
        raise InputError(f"no car #{', #'.join(unknown)} in {ref.name}", present)
    return wanted


def _driver_names(pb: Pitboard) -> tuple[list[str], list[str]]:
    drivers = table(pb.db, "drivers")
    return list(drivers["driver_id"]), list(drivers["name"])


def _present(pb: Pitboard, frame: pd.DataFrame, cars: tuple[str, ...]) -> pd.DataFrame:
    """What a reader sees: only the chosen cars, driver names for ids, cars in numeric order."""
    if cars and "number" in frame:
        frame = frame[frame["number"].isin(cars)]
    ids = [
        c
        for c in ("driver_id", "driver_in", "driver_out")
        if c in frame and not (c == "driver_id" and "driver" in frame)
    ]
    if ids:
        names = dict(zip(*_driver_names(pb), strict=True))
        frame = frame.assign(**{c: frame[c].map(lambda d: names.get(d, d)) for c in ids})
    if "number" in frame and "lap" not in frame:
        keys = ["class"] if "class" in frame else []
        frame = frame.assign(_cls=frame["class"].map(class_rank) if keys else 0, _car=frame["number"].map(car_key))
        frame = frame.sort_values(["_cls", "_car"], kind="stable").drop(columns=["_cls", "_car"])
    return frame


def _view_frame(
    pb: Pitboard,
    ref: SessionRef,
    view: str,
    cls: str | None,
    minimum: str | None,
    last_lap: bool,
    samples: bool = False,
) -> tuple[pd.DataFrame, list[str] | None, str]:
    """The frame of a view, the columns to print and a note line."""
    if view in ("positions", "gaps"):
        if last_lap:
            frame = final_positions(pb, ref, cls)
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
        frame = positions(pb, ref, cls)
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
        sequence, led = leaders(pb, ref, cls)
        return (
            sequence.merge(led, on=["class", "number"], how="left"),
            None,
            "Class leader at each lap: the first car of the class to complete it.",
        )
    if view == "cautions":
        frame = cautions(pb, ref)
        return frame, None, f"{len(frame)} full-course-yellow periods; times are elapsed race time."
    if view == "pits":
        return (
            pit_stops(pb, ref, cls),
            None,
            "pit_lane = PIT_TIME: time from pit entry to pit exit, not stationary time.",
        )
    if view == "stints":
        return (
            stints(pb, ref, cls),
            None,
            "A stint runs from lap 1 or an out-lap to the next in-lap; a double stint is two stints.",
        )
    if view == "drivers":
        frame = drive_time(pb, ref, cls, minimum)
        note = "drive = sum of the driver's lap times; excl_pit_lane takes the pit-lane time off."
        return frame, None, note + (f" meets_minimum: at least {minimum} excluding pit lane." if minimum else "")
    if view == "pace":
        return (
            pace(pb, ref, cls),
            None,
            f"Clean laps: green, no pit in/out, not lap 1, all sectors, not faster than the official best. best_n_avg: the {BEST_N} fastest.",
        )
    if view == "co-drivers":
        return (
            co_drivers(pb, ref, cls),
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
            finish(pb, ref, cls),
            None,
            "on_track: laps done, then time of the last crossing; class_position: official (penalties applied).",
        )
    if view == "weather" and not samples:
        summary = weather_summary(pb, ref)
        if summary.empty:
            return summary, None, "The weather file of this session is empty: no weather is known."
        return summary, None, "Over the session; --samples lists every sample. RAIN is never positive in these exports."
    if view == "weather":
        return (
            weather(pb, ref),
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
    raise InputError(f"unknown view {view!r}", [*RACE_VIEWS, "co-drivers"])


def view(
    pb: Pitboard,
    ref: SessionRef,
    name: str,
    cls: str | None = None,
    *,
    minimum: str | None = None,
    last_lap: bool = False,
    samples: bool = False,
    cars: Sequence[str] = (),
) -> RaceView:
    """One lap-by-lap view of a session (``RACE_VIEWS`` and "co-drivers") as an answer: the rows
    (only ``cars`` when given; drivers by name; cars in numeric order), the columns worth
    showing and what the reader must know about them (``notes``)."""
    from pitboard.answers import RaceView, rows_of

    wanted = check_cars(pb, ref, cars)
    frame, columns, note = _view_frame(pb, ref, name, cls, minimum, last_lap, samples)
    frame = _present(pb, frame, wanted)
    return RaceView(
        rows=rows_of(frame),
        notes=(note,) if note else (),
        sources=("laps", "results") if name != "weather" else ("weather",),
        session_id=ref.session_id,
        view=name,
        cls=cls,
        columns=tuple(columns or frame.columns),
    )
