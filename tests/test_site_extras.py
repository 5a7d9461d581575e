"""What the site offers beyond its pages: search, vCards, and pages for another builder."""

from __future__ import annotations

import json
from pathlib import Path

import vobject
from bs4 import BeautifulSoup

from tests.conftest import SAMPLE, build_site
from wegwijzer.cli import main
from wegwijzer.site.plugin import SCRIPTS, STYLESHEETS
from wegwijzer.site.search import read_index


def search_entries(site: Path) -> list[tuple[str, str, list[str], str]]:
    """Our own index (zoeken/: title, url, words, info); Material's is not used."""
    return read_index(site)


def search_text(site: Path) -> str:
    return " ".join(f"{t} {' '.join(words)}" for t, _url, words, _info in search_entries(site))


def test_search_finds_organisations_places_and_target_groups(sample_site: Path) -> None:
    text = search_text(sample_site)
    for expected in (
        "SchuldHulpMaatje Voorbeeldstad",
        "Buurdorp",
        "Jongeren",
        "Caribische Nederlanders",
        "Inloop Geldzaken",
    ):
        assert all(word in text.lower() for word in expected.lower().split()), expected


def test_every_organisation_has_a_vcard_with_its_public_details(sample_site: Path) -> None:
    cards = sorted((sample_site / "organisaties").glob("*.vcf"))
    assert len(cards) == len(list((SAMPLE / "data" / "organisaties").glob("*.yml")))
    card = vobject.readOne(
        (sample_site / "organisaties" / "schuldhulp-gemeente-voorbeeldstad.vcf").read_text()
    )
    assert card.fn.value == "Schuldhulp Gemeente Voorbeeldstad"
    assert card.tel.value == "+31 14020" or card.tel.value.replace(" ", "") == "+3114020"
    page = BeautifulSoup(
        (
            sample_site / "organisaties" / "schuldhulp-gemeente-voorbeeldstad" / "index.html"
        ).read_text(),
        "html.parser",
    )
    assert page.select_one(
        "a[download][href='../../organisaties/schuldhulp-gemeente-voorbeeldstad.vcf']"
    )


def test_pages_command_feeds_a_plain_mkdocs_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert main(["-f", str(SAMPLE / "mkdocs.yml"), "pages", str(docs)]) == 0
    assert (docs / "index.md").is_file() and (docs / "kaart" / "kaart.html").is_file()
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Zonder plugin\n"
        "theme: {name: material, language: nl, font: false}\n"
        f"extra_css: {json.dumps(STYLESHEETS)}\n"
        f"extra_javascript: {json.dumps(SCRIPTS)}\n"
    )
    site = build_site(config, tmp_path / "site")
    start = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert start.select_one(".ww-spoed")
    assert (
        site / "organisaties" / "humanitas-thuisadministratie-voorbeeldstad" / "index.html"
    ).is_file()
    assert (site / "assets" / "wegwijzer" / "vendor" / "leaflet" / "leaflet.js").is_file()


def test_lists_stay_out_of_the_search_index(sample_site: Path) -> None:
    """Lists repeat every record; indexing them made the index grow with records x lists."""
    folders = {url.split("/")[0] for _title, url, _words, _info in search_entries(sample_site)}
    assert {"organisaties", "locaties"} <= folders
    # "fase" is there on purpose: one entry per phase, titled as residents read it
    listed = {"overzicht", "doelgroep", "kaart", "afdrukken", "flyers", "aanbod"}
    assert folders.isdisjoint(listed)
