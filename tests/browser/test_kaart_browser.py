"""The map in real Chromium: every location is there, keyboard works, hostile names stay text."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route

from tests.test_kaart import HOSTILE, dataset_of
from wegwijzer.settings.config import KaartSettings
from wegwijzer.site.map import render_map

ASSETS = Path(__file__).resolve().parents[2] / "src" / "wegwijzer" / "assets"
# A 1x1 transparent PNG: what every tile request gets instead of the network.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
NAMES = [*HOSTILE, "Inloop", "Inloop", *(f"Spreekuur {i}" for i in range(24))]
LOCATIONS = len(NAMES)

# Markers on screen plus the counts on the clusters: every location, once.
SHOWN = """() =>
    document.querySelectorAll(".leaflet-marker-icon[title]").length +
    [...document.querySelectorAll(".marker-cluster span")]
        .reduce((sum, span) => sum + Number(span.textContent), 0)"""


@pytest.fixture
def kaart_page(page: Page, serve: Any, tmp_path: Path) -> dict[str, Any]:
    """The map served from a site-like folder; outside requests answered with a PNG."""
    kaart = KaartSettings()
    (tmp_path / "kaart").mkdir()
    (tmp_path / "kaart" / "kaart.html").write_text(render_map(dataset_of(NAMES), kaart))
    shutil.copytree(ASSETS, tmp_path / "assets" / "wegwijzer")
    seen: dict[str, Any] = {"hosts": set(), "errors": []}

    def answer(route: Route) -> None:
        host = urlsplit(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
        else:
            seen["hosts"].add(host)
            route.fulfill(status=200, content_type="image/png", body=PNG)

    page.route("**/*", answer)
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.goto(serve(tmp_path) + "/kaart/kaart.html")
    page.wait_for_function("window.wegwijzerKaart !== undefined")
    # Clusters settle after they are drawn; wait for that, not for a fixed time.
    page.wait_for_function(f"n => ({SHOWN})() === n", arg=LOCATIONS, timeout=5000)
    seen["tile_host"] = urlsplit(kaart.tegels).hostname
    return seen


def test_the_map_shows_every_location_and_nothing_runs(page: Page, kaart_page: Any) -> None:
    assert page.evaluate(SHOWN) == LOCATIONS
    fits = "({map, cluster}) => map.getBounds().contains(cluster.getBounds())"
    assert page.evaluate(f"({fits})(window.wegwijzerKaart)"), "the first view shows them all"
    assert page.evaluate("window.wegwijzerKaart.cluster.getLayers().length") == LOCATIONS
    titles = page.evaluate("window.wegwijzerKaart.cluster.getLayers().map(m => m.options.title)")
    assert len(set(titles)) == LOCATIONS, "every marker needs its own accessible name"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert kaart_page["errors"] == []
    assert kaart_page["hosts"] == {kaart_page["tile_host"]}, "only tiles come from outside"
    assert page.get_attribute(".leaflet-control-zoom-in", "title") == "Inzoomen"


def test_keyboard_opens_a_popup_with_the_name_as_text(page: Page, kaart_page: Any) -> None:
    name = HOSTILE[-1]
    page.evaluate(
        """name => {
            const {map, cluster} = window.wegwijzerKaart;
            const marker = cluster.getLayers().find(m => m.feature.properties.naam === name);
            map.setView(marker.getLatLng(), map.getMaxZoom() - 2, {animate: false});
        }""",
        name,
    )
    # At street level the marker stands alone, out of its cluster.
    page.wait_for_function(
        "name => [...document.querySelectorAll('.leaflet-marker-icon')]"
        ".some(icon => icon.title === name)",
        arg=name,
        timeout=3000,
    )
    for _ in range(LOCATIONS + 10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.title") == name:
            break
    else:
        pytest.fail("no marker with this name could be reached with Tab")
    assert page.evaluate("document.activeElement.getAttribute('role')") == "button"
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=2000)
    link = popup.locator(".wegwijzer-naam a")
    assert link.text_content() == name
    assert link.get_attribute("href") == f"../locaties/loc-{NAMES.index(name)}/"
    assert link.get_attribute("target") == "_top"
    assert "Helpers & Co" in (popup.text_content() or "")
    assert popup.locator("script, img, b").count() == 0
    assert page.get_attribute(".leaflet-popup-close-button", "aria-label") == "Sluiten"
    assert page.evaluate("document.activeElement.textContent") == name, "focus is on the link"
    page.keyboard.press("Escape")
    popup.wait_for(state="detached", timeout=2000)
    assert page.evaluate("document.activeElement.title") == name, "focus is back on the marker"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert kaart_page["errors"] == []


@pytest.fixture(scope="module")
def big_map(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """300 synthetic locations all over the country: too many to carry in the document."""
    from benchmarks.synthetic import make_site

    from wegwijzer.settings.config import load_site
    from wegwijzer.site.map import map_files
    from wegwijzer.tasks.validate import validate_site

    root = tmp_path_factory.mktemp("grote-kaart")
    site = load_site(make_site(root / "bron", 300))
    dataset, _ = validate_site(site)
    files = map_files(dataset, site.config.kaart, feestdagen={})
    assert len(files) > 2, "300 locations are split into cells"
    for path, content in files.items():
        (root / "site" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "site" / path).write_bytes(content)
    shutil.copytree(ASSETS, root / "site" / "assets" / "wegwijzer")
    return root / "site", dataset


def test_a_big_map_starts_with_counts_and_fetches_a_cell_when_zoomed_in(
    page: Page, serve: Any, big_map: tuple[Path, Any]
) -> None:
    folder, dataset = big_map
    fetched: list[str] = []
    errors: list[str] = []

    def answer(route: Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            fetched.append(urlsplit(route.request.url).path)
            route.continue_()
        else:
            route.fulfill(status=200, content_type="image/png", body=PNG)

    page.route("**/*", answer)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(serve(folder) + "/kaart/kaart.html")
    page.wait_for_function("window.wegwijzerKaart !== undefined")
    total = len(dataset.points)
    page.wait_for_function(f"n => ({SHOWN})() === n", arg=total, timeout=5000)
    assert not [p for p in fetched if "/vakken/" in p], "the first view fetches no location"
    assert page.evaluate("document.getElementsByTagName('*').length") < 400
    # zoom in on one location: its cell arrives, its marker has its name and a popup
    location = next(iter(sorted(dataset.points)))
    point = dataset.points[location]
    name = dataset.locaties[location].naam
    page.evaluate(f"window.wegwijzerKaart.goTo({point.lat}, {point.lon}, 'Hier')")
    page.wait_for_function(
        "name => window.wegwijzerKaart.features.some(f => f.properties.naam === name)",
        arg=name,
        timeout=5000,
    )
    assert [p for p in fetched if "/vakken/" in p]
    # the cell's count made way for its locations: still every location once
    weight = "cluster.getLayers().reduce((s, m) => s + (m.options.wwCount || 1), 0)"
    assert page.evaluate(f"(({{cluster}}) => {weight})(window.wegwijzerKaart)") == total
    page.evaluate(
        """name => {
            const {map, cluster} = window.wegwijzerKaart;
            const marker = cluster.getLayers().find(
                m => m.feature && m.feature.properties.naam === name);
            map.setView(marker.getLatLng(), map.getMaxZoom(), {animate: false});
            cluster.zoomToShowLayer(marker, () => marker.openPopup());
        }""",
        name,
    )
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=3000)
    assert popup.locator(".wegwijzer-naam a").first.text_content() == name
    assert popup.locator("a", has_text="Route").count() == 1
    assert errors == []
