"""Issue 29: an "Alles klopt nog" issue from an organisation's upkeep contact sets
`laatst_gecontroleerd` to today in the records it names, and nothing else."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from wegwijzer.cli import main
from wegwijzer.tasks.confirm import issue_fields, record_ids

TODAY = "2026-12-08"
ORG = "data/organisaties/geldcafe-de-brug.yml"
LOCATION = "data/locaties/geldcafe-buurthuis-de-brug.yml"
# What GitHub writes as the body of an issue made with the form alles-klopt.yml
BODY = (
    "### Organisatie\n\ngeldcafe-de-brug\n\n"
    "### Records\n\ngeldcafe-de-brug\ngeldcafe-buurthuis-de-brug\n\n"
    "### Opmerking\n\n_No response_\n"
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE, tmp_path / "voorbeeldstad")
    shutil.copytree(SAMPLE.parent / "voorbeeldstad-prive", tmp_path / "voorbeeldstad-prive")
    return tmp_path / "voorbeeldstad"


def _files(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted((site / "data").rglob("*.yml"))
    }


def _run(site: Path, body: str, author: str) -> int:
    issue = site.parent / "issue.md"
    issue.write_text(body, encoding="utf-8")
    config = str(site / "mkdocs.verwijzers.yml")
    return main(["-f", config, "bevestig", "--auteur", author, "--vandaag", TODAY, str(issue)])


def test_the_issue_body_is_read_by_label() -> None:
    fields = issue_fields(BODY.replace("\n", "\r\n"))
    assert fields == {
        "Organisatie": "geldcafe-de-brug",
        "Records": "geldcafe-de-brug\ngeldcafe-buurthuis-de-brug",
    }
    assert record_ids("- `a`, b\n b c") == ["a", "b", "c"]


def test_a_known_contact_changes_exactly_one_line_per_named_record(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(site)
    assert _run(site, BODY, "Wim-Brug-Onderhoud") == 0  # GitHub names ignore case
    after = _files(site)
    changed = {path for path in before if before[path] != after[path]}
    assert changed == {ORG, LOCATION}
    for path in changed:
        old, new = before[path].splitlines(), after[path].splitlines()
        assert len(old) == len(new)
        diff = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
        assert diff == [("laatst_gecontroleerd: 2026-10-01", f"laatst_gecontroleerd: {TODAY}")]
    out = capsys.readouterr().out
    assert f"{ORG}:33: laatst_gecontroleerd staat nu op {TODAY}." in out
    assert f"{LOCATION}:23: laatst_gecontroleerd staat nu op {TODAY}." in out


@pytest.mark.parametrize(
    ("body", "author", "message"),
    [
        (BODY, "iemand-anders", "'iemand-anders' is niet het onderhoudscontact van"),
        (
            BODY.replace("geldcafe-buurthuis-de-brug", "geldcafe-buurthuis-de-brugg"),
            "wim-brug-onderhoud",
            "Er is geen record met id 'geldcafe-buurthuis-de-brugg'. Bedoelde u",
        ),
        (
            BODY.replace("geldcafe-buurthuis-de-brug", "voedselbank-uitgiftepunt-centrum"),
            "wim-brug-onderhoud",
            "'voedselbank-uitgiftepunt-centrum' hoort niet bij 'geldcafe-de-brug'",
        ),
        (
            BODY.replace("### Organisatie\n\ngeldcafe-de-brug", "### Organisatie\n\nonbekend"),
            "wim-brug-onderhoud",
            "Er is geen organisatie met id 'onbekend' in de gegevens.",
        ),
        ("Hallo, alles klopt!", "wim-brug-onderhoud", "Is het gemaakt met het formulier"),
    ],
)
def test_an_unknown_contact_or_id_changes_nothing(
    site: Path, capsys: pytest.CaptureFixture[str], body: str, author: str, message: str
) -> None:
    before = _files(site)
    assert _run(site, body, author) == 1
    out = capsys.readouterr().out
    assert message in out
    assert "wim.onderhoudsma" not in out and "Wim Onderhoudsma" not in out
    assert _files(site) == before


def test_an_organisation_without_github_is_confirmed_by_hand(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = BODY.replace("geldcafe-de-brug\ngeldcafe-buurthuis-de-brug", "x").replace(
        "geldcafe-de-brug", "schuldhulpmaatje-voorbeeldstad"
    )
    assert _run(site, body, "saskia") == 1
    assert "heeft geen onderhoudscontact met een GitHub-naam" in capsys.readouterr().out


def test_a_bad_github_name_in_the_private_folder_is_named_without_its_value(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    private = site.parent / "voorbeeldstad-prive" / "organisaties" / "geldcafe-de-brug.yml"
    text = private.read_text(encoding="utf-8")
    private.write_text(text.replace("github: wim-brug-onderhoud", "github: wim--brug!"))
    config = str(site / "mkdocs.verwijzers.yml")
    assert main(["-f", config, "check", "--vandaag", str(date(2026, 12, 8))]) == 1
    out = capsys.readouterr().out
    assert "geldcafe-de-brug.yml:9: onderhoud.github: Dit klopt niet." in out
    assert "wim--brug" not in out
