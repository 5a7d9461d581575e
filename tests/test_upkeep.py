"""`wegwijzer onderhoud` and the commands the workflows run, on the sample data and offline.

The link check talks to a fake `fetch` here: no test asks a real website anything.
"""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, SAMPLE
from tests.test_github import GITHUB, commands_starting
from wegwijzer import __version__
from wegwijzer.cli import main
from wegwijzer.outputs.freshness import freshness
from wegwijzer.records.editions import hide_date
from wegwijzer.records.loader import Dataset
from wegwijzer.settings.config import load_site
from wegwijzer.site.pages import render_site
from wegwijzer.tasks.upkeep import (
    LIST_LIMIT,
    DueRecord,
    Place,
    Repository,
    UpkeepReport,
    build_report,
    check_links,
    check_url,
    make_fetch,
    render_report,
    repository_from_env,
    user_agent,
)
from wegwijzer.tasks.validate import validate_site

JUNE_2027 = date(2027, 6, 1)  # ten sample records are then more than 12 months old
SAMPLE_DAY = date(2026, 11, 22)  # the day the sample data was last brought up to date


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """The bundled site's settings and data, to run commands in and to break."""
    shutil.copy(SAMPLE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(SAMPLE / "data", tmp_path / "data")
    return tmp_path


def sample_report(today: date) -> str:
    return render_report(build_report(load_site(SAMPLE / "mkdocs.yml"), today))


# --- the report on the sample data ---------------------------------------------------------------


def test_records_due_for_a_check_are_listed_oldest_first() -> None:
    lines = sample_report(JUNE_2027).splitlines()
    assert lines[:6] == [
        "# Onderhoud van de wegwijzer",
        "",
        "Overzicht van 1 juni 2027.",
        "",
        "## Gegevens nakijken (10)",
        "",
    ]
    section = lines[: lines.index("## Vaste nummers nabellen")]
    items = [line for line in section if line.startswith("- [ ] ")]
    assert len(items) == 10
    assert section[8:10] == [
        "**Klankbord Ondernemers Voorbeeldstad**: 0800 1844",
        "- [ ] `data/organisaties/klankbord-ondernemers-voorbeeldstad.yml:31`: Klankbord "
        "Ondernemers Voorbeeldstad. Laatst nagekeken op 15 januari 2026 (16 maanden geleden).",
    ]
    checked = [
        line.split("Laatst nagekeken op ")[1].split(" (")[0] for line in items
    ]  # each organisation's group comes when its oldest record is due
    assert checked[0] == "15 januari 2026"


def test_due_records_are_grouped_per_organisation_to_call() -> None:
    report = build_report(load_site(SAMPLE / "mkdocs.yml"), JUNE_2027)
    lines = render_report(report).splitlines()
    section = lines[: lines.index("## Vaste nummers nabellen")]
    headers = [line.split("**")[1] for line in section if line.startswith("**")]
    assert headers == list(dict.fromkeys(d.organisatie for d in report.due))
    current = None
    for line in section:  # every item sits under the header of the organisation to call
        if line.startswith("**"):
            current = line.split("**")[1]
        elif line.startswith("- [ ] "):
            due = next(d for d in report.due if f"`{d.place.path}:" in line)
            assert due.organisatie == current


def test_the_loket_and_urgent_numbers_come_in_the_first_week_of_a_month() -> None:
    site = load_site(SAMPLE / "mkdocs.yml")
    first_week = render_report(build_report(site, date(2026, 12, 7)))
    assert "## Vaste nummers nabellen" in first_week
    assert "- [ ] Loket: Schuldhulp Gemeente Voorbeeldstad: 14 020" in first_week
    assert first_week.count("- [ ] Spoed: ") == len(site.config.spoed)
    assert "Vaste nummers" not in render_report(build_report(site, date(2026, 12, 8)))


def test_closures_that_end_within_two_weeks_are_listed() -> None:
    site = load_site(SAMPLE / "mkdocs.yml")
    dataset, _ = validate_site(site, SAMPLE_DAY)
    location, closure = next(
        (loc, c) for loc in dataset.locaties.values() for c in loc.gesloten if c.tot > SAMPLE_DAY
    )
    ending = build_report(site, closure.tot - timedelta(days=3)).closures
    assert [(c.naam, c.ends) for c in ending if c.naam == location.naam] == [
        (location.naam, closure.tot)
    ]
    assert not [
        c
        for c in build_report(site, closure.tot + timedelta(days=1)).closures
        if c.naam == location.naam
    ]
    text = render_report(build_report(site, closure.tot - timedelta(days=3)))
    assert "## Sluitingen die bijna aflopen" in text and location.naam in text


def test_no_answer_from_any_website_means_no_internet_not_gone(base_site: Path) -> None:
    dataset, _ = validate_site(load_site(base_site), SAMPLE_DAY)

    def offline(method: str, url: str) -> int:
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    real = {o.id: o for o in dataset.organisaties.values()}
    for org in real.values():
        object.__setattr__(org, "website", f"https://{org.id}.nl/")
    links = check_links(dataset, offline)
    assert links.offline and links.broken == [] and links.checked == len(real)
    text = render_report(UpkeepReport(SAMPLE_DAY, 12, [], 0, links))
    assert "Waarschijnlijk was er geen internet" in text and "bestaat niet" not in text


def test_a_record_past_its_check_period_says_so_on_the_site() -> None:
    site = load_site(SAMPLE / "mkdocs.yml")
    dataset, _ = validate_site(site, JUNE_2027)
    rendered = {p.path: p.text for p in render_site(dataset, site.config, JUNE_2027).pages}
    old = dataset.organisaties["klankbord-ondernemers-voorbeeldstad"]
    assert (
        "Deze gegevens zijn al 16 maanden niet nagekeken." in rendered[f"organisaties/{old.id}.md"]
    )
    fresh = next(
        o for o in dataset.organisaties.values() if o.laatst_gecontroleerd > date(2026, 9, 1)
    )
    assert "niet nagekeken" not in rendered[f"organisaties/{fresh.id}.md"]


def test_the_report_lists_exactly_what_wegwijzer_check_warns_about() -> None:
    site = load_site(SAMPLE / "mkdocs.yml")
    for today in (SAMPLE_DAY, JUNE_2027, date(2027, 12, 1)):
        _, checked = validate_site(site, today)
        warned = {(f.path, f.line) for f in checked.warnings if f.field == "laatst_gecontroleerd"}
        due = {(d.place.path, d.place.line) for d in build_report(site, today).due}
        assert due == warned


def test_nothing_to_do_says_so() -> None:
    assert sample_report(SAMPLE_DAY) == (
        "# Onderhoud van de wegwijzer\n\nOverzicht van 22 november 2026.\n\n"
        "Alles is bijgewerkt. Er is deze week niets na te kijken.\n"
    )


def test_lines_link_to_the_file_on_github_in_an_actions_run() -> None:
    env = {"GITHUB_REPOSITORY": "gemeente/wegwijzer", "GITHUB_REF_NAME": "main"}
    repository = repository_from_env(env)
    assert repository == Repository("https://github.com/gemeente/wegwijzer", "main")
    report = render_report(build_report(load_site(SAMPLE / "mkdocs.yml"), JUNE_2027), repository)
    path = "data/organisaties/klankbord-ondernemers-voorbeeldstad.yml"
    link = f"[{path}:31](https://github.com/gemeente/wegwijzer/blob/main/{path}#L31)"
    assert f"- [ ] {link}: Klankbord Ondernemers Voorbeeldstad." in report
    assert repository_from_env({}) is None


def test_record_text_cannot_format_link_or_mention_in_the_issue() -> None:
    place = Place("data/organisaties/x.yml", 3)
    naam = "Hulp [klik](https://evil.example) @iedereen <img src=x> *nu*"
    due = [DueRecord(place, naam, date(2025, 1, 1), 29)]
    text = render_report(UpkeepReport(JUNE_2027, 12, due, 0, None))
    assert r"Hulp \[klik\](https://evil.example) &#64;iedereen \<img src=x\> \*nu\*. Laatst" in text


def test_a_long_list_is_cut_to_fit_in_an_issue() -> None:
    due = [
        DueRecord(Place(f"data/locaties/l{i}.yml", 9), "L", date(2025, 1, 1), 29)
        for i in range(105)
    ]
    text = render_report(UpkeepReport(JUNE_2027, 12, due, 0, None))
    assert text.count("- [ ] ") == LIST_LIMIT
    assert "- En nog 5 meer." in text


def test_records_with_errors_are_counted(base_site: Path) -> None:
    src = ROOT / "tests" / "example-files" / "ongeldig" / "organisaties" / "fases-leeg.yml"
    shutil.copy(src, base_site.parent / "data" / "organisaties" / "fases-leeg.yml")
    report = build_report(load_site(base_site), SAMPLE_DAY)
    assert (report.errors, report.is_empty) == (1, False)
    text = render_report(report)
    assert "`wegwijzer check` vindt 1 fout." in text
    # Each record the published site leaves out, first in the issue, with its line and reason.
    item = "- [ ] `data/organisaties/fases-leeg.yml:6`: Vul er minstens één in."
    assert item in text and text.index("## ") == text.index("## Fouten in de gegevens")
    repository = Repository("https://github.com/gemeente/wegwijzer", "main")
    linked = render_report(report, repository)
    assert "- [ ] [data/organisaties/fases-leeg.yml:6](https://github.com/" in linked


# --- the link check, with a fake fetch ----------------------------------------------------------


class FakeWeb:
    """Answers per URL and method: a status code or an exception. Records every request."""

    def __init__(self, answers: dict[str, dict[str, int | OSError]]) -> None:
        self.answers = answers
        self.asked: list[tuple[str, str]] = []

    def __call__(self, method: str, url: str) -> int:
        self.asked.append((method, url))
        answer = self.answers[url].get(method, self.answers[url].get("*", 500))
        if isinstance(answer, OSError):
            raise answer
        return answer


@pytest.mark.parametrize(
    ("answers", "reason", "asked"),
    [
        ({"HEAD": 200}, None, ["HEAD"]),
        ({"HEAD": 301}, None, ["HEAD"]),  # a redirect is an answer; it is not followed
        ({"HEAD": 405, "GET": 200}, None, ["HEAD", "GET"]),
        ({"HEAD": ConnectionResetError(), "GET": 200}, None, ["HEAD", "GET"]),
        ({"*": 404}, "de pagina bestaat niet meer (foutcode 404)", ["HEAD", "GET"]),
        ({"*": 503}, "de website geeft foutcode 503", ["HEAD", "GET"]),
        ({"HEAD": TimeoutError()}, "geen antwoord binnen 10 seconden", ["HEAD"]),
        ({"HEAD": 403, "GET": TimeoutError()}, "geen antwoord binnen 10 seconden", ["HEAD", "GET"]),
        ({"*": socket.gaierror()}, "het webadres bestaat niet (meer)", ["HEAD", "GET"]),
        (
            {"*": ssl.SSLCertVerificationError()},
            "het beveiligingscertificaat van de website klopt niet",
            ["HEAD", "GET"],
        ),
        ({"*": ConnectionRefusedError()}, "de website is niet bereikbaar", ["HEAD", "GET"]),
    ],
    ids=[
        "200",
        "redirect",
        "head-refused",
        "head-dropped",
        "404",
        "503",
        "timeout",
        "get-timeout",
        "no-such-host",
        "bad-certificate",
        "refused",
    ],
)
def test_a_website_answers_or_gets_a_reason(
    answers: dict[str, int | OSError], reason: str | None, asked: list[str]
) -> None:
    web = FakeWeb({"https://hulp.nl/": answers})
    assert check_url("https://hulp.nl/", web) == reason
    assert [method for method, _ in web.asked] == asked


def _write_org(data: Path, org_id: str, website: str) -> None:
    (data / "organisaties" / f"{org_id}.yml").write_text(
        f"id: {org_id}\nnaam: Naam {org_id}\nomschrijving: Hulp.\nwebsite: {website}\n"
        "fases: [preventie]\nlaatst_gecontroleerd: 2026-10-01\n",
        encoding="utf-8",
    )


def _dataset(mkdocs: Path, websites: dict[str, str]) -> Dataset:
    for org_id, website in websites.items():
        _write_org(mkdocs.parent / "data", org_id, website)
    dataset, report = validate_site(load_site(mkdocs), SAMPLE_DAY)
    assert report.errors == []
    return dataset


def test_broken_websites_are_listed_with_their_line(base_site: Path) -> None:
    dataset = _dataset(
        base_site,
        {"weg": "https://weg.nl/", "goed": "https://goed.nl/", "ook-weg": "https://weg.nl/"},
    )
    web = FakeWeb(
        {
            "https://weg.nl/": {"*": 404},
            "https://goed.nl/": {"HEAD": 200},
        }
    )
    result = check_links(dataset, web)
    assert [(b.place, b.url) for b in result.broken] == [
        (Place("data/organisaties/ook-weg.yml", 4), "https://weg.nl/"),
        (Place("data/organisaties/weg.yml", 4), "https://weg.nl/"),
    ]
    assert (result.checked, result.skipped) == (2, 1)  # humanitas-teststad.example
    assert sorted(web.asked).count(("HEAD", "https://weg.nl/")) == 1  # each address once


def test_example_addresses_are_never_asked(base_site: Path) -> None:
    websites = {
        "a": "https://www.voorbeeld.example/",
        "b": "https://example.org/",
        "c": "https://x.test/",
    }
    web = FakeWeb({})
    result = check_links(_dataset(base_site, websites), web)
    assert (web.asked, result.broken, result.checked, result.skipped) == ([], [], 0, 4)


def test_at_most_four_requests_at_a_time(base_site: Path) -> None:
    websites = {f"org-{i}": f"https://site-{i}.nl/" for i in range(12)}
    lock, running, most = threading.Lock(), [0], [0]

    def slow(method: str, url: str) -> int:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.02)
        with lock:
            running[0] -= 1
        return 200

    assert check_links(_dataset(base_site, websites), slow).checked == 12
    assert 1 < most[0] <= 4


