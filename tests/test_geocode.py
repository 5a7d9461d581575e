"""Geocoding against recorded answers: found, not found, rejected, outages, resumed runs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from geopy.geocoders import options as geopy_options

from tests.replay import Recorder
from wegwijzer.cli import main
from wegwijzer.geo.cache import GeoCache, load_geocache
from wegwijzer.geo.geocode import MIN_DELAY, Lookup, geocode_dataset, make_geocoder
from wegwijzer.records.validate import validate_site
from wegwijzer.site.config import GeocoderSettings, Site, load_site

TODAY = date(2026, 11, 22)
STATION = "stationsplein 1, 3511 ab teststad"
NIEUWSTRAAT = "lange nieuwstraat 12-a, 3512 ab teststad"


class FakeTime:
    """A clock that only moves when the code sleeps, so pacing is tested without waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


@pytest.fixture
def site(base_site: Path) -> Site:
    """The base site with an empty geocache: every address still has to be looked up."""
    (base_site.parent / "data" / "geocache.yml").unlink()
    return load_site(base_site)


def run_geocode(site: Site, recorder: Recorder, provider: str = "pdok", attempts: int = 4):  # type: ignore[no-untyped-def]
    settings = GeocoderSettings(bron=provider, contact="beheer@teststad.example")  # type: ignore[arg-type]
    time = FakeTime()
    lookup = Lookup(
        make_geocoder(settings, recorder.factory()), provider, attempts, time.sleep, time.clock
    )
    dataset, _ = validate_site(site, TODAY)
    cache, _ = load_geocache(site.geocache_path, "data/geocache.yml")
    result = geocode_dataset(dataset, cache, lookup, provider, TODAY, progress=False)
    return result, time


def cached(site: Site) -> GeoCache:
    cache, findings = load_geocache(site.geocache_path, "data/geocache.yml")
    assert findings == []
    return cache


def test_pdok_results_are_stored_with_longitude_second(site: Site) -> None:
    recorder = Recorder()
    result, _ = run_geocode(site, recorder)
    assert sorted(result.found) == [NIEUWSTRAAT, STATION]
    entry = cached(site).entries[STATION]
    assert (entry.lat, entry.lon) == (52.0894, 5.1101)  # PDOK answers POINT(lon lat)
    assert entry.bron == "pdok"
    assert entry.gevonden == "Stationsplein 1, 3511AB Teststad"
    assert entry.datum == TODAY
    assert entry.locaties == ["bibliotheek"]
    assert "beheer@teststad.example" in recorder.calls[0][2]["User-Agent"]
    _, report = validate_site(site, TODAY)
    assert report.findings == []


def test_nominatim_is_asked_at_most_once_a_second(site: Site) -> None:
    recorder = Recorder()
    result, time = run_geocode(site, recorder, "nominatim")
    assert len(result.found) == 2
    assert [c[0] for c in recorder.calls] == ["nominatim", "nominatim"]
    assert time.sleeps == [MIN_DELAY["nominatim"]] == [1.0]
    assert cached(site).entries[NIEUWSTRAAT].bron == "nominatim"


