"""One search box over drivers, teams, cars, manufacturers and events (the web app's home page).

``search(pb, "blomqvst")`` returns a ``SearchAnswer`` whose rows are what the text may mean, best
first: ``kind`` (driver, team, car, manufacturer, event), ``key`` (the id a page is found by),
``name``, ``detail`` (seasons, team, date), ``how`` and ``confidence``. The resolvers the rest of
the library uses come first (so "AXR", "Pipo", "the Glen" and "#31" mean here what they mean to
``pitboard stats``), then every name that contains the words or is close to them, so a typo or an
ambiguous surname lists candidates instead of guessing.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pitboard import queries, resolve
from pitboard.answers import Answer
from pitboard.domain.names import driver_key, team_key
from pitboard.exceptions import NotFoundError
from pitboard.queries import stats as sq

if TYPE_CHECKING:
    from pitboard.api import Pitboard

#: The kinds of thing a search finds, in the order equal scores are listed.
KINDS = ("driver", "team", "car", "manufacturer", "event")
#: Below this closeness (difflib ratio) a name is not offered.
MIN_RATIO = 0.72


@dataclass(frozen=True)
class SearchAnswer(Answer):
    """What ``query`` may mean, best first (``exact``: one row the resolvers read without doubt)."""

    query: str = ""
    exact: bool = False
    rows_key = "results"


def _add(found: dict[tuple[str, str], dict[str, Any]], row: dict[str, Any]) -> None:
    key = (row["kind"], row["key"])
    if key not in found or found[key]["confidence"] < row["confidence"]:
        found[key] = row


def _closeness(query: str, names: list[str]) -> float:
    """1.0 for an equal name, 0.9 when every word of the query starts a word of a name, else the
    best difflib ratio against a name or its last word."""
    best = 0.0
    words = query.split()
    for name in names:
        if not name:
            continue
        if name == query:
            return 1.0
        parts = name.split()
        if words and all(any(p.startswith(w) for p in parts) for w in words):
            best = max(best, 0.9)
        best = max(best, difflib.SequenceMatcher(None, query, name).ratio())
        if parts:
            best = max(best, difflib.SequenceMatcher(None, query, parts[-1]).ratio())
    return best


def search(pb: Pitboard, query: str, limit: int = 20) -> SearchAnswer:
    """Everything ``query`` may name, best first (at most ``limit`` rows)."""
    text = " ".join(query.split())[:100]
    if not text:
        return SearchAnswer(query=query, notes=("Type a driver, team, car number, manufacturer or event.",))
    db = pb.db
    found: dict[tuple[str, str], dict[str, Any]] = {}
    drivers = sq.driver_candidates(db)
    teams = sq.team_candidates(db)
    by_driver = {c["driver_id"]: c for c in drivers}
    by_team = {c["team_id"]: c for c in teams}
    resolved = []

    def driver_row(c: dict, how: str, confidence: float) -> dict[str, Any]:
        return {
            "kind": "driver",
            "key": c["driver_id"],
            "name": c["name"],
            "detail": f"{c['first_season']}–{c['last_season']}"
            + (f" · {', '.join(c['teams'][:2])}" if c.get("teams") else ""),
            "how": how,
            "confidence": confidence,
        }

    def team_row(c: dict, how: str, confidence: float) -> dict[str, Any]:
        return {
            "kind": "team",
            "key": c["team_id"],
            "name": c["name"],
            "detail": "team",
            "how": how,
            "confidence": confidence,
        }

    # 1. the resolvers the rest of the library uses
    for kind, attempt in (
        ("driver", lambda: resolve.match_driver(text, drivers)),
        ("team", lambda: resolve.match_team(text, teams)),
    ):
        try:
            res = attempt()
        except NotFoundError:
            continue
        resolved.append(res)
        cand = by_driver.get(res.key) if kind == "driver" else by_team.get(res.key)
        if cand is not None:
            _add(found, (driver_row if kind == "driver" else team_row)(cand, res.how, res.confidence))
    try:
        number = resolve.car_number(text)
    except NotFoundError:
        number = None
    if number is not None:
        for car in sq.cars_numbered(db, number, None):
            _add(
                found,
                {
                    "kind": "car",
                    "key": car["car_id"],
                    "name": f"#{car['number']} {car['team']} ({car['season']})",
                    "detail": f"{car['class']} · {car['races']} races",
                    "season": car["season"],
                    "how": "car number",
                    "confidence": 1.0,
                },
            )
    manufacturers = sq.manufacturers(db)
    try:
        res = resolve.match_manufacturer(text, manufacturers)
        _add(
            found,
            {
                "kind": "manufacturer",
                "key": res.key,
                "name": res.name,
                "detail": "manufacturer",
                "how": res.how,
                "confidence": res.confidence,
            },
        )
    except NotFoundError:
        pass

    # 2. every name close to the words (candidates for typos and shared surnames)
    q_driver, q_team = driver_key(text), team_key(text)
    for c in drivers:
        score = _closeness(q_driver, c["_keys"] if "_keys" in c else [driver_key(c["name"])])
        if score >= MIN_RATIO:
            _add(found, driver_row(c, "similar name", round(score * 0.95, 2)))
    for c in teams:
        score = _closeness(q_team, [team_key(s) for s in [c["name"], *c["spellings"]]])
        if score >= MIN_RATIO:
            _add(found, team_row(c, "similar name", round(score * 0.95, 2)))
    for name in manufacturers:
        score = _closeness(q_team, [team_key(name)])
        if score >= MIN_RATIO:
            _add(
                found,
                {
                    "kind": "manufacturer",
                    "key": name,
                    "name": name,
                    "detail": "manufacturer",
                    "how": "similar name",
                    "confidence": round(score * 0.95, 2),
                },
            )
    for season in queries.season_numbers(db):
        for ev in queries.event_candidates(db, season):
            if not ev.get("championship"):
                continue
            names = [driver_key(ev["event_name"])] + [driver_key(a) for a in ev["names"].split(";") if a]
            score = _closeness(q_driver, names)
            try:
                if resolve.match_event(text, [ev])["event_id"] == ev["event_id"]:
                    score = max(score, 0.9)
            except NotFoundError:
                pass
            if score >= MIN_RATIO:
                _add(
                    found,
                    {
                        "kind": "event",
                        "key": ev["event_id"] or f"{season}/missing",
                        "season": season,
                        "name": f"{ev['event_name']} {season}",
                        "detail": "missing from the data" if ev["status"] == "missing" else str(ev["race_date"] or ""),
                        "how": "event name",
                        "confidence": round(score * 0.9, 2),
                    },
                )
    rows = sorted(
        found.values(), key=lambda r: (-r["confidence"], KINDS.index(r["kind"]), -r.get("season", 0), r["name"])
    )[:limit]
    exact = len(rows) == 1 or (bool(rows) and rows[0]["confidence"] >= 0.85 and rows[1]["confidence"] < 0.85)
    notes = () if rows else (f"Nothing matches {text!r}.",)
    return SearchAnswer(
        rows=tuple(rows),
        resolved=tuple(resolved),
        sources=("drivers", "teams", "cars", "calendar"),
        notes=notes,
        query=text,
        exact=exact,
    )
