"""Checks across records, and warnings that a single file's model cannot give."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

import phonenumbers

from wegwijzer.i18n import dutch_date
from wegwijzer.records import areas as known_areas
from wegwijzer.records.areas import Areas
from wegwijzer.records.fields import is_paid_line, parse_phone, suggestion
from wegwijzer.records.hours import closed_until_notice
from wegwijzer.records.loader import Dataset, Source
from wegwijzer.records.models import Locatie, Organisatie, Point, in_netherlands
from wegwijzer.records.report import Finding, Level
from wegwijzer.records.school_holidays import SchoolHolidays, school_holidays

WARN = Level.WARNING


def check_dataset(
    dataset: Dataset, today: date, stale_months: int, areas: Areas | None = None
) -> list[Finding]:
    """Every cross-record problem and warning, in a stable order."""
    findings = [
        *_unknown_organisations(dataset),
        *_unreachable(dataset, today),
        *_vague_addresses(dataset),
        *_stale_records(dataset, today, stale_months),
        *_old_sources(dataset, today, stale_months),
        *_paid_lines(dataset),
        *_insecure_links(dataset),
        *_likely_duplicates(dataset),
        *(_unknown_areas(dataset, areas) if areas is not None else ()),
        *_ended(dataset, today),
        *_unknown_school_holidays(dataset, today, school_holidays()),
    ]
    return sorted(findings)


def _ended(dataset: Dataset, today: date) -> Iterator[Finding]:
    """A location, hour or list of meetings that is over stays off the site: say so."""
    for location in dataset.locaties.values():
        source = dataset.source(location)
        if location.geldig_tot and location.geldig_tot < today:
            message = (
                f"Deze locatie is voorbij sinds {dutch_date(location.geldig_tot)}. Ze staat "
                "niet meer op de site. Haal het bestand weg."
            )
            yield source.finding(("geldig_tot",), message, WARN)
            continue
        for index, hour in enumerate(location.spreekuren):
            if hour.geldig_tot and hour.geldig_tot < today:
                message = (
                    f"Dit spreekuur is voorbij sinds {dutch_date(hour.geldig_tot)}. Haal het weg."
                )
                yield source.finding(("spreekuren", index, "geldig_tot"), message, WARN)
        meetings = location.bijeenkomsten
        if meetings and all(m.datum < today for m in meetings):
            last = max(m.datum for m in meetings)
            message = (
                f"Alle bijeenkomsten zijn voorbij (de laatste was op {dutch_date(last)}). "
                "Haal ze weg, of zet er een nieuwe bij."
            )
            yield source.finding(("bijeenkomsten",), message, WARN)


def _unknown_school_holidays(
    dataset: Dataset, today: date, vacations: SchoolHolidays
) -> Iterator[Finding]:
    """Past the shipped school holidays the site cannot close on the right days."""
    known = vacations.known_until
    if known is not None and known >= today:
        return
    if known is None:
        message = "wegwijzer heeft nog geen data van de schoolvakanties."
    else:
        message = f"wegwijzer kent de schoolvakanties maar tot {dutch_date(known)}."
    message += (
        " De site zegt nu alleen 'in de schoolvakanties dicht'. Werk de data bij in "
        "src/wegwijzer/data/schoolvakanties.csv (bron: rijksoverheid.nl), of installeer een "
        "nieuwere wegwijzer."
    )
    for location in dataset.locaties.values():
        for index, closure in enumerate(location.gesloten):
            if closure.schoolvakanties:
                loc = ("gesloten", index, "schoolvakanties")
                yield dataset.source(location).finding(loc, message, WARN)


FAR_KM = 25


def point_findings(dataset: Dataset) -> Iterator[Finding]:
    """Geocoded points outside the Netherlands are errors; a point far from the other
    locations in its municipality is probably the wrong street of the same name."""
    by_place: dict[str, list[tuple[str, Point]]] = defaultdict(list)
    for loc_id, point in dataset.points.items():
        location = dataset.locaties.get(loc_id)
        if location is None:
            continue
        source = dataset.source(location)
        if point.source != "coordinaten" and not in_netherlands(point.lat, point.lon):
            message = (
                f"Het punt dat bij dit adres gevonden is ({point.lat:.4f}, {point.lon:.4f}) ligt "
                "niet in Nederland. Klopt het adres? Of zet de juiste 'coordinaten' erbij."
            )
            yield source.finding(("adres",), message)
            continue
        by_place[_municipality(location.adres.plaats)].append((loc_id, point))
    for name, found in by_place.items():
        yield from _far_from_the_rest(dataset, found, name)


def _municipality(place: str) -> str:
    """The municipality a place lies in, when we know it ('Hoogezand'), else the place."""
    return known_areas.places().get(place.casefold(), place)


def _far_from_the_rest(
    dataset: Dataset, places: list[tuple[str, Point]], municipality: str
) -> Iterator[Finding]:
    if len(places) < 3:  # with two points there is no telling which one is wrong
        return
    # The median of all points: one stray point cannot move it, and it is computed once, so
    # a place with thousands of locations stays linear.
    lat = sorted(p.lat for _, p in places)[len(places) // 2]
    lon = sorted(p.lon for _, p in places)[len(places) // 2]
    for loc_id, point in places:
        if (distance := _km(point.lat, point.lon, lat, lon)) > FAR_KM:
            location = dataset.locaties[loc_id]
            message = (
                f"Dit punt ligt {distance:.0f} km van de andere locaties in "
                f"{municipality}. Klopt het adres?"
            )
            yield dataset.source(location).finding(("adres",), message, WARN)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), good enough at the scale of a municipality."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2
    a += math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def _unknown_organisations(dataset: Dataset) -> Iterator[Finding]:
    for location in dataset.locaties.values():
        source = dataset.source(location)
        for index, org_id in enumerate(location.organisaties):
            if org_id in dataset.organisaties:
                continue
            if broken := dataset.broken.get(("organisaties", org_id)):
                message = (
                    f"De organisatie '{org_id}' heeft fouten (zie {broken}). "
                    "Verbeter die eerst; dan staat deze locatie weer goed."
                )
            else:
                hint = suggestion(org_id, dataset.organisaties)
                message = f"Er is geen organisatie met id '{org_id}'.{hint}"
            yield source.finding(("organisaties", index), message)


def _unreachable(dataset: Dataset, today: date) -> Iterator[Finding]:
    """An organisation without a channel of its own is fine when people can walk in: at a
    location that is a walk-in and has not ended. Otherwise its page would loop between
    "loop binnen" and "neem contact op" (issue 26). An organisation for referrers only needs
    no public channel."""
    for org in dataset.organisaties.values():
        if org.reachable():
            continue
        if org.zichtbaarheid == "verwijzers":
            continue  # its direct lines live in the private folder, out of this check's sight
        locations = [
            loc for loc in dataset.locations_by_org.get(org.id, []) if _walk_in_now(loc, today)
        ]
        if any(not _closed_until_notice(dataset, loc, today) for loc in locations):
            continue
        if locations:  # true data, but nobody can reach the organisation now
            yield dataset.source(org).finding(("telefoon",), CLOSED_WALK_INS, WARN)
            continue
        yield dataset.source(org).finding(("telefoon",), _unreachable_message(dataset, org, today))


CLOSED_WALK_INS = (
    "Alle plekken om binnen te lopen zijn gesloten tot nader bericht, en de organisatie heeft "
    "geen telefoon, e-mail of website. Inwoners kunnen haar nu niet bereiken: de site verwijst "
    "naar het loket van de gemeente. Vul een manier in om de organisatie te bereiken."
)


def _closed_until_notice(dataset: Dataset, location: Locatie, today: date) -> bool:
    orgs = [dataset.organisaties[i] for i in location.organisaties if i in dataset.organisaties]
    return closed_until_notice(location, orgs, today)


def _walk_in_now(location: Locatie, today: date) -> bool:
    return location.any_walk_in and not (location.geldig_tot and location.geldig_tot < today)


def _unreachable_message(dataset: Dataset, org: Organisatie, today: date) -> str:
    message = (
        "Vul minstens één manier in om de organisatie te bereiken: telefoon, e-mail, "
        "whatsapp, chat of website."
    )
    broken = _broken_locations_naming(dataset, org.id)
    if broken:
        return (
            f"{' en '.join(broken)} heeft fouten. Daardoor heeft deze organisatie nu geen plek "
            f"om binnen te lopen. Verbeter eerst {broken[0]}. Of: {message[0].lower()}"
            f"{message[1:]}"
        )
    for location in dataset.locations_by_org.get(org.id, []):
        path = dataset.source(location).path
        if location.geldig_tot and location.geldig_tot < today:
            why = f"{path} is voorbij"
        else:
            why = f"bij {path} kunnen inwoners niet zonder afspraak binnenlopen"
        return f"{message} De locatie telt niet: {why}."
    return f"{message} Of maak een locatie waar inwoners zonder afspraak binnen kunnen lopen."


def _broken_locations_naming(dataset: Dataset, org_id: str) -> list[str]:
    """Location files that hold errors and name this organisation: the cause to name."""
    word = re.compile(rf"(?<![\w-]){re.escape(org_id)}(?![\w-])")
    found = []
    for (kind, _), shown in sorted(dataset.broken.items()):
        file = dataset.broken_files.get(shown)
        if kind != "locaties" or file is None:
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if word.search(text):
            found.append(shown)
    return found


def _vague_addresses(dataset: Dataset) -> Iterator[Finding]:
    for location in dataset.locaties.values():
        if not location.adres.precise and not location.adres.op_aanvraag:
            message = (
                f"Het adres '{location.adres.one_line()}' is niet precies. De site zegt "
                "'vraag het precieze adres na' en de plek staat pas op de kaart met een "
                "straat en huisnummer of met 'coordinaten'."
            )
            yield dataset.source(location).finding(("adres",), message, WARN)


def _old_sources(dataset: Dataset, today: date, stale_months: int) -> Iterator[Finding]:
    for record in dataset.records():
        for index, bron in enumerate(record.bronnen):
            if bron.datum and months_between(bron.datum, today) >= stale_months:
                message = (
                    f"De bron is van {bron.datum.isoformat()}, langer dan {stale_months} "
                    "maanden geleden. Staat er nog hetzelfde?"
                )
                yield dataset.source(record).finding(("bronnen", index, "datum"), message, WARN)


def _unknown_areas(dataset: Dataset, areas: Areas) -> Iterator[Finding]:
    for org in dataset.organisaties.values():
        for index, name in enumerate(org.werkgebied):
            if (message := areas.problem(name)) is not None:
                yield dataset.source(org).finding(("werkgebied", index), message, WARN)


def months_between(earlier: date, later: date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def overdue(dataset: Dataset, today: date, stale_months: int) -> list[Organisatie | Locatie]:
    """Records not checked for `stale_months` months, oldest first: the one rule that
    `check`, the weekly maintenance report and the aanbodanalyse share."""
    due = [
        r
        for r in dataset.records()
        if months_between(r.laatst_gecontroleerd, today) >= stale_months
    ]
    return sorted(due, key=lambda r: (r.laatst_gecontroleerd, r.id))


def _stale_records(dataset: Dataset, today: date, stale_months: int) -> Iterator[Finding]:
    for record in overdue(dataset, today, stale_months):
        message = (
            f"Dit record is sinds {record.laatst_gecontroleerd.isoformat()} niet gecontroleerd "
            f"(langer dan {stale_months} maanden). Kloppen de gegevens nog?"
        )
        yield dataset.source(record).finding(("laatst_gecontroleerd",), message, WARN)


def _phone_fields(dataset: Dataset) -> Iterator[tuple[Source, tuple[str | int, ...], str]]:
    for org in dataset.organisaties.values():
        source = dataset.source(org)
        for name in ("telefoon", "whatsapp"):
            if value := getattr(org, name):
                yield source, (name,), value
        for index, contact in enumerate(org.contactpersonen):
            if contact.telefoon:
                yield source, ("contactpersonen", index, "telefoon"), contact.telefoon


def _paid_lines(dataset: Dataset) -> Iterator[Finding]:
    for source, loc, number in _phone_fields(dataset):
        if is_paid_line(number):
            message = f"{number} is een betaald nummer. Bellen kost geld; is er een gratis nummer?"
            yield source.finding(loc, message, WARN)


def _insecure_links(dataset: Dataset) -> Iterator[Finding]:
    for org in dataset.organisaties.values():
        if org.website and org.website.lower().startswith("http://"):
            message = f"{org.website} is niet beveiligd. Werkt het adres ook met https://?"
            yield dataset.source(org).finding(("website",), message, WARN)


def _likely_duplicates(dataset: Dataset) -> Iterator[Finding]:
    groups: dict[tuple[str, str], list[tuple[Source, tuple[str | int, ...]]]] = defaultdict(list)
    branches: dict[str, set[str]] = {}  # source path -> werkgebied, to tell branches apart
    for org in dataset.organisaties.values():
        source = dataset.source(org)
        branches[source.path] = {a.casefold() for a in org.werkgebied}
        if org.telefoon:
            groups[("telefoonnummer", _phone_key(org.telefoon))].append((source, ("telefoon",)))
        if org.website:
            groups[("website", _site_key(org.website))].append((source, ("website",)))
    for loc in dataset.locaties.values():
        what = "naam en postcode" if loc.adres.postcode else "naam en adres"
        key = f"{loc.naam.casefold()} {loc.adres.postcode or loc.adres.lookup_line().casefold()}"
        groups[(what, key)].append((dataset.source(loc), ("naam",)))
    for (what, _), places in groups.items():
        if len(places) > 1 and not _separate_branches(places, branches):
            yield from _duplicate_findings(what, places)


def _separate_branches(
    places: list[tuple[Source, tuple[str | int, ...]]], branches: dict[str, set[str]]
) -> bool:
    """Branches of one national organisation share a website or number but each serves its
    own municipalities: not a duplicate when no two of them share a werkgebied."""
    areas = [branches.get(source.path) for source, _ in places]
    if any(not a for a in areas):
        return False
    seen: set[str] = set()
    for area in areas:
        assert area is not None
        if seen & area:
            return False
        seen |= area
    return True


def _duplicate_findings(
    what: str, places: list[tuple[Source, tuple[str | int, ...]]]
) -> Iterator[Finding]:
    for source, loc in places:
        others = ", ".join(s.path for s, _ in places if s is not source)
        message = f"Zelfde {what} als {others}. Is dit dubbel?"
        yield source.finding(loc, message, WARN)


def _phone_key(number: str) -> str:
    return phonenumbers.format_number(parse_phone(number), phonenumbers.PhoneNumberFormat.E164)


def _site_key(url: str) -> str:
    parts = urlsplit(url.lower())
    host = parts.netloc.removeprefix("www.")
    return host + parts.path.rstrip("/")
