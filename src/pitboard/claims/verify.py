"""Deciding a claim: ask the library, compare, explain (DEFINITIONS.md, "Verdicts on claims").

* ``supported``: the data shows the claim over a scope it fully covers;
* ``contradicted``: the data shows otherwise even allowing for every missing round in scope. A
  count over a scope with missing rounds (2021 Detroit, 2025 after July) or reaching before 2021
  is an interval: the count in the data plus, per missing round, one more for a driver or a car
  (as many as the subject ran cars for a team or a manufacturer); before 2021 it has no upper
  end. The claim is contradicted only outside the interval;
* ``not checkable``: before the data, outside the championship, depends on a missing round, or
  not a statistic, with what the data does show.

Every figure comes from the facade (``Pitboard.stats``, ``standings``, ``event``,
``result_lines``): no SQL here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from pitboard.claims.grammar import HIGH_CONFIDENCE
from pitboard.claims.model import (
    AMBIGUOUS,
    BEFORE_DATA,
    CONTRADICTED,
    MISSING_ROUND,
    NO_LAP_DATA,
    NOT_CHECKABLE,
    SUPPORTED,
    Claim,
    ClaimVerdict,
)
from pitboard.claims.scope import FIRST_SEASON
from pitboard.claims.text import number
from pitboard.domain.names import team_key
from pitboard.exceptions import AmbiguousNameError, PitboardError
from pitboard.resolve import MANUFACTURER_ALIASES

#: Below this, an inferred slot cannot carry a ``supported`` verdict either (``_support_gate``).
SUPPORT_CONFIDENCE = 0.75

if TYPE_CHECKING:
    from pitboard.api import Pitboard
    from pitboard.stats import StatsAnswer

#: Figures a count can be about (``Figures`` attributes) and how to say them.
METRIC_WORDS = {
    "wins": "wins",
    "overall_wins": "overall wins",
    "podiums": "podiums",
    "poles": "poles",
    "starts": "starts",
    "fastest_laps": "fastest race laps",
    "top5s": "top-5 finishes",
    "seconds": "second places",
}


def _memo(store: dict[Any, Any], key: Any, fetch: Callable[[], Any]) -> Any:
    """``fetch()`` once per key for one check: its answer, or the library error it raised (raised
    again on every later ask, so a failed lookup is not repeated)."""
    if key not in store:
        try:
            store[key] = fetch()
        except PitboardError as exc:
            store[key] = exc
    found = store[key]
    if isinstance(found, PitboardError):
        raise found
    return found


@dataclass
class Outcome:
    verdict: str
    explanation: str
    reason: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    question: list[str] = field(default_factory=list)


class Checker:
    """Verifies claims against one database, remembering the answers it asked for."""

    def __init__(self, pb: Pitboard, date: dt.date) -> None:
        self.pb = pb
        self.date = date
        self._stats: dict[tuple, StatsAnswer | PitboardError] = {}
        self._calendar: dict[int, list[dict[str, Any]]] = {}
        self._editions: dict[tuple, Any] = {}
        self._seasons = sorted(int(s) for s in pb.seasons()["season"])
        self._where: dict[tuple[str, str], dict[str, Any]] = {}
        self._lines_done: set[str] = set()
        self._refs: dict[tuple[int, str], Any] = {}
        self._cars: dict[int, list[dict[str, Any]]] = {}

    # -- library calls (memoised) --------------------------------------------------------------
    def stats(self, kind: str, name: str, car_team: str | None = None, **scope: Any) -> StatsAnswer:
        key = (kind, name, car_team, tuple(sorted(scope.items())))
        return _memo(self._stats, key, lambda: self.pb.stats(kind, name, car_team=car_team, **scope))

    def calendar(self, season: int) -> list[dict[str, Any]]:
        if season not in self._calendar:
            frame = self.pb.calendar(season)
            rows = frame.to_dict("records") if len(frame) else []
            for r in rows:
                if r["race_date"] is not None and hasattr(r["race_date"], "date"):
                    r["race_date"] = r["race_date"].date()
                r["classes"] = list(r["classes"]) if r["classes"] is not None else []
            self._calendar[season] = rows
        return self._calendar[season]

    def lines(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The race rows as evidence: what they say and the source file and line."""
        if not rows:
            return []
        wanted = sorted({r["session_id"] for r in rows} - self._lines_done)
        if wanted:
            # one query for the sessions the handle has not read yet (``Database.memo``: the
            # source lines of a database file never change under it)
            db = self.pb.db
            missing = [w for w in wanted if db.recall(("source lines", w)) is None]
            found: dict[str, list[dict[str, Any]]] = {w: [] for w in missing}
            for rec in self.pb.result_lines(missing).to_dict("records") if missing else []:
                found[rec["session_id"]].append(rec)
            for w in wanted:
                for rec in db.memo(("source lines", w), lambda w=w: found[w]):
                    self._where[(rec["session_id"], rec["number"])] = rec
            self._lines_done.update(wanted)
        where = self._where
        out = []
        for r in rows:
            src = where.get((r["session_id"], r["number"]), {})
            out.append({
                "event": r.get("event_name"), "season": r.get("season"), "date": r.get("race_date"),
                "class": r.get("class"), "number": r.get("number"), "team": r.get("team"),
                "model": r.get("model"),
                "drivers": r.get("co_drivers") if "co_drivers" in r else r.get("drivers"),
                "class_position": r.get("class_position"), "position": r.get("position"),
                "pole": r.get("pole"), "fastest_lap": r.get("fastest_lap"), "corrected": r.get("corrected"),
                "source": src.get("source_path"), "line": src.get("source_line"),
            })  # fmt: skip
        return out

    # -- subjects ------------------------------------------------------------------------------
    def subject_stats(self, subj: dict[str, Any], claim: Claim, **scope: Any) -> StatsAnswer:
        if subj["kind"] == "car" and "season" not in scope:
            since = scope.get("since")
            season = since.year if since and since.year >= FIRST_SEASON else self.context_season(claim)
            scope = {**scope, "season": season}
        name, car_team = self._library_name(subj, claim, scope.get("season"))
        if subj["kind"] == "car":
            return self.stats("car", name, car_team=car_team, **scope)
        return self.stats(subj["kind"], name, **scope)

    def subject_races(self, subj: dict[str, Any], claim: Claim, season: int) -> Any:
        """A subject's race rows of one season (``Pitboard.races``: the rows without the figures,
        a third of the queries); the season's full answer when this check already has it."""
        kind = subj["kind"]
        name, car_team = self._library_name(subj, claim, season)
        full = self._stats.get((kind, name, car_team, (("season", season),)))
        if full is not None:
            if isinstance(full, PitboardError):
                raise full
            return full
        key = ("races", kind, name, car_team, season)
        return _memo(self._stats, key, lambda: self.pb.races(kind, name, car_team=car_team, season=season))

    def _car_races_at(self, subj: dict[str, Any], claim: Claim, season: int, event: str) -> list[dict[str, Any]]:
        """A car's started races at one event in one season (none if the number did not race)."""
        try:
            ref = self.event_ref(season, event)
            rows = self.subject_races(subj, claim, season).races
        except PitboardError:
            return []
        return [r for r in rows if r["started"] and r["event_name"] == ref.event_name and r["race_date"] <= self.date]

    def _missing_rounds(
        self, after: dt.date, until: dt.date, classes: Collection[str] | None = None, event: str | None = None
    ) -> list[str]:
        """The championship rounds missing from the data that ran after ``after`` and on or before
        ``until`` ("Event 2021"), of any of ``classes`` (None: of any class), editions of ``event``
        only when given: what could hide a result the claim depends on."""
        return [
            f"{c['event_name']} {y}" for y in range(after.year, until.year + 1) if y in self._seasons
            for c in self.calendar(y)
            if c["status"] == "missing" and c["race_date"] and after < c["race_date"] <= until
            and (classes is None or not c["classes"] or set(classes) & set(c["classes"]))
            and (event is None or _same_event(self.pb, event, {"season": y, "event_name": c["event_name"]}))
        ]  # fmt: skip

    def _library_name(self, subj: dict[str, Any], claim: Claim, season: int | None) -> tuple[str, str | None]:
        """The name to ask the library for a subject, and for a car the team that tells it apart:
        a car is its own number when the claim names several cars, else the claim's number."""
        if subj["kind"] == "car":
            numbers = claim.slots.get("numbers") or [subj["key"]]
            several = sum(1 for x in claim.slots.get("subject") or [] if x["kind"] == "car") > 1
            number = subj["key"] if subj["key"] in numbers or several else numbers[0]
            return number, self.car_team(str(number), season, claim)  # type: ignore[arg-type]
        if subj["kind"] == "driver":
            return subj["key"] and self._driver_name(subj), None
        return subj["name"], None

    def context_season(self, claim: Claim) -> int:
        """The season of a car named without a year: the paragraph's (else the article's) year,
        else the season the article is about."""
        year = (claim.slots.get("car_context") or {}).get("season")
        return year if year in self._seasons and dt.date(year, 1, 1) <= self.date else self.article_season()

    def car_team(self, number: str, season: int, claim: Claim) -> str | None:
        """The team that tells apart the cars numbered ``number`` in ``season`` (numbers are text:
        "023" is not "23"): the team named with the car, else the one car of the article's class
        or teams. A team named with the car that ran no car of that number is left to the
        descriptors (the car is still looked up, so the claim is checked, not lost)."""
        s = claim.slots
        context = s.get("car_context") or {}
        if season not in self._cars:
            frame = self.pb.cars(season)
            self._cars[season] = frame.to_dict("records") if len(frame) else []
        same = [c for c in self._cars[season] if str(c["number"]) == number and c["championship_races"]]
        stated = s.get("car_team")
        if stated and (any(team_key(c["team"]) == team_key(stated) for c in same) or not same):
            return stated
        if len(same) <= 1:
            return None
        cls = s.get("class") or context.get("class")
        pick = [c for c in same if cls and cls in list(c["classes"] or [])]
        if len(pick) != 1:
            teams = set(context.get("teams") or [])
            pick = [c for c in (pick or same) if c["team"] in teams]
        return pick[0]["team"] if len(pick) == 1 else None

    def article_season(self) -> int:
        """The season an article is about: the publication year once the Rolex 24 has run."""
        return self.date.year if self.date >= dt.date(self.date.year, 1, 24) else self.date.year - 1

    def _driver_name(self, subj: dict[str, Any]) -> str:
        return subj["name"]

    # -- the verdict -----------------------------------------------------------------------------
    def check(self, claim: Claim) -> ClaimVerdict:
        try:
            outcome = self._decide(claim)
        except PitboardError as exc:
            outcome = Outcome(NOT_CHECKABLE, f"The data cannot answer this: {exc}.", _reason_of(exc))
        if outcome.verdict == SUPPORTED and claim.slots.get("where"):
            outcome = self._listed_races(claim, outcome)
        if outcome.verdict == SUPPORTED:
            outcome = self._whole(claim, outcome)
        if outcome.verdict == CONTRADICTED:
            outcome = self._provenance_gate(claim, outcome)
        if outcome.verdict == CONTRADICTED:
            outcome = self._readings_gate(claim, outcome)
        elif outcome.verdict == SUPPORTED:
            outcome = self._support_gate(claim, outcome)
        sources = tuple(sorted({e["source"] for e in outcome.evidence if e.get("source")}))
        return ClaimVerdict(
            text=claim.text,
            start=claim.start,
            end=claim.end,
            type=claim.type,
            verdict=outcome.verdict,
            explanation=outcome.explanation,
            reason=outcome.reason if outcome.verdict == NOT_CHECKABLE else None,
            slots=dict(claim.slots),
            matched=tuple(m.matched() for m in claim.mentions),
            question="; ".join(outcome.question),
            evidence=tuple(outcome.evidence),
            sources=sources,
        )

    def _listed_races(self, claim: Claim, outcome: Outcome) -> Outcome:
        """A count or run that lists its races ("won twice, at A and B"; "the first three races,
        A, B and C"): each race listed must show it (a win, podium or pole there, that season)."""
        s = claim.slots
        metric = s.get("metric") or {"pole": "poles", "podium": "podiums"}.get(s.get("predicate") or "", "wins")
        seasons = s.get("seasons") or [self.article_season()]
        parts = []
        for e in s["where"]:
            slots = {
                "subject": s["subject"], "class": s.get("class"), "overall": False, "event": e,
                "seasons": seasons[-1:], "numbers": s.get("numbers"), "car_team": s.get("car_team"),
                "position": 3 if metric == "podiums" else 1, "at_most": metric == "podiums",
            }  # fmt: skip
            kind = "qualifying" if metric == "poles" else "result"
            if metric not in ("wins", "podiums", "poles"):
                return Outcome(
                    NOT_CHECKABLE,
                    f"{outcome.explanation[:-1]}; the races listed were not checked.",
                    AMBIGUOUS,
                    outcome.evidence,
                    outcome.question,
                )
            parts.append(self._result(replace(claim, type=kind, slots=slots)))
        evidence = outcome.evidence + [x for p in parts for x in p.evidence]
        text = outcome.explanation + " " + " ".join(p.explanation for p in parts)
        if all(p.verdict == SUPPORTED for p in parts):
            return Outcome(SUPPORTED, text, evidence=evidence, question=outcome.question)
        if any(p.verdict == CONTRADICTED for p in parts):
            return Outcome(CONTRADICTED, text, evidence=evidence, question=outcome.question)
        return Outcome(
            NOT_CHECKABLE, text, next(p.reason for p in parts if p.verdict == NOT_CHECKABLE), evidence, outcome.question
        )

    def _whole(self, claim: Claim, outcome: Outcome) -> Outcome:
        """``supported`` only when every part the claim states was checked: the names describing
        a car are checked against its race row; any part no slot holds (a second race, driver
        or position, "together", "all") leaves the claim ``not checkable (ambiguous reading)``."""
        s = claim.slots
        missing = list(s.get("unchecked") or [])
        rows = [e for e in outcome.evidence if e.get("number") is not None and not e.get("winner")]
        car = next((x for x in s.get("subject") or [] if x["kind"] == "car"), None)
        if car is None and claim.type == "championship" and s.get("descriptors"):
            # "the GTP title he won with Porsche Penske": the team he drove for that season
            car = next((x for x in s.get("subject") or [] if x["kind"] == "driver"), None)
        if not rows and car is not None and s.get("descriptors"):
            # a title or a count about a car: its describing names against its races of the season
            season = (s.get("seasons") or [self.article_season()])[-1]
            try:
                rows = [r for r in self.subject_races(car, claim, season).races if r["started"]]
            except PitboardError:
                rows = []
        for d in s.get("descriptors") or []:
            if not rows:
                missing.append(d["name"])
                continue
            if not any(_describes(d, r) for r in rows):
                names = ", ".join(dict.fromkeys(f"No. {r['number']} {r.get('team') or ''}".strip() for r in rows))
                return Outcome(
                    CONTRADICTED,
                    f"{outcome.explanation[:-1]}; but {d['name']} does not describe the car ({names}).",
                    evidence=outcome.evidence,
                    question=outcome.question,
                )
        if not missing:
            return outcome
        return Outcome(
            NOT_CHECKABLE,
            f"{outcome.explanation[:-1]}; but the claim also states {', '.join(repr(m) for m in missing)}, "
            "which was not checked, so it is not supported as a whole.",
            AMBIGUOUS,
            outcome.evidence,
            outcome.question,
        )

    def _decide(self, claim: Claim) -> Outcome:
        if claim.reason is not None:
            return Outcome(NOT_CHECKABLE, _REASON_TEXT[claim.reason], claim.reason)
        handler = {
            "count": self._count,
            "result": self._result,
            "qualifying": self._result,
            "fastest_lap": self._result,
            "championship": self._championship,
            "lineup": self._lineup,
            "streak": self._streak,
        }[claim.type]
        return handler(claim)

    # -- the provenance gate ---------------------------------------------------------------------
    def weak_slots(self, claim: Claim) -> list[tuple[str, dict[str, Any]]]:
        """The slots of a claim read with less than ``HIGH_CONFIDENCE``: not stated in its own
        clause but inferred (from the paragraph, the article, a pronoun, a near spelling, a
        default). The article's own race is a confident reading in a race report (published
        within ``REPORT_DAYS`` of that race)."""
        prov = claim.slots.get("provenance") or {}
        weak = []
        for slot, v in prov.items():
            if v["source"] == "stated" or v["confidence"] >= HIGH_CONFIDENCE:
                continue
            if slot == "event" and v["source"] == "article" and self._race_report(claim.slots):
                continue
            weak.append((slot, v))
        return weak

    def _race_report(self, slots: dict[str, Any]) -> bool:
        try:
            season, ref = self._edition(slots)
        except PitboardError:
            return False
        if ref is None or season is None:
            return False
        date = {c["event_name"]: c for c in self.calendar(season)}.get(ref.event_name, {}).get("race_date")
        return date is not None and dt.timedelta(0) <= self.date - date <= dt.timedelta(days=REPORT_DAYS)

    def _support_gate(self, claim: Claim, outcome: Outcome) -> Outcome:
        """A ``supported`` verdict under a guess is no better than a ``contradicted`` one: a slot
        read below ``SUPPORT_CONFIDENCE`` (the article's race in a season review, a count with no
        time read as a career figure) must give the same answer under the other reading (the
        article's season), else the claim is ``not checkable (ambiguous reading)``."""
        cars = all(x["kind"] == "car" for x in claim.slots.get("subject") or [])
        weak = [
            w for w in self.weak_slots(claim)
            if w[1]["confidence"] < SUPPORT_CONFIDENCE and not (cars and w[0] == "season")  # a car is one season
        ]  # fmt: skip
        if not weak:
            return outcome
        if all(slot == "season" and v["source"] == "default" for slot, v in weak):
            other = self._season_reading(claim)
            if other is not None and other.verdict == SUPPORTED:
                return outcome
        return _ambiguous_reading(weak, outcome)

    def _season_reading(self, claim: Claim) -> Outcome | None:
        """A count with no time re-read for the article's season alone (the other reading)."""
        alt = dict(claim.slots, seasons=[self.article_season()], since=None, until=None, career=False)
        alt["time"] = str(self.article_season())
        try:
            return self._decide(replace(claim, slots=alt))
        except PitboardError:
            return None

    def _provenance_gate(self, claim: Claim, outcome: Outcome) -> Outcome:
        """The provenance gate: a ``contradicted`` verdict needs every slot it rests on (subject,
        race, season) stated in the claim's clause or inferred with high confidence. Otherwise
        the writer may have meant another reading: ``not checkable (ambiguous reading)``, with
        what the data shows under the inferred one. A count with no time at all is read as a
        career figure; it stays ``contradicted`` when the article's season contradicts it too."""
        weak = self.weak_slots(claim)
        if [w for w in weak if w[0] == "season" and w[1]["source"] == "default"]:
            other = self._season_reading(claim)
            s = claim.slots
            if other is not None and other.verdict == SUPPORTED and s.get("where"):
                other = self._listed_races(claim, other)
            if other is not None and other.verdict == SUPPORTED and (s.get("starts") or s.get("where")):
                # "on the podium nine times in eleven races", "won twice, at Laguna Seca and at
                # Petit": a second figure or the races listed fit the article's season exactly,
                # which is the scope the writer meant, not a career
                return Outcome(
                    SUPPORTED,
                    f"Read for {self.article_season()}, the season the claim's races and figures fit: "
                    f"{other.explanation}",
                    evidence=other.evidence,
                    question=other.question,
                )
            if other is not None and other.verdict == CONTRADICTED:
                weak = [w for w in weak if w[0] != "season"]
                outcome = Outcome(
                    CONTRADICTED,
                    f"{outcome.explanation} Read for {self.article_season()} alone: {other.explanation}",
                    evidence=outcome.evidence + other.evidence,
                    question=outcome.question + other.question,
                )
        if not weak:
            return outcome
        return _ambiguous_reading(weak, outcome)

    def _readings_gate(self, claim: Claim, outcome: Outcome) -> Outcome:
        """The readings gate: a ``contradicted`` verdict must hold however the sentence is read.
        If the claim holds with another name of its sentence as the subject, or at the other
        race the sentence or paragraph is about, the writer may have meant that reading:
        ``not checkable (ambiguous reading)``, with both readings explained."""
        alts = claim.slots.get("alternatives") or {}
        readings = [
            (f"of {x['name']}", {**claim.slots, "subject": [x], "numbers": None, "car_stated": None})
            for x in alts.get("subjects") or []
            if claim.type in ("result", "qualifying", "fastest_lap", "count", "streak")
        ] + [(f"at {e}", {**claim.slots, "event": e, "events": None}) for e in alts.get("events") or []]
        for label, slots in readings:
            try:
                other = self._decide(replace(claim, slots={**slots, "alternatives": None}))
            except PitboardError:
                continue
            if other.verdict == SUPPORTED:
                return _holds_otherwise(outcome, other, label)
        return outcome

    # -- counts ----------------------------------------------------------------------------------
    def _race_date(self, name: str, season: int) -> dt.date | None:
        """The date of a race named in a season (None if it is not in that season's calendar)."""
        if season not in self._seasons:
            return None
        try:
            ref = self.event_ref(season, name)
        except PitboardError:
            return None
        day = next((c["race_date"] for c in self.calendar(season) if c["event_name"] == ref.event_name), None)
        return day if isinstance(day, dt.date) else None

    def _scope_calls(self, slots: dict[str, Any]) -> list[dict[str, Any]]:
        """The ``stats`` scopes that together cover the claim's time (up to the publication date)."""
        base: dict[str, Any] = {}
        if slots.get("class"):
            base["cls"] = slots["class"]
        if slots.get("event"):
            base["event"] = slots["event"]
        until = min(slots.get("until") or self.date, self.date)
        seasons = [s for s in slots.get("seasons") or [] if s in self._seasons]
        if slots.get("seasons"):
            return [{**base, "season": s, "until": until} for s in seasons if dt.date(s, 1, 1) <= until]
        since = slots.get("since")
        if since is not None and since.year >= FIRST_SEASON:
            return [{**base, "since": since, "until": until}]
        return [{**base, "until": until}]

    def _count(self, claim: Claim) -> Outcome:
        s = dict(claim.slots)
        if s.get("distinct"):
            return self._distinct(claim)
        if s.get("team_count") and s.get("class") and s.get("subject"):
            # "the team's third podium of the season": the class the article is on, unless the team
            # did not race it that season (the paragraph's class was another car's)
            season = (s.get("seasons") or [self.article_season()])[-1]
            try:
                raced = {r["class"] for r in self.subject_races(s["subject"][0], claim, season).races if r["started"]}
            except PitboardError:
                raced = set()
            if raced and s["class"] not in raced:
                s["class"] = next(iter(raced)) if len(raced) == 1 else None
                claim = replace(claim, slots=s)
        crew = [x for x in s["subject"] if x["kind"] == "driver"]
        joint = len(crew) > 1 and len(crew) == len(s["subject"]) and not s.get("apiece")
        if len(s["subject"]) > 1 and not joint:
            # "Cadillac and Acura have one win apiece": each subject's own count, all must hold
            parts = [self._count(replace(claim, slots={**s, "subject": [x]})) for x in s["subject"]]
            return _all_of(
                parts, " ".join(f"{x['name']}: {p.explanation}" for x, p in zip(s["subject"], parts, strict=True))
            )
        subj = s["subject"][0]
        if subj["kind"] == "car" and not s.get("seasons") and s.get("since") and s.get("car_team"):
            # "the Winward No. 57 has won nine races since 2022": the team's number in each season since
            first = max(s["since"].year, FIRST_SEASON)
            s.update(seasons=list(range(first, self.date.year + 1)), career=False)
        elif subj["kind"] == "car" and not s.get("seasons"):
            # a car is (season, number, team): the season the paragraph or article is about
            s.update(seasons=[self.context_season(claim)], career=False)
        if s.get("as_of"):
            # "its second win of the season": the count up to the race in hand
            raced = self._race_date(s["as_of"], (s.get("seasons") or [self.article_season()])[-1])
            if raced is not None and raced < min(s.get("until") or self.date, self.date):
                outcome = self._count(replace(claim, slots={**s, "as_of": None, "until": raced}))
                if outcome.verdict == CONTRADICTED and s.get("as_of_from_context"):
                    plain = self._count(replace(claim, slots={**s, "as_of": None}))
                    if plain.verdict != CONTRADICTED:
                        return Outcome(NOT_CHECKABLE, outcome.explanation + " (counted up to the race the "
                                       "article is about, which the sentence does not name)", AMBIGUOUS,
                                       outcome.evidence, outcome.question)  # fmt: skip
                return outcome
        metric = s["metric"]
        if s.get("ordinal") and s.get("starts") and metric != "starts" and not s.get("seasons") and not joint:
            return self._in_last_races(claim, s, subj, metric)
        calls = [v for scope in self._scope_calls(s) for v in self._event_variants(subj, claim, scope)]
        value, starts, slack, rows, questions, missing = 0, 0, 0, [], [], []
        for scope in calls:
            ans = self.subject_stats(subj, claim, **scope)
            questions.append(_question(subj, scope))
            if joint:
                # "Robinson and Fraga won five races (together)": the races they shared a car in
                shared = {(r["session_id"], r["number"]) for r in ans.races if r["started"]}
                for other in crew[1:]:
                    mate = self.subject_stats(other, claim, **scope)
                    questions.append(_question(other, scope))
                    shared &= {(r["session_id"], r["number"]) for r in mate.races if r["started"]}
                mine = [r for r in ans.races if (r["session_id"], r["number"]) in shared]
                value += sum(1 for r in mine if _counts(r, metric))
                starts += len(mine)
            elif s.get("of_races") and subj["kind"] in ("team", "manufacturer"):
                # "Cadillac has won four of the six races": races, not car starts
                started_races = {r["session_id"] for r in ans.races if r["started"]}
                value += len({r["session_id"] for r in ans.races if _counts(r, metric)})
                starts += len(started_races)
                mine = ans.races
            else:
                # a figure the stats keep, else counted from the race rows ("runner-up finishes")
                value += getattr(ans.figures, metric, None) or sum(1 for r in ans.races if _counts(r, metric))
                starts += ans.figures.starts
                mine = ans.races
            rows += [r for r in mine if _counts(r, metric)]
            missing += ans.coverage.missing_events
            slack += len(ans.coverage.missing_events) * _cars_per_race(ans, metric)
        before = _reaches_before(s)
        evidence = self.lines(rows[:60])
        if s.get("all_but") is not None:
            return self._every(s, value, starts, len(missing), evidence, questions, missing)
        claimed = s["value"]
        claimed_starts = s.get("starts")
        word = METRIC_WORDS[metric]
        shown = f"{value} {word}" + (
            f" in {starts} starts" if claimed_starts is not None and metric != "starts" else ""
        )
        span = _span_text(s, self.date)
        if not calls and not before:
            return Outcome(
                NOT_CHECKABLE,
                f"No championship race in the data is in the claim's time ({s.get('time')}).",
                MISSING_ROUND,
            )
        hi = None if before else value + slack
        hi_starts = None if before else starts + slack
        if (
            claimed < value
            or (hi is not None and claimed > hi)
            or (
                claimed_starts is not None
                and (claimed_starts < starts or (hi_starts is not None and claimed_starts > hi_starts))
            )
        ):
            extra = f"; {len(missing)} missing round(s) allow at most {hi}" if missing and hi is not None else ""
            return Outcome(CONTRADICTED, f"The data shows {shown} {span}{extra}, not {_claimed(claimed, word, claimed_starts)}.",
                           evidence=evidence, question=questions)  # fmt: skip
        if before:
            return Outcome(NOT_CHECKABLE, f"The data shows {shown} {span}; seasons before {FIRST_SEASON} are not in the data.",
                           BEFORE_DATA, evidence, questions)  # fmt: skip
        if slack:
            return Outcome(NOT_CHECKABLE, f"The data shows {shown} {span}; missing from the data: {'; '.join(missing)}.",
                           MISSING_ROUND, evidence, questions)  # fmt: skip
        return Outcome(SUPPORTED, f"The data shows {shown} {span}.", evidence=evidence, question=questions)

    def _in_last_races(self, claim: Claim, s: dict[str, Any], subj: dict[str, Any], metric: str) -> Outcome:
        """ "its second win in three races", "his third podium in four starts": the count over the
        subject's last M races up to the race in hand (a team's or make's races, not its cars')."""
        until = min(s.get("until") or self.date, self.date)
        scope: dict[str, Any] = {"until": until, **({"cls": s["class"]} if s.get("class") else {})}
        ans = self.subject_stats(subj, claim, **scope)
        question = [_question(subj, scope) + f" → its last {s['starts']} races"]
        races = sorted({(r["race_date"], r["session_id"]) for r in ans.races if r["started"]})
        last = races[-s["starts"] :]
        if len(last) < s["starts"]:
            return Outcome(NOT_CHECKABLE, f"The data shows {subj['name']} in {len(races)} races up to {until:%d %b %Y}; "
                           f"earlier races are before {FIRST_SEASON}.", BEFORE_DATA, question=question)  # fmt: skip
        sessions = {sid for _, sid in last}
        hits = [r for r in ans.races if r["session_id"] in sessions and _counts(r, metric)]
        value = len({r["session_id"] for r in hits})
        word = METRIC_WORDS[metric]
        shown = f"{value} {word} in {subj['name']}'s last {s['starts']} races up to {until:%d %b %Y}"
        raced = {r["class"] for r in ans.races if r["season"] in {d.year for d, _ in last}}
        gaps = self._missing_rounds(last[0][0] - dt.timedelta(days=1), until, raced)
        evidence = self.lines(hits)
        if gaps and value <= s["value"]:
            return Outcome(NOT_CHECKABLE, f"The data shows {shown}; missing from the data: {'; '.join(gaps)}.",
                           MISSING_ROUND, evidence, question)  # fmt: skip
        if value != s["value"]:
            return Outcome(
                CONTRADICTED, f"The data shows {shown}, not {s['value']}.", evidence=evidence, question=question
            )
        return Outcome(SUPPORTED, f"The data shows {shown}.", evidence=evidence, question=question)

    def _event_variants(self, subj: dict[str, Any], claim: Claim, scope: dict[str, Any]) -> list[dict[str, Any]]:
        """A scope whose race name means two races of one venue ("at the Glen" in 2021: the Six
        Hours and the WeatherTech 240) is both races: one scope each."""
        if not scope.get("event"):
            return [scope]
        try:
            self.subject_stats(subj, claim, **scope)
        except AmbiguousNameError as exc:
            names = [str(c).split(" (")[0] for c in exc.candidates or []]
            if names and all(n.casefold() != scope["event"].casefold() for n in names):
                return [{**scope, "event": n} for n in dict.fromkeys(names)]
        except PitboardError:
            pass
        return [scope]

    def _every(self, s: dict[str, Any], value: int, starts: int, gaps: int, evidence: list[dict[str, Any]],
               questions: list[str], missing: list[str]) -> Outcome:  # fmt: skip
        """ "a podium in every race (but one)": the count equals the starts less the exceptions. A
        missing round may hide a start (and its result): contradicted only if no result there
        could make it true."""
        k = s["all_but"]
        word = METRIC_WORDS[s["metric"]]
        shown = f"{value} {word} in {starts} starts {_span_text(s, self.date)}"
        short = value - (starts - k)  # the starts a missing round would have to add without the result
        claim = f"every start{f' but {k}' if k else ''}"
        n = s.get("all_of")
        if n is not None and (starts > n or starts + gaps < n):
            return Outcome(
                CONTRADICTED, f"The data shows {shown}, not {n} starts.", evidence=evidence, question=questions
            )
        if short == 0 and not gaps and (n is None or starts == n):
            return Outcome(SUPPORTED, f"The data shows {shown}: {claim}.", evidence=evidence, question=questions)
        if 0 <= short <= gaps:
            return Outcome(NOT_CHECKABLE, f"The data shows {shown}; missing from the data: {'; '.join(missing)}.",
                           MISSING_ROUND, evidence, questions)  # fmt: skip
        return Outcome(CONTRADICTED, f"The data shows {shown}, not {claim}.", evidence=evidence, question=questions)

    # -- one race: result, pole, fastest lap ------------------------------------------------------
    def _edition(self, slots: dict[str, Any]) -> tuple[int | None, Any]:
        """The season and event of a race claim: the year named, else the latest edition on or
        before the publication date."""
        key = (slots["event"], tuple(slots.get("seasons") or ()))
        return _memo(self._editions, key, lambda: self._find_edition(slots))

    def _find_edition(self, slots: dict[str, Any]) -> tuple[int | None, Any]:
        name = slots["event"]
        seasons = slots.get("seasons") or []
        candidates = [seasons[-1]] if seasons else [self.date.year, self.date.year - 1]
        for season in candidates:
            if season < FIRST_SEASON:
                return season, None
            if season not in self._seasons:
                if seasons:
                    return season, None
                continue  # the publication year has no race in the data yet: the year before
            ref = self.event_ref(season, name)
            cal = {c["event_name"]: c for c in self.calendar(season)}
            date = cal.get(ref.event_name, {}).get("race_date")
            if seasons or date is None or date <= self.date:
                return season, ref
        return None, None

    def _superlative(self, claim: Claim) -> Outcome:
        """ "Its worst result of the year was seventh (at Watkins Glen)": every class finish of the
        subject's season up to the publication date; a missing round could hold a better or worse one."""
        s = claim.slots
        subj = s["subject"][0]
        season = s["seasons"][-1]
        if season not in self._seasons:
            return Outcome(NOT_CHECKABLE, f"The {season} season is not in the data.", MISSING_ROUND)
        ans = self.subject_stats(subj, claim, season=season)
        rows = [
            r
            for r in ans.races
            if r["started"] and r["race_date"] <= self.date and (not s.get("class") or r["class"] == s["class"])
        ]
        if not rows:
            return Outcome(CONTRADICTED, f"{subj['name']} has no start in {season} up to {self.date:%d %b %Y}.")
        worst = s["superlative"] == "worst"
        pick = (max if worst else min)(rows, key=lambda r: r["class_position"] or 999)  # unclassified is worst
        actual = pick["class_position"]
        text = f"The data shows {subj['name']}'s {s['superlative']} class finish of {season} was {'P' + str(actual) if actual else 'unclassified'} at {pick['event_name']}"
        ok = actual == s["position"]
        if ok and s.get("event"):
            ref = self.event_ref(season, s["event"])
            there = [r for r in rows if r["event_name"] == ref.event_name]
            ok = bool(there) and there[0]["class_position"] == s["position"]
        evidence = self.lines([pick])
        if not ok:
            return Outcome(CONTRADICTED, text + ".", evidence=evidence)
        if ans.coverage.missing_events:
            return Outcome(
                NOT_CHECKABLE, text + f"; missing: {'; '.join(ans.coverage.missing_events)}.", MISSING_ROUND, evidence
            )
        return Outcome(SUPPORTED, text + ".", evidence=evidence)

    def _result(self, claim: Claim) -> Outcome:
        s = claim.slots
        if (
            s.get("positions")
            and len(s.get("events") or []) <= 1
            and all(x["kind"] in ("team", "manufacturer") for x in s["subject"])
        ):
            return self._team_places(claim)
        if s.get("positions"):
            # "finished fourth and fifth at A and B": respectively, only with as many races as places
            events = s.get("events") or []
            if len(events) != len(s["positions"]):
                return Outcome(
                    NOT_CHECKABLE, "The claim names several places but not one race for each of them.", AMBIGUOUS
                )
            pairs = [
                {**s, "event": e, "events": None, "positions": None, "position": p}
                for e, p in zip(events, s["positions"], strict=True)
            ]
        elif len(s.get("events") or []) > 1:
            pairs = [{**s, "event": e, "events": None} for e in s["events"]]
        else:
            pairs = []
        if pairs:
            # a list of races: the claim holds only if it holds at every one of them
            parts = [self._result(replace(claim, slots=p)) for p in pairs]
            return _all_of(parts, " ".join(p.explanation for p in parts))
        if s.get("superlative"):
            return self._superlative(claim)
        if s.get("order"):
            return self._order(claim)
        if s.get("laps_led") is not None:
            return self._laps_led(claim)
        season, ref, stop = self._race_edition(s)
        if stop is not None:
            return stop
        event_label = f"{ref.event_name} {season}"
        rows, questions, verdicts = [], [], []
        for subj in s["subject"]:
            # the subject's season (one call shared by every claim about it), then the race
            ans = self.subject_races(subj, claim, season)
            questions.append(_question(subj, {"season": season}) + f" → races at {ref.event_name}")
            mine = [
                r for r in ans.races
                if r["event_name"] == ref.event_name and (r["started"] or claim.type == "qualifying")
                and (not s.get("class") or r["class"] == s["class"])
            ]  # fmt: skip
            if not mine:
                verdicts.append((False, f"{subj['name']} did not start {event_label}"))
                continue
            if s.get("qualifier") == "pole":
                mine = [r for r in mine if r.get("pole")] or mine
            if subj["kind"] == "team" and s.get("team_make"):
                # "the AO Racing Porsche": the team's cars of that make, when it ran one
                mine = [r for r in mine if _make_of(r["model"]) == _make_of(s["team_make"])] or mine
            if s.get("one_two"):
                # "scored a one-two": the subject's cars first and second in the class
                places = sorted(r["class_position"] for r in mine if r["class_position"])
                rows += mine
                ok = places[:2] == [1, 2]
                shown = ", ".join(f"P{p}" for p in places) or "no classified car"
                verdicts.append((ok, f"{subj['name']}'s cars finished {shown} in class at {event_label}"))
                continue
            if subj["kind"] in ("team", "manufacturer") and len(mine) > 1 and s.get("last"):
                # "Proton's Porsche finished last": the car that was last of its class, if one was
                def last_place(x: dict[str, Any]) -> int:
                    field = self._race_rows(x["season"], x["event_name"], x["class"])
                    return max((y["class_position"] or 0 for y in field), default=0)

                lasts = [x for x in mine if x["class_position"] and x["class_position"] == last_place(x)]
                if len(lasts) <= 1:
                    mine = lasts or mine[:1]
            if subj["kind"] in ("team", "manufacturer") and len(mine) > 1:
                # several cars: a claim of a first (win, pole, fastest lap) needs one of them;
                # any other place must hold whichever car is meant, else which one is unclear
                facts = [_race_fact(claim, x, subj["name"], event_label) for x in mine]
                firsts = claim.type != "result" or (s.get("position") == 1 and not s.get("at_most"))
                good = [x for x, (ok, _) in zip(mine, facts, strict=True) if ok]
                in_context = [x for x in good if x["class"] == s.get("class_context")]
                if (firsts and good) or all(ok for ok, _ in facts) or not any(ok for ok, _ in facts):
                    mine = good or mine
                elif len(in_context) == 1 and len([x for x in mine if x["class"] == s.get("class_context")]) == 1:
                    # the one car in the class the article is on holds it ("the Vasser Sullivan
                    # Lexus finished eighth" in a GTD PRO paragraph); a miss there stays unclear
                    mine = in_context
                else:
                    return Outcome(NOT_CHECKABLE, f"{subj['name']} ran {len(mine)} cars {'in the class' if len({x['class'] for x in mine}) == 1 else 'across classes'} at {event_label} and they differ: "
                                   + "; ".join(t for _, t in facts) + ".", AMBIGUOUS, self.lines(mine))  # fmt: skip
            r = mine[0]
            rows.append(r)
            fact_claim = claim
            if s.get("field") and not s.get("last"):
                # "started sixth of the seven DPi cars": the class's size at that race
                size = len(self._race_rows(r["season"], r["event_name"], r["class"]))
                if s["field"] != size:
                    verdicts.append(
                        (False, f"the {r['class']} results at {event_label} list {size} cars, not {s['field']}")
                    )
            if s.get("last"):
                # "finished last (of the six DPi cars)": the class's last place, and its size
                field_rows = self._race_rows(r["season"], r["event_name"], r["class"])
                size = max((x["class_position"] or 0 for x in field_rows), default=0)
                if s.get("field") and s["field"] != len(field_rows):
                    verdicts.append(
                        (False, f"{len(field_rows)} cars started in {r['class']} at {event_label}, not {s['field']}")
                    )
                fact_claim = replace(claim, slots={**s, "position": size})
            ok, text = _race_fact(fact_claim, r, subj["name"], event_label)
            if s.get("car_stated") and subj["kind"] == "driver" and str(r["number"]) != str(s["car_stated"]):
                ok, text = (
                    False,
                    f"{subj['name']} drove the No. {r['number']} at {event_label}, not the No. {s['car_stated']}",
                )
            if claim.type == "fastest_lap" and subj["kind"] == "driver" and ok:
                # a driver's fastest lap is the one the driver set (the laps file says who), not the car's
                fig = self.subject_stats(subj, claim, season=season, event=ref.event_name).figures
                if fig.fastest_laps_set == 0 and not fig.fastest_laps_setter_unknown:
                    ok = False
                    text = f"{subj['name']}'s car set the class's fastest race lap at {event_label}, but another of its drivers set it"
            crew = sum(x["kind"] == "driver" for x in s["subject"]) > 1
            if claim.type == "qualifying" and s.get("pole_set") and subj["kind"] == "driver" and ok and not crew:
                # "Hawksworth put the No. 14 on pole": the driver who set the time, not the crew's
                # credit; "Priaulx and Rockenfeller put the No. 64 on pole" can only mean the crew
                fig = self.subject_stats(subj, claim, season=season, event=ref.event_name).figures
                if fig.poles_setter_unknown:
                    verdicts.append((None, f"{text}, but the data does not say which of its drivers set the time"))
                    continue
                if not fig.poles_set:
                    ok = False
                    text = f"{subj['name']}'s car took pole at {event_label}, but another of its drivers set the time"
            if s.get("on_road") and claim.type == "result":
                ok, text = self._on_road(r, s, subj["name"], event_label)
            if ok and (s.get("margin_s") is not None or s.get("laps_down") is not None or s.get("lap_time_ms")):
                # a detail attached to the result is checked too: never supported on a partial reading
                ok, detail = self._detail(r, s, season, ref.event_name)
                text += f"; {detail}"
            verdicts.append((ok, text))
        if s.get("together") and len({(r["session_id"], r["number"]) for r in rows}) > 1:
            verdicts.append((False, "they were not in the same car"))
        if s.get("only") and claim.type == "result" and rows and all(ok for ok, _ in verdicts):
            # "won only at Sebring this year": no other class win that season up to the date
            first = rows[0]
            season_rows = self.subject_races(s["subject"][0], claim, first["season"]).races
            wins = sorted({(r["race_date"], r["event_name"]) for r in season_rows
                           if r["started"] and r["class_position"] == 1 and r["race_date"] <= self.date})  # fmt: skip
            gaps = self._missing_rounds(
                dt.date(first["season"] - 1, 12, 31), min(self.date, dt.date(first["season"], 12, 31)), [first["class"]]
            )
            if len(wins) > 1:
                verdicts.append((False, f"it also won at {', '.join(e for _, e in wins if e != first['event_name'])} "
                                 f"in {first['season']}"))  # fmt: skip
            elif gaps:
                verdicts.append((None, f"{'; '.join(gaps)} (missing from the data) could hold another win"))
        evidence = self.lines(rows)
        if claim.type == "result" and any(not ok for ok, _ in verdicts) and rows:
            winner = self._winner(rows[0], s.get("overall"))
            if winner:
                evidence += winner
        text = "; ".join(t for _, t in verdicts)
        if any(ok is None for ok, _ in verdicts) and all(ok is not False for ok, _ in verdicts):
            return Outcome(NOT_CHECKABLE, f"The data shows {text}.", AMBIGUOUS, evidence, questions)
        if all(ok for ok, _ in verdicts):
            return Outcome(SUPPORTED, f"The data shows {text}.", evidence=evidence, question=questions)
        return Outcome(CONTRADICTED, f"The data shows {text}.", evidence=evidence, question=questions)

    def _subject_at_race(
        self, claim: Claim, what: str
    ) -> Outcome | tuple[str, dict[str, Any], list[dict[str, Any]], list[str]]:
        """The race a claim is about and its subject's starts there (label, subject, rows, the
        question asked), or why it cannot be checked."""
        season, ref, stop = self._race_edition(claim.slots)
        if stop is not None:
            return stop
        subj = claim.slots["subject"][0]
        ans = self.subject_races(subj, claim, season)
        rows = [r for r in ans.races if r["event_name"] == ref.event_name and r["started"]]
        question = [_question(subj, {"season": season}) + f" → {what} at {ref.event_name}"]
        return f"{ref.event_name} {season}", subj, rows, question

    def _team_places(self, claim: Claim) -> Outcome:
        """ "Wayne Taylor Racing's Cadillacs finished second and third": the team's (or make's)
        cars in the class took exactly those places."""
        s = claim.slots
        found = self._subject_at_race(claim, "races")
        if isinstance(found, Outcome):
            return found
        label, subj, rows, question = found
        rows = [r for r in rows if not s.get("class") or r["class"] == s["class"]]
        want = sorted(s["positions"])
        # the class in which the team ran as many cars as places named (its other classes are other cars)
        groups = [[r for r in rows if r["class"] == c] for c in sorted({r["class"] for r in rows})]
        fits = [g for g in groups if len(g) >= len(want)]
        if len(fits) != 1:
            return Outcome(NOT_CHECKABLE, f"{subj['name']} ran {len(rows)} cars at {label} in {len(groups)} classes: "
                           "which of them the places are about is not clear.", AMBIGUOUS, self.lines(rows), question)  # fmt: skip
        cars = fits[0]
        places = sorted(r["class_position"] for r in cars if r["class_position"])
        ok = all(p in places for p in want)
        shown = ", ".join(f"P{p}" for p in places) or "no classified car"
        text = f"The data shows {subj['name']}'s cars in {cars[0]['class']} at {label} finished {shown}"
        if ok and len(cars) > len(want):
            return Outcome(NOT_CHECKABLE, f"{text}; it ran more cars than the places named.", AMBIGUOUS,
                           self.lines(cars), question)  # fmt: skip
        return Outcome(SUPPORTED if ok else CONTRADICTED, text + ".", evidence=self.lines(cars), question=question)

    def _laps_led(self, claim: Claim) -> Outcome:
        """ "led 45 laps": the laps at whose line crossing the car led its class (DEFINITIONS.md),
        from the laps file; a driver is credited with the car's laps only if no one else drove it."""
        s = claim.slots
        found = self._subject_at_race(claim, "laps led")
        if isinstance(found, Outcome):
            return found
        label, subj, rows, question = found
        if len(rows) != 1:
            return Outcome(NOT_CHECKABLE, f"{subj['name']} has {len(rows)} starts at {label}: which car is meant is not clear.",
                           AMBIGUOUS, self.lines(rows), question)  # fmt: skip
        r = rows[0]
        led = r.get("laps_led")
        if led is None:
            return Outcome(NOT_CHECKABLE, f"{label} has no laps file, so laps led are not in the data.",
                           NO_LAP_DATA, self.lines(rows), question)  # fmt: skip
        text = f"The data shows the No. {r['number']} led {led} laps in {r['class']} at {label}"
        if subj["kind"] == "driver" and s["laps_led"] <= led and (r.get("co_drivers") or ""):
            # the car's laps are shared with its other drivers: a driver's own share is not in the data
            return Outcome(NOT_CHECKABLE, f"{text}; laps led are the car's, shared with {r['co_drivers']}.",
                           AMBIGUOUS, self.lines(rows), question)  # fmt: skip
        verdict = SUPPORTED if led == s["laps_led"] else CONTRADICTED
        claimed = s["laps_led"]
        tail = "" if verdict == SUPPORTED else f", not {claimed}"
        return Outcome(verdict, f"{text}{tail}.", evidence=self.lines(rows), question=question)

    def _race_edition(self, s: dict[str, Any]) -> tuple[int, Any, Outcome | None]:
        """The race a claim is about (season, event reference), or why it cannot be checked."""
        season, ref = self._edition(s)
        if season is not None and season < FIRST_SEASON:
            why = f"{season} is before the data (it starts in {FIRST_SEASON})."
            return season, ref, Outcome(NOT_CHECKABLE, why, BEFORE_DATA)
        if ref is None:
            why = f"No edition of {s['event']} on or before {self.date:%d %b %Y} is in the data."
            return season, ref, Outcome(NOT_CHECKABLE, why, MISSING_ROUND)
        event_label = f"{ref.event_name} {season}"
        if ref.status == "missing":
            why = f"{event_label} is a championship round missing from the data."
            return season, ref, Outcome(NOT_CHECKABLE, why, MISSING_ROUND)
        if not ref.championship:
            why = f"{event_label} is not a championship race."
            return season, ref, Outcome(NOT_CHECKABLE, why, "outside the championship")
        return season, ref, None

    def _order(self, claim: Claim) -> Outcome:
        """ "won, holding off the No. 78 and the No. 96": the cars named finished right behind the
        subject, in the order named (after a win, or "held off", the next places exactly; after a
        lower place, "ahead of X" is read strictly only when X is next, and a car further back is
        an ambiguous reading, not a contradiction)."""
        s = claim.slots
        order = s["order"]
        season, ref, stop = self._race_edition(s)
        if stop is not None:
            return stop
        label = f"{ref.event_name} {season}"
        questions: list[str] = []

        def race_row(subj: dict[str, Any], cls: str | None = None) -> dict[str, Any] | None:
            own = replace(claim, slots={**s, "numbers": [subj["key"]]}) if subj["kind"] == "car" else claim
            ans = self.subject_races(subj, own, season)
            questions.append(_question(subj, {"season": season}) + f" → races at {ref.event_name}")
            rows = [
                r for r in ans.races
                if r["event_name"] == ref.event_name and r["started"] and (cls is None or r["class"] == cls)
            ]  # fmt: skip
            return rows[0] if len(rows) == 1 else None

        ahead = race_row(order["ref"][0]) if order["ref"] else None
        position = order["ref_position"]
        if position is None:
            position = ahead and ahead["class_position"]
        if position is None:
            return Outcome(NOT_CHECKABLE, f"Which car the claim measures against at {label} is not clear.", AMBIGUOUS)
        if ahead is not None and order.get("ref_car") and str(ahead["number"]) != str(order["ref_car"]):
            return Outcome(CONTRADICTED, f"The data shows {order['ref'][0]['name']} in the No. {ahead['number']} at {label}, "
                           f"not the No. {order['ref_car']}.", evidence=self.lines([ahead]), question=questions)  # fmt: skip
        cls = ahead["class"] if ahead else s.get("class")
        guess = min((x.get("confidence", 1.0) for x in order["ref"]), default=1.0) < HIGH_CONFIDENCE
        rows, texts, verdicts = [], [], []
        drivers = all(x["kind"] == "driver" for x in s["subject"])
        for i, subj in enumerate(s["subject"]):
            want = position + 1 + (0 if drivers else i)
            r = race_row(subj, cls)
            if r is None:
                verdicts.append(False)
                texts.append(f"{subj['name']} did not start {label} in the same class")
                continue
            rows.append(r)
            actual = r["class_position"]
            bad = [
                d["name"]
                for d in order.get("descriptors") or []
                if d.get("car") == subj["key"] and not _describes(d, r)
            ]
            if bad:
                return Outcome(
                    NOT_CHECKABLE,
                    f"The No. {r['number']} at {label} is not {', '.join(bad)}: which car is meant is not clear.",
                    AMBIGUOUS, self.lines(rows), questions,
                )  # fmt: skip
            where = f"P{actual} in class" if actual else "unclassified"
            texts.append(
                f"{subj['name']} finished {where} at {label} ({r['class']}, #{r['number']}), the car ahead P{position}"
            )
            if actual == want and order.get("margin_s") is not None:
                # "15.855 seconds clear of the No. 3": the gap, to the precision written (to the car
                # ahead, else to the car in the place the claim gives it: "won, beating X by …")
                table = self._race_rows(r["season"], r["event_name"], r["class"])
                times = {x["number"]: x for x in table}
                first = (
                    times.get(ahead["number"]) if ahead is not None
                    else next((x for x in table if x["class_position"] == position), None)
                )  # fmt: skip
                mine = times.get(r["number"])
                same = (
                    mine
                    and first
                    and mine["laps"] == first["laps"]
                    and mine["total_time_ms"]
                    and first["total_time_ms"]
                )
                gap = abs(mine["total_time_ms"] - first["total_time_ms"]) / 1000 if same else None
                texts[-1] += (
                    f"; the gap was {gap:.3f} s" if gap is not None else "; the gap is not a time in the results"
                )
                # a gap the results cannot time decides nothing
                verdicts.append(
                    _margin_holds(gap, order["margin_s"], order["margin_digits"], order.get("margin_cmp"))
                    if gap is not None
                    else None
                )
            elif actual == want:
                verdicts.append(True)
            elif actual and actual > position and not (order["strict"] or position == 1):
                verdicts.append(None)  # behind, but not next: "ahead of" may mean either
            else:
                verdicts.append(False)
        evidence = self.lines(rows + ([ahead] if ahead else []))
        text = "The data shows " + "; ".join(texts) + "."
        if all(v is True for v in verdicts):
            return Outcome(SUPPORTED, text, evidence=evidence, question=questions)
        if any(v is False for v in verdicts) and not guess:
            return Outcome(CONTRADICTED, text, evidence=evidence, question=questions)
        return Outcome(NOT_CHECKABLE, text + " The reading is not certain.", AMBIGUOUS, evidence, questions)

    def _race_rows(self, season: int, event: str, cls: str) -> list[dict[str, Any]]:
        """A race's classification in a class, as row dicts (each check gets its own copies).

        Memoised per handle (``Database.memo``): a handle reads one database file, whose results
        never change under it, and one article asks for the same few races from many claims (and
        a server for the same races from many articles)."""
        key = ("results", season, event, cls)
        if key not in self._editions:
            shared = self.pb.db.memo(
                ("race rows", season, event, cls), lambda: self.pb.results(season, event, cls=cls).to_dict("records")
            )
            self._editions[key] = [dict(r) for r in shared]
        return self._editions[key]

    def _on_road(self, r: dict[str, Any], s: dict[str, Any], name: str, label: str) -> tuple[bool, str]:
        """ "was first to the checkered flag": the order on the road, before IMSA's decisions."""
        rows = self._race_rows(r["season"], r["event_name"], r["class"])
        mine = next((x for x in rows if x["number"] == r["number"]), None)
        pos = mine and (mine["class_position_export"] or mine["class_position"])
        want = s.get("position") or 1
        return pos == want, f"{name} crossed the line P{pos} in class at {label} (the order on the road)"

    def _detail(self, r: dict[str, Any], s: dict[str, Any], season: int, event: str) -> tuple[bool | None, str]:
        """A margin ("by 29.5 seconds", "4.7 seconds ahead of the No. 48"), laps down or a lap
        time attached to a result, from the race's results file (to the precision stated); None
        when the results cannot time the margin (a lap apart, no total time)."""
        rows = self._race_rows(season, event, r["class"])
        mine = next((x for x in rows if x["number"] == r["number"]), None)
        if mine is None:
            return False, "its row is not in the results"
        if s.get("lap_time_ms"):
            best = mine["best_lap_ms"]
            return best == s[
                "lap_time_ms"
            ], f"its best lap was {_lap(best)}, not {_lap(s['lap_time_ms'])}" if best != s[
                "lap_time_ms"
            ] else f"its best lap was {_lap(best)}"
        if s.get("laps_down") is not None:
            leader = max(x["laps"] or 0 for x in rows)
            down = leader - (mine["laps"] or 0)
            return down == s["laps_down"], f"{down} laps behind the class leader"
        rival_no = s.get("margin_rival")
        order = sorted((x for x in rows if x["laps"]), key=lambda x: (-(x["laps"] or 0), x["total_time_ms"] or 0))
        if rival_no:
            rival = next(
                (x for x in rows if x["number"] == rival_no or (x["team"] or "").casefold() == rival_no.casefold()),
                None,
            )
        elif s.get("margin_to_winner"):
            rival = next((x for x in rows if x["class_position"] == 1), None)  # "… behind the winner"
        elif s.get("margin_behind"):
            ahead = [x for x in order if x is not mine and order.index(x) < order.index(mine)] if mine in order else []
            rival = ahead[-1] if ahead else None
        else:
            after = [x for x in order if x is not mine and order.index(x) > order.index(mine)] if mine in order else []
            rival = after[0] if after else None
        if rival is None or rival["laps"] != mine["laps"] or not rival["total_time_ms"] or not mine["total_time_ms"]:
            return None, "the margin named is not a time gap in the results"
        gap = abs(rival["total_time_ms"] - mine["total_time_ms"]) / 1000
        ok = _margin_holds(gap, s["margin_s"], s.get("margin_digits", 0), s.get("margin_cmp"))
        if ok is None:
            return None, f"the gap to the No. {rival['number']} was {gap:.3f} s (the claim gives no exact figure)"
        return (
            ok,
            f"the gap to the No. {rival['number']} was {gap:.3f} s, not {s['margin_s']} s"
            if not ok
            else f"the gap to the No. {rival['number']} was {gap:.3f} s",
        )

    def _winner(self, row: dict[str, Any], overall: bool) -> list[dict[str, Any]]:
        frame = self.pb.result_lines([row["session_id"]])
        recs = frame.to_dict("records")
        top = [
            r
            for r in recs
            if (r["position"] == 1 if overall else (r["class"] == row["class"] and r["class_position"] == 1))
        ]
        return [{"event": row["event_name"], "season": row["season"], "class": t["class"], "number": t["number"],
                 "class_position": t["class_position"], "position": t["position"], "winner": True,
                 "source": t["source_path"], "line": t["source_line"]} for t in top]  # fmt: skip

    # -- championships ------------------------------------------------------------------------------
    def _champion(
        self, subj: dict[str, Any], claim: Claim, season: int, championship: str | None
    ) -> tuple[bool | None, str, dict[str, Any]]:
        """Whether the subject won the season's title: True/False, or None when the standings are
        incomplete (missing rounds); with a sentence and an evidence row."""
        s = claim.slots
        ans = self.subject_races(subj, claim, season)
        classes = Counter(r["class"] for r in ans.races if r["started"])
        cls = s.get("class") or (classes.most_common(1)[0][0] if classes else None)
        if cls is None:
            return False, f"{subj['name']} did not start a championship race in {season}", {}
        kind = (
            championship
            or {"driver": "drivers", "car": "teams", "team": "teams", "manufacturer": "manufacturers"}[subj["kind"]]
        )
        table = self.standings(season, cls, kind)
        row = {"season": season, "class": cls, "championship": kind, "champion": table.champion,
               "complete": table.complete, "source": f"standings {season} {cls} {kind}"}  # fmt: skip
        # a team's or car's drivers' title is its crews' (in the class that season), its
        # manufacturers' title its make's
        entrants = _entrants(subj, ans, cls, kind)
        if not table.complete or not table.rows:
            # the official record includes the published final standings: a champion on file decides
            finals = [f for f in (table.verification.figures if table.verification else [])
                      if f.metric == "position" and f.after == "final"]  # fmt: skip
            mine = [f for f in finals if _names(subj, f.subject)]
            if not mine and entrants:
                mine = [f for f in finals if _entrant(f.subject, entrants, kind)]
            champs = [f for f in finals if f.published == 1]
            if mine or champs:
                fig = next((f for f in mine if f.published == 1), mine[0]) if mine else champs[0]
                won = bool(mine) and fig.published == 1
                row.update(figure=fig.figure_id, published=f"{fig.subject}: P{fig.published}", source=fig.source)
                return (
                    won,
                    (
                        f"the published {season} {cls} {kind} final standings have {fig.subject} in P{fig.published} "
                        f"({fig.source}); the data alone is incomplete"
                    ),
                    row,
                )
            figures = table.verification.figures if table.verification else []
            why = (
                f"missing: {'; '.join(table.missing_events)}"
                if table.missing_events
                else next((f.known_difference for f in figures if f.known_difference), "not computable from the data")
            )
            return None, f"the {season} {cls} {kind} standings are incomplete ({why})", row
        leaders = [r for r in table.rows if r.position == 1]
        won = any(_entrant(r.name, entrants, kind) if entrants else _holds(subj, r, ans) for r in leaders)
        who = " / ".join(r.name for r in leaders)
        return won, f"the {season} {cls} {kind} champion{'s are' if len(leaders) > 1 else ' is'} {who}", row

    def standings(self, season: int, cls: str, championship: str, after: str | None = None) -> Any:
        key = ("standings", season, cls, championship, after)
        if key not in self._editions:
            self._editions[key] = self.pb.standings(season, cls, championship, after=after)
        return self._editions[key]

    def _class_of(self, subj: dict[str, Any], claim: Claim, season: int) -> str | None:
        if claim.slots.get("class"):
            return claim.slots["class"]
        ans = self.subject_races(subj, claim, season)
        classes = Counter(r["class"] for r in ans.races if r["started"])
        return classes.most_common(1)[0][0] if classes else None

    def _standing(self, claim: Claim) -> Outcome:
        """A place, points total or margin in a championship table, after a round (named, else
        the last one on or before the publication date) or final. A figure published for that
        table (``published_standings.csv``) decides where there is one; otherwise the table the
        data gives, when no round it counts is missing."""
        s = claim.slots
        subj = s["subject"][0]
        seasons = s.get("seasons") or [self.article_season()]
        season = seasons[-1]
        if season < FIRST_SEASON:
            return Outcome(NOT_CHECKABLE, f"{season} is before the data.", BEFORE_DATA)
        if season not in self._seasons:
            return Outcome(NOT_CHECKABLE, f"The {season} season is not in the data.", MISSING_ROUND)
        leader = subj["kind"] == "leader"
        if leader and not s.get("rival"):
            return Outcome(NOT_CHECKABLE, "The claim names no table for the points leaders.", AMBIGUOUS)
        # "the points leaders … clear of X": the table of X's class
        cls = self._class_of(s["rival"][0] if leader else subj, claim, season)
        if not s.get("class") and not leader and s.get("rival") and cls is not None:
            # "BMW trails Cadillac by 41 points": the class both are in (BMW also races GTD)
            def raced(x: dict[str, Any]) -> set[str]:
                return {r["class"] for r in self.subject_races(x, claim, season).races if r["started"]}

            try:
                both = raced(subj) & raced(s["rival"][0])
            except PitboardError:
                both = set()
            if len(both) == 1:
                cls = both.pop()
        if cls is None:
            return Outcome(CONTRADICTED, f"{subj['name']} did not start a championship race in {season}.")
        champ = (
            s.get("championship")
            or {
                "driver": "drivers",
                "car": "teams",
                "team": "teams",
                "manufacturer": "manufacturers",
                "leader": "drivers",
            }[subj["kind"]]
        )
        rounds = [c for c in self.calendar(season) if c["championship"] and cls in c["classes"]]
        after = None
        if s.get("before") == "summer break":
            # "went into the summer break": the class's longest gap between two rounds from May to
            # August; the table after the round before it
            from itertools import pairwise

            gaps = [
                (b["race_date"] - a["race_date"], a["event_name"])
                for a, b in pairwise(rounds)
                if a["race_date"] and b["race_date"] and 5 <= a["race_date"].month <= 8
            ]
            if not gaps:
                return Outcome(NOT_CHECKABLE, f"No {season} {cls} summer break in the calendar.", MISSING_ROUND)
            after = max(gaps)[1]
        elif s.get("before"):
            # "went into the finale / arrived at Petit with …": the table after the round before
            target = (
                rounds[-1]["event_name"] if s["before"] == "finale" else self.event_ref(season, s["before"]).event_name
            )
            names = [c["event_name"] for c in rounds]
            if target not in names or names.index(target) == 0:
                return Outcome(NOT_CHECKABLE, f"No {season} {cls} round comes before {target}.", MISSING_ROUND)
            after = names[names.index(target) - 1]
        elif s.get("after"):
            after = self.event_ref(season, s["after"]).event_name
        elif not s.get("final"):
            done = [c for c in rounds if c["race_date"] and c["race_date"] <= self.date]
            if done and len(done) < len(rounds):
                after = done[-1]["event_name"]
        label = f"the {season} {cls} {champ} standings" + (f" after {after}" if after else " (final)")
        if after and any(c["event_name"] == after and c["status"] == "missing" for c in rounds):
            return Outcome(
                NOT_CHECKABLE, f"{after} {season} is missing from the data, so {label} are not in it.", MISSING_ROUND
            )
        table = self.standings(season, cls, champ, after)
        question = [f"standings({season}, {cls!r}, {champ!r}, after={after!r})"]
        if leader:
            top = [r for r in table.rows if r.position == 1]
            if not top or table.missing_events:
                return Outcome(NOT_CHECKABLE, f"The data cannot name the leaders of {label}.", MISSING_ROUND)
            subj = {
                "kind": "driver" if champ in ("drivers", "endurance") else "team",
                "name": top[0].name,
                "key": top[0].key,
            }
        figures = table.verification.figures if table.verification else []
        row = _table_row(self, table, subj, claim)
        rival = _table_row(self, table, s["rival"][0], claim) if s.get("rival") else None
        evidence: list[dict[str, Any]] = []
        verdicts: list[tuple[bool | None, str]] = []

        # how far the computed table is known to be from IMSA's published figures (0: no known gap)
        off = max(
            (abs(f.published - f.computed) for f in figures
             if f.metric in ("points", "gap") and not f.matches and f.computed is not None),
            default=0,
        )  # fmt: skip

        def published(subject: dict[str, Any], metric: str) -> Any:
            # (a figure the file marks as the publisher's error is not the record)
            return next(
                (f for f in figures if f.metric == metric and _names(subject, f.subject) and not _publication_error(f)),
                None,
            )

        def rank_in(t: Any, r: Any) -> int:
            if champ in ("drivers", "endurance"):
                return 1 + len({x.points for x in t.rows if x.points > r.points})
            return r.position

        def rank(r: Any) -> int:
            return rank_in(table, r)

        make_only = False  # a make named against a teams' or drivers' table
        # a car or team in a drivers' table is its crew's row: figures are published for drivers
        fsubj = (
            {"kind": "driver", "name": row.name, "key": row.key}
            if row is not None and subj["kind"] in ("car", "team") and champ in ("drivers", "endurance")
            else subj
        )
        wanted = [("position", s.get("position")), ("points", s.get("points")), ("gap", s.get("gap"))]
        for metric, claimed in wanted:
            if claimed is None:
                continue
            fig = published(fsubj, metric) if metric != "gap" else None
            if metric == "gap":
                # a published gap names the trailing entry and the one it trails ("reference")
                for f in (f for f in figures if f.metric == "gap" and not _publication_error(f)):
                    ref = _reference_of(self.pb, table, f)
                    behind = _names(fsubj, f.subject) and (not s.get("rival") or _names(s["rival"][0], ref))
                    ahead = _names(fsubj, ref) and (not s.get("rival") or _names(s["rival"][0], f.subject))
                    if behind or ahead:
                        fig = f
                        break
            if metric == "gap" and fig is None and row is not None:
                # both ends of the gap published as points: the published gap ("1008 points, 99
                # clear of De Angelis and Sørensen" on 909)
                other_row = rival or (
                    None if rank(row) != 1 else next((x for x in table.rows if x.points < row.points), None)
                )
                mine_pts = published(fsubj, "points")
                if other_row is not None and mine_pts is not None:
                    theirs = published({"kind": fsubj["kind"], "name": other_row.name, "key": other_row.key}, "points")
                    if theirs is not None:
                        evidence += [{"figure": f.figure_id, "subject": f.subject, "metric": f.metric,
                                      "value": f.published, "source": f.source} for f in (mine_pts, theirs)]  # fmt: skip
                        gap = abs(mine_pts.published - theirs.published)
                        verdicts.append((gap == claimed, f"points' margin {gap} from the points published for "
                                         f"{mine_pts.subject} and {theirs.subject} in {label} ({mine_pts.source})"))  # fmt: skip
                        continue
            computed = None
            if row is not None:
                if metric == "position":
                    computed = rank(row)
                elif metric == "points":
                    computed = row.points
                else:
                    other = rival
                    if other is None:
                        others = [x for x in table.rows if x.points != row.points]
                        other = (next((x for x in others if x.points < row.points), None) if rank(row) == 1
                                 else table.rows[0])  # fmt: skip
                    computed = None if other is None else abs(row.points - other.points)
                    if (
                        other is not None and s.get("trails") is not None
                        and (row.points < other.points) != s["trails"]
                        and fig is None
                    ):  # fmt: skip
                        # the subject is on the other side of the gap from the one the claim says
                        # (from the computed table; a published gap decides by its number alone)
                        side = "behind" if row.points < other.points else "ahead of"
                        verdicts.append((None if table.missing_events else False,
                                         f"{subj['name']} {side} {other.name} in {label}"))  # fmt: skip
                        continue
            word = {"position": "place", "points": "points", "gap": "points' margin"}[metric]
            if fig is None and metric == "position":
                # the place is published for someone else: "Ford finished second" when BMW did
                fig = next((f for f in figures if f.metric == "position" and f.published == claimed), None)
                if fig is not None:
                    evidence.append({"figure": fig.figure_id, "subject": fig.subject, "metric": fig.metric,
                                     "value": fig.published, "source": fig.source})  # fmt: skip
                    verdicts.append((False, f"place {claimed} published for {fig.subject} in {label} ({fig.source})"))
                    continue
            if fig is not None:
                evidence.append({"figure": fig.figure_id, "subject": fig.subject, "metric": fig.metric,
                                 "value": fig.published, "computed": fig.computed, "source": fig.source})  # fmt: skip
                verdicts.append(
                    (
                        fig.published == claimed,
                        f"{word} {fig.published} published for {fig.subject} in {label} ({fig.source})",
                    )
                )
            elif (
                computed is not None
                and not table.missing_events
                and 0 < abs(computed - claimed) <= off
                and metric != "position"
            ):
                # the computed table is known to differ from IMSA's published one by up to `off`
                # points: a figure within that cannot be decided
                verdicts.append((None, f"{word} {computed} for {subj['name']} in {label}, a table that differs "
                                 f"from IMSA's published figures by up to {off} point{'s' if off > 1 else ''}"))  # fmt: skip
            elif computed is not None and not table.missing_events:
                verdicts.append((computed == claimed, f"{word} {computed} for {subj['name']} in {label}"))
            elif computed is not None:
                verdicts.append(
                    (
                        None,
                        f"{word} {computed} for {subj['name']} in {label}, which miss {'; '.join(table.missing_events)}",
                    )
                )
            else:
                # "The Cadillac sits sixth in the teams' standings": a make names no entry of a
                # teams' or drivers' table (which Cadillac is meant is not clear)
                make = make_only = subj["kind"] == "manufacturer" and champ != "manufacturers"
                verdicts.append((None if table.missing_events or make else False, f"{subj['name']} is not in {label}"
                                 + (" (a make, not one of its entries)" if make else "")))  # fmt: skip
        if row is not None:
            evidence.append({"season": season, "class": cls, "championship": champ, "after": after,
                             "name": row.name, "position": rank(row), "points": row.points,
                             "source": f"standings {season} {cls} {champ}" + (f" after {after}" if after else "")})  # fmt: skip
        text = "; ".join(t for _, t in verdicts) or f"{subj['name']} in {label}"
        if any(ok is False for ok, _ in verdicts):
            return Outcome(CONTRADICTED, f"The record shows {text}.", evidence=evidence, question=question)
        if not verdicts or any(ok is None for ok, _ in verdicts):
            why = AMBIGUOUS if make_only and not table.missing_events else MISSING_ROUND
            return Outcome(NOT_CHECKABLE, f"The data shows {text}.", why, evidence, question)
        for d in s.get("rival_descriptors") or []:
            # "Dan Goldburg of United Autosports": the rival's team or car that season
            races = [r for r in self.subject_races(s["rival"][0], claim, season).races if r["started"]]
            if not any(_describes(d, r) for r in races):
                return Outcome(
                    NOT_CHECKABLE,
                    f"The record shows {text}; but {d['name']} does not describe {s['rival'][0]['name']} in {season}.",
                    AMBIGUOUS, evidence, question,
                )  # fmt: skip
        if s.get("took_lead") and after:
            # "took over the points lead at X": not the leader after the class's round before X
            names = [c["event_name"] for c in rounds]
            if after not in names or names.index(after) == 0:
                return Outcome(
                    SUPPORTED,
                    f"The record shows {text}, at the class's first round.",
                    evidence=evidence,
                    question=question,
                )
            prior = names[names.index(after) - 1]
            if rounds[names.index(prior)]["status"] == "missing":
                return Outcome(
                    NOT_CHECKABLE,
                    f"The record shows {text}; {prior} is missing from the data.",
                    MISSING_ROUND,
                    evidence,
                    question,
                )
            before = self.standings(season, cls, champ, prior)
            was = _table_row(self, before, subj, claim)
            if was is not None and rank_in(before, was) == 1:
                return Outcome(
                    CONTRADICTED,
                    f"The record shows {text}; but {subj['name']} already led after {prior}.",
                    evidence=evidence,
                    question=question,
                )
            if before.missing_events:
                return Outcome(
                    NOT_CHECKABLE,
                    f"The record shows {text}; the table after {prior} misses {'; '.join(before.missing_events)}.",
                    MISSING_ROUND,
                    evidence,
                    question,
                )
        return Outcome(SUPPORTED, f"The record shows {text}.", evidence=evidence, question=question)

    def _championship(self, claim: Claim) -> Outcome:
        """A title or a place in the standings; with several subjects ("Derani and Sims won
        the title") each must hold."""
        subjects = claim.slots.get("subject") or []
        if len(subjects) < 2 or claim.slots.get("count"):
            return self._championship_of(claim)
        outcomes = [self._championship_of(replace(claim, slots={**claim.slots, "subject": [x]})) for x in subjects]
        for verdict in (CONTRADICTED, NOT_CHECKABLE):
            bad = [o for o in outcomes if o.verdict == verdict]
            if bad:
                return bad[0]
        texts = list(dict.fromkeys(o.explanation for o in outcomes))
        evidence = [e for o in outcomes for e in o.evidence]
        return Outcome(
            SUPPORTED,
            " ".join(texts),
            evidence=list({repr(e): e for e in evidence}.values()),
            question=list(dict.fromkeys(q for o in outcomes for q in o.question)),
        )

    def _championship_of(self, claim: Claim) -> Outcome:
        s = claim.slots
        if s.get("standing"):
            out = self._standing(claim)
            kind = s["subject"][0]["kind"] if s.get("subject") else None
            if out.verdict == CONTRADICTED and kind in ("car", "team") and not s.get("championship"):
                # "they arrived at Road Atlanta 98 points clear" of a car: the teams' table, or its
                # crew's in the drivers' one; if the crew's fits, the writer may have meant it
                alt = self._standing(replace(claim, slots={**s, "championship": "drivers"}))
                if alt.verdict == SUPPORTED:
                    return _holds_otherwise(out, alt, "for its drivers")
            return out
        subj = s["subject"][0]
        champ = s.get("championship")
        if s.get("count"):
            seasons = s.get("seasons") or []
            window = [y for y in seasons if y in self._seasons]
            before = not seasons or min(seasons) < FIRST_SEASON
            if not seasons:
                window = [y for y in self._seasons if dt.date(y, 12, 31) <= self.date or y < self.date.year]
            won, unknown, evidence, texts = 0, 0, [], []
            for season in window:
                result, text, row = self._champion(subj, claim, season, champ)
                evidence.append(row)
                won += result is True
                unknown += result is None
                if result:
                    texts.append(str(season))
            shown = f"{won} title{'s' if won != 1 else ''} ({', '.join(texts) or 'none'}) in {window[0] if window else ''}–{window[-1] if window else ''}"
            claimed = s["value"]
            if claimed < won or (not before and claimed > won + unknown):
                return Outcome(CONTRADICTED, f"The data shows {shown}, not {claimed}.", evidence=evidence)
            if before:
                return Outcome(
                    NOT_CHECKABLE,
                    f"The data shows {shown}; seasons before {FIRST_SEASON} are not in the data.",
                    BEFORE_DATA,
                    evidence,
                )
            if unknown:
                return Outcome(
                    NOT_CHECKABLE,
                    f"The data shows {shown}; {unknown} season(s) are incomplete.",
                    MISSING_ROUND,
                    evidence,
                )
            return Outcome(SUPPORTED, f"The data shows {shown}.", evidence=evidence)
        seasons = s.get("seasons") or [self._last_finished_season()]
        season = seasons[-1]
        if season < FIRST_SEASON:
            return Outcome(
                NOT_CHECKABLE, f"The {season} title is before the data (it starts in {FIRST_SEASON}).", BEFORE_DATA
            )
        if season not in self._seasons:
            return Outcome(NOT_CHECKABLE, f"The {season} season is not in the data.", MISSING_ROUND)
        if s.get("first_since") or s.get("adds_title"):
            return self._first_since(claim, subj, season, champ)
        # "the drivers' and teams' championships": every title named must be the subject's
        checks = [self._champion(subj, claim, season, kind) for kind in s.get("championships") or [champ]]
        rows = [row for _, _, row in checks]
        question = [f"standings({season}, {row.get('class')}, {row.get('championship')})" for row in rows]
        lost = [text for result, text, _ in checks if result is False]
        if lost:
            return Outcome(CONTRADICTED, f"The data shows {'; '.join(lost)}.", evidence=rows, question=question)
        unknown = [text for result, text, _ in checks if result is None]
        if unknown:
            return Outcome(
                NOT_CHECKABLE, f"The data cannot name a champion: {'; '.join(unknown)}.", MISSING_ROUND, rows
            )
        text = "; ".join(text for _, text, _ in checks)
        return Outcome(SUPPORTED, f"The data shows {text}.", evidence=rows, question=question)

    def _first_since(self, claim: Claim, subj: dict[str, Any], season: int, champ: str | None) -> Outcome:
        """ "A first drivers' title since his 2022 GTD PRO crown": the title of ``season``, none
        in the seasons between, one in that year (before the data: not checkable); "adds a GT
        title to his prototype one": the title of ``season`` and an earlier one (a career total)."""
        s = claim.slots
        now, text, row = self._champion(subj, claim, season, champ)
        rows, texts = [row], [text]
        if now is False:
            return Outcome(CONTRADICTED, f"The data shows {text}.", evidence=rows)
        year = s.get("first_since")
        for y in range((year or season) + 1, season):
            if y not in self._seasons:
                continue
            between = replace(claim, slots={**s, "class": s.get("class")})
            won, text_y, row_y = self._champion(subj, between, y, champ)
            if won:
                return Outcome(CONTRADICTED, f"The data shows {text_y}, before {season}.", evidence=[*rows, row_y])
            rows.append(row_y)
            texts.append(text_y)
        if year is None or year < FIRST_SEASON or year not in self._seasons:
            return Outcome(
                NOT_CHECKABLE,
                f"The data shows {'; '.join(texts)}; the earlier title is before the data (it starts in {FIRST_SEASON}).",
                BEFORE_DATA,
                rows,
            )
        earlier = replace(claim, slots={**s, "class": s.get("since_class")})
        won, text_y, row_y = self._champion(subj, earlier, year, champ)
        rows.append(row_y)
        texts.append(text_y)
        if won is False:
            return Outcome(CONTRADICTED, f"The data shows {text_y}.", evidence=rows)
        if now is None or won is None:
            return Outcome(NOT_CHECKABLE, f"The data cannot name a champion: {'; '.join(texts)}.", MISSING_ROUND, rows)
        return Outcome(SUPPORTED, f"The data shows {'; '.join(texts)}.", evidence=rows)

    def _last_finished_season(self) -> int:
        return self.date.year if self.date.month >= 10 else self.date.year - 1

    # -- line-ups -----------------------------------------------------------------------------------
    def _lineup(self, claim: Claim) -> Outcome:
        s = claim.slots
        season = (s.get("seasons") or [self.date.year])[-1]
        stated = (s.get("provenance") or {}).get("season", {}).get("source") == "stated"
        if s.get("future") and not s.get("events") and s.get("next_event") and not s.get("full_season"):
            # "The series heads next to the Six Hours of the Glen … Castroneves returns to the Meyer
            # Shank Acura": the race the paragraph looks ahead to, when it is after the publication date
            try:
                day = self._race_date(self.event_ref(season, s["next_event"]).event_name, season)
            except PitboardError:
                day = None
            if day is not None and day > self.date:
                s = {**s, "events": [s["next_event"]]}
                claim = replace(claim, slots=s)
        if s.get("future") and not stated and season == self.date.year and season in self._seasons:
            rounds = [c for c in self.calendar(season) if c["championship"] and c["race_date"]]
            if rounds and all(c["race_date"] <= self.date for c in rounds):
                # "Dane Cameron joins Hyett at AO Racing", written after the season's last round:
                # next season's line-up
                season += 1
                s = {**s, "seasons": [season]}
                claim = replace(claim, slots=s)
        if season < FIRST_SEASON:
            return Outcome(NOT_CHECKABLE, f"{season} is before the data.", BEFORE_DATA)
        if season not in self._seasons:
            return Outcome(NOT_CHECKABLE, f"The {season} season is not in the data.", MISSING_ROUND)
        subjects = [x for x in s["subject"] if x["kind"] == "driver"]
        if s.get("passive_replaced") and subjects and s.get("drivers"):
            # "Sorensen will be replaced by Ian James": James in the car, Sorensen out of it
            old, new = subjects[0], s["drivers"][0]
            s = {**s, "subject": [{"kind": "driver", "name": new["name"], "key": new["key"]}],
                 "drivers": [{"name": old["name"], "key": old["key"]}, *s["drivers"][1:]],
                 "replaced": {"name": old["name"], "key": old["key"]}, "replaces": True}  # fmt: skip
            claim = replace(claim, slots=s)
            subjects = [x for x in s["subject"] if x["kind"] == "driver"]
        if not subjects:
            return self._team_lineup(claim, season)
        subj = subjects[0]
        ans = self.subject_stats(subj, claim, season=season)
        started = [r for r in ans.races if r["started"]]
        question = [_question(subj, {"season": season})]
        name = subj["name"]
        ahead = (
            s.get("future")
            and re.search(r"\bwill\b", claim.text, re.I)
            and not (s.get("events") or s.get("full_season") or s.get("endurance_only") or s.get("rest"))
            and season == self.date.year
        )
        if ahead:
            # "Caldarelli will join Sellers and Snow in the Paul Miller car", no race named: the
            # races after the publication date, not the ones he already drove that season
            started = [r for r in started if r.get("race_date") and r["race_date"] > self.date]
            if not started:
                later = [
                    c for c in self.calendar(season)
                    if c["championship"] and c["race_date"] and c["race_date"] > self.date
                ]  # fmt: skip
                if not later or any(c["status"] == "missing" for c in later):
                    gone = "; ".join(c["event_name"] for c in later if c["status"] == "missing")
                    return Outcome(NOT_CHECKABLE, f"{name} has no start in the {season} rounds after {self.date:%d %b %Y} in the data"
                                   + (f"; missing: {gone}." if gone else "."), MISSING_ROUND, question=question)  # fmt: skip
                return Outcome(CONTRADICTED, f"{name} did not start a championship race after {self.date:%d %b %Y} in {season}.",
                               question=question)  # fmt: skip
        evidence = self.lines(started)
        if not started:
            if ans.coverage.missing_events:
                return Outcome(NOT_CHECKABLE, f"{name} has no start in the {season} rounds in the data; missing: {'; '.join(ans.coverage.missing_events)}.",
                               MISSING_ROUND, question=question)  # fmt: skip
            return Outcome(CONTRADICTED, f"{name} did not start a championship race in {season}.", question=question)
        facts, problems = [], []
        teams = sorted({r["team"] for r in started})
        cars = sorted({r["number"] for r in started})
        when = f"after {self.date:%d %b %Y} in {season}" if ahead else f"in {season}"
        facts.append(f"{name} started {len(started)} race(s) {when} for {', '.join(teams)} (#{', #'.join(cars)})")
        if s.get("team") and not any(team_key(s["team"]) == team_key(t) for t in teams):
            problems.append(f"not for {s['team']}")
        if s.get("car") and s["car"] not in cars:
            problems.append(f"not in #{s['car']}")
        mates = [d for d in s.get("drivers", []) if d["key"] != subj["key"]]
        if len(subjects) > 1 and (s.get("drivers") or _SHARED.search(claim.text) or _DROVE_THE.search(claim.text)):
            # "A, B and C shared the car with D": every named driver is in the first one's car
            keys = {subj["key"], *(d["key"] for d in mates)}
            mates = [{"name": x["name"], "key": x["key"]} for x in subjects[1:] if x["key"] not in keys] + mates
        replaced = (
            [m for m in mates if m["key"] == s["replaced"]["key"]] if s.get("replaced")
            else mates[-1:] if s.get("replaces") else []
        )  # fmt: skip
        started = self._crew_rows(subj, [m for m in mates if m not in replaced], claim, season, started)
        if ahead:
            started = [r for r in started if r.get("race_date") and r["race_date"] > self.date]
        for mate in mates:
            if mate in replaced:
                continue
            together = [r for r in started if mate["name"] in (r.get("co_drivers") or "")]
            if not together:
                problems.append(f"never with {mate['name']}")
        named_races, _ = self._listed_rounds(s.get("events") or [], season)
        at = {c["event_name"] for c in named_races}
        for old in [*replaced, *(s.get("without") or [])]:
            # "in place of Priaulx this weekend", "without Pagenaud at Sebring": not in the car there
            shared = [
                r for r in started if old["name"] in (r.get("co_drivers") or "") and (not at or r["event_name"] in at)
            ]
            if shared:
                problems.append(f"{old['name']} was still on the car in {len(shared)} race(s)")
        cal = [c for c in self.calendar(season) if c["championship"]]
        cls = Counter(r["class"] for r in started).most_common(1)[0][0]
        rounds = [c for c in cal if cls in c["classes"]]
        present = [c for c in rounds if c["status"] == "present"]
        raced = {r["event_name"] for r in started}
        missing = [c for c in rounds if c["status"] == "missing"]
        crew = [subj, *[m for m in mates if m not in replaced]]
        listed, unknown = self._listed_rounds(s.get("events") or [], season)
        if listed or unknown:
            # "X was the third driver at Daytona and Sebring", "returned for Petit": every race named
            if any(c["status"] == "missing" for c in listed) or unknown:
                missing = [c for c in listed if c["status"] == "missing"]
                return Outcome(NOT_CHECKABLE, f"The data shows {'; '.join(facts)}; the line-up at {', '.join(unknown or [c['event_name'] for c in missing])} is not in the data.",
                               MISSING_ROUND, evidence, question)  # fmt: skip
            problems += _crew_gaps(crew, started, [c["event_name"] for c in listed])
            for c in listed if s.get("car") or s.get("team") else []:
                # "Kobayashi will return [to the No. 14] for Petit Le Mans": the stated car or
                # team at each race named, not only somewhere that season
                rows = [r for r in started if r["event_name"] == c["event_name"]]
                if rows and not any(
                    (not s.get("car") or r["number"] == s["car"])
                    and (not s.get("team") or team_key(s["team"]) == team_key(r["team"]))
                    for r in rows
                ):
                    seat = " of ".join(x for x in (f"#{s['car']}" if s.get("car") else "", s.get("team") or "") if x)
                    drove = ", ".join(f"#{r['number']} ({r['team']})" for r in rows)
                    problems.append(f"at {c['event_name']} in {drove}, not {seat}")
            size = re.search(r"\b(\w+)-(?:man|driver) line-?up", claim.text, re.I)
            if size:
                # "made up the four-man line-up for the Rolex 24": the crew's size at each race
                n = number(size.group(1))
                for c in listed:
                    rows = [r for r in started if r["event_name"] == c["event_name"]]
                    sizes = {1 + len([x for x in (r.get("co_drivers") or "").split(" / ") if x.strip()]) for r in rows}
                    if n is not None and sizes and n not in sizes:
                        problems.append(
                            f"{'/'.join(map(str, sorted(sizes)))} drivers at {c['event_name']}, not {size.group(1)}"
                        )
            missing = []
        elif s.get("endurance_only"):
            sprint = sorted(e for e in raced if not any(c["event_name"] == e and c["endurance_cup"] for c in cal))
            if sprint:
                problems.append(f"also raced {', '.join(sprint)} (not Endurance Cup rounds)")
            endurance = [c for c in rounds if c["endurance_cup"]]
            if s.get("future") and season == self.date.year:
                endurance = [c for c in endurance if c["race_date"] and c["race_date"] > self.date]
            problems += _crew_gaps(crew, started, [c["event_name"] for c in endurance if c["status"] == "present"])
            missing = [c for c in endurance if c["status"] == "missing"]
        elif s.get("full_season"):
            if s.get("rest"):
                # "for the rest of the season": the rounds still to come at the publication date
                # (said of the past: from the driver's first start on)
                first = min((r["race_date"] for r in started if r.get("race_date")), default=None)
                since = self.date if s.get("future") else (first - dt.timedelta(days=1) if first else None)
                if since is not None:
                    present = [c for c in present if c["race_date"] and c["race_date"] > since]
                    missing = [c for c in missing if c["race_date"] and c["race_date"] > since]
                raced = {e for e in raced if e in {c["event_name"] for c in present}}
            skipped = [c["event_name"] for c in present if c["event_name"] not in raced]
            if skipped:
                problems.append(f"missed {', '.join(skipped)}")
            problems += _crew_gaps(crew, started, sorted(raced - set(skipped)))
        text = "; ".join(facts)
        if problems:
            return Outcome(
                CONTRADICTED, f"The data shows {text}: {'; '.join(problems)}.", evidence=evidence, question=question
            )
        if (s.get("full_season") or s.get("endurance_only")) and missing and season >= self.date.year:
            return Outcome(NOT_CHECKABLE, f"The data shows {text}; missing: {'; '.join(c['event_name'] for c in missing)}.",
                           MISSING_ROUND, evidence, question)  # fmt: skip
        return Outcome(SUPPORTED, f"The data shows {text}.", evidence=evidence, question=question)

    def _crew_rows(
        self,
        subj: dict[str, Any],
        mates: list[dict[str, Any]],
        claim: Claim,
        season: int,
        started: list[dict[str, Any]],
    ) -> list[dict[str, Any]]:
        """``started`` plus the rows of a second car the subject drove at a race (the stats give one
        row per race: Keating in the No. 5 and the No. 52 at the 2022 Rolex 24), read from the
        crew mates' own rows that name the subject."""
        seen = {(r["event_name"], r["number"]) for r in started}
        extra = []
        for mate in mates:
            try:
                rows = self.subject_stats({"kind": "driver", **mate}, claim, season=season).races
            except PitboardError:
                continue
            for r in rows:
                if (
                    r["started"]
                    and (r["event_name"], r["number"]) not in seen
                    and subj["name"] in (r.get("co_drivers") or "")
                ):
                    seen.add((r["event_name"], r["number"]))
                    extra.append({**r, "co_drivers": f"{mate['name']} / {r.get('co_drivers') or ''}"})
        return started + extra

    def event_ref(self, season: int, name: str) -> Any:
        """``Pitboard.event`` (memoised per check); a name two races share that season
        ("Watkins Glen" in 2021) is the endurance race, the one articles mean by the venue's name."""
        return _memo(self._refs, (season, name), lambda: self._event_ref(season, name))

    def _event_ref(self, season: int, name: str) -> Any:
        if season in self._seasons:
            # the calendar's own name for the race: no fuzzy matching needed
            exact = [c for c in self.calendar(season) if c["event_name"].casefold() == name.casefold()]
            if len(exact) == 1:
                c = exact[0]
                return SimpleNamespace(  # what a ``Pitboard.event`` answer carries that the checker reads
                    season=season, event_id=c["event_id"], event_name=c["event_name"],
                    championship=bool(c["championship"]), status=c["status"],
                )  # fmt: skip
        try:
            return self.pb.event(season, name)
        except AmbiguousNameError as exc:
            six = [c for c in exc.candidates if "Six Hours" in c or "12 Hours" in c or "Twelve" in c]
            if len(six) != 1:
                raise
            return self.pb.event(season, six[0].split(" (")[0])

    def _listed_rounds(self, names: list[str], season: int) -> tuple[list[dict[str, Any]], list[str]]:
        """The calendar rows of the races a line-up names (and the names that match none)."""
        rows, unknown = [], []
        for name in dict.fromkeys(names):
            try:
                ref = self.event_ref(season, name)
            except PitboardError:
                unknown.append(name)
                continue
            rows += [c for c in self.calendar(season) if c["event_name"] == ref.event_name]
        return rows, unknown

    def _team_lineup(self, claim: Claim, season: int) -> Outcome:
        s = claim.slots
        if not s["subject"]:
            return Outcome(NOT_CHECKABLE, "No driver or team named.", "not a statistic")
        subj = s["subject"][0]
        ans = self.subject_races(subj, claim, season)
        started = [r for r in ans.races if r["started"]]
        text = " / ".join(dict.fromkeys(d for r in started for d in (r.get("drivers") or "").split(" / ") if d))
        problems = []
        for d in s.get("drivers", []):
            if not any(d["name"] in (r.get("drivers") or "") for r in started):
                problems.append(f"{d['name']} never drove for it")
        if not started:
            return Outcome(CONTRADICTED, f"{subj['name']} did not start a championship race in {season}.")
        listed, unknown = self._listed_rounds(s.get("events") or [], season)
        if any(c["status"] == "missing" for c in listed) or unknown:
            names = unknown or [c["event_name"] for c in listed if c["status"] == "missing"]
            return Outcome(NOT_CHECKABLE, f"The line-up at {', '.join(names)} is not in the data.", MISSING_ROUND,
                           self.lines(started[:20]))  # fmt: skip
        # "the No. 7 … at Daytona and Sebring" / "… all season": each driver in the car at each race
        races = (
            [c["event_name"] for c in listed] if listed
            else sorted({r["event_name"] for r in started}) if s.get("full_season") else []
        )  # fmt: skip
        for event in races:
            rows = [r for r in started if r["event_name"] == event]
            absent = [
                d["name"] for d in s.get("drivers", []) if not any(d["name"] in (r.get("drivers") or "") for r in rows)
            ]
            if not rows:
                problems.append(f"did not start {event}")
            elif absent:
                problems.append(f"{' and '.join(absent)} not in the car at {event}")
        if s.get("endurance_only") and s.get("drivers") and not problems:
            return Outcome(NOT_CHECKABLE, "The endurance rounds of a team's or car's crew are not told apart here.",
                           "ambiguous reading", self.lines(started[:20]))  # fmt: skip
        verdict = CONTRADICTED if problems else SUPPORTED
        return Outcome(verdict, f"The data shows {subj['name']} in {season} with {text}" + (f": {'; '.join(problems)}." if problems else "."),
                       evidence=self.lines(started[:20]))  # fmt: skip

    # -- runs of races -----------------------------------------------------------------------------
    def _distinct(self, claim: Claim) -> Outcome:
        """ "Four different cars have now won the nine GTD PRO races of 2023": the distinct winners
        (cars, teams or makes) of the class's races of the season run by the publication date (the
        first N when N is given). A missing round among them makes the count an interval."""
        s = claim.slots
        season = (s.get("seasons") or [self.article_season()])[-1]
        if not s.get("class_named"):
            # the class is a guess (the paragraph's): each class the sentence's cars, teams and
            # drivers raced that season is a reading too, and they must agree
            classes: set[str] = set()
            for h in s.get("class_hints") or []:
                try:
                    raced = [r for r in self.subject_races(h, claim, season).races if r["started"]]
                except PitboardError:
                    continue
                # its class at its latest race (a GTP driver's Rolex 24 in LMP2 aside)
                done = [r for r in raced if r["race_date"] <= self.date] or raced
                if done:
                    classes.add(done[-1]["class"])
            classes = classes or ({s["class"]} if s.get("class") else set())  # else the paragraph's class
            if not classes:
                return Outcome(NOT_CHECKABLE, "The claim names no class whose winners it counts.", AMBIGUOUS)
            readings = [
                self._distinct(replace(claim, slots={**s, "class": c, "class_named": True})) for c in sorted(classes)
            ]
            if len({o.verdict for o in readings}) == 1:
                return (
                    readings[0] if len(readings) == 1 else _all_of(readings, " ".join(o.explanation for o in readings))
                )
            return Outcome(
                NOT_CHECKABLE,
                "Ambiguous reading: the class is not named, and the classes the sentence is about disagree. "
                + " ".join(o.explanation for o in readings),
                AMBIGUOUS,
                [e for o in readings for e in o.evidence],
            )
        cls, kind, claimed = s["class"], s["distinct"], s["value"]
        done = [c for c in self._rounds(season, cls) if c["race_date"] and c["race_date"] <= self.date]
        n = s.get("races") or len(done)
        label = f"{n} {cls} race(s) of {season}"
        if n > len(done):
            return Outcome(
                CONTRADICTED,
                f"The data shows {len(done)} {cls} race(s) of {season} run by {self.date:%d %b %Y}, not {n}.",
            )
        chosen = done[:n]
        winners = {w["event_name"]: w for w in self.pb.winners(season, cls).rows}
        rows = [{**winners[c["event_name"]], "season": season} for c in chosen if c["event_name"] in winners]
        missing = [f"{c['event_name']} {season}" for c in chosen if c["event_name"] not in winners]
        if kind == "team":
            keys = {r["team"] for r in rows}
        elif kind == "manufacturer":
            keys = {_make_of(r["model"]) for r in rows}
        else:
            keys = {(r["number"], r["team"]) for r in rows}
        shown = ", ".join(f"No. {r['number']} {r['team']} at {r['event_name']}" for r in rows)
        word = {"team": "teams", "manufacturer": "makes"}.get(kind, "cars")
        text = f"The data shows {len(keys)} different {word} won the {label}: {shown}"
        evidence = self.lines(rows)
        question = [f"winners {season} --class {cls}"]
        low, high = len(keys), len(keys) + len(missing)
        if missing and low <= claimed <= high:
            return Outcome(NOT_CHECKABLE, f"{text}; missing from the data: {'; '.join(missing)}.", MISSING_ROUND,
                           evidence, question)  # fmt: skip
        verdict = SUPPORTED if claimed == low and not missing else CONTRADICTED
        return Outcome(verdict, f"{text}{'' if verdict == SUPPORTED else f', not {claimed}'}.", evidence=evidence,
                       question=question)  # fmt: skip

    def _rounds(self, season: int, cls: str) -> list[dict[str, Any]]:
        """The championship rounds of a class in a season, in order (missing ones included)."""
        return [c for c in self.calendar(season) if c["championship"] and cls in c["classes"]]

    def _sequence(self, claim: Claim) -> Outcome:
        """A run of races: each race of the set (listed, "between A and B", the first or last N
        rounds, the last N editions of a race) checked for the predicate, then the quantity (all,
        none, exactly k); runs said to be "straight"/"back-to-back" must be consecutive rounds of
        the class. A missing round or a season before the data that could change the answer
        makes it ``not checkable``. Several subjects ("Robinson and Fraga, winners here in each
        of the last three years") must each have the run."""
        s = claim.slots
        if len(s["subject"]) > 1:
            parts = [self._sequence(replace(claim, slots={**s, "subject": [x]})) for x in s["subject"]]
            return _all_of(
                parts, " ".join(f"{x['name']}: {p.explanation}" for x, p in zip(s["subject"], parts, strict=True))
            )
        subj = s["subject"][0]
        kind = s["sequence"]
        if kind == "seq_b2b" and s.get("races") == "listed" and len(s.get("events") or []) > 1:
            season = (s.get("seasons") or [self.article_season()])[-1]
            try:
                same = len({self.event_ref(season, e).event_name for e in s["events"]}) == 1
            except PitboardError:
                same = False
            if same:
                # "won at Laguna Seca and went back-to-back at Monterey": one race, two editions
                s = {**s, "races": "editions", "event": s["events"][0], "events": None, "length": 2}
                claim = replace(claim, slots=s)
        n = s.get("length") or 2
        races: list[tuple[int, dict[str, Any] | None]] = []  # (season, calendar row or None before the data)
        if s.get("races") == "editions" or kind == "seq_years":
            name = s.get("event")
            if not name:
                return Outcome(NOT_CHECKABLE, "The run names no race.", MISSING_ROUND)
            last, _ = self._edition({"event": name, "seasons": []})
            if last is not None and s.get("before_current") and self._race_report({"event": name}):
                last -= 1  # "winners here in each of the past two years": before the race reported
            if last is None:
                return Outcome(
                    NOT_CHECKABLE,
                    f"No edition of {name} on or before {self.date:%d %b %Y} is in the data.",
                    MISSING_ROUND,
                )
            for y in range(last - n + 1, last + 1):
                if y < FIRST_SEASON:
                    races.append((y, None))
                    continue
                ref = self.event_ref(y, name)
                races += [(y, c) for c in self.calendar(y) if c["event_name"] == ref.event_name]
            cls = s.get("class")  # a subject's class can change between editions (DPi → GTP)
        else:
            season = (s.get("seasons") or [self.article_season()])[-1]
            cls = self._class_of(subj, claim, season)
            if cls is None:
                return Outcome(CONTRADICTED, f"{subj['name']} did not start a championship race in {season}.")
            rounds = self._rounds(season, cls)
            names = [self.event_ref(season, e).event_name for e in s.get("events") or []]
            idx = [i for i, c in enumerate(rounds) if c["event_name"] in names]
            how = s.get("races") or ("ending" if s.get("event") else "latest")
            if how == "window":
                # a team or make in several classes: a run in any of them
                classes = [cls]
                if subj["kind"] in ("team", "manufacturer") and not s.get("class"):
                    raced = {r["class"] for r in self.subject_races(subj, claim, season).races if r["started"]}
                    classes = sorted(raced, key=lambda c: c != cls)
                outcomes = []
                for c in classes:
                    done = [x for x in self._rounds(season, c) if x["race_date"] and x["race_date"] <= self.date]
                    outcomes.append(self._window(claim, subj, season, c, done, n))
                order = {SUPPORTED: 0, NOT_CHECKABLE: 1, CONTRADICTED: 2}
                return min(outcomes, key=lambda o: order[o.verdict])
            if how == "first":
                chosen = rounds[:n]
            elif how == "last" or how == "latest":
                done = [c for c in rounds if c["race_date"] and c["race_date"] <= self.date]
                if s.get("before_current") and s.get("event"):
                    # "the previous two races", in the report of a race: the rounds before it
                    here = self.event_ref(season, s["event"]).event_name
                    done = done[: next((i for i, c in enumerate(done) if c["event_name"] == here), len(done))]
                chosen = done[-n:]
            elif how == "between" and len(idx) >= 2:
                chosen = rounds[idx[0] : idx[-1] + 1]
            elif how == "ending":
                if not names and not s.get("event"):
                    return Outcome(NOT_CHECKABLE, "The run names no race it ends at.", AMBIGUOUS)
                end_name = names[-1] if names else self.event_ref(season, s["event"]).event_name
                end = next((i for i, c in enumerate(rounds) if c["event_name"] == end_name), None)
                if end is None:
                    return Outcome(CONTRADICTED, f"{end_name} {season} had no {cls} race.")
                chosen = rounds[max(0, end - n + 1) : end + 1]
            else:
                chosen = [rounds[i] for i in idx]
                if kind in ("seq_run", "seq_b2b") and idx and idx != list(range(idx[0], idx[0] + len(idx))):
                    between = [rounds[i]["event_name"] for i in range(idx[0], idx[-1] + 1) if i not in idx]
                    if all(rounds[i]["status"] == "missing" for i in range(idx[0], idx[-1] + 1) if i not in idx):
                        # the round between is missing: whether the car raced it is not known
                        return Outcome(
                            NOT_CHECKABLE,
                            f"{', '.join(between)} came between the races named, and is missing from the data.",
                            MISSING_ROUND,
                        )
                    return Outcome(
                        CONTRADICTED,
                        f"The races named are not consecutive {cls} rounds of {season}: {', '.join(between)} came between.",
                    )
            races = [(season, c) for c in chosen]
        # what happened in each race
        hits, misses, unknown, evidence = [], [], [], []
        for season, c in races:
            if c is None:
                unknown.append((f"{season}", BEFORE_DATA))
                continue
            label = f"{c['event_name']} {season}"
            if c["status"] == "missing":
                unknown.append((label, MISSING_ROUND))
                continue
            ans = self.subject_races(subj, claim, season)
            rows = [
                r
                for r in ans.races
                if r["event_name"] == c["event_name"] and r["started"] and (cls is None or r["class"] == cls)
            ]
            ok = [r for r in rows if _sequence_hit(r, s)]
            (hits if ok else misses).append(label)
            evidence += self.lines((ok or rows)[:2])
        q = s.get("quantity", "all")
        said = {"all": f"all {len(races)}", "any": "at least one", 0: "none"}.get(q, str(q))
        text = (f"The data shows {subj['name']} {_predicate_text(s)} at {', '.join(hits) or 'none of them'}"
                + (f"; not at {', '.join(misses)}" if misses else "")
                + (f"; not in the data: {', '.join(u for u, _ in unknown)}" if unknown else "") + f" (claimed: {said})")  # fmt: skip
        count, room = len(hits), len(unknown)
        if q == "all":
            wrong, open_ = bool(misses), bool(unknown)
        elif q == 0:
            wrong, open_ = bool(hits), bool(unknown)
        elif q == "any":
            wrong, open_ = not hits and not unknown, not hits and bool(unknown)
        else:
            wrong, open_ = count > q or count + room < q, count != q or bool(room)
            wrong = wrong or (not room and count != q)
        if len(races) < n and not unknown:
            wrong = wrong or q == "all"
        if wrong:
            return Outcome(CONTRADICTED, text + ".", evidence=evidence)
        if open_ and unknown:
            reason = BEFORE_DATA if any(r == BEFORE_DATA for _, r in unknown) else MISSING_ROUND
            return Outcome(NOT_CHECKABLE, text + ".", reason, evidence)
        return Outcome(SUPPORTED, text + ".", evidence=evidence)

    def _window(self, claim: Claim, subj: dict[str, Any], season: int, cls: str,
                rounds: list[dict[str, Any]], n: int) -> Outcome:  # fmt: skip
        """ "won three straight races over the summer": some n consecutive rounds of the class in
        the season (up to the publication date) all won. A missing round inside a run could
        complete or break it: supported only by a run the data holds whole, contradicted only if
        no run could be whole even with the missing rounds won."""
        ans = self.subject_races(subj, claim, season)
        marks: list[bool | None] = []
        evidence: list[Any] = []
        for c in rounds:
            if c["status"] == "missing":
                marks.append(None)
                continue
            rows = [r for r in ans.races if r["event_name"] == c["event_name"] and r["started"] and r["class"] == cls]
            ok = [r for r in rows if _sequence_hit(r, claim.slots)]
            marks.append(bool(ok))
            evidence += self.lines(ok[:1])
        runs = [marks[i : i + n] for i in range(len(marks) - n + 1)]
        best = max((sum(1 for _ in itertools.takewhile(bool, marks[i:])) for i in range(len(marks))), default=0)
        text = (f"The data shows {subj['name']}'s longest run of races in a row in which it {_predicate_text(claim.slots)} "
                f"in {cls} in {season} up to {self.date:%d %b %Y} was {best} (claimed: {n})")  # fmt: skip
        if any(all(x is True for x in w) for w in runs):
            return Outcome(SUPPORTED, text + ".", evidence=evidence)
        if any(all(x is not False for x in w) for w in runs):
            return Outcome(
                NOT_CHECKABLE, text + "; a round missing from the data could complete a run.", MISSING_ROUND, evidence
            )
        return Outcome(CONTRADICTED, text + ".", evidence=evidence)

    # -- streaks ----------------------------------------------------------------------------------
    def _streak(self, claim: Claim) -> Outcome:
        if claim.slots.get("ended_run"):
            return Outcome(
                NOT_CHECKABLE,
                "A run said to have ended at the race reported: the checker reads runs up to the publication date, not before a race.",
                AMBIGUOUS,
            )
        return self._streak_to_date(claim)

    def _none_since(self, claim: Claim, subj: dict[str, Any], hits: list[dict[str, Any]], word: str,
                    question: list[str]) -> Outcome:  # fmt: skip
        """ "has not won since Road America" / "since 2022": no win after that race (or season) up
        to the publication date; a championship round missing from the data in between could
        hold one."""
        s = claim.slots
        if s.get("since_season") and s["since_season"] < FIRST_SEASON:
            # "looking for its first Rolex 24 win since 2020": any win in the data is after it
            if hits:
                shown = ", ".join(f"{r['event_name']} {r['season']}" for r in hits)
                return Outcome(CONTRADICTED, f"The data shows {subj['name']} with {word} after {s['since_season']}: {shown}.",
                               evidence=self.lines(hits), question=question)  # fmt: skip
            return Outcome(NOT_CHECKABLE, f"{s['since_season']} is before the data.", BEFORE_DATA)
        if s.get("since_event"):
            season, ref = self._edition(
                {"event": s["since_event"], "seasons": [s["since_season"]] if s.get("since_season") else []}
            )
            if season is None or ref is None:
                return Outcome(NOT_CHECKABLE, f"No edition of {s['since_event']} is in the data.", MISSING_ROUND)
            if season < FIRST_SEASON:
                return Outcome(NOT_CHECKABLE, f"{season} is before the data.", BEFORE_DATA)
            day = self._race_date(ref.event_name, season)
            label = f"{ref.event_name} {season}"
        elif s.get("since_season"):
            season = s["since_season"]
            if season < FIRST_SEASON:
                return Outcome(NOT_CHECKABLE, f"{season} is before the data.", BEFORE_DATA)
            day, label = dt.date(season, 12, 31), str(season)
        else:
            return Outcome(NOT_CHECKABLE, "The claim names no race or season it counts from.", AMBIGUOUS)
        if day is None:
            return Outcome(NOT_CHECKABLE, f"{label} has no date in the calendar.", MISSING_ROUND)
        then = [
            r for r in hits if r["season"] == season and (not s.get("since_event") or r["event_name"] == ref.event_name)
        ]
        if s.get("won_then") and not then:
            # "looking for its first Rolex 24 win since 2021": there was one in 2021
            return Outcome(CONTRADICTED, f"The data shows no {word[:-1]} for {subj['name']} at {label}.",
                           question=question)  # fmt: skip
        later = [r for r in hits if r["race_date"] and r["race_date"] > day]
        if later:
            shown = ", ".join(f"{r['event_name']} {r['season']}" for r in later)
            return Outcome(CONTRADICTED, f"The data shows {subj['name']} with {word} after {label}: {shown}.",
                           evidence=self.lines(later), question=question)  # fmt: skip
        gaps = self._missing_rounds(day, self.date)
        if s.get("at_event"):  # "its first Rolex 24 win since": only a missing Rolex 24 could hold one
            gaps = self._missing_rounds(day, self.date, event=s["at_event"])
        text = f"The data shows no {word} for {subj['name']} after {label} up to {self.date:%d %b %Y}"
        if gaps:
            return Outcome(NOT_CHECKABLE, f"{text}; missing from the data: {'; '.join(gaps)}.", MISSING_ROUND,
                           question=question)  # fmt: skip
        return Outcome(SUPPORTED, text + ".", question=question)

    def _streak_to_date(self, claim: Claim) -> Outcome:
        s = claim.slots
        if s.get("sequence"):
            return self._sequence(claim)
        subj = s["subject"][0]
        metric = s.get("metric") or "wins"
        scope = {"until": self.date}
        if s.get("class"):
            scope["cls"] = s["class"]
        ans = self.subject_stats(subj, claim, **scope)
        started = sorted((r for r in ans.races if r["started"]), key=lambda r: (r["race_date"], r["session_id"]))
        hits = [r for r in started if _counts(r, metric)]
        if s.get("at_event"):
            hits = [r for r in hits if _same_event(self.pb, s["at_event"], r)]  # "its first VIR victory since"
        question = [_question(subj, scope)]
        word = METRIC_WORDS.get(metric, metric)
        if s.get("streak") == "none since":
            return self._none_since(claim, subj, hits, word, question)
        if s.get("streak") == "first since":
            if not hits:
                return Outcome(
                    CONTRADICTED,
                    f"The data shows no {word} for {subj['name']} up to {self.date:%d %b %Y}.",
                    question=question,
                )
            last = hits[-1]
            prev = hits[-2] if len(hits) > 1 else None
            evidence = self.lines([r for r in (prev, last) if r])
            target_season, target_event = s.get("since_season"), s.get("since_event")
            if prev is None:
                if target_season is not None and target_season < FIRST_SEASON:
                    return Outcome(NOT_CHECKABLE, f"The data shows no earlier {word[:-1]} than {last['event_name']} {last['season']} since {FIRST_SEASON}; {target_season} is before the data.",
                                   BEFORE_DATA, evidence, question)  # fmt: skip
                return Outcome(NOT_CHECKABLE, f"{last['event_name']} {last['season']} is the first {word[:-1]} in the data; earlier seasons are not in it.",
                               BEFORE_DATA, evidence, question)  # fmt: skip
            said = f"{prev['event_name']} {prev['season']}"
            ok = (target_season is None or prev["season"] == target_season) and (
                target_event is None or _same_event(self.pb, target_event, prev)
            )
            text = f"The data shows {subj['name']}'s {word[:-1]} at {last['event_name']} {last['season']} came after the previous one at {said}"
            if target_season is not None and target_season < FIRST_SEASON:
                return Outcome(
                    CONTRADICTED, text + f", later than {target_season}.", evidence=evidence, question=question
                )
            gaps = self._missing_rounds(prev["race_date"], last["race_date"] - dt.timedelta(days=1), [last["class"]])
            if ok and gaps:
                # a round missing from the data between the two could hold another one
                return Outcome(NOT_CHECKABLE, f"{text}; missing from the data in between: {'; '.join(gaps)}.",
                               MISSING_ROUND, evidence, question)  # fmt: skip
            return Outcome(SUPPORTED if ok else CONTRADICTED, text + ".", evidence=evidence, question=question)
        # consecutive
        claimed = s.get("value") or 2
        if s.get("event"):
            if subj["kind"] == "car":
                # a car is one season's entry: its number and team in each season are the editions
                started = [
                    r for y in self._seasons if dt.date(y, 1, 1) <= self.date
                    for r in self._car_races_at(subj, claim, y, s["event"])
                ]  # fmt: skip
            hits_at = [r for r in started if _counts(r, metric)]
            seasons = sorted({r["season"] for r in hits_at})
            run = 0
            for y in reversed(seasons):
                if not run or y == seasons[-1] - run:
                    run += 1
            text = f"The data shows {subj['name']} with {word} at {s['event']} in {', '.join(map(str, seasons)) or 'no season'}"
            evidence = self.lines(hits_at)
            if run >= claimed:
                return Outcome(SUPPORTED, text + ".", evidence=evidence, question=question)
            if seasons and seasons[0] == FIRST_SEASON and seasons[-1] - FIRST_SEASON + 1 == run:
                return Outcome(
                    NOT_CHECKABLE, text + f"; {FIRST_SEASON - 1} is not in the data.", BEFORE_DATA, evidence, question
                )
            return Outcome(CONTRADICTED, text + ".", evidence=evidence, question=question)
        current = 0
        for r in reversed(started):
            if not _counts(r, metric):
                break
            current += 1
        streak_rows = started[len(started) - current :] if current else []
        evidence = self.lines(streak_rows or started[-1:])
        text = (
            f"The data shows a current run of {current} {word} in a row for {subj['name']} up to {self.date:%d %b %Y}"
        )
        if current == claimed:
            return Outcome(SUPPORTED, text + ".", evidence=evidence, question=question)
        if current == len(started) and current < claimed and started and started[0]["season"] == FIRST_SEASON:
            return Outcome(
                NOT_CHECKABLE,
                text + " (since its first start in the data); earlier races are not in it.",
                BEFORE_DATA,
                evidence,
                question,
            )
        return Outcome(CONTRADICTED, text + ".", evidence=evidence, question=question)


