"""What each page of the web app shows, as data: one function per page.

Every function takes the open ``Pitboard`` and the page's plain arguments (from the URL), asks
the library (answers from ``pitboard.answers``, ``stats``, ``standings``, ``analysis``,
``charts``) and returns a ``View``: the page title, its template, the JSON the API serves for it
(``data``: the answers' ``to_dict()``, nothing recomputed here) and its tables (for CSV). The
HTML page and the ``/api/...`` route of the same path are built from the same ``View``, so they
cannot disagree. No SQL, no HTML here.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitboard import analysis, charts, search, standings, stats
from pitboard.choices import CHAMPIONSHIPS, CHART_KINDS, LEADER_METRICS, RACE_VIEWS, SUBJECT_KINDS
from pitboard.domain.classes import class_rank, display_class
from pitboard.domain.sessions import RACE_LIKE_KINDS
from pitboard.exceptions import InputError, NotAvailableError, NotFoundError
from pitboard.render import jsonable, records

if TYPE_CHECKING:
    from pitboard.api import EventRef, Pitboard, SessionRef

#: The race views a session page links to (``pitboard race VIEW``), with the co-drivers view.
SESSION_VIEWS = (*RACE_VIEWS, "co-drivers")
#: Charts drawn in the browser from their data (line charts); the others are served as SVG.
INTERACTIVE_CHARTS = ("lap-chart", "gaps")
#: How many lines of a source file the row view shows around the row.
SOURCE_CONTEXT = 2


@dataclass
class View:
    """One page: ``data`` is the API's JSON for it, ``tables`` its CSV tables (the first is the
    default), ``crumbs`` the way back (label, URL), ``page`` extra values only the HTML uses."""

    title: str
    template: str
    data: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    crumbs: list[tuple[str, str]] = field(default_factory=list)
    page: dict[str, Any] = field(default_factory=dict)
    #: A page that is only a step to one other (a search with one clear answer) redirects there.
    redirect: str | None = None


# -- URLs: readable, stable, built in one place ----------------------------------------------------


def slug(text: str) -> str:
    """ "Motul Petit Le Mans" → "motul-petit-le-mans" (accents folded, punctuation dropped)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.casefold()).strip("-")


def url_event(season: int, event_name: str) -> str:
    return f"/{season}/{slug(event_name)}"


def url_session(season: int, event_name: str, session_slug: str) -> str:
    return f"{url_event(season, event_name)}/{session_slug}"


def url_driver(key: str) -> str:
    return f"/drivers/{key}"


def url_team(key: str) -> str:
    return f"/teams/{key}"


def url_car(car_id: str) -> str:
    return f"/cars/{car_id}"


def url_manufacturer(name: str) -> str:
    return f"/manufacturers/{slug(name)}"


def url_standings(season: int, cls: str, championship: str = "drivers") -> str:
    return f"/{season}/standings/{cls.lower()}" + ("" if championship == "drivers" else f"?championship={championship}")


def url_source(path: str, line: int | None = None) -> str:
    return f"/sources/{path}" + (f"?line={line}" if line else "")


def url_for_search_row(row: dict[str, Any]) -> str:
    kind = row["kind"]
    if kind == "driver":
        return url_driver(row["key"])
    if kind == "team":
        return url_team(row["key"])
    if kind == "car":
        return url_car(row["key"])
    if kind == "manufacturer":
        return url_manufacturer(row["name"])
    name = row["name"].rsplit(" ", 1)[0]
    return url_event(row["season"], name)


# -- resolving the names in a URL ------------------------------------------------------------------


def find_event(pb: Pitboard, season: int, name: str) -> EventRef:
    """The event a URL names: its canonical slug, else any name the resolver understands
    ("petit-le-mans", "the-glen", "sebring")."""
    stats.check_season(pb, season)
    events = pb.events(season)
    exact = [n for n in events["event_name"] if slug(n) == name]
    if len(exact) == 1:
        return pb.event(season, exact[0])
    return pb.event(season, name.replace("-", " "))


def find_session(pb: Pitboard, season: int, event: str, session: str | None) -> SessionRef:
    ref = find_event(pb, season, event)
    return pb.session(season, ref.event_name, session)


