"""Go-live leftovers versus records that are not ready (issue 25).

`check --publiceren` blocks the starter's leftovers only; a placeholder of `wegwijzer nieuw` in
a record is an error of the ordinary check, on its field and line, so the pull-request check
stops it and a lenient deploy leaves just that record out."""

from __future__ import annotations

from pathlib import Path

import pytest

from wegwijzer.cli import main
from wegwijzer.records.editions import without_errors
from wegwijzer.settings.config import load_site
from wegwijzer.tasks.validate import validate_site

HALF_DONE = """\
id: budgetcafe
naam: Budgetcafé  # "Naam van de organisatie" in a comment is fine
omschrijving: >-
  Wat doet deze organisatie
  voor mensen met geldzorgen?
soort: vrijwilligersorganisatie
telefoon: "020 123 4567"
fases: [preventie]
werkgebied: [Zwolle]
laatst_gecontroleerd: 2026-11-01
"""


@pytest.fixture
def site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "site"
    assert main(["init", str(folder), "--gemeente", "Zwolle"]) == 0
    (folder / "data" / "organisaties" / "budgetcafe.yml").write_text(HALF_DONE)
    capsys.readouterr()
    return folder


def test_a_placeholder_in_a_record_is_an_error_on_its_field_and_line(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-f", str(site / "mkdocs.yml"), "check", "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    errors = [line for line in out if line.startswith("::error")]
    path = "data/organisaties/budgetcafe.yml"
    assert errors == [
        f"::error file={path},line=3,title=omschrijving::Hier staat nog de voorbeeldtekst "
        "'Wat doet deze organisatie voor mensen met geldzorgen?' van 'wegwijzer nieuw'. Vul de "
        "echte gegevens in, of haal het veld weg als het niet nodig is.",
        f"::error file={path},line=7,title=telefoon::Hier staat nog de voorbeeldtekst "
        "'020 123 4567' van 'wegwijzer nieuw'. Vul de echte gegevens in, of haal het veld weg "
        "als het niet nodig is.",
    ]  # the marked examples of init hold the same placeholders: not errors here


def test_a_lenient_build_leaves_out_only_the_unfinished_record(site: Path) -> None:
    dataset, report = validate_site(load_site(site / "mkdocs.yml"))
    kept, lines = without_errors(dataset, report)
    assert "budgetcafe" not in kept.organisaties
    assert "voorbeeld-organisatie" in kept.organisaties
    assert len(lines) == 1 and lines[0].startswith("data/organisaties/budgetcafe.yml")


def test_go_live_names_the_statement_box_and_a_gap_over_two_lines(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    statement = site / "docs" / "toegankelijkheid.md"
    statement.write_text(
        '# T\n\n!!! note "Voor de gemeente: vul dit in"\n    Tekst.\n\n'
        "Meld het via [e-mailadres of\ntelefoonnummer]. Zie [de ombudsman](https://x.nl) of\n"
        "[de\nombudsman](https://x.nl).\n"
    )
    assert main(["-f", str(site / "mkdocs.yml"), "check", "--publiceren"]) == 1
    out = capsys.readouterr().out.splitlines()
    shown = [line for line in out if line.startswith("docs/toegankelijkheid.md")]
    assert shown == [
        "docs/toegankelijkheid.md:3: Haal het blok 'Voor de gemeente: vul dit in' weg als de "
        "verklaring is ingevuld: het staat anders op de site.",
        "docs/toegankelijkheid.md:6: Vul '[e-mailadres of telefoonnummer]' in.",
    ]
