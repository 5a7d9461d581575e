"""Spoed never promises a closed line (issue 27, item 1): at 360 px with fixed clocks, in
Dutch, Arabic and Turkish, the lines that answer now come before the closed loket, on Spoed
and in the help bar; without JavaScript every line shows its hours."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect

PHONE = {"width": 360, "height": 740}
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 30, tzinfo=AMSTERDAM)
SUNDAY_NIGHT = datetime(2026, 11, 29, 22, 45, tzinfo=AMSTERDAM)
SHOTS = Path("/work/briefs/shots-h27")
PREFIX = {"nl": "", "ar": "ar/", "tr": "tr/"}


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


def _phone(browser: Browser, site_url: str, moment: datetime, **options: Any) -> Page:
    context = browser.new_context(viewport=PHONE, **options)
    page = context.new_page()
    page.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    if options.get("java_script_enabled", True):
        page.clock.set_fixed_time(moment)
    return page


@pytest.fixture
def pages() -> Iterator[list[Page]]:
    opened: list[Page] = []
    yield opened
    for page in opened:
        page.context.close()


def _lines(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".ww-lijnen__lijst > li", "els => els.map(e => e.dataset.wwUren || 'gevaar')"
    )


def _top(page: Page, selector: str) -> float:
    box = page.locator(selector).bounding_box()
    assert box is not None, selector
    return box["y"]


@pytest.mark.parametrize("code", ["nl", "ar", "tr"])
def test_at_night_the_open_line_comes_before_the_closed_loket(
    browser: Browser, site_url: str, code: str, pages: list[Page]
) -> None:
    page = _phone(browser, site_url, SUNDAY_NIGHT)
    pages.append(page)
    page.goto(f"{site_url}/{PREFIX[code]}spoed/")
    status = page.locator("[data-ww-loket-status]")
    expect(status).to_be_visible()
    assert _lines(page) == ["ww-uren-1", "ww-uren-loket", "gevaar"]
    open_line = ".ww-lijnen__lijst > li[data-ww-uren='ww-uren-1']"
    loket = ".ww-lijnen__lijst > li[data-ww-uren='ww-uren-loket']"
    assert _top(page, open_line) < _top(page, loket)
    expect(page.locator(f"{open_line} .ww-lijn__uren")).to_be_visible()
    # the help bar: the line that answers now takes the closed loket's place
    bar_line = page.locator(".ww-hulpbalk__lijn")
    expect(bar_line).to_be_visible()
    expect(page.locator(".ww-hulpbalk__bel")).to_be_hidden()
    assert page.eval_on_selector(
        ".ww-hulpbalk__knoppen",
        "p => [...p.querySelectorAll('a:not([hidden])')].map(a => a.className)",
    ) == ["ww-hulpbalk__lijn", "ww-hulpbalk__spoed"]
    if code == "nl":
        expect(status).to_have_text(
            "Het loket is nu dicht. Opent morgen om 09:00. Bel bij spoed een nummer dat nu open is."
        )
        expect(page.locator(f"{loket} .ww-lijn__nu")).to_have_text(
            "Nu gesloten. Opent morgen om 09:00."
        )
        # day and night: the hours as written say it all, no second line saying the same
        expect(page.locator(f"{open_line} .ww-lijn__uren")).to_have_text(
            "Dag en nacht bereikbaar. (gratis)"
        )
        assert page.locator(f"{open_line} .ww-lijn__nu").count() == 0
        expect(page.locator(".ww-hulpbalk__nu")).to_have_text("Nu gesloten. Opent morgen om 09:00.")
    else:
        assert "Het loket" not in status.inner_text()
    if code in ("nl", "ar"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"spoed-{code}-zondag-2245.png"), full_page=True)


@pytest.mark.parametrize("code", ["nl", "ar", "tr"])
def test_on_a_weekday_morning_the_loket_comes_first_and_says_it_is_open(
    browser: Browser, site_url: str, code: str, pages: list[Page]
) -> None:
    page = _phone(browser, site_url, TUESDAY_MORNING)
    pages.append(page)
    page.goto(f"{site_url}/{PREFIX[code]}spoed/")
    expect(page.locator("[data-ww-loket-status]")).to_be_visible()
    assert _lines(page) == ["ww-uren-loket", "ww-uren-1", "gevaar"]
    expect(page.locator(".ww-hulpbalk__lijn")).to_be_hidden()
    expect(page.locator(".ww-hulpbalk__bel")).to_be_visible()
    if code == "nl":
        expect(page.locator("[data-ww-loket-status]")).to_have_text("Het loket is nu open.")
        expect(page.locator(".ww-hulpbalk__nu")).to_have_text("Nu open, tot 17:00.")


def test_without_javascript_every_line_shows_its_hours(
    browser: Browser, site_url: str, pages: list[Page]
) -> None:
    page = _phone(browser, site_url, SUNDAY_NIGHT, java_script_enabled=False)
    pages.append(page)
    page.goto(f"{site_url}/spoed/")
    hours = page.locator(".ww-lijn__uren")
    expect(hours.nth(0)).to_contain_text("maandag–vrijdag 09:00–17:00")
    expect(hours.nth(1)).to_contain_text("Dag en nacht bereikbaar.")
    expect(page.locator(".ww-lijn--gevaar")).to_contain_text("Bij gevaar: bel 112")
    expect(page.locator(".ww-lijn--gevaar a[href='tel:112']")).to_be_visible()
    expect(page.locator(".ww-hulpbalk__lijn")).to_be_hidden()


@pytest.mark.parametrize(
    ("moment", "says"),
    [
        (TUESDAY_MORNING, "Nu bereikbaar."),
        (SUNDAY_NIGHT, "Nu niet bereikbaar. Opent morgen om 09:00."),
    ],
)
def test_an_organisations_phone_says_whether_it_answers_now(
    browser: Browser, site_url: str, pages: list[Page], moment: datetime, says: str
) -> None:
    page = _phone(browser, site_url, moment)
    pages.append(page)
    page.goto(f"{site_url}/organisaties/bewindvoering-kooistra/")
    expect(page.locator("[data-ww-bereikbaar]")).to_have_text(says)
    page.goto(f"{site_url}/fase/traject/")
    card = page.locator("li.ww-kaartje[data-id='bewindvoering-kooistra']")
    expect(card.locator("[data-ww-bereikbaar]")).to_have_text(says)
    # the overview's cards, built by wegwijzer.js from the card data
    page.goto(f"{site_url}/overzicht/?fase=traject")
    page.wait_for_function("() => window.wegwijzerOverzicht && window.wegwijzerOverzicht.loaded")
    card = page.locator("[data-ww-lijst] li.ww-kaartje[data-id='bewindvoering-kooistra']")
    expect(card.locator(".ww-bereikbaar:not([data-ww-bereikbaar])")).to_have_text(says)


def test_without_javascript_an_organisations_phone_shows_its_hours(
    browser: Browser, site_url: str, pages: list[Page]
) -> None:
    page = _phone(browser, site_url, SUNDAY_NIGHT, java_script_enabled=False)
    pages.append(page)
    page.goto(f"{site_url}/organisaties/bewindvoering-kooistra/")
    expect(page.locator("[data-ww-bereikbaar]")).to_have_text("maandag–vrijdag 09:00–12:00")


@pytest.mark.parametrize("code", ["nl", "ar", "tr"])
def test_the_help_bar_keeps_its_height_when_the_script_says_open_now(
    browser: Browser, site_url: str, code: str, pages: list[Page]
) -> None:
    """At 360 px the loket's "Nu open, tot 17:00." wrapped the help bar's line after the page
    was drawn and pushed the whole page down (layout shift 0.35): the line has its place before
    the script fills it. By night the weekly hours stay beside "Nu gesloten", so the text keeps
    its height too (the line button that takes the loket's place at night still may not)."""
    path = f"{site_url}/{PREFIX[code]}"
    for moment, selector in (
        (TUESDAY_MORNING, ".ww-hulpbalk"),
        (SUNDAY_NIGHT, ".ww-hulpbalk__tekst"),
    ):
        drawn = _phone(browser, site_url, moment)  # as first drawn: before the script ran
        pages.append(drawn)
        drawn.route("**/openingstijden.js*", lambda route: route.abort())
        drawn.goto(path)
        before = drawn.locator(selector).bounding_box()
        page = _phone(browser, site_url, moment)
        pages.append(page)
        page.goto(path)
        expect(page.locator(".ww-hulpbalk__nu")).not_to_be_empty()
        after = page.locator(selector).bounding_box()
        assert before is not None and after is not None
        assert after["height"] == before["height"], (moment, before, after)
