"""Championship standings reconstructed from IMSA's rules (``pitboard.rules``), round by round.

The results files carry no points: pitboard rebuilds the championships from the official
classifications (post-export decisions applied) and the rules files, and says where the
reconstruction is uncertain:

* drivers: race points of every car a driver was listed on (cars that took the start), plus the
  car's qualifying points; teams: each car is its own entry ("#7 Porsche Penske Motorsport");
  manufacturers: each make's best car, ranked among the makes (single-source rule, flagged);
* the Michelin Endurance Cup from checkpoint positions computed from the laps at the set hours;
  the Rolex 24 has no laps file, so its intermediate checkpoints are not computable: those
  standings say so and count the finish checkpoint only;
* points penalties published by IMSA (corrections.csv) apply from the first round after the
  decision; ties go to more wins, then more seconds, thirds;
* drive-time eligibility is not modelled (the per-event minimums are not published in a form we
  could read) beyond the forfeits IMSA published (``driver_points_forfeit`` in corrections.csv):
  every other listed driver scores;
* every table is checked against the published figures on file (``published_standings.csv``):
  ``verification`` says whether it reproduces them, and by how much it differs where not.

A season with rounds missing from the data (2021 Detroit, 2025 after July) is labelled
incomplete with the rounds named, and has no champion.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

from pitboard import resolve
from pitboard.choices import CHAMPIONSHIPS as _CHAMPIONSHIPS
from pitboard.domain.classes import display_class, normalise_class
from pitboard.exceptions import InputError, NotFoundError
from pitboard.queries import standings as sq
from pitboard.queries import stats as statsq
from pitboard.rules import Rules
from pitboard.rules import load as load_rules
from pitboard.stats import event_in_season

if TYPE_CHECKING:
    import pandas as pd

    from pitboard.api import Pitboard

CHAMPIONSHIPS = _CHAMPIONSHIPS


@dataclass
class Row:
    """One line of a standings table."""

    position: int
    name: str
    key: str
    points: int
    wins: int
    seconds: int
    thirds: int
    starts: int
    behind: int
    detail: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Standings:
    """A championship table after a round (or final), with what it covers and how sure it is."""

    season: int
    cls: str
    championship: str
    after: str | None
    rounds_counted: list[str]
    complete: bool
    missing_events: list[str]
    champion: str | None
    notes: list[str]
    rows: list[Row]
    #: Whether this table reproduces the figures IMSA and the press published for it (``verify``).
    verification: Verification | None = None

    #: The tables and reference files the standings are rebuilt from.
    sources = ("race_results", "race_drivers", "grids", "results", "laps", "corrections", "rules/<season>.toml")

    def frame(self) -> pd.DataFrame:
        """The table's rows (position, name, points, behind, wins, seconds, thirds, starts)."""
        import pandas as pd

        return pd.DataFrame([{k: v for k, v in asdict(r).items() if k != "detail"} for r in self.rows])

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["class"] = out.pop("cls")
        out["standings"] = out.pop("rows")
        out["verified"] = self.verification is not None and self.verification.status == "verified"
        if self.verification is not None:
            out["verification"] = {
                "status": self.verification.status,
                "checked": self.verification.checked,
                "matched": self.verification.matched,
                "figures": [asdict(f) for f in self.verification.figures],
            }
        return out


@dataclass
class FigureCheck:
    """One published figure against pitboard's reconstruction of the same table."""

    figure_id: str
    season: int
    cls: str
    championship: str
    after: str
    subject: str
    metric: str
    published: int
    computed: int | None
    matches: bool
    source: str
    known_difference: str | None


