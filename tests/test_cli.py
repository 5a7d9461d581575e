"""The `wegwijzer` command as people use it: exit codes, output formats, new records, schemas."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, SAMPLE
from wegwijzer import __version__
from wegwijzer.cli import main
from wegwijzer.settings.config import load_site

TODAY = ["--vandaag", "2026-11-22"]


def run(config: Path, *args: str) -> int:
    return main(["-f", str(config), *args])


def test_clean_data_exits_0(base_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(base_site, "check", *TODAY) == 0
    assert "Alles in orde: 2 organisaties en 2 locaties gelezen." in capsys.readouterr().err


def test_errors_exit_1_and_are_all_reported(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = base_site.parent / "data"
    for case in ("onbekend-veld", "email-ongeldig", "fases-leeg"):
        src = EXAMPLES / "ongeldig" / "organisaties" / f"{case}.yml"
        (data / "organisaties" / f"{case}.yml").write_text(src.read_text())
    assert run(base_site, "check", *TODAY) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3
    assert "3 fouten en 0 waarschuwingen." in err


def test_warnings_fail_only_with_strict(base_site: Path) -> None:
    src = EXAMPLES / "ongeldig" / "organisaties" / "telefoon-0900.yml"
    (base_site.parent / "data" / "organisaties" / "telefoon-0900.yml").write_text(src.read_text())
    assert run(base_site, "check", *TODAY) == 0
    assert run(base_site, "check", "--strict", *TODAY) == 1


def test_github_format_annotates_file_and_line(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = EXAMPLES / "ongeldig" / "locaties" / "van-na-tot.yml"
    (base_site.parent / "data" / "locaties" / "van-na-tot.yml").write_text(src.read_text())
    assert run(base_site, "check", "--format", "github", *TODAY) == 1
    out = capsys.readouterr().out
    assert out.startswith(
        "::error file=data/locaties/van-na-tot.yml,line=16,title=spreekuren[2].tot::"
    )
    assert "De eindtijd 13:00 moet na de begintijd 17:00 liggen." in out


def test_bad_site_settings_are_reported_with_their_line(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = base_site.read_text().replace('telefoon: "14 020"', 'telefoon: "12"')
    base_site.write_text(text)
    assert run(base_site, "check") == 1
    assert (
        capsys.readouterr().out
        == "mkdocs.yml:11: loket.telefoon: '12' is geen geldig telefoonnummer.\n"
    )


def test_a_missing_plugin_entry_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - search\n")
    assert run(tmp_path / "mkdocs.yml", "check") == 1
    assert "De plugin 'wegwijzer' staat niet onder 'plugins:'." in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["organisatie", "locatie"])
def test_new_records_are_valid_and_their_placeholders_are_errors_until_filled_in(
    kind: str, base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = ["--organisatie", "humanitas"] if kind == "locatie" else []
    assert run(base_site, "nieuw", kind, "nieuw-record", *extra) == 0
    folder = "organisaties" if kind == "organisatie" else "locaties"
    written = base_site.parent / "data" / folder / "nieuw-record.yml"
    assert written.read_text().startswith("# yaml-language-server: $schema=")
    capsys.readouterr()
    # the placeholders are errors: the PR check stops the record, a lenient deploy skips it
    assert run(base_site, "check") == 1
    errors = [line for line in capsys.readouterr().out.splitlines() if ": let op: " not in line]
    assert errors and all("nieuw-record.yml" in e and "voorbeeldtekst" in e for e in errors)
    filled = {
        "Naam van de organisatie": "Budgetcafé Noord",
        "Naam van de locatie": "Buurthuis Noord",
        "Wat doet deze organisatie voor mensen met geldzorgen?": "Hulp bij uw post.",
        "Straatnaam": "Dorpsstraat",
        "020 123 4567": "033 460 2200",
        "1234 AB": "3811 AB",
    }
    text = written.read_text()
    for placeholder, value in filled.items():
        text = text.replace(placeholder, value)
    written.write_text(text)
    # A new location is valid but has no map pin until `wegwijzer geocode` ran: a warning.
    assert run(base_site, "check", "--strict") == (1 if kind == "locatie" else 0)
    assert run(base_site, "check") == 0


def test_new_record_refuses_a_bad_id_and_an_existing_file(base_site: Path) -> None:
    assert run(base_site, "nieuw", "organisatie", "Geen Goed Id") == 1
    assert run(base_site, "nieuw", "organisatie", "humanitas") == 1
    assert run(base_site, "nieuw", "locatie", "nieuw", "--organisatie", "bestaat-niet") == 1


def test_the_console_script_runs_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("plugins: [wegwijzer]\n")
    result = subprocess.run(
        [sys.executable, "-m", "wegwijzer.cli", "check"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "mkdocs.yml:1: gemeente: Dit veld is verplicht, maar ontbreekt." in result.stdout


# `wegwijzer init` and `wegwijzer check --publiceren`: a municipality's own site, going live.

ZWOLLE_ORG = """\
id: op-orde-zwolle
naam: Op Orde Zwolle
omschrijving: Eén aanmeldpunt voor vier vrijwilligersorganisaties.
soort: vrijwilligersorganisatie
telefoon: "038 498 2000"
fases: [preventie, aanmelding]
werkgebied: [Zwolle]
laatst_gecontroleerd: 2026-11-01
"""
ZWOLLE_LOC = """\
id: inloop-stadkantoor
naam: Inloop in het Stadkantoor
organisaties: [op-orde-zwolle]
adres:
  straat: Lubeckplein
  huisnummer: "2"
  postcode: 8017 JZ
  plaats: Zwolle
