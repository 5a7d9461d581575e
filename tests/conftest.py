"""Shared fixtures. The network guard itself is pytest-socket, switched on in pyproject.toml
(`--disable-socket`), so it applies to every test without exception."""

from __future__ import annotations

import shutil
from pathlib import Path

import folium  # noqa: F401  (imported before the socket guard: urllib3 probes IPv6 on import)
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).parent / "example-files"
# The product's own sample site. Never the repository's data/ or mkdocs.yml: those are the demo
# site, which a municipality replaces with its own.
SAMPLE = Path(__file__).parent / "fixtures" / "voorbeeldstad"


@pytest.fixture
def base_site(tmp_path: Path) -> Path:
    """A copy of the small valid example site; returns its mkdocs.yml."""
    shutil.copytree(EXAMPLES / "basis", tmp_path / "site")
    return tmp_path / "site" / "mkdocs.yml"


def build_site(config: Path, out: Path) -> Path:
    """Build in this process, so the network guard (pytest-socket) covers the whole build."""
    build(load_config(str(config), site_dir=str(out), strict=True))
    return out


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Voorbeeldstad fixture site, built once per test run, offline."""
    return build_site(SAMPLE / "mkdocs.yml", tmp_path_factory.mktemp("voorbeeldstad"))
