"""Issue 11: one library for every face: safe under threads, one way to read input, clear errors."""

from __future__ import annotations

import dataclasses
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import pitboard
from pitboard import analysis, standings, stats
from pitboard.cli import main

pytestmark = pytest.mark.full


def _canon(value: Any) -> str:
    """A comparable text of an answer (frames' list columns are numpy arrays)."""
    return json.dumps(value, sort_keys=True, default=lambda o: o.tolist() if hasattr(o, "tolist") else str(o))


def _questions(pb: pitboard.Pitboard) -> list[tuple[str, Any]]:
    """A mix of the library's questions, each returning something comparable."""
    ref = pb.session(2023, "petit le mans")
    return [
        ("driver", lambda: stats.subject_stats(pb, "driver", "Blomqvist").to_dict()),
        ("team", lambda: stats.subject_stats(pb, "team", "Penske", stats.Scope(season=2024)).to_dict()),
        ("leaders", lambda: stats.leaders(pb, "wins", by="team").to_dict()),
        ("winners", lambda: stats.winners(pb, 2022, "GTD").to_dict()),
        ("standings", lambda: standings.compute(pb, 2023, "GTP").to_dict()),
        ("gtd", lambda: standings.compute(pb, 2024, "GTD", "teams", "watkins glen").to_dict()),
        ("results", lambda: pb.results(2023, "watkins glen").to_dict("records")),
        ("h2h", lambda: stats.head_to_head(pb, "Derani", "Albuquerque").to_dict()),
        ("positions", lambda: analysis.positions(pb, ref, "GTP").to_dict("records")),
        ("stints", lambda: analysis.stints(pb, ref, "GTD").to_dict("records")),
    ]


def test_one_handle_serves_sixteen_threads(full_db: Path) -> None:
    """16 threads asking mixed questions of one fresh handle get exactly the single-thread answers
    (fresh handles, so the memoised lookups are first computed concurrently)."""
    with pitboard.open(full_db) as alone:
        expected = {name: _canon(ask()) for name, ask in _questions(alone)}
    with pitboard.open(full_db) as shared:
        questions = _questions(shared) * 5
        with ThreadPoolExecutor(max_workers=16) as pool:
            answers = list(pool.map(lambda q: (q[0], _canon(q[1]())), questions))
    assert len(answers) == len(questions)
    for name, answer in answers:
        assert answer == expected[name], name


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["winners", "2022", "--class", "GTX"],
            "no class 'GTX' in 2022 (choose one of: DPi; LMP2; LMP3; GTD PRO; GTD)",
        ),
        (["winners", "23"], "no season 23 in the data"),
        (["leaders", "wins", "--season", "2019"], "no season 2019 in the data"),
        (["stats", "driver", "Blomqvist", "--class", "GTX"], "no class 'GTX'"),
        (["standings", "2023", "--class", "GTP", "--championship", "manufacturers", "--after", "nowhere"], "no event"),
        (["race", "2023", "sebring", "--chart", "pace", "--out", "x.pdf"], "choose one of: .png; .svg"),
        (["race", "2023", "sebring", "--chart", "pace", "--out", "x.jpg"], "choose one of: .png; .svg"),
    ],
)
def test_questions_that_cannot_be_answered_fail_with_one_line(full_db: Path, args: list[str], words: str) -> None:
    """Never an empty table with exit 0, never a traceback: one line, non-zero, what is valid."""
    out = CliRunner().invoke(main, [*args, "--db", str(full_db)])
    assert out.exit_code in (1, 2), out.output
    assert words in out.output
    assert len(out.output.strip().splitlines()) == 1 and "Traceback" not in out.output
    assert out.exception is None or isinstance(out.exception, SystemExit)


def test_bad_input_and_unknown_names_are_told_apart(full_db: Path) -> None:
    bad = CliRunner().invoke(main, ["winners", "2022", "--class", "GTX", "--db", str(full_db)])
    unknown = CliRunner().invoke(main, ["stats", "driver", "Zzyzx Qqq", "--db", str(full_db)])
    assert bad.exit_code == 2 and unknown.exit_code == 1 and "candidates:" in unknown.output


