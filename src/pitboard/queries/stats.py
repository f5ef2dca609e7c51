"""SQL of the statistics: race facts for a subject within a scope, poles, leaderboards,
winners, and the calendar rounds a scope covers. Parameters are always bound."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

import contextvars
import datetime as dt
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pitboard.db import Database
from pitboard.domain.classes import class_rank


@dataclass(frozen=True)
class ScopeFilter:
    """A resolved scope: every field optional; ``event_ids`` are present events."""

    seasons: tuple[int, ...] = ()
    cls: str | None = None
    event_ids: tuple[str, ...] | None = None
    team_id: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def where(self, alias: str = "r", columns: dict[str, str] | None = None) -> tuple[str, dict[str, Any]]:
        """SQL conditions on race_results (``alias``) or on the given column expressions
        (keys: season, class, event_id, team_id, race_date), and their parameters."""
        col = {name: f"{alias}.{name}" for name in ("season", "class", "event_id", "team_id", "race_date")}
        col.update(columns or {})
        clauses, params = ["true"], {}
        if self.seasons:
            clauses.append(f"{col['season']} IN (SELECT unnest($seasons))")
            params["seasons"] = list(self.seasons)
        if self.cls:
            clauses.append(f"{col['class']} = $cls")
            params["cls"] = self.cls
        if self.event_ids is not None:
            clauses.append(f"{col['event_id']} IN (SELECT unnest($events))")
            params["events"] = list(self.event_ids) or [""]
        if self.team_id:
            clauses.append(f"{col['team_id']} = $team")
            params["team"] = self.team_id
        if self.since:
            clauses.append(f"{col['race_date']} >= $since")
            params["since"] = self.since
        if self.until:
            clauses.append(f"{col['race_date']} <= $until")
            params["until"] = self.until
        return " AND ".join(clauses), params

    def matches(self, row: dict[str, Any]) -> bool:
        """Whether a row (with season, class, event_id, team_id, race_date) is in the scope:
        ``where`` in Python, for rows fetched once for a whole check (``subject_row_cache``)."""
        day = row.get("race_date")
        return (
            (not self.seasons or row["season"] in self.seasons)
            and (not self.cls or row["class"] == self.cls)
            and (self.event_ids is None or row["event_id"] in self.event_ids)
            and (not self.team_id or row["team_id"] == self.team_id)
            and (not self.since or (day is not None and day >= self.since))
            and (not self.until or (day is not None and day <= self.until))
        )


#: A subject's unscoped race and pole rows, fetched once and filtered per scope in Python, while
#: ``subject_row_cache`` is open (one article's check asks about the same subjects in many scopes).
_ROW_CACHE: contextvars.ContextVar[dict[Any, Any] | None] = contextvars.ContextVar("subject_rows", default=None)


@contextmanager
def subject_row_cache() -> Iterator[None]:
    """Within the block (and the contexts copied from it), ``races`` and ``poles`` read each
    subject's rows once, unscoped, and apply each scope in Python: same rows, fewer queries."""
    token = _ROW_CACHE.set({})
    try:
        yield
    finally:
        _ROW_CACHE.reset(token)


def _cached(db: Database, kind: str, key: str, what: str, fetch: Any) -> Any:
    cache = _ROW_CACHE.get()
    if cache is None:
        return None
    k = (what, kind, key)
    if k not in cache:
        # kept per handle too (``Database.memo``): the file never changes under it, so the next
        # block (the next article checked) reads a subject it has seen from memory; every reader
        # copies the rows it returns
        cache[k] = db.memo(("subject rows", *k), fetch)
    return cache[k]


#: The columns a scope filters on, for a pole (grids g, the pole car's entry e, its event ev).
_POLE_COLUMNS = {
    "season": "g.season",
    "class": "g.class",
    "event_id": "g.event_id",
    "team_id": "e.team_id",
    "race_date": "ev.race_date",
}
_POLE_FROM = """grids g JOIN entries e ON e.session_id = g.session_id AND e.number = g.pole_number
            JOIN events ev ON ev.event_id = g.event_id"""