def _named(pb: Pitboard, kind: str, key: str) -> str:
    """A path segment as a name for ``pb.stats``: an id's own name ("tom-blomqvist" → Tom
    Blomqvist), anything else with its dashes as spaces (the resolvers are forgiving)."""
    if kind == "driver":
        names = {c["driver_id"]: c["name"] for c in stats.sq.driver_candidates(pb.db)}
    elif kind == "team":
        names = {c["team_id"]: c["name"] for c in stats.sq.team_candidates(pb.db)}
    else:
        names = {}
    return names.get(key) or key.replace("-", " ")


def _scope(pb: Pitboard, season: int | None, cls: str | None, since: str | None, until: str | None) -> dict[str, Any]:
    stats.check_season(pb, season)
    return {"season": season, "cls": stats.check_class(pb, cls, season), "since": since, "until": until}


# -- pages --------------------------------------------------------------------------------------------


def home(pb: Pitboard) -> View:
    """Seasons with coverage, the latest round's class winners, the search box."""
    seasons = records(pb.seasons())
    latest: dict[str, Any] = {}
    for season in sorted((s["season"] for s in seasons), reverse=True):
        winners = pb.winners(season).to_dict()["winners"]
        if winners:
            last_round = max(w["round"] for w in winners)
            rows = [w for w in winners if w["round"] == last_round]
            latest = {
                "season": season,
                "round": last_round,
                "event_name": rows[0]["event_name"],
                "race_date": jsonable(rows[0]["race_date"]),
                "winners": jsonable(rows),
            }
            break
    return View(
        "pitboard: IMSA WeatherTech SportsCar Championship 2021–2025",
        "home.html",
        {"seasons": seasons, "latest": latest},
        {"seasons": seasons, "latest_winners": latest.get("winners", [])},
    )


def season_page(pb: Pitboard, season: int) -> View:
    """Calendar with each round's class winners and coverage, standings per class, leaders,
    the corrections applied that season."""
    stats.check_season(pb, season)
    overview = next(s for s in records(pb.seasons()) if s["season"] == season)
    events = records(pb.events(season))
    winners = pb.winners(season).to_dict()["winners"]
    by_round: dict[Any, list[dict[str, Any]]] = {}
    for w in jsonable(winners):
        by_round.setdefault(w["round"], []).append(w)
    calendar = []
    for ev in events:
        if not ev["championship"]:
            continue
        ev = dict(ev)
        ev["winners"] = sorted(by_round.get(ev["round"], []), key=lambda w: class_rank(w["class"]))
        calendar.append(ev)
    classes = sorted(overview["classes"], key=class_rank)
    tables = []
    for cls in classes:
        table = pb.standings(season, cls)
        top = table.to_dict()
        tables.append(
            {
                "class": cls,
                "complete": top["complete"],
                "champion": top["champion"],
                "verified": top["verified"],
                "verification": top.get("verification", {}).get("status"),
                "championships": list(standings.championships(season, cls)),
                "top": [{k: r[k] for k in ("position", "name", "key", "points", "wins")} for r in top["standings"][:3]],
            }
        )
    leaders = {by: pb.leaders("wins", by=by, season=season, limit=5).to_dict() for by in ("driver", "team")}
    corrections = [c for c in records(pb.corrections()) if c["season"] == season]
    other_events = [e for e in events if not e["championship"] and e["status"] == "present"]
    data = {
        "season": season,
        "overview": overview,
        "calendar": calendar,
        "other_events": other_events,
        "standings": tables,
        "leaders": leaders,
        "corrections": corrections,
    }
    flat_winners = [w for ev in calendar for w in ev["winners"]]
    return View(
        f"{season} season",
        "season.html",
        data,
        {
            "calendar": [{k: v for k, v in e.items() if k != "winners"} for e in calendar],
            "winners": flat_winners,
            "corrections": corrections,
        },
        [(str(season), f"/{season}")],
    )


