"""The locations on the map as a GeoJSON FeatureCollection: the data the map document
(site/map.py) carries and the open data export (open_data.py) publishes.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from wegwijzer.records import hours
from wegwijzer.records.fields import tel_uri
from wegwijzer.records.loader import Dataset
from wegwijzer.records.models import Locatie
from wegwijzer.settings.present import phone_display

COORDINATE_DECIMALS = 6  # about 10 cm; more digits only make the file bigger


def map_features(dataset: Dataset, feestdagen: dict[str, Any] | None = None) -> dict[str, Any]:
    """A GeoJSON FeatureCollection with one point per location on the map, ordered by id.

    `feestdagen` (the holiday policy, once) is a foreign member that kaart.js hands to
    openingstijden.js with each location's hours for the popup's "nu open" line."""
    ids = sorted(i for i in dataset.points if i in dataset.locaties)
    labels = _unique_labels(dataset, ids)
    features = [_feature(dataset, dataset.locaties[i], labels[i]) for i in ids]
    collection: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if feestdagen is not None:
        collection["feestdagen"] = feestdagen
    return collection


def _feature(dataset: Dataset, locatie: Locatie, label: str) -> dict[str, Any]:
    point = dataset.points[locatie.id]
    properties: dict[str, Any] = {
        "id": locatie.id,
        "naam": locatie.naam,
        "adres": locatie.adres.one_line(point.postcode),
        "url": f"../locaties/{locatie.id}/",
        "zonder_afspraak": locatie.zonder_afspraak,
        "organisaties": _organisation_names(dataset, locatie),
        "fases": sorted({f for o in dataset.orgs_of(locatie) for f in o.fases}),
        "doelgroepen": sorted({d for o in dataset.orgs_of(locatie) for d in o.doelgroepen}),
    }
    if locatie.spreekuren or locatie.gesloten:  # for the popup's "nu open" line
        opening = hours.browser_data(locatie)
        properties["open"] = {k: v for k, v in opening.items() if k != "feestdagen"}
    phones = (o.telefoon for o in dataset.orgs_of(locatie) if o.telefoon)
    phone = locatie.telefoon or next(phones, None)
    if phone:
        properties["tel"], properties["telefoon"] = tel_uri(phone), phone_display(phone)
    if label != locatie.naam:  # only when needed: the name is in every feature already
        properties["label"] = label
    coordinates = [round(point.lon, COORDINATE_DECIMALS), round(point.lat, COORDINATE_DECIMALS)]
    geometry = {"type": "Point", "coordinates": coordinates}
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _organisation_names(dataset: Dataset, locatie: Locatie) -> list[str]:
    found = (dataset.organisaties.get(i) for i in locatie.organisaties)
    return [organisatie.naam for organisatie in found if organisatie is not None]


def _unique_labels(dataset: Dataset, ids: list[str]) -> dict[str, str]:
    """The accessible name of each marker: the name, plus the address when names repeat."""
    locaties = [dataset.locaties[i] for i in ids]
    names = Counter(locatie.naam for locatie in locaties)
    labels = {
        locatie.id: locatie.naam
        if names[locatie.naam] == 1
        else f"{locatie.naam}, {locatie.adres.one_line()}"
        for locatie in locaties
    }
    return _number_repeats(labels)


def _number_repeats(labels: dict[str, str]) -> dict[str, str]:
    """Same name at the same address (two rooms in one building): count them, (1), (2), ..."""
    totals, seen = Counter(labels.values()), Counter[str]()
    numbered = {}
    for location_id, label in labels.items():
        seen[label] += 1
        numbered[location_id] = label if totals[label] == 1 else f"{label} ({seen[label]})"
    return numbered
