"""Career, season and record figures for drivers, cars, teams and manufacturers.

Every figure follows DEFINITIONS.md (see docs/conventions.md) and is counted from the per-race
facts the ingest derives (``race_results``, ``race_drivers``, ``grids``):

* a **start** is a championship race in which the subject's car took the start (not
  ``Not started``, laps > 0); wins, podiums, top 5s are class positions 1 / ≤ 3 / ≤ 5 of starts,
  with IMSA's post-export decisions applied;
* a **pole** is class P1 of the grid-setting session after IMSA's qualifying decisions, credited to
  the car and every driver listed on it there; a **fastest lap** the lowest ``FL_TIME`` of the class
  in the race; ``poles_set`` / ``fastest_laps_set`` credit only the driver at the wheel on that lap
  (from the laps file; the events where the file cannot tell are listed, never guessed);
* **laps led** are counted only in races with a laps file: ``None`` when none in scope has one,
  and the races without are listed, never counted as zero.

Every answer carries its ``Coverage``: the championship rounds in scope, those present in the
data and the missing ones by name, so a total over a season with missing rounds is never
presented as complete.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from pitboard import queries, resolve
from pitboard.answers import Coverage, HeadToHead, Leaderboard, Winners, rows_of
from pitboard.choices import DRIVER_ONLY_METRICS, LEADER_METRICS, SUBJECT_KINDS
from pitboard.domain.classes import display_class, normalise_class
from pitboard.exceptions import AmbiguousNameError, InputError, NotFoundError, PitboardError
from pitboard.queries import stats as sq

if TYPE_CHECKING:
    import pandas as pd

    from pitboard.api import Pitboard
    from pitboard.db import Database


def scope_date(value: dt.date | str | None, *, end: bool) -> dt.date | None:
    """A scope bound: a date, an ISO date as text, or a year (as a start, 1 January; as an end,
    31 December). Anything else is an ``InputError``."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if len(text) == 4 and text.isdigit():
        return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{text!r} is not a date (YYYY-MM-DD) or a year (YYYY)", ["YYYY-MM-DD", "YYYY"]) from None


@dataclass(frozen=True)
class Scope:
    """What part of the record to count: all optional, combined with AND.

    ``event`` names an event across seasons ("sebring": every Twelve Hours of Sebring);
    ``until`` is "as of" a date (events on or before it).
    """

    season: int | None = None
    cls: str | None = None
    event: str | None = None
    team: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def __post_init__(self) -> None:
        # a year or an ISO date as text ("2024", "2024-03-16") is read here, once, for every face
        object.__setattr__(self, "since", scope_date(self.since, end=False))
        object.__setattr__(self, "until", scope_date(self.until, end=True))

    def describe(self) -> str:
        parts = []
        if self.season:
            parts.append(str(self.season))
        if self.cls:
            parts.append(f"class {self.cls}")
        if self.event:
            parts.append(f"event {self.event!r}")
        if self.team:
            parts.append(f"team {self.team!r}")
        if self.since:
            parts.append(f"from {self.since}")
        if self.until:
            parts.append(f"until {self.until}")
        return ", ".join(parts) or "career (2021 onwards: the data's range)"


