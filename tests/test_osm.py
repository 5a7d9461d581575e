"""The OpenStreetMap opening_hours export, held to an independent parser (opening-hours-py)."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import opening_hours as reference
import pytest

from tests.test_hours import AMSTERDAM, LOCATIONS, location
from wegwijzer.outputs.osm import opening_hours
from wegwijzer.records.hours import DAY_KEYS
from wegwijzer.records.hours_reference import is_open_at
from wegwijzer.records.models import Locatie


def test_hours_closures_and_holidays_in_osm_syntax() -> None:
    assert opening_hours(LOCATIONS["werkdagen"]) == (
        "Mo-Fr 09:30-12:00, Tu,Th 13:30-16:00; 2026 Jul 20-2026 Jul 31 off; "
        "2026 Aug 10 off; 2026 Aug 17 off; PH off"
    )
    assert opening_hours(LOCATIONS["weken"]) == ("Tu[1,3] 10:00-12:00, Th[-1] 14:00-16:00; PH off")
    assert opening_hours(LOCATIONS["afspraak"]) is None


def test_hours_without_times_meetings_and_rules_in_osm_syntax() -> None:
    assert opening_hours(LOCATIONS["ochtend"]) == (
        'Fr unknown "ochtend, bel voor de tijden", Tu 13:00-15:00; PH off'
    )
    assert (
        opening_hours(LOCATIONS["kerstsluiting"]) == "Mo-Fr 09:00-17:00; Dec 24-Jan 01 off; PH off"
    )
    assert opening_hours(LOCATIONS["schoolvakanties"]) == "We 13:00-15:00; SH off; PH off"
    meetings = opening_hours(LOCATIONS["bijeenkomst"])
    assert meetings == "off; PH off, 2026 Oct 06 19:30-21:00, 2026 Dec 26 14:00-16:00"
    pilot = opening_hours(LOCATIONS["pilot"])
    assert pilot == "Mo 09:00-12:00; 1900 Jan 01-2026 Sep 06 off; 2026 Oct 31+ off; PH off"
    for key in ("ochtend", "kerstsluiting", "schoolvakanties", "bijeenkomst", "pilot"):
        assert reference.validate(opening_hours(LOCATIONS[key]))
    parsed = reference.OpeningHours(meetings)
    assert parsed.is_open(datetime(2026, 10, 6, 20, 0))
    assert not parsed.is_open(datetime(2026, 10, 6, 18, 0))


def test_open_ended_closures_stay_valid_osm() -> None:
    loc = location(
        "open-eind",
        spreekuren=[{"dagen": ["ma", "di", "do"], "van": "9.30", "tot": "12"}],
        gesloten=[
            {"van": "0001-01-01", "tot": "2026-01-04"},
            {"van": "2027-03-01", "tot": "9999-12-31"},
        ],
    )
    text = opening_hours(loc)
    assert text == ("Mo,Tu,Th 09:30-12:00; 1900 Jan 01-2026 Jan 04 off; 2027 Mar 01+ off; PH off")
    assert reference.validate(text)


MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
MONTH_NAMES = dict(enumerate(MONTHS, start=1))


def _random_location(rng: random.Random, number: int) -> Locatie:
    hours = []
    for _ in range(rng.randint(1, 3)):
        start = rng.randrange(6 * 60, 20 * 60, 15)
        end = rng.randrange(start + 15, 22 * 60 + 1, 15)
        hour: dict[str, Any] = {
            "dagen": rng.sample(DAY_KEYS, rng.randint(1, 4)),
            "van": f"{start // 60:02d}:{start % 60:02d}",
            "tot": f"{end // 60:02d}:{end % 60:02d}",
        }
        if rng.random() < 0.4:
            hour["weken"] = rng.sample([1, 2, 3, 4, 5, -1], rng.randint(1, 2))
        if rng.random() < 0.3:  # a part of every year, whole months or days, maybe over new year
            if rng.random() < 0.5:
                months = rng.sample(range(1, 13), 2)
                hour["periode"] = {"van": MONTH_NAMES[months[0]], "tot": MONTH_NAMES[months[1]]}
            else:
                first, last = (
                    datetime(2004, 1, 1) + timedelta(days=rng.randrange(366)) for _ in "ab"
                )
                hour["periode"] = {"van": first.strftime("%d-%m"), "tot": last.strftime("%d-%m")}
        hours.append(hour)
    closures = []
    for _ in range(rng.randint(0, 2)):
        first = datetime(2026, 1, 1) + timedelta(days=rng.randrange(700))
        last = first + timedelta(days=rng.randrange(20))
        closures.append({"van": first.date().isoformat(), "tot": last.date().isoformat()})
    if rng.random() < 0.3:  # every year, often across the new year
        first = datetime(2004, 1, 1) + timedelta(days=rng.randrange(366))
        last = first + timedelta(days=rng.randrange(15))
        closures.append(
            {"van": first.strftime("%d-%m"), "tot": last.strftime("%d-%m"), "jaarlijks": True}
        )
    validity = {}
    if rng.random() < 0.3:  # a pilot that starts and ends
        first = datetime(2026, 1, 1) + timedelta(days=rng.randrange(400))
        validity["geldig_vanaf"] = first.date().isoformat()
        validity["geldig_tot"] = (first + timedelta(days=rng.randrange(200))).date().isoformat()
    return location(f"loc-{number}", spreekuren=hours, gesloten=closures, **validity)


@pytest.mark.parametrize("seed", [18, 1118])
def test_our_engine_agrees_with_the_osm_parser(seed: int) -> None:
    """Holidays are left out on both sides: the lists differ by policy (Liberation Day)."""
    rng = random.Random(seed)
    mismatches, seen = [], set()
    for number in range(60):
        loc = _random_location(rng, number)
        text = opening_hours(loc)
        assert text is not None
        parsed = reference.OpeningHours(text.removesuffix("; PH off"))
        for _ in range(80):
            wall = datetime(2026, 1, 1) + timedelta(minutes=15 * rng.randrange(4 * 24 * 730))
            if rng.random() < 0.3:  # boundary minutes: exactly at, or just before, a start
                wall = wall.replace(hour=int(loc.spreekuren[0].van[:2]))
            ours = is_open_at(loc, wall.replace(tzinfo=AMSTERDAM), {})
            seen.add(ours)
            if ours != parsed.is_open(wall):
                mismatches.append((text, wall.isoformat(), ours))
    assert mismatches == []
    assert seen == {True, False}


def test_json_and_geojson_exports_carry_opening_hours(sample_site: Path) -> None:
    folder = sample_site / "open-data"
    records = json.loads((folder / "locaties.json").read_text(encoding="utf-8"))["locaties"]
    features = json.loads((folder / "locaties.geojson").read_text(encoding="utf-8"))["features"]
    strings = [r["opening_hours"] for r in records if r["spreekuren"]]
    assert strings and all(reference.validate(s) for s in strings)
    by_id = {f["properties"]["id"]: f["properties"]["opening_hours"] for f in features}
    assert all(by_id[r["id"]] == r["opening_hours"] for r in records if r["id"] in by_id)


def test_a_spreekuur_keeps_its_validity() -> None:
    """A winter and a summer schedule: each holds only in its own months (issue 31)."""
    loc = location(
        "seizoenen",
        spreekuren=[
            {"dagen": ["ma"], "van": "9", "tot": "12", "geldig_tot": "2027-03-28"},
            {"dagen": ["ma"], "van": "13", "tot": "16", "geldig_vanaf": "2027-03-29"},
            {
                "dagen": ["wo"],
                "dagdeel": "ochtend",
                "geldig_vanaf": "2026-10-26",
                "geldig_tot": "2027-03-28",
            },
        ],
    )
    text = opening_hours(loc)
    assert text == (
        "1900 Jan 01-2027 Mar 28 Mo 09:00-12:00, 2027 Mar 29+ Mo 13:00-16:00, "
        '2026 Oct 26-2027 Mar 28 We unknown "ochtend, bel voor de tijden"; PH off'
    )
    assert text is not None and reference.validate(text)
    parsed = reference.OpeningHours(text.removesuffix("; PH off"))
    for wall in (datetime(2027, 1, 4, 10), datetime(2027, 4, 5, 10), datetime(2027, 4, 5, 14)):
        assert parsed.is_open(wall) == is_open_at(loc, wall.replace(tzinfo=AMSTERDAM), {}), wall


def test_a_part_of_every_year_in_osm_syntax() -> None:
    """'Van september t/m juni' and 'in de aangifteperiode' (1 maart t/m 1 mei)."""
    text = opening_hours(LOCATIONS["seizoen"])
    assert text == "Sep-Jun Tu 09:00-12:00, Mar 01-May 01 Mo 13:00-16:00; PH off"
    assert reference.validate(text)
    both = location(
        "seizoen-en-datum",
        spreekuren=[
            {
                "dagen": ["di"],
                "dagdeel": "ochtend",
                "periode": {"van": "september", "tot": "juni"},
                "geldig_vanaf": "2027-01-04",
            }
        ],
    )
    text = opening_hours(both)
    assert text == '2027 Jan 04+ Tu unknown "alleen Sep-Jun, ochtend, bel voor de tijden"; PH off'
    assert reference.validate(text)
