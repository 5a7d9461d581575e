"""Opening hours: the schedule table and the "nu open" line, always in Dutch wall-clock time.

The same rules live in assets/js/openingstijden.js for the live line in the browser; the
browser tests run both on the same instants, so change the two together.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import Field

from wegwijzer.records import vocab
from wegwijzer.records.models import Locatie, Sluiting, Spreekuur, Strict
from wegwijzer.site.present import dutch_date

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
NO_HOURS = "Alleen op afspraak."
# Walk-in without fixed hours: never claim 'only by appointment' next to 'walk in'.
NO_HOURS_WALK_IN = "Er staan geen vaste tijden bij. Bel voor de tijden."


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
    note = (
        "Op feestdagen is deze plek dicht: Nieuwjaarsdag, Pasen, Koningsdag, "
        "Hemelvaartsdag, Pinksteren en Kerst."
    )
    liberation = {
        "elk jaar": " Ook op Bevrijdingsdag (5 mei).",
        "elke vijf jaar": " Op Bevrijdingsdag (5 mei) alleen om de vijf jaar: "
        "2030, 2035 enzovoort.",
        "nooit": " Op Bevrijdingsdag (5 mei) is de plek open.",
    }[policy.bevrijdingsdag]
    friday = (
        " Ook op Goede Vrijdag."
        if policy.goede_vrijdag == "dicht"
        else (" Op Goede Vrijdag is de plek open.")
    )
    return note + liberation + friday


@dataclass(frozen=True)
class ScheduleRow:
    """One line of the opening-hours table."""

    dag: str
    tijden: str
    opmerking: str | None


def schedule_rows(location: Locatie) -> list[ScheduleRow]:
    """One row per consultation hour and day, Monday to Sunday, then by start time."""
    slots = [(DAY_KEYS.index(day), hour) for hour in location.spreekuren for day in hour.dagen]
    slots.sort(key=lambda slot: (slot[0], slot[1].van, slot[1].tot))
    return [_schedule_row(DAY_KEYS[index], hour) for index, hour in slots]


def _schedule_row(day: str, hour: Spreekuur) -> ScheduleRow:
    found = [_weeks_text(day, hour.weken), _validity_text(hour), hour.opmerking]
    notes = [note for note in found if note]
    return ScheduleRow(
        dag=vocab.DAGEN[day].capitalize(),
        tijden=f"{hour.van} – {hour.tot}",
        opmerking=" ".join(notes) or None,
    )


def _validity_text(hour: Spreekuur) -> str | None:
    """'Vanaf 4 januari 2027.', 'Tot en met 30 juni 2027.' or both."""
    parts = []
    if hour.geldig_vanaf:
        parts.append(f"vanaf {dutch_date(hour.geldig_vanaf)}")
    if hour.geldig_tot:
        parts.append(f"tot en met {dutch_date(hour.geldig_tot)}")
    return (" ".join(parts).capitalize() + ".") if parts else None


def _weeks_text(day: str, weeks: Sequence[int] | None) -> str | None:
    """'Alleen de 1e en 3e dinsdag van de maand.' for weken [1, 3]."""
    if not weeks:
        return None
    ordered = sorted(set(weeks), key=lambda week: week if week > 0 else 6)
    labels = ["laatste" if week == -1 else f"{week}e" for week in ordered]
    listed = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} en {labels[-1]}"
    return f"Alleen de {listed} {vocab.DAGEN[day]} van de maand."


def closure_period(closure: Sluiting) -> str:
    """'21 december 2026 tot en met 1 januari 2027'; 9999-12-31 means 'tot nader bericht'."""
    if closure.van == date.min and closure.tot == date.max:
        return "tot nader bericht"
    if closure.tot == date.max:
        return f"vanaf {dutch_date(closure.van)} tot nader bericht"
    if closure.van == date.min:
        return f"tot en met {dutch_date(closure.tot)}"
    if closure.van == closure.tot:
        return dutch_date(closure.van)
    return f"{dutch_date(closure.van)} tot en met {dutch_date(closure.tot)}"


def status_at(location: Locatie, moment: datetime, holidays: Mapping[date, str]) -> str:
    """The "nu open" line for an instant, e.g. 'Nu gesloten. Opent morgen om 09:30.'"""
    if not location.spreekuren:
        return NO_HOURS_WALK_IN if location.zonder_afspraak else NO_HOURS
    today, now = _wall_clock(moment)
    until = _open_until(location, today, now, holidays)
    if until:
        return f"Nu open, tot {until}."
    closed = _closed_text(location, today, holidays)
    return closed + _next_opening_text(location, today, now, holidays)


def is_open_at(location: Locatie, moment: datetime, holidays: Mapping[date, str]) -> bool:
    today, now = _wall_clock(moment)
    return _open_until(location, today, now, holidays) is not None


def browser_data(location: Locatie, policy: FeestdagenBeleid = DEFAULT_POLICY) -> dict[str, Any]:
    """What openingstijden.js needs for the live line, as plain JSON values."""
    return {
        "zonder_afspraak": location.zonder_afspraak,
        "spreekuren": [
            {
                "dagen": sorted(DAY_KEYS.index(day) + 1 for day in hour.dagen),
                "van": hour.van,
                "tot": hour.tot,
                "weken": list(hour.weken) if hour.weken else None,
                "geldig_vanaf": _iso_or_none(hour.geldig_vanaf),
                "geldig_tot": _iso_or_none(hour.geldig_tot),
            }
            for hour in location.spreekuren
        ],
        "gesloten": [
            {"van": closure.van.isoformat(), "tot": closure.tot.isoformat(), "reden": closure.reden}
            for closure in location.gesloten
        ],
        "feestdagen": policy.model_dump(),
    }


def _iso_or_none(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _wall_clock(moment: datetime) -> tuple[date, str]:
    """The Dutch calendar date and 'HH:MM' for an instant."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the moment must be a timezone-aware datetime")
    local = moment.astimezone(TIMEZONE)
    return local.date(), local.strftime("%H:%M")


