"""`wegwijzer geocode`: look up the addresses the geocache lacks, politely, and never guess.

Three outcomes are kept apart: found (stored at once), not found or rejected (named, with a
hint to add `coordinaten`), and the service being unreachable (stop, keep everything found).
geopy's RateLimiter paces the requests; it swallows errors by default, so it is configured
not to, and the retries with back-off happen here where a timeout can never look like
"not found".
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any
from urllib.parse import urlencode

from geopy.exc import (
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from tqdm import tqdm

from wegwijzer import __version__
from wegwijzer.geo.cache import CacheEntry, GeoCache, address_key
from wegwijzer.records.loader import Dataset
from wegwijzer.records.models import NL_BOUNDS, Locatie
from wegwijzer.settings.config import GeocoderSettings

RETRYABLE = (GeocoderTimedOut, GeocoderRateLimited, GeocoderUnavailable, GeocoderServiceError)


class PDOKLocatieserver(Geocoder):  # type: ignore[misc]
    """The Dutch government's free address service (geopy has no geocoder for it)."""

    api = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"

    def geocode(
        self, query: str, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL
    ) -> Location | list[Location] | None:
        rows = 1 if exactly_one else 10
        url = f"{self.api}?{urlencode({'q': query, 'fq': 'type:adres', 'rows': rows})}"
        callback = partial(self._parse_json, exactly_one=exactly_one)
        return self._call_geocoder(url, callback, timeout=timeout)

    @staticmethod
    def _parse_json(page: Any, exactly_one: bool) -> Location | list[Location] | None:
        docs = (page or {}).get("response", {}).get("docs", [])
        places = [_pdok_location(doc) for doc in docs if doc.get("centroide_ll")]
        if not places:
            return None
        return places[0] if exactly_one else places


def _pdok_location(doc: dict[str, Any]) -> Location:
    lon, lat = doc["centroide_ll"].removeprefix("POINT(").removesuffix(")").split()
    return Location(doc.get("weergavenaam", ""), (float(lat), float(lon)), doc)


def user_agent(settings: GeocoderSettings) -> str:
    contact = f"; {settings.contact}" if settings.contact else ""
    return f"wegwijzer/{__version__} (sociale kaart geldzorgen{contact})"


def make_geocoder(settings: GeocoderSettings, adapter_factory: Any = None) -> Geocoder:
    options = {
        "user_agent": user_agent(settings),
        "timeout": settings.timeout,
        "adapter_factory": adapter_factory,
    }
    if settings.bron == "nominatim":
        return Nominatim(**options)
    return PDOKLocatieserver(**options)


# Nominatim's usage policy: at most one request per second. PDOK asks for fair use.
MIN_DELAY = {"nominatim": 1.0, "pdok": 0.2}


class ServiceDown(Exception):
    """The geocoder could not be reached or kept failing; nothing may be concluded."""


