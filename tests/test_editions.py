"""Beyond the page: the printable wegwijzer, the aanbodanalyse, open data, and the referrers'
edition, which may add direct lines but must never leak them into the public site."""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import re
import shutil
from datetime import date
from pathlib import Path

import phonenumbers
import pytest
from bs4 import BeautifulSoup
from cryptography.exceptions import InvalidTag
from mkdocs.exceptions import Abort

from tests.conftest import PASSPHRASE, SAMPLE, build_site, open_envelope
from wegwijzer.outputs import coverage as aanbod
from wegwijzer.records import vocab
from wegwijzer.records.loader import Dataset
from wegwijzer.settings.config import load_site
from wegwijzer.settings.present import phone_display
from wegwijzer.tasks.validate import validate_site

TODAY = date(2026, 11, 22)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    data, _ = validate_site(load_site(SAMPLE / "mkdocs.verwijzers.yml"), TODAY)
    return data


def public_values(dataset: Dataset) -> set[str]:
    """Values that are public anyway, e.g. a general e-mail address also given to referrers."""
    values: set[str] = set()
    for org in dataset.organisaties.values():
        values |= {v for v in (org.telefoon, org.email, org.whatsapp, org.website) if v}
        for contact in org.contactpersonen:
            if contact.zichtbaarheid == "publiek":
                values |= {v for v in (contact.naam, contact.telefoon, contact.email) if v}
    return values


def secret_forms(dataset: Dataset) -> dict[str, set[str]]:
    """Every referrer-only value, in every form it could be written in the output."""
    secrets: dict[str, set[str]] = {}
    public = public_values(dataset)
    for org in dataset.organisaties.values():
        for contact in org.contactpersonen:
            if contact.zichtbaarheid != "verwijzers":
                continue
            if contact.naam and contact.naam not in public:
                secrets[contact.naam] = {contact.naam}
            if contact.email and contact.email not in public:
                secrets[contact.email] = {contact.email, contact.email.replace("@", "%40")}
            if contact.telefoon and contact.telefoon not in public:
                secrets[contact.telefoon] = phone_forms(contact.telefoon)
        if org.verwijzen:
            secrets[org.verwijzen[:40]] = {org.verwijzen[:40]}
    return secrets


def phone_forms(number: str) -> set[str]:
    parsed = phonenumbers.parse(number, "NL")
    fmt = phonenumbers.PhoneNumberFormat
    forms = {number, re.sub(r"\D", "", number)}
    kinds = (fmt.E164, fmt.NATIONAL, fmt.INTERNATIONAL, fmt.RFC3966)  # RFC3966: the tel: URI
    forms |= {phonenumbers.format_number(parsed, f) for f in kinds}
    international = phonenumbers.format_number(parsed, fmt.INTERNATIONAL)
    e164 = phonenumbers.format_number(parsed, fmt.E164)
    forms |= {f"tel:{e164}", f"TEL;TYPE=WORK:{international}", f"TEL;TYPE=CELL:{international}"}
    return forms


def all_bytes(site: Path) -> list[tuple[Path, str]]:
    out = []
    for path in site.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            if path.suffix == ".gz":
                raw = gzip.decompress(raw)
            out.append((path, raw.decode("utf-8", errors="replace")))
    return out


@pytest.mark.parametrize("edition", ["publiek", "verwijzers"])
def test_no_referrer_only_value_reaches_any_public_byte(
    sample_site: Path, referrers_site: Path, dataset: Dataset, edition: str
) -> None:
    """Both editions are public files: the referrers' one only as ciphertext."""
    site = sample_site if edition == "publiek" else referrers_site
    secrets = secret_forms(dataset)
    assert len(secrets) >= 10, "the overlay has referrer-only contacts and notes"
    files = all_bytes(site)
    assert any(p.name == "search_index.json" for p, _ in files)
    assert any(p.name == "sitemap.xml" for p, _ in files)
    leaks = [
        (key, str(path.relative_to(site)))
        for key, forms in secrets.items()
        for path, text in files
        for form in forms
        if form.casefold() in text.casefold()
    ]
    assert leaks == []


def test_the_referrers_edition_shows_the_direct_lines_once_opened(
    referrers_opened: dict[str, str], dataset: Dataset
) -> None:
    opened = referrers_opened
    assert {"search/search_index.json", "sitemap.xml", "open-data/organisaties.json"} <= set(opened)
    text = " ".join(opened.values())
    for key in secret_forms(dataset):
        assert key in text or key.replace("@", "%40") in text, key
    page = BeautifulSoup(opened["index.html"], "html.parser")
    assert page.select_one('meta[name="robots"][content="noindex, nofollow"]')
    assert page.select_one(".ww-verwijzers")
    door = page.select_one(".ww-voordeur a[href='#ww-loket-titel']")
    assert door is not None and page.select_one("#ww-loket-titel") is not None
    card = opened["organisaties/schuldhulp-gemeente-voorbeeldstad.vcf"]
    assert "TEL;TYPE=VOICE:+31 33 460 2010" in card
    assert "verwijzers-schuldhulp@voorbeeldstad.example" in card


