"""No tracking: while pages load and are used, the browser asks nothing of any host but the site
itself and the configured tile server, sets no cookie, and every page carries a strict CSP."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Route

from tests.browser.test_accessibility import page_paths
from tests.conftest import SAMPLE
from wegwijzer.settings.config import load_site

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


def test_only_the_site_and_the_tile_server_are_contacted(
    browser: Browser, site_url: str, sample_site: Path
) -> None:
    tiles = urlsplit(load_site(SAMPLE / "mkdocs.yml").config.kaart.tegels).netloc
    context = browser.new_context()
    hosts: set[str] = set()

    def answer(route: Route) -> None:
        host = urlsplit(route.request.url).netloc
        hosts.add(host)
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            route.fulfill(status=200, body=PNG, content_type="image/png")

    context.route("**/*", answer)
    page = context.new_page()
    local = urlsplit(site_url).netloc
    for path in page_paths():
        page.goto(site_url + path)
    page.goto(site_url + "/overzicht/")
    page.select_option("#ww-fase", "preventie")
    page.fill("input.md-search__input", "schuld")
    page.goto(site_url + "/kaart/")
    page.locator("iframe.ww-kaart").scroll_into_view_if_needed()  # the map loads in view
    page.frame_locator("iframe.ww-kaart").locator(".leaflet-marker-icon").first.wait_for()
    assert hosts - {local} == {tiles}
    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    context.close()


def test_every_page_has_a_content_security_policy_without_eval(sample_site: Path) -> None:
    tiles = load_site(SAMPLE / "mkdocs.yml").config.kaart.tile_origin
    for path in sample_site.rglob("*.html"):
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        assert head is not None, path
        first = head.find(True)
        assert first is not None and first.get("http-equiv") == "Content-Security-Policy", path
        policy = first["content"]
        assert "unsafe-eval" not in policy
        script_src = next(p for p in policy.split("; ") if p.startswith("script-src"))
        assert "unsafe-inline" not in script_src
        assert f"img-src 'self' data: {tiles}" in policy


def test_the_policy_blocks_a_script_that_was_not_hashed(
    browser: Browser, serve: Any, tmp_path: Path
) -> None:
    from wegwijzer.site.csp import with_csp

    html = (
        "<!doctype html><html><head><title>t</title></head>"
        "<body><script>window.ok=1</script></body></html>"
    )
    protected = with_csp(html, "https://tiles.example")
    tampered = protected.replace("window.ok=1", "window.ok=2")
    (tmp_path / "ok.html").write_text(protected)
    (tmp_path / "tampered.html").write_text(tampered)
    base = serve(tmp_path)
    page = browser.new_page()
    page.goto(base + "/ok.html")
    assert page.evaluate("window.ok") == 1
    page.goto(base + "/tampered.html")
    assert page.evaluate("window.ok") is None
    page.close()


def test_a_script_inserted_after_rendering_is_blocked(
    browser: Browser, serve: Any, sample_site: Path, tmp_path: Path
) -> None:
    """The policy trusts the theme's own scripts, not every script that is in the page: a
    script that slips in with user text before the policy is made still does not run."""
    from mkdocs.config import load_config

    from wegwijzer.site.csp import theme_scripts, with_csp

    shutil.copytree(sample_site, tmp_path / "site")
    page_file = tmp_path / "site" / "index.html"
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page_file.read_text())
    html = html.replace("</h1>", "</h1><script>window.ww_injected=1</script>", 1)
    dirs = load_config(str(SAMPLE / "mkdocs.yml")).theme.dirs
    page_file.write_text(with_csp(html, "https://tiles.example", theme_scripts(dirs)))
    page = browser.new_page()
    page.goto(serve(tmp_path / "site") + "/index.html")
    assert page.evaluate("typeof __md_scope") == "object", "the theme's own scripts still run"
    assert page.evaluate("window.ww_injected") is None
    page.close()
