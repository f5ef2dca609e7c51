"""The closed sets of values the library accepts, in one light module.

The command line builds its choices from these at import time, and every face validates input
against them, without importing pandas, DuckDB or matplotlib (``pitboard --help`` stays fast).
"""

from __future__ import annotations

#: What statistics can be asked of (``pitboard stats KIND``) and ranked by (``leaders --by``).
SUBJECT_KINDS: tuple[str, ...] = ("driver", "car", "team", "manufacturer")
#: Metrics a leaderboard can rank by (``pitboard leaders METRIC``).
LEADER_METRICS: tuple[str, ...] = (
    "wins",
    "poles",
    "podiums",
    "top5s",
    "starts",
    "fastest-laps",
    "poles-set",
    "fastest-laps-set",
    "laps-led",
    "overall-wins",
    "laps",
    "distance",
    "dnfs",
)
#: Metrics credited to the one driver who set them (not to the crew).
DRIVER_ONLY_METRICS: tuple[str, ...] = ("poles-set", "fastest-laps-set")
#: Championships of ``pitboard standings``.
CHAMPIONSHIPS: tuple[str, ...] = ("drivers", "teams", "manufacturers", "endurance")
#: Lap-by-lap views of ``pitboard race``.
RACE_VIEWS: tuple[str, ...] = (
    "positions",
    "gaps",
    "leaders",
    "cautions",
    "pits",
    "stints",
    "drivers",
    "pace",
    "weather",
    "finish",
)
#: Charts of ``pitboard race --chart`` and the file types they are written as.
CHART_KINDS: tuple[str, ...] = ("lap-chart", "gaps", "stints", "pace", "drive-time")
CHART_FORMATS: tuple[str, ...] = (".png", ".svg")
#: Export formats.
EXPORT_FORMATS: tuple[str, ...] = ("parquet", "csv")
