"""Stage 3 of the build: everything derived from the loaded rows.

Sessions (kinds, actual start times), events (dates, track length), class positions and finish
status, the official corrections, grid-setting sessions, the identity tables (drivers, teams,
cars), season coverage, and the reference tables copied from ``pitboard/data``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from zoneinfo import ZoneInfo

import duckdb

from pitboard.domain.classes import class_rank, normalise_class
from pitboard.domain.corrections import CORRECTION_KINDS, POSITION_KINDS, REORDER_KINDS
from pitboard.domain.names import driver_key
from pitboard.domain.sessions import (
    OTHER,
    QUALIFYING,
    QUALIFYING_RACE,
    RACE,
    RACE_LIKE_KINDS,
    ROAR_FOLDER_PATTERN,
    is_position_qualifying,
    qualifying_slug_classes,
    session_kind,
    session_name,
)
from pitboard.ingestion.bulk import insert
from pitboard.ingestion.files import SourceFile
from pitboard.ingestion.identity import display_names, slug
from pitboard.ingestion.report import INFO, WARNING, Issue
from pitboard.refdata import ReferenceData
from pitboard.schema import (
    CALENDAR,
    CORRECTIONS,
    DRIVER_ALIASES,
    PUBLISHED_STANDINGS,
    SESSIONS,
    TEAM_ALIASES,
    VEHICLES,
    VENUES,
)

UTC = dt.UTC
#: How far the file name's start may be from the first weather sample and still be trusted.
WEATHER_AGREEMENT = dt.timedelta(minutes=5)
#: HOUR − ELAPSED is constant within a session (DATA.md §4.1); a wider spread is reported.
START_SPREAD_TOLERANCE_MS = 1000


def _bool(text: str) -> bool:
    return text.strip().lower() in {"true", "yes", "1", "y"}


def build_events_and_sessions(
    con: duckdb.DuckDBPyConnection,
    sources: list[SourceFile],
    ref: ReferenceData,
    timing: dict[str, tuple[int, int]],
    issues: list[Issue],
) -> None:
    """Insert ``events`` and ``sessions`` and the temp table ``session_start`` used by laps."""
    calendar = ref.event_rows()
    venues = {v["venue_id"]: v for v in ref.venues}
    events: dict[tuple[int, str], dict] = {}
    sessions: dict[str, dict] = {}
    for source in sources:
        key = (source.season, source.folder)
        if key not in events:
            row = calendar.get(key)
            if row is None:
                issues.append(
                    Issue(
                        f"{source.season}/{source.folder}",
                        None,
                        None,
                        WARNING,
                        "event folder is not in pitboard/data/calendar.csv",
                        "event named after its folder; treated as non-championship; times left in local time only",
                    )
                )
            venue = venues.get(row["venue_id"]) if row else None
            events[key] = {
                "event_id": f"{source.season}/{source.folder}",
                "season": source.season,
                "folder": source.folder,
                "ordinal": int(source.folder[:2]),
                "event_name": row["event_name"] if row else source.folder[3:].replace("-", " ").title(),
                "venue_id": row["venue_id"] if row else None,
                "venue": venue["short_name"] if venue else None,
                "timezone": venue["timezone"] if venue else None,
                "championship": _bool(row["championship"]) if row else False,
                "round": int(row["round"]) if row and row.get("round") else None,
                "endurance_cup": _bool(row["endurance_cup"]) if row else False,
                "aliases": row.get("aliases") if row else None,
            }
        event = events[key]
        session = sessions.setdefault(source.session_id, {"source": source, "kinds": set(), "loaded": set()})
        session["kinds"].add(source.kind)
        if source.status == "loaded":
            session["loaded"].add(source.kind)

    counts = dict(con.execute("SELECT session_id, count(*) FROM results GROUP BY ALL").fetchall())
    lap_counts = dict(
        con.execute(
            "SELECT f.session_id, count(*) FROM stage_laps JOIN files f USING (source_id) GROUP BY ALL"
        ).fetchall()
    )
    first_weather = dict(con.execute("SELECT session_id, min(epoch_s) FROM weather GROUP BY ALL").fetchall())
    classes = defaultdict(list)
    for session_id, cls in con.execute(
        "SELECT DISTINCT session_id, class FROM results WHERE class IS NOT NULL"
    ).fetchall():
        classes[session_id].append(cls)

    session_rows, start_rows = [], []
    for session_id, info in sorted(sessions.items()):
        source: SourceFile = info["source"]
        event = events[(source.season, source.folder)]
        kind = session_kind(source.slug, source.folder)
        if kind == OTHER:
            issues.append(
                Issue(
                    source.rel,
                    None,
                    None,
                    WARNING,
                    f"unknown session name {source.slug!r}",
                    "kept as a session of kind 'other': not used for grids, poles or race figures",
                )
            )
        stamp = dt.datetime.strptime(source.stamp, "%Y%m%d%H%M")
        tz = ZoneInfo(event["timezone"]) if event["timezone"] else None
        start_local, start_utc, how = _session_start(
            session_id, stamp, tz, timing.get(session_id), first_weather.get(session_id), issues
        )
        for kind_name in ("results", "laps", "weather"):
            if kind_name not in info["kinds"]:
                issues.append(
                    Issue(
                        session_id,
                        None,
                        None,
                        INFO,
                        f"no {kind_name} file for this session",
                        _missing_note(kind_name, kind),
                    )
                )
        session_rows.append(
            (
                session_id, event["event_id"], source.season, source.slug, kind, session_name(source.slug, kind),
                kind == RACE and event["championship"], stamp, start_local, start_utc, how,
                "results" in info["loaded"], "laps" in info["loaded"], session_id in first_weather,
                counts.get(session_id, 0), lap_counts.get(session_id, 0),
                sorted(classes.get(session_id, []), key=class_rank),
            )
        )  # fmt: skip
        start_rows.append((session_id, start_local, start_utc))
    insert(con, "sessions", SESSIONS.column_names, session_rows)
    con.execute("CREATE TEMP TABLE session_start (session_id VARCHAR, start_local TIMESTAMP, start_utc TIMESTAMPTZ)")
    insert(con, "session_start", ["session_id", "start_local", "start_utc"], start_rows)

    race_dates = dict(
        con.execute(
            "SELECT event_id, min(CAST(coalesce(start_local, file_stamp) AS DATE)) FROM sessions WHERE championship_race GROUP BY ALL"
        ).fetchall()
    )
    spans = {
        e: (lo, hi)
        for e, lo, hi in con.execute(
            "SELECT event_id, min(CAST(coalesce(start_local, file_stamp) AS DATE)), max(CAST(coalesce(start_local, file_stamp) AS DATE)) FROM sessions GROUP BY ALL"
        ).fetchall()
    }
    insert(
        con,
        "events",
        ["event_id", "season", "folder", "ordinal", "event_name", "venue_id", "venue", "timezone", "championship",
         "round", "endurance_cup", "race_date", "first_day", "last_day", "aliases"],
        [
            (
                e["event_id"], e["season"], e["folder"], e["ordinal"], e["event_name"], e["venue_id"], e["venue"],
                e["timezone"], e["championship"], e["round"], e["endurance_cup"], race_dates.get(e["event_id"]),
                *spans.get(e["event_id"], (None, None)), e["aliases"],
            )
            for e in events.values()
        ],
    )  # fmt: skip


def _missing_note(kind_name: str, session_kind_: str) -> str:
    if kind_name == "laps" and session_kind_ == RACE:
        return "no lap-level figures (laps led, stints, pit stops) for this race: shown as n/a"
    return f"no {kind_name} data for this session"


def _session_start(
    session_id: str,
    stamp: dt.datetime,
    tz: ZoneInfo | None,
    timing: tuple[int, int] | None,
    weather_epoch: int | None,
    issues: list[Issue],
) -> tuple[dt.datetime | None, dt.datetime | None, str]:
    """The session's actual start: from the laps (exact), else the file name if the weather
    agrees, else the first weather sample, else the file name (DATA.md §4.2)."""

    def to_utc(local: dt.datetime) -> dt.datetime | None:
        return local.replace(tzinfo=tz).astimezone(UTC) if tz else None

    if timing is not None:
        lo, hi = timing
        if hi - lo > START_SPREAD_TOLERANCE_MS:
            issues.append(
                Issue(
                    session_id,
                    None,
                    "HOUR",
                    WARNING,
                    f"HOUR − ELAPSED varies by {hi - lo} ms within the session",
                    "earliest value used as the start",
                )
            )
        local = dt.datetime.combine(stamp.date(), dt.time()) + dt.timedelta(milliseconds=lo)
        return local, to_utc(local), "laps"
    if weather_epoch is not None and tz is not None:
        weather = dt.datetime.fromtimestamp(weather_epoch, UTC)
        filename_utc = to_utc(stamp)
        if filename_utc is not None and abs(weather - filename_utc) <= WEATHER_AGREEMENT:
            return stamp, filename_utc, "filename (weather agrees)"
        return weather.astimezone(tz).replace(tzinfo=None), weather, "weather (first sample)"
    return stamp, to_utc(stamp), "filename"


def finish_results(con: duckdb.DuckDBPyConnection) -> None:
    """Class positions and finish status (DEFINITIONS.md 'Classes and positions')."""
    con.execute(
        """
        UPDATE results SET class_position_export = ranked.cp
        FROM (
            SELECT session_id, number,
                   CASE WHEN position_export IS NULL THEN NULL
                        ELSE row_number() OVER (PARTITION BY session_id, class, position_export IS NULL ORDER BY position_export)
                   END AS cp
            FROM results
        ) ranked
        WHERE results.session_id = ranked.session_id AND results.number = ranked.number
        """
    )
    kinds = ", ".join(f"'{k}'" for k in sorted(RACE_LIKE_KINDS))
    con.execute(
        f"""
        UPDATE results SET finish_status = CASE
            WHEN results.status = 'Not started' OR coalesce(results.laps, 0) = 0 THEN 'dns'
            WHEN results.total_time_ms >= w.winner_ms - 1 THEN 'running'
            ELSE 'retired' END
        FROM (
            SELECT r.session_id, max(r.total_time_ms) FILTER (WHERE r.position_export = 1) AS winner_ms
            FROM results r JOIN sessions s USING (session_id) WHERE s.kind IN ({kinds}) GROUP BY ALL
        ) w
        WHERE results.session_id = w.session_id
        """
    )
    con.execute("UPDATE results SET position = position_export, class_position = class_position_export")


def apply_corrections(con: duckdb.DuckDBPyConnection, ref: ReferenceData, issues: list[Issue]) -> None:
    """Copy corrections.csv into ``corrections`` and apply the classification-changing ones.

    All the decisions on one (session, class) are applied together, so that the order of the
    rows in the file does not matter: the penalised cars are taken out of the class order, the
    others keep their exported order, then the cars with an explicit position are put back at it
    (lowest first), then the cars sent to the rear of the class (including disallowed qualifying
    times). Disqualified cars lose their position.
    """
    sessions = {
        (season, folder, slug_): sid
        for sid, season, folder, slug_ in con.execute(
            "SELECT session_id, s.season, e.folder, slug FROM sessions s JOIN events e USING (event_id)"
        ).fetchall()
    }
    rows = []
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for c in ref.corrections:
        session_id = sessions.get((int(c["season"]), c["folder"], c["session"]))
        kind = c["kind"]
        if kind not in CORRECTION_KINDS:
            issues.append(_correction_issue(c, WARNING, f"unknown kind {kind!r}", "not applied"))
        elif session_id is None:
            issues.append(
                _correction_issue(
                    c, INFO, f"session {c['season']}/{c['folder']}/{c['session']} is not in the data", "not applied"
                )
            )
        elif kind in REORDER_KINDS:
            groups[(session_id, c["class"])].append(c)
        rows.append(c | {"session_id": session_id})
    applied: set[str] = set()
    changed: list[str] = []
    # Every result row of the sessions with decisions, read once: the decisions are applied in
    # the file's order in memory (a later class's decisions see the earlier ones' positions) and
    # the changed rows written back in one statement.
    results = _session_results(con, sorted({session_id for session_id, _ in groups}))
    touched: set[tuple[str, str]] = set()
    for (session_id, cls), group in groups.items():
        ids = _apply_group(results[session_id], session_id, cls, group, issues, touched)
        if ids:
            applied |= ids
            changed.append(session_id)
    _write_corrected(con, results, touched)
    if changed:  # the exported overall gaps refer to the provisional order
        compute_gaps(con, sorted(set(changed)), by_class=False)
    out = [
        (
            c["correction_id"], int(c["season"]), c["session_id"], c["class"], c["number"], c["kind"], c["value"] or None,
            c["affects"], c["description"], c["decided_on"] or None, c["source"], c["confidence"],
            c["correction_id"] in applied,
        )
        for c in rows
    ]  # fmt: skip
    if out:
        insert(con, "corrections", CORRECTIONS.column_names, out)


def _correction_issue(c: dict[str, str], severity: str, problem: str, action: str) -> Issue:
    return Issue(
        "pitboard/data/corrections.csv", None, None, severity, f"correction {c['correction_id']}: {problem}", action
    )


#: The result columns ``_apply_group`` reads and changes, in the order of its rows.
_CORRECTED_COLUMNS = ("number", "class", "position", "class_position", "finish_status", "correction_ids", "corrected")


def _session_results(con: duckdb.DuckDBPyConnection, session_ids: list[str]) -> dict[str, dict[str, list]]:
    """session_id → number → [number, class, position, class_position, finish_status,
    correction_ids, corrected] of every result row of ``session_ids``."""
    out: dict[str, dict[str, list]] = {session_id: {} for session_id in session_ids}
    if session_ids:
        rows = con.execute(
            f"""SELECT session_id, {", ".join(_CORRECTED_COLUMNS)} FROM results
                WHERE session_id IN (SELECT unnest($s))""",
            {"s": session_ids},
        ).fetchall()
        for session_id, *row in rows:
            out[session_id][row[0]] = row
    return out


def _write_corrected(
    con: duckdb.DuckDBPyConnection, results: dict[str, dict[str, list]], touched: set[tuple[str, str]]
) -> None:
    """Write the rows ``_apply_group`` changed back to ``results``, in one statement."""
    if not touched:
        return
    con.execute(
        """CREATE OR REPLACE TEMP TABLE corrected_rows (position INTEGER, class_position INTEGER, corrected BOOLEAN,
                  ids VARCHAR, status VARCHAR, session_id VARCHAR, number VARCHAR)"""
    )
    insert(
        con,
        "corrected_rows",
        ["position", "class_position", "corrected", "ids", "status", "session_id", "number"],
        [
            (row[2], row[3], row[6], row[5], row[4], session_id, number)
            for session_id, number in sorted(touched)
            for row in (results[session_id][number],)
        ],
    )
    con.execute(
        """UPDATE results SET position = c.position, class_position = c.class_position,
                  corrected = c.corrected, correction_ids = c.ids, finish_status = c.status
           FROM corrected_rows c WHERE results.session_id = c.session_id AND results.number = c.number"""
    )


def _apply_group(
    rows: dict[str, list],
    session_id: str,
    cls: str,
    group: list[dict[str, str]],
    issues: list[Issue],
    touched: set[tuple[str, str]],
) -> set[str]:
    """Apply every reordering decision of one class of one session to its result ``rows`` (see
    ``_session_results``; changed in place, their keys added to ``touched``); return the ids
    applied."""
    # the cars in the order of the results: position (unclassified last), then number
    cars = sorted(rows.values(), key=lambda car: (car[2] is None, car[2] or 0, car[0]))
    info = {car[0]: car for car in cars}
    in_class = sorted((car for car in cars if car[1] == cls and car[3] is not None), key=lambda car: car[3])
    order = [car[0] for car in in_class]
    valid = []
    for c in group:
        if c["number"] not in order:
            issues.append(
                _correction_issue(
                    c, WARNING, f"car #{c['number']} ({cls}) has no classified result in {session_id}", "not applied"
                )
            )
            continue
        if c["kind"] in POSITION_KINDS and not (c["value"] or "").isdigit():
            issues.append(_correction_issue(c, WARNING, f"value {c['value']!r} is not a position", "not applied"))
            continue
        valid.append(c)
    if not valid:
        return set()
    moved = {c["number"] for c in valid}
    order = [n for n in order if n not in moved]
    explicit = sorted(
        (c for c in valid if c["kind"] in POSITION_KINDS),
        key=lambda c: int(c["value"]),
    )
    for c in explicit:
        order.insert(min(int(c["value"]) - 1, len(order)), c["number"])
    for c in valid:
        if c["kind"] == "move_to_class_rear":
            if c.get("value") == "rear_of_running":
                running = [i for i, n in enumerate(order) if info[n][4] == "running"]
                order.insert(running[-1] + 1 if running else 0, c["number"])
            else:
                order.append(c["number"])
        elif c["kind"] == "qualifying_disallowed":
            # IMSA classifies a car whose times were disallowed last in its class, and it scores
            # last-place qualifying points (2021 Petit Le Mans No. 14: "will now score last place
            # qualifying points"; 2023 Sebring No. 79: behind the cars without a time too)
            order.append(c["number"])
    dsq = {c["number"] for c in valid if c["kind"] == "disqualified"}
    # Overall order: the other cars keep theirs; a moved car goes back in at its old overall place,
    # clamped between its new class neighbours (so the overall order agrees with the class order).
    original = [car[0] for car in cars if car[2] is not None]
    overall = [n for n in original if n not in moved]
    for i, n in enumerate(order):
        if n not in moved:
            continue
        lo = overall.index(order[i - 1]) + 1 if i > 0 else 0
        later = [m for m in order[i + 1 :] if m in overall]
        hi = overall.index(later[0]) if later else len(overall)
        overall.insert(max(lo, min(original.index(n), hi)), n)
    new_pos = {n: i + 1 for i, n in enumerate(overall)}
    new_class = {n: i + 1 for i, n in enumerate(order)}
    ids_by_car: dict[str, list[str]] = defaultdict(list)
    for c in valid:
        ids_by_car[c["number"]].append(c["correction_id"])
    all_ids = [c["correction_id"] for c in valid]
    for car in cars:
        n, car_cls, pos, cpos, status, old_ids = car[0], car[1], car[2], car[3], car[4], car[5]
        if pos is None and n not in moved:
            continue
        p2, c2 = new_pos.get(n), new_class.get(n) if car_cls == cls else cpos
        if n in dsq:
            p2, c2, status = None, None, "disqualified"
        # only the class's rows are flagged: a car of another class that moved up one place
        # overall because of an LMP2 decision was not itself the subject of a decision
        flagged = car_cls == cls and (n in moved or c2 != cpos)
        if (p2, c2) == (pos, cpos) and not flagged:
            continue
        ids = old_ids
        if flagged:
            ids = ",".join(filter(None, [old_ids, *(ids_by_car[n] if n in moved else all_ids)]))
        car[2], car[3], car[4], car[5], car[6] = p2, c2, status, ids, car[6] or flagged
        touched.add((session_id, n))
    return {c["correction_id"] for c in valid}


def compute_gaps(
    con: duckdb.DuckDBPyConnection, session_ids: list[str] | None = None, *, by_class: bool = True
) -> None:
    """Gaps the way IMSA prints them, from the official order (corrections applied).

    ``by_class``: the ``class_gap_*`` columns, to the class leader and to the car ahead in the
    class; else the overall ``gap_*`` columns of the corrected sessions ``session_ids`` (the
    exported ones refer to the provisional order). ``session_ids`` None: every session. Races: a laps gap when laps differ, else a time gap; a car
    classified behind one that covered the same laps in less time (moved back by a penalty) has
    no meaningful time gap and gets none. Other sessions: the difference of best laps; a car
    without a time gets none.
    """
    prefix, order_col, part = (
        ("class_gap", "r.class_position", "r.session_id, r.class")
        if by_class
        else ("gap", "r.position", "r.session_id")
    )
    kinds = ", ".join(f"'{k}'" for k in sorted(RACE_LIKE_KINDS))
    con.execute(
        f"""
        UPDATE results SET
            {prefix}_first = g.gf, {prefix}_first_ms = g.gf_ms, {prefix}_first_laps = g.gf_laps,
            {prefix}_previous = g.gp, {prefix}_previous_ms = g.gp_ms, {prefix}_previous_laps = g.gp_laps
        FROM (
            WITH o AS (
                SELECT r.session_id, r.number, {order_col} AS pos, r.laps, r.best_lap_ms, s.kind IN ({kinds}) AS racelike,
                       r.total_time_ms,
                       first_value(r.laps) OVER w AS lead_laps, first_value(r.total_time_ms) OVER w AS lead_ms,
                       first_value(r.best_lap_ms) OVER w AS lead_best,
                       lag(r.laps) OVER w AS prev_laps, lag(r.total_time_ms) OVER w AS prev_ms,
                       lag(r.best_lap_ms) OVER w AS prev_best
                FROM results r JOIN sessions s USING (session_id)
                WHERE {order_col} IS NOT NULL AND ($all OR r.session_id IN (SELECT unnest($s)))
                WINDOW w AS (PARTITION BY {part} ORDER BY {order_col})
            ), d AS (
                SELECT session_id, number, pos,
                       CASE WHEN pos > 1 AND racelike AND laps < lead_laps THEN lead_laps - laps END AS gf_laps,
                       CASE WHEN pos = 1 THEN NULL
                            WHEN racelike THEN CASE WHEN laps = lead_laps AND total_time_ms >= lead_ms THEN total_time_ms - lead_ms END
                            WHEN best_lap_ms >= lead_best THEN best_lap_ms - lead_best END AS gf_ms,
                       CASE WHEN pos > 1 AND racelike AND laps < prev_laps THEN prev_laps - laps END AS gp_laps,
                       CASE WHEN pos = 1 THEN NULL
                            WHEN racelike THEN CASE WHEN laps = prev_laps AND total_time_ms >= prev_ms THEN total_time_ms - prev_ms END
                            WHEN best_lap_ms >= prev_best THEN best_lap_ms - prev_best END AS gp_ms
                FROM o
            )
            SELECT session_id, number,
                   CASE WHEN pos = 1 THEN '-' WHEN gf_laps IS NOT NULL THEN gf_laps || CASE WHEN gf_laps = 1 THEN ' Lap' ELSE ' Laps' END
                        WHEN gf_ms IS NOT NULL THEN '+' || fmt_ms(gf_ms) END AS gf, gf_ms, gf_laps,
                   CASE WHEN pos = 1 THEN '-' WHEN gp_laps IS NOT NULL THEN gp_laps || CASE WHEN gp_laps = 1 THEN ' Lap' ELSE ' Laps' END
                        WHEN gp_ms IS NOT NULL THEN '+' || fmt_ms(gp_ms) END AS gp, gp_ms, gp_laps
            FROM d
        ) g
        WHERE results.session_id = g.session_id AND results.number = g.number
        """,
        {"all": session_ids is None, "s": session_ids or [""]},
    )


def build_grids(con: duckdb.DuckDBPyConnection) -> None:
    """Which session set each class's grid, per championship race (DEFINITIONS.md)."""
    sessions = con.execute(
        "SELECT s.session_id, s.event_id, s.season, s.slug, s.kind, e.folder, s.classes, e.championship FROM sessions s JOIN events e USING (event_id)"
    ).fetchall()
    by_event = defaultdict(list)
    for row in sessions:
        by_event[row[1]].append(row)
    roar = {}
    for row in sessions:
        if ROAR_FOLDER_PATTERN.match(row[5]):
            roar.setdefault(row[2], []).append(row)
    out = []
    for event_id, rows in sorted(by_event.items()):
        race = next((r for r in rows if r[4] == RACE and r[7]), None)
        if race is None:
            continue
        season = race[2]
        own_quali = [r for r in rows if r[4] == QUALIFYING]
        for cls in race[6]:
            chosen, rule = None, ""
            if race[5].startswith("02-daytona") and not own_quali:
                roar_rows = roar.get(season, [])
                qrace = [r for r in roar_rows if r[4] == QUALIFYING_RACE]
                rquali = [r for r in roar_rows if r[4] == QUALIFYING]
                if qrace:
                    chosen, rule = qrace[0][0], "Rolex 24: class order of the Roar qualifying race"
                elif rquali:
                    chosen, rule = rquali[0][0], "Rolex 24: the Roar qualifying session"
            else:
                candidates = [r for r in own_quali if cls in r[6]]
                if len(candidates) > 1:
                    named = [
                        r for r in candidates if cls in qualifying_slug_classes(r[3]) and is_position_qualifying(r[3])
                    ]
                    candidates = named or candidates
                if candidates:
                    chosen = candidates[0][0]
                    rule = (
                        "the event's qualifying session"
                        if candidates[0][3] == "qualifying"
                        else "2021 split qualifying: the session that set this class's grid positions"
                    )
            out.append((event_id, season, cls, chosen, rule or "no grid-setting session in the data"))
    if out:
        insert(con, "grids", ["event_id", "season", "class", "session_id", "rule"], out)
    # The pole: class P1 of the grid session, if it set a time (a class whose cars all lack a
    # time, e.g. 2023 Watkins Glen GTP, has no pole: the grid was set by points).
    con.execute(
        """
        UPDATE grids SET pole_number = p.number, pole_car_id = p.car_id, pole_lap_ms = p.best_lap_ms
        FROM (
            SELECT r.session_id, r.class, r.number, e.car_id, r.best_lap_ms
            FROM results r JOIN entries e USING (session_id, number)
            WHERE r.class_position = 1 AND r.best_lap_ms IS NOT NULL
        ) p
        WHERE grids.session_id = p.session_id AND grids.class = p.class
        """
    )
    # Who set the pole time: the driver at the wheel on the pole car's best lap of a qualifying
    # session (checked against the lap time); a qualifying race's class order has no single setter.
    con.execute(
        """
        UPDATE grids SET pole_driver_id = l.driver_id
        FROM results r, laps l, sessions s
        WHERE r.session_id = grids.session_id AND r.number = grids.pole_number AND s.session_id = grids.session_id
          AND s.kind = 'qualifying' AND l.session_id = r.session_id AND l.number = r.number
          AND l.lap = r.best_lap_number AND l.lap_time_ms = r.best_lap_ms AND l.driver_id IS NOT NULL
        """
    )
    con.execute(
        """UPDATE grids SET note = CASE WHEN session_id IS NULL THEN 'no grid-setting session in the data'
                                      ELSE 'no car of the class set a time: no pole' END
           WHERE pole_number IS NULL"""
    )