_REASON_TEXT = {
    "before the data": f"This is about seasons before {FIRST_SEASON}, which are not in the data.",
    "outside the championship": "This is about a race or series outside the WeatherTech championship, which the data does not cover.",
    "missing round": "This depends on a championship round missing from the data.",
    "not a statistic": "This is not a statistic the timing data records (ages, contracts, plans).",
    "ambiguous reading": "The line-up's subject is a name the checker could not read, so whose line-up it is is not known.",
}


#: A race report: published within this many days after its race.
REPORT_DAYS = 14
#: How each inferred source reads in an explanation.
_SOURCE_TEXT = {
    "sentence": "another claim of the sentence",
    "paragraph": "the race the paragraph reports on",
    "article": "the article's own race",
    "publication date": "the publication date",
    "article season": "the article's season",
    "default": "no time stated (read as a career figure)",
    "context": "an earlier sentence",
    "pronoun": "a pronoun",
    "fuzzy": "a near spelling",
}


def _all_of(parts: list[Outcome], text: str) -> Outcome:
    """A claim made of parts (every race of a list, every subject): supported only if every part
    is, contradicted if any part is, else not checkable for the first part that is not."""
    evidence = [e for p in parts for e in p.evidence]
    questions = [q for p in parts for q in p.question]
    if all(p.verdict == SUPPORTED for p in parts):
        return Outcome(SUPPORTED, text, evidence=evidence, question=questions)
    if any(p.verdict == CONTRADICTED for p in parts):
        return Outcome(CONTRADICTED, text, evidence=evidence, question=questions)
    bad = next(p for p in parts if p.verdict == NOT_CHECKABLE)
    return Outcome(NOT_CHECKABLE, text, bad.reason, evidence, questions)


