"""SQL of the standings: a season's race facts, qualifying classifications and Endurance Cup
checkpoint orders. Parameters are always bound."""

from __future__ import annotations

from typing import Any

from pitboard.db import Database


def _memo(db: Database, key: tuple, fetch: Any) -> Any:
    """Per-handle memo: the database is read-only, so a season's rows never change under it."""
    return db.memo(key, fetch)


def race_rows(db: Database, season: int) -> list[dict[str, Any]]:
    """Every car of every championship race of the season, with its drivers."""
    return _memo(db, ("race_rows", season), lambda: _race_rows(db, season))


def _race_rows(db: Database, season: int) -> list[dict[str, Any]]:
    return db.dicts(
        """
        SELECT r.session_id, r.event_id, r.round, r.race_date, r.event_name, r.venue_id, r.class, r.number, r.car_id,
               r.team, r.manufacturer, r.started, r.class_position, r.finish_status, r.has_laps, e.endurance_cup,
               -- points follow the classification: a classified car that crashed on lap 1 scores its place
               (SELECT coalesce(x.status, '') <> 'Not started' FROM results x WHERE x.session_id = r.session_id AND x.number = r.number) AS classified,
               (SELECT list(d.driver_id ORDER BY d.slot) FROM race_drivers d WHERE d.session_id = r.session_id AND d.number = r.number) AS drivers
        FROM race_results r JOIN events e USING (event_id)
        WHERE r.season = $season ORDER BY r.race_date, r.class, r.class_position NULLS LAST
        """,
        {"season": season},
    )


def qualifying_rows(db: Database, season: int) -> list[dict[str, Any]]:
    """See ``_qualifying_rows`` (memoised per handle)."""
    return _memo(db, ("qualifying_rows", season), lambda: _qualifying_rows(db, season))


def _qualifying_rows(db: Database, season: int) -> list[dict[str, Any]]:
    """The qualifying classification that gives each championship race's qualifying points, per
    class: the grid-setting session, except a 2021 split-qualifying class whose points came from
    a separate 'points' session (GTD). Columns: event_id, class, session_id, number, car_id,
    manufacturer, class_position, has_time, drivers (of the qualifying entry)."""
    return db.dicts(
        """
        WITH points_session AS (
            SELECT g.event_id, g.class, coalesce(
                (SELECT s.session_id FROM sessions s
                  WHERE s.event_id = g.event_id AND s.kind = 'qualifying' AND s.slug LIKE '%points%' AND s.slug NOT LIKE '%position%'
                    AND list_contains(s.classes, g.class) AND g.session_id <> s.session_id AND s.slug LIKE '%' || lower(g.class) || '%'),
                g.session_id) AS session_id
            FROM grids g WHERE g.season = $season
        )
        SELECT p.event_id, r.class, p.session_id, r.number, e.car_id, e.manufacturer, r.class_position,
               r.best_lap_ms IS NOT NULL AS has_time,
               (SELECT list(d.driver_id ORDER BY d.slot) FROM entry_drivers d WHERE d.session_id = r.session_id AND d.number = r.number) AS drivers
        FROM points_session p
        JOIN results r ON r.session_id = p.session_id AND r.class = p.class
        JOIN entries e ON e.session_id = r.session_id AND e.number = r.number
        WHERE r.class_position IS NOT NULL
        ORDER BY p.event_id, r.class, r.class_position
        """,
        {"season": season},
    )


def checkpoint_rows(db: Database, session_id: str, at_ms: int) -> list[dict[str, Any]]:
    """Class order of a race at a moment (ms after the start), from the laps: laps completed by
    then, earlier crossing first; ``running`` if the car crossed the line again afterwards."""
    return _memo(db, ("checkpoint", session_id, at_ms), lambda: _checkpoint_rows(db, session_id, at_ms))


def _checkpoint_rows(db: Database, session_id: str, at_ms: int) -> list[dict[str, Any]]:
    return db.dicts(
        """
        SELECT l.number, l.class, max(l.lap) FILTER (WHERE l.elapsed_ms <= $t) AS laps,
               max(l.elapsed_ms) FILTER (WHERE l.elapsed_ms <= $t) AS at_ms,
               bool_or(l.elapsed_ms > $t) AS running
        FROM laps l WHERE l.session_id = $s GROUP BY l.number, l.class
        """,
        {"s": session_id, "t": at_ms},
    )


def driver_names(db: Database) -> dict[str, str]:
    return db.memo("driver_names", lambda: dict(db.rows("SELECT driver_id, name FROM drivers")))


def points_penalties(db: Database, season: int) -> list[dict[str, Any]]:
    """Points decisions (corrections of kind points_penalty, endurance_points_forfeit,
    driver_points_forfeit and manufacturer_points_forfeit; ``driver_id`` is the driver a driver
    forfeit names, ``value`` the make of a manufacturer forfeit)."""
    return [dict(p) for p in _memo(db, ("penalties", season), lambda: _points_penalties(db, season))]


def _points_penalties(db: Database, season: int) -> list[dict[str, Any]]:
    return db.dicts(
        """
        SELECT c.correction_id, c.kind, c.value, c.class, c.number, c.session_id, c.decided_on, c.description,
               (SELECT list(d.driver_id) FROM race_drivers d WHERE d.session_id = c.session_id AND d.number = c.number) AS drivers,
               (SELECT r.car_id FROM race_results r WHERE r.session_id = c.session_id AND r.number = c.number) AS car_id,
               (SELECT any_value(ed.driver_id) FROM entry_drivers ed
                 WHERE ed.session_id = c.session_id AND ed.number = c.number AND lower(ed.name_raw) = lower(c.value)) AS driver_id
        FROM corrections c
        WHERE c.season = $season
          AND c.kind IN ('points_penalty', 'endurance_points_forfeit', 'driver_points_forfeit', 'manufacturer_points_forfeit')
        """,
        {"season": season},
    )


def calendar_rows(db: Database, season: int) -> list[dict[str, Any]]:
    """The season's calendar rows: event_name, venue_id, championship, endurance_cup."""
    return _memo(
        db,
        ("calendar_rows", season),
        lambda: db.dicts(
            "SELECT event_name, venue_id, championship, endurance_cup FROM calendar WHERE season = ?", [season]
        ),
    )


def published_figures(db: Database, season: int, cls: str, championship: str) -> list[dict[str, Any]]:
    """The published standings figures on file for one championship table (every round)."""
    return _memo(
        db,
        ("published", season, cls, championship),
        lambda: db.dicts(
            """SELECT p.figure_id, p.after, p.event_id, e.race_date, p.subject, p.number, p.metric, p.value, p.reference,
                      p.source, p.known_difference
               FROM published_standings p LEFT JOIN events e USING (event_id)
               WHERE p.season = $season AND p.class = $cls AND p.championship = $championship
               ORDER BY p.figure_id""",
            {"season": season, "cls": cls, "championship": championship},
        ),
    )


def published_tables(db: Database) -> list[tuple[int, str, str, str | None]]:
    """(season, class, championship, event name or None for final) of every published figure."""
    return [
        (season, cls, championship, event_name)
        for season, cls, championship, event_name in db.rows(
            """SELECT DISTINCT p.season, p.class, p.championship, e.event_name
               FROM published_standings p LEFT JOIN events e USING (event_id)
               WHERE p.event_id IS NULL OR e.event_id IS NOT NULL
               ORDER BY 1, 2, 3, 4 NULLS LAST"""
        )
    ]