def build_race_tables(con: duckdb.DuckDBPyConnection) -> None:
    """race_results and race_drivers: the per-race facts the statistics count."""
    con.execute(
        """
        INSERT INTO race_results BY NAME
        WITH led AS (
            -- the class leader of each lap: the first car over the line (elapsed; NULL last), ties
            -- by car number; an aggregate, not a window sort over every lap
            SELECT session_id, number, count(*) AS laps_led
            FROM (
                SELECT l.session_id, arg_min(l.number, (l.elapsed_ms, TRY_CAST(l.number AS INTEGER), l.number)) AS number
                FROM laps l JOIN sessions s USING (session_id) WHERE s.championship_race
                GROUP BY l.session_id, l.class, l.lap
            ) GROUP BY ALL
        ),
        grid AS (
            SELECT g.event_id, g.class, r.number, r.class_position, g.pole_number
            FROM grids g JOIN results r ON r.session_id = g.session_id AND r.class = g.class
            WHERE r.best_lap_ms IS NOT NULL
        )
        SELECT r.session_id, s.event_id, r.season, ev.round, ev.race_date, ev.event_name, ev.venue_id, r.class, r.number,
               e.car_id, e.team_id, e.team, e.manufacturer, e.model,
               coalesce(r.status, '') <> 'Not started' AND coalesce(r.laps, 0) > 0 AS started,
               r.finish_status, r.class_position, r.position, r.laps,
               round(r.laps * ev.track_length_km, 3) AS distance_km,
               grid.class_position AS grid_class_position,
               coalesce(grid.pole_number = r.number, false) AS pole,
               r.best_lap_ms,
               -- the class's fastest lap; two cars on the same time: the one that set it first (the lower lap
               -- number), as IMSA and the FIA break ties (2021 Sebring DPi: No. 31 on lap 120, No. 01 on lap 157)
               r.best_lap_ms IS NOT NULL AND rank() OVER (
                   PARTITION BY r.session_id, r.class ORDER BY r.best_lap_ms NULLS LAST, r.best_lap_number NULLS LAST
               ) = 1 AS fastest_lap,
               (SELECT any_value(l.driver_id) FROM laps l WHERE l.session_id = r.session_id AND l.number = r.number
                  AND l.lap = r.best_lap_number AND l.lap_time_ms = r.best_lap_ms) AS best_lap_driver_id,
               CASE WHEN s.has_laps THEN coalesce(led.laps_led, 0) END AS laps_led,
               s.has_laps, count(*) OVER (PARTITION BY r.session_id, r.class) AS class_cars, r.corrected
        FROM results r
        JOIN sessions s USING (session_id)
        JOIN events ev USING (event_id)
        JOIN entries e USING (session_id, number)
        LEFT JOIN grid ON grid.event_id = s.event_id AND grid.class = r.class AND grid.number = r.number
        LEFT JOIN led USING (session_id, number)
        WHERE s.championship_race
        """
    )
    con.execute(
        """
        INSERT INTO race_drivers BY NAME
        SELECT d.session_id, d.season, d.number, d.driver_id, d.slot,
               CASE WHEN s.has_laps THEN coalesce(n.laps, 0) END AS laps_driven,
               CASE WHEN s.has_laps THEN coalesce(n.laps, 0) > 0 END AS drove
        FROM entry_drivers d
        JOIN sessions s USING (session_id)
        LEFT JOIN (SELECT session_id, number, driver_slot, count(*) AS laps FROM laps GROUP BY ALL) n
               ON n.session_id = d.session_id AND n.number = d.number AND n.driver_slot = d.slot
        WHERE s.championship_race
        """
    )


