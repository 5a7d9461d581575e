"""Compact cards for the lists: what a card shows and what the filters look at.

The same `Card.matches` decides which cards a static filter page lists and which data
attributes the browser filters read, so the two can never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from wegwijzer.records import phone_hours
from wegwijzer.records.loader import Dataset, locations_of
from wegwijzer.records.models import Contactpersoon, Locatie, Organisatie, Point
from wegwijzer.records.phone_hours import PhoneHours

FACETS = ("fases", "doelgroepen", "rollen", "talen")
# A place closed for more than this many days from today is "closed for a long time": its card
# says until when and why, and "Hulp dichtbij" puts it after help that is open or opens soon.
LONG_CLOSURE_DAYS = 14


@dataclass(frozen=True)
class Card:
    kind: str  # "organisatie" or "locatie"
    id: str
    naam: str
    url: str  # relative to the site root, e.g. "organisaties/humanitas/"
    samenvatting: str
    telefoon: str | None
    fases: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    rollen: tuple[str, ...]
    talen: tuple[str, ...]
    zonder_afspraak: bool
    locaties: tuple[str, ...]  # location ids, for "nu open"
    punten: tuple[Point, ...]  # for "near me"
    organisaties: tuple[str, ...] = ()  # names, on location cards
    status: str = "actief"
    melding: str | None = None
    # Direct lines for the referrers' edition only; always empty in the public one.
    direct: tuple[Contactpersoon, ...] = ()
    tot_en_met: date | None = None  # a location's geldig_tot: the page hides the card after it
    in_andere_talen: tuple[tuple[str, str], ...] = ()  # an organisation's own line per language
    wachtlijst: str | None = None  # "ja" (a waiting list) or "vol" (no new clients)
    aan_huis: bool = False  # the help comes to the resident's home
    telefoon_uren: str | None = None  # when `telefoon` answers, OpenStreetMap opening_hours
    # A place's one-off closures longer than LONG_CLOSURE_DAYS: (first day, last day, reason);
    # "tot nader bericht" ends on date.max.
    sluitingen: tuple[tuple[date, date, str | None], ...] = ()

    def long_closure(self, today: date) -> tuple[date, date, str | None] | None:
        """The closure this place is in on `today` that lasts more than LONG_CLOSURE_DAYS
        after it, or None (a closure ending sooner is "opens soon", not "closed long")."""
        for first, last, reason in self.sluitingen:
            if first <= today <= last and (last - today).days > LONG_CLOSURE_DAYS:
                return first, last, reason
        return None

    def phone_hours(self) -> PhoneHours | None:
        return phone_hours.parse(self.telefoon_uren) if self.telefoon_uren else None

    def in_language(self, code: str) -> str | None:
        """The organisation's own line in language `code`, if it wrote one."""
        return dict(self.in_andere_talen).get(code)

    def matches(self, facet: str, value: str) -> bool:
        return value in getattr(self, facet)

    def tokens(self, facet: str) -> str:
        return " ".join(getattr(self, facet))

    def punten_attr(self) -> str:
        return " ".join(f"{p.lat:.5f},{p.lon:.5f}" for p in self.punten)


