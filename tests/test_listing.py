"""Short lists: twenty cards a page, places first, the compact card data, "voor iedereen"."""

from __future__ import annotations

import json
from datetime import date

from bs4 import BeautifulSoup

from tests.conftest import SAMPLE
from wegwijzer.settings.config import load_site
from wegwijzer.site import listing
from wegwijzer.site.cards import all_cards
from wegwijzer.site.pages import render_site
from wegwijzer.tasks.validate import validate_site


def sample() -> tuple:  # type: ignore[type-arg]
    site = load_site(SAMPLE / "mkdocs.yml")
    dataset, _ = validate_site(site, date(2026, 11, 22))
    return site, dataset


def test_pages_hold_twenty_cards_and_know_their_neighbours() -> None:
    _, dataset = sample()
    orgs, locs = all_cards(dataset)
    cards = listing.places_first(orgs, locs)
    pages = listing.paginate("overzicht", cards)
    assert [len(p.cards) for p in pages] == [20, 20, len(cards) - 40]
    assert [p.path for p in pages] == ["overzicht.md", "overzicht/2.md", "overzicht/3.md"]
    assert pages[1].url(1) == "overzicht/" and pages[1].url(3) == "overzicht/3/"
    assert pages[0].cards[0].kind == "locatie" and pages[-1].cards[-1].kind == "organisatie"


def test_five_hundred_pages_link_only_the_nearby_ones() -> None:
    _, dataset = sample()
    card = all_cards(dataset)[1][0]
    pages = listing.paginate("overzicht", [card] * 10_000)
    assert len(pages) == 500
    assert pages[249].nearby() == [1, None, 248, 249, 250, 251, 252, None, 500]
    assert pages[0].nearby() == [1, 2, 3, None, 500]


def test_group_pages_stop_and_point_to_the_overview() -> None:
    _, dataset = sample()
    card = all_cards(dataset)[1][0]
    pages = listing.paginate("doelgroep/jongeren", [card] * 500, listing.GROUP_PAGES)
    assert len(pages) == listing.GROUP_PAGES
    assert pages[-1].truncated and not pages[0].truncated
    assert pages[-1].nearby()[-1] == listing.GROUP_PAGES
    assert not listing.paginate("overzicht", [card] * 500)[-1].truncated


def test_an_empty_list_still_has_its_page() -> None:
    pages = listing.paginate("fase/nazorg", [])
    assert len(pages) == 1 and pages[0].cards == []


def test_card_data_has_short_keys_and_a_tel_link() -> None:
    _, dataset = sample()
    card = next(c for c in all_cards(dataset)[1] if c.telefoon)
    data = listing.card_data(card)
    assert data["s"] == "l" and data["u"] == f"locaties/{card.id}/"
    assert data["b"].startswith("tel:+31")
    short = {"s", "id", "n", "u", "t", "f", "d", "r", "l", "z", "o", "p", "h", "b", "bt", "tl"}
    assert set(data) <= short | {"st", "m"}


def _page(site_pages: list, path: str) -> BeautifulSoup:  # type: ignore[type-arg]
    text = next(p.text for p in site_pages if p.path == path)
    return BeautifulSoup(text, "html.parser")


def test_the_public_overview_fetches_its_data_and_the_referrers_carry_it() -> None:
    site, dataset = sample()
    public = render_site(dataset, site.config, date(2026, 11, 22))
    first = _page(public.pages, "overzicht.md")
    assert len(first.select("li.ww-kaartje")) == 20
    assert first.select_one("#ww-kaartjes") is None
    files = {f.path: f for f in public.files}
    index = json.loads(files[listing.FILTER_JSON].read())
    assert len(index["k"]) == len(dataset.organisaties) + len(dataset.locaties)
    details = [json.loads(f.read())["c"] for p, f in files.items() if "/kaartjes/" in p]
    assert sum(len(block) for block in details) == len(index["k"])
    opening = json.loads(first.select_one("#ww-openingstijden").string)
    shown = {li["data-id"] for li in first.select("li.ww-kaartje--locatie")}
    assert set(opening["locaties"]) == shown, "each page carries only its own cards' hours"
    config = site.config.model_copy(update={"editie": "verwijzers"})
    referrers = render_site(dataset, config, date(2026, 11, 22))
    inline = _page(referrers.pages, "overzicht.md").select_one("#ww-kaartjes")
    assert inline is not None and len(json.loads(inline.string)["c"]) > 20


def test_a_target_group_keeps_the_help_for_everyone_after_its_own() -> None:
    site, dataset = sample()
    pages = render_site(dataset, site.config, date(2026, 11, 22)).pages
    ids = [
        li["data-id"]
        for path in ("doelgroep/jongeren.md", "doelgroep/jongeren/2.md")
        for li in _page(pages, path).select("li.ww-kaartje--organisatie")
    ]
    own = [i for i in ids if "jongeren" in dataset.organisaties[i].doelgroepen]
    assert "schuldhulp-gemeente-voorbeeldstad" in ids
    assert ids[: len(own)] == own, "the group's own organisations first"


def test_a_group_page_puts_the_help_made_for_the_group_first() -> None:
    # Issue 27, item 9: the entrepreneurs' 0800 line (an organisation without a place) was
    # card 20 of 20, behind every general walk-in place. Now: made for the group alone
    # first, then what names the group among everyone, then the rest; places first in each.
    site, dataset = sample()
    pages = render_site(dataset, site.config, date(2026, 11, 22)).pages
    page = _page(pages, "doelgroep/ondernemers.md")
    ids = [li["data-id"] for li in page.select("li.ww-kaartje")]
    assert ids[0] == "klankbord-ondernemers-voorbeeldstad"
    groups = [li["data-doelgroepen"].split() for li in page.select("li.ww-kaartje")]
    tiers = [0 if "iedereen" not in g else 1 if "ondernemers" in g else 2 for g in groups]
    assert tiers == sorted(tiers), "specialists, then the group among everyone, then the rest"
    assert 1 in tiers and 2 in tiers, "general help stays on the page"
    count = page.select_one("[data-ww-aantal-tekst]")
    assert count is not None and "Plekken om binnen te lopen staan bovenaan" not in count.text
    ouderen = _page(pages, "doelgroep/ouderen.md").select("li.ww-kaartje")
    assert [li["data-id"] for li in ouderen[:2]] == [
        "spreekuur-birlik",  # Birlik's place, then Birlik: for older people, not for everyone
        "turks-nederlandse-vereniging-birlik",
    ]
