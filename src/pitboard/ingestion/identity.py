"""Identity of drivers, teams and vehicles: from raw spellings to stable ids.

A driver's id is the slug of the folded canonical name (``mathieu-jaminet``): folding merges
case, accent and punctuation variants, the curated alias table (``pitboard/data``) merges the
rest (``Matthieu Jaminet`` → ``Mathieu Jaminet``). IMSA's own ids are kept as hints only: they
change between seasons, some carry two people, and they are empty from August 2024.
A team's id is the folded canonical team name; a vehicle maps to a model and a manufacturer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from pitboard.domain.names import driver_key, team_key
from pitboard.refdata import ReferenceData


def slug(key: str) -> str:
    """``"mathieu jaminet"`` → ``"mathieu-jaminet"``."""
    return re.sub(r"[^0-9a-z]+", "-", key).strip("-")


def _resolve(names: Iterable[str], fold: Callable[[str], str], canonical: dict[str, str]) -> dict[str, str]:
    """Raw name → folded key of its canonical name (the alias table's, else its own)."""
    out = {}
    for name in names:
        key = fold(name)
        target = canonical.get(key)
        out[name] = fold(target) if target else key
    return out


def driver_ids(names: Iterable[str], ref: ReferenceData) -> dict[str, str]:
    """Raw full name → driver_id, with the alias table applied."""
    return {name: slug(key) for name, key in _resolve(names, driver_key, ref.driver_canonical()).items()}


def team_ids(names: Iterable[str], ref: ReferenceData) -> dict[str, str]:
    """Raw TEAM spelling → team_id, with the alias table applied."""
    return _resolve(names, team_key, ref.team_canonical())


def vehicle_models(vehicles: Iterable[str], ref: ReferenceData) -> dict[str, tuple[str, str, bool]]:
    """Raw VEHICLE → (model, manufacturer, known). Unknown vehicles fall back to the raw string
    (spaces collapsed) and its first word, and ``known`` is False so the ingest can say so."""
    table = ref.vehicle_map()
    out = {}
    for vehicle in vehicles:
        tidy = " ".join(vehicle.split())
        if tidy in table:
            model, maker = table[tidy]
            out[vehicle] = (model, maker, True)
        else:
            out[vehicle] = (tidy, tidy.split(" ")[0] if tidy else "", False)
    return out


def repair_mojibake(text: str) -> str:
    """Undo double-encoded UTF-8 (``MaringÃ¡`` → ``Maringá``); other text is returned as is."""
    if "Ã" not in text and "Â" not in text:
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def display_names(counts: Iterable[tuple[str, str, int, int]], preferred: dict[str, str]) -> dict[str, str]:
    """id → display name: the curated canonical name if there is one, else the spelling used
    most often (ties: the most recent season, then alphabetical).

    ``counts`` holds (id, spelling, uses, last season); ``preferred`` maps id → canonical name.
    """
    best: dict[str, tuple[int, int, str]] = {}
    for ident, spelling, uses, last in counts:
        rank = (uses, last, spelling)
        if ident not in best or rank > best[ident]:
            best[ident] = rank
    return {ident: preferred.get(ident, rank[2]) for ident, rank in best.items()}