@dataclass
class Verification:
    """``verified``: every published figure for this table is reproduced exactly; ``differs``:
    at least one is not (each with by how much and, where known, why); ``unverified``: nothing
    was published (or collected) for this exact table."""

    status: str
    figures: list[FigureCheck]

    @property
    def checked(self) -> int:
        return len(self.figures)

    @property
    def matched(self) -> int:
        return sum(1 for f in self.figures if f.matches)

    def line(self) -> str:
        if self.status == "unverified":
            return "Verification: no published figure for this table is on file: a reconstruction, not verified."
        if self.status == "verified":
            return f"Verification: verified: reproduces all {self.checked} published figures on file."
        diffs = [f for f in self.figures if not f.matches]
        parts = [
            f"{f.subject} {f.metric} published {f.published}, here {f.computed if f.computed is not None else 'n/a'}"
            + (f" ({f.known_difference})" if f.known_difference else "")
            for f in diffs
        ]
        return f"Verification: DIFFERS: reproduces {self.matched} of {self.checked} published figures; " + "; ".join(
            parts
        )


def _points_table(rules: Rules, order: list[dict[str, Any]], scorer: str) -> dict[str, int]:
    """car_id → points for a class order (already sorted by class position)."""
    fn = rules.race_points if scorer == "race" else rules.qualifying_points
    return {car["car_id"]: fn(car["class_position"]) for car in order}


def _manufacturer_points(rules: Rules, order: list[dict[str, Any]], scorer: str) -> dict[str, int]:
    """Best car per make, ranked among makes (RULES.md §3, single source)."""
    fn = rules.race_points if scorer == "race" else rules.qualifying_points
    best: dict[str, int] = {}
    for car in order:
        if car["manufacturer"] and car["manufacturer"] not in best:
            best[car["manufacturer"]] = car["class_position"]
    ranked = sorted(best, key=lambda m: best[m])
    return {make: fn(rank) for rank, make in enumerate(ranked, start=1)}


class _Tally:
    """Running totals of one championship: points, placings and per-round detail."""

    def __init__(self) -> None:
        self.points: dict[str, int] = defaultdict(int)
        self.names: dict[str, str] = {}
        self.placings: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        self.starts: dict[str, int] = defaultdict(int)
        self.detail: dict[str, list[dict[str, Any]]] = defaultdict(list)

    def add(self, key: str, name: str, points: int, round_name: str, what: str) -> None:
        self.points[key] += points
        self.names.setdefault(key, name)
        self.detail[key].append({"round": round_name, "what": what, "points": points})

    def placed(self, key: str, name: str, position: int | None) -> None:
        self.names.setdefault(key, name)
        self.starts[key] += 1
        if position in (1, 2, 3):
            self.placings[key][position - 1] += 1

    def rows(self) -> list[Row]:
        keys = sorted(self.points, key=lambda k: (-self.points[k], *(-p for p in self.placings[k]), self.names[k]))
        out: list[Row] = []
        leader = self.points[keys[0]] if keys else 0
        for i, key in enumerate(keys):
            tied = (
                out
                and out[-1].points == self.points[key]
                and [out[-1].wins, out[-1].seconds, out[-1].thirds] == self.placings[key]
            )
            out.append(
                Row(out[-1].position if tied else i + 1, self.names[key], key, self.points[key], *self.placings[key],
                    self.starts[key], leader - self.points[key], self.detail[key])
            )  # fmt: skip
        return out


def championships(season: int, cls: str) -> tuple[str, ...]:
    """The championships class ``cls`` has in ``season``: drivers', teams' and the Endurance Cup in
    every class; manufacturers' only where IMSA runs one (not LMP2 or LMP3)."""
    rules = load_rules(season)
    code = normalise_class(cls)
    return tuple(c for c in CHAMPIONSHIPS if c != "manufacturers" or code in rules.manufacturer_classes)


