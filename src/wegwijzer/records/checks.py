"""Checks across records, and warnings that a single file's model cannot give."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

import phonenumbers

from wegwijzer.records.areas import Areas
from wegwijzer.records.fields import is_paid_line, parse_phone, suggestion
from wegwijzer.records.loader import Dataset, Source
from wegwijzer.records.models import Locatie, Organisatie
from wegwijzer.records.report import Finding, Level

WARN = Level.WARNING


def check_dataset(
    dataset: Dataset, today: date, stale_months: int, areas: Areas | None = None
) -> list[Finding]:
    """Every cross-record problem and warning, in a stable order."""
    findings = [
        *_unknown_organisations(dataset),
        *_unreachable(dataset),
        *_vague_addresses(dataset),
        *_stale_records(dataset, today, stale_months),
        *_old_sources(dataset, today, stale_months),
        *_paid_lines(dataset),
        *_insecure_links(dataset),
        *_likely_duplicates(dataset),
        *(_unknown_areas(dataset, areas) if areas is not None else ()),
    ]
    return sorted(findings)


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


def _unreachable(dataset: Dataset) -> Iterator[Finding]:
    """An organisation without a channel of its own is fine when people can walk in."""
    for org in dataset.organisaties.values():
        if not org.reachable() and not dataset.locations_by_org.get(org.id):
            message = (
                "Vul minstens één manier in om de organisatie te bereiken: telefoon, e-mail, "
                "whatsapp, chat of website. Of maak een locatie waar inwoners binnen kunnen lopen."
            )
            yield dataset.source(org).finding(("telefoon",), message)


def _vague_addresses(dataset: Dataset) -> Iterator[Finding]:
    for location in dataset.locaties.values():
        if not location.adres.precise:
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
