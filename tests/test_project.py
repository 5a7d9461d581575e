"""The project's promises to newcomers and to CI: two commands, tidy code, documented fields."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from wegwijzer.records.models import (
    Adres,
    Contactpersoon,
    Coordinaten,
    Locatie,
    Organisatie,
    Sluiting,
    Spreekuur,
)
from wegwijzer.settings.config import SiteConfig

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_holds_exactly_two_setup_commands() -> None:
    blocks = re.findall(r"<!-- (\w+-command) -->\n```sh\n(.+?)\n```\n<!-- /\1 -->", README)
    assert [name for name, _ in blocks] == ["serve-command", "test-command"]
    serve, test = (command for _, command in blocks)
    assert serve.startswith("python3 -m venv .venv && ") and serve.endswith("mkdocs serve")
    assert test.startswith("python3 -m venv .venv && ") and test.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in ci and 'eval "$cmd"' in ci


@pytest.mark.parametrize(
    "model",
    [Organisatie, Contactpersoon, Locatie, Adres, Coordinaten, Spreekuur, Sluiting, SiteConfig],
)
def test_every_field_is_documented(model: type) -> None:
    docs = (ROOT / "docs" / "gegevens.md").read_text(encoding="utf-8")
    missing = [name for name in model.model_fields if f"`{name}`" not in docs]
    assert missing == []


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "--no-cache", "src", "tests"],
        ["ruff", "format", "--no-cache", "--check", "src", "tests"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_code_quality(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_product_tests_never_read_the_demo_site() -> None:
    """A municipality replaces data/ and mkdocs.yml at the root; the product's tests must not
    notice. They build the fixture under tests/fixtures/ instead."""
    root = "ROOT"  # split, so this test's own source does not match
    demo = re.compile(
        root + r'\s*/\s*"(data|overrides|mkdocs[.\w]*\.yml)"|' + root + r'\.glob\("data'
    )
    offenders = [
        str(path.relative_to(ROOT))
        for path in [*ROOT.glob("tests/**/*.py"), *ROOT.glob("benchmarks/*.py")]
        if demo.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
