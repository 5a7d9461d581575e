"""A vCard per organisation, so a volunteer can save the contact on a phone in one tap."""

from __future__ import annotations

import phonenumbers
import vobject

from wegwijzer.records.fields import parse_phone
from wegwijzer.records.models import Contactpersoon, Locatie, Organisatie


def _international(number: str) -> str:
    parsed = parse_phone(number)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _add(card: vobject.base.Component, kind: str, value: str | None, type_param: str) -> None:
    if value:
        line = card.add(kind)
        line.value, line.type_param = value, type_param


def _add_direct_line(card: vobject.base.Component, contact: Contactpersoon) -> None:
    _add(card, "tel", contact.telefoon and _international(contact.telefoon), "VOICE")
    _add(card, "email", contact.email, "INTERNET")


def vcard_for(
    org: Organisatie,
    locations: list[Locatie],
    page_url: str | None = None,
    *,
    referrers: bool = False,
) -> str:
    """vCard 3.0 (what phones import most reliably); the public contact details only, unless
    it is for the referrers' edition, which adds the direct lines."""
    card = vobject.vCard()
    card.add("fn").value = org.naam
    card.add("n").value = vobject.vcard.Name(family=org.naam)
    card.add("org").value = [org.naam]
    _add(card, "tel", org.telefoon and _international(org.telefoon), "WORK")
    _add(card, "tel", org.whatsapp and _international(org.whatsapp), "CELL")
    _add(card, "email", org.email, "INTERNET")
    if org.website:
        card.add("url").value = org.website
    for contact in org.contactpersonen if referrers else []:
        _add_direct_line(card, contact)
    for location in locations[:1]:  # the main walk-in address; the page lists the others
        adres = location.adres
        card.add("adr").value = vobject.vcard.Address(
            street=adres.street_line() or adres.gebouw or "",
            code=adres.postcode or "",
            city=adres.plaats,
            country="Nederland",
        )
    if page_url:
        card.add("note").value = f"Meer informatie: {page_url}"
    return str(card.serialize())
