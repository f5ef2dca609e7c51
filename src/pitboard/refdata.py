"""Reference data kept in the repo (``pitboard/data/*.csv``): calendar, venues, identities,
vehicles and the official decisions taken after the export.

These files are curated by hand, with a source or a reason on every row; the ingest copies
them into the database and uses them to name events, fold identities and correct results.
Their combined hash is stored with the database, so editing one triggers a rebuild.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pitboard.domain.names import driver_key, team_key

REFERENCE_FILES: tuple[str, ...] = (
    "calendar.csv",
    "venues.csv",
    "driver_aliases.csv",
    "driver_distinct.csv",
    "team_aliases.csv",
    "team_distinct.csv",
    "vehicles.csv",
    "corrections.csv",
    "published_standings.csv",
)


def _read(name: str) -> list[dict[str, str]]:
    """Rows of ``pitboard/data/<name>`` as dicts of stripped strings."""
    text = resources.files("pitboard.data").joinpath(name).read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines())
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k is not None} for row in rows]


def reference_hash() -> str:
    """SHA-256 over every reference file, so a changed table forces a rebuild."""
    digest = hashlib.sha256()
    for name in REFERENCE_FILES:
        digest.update(name.encode())
        digest.update(resources.files("pitboard.data").joinpath(name).read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class ReferenceData:
    """All reference tables, parsed."""

    calendar: list[dict[str, str]]
    venues: list[dict[str, str]]
    driver_aliases: list[dict[str, str]]
    driver_distinct: list[dict[str, str]]
    team_aliases: list[dict[str, str]]
    team_distinct: list[dict[str, str]]
    vehicles: list[dict[str, str]]
    corrections: list[dict[str, str]]
    published_standings: list[dict[str, str]]

    def driver_canonical(self) -> dict[str, str]:
        """folded alias → canonical display name."""
        return {driver_key(r["alias"]): r["canonical"] for r in self.driver_aliases}

    def team_canonical(self) -> dict[str, str]:
        """folded alias → canonical team name."""
        return {team_key(r["alias"]): r["canonical"] for r in self.team_aliases}

    def vehicle_map(self) -> dict[str, tuple[str, str]]:
        """raw VEHICLE (whitespace collapsed) → (model, manufacturer)."""
        return {" ".join(r["vehicle"].split()): (r["model"], r["manufacturer"]) for r in self.vehicles}

    def event_rows(self) -> dict[tuple[int, str], dict[str, str]]:
        """(season, folder) → calendar row, for the events present in the data."""
        return {(int(r["season"]), r["folder"]): r for r in self.calendar if r.get("folder")}


@cache
def load() -> ReferenceData:
    """Parse every reference file (cached: they are package data and do not change)."""
    return ReferenceData(*(_read(name) for name in REFERENCE_FILES))
