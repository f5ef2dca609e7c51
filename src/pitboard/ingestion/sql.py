"""SQL building blocks of the ingest: the duration parser and the per-column checks.

Durations are parsed in DuckDB, not Python, so that half a million laps parse in a fraction of
a second; the grammar is the one in ``pitboard.domain.timefmt`` and a value that does not match
it parses to NULL (which the checks below turn into a reported problem, never a silent gap).
"""

from __future__ import annotations

from pitboard.domain.timefmt import DURATION_PATTERN

MACROS = (
    # A duration already checked against DURATION_PATTERN → integer ms; '' or NULL → NULL.
    # 's.fff' and 'ss.fff' (at most six characters: a colon form has eight or more) are ms once
    # the dot is gone. A colon form is read by DuckDB's own interval cast ('m:ss.fff' as
    # '0:m:ss.fff'), two to three times faster than taking the text apart; the cast refuses
    # minutes or seconds over 59 (NULL), and only those values take the substring arithmetic
    # (the last six characters of a colon form are always 'ss.fff'). Both agree wherever the
    # cast reads a value (tests/test_domain.py).
    """CREATE OR REPLACE TEMP MACRO dur(s) AS CASE
        WHEN s IS NULL OR s = '' THEN NULL
        WHEN length(s) <= 6 THEN replace(s, '.', '')::BIGINT
        ELSE coalesce(
            epoch_ms(TRY_CAST(CASE WHEN strpos(s, ':') = length(s) - 6 THEN '0:' || s ELSE s END AS INTERVAL)),
            substr(s, -6, 2)::BIGINT * 1000 + substr(s, -3, 3)::BIGINT + 60000 * (
                CASE WHEN strpos(s, ':') = length(s) - 6 THEN left(s, length(s) - 7)::BIGINT
                     ELSE split_part(s, ':', 1)::BIGINT * 60 + split_part(s, ':', 2)::BIGINT END))
        END""",
    # The same for unchecked text: anything that is not a duration gives NULL.
    f"""CREATE OR REPLACE TEMP MACRO dur_ms(s) AS CASE
        WHEN s IS NULL OR s = '' OR NOT regexp_full_match(s, '{DURATION_PATTERN}') THEN NULL
        ELSE dur(s) END""",
    # '+2.120' → 2120; '+1:02.004' → 62004; anything else → NULL.
    """CREATE OR REPLACE TEMP MACRO gap_ms(s) AS CASE
        WHEN s LIKE '+%' THEN dur_ms(substr(s, 2)) ELSE NULL END""",
    # '3 Laps' / '1 Lap' → 3 / 1; anything else → NULL.
    """CREATE OR REPLACE TEMP MACRO gap_laps(s) AS
        TRY_CAST(regexp_extract(s, '^(\\d+) Laps?$', 1) AS INTEGER)""",
    "CREATE OR REPLACE TEMP MACRO txt(s) AS NULLIF(s, '')",
    # ms → 's.fff' / 'm:ss.fff' / 'h:mm:ss.fff', as pitboard.domain.timefmt.format_duration.
    """CREATE OR REPLACE TEMP MACRO fmt_ms(ms) AS CASE
        WHEN ms >= 3600000 THEN (ms // 3600000)::VARCHAR || ':' || lpad(((ms // 60000) % 60)::VARCHAR, 2, '0') || ':'
             || lpad(((ms // 1000) % 60)::VARCHAR, 2, '0') || '.' || lpad((ms % 1000)::VARCHAR, 3, '0')
        WHEN ms >= 60000 THEN (ms // 60000)::VARCHAR || ':' || lpad(((ms // 1000) % 60)::VARCHAR, 2, '0') || '.'
             || lpad((ms % 1000)::VARCHAR, 3, '0')
        ELSE (ms // 1000)::VARCHAR || '.' || lpad((ms % 1000)::VARCHAR, 3, '0') END""",
    "CREATE OR REPLACE TEMP MACRO norm_class(s) AS NULLIF(upper(replace(s, ' ', '')), '')",
)

