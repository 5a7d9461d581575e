"""Werkgebied names checked against the official list of Dutch municipalities.

The list (CBS) and a short list of places that people name instead of their municipality
ship with the package in `data/`, each with its source and date in the file's header.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files

from wegwijzer.records.fields import suggestion
from wegwijzer.records.models import LANDELIJK


def _rows(name: str) -> list[list[str]]:
    text = files("wegwijzer").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.reader(lines))[1:]  # the first line names the columns


@functools.cache
def municipalities() -> tuple[str, ...]:
    """The official names, as CBS writes them."""
    return tuple(row[0] for row in _rows("gemeenten.csv"))


@functools.cache
def _by_folded_name() -> dict[str, str]:
    return {m.casefold(): m for m in municipalities()}


@functools.cache
def _places_in() -> dict[str, tuple[str, ...]]:
    """Place (casefolded) -> every municipality that has a place of that name."""
    found: dict[str, tuple[str, ...]] = {}
    for row in _rows("plaatsen.csv"):
        if row[2] == "plaats":
            found[row[0].casefold()] = (*found.get(row[0].casefold(), ()), row[1])
    return found


@functools.cache
def places() -> dict[str, str]:
    """Place (casefolded) -> the municipality it lies in; names in more than one left out."""
    return {place: found[0] for place, found in _places_in().items() if len(found) == 1}


def ambiguous_places() -> dict[str, tuple[str, ...]]:
    """Place names in more than one municipality, with each of them."""
    return {place: found for place, found in _places_in().items() if len(found) > 1}


@functools.cache
def other_names() -> frozenset[str]:
    """Everyday names of a municipality itself ('Den Haag'): as good as the official one."""
    return frozenset(row[0].casefold() for row in _rows("plaatsen.csv") if row[2] != "plaats")


@dataclass(frozen=True)
class Areas:
    """What a werkgebied may name: a municipality, 'landelijk', or a name the site adds
    (its own `gemeente`, for example a region or the fictional sample town)."""

    extra: frozenset[str] = frozenset()

    @classmethod
    def for_site(cls, names: Iterable[str]) -> Areas:
        return cls(frozenset(n.casefold() for n in names))

    def problem(self, name: str) -> str | None:
        """Why `name` is not a municipality, in Dutch; None when it is one."""
        folded = name.casefold()
        official = _by_folded_name()
        known = folded in self.extra or folded in other_names() or official.get(folded) == name
        if name == LANDELIJK or known:
            return None
        if folded in official:
            return f"Schrijf de naam zoals het CBS: '{official[folded]}'."
        if folded in ambiguous_places():
            options = " of ".join(f"'{m}'" for m in ambiguous_places()[folded])
            return (
                f"Er is een {name} in meer gemeenten: {options}. Welke bedoelt u? Zet die "
                f"gemeente in werkgebied, en {name} eventueel bij wijken."
            )
        if folded in places():
            municipality = places()[folded]
            return (
                f"{name} ligt in gemeente {municipality}. Zet '{municipality}' in werkgebied, "
                f"en {name} eventueel bij wijken."
            )
        hint = suggestion(name, municipalities()) or " Voor heel Nederland schrijft u landelijk."
        return f"'{name}' is geen gemeente.{hint}"