def compute(pb: Pitboard, season: int, cls: str, championship: str = "drivers", after: str | None = None) -> Standings:
    """The ``championship`` standings of class ``cls`` in ``season``, final or after the round
    ``after`` names ("sebring")."""
    if championship not in CHAMPIONSHIPS:
        raise InputError(f"unknown championship {championship!r}", list(CHAMPIONSHIPS))
    rules = load_rules(season)
    code = normalise_class(cls)
    if code not in rules.data["classes"]:
        raise InputError(f"no {cls!r} class in {season}", [display_class(c) for c in rules.data["classes"]])
    if championship == "manufacturers" and code not in rules.manufacturer_classes:
        raise InputError(
            f"{display_class(code)} has no manufacturers' championship",
            [display_class(c) for c in rules.manufacturer_classes],
        )
    db = pb.db
    calendar = [c for c in statsq.championship_calendar(db) if c["season"] == season]
    cutoff = None
    if after:
        event = event_in_season(db, season, after)
        cutoff = next((c["race_date"] for c in calendar if c["event_name"] == event["event_name"]), None)
        if cutoff is None:
            raise NotFoundError(f"{event['event_name']} is not a championship round of {season}")

    def counts(c: dict[str, Any]) -> bool:
        """A round that counts for this class and championship."""
        if code not in (c["classes"] or []):
            return False
        if championship == "endurance":
            return any(e["event_name"] == c["event_name"] and e["endurance_cup"] for e in calendar_ec)
        return rules.scores_season_points(_venue.get((c["season"], c["event_name"])), c["event_name"], code)[0]

    rounds_info = sq.calendar_rows(db, season)
    calendar_ec = [r for r in rounds_info if r["championship"]]
    _venue = {(season, r["event_name"]): r["venue_id"] for r in rounds_info}
    in_scope = [c for c in calendar if (cutoff is None or c["race_date"] <= cutoff) and counts(c)]
    missing = [
        f"{c['event_name']} ({c['race_date'].day} {c['race_date']:%b %Y})" for c in in_scope if c["status"] == "missing"
    ]
    races = [r for r in sq.race_rows(db, season) if r["class"] == code and (cutoff is None or r["race_date"] <= cutoff)]
    quali = [q for q in sq.qualifying_rows(db, season) if q["class"] == code]
    names = sq.driver_names(db)
    notes = [f"rule not confirmed: {u}" for u in rules.uncertain(championship, code)]
    notes.append(
        "drive-time eligibility is not modelled beyond the forfeits IMSA published (corrections.csv):"
        " every other driver listed on a car scores its points"
    )

    tally = _Tally()
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in races:
        by_event[r["event_id"]].append(r)
    rounds_counted = []
    penalties = sq.points_penalties(db, season)
    # a driver who forfeited a race's points (e.g. minimum drive time not met) scores none of it
    forfeited = {(p["session_id"], p["driver_id"]) for p in penalties if p["kind"] == "driver_points_forfeit"}
    for p in penalties:
        if p["kind"] == "driver_points_forfeit" and p["class"] == code:
            who = (
                names.get(p["driver_id"], p["value"])
                if p["driver_id"]
                else f"{p['value']} (not on the car: NOT applied)"
            )
            notes.append(f"{p['correction_id']}: {who} scores no points for this race ({p['description']})")
    for event_id, cars in sorted(by_event.items(), key=lambda kv: kv[1][0]["race_date"]):
        first = cars[0]
        round_name = f"{first['event_name']}"
        if championship == "endurance":
            if not first["endurance_cup"]:
                continue
            rounds_counted.append(round_name)
            notes += _endurance_round(pb, rules, cars, tally, names, round_name, penalties)
            continue
        scores, reason = rules.scores_season_points(first["venue_id"], first["event_name"], code)
        if not scores:
            notes.append(f"{round_name}: no season points for {display_class(code)} ({reason})")
            continue
        rounds_counted.append(round_name)
        # Race points follow the official classification: every classified car scores its class
        # position, including one that crashed on lap 1 (0 laps) and so has no "start" in the
        # statistics' sense; only a car that did not take the start ('Not started') scores none.
        started = sorted(
            (c for c in cars if c["classified"] and c["class_position"]), key=lambda c: c["class_position"]
        )
        qorder = [q for q in quali if q["event_id"] == event_id]
        has_quali_points = any(q["has_time"] for q in qorder)
        if qorder and not has_quali_points:
            notes.append(f"{round_name}: no {display_class(code)} car set a qualifying time: no qualifying points")
        race_by_number = {c["number"]: c for c in cars}
        if championship == "manufacturers":
            lost = {
                p["value"]
                for p in penalties
                if p["kind"] == "manufacturer_points_forfeit"
                and p["class"] == code
                and p["session_id"] == first["session_id"]
            }
            for make in sorted(lost):
                notes.append(
                    f"{round_name}: {make} forfeited its {display_class(code)} manufacturer points (IMSA decision)"
                )
            for make, pts in _manufacturer_points(rules, started, "race").items():
                tally.add(
                    make, make, 0 if make in lost else pts, round_name, "race (forfeited)" if make in lost else "race"
                )
            best = {}
            for car in started:
                best.setdefault(car["manufacturer"], car["class_position"])
            for make, pos in best.items():
                tally.placed(make, make, sorted(best.values()).index(pos) + 1)
            if has_quali_points:
                for make, pts in _manufacturer_points(rules, qorder, "qualifying").items():
                    if make not in lost:
                        tally.add(make, make, pts, round_name, "qualifying")
            continue
        # A driver listed on two cars of the class in one race (a third driver at Daytona) scores
        # with one car only: the better-placed one (IMSA had drivers nominate a car; unknown here).
        car_of: dict[str, str] = {}
        for car in started:
            pts = rules.race_points(car["class_position"])
            for key, name in _holders(championship, car, names):
                if car_of.setdefault(key, car["number"]) != car["number"]:
                    continue
                lost = (car["session_id"], key) in forfeited
                what = f"race P{car['class_position']}" + (": points forfeited" if lost else "")
                tally.add(key, name, 0 if lost else pts, round_name, what)
                tally.placed(key, name, car["class_position"])
        if has_quali_points:
            qualified = {q["number"] for q in qorder}
            for car in cars:
                if car["number"] not in qualified:
                    notes.append(
                        f"{round_name}: #{car['number']} is not in the {display_class(code)} qualifying classification: no qualifying points"
                    )
            for q in qorder:
                car = race_by_number.get(q["number"])
                if car is None:  # qualified in this class but did not race in it (withdrawn, or raced another class)
                    notes.append(
                        f"{round_name}: #{q['number']} qualified in {display_class(code)} but is not in its race classification: no qualifying points"
                    )
                    continue
                holder = car
                pts = rules.qualifying_points(q["class_position"])
                for key, name in _holders(championship, holder, names):
                    if car_of.setdefault(key, q["number"]) != q["number"]:
                        continue
                    if (car["session_id"], key) in forfeited:
                        continue
                    tally.add(key, name, pts, round_name, f"qualifying P{q['class_position']}")
        for pen in penalties:
            if (
                pen["kind"] == "points_penalty"
                and pen["class"] == code
                and str(pen["decided_on"]) < str(first["race_date"])
                and not pen.get("_applied")
            ):
                pen["_applied"] = True
                value = int(pen["value"])
                for key, name in _holders(
                    championship,
                    {"car_id": pen["car_id"], "number": pen["number"], "team": None, "drivers": pen["drivers"] or []},
                    names,
                ):
                    tally.add(key, name, value, round_name, f"penalty {pen['correction_id']}")
                notes.append(
                    f"{pen['correction_id']}: {value} points ({pen['description']}), applied from {round_name}"
                )
    rows = tally.rows()
    complete = not missing
    if championship == "endurance":
        complete = complete and not any("not computable" in n for n in notes)
    champion = None
    if rows and complete and cutoff is None:
        champion = " / ".join(r.name for r in rows if r.position == 1)
    if not complete and cutoff is None:
        notes.append("incomplete: no champion is named")
    table = Standings(
        season, code, championship, after, rounds_counted, complete, missing, champion, list(dict.fromkeys(notes)), rows
    )
    return replace(table, verification=verify(pb, table, [r["race_date"] for r in races], is_final=cutoff is None))


