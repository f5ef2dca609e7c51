"""The errors pitboard raises. Every one is a ``PitboardError``; messages say how to fix it.

::

    PitboardError
    ├── DatabaseError          the database is missing, unreadable or from an older pitboard
    ├── IngestError            the ingest could not run or (strict) found problems
    ├── NotFoundError          nothing matched a name (season, event, session, class)
    │   └── AmbiguousNameError several things matched; carries the candidates
    ├── NotAvailableError      the data cannot answer (a race without a laps file)
    └── ExportError            the export could not be written
"""

from __future__ import annotations


class PitboardError(Exception):
    """Base class of every error pitboard raises on purpose."""


class DatabaseError(PitboardError):
    """The database file is missing, unreadable, or was built by an incompatible version."""


class IngestError(PitboardError):
    """The ingest could not run, or found problems while ``strict`` was set.

    ``issues`` holds the problems (``pitboard.ingestion.Issue``) when there are any.
    """

    def __init__(self, message: str, issues: list | None = None) -> None:
        super().__init__(message)
        self.issues = list(issues or [])


class NotFoundError(PitboardError):
    """A season, event, session or class name matched nothing.

    ``candidates`` lists what does exist, so the message can offer them.
    """

    def __init__(self, message: str, candidates: list[str] | None = None) -> None:
        super().__init__(message)
        self.candidates = list(candidates or [])


class AmbiguousNameError(NotFoundError):
    """A name matched several things equally well; ``candidates`` lists them."""


class NotAvailableError(PitboardError):
    """The data cannot answer this: e.g. lap-by-lap analysis of a race without a laps file."""


class ExportError(PitboardError):
    """The export could not be written."""
