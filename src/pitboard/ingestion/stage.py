"""Stage 1 of the build: the text of every checked file into all-text staging tables.

Each file's data lines are appended to one concatenated file per layout, each line prefixed
with its file's id, and DuckDB reads each concatenated file once with an explicit all-text
schema (no type sniffing: ``01`` stays ``01``). One big read instead of 978 small ones avoids the
reader's per-file cost. A row's line number is its place among its file's rows (the read keeps
the file order); a file whose rows do not match its lines one for one is read again alone, with
each line numbered in the text. Rows with the wrong number of fields land in
DuckDB's rejects table (results rows are ragged, always shorter than the header: they are
padded, only longer rows are rejected); the file they came from is dropped and reported.

Then every typed column is checked in SQL; a file with a row that cannot be read is dropped
whole and reported with its line and column, so no session is ever half-loaded.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

import duckdb

from pitboard.domain.timefmt import DURATION_PATTERN, parse_duration_ms
from pitboard.ingestion.files import SourceFile
from pitboard.ingestion.layouts import LAPS_26, LAPS_27, LAYOUTS, Layout
from pitboard.ingestion.report import INFO, Issue
from pitboard.ingestion.sql import CHECKS, COLUMN_TYPES

#: Staging table per layout; laps-26 is staged into the laps-27 shape (no flag).
STAGE_TABLES = {
    "laps-27": "stage_laps",
    "laps-26": "stage_laps",
    "results-pos": "stage_results_pos",
    "results-position": "stage_results_position",
    "weather": "stage_weather",
}


def stage_name(layout: Layout) -> str:
    return STAGE_TABLES[layout.name]


def col(layout: Layout, name: str) -> str:
    """The staging column holding file column ``name`` (staging columns are c0, c1, …)."""
    source = LAPS_27 if layout.kind == "laps" else layout
    return f"c{source.columns.index(name)}"


class Stager:
    """Collects checked files (``add``) and loads them into staging tables (``load``).

    Every data line is written, prefixed with ``<source_id>,,``, to one concatenated file per
    layout; DuckDB then reads each concatenated file once, so each staged row carries its own
    file (the exports have no embedded newlines: DATA.md §0.2). The empty field is the line
    number, filled in afterwards from the row's place in the read (``_number_lines``): writing it
    into the text cost more than the rest of the file pass. A file read again alone (damaged
    rows) gets ``<source_id>,<line>,`` in the text, as the rows' numbers can no longer be
    trusted to follow from their places.
    """

    def __init__(self, workdir: Path) -> None:
        # the pid in the name lets the next ingest remove it if this process is killed
        self._dir = Path(tempfile.mkdtemp(prefix=f"pitboard-stage-{os.getpid()}-", dir=workdir))
        self._files: dict[str, Path] = {}
        self._handles: dict[str, BinaryIO] = {}
        self._sizes: dict[str, int] = {}  # bytes written so far, per layout
        #: source_id → (layout name, byte offset and length in its staging file, data lines)
        self._spans: dict[int, tuple[str, int, int, int]] = {}
        self.sources: list[SourceFile] = []

    def close(self) -> None:
        """Remove the temporary concatenated files."""
        self._flush()
        shutil.rmtree(self._dir, ignore_errors=True)

    def _flush(self) -> None:
        for handle in self._handles.values():
            handle.close()
        self._handles.clear()

    def add(self, source: SourceFile, data: bytes) -> None:
        """Take the bytes of a file that passed ``files.inspect`` (which counted its data lines:
        ``source.lines``; every line, the last too, ends with a line end)."""
        assert source.layout is not None
        count = source.lines
        if count <= 0:  # a header and nothing else: a file without rows, not a broken one
            source.status = "empty"
            source.issues.append(Issue(source.rel, None, None, INFO, "header only: no data rows", "read as no rows"))
            return
        self.sources.append(source)
        name = source.layout.name
        if name not in self._handles:
            self._files[name] = self._dir / f"{name}.csv"
            self._handles[name] = self._files[name].open("ab")
        # '<source_id>,,' before every data line (the line number is left empty: _number_lines):
        # one replace puts it after every line end, and the header and the prefix after the
        # last line end are left out of the bytes written
        prefix = b"%d,," % source.source_id
        staged = memoryview(data.replace(b"\n", b"\n" + prefix))[data.index(b"\n") + 1 : -len(prefix)]
        self._spans[source.source_id] = (name, self._sizes.get(name, 0), len(staged), count)
        self._sizes[name] = self._sizes.get(name, 0) + len(staged)
        self._handles[name].write(staged)

    def load(self, con: duckdb.DuckDBPyConnection) -> None:
        """Create the staging tables, drop broken files, check every value."""
        self._flush()
        for name in dict.fromkeys(STAGE_TABLES.values()):
            layout = LAPS_27 if name == "stage_laps" else next(lay for lay in LAYOUTS if stage_name(lay) == name)
            cols = ", ".join(f"c{i} VARCHAR" for i in range(len(layout.columns)))
            # 'extra' holds the field after the trailing comma's: always empty in a sound row;
            # 'bad': a value of the row does not read as its column's type (_bad_row)
            con.execute(
                f"CREATE TEMP TABLE {name} (source_id INTEGER, line INTEGER, {cols}, extra VARCHAR, bad BOOLEAN)"
            )
        by_id = {s.source_id: s for s in self.sources}
        for layout in LAYOUTS:
            if layout.name in self._files:
                self._read(con, layout, self._files[layout.name], by_id)
        _number_lines(con)
        self._check_row_counts(con, by_id)
        _check_values(con, [s for s in self.sources if s.status != "skipped"])
        _check_season_classes(con, by_id)
        _check_duplicates(con, by_id)
        for table in dict.fromkeys(STAGE_TABLES.values()):
            for source_id, rows in con.execute(f"SELECT source_id, count(*) FROM {table} GROUP BY ALL").fetchall():
                by_id[source_id].status = "loaded"
                by_id[source_id].rows = rows

    def _check_row_counts(self, con: duckdb.DuckDBPyConnection, by_id: dict[int, SourceFile]) -> None:
        """Every data line of every file must be one staged row. A damaged file whose quoting got
        past ``files.inspect`` could make the bulk reader merge the lines of the files staged
        after it: any file short of rows is re-read alone, and skipped if it still is."""
        staged: dict[int, int] = {}
        for table in dict.fromkeys(STAGE_TABLES.values()):
            staged.update(con.execute(f"SELECT source_id, count(*) FROM {table} GROUP BY ALL").fetchall())
        short = [
            sid
            for sid, (_, _, _, lines) in self._spans.items()
            if by_id[sid].status != "skipped" and staged.get(sid, 0) != lines
        ]
        for sid in short:
            source = by_id[sid]
            lines = self._spans[sid][3]
            layout = source.layout
            assert layout is not None
            con.execute(f"DELETE FROM {stage_name(layout)} WHERE source_id = ?", [sid])
            self._read(con, layout, self._alone(sid), by_id, tag=f"_{sid}")
            if source.status == "skipped":
                continue
            (count,) = con.execute(f"SELECT count(*) FROM {stage_name(layout)} WHERE source_id = ?", [sid]).fetchone()
            if count != lines:
                source.skip(None, f"{lines} data lines but {count} rows could be read (damaged quoting or line ends)")
                con.execute(f"DELETE FROM {stage_name(layout)} WHERE source_id = ?", [sid])

    def _alone(self, sid: int) -> Path:
        """A file of its own with the staged lines of file ``sid``, each numbered in the text:
        ``<source_id>,<line>,`` (the header is line 1)."""
        name, offset, length, _ = self._spans[sid]
        with self._files[name].open("rb") as whole:
            whole.seek(offset)
            staged = whole.read(length)
        prefix = b"%d,," % sid
        alone = self._dir / f"alone-{sid}.csv"
        alone.write_bytes(
            b"".join(
                b"%d,%d,%s\n" % (sid, number, line[len(prefix) :])
                for number, line in enumerate(staged.split(b"\n")[:-1], start=2)
            )
        )
        return alone

    def _read(
        self,
        con: duckdb.DuckDBPyConnection,
        layout: Layout,
        path: Path,
        by_id: dict[int, SourceFile],
        tag: str = "",
    ) -> None:
        width = len(layout.columns) + 1  # the trailing comma makes one more, always empty, field
        columns = {"source_id": "INTEGER", "line": "INTEGER", **{f"c{i}": "VARCHAR" for i in range(width)}}
        names = [f"c{i} AS c{i}" for i in range(len(layout.columns))]
        if layout is LAPS_26:  # no FLAG_AT_FL: staged as NULL in the laps-27 shape
            names.append(f"NULL AS c{width - 1}")
        names.append(f"c{width - 1} AS extra")  # the field after the trailing comma: must be empty
        rejects = f"rejects_{layout.name.replace('-', '_')}{tag}"
        # every value is checked as it is read (the row's 'bad'), not in a second pass over the
        # staging table
        con.execute(
            f"""
            INSERT INTO {stage_name(layout)}
            SELECT *, {_bad_row(layout)} FROM (
                SELECT source_id, line, {", ".join(names)}
                FROM read_csv($file, columns = $columns, auto_detect = false, header = false,
                    delim = ',', quote = '"', escape = '"', null_padding = {str(layout.ragged).lower()},
                    encoding = 'utf-8', store_rejects = true, rejects_table = '{rejects}',
                    rejects_scan = '{rejects}_scan'))
            """,
            {"file": str(path), "columns": columns},
        )
        bad = con.execute(f"SELECT csv_line, error_message FROM {rejects} ORDER BY line").fetchall()
        for csv_line, message in bad:
            sid, _, rest = (csv_line or "").partition(",")
            number = rest.partition(",")[0]
            source = by_id.get(int(sid)) if sid.isdigit() else None
            if source is None:
                # not attributable to a file (lines merged by damaged quoting): the files short of
                # rows are found and re-read alone by _check_row_counts
                continue
            if source.status == "skipped":
                continue
            con.execute(f"DELETE FROM {stage_name(layout)} WHERE source_id = ?", [source.source_id])
            if not tag:
                # a row of the bulk read, whose line is not in the text: the file is read again
                # alone with its lines numbered, for the line of its first bad row
                self._read(con, layout, self._alone(source.source_id), by_id, tag=f"_rejected_{sid}")
                if source.status == "skipped":
                    continue
                con.execute(f"DELETE FROM {stage_name(layout)} WHERE source_id = ?", [source.source_id])
            source.skip(int(number) if number.isdigit() else None, f"malformed CSV row: {_first_line(message)}")


def _number_lines(con: duckdb.DuckDBPyConnection) -> None:
    """Fill in the line of every row of the bulk reads: the read keeps the order of the text
    (``preserve_insertion_order``), so a file's rows are consecutive in row id, its first data
    row being line 2. A file with a rejected row is skipped and its rows deleted; one with fewer
    rows than lines (merged by damaged quoting) is read again alone by ``_check_row_counts``: so
    every file left has exactly one row per line, in order, and these numbers are its lines."""
    for table in dict.fromkeys(STAGE_TABLES.values()):
        con.execute(
            f"""UPDATE {table} SET line = {table}.rowid - first.rowid + 2
                FROM (SELECT source_id, min(rowid) AS rowid FROM {table} WHERE line IS NULL GROUP BY ALL) first
                WHERE {table}.line IS NULL AND {table}.source_id = first.source_id"""
        )


def _first_line(message: str | None) -> str:
    return (message or "unreadable row").splitlines()[0]


def _bad_row(layout: Layout) -> str:
    """SQL over a staged row of ``layout`` that is TRUE when one of its values does not read as
    its column's type (``sql.CHECKS``) or it has a field past the header's.

    The duration columns of a row are checked by a single regular expression over their
    concatenation (far cheaper than one match per column), so are the pattern-checked ones
    (``_MATCHED``), the others by casts."""
    types = COLUMN_TYPES["laps" if layout.kind == "laps" else layout.name]
    names = [n for n in types if n in layout.columns]
    durations = [col(layout, n) for n in names if types[n] == "duration"]
    matched = [n for n in names if types[n] in _MATCHED]
    conditions = [
        f"coalesce({CHECKS[types[n]].replace('{c}', col(layout, n)).replace('{prev}', _prev_col(layout, n))}, false)"
        for n in names
        if types[n] != "duration" and types[n] not in _MATCHED
    ]
    conditions.append("coalesce(extra <> '', false)")
    if durations:
        conditions.append(f"NOT regexp_full_match(concat_ws('|', {', '.join(durations)}), '{DURATIONS_PATTERN}')")
    if matched:
        # every pattern-checked column in one match: a value holding a '|' fails its own
        # pattern and, adding a separator, the whole one too
        pieces = ", ".join(f"coalesce({col(layout, n)}, '{_MATCHED[types[n]][1]}')" for n in matched)
        whole = "\\|".join(_MATCHED[types[n]][0] for n in matched)
        conditions.append(f"NOT regexp_full_match(concat_ws('|', {pieces}), '{whole}')")
    return f"({' OR '.join(conditions)})"


def _check_values(con: duckdb.DuckDBPyConnection, sources: list[SourceFile]) -> None:
    """Drop every file with a row whose values do not all read as their columns' types (the
    row's ``bad``, set as it was read: ``_bad_row``). For the first bad row of each file,
    Python's validators name the column.
    """
    by_id = {s.source_id: s for s in sources}
    for layout in LAYOUTS:
        types = COLUMN_TYPES["laps" if layout.kind == "laps" else layout.name]
        ids = [s.source_id for s in sources if s.layout == layout and s.status != "skipped"]
        if not ids:
            continue
        names = [n for n in types if n in layout.columns]
        rows = con.execute(
            f"""
            SELECT source_id, min(line), arg_min([{", ".join(col(layout, n) for n in names)}, extra], line), count(*)
            FROM {stage_name(layout)}
            WHERE bad AND source_id IN (SELECT unnest($ids))
            GROUP BY source_id
            """,
            {"ids": ids},
        ).fetchall()
        for source_id, line, values, count in rows:
            more = f"; {count} bad rows in all" if count > 1 else ""
            source = by_id[source_id]
            bad = next(
                (
                    n
                    for n, v in zip(names, values, strict=False)
                    if not _valid(
                        types[n], v, values[names.index(_prev_name(layout, n))] if types[n] == "surname" else None
                    )
                ),
                None,
            )
            if bad is not None:
                value = values[names.index(bad)]
                source.skip(line, f"{bad} = {value!r} is not {_expected(types[bad])}{more}", column=bad)
            elif values[-1]:
                source.skip(
                    line,
                    f"malformed CSV row: more fields than the header has ({values[-1]!r} after the last column){more}",
                )
            else:  # pragma: no cover - the SQL and Python checks disagree
                source.skip(line, f"a value in this row cannot be read{more}")
            con.execute(f"DELETE FROM {stage_name(layout)} WHERE source_id = ?", [source_id])


def _check_season_classes(con: duckdb.DuckDBPyConnection, by_id: dict[int, SourceFile]) -> None:
    """Drop a file with a class its season did not have (GTP in 2021, GTLM in 2024): the
    columns are shifted or the file is in the wrong season's folder."""
    from pitboard.rules import season_classes

    for table, layouts in (("stage_laps", [LAPS_27]), ("stage_results_pos", None), ("stage_results_position", None)):
        layout = layouts[0] if layouts else next(lay for lay in LAYOUTS if stage_name(lay) == table)
        # grouped by the raw text first, so the class is normalised once per spelling, not per row
        rows = con.execute(
            f"""SELECT source_id, norm_class(raw) AS cls, min(line)
                FROM (SELECT source_id, {col(layout, "CLASS")} AS raw, min(line) AS line FROM {table} GROUP BY ALL)
                GROUP BY ALL ORDER BY 1, 3"""
        ).fetchall()
        for source_id, cls, line in rows:
            source = by_id[source_id]
            allowed = season_classes(source.season)
            if source.status == "skipped" or allowed is None or cls in allowed:
                continue
            source.skip(
                line,
                f"CLASS {cls!r} is not a class of the {source.season} season ({', '.join(sorted(allowed))}): "
                "the columns may be shifted",
                column="CLASS",
            )
            con.execute(f"DELETE FROM {table} WHERE source_id = ?", [source_id])


