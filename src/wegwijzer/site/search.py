"""A compact search index of our own, fetched only when the reader starts to search.

Material's search fetches its whole index (2.3 MB gzip at 10,000 locations) on every page load.
This index holds one entry per page (title, URL, the page's distinct words) and a list of
everyday words residents use, so "afsluiting" also finds pages about "afgesloten" energy.
Admin pages (beheer/) and flyers are left out: residents do not look for them.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from typing import Any

INDEX_PATH = "zoeken.json"
MAX_WORDS = 80  # distinct words per page; record pages say what matters first

_SKIP_PREFIXES = ("beheer/", "flyers/")
_BANNERS = re.compile(r'<p class="ww-(?:voorbeeld|verwijzers)">.*?</p>', re.DOTALL)
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.DOTALL | re.I)
_WORD = re.compile(r"[a-zà-ÿ0-9]+", re.I)
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

# Resident's word -> words the records use. Keys and values are lower case. A query word
# also matches words that start with it, so "schuld" already finds "schuldhulp".
_MONEY_TROUBLE = ["schulden", "schuldhulp", "schuldeisers", "rekeningen", "betalen"]
_URGENT = ["spoed", "meteen", "huis", "afgesloten", "deurwaarder"]
_PAPERS = ["brieven", "post", "papieren", "formulieren", "administratie"]
SYNONYMS: dict[str, list[str]] = {
    "afsluiting": ["afgesloten", "afsluiten", "energie", "stroom", "gas", "water", "spoed"],
    "afgesloten": ["afsluiting", "energie", "stroom", "gas", "water", "spoed"],
    "afsluiten": ["afgesloten", "energie", "stroom", "gas", "water", "spoed"],
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

# Help that is a list page (kept out of the index as a list): found through these words.
TOPICS: tuple[tuple[str, str, str], ...] = (
    ("fase/preventie/", "preventie", "geldzaken orde administratie budget rondkomen post"),
    ("fase/aanmelding/", "aanmelding", "aanmelden gemeente schulden schuldhulp schuldeisers"),
    ("fase/traject/", "traject", "schuldhulp maatje schulden traject"),
    ("fase/nazorg/", "nazorg", "nazorg schulden opgelost houden"),
)


def page_words(title: str, content_html: str) -> str:
    """The page's distinct words, title first, at most MAX_WORDS, space separated."""
    text = html.unescape(_TAG.sub(" ", _BANNERS.sub(" ", content_html)))
    seen: dict[str, None] = {}
    for word in _WORD.findall(f"{title} {text}".lower()):
        if len(word) > 2 and word not in _STOP and not word.isdigit():
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


def index_json(entries: Iterable[tuple[str, str, str, str]]) -> str:
    """{"s": synonyms, "d": [[title, url, words, info], ...]} in compact JSON."""
    data = {"s": SYNONYMS, "d": [list(e) for e in entries]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
