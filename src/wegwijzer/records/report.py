"""Findings about the data, collected together and printed at once."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field


class Level(enum.Enum):
    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one place: `data/locaties/x.yml:12: adres.postcode: bericht`."""

    path: str
    line: int
    field: str
    message: str
    level: Level = Level.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        what = f"{self.field}: " if self.field else ""
        prefix = "let op: " if self.level is Level.WARNING else ""
        return f"{where}{what}{prefix}{self.message}"


@dataclass
class Report:
    """All findings of a run; `exit_code` decides what the command returns."""

    findings: list[Finding] = field(default_factory=list)

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def extend(self, findings: Iterable[Finding]) -> None:
        self.findings.extend(findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level is Level.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level is Level.WARNING]

    def sorted(self) -> list[Finding]:
        return sorted(set(self.findings), key=lambda f: (f.path, f.line, f.field, f.message))

    def exit_code(self, *, strict: bool = False) -> int:
        return 1 if self.errors or (strict and self.warnings) else 0
