"""Name folding: the keys under which driver and team spellings are compared.

The exports spell the same person or team several ways (``Kirchhöfer``/``Kirchhofer``,
``DeFrancesco``/``Defrancesco``, ``VasserSullivan``/``VASSER SULLIVAN``). Folding removes the
differences that never distinguish two people (case, accents, punctuation, spacing); the curated
alias tables in ``pitboard/data`` handle the rest (``Matthieu``/``Mathieu Jaminet``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^0-9a-z ]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def strip_accents(text: str) -> str:
    """Remove diacritics: ``Altoè`` → ``Altoe``, ``Kirchhöfer`` → ``Kirchhofer``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def driver_key(name: str) -> str:
    """Fold a driver's full name into a comparison key.

    Accents and case are folded, hyphens, apostrophes and dots are removed (``Harrison-Henry`` →
    ``harrisonhenry``), other punctuation becomes a space and runs of spaces collapse.
    ``"Marvin  Kirchhöfer"`` → ``"marvin kirchhofer"``.
    """
    text = strip_accents(name).casefold()
    text = re.sub(r"[-'’.`´]", "", text)
    text = _NON_ALNUM.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def team_key(name: str) -> str:
    """Fold a team name into a key of lower-case letters and digits only.

    ``"VASSER SULLIVAN"``, ``"VasserSullivan"`` and ``"Vasser Sullivan"`` all give
    ``"vassersullivan"``; ``"WeatherTech  Racing"`` (double space) gives ``"weathertechracing"``.
    """
    # (memoised: a pure function of a string, asked thousands of times a claim check by the
    # team resolver)
    return re.sub(r"[^0-9a-z]+", "", strip_accents(name).casefold())
