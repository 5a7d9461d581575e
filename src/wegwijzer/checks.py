"""Checks across records, and warnings that a single file's model cannot give."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

import phonenumbers

from wegwijzer.fields import is_paid_line, parse_phone, suggestion
from wegwijzer.loader import Dataset, Source
from wegwijzer.models import Locatie, Organisatie
from wegwijzer.report import Finding, Level

WARN = Level.WARNING


def check_dataset(dataset: Dataset, today: date, stale_months: int) -> list[Finding]:
    """Every cross-record problem and warning, in a stable order."""
    findings = [
        *_unknown_organisations(dataset),
        *_stale_records(dataset, today, stale_months),
        *_paid_lines(dataset),
        *_insecure_links(dataset),
        *_likely_duplicates(dataset),
    ]
    return sorted(findings)


def _unknown_organisations(dataset: Dataset) -> Iterator[Finding]:
    for location in dataset.locaties.values():
        source = dataset.source(location)
        for index, org_id in enumerate(location.organisaties):
            if org_id not in dataset.organisaties:
                hint = suggestion(org_id, dataset.organisaties)
                message = f"Er is geen organisatie met id '{org_id}'.{hint}"
                yield source.finding(("organisaties", index), message)


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
    for org in dataset.organisaties.values():
        source = dataset.source(org)
        if org.telefoon:
            groups[("telefoonnummer", _phone_key(org.telefoon))].append((source, ("telefoon",)))
        if org.website:
            groups[("website", _site_key(org.website))].append((source, ("website",)))
    for loc in dataset.locaties.values():
        key = f"{loc.naam.casefold()} {loc.adres.postcode}"
        groups[("naam en postcode", key)].append((dataset.source(loc), ("naam",)))
    for (what, _), places in groups.items():
        if len(places) > 1:
            yield from _duplicate_findings(what, places)


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