def event_page(pb: Pitboard, season: int, event: str) -> View:
    """An event's sessions, and its race's class winners."""
    ref = find_event(pb, season, event)
    data: dict[str, Any] = {
        "season": season,
        "event": {
            "event_id": ref.event_id,
            "name": ref.event_name,
            "championship": ref.championship,
            "status": ref.status,
        },
        "matched": jsonable(asdict(ref.resolution)) if ref.resolution else None,
        "sessions": [],
        "winners": [],
    }
    if ref.event_id is not None:
        data["sessions"] = records(pb.sessions(season, ref.event_name))
        data["winners"] = [
            w for w in jsonable(pb.winners(season).to_dict()["winners"]) if w["event_name"] == ref.event_name
        ]
    return View(
        f"{ref.event_name} {season}",
        "event.html",
        data,
        {"sessions": data["sessions"], "winners": data["winners"]},
        [(str(season), f"/{season}"), (ref.event_name, url_event(season, ref.event_name))],
    )


def session_page(pb: Pitboard, season: int, event: str, session: str, cls: str | None = None) -> View:
    """A session: results per class as IMSA prints them (corrections flagged with their source),
    the race's headline facts, its charts and the links to every lap-by-lap view."""
    ref = find_session(pb, season, event, session)
    results = pb.classification(season, ref.event.event_name, ref.slug).to_dict()
    code = stats.check_class(pb, cls, season) if cls else (ref.classes[0] if ref.classes else None)
    if code is not None and code not in ref.classes:
        raise InputError(f"no class {cls!r} in {ref.name}: choose one of {', '.join(ref.classes)}", list(ref.classes))
    summary = analysis.summary(pb, ref).to_dict() if ref.kind in RACE_LIKE_KINDS else None
    sessions = records(pb.sessions(season, ref.event.event_name))
    has_laps = any(s["session_id"] == ref.session_id and s["has_laps"] for s in sessions)
    chart_kinds = [
        k for k in CHART_KINDS if has_laps and (k not in charts.RACE_ONLY_CHARTS or ref.kind in RACE_LIKE_KINDS)
    ]
    try:
        weather = analysis.view(pb, ref, "weather").to_dict()
    except (NotAvailableError, NotFoundError):
        weather = None
    by_class: dict[str, list[dict[str, Any]]] = {}
    for row in jsonable(results["results"]):
        by_class.setdefault(row["class"], []).append(row)
    data = {
        **jsonable(results),
        "summary": jsonable(summary),
        "weather": jsonable(weather),
        "charts": chart_kinds,
        "chart_class": code,
        "views": _views_for(ref, has_laps),
        "sessions": [{k: s[k] for k in ("session_id", "slug", "kind", "name", "start_local")} for s in sessions],
    }
    return View(
        f"{ref.event.event_name} {season} · {ref.name}",
        "session.html",
        data,
        {"results": data["results"]},
        [
            (str(season), f"/{season}"),
            (ref.event.event_name, url_event(season, ref.event.event_name)),
            (ref.name, url_session(season, ref.event.event_name, ref.slug)),
        ],
        {
            "by_class": by_class,
            "classes": list(ref.classes),
            "ref": ref,
            "has_laps": has_laps,
            "cars_raced": _cars_raced(pb, season),
        },
    )


def _views_for(ref: SessionRef, has_laps: bool) -> list[str]:
    """The lap-by-lap views a session has: every one with a laps file (laps led and the finishing
    order in races only), else the weather."""
    if not has_laps:
        return ["weather"]
    race = ref.kind in RACE_LIKE_KINDS
    return [v for v in SESSION_VIEWS if race or v not in analysis.RACE_ONLY_VIEWS]


def _cars_raced(pb: Pitboard, season: int) -> set[str]:
    """The cars of a season with a car page (a championship race), as "number/team-slug"."""
    return {f"{c['number']}/{slug(c['team'])}" for c in records(pb.cars(season)) if c["championship_races"]}


