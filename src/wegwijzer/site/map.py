"""The map document: every location as one GeoJSON layer in a marker cluster, drawn by folium.

Record text never reaches folium as HTML. It travels as JSON in the feature properties, and
kaart.js builds markers and popups from it with textContent. folium's defaults are replaced
where they hurt: no CDNs, no zoom lock in the viewport, fixed ids so builds are reproducible.
"""

from __future__ import annotations

import html
import json
import math
import re
from typing import Any, TypeVar

import folium
from branca.element import Element, Figure
from folium.plugins import MarkerCluster
from folium.template import Template

from wegwijzer.i18n import N_, gettext
from wegwijzer.outputs.geojson import map_features
from wegwijzer.records.loader import Dataset
from wegwijzer.settings.config import KaartSettings
from wegwijzer.settings.present import json_for_script
from wegwijzer.site.assets import asset_url

TITLE = N_("Kaart met alle locaties")  # shown in the frame's language (gettext at use)
DATA_ID = "ww-locaties"  # the <script type="application/json"> that kaart.js reads
NL_CENTER = (52.2, 5.3)  # the whole of the Netherlands fits at NL_ZOOM
NL_ZOOM = 7  # kaart.js then fits the view to the locations, if there are any
# Up to this many bytes of location data the map document carries them all (a municipality:
# 30 to 200 locations). Beyond it (8.4 MB at 10,000 locations) the document carries only a
# count per cell of the grid, and kaart.js fetches a cell's locations (kaart/vakken/<key>.json)
# once the reader zooms in on it: the first view of the whole country fetches no location.
INLINE_LIMIT = 150_000
CELL_DEGREES = (0.1, 0.15)  # latitude, longitude: about 11 by 10 km in the Netherlands
CELLS_FOLDER = "vakken"

# folium gets these in place of the tile settings; the real values go in after rendering
_TILES, _ATTRIBUTION = "wegwijzer-tegels", "wegwijzer-attributie"
_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>')
_ACCESSIBLE_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


def _cell_key(lon: float, lat: float) -> str:
    return f"{math.floor(lat / CELL_DEGREES[0])}_{math.floor(lon / CELL_DEGREES[1])}"


