"""The open-data exports: HSDS 3.0 that validates, the same bytes every build, CSV that Dutch
Excel opens safely, and no referrer-only data in the public edition."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
import pytest
from jsonschema import Draft202012Validator, FormatChecker

from tests.conftest import SAMPLE
from wegwijzer.outputs.open_data import (
    NAMESPACE,
    export_files,
    hsds_number,
    hsds_organizations,
    open_windows,
    rrule_byday,
    visible_contacts,
)
from wegwijzer.records.fields import parse_phone
from wegwijzer.records.loader import Dataset
from wegwijzer.records.models import Organisatie, Sluiting, Spreekuur
from wegwijzer.settings.config import SiteConfig, load_site
from wegwijzer.settings.present import phone_display
from wegwijzer.tasks.validate import validate_site

TODAY = date(2026, 11, 22)
HSDS_DIR = Path(__file__).parent / "hsds-3.0"  # a copy of the official schemas, see its README
SCHEMA = HSDS_DIR / "schema" / "compiled" / "organization.json"


# --- Fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site() -> tuple[Dataset, SiteConfig]:
    loaded = load_site(SAMPLE / "mkdocs.verwijzers.yml")  # with the private overlay
    dataset, _ = validate_site(loaded, TODAY)
    return dataset, loaded.config


@pytest.fixture(scope="module")
def public(site: tuple[Dataset, SiteConfig]) -> dict[str, bytes]:
    return export_files(*site)


@pytest.fixture(scope="module")
def private(site: tuple[Dataset, SiteConfig]) -> dict[str, bytes]:
    return export_files(*site, public=False)


def closed(schema: dict[str, Any]) -> dict[str, Any]:
    """additionalProperties: false on every object schema, as Open Referral's own example check
    does (compiletojsonschema --set-additional-properties-false-everywhere): the same walk over
    properties, items and the combinators."""
    out = dict(schema)
    if "properties" in schema:
        out["properties"] = {key: closed(sub) for key, sub in schema["properties"].items()}
        out["additionalProperties"] = False
    if "items" in schema:
        out["items"] = closed(schema["items"])
    for key in ("oneOf", "anyOf", "allOf"):
        if key in schema:
            out[key] = [closed(sub) for sub in schema[key]]
    return out


def _format_checker() -> FormatChecker:
    """jsonschema's checkers (uuid, email, date, ...) plus 'uri', whose checker needs an extra
    package that this project does not install."""
    checker = FormatChecker()

    @checker.checks("uri")
    def _uri(value: object) -> bool:
        parts = urlsplit(str(value))
        return bool(parts.scheme and parts.netloc) and " " not in str(value)

    return checker


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    # The compiled schema names no $schema; HSDS's openapi.json declares JSON Schema 2020-12.
    openapi = json.loads((HSDS_DIR / "schema" / "openapi.json").read_text(encoding="utf-8"))
    assert openapi["jsonSchemaDialect"] == "https://json-schema.org/draft/2020-12/schema"
    schema = closed(json.loads(SCHEMA.read_text(encoding="utf-8")))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=_format_checker())


def _errors(validator: Draft202012Validator, instance: Any) -> list[str]:
    found = validator.iter_errors(instance)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


def _hsds(files: dict[str, bytes]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = json.loads(files["open-data/hsds/organizations.json"])
    return result


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a document, depth first."""
    if isinstance(value, dict):
        yield value
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            yield from _objects(item)


def _copy(dataset: Dataset, **changes: Any) -> Dataset:
    """A shallow copy of the sample with some records replaced or added."""
    copy = Dataset(dict(dataset.organisaties), dict(dataset.locaties), points=dict(dataset.points))
    for record in changes.values():
        kind = copy.organisaties if isinstance(record, Organisatie) else copy.locaties
        kind[record.id] = record
    return copy


# --- HSDS: valid against the closed schema ------------------------------------------------------


def test_official_example_validates_against_the_closed_schema(
    validator: Draft202012Validator,
) -> None:
    example = json.loads((HSDS_DIR / "examples" / "organization_full.json").read_text("utf-8"))
    assert _errors(validator, example) == []


