"""The postcode table: PDOK's six-character postcodes averaged per four digits, written and
read back, and the fallback from the locations themselves. No network: answers are replayed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import SAMPLE
from wegwijzer import cli
from wegwijzer.geo import postcodes
from wegwijzer.geo.postcodes import (
    fetch_postcodes,
    from_dataset,
    load_postcodes,
    pdok_source,
    write_postcodes,
)
from wegwijzer.settings.config import load_site
from wegwijzer.tasks.validate import validate_site

RECORDED = Path(__file__).parent / "recorded" / "pdok-postcodes.json"


class Replay:
    """Answers by the `start` parameter; checks every request asks for postcodes of one town."""

    def __init__(self, pages: dict[str, Any]) -> None:
        self.pages, self.urls = pages, []

    def __call__(self, url: str) -> Any:
        self.urls.append(url)
        query = parse_qs(urlsplit(url).query)
        assert urlsplit(url).netloc == "api.pdok.nl"
        assert query["fq"] == ["type:postcode", 'gemeentenaam:"Voorbeeldstad"']
        return self.pages[query["start"][0]]


def answers(first_total: int = 103) -> dict[str, Any]:
    pages = json.loads(RECORDED.read_text(encoding="utf-8"))
    pages["0"]["response"]["numFound"] = first_total
    return pages


def test_pdok_pages_are_averaged_per_four_digits() -> None:
    replay = Replay(answers())
    areas = fetch_postcodes(["Voorbeeldstad"], replay, sleep=lambda s: None)
    assert len(replay.urls) == 2, "103 postcodes are two pages of 100"
    assert set(areas) == {"3811", "3831"}
    assert (areas["3811"].lat, areas["3811"].lon) == (52.157, 5.386)
    assert areas["3831"].plaats == "Buurdorp"


def test_the_file_says_where_it_came_from_and_reads_back(tmp_path: Path) -> None:
    areas = fetch_postcodes(["Voorbeeldstad"], Replay(answers()), sleep=lambda s: None)
    path = tmp_path / "postcodes.csv"
    write_postcodes(path, areas, pdok_source(["Voorbeeldstad"], date(2026, 12, 2)))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Bron: PDOK Locatieserver (type postcode), gemeente Voorbeeldstad")
    assert "3811,Voorbeeldstad,52.157,5.386" in text
    table = load_postcodes(path)
    assert table is not None and table.areas == areas
    data = table.browser_data()
    assert data["pc"]["3831"] == [52.146, 5.414]
    assert data["plaatsen"]["buurdorp"] == [52.146, 5.414]


def test_without_a_table_the_locations_give_their_postcodes() -> None:
    dataset, _ = validate_site(load_site(SAMPLE / "mkdocs.yml"))
    table = from_dataset(dataset)
    assert "Afgeleid van de postcodes" in table.source
    assert "3817" in table.areas  # Brugstraat 3 bis, 3817 EN
    assert all(len(pc) == 4 and pc.isdigit() for pc in table.areas)


def test_the_command_writes_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text((SAMPLE / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "data").mkdir()
    replay = Replay(answers(first_total=2))
    monkeypatch.setattr(cli, "pdok_json", lambda settings: replay)
    assert cli.main(["-f", str(config), "geocode", "--postcodes"]) == 0
    assert (tmp_path / "data" / postcodes.POSTCODES).read_text().count("\n3811,") == 1


def test_an_outage_keeps_the_old_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text((SAMPLE / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "data").mkdir()
    old = tmp_path / "data" / postcodes.POSTCODES
    old.write_text("# oud\npc4,plaats,lat,lon\n", encoding="utf-8")

    def down(url: str) -> Any:
        raise OSError("geen verbinding")

    monkeypatch.setattr(cli, "pdok_json", lambda settings: down)
    assert cli.main(["-f", str(config), "geocode", "--postcodes"]) == 2
    assert old.read_text(encoding="utf-8") == "# oud\npc4,plaats,lat,lon\n"
