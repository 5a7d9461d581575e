"""Works without internet after one visit (issue 30): the service worker in real Chromium.

Every test serves its own copy of the built sample (a worker's cache outlives a page), visits
once, waits until the worker has kept the pages (offline.js sets data-ww-offline="bewaard"
when the worker answers), then cuts the network with `context.set_offline(True)`.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_overzicht_browser import visible_cards
from tests.browser.test_verwijzers_browser import _unlock
from tests.conftest import PASSPHRASE, SAMPLE
from wegwijzer.records import hours_reference as hours
from wegwijzer.settings.config import load_site
from wegwijzer.site import offline
from wegwijzer.tasks.validate import validate_site

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
RECORD = "/locaties/geldloket-stadhuis/"
SAVED = ".ww-opgeslagen"


@pytest.fixture
def copy(sample_site: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(sample_site, tmp_path / "site"))


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(service_workers="allow")
    yield context
    context.close()


def visit(page: Page, url: str) -> None:
    """Open a page online and wait until the worker controls it and has kept what it asked."""
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.locator("html[data-ww-offline=bewaard]").wait_for(state="attached")


def test_after_one_visit_the_pages_work_without_internet(
    context: BrowserContext, copy: Path, serve: Any
) -> None:
    url = str(serve(copy))
    page = context.new_page()
    visit(page, url + "/")
    visit(page, url + RECORD)
    expect(page.locator(SAVED)).to_have_count(0)  # online: the page is the live one
    context.set_offline(True)
    for path in ("/", "/spoed/", RECORD):
        page.goto(url + path)
        expect(page.locator(SAVED)).to_have_text(re.compile(r"^Opgeslagen op \d+ \w+; bel bij"))
        assert axe_violations(page) == [], path
    assert page.get_by_role("heading", level=1).count() == 1
    assert "Geldloket" in page.inner_text("h1")


@pytest.mark.parametrize("moment", [datetime(2026, 11, 24, 10, 0), datetime(2026, 11, 28, 11, 0)])
def test_nu_open_works_without_internet(
    context: BrowserContext, copy: Path, serve: Any, moment: datetime
) -> None:
    url = str(serve(copy))
    local = moment.replace(tzinfo=AMSTERDAM)
    page = context.new_page()
    page.clock.set_fixed_time(local)
    visit(page, url + "/")
    context.set_offline(True)
    page.goto(url + "/overzicht/?nu_open=1")
    expect(page.locator(SAVED)).to_be_visible()
    dataset, _ = validate_site(load_site(SAMPLE / "mkdocs.yml"), date(2026, 11, 22))
    holidays = hours.dutch_holidays([2026, 2027])
    open_now = {p.id for p in dataset.locaties.values() if hours.is_open_at(p, local, holidays)}
    shown = {c.split(":")[1] for c in visible_cards(page) if c.startswith("locatie:")}
    assert open_now and shown == open_now


@pytest.mark.parametrize(
    ("language", "saved"), [("en", r"Saved on \d+ [A-Z]"), ("ar", r"محفوظة بتاريخ \d+ ")]
)
def test_a_language_s_pages_are_kept_and_say_so_in_that_language(
    context: BrowserContext, copy: Path, serve: Any, language: str, saved: str
) -> None:
    url = str(serve(copy))
    page = context.new_page()
    visit(page, f"{url}/{language}/")
    context.set_offline(True)
    page.goto(f"{url}/{language}/spoed/")  # never opened: kept because that start page was
    expect(page.locator(SAVED)).to_have_text(re.compile("^" + saved))
    assert axe_violations(page) == []


def test_a_site_under_a_sub_path_keeps_its_worker_to_itself(
    context: BrowserContext, copy: Path, serve: Any
) -> None:
    """GitHub Pages serves a town's site at user.github.io/<repository>/."""
    url = str(serve(copy.parent)) + "/" + copy.name
    page = context.new_page()
    visit(page, url + "/spoed/")
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
    assert scope == url + "/"
    context.set_offline(True)
    page.goto(url + "/")
    expect(page.locator(SAVED)).to_be_visible()


def test_a_new_deploy_replaces_the_saved_pages(
    context: BrowserContext, copy: Path, serve: Any
) -> None:
    url = str(serve(copy))
    page = context.new_page()
    visit(page, url + "/")
    old = page.evaluate("caches.keys()")
    start = copy / "index.html"
    start.write_text(
        start.read_text(encoding="utf-8").replace("</h1>", " (nieuwe versie)</h1>", 1),
        encoding="utf-8",
    )
    (copy / offline.WORKER).write_text(offline.worker(copy, []), encoding="utf-8")
    version = re.search(r'VERSION="(\w+)"', (copy / offline.WORKER).read_text())
    assert version is not None
    page.reload()
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    page.wait_for_function(
        "v => caches.keys().then(k => k.length === 1 && k[0].endsWith(' ' + v))", arg=version[1]
    )
    assert page.evaluate("caches.keys()") != old
    context.set_offline(True)
    page.goto(url + "/")
    expect(page.locator(SAVED)).to_be_visible()
    expect(page.locator("h1")).to_contain_text("(nieuwe versie)")


def test_the_referrers_edition_registers_no_worker(
    context: BrowserContext, referrers_site: Path, serve: Any
) -> None:
    url = str(serve(referrers_site))
    page = context.new_page()
    page.goto(url + "/organisaties/bewindvoering-kooistra/")
    _unlock(page, PASSPHRASE)
    page.get_by_text("Marieke Kooistra").first.wait_for(timeout=15_000)
    assert page.evaluate("navigator.serviceWorker.getRegistrations()") == []
    assert page.evaluate("navigator.serviceWorker.controller") is None
    assert page.evaluate("caches.keys()") == []
    assert not (referrers_site / offline.WORKER).exists()
