"""Issue 31: no private value in anything CI shows, and no record or setting text that a
CI runner reads as a command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import PASSPHRASE, SAMPLE, build_site, open_envelope, sealed_text
from tests.test_editions import all_bytes
from wegwijzer.cli import main
from wegwijzer.records.private import load_overlay, upkeep_contacts
from wegwijzer.records.report import Finding, Level, one_line
from wegwijzer.settings.config import PASSPHRASE_ENV
from wegwijzer.site.encryption import (
    MIN_SEALED,
    PassphraseError,
    Sealer,
    is_public_file,
    padded_length,
    passphrase_from_env,
)

# Private files with the mistakes people make, each around a value that must stay private
PRIVATE_FILES = {
    "humanitas.yml": (  # a duplicate key: the parser quotes both values
        "id: humanitas\n"
        "contactpersonen:\n"
        "  - naam: Els de Vries\n"
        '    telefoon: "06 1234 5678"\n'
        '    telefoon: "06 8765 4321"\n'
        "    zichtbaarheid: verwijzers\n"
    ),
    "gemeente.yml": (  # a one-digit typo, a wrong e-mail, a value as a key
        "id: gemeente\n"
        "contactpersonen:\n"
        '  - telefoon: "06 2468 135"\n'
        "    email: els.devries@@geheim-adres.example\n"
        "    zichtbaarheid: verwijzers\n"
        "  - functie: Consulent\n"
        '    "06 1357 9246": Els\n'
        "    zichtbaarheid: verwijzers\n"
        "verwijzen: 'Bel Els: 06 9999 1111'\n"
        "verwijzen: Bel Els\n"
    ),
}
DIGITS = ["612345678", "687654321", "62468135", "613579246", "699991111"]
WORDS = ["els.devries", "geheim-adres", "Els de Vries", "@@"]


def _private_site(base_site: Path, *, referrers: bool = True) -> Path:
    folder = base_site.parent / "prive" / "organisaties"
    folder.mkdir(parents=True)
    for name, text in PRIVATE_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    edition = "      editie: verwijzers\n" if referrers else ""
    config = base_site.read_text(encoding="utf-8").replace(
        "      gemeente: Teststad\n", f"      gemeente: Teststad\n{edition}      prive: prive\n"
    )
    base_site.write_text(config, encoding="utf-8")
    return base_site


def _leaks(output: str) -> list[str]:
    """Every line that shows a private value in any written form: as typed, digits only,
    E.164, with other spaces."""
    found = []
    for line in output.splitlines():
        digits = re.sub(r"\D", "", line)
        if any(d in digits for d in DIGITS) or any(w.lower() in line.lower() for w in WORDS):
            found.append(line)
    return found


@pytest.mark.parametrize("style", ["tekst", "github"])
def test_check_names_file_line_and_field_never_a_private_value(
    base_site: Path, capsys: pytest.CaptureFixture[str], style: str
) -> None:
    config = _private_site(base_site)
    assert main(["-f", str(config), "check", "--format", style]) == 1
    out, err = capsys.readouterr()
    assert _leaks(out + err) == []
    if style == "tekst":
        assert "prive/organisaties/humanitas.yml:5: De YAML klopt niet: het veld 'telefoon'" in out
        assert "prive/organisaties/gemeente.yml:10: De YAML klopt niet" in out


def test_a_private_file_says_which_field_is_wrong_without_its_value(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _private_site(base_site)
    broken = base_site.parent / "prive" / "organisaties" / "gemeente.yml"
    broken.write_text(PRIVATE_FILES["gemeente.yml"].replace("verwijzen: Bel Els\n", ""))
    assert main(["-f", str(config), "check"]) == 1
    out = capsys.readouterr().out
    assert _leaks(out) == []
    shown = "prive/organisaties/gemeente.yml"
    assert f"{shown}:3: contactpersonen[1].telefoon: Dit is geen geldig telefoonnummer." in out
    assert f"{shown}:4: contactpersonen[1].email: Dit is geen geldig e-mailadres." in out
    assert f"{shown}:7: contactpersonen[2]: Hier staat een veld dat niet bestaat." in out
    assert "omdat het bestand privé is" in out


def _build(config: Path, out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environ.update(WEGWIJZER_VERWIJZERS_WACHTWOORD=PASSPHRASE, **env)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    return subprocess.run(
        [*command, "-d", str(out)], capture_output=True, text=True, env=environ, check=False
    )


def test_strict_and_lenient_build_logs_hold_no_private_value(
    base_site: Path, tmp_path: Path
) -> None:
    config = _private_site(base_site)
    strict = _build(config, tmp_path / "streng")
    assert strict.returncode == 1
    assert "prive/organisaties/humanitas.yml:5" in strict.stderr
    assert _leaks(strict.stdout + strict.stderr) == []
    lenient = _build(
        config, tmp_path / "mild", WEGWIJZER_BIJ_FOUTEN="overslaan", GITHUB_ACTIONS="true"
    )
    assert lenient.returncode == 0, lenient.stderr
    log = lenient.stdout + lenient.stderr
    assert _leaks(log) == []
    assert "::warning file=prive/organisaties/humanitas.yml,line=5::" in lenient.stdout
    # the organisation is in the guide, only without what this file adds
    assert "Privébestand niet gebruikt: prive/organisaties/gemeente.yml." in log
    assert "staat niet op de site" not in log


def test_a_logged_line_never_starts_a_workflow_command() -> None:
    finding = Finding("data/x.yml", 3, "naam", "Fout in 'a\n::add-mask::geheim\r##[error]x'")
    text = str(finding)
    assert "\n" not in text and "\r" not in text and "##[" not in text
    assert one_line("  ::stop-commands::x").startswith("» ")
    assert one_line("a\u2028::warning::x") == "a ⏎ ::warning::x"
    annotation = finding.annotation(Level.WARNING)
    assert annotation.splitlines() == [annotation]
    assert annotation == (
        "::warning file=data/x.yml,line=3,title=naam::Fout in 'a%0A::add-mask::geheim%0D##[error]x'"
    )
    assert Finding("a,b:c.yml", 0, "", "100%").annotation() == "::error file=a%2Cb%3Ac.yml::100%25"
    # found by tests/test_fuzz.py: U+2028 in a phone number split the annotation for splitlines()
    spread = Finding("x.yml", 7, "telefoon", "'Hulp\u2028##[error]x\x0c::add-mask::y'")
    assert spread.annotation().splitlines() == [spread.annotation()]
    assert spread.annotation().endswith("::'Hulp ⏎ ##[error]x ⏎ ::add-mask::y'")


REFRESH = '<meta http-equiv="refresh" content="0;url=https://elders.example/">'


def test_settings_the_theme_prints_are_text_never_markup(base_site: Path, tmp_path: Path) -> None:
    config = (
        base_site.read_text(encoding="utf-8").replace(
            "        naam: Schuldhulp Teststad\n",
            f"        naam: '{REFRESH}'\n"
            "        bereikbaar: '<b>ma-vr</b>'\n"
            "        kosten: '<img src=x>'\n",
        )
        + "      melden: 'https://melden.example/\" onmouseover=\"x'\n"
    )
    base_site.write_text(config, encoding="utf-8")
    out = build_site(base_site, tmp_path / "uit")
    pages = [out / "index.html", out / "404.html", out / "organisaties" / "gemeente" / "index.html"]
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.find("meta", attrs={"http-equiv": "refresh"}) is None, page
        assert soup.find("b") is None and soup.find("img", src="x") is None, page
        assert not soup.find_all(attrs={"onmouseover": True}), page
        assert REFRESH in soup.get_text(), page
    bar = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert bar.select_one(".ww-hulpbalk__wie").get_text() == REFRESH
    assert bar.select_one(".ww-hulpbalk__wanneer").get_text() == "(<b>ma-vr</b>, <img src=x>)"


@pytest.mark.parametrize("logo", ['logo.svg" onerror="x', "logo<b>.svg", "a b.svg"])
def test_a_logo_path_is_a_plain_path(
    base_site: Path, capsys: pytest.CaptureFixture[str], logo: str
) -> None:
    config = base_site.read_text(encoding="utf-8").replace(
        "      gemeente: Teststad\n", f"      gemeente: Teststad\n      logo: '{logo}'\n"
    )
    base_site.write_text(config, encoding="utf-8")
    assert main(["-f", str(base_site), "check"]) == 1
    assert "logo: Geef het pad van het logo in de map docs/" in capsys.readouterr().out


def test_pages_refuses_the_referrers_edition(
    base_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _private_site(base_site)
    (base_site.parent / "prive" / "organisaties" / "humanitas.yml").unlink()
    (base_site.parent / "prive" / "organisaties" / "gemeente.yml").unlink()
    target = tmp_path / "pagina"
    assert main(["-f", str(config), "pages", str(target)]) == 1
    assert "de verwijzersgids wordt alleen versleuteld gebouwd" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.parametrize(
    ("passphrase", "why"),
    [
        (" " * 12, "begint of eindigt met een spatie"),
        ("aaaaaaaaaaaa", "herhaalt steeds dezelfde tekens"),
        ("abababababab", "herhaalt steeds dezelfde tekens"),
        ("wachtwoord12", "veelgebruikt wachtwoord"),
        ("Welkom2026!!", "veelgebruikt wachtwoord"),
        ("123456789012", "veelgebruikt wachtwoord"),
        ("lang-en-geheim-genoeg\n", "onzichtbaar teken"),
        ("lang en geheim genoeg ", "begint of eindigt met een spatie"),
        ("lang\ten geheim genoeg", "onzichtbaar teken"),
    ],
)
def test_weak_passphrases_are_refused_without_echo(
    monkeypatch: pytest.MonkeyPatch, passphrase: str, why: str
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, passphrase)
    with pytest.raises(PassphraseError) as refused:
        passphrase_from_env()
    assert why in str(refused.value)
    assert not passphrase.strip() or passphrase.strip() not in str(refused.value)


def test_a_good_passphrase_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    assert passphrase_from_env() == PASSPHRASE
    monkeypatch.setenv(PASSPHRASE_ENV, "paars-fietsenrek-onweer-17")
    assert passphrase_from_env() == "paars-fietsenrek-onweer-17"


def test_the_guide_hides_word_prefixes_and_sizes(
    base_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _private_site(base_site)
    folder = base_site.parent / "prive" / "organisaties"
    (folder / "humanitas.yml").write_text(
        "id: humanitas\nverwijzen: Quizvragen over quotum en quarantaine.\n", encoding="utf-8"
    )
    (folder / "gemeente.yml").unlink()
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    out = build_site(config, tmp_path / "gids")
    shards = sorted(p.stem for p in (out / "zoeken" / "w").glob("*.json"))
    assert shards and all(re.fullmatch(r"[0-9a-f]{16}", name) for name in shards), shards
    manifest = json.loads(open_envelope((out / "zoeken" / "index.json").read_text()))
    assert "qu" in manifest["p"] and sorted(manifest["f"].values()) == shards
    quiz = json.loads(open_envelope((out / "zoeken/w" / f"{manifest['f']['qu']}.json").read_text()))
    assert "quizvragen" in quiz["w"]
    for path in out.rglob("*"):
        name = path.relative_to(out).as_posix()
        if path.is_file() and not is_public_file(name) and not name.endswith(".gz"):
            envelope = sealed_text(path.read_bytes(), name)
            assert len(envelope) == padded_length(len(envelope)), name


def test_sizes_fall_in_buckets() -> None:
    sealer = Sealer(PASSPHRASE, iterations=1_000)
    assert len(sealer.seal(b"x" * 10)) == len(sealer.seal(b"x" * 1_000)) == MIN_SEALED
    assert len(sealer.seal(b"x" * 30_000)) == len(sealer.seal(b"x" * 30_100))
    assert open_envelope(sealer.seal(b"inhoud")) == b"inhoud"  # the padding is left alone


@pytest.mark.parametrize("style", ["tekst", "github"])
def test_a_line_break_in_a_setting_is_an_error_and_never_a_runner_command(
    base_site: Path, capsys: pytest.CaptureFixture[str], style: str
) -> None:
    config = base_site.read_text(encoding="utf-8").replace(
        "        naam: Schuldhulp Teststad\n",
        '        naam: "Schuldhulp\\n::add-mask::x\\r::stop-commands::y"\n',
    )
    base_site.write_text(config, encoding="utf-8")
    assert main(["-f", str(base_site), "check", "--format", style]) == 1
    out, err = capsys.readouterr()
    assert "loket.naam: Schrijf dit op één regel" in out + err
    assert not [line for line in (out + err).splitlines() if line.lstrip().startswith("::")]


def _upkeep_contact_values() -> set[str]:
    """Every upkeep contact value in the sample's private folder (issue 29)."""
    folder = SAMPLE.parent / "voorbeeldstad-prive"
    overlay, report = load_overlay(folder, SAMPLE, {})
    assert not report.findings
    values = set()
    for contact in upkeep_contacts(overlay).values():
        values |= {contact.naam, contact.email, contact.email.replace("@", "%40")}
        values |= {contact.github} if contact.github else set()
    assert len(values) >= 7, "the sample has upkeep contacts, with and without GitHub"
    return values


def test_no_upkeep_contact_in_either_edition_or_the_public_files(
    sample_site: Path, referrers_site: Path, referrers_opened: dict[str, str]
) -> None:
    """Not even the encrypted referrers' guide holds them: only the upkeep run reads them."""
    values = {v.casefold() for v in _upkeep_contact_values()}
    public_files = [p for p in SAMPLE.rglob("*") if p.is_file()]
    texts = [
        *((str(p), raw) for p, raw in all_bytes(sample_site)),
        *((str(p), raw) for p, raw in all_bytes(referrers_site)),
        *referrers_opened.items(),
        *((str(p), p.read_bytes().decode("utf-8", errors="replace")) for p in public_files),
    ]
    leaks = [(name, v) for name, text in texts for v in values if v in text.casefold()]
    assert leaks == []
