"""Short lists: about twenty cards a page, places first, and the compact data the browser filters.

No list page renders every card: at 10,000 locations the overview was 16.7 MB of HTML. The
first page of a list is static (works without JavaScript, with links to the next pages);
the overview's filters, postcode search and "Toon meer" read one compact JSON file instead,
fetched only when the reader uses them, and render only the cards on screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from wegwijzer.records import vocab
from wegwijzer.records.fields import tel_uri
from wegwijzer.records.models import Contactpersoon
from wegwijzer.site import present
from wegwijzer.site.cards import Card

PAGE_SIZE = 20
# Static pages of a phase or group stop here; the overview's own pages list everything. At
# 10,000 locations a group page with the help "voor iedereen" ran to 400 pages: 12,000 extra
# pages in all, three times the build time and twice the memory, for lists nobody pages through.
GROUP_PAGES = 5
CARDS_JSON = "overzicht/kaartjes.json"
POSTCODES_JSON = "overzicht/postcodes.json"


@dataclass(frozen=True)
class ListPage:
    """One page of a list: its cards, and where it and its neighbours live."""

    base: str  # the first page's folder, e.g. "overzicht" or "fase/preventie"
    number: int
    total_pages: int
    total_cards: int
    cards: Sequence[Card]

    @property
    def truncated(self) -> bool:
        """The last static page of a list that goes on in the overview."""
        return self.number == self.total_pages and self.total_cards > self.last_index

    @property
    def path(self) -> str:
        """The Markdown path: overzicht.md, overzicht/2.md, ..."""
        return f"{self.base}.md" if self.number == 1 else f"{self.base}/{self.number}.md"

    def url(self, number: int) -> str:
        """Relative to the site root, as templates prefix `root`."""
        return f"{self.base}/" if number == 1 else f"{self.base}/{number}/"

    def nearby(self) -> list[int | None]:
        """Page numbers to link: the first, the last and two either side; None is a gap.
        At 10,000 locations there are 500 pages: linking them all would be a list itself."""
        wanted = {1, self.total_pages, *range(self.number - 2, self.number + 3)}
        numbers = sorted(n for n in wanted if 1 <= n <= self.total_pages)
        shown: list[int | None] = []
        for n in numbers:
            if shown and shown[-1] is not None and n - shown[-1] > 1:
                shown.append(None)
            shown.append(n)
        return shown

    @property
    def first_index(self) -> int:
        return (self.number - 1) * PAGE_SIZE + 1

    @property
    def last_index(self) -> int:
        return self.first_index + len(self.cards) - 1


def places_first(org_cards: Iterable[Card], loc_cards: Iterable[Card]) -> list[Card]:
    """Walk-in places before organisations: a resident wants a door, then a name."""
    return [*loc_cards, *org_cards]


def paginate(base: str, cards: Sequence[Card], max_pages: int | None = None) -> list[ListPage]:
    """At least one page, so an empty list still says so on its own page."""
    total = max(1, -(-len(cards) // PAGE_SIZE))
    total = min(total, max_pages) if max_pages else total
    return [
        ListPage(base, n, total, len(cards), cards[(n - 1) * PAGE_SIZE : n * PAGE_SIZE])
        for n in range(1, total + 1)
    ]


def location_ids(cards: Iterable[Card]) -> list[str]:
    return list(dict.fromkeys(i for card in cards for i in card.locaties))


def card_data(card: Card) -> dict[str, Any]:
    """What a card shows and what the filters read, with short keys (this file is per site)."""
    data: dict[str, Any] = {
        "s": card.kind[0],  # "o" or "l"
        "id": card.id,
        "n": card.naam,
        "u": card.url,
        "t": card.samenvatting,
        "f": list(card.fases),
        "d": list(card.doelgroepen),
        "r": list(card.rollen),
        "l": list(card.talen),
        "z": 1 if card.zonder_afspraak else 0,
        "o": list(card.locaties),
        "p": [[round(p.lat, 5), round(p.lon, 5)] for p in card.punten],
    }
    optional = {
        "h": ", ".join(card.organisaties),
        "b": tel_uri(card.telefoon) if card.telefoon and card.status != "gestopt" else None,
        "bt": present.phone_display(card.telefoon) if card.telefoon else None,
        "tl": _languages(card),
        "st": vocab.STATUSSEN[card.status] if card.status != "actief" else None,
        "m": card.melding,
        "tt": card.tot_en_met.isoformat() if card.tot_en_met else None,  # hidden after it
        "v": dict(card.in_andere_talen) or None,  # the organisation's own line per language
    }
    data.update({k: v for k, v in optional.items() if v})
    if card.direct:  # only the referrers' edition's cards have them, inside its sealed pages
        data["dl"] = [_direct_line(c) for c in card.direct]
    if "b" not in data:
        data.pop("bt", None)
    return data


def _direct_line(contact: Contactpersoon) -> dict[str, str]:
    who = ", ".join(p for p in (contact.naam, contact.functie) if p)
    line = {"n": who}
    if contact.telefoon:
        line |= {"t": present.phone_display(contact.telefoon), "tu": tel_uri(contact.telefoon)}
    if contact.email:
        line |= {"e": contact.email, "eu": present.mailto(contact.email)}
    return line


def _languages(card: Card) -> str:
    names = [present.language_name(t) for t in card.talen if t != "nl"]
    return "Ook in het " + ", ".join(names) if names else ""