@dataclass
class Lookup:
    """One polite question to the geocoder: paced, retried with back-off, errors kept loud."""

    geocoder: Geocoder
    provider: str
    attempts: int = 4
    sleep: Callable[[float], None] = field(default_factory=lambda: time.sleep)
    clock: Callable[[], float] = field(default_factory=lambda: time.monotonic)
    limiter: RateLimiter = field(init=False)

    def __post_init__(self) -> None:
        self.limiter = _Pacer(
            self._ask,
            min_delay_seconds=MIN_DELAY[self.provider],
            max_retries=0,  # retries happen in __call__, with back-off
            swallow_exceptions=False,  # an outage must never read as "not found"
        )
        self.limiter.pace_with(self.clock, self.sleep)

    def _ask(self, query: str) -> Location | None:
        if self.provider == "nominatim":
            return self.geocoder.geocode(query, country_codes="nl", addressdetails=True)
        return self.geocoder.geocode(query)

    def __call__(self, query: str) -> Location | None:
        for attempt in range(self.attempts):
            try:
                return self.limiter(query)
            except RETRYABLE as exc:
                if attempt == self.attempts - 1:
                    raise ServiceDown(_describe(exc)) from exc
                retry_after = getattr(exc, "retry_after", None)
                self.sleep(float(retry_after) if retry_after else 2.0 * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover


class _Pacer(RateLimiter):  # type: ignore[misc]
    """geopy's RateLimiter with a clock and sleep that tests can replace."""

    def pace_with(self, clock: Callable[[], float], sleep: Callable[[float], None]) -> None:
        self._pace_clock, self._pace_sleep = clock, sleep

    def _clock(self) -> float:
        return self._pace_clock()

    def _sleep(self, seconds: float) -> None:
        self._pace_sleep(seconds)


def _describe(exc: Exception) -> str:
    if isinstance(exc, GeocoderRateLimited):
        return "de dienst vraagt om minder verzoeken (429)"
    if isinstance(exc, GeocoderTimedOut):
        return "de dienst antwoordt niet op tijd"
    if isinstance(exc, GeocoderUnavailable):  # no connection at all: geopy's words are English
        return "geen verbinding met de dienst (is er internet?)"
    return f"de dienst geeft een fout ({exc})"


@dataclass(frozen=True)
class Problem:
    """An address that was not stored, and why."""

    location: Locatie
    message: str


@dataclass
class GeocodeResult:
    found: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    outage: str | None = None
    skipped: list[Locatie] = field(default_factory=list)  # not looked up: the service was down


def addresses_to_look_up(dataset: Dataset, cache: GeoCache) -> dict[str, list[Locatie]]:
    """Addresses without coordinates or a cache entry, each with the locations that share it."""
    todo: dict[str, list[Locatie]] = {}
    for location in dataset.locaties.values():
        key = address_key(location.adres)
        precise = location.adres.precise  # a building and a place alone are never guessed
        if location.coordinaten is None and precise and key not in cache.entries:
            todo.setdefault(key, []).append(location)
    return todo


def geocode_dataset(
    dataset: Dataset,
    cache: GeoCache,
    lookup: Callable[[str], Location | None],
    provider: str,
    today: date,
    *,
    progress: bool = True,
) -> GeocodeResult:
    """Look up every missing address; each result is written to the cache at once."""
    result = GeocodeResult()
    _record_users(dataset, cache)
    todo = addresses_to_look_up(dataset, cache)
    for key, locations in tqdm(todo.items(), desc="Adressen", unit="adres", disable=not progress):
        if result.outage:
            result.skipped.extend(locations)
            continue
        try:
            place = lookup(locations[0].adres.lookup_line())
        except ServiceDown as exc:
            result.outage = str(exc)
            result.skipped.extend(locations)
            continue
        problem = _reject(place, dataset, locations[0])
        if problem:
            result.problems.extend(Problem(loc, problem) for loc in locations)
            continue
        assert place is not None
        ids = sorted(loc.id for loc in locations)
        entry = CacheEntry(
            lat=place.latitude, lon=place.longitude, bron=provider,
            gevonden=place.address, datum=today, locaties=ids, postcode=_postcode(place),
        )  # fmt: skip
        cache.store(key, entry)
        result.found.append(key)
    return result


def _record_users(dataset: Dataset, cache: GeoCache) -> None:
    """Keep each entry's list of locations current, so a changed address is noticed."""
    users: dict[str, list[str]] = {}
    for location in dataset.locaties.values():
        users.setdefault(address_key(location.adres), []).append(location.id)
    changed = False
    for key, entry in list(cache.entries.items()):
        ids = sorted(users.get(key, []))
        if ids != entry.locaties:
            cache.entries[key] = entry.model_copy(update={"locaties": ids})
            changed = True
    if changed:
        cache.save()


def _reject(place: Location | None, dataset: Dataset, location: Locatie) -> str | None:
    """Why a result may not be stored, in Dutch; None when it may."""
    address = location.adres.one_line()
    if place is None:
        return f"adres niet gevonden: {address}. Controleer het adres of vul 'coordinaten' in."
    if not _in_netherlands(place):
        return (
            f"het gevonden punt ligt niet in Nederland ({place.address}). "
            "Controleer het adres of vul 'coordinaten' in."
        )
    areas = _areas(dataset, location)
    towns = _towns(place)
    if towns and not {t.casefold() for t in towns} & areas:
        return (
            f"het adres is gevonden in {towns[0]}, buiten het werkgebied "
            f"({', '.join(sorted(areas))}). Controleer de plaats of vul 'coordinaten' in."
        )
    return None


def _postcode(place: Location) -> str | None:
    """The postcode the service gives (PDOK: 'postcode'; Nominatim: address.postcode), so an
    address typed without one is shown with it."""
    raw = place.raw if isinstance(place.raw, dict) else {}
    found = raw.get("postcode") or raw.get("address", {}).get("postcode")
    match = re.fullmatch(r"\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*", str(found or ""))
    return f"{match[1]} {match[2].upper()}" if match else None


def _in_netherlands(place: Location) -> bool:
    raw = place.raw if isinstance(place.raw, dict) else {}
    country = raw.get("address", {}).get("country_code")
    if country is not None and country != "nl":
        return False
    (low_lat, high_lat), (low_lon, high_lon) = NL_BOUNDS["lat"], NL_BOUNDS["lon"]
    return bool(low_lat <= place.latitude <= high_lat and low_lon <= place.longitude <= high_lon)


def _areas(dataset: Dataset, location: Locatie) -> set[str]:
    names = {location.adres.plaats}
    for org_id in location.organisaties:
        org = dataset.organisaties.get(org_id)
        names.update(org.werkgebied if org else ())
    return {n.casefold() for n in names}


_TOWN_KEYS: Sequence[str] = ("woonplaatsnaam", "gemeentenaam")
_NOMINATIM_TOWN_KEYS: Sequence[str] = ("city", "town", "village", "municipality")


def _towns(place: Location) -> list[str]:
    """The place and municipality names the provider gives with the result, if any."""
    raw = place.raw if isinstance(place.raw, dict) else {}
    return _names(raw, _TOWN_KEYS) or _names(raw.get("address", {}), _NOMINATIM_TOWN_KEYS)


def _names(raw: dict[str, Any], keys: Iterable[str]) -> list[str]:
    return [str(raw[k]) for k in keys if raw.get(k)]
