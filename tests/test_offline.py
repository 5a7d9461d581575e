"""Works without internet (issue 30): what the build writes for the service worker."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from wegwijzer.site import offline

BUDGET = 300 * 1024  # issue 30: the pre-cache of a town of about 50 locations


def _version(site: Path) -> str:
    found = re.search(r'VERSION="(\w+)"', (site / offline.WORKER).read_text(encoding="utf-8"))
    assert found is not None
    return found[1]


def test_the_public_site_has_a_worker_a_manifest_and_an_icon(sample_site: Path) -> None:
    manifest = json.loads((sample_site / offline.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["name"] == "Wegwijzer geldzorgen Voorbeeldstad"
    assert manifest["short_name"] == "Voorbeeldstad"
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == (
        "./",
        "./",
        "standalone",
    )
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"], re.I)
    assert all((sample_site / icon["src"]).is_file() for icon in manifest["icons"])
    assert manifest["theme_color"] in (sample_site / offline.ICON).read_text(encoding="utf-8")
    assert "unsafe" not in (sample_site / offline.WORKER).read_text(encoding="utf-8")


def test_every_page_links_the_manifest_and_loads_the_registering_script(sample_site: Path) -> None:
    for path, root in (("spoed/index.html", "../"), ("en/overzicht/index.html", "../../")):
        soup = BeautifulSoup((sample_site / path).read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one("link[rel=manifest]")
        assert link is not None and link["href"] == root + offline.MANIFEST
        scripts = [str(s["src"]) for s in soup.select("script[src]")]
        assert any(s.startswith(root + "assets/wegwijzer/js/offline.js?v=") for s in scripts)


def test_the_precache_holds_start_spoed_the_overview_and_its_hours(sample_site: Path) -> None:
    paths = offline.precache(sample_site)
    assert paths[:3] == ["", "spoed/", "overzicht/"]
    for day in range(1, 8):  # "nu open" on any day of the week
        assert f"overzicht/openingstijden/{day}.json" in paths
    assert "overzicht/filter.json" in paths
    assert any(p.startswith("assets/wegwijzer/css/wegwijzer.css?v=") for p in paths)
    assert all(offline._file(sample_site, p).is_file() for p in paths)
    worker = (sample_site / offline.WORKER).read_text(encoding="utf-8")
    assert json.dumps(paths, separators=(",", ":")) in worker
    assert '"en":["en/","en/spoed/","en/overzicht/"]' in worker


def test_the_precache_fits_the_budget(sample_site: Path) -> None:
    """What a phone downloads for it (gzip, as the benchmarks count); stored it is more."""
    paths = offline.precache(sample_site)
    sent = sum(len(gzip.compress(offline._file(sample_site, p).read_bytes(), 6)) for p in paths)
    assert sent <= BUDGET, f"{sent / 1024:.0f} KB"


def test_a_changed_page_gives_a_new_version(tmp_path: Path) -> None:
    for page in ("", "spoed/", "overzicht/"):
        (tmp_path / page).mkdir(parents=True, exist_ok=True)
        (tmp_path / page / "index.html").write_text(
            '<link rel="stylesheet" href="https://elders.example/x.css"><p>oud</p>'
        )
    (tmp_path / "overzicht" / "filter.json").write_text("{}")
    (tmp_path / offline.WORKER).write_text(offline.worker(tmp_path, []))
    before = _version(tmp_path)
    assert offline.precache(tmp_path) == ["", "spoed/", "overzicht/", "overzicht/filter.json"]
    (tmp_path / offline.WORKER).write_text(offline.worker(tmp_path, []))
    assert _version(tmp_path) == before  # the same build: the same cache
    (tmp_path / "spoed" / "index.html").write_text("<p>nieuw</p>")
    (tmp_path / offline.WORKER).write_text(offline.worker(tmp_path, []))
    assert _version(tmp_path) != before


def test_the_referrers_edition_caches_nothing(
    referrers_site: Path, referrers_opened: dict[str, str]
) -> None:
    for name in (offline.WORKER, offline.MANIFEST, offline.ICON):
        assert not (referrers_site / name).exists()
    pages = [text for name, text in referrers_opened.items() if name.endswith(".html")]
    assert pages
    assert not [text for text in pages if "offline.js" in text or 'rel="manifest"' in text]
