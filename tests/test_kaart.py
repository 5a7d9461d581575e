"""The map document: one GeoJSON layer, nothing from a CDN, record text only as escaped JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import folium
import pytest
from bs4 import BeautifulSoup

from wegwijzer.outputs.geojson import map_features
from wegwijzer.records.loader import Dataset
from wegwijzer.records.models import Locatie, Organisatie, Point
from wegwijzer.settings.config import KaartSettings
from wegwijzer.site import map as kaart_module
from wegwijzer.site.map import TITLE, render_map

_PAYLOADS = (
    "</script><script>window.__pwned = 1</script>",
    "Inloop `${window.__pwned = 2}` \"dubbel\" 'enkel' back\\slash en\u2028regel",
    '<img src="x" onerror="window.__pwned = 3">',
)
# Each payload alone, and all of them in one name (which the browser test opens).
HOSTILE = (*_PAYLOADS, "<b>Alles</b> " + " ".join(_PAYLOADS))


def organisatie(org_id: str, naam: str) -> Organisatie:
    return Organisatie.model_validate(
        {
            "id": org_id,
            "naam": naam,
            "omschrijving": "Helpt bij geldzorgen.",
            "fases": ["preventie"],
            "telefoon": "020 123 4567",
            "laatst_gecontroleerd": "2024-01-01",
        }
    )


def locatie(loc_id: str, naam: str, huisnummer: int = 1, **extra: Any) -> Locatie:
    adres = {"straat": "Markt", "huisnummer": str(huisnummer), "postcode": "1234 AB"}
    return Locatie.model_validate(
        {
            "id": loc_id,
            "naam": naam,
            "organisaties": ["helpers"],
            "adres": {**adres, "plaats": "Voorbeeldstad"},
            "laatst_gecontroleerd": "2024-01-01",
            **extra,
        }
    )


def dataset_of(names: list[str], *, without_point: int = 0) -> Dataset:
    """Locations loc-0, loc-1, ... named `names`; the last `without_point` have no point."""
    locaties = {f"loc-{i}": locatie(f"loc-{i}", n, i + 1) for i, n in enumerate(names)}
    with_point = list(locaties)[: len(locaties) - without_point]
    points = {
        loc_id: Point(52.0 + (i % 100) * 0.01, 5.0 + (i // 100) * 0.013 + i * 1e-4, "test")
        for i, loc_id in enumerate(with_point)
    }
    orgs = {"helpers": organisatie("helpers", "Helpers & Co")}
    return Dataset(organisaties=orgs, locaties=locaties, points=points)


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def embedded_features(html: str) -> dict[str, Any]:
    """The FeatureCollection as the browser will parse it from its JSON script element."""
    element = soup_of(html).select_one('script#ww-locaties[type="application/json"]')
    assert element is not None, "the GeoJSON data is not in the document"
    return dict(json.loads(element.string or ""))


def test_every_location_with_a_point_is_one_feature() -> None:
    dataset = dataset_of(["B", "A", "C", "D"], without_point=1)
    features = map_features(dataset)["features"]
    assert [f["properties"]["id"] for f in features] == ["loc-0", "loc-1", "loc-2"]
    first = features[0]
    assert first["geometry"] == {"type": "Point", "coordinates": [5.0, 52.0]}
    assert first["properties"] == {
        "id": "loc-0",
        "naam": "B",
        "adres": "Markt 1, 1234 AB Voorbeeldstad",
        "url": "../locaties/loc-0/",
        "zonder_afspraak": False,
        "organisaties": ["Helpers & Co"],
        "fases": ["preventie"],
        "doelgroepen": ["iedereen"],
        "tel": "tel:+31201234567",
        "telefoon": "020 123 4567",
    }


def test_the_order_is_by_id_not_by_insertion() -> None:
    dataset = dataset_of(["A", "B", "C"])
    dataset.points = dict(reversed(dataset.points.items()))
    ids = [f["properties"]["id"] for f in map_features(dataset)["features"]]
    assert ids == sorted(ids)


def test_walk_in_is_a_boolean() -> None:
    dataset = dataset_of(["A"])
    dataset.locaties["loc-0"] = locatie("loc-0", "A", zonder_afspraak="ja")
    assert map_features(dataset)["features"][0]["properties"]["zonder_afspraak"] is True


def test_repeated_names_get_the_address_as_label() -> None:
    dataset = dataset_of(["Inloop", "Inloop", "Spreekuur"])
    props = [f["properties"] for f in map_features(dataset)["features"]]
    assert props[0]["label"] == "Inloop, Markt 1, 1234 AB Voorbeeldstad"
    assert props[1]["label"] == "Inloop, Markt 2, 1234 AB Voorbeeldstad"
    assert "label" not in props[2]


def test_same_name_at_the_same_address_is_numbered() -> None:
    dataset = dataset_of(["Inloop", "Inloop"])
    dataset.locaties["loc-1"] = locatie("loc-1", "Inloop", 1)
    labels = [f["properties"]["label"] for f in map_features(dataset)["features"]]
    assert len(set(labels)) == 2
    assert labels[0].endswith("(1)") and labels[1].endswith("(2)")


def test_the_document_embeds_exactly_the_features() -> None:
    dataset = dataset_of(["A", "B", "C"], without_point=1)
    assert embedded_features(render_map(dataset, KaartSettings())) == map_features(dataset)


def test_the_only_outside_address_is_the_tile_template() -> None:
    kaart = KaartSettings()
    html = render_map(dataset_of(["A", "B"]), kaart)
    soup = soup_of(html)
    links = [tag.get("src") or tag.get("href") for tag in soup.select("[src], [href]")]
    assert links, "the document loads its scripts and styles"
    assert all(str(link).startswith("../assets/wegwijzer/") for link in links)
    assert set(re.findall(r"(?:https?:)?//[^\s\"'<>)]+", html)) == {kaart.tegels}


def unversioned(text: str) -> str:
    """Without the assets' '?v=<hash>' (a hash may hold any digits, '49' too)."""
    return re.sub(r"\?v=[0-9a-f]+", "", text)


