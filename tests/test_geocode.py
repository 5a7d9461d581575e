"""Geocoding against recorded answers: found, not found, rejected, outages, resumed runs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from geopy.exc import GeocoderUnavailable
from geopy.geocoders import options as geopy_options

from tests.replay import Recorder
from wegwijzer.cli import main
from wegwijzer.geo.cache import GeoCache, GeocacheError, geocache_lock, load_geocache
from wegwijzer.geo.geocode import MIN_DELAY, Lookup, geocode_dataset, make_geocoder
from wegwijzer.settings.config import GeocoderSettings, SiteSettings, load_site
from wegwijzer.tasks.validate import validate_site

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
def site(base_site: Path) -> SiteSettings:
    """The base site with an empty geocache: every address still has to be looked up."""
    (base_site.parent / "data" / "geocache.yml").unlink()
    return load_site(base_site)


def run_geocode(site: SiteSettings, recorder: Recorder, provider: str = "pdok", attempts: int = 4):  # type: ignore[no-untyped-def]
    settings = GeocoderSettings(bron=provider, contact="beheer@teststad.example")  # type: ignore[arg-type]
    time = FakeTime()
    lookup = Lookup(
        make_geocoder(settings, recorder.factory()), provider, attempts, time.sleep, time.clock
    )
    dataset, _ = validate_site(site, TODAY)
    cache, _ = load_geocache(site.geocache_path, "data/geocache.yml")
    result = geocode_dataset(dataset, cache, lookup, provider, TODAY, progress=False)
    return result, time


def cached(site: SiteSettings) -> GeoCache:
    cache, findings = load_geocache(site.geocache_path, "data/geocache.yml")
    assert findings == []
    return cache


def test_pdok_results_are_stored_with_longitude_second(site: SiteSettings) -> None:
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


def test_nominatim_is_asked_at_most_once_a_second(site: SiteSettings) -> None:
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


def add_location(site: SiteSettings, name: str, street: str, postcode: str) -> None:
    (site.data_dir / "locaties" / f"{name}.yml").write_text(
        f"id: {name}\nnaam: {name}\norganisaties: [humanitas]\n"
        f"adres: {{straat: {street}, huisnummer: 1, postcode: {postcode}, plaats: Teststad}}\n"
        "laatst_gecontroleerd: 2026-10-01\n"
    )


def test_an_address_that_is_not_found_is_named_and_not_stored(site: SiteSettings) -> None:
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


def test_a_result_outside_the_werkgebied_is_rejected(site: SiteSettings) -> None:
    add_location(site, "groningen", "Grote Markt", "9711 LV")
    result, _ = run_geocode(site, Recorder())
    assert [p.message for p in result.problems] == [
        "het adres is gevonden in Groningen, buiten het werkgebied (teststad). "
        "Controleer de plaats of vul 'coordinaten' in."
    ]
    assert "grote markt 1, 9711 lv teststad" not in cached(site).entries


def test_a_result_outside_the_netherlands_is_rejected(site: SiteSettings) -> None:
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


def test_timeouts_are_retried_with_back_off(site: SiteSettings) -> None:
    recorder = Recorder()
    station = recorder.answers["pdok"]["Stationsplein 1, 3511 AB Teststad"]
    station[:0] = [{"timeout": True}, {"timeout": True}]
    result, time = run_geocode(site, recorder)
    assert len(result.found) == 2 and result.outage is None
    assert time.sleeps[:2] == [2.0, 4.0]


def test_429_waits_as_long_as_the_service_asks(site: SiteSettings) -> None:
    recorder = Recorder()
    station = recorder.answers["pdok"]["Stationsplein 1, 3511 AB Teststad"]
    station.insert(0, {"status": 429, "headers": {"Retry-After": "7"}, "body": "Too Many Requests"})
    result, time = run_geocode(site, recorder)
    assert len(result.found) == 2
    assert 7.0 in time.sleeps


def test_an_outage_stops_the_run_and_keeps_what_was_found(site: SiteSettings) -> None:
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


def test_a_server_error_is_an_outage_not_a_missing_address(site: SiteSettings) -> None:
    recorder = Recorder()
    recorder.answers["pdok"]["Lange Nieuwstraat 12-A, 3512 AB Teststad"] = [
        {"status": 500, "body": "Internal Server Error"}
    ]
    result, _ = run_geocode(site, recorder, attempts=2)
    assert result.found == [STATION]
    assert result.outage is not None and "500" in result.outage
    assert list(cached(site).entries) == [STATION]


def test_the_cli_exits_2_on_an_outage(
    site: SiteSettings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    recorder = Recorder()
    recorder.answers["pdok"]["Stationsplein 1, 3511 AB Teststad"] = [{"timeout": True}]
    monkeypatch.setattr(geopy_options, "default_adapter_factory", recorder.factory())
    monkeypatch.setattr("time.sleep", lambda s: None)
    assert main(["-f", str(site.root / "mkdocs.yml"), "geocode", "--stil"]) == 2
    err = capsys.readouterr().err
    assert "Gestopt: de geocoder is niet bereikbaar: de dienst antwoordt niet op tijd." in err


def test_the_cli_stores_results_and_exits_0(
    site: SiteSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(geopy_options, "default_adapter_factory", recorder.factory())
    monkeypatch.setattr("time.sleep", lambda s: None)
    assert main(["-f", str(site.root / "mkdocs.yml"), "geocode", "--stil"]) == 0
    assert sorted(cached(site).entries) == [NIEUWSTRAAT, STATION]


def test_a_changed_address_is_warned_about_and_looked_up_alone(site: SiteSettings) -> None:
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


def test_explicit_coordinates_win_and_are_never_looked_up(site: SiteSettings) -> None:
    record = site.data_dir / "locaties" / "wijkcentrum.yml"
    record.write_text(record.read_text() + "coordinaten: {lat: 52.1, lon: 5.2}\n")
    recorder = Recorder()
    run_geocode(site, recorder)
    assert [c[1] for c in recorder.calls] == ["Stationsplein 1, 3511 AB Teststad"]
    dataset, report = validate_site(site, TODAY)
    assert report.findings == []
    assert dataset.points["wijkcentrum"].source == "coordinaten"
    assert (dataset.points["wijkcentrum"].lat, dataset.points["wijkcentrum"].lon) == (52.1, 5.2)


def test_an_interrupted_run_leaves_a_valid_cache_and_the_next_run_resumes(
    site: SiteSettings,
) -> None:
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
    site: SiteSettings, monkeypatch: pytest.MonkeyPatch
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


def test_a_location_without_coordinates_is_warned_about(site: SiteSettings) -> None:
    _, report = validate_site(site, TODAY)
    assert [f.field for f in report.warnings] == ["adres", "adres"]
    assert "Deze locatie heeft nog geen plek op de kaart." in report.warnings[0].message


def test_a_cached_point_for_another_postcode_is_warned_about(site: SiteSettings) -> None:
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


# Faults: a broken cache, read-only files, two runs at once, kill -9, Ctrl-C, no internet.


def geocode_cli(site: SiteSettings, monkeypatch: pytest.MonkeyPatch, recorder: Recorder) -> int:
    monkeypatch.setattr(geopy_options, "default_adapter_factory", recorder.factory())
    monkeypatch.setattr("time.sleep", lambda s: None)
    return main(["-f", str(site.root / "mkdocs.yml"), "geocode", "--stil"])


ENTRY = "{key}:\n  lat: {lat}\n  lon: {lon}\n  bron: pdok\n  gevonden: x\n  datum: '2026-10-01'\n"


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (".nan", "5.1", "data/geocache.yml:3: a.lat: Dit is geen coördinaat"),
        ("52.1", ".inf", "data/geocache.yml:4: a.lon: Dit is geen coördinaat"),
        ("152.1", "5.1", "data/geocache.yml:3: a.lat: Dit is geen coördinaat"),
        ("52.1", "[5]", "data/geocache.yml:4: a.lon: Hier hoort een getal, zoals 52.37."),
    ],
)
def test_a_cache_with_impossible_numbers_is_refused_with_its_line(
    site: SiteSettings, capsys: pytest.CaptureFixture[str], lat: str, lon: str, expected: str
) -> None:
    site.geocache_path.write_text("# kop\n" + ENTRY.format(key="a", lat=lat, lon=lon))
    assert main(["-f", str(site.root / "mkdocs.yml"), "check", "--vandaag", "2026-11-22"]) == 1
    out, err = capsys.readouterr()
    assert expected in out
    assert "Herstel het bestand uit git (git checkout -- data/geocache.yml)" in out
    assert "Traceback" not in out + err


def test_a_truncated_cache_is_told_to_be_restored_from_git(
    site: SiteSettings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site.geocache_path.write_text("a:\n  lat: 52.1\n  lon: [5.1")
    assert geocode_cli(site, monkeypatch, Recorder()) == 1
    out = capsys.readouterr().out
    assert out.startswith("data/geocache.yml:3: De YAML klopt niet")
    assert "git checkout -- data/geocache.yml" in out


def test_saving_keeps_the_mode_of_the_existing_file(site: SiteSettings) -> None:
    run_geocode(site, Recorder())
    site.geocache_path.chmod(0o664)
    cache = cached(site)
    cache.save()
    assert site.geocache_path.stat().st_mode & 0o777 == 0o664


def test_a_new_cache_gets_the_usual_mode_not_0600(site: SiteSettings) -> None:
    old = os.umask(0o022)
    try:
        run_geocode(site, Recorder())
    finally:
        os.umask(old)
    assert site.geocache_path.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("read_only", ["bestand", "map"])
def test_a_read_only_cache_or_folder_stops_before_any_lookup(
    site: SiteSettings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    read_only: str,
) -> None:
    site.geocache_path.write_text(ENTRY.format(key="a", lat=52.1, lon=5.1))
    before = site.geocache_path.read_text()
    target = site.geocache_path if read_only == "bestand" else site.data_dir
    target.chmod(0o444 if read_only == "bestand" else 0o555)
    recorder = Recorder()
    try:
        assert geocode_cli(site, monkeypatch, recorder) == 1
    finally:
        target.chmod(0o644 if read_only == "bestand" else 0o755)
    err = capsys.readouterr().err
    expected = (
        "Niet gelukt: data/geocache.yml is alleen-lezen."
        if read_only == "bestand"
        else "Niet gelukt: De map van data/geocache.yml is alleen-lezen."
    )
    assert err.startswith(expected)
    assert recorder.calls == []
    assert site.geocache_path.read_text() == before


def test_a_failed_write_is_a_message_not_a_traceback(
    site: SiteSettings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("ruamel.yaml.YAML.dump", full_disk)
    assert geocode_cli(site, monkeypatch, Recorder()) == 1
    err = capsys.readouterr().err
    assert "Niet gelukt: data/geocache.yml kon niet worden geschreven" in err
    assert not list(site.data_dir.glob(".geocache-*"))


def test_a_second_run_at_the_same_time_is_refused(
    site: SiteSettings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    recorder = Recorder()
    with geocache_lock(site.geocache_path, "data/geocache.yml"):
        assert geocode_cli(site, monkeypatch, recorder) == 1
    err = capsys.readouterr().err
    assert "Er draait al een 'wegwijzer geocode' voor data/geocache.yml." in err
    assert recorder.calls == []
    assert not site.geocache_path.exists()
    assert geocode_cli(site, monkeypatch, recorder) == 0  # the lock is free again


def test_two_runs_in_two_processes_do_not_interleave(site: SiteSettings, tmp_path: Path) -> None:
    """A real second process holds the lock; this run must not start."""
    ready = tmp_path / "klaar"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, pathlib\n"
            "from wegwijzer.geo.cache import geocache_lock\n"
            "with geocache_lock(pathlib.Path(sys.argv[1]), 'x'):\n"
            "    pathlib.Path(sys.argv[2]).touch()\n"
            "    sys.stdin.read()\n",
            str(site.geocache_path),
            str(ready),
        ],
        stdin=subprocess.PIPE,
    )
    try:
        while not ready.exists() and holder.poll() is None:
            time.sleep(0.05)
        with (
            pytest.raises(GeocacheError, match="Er draait al"),
            geocache_lock(site.geocache_path, "data/geocache.yml"),
        ):
            pass
    finally:
        holder.communicate(b"")
    with geocache_lock(site.geocache_path, "data/geocache.yml"):
        pass  # released when the other process ended


def test_leftovers_of_a_killed_run_are_removed(
    site: SiteSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kill -9 cannot clean up; the next run does, so `git add data/` commits nothing odd."""
    for name in (".geocache-k9x2.tmp", ".geocache-oud123.yml"):
        (site.data_dir / name).write_text("lat: 5")
    assert geocode_cli(site, monkeypatch, Recorder()) == 0
    assert sorted(p.name for p in site.data_dir.iterdir() if p.name.startswith(".")) == []