def test_closed_schema_rejects_unknown_keys_and_bad_formats(
    validator: Draft202012Validator,
) -> None:
    base = {"id": str(uuid.uuid4()), "name": "X", "description": "Y"}
    assert validator.is_valid(base)
    assert not validator.is_valid({**base, "naam": "X"})
    assert not validator.is_valid({**base, "id": "organisatie-1"})
    assert not validator.is_valid({**base, "website": "www.example.nl"})
    deep = {**base, "services": [{"id": base["id"], "name": "Z", "status": "active", "x": 1}]}
    assert not validator.is_valid(deep)


@pytest.mark.parametrize("edition", ["public", "private"])
def test_every_organisation_validates(
    validator: Draft202012Validator, edition: str, request: pytest.FixtureRequest
) -> None:
    organizations = _hsds(request.getfixturevalue(edition))
    assert len(organizations) == 19
    for organization in organizations:
        assert _errors(validator, organization) == [], organization["name"]


def test_hsds_maps_the_main_fields(site: tuple[Dataset, SiteConfig]) -> None:
    dataset, config = site
    (org,) = [o for o in hsds_organizations(dataset, config) if o["name"] == "Geldcafé De Brug"]
    (service,) = org["services"]
    assert service["status"] == "temporarily closed"
    assert service["name"] == "Geldcafé De Brug – hulp bij geldzorgen"
    assert service["assured_date"] == "2026-10-01"
    assert {lang["code"]: lang["name"] for lang in service["languages"]} == {
        "nl": "Nederlands",
        "en": "Engels",
    }
    phases = {a["taxonomy_term"]["code"] for a in service["attributes"] if "fase" in str(a)}
    assert {"preventie", "nazorg"} <= phases
    (place,) = service["service_at_locations"]
    address = place["location"]["addresses"][0]
    assert address["address_1"] == "Brugstraat 3 bis"
    assert (address["postal_code"], address["country"]) == ("3817 EN", "NL")


def test_statuses_use_the_hsds_enum(site: tuple[Dataset, SiteConfig]) -> None:
    statuses = {o["services"][0]["status"] for o in hsds_organizations(*site)}
    assert statuses == {"active", "temporarily closed", "defunct"}


def test_phone_numbers_are_international_except_short_numbers() -> None:
    assert hsds_number("033 460 25 50") == "+31 33 460 2550"
    assert hsds_number("06 3345 1208") == "+31 6 33451208"
    assert hsds_number("14 020") == "14 020"


# --- Stable ids and bytes -----------------------------------------------------------------------


def test_two_exports_are_byte_identical(site: tuple[Dataset, SiteConfig]) -> None:
    assert export_files(*site) == export_files(*site)
    assert export_files(*site, public=False) == export_files(*site, public=False)


def test_record_order_does_not_change_a_byte(
    site: tuple[Dataset, SiteConfig], public: dict[str, bytes]
) -> None:
    dataset, config = site
    shuffled = Dataset(
        dict(reversed(dataset.organisaties.items())),
        dict(reversed(dataset.locaties.items())),
        points=dict(reversed(dataset.points.items())),
    )
    assert export_files(shuffled, config) == public


def test_ids_are_uuid5_of_our_ids(public: dict[str, bytes]) -> None:
    organizations = {o["name"]: o for o in _hsds(public)}
    org = organizations["SchuldHulpMaatje Voorbeeldstad"]
    expected = uuid.uuid5(NAMESPACE, "organisatie:schuldhulpmaatje-voorbeeldstad")
    assert org["id"] == str(expected)
    assert org["services"][0]["organization_id"] == org["id"]
    location = org["services"][0]["service_at_locations"][0]["location"]
    assert location["id"] == str(
        uuid.uuid5(NAMESPACE, f"locatie:{location['external_identifier']}")
    )


def test_an_id_always_names_the_same_object(public: dict[str, bytes]) -> None:
    """Joint locations and shared taxonomy terms repeat; anything else with one id is a bug."""
    by_id: dict[str, dict[str, Any]] = {}
    for item in _objects(_hsds(public)):
        if "id" in item:
            assert by_id.setdefault(item["id"], item) == item, item["id"]
    assert len(by_id) > 500


