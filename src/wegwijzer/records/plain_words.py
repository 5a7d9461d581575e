"""Plain words (issue 30): tips for record text that residents read, when it is above B1.

Four signals that a volunteer can understand and act on, each a tip and never an error (not
even with `check --strict`: a long word is sometimes the right word):
- an official word from data/b1-woorden.csv, with its plain alternative;
- a sentence of more than MAX_SENTENCE_WORDS words (B1 guidance says 15 to 20);
- a word of more than MAX_WORD_LETTERS letters, unless it starts with a capital (a name) or is
  a word residents meet anyway (COMMON_LONG_WORDS: "schuldhulpverlening");
- for a longer text, a low Douma score, the Dutch version of Flesch reading ease (Douma 1960):
      leesgemak = 206.84 - 0.77 * (syllables per 100 words) - 0.93 * (words per sentence)
  counted with vowel groups as syllables (an estimate, good enough for a hint).
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from importlib import resources

from wegwijzer.records.loader import Dataset, Source
from wegwijzer.records.models import Locatie, Organisatie
from wegwijzer.records.report import Finding, Level

MAX_SENTENCE_WORDS = 20
MAX_WORD_LETTERS = 15
MIN_DOUMA = 50  # below this a text counts as hard (60-70 is ordinary, plain text)
MIN_DOUMA_WORDS = 30  # a score over fewer words says little
# Long words residents meet on every letter and form, or that name the help itself: they
# know them or search for them, so a shorter word would help nobody.
COMMON_LONG_WORDS = frozenset(
    {
        "identiteitsbewijs",
        "gemeentebelasting",
        "gemeentebelastingen",
        "studiefinanciering",
        "verblijfsdocument",
        "verblijfsvergunning",
        "kennismakingsgesprek",
        "verenigingsgebouw",
        "bijstandsuitkering",
        "schuldhulpverlening",
        "schuldhulpverlener",
        "schuldhulpverleners",
        "beschermingsbewind",
        "kinderopvangtoeslag",
        "belastingaangifte",
        "belastingdienst",
        "inkomensondersteuning",
        "ervaringsdeskundige",
        "ervaringsdeskundigen",
        "vrijwilligersorganisatie",
    }
)
# The fields a resident reads, as free text (names, addresses and ids are not text to judge;
# `verwijzen` is written for professionals).
ORGANISATION_FIELDS: tuple[str, ...] = (
    "omschrijving",
    "telefoon_toelichting",
    "aanmelden",
    "kosten",
    "voorwaarden",
    "reactietijd",
    "meenemen",
    "melding",
)
LOCATION_FIELDS = ("omschrijving", "telefoon_toelichting", "bereikbaarheid")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_VOWELS = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+", re.I)
_LINK = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+", re.I)


def plain_word_findings(dataset: Dataset) -> Iterator[Finding]:
    """Tips for every resident-facing text field of every record."""
    for record in dataset.records():
        source = dataset.source(record)
        for loc, text in _texts(record):
            yield from text_findings(source, loc, text)


def text_findings(source: Source, loc: tuple[str | int, ...], text: str) -> Iterator[Finding]:
    """The tips for one text, each naming the file, the line and the field."""
    for message in text_tips(text):
        yield source.finding(loc, message, Level.ADVICE)


def text_tips(text: str) -> list[str]:
    """What could be plainer in `text`, in Dutch, one message per kind."""
    if "@" in text or "://" in text or "www." in text:
        text = _LINK.sub(" ", text)
    sentences = [_WORD.findall(s) for s in _SENTENCE_END.split(text.strip())]
    sentences = [words for words in sentences if words]  # each sentence as its words
    tips = [_official_words(sentences), _long_sentences(sentences), _long_words(sentences)]
    tips.append(_hard_text(sentences))
    return [tip for tip in tips if tip]


def douma(sentences: list[str]) -> float:
    """Douma's reading ease of the sentences: higher is easier (see the module docstring)."""
    return _douma([_WORD.findall(s) for s in sentences])


