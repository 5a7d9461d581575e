"""The `wegwijzer` command as people use it: exit codes, output formats, new records, schemas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from wegwijzer.cli import main

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
def test_new_records_pass_the_check_as_written(kind: str, base_site: Path) -> None:
    extra = ["--organisatie", "humanitas"] if kind == "locatie" else []
    assert run(base_site, "nieuw", kind, "nieuw-record", *extra) == 0
    folder = "organisaties" if kind == "organisatie" else "locaties"
    written = base_site.parent / "data" / folder / "nieuw-record.yml"
    assert written.read_text().startswith("# yaml-language-server: $schema=")
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
