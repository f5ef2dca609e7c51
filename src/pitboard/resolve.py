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
    return top[0]


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
