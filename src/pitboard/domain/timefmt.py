"""Durations in the exports, parsed by hand into integer milliseconds, and printed back.

Every duration in the files matches ``DURATION_PATTERN``: ``s.fff``/``ss.fff``, ``m:ss.fff``,
``mm:ss.fff``, ``h:mm:ss.fff`` or ``hh:mm:ss.fff``: always exactly three decimals, and two-digit
seconds after a colon (all 4.8 million duration values of 2021-2025 fit; DATA.md §3). Hours
are not bounded by 24 (``TOTAL_TIME`` of a 24-hour race is ``24:01:19.952``), so these are
durations, never times of day: they are kept as integer milliseconds, which sum exactly
(``ELAPSED`` equals the running sum of ``LAP_TIME`` to the millisecond).
"""

from __future__ import annotations

import re

#: The grammar of every duration in the exports (DATA.md §3): [[h:]m:]ss.fff, or s.fff alone.
DURATION_PATTERN = r"^(?:(?:(\d+):)?(\d+):(\d{2})|(\d{1,2}))\.(\d{3})$"
_DURATION = re.compile(DURATION_PATTERN)


def parse_duration_ms(text: str | None) -> int | None:
    """``"1:14.788"`` → ``74788``; ``"24:01:19.952"`` → ``86479952``; ``""`` → ``None``.

    Raises ``ValueError`` for text that is not a duration, so a caller can report it.
    """
    if text is None or text == "":
        return None
    match = _DURATION.match(text)
    if match is None:
        raise ValueError(f"not a duration: {text!r}")
    hours, minutes, seconds, bare_seconds, millis = match.groups()
    seconds = seconds or bare_seconds
    return ((int(hours or 0) * 60 + int(minutes or 0)) * 60 + int(seconds)) * 1000 + int(millis)


def format_duration(ms: int | None) -> str:
    """``74788`` → ``"1:14.788"``; ``86479952`` → ``"24:01:19.952"``; ``59123`` → ``"59.123"``.

    Durations under a minute print as ``ss.fff``, under an hour as ``m:ss.fff``, else
    ``h:mm:ss.fff`` (hours unbounded). ``None`` prints as an empty string.
    """
    if ms is None:
        return ""
    sign = "-" if ms < 0 else ""
    ms = abs(int(ms))
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}.{millis:03d}"
    if minutes:
        return f"{sign}{minutes}:{seconds:02d}.{millis:03d}"
    return f"{sign}{seconds}.{millis:03d}"


def format_gap(ms: int | None, laps: int | None) -> str:
    """A gap as IMSA prints it: ``"+2.120"``, ``"+1:02.004"``, ``"1 Lap"``, ``"3 Laps"``."""
    if laps:
        return f"{laps} Lap" if laps == 1 else f"{laps} Laps"
    if ms is None:
        return ""
    return "+" + format_duration(ms)
