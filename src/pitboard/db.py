"""The read side of the database: one connection, parameterised queries, schema-typed frames.

``Database`` opens the file read-only (the web app and CLI never write; the ingest builds a new
file and swaps it in) and returns pandas DataFrames whose dtypes follow ``schema.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

import os
import threading
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from pitboard.config import default_db_path
from pitboard.exceptions import DatabaseError
from pitboard.schema import PARSER_VERSION, TABLES_BY_NAME, pandas_dtype

# DuckDB 2.0's DataFrame conversion calls DataFrame.drop(inplace=True), which pandas 3.1
# deprecates (2026-11): not ours to fix, and not the user's concern. Filtered once here: a
# per-call warnings.catch_warnings() is not thread-safe.
for _category in (FutureWarning, DeprecationWarning):
    warnings.filterwarnings("ignore", message="The inplace keyword in DataFrame.drop", category=_category)

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
        # One handle serves many threads (a web server): each thread queries through its own
        # cursor (DuckDB connections are not safe to share between threads), and memoised
        # lookups are computed once under a lock (``memo``).
        self._lock = threading.RLock()
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._memo: dict[Any, Any] = {}
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
        with self._lock:
            for cursor in self._cursors:
                cursor.close()
            self._cursors.clear()
            self._con.close()

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor (created once per thread, under the lock)."""
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            with self._lock:
                cursor = self._con.cursor()
                self._cursors.append(cursor)
            self._local.cursor = cursor
        return cursor

    def memo(self, key: Any, fetch: Callable[[], Any]) -> Any:
        """``fetch()`` once per handle for ``key`` (the file is read-only, so the answer never
        changes), safely under concurrent use. Callers must not mutate what it returns."""
        try:
            return self._memo[key]
        except KeyError:
            pass
        with self._lock:
            if key not in self._memo:
                self._memo[key] = fetch()
            return self._memo[key]

    def recall(self, key: Any) -> Any:
        """What ``memo`` holds for ``key``, else None, without fetching: for a caller that reads
        many keys in one batch query and only needs the ones not yet held."""
        return self._memo.get(key)

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[tuple]:
        """Run a parameterised query and return its rows."""
        if self.tracer:
            self.tracer(sql, params)
        return self._cursor().execute(sql, params or []).fetchall()

    def dicts(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a parameterised query and return its rows as dicts (cheap for small results)."""
        if self.tracer:
            self.tracer(sql, params)
        result = self._cursor().execute(sql, params or [])
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def frame(
        self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None, *, table: str | None = None
    ) -> pd.DataFrame:
        """Run a parameterised query and return a DataFrame.

        Columns named like a column of ``table`` get that column's pandas dtype from
        ``schema.py``, so an empty result still has the right dtypes.
        """
        if self.tracer:
            self.tracer(sql, params)
        frame = self._cursor().execute(sql, params or []).df()
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
