"""The open-data exports in open-data/: JSON, GeoJSON, CSV for Excel and Open Referral HSDS 3.0.

Pure and reproducible: the same data gives byte-identical files (no build timestamps, records
sorted by id, HSDS ids derived with uuid5). Referrer-only data, contacts with zichtbaarheid
'verwijzers' and the `verwijzen` field, is left out of every file unless `public=False`, which
only the referrers' edition passes.

CSV: made for a municipality employee who double-clicks it in Dutch Excel. Dutch Excel reads a
CSV as UTF-8 only when it starts with a byte order mark, and splits columns on ';' (the list
separator of the Dutch locale; ',' is the decimal separator there). So: UTF-8 with BOM, ';',
CRLF, vocabulary labels instead of keys, coordinates with a decimal comma, lists joined with
', ' (compound items such as opening hours with '; '). Cells starting with =, +, -, @, tab or CR
get a leading apostrophe, so typed text can never run as a formula (CSV injection).

HSDS: one service per organisation; locations with their weekly hours as service_at_locations.
Times are Dutch wall-clock time 'HH:MM': a fixed UTC offset, the only kind HSDS can express,
would be wrong for half the year. Closures split a schedule into valid_from/valid_to windows, as
the HSDS schedule guidance advises, and are named in the schedule's notes.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from typing import Any

import phonenumbers

from wegwijzer import __version__, i18n
from wegwijzer.outputs import osm
from wegwijzer.outputs.geojson import map_features
from wegwijzer.records import hours, vocab
from wegwijzer.records.fields import is_national_only, parse_phone
from wegwijzer.records.loader import Dataset, locations_of
from wegwijzer.records.models import (
    Bijeenkomst,
    Contactpersoon,
    Locatie,
    Organisatie,
    Sluiting,
    Spreekuur,
)
from wegwijzer.settings.config import SiteConfig
from wegwijzer.settings.present import area_name, checklist, language_name, phone_display

FOLDER = "open-data"
LICENSE = "CC0-1.0"
# Every HSDS id is uuid5(NAMESPACE, "<kind>:<our id>..."). Never change this constant: all ids
# that reusers have stored would change with it.
NAMESPACE = uuid.UUID("7c647bd5-fc80-49d8-aae3-54d765072a45")
STATUS = {"actief": "active", "tijdelijk-gesloten": "temporarily closed", "gestopt": "defunct"}
RRULE_DAYS = dict(zip(vocab.DAGEN, ("MO", "TU", "WE", "TH", "FR", "SA", "SU"), strict=True))
SCHEDULE_DESCRIPTION = "Tijden in Nederlandse tijd (Europe/Amsterdam). Gesloten op feestdagen."
WALK_IN = {True: "Binnenlopen zonder afspraak.", False: "Op afspraak."}
SOME_WALK_IN = "Op sommige tijden binnenlopen zonder afspraak; zie de tijden."
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_DAY = timedelta(days=1)


def export_files(dataset: Dataset, config: SiteConfig, *, public: bool = True) -> dict[str, bytes]:
    """Every file of open-data/, by path in the site: always in Dutch, the records' language."""
    with i18n.speaking(i18n.DUTCH):
        return _export_files(dataset, config, public)


def _export_files(dataset: Dataset, config: SiteConfig, public: bool) -> dict[str, bytes]:
    orgs, locs = _by_id(dataset.organisaties), _by_id(dataset.locaties)
    org_records = (_organisation_record(org, public) for org in orgs)
    loc_records = (_location_record(loc, _all_closed(dataset, loc)) for loc in locs)
    files = {
        "organisaties.json": _json(_document(config, public, "organisaties", orgs, org_records)),
        "locaties.json": _json(_document(config, public, "locaties", locs, loc_records)),
        "locaties.geojson": _json(_geojson(dataset)),
        "organisaties.csv": _organisations_csv(orgs, config, public),
        "locaties.csv": _locations_csv(locs, dataset),
        "hsds/organizations.json": _json(_hsds_organizations(dataset, config, public)),
    }
    return {f"{FOLDER}/{name}": content for name, content in files.items()}


def _by_id(records: Mapping[str, Any]) -> list[Any]:
    return [records[key] for key in sorted(records)]


