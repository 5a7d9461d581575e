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
from wegwijzer.settings import present
from wegwijzer.site.cards import Card

PAGE_SIZE = 20
# Static pages of a phase or group stop here; the overview's own pages list everything. At
# 10,000 locations a group page with the help "voor iedereen" ran to 400 pages: 12,000 extra
# pages in all, three times the build time and twice the memory, for lists nobody pages through.
GROUP_PAGES = 5
DATA_FOLDER = "overzicht/"  # the templates' data-ww-gegevens: where the script finds these
FILTER_JSON = "overzicht/filter.json"  # facets and points of every card, fetched on first use
BLOCK_JSON = "overzicht/kaartjes/{}.json"  # what BLOCK cards show, with their opening hours
# "Nu open" over the whole list: per weekday (1 = Monday, as openingstijden.js counts) every
# location's hours that can apply on that day, a quarter of all hours (issue 16).
HOURS_JSON = "overzicht/openingstijden/{}.json"
POSTCODES_JSON = "overzicht/postcodes.json"
# Cards per block. A postcode query shows the 20 nearest cards, which lie in as many blocks
# (blocks follow the list's order, by name): small blocks keep that query under 150 KB at
# 10,000 locations, and a filter's first 20 matches lie in one or two blocks.
BLOCK = 8
POINT_SCALE = 10_000  # for sorting by distance: 1/10,000 degree (± 11 m)
FACET_FIELDS = ("fases", "doelgroepen", "rollen", "talen")


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


def group_tiers(org_cards: Iterable[Card], loc_cards: Iterable[Card]) -> list[Card]:
    """A target group's own cards: those made for the group alone (no "iedereen") first, then
    those that name it among everyone; places first within each. wegwijzer.js sorts the same
    way (`ordered`), also by distance, so the group's specialist leads in every mode."""
    cards = places_first(org_cards, loc_cards)
    return [c for c in cards if "iedereen" not in c.doelgroepen] + [
        c for c in cards if "iedereen" in c.doelgroepen
    ]


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
        "bu": hours.browser_data() if (hours := card.phone_hours()) else None,  # when it answers
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
        data.pop("bu", None)
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


# --- the overview's data, in three parts (issue 16) -----------------------------------------
#
# One file with every card and every location's hours was 11 MB (1.24 MB gzip) at 10,000
# locations, fetched on the first filter. Now the first filter or postcode fetches the filter
# index (facets as bit masks, a point per place, ± 10 bytes gzip a card) and then only the
# blocks holding the cards it shows; "Nu open" alone needs every location's hours.


def _bits(values: Iterable[str], legend: dict[str, int]) -> int:
    mask = 0
    for value in values:
        mask |= 1 << legend.setdefault(value, len(legend))
    return mask


