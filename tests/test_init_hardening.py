"""`wegwijzer init --gemeente` with names YAML must quote, and with characters no name holds;
`wegwijzer verhuis-verwijzers` into a folder git would publish (issue 31)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from wegwijzer import __version__
from wegwijzer.cli import main
from wegwijzer.settings.config import load_site


@pytest.mark.parametrize("gemeente", ["'s-Hertogenbosch", "'s-Gravenhage", "Sûdwest-Fryslân"])
def test_init_writes_valid_yaml_for_names_with_an_apostrophe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], gemeente: str
) -> None:
    folder = tmp_path / "site"
    assert main(["init", str(folder), "--gemeente", gemeente]) == 0
    assert load_site(folder / "mkdocs.yml").config.gemeente == gemeente
    form = YAML(typ="safe").load(folder / ".github" / "ISSUE_TEMPLATE" / "nieuwe-organisatie.yml")
    placeholders = [item["attributes"].get("placeholder", "") for item in form["body"]]
    assert f"{gemeente}, Buurdorp" in placeholders
    assert f"SchuldHulpMaatje {gemeente}" in placeholders
    for path in folder.rglob("*.yml"):
        YAML(typ="base").load(path)  # every YAML file parses
    assert main(["-f", str(folder / "mkdocs.yml"), "check"]) == 0


@pytest.mark.parametrize(
    "gemeente",
    [
        "Zwolle\rcopyright: overgenomen",
        "Zwolle\ncopyright: overgenomen",
        "Zw\u2028olle",
        "Zw\u2029olle",
        "Zw\x85olle",
        "Zw\x00olle",
        "Zw\u202eolle",  # right-to-left override
        'Zw"olle',
        "Zw\\olle",
        "Zw\udcffolle",  # what Python makes of a byte that is not UTF-8
        "   ",
    ],
)
def test_init_refuses_characters_no_name_holds_before_writing_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], gemeente: str
) -> None:
    folder = tmp_path / "site"
    assert main(["init", str(folder), "--gemeente", gemeente]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Niet gelukt: ") and "gemeente" in err
    assert not folder.exists()


def test_init_refuses_a_name_that_is_not_utf8_on_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    command = [sys.executable, "-m", "wegwijzer.cli", "init", str(folder), "--gemeente"]
    done = subprocess.run([*command, b"Zw\xffolle"], capture_output=True, check=False)
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr and b"onleesbaar teken" in done.stderr
    assert not folder.exists()


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def test_verhuis_verwijzers_refuses_a_private_folder_git_would_publish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert main(["init", str(site), "--gemeente", "Zwolle"]) == 0
    _git(site, "init", "-q")
    config = str(site / "mkdocs.yml")
    capsys.readouterr()

    assert main(["-f", config, "verhuis-verwijzers", str(site / "contacten")]) == 1
    err = capsys.readouterr().err
    assert "git-repository" in err and "Er is niets verhuisd" in err
    assert not (site / "contacten").exists()

    # ignored by git: allowed (init's .gitignore already lists prive/)
    assert main(["-f", config, "verhuis-verwijzers", str(site / "prive")]) == 0
    # outside the repository: allowed, as the docs advise (../wegwijzer-prive)
    assert main(["-f", config, "verhuis-verwijzers", str(tmp_path / "wegwijzer-prive")]) == 0


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"wegwijzer {__version__}\n"