def test_broken_websites_in_the_report(base_site: Path) -> None:
    _write_org(base_site.parent / "data", "weg", "https://weg.nl/")
    web = FakeWeb({"https://weg.nl/": {"*": 410}})
    text = render_report(build_report(load_site(base_site), SAMPLE_DAY, web))
    assert "## Websites die niet werken (1)" in text
    assert (
        "- [ ] `data/organisaties/weg.yml:4`: Naam weg, <https://weg.nl/>: de pagina bestaat "
        "niet meer (foutcode 410)." in text
    )
    assert "1 website bekeken, 1 voorbeeldadres overgeslagen." in text


# --- the real fetch, on urllib, without a socket ------------------------------------------------


class FakeResponse:
    status = 204

    def __enter__(self) -> FakeResponse:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def test_the_real_fetch_says_who_asks_and_waits_ten_seconds() -> None:
    seen: list[tuple[urllib.request.Request, float]] = []

    def open_url(request: urllib.request.Request, timeout: float) -> FakeResponse:
        seen.append((request, timeout))
        return FakeResponse()

    agent = user_agent(Repository("https://github.com/gemeente/wegwijzer"))
    assert make_fetch(agent, open_url=open_url)("HEAD", "https://hulp.nl/") == 204
    ((request, timeout),) = seen
    assert (request.get_method(), request.full_url, timeout) == ("HEAD", "https://hulp.nl/", 10)
    expected = f"wegwijzer/{__version__} (+https://github.com/gemeente/wegwijzer)"
    assert request.get_header("User-agent") == expected
    assert user_agent(None) == f"wegwijzer/{__version__}"


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        (urllib.error.HTTPError("https://hulp.nl/", 404, "Not Found", {}, None), 404),
        (urllib.error.HTTPError("https://hulp.nl/", 302, "Found", {}, None), 302),
        (urllib.error.URLError(TimeoutError("timed out")), TimeoutError),
        (urllib.error.URLError(socket.gaierror(-2, "Name not known")), socket.gaierror),
        (urllib.error.URLError("unknown url type"), ConnectionError),
        (TimeoutError("read timed out"), TimeoutError),
    ],
    ids=["404", "redirect-not-followed", "timeout", "no-such-host", "odd-url", "read-timeout"],
)
def test_the_real_fetch_turns_urllib_errors_into_the_fetch_contract(
    error: Exception, outcome: int | type[Exception]
) -> None:
    def open_url(request: urllib.request.Request, timeout: float) -> Any:
        raise error

    fetch = make_fetch("wegwijzer/test", open_url=open_url)
    if isinstance(outcome, int):
        assert fetch("GET", "https://hulp.nl/") == outcome
    else:
        with pytest.raises(outcome):
            fetch("GET", "https://hulp.nl/")