def _json(value: Any) -> bytes:
    """`json.dumps(value, ensure_ascii=False, indent=2)` and a newline, byte for byte, but an
    iterator (the records) is written one item at a time: at 10,000 locations the HSDS feed is
    86 MB, and holding all its objects at once was the build's peak memory (issue 16)."""
    return b"".join(chunk.encode("utf-8") for chunk in _chunks(value, "")) + b"\n"


def _chunks(value: Any, pad: str) -> Iterator[str]:
    inner = pad + "  "
    if isinstance(value, Iterator):
        empty = True
        for item in value:
            yield ("[\n" if empty else ",\n") + inner + _dumps(item, inner)
            empty = False
        yield "[]" if empty else "\n" + pad + "]"
    elif isinstance(value, dict) and value:
        for number, (key, item) in enumerate(value.items()):
            yield ("{\n" if number == 0 else ",\n") + inner + _dumps(str(key), "") + ": "
            yield from _chunks(item, inner)
        yield "\n" + pad + "}"
    else:
        yield _dumps(value, pad)


def _dumps(value: Any, pad: str) -> str:
    """JSON strings hold no raw newline, so indenting every line is exact."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)


def visible_contacts(org: Organisatie, public: bool) -> list[tuple[int, Contactpersoon]]:
    """The contacts an edition may show, in record order. Public contacts are numbered first
    and hidden ones after them, so both editions share ids and the public numbers (in the ids)
    have no gap that would show that a hidden contact exists."""
    first = [c for c in org.contactpersonen if c.zichtbaarheid == "publiek"]
    rest = [c for c in org.contactpersonen if c.zichtbaarheid != "publiek"]
    number = {id(c): n for n, c in enumerate([*first, *rest], start=1)}
    shown = first if public else org.contactpersonen
    return [(number[id(c)], c) for c in shown]


# --- Plain JSON: the records with the keys of the YAML -------------------------------------


def _document(
    config: SiteConfig,
    public: bool,
    key: str,
    records: list[Organisatie] | list[Locatie],
    dumped: Iterator[dict[str, Any]],
) -> dict[str, Any]:
    """The records with where they come from; dated by the data itself, never by the build."""
    checked = max((r.laatst_gecontroleerd for r in records), default=None)
    document: dict[str, Any] = {
        "gemeente": config.gemeente,
        "bron": f"Wegwijzer geldzorgen {config.gemeente}",
        "licentie": LICENSE,
        "editie": "publiek" if public else "verwijzers",
        "voorbeeldgegevens": config.voorbeelddata,
        "aangemaakt_met": f"wegwijzer {__version__}",
        "laatst_gecontroleerd": checked.isoformat() if checked else None,
    }
    if not public:
        document["let_op"] = "Alleen voor verwijzers. Niet publiceren."
    return {**document, key: dumped}


def _location_record(loc: Locatie, closed: bool = False) -> dict[str, Any]:
    """The record, plus its hours as an OpenStreetMap opening_hours string."""
    return {**loc.model_dump(mode="json"), "opening_hours": osm.opening_hours(loc, closed)}


def _all_closed(dataset: Dataset, loc: Locatie) -> bool:
    """Every organisation at the place is closed or has stopped: 'gesloten tot nader bericht'."""
    orgs = dataset.orgs_of(loc)
    return bool(orgs) and all(org.status != "actief" for org in orgs)


def _organisation_record(org: Organisatie, public: bool) -> dict[str, Any]:
    record = org.model_dump(mode="json")
    record["contactpersonen"] = [
        c.model_dump(mode="json") for _, c in visible_contacts(org, public)
    ]
    if public:
        del record["verwijzen"]
    return record


# --- GeoJSON: the map's features, with a few more properties --------------------------------


def _geojson(dataset: Dataset) -> dict[str, Any]:
    """kaart.map_features; its relative page links work from open-data/ just as from kaart/."""
    collection = map_features(dataset)
    for feature in collection["features"]:
        locatie = dataset.locaties[feature["properties"]["id"]]
        feature["properties"].update(
            organisatie_ids=list(locatie.organisaties),
            postcode=locatie.adres.postcode or _found_postcode(dataset, locatie),
            plaats=locatie.adres.plaats,
            rolstoeltoegankelijk=locatie.rolstoeltoegankelijk,
            opening_hours=osm.opening_hours(locatie, _all_closed(dataset, locatie)),
        )
    return collection


def _found_postcode(dataset: Dataset, locatie: Locatie) -> str | None:
    point = dataset.points.get(locatie.id)
    return point.postcode if point else None


# --- CSV for Dutch Excel ----------------------------------------------------------------------

ORGANISATIE_KOLOMMEN = (
    *("id", "naam", "omschrijving", "soort", "website", "email", "telefoon", "whatsapp"),
    *("fases", "rollen", "activiteiten", "doelgroepen", "talen", "werkgebied"),
    *("telefoon_toelichting", "chat", "leeftijd", "levensbeschouwing", "tolk", "wijken"),
    *("aanmelden", "kosten", "meenemen", "contactpersonen", "status", "melding"),
    "laatst_gecontroleerd",
    *("wachtlijst", "aan_huis", "voorwaarden", "reactietijd"),
)
LOCATIE_KOLOMMEN = (
    *("id", "naam", "organisaties", "organisatienamen", "omschrijving"),
    *("gebouw", "straat", "huisnummer", "postcode", "plaats", "lat", "lon"),
    *("telefoon", "telefoon_toelichting", "email", "website"),
    *("zonder_afspraak", "rolstoeltoegankelijk", "bereikbaarheid", "spreekuren", "gesloten"),
    *("bijeenkomsten", "geldig_vanaf", "geldig_tot"),
    "laatst_gecontroleerd",
    "op_aanvraag",
)


def _organisations_csv(orgs: list[Organisatie], config: SiteConfig, public: bool) -> bytes:
    columns = ORGANISATIE_KOLOMMEN if public else (*ORGANISATIE_KOLOMMEN, "verwijzen")
    rows = [_organisation_cells(org, config.target_groups(), public) for org in orgs]
    return _csv(columns, rows)


def _locations_csv(locs: list[Locatie], dataset: Dataset) -> bytes:
    return _csv(LOCATIE_KOLOMMEN, [_location_cells(loc, dataset) for loc in locs])


def _csv(columns: Iterable[str], rows: Iterable[Mapping[str, object]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: _cell(value) for key, value in row.items()} for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(value: object) -> str:
    """Text for one cell; never something Excel would run as a formula."""
    if value is None:
        return ""
    text = ("ja" if value else "nee") if isinstance(value, bool) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


_AS_TYPED = {"id", "naam", "omschrijving", "website", "email", "aanmelden", "kosten", "chat"}


def _organisation_cells(
    org: Organisatie, groups: Mapping[str, str], public: bool
) -> dict[str, object]:
    cells: dict[str, object] = {
        **org.model_dump(include=_AS_TYPED),
        "soort": vocab.SOORTEN[org.soort],
        "telefoon": _shown_phone(org.telefoon),
        "whatsapp": _shown_phone(org.whatsapp),
        "fases": _labels(org.fases, vocab.FASES),
        "rollen": _labels(org.rollen, vocab.ROLLEN),
        "activiteiten": _labels(org.activiteiten, vocab.ACTIVITEITEN),
        "doelgroepen": _labels(org.doelgroepen, groups),
        "talen": ", ".join(language_name(code) for code in org.talen),
        "werkgebied": ", ".join(area_name(a) for a in org.werkgebied),
        "wijken": ", ".join(org.wijken),
        "meenemen": "; ".join(checklist(org.meenemen)),
        "telefoon_toelichting": org.telefoon_toelichting,
        "leeftijd": org.leeftijd.text() if org.leeftijd else None,
        "levensbeschouwing": org.levensbeschouwing,
        "tolk": org.tolk,
        "contactpersonen": "; ".join(_contact_text(c) for _, c in visible_contacts(org, public)),
        "status": vocab.STATUSSEN[org.status],
        "melding": org.melding,
        "laatst_gecontroleerd": org.laatst_gecontroleerd.isoformat(),
        "wachtlijst": WAITING_TEXT.get(str(org.wachtlijst)) if org.waiting else None,
        "aan_huis": org.aan_huis,
        "voorwaarden": "; ".join(org.voorwaarden),
        "reactietijd": org.reactietijd,
    }
    return cells if public else {**cells, "verwijzen": org.verwijzen}


WAITING_TEXT = {"True": "Er is een wachtlijst.", "vol": "Neemt nu geen nieuwe cliënten aan."}


def _location_cells(loc: Locatie, dataset: Dataset) -> dict[str, object]:
    point = dataset.points.get(loc.id)
    names = [dataset.organisaties[i].naam for i in loc.organisaties if i in dataset.organisaties]
    return {
        **loc.model_dump(include={"id", "naam", "omschrijving", "bereikbaarheid"}),
        **loc.adres.model_dump(),
        "postcode": loc.adres.postcode or (point.postcode if point else None),
        "telefoon": _shown_phone(loc.telefoon),
        **loc.model_dump(include={"telefoon_toelichting", "email", "website"}),
        "organisaties": ", ".join(loc.organisaties),
        "organisatienamen": ", ".join(names),
        "lat": _decimal_comma(point.lat) if point else None,
        "lon": _decimal_comma(point.lon) if point else None,
        "zonder_afspraak": loc.zonder_afspraak,
        "rolstoeltoegankelijk": loc.rolstoeltoegankelijk,
        "spreekuren": "; ".join(_hours_text(row) for row in hours.schedule_rows(loc)),
        "gesloten": "; ".join(_closure_text(closure) for closure in loc.gesloten),
        "bijeenkomsten": "; ".join(
            f"{row.wanneer}: {row.titel}" for row in hours.meeting_rows(loc, date.min)
        ),
        "geldig_vanaf": loc.geldig_vanaf.isoformat() if loc.geldig_vanaf else None,
        "geldig_tot": loc.geldig_tot.isoformat() if loc.geldig_tot else None,
        "laatst_gecontroleerd": loc.laatst_gecontroleerd.isoformat(),
    }


def _labels(keys: Iterable[str], labels: Mapping[str, str]) -> str:
    return ", ".join(labels.get(key, key) for key in keys)


def _shown_phone(number: str | None) -> str | None:
    return phone_display(number) if number else None


def _contact_text(contact: Contactpersoon) -> str:
    """'Jildou de Vries (Coördinator): 06 33451208, jildou@...'."""
    named = contact.naam and contact.functie
    who = f"{contact.naam} ({contact.functie})" if named else contact.naam or contact.functie
    reach = ", ".join(filter(None, [_shown_phone(contact.telefoon), contact.email]))
    return f"{who}: {reach}"


def _decimal_comma(value: float) -> str:
    return str(round(value, 6)).replace(".", ",")


def _hours_text(row: hours.ScheduleRow) -> str:
    return f"{row.dag} {row.tijden}" + (f" ({row.opmerking})" if row.opmerking else "")


def _closure_text(closure: Sluiting) -> str:
    """'21 december 2026 t/m 1 januari 2027: Kerstvakantie'."""
    text = hours.closure_period(closure).replace(" tot en met ", " t/m ")
    return f"{text}: {closure.reden.rstrip('.')}" if closure.reden else text


# --- Open Referral HSDS 3.0 -------------------------------------------------------------------


def hsds_id(*parts: str) -> str:
    """A stable HSDS id: the same parts give the same UUID in every build, in any order."""
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    """HSDS fields are absent, never null: the schema types them as strings, numbers, lists."""
    return {key: value for key, value in values.items() if value is not None and value != []}


def hsds_organizations(
    dataset: Dataset, config: SiteConfig, *, public: bool = True
) -> list[dict[str, Any]]:
    """Every organisation as an HSDS 3.0 organization with its service nested in it."""
    return list(_hsds_organizations(dataset, config, public))


def _hsds_organizations(
    dataset: Dataset, config: SiteConfig, public: bool
) -> Iterator[dict[str, Any]]:
    return (
        _compact(
            {
                "id": hsds_id("organisatie", org.id),
                "name": org.naam,
                "description": org.omschrijving,
                "email": org.email,
                "website": org.website,
                "services": [_service(dataset, config, org, public)],
            }
        )
        for org in _by_id(dataset.organisaties)
    )


def _service(
    dataset: Dataset, config: SiteConfig, org: Organisatie, public: bool
) -> dict[str, Any]:
    service_id = hsds_id("dienst", org.id)
    groups = config.target_groups()
    return _compact(
        {
            "id": service_id,
            "organization_id": hsds_id("organisatie", org.id),
            "name": f"{org.naam} – hulp bij geldzorgen",
            "description": org.omschrijving,
            "url": org.website,
            "email": org.email,
            "status": STATUS[org.status],
            "application_process": org.aanmelden,
            "fees_description": org.kosten,
            "eligibility_description": " ".join(
                ["Voor: " + _labels(org.doelgroepen, groups) + ".", *org.voorwaarden]
            ),
            "alert": org.melding,
            "wait_time": " ".join(
                filter(
                    None,
                    [
                        WAITING_TEXT.get(str(org.wachtlijst)) if org.waiting else None,
                        org.reactietijd,
                    ],
                )
            )
            or None,
            "assured_date": org.laatst_gecontroleerd.isoformat(),
            "phones": _service_phones(org, service_id),
            "service_areas": _service_areas(org, service_id),
            "service_at_locations": _service_at_locations(dataset, org, service_id),
            "languages": _languages(org, service_id),
            "required_documents": _required_documents(org, service_id),
            "contacts": _contacts(org, service_id, public),
            "attributes": _service_attributes(org, groups, service_id, public),
        }
    )


def hsds_number(number: str) -> str:
    """International format ('+31 33 460 2550'); short numbers such as 14 020 only as written,
    because they cannot be dialled from abroad."""
    parsed = parse_phone(number)
    if is_national_only(number):
        return phone_display(number)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _service_phones(org: Organisatie, service_id: str) -> list[dict[str, Any]]:
    # RFC 6350 types, as HSDS asks: WhatsApp is a text line.
    lines = [
        ("telefoon", org.telefoon, "voice", org.telefoon_toelichting),
        ("whatsapp", org.whatsapp, "text", "WhatsApp"),
    ]
    return [
        _compact(
            {
                "id": hsds_id("telefoon", org.id, kind),
                "service_id": service_id,
                "number": hsds_number(number),
                "type": phone_type,
                "description": description,
            }
        )
        for kind, number, phone_type, description in lines
        if number
    ]


def _service_areas(org: Organisatie, service_id: str) -> list[dict[str, Any]]:
    return [
        {
            "id": hsds_id("werkgebied", org.id, area),
            "service_id": service_id,
            "name": area_name(area),
        }
        for area in org.werkgebied
    ]


def _languages(org: Organisatie, service_id: str) -> list[dict[str, Any]]:
    return [
        {
            "id": hsds_id("taal", org.id, code),
            "service_id": service_id,
            "name": language_name(code),
            "code": code,
        }
        for code in org.talen
    ]


def _required_documents(org: Organisatie, service_id: str) -> list[dict[str, Any]]:
    return [
        {"id": hsds_id("meenemen", org.id, item), "service_id": service_id, "document": item}
        for item in checklist(org.meenemen)
    ]


def _contacts(org: Organisatie, service_id: str, public: bool) -> list[dict[str, Any]]:
    return [
        _contact(org, service_id, number, contact)
        for number, contact in visible_contacts(org, public)
    ]


def _contact(
    org: Organisatie, service_id: str, number: int, contact: Contactpersoon
) -> dict[str, Any]:
    contact_id = hsds_id("contactpersoon", org.id, str(number))
    visibility = ("zichtbaarheid", contact.zichtbaarheid, vocab.ZICHTBAARHEDEN)
    return _compact(
        {
            "id": contact_id,
            "service_id": service_id,
            "name": contact.naam,
            "title": contact.functie,
            "email": contact.email,
            "phones": _contact_phones(org, number, contact, contact_id),
            "attributes": [_attribute(contact_id, "contact", *visibility)],
        }
    )


def _contact_phones(
    org: Organisatie, number: int, contact: Contactpersoon, contact_id: str
) -> list[dict[str, Any]]:
    if not contact.telefoon:
        return []
    phone_id = hsds_id("telefoon", org.id, "contactpersoon", str(number))
    line = hsds_number(contact.telefoon)
    return [{"id": phone_id, "contact_id": contact_id, "number": line, "type": "voice"}]


# --- HSDS: locations and their hours ----------------------------------------------------------


def _service_at_locations(
    dataset: Dataset, org: Organisatie, service_id: str
) -> list[dict[str, Any]]:
    places = sorted(locations_of(org, dataset), key=lambda loc: loc.id)
    return [_service_at_location(dataset, org, service_id, loc) for loc in places]


def _service_at_location(
    dataset: Dataset, org: Organisatie, service_id: str, loc: Locatie
) -> dict[str, Any]:
    link_id = hsds_id("dienst-op-locatie", org.id, loc.id)
    return _compact(
        {
            "id": link_id,
            "service_id": service_id,
            "location_id": hsds_id("locatie", loc.id),
            "description": SOME_WALK_IN if loc.mixed_walk_in else WALK_IN[loc.any_walk_in],
            "schedules": _schedules(loc.for_organisation(org.id), link_id, (org.id, loc.id)),
            "location": _location(dataset, loc),
        }
    )


def _location_description(loc: Locatie) -> str | None:
    """The record's description; an address kept private, or a temporary place, says so first."""
    private = "Adres op aanvraag." if loc.adres.op_aanvraag else None
    temporary = None
    if loc.tijdelijk is not None:
        temporary = " ".join(filter(None, [hours.temporary_text(loc), loc.tijdelijk.tekst]))
    return " ".join(p for p in (private, temporary, loc.omschrijving) if p) or None


