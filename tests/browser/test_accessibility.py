"""WCAG 2.1 AA in real Chromium: axe-core on every page type at 320 and 1280 px wide, plus the
checks axe cannot do alone: keyboard reach, visible focus, no sideways scrolling."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.conftest import SAMPLE

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"telefoon": (320, 640), "computer": (1280, 800)}
AXE = Axe()


def page_paths() -> list[str]:
    """One of every page type, and every static filter page."""
    paths = [
        "/",
        "/overzicht/",
        "/overzicht/?fase=traject&zonder_afspraak=1",
        "/overzicht/2/",
        "/overzicht/#postcode=3817",
        "/overzicht/?fase=nazorg&taal=so&zonder_afspraak=1",  # nothing matches: the dead end
        "/kaart/",
        "/kaart/kaart.html",
        "/organisaties/schuldhulpmaatje-voorbeeldstad/",
        "/organisaties/geldcafe-de-brug/",
        "/locaties/inloop-geldzaken-bibliotheek-centrum/",
        "/locaties/kantoor-bewindvoering-kooistra/",
        "/search.html?q=schuld",
        "/spoed/",
        "/toegankelijkheid/",
        "/afdrukken/",
        "/flyers/inloop-geldzaken-bibliotheek-centrum/",
        "/aanbod/",
        "/open-data/",
        "/veranderd/",
        "/404.html",
    ]
    return paths + [f"/fase/{f}/" for f in ("preventie", "aanmelding", "traject", "nazorg")]


def doelgroep_paths(sample_site: Path) -> list[str]:
    return sorted(f"/doelgroep/{p.name}/" for p in (sample_site / "doelgroep").iterdir())


def axe_violations(page: Page) -> list[str]:
    result = AXE.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    return [
        f"{v['id']}: {node['target']} {node.get('failureSummary', '')}"
        for v in result.response["violations"]
        for node in v["nodes"]
    ]


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


@pytest.fixture(scope="module", params=list(VIEWPORTS), ids=list(VIEWPORTS))
def sized_page(request: pytest.FixtureRequest, browser: Browser, site_url: str) -> Any:
    width, height = VIEWPORTS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    yield page
    context.close()


def test_every_page_type_has_no_axe_violations(
    sized_page: Page, site_url: str, sample_site: Path
) -> None:
    failures = {}
    for path in page_paths() + doelgroep_paths(sample_site):
        sized_page.goto(site_url + path)
        sized_page.wait_for_load_state("load")
        if path.startswith("/overzicht/") and ("?" in path or "#" in path):
            # the cards are drawn from overzicht/filter.json and blocks: check them, not the page
            sized_page.wait_for_function("() => window.wegwijzerOverzicht.loaded === true")
        found = axe_violations(sized_page)
        if found:
            failures[path] = found
    assert failures == {}


def test_nothing_scrolls_sideways(sized_page: Page, site_url: str) -> None:
    wide = []
    for path in page_paths():
        sized_page.goto(site_url + path)
        overflow = sized_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide.append((path, overflow))
    assert wide == []


def test_the_contact_card_is_above_the_fold_on_a_phone(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    # A weekday morning: when the loket is closed the help bar carries the urgent line that
    # answers instead (test_urgent_lines_browser.py), and the page's first number moves down.
    page.clock.set_fixed_time(datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("Europe/Amsterdam")))
    for path in ("/organisaties/schuldhulpmaatje-voorbeeldstad/", "/"):
        page.goto(site_url + path)
        box = page.locator("article a[href^='tel:']").first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 640, path
    context.close()


def test_every_filter_is_reachable_by_tab_with_visible_focus(page: Page, site_url: str) -> None:
    page.goto(site_url + "/overzicht/")
    wanted = {"ww-fase", "ww-doelgroep", "ww-rol", "ww-taal", "zonder_afspraak", "nu_open"}
    reached: set[str] = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
                const el = document.activeElement;
                const style = getComputedStyle(el);
                return {key: el.id || el.name || '', outline: style.outlineStyle,
                        width: parseFloat(style.outlineWidth), shadow: style.boxShadow};
            }"""
        )
        if info["key"] in wanted:
            assert info["outline"] != "none" and info["width"] >= 2, info
            reached.add(info["key"])
        if reached == wanted:
            break
    assert reached == wanted


def test_every_map_marker_is_a_named_keyboard_button(page: Page, site_url: str) -> None:
    page.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    page.goto(site_url + "/kaart/kaart.html")
    page.wait_for_function("window.wegwijzerKaart !== undefined")
    names = page.evaluate(
        """() => {
            const names = [];
            window.wegwijzerKaart.cluster.eachLayer(m => names.push(m.options.title));
            return names;
        }"""
    )
    assert len(names) == len(set(names)) == len(list((SAMPLE / "data" / "locaties").glob("*.yml")))
    markers = page.locator(".leaflet-marker-icon[title]")
    for i in range(markers.count()):
        marker = markers.nth(i)
        assert marker.get_attribute("tabindex") == "0"
        assert marker.get_attribute("role") == "button"
        assert marker.get_attribute("alt") == marker.get_attribute("title")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.leaflet-marker-icon[title]')"):
            break
    else:
        pytest.fail("no marker reached with Tab")
    page.keyboard.press("Enter")
    assert page.locator(".leaflet-popup").is_visible()


def test_a_broken_page_fails_the_check(page: Page, serve: Any, tmp_path: Path) -> None:
    """The suite can fail: an image without alt text is reported."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nl"><title>Kapot</title><main><h1>Kapot</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10"></main>'
    )
    page.goto(serve(tmp_path) + "/index.html")
    assert any(v.startswith("image-alt:") for v in axe_violations(page))
