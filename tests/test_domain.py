"""Pure domain rules: durations, classes, session kinds, name folding."""

from __future__ import annotations

import pytest

from pitboard.domain.classes import CLASS_ORDER, display_class, normalise_class
from pitboard.domain.names import driver_key, team_key
from pitboard.domain.sessions import (
    QUALIFYING,
    QUALIFYING_RACE,
    RACE,
    TEST,
    WARM_UP,
    is_position_qualifying,
    qualifying_slug_classes,
    session_kind,
    session_name,
)
from pitboard.domain.timefmt import format_duration, format_gap, parse_duration_ms


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("59.123", 59_123),
        ("49.958", 49_958),
        ("1:14.788", 74_788),
        ("12:01.000", 721_000),
        ("1:41:06.688", 6_066_688),
        ("24:01:19.952", 86_479_952),  # hours past 24: a duration, not a time of day
        ("4:15:45.473", 15_345_473),
        ("", None),
        (None, None),
    ],
)
def test_parse_duration_every_form(text: str | None, ms: int | None) -> None:
    assert parse_duration_ms(text) == ms


@pytest.mark.parametrize("bad", ["1:2:3:4.567", "12.3", "abc", "1:14.7880", "-1.000", "1,14.788"])
def test_parse_duration_rejects_other_text(bad: str) -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration_ms(bad)


def test_sql_duration_parse_matches_python() -> None:
    """The ingest's SQL ``dur`` (an interval cast, with substring arithmetic for what the cast
    refuses: minutes or seconds over 59, very long hours) reads every form as Python does."""
    import duckdb

    from pitboard.ingestion.sql import MACROS

    texts = [f"{s}.{f}" for s in ("0", "7", "09", "59", "99") for f in ("000", "123")]
    texts += [
        f"{h}{m}:{s}.456"
        for h in ("", "0:", "1:", "01:", "001:", "24:", "99:", "100:", "2562047788:", "99999999999:")
        for m in ("0", "5", "05", "005", "59", "60", "99", "100", "1234")
        for s in ("00", "07", "59", "60", "99")
    ]
    con = duckdb.connect()
    for macro in MACROS:
        con.execute(macro)
    got = con.execute("SELECT s, dur(s) FROM unnest($t) AS t(s)", {"t": [*texts, "", None]}).fetchall()
    assert got == [(t, parse_duration_ms(t)) for t in [*texts, "", None]]


@pytest.mark.parametrize("ms", [0, 999, 59_123, 74_788, 3_600_000, 86_479_952])
def test_format_duration_round_trips(ms: int) -> None:
    assert parse_duration_ms(format_duration(ms)) == ms


def test_format_duration_and_gap_print_like_imsa() -> None:
    assert format_duration(86_479_952) == "24:01:19.952"
    assert format_duration(74_788) == "1:14.788"
    assert format_duration(59_123) == "59.123"
    assert format_gap(2_120, None) == "+2.120"
    assert format_gap(None, 1) == "1 Lap"
    assert format_gap(None, 3) == "3 Laps"


def test_class_names_normalise_to_upper_case_without_spaces() -> None:
    assert normalise_class("GTDPro") == "GTDPRO"
    assert normalise_class("GTD PRO") == "GTDPRO"
    assert normalise_class("DPi") == "DPI"
    assert normalise_class("") is None
    assert display_class("GTDPRO") == "GTD PRO"
    assert display_class("DPI") == "DPi"
    assert CLASS_ORDER.index("GTP") < CLASS_ORDER.index("LMP2") < CLASS_ORDER.index("GTDPRO") < CLASS_ORDER.index("GTD")


@pytest.mark.parametrize(
    ("slug", "folder", "kind"),
    [
        ("race", "02-daytona-international-speedway", RACE),
        ("race", "01-roar-before-the-24", QUALIFYING_RACE),  # 2022 Roar: slugged race, not a race
        ("r24h-qualifying-race", "01-roar-before-the-24", QUALIFYING_RACE),
        ("qualifying---gtd-position", "05-sebring-international-raceway", QUALIFYING),
        ("session-4", "01-roar-before-the-24", TEST),
        ("warm-up", "05-sebring-international-raceway", WARM_UP),
    ],
)
def test_session_kinds(slug: str, folder: str, kind: str) -> None:
    assert session_kind(slug, folder) == kind


def test_unknown_session_slug_is_kept_as_other() -> None:
    """An unknown session name (a 'hyperpole') is kept as kind 'other' and reported by the
    ingest; it never aborts it."""
    assert session_kind("parade-lap", "05-sebring") == "other"
    assert session_kind("hyperpole", "05-sebring") == "other"


def test_split_qualifying_slugs_of_2021() -> None:
    assert qualifying_slug_classes("qualifying---lmp2-dpi-position---points") == {"LMP2", "DPI"}
    assert qualifying_slug_classes("qualifying--gtd---points-gtlm") == {"GTD", "GTLM"}
    assert is_position_qualifying("qualifying---gtd-position")
    assert is_position_qualifying("qualifying--gtd---position")
    assert not is_position_qualifying("qualifying---gtd-points-gtlm")
    assert is_position_qualifying("qualifying---lmp3")
    assert session_name("qualifying---gtd-position", QUALIFYING) == "Qualifying (GTD position)"
    assert session_name("practice-2", "practice") == "Practice 2"


def test_driver_key_folds_case_accents_and_punctuation() -> None:
    assert driver_key("Marvin Kirchhöfer") == driver_key("Marvin Kirchhofer") == "marvin kirchhofer"
    assert driver_key("Marvin Kirchöfer") == driver_key("Marvin Kirchofer")
    assert driver_key("Devlin DeFrancesco") == driver_key("Devlin Defrancesco")
    assert driver_key("Job Van Uitert") == driver_key("Job van Uitert")
    assert driver_key("Shane lewis") == driver_key("Shane Lewis")
    assert driver_key("Ashton Harrison-Henry") == "ashton harrisonhenry"
    assert driver_key("Joel Miller") != driver_key("Jon Miller")


def test_team_key_folds_spelling_variants() -> None:
    assert team_key("VASSER SULLIVAN") == team_key("VasserSullivan") == team_key("Vasser Sullivan")
    assert team_key("WeatherTech  Racing") == team_key("WeatherTech Racing")
    assert team_key("inception racing") == team_key("Inception Racing")