def race_view(
    pb: Pitboard, season: int, event: str, session: str, view: str, cls: str | None = None, car: list[str] | None = None
) -> View:
    """One lap-by-lap view of a session (``pitboard race SEASON EVENT VIEW``)."""
    if view not in SESSION_VIEWS:
        raise InputError(f"no view {view!r}: choose one of {', '.join(SESSION_VIEWS)}", list(SESSION_VIEWS))
    ref = find_session(pb, season, event, session)
    code = stats.check_class(pb, cls, season) if cls else None
    answer = analysis.view(pb, ref, view, code, cars=tuple(car or ()))
    data = jsonable(answer.to_dict())
    data["columns"] = list(answer.columns)
    return View(
        f"{ref.event.event_name} {season} · {ref.name} · {view}",
        "view.html",
        data,
        {view: data["rows"]},
        [
            (str(season), f"/{season}"),
            (ref.event.event_name, url_event(season, ref.event.event_name)),
            (ref.name, url_session(season, ref.event.event_name, ref.slug)),
            (view, ""),
        ],
        {"ref": ref, "classes": list(ref.classes), "views": _views_for(ref, True)},
    )


def chart_data(
    pb: Pitboard, season: int, event: str, session: str, kind: str, cls: str | None = None, car: list[str] | None = None
) -> View:
    """What a chart plots (``charts.data``), with the driver of each car on each lap where the
    chart is lap by lap (for hovering)."""
    ref = find_session(pb, season, event, session)
    code = stats.check_class(pb, cls, season) if cls else None
    answer = charts.data(pb, ref, kind, code, tuple(car or ()))
    data = jsonable(answer.to_dict())
    if kind in INTERACTIVE_CHARTS and data["rows"]:
        laps = analysis.view(pb, ref, "positions", answer.cls).rows
        drivers = {(r["number"], r["lap"]): r.get("driver_id") for r in laps}
        for row in data["rows"]:
            row["drivers"] = [drivers.get((row["number"], int(x))) for x in row["x"]]
    teams = {
        r["number"]: {"team": r["team"], "crew": r["drivers"]}
        for r in pb.classification(season, ref.event.event_name, ref.slug).rows
        if r["class"] == answer.cls
    }
    for row in data["rows"]:
        row.update(teams.get(row["number"], {}))
    crumbs = [
        (str(season), f"/{season}"),
        (ref.event.event_name, url_event(season, ref.event.event_name)),
        (ref.name, url_session(season, ref.event.event_name, ref.slug)),
        (kind, ""),
    ]
    series = [{k: v for k, v in r.items() if k not in ("x", "y", "drivers")} for r in data["rows"]]
    return View(
        answer.title, "chart.html", data, {"series": series}, crumbs, {"ref": ref, "classes": list(ref.classes)}
    )


def chart_image(
    pb: Pitboard,
    season: int,
    event: str,
    session: str,
    kind: str,
    fmt: str,
    cls: str | None = None,
    car: list[str] | None = None,
) -> bytes:
    """A chart as PNG or SVG (the same drawing as ``pitboard race --chart``)."""
    ref = find_session(pb, season, event, session)
    code = stats.check_class(pb, cls, season) if cls else None
    content, _ = charts.render_bytes(pb, ref, kind, code, fmt, tuple(car or ()))
    return content


def subject_page(
    pb: Pitboard,
    kind: str,
    name: str,
    season: int | None = None,
    cls: str | None = None,
    since: str | None = None,
    until: str | None = None,
    team: str | None = None,
) -> View:
    """A driver, team, manufacturer or car: figures with coverage, season by season, the race
    list, firsts and streaks, cars, teams and co-drivers. For a car, ``name`` is its number,
    ``season`` its season and ``team`` its team (a car is season, number and team)."""
    if kind not in SUBJECT_KINDS:
        raise InputError(f"no kind {kind!r}", list(SUBJECT_KINDS))
    scope = _scope(pb, season, cls, since, until)
    if kind == "car":
        answer = pb.stats("car", name, car_team=_named(pb, "team", team) if team else None, **scope)
    else:
        answer = pb.stats(kind, _named(pb, kind, name), team=team, **scope)
    data = jsonable(answer.to_dict())
    subject = data.get(kind) or {}
    title = subject.get("name") or name
    co_drivers: dict[str, int] = {}
    if kind == "driver":
        for race in data.get("races", []):
            for other in (race.get("co_drivers") or "").split(" / "):
                if other and other != title:
                    co_drivers[other] = co_drivers.get(other, 0) + 1
    data["co_drivers"] = [
        {"name": n, "key": slug(n), "races": k} for n, k in sorted(co_drivers.items(), key=lambda p: (-p[1], p[0]))
    ]
    index = {"driver": "/drivers", "team": "/teams", "manufacturer": "/manufacturers"}.get(kind) or f"/cars/{season}"
    return View(
        title,
        "subject.html",
        data,
        {
            "seasons": data.get("seasons", []),
            "races": data.get("races", []),
            "poles": data.get("pole_list", []),
            "cars": data.get("cars", []),
        },
        [(f"{kind.capitalize()}s", index), (title, "")],
        {"kind": kind, "scope": scope, "team": team},
    )


