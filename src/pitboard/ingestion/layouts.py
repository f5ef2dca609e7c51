"""The header layouts of the exports (DATA.md §2), as the exact column lists they carry.

A file's header must be one of these, after the BOM is dropped, names are stripped of their
leading spaces and the empty name after the trailing comma is removed. Anything else is an
unknown layout: reported, and the file skipped, rather than guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass

_LAPS_BASE = (
    "NUMBER", "DRIVER_NUMBER", "LAP_NUMBER", "LAP_TIME", "LAP_IMPROVEMENT",
    "CROSSING_FINISH_LINE_IN_PIT", "S1", "S1_IMPROVEMENT", "S2", "S2_IMPROVEMENT", "S3",
    "S3_IMPROVEMENT", "KPH", "ELAPSED", "HOUR", "S1_LARGE", "S2_LARGE", "S3_LARGE", "TOP_SPEED",
    "DRIVER_NAME", "PIT_TIME", "CLASS", "GROUP", "TEAM", "MANUFACTURER",
)  # fmt: skip

_CAR = (
    "TEAM", "CLASS", "GROUP", "DIVISION", "VEHICLE", "TIRES", "IMSA_CarId", "IMSA_TeamId",
    "IMSA_ClassId", "IMSA_CarTypeId", "IMSA_ManufacturerId", "IMSA_TireId", "IMSA_SponsorId",
    "IMSA_EventEntryId", "*Extra 9", "*Extra 10",
)  # fmt: skip

#: The per-driver fields, in file order; the file prefixes each with DRIVERk_ (k = 1..6).
DRIVER_FIELDS = (
    "FIRSTNAME", "SECONDNAME", "LICENSE", "HOMETOWN", "COUNTRY", "SHORTNAME", "IMSA_DriverId",
    "IMSA_DriverPlugId", "IMSA_DriverRatingLong", "*Extra 4", "*Extra 5",
)  # fmt: skip
DRIVER_SLOTS = 6
_DRIVERS = tuple(f"DRIVER{k}_{f}" for k in range(1, DRIVER_SLOTS + 1) for f in DRIVER_FIELDS)


@dataclass(frozen=True)
class Layout:
    """A header layout: its name, the file kind it belongs to and its columns in order."""

    name: str
    kind: str
    columns: tuple[str, ...]
    ragged: bool = False  # rows may be shorter than the header (padded with nulls)


LAPS_27 = Layout("laps-27", "laps", (*_LAPS_BASE, "FLAG_AT_FL"))
LAPS_26 = Layout("laps-26", "laps", _LAPS_BASE)
RESULTS_POS = Layout(
    "results-pos",
    "results",
    ("POS", "NUMBER", "LAP", "TIME", "GAP_FIRST", "GAP_PREVIOUS", "KPH", "LAPS", *_CAR, *_DRIVERS),
    ragged=True,
)
RESULTS_POSITION = Layout(
    "results-position",
    "results",
    (
        "POSITION",
        "NUMBER",
        "STATUS",
        "LAPS",
        "TOTAL_TIME",
        "GAP_FIRST",
        "GAP_PREVIOUS",
        "FL_LAPNUM",
        "FL_TIME",
        "FL_KPH",
        *_CAR,
        *_DRIVERS,
    ),
    ragged=True,
)
WEATHER = Layout(
    "weather",
    "weather",
    (
        "TIME_UTC_SECONDS",
        "TIME_UTC_STR",
        "AIR_TEMP",
        "TRACK_TEMP",
        "HUMIDITY",
        "PRESSURE",
        "WIND_SPEED",
        "WIND_DIRECTION",
        "RAIN",
    ),
)

LAYOUTS: tuple[Layout, ...] = (LAPS_27, LAPS_26, RESULTS_POS, RESULTS_POSITION, WEATHER)


def header_columns(first_line: str) -> list[str]:
    """Column names of a header line: BOM dropped, names stripped, trailing empty name removed."""
    names = [name.strip() for name in first_line.lstrip("\ufeff").rstrip("\r\n").split(",")]
    if names and names[-1] == "":
        names.pop()
    return names


def match_layout(kind: str, columns: list[str]) -> Layout | None:
    """The layout of ``kind`` whose columns are exactly ``columns``, or ``None``."""
    for layout in LAYOUTS:
        if layout.kind == kind and list(layout.columns) == columns:
            return layout
    return None


def describe_mismatch(kind: str, columns: list[str]) -> str:
    """Explain how a header differs from the closest known layout of its kind."""
    candidates = [layout for layout in LAYOUTS if layout.kind == kind]
    best = min(candidates, key=lambda lay: len(set(lay.columns) ^ set(columns)))
    missing = [c for c in best.columns if c not in columns]
    unexpected = [c for c in columns if c not in best.columns]
    parts = []
    if missing:
        parts.append("missing " + ", ".join(missing[:8]) + (" …" if len(missing) > 8 else ""))
    if unexpected:
        parts.append("unexpected " + ", ".join(unexpected[:8]) + (" …" if len(unexpected) > 8 else ""))
    if not parts:
        parts.append("columns out of order")
    return f"unknown {kind} header ({'; '.join(parts)}; closest known layout: {best.name})"
