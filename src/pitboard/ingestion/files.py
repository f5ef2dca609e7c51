"""Finding the export files under a data root and checking each one before it is parsed.

A tree is laid out ``<season>/<NN-event>/<YYYYMMDDHHMM>-<session>-<kind>.csv`` (DATA.md §1.1),
possibly below other folders. The checks here are whole-file ones that a bulk CSV reader would
not report clearly: unreadable, not UTF-8, binary garbage, an unknown header, a missing final
line end (a truncated file). A file failing one is skipped with an ``Issue``; the rest load.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from pitboard.domain.sessions import EVENT_FOLDER_PATTERN, FILE_PATTERN
from pitboard.ingestion.layouts import Layout, describe_mismatch, header_columns, match_layout
from pitboard.ingestion.report import ERROR, INFO, WARNING, Issue


@dataclass
class SourceFile:
    """One export file found under the data root (not yet read)."""

    path: Path
    rel: str  # path relative to the data root, with '/' separators
    season: int
    folder: str
    stamp: str
    slug: str
    kind: str
    size: int
    mtime_ns: int
    ctime_ns: int
    source_id: int = 0
    sha256: str = ""
    layout: Layout | None = None
    lines: int = 0  # data lines (after the header)
    rows: int = 0  # data rows loaded
    status: str = "pending"  # loaded / empty / skipped
    issues: list[Issue] = field(default_factory=list)

    @property
    def session_id(self) -> str:
        return f"{self.season}/{self.folder}/{self.stamp}-{self.slug}"

    @property
    def key(self) -> tuple[int, str, str, str, str]:
        return (self.season, self.folder, self.stamp, self.slug, self.kind)

    def skip(self, line: int | None, problem: str, column: str | None = None) -> None:
        """Mark the file skipped because of ``problem`` at ``line``."""
        self.status = "skipped"
        self.issues.append(Issue(self.rel, line, column, ERROR, problem, "file skipped; the other files loaded"))


def discover(root: Path) -> tuple[list[SourceFile], list[Issue]]:
    """Every export file under ``root``, in path order, plus issues for files that don't fit.

    A file counts when its name matches ``FILE_PATTERN`` and it sits in ``<season>/<NN-event>/``.
    Two files for the same (season, event, session, kind), e.g. from a tree copied inside the
    root, are a conflict: the first in path order is kept, the other reported and skipped.
    """
    if not root.exists():
        raise FileNotFoundError(f"data folder {root} does not exist")
    if not root.is_dir():
        raise NotADirectoryError(f"{root} is not a folder")
    found: list[SourceFile] = []
    issues: list[Issue] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            match = FILE_PATTERN.match(name)
            folder = path.parent.name
            season_dir = path.parent.parent.name
            if not name.lower().endswith(".csv"):
                continue
            if match is None:
                issues.append(
                    Issue(
                        rel,
                        None,
                        None,
                        WARNING,
                        "file name is not <YYYYMMDDHHMM>-<session>-<laps|results|weather>.csv",
                        "file ignored",
                    )
                )
                continue
            if not (season_dir.isdigit() and len(season_dir) == 4 and EVENT_FOLDER_PATTERN.match(folder)):
                issues.append(
                    Issue(rel, None, None, WARNING, "file is not inside <season>/<NN-event>/", "file ignored")
                )
                continue
            try:
                stat = path.stat()
            except OSError as exc:
                issues.append(
                    Issue(
                        rel,
                        None,
                        None,
                        ERROR,
                        f"cannot read file: {exc.strerror}",
                        "file skipped; the other files loaded",
                    )
                )
                continue
            stamp, slug, kind = match.groups()
            found.append(
                SourceFile(
                    path,
                    rel,
                    int(season_dir),
                    folder,
                    stamp,
                    slug,
                    kind,
                    stat.st_size,
                    stat.st_mtime_ns,
                    stat.st_ctime_ns,
                )
            )
    kept: dict[tuple, SourceFile] = {}
    unique: list[SourceFile] = []
    for source in found:
        first = kept.get(source.key)
        if first is None:
            kept[source.key] = source
            unique.append(source)
            continue
        same = _sha256(source.path) == _sha256(first.path)
        issues.append(
            Issue(
                source.rel,
                None,
                None,
                WARNING if same else ERROR,
                f"{'duplicate' if same else 'conflicting copy'} of {first.rel} (same season, event, session and kind)",
                f"file skipped; {first.rel} loaded",
            )
        )
    for number, source in enumerate(unique, start=1):
        source.source_id = number
    return unique, issues


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inspect(source: SourceFile) -> str | None:
    """Read and check one file; return its text (BOM dropped) or ``None`` when it can't load.

    Sets ``sha256``, ``layout``, ``lines`` and ``status`` and appends issues to the file.
    """
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        source.skip(None, f"cannot read file: {exc.strerror or exc}")
        return None
    source.sha256 = hashlib.sha256(data).hexdigest()
    source.size = len(data)
    if not data:
        source.status = "empty"
        source.issues.append(Issue(source.rel, None, None, INFO, "empty file (0 bytes, no header)", "read as no rows"))
        return None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        source.skip(line, "binary data (NUL byte): not a CSV export")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        source.skip(
            line,
            f"not UTF-8: byte 0x{data[exc.start]:02x} at column {column} cannot be decoded"
            " (the exports are UTF-8; re-export or convert the file with iconv)",
        )
        return None
    text = text.removeprefix("\ufeff")
    first_end = text.find("\n")
    header = text if first_end < 0 else text[:first_end]
    columns = header_columns(header)
    layout = match_layout(source.kind, columns)
    if layout is None:
        source.skip(1, describe_mismatch(source.kind, columns))
        return None
    if not text.endswith("\n"):
        source.skip(text.count("\n") + 1, "truncated: the last line has no line end (every export ends with one)")
        return None
    source.layout = layout
    source.lines = text.count("\n") - 1
    return text
