"""SQL of the race analysis of one session: positions and gaps at every crossing, cautions, pit
stops, stints, drive time, pace and weather. Parameters are always bound.

The definitions (docs/conventions.md, "Race analysis"):

* a car's position at its crossing of lap L is 1 + the number of cars that completed lap L
  before it (lower ELAPSED): lapped cars fall behind naturally; class positions rank within
  the class; the class leader at lap L is the first car of the class to complete it;
* the gap to the class leader at lap L is the time between the leader's and the car's L-th
  crossings; ``laps_down`` counts the laps the leader had completed at the car's crossing beyond
  L; the interval is the same against the class car just ahead at lap L;
* a pit stop is a lap that starts in the pit lane (``PIT_TIME`` set, lap > 1); ``PIT_TIME`` is
  pit-lane time (entry to exit), not stationary time; a stint runs from lap 1 or an out-lap to
  the next in-lap;
* a clean lap (for pace) is green (GF), neither in- nor out-lap, not lap 1, has all three sectors
  and is no faster than the car's official best lap (faster ones were deleted: DATA.md §5.1).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from pitboard.db import Database

_CLEAN = """l.flag = 'GF' AND NOT l.in_pit AND NOT l.pit_out AND l.lap > 1
    AND l.s1_ms IS NOT NULL AND l.s2_ms IS NOT NULL AND l.s3_ms IS NOT NULL
    AND (r.best_lap_ms IS NULL OR l.lap_time_ms >= r.best_lap_ms)"""


#: A lap whose time outside the pit lane is more than this many times the class's median clean
#: lap held a stop: a red-flag stoppage on track, or a car in the garage or parked. Its time
#: beyond one normal lap is not driving.
STOPPED_FACTOR = 3

#: A stop's pit-lane time (PIT_TIME, on the out-lap) spans the line in the pit lane: the out-lap
#: holds up to its own lap time of it, the in-lap the rest (garage time before the line). Each
#: lap gives up only its own share, never more than its time (alias l, the laps of one session).
_PIT_SHARE = """least(CASE WHEN l.lap > 1 THEN coalesce(l.pit_time_ms, 0) ELSE 0 END, l.lap_time_ms)
    + least(greatest(coalesce(lead(l.pit_time_ms) OVER (PARTITION BY l.number ORDER BY l.lap), 0)
                     - coalesce(lead(l.lap_time_ms) OVER (PARTITION BY l.number ORDER BY l.lap), 0), 0),
            l.lap_time_ms)"""

#: Per lap (alias l, with pit_share_ms): stopped_ms, the time beyond one normal lap of a lap
#: that held a stop, and the class's normal (median clean) lap, as columns of a window query.
_STOPPED = f"""
    median(CASE WHEN {_CLEAN.replace("r.best_lap_ms", "l.official_best_ms")} THEN l.lap_time_ms END)
        OVER (PARTITION BY l.class) AS normal_ms"""


#: The laps of session $s as the CTE ``st``: each with its stint (counted from lap 1 and every
#: out-lap), ``clean``, its share of pit-lane time, the class's normal lap and ``stopped_ms``.
_LAPS_WITH_STOPS = f"""WITH l0 AS (
            SELECT l.*, r.best_lap_ms AS official_best_ms,
                   CAST(sum(CASE WHEN l.lap = 1 OR (l.pit_out AND l.lap > 1) THEN 1 ELSE 0 END)
                       OVER (PARTITION BY l.number ORDER BY l.lap ROWS UNBOUNDED PRECEDING) AS INTEGER) AS stint,
                   {_CLEAN} AS clean,
                   {_PIT_SHARE} AS pit_share_ms
            FROM laps l LEFT JOIN results r ON r.session_id = l.session_id AND r.number = l.number
            WHERE l.session_id = $s
        ), l1 AS (
            SELECT l.*, {_STOPPED} FROM l0 l
        ), st AS (
            SELECT l.*, CASE WHEN l.lap_time_ms - l.pit_share_ms > {STOPPED_FACTOR} * l.normal_ms
                             THEN l.lap_time_ms - l.pit_share_ms - l.normal_ms ELSE 0 END AS stopped_ms
            FROM l1 l
        )"""


def positions(db: Database, session_id: str) -> pd.DataFrame:
    """One row per lap crossing: overall and class position, gap to the class leader, interval
    to the class car ahead (both at the same lap count), laps down, class leader, flag."""
    return db.frame(
        """
        WITH x AS (
            SELECT l.number, l.class, l.lap, l.elapsed_ms, l.crossing_utc, l.flag, l.driver_id, l.in_pit, l.pit_out,
                   rank() OVER (PARTITION BY l.lap ORDER BY l.elapsed_ms) AS position,
                   rank() OVER (PARTITION BY l.class, l.lap ORDER BY l.elapsed_ms) AS class_position,
                   first_value(l.elapsed_ms) OVER (PARTITION BY l.class, l.lap ORDER BY l.elapsed_ms) AS leader_ms,
                   first_value(l.number) OVER (PARTITION BY l.class, l.lap ORDER BY l.elapsed_ms, TRY_CAST(l.number AS INTEGER), l.number) AS class_leader,
                   lag(l.elapsed_ms) OVER (PARTITION BY l.class, l.lap ORDER BY l.elapsed_ms) AS ahead_ms
            FROM laps l WHERE l.session_id = $s
        ),
        leader_laps AS (  -- every class leader crossing: (class, elapsed, laps completed)
            SELECT class, lap AS leader_lap, leader_ms AS at_ms FROM x WHERE class_position = 1
        )
        SELECT x.number, x.class, x.lap, x.position, x.class_position, x.elapsed_ms, x.crossing_utc,
               x.elapsed_ms - x.leader_ms AS gap_to_leader_ms,
               x.elapsed_ms - x.ahead_ms AS interval_ms,
               ll.leader_lap - x.lap AS laps_down,
               x.class_leader, x.flag, x.driver_id, x.in_pit, x.pit_out
        FROM x ASOF JOIN leader_laps ll ON ll.class = x.class AND x.elapsed_ms >= ll.at_ms
        ORDER BY x.lap, x.position
        """,
        {"s": session_id},
    )


def cautions(db: Database, session_id: str) -> pd.DataFrame:
    """Full-course-yellow periods: consecutive crossings (in time order) under FCY. Columns:
    caution, start_ms, end_ms (elapsed of the first and last FCY crossing), duration_ms,
    leader_laps (laps the overall leader completed under it), first_lap, last_lap (leader's)."""
    return db.frame(
        """
        WITH seq AS (
            SELECT number, lap, elapsed_ms, flag,
                   rank() OVER (PARTITION BY lap ORDER BY elapsed_ms) = 1 AS leads,
                   sum(CASE WHEN flag = 'FCY' THEN 0 ELSE 1 END) OVER (ORDER BY elapsed_ms, number ROWS UNBOUNDED PRECEDING) AS grp
            FROM laps WHERE session_id = $s
        ),
        periods AS (
            SELECT grp, min(elapsed_ms) AS start_ms, max(elapsed_ms) AS end_ms,
                   count(*) FILTER (WHERE leads) AS leader_laps,
                   min(lap) FILTER (WHERE leads) AS first_lap, max(lap) FILTER (WHERE leads) AS last_lap
            FROM seq WHERE flag = 'FCY' GROUP BY grp
        )
        SELECT row_number() OVER (ORDER BY start_ms) AS caution, start_ms, end_ms, end_ms - start_ms AS duration_ms,
               leader_laps, first_lap, last_lap
        FROM periods ORDER BY start_ms
        """,
        {"s": session_id},
    )


def pit_stops(db: Database, session_id: str) -> pd.DataFrame:
    """Every pit stop: the in-lap, the out-lap, pit-lane time (PIT_TIME, on the out-lap), whether
    it was under caution (the in-lap or out-lap ended under FCY), and the driver change."""
    return db.frame(
        """
        SELECT o.number, o.class, row_number() OVER (PARTITION BY o.number ORDER BY o.lap) AS stop,
               o.lap - 1 AS in_lap, o.lap AS out_lap, i.in_pit AS in_lap_ended_in_pit,
               o.pit_time_ms AS pit_lane_ms, o.elapsed_ms - o.lap_time_ms AS at_ms,
               coalesce(i.flag = 'FCY' OR o.flag = 'FCY', false) AS under_caution,
               i.driver_id AS driver_in, o.driver_id AS driver_out,
               coalesce(i.driver_id <> o.driver_id, false) AS driver_change
        FROM laps o LEFT JOIN laps i ON i.session_id = o.session_id AND i.number = o.number AND i.lap = o.lap - 1
        WHERE o.session_id = $s AND o.pit_out AND o.lap > 1
        ORDER BY o.number, o.lap
        """,
        {"s": session_id},
    )


def stints(db: Database, session_id: str) -> pd.DataFrame:
    """Stints: from lap 1 or an out-lap to the lap before the next out-lap. Columns: number,
    class, stint, driver_id, first_lap, last_lap, laps, start_ms, end_ms, time_ms (sum of its lap
    times), green_laps, median_clean_ms, stopped_ms (time in red-flag stoppages, the garage or
    parked, beyond a normal lap: not driving) and stopped_laps (the laps that held such a stop)."""
    return db.frame(
        f"""
        {_LAPS_WITH_STOPS}
        SELECT number, any_value(class) AS class, stint, mode(driver_id) AS driver_id, min(lap) AS first_lap, max(lap) AS last_lap,
               count(*) AS laps, min(elapsed_ms - lap_time_ms) AS start_ms, max(elapsed_ms) AS end_ms, CAST(sum(lap_time_ms) AS BIGINT) AS time_ms,
               count(*) FILTER (WHERE flag = 'GF') AS green_laps,
               CAST(median(lap_time_ms) FILTER (WHERE clean) AS BIGINT) AS median_clean_ms,
               CAST(sum(stopped_ms) AS BIGINT) AS stopped_ms, count(*) FILTER (WHERE stopped_ms > 0) AS stopped_laps
        FROM st GROUP BY number, stint ORDER BY number, stint
        """,
        {"s": session_id},
    )


def drive_time(db: Database, session_id: str) -> pd.DataFrame:
    """Per driver per car: laps, time at the wheel (sum of lap times), the same without pit-lane
    time (never negative: a stop's time is split between its in-lap and out-lap) and without
    stops (``stopped_ms``: red-flag stoppages, garage time, a car parked: the part of a lap beyond
    one normal lap when the lap took more than STOPPED_FACTOR normal laps outside the pit lane),
    shares of the car's time with and without them, stints."""
    return db.frame(
        f"""
        {_LAPS_WITH_STOPS}
        SELECT l.number, any_value(l.class) AS class, l.driver_id, any_value(d.name) AS driver, any_value(l.driver_slot) AS slot,
               count(*) AS laps, CAST(sum(l.lap_time_ms) AS BIGINT) AS drive_ms,
               CAST(sum(l.lap_time_ms - l.pit_share_ms - l.stopped_ms) AS BIGINT) AS drive_ms_excl_pit_lane,
               round(sum(l.lap_time_ms) / sum(sum(l.lap_time_ms)) OVER (PARTITION BY l.number), 4) AS share,
               round(sum(l.lap_time_ms - l.pit_share_ms - l.stopped_ms)
                     / sum(sum(l.lap_time_ms - l.pit_share_ms - l.stopped_ms)) OVER (PARTITION BY l.number), 4) AS share_excl_pit_lane,
               count(DISTINCT l.stint) AS stints,
               CAST(sum(l.stopped_ms) AS BIGINT) AS stopped_ms
        FROM st l LEFT JOIN drivers d USING (driver_id)
        GROUP BY l.number, l.driver_id ORDER BY l.number, slot
        """,
        {"s": session_id},
    )


def pace(db: Database, session_id: str, by_driver: bool, best_n: int) -> pd.DataFrame:
    """Pace per car (or per car and driver): official best lap (results), best sectors over
    clean laps, ideal lap, mean of the best N clean laps, median clean lap, consistency (standard
    deviation of clean laps within 107 % of the median), clean and total laps."""
    key = "l.number, l.driver_id" if by_driver else "l.number"
    return db.frame(
        f"""
        WITH l AS (
            SELECT l.*, r.best_lap_ms AS official_best_ms, {_CLEAN} AS clean
            FROM laps l LEFT JOIN results r ON r.session_id = l.session_id AND r.number = l.number
            WHERE l.session_id = $s
        ),
        ranked AS (
            SELECT l.*, CASE WHEN clean THEN row_number() OVER (PARTITION BY {key}, clean ORDER BY l.lap_time_ms) END AS rk,
                   median(l.lap_time_ms) FILTER (WHERE clean) OVER (PARTITION BY {key}) AS med
            FROM l
        )
        SELECT {key.replace("l.", "")}, any_value(class) AS class,
               {"any_value(official_best_ms)" if not by_driver else "min(lap_time_ms) FILTER (WHERE clean)"} AS best_lap_ms,
               min(s1_ms) FILTER (WHERE clean) AS best_s1_ms, min(s2_ms) FILTER (WHERE clean) AS best_s2_ms,
               min(s3_ms) FILTER (WHERE clean) AS best_s3_ms,
               min(s1_ms) FILTER (WHERE clean) + min(s2_ms) FILTER (WHERE clean) + min(s3_ms) FILTER (WHERE clean) AS ideal_lap_ms,
               CAST(avg(lap_time_ms) FILTER (WHERE clean AND rk <= $n) AS BIGINT) AS best_n_avg_ms,
               CAST(median(lap_time_ms) FILTER (WHERE clean) AS BIGINT) AS median_clean_ms,
               CAST(stddev_samp(lap_time_ms) FILTER (WHERE clean AND lap_time_ms <= med * 1.07) AS BIGINT) AS consistency_ms,
               count(*) FILTER (WHERE clean) AS clean_laps, count(*) AS laps
        FROM ranked GROUP BY {key.replace("l.", "")} ORDER BY any_value(class), median_clean_ms NULLS LAST
        """,
        {"s": session_id, "n": best_n},
    )


def lap_weather(db: Database, session_id: str) -> pd.DataFrame:
    """Every lap with the nearest earlier weather sample (within 5 minutes) attached."""
    return db.frame(
        """
        WITH j AS (
            SELECT l.number, l.lap, l.crossing_utc, w.time_utc, w.air_temp_c, w.air_temp_f, w.track_temp_c, w.track_temp_f,
                   w.humidity, w.wind_speed, l.crossing_utc - w.time_utc <= INTERVAL 5 MINUTE AS near
            FROM (SELECT * FROM laps WHERE session_id = $s) l
            ASOF LEFT JOIN (SELECT * FROM weather WHERE session_id = $s) w ON l.crossing_utc >= w.time_utc
        )
        SELECT number, lap, crossing_utc,
               CASE WHEN near THEN time_utc END AS sample_utc, CASE WHEN near THEN air_temp_c END AS air_temp_c,
               CASE WHEN near THEN air_temp_f END AS air_temp_f, CASE WHEN near THEN track_temp_c END AS track_temp_c,
               CASE WHEN near THEN track_temp_f END AS track_temp_f, CASE WHEN near THEN humidity END AS humidity,
               CASE WHEN near THEN wind_speed END AS wind_speed
        FROM j ORDER BY number, lap
        """,
        {"s": session_id},
    )


def final_order(db: Database, session_id: str) -> list[dict[str, Any]]:
    """Each car's last crossing (laps, elapsed) beside its official result, for reconciliation."""
    return db.dicts(
        """
        SELECT r.number, r.class, r.class_position, r.class_position_export, r.laps, r.total_time_ms, r.best_lap_ms,
               max(l.lap) AS laps_in_file, max(l.elapsed_ms) AS last_elapsed_ms
        FROM results r LEFT JOIN laps l USING (session_id, number)
        WHERE r.session_id = $s GROUP BY ALL
        """,
        {"s": session_id},
    )


def has_flags(db: Database, session_id: str) -> bool:
    """Whether the laps file had a FLAG_AT_FL column (six 2021 Roar files do not)."""
    rows = db.rows("SELECT count(flag) FROM laps WHERE session_id = ?", [session_id])
    return bool(rows and rows[0][0])


def session_kind(db: Database, session_id: str) -> str:
    return db.rows("SELECT kind FROM sessions WHERE session_id = ?", [session_id])[0][0]


def has_laps(db: Database, session_id: str) -> bool:
    """Whether the session has a laps file loaded."""
    rows = db.rows("SELECT has_laps FROM sessions WHERE session_id = ?", [session_id])
    return bool(rows and rows[0][0])


def car_numbers(db: Database, session_id: str, cls: str) -> list[str]:
    """The cars of a class that appear in the laps file."""
    return [
        r[0] for r in db.rows("SELECT DISTINCT number FROM laps WHERE session_id = ? AND class = ?", [session_id, cls])
    ]


def clean_laps(db: Database, session_id: str, cls: str) -> pd.DataFrame:
    """The class's clean laps (the pace rule above): number, lap_time_ms."""
    return db.frame(
        f"""
        SELECT l.number, l.lap_time_ms
        FROM laps l LEFT JOIN results r ON r.session_id = l.session_id AND r.number = l.number
        WHERE l.session_id = $s AND l.class = $c AND {_CLEAN}
        """,
        {"s": session_id, "c": cls},
    )


def official_class_positions(db: Database, session_id: str) -> list[tuple[str, int]]:
    """(number, official class position) of every classified car."""
    return db.rows(
        "SELECT number, class_position FROM results WHERE session_id = ? AND class_position IS NOT NULL", [session_id]
    )
