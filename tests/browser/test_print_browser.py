"""Printing in Chromium: a flyer is one A4 page, and a printout has no menus or buttons."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from benchmarks.synthetic import make_site
from playwright.sync_api import Page
from pypdf import PdfReader

from tests.browser.conftest import CHROMIUM
from tests.conftest import PASSPHRASE, SAMPLE
from wegwijzer.settings.config import PASSPHRASE_ENV


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("location", ["inloop-geldzaken-bibliotheek-centrum", "huiskamer-buurdorp"])
def test_a_flyer_is_one_a4_page(page: Page, site_url: str, location: str) -> None:
    page.goto(f"{site_url}/flyers/{location}/")
    assert pdf_pages(page.pdf(format="A4")) == 1


def test_print_hides_navigation_filters_and_buttons(page: Page, site_url: str) -> None:
    page.goto(site_url + "/overzicht/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", "#ww-filters", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("li.ww-kaartje").first.is_visible()
    page.goto(site_url + "/afdrukken/")
    page.emulate_media(media="print")
    assert not page.locator(".ww-niet-printen").is_visible()
    assert page.locator(".ww-spoed").is_visible()


def test_wegwijzer_pdf_prints_the_referrers_guide_with_its_direct_lines(tmp_path: Path) -> None:
    """The coordinator's command, run as they would: it builds the encrypted edition, opens it
    with the passphrase in Chromium on 127.0.0.1 and writes an A4 PDF."""
    out = tmp_path / "verwijzersgids.pdf"
    env = {**os.environ, PASSPHRASE_ENV: PASSPHRASE, "WEGWIJZER_CHROMIUM": CHROMIUM}
    command = [sys.executable, "-m", "wegwijzer.cli", "-f", str(SAMPLE / "mkdocs.verwijzers.yml")]
    done = subprocess.run([*command, "pdf", str(out)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    reader = PdfReader(out)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Hulp bij geldzorgen in Voorbeeldstad" in text
    assert "06 12657720" in text  # a direct line from the private overlay
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)  # A4 in points
    assert len(reader.pages) <= 20
    env.pop(PASSPHRASE_ENV)
    refused = subprocess.run(
        [*command, "pdf", str(tmp_path / "x.pdf")], env=env, capture_output=True, text=True
    )
    assert refused.returncode == 1
    assert "WEGWIJZER_VERWIJZERS_WACHTWOORD" in refused.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_a_big_sites_print_pages_become_one_pdf(tmp_path: Path) -> None:
    """200 locations are too many for one print page: `afdrukken/` lists the places, and
    `wegwijzer pdf` still prints every place into one PDF."""
    config = make_site(tmp_path / "groot", 200)
    out = tmp_path / "groot.pdf"
    env = {**os.environ, "WEGWIJZER_CHROMIUM": CHROMIUM}
    command = [sys.executable, "-m", "wegwijzer.cli", "-f", str(config), "pdf", str(out)]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Kies een plaats" in text
    places = re.findall(r"Hulp bij geldzorgen in ([^\n(]+?)\s*\n", text)
    assert len(set(places)) > 10, places