def _row_of(pb: Pitboard, table: Standings, subject: str, number: str | None) -> Row | None:
    """The standings row a published subject names: a driver (any of 'A / B'), a team entry
    (by car number) or a manufacturer."""
    plain = re.sub(r"\([^)]*\)", "", subject).strip()
    number = number or next(iter(re.findall(r"(?:#|No\.\s*)(\w+)", subject)), None)
    subject = plain
    if table.championship in ("drivers", "endurance"):
        by_key = {r.key: r for r in table.rows}
        candidates = statsq.driver_candidates(pb.db)
        for name in re.split(r"\s*(?:/|&|,|\band\b)\s*", subject):
            if not name:
                continue
            try:
                key = resolve.match_driver(name, candidates).key
            except NotFoundError:
                continue
            if key in by_key:
                return by_key[key]
        return None
    if table.championship == "teams":
        if number:
            hits = [r for r in table.rows if r.name.split(" ", 1)[0] == f"#{number}"]
            if len(hits) == 1:
                return hits[0]
        folded = subject.casefold()
        hits = [r for r in table.rows if r.name.split(" ", 1)[-1].casefold() in folded or folded in r.name.casefold()]
        return hits[0] if len(hits) == 1 else None
    try:
        make = resolve.match_manufacturer(subject, [r.name for r in table.rows]).key
    except NotFoundError:
        return None
    return next((r for r in table.rows if r.name == make), None)


