"""How fresh the map is (issue 29): the share of records checked in the last 3, 6 and 12
months, per organisation and for the whole site.

"Checked in the last N months" is the opposite of `overdue` with N as `controle_maanden`:
a record checked on 8 September is no longer "in the last 3 months" on 8 December. An
organisation counts itself and its locations; a location shared by two organisations counts
for both, and once in the total.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from wegwijzer.outputs.coverage import safe_cell
from wegwijzer.records.checks import months_between
from wegwijzer.records.loader import Dataset
from wegwijzer.records.models import Locatie, Organisatie

WINDOWS = (3, 6, 12)


@dataclass(frozen=True)
class Freshness:
    naam: str
    org_id: str | None  # None: the whole site
    total: int
    within: tuple[int, ...]  # records checked in the last WINDOWS[i] months

    def percent(self, index: int) -> int:
        """Rounded down, so 100% means every record."""
        return 100 * self.within[index] // self.total if self.total else 100


def _count(
    naam: str, org_id: str | None, records: list[Organisatie | Locatie], today: date
) -> Freshness:
    ages = [months_between(r.laatst_gecontroleerd, today) for r in records]
    within = tuple(sum(1 for age in ages if age < months) for months in WINDOWS)
    return Freshness(naam, org_id, len(records), within)


def freshness(dataset: Dataset, today: date) -> tuple[Freshness, list[Freshness]]:
    """The whole site, and each organisation with the least fresh first."""
    total = _count("Alle gegevens", None, list(dataset.records()), today)
    records: dict[str, list[Organisatie | Locatie]] = {
        i: [o] for i, o in dataset.organisaties.items()
    }
    for location in dataset.locaties.values():
        for org_id in dict.fromkeys(location.organisaties):
            if org_id in records:
                records[org_id].append(location)
    per_org = [
        _count(org.naam, org.id, records[org.id], today) for org in dataset.organisaties.values()
    ]
    per_org.sort(key=lambda f: (*(f.percent(i) for i in range(len(WINDOWS))), f.naam.casefold()))
    return total, per_org


def freshness_csv(figures: tuple[Freshness, list[Freshness]], today: date) -> bytes:
    """The figures as a table for Dutch Excel (UTF-8 with BOM, ';'), dated: the shares change
    with the day they are counted on, not only with the data."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    header = ["peildatum", "organisatie id", "organisatie", "records"]
    header += [f"nagekeken in {m} maanden" for m in WINDOWS]
    header += [f"percentage {m} maanden" for m in WINDOWS]
    writer.writerow(header)
    total, per_org = figures
    for row in [total, *per_org]:
        percents = [row.percent(i) for i in range(len(WINDOWS))]
        cells = [today.isoformat(), row.org_id or "", row.naam, row.total, *row.within, *percents]
        writer.writerow([safe_cell(cell) for cell in cells])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
