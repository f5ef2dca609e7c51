"""IMSA's points rules, per season, read from ``pitboard/data/rules/<season>.toml``.

The rules are data so that a changed or better-sourced rule is an edit to a file with its
source, not to code. Each file says, with a ``confidence`` per item: race and qualifying points
by class position, which classes scored no season points at which rounds (Endurance-Cup-only
and Sprint-Cup-only results), where qualifying points came from, Michelin Endurance Cup points
and checkpoints, manufacturer scoring and tie-breaks.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from pitboard.exceptions import InputError


@dataclass(frozen=True)
class Rules:
    """One season's rules (the parsed TOML; see the files for the sources)."""

    season: int
    data: dict[str, Any]

    def race_points(self, class_position: int) -> int:
        table = self.data["points"]["race"]
        return table[class_position - 1] if class_position <= len(table) else self.data["points"]["race_beyond"]

    def qualifying_points(self, class_position: int) -> int:
        table = self.data["points"]["qualifying"]
        return table[class_position - 1] if class_position <= len(table) else self.data["points"]["qualifying_beyond"]

    def scores_season_points(self, venue_id: str | None, event_name: str, cls: str) -> tuple[bool, str | None]:
        """Whether ``cls`` scored season points at this round, and the reason when it did not."""
        for rule in self.data.get("no_season_points", []):
            if rule["venue"] == venue_id and cls in rule["classes"] and rule.get("event", event_name) == event_name:
                return False, f"{rule['reason']} [{rule['confidence']}]"
        return True, None

    @property
    def manufacturer_classes(self) -> list[str]:
        return list(self.data["manufacturer_classes"])

    def checkpoints_hours(self, venue_id: str | None) -> list[float]:
        return list(self.data["endurance_cup"]["checkpoints_hours"].get(venue_id or "", []))

    def endurance_points(self, rank: int) -> int:
        table = self.data["endurance_cup"]["points"]
        return table[rank - 1] if rank <= len(table) else self.data["endurance_cup"]["others"]

    def uncertain(self, championship: str = "drivers", cls: str | None = None) -> list[str]:
        """Every rule a championship of this season relies on that is not confirmed."""
        out = []
        sections = {"drivers": ("points", "tie_break", "qualifying"), "teams": ("points", "tie_break", "qualifying"),
                    "manufacturers": ("points", "manufacturers", "tie_break", "qualifying"), "endurance": ("endurance_cup", "tie_break")}[championship]  # fmt: skip
        for name in sections:
            confidence = self.data.get(name, {}).get("confidence", "")
            if _uncertain(confidence):
                out.append(f"{name}: {confidence}")
        for rule in self.data.get("no_season_points", []):
            if _uncertain(rule["confidence"]) and (cls is None or cls in rule["classes"]):
                out.append(
                    f"no season points for {', '.join(rule['classes'])} at {rule.get('event', rule['venue'])}: {rule['confidence']}"
                )
        return out


def _uncertain(confidence: str) -> bool:
    return any(word in confidence for word in ("unconfirmed", "inferred", "single", "derived"))


@cache
def load(season: int) -> Rules:
    """The rules of ``season`` (NotFoundError if there is no rules file for it)."""
    path = resources.files("pitboard.data").joinpath("rules", f"{season}.toml")
    if not path.is_file():
        raise InputError(f"no points rules for {season}: seasons 2021–2025", [str(s) for s in range(2021, 2026)])
    return Rules(season, tomllib.loads(path.read_text(encoding="utf-8")))


@cache
def season_classes(season: int) -> frozenset[str] | None:
    """The classes that raced in ``season`` (from its rules file), or None for a season pitboard
    has no rules for (any known class is then accepted)."""
    try:
        return frozenset(load(season).data["classes"])
    except InputError:
        return None
