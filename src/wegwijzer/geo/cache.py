"""The committed geocache (data/geocache.yml): normalised address -> coordinates.

The site build and `wegwijzer check` only read it; `wegwijzer geocode` (geocode.py) fills it.
Keeping it in git makes builds reproducible and offline.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from filelock import FileLock, Timeout
from geopy.distance import distance
from pydantic import Field, RootModel, ValidationError, field_validator
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from wegwijzer.records.fields import user_error
from wegwijzer.records.loader import (
    Dataset,
    Source,
    home_of,
    load_model,
    plain,
    read_data,
)
from wegwijzer.records.models import Adres, Locatie, Point, RecordId, Strict
from wegwijzer.records.report import Finding, Level

HEADER = (
    "# Geocache van wegwijzer: adres -> coordinaten, gemaakt door 'wegwijzer geocode'.\n"
    "# Niet met de hand bewerken. Klopt een punt niet? Zet 'coordinaten' in de locatie.\n"
)


class CacheEntry(Strict):
    """One looked-up address."""

    lat: float = Field(title="Breedtegraad")
    lon: float = Field(title="Lengtegraad")
    bron: str = Field(title="Geocoder die het adres vond", examples=["pdok"])
    gevonden: str = Field(title="Het adres zoals de geocoder het vond")
    datum: date = Field(title="Datum van opzoeken")
    locaties: list[RecordId] = Field(default_factory=list, title="Locaties met dit adres")
    postcode: str | None = Field(None, title="Postcode die de geocoder vond")

    @field_validator("lat", "lon")
    @classmethod
    def _a_real_coordinate(cls, value: float, info: Any) -> float:
        """A NaN or impossible number would pass into the map's JSON and empty the map. A real
        point abroad is the location's problem, said at its address (validate.point_findings)."""
        low, high = WORLD[info.field_name]
        if not low <= value <= high:  # also false for NaN and infinity
            raise user_error(
                f"Dit is geen coördinaat: {info.field_name} hoort tussen {low} en {high}."
            )
        return value


WORLD = {"lat": (-90.0, 90.0), "lon": (-180.0, 180.0)}


RESTORE_HINT = (
    "Herstel het bestand uit git (git checkout -- {shown}) of haal het weg en "
    "draai 'wegwijzer geocode' opnieuw."
)
MAX_KM_FROM_ADDRESS = 3  # a building, a square or a large site fits well within this
TEMP_PREFIX = ".geocache-"
TEMP_SUFFIX = ".tmp"


class GeocacheError(Exception):
    """The cache cannot be written or is in use; the message says what to do, in Dutch."""


class CacheFile(RootModel[dict[str, CacheEntry]]):
    """The whole file: a mapping from normalised address to entry."""


def address_key(adres: Adres) -> str:
    """The cache key: the one-line address, lower case, single spaces."""
    return re.sub(r"\s+", " ", adres.lookup_line()).strip().casefold()