_POLE_SELECT = """g.event_id, g.season, ev.race_date, ev.event_name, g.class, g.pole_number AS number,
               g.pole_car_id AS car_id, e.team_id, e.team, e.manufacturer, g.pole_lap_ms, g.pole_driver_id,
               (SELECT name FROM drivers WHERE driver_id = g.pole_driver_id) AS pole_set_by, g.session_id"""


#: A driver's one row per race: the car that started, then the better class position, then the
#: lower number (r: race_results, d: race_drivers).
ONE_CAR_PER_RACE = "row_number() OVER (PARTITION BY r.session_id, d.driver_id ORDER BY r.started DESC, r.class_position NULLS LAST, r.number) = 1"

#: Subjects: which race_results rows belong to them. Drivers join race_drivers.
_SUBJECT = {
    "driver": "r.session_id = d.session_id AND r.number = d.number AND d.driver_id = $key",
    # a car is (season, number, team); one number of one team across seasons is several: '|'-joined
    "car": "r.car_id IN (SELECT unnest(string_split($key, '|')))",
    "team": "r.team_id = $key",
    "manufacturer": "r.manufacturer = $key",
}


def races(db: Database, kind: str, key: str, scope: ScopeFilter) -> list[dict[str, Any]]:
    """Every championship-race row of a subject within the scope, in date order.

    Columns: the ``race_results`` columns, plus for drivers ``slot``, ``laps_driven``, ``drove``,
    ``co_drivers`` (other drivers on the car) and ``other_cars`` (the driver's other cars in the
    same race). A driver listed on two cars of one race (a third driver at Daytona) has one start:
    the row of the better-placed car within the scope (``ONE_CAR_PER_RACE``).
    """
    if kind == "car":  # a check's cars come from one read of every car's rows
        cached = _cached(db, kind, key, "races", lambda: _car_rows(db, key))
    else:
        cached = _cached(db, kind, key, "races", lambda: _race_rows(db, kind, key, ScopeFilter(), crews_of_all=True))
    if cached is not None:
        raw, crews = cached
        rows = [dict(r) for r in raw if scope.matches(r)]
    else:
        rows, crews = _race_rows(db, kind, key, scope, crews_of_all=False)
    if kind == "driver":
        chosen: dict[str, dict[str, Any]] = {}
        for r in rows:
            car = chosen.setdefault(r["session_id"], r)
            car.setdefault("all_cars", []).append(r["number"])
        if crews is None:
            crews = _crews(db, [(r["session_id"], r["number"]) for r in chosen.values()], without=key)
        for r in chosen.values():
            crew = crews.get((r["session_id"], r["number"]))
            r["co_drivers"] = " / ".join(crew) if crew else None
        return list(chosen.values())
    if crews is None:
        crews = _crews(db, sorted({(r["session_id"], r["number"]) for r in rows}))
    for r in rows:
        crew = crews.get((r["session_id"], r["number"]))
        r["drivers"] = " / ".join(crew) if crew else None
    return rows


def _race_rows(
    db: Database, kind: str, key: str, scope: ScopeFilter, *, crews_of_all: bool
) -> tuple[list[dict[str, Any]], dict[tuple[str, str], list[str]] | None]:
    """A subject's race rows in the scope, before a driver's one-car-per-race choice, and (when
    ``crews_of_all``) the crews of every car in them (a driver's without the driver)."""
    where, params = scope.where()
    if kind == "driver":
        # ONE_CAR_PER_RACE, the car list and the crew are done here rather than as a window,
        # QUALIFY and correlated subquery: two plain queries are several times faster
        rows = db.dicts(
            f"""
            SELECT r.*, d.slot, d.laps_driven, d.drove
            FROM race_results r JOIN race_drivers d ON {_SUBJECT["driver"]}
            WHERE {where}
            ORDER BY r.race_date, r.session_id, r.started DESC, r.class_position NULLS LAST, r.number""",
            {**params, "key": key},
        )
    else:
        rows = db.dicts(
            f"SELECT r.* FROM race_results r WHERE {_SUBJECT[kind]} AND {where} ORDER BY r.race_date, r.session_id, r.class, r.number",
            {**params, "key": key},
        )
    if not crews_of_all:
        return rows, None
    cars = sorted({(r["session_id"], r["number"]) for r in rows})
    return rows, _crews(db, cars, without=key if kind == "driver" else None)