def head_to_head_form(pb: Pitboard, a: str, b: str) -> View:
    """The head-to-head form's answer (``/drivers/A/vs?b=B``): the head-to-head, at its own address."""
    view = head_to_head(pb, a, b)
    view.redirect = url_driver(slug(view.data["a"])) + "/vs/" + slug(view.data["b"])
    return view


def head_to_head(pb: Pitboard, a: str, b: str, season: int | None = None, cls: str | None = None) -> View:
    """Two drivers in the races both started in the same class."""
    scope = _scope(pb, season, cls, None, None)
    answer = pb.head_to_head(_named(pb, "driver", a), _named(pb, "driver", b), season=scope["season"], cls=scope["cls"])
    data = jsonable(answer.to_dict())
    return View(
        f"{data['a']} vs {data['b']}",
        "h2h.html",
        data,
        {"races": data["races"]},
        [("Drivers", "/drivers"), (data["a"], url_driver(slug(data["a"]))), ("head to head", "")],
    )


def standings_page(
    pb: Pitboard, season: int, cls: str, championship: str = "drivers", after: str | None = None
) -> View:
    """Standings after any round, with the round-by-round points grid and whether they
    reproduce the published figures."""
    if championship not in CHAMPIONSHIPS:
        raise InputError(
            f"no championship {championship!r}: choose one of {', '.join(CHAMPIONSHIPS)}", list(CHAMPIONSHIPS)
        )
    stats.check_season(pb, season)
    code = stats.check_class(pb, cls, season)
    table = pb.standings(season, code, championship, after=find_event(pb, season, after).event_name if after else None)
    data = jsonable(table.to_dict())
    rounds = data["rounds_counted"]
    grid = []
    for row in data["standings"]:
        cells = {r: 0 for r in rounds}
        for item in row.get("detail", []):
            if item["round"] in cells:
                cells[item["round"]] += item["points"]
        grid.append(
            {
                "position": row["position"],
                "name": row["name"],
                "key": row["key"],
                "points": row["points"],
                "rounds": [cells[r] for r in rounds],
                "detail": row.get("detail", []),
            }
        )
    data["grid"] = {"rounds": rounds, "rows": [{k: v for k, v in g.items() if k != "detail"} for g in grid]}
    classes = sorted(next(s for s in records(pb.seasons()) if s["season"] == season)["classes"], key=class_rank)
    all_rounds = [e["event_name"] for e in records(pb.events(season)) if e["championship"] and e["status"] == "present"]
    csv_grid = [
        {
            "position": g["position"],
            "name": g["name"],
            "points": g["points"],
            **dict(zip(rounds, g["rounds"], strict=True)),
        }
        for g in grid
    ]
    return View(
        f"{season} {display_class(code)} {championship} standings" + (f" after {table.after}" if table.after else ""),
        "standings.html",
        data,
        {"standings": [{k: v for k, v in r.items() if k != "detail"} for r in data["standings"]], "grid": csv_grid},
        [(str(season), f"/{season}"), (f"{display_class(code)} standings", url_standings(season, code))],
        {
            "classes": classes,
            "code": code,
            "championship": championship,
            "championships": standings.championships(season, code),
            "class_championships": {c: standings.championships(season, c) for c in classes},
            "all_rounds": all_rounds,
            "grid": grid,
        },
    )


