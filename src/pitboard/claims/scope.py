"""The time a claim speaks of, read against the article's publication date.

"this season" / "this year" is the publication year up to the publication date; "last year" /
"last season" the year before; "the past two seasons" the two seasons up to the publication
date (the current one counts once its first race has run); "since 2019" from 1 January 2019 to
the publication date; "in 2023 and '22" both seasons; a claim with no time at all is a career
figure, which reaches before the data (2021).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pitboard.claims.text import NUM, number

#: The first season in the data: anything earlier is "before the data".
FIRST_SEASON = 2021


@dataclass(frozen=True)
class TimeScope:
    """A resolved time: ``seasons`` (or none: any), ``since``/``until`` dates, and whether the
    scope reaches before the data (``before_data``) or is a career figure (``career``)."""

    seasons: tuple[int, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    career: bool = False
    label: str = ""
    spans: tuple[tuple[int, int], ...] = ()
    #: The scope was said relative to the publication date ("this season"), not as a year.
    relative: bool = False

    @property
    def before_data(self) -> bool:
        if self.career:
            return True
        if self.seasons and min(self.seasons) < FIRST_SEASON:
            return True
        return self.since is not None and self.since.year < FIRST_SEASON

    @property
    def only_before_data(self) -> bool:
        """Every season named is before the data."""
        if self.seasons:
            return max(self.seasons) < FIRST_SEASON
        return self.until is not None and self.until.year < FIRST_SEASON


_YEAR = r"(?:19|20)\d{2}"
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")  # fmt: skip
_SHORT = r"'\d{2}"


def season_started(date: dt.date) -> bool:
    """The publication year's season has begun (the Rolex 24 runs in late January)."""
    return date >= dt.date(date.year, 1, 24)


#: Phrases that scope a figure to the season of the publication date ("this season", "so far",
#: "ended the year with nine poles", "after the first three rounds").
_THIS_SEASON = (
    r"\b(?:this|the current) (?:season|year)\b|\bso far\b|\bof the (?:season|year)\b|\bthis season's\b|"
    r"\b(?:ended|finished|closed|ends|finishes|closes) the (?:season|year)\b|"
    r"\bafter (?:the )?(?:first |opening )?(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?:rounds|races)\b"
)


def time_scope(text: str, date: dt.date, *, default_career: bool = True) -> TimeScope:
    """The time scope said in ``text`` (a sentence), relative to the publication ``date``."""
    low = text.casefold()
    spans: list[tuple[int, int]] = []
    m = re.search(
        rf"\bsince (?:the (?:start|beginning) of )?(?:the )?({_YEAR})\b|"
        # "since the class arrived in 2023", "since it debuted in 2022": from that year
        rf"\bsince (?:the (?:class|car|team|make|brand)|it|he|she|they) (?:arrived|debuted|was introduced|began|started|joined(?: the series)?|came in) in ({_YEAR})\b",
        low,
    )
    if m and not re.search(r"first (?:\w+ )?(?:win|victory|podium|pole|title)\w* since", low):
        since = dt.date(int(m.group(1) or m.group(2)), 1, 1)
        return TimeScope(since=since, until=date, label=f"since {since.year}", spans=(m.span(),))
    m = re.search(rf"\bbetween ({_YEAR}) and ({_YEAR})\b", low)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        return TimeScope(seasons=tuple(range(a, b + 1)), until=date, label=f"{a}–{b}", spans=(m.span(),))
    m = re.search(rf"\b(?:the |his |her |their )?(?:past|last|previous) ({NUM}) (?:full )?(?:seasons|years)\b", low)
    if m:
        n = number(m.group(1)) or 1
        end = date.year if season_started(date) else date.year - 1
        seasons = tuple(range(end - n + 1, end + 1))
        return TimeScope(
            seasons=seasons, until=date, label=f"{seasons[0]}–{seasons[-1]}", spans=(m.span(),), relative=True
        )
    if re.search(_THIS_SEASON + r"|\bseason-(?:opening|best)\b|\bto date\b", low):
        m = re.search(_THIS_SEASON, low)
        # before the Rolex 24 "this season" / "of the year" is still the season just ended
        year = date.year if season_started(date) else date.year - 1
        return TimeScope(seasons=(year,), until=date, label=f"{year} to {date:%d %b %Y}",
                         spans=(m.span(),) if m else (), relative=True)  # fmt: skip
    m = re.search(r"\b(?:last|previous) (?:season|year)(?:'s)?\b|\ba year (?:ago|earlier)\b", low)
    if m:
        return TimeScope(seasons=(date.year - 1,), label=str(date.year - 1), spans=(m.span(),), relative=True)
    m = re.search(rf"\b({NUM}) (?:years|seasons) (?:ago|earlier)\b", low)
    if m and (number(m.group(1)) or 0) > 1:
        year = date.year - (number(m.group(1)) or 0)  # "won here two years ago"
        return TimeScope(seasons=(year,), label=str(year), spans=(m.span(),), relative=True)
    m = re.search(rf"\blast ({'|'.join(_MONTHS)})\b", low)
    if m:
        # "won here last September": the latest such month before the publication date
        month = _MONTHS.index(m.group(1)) + 1
        year = date.year if month < date.month else date.year - 1
        return TimeScope(seasons=(year,), until=date, label=str(year), spans=(m.span(),), relative=True)
    m = re.search(r"\bnext (?:season|year)\b", low)
    if m:
        return TimeScope(seasons=(date.year + 1,), label=str(date.year + 1), spans=(m.span(),), relative=True)
    years: list[int] = []
    for m in re.finditer(rf"(?<![\w:.]){_YEAR}(?![\w:])|(?<![\w]){_SHORT}\b", text):
        raw = m.group().lstrip("'")
        year = int(raw) if len(raw) == 4 else 2000 + int(raw)
        if 1950 <= year <= date.year + 2:
            years.append(year)
            spans.append(m.span())
    if years:
        seasons = tuple(sorted(set(years)))
        return TimeScope(seasons=seasons, label=" and ".join(map(str, seasons)), spans=tuple(spans))
    if re.search(r"\bcareer\b|\ball-time\b|\bever\b|\bin (?:his|her|their) (?:imsa )?career\b", low):
        return TimeScope(career=True, until=date, label="career")
    return TimeScope(career=default_career, until=date, label="career" if default_career else "")
