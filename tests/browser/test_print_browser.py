"""Printing in Chromium: a flyer is one A4 page, and a printout has no menus or buttons."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page


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
