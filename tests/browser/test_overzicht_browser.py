"""The overview in Chromium: filters combine, the count is announced, the URL keeps the state,
"nu open" follows the clock, and "near me" sorts by distance without sending anything."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from tests.conftest import SAMPLE
from wegwijzer.records import hours_reference
from wegwijzer.records.loader import Dataset
from wegwijzer.settings.config import load_site
from wegwijzer.tasks.validate import validate_site

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    data, _ = validate_site(load_site(SAMPLE / "mkdocs.yml"), date(2026, 11, 22))
    return data


# The filter index has no names or ids: those come per block with the cards shown, so fetch
# the blocks of every match before naming them.
MATCHES = """async () => {
    const overview = window.wegwijzerOverzicht;
    await overview.source.details(overview.matches || []);
    return (overview.matches || []).map(
        c => (c.s === "l" ? "locatie:" : "organisatie:") + c.id);
}"""


def visible_cards(page: Page) -> set[str]:
    """Every card the filter matched: the first twenty are rendered, "Toon meer" adds more."""
    page.wait_for_function("() => window.wegwijzerOverzicht && window.wegwijzerOverzicht.loaded")
    return set(page.evaluate(MATCHES))


def static_cards(sample_site: Path, folder: str, value: str) -> set[str]:
    """The cards of a static list page and its next pages."""
    first = sample_site / folder / value / "index.html"
    found = set()
    for html in (first, *sorted((sample_site / folder / value).glob("*/index.html"))):
        cards = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select(
            "li.ww-kaartje"
        )
        found |= {f"{li['data-soort']}:{li['data-id']}" for li in cards}
    return found


def test_a_filter_shows_the_same_cards_as_the_static_page(
    page: Page, site_url: str, sample_site: Path
) -> None:
    page.goto(site_url + "/overzicht/")
    page.select_option("#ww-fase", "aanmelding")
    assert visible_cards(page) == static_cards(sample_site, "fase", "aanmelding")
    total = len(visible_cards(page))
    expect(page.locator("#ww-resultaat")).to_contain_text(f"{total} resultaten")
    expect(page.locator("[data-ww-lijst] > li")).to_have_count(min(total, 20))
    assert page.url.endswith("/overzicht/?fase=aanmelding")


def test_filters_combine_and_survive_a_shared_link(
    page: Page, site_url: str, sample_site: Path, dataset: Dataset
) -> None:
    page.goto(site_url + "/overzicht/?doelgroep=jongeren&zonder_afspraak=1")
    expect(page.locator("#ww-doelgroep")).to_have_value("jongeren")
    expect(page.locator("input[name=zonder_afspraak]")).to_be_checked()
    walk_in = {f"locatie:{loc.id}" for loc in dataset.locaties.values() if loc.zonder_afspraak}
    walk_in |= {
        f"organisatie:{o}"
        for loc in dataset.locaties.values()
        if loc.zonder_afspraak
        for o in loc.organisaties
    }
    expected = static_cards(sample_site, "doelgroep", "jongeren") & walk_in
    assert expected and visible_cards(page) == expected
    page.click("#ww-filters button[type=reset]")
    # The reset is handled after the click returns: wait for the list, do not race it.
    everything = len(dataset.organisaties) + len(dataset.locaties)
    expect(page.locator("#ww-resultaat")).to_contain_text(f"{everything} resultaten")
    assert page.url.endswith("/overzicht/")


def test_filters_work_with_the_keyboard_alone(page: Page, site_url: str) -> None:
    page.goto(site_url + "/overzicht/")
    page.focus("#ww-fase")
    page.keyboard.press("ArrowDown")  # Chromium changes a focused select with the arrow keys
    expect(page.locator("#ww-fase")).to_have_value("preventie")
    expect(page.locator("#ww-resultaat")).to_contain_text("resultaten")
    page.focus("input[name=nu_open]")
    page.keyboard.press("Space")
    expect(page.locator("input[name=nu_open]")).to_be_checked()


@pytest.mark.parametrize(
    "moment",
    [datetime(2026, 11, 24, 10, 0), datetime(2026, 11, 28, 11, 0), datetime(2026, 12, 25, 10, 0)],
    ids=["tuesday-morning", "saturday", "christmas"],
)
def test_nu_open_follows_the_clock(
    page: Page, site_url: str, dataset: Dataset, moment: datetime
) -> None:
    local = moment.replace(tzinfo=AMSTERDAM)
    page.clock.set_fixed_time(local)
    page.goto(site_url + "/overzicht/?nu_open=1")
    holidays = hours_reference.dutch_holidays([2026, 2027])
    open_now = {
        loc.id
        for loc in dataset.locaties.values()
        if hours_reference.is_open_at(loc, local, holidays)
    }
    shown = {c.split(":")[1] for c in visible_cards(page) if c.startswith("locatie:")}
    assert shown == open_now
    if moment.month == 12:
        assert shown == set(), "everything is closed on Christmas Day"


def test_near_me_sorts_by_distance_in_the_browser(
    browser: Browser, site_url: str, dataset: Dataset
) -> None:
    here = {"latitude": 52.1530, "longitude": 5.3880}
    context = browser.new_context(geolocation=here, permissions=["geolocation"])
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "/overzicht/#dichtbij")
    expect(page.locator("[data-ww-dichtbij]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#ww-resultaat")).to_contain_text("afstand")
    first = page.eval_on_selector("[data-ww-lijst] > li", "el => el.dataset.id")
    nearest = min(
        dataset.points,
        key=lambda i: (
            (dataset.points[i].lat - here["latitude"]) ** 2
            + ((dataset.points[i].lon - here["longitude"]) * 0.61) ** 2
        ),
    )
    assert first == nearest
    assert all(url.startswith(site_url) for url in requests), "the position is sent nowhere"
    context.close()


def test_toon_meer_adds_the_next_page_of_a_group_page(
    page: Page, site_url: str, sample_site: Path
) -> None:
    page.goto(site_url + "/doelgroep/jongeren/")
    listed = "[data-ww-lijst] > li"
    expect(page.locator(listed)).to_have_count(20)
    expect(page.locator(".ww-paginering")).to_be_visible()
    page.click("[data-ww-meer]")
    both = static_cards(sample_site, "doelgroep", "jongeren")
    expect(page.locator(listed)).to_have_count(min(40, len(both)))
    shown = page.eval_on_selector_all(
        listed, "els => els.map(e => e.dataset.soort + ':' + e.dataset.id)"
    )
    assert set(shown) <= both and len(shown) == len(set(shown))
    expect(page.locator(listed).nth(20).locator("h3 a")).to_be_focused()
    expect(page.locator(".ww-paginering")).to_be_hidden()
