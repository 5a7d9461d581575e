"""A compact search index of our own, in pieces, fetched only when the reader starts to search.

Material's search fetches its whole index (2.3 MB gzip at 10,000 locations) on every page load.
Ours is split so that a query fetches only what it needs (issue 16), as Pagefind does:

- `zoeken/index.json`: the everyday words residents use ("afsluiting" also finds pages about
  "afgesloten" energy), the list of word files and the number of pages per block;
- `zoeken/w/<prefix>.json`: for every word that starts with the prefix, the pages it is on
  ("w"), and for the long words inside compounds ("achterstand" in "huurachterstand") the pages
  of those compounds ("i"). A prefix is two letters, longer where a file would grow too big;
- `zoeken/d/<n>.json`: title, URL and address line of pages n*BLOCK to (n+1)*BLOCK - 1, so a
  query fetches only the blocks of the results it shows; `zoeken/d/<taal>/<n>.json` the same
  pages as the pages in that language title them and say their line (issue 27).

One index serves every language: the everyday words of every interface language
(search_words.py) point at the Dutch words the records use, and words are folded the same way
here and in zoeken.js (fold()). What helps now comes first, from data: pages are numbered by
tier (search_tiers(): waiting list, then full, stopped or closed) and urgent words put the
Spoed page first.

Pages are numbered in title order, so results with the same score come from the same blocks.
Page lists are sorted and stored as differences ("delta"), each number being page * 2 plus 1
when the word is in the page's title (a result whose title has the reader's word ranks higher).
Admin pages (beheer/) and flyers are left out: residents do not look for them.
"""

from __future__ import annotations

import html
import json
import re
import secrets
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from wegwijzer.records.loader import Dataset
from wegwijzer.records.models import Locatie
from wegwijzer.site.cards import LONG_CLOSURE_DAYS, all_cards
from wegwijzer.site.search_words import CONCEPTS, URGENT

INDEX_DIR = "zoeken"
INDEX_PATH = f"{INDEX_DIR}/index.json"
MAX_WORDS = 80  # distinct words per page; record pages say what matters first
BLOCK = 200  # pages per block of results: about 5 KB gzip
MAX_SHARD_CHARS = 40_000  # a word file above this is split on one more letter (~12 KB gzip)
MIN_INFIX = 5  # as before: a query word of 5 letters or more also matches inside a compound

_SKIP_PREFIXES = ("beheer/", "flyers/")
_BANNERS = re.compile(
    r'<p class="ww-(?:voorbeeld|verwijzers)">.*?</p>|<div class="ww-voorlezen".*?</div>', re.DOTALL
)
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.DOTALL | re.I)
_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script; zoeken.js: [\p{L}\p{N}]+
# Arabic vowel marks and tatweel, and the dot "İ".lower() leaves: not typed by everyone.
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u0307]")
_ALEF = re.compile("[\u0622\u0623\u0625]")  # آ أ إ -> ا, as most people type it
_STOP = frozenset(
    [
        "aan",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "den",
        "der",
        "des",
        "die",
        "dit",
        "een",
        "en",
        "er",
        "het",
        "hij",
        "hoe",
        "ik",
        "in",
        "is",
        "je",
        "kan",
        "met",
        "mee",
        "naar",
        "niet",
        "nog",
        "of",
        "om",
        "ook",
        "op",
        "staan",
        "staat",
        "te",
        "ten",
        "tot",
        "u",
        "uw",
        "van",
        "voor",
        "wat",
        "wel",
        "wie",
        "zijn",
        "zo",
    ]
)


def fold(text: str) -> str:
    """Lower case as residents type: Turkish ı and İ as i, Arabic without vowel marks and
    with one alef. zoeken.js folds the query the same way (fold())."""
    text = unicodedata.normalize("NFC", text).lower().replace("ı", "i")
    return _ALEF.sub("\u0627", _MARKS.sub("", text))


def words_of(text: str) -> list[str]:
    """The words of a text as the index holds them (three letters or more)."""
    return [word for word in _WORD.findall(fold(text)) if len(word) > 2]