def _reference_row(pb: Pitboard, table: Standings, reference: str) -> Row | None:
    """The row a gap is measured from: 'leader', 'second-placed …', or a named entry."""
    text = reference.casefold().strip()
    if not table.rows:
        return None
    if text.startswith("leader") or "(leader)" in text:
        return table.rows[0]
    if text.startswith(("second", "2nd", "runner-up")):
        return next((r for r in table.rows if r.points < table.rows[0].points), None)
    return _row_of(pb, table, reference, None)


def verify(pb: Pitboard, table: Standings, race_dates: list[Any], *, is_final: bool) -> Verification:
    """Check a standings table against the published figures on file for the same season,
    class and championship (``published_standings``) that describe the same rounds: a figure
    published after a round the class did not race describes the table after its last race."""
    counted = max(race_dates) if race_dates else None
    all_dates = sorted({r["race_date"] for r in sq.race_rows(pb.db, table.season) if r["class"] == table.cls})

    def same_rounds(figure: dict[str, Any]) -> bool:
        if figure["after"] == "final":
            return is_final
        if figure["race_date"] is None:
            return False
        before = [d for d in all_dates if d <= figure["race_date"]]
        return (before[-1] if before else None) == counted

    figures = [f for f in sq.published_figures(pb.db, table.season, table.cls, table.championship) if same_rounds(f)]
    checks = []
    for f in figures:
        if f["subject"].casefold().startswith(("leader", "second", "2nd", "runner-up")):
            row = _reference_row(pb, table, f["subject"])
        else:
            row = _row_of(pb, table, f["subject"], f["number"])
        computed: int | None = None
        if row is not None:
            if f["metric"] == "points":
                computed = row.points
            elif f["metric"] == "position":
                # drivers who share a car share a place: IMSA's tables rank crews ("2nd" is the
                # second crew), so count the distinct totals ahead
                computed = (
                    1 + len({r.points for r in table.rows if r.points > row.points})
                    if table.championship in ("drivers", "endurance")
                    else row.position
                )
            elif f["metric"] == "gap":
                ref = _reference_row(pb, table, f["reference"] or "leader")
                # a gap is a margin between two entries, whichever leads ("A leads B by 9")
                computed = None if ref is None else abs(ref.points - row.points)
        checks.append(
            FigureCheck(
                f["figure_id"], table.season, table.cls, table.championship, f["after"], f["subject"], f["metric"],
                f["value"], computed, computed == f["value"], f["source"], f["known_difference"],
            )
        )  # fmt: skip
    if not checks:
        return Verification("unverified", [])
    return Verification("verified" if all(c.matches for c in checks) else "differs", checks)


