"""A missing page under /ar/ or /tr/ speaks that language all round (issue 27, item 5): not
only its own text but the header, the help bar, the menu and the footer, with the page's
lang and dir, as the translated start page does. GitHub Pages serves the one 404.html for
every missing address; 360 px, a weekday morning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_pages_browser import _PagesLikeHandler

# Dutch interface words of the chrome: none may be left on a translated 404.
DUTCH_CHROME = [
    "Hulp nodig?",
    "Spoed?",
    "Zoek hulp",
    "Alle hulp",
    "Om te printen",
    "Klopt er iets niet?",
    "Toegankelijkheid",
    "Talen en vertalingen",
]

CHROME = """() => {
    const text = sel => {
        const el = document.querySelector(sel);
        return el ? el.textContent.replace(/\\s+/g, ' ').trim() : null;
    };
    const links = sel => [...document.querySelectorAll(sel + ' a:not([hidden])')]
        .map(a => [a.textContent.replace(/\\s+/g, ' ').trim(), a.href]);
    const search = document.querySelector('#ww-zoekvraag');
    return {
        lang: document.documentElement.lang,
        dir: document.documentElement.dir || document.body.dir,
        bodyDir: getComputedStyle(document.body).direction,
        bar: text('.ww-hulpbalk'),
        barLinks: links('.ww-hulpbalk'),
        nav: links('nav.md-nav--primary .md-nav__list'),
        footer: links('footer.md-footer .ww-voet'),
        footerLabel: document.querySelector('.ww-voet').getAttribute('aria-label'),
        placeholder: search ? search.placeholder : null,
        header: document.querySelector('.md-header__inner').getAttribute('aria-label'),
    };
}"""


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site, _PagesLikeHandler))


@pytest.fixture
def phone(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, timezone_id="Europe/Amsterdam"
    )
    page = context.new_page()
    page.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    page.clock.set_fixed_time(datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("Europe/Amsterdam")))
    yield page
    context.close()


def _chrome(page: Page) -> dict[str, Any]:
    # the help bar's "open now" line comes from openingstijden.js: wait until it said it
    page.wait_for_function("() => !!document.querySelector('.ww-hulpbalk__nu').textContent")
    return dict(page.evaluate(CHROME))


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("tr", "ltr")])
def test_a_missing_page_has_its_languages_header_help_bar_menu_and_footer(
    phone: Page, site_url: str, code: str, direction: str
) -> None:
    phone.goto(f"{site_url}/{code}/")
    start = _chrome(phone)
    response = phone.goto(f"{site_url}/{code}/bestaat/niet/")
    assert response is not None and response.status == 404
    missing = _chrome(phone)
    assert missing["lang"] == code and missing["dir"] == direction
    assert missing["bodyDir"] == direction, "Material's <body dir> follows"
    # the same words and the same targets as the language's own pages
    for part in ("bar", "barLinks", "nav", "footerLabel", "placeholder", "header"):
        assert missing[part] == start[part], part
    assert [text for text, _ in missing["footer"]] == [text for text, _ in start["footer"]]
    assert any(href.endswith(f"/{code}/spoed/") for _, href in missing["barLinks"])
    shown = " ".join(
        str(missing[k]) for k in ("bar", "barLinks", "nav", "footer", "placeholder", "footerLabel")
    )
    for word in DUTCH_CHROME:
        assert word not in shown, word
    block = phone.locator(f'.ww-niet-gevonden[data-ww-taal="{code}"]')
    assert block.is_visible() and phone.locator('.ww-niet-gevonden[data-ww-taal="nl"]').is_hidden()
    assert axe_violations(phone) == []


def test_a_dutch_missing_page_keeps_the_dutch_chrome(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/bestaat/niet/")
    chrome = _chrome(phone)
    assert chrome["lang"] == "nl" and "Hulp nodig?" in chrome["bar"]
    assert [text for text, _ in chrome["nav"]][:2] == ["Hulp bij geldzorgen", "Alle hulp"]
