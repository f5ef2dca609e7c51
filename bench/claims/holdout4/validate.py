#!/usr/bin/env python3
"""Check bench/claims/holdout4/labels.json with the main set's validator (stdlib only).

Same checks as bench/claims/validate.py (JSON shape, 350-800 words per article,
every text exactly once in its article, no overlapping spans, valid types,
verdicts and reasons), with the file paths resolved against this directory and
the size minimums relaxed for a held-out set (>= 4 articles, >= 80 claims).
Run `python3 bench/claims/holdout4/validate.py`.
"""

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("main_validate", HERE.parent / "validate.py")
v = importlib.util.module_from_spec(spec)
spec.loader.exec_module(v)
v.HERE = HERE
v.MIN_ARTICLES, v.MIN_CLAIMS = 4, 80

if __name__ == "__main__":
    sys.exit(v.main(*(sys.argv[1:] or [HERE / "labels.json"])))