def _holds_otherwise(outcome: Outcome, other: Outcome, reading: str) -> Outcome:
    """``not checkable (ambiguous reading)``: the claim fails as read but holds read another way
    (``reading``: "of Heinrich", "at Monterey", "for its drivers"); both readings explained."""
    return Outcome(
        NOT_CHECKABLE,
        f"Ambiguous reading: {outcome.explanation} But read {reading}, the claim holds: {other.explanation}",
        AMBIGUOUS,
        outcome.evidence + other.evidence,
        outcome.question + other.question,
    )


def _ambiguous_reading(weak: list[tuple[str, dict[str, Any]]], outcome: Outcome) -> Outcome:
    """``not checkable (ambiguous reading)``: the inferred slots, where each came from, and what
    the data shows under that reading."""
    how = "; ".join(
        f"the {slot} ({v['value'] if v.get('value') is not None else 'not stated'}) is inferred from "
        f"{_SOURCE_TEXT.get(v['source'], v['source'])}, confidence {v['confidence']}"
        for slot, v in weak
    )
    return Outcome(
        NOT_CHECKABLE, f"Ambiguous reading: {how}. Under that reading: {outcome.explanation}", AMBIGUOUS,
        outcome.evidence, outcome.question,
    )  # fmt: skip


def _lap(ms: int | None) -> str:
    if not ms:
        return "no time"
    return f"{ms // 60000}:{ms % 60000 / 1000:06.3f}"


