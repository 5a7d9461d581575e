"""The official Dutch school holidays per region, from the data file shipped with wegwijzer.

A location with `gesloten: - schoolvakanties: midden` is closed in those periods. The file
names its source and the day it was read; past its last day the dates are not known, and
the site and `check` say so instead of guessing.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

REGIONS = ("noord", "midden", "zuid")
EVERY_REGION = "alle"


@dataclass(frozen=True)
class Vacation:
    schooljaar: str
    naam: str  # 'Herfstvakantie'
    regio: str  # noord, midden, zuid or alle
    van: date
    tot: date


@dataclass(frozen=True)
class SchoolHolidays:
    periods: tuple[Vacation, ...]

    def of(self, region: str) -> list[Vacation]:
        return [p for p in self.periods if p.regio in (region, EVERY_REGION)]

    @property
    def known_until(self) -> date | None:
        """The last day the file knows about: after it, the holidays are not known."""
        return max((p.tot for p in self.periods), default=None)

    @property
    def school_years(self) -> list[str]:
        return sorted({p.schooljaar for p in self.periods})


def parse(lines: Iterable[str]) -> SchoolHolidays:
    """'schooljaar;vakantie;regio;van;tot' rows; lines starting with # are comments."""
    rows = csv.DictReader((line for line in lines if not line.startswith("#")), delimiter=";")
    periods = [
        Vacation(
            row["schooljaar"].strip(),
            row["vakantie"].strip(),
            row["regio"].strip().lower(),
            date.fromisoformat(row["van"].strip()),
            date.fromisoformat(row["tot"].strip()),
        )
        for row in rows
    ]
    for period in periods:
        if period.regio not in (*REGIONS, EVERY_REGION) or period.van > period.tot:
            raise ValueError(f"schoolvakanties.csv: bad row {period}")
    return SchoolHolidays(tuple(sorted(periods, key=lambda p: (p.van, p.regio))))


@functools.cache
def school_holidays(path: Path | None = None) -> SchoolHolidays:
    """The shipped file, or another one (tests)."""
    if path is not None:
        return parse(path.read_text(encoding="utf-8").splitlines())
    text = resources.files("wegwijzer").joinpath("data/schoolvakanties.csv").read_text("utf-8")
    return parse(text.splitlines())
