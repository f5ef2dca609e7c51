"""Finding names in prose: drivers, teams, manufacturers, cars, events and classes.

The vocabulary comes from the database (``Pitboard.drivers()``, ``teams()``, ``cars()``,
``event_names()``) plus the team nicknames ``pitboard.resolve`` knows; names are read the way
``pitboard.resolve`` reads them (folded spellings, surnames, a first name only one driver has)
and a misspelt surname is matched with rapidfuzz against the surnames in the data. The
vocabulary is built once per ``Pitboard`` (it is a few hundred names).

Events are found by their names and aliases in the calendar (event names, "Rolex 24", "Petit",
"the Glen", "Mosport", "Canadian Tire Motorsports Park") plus a few descriptions of the
endurance races ("the 10-hour event", "the 24-hour race"); the season decides which edition.
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from pitboard import resolve
from pitboard.claims.model import Mention
from pitboard.domain.classes import normalise_class
from pitboard.domain.names import driver_key

if TYPE_CHECKING:
    from pitboard.api import Pitboard

#: Lower-case words inside a name ("Renger van der Zande", "Felipe de Oliveira Nasr").
PARTICLES = {"van", "der", "de", "da", "di", "von", "le", "la", "dos", "du", "del", "den", "ter"}
#: Capitalised words that are never a driver's surname in prose (sentence starts, titles).
NOT_NAMES = {
    "reigning", "defending", "the", "he", "she", "they", "his", "her", "their", "it", "its", "a", "an", "in", "on", "at", "after", "before",
    "with", "and", "but", "for", "from", "this", "that", "last", "next", "team", "racing", "race", "motorsport",
    "motorsports", "championship", "cup", "class", "pole", "lap", "no", "car", "engineering", "grand", "prix",
    "hours", "twelve", "six", "ten", "sports", "international", "raceway", "park", "speedway", "circuit", "saturday",
    "sunday", "friday", "monday", "tuesday", "wednesday", "thursday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "imsa", "weathertech", "michelin",
    "endurance", "sebring", "daytona", "rolex", "petit", "mans", "glen", "watkins", "mosport", "road", "atlanta",
    "america", "long", "beach", "laguna", "seca", "detroit", "indianapolis", "lime", "rock", "mid", "ohio", "vir",
    "canadian", "tire", "gtp", "gtd", "pro", "lmp2", "lmp3", "dpi", "gtlm", "overall", "both", "while", "when",
    "despite", "meanwhile", "then", "however", "although", "as", "by", "one", "two", "three", "four", "five",
    "victory", "win", "winner", "podium", "fastest", "title", "champion", "champions", "series", "hybrid",
    "brazilian", "briton", "british", "dane", "danish", "german", "french", "frenchman", "american", "swiss",
    "dutchman", "dutch", "belgian", "italian", "spaniard", "swede", "australian", "kiwi", "mexican",
    "portuguese", "austrian", "japanese", "argentine", "colombian", "finn", "englishman", "scot", "irishman",
    "s", "mr", "mrs", "we", "i", "our", "you", "all", "new", "first", "second", "third", "final", "only",
    "chevrolet", "cadillac", "porsche", "bmw", "acura", "lamborghini", "ferrari", "mercedes", "lexus", "ford",
    "corvette", "aston", "martin", "mclaren", "audi", "oreca", "ligier", "alpine", "penske", "ganassi", "whelen",
}  # fmt: skip
#: Team-name words that do not pick out one team ("Racing", "Motorsport").
_GENERIC_TEAM_WORDS = {
    "racing", "team", "motorsport", "motorsports", "autosport", "competition", "competizione", "engineering",
    "with", "by", "w", "of", "the", "and", "usa", "america", "north", "sport", "corse", "squadra", "m",
    "automobili", "gt", "curb", "agajanian", "riley",
}  # fmt: skip
#: How articles describe events that have no such alias in the calendar.
EXTRA_EVENT_PHRASES = {
    "10-hour": "petit le mans",
    "ten-hour": "petit le mans",
    "10 hours": "petit le mans",
    "24-hour": "rolex 24",
    "twice around the clock": "rolex 24",
    "12-hour": "sebring",
    "twelve-hour": "sebring",
    "12 hours": "sebring",
    "six hours of the glen": "six hours of the glen",
    "6 hours of the glen": "six hours of the glen",
    "road atlanta": "petit le mans",
    "belle isle": "detroit",
    "elkhart lake": "road america",
    "brickyard": "indianapolis",
    "indy": "indianapolis",
    # the championship's only Canadian round ("Cadillac's first win at the Canadian circuit")
    "canadian circuit": "canadian tire motorsport park",
    "canadian round": "canadian tire motorsport park",
}
#: Upper-case venue abbreviations articles use as race names (matched case-sensitively).
EVENT_ABBREVIATIONS = {"VIR": "VIR", "CTMP": "Canadian Tire Motorsport Park", "WGL": "Watkins Glen"}
#: Class names in prose → class code.
CLASS_WORDS = r"GT Daytona Pro|GT Daytona|GT Le Mans|GTD\s?PRO|GTD\s?Pro|GTDPRO|GTP|GTD|LMP2|LMP3|DPi|DPI|GTLM"
#: Class names written out in prose.
CLASS_NAMES = {"gt daytona pro": "GTDPRO", "gt daytona": "GTD", "gt le mans": "GTLM"}
#: Country codes of the licence in the data, by the demonyms articles use (see docs/claims.md:
#: the entry lists carry a licence country, not a nationality, so this only prefers a subject).
DEMONYMS = {
    "brazilian": "BRA", "dane": "DNK", "danish": "DNK", "briton": "GBR", "brit": "GBR", "englishman": "GBR",
    "scot": "GBR", "welshman": "GBR", "british": "GBR", "frenchman": "FRA", "french": "FRA", "german": "DEU",
    "american": "USA", "swiss": "CHE", "dutchman": "NLD", "dutch": "NLD", "belgian": "BEL", "italian": "ITA",
    "spaniard": "ESP", "swede": "SWE", "australian": "AUS", "aussie": "AUS", "kiwi": "NZL", "new zealander": "NZL",
    "canadian": "CAN", "mexican": "MEX", "portuguese": "PRT", "austrian": "AUT", "japanese": "JPN",
    "argentine": "ARG", "argentinian": "ARG", "colombian": "COL", "finn": "FIN", "monegasque": "MCO",
    "south african": "ZAF", "irishman": "IRL", "norwegian": "NOR", "pole": "POL", "chilean": "CHL",
}  # fmt: skip


@dataclass
class Lexicon:
    """The names of the data, indexed for spotting in prose."""

    drivers: dict[str, dict[str, Any]] = field(default_factory=dict)  # driver_id → row
    full: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # folded full name → ids
    surname: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # folded surname → ids
    first: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # folded first name → ids
    team_phrases: list[tuple[re.Pattern[str], str, str]] = field(default_factory=list)  # (pattern, team, how)
    manufacturers: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    event_phrases: list[tuple[re.Pattern[str], str]] = field(default_factory=list)  # (pattern, query)
    surname_list: list[str] = field(default_factory=list)
    full_list: list[str] = field(default_factory=list)  # the folded full names of one driver each
    seasons: tuple[int, ...] = ()


_CACHE: weakref.WeakKeyDictionary[Any, Lexicon] = weakref.WeakKeyDictionary()


def lexicon(pb: Pitboard) -> Lexicon:
    """The vocabulary of ``pb``'s database (built on first use, kept with the handle)."""
    found = _CACHE.get(pb)
    if found is None:
        found = _CACHE[pb] = _build(pb)
    return found