@pytest.mark.parametrize(
    ("kind", "typed", "expected", "how"),
    [
        ("team", "AXR", "Whelen Engineering Racing", "nickname"),
        ("team", "Action Express", "Whelen Engineering Racing", "nickname"),
        ("team", "MSR", "Meyer Shank Racing w/ Curb Agajanian", "nickname"),
        ("team", "Rahal", "BMW M Team RLL", "nickname"),
        ("team", "WTR", "Wayne Taylor Racing", "initials"),
        ("driver", "Pipo", "Pipo Derani", "first name"),
        ("driver", "Helio", "Helio Castroneves", "first name"),
        ("manufacturer", "Chevy", "Chevrolet", "alias"),
    ],
)
def test_names_people_use(pb: pitboard.Pitboard, kind: str, typed: str, expected: str, how: str) -> None:
    answer = stats.subject_stats(pb, kind, typed)
    assert (answer.subject["name"], answer.resolution.how) == (expected, how)


def test_event_short_forms_and_years(pb: pitboard.Pitboard, full_db: Path) -> None:
    assert pb.event(2023, "WGL").event_name == "Sahlen's Six Hours of The Glen"
    assert pb.event(2023, "the Glen").event_name == "Sahlen's Six Hours of The Glen"
    assert pb.event(2023, "Mosport").event_name == "Chevrolet Grand Prix"
    with pytest.raises(pitboard.AmbiguousNameError):  # 2021 raced twice at the Glen
        pb.event(2021, "WGL")
    since = CliRunner().invoke(
        main, ["stats", "driver", "Blomqvist", "--since", "2024", "--json", "--db", str(full_db)]
    )
    until = CliRunner().invoke(
        main, ["stats", "driver", "Blomqvist", "--until", "2023", "--json", "--db", str(full_db)]
    )
    data_since, data_until = json.loads(since.output), json.loads(until.output)
    assert data_since["scope"]["since"] == "2024-01-01" and data_until["scope"]["until"] == "2023-12-31"
    career = stats.subject_stats(pb, "driver", "Blomqvist").figures.starts
    assert data_since["starts"] + data_until["starts"] == career


def test_a_car_number_of_one_team_across_seasons(pb: pitboard.Pitboard) -> None:
    answer = stats.subject_stats(pb, "car", "31", car_team="whelen")
    seasons = [stats.subject_stats(pb, "car", "31", stats.Scope(season=y)).figures for y in range(2021, 2026)]
    assert answer.figures.starts == sum(f.starts for f in seasons) and answer.figures.wins == sum(
        f.wins for f in seasons
    )
    assert answer.subject["name"] == "#31 Whelen Engineering Racing (2021–2025)"


def test_garage_time_is_not_drive_time(pb: pitboard.Pitboard) -> None:
    """2023 Petit Le Mans No. 6: a 1:50:41 lap in the garage is Jaminet's, but not driving."""
    ref = pb.session(2023, "petit le mans")
    frame = analysis.drive_time(pb, ref, "GTP")
    jaminet = frame[(frame["number"] == "6") & (frame["driver"] == "Mathieu Jaminet")].iloc[0]
    assert jaminet["stopped_ms"] > 105 * 60_000
    assert jaminet["drive_ms_excl_pit_lane"] < 2 * 3_600_000 + 15 * 60_000 < jaminet["drive_ms"]
    stints = analysis.stints(pb, ref, "GTP")
    assert stints[stints["number"] == "6"]["stopped_ms"].sum() == jaminet["stopped_ms"]
    assert frame[frame["number"] != "6"]["stopped_ms"].sum() == 0  # nobody else stopped


def test_a_red_flag_stoppage_is_not_drive_time(pb: pitboard.Pitboard) -> None:
    """2024 Watkins Glen: the 49-minute red flag. Each car's driver at the time has the stoppage
    (beyond the pit-lane time it spent) taken out of his drive time."""
    frame = analysis.drive_time(pb, pb.session(2024, "watkins glen"), "GTP")
    per_car = frame.groupby("number")["stopped_ms"].agg(["sum", "max", lambda s: int((s > 0).sum())])
    per_car.columns = ["sum", "max", "drivers"]
    assert (per_car["drivers"] <= 1).all()  # one driver per car was at the wheel
    stopped = per_car[per_car["drivers"] == 1]
    assert len(stopped) >= 10  # every car still running then (No. 63 had retired)
    assert stopped["max"].between(15 * 60_000, 25 * 60_000).all()
    assert (frame["drive_ms_excl_pit_lane"] <= frame["drive_ms"] - frame["stopped_ms"]).all()


