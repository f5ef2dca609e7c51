"""Finding the export files under a data root and checking each one before it is parsed.

A tree is laid out ``<season>/<NN-event>/<YYYYMMDDHHMM>-<session>-<kind>.csv`` (DATA.md §1.1),
possibly below other folders. The checks here are whole-file ones that a bulk CSV reader would
not report clearly: unreadable, not UTF-8, binary garbage, an unknown header, a missing final
line end (a truncated file). A file failing one is skipped with an ``Issue``; the rest load.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import stat as stat_module
from collections.abc import Iterable
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

    def unreadable(error: OSError) -> None:
        where = Path(error.filename or root)
        rel = where.relative_to(root).as_posix() if where.is_relative_to(root) else str(where)
        issues.append(
            Issue(
                rel,
                None,
                None,
                ERROR,
                f"cannot read folder: {error.strerror or error}",
                "folder skipped; the other files loaded",
            )
        )

    seen_dirs: set[tuple[int, int]] = set()
    # Symlinked folders are followed (a season linked in from elsewhere is data like any other);
    # a folder reached twice (a link loop, or a link to a folder already read) is read once.
    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=True):
        try:
            info = os.stat(dirpath)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen_dirs:
            issues.append(
                Issue(
                    Path(dirpath).relative_to(root).as_posix(),
                    None,
                    None,
                    WARNING,
                    "folder reached twice through a symbolic link",
                    "read once",
                )
            )
            dirnames[:] = []
            continue
        seen_dirs.add((info.st_dev, info.st_ino))
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
                stamp_time = dt.datetime.strptime(match.group(1), "%Y%m%d%H%M")
            except ValueError:
                stamp_time = None
            if stamp_time is None:
                issues.append(
                    Issue(
                        rel,
                        None,
                        None,
                        WARNING,
                        f"file name time {match.group(1)!r} is not a date and time",
                        "file ignored",
                    )
                )
                continue
            try:
                stat = path.stat()
            except OSError as exc:
                issues.append(_skipped(rel, f"cannot read file: {exc.strerror}"))
                continue
            if not stat_module.S_ISREG(stat.st_mode):
                issues.append(_skipped(rel, "not a regular file (a pipe, device or socket named .csv)"))
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
    unique = _one_copy_per_session(unique, issues)
    for number, source in enumerate(unique, start=1):
        source.source_id = number
    return unique, issues


def _one_copy_per_session(sources: list[SourceFile], issues: list[Issue]) -> list[SourceFile]:
    """The same session exported twice under two start times (``…1405-race-*`` and
    ``…1410-race-*`` in one event folder) would count every car twice. Identical copies: the
    first is loaded, the other reported. Copies that differ: neither can be trusted, so no file
    of that session is loaded and the round is reported (its coverage then says so)."""
    stamps: dict[tuple[int, str, str], dict[str, list[SourceFile]]] = {}
    for source in sources:
        stamps.setdefault((source.season, source.folder, source.slug), {}).setdefault(source.stamp, []).append(source)
    dropped: set[int] = set()
    for (_season, _folder, slug), by_stamp in stamps.items():
        if len(by_stamp) < 2:
            continue
        ordered = sorted(by_stamp)
        first = {s.kind: s for s in by_stamp[ordered[0]]}
        for stamp in ordered[1:]:
            copy = {s.kind: s for s in by_stamp[stamp]}
            same = copy.keys() == first.keys() and all(
                _content_hash(copy[k].path) == _content_hash(first[k].path) for k in copy
            )
            problem = f"session {slug!r} exported twice in this event (times {ordered[0]} and {stamp})"
            if same:
                _drop(copy.values(), dropped, issues, WARNING, problem, "identical copy skipped")
            else:
                problem += " with different contents"
                action = "neither copy loaded: the session is not counted"
                _drop([*first.values(), *copy.values()], dropped, issues, ERROR, problem, action)
    return [s for s in sources if id(s) not in dropped]


def _skipped(rel: str, problem: str) -> Issue:
    """The error of a file found under the root that is skipped; the others still load."""
    return Issue(rel, None, None, ERROR, problem, "file skipped; the other files loaded")


def _drop(
    sources: Iterable[SourceFile], dropped: set[int], issues: list[Issue], severity: str, problem: str, action: str
) -> None:
    """Leave ``sources`` out of the load, each reported with ``problem``."""
    for source in sources:
        if id(source) not in dropped:
            dropped.add(id(source))
            issues.append(Issue(source.rel, None, None, severity, problem, action))


def _content_hash(path: Path) -> str:
    """SHA-256 of a file's bytes (empty for an unreadable file)."""
    try:
        return _sha256(path)
    except OSError:
        return ""


