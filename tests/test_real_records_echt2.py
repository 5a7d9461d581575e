"""The second field test (issue 26, tests/fixtures/echt2): facts real sources state that the
format could not hold before, each published or refused exactly as docs/gegevens.md says."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import build_site
from wegwijzer.settings.config import load_site
from wegwijzer.tasks.validate import validate_site

FIXTURES = Path(__file__).parent / "fixtures"
ECHT2 = FIXTURES / "echt2"
TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(ECHT2 / "mkdocs.yml", tmp_path_factory.mktemp("echt2"))


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def words(found: BeautifulSoup) -> str:
    article = found.select_one("article") or found
    for script in article.select("script"):
        script.decompose()
    return " ".join(article.get_text(" ").split())


def opening_hours(site: Path, location_id: str) -> str | None:
    document = json.loads((site / "open-data" / "locaties.json").read_text(encoding="utf-8"))
    return next(r for r in document["locaties"] if r["id"] == location_id)["opening_hours"]


def findings(config: Path) -> list[str]:
    _, report = validate_site(load_site(config), TODAY)
    return [str(f) for f in report.errors]


def copy_of(fixture: Path, tmp_path: Path) -> Path:
    target = tmp_path / fixture.name
    shutil.copytree(fixture, target)
    return target


def test_every_new_style_passes_with_only_the_vague_address_warnings() -> None:
    _, report = validate_site(load_site(ECHT2 / "mkdocs.yml"), TODAY)
    assert report.errors == []
    assert {f.field for f in report.warnings} == {"adres"}
    # An address on request is deliberate, not vague: no warning for it.
    assert "data/locaties/uitdeelpunt-sleeuwijk.yml" not in {f.path for f in report.warnings}


def test_an_address_on_request_gives_the_place_and_whom_to_call_and_stays_off_the_map(
    site: Path,
) -> None:
    found = page(site, "locaties/uitdeelpunt-sleeuwijk")
    assert found.select_one(".ww-adres").get_text(" ", strip=True) == "Sleeuwijk"
    note = found.select_one(".ww-op-aanvraag")
    assert note.get_text(" ", strip=True) == "Adres op aanvraag. Bel 06 87654321"
    assert note.select_one("a")["href"] == "tel:+31687654321"
    assert "Route plannen" not in words(found)
    assert "Vrijdag 14:00 – 15:30 Alleen in de even weken." in words(found)
    assert opening_hours(site, "uitdeelpunt-sleeuwijk") == "week 02-52/2 Fr 14:00-15:30; PH off"
    geojson = (site / "open-data" / "locaties.geojson").read_text(encoding="utf-8")
    assert "uitdeelpunt-sleeuwijk" not in geojson


def test_a_closure_without_a_start_reads_gesloten_tot_nader_bericht(site: Path) -> None:
    found = page(site, "locaties/wijkteam-gravendeel")
    assert found.select_one(".ww-nu-open").get_text(" ", strip=True) == (
        "Gesloten tot nader bericht."
    )
    assert "Tot nader bericht: Verbouwing" in words(found)
    hours = opening_hours(site, "wijkteam-gravendeel")
    assert hours == "Tu 09:00-11:00; 1900 Jan 01+ off; PH off"


def test_a_closed_organisation_without_hours_is_never_by_appointment(site: Path) -> None:
    found = page(site, "locaties/de-brug-woudrichem")
    line = found.select_one(".ww-nu-open")
    assert line.get_text(strip=True) == "Gesloten tot nader bericht."
    assert not line.has_attr("data-ww-open")  # the live line cannot say "Nu open" over it
    assert "Alleen op afspraak" not in words(found)
    card = page(site, "overzicht").select_one('[data-id="de-brug-woudrichem"]')
    assert "Tijdelijk gesloten." in card.get_text(" ", strip=True)
    assert card.select_one("[data-ww-locatie]") is None
    hours = opening_hours(site, "de-brug-woudrichem")
    assert hours == 'off "gesloten tot nader bericht"'


def test_unknown_hours_say_so_with_what_to_use(site: Path) -> None:
    found = page(site, "locaties/kerk-woudrichem")
    line = found.select_one(".ww-nu-open")
    assert line.get_text(" ", strip=True) == (
        "Tijden onbekend. E-mail: geldhulp@pgwoudrichem.example"
    )
    assert line.select_one("a")["href"] == "mailto:geldhulp@pgwoudrichem.example"


def test_a_waiting_list_is_said_and_ranked_after_help_that_can_start_now(site: Path) -> None:
    bewind = words(page(site, "organisaties/bewind-altena"))
    assert "Er is een wachtlijst." in bewind
    assert (
        "Voorwaarden Inkomen tot 120% van het sociaal minimum Alleen via een hulpverlener" in bewind
    )
    assert "Reactietijd Binnen 4 weken een kennismakingsgesprek" in bewind
    full = words(page(site, "organisaties/schuldmaatje-altena"))
    assert "Neemt nu geen nieuwe cliënten aan." in full
    cards = page(site, "overzicht").select("[data-ww-lijst] > li.ww-kaartje--organisatie")
    ids = [card["data-id"] for card in cards]
    waiting = {"bewind-altena", "schuldmaatje-altena"}
    assert set(ids[-2:]) == waiting  # by name they would be first and near the top
    places = page(site, "overzicht").select("[data-ww-lijst] > li.ww-kaartje--locatie")
    assert places[-1]["data-id"] == "spreekuur-andel"  # only the waiting list helps there
    bewind = next(card for card in cards if card["data-id"] == "bewind-altena")
    assert "Er is een wachtlijst." in bewind.get_text()
    csv = (site / "open-data" / "organisaties.csv").read_bytes().decode("utf-8-sig")
    assert "Neemt nu geen nieuwe cliënten aan." in csv


def test_help_at_home_says_where_and_how_to_reach_it(site: Path) -> None:
    found = page(site, "organisaties/thuisadministratie-altena")
    waar = found.select_one(".ww-waar").get_text(" ", strip=True)
    assert "Bij u thuis. De hulp komt bij u thuis." in waar
    assert "geen inloop" not in waar


def test_a_referral_only_organisation_needs_no_public_channel(site: Path) -> None:
    assert not (site / "organisaties" / "steunpunt-verwijzers").exists()


def test_a_value_starting_with_an_apostrophe_asks_for_double_quotes(tmp_path: Path) -> None:
    root = copy_of(ECHT2, tmp_path)
    place = root / "data" / "locaties" / "wijkteam-gravendeel.yml"
    place.write_text(
        place.read_text(encoding="utf-8").replace('"\'s-Gravendeel"', "'s-Gravendeel"),
        encoding="utf-8",
    )
    area = root / "data" / "organisaties" / "thuisadministratie-altena.yml"
    area.write_text(
        area.read_text(encoding="utf-8").replace('"\'s-Hertogenbosch"', "'s-Hertogenbosch"),
        encoding="utf-8",
    )
    found = findings(root / "mkdocs.yml")
    assert (
        "data/locaties/wijkteam-gravendeel.yml:7: plaats: Zet 's-Gravendeel tussen dubbele "
        'aanhalingstekens: "\'s-Gravendeel".' in " ".join(found)
    )
    assert any(
        f.startswith("data/organisaties/thuisadministratie-altena.yml:7: werkgebied: Zet "
                     "'s-Hertogenbosch tussen dubbele aanhalingstekens")
        for f in found
    )  # fmt: skip
    assert not any("expected" in f or "found" in f for f in found)


def test_a_broken_shared_location_is_named_as_the_cause(tmp_path: Path) -> None:
    root = copy_of(FIXTURES / "echt", tmp_path)
    walk_in = root / "data" / "locaties" / "inloop-vincentius.yml"
    walk_in.write_text(
        walk_in.read_text(encoding="utf-8").replace("tot: 16.00 uur", "tot: 16.00 uurr"),
        encoding="utf-8",
    )
    org = [f for f in findings(root / "mkdocs.yml") if "vincentius-delft.yml" in f]
    assert len(org) == 1
    assert org[0].startswith(
        "data/organisaties/vincentius-delft.yml:2: telefoon: data/locaties/inloop-vincentius.yml "
        "heeft fouten. Daardoor heeft deze organisatie nu geen plek om binnen te lopen."
    )


def test_an_only_location_by_appointment_does_not_count_as_a_way_in(tmp_path: Path) -> None:
    root = copy_of(FIXTURES / "echt", tmp_path)
    walk_in = root / "data" / "locaties" / "inloop-vincentius.yml"
    walk_in.write_text(
        walk_in.read_text(encoding="utf-8").replace("zonder_afspraak: true\n", ""),
        encoding="utf-8",
    )
    org = [f for f in findings(root / "mkdocs.yml") if "vincentius-delft.yml" in f]
    assert len(org) == 1
    assert org[0].endswith(
        "De locatie telt niet: bij data/locaties/inloop-vincentius.yml kunnen inwoners niet "
        "zonder afspraak binnenlopen."
    )
    assert "maak een locatie" not in org[0]


def test_hsds_carries_the_new_facts_and_stays_valid(site: Path) -> None:
    from jsonschema import Draft202012Validator

    from tests.test_export import SCHEMA, _format_checker, closed

    hsds = json.loads((site / "open-data" / "hsds" / "organizations.json").read_text())
    validator = Draft202012Validator(
        closed(json.loads(SCHEMA.read_text())), format_checker=_format_checker()
    )
    for organization in hsds:
        assert [e.message for e in validator.iter_errors(organization)] == []
    services = {o["name"]: o["services"][0] for o in hsds}
    bewind = services["Bewindvoering Altena"]
    assert bewind["wait_time"] == "Er is een wachtlijst. Binnen 4 weken een kennismakingsgesprek"
    assert bewind["eligibility_description"] == (
        "Voor: Iedereen. Inkomen tot 120% van het sociaal minimum Alleen via een hulpverlener"
    )
    assert services["SchuldHulpMaatje Altena"]["wait_time"] == (
        "Neemt nu geen nieuwe cliënten aan."
    )
    place = services["Voedselbank Altena"]["service_at_locations"][0]["location"]
    assert place["description"] == "Adres op aanvraag."
    assert "latitude" not in place and place["addresses"][0]["address_1"] == ""


def test_search_numbers_help_that_cannot_start_now_last(site: Path) -> None:
    """A waiting list after help that can start now; full, closed or stopped help after that
    (issue 27): the index numbers pages by tier, zoeken.js ranks them so."""
    manifest = json.loads((site / "zoeken" / "index.json").read_text(encoding="utf-8"))
    assert (manifest["x"], manifest["y"]) == (7, 5)
    pages = json.loads((site / "zoeken" / "d" / "0.json").read_text(encoding="utf-8"))
    assert {url for _, url, _ in pages[-7:-5]} == {
        "organisaties/bewind-altena/",  # a waiting list
        "locaties/spreekuur-andel/",  # the place only one of them serves
    }
    assert {url for _, url, _ in pages[-5:]} == {
        "locaties/dorpshuis-almkerk/",  # closed until March 2030
        "organisaties/schuldmaatje-altena/",  # no new clients
        "organisaties/inloop-de-brug/",  # closed until further notice
        "locaties/de-brug-woudrichem/",
        "locaties/wijkteam-gravendeel/",  # "voorlopig gesloten"
    }
    info = {url: info for _, url, info in pages}
    assert info["organisaties/bewind-altena/"].startswith("Er is een wachtlijst.")
    # the result line is text (zoeken.js sets textContent): the record's apostrophe as typed
    assert "Gemeenschapshuis, 's-Gravendeel" in info["locaties/wijkteam-gravendeel/"]


@pytest.mark.parametrize(
    ("text", "line", "value"),
    [
        ("id: x\nnaam: 's-Gravendeel\n", 2, "'s-Gravendeel"),
        ("werkgebied: [Tilburg, 's-Hertogenbosch]\n", 1, "'s-Hertogenbosch"),
        ("wijken:\n  - Noord\n  - 't Weegje\n", 3, "'t Weegje"),
    ],
)
def test_the_apostrophe_line_is_found(text: str, line: int, value: str) -> None:
    from wegwijzer.records.loader import _apostrophe_finding

    found = _apostrophe_finding(text, "x.yml")
    assert found is not None and found.line == line
    assert found.message.startswith(f'Zet {value} tussen dubbele aanhalingstekens: "{value}".')


def test_a_quoted_text_over_two_lines_is_no_apostrophe_problem() -> None:
    from wegwijzer.records.loader import _apostrophe_finding

    assert (
        _apostrophe_finding("omschrijving: 'Dit is\n  lang'\nnaam: \"'s-Gravendeel\"\n", "x")
        is None
    )


def test_an_online_hour_is_said_and_is_no_walk_in(site: Path) -> None:
    found = words(page(site, "locaties/spreekuur-andel"))
    assert "Maandag 19:00 – 20:00 Online, met video. Alleen de 1e maandag van de maand." in found
    assert opening_hours(site, "spreekuur-andel") == (
        'We unknown "ochtend, bel voor de tijden", Mo[1] 19:00-20:00 "online"; PH off'
    )


def test_seasonal_hours_are_said_and_exported(site: Path) -> None:
    found = page(site, "locaties/bibliotheek-werkendam")
    data = json.loads(found.select_one("#ww-open-data").string)
    text = words(found)
    assert "Maandag 13:30 – 16:00 Alleen van 1 maart tot en met 1 mei." in text
    assert "Dinsdag 09:30 – 12:00 Alleen van september tot en met juni." in text
    assert opening_hours(site, "bibliotheek-werkendam") == (
        "Sep-Jun Tu 09:30-12:00, Mar 01-May 01 Mo 13:30-16:00; PH off"
    )
    assert [hour["periode"] for hour in data["spreekuren"]] == [
        {"van": "09-01", "tot": "06-30"},
        {"van": "03-01", "tot": "05-01"},
    ]


def test_a_closure_until_a_month_says_the_month(site: Path) -> None:
    text = words(page(site, "locaties/dorpshuis-almkerk"))
    assert "Tot maart 2030: Verbouwing" in text
    assert "28 februari" not in text
    assert opening_hours(site, "dorpshuis-almkerk") == (
        "Th 10:00-12:00; 1900 Jan 01-2030 Feb 28 off; PH off"
    )


def test_a_period_or_month_that_cannot_be_is_refused_on_its_line(tmp_path: Path) -> None:
    root = copy_of(ECHT2, tmp_path)
    place = root / "data" / "locaties" / "bibliotheek-werkendam.yml"
    place.write_text(
        place.read_text(encoding="utf-8").replace("tot: juni", "tot: zomer"), encoding="utf-8"
    )
    closed = root / "data" / "locaties" / "dorpshuis-almkerk.yml"
    closed.write_text(
        closed.read_text(encoding="utf-8").replace("tot: 2030-03", "tot: 2030-13"),
        encoding="utf-8",
    )
    found = findings(root / "mkdocs.yml")
    assert any(
        f.startswith("data/locaties/bibliotheek-werkendam.yml:")
        and "'zomer' is geen maand of dag en maand" in f
        for f in found
    )
    assert any(
        f.startswith("data/locaties/dorpshuis-almkerk.yml:") and "'2030-13' is geen maand" in f
        for f in found
    )


def test_a_temporary_place_says_so_beside_its_address(site: Path) -> None:
    note = page(site, "locaties/heelo-vivaldi").select_one(".ww-tijdelijk")
    assert note.get_text(" ", strip=True) == (
        "Tijdelijke plek, tot en met 30 juni 2030. Tijdelijk hier, tijdens de verbouwing van "
        "de bibliotheek."
    )
    org = page(site, "organisaties/formulierenhulp-altena").select(".ww-plekken .ww-tijdelijk")
    assert len(org) == 1
    hsds = json.loads((site / "open-data" / "hsds" / "organizations.json").read_text())
    places = [
        link["location"]
        for o in hsds
        for service in o["services"]
        for link in service.get("service_at_locations", [])
    ]
    heelo = next(p for p in places if p["name"] == "Formulierenhulp in De Heelo")
    assert heelo["description"].startswith("Tijdelijke plek, tot en met 30 juni 2030. Tijdelijk")


def test_a_shared_place_says_whose_hours_and_for_whom(site: Path) -> None:
    text = words(page(site, "locaties/informatieplein-werkendam"))
    assert "Maandag 14:00 – 16:00 Alleen voor inwoners van Giessen en Rijswijk." in text
    assert "Woensdag 09:00 – 12:00 Spreekuur van Formulierenhulp Altena." in text
    assert "Donderdag 13:00 – 15:00 Spreekuur van Geldhulp Protestantse Gemeente Woudrichem." in (
        text
    )
    assert (
        "Vrijdag 09:00 – 11:00 Spreekuur van Formulierenhulp Altena. Alleen voor mensen vanaf "
        "55 jaar." in text
    )
    assert opening_hours(site, "informatieplein-werkendam") == (
        'We 09:00-12:00, Th 13:00-15:00, Fr 09:00-11:00 "alleen voor mensen vanaf 55 jaar", '
        'Mo 14:00-16:00 "alleen voor inwoners van Giessen en Rijswijk"; PH off'
    )


def _hours_on_organisation_page(site: Path, org: str) -> list[str]:
    found = page(site, f"organisaties/{org}")
    item = next(
        li
        for li in found.select(".ww-plekken > li")
        if li.select_one("a[href$='locaties/informatieplein-werkendam/']")
    )
    return [row.get_text(" ", strip=True)[:2] for row in item.select(".ww-tijden-kort > li")]


def test_each_organisation_shows_only_its_own_hours_at_a_shared_place(site: Path) -> None:
    assert _hours_on_organisation_page(site, "formulierenhulp-altena") == ["Ma", "Wo", "Vr"]
    assert _hours_on_organisation_page(site, "kerk-geldhulp") == ["Ma", "Do"]
    hsds = json.loads((site / "open-data" / "hsds" / "organizations.json").read_text())
    schedules = {
        o["name"]: [s["byday"] for s in link.get("schedules", [])]
        for o in hsds
        for service in o["services"]
        for link in service.get("service_at_locations", [])
        if link["location"]["name"] == "Informatieplein in het gemeentehuis"
    }
    assert schedules == {
        "Formulierenhulp Altena": ["WE", "FR", "MO"],
        "Geldhulp Protestantse Gemeente Woudrichem": ["TH", "MO"],
    }


def test_an_hour_of_an_organisation_not_at_the_place_is_refused_on_its_line(
    tmp_path: Path,
) -> None:
    root = copy_of(ECHT2, tmp_path)
    place = root / "data" / "locaties" / "informatieplein-werkendam.yml"
    place.write_text(
        place.read_text(encoding="utf-8").replace(
            "organisaties: [kerk-geldhulp]", "organisaties: [voedselbank-altena]"
        ),
        encoding="utf-8",
    )
    found = [f for f in findings(root / "mkdocs.yml") if "informatieplein" in f]
    assert len(found) == 1
    assert found[0].startswith("data/locaties/informatieplein-werkendam.yml:")
    assert "Een spreekuur noemt organisatie 'voedselbank-altena'" in found[0]