@pytest.mark.parametrize("session", ["fp1", "qualifying"])
@pytest.mark.parametrize("kind", ["lap-chart", "gaps", "stints", "pace", "drive-time"])
def test_every_chart_of_practice_and_qualifying(pb: pitboard.Pitboard, tmp_path: Path, session: str, kind: str) -> None:
    """Charts of a practice or qualifying session draw, or say plainly why not (the running order
    charts are for races); none crashes."""
    from pitboard import charts

    ref = pb.session(2024, "sebring", session)
    out = tmp_path / f"{kind}.png"
    if kind in charts.RACE_ONLY_CHARTS:
        with pytest.raises(pitboard.NotAvailableError, match="applies to races"):
            charts.render(pb, ref, kind, "GTP", out)
        assert not out.exists()
    else:
        drawn = charts.render(pb, ref, kind, "GTP", out)
        assert out.stat().st_size > 10_000 and drawn["series"]


def _plotted(fig: Any) -> dict[str, tuple[list[float], list[float]]]:
    """number → (x, y) of every car line of a chart (lines carry the gid 'car:<number>')."""
    out = {}
    for ax in fig.axes:
        for line in ax.get_lines():
            gid = line.get_gid() or ""
            if gid.startswith("car:"):
                out[gid[4:]] = ([float(v) for v in line.get_xdata()], [float(v) for v in line.get_ydata()])
    return out


def test_the_lap_chart_plots_class_positions(pb: pitboard.Pitboard) -> None:
    """Petit Le Mans 2023 GTD: class positions (1 to the class size), not overall positions."""
    from pitboard import charts

    ref = pb.session(2023, "petit le mans")
    fig, drawn = charts.figure(pb, ref, "lap-chart", "GTD")
    lines = _plotted(fig)
    frame = analysis.positions(pb, ref, "GTD")
    assert set(lines) == set(drawn["series"]) == set(frame["number"])
    for number, (laps, ys) in lines.items():
        car = frame[frame["number"] == number].sort_values("lap")
        assert laps == [float(v) for v in car["lap"]]
        assert ys == [float(v) for v in car["class_position"]]
        assert ys != [float(v) for v in car["position"]]  # GTD runs behind the prototypes
    assert max(max(ys) for _, ys in lines.values()) == len(lines)


def test_the_gap_chart_plots_the_gap_to_the_leader_not_the_interval(pb: pitboard.Pitboard) -> None:
    from pitboard import charts

    ref = pb.session(2023, "petit le mans")
    fig, _ = charts.figure(pb, ref, "gaps", "GTP")
    frame = analysis.positions(pb, ref, "GTP")
    lines = _plotted(fig)
    assert len(lines) == frame["number"].nunique()
    differs = 0
    for number, (_, ys) in lines.items():
        car = frame[frame["number"] == number].sort_values("lap")
        assert ys == [v / 1000 for v in car["gap_to_leader_ms"]]
        differs += ys != [v / 1000 for v in car["interval_ms"].fillna(0)]
    assert differs >= len(lines) - 1  # only the leader's gap and interval agree (both zero)


def test_race_summary_is_an_answer_of_the_library(pb: pitboard.Pitboard) -> None:
    answer = analysis.summary(pb, pb.session(2023, "petit le mans"))
    data = answer.to_dict()
    assert list(data) == ["session_id", "class", "cautions", "laps_led", "pit_stops", "fastest_laps"]
    gtp_led = sum(r["laps_led"] for r in data["laps_led"] if r["class"] == "GTP")
    assert gtp_led == int(pb.results(2023, "petit le mans", cls="GTP")["laps"].max())  # every lap led by someone
    assert answer.pit_stops > 0 and answer.lead_changes > 0
    assert {r["class"] for r in data["fastest_laps"]} == {"GTP", "LMP2", "LMP3", "GTDPRO", "GTD"}
    rolex = analysis.summary(pb, pb.session(2023, "rolex 24"))
    assert rolex.cautions is None and "no laps file" in rolex.notes[0] and rolex.fastest_laps


def test_results_answer_names_only_its_classes_corrections(pb: pitboard.Pitboard) -> None:
    gtd = pb.classification(2025, "daytona", cls="GTD")
    lmp2 = pb.classification(2025, "daytona", cls="LMP2")
    assert gtd.corrections == () and [c["correction_id"] for c in lmp2.corrections] == ["2025-day-lmp2-8"]
    assert list(lmp2.to_dict())[:6] == ["season", "event", "session", "class", "corrections", "results"]
    assert lmp2.frame()["class_position"].tolist() == list(range(1, len(lmp2.rows) + 1))