def test_editions_share_ids(public: dict[str, bytes], private: dict[str, bytes]) -> None:
    public_ids = {o["id"] for o in _objects(_hsds(public)) if "id" in o}
    private_ids = {o["id"] for o in _objects(_hsds(private)) if "id" in o}
    assert public_ids < private_ids


# --- Schedules ------------------------------------------------------------------------------------


def _hour(**fields: Any) -> Spreekuur:
    return Spreekuur.model_validate({"van": "09:30", "tot": "12:00", **fields})


def test_byday_for_weekly_and_monthly_hours() -> None:
    assert rrule_byday(_hour(dagen=["do", "ma"])) == "MO,TH"
    assert rrule_byday(_hour(dagen=["di"], weken=[3, 1])) == "1TU,3TU"
    assert rrule_byday(_hour(dagen=["do"], weken=[-1])) == "-1TH"
    assert rrule_byday(_hour(dagen=["di", "do"], weken=[-1, 2])) == "2TU,-1TU,2TH,-1TH"


def _schedules(files: dict[str, bytes], location_id: str) -> list[dict[str, Any]]:
    return [
        schedule
        for org in _hsds(files)
        for place in org["services"][0].get("service_at_locations", [])
        if place["location"]["external_identifier"] == location_id
        for schedule in place.get("schedules", [])
    ]


def test_first_and_third_tuesday_in_the_export(site: tuple[Dataset, SiteConfig]) -> None:
    dataset, config = site
    location = dataset.locaties["servicepunt-buurdorp"]
    hour = _hour(dagen=["di"], weken=[1, 3], opmerking="Alleen de 1e en 3e dinsdag.")
    changed = _copy(dataset, loc=location.model_copy(update={"spreekuren": [hour]}))
    schedules = _schedules(export_files(changed, config), location.id)
    assert {(s["freq"], s["byday"], s["opens_at"], s["closes_at"]) for s in schedules} == {
        ("MONTHLY", "1TU,3TU", "09:30", "12:00")
    }


def test_last_friday_in_the_sample(public: dict[str, bytes]) -> None:
    schedules = _schedules(public, "inloop-caribisch-netwerk-de-palm")
    assert {(s["freq"], s["byday"]) for s in schedules} == {("MONTHLY", "-1FR")}


def test_closures_split_the_schedule_into_windows(public: dict[str, bytes]) -> None:
    schedules = _schedules(public, "aanmeldpunt-op-orde")
    windows = {(s.get("valid_from"), s.get("valid_to")) for s in schedules}
    assert windows == {(None, "2026-12-20"), ("2027-01-02", None)}
    assert all("Kerstvakantie" in s["notes"] for s in schedules)


def test_open_windows_merge_overlapping_and_adjacent_closures() -> None:
    def closure(van: str, tot: str) -> Sluiting:
        return Sluiting.model_validate({"van": van, "tot": tot})

    closures = [
        closure("2026-12-21", "2026-12-31"),
        closure("2026-12-24", "2027-01-02"),
        closure("2027-01-03", "2027-01-05"),
        closure("2027-07-01", "2027-07-31"),
    ]
    assert open_windows(closures) == [
        (None, date(2026, 12, 20)),
        (date(2027, 1, 6), date(2027, 6, 30)),
        (date(2027, 8, 1), None),
    ]
    assert open_windows([]) == [(None, None)]


# --- Plain JSON and GeoJSON --------------------------------------------------------------------


def test_json_holds_the_records_with_their_yaml_keys(
    site: tuple[Dataset, SiteConfig], public: dict[str, bytes]
) -> None:
    dataset, _ = site
    document = json.loads(public["open-data/locaties.json"])
    assert document["licentie"] == "CC0-1.0"
    assert document["gemeente"] == "Voorbeeldstad"
    assert document["laatst_gecontroleerd"] == "2026-11-20"  # from the data, not the clock
    records = {r["id"]: r for r in document["locaties"]}
    assert records.keys() == dataset.locaties.keys()
    huiskamer = dataset.locaties["huiskamer-buurdorp"]
    assert records["huiskamer-buurdorp"] == {
        **huiskamer.model_dump(mode="json"),
        "opening_hours": "Mo[1,3] 09:30-11:30; PH off",  # the OpenStreetMap form, added
    }


