"""The site in each language at 360 px in Chromium (issue 13): lang and dir, the switcher, the
Spoed box and the filters in the reader's language, no Dutch interface text left on start and
overview, and axe in every language (Arabic on every page type)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.test_accessibility import axe_violations
from tests.conftest import SAMPLE
from wegwijzer import catalogs, i18n
from wegwijzer.settings.config import load_site

OTHERS = tuple(i18n.default_languages())  # the finished catalogs
LANGUAGES = {lang.code: lang for lang in load_site(SAMPLE / "mkdocs.yml").languages()}

# Everything on a translated page that is not inside lang="nl" (record text, the site's own
# settings) and not hidden: the interface's words, which must be in the page's language.
INTERFACE_TEXT = """() => {
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll('[lang="nl"], script, style, [hidden], .md-search, svg').forEach(
    (node) => node.remove());
  return copy.textContent.replace(/\\s+/g, ' ');
}"""


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


@pytest.fixture
def phone(browser: Browser, site_url: str) -> Any:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    yield page
    context.close()


def say(code: str, text: str) -> str:
    return LANGUAGES[code].translations.gettext(text)


@pytest.mark.parametrize("code", OTHERS)
def test_each_language_at_360px(phone: Page, site_url: str, code: str) -> None:
    phone.goto(f"{site_url}/{code}/")
    assert phone.evaluate("document.documentElement.lang") == code
    direction = phone.evaluate("getComputedStyle(document.body).direction")
    assert direction == ("rtl" if code == "ar" else "ltr")
    spoed = phone.locator(".ww-spoed h2").first
    assert spoed.inner_text().strip() == say(code, "Spoed? Bel meteen")
    assert say(code, "Spoed? Bel meteen") != "Spoed? Bel meteen"
    assert phone.locator(".ww-hulpbalk strong").first.inner_text() == say(code, "Hulp nodig?")

    phone.goto(f"{site_url}/{code}/overzicht/")
    label = phone.locator("label[for=ww-fase]").inner_text().strip()
    assert label == say(code, "Fase") != "Fase"
    options = phone.locator("#ww-fase option").all_inner_texts()
    assert options[0].strip() == say(code, "Alle fases")
    dutch = [say("nl", label) for label in ("Geldzaken op orde brengen",)]
    assert not set(dutch) & {o.strip() for o in options}, options
    # the filters work in this language too, and draw their cards in it
    phone.select_option("#ww-fase", "preventie")
    phone.wait_for_function("() => window.wegwijzerOverzicht.loaded === true")
    assert phone.locator("main .ww-kaartje").count() > 0


def test_cards_drawn_by_the_script_join_language_names_with_the_pages_separator(
    phone: Page, site_url: str
) -> None:
    """The filters redraw the cards: 'متوفر أيضًا باللغات: الإنجليزية، التغرينية' with '، ',
    as the build writes it (tests/test_languages.py)."""
    phone.goto(f"{site_url}/ar/overzicht/")
    phone.select_option("#ww-fase", "preventie")
    phone.wait_for_function("() => window.wegwijzerOverzicht.loaded === true")
    prefix = say("ar", "Ook in het {talen}").split("{talen}")[0]
    labels = [
        text
        for text in phone.locator("main .ww-kaartje .ww-label").all_inner_texts()
        if text.startswith(prefix)
    ]
    assert any("، " in text for text in labels), labels
    assert not [text for text in labels if "," in text], labels


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_call_links_drawn_by_the_script_keep_the_space_before_the_number(
    phone: Page, site_url: str, prefix: str
) -> None:
    """The call link is a flex box: without one box inside it, "Bel " and the number's <bdi>
    were two flex items and the space between them was dropped ("Bel033 460 8012")."""
    phone.goto(f"{site_url}/{prefix}overzicht/")
    phone.select_option("#ww-fase", "preventie")
    phone.wait_for_function("() => window.wegwijzerOverzicht.loaded === true")
    links = phone.locator("main .ww-kaartje a.ww-bel-link").all_inner_texts()
    worded = [text for text in links if not text[:1].isdigit()]
    assert worded, links
    assert all(re.search(r"\D \d", text) for text in worded), worded


def test_the_switcher_reaches_the_same_page_in_another_language(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/en/locaties/geldloket-stadhuis/")
    phone.locator("nav.ww-talen a[lang=ar]").click()
    phone.wait_for_url(re.compile(r"/ar/locaties/geldloket-stadhuis/$"))
    assert phone.evaluate("document.documentElement.lang") == "ar"
    phone.locator("nav.ww-talen a[lang=nl]").click()
    phone.wait_for_url(re.compile(r"/locaties/geldloket-stadhuis/$"))
    assert phone.evaluate("document.documentElement.lang") == "nl"
    assert "/ar/" not in phone.url


def _fragments(message: str) -> list[str]:
    """The pieces of a Dutch text that show as they are: placeholders and tags left out."""
    pieces = re.split(r"%\(\w+\)[sd]|\{\w+\}|<[^>]+>", message)
    return [p.strip(" .,:;?!()·—-") for p in pieces if len(p.strip(" .,:;?!()·—-")) >= 8]


@pytest.mark.parametrize("code", OTHERS)
def test_no_dutch_interface_text_is_left_on_start_and_overview(
    phone: Page, site_url: str, code: str
) -> None:
    language = LANGUAGES[code]
    dutch = [
        piece
        for message in catalogs.extract()
        if message.id
        and isinstance(message.id, str)
        and language.translations.gettext(message.id) != message.id
        for piece in _fragments(message.id)
    ]
    untranslated = {}
    for path in ("", "overzicht/"):
        phone.goto(f"{site_url}/{code}/{path}")
        text = phone.evaluate(INTERFACE_TEXT)
        left = sorted({piece for piece in dutch if re.search(rf"\b{re.escape(piece)}\b", text)})
        if left:
            untranslated[path or "start"] = left
    assert untranslated == {}


ARABIC = [
    "/ar/",
    "/ar/overzicht/",
    "/ar/overzicht/?fase=traject&zonder_afspraak=1",
    "/ar/kaart/",
    "/ar/kaart/kaart.html",
    "/ar/organisaties/schuldhulpmaatje-voorbeeldstad/",
    "/ar/locaties/inloop-geldzaken-bibliotheek-centrum/",
    "/ar/spoed/",
    "/ar/afdrukken/",
    "/ar/talen/",
    "/ar/fase/preventie/",
    "/ar/flyers/inloop-geldzaken-bibliotheek-centrum/",
]


# The other languages share Arabic's templates left to right; axe checks each on the screens
# a resident meets first (their words, lang attributes and lengths differ per language).
KEY_SCREENS = ["", "overzicht/", "spoed/", "locaties/inloop-geldzaken-bibliotheek-centrum/"]


def _paths(code: str) -> list[str]:
    if code == "ar":
        return ARABIC
    return [f"/{code}/{path}" for path in KEY_SCREENS]


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("code", OTHERS)
def test_translated_pages_have_no_axe_violations(
    browser: Browser, site_url: str, width: int, code: str
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    failures = {}
    for path in _paths(code):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        if "?" in path:
            page.wait_for_function("() => window.wegwijzerOverzicht.loaded === true")
        found = axe_violations(page)
        if found:
            failures[path] = found
    context.close()
    assert failures == {}