def _phrase(text: str, case_sensitive: bool) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(w) for w in text.split())
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", 0 if case_sensitive else re.IGNORECASE)


def _build(pb: Pitboard) -> Lexicon:
    lex = Lexicon()
    for row in pb.drivers().to_dict("records"):
        did = row["driver_id"]
        row["countries"] = list(row["countries"]) if row["countries"] is not None else []
        lex.drivers[did] = row
        spellings = {row["name"], *(list(row["spellings"]) if row["spellings"] is not None else [])}
        for spelling in spellings:
            key = driver_key(spelling)
            words = key.split()
            if not words:
                continue
            lex.full[key].add(did)
            if len(words) >= 2:
                lex.first[words[0]].add(did)
                for i in range(1, len(words)):
                    lex.surname[" ".join(words[i:])].add(did)
                    lex.surname["".join(words[i:])].add(did)
    lex.surname_list = sorted(k for k in lex.surname if len(k) >= 5 and " " not in k)
    lex.full_list = sorted(k for k, ids in lex.full.items() if len(ids) == 1 and " " in k)
    makes: set[str] = set()
    for ms in pb.cars()["manufacturers"]:
        if ms is not None:
            makes.update(m for m in ms if m)
    # a make's words are the make's ("Aston Martin" in "ASTON MARTIN THOR Team" is no team name)
    make_words = {
        w.casefold() for m in [*makes, *resolve.MANUFACTURER_ALIASES] for w in re.findall(r"[A-Za-z0-9']+", m)
    }
    # teams: every spelling, the nicknames, and the word runs of a name only one team has
    teams = pb.teams().to_dict("records")
    phrases: dict[str, tuple[str, str]] = {}
    words_of: dict[str, set[str]] = defaultdict(set)
    for row in teams:
        names = {row["name"], *(list(row["spellings"]) if row["spellings"] is not None else [])}
        for name in names:
            phrases.setdefault(name.casefold(), (row["name"], "exact"))
            tokens = re.findall(r"[A-Za-z0-9']+", name)
            for size in (1, 2, 3):
                for i in range(len(tokens) - size + 1):
                    gram = tokens[i : i + size]
                    if {gram[0].casefold(), gram[-1].casefold()} & (_GENERIC_TEAM_WORDS | PARTICLES):
                        continue
                    if all(w.casefold() in make_words for w in gram):
                        continue
                    words_of[" ".join(gram).casefold()].add(row["name"])
                    if size > 1 and i == 0 and name.startswith("-".join(gram)) and all(w.isalpha() for w in gram):
                        words_of["-".join(gram).casefold()].add(row["name"])  # "JDC-Miller"
    for gram, owners in words_of.items():
        if len(owners) == 1 and len(gram) >= 4 and gram not in NOT_NAMES_TEAM_OK:
            phrases.setdefault(gram, (next(iter(owners)), "contains"))
    import csv
    from importlib import resources

    text = resources.files("pitboard.data").joinpath("team_nicknames.csv").read_text(encoding="utf-8")
    nick_case: dict[str, str] = {}
    for r in csv.DictReader(text.splitlines()):
        phrases.setdefault(r["nickname"].casefold(), (r["team"], "nickname"))
        nick_case[r["nickname"].casefold()] = r["nickname"]
    for phrase, (team, how) in sorted(phrases.items(), key=lambda p: -len(p[0])):
        if phrase in NOT_NAMES and phrase not in TEAM_WORD_OK:
            continue
        case_sensitive = len(phrase) <= 4 or " " not in phrase
        original = nick_case.get(phrase) or (phrase if not case_sensitive else _original_case(phrase, team, teams))
        lex.team_phrases.append((_phrase(original, case_sensitive), team, how))
        if case_sensitive and len(phrase) > 4 and original[:1].isupper():
            # "CrowdStrike" for "Crowdstrike Racing by APR": a capitalised word, any inner case
            lex.team_phrases.append(
                (re.compile(rf"(?<![\w-])(?=(?-i:[A-Z])){re.escape(original)}(?![\w-])", re.IGNORECASE), team, how)
            )
    # manufacturers: from the cars raced
    aliases = {a: m for a, m in resolve.MANUFACTURER_ALIASES.items()}
    for make in sorted(makes, key=len, reverse=True):
        lex.manufacturers.append((_phrase(make, make.isupper()), make))
    for alias, make in aliases.items():
        if make in makes and alias not in ("amg", "merc", "mercedesbenz", "astonmartin"):
            lex.manufacturers.append((_phrase(alias.capitalize(), True), make))
    lex.manufacturers.append((_phrase("Mercedes-Benz", False), "Mercedes-AMG"))
    # events: every name of every championship round, longest first
    seasons = sorted(int(s) for s in pb.seasons()["season"])
    lex.seasons = tuple(seasons)
    names: dict[str, str] = {}
    for season in seasons:
        for ev in pb.event_names(season):
            if not ev["championship"]:
                continue
            for name in [ev["event_name"], *ev["names"].split(";")]:
                name = name.strip()
                if not name or re.fullmatch(r"[0-9a-z-]+", name) or (name.isupper() and len(name) <= 3):
                    continue
                names.setdefault(name.casefold(), name)
    phrases = [(_phrase(key, False), query) for key, query in EXTRA_EVENT_PHRASES.items() if key not in names]
    phrases += [(_phrase(word, True), query) for word, query in EVENT_ABBREVIATIONS.items()]
    for key in sorted(names, key=len, reverse=True):
        original = names[key]
        single = " " not in key and "-" not in key
        phrases.append((_phrase(original if single else key, single), original))
    lex.event_phrases = sorted(phrases, key=lambda p: -len(p[0].pattern))
    return lex