#: The columns that identify a row within its file (no two rows may share them): car and lap
#: for laps, car for results, sample time for weather.
_ROW_KEYS = {
    "stage_laps": ("NUMBER", "LAP_NUMBER"),
    "stage_results_pos": ("NUMBER",),
    "stage_results_position": ("NUMBER",),
    "stage_weather": ("TIME_UTC_SECONDS",),
}


def _check_duplicates(con: duckdb.DuckDBPyConnection, by_id: dict[int, SourceFile]) -> None:
    """Drop every file in which two rows share their key (the same car twice in a results file,
    the same lap twice): loading it would double-count the car and shift every class position.

    One grouping finds the repeated keys; only their rows are then read again, for the first
    repeat's line (the second line of its key) and the number of repeated rows."""
    for table, key in _ROW_KEYS.items():
        layout = LAPS_27 if table == "stage_laps" else next(lay for lay in LAYOUTS if stage_name(lay) == table)
        cols = [col(layout, name) for name in key]
        rows = con.execute(
            f"""
            WITH repeated AS (SELECT source_id, {", ".join(cols)}, count(*) AS n
                              FROM {table} GROUP BY ALL HAVING count(*) > 1)
            SELECT source_id, min(second), arg_min(key, second), sum(n - 1)::BIGINT
            FROM (SELECT r.source_id, [{", ".join(f"r.{c}" for c in cols)}] AS key, any_value(r.n) AS n,
                         min(s.line, 2)[2] AS second
                  FROM repeated r JOIN {table} s ON s.source_id = r.source_id
                       {" ".join(f"AND s.{c} IS NOT DISTINCT FROM r.{c}" for c in cols)}
                  GROUP BY r.source_id, {", ".join(f"r.{c}" for c in cols)})
            GROUP BY source_id
            """
        ).fetchall()
        for source_id, line, values, count in rows:
            source = by_id[source_id]
            what = ", ".join(f"{name} {value!r}" for name, value in zip(key, values, strict=True))
            more = f"; {count} repeated rows in all" if count > 1 else ""
            source.skip(line, f"duplicate row: {what} appears twice{more}")
            con.execute(f"DELETE FROM {table} WHERE source_id = ?", [source_id])


