"""pitboard: IMSA WeatherTech SportsCar Championship timing exports, as numbers people can print.

``pitboard.ingest(data_dir, db_path)`` builds the database from the official CSV exports;
``pitboard.open(db_path)`` reads it (methods return pandas DataFrames). Both default to the
bundled data and the database path in ``pitboard.config``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pitboard.exceptions import (
    AmbiguousNameError,
    DatabaseError,
    ExportError,
    IngestError,
    InputError,
    NotAvailableError,
    NotFoundError,
    PitboardError,
)

if TYPE_CHECKING:
    from pitboard.api import EventRef, Pitboard, SessionRef, open
    from pitboard.ingestion import IngestReport, Issue, ingest

#: Imported on first use: ``import pitboard`` (and so ``pitboard --help``) must not pay for
#: pandas and DuckDB until a command needs them.
_LAZY = {
    "EventRef": "pitboard.api",
    "Pitboard": "pitboard.api",
    "SessionRef": "pitboard.api",
    "open": "pitboard.api",
    "IngestReport": "pitboard.ingestion",
    "Issue": "pitboard.ingestion",
    "ingest": "pitboard.ingestion",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pitboard' has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "AmbiguousNameError",
    "DatabaseError",
    "EventRef",
    "ExportError",
    "IngestError",
    "IngestReport",
    "InputError",
    "Issue",
    "NotAvailableError",
    "NotFoundError",
    "Pitboard",
    "PitboardError",
    "SessionRef",
    "__version__",
    "ingest",
    "open",
]
