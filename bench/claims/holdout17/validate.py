#!/usr/bin/env python3
"""Check bench/claims/holdout17/labels.json with the main set's validator (stdlib only): the same
checks as bench/claims/validate.py, with a held-out set's minimums (>= 4 articles, >= 80 claims).
Run `python3 bench/claims/holdout17/validate.py`."""

import runpy
import sys
from pathlib import Path

if __name__ == "__main__":
    validator = runpy.run_path(str(Path(__file__).resolve().parents[1] / "validate.py"))
    sys.exit(validator["held_out"](__file__, 4, 80))