# Column checks: SQL that is TRUE when the value in column ``{c}`` cannot be read as the type.
CHECKS: dict[str, str] = {
    "duration": "({c} <> '' AND NOT regexp_full_match({c}, '" + DURATION_PATTERN + "'))",
    # whole numbers are range-checked as text: a value that would overflow INTEGER, or a position
    # or lap count no export could hold, rejects the file instead of loading as an empty cell
    "int": "({c} <> '' AND NOT regexp_full_match({c}, '-?[0-9]{1,9}'))",
    "position": "({c} <> '' AND NOT regexp_full_match({c}, '[1-9][0-9]{0,2}'))",
    "count": "({c} <> '' AND NOT regexp_full_match({c}, '[0-9]{1,4}'))",
    "required_count": "({c} IS NULL OR NOT regexp_full_match({c}, '[0-9]{1,4}'))",
    "slot": "({c} IS NULL OR NOT regexp_full_match({c}, '[1-9]'))",
    "car": "({c} IS NULL OR NOT regexp_full_match({c}, '[0-9]{1,3}'))",
    "epoch": "({c} IS NULL OR NOT regexp_full_match({c}, '[0-9]{9,10}'))",
    # the spellings of the exports pass at once; only other text is normalised before the test
    "class": (
        "(CASE WHEN {c} IN ('GTP', 'DPi', 'DPI', 'LMP2', 'LMP3', 'GTLM', 'GTD PRO', 'GTDPRO', 'GTD') THEN false"
        " ELSE {c} IS NULL OR norm_class({c}) NOT IN ('GTP', 'DPI', 'LMP2', 'LMP3', 'GTLM', 'GTDPRO', 'GTD') END)"
    ),
    "license": "({c} NOT IN ('', 'Platinum', 'Gold', 'Silver', 'Bronze', 'Platinium'))",
    "digits": "({c} <> '' AND NOT regexp_full_match({c}, '[0-9]+'))",
    # a driver with a first name has a surname: a phantom driver made of shifted fields has not
    "surname": "(coalesce({c}, '') = '' AND coalesce({prev}, '') <> '')",
    "text": "false",
    "number": "({c} <> '' AND TRY_CAST({c} AS DOUBLE) IS NULL)",
    "gap": "({c} <> '' AND {c} <> '-' AND gap_ms({c}) IS NULL AND gap_laps({c}) IS NULL)",
    "required": "({c} IS NULL OR {c} = '')",
    "required_int": "({c} IS NULL OR NOT regexp_full_match({c}, '-?[0-9]{1,9}'))",
    "flag": "({c} NOT IN ('', 'B'))",
    "empty": "({c} <> '')",
}

#: What each checked column of each layout must be (columns not named are free text).
COLUMN_TYPES: dict[str, dict[str, str]] = {
    "laps": {
        "NUMBER": "car",
        "DRIVER_NUMBER": "slot",
        "LAP_NUMBER": "required_count",
        "LAP_TIME": "duration",
        "LAP_IMPROVEMENT": "int",
        "CROSSING_FINISH_LINE_IN_PIT": "flag",
        "S1": "duration",
        "S1_IMPROVEMENT": "int",
        "S2": "duration",
        "S2_IMPROVEMENT": "int",
        "S3": "duration",
        "S3_IMPROVEMENT": "int",
        "KPH": "number",
        "ELAPSED": "duration",
        "HOUR": "duration",
        "S1_LARGE": "duration",
        "S2_LARGE": "duration",
        "S3_LARGE": "duration",
        "TOP_SPEED": "number",
        "PIT_TIME": "duration",
        "CLASS": "class",
    },
    "results-pos": {
        "POS": "position",
        "NUMBER": "car",
        "CLASS": "class",
        "LAP": "count",
        "TIME": "duration",
        "GAP_FIRST": "gap",
        "GAP_PREVIOUS": "gap",
        "KPH": "number",
        "LAPS": "count",
    },
    "results-position": {
        "POSITION": "position",
        "NUMBER": "car",
        "CLASS": "class",
        "LAPS": "count",
        "TOTAL_TIME": "duration",
        "GAP_FIRST": "gap",
        "GAP_PREVIOUS": "gap",
        "FL_LAPNUM": "count",
        "FL_TIME": "duration",
        "FL_KPH": "number",
    },
    # plus the driver blocks, below: shifted columns land a name in an id or an always-empty column
    "weather": {
        "TIME_UTC_SECONDS": "epoch",
        "AIR_TEMP": "number",
        "TRACK_TEMP": "number",
        "HUMIDITY": "number",
        "PRESSURE": "number",
        "WIND_SPEED": "number",
        "WIND_DIRECTION": "int",
        "RAIN": "int",
    },
}


#: The checks of each DRIVERk block of the results layouts (k = 1..6, those the header has). The
#: always-empty columns and the ids are sentinels: one field too many or too few anywhere before
#: them moves text into them.
DRIVER_BLOCK_TYPES: dict[str, str] = {
    "FIRSTNAME": "text",
    "SECONDNAME": "surname",
    "LICENSE": "license",
    "SHORTNAME": "empty",
    "IMSA_DriverId": "digits",
    "IMSA_DriverPlugId": "digits",
    "*Extra 4": "empty",
    "*Extra 5": "empty",
}
_ENTRY_SENTINELS = {"*Extra 9": "empty", **{f"IMSA_{n}": "digits" for n in ("CarId", "TeamId", "ClassId", "CarTypeId")}}
for _layout in ("results-pos", "results-position"):
    COLUMN_TYPES[_layout].update(_ENTRY_SENTINELS)
    for _k in range(1, 7):
        COLUMN_TYPES[_layout].update({f"DRIVER{_k}_{name}": kind for name, kind in DRIVER_BLOCK_TYPES.items()})
