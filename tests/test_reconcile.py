"""Reconciliation over the whole bundled data: computed figures against the official files.

The expected values below come from the files themselves, read independently of the ingest
(Python's csv module), or from DATA.md §1.4, which was counted from the files.
"""

from __future__ import annotations

import csv
from collections import defaultdict

import pytest

import pitboard
from conftest import BUNDLED, sql
from pitboard.domain.timefmt import parse_duration_ms

# (season, folder, entries, laps rows, winner #, winner laps, winner time, running at finish,
#  'Not started', zero-lap Classified) for every race-layout session (DATA.md §1.4).
RACES = [
    (2021, "01-roar-before-the-24", 49, 2100, "31", 51, "1:41:06.688", 42, 2, 0),
    (2021, "02-daytona-international-speedway", 49, None, "10", 807, "24:00:14.673", 37, 0, 0),
    (2021, "05-sebring-international-raceway", 37, 11075, "5", 349, "12:01:01.418", 28, 0, 0),
    (2021, "08-mid-ohio-sports-car-course", 25, 2795, "10", 122, "2:40:21.370", 23, 0, 0),
    (2021, "12-6h---watkins-glen-international", 38, 6351, "55", 200, "6:00:04.522", 31, 0, 0),
    (2021, "13-weathertech-240---wgi", 30, 1693, "31", 63, "2:41:27.882", 27, 0, 0),
    (2021, "14-lime-rock-park", 16, 1563, "3", 100, "1:28:29.019", 16, 0, 0),
    (2021, "15-road-america", 35, 2365, "31", 76, "2:40:24.362", 30, 0, 0),
    (2021, "17-weathertech-raceway-laguna-seca", 26, 2668, "10", 118, "2:40:49.456", 24, 0, 2),
    (2021, "18-long-beach-street-circuit", 26, 1861, "31", 78, "1:40:46.781", 24, 0, 0),
    (2021, "19-virginia-international-raceway", 18, 1473, "4", 87, "2:40:45.036", 16, 0, 0),
    (2021, "22-road-atlanta", 43, 13672, "55", 410, "10:00:38.581", 28, 0, 0),
    (2022, "01-roar-before-the-24", 61, 3185, "10", 61, "1:40:45.641", 54, 1, 0),
    (2022, "02-daytona-international-speedway", 61, None, "60", 761, "24:00:23.026", 43, 0, 0),
    (2022, "05-sebring-international-raceway", 53, 15518, "02", 351, "12:01:46.148", 43, 0, 0),
    (2022, "06-long-beach-street-circuit", 26, 1685, "01", 73, "1:40:48.134", 21, 0, 0),
    (2022, "07-weathertech-raceway-laguna-seca", 32, 3258, "10", 117, "2:41:05.230", 29, 0, 0),
    (2022, "08-mid-ohio-sports-car-course", 31, 3524, "10", 121, "2:40:20.108", 31, 0, 0),
    (2022, "10-belle-isle-street-course", 16, 1050, "01", 73, "1:40:45.972", 14, 0, 0),
    (2022, "11-watkins-glen-international", 48, 6698, "10", 162, "6:10:17.401", 39, 0, 0),
    (2022, "13-canadian-tire-motorsport-park", 24, 2604, "01", 123, "2:40:31.158", 21, 0, 0),
    (2022, "15-lime-rock-park", 15, 2343, "9", 174, "2:40:43.134", 12, 0, 0),
    (2022, "16-road-america", 37, 2258, "10", 64, "2:40:44.167", 36, 0, 0),
    (2022, "17-virginia-international-raceway", 18, 1462, "9", 86, "2:40:37.906", 17, 0, 0),
    (2022, "19-road-atlanta", 43, 15303, "60", 423, "10:00:14.591", 35, 0, 0),
    (2023, "02-daytona-international-speedway", 61, None, "60", 783, "24:01:19.952", 45, 0, 0),
    (2023, "07-sebring-international-raceway", 53, 15196, "31", 322, "12:00:53.382", 39, 0, 0),
    (2023, "08-long-beach-street-circuit", 28, 1844, "6", 78, "1:42:08.126", 24, 2, 1),
    (2023, "10-weathertech-raceway-laguna-seca", 38, 3469, "01", 102, "2:41:02.933", 33, 0, 0),
    (2023, "12-watkins-glen-international", 57, 9606, "6", 201, "6:03:07.595", 45, 0, 1),
    (2023, "13-canadian-tire-motorsport-park", 34, 3710, "60", 120, "2:41:01.603", 31, 0, 0),
    (2023, "14-lime-rock-park", 20, 3042, "23", 168, "2:40:25.371", 17, 0, 0),
    (2023, "17-road-america", 45, 3188, "7", 80, "2:41:23.753", 39, 0, 0),
    (2023, "18-virginia-international-raceway", 19, 1407, "3", 81, "2:41:28.719", 17, 0, 0),
    (2023, "19-indianapolis-motor-speedway-rc", 48, 4997, "6", 113, "2:41:00.878", 46, 0, 0),
    (2023, "21-road-atlanta", 52, 17502, "60", 397, "10:01:40.400", 36, 0, 0),
    (2024, "02-daytona-international-speedway", 59, None, "7", 791, "23:58:24.723", 40, 0, 0),
    (2024, "05-sebring-international-raceway", 58, 16836, "40", 333, "12:00:54.520", 45, 0, 0),
    (2024, "06-long-beach-street-circuit", 27, 1586, "01", 68, "1:40:07.318", 21, 0, 0),
    (2024, "08-weathertech-raceway-laguna-seca", 34, 3800, "6", 119, "2:40:09.438", 33, 0, 0),
    (2024, "09-detroit-street-course", 21, 1462, "10", 75, "1:40:02.133", 17, 0, 0),
    (2024, "12-watkins-glen-international", 56, 7300, "7", 148, "6:01:10.521", 43, 0, 0),
    (2024, "13-canadian-tire-motorsport-park", 34, 3644, "52", 117, "2:40:34.358", 31, 0, 0),
    (2024, "14-road-america", 47, 2734, "6", 62, "2:40:44.592", 42, 0, 0),
    (2024, "15-virginia-international-raceway", 23, 1915, "1", 86, "2:40:49.112", 22, 0, 0),
    (2024, "17-tire-rack.com-battle-on-the-bricks", 56, 10665, "24", 219, "6:00:54.050", 46, 0, 0),
    (2024, "19-road-atlanta", 53, 20359, "01", 443, "10:00:36.290", 43, 0, 0),
    (2025, "02-daytona-international-speedway", 61, None, "7", 781, "24:00:38.019", 40, 0, 0),
    (2025, "06-sebring-international-raceway", 56, 17039, "7", 353, "12:01:23.265", 43, 0, 0),
    (2025, "07-long-beach-street-circuit", 27, 1903, "7", 75, "1:40:36.022", 26, 0, 0),
    (2025, "10-weathertech-raceway-laguna-seca", 36, 4186, "6", 124, "2:40:27.070", 35, 0, 0),
    (2025, "11-detroit-street-course", 22, 1801, "93", 84, "1:40:46.658", 21, 0, 0),
    (2025, "14-watkins-glen-international", 55, 8049, "60", 169, "6:00:08.598", 41, 0, 0),
    (2025, "15-canadian-tire-motorsport-park", 35, 3654, "99", 113, "2:40:43.681", 32, 1, 0),
]