#: Single team words kept although they look like names elsewhere (sponsors that name one team).
TEAM_WORD_OK = {"whelen", "penske", "ganassi"}
NOT_NAMES_TEAM_OK = {"chip", "wayne", "taylor", "paul", "miller", "meyer", "shank", "vasser", "sullivan"}


def _original_case(phrase: str, team: str, teams: list[dict[str, Any]]) -> str:
    for row in teams:
        if row["name"] != team:
            continue
        for name in [row["name"], *(list(row["spellings"]) if row["spellings"] is not None else [])]:
            idx = name.casefold().find(phrase)
            if idx >= 0:
                return name[idx : idx + len(phrase)]
    return phrase.title()


# --------------------------------------------------------------------------------------------
# spotting

_CAR = re.compile(
    r"(?:\bNo\.\s?|\bNos?\.\s?|#|\bNumber\s|\bcar\s(?=\d))(\d{1,3})\b(?:\s?(?:and|&|,)\s?(?:No\.\s?|#)?(\d{1,3})\b)?"
)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’.\-]*")


def spot(lex: Lexicon, text: str, offset: int, known: dict[str, str]) -> list[Mention]:
    """Every name in ``text`` (a sentence starting at ``offset`` in the article), in order.

    ``known`` maps a folded surname to the driver id the article already named in full, so a
    surname two drivers share ("Taylor") reads as the one named before."""
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(m: Mention) -> None:
        out.append(m)
        taken.append((m.start - offset, m.end - offset))

    # classes first: "GT Daytona Pro" is a class, not the Rolex 24
    for match in re.finditer(rf"(?<![\w-])({CLASS_WORDS})(?![\w-])", text):
        if free(*match.span()):
            code = CLASS_NAMES.get(match.group().casefold()) or normalise_class(match.group().replace(" ", ""))
            add(Mention("class", offset + match.start(), offset + match.end(), match.group(), code, code))
    people = _full_names(lex, text)
    for pattern, query in lex.event_phrases:
        for match in pattern.finditer(text):
            a, b = match.span()
            if any(a < e and s < b for s, e in people):
                continue  # "Indy Dontje" is a driver, not Indianapolis
            if free(a, b) and not _le_mans_24(text, match):
                add(Mention("event", offset + match.start(), offset + match.end(), match.group(), query, query))
    for match in _CAR.finditer(text):
        if free(*match.span()):
            numbers = [g for g in match.groups() if g]
            add(Mention("car", offset + match.start(), offset + match.end(), match.group(), numbers[0], "#" + numbers[0],
                        extra={"numbers": tuple(numbers)}))  # fmt: skip
    for pattern, team, how in lex.team_phrases:
        for match in pattern.finditer(text):
            a, b = match.span()
            if how != "exact" and any(a < e and s < b and not (a <= s and e <= b) for s, e in people):
                continue  # "Darren Turner" is a driver, not Turner Motorsport
            tail = re.match(r"\s+(?:Racing|Motorsports?|MotorSports|Autosport|Competition|Team)\b", text[b:])
            if tail and how != "exact" and tail.group().strip().casefold() in team.casefold():
                b += tail.end()  # "Meyer Shank Racing": the whole name, so "Acura" after it describes the team
            if free(a, b):
                add(Mention("team", offset + a, offset + b, text[a:b], team, team, how,
                            1.0 if how == "exact" else 0.9))  # fmt: skip
    for match in _DRIVER_RUN.finditer(text):
        _drivers_in_run(lex, text, match, offset, known, free, add)
    for pattern, make in lex.manufacturers:
        for match in pattern.finditer(text):
            if free(*match.span()):
                add(Mention("manufacturer", offset + match.start(), offset + match.end(), match.group(), make, make))
    return sorted(out, key=lambda m: m.start)