# --- the command, and the exact commands the workflows run --------------------------------------


def test_the_command_writes_an_empty_file_when_all_is_well(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "onderhoud.md"
    args = ["-f", str(SAMPLE / "mkdocs.yml"), "onderhoud", "--vandaag", "2026-11-22"]
    assert main([*args, "--uitvoer", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == ""
    assert capsys.readouterr().err == "Onderhoud: 0 records na te kijken.\n"
    assert main(["-f", str(SAMPLE / "mkdocs.yml"), "onderhoud", "--vandaag", "2027-06-01"]) == 0
    assert "## Gegevens nakijken (10)" in capsys.readouterr().out


def test_the_command_fails_only_on_broken_settings(base_site: Path) -> None:
    base_site.write_text(base_site.read_text().replace("gemeente: Teststad", "gemeente: ''"))
    assert main(["-f", str(base_site), "onderhoud"]) == 1


def test_the_weekly_workflow_command_asks_no_example_address(
    sample_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In this process, so the socket guard would stop any request the sample data caused."""
    (command,) = commands_starting(GITHUB / "workflows" / "onderhoud.yml", "wegwijzer", "onderhoud")
    assert "--links" in command
    monkeypatch.setenv("RUNNER_TEMP", str(sample_copy))
    monkeypatch.chdir(sample_copy)
    assert main([os.path.expandvars(arg) for arg in command[1:]]) == 0
    assert "websites werken niet" in capsys.readouterr().err
    assert (sample_copy / "onderhoud.md").exists()


def _run_check_as_in_pr_workflow(site: Path) -> subprocess.CompletedProcess[str]:
    (command,) = commands_starting(GITHUB / "workflows" / "pr.yml", "wegwijzer", "check")
    return subprocess.run(
        [sys.executable, "-m", "wegwijzer.cli", *command[1:]],
        cwd=site,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_pull_request_check_passes_on_the_sample_data(sample_copy: Path) -> None:
    result = _run_check_as_in_pr_workflow(sample_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "::error" not in result.stdout


def test_the_pull_request_check_annotates_a_broken_record(sample_copy: Path) -> None:
    record = sample_copy / "data" / "locaties" / "huiskamer-buurdorp.yml"
    with record.open("a", encoding="utf-8") as file:
        file.write("openingstijden: altijd\n")
    line = len(record.read_text(encoding="utf-8").splitlines())
    result = _run_check_as_in_pr_workflow(sample_copy)
    assert result.returncode == 1
    errors = [out for out in result.stdout.splitlines() if out.startswith("::error ")]
    assert errors == [
        f"::error file=data/locaties/huiskamer-buurdorp.yml,line={line},title=openingstijden::"
        "Onbekend veld 'openingstijden'."
    ]


# --- issue 29: ready messages with one-tap links, and freshness ----------------------------------

FRESH_DAY = date(2026, 12, 8)
LATE_2027 = date(2027, 12, 1)  # every sample record is then more than 12 months old
REFERRERS = SAMPLE / "mkdocs.verwijzers.yml"  # the one with the private folder


def test_freshness_figures_on_the_sample_are_exact() -> None:
    dataset, _ = validate_site(load_site(SAMPLE / "mkdocs.yml"), FRESH_DAY)
    total, per_org = freshness(dataset, FRESH_DAY)
    # 42 records; checked since 9 Sep 2026: 18; since 9 Jun 2026: 32; since 9 Dec 2025: all
    assert (total.total, total.within) == (42, (18, 32, 42))
    assert [total.percent(i) for i in range(3)] == [42, 76, 100]
    by_id = {f.org_id: f for f in per_org}
    assert (by_id["diaconie-protestantse-gemeente-voorbeeldstad"].within) == (1, 1, 3)
    assert by_id["welzijn-voorbeeldstad"].total == 5
    assert by_id["welzijn-voorbeeldstad"].within == (3, 4, 5)
    assert per_org[0].org_id == "klankbord-ondernemers-voorbeeldstad"  # least fresh first
    report = render_report(build_report(load_site(SAMPLE / "mkdocs.yml"), JUNE_2027))
    assert "## Actualiteit" in report
    # on 1 June 2027 nothing is from the last 6 months; 10 records are over 12 months old
    assert "| **Alle gegevens** | 42 | 0% (0) | 0% (0) | 76% (32) |" in report


def test_each_due_organisation_gets_a_message_with_two_prefilled_forms() -> None:
    env = {"GITHUB_REPOSITORY": "gemeente/wegwijzer", "GITHUB_REF_NAME": "main"}
    repository = repository_from_env(env)
    report = build_report(load_site(REFERRERS), LATE_2027, None, repository)
    by_org = {m.org_id: m for m in report.messages}
    brug = by_org["geldcafe-de-brug"]  # its upkeep contact has a GitHub name
    assert brug.confirm_url == (
        "https://github.com/gemeente/wegwijzer/issues/new?template=alles-klopt.yml"
        "&title=Alles%20klopt%20nog%3A%20Geldcaf%C3%A9%20De%20Brug"
        "&organisatie=geldcafe-de-brug&records=geldcafe-buurthuis-de-brug%0Ageldcafe-de-brug"
    )
    assert brug.changed_url is not None
    assert brug.changed_url.startswith(
        "https://github.com/gemeente/wegwijzer/issues/new?template=er-is-iets-veranderd.yml&"
    )
    maatje = by_org["schuldhulpmaatje-voorbeeldstad"]  # no GitHub name: an e-mail to the site
    assert maatje.confirm_url is not None
    assert maatje.confirm_url.startswith(
        "mailto:wegwijzer@voorbeeldstad.example?subject=Alles%20klopt%20nog%3A%20SchuldHulpMaatje"
    )
    assert "Records%3A%0D%0Ainloop-dorpskerk-buurdorp%0D%0A" in maatje.confirm_url
    text = render_report(report, repository)
    assert "## Berichten aan organisaties" in text
    assert "    " + brug.confirm_url in text
    # the issue is public: no upkeep contact in it
    for private_value in ("Onderhoudsma", "brug-prive", "wim-brug", "Bijhouder", "maatje-prive"):
        assert private_value.casefold() not in text.casefold()


def test_the_messages_as_mail_files_go_to_the_private_contact(tmp_path: Path) -> None:
    out = tmp_path / "berichten"
    args = ["-f", str(REFERRERS), "onderhoud", "--vandaag", "2027-12-01", "--berichten", str(out)]
    assert main([*args, "--uitvoer", str(tmp_path / "onderhoud.md")]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "geldcafe-de-brug.eml",
        "schuldhulpmaatje-voorbeeldstad.eml",
    ]
    mail = (out / "geldcafe-de-brug.eml").read_text(encoding="utf-8")
    assert "To: wim.onderhoudsma@brug-prive.example" in mail
    assert "From: wegwijzer@voorbeeldstad.example" in mail
    issue = (tmp_path / "onderhoud.md").read_text(encoding="utf-8")
    assert "brug-prive" not in issue and "Geldcafé De Brug (geldcafe-de-brug)" in issue


def test_the_aanbod_page_shows_the_freshness_per_organisation() -> None:
    site = load_site(SAMPLE / "mkdocs.yml")
    dataset, _ = validate_site(site, FRESH_DAY)
    page = {p.path: p.text for p in render_site(dataset, site.config, FRESH_DAY).pages}["aanbod.md"]
    table = BeautifulSoup(page, "html.parser").select_one("table.ww-actualiteit")
    assert table is not None
    rows = [[c.get_text() for c in tr.select("th, td")] for tr in table.select("tbody tr")]
    assert rows[0] == ["Alle gegevens", "42", "42% (18)", "76% (32)", "100% (42)"]
    assert rows[1] == ["Klankbord Ondernemers Voorbeeldstad", "1", "0% (0)", "0% (0)", "100% (1)"]
    assert len(rows) == 1 + len(dataset.organisaties)
    files = {f.path: f for f in render_site(dataset, site.config, FRESH_DAY).files}
    table_csv = files["open-data/actualiteit.csv"].read().decode("utf-8-sig").splitlines()
    assert table_csv[1] == "2026-12-08;;Alle gegevens;42;18;32;42;42;76;100"
    assert len(table_csv) == 2 + len(dataset.organisaties)


def test_hide_date_counts_whole_months() -> None:
    assert hide_date(date(2026, 9, 8), 3) == date(2026, 12, 8)
    assert hide_date(date(2026, 1, 31), 1) == date(2026, 3, 1)  # no 31 February
    assert hide_date(date(2026, 11, 30), 3) == date(2027, 3, 2) - timedelta(days=1)


def test_verbergen_na_maanden_warns_first_then_hides_from_residents_only(
    sample_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = sample_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("    controle_maanden:", "    verbergen_na_maanden: 11\n    controle_maanden:")
    )
    site = load_site(config)
    assert site.config.verbergen_na_maanden == 11
    klankbord = "data/organisaties/klankbord-ondernemers-voorbeeldstad.yml:31"  # 15 Jan 2026
    # a month ahead: a warning, nothing hidden yet
    assert main(["-f", str(config), "check", "--vandaag", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert (
        f"{klankbord}: laatst_gecontroleerd: let op: Dit record verdwijnt op 15 december 2026 "
        "van de openbare site, als het niet wordt nagekeken (verbergen_na_maanden: 11)." in out
    )
    day = date(2026, 12, 20)
    assert main(["-f", str(config), "check", "--vandaag", day.isoformat()]) == 0
    assert (
        f"{klankbord}: laatst_gecontroleerd: let op: Dit record staat niet op de openbare site"
        in (capsys.readouterr().out)
    )
    dataset, _ = validate_site(site, day)
    public = {p.path for p in render_site(dataset, site.config, day).pages}
    assert "organisaties/klankbord-ondernemers-voorbeeldstad.md" not in public
    assert "organisaties/geldfit-jong-voorbeeldstad.md" in public
    guide = site.config.model_copy(update={"editie": "verwijzers"})
    assert "organisaties/klankbord-ondernemers-voorbeeldstad.md" in {
        p.path for p in render_site(dataset, guide, day).pages
    }
