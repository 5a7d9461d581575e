"""The committed postcode table (data/postcodes.csv): four-digit postcode -> a point.

"Zoek op postcode" on the site compares that point with the locations, in the browser:
nothing a resident types leaves the phone. `wegwijzer geocode --postcodes` fills the table
from PDOK Locatieserver (the government's free service): every six-character postcode of the
werkgebied with its centre, averaged per four digits. The build only reads the file; without
one it falls back to the postcodes and points of the locations themselves (said in the data).
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from geopy.adapters import URLLibAdapter

from wegwijzer.geo.geocode import user_agent
from wegwijzer.records.loader import POSTCODES, Dataset
from wegwijzer.records.report import Finding
from wegwijzer.settings.config import GeocoderSettings

DECIMALS = 3  # about 100 m: a four-digit area is a neighbourhood, more digits mean nothing
PDOK_FREE = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
ROWS = 100  # the most PDOK gives per request
_PC4 = re.compile(r"^\s*(\d{4})")
_POINT = re.compile(r"^POINT\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)$")
_COLUMNS = ("pc4", "plaats", "lat", "lon")


@dataclass(frozen=True)
class PostcodeArea:
    """One four-digit postcode: its centre and the place most of it lies in."""

    pc4: str
    plaats: str
    lat: float
    lon: float


@dataclass(frozen=True)
class PostcodeTable:
    areas: dict[str, PostcodeArea]
    source: str  # the header's first line: where the points come from, and when

    def browser_data(self) -> dict[str, Any]:
        """What the site ships: {"pc": {"3811": [lat, lon]}, "plaatsen": {"buurdorp": [..]}}."""
        places: dict[str, list[PostcodeArea]] = defaultdict(list)
        for area in self.areas.values():
            if area.plaats:
                places[area.plaats.casefold()].append(area)
        return {
            "bron": self.source,
            "pc": {a.pc4: [a.lat, a.lon] for a in sorted(self.areas.values(), key=_by_pc4)},
            "plaatsen": {name: _centre(found) for name, found in sorted(places.items())},
        }


def _by_pc4(area: PostcodeArea) -> str:
    return area.pc4


def _centre(areas: list[PostcodeArea]) -> list[float]:
    return [
        round(sum(a.lat for a in areas) / len(areas), DECIMALS),
        round(sum(a.lon for a in areas) / len(areas), DECIMALS),
    ]


def _area(pc4: str, plaats: str, points: list[tuple[float, float]]) -> PostcodeArea:
    lat = round(sum(p[0] for p in points) / len(points), DECIMALS)
    lon = round(sum(p[1] for p in points) / len(points), DECIMALS)
    return PostcodeArea(pc4, plaats, lat, lon)


def _most_common(names: list[str]) -> str:
    return max(sorted(set(names)), key=names.count) if names else ""


def areas_from_points(found: Iterable[tuple[str, str, float, float]]) -> dict[str, PostcodeArea]:
    """(postcode, place, lat, lon) rows, any length of postcode -> one centre per four digits."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    names: dict[str, list[str]] = defaultdict(list)
    for postcode, plaats, lat, lon in found:
        match = _PC4.match(postcode or "")
        if match:
            points[match.group(1)].append((lat, lon))
            names[match.group(1)].append(plaats)
    return {pc4: _area(pc4, _most_common(names[pc4]), points[pc4]) for pc4 in sorted(points)}


def from_dataset(dataset: Dataset) -> PostcodeTable:
    """The fallback: each location's postcode with its point from the geocache."""
    rows = []
    for location in dataset.locaties.values():
        point = dataset.points.get(location.id)
        postcode = location.adres.postcode or (point.postcode if point else None)
        if point and postcode:
            rows.append((postcode, location.adres.plaats, point.lat, point.lon))
    source = "Afgeleid van de postcodes en punten van de locaties zelf (geen PDOK-tabel gevonden)."
    return PostcodeTable(areas_from_points(rows), source)


# --- PDOK ------------------------------------------------------------------------------


def pdok_url(gemeente: str, start: int) -> str:
    query = {
        "q": "*:*",
        "fq": ["type:postcode", f'gemeentenaam:"{gemeente}"'],
        "fl": "postcode woonplaatsnaam centroide_ll",
        "rows": ROWS,
        "start": start,
    }
    return f"{PDOK_FREE}?{urlencode(query, doseq=True)}"


def _pdok_rows(docs: Iterable[Mapping[str, Any]]) -> Iterable[tuple[str, str, float, float]]:
    for doc in docs:
        match = _POINT.match(str(doc.get("centroide_ll", "")))
        if match and doc.get("postcode"):
            lon, lat = float(match.group(1)), float(match.group(2))
            yield str(doc["postcode"]), str(doc.get("woonplaatsnaam", "")), lat, lon


def fetch_postcodes(
    gemeenten: Iterable[str],
    get_json: Callable[[str], Any],
    pause: float = 0.2,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, PostcodeArea]:
    """Every six-character postcode of these municipalities from PDOK, averaged per four digits.

    A request that fails raises: a half table would quietly send residents to the wrong end
    of town, so the committed file is only replaced by a complete one.
    """
    rows: list[tuple[str, str, float, float]] = []
    for gemeente in gemeenten:
        start, total = 0, 1
        while start < total:
            answer = get_json(pdok_url(gemeente, start)).get("response", {})
            total = int(answer.get("numFound", 0))
            rows.extend(_pdok_rows(answer.get("docs", [])))
            start += ROWS
            if start < total:
                sleep(pause)
    return areas_from_points(rows)