def test_race_views_read_like_a_person_writes(full_db: Path) -> None:
    """--car filters, drivers by name, cars in numeric order, readable headings."""
    run = CliRunner()
    out = run.invoke(
        main, ["race", "2023", "petit le mans", "stints", "--car", "6", "--car", "#7", "--db", str(full_db)]
    )
    assert out.exit_code == 0, out.output
    lines = [ln for ln in out.output.splitlines() if ln[:2] in ("6 ", "7 ")]
    assert lines and {ln.split()[0] for ln in lines} == {"6", "7"}
    assert "Nick Tandy" in out.output and "nick-tandy" not in out.output
    assert "No." in out.output and "Driver" in out.output
    drivers = run.invoke(main, ["race", "2023", "petit le mans", "drivers", "--class", "GTP", "--db", str(full_db)])
    order = [ln.split()[0] for ln in drivers.output.splitlines()[4:] if ln[:1].isdigit()]
    assert order == sorted(order, key=lambda n: (int(n), len(n)))  # 01, 5, 6, 7, 10, 24, ... not 01, 10, 24, 25, 31, 5
    bad = run.invoke(main, ["race", "2023", "petit le mans", "pits", "--car", "99", "--db", str(full_db)])
    assert bad.exit_code == 2 and "no car #99" in bad.output


def test_weather_summary_and_samples(pb: pitboard.Pitboard, full_db: Path) -> None:
    summary = analysis.weather_summary(pb, pb.session(2023, "petit le mans"))
    samples = analysis.weather(pb, pb.session(2023, "petit le mans"))
    air = summary[(summary["measure"] == "air temperature") & (summary["unit"] == "°C")].iloc[0]
    assert (air["min"], air["max"], air["samples"]) == (
        round(samples["air_temp_c"].min(), 1),
        round(samples["air_temp_c"].max(), 1),
        len(samples),
    )
    empty = CliRunner().invoke(main, ["race", "2023", "long beach", "weather", "--db", str(full_db)])
    assert "weather file of this session is empty" in empty.output
    rows = CliRunner().invoke(main, ["race", "2023", "petit le mans", "weather", "--samples", "--db", str(full_db)])
    assert len(rows.output.splitlines()) > len(samples)


def test_laps_command(full_db: Path, pb: pitboard.Pitboard) -> None:
    out = CliRunner().invoke(main, ["laps", "2023", "petit le mans", "--car", "6", "--json", "--db", str(full_db)])
    data = json.loads(out.output)
    laps = pb.laps(2023, "petit le mans", car="6")
    assert len(data["laps"]) == len(laps) and data["laps"][0]["driver"] == "Nick Tandy"
    assert data["laps"][0]["source_path"].endswith("-race-laps.csv") and data["laps"][0]["source_line"] >= 2
    rolex = CliRunner().invoke(main, ["laps", "2023", "rolex 24", "--db", str(full_db)])
    assert rolex.exit_code == 1 and "no laps file" in rolex.output


def test_a_chart_of_chosen_cars(pb: pitboard.Pitboard, tmp_path: Path) -> None:
    """A 22-car GTD field is unreadable whole: --car picks the lines, positions stay class positions."""
    from pitboard import charts

    ref = pb.session(2024, "sebring")
    fig, drawn = charts.figure(pb, ref, "lap-chart", "GTD", ["57", "47", "120"])
    lines = _plotted(fig)
    assert set(lines) == set(drawn["series"]) == {"57", "47", "120"}
    assert max(max(ys) for _, ys in lines.values()) > 3  # class positions among all 22, not 1-3
    with pytest.raises(pitboard.InputError, match="no car #999"):
        charts.render(pb, ref, "pace", "GTD", tmp_path / "x.png", ["999"])


def test_every_kind_of_name_resolves_to_one_shape(pb: pitboard.Pitboard) -> None:
    """Event, session, class and metric names give the same Resolution as drivers and teams."""
    from pitboard import resolve

    event = pb.event(2023, "WGL").resolution
    session = pb.session(2023, "sebring", "fp1").resolution
    cls = resolve.class_resolution("gtd pro", ["GTDPRO", "GTD"])
    metric = stats.leaders(pb, "fastest laps").resolved[0]
    driver = stats.subject_stats(pb, "driver", "Pipo").resolution
    for r in (event, session, cls, metric, driver):
        assert isinstance(r, resolve.Resolution) and r.key and r.name and r.how and 0 < r.confidence <= 1
    assert (event.key, session.name, cls.key, metric.key) == (
        "2023/12-watkins-glen-international",
        "Practice 1",
        "GTDPRO",
        "fastest-laps",
    )
    with pytest.raises(pitboard.InputError):
        stats.leaders(pb, "cheeseburgers")


