"""Statistics: every definition checked against the official files, identity, scopes, coverage.

The independent checks recompute figures straight from the raw CSV files with Python's csv
module (applying IMSA's later decisions by hand), not through pitboard's tables.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

import pitboard
from conftest import BUNDLED, sql
from pitboard import stats
from pitboard.cli import main
from pitboard.domain.names import driver_key
from pitboard.domain.timefmt import parse_duration_ms
from pitboard.refdata import load as load_refdata

NON_CHAMPIONSHIP = {"01-roar-before-the-24", "03-sebring-february-test", "03-february-imsa-sanctioned-test"}
# Official class orders after IMSA's later decisions, written out independently of the code.
MOVED_TO = {  # (season, folder, class, number) -> official class position
    (2021, "05-sebring-international-raceway", "DPI", "48"): 7,
    (2022, "10-belle-isle-street-course", "DPI", "31"): 6,
    (2023, "12-watkins-glen-international", "GTP", "6"): 9,
    (2024, "17-tire-rack.com-battle-on-the-bricks", "GTP", "40"): 11,
    (2024, "17-tire-rack.com-battle-on-the-bricks", "GTP", "6"): 10,
    (2025, "02-daytona-international-speedway", "LMP2", "8"): 12,
    # issue 9: the decisions below the top class
    (2021, "05-sebring-international-raceway", "LMP2", "22"): 5,
    (2022, "08-mid-ohio-sports-car-course", "GTD", "70"): 11,
    (2022, "06-long-beach-street-circuit", "GTDPRO", "25"): 6,
    (2024, "12-watkins-glen-international", "GTD", "120"): 21,
    (2025, "14-watkins-glen-international", "GTDPRO", "65"): 10,
}
# Cars whose qualifying times IMSA disallowed or that it moved back in the qualifying order
# (they cannot hold a pole), written out by hand for the seasons the pole test covers.
QUALIFYING_MOVED_BACK = {
    (2024, "05-sebring-international-raceway", "GTD"): {"57", "13", "17", "023"},
    (2024, "05-sebring-international-raceway", "GTDPRO"): {"3", "4"},
    (2024, "17-tire-rack.com-battle-on-the-bricks", "GTDPRO"): {"77"},
    (2023, "07-sebring-international-raceway", "GTD"): {"57"},
    (2023, "07-sebring-international-raceway", "GTDPRO"): {"79"},
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    header = [h.strip() for h in table[0]]
    return [dict(zip(header, row, strict=False)) for row in table[1:]]


def _drivers(row: dict[str, str]) -> list[str]:
    return [
        f"{row.get(f'DRIVER{k}_FIRSTNAME', '')} {row.get(f'DRIVER{k}_SECONDNAME', '')}"
        for k in range(1, 7)
        if (row.get(f"DRIVER{k}_FIRSTNAME") or row.get(f"DRIVER{k}_SECONDNAME"))
    ]


@pytest.fixture(scope="module")
def raw_races() -> list[dict]:
    """Every championship race from the raw files: cars with official class positions."""
    races = []
    for path in sorted(BUNDLED.glob("*/*/*-race-results.csv")):
        season, folder = int(path.parts[-3]), path.parts[-2]
        if folder in NON_CHAMPIONSHIP or (season == 2024 and folder.startswith("24-")):
            continue
        cars = _rows(path)
        by_class: dict[str, list[dict]] = defaultdict(list)
        for car in sorted((c for c in cars if c["POSITION"]), key=lambda c: int(c["POSITION"])):
            by_class[car["CLASS"].replace(" ", "").upper()].append(car)
        for cls, order in by_class.items():
            for number_pos in sorted(
                ((n, p) for (s, f, c, n), p in MOVED_TO.items() if (s, f, c) == (season, folder, cls)),
                key=lambda x: x[0] != "40",
            ):
                car = next(c for c in order if c["NUMBER"] == number_pos[0])
                order.remove(car)
                order.insert(number_pos[1] - 1, car)
            for pos, car in enumerate(order, start=1):
                car["class_pos"] = pos
        races.append({"season": season, "folder": folder, "cars": cars})
    assert len(races) == 52
    return races


@pytest.fixture(scope="module")
def ids(pb: pitboard.Pitboard) -> dict[str, str]:
    return dict(sql(pb, "SELECT DISTINCT name_raw, driver_id FROM entry_drivers"))


def _board(pb: pitboard.Pitboard, metric: str, **scope) -> dict[str, int]:
    frame = stats.leaders(pb, metric, scope=stats.Scope(**scope), limit=10_000).frame()
    return dict(zip(frame["key"], frame["value"], strict=True))


def _chosen_cars(race: dict, ids: dict[str, str]) -> dict[str, dict]:
    """driver_id → the one car a driver's start counts with: a started car, the better class
    position, then the lower number (a third driver at Daytona can be on two cars)."""
    chosen: dict[str, dict] = {}
    for car in race["cars"]:
        if car["STATUS"] == "Not started" or int(car["LAPS"] or 0) == 0:
            continue
        for name in _drivers(car):
            best = chosen.get(ids[name])
            if best is None or (car.get("class_pos", 999), car["NUMBER"]) < (
                best.get("class_pos", 999),
                best["NUMBER"],
            ):
                chosen[ids[name]] = car
    return chosen


def _winner_total_ms(race: dict) -> int:
    """The total time of the car that took the flag first (overall P1 as exported)."""
    first = min((c for c in race["cars"] if c["POSITION"]), key=lambda c: int(c["POSITION"]))
    return parse_duration_ms(first["TOTAL_TIME"])


def test_starts_wins_podiums_top5s_dnfs_match_the_files(
    pb: pitboard.Pitboard, raw_races: list[dict], ids: dict[str, str]
) -> None:
    """Every driver's starts, wins, podiums, top 5s and DNFs, recomputed from the raw files
    (DNF: a start whose total time is short of the winner's: DEFINITIONS.md finish status)."""
    starts, wins, podiums, top5s, dnfs = Counter(), Counter(), Counter(), Counter(), Counter()
    for race in raw_races:
        winner_ms = _winner_total_ms(race)
        for driver, car in _chosen_cars(race, ids).items():
            starts[driver] += 1
            wins[driver] += car.get("class_pos") == 1
            podiums[driver] += car.get("class_pos", 99) <= 3
            top5s[driver] += car.get("class_pos", 99) <= 5
            dnfs[driver] += parse_duration_ms(car["TOTAL_TIME"]) < winner_ms - 1
    assert _board(pb, "starts") == {k: v for k, v in starts.items() if v}
    assert _board(pb, "wins") == {k: v for k, v in wins.items() if v}
    assert _board(pb, "podiums") == {k: v for k, v in podiums.items() if v}
    assert _board(pb, "top5s") == {k: v for k, v in top5s.items() if v}
    assert _board(pb, "dnfs") == {k: v for k, v in dnfs.items() if v}
    # the same figures through a driver's answer (computed in Python, not SQL)
    for name in ("tom-blomqvist", "laurens-vanthoor", "bryan-sellers", "gar-robinson"):
        figures = stats.subject_stats(pb, "driver", name.replace("-", " ")).figures
        assert (figures.starts, figures.top5s, figures.dnfs) == (starts[name], top5s[name], dnfs[name]), name


def test_fastest_race_laps_match_the_files(pb: pitboard.Pitboard, raw_races: list[dict], ids: dict[str, str]) -> None:
    """The lowest FL_TIME of the class; a tie goes to the car that set it first (lower FL_LAPNUM)."""

    def key(car: dict) -> tuple[int, int]:
        return parse_duration_ms(car["FL_TIME"]), int(car.get("FL_LAPNUM") or 10**6)

    fastest = Counter()
    for race in raw_races:
        best: dict[str, tuple[int, int]] = {}
        for car in race["cars"]:
            if car["FL_TIME"] and car["STATUS"] != "Not started" and int(car["LAPS"] or 0) > 0:
                cls = car["CLASS"].replace(" ", "").upper()
                best[cls] = min(best.get(cls, (10**12, 0)), key(car))
        for driver, car in _chosen_cars(race, ids).items():
            cls = car["CLASS"].replace(" ", "").upper()
            if car["FL_TIME"] and key(car) == best.get(cls):
                fastest[driver] += 1
    assert _board(pb, "fastest-laps") == dict(fastest)


def test_fastest_lap_tie_goes_to_the_car_that_set_it_first(pb: pitboard.Pitboard) -> None:
    """2021 Sebring DPi: No. 31 (lap 120) and No. 01 (lap 157) both did 1:46.151; No. 31 was first."""
    rows = sql(
        pb,
        "SELECT number, fastest_lap FROM race_results WHERE season = 2021 AND class = 'DPI' "
        "AND event_name = 'Mobil 1 Twelve Hours of Sebring' AND best_lap_ms = 106151 ORDER BY number",
    )
    assert rows == [("01", False), ("31", True)]


@pytest.mark.parametrize("season", [2023, 2024])
def test_poles_match_the_qualifying_files(pb: pitboard.Pitboard, ids: dict[str, str], season: int) -> None:
    """2023-24: the Rolex 24 grid came from the Roar qualifying, every other from the event's."""
    poles = Counter()
    for folder in sorted(p.name for p in (BUNDLED / str(season)).iterdir()):
        if folder in NON_CHAMPIONSHIP or folder.startswith("24-"):
            continue
        where = "01-roar-before-the-24" if folder.startswith("02-daytona") else folder
        quali = next((BUNDLED / str(season) / where).glob("*-qualifying-results.csv"))
        race_classes = {
            r["CLASS"].replace(" ", "").upper()
            for r in _rows(next((BUNDLED / str(season) / folder).glob("*-race-results.csv")))
        }
        firsts: dict[str, dict] = {}
        for row in sorted(_rows(quali), key=lambda r: int(r["POS"])):
            cls = row["CLASS"].replace(" ", "").upper()
            if row["NUMBER"] not in QUALIFYING_MOVED_BACK.get(
                (season, where if where != "01-roar-before-the-24" else folder, cls), ()
            ):
                firsts.setdefault(cls, row)
        for cls, row in firsts.items():
            if cls in race_classes and row["TIME"]:
                for name in _drivers(row):
                    poles[ids[name]] += 1
    assert _board(pb, "poles", season=season) == dict(poles)


def test_laps_led_match_the_laps_file(pb: pitboard.Pitboard) -> None:
    path = BUNDLED / "2023/21-road-atlanta/202310141140-race-laps.csv"
    first: dict[tuple[str, str], tuple[int, str]] = {}
    for row in _rows(path):
        key = (row["CLASS"].upper(), row["LAP_NUMBER"])
        elapsed = parse_duration_ms(row["ELAPSED"])
        if key not in first or (elapsed, row["NUMBER"]) < first[key]:
            first[key] = (elapsed, row["NUMBER"])
    led = Counter(number for _, number in first.values())
    computed = dict(
        sql(
            pb,
            "SELECT number, laps_led FROM race_results WHERE session_id = '2023/21-road-atlanta/202310141140-race' AND laps_led > 0",
        )
    )
    assert computed == dict(led)


def test_blomqvist_2023(pb: pitboard.Pitboard) -> None:
    answer = stats.subject_stats(pb, "driver", "Blomqvist", stats.Scope(season=2023))
    assert answer.subject["name"] == "Tom Blomqvist" and answer.resolution.how == "surname"
    assert (answer.figures.starts, answer.figures.wins) == (9, 3)
    # class-aware coverage (issue 9): GTP raced 9 of the 11 rounds of 2023 (not Lime Rock, VIR)
    assert answer.coverage.complete and answer.coverage.rounds_present == 9
    assert answer.figures.laps_led_races_without_data == ["Rolex 24 At Daytona 2023"]
    wgl = next(r for r in answer.races if r["event_name"].startswith("Sahlen"))
    assert wgl["class_position"] == 3 and wgl["corrected"]  # No. 6 moved to the rear: No. 60 third


def test_as_of_a_date_and_every_edition_of_an_event(pb: pitboard.Pitboard) -> None:
    early = stats.subject_stats(pb, "driver", "Tom Blomqvist", stats.Scope(season=2023, until=dt.date(2023, 6, 30)))
    assert (early.figures.starts, early.figures.wins) == (5, 1)
    petit = stats.subject_stats(pb, "driver", "Tom Blomqvist", stats.Scope(event="petit le mans"))
    assert [r["season"] for r in petit.races] == [2022, 2023, 2024]
    assert not petit.coverage.complete and petit.coverage.missing_events == ["Motul Petit Le Mans 2025 (11 Oct 2025)"]


def test_sebring_2023_won_by_no_31(pb: pitboard.Pitboard) -> None:
    car = stats.subject_stats(pb, "car", "#31", stats.Scope(season=2023))
    sebring = next(r for r in car.races if r["event_name"] == "Mobil 1 Twelve Hours of Sebring")
    assert sebring["class_position"] == 1 and sebring["class"] == "GTP"
    assert stats.subject_stats(pb, "car", "No. 31", stats.Scope(season=2023)).subject["car_id"] == car.subject["car_id"]
    winners = stats.winners(pb, 2023, "GTP").frame()
    assert winners[winners["event_name"] == "Mobil 1 Twelve Hours of Sebring"]["number"].tolist() == ["31"]


def test_no_pole_when_no_car_set_a_time(pb: pitboard.Pitboard) -> None:
    grid = sql(
        pb,
        "SELECT pole_number, note FROM grids WHERE event_id = '2023/12-watkins-glen-international' AND class = 'GTP'",
    )
    assert grid == [(None, "no car of the class set a time: no pole")]
    poles = stats.subject_stats(
        pb, "manufacturer", "Porsche", stats.Scope(season=2023, event="watkins glen", cls="GTP")
    )
    assert poles.figures.poles == 0 and not any(r["pole"] for r in poles.races)


def test_laps_led_is_not_available_for_the_rolex_24(pb: pitboard.Pitboard) -> None:
    answer = stats.subject_stats(pb, "driver", "Tom Blomqvist", stats.Scope(season=2023, event="rolex 24"))
    assert answer.figures.starts == 1 and answer.figures.wins == 1
    assert answer.figures.laps_led is None and answer.races[0]["laps_led"] is None
    assert answer.figures.starts_drove_a_lap is None


def test_identity_cases(pb: pitboard.Pitboard) -> None:
    assert stats.subject_stats(pb, "driver", "Matthieu Jaminet").subject["name"] == "Mathieu Jaminet"
    nasr = stats.subject_stats(pb, "driver", "Felipe De Oliveira Nasr")
    assert nasr.subject["name"] == "Felipe Nasr" and "Felipe De Oliveira Nasr" in nasr.subject["spellings"]
    assert stats.subject_stats(pb, "driver", "Blmoqvist").subject["name"] == "Tom Blomqvist"
    assert stats.subject_stats(pb, "driver", "T. Blomqvist").resolution.how == "initial"
    with pytest.raises(pitboard.AmbiguousNameError) as error:
        stats.subject_stats(pb, "driver", "Taylor")
    assert any(c.startswith("Jordan Taylor") for c in error.value.candidates)
    assert any(c.startswith("Ricky Taylor") for c in error.value.candidates)
    assert stats.subject_stats(pb, "team", "vassersullivan").subject["name"].lower().startswith("vasser")
    with pytest.raises(pitboard.AmbiguousNameError):
        stats.subject_stats(pb, "car", "23", stats.Scope())  # many cars wore 23 over the years


def test_coverage_names_the_missing_rounds(pb: pitboard.Pitboard) -> None:
    y2021 = stats.subject_stats(pb, "driver", "Ricky Taylor", stats.Scope(season=2021))
    assert not y2021.coverage.complete and y2021.coverage.missing_events == [
        "Chevrolet Sports Car Classic 2021 (12 Jun 2021)"
    ]
    cov = stats.leaders(pb, "wins", scope=stats.Scope(season=2025)).coverage
    assert not cov.complete and len(cov.missing_events) == 4 and cov.rounds_in_scope == 11
    # 2023: the WeatherTech Championship did not race at Detroit (docs/conventions.md): complete.
    cov = stats.leaders(pb, "wins", scope=stats.Scope(season=2023)).coverage
    assert cov.complete and cov.rounds_in_scope == 11
    # GTP did not race in 2025 at VIR: the class scope leaves that round out.
    cov = stats.leaders(pb, "wins", scope=stats.Scope(season=2025, cls="GTP")).coverage
    assert not any("VIR" in m for m in cov.missing_events)


def test_a_driver_on_two_cars_has_one_start(pb: pitboard.Pitboard) -> None:
    """Cooper MacNeil was listed on both No. 79 and No. 97 at the 2022 Rolex 24 and Sebring."""
    answer = stats.subject_stats(pb, "driver", "Cooper MacNeil", stats.Scope(season=2022))
    sessions = [r["session_id"] for r in answer.races]
    assert len(sessions) == len(set(sessions)) == answer.figures.starts
    two = [r for r in answer.races if len(r["all_cars"]) == 2]
    assert len(two) == 2
    herta = stats.subject_stats(pb, "driver", "Colton Herta", stats.Scope(season=2023, event="rolex 24"))
    assert herta.figures.starts == 1 and herta.figures.laps_completed < 800
    h2h = stats.head_to_head(pb, "Cooper MacNeil", "Jules Gounon", stats.Scope(season=2022, event="sebring"))
    assert h2h["same_car"] == 1 and h2h["races_together"] == 0


def test_head_to_head_counts_who_finished_ahead(pb: pitboard.Pitboard) -> None:
    """'a_ahead' counts the races where A's class position is better (lower), recomputed from
    each driver's own race list."""
    h2h = stats.head_to_head(pb, "Pipo Derani", "Tom Blomqvist")
    a = {r["session_id"]: r for r in stats.subject_stats(pb, "driver", "Pipo Derani").races if r["started"]}
    b = {r["session_id"]: r for r in stats.subject_stats(pb, "driver", "Tom Blomqvist").races if r["started"]}
    shared = [s for s in a if s in b and a[s]["class"] == b[s]["class"] and a[s]["number"] != b[s]["number"]]
    a_ahead = sum(1 for s in shared if (a[s]["class_position"] or 999) < (b[s]["class_position"] or 999))
    assert h2h["races_together"] == len(shared) > 15
    assert (h2h["a_ahead"], h2h["b_ahead"]) == (a_ahead, len(shared) - a_ahead) and a_ahead != len(shared) - a_ahead
    first = h2h["races"][0]
    assert (first["a_finish"] < first["b_finish"]) == (a[shared[0]]["class_position"] < b[shared[0]]["class_position"])


def test_head_to_head_and_streaks(pb: pitboard.Pitboard) -> None:
    h2h = stats.head_to_head(pb, "Jordan Taylor", "Ricky Taylor")
    assert h2h["races_together"] == h2h["a_ahead"] + h2h["b_ahead"] and h2h["races_together"] > 0
    assert h2h["same_car"] == 0  # never in the same car: Corvette / WTR No. 10, then WTR No. 40 / No. 10
    crew = stats.head_to_head(pb, "Tom Blomqvist", "Colin Braun", stats.Scope(season=2023))
    assert crew["same_car"] == 9 and crew["races_together"] == 0
    records = stats.subject_stats(pb, "driver", "Tom Blomqvist").records
    assert records["win"]["first"] == "Rolex 24 At Daytona 2022"
    # his 2025 Watkins Glen win was his first since Petit Le Mans 2023
    assert (
        records["win"]["last"] == "Sahlen's Six Hours of The Glen 2025"
        and records["win"]["previous"] == "Motul Petit Le Mans 2023"
    )
    assert records["podium"]["longest_streak"] >= records["podium"]["current_streak"]


def test_leaderboard_includes_ties_at_the_cut(pb: pitboard.Pitboard) -> None:
    frame = stats.leaders(pb, "wins", limit=3).frame()
    assert (frame["rank"] <= 3).all() and len(frame) >= 3
    full = stats.leaders(pb, "wins", limit=10_000).frame()
    cut = full[full["rank"] <= 3]
    assert len(frame) == len(cut)


@pytest.mark.parametrize(
    ("kind", "name", "extra"),
    [
        ("driver", "Blomqvist", []),
        ("car", "31", ["--season", "2023"]),
        ("team", "Penske", []),
        ("manufacturer", "Acura", ["--class", "GTP"]),
    ],
)
def test_stats_json_contract(full_db: Path, kind: str, name: str, extra: list[str]) -> None:
    result = CliRunner().invoke(main, ["stats", kind, name, *extra, "--json", "--db", str(full_db)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in ("starts", "wins", "podiums", "poles", "fastest_laps"):
        assert isinstance(data[key], int) and not isinstance(data[key], bool)
    assert data["laps_led"] is None or isinstance(data["laps_led"], int)
    assert isinstance(data[kind]["name"], str)
    assert isinstance(data["coverage"]["complete"], bool) and isinstance(data["coverage"]["missing_events"], list)


def test_stats_cli_table_and_leaders(full_db: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(
        main, ["stats", "driver", "blomqvist", "--season", "2023", "--races", "--db", str(full_db)]
    ).output
    assert "Starts 9 · Wins 3" in out and "Coverage: complete" in out and "n/a" in out
    out = runner.invoke(main, ["stats", "driver", "taylor", "--db", str(full_db)])
    assert out.exit_code == 1 and "Jordan Taylor" in out.output and "Ricky Taylor" in out.output
    out = runner.invoke(main, ["leaders", "wins", "--season", "2021", "--db", str(full_db)]).output
    assert "Coverage: INCOMPLETE" in out and "Chevrolet Sports Car Classic 2021" in out
    data = json.loads(runner.invoke(main, ["leaders", "poles", "--by", "team", "--json", "--db", str(full_db)]).output)
    assert data["leaders"][0]["rank"] == 1 and data["coverage"]["complete"] is False
    out = runner.invoke(main, ["winners", "2024", "--class", "GTP", "--db", str(full_db)]).output
    assert "#7" in out and "Rolex 24" in out


def test_aliases_folded_for_every_raw_name(ids: dict[str, str]) -> None:
    ref = load_refdata()
    for row in ref.driver_aliases:
        assert ids[row["alias"]] == ids.get(row["canonical"], ids[row["alias"]])
        assert driver_key(row["alias"])


def test_since_and_until_include_the_race_on_that_day(pb: pitboard.Pitboard) -> None:
    """Mutation run (docs/mutation.md): ``race_date >= since`` turned into ``>`` went unnoticed.
    A scope from and to the day of the 2023 Sebring 12 Hours holds that one round and that start."""
    day = dt.date(2023, 3, 18)
    one = stats.subject_stats(pb, "driver", "Tom Blomqvist", stats.Scope(since=day, until=day))
    assert (one.coverage.rounds_in_scope, one.coverage.rounds_present, one.coverage.complete) == (1, 1, True)
    assert one.figures.starts == 1 and [r["event_name"] for r in one.races] == ["Mobil 1 Twelve Hours of Sebring"]
    after = stats.subject_stats(pb, "driver", "Tom Blomqvist", stats.Scope(season=2023, since=day))
    season = stats.subject_stats(pb, "driver", "Tom Blomqvist", stats.Scope(season=2023))
    assert after.coverage.rounds_in_scope == season.coverage.rounds_in_scope - 1  # only the Rolex 24 is before


@pytest.mark.full
@pytest.mark.parametrize(
    ("kind", "name", "scope", "car_team"),
    [
        ("driver", "Russell Ward", stats.Scope(season=2024), None),
        ("driver", "Pipo Derani", stats.Scope(since=dt.date(2022, 1, 1), until=dt.date(2024, 6, 30)), None),
        ("driver", "Jordan Taylor", stats.Scope(cls="GTDPRO"), None),  # two classes, two cars at a race
        ("team", "Vasser Sullivan", stats.Scope(season=2023, event="Long Beach"), None),
        ("manufacturer", "Porsche", stats.Scope(season=2025, until=dt.date(2025, 6, 1)), None),
        ("car", "57", stats.Scope(season=2024), "Winward Racing"),
        ("car", "31", stats.Scope(), "Whelen"),  # one number of one team across seasons: '|'-joined cars
        ("car", "3", stats.Scope(cls="GTDPRO", until=dt.date(2025, 6, 1)), "Corvette Racing"),
    ],
)
def test_the_row_cache_gives_the_rows_of_the_scoped_queries(
    pb: pitboard.Pitboard, kind: str, name: str, scope: stats.Scope, car_team: str | None
) -> None:
    """``subject_row_cache`` (one article's check) reads a subject's rows once and scopes them in
    Python: the answers must be those of the scoped SQL, row for row."""
    from pitboard.queries.stats import subject_row_cache

    direct = stats.subject_stats(pb, kind, name, scope, car_team=car_team)
    with subject_row_cache():
        stats.subject_stats(pb, kind, name, stats.Scope(), car_team=car_team)  # fills the cache unscoped
        cached = stats.subject_stats(pb, kind, name, scope, car_team=car_team)
    assert cached.races == direct.races and cached.poles == direct.poles
    assert cached.figures == direct.figures and direct.figures.starts > 0


@pytest.mark.full
@pytest.mark.parametrize(
    ("kind", "names"),
    [
        ("driver", ["Jordan Taylor", "Pipo Derani", "Russell Ward", "Antonio Garcia", "Ben Keating"]),
        ("team", ["Vasser Sullivan", "Corvette Racing", "Wayne Taylor Racing", "Paul Miller Racing"]),
        ("manufacturer", ["Porsche", "Acura", "Lamborghini"]),
    ],
)
def test_subjects_read_together_give_the_rows_of_one_subject_at_a_time(
    pb: pitboard.Pitboard, monkeypatch: pytest.MonkeyPatch, kind: str, names: list[str]
) -> None:
    """``prefetch`` (an article's drivers, teams or makes in three queries) fills the cache with
    exactly the rows, crews and poles that one subject's own queries give, for every scope: a
    driver on two cars of one race, subjects with poles, a team's crews with every driver."""
    from pitboard.queries import stats as sq
    from pitboard.queries.stats import prefetch, subject_row_cache

    def one_at_a_time(*args: object, **kwargs: object) -> None:
        raise AssertionError("a subject read on its own: the batch missed it")

    keys = [stats.subject_races(pb, kind, n).resolution.key for n in names]
    scopes = [
        stats.Scope(),
        stats.Scope(season=2023),
        stats.Scope(cls="GTDPRO"),
        stats.Scope(season=2021, event="Daytona"),
    ]
    crews = poles = 0
    for scope in scopes:
        direct = [stats.subject_stats(pb, kind, n, scope) for n in names]
        crews += sum(bool(r.get("co_drivers") or r.get("drivers")) for d in direct for r in d.races)
        poles += sum(len(d.poles) for d in direct)
        with subject_row_cache(), monkeypatch.context() as m:
            prefetch(pb.db, kind, keys)
            m.setattr(sq, "_race_rows", one_at_a_time)
            m.setattr(sq, "_pole_rows", one_at_a_time)
            batched = [stats.subject_stats(pb, kind, n, scope) for n in names]
        for d, b in zip(direct, batched, strict=True):
            assert b.races == d.races and b.poles == d.poles and b.figures == d.figures
    assert crews and poles
