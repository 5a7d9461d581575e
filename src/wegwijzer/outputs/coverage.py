"""Aanbodanalyse (step 2 of the VNG guide): who covers which phase for which group, where.

Counts organisations that are active or temporarily closed; stopped ones offer nothing.
A cell with 0 is a gap, a cell with OVERLAP or more organisations is worth a look for overlap.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from wegwijzer.outputs.open_data import FORMULA_STARTS
from wegwijzer.records import vocab
from wegwijzer.records.checks import overdue
from wegwijzer.records.loader import Dataset
from wegwijzer.records.models import LANDELIJK, Organisatie
from wegwijzer.site.present import language_name

OVERLAP = 4


@dataclass(frozen=True)
class Matrix:
    """Rows × phases: the number of organisations in each cell."""

    title: str
    row_header: str
    rows: dict[str, str]  # key -> label, in display order
    counts: dict[tuple[str, str], int]  # (row key, phase key) -> organisations

    def count(self, row: str, phase: str) -> int:
        return self.counts.get((row, phase), 0)

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
    counts: dict[tuple[str, str], int] = {}
    for org in orgs:
        for row in _rows_served(org, field, rows):
            for phase in org.fases:
                counts[(row, phase)] = counts.get((row, phase), 0) + 1
    return Matrix(title, header, dict(rows), counts)


def _rows_served(org: Organisatie, field: str, rows: Mapping[str, str]) -> Iterable[str]:
    """Help for everyone counts for every group, national help for every municipality: a
    cell is only a gap when nobody at all helps there."""
    values: list[str] = getattr(org, field)
    if (field == "doelgroepen" and "iedereen" in values) or (
        field == "werkgebied" and LANDELIJK in values
    ):
        return rows
    return values


def matrices(dataset: Dataset, target_groups: Mapping[str, str]) -> list[Matrix]:
    orgs = active(dataset)
    languages = sorted({t for o in orgs for t in o.talen})
    areas = sorted({g for o in orgs for g in o.werkgebied if g != LANDELIJK}, key=str.casefold)
    return [
        _matrix("Fase en doelgroep", "Doelgroep", target_groups, orgs, "doelgroepen"),
        _matrix("Fase en taal", "Taal", {t: language_name(t) for t in languages}, orgs, "talen"),
        _matrix("Fase en gemeente", "Gemeente", {a: a for a in areas}, orgs, "werkgebied"),
    ]


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


def matrices_csv(tables: list[Matrix]) -> bytes:
    """All matrices in one CSV: tabel; rij; fase; aantal; oordeel. UTF-8 with BOM and ';' for
    Dutch Excel, like the other CSV exports."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["tabel", "rij", "fase", "aantal organisaties", "oordeel"])
    for table in tables:
        for row, label in table.rows.items():
            for phase, phase_label in vocab.FASES.items():
                count = table.count(row, phase)
                cells = [table.title, label, phase_label, count, verdict(count)]
                writer.writerow([safe_cell(cell) for cell in cells])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
