"""Search: our compact index is fetched only once the reader types, finds residents' everyday
words and never shows admin pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Request


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


def type_query(page: Page, query: str) -> None:
    """Type a query and wait until the search has answered it."""
    page.fill("#ww-zoekvraag", query)
    page.wait_for_function(
        "q => document.getElementById('ww-zoekvraag').value === q && "
        "!/Typ wat/.test(document.getElementById('ww-zoekstatus').textContent)",
        arg=query,
    )
    page.wait_for_timeout(150)


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
    assert not [u for u in fetched if "search_index" in u or "zoeken.json" in u or "worker" in u]
    found = results(page, "schuld")
    assert [u for u in fetched if u.endswith("/zoeken.json")] == [site_url + "/zoeken.json"]
    assert not [u for u in fetched if "search_index" in u]
    assert found


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


def test_the_index_is_compact_and_leaves_admin_pages_out(sample_site: Path) -> None:
    data = json.loads((sample_site / "zoeken.json").read_text(encoding="utf-8"))
    urls = [d[1] for d in data["d"]]
    assert any(u.startswith("organisaties/") for u in urls)
    assert not [u for u in urls if u.startswith(("beheer/", "flyers/", "overzicht"))]
    assert "afgesloten" in data["s"]["afsluiting"]
