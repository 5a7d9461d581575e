"""The encrypted referrers' edition in real Chromium: the passphrase opens it, nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from tests.conftest import PASSPHRASE
from wegwijzer.site.present import phone_display

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
