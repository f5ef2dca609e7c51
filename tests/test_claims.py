"""Issue 13: the claim checker, on the full bundled data. One test per grammar feature and verdict
rule; every expectation was read from the official results files (noted beside each)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pitboard.claims import check, parse_date
from pitboard.claims.scope import time_scope
from pitboard.claims.text import number, ordinal, sentences
from pitboard.cli import main
from pitboard.exceptions import InputError

pytestmark = pytest.mark.full


def one(pb, text: str, date: str, kind: str | None = None):  # type: ignore[no-untyped-def]
    claims = [c for c in check(pb, text, date).claims if kind is None or c.type == kind]
    assert len(claims) == 1, [(c.text, c.type, c.verdict) for c in claims]
    return claims[0]


# -- text: sentences, numbers, dates ------------------------------------------------------------


def test_sentences_keep_offsets_and_abbreviations() -> None:
    text = "The No. 31 Cadillac won. Mr. Derani said so.\nNew paragraph"
    spans = sentences(text)
    assert [s.text for s in spans] == ["The No. 31 Cadillac won.", "Mr. Derani said so.", "New paragraph"]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_number_words_and_ordinals() -> None:
    assert [number(w) for w in ("five", "twenty-one", "19", "one")] == [5, 21, 19, 1]
    assert [ordinal(w) for w in ("sixth", "3rd", "P2", "runner-up", "eleventh")] == [6, 3, 2, 2, 11]


def test_relative_dates_resolve_against_the_publication_date() -> None:
    import datetime as dt

    day = dt.date(2023, 10, 19)
    assert time_scope("five wins this season", day).seasons == (2023,)
    assert time_scope("his best result last year", day).seasons == (2022,)
    assert time_scope("over the past two seasons", day).seasons == (2022, 2023)
    assert time_scope("in 2023 and '22", day).seasons == (2022, 2023)
    since = time_scope("since 2019", day)
    assert since.since == dt.date(2019, 1, 1) and since.before_data
    assert time_scope("two wins", day).career


def test_bad_publication_date_is_input_error() -> None:
    with pytest.raises(InputError):
        parse_date("2023-13-01")


# -- counts -----------------------------------------------------------------------------------


def test_number_words_count_supported(pb) -> None:  # type: ignore[no-untyped-def]
    # Derani 2023 (GTP, #31): 9 starts, 1 win (Sebring), 2 poles
    wins, poles = check(pb, "Pipo Derani scored one win and two poles in nine starts this season.", "2023-12-01").claims
    assert (wins.slots["value"], wins.slots["metric"], wins.verdict) == (1, "wins", "supported"), wins.explanation
    assert (poles.slots["value"], poles.slots["metric"], poles.slots["starts"]) == (2, "poles", 9)
    assert poles.verdict == "supported", poles.explanation


def test_wins_in_starts_wrong_count_is_contradicted(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "Pipo Derani took three wins in nine starts in 2023.", "2023-12-01", "count")
    assert c.verdict == "contradicted"
    assert "1 wins in 9 starts" in c.explanation
    assert c.evidence and all(e["source"] and e["line"] for e in c.evidence)


def test_missing_round_makes_an_interval(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021: Derani has 3 wins in the data; Detroit (12 Jun 2021) is missing, so 4 is possible
    inside = one(pb, "Pipo Derani won four races in 2021.", "2021-12-01", "count")
    assert inside.verdict == "not checkable" and inside.reason == "missing round"
    assert "Chevrolet Sports Car Classic" in inside.explanation
    outside = one(pb, "Pipo Derani won six races in 2021.", "2021-12-01", "count")
    assert outside.verdict == "contradicted"
    below = one(pb, "Pipo Derani won two races in 2021.", "2021-12-01", "count")
    assert below.verdict == "contradicted"


def test_career_count_reaches_before_the_data(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "Pipo Derani has 30 career wins.", "2023-12-01", "count")
    assert c.verdict == "not checkable" and c.reason == "before the data"
    low = one(pb, "Pipo Derani has one career win.", "2023-12-01", "count")
    assert low.verdict == "contradicted"  # the data alone shows more than one


# -- results, pole, fastest lap -------------------------------------------------------------------


def test_corrected_result_glen_2023(pb) -> None:  # type: ignore[no-untyped-def]
    # the export shows No. 6 first; IMSA moved it to the rear: No. 25 BMW won GTP
    bmw = one(pb, "The No. 25 BMW won at Watkins Glen in 2023.", "2023-07-01")
    assert bmw.verdict == "supported"
    porsche = one(pb, "The No. 6 Porsche won at Watkins Glen in 2023.", "2023-07-01")
    assert porsche.verdict == "contradicted"
    assert any(e.get("winner") and e["number"] == "25" for e in porsche.evidence)


def test_event_nickname_and_ordinal_finish(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 Six Hours of The Glen, GTP: #31 2nd after the correction
    c = one(pb, "The No. 31 Whelen Cadillac finished second at the Glen in 2023.", "2023-07-01")
    assert c.verdict == "supported"
    assert c.slots["event"] == "The Glen"
    wrong = one(pb, "The No. 31 Whelen Cadillac finished fourth at the Glen in 2023.", "2023-07-01")
    assert wrong.verdict == "contradicted"


def test_pronoun_and_demonym_refer_to_the_last_driver(pb) -> None:  # type: ignore[no-untyped-def]
    answer = check(
        pb,
        "Pipo Derani was fast all year. He won at Sebring in 2023. The Brazilian took pole at Sebring in 2023.",
        "2023-12-01",
    )
    result, pole = answer.claims
    assert result.verdict == "supported" and result.slots["subject"][0]["name"] == "Pipo Derani"
    assert pole.type == "qualifying" and pole.verdict == "supported"
    assert any(m["how"].startswith("pronoun") for m in pole.matched)


def test_misspelt_name_is_matched_fuzzily(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "Pipo Derrani won at Sebring in 2023.", "2023-12-01")
    assert c.verdict == "supported"
    assert c.matched[0]["how"] == "fuzzy" and c.matched[0]["name"] == "Pipo Derani"


def test_race_result_without_a_year_is_the_latest_edition(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "Pipo Derani won the Twelve Hours of Sebring.", "2023-03-20")
    assert c.verdict == "supported" and "2023" in c.explanation


def test_championship_from_the_standings(pb) -> None:  # type: ignore[no-untyped-def]
    ok = one(pb, "Pipo Derani and Alexander Sims won the 2023 GTP title.", "2023-12-01")
    assert ok.type == "championship" and ok.verdict == "supported"
    wrong = one(pb, "Tom Blomqvist won the 2023 GTP title.", "2023-12-01")
    assert wrong.verdict == "contradicted" and "Derani" in wrong.explanation


# -- not checkable --------------------------------------------------------------------------------


def test_before_the_data(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "Pipo Derani won the 2019 Twelve Hours of Sebring.", "2023-12-01")
    assert c.verdict == "not checkable" and c.reason == "before the data"


def test_outside_the_championship_le_mans(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "Pipo Derani finished fourth at Le Mans in 2023.", "2023-12-01")
    assert c.verdict == "not checkable" and c.reason == "outside the championship"


def test_missing_round_result(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "The No. 31 Whelen Cadillac won the 2021 Chevrolet Sports Car Classic at Detroit.", "2021-07-01")
    assert c.verdict == "not checkable" and c.reason == "missing round"


def test_contract_is_not_a_statistic(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "Pipo Derani signed a multi-year contract.", "2023-12-01")
    assert c.verdict == "not checkable" and c.reason == "not a statistic"


# -- line-ups ---------------------------------------------------------------------------------------


def test_future_lineup_confirmed_by_later_data(pb) -> None:  # type: ignore[no-untyped-def]
    # Blomqvist 2024: #31 Whelen with Derani and Aitken at the five Endurance Cup rounds only
    text = "Tom Blomqvist joins Whelen Engineering Racing for the endurance rounds in 2024, alongside Pipo Derani and Jack Aitken."
    c = one(pb, text, "2023-11-15")
    assert c.type == "lineup" and c.verdict == "supported", c.explanation
    full = one(pb, "Tom Blomqvist joins Whelen Engineering Racing full-season in 2024.", "2023-11-15")
    assert full.verdict == "contradicted"
    other = one(pb, "Tom Blomqvist joins Porsche Penske Motorsport for 2024.", "2023-11-15")
    assert other.verdict == "contradicted"


# -- answer shape and faces -------------------------------------------------------------------------


def test_answer_to_dict_shape(pb) -> None:  # type: ignore[no-untyped-def]
    text = "Pipo Derani won at Sebring in 2023."
    out = pb.check(text, "2023-12-01").to_dict()
    assert list(out) == ["claims"]
    c = out["claims"][0]
    assert {
        "text",
        "type",
        "verdict",
        "explanation",
        "evidence",
        "start",
        "end",
        "slots",
        "matched",
        "question",
    } <= set(c)
    assert text[c["start"] : c["end"]] == c["text"]
    assert c["evidence"][0]["source"].endswith("-race-results.csv")
    json.dumps(out)


def test_cli_check_json_and_errors(full_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text("Pipo Derani won at Sebring in 2023.", encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(main, ["check", str(article), "--date", "2023-12-01", "--json", "--db", str(full_db)])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["claims"][0]["verdict"] == "supported"
    table = runner.invoke(
        main, ["check", "-", "--date", "2023-12-01", "--db", str(full_db)], input="Pipo Derani won at Sebring in 2023."
    )
    assert table.exit_code == 0 and "supported" in table.output
    for args in (
        ["check", str(article)],
        ["check", str(article), "--date", "19/10/2023"],
        ["check", "/nope.txt", "--date", "2023-12-01"],
    ):
        bad = runner.invoke(main, [*args, "--db", str(full_db)])
        assert bad.exit_code == 2, bad.output


# -- reading the article's time and race ---------------------------------------------------------


def test_this_season_before_the_rolex_24_is_the_season_just_ended() -> None:
    import datetime as dt

    assert time_scope("three wins this season", dt.date(2025, 1, 10)).seasons == (2024,)
    assert time_scope("three wins this season", dt.date(2025, 3, 10)).seasons == (2025,)


def test_a_year_with_no_race_in_the_data_reads_the_last_edition(pb) -> None:  # type: ignore[no-untyped-def]
    # 2025 Chevrolet Grand Prix (Mosport) LMP2: No. 99 AO Racing 1st; GTD: No. 45 WTR 1st
    c = one(pb, "AO Racing's No. 99 won at Mosport.", "2026-01-05", "result")
    assert c.verdict == "supported", c.explanation
    c = one(pb, "The No. 27 Heart of Racing Aston Martin won at Mosport.", "2026-01-05", "result")
    assert c.verdict == "contradicted", c.explanation


def test_a_list_of_races_after_a_count_is_not_its_scope(pb) -> None:  # type: ignore[no-untyped-def]
    # Winward Racing 2024 (GTD, #57): wins at Daytona, Sebring, Laguna Seca and Watkins Glen
    c = one(pb, "Winward Racing won four races in 2024, at Daytona, Sebring, Laguna Seca and the Glen.", "2024-12-01")
    assert c.slots["event"] is None and c.verdict == "supported", c.explanation


def test_a_claim_without_a_race_takes_the_paragraphs_last_race_else_the_articles(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024: Laguna Seca GTD PRO won by No. 77 AO Racing; Six Hours of the Glen GTD PRO by No. 23
    text = (
        "Porsche back on top at the Glen\n\n"
        "The No. 7 Porsche won the Six Hours of the Glen. Earlier, the No. 6 had won at Laguna Seca, "
        "and the No. 77 AO Racing Porsche also won.\n\n"
        "The No. 23 Aston Martin won GTD PRO."
    )
    claims = {c.text: c for c in check(pb, text, "2024-06-30").claims if c.type == "result"}
    ao = next(c for t, c in claims.items() if "No. 77" in t)
    aston = next(c for t, c in claims.items() if "No. 23" in t)
    assert ao.slots["event"] == "Laguna Seca" and ao.verdict == "supported", ao.explanation
    assert "Glen" in aston.slots["event"] and aston.verdict == "supported", aston.explanation


def test_a_drivers_full_name_is_not_an_event(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 Sebring GTD: No. 57 Ward / Ellis / Dontje 1st
    c = one(pb, "Indy Dontje won the Twelve Hours of Sebring in GTD.", "2024-04-01")
    assert c.slots["subject"][0]["name"] == "Indy Dontje" and c.verdict == "supported", c.explanation


# -- line-ups -------------------------------------------------------------------------------------


def test_lineup_at_named_races_checks_each_race(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024: Kyle Kirkwood drove the No. 14 Lexus at Daytona, Sebring and Petit only
    ok = one(pb, "Kyle Kirkwood was the third driver at Daytona and Sebring.", "2024-12-01", "lineup")
    assert ok.verdict == "supported", ok.explanation
    bad = one(pb, "Kyle Kirkwood was the third driver at Daytona and Laguna Seca.", "2024-12-01", "lineup")
    assert bad.verdict == "contradicted" and "Monterey" in bad.explanation, bad.explanation


def test_lineup_for_the_endurance_rounds_needs_every_endurance_round(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024: Josef Newgarden drove the No. 7 Porsche at the Rolex 24 only
    c = one(pb, "Josef Newgarden joined Dane Cameron and Felipe Nasr for the endurance rounds.", "2024-12-01", "lineup")
    assert c.verdict == "contradicted" and "Sebring" in c.explanation, c.explanation


def test_lineup_at_every_round_needs_every_crew_member_at_every_round(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 No. 57: Ellis and Ward at all ten rounds, Dontje at five
    ok = one(pb, "Philip Ellis shared the No. 57 with Russell Ward at every round.", "2024-12-01", "lineup")
    assert ok.verdict == "supported", ok.explanation
    bad = one(pb, "Philip Ellis shared the No. 57 with Indy Dontje at every round.", "2024-12-01", "lineup")
    assert bad.verdict == "contradicted", bad.explanation


def test_the_driver_replaced_is_the_one_right_after_the_verb(pb) -> None:  # type: ignore[no-untyped-def]
    # 2022 No. 60 at Sebring: Jarvis/Blomqvist/Vandoorne; Castroneves drove it at Daytona only
    ok = one(
        pb,
        "Stoffel Vandoorne replaced Helio Castroneves alongside Oliver Jarvis and Tom Blomqvist.",
        "2022-04-01",
        "lineup",
    )
    assert ok.verdict == "supported", ok.explanation
    bad = one(pb, "Stoffel Vandoorne replaced Tom Blomqvist alongside Oliver Jarvis.", "2022-04-01", "lineup")
    assert bad.verdict == "contradicted" and "Blomqvist was still" in bad.explanation, bad.explanation


def test_a_driver_in_two_cars_at_one_race_shares_either(pb) -> None:  # type: ignore[no-untyped-def]
    # 2025 Rolex 24: Kirkwood in the No. 14 (GTD PRO) and the No. 12 (GTD, with Parker Thompson)
    c = one(pb, "Kyle Kirkwood shared the car with Parker Thompson at Daytona.", "2025-04-01", "lineup")
    assert c.verdict == "supported", c.explanation


def test_a_colon_starts_a_lineup_of_its_own(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 No. 7 Porsche: Campbell at Daytona, Sebring and Petit only; Cameron/Nasr at Long Beach, Laguna Seca
    text = (
        "Matt Campbell is the team's endurance specialist. He only contests the endurance rounds: "
        "Dane Cameron and Felipe Nasr drove the No. 7 at Long Beach and Laguna Seca."
    )
    claims = [c for c in check(pb, text, "2024-12-01").claims if c.type == "lineup"]
    assert [(c.text, c.verdict) for c in claims] == [
        ("He only contests the endurance rounds", "contradicted"),
        ("Dane Cameron and Felipe Nasr drove the No. 7 at Long Beach and Laguna Seca", "supported"),
    ], [(c.text, c.verdict, c.explanation) for c in claims]
    bad = one(pb, "Dane Cameron and Matt Campbell drove the No. 7 at Long Beach.", "2024-12-01", "lineup")
    assert bad.verdict == "contradicted", bad.explanation


def test_a_gapped_lineup_and_a_relative_lineup_are_claims_of_their_own(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 No. 7 Porsche: Cameron/Nasr throughout, Campbell at Daytona, Sebring and Petit, Newgarden at Daytona
    text = (
        "Dane Cameron shared the No. 7 with several drivers. Nasr partnered him at Long Beach and Laguna Seca, "
        "Campbell at Sebring and at Petit Le Mans, and Josef Newgarden, who also partnered Cameron at Sebring, "
        "joined him for Daytona."
    )
    claims = [(c.text, c.verdict) for c in check(pb, text, "2024-12-01").claims if c.type == "lineup"][1:]
    assert claims == [
        ("Nasr partnered him at Long Beach and Laguna Seca", "supported"),
        ("Campbell at Sebring", "supported"),  # the preposition repeated: one claim per race
        ("and at Petit Le Mans", "supported"),
        ("who also partnered Cameron at Sebring", "contradicted"),
        ("joined him for Daytona", "supported"),
    ], claims


def test_a_relative_lineup_after_a_crew_and_them_for_the_sentences_crew(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 No. 7 Porsche: Cameron/Nasr at every GTP round, Campbell at Daytona, Sebring and Petit only
    def lineups(text: str, date: str) -> list[tuple[str, str]]:
        return [(c.text, c.verdict) for c in check(pb, text, date).claims if c.type == "lineup"]

    text = (
        "Penske's No. 7 adds Josef Newgarden to its pairing of Dane Cameron and {}, who will race the car all season."
    )
    assert lineups(text.format("Felipe Nasr"), "2024-01-20")[1:] == [("who will race the car all season", "supported")]
    assert lineups(text.format("Matt Campbell"), "2024-01-20")[1:] == [
        ("who will race the car all season", "contradicted")
    ]
    text = (
        "Cameron stays alongside Nasr for Detroit and Watkins Glen, and Matt Campbell, who joined them at Daytona "
        "and {}, returns for Petit Le Mans as well."
    )
    assert lineups(text.format("Sebring"), "2024-05-20")[1:] == [
        ("who joined them at Daytona and Sebring", "supported"),
        ("returns for Petit Le Mans as well", "supported"),
    ]
    assert lineups(text.format("Long Beach"), "2024-05-20")[1] == (
        "who joined them at Daytona and Long Beach",
        "contradicted",
    )


def test_a_lineup_after_where_is_at_the_race_named_before_it(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 Laguna Seca, No. 7: Cameron/Nasr (Campbell drove Daytona, Sebring and Petit only)
    text = "The series moves on to Laguna Seca next month, where Dane Cameron and {} will share the No. 7."
    ok = one(pb, text.format("Felipe Nasr"), "2024-04-22", "lineup")
    assert ok.verdict == "supported" and ok.slots["events"] == ["Laguna Seca"], ok.explanation
    bad = one(pb, text.format("Matt Campbell"), "2024-04-22", "lineup")
    assert bad.verdict == "contradicted" and "Monterey" in bad.explanation, bad.explanation
    # 2021 Detroit (Belle Isle) is a missing round
    c = one(
        pb,
        "The paddock heads to Belle Isle on June 12, where Ricky Taylor and Filipe Albuquerque will share the No. 10.",
        "2021-05-17",
        "lineup",
    )
    assert c.verdict == "not checkable" and c.reason == "missing round", c.explanation


def test_a_second_lineup_predicate_of_the_same_subject(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 No. 7 Porsche: Cameron and Nasr at every GTP round, Campbell at three
    text = "{} stays in the No. 7 alongside Felipe Nasr, and will be Nasr's full-season team-mate."
    ok = [c for c in check(pb, text.format("Dane Cameron"), "2024-01-20").claims if c.type == "lineup"]
    assert [(c.text, c.verdict) for c in ok][1:] == [("will be Nasr's full-season team-mate", "supported")]
    bad = [c for c in check(pb, text.format("Matt Campbell"), "2024-01-20").claims if c.type == "lineup"]
    assert [(c.text, c.verdict) for c in bad][1:] == [("will be Nasr's full-season team-mate", "contradicted")]


def test_a_cars_lineup_at_every_round_or_at_named_races(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 No. 7 Porsche: Cameron and Nasr at every GTP round, Campbell at Daytona, Sebring and Petit
    ok = one(
        pb, "Penske's No. 7 will be shared by Dane Cameron and Felipe Nasr at every round.", "2024-01-20", "lineup"
    )
    assert ok.verdict == "supported", ok.explanation
    for text in (
        "Penske's No. 7 will be shared by Dane Cameron and Matt Campbell at every round.",
        "Penske's No. 7 will be shared by Dane Cameron and Matt Campbell at Sebring and Long Beach.",
    ):
        bad = one(pb, text, "2024-01-20", "lineup")
        assert bad.verdict == "contradicted" and "Long Beach" in bad.explanation, bad.explanation


def test_a_crew_shared_the_car_and_expected_back(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 Rolex 24, No. 7 Porsche: Cameron/Nasr/Campbell/Newgarden; Sebring: Cameron/Nasr/Campbell
    text = "Dane Cameron, Felipe Nasr and {} shared the car, which held off Pipo Derani in the closing laps."
    ok = one(pb, text.format("Josef Newgarden"), "2024-02-01", "lineup")
    assert ok.verdict == "supported" and ok.text.endswith("shared the car"), ok.explanation
    bad = one(pb, text.format("Kevin Estre"), "2024-02-01", "lineup")
    assert bad.verdict == "contradicted" and "Derani" not in bad.explanation, bad.explanation
    text = "Cameron and Nasr will race the No. 7 at Long Beach, while {} is also expected back in the No. 7 at Sebring."
    claims = [c for c in check(pb, text.format("Matt Campbell"), "2024-02-01").claims if c.type == "lineup"]
    assert (
        claims[-1].text == "Matt Campbell is also expected back in the No. 7 at Sebring"
        and claims[-1].verdict == "supported"
    )
    claims = [c for c in check(pb, text.format("Josef Newgarden"), "2024-02-01").claims if c.type == "lineup"]
    assert claims[-1].verdict == "contradicted", claims[-1].explanation


def test_kept_together_and_which_he_shares_with(pb) -> None:  # type: ignore[no-untyped-def]
    ok = one(
        pb,
        "Porsche Penske Motorsport kept Cameron and Nasr together for Detroit and Watkins Glen.",
        "2024-07-01",
        "lineup",
    )
    assert ok.verdict == "supported", ok.explanation
    # 2025 Indianapolis and Petit Le Mans are not in the data
    c = one(
        pb,
        "Porsche Penske Motorsport kept Nasr and Campbell together for Indianapolis and Petit Le Mans.",
        "2025-10-20",
        "lineup",
    )
    assert c.verdict == "not checkable" and c.reason == "missing round", c.explanation
    text = "Felipe Nasr set the fastest lap in the No. 7 Porsche, which he shares with Dane Cameron and which finished second."
    c = one(pb, text, "2024-05-20", "lineup")
    assert c.text == "which he shares with Dane Cameron" and c.verdict == "supported", (c.text, c.explanation)


def test_that_he_will_stay_in_the_car_for_the_rest_of_the_season(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTP after Sebring: Nasr in the No. 7 at every round, Campbell only at Petit
    text = "{} was second at Sebring. The team confirmed that he will stay in the car for the rest of the season."
    ok = one(pb, text.format("Felipe Nasr"), "2024-03-20", "lineup")
    assert ok.verdict == "supported" and ok.slots["subject"][0]["name"] == "Felipe Nasr", ok.explanation
    bad = one(pb, text.format("Matt Campbell"), "2024-03-20", "lineup")
    assert bad.verdict == "contradicted" and "Long Beach" in bad.explanation, bad.explanation
    past = one(
        pb,
        "Matt Campbell was second at Sebring. The team confirmed that he stayed in the car for the rest of the season.",
        "2024-12-20",
        "lineup",
    )
    assert past.verdict == "contradicted", past.explanation


def test_an_appositive_relative_lineup_then_its_subjects_verb(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 No. 7: Campbell at Daytona, Sebring and Petit, not at the Glen or Indianapolis (endurance rounds)
    text = "Matt Campbell was third at Sebring. Campbell, the Australian who was signed for the endurance rounds only, stays on for Petit Le Mans."
    claims = [(c.text, c.verdict) for c in check(pb, text, "2024-09-01").claims if c.type == "lineup"]
    assert claims == [
        ("Campbell, the Australian who was signed for the endurance rounds only", "contradicted"),
        ("stays on for Petit Le Mans", "supported"),
    ], claims


def test_made_up_the_n_man_lineup(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 Rolex 24, No. 7 Porsche: Cameron / Nasr / Campbell / Newgarden
    text = "Cameron and Nasr raced the No. 7 all year, while IndyCar star Josef Newgarden made up the {}-man line-up for the Rolex 24."
    ok = [c for c in check(pb, text.format("four"), "2024-12-01").claims if c.type == "lineup"][-1]
    assert ok.text == "Josef Newgarden made up the four-man line-up for the Rolex 24" and ok.verdict == "supported", (
        ok.explanation
    )
    bad = [c for c in check(pb, text.format("five"), "2024-12-01").claims if c.type == "lineup"][-1]
    assert bad.verdict == "contradicted" and "4 drivers" in bad.explanation, bad.explanation


def test_an_unread_subject_does_not_make_the_crew_the_subject(pb) -> None:  # type: ignore[no-untyped-def]
    # "Smithers" is no driver in the data: Derani and Nasr (who also raced sprint rounds) are not the subject
    c = one(pb, "Smithers joined Pipo Derani and Felipe Nasr for the endurance races.", "2021-11-20", "lineup")
    assert c.verdict == "not checkable" and c.reason == "ambiguous reading", c.explanation


def test_a_subject_with_an_appositive_returns_at_a_race(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 No. 7: Campbell at Daytona, Sebring and Petit only
    text = "Nasr keeps the seat for Long Beach, while Matt Campbell, absent this weekend, returns at {}."
    ok = [c for c in check(pb, text.format("Petit Le Mans"), "2024-03-20").claims if c.type == "lineup"]
    assert [(c.text, c.verdict) for c in ok][-1] == (
        "Matt Campbell, absent this weekend, returns at Petit Le Mans",
        "supported",
    )
    bad = [c for c in check(pb, text.format("Laguna Seca"), "2024-03-20").claims if c.type == "lineup"]
    assert bad[-1].verdict == "contradicted" and "Campbell" in bad[-1].explanation, bad[-1].explanation
    text = "Matt Campbell had led the No. 7 to third when the series returns at Laguna Seca."
    assert not [c for c in check(pb, text, "2024-03-20").claims if c.type == "lineup"]


def test_a_rumoured_lineup_is_not_a_statistic(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(
        pb, "Porsche and Ferrari are said to be interested in the seat alongside Felipe Nasr.", "2021-11-20", "lineup"
    )
    assert c.verdict == "not checkable" and c.reason == "not a statistic", c.explanation


def test_a_past_tense_lineup_before_the_rolex_24_is_last_seasons(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "Kyle Kirkwood was the third driver at Daytona and Sebring.", "2025-01-10", "lineup")
    assert c.slots["seasons"] == [2024] and c.verdict == "supported", c.explanation


def test_a_series_that_describes_the_subject_is_not_the_claims_scope(pb) -> None:  # type: ignore[no-untyped-def]
    # "IndyCar champion" describes Newgarden; the claim is about the 2024 Rolex 24 (No. 7)
    c = one(pb, "IndyCar champion Josef Newgarden joins Porsche Penske Motorsport's No. 7.", "2024-01-10", "lineup")
    assert c.reason is None and c.verdict == "supported", c.explanation


# -- championships and standings ------------------------------------------------------------------


def test_a_title_in_an_incomplete_season_is_decided_by_the_published_final_standings(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021 DPi: Detroit is missing; published_standings.csv 2021-dpi-019 has Derani / Nasr P1
    won = one(pb, "Pipo Derani won the 2021 DPi drivers' championship.", "2021-12-01")
    assert won.verdict == "supported" and "sportscar365" in won.explanation, won.explanation
    lost = one(pb, "Filipe Albuquerque won the 2021 DPi drivers' championship.", "2021-12-01")
    assert lost.verdict == "contradicted", lost.explanation


def test_standings_lead_with_points_after_a_round(pb) -> None:  # type: ignore[no-untyped-def]
    # 2022-gtd-016: McAleer 1,765 points after Canadian Tire Motorsport Park (published and computed)
    ok = one(pb, "Stevan McAleer led the GTD standings after Mosport with 1,765 points.", "2022-07-20")
    assert ok.type == "championship" and ok.slots["points"] == 1765 and ok.verdict == "supported", ok.explanation
    bad = one(pb, "Stevan McAleer led the GTD standings after Mosport with 1,800 points.", "2022-07-20")
    assert bad.verdict == "contradicted", bad.explanation


def test_a_place_published_for_someone_else_contradicts(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021-dpi-022: Cadillac won the 2021 DPi manufacturers' championship
    c = one(pb, "Acura finished first in the 2021 DPi manufacturers' standings.", "2021-12-01")
    assert c.verdict == "contradicted" and "Cadillac" in c.explanation, c.explanation


def test_a_margin_after_a_title_is_the_champions_margin(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021-dpi-021: Acura finished 113 points behind Cadillac in the manufacturers' championship
    claims = check(pb, "Cadillac won the 2021 DPi manufacturers' title, by 113 points over Acura.", "2021-12-01").claims
    margin = next(c for c in claims if c.slots.get("gap"))
    assert margin.text.startswith("by 113") and margin.verdict == "supported", margin.explanation
    claims = check(pb, "Cadillac won the 2021 DPi manufacturers' title, by 90 points over Acura.", "2021-12-01").claims
    assert next(c for c in claims if c.slots.get("gap")).verdict == "contradicted"


def test_points_behind_clear_of_and_trailed_by(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTP drivers after Laguna Seca: Cameron/Nasr 1357, Aitken/Derani 1307 (computed, complete)
    day = "2024-05-20"
    ok = one(pb, "Jack Aitken and Pipo Derani left Laguna Seca 50 points behind Felipe Nasr and Dane Cameron.", day)
    assert ok.slots["gap"] == 50 and ok.slots["trails"] and ok.verdict == "supported", ok.explanation
    assert ok.slots["rival"][0]["name"] == "Felipe Nasr"
    bad = one(pb, "Jack Aitken and Pipo Derani left Laguna Seca 40 points behind Felipe Nasr and Dane Cameron.", day)
    assert bad.verdict == "contradicted", bad.explanation
    # the right margin, the wrong way round
    flipped = one(
        pb, "Felipe Nasr and Dane Cameron left Laguna Seca 50 points behind Jack Aitken and Pipo Derani.", day
    )
    assert flipped.verdict == "contradicted" and "ahead of" in flipped.explanation, flipped.explanation
    clear = one(pb, "Felipe Nasr and Dane Cameron left Laguna Seca 50 points clear of Jack Aitken.", day)
    assert clear.verdict == "supported", clear.explanation
    # "trailed him": the one driver the sentence named before the subject
    claims = check(
        pb, "Cameron is the 2019 DPi champion, and Aitken trailed him by 60 points after Laguna Seca.", day
    ).claims
    trail = next(c for c in claims if c.slots.get("standing"))
    assert trail.slots["rival"][0]["name"] == "Dane Cameron" and trail.verdict == "contradicted", trail.explanation


def test_a_place_after_in_the_standings_and_a_plural_pronoun_for_the_pair(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTP after Laguna Seca: Nasr/Cameron lead; "they" is the pair the previous sentence named
    text = "After Laguna Seca, Felipe Nasr and Dane Cameron led the GTP standings ahead of Jack Aitken and Pipo Derani. In the GTP points, they are second."
    c = check(pb, text, "2024-05-20").claims[-1]
    assert c.slots["position"] == 2 and [x["name"] for x in c.slots["subject"]] == ["Felipe Nasr", "Dane Cameron"]
    assert c.verdict == "contradicted", c.explanation


def test_a_first_name_with_a_misspelt_surname_reads_as_the_full_name(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTD after Laguna Seca: Foley/Gallagher 213 behind Ellis/Ward (published)
    c = one(pb, "Robby Folley sat 200 points adrift of Philip Ellis after Laguna Seca.", "2024-05-20")
    assert c.slots["provenance"]["subject"]["confidence"] >= 0.9
    assert c.verdict == "contradicted", c.explanation


def test_a_lead_coming_into_the_weekend_is_the_table_before_the_race_in_hand(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTD: before the Six Hours of the Glen (after Laguna Seca) Ellis/Ward led by 213 (published)
    day, report = "2024-06-26", "Russell Ward and Philip Ellis won GTD at the Six Hours of the Glen. "
    for text in (
        "They had come into the weekend 213 points clear of their nearest rivals.",
        "Ward and Ellis went into the race with a 213-point lead.",
    ):
        c = check(pb, report + text, day).claims[-1]
        assert c.slots["before"] == "Six Hours of The Glen" and c.verdict == "supported", (text, c.explanation)
    # Mosport 2024: after the Glen, the round before it, Ward/Ellis led by 305 (computed, complete)
    text = "Russell Ward and Philip Ellis finished second in GTD at Mosport. Ward and Ellis arrived in Canada with a 300-point lead."
    c = check(pb, text, "2024-07-20").claims[-1]
    assert c.slots["before"] == "Mosport" and c.verdict == "contradicted", c.explanation


def test_a_points_lead_in_apposition_is_a_claim_of_its_own(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTD after Laguna Seca: Ellis/Ward 1367 points, 213 ahead of Foley/Gallagher (published)
    text = "After Laguna Seca, Russell Ward and Philip Ellis lead the GTD standings with 1,400 points, a 213-point lead over Robby Foley."
    lead, gap = check(pb, text, "2024-05-20").claims
    assert lead.slots["points"] == 1400 and lead.verdict == "contradicted", lead.explanation
    assert gap.text.startswith("213-point") and gap.verdict == "supported", gap.explanation


def test_titles_given_crowned_and_turned_into(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 GTP: Derani/Sims drivers' champions (No. 31 Whelen, Cadillac); 2023 GTD: Paul Miller No. 1
    day = "2023-11-01"
    text = "Pipo Derani and Alexander Sims sealed the GTP title, which also gave Whelen the teams' crown and Cadillac the manufacturers' title."
    claims = check(pb, text, day).claims
    assert [(c.slots["subject"][0]["name"], c.verdict) for c in claims[1:]] == [
        ("Whelen Engineering Racing", "supported"),
        ("Cadillac", "supported"),
    ], [(c.text, c.slots["subject"], c.explanation) for c in claims]
    wrong = check(
        pb, "Pipo Derani won at Sebring, which also gave Wayne Taylor Racing the GTP teams' title.", day
    ).claims
    assert wrong[-1].verdict == "contradicted", wrong[-1].explanation
    # a count inside the title given is not checked by the title check
    count = check(pb, "Derani and Sims won, giving Whelen its third teams' title in GTP.", day).claims[-1]
    assert count.verdict == "not checkable" and "third" in count.slots["unchecked"], count.explanation
    crowned = one(pb, "Bryan Sellers and Madison Snow were crowned drivers' champions in GTD.", day)
    assert crowned.verdict == "supported", crowned.explanation
    # a team's drivers' title in a season decided by the published final standings (2025 LMP2)
    team = one(pb, "AO Racing converted a difficult spring into the LMP2 drivers' championship.", "2025-10-20")
    assert team.verdict == "supported", team.explanation


def test_a_standings_place_takes_the_subject_and_class_of_its_own_clause(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTD PRO manufacturers (final, computed): Porsche, Aston Martin, Chevrolet, Lexus, Ford
    day = "2024-10-16"
    ok = check(
        pb,
        "Porsche won the GTD PRO title for Heinrich, and Chevrolet finished third in the manufacturers' standings.",
        day,
    ).claims[-1]
    assert [x["name"] for x in ok.slots["subject"]] == ["Chevrolet"] and ok.slots["class"] == "GTDPRO"
    assert ok.verdict == "supported", ok.explanation
    bad = check(
        pb,
        "Porsche won the GTD PRO title for Heinrich, and Lexus finished second in the manufacturers' standings.",
        day,
    ).claims[-1]
    assert bad.verdict == "contradicted" and "place 4" in bad.explanation, bad.explanation


def test_the_length_of_a_race_is_not_a_claimed_number(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 GTP final: Derani/Sims beat Albuquerque/Taylor by 21 points at Petit Le Mans
    c = one(pb, "Pipo Derani beat Filipe Albuquerque by 21 points after ten hours of Petit Le Mans.", "2023-10-20")
    assert c.slots["unchecked"] == [] and c.verdict == "supported", c.explanation


# -- runs of races ---------------------------------------------------------------------------------


def test_the_first_n_races_of_the_year(pb) -> None:  # type: ignore[no-untyped-def]
    # Winward No. 57 2024 GTD: 1, 1, 7, 1, 1 in the first five rounds
    assert one(pb, "Winward Racing won the first two races of the year.", "2024-07-01").verdict == "supported"
    assert one(pb, "Winward Racing won the first three races of the year.", "2024-07-01").verdict == "contradicted"
    c = one(pb, "Winward Racing won four of the first five races.", "2024-07-01")
    assert c.type == "streak" and c.verdict == "supported", c.explanation
    assert one(pb, "Winward Racing did not win any of the first two races.", "2024-07-01").verdict == "contradicted"


def test_back_to_back_needs_consecutive_rounds(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTD: Daytona and Sebring are rounds 1-2; Long Beach (No. 57 7th) is between Sebring and Laguna Seca
    ok = one(pb, "Winward Racing took back-to-back wins at Daytona and Sebring.", "2024-07-01")
    assert ok.verdict == "supported", ok.explanation
    bad = one(pb, "Winward Racing took back-to-back wins at Sebring and Laguna Seca.", "2024-07-01")
    assert bad.verdict == "contradicted" and "Long Beach" in bad.explanation, bad.explanation


def test_third_in_n_straight_races_at_listed_races(pb) -> None:  # type: ignore[no-untyped-def]
    # No. 57 2024: Road America 4th, VIR 3rd, Indianapolis 5th
    c = one(pb, "Winward Racing finished third in two straight races at VIR and Indianapolis.", "2024-10-01")
    assert c.type == "streak" and c.verdict == "contradicted", c.explanation


def test_for_the_nth_straight_year_at_a_race(pb) -> None:  # type: ignore[no-untyped-def]
    # Rolex 24 GTD: 2023 No. 27 Heart of Racing, 2024 No. 57 Winward; MSR's No. 60 won overall in 2022 and 2023
    # the win this year is a claim of its own, the run another
    bad = one(pb, "Winward Racing won GTD at the Rolex 24 for the second straight year.", "2024-02-01", "streak")
    assert bad.verdict == "contradicted", bad.explanation
    won = one(pb, "Winward Racing won GTD at the Rolex 24 for the second straight year.", "2024-02-01", "result")
    assert won.verdict == "supported", won.explanation
    ok = one(pb, "Meyer Shank Racing won the Rolex 24 for the second straight year.", "2023-02-01", "streak")
    assert ok.verdict == "supported", ok.explanation
    # 2021 is in the data and MSR did not win it
    assert (
        one(pb, "Meyer Shank Racing won the Rolex 24 for the third straight year.", "2023-02-01", "streak").verdict
        == "contradicted"
    )
    # WTR won overall in 2021; 2019 and 2020 are before the data
    old = one(pb, "At Daytona, Wayne Taylor Racing won overall for a third successive year.", "2021-02-05", "streak")
    assert old.verdict == "not checkable" and old.reason == "before the data", old.explanation


# -- details of a result ---------------------------------------------------------------------------


def test_a_margin_attached_to_a_win_is_checked(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 Sebring GTP: No. 40 beat the No. 01 by 0.891 s
    ok = one(pb, "The No. 40 Acura won the Twelve Hours of Sebring by 0.9 seconds.", "2024-04-01")
    assert ok.slots["margin_s"] == 0.9 and ok.verdict == "supported", ok.explanation
    bad = one(pb, "The No. 40 Acura won the Twelve Hours of Sebring by 2.9 seconds over the No. 01.", "2024-04-01")
    assert bad.verdict == "contradicted", bad.explanation


def test_laps_down_and_lap_time_are_checked(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 Sebring GTP: No. 6 9th with 331 laps (winner 333); No. 40's best lap 1:49.497 (the class's best)
    assert one(pb, "At Sebring the No. 6 finished ninth, two laps down.", "2024-04-01").verdict == "supported"
    assert one(pb, "At Sebring the No. 6 finished ninth, three laps down.", "2024-04-01").verdict == "contradicted"
    ok = one(pb, "At Sebring the No. 40 set the fastest GTP lap of the race, a 1:49.497.", "2024-04-01")
    assert ok.verdict == "supported", ok.explanation
    bad = one(pb, "At Sebring the No. 40 set the fastest GTP lap of the race, a 1:48.497.", "2024-04-01")
    assert bad.verdict == "contradicted", bad.explanation


def test_the_order_on_the_road_is_read_as_said(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 Indianapolis GTP: No. 6 crossed the line third, classified tenth after IMSA's decision
    assert one(pb, "The No. 6 Porsche was third across the line at Indianapolis.", "2024-09-27").verdict == "supported"
    assert one(pb, "The No. 6 Porsche finished tenth at Indianapolis.", "2024-09-27").verdict == "supported"
    assert (
        one(pb, "The No. 6 Porsche was first across the line at Indianapolis.", "2024-09-27").verdict == "contradicted"
    )


def test_the_seasons_best_or_worst_result(pb) -> None:  # type: ignore[no-untyped-def]
    # No. 57 2024 GTD class finishes: 1, 1, 7, 1, 1, 2, 4, 3, 5, 9 (9th at Petit Le Mans)
    ok = one(pb, "Winward Racing's worst result of the year was ninth at Petit Le Mans.", "2024-12-01")
    assert ok.verdict == "supported", ok.explanation
    bad = one(pb, "Winward Racing's worst result of the year was seventh at Long Beach.", "2024-12-01")
    assert bad.verdict == "contradicted", bad.explanation


# -- reading names ---------------------------------------------------------------------------------


def test_a_rival_after_behind_is_not_the_subject(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 Sebring GTP: No. 01 second behind the No. 40
    c = one(pb, "At Sebring the No. 01 Cadillac finished second behind the No. 40 Acura.", "2024-04-01", "result")
    assert c.slots["subject"][0]["key"] == "01" and c.verdict == "supported", c.explanation


def test_the_winning_car_is_a_description_not_a_claim(pb) -> None:  # type: ignore[no-untyped-def]
    claims = check(
        pb, "Ricky Taylor and Filipe Albuquerque shared the winning car at the Rolex 24.", "2021-02-01"
    ).claims
    assert all(c.type != "result" for c in claims), [(c.type, c.text) for c in claims]


def test_a_car_number_never_ends_a_sentence() -> None:
    assert len(sentences("The No. 01 finished second behind the No. 40, then won at Laguna Seca.")) == 1


def test_class_names_written_out(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 Sebring: GTD PRO won by the No. 14 Vasser Sullivan Lexus
    c = one(pb, "GT Daytona Pro went to the No. 14 Lexus at Sebring.", "2024-04-01")
    assert c.slots["class"] == "GTDPRO" and c.verdict == "supported", c.explanation


def test_a_make_with_several_cars_is_ambiguous_unless_the_claim_picks_one(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 Sebring GTP: Porsches 3rd (No. 7), 8th (No. 5), 9th (No. 6), 11th (No. 85); none won
    c = one(pb, "Porsche finished ninth in GTP at Sebring.", "2024-04-01")
    assert c.verdict == "not checkable" and c.reason == "ambiguous reading", c.explanation
    assert one(pb, "Porsche won GTP at Sebring.", "2024-04-01").verdict == "contradicted"
    # Acura: No. 40 won and set the class's fastest lap; "the pole-winning X" picks the car that took pole
    assert one(pb, "Acura set the fastest GTP lap at Sebring.", "2024-04-01").verdict == "supported"


def test_won_n_of_the_m_class_races(pb) -> None:  # type: ignore[no-untyped-def]
    # Winward No. 57 2024 GTD: 4 wins in 10 starts
    c = one(pb, "Winward Racing won four of the ten GTD races in 2024.", "2024-12-01")
    assert c.type == "count" and c.verdict == "supported", c.explanation
    assert one(pb, "Winward Racing won five of the ten GTD races in 2024.", "2024-12-01").verdict == "contradicted"


# -- a claim is supported only when every part it states was checked (issue 13, partial readings)
# 2023 No. 31 Whelen Cadillac (GTP): pole at Sebring and Road America, not Long Beach; fastest lap
# at Laguna Seca and Mosport, not Sebring; 5th at Long Beach, 7th at Mosport; Jack Aitken only at
# the endurance rounds (not Long Beach); one win (Sebring, with Derani, Sims and Aitken).
def test_every_race_of_a_listed_fastest_lap_is_checked(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "The No. 31 Cadillac set the fastest lap at Laguna Seca and at Sebring.", "2023-11-01")
    assert c.type == "fastest_lap" and c.verdict == "contradicted", c.explanation
    c = one(pb, "The No. 31 Cadillac set the fastest lap at Laguna Seca and at Mosport.", "2023-11-01")
    assert c.verdict == "supported", c.explanation


def test_every_race_of_a_listed_pole_is_checked(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "The No. 31 Cadillac took pole at Sebring and Long Beach.", "2023-11-01")
    assert c.type == "qualifying" and c.verdict == "contradicted", c.explanation


def test_places_listed_with_races_are_read_respectively(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "The No. 31 Cadillac finished fifth and seventh at Long Beach and Mosport.", "2023-11-01")
    assert c.verdict == "supported", c.explanation
    c = one(pb, "The No. 31 Cadillac finished fifth and sixth at Long Beach and Mosport.", "2023-11-01")
    assert c.verdict == "contradicted", c.explanation


def test_a_driver_describing_a_car_is_checked_against_its_crew(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "The No. 31 Cadillac of Pipo Derani and Jack Aitken finished fifth at Long Beach.", "2023-11-01")
    assert c.verdict == "contradicted", c.explanation
    c = one(pb, "The No. 31 Cadillac of Pipo Derani and Alexander Sims finished fifth at Long Beach.", "2023-11-01")
    assert c.verdict == "supported", c.explanation


def test_together_is_a_part_that_blocks_supported(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "Pipo Derani has one win together with Jack Aitken in 2023.", "2023-11-01")
    assert c.verdict == "not checkable" and c.reason == "ambiguous reading", c.explanation
    assert "together" in c.slots["unchecked"]


def test_all_races_is_a_part_that_blocks_supported(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "The No. 31 Cadillac took pole at all nine races in 2023 at Sebring.", "2023-11-01")
    assert c.verdict != "supported", c.explanation


def test_finishing_verbs_faded_dropped_and_completed_the_podium(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 No. 31 (GTP): 5th at Long Beach, 3rd at Laguna Seca
    c = one(pb, "The No. 31 Cadillac faded to fifth at Long Beach.", "2023-11-01")
    assert c.type == "result" and c.verdict == "supported", c.explanation
    c = one(pb, "The No. 31 Cadillac dropped to sixth at Long Beach.", "2023-11-01")
    assert c.verdict == "contradicted", c.explanation
    c = one(pb, "The No. 31 Cadillac completed the GTP podium at Laguna Seca.", "2023-11-01")
    assert c.slots["position"] == 3 and c.verdict == "supported", c.explanation


def test_a_day_of_the_month_is_part_of_a_date_not_a_claimed_number(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 Sebring (GTP): the No. 31 won on 18 March 2023
    c = one(pb, "The No. 31 Cadillac won the Twelve Hours of Sebring on 18 March 2023.", "2023-11-01")
    assert c.verdict == "supported" and not c.slots["unchecked"], c.explanation


# -- the provenance gate: contradicted only on slots stated or confidently inferred -------------
# 2023 Six Hours of The Glen (25 Jun 2023), GTD: No. 1 Paul Miller BMW 2nd, No. 16 Wright Porsche
# 3rd; GTP: No. 25 BMW 1st and No. 31 Cadillac 2nd after IMSA's decision.
GLEN_HEAD = "Paul Miller Racing at the Six Hours of The Glen\n\n"


def test_provenance_records_stated_and_inferred_slots(pb) -> None:  # type: ignore[no-untyped-def]
    stated = one(pb, "The No. 1 Paul Miller BMW finished third at the Six Hours of The Glen.", "2023-12-01")
    assert stated.slots["provenance"]["event"]["source"] == "stated"
    inferred = one(pb, GLEN_HEAD + "The No. 1 Paul Miller BMW finished third.", "2023-12-01", "result")
    assert inferred.slots["provenance"]["event"]["source"] == "article"
    assert inferred.slots["provenance"]["event"]["confidence"] < 0.9


def test_a_stated_race_can_contradict(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "The No. 1 Paul Miller BMW finished third at the Six Hours of The Glen.", "2023-12-01")
    assert c.verdict == "contradicted" and "P2" in c.explanation


def test_the_articles_race_months_later_is_an_ambiguous_reading(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, GLEN_HEAD + "The No. 1 Paul Miller BMW finished third.", "2023-12-01", "result")
    assert (c.verdict, c.reason) == ("not checkable", "ambiguous reading")
    assert "inferred from the article's own race" in c.explanation and "P2" in c.explanation


def test_the_articles_race_in_a_race_report_can_contradict(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, GLEN_HEAD + "The No. 1 Paul Miller BMW finished third.", "2023-06-30", "result")
    assert c.verdict == "contradicted"


def test_a_pronoun_after_two_cars_cannot_contradict(pb) -> None:  # type: ignore[no-untyped-def]
    text = "The No. 1 Paul Miller BMW and the No. 16 Wright Porsche raced at the Six Hours of The Glen. It finished second."
    c = [v for v in check(pb, text, "2023-06-30").claims if v.text.endswith("finished second")]
    assert len(c) == 1 and c[0].slots["provenance"]["subject"]["source"] == "pronoun"
    assert (c[0].verdict, c[0].reason) == ("not checkable", "ambiguous reading")


def test_a_count_without_a_time_is_contradicted_only_if_the_season_agrees(pb) -> None:  # type: ignore[no-untyped-def]
    # Tower Motorsport: 3 LMP2 wins from 2021 to Oct 2022, 2 of them in 2022 (Laguna Seca, Petit)
    c = one(pb, "Tower Motorsport won two races.", "2022-10-04")
    assert (c.verdict, c.reason) == ("not checkable", "ambiguous reading")
    # a career figure reaches before the data: more wins than the data shows may be true
    c = one(pb, "Tower Motorsport won seven races.", "2022-10-04")
    assert c.verdict == "not checkable", c.explanation
    # fewer than the data shows is false as a career figure and as this season's
    c = one(pb, "Tower Motorsport won one race.", "2022-10-04")
    assert c.verdict == "contradicted", c.explanation


def test_which_stands_for_the_name_right_before_it(pb) -> None:  # type: ignore[no-untyped-def]
    text = "At the Six Hours of The Glen the No. 25 BMW beat the No. 31 Cadillac, which finished second."
    c = [v for v in check(pb, text, "2023-06-30").claims if v.text.endswith("finished second")]
    assert len(c) == 1 and c[0].slots["subject"][0]["name"] == "#31" and c[0].verdict == "supported"


def test_the_winning_car_after_behind_is_the_rival(pb) -> None:  # type: ignore[no-untyped-def]
    # the subject is not named in the clause: the winning No. 25 must not become it
    text = "The No. 31 Cadillac was quick. At the Six Hours of The Glen, the car finished second behind the winning No. 25 BMW."
    claims = check(pb, text, "2023-06-30").claims
    assert not [c for c in claims if any(x["name"] == "#25" for x in c.slots.get("subject", []))]
    assert not [c for c in claims if c.verdict == "contradicted"]


# -- held-out review 2: stated slots ------------------------------------------------------------


def test_wins_out_of_starts_is_one_claim_checking_both_numbers(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023: Pipo Derani 1 win (Sebring) in 9 starts; the starts half alone must never be a claim
    text = "Pipo Derani scored one win out of nine starts in 2023. Derani also took one win out of 11 starts in 2023."
    claims = check(pb, text, "2023-12-01").claims
    assert [(c.type, c.verdict) for c in claims] == [("count", "supported"), ("count", "contradicted")]
    assert claims[0].slots["starts"] == 9 and claims[1].slots["starts"] == 11
    won = one(pb, "Pipo Derani won two races from nine starts in 2023.", "2023-12-01")
    assert won.verdict == "contradicted" and won.slots["starts"] == 9


def test_a_points_lead_going_into_a_round_reads_the_table_before_it(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 GTP drivers after Indianapolis (the round before Petit Le Mans): Derani/Sims 2460,
    # Albuquerque/Taylor 2457 (published gap 3); after Petit the final gap was 21
    day = "2023-11-01"
    for text in (
        "Pipo Derani and Alexander Sims went into the finale with a three-point lead.",
        "Derani and Sims arrived at Petit Le Mans with a 3-point lead over Filipe Albuquerque and Ricky Taylor.",
        "Derani and Sims were heading to Petit Le Mans with a three-point lead.",
        "Derani and Sims left Indianapolis with a three-point lead.",
    ):
        assert one(pb, text, day).verdict == "supported", text
    assert one(pb, "Derani and Sims went into the finale with a five-point lead.", day).verdict == "contradicted"


def test_a_year_in_a_relative_clause_is_that_claims_season_only(pb) -> None:  # type: ignore[no-untyped-def]
    # Ricky Taylor won the 2021 Rolex 24 (DPi, No. 10) and was classified ninth in GTP at the 2023
    # Petit Le Mans (third in 2021): the main claim is about the article's season
    text = "Ricky Taylor, who also won the Rolex 24 with the team in 2021, finished ninth at Petit Le Mans."
    rel, own = check(pb, text, "2023-10-20").claims
    assert rel.verdict == "supported" and rel.slots["seasons"] == [2021]
    assert own.text == "finished ninth at Petit Le Mans" and own.verdict == "supported"
    assert own.slots["seasons"] == []


def test_a_relative_clause_about_another_series_is_its_own_claim(pb) -> None:  # type: ignore[no-untyped-def]
    # Helio Castroneves won the 2023 Petit Le Mans (GTP, No. 60); Nick Tandy won GTP at
    # Indianapolis 2023 (No. 6)
    for text, aside, own in (
        ("Helio Castroneves, who raced in the Indianapolis 500 in May, won Petit Le Mans.",
         "who raced in the Indianapolis 500 in May", "won Petit Le Mans"),
        ("Nick Tandy, a class winner at the 24 Hours of Le Mans in 2018, won at Indianapolis.",
         "a class winner at the 24 Hours of Le Mans in 2018", "won at Indianapolis"),
    ):  # fmt: skip
        claims = check(pb, text, "2023-10-20").claims
        assert [(c.text, c.verdict, c.reason) for c in claims] == [
            (aside, "not checkable", "outside the championship"),
            (own, "supported", None),
        ]


def test_an_unresolved_name_in_a_claim_is_an_unchecked_part(pb) -> None:  # type: ignore[no-untyped-def]
    # Tom Blomqvist was second in GTP at the 2024 Rolex 24 (No. 31); "Marco Vantorre" is no driver
    # in the data, so the claim cannot be supported as a whole
    got = one(pb, "Tom Blomqvist and Marco Vantorre finished second at the Rolex 24.", "2024-02-01")
    assert got.verdict == "not checkable" and "Marco Vantorre" in got.slots["unchecked"]
    for text in (
        "Marco Vantorre and Tom Blomqvist finished second at the Rolex 24.",
        "Meanwhile Marco Vantorre and Tom Blomqvist finished second at the Rolex 24.",
    ):
        got = one(pb, text, "2024-02-01")
        assert got.text.startswith("Marco Vantorre") and got.verdict == "not checkable"


def test_a_shared_car_line_up_checks_every_named_driver(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 Rolex 24, No. 7 Porsche Penske: Cameron / Nasr / Campbell / Newgarden; Derani was in the No. 31
    day = "2024-02-01"
    true = "Dane Cameron, Felipe Nasr and Matt Campbell shared the car with Josef Newgarden at the Rolex 24."
    false = "Dane Cameron, Felipe Nasr and Pipo Derani shared the car with Josef Newgarden at the Rolex 24."
    assert one(pb, true, day).verdict == "supported"
    got = one(pb, false, day)
    assert got.verdict == "contradicted" and "Pipo Derani" in got.explanation


def test_the_teams_nth_win_counts_the_teams_class_wins_to_date(pb) -> None:  # type: ignore[no-untyped-def]
    # Heart of Racing Team 2024: No. 23 won GTD PRO at Watkins Glen (23 June), No. 27 won GTD at
    # CTMP (14 July); by 20 July the team had one GTD win (two in all classes)
    day = "2024-07-20"
    text = "The No. 27 Heart of Racing Team Aston Martin won in GTD at CTMP. It was the team's first win of the year."
    got = check(pb, text, day).claims[-1]
    assert got.slots["subject"][0]["kind"] == "team" and got.slots["class"] == "GTD"
    assert got.verdict == "supported"
    text = "The No. 27 Heart of Racing Team Aston Martin won in GTD at CTMP, the team's second win of the year."
    got = check(pb, text, day).claims[-1]
    assert got.slots["subject"][0]["name"] == "Heart of Racing Team" and got.verdict == "contradicted"


def test_a_car_number_is_read_in_the_articles_season_and_class(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023: No. 023 Triarsi Ferrari (GTD) one top-5 in 4 starts; No. 23 Heart of Racing Aston
    # Martin (GTD PRO) two wins. 2024: No. 023 two top-5s. 2021: No. 97 was TF Sport (GTD,
    # Rolex 24) and WeatherTech Racing (GTLM, 2nd at Petit Le Mans)
    text = (
        "Looking back\n\nIn 2023, Triarsi Competizione entered the GTD class. The No. 023 Ferrari had one "
        "top-five finish. The No. 23 Aston Martin won twice."
    )
    claims = check(pb, text, "2025-01-10").claims
    assert [(c.slots["numbers"], c.verdict) for c in claims] == [(["023"], "supported"), (["23"], "supported")]
    got = one(pb, "The No. 97 finished second in GTLM at Petit Le Mans.", "2021-11-20")
    assert got.verdict == "supported"
    got = one(pb, "WeatherTech Racing brought a Porsche. The No. 97 finished second at Petit Le Mans.", "2021-11-20")
    assert got.verdict == "supported"


def test_the_team_a_driver_moves_from_is_not_the_line_ups_team(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 Rolex 24: Tom Blomqvist in the No. 31 Whelen Cadillac with Derani and Aitken (No. 60 MSR in 2023)
    text = "Tom Blomqvist moves from Meyer Shank Racing to the No. 31 Whelen Cadillac alongside Pipo Derani and Jack Aitken."
    got = one(pb, text, "2024-01-15", "lineup")
    assert got.verdict == "supported" and got.slots["team"] != "Meyer Shank Racing w/ Curb Agajanian"


def test_wins_from_class_starts_is_one_count(pb) -> None:  # type: ignore[no-untyped-def]
    """ "N wins from M LMP3 starts": a class between the number and "starts" keeps the two numbers
    one claim (the starts alone must never be supported while the wins are wrong). Gar Robinson,
    LMP3, 2021-22: 8 wins in 14 starts."""
    wrong = pb.check("Gar Robinson now has nine wins from 14 LMP3 starts since 2021.", "2022-12-31").claims
    assert [(c.verdict, c.slots.get("starts")) for c in wrong] == [("contradicted", 14)]
    right = pb.check("Gar Robinson now has eight wins from 14 LMP3 starts since 2021.", "2022-12-31").claims
    assert [c.verdict for c in right] == ["supported"]


# -- the grid, the cars behind, subjects after the trigger (session 2026-12-01) --------------------
# Mid-Ohio 2022 DPi (results and qualifying files): 1 No. 10 (grid 2), 2 No. 60 (grid 3),
# 3 No. 31 (grid 5), 4 No. 02 (grid 4), 5 No. 01 (pole).


def test_a_grid_place_is_a_qualifying_claim(pb) -> None:  # type: ignore[no-untyped-def]
    good = one(pb, "At Mid-Ohio the No. 10 Acura, from second on the grid, won.", "2022-05-20", "qualifying")
    assert good.verdict == "supported" and good.slots["grid"] == 2, good.explanation
    bad = one(pb, "The No. 31 was fourth on the grid at Mid-Ohio.", "2022-05-20", "qualifying")
    assert bad.verdict == "contradicted", bad.explanation
    started = one(pb, "The No. 60 started from third at Mid-Ohio.", "2022-05-20", "qualifying")
    assert started.verdict == "supported", started.explanation


def test_a_subject_after_went_to_is_the_subject(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "At Mid-Ohio the No. 31 struggled, and the pole went to the No. 01 Cadillac.", "2022-05-20")
    assert c.type == "qualifying" and c.verdict == "supported", c.explanation
    assert c.text.endswith("No. 01 Cadillac")
    third = one(pb, "Third place was enough for Pipo Derani and Tristan Nunez at Mid-Ohio.", "2022-05-20")
    assert third.verdict == "supported" and third.slots["position"] == 3, third.explanation


def test_cars_held_off_finished_right_behind_in_the_order_named(pb) -> None:  # type: ignore[no-untyped-def]
    text = "The No. 10 won at Mid-Ohio, holding off the No. 60 and the No. 31."
    c = check(pb, text, "2022-05-20").claims[-1]
    assert c.text == "holding off the No. 60 and the No. 31" and c.verdict == "supported", c.explanation
    wrong = check(pb, "The No. 10 won at Mid-Ohio, ahead of the No. 31.", "2022-05-20").claims[-1]
    assert wrong.verdict == "contradicted", wrong.explanation  # the No. 31 was third, not second
    # after a lower place "ahead of" a car further back is a looser reading: not a contradiction
    loose = check(pb, "The No. 60 finished second at Mid-Ohio, ahead of the No. 02.", "2022-05-20").claims[-1]
    assert loose.verdict == "not checkable" and loose.reason == "ambiguous reading", loose.explanation
    before = check(pb, "The No. 60 finished second at Mid-Ohio, ahead of the No. 10.", "2022-05-20").claims[-1]
    assert before.verdict == "contradicted", before.explanation


def test_a_points_gap_ahead_of_is_not_a_race_order(pb) -> None:  # type: ignore[no-untyped-def]
    claims = check(pb, "After Mid-Ohio the No. 10 crew were 20 points ahead of the No. 60.", "2022-05-20").claims
    assert all(c.slots.get("order") is None for c in claims), [(c.text, c.type) for c in claims]


def test_a_second_list_of_places_is_its_own_claim(pb) -> None:  # type: ignore[no-untyped-def]
    claims = check(pb, "The No. 31 finished third at Mid-Ohio and fifth at Sebring.", "2022-05-20").claims
    assert [(c.text, c.verdict) for c in claims] == [
        ("No. 31 finished third at Mid-Ohio", "supported"),
        ("and fifth at Sebring", claims[1].verdict),
    ]


def test_a_surname_two_named_drivers_share_is_read_as_no_one(pb) -> None:  # type: ignore[no-untyped-def]
    text = "Ricky Taylor and Jordan Taylor were both at Mid-Ohio. Taylor won at Mid-Ohio."
    assert not [c for c in check(pb, text, "2022-05-20").claims if c.text.startswith("Taylor")]


def test_a_plural_pronoun_for_a_named_crew_can_contradict(pb) -> None:  # type: ignore[no-untyped-def]
    text = "Pipo Derani and Tristan Nunez drive the No. 31. At Mid-Ohio they finished second."
    c = one(pb, text, "2022-05-20", "result")
    assert c.verdict == "contradicted", c.explanation


# No. 10 (Wayne Taylor Racing) in 2022 DPi: won Laguna Seca (1 May), Mid-Ohio (15 May), the Glen
# (26 Jun) and Road America (7 Aug); 2nd at the Rolex 24.


def test_for_the_nth_time_this_year_counts_the_verb_before_it(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "At Mid-Ohio the No. 10 won for the second time this year.", "2022-05-16", "count")
    assert c.slots["value"] == 2 and c.slots["metric"] == "wins" and c.verdict == "supported", c.explanation
    bad = one(pb, "At Mid-Ohio the No. 10 won for the third time this year.", "2022-05-16", "count")
    assert bad.verdict == "contradicted", bad.explanation


def test_an_ordinal_of_the_season_counts_up_to_the_race_it_is_about(pb) -> None:  # type: ignore[no-untyped-def]
    # a review written in October: "second win of the season" at Mid-Ohio counts wins up to Mid-Ohio
    c = one(pb, "Mid-Ohio was the No. 10's second win of the season.", "2022-10-20", "count")
    assert c.verdict == "supported" and c.slots["as_of"] == "Mid-Ohio", c.explanation
    bad = one(pb, "The Glen was the No. 10's second win of the season.", "2022-10-20", "count")
    assert bad.verdict == "contradicted", bad.explanation  # the third, after Laguna Seca and Mid-Ohio


def test_the_earlier_win_named_after_a_second_win_is_checked(pb) -> None:  # type: ignore[no-untyped-def]
    good = one(pb, "At Mid-Ohio the No. 10 took its second win of the year, after Laguna Seca.", "2022-05-16", "count")
    assert good.slots["where"] == ["Laguna Seca"] and good.verdict == "supported", good.explanation
    bad = one(pb, "At Mid-Ohio the No. 10 took its second win of the year, after the Rolex 24.", "2022-05-16", "count")
    assert bad.verdict == "contradicted", bad.explanation  # second at the Rolex 24


def test_the_car_of_named_drivers_is_not_a_pronoun(pb) -> None:  # type: ignore[no-untyped-def]
    text = "The No. 60 was second at Mid-Ohio. The car of Ricky Taylor and Filipe Albuquerque was first at Mid-Ohio."
    c = check(pb, text, "2022-05-16").claims[-1]
    assert {x["name"] for x in c.slots["subject"]} == {"Ricky Taylor", "Filipe Albuquerque"}, c.slots["subject"]
    assert c.verdict == "supported", c.explanation


def test_a_race_named_in_a_relative_clause_is_not_the_main_claims(pb) -> None:  # type: ignore[no-untyped-def]
    text = "Mid-Ohio report. The No. 60, which won the Rolex 24 in January, finished second."
    claims = check(pb, text, "2022-05-16").claims
    assert [(c.slots["event"], c.verdict) for c in claims] == [("Rolex 24", "supported"), ("Mid-Ohio", "supported")]


def test_held_off_is_measured_against_its_own_subject(pb) -> None:  # type: ignore[no-untyped-def]
    # "second at the Glen" is an aside: the cars held off are measured against the No. 10 at Mid-Ohio
    text = "Mid-Ohio report. The No. 10, first at the Glen in June, held off the No. 60 and the No. 31 at Mid-Ohio."
    c = check(pb, text, "2022-08-10").claims[-1]
    assert c.slots["event"] == "Mid-Ohio" and c.verdict == "supported", c.explanation


# Mid-Ohio 2021 (results, qualifying and laps files): DPi 1 No. 10, 4 No. 5, 6 (last of six)
# No. 60, pole No. 55 (Tincknell set the time); GTD winner No. 96, pole No. 14 (Telitz set it,
# not Hawksworth). The No. 60 was third at Sebring 2021 after IMSA's decision.


def test_finished_last_is_the_last_place_of_the_class(pb) -> None:  # type: ignore[no-untyped-def]
    good = one(pb, "At Mid-Ohio the No. 60 finished last of the six DPi cars.", "2021-05-17")
    assert good.verdict == "supported" and good.slots["last"], good.explanation
    assert one(pb, "At Mid-Ohio the No. 5 finished last.", "2021-05-17").verdict == "contradicted"
    field = one(pb, "At Mid-Ohio the No. 60 finished last of the eight DPi cars.", "2021-05-17")
    assert field.verdict == "contradicted", field.explanation


def test_the_car_a_driver_drove_is_checked(pb) -> None:  # type: ignore[no-untyped-def]
    good = one(pb, "At Mid-Ohio Robby Foley won in the No. 96 Turner Motorsport BMW.", "2021-05-17")
    assert good.slots["car_stated"] == "96" and good.verdict == "supported", good.explanation
    bad = one(pb, "At Mid-Ohio Robby Foley won in the No. 97.", "2021-05-17")
    assert bad.verdict == "contradicted", bad.explanation


def test_put_the_car_on_pole_is_the_driver_who_set_the_time(pb) -> None:  # type: ignore[no-untyped-def]
    set_it = one(pb, "At Mid-Ohio Harry Tincknell put the No. 55 on pole.", "2021-05-17")
    assert set_it.verdict == "supported", set_it.explanation
    crew = one(pb, "At Mid-Ohio Jack Hawksworth put the No. 14 on pole.", "2021-05-17")
    assert crew.verdict == "contradicted", crew.explanation  # Telitz set the time
    credited = one(pb, "At Mid-Ohio Jack Hawksworth took pole.", "2021-05-17")
    assert credited.verdict == "supported", credited.explanation  # the pole is the crew's
    both = one(pb, "At Mid-Ohio Jack Hawksworth and Aaron Telitz put the No. 14 on pole.", "2021-05-17")
    assert both.verdict == "supported", both.explanation  # two drivers named: the crew's pole


def test_a_race_in_a_description_or_with_its_own_time_is_not_the_race_reported(pb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mid-Ohio report.\n\nThe No. 60, runner-up at Sebring, finished last. The No. 10 won at Daytona in "
        "January. The No. 5 was fourth."
    )
    claims = check(pb, text, "2021-05-17").claims
    last = [c for c in claims if c.text.startswith("finished last") or c.text.endswith("finished last")]
    assert last and last[0].slots["event"] == "Mid-Ohio" and last[0].verdict == "supported", last
    fourth = claims[-1]
    assert fourth.slots["event"] == "Mid-Ohio" and fourth.verdict == "supported", fourth.explanation


def test_the_race_winner_description_is_its_own_claim(pb) -> None:  # type: ignore[no-untyped-def]
    claims = check(pb, "Mid-Ohio report.\n\nThe No. 10, the Rolex 24 winner, won again.", "2021-05-17").claims
    assert [(c.slots["event"], c.verdict) for c in claims] == [("Rolex 24", "supported"), ("Mid-Ohio", "supported")]


def test_it_was_his_reads_his(pb) -> None:  # type: ignore[no-untyped-def]
    # Gar Robinson 2021 up to Mid-Ohio (LMP3, No. 74 Riley): 1st Daytona, 3rd Sebring, 1st Mid-Ohio
    text = "Mid-Ohio report.\n\nGar Robinson won LMP3 for Riley Motorsports. It was his second win of the year."
    c = check(pb, text, "2021-05-17").claims[-1]
    assert c.slots["subject"][0]["name"] == "Gar Robinson" and c.verdict == "supported", c.explanation
    more = check(pb, text.replace("second win of the year.", "third podium in three races this year."), "2021-05-17")
    assert more.claims[-1].slots["starts"] == 3 and more.claims[-1].verdict == "supported", more.claims[-1].explanation


def test_back_to_back_after_a_race_is_that_race_and_the_race_reported(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTD PRO: No. 77 AO Racing won Laguna Seca (5 May) and Detroit (1 June), consecutive rounds
    good = check(
        pb, "Detroit report.\n\nThe No. 77 won again, making it back-to-back wins after Laguna Seca.", "2024-06-03"
    )
    assert good.claims[-1].slots["events"] == ["Laguna Seca", "Detroit"] and good.claims[-1].verdict == "supported"
    bad = check(pb, "Detroit report.\n\nThe No. 77 won again, a second straight win after Sebring.", "2024-06-03")
    assert bad.claims[-1].verdict == "contradicted", bad.claims[-1].explanation  # Laguna Seca came between


def test_a_winner_at_description_is_its_own_claim_with_its_own_time(pb) -> None:  # type: ignore[no-untyped-def]
    # Tower No. 8 won LMP2 at Petit 2021; 7th in LMP2 at Sebring 2022
    claims = check(
        pb, "Sebring report.\n\nTower's No. 8, the Petit Le Mans winner last year, was seventh.", "2022-03-21"
    ).claims
    assert [(c.slots["event"], c.slots["seasons"], c.verdict) for c in claims] == [
        ("Petit Le Mans", [2021], "supported"),
        ("Sebring", [], "supported"),
    ]


# Rolex 24 2021 (results file): DPi 1 No. 10, 2 No. 48, 3 No. 55, 6 No. 31; GTLM 1 No. 3, 2 No. 4
# (Corvette Racing). Mid-Ohio 2021: No. 55 3rd, 2nd at Sebring, 3rd at Daytona (3 podiums in 3).


def test_places_in_a_with_list(pb) -> None:  # type: ignore[no-untyped-def]
    text = "Rolex 24 report.\n\nThe No. 10 won, with the No. 48 second and Mazda's No. 55 in third."
    claims = check(pb, text, "2021-02-01").claims
    assert [(c.text, c.slots["position"], c.verdict) for c in claims[1:]] == [
        ("with the No. 48 second", 2, "supported"),
        ("and Mazda's No. 55 in third", 3, "supported"),
    ]
    bad = check(pb, "Rolex 24 report.\n\nThe No. 10 won, with the No. 31 second.", "2021-02-01").claims[-1]
    assert bad.verdict == "contradicted", bad.explanation


def test_settle_for_and_were_are_places(pb) -> None:  # type: ignore[no-untyped-def]
    assert one(pb, "At the Rolex 24 the No. 31 had to settle for sixth.", "2021-02-01").verdict == "supported"
    assert one(pb, "At the Rolex 24 the No. 31 crew were fifth.", "2021-02-01").verdict == "contradicted"


def test_a_one_two_needs_the_subjects_cars_first_and_second(pb) -> None:  # type: ignore[no-untyped-def]
    good = one(pb, "Corvette Racing scored a one-two in GT Le Mans at the Rolex 24.", "2021-02-01")
    assert good.verdict == "supported" and good.slots["one_two"], good.explanation
    bad = one(pb, "Wayne Taylor Racing scored a one-two in DPi at the Rolex 24.", "2021-02-01")
    assert bad.verdict == "contradicted", bad.explanation


def test_every_race_but_one(pb) -> None:  # type: ignore[no-untyped-def]
    good = one(pb, "Mid-Ohio report. The No. 55 now has a podium in every race this year.", "2021-05-17")
    assert good.verdict == "supported" and good.slots["all_but"] == 0, good.explanation
    bad = one(pb, "Mid-Ohio report. The No. 55 was in the top five in every race but one.", "2021-05-17")
    assert bad.verdict == "contradicted", bad.explanation  # top five in all three


def test_an_only_win_is_a_count_of_one(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "Ricky Taylor's only win of 2021 came at Mid-Ohio.", "2021-05-17")
    assert c.slots["value"] == 1 and c.verdict == "contradicted", c.explanation  # Daytona and Mid-Ohio


def test_a_number_in_a_race_name_is_not_a_count(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "Wayne Taylor Racing celebrated its Rolex 24 victory in 2021.", "2021-02-01")
    assert c.type == "result" and c.slots["event"] == "Rolex 24" and c.verdict == "supported", c.explanation


def test_together_is_checked_as_one_car(pb) -> None:  # type: ignore[no-untyped-def]
    # Rolex 24 2021: Ward and Ellis in the winning GTD No. 57; Ricky Taylor in the winning DPi No. 10
    good = one(pb, "Russell Ward and Philip Ellis won the Rolex 24 together in 2021.", "2022-06-27")
    assert good.verdict == "supported" and good.slots["together"], good.explanation
    bad = one(pb, "Russell Ward and Ricky Taylor won the Rolex 24 together in 2021.", "2022-06-27")
    assert bad.verdict == "contradicted", bad.explanation


def test_a_crews_count_is_the_races_they_shared(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021 LMP3: Robinson won five races, four of them with Fraga in the No. 74 (Daytona without him)
    c = one(pb, "Gar Robinson and Felipe Fraga won five races together last year.", "2022-06-27")
    assert c.verdict == "contradicted" and "4 wins" in c.explanation, c.explanation
    assert (
        one(pb, "Gar Robinson and Felipe Fraga won four races together last year.", "2022-06-27").verdict == "supported"
    )


def test_a_team_a_driver_won_with_is_checked(pb) -> None:  # type: ignore[no-untyped-def]
    # Petit 2024 GTD: No. 34 Conquest Racing (Sbirrazzuoli / Costa / Franco) won
    good = one(pb, "Albert Costa won in GTD with Conquest Racing at Petit Le Mans last year.", "2025-10-20")
    assert good.verdict == "supported", good.explanation
    bad = one(pb, "Albert Costa won in GTD with Paul Miller Racing at Petit Le Mans last year.", "2025-10-20")
    assert bad.verdict == "contradicted", bad.explanation


def test_a_career_count_in_a_class_born_in_the_data_is_complete(pb) -> None:  # type: ignore[no-untyped-def]
    # GTP began in 2023: BMW's first GTP win was the Glen 2023 (No. 25)
    c = one(pb, "Watkins Glen report. The result hands BMW its first win in the GTP class.", "2023-06-30")
    assert c.verdict == "supported", c.explanation


def test_here_is_the_articles_race(pb) -> None:  # type: ignore[no-untyped-def]
    # Six Hours of the Glen 2021 LMP2: No. 11 won, No. 18 fifth
    text = "Watkins Glen report.\n\nEra Motorsport's No. 18, which won the class here last year, was second."
    c = check(pb, text, "2022-06-27").claims[0]
    assert c.verdict == "contradicted" and c.slots["provenance"]["event"]["source"] == "stated", c.explanation


def test_back_to_back_race_wins_are_two_editions(pb) -> None:  # type: ignore[no-untyped-def]
    # Sebring LMP2: No. 52 PR1 Mathiasen won in 2021 (after IMSA's decision) and 2022
    c = one(
        pb, "Sebring report. The No. 52 won LMP2, giving the team back-to-back Sebring wins.", "2022-03-21", "streak"
    )
    assert c.slots["races"] == "editions" and c.verdict == "supported", c.explanation


def test_a_run_ended_by_the_race_reported_is_not_read_as_a_current_run(pb) -> None:  # type: ignore[no-untyped-def]
    text = "Detroit report. The No. 7 was fifth, which ended a run of four straight podiums for the car."
    c = one(pb, text, "2024-06-03", "streak")
    assert c.verdict == "not checkable" and c.slots["ended_run"], c.explanation


def test_an_n_time_winner_is_a_career_figure(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "In 2024 Filipe Albuquerque, a two-time Rolex 24 winner, won at Detroit.", "2024-06-03", "count")
    assert c.slots["career"] and c.verdict == "not checkable" and c.reason == "before the data", c.explanation


def test_the_class_of_a_counts_own_clause(pb) -> None:  # type: ignore[no-untyped-def]
    # DragonSpeed: LMP2 wins before 2025; its first GTD PRO win was CTMP 2025 (No. 81)
    c = one(pb, "At Mosport, DragonSpeed won in GTD PRO for the first time.", "2025-07-14", "count")
    assert c.slots["class"] == "GTDPRO" and c.verdict == "supported", c.explanation


def test_a_guess_cannot_support_either(pb) -> None:  # type: ignore[no-untyped-def]
    # a season review in October 2025 about Mosport (CTMP, 13 July): a sentence naming no race is
    # read as the article's race, a guess months later (the No. 81 did win at Mosport)
    text = "Season review: DragonSpeed at Mosport\n\nSomewhere along the way the No. 81 won."
    c = check(pb, text, "2025-10-20").claims[-1]
    assert c.verdict == "not checkable" and c.reason == "ambiguous reading", c.explanation
    # the same sentence in the race report itself is a confident reading
    report = check(pb, "Mosport report\n\nThe No. 81 won GTD PRO.", "2025-07-14").claims[-1]
    assert report.verdict == "supported", report.explanation


# Mid-Ohio 2022 DPi (results, qualifying and laps files): No. 10 won from second on the grid and
# led 60 laps (Ricky Taylor / Filipe Albuquerque); No. 60 second from third, led no lap; No. 31 third.


def test_more_ways_to_say_a_place(pb) -> None:  # type: ignore[no-untyped-def]
    day = "2022-05-16"
    for text, verdict in [
        ("At Mid-Ohio the No. 60 crossed the finish line in second place.", "supported"),
        ("At Mid-Ohio Derani brought the No. 31 home in third.", "supported"),
        ("At Mid-Ohio the No. 31 rounded out the podium.", "supported"),
        ("At Mid-Ohio the No. 60 ended the race in fifth position.", "contradicted"),
        ("At Mid-Ohio the No. 31 completed the DPi podium in third place.", "supported"),
    ]:
        c = one(pb, text, day, "result")
        assert c.verdict == verdict, (text, c.explanation)


def test_the_front_row_is_first_or_second_on_the_grid(pb) -> None:  # type: ignore[no-untyped-def]
    assert one(pb, "At Mid-Ohio the No. 10 qualified on the front row.", "2022-05-16").verdict == "supported"
    assert one(pb, "At Mid-Ohio the No. 60 qualified on the front row.", "2022-05-16").verdict == "contradicted"


def test_laps_led_are_the_cars_from_the_laps_file(pb) -> None:  # type: ignore[no-untyped-def]
    day = "2022-05-16"
    assert one(pb, "At Mid-Ohio the No. 10 led 60 laps.", day).verdict == "supported"
    assert one(pb, "At Mid-Ohio the No. 10 led 45 laps.", day).verdict == "contradicted"
    shared = one(pb, "At Mid-Ohio Ricky Taylor led 60 laps.", day)
    assert shared.verdict == "not checkable", shared.explanation  # the car's laps, shared
    # every Rolex 24 has no laps file
    daytona = one(pb, "At the Rolex 24 the No. 10 led 100 laps.", "2022-02-01")
    assert daytona.reason == "no lap data", daytona.explanation


def test_won_k_of_the_last_n_races(pb) -> None:  # type: ignore[no-untyped-def]
    # No. 10 in 2022 up to Road America (7 Aug): Glen 1st, CTMP 6th, Road America 1st, Detroit 4th
    c = one(pb, "The No. 10 has now won two of the last four races.", "2022-08-10", "streak")
    assert c.verdict == "supported", c.explanation
    assert (
        one(pb, "The No. 10 has now won three of the last four races.", "2022-08-10", "streak").verdict
        == "contradicted"
    )


def test_an_ordinal_after_the_win_noun(pb) -> None:  # type: ignore[no-untyped-def]
    # Acura DPi wins in 2022 up to Mid-Ohio: Daytona (No. 60), Laguna Seca (No. 10), Mid-Ohio (No. 10)
    c = one(pb, "Mid-Ohio report. The win was Acura's third of the year.", "2022-05-16", "count")
    assert c.slots["value"] == 3 and c.verdict == "supported", c.explanation


def test_retired_and_failed_to_finish(pb) -> None:  # type: ignore[no-untyped-def]
    # Petit 2024 LMP2: No. 2 retired after 116 laps, No. 22 after 248; the No. 20 was running
    day = "2024-10-14"
    assert one(pb, "At Petit Le Mans the No. 2 retired after 116 laps.", day).verdict == "supported"
    assert one(pb, "At Petit Le Mans the No. 2 retired after 120 laps.", day).verdict == "contradicted"
    assert one(pb, "At Petit Le Mans the No. 20 failed to finish.", day).verdict == "contradicted"


def test_qualifying_fastest_is_pole(pb) -> None:  # type: ignore[no-untyped-def]
    # Mid-Ohio 2022 DPi pole: No. 01 (Bourdais)
    assert one(pb, "At Mid-Ohio Sebastien Bourdais topped qualifying in DPi.", "2022-05-16").verdict == "supported"
    assert one(pb, "At Mid-Ohio Ricky Taylor was fastest in qualifying.", "2022-05-16").verdict == "contradicted"


def test_runs_ending_at_the_race_reported(pb) -> None:  # type: ignore[no-untyped-def]
    # No. 10 2022: won Laguna Seca and Mid-Ohio (consecutive DPi rounds); 6th at Long Beach before
    day = "2022-05-16"
    good = one(pb, "Mid-Ohio report. The No. 10 extended its winning streak to two races.", day, "streak")
    assert good.verdict == "supported", good.explanation
    bad = one(pb, "Mid-Ohio report. The No. 10 was on the podium for the third straight race.", day, "streak")
    assert bad.verdict == "contradicted", bad.explanation
    # the No. 60 was 2nd at Laguna Seca and Mid-Ohio, 4th at Long Beach
    run = one(pb, "Mid-Ohio report. The No. 60 has now finished second in three consecutive races.", day, "streak")
    assert run.verdict == "contradicted", run.explanation


def test_the_fastest_lap_went_to(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "At Mid-Ohio the fastest lap in DPi went to the No. 60.", "2022-05-16")
    assert c.type == "fastest_lap" and c.slots["subject"][0]["key"] == "60", c.slots["subject"]


# 2022 DPi (results files): No. 10 won Laguna Seca, Mid-Ohio, the Glen and Road America, 6th at
# Petit; No. 60 won the Rolex 24 then nothing until Petit; No. 31 no win all season; Cadillac won
# Sebring (No. 02) and Long Beach (No. 01) of the first five rounds.


def test_has_not_won_since(pb) -> None:  # type: ignore[no-untyped-def]
    assert one(pb, "The No. 10 has not won since Road America.", "2022-10-20").verdict == "supported"
    bad = one(pb, "The No. 10 has not won since Mid-Ohio.", "2022-08-10")
    assert bad.verdict == "contradicted", bad.explanation  # the Glen and Road America


def test_yet_to_win_is_a_count_of_none(pb) -> None:  # type: ignore[no-untyped-def]
    assert one(pb, "The No. 31 has yet to win this season.", "2022-08-10").verdict == "supported"
    assert one(pb, "The No. 02 has yet to win this season.", "2022-08-10").verdict == "contradicted"


def test_for_the_first_time_since(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "The No. 60 won Petit Le Mans for the first time since the Rolex 24.", "2022-10-04", "streak")
    assert c.verdict == "supported", c.explanation


def test_a_makes_wins_of_the_races_are_races_not_car_starts(pb) -> None:  # type: ignore[no-untyped-def]
    good = one(pb, "Cadillac has won two of the five DPi races this year.", "2022-05-16")
    assert good.verdict == "supported", good.explanation
    assert one(pb, "Cadillac has won three of the five DPi races this year.", "2022-05-16").verdict == "contradicted"


def test_a_venue_with_two_races_in_a_season_counts_both(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021 had two races at Watkins Glen: the Six Hours (27 Jun) and the WeatherTech 240 (2 Jul);
    # the No. 74 Riley LMP3 car (Robinson) won both
    c = one(pb, "Gar Robinson won twice at the Glen in 2021.", "2021-12-01", "count")
    assert c.verdict == "supported", c.explanation


def test_a_teams_cars_took_the_places_named(pb) -> None:  # type: ignore[no-untyped-def]
    # Six Hours of the Glen 2025 GTP: Wayne Taylor Racing's No. 40 second, No. 10 third (its GTD
    # No. 45 is another class)
    good = one(pb, "At Watkins Glen, Wayne Taylor Racing's Cadillacs finished second and third.", "2025-08-01")
    assert good.verdict == "supported", good.explanation
    bad = one(pb, "At Watkins Glen, Wayne Taylor Racing's Cadillacs finished first and third.", "2025-08-01")
    assert bad.verdict == "contradicted", bad.explanation


def test_crossed_the_line_first_is_the_road_order(pb) -> None:  # type: ignore[no-untyped-def]
    # Rolex 24 2025 LMP2: the No. 8 crossed the line first, IMSA moved it to 12th; No. 22 won
    text = "Rolex 24 report.\n\nThe No. 22 was awarded the LMP2 win after the No. 8 that crossed the line first was moved back."
    claims = check(pb, text, "2025-01-28").claims
    assert [(c.slots["subject"][0]["key"], c.verdict) for c in claims] == [("22", "supported"), ("8", "supported")]


def test_a_coordinated_verb_shares_the_main_clauses_subject(pb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Season so far.\n\nUnited Autosports' No. 22 won LMP2 at the Rolex 24 after the No. 8 Tower ORECA "
        "was penalised, and won again at Watkins Glen."
    )
    c = check(pb, text, "2025-08-01").claims[-1]
    assert c.slots["subject"][0]["key"] == "22" and c.verdict == "supported", c.explanation


def test_the_team_right_before_a_count_is_its_subject(pb) -> None:  # type: ignore[no-untyped-def]
    # Action Express (No. 31) 2021 up to Mid-Ohio: 6th, 6th, 2nd
    text = (
        "Mid-Ohio report. For Action Express, second place means the team is still looking for its first win of 2021."
    )
    c = one(pb, text, "2021-05-17")
    assert c.text.startswith("the team") and c.verdict == "supported", c.explanation


def test_a_place_in_a_run_of_races(pb) -> None:  # type: ignore[no-untyped-def]
    # Racing Team Nederland No. 29: second in LMP2 at Daytona and Sebring 2022
    c = one(pb, "Sebring report. The No. 29 was second for the second race in a row.", "2022-03-21", "streak")
    assert c.slots.get("position") == 2 and c.verdict == "supported", c.explanation


def test_the_make_stands_for_the_car_named_with_it(pb) -> None:  # type: ignore[no-untyped-def]
    # Laguna Seca 2025 GTD PRO: No. 81 DragonSpeed Ferrari pole, fastest lap, second; No. 1 BMW tenth
    text = (
        "Laguna Seca report.\n\nThe No. 81 Ferrari 296 GT3 was quick. The No. 1 BMW was tenth.\n\n"
        "The Ferrari's speed showed early. The car took pole at Laguna Seca and finished second."
    )
    claims = check(pb, text, "2025-05-12").claims[-2:]
    assert [(c.slots["subject"][0]["key"], c.verdict) for c in claims] == [("81", "supported"), ("81", "supported")]
    # "the plaid Porsche": a make with a word of colour before it is the car too
    text = "Mosport report.\n\nThe No. 9 Porsche 911 GT3 R won GTD PRO. The plaid Porsche has three wins from six starts this season."
    count = check(pb, text, "2022-07-05").claims[-1]
    assert count.slots["subject"][0]["key"] == "9" and count.verdict == "supported", count.explanation


def test_a_rival_is_not_what_the_car_stands_for(pb) -> None:  # type: ignore[no-untyped-def]
    # Glen 2023 GTP: the No. 6 crossed the line first, 2.1 s ahead of the No. 25 BMW, and was classified 9th
    text = (
        "Glen report.\n\nThe No. 25 BMW won. The No. 6 Porsche was first to the line, 2.1 seconds clear of the BMW. "
        "The car is now classified ninth."
    )
    c = check(pb, text, "2023-06-30").claims[-1]
    assert c.slots["subject"][0]["key"] == "6" and c.verdict == "supported", c.explanation


def test_the_car_mid_sentence_is_the_car_named_last(pb) -> None:  # type: ignore[no-untyped-def]
    # No. 10 2022: Laguna Seca 1st, Mid-Ohio 1st (Long Beach 6th before)
    text = "Mid-Ohio report.\n\nThe No. 10 won at Mid-Ohio. The result gave the car a second straight win."
    c = check(pb, text, "2022-05-16").claims[-1]
    assert c.slots["subject"][0]["key"] == "10" and c.verdict == "supported", c.explanation


def test_a_place_after_a_run_is_its_own_claim(pb) -> None:  # type: ignore[no-untyped-def]
    # 2025 GTP No. 6: podium at each of the first five rounds, fourth at the Glen
    text = "The No. 6 stood on the podium in each of the first five rounds before a fourth place at the Glen."
    claims = check(pb, text, "2025-09-22").claims
    assert [(c.type, c.verdict) for c in claims] == [("streak", "supported"), ("result", "supported")]


def test_more_win_phrasings(pb) -> None:  # type: ignore[no-untyped-def]
    # Sebring 2024: LMP2 No. 18 Era Motorsport won; GTD PRO No. 3 Corvette tenth; AO Racing's No. 77
    # had no GTD PRO win before Laguna Seca 2024
    day = "2024-03-18"
    assert one(pb, "At Sebring, Era Motorsport claimed class honors in LMP2.", day).verdict == "supported"
    assert one(pb, "At Sebring the No. 3 Corvette was a close second in GTD PRO.", day).verdict == "contradicted"
    maiden = one(pb, "At Sebring the No. 77 AO Racing Porsche scored its maiden GTD PRO win.", day, "count")
    assert maiden.slots["value"] == 1 and maiden.verdict == "contradicted", maiden.explanation


def test_won_at_a_race_n_times_is_a_career_count_there(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "Winward Racing has now won at Sebring three times.", "2024-03-18", "count")
    assert c.slots["event"] == "Sebring" and c.verdict == "not checkable" and c.reason == "before the data", (
        c.explanation
    )


def test_a_sub_heading_names_its_sections_race(pb) -> None:  # type: ignore[no-untyped-def]
    # CTMP 2025 GTD PRO: No. 81 DragonSpeed won from tenth on the grid; No. 4 Corvette second
    text = (
        "Season review: two small teams\n\nIt was a long year.\n\nDragonSpeed: The Win at Mosport\n\n"
        "The No. 81 Ferrari won GTD PRO from tenth on the grid.\n\nThe No. 4 Corvette finished second."
    )
    claims = check(pb, text, "2025-10-20").claims
    assert claims and all(c.verdict == "supported" for c in claims), [c.explanation for c in claims]
    assert any(c.type == "qualifying" for c in claims) and any(c.slots["subject"][0]["key"] == "4" for c in claims)


def test_a_race_with_its_month_then_where_is_the_race_reported(pb) -> None:  # type: ignore[no-untyped-def]
    text = "The highlight came at Canadian Tire Motorsport Park in July, where the No. 81 won GTD PRO."
    c = one(pb, text, "2025-10-20")
    assert c.verdict == "supported" and c.slots["provenance"]["event"]["source"] != "article", c.explanation


def test_n_of_his_m_starts_is_the_articles_season(pb) -> None:  # type: ignore[no-untyped-def]
    # Felipe Fraga 2021 (LMP3, No. 74): five starts, four wins
    c = one(pb, "Season review.\n\nFelipe Fraga won four of his five starts.", "2021-11-20")
    assert c.slots["seasons"] == [2021] and c.verdict == "supported", c.explanation


def test_just_as_it_had_at_is_both_races(pb) -> None:  # type: ignore[no-untyped-def]
    # No. 01 2022: seventh at the Rolex 24 and at Sebring; pole at Sebring (Bourdais)
    text = "Sebring report.\n\nBourdais had taken the pole in the No. 01, but it finished seventh, just as it had at Daytona."
    claims = check(pb, text, "2022-03-21").claims
    assert [(c.type, c.verdict) for c in claims] == [("qualifying", "supported"), ("result", "supported")]
    assert claims[1].slots["events"] == ["Sebring", "Daytona"], claims[1].slots["events"]


def test_an_nth_win_for_the_names_after_it(pb) -> None:  # type: ignore[no-untyped-def]
    # Paul Miller Racing No. 1 (Sellers / Snow) 2023 GTD wins up to Road America: Sebring, Long
    # Beach, CTMP, Road America
    text = "Road America report.\n\nThe No. 12 was fifth. It was a fourth win of the season for Bryan Sellers and Madison Snow."
    c = check(pb, text, "2023-08-08").claims[-1]
    assert {x["name"] for x in c.slots["subject"]} == {"Bryan Sellers", "Madison Snow"} and c.verdict == "supported"


def test_apiece_checks_each_subject(pb) -> None:  # type: ignore[no-untyped-def]
    # 2022 DPi after Daytona (No. 60 Acura) and Sebring (No. 02 Cadillac)
    good = one(pb, "After two rounds, Cadillac and Acura have one win apiece.", "2022-03-21")
    assert good.verdict == "supported" and good.slots["seasons"] == [2022], good.explanation
    # every subject is checked, not only the first: Acura has one
    bad = one(pb, "After two rounds, Cadillac and Acura have two wins apiece.", "2022-03-21")
    assert bad.verdict == "contradicted", bad.explanation


def test_podium_place_quickest_lap_and_a_lap_down(pb) -> None:  # type: ignore[no-untyped-def]
    # Long Beach 2021: GTLM No. 3 second; DPi No. 5 third; Mid-Ohio 2021 DPi fastest lap: No. 01
    day = "2021-09-27"
    assert one(pb, "At Long Beach the No. 3 finished on the GTLM podium in second.", day).verdict == "supported"
    assert one(pb, "At Long Beach the No. 3 finished on the GTLM podium in third.", day).verdict == "contradicted"
    lap = one(pb, "At Long Beach the No. 5 was classified third, a lap down.", day)
    assert lap.slots["laps_down"] == 1, lap.slots
    q = one(pb, "At Long Beach Derani's best lap was the quickest of the race.", day)
    assert q.type == "fastest_lap", q.type


def test_a_race_win_noun_phrase_and_victories_at(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021 DPi: No. 10 (Taylor / Albuquerque) won the Rolex 24; No. 31 won the WeatherTech 240,
    # Road America and Long Beach
    good = one(pb, "Ricky Taylor's season began with a Rolex 24 win.", "2021-11-20")
    assert good.slots["event"] == "Rolex 24" and good.verdict == "supported", good.explanation
    listed = one(pb, "The No. 31 ended the year taking victories at Road America and Long Beach.", "2021-11-20")
    assert listed.slots["events"] == ["Road America", "Long Beach"] and listed.verdict == "supported", (
        listed.explanation
    )


def test_a_quotation_and_a_repeated_title_case_headline_are_not_claims(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 GTP: Derani/Sims drivers' champions (final standings)
    day = "2023-10-20"
    text = (
        "Derani and Sims Clinch the 2023 GTP Title at Road Atlanta\n"
        "Pipo Derani and Alexander Sims won the 2023 GTP drivers' championship.\n"
        '"Alexander and Pipo never gave up, and that is why they are the champions," said the team boss.'
    )
    claims = check(pb, text, day).claims
    assert [c.text for c in claims] == ["Pipo Derani and Alexander Sims won the 2023 GTP drivers' championship"], [
        c.text for c in claims
    ]
    # a class's section heading repeated by its section
    section = check(
        pb, "GTD: Paul Miller Racing wins the teams' title\nPaul Miller Racing won the 2023 GTD teams' title.", day
    ).claims
    assert [c.text for c in section] == ["Paul Miller Racing won the 2023 GTD teams' title"], [c.text for c in section]
    # a headline whose claim the article does not make again stays a claim
    alone = check(pb, "Derani and Sims Clinch the 2023 GTP Title at Road Atlanta\nThe season is over.", day).claims
    assert len(alone) == 1 and alone[0].type == "championship"


def test_a_teams_or_cars_titles_every_title_named_and_a_sweep(pb) -> None:  # type: ignore[no-untyped-def]
    # 2022 GTD PRO (final, computed): drivers Campbell / Jaminet, teams #9 Pfaff Motorsports,
    # manufacturers Porsche; Vasser Sullivan's No. 14 was second
    day = "2023-01-10"
    car = one(pb, "The No. 9 Pfaff Porsche won the 2022 GTD PRO drivers' championship.", day)
    assert car.verdict == "supported", car.explanation  # the car's drivers' title is its crew's
    sweep = one(pb, "Pfaff Motorsports swept the drivers', teams' and manufacturers' titles in GTD PRO in 2022.", day)
    assert sweep.slots["championships"] == ["drivers", "teams", "manufacturers"]
    assert sweep.verdict == "supported", sweep.explanation
    both = one(pb, "Vasser Sullivan won the 2022 GTD PRO drivers' and teams' titles.", day)
    assert both.verdict == "contradicted", both.explanation
    # "The 2022 champions" refers to the crew named before; a driver's teams' title is their car's
    claims = check(
        pb,
        "Matt Campbell and Mathieu Jaminet won the 2022 GTD PRO title. The 2022 champions also took the teams' title.",
        day,
    ).claims
    assert [(c.text, c.verdict) for c in claims][1:] == [("took the teams' title", "supported")], [
        c.text for c in claims
    ]
    # "The 2022 champions Campbell and Jaminet …": the names that follow are the subject
    text = "Tom Blomqvist won at Petit. The 2022 champions Matt Campbell and Mathieu Jaminet were there too."
    title = next(c for c in check(pb, text, day).claims if c.type == "championship")
    assert [x["name"] for x in title.slots["subject"]] == ["Matt Campbell", "Mathieu Jaminet"], title.slots["subject"]
    assert title.verdict == "supported", title.explanation


def test_a_title_clinched_is_the_season_in_progress(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 LMP3 drivers' champion Gar Robinson (final, computed); published in September 2023
    c = one(pb, "Gar Robinson clinched the LMP3 drivers' championship with a round to spare.", "2023-09-20")
    assert c.slots["seasons"] == [2023] and c.verdict == "supported", c.explanation


def test_every_co_champion_named_is_checked(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 GTP drivers' champions Derani / Sims (final, computed); 2021 DPi Endurance Cup:
    # Albuquerque / Taylor / Rossi of Wayne Taylor Racing (published, Sportscar365)
    day = "2024-06-03"
    wrong = one(pb, "Pipo Derani and Filipe Albuquerque won the 2023 GTP drivers' title.", day)
    assert wrong.verdict == "contradicted", wrong.explanation
    ok = one(pb, "Alexander Sims, last year's GTP champion with Pipo Derani, moved to Corvette.", day, "championship")
    assert [x["name"] for x in ok.slots["subject"]] == ["Alexander Sims", "Pipo Derani"] and ok.verdict == "supported"
    bad = one(pb, "Alexander Sims, last year's GTP champion with Jack Aitken, moved to Corvette.", day, "championship")
    assert bad.verdict == "contradicted", bad.explanation
    text = "The Whelen Engineering pair, together with Alexander Rossi, took the 2021 Michelin Endurance Cup."
    c = one(pb, text, "2021-11-20")
    assert c.slots["subject"][0]["name"] == "Whelen Engineering Racing", c.slots["subject"]
    assert c.verdict == "contradicted", c.explanation


def test_standings_when_a_lead_was_taken_before_a_break_or_a_return_and_the_points_leaders(pb) -> None:  # type: ignore[no-untyped-def]
    # computed, complete tables. 2024 LMP2 drivers: after Sebring Zilisch / Merriman / Dalziel
    # 741, Fraga / Robinson 614; after Mosport Fraga / Robinson lead (1288). 2024 GTP: the
    # class's longest summer gap is Road America (4 Aug) to Indianapolis (22 Sep); after Road
    # America Cameron / Nasr 2386, Jaminet / Tandy 2286. 2023 GTD after Road America: Sellers /
    # Snow 2609, De Angelis / Sorensen 2405.
    took = one(pb, "Felipe Fraga and Gar Robinson took over the points lead at Mosport.", "2024-08-10")
    assert took.slots["after"] == "Mosport" and took.verdict == "supported", took.explanation
    wrong = one(pb, "Dwight Merriman and Ryan Dalziel took over the points lead at Mosport.", "2024-08-10")
    assert wrong.verdict == "contradicted", wrong.explanation
    # 2024 GTD: Ellis / Ward led from the Rolex 24 on, so they did not take the lead at Mosport
    already = one(pb, "Philip Ellis and Russell Ward took over the points lead at Mosport.", "2024-08-10")
    assert already.verdict == "contradicted" and "already led" in already.explanation, already.explanation
    back = one(pb, "Merriman and Dalziel had led by just 127 points when the class returned at the Glen.", "2024-06-25")
    assert back.slots["before"] == "The Glen" and back.slots["gap"] == 127 and back.verdict == "supported", (
        back.explanation
    )
    summer = one(pb, "Nasr and Cameron went into the summer break 100 points clear of Jaminet and Tandy.", "2024-09-25")
    assert summer.verdict == "supported", summer.explanation
    day = "2023-08-08"
    lead = one(pb, "Still, the points leaders leave Road America 204 points clear of Marco Sorensen.", day)
    assert lead.verdict == "supported", lead.explanation
    bad = one(pb, "Still, the points leaders leave Road America 214 points clear of Marco Sorensen.", day)
    assert bad.verdict == "contradicted", bad.explanation


def test_a_title_he_won_with_a_team_and_a_place_in_apposition(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021 GTLM drivers' champions Garcia / Taylor in Corvette Racing's No. 3 (published final
    # standings); the No. 4 crew (Milner / Tandy) second
    day = "2022-03-01"
    ok = one(
        pb,
        "Antonio Garcia still savours the GTLM title he won with Corvette Racing in 2021.",
        day,
        "championship",
    )
    assert ok.slots["class"] == "GTLM" and ok.verdict == "supported", ok.explanation
    bad = one(
        pb,
        "Antonio Garcia still savours the GTLM title he won with WeatherTech Racing in 2021.",
        day,
        "championship",
    )
    assert bad.verdict == "contradicted", bad.explanation
    text = "The No. 4 Corvette of Tommy Milner and Nick Tandy, second in the 2021 final standings, was fourth at Petit."
    place = one(pb, text, day, "championship")
    assert place.text == "second in the 2021 final standings" and place.verdict == "supported", (
        place.text,
        place.explanation,
    )


def test_a_first_title_since_a_year_a_title_shared_and_a_title_added(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021 GTLM: Garcia / Taylor (published); 2022 GTD PRO: Campbell / Jaminet; 2025 GTD PRO
    # drivers: Garcia / Sims (published final standings); 2021 DPi manufacturers: Cadillac (published)
    text = "For Antonio Garcia, it is a first drivers' title since his 2021 GTLM crown with Corvette Racing, which he also shared with Jordan Taylor."
    first, shared = check(pb, text, "2026-01-10").claims
    assert first.slots["first_since"] == 2021 and first.verdict == "supported", first.explanation
    assert shared.slots["seasons"] == [2021] and shared.verdict == "supported", shared.explanation
    wrong = one(pb, "For Antonio Garcia, it is a first drivers' title since his 2022 GTD PRO crown.", "2026-01-10")
    assert wrong.verdict == "contradicted", wrong.explanation
    day = "2021-11-20"
    before = one(pb, "The title is Cadillac's first in DPi since 2018.", day)
    assert before.verdict == "not checkable" and before.reason == "before the data", before.explanation
    added = one(pb, "Antonio Garcia now adds a GT title to his prototype one.", day)
    assert added.verdict == "not checkable" and added.reason == "before the data", added.explanation
    no_title = one(pb, "Oliver Jarvis now adds a GT title to his prototype one.", day)
    assert no_title.verdict == "contradicted", no_title.explanation
    # "sharing the 2018 title" and "now becomes a two-time champion" are two claims, each its own words
    text = "Felipe Nasr had already been champion once, sharing the 2018 title with Eric Curran, and now becomes a two-time champion."
    claims = check(pb, text, day).claims
    assert [c.text for c in claims][-1] == "two-time champion" and all(c.reason == "before the data" for c in claims)


def test_a_junior_series_title_in_apposition_is_outside_the_championship(pb) -> None:  # type: ignore[no-untyped-def]
    text = "Laurin Heinrich, the 2021 Porsche Carrera Cup Deutschland 2.0 champion, led the GTD PRO field early."
    c = one(pb, text, "2024-10-20", "championship")
    assert c.verdict == "not checkable" and c.reason == "outside the championship", c.explanation
    text = "Ben Barnicoat, the 2008 Eurocup Formula Renault 2.0 runner-up and champion, was quick."
    c = one(pb, text, "2024-10-20", "championship")
    assert c.reason == "outside the championship", c.explanation


def test_a_pronoun_after_in_total_or_all_told(pb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Matt Campbell and Mathieu Jaminet won the 2022 GTD PRO title. All told the pair took three poles this season."
    )
    c = check(pb, text, "2022-10-05").claims[-1]
    assert c.type == "count" and [x["name"] for x in c.slots["subject"]] == ["Matt Campbell", "Mathieu Jaminet"]


def test_a_team_named_with_inner_capitals_and_the_team_mid_sentence(pb) -> None:  # type: ignore[no-untyped-def]
    # Crowdstrike Racing by APR: two LMP2 wins in 2023; Robichon / Pfaff No. 9 GTD pole at VIR 2021
    c = one(pb, "CrowdStrike won three races in 2023.", "2023-12-01")
    assert c.slots["subject"][0]["name"] == "Crowdstrike Racing by APR" and c.verdict == "contradicted", c.explanation
    q = one(pb, "Zacharie Robichon qualified the No. 9 on GTD pole at VIR in 2021.", "2021-12-01")
    assert q.type == "qualifying" and q.slots.get("car_stated") == "9", q.slots


def test_a_possessive_winners_description(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023: Pfaff's No. 9 (Bachler / Pilet) won GTD PRO at Sebring and was third at Long Beach
    text = "Long Beach report.\n\nPfaff's Sebring winners Klaus Bachler and Patrick Pilet came home third."
    claims = check(pb, text, "2023-04-17").claims
    assert [(c.slots["event"], c.verdict) for c in claims] == [("Sebring", "supported"), ("Long Beach", "supported")]


def test_have_not_won_is_not_a_win(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021 No. 31 up to Mid-Ohio: no win
    c = one(pb, "Mid-Ohio report. Derani and Nasr have not won a race this season.", "2021-05-17")
    assert c.type == "count" and c.slots["value"] == 0 and c.verdict == "supported", c.explanation


def test_a_gap_behind_is_to_the_car_ahead(pb) -> None:  # type: ignore[no-untyped-def]
    # Sebring 2024 GTP: No. 40 won, the No. 01 second 0.891 s behind
    good = one(pb, "At Sebring the No. 01 finished second, 0.891 seconds behind.", "2024-03-18")
    assert good.verdict == "supported", good.explanation


def test_a_drivers_lead_over_a_team_is_the_drivers_table(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTP drivers after Laguna Seca: Cameron / Nasr 1357, Aitken / Derani 1307
    c = one(
        pb,
        "Felipe Nasr and Dane Cameron left Laguna Seca with a 50-point lead over Whelen Engineering Racing.",
        "2024-05-20",
    )
    assert c.slots["championship"] == "drivers", c.slots


def test_participles_reigning_champions_and_more_verbs(pb) -> None:  # type: ignore[no-untyped-def]
    day = "2022-05-16"  # Mid-Ohio 2022 DPi: No. 10 won from second, No. 60 second, No. 31 third from fifth
    grid = one(
        pb, "Starting fifth on the grid, Pipo Derani and Tristan Nunez finished third at Mid-Ohio.", day, "qualifying"
    )
    assert grid.verdict == "supported", grid.explanation
    led = check(pb, "At Mid-Ohio the No. 10 won, leading home the No. 60.", day).claims[-1]
    assert led.slots.get("order") and led.verdict == "supported", led.explanation
    assert one(pb, "At Road America the No. 60 struggled to fourth.", "2022-08-10").verdict == "supported"
    champ = one(pb, "The reigning GTD PRO champion Laurin Heinrich was fast again.", "2025-08-12")
    assert champ.type == "championship" and champ.verdict == "supported", champ.explanation


def test_a_car_brought_home_clear_of_another_by_a_margin(pb) -> None:  # type: ignore[no-untyped-def]
    # Mid-Ohio 2022 DPi: No. 10 won, the No. 60 second, 2.098 s behind on the same lap
    day = "2022-05-16"
    good = check(
        pb, "Mid-Ohio report.\n\nRicky Taylor brought the No. 10 home 2.098 seconds clear of the No. 60.", day
    ).claims[-1]
    assert good.verdict == "supported", good.explanation
    bad = check(
        pb, "Mid-Ohio report.\n\nRicky Taylor brought the No. 10 home 3.5 seconds clear of the No. 60.", day
    ).claims[-1]
    assert bad.verdict == "contradicted", bad.explanation
    car = check(
        pb, "Mid-Ohio report.\n\nRicky Taylor brought the No. 60 home 2.098 seconds clear of the No. 10.", day
    ).claims[-1]
    assert car.verdict == "contradicted", car.explanation


def test_first_since_with_a_missing_round_between_is_not_checkable(pb) -> None:  # type: ignore[no-untyped-def]
    # Pfaff No. 9 (GTD) 2021: won Sebring, then Road America; Detroit (GTD raced) is missing between
    c = one(
        pb, "Road America report. It was the No. 9's first victory since the Twelve Hours of Sebring.", "2021-08-09"
    )
    assert c.verdict == "not checkable" and c.reason == "missing round", c.explanation


def test_a_race_in_a_future_clause_and_reigning_at_the_start(pb) -> None:  # type: ignore[no-untyped-def]
    # Laguna Seca 2022 LMP2: the No. 8 Tower car (Deletraz) set the fastest lap
    text = (
        "Laguna Seca report.\n\nLouis Deletraz posted the fastest LMP2 lap, and the pair will again be joined by "
        "Rui Pinto de Andrade at Watkins Glen."
    )
    lap = check(pb, text, "2022-05-02").claims[0]
    assert lap.slots["event"] == "Laguna Seca" and lap.verdict == "supported", lap.explanation
    champ = one(
        pb, "Reigning GTD champion Roman De Angelis finished fourth at Long Beach.", "2023-04-17", "championship"
    )
    assert champ.verdict == "supported", champ.explanation


def test_won_n_straight_races_is_a_run_anywhere_in_the_season(pb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Laguna Seca report. The No. 3 Corvette, which won three straight GTLM races over the summer, finished second."
    )
    run = next(c for c in check(pb, text, "2021-09-13").claims if c.type == "streak")
    assert run.verdict == "supported", run.explanation  # WG 6h, WG 240, Lime Rock
    four = one(pb, "The No. 3 Corvette won four straight GTLM races in 2021.", "2021-09-13")
    assert four.verdict == "not checkable", four.explanation  # the missing Detroit round came just before
    five = one(pb, "The No. 3 Corvette won five straight GTLM races in 2021.", "2021-09-13")
    assert five.verdict == "contradicted", five.explanation
    latest = one(pb, "The No. 3 Corvette has won three straight GTLM races.", "2021-09-13")
    assert latest.verdict == "contradicted", latest.explanation  # "has won": the latest three


def test_a_race_in_an_epithet_is_not_the_race_reported(pb) -> None:  # type: ignore[no-untyped-def]
    # Glen 6h 2021 GTD: No. 14 sixth, No. 9 Pfaff (Sebring winners) seventh; DPi: No. 5 JDC-Miller 7th of 7
    text = (
        "Glen report.\n\nThe No. 14 Vasser Sullivan Lexus faded to sixth, Sebring winners Pfaff Motorsports finished "
        "seventh. The Sebring-winning JDC-Miller Cadillac was last of the seven DPi finishers."
    )
    claims = check(pb, text, "2021-06-29").claims
    assert [c.verdict for c in claims] == ["supported"] * 3, [c.explanation for c in claims]
    assert all("Six Hours of The Glen 2021" in c.explanation for c in claims)
    assert claims[-1].slots["subject"][0]["name"] == "JDC-Miller MotorSports"  # the team's car, not the make


def test_a_teams_make_is_the_teams_car(pb) -> None:  # type: ignore[no-untyped-def]
    # Laguna Seca 2024 GTP: No. 5 Proton Porsche last (10th of 10)
    c = one(pb, "Laguna Seca report.\n\nProton's Porsche finished last in GTP, a lap down.", "2024-05-13")
    assert c.slots["subject"][0]["kind"] == "team" and c.verdict == "supported", c.explanation


def test_on_the_podium_n_times_is_a_count(pb) -> None:  # type: ignore[no-untyped-def]
    # No. 60 MSR, 2022 DPi: 7 podiums in 10 starts
    text = "Petit report.\n\nThe No. 60 Acura won. In 2022 the No. 60 was on the podium eight times."
    c = check(pb, text, "2022-10-03").claims[-1]
    assert c.type == "count" and c.slots["value"] == 8 and c.verdict == "contradicted", c.explanation
    text = "Petit report.\n\nThe No. 60 Acura won. In 2022 the No. 60 was on the podium seven times in ten races."
    c = check(pb, text, "2022-10-03").claims[-1]
    assert c.verdict == "supported", c.explanation


def test_an_ordinal_count_after_earlier_races_counts_to_the_race_reported(pb) -> None:  # type: ignore[no-untyped-def]
    # Long Beach 2025: Vanthoor won GTD (No. 177) after GTP wins at Daytona and Sebring (No. 7);
    # AO Racing's No. 77 won GTD PRO at Sebring
    text = (
        "Long Beach report.\n\nLaurens Vanthoor won GTD in the No. 177 AO Racing Porsche. It was Vanthoor's third win "
        "of the season after the Rolex 24 and the Twelve Hours of Sebring. It was AO Racing's second win of the year "
        "after its GTD PRO triumph at Sebring. It was AO Racing's third win of the year after its GTD PRO triumph at Sebring."
    )
    claims = check(pb, text, "2025-04-14").claims
    assert [c.verdict for c in claims[1:]] == ["supported", "supported", "contradicted"], [
        c.explanation for c in claims
    ]


def test_a_margin_after_a_result_is_at_that_race(pb) -> None:  # type: ignore[no-untyped-def]
    # Lime Rock 2023 GTD PRO: No. 23 won, No. 14 second 0.336 s behind
    text = (
        "Review.\n\nRoss Gunn and Alex Riberas won at Lime Rock from pole, just 0.336 seconds ahead of the No. 14, "
        "and again at Road America."
    )
    c = next(c for c in check(pb, text, "2023-10-20").claims if "0.336" in c.text)
    assert c.slots["event"] == "Lime Rock" and c.verdict == "supported", c.explanation


def test_went_back_to_back_is_a_run_in_any_class_of_the_team(pb) -> None:  # type: ignore[no-untyped-def]
    # Heart of Racing 2023: No. 23 won GTD PRO at Lime Rock and Road America (No. 27 in GTD did not)
    c = one(pb, "In 2023 Heart of Racing went back-to-back.", "2023-10-20")
    assert c.verdict == "supported", c.explanation


def test_a_contradiction_must_hold_under_the_sentences_other_readings(pb) -> None:  # type: ignore[no-untyped-def]
    # Petit 2022: the No. 60 had 10 top-5s in 10 DPi starts; Acura's cars as a make did not
    text = (
        "Petit report.\n\nIt was the No. 60's first win since the Rolex 24, but the Acura finished in the top five "
        "in all ten rounds."
    )
    c = check(pb, text, "2022-10-03").claims[-1]
    assert c.verdict == "not checkable" and "read of #60" in c.explanation, c.explanation


def test_a_drivers_surname_is_not_a_team(pb) -> None:  # type: ignore[no-untyped-def]
    # Rolex 24 2023 GTD: Darren Turner's No. 27 Heart of Racing Aston Martin won (not Turner Motorsport)
    c = one(pb, "Rolex 24 report.\n\nDarren Turner finished fourth in GTD in the No. 27 Aston Martin.", "2023-01-30")
    assert [x["name"] for x in c.slots["subject"]] == ["Darren Turner"], c.slots["subject"]
    assert c.verdict == "contradicted" and "P1" in c.explanation, c.explanation


def test_the_make_pair_is_the_drivers_named_last(pb) -> None:  # type: ignore[no-untyped-def]
    # Petit 2022: Barnicoat and Hawksworth won GTD PRO; "the Lexus pair" is them, not Lexus
    text = (
        "Petit Le Mans report.\n\nBen Barnicoat and Jack Hawksworth won in GTD PRO for Vasser Sullivan. "
        "The Lexus pair finished 220 points behind the champions."
    )
    c = check(pb, text, "2022-10-03").claims[-1]
    assert [x["kind"] for x in c.slots["subject"]] == ["driver", "driver"], c.slots["subject"]
    assert c.slots["provenance"]["subject"]["source"] == "pronoun"


def test_with_names_third_after_a_title_is_a_standing(pb) -> None:  # type: ignore[no-untyped-def]
    # 2022 GTD PRO drivers: Campbell/Jaminet champions, Barnicoat third 220 behind
    text = (
        "Petit Le Mans report.\n\nMatt Campbell and Mathieu Jaminet won the GTD PRO drivers' title, "
        "with Barnicoat and Hawksworth third, {} points behind."
    )
    claims = check(pb, text.format(220), "2022-10-03").claims
    assert [c.type for c in claims] == ["championship", "championship"], [(c.text, c.type) for c in claims]
    assert claims[-1].slots["subject"][0]["name"] == "Ben Barnicoat", claims[-1].slots["subject"]
    assert check(pb, text.format(107), "2022-10-03").claims[-1].verdict == "contradicted"


def test_a_cars_streak_at_an_event_spans_its_seasons(pb) -> None:  # type: ignore[no-untyped-def]
    # Mid-Ohio GTD: the No. 96 Turner BMW won in 2021 and 2022
    text = "Mid-Ohio report.\n\nThe No. 96 Turner Motorsport BMW won in GTD for a second straight win at Mid-Ohio."
    c = check(pb, text, "2022-05-16").claims[-1]
    assert c.type == "streak" and c.verdict == "supported", c.explanation
    assert "2021, 2022" in c.explanation


def test_a_run_after_a_listed_win_is_one_claim(pb) -> None:  # type: ignore[no-untyped-def]
    # 2022 DPi: No. 10 Taylor/Albuquerque won Laguna Seca and Mid-Ohio
    text = (
        "Mid-Ohio report.\n\nRicky Taylor and Filipe Albuquerque won in the No. 10 Acura. It was the pair's "
        "second consecutive victory after their win at Laguna Seca."
    )
    claims = check(pb, text, "2022-05-16").claims
    assert [(c.type, c.verdict) for c in claims] == [("result", "supported"), ("streak", "supported")], [
        c.explanation for c in claims
    ]
    assert claims[-1].slots["subject"][0]["name"] == "Ricky Taylor"


def test_finished_last_picks_the_teams_car_that_was(pb) -> None:  # type: ignore[no-untyped-def]
    # Long Beach 2024 GTP: WTR's No. 10 eighth, No. 40 tenth of ten
    text = "Long Beach report.\n\nWayne Taylor Racing's Acura finished last in GTP."
    c = one(pb, text, "2024-04-22")
    assert c.verdict == "supported" and "#40" in c.explanation, c.explanation
    text = "Petit Le Mans report.\n\nCorvette Racing's Corvette finished last in GTD PRO."  # No. 3 seventh of eight
    assert one(pb, text, "2023-10-16").verdict == "contradicted"


def test_a_count_whose_races_fit_the_season_is_read_for_the_season(pb) -> None:  # type: ignore[no-untyped-def]
    # Tower Motorsport: LMP2 wins at Laguna Seca and Petit in 2022, and one in 2021 (3 in all)
    text = "Petit Le Mans report.\n\nTower won twice, at Laguna Seca and at Petit."
    c = one(pb, text, "2022-10-04")
    assert c.verdict == "supported" and "Read for 2022" in c.explanation, c.explanation
    text = "Petit Le Mans report.\n\nTower won twice, at Laguna Seca and at Mid-Ohio."  # P4 at Mid-Ohio
    assert one(pb, text, "2022-10-04").verdict == "contradicted"


def test_ended_the_year_with_is_the_season(pb) -> None:  # type: ignore[no-untyped-def]
    # No. 3 Corvette 2021 GTLM: 7 poles in the data, Detroit missing (7-8)
    text = "Season review.\n\nThe No. 3 Corvette ended the year with {} pole positions in all."
    c = one(pb, text.format("nine"), "2021-11-20")
    assert c.slots["seasons"] == [2021] and c.verdict == "contradicted", c.explanation
    assert one(pb, text.format("seven"), "2021-11-20").verdict == "not checkable"


def test_a_demonym_team_is_the_team(pb) -> None:  # type: ignore[no-untyped-def]
    # Pfaff 2021 GTD (No. 9): worst class finish 12th at the Rolex 24, seventh at the Glen
    text = (
        "Season review.\n\nPfaff Motorsports and Zacharie Robichon won the title. "
        "The Canadian team's worst result of the year was seventh at Watkins Glen."
    )
    c = check(pb, text, "2021-11-20").claims[-1]
    assert c.slots["subject"][0]["name"] == "Pfaff Motorsports", c.slots["subject"]
    assert c.verdict == "contradicted" and "P12" in c.explanation, c.explanation


def test_editions_of_the_race_are_the_race_in_hand(pb) -> None:  # type: ignore[no-untyped-def]
    # Rolex 24 overall: Acura 2021, 2022, 2023
    text = "Rolex 24 preview.\n\n{} has won the last three editions of the race."
    assert one(pb, text.format("Acura"), "2024-01-20").verdict == "supported"
    assert one(pb, text.format("Cadillac"), "2024-01-20").verdict == "contradicted"


def test_won_a_race_for_the_nth_time_counts_wins_at_that_race(pb) -> None:  # type: ignore[no-untyped-def]
    # Rolex 24 overall wins 2021-25: Acura 3 (2021-23), Porsche 2 (2024-25), Cadillac 0;
    # Petit 2025 is missing, so a count over 2023-2025 at Petit is an interval
    text = "Review.\n\nCadillac won Petit Le Mans for the second time in three years."
    c = one(pb, text, "2025-10-11", "count")
    assert c.slots["event"] == "Petit Le Mans" and c.slots["seasons"] == [2023, 2024, 2025]
    assert c.verdict == "not checkable", c.explanation
    c = one(pb, "Review.\n\nAcura won the Rolex 24 for the third time.", "2025-10-11", "count")
    assert c.slots["event"] == "Rolex 24" and "3 wins" in c.explanation, c.explanation


def test_a_gap_between_published_points_is_the_published_gap(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 GTD after Long Beach, published: Sellers/Snow 1008, De Angelis/Sørensen 909 (computed 1006, 908)
    text = (
        "Long Beach report.\n\nSellers and Snow head for Laguna Seca on {} points, {} clear of De Angelis and Sorensen."
    )
    c = one(pb, text.format(1008, 99), "2023-04-17")
    assert c.slots["points"] == 1008 and c.verdict == "supported", c.explanation
    assert one(pb, text.format(1108, 99), "2023-04-17").verdict == "contradicted"
    assert one(pb, text.format(1008, 98), "2023-04-17").verdict == "contradicted"


def test_a_figure_within_a_known_standings_difference_is_not_decided(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 GTP after Long Beach: the computed table is 1 point off IMSA's for Albuquerque/Taylor;
    # De Phillippi/Yelloly (unpublished) are 21 behind Tandy/Jaminet in the computed table
    text = "Long Beach report.\n\nConnor De Phillippi and Nick Yelloly are {} points behind Tandy and Jaminet."
    assert one(pb, text.format(21), "2023-04-17").verdict == "supported"
    c = one(pb, text.format(22), "2023-04-17")
    assert c.verdict == "not checkable" and "up to 1 point" in c.explanation, c.explanation
    assert one(pb, text.format(25), "2023-04-17").verdict == "contradicted"


def test_a_lineup_repeating_at_is_one_claim_per_race(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 No. 77 AO Racing: Christensen/Heinrich at Indianapolis; Bachler/Heinrich at VIR
    text = (
        "Road America report.\n\nLooking ahead, Michael Christensen will partner Heinrich in the No. 77 at the "
        "Battle on the Bricks and at VIR."
    )
    claims = check(pb, text, "2024-08-05").claims
    assert [(c.text, c.verdict) for c in claims] == [
        ("Michael Christensen will partner Heinrich in the No. 77 at the Battle on the Bricks", "supported"),
        ("and at VIR", "contradicted"),
    ], [(c.text, c.verdict, c.explanation) for c in claims]


def test_a_second_victory_at_a_named_race_in_n_years(pb) -> None:  # type: ignore[no-untyped-def]
    # Long Beach GTP: Tandy won in 2023 (No. 6, with Jaminet) and 2025 (No. 7); 2024 went to No. 01
    text = (
        "Long Beach report.\n\nNick Tandy won GTP. Tandy also won here two years ago with Jaminet, making it his "
        "{} Long Beach victory in three years."
    )
    claims = check(pb, text.format("second"), "2025-04-14").claims
    assert claims[1].verdict == "supported" and "2023" in claims[1].explanation, claims[1].explanation
    assert claims[2].slots["subject"][0]["name"] == "Nick Tandy" and claims[2].verdict == "supported"
    assert check(pb, text.format("third"), "2025-04-14").claims[2].verdict == "contradicted"


def test_second_fastest_lap_is_not_the_fastest_lap(pb) -> None:  # type: ignore[no-untyped-def]
    # Long Beach 2025 GTD: No. 36 had the second-best lap (No. 177 the best)
    text = "Long Beach report.\n\nThe No. 36 DXDT Corvette set the second-fastest lap in class."
    assert [c.type for c in check(pb, text, "2025-04-14").claims] == []


def test_n_race_wins_in_a_row_for_a_team(pb) -> None:  # type: ignore[no-untyped-def]
    # Mid-Ohio: WTR's No. 10 won DPi in 2021 and 2022; "last year's" belongs to the later clause
    text = (
        "Mid-Ohio report.\n\nRicky Taylor and Filipe Albuquerque won in the No. 10 Acura. It was the pair's second "
        "consecutive victory after their win at Laguna Seca, and it made it {} Mid-Ohio wins in a row for Wayne "
        "Taylor Racing after last year's triumph here."
    )
    claims = check(pb, text.format("two"), "2022-05-16").claims
    assert [c.verdict for c in claims] == ["supported"] * 3, [c.explanation for c in claims]
    assert claims[2].slots["subject"][0]["name"] == "Wayne Taylor Racing"
    assert check(pb, text.format("three"), "2022-05-16").claims[2].verdict == "not checkable"  # 2020 not in the data


def test_joins_as_third_driver_is_a_role(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 No. 96 Turner BMW: Walker with Gallagher and Foley at Indianapolis and Petit
    text = "Road America report.\n\nJake Walker joins Turner as third driver for Indianapolis and Petit Le Mans."
    assert one(pb, text, "2024-08-05").verdict == "supported"


def test_a_teams_car_in_the_class_the_article_is_on(pb) -> None:  # type: ignore[no-untyped-def]
    # CTMP 2025: Vasser Sullivan's No. 14 eighth in GTD PRO, No. 12 third in GTD
    text = "CTMP report.\n\nIn GTD PRO, the No. 3 Corvette finished fourth. The Vasser Sullivan Lexus finished {}."
    c = check(pb, text.format("eighth"), "2025-07-14").claims[-1]
    assert c.verdict == "supported" and "#14" in c.explanation, c.explanation
    c = check(pb, text.format("third"), "2025-07-14").claims[-1]  # true only of the GTD car: unclear
    assert c.verdict == "not checkable" and "across classes" in c.explanation, c.explanation


def test_a_demonym_naming_one_driver_is_a_sure_reading(pb) -> None:  # type: ignore[no-untyped-def]
    # 2022 GTD: Roman De Angelis (CAN) won twice (the Glen, CTMP); Maxime Martin is Belgian
    text = "Petit report.\n\nRoman De Angelis and Maxime Martin finished seventh in GTD. The Canadian won {} this year."
    c = check(pb, text.format("three times"), "2022-10-03").claims[-1]
    assert c.slots["subject"][0]["name"] == "Roman De Angelis" and c.verdict == "contradicted", c.explanation
    assert check(pb, text.format("twice"), "2022-10-03").claims[-1].verdict == "supported"


def test_holding_off_a_rival_by_a_margin(pb) -> None:  # type: ignore[no-untyped-def]
    # Glen 6h 2021 DPi: No. 55 Mazda won, No. 60 Meyer Shank Racing Acura 0.965 s behind
    text = (
        "Glen report.\n\nHarry Tincknell and Oliver Jarvis won, the No. 55 Mazda RT24-P holding off the Meyer Shank "
        "Racing Acura by {} seconds."
    )
    c = check(pb, text.format("0.965"), "2021-06-28").claims[-1]
    assert c.verdict == "supported" and "0.965 s" in c.explanation, c.explanation
    assert check(pb, text.format("1.965"), "2021-06-28").claims[-1].verdict == "contradicted"


def test_started_nth_of_the_n_cars(pb) -> None:  # type: ignore[no-untyped-def]
    # Glen 6h 2021: the No. 55 Mazda qualified sixth of seven DPi cars
    text = "Glen report.\n\nThe No. 55 Mazda won. The Mazda started sixth of the {} DPi cars."
    assert check(pb, text.format("seven"), "2021-06-28").claims[-1].verdict == "supported"
    c = check(pb, text.format("eight"), "2021-06-28").claims[-1]
    assert c.verdict == "contradicted" and "list 7 cars" in c.explanation, c.explanation


def test_back_to_back_across_a_missing_round_is_not_checkable(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021 GTD: the No. 96 won Mid-Ohio and the Glen 6h; Detroit (between them) is missing
    c = one(pb, "Glen report.\n\nThe No. 96 won back-to-back at Mid-Ohio and the Glen.", "2021-06-28")
    assert c.verdict == "not checkable" and c.reason == "missing round", c.explanation


def test_a_published_endurance_cup_champion_decides_the_title(pb) -> None:  # type: ignore[no-untyped-def]
    # 2022 DPi Michelin Endurance Cup: MSR and WTR tied on 39, MSR credited (2022-dpi-045); the
    # data cannot compute it (no 2022 Rolex 24 laps file)
    text = "Petit report.\n\n{} also took the Michelin Endurance Cup."
    c = one(pb, text.format("Meyer Shank Racing"), "2022-10-03")
    assert c.verdict == "supported" and "published" in c.explanation, c.explanation
    assert one(pb, text.format("Wayne Taylor Racing"), "2022-10-03").verdict == "contradicted"


def test_a_rival_teams_crew_describes_its_car(pb) -> None:  # type: ignore[no-untyped-def]
    # Laguna Seca 2024 GTP: No. 6 won, No. 31 Whelen Cadillac (Derani/Aitken) second, 5.764 s behind
    text = (
        "Laguna Seca report.\n\nMathieu Jaminet and Nick Tandy won in the No. 6 Porsche, finishing 5.764 seconds "
        "clear of the Whelen Cadillac of Pipo Derani and {}."
    )
    assert check(pb, text.format("Jack Aitken"), "2024-05-13").claims[-1].verdict == "supported"
    c = check(pb, text.format("Tom Blomqvist"), "2024-05-13").claims[-1]
    assert c.verdict == "not checkable" and "not Tom Blomqvist" in c.explanation, c.explanation


def test_a_race_across_a_clause_break_is_not_the_claims(pb) -> None:  # type: ignore[no-untyped-def]
    # Long Beach 2022 DPi: No. 60 qualified third (fourth at the Rolex 24); No. 31 fifth
    text = (
        "Long Beach report.\n\nOliver Jarvis and Tom Blomqvist were fourth in the No. 60 Acura after starting "
        "fourth, while Pipo Derani was fifth in the No. 31 – matching his result at the Rolex 24."
    )
    c = next(c for c in check(pb, text, "2022-04-11").claims if c.type == "qualifying")
    assert c.slots["event"] == "Long Beach" and c.verdict == "contradicted", c.explanation


def test_holding_off_measures_against_the_sentences_subject(pb) -> None:  # type: ignore[no-untyped-def]
    # Long Beach 2022 GTD PRO: No. 23 (Gunn/Riberas) won, No. 14 (Hawksworth/Barnicoat) 1.465 s behind
    text = (
        "Long Beach report.\n\nIn GTD PRO, Ross Gunn and Alex Riberas gave the Heart of Racing Team its first GTD PRO "
        "victory, holding off the No. 14 Vasser Sullivan Lexus of Jack Hawksworth and Ben Barnicoat by 1.465 seconds."
    )
    c = check(pb, text, "2022-04-11").claims[-1]
    assert c.verdict == "supported" and "1.465 s" in c.explanation, c.explanation


def test_nth_win_in_m_races_is_a_window(pb) -> None:  # type: ignore[no-untyped-def]
    # Ganassi 2022 DPi: Daytona no win, Sebring (No. 02) and Long Beach (No. 01) wins
    text = "Long Beach report.\n\nBourdais delivered Cadillac Chip Ganassi Racing its {} win in three races."
    c = check(pb, text.format("second"), "2022-04-11").claims[-1]
    assert c.verdict == "supported" and "last 3 races" in c.explanation, c.explanation
    assert check(pb, text.format("third"), "2022-04-11").claims[-1].verdict == "contradicted"


def test_a_relative_clause_name_is_not_the_subject_after_it(pb) -> None:  # type: ignore[no-untyped-def]
    # Long Beach: No. 31 Derani/Nasr won in 2021 (September); Derani/Nunez fifth in 2022
    text = "Long Beach report.\n\nPipo Derani, who won here last September with Felipe Nasr, was fifth in the No. 31."
    claims = check(pb, text, "2022-04-11").claims
    assert [(c.verdict, c.slots["subject"][0]["name"]) for c in claims] == [
        ("supported", "Pipo Derani"),
        ("supported", "Pipo Derani"),
    ], [c.explanation for c in claims]
    assert "2021" in claims[0].explanation


def test_the_car_he_shares_with_is_a_lineup_of_its_own(pb) -> None:  # type: ignore[no-untyped-def]
    # Long Beach 2022: Derani/Nunez fifth in the No. 31; Conway drove the No. 31 in 2022 but not there
    text = "Long Beach report.\n\nDerani finished fifth in the No. 31 he shares with Mike Conway."
    result, lineup = check(pb, text, "2022-04-11").claims
    assert result.text == "Derani finished fifth in the No. 31" and result.verdict == "supported"
    assert lineup.text == "he shares with Mike Conway" and lineup.slots["subject"][0]["name"] == "Pipo Derani"


def test_a_teams_number_since_a_year_spans_its_seasons(pb) -> None:  # type: ignore[no-untyped-def]
    # Winward No. 57, 2022 to 26 Jun 2025: 9 GTD wins in 38 starts
    text = "Feature.\n\nThe Winward Racing No. 57 Mercedes-AMG has won {} races in 38 starts since the start of 2022."
    c = one(pb, text.format("nine"), "2025-06-26")
    assert c.verdict == "supported" and "2022–2025" in c.explanation, c.explanation
    assert one(pb, text.format("ten"), "2025-06-26").verdict == "contradicted"


def test_back_to_back_at_one_race_is_two_editions(pb) -> None:  # type: ignore[no-untyped-def]
    # Winward No. 57 won GTD at Laguna Seca in 2024 and 2025 ("Monterey" is Laguna Seca)
    text = "Feature.\n\nThe Winward Racing No. 57 won at Laguna Seca and went back-to-back at Monterey too."
    c = one(pb, text, "2025-06-26")
    assert c.verdict == "supported" and "2024" in c.explanation and "2025" in c.explanation, c.explanation


def test_has_yet_to_and_not_since_for_podiums_and_poles(pb) -> None:  # type: ignore[no-untyped-def]
    # 2025 No. 31 Whelen Cadillac: no podium in six starts (best: fourth); Winward's last GTD pole: Rolex 24 2023
    claims = check(
        pb,
        "Feature.\n\nSix races into 2025, the No. 31 has yet to stand on the podium. "
        "Winward has not started from pole since the 2023 Rolex 24. Winward has not started from pole since the 2022 Rolex 24.",
        "2025-06-26",
    ).claims
    assert [(c.type, c.verdict) for c in claims] == [
        ("count", "supported"),
        ("streak", "supported"),
        ("streak", "contradicted"),
    ], [c.explanation for c in claims]


def test_they_is_the_group_this_sentence_named(pb) -> None:  # type: ignore[no-untyped-def]
    # Long Beach 2022 DPi: Bamber/Lynn (No. 02) qualified second and led the standings by 3 points
    text = (
        "Long Beach report.\n\nSebastien Bourdais and Renger van der Zande won for Cadillac Chip Ganassi Racing. Earl "
        "Bamber and Alex Lynn, who won the Twelve Hours of Sebring last month, had qualified second to complete a "
        "Ganassi front-row lockout, and they now lead the DPi standings by three points."
    )
    claims = check(pb, text, "2022-04-11").claims
    assert [c.slots["subject"][0]["name"] for c in claims[-2:]] == ["Earl Bamber", "Earl Bamber"]
    assert [c.verdict for c in claims[-2:]] == ["supported", "supported"], [c.explanation for c in claims]


def test_won_here_with_a_partner_checks_both(pb) -> None:  # type: ignore[no-untyped-def]
    # Laguna Seca 2021 LMP2: No. 52 Keating/Jensen won; Chatin was not in the car
    text = "Laguna Seca report.\n\nMikkel Jensen won here with {} in 2021."
    assert one(pb, text.format("Ben Keating"), "2023-05-16").verdict == "supported"
    c = one(pb, text.format("Paul-Loup Chatin"), "2023-05-16")
    assert c.verdict == "contradicted" and "Chatin did not start" in c.explanation, c.explanation


def test_in_each_of_the_past_two_years(pb) -> None:  # type: ignore[no-untyped-def]
    # Sebring GTD: Ward/Ellis (No. 57) won 2024 and 2025. Laguna Seca DPi: WTR won 2021 and 2022, fourth in 2023
    c = one(
        pb,
        "Feature.\n\nRussell Ward and Philip Ellis have won the Twelve Hours of Sebring in each of the past two years.",
        "2025-06-26",
    )
    assert c.type == "streak" and c.verdict == "supported", c.explanation
    text = "Laguna Seca report.\n\nWayne Taylor Racing, winners here in each of the past two years, had to settle for fourth."
    streak, result = check(pb, text, "2023-05-16").claims
    assert streak.verdict == "supported" and "2021" in streak.explanation and "2023" not in streak.explanation
    assert result.verdict == "supported", result.explanation


def test_a_car_description_stops_at_a_new_clause(pb) -> None:  # type: ignore[no-untyped-def]
    # Long Beach 2022 GTD: No. 96 fourth from eighth on the grid
    text = "Long Beach report.\n\nRobby Foley and Bill Auberlen recovered to fourth in the No. 96 Turner BMW after starting eighth, Foley having spun."
    claims = check(pb, text, "2022-04-11").claims
    assert [(c.type, c.verdict) for c in claims] == [("result", "supported"), ("qualifying", "supported")]
    assert claims[0].text.endswith("Turner BMW")


def test_a_second_ordinal_keeps_its_own_time(pb) -> None:  # type: ignore[no-untyped-def]
    # CTMP 2024 LMP2: Tom Dillmann's first win in the data (earlier seasons are not in it)
    c = check(
        pb,
        "CTMP report.\n\nTom Dillmann won. It was Dillmann's first IMSA win and the first of the year.",
        "2024-07-16",
    ).claims[-1]
    assert c.verdict == "not checkable" and c.reason == "before the data", c.explanation


def test_k_of_the_seasons_first_n_races(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTD, No. 57: won Daytona, Sebring, Laguna Seca, the Glen; seventh at Long Beach
    text = "CTMP report.\n\nThe No. 57 Winward Mercedes-AMG had won {} of the season's first five GTD races."
    assert one(pb, text.format("four"), "2024-07-16").verdict == "supported"
    assert one(pb, text.format("five"), "2024-07-16").verdict == "contradicted"


def test_the_pair_after_a_sentence_about_the_team(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTD drivers' champions: Ellis/Ward
    text = (
        "Feature.\n\nRussell Ward and Philip Ellis won at Sebring. Across 2022 and '23 Winward Racing won three times. "
        "The pair won the GTD title in {}."
    )
    c = check(pb, text.format(2024), "2025-06-26").claims[-1]
    assert {x["name"] for x in c.slots["subject"]} == {"Russell Ward", "Philip Ellis"} and c.verdict == "supported"
    assert check(pb, text.format(2023), "2025-06-26").claims[-1].verdict == "not checkable"  # a guessed pair


def test_a_place_then_a_gap_are_two_claims(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 GTP after Laguna Seca: Derani/Sims second, 25 behind Tandy/Jaminet (who had led by one)
    text = (
        "Laguna Seca report.\n\nDerani and Sims now sit second in the championship, {} points behind Tandy and "
        "Jaminet, who had arrived with a one-point lead over the Whelen pair."
    )
    claims = check(pb, text.format(25), "2023-05-16").claims
    assert [(c.text, c.verdict) for c in claims] == [
        ("Derani and Sims now sit second in the championship", "supported"),
        ("25 points behind Tandy and Jaminet", "supported"),
    ], [(c.text, c.explanation) for c in claims]
    assert check(pb, text.format(20), "2023-05-16").claims[-1].verdict == "contradicted"


def test_a_make_in_a_teams_table_is_not_decided(pb) -> None:  # type: ignore[no-untyped-def]
    c = one(pb, "Feature.\n\nThe Cadillac sits sixth in the GTP teams' standings.", "2025-06-26")
    assert c.verdict == "not checkable" and c.reason == "ambiguous reading", c.explanation


def test_a_car_then_and_starts_a_new_subject(pb) -> None:  # type: ignore[no-untyped-def]
    # 2022 Glen 6h: Johansson drove the No. 1 Paul Miller BMW with Sellers and Snow
    text = (
        "Long Beach report.\n\nAt the Six Hours of the Glen in June, Scott Dixon rejoins Bourdais and van der Zande "
        "in the No. 01 and Erik Johansson rejoins Sellers and Snow."
    )
    c = check(pb, text, "2022-04-11").claims[-1]
    assert c.text == "Erik Johansson rejoins Sellers and Snow" and c.verdict == "supported", c.explanation


def test_a_standings_gap_to_a_rival_is_in_the_class_both_race(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 GTP manufacturers after Long Beach: BMW 41 behind Cadillac (published); BMW also races GTD
    text = "Long Beach report.\n\nIn the manufacturers' standings BMW trails Cadillac by {} points."
    c = one(pb, text.format(41), "2023-04-17")
    assert c.verdict == "supported" and "GTP manufacturers" in c.explanation, c.explanation
    assert one(pb, text.format(45), "2023-04-17").verdict == "contradicted"


def test_second_win_after_the_sister_car_triumphed(pb) -> None:  # type: ignore[no-untyped-def]
    # 2025 GTP: MSR won Detroit (No. 93) and the Glen (No. 60)
    text = (
        "Glen report.\n\nTom Blomqvist and Colin Braun won the Six Hours of the Glen for Meyer Shank Racing. It was "
        "MSR's {} win of the season after the sister No. 93 triumphed on the streets of Detroit."
    )
    c = next(c for c in check(pb, text.format("second"), "2025-06-24").claims if c.type == "count")
    assert c.verdict == "supported" and "up to 22 Jun 2025" in c.explanation, c.explanation
    c = next(c for c in check(pb, text.format("third"), "2025-06-24").claims if c.type == "count")
    assert c.verdict == "contradicted", c.explanation


def test_overall_before_a_coordinated_subject_is_the_earlier_claims(pb) -> None:  # type: ignore[no-untyped-def]
    # Rolex 24 2023: No. 60 Acura won overall; No. 27 Heart of Racing Aston Martin won GTD
    text = (
        "Season review.\n\nAt Daytona, Meyer Shank Racing's Acura won overall and the Heart of Racing Aston Martin of "
        "Roman De Angelis and Darren Turner won GTD."
    )
    claims = check(pb, text, "2023-10-17").claims
    assert [c.verdict for c in claims] == ["supported", "supported"], [c.explanation for c in claims]
    assert claims[1].slots["overall"] is False


def test_an_appositive_title_is_an_aside(pb) -> None:  # type: ignore[no-untyped-def]
    # Pfaff 2023 GTD PRO: one win, Sebring (2022 titles were Campbell/Jaminet's)
    c = one(
        pb,
        "Review.\n\nPfaff, champions last year with Matt Campbell and Mathieu Jaminet, won only at Sebring this time.",
        "2023-10-17",
    )
    assert c.slots["subject"][0]["name"] == "Pfaff Motorsports" and c.verdict == "supported", c.explanation


def test_won_only_at_a_race_means_no_other_win_that_season(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 GTD PRO: the No. 14 won Long Beach and the Glen
    c = one(pb, "Review.\n\nThe No. 14 Vasser Sullivan Lexus won only at Long Beach this year.", "2023-10-17")
    assert c.verdict == "contradicted" and "also won at Sahlen's Six Hours of The Glen" in c.explanation, c.explanation


def test_took_a_class_is_a_win(pb) -> None:  # type: ignore[no-untyped-def]
    # Laguna Seca 2022 GTD: No. 16 Wright (Hardwick/Heylen) won
    text = "Laguna Seca report.\n\nRyan Hardwick and Jan Heylen took GTD for Wright Motorsports."
    assert one(pb, text, "2022-05-02").verdict == "supported"
    assert one(pb, text.replace("Jan Heylen", "Patrick Long"), "2022-05-02").verdict == "contradicted"


def test_the_pair_after_a_crew_of_four_is_the_first_two_named(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021 Rolex 24 GTD: No. 57 Ward/Ellis/Dontje/Engel; 2024 GTD champions Ellis/Ward
    text = (
        "Feature.\n\nAt the 2021 Rolex 24 Russell Ward and Philip Ellis won with Indy Dontje and Maro Engel. "
        "The pair won the GTD title in {}."
    )
    c = check(pb, text.format(2024), "2025-06-26").claims[-1]
    assert {x["name"] for x in c.slots["subject"]} == {"Russell Ward", "Philip Ellis"} and c.verdict == "supported"
    assert check(pb, text.format(2023), "2025-06-26").claims[-1].verdict == "not checkable"


def test_a_comma_list_of_lineups_gives_each_clause_its_own_subject(pb) -> None:  # type: ignore[no-untyped-def]
    # Petit Le Mans 2024: No. 01 Bourdais/van der Zande/Dixon; No. 7 Campbell; No. 6 Estre; No. 23
    # De Angelis with Gunn/Riberas; No. 40 Herta/Deletraz/Taylor (Hartley drove the No. 10)
    text = (
        "For Petit Le Mans, Scott Dixon rejoins Bourdais and van der Zande, Matt Campbell returns to the No. 7, "
        "Kevin Estre will be the third driver in the No. 6, Roman De Angelis joins Gunn and Riberas, and "
        "Brendon Hartley joins Jordan Taylor and Deletraz in the No. 40."
    )
    got = [(c.text, c.slots["subject"][0]["name"], c.verdict) for c in check(pb, text, "2024-06-25").claims]
    assert got == [
        ("Scott Dixon rejoins Bourdais and van der Zande", "Scott Dixon", "supported"),
        ("Matt Campbell returns to the No. 7", "Matt Campbell", "supported"),
        ("Kevin Estre will be the third driver in the No. 6", "Kevin Estre", "supported"),
        ("Roman De Angelis joins Gunn and Riberas", "Roman De Angelis", "supported"),
        ("Brendon Hartley joins Jordan Taylor and Deletraz in the No. 40", "Brendon Hartley", "contradicted"),
    ]
    # a driver after a car and a bare comma is not the car's crew (Petit 2023: Estre in the No. 9)
    c = check(
        pb,
        "At Road Atlanta, Maro Engel rejoins Daniel Juncadela and Jules Gounon in the No. 79, Kevin Estre joins "
        "Bachler and Pilet at Pfaff, and Kyle Kirkwood will again be the third driver in the No. 14 Lexus.",
        "2023-08-28",
    ).claims
    assert [(x.text, x.verdict) for x in c] == [
        ("Maro Engel rejoins Daniel Juncadela and Jules Gounon in the No. 79", "supported"),
        ("Kevin Estre joins Bachler and Pilet at Pfaff", "supported"),
        ("Kyle Kirkwood will again be the third driver in the No. 14 Lexus", "supported"),
    ]


def test_a_list_ending_on_and_is_one_subject() -> None:
    """``_head``: "Derani, Sims and Aitken" is one subject; a bare comma after "… and van der
    Zande" or an "and" before ", and" ends the list."""
    from pitboard.claims.grammar import _head
    from pitboard.claims.model import Mention

    def head(text: str, *names: str) -> str:
        ms = [Mention("driver", text.index(n), text.index(n) + len(n), n, n, n) for n in names]
        return text[_head(ms, text, text.index(" won"), 0) :]

    assert head("Derani, Sims and Aitken won", "Derani", "Sims", "Aitken") == "Derani, Sims and Aitken won"
    assert head("Derani/Sims won", "Derani", "Sims") == "Derani/Sims won"
    assert head("Bourdais and Zande, Campbell won", "Bourdais", "Zande", "Campbell") == "Campbell won"
    assert head("Gunn and Riberas, and Hartley won", "Gunn", "Riberas", "Hartley") == "Hartley won"


