"""The reference implementation of the live "nu open" line, in Python: a test oracle, not
a product path.

The product's live line is assets/js/openingstijden.js: the browser computes it at the
reader's own moment, and no page, export or command calls the functions here. They exist so
the rules can be tested independently of the browser: tests/test_hours.py holds them to the
`holidays` package and to hand-picked instants, and the browser tests
(tests/browser/test_hours_browser.py and others) run openingstijden.js and this module on the
same instants and require the same line. Change the two together.

The line never guesses: an hour without clock times (a dagdeel, or only days) makes it say
"bel voor de tijden", never open or closed; school holidays past the shipped file are said,
not assumed. One-off meetings count on their day and time even when the location is closed.
What the pages show of opening hours (the schedule table, closures, the data the script gets)
is in hours.py.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from wegwijzer.i18n import dutch_date
from wegwijzer.records.hours import (
    ASK_FOR_TIMES,
    DAY_KEYS,
    DEFAULT_POLICY,
    FeestdagenBeleid,
    _sort_time,
    _weekday,
)
from wegwijzer.records.models import DAGDELEN, Locatie, Sluiting, Spreekuur
from wegwijzer.records.school_holidays import SchoolHolidays, school_holidays

TIMEZONE = ZoneInfo("Europe/Amsterdam")
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
SCAN_DAYS = 60  # how far ahead we look for the next opening
WEEKDAY_HORIZON = 6  # up to this many days ahead a weekday name alone is unambiguous
CLOSED_NOW = "Nu gesloten."
# No hours known: the live line says nothing, and the page's own text stays ("Tijden onbekend"
# with the number to call, or "Gesloten tot nader bericht"), never "Alleen op afspraak".
NO_HOURS = ""


def dutch_holidays(
    years: Iterable[int], policy: FeestdagenBeleid = DEFAULT_POLICY
) -> dict[date, str]:
    """Dutch public holidays with their Dutch names, from the rule (valid from 2014 on).

    openingstijden.js computes the same days with the same rule, so a page knows the holidays
    of any year without a rebuild; a test holds both to the `holidays` package.
    """
    found: dict[date, str] = {}
    for year in years:
        found.update(_holidays_of(year, policy))
    return dict(sorted(found.items()))


def _holidays_of(year: int, policy: FeestdagenBeleid) -> dict[date, str]:
    easter = easter_sunday(year)
    kings_day = date(year, 4, 27)
    days = {
        date(year, 1, 1): "Nieuwjaarsdag",
        easter: "Eerste paasdag",
        easter + timedelta(days=1): "Tweede paasdag",
        # King's Day moves to Saturday when 27 April is a Sunday.
        kings_day - timedelta(days=1 if kings_day.weekday() == 6 else 0): "Koningsdag",
        easter + timedelta(days=39): "Hemelvaartsdag",
        easter + timedelta(days=49): "Eerste pinksterdag",
        easter + timedelta(days=50): "Tweede pinksterdag",
        date(year, 12, 25): "Eerste kerstdag",
        date(year, 12, 26): "Tweede kerstdag",
    }
    if policy.goede_vrijdag == "dicht":
        days[easter - timedelta(days=2)] = "Goede vrijdag"
    if policy.bevrijdingsdag == "elk jaar" or (
        policy.bevrijdingsdag == "elke vijf jaar" and year % 5 == 0
    ):
        days[date(year, 5, 5)] = "Bevrijdingsdag"
    return days


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous Meeus/Jones/Butcher computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


@dataclass(frozen=True)
class Closed:
    """A concrete closed period that contains a given day."""

    van: date
    tot: date
    reden: str  # '' when none is given
    holiday: bool = False
    until_month: date | None = None  # 'tot maart 2027': the first day it may open again


def closure_on(
    location: Locatie, day: date, holidays: Mapping[date, str], vacations: SchoolHolidays
) -> Closed | None:
    """Why the location is closed all day, or None; closures first, then public holidays."""
    for closure in location.gesloten:
        if (found := _closure_period_on(closure, day, vacations)) is not None:
            return found
    if day in holidays:
        return Closed(day, day, holidays[day], holiday=True)
    return None


def _closure_period_on(closure: Sluiting, day: date, vacations: SchoolHolidays) -> Closed | None:
    reason = closure.reden or ""
    if closure.schoolvakanties:
        for period in vacations.of(closure.schoolvakanties):
            if period.van <= day <= period.tot:
                return Closed(period.van, period.tot, closure.reden or period.naam)
        return None
    assert closure.van is not None and closure.tot is not None
    if not closure.jaarlijks:
        if not closure.van <= day <= closure.tot:
            return None
        return Closed(closure.van, closure.tot, reason, until_month=closure.tot_maand)
    for year in (day.year - 1, day.year):
        first = _in_year(closure.van, year)
        last = _in_year(closure.tot, year if closure.tot >= closure.van else year + 1)
        if first <= day <= last:
            return Closed(first, last, reason)
    return None


def _in_year(day: date, year: int) -> date:
    """The day and month in that year; 29 February becomes 1 March in other years."""
    try:
        return day.replace(year=year)
    except ValueError:
        return date(year, 3, 1)


def status_at(
    location: Locatie,
    moment: datetime,
    holidays: Mapping[date, str],
    vacations: SchoolHolidays | None = None,
) -> str:
    """The "nu open" line for an instant, e.g. 'Nu gesloten. Opent morgen om 09:30.'"""
    week = _Week(location, holidays, vacations or school_holidays())
    today, now = _wall_clock(moment)
    line = week.status(today, now)
    return line + week.vacation_note(today) if line else line


def is_open_at(
    location: Locatie,
    moment: datetime,
    holidays: Mapping[date, str],
    vacations: SchoolHolidays | None = None,
) -> bool:
    today, now = _wall_clock(moment)
    week = _Week(location, holidays, vacations or school_holidays())
    return week.open_until(today, now) is not None


def _wall_clock(moment: datetime) -> tuple[date, str]:
    """The Dutch calendar date and 'HH:MM' for an instant."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the moment must be a timezone-aware datetime")
    local = moment.astimezone(TIMEZONE)
    return local.date(), local.strftime("%H:%M")


