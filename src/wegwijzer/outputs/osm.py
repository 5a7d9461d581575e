"""Opening hours as an OpenStreetMap `opening_hours` string, for the JSON and GeoJSON exports.

OpenStreetMap, many municipal datasets and route planners read this format. Each consultation
hour is one rule and rules are joined with ', ' so they add up; closures and public holidays
follow with '; ', which overrides the hours on those days. Times are Dutch wall-clock time.

Honest where we do not know: an hour without clock times is `Fr unknown "ochtend, bel voor de
tijden"`; closures in the school holidays are OSM's own `SH off`, which a reader evaluates with
the official dates of the region. One-off meetings come last as additional rules (', '), so
they count on their day even when the location is otherwise closed, as on the site.
"""

from __future__ import annotations

from datetime import date, timedelta

from wegwijzer.records import hours
from wegwijzer.records.hours import DAY_KEYS
from wegwijzer.records.models import Bijeenkomst, Locatie, Sluiting, Spreekuur

OSM_DAYS = dict(zip(DAY_KEYS, ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"), strict=True))
OSM_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# OSM years start at 1900: a closure 'since always' (0001-01-01) starts there.
OSM_FIRST_DAY = date(1900, 1, 1)


CLOSED_UNTIL_NOTICE = 'off "gesloten tot nader bericht"'


def opening_hours(location: Locatie, closed: bool = False) -> str | None:
    """'Mo-Fr 09:30-12:00, Tu[1,3] 13:30-16:00; 2026 Dec 21-2027 Jan 03 off; PH off'.
    `closed`: every organisation there is closed for now; unknown hours are no value."""
    if closed:
        return CLOSED_UNTIL_NOTICE
    if not location.spreekuren and not location.bijeenkomsten:
        return None
    hours = ", ".join(_hour_rule(hour) for hour in location.spreekuren)
    rules = [hours] if hours else ["off"]
    rules += [_closure_rule(closure) for closure in location.gesloten]
    rules += _validity_rules(location)
    text = "; ".join([*rules, "PH off"])
    return ", ".join([text, *(_meeting_rule(m) for m in location.bijeenkomsten)])


def _hour_rule(hour: Spreekuur) -> str:
    # Even or odd ISO weeks: OSM's week ranges with a step, 'week 02-52/2 Tu 10:00-12:00'.
    weeks = (
        {0: "week 02-52/2 ", 1: "week 01-53/2 "}.get(hour.parity, "")
        if hour.parity is not None
        else ""
    )
    comments = []
    valid, season = _valid(hour), _season(hour)
    if valid and season:
        # A date range with years and a part of every year do not fit one OSM rule: the
        # range is the rule, the part of the year a comment.
        comments.append(f"alleen {season.strip()}")
    valid = valid or season
    if only := hours.restriction_text(hour):  # "alleen voor ouderen, vanaf 55 jaar"
        # An OSM comment cannot hold a double quote; the text is the record's own words.
        comments.append((only[:1].lower() + only[1:]).rstrip(".").replace('"', "'"))
    if hour.van and hour.tot:
        said = ", ".join([*comments, *(["online"] if hour.online else [])])
        return f"{valid}{weeks}{_days(hour)} {hour.van}-{hour.tot}" + (f' "{said}"' if said else "")
    what = f"{hour.dagdeel}, bel voor de tijden" if hour.dagdeel else "bel voor de tijden"
    what = ", ".join([*comments, what])
    return f'{valid}{weeks}{_days(hour)} unknown "{what}"'


def _season(hour: Spreekuur) -> str:
    """'Sep-Jun ' for whole months, 'Mar 01-May 01 ' for days: a part of every year."""
    period = hour.periode
    if period is None:
        return ""
    if period.whole_months:
        first, last = OSM_MONTHS[period.van.month - 1], OSM_MONTHS[period.tot.month - 1]
        return f"{first} " if first == last else f"{first}-{last} "
    return f"{_month_day(period.van)}-{_month_day(period.tot)} "


def _valid(hour: Spreekuur) -> str:
    """'2026 Oct 26-2027 Mar 28 ': an hour that holds only part of the year (a winter and
    a summer schedule) is only in force then; '' for an hour that always holds."""
    if hour.geldig_vanaf is None and hour.geldig_tot is None:
        return ""
    start = _osm_date(max(hour.geldig_vanaf or OSM_FIRST_DAY, OSM_FIRST_DAY))
    if hour.geldig_tot is None or hour.geldig_tot == date.max:
        return f"{start}+ "
    return f"{start}-{_osm_date(max(hour.geldig_tot, OSM_FIRST_DAY))} "


def _meeting_rule(meeting: Bijeenkomst) -> str:
    return f"{_osm_date(meeting.datum)} {meeting.van}-{meeting.tot}"


def _validity_rules(location: Locatie) -> list[str]:
    """Before geldig_vanaf and after geldig_tot the location is off."""
    rules = []
    if location.geldig_vanaf and location.geldig_vanaf > OSM_FIRST_DAY:
        before = location.geldig_vanaf - timedelta(days=1)
        rules.append(f"{_osm_date(OSM_FIRST_DAY)}-{_osm_date(before)} off")
    if location.geldig_tot and location.geldig_tot < date.max:
        rules.append(f"{_osm_date(location.geldig_tot + timedelta(days=1))}+ off")
    return rules


def _days(hour: Spreekuur) -> str:
    """'Mo-Fr', 'Tu,Th', or 'Tu[1,3],Th[1,3]' for weeks of the month."""
    indexes = sorted(DAY_KEYS.index(day) for day in set(hour.dagen))
    if hour.weeks_of_month:
        weeks = sorted(set(hour.weeks_of_month), key=lambda week: week if week > 0 else 6)
        nth = "[" + ",".join(str(week) for week in weeks) + "]"
        return ",".join(OSM_DAYS[DAY_KEYS[index]] + nth for index in indexes)
    return ",".join(_ranges(indexes))


def _ranges(indexes: list[int]) -> list[str]:
    """Runs of three or more days as 'Mo-We'; shorter runs stay single days."""
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    parts = []
    for run in runs:
        names = [OSM_DAYS[DAY_KEYS[index]] for index in run]
        parts += [f"{names[0]}-{names[-1]}"] if len(run) >= 3 else names
    return parts


def _closure_rule(closure: Sluiting) -> str:
    if closure.schoolvakanties:
        return "SH off"
    assert closure.van is not None and closure.tot is not None
    if closure.jaarlijks:
        return f"{_month_day(closure.van)}-{_month_day(closure.tot)} off"
    start = _osm_date(max(closure.van, OSM_FIRST_DAY))
    if closure.tot == date.max:
        return f"{start}+ off"
    if closure.van == closure.tot:
        return f"{start} off"
    return f"{start}-{_osm_date(closure.tot)} off"


def _month_day(day: date) -> str:
    return f"{OSM_MONTHS[day.month - 1]} {day.day:02d}"


def _osm_date(day: date) -> str:
    return f"{day.year} {OSM_MONTHS[day.month - 1]} {day.day:02d}"