def _location(dataset: Dataset, loc: Locatie) -> dict[str, Any]:
    location_id, point = hsds_id("locatie", loc.id), dataset.points.get(loc.id)
    return _compact(
        {
            "id": location_id,
            "location_type": "physical",
            "name": loc.naam,
            "description": _location_description(loc),
            "transportation": loc.bereikbaarheid,
            "latitude": round(point.lat, 6) if point else None,
            "longitude": round(point.lon, 6) if point else None,
            "external_identifier": loc.id,
            "external_identifier_type": "wegwijzer",
            "addresses": [_address(loc, location_id)],
            "accessibility": _accessibility(loc, location_id),
            "metadata": [_checked(loc, location_id)],
        }
    )


def _checked(loc: Locatie, location_id: str) -> dict[str, Any]:
    """When the location was last checked (issue 29). HSDS has `assured_date` on a service
    only; for a location its provenance record says it: action 'verified' on that date."""
    return {
        "id": hsds_id("gecontroleerd", loc.id),
        "resource_id": location_id,
        "resource_type": "location",
        "last_action_date": loc.laatst_gecontroleerd.isoformat(),
        "last_action_type": "verified",
        "field_name": "",
        "previous_value": "",
        "replacement_value": "",
        "updated_by": "",
    }


def _address(loc: Locatie, location_id: str) -> dict[str, Any]:
    return _compact(
        {
            "id": hsds_id("adres", loc.id),
            "location_id": location_id,
            "address_1": loc.adres.street_line() or loc.adres.gebouw or "",
            "address_2": loc.adres.gebouw if loc.adres.street_line() else None,
            "city": loc.adres.plaats,
            # Required by HSDS, but a Dutch address has no province; we do not know it, so: empty.
            "state_province": "",
            "postal_code": loc.adres.postcode or "",
            "country": "NL",
            "address_type": "physical",
        }
    )


