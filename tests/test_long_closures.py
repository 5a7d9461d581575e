"""A card for a place closed for a long time says so without JavaScript (issue 27, item 6):
until when and why, on the lists the build writes; a short closure does not."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import SAMPLE, build_site
from wegwijzer.site.cards import LONG_CLOSURE_DAYS, Card

PALM = "data/locaties/inloop-caribisch-netwerk-de-palm.yml"
HUISKAMER = "data/locaties/huiskamer-buurdorp.yml"


def _card(*closures: tuple[date, date, str | None]) -> Card:
    return Card(
        kind="locatie", id="x", naam="X", url="locaties/x/", samenvatting="", telefoon=None,
        fases=(), doelgroepen=(), rollen=(), talen=(), zonder_afspraak=False, locaties=("x",),
        punten=(), sluitingen=closures,
    )  # fmt: skip


def test_only_a_closure_lasting_beyond_two_weeks_from_today_counts() -> None:
    today = date(2026, 11, 24)
    long = (date(2026, 10, 1), date(2027, 1, 31), "Verbouwing")
    assert _card(long).long_closure(today) == long
    assert _card(long).long_closure(date(2027, 1, 20)) is None  # opens within two weeks
    assert _card(long).long_closure(date(2026, 9, 30)) is None  # not closed yet
    edge = today + timedelta(days=LONG_CLOSURE_DAYS)
    assert _card((today, edge, None)).long_closure(today) is None
    assert _card((today, edge + timedelta(days=1), None)).long_closure(today) is not None
    forever = (date.min, date.max, None)
    assert _card(forever).long_closure(today) == forever


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("sluiting") / "site"
    shutil.copytree(SAMPLE, site)
    today = date.today()
    palm = site / PALM
    text = palm.read_text(encoding="utf-8")
    assert "  - van: 2027-07-01\n    tot: 2027-08-31\n" in text
    first, last = today - timedelta(days=3), today + timedelta(days=40)
    palm.write_text(
        text.replace(
            "  - van: 2027-07-01\n    tot: 2027-08-31\n",
            f"  - van: {first.isoformat()}\n    tot: {last.isoformat()}\n",
        ),
        encoding="utf-8",
    )
    huiskamer = site / HUISKAMER
    soon = today + timedelta(days=5)
    huiskamer.write_text(
        huiskamer.read_text(encoding="utf-8")
        + f"gesloten:\n  - van: {(today - timedelta(days=20)).isoformat()}\n"
        f"    tot: {soon.isoformat()}\n    reden: Schilderwerk\n",
        encoding="utf-8",
    )
    return build_site(site / "mkdocs.yml", tmp_path_factory.mktemp("sluiting-out"))


def _card_html(built: Path, page: str, card_id: str) -> BeautifulSoup:
    soup = BeautifulSoup((built / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    card = soup.select_one(f"li.ww-kaartje[data-id='{card_id}']")
    assert card is not None, (page, card_id)
    return card


def test_a_card_shows_a_long_closure_with_its_date_and_reason(built: Path) -> None:
    last = date.today() + timedelta(days=40)
    card = _card_html(built, "doelgroep/iedereen", "inloop-caribisch-netwerk-de-palm")
    line = card.select_one(".ww-gesloten-lang")
    assert line is not None
    assert line["data-ww-tot"] == last.isoformat()  # the page hides it once it is over
    text = line.get_text(" ", strip=True)
    assert text.startswith("Gesloten tot en met ")
    assert text.endswith(": Zomerstop.")
    assert str(last.year) in text
    # in Arabic: translated, with the record's reason marked as Dutch
    card = _card_html(built, "ar/doelgroep/iedereen", "inloop-caribisch-netwerk-de-palm")
    line = card.select_one(".ww-gesloten-lang")
    assert line is not None
    assert "Gesloten tot" not in line.get_text()
    assert line.select_one("[lang='nl']").get_text() == "Zomerstop"


def test_a_short_closure_is_not_on_the_card(built: Path) -> None:
    card = _card_html(built, "doelgroep/iedereen", "huiskamer-buurdorp")
    assert card.select_one(".ww-gesloten-lang") is None