#: The kinds of ``sql.CHECKS`` that are a pattern match (each check there is, row for row, this
#: pattern's full match failing on the value, NULL read as the second string): (pattern, NULL as).
_MATCHED = {
    "int": ("(?:-?[0-9]{1,9})?", ""),
    "position": ("(?:[1-9][0-9]{0,2})?", ""),
    "count": ("(?:[0-9]{1,4})?", ""),
    "digits": ("[0-9]*", ""),
    "required_count": ("[0-9]{1,4}", "!"),
    "slot": ("[1-9]", "!"),
    "car": ("[0-9]{1,3}", "!"),
    "epoch": ("[0-9]{9,10}", "!"),
    "required_int": ("-?[0-9]{1,9}", "!"),
}

#: Zero or more durations (or empty values) separated by '|', for the combined check.
_ONE = DURATION_PATTERN.strip("^$").replace("(\\d", "(?:\\d")
DURATIONS_PATTERN = f"(?:{_ONE})?(?:\\|(?:{_ONE})?)*"


#: Python's reading of the range-checked kinds (mirrors ``sql.CHECKS``).
_PATTERNS = {
    "int": r"-?[0-9]{1,9}",
    "required_int": r"-?[0-9]{1,9}",
    "position": r"[1-9][0-9]{0,2}",
    "count": r"[0-9]{1,4}",
    "required_count": r"[0-9]{1,4}",
    "slot": r"[1-9]",
    "car": r"[0-9]{1,3}",
    "epoch": r"[0-9]{9,10}",
}
#: Kinds that may be empty.
_OPTIONAL = {"int", "position", "count"}
KNOWN_CLASSES = ("GTP", "DPI", "LMP2", "LMP3", "GTLM", "GTDPRO", "GTD")


