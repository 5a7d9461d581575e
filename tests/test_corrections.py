"""Issue 29: 'Klopt er iets niet?' on a record page names the record and offers what the page
shows as choices, so the upkeep task says what a resident saw wrong."""

from __future__ import annotations

from datetime import date
from html import unescape
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from tests.conftest import SAMPLE
from wegwijzer.settings import present
from wegwijzer.settings.config import load_site
from wegwijzer.site.pages import render_site
from wegwijzer.tasks.validate import validate_site

DAY = date(2026, 11, 22)


def _links(record_path: str) -> dict[str, str]:
    site = load_site(SAMPLE / "mkdocs.yml")
    dataset, _ = validate_site(site, DAY)
    pages = {p.path: p.text for p in render_site(dataset, site.config, DAY).pages}
    soup = BeautifulSoup(pages[record_path], "html.parser")
    block = soup.select_one(".ww-gecontroleerd")
    assert block is not None
    return {a.get_text(): unescape(str(a["href"])) for a in block.select("a[href]")}


def test_the_mail_names_the_record_and_offers_what_a_location_shows() -> None:
    links = _links("locaties/inloop-geldzaken-bibliotheek-centrum.md")
    mail = urlsplit(links["Klopt er iets niet?"])
    body = parse_qs(mail.query)["body"][0]
    assert "Record: locaties/inloop-geldzaken-bibliotheek-centrum" in body
    ticks = [line for line in body.split("\r\n") if line.startswith("[ ] ")]
    assert ticks[0] == "[ ] Adres" and ticks[-1] == "[ ] Iets anders"
    assert "[ ] Openingstijden of spreekuren" in ticks


def test_the_issue_form_gets_the_record_and_the_page() -> None:
    links = _links("organisaties/geldcafe-de-brug.md")
    form = urlsplit(links["Of meld het via GitHub"])
    query = parse_qs(form.query)
    assert query["template"] == ["klopt-niet.yml"]
    assert query["record"] == ["organisaties/geldcafe-de-brug"]
    assert query["pagina"][0].startswith("Geldcafé De Brug")
    assert "+" not in form.query  # every value percent-encoded


def test_choices_follow_what_the_record_has() -> None:
    class Bare:
        id = "x"

    assert present.report_choices(Bare()) == ["Iets anders"]
    assert present.record_key(Bare()) == "organisaties/x"
    url = present.report_url("https://github.com/g/w/issues/new?template=klopt-niet.yml", "A&B")
    assert "record=" not in url  # pages that are no record stay as they were
