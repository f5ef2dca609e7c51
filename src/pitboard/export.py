"""Export every table for other tools: Parquet partitioned by season (Hive layout) or CSV.

DuckDB, Polars, pandas and Spark read ``DIR/<table>/season=<year>/*.parquet`` as one dataset
with a ``season`` column (``read_parquet('DIR/laps/**/*.parquet', hive_partitioning=true)``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pitboard.db import Database
from pitboard.exceptions import ExportError
from pitboard.schema import TABLES


def export_database(db: Database, directory: Path, fmt: str) -> dict[str, int]:
    """Write every schema table under ``directory``; returns rows per table."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {directory}: {exc.strerror}") from exc
    counts = {}
    for table in TABLES:
        name = table.name
        rows = db.rows(f'SELECT count(*) FROM "{name}"')[0][0]
        target = directory / name
        if target.exists():
            shutil.rmtree(target) if target.is_dir() else target.unlink()
        # Paths cannot be bound as parameters in COPY; they are quoted literals built here.
        quoted = str(target).replace("'", "''")
        if fmt == "parquet" and table.partitioned_by_season:
            db.rows(f"COPY \"{name}\" TO '{quoted}' (FORMAT parquet, PARTITION_BY (season), OVERWRITE_OR_IGNORE true)")
        elif fmt == "parquet":
            target.mkdir(parents=True)
            db.rows(f"COPY \"{name}\" TO '{quoted}/{name}.parquet' (FORMAT parquet)")
        else:
            quoted_csv = str(directory / f"{name}.csv").replace("'", "''")
            db.rows(f"COPY \"{name}\" TO '{quoted_csv}' (FORMAT csv, HEADER true)")
        counts[name] = rows
    return counts
