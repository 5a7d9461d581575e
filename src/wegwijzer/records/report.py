"""Findings about the data, collected together and printed at once."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# Every way text can start a new line in a log (a CI runner or a terminal splits on them)
_LINE_BREAKS = re.compile("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """Text that holds record or setting text, made safe for one line of a log: line breaks
    shown as ' ⏎ ', and never what a CI runner reads as a command (GitHub Actions: `::` at
    the start of a line, after spaces; the old `##[` anywhere)."""
    text = _LINE_BREAKS.sub(" ⏎ ", text).replace("##[", "# #[")
    return "» " + text if text.lstrip().startswith("::") else text


def workflow_data(text: str) -> str:
    """The message part of a GitHub Actions workflow command: `%`, CR and LF escaped, and the
    other line breaks a log reader may split on (U+2028, form feed, ...) shown as ' ⏎ '."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _LINE_BREAKS.sub(" ⏎ ", escaped)


def workflow_property(text: str) -> str:
    """A property value of a workflow command (file=, title=): also `:` and `,`."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


class Level(enum.Enum):
    ERROR = "fout"
    WARNING = "waarschuwing"
    ADVICE = "tip"  # plain words (plain_words.py): shown, never a failure, not even --strict


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
        prefix = {Level.WARNING: "let op: ", Level.ADVICE: "tip: "}.get(self.level, "")
        return one_line(f"{where}{what}{prefix}{self.message}")

    def annotation(self, level: Level | None = None) -> str:
        """A GitHub Actions workflow command that puts the finding on its file and line;
        `level` overrides the finding's own (the lenient build warns about its errors)."""
        kinds = {Level.ERROR: "error", Level.WARNING: "warning", Level.ADVICE: "notice"}
        kind = kinds[level or self.level]
        props = [f"file={workflow_property(self.path)}"]
        if self.line:
            props.append(f"line={self.line}")
        if self.field:
            props.append(f"title={workflow_property(self.field)}")
        return f"::{kind} {','.join(props)}::{workflow_data(self.message)}"


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

    @property
    def tips(self) -> list[Finding]:
        return [f for f in self.findings if f.level is Level.ADVICE]

    def sorted(self) -> list[Finding]:
        return sorted(set(self.findings), key=lambda f: (f.path, f.line, f.field, f.message))

    def exit_code(self, *, strict: bool = False) -> int:
        return 1 if self.errors or (strict and self.warnings) else 0