def filter_index(cards: Sequence[Card], feestdagen: dict[str, Any]) -> dict[str, Any]:
    """What the browser filters and sorts by, per card in list order (places first).

    `k` a letter per card (l: a place, L: a place to walk in without appointment, o: an
    organisation); `p` a flat [lat, lon, ...] of the place cards in 1/10,000 degree from
    `po` (null: not on the map); per organisation card `q` the numbers of its place cards
    and `f` `d` `r` `l` bit masks of its phases, target groups, roles and languages
    (legends in `fv` `dv` `rv` `lv`). A place takes the facets of the organisations that
    list it, an organisation walks in where one of its places does, so neither is written
    twice. `t`: a card's last day. `g`: a place's long closures, [first day, last day] each
    ("Hulp dichtbij" puts a place closed for long after the others). `w`, only when some
    help has a waiting list: "ja" or "vol" per such card (said on it, sorted after the rest).
    """
    places = location_numbers(cards)
    legends: dict[str, dict[str, int]] = {"f": {}, "d": {}, "r": {}, "l": {}}
    index: dict[str, Any] = {"b": BLOCK, "fd": feestdagen, "p": [], "q": [], "t": {}, "g": {}}
    columns: dict[str, list[Any]] = {key: [] for key in legends}
    kinds = []
    for i, card in enumerate(cards):
        if card.kind == "locatie":
            kinds.append("L" if card.zonder_afspraak else "l")
            point = card.punten[0] if card.punten else None
            index["p"] += [_scaled(point.lat), _scaled(point.lon)] if point else [None, None]
        else:
            kinds.append("o")
            index["q"].append([places[i] for i in card.locaties if i in places])
            for key, facet in zip(legends, FACET_FIELDS, strict=True):
                columns[key].append(_bits(getattr(card, facet), legends[key]))
        if card.tot_en_met:
            index["t"][str(i)] = card.tot_en_met.isoformat()
        if card.sluitingen:
            index["g"][str(i)] = [[a.isoformat(), b.isoformat()] for a, b, _ in card.sluitingen]
        if card.wachtlijst is not None:  # "ja" or "vol": said on the card, sorted after the rest
            index.setdefault("w", {})[str(i)] = card.wachtlijst
    index["k"] = "".join(kinds)
    # From the south-west corner: 1685 instead of 51685, one digit less a point.
    known = [v for v in index["p"] if v is not None]
    origin = [min(known[0::2], default=0), min(known[1::2], default=0)]
    index["p"] = [None if v is None else v - origin[n % 2] for n, v in enumerate(index["p"])]
    index["po"] = origin
    index["ps"] = POINT_SCALE
    for key, legend in legends.items():  # a mask past 2**52 would lose bits in JavaScript
        if len(legend) > 52:
            columns[key] = [[b for b in range(len(legend)) if m >> b & 1] for m in columns[key]]
    index |= columns
    index |= {f"{key}v": list(legend) for key, legend in legends.items()}
    return index


def _scaled(degrees: float) -> int:
    return round(degrees * POINT_SCALE)


def location_numbers(cards: Sequence[Card]) -> dict[str, int]:
    """Place card id -> its number in the list: the key of its hours in the data files."""
    return {c.id: i for i, c in enumerate(cards) if c.kind == "locatie"}


def card_details(card: Card) -> dict[str, Any]:
    """What a card shows: card_data without what the filter index already holds."""
    data = card_data(card)
    for key in ("f", "d", "r", "l", "z", "o", "s", "tt"):
        data.pop(key, None)
    return data


def blocks(
    cards: Sequence[Card], hours_of: Any, block: int | None = None
) -> Iterable[tuple[int, dict[str, Any]]]:
    """Block n: the details of cards n*BLOCK .. and the hours of the places they name, keyed
    by the place card's number (`hours_of(location_id)` gives a location's hours)."""
    size = block or BLOCK
    numbers = location_numbers(cards)
    for n in range(0, max(1, -(-len(cards) // size))):
        chunk = cards[n * size : (n + 1) * size]
        hours = {str(numbers[i]): hours_of(i) for c in chunk for i in c.locaties if i in numbers}
        yield n, {"c": [card_details(c) for c in chunk], "u": hours}


def all_hours(cards: Sequence[Card], hours_of: Any) -> dict[str, Any]:
    """Every place's hours by its number."""
    return {str(n): hours_of(i) for i, n in location_numbers(cards).items()}


def hours_on(weekday: int, all_places: dict[str, Any]) -> dict[str, Any]:
    """The hours that can make a place open on this weekday: its weekly hours on that day,
    its closures and its meetings. A place with neither is left out (not open then)."""
    found = {}
    for number, data in all_places.items():
        weekly = [h for h in data.get("spreekuren", []) if weekday in h.get("dagen", [])]
        if weekly or data.get("bijeenkomsten"):
            found[number] = {**data, "spreekuren": weekly}
    return found


def inline_payload(
    cards: Sequence[Card], feestdagen: dict[str, Any], hours_of: Any
) -> dict[str, Any]:
    """The referrers' edition: the same data in one object inside each sealed list page."""
    return {
        "i": filter_index(cards, feestdagen),
        "c": [card_details(c) for c in cards],
        "u": all_hours(cards, hours_of),
    }


def compact_hours(data: dict[str, Any]) -> dict[str, Any]:
    """Opening hours without empty values: openingstijden.js reads a missing key as none."""

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if v is not None}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return dict(clean(data))
