"""Records typed from real public sources (tests/fixtures/echt): they pass, every one reaches the
site, and what a source leaves out is said plainly instead of guessed."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from tests.conftest import build_site
from tests.test_build import mkdocs_build
from tests.test_export import SCHEMA as HSDS_SCHEMA
from tests.test_export import _format_checker
from tests.test_export import closed as closed_schema
from wegwijzer.cli import main
from wegwijzer.i18n import dutch_date
from wegwijzer.outputs import coverage as aanbod
from wegwijzer.records import vocab
from wegwijzer.records.hours import DAY_KEYS
from wegwijzer.records.models import in_netherlands
from wegwijzer.settings.config import load_site
from wegwijzer.tasks.validate import validate_site

REAL = Path(__file__).parent / "fixtures" / "echt"
TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(REAL / "mkdocs.yml", tmp_path_factory.mktemp("echt"))


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def text(site: Path, path: str) -> str:
    return " ".join(page(site, path).get_text(" ").split())


def test_real_records_pass_with_only_the_warnings_a_resident_needs() -> None:
    _, report = validate_site(load_site(REAL / "mkdocs.yml"), TODAY)
    assert report.errors == []
    assert sorted((f.path, f.field) for f in report.warnings) == [
        ("data/locaties/bibliotheek-keizerslanden.yml", "adres"),
        ("data/locaties/huis-van-leusden.yml", "adres"),
        # The school holidays are not shipped yet: check says so rather than guess.
        ("data/locaties/wijkcentrum-de-hoven.yml", "gesloten[2].schoolvakanties"),
    ]


def test_every_public_record_has_its_page_and_the_professional_only_one_none(
    real_site: Path,
) -> None:
    for kind in ("organisaties", "locaties"):
        for record in (REAL / "data" / kind).glob("*.yml"):
            shown = (real_site / kind / record.stem / "index.html").is_file()
            assert shown == (not record.stem.startswith("lsta")), record.name
    every_byte = b"".join(p.read_bytes() for p in real_site.rglob("*") if p.is_file())
    assert b"Landelijk Steunpunt Thuisadministratie" not in every_byte


def test_a_building_and_a_place_tell_the_resident_to_ask_and_give_a_number(
    real_site: Path,
) -> None:
    found = page(real_site, "locaties/bibliotheek-keizerslanden")
    assert found.select_one(".ww-adres").get_text(" ", strip=True) == (
        "Bibliotheek Keizerslanden Deventer"
    )
    assert "Vraag het precieze adres na" in found.select_one(".ww-let-op").get_text()
    calls = [a["href"] for a in found.select("a.ww-bel")]
    assert calls == ["tel:+31570123456", "tel:+31612345678"]  # the place's own line first
    assert "(alleen tijdens de inloop)" in text(real_site, "locaties/bibliotheek-keizerslanden")
    card = page(real_site, "overzicht").select_one('[data-id="bibliotheek-keizerslanden"]')
    assert "vraag het precieze adres na" in card.get_text()


def test_an_address_without_postcode_shows_the_one_the_geocoder_found(real_site: Path) -> None:
    shown = page(real_site, "locaties/inloop-vincentius").select_one(".ww-adres")
    assert shown.get_text(" ", strip=True) == "Van Bleyswijckstraat 91 2613 RN Delft"


def test_places_without_a_street_and_number_stay_off_the_map(real_site: Path) -> None:
    geojson = (real_site / "open-data" / "locaties.geojson").read_text(encoding="utf-8")
    assert "inloop-vincentius" in geojson and "stadhuis-deventer" in geojson
    assert "bibliotheek-keizerslanden" not in geojson and "huis-van-leusden" not in geojson


def test_an_organisation_reachable_only_at_its_walk_in_says_where_to_go(real_site: Path) -> None:
    contact = page(real_site, "organisaties/vincentius-delft").select_one(".ww-contact")
    assert contact.select_one('a[href="#waar"]') is not None


def test_real_languages_and_faith_read_as_dutch(real_site: Path) -> None:
    facts = text(real_site, "organisaties/vincentius-delft")
    assert "Nederlands, Papiaments, Sranantongo" in facts
    assert "vanuit een christelijke levensovertuiging. Iedereen is welkom." in facts
    moroccan = text(real_site, "organisaties/vrouwen-al-amal")
    assert "Marokkaans Arabisch" in moroccan and "Riffijns" in moroccan
    assert "wijken: Keizerslanden" in moroccan
    assert "Niet bekend. Vraag het na." in text(real_site, "organisaties/geldfit")


def test_fourteen_numbers_are_dialled_nationally_and_notes_stay_with_the_number(
    real_site: Path,
) -> None:
    deventer = page(real_site, "organisaties/gemeente-deventer")
    assert deventer.select_one("a.ww-bel")["href"] == "tel:140570"
    assert "(ma-vr 9-17 uur)" in deventer.select_one(".ww-contact").get_text()
    assert page(real_site, "organisaties/huis-van-leusden").select_one("a.ww-bel")["href"] == (
        "tel:14033"
    )


def test_national_help_reads_heel_nederland_and_offers_its_chat(real_site: Path) -> None:
    geldfit = page(real_site, "organisaties/geldfit")
    assert "Heel Nederland" in geldfit.get_text()
    assert geldfit.select_one('a[href="https://www.geldfit.nl/chat"]') is not None


def test_what_to_bring_is_a_checklist_and_an_age_range_is_said(real_site: Path) -> None:
    items = page(real_site, "organisaties/vincentius-delft").select(".ww-meenemen li")
    assert [li.get_text() for li in items] == [
        "Uw identiteitsbewijs",
        "Een brief van de gemeente of uw hulpverlener",
    ]
    assert "Jongeren (van 18 tot 27 jaar)" in text(real_site, "organisaties/jongerenloket-delft")


def _broken_copy(tmp_path: Path) -> Path:
    site = tmp_path / "echt"
    shutil.copytree(REAL, site)
    org = site / "data" / "organisaties" / "vincentius-delft.yml"
    org.write_text(org.read_text(encoding="utf-8").replace("fases: [preventie]", "fases: [x]"))
    return site / "mkdocs.yml"


def test_one_bad_record_stops_a_strict_build_and_names_itself(tmp_path: Path) -> None:
    result = mkdocs_build(_broken_copy(tmp_path), tmp_path / "uit")
    assert result.returncode == 1
    assert "data/organisaties/vincentius-delft.yml:5: fases[1]:" in result.stderr
    assert "De organisatie 'vincentius-delft' heeft fouten" in result.stderr  # its location


def test_a_lenient_build_publishes_every_good_record_and_names_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WEGWIJZER_BIJ_FOUTEN", "overslaan")
    result = mkdocs_build(_broken_copy(tmp_path), tmp_path / "uit")
    assert result.returncode == 0, result.stderr
    assert "Niet gepubliceerd: data/organisaties/vincentius-delft.yml" in result.stderr
    assert "Niet gepubliceerd: data/locaties/inloop-vincentius.yml" in result.stderr
    out = tmp_path / "uit"
    assert not (out / "organisaties" / "vincentius-delft").exists()
    assert not (out / "locaties" / "inloop-vincentius").exists()  # nobody helps there now
    assert (out / "organisaties" / "gemeente-deventer" / "index.html").is_file()
    assert (out / "locaties" / "bibliotheek-keizerslanden" / "index.html").is_file()


def test_national_help_counts_for_every_municipality_in_the_analysis() -> None:
    dataset, _ = validate_site(load_site(REAL / "mkdocs.yml"), TODAY)
    table = aanbod.matrices(dataset, vocab.DOELGROEPEN)[2]
    assert "landelijk" not in table.rows  # not a municipality of its own name
    assert table.count("Leusden", "preventie") == 3  # the sociaal team, Geldfit and LSTA


def test_branches_of_one_organisation_in_other_municipalities_are_not_duplicates(
    tmp_path: Path,
) -> None:
    site = tmp_path / "echt"
    shutil.copytree(REAL, site)
    org = site / "data" / "organisaties" / "jongerenloket-delft.yml"
    branch = org.read_text(encoding="utf-8").replace("Delft", "Deventer")
    branch += "website: https://www.jongerenloket.nl\n"
    org.write_text(org.read_text(encoding="utf-8") + "website: https://www.jongerenloket.nl\n")
    (org.parent / "jongerenloket-deventer.yml").write_text(
        branch.replace("id: jongerenloket-deventer", "x").replace(
            "id: jongerenloket-delft", "id: jongerenloket-deventer"
        ),
        encoding="utf-8",
    )
    _, report = validate_site(load_site(site / "mkdocs.yml"), TODAY)
    assert not [f for f in report.findings if "dubbel" in f.message]
    same = org.parent / "jongerenloket-deventer.yml"
    same.write_text(same.read_text(encoding="utf-8").replace("[Deventer]", "[Delft]"))
    _, report = validate_site(load_site(site / "mkdocs.yml"), TODAY)
    assert len([f for f in report.findings if "Is dit dubbel?" in f.message]) == 4


def test_times_in_dutch_notation_are_shown_as_clock_times(real_site: Path) -> None:
    assert "Donderdag 14:00 – 16:00" in text(real_site, "locaties/inloop-vincentius")
    assert "Dinsdag 10:00 – 12:00" in text(real_site, "locaties/bibliotheek-keizerslanden")
    assert "Woensdag 09:30 – 11:30" in text(real_site, "locaties/huis-van-leusden")


def _rows(found: BeautifulSoup) -> list[list[str]]:
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("th, td")]
        for row in found.select("table.ww-tijden tbody tr")
    ]


def test_walk_in_on_one_day_and_by_appointment_on_another_is_said_per_row(
    real_site: Path,
) -> None:
    found = page(real_site, "locaties/wijkcentrum-de-hoven")
    assert _rows(found) == [
        ["Dinsdag", "13:30 – 16:00", "Op afspraak."],
        ["Donderdag", "09:30 – 12:00", "Zonder afspraak."],
        ["Vrijdag", "Ochtend (bel voor de tijden)", "Zonder afspraak."],
    ]
    assert "Op sommige tijden" in found.select_one("table.ww-tijden caption").get_text()
    words = text(real_site, "locaties/wijkcentrum-de-hoven")
    assert "Maak eerst een afspraak" not in words and "Alleen op afspraak" not in words
    card = page(real_site, "overzicht").select_one('[data-id="wijkcentrum-de-hoven"]')
    assert card["data-zonder-afspraak"] == "ja"  # walk-in on some day counts for the filter


def test_a_walk_in_place_never_says_only_by_appointment(real_site: Path) -> None:
    for loc in ("inloop-vincentius", "bibliotheek-keizerslanden", "wijkcentrum-de-hoven"):
        words = text(real_site, f"locaties/{loc}")
        assert "U kunt zonder afspraak binnenlopen" in words or "Op sommige tijden" in words
        assert "Alleen op afspraak" not in words, loc
        assert "alleen op afspraak" not in words, loc


def test_yearly_closures_and_school_holidays_are_listed(real_site: Path) -> None:
    closed = [
        li.get_text(" ", strip=True)
        for li in page(real_site, "locaties/wijkcentrum-de-hoven").select("h3 + ul li")
        if "dicht" not in li.get_text()
    ]
    assert "Elk jaar van 24 december tot en met 1 januari: Tussen kerst en oud en nieuw" in closed
    assert "In de schoolvakanties (regio midden)" in closed


def test_hsds_says_when_there_are_no_clock_times_and_keeps_meetings(real_site: Path) -> None:
    hsds = json.loads((real_site / "open-data" / "hsds" / "organizations.json").read_text())
    validator = Draft202012Validator(closed_schema(json.loads(HSDS_SCHEMA.read_text())),
                                     format_checker=_format_checker())  # fmt: skip
    for organization in hsds:
        assert [e.message for e in validator.iter_errors(organization)] == []
    schedules = [
        s
        for org in hsds
        for service in org["services"]
        for link in service.get("service_at_locations", [])
        if link["location"]["external_identifier"] == "wijkcentrum-de-hoven"
        for s in link["schedules"]
    ]
    friday = next(s for s in schedules if s.get("byday") == "FR")
    assert "opens_at" not in friday
    assert friday["description"].startswith("Ochtend (bel voor de tijden).")
    assert "Binnenlopen zonder afspraak." in friday["notes"]
    meeting = next(s for s in schedules if s.get("count") == 1)
    assert (meeting["valid_from"], meeting["opens_at"], meeting["closes_at"]) == (
        "2027-03-09",
        "19:30",
        "21:00",
    )
    assert "Gesloten elk jaar van 24 december t" in friday["notes"]


def _dated_copy(tmp_path: Path, days: dict[str, int]) -> Path:
    """The real set with a location and meetings dated relative to today, so the build
    test never ages."""
    site = tmp_path / "echt"
    shutil.copytree(REAL, site)
    record = site / "data" / "locaties" / "wijkcentrum-de-hoven.yml"
    today = date.today()
    text = record.read_text(encoding="utf-8").replace(
        "  - datum: 2027-03-09\n",
        f"  - datum: {today + timedelta(days=days['past'])}\n"
        f"    van: '10:00'\n    tot: '11:00'\n    titel: Voorbij\n"
        f"  - datum: {today + timedelta(days=days['soon'])}\n",
    )
    text += f"geldig_vanaf: {today + timedelta(days=days['start'])}\n"
    record.write_text(text, encoding="utf-8")
    ended = site / "data" / "locaties" / "stadhuis-deventer.yml"
    ended.write_text(
        ended.read_text(encoding="utf-8") + f"geldig_tot: {today - timedelta(days=1)}\n",
        encoding="utf-8",
    )
    return site / "mkdocs.yml"


def test_meetings_start_dates_and_ended_places_on_the_built_site(tmp_path: Path) -> None:
    config = _dated_copy(tmp_path, {"past": -3, "soon": 10, "start": 40})
    out = build_site(config, tmp_path / "uit")
    found = page(out, "locaties/wijkcentrum-de-hoven")
    start = date.today() + timedelta(days=40)
    assert found.select_one(".ww-geldig").get_text() == f"Vanaf {dutch_date(start)}."
    meetings = found.select(".ww-bijeenkomsten li")
    assert len(meetings) == 1  # the past one is left out at build time
    soon = date.today() + timedelta(days=10)
    assert meetings[0]["data-ww-tot"] == soon.isoformat()  # and hides itself after the day
    weekday = vocab.DAGEN[DAY_KEYS[soon.weekday()]].capitalize()
    shown = meetings[0].get_text(" ", strip=True)
    assert shown.startswith(f"{weekday} {dutch_date(soon)}, 19:30 – 21:00: Week van")
    flyer = text(out, "flyers/wijkcentrum-de-hoven")
    assert "Bijeenkomsten" in flyer and "Week van het geld" in flyer
    assert "Op sommige tijden kunt u zonder afspraak binnenlopen" in flyer
    assert "Alleen op afspraak" not in flyer
    # A location whose last day is over is left off the site, its card too.
    assert not (out / "locaties" / "stadhuis-deventer").exists()
    assert page(out, "overzicht").select_one('[data-id="stadhuis-deventer"]') is None


def test_check_warns_for_an_ended_location_and_errs_for_a_point_abroad(tmp_path: Path) -> None:
    config = _dated_copy(tmp_path, {"past": -3, "soon": 10, "start": 40})
    cache = config.parent / "data" / "geocache.yml"
    cache.write_text(cache.read_text().replace("lat: 52.0083", "lat: 48.8566"), encoding="utf-8")
    _, report = validate_site(load_site(config), date.today())
    assert any(
        f.path == "data/locaties/stadhuis-deventer.yml" and "is voorbij sinds" in f.message
        for f in report.warnings
    )
    assert [(f.path, f.field) for f in report.errors] == [
        ("data/locaties/inloop-vincentius.yml", "adres")
    ]
    assert "ligt niet in Nederland" in report.errors[0].message


def test_points_on_bonaire_saba_and_sint_eustatius_are_in_the_netherlands() -> None:
    assert in_netherlands(12.15, -68.27) and in_netherlands(17.63, -63.24)
    assert in_netherlands(17.48, -62.97) and in_netherlands(52.37, 4.89)
    assert not in_netherlands(12.52, -70.03)  # Aruba is not part of the Netherlands itself
    assert not in_netherlands(48.85, 2.35)


def test_a_new_location_written_by_the_command_uncomments_into_a_valid_record(
    base_site: Path,
) -> None:
    """`wegwijzer nieuw locatie` shows every new field commented; uncommented, it passes."""
    assert (
        main(
            ["--config", str(base_site), "nieuw", "locatie", "proef", "--organisatie", "humanitas"]
        )
        == 0
    )
    record = base_site.parent / "data" / "locaties" / "proef.yml"
    written = record.read_text(encoding="utf-8")
    for field in ("dagdeel", "zonder_afspraak", "bijeenkomsten", "jaarlijks", "schoolvakanties"):
        assert f"# {field}:" in written or f"#   {field}:" in written or f"{field}:" in written
    lines = written.splitlines()
    header = [line for line in lines if line.startswith("# yaml-language-server")]
    body = [re.sub(r"^(\s*)# (?=[-a-z ]*[a-z_]+:|  )", r"\1", line) for line in lines[3:]]
    record.write_text("\n".join([*header, *lines[1:3], *body]) + "\n", encoding="utf-8")
    _, report = validate_site(load_site(base_site), date.today())  # the command wrote today
    errors = [str(f) for f in report.errors if "proef" in f.path]
    assert [e for e in errors if "voorbeeldtekst" not in e] == []  # placeholders: see test_cli
    assert "schoolvakanties: midden" in record.read_text(encoding="utf-8")


def test_a_point_far_from_the_other_locations_in_its_place_is_questioned(tmp_path: Path) -> None:
    site = tmp_path / "echt"
    shutil.copytree(REAL, site)
    for name, lat in (("buurthuis-a", 52.2550), ("buurthuis-b", 52.5120)):  # B: in Zwolle
        (site / "data" / "locaties" / f"{name}.yml").write_text(
            f"id: {name}\nnaam: Buurthuis {name[-1].upper()}\norganisaties: [gemeente-deventer]\n"
            f"adres:\n  gebouw: Buurthuis\n  plaats: Deventer\ncoordinaten:\n  lat: {lat}\n"
            "  lon: 6.1600\nlaatst_gecontroleerd: 2026-10-01\n",
            encoding="utf-8",
        )
    _, report = validate_site(load_site(site / "mkdocs.yml"), TODAY)
    far = [f for f in report.warnings if "km van de andere locaties" in f.message]
    assert [(f.path, f.message) for f in far] == [
        (
            "data/locaties/buurthuis-b.yml",
            "Dit punt ligt 29 km van de andere locaties in Deventer. Klopt het adres?",
        )
    ]


def test_the_csv_carries_meetings_and_a_locations_dates(real_site: Path) -> None:
    raw = (real_site / "open-data" / "locaties.csv").read_bytes().decode("utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(raw), delimiter=";")}
    assert rows["wijkcentrum-de-hoven"]["bijeenkomsten"] == (
        "Dinsdag 9 maart 2027, 19:30 – 21:00: Week van het geld: grip op uw post"
    )
    assert rows["wijkcentrum-de-hoven"]["spreekuren"].startswith(
        "Dinsdag 13:30 – 16:00 (Op afspraak.)"
    )