def _every_car(db: Database) -> tuple[dict[str, list[dict[str, Any]]], dict[Any, Any], dict[str, list[dict[str, Any]]]]:
    """Every car's race rows and poles (by car_id) and every race crew, read once for the open
    ``subject_row_cache``: the whole table is a few thousand rows, cheaper to read once than a
    car at a time."""

    def fetch() -> tuple[dict[str, list[dict[str, Any]]], dict[Any, Any], dict[str, list[dict[str, Any]]]]:
        rows: dict[str, list[dict[str, Any]]] = {}
        for r in db.dicts("SELECT r.* FROM race_results r ORDER BY r.race_date, r.session_id, r.class, r.number"):
            rows.setdefault(r["car_id"], []).append(r)
        crews = _crew_ids(db, None)
        poles: dict[str, list[dict[str, Any]]] = {}
        for r in db.dicts(
            f"SELECT {_POLE_SELECT} FROM {_POLE_FROM} WHERE g.pole_number IS NOT NULL ORDER BY ev.race_date, g.class"
        ):
            poles.setdefault(r["car_id"], []).append(r)
        return rows, crews, poles

    return _cached(db, "car", "", "every car", fetch)


def _car_rows(db: Database, key: str) -> tuple[list[dict[str, Any]], dict[tuple[str, str], list[str]]]:
    """A car's unscoped race rows (several car_ids '|'-joined: one number of one team across
    seasons) and crews, from ``_every_car``, in the order of ``_race_rows``."""
    every, crews, _ = _every_car(db)
    rows = [r for car in key.split("|") for r in every.get(car, [])]
    rows.sort(key=lambda r: (r["race_date"], r["session_id"], r["class"], r["number"]))
    return rows, _without(crews, None, sorted({(r["session_id"], r["number"]) for r in rows}))


def _car_poles(db: Database, key: str) -> list[dict[str, Any]]:
    """A car's unscoped poles from ``_every_car``, in the order of ``_pole_rows``."""
    rows = [p for car in key.split("|") for p in _every_car(db)[2].get(car, [])]
    return sorted(rows, key=lambda r: (r["race_date"], r["class"]))


def _crews(db: Database, cars: list[tuple[str, str]], without: str | None = None) -> dict[tuple[str, str], list[str]]:
    """The drivers listed on these cars (session, number) of race sessions, in slot order
    (``without`` one driver)."""
    return _without(_crew_ids(db, cars), without)


def _crew_ids(db: Database, cars: list[tuple[str, str]] | None) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """The (driver_id, name) of the drivers listed on these cars of race sessions (None: every
    car of every race), in slot order."""
    crews: dict[tuple[str, str], list[tuple[str, str]]] = {}
    if cars is not None and not cars:
        return crews
    where = (
        "WHERE o.session_id IN (SELECT unnest($sessions)) AND o.session_id || chr(31) || o.number IN (SELECT unnest($cars))"
        if cars is not None
        else ""
    )
    params = {"sessions": sorted({s for s, _ in cars}), "cars": [f"{s}\x1f{n}" for s, n in cars]} if cars else {}
    for session_id, number, driver_id, name in db.rows(
        f"""SELECT o.session_id, o.number, o.driver_id, dr.name FROM race_drivers o JOIN drivers dr USING (driver_id)
           {where}
           ORDER BY o.session_id, o.number, o.slot""",
        params,
    ):
        crews.setdefault((session_id, number), []).append((driver_id, name))
    return crews


