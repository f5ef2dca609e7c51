"""The read side of the database: one connection, parameterised queries, schema-typed frames.

``Database`` opens the file read-only (the web app and CLI never write; the ingest builds a new
file and swaps it in) and returns pandas DataFrames whose dtypes follow ``schema.py``.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from pitboard.config import default_db_path
from pitboard.exceptions import DatabaseError
from pitboard.schema import PARSER_VERSION, TABLES_BY_NAME, pandas_dtype

Tracer = Callable[[str, Sequence[Any] | dict[str, Any] | None], None]


class Database:
    """A read-only handle on a pitboard database file.

    ``tracer`` (optional) is called with every SQL statement and its parameters before it runs.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, tracer: Tracer | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        if not self.path.exists():
            raise DatabaseError(
                f"no pitboard database at {self.path}: build it with `pitboard ingest` (or set PITBOARD_DB / --db)"
            )
        try:
            self._con = duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as exc:
            raise DatabaseError(f"cannot open {self.path}: {exc}") from exc
        self.tracer = tracer
        #: Per-handle memo of small, immutable lookups (name candidates); the file is read-only.
        self.cache: dict[str, Any] = {}
        #: Per-handle memo of small, immutable lookups (name candidates); the file is read-only.
        self.cache: dict[str, Any] = {}
        try:
            meta = dict(self._con.execute("SELECT key, value FROM _meta").fetchall())
        except duckdb.Error as exc:
            raise DatabaseError(
                f"{self.path} is not a pitboard database: rebuild it with `pitboard ingest --force`"
            ) from exc
        if meta.get("parser_version") != PARSER_VERSION:
            raise DatabaseError(
                f"{self.path} was built by another pitboard version (parser {meta.get('parser_version')}, "
                f"this is {PARSER_VERSION}): run `pitboard ingest` to rebuild it"
            )
        self.meta = meta

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[tuple]:
        """Run a parameterised query and return its rows."""
        if self.tracer:
            self.tracer(sql, params)
        cursor = self._con.cursor()
        try:
            return cursor.execute(sql, params or []).fetchall()
        finally:
            cursor.close()

    def dicts(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a parameterised query and return its rows as dicts (cheap for small results)."""
        if self.tracer:
            self.tracer(sql, params)
        cursor = self._con.cursor()
        try:
            result = cursor.execute(sql, params or [])
            names = [d[0] for d in result.description]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
        finally:
            cursor.close()

    def frame(
        self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None, *, table: str | None = None
    ) -> pd.DataFrame:
        """Run a parameterised query and return a DataFrame.

        Columns named like a column of ``table`` get that column's pandas dtype from
        ``schema.py``, so an empty result still has the right dtypes.
        """
        if self.tracer:
            self.tracer(sql, params)
        cursor = self._con.cursor()
        try:
            with warnings.catch_warnings():
                # DuckDB 2.0's DataFrame conversion calls DataFrame.drop(inplace=True), which
                # pandas 3.1 deprecates (2026-11): not ours to fix, and not the user's concern.
                warnings.filterwarnings(
                    "ignore", message="The inplace keyword in DataFrame.drop", category=FutureWarning
                )
                warnings.filterwarnings(
                    "ignore", message="The inplace keyword in DataFrame.drop", category=DeprecationWarning
                )
                frame = cursor.execute(sql, params or []).df()
        finally:
            cursor.close()
        return conform(frame, table)


def conform(frame: pd.DataFrame, table: str | None = None) -> pd.DataFrame:
    """Cast the columns of ``frame`` that ``table`` declares to their declared pandas dtypes
    (nothing is cast without a table: a column name alone says nothing about its type)."""
    if table is None:
        return frame
    types = {column.name: column.type for column in TABLES_BY_NAME[table].columns}
    for name in frame.columns:
        if name in types:
            dtype = pandas_dtype(types[name])
            if dtype == "object":
                continue
            try:
                frame[name] = frame[name].astype(dtype)
            except (TypeError, ValueError):
                continue
    return frame