def _accessibility(loc: Locatie, location_id: str) -> list[dict[str, Any]]:
    if loc.rolstoeltoegankelijk is None:
        return []
    text = "Rolstoeltoegankelijk." if loc.rolstoeltoegankelijk else "Niet rolstoeltoegankelijk."
    return [
        {"id": hsds_id("toegankelijkheid", loc.id), "location_id": location_id, "description": text}
    ]


def _schedules(loc: Locatie, link_id: str, key: tuple[str, str]) -> list[dict[str, Any]]:
    """One schedule per consultation hour and open window between closures, and one per
    meeting. Yearly closures and school holidays cannot be a window: they are notes."""
    ordered = sorted(loc.gesloten, key=lambda c: (not c.once, c.van or date.min))
    notes = [_closure_note(closure) for closure in ordered]
    windows = open_windows(c for c in loc.gesloten if c.once)
    hours = [
        _schedule(
            hour, window, link_id, _schedule_id(key, n, window), _hour_notes(loc, hour, notes)
        )
        for n, hour in enumerate(loc.spreekuren, start=1)
        for window in _valid_windows(hour, windows, loc)
    ]
    return hours + [_meeting_schedule(m, link_id, key) for m in loc.bijeenkomsten]


def _hour_notes(loc: Locatie, hour: Spreekuur, closures: list[str]) -> list[str]:
    walk_in = [WALK_IN[hour.walk_in(loc.zonder_afspraak)]] if loc.mixed_walk_in else []
    return [*walk_in, *closures]