@dataclass
class GeoCache:
    path: Path
    entries: dict[str, CacheEntry] = field(default_factory=dict)

    def point(self, location: Locatie) -> Point | None:
        """Explicit coordinates win; otherwise the cached lookup of the current address."""
        if location.coordinaten is not None:
            return Point(location.coordinaten.lat, location.coordinaten.lon, "coordinaten")
        entry = self.entries.get(address_key(location.adres))
        return Point(entry.lat, entry.lon, entry.bron, entry.postcode) if entry else None

    def store(self, key: str, entry: CacheEntry) -> None:
        self.entries[key] = entry
        self.save()

    def save(self) -> None:
        """Write atomically: a run killed halfway leaves the old or the new file, never half.
        The temporary file sits in the same folder (os.replace is atomic only there) and
        keeps the mode of the file it replaces."""
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(self.path)
        handle, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(HEADER)
                _writer().dump(_as_yaml(self.entries), out)
            Path(tmp).chmod(mode)
            Path(tmp).replace(self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _mode_for(path: Path) -> int:
    """The existing file's mode; for a new file what open() would give (0666 less umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def writable_problem(path: Path, shown: str) -> str | None:
    """Why the cache may not be saved, in Dutch, before anything is looked up; None when it
    may. A file or folder marked read-only is respected, also by root (who could write)."""
    if path.exists() and _read_only(path):
        return (
            f"{shown} is alleen-lezen. Maak het schrijfbaar (chmod u+w {shown}) en probeer opnieuw."
        )
    folder = path.parent
    if folder.exists() and _read_only(folder):
        return f"De map van {shown} is alleen-lezen. Maak de map schrijfbaar en probeer opnieuw."
    return None


def _read_only(path: Path) -> bool:
    return not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWUSR


@contextlib.contextmanager
def geocache_lock(path: Path, shown: str) -> Iterator[None]:
    """One `wegwijzer geocode` per cache at a time: two runs would each save only their own
    results. The lock is on the cache's own folder, so two runs with another TMPDIR (or as
    another user) still meet; it leaves no file in the repository. Leftovers of a killed run
    are cleaned up once the lock is held."""
    with _folder_lock(path.parent, shown) if fcntl is not None else _temp_lock(path, shown):
        _remove_leftovers(path.parent)
        yield


def _busy(shown: str) -> GeocacheError:
    return GeocacheError(
        f"Er draait al een 'wegwijzer geocode' voor {shown}. Wacht tot die klaar is en "
        "probeer het dan opnieuw."
    )


@contextlib.contextmanager
def _folder_lock(folder: Path, shown: str) -> Iterator[None]:
    """flock on the folder: held by this open folder alone, let go when the process ends."""
    assert fcntl is not None
    folder.mkdir(parents=True, exist_ok=True)
    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise _busy(shown) from None
        yield
    finally:
        os.close(handle)  # closing lets go of the lock


@contextlib.contextmanager
def _temp_lock(path: Path, shown: str) -> Iterator[None]:
    """Where folders cannot be locked (Windows): a lock file in the temporary folder."""
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    lock_path = Path(tempfile.gettempdir()) / f"wegwijzer-geocache-{digest}.lock"
    lock = FileLock(lock_path, mode=0o666)  # another user of the machine may lock it too
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise _busy(shown) from None
    try:
        yield
    finally:
        lock.release()


def _remove_leftovers(folder: Path) -> None:
    """Temporary files of a run that was killed (kill -9): `git add data/` would commit them."""
    for suffix in (TEMP_SUFFIX, ".yml"):  # .yml: the name older versions gave them
        for leftover in folder.glob(f"{TEMP_PREFIX}*{suffix}"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _writer() -> YAML:
    yaml = YAML(typ="rt")  # keeps the field order: lat and lon first
    yaml.default_flow_style = None
    yaml.allow_unicode = True
    yaml.width = 200
    return yaml


def _as_yaml(entries: Mapping[str, CacheEntry]) -> dict[str, Any]:
    return {_quoted(key): _entry_yaml(entries[key]) for key in sorted(entries)}


def _entry_yaml(entry: CacheEntry) -> dict[str, Any]:
    return {k: _quoted(v) for k, v in entry.model_dump(mode="json", exclude_none=True).items()}


def _quoted(value: Any) -> Any:
    """Text with control characters goes in double quotes: ruamel would write a bare
    carriage return in plain style, and the file would no longer read back."""
    if isinstance(value, str) and not value.isprintable():
        return DoubleQuotedScalarString(value)
    return value


def load_geocache(
    path: Path, shown: str, root: Path | None = None
) -> tuple[GeoCache, list[Finding]]:
    """The cache, or an empty one plus the findings that say what is wrong with the file."""
    if not path.is_file():
        return GeoCache(path), []
    if root is not None and not path.resolve().is_relative_to(home_of(path.parent, root).resolve()):
        message = (
            "Dit is een snelkoppeling naar een bestand buiten de map van de site. Die wordt niet "
            "gelezen. Zet de geocache zelf hier neer."
        )
        return GeoCache(path), [Finding(shown, 0, "", message)]
    cache_file, source, findings = load_model(path, shown, CacheFile, {})
    if cache_file is None:
        if findings == [Finding(shown, 1, "", "Het bestand is leeg.")]:
            return GeoCache(path), []
        entries = _good_entries(path, shown) if source is not None else {}
        findings = [_with_hint(f, shown) for f in findings]
        if entries:  # one bad entry costs one pin, not the whole map
            lost = _entry_count(source) - len(entries)
            message = (
                f"{lost} van de {lost + len(entries)} adressen in dit bestand worden niet "
                "gebruikt: die locaties staan niet op de kaart. De andere punten wel."
            )
            findings.append(Finding(shown, 1, "", message))
        return GeoCache(path, entries), findings
    return GeoCache(path, dict(cache_file.root)), []


def _good_entries(path: Path, shown: str) -> dict[str, CacheEntry]:
    """The entries that are right, from a file where some are not."""
    node, _ = read_data(path, shown)
    if not isinstance(node, Mapping):
        return {}
    good = {}
    for key, value in node.items():
        try:
            good[str(key)] = CacheEntry.model_validate(plain(value))
        except ValidationError:
            continue
    return good


def _entry_count(source: Source | None) -> int:
    node = source.node if source is not None else None
    return len(node) if isinstance(node, Mapping) else 0


def _with_hint(finding: Finding, shown: str) -> Finding:
    """The cache is written by a program: a broken one is restored, not repaired by hand."""
    hint = RESTORE_HINT.format(shown=shown)
    return dataclasses.replace(finding, message=f"{finding.message} {hint}")


def geocache_findings(dataset: Dataset, cache: GeoCache) -> Iterator[Finding]:
    """Locations without a map pin, and cached points that no longer fit the address."""
    moved = {loc_id: key for key, e in cache.entries.items() for loc_id in e.locaties}
    for location in dataset.locaties.values():
        source = dataset.source(location)
        key = address_key(location.adres)
        entry = cache.entries.get(key)
        if location.coordinaten is not None:
            yield from _far_from_address(source, location, entry)
            continue
        if not location.adres.precise:
            continue  # an imprecise address is not looked up; checks.py warns about it
        if entry is None:
            yield _missing(source, location, moved.get(location.id))
        elif location.adres.postcode and not _same_postcode(
            entry.gevonden, location.adres.postcode
        ):
            message = (
                f"De geocoder vond '{entry.gevonden}'. Dat past niet bij de postcode "
                f"{location.adres.postcode}. Klopt het adres? Vul anders 'coordinaten' in."
            )
            yield source.finding(("adres", "postcode"), message, Level.WARNING)


def _far_from_address(
    source: Source, location: Locatie, entry: CacheEntry | None
) -> Iterator[Finding]:
    """Hand-typed coordinates far from where the geocoder put the same address: a typo, or a
    point copied from another town (an Amsterdam point on a Zwolle address)."""
    if entry is None or location.coordinaten is None:
        return
    typed = (location.coordinaten.lat, location.coordinaten.lon)
    km = distance(typed, (entry.lat, entry.lon)).km
    if km > MAX_KM_FROM_ADDRESS:
        message = (
            f"Deze coördinaten liggen {km:.0f} km van het adres ({entry.gevonden}). "
            "Klopt het punt? Kijk het na op een kaart."
        )
        yield source.finding(("coordinaten",), message, Level.WARNING)


def _missing(source: Source, location: Locatie, old_key: str | None) -> Finding:
    if old_key is not None:
        message = (
            f"Het adres is veranderd sinds het is opgezocht (eerst: {old_key}). "
            "Draai 'wegwijzer geocode' om het nieuwe adres op te zoeken."
        )
    else:
        message = (
            "Deze locatie heeft nog geen plek op de kaart. Draai 'wegwijzer geocode' "
            "of vul 'coordinaten' in. De locatie staat wel in de lijsten."
        )
    return source.finding(("adres",), message, Level.WARNING)


def _same_postcode(found: str, postcode: str) -> bool:
    compact = postcode.replace(" ", "").upper()
    return compact in found.replace(" ", "").upper()