def _sequence_hit(row: dict[str, Any], slots: dict[str, Any]) -> bool:
    pos = row.get("position") if slots.get("overall") else row.get("class_position")
    what = slots.get("predicate", "win")
    if what == "pole":
        return bool(row.get("pole"))
    if pos is None:
        return False
    return {"win": pos == 1, "podium": pos <= 3, "top5": pos <= 5, "position": pos == slots.get("position")}[what]


def _predicate_text(slots: dict[str, Any]) -> str:
    what = slots.get("predicate", "win")
    if what == "position":
        return f"finished P{slots.get('position')}"
    return {"win": "won overall" if slots.get("overall") else "won", "pole": "took pole", "podium": "was on the podium",
            "top5": "finished in the top five"}[what]  # fmt: skip


def _names(subj: dict[str, Any], text: str) -> bool:
    """Whether a published subject ("Pipo Derani / Felipe Nasr", "#31 Whelen Engineering
    Racing", "Cadillac") names ``subj``."""
    low = text.casefold()
    if subj["kind"] == "driver":
        return subj["name"].casefold() in low or subj["name"].split()[-1].casefold() in low
    if subj["kind"] == "car":
        return f"#{subj['key']} " in text + " " or f"no. {subj['key']}" in low
    name = subj["name"].casefold()
    head = low.split(" (")[0].strip()  # "Meyer Shank Racing (Blomqvist / Jarvis)": the team
    return name in low or low in name or (len(head) > 3 and head in name)