def _valid_windows(
    hour: Spreekuur, windows: list[tuple[date | None, date | None]], loc: Locatie | None = None
) -> list[tuple[date | None, date | None]]:
    """The open windows cut to the hour's (and the location's) geldig_vanaf/geldig_tot."""
    starts = [hour.geldig_vanaf, loc.geldig_vanaf if loc else None]
    ends = [hour.geldig_tot, loc.geldig_tot if loc else None]
    cut = []
    for start, end in windows:
        first = max(filter(None, (start, *starts)), default=None)
        last = min(filter(None, (end, *ends)), default=None)
        if first is None or last is None or first <= last:
            cut.append((first, last))
    return cut


def _schedule_id(key: tuple[str, str], number: int, window: tuple[date | None, date | None]) -> str:
    """Keyed on the window's first day, so a new closure leaves earlier windows' ids alone."""
    return hsds_id("spreekuur", *key, str(number), _iso(window[0]) or "begin")


def _schedule(
    hour: Spreekuur,
    window: tuple[date | None, date | None],
    link_id: str,
    schedule_id: str,
    closures: list[str],
) -> dict[str, Any]:
    parity = None
    if hour.parity is not None:  # RFC 5545 cannot say "even ISO weeks": the notes do
        parity = "Alleen in de even weken." if hour.parity == 0 else "Alleen in de oneven weken."
    online = "Online, met video." if hour.online else None
    season = hours.season_text(hour)  # a part of every year: RFC 5545 BYMONTH is no HSDS field
    only = hours.restriction_text(hour)
    notes = " ".join(filter(None, [only, online, parity, season, hour.opmerking, *closures]))
    description = SCHEDULE_DESCRIPTION
    if not hour.timed:  # no clock times: say so instead of guessing opens_at
        description = f"{hours.hour_text(hour)}. {SCHEDULE_DESCRIPTION}"
    return _compact(
        {
            "id": schedule_id,
            "service_at_location_id": link_id,
            "valid_from": _iso(window[0]),
            "valid_to": _iso(window[1]),
            "freq": "MONTHLY" if hour.weeks_of_month else "WEEKLY",
            "wkst": "MO",
            "byday": rrule_byday(hour),
            "opens_at": hour.van,
            "closes_at": hour.tot,
            "description": description,
            "notes": notes or None,
        }
    )