def _without(
    crews: dict[tuple[str, str], list[tuple[str, str]]], driver_id: str | None, cars: Any = None
) -> dict[tuple[str, str], list[str]]:
    """The crews' names (of ``cars`` only, when given) without one driver; a car left with
    nobody is left out."""
    out: dict[tuple[str, str], list[str]] = {}
    for car in crews if cars is None else cars:
        names = [name for did, name in crews.get(car, ()) if did != driver_id]
        if names:
            out[car] = names
    return out


def prefetch(db: Database, kind: str, keys: Collection[str]) -> None:
    """Fill the open ``subject_row_cache`` with the unscoped race and pole rows of many drivers,
    teams or manufacturers at once (three queries in all, not three a subject): the same rows
    ``races`` and ``poles`` would read one subject at a time. Does nothing when no cache is open."""
    cache = _ROW_CACHE.get()
    if cache is None:
        return
    for k in keys:
        held = [db.recall(("subject rows", what, kind, k)) for what in ("races", "poles")]
        if k and ("races", kind, k) not in cache and None not in held:
            cache[("races", kind, k)], cache[("poles", kind, k)] = held
    wanted = sorted({k for k in keys if k and ("races", kind, k) not in cache})
    if not wanted:
        return
    column, pole_column = _BATCH_COLUMNS[kind]
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in wanted}
    if kind == "driver":
        race_sql = f"""
            SELECT d.driver_id AS {_BATCH_KEY}, r.*, d.slot, d.laps_driven, d.drove
            FROM race_results r JOIN race_drivers d ON r.session_id = d.session_id AND r.number = d.number
            WHERE d.driver_id IN (SELECT unnest($keys))
            ORDER BY d.driver_id, r.race_date, r.session_id, r.started DESC, r.class_position NULLS LAST, r.number"""
        pole_join = """JOIN (SELECT DISTINCT session_id, number, driver_id FROM entry_drivers
                             WHERE driver_id IN (SELECT unnest($keys))) d
                       ON d.session_id = g.session_id AND d.number = g.pole_number"""
    else:
        race_sql = f"""
            SELECT {column} AS {_BATCH_KEY}, r.* FROM race_results r WHERE {column} IN (SELECT unnest($keys))
            ORDER BY {column}, r.race_date, r.session_id, r.class, r.number"""
        pole_join = ""
    for r in db.dicts(race_sql, {"keys": wanted}):
        rows[r.pop(_BATCH_KEY)].append(r)
    crews = _crew_ids(db, sorted({(r["session_id"], r["number"]) for rs in rows.values() for r in rs}))
    poles: dict[str, list[dict[str, Any]]] = {k: [] for k in wanted}
    for r in db.dicts(
        f"""
        SELECT {pole_column} AS {_BATCH_KEY}, {_POLE_SELECT}
        FROM {_POLE_FROM} {pole_join}
        WHERE g.pole_number IS NOT NULL AND {pole_column} IN (SELECT unnest($keys))
        ORDER BY {pole_column}, ev.race_date, g.class""",
        {"keys": wanted},
    ):
        poles[r.pop(_BATCH_KEY)].append(r)
    for k in wanted:
        cars = sorted({(r["session_id"], r["number"]) for r in rows[k]})
        races_k = (rows[k], _without(crews, k if kind == "driver" else None, cars))
        cache[("races", kind, k)] = db.memo(("subject rows", "races", kind, k), lambda v=races_k: v)
        cache[("poles", kind, k)] = db.memo(("subject rows", "poles", kind, k), lambda v=poles[k]: v)


#: What ``prefetch`` groups the race rows (alias r) and the pole rows by, for each kind of subject.
_BATCH_COLUMNS = {
    "driver": ("d.driver_id", "d.driver_id"),
    "team": ("r.team_id", "e.team_id"),
    "manufacturer": ("r.manufacturer", "e.manufacturer"),
}


#: The column naming the subject of a row read for many subjects at once (dropped from the row).
_BATCH_KEY = "batch_subject_key__"


