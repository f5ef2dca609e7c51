"""The claim checker: every statistical claim in an article, checked against the record.

``check(pb, text, date)`` splits the article into sentences (``text``), finds the names in each
(``lexicon``), reads the claims with the grammar (``grammar``), resolves relative times against
the publication date (``scope``) and decides each claim through the library (``verify``):
a ``CheckAnswer`` whose ``to_dict()`` is ``{"claims": [...]}``. docs/claims.md describes the
grammar, the verdict rules and what the checker does not understand.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import os
import re
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from pitboard.claims.model import (
    CLAIM_TYPES,
    REASONS,
    VERDICTS,
    CheckAnswer,
    Claim,
    ClaimVerdict,
    Mention,
)
from pitboard.exceptions import InputError, PitboardError
from pitboard.queries.stats import prefetch, subject_row_cache

if TYPE_CHECKING:
    from pitboard.api import Pitboard


def parse_date(value: dt.date | str) -> dt.date:
    """The publication date: a ``date`` or ``YYYY-MM-DD``; anything else is an ``InputError``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"publication date {value!r} is not a date: use YYYY-MM-DD (e.g. 2023-10-19)") from None


#: Threads verifying one article's claims at once: one a core, at most four (more only contend
#: with DuckDB's own threads; measured on 2 cores: 2 threads 0.96 s, 4 threads 1.02 s for 800 words).
CHECK_THREADS = min(4, max(2, os.cpu_count() or 2))


def extract(pb: Pitboard, text: str, date: dt.date | str) -> list[Claim]:
    """The claims of an article, in text order, without verdicts."""
    from pitboard.claims.grammar import Context, claims_in
    from pitboard.claims.lexicon import lexicon
    from pitboard.claims.text import sentences

    day = parse_date(date)
    lex = lexicon(pb)
    ctx = Context(day)
    out: list[Claim] = []
    for sent in sentences(text):
        out.extend(claims_in(lex, sent, ctx))
    return _not_the_articles_own(text, out)


#: A quotation of three words or more ("Mathieu never gave up, and that's why they are
#: champions"): what someone said, not a claim of the article (a quoted nickname is not one).
_QUOTE = re.compile(r"[\"“](?=[^\"“”\n]*\s[^\"“”\n]*\s)[^\"“”\n]+[\"”]")
_HEADING = re.compile(r"[^\n]+")
_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "vs", "with"}  # fmt: skip


def _title_case(line: str) -> bool:
    """A headline set in title case ("No. 6 Porsche Won the 2025 GTP Title") or a class's section
    heading ("LMP2: AO Racing's first title"): no closing punctuation, and the words after the
    first (but "a", "of", "and", "in"…) capitalised, or the class and a colon first."""
    if re.search(r"[.!?\"”]\s*$", line):
        return False
    if re.match(r"(?:GTD PRO|GTP|GTD|LMP2|LMP3|DPi|GTLM)(?: and (?:GTD PRO|GTP|GTD|LMP2|LMP3|DPi|GTLM))?:\s", line):
        return True  # a section heading: "LMP2: AO Racing's first title"
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line)[1:] if w.casefold() not in _SMALL_WORDS]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _not_the_articles_own(text: str, claims: list[Claim]) -> list[Claim]:
    """Drop what the article does not itself claim: a quotation, and a title-case headline or
    heading whose claim the article makes again below it (a claim with a subject, a race or a
    title of a class and season in common)."""
    quotes = [m.span() for m in _QUOTE.finditer(text)]
    heads = [m.span() for m in _HEADING.finditer(text) if _title_case(m.group())]

    def keys(c: Claim) -> set[str]:
        s = c.slots
        out = {str(x.get("key") or x.get("name")) for x in s.get("subject") or []}
        if s.get("event"):
            out.add(f"event:{s['event']}")
        if c.type == "championship" and s.get("class") and s.get("seasons"):
            out.add(f"title:{s['class']}:{s['seasons']}")
        return out

    out = []
    for c in claims:
        if any(a <= c.start and c.end <= b for a, b in quotes):
            continue
        head = next(((a, b) for a, b in heads if a <= c.start and c.end <= b), None)
        if head is not None and any(o.start >= head[1] and keys(o) & keys(c) for o in claims):
            continue
        out.append(c)
    return out


def _subjects_named(pb: Pitboard, claims: list[Claim]) -> dict[str, set[str]]:
    """The drivers, teams and makes the claims name or read as subjects (their mentions and
    subject slots), as the library's keys: the subjects whose rows the check will ask for. A
    name the library cannot resolve is left out (it is read on its own, and fails there)."""
    from pitboard import resolve
    from pitboard.queries import stats as sq

    named: dict[str, set[str]] = {"driver": set(), "team": set(), "manufacturer": set()}
    for c in claims:
        alts = c.slots.get("alternatives") or {}
        subjects = [*(c.slots.get("subject") or []), *(c.slots.get("rival") or []), *(alts.get("subjects") or [])]
        named["driver"].update(m.key for m in c.mentions if m.kind == "driver")
        named["driver"].update(x["key"] for x in subjects if x.get("kind") == "driver" and x.get("key"))
        for kind in ("team", "manufacturer"):
            named[kind].update(m.name for m in c.mentions if m.kind == kind)
            named[kind].update(x["name"] for x in subjects if x.get("kind") == kind and x.get("name"))
    match = {
        "team": lambda name: resolve.match_team(name, sq.team_candidates(pb.db)).key,
        "manufacturer": lambda name: resolve.match_manufacturer(name, sq.manufacturers(pb.db)).key,
    }
    out = {"driver": named["driver"], "team": set(), "manufacturer": set()}
    for kind, names in named.items():
        for name in names if kind in match else ():
            try:
                out[kind].add(match[kind](name))
            except PitboardError:
                continue
    return out


def check(pb: Pitboard, text: str, date: dt.date | str) -> CheckAnswer:
    """Every claim of ``text`` (an article published on ``date``) with its verdict and evidence."""
    from pitboard.claims.verify import Checker

    if not isinstance(text, str):
        raise InputError("the article must be text")
    day = parse_date(date)
    checker = Checker(pb, day)
    claims = extract(pb, text, day)
    # the claims are checked side by side: each waits mostly on DuckDB, which releases the GIL
    # (the checker's memo and evidence lookups are safe to share: a race only repeats a query)
    # one article asks about the same subjects in many scopes: each subject's rows are read once
    # and scoped in Python (the worker threads share the cache through a copied context)
    with subject_row_cache(), ThreadPoolExecutor(max_workers=CHECK_THREADS) as pool:
        # the subjects the article names, read together up front: three queries a kind of
        # subject, not three a subject
        for kind, keys in _subjects_named(pb, claims).items():
            prefetch(pb.db, kind, keys)
        contexts = [contextvars.copy_context() for _ in claims]
        verdicts = tuple(pool.map(lambda cc: cc[0].run(checker.check, cc[1]), zip(contexts, claims, strict=True)))
    return CheckAnswer(date=day, claims=verdicts, sources=tuple(sorted({s for v in verdicts for s in v.sources})))


__all__ = [
    "CLAIM_TYPES",
    "REASONS",
    "VERDICTS",
    "CheckAnswer",
    "Claim",
    "ClaimVerdict",
    "Mention",
    "check",
    "extract",
    "parse_date",
]