def test_assets_follow_the_prefix() -> None:
    html = render_map(dataset_of(["A"]), KaartSettings(), asset_prefix="/static/ww/")
    scripts = [unversioned(tag["src"]) for tag in soup_of(html).select("script[src]")]
    assert scripts == [
        "/static/ww/vendor/leaflet/leaflet.js",
        "/static/ww/vendor/leaflet.markercluster/leaflet.markercluster.js",
        "/static/ww/js/teksten.js",
        "/static/ww/js/openingstijden.js",
        "/static/ww/js/kaart.js",
    ]
    styles = [unversioned(tag["href"]) for tag in soup_of(html).select("link[rel=stylesheet]")]
    assert styles[-1] == "/static/ww/css/kaart.css"
    assert len(styles) == 4


def test_every_asset_the_document_names_is_in_the_package() -> None:
    html = render_map(dataset_of(["A"]), KaartSettings(), asset_prefix="PREFIX")
    links = [tag.get("src") or tag.get("href") for tag in soup_of(html).select("[src], [href]")]
    links = [unversioned(str(link)) for link in links]
    assets = Path(kaart_module.__file__).parent.parent / "assets"
    missing = [link for link in links if not (assets / str(link).removeprefix("PREFIX/")).is_file()]
    assert missing == []


def test_folium_class_defaults_are_left_alone() -> None:
    """Setting assets on our objects must not change what any other folium map loads."""
    render_map(dataset_of(["A"]), KaartSettings())
    other = folium.Map(tiles=None).get_root().render()
    assert "cdn.jsdelivr.net/npm/leaflet" in other
    assert "assets/wegwijzer" not in other


