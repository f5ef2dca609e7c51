"""The Python API: ``pitboard.open()`` returns a ``Pitboard`` whose methods return DataFrames.

Every method takes plain, forgiving arguments (``season=2023, event="sebring"``), resolves them
through ``pitboard.resolve`` and returns a pandas DataFrame whose columns are documented in the
method and typed by ``schema.py``::

    import pitboard
    pb = pitboard.open()
    pb.results(2023, "petit le mans", cls="GTP")
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitboard import queries, resolve
from pitboard.db import Database, Tracer
from pitboard.exceptions import ExportError, NotFoundError

if TYPE_CHECKING:
    import pandas as pd

    from pitboard.answers import HeadToHead, Leaderboard, SessionResults, Winners
    from pitboard.claims import CheckAnswer
    from pitboard.standings import Standings
    from pitboard.stats import StatsAnswer, SubjectRaces


@dataclass(frozen=True)
class EventRef:
    """An event a name resolved to."""

    season: int
    event_id: str | None
    event_name: str
    championship: bool
    status: str  # 'present' or 'missing'
    #: How the name was read (``pitboard.resolve.Resolution``).
    resolution: resolve.Resolution | None = None


@dataclass(frozen=True)
class SessionRef:
    """A session a name resolved to."""

    event: EventRef
    session_id: str
    slug: str
    kind: str
    name: str
    championship_race: bool
    classes: tuple[str, ...]
    resolution: resolve.Resolution | None = None


class Pitboard:
    """Read access to a pitboard database. Create it with ``pitboard.open()``."""

    def __init__(self, db_path: str | os.PathLike[str] | None = None, *, tracer: Tracer | None = None) -> None:
        self.db = Database(db_path, tracer=tracer)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Pitboard:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- resolution ---------------------------------------------------------------------------
    def event(self, season: int, name: str) -> EventRef:
        """Resolve an event name within a season (see ``pitboard.resolve``)."""
        from pitboard.stats import check_season, event_in_season

        check_season(self, season)
        # memoised per handle: the read-only database always resolves a name the same way
        found = event_in_season(self.db, season, name)
        how, confidence = found["_how"]
        resolution = resolve.Resolution(
            name, found["event_id"] or f"missing:{found['event_name']}", found["event_name"], how, confidence,
            found["_others"],
        )  # fmt: skip
        return EventRef(
            season, found["event_id"], found["event_name"], bool(found["championship"]), found["status"], resolution
        )

    def session(self, season: int, event: str, session: str | None = None) -> SessionRef:
        """Resolve a session of an event; ``None`` is the race."""
        ref = self.event(season, event)
        if ref.event_id is None:
            raise NotFoundError(
                f"{ref.event_name} {season} is a championship round missing from the data (no files were published in the exports)",
                [],
            )
        rows = queries.sessions(self.db, ref.event_id).to_dict("records")
        resolution = resolve.session_resolution(session, rows)
        found = next(r for r in rows if r["session_id"] == resolution.key)
        return SessionRef(
            ref,
            found["session_id"],
            found["slug"],
            found["kind"],
            found["name"],
            bool(found["championship_race"]),
            tuple(found["classes"]),
            resolution,
        )

    # -- tables -------------------------------------------------------------------------------
    def seasons(self) -> pd.DataFrame:
        """One row per season: championship rounds, rounds present/missing, completeness,
        classes, events and sessions in the data (the ``seasons`` table)."""
        return queries.seasons(self.db)

    def events(self, season: int) -> pd.DataFrame:
        """A season's events, championship rounds (present or missing) and others, in date
        order; columns in ``queries.events``."""
        return queries.events(self.db, season)

    def sessions(self, season: int, event: str) -> pd.DataFrame:
        """An event's sessions in time order (the ``sessions`` table)."""
        ref = self.event(season, event)
        return queries.sessions(self.db, ref.event_id or "")

    def results(self, season: int, event: str, session: str | None = None, cls: str | None = None) -> pd.DataFrame:
        """A session's classification in IMSA's print order (class, then class position), with
        post-export corrections applied; columns in ``queries.results``."""
        ref = self.session(season, event, session)
        code = resolve.match_class(cls, list(ref.classes))
        return queries.results(self.db, ref.session_id, code)

    def classification(
        self, season: int, event: str, session: str | None = None, cls: str | None = None
    ) -> SessionResults:
        """A session's results as IMSA prints them (``results``), with the decisions taken after
        the export that changed the classes shown: a ``pitboard.answers.SessionResults``."""
        from pitboard.answers import SessionResults, rows_of
        from pitboard.domain.corrections import REORDER_KINDS

        ref = self.session(season, event, session)
        frame = self.results(season, event, session, cls)
        shown = set(frame["class"])
        corrections = self.corrections()
        applied = corrections[
            (corrections["session_id"] == ref.session_id)
            & corrections["applied"].fillna(False).astype(bool)
            & corrections["class"].isin(list(shown))
            & corrections["kind"].isin(list(REORDER_KINDS))
        ]
        return SessionResults(
            rows=rows_of(frame),
            sources=tuple(sorted(set(frame["source_path"].dropna()))),
            season=season,
            event={
                "event_id": ref.event.event_id,
                "name": ref.event.event_name,
                "championship": ref.event.championship,
            },
            session={"session_id": ref.session_id, "slug": ref.slug, "kind": ref.kind, "name": ref.name},
            cls=frame["class"].iloc[0] if cls and len(frame) else None,
            corrections=rows_of(applied),
        )

    def entries(self, season: int, event: str, session: str | None = None) -> pd.DataFrame:
        """The cars of a session (the ``entries`` table)."""
        ref = self.session(season, event, session)
        return queries.table(self.db, "entries", {"session_id": ref.session_id}, order="number")

    def laps(self, season: int, event: str, session: str | None = None, car: str | None = None) -> pd.DataFrame:
        """Every lap of a session, or of one car (the ``laps`` table). Empty for a session
        without a laps file (every Rolex 24): check ``sessions.has_laps``."""
        ref = self.session(season, event, session)
        where: dict[str, object] = {"session_id": ref.session_id}
        if car is not None:
            where["number"] = car.lstrip("#").strip()
        return queries.table(self.db, "laps", where, order="number,lap")

    def weather(self, season: int, event: str, session: str | None = None) -> pd.DataFrame:
        """A session's weather samples (the ``weather`` table)."""
        ref = self.session(season, event, session)
        return queries.table(self.db, "weather", {"session_id": ref.session_id}, order="time_utc")

    def drivers(self) -> pd.DataFrame:
        """Every person (the ``drivers`` table)."""
        return queries.table(self.db, "drivers", order="name")

    def teams(self) -> pd.DataFrame:
        """Every team (the ``teams`` table)."""
        return queries.table(self.db, "teams", order="name")

    def cars(self, season: int | None = None) -> pd.DataFrame:
        """Every car, (season, number, team) (the ``cars`` table)."""
        return queries.table(self.db, "cars", {"season": season} if season else None, order="season,number")

    def corrections(self) -> pd.DataFrame:
        """IMSA's decisions after the export, and whether the results reflect them."""
        return queries.table(self.db, "corrections", order="season,correction_id")

    def calendar(self, season: int | None = None) -> pd.DataFrame:
        """The championship calendar with missing rounds marked (the ``calendar`` table)."""
        return queries.table(self.db, "calendar", {"season": season} if season else None, order="season,race_date")

    def grids(self, season: int | None = None) -> pd.DataFrame:
        """The grid-setting session of every class of every championship race."""
        return queries.table(self.db, "grids", {"season": season} if season else None, order="event_id,class")

    def sources(self) -> pd.DataFrame:
        """Every source file read: path, size, sha256, rows, parser version, status."""
        return queries.table(self.db, "_sources", order="source_id")

    def issues(self) -> pd.DataFrame:
        """Every problem the ingest found and what it did about it."""
        return queries.table(self.db, "_ingest_issues", order="path,line")

    # -- statistics ---------------------------------------------------------------------------
    def stats(self, kind: str, name: str, *, car_team: str | None = None, **scope: Any) -> StatsAnswer:
        """Figures of a driver, car, team or manufacturer (``kind``) within a scope
        (``season=``, ``cls=``, ``event=``, ``team=``, ``since=``, ``until=``); see
        ``pitboard.stats.subject_stats``."""
        from pitboard import stats

        return stats.subject_stats(self, kind, name, stats.Scope(**scope), car_team=car_team)

    def races(self, kind: str, name: str, *, car_team: str | None = None, **scope: Any) -> SubjectRaces:
        """The race rows of ``stats`` alone (same arguments), without the figures: cheaper when
        the question is about one race; see ``pitboard.stats.subject_races``."""
        from pitboard import stats

        return stats.subject_races(self, kind, name, stats.Scope(**scope), car_team=car_team)

    def leaders(self, metric: str, *, by: str = "driver", limit: int = 10, **scope: Any) -> Leaderboard:
        """Leaderboard (rank, key, name, value, starts) by ``metric`` for a scope, with its
        coverage: a ``pitboard.answers.Leaderboard`` (``.frame()``, ``.to_dict()``)."""
        from pitboard import stats

        return stats.leaders(self, metric, by=by, scope=stats.Scope(**scope), limit=limit)

    def winners(self, season: int, cls: str | None = None) -> Winners:
        """Class winners of a season's championship races, with coverage (``Winners``)."""
        from pitboard import stats

        return stats.winners(self, season, cls)

    def head_to_head(self, a: str, b: str, **scope: Any) -> HeadToHead:
        """Two drivers in the races both started in the same class (``HeadToHead``)."""
        from pitboard import stats

        return stats.head_to_head(self, a, b, stats.Scope(**scope))

    def standings(self, season: int, cls: str, championship: str = "drivers", after: str | None = None) -> Standings:
        """Championship standings (drivers, teams, manufacturers, endurance) of a class,
        final or after a round; see ``pitboard.standings``."""
        from pitboard import standings

        return standings.compute(self, season, cls, championship, after)

    def event_names(self, season: int) -> list[dict[str, Any]]:
        """Every event of a season with the names it can be called by (event name, aliases,
        circuit names, city; ``names`` is ';'-joined), for finding events in prose."""
        return queries.event_candidates(self.db, season)

    def result_lines(self, session_ids: list[str]) -> pd.DataFrame:
        """Where each car's result in the given sessions was read (``source_path``,
        ``source_line``), with its class and positions: the evidence behind a figure."""
        return queries.result_lines(self.db, session_ids)

    # -- claims -------------------------------------------------------------------------------
    def check(self, text: str, date: dt.date | str) -> CheckAnswer:
        """Check every statistical claim of an article published on ``date`` against the
        record: a ``pitboard.claims.CheckAnswer`` (``.claims``, ``.to_dict()``); see
        ``pitboard.claims.check``."""
        from pitboard import claims

        return claims.check(self, text, date)

    # -- export -------------------------------------------------------------------------------
    def export(self, directory: str | os.PathLike[str], fmt: str = "parquet") -> dict[str, int]:
        """Write every table to ``directory``: Parquet partitioned by season (Hive layout,
        ``laps/season=2023/…``) for tables with a season, one file otherwise; or CSV, one file
        per table. Returns rows written per table."""
        from pitboard.export import export_database

        if fmt not in ("parquet", "csv"):
            raise ExportError(f"unknown export format {fmt!r}: use parquet or csv")
        return export_database(self.db, Path(directory), fmt)


def open(db_path: str | os.PathLike[str] | None = None, *, tracer: Tracer | None = None) -> Pitboard:
    """Open the pitboard database (``db_path``, else ``PITBOARD_DB``, else the default path)."""
    return Pitboard(db_path, tracer=tracer)


__all__ = ["EventRef", "Pitboard", "SessionRef", "open"]