def leaders_page(
    pb: Pitboard,
    metric: str = "wins",
    by: str = "driver",
    season: int | None = None,
    cls: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 25,
) -> View:
    """A leaderboard with its filters."""
    if by not in SUBJECT_KINDS:
        raise InputError(f"no subject {by!r}: choose one of {', '.join(SUBJECT_KINDS)}", list(SUBJECT_KINDS))
    if not 1 <= limit <= 500:
        raise InputError("limit must be between 1 and 500", [])
    scope = _scope(pb, season, cls, since, until)
    answer = pb.leaders(metric, by=by, limit=limit, **scope)
    data = jsonable(answer.to_dict())
    seasons = [s["season"] for s in records(pb.seasons())]
    classes = sorted({c for s in records(pb.seasons()) for c in s["classes"]}, key=class_rank)
    return View(
        f"Leaders: {data['metric']} by {by}",
        "leaders.html",
        data,
        {"leaders": data["leaders"]},
        [("Leaders", "/leaders")],
        {
            "metrics": LEADER_METRICS,
            "kinds": SUBJECT_KINDS,
            "seasons": seasons,
            "classes": classes,
            "filters": {"metric": metric, "by": by, **scope, "limit": limit},
        },
    )


def listing(pb: Pitboard, kind: str, season: int | None = None) -> View:
    """Every driver, team, manufacturer, or the cars of a season."""
    if kind == "driver":
        rows = sorted(
            (
                jsonable({k: c[k] for k in ("driver_id", "name", "first_season", "last_season", "teams")})
                for c in stats.sq.driver_candidates(pb.db)
            ),
            key=lambda r: r["name"].casefold(),
        )
    elif kind == "team":
        rows = sorted(
            (
                jsonable({k: c[k] for k in ("team_id", "name", "first_season", "last_season")})
                for c in stats.sq.team_candidates(pb.db)
            ),
            key=lambda r: r["name"].casefold(),
        )
    elif kind == "manufacturer":
        rows = [{"name": n, "slug": slug(n)} for n in stats.sq.manufacturers(pb.db)]
    else:
        stats.check_season(pb, season)
        frame = pb.cars(season)
        rows = [r for r in records(frame) if r["championship_races"]]
        rows.sort(key=lambda r: (class_rank((r["classes"] or ["?"])[0]), analysis.car_key(r["number"])))
    title = {"driver": "Drivers", "team": "Teams", "manufacturer": "Manufacturers", "car": f"Cars of {season}"}[kind]
    return View(
        title,
        "listing.html",
        {"kind": kind, "season": season, "rows": rows},
        {kind + "s": rows},
        [(title, "")],
        {"kind": kind},
    )


def corrections_page(pb: Pitboard, season: int | None = None) -> View:
    """IMSA's decisions taken after the exports, as applied."""
    stats.check_season(pb, season)
    rows = [c for c in records(pb.corrections()) if season is None or c["season"] == season]
    names = {e["event_id"]: e["event_name"] for y in sorted({c["season"] for c in rows}) for e in records(pb.events(y))}
    for c in rows:  # where each decision applies, as a page: "2023/12-…/202306251040-race" → the race
        event_id, _, stamped = (c["session_id"] or "").rpartition("/")
        c["event_name"] = names.get(event_id)
        c["session_slug"] = stamped.split("-", 1)[1] if "-" in stamped else None
    return View(
        "Decisions taken after the exports",
        "corrections.html",
        {"season": season, "corrections": rows},
        {"corrections": rows},
        [("Corrections", "/corrections")],
    )


def search_page(pb: Pitboard, q: str = "") -> View:
    """One search box: drivers, teams, cars, manufacturers, events (typos forgiven; an ambiguous
    name lists its candidates). One clear answer redirects to its page."""
    if len(q) > 100:
        raise InputError("a search is at most 100 characters", [])
    answer = search.search(pb, q)
    data = jsonable(answer.to_dict())
    for row in data["results"]:
        row["url"] = url_for_search_row(row)
    redirect = data["results"][0]["url"] if answer.exact and data["results"] else None
    return View(
        f"Search: {q}" if q else "Search",
        "search.html",
        data,
        {"results": data["results"]},
        [("Search", "")],
        redirect=redirect,
    )


