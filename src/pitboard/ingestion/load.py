"""Stage 2 of the build: normalised tables from the staging tables.

Entries, drivers and results come from both results layouts (practice-type ``POS`` files and
race-type ``POSITION`` files); laps and weather from theirs. Durations become integer ms,
classes are normalised, identities resolved through the mapping tables built here.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from pitboard.ingestion.bulk import insert
from pitboard.ingestion.files import SourceFile
from pitboard.ingestion.identity import driver_ids, repair_mojibake, team_ids, vehicle_models
from pitboard.ingestion.layouts import (
    DRIVER_FIELDS,
    DRIVER_SLOTS,
    LAPS_27,
    RESULTS_POS,
    RESULTS_POSITION,
    WEATHER,
    Layout,
)
from pitboard.ingestion.report import INFO, Issue
from pitboard.ingestion.stage import col
from pitboard.refdata import ReferenceData


def create_file_table(con: duckdb.DuckDBPyConnection, sources: list[SourceFile]) -> None:
    """Temp table ``files``: source_id → session, season, kind, for joins."""
    con.execute("CREATE TEMP TABLE files (source_id INTEGER, session_id VARCHAR, season INTEGER, kind VARCHAR)")
    insert(
        con,
        "files",
        ["source_id", "session_id", "season", "kind"],
        [(s.source_id, s.session_id, s.season, s.kind) for s in sources],
    )


def _results_view(con: duckdb.DuckDBPyConnection) -> None:
    """View ``results_raw``: both results layouts under one set of names."""
    parts = []
    for layout, table in ((RESULTS_POS, "stage_results_pos"), (RESULTS_POSITION, "stage_results_position")):
        race = layout is RESULTS_POSITION

        def c(name: str, layout=layout) -> str:
            return col(layout, name)

        head = [
            f"{c('POSITION' if race else 'POS')} AS position",
            f"{c('NUMBER')} AS number",
            f"{c('STATUS') if race else 'NULL'} AS status",
            f"{c('LAPS')} AS laps",
            f"{c('TOTAL_TIME') if race else 'NULL'} AS total_time",
            f"{c('GAP_FIRST')} AS gap_first",
            f"{c('GAP_PREVIOUS')} AS gap_previous",
            f"{c('FL_LAPNUM' if race else 'LAP')} AS best_lap_number",
            f"{c('FL_TIME' if race else 'TIME')} AS best_lap",
            f"{c('FL_KPH' if race else 'KPH')} AS best_lap_kph",
        ]
        car = [
            f"{c(name)} AS {alias}"
            for name, alias in (
                ("TEAM", "team"), ("CLASS", "class"), ("GROUP", "group_code"), ("VEHICLE", "vehicle"),
                ("TIRES", "tyres"), ("IMSA_CarId", "imsa_car_id"), ("IMSA_TeamId", "imsa_team_id"),
                ("IMSA_ClassId", "imsa_class_id"), ("IMSA_CarTypeId", "imsa_car_type_id"),
                ("IMSA_ManufacturerId", "imsa_manufacturer_id"), ("IMSA_TireId", "imsa_tire_id"),
                ("IMSA_SponsorId", "imsa_sponsor_id"), ("IMSA_EventEntryId", "imsa_event_entry_id"),
                ("*Extra 9", "extra_9"), ("*Extra 10", "extra_10"),
            )
        ]  # fmt: skip
        drivers = [
            f"{c(f'DRIVER{k}_{field}')} AS d{k}_{_field_alias(field)}"
            for k in range(1, DRIVER_SLOTS + 1)
            for field in DRIVER_FIELDS
        ]
        parts.append(f"SELECT source_id, line, {', '.join(head + car + drivers)} FROM {table}")
    con.execute("CREATE OR REPLACE TEMP VIEW results_raw AS " + " UNION ALL ".join(parts))


def _field_alias(field: str) -> str:
    return field.lower().replace("*extra ", "extra_").replace("imsa_driver", "imsa_")


def build_maps(con: duckdb.DuckDBPyConnection, ref: ReferenceData, issues: list[Issue]) -> None:
    """Temp mapping tables: driver names, team spellings, vehicles, hometown repairs."""
    _results_view(con)
    slots = " UNION ".join(
        f"SELECT coalesce(d{k}_firstname, '') || ' ' || coalesce(d{k}_secondname, '') AS name FROM results_raw "
        f"WHERE coalesce(d{k}_firstname, '') <> '' OR coalesce(d{k}_secondname, '') <> ''"
        for k in range(1, DRIVER_SLOTS + 1)
    )
    laps_driver = col(LAPS_27, "DRIVER_NAME")
    names = [
        r[0]
        for r in con.execute(f"{slots} UNION SELECT {laps_driver} FROM stage_laps WHERE {laps_driver} <> ''").fetchall()
    ]
    _mapping(con, "map_driver", ("name_raw", "driver_id"), driver_ids(names, ref).items())

    laps_team = col(LAPS_27, "TEAM")
    teams = [
        r[0]
        for r in con.execute(
            f"SELECT team FROM results_raw WHERE team <> '' UNION SELECT {laps_team} FROM stage_laps"
        ).fetchall()
    ]
    _mapping(con, "map_team", ("team_raw", "team_id"), team_ids(teams, ref).items())

    vehicles = [r[0] for r in con.execute("SELECT DISTINCT coalesce(vehicle, '') FROM results_raw").fetchall()]
    models = vehicle_models(vehicles, ref)
    _mapping(con, "map_vehicle", ("vehicle", "model", "manufacturer"), [(v, m, mk) for v, (m, mk, _) in models.items()])
    for vehicle, (_, _, known) in sorted(models.items()):
        if vehicle and not known:
            issues.append(
                Issue(
                    "pitboard/data/vehicles.csv",
                    None,
                    "VEHICLE",
                    INFO,
                    f"vehicle {vehicle!r} is not in vehicles.csv",
                    "model = the raw string, manufacturer = its first word",
                )
            )

    towns = " UNION ".join(
        f"SELECT d{k}_hometown AS town FROM results_raw WHERE d{k}_hometown LIKE '%Ã%'"
        for k in range(1, DRIVER_SLOTS + 1)
    )
    fixes = [(t, repair_mojibake(t)) for (t,) in con.execute(towns).fetchall()]
    _mapping(con, "fix_town", ("raw", "fixed"), fixes)


def _mapping(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...], rows) -> None:
    con.execute(f"CREATE OR REPLACE TEMP TABLE {table} ({', '.join(c + ' VARCHAR' for c in columns)})")
    insert(con, table, columns, list(rows))


def load_results(con: duckdb.DuckDBPyConnection) -> None:
    """entries, entry_drivers and results (positions before corrections) from results_raw."""
    con.execute(
        """
        INSERT INTO entries BY NAME
        SELECT f.session_id, f.season, r.number, norm_class(r.class) AS class, txt(r.class) AS class_raw,
               txt(r.group_code) AS group_code, txt(r.team) AS team_raw, mt.team_id, NULL AS team,
               f.season || '/' || r.number || '/' || mt.team_id AS car_id,
               txt(r.vehicle) AS vehicle, mv.model, mv.manufacturer, txt(r.tyres) AS tyres,
               ("""
        + " + ".join(
            f"(coalesce(r.d{k}_firstname, '') || coalesce(r.d{k}_secondname, '') <> '')::INTEGER"
            for k in range(1, DRIVER_SLOTS + 1)
        )
        + """) AS drivers,
               txt(r.imsa_car_id) AS imsa_car_id, txt(r.imsa_team_id) AS imsa_team_id,
               txt(r.imsa_class_id) AS imsa_class_id, txt(r.imsa_car_type_id) AS imsa_car_type_id,
               txt(r.imsa_manufacturer_id) AS imsa_manufacturer_id, txt(r.imsa_tire_id) AS imsa_tire_id,
               txt(r.imsa_sponsor_id) AS imsa_sponsor_id, txt(r.imsa_event_entry_id) AS imsa_event_entry_id,
               txt(r.extra_9) AS extra_9, txt(r.extra_10) AS extra_10, r.source_id, r.line AS source_line
        FROM results_raw r
        JOIN files f USING (source_id)
        LEFT JOIN map_team mt ON mt.team_raw = r.team
        LEFT JOIN map_vehicle mv ON mv.vehicle = coalesce(r.vehicle, '')
        """
    )
    slots = " UNION ALL ".join(
        f"""SELECT source_id, line, number, {k} AS slot, d{k}_firstname AS first_name, d{k}_secondname AS last_name,
                   d{k}_license AS license, d{k}_hometown AS hometown, d{k}_country AS country,
                   d{k}_shortname AS shortname, d{k}_imsa_id AS imsa_driver_id, d{k}_imsa_plugid AS plug,
                   d{k}_imsa_ratinglong AS rating, d{k}_extra_4 AS extra_4, d{k}_extra_5 AS extra_5
            FROM results_raw
            WHERE coalesce(d{k}_firstname, '') <> '' OR coalesce(d{k}_secondname, '') <> ''"""
        for k in range(1, DRIVER_SLOTS + 1)
    )
    con.execute(
        f"""
        INSERT INTO entry_drivers BY NAME
        SELECT f.session_id, f.season, d.number, d.slot, md.driver_id,
               coalesce(d.first_name, '') || ' ' || coalesce(d.last_name, '') AS name_raw, txt(d.first_name) AS first_name,
               txt(d.last_name) AS last_name,
               CASE WHEN d.license = 'Platinium' THEN 'Platinum' ELSE txt(d.license) END AS license,
               txt(d.license) AS license_raw, txt(d.rating) AS rating,
               txt(coalesce(ft.fixed, d.hometown)) AS hometown, txt(d.country) AS country,
               txt(d.imsa_driver_id) AS imsa_driver_id, txt(d.plug) AS imsa_driver_plug_id,
               txt(d.shortname) AS shortname, txt(d.extra_4) AS extra_4, txt(d.extra_5) AS extra_5,
               d.source_id, d.line AS source_line
        FROM ({slots}) d
        JOIN files f USING (source_id)
        LEFT JOIN map_driver md ON md.name_raw = coalesce(d.first_name, '') || ' ' || coalesce(d.last_name, '')
        LEFT JOIN fix_town ft ON ft.raw = d.hometown
        """
    )
    con.execute(
        """
        INSERT INTO results BY NAME
        SELECT f.session_id, f.season, r.number, norm_class(r.class) AS class,
               TRY_CAST(txt(r.position) AS INTEGER) AS position_export,
               txt(r.status) AS status, TRY_CAST(txt(r.laps) AS INTEGER) AS laps,
               dur_ms(r.total_time) AS total_time_ms,
               txt(r.gap_first) AS gap_first, gap_ms(r.gap_first) AS gap_first_ms, gap_laps(r.gap_first) AS gap_first_laps,
               txt(r.gap_previous) AS gap_previous, gap_ms(r.gap_previous) AS gap_previous_ms,
               gap_laps(r.gap_previous) AS gap_previous_laps,
               TRY_CAST(txt(r.best_lap_number) AS INTEGER) AS best_lap_number, dur_ms(r.best_lap) AS best_lap_ms,
               TRY_CAST(txt(r.best_lap_kph) AS DOUBLE) AS best_lap_kph,
               false AS corrected, r.source_id, r.line AS source_line
        FROM results_raw r JOIN files f USING (source_id)
        """
    )


def session_timing(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """session_id → (min, max) of HOUR − ELAPSED in ms: the session clock's local start.

    HOUR is computed by the timing system as start + ELAPSED, so the difference is the same on
    every row of a session (DATA.md §4.1); it is taken from each car's first two laps, and a
    spread is reported by the caller.
    """
    hour, elapsed, lap = col(LAPS_27, "HOUR"), col(LAPS_27, "ELAPSED"), col(LAPS_27, "LAP_NUMBER")
    rows = con.execute(
        f"""SELECT f.session_id, min(dur(s.{hour}) - dur(s.{elapsed})), max(dur(s.{hour}) - dur(s.{elapsed}))
            FROM stage_laps s JOIN files f USING (source_id) WHERE s.{lap} IN ('1', '2') GROUP BY ALL"""
    ).fetchall()
    return {session: (lo, hi) for session, lo, hi in rows}


def _staged(layout: Layout) -> Callable[[str], str]:
    """file column name → its staging column, as ``s.cN`` (the staging table's alias is s)."""
    return lambda name: "s." + col(layout, name)


def load_laps(con: duckdb.DuckDBPyConnection) -> None:
    """laps, with crossing times from the session start (temp table session_start).

    A crossing is the start plus ELAPSED in microseconds (``make_timestamp``/``make_timestamptz``
    of ``epoch_us``): the same instant as adding an interval, without the calendar arithmetic
    of interval addition (time-zone aware for TIMESTAMPTZ)."""
    c = _staged(LAPS_27)

    con.execute(
        f"""
        INSERT INTO laps BY NAME
        SELECT f.session_id, f.season, {c("NUMBER")} AS number,
               {c("DRIVER_NUMBER")}::INTEGER AS driver_slot,
               ed.driver_id,
               {c("LAP_NUMBER")}::INTEGER AS lap, dur({c("LAP_TIME")}) AS lap_time_ms,
               TRY_CAST(txt({c("LAP_IMPROVEMENT")}) AS INTEGER) AS lap_improvement,
               coalesce({c("CROSSING_FINISH_LINE_IN_PIT")} = 'B', false) AS in_pit,
               coalesce({c("PIT_TIME")} <> '', false) AS pit_out,
               dur({c("S1")}) AS s1_ms, TRY_CAST(txt({c("S1_IMPROVEMENT")}) AS INTEGER) AS s1_improvement,
               dur({c("S2")}) AS s2_ms, TRY_CAST(txt({c("S2_IMPROVEMENT")}) AS INTEGER) AS s2_improvement,
               dur({c("S3")}) AS s3_ms, TRY_CAST(txt({c("S3_IMPROVEMENT")}) AS INTEGER) AS s3_improvement,
               TRY_CAST(txt({c("KPH")}) AS DOUBLE) AS kph, dur({c("ELAPSED")}) AS elapsed_ms,
               txt({c("HOUR")}) AS hour,
               make_timestamp(epoch_us(st.start_local) + 1000 * dur({c("ELAPSED")})) AS crossing_local,
               make_timestamptz(epoch_us(st.start_utc) + 1000 * dur({c("ELAPSED")})) AS crossing_utc,
               {_large("S1")} AS s1_large_ms, {_large("S2")} AS s2_large_ms, {_large("S3")} AS s3_large_ms, TRY_CAST(txt({c("TOP_SPEED")}) AS DOUBLE) AS top_speed,
               txt({c("DRIVER_NAME")}) AS driver_name, dur({c("PIT_TIME")}) AS pit_time_ms,
               norm_class({c("CLASS")}) AS class, txt({c("GROUP")}) AS group_code, txt({c("TEAM")}) AS team_raw,
               txt({c("MANUFACTURER")}) AS manufacturer_raw, txt({c("FLAG_AT_FL")}) AS flag,
               s.source_id, s.line AS source_line
        FROM stage_laps s
        JOIN files f USING (source_id)
        LEFT JOIN session_start st ON st.session_id = f.session_id
        LEFT JOIN entry_drivers ed ON ed.session_id = f.session_id AND ed.number = {c("NUMBER")}
             AND ed.slot = {c("DRIVER_NUMBER")}::INTEGER
        """
    )
    # DRIVER_NAME always equals the results' slot name (DATA.md §5); if a slot is missing from
    # the results, fall back to the name itself.
    con.execute(
        "UPDATE laps SET driver_id = m.driver_id FROM map_driver m WHERE laps.driver_id IS NULL AND m.name_raw = laps.driver_name"
    )


def _large(sector: str) -> str:
    """S1_LARGE is S1 written with minutes ('0:24.583' for '24.583'): reuse S1's parse when the
    text says so, parse otherwise."""
    small, large = _staged(LAPS_27)(sector), _staged(LAPS_27)(f"{sector}_LARGE")
    return f"CASE WHEN {large} = {small} OR {large} = '0:' || {small} THEN dur({small}) ELSE dur({large}) END"


def load_weather(con: duckdb.DuckDBPyConnection) -> None:
    """weather, one row per sample."""
    c = _staged(WEATHER)

    con.execute(
        f"""
        INSERT INTO weather BY NAME
        SELECT f.session_id, f.season, to_timestamp({c("TIME_UTC_SECONDS")}::BIGINT) AS time_utc,
               {c("TIME_UTC_SECONDS")}::BIGINT AS epoch_s, txt({c("TIME_UTC_STR")}) AS time_utc_str,
               round(TRY_CAST(txt({c("AIR_TEMP")}) AS DOUBLE), 1) AS air_temp_f,
               round((TRY_CAST(txt({c("AIR_TEMP")}) AS DOUBLE) - 32) * 5 / 9, 1) AS air_temp_c,
               round(TRY_CAST(txt({c("TRACK_TEMP")}) AS DOUBLE), 1) AS track_temp_f,
               round((TRY_CAST(txt({c("TRACK_TEMP")}) AS DOUBLE) - 32) * 5 / 9, 1) AS track_temp_c,
               TRY_CAST(txt({c("HUMIDITY")}) AS DOUBLE) AS humidity,
               TRY_CAST(txt({c("PRESSURE")}) AS DOUBLE) AS pressure_inhg,
               TRY_CAST(txt({c("WIND_SPEED")}) AS DOUBLE) AS wind_speed,
               TRY_CAST(txt({c("WIND_DIRECTION")}) AS INTEGER) AS wind_direction,
               TRY_CAST(txt({c("RAIN")}) AS INTEGER) AS rain,
               s.source_id, s.line AS source_line
        FROM stage_weather s JOIN files f USING (source_id)
        """
    )
