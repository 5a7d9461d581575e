"""The resident's way in (issue 27): a group page puts the group's own help first in every
mode (item 9); "near, walk-in, open now" is at most 5 taps from Start in Dutch, Arabic and
Turkish (item 10); a postcode we do not know still shows the help near it (item 7). Chromium
at 360 px, a weekday at 10:30 in Amsterdam."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import SAMPLE
from wegwijzer.records import hours_reference as hours
from wegwijzer.settings.config import load_site
from wegwijzer.tasks.validate import validate_site

PHONE = {"width": 360, "height": 740}
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
HOME = "3817"
SPECIALIST = "klankbord-ondernemers-voorbeeldstad"  # the entrepreneurs' 0800 line, no place
LANGUAGE_LINK = {"ar": "العربية", "tr": "Türkçe"}


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


@pytest.fixture(scope="module")
def dataset() -> Any:
    data, _ = validate_site(load_site(SAMPLE / "mkdocs.yml"))
    return data


@pytest.fixture
def phone(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    page.clock.set_fixed_time(TUESDAY_MORNING)
    yield page
    context.close()


def cards(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-ww-lijst] > li.ww-kaartje", "els => els.map(e => e.dataset.id)"
    )


def loaded(page: Page) -> None:
    page.wait_for_function("() => window.wegwijzerOverzicht && window.wegwijzerOverzicht.loaded")
    expect(page.locator("[data-ww-lijst] > li.ww-kaartje").first).to_be_visible()


def centre(postcode: str) -> tuple[float, float]:
    for line in (SAMPLE / "data" / "postcodes.csv").read_text().splitlines():
        if line.startswith(postcode + ","):
            _, _, lat, lon = line.split(",")
            return float(lat), float(lon)
    raise AssertionError(postcode)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat = math.radians(b[0] - a[0])
    dlon = math.radians(b[1] - a[1]) * math.cos(math.radians(a[0]))
    return 6371 * math.hypot(dlat, dlon)


# --- item 9: the group's specialist first ------------------------------------------------


def test_a_group_page_keeps_its_specialist_first_after_the_script(
    phone: Page, site_url: str
) -> None:
    phone.goto(site_url + "/doelgroep/ondernemers/")
    assert cards(phone)[0] == SPECIALIST, "the static page, as without JavaScript"
    phone.locator("[data-ww-meer]").tap()
    loaded(phone)
    expect(phone.locator("[data-ww-lijst] > li.ww-kaartje").nth(20)).to_be_attached()
    shown = cards(phone)
    assert shown[0] == SPECIALIST and len(shown) > 20, "the script's list, one page more"


def test_near_a_postcode_the_groups_own_help_stays_a_tier_above(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/overzicht/?doelgroep=ondernemers")
    loaded(phone)
    phone.fill("#ww-postcode", HOME)
    phone.locator("#ww-filters .ww-postcodevak button[type=submit]").tap()
    expect(phone.locator("[data-ww-aantal-tekst]")).to_contain_text(f"dichtst bij {HOME}")
    shown = phone.eval_on_selector_all(
        "[data-ww-lijst] > li.ww-kaartje", "els => els.map(e => [e.dataset.id, e.dataset.soort])"
    )
    assert shown[0][0] == SPECIALIST, "made for entrepreneurs: first, though it has no place"


# --- item 10: near, walk-in, open now in at most 5 taps ---------------------------------


@pytest.mark.parametrize("language", ["nl", "ar", "tr"])
def test_near_walk_in_open_now_is_at_most_five_taps_from_start(
    phone: Page, site_url: str, dataset: Any, language: str
) -> None:
    taps = 0

    def tap(selector: str) -> None:
        nonlocal taps
        phone.locator(selector).first.tap()
        taps += 1

    phone.goto(site_url + "/")
    if language != "nl":
        tap(f".ww-talen a[lang={language}]")
        phone.wait_for_url(f"{site_url}/{language}/")
        assert phone.locator(".ww-talen a[aria-current]").inner_text() == LANGUAGE_LINK[language]
    tap(".ww-postcodevak--start input[name=nu_binnen]")
    phone.fill("#ww-start-postcode", HOME)  # typing is not a tap
    tap(".ww-postcodevak--start button[type=submit]")
    phone.wait_for_function("() => (document.activeElement || {}).id === 'ww-resultaten-titel'")
    loaded(phone)
    assert taps <= 5 and taps == (2 if language == "nl" else 3)
    assert phone.is_checked("#ww-filters input[name=zonder_afspraak]")
    assert phone.is_checked("#ww-filters input[name=nu_open]")
    assert phone.evaluate("document.documentElement.lang") == language
    # every result walks in and is open now; the first is the nearest such place, in sight
    holidays = hours.dutch_holidays([2026])
    here = centre(HOME)
    open_walk_in = {
        i: km(here, (p.lat, p.lon))
        for i, loc in dataset.locaties.items()
        if loc.zonder_afspraak
        and hours.is_open_at(loc, TUESDAY_MORNING, holidays)
        and (p := dataset.points.get(i))
    }
    shown = cards(phone)
    places = [i for i in shown if i in dataset.locaties]
    assert places and all(i in open_walk_in for i in places)
    assert shown[0] == min(open_walk_in, key=lambda i: open_walk_in[i])
    first = phone.locator("[data-ww-lijst] > li.ww-kaartje").first
    expect(first.locator(".ww-nu-open")).to_be_visible()
    box = first.bounding_box()
    assert box is not None and box["y"] < PHONE["height"], "the first result without a swipe"


# --- item 7: a postcode we do not know -----------------------------------------------------


def test_an_unknown_postcode_shows_the_help_near_the_nearest_known_one(
    phone: Page, site_url: str, dataset: Any
) -> None:
    phone.goto(site_url + "/")
    phone.fill("#ww-start-postcode", "3825 XY")  # not in the table; 3822 is
    phone.locator(".ww-postcodevak--start button[type=submit]").tap()
    phone.wait_for_function("() => (document.activeElement || {}).id === 'ww-resultaten-titel'")
    count = phone.locator("[data-ww-aantal-tekst]")
    expect(count).to_contain_text("Postcode 3825 kennen we niet. U ziet de hulp bij postcode 3822")
    expect(count).to_contain_text("het dichtst bij 3822 bovenaan")
    assert phone.get_attribute("#ww-postcode", "aria-invalid") is None, "not an error: help"
    here = centre("3822")
    places = {i: km(here, (p.lat, p.lon)) for i, p in dataset.points.items()}
    first = cards(phone)[0]
    assert first in places and places[first] < 1.0, "a place near 3822 first"
    box = count.bounding_box()
    assert box is not None and 0 <= box["y"] < PHONE["height"], "the note is in sight"


def test_an_unknown_postcode_in_arabic_names_both_numbers_in_order(
    phone: Page, site_url: str
) -> None:
    phone.goto(site_url + "/ar/overzicht/")
    phone.fill("#ww-postcode", "3825")
    phone.locator("#ww-filters .ww-postcodevak button[type=submit]").tap()
    note = phone.locator("#ww-postcode-fout")
    expect(note).to_be_visible()
    assert note.locator("bdi[dir=ltr]").all_inner_texts() == ["3825", "3822"]
    assert "Postcode" not in note.inner_text(), "in Arabic, not Dutch"
    loaded(phone)


def test_a_postcode_far_from_any_we_know_still_asks_and_offers_the_number(
    phone: Page, site_url: str
) -> None:
    phone.goto(site_url + "/overzicht/")
    phone.fill("#ww-postcode", "9999 ZZ")
    phone.locator("#ww-filters .ww-postcodevak button[type=submit]").tap()
    error = phone.locator("#ww-postcode-fout")
    expect(error).to_contain_text("Deze postcode kennen we niet. Probeer een plaatsnaam of bel")
    expect(error.locator("a[href^='tel:']")).to_be_visible()
    assert cards(phone), "the list of all help stays below"
