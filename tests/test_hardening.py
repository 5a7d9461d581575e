"""Hostile and clumsy input: it never hangs, never crashes, and is named in a finding."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from mkdocs.__main__ import cli as mkdocs_cli
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError
from pydantic import TypeAdapter, ValidationError

from tests.conftest import PASSPHRASE, SAMPLE
from wegwijzer.cli import main
from wegwijzer.records.fields import Url
from wegwijzer.records.models import MAX_ID, Organisatie
from wegwijzer.settings.config import PASSPHRASE_ENV, load_site
from wegwijzer.settings.site_url import MAX_LENGTH, site_url_problems
from wegwijzer.site.pages import render_site
from wegwijzer.site.plugin import WegwijzerPlugin
from wegwijzer.tasks.validate import validate_site

TODAY = ["--vandaag", "2026-11-22"]

LAUGHS = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(
            f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        "id: gemeente",
    ]
)


def check(base_site: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    (base_site.parent / "data" / "organisaties" / "gemeente.yml").write_text(text)
    code = main(["-f", str(base_site), "check", *TODAY])
    out, err = capsys.readouterr()
    return code, out + err


def test_nested_aliases_are_refused_at_once(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = check(base_site, LAUGHS, capsys)
    assert code == 1
    assert "data/organisaties/gemeente.yml:1: De YAML klopt niet" not in out
    assert "data/organisaties/gemeente.yml:1: Verwijzingen in YAML (&naam, *naam, <<:)" in out


def test_a_merge_key_is_refused_with_its_line(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "id: gemeente\nnaam: Gemeente\nomschrijving: x\nsoort: gemeente\n"
        "basis: &b {telefoon: 'geen nummer'}\nextra:\n  <<: *b\n"
    )
    code, out = check(base_site, text, capsys)
    assert code == 1
    assert "gemeente.yml:5: Verwijzingen in YAML" in out


def test_deep_nesting_is_refused_with_its_line(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "id: gemeente\nnaam: " + "[" * 500 + "]" * 500 + "\n"
    code, out = check(base_site, text, capsys)
    assert code == 1
    assert "gemeente.yml:2: De gegevens zijn dieper genest dan 20 niveaus." in out


def test_a_duplicate_key_does_not_echo_huge_values(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "x" * 100_000
    code, out = check(base_site, f"id: gemeente\nnaam: {long}\nnaam: {long}\n", capsys)
    assert code == 1
    assert "het veld 'naam' staat er twee keer in" in out
    assert len(out) < 2_000


def test_the_repeat_check_is_linear() -> None:
    """values.count() per value took 35 s on a 640 KB list; a Counter takes milliseconds."""
    values = [f"gemeente-{i}" for i in range(200_000)]
    assert Organisatie._no_repeats(values) == values
    with pytest.raises(ValueError, match="'gemeente-1' staat er meer dan één keer in"):
        Organisatie._no_repeats([*values, "gemeente-1"])


def run_check(base_site: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["-f", str(base_site), "check", *TODAY])
    out, err = capsys.readouterr()
    return code, out + err


def test_a_misnamed_record_folder_is_an_error(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = base_site.parent / "data"
    (data / "locaties").rename(data / "locatie")
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert "data/locatie: Deze map wordt niet gelezen. Bedoelde u 'locaties'?" in out


def test_an_empty_data_folder_does_not_pass(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = base_site.parent / "data"
    for path in [*data.glob("*/*.yml")]:
        path.unlink()
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert "Alles in orde" not in out
    assert "Er staan geen records in data/organisaties/ en data/locaties/." in out


def test_reserved_names_hidden_files_and_capitals(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = base_site.parent / "data" / "organisaties"
    text = (folder / "gemeente.yml").read_text()
    (folder / "index.yml").write_text(text.replace("id: gemeente", "id: index"))
    (folder / "Nieuw.yml").write_text(text.replace("id: gemeente", "id: nieuw"))
    (folder / "._gemeente.yml").write_bytes(b"\x00\x05\x16\x07")  # macOS resource fork
    (folder / ".verborgen.yml").write_text("id: verborgen\n")
    (folder / "kopie.YML").write_text(text)
    (folder / "weg.yml").symlink_to(folder / "bestaat-niet.yml")
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert "organisaties/index.yml:1: 'index' is de naam van een lijstpagina." in out
    assert (
        "organisaties/Nieuw.yml:1: Gebruik kleine letters in de bestandsnaam: 'nieuw.yml'." in out
    )
    assert "Het id moet gelijk zijn" not in out
    assert "verborgen" not in out and "._gemeente" not in out
    assert "kopie.YML: Dit bestand wordt niet gelezen. Geef het de extensie .yml" in out
    assert "weg.yml: Dit is geen gewoon bestand" in out


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\ufffe", "\u202e", "\x00", "\x85"])
def test_invisible_characters_are_refused_with_their_line(
    base_site: Path, capsys: pytest.CaptureFixture[str], char: str
) -> None:
    folder = base_site.parent / "data" / "organisaties"
    text = (folder / "humanitas.yml").read_text()
    code, out = check(base_site, text.replace("Wij helpen", f"Wij{char} helpen"), capsys)
    assert code == 1
    line = text.splitlines().index("omschrijving: Wij helpen u met uw administratie.") + 1
    code_point = f"U+{ord(char):04X}"
    assert f"gemeente.yml:{line}: Er staat een onzichtbaar teken ({code_point})" in out


@pytest.mark.parametrize(
    "url",
    [
        "https://a.b\\@evil.example",
        "https://www.gemeente.nl@evil.example/",
        "https://user:pw@www.gemeente.nl/",
        "https://www.gemeente.nl\\.evil.example/",
    ],
)
def test_urls_that_hide_their_host_are_refused(url: str) -> None:
    with pytest.raises(ValidationError, match="een @ of \\\\ erin kan de bezoeker"):
        TypeAdapter(Url).validate_python(url)


def test_ordinary_urls_still_pass() -> None:
    url = "https://www.gemeente.nl/schulden?wijk=noord#contact"
    assert TypeAdapter(Url).validate_python(url) == url


# The referrers' guide: no deploy or network-wide serve publishes it unencrypted.

VERWIJZERS = SAMPLE / "mkdocs.verwijzers.yml"


def test_gh_deploy_of_the_referrers_guide_is_refused_without_encryption(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    pushed: list[object] = []
    monkeypatch.setattr("mkdocs.commands.gh_deploy.gh_deploy", lambda *a, **k: pushed.append(a))
    result = CliRunner().invoke(
        mkdocs_cli, ["gh-deploy", "-f", str(VERWIJZERS), "-d", str(tmp_path / "uit")]
    )
    assert result.exit_code == 1
    assert (
        "mkdocs gh-deploy zou de verwijzersgids publiek op GitHub Pages zetten, maar hij is "
        "niet versleuteld. Er is niets gepubliceerd." in result.output
    )
    assert pushed == []
    assert not (tmp_path / "uit").exists()


def startup_and_config(command: str, address: str) -> WegwijzerPlugin:
    config = load_config(str(VERWIJZERS), dev_addr=address)
    config.plugins.on_startup(command=command, dirty=False)
    config.plugins.on_config(config)
    plugin = config.plugins["wegwijzer"]
    assert isinstance(plugin, WegwijzerPlugin)
    return plugin


@pytest.mark.parametrize("address", ["0.0.0.0:8000", "192.168.1.20:8000", "[::]:8000"])
def test_serving_the_referrers_guide_to_the_network_is_refused_without_encryption(
    monkeypatch: pytest.MonkeyPatch, address: str
) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    with pytest.raises(PluginError) as refused:
        startup_and_config("serve", address)
    host = address.rsplit(":", 1)[0].strip("[]")
    assert str(refused.value).startswith(
        f"mkdocs serve op {host} laat iedereen in het netwerk de verwijzersgids lezen, maar "
        "hij is niet versleuteld."
    )


def test_a_local_serve_is_told_only_about_the_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    with pytest.raises(PluginError) as refused:
        startup_and_config("serve", "127.0.0.1:8000")
    assert str(refused.value).startswith("De verwijzersgids wordt alleen versleuteld gebouwd.")


@pytest.mark.parametrize("command", ["gh-deploy", "serve"])
def test_an_encrypted_referrers_guide_may_be_deployed_or_served(
    monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    assert startup_and_config(command, "0.0.0.0:8000").sealer is not None


# site_url and the flyers' QR codes: it works, or it is refused before anything is built.


def with_site_url(base_site: Path, url: str) -> Path:
    base_site.write_text(f"site_url: {url}\n" + base_site.read_text())
    return base_site


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://wegwijzer.example/?bron=flyer", "mkdocs.yml: site_url: Laat ? en # en alles"),
        ("https://wegwijzer.example/#top", "mkdocs.yml: site_url: Laat ? en # en alles"),
        (
            "https://wegwijzer.example/" + "lang/" * 500,
            "mkdocs.yml: site_url: Het adres is 2526 tekens lang; gebruik er hoogstens 200.",
        ),
    ],
)
def test_a_site_url_that_breaks_qr_codes_is_refused(
    base_site: Path, tmp_path: Path, url: str, expected: str
) -> None:
    config = load_config(str(with_site_url(base_site, url)), site_dir=str(tmp_path / "uit"))
    with pytest.raises(PluginError) as refused:
        config.plugins.on_config(config)
    assert str(refused.value).startswith(expected)


def test_the_longest_allowed_site_url_still_makes_a_qr_code(base_site: Path) -> None:
    url = "https://wegwijzer.example/" + "a" * (MAX_LENGTH - 27) + "/"
    assert len(url) == MAX_LENGTH and site_url_problems(url) == []
    record = base_site.parent / "data" / "locaties" / "bibliotheek.yml"
    long_id = "inloop-" + "b" * (MAX_ID - 7)  # the longest id allowed
    record.rename(record.with_name(f"{long_id}.yml"))
    record = record.with_name(f"{long_id}.yml")
    record.write_text(record.read_text().replace("id: bibliotheek", f"id: {long_id}"))
    dataset, report = validate_site(load_site(base_site), date(2026, 11, 22))
    assert report.errors == []
    site = render_site(dataset, load_site(base_site).config, date(2026, 11, 22), url)
    flyer = next(p for p in site.pages if p.path == f"flyers/{long_id}.md")
    svg = BeautifulSoup(flyer.text, "html.parser").select_one("svg")
    assert svg is not None and svg.select_one("title").get_text() == "QR-code naar deze pagina"
    assert f"{url}locaties/{long_id}/" in flyer.text


# Misleading messages: each points at the one file and line that needs a change, in Dutch.


def test_a_copy_with_the_old_id_does_not_blame_the_original(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = base_site.parent / "data" / "organisaties"
    (folder / "humanitas-kopie.yml").write_text((folder / "humanitas.yml").read_text())
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert sorted(line for line in out.splitlines() if line.startswith("data/")) == [
        "data/organisaties/humanitas-kopie.yml:2: id: Het id 'humanitas' wordt ook gebruikt in "
        "data/organisaties/humanitas.yml.",
        "data/organisaties/humanitas-kopie.yml:2: id: Het id moet gelijk zijn aan de "
        "bestandsnaam: 'humanitas-kopie'.",
    ]


def test_a_link_to_a_file_outside_the_site_is_not_read(
    base_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "geheim.yml"
    secret.write_text("id: buiten\nwachtwoord: geheim\n")
    (base_site.parent / "data" / "organisaties" / "buiten.yml").symlink_to(secret)
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert (
        "data/organisaties/buiten.yml: Dit is een snelkoppeling naar een bestand buiten de map "
        "van de site. Die wordt niet gelezen." in out
    )
    assert "wachtwoord" not in out


def test_a_link_inside_the_site_is_still_read(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = base_site.parent / "data" / "organisaties"
    (folder / "humanitas.yml").rename(base_site.parent / "humanitas.yml")
    (folder / "humanitas.yml").symlink_to(base_site.parent / "humanitas.yml")
    assert run_check(base_site, capsys)[0] == 0


def test_a_plugin_option_error_in_mkdocs_build_names_its_line(
    base_site: Path, tmp_path: Path
) -> None:
    base_site.write_text(base_site.read_text() + "      geocoder:\n        timeout: -1\n")
    with pytest.raises(Abort):  # mkdocs logs our message and stops
        load_config(str(base_site))
    plugin = WegwijzerPlugin()
    options = {"gemeente": "Teststad", "geocoder": {"timeout": -1}}
    errors, _ = plugin.load_config(options, str(base_site))
    assert [str(e) for _, e in errors] == [
        "mkdocs.yml:13: geocoder.timeout: Dit getal moet groter zijn dan 0.0."
    ]


def test_a_setting_given_as_text_is_told_which_fields_it_needs(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base_site.write_text(
        base_site.read_text().replace("      loket:\n", "      loket: x\n      oud:\n")
    )
    assert main(["-f", str(base_site), "check"]) == 1
    out = capsys.readouterr().out
    assert (
        "mkdocs.yml:9: loket: Hier horen velden onder elkaar, zoals 'naam:' en 'telefoon:'." in out
    )


@pytest.mark.parametrize("escape", ["\\x7f", "\\e[31m", "\\u202e", "\\x00"])
def test_invisible_characters_written_as_yaml_escapes_are_refused_too(
    base_site: Path, capsys: pytest.CaptureFixture[str], escape: str
) -> None:
    """The raw-file check sees only a backslash; the value holds the control character."""
    record = base_site.parent / "data" / "organisaties" / "gemeente.yml"
    record.write_text(
        record.read_text().replace(
            "omschrijving: Schuldhulp van de gemeente.", f'omschrijving: "Hulp{escape}"'
        )
    )
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert (
        "data/organisaties/gemeente.yml:3: omschrijving: Er staat een onzichtbaar teken (U+" in out
    )