def _hours_on(location: Locatie, day: date) -> list[Spreekuur]:
    """The consultation hours that apply to this date, ignoring closures, by start time."""
    key = DAY_KEYS[day.weekday()]
    hours = [h for h in location.spreekuren if key in h.dagen and h.applies_on(day)]
    return sorted(
        (hour for hour in hours if _in_weeks(day, hour.weken)),
        key=lambda hour: (hour.van, hour.tot),
    )


def _in_weeks(day: date, weeks: Sequence[int] | None) -> bool:
    """Week n is the n-th such weekday of the month; -1 is the last one."""
    if not weeks:
        return True
    last = day.day + 7 > calendar.monthrange(day.year, day.month)[1]
    return (day.day - 1) // 7 + 1 in weeks or (-1 in weeks and last)


def _closed_reason(location: Locatie, day: date, holidays: Mapping[date, str]) -> str | None:
    """Why the location is closed all day, '' for a closure without a reason, or None."""
    for closure in location.gesloten:
        if closure.van <= day <= closure.tot:
            return closure.reden or ""
    return holidays.get(day)


def _open_until(
    location: Locatie, today: date, now: str, holidays: Mapping[date, str]
) -> str | None:
    """The closing time if open now; back-to-back or overlapping hours count as one."""
    if _closed_reason(location, today, holidays) is not None:
        return None
    until = None
    for hour in _hours_on(location, today):
        if hour.van <= (until or now) < hour.tot:
            until = hour.tot
    return until


def _closed_text(location: Locatie, today: date, holidays: Mapping[date, str]) -> str:
    reason = _closed_reason(location, today, holidays)
    if reason is None or not _hours_on(location, today):
        return CLOSED_NOW
    # A reason may already end in a full stop; never print two.
    return f"Vandaag gesloten: {reason.rstrip('.')}." if reason else "Vandaag gesloten."


def _next_opening_text(
    location: Locatie, today: date, now: str, holidays: Mapping[date, str]
) -> str:
    """' Opent morgen om 09:30.', or '' when nothing opens within SCAN_DAYS."""
    for offset in range(SCAN_DAYS + 1):
        day = today + timedelta(days=offset)
        if _closed_reason(location, day, holidays) is not None:
            continue
        real = [_real_start(day, hour) for hour in _hours_on(location, day)]
        starts = sorted(start for start in real if start and (offset or start > now))
        if starts:
            return f" Opent {_when(day, offset)} om {starts[0]}."
    return ""


def _real_start(day: date, hour: Spreekuur) -> str | None:
    """The first minute of the hour that exists on the clock that day, or None.

    On the spring-forward night 02:00-02:59 does not exist: an hour from 02:30 to 04:00
    starts at 03:00, and one from 02:00 to 03:00 does not happen at all.
    """
    start = hour.van
    while start < hour.tot:
        if _exists(day, start):
            return start
        minutes = int(start[:2]) * 60 + int(start[3:]) + 1
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
    weekday = vocab.DAGEN[DAY_KEYS[day.weekday()]]
    if offset == 0:
        return "vandaag"
    if offset == 1:
        return "morgen"
    if offset <= WEEKDAY_HORIZON:
        return weekday
    return f"op {weekday} {day.day} {MONTHS[day.month - 1]}"