def test_each_page_is_a_passphrase_form_with_a_strong_key(referrers_site: Path) -> None:
    page = soup(referrers_site / "organisaties" / "bewindvoering-kooistra" / "index.html")
    assert page.select_one("form#ww-slot input[type=password]") is not None
    src = page.select_one("script[src]")["src"]
    assert src.startswith("../../assets/wegwijzer/js/slot.js?v=")
    assert not page.select("script:not([src]):not([type])")
    box = json.loads(page.select_one("#ww-slot-data").get_text())
    assert box["iteraties"] >= 600_000 and box["kdf"] == "PBKDF2-SHA256"
    with pytest.raises(InvalidTag):
        open_envelope(json.dumps(box), PASSPHRASE + "x")


def test_without_a_passphrase_the_referrers_build_refuses_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("WEGWIJZER_VERWIJZERS_WACHTWOORD", raising=False)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(SAMPLE / "mkdocs.verwijzers.yml", tmp_path / "site")
    assert (
        "Zet het wachtwoord in de omgevingsvariabele WEGWIJZER_VERWIJZERS_WACHTWOORD" in caplog.text
    )
    assert not (tmp_path / "site").exists()


def test_the_print_page_lists_every_active_organisation_by_phase(
    sample_site: Path, dataset: Dataset
) -> None:
    page = soup(sample_site / "afdrukken" / "index.html")
    for phase, label in vocab.FASES_INWONERS.items():  # residents read plain words
        heading = page.select_one(f"#print-{phase}")
        assert heading is not None and heading.get_text() == label
        names = set()
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            names |= {h.get_text() for h in sibling.select("h3")}
        expected = {o.naam for o in aanbod.active(dataset) if phase in o.fases}
        assert names == expected, phase
    text = page.get_text()
    for org in aanbod.active(dataset):
        if org.telefoon:
            assert phone_display(org.telefoon) in text, org.id


def test_flyers_carry_a_qr_code_only_when_the_site_url_is_known(
    sample_site: Path, tmp_path: Path
) -> None:
    flyer = soup(sample_site / "flyers" / "inloop-geldzaken-bibliotheek-centrum" / "index.html")
    assert flyer.select_one("table.ww-tijden") is not None
    assert flyer.select_one(".ww-qr svg") is None  # the sample mkdocs.yml has no site_url
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        (SAMPLE / "mkdocs.yml").read_text().replace("# site_url:", "site_url:"), encoding="utf-8"
    )
    shutil.copytree(SAMPLE / "data", tmp_path / "data")  # records linked from outside are refused
    for name in ("docs", "overrides"):
        (tmp_path / name).symlink_to(SAMPLE / name)
    site = build_site(config, tmp_path / "site")
    flyer = soup(site / "flyers" / "inloop-geldzaken-bibliotheek-centrum" / "index.html")
    svg = flyer.select_one(".ww-qr svg")
    assert svg is not None and svg.select_one("title")
    caption = flyer.select_one(".ww-qr figcaption").get_text()
    assert caption.endswith("/locaties/inloop-geldzaken-bibliotheek-centrum/")


def test_the_analysis_matrix_is_a_table_with_words_not_only_colours(
    sample_site: Path, dataset: Dataset
) -> None:
    page = soup(sample_site / "aanbod" / "index.html")
    table = page.select_one("table.ww-matrix")
    assert table is not None and table.select_one("caption")
    assert [th.get("scope") for th in table.select("thead th")] == ["col"] * 5
    rows = {tr.select_one("th").get_text(): tr for tr in table.select("tbody tr")}
    groups = load_site(SAMPLE / "mkdocs.yml").config.target_groups()
    for key, label in groups.items():
        cells = [td.get_text(" ", strip=True) for td in rows[label].select("td")]
        for phase, cell in zip(vocab.FASES, cells, strict=True):
            count = sum(  # help for everyone counts for every group: no false gaps
                1
                for o in aanbod.active(dataset)
                if (key in o.doelgroepen or "iedereen" in o.doelgroepen) and phase in o.fases
            )
            assert cell.split()[0] == str(count)
            assert ("gat" in cell) == (count == 0)
            assert ("veel" in cell) == (count >= aanbod.OVERLAP)


