"""openingstijden.js in real Chromium must say exactly what wegwijzer.records.hours says.

The page clock is fixed before each navigation, so the script's own `new Date()` is the instant
under test; the browser's time zone is varied to show it plays no part.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page

import wegwijzer
from tests.browser.test_accessibility import axe_violations
from tests.conftest import SAMPLE, build_site
from tests.test_hours import CASES, HOLIDAYS, LOCATIONS, VACATIONS, local, location, utc
from tests.test_real_records import REAL, _dated_copy
from wegwijzer.i18n import dutch_date
from wegwijzer.records.hours import DAY_KEYS, FeestdagenBeleid, browser_data
from wegwijzer.records.hours_reference import dutch_holidays, is_open_at, status_at
from wegwijzer.records.models import Locatie
from wegwijzer.settings.config import load_site
from wegwijzer.tasks.validate import validate_site

SCRIPT = Path(wegwijzer.__file__).parent / "assets" / "js" / "openingstijden.js"
WORDS = SCRIPT.with_name("teksten.js")  # wwT(), loaded before every script on the site
PLACEHOLDER = "Bekijk de openingstijden hieronder."
# One of each kind of case in tests/test_hours.py; every instant checks every location.
# The half-hourly sweep below covers the rest of that table.
INSTANTS = [
    local(2026, 6, 2, 9, 30),  # opens this minute
    local(2026, 6, 2, 12, 0),  # closed this minute, opens later today
    local(2026, 6, 1, 17, 0),  # tomorrow
    local(2026, 6, 5, 17, 0),  # a weekday name
    utc(2026, 6, 1, 22, 30),  # Tuesday in Amsterdam, Monday in UTC
    local(2026, 7, 29, 10, 0),  # closure with a reason
    local(2026, 8, 10, 10, 0),  # closure without one
    local(2026, 7, 25, 10, 0),  # a far date
    local(2026, 12, 25, 10, 0),  # Christmas
    local(2026, 4, 27, 10, 0),  # King's Day
    utc(2026, 3, 29, 0, 30),  # before the skipped hour: opens at 03:00, not 02:30
    utc(2026, 3, 29, 0, 59),  # the last minute before it: 02:00-03:00 does not happen
    utc(2026, 3, 29, 1, 0),  # the first minute of summer time
    utc(2026, 10, 25, 1, 30),  # the repeated hour, second time round
    utc(2026, 10, 25, 11, 30),  # after the switch back, a far date
    local(2026, 10, 29, 14, 30),  # the 5th Thursday is the last one
    local(2026, 11, 2, 10, 0),  # nothing opens within 60 days
    local(2026, 9, 4, 12, 0),  # the last day of one hour, the next starts on Monday
    # Every instant of the Python table, so each new rule is held to it in the browser too.
    *sorted({moment for _, moment, _ in CASES}),
]


def _json_for_html(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _status_block(key: str, script_id: str, data_text: str | None) -> str:
    html = f'<p id="{key}" class="ww-nu-open" data-ww-open="{script_id}" role="status">'
    html += f"{PLACEHOLDER}</p>\n"
    if data_text is not None:
        html += f'<script type="application/json" id="{script_id}">{data_text}</script>\n'
    return html


def _write_site(
    folder: Path, blocks: list[str], lang: str = "nl", words: dict[str, str] | None = None
) -> Path:
    """`words`: a language's translations, as the site's teksten/<code>.js gives them."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SCRIPT, folder / SCRIPT.name)
    shutil.copy(WORDS, folder / WORDS.name)
    head = f'<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>Tijden</title>\n'
    if words is not None:
        text = f"window.wegwijzerTeksten = {json.dumps(words)};\n"
        (folder / "woorden.js").write_text(text, encoding="utf-8")
        head += '<script src="woorden.js" defer></script>\n'
    head += f'<script src="{WORDS.name}" defer></script>\n'
    head += f'<script src="{SCRIPT.name}" defer></script>\n'
    (folder / "index.html").write_text(head + "".join(blocks), encoding="utf-8")
    return folder


