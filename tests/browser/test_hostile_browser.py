"""Hostile input in every text field: the site still builds, nothing runs, the map stays whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from tests.conftest import build_site
from tests.hostile import corpus, hostile_site


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    source = tmp_path_factory.mktemp("hostile") / "bron"
    # Dutch and Arabic: Arabic's pages take every path the other languages take (record text
    # marked lang="nl") and one more (numbers in <bdi dir="ltr">). Every language visited
    # page by page took 221 s; tests/test_hostile_languages.py parses every language's pages.
    used = hostile_site(source, languages=["ar"])
    return build_site(source / "mkdocs.yml", source.parent / "site"), used


def test_the_corpus_is_large_and_fully_used(hostile: tuple[Path, int]) -> None:
    _, used = hostile
    assert len(corpus()) >= 200
    assert used >= len(corpus()), "every hostile string lands in at least one field"


def test_nothing_runs_and_nothing_breaks(
    browser: Browser, hostile: tuple[Path, int], serve: Any
) -> None:
    site, _ = hostile
    base = serve(site)
    context = browser.new_context()
    context.route(lambda url: not url.startswith(base), lambda route: route.abort())
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.on(
        "console",
        lambda msg: (
            problems.append(f"console: {msg.text}")
            if msg.type == "error" and "net::ERR_FAILED" not in msg.text
            else None
        ),
    )
    page.on("dialog", lambda dialog: (problems.append("dialog"), dialog.dismiss()))
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    assert len(pages) > 60
    for path in pages:
        page.goto(f"{base}/{path}/".replace("/./", "/"))
        assert page.evaluate("window.__pwned") is None, path
        assert page.evaluate("document.title"), path
    page.goto(base + "/overzicht/?fase=preventie&nu_open=1")
    assert page.evaluate("window.__pwned") is None
    assert problems == []
    context.close()


def test_every_marker_is_still_on_the_map(
    browser: Browser, hostile: tuple[Path, int], serve: Any
) -> None:
    site, _ = hostile
    base = serve(site)
    page = browser.new_page()
    page.route(lambda url: not url.startswith(base), lambda route: route.abort())
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "/kaart/kaart.html")
    page.wait_for_function("window.wegwijzerKaart !== undefined")
    markers = page.evaluate("window.wegwijzerKaart.cluster.getLayers().length")
    assert markers == len(list((site / "locaties").iterdir())) - 0
    page.locator(".leaflet-marker-icon").first.click()
    assert page.evaluate("window.__pwned") is None
    assert errors == []
    page.close()
