"""The answers the library gives, in one shape every face renders.

Every question (a leaderboard, the winners of a season, a head-to-head, a session's results, a
race summary or lap-by-lap view) returns an immutable answer: what was asked, how each name was
read (``pitboard.resolve.Resolution``), the rows, what the rows cover (``coverage``), where they
come from (``sources``) and notes. ``to_dict()`` is the JSON (stable keys, the same for the CLI,
the web API and the claim checker); ``frame()`` the rows as a DataFrame. Nothing here formats
English for a particular face.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


def _plain(value: Any) -> Any:
    """Dataclasses and tuples as JSON-ready dicts and lists (values are converted by the faces)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Coverage:
    """Which championship rounds a figure covers."""

    rounds_in_scope: int
    rounds_present: int
    missing_events: list[str]
    complete: bool
    note: str

    def line(self) -> str:
        if self.complete:
            return f"Coverage: complete: {self.rounds_present} of {self.rounds_in_scope} championship rounds in scope are in the data. {self.note}".strip()
        return (
            f"Coverage: INCOMPLETE: {self.rounds_present} of {self.rounds_in_scope} championship rounds in scope are in the data; "
            f"missing: {'; '.join(self.missing_events)}. {self.note}"
        ).strip()


@dataclass(frozen=True)
class Answer:
    """Base of every answer: ``rows`` (one mapping per row), ``coverage`` (a dict: rounds in
    scope, present, missing, complete), ``resolved`` (how each name was read), ``sources`` (the
    tables or files the rows come from) and ``notes``."""

    rows: tuple[Mapping[str, Any], ...] = ()
    coverage: Coverage | None = None
    resolved: tuple[Any, ...] = ()
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    #: The key the rows take in ``to_dict()`` (a subclass names them: "leaders", "winners"...).
    rows_key = "rows"

    def header(self) -> dict[str, Any]:
        """The answer's own fields (what was asked), before the rows."""
        base = {f.name for f in dataclasses.fields(Answer)}
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self) if f.name not in base}

    def to_dict(self) -> dict[str, Any]:
        out = self.header()
        out[self.rows_key] = [dict(r) for r in self.rows]
        if self.coverage is not None:
            out["coverage"] = _plain(self.coverage)
        if self.resolved:
            out["matched"] = _plain(list(self.resolved))
        if self.sources:
            out["sources"] = list(self.sources)
        if self.notes:
            out["notes"] = list(self.notes)
        return out

    def frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([dict(r) for r in self.rows])


def rows_of(frame: pd.DataFrame) -> tuple[Mapping[str, Any], ...]:
    """A DataFrame's rows as immutable-enough tuples of dicts (NaN/NA become None)."""
    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return tuple(records)


@dataclass(frozen=True)
class Leaderboard(Answer):
    """``pitboard leaders METRIC``: rank, key, name, value, starts per row."""

    metric: str = ""
    by: str = "driver"
    scope: str = ""
    rows_key = "leaders"


@dataclass(frozen=True)
class Winners(Answer):
    """``pitboard winners SEASON``: every class winner, in date order."""

    season: int = 0
    cls: str | None = None
    rows_key = "winners"

    def header(self) -> dict[str, Any]:
        out = super().header()
        out["class"] = out.pop("cls")
        return out


@dataclass(frozen=True)
class HeadToHead(Answer):
    """Two drivers in the races both started in the same class, in different cars: who finished
    ahead (``a_ahead``/``b_ahead``), and the races they shared a car (``same_car``, counted apart)."""

    a: str = ""
    b: str = ""
    races_together: int = 0
    a_ahead: int = 0
    b_ahead: int = 0
    same_car: int = 0
    rows_key = "races"

    def __getitem__(self, key: str) -> Any:
        """Dict-style reading of the JSON keys (``h2h["a_ahead"]``)."""
        return self.to_dict()[key]


@dataclass(frozen=True)
class SessionResults(Answer):
    """A session's classification as IMSA prints it, with the decisions taken after the export
    that changed the classes shown (``corrections``)."""

    season: int = 0
    event: Mapping[str, Any] = field(default_factory=dict)
    session: Mapping[str, Any] = field(default_factory=dict)
    cls: str | None = None
    corrections: tuple[Mapping[str, Any], ...] = ()
    rows_key = "results"

    def header(self) -> dict[str, Any]:
        out = super().header()
        return {
            "season": out["season"],
            "event": out["event"],
            "session": out["session"],
            "class": out["cls"],
            "corrections": out["corrections"],
        }


@dataclass(frozen=True)
class RaceSummary(Answer):
    """The headline facts of a session: cautions, laps led, lead changes, pit stops (races with a
    laps file), and the fastest lap of each class."""

    session_id: str = ""
    cls: str | None = None
    cautions: tuple[Mapping[str, Any], ...] | None = None
    laps_led: tuple[Mapping[str, Any], ...] | None = None
    lead_changes: int | None = None
    pit_stops: int | None = None
    caution_leader_laps: int | None = None
    fastest_laps: tuple[Mapping[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"session_id": self.session_id, "class": self.cls}
        if self.notes:
            out["note"] = self.notes[0]
        if self.cautions is not None:
            out.update(
                cautions=[dict(r) for r in self.cautions],
                laps_led=[dict(r) for r in self.laps_led or ()],
                pit_stops=self.pit_stops,
            )
        out["fastest_laps"] = [dict(r) for r in self.fastest_laps]
        return out


@dataclass(frozen=True)
class RaceView(Answer):
    """One lap-by-lap view of a session (positions, gaps, leaders, cautions, pits, stints,
    drivers, pace, co-drivers, weather, finish); ``columns``: the ones worth showing first."""

    session_id: str = ""
    view: str = ""
    cls: str | None = None
    columns: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "view": self.view,
            "class": self.cls,
            "note": " ".join(self.notes),
            "rows": [dict(r) for r in self.rows],
        }


@dataclass(frozen=True)
class ChartData(Answer):
    """What a chart plots: one row per car line (number, colour, x, y) of the line charts (lap
    chart, gaps), with the title and series order; bar and box charts have no line rows."""

    session_id: str = ""
    kind: str = ""
    cls: str | None = None
    title: str = ""
    series: tuple[str, ...] = ()
    #: The value axis as drawn: (bottom, top) of the plot; top < bottom where the axis runs down
    #: (class position 1 at the top; a gap chart's leader at the top, its scale stopping at about one lap).
    y_range: tuple[float, float] | None = None

    def header(self) -> dict[str, Any]:
        out = super().header()
        out["class"] = out.pop("cls")
        return out
