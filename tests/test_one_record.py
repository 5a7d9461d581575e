"""Issue 31: one record never stops a build, and a lenient build keeps every good record.

Each test holds the smallest input that once passed `check` and then stopped every build, or
made a lenient build drop more than the broken record.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from geopy.geocoders import options as geopy_options
from mkdocs.exceptions import Abort

from tests.conftest import build_site
from tests.replay import Recorder
from wegwijzer.cli import main
from wegwijzer.geo.cache import GeocacheError, geocache_lock
from wegwijzer.geo.postcodes import load_postcodes, postcode_findings
from wegwijzer.site import shells

TODAY = ["--vandaag", "2026-11-22"]
LENIENT = "WEGWIJZER_BIJ_FOUTEN"


def run_check(config: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["-f", str(config), "check", *TODAY])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new), encoding="utf-8")


def page(out: Path, *parts: str) -> BeautifulSoup:
    return BeautifulSoup((out.joinpath(*parts) / "index.html").read_text("utf-8"), "html.parser")


# --- text that met the front matter's lines or the shells' tokens ---------------------------

SEPARATORS = "\u2028\u2029"  # U+0085 and control characters are refused by check


def test_line_separators_and_shell_tokens_in_record_text_build(
    base_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = base_site.parent / "data"
    naam = f"Hulp{SEPARATORS}wwshell WWSHELLDESC WWSHELLTITLE <!--WWSHELLREPORT-->"
    replace_in(data / "organisaties" / "gemeente.yml", "Gemeente Teststad", json.dumps(naam))
    replace_in(
        data / "organisaties" / "gemeente.yml",
        "Schuldhulp van de gemeente.",
        json.dumps(f"Eerste{SEPARATORS}tweede /wwshell/ <!--WWSHELLBODY<h1-->"),
    )
    replace_in(
        data / "locaties" / "bibliotheek.yml",
        "Inloop in de bibliotheek",
        json.dumps("Inloop\u2028in de bibliotheek WWSHELLDESC"),
    )
    code, out = run_check(base_site, capsys)
    assert code == 0, out
    built = build_site(base_site, tmp_path / "uit")
    org = page(built, "organisaties", "gemeente")
    assert org.title is not None and org.title.get_text().startswith(naam)
    description = org.select_one('meta[name="description"]')
    assert description is not None and description["content"].startswith("Eerste")
    assert org.select_one("h1") is not None
    location = page(built, "locaties", "bibliotheek")
    assert location.title is not None and "WWSHELLDESC" in location.title.get_text()
    description = location.select_one('meta[name="description"]')
    assert description is not None and description["content"].startswith("Inloop\u2028in")


def test_a_title_with_a_token_is_put_in_once() -> None:
    shell = (
        f"<title>{shells.TITLE}</title><meta content='{shells.DESCRIPTION}'>"
        f"<a href='/x/{shells.SHELL}/'>{shells.REPORT}{shells.BODY}</a>"
    )
    placed = shells.Placed(None, "locaties", "plek", "locaties/plek/", "x")  # type: ignore[arg-type]
    meta = {"title": f"A {shells.DESCRIPTION} wwshell", "description": f"B {shells.TITLE}"}
    body = f"wwshell {shells.REPORT} {shells.TITLE}"
    html = shells.fill(shell, placed, meta, body, lambda title, url: f"[{title}]")
    assert html == (
        f"<title>A {shells.DESCRIPTION} wwshell</title><meta content='B {shells.TITLE}'>"
        f"<a href='/x/plek/'>[A {shells.DESCRIPTION} wwshell]{body}</a>"
    )


def test_front_matter_lines_end_at_newlines_only() -> None:
    title = "a\u2028b\u2029c\u0085d\x1ce\x0bf"  # as the templates' tojson writes them
    text = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\nbody"
    assert shells.front_matter(text) == ({"title": title}, "body")


# --- data/postcodes.csv ----------------------------------------------------------------------

HEADER = "# Bron: test\npc4,plaats,lat,lon\n"
GOOD = "3811,Teststad,52.157,5.386\n"
BROKEN_TABLES = {
    "conflict": (HEADER + "<<<<<<< HEAD\n" + GOOD + "=======\n>>>>>>> main\n", 3, "merge-conflict"),
    "comma": (HEADER + GOOD + '3812,Teststad,"52,1","5,3"\n', 4, "Gebruik een punt"),
    "unquoted comma": (HEADER + GOOD + "3812,Teststad,52,1,5,3\n", 4, "6 kolommen"),
    "nan": (HEADER + GOOD + "3812,Teststad,nan,5.3\n", 4, "lat is geen coördinaat"),
    "inf": (HEADER + GOOD + "3812,Teststad,52.1,inf\n", 4, "lon is geen coördinaat"),
    "columns": ("postcode,plaats,x,y\n" + GOOD, 1, "de kolommen pc4,plaats,lat,lon"),
    "postcode": (HEADER + GOOD + "38,Teststad,52.1,5.3\n", 4, "vier cijfers"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_TABLES))
def test_a_broken_postcode_table_is_named_and_never_breaks_the_json(
    case: str, base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, line, words = BROKEN_TABLES[case]
    path = base_site.parent / "data" / "postcodes.csv"
    path.write_text(text, encoding="utf-8")
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert f"data/postcodes.csv:{line}: " in out and words in out, out
    table = load_postcodes(path)
    if table is not None:
        json.dumps(table.browser_data(), allow_nan=False)  # never NaN or Infinity
        if case != "columns":
            assert "3811" in table.areas  # the good rows stay


def test_a_postcode_table_in_latin_1_is_named(tmp_path: Path) -> None:
    path = tmp_path / "postcodes.csv"
    path.write_bytes((HEADER + "3811,Wûnseradiel,52.1,5.3\n").encode("latin-1"))
    findings = postcode_findings(path, "data/postcodes.csv")
    assert [f.line for f in findings] == [3] and "geen UTF-8" in findings[0].message
    assert load_postcodes(path) is None  # the build falls back to the locations' own postcodes


def test_a_lenient_build_with_a_broken_postcode_table_publishes(
    base_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (base_site.parent / "data" / "postcodes.csv").write_text(
        HEADER + GOOD + "3812,Teststad,nan,inf\n", encoding="utf-8"
    )
    with pytest.raises(Abort):
        build_site(base_site, tmp_path / "streng")
    monkeypatch.setenv(LENIENT, "overslaan")
    out = build_site(base_site, tmp_path / "uit")
    found = list(out.rglob("postcodes*.json"))
    assert found
    for path in found:
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_refuse)
        assert "3811" in data["pc"] and "3812" not in data["pc"]


def _refuse(constant: str) -> None:
    raise AssertionError(f"{constant} in JSON")


# --- languages and ids -----------------------------------------------------------------------


def test_a_site_catalog_for_a_code_babel_does_not_know_is_refused(
    base_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = base_site.parent
    (root / "vertalingen").mkdir()
    (root / "vertalingen" / "qaa.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    replace_in(base_site, "gemeente: Teststad", "gemeente: Teststad\n      talen: [en, qaa]")
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert "talen: de taalcode 'qaa' kennen we niet" in out
    with pytest.raises(Abort):
        build_site(base_site, tmp_path / "uit")


@pytest.mark.parametrize("code", ["und", "zxx", "tlh", "mis", "mul", "qaa", "qtz"])
def test_pseudo_languages_are_no_spoken_language(
    code: str, base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = base_site.parent / "data" / "organisaties" / "gemeente.yml"
    replace_in(record, "soort: gemeente", f"soort: gemeente\ntalen: [nl, {code}]")
    status, out = run_check(base_site, capsys)
    assert status == 1
    assert f"gemeente.yml:5: talen[2]: '{code}' is geen taal die mensen hier spreken" in out


def test_an_id_longer_than_a_file_name_may_be_is_an_error(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = base_site.parent / "data" / "organisaties" / "gemeente.yml"
    replace_in(record, "id: gemeente", "id: " + "a" * 300)
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert "gemeente.yml:1: id: Dit is te lang: hoogstens 100 tekens." in out
    long_name = record.with_name("b" * 250 + ".yml")
    long_name.write_text(record.read_text().replace("a" * 300, "b" * 250), encoding="utf-8")
    code, out = run_check(base_site, capsys)
    assert code == 1 and f"{long_name.name}:1: id: Dit is te lang" in out


# --- the lenient build keeps good records ----------------------------------------------------


def test_a_shared_location_stays_while_one_organisation_stands(
    base_site: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    humanitas = base_site.parent / "data" / "organisaties" / "humanitas.yml"
    replace_in(humanitas, "nazorg]", "nazorgg]")  # one typo in one organisation
    monkeypatch.setenv(LENIENT, "overslaan")
    out = build_site(base_site, tmp_path / "uit")
    assert not (out / "organisaties" / "humanitas").exists()
    assert (out / "locaties" / "bibliotheek" / "index.html").is_file()  # the gemeente helps there
    err = capsys.readouterr().err
    assert "WARNING -  Niet gepubliceerd: data/organisaties/humanitas.yml" in err
    assert "Niet gepubliceerd: data/locaties/bibliotheek.yml" not in err
    assert "Niet gepubliceerd: data/locaties/wijkcentrum.yml" in err  # nobody helps there now


def test_one_bad_geocache_entry_costs_one_pin(
    base_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    cache = base_site.parent / "data" / "geocache.yml"
    replace_in(cache, "lat: 52.0881", "lat: 520.881")  # the wijkcentrum's entry
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert "data/geocache.yml:4: lange nieuwstraat 12-a, 3512 ab teststad.lat: " in out
    assert "1 van de 3 adressen in dit bestand worden niet gebruikt" in out
    monkeypatch.setenv(LENIENT, "overslaan")
    out_dir = build_site(base_site, tmp_path / "uit")
    err = capsys.readouterr().err
    assert "data/geocache.yml is niet (helemaal) gebruikt" in err
    points = json.loads((out_dir / "open-data" / "locaties.geojson").read_text("utf-8"))
    located = {f["properties"]["id"] for f in points["features"]}
    assert located == {"bibliotheek"}  # the other pin stays


@pytest.mark.parametrize("how", ["empty", "missing"])
def test_a_site_without_locations_is_told(
    how: str, base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = base_site.parent / "data" / "locaties"
    for record in folder.iterdir():
        record.unlink()
    if how == "missing":
        folder.rmdir()
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert "Alles in orde" not in out
    assert "data/locaties: Er staan geen locaties in data/locaties/" in out


# --- geocode, links, misleading silence ------------------------------------------------------


def test_the_geocode_lock_holds_with_another_tmpdir(
    base_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = base_site.parent / "data" / "geocache.yml"
    before = {p.name for p in cache.parent.iterdir()}
    with geocache_lock(cache, "data/geocache.yml"):
        other = tmp_path / "andere-tmp"
        other.mkdir()
        monkeypatch.setattr(tempfile, "tempdir", str(other))  # a second run, another TMPDIR
        with (
            pytest.raises(GeocacheError, match="Er draait al"),
            geocache_lock(cache, "data/geocache.yml"),
        ):
            pass
        assert {p.name for p in cache.parent.iterdir()} == before  # nothing in the repository
    with geocache_lock(cache, "data/geocache.yml"):
        pass


def test_an_offline_geocode_names_the_addresses_it_did_not_look_up(
    base_site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (base_site.parent / "data" / "geocache.yml").unlink()
    recorder = Recorder()
    recorder.answers["pdok"]["Stationsplein 1, 3511 AB Teststad"] = [{"timeout": True}]
    monkeypatch.setattr(geopy_options, "default_adapter_factory", recorder.factory())
    monkeypatch.setattr("time.sleep", lambda s: None)
    assert main(["-f", str(base_site), "geocode", "--stil"]) == 2
    err = capsys.readouterr().err
    assert "data/locaties/bibliotheek.yml:4: adres: niet opgezocht: Stationsplein 1" in err
    assert "data/locaties/wijkcentrum.yml:4: adres: niet opgezocht: Lange Nieuwstraat 12-A" in err


def test_a_linked_record_folder_outside_the_site_is_not_read(
    base_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = base_site.parent / "data"
    elsewhere = tmp_path / "elders"
    shutil.move(data / "organisaties", elsewhere)
    (data / "organisaties").symlink_to(elsewhere, target_is_directory=True)
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert "data/organisaties/gemeente.yml: Dit is een snelkoppeling naar een bestand buiten" in out


def test_a_linked_geocache_outside_the_site_is_not_read(
    base_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = base_site.parent / "data" / "geocache.yml"
    shutil.move(cache, tmp_path / "geocache.yml")
    cache.symlink_to(tmp_path / "geocache.yml")
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert "data/geocache.yml: Dit is een snelkoppeling naar een bestand buiten" in out


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"a\\ud800"', "meenemen: Hier staat een code die geen teken is"),
        ('["a", ""]', "meenemen[2]: Dit veld mag niet leeg zijn."),
    ],
)
def test_a_field_of_several_kinds_gets_one_message_without_pydantic_words(
    value: str, expected: str, base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = base_site.parent / "data" / "organisaties" / "gemeente.yml"
    record.write_text(record.read_text(encoding="utf-8") + f"meenemen: {value}\n", "utf-8")
    code, out = run_check(base_site, capsys)
    mine = [line for line in out.splitlines() if "meenemen" in line]
    assert code == 1 and len(mine) == 1 and expected in mine[0], out
    assert "constrained" not in out and "Hier hoort tekst" not in out


def test_a_byte_that_is_no_utf_8_is_named_on_its_own_line(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = base_site.parent / "data" / "organisaties" / "gemeente.yml"
    lines = record.read_bytes().split(b"\n")
    lines[2] = b"omschrijving: x\xed\xa0\x80y"  # a lone surrogate written as bytes
    record.write_bytes(b"\n".join(lines))
    code, out = run_check(base_site, capsys)
    assert code == 1
    assert "data/organisaties/gemeente.yml:3: Het bestand is geen UTF-8-tekst: op deze regel" in out
