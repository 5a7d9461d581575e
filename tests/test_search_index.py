"""The search index in pieces (issue 16): every piece stays small at a larger synthetic size,
and the pieces hold the same pages and words as the pages themselves."""

from __future__ import annotations

import csv
import gzip
import itertools
import json
import random
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import yaml
from benchmarks.synthetic import make_site

from tests.test_long_closures import built  # noqa: F401  (the sample, one place closed long)
from wegwijzer import i18n
from wegwijzer.records.models import Sluiting
from wegwijzer.settings.config import load_site
from wegwijzer.site.pages import render_site
from wegwijzer.site.search import (
    BLOCK,
    INDEX_PATH,
    MAX_SHARD_CHARS,
    STEMS,
    SYNONYMS,
    URGENT_WORDS,
    build_index,
    closed_for_long,
    fold,
    indexed,
    page_words,
    read_index,
    shard_name,
    words_of,
)
from wegwijzer.site.search_words import CONCEPTS
from wegwijzer.tasks.validate import validate_site

LETTERS = "abcdeéfghijklmnopqrstuvwxyz"


def _entries(pages: int) -> list[tuple[str, str, str, str]]:
    """Record-like pages: shared common words, a Zipf-like tail, a few compounds."""
    rng = random.Random(1)
    common = ["schuldhulp", "gemeente", "geld", "budget", "spreekuur", "openingstijden"]
    vocabulary = [
        "".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 12))) for _ in range(4000)
    ]
    entries = []
    for n in range(pages):
        words = dict.fromkeys(
            [f"plek{n}", "huurachterstand" if n % 7 == 0 else "huur", *common]
            + [vocabulary[int(rng.paretovariate(0.8)) % len(vocabulary)] for _ in range(70)]
        )
        title = f"Plek{n}"
        entries.append((title, f"locaties/plek-{n}/", " ".join(words), f"Straat {n}, Stad"))
    return entries


def test_no_piece_grows_with_the_number_of_pages() -> None:
    files = build_index(_entries(3000))  # about 2,000 locations: pages per location ~1.5
    words = {p: t for p, t in files.items() if "/w/" in p}
    blocks = {p: t for p, t in files.items() if "/d/" in p}
    assert len(words) > 50 and len(blocks) == 3000 // BLOCK
    biggest = max(len(t) for t in words.values())
    assert biggest <= MAX_SHARD_CHARS or all(len(t) <= MAX_SHARD_CHARS * 2 for t in words.values())
    assert max(len(gzip.compress(t.encode())) for t in words.values()) < 20_000
    assert max(len(gzip.compress(t.encode())) for t in blocks.values()) < 8_000
    assert len(gzip.compress(files[INDEX_PATH].encode())) < 6_000
    assert any(len(p) > 2 for p in json.loads(files[INDEX_PATH])["p"])  # split on one more letter


def test_pieces_of_a_synthetic_site_stay_small(tmp_path: Path) -> None:
    """The benchmark's data at 400 locations: the pages' own words, as the plugin indexes them."""
    site = load_site(make_site(tmp_path / "site", 400))
    dataset, _ = validate_site(site)
    entries = []
    for page in render_site(dataset, site.config).pages:
        _, head, body = page.text.split("---\n", 2)
        meta = yaml.safe_load(head)
        if indexed(page.path, meta):
            url = page.path.removesuffix("index.md").removesuffix(".md")
            url = url + "/" if url and not url.endswith("/") else url
            entries.append(
                (meta["title"], url, page_words(meta["title"], body), meta.get("zoekinfo", ""))
            )
    assert len(entries) > 550  # organisations, locations and the fixed pages
    files = build_index(entries)
    sizes = {p: len(gzip.compress(t.encode())) for p, t in files.items()}
    assert max(s for p, s in sizes.items() if "/w/" in p) < 8_000
    assert max(s for p, s in sizes.items() if "/d/" in p) < 8_000
    # one query word's file and one block are a small share of the whole index
    assert max(sizes.values()) * 8 < sum(sizes.values())