def split_features(
    features: dict[str, Any], cells_url: str = f"{CELLS_FOLDER}/"
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A summary for the document and one FeatureCollection per grid cell.

    The summary's `vakken` holds per cell [key, count, lat, lon] (the mean of its points,
    where its count is drawn) and [south, west, north, east]; `grenzen` the bounds of all
    points, for the first view. A cell's file has the same features as the inline map."""
    cells: dict[str, list[dict[str, Any]]] = {}
    for feature in features["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        cells.setdefault(_cell_key(lon, lat), []).append(feature)
    summary: dict[str, Any] = {"vakken": [], "map": cells_url}
    if "feestdagen" in features:
        summary["feestdagen"] = features["feestdagen"]
    lats: list[float] = []
    lons: list[float] = []
    for key in sorted(cells):
        points = [f["geometry"]["coordinates"] for f in cells[key]]
        cell_lons, cell_lats = [p[0] for p in points], [p[1] for p in points]
        lats += cell_lats
        lons += cell_lons
        middle = [round(sum(cell_lats) / len(points), 4), round(sum(cell_lons) / len(points), 4)]
        edges = [min(cell_lats), min(cell_lons), max(cell_lats), max(cell_lons)]
        summary["vakken"].append([key, len(points), *middle, *(round(e, 5) for e in edges)])
    if lats:
        summary["grenzen"] = [min(lats), min(lons), max(lats), max(lons)]
    collections = {
        key: {"type": "FeatureCollection", "features": [_compact(f) for f in found]}
        for key, found in cells.items()
    }
    return summary, collections


def _compact(feature: dict[str, Any]) -> dict[str, Any]:
    """Opening hours without empty values (openingstijden.js reads a missing key as none)."""
    properties = dict(feature["properties"])
    if "open" in properties:
        properties["open"] = _without_none(properties["open"])
    return {**feature, "properties": properties}


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


def map_files(
    dataset: Dataset,
    kaart: KaartSettings,
    *,
    asset_prefix: str = "../assets/wegwijzer",
    feestdagen: dict[str, Any] | None = None,
    inline_limit: int | None = None,
    cells_url: str = f"{CELLS_FOLDER}/",
) -> dict[str, bytes]:
    """kaart/kaart.html and, for a big site, the grid cells' files (paths in the site).
    `cells_url`: where the document finds the cells, relative to itself (a frame in another
    language's folder, en/kaart/kaart.html, shares the Dutch cells: "../../kaart/vakken/")."""
    features = map_features(dataset, feestdagen)
    limit = INLINE_LIMIT if inline_limit is None else inline_limit
    if len(json.dumps(features, ensure_ascii=False, separators=(",", ":"))) <= limit:
        document = _document(features, kaart, asset_prefix)
        return {"kaart/kaart.html": document.encode("utf-8")}
    summary, cells = split_features(features, cells_url)
    files = {"kaart/kaart.html": _document(summary, kaart, asset_prefix).encode("utf-8")}
    for key, collection in sorted(cells.items()):
        text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
        files[f"kaart/{CELLS_FOLDER}/{key}.json"] = text.encode("utf-8")
    return files


def render_map(
    dataset: Dataset,
    kaart: KaartSettings,
    *,
    asset_prefix: str = "../assets/wegwijzer",
    feestdagen: dict[str, Any] | None = None,
) -> str:
    """The whole map document with every location inside, for kaart/kaart.html."""
    return _document(map_features(dataset, feestdagen), kaart, asset_prefix)


def _document(features: dict[str, Any], kaart: KaartSettings, asset_prefix: str) -> str:
    """The map document shown in an iframe, with `features` (or a summary) inside."""
    assets = _Assets(asset_prefix.rstrip("/"))
    m = _base_map(kaart, assets)
    cluster = MarkerCluster(icon_create_function="wegwijzerCluster")  # type: ignore[no-untyped-call]
    _stable(cluster, "locaties")
    cluster.default_js, cluster.default_css = assets.cluster_js, assets.cluster_css
    cluster.add_to(m)
    _Ready(m, cluster).add_to(m)
    document = _with_tiles(m.get_root().render(), kaart)
    return _with_data(_accessible(document, assets.favicon), features)


class _Assets:
    """The vendored files, as (name, url) pairs in the order the document loads them.

    The map lists every file, so the order is ours; the cluster repeats its own files under
    the same names (folium adds each name once) so it never falls back to its CDN defaults.
    """

    def __init__(self, prefix: str) -> None:
        def url(relative: str) -> str:  # with its version, for long caching
            return asset_url(relative, prefix)

        leaflet, cluster = "vendor/leaflet", "vendor/leaflet.markercluster"
        self.cluster_js = [("markercluster_js", url(f"{cluster}/leaflet.markercluster.js"))]
        self.cluster_css = [
            ("markercluster_css", url(f"{cluster}/MarkerCluster.css")),
            ("markercluster_default_css", url(f"{cluster}/MarkerCluster.Default.css")),
        ]
        self.map_js = [
            ("leaflet_js", url(f"{leaflet}/leaflet.js")),
            *self.cluster_js,
            ("teksten_js", url("js/teksten.js")),
            ("openingstijden_js", url("js/openingstijden.js")),
            ("kaart_js", url("js/kaart.js")),
        ]
        self.favicon = url("favicon.svg")  # else browsers ask for /favicon.ico: a 404
        self.map_css = [
            ("leaflet_css", url(f"{leaflet}/leaflet.css")),
            *self.cluster_css,
            ("kaart_css", url("css/kaart.css")),
        ]


def _base_map(kaart: KaartSettings, assets: _Assets) -> folium.Map:
    m = folium.Map(location=NL_CENTER, zoom_start=NL_ZOOM, tiles=None, zoom_control=False)
    m.options["max_zoom"] = kaart.max_zoom  # the cluster needs it; folium only gives it to tiles
    m.default_js, m.default_css = assets.map_js, assets.map_css
    _stable(m, "kaart")
    figure = m.get_root()
    assert isinstance(figure, Figure)
    figure.title = gettext(TITLE)
    tiles = folium.TileLayer(tiles=_TILES, attr=_ATTRIBUTION, max_zoom=kaart.max_zoom)
    _stable(tiles, "achtergrond").add_to(m)
    return m


def _with_tiles(document: str, kaart: KaartSettings) -> str:
    """The tile address and attribution from mkdocs.yml, put in after folium has rendered.

    Like record text, configuration never goes through folium: branca would evaluate a
    '{{ ... }}' in it as Jinja at build time, which can run any code.
    """
    for placeholder, value in (
        (_TILES, kaart.tegels),
        (_ATTRIBUTION, html.escape(kaart.attributie)),
    ):
        quoted = json.dumps(placeholder)
        if document.count(quoted) != 1:
            raise RuntimeError(
                "folium changed its page layout; check wegwijzer.site.map._with_tiles"
            )
        document = document.replace(quoted, json_for_script(value))
    return document


def _with_data(document: str, features: dict[str, Any]) -> str:
    """The locations as JSON in the page, inserted after folium has rendered it.

    Never hand record text to folium: branca turns each rendered script into a new Jinja
    template and renders it again, so a name like '{{ 7*7 }}' would be evaluated at build
    time (template injection). kaart.js reads this element and builds the GeoJSON layer.
    """
    data = f'<script type="application/json" id="{DATA_ID}">{json_for_script(features)}</script>'
    body = re.search(r"<body[^>]*>", document)
    if body is None:
        raise RuntimeError("folium changed its page layout; check wegwijzer.site.map._with_data")
    return document[: body.end()] + data + document[body.end() :]


_E = TypeVar("_E", bound=Element)


def _stable(element: _E, name: str) -> _E:
    """Give a folium object a fixed id instead of a random uuid, for reproducible builds."""
    element._id = name
    return element


class _Ready(folium.MacroElement):
    """Hands the map, its cluster and the id of the locations' JSON to kaart.js.

    kaart.js then fits the view to the locations without animation (folium's fit_bounds
    animates from the opening view, and a zoom during that animation gets undone).
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "wegwijzerReady({{ this.map.get_name() }}, {{ this.cluster.get_name() }}, "
        f'"{DATA_ID}");'
        "{% endmacro %}"
    )

    def __init__(self, m: folium.Map, cluster: MarkerCluster) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "Ready"
        self._id = "kaart"
        self.map, self.cluster = m, cluster


_MAP_DIV = re.compile(r'<div class="folium-map" id="map_kaart" ></div>')
_SCRIPT_AFTER_BODY = re.compile(r"</body>\s*(<script>.*?</script>)\s*</html>\s*$", re.S)


def _accessible(document: str, favicon: str) -> str:
    """Dutch, zoomable, with a landmark and a heading, every script inside the body.

    folium locks the zoom in its viewport, sets no language, puts the map script after
    </body> and the map in no landmark: screen readers then find an unnamed blank page."""
    document, count = _VIEWPORT.subn(
        _ACCESSIBLE_VIEWPORT
        + f'<link rel="icon" href="{html.escape(favicon)}" type="image/svg+xml">',
        document,
    )
    heading = html.escape(gettext(TITLE))
    document, divs = _MAP_DIV.subn(
        f'<main class="ww-kaartdocument"><h1 class="ww-onzichtbaar">{heading}</h1>'
        '<div class="folium-map" id="map_kaart" ></div></main>',
        document,
    )
    document, scripts = _SCRIPT_AFTER_BODY.subn(r"\1\n</body>\n</html>\n", document)
    if (count, divs, scripts) != (1, 1, 1) or not document.startswith("<!DOCTYPE html>\n<html>"):
        raise RuntimeError("folium changed its page layout; check wegwijzer.site.map._accessible")
    return document.replace("<html>", '<html lang="nl">', 1)