def test_ctrl_c_keeps_what_was_found_and_exits_quietly(
    site: SiteSettings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    recorder = Recorder()
    real = Recorder.answer
    calls = 0

    def interrupted_on_second(self: Recorder, url: str, headers: dict[str, str]) -> object:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt
        return real(self, url, headers)

    monkeypatch.setattr(Recorder, "answer", interrupted_on_second)
    assert geocode_cli(site, monkeypatch, recorder) == 130
    err = capsys.readouterr().err
    assert "Onderbroken. Alles wat al gevonden was, staat in data/geocache.yml." in err
    assert list(cached(site).entries) == [STATION]


def test_no_internet_is_said_in_dutch(
    site: SiteSettings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def offline(self: Recorder, url: str, headers: dict[str, str]) -> object:
        raise GeocoderUnavailable("Failed to establish a new connection: [Errno -3]")

    monkeypatch.setattr(Recorder, "answer", offline)
    assert geocode_cli(site, monkeypatch, Recorder()) == 2
    err = capsys.readouterr().err
    assert "geen verbinding met de dienst (is er internet?)" in err
    assert "Failed to establish" not in err


@pytest.mark.parametrize(
    ("point", "warned"),
    [("{lat: 52.3731, lon: 4.8922}", True), ("{lat: 52.0885, lon: 5.1220}", False)],
)
def test_typed_coordinates_far_from_the_geocoded_address_are_warned_about(
    base_site: Path, point: str, warned: bool
) -> None:
    """An Amsterdam point on a Teststad address passed every check."""
    site = load_site(base_site)
    record = site.data_dir / "locaties" / "wijkcentrum.yml"
    record.write_text(record.read_text() + f"coordinaten: {point}\n")
    _, report = validate_site(site, TODAY)
    far = [str(f) for f in report.warnings if f.field == "coordinaten"]
    if warned:
        assert far == [
            f"data/locaties/wijkcentrum.yml:{len(record.read_text().splitlines())}: coordinaten: "
            "let op: Deze coördinaten liggen 35 km van het adres (Lange Nieuwstraat 12A, 3512AB "
            "Teststad). Klopt het punt? Kijk het na op een kaart."
        ]
    else:
        assert far == []


def test_kill_9_while_saving_leaves_a_valid_cache_and_the_next_run_cleans_up(
    site: SiteSettings, tmp_path: Path
) -> None:
    """A real process saves a large cache over and over and is killed without warning."""
    started = tmp_path / "bezig"
    saver = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pathlib, datetime\n"
            "from wegwijzer.geo.cache import CacheEntry, GeoCache\n"
            "cache = GeoCache(pathlib.Path(sys.argv[1]))\n"
            "for n in range(3000):\n"
            "    cache.entries[f'straat {n}, 1234 ab teststad'] = CacheEntry(lat=52.1, lon=5.1,\n"
            "        bron='pdok', gevonden=f'Straat {n}', datum=datetime.date(2026, 1, 1))\n"
            "cache.save()\n"
            "pathlib.Path(sys.argv[2]).touch()\n"
            "while True:\n"
            "    cache.save()\n",
            str(site.geocache_path),
            str(started),
        ]
    )
    try:
        while not started.exists() and saver.poll() is None:
            time.sleep(0.05)
        time.sleep(0.3)  # well inside one of the saves
    finally:
        saver.kill()  # SIGKILL: no cleanup handler runs
        saver.wait()
    assert len(cached(site).entries) == 3000  # the old or the new file, never half of one
    with geocache_lock(site.geocache_path, "data/geocache.yml"):
        assert not list(site.data_dir.glob(".geocache-*"))
