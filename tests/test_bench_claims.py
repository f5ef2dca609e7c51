"""The claim benchmark's label matcher (bench/claims.py): a wrong pairing would misreport the
verdicts it scores, so it is tested like product code."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("bench_claims", Path(__file__).parents[1] / "bench" / "claims.py")
assert _SPEC is not None and _SPEC.loader is not None
bench_claims = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench_claims)


def test_match_pairs_by_largest_overlap_one_to_one() -> None:
    labels = [(0, 10), (20, 30)]
    found = [(2, 8), (0, 9), (25, 40)]
    assert sorted(bench_claims.match(labels, found)) == [(0, 1), (1, 2)]


def test_match_prefers_the_found_claim_of_the_labels_type() -> None:
    # "had started from the GTLM pole for the fourth time this season": labelled as the count;
    # the pole claim overlaps more, but the count is the claim the label is about
    labels = [(0, 80)]
    found = [(0, 50), (51, 80)]
    assert bench_claims.match(labels, found) == [(0, 0)]
    assert bench_claims.match(labels, found, ["count"], ["qualifying", "count"]) == [(0, 1)]