def poles(db: Database, kind: str, key: str, scope: ScopeFilter) -> list[dict[str, Any]]:
    """Poles of a subject within the scope: one row per (event, class) pole, credited to the
    car and every driver listed on it in the grid-setting session.

    Columns: event_id, season, race_date, event_name, class, number, car_id, team_id, team,
    manufacturer, pole_lap_ms, pole_driver_id and pole_set_by (who set the time; null when the data
    cannot tell), session_id (the grid-setting session).
    """
    if kind == "car":
        cached = _cached(db, kind, key, "poles", lambda: _car_poles(db, key))
    else:
        cached = _cached(db, kind, key, "poles", lambda: _pole_rows(db, kind, key, ScopeFilter()))
    if cached is not None:
        return [dict(r) for r in cached if scope.matches(r)]
    return _pole_rows(db, kind, key, scope)


def _pole_rows(db: Database, kind: str, key: str, scope: ScopeFilter) -> list[dict[str, Any]]:
    where, params = scope.where(columns=_POLE_COLUMNS)
    subject = {
        "driver": "EXISTS (SELECT 1 FROM entry_drivers d WHERE d.session_id = g.session_id AND d.number = g.pole_number AND d.driver_id = $key)",
        "car": "g.pole_car_id IN (SELECT unnest(string_split($key, '|')))",
        "team": "e.team_id = $key",
        "manufacturer": "e.manufacturer = $key",
    }[kind]
    return db.dicts(
        f"""
        SELECT {_POLE_SELECT}
        FROM {_POLE_FROM}
        WHERE g.pole_number IS NOT NULL AND {subject} AND {where}
        ORDER BY ev.race_date, g.class
        """,
        {**params, "key": key},
    )


def championship_calendar(db: Database) -> list[dict[str, Any]]:
    """Every championship round of the calendar (present or missing), in date order."""
    return db.memo(
        "calendar",
        lambda: db.dicts(
            "SELECT season, round, event_name, race_date, status, event_id, classes FROM calendar WHERE championship ORDER BY race_date"
        ),
    )


#: Leaderboard metrics: SQL aggregate over started race rows (alias r).
METRICS: dict[str, str] = {
    "starts": "count(*)",
    "wins": "count(*) FILTER (WHERE r.class_position = 1)",
    "podiums": "count(*) FILTER (WHERE r.class_position <= 3)",
    "top5s": "count(*) FILTER (WHERE r.class_position <= 5)",
    "overall-wins": "count(*) FILTER (WHERE r.position = 1)",
    "fastest-laps": "count(*) FILTER (WHERE r.fastest_lap)",
    "laps-led": "CAST(sum(r.laps_led) AS BIGINT)",
    "laps": "CAST(sum(r.laps) AS BIGINT)",
    "distance": "round(sum(r.distance_km), 1)",
    "dnfs": "count(*) FILTER (WHERE r.finish_status = 'retired')",
}
BY = {
    "driver": (
        "d.driver_id",
        "dr.name",
        "JOIN race_drivers d ON d.session_id = r.session_id AND d.number = r.number JOIN drivers dr ON dr.driver_id = d.driver_id",
    ),
    "car": (
        "r.car_id",
        "'#' || any_value(r.number) || ' ' || any_value(r.team) || ' (' || any_value(r.season) || ')'",
        "",
    ),
    "team": ("r.team_id", "any_value(r.team)", ""),
    "manufacturer": ("r.manufacturer", "r.manufacturer", ""),
}


