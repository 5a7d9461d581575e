"""Shared fixtures. The network guard itself is pytest-socket, switched on in pyproject.toml
(`--disable-socket`), so it applies to every test without exception."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).parent / "example-files"


@pytest.fixture
def base_site(tmp_path: Path) -> Path:
    """A copy of the small valid example site; returns its mkdocs.yml."""
    shutil.copytree(EXAMPLES / "basis", tmp_path / "site")
    return tmp_path / "site" / "mkdocs.yml"