def apply_grid_penalties(con: duckdb.DuckDBPyConnection) -> None:
    """Grid penalties (corrections of kind ``start_from_rear``): the car starts behind every
    gridded car of its class; the qualifying classification, pole and points are unchanged."""
    penalties = con.execute(
        """SELECT c.correction_id, g.event_id, c.class, c.number FROM corrections c
           JOIN grids g ON g.session_id = c.session_id AND g.class = c.class
           WHERE c.kind = 'start_from_rear' ORDER BY c.correction_id"""
    ).fetchall()
    for correction_id, event_id, cls, number in penalties:
        rows = con.execute(
            """SELECT number FROM race_results WHERE event_id = ? AND class = ? AND grid_class_position IS NOT NULL
               ORDER BY grid_class_position""",
            [event_id, cls],
        ).fetchall()
        order = [r[0] for r in rows]
        if number not in order:
            continue
        order.remove(number)
        order.append(number)
        con.execute("CREATE OR REPLACE TEMP TABLE grid_fix (number VARCHAR, pos INTEGER)")
        insert(con, "grid_fix", ["number", "pos"], [(n, i + 1) for i, n in enumerate(order)])
        con.execute(
            """UPDATE race_results SET grid_class_position = f.pos FROM grid_fix f
               WHERE race_results.event_id = ? AND race_results.class = ? AND race_results.number = f.number""",
            [event_id, cls],
        )
        con.execute("UPDATE corrections SET applied = true WHERE correction_id = ?", [correction_id])


