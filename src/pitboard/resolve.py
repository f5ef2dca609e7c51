"""Forgiving names: events ("sebring", "Petit Le Mans", "rolex 24", "daytona"), sessions
("qualifying", "fp2", "race") and classes ("GTD Pro").

A name matches when every word of it is found among an event's names (event name, aliases,
circuit names, city, folder), or when it is close to one of them (a typo). When several events
match equally well the championship round wins ("daytona" is the Rolex 24, not the Roar or a
test); when that still leaves several, the name is ambiguous and the error lists them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

from pitboard.domain.classes import display_class, normalise_class
from pitboard.exceptions import AmbiguousNameError, NotFoundError

#: How close (difflib ratio) a misspelt name must be to count as a match.
FUZZY_MIN_RATIO = 0.8


def _words(text: str) -> list[str]:
    return re.findall(r"[0-9a-z]+", text.casefold().replace("'", ""))


@dataclass(frozen=True)
class EventMatch:
    event_id: str | None
    event_name: str
    championship: bool
    status: str
    score: int


def match_event(query: str, candidates: list[dict]) -> dict:
    """The candidate event ``query`` names. Raises ``NotFoundError`` / ``AmbiguousNameError``."""
    q_words = _words(query)
    q_text = " ".join(q_words)
    if not q_words:
        raise NotFoundError("no event name given", [c["event_name"] for c in candidates])
    scored: list[tuple[int, dict]] = []
    for cand in candidates:
        names = [cand["event_name"], *[n for n in cand["names"].split(";") if n.strip()]]
        folded = [" ".join(_words(n)) for n in names]
        if cand["event_id"] and q_text in {cand["event_id"].casefold(), cand["event_id"].split("/")[-1]}:
            score = 4
        elif q_text in folded:
            score = 3
        else:
            vocab = {w for n in folded for w in n.split()}
            if all(w in vocab or (len(w) >= 3 and any(v.startswith(w) for v in vocab)) for w in q_words):
                score = 2
            elif max((difflib.SequenceMatcher(None, q_text, n).ratio() for n in folded), default=0) >= FUZZY_MIN_RATIO:
                score = 1
            else:
                score = 0
        if score:
            scored.append((score, cand))
    if not scored:
        raise NotFoundError(f"no event matches {query!r}", [f"{c['event_name']} ({c['status']})" for c in candidates])
    best = max(s for s, _ in scored)
    top = [c for s, c in scored if s == best]
    if len(top) > 1:
        champ = [c for c in top if c["championship"]]
        if len(champ) == 1:
            top = champ
    if len(top) > 1:
        raise AmbiguousNameError(
            f"{query!r} matches {len(top)} events: say which",
            [f"{c['event_name']} ({c['race_date'] or c['event_id']})" for c in top],
        )
    others = tuple(c["event_name"] for s, c in sorted(scored, key=lambda p: -p[0]) if c is not top[0])[:5]
    return {**top[0], "_how": _EVENT_HOW[best], "_others": others}


#: How an event name matched, by its score in ``match_event``, and how sure that is.
_EVENT_HOW = {4: ("folder", 1.0), 3: ("exact", 1.0), 2: ("words", 0.9), 1: ("fuzzy", 0.8)}


def event_resolution(query: str, candidates: list[dict]) -> Resolution:
    """``match_event`` as a ``Resolution`` (key: the event id, or ``season:name`` for a round
    missing from the data)."""
    found = match_event(query, candidates)
    how, confidence = found["_how"]
    key = found["event_id"] or f"missing:{found['event_name']}"
    return Resolution(query, key, found["event_name"], how, confidence, found["_others"])


def session_resolution(query: str | None, sessions: list[dict]) -> Resolution:
    """``match_session`` as a ``Resolution`` (key: the session id)."""
    found = match_session(query, sessions)
    how = "default: the race" if query is None else ("exact" if query.strip().casefold() == found["slug"] else "alias")
    return Resolution(query or "", found["session_id"], found["name"], how, 1.0)


def class_resolution(query: str, classes: list[str]) -> Resolution:
    """A class name ("GTD Pro", "gtdpro", "DPi") as a ``Resolution`` among ``classes``."""
    code = match_class(query, classes)
    assert code is not None
    how = "exact" if query.strip() == display_class(code) else "spelling"
    return Resolution(query, code, display_class(code), how, 1.0)


#: What people type for a leaderboard metric.
_METRIC_ALIASES = {
    "win": "wins",
    "victories": "wins",
    "pole": "poles",
    "pole positions": "poles",
    "podium": "podiums",
    "top5": "top5s",
    "top 5": "top5s",
    "top 5s": "top5s",
    "top fives": "top5s",
    "start": "starts",
    "races": "starts",
    "fastest lap": "fastest-laps",
    "fastest laps": "fastest-laps",
    "laps led": "laps-led",
    "overall wins": "overall-wins",
    "dnf": "dnfs",
    "retirements": "dnfs",
    "km": "distance",
    "kilometres": "distance",
}


def metric_resolution(query: str, metrics: tuple[str, ...]) -> Resolution:
    """A leaderboard metric by name or a common form ("fastest laps", "top 5", "pole")."""
    from pitboard.exceptions import InputError

    text = " ".join(query.strip().casefold().replace("_", " ").split())
    if text.replace(" ", "-") in metrics:
        return Resolution(query, text.replace(" ", "-"), text.replace(" ", "-"), "exact", 1.0)
    alias = _METRIC_ALIASES.get(text)
    if alias in metrics:
        return Resolution(query, alias, alias, "alias", 0.95)
    close = difflib.get_close_matches(text.replace(" ", "-"), metrics, n=3, cutoff=FUZZY_MIN_RATIO)
    if len(close) == 1:
        return Resolution(query, close[0], close[0], "fuzzy", 0.8)
    raise InputError(f"unknown metric {query!r}", list(metrics))


_SESSION_ALIASES = {
    "q": "qualifying",
    "quali": "qualifying",
    "qualy": "qualifying",
    "r": "race",
    "wu": "warm-up",
    "warmup": "warm-up",
    "qr": "qualifying race",
}


def match_session(query: str | None, sessions: list[dict]) -> dict:
    """The session ``query`` names among an event's sessions (dicts with slug, kind, name,
    championship_race). ``None`` means the race: the championship race, else the event's
    qualifying race. Raises ``NotFoundError`` / ``AmbiguousNameError``."""
    listing = [s["slug"] for s in sessions]
    if query is None:
        for pick in (
            lambda s: s["championship_race"],
            lambda s: s["kind"] == "race",
            lambda s: s["kind"] == "qualifying race",
        ):
            found = [s for s in sessions if pick(s)]
            if len(found) == 1:
                return found[0]
        raise NotFoundError("this event has no race: choose a session with --session", listing)
    text = query.strip().casefold()
    text = _SESSION_ALIASES.get(text, text)
    match = re.fullmatch(r"(?:fp|p|practice\s*)(\d)", text)
    if match:
        text = f"practice-{match.group(1)}"
    match = re.fullmatch(r"(?:s|session\s*)(\d)", text)
    if match:
        text = f"session-{match.group(1)}"
    for test in (
        lambda s: s["slug"] == text,
        lambda s: s["kind"] == text,
        lambda s: s["name"].casefold() == text,
        lambda s: s["slug"].startswith(text.replace(" ", "-")),
    ):
        found = [s for s in sessions if test(s)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise AmbiguousNameError(
                f"session {query!r} matches {len(found)} sessions: say which", [s["slug"] for s in found]
            )
    raise NotFoundError(f"no session {query!r} in this event", listing)


def match_class(query: str | None, classes: list[str]) -> str | None:
    """Normalise a class name and check the session has it (``None`` passes through)."""
    if query is None:
        return None
    code = normalise_class(query)
    if code not in classes:
        raise NotFoundError(f"no class {query!r} in this session", [display_class(c) for c in classes])
    return code


@dataclass(frozen=True)
class Resolution:
    """How a name was matched: what it became, how (exact, spelling, surname, initial, fuzzy,
    contains), and how sure (1.0 exact)."""

    query: str
    key: str
    name: str
    how: str
    confidence: float
    #: Other things the name could have meant (close runners-up), for a face to offer.
    candidates: tuple[str, ...] = ()


def match_driver(query: str, candidates: list[dict]) -> Resolution:
    """A driver by full name, any spelling, surname, initial + surname or a misspelling.

    A surname shared by several people (Taylor, van der Linde) raises ``AmbiguousNameError``
    listing them; so does a misspelling close to several names.
    """
    from pitboard.domain.names import driver_key

    q = driver_key(query)
    if not q:
        raise NotFoundError("no driver name given")

    def label(c: dict) -> str:
        teams = ", ".join((c.get("teams") or [])[:3])
        return f"{c['name']} ({c['first_season']}–{c['last_season']}{'; ' + teams if teams else ''})"

    for c in candidates:  # fold every spelling once per (cached) candidate list
        if "_keys" not in c:
            c["_keys"] = [driver_key(c["name"])] + [driver_key(s) for s in c["spellings"]]
    exact = [c for c in candidates if q in c["_keys"]]
    if len(exact) == 1:
        c = exact[0]
        return Resolution(query, c["driver_id"], c["name"], "exact" if q == c["_keys"][0] else "spelling", 1.0)
    words = q.split()
    if len(words) >= 2 and len(words[0]) == 1:  # "T. Blomqvist", "T Blomqvist"
        initial = [
            c
            for c in candidates
            if c["_keys"][0].startswith(words[0]) and c["_keys"][0].endswith(" " + " ".join(words[1:]))
        ]
        if len(initial) == 1:
            return Resolution(query, initial[0]["driver_id"], initial[0]["name"], "initial", 0.95)
        if initial:
            raise AmbiguousNameError(
                f"{query!r} matches {len(initial)} drivers: say which", [label(c) for c in initial]
            )
    # "De Angelis", "DeAngelis" and "Deangelis" are one surname to a reader: compare without spaces
    flat = q.replace(" ", "")
    surname = [c for c in candidates if any(_surname_match(k, q, flat) for k in c["_keys"])]
    if len(surname) == 1:
        return Resolution(query, surname[0]["driver_id"], surname[0]["name"], "surname", 0.9)
    if surname:
        raise AmbiguousNameError(
            f"{query!r} matches {len(surname)} drivers: say which", sorted(label(c) for c in surname)
        )
    if len(words) == 1:  # "Pipo", "Helio": a first name only one driver has
        first = [c for c in candidates if any(k.split()[0] == q for k in c["_keys"] if " " in k)]
        if len(first) == 1:
            return Resolution(query, first[0]["driver_id"], first[0]["name"], "first name", 0.85)
        if len(first) > 1:
            raise AmbiguousNameError(
                f"{query!r} is the first name of {len(first)} drivers: say which", sorted(label(c) for c in first)
            )
    scored = []
    for c in candidates:
        keys = set(c["_keys"])
        best = max(
            max(difflib.SequenceMatcher(None, q, k).ratio(), difflib.SequenceMatcher(None, q, k.split()[-1]).ratio())
            for k in keys
        )
        scored.append((best, c))
    scored.sort(key=lambda pair: -pair[0])
    if scored and scored[0][0] >= FUZZY_MIN_RATIO:
        close = [c for score, c in scored if score >= scored[0][0] - 0.03]
        if len(close) == 1:
            return Resolution(query, close[0]["driver_id"], close[0]["name"], "fuzzy", round(scored[0][0], 2))
        raise AmbiguousNameError(f"{query!r} is close to {len(close)} drivers: say which", [label(c) for c in close])
    raise NotFoundError(f"no driver matches {query!r}", [label(c) for _, c in scored[:5]])


def _surname_match(key: str, query: str, flat: str) -> bool:
    if key.endswith(" " + query):
        return True
    words = key.split()
    return any("".join(words[i:]) == flat for i in range(1, len(words)))


def _acronym(name: str) -> str:
    """ "Wayne Taylor Racing" → "wtr"."""
    return "".join(word[0] for word in re.findall(r"[A-Za-z0-9]+", name)).casefold()


def match_team(query: str, candidates: list[dict]) -> Resolution:
    """A team by any spelling, a distinctive part of its name ("Penske"), or a misspelling."""
    from pitboard.domain.names import team_key

    q = team_key(query)
    if not q:
        raise NotFoundError("no team name given")
    exact = [c for c in candidates if q == team_key(c["name"]) or q in {team_key(s) for s in c["spellings"]}]
    if len(exact) == 1:
        return Resolution(query, exact[0]["team_id"], exact[0]["name"], "exact", 1.0)
    if 2 <= len(q) <= 5:  # initials: "WTR" is Wayne Taylor Racing, before any name containing "wtr"
        initials = [c for c in candidates if q in {_acronym(s) for s in [c["name"], *c["spellings"]]}]
        if len(initials) == 1:
            return Resolution(query, initials[0]["team_id"], initials[0]["name"], "initials", 0.9)
        if initials:
            raise AmbiguousNameError(
                f"{query!r} matches {len(initials)} teams: say which", sorted(c["name"] for c in initials)
            )
    nickname = team_nicknames().get(q)
    if nickname is not None:
        found = [c for c in candidates if team_key(c["name"]) == team_key(nickname)]
        if len(found) == 1:
            return Resolution(query, found[0]["team_id"], found[0]["name"], "nickname", 0.95)
    if len(q) >= 3:  # "MSR" for "Meyer Shank Racing w/ Curb Agajanian": the initials begin with it
        leading = [c for c in candidates if any(_acronym(s).startswith(q) for s in [c["name"], *c["spellings"]])]
        if len(leading) == 1:
            return Resolution(query, leading[0]["team_id"], leading[0]["name"], "initials", 0.85)
    part = [c for c in candidates if any(q in team_key(s) for s in [c["name"], *c["spellings"]])]
    if len(part) == 1:
        return Resolution(query, part[0]["team_id"], part[0]["name"], "contains", 0.9)
    if part:
        raise AmbiguousNameError(f"{query!r} matches {len(part)} teams: say which", sorted(c["name"] for c in part))
    scored = sorted(
        (
            (max(difflib.SequenceMatcher(None, q, team_key(s)).ratio() for s in [c["name"], *c["spellings"]]), c)
            for c in candidates
        ),
        key=lambda pair: -pair[0],
    )
    if scored and scored[0][0] >= FUZZY_MIN_RATIO and (len(scored) == 1 or scored[1][0] < scored[0][0] - 0.03):
        return Resolution(query, scored[0][1]["team_id"], scored[0][1]["name"], "fuzzy", round(scored[0][0], 2))
    raise NotFoundError(f"no team matches {query!r}", [c["name"] for _, c in scored[:5]])


#: Names people use for a marque that the data spells otherwise.
MANUFACTURER_ALIASES = {
    "corvette": "Chevrolet",
    "chevy": "Chevrolet",
    "vette": "Chevrolet",
    "caddy": "Cadillac",
    "caddie": "Cadillac",
    "lambo": "Lamborghini",
    "mercedes": "Mercedes-AMG",
    "mercedesbenz": "Mercedes-AMG",
    "amg": "Mercedes-AMG",
    "merc": "Mercedes-AMG",
    "beemer": "BMW",
    "bimmer": "BMW",
    "aston": "Aston Martin",
    "astonmartin": "Aston Martin",
}


@cache
def team_nicknames() -> dict[str, str]:
    """Folded nickname → canonical team name, from ``pitboard/data/team_nicknames.csv`` (names
    people use that are not a spelling in the files: AXR, MSR, Rahal, Ganassi)."""
    import csv
    from importlib import resources

    from pitboard.domain.names import team_key

    text = resources.files("pitboard.data").joinpath("team_nicknames.csv").read_text(encoding="utf-8")
    return {team_key(r["nickname"]): r["team"] for r in csv.DictReader(text.splitlines())}


def match_manufacturer(query: str, names: list[str]) -> Resolution:
    """A manufacturer by name, prefix or common alias ("Corvette" → Chevrolet)."""
    from pitboard.domain.names import team_key

    q = team_key(query)
    alias = MANUFACTURER_ALIASES.get(q)
    for name in names:
        if team_key(name) == q or (alias and name == alias):
            return Resolution(query, name, name, "exact" if not alias else "alias", 1.0)
    prefix = [n for n in names if team_key(n).startswith(q)]
    if len(prefix) == 1:
        return Resolution(query, prefix[0], prefix[0], "prefix", 0.9)
    raise (AmbiguousNameError if prefix else NotFoundError)(
        f"no single manufacturer matches {query!r}", prefix or names
    )


def car_number(text: str) -> str:
    """ "31", "#31", "No. 31", "car 01" → the number as text (leading zeros kept: 01 ≠ 1)."""
    cleaned = re.sub(r"^(?:car|no\.?|nr\.?|number|#)\s*", "", text.strip(), flags=re.IGNORECASE).lstrip("#").strip()
    if not re.fullmatch(r"\d{1,3}", cleaned):
        raise NotFoundError(f"{text!r} is not a car number (e.g. 31, #31, No. 31, 01)")
    return cleaned