def test_race_views_are_answers(pb: pitboard.Pitboard) -> None:
    ref = pb.session(2023, "petit le mans")
    answer = analysis.view(pb, ref, "stints", "GTP", cars=["6", "#7"])
    assert {r["number"] for r in answer.rows} == {"6", "7"} and answer.frame()["driver_id"].str.contains(" ").all()
    data = answer.to_dict()
    assert list(data) == ["session_id", "view", "class", "note", "rows"] and data["note"]
    with pytest.raises(pitboard.InputError):
        analysis.view(pb, ref, "sparklines")


def test_chart_data_is_what_the_chart_plots(pb: pitboard.Pitboard) -> None:
    from pitboard import charts

    ref = pb.session(2023, "petit le mans")
    data = charts.data(pb, ref, "gaps", "GTP", ["6", "7"])
    frame = analysis.positions(pb, ref, "GTP")
    assert [r["number"] for r in data.rows] == list(data.series) and set(data.series) == {"6", "7"}
    for row in data.rows:
        car = frame[frame["number"] == row["number"]].sort_values("lap")
        assert row["y"] == [v / 1000 for v in car["gap_to_leader_ms"]] and row["colour"].startswith("#")
    assert data.to_dict()["class"] == "GTP"


def test_figures_and_standings_are_answers_too(pb: pitboard.Pitboard) -> None:
    answer = pb.stats("driver", "Blomqvist", season=2023)
    table = pb.standings(2023, "GTP")
    assert len(answer.frame()) == len(answer.races) and answer.sources
    assert list(table.frame()["points"])[:3] == [r.points for r in table.rows[:3]] and table.sources
    with pytest.raises(dataclasses.FrozenInstanceError):
        table.champion = "someone else"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        answer.kind = "team"  # type: ignore[misc]


# --------------------------------------------------------------------------------------------
# tests written for the mutants the second mutation sample left alive (docs/mutation.md)


def test_class_pace_ideal_lap_is_the_sum_of_the_class_best_sectors(pb: pitboard.Pitboard) -> None:
    ref = pb.session(2023, "petit le mans")
    per_car = analysis.pace(pb, ref)
    per_class = analysis.pace(pb, ref, by="class").set_index("class")
    for cls, cars in per_car.groupby("class"):
        best = [int(cars[f"best_s{k}_ms"].min()) for k in (1, 2, 3)]
        assert int(per_class.loc[cls, "ideal_lap_ms"]) == sum(best)


def test_longest_streak_recomputed_from_the_race_list(pb: pitboard.Pitboard) -> None:
    for name in ("Laurin Heinrich", "Tom Blomqvist", "Bryan Sellers"):
        answer = stats.subject_stats(pb, "driver", name)
        longest = current = 0
        for race in sorted((r for r in answer.races if r["started"]), key=lambda r: (r["race_date"], r["session_id"])):
            current = current + 1 if (race["class_position"] or 99) <= 3 else 0
            longest = max(longest, current)
        assert answer.records["podium"]["longest_streak"] == longest > 1, name


def test_time_penalties_only_where_time_was_added(pb: pitboard.Pitboard) -> None:
    """time_penalty_ms is empty for a car whose total time is its last crossing (no penalty)."""
    frame = analysis.finish(pb, pb.session(2023, "petit le mans"))
    assert frame["time_penalty_ms"].isna().sum() > len(frame) // 2
    assert (frame["time_penalty_ms"].dropna() > 0).all()


def test_views_not_covered_elsewhere(pb: pitboard.Pitboard) -> None:
    ref = pb.session(2023, "petit le mans")
    final = analysis.view(pb, ref, "positions", "GTP", last_lap=True)
    assert final.columns[:3] == ("class", "final_class_position", "official_class_position") and final.rows
    co = analysis.view(pb, ref, "co-drivers", "GTP")
    assert co.rows and "best_lap_ms" in co.columns and all(" " in str(r["driver_id"]) for r in co.rows)


def test_a_team_figure_is_matched_by_its_car_number() -> None:
    """A published team figure names the entry its own way ('#31 AXR'): the number decides."""
    table = standings.Standings(
        2023, "GTP", "teams", None, [], True, [], None, [],
        [standings.Row(1, "#31 Whelen Engineering Racing", "k31", 100, 1, 0, 0, 1, 0),
         standings.Row(2, "#10 Wayne Taylor Racing", "k10", 90, 0, 1, 0, 1, 10)],
    )  # fmt: skip
    row = standings._row_of(None, table, "#31 AXR (Action Express)", "31")  # type: ignore[arg-type]
    assert row is not None and row.key == "k31"