def build_track_lengths(con: duckdb.DuckDBPyConnection) -> None:
    """Track length per event: median of KPH × LAP_TIME over clean green laps (DATA.md §3)."""
    con.execute(
        """
        UPDATE events SET track_length_km = t.km, track_length_laps = t.n
        FROM (
            SELECT s.event_id, round(median(l.kph * l.lap_time_ms / 3600000.0), 3) AS km, count(*) AS n
            FROM laps l JOIN sessions s USING (session_id)
            WHERE l.flag = 'GF' AND NOT l.in_pit AND l.pit_time_ms IS NULL AND l.s1_ms IS NOT NULL
              AND l.s2_ms IS NOT NULL AND l.s3_ms IS NOT NULL AND l.lap > 1 AND l.kph > 0
            GROUP BY ALL
        ) t
        WHERE events.event_id = t.event_id
        """
    )
    con.execute("UPDATE events SET track_length_laps = 0 WHERE track_length_laps IS NULL")


def build_identities(con: duckdb.DuckDBPyConnection, ref: ReferenceData) -> None:
    """drivers, teams, cars and the curated decision tables."""
    preferred = {slug(driver_key(r["canonical"])): r["canonical"] for r in ref.driver_aliases}
    counts = con.execute("SELECT driver_id, name_raw, count(*), max(season) FROM entry_drivers GROUP BY ALL").fetchall()
    names = display_names(counts, preferred)
    con.execute(
        """
        INSERT INTO drivers BY NAME
        SELECT driver_id, NULL AS name, list(DISTINCT name_raw ORDER BY name_raw) AS spellings,
               list(DISTINCT imsa_driver_id ORDER BY imsa_driver_id) FILTER (WHERE imsa_driver_id IS NOT NULL) AS imsa_driver_ids,
               list(DISTINCT country ORDER BY country) FILTER (WHERE country IS NOT NULL) AS countries,
               min(season) AS first_season, max(season) AS last_season, count(DISTINCT session_id) AS sessions
        FROM entry_drivers GROUP BY driver_id
        """
    )
    _set_names(con, "drivers", "driver_id", names)

    from pitboard.domain.names import team_key

    team_pref = {team_key(r["canonical"]): r["canonical"] for r in ref.team_aliases}
    tcounts = con.execute(
        "SELECT team_id, team_raw, count(*), max(season) FROM entries WHERE team_raw IS NOT NULL GROUP BY ALL"
    ).fetchall()
    tnames = display_names(tcounts, team_pref)
    con.execute(
        """
        INSERT INTO teams BY NAME
        SELECT team_id, NULL AS name, list(DISTINCT team_raw ORDER BY team_raw) AS spellings,
               list(DISTINCT imsa_team_id ORDER BY imsa_team_id) FILTER (WHERE imsa_team_id IS NOT NULL) AS imsa_team_ids,
               min(season) AS first_season, max(season) AS last_season
        FROM entries WHERE team_id IS NOT NULL GROUP BY team_id
        """
    )
    _set_names(con, "teams", "team_id", tnames)
    con.execute("UPDATE entries SET team = t.name FROM teams t WHERE entries.team_id = t.team_id")
    con.execute(
        """
        INSERT INTO cars BY NAME
        SELECT e.car_id, e.season, e.number, e.team_id, any_value(e.team) AS team,
               list(DISTINCT e.class ORDER BY e.class) AS classes, list(DISTINCT e.model ORDER BY e.model) AS models,
               list(DISTINCT e.manufacturer ORDER BY e.manufacturer) AS manufacturers,
               count(DISTINCT e.session_id) AS sessions,
               count(DISTINCT e.session_id) FILTER (WHERE s.championship_race) AS championship_races
        FROM entries e JOIN sessions s USING (session_id)
        WHERE e.car_id IS NOT NULL GROUP BY e.car_id, e.season, e.number, e.team_id
        """
    )
    decisions = [("alias", r["alias"], r["canonical"], r["reason"]) for r in ref.driver_aliases]
    decisions += [("distinct", r["name_a"], r["name_b"], r["reason"]) for r in ref.driver_distinct]
    if decisions:
        insert(con, "driver_aliases", DRIVER_ALIASES.column_names, decisions)
    tdecisions = [("alias", r["alias"], r["canonical"], r["reason"]) for r in ref.team_aliases]
    tdecisions += [("distinct", r["name_a"], r["name_b"], r["reason"]) for r in ref.team_distinct]
    if tdecisions:
        insert(con, "team_aliases", TEAM_ALIASES.column_names, tdecisions)


