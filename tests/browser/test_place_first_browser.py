"""On a place's own page the place's call button and its "nu open" line come first (issue 27,
item 8): at 360x640 with a fixed clock, in Dutch, Arabic and Turkish, both are inside the first
viewport and above the notes, the address and the rest of the record. The site-wide help bar
stays where it is, above the page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect

PHONE = {"width": 360, "height": 640}
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
SHOTS = Path("/work/briefs/shots-h27b")
PREFIX = {"nl": "", "ar": "ar/", "tr": "tr/"}
# a place with a phone of its own, one reached through its organisation's phone, and one
# whose organisation is temporarily closed (its closure note must not push the phone down)
PLACES = [
    "geldfit-jong-the-spot",
    "inloop-geldzaken-bibliotheek-centrum",
    "geldcafe-buurthuis-de-brug",
]
# what comes after the open-now line and the call button
LATER = (".ww-melding", ".ww-wachtlijst", ".ww-voorbeeld", "#ww-adres-titel", "#openingstijden")


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE)
    opened = context.new_page()
    opened.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    opened.clock.set_fixed_time(TUESDAY_MORNING)
    yield opened
    context.close()


def _box(page: Page, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return dict(box)


@pytest.mark.parametrize("code", ["nl", "ar", "tr"])
@pytest.mark.parametrize("place", PLACES)
def test_the_places_call_button_and_open_line_are_in_the_first_viewport(
    page: Page, site_url: str, code: str, place: str
) -> None:
    page.goto(f"{site_url}/{PREFIX[code]}locaties/{place}/")
    call = "article a.ww-bel[href^='tel:']"
    now_open = "article .ww-nu-open"
    expect(page.locator(call).first).to_be_visible()
    expect(page.locator(now_open)).not_to_be_empty()
    assert page.evaluate("() => window.scrollY") == 0
    for selector in (call, now_open):
        box = _box(page, selector)
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (selector, box)
    # first of the record: right under the name, before every note, the address and the hours
    title = _box(page, "article h1")
    for later in LATER:
        if page.locator(f"article {later}").count():
            assert _box(page, call)["y"] < _box(page, f"article {later}")["y"], later
            assert _box(page, now_open)["y"] < _box(page, f"article {later}")["y"], later
    assert title["y"] < _box(page, now_open)["y"] < _box(page, call)["y"]
    # the help bar stays above the page, as on every page
    assert _box(page, ".ww-hulpbalk")["y"] < title["y"]
    if code == "nl" and place == "inloop-geldzaken-bibliotheek-centrum":
        expect(page.locator(now_open)).to_contain_text("Nu open")
    if code in ("nl", "ar") and place != "geldfit-jong-the-spot":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"locatie-{place}-{code}-360.png"))


@pytest.mark.parametrize("code", ["nl", "ar"])
def test_an_organisations_call_button_is_in_the_first_viewport(
    page: Page, site_url: str, code: str
) -> None:
    # the longest head of the sample: temporarily closed, with a notice, two lines of name
    page.goto(f"{site_url}/{PREFIX[code]}organisaties/geldcafe-de-brug/")
    call = "article a.ww-bel[href^='tel:']"
    expect(page.locator(call)).to_be_visible()
    box = _box(page, call)
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert _box(page, call)["y"] < _box(page, "article .ww-voorbeeld")["y"]