def _reference_of(pb: Pitboard, table: Any, fig: Any) -> str:
    from pitboard.queries import standings as sq

    for f in sq.published_figures(pb.db, table.season, table.cls, table.championship):
        if f["figure_id"] == fig.figure_id:
            return f["reference"] or ""
    return ""


def _table_row(checker: Checker, table: Any, subj: dict[str, Any], claim: Claim) -> Any:
    """The subject's row; a car or team in a drivers' table is its best-placed crew."""
    from pitboard.standings import _row_of

    if subj["kind"] in ("car", "team") and table.championship in ("drivers", "endurance"):
        ans = checker.subject_races(subj, claim, table.season)
        names = {
            n.strip()
            for r in ans.races
            if r["started"] and r["class"] == table.cls
            for n in (r.get("drivers") or "").split("/")
        }
        rows = [r for r in table.rows if r.name in names]
        return min(rows, key=lambda r: -r.points) if rows else None
    if subj["kind"] == "car":
        return _row_of(checker.pb, table, f"#{subj['key']}", subj["key"])
    return _row_of(checker.pb, table, subj["name"], None)


#: "Pierson and Kelly drove the No. 52 at …": one car, the crew at each race
_DROVE_THE = re.compile(r"\b(?:dr(?:ove|ives?)|rac(?:e|es|ed)) the (?:car|No\.)|\bshare\b", re.I)
_SHARED = re.compile(
    r"\b(?:shar(?:ed|es|ing)|together|co-?dr(?:ove|ive|iving|iven)|teamed|same car|crew(?:ed)?)\b", re.I
)


