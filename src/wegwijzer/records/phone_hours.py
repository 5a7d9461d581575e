"""When a phone line answers, written in a clear subset of OpenStreetMap's `opening_hours`.

Supported (docs/gegevens.md says the same): "24/7"; rules separated by ";", each a set of
days ("Mo", "Mo-Fr", "Mo-Fr,Su") followed by times ("09:00-17:00", "09:00-12:00,13:00-17:00")
or "off"; times alone mean every day; "PH off" closes the line on Dutch public holidays.
A later rule replaces an earlier one for its days, as in OSM. Times past midnight, months,
weeks and "PH" with times are refused with a Dutch message rather than half understood.

The parsed week becomes the same data openingstijden.js reads for a location, so the browser
says "Nu open" and "Opent maandag om 09:00" for a phone line with the engine it already has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, WithJsonSchema

from wegwijzer.records.fields import user_error

OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_TIME_RANGE = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-4]):([0-5][0-9])")
EXAMPLE = "Mo-Fr 09:00-17:00; PH off"


@dataclass(frozen=True)
class PhoneHours:
    """A week of calling hours: per weekday (0 = Monday) its (from, to) ranges."""

    text: str
    week: tuple[tuple[tuple[str, str], ...], ...]
    closed_on_holidays: bool

    @property
    def always(self) -> bool:
        return not self.closed_on_holidays and all(
            day == (("00:00", "24:00"),) for day in self.week
        )

    def browser_data(self) -> dict[str, Any]:
        """What openingstijden.js reads (see hours.browser_data), for this week of ranges."""
        return {
            "zonder_afspraak": False,
            "altijd": self.always,
            "spreekuren": [
                {
                    "dagen": [day + 1 for day, ranges in enumerate(self.week) if r in ranges],
                    "van": r[0],
                    "tot": r[1],
                }
                for r in sorted({r for ranges in self.week for r in ranges})
            ],
            "bijeenkomsten": [],
            "gesloten": [],
            # False: public holidays do not close the line (openingstijden.js skips them).
            "feestdagen": {} if self.closed_on_holidays else False,
        }

    def rows(self) -> list[tuple[list[int], list[tuple[str, str]]]]:
        """Consecutive weekdays with the same ranges, for the table without JavaScript:
        [([0, 4], [("09:00", "17:00")]), ...] with first and last weekday, open days only."""
        rows: list[tuple[list[int], list[tuple[str, str]]]] = []
        for day, ranges in enumerate(self.week):
            if not ranges:
                continue
            if rows and rows[-1][0][1] == day - 1 and rows[-1][1] == list(ranges):
                rows[-1][0][1] = day
            else:
                rows.append(([day, day], list(ranges)))
        return rows


def parse(text: str) -> PhoneHours:
    """The week of an `opening_hours` string, or a Dutch error naming the part not understood."""
    value = " ".join(text.split())
    if not value:
        raise user_error(f"Vul de uren in, bijvoorbeeld '{EXAMPLE}' of '24/7'.")
    week: list[tuple[tuple[str, str], ...]] = [()] * 7
    closed_on_holidays = False
    for rule in (part.strip() for part in value.split(";")):
        if not rule:
            continue
        if rule == "24/7":
            week = [(("00:00", "24:00"),)] * 7
            continue
        if rule == "PH off":
            closed_on_holidays = True
            continue
        selector, _, times = rule.partition(" ") if rule[0].isalpha() else ("", "", rule)
        days = _days(selector, rule) if selector else list(range(7))
        ranges = _ranges(times.strip(), rule)
        for day in days:
            week[day] = ranges
    return PhoneHours(value, tuple(week), closed_on_holidays)


def _days(selector: str, rule: str) -> list[int]:
    if selector.startswith("PH"):
        raise user_error(
            f"'{rule}': voor feestdagen kan alleen 'PH off' (dicht op feestdagen). "
            f"Schrijf bijvoorbeeld '{EXAMPLE}'."
        )
    days: list[int] = []
    for part in selector.split(","):
        first, _, last = part.partition("-")
        if first not in OSM_DAYS or (last and last not in OSM_DAYS):
            raise user_error(
                f"'{rule}': '{part}' is geen dag of reeks dagen. Gebruik Mo, Tu, We, Th, Fr, "
                f"Sa, Su, bijvoorbeeld 'Mo-Fr 09:00-17:00'."
            )
        start, end = OSM_DAYS.index(first), OSM_DAYS.index(last or first)
        days.extend(range(start, end + 1) if start <= end else [*range(start, 7), *range(end + 1)])
    return days


def _ranges(times: str, rule: str) -> tuple[tuple[str, str], ...]:
    if times == "off":
        return ()
    if not times:
        raise user_error(
            f"'{rule}': er staan geen tijden bij. Schrijf bijvoorbeeld 'Mo-Fr 09:00-17:00'."
        )
    ranges = []
    for part in times.split(","):
        match = _TIME_RANGE.fullmatch(part.strip())
        if not match:
            raise user_error(
                f"'{rule}': '{part.strip()}' is geen tijd van-tot. "
                "Schrijf bijvoorbeeld 09:00-17:00."
            )
        start, end = f"{match[1]}:{match[2]}", f"{match[3]}:{match[4]}"
        if end <= start or end > "24:00":
            raise user_error(
                f"'{rule}': {start}-{end} eindigt niet na het begin. Over middernacht? "
                f"Schrijf twee regels, bijvoorbeeld 'Mo 22:00-24:00; Tu 00:00-02:00'."
            )
        ranges.append((start, end))
    return tuple(sorted(ranges))


def _check(value: str) -> str:
    parse(value)
    return " ".join(value.split())


OsmUren = Annotated[
    str,
    AfterValidator(_check),
    WithJsonSchema(
        {
            "type": "string",
            "description": (
                "Wanneer het nummer opneemt, in OpenStreetMap opening_hours: '24/7', "
                "'Mo-Fr 09:00-17:00', 'Mo-Fr 09:00-12:00,13:00-17:00; Sa 10:00-12:00; PH off'."
            ),
            "examples": [EXAMPLE, "24/7"],
        }
    ),
]
