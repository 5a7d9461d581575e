"""One source for things that used to be written twice (issue 28)."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "src" / "wegwijzer"
# A string that starts a GitHub Actions workflow command: "::error ...", f"::{kind} ..."
_COMMAND = re.compile(r"""["']::(?:\{|error|warning|notice|group|add-mask|stop-commands)""")


def test_workflow_commands_are_written_only_by_records_report() -> None:
    """Annotations go through Finding.annotation and its escaping (the plugin's own copy did
    not escape `%`, CR or LF)."""
    writers = sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if _COMMAND.search(path.read_text(encoding="utf-8"))
    )
    assert writers == ["records/report.py"]
