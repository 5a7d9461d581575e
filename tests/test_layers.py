"""Imports only point down the layers (issue 28): the import-linter contract in pyproject.toml.

cli -> site -> tasks -> outputs -> geo -> settings -> records -> i18n. A lower layer that needs
something of a higher one gets it moved down (or passed in), never imported, lazily included:
import-linter reads the imports inside functions too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "src" / "wegwijzer"


def _layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    assert contract["type"] == "layers"
    return [name.strip() for layer in contract["layers"] for name in layer.split("|")]


def test_the_layers_contract_is_kept() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is in the test extra: pip install -e '.[test]'"
    done = subprocess.run(
        [lint_imports, "--no-cache", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout, done.stdout


def test_every_package_and_module_has_a_layer() -> None:
    """A new package outside the contract would escape it, cycles and all."""
    parts = {
        f"wegwijzer.{path.stem}"
        for path in PACKAGE.iterdir()
        if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").is_file()
    }
    assert parts == set(_layers())