def _full_names(lex: Lexicon, text: str) -> list[tuple[int, int]]:
    """The spans of drivers' full names (two or three words one driver has)."""
    out = []
    for run in _DRIVER_RUN.finditer(text):
        words = [(m.start() + run.start(), m.end() + run.start()) for m in _WORD.finditer(run.group())]
        for i in range(len(words)):
            for j in (i + 3, i + 2):
                if j <= len(words):
                    raw = re.sub(r"(?:'s|’s|')$", "", text[words[i][0] : words[j - 1][1]])
                    if len(lex.full.get(driver_key(raw), ())) == 1:
                        out.append((words[i][0], words[i][0] + len(raw)))
                        break
    return out


def _le_mans_24(text: str, match: re.Match[str]) -> bool:
    """ "Le Mans" alone is the 24 Hours of Le Mans, not Petit Le Mans."""
    return match.group().casefold() in ("le mans",)


_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*"
#: A run of name words; a surname's particles may open it ("and van der Zande")
_DRIVER_RUN = re.compile(
    rf"(?:\b(?:{'|'.join(PARTICLES)})\s+)*{_NAME_WORD}(?:\.?\s+(?:(?:{'|'.join(PARTICLES)})\s+)*{_NAME_WORD})*"
)


def _drivers_in_run(lex, text, match, offset, known, free, add) -> None:  # type: ignore[no-untyped-def]
    words = [(m.start() + match.start(), m.end() + match.start(), m.group()) for m in _WORD.finditer(match.group())]
    i = 0
    while i < len(words):
        found = None
        for j in range(min(len(words), i + 5), i, -1):
            start, end = words[i][0], words[j - 1][1]
            raw = text[start:end]
            raw_clean = re.sub(r"(?:'s|’s|')$", "", raw)
            end = start + len(raw_clean)
            if not free(start, end):
                continue
            key = driver_key(raw_clean)
            hit = _driver_key(lex, key, j - i, known)
            if hit:
                found = (start, end, raw_clean, *hit)
                break
        if found is None and i + 1 < len(words) and words[i + 1][2][:1].isupper():
            # "Oliver Pla": a near spelling of a full name (before the first word alone is read as
            # a near surname, "Oliveira")
            start, end = words[i][0], words[i + 1][1]
            raw_clean = re.sub(r"(?:'s|’s|')$", "", text[start:end])
            key = driver_key(raw_clean)
            if len(key) >= 7 and free(start, start + len(raw_clean)):
                near = process.extract(key, lex.full_list, scorer=fuzz.ratio, limit=2, score_cutoff=86)
                if near and (len(near) == 1 or near[1][1] < near[0][1] - 3):
                    did = next(iter(lex.full[near[0][0]]))
                    found = (start, start + len(raw_clean), raw_clean, did, "fuzzy", round(near[0][1] / 100, 2))
                    j = i + 2
        if found is None and i < len(words):
            start, end, raw = words[i]
            raw_clean = re.sub(r"(?:'s|’s|')$", "", raw)
            end = start + len(raw_clean)
            key = driver_key(raw_clean)
            if len(key) >= 5 and key not in NOT_NAMES and raw_clean[:1].isupper() and free(start, end):
                best = process.extractOne(key, lex.surname_list, scorer=fuzz.ratio, score_cutoff=84)
                if best is not None:
                    ids = lex.surname[best[0]]
                    second = process.extract(key, lex.surname_list, scorer=fuzz.ratio, limit=2, score_cutoff=84)
                    unique = len(ids) == 1 and not (len(second) > 1 and second[1][1] >= best[1] - 2)
                    if unique:
                        found = (start, end, raw_clean, next(iter(ids)), "fuzzy", round(best[1] / 100, 2))
            j = i + 1
        if found and found[4] == "first name" and j < len(words):
            # "Laurin Heinrick": a first name and a near spelling of that driver's surname read
            # together, as sure as the full name's spelling
            full = lex.drivers[found[3]]["name"]
            raw_full = text[found[0] : words[j][1]]
            surname = driver_key(full.split(maxsplit=1)[-1])
            if free(found[0], words[j][1]) and fuzz.ratio(driver_key(words[j][2]), surname) >= 84:
                conf = round(fuzz.ratio(driver_key(raw_full), driver_key(full)) / 100, 2)
                found, j = (found[0], words[j][1], raw_full, found[3], "fuzzy", conf), j + 1
        if found:
            start, end, raw, did, how, conf = found
            row = lex.drivers[did]
            add(Mention("driver", offset + start, offset + end, raw, did, row["name"], how, conf,
                        {"countries": tuple(row["countries"])}))  # fmt: skip
            i = j
        else:
            i += 1


def _driver_key(lex: Lexicon, key: str, n_words: int, known: dict[str, str]) -> tuple[str, str, float] | None:
    if not key or key in NOT_NAMES:
        return None
    ids = lex.full.get(key)
    if ids and len(ids) == 1 and n_words >= 2:
        return next(iter(ids)), "exact", 1.0
    ids = lex.surname.get(key) or lex.surname.get(key.replace(" ", ""))
    if ids:
        if key in known and known[key] in ids:
            return known[key], "surname (named before)", 0.95
        if len(ids) == 1 and known.get(key) != "":
            # one driver of that surname in the data (unless the article named two that share it)
            return next(iter(ids)), "surname", 0.95
        return None
    if n_words >= 2:  # "T. Blomqvist", a misspelt full name
        words = key.split()
        if len(words[0]) == 1:
            cands = [
                d
                for d in lex.surname.get(" ".join(words[1:]), set())
                if driver_key(lex.drivers[d]["name"]).startswith(words[0])
            ]
            if len(cands) == 1:
                return cands[0], "initial", 0.95
        return None
    ids = lex.first.get(key)
    if ids and len(ids) == 1 and len(key) >= 4:
        return next(iter(ids)), "first name", 0.85
    return None
