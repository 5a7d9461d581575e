"""'Lees voor' (issue 30) with a stubbed speechSynthesis: only a voice on the device in the
page's language speaks, sentence by sentence, one utterance after the other; pause and stop
work from the keyboard; without such a voice the block stays hidden."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.test_accessibility import axe_violations

LOCAL_NL = {"name": "Lokaal Nederlands", "lang": "nl-NL", "localService": True}
REMOTE_NL = {"name": "Online Nederlands", "lang": "nl-NL", "localService": False, "default": True}
LOCAL_EN = {"name": "Local English", "lang": "en-US", "localService": True}
LOCAL_AR = {"name": "Arabic on device", "lang": "ar_SA", "localService": True}

# speechSynthesis as a phone has it, but nothing speaks: speak() records the utterance and
# keeps it as the current one until the test ends it (window.__wwEnd), as the engine would.
STUB = """
(() => {
  const voices = %s;
  const later = %s;  // voices that arrive after the page asked (voiceschanged)
  const listeners = [];
  const log = { spoken: [], cancelled: 0, current: null };
  window.__ww = log;
  const synth = {
    getVoices: () => voices.map((v) => Object.assign({ default: false }, v)),
    speak(u) {
      log.spoken.push({ text: u.text, voice: u.voice && u.voice.name, lang: u.lang,
                        overlapping: log.current !== null });
      log.current = u;
    },
    cancel() { log.cancelled += 1; const u = log.current; log.current = null;
               if (u && u.onerror) u.onerror({ error: "canceled" }); },
    pause() {},
    resume() {},
    addEventListener(type, fn) { if (type === "voiceschanged") listeners.push(fn); },
  };
  window.__wwEnd = () => {
    const u = log.current; log.current = null; if (u && u.onend) u.onend({});
  };
  window.__wwArrive = () => {
    voices.push(...later); listeners.forEach((fn) => fn(new Event("voiceschanged")));
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = function (text) {
    this.text = text; this.voice = null; this.lang = ""; this.onend = null; this.onerror = null;
  };
})();
"""


@pytest.fixture(scope="module")
def site_url(sample_site: Path, serve: Any) -> str:
    return str(serve(sample_site))


def phone_with(
    browser: Browser,
    site_url: str,
    voices: list[dict[str, Any]],
    later: list[dict[str, Any]] | None = None,
) -> Page:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(STUB % (json.dumps(voices), json.dumps(later or [])))
    page = context.new_page()
    page.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    return page


def looked(page: Page) -> str:
    """'ja' or 'nee': what the script decided (it sets the attribute once it has looked)."""
    block = page.locator("[data-ww-voorlezen][data-ww-stemmen]")
    block.wait_for(state="attached")
    return str(block.get_attribute("data-ww-stemmen"))


def spoken(page: Page) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = page.evaluate("window.__ww.spoken")
    return result


def test_the_local_dutch_voice_reads_sentence_by_sentence(browser: Browser, site_url: str) -> None:
    page = phone_with(browser, site_url, [REMOTE_NL, LOCAL_EN, LOCAL_NL])
    page.goto(f"{site_url}/spoed/")
    assert looked(page) == "ja"
    button = page.locator("[data-ww-voorlezen-knop]")
    assert page.locator(".ww-voorlezen").is_visible()
    assert page.locator(".ww-voorlezen").inner_text().endswith("De tekst blijft op uw telefoon.")
    button.focus()
    page.keyboard.press("Enter")
    assert button.inner_text() == "Pauzeer"
    first = spoken(page)
    assert first == [
        {
            "text": "Spoed?",
            "voice": "Lokaal Nederlands",
            "lang": "nl-NL",
            "overlapping": False,
        }
    ]
    for _ in range(5):  # the engine ends each sentence; only then comes the next
        page.evaluate("window.__wwEnd()")
    said = spoken(page)
    assert len(said) == 6
    assert not any(s["overlapping"] for s in said)
    assert {s["voice"] for s in said} == {"Lokaal Nederlands"}
    assert all(0 < len(s["text"]) <= 200 for s in said)
    texts = " ".join(s["text"] for s in said)
    assert "Bel meteen" in texts and "Lees voor" not in texts  # not itself
    assert "Hulp nodig?" not in texts  # the help bar is not the page's own text

    page.keyboard.press("Enter")  # pause: the sentence stops, nothing new is said
    assert button.inner_text() == "Lees verder"
    page.evaluate("window.__wwEnd()")
    assert len(spoken(page)) == 6
    page.keyboard.press("Enter")  # go on: the interrupted sentence again, then the rest
    assert button.inner_text() == "Pauzeer"
    again = spoken(page)
    assert len(again) == 7 and again[6]["text"] == said[5]["text"]

    stop = page.locator("[data-ww-voorlezen-stop]")
    stop.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.__ww.cancelled") >= 3  # at the start, pause and stop
    assert stop.is_hidden() and button.inner_text() == "Lees voor"
    assert page.evaluate("document.activeElement.hasAttribute('data-ww-voorlezen-knop')")
    page.evaluate("window.__wwEnd()")  # a late event of the stopped run says nothing more
    assert len(spoken(page)) == 7
    page.context.close()


def test_every_call_link_is_read_with_its_number(browser: Browser, site_url: str) -> None:
    """'Bel meteen' is never heard without the number: a call button is read, number and
    all, though other buttons are not."""
    page = phone_with(browser, site_url, [LOCAL_NL])
    page.goto(f"{site_url}/spoed/")
    assert looked(page) == "ja"
    page.locator("[data-ww-voorlezen-knop]").click()
    for _ in range(60):  # end each sentence until the page is read
        before = len(spoken(page))
        page.evaluate("window.__wwEnd()")
        if len(spoken(page)) == before:
            break
    texts = " ".join(s["text"] for s in spoken(page))
    calls = page.locator(".ww-spoedpagina a[href^='tel:']:visible")
    assert calls.count() >= 2
    for i in range(calls.count()):
        number = " ".join(calls.nth(i).inner_text().split())
        assert number in " ".join(texts.split()), number
    page.context.close()


def test_a_sentence_longer_than_200_characters_is_cut_at_a_word(
    browser: Browser, site_url: str
) -> None:
    page = phone_with(browser, site_url, [LOCAL_NL])
    page.goto(f"{site_url}/spoed/")
    looked(page)
    text = "'Open ma–vr 9.00–17.00. ' + 'woord '.repeat(60) + 'eind.'"
    parts = page.evaluate(f"window.wegwijzerVoorlezen.sentences({text})")
    assert parts[0] == "Open ma–vr 9.00–17.00."
    assert all(len(p) <= 200 for p in parts) and parts[-1].endswith("eind.")
    assert all(not p.startswith(" ") and "woord woord" in p for p in parts[1:-1])
    page.context.close()


@pytest.mark.parametrize(
    ("path", "voices"),
    [
        ("/ar/spoed/", [LOCAL_NL, LOCAL_EN]),  # no Arabic voice: Dutch may not read Arabic
        ("/spoed/", [REMOTE_NL, LOCAL_EN]),  # only an online Dutch voice: text would leave
        ("/spoed/", []),
    ],
    ids=["arabisch-zonder-stem", "alleen-online", "geen-stem"],
)
def test_without_a_local_voice_in_the_language_the_block_stays_hidden(
    browser: Browser, site_url: str, path: str, voices: list[dict[str, Any]]
) -> None:
    page = phone_with(browser, site_url, voices)
    page.goto(site_url + path)
    assert looked(page) == "nee"
    assert page.locator(".ww-voorlezen").is_hidden()
    page.context.close()


def test_a_voice_that_loads_later_shows_the_button(browser: Browser, site_url: str) -> None:
    page = phone_with(browser, site_url, [], later=[LOCAL_NL])
    page.goto(f"{site_url}/overzicht/")
    assert looked(page) == "nee"
    page.evaluate("window.__wwArrive()")
    page.locator(".ww-voorlezen:not([hidden])").wait_for()
    page.context.close()


def test_dutch_record_text_on_an_arabic_page_needs_a_dutch_voice(
    browser: Browser, site_url: str
) -> None:
    page = phone_with(browser, site_url, [LOCAL_AR])
    page.goto(f"{site_url}/ar/locaties/inloop-geldzaken-bibliotheek-centrum/")
    assert looked(page) == "ja"
    page.locator("[data-ww-voorlezen-knop]").click()
    for _ in range(30):
        page.evaluate("window.__wwEnd()")
    said = spoken(page)
    assert said and {s["voice"] for s in said} == {"Arabic on device"}
    name = page.locator("h1").inner_text()  # the record's own name stays Dutch (lang="nl")
    assert all(name not in s["text"] for s in said)
    page.context.close()


PAGES = [
    "/",
    "/overzicht/",
    "/spoed/",
    "/organisaties/schuldhulpmaatje-voorbeeldstad/",
    "/locaties/inloop-geldzaken-bibliotheek-centrum/",
]


@pytest.mark.parametrize("code", ["", "/ar"], ids=["nl", "ar"])
def test_the_shown_block_has_no_axe_violations(browser: Browser, site_url: str, code: str) -> None:
    page = phone_with(browser, site_url, [LOCAL_NL, LOCAL_AR])
    failures = {}
    for path in PAGES:
        page.goto(site_url + code + path)
        assert looked(page) == "ja", path
        found = axe_violations(page)
        if found:
            failures[path] = found
    page.context.close()
    assert failures == {}


def test_the_script_loads_only_on_pages_with_the_block(sample_site: Path) -> None:
    with_block = set()
    for path in sample_site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        block = "data-ww-voorlezen" in html
        assert block == ("js/voorlezen.js?v=" in html), path
        if block:
            with_block.add(path.parent.relative_to(sample_site).as_posix())
    assert {
        ".",
        "spoed",
        "overzicht",
        "ar/spoed",
        "locaties/inloop-geldzaken-bibliotheek-centrum",
    } <= with_block
    assert not [p for p in with_block if "flyers/" in p or "kaart" in p or "afdrukken" in p]


def test_without_speech_synthesis_the_block_stays_hidden(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(
        "Object.defineProperty(window, 'speechSynthesis', {value: undefined});"
        "window.SpeechSynthesisUtterance = undefined;"
    )
    page = context.new_page()
    page.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    page.goto(f"{site_url}/spoed/")
    page.wait_for_function("() => window.wegwijzerVoorlezen !== undefined")  # the script ran
    assert page.locator(".ww-voorlezen").is_hidden()
    assert page.locator("[data-ww-stemmen]").count() == 0
    context.close()