coordinaten: {lat: 52.5058, lon: 6.0912}
spreekuren:
  - dagen: [di]
    van: "09:30"
    tot: "12:00"
laatst_gecontroleerd: 2026-11-01
"""


@pytest.fixture
def new_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "wegwijzer-zwolle"
    assert main(["init", str(folder), "--gemeente", "Zwolle"]) == 0
    capsys.readouterr()
    return folder


def test_init_writes_what_a_municipality_owns_and_names_the_next_steps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "nieuw"
    assert main(["init", str(folder), "--gemeente", "'s-Hertogenbosch"]) == 0
    out = capsys.readouterr().out
    steps = [line[:3] for line in out.splitlines() if line[:1].isdigit()]
    assert steps == ["1. ", "2. ", "3. ", "4. "]
    assert "pip-compile --generate-hashes requirements.in" in out
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert written == [
        ".github/ISSUE_TEMPLATE/alles-klopt.yml",
        ".github/ISSUE_TEMPLATE/config.yml",
        ".github/ISSUE_TEMPLATE/er-is-iets-veranderd.yml",
        ".github/ISSUE_TEMPLATE/klopt-niet.yml",
        ".github/ISSUE_TEMPLATE/nieuwe-organisatie.yml",
        ".github/dependabot.yml",
        ".github/pull_request_template.md",
        ".github/workflows/bevestigen.yml",
        ".github/workflows/bijwerken.yml",
        ".github/workflows/deploy.yml",
        ".github/workflows/geocode.yml",
        ".github/workflows/onderhoud.yml",
        ".github/workflows/pr.yml",
        ".gitignore",
        "README.md",
        "data/locaties/voorbeeld-inloop.yml",
        "data/organisaties/voorbeeld-organisatie.yml",
        "docs/beheer/actueel-houden.md",
        "docs/beheer/bewerken.md",
        "docs/beheer/controleren.md",
        "docs/beheer/talen.md",
        "docs/beheer/verwijzersgids.md",
        "docs/gegevens.md",
        "docs/toegankelijkheid.md",
        "mkdocs.verwijzers.yml",
        "mkdocs.yml",
        "overrides/LEESMIJ.md",
        "requirements.in",
        "schema/locatie.schema.json",
        "schema/organisatie.schema.json",
    ]
    assert not (folder / "src").exists() and not (folder / "tests").exists()
    pinned = (folder / "requirements.in").read_text().splitlines()[-1]
    assert pinned == f"wegwijzer=={__version__}"  # locked with hashes by the town (see the file)
    guide = (folder / "mkdocs.verwijzers.yml").read_text()
    assert 'site_name: "Verwijzersgids geldzorgen \'s-Hertogenbosch"' in guide
    config = load_site(folder / "mkdocs.yml").config
    assert config.gemeente == "'s-Hertogenbosch"
    form = folder / ".github" / "ISSUE_TEMPLATE" / "nieuwe-organisatie.yml"
    assert "Voorbeeldstad" not in form.read_text() and "'s-Hertogenbosch" in form.read_text()
    assert main(["-f", str(folder / "mkdocs.yml"), "check"]) == 0  # valid from the first minute


@pytest.mark.parametrize("occupied", ["bestand", "map"])
def test_init_refuses_a_folder_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], occupied: str
) -> None:
    folder = tmp_path / "bestaand"
    folder.mkdir()
    if occupied == "map":
        (folder / "data").mkdir()
    else:
        (folder / "mkdocs.yml").write_text("site_name: oud\n")
    assert main(["init", str(folder), "--gemeente", "Zwolle"]) == 1
    assert "bestaat al en is niet leeg" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["data" if occupied == "map" else "mkdocs.yml"]


def test_a_new_site_is_not_ready_to_go_live(
    new_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-f", str(new_site / "mkdocs.yml"), "check", "--publiceren"]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    settings = (new_site / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    phone = next(i for i, text in enumerate(settings, 1) if 'telefoon: "020 123 4567"' in text)
    expected = [
        "data/organisaties/voorbeeld-organisatie.yml:2: Dit is een voorbeeldrecord.",
        "data/locaties/voorbeeld-inloop.yml:2: Dit is een voorbeeldrecord.",
        f"mkdocs.yml:{phone}: Hier staat nog de voorbeeldtekst '020 123 4567'.",
        "docs/toegankelijkheid.md:12: Haal het blok 'Voor de gemeente: vul dit in' weg",
        "docs/toegankelijkheid.md:45: Vul '[e-mailadres of telefoonnummer]' in.",  # two lines
        "mkdocs.yml:6: site_url: 'https://uw-organisatie.github.io/wegwijzer/' is een "
        "voorbeeldadres.",
        "docs/toegankelijkheid.md:17: Vul '[Naam van de gemeente]' in.",
        ".github/ISSUE_TEMPLATE/config.yml:6: Hier staat nog de voorbeeldtekst 'uw-organisatie'.",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), start
    # the marked examples are the starter's: one line each, not every placeholder inside them
    assert not any("voorbeeld-organisatie.yml:6" in line for line in lines)
    assert "Nog niet klaar om te publiceren" in err


def test_the_sample_is_never_ready_to_go_live(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(SAMPLE / "mkdocs.yml"), "check", "--publiceren", *TODAY]) == 1
    out = capsys.readouterr().out
    lines = (SAMPLE / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "voorbeelddata:" in text)
    assert (
        f"mkdocs.yml:{line}: plugins.wegwijzer.voorbeelddata: Haal 'voorbeelddata: true' weg" in out
    )
    assert "mkdocs.yml:1: site_url: Vul site_url in" in out
    assert "mkdocs.yml:2: Hier staat nog de voorbeeldtekst 'Voorbeeldstad'." in out


def fill_in(site: Path) -> None:
    """What a municipality does before going live: real records, address and statement."""
    for example in (site / "data").rglob("voorbeeld-*.yml"):
        example.unlink()
    (site / "data" / "organisaties" / "op-orde-zwolle.yml").write_text(ZWOLLE_ORG)
    (site / "data" / "locaties" / "inloop-stadkantoor.yml").write_text(ZWOLLE_LOC)
    config = site / "mkdocs.yml"
    text = config.read_text().replace("uw-organisatie.github.io", "gemeente-zwolle.github.io")
    text = text.replace("github.com/uw-organisatie/", "github.com/gemeente-zwolle/")
    config.write_text(text.replace("020 123 4567", "14 038"))
    statement = site / "docs" / "toegankelijkheid.md"
    text = re.sub(
        r"!!! note \"Voor de gemeente: vul dit in\"\n(    .*\n)+\n", "", statement.read_text()
    )
    statement.write_text(re.sub(r"\[([^\]]+)\](?!\()", r"\1", text))
    forms = site / ".github" / "ISSUE_TEMPLATE" / "config.yml"
    forms.write_text(forms.read_text().replace("uw-organisatie", "gemeente-zwolle"))


def test_a_filled_in_site_is_ready_to_go_live(
    new_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_in(new_site)
    assert main(["-f", str(new_site / "mkdocs.yml"), "check", "--publiceren"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "Klaar om te publiceren" in err