def test_geojson_has_every_located_place(
    site: tuple[Dataset, SiteConfig], public: dict[str, bytes]
) -> None:
    dataset, _ = site
    collection = json.loads(public["open-data/locaties.geojson"])
    assert collection["type"] == "FeatureCollection"
    ids = {f["properties"]["id"] for f in collection["features"]}
    assert ids == dataset.points.keys() & dataset.locaties.keys()
    first = collection["features"][0]["properties"]
    assert first["url"] == f"../locaties/{first['id']}/"
    assert first["organisatie_ids"]


# --- CSV ------------------------------------------------------------------------------------------


def _rows(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM Dutch Excel needs to read UTF-8
    text = content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def test_csv_has_one_row_per_record(
    site: tuple[Dataset, SiteConfig], public: dict[str, bytes]
) -> None:
    dataset, _ = site
    organisations = _rows(public["open-data/organisaties.csv"])
    locations = _rows(public["open-data/locaties.csv"])
    assert [r["id"] for r in organisations] == sorted(dataset.organisaties)
    assert [r["id"] for r in locations] == sorted(dataset.locaties)
    names = {r["id"]: r["naam"] for r in organisations}
    assert names["geldcafe-de-brug"] == "Geldcafé De Brug"
    birlik = next(r for r in organisations if r["id"] == "turks-nederlandse-vereniging-birlik")
    assert "Türkçe" in birlik["omschrijving"]
    assert "Ayşe Yılmaz" in birlik["contactpersonen"]
    assert birlik["talen"] == "Nederlands, Turks"


def test_csv_speaks_dutch_excel(public: dict[str, bytes]) -> None:
    place = next(
        r for r in _rows(public["open-data/locaties.csv"]) if r["id"] == "huiskamer-buurdorp"
    )
    assert (place["lat"], place["lon"]) == ("52,1467", "5,4163")
    assert place["zonder_afspraak"] == "ja"
    assert place["spreekuren"] == "Maandag 09:30 – 11:30 (Alleen de 1e en 3e maandag van de maand.)"
    assert b"\r\n" in public["open-data/locaties.csv"]


def test_csv_neutralises_formulas(site: tuple[Dataset, SiteConfig]) -> None:
    dataset, config = site
    org = dataset.organisaties["geldcafe-de-brug"]
    hostile = {
        "naam": '=HYPERLINK("https://evil.example","Klik")',
        "omschrijving": "+1+1",
        "aanmelden": "-2+3",
        "kosten": "@SUM(A1)",
        "meenemen": "\t=1+1",
    }
    changed = _copy(dataset, org=org.model_copy(update=hostile))
    rows = _rows(export_files(changed, config)["open-data/organisaties.csv"])
    row = next(r for r in rows if r["id"] == org.id)
    for key, value in hostile.items():
        assert row[key] == "'" + value
    assert row["website"] == org.website  # ordinary text is left alone


# --- No referrer-only data in public ------------------------------------------------------------


def _phone_forms(number: str) -> set[str]:
    e164 = phonenumbers.format_number(parse_phone(number), phonenumbers.PhoneNumberFormat.E164)
    return {number, phone_display(number), hsds_number(number), e164}


def _public_values(org: Organisatie) -> set[str]:
    values = {v for v in (org.email, org.naam) if v}
    for number in filter(None, (org.telefoon, org.whatsapp)):
        values |= _phone_forms(number)
    for contact in org.contactpersonen:
        if contact.zichtbaarheid == "publiek":
            values |= {v for v in (contact.naam, contact.email) if v}
            values |= _phone_forms(contact.telefoon) if contact.telefoon else set()
    return values


def _secrets(dataset: Dataset) -> list[set[str]]:
    """Each referrer-only value, in every form an export might write it, minus what is public
    anyway (a referrers' contact may share the organisation's general e-mail address)."""
    secrets: list[set[str]] = []
    for org in dataset.organisaties.values():
        known = _public_values(org)
        secrets += [{org.verwijzen}] if org.verwijzen else []
        for contact in org.contactpersonen:
            if contact.zichtbaarheid == "verwijzers":
                phone = _phone_forms(contact.telefoon) if contact.telefoon else set()
                forms = [{contact.naam}, {contact.email}, phone]
                secrets += [f - known for f in forms if None not in f and f - known]
    return secrets


def test_the_sample_has_referrer_only_data(site: tuple[Dataset, SiteConfig]) -> None:
    assert len(_secrets(site[0])) > 30


def test_public_exports_hold_no_referrer_only_data(
    site: tuple[Dataset, SiteConfig], public: dict[str, bytes]
) -> None:
    for path, content in public.items():
        text = content.decode("utf-8-sig")
        for forms in _secrets(site[0]):
            assert not [form for form in forms if form in text], path
        assert '"verwijzen"' not in text and "Alleen voor verwijzers" not in text, path


def test_referrers_edition_holds_them(
    site: tuple[Dataset, SiteConfig], private: dict[str, bytes]
) -> None:
    names = ("organisaties.json", "organisaties.csv", "hsds/organizations.json")
    for path in (f"open-data/{name}" for name in names):
        text = private[path].decode("utf-8-sig")
        for forms in _secrets(site[0]):
            assert [form for form in forms if form in text], (path, forms)
    assert json.loads(private["open-data/organisaties.json"])["editie"] == "verwijzers"


def test_public_contact_numbers_do_not_reveal_hidden_contacts(
    site: tuple[Dataset, SiteConfig],
) -> None:
    """Numbered over all contacts, the public edition's 'contact 2' showed that a hidden
    contact 1 exists."""
    dataset, _ = site
    org = next(o for o in dataset.organisaties.values() if o.contactpersonen)
    contact = org.contactpersonen[0]
    hidden = contact.model_copy(update={"zichtbaarheid": "verwijzers"})
    shown = contact.model_copy(update={"zichtbaarheid": "publiek"})
    both = org.model_copy(update={"contactpersonen": [hidden, shown]})
    assert visible_contacts(both, public=True) == [(1, shown)]
    assert visible_contacts(both, public=False) == [(2, hidden), (1, shown)]


def test_streamed_json_is_byte_for_byte_what_json_dumps_writes() -> None:
    """The exports write their records one at a time (peak memory at national scale); the
    file must be exactly what dumping everything at once gives."""
    from wegwijzer.outputs.open_data import _json

    def value() -> dict[str, object]:
        records = [{"naam": 'Café "De Brug"\n', "talen": ["ar", "tr"], "leeg": {}, "n": [1.5]}]
        return {"gemeente": "Sûdwest-Fryslân", "lege": [], "records": iter(records * 3)}

    expected = json.dumps(
        {**value(), "records": list(value()["records"])}, ensure_ascii=False, indent=2
    )
    assert _json(value()) == (expected + "\n").encode("utf-8")
    assert _json(iter([])) == b"[]\n"
    assert _json({"a": iter([])}) == json.dumps({"a": []}, indent=2).encode() + b"\n"


def test_each_location_says_when_it_was_last_checked(site: tuple[Dataset, SiteConfig]) -> None:
    """Issue 29: a service has assured_date; a location gets a 'verified' metadata record."""
    dataset, config = site
    by_name = {o.naam: o for o in dataset.organisaties.values()}
    for org in hsds_organizations(dataset, config):
        checked_on = by_name[org["name"]].laatst_gecontroleerd.isoformat()
        assert [s["assured_date"] for s in org["services"]] == [checked_on]
        for link in (sal for s in org["services"] for sal in s.get("service_at_locations", [])):
            location = link["location"]
            (checked,) = location["metadata"]
            own = dataset.locaties[location["external_identifier"]]
            assert checked["last_action_type"] == "verified"
            assert checked["last_action_date"] == own.laatst_gecontroleerd.isoformat()
            assert checked["resource_id"] == location["id"]