def test_the_pieces_hold_every_page_and_word_and_compounds_inside() -> None:
    entries = _entries(600)
    files = build_index(entries)
    manifest = json.loads(files[INDEX_PATH])
    assert manifest["n"] == 600 and manifest["s"] == SYNONYMS
    pages = [json.loads(files[f"zoeken/d/{n}.json"]) for n in range(3)]
    titles = [row[0] for block in pages for row in block]
    assert titles == sorted(titles, key=str.casefold)  # numbered in title order

    def shard(word: str) -> dict[str, dict[str, list[int]]]:
        prefix = max((p for p in manifest["p"] if word.startswith(p)), key=len)
        return json.loads(files[f"zoeken/w/{shard_name(prefix)}.json"])

    def numbers(deltas: list[int]) -> list[int]:
        out, total = [], 0
        for step in deltas:
            total += step
            out.append(total)
        return out

    plek = numbers(shard("plek7")["w"]["plek7"])
    assert len(plek) == 1 and plek[0] % 2 == 1  # in the title
    assert titles[plek[0] // 2] == "Plek7"
    inside = numbers(shard("achterstand")["i"]["achterstand"])  # from "huurachterstand"
    assert len(inside) == len([e for e in entries if "huurachterstand" in e[2]])
    assert all(n % 2 == 0 for n in inside)  # not in the titles


def test_file_names_stay_ascii() -> None:
    assert shard_name("éé") == "_e9_e9" and shard_name("sch") == "sch"


def test_the_referrers_edition_seals_every_piece(referrers_site: Path) -> None:
    pieces = sorted((referrers_site / "zoeken").rglob("*.json"))
    assert len(pieces) > 20
    for path in pieces:
        envelope = json.loads(path.read_text(encoding="utf-8"))
        assert set(envelope) >= {"zout", "nonce", "data"}, path  # opened by slot.js in the tab


# Issue 27: every language, what helps now first, and the search-quality table.

QUALITY = Path(__file__).parent / "search_queries.csv"
LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk")


def test_words_of_every_script_are_folded_as_residents_type_them() -> None:
    assert words_of("BORÇLARIM İstanbul ılık") == ["borçlarim", "istanbul", "ilik"]
    assert words_of("الدُّيُونِ أكل") == ["الديون", "اكل"]  # no vowel marks, one alef
    assert words_of("Długi БОРГИ Schulden") == ["długi", "борги", "schulden"]
    assert words_of("a, 12 of ?!") == []  # fewer than three letters: not indexed
    assert fold("İ") == "i" and fold("ı") == "i"


def test_every_language_has_words_for_every_concept() -> None:
    for concept, (targets, by_language) in CONCEPTS.items():
        assert targets, concept
        assert set(by_language) == set(LANGUAGES), concept
        assert all(by_language[code] for code in LANGUAGES), concept
    for word in ("debt", "borç", "długi", "борги", "ديون", "schulden"):
        assert "schuldhulp" in SYNONYMS[fold(word)], word
    assert "rekeningen" in SYNONYMS["afsluiting"]  # a cut-off finds the help with bills
    assert "borç" in STEMS and "post" not in STEMS  # "postcode" is not about letters
    assert {"deurwaarder", "huurachterstand", "geeneten", "acil", "عاجل"} <= set(URGENT_WORDS)


def test_help_that_cannot_start_now_is_numbered_last_by_tier() -> None:
    entries = [(name, f"organisaties/{name.lower()}/", "schulden", "") for name in "ABCDE"]
    files = build_index(entries, {"organisaties/a/": 2, "organisaties/b/": 1})
    manifest = json.loads(files[INDEX_PATH])
    assert (manifest["x"], manifest["y"]) == (2, 1)
    order = [url for _, url, _ in json.loads(files["zoeken/d/0.json"])]
    assert order[-2:] == ["organisaties/b/", "organisaties/a/"]
    assert "u" not in manifest  # no Spoed page, no urgent words


def test_urgent_words_and_the_spoed_page_are_data_in_the_index() -> None:
    entries = [("Spoed? Bel meteen", "spoed/", "spoed meteen", ""), ("A", "a/", "schulden", "")]
    manifest = json.loads(build_index(entries)[INDEX_PATH])
    order = [url for _, url, _ in json.loads(build_index(entries)["zoeken/d/0.json"])]
    assert order[manifest["sp"]] == "spoed/"
    assert manifest["u"] == URGENT_WORDS


def test_blocks_per_language_show_translated_titles_and_lines() -> None:
    entries = [
        ("Spoed? Bel meteen", "spoed/", "spoed", ""),
        ("Geldcafé", "organisaties/geldcafe/", "schulden", "Bel 033 460 1212"),
        ("Open data", "open-data/", "data", ""),  # only the Dutch site has it
    ]
    shown = {
        "tr": {
            "spoed/": ("Acil mi? Hemen arayın", ""),
            "organisaties/geldcafe/": ("Geldcafé", "033 460 1212 numarasını arayın"),
        }
    }
    files = build_index(entries, shown_in=shown)
    assert json.loads(files[INDEX_PATH])["l"] == ["tr"]
    dutch = json.loads(files["zoeken/d/0.json"])
    turkish = json.loads(files["zoeken/d/tr/0.json"])
    assert [row[1] for row in turkish] == [row[1] for row in dutch]  # the same page numbers
    rows = {row[1]: row for row in turkish}
    assert rows["spoed/"][0] == "Acil mi? Hemen arayın"
    assert rows["organisaties/geldcafe/"] == [
        "Geldcafé",
        "organisaties/geldcafe/",
        "033 460 1212 numarasını arayın",
    ]
    assert rows["open-data/"][0] == "Open data"


def quality_rows() -> list[dict[str, str]]:
    with QUALITY.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if not row["taal"].startswith("#")]


