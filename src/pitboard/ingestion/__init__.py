"""Ingest: every results, laps and weather file under a data root into a DuckDB database.

``ingest(data_dir, db_path, strict=False)`` is the whole of it:

1. find the files (``files.discover``) and, if the database already holds exactly these files
   (paths, sizes, modification times) read by this parser version with these reference tables,
   stop: nothing to do;
2. check each file (``files.inspect``), stage them in bulk (``stage``), load the normalised
   tables (``load``) and derive the rest (``derive``) into a new database *beside* the old one;
3. swap it in with one atomic rename. A crash, an error or Ctrl-C before that leaves the
   previous database as it was. With ``strict`` any error or warning aborts before the swap.

Bad input never stops the other files: a broken file is skipped and reported (file, line,
problem) in the report and in the ``_ingest_issues`` table.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import os
import shutil
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from pathlib import Path

from pitboard.config import default_data_dir, default_db_path
from pitboard.exceptions import IngestError
from pitboard.ingestion.files import discover, inspect, read
from pitboard.ingestion.report import ERROR, INFO, WARNING, IngestReport, Issue
from pitboard.schema import PARSER_VERSION

__all__ = ["ERROR", "INFO", "WARNING", "IngestReport", "Issue", "ingest"]

#: How many files are read ahead of the one being checked.
READ_AHEAD = 8

#: progress(files_done, files_total, bytes_done, bytes_total)
Progress = Callable[[int, int, int, int], None]


def ingest(
    data_dir: str | os.PathLike[str] | None = None,
    db_path: str | os.PathLike[str] | None = None,
    *,
    strict: bool = False,
    force: bool = False,
    progress: Progress | None = None,
    phase: Callable[[str], None] | None = None,
) -> IngestReport:
    """Build (or bring up to date) the database at ``db_path`` from the files under ``data_dir``.

    ``progress`` is called after each file is read and checked; ``phase`` with the name of each
    build step. Returns an ``IngestReport``. Raises ``IngestError`` when the data folder is missing, or,
    with ``strict``, when any file has a problem (the previous database is then kept).
    """
    from pitboard.refdata import reference_hash

    started = time.perf_counter()
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    db = Path(db_path) if db_path is not None else default_db_path()
    report = IngestReport(db_path=str(db), data_dir=str(root))
    try:
        sources, issues = discover(root)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise IngestError(f"{exc}: give the folder that holds the season folders (e.g. data/imsa)") from exc
    report.files_seen = len(sources)
    if not sources:
        # an empty or wrong folder must never replace a good database with an empty one
        raise IngestError(
            f"no export files (<season>/<NN-event>/<YYYYMMDDHHMM>-<session>-<kind>.csv) under {root}: "
            f"nothing ingested{'; the database at ' + str(db) + ' was not changed' if db.exists() else ''}",
            issues,
        )
    _refuse_foreign(db, force)
    report.removed_leftovers = remove_leftovers(db)
    fingerprint = {
        "parser_version": PARSER_VERSION,
        "reference_hash": reference_hash(),
        "data_root": str(root.resolve()),
        # files found but not loadable (a stray CSV, a duplicate): the same set as last time?
        "discovery": hashlib.sha256(repr(sorted((i.path, i.problem) for i in issues)).encode()).hexdigest(),
    }
    if not force and db.exists():
        previous = _previous_build(db)
        # Size, modification and inode-change times: an edit that keeps size and mtime (cp -p,
        # unzip) still changes the ctime, which only the kernel sets.
        manifest = {(s.rel, s.size, s.mtime_ns, s.ctime_ns) for s in sources}
        if previous and previous[0] == fingerprint and previous[1] == manifest:
            report.up_to_date = True
            report.issues = previous[2]
            report.files_loaded = previous[3].get("loaded", 0) + previous[3].get("empty", 0)
            report.files_skipped = previous[3].get("skipped", 0)
            report.seconds = time.perf_counter() - started
            if strict and report.problems:
                raise IngestError(f"{len(report.problems)} problems recorded in {db} (strict)", report.problems)
            return report

    db.parent.mkdir(parents=True, exist_ok=True)
    building = db.with_name(f"{db.name}.building-{os.getpid()}")
    _remove(building)
    from pitboard.ingestion.stage import Stager

    stager = Stager(db.parent)
    try:
        total_bytes = sum(s.size for s in sources)
        done_bytes = 0
        # Files are read and hashed READ_AHEAD ahead in threads (both release the GIL) while this
        # one is checked and staged.
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pitboard-read") as pool:
            upcoming = iter(sources)
            ahead = deque(pool.submit(read, s) for s in islice(upcoming, READ_AHEAD))
            try:
                for index, source in enumerate(sources, start=1):
                    loaded = ahead.popleft().result()
                    if (following := next(upcoming, None)) is not None:
                        ahead.append(pool.submit(read, following))
                    data = inspect(source, loaded)
                    if data is not None:
                        stager.add(source, data)
                    done_bytes += source.size
                    if progress:
                        progress(index, len(sources), done_bytes, total_bytes)
            finally:
                for future in ahead:
                    future.cancel()
        from pitboard.ingestion.build import build

        rows = build(building, sources, stager, issues, fingerprint, phase)
        for source in sources:
            issues.extend(source.issues)
        report.issues = issues
        report.rows = rows
        report.files_loaded = sum(1 for s in sources if s.status in ("loaded", "empty"))
        report.files_skipped = sum(1 for s in sources if s.status == "skipped")
        if strict and report.problems:
            raise IngestError(
                f"{len(report.problems)} problems found (strict): the database at {db} was not changed",
                report.problems,
            )
        os.replace(building, db)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise IngestError(_DISK_FULL.format(db=db)) from exc
        raise
    except Exception as exc:
        if "No space left on device" in str(exc) or ("Could not write" in str(exc) and "space" in str(exc)):
            raise IngestError(_DISK_FULL.format(db=db)) from exc
        raise
    finally:
        stager.close()
        _remove(building)
    report.seconds = time.perf_counter() - started
    return report


_DISK_FULL = (
    "the disk is full: the new database could not be written; the previous database at {db} is unchanged "
    "and the partial files were removed (free some space and run the ingest again)"
)


def _remove(path: Path) -> None:
    """Delete a partial database and everything DuckDB keeps beside it (WAL, spill folder)."""
    for candidate in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()
    shutil.rmtree(path.with_name(path.name + ".tmp"), ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def remove_leftovers(db: Path) -> list[str]:
    """Remove what an ingest killed before it could clean up left beside ``db``: partial
    databases (``<db>.building-<pid>`` and their WAL and spill folders) and staging folders
    (``pitboard-stage-<pid>-*``) of processes that are no longer running. Returns their names."""
    removed = []
    patterns = [(f"{db.name}.building-", db.parent), ("pitboard-stage-", db.parent)]
    for prefix, folder in patterns:
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if not entry.name.startswith(prefix):
                continue
            pid_text = entry.name[len(prefix) :].split("-")[0].split(".")[0]
            if not pid_text.isdigit() or _alive(int(pid_text)):
                continue
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):
                    entry.unlink()
            removed.append(entry.name)
    return removed


def _refuse_foreign(db: Path, force: bool) -> None:
    """Refuse to replace a file that is not a pitboard database (``--db notes.txt``) unless
    ``force``: the ingest swaps its new database in over whatever is at that path."""
    if force or not db.exists():
        return
    if db.is_dir():
        raise IngestError(f"{db} is a folder: give a database file path")
    if not is_pitboard_database(db):
        raise IngestError(
            f"{db} exists and is not a pitboard database: refusing to overwrite it (use --force to replace it)"
        )


def is_pitboard_database(path: Path) -> bool:
    """True when ``path`` is a DuckDB file built by pitboard (it has the ``_meta`` table)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    if head[8:12] != b"DUCK":
        return False
    import duckdb

    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return False
    try:
        return bool(con.execute("SELECT count(*) FROM _meta").fetchone())
    except duckdb.Error:
        return False
    finally:
        con.close()


def _previous_build(db: Path) -> tuple[dict, set, list[Issue], dict[str, int]] | None:
    """The fingerprint, file manifest, issues and file statuses recorded in an existing
    database, or None."""
    import duckdb

    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return None
    try:
        meta = dict(con.execute("SELECT key, value FROM _meta").fetchall())
        manifest = {tuple(r) for r in con.execute("SELECT path, size, mtime_ns, ctime_ns FROM _sources").fetchall()}
        statuses = dict(con.execute("SELECT status, count(*) FROM _sources GROUP BY ALL").fetchall())
        issues = [
            Issue(*r)
            for r in con.execute(
                "SELECT path, line, column_name, severity, problem, action FROM _ingest_issues"
            ).fetchall()
        ]
    except duckdb.Error:
        return None
    finally:
        con.close()
    fingerprint = {k: meta.get(k) for k in ("parser_version", "reference_hash", "data_root", "discovery")}
    return fingerprint, manifest, issues, statuses


def built_at() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
