"""Issue 16: what a phone loads stays bounded when a site has many locations.

One synthetic site of a few hundred locations (benchmarks/synthetic.py, real Dutch places),
rendered once without mkdocs; the sizes asserted are the budgets scaled to that set.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from datetime import date
from pathlib import Path

import pytest
from benchmarks.synthetic import make_site
from bs4 import BeautifulSoup

from wegwijzer.records.loader import Dataset
from wegwijzer.settings.config import load_site
from wegwijzer.site import listing, printing
from wegwijzer.site.cards import all_cards
from wegwijzer.site.pages import SitePages, render_site
from wegwijzer.tasks.validate import validate_site

TODAY = date(2026, 11, 15)
LOCATIONS = 300


@functools.cache
def synthetic(folder: Path) -> tuple[Dataset, SitePages]:
    site = load_site(make_site(folder, LOCATIONS))
    dataset, _ = validate_site(site, today=TODAY)
    return dataset, render_site(dataset, site.config, today=TODAY)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dataset, SitePages]:
    return synthetic(tmp_path_factory.mktemp("groot"))


def pages_under(site: SitePages, folder: str) -> dict[str, str]:
    return {p.path: p.text for p in site.pages if p.path.startswith(folder)}


def test_a_big_print_page_is_split_by_place_and_every_part_fits(big: tuple) -> None:  # type: ignore[type-arg]
    dataset, site = big
    printed = pages_under(site, "afdrukken")
    assert len(printed) > 2  # an index and parts
    assert all(len(text) <= printing.LIMIT for text in printed.values())
    index = BeautifulSoup(printed["afdrukken.md"], "html.parser")
    links = {a["href"] for a in index.select("a[data-ww-print-link]")}
    parts = {p for p in printed if p != "afdrukken.md"}
    assert {f"../{p.removesuffix('.md')}/" for p in parts} == links
    # every location of an active organisation is on exactly one part, in its own place
    listed: dict[str, str] = {}
    for path in parts:
        soup = BeautifulSoup(printed[path], "html.parser")
        for loc in soup.select(".ww-print-loc strong"):
            listed.setdefault(loc.get_text(), path)
    active = [o for o in dataset.organisaties.values() if o.status != "gestopt"]
    wanted = {loc.naam for o in active for loc in dataset.locations_by_org.get(o.id, ())}
    assert wanted <= set(listed)


def test_one_place_too_big_for_one_page_is_paged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printing, "LIMIT", 12_000)
    _, site = synthetic.__wrapped__(tmp_path)
    printed = pages_under(site, "afdrukken")
    paged = [p for p in printed if re.fullmatch(r"afdrukken/[^/]+/\d+\.md", p)]
    assert paged, sorted(printed)
    over = {p: len(t) for p, t in printed.items() if len(t) > 12_000}
    # only a page holding one organisation may be longer: it cannot be split further
    assert all(printed[p].count('class="ww-print-org"') <= 4 for p in over), over  # 4 phases
    assert "deel 2 van" in printed[paged[0]]


def test_a_small_site_keeps_one_print_page(sample_site: Path) -> None:
    assert (sample_site / "afdrukken" / "index.html").is_file()
    assert not list((sample_site / "afdrukken").glob("*/index.html"))


def _files(site: SitePages) -> dict[str, bytes]:
    return {f.path: f.read() for f in site.files if f.path.startswith(("overzicht/", "kaart/"))}


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def test_the_first_filter_fetches_a_small_index_and_a_few_blocks(big: tuple) -> None:  # type: ignore[type-arg]
    """At 10,000 locations (15,000 cards) a query may fetch 150 KB: the index with 8 bytes
    gzip a card plus 20 blocks (the cards shown) of at most 2 KB each stays under that."""
    dataset, site = big
    files = _files(site)
    index = json.loads(files[listing.FILTER_JSON])
    cards = len(dataset.organisaties) + len(dataset.locaties)
    assert len(index["k"]) == cards
    assert _gz(files[listing.FILTER_JSON]) <= 8 * cards
    blocks = {p: b for p, b in files.items() if p.startswith("overzicht/kaartjes/")}
    assert len(blocks) == -(-cards // listing.BLOCK)
    assert max(_gz(b) for b in blocks.values()) <= 2048
    # nothing of a card's text is in the index: only facets, points and numbers
    some = next(iter(dataset.organisaties.values()))
    assert some.naam not in files[listing.FILTER_JSON].decode()


def test_a_place_takes_the_facets_of_its_organisations(big: tuple) -> None:  # type: ignore[type-arg]
    """The index writes facets once, on the organisations; the browser gives each place the
    union of the organisations that list it. That must equal the place card's own facets."""
    dataset, site = big
    index = json.loads(_files(site)[listing.FILTER_JSON])
    orgs, locs = all_cards(dataset)
    cards = listing.places_first(orgs, locs)
    places = len(index["p"]) // 2
    derived: dict[int, set[str]] = {i: set() for i in range(places)}
    for j, numbers in enumerate(index["q"]):
        phases = {v for b, v in enumerate(index["fv"]) if index["f"][j] >> b & 1}
        assert phases == set(cards[places + j].fases)
        for n in numbers:
            derived[n] |= phases
    assert all(derived[i] == set(cards[i].fases) for i in range(places))
    walk_in = {i for i, letter in enumerate(index["k"]) if letter == "L"}
    assert walk_in == {i for i in range(places) if cards[i].zonder_afspraak}


def test_nu_open_fetches_only_the_hours_of_today(big: tuple) -> None:  # type: ignore[type-arg]
    _, site = big
    files = _files(site)
    days = [json.loads(files[listing.HOURS_JSON.format(day)]) for day in range(1, 8)]
    for day, hours in enumerate(days, 1):
        assert all(day in h["dagen"] for data in hours.values() for h in data["spreekuren"])
    blocks = [json.loads(b)["u"] for p, b in files.items() if p.startswith("overzicht/kaartjes/")]
    every = {k: v for block in blocks for k, v in block.items()}
    for number, data in every.items():  # each weekly hour is on each of its days' files
        for hour in data["spreekuren"]:
            assert all(hour in days[d - 1][number]["spreekuren"] for d in hour["dagen"])
    weekly = sum(len(files[listing.HOURS_JSON.format(d)]) for d in range(1, 8)) / 7
    assert weekly < 0.6 * len(json.dumps(every))


def test_the_analysis_names_a_cells_organisations_only_when_they_are_few(big: tuple) -> None:  # type: ignore[type-arg]
    """At 10,000 locations naming every organisation in every cell made aanbod/ 27 MB."""
    from wegwijzer.outputs import coverage

    _, site = big
    page = BeautifulSoup(pages_under(site, "aanbod")["aanbod.md"], "html.parser")
    cells = page.select("td details")
    counts = [int(cell.select_one("summary").get_text().split()[0]) for cell in cells]
    assert max(counts) > coverage.NAMES_IN_CELL  # the set is big enough to test this
    for cell, count in zip(cells, counts, strict=True):
        named = len(cell.select("li"))
        assert named == (count if count <= coverage.NAMES_IN_CELL else 0), count
        assert (count > coverage.NAMES_IN_CELL) == ("staan in de CSV" in cell.get_text())
