"""The encrypted referrers' edition in real Chromium: the passphrase opens it, nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from tests.browser.test_accessibility import VIEWPORTS, axe_violations
from tests.conftest import PASSPHRASE
from wegwijzer.settings.present import phone_display

ORG = "/organisaties/schuldhulp-gemeente-voorbeeldstad/"
DIRECT_LINE = phone_display("033 460 20 10")  # from the private overlay
WRONG = "Dit wachtwoord klopt niet. Controleer het en probeer het opnieuw."


@pytest.fixture
def guide(browser: Browser, referrers_site: Path, serve: Any) -> Any:
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []

    def watch(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(message.text)

    page.on("console", watch)
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page, str(serve(referrers_site)), problems
    context.close()


def _unlock(page: Page, passphrase: str) -> None:
    page.fill("#ww-slot-wachtwoord", passphrase)
    page.click("#ww-slot button[type=submit]")


def test_a_wrong_passphrase_shows_the_message_and_nothing_else(guide: Any) -> None:
    page, url, problems = guide
    page.goto(url + ORG)
    _unlock(page, "niet-het-wachtwoord")
    expect(page.locator("#ww-slot-melding")).to_have_text(WRONG, timeout=15_000)
    body = page.inner_text("body")
    assert DIRECT_LINE not in body and "Verwijzen: zo doet u het" not in body
    assert page.evaluate("sessionStorage.length") == 0
    assert page.locator("#ww-slot-wachtwoord").is_visible()
    assert problems == []  # not even a failed request: the form is all there is


def test_the_passphrase_opens_the_direct_line_and_the_next_page(guide: Any) -> None:
    page, url, problems = guide
    page.goto(url + ORG)
    assert DIRECT_LINE not in page.content()
    _unlock(page, PASSPHRASE)
    page.get_by_text(DIRECT_LINE).first.wait_for(timeout=15_000)
    assert page.locator("h2", has_text="Verwijzen: zo doet u het").count() == 1
    page.goto(url + "/organisaties/bewindvoering-kooistra/")  # the key is kept for this tab
    page.get_by_text("Marieke Kooistra").first.wait_for(timeout=15_000)
    assert page.locator("#ww-slot").count() == 0
    # The search index stays sealed (the search box cannot read it); the policy holds.
    assert not [p for p in problems if "Content Security Policy" in p], problems


def test_a_volunteer_builds_a_shortlist_and_shares_it(guide: Any) -> None:
    page, url, problems = guide
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(url + ORG)
    _unlock(page, PASSPHRASE)
    button = page.locator("[data-ww-lijstje-knop]")
    expect(button).to_have_text("Zet op het lijstje", timeout=15_000)
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    page.goto(url + "/lijstje/")
    item = page.locator(".ww-lijstje__item")
    expect(item).to_have_count(1, timeout=15_000)
    expect(item.locator("h3")).to_have_text("Schuldhulp Gemeente Voorbeeldstad")
    text = item.inner_text()
    assert "Bel:" in text and DIRECT_LINE not in text  # the resident's sheet: public lines only
    whatsapp = page.locator("[data-ww-lijstje-whatsapp]").get_attribute("href") or ""
    assert whatsapp.startswith("https://wa.me/?text=") and "Schuldhulp" in whatsapp
    mail = page.locator("[data-ww-lijstje-mail]").get_attribute("href") or ""
    assert mail.startswith("mailto:?subject=")
    page.click("[data-ww-lijstje-leeg]")
    expect(item).to_have_count(0)
    expect(page.locator(".ww-lijstje__leeg")).to_be_visible()
    assert page.evaluate("localStorage.getItem('ww-lijstje')") == "[]"
    assert problems == []


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_referrers_pages_have_no_axe_violations(guide: Any, viewport: str) -> None:
    page, url, _ = guide
    width, height = VIEWPORTS[viewport]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url + ORG)
    _unlock(page, PASSPHRASE)
    page.locator("[data-ww-lijstje-knop]").click(timeout=15_000)  # so the list has an item
    failures = {}
    for path in ("/", "/overzicht/", ORG, "/afdrukken/", "/warm-overdragen/", "/lijstje/"):
        page.goto(url + path)
        expect(page.locator("#ww-slot")).to_have_count(0, timeout=15_000)  # opened, not the form
        page.locator(".md-content h1").first.wait_for()
        page.wait_for_load_state("load")
        found = axe_violations(page)
        if found:
            failures[path] = found
    assert failures == {}


def test_search_works_in_the_opened_guide_and_finds_referrer_only_pages(guide: Any) -> None:
    """The guide's index is sealed like its pages; the search opens it with the tab's key."""
    page, url, problems = guide
    page.goto(url + ORG)
    _unlock(page, PASSPHRASE)
    expect(page.locator("#ww-slot")).to_have_count(0, timeout=15_000)
    page.fill("#ww-zoekvraag", "warm overdragen")
    found = page.locator("#ww-zoekresultaten a[href*='warm-overdragen']")
    expect(found.first).to_be_visible(timeout=15_000)
    page.fill("#ww-zoekvraag", "schuldhulp")
    expect(page.locator("#ww-zoekresultaten a").first).to_be_visible()
    assert problems == []


KEPT_KEY = """async () => {
  const names = (await indexedDB.databases()).map((d) => d.name);
  const name = names.find((n) => n.startsWith("wegwijzer-verwijzers:"));
  const db = await new Promise((ok, fail) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => ok(request.result);
    request.onerror = () => fail(request.error);
  });
  const entries = await new Promise((ok) => {
    const request = db.transaction("sleutels").objectStore("sleutels").getAll();
    request.onsuccess = () => ok(request.result);
  });
  const key = entries[0].sleutel;
  let exported = true;
  try { await crypto.subtle.exportKey("raw", key); } catch (e) { exported = false; }
  return { name, count: entries.length, extractable: key.extractable, exported };
}"""


def test_the_kept_key_is_non_extractable_and_scoped_to_the_site(guide: Any) -> None:
    """Issue 31: no raw key bytes in sessionStorage, which every page of the origin reads."""
    page, url, problems = guide
    page.goto(url + ORG)
    _unlock(page, PASSPHRASE)
    expect(page.locator("#ww-slot")).to_have_count(0, timeout=15_000)
    stored = page.evaluate("Object.values(sessionStorage)")
    assert stored == ["1"]  # only the flag that this tab typed the passphrase
    kept = page.evaluate(KEPT_KEY)
    assert kept == {
        "name": "wegwijzer-verwijzers:/",
        "count": 1,
        "extractable": False,
        "exported": False,
    }
    other_tab = page.context.new_page()  # a new tab asks again, as before
    other_tab.goto(url + ORG)
    expect(other_tab.locator("#ww-slot-wachtwoord")).to_be_visible(timeout=15_000)
    assert problems == []