def _douma(sentences: list[list[str]]) -> float:
    words = [w for s in sentences for w in s]
    syllables = sum(max(1, len(_VOWELS.findall(w))) for w in words)
    per_100_words = 100 * syllables / len(words)
    per_sentence = len(words) / len(sentences)
    return 206.84 - 0.77 * per_100_words - 0.93 * per_sentence


@functools.cache
def official_words() -> dict[str, str]:
    """data/b1-woorden.csv: official word or phrase (lower case) -> its plain alternative."""
    text = resources.files("wegwijzer").joinpath("data/b1-woorden.csv").read_text("utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    rows = csv.DictReader(lines, delimiter=";")
    return {row["woord"].strip().lower(): row["alternatief"].strip() for row in rows}


@functools.cache
def _by_first_word() -> dict[str, list[tuple[str, ...]]]:
    """First word -> the list's phrases that start with it, as words, the longest first."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for entry in sorted(official_words(), key=lambda e: -len(e.split())):
        words = tuple(entry.split())
        found.setdefault(words[0], []).append(words)
    return found


def _official_words(sentences: list[list[str]]) -> str:
    """Whole words and phrases of the list, the longest first ('aanvraag indienen', not
    'indienen'): one dictionary lookup per word, no regular expression per entry."""
    starts, table = _by_first_word(), official_words()
    found: dict[str, None] = {}
    for words in sentences:
        lowered = [w.lower() for w in words]
        index = 0
        while index < len(lowered):
            step = 1
            for phrase in starts.get(lowered[index], ()):
                if tuple(lowered[index : index + len(phrase)]) == phrase:
                    found[" ".join(phrase)] = None
                    step = len(phrase)
                    break
            index += step
    tips = ", ".join(f"'{word}' → '{table[word]}'" for word in found)
    return f"Schrijf eenvoudiger: {tips}." if tips else ""


def _long_sentences(sentences: list[list[str]]) -> str:
    long = [len(words) for words in sentences if len(words) > MAX_SENTENCE_WORDS]
    if not long:
        return ""
    counted = " en ".join(str(n) for n in long) + " woorden"
    which = "Een zin heeft" if len(long) == 1 else f"{len(long)} zinnen hebben"
    return (
        f"{which} {counted}. Maak er kortere zinnen van: hoogstens {MAX_SENTENCE_WORDS} "
        "woorden leest makkelijker."
    )


def _long_words(sentences: list[list[str]]) -> str:
    found: dict[str, None] = {}
    for words in sentences:
        for index, word in enumerate(words):
            if len(word) <= MAX_WORD_LETTERS:
                continue
            name = word[0].isupper() and (index > 0 or word[1:].lower() != word[1:])
            if not name and not _common(word):
                found[word] = None
    if not found:
        return ""
    listed = ", ".join(f"'{w}'" for w in found)
    return f"Lang woord: {listed}. Kies een korter woord, of leg het uit."


def _common(word: str) -> bool:
    """A word of COMMON_LONG_WORDS, also as a plural ('-s', '-en')."""
    lowered = word.lower()
    return any(form in COMMON_LONG_WORDS for form in (lowered, lowered[:-1], lowered[:-2]))


def _hard_text(sentences: list[list[str]]) -> str:
    if sum(len(words) for words in sentences) < MIN_DOUMA_WORDS:
        return ""
    score = _douma(sentences)
    if score >= MIN_DOUMA:
        return ""
    return (
        f"Deze tekst is moeilijk te lezen (leesgemak {score:.0f} volgens de formule van Douma; "
        f"{MIN_DOUMA} of meer is beter). Kortere zinnen en kortere woorden helpen."
    )


def _texts(record: Organisatie | Locatie) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(place in the file, text) for each free-text value a resident reads."""
    if isinstance(record, Organisatie):
        if record.zichtbaarheid == "verwijzers":
            return  # only the referrers' guide shows it
        names = ORGANISATION_FIELDS
    else:
        names = LOCATION_FIELDS
    for name in names:
        value = getattr(record, name)
        if isinstance(value, str):
            yield (name,), value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield (name, index), item