def pdok_json(settings: GeocoderSettings) -> Callable[[str], Any]:
    """A JSON getter with the same user agent and timeout as the address geocoder."""
    adapter = URLLibAdapter(proxies=None, ssl_context=None)
    headers = {"User-Agent": user_agent(settings)}

    def get_json(url: str) -> Any:
        return adapter.get_json(url, timeout=settings.timeout, headers=headers)

    return get_json


# --- the file --------------------------------------------------------------------------


def header(source: str) -> str:
    return (
        f"# {source}\n"
        "# Postcode (vier cijfers) -> middelpunt, voor 'zoek op postcode' op de site.\n"
        "# Vernieuwen met 'wegwijzer geocode --postcodes' (haalt ze bij PDOK).\n"
        "# Niet met de hand bewerken.\n"
    )


def pdok_source(gemeenten: Iterable[str], day: date) -> str:
    names = ", ".join(gemeenten)
    return f"Bron: PDOK Locatieserver (type postcode), gemeente {names}; opgehaald {day}."


def write_postcodes(path: Path, areas: Mapping[str, PostcodeArea], source: str) -> None:
    """Atomically: a build never reads a half-written table."""
    out = io.StringIO()
    out.write(header(source))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_COLUMNS)
    for area in sorted(areas.values(), key=_by_pc4):
        writer.writerow(
            (area.pc4, area.plaats, f"{area.lat:.{DECIMALS}f}", f"{area.lon:.{DECIMALS}f}")
        )
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".postcodes-", suffix=".csv")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(out.getvalue())
    Path(temporary).replace(path)


def load_postcodes(path: Path) -> PostcodeTable | None:
    """The committed table, or None when there is none (the build then uses `from_dataset`).
    Rows that are not right are left out; `postcode_findings` names them for `check`."""
    return read_postcodes(path, path.name)[0]


def postcode_findings(path: Path, shown: str) -> list[Finding]:
    """What is wrong with the committed table, with its line: a merge conflict, a decimal
    comma or another encoding would otherwise break the postcode box without a word."""
    return read_postcodes(path, shown)[1]


_RESTORE = "Herstel het bestand uit git of maak het opnieuw met 'wegwijzer geocode --postcodes'."
_CONFLICT = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")


def read_postcodes(path: Path, shown: str) -> tuple[PostcodeTable | None, list[Finding]]:
    """The table with only its good rows, and a finding per line that is not right."""
    if not path.is_file():
        return None, []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        at = exc.object[: exc.start].count(b"\n") + 1
        return None, [Finding(shown, at, "", f"Het bestand is geen UTF-8-tekst. {_RESTORE}")]
    except OSError:
        return None, [Finding(shown, 0, "", f"Het bestand kan niet gelezen worden. {_RESTORE}")]
    lines = text.removeprefix("\ufeff").split("\n")
    comments = [line[1:].strip() for line in lines if line.startswith("#")]
    findings: list[Finding] = []
    areas: dict[str, PostcodeArea] = {}
    columns = None
    for number, raw in enumerate(lines, start=1):
        line = raw.removesuffix("\r")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith(_CONFLICT):
            message = f"Hier staat een merge-conflict van git ({line[:7]}). {_RESTORE}"
            findings.append(Finding(shown, number, "", message))
            continue
        row = next(csv.reader([line]), [])
        if columns is None:
            columns = tuple(cell.strip() for cell in row)
            if columns != _COLUMNS:
                names = ",".join(_COLUMNS)
                message = f"De eerste regel moet de kolommen {names} noemen. {_RESTORE}"
                return None, [*findings, Finding(shown, number, "", message)]
            continue
        area, problem = _row(row)
        if problem:
            findings.append(Finding(shown, number, "", f"{problem} {_RESTORE}"))
        elif area is not None:
            areas[area.pc4] = area
    if columns is None:
        return None, findings
    return PostcodeTable(areas, comments[0] if comments else ""), findings


def _row(row: list[str]) -> tuple[PostcodeArea | None, str | None]:
    if len(row) != len(_COLUMNS):
        comma = " Staat er een komma in een getal? Gebruik een punt." if len(row) > 4 else ""
        return None, f"Deze regel heeft {len(row)} kolommen in plaats van {len(_COLUMNS)}.{comma}"
    pc4, plaats, lat, lon = (cell.strip() for cell in row)
    if not re.fullmatch(r"[1-9]\d{3}", pc4):
        return None, "De postcode moet vier cijfers zijn, zoals 3811."
    point = []
    for name, value in (("lat", lat), ("lon", lon)):
        try:
            number = float(value)
        except ValueError:
            comma = " Gebruik een punt, geen komma." if "," in value else ""
            return None, f"{name} is geen getal.{comma}"
        low, high = _WORLD[name]
        if not (math.isfinite(number) and low <= number <= high):
            return None, f"{name} is geen coördinaat: het hoort tussen {low} en {high}."
        point.append(number)
    return PostcodeArea(pc4, plaats, point[0], point[1]), None


_WORLD = {"lat": (-90.0, 90.0), "lon": (-180.0, 180.0)}


def postcode_table(data_dir: Path, dataset: Dataset) -> PostcodeTable:
    """What the build ships: the committed table, else one made from the locations."""
    return load_postcodes(data_dir / POSTCODES) or from_dataset(dataset)