def test_nominatim_needs_a_contact_address(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = base_site.read_text() + "      geocoder:\n        bron: nominatim\n"
    base_site.write_text(text)
    assert main(["-f", str(base_site), "check"]) == 1
    assert (
        "mkdocs.yml:12: geocoder: Nominatim vraagt wie de verzoeken stuurt."
        in capsys.readouterr().out
    )


def add_location(site: Site, name: str, street: str, postcode: str) -> None:
    (site.data_dir / "locaties" / f"{name}.yml").write_text(
        f"id: {name}\nnaam: {name}\norganisaties: [humanitas]\n"
        f"adres: {{straat: {street}, huisnummer: 1, postcode: {postcode}, plaats: Teststad}}\n"
        "laatst_gecontroleerd: 2026-10-01\n"
    )


def test_an_address_that_is_not_found_is_named_and_not_stored(site: Site) -> None:
    add_location(site, "nergens", "Nergensweg", "9998 ZZ")
    site.data_dir.joinpath("locaties", "nergens.yml").write_text(
        site.data_dir.joinpath("locaties", "nergens.yml").read_text().replace("1,", "99,")
    )
    result, _ = run_geocode(site, Recorder())
    assert [(p.location.id, p.message) for p in result.problems] == [
        (
            "nergens",
            "adres niet gevonden: Nergensweg 99, 9998 ZZ Teststad. "
            "Controleer het adres of vul 'coordinaten' in.",
        )
    ]
    assert len(cached(site).entries) == 2


def test_a_result_outside_the_werkgebied_is_rejected(site: Site) -> None:
    add_location(site, "groningen", "Grote Markt", "9711 LV")
    result, _ = run_geocode(site, Recorder())
    assert [p.message for p in result.problems] == [
        "het adres is gevonden in Groningen, buiten het werkgebied (teststad). "
        "Controleer de plaats of vul 'coordinaten' in."
    ]
    assert "grote markt 1, 9711 lv teststad" not in cached(site).entries


def test_a_result_outside_the_netherlands_is_rejected(site: Site) -> None:
    add_location(site, "markt", "Markt", "3511 CD")
    site.data_dir.joinpath("locaties", "markt.yml").write_text(
        site.data_dir.joinpath("locaties", "markt.yml")
        .read_text()
        .replace("huisnummer: 1", "huisnummer: 3")
    )
    result, _ = run_geocode(site, Recorder(), "nominatim")
    assert [p.message for p in result.problems] == [
        "het gevonden punt ligt niet in Nederland (1, Grand-Place - Grote Markt, Bruxelles - "
        "Brussel, 1000, België / Belgique / Belgien). Controleer het adres of vul 'coordinaten' in."
    ]


def test_timeouts_are_retried_with_back_off(site: Site) -> None:
    recorder = Recorder()
    station = recorder.answers["pdok"]["Stationsplein 1, 3511 AB Teststad"]
    station[:0] = [{"timeout": True}, {"timeout": True}]
    result, time = run_geocode(site, recorder)
    assert len(result.found) == 2 and result.outage is None
    assert time.sleeps[:2] == [2.0, 4.0]


def test_429_waits_as_long_as_the_service_asks(site: Site) -> None:
    recorder = Recorder()
    station = recorder.answers["pdok"]["Stationsplein 1, 3511 AB Teststad"]
    station.insert(0, {"status": 429, "headers": {"Retry-After": "7"}, "body": "Too Many Requests"})
    result, time = run_geocode(site, recorder)
    assert len(result.found) == 2
    assert 7.0 in time.sleeps


def test_an_outage_stops_the_run_and_keeps_what_was_found(site: Site) -> None:
    recorder = Recorder()
    recorder.answers["pdok"]["Stationsplein 1, 3511 AB Teststad"] = [
        {"status": 503, "body": "down"}
    ]
    result, time = run_geocode(site, recorder)
    # Files are read in name order: bibliotheek (Stationsplein) comes first and fails.
    assert result.outage == "de dienst antwoordt niet op tijd"
    assert result.found == [] and result.problems == []
    assert len(recorder.calls) == 4  # four attempts, then a clear stop
    assert time.sleeps == [2.0, 4.0, 8.0]


def test_a_server_error_is_an_outage_not_a_missing_address(site: Site) -> None:
    recorder = Recorder()
    recorder.answers["pdok"]["Lange Nieuwstraat 12-A, 3512 AB Teststad"] = [
        {"status": 500, "body": "Internal Server Error"}
    ]
    result, _ = run_geocode(site, recorder, attempts=2)
    assert result.found == [STATION]
    assert result.outage is not None and "500" in result.outage
    assert list(cached(site).entries) == [STATION]


def test_the_cli_exits_2_on_an_outage(
    site: Site, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    recorder = Recorder()
    recorder.answers["pdok"]["Stationsplein 1, 3511 AB Teststad"] = [{"timeout": True}]
    monkeypatch.setattr(geopy_options, "default_adapter_factory", recorder.factory())
    monkeypatch.setattr("time.sleep", lambda s: None)
    assert main(["-f", str(site.root / "mkdocs.yml"), "geocode", "--stil"]) == 2
    err = capsys.readouterr().err
    assert "Gestopt: de geocoder is niet bereikbaar: de dienst antwoordt niet op tijd." in err


def test_the_cli_stores_results_and_exits_0(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = Recorder()
    monkeypatch.setattr(geopy_options, "default_adapter_factory", recorder.factory())
    monkeypatch.setattr("time.sleep", lambda s: None)
    assert main(["-f", str(site.root / "mkdocs.yml"), "geocode", "--stil"]) == 0
    assert sorted(cached(site).entries) == [NIEUWSTRAAT, STATION]


def test_a_changed_address_is_warned_about_and_looked_up_alone(site: Site) -> None:
    run_geocode(site, Recorder())
    record = site.data_dir / "locaties" / "bibliotheek.yml"
    record.write_text(
        record.read_text()
        .replace("Stationsplein", "Markt")
        .replace("huisnummer: 1", "huisnummer: 3")
        .replace("3511 AB", "3511 CD")
    )
    _, report = validate_site(site, TODAY)
    assert [str(f) for f in report.findings] == [
        "data/locaties/bibliotheek.yml:4: adres: let op: Het adres is veranderd sinds het is "
        "opgezocht (eerst: stationsplein 1, 3511 ab teststad). Draai 'wegwijzer geocode' om "
        "het nieuwe adres op te zoeken."
    ]
    recorder = Recorder()
    result, _ = run_geocode(site, recorder)
    assert [c[1] for c in recorder.calls] == ["Markt 3, 3511 CD Teststad"]
    assert result.found == ["markt 3, 3511 cd teststad"]
    assert cached(site).entries[STATION].locaties == []


def test_explicit_coordinates_win_and_are_never_looked_up(site: Site) -> None:
    record = site.data_dir / "locaties" / "wijkcentrum.yml"
    record.write_text(record.read_text() + "coordinaten: {lat: 52.1, lon: 5.2}\n")
    recorder = Recorder()
    run_geocode(site, recorder)
    assert [c[1] for c in recorder.calls] == ["Stationsplein 1, 3511 AB Teststad"]
    dataset, report = validate_site(site, TODAY)
    assert report.findings == []
    assert dataset.points["wijkcentrum"].source == "coordinaten"
    assert (dataset.points["wijkcentrum"].lat, dataset.points["wijkcentrum"].lon) == (52.1, 5.2)


def test_an_interrupted_run_leaves_a_valid_cache_and_the_next_run_resumes(site: Site) -> None:
    recorder = Recorder()
    settings = GeocoderSettings()
    geocoder = make_geocoder(settings, recorder.factory())
    calls = 0

    def killed_on_second_call(query: str):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt
        return geocoder.geocode(query)

    dataset, _ = validate_site(site, TODAY)
    cache, _ = load_geocache(site.geocache_path, "data/geocache.yml")
    with pytest.raises(KeyboardInterrupt):
        geocode_dataset(dataset, cache, killed_on_second_call, "pdok", TODAY, progress=False)
    assert list(cached(site).entries) == [STATION]
    assert not list(site.data_dir.glob(".geocache-*")), "no temporary file left behind"

    recorder.calls.clear()
    result, _ = run_geocode(site, recorder)
    assert [c[1] for c in recorder.calls] == ["Lange Nieuwstraat 12-A, 3512 AB Teststad"]
    assert sorted(cached(site).entries) == [NIEUWSTRAAT, STATION]
    assert result.found == [NIEUWSTRAAT]


def test_a_crash_while_writing_keeps_the_old_cache(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_geocode(site, Recorder())
    before = site.geocache_path.read_text()
    cache = cached(site)

    def broken_dump(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("ruamel.yaml.YAML.dump", broken_dump)
    with pytest.raises(OSError, match="disk full"):
        cache.save()
    assert site.geocache_path.read_text() == before
    assert not list(site.data_dir.glob(".geocache-*"))


def test_a_location_without_coordinates_is_warned_about(site: Site) -> None:
    _, report = validate_site(site, TODAY)
    assert [f.field for f in report.warnings] == ["adres", "adres"]
    assert "Deze locatie heeft nog geen plek op de kaart." in report.warnings[0].message


def test_a_cached_point_for_another_postcode_is_warned_about(site: Site) -> None:
    run_geocode(site, Recorder())
    text = site.geocache_path.read_text().replace(
        "Stationsplein 1, 3511AB", "Stationsplein 1, 3521AL"
    )
    site.geocache_path.write_text(text)
    _, report = validate_site(site, TODAY)
    assert [str(f) for f in report.warnings] == [
        "data/locaties/bibliotheek.yml:7: adres.postcode: let op: De geocoder vond "
        "'Stationsplein 1, 3521AL Teststad'. Dat past niet bij de postcode 3511 AB. "
        "Klopt het adres? Vul anders 'coordinaten' in."
    ]