def _in_weeks(day: date, weeks: Sequence[int] | str | None) -> bool:
    """Week n is the n-th such weekday of the month; -1 is the last one. 'even' and 'oneven'
    are the parity of the ISO week number (openingstijden.js does the same)."""
    if isinstance(weeks, str):
        return day.isocalendar().week % 2 == (0 if weeks == "even" else 1)
    if not weeks:
        return True
    last = day.day + 7 > calendar.monthrange(day.year, day.month)[1]
    return (day.day - 1) // 7 + 1 in weeks or (-1 in weeks and last)


CLOSING_SOON = 30  # minutes: 'Sluit over 20 minuten.'


@dataclass(frozen=True)
class _Week:
    """The rules of one location, asked about one day at a time."""

    location: Locatie
    holidays: Mapping[date, str]
    vacations: SchoolHolidays

    def regular(self, day: date) -> list[Spreekuur]:
        """The weekly hours that apply on this date, ignoring closures."""
        if not self.location.open_on(day):
            return []
        key = DAY_KEYS[day.weekday()]
        return [
            hour
            for hour in self.location.spreekuren
            if key in hour.dagen and hour.applies_on(day) and _in_weeks(day, hour.weken)
        ]

    def closed(self, day: date) -> Closed | None:
        return closure_on(self.location, day, self.holidays, self.vacations)

    def slots(self, day: date) -> list[tuple[str, str]]:
        """Clock times open on this date: weekly hours unless closed, and meetings, which
        are planned for that very day and so count even then."""
        hours = [] if self.closed(day) else [h for h in self.regular(day) if h.timed]
        found = [(h.van, h.tot) for h in hours if h.van and h.tot]
        if self.location.open_on(day):
            found += [(m.van, m.tot) for m in self.location.bijeenkomsten if m.datum == day]
        return sorted(found)

    def untimed(self, day: date) -> list[Spreekuur]:
        """Hours without clock times on this date: 'nu open' cannot say open or closed."""
        if self.closed(day):
            return []
        hours = [h for h in self.regular(day) if not h.timed]
        return sorted(hours, key=_sort_time)

    def open_until(self, today: date, now: str) -> str | None:
        """The closing time if open now; back-to-back or overlapping hours count as one."""
        until = None
        for start, end in self.slots(today):
            if start <= (until or now) < end:
                until = end
        return until

    def status(self, today: date, now: str) -> str:
        loc = self.location
        if loc.geldig_tot and today > loc.geldig_tot:
            return f"Deze plek is gestopt op {dutch_date(loc.geldig_tot)}."
        if not loc.spreekuren and not any(m.datum >= today for m in loc.bijeenkomsten):
            return NO_HOURS
        if until := self.open_until(today, now):
            return _open_text(until, now)
        if untimed := self.untimed(today):
            return f"Vandaag {_part_text(untimed[0])}open. {ASK_FOR_TIMES}"
        return self.closed_text(today) + self.next_opening_text(today, now)

    def closed_text(self, today: date) -> str:
        loc = self.location
        if loc.geldig_vanaf and today < loc.geldig_vanaf:
            return f"Open vanaf {dutch_date(loc.geldig_vanaf)}."
        closed = self.closed(today)
        if closed is None:
            return CLOSED_NOW
        reason = f": {closed.reden.rstrip('.')}." if closed.reden else "."
        if closed.until_month:
            month = f"{MONTHS[closed.until_month.month - 1]} {closed.until_month.year}"
            return f"Gesloten tot {month}{reason}"
        if closed.van != closed.tot:
            return f"Gesloten {_until_text(closed.tot, today)}{reason}"
        # A reason may already end in a full stop; never print two.
        return f"Vandaag gesloten{reason}" if self.regular(today) else CLOSED_NOW

    def next_opening_text(self, today: date, now: str) -> str:
        """' Opent morgen om 09:30.', or '' when nothing opens within SCAN_DAYS."""
        for offset in range(SCAN_DAYS + 1):
            day = today + timedelta(days=offset)
            real = [_real_start(day, start, end) for start, end in self.slots(day)]
            starts = sorted(start for start in real if start and (offset or start > now))
            if starts:
                return f" Opent {_when(day, offset)} om {starts[0]}."
            if offset and (untimed := self.untimed(day)):
                return f" Opent {_when(day, offset)} {_part_text(untimed[0])}".rstrip() + (
                    f". {ASK_FOR_TIMES}"
                )
        return ""

    def vacation_note(self, today: date) -> str:
        """Past the last school year we know, say the closure instead of guessing the dates."""
        if not any(c.schoolvakanties for c in self.location.gesloten):
            return ""
        known = self.vacations.known_until
        if known is not None and today <= known:
            return ""
        return " Let op: in de schoolvakanties is deze plek dicht."