def test_the_quality_table_covers_every_language() -> None:
    rows = quality_rows()
    for code in LANGUAGES:
        mine = [row for row in rows if row["taal"] == code]
        assert any(row["eerste"] == "spoed/" for row in mine), code  # an urgent query
        assert any(row["eerste"] and row["eerste"] != "spoed/" for row in mine), code
        assert any(not row["eerste"] for row in mine), code  # gibberish: the message


def test_the_index_holds_what_the_quality_table_expects(sample_site: Path) -> None:
    """What the index returns for each query of the table (the order is the browser test's):
    urgent queries are marked urgent and Spoed is in the index; every expected first hit holds
    the query's word or one of its everyday words; gibberish matches no page at all."""
    manifest = json.loads((sample_site / "zoeken" / "index.json").read_text(encoding="utf-8"))
    pages = read_index(sample_site)
    urls = [url or "./" for _, url, _, _ in pages]
    words_on = {url or "./": set(words) for _, url, words, _ in pages}
    synonyms: dict[str, list[str]] = manifest["s"]

    def alternatives(word: str) -> list[str]:
        if word in synonyms:
            return [word, *synonyms[word]]
        keys = [k for k in manifest["st"] if word.startswith(k)]
        return [word, *synonyms[max(keys, key=len)]] if keys else [word]

    def holds(url: str, word: str) -> bool:
        return any(
            w.startswith(a) or (len(a) >= 5 and a in w)
            for a in alternatives(word)
            for w in words_on[url]
        )

    for row in quality_rows():
        query = words_of(row["zoekvraag"])
        glued = [a + b for a, b in itertools.pairwise(query)]
        expected = [e for e in row["eerste"].split("|") if e]
        if expected == ["spoed/"]:
            urgent = any(
                w == u or (len(u) >= 5 and w.startswith(u))
                for w in query + glued
                for u in manifest["u"]
            )
            assert urgent and urls[manifest["sp"]] == "spoed/", row
        elif expected:
            assert any(holds(url, word) for url in expected for word in query + glued), row
        else:
            assert not any(holds(url, word) for url in urls for word in query), row


