"""Help with a waiting list, or that takes no new clients, on the cards the script builds
(issue 26): the card says so as the built card does, and the script's own order puts such
help after the help of its kind that can start now, also where a target group would lift it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from tests.conftest import build_site

ECHT2 = Path(__file__).parent.parent / "fixtures" / "echt2"
WAITING = "bewind-altena"  # wachtlijst: true, for everyone
FULL = "schuldmaatje-altena"  # wachtlijst: vol, for young people


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(ECHT2 / "mkdocs.yml", tmp_path_factory.mktemp("echt2-wachtlijst"))


@pytest.fixture(scope="module")
def site_url(site: Path, serve: Any) -> str:
    return str(serve(site))


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 360, "height": 640})
    opened = context.new_page()
    opened.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    yield opened
    context.close()


CARDS = """els => els.map(e => [e.dataset.soort, e.dataset.id,
    Array.from(e.querySelectorAll('.ww-label--wachtlijst')).map(l => l.textContent)])"""


def test_script_built_cards_say_the_waiting_list_and_sort_it_last(
    page: Page, site_url: str, site: Path
) -> None:
    page.goto(site_url + "/overzicht/?doelgroep=jongeren")
    page.wait_for_function("() => window.wegwijzerOverzicht && window.wegwijzerOverzicht.loaded")
    page.wait_for_function(
        "() => document.querySelector('[data-ww-lijst] li.ww-kaartje .ww-label--wachtlijst')"
    )
    cards = page.eval_on_selector_all("[data-ww-lijst] li.ww-kaartje", CARDS)
    organisations = [(card_id, labels) for kind, card_id, labels in cards if kind == "organisatie"]
    # The young people's own help would come first among the organisations; it cannot start.
    assert [card_id for card_id, _ in organisations[-2:]] == [FULL, WAITING]
    assert dict(organisations)[FULL] == ["Neemt nu geen nieuwe cliënten aan."]
    assert dict(organisations)[WAITING] == ["Er is een wachtlijst."]
    assert all(not labels for _, labels in organisations[:-2])
    places = [card_id for kind, card_id, _ in cards if kind == "locatie"]
    # Only the waiting list helps there: after the places that can help now (places closed
    # for long still come last, issue 27).
    available = {"bibliotheek-werkendam", "heelo-vivaldi", "kerk-woudrichem"}
    assert available < set(places)
    assert all(places.index(p) < places.index("spreekuur-andel") for p in available)
    # The card the build wrote says the same.
    built = BeautifulSoup((site / "overzicht" / "index.html").read_text(), "html.parser")
    label = built.select_one(f"li[data-id='{FULL}'] .ww-label--wachtlijst")
    assert label.get_text(strip=True) == "Neemt nu geen nieuwe cliënten aan."
