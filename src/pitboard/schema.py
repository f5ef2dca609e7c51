"""The one declaration of every table pitboard writes: columns, DuckDB types, descriptions.

Everything else derives from it: the DDL of the database, the column order the ingest writes,
the dtypes of the DataFrames the Python API returns, the export, and the column reference in
``docs/schema.md`` (``python -m pitboard.schema`` prints it). Tables whose name starts with an
underscore are bookkeeping (sources, problems, metadata), the rest are data.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Bump when the parsing or normalisation changes: a database built by another version is
#: rebuilt from the files on the next ingest.
PARSER_VERSION = "6"


@dataclass(frozen=True)
class Column:
    """One column: snake_case name, DuckDB type and a one-line description."""

    name: str
    type: str
    description: str


@dataclass(frozen=True)
class Table:
    """One table: name, what a row is, its columns and its key."""

    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def ddl(self) -> str:
        """``CREATE TABLE`` statement for this table."""
        cols = ",\n  ".join(f'"{c.name}" {c.type}' for c in self.columns)
        return f'CREATE TABLE "{self.name}" (\n  {cols}\n)'

    @property
    def partitioned_by_season(self) -> bool:
        return "season" in self.column_names


def _t(name: str, description: str, key: tuple[str, ...], *cols: tuple[str, str, str]) -> Table:
    return Table(name, description, tuple(Column(*c) for c in cols), key)


_SRC = (
    ("source_id", "INTEGER", "The source file this row was read from (see _sources)."),
    ("source_line", "INTEGER", "Line of the source file this row was read from (header = line 1)."),
)

SEASONS = _t(
    "seasons",
    "One row per season: championship coverage of the data against the published calendar.",
    ("season",),
    ("season", "INTEGER", "Championship season (the folder year)."),
    ("championship_rounds", "INTEGER", "Championship rounds on the published calendar."),
    ("rounds_present", "INTEGER", "Championship rounds whose race is in the data."),
    ("rounds_missing", "INTEGER", "Championship rounds absent from the data."),
    ("missing_events", "VARCHAR[]", "Names and dates of the missing rounds."),
    ("complete", "BOOLEAN", "True when every championship round of the season is in the data."),
    ("classes", "VARCHAR[]", "Classes that raced in the season's championship races in the data."),
    ("events_in_data", "INTEGER", "Event folders in the data, championship or not."),
    ("sessions", "INTEGER", "Sessions in the data."),
    ("first_race", "DATE", "Date of the season's first championship race in the data."),
    ("last_race", "DATE", "Date of the season's last championship race in the data."),
)

VENUES = _t(
    "venues",
    "Circuits, from pitboard/data/venues.csv.",
    ("venue_id",),
    ("venue_id", "VARCHAR", "Short stable key, e.g. 'sebring'."),
    ("name", "VARCHAR", "Full circuit name."),
    ("short_name", "VARCHAR", "Short name used in tables."),
    ("city", "VARCHAR", "City."),
    ("region", "VARCHAR", "State or province."),
    ("country", "VARCHAR", "Country."),
    ("timezone", "VARCHAR", "IANA time zone of the venue's wall clock (the files' local times)."),
    ("aliases", "VARCHAR", "Other names, ';'-separated, for name matching."),
)

CALENDAR = _t(
    "calendar",
    "The published championship calendar 2021-2025 plus the non-championship events in the data"
    " (pitboard/data/calendar.csv); rounds missing from the data are marked missing.",
    ("season", "event_name"),
    ("season", "INTEGER", "Season."),
    ("round", "INTEGER", "Championship round number; null for a non-championship event."),
    ("championship", "BOOLEAN", "True for a championship round."),
    ("event_id", "VARCHAR", "The event in the data (events.event_id); null when missing."),
    ("event_name", "VARCHAR", "Official event name of that year."),
    ("venue_id", "VARCHAR", "Circuit (venues.venue_id)."),
    ("race_date", "DATE", "Local date of the championship race (first day for other events)."),
    ("status", "VARCHAR", "'present' or 'missing' (no files in the data)."),
    ("classes", "VARCHAR[]", "Classes that raced the round, per the published sources."),
    ("endurance_cup", "BOOLEAN", "True when the race counted for the Michelin Endurance Cup."),
    ("source", "VARCHAR", "Where the calendar entry was verified."),
    ("notes", "VARCHAR", "Caveats."),
    ("aliases", "VARCHAR", "Other names of the event, ';'-separated, for name matching."),
)

EVENTS = _t(
    "events",
    "One row per event folder in the data.",
    ("event_id",),
    ("event_id", "VARCHAR", "Stable key '<season>/<folder>', e.g. '2023/12-watkins-glen-international'."),
    ("season", "INTEGER", "Season (folder year)."),
    ("folder", "VARCHAR", "Event folder name."),
    ("ordinal", "INTEGER", "The folder's NN prefix (organiser's calendar order, not the round)."),
    ("event_name", "VARCHAR", "Event name (from the calendar; the folder slug if unknown)."),
    ("venue_id", "VARCHAR", "Circuit (venues.venue_id)."),
    ("venue", "VARCHAR", "Circuit short name."),
    ("timezone", "VARCHAR", "IANA time zone of the venue."),
    ("championship", "BOOLEAN", "True for a championship round (not the Roar or a test)."),
    ("round", "INTEGER", "Championship round number; null for non-championship events."),
    ("endurance_cup", "BOOLEAN", "True when the race counted for the Michelin Endurance Cup."),
    ("race_date", "DATE", "Local date of the championship race; null without one."),
    ("first_day", "DATE", "Local date of the first session in the data."),
    ("last_day", "DATE", "Local date of the last session in the data."),
    ("track_length_km", "DOUBLE", "Lap length implied by the laps data: median of KPH x LAP_TIME over clean laps."),
    ("track_length_laps", "INTEGER", "How many laps the track length was computed from (0: unknown)."),
    ("aliases", "VARCHAR", "Other names, ';'-separated, for name matching."),
)

SESSIONS = _t(
    "sessions",
    "One row per session (a file stem '<YYYYMMDDHHMM>-<slug>').",
    ("session_id",),
    ("session_id", "VARCHAR", "Stable key '<season>/<folder>/<stamp>-<slug>'."),
    ("event_id", "VARCHAR", "The event (events.event_id)."),
    ("season", "INTEGER", "Season."),
    ("slug", "VARCHAR", "Session slug from the file name, e.g. 'practice-2', 'race'."),
    ("kind", "VARCHAR", "practice, qualifying, qualifying race, warm-up, test or race."),
    ("name", "VARCHAR", "Readable session name."),
    ("championship_race", "BOOLEAN", "True for the race of a championship event (DEFINITIONS.md)."),
    ("file_stamp", "TIMESTAMP", "Local start time written in the file name (sometimes wrong by an hour)."),
    ("start_local", "TIMESTAMP", "Actual local start: file date + (HOUR - ELAPSED) of the laps file."),
    ("start_utc", "TIMESTAMPTZ", "Actual start in UTC."),
    ("start_source", "VARCHAR", "How start_utc was found: 'laps', 'filename (weather agrees)', 'weather', 'filename'."),
    ("has_results", "BOOLEAN", "A results file was loaded."),
    ("has_laps", "BOOLEAN", "A laps file was loaded."),
    ("has_weather", "BOOLEAN", "A weather file with rows was loaded."),
    ("entries", "INTEGER", "Cars in the results file."),
    ("laps", "INTEGER", "Rows in the laps file."),
    ("classes", "VARCHAR[]", "Classes in the session, in IMSA's print order."),
)

GRIDS = _t(
    "grids",
    "Which session set each class's grid for each championship race (DEFINITIONS.md 'Sessions').",
    ("event_id", "class"),
    ("event_id", "VARCHAR", "The championship event."),
    ("season", "INTEGER", "Season."),
    ("class", "VARCHAR", "Class."),
    ("session_id", "VARCHAR", "The grid-setting session; null if none is in the data."),
    ("rule", "VARCHAR", "Which rule chose it."),
    ("pole_number", "VARCHAR", "Car on pole: class P1 of the grid-setting session; null when no car set a time."),
    ("pole_car_id", "VARCHAR", "The pole car (cars.car_id)."),
    ("pole_lap_ms", "BIGINT", "The pole lap (TIME/FL_TIME of the grid session), ms."),
    (
        "pole_driver_id",
        "VARCHAR",
        "Driver who set the pole lap (the laps file's driver on that lap); null when the data cannot tell "
        "(no laps file, or a grid set by a qualifying race).",
    ),
    ("note", "VARCHAR", "Why there is no pole, when there is none."),
)

RACE_RESULTS = _t(
    "race_results",
    "One row per car per championship race: the facts the statistics count (DEFINITIONS.md).",
    ("session_id", "number"),
    ("session_id", "VARCHAR", "The race."),
    ("event_id", "VARCHAR", "The event."),
    ("season", "INTEGER", "Season."),
    ("round", "INTEGER", "Championship round."),
    ("race_date", "DATE", "Local date of the race."),
    ("event_name", "VARCHAR", "Event name."),
    ("venue_id", "VARCHAR", "Circuit."),
    ("class", "VARCHAR", "Class."),
    ("number", "VARCHAR", "Car number."),
    ("car_id", "VARCHAR", "The car (season, number, team)."),
    ("team_id", "VARCHAR", "Team."),
    ("team", "VARCHAR", "Team name."),
    ("manufacturer", "VARCHAR", "Manufacturer."),
    ("model", "VARCHAR", "Vehicle model."),
    ("started", "BOOLEAN", "Took the start: not 'Not started' and laps > 0 (a start, DEFINITIONS.md)."),
    ("finish_status", "VARCHAR", "running, retired, dns or disqualified."),
    ("class_position", "INTEGER", "Official class position (corrections applied)."),
    ("position", "INTEGER", "Official overall position."),
    ("laps", "INTEGER", "Laps completed."),
    ("distance_km", "DOUBLE", "laps x the event's track length."),
    (
        "grid_class_position",
        "INTEGER",
        "Class starting position: the grid-setting session after IMSA's qualifying decisions and grid penalties "
        "(null: no time, or not listed).",
    ),
    ("pole", "BOOLEAN", "Class P1 of the grid-setting session (after IMSA's qualifying decisions), with a time."),
    ("best_lap_ms", "BIGINT", "Official fastest lap of the car in the race (FL_TIME), ms."),
    ("fastest_lap", "BOOLEAN", "The lowest FL_TIME of the class in this race."),
    (
        "best_lap_driver_id",
        "VARCHAR",
        "Driver at the wheel on the car's official best lap (FL_LAPNUM in the laps file); null without a laps file.",
    ),
    ("laps_led", "INTEGER", "Laps at whose crossing the car led its class; null without a laps file."),
    ("has_laps", "BOOLEAN", "The race has a laps file (false for every Rolex 24)."),
    ("class_cars", "INTEGER", "Cars entered in the class in this race."),
    ("corrected", "BOOLEAN", "An official decision after the export changed this result."),
)

RACE_DRIVERS = _t(
    "race_drivers",
    "One row per driver listed on a car in a championship race.",
    ("session_id", "number", "driver_id"),
    ("session_id", "VARCHAR", "The race."),
    ("season", "INTEGER", "Season."),
    ("number", "VARCHAR", "Car number."),
    ("driver_id", "VARCHAR", "Driver."),
    ("slot", "INTEGER", "Driver slot on the car."),
    ("laps_driven", "INTEGER", "Laps this driver drove; null without a laps file."),
    ("drove", "BOOLEAN", "Drove at least one lap; null without a laps file."),
)

ENTRIES = _t(
    "entries",
    "One row per car per session (the results file's car columns).",
    ("session_id", "number"),
    ("session_id", "VARCHAR", "Session."),
    ("season", "INTEGER", "Season."),
    ("number", "VARCHAR", "Car number as text: '01' and '1' are two cars."),
    ("class", "VARCHAR", "Class, normalised (upper case, no spaces: GTDPRO, DPI)."),
    ("class_raw", "VARCHAR", "CLASS as written in the file."),
    ("group_code", "VARCHAR", "GROUP ('B' marks a bronze GTD line-up; not a class)."),
    ("team_raw", "VARCHAR", "TEAM as written in the file."),
    ("team_id", "VARCHAR", "The team (teams.team_id), spelling variants folded."),
    ("team", "VARCHAR", "The team's canonical name."),
    ("car_id", "VARCHAR", "The car (cars.car_id): season, number and team."),
    ("vehicle", "VARCHAR", "VEHICLE as written in the file."),
    ("model", "VARCHAR", "Vehicle model, spelling variants folded."),
    ("manufacturer", "VARCHAR", "Manufacturer (marque), from the vehicle."),
    ("tyres", "VARCHAR", "TIRES ('M' = Michelin)."),
    ("drivers", "INTEGER", "Drivers listed on the car."),
    ("imsa_car_id", "VARCHAR", "IMSA_CarId (empty from Aug 2024)."),
    ("imsa_team_id", "VARCHAR", "IMSA_TeamId (a hint only)."),
    ("imsa_class_id", "VARCHAR", "IMSA_ClassId (unreliable)."),
    ("imsa_car_type_id", "VARCHAR", "IMSA_CarTypeId."),
    ("imsa_manufacturer_id", "VARCHAR", "IMSA_ManufacturerId."),
    ("imsa_tire_id", "VARCHAR", "IMSA_TireId."),
    ("imsa_sponsor_id", "VARCHAR", "IMSA_SponsorId (2022-2023 only)."),
    ("imsa_event_entry_id", "VARCHAR", "IMSA_EventEntryId."),
    ("extra_9", "VARCHAR", "'*Extra 9' (always empty)."),
    ("extra_10", "VARCHAR", "'*Extra 10': sponsor text (2022 Mid-Ohio and Belle Isle only)."),
    *_SRC,
)

ENTRY_DRIVERS = _t(
    "entry_drivers",
    "One row per driver listed on a car in a session (the DRIVERk_* blocks, unpivoted).",
    ("session_id", "number", "slot"),
    ("session_id", "VARCHAR", "Session."),
    ("season", "INTEGER", "Season."),
    ("number", "VARCHAR", "Car number as text."),
    ("slot", "INTEGER", "k of DRIVERk_*: the DRIVER_NUMBER used in the laps file."),
    ("driver_id", "VARCHAR", "The person (drivers.driver_id): folded name plus the alias table."),
    ("name_raw", "VARCHAR", "FIRSTNAME + ' ' + SECONDNAME as written."),
    ("first_name", "VARCHAR", "DRIVERk_FIRSTNAME."),
    ("last_name", "VARCHAR", "DRIVERk_SECONDNAME."),
    ("license", "VARCHAR", "Licence/rating (Platinum, Gold, Silver, Bronze; typo 'Platinium' fixed)."),
    ("license_raw", "VARCHAR", "DRIVERk_LICENSE as written."),
    ("rating", "VARCHAR", "DRIVERk_IMSA_DriverRatingLong."),
    ("hometown", "VARCHAR", "DRIVERk_HOMETOWN, with double-encoded UTF-8 repaired."),
    ("country", "VARCHAR", "DRIVERk_COUNTRY as written (mixed ISO/IOC codes and names)."),
    ("imsa_driver_id", "VARCHAR", "DRIVERk_IMSA_DriverId (a hint only: not stable, not unique)."),
    ("imsa_driver_plug_id", "VARCHAR", "DRIVERk_IMSA_DriverPlugId."),
    ("shortname", "VARCHAR", "DRIVERk_SHORTNAME (always empty)."),
    ("extra_4", "VARCHAR", "DRIVERk_*Extra 4 (always empty)."),
    ("extra_5", "VARCHAR", "DRIVERk_*Extra 5 (always empty)."),
    *_SRC,
)

RESULTS = _t(
    "results",
    "One row per car per session: the classification, with IMSA's post-export decisions applied.",
    ("session_id", "number"),
    ("session_id", "VARCHAR", "Session."),
    ("season", "INTEGER", "Season."),
    ("number", "VARCHAR", "Car number as text."),
    ("class", "VARCHAR", "Class, normalised."),
    ("position", "INTEGER", "Official overall position (corrections applied); null if not started."),
    ("class_position", "INTEGER", "Official class position (corrections applied); null if not started."),
    ("position_export", "INTEGER", "POSITION/POS as exported."),
    ("class_position_export", "INTEGER", "Rank of the exported position within the class."),
    ("corrected", "BOOLEAN", "True when an official decision after the export changed this row."),
    ("correction_ids", "VARCHAR", "The corrections applied to this row (corrections.correction_id)."),
    ("status", "VARCHAR", "STATUS as exported (race layout only: 'Classified' or 'Not started')."),
    ("finish_status", "VARCHAR", "Races: 'running', 'retired' or 'dns' (derived, DEFINITIONS.md)."),
    ("laps", "INTEGER", "Laps completed."),
    ("total_time_ms", "BIGINT", "TOTAL_TIME: race clock at the car's last crossing, ms (race layout)."),
    ("gap_first", "VARCHAR", "GAP_FIRST as exported ('-', '+2.120', '3 Laps')."),
    ("gap_first_ms", "BIGINT", "GAP_FIRST as a time, ms; null for a laps gap."),
    ("gap_first_laps", "INTEGER", "GAP_FIRST as laps; null for a time gap."),
    ("gap_previous", "VARCHAR", "GAP_PREVIOUS as exported."),
    ("gap_previous_ms", "BIGINT", "GAP_PREVIOUS as a time, ms."),
    ("gap_previous_laps", "INTEGER", "GAP_PREVIOUS as laps."),
    (
        "class_gap_first",
        "VARCHAR",
        "Gap to the class leader, printed as IMSA does ('-', '+2.120', '3 Laps'); official order.",
    ),
    (
        "class_gap_first_ms",
        "BIGINT",
        "Gap to the class leader as a time, ms; null for a laps gap or no meaningful gap.",
    ),
    ("class_gap_first_laps", "INTEGER", "Gap to the class leader in laps (races); null for a time gap."),
    ("class_gap_previous", "VARCHAR", "Gap to the car ahead in the class, printed."),
    ("class_gap_previous_ms", "BIGINT", "Gap to the car ahead in the class as a time, ms."),
    ("class_gap_previous_laps", "INTEGER", "Gap to the car ahead in the class in laps (races)."),
    ("best_lap_number", "INTEGER", "Lap of the official best (valid) lap: LAP or FL_LAPNUM; 0 when none."),
    ("best_lap_ms", "BIGINT", "Official best (valid) lap: TIME or FL_TIME, ms."),
    ("best_lap_kph", "DOUBLE", "Average speed of the best lap: KPH or FL_KPH, km/h."),
    *_SRC,
)

LAPS = _t(
    "laps",
    "One row per completed lap per car (every column of the laps file; durations in ms).",
    ("session_id", "number", "lap"),
    ("session_id", "VARCHAR", "Session."),
    ("season", "INTEGER", "Season."),
    ("number", "VARCHAR", "Car number as text."),
    ("driver_slot", "INTEGER", "DRIVER_NUMBER: slot of the driver in the results' driver blocks."),
    ("driver_id", "VARCHAR", "The driver at the wheel (drivers.driver_id)."),
    ("lap", "INTEGER", "LAP_NUMBER."),
    ("lap_time_ms", "BIGINT", "LAP_TIME, ms (includes pit-lane and garage time)."),
    ("lap_improvement", "INTEGER", "LAP_IMPROVEMENT: 2 = car's official best, 3/4 = session best."),
    ("in_pit", "BOOLEAN", "CROSSING_FINISH_LINE_IN_PIT = 'B': the lap ended in the pit lane (in-lap)."),
    ("pit_out", "BOOLEAN", "PIT_TIME is set: the lap began in the pit lane (out-lap, or leaving the garage on lap 1)."),
    ("s1_ms", "BIGINT", "S1, ms."),
    ("s1_improvement", "INTEGER", "S1_IMPROVEMENT."),
    ("s2_ms", "BIGINT", "S2, ms."),
    ("s2_improvement", "INTEGER", "S2_IMPROVEMENT."),
    ("s3_ms", "BIGINT", "S3, ms."),
    ("s3_improvement", "INTEGER", "S3_IMPROVEMENT."),
    ("kph", "DOUBLE", "KPH: average lap speed, km/h."),
    ("elapsed_ms", "BIGINT", "ELAPSED: car's time since the session clock start, ms."),
    ("hour", "VARCHAR", "HOUR as exported: local wall clock at the crossing (no date)."),
    ("crossing_local", "TIMESTAMP", "Local date and time of the line crossing (start + ELAPSED)."),
    ("crossing_utc", "TIMESTAMPTZ", "UTC time of the line crossing."),
    ("s1_large_ms", "BIGINT", "S1_LARGE, ms (same value as S1)."),
    ("s2_large_ms", "BIGINT", "S2_LARGE, ms (same value as S2)."),
    ("s3_large_ms", "BIGINT", "S3_LARGE, ms (same value as S3)."),
    ("top_speed", "DOUBLE", "TOP_SPEED (always empty in 2021-2025)."),
    ("driver_name", "VARCHAR", "DRIVER_NAME as exported."),
    ("pit_time_ms", "BIGINT", "PIT_TIME: pit-lane time of the stop before this lap (on the out-lap), ms."),
    ("class", "VARCHAR", "Class, normalised."),
    ("group_code", "VARCHAR", "GROUP."),
    ("team_raw", "VARCHAR", "TEAM as exported."),
    ("manufacturer_raw", "VARCHAR", "MANUFACTURER as exported (inconsistent; prefer entries.manufacturer)."),
    ("flag", "VARCHAR", "FLAG_AT_FL: GF, FCY, FF or RF; null in the six 2021 Roar files without it."),
    *_SRC,
)

WEATHER = _t(
    "weather",
    "One row per weather sample (about one a minute).",
    ("session_id", "time_utc"),
    ("session_id", "VARCHAR", "Session."),
    ("season", "INTEGER", "Season."),
    ("time_utc", "TIMESTAMPTZ", "Sample time (TIME_UTC_SECONDS)."),
    ("epoch_s", "BIGINT", "TIME_UTC_SECONDS: Unix time."),
    ("time_utc_str", "VARCHAR", "TIME_UTC_STR as exported (two formats; redundant)."),
    ("air_temp_f", "DOUBLE", "AIR_TEMP, °F, rounded to 0.1."),
    ("air_temp_c", "DOUBLE", "Air temperature, °C, rounded to 0.1."),
    ("track_temp_f", "DOUBLE", "TRACK_TEMP, °F, rounded to 0.1."),
    ("track_temp_c", "DOUBLE", "Track temperature, °C, rounded to 0.1."),
    ("humidity", "DOUBLE", "HUMIDITY, % relative."),
    ("pressure_inhg", "DOUBLE", "PRESSURE, inHg (reference differs by venue and year)."),
    ("wind_speed", "DOUBLE", "WIND_SPEED (unit not stated; probably mph)."),
    ("wind_direction", "INTEGER", "WIND_DIRECTION, degrees (360 = north)."),
    ("rain", "INTEGER", "RAIN: -1 = no sensor/unknown, 0 = dry. Never positive: wet running is not detectable."),
    *_SRC,
)

DRIVERS = _t(
    "drivers",
    "One row per person: spellings folded and the curated alias table applied.",
    ("driver_id",),
    ("driver_id", "VARCHAR", "Stable key derived from the canonical name, e.g. 'mathieu-jaminet'."),
    ("name", "VARCHAR", "Canonical display name."),
    ("spellings", "VARCHAR[]", "Every raw spelling seen in the files."),
    ("imsa_driver_ids", "VARCHAR[]", "Every IMSA_DriverId seen (hints only)."),
    ("countries", "VARCHAR[]", "Every DRIVERk_COUNTRY value seen."),
    ("first_season", "INTEGER", "First season in the data."),
    ("last_season", "INTEGER", "Last season in the data."),
    ("sessions", "INTEGER", "Sessions listed in."),
)

DRIVER_ALIASES = _t(
    "driver_aliases",
    "Curated driver identity decisions (pitboard/data/driver_aliases.csv and driver_distinct.csv).",
    ("name", "other"),
    ("decision", "VARCHAR", "'alias' (name is other's spelling) or 'distinct' (two people)."),
    ("name", "VARCHAR", "Raw name."),
    ("other", "VARCHAR", "Canonical name (alias) or the other person (distinct)."),
    ("reason", "VARCHAR", "Evidence."),
)

TEAMS = _t(
    "teams",
    "One row per team: spelling variants folded and the curated alias table applied.",
    ("team_id",),
    ("team_id", "VARCHAR", "Stable key derived from the canonical name."),
    ("name", "VARCHAR", "Canonical name."),
    ("spellings", "VARCHAR[]", "Every raw TEAM spelling seen."),
    ("imsa_team_ids", "VARCHAR[]", "Every IMSA_TeamId seen (hints only)."),
    ("first_season", "INTEGER", "First season in the data."),
    ("last_season", "INTEGER", "Last season in the data."),
)

TEAM_ALIASES = _t(
    "team_aliases",
    "Curated team identity decisions (pitboard/data/team_aliases.csv and team_distinct.csv).",
    ("name", "other"),
    ("decision", "VARCHAR", "'alias' or 'distinct'."),
    ("name", "VARCHAR", "Raw spelling."),
    ("other", "VARCHAR", "Canonical name (alias) or the other team (distinct)."),
    ("reason", "VARCHAR", "Evidence."),
)

CARS = _t(
    "cars",
    "One row per car: (season, number, team), as DEFINITIONS.md defines a car.",
    ("car_id",),
    ("car_id", "VARCHAR", "'<season>/<number>/<team_id>'."),
    ("season", "INTEGER", "Season."),
    ("number", "VARCHAR", "Car number as text."),
    ("team_id", "VARCHAR", "Team."),
    ("team", "VARCHAR", "Team's canonical name."),
    ("classes", "VARCHAR[]", "Classes the car ran in."),
    ("models", "VARCHAR[]", "Vehicle models."),
    ("manufacturers", "VARCHAR[]", "Manufacturers."),
    ("sessions", "INTEGER", "Sessions entered."),
    ("championship_races", "INTEGER", "Championship races entered."),
)

CORRECTIONS = _t(
    "corrections",
    "Official decisions IMSA took after the export (pitboard/data/corrections.csv).",
    ("correction_id",),
    ("correction_id", "VARCHAR", "Stable id."),
    ("season", "INTEGER", "Season."),
    ("session_id", "VARCHAR", "The session it changes."),
    ("class", "VARCHAR", "Class."),
    ("number", "VARCHAR", "Car number (empty for a manufacturer forfeit)."),
    (
        "kind",
        "VARCHAR",
        "Race: set_class_position, move_to_class_rear, disqualified. Qualifying: qualifying_disallowed, "
        "qualifying_set_class_position, start_from_rear (grid only). Points: points_penalty, "
        "endurance_points_forfeit, driver_points_forfeit, manufacturer_points_forfeit.",
    ),
    (
        "value",
        "VARCHAR",
        "Kind-specific value: a class position, a points delta, a driver's name (driver_points_forfeit) "
        "or a make (manufacturer_points_forfeit).",
    ),
    ("affects", "VARCHAR", "results+points, qualifying+points, points or grid."),
    ("description", "VARCHAR", "What was decided."),
    ("decided_on", "DATE", "Date of the decision."),
    ("source", "VARCHAR", "Where it was published."),
    ("confidence", "VARCHAR", "confirmed, single-source or inferred."),
    ("applied", "BOOLEAN", "True when the results in this database reflect it."),
)

PUBLISHED_STANDINGS = _t(
    "published_standings",
    "Championship standings figures published by IMSA and the press (pitboard/data/published_standings.csv),"
    " each with its source: what the standings are reconciled against.",
    ("figure_id",),
    ("figure_id", "VARCHAR", "Stable id."),
    ("season", "INTEGER", "Season."),
    ("class", "VARCHAR", "Class, normalised."),
    ("championship", "VARCHAR", "drivers, teams, manufacturers or endurance."),
    ("after", "VARCHAR", "'final', or the event folder of the last round counted."),
    ("event_id", "VARCHAR", "The event of ``after`` (events.event_id); null for final."),
    ("subject", "VARCHAR", "Driver name(s) ('A / B'), team entry or manufacturer, as published."),
    ("number", "VARCHAR", "Car number, when known."),
    ("metric", "VARCHAR", "points (a total), gap (points behind ``reference``) or position."),
    ("value", "INTEGER", "The published figure."),
    ("reference", "VARCHAR", "For a gap: whom it is measured from ('leader' or a name)."),
    ("source", "VARCHAR", "Where it was published (URL, outlet, date)."),
    ("quote", "VARCHAR", "The words that state the figure."),
    ("known_difference", "VARCHAR", "Why pitboard's reconstruction differs, when it does and the reason is known."),
)

VEHICLES = _t(
    "vehicles",
    "Vehicle strings and their models and manufacturers (pitboard/data/vehicles.csv).",
    ("vehicle",),
    ("vehicle", "VARCHAR", "VEHICLE as written in the files."),
    ("model", "VARCHAR", "Canonical model."),
    ("manufacturer", "VARCHAR", "Manufacturer (marque)."),
    ("class_hint", "VARCHAR", "Class(es) it raced in."),
    ("notes", "VARCHAR", "Notes."),
)

SOURCES = _t(
    "_sources",
    "Every source file seen by the ingest.",
    ("source_id",),
    ("source_id", "INTEGER", "Id referenced by source_id in the data tables."),
    ("path", "VARCHAR", "Path relative to the data root, e.g. '2023/12-…/202306251040-race-laps.csv'."),
    ("season", "INTEGER", "Season folder."),
    ("folder", "VARCHAR", "Event folder."),
    ("session_id", "VARCHAR", "Session."),
    ("kind", "VARCHAR", "laps, results or weather."),
    ("layout", "VARCHAR", "Header layout recognised (laps-27, laps-26, results-pos, results-position, weather)."),
    ("size", "BIGINT", "Bytes."),
    ("mtime_ns", "BIGINT", "Modification time, ns since the epoch."),
    ("ctime_ns", "BIGINT", "Inode change time, ns since the epoch (any edit changes it, even one keeping mtime)."),
    ("sha256", "VARCHAR", "SHA-256 of the bytes."),
    ("rows", "INTEGER", "Data rows loaded."),
    ("status", "VARCHAR", "'loaded', 'empty' or 'skipped' (see _ingest_issues)."),
    ("parser_version", "VARCHAR", "PARSER_VERSION that read it."),
)

INGEST_ISSUES = _t(
    "_ingest_issues",
    "Every problem or notable fact found while reading the files, and what was done about it.",
    (),
    ("path", "VARCHAR", "File (relative to the data root), or the folder."),
    ("line", "INTEGER", "Line in the file (1 = header); null for a whole-file issue."),
    ("column_name", "VARCHAR", "Column, when one is concerned."),
    ("severity", "VARCHAR", "'error' (data skipped), 'warning' (value dropped or doubtful), 'info' (a known gap)."),
    ("problem", "VARCHAR", "What is wrong."),
    ("action", "VARCHAR", "What the ingest did about it."),
)

META = _t(
    "_meta",
    "Facts about the build: parser version, data root, reference-data hash, time built.",
    ("key",),
    ("key", "VARCHAR", "Name."),
    ("value", "VARCHAR", "Value."),
)

#: Every table, in dependency order.
TABLES: tuple[Table, ...] = (
    SEASONS, VENUES, CALENDAR, EVENTS, SESSIONS, GRIDS, ENTRIES, ENTRY_DRIVERS, RESULTS, LAPS,
    WEATHER, RACE_RESULTS, RACE_DRIVERS, DRIVERS, DRIVER_ALIASES, TEAMS, TEAM_ALIASES, CARS, CORRECTIONS, PUBLISHED_STANDINGS, VEHICLES, SOURCES,
    INGEST_ISSUES, META,
)  # fmt: skip

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

_PANDAS_DTYPES = {
    "INTEGER": "Int32",
    "BIGINT": "Int64",
    "DOUBLE": "Float64",
    "BOOLEAN": "boolean",
    "VARCHAR": "string",
}


def pandas_dtype(duckdb_type: str) -> str:
    """The pandas dtype a column of this DuckDB type has in frames returned by the API."""
    if duckdb_type.endswith("[]"):
        return "object"
    if duckdb_type == "DATE":
        return "datetime64[s]"
    if duckdb_type == "TIMESTAMP":
        return "datetime64[us]"
    if duckdb_type == "TIMESTAMPTZ":
        return "datetime64[us, UTC]"
    return _PANDAS_DTYPES[duckdb_type]


def markdown_reference() -> str:
    """The column reference of every table, as Markdown (docs/schema.md is this text)."""
    out = ["# pitboard tables", "", "Generated from `src/pitboard/schema.py` (`python -m pitboard.schema`).", ""]
    for table in TABLES:
        out += [f"## `{table.name}`", "", table.description, ""]
        if table.key:
            out += ["Key: " + ", ".join(f"`{k}`" for k in table.key), ""]
        out += ["| column | type | description |", "|---|---|---|"]
        out += [f"| `{c.name}` | {c.type} | {c.description} |" for c in table.columns]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown_reference())
