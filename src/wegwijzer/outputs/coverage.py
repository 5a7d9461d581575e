"""Aanbodanalyse (step 2 of the VNG guide): who covers which phase for which group, where.

Counts organisations that are active or temporarily closed; stopped ones offer nothing.
A cell with 0 is a gap, a cell with OVERLAP or more organisations is worth a look for overlap.
Every cell knows its organisations, and which of them serve that row specifically rather than
everyone (or the whole country), so a policy officer sees both the gap and who fills it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from wegwijzer.outputs.open_data import FORMULA_STARTS
from wegwijzer.records import vocab
from wegwijzer.records.areas import places
from wegwijzer.records.checks import overdue
from wegwijzer.records.loader import Dataset
from wegwijzer.records.models import LANDELIJK, Locatie, Organisatie, Periode
from wegwijzer.settings.present import language_name

OVERLAP = 4
# A cell names its organisations up to this many; beyond it the page gives the number and
# points to the CSV (at 10,000 locations naming every one made the page 27 MB of HTML).
NAMES_IN_CELL = 30


@dataclass(frozen=True)
class Member:
    """One organisation in a cell; `specific` when it names this row itself rather than
    helping everyone (doelgroep iedereen) or the whole country (werkgebied landelijk)."""

    id: str
    naam: str
    specific: bool = True

    @property
    def url(self) -> str:
        return f"organisaties/{self.id}/"


@dataclass(frozen=True)
class Matrix:
    """Rows × phases: the organisations in each cell."""

    title: str
    row_header: str
    rows: dict[str, str]  # key -> label, in display order
    cells: dict[tuple[str, str], tuple[Member, ...]]  # (row key, phase key) -> organisations

    def members(self, row: str, phase: str) -> tuple[Member, ...]:
        return self.cells.get((row, phase), ())

    def count(self, row: str, phase: str) -> int:
        return len(self.members(row, phase))

    def general(self, row: str, phase: str) -> int:
        """How many in the cell help everyone, not this row in particular."""
        return sum(1 for m in self.members(row, phase) if not m.specific)

    def gaps(self) -> int:
        return sum(1 for r in self.rows for f in vocab.FASES if self.count(r, f) == 0)


def verdict(count: int) -> str:
    """The meaning of a cell in words, so a screen reader (and a printout) needs no colour."""
    if count == 0:
        return "gat"
    return "veel" if count >= OVERLAP else ""


def active(dataset: Dataset) -> list[Organisatie]:
    return [o for o in dataset.organisaties.values() if o.status != "gestopt"]


def _matrix(
    title: str, header: str, rows: Mapping[str, str], orgs: Iterable[Organisatie], field: str
) -> Matrix:
    cells: dict[tuple[str, str], list[Member]] = {}
    for org in sorted(orgs, key=lambda o: o.naam.casefold()):
        for row, specific in _rows_served(org, field, rows):
            for phase in org.fases:
                cells.setdefault((row, phase), []).append(Member(org.id, org.naam, specific))
    return Matrix(title, header, dict(rows), {k: tuple(v) for k, v in cells.items()})


def _rows_served(
    org: Organisatie, field: str, rows: Mapping[str, str]
) -> Iterable[tuple[str, bool]]:
    """Help for everyone counts for every group, national help for every municipality: a
    cell is only a gap when nobody at all helps there. The flag says which help is specific."""
    if field == "wie-doet-wat":
        return [(f"rol:{r}", True) for r in org.rollen] + [
            (f"activiteit:{a}", True) for a in org.activiteiten
        ]
    values: list[str] = getattr(org, field)
    everyone = (field == "doelgroepen" and "iedereen" in values) or (
        field == "werkgebied" and LANDELIJK in values
    )
    if everyone:
        return [(row, row in values) for row in rows]
    return [(value, True) for value in values if value in rows]


def matrices(
    dataset: Dataset, target_groups: Mapping[str, str], labels: Any = vocab
) -> list[Matrix]:
    """`labels`: the vocabularies as the edition shows them (vocab.for_edition)."""
    orgs = active(dataset)
    languages = sorted({t for o in orgs for t in o.talen})
    areas = sorted({g for o in orgs for g in o.werkgebied if g != LANDELIJK}, key=str.casefold)
    who = {f"rol:{k}": label for k, label in labels.ROLLEN.items()}
    who |= {f"activiteit:{k}": label for k, label in labels.ACTIVITEITEN.items()}
    return [
        _matrix("Fase en doelgroep", "Doelgroep", target_groups, orgs, "doelgroepen"),
        _matrix("Fase en taal", "Taal", {t: language_name(t) for t in languages}, orgs, "talen"),
        _matrix("Fase en gemeente", "Gemeente", {a: a for a in areas}, orgs, "werkgebied"),
        _matrix("Wie doet wat", "Rol of activiteit", who, orgs, "wie-doet-wat"),
    ]


WEEKS_PER_MONTH = 52 / 12  # "the 1st and 3rd week" is 2 of about 4.33 weeks


@dataclass(frozen=True)
class WalkIn:
    """Walk-in and consultation hours in an average week, for one place."""

    plaats: str
    gemeente: str | None  # when the place lies in a municipality of another name
    locaties: int
    uren: float


def walk_in_hours(dataset: Dataset, active_orgs: Iterable[Organisatie]) -> list[WalkIn]:
    """Hours per week per place, from the locations of active organisations. A consultation
    hour without clock times (only a part of the day) counts for nothing: its length is not
    known. Places sorted by name."""
    ids = {o.id for o in active_orgs}
    by_place: dict[str, list[Locatie]] = {}
    for location in dataset.locaties.values():
        if any(o in ids for o in location.organisaties):
            by_place.setdefault(location.adres.plaats, []).append(location)
    rows = []
    for place, locations in sorted(by_place.items(), key=lambda item: item[0].casefold()):
        municipality = places().get(place.casefold())
        hours = sum(_weekly_hours(loc) for loc in locations)
        rows.append(WalkIn(place, municipality, len(locations), round(hours, 1)))
    return rows


def _weekly_hours(location: Locatie) -> float:
    total = 0.0
    for hour in location.spreekuren:
        start, end = getattr(hour, "van", None), getattr(hour, "tot", None)
        if not (start and end):
            continue
        length = _minutes(str(end)) - _minutes(str(start))
        weeks = getattr(hour, "weken", None)
        share = 1.0
        if isinstance(weeks, str):  # even or odd weeks: every other week
            share = 0.5
        elif weeks:
            share = len(weeks) / WEEKS_PER_MONTH
        if hour.periode is not None:  # part of every year: averaged over the year
            share *= _days_in(hour.periode) / 366
        total += len(hour.dagen) * max(length, 0) / 60 * share
    return total


def _days_in(period: Periode) -> int:
    """How many days of a (leap) year the period holds; it may cross the new year."""
    days = (period.tot - period.van).days + 1
    return days if days > 0 else days + 366


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


@dataclass(frozen=True)
class Stale:
    kind: str
    id: str
    naam: str
    gecontroleerd: date
    url: str


def stale_records(dataset: Dataset, today: date, months: int) -> list[Stale]:
    """Records not checked for `months` months, oldest first (the rule `check` uses)."""
    return [
        Stale(
            "organisatie" if isinstance(r, Organisatie) else "locatie",
            r.id,
            r.naam,
            r.laatst_gecontroleerd,
            ("organisaties/" if isinstance(r, Organisatie) else "locaties/") + r.id + "/",
        )
        for r in overdue(dataset, today, months)
    ]


def safe_cell(value: object) -> str:
    """Text for one CSV cell; never something Excel would run as a formula (CSV injection)."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def matrices_csv(tables: list[Matrix], walk_in: Iterable[WalkIn] = ()) -> bytes:
    """All matrices in one CSV: tabel; rij; fase; aantal; voor iedereen; oordeel;
    organisaties, then the walk-in hours per place. UTF-8 with BOM and ';' for Dutch Excel,
    like the other CSV exports."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        ["tabel", "rij", "fase", "aantal organisaties", "waarvan voor iedereen", "oordeel",
         "organisaties"]
    )  # fmt: skip
    for table in tables:
        for row, label in table.rows.items():
            for phase, phase_label in vocab.FASES.items():
                count = table.count(row, phase)
                names = ", ".join(m.naam for m in table.members(row, phase))
                cells = [table.title, label, phase_label, count, table.general(row, phase),
                         verdict(count), names]  # fmt: skip
                writer.writerow([safe_cell(cell) for cell in cells])
    for place in walk_in:
        label = f"{place.plaats} (gemeente {place.gemeente})" if place.gemeente else place.plaats
        cells = ["Inloopuren per week", label, "", place.locaties, "", "",
                 str(place.uren).replace(".", ",")]  # fmt: skip
        writer.writerow([safe_cell(cell) for cell in cells])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