# Resident's word -> words the records use. Keys and values are lower case. A query word
# also matches words that start with it, so "schuld" already finds "schuldhulp".
_MONEY_TROUBLE = ["schulden", "schuldhulp", "schuldeisers", "rekeningen", "betalen"]
_URGENT = ["spoed", "meteen", "huis", "afgesloten", "deurwaarder"]
_PAPERS = ["brieven", "post", "papieren", "formulieren", "administratie"]
_DUTCH: dict[str, list[str]] = {
    # a cut-off comes from unpaid bills: records call them "rekeningen" (issue 27)
    "afsluiting": ["afgesloten", "afsluiten", "energie", "stroom", "gas", "water", "rekeningen"],
    "afgesloten": ["afsluiting", "energie", "stroom", "gas", "water", "rekeningen"],
    "afsluiten": ["afgesloten", "energie", "stroom", "gas", "water", "rekeningen"],
    "energie": ["stroom", "gas", "afgesloten", "rekeningen"],
    "energierekening": ["energie", "stroom", "gas", "rekeningen", "afgesloten"],
    "huurachterstand": ["huur", "uitzetting", *_URGENT, *_MONEY_TROUBLE],
    "achterstand": ["betalingsachterstand", "achterstanden", *_MONEY_TROUBLE],
    "huur": ["huurachterstand", "woning", "huisuitzetting", "huis", *_MONEY_TROUBLE],
    "uithuiszetting": ["uitzetting", "huisuitzetting", *_URGENT],
    "huisuitzetting": ["uitzetting", "uithuiszetting", *_URGENT],
    "uitzetting": ["huisuitzetting", "uithuiszetting", *_URGENT],
    "ontruiming": ["uitzetting", *_URGENT],
    "schuld": ["schulden", "schuldhulp", "schuldhulpverlening", "schuldeisers"],
    "schulden": ["schuldhulp", "schuldhulpverlening", "schuldeisers", "rekeningen"],
    "rood": ["schulden", "bank", "budget", "rekeningen", "rondkomen"],
    "roodstaan": ["schulden", "bank", "budget", "rekeningen", "rondkomen"],
    "geldzorgen": ["schulden", "geld", "budget", "rondkomen"],
    "geld": ["geldzaken", "budget", "rondkomen"],
    "krap": ["rondkomen", "geld", "budget", "voedselbank"],
    "deurwaarder": ["beslag", "incasso", "spoed", *_MONEY_TROUBLE],
    "beslag": ["deurwaarder", "beslagvrije", *_MONEY_TROUBLE],
    "incasso": ["deurwaarder", "incassobureau", "aanmaning", *_MONEY_TROUBLE],
    "incassobureau": ["incasso", "deurwaarder", *_MONEY_TROUBLE],
    "aanmaning": ["aanmaningen", "rekeningen", "brieven", *_MONEY_TROUBLE],
    "boete": ["boetes", "cjib", "belastingdienst", "rekeningen", *_MONEY_TROUBLE],
    "boetes": ["boete", "cjib", "rekeningen", *_MONEY_TROUBLE],
    "cjib": ["boete", "boetes", *_MONEY_TROUBLE],
    "brief": _PAPERS,
    "brieven": _PAPERS,
    "post": _PAPERS,
    "papieren": _PAPERS,
    "formulier": ["formulieren", "formulierenbrigade", *_PAPERS],
    "formulieren": ["formulierenbrigade", *_PAPERS],
    "administratie": ["thuisadministratie", *_PAPERS],
    "digid": ["digitale", "overheid", "internet", "formulieren"],
    "eten": ["voedselbank", "voedsel", "boodschappen"],
    "voedsel": ["voedselbank", "eten", "boodschappen"],
    "toeslag": ["toeslagen", "huurtoeslag", "zorgtoeslag", "belastingdienst"],
    "toeslagen": ["toeslag", "huurtoeslag", "zorgtoeslag", "belastingdienst"],
    "belasting": ["belastingdienst", "toeslagen", "kwijtschelding"],
    "zorgverzekering": ["zorgtoeslag", "rekeningen", *_MONEY_TROUBLE],
    "bewindvoerder": ["bewindvoering", "beschermingsbewind"],
    "budget": ["geld", "budgetwijs", "rondkomen", "geldzaken"],
    "maatje": ["schuldhulpmaatje", "vrijwilliger"],
    "gemeente": ["schuldhulp", "loket", "geldloket"],
}


def _merged() -> dict[str, list[str]]:
    """The Dutch everyday words above and every language's words (search_words.py), folded."""
    merged = {fold(key): [fold(word) for word in words] for key, words in _DUTCH.items()}
    for targets, by_language in CONCEPTS.values():
        for words in by_language.values():
            for word in words:
                key = fold(word)
                alternatives = merged.setdefault(key, [])
                for target in map(fold, targets):
                    if target != key and target not in alternatives:
                        alternatives.append(target)
    return merged


