"""The browser set-up itself: Chromium starts and loads a page from the local server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page


def test_chromium_loads_a_local_page(page: Page, serve: Any, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>ok</title><p id=x>hallo</p>")
    page.goto(serve(tmp_path) + "/index.html")
    assert page.text_content("#x") == "hallo"
