"""The official record (issue 9): IMSA's decisions after the exports applied in every class and
session, per-driver credit for poles and fastest laps, class-aware coverage, class gaps, and
standings reconciled against the published figures on file."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

import pitboard
from conftest import BUNDLED, sql
from pitboard import standings, stats
from pitboard.cli import main
from pitboard.domain.corrections import CORRECTION_KINDS, REORDER_KINDS
from pitboard.domain.names import driver_key
from pitboard.refdata import load as load_refdata

pytestmark = pytest.mark.full


# --------------------------------------------------------------------------------------------
# the corrections table itself


def test_every_correction_is_well_formed_and_applied() -> None:
    """Every row names a known kind, a source and a date; reordering rows name a real car."""
    rows = load_refdata().corrections
    ids = [r["correction_id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate correction ids"
    for r in rows:
        assert r["kind"] in CORRECTION_KINDS, r["correction_id"]
        assert r["source"].strip() and r["decided_on"], r["correction_id"]
        assert r["confidence"] in {"confirmed", "single-source", "inferred"}, r["correction_id"]
        assert (BUNDLED / r["season"] / r["folder"]).is_dir(), r["correction_id"]


def test_every_classification_correction_is_applied(pb: pitboard.Pitboard) -> None:
    rows = sql(pb, "SELECT correction_id, kind, applied FROM corrections")
    not_applied = [
        cid for cid, kind, applied in rows if (kind in REORDER_KINDS or kind == "start_from_rear") and not applied
    ]
    assert not not_applied
    assert not [i for i in pb.issues().itertuples() if "correction" in (i.problem or "")]


# --------------------------------------------------------------------------------------------
# a correction touches only what it changed


def test_a_correction_flags_only_its_own_class(pb: pitboard.Pitboard) -> None:
    """2025 Rolex 24: the LMP2 decision flags LMP2 rows, never a GTP or GTD row."""
    rows = sql(
        pb, "SELECT class, corrected, correction_ids FROM results WHERE session_id = ?", [_race(pb, 2025, "daytona")]
    )
    flagged = {cls for cls, corrected, _ in rows if corrected}
    assert flagged == {"LMP2"}
    assert all("2025-day-lmp2-8" in ids for cls, _, ids in rows if cls == "LMP2")
    # the same holds for every applied correction of the bundle
    for cid, session_id, cls in sql(
        pb,
        "SELECT correction_id, session_id, class FROM corrections WHERE applied AND kind IN (SELECT unnest($k))",
        {"k": sorted(REORDER_KINDS)},
    ):
        others = sql(
            pb,
            "SELECT number FROM results WHERE session_id = ? AND class <> ? AND contains(coalesce(correction_ids, ''), ?)",
            [session_id, cls, cid],
        )
        assert not others, (cid, others)


def test_overall_order_agrees_with_the_class_order_after_corrections(pb: pitboard.Pitboard) -> None:
    """In every corrected session the overall positions are 1..n, agree with every class order,
    and a car moved back in its class never moves forward overall."""
    sessions = [r[0] for r in sql(pb, "SELECT DISTINCT session_id FROM results WHERE corrected")]
    assert sessions
    for session_id in sessions:
        rows = sql(
            pb,
            "SELECT number, class, position, class_position, position_export, class_position_export FROM results WHERE session_id = ? AND position IS NOT NULL",
            [session_id],
        )
        assert sorted(r[2] for r in rows) == list(range(1, len(rows) + 1)), session_id
        by_class = defaultdict(list)
        for r in rows:
            by_class[r[1]].append(r)
        for cls, cars in by_class.items():
            assert [c[3] for c in sorted(cars, key=lambda c: c[2])] == list(range(1, len(cars) + 1)), (session_id, cls)
        for number, _, pos, cpos, pos_x, cpos_x in rows:
            if cpos_x is not None and cpos > cpos_x:
                assert pos >= pos_x, (session_id, number)


def test_a_car_moved_to_the_rear_keeps_a_sensible_overall_place(pb: pitboard.Pitboard) -> None:
    """2025 Rolex 24 LMP2 No. 8: last of LMP2, so behind the last LMP2 car overall, and only the
    cars between its old and new place move (up one)."""
    session_id = _race(pb, 2025, "daytona")
    rows = {
        r[0]: r[1:]
        for r in sql(
            pb, "SELECT number, class, position, position_export FROM results WHERE session_id = ?", [session_id]
        )
    }
    lmp2_last = max(pos for cls, pos, _ in rows.values() if cls == "LMP2" and pos is not None)
    assert rows["8"][1] == lmp2_last
    moved = {n for n, (_, pos, pos_x) in rows.items() if pos != pos_x}
    old, new = rows["8"][2], rows["8"][1]
    assert moved == {n for n, (_, _, pos_x) in rows.items() if pos_x is not None and old <= pos_x <= new}
    assert all(rows[n][1] == rows[n][2] - 1 for n in moved - {"8"})


# --------------------------------------------------------------------------------------------
# class gaps


def test_class_gaps_of_the_leading_class_equal_the_exported_gaps(pb: pitboard.Pitboard) -> None:
    """In every uncorrected race the class of the overall winner has class gaps identical to the
    exported overall gaps (both are to the same car)."""
    rows = sql(
        pb,
        """SELECT r.session_id, r.number, r.gap_first_ms, r.class_gap_first_ms, r.gap_first_laps, r.class_gap_first_laps
           FROM results r JOIN sessions s USING (session_id)
           WHERE s.kind = 'race' AND r.class = (SELECT class FROM results w WHERE w.session_id = r.session_id AND w.position = 1)
             AND r.class_position > 1 AND r.finish_status <> 'dns'
             AND NOT EXISTS (SELECT 1 FROM results c WHERE c.session_id = r.session_id AND c.corrected)""",
    )
    assert len(rows) > 300
    mismatched = [r for r in rows if (r[2], r[4]) != (r[3], r[5]) and r[2] is not None]
    assert not mismatched, mismatched[:5]


def test_class_gaps_are_to_the_class_winner(pb: pitboard.Pitboard) -> None:
    frame = pb.results(2023, "watkins glen", cls="GTD")
    first, second = frame.iloc[0], frame.iloc[1]
    assert first["class_gap_first"] == "-"
    assert second["class_gap_first_ms"] == second["total_time_ms"] - first["total_time_ms"] == 17_561
    assert second["gap_first_laps"] > 0  # the overall gap is to the GTP winner, laps ahead


def test_results_class_table_prints_class_gaps(full_db: Path) -> None:
    out = CliRunner().invoke(main, ["results", "2023", "watkins glen", "--class", "GTD", "--db", str(full_db)])
    assert out.exit_code == 0, out.output
    line = next(ln for ln in out.output.splitlines() if ln.startswith("GTD      2 "))
    assert "+17.561" in line
    # a GTD-only table does not footnote the GTP decision of that race
    assert "corrected after the export" not in out.output


def test_qualifying_class_gaps_are_best_lap_differences(pb: pitboard.Pitboard) -> None:
    frame = pb.results(2023, "petit le mans", session="qualifying", cls="GTP")
    timed = frame[frame["best_lap_ms"].notna()]
    lead = timed.iloc[0]["best_lap_ms"]
    assert list(timed["class_gap_first_ms"].iloc[1:]) == [t - lead for t in timed["best_lap_ms"].iloc[1:]]


# --------------------------------------------------------------------------------------------
# per-driver credit


def _raw_lap_driver(pb: pitboard.Pitboard, session_id: str, number: str, lap: int) -> str:
    """DRIVER_NAME of a lap, read straight from the laps CSV (not from the database)."""
    (path,) = sql(pb, "SELECT path FROM _sources WHERE session_id = ? AND kind = 'laps'", [session_id])[0]
    with open(BUNDLED / path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header = [h.strip() for h in rows[0]]
    number_col, lap_col, name_col = header.index("NUMBER"), header.index("LAP_NUMBER"), header.index("DRIVER_NAME")
    hits = [r[name_col] for r in rows[1:] if r[number_col].strip() == number and r[lap_col].strip() == str(lap)]
    assert len(hits) == 1
    return hits[0]


@pytest.mark.parametrize(
    ("season", "event", "cls", "setter"),
    [
        (2023, "petit le mans", "GTP", "Louis Deletraz"),
        (2023, "sebring", "GTP", "Pipo Derani"),
        (2023, "long beach", "GTP", "Filipe Albuquerque"),
    ],
)
def test_pole_set_by_the_driver_on_the_pole_lap(
    pb: pitboard.Pitboard, season: int, event: str, cls: str, setter: str
) -> None:
    event_id = pb.event(season, event).event_id
    session_id, number, driver_id = sql(
        pb,
        "SELECT session_id, pole_number, pole_driver_id FROM grids WHERE event_id = ? AND class = ?",
        [event_id, cls],
    )[0]
    (lap,) = sql(pb, "SELECT best_lap_number FROM results WHERE session_id = ? AND number = ?", [session_id, number])[0]
    assert driver_key(_raw_lap_driver(pb, session_id, number, lap)) == driver_key(setter)
    assert sql(pb, "SELECT name FROM drivers WHERE driver_id = ?", [driver_id])[0][0] == setter


def test_fastest_lap_set_by_the_driver_on_that_lap(pb: pitboard.Pitboard) -> None:
    """Every fastest race lap with a laps file names the driver of that lap in the raw file."""
    rows = sql(
        pb,
        """SELECT r.session_id, r.number, x.best_lap_number, d.name FROM race_results r
           JOIN results x USING (session_id, number) JOIN drivers d ON d.driver_id = r.best_lap_driver_id
           WHERE r.fastest_lap AND r.season = 2024 AND r.class = 'GTP' ORDER BY r.race_date""",
    )
    assert len(rows) == 8  # every 2024 GTP race but the Rolex 24 (no laps file)
    for session_id, number, lap, name in rows[:3]:
        assert driver_key(_raw_lap_driver(pb, session_id, number, lap)) == driver_key(name)
    assert (
        sql(
            pb,
            "SELECT count(*) FROM race_results WHERE fastest_lap AND NOT has_laps AND best_lap_driver_id IS NOT NULL",
        )[0][0]
        == 0
    )


def test_poles_set_and_fastest_laps_set_in_driver_answers(pb: pitboard.Pitboard) -> None:
    """2023 No. 10 WTR: two poles for the crew (Long Beach, Petit Le Mans), set by Albuquerque
    and by Deletraz; Ricky Taylor shares both poles but set neither."""
    season = stats.Scope(season=2023)
    taylor = stats.subject_stats(pb, "driver", "Ricky Taylor", season).figures
    albuquerque = stats.subject_stats(pb, "driver", "Filipe Albuquerque", season).figures
    deletraz = stats.subject_stats(pb, "driver", "Louis Deletraz", season)
    assert (taylor.poles, taylor.poles_set) == (2, 0)
    assert (albuquerque.poles, albuquerque.poles_set) == (2, 1)
    assert (deletraz.figures.poles, deletraz.figures.poles_set) == (1, 1)
    data = deletraz.to_dict()
    assert {"poles", "poles_set", "fastest_laps", "fastest_laps_set"} <= set(data)
    car = stats.subject_stats(pb, "car", "10", season)
    assert car.figures.poles == 2 and car.figures.poles_set is None  # personal credit: drivers only


def test_poles_set_leaderboard_counts_the_setters(pb: pitboard.Pitboard) -> None:
    frame = stats.leaders(pb, "poles-set", scope=stats.Scope(season=2023)).frame()
    expected = dict(
        sql(
            pb,
            "SELECT pole_driver_id, count(*) FROM grids WHERE season = 2023 AND pole_driver_id IS NOT NULL GROUP BY 1",
        )
    )
    assert dict(zip(frame["key"], frame["value"], strict=True)).items() <= expected.items()
    assert frame.iloc[0]["value"] == max(expected.values())
    with pytest.raises(pitboard.InputError):
        stats.leaders(pb, "poles-set", by="team")


def test_unknown_setter_is_listed_not_guessed(pb: pitboard.Pitboard) -> None:
    """A Rolex 24 fastest lap has no laps file: the setter is unknown and said so."""
    answer = stats.subject_stats(pb, "driver", "Blomqvist", stats.Scope(season=2023))
    assert "Rolex 24 At Daytona 2023" in answer.figures.fastest_laps_setter_unknown
    assert (
        answer.figures.fastest_laps_set + len(answer.figures.fastest_laps_setter_unknown) == answer.figures.fastest_laps
    )


# --------------------------------------------------------------------------------------------
# class-aware coverage


def test_lmp3_2021_is_complete_detroit_had_no_lmp3(pb: pitboard.Pitboard) -> None:
    answer = stats.subject_stats(pb, "driver", "Gar Robinson", stats.Scope(season=2021))
    assert answer.coverage.complete and not answer.coverage.missing_events
    gtd = stats.subject_stats(pb, "driver", "Laurens Vanthoor", stats.Scope(season=2021))
    assert not gtd.coverage.complete and any("Chevrolet Sports Car Classic" in m for m in gtd.coverage.missing_events)
    cov = stats.leaders(pb, "wins", scope=stats.Scope(season=2021, cls="LMP3")).coverage
    assert cov.complete


def test_2025_gtp_is_not_missing_the_gt_only_vir_round(pb: pitboard.Pitboard) -> None:
    gtp = stats.subject_stats(pb, "driver", "Matt Campbell", stats.Scope(season=2025))
    assert not gtp.coverage.complete
    assert not any("VIR" in m for m in gtp.coverage.missing_events)
    assert len(gtp.coverage.missing_events) == 3
    gtd = stats.subject_stats(pb, "driver", "Philip Ellis", stats.Scope(season=2025))
    assert any("VIR" in m for m in gtd.coverage.missing_events) and len(gtd.coverage.missing_events) == 4


# --------------------------------------------------------------------------------------------
# standings against the published figures


def _published() -> list[dict[str, str]]:
    return load_refdata().published_standings


def test_published_figures_are_sourced_and_numerous() -> None:
    rows = _published()
    assert len(rows) >= 150
    for r in rows:
        assert r["source"].startswith("http") or " " in r["source"], r["figure_id"]
        assert r["metric"] in {"points", "gap", "position"} and r["championship"] in standings.CHAMPIONSHIPS
    classes = {(r["season"], r["class"]) for r in rows}
    assert len(classes) >= 12  # every season, below the top class too


def _tables() -> list[tuple[int, str, str, str | None]]:
    keys = set()
    for r in _published():
        keys.add((int(r["season"]), r["class"], r["championship"], None if r["after"] == "final" else r["after"]))
    return sorted(keys, key=lambda k: (k[0], k[1], k[2], k[3] or "~"))


def _after_name(pb: pitboard.Pitboard, season: int, folder: str | None) -> str | None:
    if folder is None:
        return None
    return sql(pb, "SELECT event_name FROM events WHERE event_id = ?", [f"{season}/{folder}"])[0][0]


def test_standings_reproduce_the_published_figures(pb: pitboard.Pitboard) -> None:
    """Every published figure on file is reproduced exactly, except those whose difference is
    documented (known_difference), and those must still differ (a fix should update the file)."""
    failures, fixed = [], []
    for season, cls, championship, after in _tables():
        table = standings.compute(pb, season, cls, championship, _after_name(pb, season, after))
        assert table.verification is not None and table.verification.status != "unverified", (season, cls, after)
        for check in table.verification.figures:
            if check.known_difference and check.matches:
                fixed.append(check.figure_id)
            elif not check.known_difference and not check.matches:
                failures.append((check.figure_id, check.subject, check.metric, check.published, check.computed))
    assert not failures, failures
    assert not fixed, f"now reproduced: remove their known_difference: {fixed}"


def test_standings_answer_says_verified(full_db: Path) -> None:
    out = CliRunner().invoke(main, ["standings", "2023", "--class", "GTP", "--json", "--db", str(full_db)])
    data = json.loads(out.output)
    assert data["verified"] is True and data["verification"]["status"] == "verified"
    assert data["verification"]["checked"] >= 3
    text = CliRunner().invoke(main, ["standings", "2023", "--class", "GTP", "--db", str(full_db)]).output
    assert "Verification: verified" in text


def _race(pb: pitboard.Pitboard, season: int, event: str) -> str:
    return pb.session(season, event).session_id


def test_readme_states_what_the_standings_reproduce(pb: pitboard.Pitboard, full_db: Path) -> None:
    """The README's reconciliation table is the current one (regenerate it from `pitboard reconcile`)."""
    from pitboard.cli.standings import summary_table

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert summary_table(standings.reconcile(pb)) in readme
    out = CliRunner().invoke(main, ["reconcile", "--json", "--db", str(full_db)])
    data = json.loads(out.output)
    assert data["checked"] == len(_published()) and data["reproduced"] >= 150