def _part_text(hour: Spreekuur) -> str:
    """ "'s ochtends " for an hour with a dagdeel, '' for days only."""
    return f"{DAGDELEN[hour.dagdeel]} " if hour.dagdeel else ""


def _open_text(until: str, now: str) -> str:
    left = _minutes(until) - _minutes(now)
    if left <= CLOSING_SOON:
        unit = "minuut" if left == 1 else "minuten"
        return f"Nu open, tot {until}. Sluit over {left} {unit}."
    return f"Nu open, tot {until}."


def _minutes(clock: str) -> int:
    return int(clock[:2]) * 60 + int(clock[3:])


def _until_text(last: date, today: date) -> str:
    """'tot en met 31 juli', with the year when it is not this year; 'tot nader bericht'."""
    if last == date.max:
        return "tot nader bericht"
    year = "" if last.year == today.year else f" {last.year}"
    return f"tot en met {last.day} {MONTHS[last.month - 1]}{year}"


def _real_start(day: date, start: str, end: str) -> str | None:
    """The first minute of the hour that exists on the clock that day, or None.

    On the spring-forward night 02:00-02:59 does not exist: an hour from 02:30 to 04:00
    starts at 03:00, and one from 02:00 to 03:00 does not happen at all.
    """
    while start < end:
        if _exists(day, start):
            return start
        minutes = _minutes(start) + 1
        start = f"{minutes // 60:02d}:{minutes % 60:02d}"
    return None


def _exists(day: date, clock: str) -> bool:
    """Whether this wall-clock time happens on this date in the Netherlands."""
    wall = datetime.combine(day, time(int(clock[:2]), int(clock[3:])), tzinfo=TIMEZONE)
    return wall.astimezone(UTC).astimezone(TIMEZONE).replace(tzinfo=None) == wall.replace(
        tzinfo=None
    )


def _when(day: date, offset: int) -> str:
    """'vandaag', 'morgen', 'dinsdag' or 'op dinsdag 6 januari'."""
    weekday = _weekday(day)
    if offset == 0:
        return "vandaag"
    if offset == 1:
        return "morgen"
    if offset <= WEEKDAY_HORIZON:
        return weekday
    return f"op {weekday} {day.day} {MONTHS[day.month - 1]}"
