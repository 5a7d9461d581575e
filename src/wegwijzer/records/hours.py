"""Opening hours as the pages show them: the schedule table, meetings, closures, the holiday
policy, and the data assets/js/openingstijden.js gets for the live "nu open" line.

The live line itself is the script's. Its rules also exist in Python in hours_reference.py, a
test oracle with no product caller: the browser tests run both on the same instants, so change
the two together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from babel.dates import format_date
from babel.lists import format_list
from pydantic import Field

from wegwijzer import i18n
from wegwijzer.i18n import N_, dutch_date, pgettext
from wegwijzer.i18n import gettext as _
from wegwijzer.records import vocab
from wegwijzer.records.models import Leeftijd, Locatie, Organisatie, Sluiting, Spreekuur, Strict
from wegwijzer.records.school_holidays import SchoolHolidays, school_holidays

DAY_KEYS = tuple(vocab.DAGEN)  # "ma".."zo", Monday first, as date.weekday() counts


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


def schedule_rows(location: Locatie, names: Mapping[str, str] | None = None) -> list[ScheduleRow]:
    """One row per consultation hour and day, Monday to Sunday, then by start time. With
    `names` (organisation id -> name), an hour of some organisations only says whose it is."""
    slots = [(DAY_KEYS.index(day), hour) for hour in location.spreekuren for day in hour.dagen]
    slots.sort(key=lambda slot: (slot[0], _sort_time(slot[1]), slot[1].tot or ""))
    return [_schedule_row(DAY_KEYS[index], hour, location, names) for index, hour in slots]


def restriction_text(hour: Spreekuur) -> str | None:
    """'Alleen voor ouderen, vanaf 55 jaar.' and/or 'Alleen voor inwoners van Giessen.'"""
    limit = hour.alleen_voor
    if limit is None:
        return None
    code = i18n.current().code
    age = _age_text(limit.leeftijd) if limit.leeftijd else None
    who = None
    if limit.doelgroep:
        label = _(vocab.DOELGROEPEN.get(limit.doelgroep, limit.doelgroep))
        who = label[:1].lower() + label[1:] + (f" ({age})" if age else "")
    elif age:
        who = _("mensen %(leeftijd)s") % {"leeftijd": age}
    texts = [_("Alleen voor %(wie)s.") % {"wie": who}] if who else []
    if limit.wijken:
        places = format_list(list(limit.wijken), locale=code)
        texts.append(_("Alleen voor inwoners van %(wijken)s.") % {"wijken": places})
    return " ".join(texts)


def _age_text(age: Leeftijd) -> str:
    """'vanaf 55 jaar', 'tot 27 jaar' or 'van 18 tot 27 jaar', in the page's language."""
    if age.van is not None and age.tot is not None:
        return _("van %(van)s tot %(tot)s jaar") % {"van": age.van, "tot": age.tot}
    if age.van is not None:
        return _("vanaf %(van)s jaar") % {"van": age.van}
    return _("tot %(tot)s jaar") % {"tot": age.tot}


def _owners_text(hour: Spreekuur, names: Mapping[str, str] | None) -> str | None:
    """'Spreekuur van SchuldHulpMaatje.' at a place of more organisations."""
    if not names or not hour.organisaties or len(names) < 2:
        return None
    owners = [names.get(org, org) for org in hour.organisaties]
    return _("Spreekuur van %(organisaties)s.") % {
        "organisaties": format_list(owners, locale=i18n.current().code)
    }


def _schedule_row(
    day: str, hour: Spreekuur, location: Locatie, names: Mapping[str, str] | None = None
) -> ScheduleRow:
    walk_in = None
    if location.mixed_walk_in:
        walk_in = (
            _("Zonder afspraak.") if hour.walk_in(location.zonder_afspraak) else _("Op afspraak.")
        )
    online = _("Online, met video.") if hour.online else None
    found = [
        _owners_text(hour, names),
        restriction_text(hour),
        online,
        walk_in,
        _weeks_text(day, hour),
        season_text(hour),
        _validity_text(hour),
    ]
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


def season_text(hour: Spreekuur) -> str | None:
    """'Alleen van september tot en met juni.' or 'Alleen van 1 maart tot en met 1 mei.'"""
    period = hour.periode
    if period is None:
        return None
    pattern = "MMMM" if period.whole_months else "d MMMM"
    code = i18n.current().code
    return _("Alleen van %(van)s tot en met %(tot)s.") % {
        "van": format_date(period.van, pattern, locale=code),
        "tot": format_date(period.tot, pattern, locale=code),
    }


def temporary_text(location: Locatie) -> str | None:
    """'Tijdelijke plek, tot en met 30 juni 2027.' for a place used for a while."""
    if location.tijdelijk is None:
        return None
    if location.tijdelijk.tot:
        return _("Tijdelijke plek, tot en met %(datum)s.") % {
            "datum": dutch_date(location.tijdelijk.tot)
        }
    return _("Tijdelijke plek.")


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
    start = month_year(closure.van_maand) if closure.van_maand else dutch_date(closure.van)
    if closure.tot == date.max:
        return _("vanaf %(datum)s tot nader bericht") % {"datum": start}
    if closure.tot_maand:  # "tot maart 2027": the day it opens again is not known
        if closure.van == date.min:
            return _("tot %(maand)s") % {"maand": month_year(closure.tot_maand)}
        return _("%(van)s tot %(maand)s") % {"van": start, "maand": month_year(closure.tot_maand)}
    if closure.van == date.min:
        return _("tot en met %(datum)s") % {"datum": dutch_date(closure.tot)}
    if closure.van == closure.tot:
        return dutch_date(closure.van)
    return _("%(van)s tot en met %(tot)s") % {"van": start, "tot": dutch_date(closure.tot)}


def month_year(day: date) -> str:
    """'maart 2027', in the page's language."""
    return str(format_date(day, "MMMM y", locale=i18n.current().code))


SCHOOL_REGIONS = {"noord": N_("noord"), "midden": N_("midden"), "zuid": N_("zuid")}


def _day_month(day: date) -> str:
    """'3 oktober', in the page's language."""
    return str(format_date(day, "d MMMM", locale=i18n.current().code))


def upcoming_closures(location: Locatie, today: date) -> list[Sluiting]:
    """The closures the page lists: rules always, one-off ones until they are over."""
    return [c for c in location.gesloten if not c.once or (c.tot and c.tot >= today)]


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
                "periode": _period_data(hour),
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
    data = {"van": closure.van.isoformat(), "tot": closure.tot.isoformat(), "reden": closure.reden}
    if closure.tot_maand:  # 'Gesloten tot maart 2027.'
        data["tot_maand"] = closure.tot_maand.isoformat()
    return [data]


def _period_data(hour: Spreekuur) -> dict[str, str] | None:
    """{'van': '09-01', 'tot': '06-30'}: month and day, as openingstijden.js compares them."""
    if hour.periode is None:
        return None
    return {"van": hour.periode.van.isoformat()[5:], "tot": hour.periode.tot.isoformat()[5:]}


def _iso_or_none(day: date | None) -> str | None:
    return day.isoformat() if day else None


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
