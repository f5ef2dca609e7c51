"""pitboard: IMSA WeatherTech SportsCar Championship timing exports, as numbers people can print.

``pitboard.ingest(data_dir, db_path)`` builds the database from the official CSV exports;
``pitboard.open(db_path)`` reads it (methods return pandas DataFrames). Both default to the
bundled data and the database path in ``pitboard.config``.
"""

from __future__ import annotations

from pitboard.api import EventRef, Pitboard, SessionRef, open
from pitboard.exceptions import (
    AmbiguousNameError,
    DatabaseError,
    ExportError,
    IngestError,
    NotAvailableError,
    NotFoundError,
    PitboardError,
)
from pitboard.ingestion import IngestReport, Issue, ingest

__version__ = "0.1.0"

__all__ = [
    "AmbiguousNameError",
    "DatabaseError",
    "EventRef",
    "ExportError",
    "IngestError",
    "IngestReport",
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
