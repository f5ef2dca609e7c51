"""Shared fixtures: a database of the pinned slice (fast) and of the full bundled data (once).

Both are built with ``strict=True``: the real data must ingest without a single problem.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import pitboard

ROOT = Path(__file__).resolve().parents[1]
SLICE = ROOT / "tests" / "data" / "imsa"
BUNDLED = ROOT / "data" / "imsa"


@pytest.fixture(scope="session")
def slice_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pinned slice, ingested (strict) into a fresh database."""
    path = tmp_path_factory.mktemp("slice") / "slice.duckdb"
    pitboard.ingest(SLICE, path, strict=True)
    return path


@pytest.fixture(scope="session")
def full_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole bundled data, ingested (strict) once per test run.

    ``PITBOARD_TEST_FULL_DB`` names an already built database to use instead (read only; the
    mutation run in ``bench/mutate.py`` builds it once for hundreds of test runs).
    """
    prebuilt = os.environ.get("PITBOARD_TEST_FULL_DB")
    if prebuilt:
        return Path(prebuilt)
    path = tmp_path_factory.mktemp("full") / "full.duckdb"
    pitboard.ingest(BUNDLED, path, strict=True)
    return path


@pytest.fixture(scope="session")
def pb(full_db: Path) -> Iterator[pitboard.Pitboard]:
    with pitboard.open(full_db) as handle:
        yield handle


@pytest.fixture(scope="session")
def spb(slice_db: Path) -> Iterator[pitboard.Pitboard]:
    with pitboard.open(slice_db) as handle:
        yield handle


@pytest.fixture
def slice_copy(tmp_path: Path) -> Path:
    """A writable copy of the slice, for tests that damage files."""
    target = tmp_path / "imsa"
    shutil.copytree(SLICE, target)
    return target


def sql(handle: pitboard.Pitboard, query: str, params: object = None) -> list[tuple]:
    """Rows of a query against a test database (tests may read tables directly)."""
    return handle.db.rows(query, params)  # type: ignore[arg-type]