def _crew_gaps(crew: list[dict[str, Any]], started: list[dict[str, Any]], events: list[str]) -> list[str]:
    """The races among ``events`` where the first of ``crew`` did not start, or started without
    one of the others (race rows of the first's season)."""
    problems = []
    by_event: dict[str, list[dict[str, Any]]] = {}
    for r in started:
        by_event.setdefault(r["event_name"], []).append(r)
    for event in events:
        rows = by_event.get(event)
        if not rows:
            problems.append(f"{crew[0]['name']} did not start {event}")
            continue
        # a driver entered in two cars at one race (Daytona): the crew in either
        absent = min(
            (
                [m["name"] for m in crew[1:] if m["name"] not in (row.get("co_drivers") or row.get("drivers") or "")]
                for row in rows
            ),
            key=len,
        )
        if absent:
            problems.append(f"{' and '.join(absent)} not in the car at {event}")
    return problems


def _reason_of(exc: PitboardError) -> str:
    from pitboard.exceptions import AmbiguousNameError, InputError

    text = str(exc)
    if isinstance(exc, AmbiguousNameError):
        return AMBIGUOUS  # a number several cars carried that season, which the article does not tell apart
    if isinstance(exc, InputError) and "no season" in text:
        return BEFORE_DATA if any(f"{y}" in text for y in range(1990, FIRST_SEASON)) else MISSING_ROUND
    if "missing from the data" in text:
        return MISSING_ROUND
    return "outside the championship"


