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

# Resident's word -> words the records use. Keys and values are lower case.
SYNONYMS: dict[str, list[str]] = {
    "afsluiting": ["afgesloten", "afsluiten", "energie", "stroom", "gas", "water"],
    "afgesloten": ["afsluiting", "energie", "stroom", "gas", "water"],
    "huurachterstand": ["huur", "achterstand", "betalingsachterstand", "uitzetting", "schulden"],
    "achterstand": ["betalingsachterstand", "schulden", "schuld", "achterstanden"],
    "huur": ["huurachterstand", "woning", "huisuitzetting"],
    "schuld": ["schulden", "schuldhulp", "schuldhulpverlening"],
    "rood": ["schulden", "bank", "budget"],
    "geldzorgen": ["schulden", "geld", "budget"],
    "deurwaarder": ["schulden", "beslag", "incasso"],
    "incasso": ["schulden", "deurwaarder"],
    "uitzetting": ["huisuitzetting", "huur", "woning"],
    "formulier": ["formulieren", "formulierenbrigade", "papieren", "post"],
    "post": ["brieven", "papieren", "administratie", "formulieren"],
    "eten": ["voedselbank", "voedsel", "boodschappen"],
    "toeslag": ["toeslagen", "huurtoeslag", "zorgtoeslag", "belastingdienst"],
    "bewindvoerder": ["bewindvoering", "beschermingsbewind"],
}


def page_words(title: str, content_html: str) -> str:
    """The page's distinct words, title first, at most MAX_WORDS, space separated."""
    text = html.unescape(_TAG.sub(" ", content_html))
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


def index_json(entries: Iterable[tuple[str, str, str]]) -> str:
    """{"s": synonyms, "d": [[title, url, words], ...]} in compact JSON."""
    data = {"s": SYNONYMS, "d": [list(e) for e in entries]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
