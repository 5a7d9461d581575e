"""The pages at 360 px in real Chromium: the help bar is the same and in reach on every page,
the 404 helps at any depth, and residents' own words find help (issue 12)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_search_browser import type_query

PHONE = {"width": 360, "height": 740}
PAGES = [
    "/",
    "/overzicht/",
    "/fase/aanmelding/",
    "/doelgroep/jongeren/",
    "/organisaties/geldcafe-de-brug/",
    "/locaties/inloop-geldzaken-bibliotheek-centrum/",
    "/kaart/",
    "/afdrukken/",
    "/spoed/",
    "/toegankelijkheid/",
]


class _PagesLikeHandler(SimpleHTTPRequestHandler):
    """Like GitHub Pages: a missing path gets the site's own 404.html."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site, _PagesLikeHandler))


@pytest.fixture
def phone(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/Amsterdam")
    page = context.new_page()
    page.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    # A weekday morning: the loket is open (at night the bar offers an urgent line that
    # answers instead; tests/browser/test_urgent_lines_browser.py).
    page.clock.set_fixed_time(datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("Europe/Amsterdam")))
    yield page
    context.close()


def bar_state(page: Page) -> dict[str, Any]:
    return page.evaluate(
        """() => {
            const bar = document.querySelector('.ww-hulpbalk');
            const links = [...bar.querySelectorAll('a:not([hidden])')].map(a => {
                const r = a.getBoundingClientRect();
                return {text: a.textContent.trim(), href: a.getAttribute('href'),
                        top: r.top, bottom: r.bottom, width: r.width, height: r.height};
            });
            const r = bar.getBoundingClientRect();
            return {text: bar.innerText.replace(/\\s+/g, ' ').trim(), top: r.top,
                    bottom: r.bottom, links: links};
        }"""
    )


def test_the_help_bar_is_the_same_and_in_reach_on_every_page_at_360px(
    phone: Page, site_url: str
) -> None:
    seen = set()
    for path in PAGES:
        phone.goto(site_url + path)
        state = bar_state(phone)
        seen.add(state["text"])
        assert state["top"] < 80 and state["bottom"] < 200, path  # right under the header
        call, urgent = state["links"]
        assert call["href"] == "tel:14020" and call["text"] == "Bel 14 020", path
        assert urgent["text"] == "Spoed?", path
        for link in (call, urgent):
            assert link["height"] >= 44 and link["width"] >= 44, (path, link)
            assert link["bottom"] <= PHONE["height"], path
    assert seen == {
        "Hulp nodig? Schuldhulp Gemeente Voorbeeldstad (ma–vr 9.00–17.00, gratis) "
        "Nu open, tot 17:00. Bel 14 020 Spoed?"
    }


def test_spoed_is_one_tap_away_and_lists_numbers_to_call(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/locaties/geldloket-stadhuis/")
    phone.click(".ww-hulpbalk__spoed")
    phone.wait_for_url(site_url + "/spoed/")
    assert phone.inner_text("h1") == "Spoed? Bel meteen"
    calls = phone.locator(".ww-spoed a[href^='tel:']")
    assert calls.count() >= 2
    assert "uit uw huis" in phone.inner_text(".ww-spoed")


def test_a_missing_page_at_any_depth_is_dutch_and_leads_on(phone: Page, site_url: str) -> None:
    response = phone.goto(site_url + "/locaties/bestaat-niet/nog/dieper/")
    assert response is not None and response.status == 404
    assert phone.inner_text("h1") == "Deze pagina bestaat niet"
    assert phone.locator(".ww-hulpbalk a[href='tel:14020']").is_visible()
    assert phone.locator("link[href*='wegwijzer.css?v=']").count() == 1
    styled = phone.evaluate(
        "getComputedStyle(document.querySelector('.ww-hulpbalk')).display !== 'block' || "
        "getComputedStyle(document.querySelector('.ww-hulpbalk__inner')).display === 'flex'"
    )
    assert styled  # the stylesheet loaded from the deep address
    phone.click(".ww-niet-gevonden >> text=Alle hulp op een rij")
    phone.wait_for_url(site_url + "/overzicht/")
    assert phone.inner_text("h1") == "Overzicht van alle hulp"


def test_a_missing_arabic_page_speaks_arabic_right_to_left(phone: Page, site_url: str) -> None:
    """Issue 27: GitHub Pages serves the one 404.html for /ar/... too; it shows its Arabic block."""
    response = phone.goto(site_url + "/ar/bestaat-niet/")
    assert response is not None and response.status == 404
    block = phone.locator('.ww-niet-gevonden[data-ww-taal="ar"]')
    block.wait_for(state="visible")
    assert phone.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ar",
        "rtl",
    ]
    assert phone.locator('.ww-niet-gevonden[data-ww-taal="nl"]').is_hidden()
    assert block.get_attribute("dir") == "rtl"
    heading = block.locator("h1").inner_text()
    assert heading != "Deze pagina bestaat niet" and any("\u0600" <= c <= "\u06ff" for c in heading)
    assert "Pagina niet gevonden" not in phone.title()
    assert block.locator("a[href='tel:14020']").is_visible()
    assert block.locator("a[href='/ar/spoed/']").is_visible()
    phone.goto(site_url + "/bestaat-niet/")  # a Dutch address keeps the Dutch page
    assert phone.locator('.ww-niet-gevonden[data-ww-taal="nl"] h1').is_visible()
    assert phone.evaluate("document.documentElement.lang") == "nl"


def test_the_404_page_has_no_axe_violations(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/een/pagina/die/er/niet/is/")
    assert axe_violations(phone) == []
    phone.goto(site_url + "/spoed/")
    assert axe_violations(phone) == []


def search(page: Page, query: str) -> list[dict[str, str]]:
    if not page.evaluate("document.getElementById('__search').checked"):
        page.click("label.md-header__button[for='__search']")
    type_query(page, query)
    return page.eval_on_selector_all(
        "#ww-zoekresultaten a",
        "els => els.map(e => ({href: e.getAttribute('href'), text: e.innerText}))",
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("afsluiting", "spoed/"),
        ("huur achterstand", "fase/aanmelding/"),
        ("huurachterstand", "organisaties/schuldhulp-gemeente-voorbeeldstad/"),
        ("uithuiszetting", "spoed/"),
        ("deurwaarder", "spoed/"),
        ("brieven", "organisaties/formulierenbrigade-voorbeeldstad/"),
        ("toeslagen", "organisaties/formulierenbrigade-voorbeeldstad/"),
        ("schulden", "fase/aanmelding/"),
    ],
)
def test_everyday_words_find_help(phone: Page, site_url: str, query: str, expected: str) -> None:
    phone.goto(site_url + "/overzicht/")
    found = [r["href"] for r in search(phone, query)]
    assert any(h.endswith(expected) for h in found[:10]), found


def test_results_show_address_and_phone_and_an_empty_search_is_no_dead_end(
    phone: Page, site_url: str
) -> None:
    phone.goto(site_url + "/")
    results = search(phone, "geldloket")
    place = next(r for r in results if r["href"].endswith("locaties/geldloket-stadhuis/"))
    assert "Stadhuisplein 1" in place["text"] and "Bel 14 020" in place["text"]
    assert phone.locator("#ww-zoekhulp").is_hidden()
    assert search(phone, "qqqzzzxx") == []
    help_text = phone.locator("#ww-zoekhulp")
    assert help_text.is_visible()
    assert help_text.locator("a[href='tel:14020']").is_visible()
    assert help_text.locator("a[href$='overzicht/']").is_visible()