def test_the_document_is_dutch_titled_and_zoomable() -> None:
    html = render_map(dataset_of(["A"]), KaartSettings())
    soup = soup_of(html)
    assert soup.html is not None and soup.html["lang"] == "nl"
    assert soup.title is not None and soup.title.string == TITLE
    viewports = soup.select("meta[name=viewport]")
    assert [v["content"] for v in viewports] == ["width=device-width, initial-scale=1"]
    assert "user-scalable" not in html and "maximum-scale" not in html
    assert "Notebook Trusted" not in html


def test_the_attribution_is_text() -> None:
    kaart = KaartSettings(attributie="<b>Kadaster</b> & co")
    html = render_map(dataset_of(["A"]), kaart)
    assert "<b>Kadaster" not in html
    assert json.dumps("&lt;b&gt;Kadaster&lt;/b&gt; &amp; co") in html.replace("\\u0026", "&")


def test_the_map_has_the_maximum_zoom() -> None:
    """MarkerCluster refuses to work on a map without one."""
    html = render_map(dataset_of(["A"]), KaartSettings(max_zoom=18))
    options = re.search(r"L\.map\(\s*\"map_kaart\",\s*\{.*?\.\.\.(\{.*?\})", html, re.S)
    assert options and '"maxZoom": 18' in options[1]


def test_no_locations_shows_the_netherlands() -> None:
    html = render_map(dataset_of(["A"], without_point=1), KaartSettings())
    assert embedded_features(html)["features"] == []
    assert "center: [52.2, 5.3]" in html
    assert '"zoom": 7' in html


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_travel_only_as_escaped_json(name: str) -> None:
    benign = render_map(dataset_of(["Inloop", "Spreekuur"]), KaartSettings())
    dataset = dataset_of([name, "Spreekuur"])
    html = render_map(dataset, KaartSettings())
    assert name not in html
    assert html.count("<script") == benign.count("<script")
    assert html.count("</script") == benign.count("</script")
    assert "<img" not in html and "\u2028" not in html
    assert embedded_features(html) == map_features(dataset)
    assert embedded_features(html)["features"][0]["properties"]["naam"] == name


def test_builds_are_reproducible() -> None:
    first = render_map(dataset_of(["A", "B", "C"]), KaartSettings())
    second = render_map(dataset_of(["A", "B", "C"]), KaartSettings())
    assert first == second
    assert not re.search(r"[0-9a-f]{32}", first), "a random folium id is left"


def test_a_thousand_locations_stay_small() -> None:
    names = [f"Inloop Geldzaken in wijkcentrum {i}" for i in range(1000)]
    html = render_map(dataset_of(names), KaartSettings())
    assert len(embedded_features(html)["features"]) == 1000
    assert len(html.encode()) < 400_000
    assert not re.search(r"L\.marker\(", html), "markers are made in kaart.js, not one by one"


@pytest.mark.parametrize("name", ["{{ 7*7 }}", "{% if true %}ja{% endif %}", "{# weg #}"])
def test_record_text_is_never_a_template(name: str) -> None:
    """branca re-renders folium's scripts as Jinja templates: data must never go through it."""
    dataset = dataset_of([name])
    html = render_map(dataset, KaartSettings())
    assert embedded_features(html)["features"][0]["properties"]["naam"] == name
    assert "49" not in unversioned(html.replace(name, ""))


@pytest.mark.parametrize("text", ["{{ 7*7 }}", "{% if true %}ja", "{# weg", "{{ cycler }}"])
def test_tile_settings_are_never_a_template(text: str) -> None:
    """mkdocs.yml text must not reach branca's Jinja either: '{{ ... }}' could run any code."""
    kaart = KaartSettings(
        tegels=f"https://t.example/{{z}}/{{x}}/{{y}}.png?k={text}", attributie=text
    )
    html = render_map(dataset_of(["A"]), kaart)
    assert html.count(json.dumps(kaart.tegels).replace("&", "\\u0026")) == 1
    assert json.dumps(text) in html
    assert "49" not in unversioned(html) and "<function" not in html.lower()
    assert "Cycler" not in html
