"""'Wat is er veranderd?' and its Atom feed, from a git history made in the test itself: fixed
commit dates and a fixed today, so every line and every entry is known exactly."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

import wegwijzer
from tests.conftest import EXAMPLES, PASSPHRASE, build_site, open_envelope, sealed_text
from wegwijzer.outputs.changes import History, compare, recent_changes
from wegwijzer.records.loader import record_from_text
from wegwijzer.records.models import Locatie
from wegwijzer.settings.config import load_site
from wegwijzer.site.pages import render_site
from wegwijzer.tasks.validate import validate_site

TODAY = date(2026, 11, 22)  # the window starts on 23 October 2026
SITE_URL = "https://wegwijzer.teststad.example/"
ATOM = "{http://www.w3.org/2005/Atom}"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BUURTHUIS = """\
id: buurthuis
naam: Geldcafé <Buurthuis> & Co
organisaties: [humanitas]
adres:
  straat: Dorpsstraat
  huisnummer: 3
  postcode: 3512 AB
  plaats: Teststad
laatst_gecontroleerd: 2026-10-01
"""

STIL = """\
id: stil
naam: Stil Loket voor Verwijzers
omschrijving: Alleen voor hulpverleners.
zichtbaarheid: verwijzers
telefoon: "030 999 9999"
fases: [preventie]
laatst_gecontroleerd: 2026-10-01
"""


def git(root: Path, *args: str, day: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    if day is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T10:00:00+01:00"
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit(root: Path, day: str, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, day=day)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make_history(root: Path, days: list[date] | None = None) -> None:
    """The basic example site, then a month of edits: each step on its own (fixed) day."""
    d = [x.isoformat() for x in days] if days else [
        "2026-10-01", "2026-10-20", "2026-11-02", "2026-11-10", "2026-11-15", "2026-11-18",
        "2026-11-19", "2026-11-20",
    ]  # fmt: skip
    data = root / "data"
    git(root, "init", "-q", "-b", "main")
    commit(root, d[0], "Begin")
    edit(data / "organisaties" / "humanitas.yml", "030 123 4567", "030 111 2222")
    commit(root, d[1], "Before the window: not told")
    (data / "locaties" / "buurthuis.yml").write_text(BUURTHUIS, encoding="utf-8")
    bieb = data / "locaties" / "bibliotheek.yml"
    edit(bieb, "organisaties: [humanitas, gemeente]", "organisaties:\n  - humanitas\n  - gemeente")
    commit(root, d[2], "New place; the library only written differently")
    edit(bieb, 'van: "09:30"', 'van: "10:00"')
    edit(data / "organisaties" / "humanitas.yml", "030 111 2222", "030 765 4321")
    commit(root, d[3], "Other hours and phone")
    wijk = data / "locaties" / "wijkcentrum.yml"
    wijk.write_text(
        wijk.read_text(encoding="utf-8")
        + "gesloten:\n  - van: 2026-12-21\n    tot: 2027-01-01\n    reden: Kerst\n",
        encoding="utf-8",
    )
    commit(root, d[4], "Closed at Christmas")
    edit(bieb, 'tot: "12:00"', 'tot: "12:00\n  bad: [')  # a version with an error: skipped
    commit(root, d[5], "Broken for a day")
    edit(bieb, 'tot: "12:00\n  bad: [', 'tot: "12:00"')
    (data / "organisaties" / "stil.yml").write_text(STIL, encoding="utf-8")
    commit(root, d[6], "Repaired; a referrers-only organisation")
    (data / "locaties" / "buurthuis.yml").unlink()
    commit(root, d[7], "The new place stopped again")


@pytest.fixture
def history_site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(EXAMPLES / "basis", root)
    make_history(root)
    return root


def changes_of(root: Path, public: bool = True) -> History:
    site = load_site(root / "mkdocs.yml")
    context = site.config.validation_context(TODAY)
    return recent_changes(site.data_dir, TODAY, context, frozenset(), public=public)


PUBLIC_CHANGES = [
    (date(2026, 11, 20), "locaties/buurthuis/", "Gestopt: Geldcafé <Buurthuis> & Co."),
    (
        date(2026, 11, 15),
        "locaties/wijkcentrum/",
        "Gesloten vanaf 21 december 2026 tot en met 1 januari 2027: Wijkcentrum De Schakel.",
    ),
    (
        date(2026, 11, 10),
        "organisaties/humanitas/",
        "Ander telefoonnummer: Humanitas Teststad, nu 030 765 4321.",
    ),
    (date(2026, 11, 10), "locaties/bibliotheek/", "Andere tijden: Inloop in de bibliotheek."),
    (date(2026, 11, 2), "locaties/buurthuis/", "Nieuw: Geldcafé <Buurthuis> & Co."),
]


def test_changes_are_compared_as_data_newest_first(history_site: Path) -> None:
    """A file written differently is no change, a version with an error is skipped, and a
    change before the 30 days is not told."""
    history = changes_of(history_site)
    assert history.problem is None
    assert history.since == date(2026, 10, 23)
    assert [(c.day, c.url, c.text) for c in history.changes] == PUBLIC_CHANGES


def test_the_referrers_edition_also_tells_of_referrer_only_organisations(
    history_site: Path,
) -> None:
    public = changes_of(history_site).changes
    referrers = changes_of(history_site, public=False).changes
    added = [c for c in referrers if c not in public]
    assert [(c.day, c.text) for c in added] == [
        (date(2026, 11, 19), "Nieuw: Stil Loket voor Verwijzers.")
    ]


def test_a_new_place_that_opens_later_says_when() -> None:
    context = {"vandaag": TODAY, "doelgroepen": {}}
    later = record_from_text(BUURTHUIS + "geldig_vanaf: 2027-02-02\n", Locatie, context)
    (change,) = compare(None, later, date(2026, 11, 2))  # type: ignore[arg-type]
    assert change.text == "Nieuw: Geldcafé <Buurthuis> & Co. Open vanaf 2 februari 2027."


def render(root: Path, history: History, site_url: str | None = SITE_URL) -> dict[str, bytes]:
    site = load_site(root / "mkdocs.yml")
    dataset, _ = validate_site(site, TODAY)
    rendered = render_site(dataset, site.config, TODAY, site_url, changes=history)
    files = {page.path: page.text.encode() for page in rendered.screens}
    return files | {f.path: f.read() for f in rendered.files}


def test_the_page_lists_each_day_newest_first_with_links_to_the_records(
    history_site: Path,
) -> None:
    text = render(history_site, changes_of(history_site))["veranderd.md"].decode()
    front, body = text.split("---\n", 2)[1:]
    assert 'feed: "veranderd.xml"' in front
    page = BeautifulSoup(body, "html.parser")
    assert [h.get_text() for h in page.select("h2")] == [
        "20 november 2026",
        "15 november 2026",
        "10 november 2026",
        "2 november 2026",
    ]
    assert [li.get_text() for li in page.select("li")] == [text for *_, text in PUBLIC_CHANGES]
    links = [(a.get_text(), a["href"]) for a in page.select("li a")]
    assert links == [  # the stopped place has no page any more
        (PUBLIC_CHANGES[1][2], "../locaties/wijkcentrum/"),
        (PUBLIC_CHANGES[2][2], "../organisaties/humanitas/"),
        (PUBLIC_CHANGES[3][2], "../locaties/bibliotheek/"),
    ]
    assert "&lt;Buurthuis&gt; &amp; Co" in body  # escaped, never markup
    assert page.select_one('a[type="application/atom+xml"]')["href"] == "../veranderd.xml"


def test_the_feed_is_atom_with_an_entry_per_change(history_site: Path) -> None:
    feed = ET.fromstring(render(history_site, changes_of(history_site))["veranderd.xml"])
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == SITE_URL + "veranderd.xml"
    assert feed.findtext(f"{ATOM}updated") == "2026-11-20T00:00:00Z"
    assert feed.findtext(f"{ATOM}title") == "Wat is er veranderd? Wegwijzer Teststad"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Wegwijzer Teststad"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": SITE_URL + "veranderd.xml", "alternate": SITE_URL + "veranderd/"}
    entries = feed.findall(f"{ATOM}entry")
    assert [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}updated")) for e in entries] == [
        (text, f"{day.isoformat()}T00:00:00Z") for day, _, text in PUBLIC_CHANGES
    ]
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [  # type: ignore[union-attr]
        SITE_URL + "veranderd/",
        SITE_URL + "locaties/wijkcentrum/",
        SITE_URL + "organisaties/humanitas/",
        SITE_URL + "locaties/bibliotheek/",
        SITE_URL + "veranderd/",
    ]
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    assert all(i and i.startswith("tag:wegwijzer.teststad.example,2026-1") for i in ids)


def test_without_site_url_there_is_a_page_but_no_feed(history_site: Path) -> None:
    files = render(history_site, changes_of(history_site), site_url=None)
    assert "veranderd.xml" not in files
    assert b"atom+xml" not in files["veranderd.md"]


def test_a_site_without_git_history_builds_and_says_so(
    base_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = build_site(base_site, tmp_path / "out")  # strict: the warning is outside its count
    page = BeautifulSoup((out / "veranderd" / "index.html").read_text(), "html.parser")
    text = page.select_one("article").get_text(" ", strip=True)  # type: ignore[union-attr]
    assert "zonder de geschiedenis van de gegevens" in text
    assert not (out / "veranderd.xml").exists()
    assert not page.select('link[type="application/atom+xml"]')
    assert (
        "Geen geschiedenis voor 'Wat is er veranderd?': de map data/ staat niet in een "
        "git-repository." in capsys.readouterr().err
    )


def test_a_shallow_clone_is_no_history(history_site: Path, tmp_path: Path) -> None:
    clone = tmp_path / "kloon"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{history_site}", str(clone))
    history = changes_of(clone)
    assert history.changes == []
    assert history.problem is not None and "fetch-depth: 0" in history.problem


def test_a_repository_without_commits_is_no_history(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(EXAMPLES / "basis", root)
    git(root, "init", "-q")
    assert changes_of(root) == History(date(2026, 10, 23), problem="er zijn nog geen commits")


def test_the_build_links_the_feed_and_the_referrers_edition_seals_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dates relative to the real today: the build reads the clock itself."""
    root = tmp_path / "site"
    shutil.copytree(EXAMPLES / "basis", root)
    config = root / "mkdocs.yml"
    config.write_text(f"site_url: {SITE_URL}\n" + config.read_text(), encoding="utf-8")
    referrers = config.read_text().replace(
        "  - wegwijzer:\n", "  - wegwijzer:\n      editie: verwijzers\n"
    )
    (root / "mkdocs.verwijzers.yml").write_text(referrers, encoding="utf-8")
    now = date.today()
    make_history(root, [now - timedelta(days=n) for n in (60, 50, 9, 8, 7, 6, 5, 4)])
    public = build_site(config, tmp_path / "publiek")
    page = BeautifulSoup((public / "veranderd" / "index.html").read_text(), "html.parser")
    (link,) = page.select('head link[type="application/atom+xml"]')
    assert link["rel"] == ["alternate"] and link["href"] == "../veranderd.xml"
    feed = ET.fromstring((public / "veranderd.xml").read_bytes())
    assert len(feed.findall(f"{ATOM}entry")) == len(PUBLIC_CHANGES)
    assert "Stil Loket" not in (public / "veranderd" / "index.html").read_text()

    monkeypatch.setenv("WEGWIJZER_VERWIJZERS_WACHTWOORD", PASSPHRASE)
    guide = build_site(root / "mkdocs.verwijzers.yml", tmp_path / "verwijzers")
    assert not (guide / "veranderd.xml").exists()  # never in the clear, and never sealed
    raw = (guide / "veranderd" / "index.html").read_text(encoding="utf-8")
    assert "Stil Loket" not in raw
    opened = open_envelope(sealed_text(raw.encode(), "veranderd/index.html")).decode()
    assert "Nieuw: Stil Loket voor Verwijzers." in opened
    assert "atom+xml" not in opened


@pytest.mark.parametrize(
    "workflow",
    [
        Path(__file__).parent.parent / ".github" / "workflows" / "deploy.yml",
        Path(wegwijzer.__file__).parent / "templates/init/github/workflows/deploy.yml",
    ],
    ids=["product", "init"],
)
def test_the_deploy_workflows_fetch_the_whole_history(workflow: Path) -> None:
    steps = YAML(typ="safe").load(workflow.read_text(encoding="utf-8"))["jobs"]["bouwen"]["steps"]
    (checkout,) = [s for s in steps if s.get("name") == "Code ophalen"]
    assert checkout["with"]["fetch-depth"] == 0
