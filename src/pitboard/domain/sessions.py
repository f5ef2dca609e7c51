"""Session kinds, names and the championship/grid rules of DEFINITIONS.md.

A session is one file stem ``<YYYYMMDDHHMM>-<slug>``; its kind comes from the slug and, for the
Roar Before the Rolex 24, from the event: the 2022 Roar's qualifying race is slugged ``race``
but is not a championship race.
"""

from __future__ import annotations

import re

PRACTICE = "practice"
QUALIFYING = "qualifying"
QUALIFYING_RACE = "qualifying race"
WARM_UP = "warm-up"
TEST = "test"
RACE = "race"
#: A session whose name pitboard does not know (``hyperpole``): kept and reported, never used
#: to set a grid or counted as a race.
OTHER = "other"

#: Every session kind, in the order a weekend runs them.
SESSION_KINDS: tuple[str, ...] = (TEST, PRACTICE, QUALIFYING, QUALIFYING_RACE, WARM_UP, RACE, OTHER)

#: The races: an order on the road (laps led, finishing order, lap and gap charts), and a results
#: file with the race layout (POSITION, STATUS, TOTAL_TIME, FL_*).
RACE_LIKE_KINDS: frozenset[str] = frozenset({RACE, QUALIFYING_RACE})

#: The Roar Before the Rolex 24 folder: a test and qualifying weekend, never a championship round.
ROAR_FOLDER_PATTERN = re.compile(r"^\d+-roar-before-the-24$")

FILE_PATTERN = re.compile(r"^(\d{12})-(.+)-(laps|results|weather)\.csv$")
EVENT_FOLDER_PATTERN = re.compile(r"^(\d{2})-(.+)$")


def session_kind(slug: str, folder: str) -> str:
    """Classify a session slug: ``practice-2`` → practice, ``session-4`` → test, an unknown
    name (``hyperpole``) → other, ...

    In the Roar folder the ``race`` slug (2022) and ``r24h-qualifying-race`` (2021) are the
    qualifying race that set the Rolex 24 grid: kind ``qualifying race``.
    """
    if slug == "r24h-qualifying-race" or (slug == "race" and ROAR_FOLDER_PATTERN.match(folder)):
        return QUALIFYING_RACE
    if slug == "race":
        return RACE
    if slug.startswith("practice"):
        return PRACTICE
    if slug.startswith("qualifying"):
        return QUALIFYING
    if slug == "warm-up":
        return WARM_UP
    if slug.startswith("session-"):
        return TEST
    return OTHER


def session_name(slug: str, kind: str) -> str:
    """A readable session name: ``practice-2`` → "Practice 2", ``session-4`` → "Session 4",
    ``qualifying---gtd-position`` → "Qualifying (GTD position)", ``race`` in the Roar →
    "Qualifying race"."""
    if kind == QUALIFYING_RACE:
        return "Qualifying race"
    if kind == WARM_UP:
        return "Warm-up"
    match = re.match(r"^(practice|session)-(\d+)$", slug)
    if match:
        return f"{match.group(1).capitalize()} {match.group(2)}"
    if slug.startswith("qualifying") and slug != "qualifying":
        detail = re.sub(r"-{2,}", " ", slug[len("qualifying") :]).replace("-", " ").strip()
        words = [w.upper() if w in {"gtd", "gtlm", "lmp2", "lmp3", "dpi"} else w for w in detail.split()]
        return "Qualifying (" + " ".join(words).replace("DPI", "DPi") + ")"
    return slug.replace("-", " ").capitalize()


def qualifying_slug_classes(slug: str) -> frozenset[str]:
    """The classes a 2021 split-qualifying slug names: ``qualifying---lmp2-dpi`` → {LMP2, DPI}."""
    tokens = set(re.split(r"-+", slug))
    return frozenset(code.upper() for code in ("gtd", "gtlm", "lmp2", "lmp3", "dpi") if code in tokens)


def is_position_qualifying(slug: str) -> bool:
    """True for a 2021 split-qualifying session that set grid positions.

    GTD ran twice in 2021: ``…gtd-position`` set the grid, ``…gtd-points…`` (run with GTLM)
    awarded points. A slug naming ``points`` but not ``position`` did not set the GTD grid.
    """
    tokens = set(re.split(r"-+", slug))
    return "position" in tokens or "points" not in tokens
