"""Search: our index in pieces is fetched only once the reader types, and then only the pieces
a query needs; it finds residents' everyday words and never shows admin pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Request, Route

from wegwijzer.site.search import read_index


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


def type_query(page: Page, query: str) -> None:
    """Type a query and wait until the search has answered it."""
    page.fill("#ww-zoekvraag", query)
    page.wait_for_function(  # zoeken.js marks the form once it has shown this query's answer
        "q => document.getElementById('ww-zoeken').getAttribute('data-ww-zoek-klaar') === q",
        arg=query,
    )


def results(page: Page, query: str) -> list[str]:
    type_query(page, query)
    return page.eval_on_selector_all("#ww-zoekresultaten a", "els => els.map(e => e.href)")


def test_nothing_of_any_index_is_fetched_before_the_reader_searches(
    page: Page, site_url: str
) -> None:
    fetched: list[str] = []

    def seen(request: Request) -> None:
        fetched.append(request.url)

    page.on("request", seen)
    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in fetched if "search_index" in u or "/zoeken/" in u or "worker" in u]
    found = results(page, "schuld")
    assert [u for u in fetched if u.endswith("/index.json")] == [site_url + "/zoeken/index.json"]
    assert not [u for u in fetched if "search_index" in u]
    assert found


def test_a_query_fetches_only_the_word_files_and_blocks_it_needs(
    page: Page, site_url: str, sample_site: Path
) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + "/")
    assert results(page, "bewindvoering")  # no everyday words behind it: one word file
    ours = [u.removeprefix(site_url + "/zoeken/") for u in fetched if "/zoeken/" in u]
    assert ours[0] == "index.json"
    assert [u for u in ours if u.startswith("w/")] == ["w/be.json"]
    blocks = [u for u in ours if u.startswith("d/")]
    assert blocks == ["d/0.json"]  # the sample's pages fit in one block
    shards = len(list((sample_site / "zoeken" / "w").glob("*.json")))
    assert shards > 20  # so fetching one of them is the point
    fetched.clear()
    assert results(page, "bewindvoerder")  # same word file: already here, nothing fetched
    assert [u for u in fetched if "/zoeken/" in u] == []


def test_everyday_words_find_help_and_admin_pages_stay_out(page: Page, site_url: str) -> None:
    page.goto(site_url + "/organisaties/geldcafe-de-brug/")
    afsluiting = results(page, "afsluiting")
    assert any(u == site_url + "/" for u in afsluiting), afsluiting  # the urgent-help list
    huur = results(page, "huur achterstand")
    assert any("/organisaties/" in u or "/locaties/" in u for u in huur), huur
    assert results(page, "Buurdorp")
    for query in ("beheer", "GitHub", "nakijken"):
        assert not [u for u in results(page, query) if "/beheer/" in u], query
    assert results(page, "qqqzzz") == []
    assert "Niets gevonden" in page.inner_text("#ww-zoekstatus")
    assert page.locator("#ww-zoekhulp").is_visible()  # the loket's phone number instead


def test_the_index_is_compact_and_leaves_admin_pages_out(sample_site: Path) -> None:
    urls = [d[1] for d in read_index(sample_site)]
    assert any(u.startswith("organisaties/") for u in urls)
    assert not [u for u in urls if u.startswith(("beheer/", "flyers/", "overzicht"))]
    manifest = json.loads((sample_site / "zoeken" / "index.json").read_text(encoding="utf-8"))
    assert "afgesloten" in manifest["s"]["afsluiting"]


def test_result_links_follow_the_root_the_page_gives(page: Page, site_url: str) -> None:
    """A page in another language points data-ww-zoek-root at its own folder."""

    def in_english(route: Route) -> None:
        response = route.fetch()
        body = response.text().replace(
            'data-ww-zoek-root="../../"', 'data-ww-zoek-root="../../en/"'
        )
        route.fulfill(response=response, body=body)

    page.route("**/organisaties/geldcafe-de-brug/", in_english)
    page.goto(site_url + "/organisaties/geldcafe-de-brug/")
    found = results(page, "bewindvoering")
    assert found and all(u.startswith(site_url + "/en/") for u in found), found


def test_words_typed_before_the_script_ran_are_answered(page: Page, site_url: str) -> None:
    """On a slow phone, or a sealed guide page just opened, the reader may type before
    zoeken.js has run: the box's words are answered when it starts, not lost until the next
    key (this made the guide's search test fail now and then)."""
    page.route("**/zoeken.js*", lambda route: route.abort())
    page.goto(site_url + "/organisaties/geldcafe-de-brug/")
    source = page.locator("script[src*='zoeken.js']").get_attribute("src")
    assert source
    page.fill("#ww-zoekvraag", "afsluiting")
    page.unroute("**/zoeken.js*")
    page.add_script_tag(url=source)
    page.wait_for_selector("#ww-zoeken[data-ww-zoek-klaar='afsluiting']", state="attached")
    assert page.locator("#ww-zoekresultaten a").count() > 0
