"""The referrers' edition as a hand-off kit: direct lines where a volunteer looks (cards, the
print list, the record pages), a warm hand-off guide, and a shortlist for the resident that
carries public details only. The public edition gets none of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import PASSPHRASE, SAMPLE
from tests.test_editions import TODAY, secret_forms
from wegwijzer.records.loader import Dataset
from wegwijzer.settings.config import load_site
from wegwijzer.tasks.validate import validate_site

ORG_WITH_DIRECT_LINE = "schuldhulp-gemeente-voorbeeldstad"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The sample with its private overlay, as the referrers' edition sees it."""
    data, _ = validate_site(load_site(SAMPLE / "mkdocs.verwijzers.yml"), TODAY)
    return data


def soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


def direct_contacts(dataset: Dataset, org_id: str) -> list[str]:
    org = dataset.organisaties[org_id]
    return [c.email for c in org.contactpersonen if c.zichtbaarheid == "verwijzers" and c.email]


def test_referrers_cards_carry_the_direct_lines(
    referrers_opened: dict[str, str], dataset: Dataset
) -> None:
    pages = [
        v for k, v in referrers_opened.items() if k.startswith("overzicht/") and k.endswith(".html")
    ]
    card = next(
        card
        for text in pages
        for card in soup(text).select(f'li.ww-kaartje[data-id="{ORG_WITH_DIRECT_LINE}"]')
    )  # on one of the overview's static pages (places come first)
    lines = " ".join(p.get_text(" ") for p in card.select(".ww-kaartje__direct"))
    emails = direct_contacts(dataset, ORG_WITH_DIRECT_LINE)
    assert emails and all(e in lines for e in emails)
    assert "Alleen voor verwijzers" in lines
    # The filters draw cards from the data inside the sealed page: the lines are there too.
    data = json.loads(
        soup(referrers_opened["overzicht/index.html"]).select_one("#ww-kaartjes").get_text()
    )
    drawn = next(c for c in data["c"] if c["id"] == ORG_WITH_DIRECT_LINE)
    assert {line["e"] for line in drawn["dl"]} >= set(emails)


def test_phone_and_email_of_a_contact_are_on_lines_of_their_own(
    referrers_opened: dict[str, str],
) -> None:
    page = soup(referrers_opened[f"organisaties/{ORG_WITH_DIRECT_LINE}/index.html"])
    item = next(li for li in page.select(".ww-contactpersonen li") if li.select("a[href^=mailto]"))
    assert item.select("br"), "telephone and e-mail run together"
    assert "Telefoon:" in item.get_text() and "E-mail:" in item.get_text()


def test_the_print_list_and_location_pages_carry_the_direct_lines(
    referrers_opened: dict[str, str], dataset: Dataset
) -> None:
    printed = soup(referrers_opened["afdrukken/index.html"]).select(".ww-print-direct")
    emails = direct_contacts(dataset, ORG_WITH_DIRECT_LINE)
    assert all(any(e in p.get_text() for p in printed) for e in emails)
    location = next(
        loc for loc in dataset.locaties.values() if ORG_WITH_DIRECT_LINE in loc.organisaties
    )
    page = soup(referrers_opened[f"locaties/{location.id}/index.html"])
    assert any(emails[0] in p.get_text() for p in page.select(".ww-direct"))


def test_the_public_edition_has_no_hand_off_kit(sample_site: Path) -> None:
    assert not (sample_site / "lijstje").exists()
    assert not (sample_site / "warm-overdragen").exists()
    for name in ("overzicht", "afdrukken", f"organisaties/{ORG_WITH_DIRECT_LINE}"):
        page = soup((sample_site / name / "index.html").read_text(encoding="utf-8"))
        assert not page.select(".ww-kaartje__direct, .ww-print-direct, .ww-direct")
        assert not page.select("[data-ww-lijstje-knop]")
    assert "lijstje.js" not in (sample_site / "index.html").read_text(encoding="utf-8")
    blocks = list((sample_site / "overzicht" / "kaartjes").glob("*.json"))
    assert blocks and not any('"dl"' in b.read_text(encoding="utf-8") for b in blocks)


def test_start_links_the_front_door_the_guide_and_the_shortlist(
    referrers_opened: dict[str, str],
) -> None:
    page = soup(referrers_opened["index.html"])
    links = {a["href"] for a in page.select(".ww-verwijzers-links a")}
    assert links == {"warm-overdragen/", "lijstje/"}
    guide = soup(referrers_opened["warm-overdragen/index.html"]).get_text(" ")
    assert "toestemming" in guide and "Deel die nummers niet" in guide


def test_the_shortlist_holds_public_details_only(
    referrers_opened: dict[str, str], dataset: Dataset
) -> None:
    page = soup(referrers_opened["lijstje/index.html"])
    raw = page.select_one("#ww-lijstje-data").get_text()
    entries = json.loads(raw)
    expected = {f"organisatie:{i}" for i in dataset.organisaties}
    expected |= {f"locatie:{i}" for i in dataset.locaties}
    assert set(entries) == expected
    leaks = [key for key, forms in secret_forms(dataset).items() for f in forms if f in raw]
    assert leaks == []
    assert page.select_one("script[src*='lijstje.js?v=']") is not None
    record = soup(referrers_opened[f"organisaties/{ORG_WITH_DIRECT_LINE}/index.html"])
    button = record.select_one("[data-ww-lijstje-knop]")
    assert button is not None and button["data-ww-lijstje-knop"] in entries


def test_the_locked_404_page_finds_its_script_at_any_depth(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GitHub Pages serves 404.html for /verwijzers/a/b/c too: a relative script path would
    leave the passphrase form dead there."""
    monkeypatch.setenv("WEGWIJZER_VERWIJZERS_WACHTWOORD", PASSPHRASE)
    config = load_config(
        str(SAMPLE / "mkdocs.verwijzers.yml"),
        site_dir=str(tmp_path / "site"),
        site_url="https://gemeente.example/wegwijzer/verwijzers/",
        strict=True,
    )
    build(config)
    page = soup((tmp_path / "site" / "404.html").read_text(encoding="utf-8"))
    assert (
        page.select_one("script[src]")["src"].split("?v=")[0]
        == "/wegwijzer/verwijzers/assets/wegwijzer/js/slot.js"
    )
    assert page.select_one("#ww-slot-data") is not None