def _set_names(con: duckdb.DuckDBPyConnection, table: str, key: str, names: dict[str, str]) -> None:
    con.execute("CREATE OR REPLACE TEMP TABLE new_names (id VARCHAR, name VARCHAR)")
    insert(con, "new_names", ["id", "name"], list(names.items()))
    con.execute(f"UPDATE {table} SET name = n.name FROM new_names n WHERE {table}.{key} = n.id")


def build_reference_tables(con: duckdb.DuckDBPyConnection, ref: ReferenceData, issues: list[Issue]) -> None:
    """venues, calendar and vehicles, from the repo's reference files."""
    insert(
        con,
        "venues",
        VENUES.column_names,
        [
            (
                v["venue_id"],
                v["name"],
                v["short_name"],
                v["city"],
                v["region"],
                v["country"],
                v["timezone"],
                v["aliases"],
            )
            for v in ref.venues
        ],
    )
    insert(
        con,
        "calendar",
        CALENDAR.column_names,
        [
            (
                int(r["season"]), int(r["round"]) if r["round"] else None, _bool(r["championship"]),
                f"{r['season']}/{r['folder']}" if r["folder"] else None, r["event_name"], r["venue_id"],
                r["race_date"] or None, r["status"], r["classes"].split(), _bool(r["endurance_cup"]), r["source"], r["notes"],
                r.get("aliases") or None,
            )
            for r in ref.calendar
        ],
    )  # fmt: skip
    # A calendar row says 'present' only if its folder really is in this database, and a
    # championship round only if its race classification was loaded: a race results file that is
    # missing, empty, rejected or exported twice leaves the round missing, so no total over it is
    # ever called complete (its other sessions stay reachable through event_id).
    con.execute(
        "UPDATE calendar SET event_id = NULL, status = 'missing' WHERE event_id NOT IN (SELECT event_id FROM events)"
    )
    unloaded = con.execute(
        """SELECT season, event_name, event_id,
                  EXISTS (SELECT 1 FROM files f WHERE f.kind = 'results' AND f.session_id LIKE c.event_id || '/%-race')
           FROM calendar c
           WHERE championship AND status = 'present' AND NOT EXISTS (
               SELECT 1 FROM sessions s JOIN results r USING (session_id)
               WHERE s.event_id = c.event_id AND s.kind = 'race')"""
    ).fetchall()
    for season, event_name, event_id, had_file in unloaded:
        # the file's own problem is reported with the file; an event folder without a race
        # results file at all is a known gap (info), like a missing laps file
        issues.append(
            Issue(
                event_id,
                None,
                None,
                WARNING if had_file else INFO,
                f"championship round {event_name} {season}: no race classification was loaded "
                "(the race results file is missing, empty, rejected or exported twice)",
                "round counted as missing: every figure over it says so",
            )
        )
    con.execute(
        """UPDATE calendar SET status = 'missing',
                  notes = coalesce(notes || ' ', '') || 'Race results not loaded in this database (see pitboard issues).'
           WHERE championship AND status = 'present' AND NOT EXISTS (
               SELECT 1 FROM sessions s JOIN results r USING (session_id)
               WHERE s.event_id = calendar.event_id AND s.kind = 'race')"""
    )
    if ref.published_standings:
        insert(
            con,
            "published_standings",
            PUBLISHED_STANDINGS.column_names,
            [
                (
                    r["figure_id"], int(r["season"]), normalise_class(r["class"]), r["championship"], r["after"],
                    None if r["after"] == "final" else f"{r['season']}/{r['after']}", r["subject"], r["number"] or None,
                    r["metric"], int(r["value"]), r["reference"] or None, r["source"], r["quote"],
                    r["known_difference"] or None,
                )
                for r in ref.published_standings
            ],
        )  # fmt: skip
    if ref.vehicles:
        insert(
            con,
            "vehicles",
            VEHICLES.column_names,
            [(r["vehicle"], r["model"], r["manufacturer"], r.get("class_hint"), r.get("notes")) for r in ref.vehicles],
        )


