"""Opening hours: the schedule table and the "nu open" line, always in Dutch wall-clock time.

The same rules live in assets/js/openingstijden.js for the live line in the browser; the
browser tests run both on the same instants, so change the two together.

The line never guesses: an hour without clock times (a dagdeel, or only days) makes it say
"bel voor de tijden", never open or closed; school holidays past the shipped file are said,
not assumed. One-off meetings count on their day and time even when the location is closed.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.lists import format_list
from pydantic import Field

from wegwijzer import i18n
from wegwijzer.i18n import N_, dutch_date, pgettext
from wegwijzer.i18n import gettext as _
from wegwijzer.records import vocab
from wegwijzer.records.models import DAGDELEN, Locatie, Organisatie, Sluiting, Spreekuur, Strict
from wegwijzer.records.school_holidays import SchoolHolidays, school_holidays

TIMEZONE = ZoneInfo("Europe/Amsterdam")
DAY_KEYS = tuple(vocab.DAGEN)  # "ma".."zo", Monday first, as date.weekday() counts
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


class FeestdagenBeleid(Strict):
    """The `feestdagen:` options in mkdocs.yml: which days count as public holidays.

    The fixed ones (New Year, Easter, King's Day, Ascension, Whitsun, Christmas) always do.
    Good Friday is no general day off; Liberation Day is, in most labour agreements, a day
    off once every five years (2025, 2030, ...). A site may choose otherwise.
    """

    bevrijdingsdag: Literal["elk jaar", "elke vijf jaar", "nooit"] = Field(
        "elke vijf jaar", title="Bevrijdingsdag (5 mei) dicht"
    )
    goede_vrijdag: Literal["open", "dicht"] = Field("open", title="Goede Vrijdag")


DEFAULT_POLICY = FeestdagenBeleid()


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


def holiday_note(policy: FeestdagenBeleid) -> str:
    """The page's hours note: which days the location is closed, in plain Dutch."""
    note = _(
        "Op feestdagen is deze plek dicht: Nieuwjaarsdag, Pasen, Koningsdag, "
        "Hemelvaartsdag, Pinksteren en Kerst."
    )
    liberation = {
        "elk jaar": _("Ook op Bevrijdingsdag (5 mei)."),
        "elke vijf jaar": _(
            "Op Bevrijdingsdag (5 mei) alleen om de vijf jaar: 2030, 2035 enzovoort."
        ),
        "nooit": _("Op Bevrijdingsdag (5 mei) is de plek open."),
    }[policy.bevrijdingsdag]
    friday = (
        _("Ook op Goede Vrijdag.")
        if policy.goede_vrijdag == "dicht"
        else _("Op Goede Vrijdag is de plek open.")
    )
    return f"{note} {liberation} {friday}"


@dataclass(frozen=True)
class ScheduleRow:
    """One line of the opening-hours table."""

    dag: str
    tijden: str
    opmerking: str | None
    tot_en_met: date | None = None  # the page hides the row after this day, without a rebuild
    zonder_tijden: bool = False  # "bel voor de tijden": the page says what to call
    # `opmerking` split for the pages (issue 27): `uitleg` is interface text in the page's
    # language, `eigen` the record's own Dutch note, so only that part is marked lang="nl".
    uitleg: str | None = field(default=None, compare=False)
    eigen: str | None = field(default=None, compare=False)


# Hours without clock times sort where their part of the day falls.
_PART_ORDER = {"ochtend": "09:00", "middag": "13:00", "avond": "19:00", None: "24:00"}
ASK_FOR_TIMES = N_("Bel voor de tijden.")
_PARTS_ASK = {  # a part of the day without times: whole texts, for the catalogs
    "ochtend": N_("Ochtend (bel voor de tijden)"),
    "middag": N_("Middag (bel voor de tijden)"),
    "avond": N_("Avond (bel voor de tijden)"),
}


def _sort_time(hour: Spreekuur) -> str:
    return hour.van or _PART_ORDER[hour.dagdeel]


def schedule_rows(location: Locatie) -> list[ScheduleRow]:
    """One row per consultation hour and day, Monday to Sunday, then by start time."""
    slots = [(DAY_KEYS.index(day), hour) for hour in location.spreekuren for day in hour.dagen]
    slots.sort(key=lambda slot: (slot[0], _sort_time(slot[1]), slot[1].tot or ""))
    return [_schedule_row(DAY_KEYS[index], hour, location) for index, hour in slots]


def _schedule_row(day: str, hour: Spreekuur, location: Locatie) -> ScheduleRow:
    walk_in = None
    if location.mixed_walk_in:
        walk_in = (
            _("Zonder afspraak.") if hour.walk_in(location.zonder_afspraak) else _("Op afspraak.")
        )
    online = _("Online, met video.") if hour.online else None
    found = [online, walk_in, _weeks_text(day, hour), _validity_text(hour)]
    explained = " ".join(note for note in found if note) or None
    own = hour.opmerking or None
    return ScheduleRow(
        dag=_(vocab.DAGEN[day]).capitalize(),
        tijden=hour_text(hour),
        opmerking=" ".join(note for note in (explained, own) if note) or None,
        tot_en_met=hour.geldig_tot,
        zonder_tijden=not hour.timed,
        uitleg=explained,
        eigen=own,
    )


def hour_text(hour: Spreekuur) -> str:
    """'09:30 – 12:00', 'Ochtend (bel voor de tijden)' or 'Bel voor de tijden'."""
    if hour.van and hour.tot:
        return f"{hour.van} – {hour.tot}"
    if hour.dagdeel:
        return _(_PARTS_ASK[hour.dagdeel])
    return _(ASK_FOR_TIMES).rstrip(".")


def _validity_text(hour: Spreekuur | Locatie) -> str | None:
    """'Vanaf 4 januari 2027.', 'Tot en met 30 juni 2027.' or both."""
    start, end = hour.geldig_vanaf, hour.geldig_tot
    if start and end:
        return _("Vanaf %(van)s tot en met %(tot)s.") % {
            "van": dutch_date(start),
            "tot": dutch_date(end),
        }
    if start:
        return _("Vanaf %(datum)s.") % {"datum": dutch_date(start)}
    if end:
        return _("Tot en met %(datum)s.") % {"datum": dutch_date(end)}
    return None


def location_validity(location: Locatie) -> str | None:
    """'Vanaf 2 februari 2027.' for a location that starts or stops on a known day."""
    return _validity_text(location)


# The ordinals of the sentence below. They are translated once per weekday (msgctxt: the Dutch
# day name, see catalogs.weekday_ordinals), so a language whose ordinal agrees with the day
# can say it: Polish 'w ostatnią sobotę', Ukrainian 'в першу середу', Arabic 'الجمعة الثانية'.
WEEKS_OF_MONTH = {
    1: "1e",
    2: "2e",
    3: "3e",
    4: "4e",
    5: "5e",
    -1: "laatste",
}

# One sentence per weekday, so a translation can put the day in the case and place its
# grammar wants ('Tylko w %(weken)s środę miesiąca.', 'Sadece ayın %(weken)s çarşambası.').
ONLY_WEEKS = {
    "ma": N_("Alleen de %(weken)s maandag van de maand."),
    "di": N_("Alleen de %(weken)s dinsdag van de maand."),
    "wo": N_("Alleen de %(weken)s woensdag van de maand."),
    "do": N_("Alleen de %(weken)s donderdag van de maand."),
    "vr": N_("Alleen de %(weken)s vrijdag van de maand."),
    "za": N_("Alleen de %(weken)s zaterdag van de maand."),
    "zo": N_("Alleen de %(weken)s zondag van de maand."),
}


def _weeks_text(day: str, hour: Spreekuur) -> str | None:
    """'Alleen de 1e en 3e dinsdag van de maand.' for weken [1, 3], in the page's language;
    'Alleen in de even weken.' for weken: even."""
    if hour.parity is not None:
        return (
            _("Alleen in de even weken.") if hour.parity == 0 else _("Alleen in de oneven weken.")
        )
    weeks = hour.weeks_of_month
    if not weeks:
        return None
    ordered = sorted(set(weeks), key=lambda week: week if week > 0 else 6)
    labels = [pgettext(vocab.DAGEN[day], WEEKS_OF_MONTH[week]) for week in ordered]
    return _(ONLY_WEEKS[day]) % {"weken": format_list(labels, locale=i18n.current().code)}


@dataclass(frozen=True)
class MeetingRow:
    """A one-off meeting as the location page lists it."""

    datum: date
    wanneer: str  # 'Dinsdag 9 maart 2027, 19:30 – 21:00'
    titel: str
    omschrijving: str | None


def meeting_rows(location: Locatie, today: date) -> list[MeetingRow]:
    """Meetings from today on, by date and time; past ones are left out at build time."""
    upcoming = sorted(
        (m for m in location.bijeenkomsten if m.datum >= today), key=lambda m: (m.datum, m.van)
    )
    return [
        MeetingRow(
            datum=m.datum,
            wanneer=f"{_weekday(m.datum).capitalize()} {dutch_date(m.datum)}, {m.van} – {m.tot}",
            titel=m.titel,
            omschrijving=m.omschrijving,
        )
        for m in upcoming
    ]


def _weekday(day: date) -> str:
    return _(vocab.DAGEN[DAY_KEYS[day.weekday()]])


def closure_period(closure: Sluiting) -> str:
    """'21 december 2026 tot en met 1 januari 2027'; 9999-12-31 means 'tot nader bericht'."""
    if closure.schoolvakanties:
        region = _(SCHOOL_REGIONS[closure.schoolvakanties])
        return _("in de schoolvakanties (regio %(regio)s)") % {"regio": region}
    assert closure.van is not None and closure.tot is not None
    if closure.jaarlijks:
        return _("elk jaar van %(van)s tot en met %(tot)s") % {
            "van": _day_month(closure.van),
            "tot": _day_month(closure.tot),
        }
    if closure.van == date.min and closure.tot == date.max:
        return _("tot nader bericht")
    if closure.tot == date.max:
        return _("vanaf %(datum)s tot nader bericht") % {"datum": dutch_date(closure.van)}
    if closure.van == date.min:
        return _("tot en met %(datum)s") % {"datum": dutch_date(closure.tot)}
    if closure.van == closure.tot:
        return dutch_date(closure.van)
    return _("%(van)s tot en met %(tot)s") % {
        "van": dutch_date(closure.van),
        "tot": dutch_date(closure.tot),
    }


SCHOOL_REGIONS = {"noord": N_("noord"), "midden": N_("midden"), "zuid": N_("zuid")}


def _day_month(day: date) -> str:
    """'3 oktober', in the page's language."""
    return str(format_date(day, "d MMMM", locale=i18n.current().code))


def upcoming_closures(location: Locatie, today: date) -> list[Sluiting]:
    """The closures the page lists: rules always, one-off ones until they are over."""
    return [c for c in location.gesloten if not c.once or (c.tot and c.tot >= today)]


@dataclass(frozen=True)
class Closed:
    """A concrete closed period that contains a given day."""

    van: date
    tot: date
    reden: str  # '' when none is given
    holiday: bool = False


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
        return (
            Closed(closure.van, closure.tot, reason) if closure.van <= day <= closure.tot else None
        )
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


def browser_data(
    location: Locatie,
    policy: FeestdagenBeleid = DEFAULT_POLICY,
    vacations: SchoolHolidays | None = None,
) -> dict[str, Any]:
    """What openingstijden.js needs for the live line, as plain JSON values."""
    vacations = vacations or school_holidays()
    data = {
        "zonder_afspraak": location.zonder_afspraak,
        "spreekuren": [
            {
                "dagen": sorted(DAY_KEYS.index(day) + 1 for day in hour.dagen),
                "van": hour.van,
                "tot": hour.tot,
                "dagdeel": hour.dagdeel,
                "weken": hour.weken if isinstance(hour.weken, str) else (hour.weken or None),
                "geldig_vanaf": _iso_or_none(hour.geldig_vanaf),
                "geldig_tot": _iso_or_none(hour.geldig_tot),
            }
            for hour in location.spreekuren
        ],
        "bijeenkomsten": [
            {"datum": m.datum.isoformat(), "van": m.van, "tot": m.tot}
            for m in location.bijeenkomsten
        ],
        "gesloten": [item for c in location.gesloten for item in _closure_data(c, vacations)],
        "geldig_vanaf": _iso_or_none(location.geldig_vanaf),
        "geldig_tot": _iso_or_none(location.geldig_tot),
        "feestdagen": policy.model_dump(),
    }
    if any(c.schoolvakanties for c in location.gesloten):
        data["schoolvakanties_tot"] = _iso_or_none(vacations.known_until)
    return data


def _closure_data(closure: Sluiting, vacations: SchoolHolidays) -> list[dict[str, Any]]:
    if closure.schoolvakanties:
        return [
            {"van": p.van.isoformat(), "tot": p.tot.isoformat(), "reden": closure.reden or p.naam}
            for p in vacations.of(closure.schoolvakanties)
        ]
    assert closure.van is not None and closure.tot is not None
    if closure.jaarlijks:
        return [
            {
                "jaarlijks": True,
                "van": closure.van.isoformat()[5:],
                "tot": closure.tot.isoformat()[5:],
                "reden": closure.reden,
            }
        ]
    return [
        {"van": closure.van.isoformat(), "tot": closure.tot.isoformat(), "reden": closure.reden}
    ]


def _iso_or_none(day: date | None) -> str | None:
    return day.isoformat() if day else None


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


def closed_until_notice(location: Locatie, orgs: Sequence[Organisatie], today: date) -> bool:
    """Closed with no known end: every organisation there is 'tijdelijk gesloten' or has
    stopped, or a closure without an end ('tot nader bericht') has begun. Such a place says
    "Gesloten tot nader bericht", never "Alleen op afspraak" (issue 26)."""
    if orgs and all(org.status != "actief" for org in orgs):
        return True
    return any(
        c.once and c.tot == date.max and c.van is not None and c.van <= today
        for c in location.gesloten
    )
