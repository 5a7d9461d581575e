"""The search index in pieces (issue 16): every piece stays small at a larger synthetic size,
and the pieces hold the same pages and words as the pages themselves."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import yaml
from benchmarks.synthetic import make_site

from wegwijzer.settings.config import load_site
from wegwijzer.site.pages import render_site
from wegwijzer.site.search import (
    BLOCK,
    INDEX_PATH,
    MAX_SHARD_CHARS,
    SYNONYMS,
    build_index,
    indexed,
    page_words,
    shard_name,
)
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