def leaderboard(db: Database, metric: str, by: str, scope: ScopeFilter, limit: int) -> pd.DataFrame:
    """The top ``limit`` subjects by ``metric`` (ties at the cut included).

    Columns: rank, key, name, value, starts. Poles are counted from ``grids``.
    """
    key, name, join = BY[by]
    where, params = scope.where()
    if metric in ("poles-set", "fastest-laps-set"):
        if by != "driver":
            raise ValueError(f"{metric} ranks drivers only")
        if metric == "poles-set":
            pole_where, params = scope.where(columns=_POLE_COLUMNS)
            inner = f"""
                SELECT g.pole_driver_id AS key, any_value(dr.name) AS name, count(*) AS value, NULL::BIGINT AS starts
                FROM {_POLE_FROM} JOIN drivers dr ON dr.driver_id = g.pole_driver_id
                WHERE g.pole_number IS NOT NULL AND {pole_where}
                GROUP BY g.pole_driver_id"""
        else:
            inner = f"""
                SELECT r.best_lap_driver_id AS key, any_value(dr.name) AS name, count(*) AS value, NULL::BIGINT AS starts
                FROM race_results r JOIN drivers dr ON dr.driver_id = r.best_lap_driver_id
                WHERE r.started AND r.fastest_lap AND {where}
                GROUP BY r.best_lap_driver_id"""
    elif metric == "poles":
        pole_where, params = scope.where(columns=_POLE_COLUMNS)
        pole_key, pole_name, pole_join = {
            "driver": (
                "d.driver_id",
                "any_value(dr.name)",
                "JOIN entry_drivers d ON d.session_id = g.session_id AND d.number = g.pole_number JOIN drivers dr ON dr.driver_id = d.driver_id",
            ),
            "car": (
                "g.pole_car_id",
                "'#' || any_value(g.pole_number) || ' ' || any_value(e.team) || ' (' || any_value(g.season) || ')'",
                "",
            ),
            "team": ("e.team_id", "any_value(e.team)", ""),
            "manufacturer": ("e.manufacturer", "any_value(e.manufacturer)", ""),
        }[by]
        inner = f"""
            SELECT {pole_key} AS key, {pole_name} AS name, count(*) AS value, NULL::BIGINT AS starts
            FROM {_POLE_FROM} {pole_join}
            WHERE g.pole_number IS NOT NULL AND {pole_where}
            GROUP BY {pole_key}"""
    elif by == "driver":
        agg = METRICS[metric]
        inner = f"""
            SELECT d.driver_id AS key, any_value(dr.name) AS name, {agg} AS value, count(*) AS starts
            FROM (SELECT r.*, d.driver_id FROM race_results r JOIN race_drivers d ON d.session_id = r.session_id AND d.number = r.number
                  WHERE r.started AND {where} QUALIFY {ONE_CAR_PER_RACE}) r
            JOIN race_drivers d ON d.session_id = r.session_id AND d.number = r.number AND d.driver_id = r.driver_id
            JOIN drivers dr ON dr.driver_id = d.driver_id
            GROUP BY d.driver_id"""
    else:
        agg = METRICS[metric]
        inner = f"""
            SELECT {key} AS key, {name} AS name, {agg} AS value, count(*) AS starts
            FROM race_results r {join}
            WHERE r.started AND {where}
            GROUP BY {key}{", r.manufacturer" if by == "manufacturer" else ""}"""
    return db.frame(
        f"""
        SELECT rank() OVER (ORDER BY value DESC) AS rank, key, name, value, starts FROM ({inner})
        WHERE value > 0 QUALIFY rank <= $limit ORDER BY rank, name
        """,
        {**params, "limit": limit},
    )


def winners(db: Database, season: int, cls: str | None) -> pd.DataFrame:
    """Class winners of every championship race of a season, in date order."""
    return db.frame(
        """
        SELECT r.round, r.race_date, r.event_name, r.class, r.number, r.team, r.model, r.corrected,
               (SELECT string_agg(dr.name, ' / ' ORDER BY d.slot) FROM race_drivers d JOIN drivers dr USING (driver_id)
                 WHERE d.session_id = r.session_id AND d.number = r.number) AS drivers, r.session_id
        FROM race_results r
        WHERE r.season = $season AND r.class_position = 1 AND ($cls IS NULL OR r.class = $cls)
        ORDER BY r.race_date, array_position(['GTP', 'DPI', 'LMP2', 'LMP3', 'GTLM', 'GTDPRO', 'GTD'], r.class)
        """,
        {"season": season, "cls": cls},
    )