SYNONYMS = _merged()
# Words of the other languages a longer query word may start with ("borçlarım" -> "borç"):
# not the Dutch ones, or "postcode" would look for "brieven" through "post".
STEMS = sorted(
    {
        fold(word)
        for _targets, by_language in CONCEPTS.values()
        for code, words in by_language.items()
        if code != "nl"
        for word in words
        if len(fold(word)) >= 4
    }
)
URGENT_WORDS = sorted({fold(word) for word in URGENT})
URGENT_PAGE = "spoed/"  # what urgent words put first (site/pages.py writes it)

# Help that is a list page (kept out of the index as a list): found through these words.
TOPICS: tuple[tuple[str, str, str], ...] = (
    ("fase/preventie/", "preventie", "geldzaken orde administratie budget rondkomen post"),
    ("fase/aanmelding/", "aanmelding", "aanmelden gemeente schulden schuldhulp schuldeisers"),
    # "schulden" leads to asking for help (aanmelding) and to the help itself, not to the
    # lists for during and after a debt-help programme
    ("fase/traject/", "traject", "schuldhulp maatje traject"),
    ("fase/nazorg/", "nazorg", "nazorg opgelost houden"),
)


def page_words(title: str, content_html: str) -> str:
    """The page's distinct words, title first, at most MAX_WORDS, space separated."""
    text = html.unescape(_TAG.sub(" ", _BANNERS.sub(" ", content_html)))
    seen: dict[str, None] = {}
    for word in words_of(f"{title} {text}"):
        if word not in _STOP and not word.isdigit():
            seen.setdefault(word, None)
            if len(seen) >= MAX_WORDS:
                break
    return " ".join(seen)


def indexed(src_uri: str, meta: dict[str, Any]) -> bool:
    """Pages Material's search skips (lists: `search: {exclude: true}`) and admin pages."""
    search = meta.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return False
    return not src_uri.startswith(_SKIP_PREFIXES)