# Official class orders after IMSA's post-export decisions (pitboard/data/corrections.csv).
CORRECTED_ORDERS = {
    ("2023/12-watkins-glen-international", "GTP"): ["25", "31", "60", "5", "01", "10", "7", "24", "6"],
    ("2024/17-tire-rack.com-battle-on-the-bricks", "GTP"): [
        "24",
        "25",
        "85",
        "10",
        "5",
        "01",
        "7",
        "63",
        "31",
        "6",
        "40",
    ],
}


def _read(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = [h.strip() for h in rows[0]]
    return [dict(zip(header, row, strict=False)) for row in rows[1:]]


def _race_session(pb: pitboard.Pitboard, season: int, folder: str) -> str:
    rows = sql(
        pb,
        "SELECT session_id FROM sessions s JOIN events e USING (event_id) WHERE e.season = ? AND e.folder = ? AND s.kind IN ('race', 'qualifying race')",
        [season, folder],
    )
    assert len(rows) == 1
    return rows[0][0]


def test_row_counts_equal_the_files(pb: pitboard.Pitboard) -> None:
    expected: dict[str, int] = defaultdict(int)
    for path in BUNDLED.rglob("*.csv"):
        kind = path.stem.rsplit("-", 1)[1]
        data = path.read_bytes()
        expected[kind] += max(data.count(b"\n") - 1, 0)
    assert dict(expected) == {"laps": 530_835, "results": 12_126, "weather": 38_359}
    for kind, count in expected.items():
        assert sql(pb, f"SELECT count(*) FROM {kind}")[0][0] == count
    assert sql(pb, "SELECT count(*), sum(rows) FROM _sources") == [(978, 530_835 + 12_126 + 38_359)]
    assert sql(pb, "SELECT count(*) FROM sessions") == [(328,)]
    assert sql(pb, "SELECT count(*) FROM events") == [(60,)]
    assert sql(pb, "SELECT count(*) FROM sessions WHERE championship_race") == [(52,)]


def test_real_data_has_no_problems_only_known_gaps(pb: pitboard.Pitboard) -> None:
    issues = sql(pb, "SELECT severity, path, problem FROM _ingest_issues ORDER BY path")
    assert {i[0] for i in issues} == {"info"}
    laps_missing = [i[1] for i in issues if i[2] == "no laps file for this session"]
    assert len(laps_missing) == 5 and all(
        "02-daytona-international-speedway" in p and p.endswith("-race") for p in laps_missing
    )
    assert [i[1] for i in issues if i[2] == "no weather file for this session"] == [
        "2021/22-road-atlanta/202111110920-practice-1"
    ]
    assert [i[1] for i in issues if i[2].startswith("empty file")] == [
        "2023/08-long-beach-street-circuit/202304151405-race-weather.csv"
    ]


@pytest.mark.parametrize("race", RACES, ids=lambda r: f"{r[0]}-{r[1]}")
def test_every_race_matches_the_official_file(pb: pitboard.Pitboard, race: tuple) -> None:
    season, folder, entries, laps_rows, winner, winner_laps, winner_time, running, not_started, zero_lap = race
    session = _race_session(pb, season, folder)
    assert sql(pb, "SELECT count(*) FROM results WHERE session_id = ?", [session])[0][0] == entries
    assert sql(
        pb, "SELECT number, laps, total_time_ms FROM results WHERE session_id = ? AND position_export = 1", [session]
    ) == [(winner, winner_laps, parse_duration_ms(winner_time))]
    status = dict(sql(pb, "SELECT finish_status, count(*) FROM results WHERE session_id = ? GROUP BY ALL", [session]))
    assert status.get("running", 0) == running
    assert status.get("dns", 0) == not_started + zero_lap
    assert (
        sql(pb, "SELECT count(*) FROM results WHERE session_id = ? AND status = 'Not started'", [session])[0][0]
        == not_started
    )
    if laps_rows is None:
        assert sql(pb, "SELECT has_laps FROM sessions WHERE session_id = ?", [session]) == [(False,)]
    else:
        # Σ results LAPS == laps rows, and each car's LAPS == its last lap number.
        assert sql(pb, "SELECT sum(laps) FROM results WHERE session_id = ?", [session])[0][0] == laps_rows
        assert sql(pb, "SELECT count(*) FROM laps WHERE session_id = ?", [session])[0][0] == laps_rows
        mismatched = sql(
            pb,
            """SELECT r.number FROM results r LEFT JOIN (SELECT number, max(lap) AS last FROM laps WHERE session_id = $s GROUP BY ALL) l
               USING (number) WHERE r.session_id = $s AND coalesce(l.last, 0) <> r.laps""",
            {"s": session},
        )
        assert mismatched == []


def test_class_order_reproduces_every_official_race_file(pb: pitboard.Pitboard) -> None:
    """Class by class, the file's order (POSITION) is the class order; corrected races differ
    exactly by IMSA's later decisions."""
    for season, folder, *_ in RACES:
        session = _race_session(pb, season, folder)
        path = next((BUNDLED / str(season) / folder).glob("*-race-results.csv"), None) or next(
            (BUNDLED / str(season) / folder).glob("*-r24h-qualifying-race-results.csv")
        )
        by_class: dict[str, list[str]] = defaultdict(list)
        rows = sorted((r for r in _read(path) if r["POSITION"]), key=lambda r: int(r["POSITION"]))
        for row in rows:
            by_class[row["CLASS"].replace(" ", "").upper()].append(row["NUMBER"])
        for cls, numbers in by_class.items():
            computed = [
                r[0]
                for r in sql(
                    pb,
                    "SELECT number FROM results WHERE session_id = ? AND class = ? AND class_position_export IS NOT NULL ORDER BY class_position_export",
                    [session, cls],
                )
            ]
            assert computed == numbers, (session, cls)
            official = [
                r[0]
                for r in sql(
                    pb,
                    "SELECT number FROM results WHERE session_id = ? AND class = ? AND class_position IS NOT NULL ORDER BY class_position",
                    [session, cls],
                )
            ]
            expected = CORRECTED_ORDERS.get((f"{season}/{folder}", cls))
            if (
                expected is None
                and not sql(
                    pb, "SELECT count(*) FROM results WHERE session_id = ? AND class = ? AND corrected", [session, cls]
                )[0][0]
            ):
                expected = numbers
            if expected is not None:
                assert official == expected, (session, cls)


def test_post_export_corrections_are_applied_and_shown(pb: pitboard.Pitboard) -> None:
    frame = pb.results(2023, "watkins glen", cls="GTP")
    assert list(frame["number"]) == CORRECTED_ORDERS[("2023/12-watkins-glen-international", "GTP")]
    six = frame[frame["number"] == "6"].iloc[0]
    assert six["class_position"] == 9 and six["class_position_export"] == 1 and six["corrected"]
    assert "2023-wgl-gtp-6" in six["correction_ids"]
    frame = pb.results(2024, "indianapolis", cls="GTP")
    assert list(frame["number"]) == CORRECTED_ORDERS[("2024/17-tire-rack.com-battle-on-the-bricks", "GTP")]
    assert frame.iloc[0]["number"] == "24" and not frame.iloc[0]["corrected"]
    applied = pb.corrections()
    assert set(applied[applied["applied"]]["correction_id"]) >= {
        "2023-wgl-gtp-6",
        "2024-indy-gtp-6",
        "2024-indy-gtp-40",
    }
    points_only = applied[applied["affects"] == "points"]
    assert not points_only["applied"].any()  # points decisions are for the standings


def test_gaps_are_recomputed_after_a_correction(pb: pitboard.Pitboard) -> None:
    frame = pb.results(2023, "watkins glen", cls="GTP")
    second = frame[frame["number"] == "31"].iloc[0]
    # exported: +14.198 behind No. 6; officially 12.078 behind the new winner No. 25
    assert second["gap_first"] == "+12.078" and second["gap_first_ms"] == 12_078


def test_known_facts(pb: pitboard.Pitboard) -> None:
    petit = pb.results(2023, "petit le mans", cls="GTP")
    assert list(petit["number"][:2]) == ["60", "01"]
    assert petit.iloc[0]["team"].startswith("Meyer Shank Racing")
    assert pb.results(2023, "sebring", cls="GTP").iloc[0]["number"] == "31"


def test_01_and_1_stay_two_cars(pb: pitboard.Pitboard) -> None:
    pairs = sql(
        pb,
        """SELECT count(*) FROM entries a JOIN entries b ON a.session_id = b.session_id
           AND a.number < b.number AND ltrim(a.number, '0') = ltrim(b.number, '0')""",
    )[0][0]
    assert pairs == 383  # DATA.md §0.1: 383 session/number collisions
    cars = sql(pb, "SELECT number FROM cars WHERE season = 2023 AND number IN ('01', '1')")
    assert sorted(c[0] for c in cars) == ["01", "1"]


def test_roar_qualifying_races_are_not_championship_races(pb: pitboard.Pitboard) -> None:
    rows = sql(
        pb,
        "SELECT session_id, kind, championship_race FROM sessions WHERE session_id LIKE '%roar%' AND slug IN ('race', 'r24h-qualifying-race')",
    )
    assert sorted(r[0] for r in rows) == [
        "2021/01-roar-before-the-24/202101241405-r24h-qualifying-race",
        "2022/01-roar-before-the-24/202201231405-race",
    ]
    assert all(r[1] == "qualifying race" and not r[2] for r in rows)
    assert sql(
        pb,
        "SELECT count(*) FROM sessions s JOIN events e USING (event_id) WHERE s.championship_race AND NOT e.championship",
    ) == [(0,)]


def test_grid_setting_sessions(pb: pitboard.Pitboard) -> None:
    grids = {(r[0], r[1]): r[2] for r in sql(pb, "SELECT event_id, class, session_id FROM grids")}
    day = "02-daytona-international-speedway"
    assert grids[(f"2021/{day}", "DPI")] == "2021/01-roar-before-the-24/202101241405-r24h-qualifying-race"
    assert grids[(f"2022/{day}", "GTD")] == "2022/01-roar-before-the-24/202201231405-race"
    assert grids[(f"2023/{day}", "GTP")] == "2023/01-roar-before-the-24/202301221345-qualifying"
    assert grids[(f"2024/{day}", "GTP")] == "2024/01-roar-before-the-24/202401211355-qualifying"
    assert grids[(f"2025/{day}", "GTP")] == "2025/02-daytona-international-speedway/202501231410-qualifying"
    seb = "2021/05-sebring-international-raceway"
    assert grids[(seb, "GTD")] == f"{seb}/202103191115-qualifying---gtd-position"
    assert grids[(seb, "GTLM")] == f"{seb}/202103191140-qualifying---gtd-points-gtlm"
    assert grids[(seb, "DPI")] == grids[(seb, "LMP2")] == f"{seb}/202103191230-qualifying---lmp2-dpi-position---points"
    petit = "2021/22-road-atlanta"
    assert grids[(petit, "GTD")] == f"{petit}/202111121545-qualifying--gtd---position"
    assert (
        grids[("2023/12-watkins-glen-international", "GTP")]
        == "2023/12-watkins-glen-international/202306241320-qualifying"
    )
    assert sql(pb, "SELECT count(*) FROM grids WHERE session_id IS NULL") == [(0,)]


def test_actual_start_times_correct_the_file_names(pb: pitboard.Pitboard) -> None:
    starts = dict(sql(pb, "SELECT session_id, strftime(start_local, '%H:%M:%S') FROM sessions"))
    assert starts["2024/17-tire-rack.com-battle-on-the-bricks/202409221230-race"] == "11:39:54"  # file says 12:30
    assert starts["2025/11-detroit-street-course/202505311640-race"] == "15:39:50"  # file says 16:40
    utc = dict(sql(pb, "SELECT session_id, strftime(start_utc AT TIME ZONE 'UTC', '%H:%M') FROM sessions"))
    assert utc["2021/22-road-atlanta/202111131210-race"] == "17:11"  # EST (UTC-5) in November
    assert utc["2022/19-road-atlanta/202210011210-race"] == "16:10"  # EDT (UTC-4)
    assert utc["2021/17-weathertech-raceway-laguna-seca/202109121310-race"] == "20:10"  # PDT


def test_track_lengths_from_the_laps(pb: pitboard.Pitboard) -> None:
    lengths = dict(sql(pb, "SELECT event_id, track_length_km FROM events"))
    expected = {
        "2023/07-sebring-international-raceway": 6.019,
        "2023/21-road-atlanta": 4.088,
        "2022/15-lime-rock-park": 2.379,
        "2021/14-lime-rock-park": 2.372,
        "2024/09-detroit-street-course": 2.647,
        "2024/14-road-america": 6.515,
        "2023/02-daytona-international-speedway": 5.729,
    }
    for event_id, km in expected.items():
        assert lengths[event_id] == pytest.approx(km, abs=0.004)


def test_weather_units_and_times(pb: pitboard.Pitboard) -> None:
    row = sql(
        pb,
        "SELECT epoch_s, time_utc, air_temp_f, air_temp_c, track_temp_f, track_temp_c FROM weather ORDER BY epoch_s LIMIT 1",
    )[0]
    assert int(row[1].timestamp()) == row[0]
    assert row[3] == pytest.approx(round((row[2] - 32) * 5 / 9, 1), abs=0.051)
    assert sql(pb, "SELECT count(*) FROM weather WHERE rain > 0") == [(0,)]


def test_season_coverage_matches_the_calendar(pb: pitboard.Pitboard) -> None:
    seasons = {
        r[0]: r[1:]
        for r in sql(pb, "SELECT season, championship_rounds, rounds_present, complete, missing_events FROM seasons")
    }
    assert seasons[2021][:3] == (12, 11, False) and "12 Jun 2021" in seasons[2021][3][0]
    assert seasons[2022][:3] == (12, 12, True)
    # RULES.md (sourced) and the calendar research agree: no WeatherTech race at Detroit in 2023.
    assert seasons[2023][:3] == (11, 11, True)
    assert seasons[2024][:3] == (11, 11, True)
    assert seasons[2025][:3] == (11, 7, False) and len(seasons[2025][3]) == 4


def test_identities_fold_spellings_and_keep_people_apart(pb: pitboard.Pitboard) -> None:
    def driver(name: str) -> set[str]:
        return {r[0] for r in sql(pb, "SELECT DISTINCT driver_id FROM entry_drivers WHERE name_raw = ?", [name])}

    assert driver("Matthieu Jaminet") == driver("Mathieu Jaminet")
    assert driver("Felipe De Oliveira Nasr") == driver("Felipe Nasr")
    kirch = set().union(
        *(driver(n) for n in ["Marvin Kirchhofer", "Marvin Kirchhöfer", "Marvin Kirchofer", "Marvin Kirchöfer"])
    )
    assert len(kirch) == 1
    assert driver("Joel Miller") != driver("Jon Miller")
    assert driver("Jordan Taylor") != driver("Ricky Taylor")
    names = dict(sql(pb, "SELECT driver_id, name FROM drivers"))
    assert names[next(iter(driver("Matthieu Jaminet")))] == "Mathieu Jaminet"
    # every raw spelling of a team folds to one team
    teams = {
        r[0]
        for r in sql(
            pb,
            "SELECT DISTINCT team_id FROM entries WHERE team_raw IN ('VasserSullivan', 'Vasser Sullivan', 'VASSER SULLIVAN')",
        )
    }
    assert len(teams) == 1
    assert sql(pb, "SELECT count(*) FROM entry_drivers WHERE driver_id IS NULL") == [(0,)]
    assert sql(pb, "SELECT count(*) FROM laps WHERE driver_id IS NULL") == [(0,)]
    # the laps file's driver is the results slot's driver (DATA.md §5: 100 %)
    assert sql(
        pb,
        """SELECT count(*) FROM laps l JOIN entry_drivers d ON d.session_id = l.session_id AND d.number = l.number
           AND d.slot = l.driver_slot WHERE d.name_raw <> l.driver_name""",
    ) == [(0,)]


def test_source_lines_point_at_the_rows(pb: pitboard.Pitboard) -> None:
    """A sample of rows of every kind, across every file layout: file and line give the row."""
    cache: dict[str, list[str]] = {}

    def line_of(path: str, line: int) -> list[str]:
        if path not in cache:
            cache[path] = (BUNDLED / path).read_text(encoding="utf-8-sig").split("\n")
        return next(csv.reader([cache[path][line - 1]]))

    laps = sql(
        pb,
        "SELECT s.path, l.source_line, l.number, l.lap, l.lap_time_ms FROM laps l JOIN _sources s USING (source_id) USING SAMPLE reservoir(400 ROWS) REPEATABLE (7)",
    )
    for path, line, number, lap, lap_ms in laps:
        fields = line_of(path, line)
        assert (fields[0], int(fields[2]), parse_duration_ms(fields[3])) == (number, lap, lap_ms), (path, line)
    results = sql(
        pb,
        "SELECT s.path, r.source_line, r.number, r.laps FROM results r JOIN _sources s USING (source_id) USING SAMPLE reservoir(300 ROWS) REPEATABLE (7)",
    )
    for path, line, number, laps_done in results:
        fields = line_of(path, line)
        assert (fields[1], int(fields[3] if path.endswith("race-results.csv") else fields[7])) == (number, laps_done), (
            path,
            line,
        )
    weather = sql(
        pb,
        "SELECT s.path, w.source_line, w.epoch_s FROM weather w JOIN _sources s USING (source_id) USING SAMPLE reservoir(300 ROWS) REPEATABLE (7)",
    )
    for path, line, epoch in weather:
        assert int(line_of(path, line)[0]) == epoch, (path, line)


# DATA.md Appendix B.1 (one IMSA id, several names) and B.3 (look-alike names): every pair is
# either one person in pitboard or kept apart on purpose, with a reason, in driver_distinct.csv.
APPENDIX_B_PAIRS = [
    ("Mathieu Jaminet", "Matthieu Jaminet"), ("Harry Gottsacker", "Moritz Kranz"),
    ("Felipe De Oliveira Nasr", "Felipe Nasr"), ("Devlin DeFrancesco", "Devlin Defrancesco"),
    ("Misha Goikhberg", "Stephen Simpson"), ("Maxi Buhk", "Maximilian Buhk"),
    ("Ashton Harrison", "Ashton Harrison-Henry"), ("Anders Fjorback", "Anders Fjordbach"),
    ("Dan Goldburg", "Daniel Goldburg"), ("CR Crews", "R Crews"), ("Alex Riberas", "Alex Riberas Bou"),
    ("Mateo LLarena", "Mateo Llarena"), ("Jesse Krohn", "Jesse Kurki-Suonio"),
    ("Rinus Van Kalmthout", "Rinus VeeKay"), ("Rinus VeeKay", "Rinus Veekay"),
    ("Juan Pablo Montoya", "Sebastian Montoya"), ("Alex Vogel", "James French"),
    ("Gunnar Jeannette", "PJ Hyett"), ("Marvin Kirchhofer", "Marvin Kirchhöfer"),
    ("Giammaria Bruni", "Gianmaria Bruni"), ("Larry Voorde", "Larry ten Voorde"),
    ("Shane Lewis", "Shane lewis"), ("Jon Bennett", "Jonathan Bennett"),
    ("Augusto Farfus", "Augusto Farfus dos Santos Junior"), ("Giacomo Altoe", "Giacomo Altoè"),
    ("Job Van Uitert", "Job van Uitert"), ("Marvin Kirchofer", "Marvin Kirchöfer"),
    ("Mathias BECHE", "Mathias Beche"), ("Antonio Seravalle", "Antonio Serravalle"),
    ("Dillon Machavern", "Dilon Machavern"), ("Luca Stolz", "Lucas Stolz"),
    ("Joel Miller", "Jon Miller"), ("Matt Bell", "Matthew Bell"), ("Patrick Liddy", "Patrick Lindsey"),
    ("Eddie Cheever", "Edward Cheever"), ("Seb Priaulx", "Sebastian Priaulx"),
    ("Albert Costa", "Albert Costa Balboa"), ("Albert Costa", "Antonio Felix da Costa"),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b"), APPENDIX_B_PAIRS)
def test_appendix_b_identity_decisions(pb: pitboard.Pitboard, a: str, b: str) -> None:
    ids = {
        name: {r[0] for r in sql(pb, "SELECT DISTINCT driver_id FROM entry_drivers WHERE name_raw = ?", [name])}
        for name in (a, b)
    }
    assert all(len(v) == 1 for v in ids.values()), ids
    if ids[a] == ids[b]:
        return
    reasons = sql(
        pb,
        "SELECT reason FROM driver_aliases WHERE decision = 'distinct' AND ((name = ? AND other = ?) OR (name = ? AND other = ?))",
        [a, b, b, a],
    )
    assert reasons and reasons[0][0].strip(), f"{a} / {b}: two people, but no reason recorded"
