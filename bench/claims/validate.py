#!/usr/bin/env python3
"""Check bench/claims/labels.json against the article files (stdlib only).

Checks: the JSON shape; every article file exists and has 350-800 words;
every claim text occurs exactly once in its article; claim spans in one
article do not overlap; types, verdicts and reasons are valid (a reason is
required for, and only for, `not checkable`); at least 12 articles and 180
claims. Prints counts per type, per verdict and per reason. Exit status 1 on
any problem.
"""

import collections
import itertools
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"count", "result", "qualifying", "fastest_lap", "championship", "lineup", "streak"}
VERDICTS = {"supported", "contradicted", "not checkable"}
REASONS = {"before the data", "outside the championship", "missing round", "not a statistic"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MIN_ARTICLES, MIN_CLAIMS, MIN_WORDS, MAX_WORDS = 12, 180, 350, 800


def main(path=HERE / "labels.json"):
    errors = []
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    articles = data.get("articles")
    if not isinstance(articles, list):
        print("labels.json: 'articles' must be a list")
        return 1
    by_type, by_verdict, by_reason = collections.Counter(), collections.Counter(), collections.Counter()
    type_verdict = collections.Counter()
    ids, n_claims = set(), 0
    for art in articles:
        aid = art.get("id", "?")
        if aid in ids:
            errors.append(f"{aid}: duplicate id")
        ids.add(aid)
        if set(art) != {"id", "file", "date", "claims"}:
            errors.append(f"{aid}: keys {sorted(art)}")
        if not DATE.match(str(art.get("date", ""))):
            errors.append(f"{aid}: bad date {art.get('date')!r}")
        f = HERE / art.get("file", "")
        if not f.is_file():
            errors.append(f"{aid}: missing file {art.get('file')}")
            continue
        if Path(art["file"]).stem != aid:
            errors.append(f"{aid}: id does not match file name {art['file']}")
        text = f.read_text(encoding="utf-8")
        words = len(text.split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            errors.append(f"{aid}: {words} words (want {MIN_WORDS}-{MAX_WORDS})")
        spans = []
        for i, c in enumerate(art.get("claims", [])):
            n_claims += 1
            where = f"{aid} claim {i + 1}"
            t = c.get("text", "")
            k = text.count(t) if t else 0
            if k != 1:
                errors.append(f"{where}: text occurs {k} times: {t!r}")
            else:
                s = text.index(t)
                spans.append((s, s + len(t), where))
            if c.get("type") not in TYPES:
                errors.append(f"{where}: bad type {c.get('type')!r}")
            v = c.get("verdict")
            if v not in VERDICTS:
                errors.append(f"{where}: bad verdict {v!r}")
            if v == "not checkable":
                if c.get("reason") not in REASONS:
                    errors.append(f"{where}: bad or missing reason {c.get('reason')!r}")
                by_reason[c.get("reason")] += 1
            elif "reason" in c:
                errors.append(f"{where}: reason given for verdict {v!r}")
            for key in ("truth", "source"):
                if not str(c.get(key, "")).strip():
                    errors.append(f"{where}: empty {key}")
            extra = set(c) - {"text", "type", "verdict", "reason", "truth", "source"}
            if extra:
                errors.append(f"{where}: unknown keys {sorted(extra)}")
            by_type[c.get("type")] += 1
            by_verdict[v] += 1
            type_verdict[(c.get("type"), v)] += 1
        spans.sort()
        for a, b in itertools.pairwise(spans):
            if b[0] < a[1]:
                errors.append(f"overlapping spans: {a[2]} and {b[2]}")
    if len(articles) < MIN_ARTICLES:
        errors.append(f"{len(articles)} articles (want >= {MIN_ARTICLES})")
    if n_claims < MIN_CLAIMS:
        errors.append(f"{n_claims} claims (want >= {MIN_CLAIMS})")

    print(f"{len(articles)} articles, {n_claims} claims")
    print("\nper type:")
    for t in sorted(TYPES):
        row = "  ".join(f"{v}={type_verdict[(t, v)]}" for v in sorted(VERDICTS))
        print(f"  {t:13s} {by_type[t]:4d}   ({row})")
    print("\nper verdict:")
    for v in sorted(VERDICTS):
        print(f"  {v:14s} {by_verdict[v]:4d}")
    print("\nnot checkable, per reason:")
    for r in sorted(REASONS):
        print(f"  {r:24s} {by_reason[r]:4d}")
    checkable = by_verdict["supported"] + by_verdict["contradicted"]
    if checkable:
        print(f"\ncontradicted share of checkable claims: {by_verdict['contradicted'] / checkable:.0%}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK")
    return 0


def held_out(script: str, min_articles: int, min_claims: int) -> int:
    """The same checks for a held-out set next to ``script`` (its labels.json and articles), with
    the size minimums of a held-out set."""
    global HERE, MIN_ARTICLES, MIN_CLAIMS
    HERE = Path(script).resolve().parent
    MIN_ARTICLES, MIN_CLAIMS = min_articles, min_claims
    return main(*(sys.argv[1:] or [HERE / "labels.json"]))


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
