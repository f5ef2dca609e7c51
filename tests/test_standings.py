"""Standings reconstructed from the rules, reconciled with the published figures (RULES.md §9-10).

Every published figure we cannot reproduce is listed in ``UNCLOSED`` with the reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import pitboard
from pitboard import standings
from pitboard.cli import main
from pitboard.refdata import load as load_refdata
from pitboard.rules import load as load_rules


def points(table: standings.Standings, name: str) -> int:
    return next(r.points for r in table.rows if r.name == name)


# Published figures we do not reproduce, and why (documented in docs/conventions.md too).
UNCLOSED = {
    "2021 DPi totals (3407 / 3396)": "include the Detroit round, which is missing from the data: pitboard's 2021 DPi "
    "standings are incomplete and name no champion.",
    "Michelin Endurance Cup totals": "no Rolex 24 has a laps file, so its 6/12/18-hour checkpoints cannot be computed; "
    "every Endurance Cup table is incomplete and names no champion.",
}


@pytest.mark.parametrize(
    ("season", "cls", "champions", "total", "runner_up", "runner_total"),
    [
        (2022, "DPi", ["Oliver Jarvis", "Tom Blomqvist"], 3432, ["Filipe Albuquerque", "Ricky Taylor"], 3346),
        (2023, "GTP", ["Alexander Sims", "Pipo Derani"], 2733, ["Filipe Albuquerque", "Ricky Taylor"], 2712),
        (2024, "GTP", ["Dane Cameron", "Felipe Nasr"], 2982, ["Mathieu Jaminet", "Nick Tandy"], 2869),
    ],
)
def test_top_class_champions_and_totals(
    pb: pitboard.Pitboard,
    season: int,
    cls: str,
    champions: list[str],
    total: int,
    runner_up: list[str] | None,
    runner_total: int | None,
) -> None:
    table = standings.compute(pb, season, cls)
    assert table.complete and table.champion == " / ".join(champions)
    assert [r.name for r in table.rows if r.position == 1] == champions
    assert all(points(table, name) == total for name in champions)
    if runner_up:
        assert all(points(table, name) == runner_total for name in runner_up)
        assert table.rows[2].behind == total - runner_total  # published margins: 86 (2022), 21 (2023), 113 (2024)


def test_2023_gtp_meyer_shank_penalty(pb: pitboard.Pitboard) -> None:
    table = standings.compute(pb, 2023, "GTP")
    assert points(table, "Tom Blomqvist") == points(table, "Colin Braun") == 2711  # after the -200 (RULES.md §6)
    teams = standings.compute(pb, 2023, "GTP", "teams")
    assert [(r.name, r.points) for r in teams.rows[:3]] == [
        ("#31 Whelen Engineering Racing", 2733), ("#10 Wayne Taylor Racing", 2712), ("#60 Meyer Shank Racing w/ Curb Agajanian", 2711),
    ]  # fmt: skip
    assert any("2023-day-gtp-60-pts" in note for note in teams.notes)
    # the penalty was decided on 8 March 2023: after Daytona, No. 60 still led
    after_daytona = standings.compute(pb, 2023, "GTP", after="daytona")
    assert {r.name for r in after_daytona.rows if r.position == 1} == {
        "Tom Blomqvist",
        "Colin Braun",
        "Helio Castroneves",
        "Simon Pagenaud",
    }


def test_a_driver_in_two_cars_scores_with_one(pb: pitboard.Pitboard) -> None:
    """Colton Herta was listed on both BMWs (No. 24 and No. 25) at the 2023 Rolex 24."""
    table = standings.compute(pb, 2023, "GTP", after="daytona")
    herta = next(r for r in table.rows if r.name == "Colton Herta")
    assert len([d for d in herta.detail if d["what"].startswith("race")]) == 1
    assert len([d for d in herta.detail if d["what"].startswith("qualifying")]) == 1


@pytest.mark.parametrize(
    ("season", "cls", "after", "figures"),
    [
        (2023, "GTP", "indianapolis", {"Pipo Derani": 2460, "Ricky Taylor": 2457}),  # RULES.md §10, autosport
        (2024, "GTP", "indianapolis", {"Felipe Nasr": 2650, "Mathieu Jaminet": 2526}),  # §10, en.wikipedia
        (2022, "DPi", "road america", {"Tom Blomqvist": 3047, "Ricky Taylor": 3066}),  # §10, motonewstoday/racer
        (2022, "DPi", "detroit", {"Tom Blomqvist": 2027, "Ricky Taylor": 2017}),  # MSR +10 (speedsport)
        (2025, "GTP", "canadian tire", {}),
    ],
)
def test_standings_after_a_round(
    pb: pitboard.Pitboard, season: int, cls: str, after: str, figures: dict[str, int]
) -> None:
    table = standings.compute(pb, season, cls, after=after)
    assert table.complete and table.champion is None
    for name, total in figures.items():
        assert points(table, name) == total


@pytest.mark.parametrize(
    ("season", "champions"),
    [
        (2021, ["Laurens Vanthoor", "Zacharie Robichon"]),  # Detroit was Sprint-Cup-only for GTD: season complete
        (2022, ["Roman De Angelis"]),
        (2023, ["Bryan Sellers", "Madison Snow"]),
        (2024, ["Philip Ellis", "Russell Ward"]),
    ],
)
def test_gtd_champions(pb: pitboard.Pitboard, season: int, champions: list[str]) -> None:
    table = standings.compute(pb, season, "GTD")
    assert table.complete
    assert sorted(r.name for r in table.rows if r.position == 1) == sorted(champions)


@pytest.mark.parametrize(
    ("season", "cls", "make"), [(2022, "DPi", "Acura"), (2023, "GTP", "Cadillac"), (2024, "GTP", "Porsche")]
)
def test_manufacturer_champions(pb: pitboard.Pitboard, season: int, cls: str, make: str) -> None:
    table = standings.compute(pb, season, cls, "manufacturers")
    assert table.rows[0].name == make and table.champion == make
    assert any("manufacturers: single-source" in n for n in table.notes)


def test_incomplete_seasons_name_no_champion(pb: pitboard.Pitboard) -> None:
    dpi = standings.compute(pb, 2021, "DPi")
    assert (
        not dpi.complete
        and dpi.champion is None
        and dpi.missing_events == ["Chevrolet Sports Car Classic (12 Jun 2021)"]
    )
    gtp = standings.compute(pb, 2025, "GTP")
    assert not gtp.complete and gtp.champion is None and len(gtp.missing_events) == 3  # GTP did not race at VIR
    assert "incomplete: no champion is named" in gtp.notes


def test_endurance_cup_says_what_it_cannot_compute(pb: pitboard.Pitboard) -> None:
    table = standings.compute(pb, 2023, "GTP", "endurance")
    assert not table.complete and table.champion is None
    assert any("6h, 12h, 18h checkpoints are not computable" in n for n in table.notes)
    assert any("forfeited by #60" in n for n in table.notes)
    # Sebring 2023 alone (4h, 8h, finish) is computable: 3 checkpoints, at most 15 points
    sebring = [d for r in table.rows for d in r.detail if d["round"] == "Mobil 1 Twelve Hours of Sebring"]
    assert {d["what"].split()[1] for d in sebring} == {"4h", "8h", "finish"}
    assert (
        max(sum(d["points"] for d in r.detail if d["round"] == "Mobil 1 Twelve Hours of Sebring") for r in table.rows)
        <= 15
    )


def test_classes_without_season_points_at_a_round(pb: pitboard.Pitboard) -> None:
    lmp2 = standings.compute(pb, 2023, "LMP2")
    assert "Rolex 24 At Daytona" not in lmp2.rounds_counted
    assert any("Michelin Endurance Cup only" in n for n in lmp2.notes)
    gtd = standings.compute(pb, 2022, "GTD")
    assert "Acura Grand Prix of Long Beach" not in gtd.rounds_counted
    assert load_rules(2021).scores_season_points("watkins-glen", "WeatherTech 240 at The Glen", "GTD")[0] is False
    assert load_rules(2021).scores_season_points("watkins-glen", "Sahlen's Six Hours of The Glen", "GTD")[0] is True


def test_no_qualifying_points_when_no_car_set_a_time(pb: pitboard.Pitboard) -> None:
    table = standings.compute(pb, 2023, "GTP", "teams")
    wgl = [d for r in table.rows for d in r.detail if d["round"] == "Sahlen's Six Hours of The Glen"]
    assert wgl and all(d["what"].startswith("race") for d in wgl)


def test_unclosed_differences_are_documented() -> None:
    """The two structural limits are stated in the conventions and carried, figure by figure, as
    the known_difference of the published figures they affect."""
    text = (Path(__file__).resolve().parents[1] / "docs" / "conventions.md").read_text(encoding="utf-8")
    assert "Detroit" in text and "Endurance Cup" in text
    reasons = [r["known_difference"] for r in load_refdata().published_standings if r["known_difference"]]
    assert any("Detroit" in r for r in reasons) and any("Endurance Cup" in r for r in reasons)


def test_standings_cli_json(full_db: Path) -> None:
    result = CliRunner().invoke(main, ["standings", "2023", "--class", "GTP", "--json", "--db", str(full_db)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["complete"] is True and data["missing_events"] == []
    first = data["standings"][0]
    assert (first["position"], first["points"]) == (1, 2733) and isinstance(first["name"], str)
    out = CliRunner().invoke(main, ["standings", "2025", "--class", "GTP", "--db", str(full_db)]).output
    assert "INCOMPLETE" in out and "no champion" in out
    bad = CliRunner().invoke(main, ["standings", "2023", "--class", "GTLM", "--db", str(full_db)])
    assert bad.exit_code == 2 and "no 'GTLM' class in 2023" in bad.output and "choose one of: GTP" in bad.output


def test_review_cases(pb: pitboard.Pitboard) -> None:
    """A classified car that crashed on lap 1 scores its class position; a driver on two cars
    scores the Endurance Cup with one; a car missing from qualifying is noted."""
    teams = standings.compute(pb, 2023, "GTP", "teams")
    bmw24 = next(r for r in teams.rows if r.name.startswith("#24 "))
    assert {"round": "Sahlen's Six Hours of The Glen", "what": "race P8", "points": 230} in bmw24.detail
    mec = standings.compute(pb, 2022, "GTDPRO", "endurance")
    macneil = next(r for r in mec.rows if r.name == "Cooper MacNeil")
    sebring = [d for d in macneil.detail if d["round"] == "Mobil 1 Twelve Hours of Sebring"]
    assert len(sebring) == 3  # 4h, 8h, finish with one car, not six lines from two
    gtd = standings.compute(pb, 2021, "GTD")
    assert any("#64 is not in the GTD qualifying classification" in n for n in gtd.notes)
    assert not any("LMP2" in n for n in standings.compute(pb, 2021, "GTD").notes if n.startswith("rule not confirmed"))