def _meeting_schedule(meeting: Bijeenkomst, link_id: str, key: tuple[str, str]) -> dict[str, Any]:
    """A one-off date: one occurrence on that day."""
    day = meeting.datum.isoformat()
    return _compact(
        {
            "id": hsds_id("bijeenkomst", *key, day, meeting.van),
            "service_at_location_id": link_id,
            "valid_from": day,
            "valid_to": day,
            "dtstart": day,
            "count": 1,  # HSDS allows WEEKLY and MONTHLY only: once, on that weekday
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": RRULE_DAYS[hours.DAY_KEYS[meeting.datum.weekday()]],
            "opens_at": meeting.van,
            "closes_at": meeting.tot,
            "description": f"{meeting.titel}. {SCHEDULE_DESCRIPTION}",
            "notes": meeting.omschrijving,
        }
    )


def rrule_byday(hour: Spreekuur) -> str:
    """'TU,TH' every week; '1TU,3TU' for the first and third Tuesday; '-1FR' for the last Friday.

    Week n of our records is the n-th such weekday of the month, exactly RFC 5545's nTU, which
    HSDS allows with freq MONTHLY only.
    """
    days = sorted(hour.dagen, key=hours.DAY_KEYS.index)
    weeks = sorted(set(hour.weeks_of_month), key=lambda week: week if week > 0 else 6)
    prefixes = [str(week) for week in weeks] or [""]
    return ",".join(prefix + RRULE_DAYS[day] for day in days for prefix in prefixes)


