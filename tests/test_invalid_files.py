"""Each file in example-files/ongeldig has one defect; its header says exactly what
`wegwijzer check` must report (`# verwacht: path:line: veld: bericht`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.invalid_cases import expected_lines, findings_for, invalid_cases


@pytest.mark.parametrize("case", invalid_cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_reports_exactly_the_expected_findings(case: Path, tmp_path: Path) -> None:
    expected = expected_lines(case)
    assert expected, f"{case.name} has no '# verwacht:' line"
    assert findings_for(case, tmp_path) == expected


def test_every_kind_of_defect_is_covered() -> None:
    names = {p.stem for p in invalid_cases()}
    assert len(names) >= 40
    assert {"yaml-syntax", "onbekend-veld", "dubbel-id", "organisatie-onbekend"} <= names
