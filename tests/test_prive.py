"""The private overlay: referrer-only data lives outside data/ and is merged by id."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from wegwijzer.cli import main
from wegwijzer.settings.config import load_site
from wegwijzer.tasks.validate import validate_site

PRIVATE = SAMPLE.parent / "voorbeeldstad-prive"

REFERRER_CONTACT = """\
contactpersonen:
  - naam: Els de Vries  # direct nummer
    telefoon: "06 1111 2222"
    zichtbaarheid: verwijzers
  - functie: Balie
    telefoon: "030 123 4567"
    zichtbaarheid: publiek
verwijzen: Bel Els.
"""


def _add(config: Path, text: str, record: str = "humanitas") -> Path:
    path = config.parent / "data" / "organisaties" / f"{record}.yml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return path


def _with_option(config: Path, line: str) -> None:
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("      gemeente: Teststad\n", f"      gemeente: Teststad\n      {line}\n")
    )


def test_check_fails_on_referrer_only_data_in_public_data(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add(base_site, REFERRER_CONTACT)
    assert main(["-f", str(base_site), "check"]) == 1
    out = capsys.readouterr().out
    assert "data/organisaties/humanitas.yml:13: contactpersonen[1].zichtbaarheid:" in out
    assert "data/organisaties/humanitas.yml:17: verwijzen:" in out
    assert "verhuis-verwijzers" in out and "contactpersonen[2]" not in out


def test_a_private_data_repository_may_hold_them(base_site: Path) -> None:
    _add(base_site, REFERRER_CONTACT)
    _with_option(base_site, "gegevens_prive: true")
    assert main(["-f", str(base_site), "check"]) == 0


def test_overlay_mistakes_name_file_line_and_unknown_ids(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = base_site.parent / "prive" / "organisaties"
    folder.mkdir(parents=True)
    (folder / "humanitas.yml").write_text(
        "id: humanitas\ncontactpersonen:\n  - naam: Els\n    zichtbaarheid: verwijzers\n"
    )
    (folder / "humanitass.yml").write_text("id: humanitass\nverwijzen: Bel.\nadres: x\n")
    (folder / "gemeenteee.yml").write_text("id: gemeenteee\nverwijzen: Bel.\n")
    _with_option(base_site, "prive: prive")
    assert main(["-f", str(base_site), "check"]) == 1
    out = capsys.readouterr().out
    assert "prive/organisaties/humanitas.yml:3: contactpersonen[1].telefoon:" in out
    assert "prive/organisaties/humanitass.yml:3: adres: Onbekend veld 'adres'." in out
    assert "prive/organisaties/gemeenteee.yml:1: id: Er is geen organisatie met id" in out
    assert "'gemeente'" in out


def test_a_missing_private_folder_is_an_error(
    base_site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WEGWIJZER_PRIVE", "nergens")
    assert main(["-f", str(base_site), "check"]) == 1
    assert "nergens: De privémap bestaat niet" in capsys.readouterr().out


def test_only_the_referrers_edition_merges_the_overlay() -> None:
    public, _ = validate_site(load_site(SAMPLE / "mkdocs.yml"))
    referrers, report = validate_site(load_site(SAMPLE / "mkdocs.verwijzers.yml"))
    assert not report.errors
    assert not any(o.verwijzen for o in public.organisaties.values())
    assert all(
        c.zichtbaarheid == "publiek"
        for o in public.organisaties.values()
        for c in o.contactpersonen
    )
    org = referrers.organisaties["schuldhulp-gemeente-voorbeeldstad"]
    assert org.verwijzen and org.contactpersonen[-1].telefoon == "033 460 20 10"
    assert len(list(PRIVATE.glob("organisaties/*.yml"))) == 17


def test_the_move_keeps_comments_and_loses_nothing(base_site: Path) -> None:
    path = _add(base_site, REFERRER_CONTACT)
    before = validate_site(load_site(base_site))[0].organisaties["humanitas"]
    target = base_site.parent / "prive"
    command = [sys.executable, "-m", "wegwijzer.cli", "-f", str(base_site)]
    done = subprocess.run([*command, "verhuis-verwijzers", str(target)], capture_output=True)
    assert done.returncode == 0, done.stderr
    assert "humanitas: 1 contact en 'verwijzen' verhuisd." in done.stdout.decode()
    public = path.read_text(encoding="utf-8")
    assert public.startswith("# yaml-language-server") and "Els" not in public
    assert "functie: Balie" in public and "verwijzen" not in public
    private = (target / "organisaties" / "humanitas.yml").read_text(encoding="utf-8")
    assert (
        "naam: Els de Vries  # direct nummer" in private and 'telefoon: "06 1111 2222"' in private
    )
    _with_option(base_site, "prive: prive")
    assert main(["-f", str(base_site), "check"]) == 0
    config = base_site.read_text().replace(
        "      gemeente:", "      editie: verwijzers\n      gemeente:"
    )
    base_site.write_text(config)
    after = validate_site(load_site(base_site))[0].organisaties["humanitas"]
    assert after.verwijzen == before.verwijzen
    assert set(after.contactpersonen) == set(before.contactpersonen)


def test_the_sample_data_holds_no_referrer_only_data() -> None:
    files = list((SAMPLE / "data" / "organisaties").glob("*.yml"))
    assert len(files) == 19
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "zichtbaarheid: verwijzers" not in text and "verwijzen:" not in text, path