def _prev_name(layout: Layout, name: str) -> str:
    """The header column just before ``name`` (a surname's first name)."""
    source = LAPS_27 if layout.kind == "laps" else layout
    return source.columns[source.columns.index(name) - 1]


def _prev_col(layout: Layout, name: str) -> str:
    return col(layout, _prev_name(layout, name))


def _valid(kind: str, value: str | None, before: str | None = None) -> bool:
    """Python's reading of one value, mirroring the SQL checks in ``sql.CHECKS`` (``before``: the
    value of the column before, for a surname)."""
    text = value or ""
    if kind == "surname":
        return text != "" or not (before or "")
    if kind == "license":
        return text in ("", "Platinum", "Gold", "Silver", "Bronze", "Platinium")
    if kind == "digits":
        return text == "" or text.isdigit()
    if kind == "text":
        return True
    if kind == "empty":
        return text == ""
    if kind in _PATTERNS:
        return (kind in _OPTIONAL and text == "") or bool(re.fullmatch(_PATTERNS[kind], text))
    if kind == "class":
        return text.replace(" ", "").upper() in KNOWN_CLASSES
    try:
        if kind == "duration":
            parse_duration_ms(text)
        elif kind == "number":
            if text:
                float(text)
        elif kind == "gap":
            return (
                text in ("", "-")
                or bool(re.fullmatch(r"\d+ Laps?", text))
                or (text.startswith("+") and parse_duration_ms(text[1:]) is not None)
            )
        elif kind == "required":
            return text != ""
        elif kind == "flag":
            return text in ("", "B")
    except ValueError:
        return False
    return True


def _expected(kind: str) -> str:
    return {
        "duration": "a duration (h:mm:ss.fff)",
        "int": "a whole number of at most 9 digits",
        "number": "a number",
        "gap": "a gap ('+1.234', '2 Laps' or '-')",
        "flag": "'' or 'B'",
        "required": "a value (it is empty)",
        "required_int": "a whole number of at most 9 digits",
        "position": "a position from 1 to 999 (or empty)",
        "count": "a whole number from 0 to 9999 (or empty)",
        "required_count": "a whole number from 0 to 9999",
        "slot": "a driver slot from 1 to 9",
        "car": "a car number of 1 to 3 digits (the columns may be shifted)",
        "epoch": "a Unix time in seconds",
        "class": f"a class ({', '.join(KNOWN_CLASSES)}; the columns may be shifted)",
        "license": "a licence (Platinum, Gold, Silver, Bronze; the columns may be shifted)",
        "digits": "an id of digits (the columns may be shifted)",
        "empty": "empty (it always is; the columns may be shifted)",
        "surname": "a surname: the driver has a first name (the columns may be shifted)",
    }[kind]
