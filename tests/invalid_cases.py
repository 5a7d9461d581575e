"""Run one invalid example file beside the valid base set (shared by the tests and by
`python -m tests.invalid_cases --write`, which records what the checker says for review)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from wegwijzer.settings.config import load_site
from wegwijzer.tasks.validate import validate_site

EXAMPLES = Path(__file__).parent / "example-files"
INVALID = EXAMPLES / "ongeldig"
TODAY = date(2026, 11, 22)
EXPECT = "# verwacht: "


def invalid_cases() -> list[Path]:
    return sorted(p for p in INVALID.glob("*/*") if p.is_file())


def expected_lines(case: Path) -> list[str]:
    lines = case.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix(EXPECT) for line in lines if line.startswith(EXPECT)]


def findings_for(case: Path, workdir: Path) -> list[str]:
    """Every finding `wegwijzer check` reports with this one file added to the base set."""
    shutil.copytree(EXAMPLES / "basis", workdir, dirs_exist_ok=True)
    shutil.copy(case, workdir / "data" / case.parent.name / case.name)
    _, report = validate_site(load_site(workdir / "mkdocs.yml"), TODAY)
    return [str(f) for f in report.sorted()]


if __name__ == "__main__":  # record the current answers in the files' headers, for review
    import sys
    import tempfile

    for case in invalid_cases():
        with tempfile.TemporaryDirectory() as tmp:
            found = findings_for(case, Path(tmp))
        body = [
            line
            for line in case.read_text(encoding="utf-8").splitlines()
            if not line.startswith(EXPECT)
        ]
        if "--write" in sys.argv:
            case.write_text(
                "\n".join([*(EXPECT + f for f in found), *body]) + "\n", encoding="utf-8"
            )
        print(case.relative_to(INVALID), *found, sep="\n  ")