def test_result_lines_are_true_to_the_record_in_every_language(sample_site: Path) -> None:
    """No walk-in claim for a bewindvoerder seen by appointment only; stopped and closed help
    says so first; the lines and the interface pages' titles in the page's language."""

    def lines(folder: str) -> dict[str, tuple[str, str]]:
        rows = json.loads((sample_site / "zoeken" / "d" / folder / "0.json").read_text("utf-8"))
        return {url: (title, line) for title, url, line in rows}

    dutch, arabic = lines(""), lines("ar")
    kooistra = dutch["organisaties/bewindvoering-kooistra/"][1]
    assert kooistra == "Neemt nu geen nieuwe cliënten aan. Bel 033 460 2550"  # wachtlijst: vol
    assert dutch["organisaties/stichting-budgetwijs-buurdorp/"][1].startswith("Gestopt. ")
    closed = dutch["locaties/geldcafe-buurthuis-de-brug/"][1]
    assert closed.startswith("Gesloten tot nader bericht. ")
    assert "binnen te lopen" not in dutch["organisaties/geldcafe-de-brug/"][1]  # closed now
    assert "4 plekken om binnen te lopen" in dutch["organisaties/welzijn-voorbeeldstad/"][1]
    assert set(arabic) == set(dutch)
    assert arabic["spoed/"][0] == "عاجل؟ اتصل فورًا" and dutch["spoed/"][0] == "Spoed? Bel meteen"
    # record names stay as they are; their lines are in Arabic
    assert (
        arabic["organisaties/welzijn-voorbeeldstad/"][0]
        == "Welzijn Voorbeeldstad, Werkplaats Geldzaken"
    )
    assert arabic["organisaties/welzijn-voorbeeldstad/"][1].startswith("اتصل على 033 460 6060")
    assert arabic["open-data/"] == dutch["open-data/"]  # only the Dutch site has it
    manifest = json.loads((sample_site / "zoeken" / "index.json").read_text(encoding="utf-8"))
    assert manifest["l"] == ["ar", "en", "pl", "tr", "uk"]


def test_a_place_closed_for_long_says_until_when_in_its_search_line(
    built: Path,  # noqa: F811  (the fixture imported above)
) -> None:
    """The sample with the Palm closed from three days ago for 40 days (test_long_closures)."""
    rows = json.loads((built / "zoeken" / "d" / "0.json").read_text(encoding="utf-8"))
    lines = {url: line for _title, url, line in rows}
    last = date.today() + timedelta(days=40)
    with i18n.speaking(i18n.DUTCH):
        day = i18n.dutch_date(last)
    palm = lines["locaties/inloop-caribisch-netwerk-de-palm/"]
    assert palm.startswith(f"Gesloten tot en met {day}. Palmstraat 14"), palm
    assert not lines["locaties/huiskamer-buurdorp/"].startswith("Gesloten")  # opens in 5 days
    manifest = json.loads((built / "zoeken" / "index.json").read_text(encoding="utf-8"))
    order = [url for _title, url, _line in rows]
    assert (
        order.index("locaties/inloop-caribisch-netwerk-de-palm/") >= manifest["n"] - manifest["y"]
    )
    ukrainian = json.loads((built / "zoeken" / "d" / "uk" / "0.json").read_text(encoding="utf-8"))
    line = {url: line for _title, url, line in ukrainian}[
        "locaties/inloop-caribisch-netwerk-de-palm/"
    ]
    assert not line.startswith("Gesloten") and str(last.year) in line


def test_closed_for_long_counts_from_today_like_the_cards() -> None:
    today = date(2026, 11, 24)
    place = SimpleNamespace(
        gesloten=[Sluiting(van=date(2026, 10, 1), tot=date(2027, 1, 31), reden="Verbouwing")]
    )
    assert closed_for_long(place, today) == date(2027, 1, 31)  # type: ignore[arg-type]
    assert closed_for_long(place, date(2027, 1, 20)) is None  # type: ignore[arg-type]
    forever = SimpleNamespace(gesloten=[Sluiting.model_validate({})])  # "voorlopig gesloten"
    assert closed_for_long(forever, today) == date.max  # type: ignore[arg-type]
