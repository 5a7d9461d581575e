""" "Hulp dichtbij" puts help that is open or opens soon first (issue 27, item 6): a place
closed today for more than two weeks goes after the others, whatever its distance; a place
that opens again within two weeks keeps its place. Start's postcode box, 360 px, fixed clocks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CLOSED_TILL_JANUARY = "geldcafe-buurthuis-de-brug"  # the nearest to 3817
DE_PALM = "inloop-caribisch-netwerk-de-palm"  # next; closed 2027-07-01..2027-08-31


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 360, "height": 640})
    opened = context.new_page()
    opened.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    yield opened
    context.close()


def _nearby(page: Page, site_url: str, moment: datetime) -> list[str]:
    page.clock.set_fixed_time(moment)
    page.goto(f"{site_url}/")
    page.fill("#ww-start-postcode", "3817")
    page.click(".ww-postcodevak--start button[type=submit]")
    page.wait_for_function("() => window.wegwijzerOverzicht && window.wegwijzerOverzicht.loaded")
    page.wait_for_selector("[data-ww-lijst] li.ww-kaartje")
    return page.eval_on_selector_all(
        "[data-ww-lijst] li.ww-kaartje", "els => els.map(e => e.dataset.id)"
    )


def test_the_nearest_place_closed_until_late_january_goes_down(page: Page, site_url: str) -> None:
    # Geldcafé De Brug is the nearest to 3817 and closed from 1 October to 31 January
    order = _nearby(page, site_url, datetime(2026, 11, 24, 10, 30, tzinfo=AMSTERDAM))
    assert order[0] == DE_PALM
    assert CLOSED_TILL_JANUARY not in order[: order.index("aanmeldpunt-op-orde") + 1]


def test_a_place_opening_within_two_weeks_keeps_its_place(page: Page, site_url: str) -> None:
    # in August both are open again or nearly: the nearest first, De Palm (opens 1 September) next
    order = _nearby(page, site_url, datetime(2027, 8, 20, 10, 30, tzinfo=AMSTERDAM))
    assert order[:2] == [CLOSED_TILL_JANUARY, DE_PALM]


def test_a_place_closed_for_long_goes_after_the_rest_with_its_reason(
    page: Page, site_url: str
) -> None:
    order = _nearby(page, site_url, datetime(2027, 7, 5, 10, 30, tzinfo=AMSTERDAM))
    assert order[0] != DE_PALM
    if DE_PALM in order:  # shown at all: after every place that is open or opens soon
        assert order.index(DE_PALM) > order.index("informatiepunt-bibliotheek-centrum")
        card = page.locator(f"[data-ww-lijst] li.ww-kaartje[data-id='{DE_PALM}']")
        assert "Zomerstop" in card.inner_text()


@pytest.mark.parametrize(
    ("typed", "near"),
    [
        ("3817", "3817"),
        ("3817 ab voorbeeldstad", "3817"),
        (" 3817AB ", "3817"),
        ("VOORBEELDSTAD, ", "VOORBEELDSTAD,"),
        ("buurdrop", "Buurdorp"),  # one letter wrong
        ("9999 buurdorp", "buurdorp"),  # a postcode we do not know, with a place we do
    ],
)
def test_starts_postcode_box_forgives_input_and_lands_on_the_results(
    page: Page, site_url: str, typed: str, near: str
) -> None:
    page.clock.set_fixed_time(datetime(2026, 11, 24, 10, 30, tzinfo=AMSTERDAM))
    page.goto(f"{site_url}/")
    page.fill("#ww-start-postcode", typed)
    page.click(".ww-postcodevak--start button[type=submit]")
    heading = page.locator("#ww-resultaten-titel")
    page.wait_for_function("() => (document.activeElement || {}).id === 'ww-resultaten-titel'")
    assert f"het dichtst bij {near} bovenaan" in page.inner_text("#ww-resultaat")
    box = heading.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert box is not None and header is not None
    assert box["y"] >= header["y"] + header["height"]  # not under the fixed header
    first = page.locator("[data-ww-lijst] li.ww-kaartje").first.bounding_box()
    assert first is not None and first["y"] < 640  # the first result in sight, no swiping