def test_a_lineup_after_where_reads_past_a_car_number(pb) -> None:  # type: ignore[no-untyped-def]
    # Six Hours of the Glen 2023, No. 91: Metni/van Berlo/Jaxon Evans (Andlauer drove other rounds)
    # (the article's own race, Laguna Seca, where Andlauer drove the No. 91, is not another reading)
    claims = check(
        pb,
        "Cadillac won at Laguna Seca. The Michelin Endurance Cup resumes at the Six Hours of the Glen on June 25, "
        "where Jack Aitken rejoins Derani and Sims, Scott Huffaker returns to the No. 11 and Julien Andlauer joins "
        "Metni and van Berlo in the No. 91.",
        "2023-05-16",
    ).claims[-3:]
    assert [(c.text, c.verdict) for c in claims] == [
        ("Jack Aitken rejoins Derani and Sims", "supported"),
        ("Scott Huffaker returns to the No. 11", "supported"),  # no trailing "and"
        ("Julien Andlauer joins Metni and van Berlo in the No. 91", "contradicted"),
    ]
    assert claims[2].slots["events"] == ["Six Hours of The Glen"]


def test_won_the_previous_n_races_is_before_the_race_reported(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTD PRO: No. 77 (Heinrich) won Laguna Seca and Detroit, was sixth at the Glen; the
    # No. 23 won neither (it won the Glen)
    text = (
        "The Six Hours of the Glen went to Porsche. AO Racing's Laurin Heinrich, who won the previous two GTD PRO "
        "races, was sixth. Heart of Racing's No. 23 Aston Martin, winner of the previous two GTD PRO races, won."
    )
    runs = [c for c in check(pb, text, "2024-06-25").claims if c.type == "streak"]
    assert [(c.text, c.verdict) for c in runs] == [
        ("who won the previous two GTD PRO races", "supported"),
        ("No. 23 Aston Martin, winner of the previous two GTD PRO races", "contradicted"),
    ]
    # "won the last two races" has its own verb: "started third at Indianapolis" stays a claim
    claims = check(
        pb, "Juncadella and Gounon started third at Indianapolis and won the last two races in a row.", "2023-11-20"
    ).claims
    assert [c.type for c in claims] == ["qualifying", "streak"]


def test_each_of_the_past_n_years_before_the_race_reported(pb) -> None:  # type: ignore[no-untyped-def]
    # Pfaff won at VIR in 2021 (GTD) and 2022 (GTD PRO), not in 2023; Robinson and Fraga won LMP3
    # at the Six Hours of the Glen 2021-23 (no LMP3 in 2024); the class after ';' is not the No. 74's
    had = one(pb, "Corvette won at VIR on Sunday. Pfaff Motorsports, which had won at VIR in each of the past two seasons, was fifth.", "2023-08-28", "streak")  # fmt: skip
    assert had.verdict == "supported", had.explanation
    claims = check(
        pb,
        "AF Corse won LMP2 at the Six Hours of the Glen. Riley's No. 74 completed the podium; Gar Robinson and Felipe "
        "Fraga, LMP3 winners at the Glen in each of the last three years, were fighting for the win until a late stop.",
        "2024-06-25",
    ).claims
    assert [c.verdict for c in claims] == ["supported", "supported", "supported"], [c.explanation for c in claims]
    assert "Felipe Fraga: The data shows Felipe Fraga won" in claims[2].explanation  # each of the crew


def test_a_first_win_at_a_race_since_counts_that_race_only(pb) -> None:  # type: ignore[no-untyped-def]
    # Corvette Racing: VIR 2021 (No. 4), then Mosport 2023, then VIR 2023; WTR won the 2021 Rolex 24
    # (after 2020); Cadillac won no class of the 2021 Rolex 24; Acura won the 2022 and 2023 editions
    text = (
        "Antonio Garcia and Jordan Taylor gave Corvette Racing victory in the Michelin GT Challenge at VIR on Sunday. "
        "Garcia and Taylor had started third, and Corvette Racing now has its first VIR victory since Tommy Milner "
        "and Nick Tandy won here in 2021."
    )
    got = [(c.type, c.verdict) for c in check(pb, text, "2023-08-28").claims]
    # the year of the later clause is not the grid's (the No. 3 started third in 2023, second in 2021)
    assert got[1:3] == [("qualifying", "supported"), ("streak", "supported")], got
    looking = check(
        pb,
        "Wayne Taylor Racing is looking for its first Rolex 24 win since 2020. Cadillac is chasing its first Rolex 24 "
        "win since 2021. Acura is looking for its first Rolex 24 win since 2022.",
        "2024-01-12",
    ).claims
    assert [c.verdict for c in looking] == ["contradicted"] * 3, [c.explanation for c in looking]


def test_a_make_is_not_a_team_name_and_a_teams_make_is_its_car(pb) -> None:  # type: ignore[no-untyped-def]
    # Glen 2024 GTD: the No. 120 was classified last; Magnus Racing's No. 44 Aston Martin third
    c = check(
        pb,
        "Winward won GTD at the Six Hours of the Glen. Wright Motorsports' No. 120 Porsche had crossed the line second "
        "but was later classified last in GTD, and Magnus Racing's Aston Martin was promoted to third.",
        "2024-06-25",
    ).claims[-1]
    assert (c.slots["subject"][0]["name"], c.verdict) == ("Magnus Racing", "supported"), c.explanation


def test_a_make_before_a_car_describes_it(pb) -> None:  # type: ignore[no-untyped-def]
    # Rolex 24 2021 DPi: No. 55 Mazda RT24-P third
    text = "Rolex 24 report.\n\nThe No. 10 won, with the No. 48 second and {}'s No. 55 in third."
    assert check(pb, text.format("Mazda"), "2021-02-01").claims[-1].verdict == "supported"
    wrong = check(pb, text.format("Cadillac"), "2021-02-01").claims[-1]
    assert wrong.verdict == "contradicted" and "Cadillac does not describe the car" in wrong.explanation


def test_beat_a_rival_by_a_margin(pb) -> None:  # type: ignore[no-untyped-def]
    # Glen 2024: GTP No. 7 beat the No. 01 by 0.749 s; GTD PRO No. 23 beat Pfaff's No. 9 by 1.340 s
    # (the No. 23 also won here in 2022, the later clause's year); LMP2 No. 88 by 38.453 s
    def last(text: str) -> tuple[str, str]:
        c = [c for c in check(pb, text, "2024-06-25").claims if c.type == "result"]
        return c[1].text, c[1].verdict

    won = "Porsche won the Six Hours of the Glen, Felipe Nasr beating the No. 01 Cadillac of Sebastien Bourdais and Renger van der Zande by {} seconds."  # fmt: skip
    assert last(won.format("0.749"))[1] == "supported"
    assert last(won.format("1.749"))[1] == "contradicted"  # the margin to the winner, not left unchecked
    beat = "Porsche won the Six Hours of the Glen. In GTD PRO, Heart of Racing's No. 23 Aston Martin of Ross Gunn and Alex Riberas beat Pfaff's McLaren by {} seconds, the pair having also won here in 2022."  # fmt: skip
    assert last(beat.format("1.340")) == ("beat Pfaff's McLaren by 1.340 seconds", "supported")
    assert last(beat.format("3.340"))[1] == "contradicted"
    more = "AF Corse's No. 88 ORECA won LMP2 at the Glen by more than {} seconds from the CrowdStrike by APR entry."
    assert last(more.format("28"))[1] == "supported" and last(more.format("48"))[1] == "contradicted"


def test_different_winners_of_a_classs_races(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTD PRO winners: 62, 14, 77, 77, 23 (Glen); GTP: 7, 40, 01, 6, 10, 7; 2023 GTD PRO by VIR:
    # 79, 9, 14, 79, 14, 3, 23, 23, 3 (five cars)
    def verdict(text: str, date: str = "2024-06-25") -> str:
        return next(c for c in check(pb, text, date).claims if c.slots.get("distinct")).verdict

    assert verdict("Four different cars have now won the five GTD PRO races.") == "supported"
    assert verdict("Five different cars have now won the six GTP races this year.") == "supported"
    assert verdict("Four different cars have now won the nine GTD PRO races of 2023.", "2023-08-28") == "contradicted"
    # 2024 LMP2: No. 18 at Daytona and Sebring, No. 88 at the Glen, No. 52 at CTMP (the first four)
    assert verdict("There have now been three different winners in four LMP2 races.", "2024-07-20") == "supported"
    assert verdict("There have now been four different winners in four LMP2 races.", "2024-07-20") == "contradicted"
    assert verdict("Four different cars have now won the four LMP2 races.", "2024-06-25") == "contradicted"  # 3 run
    # no class named: the class of the cars the sentence names (GTP), not the paragraph's
    text = "The No. 7 Porsche Penske 963 of Dane Cameron, Felipe Nasr and Matt Campbell finished third, so two races have produced two different winners."  # fmt: skip
    assert verdict(text, "2024-03-18") == "supported"
    assert verdict(text.replace("two different", "three different"), "2024-03-18") == "contradicted"


def test_a_second_straight_win_at_a_race_is_its_editions(pb) -> None:  # type: ignore[no-untyped-def]
    # Rolex 24: Acura won DPi in 2021 (No. 10, Castroneves) and 2022 (No. 60, Castroneves and
    # Blomqvist); Blomqvist was not in the 2021 winner
    text = "Meyer Shank Racing won the Rolex 24 at Daytona. It was also Acura's second Rolex 24 win in a row. For Castroneves it was a second straight Rolex 24 win. For Blomqvist it was a second straight Rolex 24 win."  # fmt: skip
    runs = [c.verdict for c in check(pb, text, "2022-02-01").claims if c.type == "streak"]
    assert runs == ["supported", "supported", "contradicted"]
    # the ordinal says what it counts: the pole count before it is a claim of its own (CTMP 2024:
    # the No. 3's second pole of 2024 and Garcia's second straight Mosport win)
    claims = check(pb, "It was the No. 3's second pole of the season and Garcia's second straight Mosport victory.", "2024-07-16").claims  # fmt: skip
    assert [(c.type, c.verdict) for c in claims] == [("count", "supported"), ("streak", "supported")]


def test_race_report_phrasings_of_places_and_fastest_laps(pb) -> None:  # type: ignore[no-untyped-def]
    # Glen 2024: the No. 10 (Taylor/Albuquerque, DPi winners here in 2022) was tenth in GTP
    text = "PORSCHE WINS AT THE GLEN\n\nWATKINS GLEN, N.Y. – Porsche won the Six Hours of the Glen on Sunday.\n\nThe Whelen Cadillac of Pipo Derani, Jack Aitken and Tom Blomqvist was eighth, and Ricky Taylor and Filipe Albuquerque, who won this race in 2022, could manage only tenth."  # fmt: skip
    assert [c.verdict for c in check(pb, text, "2024-06-25").claims][-2:] == ["supported", "supported"]
    # 2021 LMP2: the No. 52 set the fastest race lap four times
    laps = check(
        pb, "The No. 52 won the 2021 LMP2 title. The No. 52 set the fastest LMP2 race lap four times.", "2021-11-20"
    )
    assert laps.claims[-1].verdict == "supported"
    wrong = check(
        pb, "The No. 52 won the 2021 LMP2 title. The No. 52 set the fastest LMP2 race lap twice.", "2021-11-20"
    )
    assert wrong.claims[-1].verdict == "contradicted"


def test_a_title_won_with_a_team_mate(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021 GTLM drivers' champions: Antonio Garcia and Jordan Taylor (No. 3)
    text = "Antonio Garcia and Jordan Taylor won at VIR. Corvette has confirmed that Garcia will stay with the team in 2024, when the Spaniard will chase the title he won with {} in the GTLM class two years ago."  # fmt: skip
    assert check(pb, text.format("Taylor"), "2023-08-28").claims[-1].verdict == "supported"
    assert check(pb, text.format("Nick Tandy"), "2023-08-28").claims[-1].verdict != "supported"


def test_more_lineup_verbs(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024: the No. 6 was Tandy/Jaminet (+ Estre, Vanthoor, Makowiecki); Bachler replaced Priaulx in
    # the No. 77 at VIR; Dontje missed CTMP, Road America and VIR in the No. 57 (Ward drove all)
    def verdicts(text: str) -> list[str]:
        return [c.verdict for c in check(pb, text, "2024-06-25").claims if c.type == "lineup"]

    assert verdicts("At Petit Le Mans, the No. 6 Porsche will be driven by Gunn and Riberas.") == ["contradicted"]
    assert verdicts("Klaus Bachler takes over from Priaulx at VIR.") == ["supported"]
    every = "Winward won GTD at the Glen. {} remains part of the Winward line-up at every remaining round."
    assert verdicts(every.format("Indy Dontje")) == ["contradicted"]
    assert verdicts(every.format("Russell Ward")) == ["supported"]


def test_lineup_without_a_driver_and_in_place_of_one_this_weekend(pb) -> None:  # type: ignore[no-untyped-def]
    # Sebring 2023 No. 60: Blomqvist/Braun/Castroneves; VIR 2024 No. 77: Heinrich/Bachler (Priaulx
    # drove the other rounds), seventh in GTD PRO
    text = "Meyer Shank won the Rolex 24. Blomqvist{} will share the No. 60 at Sebring without {}."
    assert check(pb, text.format(", Braun and Castroneves", "Pagenaud"), "2023-01-31").claims[-1].verdict == "supported"
    assert check(pb, text.format(" and Castroneves", "Braun"), "2023-01-31").claims[-1].verdict == "contradicted"
    claims = check(
        pb,
        "Paul Miller won GTD PRO at VIR on Sunday. Laurin Heinrich, partnered by Klaus Bachler in place of Seb "
        "Priaulx this weekend, finished seventh in the AO Racing Porsche.",
        "2024-08-26",
    ).claims
    assert [(c.type, c.verdict) for c in claims[1:]] == [("lineup", "supported"), ("result", "supported")]
    assert claims[2].slots["subject"][0]["name"] == "Laurin Heinrich"  # not the driver in the participle


def test_times_and_tables_of_their_own_clause(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 GTP champions: Derani/Sims; the No. 27 won GTD at the 2023 Rolex 24 (not in 2021); after
    # VIR 2024 (GTD PRO) Heinrich led Gunn by 17, Sellers/Snow third (76 clear of Gunn before VIR)
    c = check(pb, "Derani and Alexander Sims, last year's GTP champions, have been split up this year.", "2024-06-03")
    assert c.claims[0].verdict == "supported"
    text = "Heart of Racing will fancy its chances. The team's No. 23 won GTD at Lime Rock in 2021 with De Angelis and Ross Gunn, and its GTD entry, the No. 27 Aston, winner of the Rolex 24, has only one other podium this year."  # fmt: skip
    assert [c.verdict for c in check(pb, text, "2023-07-17").claims][:2] == ["supported", "supported"]
    text = "Paul Miller won GTD PRO at VIR on Sunday. Heinrich arrived at VIR 76 points clear of Gunn; he now leads the Briton by just 17 points, and Sellers and Snow have moved up to third in the standings."  # fmt: skip
    assert [c.verdict for c in check(pb, text, "2024-08-26").claims] == ["supported"] * 4


def test_a_published_figure_marked_as_a_typo_is_not_the_record(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 GTD PRO after CTMP: 2110 vs 2014 (96); Frontstretch printed 86 (figure 2023-gtdpro-024)
    text = "Jack Hawksworth and Ben Barnicoat lead with 2,110 points, {} clear of WeatherTech's Jules Gounon and Daniel Juncadella."  # fmt: skip
    assert check(pb, text.format(96), "2023-07-17").claims[0].verdict == "supported"
    assert check(pb, text.format(86), "2023-07-17").claims[0].verdict == "contradicted"


def test_counts_in_a_season_read_from_the_clause(pb) -> None:  # type: ignore[no-untyped-def]
    # 2023 GTD: the No. 1 BMW won Sebring, Long Beach and CTMP of the first six rounds; 2023 GTD PRO:
    # the No. 23 had no podium by Lime Rock; 2024: Paul Miller raced GTD PRO only (3 podiums by VIR)
    three = check(pb, "Paul Miller Racing won GTD at Mosport. The BMW squad arrives in Connecticut with three GTD wins from the first six rounds.", "2023-07-17")  # fmt: skip
    assert three.claims[-1].verdict == "supported"
    four = check(pb, "Paul Miller Racing won GTD at Mosport. The BMW squad arrives in Connecticut with four GTD wins from the first six rounds.", "2023-07-17")  # fmt: skip
    assert four.claims[-1].verdict == "contradicted"
    none = one(pb, "The Heart of Racing GTD PRO car is, remarkably, still looking for its first podium of 2023.", "2023-07-17")  # fmt: skip
    assert none.verdict == "supported", none.explanation
    text = "It was also their second straight win at VIR, after last year's GTD success. Sunday's result was Paul Miller Racing's third podium of the season, and the team's third podium of the season."  # fmt: skip
    assert check(pb, text, "2024-08-26").claims[-1].verdict == "supported"


def test_the_team_named_for_a_drivers_car_is_checked(pb) -> None:  # type: ignore[no-untyped-def]
    # CTMP 2023 GTD PRO pole: Hawksworth, No. 14 Vasser Sullivan Lexus; Laguna 2025 GTD PRO: No. 77 AO Racing
    def v(text: str, date: str) -> str:
        return check(pb, text, date).claims[0].verdict

    assert v("Jack Hawksworth had put the Vasser Sullivan Lexus on pole at Mosport.", "2023-07-11") == "supported"
    assert v("Jack Hawksworth had put the Turner Lexus on pole at Mosport.", "2023-07-11") == "contradicted"
    assert (
        v("Klaus Bachler and Laurin Heinrich won in the AO Racing Porsche at Laguna Seca.", "2025-05-13") == "supported"
    )
    assert (
        v("Klaus Bachler and Laurin Heinrich won in the Pfaff Porsche at Laguna Seca.", "2025-05-13") == "contradicted"
    )


def test_another_cars_result_and_another_series_class_in_the_sentence(pb) -> None:  # type: ignore[no-untyped-def]
    # Glen 2022 GTD: No. 27 (James/De Angelis/Martin) won, the No. 96 was third; van der Garde third in LMP2
    claims = check(pb, "Acura won the Six Hours of the Glen. Ian James, Roman De Angelis and Maxime Martin won GTD a lap clear of the inception racing McLaren, with the No. 96 Turner BMW finishing second.", "2022-06-28").claims  # fmt: skip
    assert [c.verdict for c in claims] == ["supported", "supported", "contradicted"], [c.explanation for c in claims]
    gte = check(pb, "Acura won the Six Hours of the Glen. Giedo van der Garde was third in LMP2, a week after he won the GTE Am class.", "2022-06-28").claims  # fmt: skip
    assert gte[-1].verdict == "not checkable" and gte[-1].reason == "outside the championship"
    # "stays on the No. 52 for Road America" (PR1's No. 52 was Kelly/Pierson there)
    stays = check(pb, "Acura won the Six Hours of the Glen. Huffaker stays on the No. 52 for Road America alongside Keating and Jensen.", "2022-06-28").claims  # fmt: skip
    assert (stays[-1].slots["subject"][0]["name"], stays[-1].verdict) == ("Scott Huffaker", "contradicted")
    # a rival's description ends before "after …"
    beat = check(pb, "Ricky Taylor and Filipe Albuquerque won the Six Hours of the Glen in the No. 10, beating the No. 60 Meyer Shank Racing Acura by 0.861 seconds after a final stint that had the Wayne Taylor Racing crew on edge.", "2022-06-28").claims  # fmt: skip
    assert beat[-1].verdict == "supported", beat[-1].explanation


def test_wins_a_missing_race_can_add_are_one_a_class(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021 GTLM: Chevrolet (Nos. 3 and 4) won 7 of the races in the data; Detroit is missing: at most 8
    text = "Corvette won GTLM at VIR. Corvette has now won {} of the season's GTLM races."
    assert check(pb, text.format("nine"), "2021-10-11").claims[-1].verdict == "contradicted"
    eight = check(pb, text.format("eight"), "2021-10-11").claims[-1]
    assert (eight.verdict, eight.reason) == ("not checkable", "missing round")
    # "first win since the 2022 Twelve Hours of Sebring" counts every win (the race is the target)
    first = check(pb, "Corvette won GTD PRO at Mosport. It was Corvette's first win since the 2022 Twelve Hours of Sebring.", "2023-07-11").claims  # fmt: skip
    assert first[-1].verdict == "supported", first[-1].explanation


def test_standings_coming_in_and_another_entrys_gap(pb) -> None:  # type: ignore[no-untyped-def]
    # 2025 GTD PRO: Mies/Vervisch led after Sebring; after Laguna Seca Bachler/Heinrich led by 70;
    # 2021 GTD after VIR: Vanthoor/Robichon 50 clear of Sellers/Snow, De Angelis/Gunn 177 back
    text = "TireRack.com Monterey SportsCar Championship report. Heinrich and Bachler now lead by 70 points from Garcia and Sims, while the Ford Multimatic Mustang of Christopher Mies and Frederic Vervisch, which led the standings coming in, finished eighth."  # fmt: skip
    assert [c.verdict for c in check(pb, text, "2025-05-13").claims] == ["supported"] * 3
    gap = check(pb, "Corvette won at VIR. Vanthoor and Robichon go to the season finale with a 50-point lead over Sellers and Snow, with De Angelis and Gunn 157 points back.", "2021-10-11")  # fmt: skip
    assert [c.verdict for c in gap.claims][1:] == ["supported", "contradicted"]


def test_last_years_winners_in_an_apposition(pb) -> None:  # type: ignore[no-untyped-def]
    # Rolex 24: the No. 3 Corvette won GTLM in 2021 and was sixth in GTD PRO in 2022; Pfaff won GTD
    # PRO in 2022 and was fifth in 2023
    claims = check(pb, "Acura won the Rolex 24. Corvette Racing's No. 3, last year's GTLM winner at Daytona, was sixth in GTD PRO.", "2022-02-01").claims  # fmt: skip
    assert [(c.text, c.verdict) for c in claims[1:]] == [
        ("No. 3, last year's GTLM winner at Daytona", "supported"),
        ("was sixth in GTD PRO", "supported"),  # the apposition's class is not the place's
    ]
    pfaff = "Acura won the Rolex 24. Pfaff Motorsports, last year's GTD PRO winners, were fifth."
    assert [c.verdict for c in check(pb, pfaff, "2023-01-31").claims] == ["supported"] * 3
    # without "here" the race is a guess (last year's class champions are "winners" too): it may
    # support, never contradict
    guess = check(pb, pfaff.replace("fifth", "fourth"), "2022-02-01").claims[1]
    assert guess.verdict == "not checkable"


def test_grid_unknown_and_near_spelt_full_names(pb) -> None:  # type: ignore[no-untyped-def]
    # 2021 Rolex 24 GTD: the No. 1 has no grid place in the data (it retired in the qualifying race);
    # Detroit 2022: "Oliver Pla" is Olivier Pla (not Guilherme de Oliveira), No. 31 fourth on the road
    grid = check(pb, "Rolex 24 report. The No. 1 Paul Miller Lamborghini started from 18th on the class grid at the Rolex 24.", "2021-02-02").claims  # fmt: skip
    assert grid[-1].verdict == "not checkable", grid[-1].explanation
    pla = check(
        pb, "The No. 31 of Pipo Derani and Oliver Pla crossed the line fourth at Detroit.", "2022-06-06"
    ).claims[0]
    assert pla.verdict == "supported", pla.explanation


def test_standings_readings_of_a_car_and_a_with_place(pb) -> None:  # type: ignore[no-untyped-def]
    # Long Beach 2023 GTP: Tandy/Jaminet lead Derani/Sims by 1, Albuquerque/Taylor third
    text = "Long Beach report. The result leaves Tandy and Jaminet top of the drivers' standings by a single point from Derani and Sims, with Albuquerque and Taylor {}."  # fmt: skip
    assert [c.verdict for c in check(pb, text.format("third"), "2023-04-17").claims] == ["supported", "supported"]
    assert check(pb, text.format("second"), "2023-04-17").claims[-1].verdict == "contradicted"
    # 2024 LMP2 before Petit: Boulle/Dillmann (No. 52) 98 clear in the drivers' table (published),
    # 95 in the computed teams' table: a car's margin read both ways is not contradicted
    c = check(pb, "Nick Boulle and Tom Dillmann won the LMP2 title in the No. 52. The No. 52 arrived at Road Atlanta 98 points clear.", "2024-10-20").claims[-1]  # fmt: skip
    assert c.verdict == "not checkable" and "read for its drivers" in c.explanation


def test_report_phrasings_from_a_2024_lmp2_review(pb) -> None:  # type: ignore[no-untyped-def]
    # CTMP 2024 (no GTP): the No. 52 won overall and set the fastest lap, beating Riley's No. 74;
    # 2025 (written after Petit 2024): Cameron joins Hyett at AO Racing
    text = "That Mosport win was worth savouring. With GTP sitting out the weekend, the No. 52 took overall honours, Dillmann beating the Riley ORECA of Gar Robinson and Felipe Fraga by 0.658 seconds after setting the fastest lap of the race in the closing stages."  # fmt: skip
    assert [c.verdict for c in check(pb, text, "2024-10-20").claims] == ["supported"] * 3
    assert (
        check(pb, "Petit Le Mans report. Dane Cameron joins Hyett at AO Racing.", "2024-10-20").claims[0].verdict
        == "supported"
    )
    assert (
        check(pb, "Long Beach report. Paul Miller makes it three in a row at Long Beach.", "2023-04-17")
        .claims[0]
        .verdict
        == "supported"
    )
    lineups = check(pb, "Detroit report. For the Glen, Heart of Racing adds Maxime Martin and Ian James to De Angelis's No. 27, Winward brings in Marvin Dienst.", "2022-06-06").claims  # fmt: skip
    assert [(c.slots["subject"][0]["name"], c.verdict) for c in lineups] == [
        ("Heart of Racing Team", "supported"), ("Winward Racing", "supported"),
    ]  # fmt: skip
    nasr = check(pb, "Long Beach report. Derani and Felipe Nasr won the 2021 race for Whelen, and last year the No. 01 won.", "2023-04-17").claims  # fmt: skip
    assert [c.verdict for c in nasr] == ["supported", "supported"]


def test_a_future_lineup_is_at_the_race_the_paragraph_looks_ahead_to(pb) -> None:  # type: ignore[no-untyped-def]
    # Glen 2022: Conway in the No. 31 with Derani and Pla; Castroneves not in the No. 60 (he drove
    # Daytona and Sebring); Sebring 2021 No. 9 Pfaff: Robichon/Vanthoor/Kern
    text = "Detroit report. The series heads next to the Sahlen's Six Hours of The Glen on June 26, where the endurance line-ups return. Whelen brings back Mike Conway alongside Derani and Pla, JDC-Miller adds Loic Duval to the Vautier/Westbrook pairing, and Helio Castroneves returns to the Meyer Shank Acura as third driver."  # fmt: skip
    claims = check(pb, text, "2022-06-06").claims
    assert [c.verdict for c in claims] == ["supported", "supported", "contradicted"], [c.explanation for c in claims]
    assert "did not start Sahlen's Six Hours of The Glen" in claims[-1].explanation
    where = check(pb, "Rolex 24 report. WeatherTech Racing will pair MacNeil with Mathieu Jaminet and Matt Campbell in the Porsche, with Campbell leaving the Pfaff Motorsports entry, where Zacharie Robichon and Laurens Vanthoor will be joined by Lars Kern.", "2021-02-02").claims  # fmt: skip
    assert where[-1].verdict == "supported" and where[-1].slots["team"] == "Pfaff Motorsports"


def test_gaps_to_the_winner_and_a_headlines_other_clause(pb) -> None:  # type: ignore[no-untyped-def]
    # Detroit 2022 DPi: No. 01 won, No. 02 third 0.783 s behind it (0.385 s behind the No. 60)
    text = "Detroit report. The sister No. 02 of Earl Bamber and Alex Lynn completed the podium at Detroit, {} seconds behind the winner."  # fmt: skip
    assert check(pb, text.format("0.783"), "2022-06-06").claims[0].verdict == "supported"
    assert check(pb, text.format("1.783"), "2022-06-06").claims[0].verdict == "contradicted"
    # "Porsche breaks its GTP duck … as Paul Miller makes it three in a row" (GTD at Long Beach 2021-23)
    head = check(pb, "Porsche breaks its GTP duck on the streets as Paul Miller makes it three in a row at Long Beach", "2023-04-17")  # fmt: skip
    assert head.claims[-1].verdict == "supported", head.claims[-1].explanation
    # "The Acura pair, who had qualified second": the pair named last (the No. 10 qualified third)
    pair = check(pb, "Detroit report. That promoted Wayne Taylor Racing's Ricky Taylor and Filipe Albuquerque to fourth at Detroit. The Acura pair, who had qualified second, saw their run end.", "2022-06-06").claims  # fmt: skip
    assert pair[-1].verdict != "supported" and pair[-1].slots["subject"][0]["name"] != "#60"


def test_replaced_by_and_a_margin_after_the_rivals_description(pb) -> None:  # type: ignore[no-untyped-def]
    # Road America 2023 No. 27: De Angelis/Sorensen (Ian James did not drive it); Glen 2021 LMP3:
    # No. 74 beat the No. 54 CORE car by 1.635 s
    c = check(pb, "Lime Rock preview. At Heart of Racing there is one change planned for Road America, where Marco Sorensen will be replaced by Ian James in the No. 27.", "2023-07-17").claims[-1]  # fmt: skip
    assert c.verdict == "contradicted" and "Ian James did not start" in c.explanation, c.explanation
    text = "Mazda won the Six Hours of the Glen. Gar Robinson, Felipe Fraga and Scott Andrews beat the CORE autosport entry by {} seconds."  # fmt: skip
    assert [c.verdict for c in check(pb, text.format("1.635"), "2021-06-29").claims][-1] == "supported"
    assert [c.verdict for c in check(pb, text.format("2.635"), "2021-06-29").claims][-1] == "contradicted"


def test_a_full_season_in_a_class_written_after_the_last_round(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 LMP2 (seven rounds): the No. 04 (Kurtz/Braun) ran Daytona, Sebring, the Glen and CTMP only
    text = "Petit Le Mans report. Braun joins Kurtz in the CrowdStrike No. 04 for the full LMP2 season."
    c = check(pb, text, "2023-10-20").claims[0]
    assert c.verdict == "contradicted" and "missed" in c.explanation, c.explanation


def test_a_margin_no_slot_read_keeps_a_claim_from_supported(pb) -> None:  # type: ignore[no-untyped-def]
    # Glen 2021 LMP3: the No. 74 beat the No. 54 by 1.635 s; a margin left unread must not let the
    # place alone make the claim "supported"
    text = "Mazda won the Six Hours of the Glen. Gar Robinson, Felipe Fraga and Scott Andrews beat the CORE autosport entry in a close finish by {} seconds."  # fmt: skip
    unread = check(pb, text.format("2.635"), "2021-06-29").claims[-1]
    assert unread.verdict != "supported" and "2.635 seconds" in unread.explanation, unread.explanation


def test_more_margin_phrasings(pb) -> None:  # type: ignore[no-untyped-def]
    # Road America 2024 GTP: No. 6 won by 0.390 s, the No. 10 third 1.150 s from the win; Glen 2022
    # GTD PRO: the No. 23 won 16.557 s clear of the No. 62; VIR 2024 GTD PRO: No. 1 beat the No. 64 by 3.368 s
    ra = "Road America report. Mathieu Jaminet and Nick Tandy won Sunday's IMSA SportsCar Weekend at Road America by just 0.390 seconds. Albuquerque finished third in the No. 10 Wayne Taylor Racing Acura, 1.150 seconds from victory."  # fmt: skip
    assert [c.verdict for c in check(pb, ra, "2024-08-06").claims] == ["supported", "supported"]
    glen = "Acura won the Six Hours of the Glen. Ross Gunn and Alex Riberas won GTD PRO in the No. 23 Aston Martin, finishing more than {} seconds clear of the Risi Ferrari."  # fmt: skip
    assert check(pb, glen.format(16), "2022-06-28").claims[-1].verdict == "supported"
    assert check(pb, glen.format(26), "2022-06-28").claims[-1].verdict == "contradicted"
    vir = check(pb, "VIR report. Madison Snow and Bryan Sellers beat the No. 64 Ford Mustang by 3.368 seconds at VIR.", "2024-08-26")  # fmt: skip
    assert vir.claims[-1].verdict == "supported", vir.claims[-1].explanation


def test_a_pole_put_on_by_a_named_driver_is_the_driver_who_set_the_time(pb) -> None:  # type: ignore[no-untyped-def]
    # Petit 2022 GTD pole: the No. 1 BMW, best qualifying lap by Madison Snow (not Bryan Sellers);
    # Rolex 24 2024 GTD PRO pole: the No. 77 AO Racing Porsche, lap by Seb Priaulx
    text = "Petit Le Mans report. In GTD, the No. 1 BMW, put on pole by {}, finished fifth."
    assert check(pb, text.format("Madison Snow"), "2022-10-03").claims[0].verdict == "supported"
    wrong = check(pb, text.format("Bryan Sellers"), "2022-10-03").claims[0]
    assert wrong.type == "qualifying" and wrong.verdict == "contradicted", wrong.explanation
    rel = "Rolex 24 report. In GTD PRO, the AO Racing Porsche that {} had put on pole finished second."
    for name, verdicts in (
        ("Seb Priaulx", ["supported", "supported"]),
        ("Laurin Heinrich", ["contradicted", "supported"]),
    ):
        claims = check(pb, rel.format(name), "2024-01-29").claims
        assert [(c.type, c.verdict) for c in claims] == list(zip(["qualifying", "result"], verdicts, strict=True))
        # the verb after the relative clause is the car's: "finished second" is AO Racing's
        assert claims[1].slots["subject"][0]["name"] == "AO Racing"


def test_a_team_named_with_a_make_is_that_car(pb) -> None:  # type: ignore[no-untyped-def]
    # Sebring 2024: AO Racing's No. 77 Porsche was ninth in GTD PRO, its No. 99 ORECA 11th in LMP2
    text = "Sebring report. The AO Racing Porsche finished {}."
    assert check(pb, text.format("ninth"), "2024-03-17").claims[0].verdict == "supported"
    assert check(pb, text.format("11th"), "2024-03-17").claims[0].verdict == "contradicted"


def test_years_running_and_in_a_row(pb) -> None:  # type: ignore[no-untyped-def]
    # Road America: Porsche Penske won GTP in 2023 and 2024, not in 2022
    text = "Road America report. Porsche Penske Motorsport has now won at Elkhart Lake {}."
    for phrase, verdict in (("two years in a row", "supported"), ("three years running", "contradicted"),
                            ("for three straight years", "contradicted")):  # fmt: skip
        streak = check(pb, text.format(phrase), "2024-08-06").claims[-1]
        assert (streak.type, streak.verdict) == ("streak", verdict), streak.explanation


def test_a_future_lineup_with_no_race_named_is_the_races_after_the_date(pb) -> None:  # type: ignore[no-untyped-def]
    # Petit 2021 (after 11 Oct): Sims in the No. 4 Corvette; Caldarelli drove the Paul Miller No. 1
    # only at the Rolex 24 that year, so "will join" is refuted by the races still to come
    text = "Petit Le Mans preview. Alexander Sims will join Milner and Tandy in the No. 4 Corvette. Andrea Caldarelli will join Sellers and Snow in the Paul Miller car."  # fmt: skip
    assert [c.verdict for c in check(pb, text, "2021-10-11").claims] == ["supported", "contradicted"]
    # "will add … to the line-up" is a line-up too (Road America 2022: Kirkwood not in the No. 14)
    add = check(pb, "Lime Rock report. Vasser Sullivan will add Kyle Kirkwood to the No. 14 line-up for Elkhart Lake.", "2022-07-25")  # fmt: skip
    assert [(c.type, c.verdict) for c in add.claims] == [("lineup", "contradicted")]


def test_a_relative_clause_before_a_lineup_is_its_own_claim(pb) -> None:  # type: ignore[no-untyped-def]
    # Zilisch won LMP2 at the 2024 Rolex 24 in the No. 18 and drove it with Merriman and Dalziel at the Glen
    text = "Sebring report. Zilisch, who won the Rolex 24 with the team in January, will again join Merriman and Dalziel at Watkins Glen."  # fmt: skip
    claims = check(pb, text, "2024-03-18").claims
    assert [(c.type, c.verdict) for c in claims] == [("result", "supported"), ("lineup", "supported")]
    assert claims[1].text == "will again join Merriman and Dalziel at Watkins Glen"


def test_on_the_podium_in_consecutive_races(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTD PRO, the No. 77: ninth at Sebring, then first at Laguna Seca and Detroit
    text = "Detroit report. The No. 77 AO Racing Porsche has finished on the podium in {} consecutive races."
    for n, verdict in (("two", "supported"), ("three", "contradicted")):
        streak = check(pb, text.format(n), "2024-06-03").claims[-1]
        assert (streak.type, streak.verdict) == ("streak", verdict), streak.explanation


def test_a_past_perfect_aside_does_not_move_the_race_in_hand(pb) -> None:  # type: ignore[no-untyped-def]
    # Sebring 2021 LMP2: "which had won the class at Daytona" is background; the pole that follows
    # is Sebring's (the No. 52 started second there)
    text = "Sebring report. In LMP2, PR1 Mathiasen Motorsports' Ben Keating, Mikkel Jensen and Scott Huffaker won by 2.587 seconds from the Era Motorsport ORECA, which had won the class at Daytona. Keating's team converted pole into victory."  # fmt: skip
    pole = check(pb, text, "2021-03-22").claims[-1]
    assert pole.type == "qualifying" and "Sebring" in pole.explanation and "Daytona" not in pole.explanation


def test_a_driver_who_planted_a_described_car_on_pole_set_the_time(pb) -> None:  # type: ignore[no-untyped-def]
    # Mosport 2022 GTD PRO pole: the No. 9 Pfaff Porsche, time set by Mathieu Jaminet; Road America
    # 2021 GTD pole: the No. 14 Lexus, time set by Aaron Telitz
    mosport = "Mosport report. {} put the yellow-and-green No. 9 Porsche on pole."
    assert check(pb, mosport.format("Mathieu Jaminet"), "2022-07-05").claims[0].verdict == "supported"
    assert check(pb, mosport.format("Matt Campbell"), "2022-07-05").claims[0].verdict == "contradicted"
    ra = check(pb, "Road America report. Jack Hawksworth had planted the No. 14 Vasser Sullivan Lexus on pole.", "2021-08-10")  # fmt: skip
    assert [(c.type, c.verdict) for c in ra.claims] == [("qualifying", "contradicted")]
    # "on pole with Marco Sørensen": the crew's pole (Long Beach 2023 GTD, the No. 27), not who set it
    crew = check(pb, "Long Beach report. Roman De Angelis put the No. 27 Heart of Racing Aston Martin on pole with Marco Sørensen.", "2023-04-17")  # fmt: skip
    assert crew.claims[0].verdict == "supported", crew.claims[0].explanation


def test_a_return_is_to_the_seat_the_paragraph_gave(pb) -> None:  # type: ignore[no-untyped-def]
    # 2022: Kobayashi drove Vasser Sullivan's No. 14 at Mosport; at Petit Le Mans he drove the
    # Action Express No. 48 Cadillac, not the No. 14
    text = "Mosport report. Vasser Sullivan ran Kamui Kobayashi alongside Ben Barnicoat in the No. 14 Lexus. Kobayashi will return for Petit Le Mans."  # fmt: skip
    back = check(pb, text, "2022-07-05").claims[-1]
    assert back.type == "lineup" and back.verdict == "contradicted" and "not #14" in back.explanation, back.explanation


def test_a_demonym_reaches_back_past_the_recent_subjects(pb) -> None:  # type: ignore[no-untyped-def]
    # Sebring 2022: Neel Jani (licence CHE) won in the No. 02, then did not drive it at the Glen
    filler = " ".join(f"The No. {n} finished {w} in GTD." for n, w in ((1, "fifth"), (9, "sixth"), (14, "fourth"), (16, "ninth"), (23, "third"), (27, "eighth"), (32, "seventh"), (39, "tenth"), (44, "second"), (57, "first"), (66, "11th"), (96, "12th"), (97, "13th")))  # fmt: skip
    text = f"Sebring report. Earl Bamber, Alex Lynn and Neel Jani won overall in the No. 02 Cadillac.\n\n{filler}\n\nGanassi said the Swiss will be back alongside Bamber and Lynn at the Glen."  # fmt: skip
    swiss = check(pb, text, "2022-03-21").claims[-1]
    assert swiss.slots["subject"][0]["name"] == "Neel Jani" and swiss.verdict != "supported", swiss.explanation


def test_a_driver_who_gave_a_team_the_fastest_lap(pb) -> None:  # type: ignore[no-untyped-def]
    # Road America 2021 LMP2 fastest lap: the No. 8 Tower ORECA, driven by Gabriel Aubry (not Farano)
    text = "Road America report. In LMP2, Era Motorsport won. {} gave Tower some consolation with the fastest lap in class."
    farano = check(pb, text.format("John Farano"), "2021-08-10").claims[-1]
    assert farano.type == "fastest_lap" and farano.verdict == "contradicted", farano.explanation
    assert check(pb, text.format("Gabriel Aubry"), "2021-08-10").claims[-1].verdict == "supported"


def test_runner_up_finishes_are_counted(pb) -> None:  # type: ignore[no-untyped-def]
    # 2024 GTP, the No. 31 (Derani): second at Daytona, Long Beach and Laguna Seca; the reigning
    # champion in May 2024 is the 2023 one (Derani/Sims), whatever time the sentence states
    text = "Laguna Seca report. Pipo Derani finished second. For Derani, the reigning GTP champion, it was a {} runner-up finish of the season."  # fmt: skip
    third = check(pb, text.format("third"), "2024-05-13").claims
    assert [(c.type, c.verdict) for c in third] == [
        ("result", "supported"),
        ("championship", "supported"),
        ("count", "supported"),
    ]
    assert check(pb, text.format("second"), "2024-05-13").claims[-1].verdict == "contradicted"


def test_a_first_win_at_a_venue_since_and_an_ordinal_count_since_a_year(pb) -> None:  # type: ignore[no-untyped-def]
    # CTMP 2022: Cadillac's first win there in the data (2021 had no CTMP round): since 2019 reaches
    # before the data; "seventh win since 2021" is a count from 2021 (Meyer Shank: 1 by July 2022)
    text = "Mosport report. Sebastien Bourdais and Renger van der Zande won overall. It was Cadillac's first win at the Canadian circuit since 2019. It was Meyer Shank Racing's seventh win since 2021."  # fmt: skip
    claims = check(pb, text, "2022-07-05").claims
    assert [(c.type, c.verdict) for c in claims[1:]] == [("streak", "not checkable"), ("count", "contradicted")]
    # a venue with two rounds that season: PR1 Mathiasen won the 2021 WeatherTech 240 at the Glen
    glen = check(pb, "Glen report. It was PR1 Mathiasen's first victory at Watkins Glen since 2019.", "2022-06-28")
    assert glen.claims[0].verdict == "contradicted" and "WeatherTech 240" in glen.claims[0].explanation


def test_since_the_class_arrived_in_a_year(pb) -> None:  # type: ignore[no-untyped-def]
    # Acura's GTP wins from 2023 to 20 July 2025: 3 + 2 + 2
    text = "Meyer Shank report. Acura has now won {} GTP races since the class arrived in 2023."
    assert check(pb, text.format("seven"), "2025-07-20").claims[0].verdict == "supported"
    assert check(pb, text.format("nine"), "2025-07-20").claims[0].verdict == "contradicted"


def test_beat_a_rival_to_pole_and_started_alongside_the_polesitter(pb) -> None:  # type: ignore[no-untyped-def]
    # Detroit 2025 GTP pole: the No. 93, time set by Nick Yelloly (not van der Zande)
    pole = check(pb, "Detroit report. On Saturday, Renger van der Zande beat Blomqvist to pole.", "2025-06-02")
    assert [(c.type, c.verdict) for c in pole.claims] == [("qualifying", "contradicted")]
    # CTMP 2022 DPi: the No. 10 qualified second
    text = "Mosport report. Wayne Taylor Racing had a day to forget, the No. 10 finishing sixth after starting alongside the polesitter."  # fmt: skip
    claims = check(pb, text, "2022-07-05").claims
    assert [(c.type, c.verdict) for c in claims] == [("result", "supported"), ("qualifying", "supported")]


def test_a_since_phrase_dates_itself_not_the_race_result(pb) -> None:  # type: ignore[no-untyped-def]
    # Sebring 2024: the No. 40's 1:49.497 (Delétraz) was the race's fastest lap; "his" is Delétraz,
    # whose third win from 2021 it was (Laguna Seca and Petit 2022, Sebring 2024)
    text = "Sebring report. Jordan Taylor crossed the line first. Delétraz set the fastest lap of the race, a 1:49.497, on his way to a third career IMSA victory, his first since Laguna Seca in 2022."  # fmt: skip
    claims = check(pb, text, "2024-03-17").claims
    assert claims[1].type == "fastest_lap" and claims[1].verdict == "supported", claims[1].explanation
    assert claims[2].slots["subject"][0]["name"] == "Louis Deletraz" and claims[2].verdict == "not checkable"
    # "the first time Acura had won the Twelve Hours since 2018" is no result claim
    first = check(pb, "Sebring report. It was the first time Acura had won the Twelve Hours since the manufacturer stepped up in 2018.", "2024-03-17")  # fmt: skip
    assert not [c for c in first.claims if c.type == "result"]


def test_a_demonym_with_no_such_driver_named_is_no_subject(pb) -> None:  # type: ignore[no-untyped-def]
    # no Swiss driver named: "the Swiss" is unknown, not Lynn (named after the verb)
    text = "Sebring report. Earl Bamber and Alex Lynn won overall in the No. 02 Cadillac. Ganassi said the Swiss will be back alongside Bamber and Lynn at the Glen."  # fmt: skip
    lineups = [c for c in check(pb, text, "2022-03-21").claims if c.type == "lineup"]
    assert all(c.slots["subject"][0]["name"] not in ("Alex Lynn", "Earl Bamber") for c in lineups)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # 2021: Read drove the Turner No. 96 with Auberlen and Foley; Kirkwood the Vasser Sullivan
        # No. 14 at the Glen (not with Auberlen and Foley): "them" is its own clause's
        ("Mid-Ohio report. Auberlen and Foley now lead the GTD standings. Aidan Read will join them again for the Glen, and Kyle Kirkwood returns to the No. 14 at Watkins Glen.", "2021-05-18"),
        # 2023 GTD: Corey Lewis drove Paul Miller's No. 1 with Sellers and Snow at Petit Le Mans:
        # after a sentence naming only rivals, "them" is still the pair before
        ("Indy preview. Paul Miller Racing's Bryan Sellers and Madison Snow have won five of the nine GTD races. The BMW pair lead Roman De Angelis and Marco Sorensen by 375 points after VIR. Corey Lewis joins them again for Petit.", "2023-09-10"),
    ],
)  # fmt: skip
def test_them_is_the_crew_of_its_own_clause_not_a_rival(pb, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    last = check(pb, text, date).claims[-1]
    assert last.type == "lineup" and last.verdict == "supported", last.explanation


def test_a_lineup_before_another_drivers_return_is_two_claims(pb) -> None:  # type: ignore[no-untyped-def]
    # Indianapolis 2023: Blomqvist and Braun in the No. 60; Castroneves joined them for Petit only
    text = "Indy preview. Tom Blomqvist and Colin Braun share the No. 60 Acura at Indianapolis before Helio Castroneves rejoins them for Petit Le Mans."  # fmt: skip
    claims = check(pb, text, "2023-09-10").claims
    assert claims[0].text == "Tom Blomqvist and Colin Braun share the No. 60 Acura at Indianapolis"
    assert claims[0].verdict == "supported" and all(c.verdict != "contradicted" for c in claims)
    assert [c.text for c in claims[1:]] == ["Helio Castroneves rejoins them for Petit Le Mans"]


def test_stays_and_moves_after_the_last_round_are_next_seasons_lineup(pb) -> None:  # type: ignore[no-untyped-def]
    # 2025 GTP: Nasr and Tandy shared the No. 7, Jaminet and Campbell the No. 6 (never Nasr/Campbell)
    text = "Season review. Porsche has already shuffled its pack: Nasr stays in the No. 7 with {}, while Jaminet moves across to the No. 6 alongside Matt Campbell."  # fmt: skip
    claims = check(pb, text.format("Tandy"), "2024-10-21").claims
    assert [(c.type, c.verdict) for c in claims] == [("lineup", "supported"), ("lineup", "supported")]
    assert claims[1].text.startswith("Jaminet moves across")
    assert check(pb, text.format("Campbell"), "2024-10-21").claims[0].verdict == "contradicted"


@pytest.mark.parametrize(
    ("text", "date", "verdicts"),
    [
        # Rolex 24 2025: Nick Boulle drove United Autosports' No. 2 (Dillmann went to Inter Europol)
        ("Season review. Dillmann has been confirmed at Inter Europol Competition, where he will race the full season, and Boulle moves to United Autosports' No. 2 for the Rolex 24.", "2024-10-20", ("supported",)),
        # Petit 2022: Conway was the third driver of Action Express's (Whelen's) No. 31, not Meyer Shank's
        ("Mosport report. Meyer Shank confirmed that Helio Castroneves will rejoin Jarvis and Blomqvist for Petit Le Mans, and Action Express has again named Mike Conway as the third driver of the No. 31 for the ten-hour finale.", "2022-07-05", ("supported", "not checkable")),
    ],
)  # fmt: skip
def test_a_team_of_an_earlier_coordinated_clause_is_not_the_lineups(
    pb, text: str, date: str, verdicts: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    last = check(pb, text, date).claims[-1]
    assert last.type == "lineup" and last.verdict in verdicts, last.explanation


def test_race_rows_and_source_lines_are_shared_per_handle_but_copied_per_check(pb) -> None:  # type: ignore[no-untyped-def]
    # one handle reads one database file: its classifications are read once, and a check that
    # changes its rows does not change the next check's
    import datetime as dt

    from pitboard.claims import verify

    first = verify.Checker(pb, dt.date(2024, 3, 17))
    rows = first._race_rows(2024, "Sebring", "GTP")
    assert rows and rows[0]["class_position"] == 1
    rows[0]["class_position"] = 99
    second = verify.Checker(pb, dt.date(2024, 3, 17))
    assert second._race_rows(2024, "Sebring", "GTP")[0]["class_position"] == 1
    assert pb.db.recall(("race rows", 2024, "Sebring", "GTP"))[0]["class_position"] == 1
    text = "Sebring report. Jordan Taylor, Louis Delétraz and Colton Herta won the Twelve Hours."
    assert check(pb, text, "2024-03-17").to_dict() == check(pb, text, "2024-03-17").to_dict()


def test_a_second_check_on_one_handle_reads_its_subjects_from_memory(full_db) -> None:  # type: ignore[no-untyped-def]
    # the subjects' unscoped rows are kept per handle (the file never changes under it): the same
    # article checked again asks the database fewer questions and gets the same answer
    import pitboard

    statements: list[str] = []
    text = "Sebring report. Jordan Taylor, Louis Delétraz and Colton Herta won the Twelve Hours, the No. 40's first win of 2024. Acura has won three races at Sebring since 2021."  # fmt: skip
    with pitboard.open(full_db, tracer=lambda sql, params: statements.append(sql)) as handle:
        first = check(handle, text, "2024-03-17").to_dict()
        n_first = len(statements)
        second = check(handle, text, "2024-03-17").to_dict()
    assert first == second
    assert len(statements) - n_first < n_first / 2, (n_first, len(statements) - n_first)
    assert not [s for s in statements[n_first:] if "race_results r JOIN race_drivers d" in s]
