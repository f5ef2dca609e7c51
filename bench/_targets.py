"""Shared by the benchmark scripts: report the targets missed and choose the exit code."""

from __future__ import annotations

from collections.abc import Sequence


def print_checks(checks: Sequence[tuple[str, object, object, bool]], width: int) -> None:
    """Print the targets as a table: name, value and target (right-aligned in ``width``), PASS/MISS."""
    print(f"\n  {'target':44s} {'value':>{width}s}   {'target':>{width}s}   result")
    for name, value, target, ok in checks:
        print(f"  {name:44s} {value!s:>{width}s}   {target!s:>{width}s}   {'PASS' if ok else 'MISS'}")


def verdict(checks: Sequence[tuple[str, object, object, bool]], strict: bool) -> int:
    """Print the names of the missed targets (``checks``: name, value, target, passed) and
    return the exit code: 1 only when a target was missed and ``--check`` (``strict``) was given."""
    missed = [name for name, _, _, ok in checks if not ok]
    if missed:
        print(f"\n  missed: {', '.join(missed)}" + ("" if strict else " (reported only; use --check to fail)"))
    return 1 if (missed and strict) else 0
