"""Every read query pitboard runs: the one place SQL lives outside the ingest.

Each function takes a ``Database`` and plain parameters (always bound, never formatted into the
SQL) and returns a DataFrame with documented columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


from pitboard.db import Database
from pitboard.domain.classes import CLASS_ORDER

#: SQL expression ranking a class column in IMSA's print order.
_CLASS_RANK = "coalesce(array_position($class_order, {col}), 99)"


def seasons(db: Database) -> pd.DataFrame:
    """One row per season with its coverage (see the ``seasons`` table)."""
    return db.frame("SELECT * FROM seasons ORDER BY season", table="seasons")


def season_numbers(db: Database) -> list[int]:
    """The seasons of the calendar and the data (memoised per handle: the database is read-only)."""
    return list(
        db.memo(
            ("season_numbers",),
            lambda: [
                r[0]
                for r in db.rows(
                    "SELECT DISTINCT season FROM calendar UNION SELECT DISTINCT season FROM events ORDER BY 1"
                )
            ],
        )
    )


def events(db: Database, season: int) -> pd.DataFrame:
    """Every event of a season: championship rounds (present or missing) and the other event
    folders in the data, in date order.

    Columns: season, round, championship, status, event_id, event_name, venue, race_date,
    first_day, last_day, sessions, race_session_id, race_has_laps, track_length_km, endurance_cup.
    """
    return db.frame(
        """
        SELECT c.season, c.round, c.championship, c.status, c.event_id, c.event_name,
               v.short_name AS venue, c.race_date, e.first_day, e.last_day,
               (SELECT count(*) FROM sessions s WHERE s.event_id = c.event_id) AS sessions,
               (SELECT s.session_id FROM sessions s WHERE s.event_id = c.event_id AND s.championship_race) AS race_session_id,
               (SELECT s.has_laps FROM sessions s WHERE s.event_id = c.event_id AND s.championship_race) AS race_has_laps,
               e.track_length_km, c.endurance_cup
        FROM calendar c
        LEFT JOIN events e ON e.event_id = c.event_id
        LEFT JOIN venues v ON v.venue_id = c.venue_id
        WHERE c.season = $season
        UNION ALL
        SELECT e.season, e.round, e.championship, 'present', e.event_id, e.event_name, e.venue, e.race_date,
               e.first_day, e.last_day,
               (SELECT count(*) FROM sessions s WHERE s.event_id = e.event_id),
               (SELECT s.session_id FROM sessions s WHERE s.event_id = e.event_id AND s.championship_race),
               (SELECT s.has_laps FROM sessions s WHERE s.event_id = e.event_id AND s.championship_race),
               e.track_length_km, e.endurance_cup
        FROM events e
        WHERE e.season = $season AND e.event_id NOT IN (SELECT event_id FROM calendar WHERE event_id IS NOT NULL)
        ORDER BY coalesce(race_date, first_day), event_name
        """,
        {"season": season},
    )


def event_candidates(db: Database, season: int) -> list[dict]:
    """Events of a season with every name they can be called by (for ``resolve``); read once per
    handle and season (callers must not change them)."""
    return db.memo(("event_candidates", season), lambda: _event_candidates(db, season))


def _event_candidates(db: Database, season: int) -> list[dict]:
    rows = db.rows(
        """
        SELECT c.event_id, c.event_name, c.championship, c.status, c.race_date,
               concat_ws(';', c.aliases, v.name, v.short_name, v.city, v.aliases, e.folder)
        FROM calendar c
        LEFT JOIN events e ON e.event_id = c.event_id
        LEFT JOIN venues v ON v.venue_id = c.venue_id
        WHERE c.season = $season
        UNION ALL
        SELECT e.event_id, e.event_name, e.championship, 'present', e.race_date, concat_ws(';', e.aliases, e.venue, e.folder)
        FROM events e
        WHERE e.season = $season AND e.event_id NOT IN (SELECT event_id FROM calendar WHERE event_id IS NOT NULL)
        """,
        {"season": season},
    )
    return [
        {
            "event_id": r[0],
            "event_name": r[1],
            "championship": r[2],
            "status": r[3],
            "race_date": r[4],
            "names": r[5] or "",
        }
        for r in rows
    ]


def sessions(db: Database, event_id: str) -> pd.DataFrame:
    """The sessions of an event in time order (see the ``sessions`` table)."""
    return db.frame(
        "SELECT * FROM sessions WHERE event_id = $event ORDER BY coalesce(start_local, file_stamp)",
        {"event": event_id},
        table="sessions",
    )


def event(db: Database, event_id: str) -> pd.DataFrame:
    return db.frame("SELECT * FROM events WHERE event_id = $event", {"event": event_id}, table="events")


def results(db: Database, session_id: str, cls: str | None = None) -> pd.DataFrame:
    """A session's classification in IMSA's print order: class by class, then class position.

    Columns: session_id, class, class_position, position, number, team, drivers (' / '-joined
    display names), driver_ids, vehicle, model, manufacturer, laps, total_time_ms, gap_first,
    gap_first_ms, gap_first_laps, gap_previous, gap_previous_ms, gap_previous_laps (overall, as
    exported or recomputed after a correction), class_gap_first, class_gap_first_ms,
    class_gap_first_laps, class_gap_previous, class_gap_previous_ms, class_gap_previous_laps (within
    the class, official order), best_lap_number, best_lap_ms, best_lap_kph, status, finish_status, corrected,
    correction_ids, position_export, class_position_export, source_path, source_line.
    """
    return db.frame(
        f"""
        SELECT r.session_id, r.class, r.class_position, r.position, r.number, e.team,
               (SELECT string_agg(d.name, ' / ' ORDER BY ed.slot) FROM entry_drivers ed JOIN drivers d USING (driver_id)
                 WHERE ed.session_id = r.session_id AND ed.number = r.number) AS drivers,
               (SELECT list(ed.driver_id ORDER BY ed.slot) FROM entry_drivers ed
                 WHERE ed.session_id = r.session_id AND ed.number = r.number) AS driver_ids,
               e.vehicle, e.model, e.manufacturer, r.laps, r.total_time_ms,
               r.gap_first, r.gap_first_ms, r.gap_first_laps, r.gap_previous, r.gap_previous_ms, r.gap_previous_laps,
               r.class_gap_first, r.class_gap_first_ms, r.class_gap_first_laps,
               r.class_gap_previous, r.class_gap_previous_ms, r.class_gap_previous_laps,
               r.best_lap_number, r.best_lap_ms, r.best_lap_kph, r.status, r.finish_status, r.corrected,
               r.correction_ids, r.position_export, r.class_position_export, src.path AS source_path, r.source_line
        FROM results r
        JOIN entries e USING (session_id, number)
        JOIN _sources src ON src.source_id = r.source_id
        WHERE r.session_id = $session AND ($cls IS NULL OR r.class = $cls)
        ORDER BY {_CLASS_RANK.format(col="r.class")}, r.class, r.class_position NULLS LAST, r.position NULLS LAST, r.number
        """,
        {"session": session_id, "cls": cls, "class_order": list(CLASS_ORDER)},
        table="results",
    )


def table(db: Database, name: str, where: dict[str, object] | None = None, order: str | None = None) -> pd.DataFrame:
    """All rows of a schema table, optionally filtered by equality on declared columns."""
    from pitboard.schema import TABLES_BY_NAME

    spec = TABLES_BY_NAME[name]  # KeyError for anything not declared: no free-form identifiers
    clauses, params = [], {}
    for i, (column, value) in enumerate((where or {}).items()):
        if column not in spec.column_names:
            raise KeyError(f"{name} has no column {column!r}")
        clauses.append(f'"{column}" = $p{i}')
        params[f"p{i}"] = value
    order_by = ", ".join(f'"{c}"' for c in (order.split(",") if order else spec.key) if c in spec.column_names)
    sql = f'SELECT * FROM "{name}"' + (" WHERE " + " AND ".join(clauses) if clauses else "")
    sql += f" ORDER BY {order_by}" if order_by else ""
    return db.frame(sql, params, table=name)


def result_lines(db: Database, session_ids: list[str]) -> pd.DataFrame:
    """Where each car's result of the given sessions was read: the file and line (the claim
    checker's evidence). Columns: session_id, number, class, class_position, position, source_path,
    source_line."""
    return db.frame(
        """
        SELECT r.session_id, r.number, r.class, r.class_position, r.position, src.path AS source_path, r.source_line
        FROM results r JOIN _sources src ON src.source_id = r.source_id
        WHERE r.session_id IN (SELECT unnest($sessions))
        ORDER BY r.session_id, r.class, r.class_position NULLS LAST, r.number
        """,
        {"sessions": list(session_ids) or [""]},
    )