def first_sentence(text: str, limit: int = 160) -> str:
    """The opening sentence, for a compact card; the full text is on the record's page."""
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def _union(orgs: Iterable[Organisatie], facet: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for org in orgs:
        seen.update(dict.fromkeys(getattr(org, facet)))
    return tuple(seen)


def direct_lines(orgs: Iterable[Organisatie]) -> tuple[Contactpersoon, ...]:
    """The referrer-only contacts of these organisations, for the referrers' cards."""
    return tuple(c for o in orgs for c in o.contactpersonen if c.zichtbaarheid == "verwijzers")


def organisation_card(org: Organisatie, dataset: Dataset, *, referrers: bool = False) -> Card:
    locations = locations_of(org, dataset)
    return Card(
        kind="organisatie",
        id=org.id,
        naam=org.naam,
        url=f"organisaties/{org.id}/",
        samenvatting=first_sentence(org.omschrijving),
        telefoon=org.telefoon,
        telefoon_uren=org.telefoon_uren,
        fases=tuple(org.fases),
        doelgroepen=tuple(org.doelgroepen),
        rollen=tuple(org.rollen),
        talen=tuple(org.talen),
        zonder_afspraak=any(loc.any_walk_in for loc in locations),
        locaties=tuple(loc.id for loc in locations),
        punten=tuple(dataset.points[loc.id] for loc in locations if loc.id in dataset.points),
        status=org.status,
        melding=org.melding,
        direct=direct_lines([org]) if referrers else (),
        in_andere_talen=tuple(sorted(org.in_andere_talen.items())),
        wachtlijst=_waiting([org]),
        aan_huis=org.aan_huis,
    )


def location_card(location: Locatie, dataset: Dataset, *, referrers: bool = False) -> Card:
    orgs = [dataset.organisaties[i] for i in location.organisaties if i in dataset.organisaties]
    point = dataset.points.get(location.id)
    summary = location.adres.one_line(point.postcode if point else None)
    if not location.adres.precise:
        summary += " — vraag het precieze adres na"
    return Card(
        kind="locatie",
        id=location.id,
        naam=location.naam,
        url=f"locaties/{location.id}/",
        samenvatting=summary,
        telefoon=location.telefoon or next((o.telefoon for o in orgs if o.telefoon), None),
        telefoon_uren=location.telefoon_uren
        if location.telefoon
        else next((o.telefoon_uren for o in orgs if o.telefoon), None),
        fases=_union(orgs, "fases"),
        doelgroepen=_union(orgs, "doelgroepen"),
        rollen=_union(orgs, "rollen"),
        talen=_union(orgs, "talen"),
        zonder_afspraak=location.any_walk_in,
        tot_en_met=location.geldig_tot,
        locaties=(location.id,),
        punten=(point,) if point else (),
        organisaties=tuple(o.naam for o in orgs),
        status=_location_status(orgs),
        wachtlijst=_waiting(orgs),
        direct=direct_lines(orgs) if referrers else (),
        sluitingen=_long_closures(location),
    )


def _long_closures(location: Locatie) -> tuple[tuple[date, date, str | None], ...]:
    return tuple(
        (s.van, s.tot, s.reden)
        for s in location.gesloten
        if s.once and s.van and s.tot and (s.tot - s.van).days > LONG_CLOSURE_DAYS
    )


def _waiting(orgs: list[Organisatie]) -> str | None:
    """'vol' or 'ja' when no organisation there can take someone on now."""
    if not orgs or not all(o.waiting for o in orgs):
        return None
    return "vol" if all(o.wachtlijst == "vol" for o in orgs) else "ja"


def _location_status(orgs: list[Organisatie]) -> str:
    """A place where every organisation is closed or has stopped says so on its card, never
    "Alleen op afspraak" (issue 26)."""
    if not orgs or any(o.status == "actief" for o in orgs):
        return "actief"
    return (
        "tijdelijk-gesloten" if any(o.status == "tijdelijk-gesloten" for o in orgs) else "gestopt"
    )


def all_cards(dataset: Dataset, *, referrers: bool = False) -> tuple[list[Card], list[Card]]:
    """Organisation cards and location cards, each sorted by name as people look them up.
    Only the referrers' edition (`referrers=True`) puts direct lines on them."""
    orgs = [
        organisation_card(o, dataset, referrers=referrers) for o in dataset.organisaties.values()
    ]
    locs = [location_card(loc, dataset, referrers=referrers) for loc in dataset.locaties.values()]
    key = _sort_key
    return sorted(orgs, key=key), sorted(locs, key=key)


def waiting_urls(dataset: Dataset) -> frozenset[str]:
    """Pages of help with a waiting list or no new clients: search ranks them after the rest."""
    orgs, locs = all_cards(dataset)
    return frozenset(card.url for card in (*orgs, *locs) if card.wachtlijst is not None)


def _sort_key(card: Card) -> tuple[bool, bool, str, str]:
    """Help that can start now first; a waiting list or 'vol' after it; stopped help last."""
    return (card.status == "gestopt", card.wachtlijst is not None, card.naam.casefold(), card.id)