def open_windows(closures: Iterable[Sluiting]) -> list[tuple[date | None, date | None]]:
    """The date ranges between closures (None: open-ended); overlapping closures merge.

    A closure from 0001-01-01 or until 9999-12-31 ('tot nader bericht') leaves no window
    before or after it: there is no day to count from.
    """
    windows: list[tuple[date | None, date | None]] = []
    start: date | None = None
    periods = [(c.van, c.tot) for c in closures if c.van is not None and c.tot is not None]
    for van, tot in sorted(periods):
        if (start is None and van > date.min) or (start is not None and van > start):
            windows.append((start, van - _DAY))
        if tot == date.max:
            return windows
        if start is None or tot + _DAY > start:
            start = tot + _DAY
    return [*windows, (start, None)]


def _closure_note(closure: Sluiting) -> str:
    text = _closure_text(closure).replace(" t/m ", " tot en met ")
    return f"Gesloten van {text}." if closure.once else f"Gesloten {text}."


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# --- HSDS: our vocabularies as taxonomy terms -------------------------------------------------

TAXONOMIES = {
    "fase": (
        "Fase van de schuldhulp",
        "Fasen waarin vrijwilligers een rol spelen, uit de VNG-handreiking 'Samenwerken met "
        "vrijwilligers(organisaties)' (2024), hoofdstuk 3.1.",
    ),
    "rol": ("Rol", "Rollen van vrijwilligers in de schuldhulp, uit de VNG-handreiking (2024)."),
    "activiteit": (
        "Activiteit",
        "Wat de organisatie doet: de negen activiteiten uit onderzoek dat de VNG-handreiking "
        "(2024) aanhaalt.",
    ),
    "doelgroep": ("Doelgroep", "Voor wie de hulp bedoeld is."),
    "zichtbaarheid": ("Zichtbaarheid", "Wie dit contact te zien krijgt."),
    "veld": ("Veld van de wegwijzer", "Gegevens die geen eigen plek in HSDS hebben."),
}