def _counts(row: dict[str, Any], metric: str) -> bool:
    if not row.get("started"):
        return False
    pos = row.get("class_position")
    return {
        "wins": pos == 1,
        "overall_wins": row.get("position") == 1,
        "podiums": pos is not None and pos <= 3,
        "top5s": pos is not None and pos <= 5,
        "seconds": pos == 2,
        "poles": bool(row.get("pole")),
        "fastest_laps": bool(row.get("fastest_lap")),
        "starts": True,
    }.get(metric, False)


def _cars_per_race(ans: StatsAnswer, metric: str | None = None) -> int:
    """How many cars the subject ran in one race at most (1 for a driver or a car): what one
    missing race could add to a count. A class has one win, pole and fastest lap a race, so for
    those the classes it ran in one race at most (two Corvettes in GTLM: one win a race)."""
    if ans.kind in ("driver", "car"):
        return 1
    if metric in ("wins", "poles", "fastest_laps"):
        classes: dict[str, set[str]] = {}
        for r in ans.races:
            classes.setdefault(r["session_id"], set()).add(r["class"])
        return max((len(c) for c in classes.values()), default=1)
    per = Counter(r["session_id"] for r in ans.races)
    return max(per.values()) if per else 1


#: Classes that began in the WeatherTech Championship within the data: a career figure in one of
#: them has no seasons before the data (GTP replaced DPi in 2023, GTD PRO split from GTD in 2022,
#: LMP3 joined the championship in 2021).
CLASS_FIRST_SEASON = {"GTP": 2023, "GTDPRO": 2022, "LMP3": 2021}


