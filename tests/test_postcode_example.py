"""The postcode box's example is one of the town's own postcodes, never Voorbeeldstad's "3811"
for every town; without one it gives no number (issue 25)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wegwijzer.cli import main
from wegwijzer.geo.postcodes import postcode_table
from wegwijzer.settings.config import load_site
from wegwijzer.site.pages import render_site
from wegwijzer.tasks.validate import validate_site

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "echt"  # Deventer


def _postcode_help(config: Path) -> str:
    site = load_site(config)
    dataset, _ = validate_site(site)
    rendered = render_site(dataset, site.config, postcodes=postcode_table(site.data_dir, dataset))
    page = next(p for p in rendered.screens if p.path == "overzicht.md")
    found = re.search(r'id="ww-postcode-hulp">(.*?)</span>', page.text)
    assert found is not None
    return found[1]


def test_the_example_is_a_postcode_of_the_town() -> None:
    text = _postcode_help(REAL / "mkdocs.yml")
    example = re.fullmatch(r"Bijvoorbeeld (\d{4}) of (\1 [A-Z]{2})\. Wat u typt, .*", text)
    assert example is not None, text
    assert example[1].startswith("74"), "Deventer's postcodes start with 74"


def test_without_a_known_postcode_the_box_gives_no_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "site"
    assert main(["init", str(folder), "--gemeente", "Zwolle"]) == 0  # examples: no map point
    assert _postcode_help(folder / "mkdocs.yml") == "Wat u typt, blijft op uw telefoon."