def source_row(pb: Pitboard, path: str, line: int | None = None) -> View:
    """A source file's row as the export has it: the header, the row's fields by name, and the
    lines around it. Only files the database was built from are shown (``path`` is looked up in
    the ``sources`` table, never opened as given)."""
    sources = pb.sources()
    match = sources[sources["path"] == path]
    if match.empty:
        raise NotFoundError(f"no source file {path!r} in this database", [])
    row = records(match)[0]
    root = Path(pb.db.meta.get("data_root", ""))
    file = root / row["path"]
    if not file.is_file():
        raise NotAvailableError(f"{row['path']} is not on this machine any more (the database was built from {root})")
    text = file.read_bytes().decode("utf-8-sig", errors="replace").splitlines()
    if line is not None and not 1 <= line <= len(text):
        raise InputError(f"{row['path']} has lines 1 to {len(text)}", [])
    header = next(csv.reader(io.StringIO(text[0]))) if text else []
    fields: list[dict[str, str]] = []
    context: list[dict[str, Any]] = []
    if line is not None:
        values = next(csv.reader(io.StringIO(text[line - 1])), [])
        fields = [{"column": h.strip(), "value": v} for h, v in zip(header, values, strict=False) if h.strip()]
        lo, hi = max(2, line - SOURCE_CONTEXT), min(len(text), line + SOURCE_CONTEXT)
        context = [{"line": n, "text": text[n - 1], "this": n == line} for n in range(lo, hi + 1)]
    data = {
        "source": row,
        "line": line,
        "lines": len(text),
        "header": [h.strip() for h in header],
        "fields": fields,
        "context": context,
    }
    return View(
        f"{row['path']}" + (f", line {line}" if line else ""),
        "source.html",
        data,
        {"fields": fields},
        [("Sources", ""), (row["path"], url_source(row["path"]))],
    )


#: The longest article the claim checker takes (characters).
MAX_ARTICLE = 50_000


def _annotate(text: str, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article as paragraphs of pieces: plain text, or a claim's span (its index in
    ``claims``); claims overlapping an earlier one are listed but not marked twice."""
    paragraphs = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        start, end = match.span()
        pieces: list[dict[str, Any]] = []
        at = start
        inside = []
        for i, claim in enumerate(claims):
            if claim["start"] >= start and claim["end"] <= end:
                inside.append(i)
                if claim["start"] >= at:
                    if claim["start"] > at:
                        pieces.append({"text": text[at : claim["start"]], "claim": None})
                    pieces.append({"text": text[claim["start"] : claim["end"]], "claim": i})
                    at = claim["end"]
        if at < end:
            pieces.append({"text": text[at:end], "claim": None})
        paragraphs.append({"pieces": pieces, "claims": inside})
    return paragraphs


def check_page(pb: Pitboard, text: str = "", date: str = "") -> View:
    """The claim checker: every statistical claim of an article published on ``date``, with its
    verdict, explanation and evidence, the article annotated paragraph by paragraph."""
    import datetime as dt

    if not text.strip():
        today = dt.date.today().isoformat()
        return View(
            "Check an article",
            "check.html",
            {"claims": []},
            {"claims": []},
            [("Check", "/check")],
            {"text": "", "date": date or today, "paragraphs": []},
        )
    if len(text) > MAX_ARTICLE:
        raise InputError(f"an article is at most {MAX_ARTICLE:,} characters (this one has {len(text):,})", [])
    if not date:
        raise InputError(
            "give the article's publication date (YYYY-MM-DD): 'this season' and 'last year' are read from it",
            ["YYYY-MM-DD"],
        )
    answer = pb.check(text, date)
    data = jsonable(answer.to_dict())
    data["date"] = jsonable(answer.date)
    data["counts"] = answer.counts()
    table = [
        {k: c[k] for k in ("start", "end", "text", "type", "verdict", "reason", "explanation")} for c in data["claims"]
    ]
    return View(
        "Claim check",
        "check.html",
        data,
        {"claims": table},
        [("Check", "/check")],
        {"text": text, "date": date, "paragraphs": _annotate(text, data["claims"])},
    )
