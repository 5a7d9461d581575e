"""Record pages are written from one shell per language and folder (site/shells.py), not by
mkdocs' page loop. They must be exactly what mkdocs would have written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, build_site
from wegwijzer.site import shells


def _with_site_url(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE, site)
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text("site_url: https://wegwijzer.example/stad/\n" + text, encoding="utf-8")
    return config


def test_record_pages_from_shells_equal_the_pages_mkdocs_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _with_site_url(tmp_path)
    fast = build_site(config, tmp_path / "shells")
    original = shells.is_record
    monkeypatch.setattr(  # Dutch record pages through mkdocs, as before shells existed
        shells, "is_record", lambda path: original(path) and path.count("/") == 2
    )
    slow = build_site(config, tmp_path / "mkdocs")
    compared = 0
    for folder in shells.FOLDERS:
        for page in sorted((slow / folder).glob("*/index.html")):
            relative = page.relative_to(slow)
            assert (fast / relative).read_text(encoding="utf-8") == page.read_text(
                encoding="utf-8"
            ), relative
            compared += 1
    assert compared > 20
    for piece in sorted((slow / "zoeken").rglob("*.json")):  # the same search index
        assert (fast / piece.relative_to(slow)).read_bytes() == piece.read_bytes(), piece
    sitemap = (fast / "sitemap.xml").read_text(encoding="utf-8")
    assert shells.SHELL not in sitemap
    assert _locations(sitemap) == _locations((slow / "sitemap.xml").read_text(encoding="utf-8"))
    assert "https://wegwijzer.example/stad/locaties/geldloket-stadhuis/" in sitemap
    assert "https://wegwijzer.example/stad/ar/locaties/geldloket-stadhuis/" in sitemap
    # every version of a page names the others, for search engines (site/sitemap.py)
    alternate = (
        '<xhtml:link rel="alternate" hreflang="{}" href="https://wegwijzer.example/stad/{}"/>'
    )
    assert alternate.format("ar", "ar/locaties/geldloket-stadhuis/") in sitemap
    assert alternate.format("nl", "overzicht/") in sitemap
    assert alternate.format("uk", "aanbod/") not in sitemap  # Dutch only


def _locations(sitemap: str) -> list[str]:
    return sorted(re.findall(r"<loc>([^<]+)</loc>", sitemap))


def test_no_shell_is_left_in_the_site(sample_site: Path) -> None:
    assert not list(sample_site.rglob(f"{shells.SHELL}*"))
    leftovers = [p for p in sample_site.rglob("*.html") if shells.SHELL in p.read_text("utf-8")]
    assert leftovers == []
