"""An organisation with no phone, e-mail or website whose only walk-in place is "voorlopig
gesloten" (a closure without start or end): its page told residents "Loop binnen op een van
de plekken hieronder" while every place below said "Gesloten tot nader bericht". Found by
typing records the way sources write them into a site made with `wegwijzer init`."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import build_site
from wegwijzer.cli import main

ORGANISATION = """\
id: inloop-rosmalen
naam: Inloop Geldzaken Rosmalen
omschrijving: Loop binnen met uw vragen over geld en post.
fases: [preventie]
doelgroepen: [iedereen]
laatst_gecontroleerd: 2026-11-01
"""
LOCATION = """\
id: bieb-rosmalen
naam: Bibliotheek Rosmalen
organisaties: [inloop-rosmalen]
adres:
  gebouw: Bibliotheek Rosmalen
  plaats: Teststad
zonder_afspraak: true
spreekuren:
  - dagen: [di]
    van: "14.00"
    tot: "16.00"
gesloten:
  - reden: voorlopig gesloten door een verbouwing
laatst_gecontroleerd: 2026-11-01
"""


@pytest.fixture
def site(base_site: Path) -> Path:
    data = base_site.parent / "data"
    (data / "organisaties" / "inloop-rosmalen.yml").write_text(ORGANISATION, encoding="utf-8")
    (data / "locaties" / "bieb-rosmalen.yml").write_text(LOCATION, encoding="utf-8")
    return base_site


def test_check_warns_that_nobody_can_reach_the_organisation_now(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-f", str(site), "check"]) == 0  # true data: a warning, not an error
    out = capsys.readouterr()
    line = next(x for x in (out.out + out.err).splitlines() if "inloop-rosmalen.yml" in x)
    assert line.startswith("data/organisaties/inloop-rosmalen.yml:1: telefoon: let op:"), line
    assert "gesloten tot nader bericht" in line


def test_the_page_sends_residents_to_the_loket_not_to_a_closed_door(
    site: Path, tmp_path: Path
) -> None:
    out = build_site(site, tmp_path / "out")
    page = BeautifulSoup(
        (out / "organisaties" / "inloop-rosmalen" / "index.html").read_bytes(), "html.parser"
    )
    contact = page.select_one(".ww-contact")
    assert contact is not None
    text = " ".join(contact.get_text(" ").split())
    assert "Loop binnen" not in text, text
    assert "Bel Schuldhulp Teststad" in text, text
    assert contact.select("a[href^='tel:']"), contact
    place = " ".join(page.select_one(".ww-plekken").get_text(" ").split())
    assert "Gesloten tot nader bericht." in place, place