def _location_blocks(locations: dict[str, Locatie]) -> list[str]:
    return [
        _status_block(key, f"ww-open-{key}", _json_for_html(browser_data(loc, vacations=VACATIONS)))
        for key, loc in locations.items()
    ]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory, serve: Any) -> str:
    folder = _write_site(tmp_path_factory.mktemp("hours"), _location_blocks(LOCATIONS))
    return str(serve(folder)) + "/index.html"


def _statuses(page: Page) -> dict[str, str]:
    script = """() => Array.from(document.querySelectorAll("[data-ww-open]"),
        element => [element.id, element.textContent])"""
    return dict(page.evaluate(script))


@pytest.fixture(params=["machine", "America/New_York"])
def zoned_page(
    request: pytest.FixtureRequest, new_context: Callable[..., BrowserContext]
) -> Iterator[Page]:
    zone = {} if request.param == "machine" else {"timezone_id": request.param}
    context = new_context(**zone)
    yield context.new_page()
    context.close()


def test_live_line_matches_python(zoned_page: Page, site_url: str) -> None:
    mismatches = []
    for moment in INSTANTS:
        zoned_page.clock.set_fixed_time(moment)
        zoned_page.goto(site_url, wait_until="domcontentloaded")
        # No hours known: the line says nothing and the page keeps its own text (issue 26).
        expected = {
            key: status_at(loc, moment, HOLIDAYS, VACATIONS) or PLACEHOLDER
            for key, loc in LOCATIONS.items()
        }
        if (found := _statuses(zoned_page)) != expected:
            mismatches.append((moment.isoformat(), found, expected))
    assert not mismatches


def _every(start: datetime, days: int, step: timedelta) -> list[datetime]:
    count = int(timedelta(days=days) / step)
    return [start + step * index for index in range(count)]


# Every half hour, so every opening and closing minute is hit, through the days where the
# rules bite: summer time starting, King's Day, the end of the summer closure and the days
# closed after it, all of October (weeks of the month, summer time ending) and Christmas to
# the first opening of the new year.
HALF_HOUR = timedelta(minutes=30)
SWEEP = [
    *_every(utc(2026, 3, 28), 3, HALF_HOUR),
    *_every(utc(2026, 4, 25), 3, HALF_HOUR),
    *_every(utc(2026, 7, 26), 24, HALF_HOUR),
    *_every(utc(2026, 8, 30), 10, HALF_HOUR),  # one hour ends, another starts
    *_every(utc(2026, 9, 28), 34, HALF_HOUR),
    *_every(utc(2026, 12, 23), 12, HALF_HOUR),
    *_every(utc(2026, 10, 14), 14, HALF_HOUR),  # school holidays, the pilot's last days
    *_every(utc(2027, 8, 25), 10, HALF_HOUR),  # past the last known school holiday
]


def test_statusat_and_isopenat_agree_with_python_every_half_hour(
    new_context: Callable[..., BrowserContext], site_url: str
) -> None:
    # Tokyo, ahead of UTC, where the live-line test uses New York, behind it.
    page = new_context(timezone_id="Asia/Tokyo").new_page()
    page.goto(site_url)
    call = """([data, times]) => times.map(t => [
        window.wegwijzerOpeningstijden.statusAt(data, new Date(t)),
        window.wegwijzerOpeningstijden.isOpenAt(data, new Date(t)),
    ])"""
    times = [moment.timestamp() * 1000 for moment in SWEEP]
    for key, loc in LOCATIONS.items():
        found = page.evaluate(call, [browser_data(loc, vacations=VACATIONS), times])
        expected = [
            [
                status_at(loc, moment, HOLIDAYS, VACATIONS),
                is_open_at(loc, moment, HOLIDAYS, VACATIONS),
            ]
            for moment in SWEEP
        ]
        mismatches = [
            (moment.isoformat(), got, want)
            for moment, got, want in zip(SWEEP, found, expected, strict=True)
            if got != want
        ]
        assert mismatches == [], key


