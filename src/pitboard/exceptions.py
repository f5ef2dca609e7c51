"""The errors pitboard raises. Every one is a ``PitboardError``; messages say how to fix it.

::

    PitboardError
    ├── DatabaseError          the database is missing, unreadable or from an older pitboard
    ├── IngestError            the ingest could not run or (strict) found problems
    ├── InputError             a value outside its valid set (a class, season, metric, chart kind,
    │                          file type); carries the valid ``choices`` (HTTP 400)
    ├── NotFoundError          a name matched nothing (driver, team, event, session); carries
    │   │                      the nearest ``candidates`` (HTTP 404)
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


class InputError(PitboardError):
    """A value that is not one of the valid choices (an unknown class, season, metric, chart
    kind or file type): bad input, not a missing thing. ``choices`` lists the valid values
    (also as ``candidates``, so every face prints them the same way)."""

    def __init__(self, message: str, choices: list[str] | None = None) -> None:
        super().__init__(message)
        self.choices = list(choices or [])
        self.candidates = self.choices


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
