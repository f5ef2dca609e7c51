"""One test per quirk of the exports (DATA.md §0 and §2), on the pinned slice of real files."""

from __future__ import annotations

import pitboard
from conftest import SLICE, sql
from pitboard.ingestion.layouts import LAPS_26, LAPS_27, RESULTS_POS, RESULTS_POSITION, header_columns, match_layout

LONG_BEACH = "2023/08-long-beach-street-circuit/202304151405-race"
LIME_ROCK = "2021/14-lime-rock-park/202107171510-race"
DAYTONA = "2023/02-daytona-international-speedway/202301281340-race"
ROAR_WU = "2021/01-roar-before-the-24/202101241000-warm-up"
BELLE_ISLE_Q = "2022/10-belle-isle-street-course/202206031730-qualifying"


def test_car_numbers_are_strings_01_and_1_are_two_cars(spb: pitboard.Pitboard) -> None:
    numbers = {r[0] for r in sql(spb, "SELECT number FROM entries WHERE session_id = ?", [BELLE_ISLE_Q])}
    assert {"01", "1"} <= numbers
    rows = sql(
        spb,
        "SELECT number, team FROM entries WHERE session_id = ? AND number IN ('01', '1') ORDER BY number",
        [BELLE_ISLE_Q],
    )
    assert rows[0][1] != rows[1][1]


