"""`wegwijzer check` is the command editors and every pull request run most: it reads and checks
records only, so it must start without the site stack (folium, numpy, mkdocs, playwright)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import SAMPLE

HEAVY = ("folium", "branca", "numpy", "mkdocs", "material", "playwright")
PROBE = """
import sys
from wegwijzer.cli import main
code = main(["-f", sys.argv[1], "check"])
print(code, " ".join(sorted(m for m in sys.argv[2:] if m in sys.modules)))
"""


def test_check_runs_without_importing_the_site_stack() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(SAMPLE / "mkdocs.yml"), *HEAVY],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip().splitlines()[-1] == "0", done.stdout


def test_the_probe_sees_a_heavy_import() -> None:
    """The probe itself can fail: importing the plugin brings mkdocs in."""
    probe = PROBE.replace(
        "from wegwijzer.cli import main",
        "import wegwijzer.site.plugin\nfrom wegwijzer.cli import main",
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(SAMPLE / "mkdocs.yml"), *HEAVY],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "mkdocs" in done.stdout.strip().splitlines()[-1].split()
