"""Opening hours: the table rows and the exact "nu open" line on fixed instants.

The browser test imports LOCATIONS and CASES from here, so openingstijden.js is held to the
very same table.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import holidays as holidays_package
import pytest
from pydantic import ValidationError

import wegwijzer
from wegwijzer import i18n
from wegwijzer.outputs.open_data import open_windows
from wegwijzer.records.hours import (
    FeestdagenBeleid,
    ScheduleRow,
    browser_data,
    closure_period,
    holiday_note,
    meeting_rows,
    schedule_rows,
)
from wegwijzer.records.hours_reference import dutch_holidays, easter_sunday, is_open_at, status_at
from wegwijzer.records.models import Locatie, Sluiting, Spreekuur
from wegwijzer.records.school_holidays import parse

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
HOLIDAYS = dutch_holidays([2026, 2027])


def location(record_id: str, **fields: Any) -> Locatie:
    return Locatie.model_validate(
        {
            "id": record_id,
            "naam": "Inloop Geldzaken",
            "organisaties": ["voorbeeld"],
            "adres": {
                "straat": "Markt",
                "huisnummer": "1",
                "postcode": "1234 AB",
                "plaats": "Voorbeeldstad",
            },
            "laatst_gecontroleerd": "2026-01-15",
            **fields,
        }
    )


def local(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, sec: int = 0
) -> datetime:
    """A Dutch wall-clock time: local(2026, 6, 2, 12, 30)."""
    return datetime(year, month, day, hour, minute, sec, tzinfo=AMSTERDAM)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


LOCATIONS = {
    "werkdagen": location(
        "werkdagen",
        spreekuren=[
            {"dagen": ["ma", "di", "wo", "do", "vr"], "van": "09:30", "tot": "12:00"},
            {"dagen": ["di", "do"], "van": "13:30", "tot": "16:00"},
        ],
        gesloten=[
            {"van": "2026-07-20", "tot": "2026-07-31", "reden": "Zomervakantie"},
            {"van": "2026-08-10", "tot": "2026-08-10"},
            {"van": "2026-08-17", "tot": "2026-08-17", "reden": "Verbouwing."},
        ],
    ),
    # 02:00-03:00 falls in the hour that is skipped in March and repeated in October.
    "zondag": location(
        "zondag",
        spreekuren=[
            {"dagen": ["zo"], "van": "10:00", "tot": "12:00"},
            {"dagen": ["zo"], "van": "02:00", "tot": "03:00"},
        ],
    ),
    # Starts inside the skipped hour: on that night it opens when the clock reaches 03:00.
    "halfdrie": location(
        "halfdrie", spreekuren=[{"dagen": ["zo"], "van": "02:30", "tot": "04:00"}]
    ),
    "weken": location(
        "weken",
        spreekuren=[
            {"dagen": ["di"], "van": "10:00", "tot": "12:00", "weken": [1, 3]},
            {"dagen": ["do"], "van": "14:00", "tot": "16:00", "weken": [-1]},
        ],
    ),
    # A new hour from 2026-09-07, an old one that ends on 2026-09-04.
    "wisseling": location(
        "wisseling",
        spreekuren=[
            {"dagen": ["vr"], "van": "09:00", "tot": "12:00", "geldig_tot": "2026-09-04"},
            {"dagen": ["ma"], "van": "13:00", "tot": "15:00", "geldig_vanaf": "2026-09-07"},
        ],
    ),
    # "In de even weken op maandag, in de oneven weken op woensdag" (ISO week numbers).
    "even-weken": location(
        "even-weken",
        spreekuren=[
            {"dagen": ["ma"], "van": "10:00", "tot": "12:00", "weken": "even"},
            {"dagen": ["wo"], "van": "13:00", "tot": "15:00", "weken": "oneven"},
        ],
    ),
    # "Van september t/m juni" on Tuesday; "in de aangifteperiode" (1 maart - 1 mei) on Monday.
    "seizoen": location(
        "seizoen",
        spreekuren=[
            {
                "dagen": ["di"],
                "van": "09:00",
                "tot": "12:00",
                "periode": {"van": "september", "tot": "juni"},
            },
            {
                "dagen": ["ma"],
                "van": "13:00",
                "tot": "16:00",
                "periode": {"van": "1 maart", "tot": "01-05"},
                "opmerking": "Hulp bij de belastingaangifte.",
            },
        ],
    ),
    # "Sinds oktober dicht voor een verbouwing, tot maart 2027": months without a day.
    "tot-maart": location(
        "tot-maart",
        spreekuren=[{"dagen": ["do"], "van": "10:00", "tot": "12:00"}],
        gesloten=[{"van": "2026-10", "tot": "2027-03", "reden": "Verbouwing"}],
    ),
    "afspraak": location("afspraak"),
    "inloop-zonder-tijden": location("inloop-zonder-tijden", zonder_afspraak=True),
    # "Vrijdagochtend (bel voor de tijden)" next to a clock-time hour on Tuesday.
    "ochtend": location(
        "ochtend",
        spreekuren=[
            {"dagen": ["vr"], "dagdeel": "ochtend"},
            {"dagen": ["di"], "van": "13:00", "tot": "15:00"},
        ],
    ),
    "vaste-momenten": location(
        "vaste-momenten",
        zonder_afspraak=True,
        spreekuren=[{"dagen": ["ma", "wo"], "opmerking": "Op vaste momenten."}],
    ),
    "inloop-donderdag": location(
        "inloop-donderdag",
        spreekuren=[
            {"dagen": ["do"], "van": "10:00", "tot": "12:00", "zonder_afspraak": True},
            {"dagen": ["ma"], "van": "09:00", "tot": "11:00"},
        ],
    ),
    # "Pilot van 7 september tot eind oktober".
    "pilot": location(
        "pilot",
        geldig_vanaf="2026-09-07",
        geldig_tot="2026-10-30",
        spreekuren=[{"dagen": ["ma"], "van": "09:00", "tot": "12:00"}],
    ),
    # Week van het geld, and a meeting on Boxing Day: planned for that day, so open then.
    "bijeenkomst": location(
        "bijeenkomst",
        zonder_afspraak=True,
        bijeenkomsten=[
            {"datum": "2026-10-06", "van": "19:30", "tot": "21:00", "titel": "Week van het geld"},
            {"datum": "2026-12-26", "van": "14:00", "tot": "16:00", "titel": "Kerstinloop"},
        ],
    ),
    "kerstsluiting": location(
        "kerstsluiting",
        spreekuren=[{"dagen": ["ma", "di", "wo", "do", "vr"], "van": "09:00", "tot": "17:00"}],
        gesloten=[
            {
                "van": "24-12",
                "tot": "1 januari",
                "jaarlijks": True,
                "reden": "Kerst en oud en nieuw",
            }
        ],
    ),
    "schoolvakanties": location(
        "schoolvakanties",
        spreekuren=[{"dagen": ["wo"], "van": "13:00", "tot": "15:00"}],
        gesloten=[{"schoolvakanties": "midden"}],
    ),
    "verbouwing": location(
        "verbouwing",
        spreekuren=[
            {"dagen": ["ma"], "van": "09:00", "tot": "12:00"},
            {"dagen": ["ma"], "van": "12:00", "tot": "16:00"},
        ],
        gesloten=[{"van": "2026-11-02", "tot": "2027-03-31", "reden": "Verbouwing"}],
    ),
}

# Made-up dates in the shape of the shipped file, so the test does not age with it.
VACATIONS = parse(
    [
        "# test data",
        "schooljaar;vakantie;regio;van;tot",
        "2026-2027;Herfstvakantie;midden;2026-10-17;2026-10-25",
        "2026-2027;Herfstvakantie;zuid;2026-10-10;2026-10-18",
        "2026-2027;Kerstvakantie;alle;2026-12-19;2027-01-03",
        "2026-2027;Zomervakantie;midden;2027-07-17;2027-08-29",
    ]
)
ASK = "Bel voor de tijden."

CASES: list[tuple[str, datetime, str]] = [
    # Open, at the exact opening minute, and closed at the exact closing minute.
    ("werkdagen", local(2026, 6, 2, 9, 30), "Nu open, tot 12:00."),
    ("werkdagen", local(2026, 6, 2, 12, 0), "Nu gesloten. Opent vandaag om 13:30."),
    ("werkdagen", local(2026, 6, 2, 12, 30), "Nu gesloten. Opent vandaag om 13:30."),
    ("werkdagen", local(2026, 6, 1, 17, 0), "Nu gesloten. Opent morgen om 09:30."),
    ("werkdagen", local(2026, 6, 5, 17, 0), "Nu gesloten. Opent maandag om 09:30."),
    # Monday 22:30 UTC is already Tuesday 00:30 in the Netherlands.
    ("werkdagen", utc(2026, 6, 1, 22, 30), "Nu gesloten. Opent vandaag om 09:30."),
    # Any zone works: 03:30 in New York is 09:30 in Amsterdam.
    (
        "werkdagen",
        datetime(2026, 6, 2, 3, 30, tzinfo=ZoneInfo("America/New_York")),
        "Nu open, tot 12:00.",
    ),
    # Closures: with a reason, without one, a reason ending in a full stop, a weekend day.
    (
        "werkdagen",
        local(2026, 7, 29, 10, 0),
        "Gesloten tot en met 31 juli: Zomervakantie. Opent maandag om 09:30.",
    ),
    ("werkdagen", local(2026, 8, 10, 10, 0), "Vandaag gesloten. Opent morgen om 09:30."),
    (
        "werkdagen",
        local(2026, 8, 17, 10, 0),
        "Vandaag gesloten: Verbouwing. Opent morgen om 09:30.",
    ),
    (
        "werkdagen",
        local(2026, 7, 25, 10, 0),
        "Gesloten tot en met 31 juli: Zomervakantie. Opent op maandag 3 augustus om 09:30.",
    ),
    ("werkdagen", local(2026, 8, 7, 17, 0), "Nu gesloten. Opent dinsdag om 09:30."),
    # Public holidays: on the day, on a weekend, skipped ahead and across the new year.
    (
        "werkdagen",
        local(2026, 12, 25, 10, 0),
        "Vandaag gesloten: Eerste kerstdag. Opent maandag om 09:30.",
    ),
    ("werkdagen", local(2026, 12, 26, 10, 0), "Nu gesloten. Opent maandag om 09:30."),
    (
        "werkdagen",
        local(2026, 4, 27, 10, 0),
        "Vandaag gesloten: Koningsdag. Opent morgen om 09:30.",
    ),
    ("werkdagen", local(2026, 4, 24, 17, 0), "Nu gesloten. Opent dinsdag om 09:30."),
    ("werkdagen", local(2026, 12, 31, 17, 0), "Nu gesloten. Opent maandag om 09:30."),
    # Summer time starts 2026-03-29: 02:00 CET becomes 03:00 CEST, skipping 02:00-03:00.
    # 02:00-03:00 does not exist that night, so 00:59 UTC (01:59 CET) awaits 10:00.
    ("zondag", utc(2026, 3, 29, 0, 59), "Nu gesloten. Opent vandaag om 10:00."),
    ("zondag", utc(2026, 3, 28, 12, 0), "Nu gesloten. Opent morgen om 10:00."),
    ("halfdrie", utc(2026, 3, 29, 0, 30), "Nu gesloten. Opent vandaag om 03:00."),
    ("halfdrie", utc(2026, 3, 29, 1, 0), "Nu open, tot 04:00."),
    ("halfdrie", local(2026, 10, 25, 0, 30), "Nu gesloten. Opent vandaag om 02:30."),
    ("zondag", utc(2026, 3, 29, 1, 0), "Nu gesloten. Opent vandaag om 10:00."),
    ("zondag", utc(2026, 3, 29, 7, 59), "Nu gesloten. Opent vandaag om 10:00."),
    ("zondag", utc(2026, 3, 29, 8, 30), "Nu open, tot 12:00."),
    # Summer time ends 2026-10-25: 03:00 CEST becomes 02:00 CET, repeating 02:00-03:00.
    ("zondag", utc(2026, 10, 25, 0, 30), "Nu open, tot 03:00. Sluit over 30 minuten."),
    ("zondag", utc(2026, 10, 25, 1, 30), "Nu open, tot 03:00. Sluit over 30 minuten."),
    ("zondag", utc(2026, 10, 25, 2, 0), "Nu gesloten. Opent vandaag om 10:00."),
    ("zondag", utc(2026, 10, 25, 10, 30), "Nu open, tot 12:00. Sluit over 30 minuten."),
    ("zondag", utc(2026, 10, 25, 10, 29), "Nu open, tot 12:00."),
    ("zondag", utc(2026, 10, 25, 10, 59), "Nu open, tot 12:00. Sluit over 1 minuut."),
    ("zondag", utc(2026, 10, 25, 11, 30), "Nu gesloten. Opent op zondag 1 november om 02:00."),
    # Weeks of the month: 1st and 3rd Tuesday, last Thursday (the 4th or the 5th).
    ("weken", local(2026, 9, 1, 10, 30), "Nu open, tot 12:00."),
    ("weken", local(2026, 9, 8, 10, 30), "Nu gesloten. Opent op dinsdag 15 september om 10:00."),
    ("weken", local(2026, 9, 15, 12, 30), "Nu gesloten. Opent op donderdag 24 september om 14:00."),
    ("weken", local(2026, 9, 24, 14, 30), "Nu open, tot 16:00."),
    ("weken", local(2026, 9, 29, 10, 30), "Nu gesloten. Opent op dinsdag 6 oktober om 10:00."),
    ("weken", local(2026, 10, 20, 9, 0), "Nu gesloten. Opent vandaag om 10:00."),
    ("weken", local(2026, 10, 22, 14, 30), "Nu gesloten. Opent op donderdag 29 oktober om 14:00."),
    ("weken", local(2026, 10, 29, 14, 30), "Nu open, tot 16:00."),
    ("wisseling", local(2026, 9, 4, 10, 0), "Nu open, tot 12:00."),
    ("wisseling", local(2026, 9, 1, 13, 30), "Nu gesloten. Opent vrijdag om 09:00."),
    ("wisseling", local(2026, 9, 4, 12, 0), "Nu gesloten. Opent maandag om 13:00."),
    ("wisseling", local(2026, 9, 11, 10, 0), "Nu gesloten. Opent maandag om 13:00."),
    ("wisseling", local(2026, 8, 31, 14, 0), "Nu gesloten. Opent vrijdag om 09:00."),
    # No hours known: the live line says nothing; the page says "Tijden onbekend" with the
    # number to call (issue 26), never "Alleen op afspraak".
    ("afspraak", local(2026, 6, 2, 10, 0), ""),
    ("inloop-zonder-tijden", local(2026, 6, 2, 10, 0), ""),
    # A part of the day, or only days: never open or closed on a guess.
    ("ochtend", local(2026, 6, 5, 8, 0), f"Vandaag 's ochtends open. {ASK}"),
    ("ochtend", local(2026, 6, 5, 16, 0), f"Vandaag 's ochtends open. {ASK}"),
    ("ochtend", local(2026, 6, 4, 10, 0), f"Nu gesloten. Opent morgen 's ochtends. {ASK}"),
    ("ochtend", local(2026, 6, 3, 10, 0), f"Nu gesloten. Opent vrijdag 's ochtends. {ASK}"),
    ("ochtend", local(2026, 6, 2, 14, 0), "Nu open, tot 15:00."),
    ("ochtend", local(2026, 6, 1, 10, 0), "Nu gesloten. Opent morgen om 13:00."),
    (
        "ochtend",
        local(2026, 12, 25, 10, 0),
        "Vandaag gesloten: Eerste kerstdag. Opent dinsdag om 13:00.",
    ),
    ("vaste-momenten", local(2026, 6, 1, 10, 0), f"Vandaag open. {ASK}"),
    ("vaste-momenten", local(2026, 6, 2, 10, 0), f"Nu gesloten. Opent morgen. {ASK}"),
    ("inloop-donderdag", local(2026, 6, 4, 10, 30), "Nu open, tot 12:00."),
    # A location that starts and stops on a known day.
    ("pilot", local(2026, 9, 1, 10, 0), "Open vanaf 7 september 2026. Opent maandag om 09:00."),
    ("pilot", local(2026, 10, 26, 10, 0), "Nu open, tot 12:00."),
    ("pilot", local(2026, 10, 27, 10, 0), "Nu gesloten."),
    ("pilot", local(2026, 10, 31, 10, 0), "Deze plek is gestopt op 30 oktober 2026."),
    # One-off meetings, also on a public holiday; none left: no fixed times.
    ("bijeenkomst", local(2026, 10, 6, 20, 0), "Nu open, tot 21:00."),
    ("bijeenkomst", local(2026, 10, 1, 10, 0), "Nu gesloten. Opent dinsdag om 19:30."),
    ("bijeenkomst", local(2026, 12, 26, 15, 0), "Nu open, tot 16:00."),
    ("bijeenkomst", local(2026, 12, 27, 10, 0), ""),
    # Every year from 24 December to 1 January, across the new year.
    (
        "kerstsluiting",
        local(2026, 12, 28, 10, 0),
        "Gesloten tot en met 1 januari 2027: Kerst en oud en nieuw."
        " Opent op maandag 4 januari om 09:00.",
    ),
    (
        "kerstsluiting",
        local(2026, 1, 1, 10, 0),
        "Gesloten tot en met 1 januari: Kerst en oud en nieuw. Opent morgen om 09:00.",
    ),
    ("kerstsluiting", local(2026, 12, 23, 16, 45), "Nu open, tot 17:00. Sluit over 15 minuten."),
    # School holidays of region midden; after the last known day the site says so.
    (
        "schoolvakanties",
        local(2026, 10, 21, 14, 0),
        "Gesloten tot en met 25 oktober: Herfstvakantie. Opent op woensdag 28 oktober om 13:00.",
    ),
    ("schoolvakanties", local(2026, 10, 14, 14, 0), "Nu open, tot 15:00."),
    (
        "schoolvakanties",
        local(2027, 9, 1, 14, 0),
        "Nu open, tot 15:00. Let op: in de schoolvakanties is deze plek dicht.",
    ),
    # A part of every year: open on its last day, then nothing within the scan window, then
    # the first day of the season; the aangifteperiode opens on 1 March, ends after 1 May.
    ("seizoen", local(2026, 6, 30, 10, 0), "Nu open, tot 12:00."),
    ("seizoen", local(2026, 6, 30, 13, 0), "Nu gesloten."),
    ("seizoen", local(2026, 7, 14, 10, 0), "Nu gesloten. Opent op dinsdag 1 september om 09:00."),
    ("seizoen", local(2027, 2, 23, 13, 0), "Nu gesloten. Opent maandag om 13:00."),
    ("seizoen", local(2027, 4, 26, 14, 0), "Nu open, tot 16:00."),
    ("seizoen", local(2027, 5, 3, 14, 0), "Nu gesloten. Opent morgen om 09:00."),
    # Closed from October to March, each known only by its month: closed from 1 October,
    # open again from 1 March, and the line says the month, never a made-up day.
    ("tot-maart", local(2026, 9, 24, 10, 30), "Nu open, tot 12:00."),
    ("tot-maart", local(2026, 9, 30, 10, 0), "Nu gesloten."),
    ("tot-maart", local(2026, 11, 5, 10, 0), "Gesloten tot maart 2027: Verbouwing."),
    (
        "tot-maart",
        local(2027, 2, 25, 10, 0),
        "Gesloten tot maart 2027: Verbouwing. Opent op donderdag 4 maart om 10:00.",
    ),
    ("tot-maart", local(2027, 3, 4, 10, 0), "Nu open, tot 12:00."),
    # Back-to-back hours read as one; a long closure leaves nothing to announce.
    ("verbouwing", local(2026, 6, 1, 10, 0), "Nu open, tot 16:00."),
    ("verbouwing", local(2026, 11, 2, 10, 0), "Gesloten tot en met 31 maart 2027: Verbouwing."),
    ("verbouwing", local(2026, 11, 1, 10, 0), "Nu gesloten."),
]


@pytest.mark.parametrize(
    ("key", "moment", "expected"), CASES, ids=[f"{k}-{m.isoformat()}" for k, m, _ in CASES]
)
def test_status_at(key: str, moment: datetime, expected: str) -> None:
    assert status_at(LOCATIONS[key], moment, HOLIDAYS, VACATIONS) == expected


@pytest.mark.parametrize(
    ("key", "moment", "expected"), CASES, ids=[f"{k}-{m.isoformat()}" for k, m, _ in CASES]
)
def test_is_open_at_agrees_with_status(key: str, moment: datetime, expected: str) -> None:
    assert is_open_at(LOCATIONS[key], moment, HOLIDAYS, VACATIONS) == expected.startswith("Nu open")


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        status_at(LOCATIONS["werkdagen"], datetime(2026, 6, 2, 10, 0), HOLIDAYS)


def test_holidays_have_dutch_names() -> None:
    assert HOLIDAYS[date(2026, 12, 25)] == "Eerste kerstdag"
    assert HOLIDAYS[date(2026, 4, 27)] == "Koningsdag"
    assert HOLIDAYS[date(2027, 1, 1)] == "Nieuwjaarsdag"


def test_holiday_rule_details() -> None:
    # Liberation Day is closed only in lustrum years by default, as most labour agreements have it.
    assert date(2026, 5, 5) not in HOLIDAYS
    assert dutch_holidays([2025])[date(2025, 5, 5)] == "Bevrijdingsdag"
    # King's Day moves to Saturday when 27 April is a Sunday.
    assert dutch_holidays([2025])[date(2025, 4, 26)] == "Koningsdag"
    assert easter_sunday(2026) == date(2026, 4, 5)
    assert easter_sunday(2038) == date(2038, 4, 25)  # the latest possible
    assert easter_sunday(2285) == date(2285, 3, 22)  # the earliest possible


def test_our_holiday_rule_agrees_with_the_holidays_package() -> None:
    years = list(range(2014, 2101))
    reference = holidays_package.country_holidays("NL", years=years, language="nl")
    without_good_friday = {d: n for d, n in reference.items() if n != "Goede vrijdag"}
    assert dutch_holidays(years) == dict(sorted(without_good_friday.items()))
    closed_friday = FeestdagenBeleid(goede_vrijdag="dicht")
    assert dutch_holidays(years, closed_friday) == dict(sorted(reference.items()))


def test_holiday_policy_is_a_choice() -> None:
    every_year = FeestdagenBeleid(bevrijdingsdag="elk jaar")
    assert dutch_holidays([2026], every_year)[date(2026, 5, 5)] == "Bevrijdingsdag"
    assert date(2030, 5, 5) not in dutch_holidays([2030], FeestdagenBeleid(bevrijdingsdag="nooit"))
    assert "Goede Vrijdag is de plek open" in holiday_note(FeestdagenBeleid())
    assert "Ook op Bevrijdingsdag" in holiday_note(every_year)
    assert "Ook op Goede Vrijdag" in holiday_note(FeestdagenBeleid(goede_vrijdag="dicht"))


def test_schedule_rows() -> None:
    loc = location(
        "rooster",
        spreekuren=[
            {"dagen": ["do", "di"], "van": "13:30", "tot": "16:00", "weken": [-1]},
            {
                "dagen": ["di"],
                "van": "09:30",
                "tot": "12:00",
                "weken": [3, 1],
                "opmerking": "Neem uw post mee.",
            },
            {"dagen": ["ma"], "van": "09:00", "tot": "11:00", "weken": [1, 2, -1]},
        ],
    )
    assert schedule_rows(loc) == [
        ScheduleRow(
            "Maandag", "09:00 – 11:00", "Alleen de 1e, 2e en laatste maandag van de maand."
        ),
        ScheduleRow(
            "Dinsdag", "09:30 – 12:00", "Alleen de 1e en 3e dinsdag van de maand. Neem uw post mee."
        ),
        ScheduleRow("Dinsdag", "13:30 – 16:00", "Alleen de laatste dinsdag van de maand."),
        ScheduleRow("Donderdag", "13:30 – 16:00", "Alleen de laatste donderdag van de maand."),
    ]


WEEKS_IN_EVERY_LANGUAGE = {
    "nl": (
        "Alleen de 1e en 3e woensdag van de maand.",
        "Alleen de 2e en 4e vrijdag van de maand.",
        "Alleen de laatste zaterdag van de maand.",
    ),
    "en": (
        "Only the 1st and 3rd Wednesday of the month.",
        "Only the 2nd and 4th Friday of the month.",
        "Only the last Saturday of the month.",
    ),
    "tr": (
        "Sadece ayın 1. ve 3. çarşamba günü.",
        "Sadece ayın 2. ve 4. cuma günü.",
        "Sadece ayın son cumartesi günü.",
    ),
    "ar": (
        "فقط الأربعاء الأول والثالث من الشهر.",
        "فقط الجمعة الثانية والرابعة من الشهر.",  # feminine ordinals with الجمعة
        "فقط السبت الأخير من الشهر.",
    ),
    "pl": (
        "Tylko w 1. i 3. środę miesiąca.",
        "Tylko w 2. i 4. piątek miesiąca.",
        "Tylko w ostatnią sobotę miesiąca.",
    ),
    "uk": (
        "Лише в першу і третю середу місяця.",
        "Лише в другу і четверту пʼятницю місяця.",
        "Лише в останню суботу місяця.",
    ),
}


@pytest.mark.parametrize("code", list(WEEKS_IN_EVERY_LANGUAGE))
def test_weeks_of_the_month_agree_with_the_weekday_in_every_language(code: str) -> None:
    """The review's 'Tylko sobota: ostatni w miesiącu': one sentence per weekday and its
    ordinals per weekday, so gendered days get agreeing ordinals (issue 27)."""
    loc = location(
        "weken",
        spreekuren=[
            {"dagen": ["wo"], "van": "09:00", "tot": "11:00", "weken": [3, 1]},
            {"dagen": ["za"], "van": "10:00", "tot": "12:00", "weken": [-1]},
            {"dagen": ["vr"], "van": "13:00", "tot": "15:00", "weken": [2, 4]},
        ],
    )
    language = i18n.load([code])[-1]
    with i18n.speaking(language):
        notes = tuple(row.opmerking for row in schedule_rows(loc))  # by day: wo, vr, za
    assert notes == WEEKS_IN_EVERY_LANGUAGE[code]


def test_schedule_rows_without_notes() -> None:
    assert schedule_rows(LOCATIONS["zondag"]) == [
        ScheduleRow("Zondag", "02:00 – 03:00", None),
        ScheduleRow("Zondag", "10:00 – 12:00", None),
    ]
    assert schedule_rows(LOCATIONS["afspraak"]) == []


NO_VALIDITY = {"geldig_vanaf": None, "geldig_tot": None, "dagdeel": None, "periode": None}


def test_schedule_rows_say_from_when_and_until_when() -> None:
    assert [row.opmerking for row in schedule_rows(LOCATIONS["wisseling"])] == [
        "Vanaf 7 september 2026.",
        "Tot en met 4 september 2026.",
    ]


def test_validity_must_be_in_order() -> None:
    with pytest.raises(ValidationError, match="geldig_vanaf"):
        Spreekuur.model_validate(
            {
                "dagen": ["ma"],
                "van": "09:00",
                "tot": "10:00",
                "geldig_vanaf": "2027-01-02",
                "geldig_tot": "2027-01-01",
            }
        )


def test_browser_data_is_plain_json() -> None:
    policy = FeestdagenBeleid(goede_vrijdag="dicht")
    assert browser_data(LOCATIONS["werkdagen"], policy) == {
        "zonder_afspraak": False,
        "spreekuren": [
            {"dagen": [1, 2, 3, 4, 5], "van": "09:30", "tot": "12:00", "weken": None} | NO_VALIDITY,
            {"dagen": [2, 4], "van": "13:30", "tot": "16:00", "weken": None} | NO_VALIDITY,
        ],
        "gesloten": [
            {"van": "2026-07-20", "tot": "2026-07-31", "reden": "Zomervakantie"},
            {"van": "2026-08-10", "tot": "2026-08-10", "reden": None},
            {"van": "2026-08-17", "tot": "2026-08-17", "reden": "Verbouwing."},
        ],
        "bijeenkomsten": [],
        "geldig_vanaf": None,
        "geldig_tot": None,
        "feestdagen": {"bevrijdingsdag": "elke vijf jaar", "goede_vrijdag": "dicht"},
    }
    assert browser_data(LOCATIONS["weken"])["spreekuren"][1]["weken"] == [-1]


def test_closure_period_reads_open_ends_in_dutch() -> None:
    def period(van: str, tot: str) -> str:
        return closure_period(Sluiting.model_validate({"van": van, "tot": tot}))

    assert period("2026-12-21", "2027-01-01") == "21 december 2026 tot en met 1 januari 2027"
    assert period("2026-12-21", "2026-12-21") == "21 december 2026"
    assert period("2027-03-01", "9999-12-31") == "vanaf 1 maart 2027 tot nader bericht"
    assert period("0001-01-01", "2026-01-04") == "tot en met 4 januari 2026"
    assert period("0001-01-01", "9999-12-31") == "tot nader bericht"


def test_open_ended_closure_status() -> None:
    loc = location(
        "verhuisd",
        spreekuren=[{"dagen": ["ma"], "van": "09:00", "tot": "12:00"}],
        gesloten=[{"van": "2027-03-01", "tot": "9999-12-31", "reden": "Verhuizing"}],
    )
    assert (
        status_at(loc, local(2027, 3, 1, 10), HOLIDAYS) == "Gesloten tot nader bericht: Verhuizing."
    )
    assert open_windows(loc.gesloten) == [(None, date(2027, 2, 28))]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("09:30", "09:30"),
        ("9:30", "09:30"),
        ("14.00", "14:00"),
        ("9.30", "09:30"),
        ("9", "09:00"),
        ("9 uur", "09:00"),
        ("14.00 uur", "14:00"),
        ("9u30", "09:30"),
        (14.0, "14:00"),  # what YAML makes of an unquoted 14.00
        (9.3, "09:30"),  # ... of 9.30
        (9, "09:00"),  # ... of 9
    ],
)
def test_dutch_time_notation_is_normalised(typed: object, stored: str) -> None:
    hour = Spreekuur.model_validate({"dagen": ["ma"], "van": typed, "tot": "23:00"})
    assert hour.van == stored


@pytest.mark.parametrize("typed", ["24:00", "9.75", "half tien", 900, 25, "9:3"])
def test_impossible_times_are_refused(typed: object) -> None:
    with pytest.raises(ValidationError):
        Spreekuur.model_validate({"dagen": ["ma"], "van": typed, "tot": "23:00"})


@pytest.mark.parametrize("typed", ["24-12", "24/12", "24 december", "24 dec", "2026-12-24"])
def test_a_yearly_closure_keeps_day_and_month_however_typed(typed: str) -> None:
    closure = Sluiting.model_validate({"van": typed, "tot": "1 januari", "jaarlijks": True})
    assert closure.model_dump(mode="json")["van"] == "24-12"
    assert closure.model_dump(mode="json")["tot"] == "01-01"
    assert closure_period(closure) == "elk jaar van 24 december tot en met 1 januari"


def test_a_yearly_closure_on_29_february_moves_to_1_march_in_other_years() -> None:
    loc = location(
        "schrikkel",
        spreekuren=[{"dagen": ["ma", "di", "wo", "do", "vr", "za", "zo"], "van": "9", "tot": "17"}],
        gesloten=[{"van": "29-02", "tot": "29-02", "jaarlijks": True, "reden": "Schrikkeldag"}],
    )
    closed = "Vandaag gesloten: Schrikkeldag. Opent morgen om 09:00."
    assert status_at(loc, local(2028, 2, 29, 10), HOLIDAYS) == closed
    assert status_at(loc, local(2027, 3, 1, 10), HOLIDAYS) == closed
    assert status_at(loc, local(2027, 2, 28, 10), HOLIDAYS) == "Nu open, tot 17:00."


def test_the_shipped_school_holidays_name_their_source_and_parse() -> None:
    from wegwijzer.records.school_holidays import school_holidays

    shipped = school_holidays()
    assert all(p.regio in ("noord", "midden", "zuid", "alle") for p in shipped.periods)
    text = (Path(wegwijzer.__file__).parent / "data" / "schoolvakanties.csv").read_text(
        encoding="utf-8"
    )
    assert "Bron: Rijksoverheid, https://www.rijksoverheid.nl/" in text
    assert "Opgehaald:" in text
    with pytest.raises(ValueError, match="bad row"):
        parse(["schooljaar;vakantie;regio;van;tot", "2026-2027;Herfst;west;2026-10-17;2026-10-25"])
    assert VACATIONS.known_until == date(2027, 8, 29)
    assert [p.naam for p in VACATIONS.of("zuid")] == ["Herfstvakantie", "Kerstvakantie"]


def test_even_and_odd_iso_weeks() -> None:
    loc = LOCATIONS["even-weken"]
    # 2026-06-01 is a Monday in week 23 (odd), 2026-06-08 one in week 24 (even).
    assert status_at(loc, local(2026, 6, 1, 10, 30), HOLIDAYS) == (
        "Nu gesloten. Opent woensdag om 13:00."
    )
    assert status_at(loc, local(2026, 6, 8, 10, 30), HOLIDAYS) == "Nu open, tot 12:00."
    # Week 53 of 2026 and week 1 of 2027 are both odd: Wednesday twice in a row.
    assert status_at(loc, local(2026, 12, 30, 14, 0), HOLIDAYS) == "Nu open, tot 15:00."
    assert status_at(loc, local(2027, 1, 4, 10, 30), HOLIDAYS) == (
        "Nu gesloten. Opent woensdag om 13:00."
    )
    assert [row.opmerking for row in schedule_rows(loc)] == [
        "Alleen in de even weken.",
        "Alleen in de oneven weken.",
    ]


def test_rows_for_hours_without_times_and_per_hour_walk_in() -> None:
    assert schedule_rows(LOCATIONS["ochtend"]) == [
        ScheduleRow("Dinsdag", "13:00 – 15:00", None),
        ScheduleRow("Vrijdag", "Ochtend (bel voor de tijden)", None, zonder_tijden=True),
    ]
    assert [row.tijden for row in schedule_rows(LOCATIONS["vaste-momenten"])] == [
        "Bel voor de tijden",
        "Bel voor de tijden",
    ]
    assert [row.opmerking for row in schedule_rows(LOCATIONS["inloop-donderdag"])] == [
        "Op afspraak.",
        "Zonder afspraak.",
    ]
    assert LOCATIONS["inloop-donderdag"].any_walk_in
    assert not LOCATIONS["werkdagen"].any_walk_in


def test_meeting_rows_leave_out_the_past() -> None:
    rows = meeting_rows(LOCATIONS["bijeenkomst"], date(2026, 10, 7))
    assert [(r.wanneer, r.titel) for r in rows] == [
        ("Zaterdag 26 december 2026, 14:00 – 16:00", "Kerstinloop")
    ]


def test_hsds_cuts_schedules_to_the_locations_own_dates_and_lists_rules_as_notes() -> None:
    from wegwijzer.outputs.open_data import _schedules

    pilot = _schedules(LOCATIONS["pilot"], "link", ("org", "pilot"))
    assert [(s["valid_from"], s["valid_to"]) for s in pilot] == [("2026-09-07", "2026-10-30")]
    closed = _schedules(LOCATIONS["kerstsluiting"], "link", ("org", "kerst"))
    assert "valid_from" not in closed[0]  # a yearly closure cannot be a window
    assert closed[0]["notes"] == (
        "Gesloten elk jaar van 24 december tot en met 1 januari: Kerst en oud en nieuw."
    )
    untimed = _schedules(LOCATIONS["vaste-momenten"], "link", ("org", "vast"))
    assert [s["description"][:19] for s in untimed] == ["Bel voor de tijden."]


def test_seasonal_hours_are_said_and_checked() -> None:
    loc = LOCATIONS["seizoen"]
    assert [row.opmerking for row in schedule_rows(loc)] == [
        "Alleen van 1 maart tot en met 1 mei. Hulp bij de belastingaangifte.",
        "Alleen van september tot en met juni.",
    ]
    assert browser_data(loc)["spreekuren"][0]["periode"] == {"van": "09-01", "tot": "06-30"}
    period = loc.spreekuren[0].periode
    assert period is not None
    assert period.model_dump() == {"van": "01-09", "tot": "30-06"}
    # February's last day in a period is the 29th, which every year reaches.
    february = Spreekuur.model_validate({"dagen": ["ma"], "periode": {"van": "feb", "tot": "feb"}})
    assert february.applies_on(date(2027, 2, 28)) and february.applies_on(date(2028, 2, 29))
    assert not february.applies_on(date(2027, 3, 1))
    from wegwijzer.outputs.coverage import _weekly_hours
    from wegwijzer.outputs.open_data import _schedules

    # The aanbodanalyse averages them over the year: 304 and 62 days of 366.
    assert _weekly_hours(loc) == pytest.approx(3 * 304 / 366 + 3 * 62 / 366)
    notes = [s["notes"] for s in _schedules(loc, "link", ("org", "seizoen"))]
    assert notes == [
        "Alleen van september tot en met juni.",
        "Alleen van 1 maart tot en met 1 mei. Hulp bij de belastingaangifte.",
    ]
    for typed, message in [
        ({"van": date(2027, 3, 1), "tot": "mei"}, "heeft een jaar"),
        ({"van": "lente", "tot": "mei"}, "geen maand of dag en maand"),
        ({"van": "31-02", "tot": "mei"}, "geen bestaande dag"),
        ({"van": "maart"}, "Field required"),
    ]:
        with pytest.raises(ValidationError, match=message):
            Spreekuur.model_validate({"dagen": ["ma"], "periode": typed})


def test_a_closure_known_by_its_month_is_said_by_month() -> None:
    closure = LOCATIONS["tot-maart"].gesloten[0]
    assert closure_period(closure) == "oktober 2026 tot maart 2027"
    assert closure.model_dump()["tot"] == "2027-03"
    assert browser_data(LOCATIONS["tot-maart"])["gesloten"] == [
        {"van": "2026-10-01", "tot": "2027-02-28", "reden": "Verbouwing", "tot_maand": "2027-03-01"}
    ]
    no_start = Sluiting.model_validate({"tot": "2027-3"})
    assert closure_period(no_start) == "tot maart 2027"
    since = Sluiting.model_validate({"van": "2026-10"})
    assert closure_period(since) == "vanaf oktober 2026 tot nader bericht"
    for typed, message in [
        ({"tot": "2027-13"}, "'2027-13' is geen maand"),
        ({"van": "2027-03", "tot": "2027-03"}, "Schrijf de maand waarin de plek weer opengaat"),
        ({"van": "2027-01", "tot": "2027-03", "jaarlijks": True}, "niet bij 'jaarlijks'"),
    ]:
        with pytest.raises(ValidationError, match=message):
            Sluiting.model_validate(typed)
