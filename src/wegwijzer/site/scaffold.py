"""`wegwijzer init MAP --gemeente NAAM`: a new municipality's site, with only what it owns.

The product (code, tests, the Voorbeeldstad sample) stays in the package; the new folder gets
mkdocs.yml, one clearly marked example record of each kind, the content pages, the GitHub
workflows that check and publish *its* data, Dependabot, mkdocs.verwijzers.yml for the
referrers' edition, and a requirements.in that pins this version of wegwijzer (the town locks it
with hashes into requirements.txt, see the file's header). The result passes `wegwijzer check` at
once and fails `wegwijzer check --publiceren` until every placeholder is filled in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from wegwijzer import __version__
from wegwijzer.records.golive import SAMPLE_MARK
from wegwijzer.records.new_record import new_record_text

TEMPLATE = "templates/init"
# Package data cannot hold dot-folders reliably; these are renamed on the way out.
RENAMED = {"github": ".github", "gitignore": ".gitignore"}
FILLED_IN = {
    "mkdocs.yml",
    "mkdocs.verwijzers.yml",
    "README.md",
    "requirements.in",
    "nieuwe-organisatie.yml",
}
EXAMPLE_ORGANISATION = "voorbeeld-organisatie"
EXAMPLE_LOCATION = "voorbeeld-inloop"


class ScaffoldError(Exception):
    """The folder cannot be made; the message says why in Dutch."""


def init_site(folder: Path, gemeente: str, today: date) -> list[Path]:
    """Write the new site into `folder` (absent or empty); returns the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ScaffoldError(
            f"{folder} bestaat al en is niet leeg. Kies een nieuwe map; er is niets veranderd."
        )
    if not gemeente.strip() or any(char in gemeente for char in '<>"{}\n'):
        raise ScaffoldError('Geef de naam van de gemeente zonder <, >, ", { of }.')
    values = _values(gemeente.strip())
    written = [_write(folder / out, text) for out, text in _template_files(values)]
    written += _examples(folder, values["gemeente"], today)
    return written


def _values(gemeente: str) -> dict[str, str]:
    """What fills the placeholders; the *_yaml ones are quoted for a YAML value."""
    site_name = f"Wegwijzer geldzorgen {gemeente}"
    description = f"Waar vindt u hulp bij geldzorgen in {gemeente}?"
    return {
        "gemeente": gemeente,
        "gemeente_yaml": json.dumps(gemeente, ensure_ascii=False),
        "site_name": json.dumps(site_name, ensure_ascii=False),
        "site_description": json.dumps(description, ensure_ascii=False),
        "loket_naam": json.dumps(f"Schuldhulp Gemeente {gemeente}", ensure_ascii=False),
        "verwijzers_naam": json.dumps(f"Verwijzersgids geldzorgen {gemeente}", ensure_ascii=False),
        "versie": __version__,
    }


def _template_files(values: dict[str, str]) -> Iterator[tuple[Path, str]]:
    root = files("wegwijzer").joinpath(TEMPLATE)
    for relative, source in _walk(root, Path()):
        text = source.read_text(encoding="utf-8")
        if relative.name in FILLED_IN:  # other files hold braces of their own (${{ }})
            for key, value in values.items():
                text = text.replace("{" + key + "}", value)
        parts = [RENAMED.get(part, part) for part in relative.parts]
        yield Path(*parts), text


def _walk(node: Traversable, relative: Path) -> Iterator[tuple[Path, Traversable]]:
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.is_dir():
            yield from _walk(child, relative / child.name)
        elif not child.name.startswith("."):
            yield relative / child.name, child


def _examples(folder: Path, gemeente: str, today: date) -> list[Path]:
    """One example of each kind, marked so `check --publiceren` refuses it until replaced."""
    mark = (
        f"# {SAMPLE_MARK}: een voorbeeld. Vervang het door een echte organisatie of haal het "
        "bestand weg.\n"
    )
    common = {"gemeente": gemeente, "vandaag": today.isoformat()}
    organisation = new_record_text("organisatie", EXAMPLE_ORGANISATION, common)
    location = new_record_text(
        "locatie", EXAMPLE_LOCATION, {**common, "organisatie": EXAMPLE_ORGANISATION}
    )
    data = folder / "data"
    return [
        _write(data / "organisaties" / f"{EXAMPLE_ORGANISATION}.yml", _marked(organisation, mark)),
        _write(data / "locaties" / f"{EXAMPLE_LOCATION}.yml", _marked(location, mark)),
    ]


def _marked(record: str, mark: str) -> str:
    """The mark goes after the schema line, which editors only read as the first line."""
    first, rest = record.split("\n", 1)
    return f"{first}\n{mark}{rest}"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