def test_line_is_refreshed_every_minute(page: Page, tmp_path: Path, serve: Any) -> None:
    folder = _write_site(tmp_path, _location_blocks({"werkdagen": LOCATIONS["werkdagen"]}))
    page.clock.install(time=local(2026, 6, 2, 11, 59, 30))
    page.goto(serve(folder) + "/index.html")
    assert page.text_content("#werkdagen") == "Nu open, tot 12:00. Sluit over 1 minuut."
    page.clock.run_for(60_000)
    assert page.text_content("#werkdagen") == "Nu gesloten. Opent vandaag om 13:30."


def test_what_is_over_hides_itself_without_a_rebuild(
    page: Page, tmp_path: Path, serve: Any
) -> None:
    blocks = [
        '<p id="gisteren" data-ww-tot="2027-03-09">Bijeenkomst op 9 maart</p>\n',
        '<p id="vandaag" data-ww-tot="2027-03-10">Bijeenkomst op 10 maart</p>\n',
    ]
    folder = _write_site(tmp_path, blocks)
    # 00:30 on 10 March in the Netherlands, still 9 March in UTC.
    page.clock.install(time=utc(2027, 3, 9, 23, 30))
    page.goto(serve(folder) + "/index.html")
    assert page.is_hidden("#gisteren") and page.is_visible("#vandaag")
    page.clock.run_for(24 * 60 * 60 * 1000)
    assert page.is_hidden("#vandaag")


def test_text_is_never_markup_and_bad_data_keeps_the_placeholder(
    page: Page, tmp_path: Path, serve: Any
) -> None:
    closed = location(
        "html",
        spreekuren=[{"dagen": ["di"], "van": "09:30", "tot": "12:00"}],
        gesloten=[{"van": "2026-06-02", "tot": "2026-06-02", "reden": "<b>dicht</b></script>"}],
    )
    blocks = [
        *_location_blocks({"html": closed}),
        _status_block("kapot", "ww-kapot", "{niet: json"),
        _status_block("zoek", "ww-bestaat-niet", None),
    ]
    folder = _write_site(tmp_path, blocks)
    page.clock.set_fixed_time(local(2026, 6, 2, 10, 0))
    page.goto(serve(folder) + "/index.html")
    assert _statuses(page) == {
        "html": "Vandaag gesloten: <b>dicht</b></script>. Opent op dinsdag 9 juni om 09:30.",
        "kapot": PLACEHOLDER,
        "zoek": PLACEHOLDER,
    }
    assert page.locator("#html b").count() == 0


WEEKLY_AND_CLOSED = {
    "week": location("week", spreekuren=[{"dagen": ["di"], "van": "09:30", "tot": "12:00"}]),
    "dicht": location(
        "dicht",
        spreekuren=[{"dagen": ["di"], "van": "09:30", "tot": "12:00"}],
        gesloten=[{"van": "2026-06-01", "tot": "2026-06-20"}],
    ),
}


def test_the_line_speaks_the_pages_language(page: Page, tmp_path: Path, serve: Any) -> None:
    """Whole translated sentences, day names and dates from Intl in the page's language."""
    words = {
        "Nu gesloten.": "Closed now.",
        "Opent {dag} om {tijd}.": "Opens {dag} at {tijd}.",
        "Gesloten tot en met {datum}.": "Closed until {datum}.",
        "Opent op {datum} om {tijd}.": "Opens on {datum} at {tijd}.",
    }
    blocks = _location_blocks(WEEKLY_AND_CLOSED)
    english = _write_site(tmp_path / "en", blocks, "en", words)
    page.clock.set_fixed_time(local(2026, 6, 6, 10, 0))  # a Saturday
    page.goto(serve(english) + "/index.html")
    assert _statuses(page) == {
        "week": "Closed now. Opens Tuesday at 09:30.",
        "dicht": "Closed until 20 June. Opens on Tuesday 23 June at 09:30.",  # as Babel: en-GB
    }
    arabic = _write_site(tmp_path / "ar", blocks, "ar", {})  # nothing translated yet
    page.goto(serve(arabic) + "/index.html")
    found = _statuses(page)
    assert found["week"] == "Nu gesloten. Opent الثلاثاء om 09:30."
    assert found["dicht"].startswith("Gesloten tot en met 20 يونيو.")  # digits stay 0-9


