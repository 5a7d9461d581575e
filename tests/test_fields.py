"""The field rules on their own: normalising, accepting real Dutch data, rejecting the rest."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from wegwijzer.records.fields import is_paid_line, tel_uri
from wegwijzer.records.loader import _yaml
from wegwijzer.records.models import Adres, Locatie, Organisatie

ORG: dict[str, Any] = {
    "id": "test",
    "naam": "Test",
    "omschrijving": "Wij helpen.",
    "telefoon": "020 123 4567",
    "fases": ["preventie"],
    "laatst_gecontroleerd": "2026-01-01",
}
ADRES = {"straat": "Markt", "huisnummer": "1", "postcode": "1234 AB", "plaats": "Teststad"}


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("1234ab", "1234 AB"),
        ("1234 ab", "1234 AB"),
        (" 1234AB ", "1234 AB"),
        ("9991 zz", "9991 ZZ"),
    ],
)
def test_postcodes_are_normalised(typed: str, normalised: str) -> None:
    assert Adres.model_validate({**ADRES, "postcode": typed}).postcode == normalised


@pytest.mark.parametrize("postcode", ["0123 AB", "1234 SS", "1234", "12345 AB", "1234 A1"])
def test_impossible_postcodes_are_refused(postcode: str) -> None:
    with pytest.raises(ValidationError):
        Adres.model_validate({**ADRES, "postcode": postcode})


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("postcode", "9999 ZZ"),
        ("postcode", "onbekend"),
        ("straat", "ADRES ONBEKEND"),
        ("straat", "?"),
        ("plaats", "n.v.t."),
        ("gebouw", "nog niet bekend"),
    ],
)
def test_placeholders_are_refused_as_addresses(field: str, value: str) -> None:
    with pytest.raises(ValidationError, match=r"geen (echte postcode|adres)"):
        Adres.model_validate({**ADRES, field: value})


@pytest.mark.parametrize(
    "adres",
    [
        {"straat": "Van Bleyswijckstraat", "huisnummer": 91, "plaats": "Delft"},
        {"gebouw": "Bibliotheek Keizerslanden", "plaats": "Deventer"},
        {"gebouw": "Huis van Leusden", "straat": "Hessenweg", "plaats": "Leusden"},
        {"straat": "Markt", "plaats": "Teststad"},
    ],
)
def test_addresses_as_real_sources_give_them(adres: dict[str, Any]) -> None:
    parsed = Adres.model_validate(adres)
    assert parsed.one_line().endswith(adres["plaats"])
    assert parsed.precise == ("huisnummer" in adres)


def test_an_address_needs_a_street_or_a_building() -> None:
    with pytest.raises(ValidationError, match="straat in, of de naam van het gebouw"):
        Adres.model_validate({"plaats": "Delft"})
    with pytest.raises(ValidationError, match="huisnummer, maar geen straat"):
        Adres.model_validate(
            {"gebouw": "Wijkcentrum De Akkers", "huisnummer": "3", "plaats": "Ede"}
        )


def test_an_address_line_shows_the_building_and_a_found_postcode() -> None:
    adres = Adres.model_validate({"gebouw": "Stadhuis", "straat": "Markt", "huisnummer": "87",
                                  "plaats": "Delft"})  # fmt: skip
    assert adres.one_line("2611 GW") == "Stadhuis, Markt 87, 2611 GW Delft"
    assert adres.lookup_line() == "Markt 87, Delft"


@pytest.mark.parametrize("number", ["12-A", "3 bis", "101b", "12 II", 7, "1-3"])
def test_house_numbers_may_carry_an_addition(number: object) -> None:
    assert Adres.model_validate({**ADRES, "huisnummer": number}).huisnummer == str(number)


@pytest.mark.parametrize(
    "name", ["'s-Hertogenbosch", "Ljouwert", "Ayşe Yılmaz", "مركز المساعدة", "D'Souza – Hulp"]
)
def test_unicode_and_apostrophes_are_valid_data(name: str) -> None:
    assert Organisatie.model_validate({**ORG, "naam": name}).naam == name
    assert Adres.model_validate({**ADRES, "plaats": name}).plaats == name


@pytest.mark.parametrize(
    ("number", "uri"),
    [
        ("020 123 4567", "tel:+31201234567"),
        ("06-12345678", "tel:+31612345678"),
        ("0800 8115", "tel:+318008115"),
        ("14 020", "tel:14020"),
        ("14 0251", "tel:140251"),
        ("14 050", "tel:14050"),
        ("+32 2 555 12 12", "tel:+3225551212"),
    ],
)
def test_phone_links_dial_from_any_phone(number: str, uri: str) -> None:
    assert tel_uri(number) == uri


def test_paid_lines_are_recognised() -> None:
    assert is_paid_line("0900 1234567")
    assert not is_paid_line("0800 8115")


def test_norwegian_stays_a_language_code_not_false() -> None:
    """YAML 1.1 reads `no` as false; the loader reads YAML 1.2."""
    assert _yaml().load("talen: [nl, no]")["talen"] == ["nl", "no"]


def test_future_dates_depend_on_the_given_today() -> None:
    context = {"vandaag": date(2026, 1, 1)}
    Organisatie.model_validate(ORG, context=context)
    with pytest.raises(ValidationError, match="toekomst"):
        Organisatie.model_validate({**ORG, "laatst_gecontroleerd": "2026-01-02"}, context=context)


def test_ja_and_nee_are_understood() -> None:
    base = {"id": "l", "naam": "L", "organisaties": ["o"], "adres": ADRES}
    record = {**base, "laatst_gecontroleerd": "2026-01-01", "zonder_afspraak": "ja"}
    assert Locatie.model_validate(record).zonder_afspraak is True


def test_the_fast_loader_reads_exactly_what_the_line_keeping_one_reads() -> None:
    """Records are read with libyaml for speed and re-read round-trip only for findings:
    both must see the same data, YAML 1.2 rules included."""
    from tests.conftest import ROOT, SAMPLE
    from wegwijzer.records.loader import _fast_yaml, plain

    files = [*SAMPLE.glob("data/*/*.yml"), *ROOT.glob("tests/example-files/*/*/*.yml")]
    assert len(files) > 60
    loaded = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            slow = plain(_yaml().load(text))
        except Exception:
            with pytest.raises(Exception):  # noqa: B017
                _fast_yaml().load(text)
            continue
        assert plain(_fast_yaml().load(text)) == slow, path
        loaded += 1
    assert loaded > 50


@pytest.mark.parametrize("code", ["pap", "zgh", "rif", "ary", "srn", "ti", "PAP"])
def test_languages_without_a_two_letter_code_are_accepted(code: str) -> None:
    assert Organisatie.model_validate({**ORG, "talen": [code]}).talen == [code.lower()]


def test_a_language_typed_by_name_gets_its_code() -> None:
    with pytest.raises(ValidationError, match="Voor Papiaments is de code 'pap'"):
        Organisatie.model_validate({**ORG, "talen": ["Papiaments"]})


def test_languages_left_out_are_unknown_not_dutch() -> None:
    assert Organisatie.model_validate(ORG).talen == []


def test_a_web_address_without_https_gets_the_fix() -> None:
    with pytest.raises(ValidationError, match=r"Bedoelde u 'https://www\.geldfit\.nl'"):
        Organisatie.model_validate({**ORG, "website": "www.geldfit.nl"})


def test_what_to_bring_is_a_checklist_or_a_text() -> None:
    checklist = ["Identiteitsbewijs", "Brieven van schuldeisers"]
    assert Organisatie.model_validate({**ORG, "meenemen": checklist}).meenemen == checklist
    assert Organisatie.model_validate({**ORG, "meenemen": "Uw post."}).meenemen == "Uw post."


def test_an_age_range_reads_as_dutch() -> None:
    org = Organisatie.model_validate({**ORG, "leeftijd": {"van": 18, "tot": 27}})
    assert org.leeftijd is not None and org.leeftijd.text() == "van 18 tot 27 jaar"
    with pytest.raises(ValidationError, match="ligt onder"):
        Organisatie.model_validate({**ORG, "leeftijd": {"van": 27, "tot": 18}})


@pytest.mark.parametrize("typed", ["landelijk", "Heel Nederland", "heel nederland"])
def test_national_help_is_one_werkgebied(typed: str) -> None:
    org = Organisatie.model_validate({**ORG, "werkgebied": [typed]})
    assert org.werkgebied == ["landelijk"] and org.landelijk


def test_faith_describes_the_provider_not_the_target_group() -> None:
    org = Organisatie.model_validate({**ORG, "levensbeschouwing": "christelijk"})
    assert org.doelgroepen == ["iedereen"]
    with pytest.raises(ValidationError, match="geen doelgroep meer"):
        Organisatie.model_validate({**ORG, "doelgroepen": ["levensbeschouwing"]})


def test_long_lists_are_checked_for_repeats_in_linear_time() -> None:
    many = [f"Gemeente {i}" for i in range(50_000)]
    assert len(Organisatie.model_validate({**ORG, "werkgebied": many}).werkgebied) == 50_000
    with pytest.raises(ValidationError, match="meer dan één keer"):
        Organisatie.model_validate({**ORG, "werkgebied": [*many, "Gemeente 7"]})
