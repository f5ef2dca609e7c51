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

#: The file an export leaves in its folder, listing what it wrote: only a folder that has it (or
#: an empty one) is written to, and only the names it lists are ever replaced.
MARKER = ".pitboard-export"


def _own_entries(directory: Path) -> set[str]:
    """The names a previous export wrote into ``directory``; refuse a folder pitboard did not write."""
    if not directory.exists():
        return set()
    if not directory.is_dir():
        raise ExportError(f"{directory} is not a folder")
    marker = directory / MARKER
    entries = {p.name for p in directory.iterdir()}
    if not entries:
        return set()
    if not marker.is_file():
        raise ExportError(
            f"{directory} is not empty and was not written by pitboard export: "
            "refusing to write into it (give a new or empty folder)"
        )
    return set(marker.read_text(encoding="utf-8").split())


def export_database(db: Database, directory: Path, fmt: str) -> dict[str, int]:
    """Write every schema table under ``directory``; returns rows per table.

    The folder must be new, empty or a previous pitboard export: nothing else in it is touched."""
    own = _own_entries(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {directory}: {exc.strerror}") from exc
    for name in own:  # the previous export's files: replaced whole, so no stale partition survives
        target = directory / name
        if name != MARKER and target.exists() and target.resolve().parent == directory.resolve():
            shutil.rmtree(target) if target.is_dir() and not target.is_symlink() else target.unlink()
    written = []
    counts = {}
    for table in TABLES:
        name = table.name
        rows = db.rows(f'SELECT count(*) FROM "{name}"')[0][0]
        target = directory / name
        # Paths cannot be bound as parameters in COPY; they are quoted literals built here.
        quoted = str(target).replace("'", "''")
        written.append(name if fmt == "parquet" else f"{name}.csv")
        (directory / MARKER).write_text("\n".join(written) + "\n", encoding="utf-8")
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