POLICIES = [
    FeestdagenBeleid(),
    FeestdagenBeleid(bevrijdingsdag="elk jaar", goede_vrijdag="dicht"),
    FeestdagenBeleid(bevrijdingsdag="nooit"),
]


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: f"{p.bevrijdingsdag}-{p.goede_vrijdag}")
def test_browser_holidays_follow_the_same_rule_for_any_year(
    page: Page, site_url: str, policy: FeestdagenBeleid
) -> None:
    page.goto(site_url)
    years = list(range(2014, 2300))
    call = """([years, policy]) => years.map(
        year => window.wegwijzerOpeningstijden.holidays(year, policy))"""
    found: dict[str, str] = {}
    for holidays in page.evaluate(call, [years, policy.model_dump()]):
        found.update(holidays)
    expected = dutch_holidays(years, policy)
    assert found == {day.isoformat(): name for day, name in expected.items()}


def test_a_page_built_today_is_right_on_christmas_three_years_on(
    page: Page, sample_site: Path, serve: Any
) -> None:
    year = date.today().year + 3
    christmas = local(year, 12, 25, 10, 0)
    weekday = DAY_KEYS[christmas.weekday()]
    dataset, _ = validate_site(load_site(SAMPLE / "mkdocs.yml"), date.today())
    open_that_day = [
        loc for loc in dataset.locaties.values() if any(weekday in h.dagen for h in loc.spreekuren)
    ]
    assert open_that_day, f"the sample has no location open on a {weekday}"
    page.clock.set_fixed_time(christmas)
    base = serve(sample_site)
    found = {}
    for loc in open_that_day:
        page.goto(f"{base}/locaties/{loc.id}/", wait_until="domcontentloaded")
        found[loc.id] = page.text_content(".ww-nu-open")
    holidays = dutch_holidays([year, year + 1])
    assert found == {loc.id: status_at(loc, christmas, holidays) for loc in open_that_day}
    assert any(text.startswith("Vandaag gesloten: Eerste kerstdag.") for text in found.values())


def test_a_location_past_its_last_day_leaves_the_overview_without_a_rebuild(
    page: Page, tmp_path: Path, serve: Any
) -> None:
    site = tmp_path / "echt"
    shutil.copytree(REAL, site)
    record = site / "data" / "locaties" / "stadhuis-deventer.yml"
    last = date.today() + timedelta(days=1)
    record.write_text(record.read_text(encoding="utf-8") + f"geldig_tot: {last}\n")
    base = serve(build_site(site / "mkdocs.yml", tmp_path / "uit"))
    card = '.ww-kaartje[data-id="stadhuis-deventer"]'
    page.goto(f"{base}/overzicht/")
    assert page.is_visible(card)
    page.clock.set_fixed_time(local(last.year, last.month, last.day, 12) + timedelta(days=2))
    page.goto(f"{base}/overzicht/")
    assert page.is_hidden(card)
    page.check("input[name=zonder_afspraak]")  # a filter change must not bring it back
    page.uncheck("input[name=zonder_afspraak]")
    assert page.is_hidden(card)
    page.goto(f"{base}/locaties/stadhuis-deventer/")
    assert page.text_content(".ww-nu-open") == f"Deze plek is gestopt op {dutch_date(last)}."


@pytest.mark.parametrize("width", [320, 1280])
def test_a_location_with_every_new_kind_of_hour_has_no_axe_findings(
    page: Page, tmp_path: Path, serve: Any, width: int
) -> None:
    config = _dated_copy(tmp_path, {"past": -3, "soon": 10, "start": 5})
    base = serve(build_site(config, tmp_path / "uit"))
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{base}/locaties/wijkcentrum-de-hoven/")
    assert page.locator(".ww-bijeenkomsten li").count() == 1
    assert axe_violations(page) == []
