"""Search sends residents to the right help in their own language (issue 27, items 3 and 4),
through the real zoeken.js at 360 px: urgent words put Spoed first, debt words in Turkish and
Arabic find debt help, and input that finds nothing gets the message with the Spoed and
overview links, in the page's language. The whole quality table (tests/search_queries.csv)
is typed as well; benchmarks/search_bench.py --kwaliteit prints the same table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from benchmarks.search_bench import ask, quality_queries, run_queries
from playwright.sync_api import Browser, Page

PHONE = {"width": 360, "height": 740}
DEBT_HELP = ("organisaties/schuldhulp-gemeente-voorbeeldstad/", "fase/aanmelding/")


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


def open_search(page: Page, url: str) -> None:
    """Open the page and tap the search button, as a resident on a phone does."""
    page.goto(url)
    page.click("label.md-header__button[for='__search']")
    page.locator("#ww-zoekvraag").wait_for(state="visible")


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def _first(page: Page) -> dict[str, Any]:
    """The first result as shown: its link, title, line, and whether it is on the screen."""
    return dict(
        page.eval_on_selector(
            "#ww-zoekresultaten a",
            """a => ({href: a.getAttribute('href'), title: a.querySelector('h2').textContent,
                     line: (a.querySelector('p') || {}).textContent || '',
                     top: a.getBoundingClientRect().top, height: innerHeight})""",
        )
    )


def test_the_whole_quality_table_gives_the_expected_first_hits(phone: Page, site_url: str) -> None:
    results = run_queries(phone, site_url, quality_queries())
    wrong = [(r["taal"], r["zoekvraag"], r["first"], r["eerste"]) for r in results if not r["ok"]]
    assert wrong == []
    assert len({r["taal"] for r in results}) == 6


@pytest.mark.parametrize(
    ("folder", "query", "spoed_title"),
    [
        ("", "huur achterstand", "Spoed? Bel meteen"),
        ("ar/", "إخلاء", "عاجل؟ اتصل فورًا"),
        ("tr/", "acil", "Acil mi? Hemen arayın"),
    ],
)
def test_an_urgent_query_puts_spoed_first_in_the_pages_language(
    phone: Page, site_url: str, folder: str, query: str, spoed_title: str
) -> None:
    open_search(phone, f"{site_url}/{folder}")
    phone.locator("#ww-zoekvraag").press_sequentially(query, delay=20)  # typed, key by key
    phone.wait_for_function(
        "q => document.getElementById('ww-zoeken').getAttribute('data-ww-zoek-klaar') === q",
        arg=query,
    )
    first = _first(phone)
    assert first["href"].endswith("spoed/") and first["title"] == spoed_title
    assert 0 <= first["top"] < first["height"]  # on the screen, without scrolling


@pytest.mark.parametrize(
    ("folder", "query", "call"),
    [("tr/", "borç", "numarasını arayın"), ("ar/", "ديون", "اتصل على")],
)
def test_debt_words_find_debt_help_with_a_line_in_that_language(
    phone: Page, site_url: str, folder: str, query: str, call: str
) -> None:
    open_search(phone, f"{site_url}/{folder}")
    ask(phone, query)
    first = _first(phone)
    assert first["href"].endswith(DEBT_HELP), first
    assert first["href"].startswith("./") or folder in first["href"]  # in the reader's language
    assert call in first["line"]
    # the number reads in dialling order, also inside Arabic text
    number = phone.locator("#ww-zoekresultaten a").first.locator("bdi[dir='ltr']").first
    assert number.inner_text() == "14 020"
    boxes = number.evaluate(
        """b => { const r = document.createRange(); const t = b.firstChild;
                  return [0, t.length - 1].map(i => { r.setStart(t, i); r.setEnd(t, i + 1);
                                                     return r.getBoundingClientRect().left; }); }"""
    )
    assert boxes[0] < boxes[1]  # "1" is left of the last "0"


@pytest.mark.parametrize(
    ("folder", "query", "nothing"),
    [
        ("", "qqqzzz", "Niets gevonden"),
        ("ar/", "ثخصضطظ", "لم نجد شيئًا"),
        ("tr/", "şşşğğğ", "Hiçbir şey bulunamadı"),
        ("ar/", "؟!", "لم نجد شيئًا"),  # no word at all: still an answer
    ],
)
def test_input_that_finds_nothing_gets_the_message_with_spoed_and_the_overview(
    phone: Page, site_url: str, folder: str, query: str, nothing: str
) -> None:
    open_search(phone, f"{site_url}/{folder}")
    ask(phone, query)
    assert phone.locator("#ww-zoekresultaten a").count() == 0
    assert nothing in phone.inner_text("#ww-zoekstatus")
    way_on = phone.locator("#ww-zoekhulp")
    assert way_on.is_visible()
    links = way_on.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert any(h.endswith("spoed/") for h in links) and any(h.endswith("overzicht/") for h in links)