@dataclass
class Figures:
    """The counts for one subject within one scope."""

    starts: int = 0
    wins: int = 0
    podiums: int = 0
    top5s: int = 0
    poles: int = 0
    fastest_laps: int = 0
    overall_wins: int = 0
    laps_led: int | None = None
    laps_led_races_without_data: list[str] = field(default_factory=list)
    laps_completed: int = 0
    distance_km: float = 0.0
    dnfs: int = 0
    dns: int = 0
    avg_class_start: float | None = None
    avg_class_finish: float | None = None
    best_finish: int | None = None
    best_finish_count: int = 0
    starts_drove_a_lap: int | None = None
    starts_without_lap_data: int = 0
    #: Drivers only: poles / fastest race laps this driver set personally (``poles`` and
    #: ``fastest_laps`` credit the whole crew); None for cars, teams and manufacturers.
    poles_set: int | None = None
    poles_setter_unknown: list[str] = field(default_factory=list)
    fastest_laps_set: int | None = None
    fastest_laps_setter_unknown: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StatsAnswer:
    """A subject's figures in a scope, with its breakdowns and how the name was matched."""

    kind: str
    subject: dict[str, Any]
    resolution: resolve.Resolution
    scope: Scope
    figures: Figures
    coverage: Coverage
    seasons: list[dict[str, Any]]
    races: list[dict[str, Any]]
    poles: list[dict[str, Any]]
    cars: list[dict[str, Any]]
    teams: list[str]
    records: dict[str, Any]

    #: The tables the figures are counted from.
    sources = ("race_results", "race_drivers", "grids")

    def frame(self) -> pd.DataFrame:
        """The race-by-race rows the figures are counted from (``races``)."""
        import pandas as pd

        return pd.DataFrame(self.races)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: the figures at the top level, then what matched, coverage, lists."""
        out: dict[str, Any] = dict(asdict(self.figures))
        out[self.kind] = self.subject
        out["matched"] = asdict(self.resolution)
        out["scope"] = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in asdict(self.scope).items()}
        out["coverage"] = asdict(self.coverage)
        out.update(
            seasons=self.seasons,
            races=self.races,
            pole_list=self.poles,
            cars=self.cars,
            teams=self.teams,
            records=self.records,
        )
        return out


# --------------------------------------------------------------------------------------------
# scope


def check_season(pb: Pitboard, season: int | None) -> None:
    """An InputError, with the seasons there are, for a season outside the data (2019, 23)."""
    if season is None:
        return
    seasons = queries.season_numbers(pb.db)
    if season not in seasons:
        raise InputError(
            f"no season {season} in the data: it covers {seasons[0]}–{seasons[-1]}"
            if seasons
            else "no seasons in the data",
            [str(s) for s in seasons],
        )


def check_class(pb: Pitboard, cls: str | None, season: int | None = None) -> str | None:
    """The class code of ``cls`` ("GTD PRO" → GTDPRO), or an InputError listing the classes of
    the championship races (of ``season`` when given)."""
    if cls is None:
        return None
    code = normalise_class(cls.replace("-", "").replace("_", ""))
    known = sq.classes(pb.db, season)
    if code not in known:
        where = f"in {season}" if season else "in the championship races"
        raise InputError(f"no class {cls!r} {where}", [display_class(c) for c in known])
    return code


def event_in_season(db: Database, season: int, name: str) -> dict[str, Any]:
    """``resolve.match_event`` of a name among a season's events, memoised per handle (the
    read-only database always resolves a name the same way, and a claim check asks for the same
    few names again and again): the same answer, or the same error raised anew."""

    def fetch() -> dict[str, Any] | PitboardError:
        try:
            return resolve.match_event(name, queries.event_candidates(db, season))
        except PitboardError as exc:
            return exc

    found = db.memo(("event", season, name), fetch)
    if isinstance(found, PitboardError):
        raise found.with_traceback(None)
    return found


def resolve_scope(pb: Pitboard, scope: Scope) -> tuple[sq.ScopeFilter, list[tuple[int, int]] | None]:
    """Turn a ``Scope`` of names into ids; also return the (season, round) pairs of the named
    event across all seasons (present or missing), for coverage."""
    db = pb.db
    check_season(pb, scope.season)
    if scope.since and scope.until and scope.since > scope.until:
        raise InputError(f"--since {scope.since} is after --until {scope.until}")
    team_id = None
    if scope.team:
        team_id = resolve.match_team(scope.team, sq.team_candidates(db)).key
    cls = check_class(pb, scope.cls, scope.season)
    event_ids: tuple[str, ...] | None = None
    rounds: list[tuple[int, int]] | None = None
    if scope.event:
        event_ids, rounds = (), []
        found_any = False
        seasons = [scope.season] if scope.season else queries.season_numbers(db)
        for season in seasons:
            try:
                cand = event_in_season(db, season, scope.event)
            except AmbiguousNameError:
                raise
            except NotFoundError:
                continue
            found_any = True
            if cand["event_id"]:
                event_ids += (cand["event_id"],)
            rnd = sq.round_of(db, season, cand["event_name"])
            if rnd is not None:
                rounds.append((season, rnd))
        if not found_any:
            raise NotFoundError(f"no event matches {scope.event!r} in any season")
    seasons_t = (scope.season,) if scope.season else ()
    return sq.ScopeFilter(seasons_t, cls, event_ids, team_id, scope.since, scope.until), rounds


def coverage(
    pb: Pitboard,
    flt: sq.ScopeFilter,
    rounds: list[tuple[int, int]] | None,
    classes_by_season: dict[int, set[str]] | None = None,
) -> Coverage:
    """The championship rounds a scope covers, by the published calendar.

    Coverage is class-aware: a round in which a class did not race is not missing for it (2021
    Detroit had no LMP2 or LMP3). With ``classes_by_season`` (the classes a subject raced each
    season) a round counts when one of those classes raced it; a season the subject has no race
    in counts every round (it may have raced only in a missing one)."""

    def in_classes(c: dict[str, Any]) -> bool:
        ran = set(c["classes"] or [])
        if flt.cls:
            return flt.cls in ran
        if classes_by_season and classes_by_season.get(c["season"]):
            return bool(classes_by_season[c["season"]] & ran)
        return True

    wanted = set(rounds) if rounds is not None else None
    cal = [
        c
        for c in sq.championship_calendar(pb.db)
        if (not flt.seasons or c["season"] in flt.seasons)
        and in_classes(c)
        and (flt.since is None or c["race_date"] >= flt.since)
        and (flt.until is None or c["race_date"] <= flt.until)
        and (wanted is None or (c["season"], c["round"]) in wanted)
    ]
    names = [
        f"{c['event_name']} {c['season']} ({c['race_date'].day} {c['race_date']:%b %Y})"
        for c in cal
        if c["status"] == "missing"
    ]
    note = ""
    if flt.since is None and not flt.seasons:
        note = "The data starts in 2021: earlier seasons are not covered."
    if not cal:
        note = ("No championship round is in this scope. " + note).strip()
    return Coverage(len(cal), sum(1 for c in cal if c["status"] == "present"), names, bool(cal) and not names, note)


# --------------------------------------------------------------------------------------------
# subjects


def _subject(
    pb: Pitboard, kind: str, name: str, season: int | None, team: str | None
) -> tuple[resolve.Resolution, dict[str, Any]]:
    db = pb.db
    if kind == "driver":
        res = resolve.match_driver(name, sq.driver_candidates(db))
        return res, sq.driver(db, res.key)
    if kind == "team":
        res = resolve.match_team(name, sq.team_candidates(db))
        return res, sq.team(db, res.key)
    if kind == "manufacturer":
        res = resolve.match_manufacturer(name, sq.manufacturers(db))
        return res, {"name": res.name}
    name_query = name
    number = resolve.car_number(name)
    cars = sq.cars_numbered(db, number, season)
    if team:
        team_id = resolve.match_team(team, sq.team_candidates(db)).key
        cars = [c for c in cars if c["car_id"].endswith("/" + team_id)]
    if not cars:
        raise NotFoundError(f"no car #{number}{f' in {season}' if season else ''} in a championship race")
    if team and len({c["car_id"] for c in cars}) > 1 and len({c["team"] for c in cars}) == 1:
        # one number of one team across seasons ("stats car 31 --team whelen"): all of them
        seasons = sorted(c["season"] for c in cars)
        name = f"#{cars[0]['number']} {cars[0]['team']} ({seasons[0]}–{seasons[-1]})"
        key = "|".join(c["car_id"] for c in sorted(cars, key=lambda c: c["season"]))
        res = resolve.Resolution(f"{name_query} --team {team}", key, name, "number and team", 1.0)
        return res, {"car_id": key, "name": name, "number": cars[0]["number"], "season": None, "seasons": seasons,
                     "team": cars[0]["team"]}  # fmt: skip
    if len({c["car_id"] for c in cars}) > 1:
        raise AmbiguousNameError(
            f"#{number} was {len(cars)} cars{f' in {season}' if season else ''}: give --season"
            + ("" if team else " and/or --team"),
            [f"#{c['number']} {c['team']} ({c['season']}, {c['class']}, {c['races']} races)" for c in cars],
        )
    car = cars[0]
    res = resolve.Resolution(name, car["car_id"], f"#{car['number']} {car['team']} ({car['season']})", "number", 1.0)
    return res, {
        "car_id": car["car_id"],
        "name": res.name,
        "number": car["number"],
        "season": car["season"],
        "team": car["team"],
    }


def subject_stats(
    pb: Pitboard, kind: str, name: str, scope: Scope = Scope(), *, car_team: str | None = None
) -> StatsAnswer:
    """Figures of a driver, car, team or manufacturer within a scope.

    For a car, ``name`` is its number ("31", "#31", "No. 31") and ``scope.season`` picks the
    season (a car is season, number and team; ``car_team`` disambiguates).
    """
    res, subject, scope, flt, rounds, rows, pole_rows = _subject_rows(pb, kind, name, scope, car_team)
    figures = _figures(rows, pole_rows, kind, res.key)
    races = _race_list(rows, pole_rows, kind)
    classes = _classes_by_season(rows)
    return StatsAnswer(
        kind=kind,
        subject=subject,
        resolution=res,
        scope=scope,
        figures=figures,
        coverage=coverage(pb, flt, rounds, classes),
        seasons=_by_season(pb, rows, pole_rows, kind, flt, rounds, res.key),
        races=races,
        poles=pole_rows,
        cars=_cars(rows) if kind in ("driver", "team", "manufacturer") else [],
        teams=sorted({r["team"] for r in rows if r["started"] and r["team"]}) if kind == "driver" else [],
        records=_streaks(rows, pole_rows) if kind in ("driver", "car") else {},
    )


@dataclass(frozen=True)
class SubjectRaces:
    """A subject's race rows within a scope (``StatsAnswer.races`` without the figures,
    coverage and season table): what a question about one race needs, at a fraction of the
    queries."""

    kind: str
    subject: dict[str, Any]
    resolution: resolve.Resolution
    races: list[dict[str, Any]]


def subject_races(
    pb: Pitboard, kind: str, name: str, scope: Scope = Scope(), *, car_team: str | None = None
) -> SubjectRaces:
    """The race rows of ``subject_stats`` (same resolution, scope and row shape), nothing else."""
    res, subject, _, _, _, rows, pole_rows = _subject_rows(pb, kind, name, scope, car_team)
    return SubjectRaces(kind, subject, res, _race_list(rows, pole_rows, kind))


def _subject_rows(
    pb: Pitboard, kind: str, name: str, scope: Scope, car_team: str | None
) -> tuple[
    resolve.Resolution,
    dict[str, Any],
    Scope,
    sq.ScopeFilter,
    list[tuple[int, int]] | None,
    list[dict[str, Any]],
    list[dict[str, Any]],
]:
    """A subject resolved within a scope, the scope in effect (a car's team moves into the car), and
    its race and pole rows: what ``subject_stats`` and ``subject_races`` both start from."""
    if kind not in SUBJECT_KINDS:
        raise ValueError(f"kind must be one of {SUBJECT_KINDS}")
    if kind == "car" and car_team is None and scope.team:  # for a car, the team picks the car
        car_team, scope = scope.team, Scope(scope.season, scope.cls, scope.event, None, scope.since, scope.until)
    res, subject = _subject(pb, kind, name, scope.season, car_team)
    flt, rounds = resolve_scope(pb, scope)
    rows = sq.races(pb.db, kind, res.key, flt)
    pole_rows = sq.poles(pb.db, kind, res.key, flt)
    return res, subject, scope, flt, rounds, rows, pole_rows


def _classes_by_season(rows: list[dict[str, Any]]) -> dict[int, set[str]]:
    """The classes a subject was entered in, per season (for class-aware coverage)."""
    out: dict[int, set[str]] = {}
    for r in rows:
        out.setdefault(r["season"], set()).add(r["class"])
    return out


def _figures(rows: list[dict[str, Any]], pole_rows: list[dict[str, Any]], kind: str, key: str = "") -> Figures:
    started = [r for r in rows if r["started"]]
    positions = [r["class_position"] for r in started if r["class_position"] is not None]
    fig = Figures(
        starts=len(started),
        wins=positions.count(1),
        podiums=sum(1 for p in positions if p <= 3),
        top5s=sum(1 for p in positions if p <= 5),
        poles=len(pole_rows),
        fastest_laps=sum(1 for r in started if r["fastest_lap"]),
        overall_wins=sum(1 for r in started if r["position"] == 1),
        laps_completed=sum(r["laps"] or 0 for r in started),
        distance_km=round(sum(r["distance_km"] or 0.0 for r in started), 1),
        dnfs=sum(1 for r in started if r["finish_status"] == "retired"),
        dns=len(rows) - len(started),
    )
    with_laps = [r for r in started if r["has_laps"]]
    fig.laps_led = sum(r["laps_led"] or 0 for r in with_laps) if with_laps else None
    fig.laps_led_races_without_data = list(
        dict.fromkeys(f"{r['event_name']} {r['season']}" for r in started if not r["has_laps"])
    )
    grid = [r["grid_class_position"] for r in started if r["grid_class_position"] is not None]
    fig.avg_class_start = round(sum(grid) / len(grid), 2) if grid else None
    fig.avg_class_finish = round(sum(positions) / len(positions), 2) if positions else None
    if positions:
        fig.best_finish = min(positions)
        fig.best_finish_count = positions.count(fig.best_finish)
    if kind == "driver":
        # per-driver credit (DEFINITIONS.md): the driver at the wheel on the pole lap / the
        # class's fastest race lap, where the laps file says who it was
        fig.poles_set = sum(1 for p in pole_rows if p["pole_driver_id"] == key)
        fig.poles_setter_unknown = [_event(p) for p in pole_rows if p["pole_driver_id"] is None]
        fastest = [r for r in started if r["fastest_lap"]]
        fig.fastest_laps_set = sum(1 for r in fastest if r["best_lap_driver_id"] == key)
        fig.fastest_laps_setter_unknown = [_event(r) for r in fastest if r["best_lap_driver_id"] is None]
        known = [r for r in started if r["drove"] is not None]
        fig.starts_drove_a_lap = sum(1 for r in known if r["drove"]) if known else None
        fig.starts_without_lap_data = len(started) - len(known)
    return fig


def _event(row: dict[str, Any]) -> str:
    return f"{row['event_name']} {row['season']}"


RACE_FIELDS = (
    "season", "round", "race_date", "event_name", "class", "number", "team", "model", "started", "grid_class_position",
    "class_position", "position", "finish_status", "laps", "laps_led", "fastest_lap", "best_lap_ms", "corrected", "session_id",
)  # fmt: skip


def _race_list(rows: list[dict[str, Any]], pole_rows: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    extra = ("co_drivers", "drove", "laps_driven", "all_cars") if kind == "driver" else ("drivers",)
    poles = {(p["event_id"], p["class"], p["number"]) for p in pole_rows}
    return [
        {**{k: r[k] for k in RACE_FIELDS + extra}, "pole": (r["event_id"], r["class"], r["number"]) in poles}
        for r in rows
    ]


def _cars(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    cars: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["started"]:
            car = cars.setdefault(
                r["car_id"], {k: r[k] for k in ("car_id", "season", "number", "team", "class", "model")} | {"starts": 0}
            )
            car["starts"] += 1
    return sorted(cars.values(), key=lambda c: (c["season"], c["number"]))


def _by_season(
    pb: Pitboard,
    rows: list[dict[str, Any]],
    pole_rows: list[dict[str, Any]],
    kind: str,
    flt: sq.ScopeFilter,
    rounds: list[tuple[int, int]] | None,
    key: str = "",
) -> list[dict[str, Any]]:
    out = []
    classes = _classes_by_season(rows)
    for season in sorted({r["season"] for r in rows} | {p["season"] for p in pole_rows}):
        fig = _figures(
            [r for r in rows if r["season"] == season], [p for p in pole_rows if p["season"] == season], kind, key
        )
        cov = coverage(
            pb, sq.ScopeFilter((season,), flt.cls, flt.event_ids, flt.team_id, flt.since, flt.until), rounds, classes
        )
        out.append({"season": season, **asdict(fig), "complete": cov.complete, "missing_events": cov.missing_events})
    return out


def _streaks(rows: list[dict[str, Any]], pole_rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Firsts, lasts and streaks over the subject's starts in date order."""
    started = sorted((r for r in rows if r["started"]), key=lambda r: (r["race_date"], r["session_id"]))
    if not started:
        return {}
    out: dict[str, Any] = {"first_start": _event(started[0]), "last_start": _event(started[-1])}
    tests = {"win": 1, "podium": 3, "top5": 5}
    for name, limit in tests.items():
        hits = [r["class_position"] is not None and r["class_position"] <= limit for r in started]
        longest = current = best_end = 0
        for i, hit in enumerate(hits):
            current = current + 1 if hit else 0
            if current > longest:
                longest, best_end = current, i
        idx = [i for i, hit in enumerate(hits) if hit]
        out[name] = {
            "first": _event(started[idx[0]]) if idx else None,
            "last": _event(started[idx[-1]]) if idx else None,
            # "first win since …": the one before the last, and the starts in between
            "previous": _event(started[idx[-2]]) if len(idx) > 1 else None,
            "starts_between_last_two": (idx[-1] - idx[-2] - 1) if len(idx) > 1 else None,
            "longest_streak": longest,
            "longest_streak_ended": _event(started[best_end]) if longest else None,
            "current_streak": current,
            "starts_since_last": (len(hits) - 1 - idx[-1]) if idx else None,
        }
    if pole_rows:
        ordered = sorted(pole_rows, key=lambda p: p["race_date"])
        out["pole"] = {
            "first": _event(ordered[0]),
            "last": _event(ordered[-1]),
            "previous": _event(ordered[-2]) if len(ordered) > 1 else None,
        }
    return out


# --------------------------------------------------------------------------------------------
# lists


def leaders(pb: Pitboard, metric: str, *, by: str = "driver", scope: Scope = Scope(), limit: int = 10) -> Leaderboard:
    """The top ``limit`` drivers (cars, teams, manufacturers) by ``metric`` within a scope,
    ties at the cut included, with the scope's coverage."""
    metric_read = resolve.metric_resolution(metric, LEADER_METRICS)
    metric = metric_read.key
    if by not in SUBJECT_KINDS:
        raise InputError(f"cannot rank by {by!r}", list(SUBJECT_KINDS))
    if metric in DRIVER_ONLY_METRICS and by != "driver":
        raise InputError(f"{metric} is set by one driver: it ranks drivers only (--by driver)", ["driver"])
    flt, rounds = resolve_scope(pb, scope)
    frame = sq.leaderboard(pb.db, metric, by, flt, limit)
    return Leaderboard(
        rows=rows_of(frame),
        coverage=coverage(pb, flt, rounds),
        sources=("race_results", "race_drivers", "grids"),
        notes=tuple(n for n in [METRIC_NOTES.get(metric)] if n),
        resolved=(metric_read,),
        metric=metric,
        by=by,
        scope=scope.describe(),
    )


#: What a reader must know about a metric's figures.
METRIC_NOTES = {
    "laps-led": "Laps led count only races with a laps file (no Rolex 24 has one).",
    "poles-set": "Poles the driver set personally (the laps file's driver on the pole lap); poles by a Roar "
    "qualifying race's order have no single setter.",
    "fastest-laps-set": "Fastest race laps the driver set personally (the laps file's driver on that lap); no "
    "Rolex 24 has a laps file.",
}


def winners(pb: Pitboard, season: int, cls: str | None = None) -> Winners:
    """Every class winner of a season's championship races, and the season's coverage."""
    check_season(pb, season)
    code = check_class(pb, cls, season)
    flt = sq.ScopeFilter((season,), code)
    return Winners(
        rows=rows_of(sq.winners(pb.db, season, code)),
        coverage=coverage(pb, flt, None),
        sources=("race_results",),
        season=season,
        cls=code,
    )


def head_to_head(pb: Pitboard, a: str, b: str, scope: Scope = Scope()) -> HeadToHead:
    """Two drivers in the races both started in the same class: who finished ahead.

    Races where they shared a car are counted apart (``same_car``), not as a win for either.
    """
    ra = subject_stats(pb, "driver", a, scope)
    rb = subject_stats(pb, "driver", b, scope)
    cars_a = sq.driver_cars(pb.db, ra.subject["driver_id"])
    cars_b = sq.driver_cars(pb.db, rb.subject["driver_id"])
    races_a = {(r["session_id"], r["class"]): r for r in ra.races if r["started"]}
    together = []
    for r in rb.races:
        key = (r["session_id"], r["class"])
        if r["started"] and key in races_a:
            together.append((races_a[key], r))
    # shared a car if any car of one was a car of the other in that race (third drivers!)
    shared = {s for s in cars_a if cars_a[s] & cars_b.get(s, set())}
    same_car = [p for p in together if p[0]["session_id"] in shared]
    rivals = [p for p in together if p[0]["session_id"] not in shared]
    a_ahead = sum(1 for x, y in rivals if (x["class_position"] or 999) < (y["class_position"] or 999))
    return HeadToHead(
        rows=tuple(
            {
                "event": f"{x['event_name']} {x['season']}",
                "class": x["class"],
                "a_car": x["number"],
                "a_finish": x["class_position"],
                "b_car": y["number"],
                "b_finish": y["class_position"],
                "session_id": x["session_id"],
            }
            for x, y in rivals
        ),
        coverage=ra.coverage,
        resolved=(ra.resolution, rb.resolution),
        sources=("race_results", "race_drivers"),
        a=ra.subject["name"],
        b=rb.subject["name"],
        races_together=len(rivals),
        a_ahead=a_ahead,
        b_ahead=len(rivals) - a_ahead,
        same_car=len(same_car),
    )