def _quote_problem(text: str) -> tuple[int, str, str | None] | None:
    """The first line whose double quotes are not well-formed CSV, as (line, problem, column).

    The exports quote a field only when it holds a comma ("Amsterdam, Netherlands") and never
    span lines (DATA.md §0.2), so each line must parse alone. A stray or unterminated quote would
    otherwise make the bulk reader swallow the following lines, of this file and of the files
    staged after it: the file is rejected here, alone, before it is staged."""
    header = text[: text.find("\n")]
    names = header_columns(header)
    for number, line in enumerate(text.split("\n"), start=1):
        if '"' not in line:
            continue
        try:
            fields = next(csv.reader([line], strict=True))
        except csv.Error as exc:
            index = line[: line.index('"')].count(",")
            name = names[index] if index < len(names) else None
            return number, f"unterminated or misplaced double quote ({exc})", name
        # a quote inside a value is only sound in CSV's escaped form: "say ""hi"""
        quoted = [i for i, f in enumerate(fields) if '"' in f and '"' + f.replace('"', '""') + '"' not in line]
        if line.count('"') % 2 or quoted:
            column = names[quoted[0]] if quoted and quoted[0] < len(names) else None
            return number, "unterminated or stray double quote (the rows after it could not be told apart)", column
    return None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read(source: SourceFile) -> tuple[bytes, str] | OSError:
    """A file's bytes and their SHA-256, or the error reading it. Reading and hashing release
    the GIL, so ``ingest`` runs this for the next files in threads while it checks this one."""
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        return exc
    return data, hashlib.sha256(data).hexdigest()


def inspect(source: SourceFile, loaded: tuple[bytes, str] | OSError | None = None) -> bytes | None:
    """Read and check one file; return its bytes or ``None`` when it can't load.

    ``loaded``: what ``read(source)`` returned, if it has been read already. Sets ``sha256``,
    ``layout``, ``lines`` and ``status`` and appends issues to the file. The bytes returned are
    valid UTF-8 (a BOM, if any, is still in them, in the header line).
    """
    if loaded is None:
        loaded = read(source)
    if isinstance(loaded, OSError):
        source.skip(None, f"cannot read file: {loaded.strerror or loaded}")
        return None
    data, source.sha256 = loaded
    source.size = len(data)
    if not data:
        source.status = "empty"
        source.issues.append(Issue(source.rel, None, None, INFO, "empty file (0 bytes, no header)", "read as no rows"))
        return None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        source.skip(line, "binary data (NUL byte): not a CSV export")
        return None
    if not data.isascii():  # ASCII is UTF-8; anything else must decode
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            source.skip(
                line,
                f"not UTF-8: byte 0x{data[exc.start]:02x} at column {column} cannot be decoded"
                " (the exports are UTF-8; re-export or convert the file with iconv)",
            )
            return None
    # The checks below read the bytes: '\n', '\r' and '"' are single bytes in UTF-8, never part
    # of another character, and a BOM holds none of them.
    first_end = data.find(b"\n")
    header = (data if first_end < 0 else data[:first_end]).decode("utf-8").removeprefix("\ufeff")
    columns = header_columns(header)
    layout = match_layout(source.kind, columns)
    if layout is None:
        source.skip(1, describe_mismatch(source.kind, columns))
        return None
    if not data.endswith(b"\n"):
        source.skip(data.count(b"\n") + 1, "truncated: the last line has no line end (every export ends with one)")
        return None
    if b'"' in data and (problem := _quote_problem(data.decode("utf-8").removeprefix("\ufeff"))) is not None:
        source.skip(problem[0], problem[1], column=problem[2])
        return None
    if b"\r" in data and b"\r" in data.replace(b"\r\n", b""):
        line = data[: data.index(b"\r")].count(b"\n") + 1
        source.skip(line, "a carriage return inside a line (the exports end lines with \\n or \\r\\n only)")
        return None
    source.layout = layout
    source.lines = data.count(b"\n") - 1
    return data
