"""Classes: normalised names, display names and the order IMSA prints them in, by season.

The files spell classes inconsistently (``GTDPro`` in four 2023 Roar sessions, ``DPi``); the
normalised name is upper case without spaces (DEFINITIONS.md). ``GROUP = B`` is a bronze marker
inside GTD, not a class, so it never splits a classification.
"""

from __future__ import annotations

#: Display names for normalised class codes (IMSA writes "GTD PRO" with a space, "DPi" mixed case).
CLASS_DISPLAY: dict[str, str] = {
    "DPI": "DPi",
    "GTP": "GTP",
    "LMP2": "LMP2",
    "LMP3": "LMP3",
    "GTLM": "GTLM",
    "GTDPRO": "GTD PRO",
    "GTD": "GTD",
}

#: The order in which IMSA's official results list the classes: prototypes first, fastest
#: first, then the GT classes. GTLM (2021) and GTD PRO (2022+) both sit ahead of GTD.
CLASS_ORDER: tuple[str, ...] = ("GTP", "DPI", "LMP2", "LMP3", "GTLM", "GTDPRO", "GTD")


def normalise_class(raw: str | None) -> str | None:
    """``"GTDPro"`` → ``"GTDPRO"``, ``"GTD PRO"`` → ``"GTDPRO"``, ``"DPi"`` → ``"DPI"``."""
    if raw is None:
        return None
    code = "".join(raw.split()).upper()
    return code or None


def class_rank(code: str) -> int:
    """Sort key for a normalised class: its place in ``CLASS_ORDER`` (unknown classes last)."""
    try:
        return CLASS_ORDER.index(code)
    except ValueError:
        return len(CLASS_ORDER)


def display_class(code: str | None) -> str:
    """The printed name of a normalised class code (``"GTDPRO"`` → ``"GTD PRO"``)."""
    if code is None:
        return ""
    return CLASS_DISPLAY.get(code, code)
