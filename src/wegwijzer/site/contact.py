"""The one way to reach someone that a page gives with every "bel", "mail" or "neem contact op".

A page never tells a resident to call or mail without saying what to call or mail. The order:
the location's own phone or e-mail, else its organisations', else a website ("via de website"),
else the municipality's loket, said as such (issue 26).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from wegwijzer.records.loader import Dataset
from wegwijzer.records.models import Locatie, Organisatie


@dataclass(frozen=True)
class Channel:
    """How to reach someone: `kind` is "telefoon", "email", "website" or "loket"."""

    kind: str
    value: str  # the number, the address or the URL as the record gives it
    naam: str | None = None  # whose channel, for the loket: its name


def for_location(location: Locatie, orgs: Iterable[Organisatie], loket: object) -> Channel:
    """The location's own phone or e-mail, else its organisations', else a website, else
    the loket. A place whose organisations have all stopped sends to the loket."""
    orgs = list(orgs)
    if orgs and all(org.status == "gestopt" for org in orgs):
        return _loket(loket)
    return _first_channel([location, *orgs]) or _loket(loket)


def for_organisation(org: Organisatie, locations: Iterable[Locatie], loket: object) -> Channel:
    """The organisation's phone or e-mail, else its locations', else a website, else the
    loket. An organisation that has stopped sends to the loket: its line may be dead."""
    if org.status == "gestopt":
        return _loket(loket)
    channel = _first_channel([org, *locations])
    if channel is None and org.chat:
        channel = Channel("website", org.chat)
    return channel or _loket(loket)


def _first_channel(records: list[Locatie | Organisatie]) -> Channel | None:
    """The first phone or e-mail of the records in order, else the first website."""
    for record in records:
        if record.telefoon:
            return Channel("telefoon", record.telefoon)
        if record.email:
            return Channel("email", record.email)
    for record in records:
        if record.website:
            return Channel("website", record.website)
    return None


# What a text typed from a source asks the reader to do: call, mail or get in touch ("E-mail:"
# is a label, not a request). The page then adds what to use (tests/test_contact_truth.py).
_ASKS = re.compile(
    r"\b(bel|bellen|belt|(?<!-)mail|mailen|mailt|neem contact op|contact opnemen)\b", re.I
)


def asks_for_contact(text: object) -> bool:
    """Whether a record's own text tells the reader to call, mail or get in touch."""
    return isinstance(text, str) and _ASKS.search(text) is not None


def _loket(loket: object) -> Channel:
    return Channel("loket", str(getattr(loket, "telefoon", "")), str(getattr(loket, "naam", "")))


def for_card(card: object, dataset: Dataset, loket: object) -> Channel:
    """The channel for a card in a list: its organisation's or its location's."""
    record_id = str(getattr(card, "id", ""))
    if getattr(card, "kind", "") == "locatie" and record_id in dataset.locaties:
        location = dataset.locaties[record_id]
        return for_location(location, dataset.orgs_of(location), loket)
    if record_id in dataset.organisaties:
        org = dataset.organisaties[record_id]
        return for_organisation(org, dataset.locations_by_org.get(org.id, []), loket)
    return _loket(loket)