def _reaches_before(slots: dict[str, Any]) -> bool:
    if CLASS_FIRST_SEASON.get(slots.get("class") or "", 0) >= FIRST_SEASON:
        return False
    if slots.get("career"):
        return True
    since = slots.get("since")
    if since is not None and since.year < FIRST_SEASON:
        return True
    seasons = slots.get("seasons") or []
    return bool(seasons) and min(seasons) < FIRST_SEASON


def _span_text(slots: dict[str, Any], date: dt.date) -> str:
    date = min(slots.get("until") or date, date)
    where = f" at {slots['event']}" if slots.get("event") else ""
    cls = f" in {slots['class']}" if slots.get("class") else ""
    seasons = slots.get("seasons") or []
    if seasons:
        when = f"in {seasons[0]}" if len(seasons) == 1 else f"in {seasons[0]}–{seasons[-1]}"
        if max(seasons) >= date.year:
            when += f" up to {date:%d %b %Y}"
    elif slots.get("since") and slots["since"].year >= FIRST_SEASON:
        when = f"between {slots['since']:%d %b %Y} and {date:%d %b %Y}"
    else:
        when = f"between {FIRST_SEASON} and {date:%d %b %Y}"
    return f"{when}{where}{cls}"


def _claimed(value: int, word: str, starts: int | None) -> str:
    return f"{value} {word}" + (f" in {starts} starts" if starts is not None else "")


def _question(subj: dict[str, Any], scope: dict[str, Any]) -> str:
    args = ", ".join(f"{k}={v.isoformat() if isinstance(v, dt.date) else v!r}" for k, v in scope.items())
    return f"stats({subj['kind']!r}, {subj['name']!r}{', ' + args if args else ''})"


def _race_fact(claim: Claim, r: dict[str, Any], name: str, event_label: str) -> tuple[bool | None, str]:
    """Whether the race row shows the claim's place, grid slot or fastest lap, and how it reads
    (None: the row cannot tell, e.g. a car with no grid place in the data)."""
    s = claim.slots
    where = f"{event_label} ({r['class']}, #{r['number']})"
    corrected = " after IMSA's post-race decision" if r.get("corrected") else ""
    if claim.type == "qualifying":
        grid = s.get("grid") or 1
        actual = r.get("grid_class_position")
        if actual is None and grid != 1:
            return None, f"no grid place for {name} at {where}"
        if s.get("grid_at_most"):
            ok = actual is not None and actual <= grid
            return ok, f"{name} qualified P{actual} in class at {where}"
        if grid == 1:
            return bool(r.get("pole")), f"{name} {'took' if r.get('pole') else 'did not take'} pole at {where}" + (
                "" if r.get("pole") or actual is None else f"; started P{actual} in class"
            )
        return actual == grid, f"{name} qualified P{actual} in class at {where}"
    if claim.type == "fastest_lap":
        ok = bool(r.get("fastest_lap"))
        return ok, f"{name} {'set' if ok else 'did not set'} the class's fastest race lap at {where}"
    if s.get("dnf"):
        # "failed to finish", "retired after 116 laps": not running at the flag (and the laps done)
        out = r.get("finish_status") == "retired"
        laps = s.get("dnf_laps")
        ok = out and (laps is None or r.get("laps") == laps)
        done = f"{r.get('laps')} laps, " if laps is not None else ""
        return (
            ok,
            f"{name} {'retired' if out else 'was running at the finish'} ({done}{r.get('finish_status')}) at {where}",
        )
    overall = s.get("overall")
    actual = r.get("position") if overall else r.get("class_position")
    label = "overall" if overall else "in class"
    want = s.get("position") or 1
    ok = actual is not None and (actual <= want if s.get("at_most") else actual == want)
    pos = f"P{actual}" if actual is not None else "unclassified"
    return ok, f"{name} finished {pos} {label} at {where}{corrected}"


def _entrants(subj: dict[str, Any], ans: Any, cls: str, kind: str) -> set[str]:
    """The names a team or car stands for in a drivers' table (its crews in the class that
    season) or a manufacturers' table (the models of its cars: "Chevrolet Corvette C8.R");
    empty for any other reading."""
    rows = [r for r in ans.races if r["started"] and r["class"] == cls]
    if subj["kind"] == "driver" and kind == "teams":
        # a driver's teams' title is the entry (car) they drove: "#57 Winward Racing"
        return {f"#{r['number']} {r['team']}" for r in rows}
    if subj["kind"] not in ("team", "car", "driver") or kind not in ("drivers", "endurance", "manufacturers"):
        return set()
    if kind == "manufacturers":
        return {str(r["model"]).casefold() for r in rows if r.get("model")}
    if subj["kind"] == "driver":
        return set()
    crews = [r.get("drivers") or "" for r in rows]
    return {n.strip() for c in crews for n in (c if isinstance(c, (list, tuple)) else c.split("/")) if n.strip()}


def _entrant(name: str, entrants: set[str], kind: str) -> bool:
    """A table row ``name`` is one the subject stands for (``_entrants``)."""
    if kind == "manufacturers":
        return any(m.startswith(name.casefold()) for m in entrants)
    if kind == "teams":
        return name in entrants
    return any(n.casefold() in name.casefold() for n in entrants)


def _holds(subj: dict[str, Any], row: Any, ans: StatsAnswer) -> bool:
    if subj["kind"] == "driver":
        return row.key == subj["key"] or row.name == subj["name"]
    if subj["kind"] == "manufacturer":
        return row.name == subj["name"]
    if subj["kind"] == "car":
        return row.name.startswith(f"#{ans.subject.get('number')} ")
    return team_key(subj["name"]) in team_key(row.name)


def _margin_holds(gap: float, margin: float, digits: int, cmp: str | None) -> bool | None:
    """Whether a timed gap fits the margin a claim gives: to the precision written ("0.74
    seconds": 0.735-0.745), as a bound ("more than 12 seconds": ">", "less than": "<"), or None
    when the claim gives no exact figure ("nearly 16 seconds": "~")."""
    if cmp == "~":
        return None
    if cmp in (">", "<"):
        return gap > margin if cmp == ">" else gap < margin
    return abs(gap - margin) <= 0.5 * 10**-digits + 1e-9


def _publication_error(fig: Any) -> bool:
    """A published figure the file marks as the publisher's error (a typo another source
    corrects): not the record."""
    return (fig.known_difference or "").casefold().startswith("publication error")


def _make_of(model: str | None) -> str:
    """The make of a car from its model ("Corvette C8.R" → Chevrolet, "Porsche 911 GT3 R" → Porsche)."""
    first = (model or "").split(" ")[0].casefold()
    return MANUFACTURER_ALIASES.get(first, first).casefold()  # one case, however the make was named


def _same_event(pb: Pitboard, query: str, row: dict[str, Any]) -> bool:
    """Is ``row`` a race of the event ``query`` names in its season? A venue with two rounds that
    season ("Watkins Glen" in 2021: the Six Hours and the WeatherTech 240) matches either."""
    try:
        return pb.event(row["season"], query).event_name == row["event_name"]
    except AmbiguousNameError as exc:
        names = {re.sub(r"\s+\(\d{4}-\d\d-\d\d\)$", "", str(c)) for c in getattr(exc, "candidates", ())}
        return row["event_name"] in names
    except PitboardError:
        return False


def _describes(d: dict[str, Any], row: dict[str, Any]) -> bool:
    """A name describing a car fits its race row (driver in the crew, team, make in the model)."""
    name = d["name"].casefold()
    if d["kind"] == "driver":
        crew = row.get("drivers") or row.get("co_drivers") or []  # a driver's own rows list the others
        crew = crew if isinstance(crew, (list, tuple)) else [c.strip() for c in str(crew).split("/")]
        return any(name == str(c).casefold() or name.split()[-1] in str(c).casefold() for c in crew)
    if d["kind"] == "team":
        return name in (row.get("team") or "").casefold() or (row.get("team") or "").casefold() in name
    if d["kind"] == "car":
        return str(row.get("number")) == str(d["key"])
    if d["kind"] == "manufacturer" and row.get("model"):
        # the make in the car's model ("Mazda RT24-P"), or one of its names ("Corvette C8.R")
        terms = {name, *(alias for alias, make in MANUFACTURER_ALIASES.items() if make.casefold() == name)}
        return any(t in str(row["model"]).casefold() for t in terms)
    return True
