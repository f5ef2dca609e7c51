"""Fast bulk inserts from Python rows (DuckDB's executemany is per-row and slow)."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb


def insert(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[Sequence]) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table`` in one statement."""
    if not rows:
        return
    import pandas as pd

    frame = pd.DataFrame({name: pd.Series([row[i] for row in rows], dtype=object) for i, name in enumerate(columns)})
    con.register("_bulk_rows", frame)
    try:
        cols = ", ".join(f'"{c}"' for c in columns)
        con.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM _bulk_rows')
    finally:
        con.unregister("_bulk_rows")
