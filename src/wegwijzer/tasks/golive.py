"""`wegwijzer check --publiceren`: what a municipality must fill in before the site goes live.

The ordinary check accepts the starter of `wegwijzer init` (its settings, its statement and its
two examples, marked SAMPLE_MARK), so a new site builds from the first minute. Going live is
stricter: every leftover of the starter in the settings, the issue forms and the accessibility
statement, and every marked example, is named with its file and line, all at once.

A placeholder of `wegwijzer nieuw` in an ordinary record ("Naam van de organisatie",
"020 123 4567") is not a go-live matter: that record is not ready, on any day. It is an error
in the ordinary check (record_placeholder_findings, run by validate_site), so the pull-request
check stops it and a lenient deploy leaves that one record out instead of blocking the site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from wegwijzer.records.loader import Dataset, Source, read_yaml, shown_path
from wegwijzer.records.report import Finding
from wegwijzer.settings.config import SiteSettings
from wegwijzer.settings.site_url import site_url_problems

SAMPLE_MARK = "VOORBEELDRECORD"  # the first line of the examples `wegwijzer init` writes
FORM_LEFTOVERS = ("Voorbeeldstad", "uw-organisatie")
# The text of the templates of `wegwijzer nieuw` (templates/organisatie.yml, locatie.yml) that
# stands in for real data. Matched in values only, never in comments.
RECORD_PLACEHOLDERS = (
    "Naam van de organisatie",
    "Naam van de locatie",
    "Wat doet deze organisatie voor mensen met geldzorgen?",
    "Straatnaam",
    "020 123 4567",
    "1234 AB",
)
# Text the templates of `wegwijzer nieuw` and `wegwijzer init` and the sample put in place of
# real data. Matched outside comments, so the explaining comments in a record may stay.
PLACEHOLDERS = ("Voorbeeldstad", *RECORD_PLACEHOLDERS, "uw-organisatie", "voorbeeld.nl")
# Where the templates put them (templates/organisatie.yml, locatie.yml).
_PLACEHOLDER_FIELDS: tuple[tuple[str, ...], ...] = (
    ("naam",),
    ("omschrijving",),
    ("telefoon",),
    ("adres", "straat"),
    ("adres", "postcode"),
)
PLACEHOLDER_HOSTS = ("uw-organisatie.github.io", "example.com", "example.org", "example.net")
# "[Naam van de gemeente]" in the accessibility statement, also wrapped over two lines
# ("[e-mailadres of\ntelefoonnummer]"); a Markdown link "[x](y)" or "[x][y]" is no gap.
_GAP = re.compile(r"\[([^\]\n]+(?:\n[^\]\n]+)*)\](?![(\[:])")
STATEMENT = "toegankelijkheid.md"
STATEMENT_BOX = "Voor de gemeente: vul dit in"  # the starter's note above the statement


def go_live_findings(site: SiteSettings, config_file: Path) -> list[Finding]:
    """Every leftover that must go before the site is published; empty when it may go live."""
    settings = list(_config_findings(site, config_file))
    told = {(f.path, f.line) for f in settings}  # one message per line is enough
    texts = [f for f in _placeholder_findings(site, config_file) if (f.path, f.line) not in told]
    return [*settings, *texts, *_statement_findings(site, config_file)]


def _config_findings(site: SiteSettings, config_file: Path) -> Iterator[Finding]:
    shown = shown_path(config_file, site.root)
    node, _ = read_yaml(config_file, shown)
    source = Source(shown, node)
    options = _wegwijzer_options(node)
    if site.config.voorbeelddata:
        yield source.finding(
            _plugin_path(node, "voorbeelddata"),
            "Haal 'voorbeelddata: true' weg: de site zegt dan dat alle gegevens verzonnen zijn.",
        )
    url = str(node.get("site_url") or "") if isinstance(node, dict) else ""
    if not url:
        yield Finding(
            shown,
            1,
            "site_url",
            "Vul site_url in met het adres van de site, zoals https://www.gemeente.nl/geldzorgen/. "
            "De QR-codes op de flyers en de foutpagina hebben het nodig.",
        )
    else:
        for problem in _site_url_leftovers(url):
            yield source.finding(("site_url",), problem)
    if not site.config.spoed and options is not None:
        yield source.finding(
            _plugin_path(node, "spoed"),
            "Vul onder 'spoed' in wie inwoners meteen bellen bij een huisuitzetting of "
            "afsluiting van gas, water of stroom.",
        )


def _site_url_leftovers(url: str) -> list[str]:
    problems = site_url_problems(url)
    host = (urlsplit(url).hostname or "").lower()
    if host in PLACEHOLDER_HOSTS or host.endswith(".example") or host in ("localhost", "127.0.0.1"):
        problems.append(
            f"'{url}' is een voorbeeldadres. Vul het echte adres van de site in "
            "(bij GitHub Pages: https://<organisatie>.github.io/<repository>/)."
        )
    return problems


def _wegwijzer_options(node: Any) -> Any:
    plugins = node.get("plugins") if isinstance(node, dict) else None
    if isinstance(plugins, dict):
        return plugins.get("wegwijzer")
    for item in plugins or []:
        if isinstance(item, dict) and "wegwijzer" in item:
            return item["wegwijzer"]
    return None


def _plugin_path(node: Any, key: str) -> tuple[str | int, ...]:
    """Where an option of the wegwijzer plugin is, for its line: plugins as mapping or list."""
    plugins = node.get("plugins") if isinstance(node, dict) else None
    if isinstance(plugins, dict):
        return ("plugins", "wegwijzer", key)
    for index, item in enumerate(plugins or []):
        if isinstance(item, dict) and "wegwijzer" in item:
            return ("plugins", index, "wegwijzer", key)
    return ("plugins",)


def record_placeholder_findings(dataset: Dataset) -> Iterator[Finding]:
    """An error on each field of a record that still holds a placeholder of `wegwijzer nieuw`.

    Only the fields the templates fill in are read, from the loaded records: no file is read
    again unless a field matches (15,000 records: a file read each cost 2.4 s). The marked
    examples of `wegwijzer init` are left to `check --publiceren`."""
    for (kind, record_id), source in dataset.sources.items():
        record = getattr(dataset, kind).get(record_id)
        hits = []
        for loc in _PLACEHOLDER_FIELDS:
            value: Any = record
            for part in loc:
                value = getattr(value, part, None)
            if isinstance(value, str) and (found := _placeholder_in(value)) is not None:
                hits.append((loc, found))
        if not hits or (source.file is not None and _marked_example(source.file)):
            continue
        for loc, found in hits:
            yield source.finding(
                loc,
                f"Hier staat nog de voorbeeldtekst '{found}' van 'wegwijzer nieuw'. Vul de "
                "echte gegevens in, of haal het veld weg als het niet nodig is.",
            )


def _marked_example(path: Path) -> bool:
    return SAMPLE_MARK in path.read_text(encoding="utf-8")


def _placeholder_in(text: str) -> str | None:
    flat = " ".join(text.split()).casefold()
    return next((p for p in RECORD_PLACEHOLDERS if p.casefold() in flat), None)


def _placeholder_findings(site: SiteSettings, config_file: Path) -> Iterator[Finding]:
    """Starter text in mkdocs.yml and the issue forms; the marked examples in data/.

    Placeholders in ordinary records are errors of the ordinary check (see the module text)."""
    yield from _placeholders_in(config_file, shown_path(config_file, site.root), PLACEHOLDERS)
    for path in sorted(site.data_dir.rglob("*.yml")):
        if not path.name.startswith(".") and path.name != "geocache.yml" and path.is_file():
            yield from _placeholders_in(path, shown_path(path, site.root), ())
    # the issue forms show example answers on purpose; only the sample town and address stay
    for path in sorted((site.root / ".github").rglob("*.yml")):
        yield from _placeholders_in(path, shown_path(path, site.root), FORM_LEFTOVERS)


def _placeholders_in(path: Path, shown: str, placeholders: tuple[str, ...]) -> Iterator[Finding]:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if SAMPLE_MARK in line:
            yield Finding(
                shown,
                number,
                "",
                "Dit is een voorbeeldrecord. Vervang het door echte gegevens, of haal het "
                "bestand weg.",
            )
            continue
        text = _without_comment(line)
        found = next((p for p in placeholders if p.casefold() in text.casefold()), None)
        if found:
            yield Finding(
                shown,
                number,
                "",
                f"Hier staat nog de voorbeeldtekst '{found}'. Vul de echte gegevens in.",
            )


def _without_comment(line: str) -> str:
    """The line without a YAML comment: a '#' at the start or after a space."""
    if line.lstrip().startswith("#"):
        return ""
    return re.split(r"\s#", line, maxsplit=1)[0]


def _statement_findings(site: SiteSettings, config_file: Path) -> Iterator[Finding]:
    """The accessibility statement is required for government sites; its gaps must be filled."""
    docs = config_file.parent / "docs"
    path = docs / STATEMENT
    shown = shown_path(path, site.root)
    if not path.is_file() or not path.read_text(encoding="utf-8").strip():
        yield Finding(
            shown,
            1,
            "",
            "Er is geen toegankelijkheidsverklaring. Maak er een op "
            "https://www.digitoegankelijk.nl/toegankelijkheidsverklaring en zet die hier.",
        )
        return
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.split("\n"), start=1):
        if STATEMENT_BOX in line:
            yield Finding(
                shown,
                number,
                "",
                f"Haal het blok '{STATEMENT_BOX}' weg als de verklaring is ingevuld: het staat "
                "anders op de site.",
            )
    for gap in _GAP.finditer(text):
        number = text.count("\n", 0, gap.start()) + 1
        yield Finding(shown, number, "", f"Vul '[{' '.join(gap[1].split())}]' in.")