def driver_candidates(db: Database) -> list[dict]:
    """Every driver with spellings, seasons and teams (for name resolution and listings)."""

    def fetch() -> list[dict]:
        rows = db.rows(
            """
            SELECT d.driver_id, d.name, d.spellings, d.first_season, d.last_season, t.teams
            FROM drivers d LEFT JOIN (
                SELECT x.driver_id, list(DISTINCT e.team ORDER BY e.team) AS teams
                FROM entry_drivers x JOIN entries e USING (session_id, number) GROUP BY x.driver_id
            ) t USING (driver_id)
            """
        )
        names = ("driver_id", "name", "spellings", "first_season", "last_season", "teams")
        return [dict(zip(names, r, strict=True)) for r in rows]

    return db.memo("drivers", fetch)


def team_candidates(db: Database) -> list[dict]:
    return db.memo("teams", lambda: db.dicts("SELECT team_id, name, spellings, first_season, last_season FROM teams"))


def manufacturers(db: Database) -> list[str]:
    """Every make that raced (read once per handle)."""
    return list(
        db.memo(
            "manufacturers",
            lambda: [
                r[0]
                for r in db.rows(
                    "SELECT DISTINCT manufacturer FROM race_results WHERE manufacturer IS NOT NULL ORDER BY 1"
                )
            ],
        )
    )


def cars_numbered(db: Database, number: str, season: int | None) -> list[dict]:
    """Cars with this number (in championship races), newest first."""
    rows = db.rows(
        """
        SELECT car_id, season, number, team, any_value(class) AS class, count(*) AS races
        FROM race_results WHERE number = $number AND ($season IS NULL OR season = $season)
        GROUP BY car_id, season, number, team ORDER BY season DESC, races DESC
        """,
        {"number": number, "season": season},
    )
    return [dict(zip(("car_id", "season", "number", "team", "class", "races"), r, strict=True)) for r in rows]


def round_of(db: Database, season: int, event_name: str) -> int | None:
    """The championship round number of an event (by its calendar name), if it is one."""
    rows = db.rows(
        "SELECT round FROM calendar WHERE season = ? AND event_name = ? AND championship", [season, event_name]
    )
    return rows[0][0] if rows else None


def driver(db: Database, driver_id: str) -> dict[str, Any]:
    """A driver's row: driver_id, name, spellings, imsa_driver_ids, countries (a copy of the
    handle's table of all drivers, read once: every statistic of a driver asks for it)."""
    rows = db.memo(
        "driver_rows",
        lambda: {
            r["driver_id"]: r
            for r in db.dicts("SELECT driver_id, name, spellings, imsa_driver_ids, countries FROM drivers")
        },
    )
    return dict(rows[driver_id])


def team(db: Database, team_id: str) -> dict[str, Any]:
    """A team's row: team_id, name, spellings (a copy of the handle's table, read once)."""
    rows = db.memo(
        "team_rows", lambda: {r["team_id"]: r for r in db.dicts("SELECT team_id, name, spellings FROM teams")}
    )
    return dict(rows[team_id])


def driver_cars(db: Database, driver_id: str) -> dict[str, set[str]]:
    """session_id → the car numbers a driver was listed on in that championship race."""
    out: dict[str, set[str]] = {}
    for session_id, number in db.rows("SELECT session_id, number FROM race_drivers WHERE driver_id = ?", [driver_id]):
        out.setdefault(session_id, set()).add(number)
    return out


def classes(db: Database, season: int | None = None) -> list[str]:
    """Every class that raced a championship race (of ``season`` when given), in IMSA's print
    order."""

    def fetch() -> list[str]:
        found = db.rows(
            "SELECT DISTINCT class FROM race_results WHERE $season IS NULL OR season = $season", {"season": season}
        )
        return sorted((r[0] for r in found), key=class_rank)

    return db.memo(("classes", season), fetch)
