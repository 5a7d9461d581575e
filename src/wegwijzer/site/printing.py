"""The page to print (`afdrukken/`): one page for a small municipality, split by place when big.

At 10,000 locations the single print page was 9.7 MB of HTML. Whether to split is decided by
size, not by a setting: when everything fits in `LIMIT` characters the site keeps one simple
print page; otherwise `afdrukken/` lists the places and links one print page per place
(`afdrukken/<plaats>/`, paged further as `afdrukken/<plaats>/2/` when one place alone is too
big), plus one page for help without an address (phone and internet only).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from wegwijzer.records.models import Locatie, Organisatie

# Characters of Markdown (our finished HTML) a print page may hold. Material adds ± 15 KB of
# header, navigation and footer, so a page stays under the 150 KB budget for list pages.
LIMIT = 110_000
FOLDER = "afdrukken"
NO_ADDRESS = "zonder-adres"  # the part for help by phone or online only
T = TypeVar("T")


@dataclass
class Part:
    """One print page of the split edition: a place (or the help without an address)."""

    slug: str
    place: str | None  # None: the help without an address
    orgs: list[Organisatie]
    locations: dict[str, list[Locatie]]  # org id -> its locations in this place
    number: int = 1
    total: int = 1

    @property
    def path(self) -> str:
        base = f"{FOLDER}/{self.slug}"
        return f"{base}.md" if self.number == 1 else f"{base}/{self.number}.md"

    @property
    def url(self) -> str:
        base = f"{FOLDER}/{self.slug}/"
        return base if self.number == 1 else f"{base}{self.number}/"

    @property
    def location_count(self) -> int:
        return sum(len(v) for v in self.locations.values())


def slug(text: str) -> str:
    """'s-Hertogenbosch -> s-hertogenbosch, Bergen (NH) -> bergen-nh."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-") or "plaats"


def by_place(
    orgs: Sequence[Organisatie], located: dict[str, list[Locatie]]
) -> list[tuple[str | None, list[Organisatie], dict[str, list[Locatie]]]]:
    """Every place with the organisations that have a location there (only those locations);
    organisations without any location go under None, at the end."""
    places: dict[str, tuple[list[Organisatie], dict[str, list[Locatie]]]] = {}
    without: list[Organisatie] = []
    for org in orgs:
        locations = located.get(org.id, [])
        if not locations:
            without.append(org)
        for location in locations:
            members, where = places.setdefault(location.adres.plaats, ([], {}))
            if org.id not in where:
                members.append(org)
                where[org.id] = []
            where[org.id].append(location)
    found: list[tuple[str | None, list[Organisatie], dict[str, list[Locatie]]]] = [
        (name, *places[name]) for name in sorted(places, key=str.casefold)
    ]
    if without:
        found.append((None, without, {o.id: [] for o in without}))
    return found


def split(
    orgs: Sequence[Organisatie],
    located: dict[str, list[Locatie]],
    render: Callable[[Part], T],
    size_of: Callable[[T], int],
    limit: int | None = None,
) -> list[tuple[Part, T]]:
    """Parts per place, each rendered; a place is paged further until each page fits."""
    limit = limit or LIMIT
    parts: list[tuple[Part, T]] = []
    used: set[str] = set()
    for place, members, where in by_place(orgs, located):
        name = NO_ADDRESS if place is None else slug(place)
        unique, n = name, 2
        while unique in used:
            unique, n = f"{name}-{n}", n + 1
        used.add(unique)

        def attempt(chunk: list[Organisatie]) -> tuple[Part, T]:
            part = Part(unique, place, chunk, {o.id: where[o.id] for o in chunk})  # noqa: B023
            return part, render(part)

        chunks = _fitting(list(members), attempt, lambda done: size_of(done[1]), limit)
        for number, (part, rendered) in enumerate(chunks, 1):
            if len(chunks) > 1:  # its title and path say which page of the place it is
                part.number, part.total = number, len(chunks)
                rendered = render(part)
            parts.append((part, rendered))
    return parts


def _fitting(
    orgs: list[Organisatie],
    attempt: Callable[[list[Organisatie]], tuple[Part, T]],
    size_of: Callable[[tuple[Part, T]], int],
    limit: int,
) -> list[tuple[Part, T]]:
    """Halve a list of organisations until every half renders within the limit."""
    done = attempt(orgs)
    if len(orgs) <= 1 or size_of(done) <= limit:
        return [done]
    middle = len(orgs) // 2
    return _fitting(orgs[:middle], attempt, size_of, limit) + _fitting(
        orgs[middle:], attempt, size_of, limit
    )


def phases(orgs: Iterable[Organisatie], labels: Iterable[str]) -> dict[str, list[Organisatie]]:
    listed = list(orgs)
    return {f: [o for o in listed if f in o.fases] for f in labels}


def index_entries(parts: Iterable[Part]) -> list[dict[str, Any]]:
    """For the index page: one line per place, with links to each of its pages."""
    entries: dict[str, dict[str, Any]] = {}
    for part in parts:
        entry = entries.setdefault(
            part.slug, {"place": part.place, "pages": [], "orgs": 0, "locations": 0}
        )
        entry["pages"].append(part.url)
        entry["orgs"] += len(part.orgs)
        entry["locations"] += part.location_count
    return list(entries.values())
