"""Our CSS and JavaScript: served minified, and every reference carries the served file's
version, so a host may cache them for a year (issue 16)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

import wegwijzer
from wegwijzer.site.assets import asset_url, minified, packaged, version, versioned

SOURCES = Path(wegwijzer.__file__).parent / "assets"
PAGES = ["index.html", "organisaties/bewindvoering-kooistra/index.html", "kaart/kaart.html"]


def _references(site: Path, page: str) -> list[str]:
    html = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    found = [t["src"] for t in html.select("script[src]")]
    found += [t["href"] for t in html.select("link[rel=stylesheet], link[rel=icon]")]
    return [urljoin(f"http://site/{page}", str(ref)) for ref in found]


@pytest.mark.parametrize("page", PAGES)
def test_every_reference_to_our_assets_carries_the_served_files_version(
    sample_site: Path, page: str
) -> None:
    ours = [u for u in _references(sample_site, page) if "/assets/wegwijzer/" in u]
    assert len(ours) >= 4, ours
    for url in ours:
        parts = urlsplit(url)
        assert parts.query.startswith("v="), url
        served = (sample_site / parts.path.lstrip("/")).read_bytes()
        assert parts.query == f"v={version(served)}", url  # a changed file: a new address


def test_the_sealed_pages_opener_is_versioned_too(referrers_site: Path) -> None:
    refs = _references(referrers_site, "organisaties/bewindvoering-kooistra/index.html")
    served = (referrers_site / "assets" / "wegwijzer" / "js" / "slot.js").read_bytes()
    assert [u for u in refs if "slot.js" in u] == [
        f"http://site/assets/wegwijzer/js/slot.js?v={version(served)}"
    ]


def test_the_version_follows_the_content() -> None:
    assert versioned("a.css", b"a{}") != versioned("a.css", b"b{}")
    assert versioned("a.css", b"a{}") == versioned("a.css", b"a{}")
    url = asset_url("js/zoeken.js", "../assets/wegwijzer")
    assert url == f"../assets/wegwijzer/js/zoeken.js?v={version(packaged()['js/zoeken.js'])}"


def test_our_scripts_and_styles_are_served_minified_and_vendored_files_as_they_are(
    sample_site: Path,
) -> None:
    served = sample_site / "assets" / "wegwijzer"
    ours = [p for p in SOURCES.rglob("*") if p.suffix in (".js", ".css")]
    assert len(ours) > 8
    for source in ours:
        relative = source.relative_to(SOURCES).as_posix()
        out = (served / relative).read_bytes()
        if relative.startswith("vendor/"):
            assert out == source.read_bytes(), relative
        else:
            assert len(out) < 0.9 * len(source.read_bytes()), relative
            assert b"\n  " not in out, relative  # no indentation left
    assert minified("js/x.js", b"var a = 1; // note\n") == b"var a=1;"
    assert minified("css/x.css", b"a {\n  color: red;\n}\n") == b"a{color:red}"