def _service_attributes(
    org: Organisatie, groups: Mapping[str, str], service_id: str, public: bool
) -> list[dict[str, Any]]:
    terms = [
        *(("fase", key, vocab.FASES) for key in org.fases),
        *(("rol", key, vocab.ROLLEN) for key in org.rollen),
        *(("activiteit", key, vocab.ACTIVITEITEN) for key in org.activiteiten),
        *(("doelgroep", key, groups) for key in org.doelgroepen),
    ]
    attributes = [_attribute(service_id, "service", *term) for term in terms]
    if not public and org.verwijzen:
        field = Organisatie.model_fields["verwijzen"]
        labels = {"verwijzen": field.title or "verwijzen"}
        referral = _attribute(service_id, "service", "veld", "verwijzen", labels, org.verwijzen)
        attributes.append(referral)
    return attributes


def _attribute(
    link_id: str,
    link_entity: str,
    taxonomy: str,
    code: str,
    labels: Mapping[str, str],
    value: str | None = None,
) -> dict[str, Any]:
    term = _taxonomy_term(taxonomy, code, labels.get(code, code))
    return _compact(
        {
            "id": hsds_id("kenmerk", link_id, taxonomy, code),
            "link_id": link_id,
            "link_entity": link_entity,
            "taxonomy_term_id": term["id"],
            "value": value,
            "taxonomy_term": term,
        }
    )


def _taxonomy_term(taxonomy: str, code: str, label: str) -> dict[str, Any]:
    name, description = TAXONOMIES[taxonomy]
    taxonomy_id = hsds_id("taxonomie", taxonomy)
    return {
        "id": hsds_id(taxonomy, code),
        "code": code,
        "name": label,
        "description": f"{name}: {label}",
        "taxonomy": f"wegwijzer-{taxonomy}",
        "language": "nl",
        "taxonomy_id": taxonomy_id,
        "taxonomy_detail": {"id": taxonomy_id, "name": name, "description": description},
    }