def build_seasons(con: duckdb.DuckDBPyConnection) -> None:
    """Season coverage: championship rounds on the calendar against those in the data."""
    con.execute(
        """
        INSERT INTO seasons BY NAME
        WITH cal AS (
            SELECT season,
                   count(*) FILTER (WHERE championship) AS championship_rounds,
                   count(*) FILTER (WHERE championship AND status = 'present') AS rounds_present,
                   list(event_name || ' (' || strftime(race_date, '%-d %b %Y') || ')' ORDER BY race_date)
                       FILTER (WHERE championship AND status = 'missing') AS missing_events
            FROM calendar GROUP BY season
        ),
        ev AS (
            SELECT e.season, count(DISTINCT e.event_id) AS events_in_data, count(s.session_id) AS sessions,
                   min(e.race_date) FILTER (WHERE e.championship) AS first_race,
                   max(e.race_date) FILTER (WHERE e.championship) AS last_race
            FROM events e LEFT JOIN sessions s USING (event_id) GROUP BY e.season
        ),
        cls AS (
            SELECT s.season, list(DISTINCT c) AS classes
            FROM sessions s, unnest(s.classes) AS t(c) WHERE s.championship_race GROUP BY s.season
        )
        SELECT coalesce(cal.season, ev.season) AS season, coalesce(championship_rounds, 0) AS championship_rounds,
               coalesce(rounds_present, 0) AS rounds_present,
               coalesce(championship_rounds, 0) - coalesce(rounds_present, 0) AS rounds_missing,
               coalesce(missing_events, []) AS missing_events,
               coalesce(championship_rounds, 0) = coalesce(rounds_present, 0) AND championship_rounds > 0 AS complete,
               cls.classes, coalesce(events_in_data, 0) AS events_in_data, coalesce(ev.sessions, 0) AS sessions,
               first_race, last_race
        FROM cal FULL JOIN ev ON cal.season = ev.season LEFT JOIN cls ON cls.season = coalesce(cal.season, ev.season)
        """
    )