def _holders(championship: str, car: dict[str, Any], names: dict[str, str]) -> list[tuple[str, str]]:
    """Who scores a car's points in a championship: its drivers, or the car as a team entry."""
    if championship in ("drivers", "endurance"):
        return [(d, names.get(d, d)) for d in car["drivers"] or []]
    team = car.get("team") or car["car_id"].split("/")[-1]
    return [(car["car_id"], f"#{car['number']} {team}")]


def _endurance_round(
    pb: Pitboard,
    rules: Rules,
    cars: list[dict[str, Any]],
    tally: _Tally,
    names: dict[str, str],
    round_name: str,
    penalties: list[dict[str, Any]],
) -> list[str]:
    """Michelin Endurance Cup checkpoint points of one race, for drivers."""
    notes: list[str] = []
    hours = rules.checkpoints_hours(cars[0]["venue_id"])
    forfeits = {(p["number"], p["session_id"]) for p in penalties if p["kind"] == "endurance_points_forfeit"}
    by_number = {c["number"]: c for c in cars}
    checkpoints: list[tuple[str, list[dict[str, Any]]]] = []
    if hours and not cars[0]["has_laps"]:
        notes.append(
            f"{round_name}: the {', '.join(f'{h:g}h' for h in hours)} checkpoints are not computable (no laps file); only the finish is counted"
        )
    elif hours:
        for h in hours:
            rows = [
                r
                for r in sq.checkpoint_rows(pb.db, cars[0]["session_id"], int(h * 3_600_000))
                if r["number"] in by_number and r["laps"]
            ]
            rows.sort(key=lambda r: (-r["laps"], r["at_ms"]))
            checkpoints.append((f"{h:g}h", [{"number": r["number"], "running": r["running"]} for r in rows]))
    finish = sorted((c for c in cars if c["classified"] and c["class_position"]), key=lambda c: c["class_position"])
    checkpoints.append(
        ("finish", [{"number": c["number"], "running": c["finish_status"] == "running"} for c in finish])
    )
    # one car per driver per race, as in the season standings: the better-placed at the finish
    car_of: dict[str, str] = {}
    for car in finish:
        for key, _ in _holders("endurance", car, names):
            car_of.setdefault(key, car["number"])
    for label, order in checkpoints:
        for rank, entry in enumerate(order, start=1):
            if not entry["running"] and not rules.data["endurance_cup"]["retired_cars_score"]:
                continue
            car = by_number[entry["number"]]
            if (car["number"], car["session_id"]) in forfeits:
                continue
            for key, name in _holders("endurance", car, names):
                if car_of.get(key, car["number"]) != car["number"]:
                    continue
                tally.add(key, name, rules.endurance_points(rank), round_name, f"checkpoint {label} P{rank}")
                if label == "finish":
                    tally.placed(key, name, car["class_position"])
    here = [n for n, s in forfeits if s == cars[0]["session_id"]]
    if here:
        notes.append(f"{round_name}: Michelin Endurance Cup points forfeited by #{', #'.join(here)} (IMSA decision)")
    return notes


def reconcile(pb: Pitboard) -> list[FigureCheck]:
    """Every published figure on file, checked against the table it describes (season, class,
    championship and round): what ``pitboard reconcile`` prints and the README summarises."""
    checks: dict[str, FigureCheck] = {}
    for season, cls, championship, after in sq.published_tables(pb.db):
        table = compute(pb, season, cls, championship, after)
        for check in table.verification.figures if table.verification else []:
            checks.setdefault(check.figure_id, check)
    return [checks[k] for k in sorted(checks)]
