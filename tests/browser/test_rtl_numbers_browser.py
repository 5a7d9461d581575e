"""Phone numbers read in dialling order on every Arabic page type (issue 27, item 2).

Not the markup but what Chromium draws: for every visible `a[href^="tel:"]` the digits'
left-to-right positions on screen, line by line, must give the digits in the order of the
text. Without isolation an Arabic page draws "Bel 14 020" as "020 14"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Frame, Page, expect

PHONE = {"width": 360, "height": 740}
SUNDAY_NIGHT = datetime(2026, 11, 29, 22, 45, tzinfo=ZoneInfo("Europe/Amsterdam"))

# The digits of each visible tel: link: in text order, and where Chromium drew each one.
DIGITS = """() => [...document.querySelectorAll('a[href^="tel:"]')]
  .filter(a => a.getClientRects().length > 0)
  .map(a => {
    const chars = [];
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        if (!/[0-9]/.test(node.data[i])) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (box.width > 0) chars.push([node.data[i], box.top, box.left]);
      }
    }
    return {text: a.textContent.trim(), chars: chars};
  })"""


def dialling_order_errors(frame: Page | Frame) -> tuple[int, list[str]]:
    """(links checked, the texts whose digits are drawn out of order)."""
    links = frame.evaluate(DIGITS)
    wrong = []
    for link in links:
        written = "".join(c for c, _, _ in link["chars"])
        lines: list[list[tuple[float, str]]] = []
        last_top: float | None = None
        for c, top, left in sorted(link["chars"], key=lambda x: (x[1], x[2])):
            if last_top is None or top - last_top > 4:
                lines.append([])
            last_top = top
            lines[-1].append((left, c))
        drawn = "".join(c for line in lines for _, c in sorted(line))
        if drawn != written:
            wrong.append(f"{link['text']!r}: drawn {drawn}, written {written}")
    return len(links), wrong


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


@pytest.fixture
def phone(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    page.clock.set_fixed_time(SUNDAY_NIGHT)  # the help bar also shows the open urgent line
    yield page
    context.close()


PAGE_TYPES = [
    "",
    "spoed/",
    "overzicht/",
    "organisaties/bewindvoering-kooistra/",
    "locaties/aanmeldpunt-op-orde/",
    "doelgroep/jongeren/",
    "fase/aanmelding/",
    "afdrukken/",
    "flyers/aanmeldpunt-op-orde/",
    "talen/",
    "kaart/",
]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_arabic_phone_number_reads_in_dialling_order(
    phone: Page, site_url: str, path: str
) -> None:
    phone.goto(f"{site_url}/ar/{path}")
    expect(phone.locator("body")).to_have_attribute("dir", "rtl")
    checked, wrong = dialling_order_errors(phone)
    assert checked > 0, "the help bar at least has a number"
    assert not wrong, wrong


def test_script_built_cards_and_the_empty_state_read_in_dialling_order(
    phone: Page, site_url: str
) -> None:
    phone.goto(f"{site_url}/ar/overzicht/?postcode=3817")
    phone.wait_for_function("() => window.wegwijzerOverzicht && window.wegwijzerOverzicht.loaded")
    expect(phone.locator("[data-ww-lijst] > li.ww-kaartje a[href^='tel:']").first).to_be_visible()
    checked, wrong = dialling_order_errors(phone)
    assert checked > 3 and not wrong, wrong
    # nothing open on Sunday night for this choice: the empty state with the loket's number
    phone.goto(f"{site_url}/ar/overzicht/?fase=aanmelding&nu_open=1")
    phone.wait_for_function("() => window.wegwijzerOverzicht && window.wegwijzerOverzicht.loaded")
    expect(phone.locator("[data-ww-geen] a[href^='tel:']").first).to_be_visible()
    checked, wrong = dialling_order_errors(phone)
    assert not wrong, wrong


def test_a_map_popup_reads_in_dialling_order(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/ar/kaart/")
    phone.locator("iframe.ww-kaart").scroll_into_view_if_needed()
    # The frame loads lazily: wait for its own document, not for the first frame object
    # (on a busy machine that is still about:blank).
    phone.frame_locator("iframe.ww-kaart").locator(".leaflet-container").wait_for(timeout=30000)
    frame = phone.locator("iframe.ww-kaart").element_handle().content_frame()
    assert frame is not None and frame.url.endswith("kaart.html"), frame
    frame.wait_for_function(
        "() => window.wegwijzerKaart && window.wegwijzerKaart.cluster", timeout=30000
    )
    frame.evaluate(
        """() => {
            const {cluster} = window.wegwijzerKaart;
            const marker = cluster.getLayers().find(m => m.feature.properties.tel);
            cluster.zoomToShowLayer(marker, () => marker.openPopup());
        }"""
    )
    frame.locator(".wegwijzer-popup a[href^='tel:']").first.wait_for(timeout=20000)
    checked, wrong = dialling_order_errors(frame)
    assert checked > 0 and not wrong, wrong
