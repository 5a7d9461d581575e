"""Hostile input in every text field, in every language's pages, read without a browser.

tests/browser/test_hostile_browser.py opens every Dutch and Arabic page in Chromium; the other
languages' pages come from the same templates and filters, so here every page of every
language is parsed: no hostile string may become an element, an attribute or a link."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import build_site
from tests.hostile import hostile_site
from wegwijzer import i18n

PAYLOAD = "__pwned"
SCHEMES = {"https", "http", "tel", "mailto"}  # the only links that may leave the site


@pytest.fixture(scope="module")
def hostile_everywhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("hostile-talen") / "bron"
    hostile_site(source)  # the sample's languages: every finished catalog
    return build_site(source / "mkdocs.yml", source.parent / "site")


def _leaks(html: str) -> list[str]:
    """Where a payload became markup: a script, an event handler, a link of another scheme."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(["script", "iframe", "object", "embed"]):
        content = (tag.string or "") + str(tag.attrs)
        if tag.name == "script" and "json" in str(tag.get("type", "")):
            json.loads(tag.string or "null")  # data, not code: it must stay one JSON value
            if "</" in (tag.string or "") or "<!--" in (tag.string or ""):
                found.append("<script> data that could end its element")
        elif PAYLOAD in content:
            found.append(f"<{tag.name}>")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on") and PAYLOAD in text:
                found.append(f"{tag.name} {name}")
            scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", text)
            if name == "href" and scheme and scheme[1].lower() not in SCHEMES:
                found.append(f"{tag.name} href={text[:40]}")
            if name in ("src", "data", "action", "formaction", "srcdoc") and PAYLOAD in text:
                found.append(f"{tag.name} {name}={text[:40]}")
    return found


def test_no_hostile_string_becomes_markup_in_any_language(hostile_everywhere: Path) -> None:
    codes = [lang.code for lang in i18n.load(i18n.default_languages())[1:]]
    assert len(codes) >= 5
    checked = 0
    leaks = {}
    for page in sorted(hostile_everywhere.rglob("*.html")):
        if found := _leaks(page.read_text(encoding="utf-8")):
            leaks[page.relative_to(hostile_everywhere).as_posix()] = found
        checked += 1
    for code in codes:  # every language's record pages are there, hostile text and all
        sample = hostile_everywhere / code / "organisaties"
        assert len(list(sample.glob("*/index.html"))) > 5, code
    assert checked > 300
    assert leaks == {}