def test_the_analysis_is_also_a_csv(sample_site: Path) -> None:
    raw = (sample_site / "open-data" / "aanbodanalyse.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "tabel", "rij", "fase", "aantal organisaties", "waarvan voor iedereen", "oordeel",
        "organisaties",
    ]  # fmt: skip
    assert {r[0] for r in rows[1:]} == {
        "Fase en doelgroep", "Fase en taal", "Fase en gemeente", "Wie doet wat",
        "Inloopuren per week",
    }  # fmt: skip
    for row in rows[1:]:
        if row[0] != "Inloopuren per week" and row[3] != "0":
            assert len(row[6].split(", ")) >= int(row[3]) > 0  # every cell names its members


def test_every_cell_lists_its_organisations_and_how_many_help_everyone(
    sample_site: Path, dataset: Dataset
) -> None:
    table = aanbod.matrices(dataset, load_site(SAMPLE / "mkdocs.yml").config.target_groups())[0]
    row, phase = "jongeren", "preventie"
    members = table.members(row, phase)
    specific = {o.naam for o in aanbod.active(dataset) if row in o.doelgroepen and phase in o.fases}
    everyone = {
        o.naam for o in aanbod.active(dataset) if "iedereen" in o.doelgroepen and phase in o.fases
    }
    assert specific and everyone, "the sample has both kinds in this cell"
    assert {m.naam for m in members if m.specific} == specific
    assert {m.naam for m in members if not m.specific} == everyone - specific
    assert table.general(row, phase) == len(everyone - specific)
    page = soup(sample_site / "aanbod" / "index.html")
    cell = (
        page.select("table.ww-matrix")[0]
        .select("tbody tr")[list(table.rows).index(row)]
        .select("td")[list(vocab.FASES).index(phase)]
    )
    links = {a.get_text() for a in cell.select("details a")}
    assert links == specific | everyone
    assert f"({len(everyone - specific)} voor iedereen)" in cell.select_one("summary").get_text()


def test_who_does_what_counts_roles_and_activities_by_phase(dataset: Dataset) -> None:
    table = aanbod.matrices(dataset, vocab.DOELGROEPEN)[3]
    assert table.title == "Wie doet wat"
    assert len(table.rows) == len(vocab.ROLLEN) + len(vocab.ACTIVITEITEN) == 13
    for key in vocab.ACTIVITEITEN:
        for phase in vocab.FASES:
            expected = sum(
                1 for o in aanbod.active(dataset) if key in o.activiteiten and phase in o.fases
            )
            assert table.count(f"activiteit:{key}", phase) == expected


def test_walk_in_hours_per_week_count_monthly_hours_in_part() -> None:
    dataset, _ = validate_site(load_site(SAMPLE / "mkdocs.yml"), TODAY)
    rows = {w.plaats: w for w in aanbod.walk_in_hours(dataset, aanbod.active(dataset))}
    assert set(rows) == {loc.adres.plaats for loc in dataset.locaties.values()}
    buurdorp = [loc for loc in dataset.locaties.values() if loc.adres.plaats == "Buurdorp"]
    assert rows["Buurdorp"].locaties == len(buurdorp)
    # Only "dinsdag 19:00-20:30 in the 2nd and 4th week": 1.5 h x 2 of 4.33 weeks, not 1.5 h.
    church = dataset.locaties["diaconaal-spreekuur-ontmoetingskerk"]
    assert [(h.van, h.tot, h.weken) for h in church.spreekuren] == [("19:00", "20:30", [2, 4])]
    assert aanbod._weekly_hours(church) == pytest.approx(1.5 * 2 / (52 / 12))


def test_stale_records_are_listed_for_the_municipality(dataset: Dataset) -> None:
    assert aanbod.stale_records(dataset, TODAY, 12) == []
    later = aanbod.stale_records(dataset, date(2027, 11, 30), 12)
    assert later and later == sorted(later, key=lambda s: (s.gecontroleerd, s.id))


def test_the_open_data_page_links_every_export(sample_site: Path) -> None:
    page = soup(sample_site / "open-data" / "index.html")
    links = {a["href"] for a in page.select("a[download]")}
    files = {
        "../" + p.relative_to(sample_site).as_posix()
        for p in (sample_site / "open-data").rglob("*")
        if p.is_file() and p.name != "index.html"
    }
    assert links == files
    assert "CC0" in page.get_text()


@pytest.mark.parametrize("label", ['=HYPERLINK("https://evil.example")', "+1", "-1", "@SUM(A1)"])
def test_the_analysis_csv_never_holds_a_formula(label: str) -> None:
    """Werkgebied values and custom target-group labels are typed text, like in the other CSVs."""
    table = aanbod.Matrix("Fase en gemeente", "Gemeente", {"x": label}, {})
    raw = aanbod.matrices_csv([table]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw), delimiter=";"))
    assert {row[1] for row in rows[1:]} == {"'" + label}