def test_bom_is_dropped_and_first_column_named() -> None:
    raw = (SLICE / f"{LIME_ROCK}-results.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert header_columns(raw.decode("utf-8").splitlines()[0])[0] == "POSITION"


def test_header_leading_spaces_are_stripped(spb: pitboard.Pitboard) -> None:
    first = (SLICE / f"{LIME_ROCK}-laps.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert " DRIVER_NUMBER" in first
    assert match_layout("laps", header_columns(first)) is LAPS_27
    slots = sql(spb, "SELECT DISTINCT driver_slot FROM laps WHERE session_id = ? ORDER BY 1", [LIME_ROCK])
    assert slots and all(s[0] in (1, 2, 3) for s in slots)
    # ' LAPS' of the practice layout is the lap count
    assert sql(spb, "SELECT max(laps) FROM results WHERE session_id = ?", [BELLE_ISLE_Q])[0][0] > 0


def test_trailing_comma_gives_no_extra_column() -> None:
    first = (SLICE / f"{LIME_ROCK}-weather.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert first.endswith(",")
    assert header_columns(first)[-1] == "RAIN"


def test_ragged_results_rows_are_padded_and_keep_their_drivers(spb: pitboard.Pitboard) -> None:
    lines = (SLICE / f"{LIME_ROCK}-results.csv").read_text(encoding="utf-8-sig").splitlines()
    header_fields = lines[0].count(",") + 1
    assert all(line.count(",") + 1 < header_fields for line in lines[1:])
    drivers = sql(spb, "SELECT count(*) FROM entry_drivers WHERE session_id = ?", [LIME_ROCK])[0][0]
    assert drivers >= 2 * 16  # every car lists at least two drivers


def test_two_results_layouts_best_lap_from_time_or_fl_time(spb: pitboard.Pitboard) -> None:
    race = sql(
        spb, "SELECT best_lap_ms, total_time_ms, status FROM results WHERE session_id = ? AND number = '3'", [LIME_ROCK]
    )[0]
    assert race[1] == 5_309_019 and race[2] == "Classified"  # TOTAL_TIME 1:28:29.019
    quali = sql(
        spb,
        "SELECT best_lap_ms, total_time_ms, status FROM results WHERE session_id = ? AND position = 1",
        [BELLE_ISLE_Q],
    )[0]
    assert quali[0] > 0 and quali[1] is None and quali[2] is None
    assert match_layout("results", list(RESULTS_POS.columns)) is RESULTS_POS
    assert match_layout("results", list(RESULTS_POSITION.columns)) is RESULTS_POSITION


def test_laps_layout_without_flag_column(spb: pitboard.Pitboard) -> None:
    first = (SLICE / f"{ROAR_WU}-laps.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert match_layout("laps", header_columns(first)) is LAPS_26
    rows = sql(spb, "SELECT count(*), count(flag), count(lap_time_ms) FROM laps WHERE session_id = ?", [ROAR_WU])[0]
    assert rows[0] == 304 and rows[1] == 0 and rows[2] == 304


def test_empty_weather_file_is_no_rows_and_noted(spb: pitboard.Pitboard) -> None:
    assert (SLICE / f"{LONG_BEACH}-weather.csv").stat().st_size == 0
    assert sql(spb, "SELECT count(*) FROM weather WHERE session_id = ?", [LONG_BEACH])[0][0] == 0
    issue = sql(spb, "SELECT severity, problem FROM _ingest_issues WHERE path = ?", [f"{LONG_BEACH}-weather.csv"])
    assert issue == [("info", "empty file (0 bytes, no header)")]
    assert sql(spb, "SELECT status FROM _sources WHERE path = ?", [f"{LONG_BEACH}-weather.csv"]) == [("empty",)]
    assert sql(spb, "SELECT has_weather, has_laps FROM sessions WHERE session_id = ?", [LONG_BEACH]) == [(False, True)]


def test_race_without_laps_file(spb: pitboard.Pitboard) -> None:
    assert not (SLICE / f"{DAYTONA}-laps.csv").exists()
    assert sql(spb, "SELECT has_results, has_laps, has_weather FROM sessions WHERE session_id = ?", [DAYTONA]) == [
        (True, False, True)
    ]
    notes = sql(spb, "SELECT severity, problem FROM _ingest_issues WHERE path = ?", [DAYTONA])
    assert ("info", "no laps file for this session") in notes


def test_durations_over_24_hours(spb: pitboard.Pitboard) -> None:
    winner = sql(
        spb, "SELECT number, total_time_ms, laps FROM results WHERE session_id = ? AND position_export = 1", [DAYTONA]
    )
    assert winner == [("60", 86_479_952, 783)]  # 24:01:19.952


def test_sub_minute_laps(spb: pitboard.Pitboard) -> None:
    assert sql(spb, "SELECT min(lap_time_ms) FROM laps WHERE session_id = ?", [LIME_ROCK])[0][0] < 60_000


def test_status_is_only_classified_or_not_started_finish_status_is_derived(spb: pitboard.Pitboard) -> None:
    rows = dict(sql(spb, "SELECT finish_status, count(*) FROM results WHERE session_id = ? GROUP BY ALL", [LONG_BEACH]))
    assert rows == {"running": 24, "retired": 1, "dns": 3}  # 2 Not started + 1 zero-lap Classified
    assert {r[0] for r in sql(spb, "SELECT DISTINCT status FROM results WHERE session_id = ?", [LONG_BEACH])} == {
        "Classified",
        "Not started",
    }
    # 2021 Lime Rock ended under yellow: no FF lap, yet every car took the flag.
    assert sql(spb, "SELECT count(*) FROM laps WHERE session_id = ? AND flag = 'FF'", [LIME_ROCK])[0][0] == 0
    assert dict(
        sql(spb, "SELECT finish_status, count(*) FROM results WHERE session_id = ? GROUP BY ALL", [LIME_ROCK])
    ) == {"running": 16}


def test_class_position_is_rank_within_class_not_started_has_none(spb: pitboard.Pitboard) -> None:
    rows = sql(
        spb,
        "SELECT class, position, class_position, status FROM results WHERE session_id = ? ORDER BY position NULLS LAST",
        [LONG_BEACH],
    )
    seen: dict[str, int] = {}
    for cls, position, class_position, status in rows:
        if status == "Not started":
            assert position is None and class_position is None
            continue
        seen[cls] = seen.get(cls, 0) + 1
        assert class_position == seen[cls]


def test_class_spelled_gtdpro_is_normalised(spb: pitboard.Pitboard) -> None:
    session = "2023/01-roar-before-the-24/202301211830-session-5"
    assert "GTDPro" in (SLICE / f"{session}-results.csv").read_text(encoding="utf-8-sig")
    classes = {r[0] for r in sql(spb, "SELECT DISTINCT class FROM results WHERE session_id = ?", [session])}
    assert "GTDPRO" in classes and "GTDPro" not in classes
    assert sql(spb, "SELECT count(*) FROM entries WHERE class_raw = 'GTDPro'")[0][0] > 0


def test_best_lap_comes_from_results_not_min_lap_time(spb: pitboard.Pitboard) -> None:
    rows = sql(
        spb,
        """SELECT r.number, r.best_lap_ms, min(l.lap_time_ms) FROM results r JOIN laps l USING (session_id, number)
           WHERE r.session_id = ? GROUP BY ALL""",
        [BELLE_ISLE_Q],
    )
    assert rows and all(best is None or best >= fastest for _, best, fastest in rows)


def test_imsa_ids_empty_from_august_2024_identity_still_resolved(spb: pitboard.Pitboard) -> None:
    session = "2024/19-road-atlanta/202410111525-qualifying"
    rows = sql(spb, "SELECT count(*), count(imsa_car_id) FROM entries WHERE session_id = ?", [session])[0]
    assert rows[0] > 0 and rows[1] == 0
    assert (
        sql(spb, "SELECT count(*) FROM entry_drivers WHERE session_id = ? AND driver_id IS NULL", [session])[0][0] == 0
    )


def test_session_start_from_hour_minus_elapsed(spb: pitboard.Pitboard) -> None:
    start = sql(
        spb, "SELECT strftime(start_local, '%H:%M:%S'), start_source FROM sessions WHERE session_id = ?", [LIME_ROCK]
    )
    assert start == [("15:10:35", "laps")]
    # EDT in July: UTC = local + 4 h; every crossing is start + ELAPSED.
    assert sql(
        spb, "SELECT strftime(start_utc AT TIME ZONE 'UTC', '%H:%M') FROM sessions WHERE session_id = ?", [LIME_ROCK]
    ) == [("19:10",)]
    assert (
        sql(
            spb,
            "SELECT count(*) FROM laps WHERE session_id = ? AND crossing_local - to_milliseconds(elapsed_ms) <> (SELECT start_local FROM sessions WHERE session_id = ?)",
            [LIME_ROCK, LIME_ROCK],
        )[0][0]
        == 0
    )


def test_race_without_laps_gets_its_start_from_filename_checked_by_weather(spb: pitboard.Pitboard) -> None:
    assert sql(spb, "SELECT start_source FROM sessions WHERE session_id = ?", [DAYTONA]) == [
        ("filename (weather agrees)",)
    ]


def test_roar_sessions_are_not_championship_races(spb: pitboard.Pitboard) -> None:
    assert sql(spb, "SELECT championship_race FROM sessions WHERE session_id = ?", [ROAR_WU]) == [(False,)]
    assert sql(spb, "SELECT championship_race FROM sessions WHERE session_id = ?", [DAYTONA]) == [(True,)]


def test_double_encoded_hometowns_are_repaired(spb: pitboard.Pitboard) -> None:
    session = "2024/24-daytona-international-speedway/202411150900-session-1"
    assert "Ã" in (SLICE / f"{session}-results.csv").read_text(encoding="utf-8-sig")
    towns = [
        r[0]
        for r in sql(spb, "SELECT hometown FROM entry_drivers WHERE session_id = ? AND hometown IS NOT NULL", [session])
    ]
    assert towns and not any("Ã" in t for t in towns)


def test_quoted_team_name_with_comma(spb: pitboard.Pitboard) -> None:
    session = "2023/19-indianapolis-motor-speedway-rc/202309170800-warm-up"
    assert (
        sql(spb, "SELECT count(*) FROM entries WHERE session_id = ? AND team_raw = 'Lone Star Racing, LLC'", [session])[
            0
        ][0]
        == 1
    )


def test_licence_typo_platinium_is_fixed_and_kept_raw(spb: pitboard.Pitboard) -> None:
    rows = sql(spb, "SELECT license, license_raw FROM entry_drivers WHERE license_raw = 'Platinium'")
    assert rows and all(r[0] == "Platinum" for r in rows)


def test_every_row_traces_to_its_source_file_and_line(spb: pitboard.Pitboard) -> None:
    path, line, number, lap, lap_ms = sql(
        spb,
        """SELECT s.path, l.source_line, l.number, l.lap, l.lap_time_ms FROM laps l JOIN _sources s USING (source_id)
           WHERE l.session_id = ? ORDER BY l.number, l.lap LIMIT 1 OFFSET 40""",
        [LIME_ROCK],
    )[0]
    fields = (SLICE / path).read_text(encoding="utf-8-sig").splitlines()[line - 1].split(",")
    assert fields[0] == number and int(fields[2]) == lap
    from pitboard.domain.timefmt import parse_duration_ms

    assert parse_duration_ms(fields[3]) == lap_ms


def test_source_record_has_size_hash_rows_and_parser(spb: pitboard.Pitboard) -> None:
    import hashlib

    rows = sql(spb, "SELECT path, size, sha256, rows, parser_version, status FROM _sources")
    assert len(rows) == len(list(SLICE.rglob("*.csv")))
    for path, size, digest, count, parser, status in rows:
        data = (SLICE / path).read_bytes()
        assert size == len(data) and digest == hashlib.sha256(data).hexdigest() and parser
        if status == "loaded":
            assert count == data.count(b"\n") - 1