def topic_entries(labels: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """Index entries for the pages per phase, titled as residents read them."""
    return [(labels[key], url, f"{labels[key].lower()} {words}", "") for url, key, words in TOPICS]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def shard_name(prefix: str) -> str:
    """An ASCII file name for a prefix ('sch', 'é' -> '_e9'); zoeken.js does the same."""
    return "".join(c if c.isascii() else f"_{ord(c):x}" for c in prefix)


def _delta(numbers: Iterable[int]) -> list[int]:
    out, last = [], 0
    for n in sorted(set(numbers)):
        out.append(n - last)
        last = n
    return out


def _split(keys: dict[str, tuple[dict[str, list[int]], dict[str, list[int]]]]) -> None:
    """Split every too-big prefix into prefixes one letter longer, until each file fits."""
    for prefix in sorted(keys):
        words, inner = keys[prefix]
        size = len(_dumps({"w": words, "i": inner}))
        longest = max(map(len, [*words, *inner]), default=0)
        if size <= MAX_SHARD_CHARS or longest <= len(prefix):
            continue
        del keys[prefix]
        children: dict[str, tuple[dict[str, list[int]], dict[str, list[int]]]] = {}
        for part, target in ((words, 0), (inner, 1)):
            for key, pages in part.items():
                child = key[: len(prefix) + 1]  # a key as long as the prefix keeps the prefix
                children.setdefault(child, ({}, {}))[target][key] = pages
        _split(children)
        keys.update(children)


def build_index(
    entries: Iterable[tuple[str, str, str, str]],
    later: Mapping[str, int] | frozenset[str] = frozenset(),
    *,
    opaque: bool = False,
    shown_in: Mapping[str, Mapping[str, tuple[str, str]]] | None = None,
) -> dict[str, str]:
    """Every file of the index: {path under the site: compact JSON}. Entries are
    (title, url, words, info) with words as page_words() gives them. `later` gives a URL's
    tier (see search_tiers(): 1 a waiting list, 2 no new clients, closed or stopped; a set
    means tier 1). Pages are numbered by tier, so zoeken.js ranks help that can start now
    first: "x" in the manifest is how many pages are of tier 1 or 2, "y" how many of tier 2
    (the last ones). "u" holds the urgent words and "sp" the Spoed page's number: an urgent
    query puts that page first.

    `shown_in` gives, per other language, the title and result line of the pages that
    language has ({"en": {"spoed/": ("Urgent? Call now", "")}}): its blocks are written to
    `d/<language>/` ("l" in the manifest lists them), so results read in the page's language.
    Record names stay as they are; a page only the Dutch site has keeps its Dutch line.

    `opaque` (the sealed referrers' guide): word files get random names, listed only in the
    sealed manifest ("f"), so a file name never tells which first letters the guide's words
    have (`qu.json` existed only in the guide)."""
    tiers = dict(later) if isinstance(later, Mapping) else dict.fromkeys(later, 1)
    pages = sorted(entries, key=lambda e: (tiers.get(e[1], 0), e[0].casefold(), e[1]))
    postings: dict[str, list[int]] = {}
    for number, (title, _url, words, _info) in enumerate(pages):
        in_title = set(words_of(title))
        for word in words.split():
            postings.setdefault(word, []).append(number * 2 + (word in in_title))
    known = set(postings) | set(SYNONYMS) | {w for ws in SYNONYMS.values() for w in ws}
    inner: dict[str, list[int]] = {}
    for word, found in postings.items():  # "huurachterstand": also under "achterstand"
        for start in range(1, len(word) - MIN_INFIX + 1):
            if word[start:] in known:
                inner.setdefault(word[start:], []).extend(found)
    keys: dict[str, tuple[dict[str, list[int]], dict[str, list[int]]]] = {}
    for part, target in ((postings, 0), (inner, 1)):
        for key, found in part.items():
            keys.setdefault(key[:2], ({}, {}))[target][key] = _delta(found)
    _split(keys)
    names = {prefix: secrets.token_hex(8) if opaque else shard_name(prefix) for prefix in keys}
    files = {
        f"{INDEX_DIR}/w/{names[prefix]}.json": _dumps({"w": words, "i": inside})
        for prefix, (words, inside) in keys.items()
    }
    for start in range(0, len(pages), BLOCK):
        block = [[title, url, info] for title, url, _words, info in pages[start : start + BLOCK]]
        files[f"{INDEX_DIR}/d/{start // BLOCK}.json"] = _dumps(block)
        for code, shown in sorted((shown_in or {}).items()):
            own = [[*shown.get(url, (title, info)), url] for title, url, info in block]
            translated = [[title, url, info] for title, info, url in own]
            files[f"{INDEX_DIR}/d/{code}/{start // BLOCK}.json"] = _dumps(translated)
    manifest: dict[str, Any] = {"s": SYNONYMS, "st": STEMS, "p": sorted(keys), "b": BLOCK}
    manifest["n"] = len(pages)
    if shown_in:
        manifest["l"] = sorted(shown_in)
    if opaque:
        manifest["f"] = names
    if waiting := sum(1 for page in pages if tiers.get(page[1], 0) > 0):
        manifest["x"] = waiting
    if closed := sum(1 for page in pages if tiers.get(page[1], 0) > 1):
        manifest["y"] = closed
    urls = [page[1] for page in pages]
    if URGENT_PAGE in urls:
        manifest["u"] = URGENT_WORDS
        manifest["sp"] = urls.index(URGENT_PAGE)
    files[INDEX_PATH] = _dumps(manifest)
    return files


def search_tiers(dataset: Dataset, today: date) -> dict[str, int]:
    """Per record page that cannot help right now, how far down search puts it: 1 for a
    waiting list; 2 for no new clients ('vol'), stopped or closed organisations, and places
    closed for longer than LONG_CLOSURE_DAYS from `today` (cards.py). Data, not page text."""
    orgs, locs = all_cards(dataset)
    tiers: dict[str, int] = {}
    for card in (*orgs, *locs):
        if card.status != "actief" or card.wachtlijst == "vol" or card.long_closure(today):
            tiers[card.url] = 2
        elif card.wachtlijst is not None:
            tiers[card.url] = 1
    return tiers


def closed_for_long(location: Locatie, today: date) -> date | None:
    """The last day of the closure `location` is in on `today`, when it lasts more than
    LONG_CLOSURE_DAYS after it (as on its card), for its search line; else None."""
    for closure in location.gesloten:
        first, last = closure.van, closure.tot
        if not (closure.once and first and last and first <= today <= last):
            continue
        if (last - today).days > LONG_CLOSURE_DAYS:
            return last
    return None


def read_index(site_dir: Path) -> list[tuple[str, str, list[str], str]]:
    """The index of a built site as (title, url, words, info) per page, for tests and checks."""
    folder = site_dir / INDEX_DIR
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    words: dict[int, list[str]] = {}
    names = manifest.get("f") or {}
    for prefix in manifest["p"]:
        name = names.get(prefix) or shard_name(prefix)
        shard = json.loads((folder / "w" / f"{name}.json").read_text("utf-8"))
        for word, deltas in shard["w"].items():
            number = 0
            for step in deltas:
                number += step
                words.setdefault(number // 2, []).append(word)
    found = []
    for block in range(0, manifest["n"], manifest["b"]):
        path = folder / "d" / f"{block // manifest['b']}.json"
        for offset, (title, url, info) in enumerate(json.loads(path.read_text("utf-8"))):
            found.append((title, url, words.get(block + offset, []), info))
    return found
