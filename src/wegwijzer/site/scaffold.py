"""`wegwijzer init MAP --gemeente NAAM`: a new municipality's site, with only what it owns.

The product (code, tests, the Voorbeeldstad sample) stays in the package; the new folder gets
mkdocs.yml, one clearly marked example record of each kind, the content pages, the GitHub
workflows that check and publish *its* data, Dependabot, mkdocs.verwijzers.yml for the
referrers' edition, and a requirements.in that pins this version of wegwijzer (the town locks it
with hashes into requirements.txt, see the file's header). The result passes `wegwijzer check` at
once and fails `wegwijzer check --publiceren` until every placeholder is filled in.

PRODUCT_OWNED names the files that belong to the product, not to the municipality: the
workflows, the issue forms' questions, the PR template, Dependabot, the beheer pages, the data
format page, the schemas. `wegwijzer bijwerken` (site/update.py) rewrites exactly these to the
installed version and never touches the rest (mkdocs.yml, data/, the town's own docs, the
accessibility statement, overrides/, requirements). One list serves both commands.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from datetime import date
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from wegwijzer import __version__
from wegwijzer.records.new_record import new_record_text
from wegwijzer.tasks.golive import SAMPLE_MARK

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
# Paths in the site (after RENAMED) that the product owns; a trailing "/" owns a whole folder.
# .github/ISSUE_TEMPLATE/config.yml is the town's: it holds the address of its own site.
PRODUCT_OWNED = (
    ".github/workflows/",
    ".github/dependabot.yml",
    ".github/pull_request_template.md",
    ".github/ISSUE_TEMPLATE/alles-klopt.yml",
    ".github/ISSUE_TEMPLATE/er-is-iets-veranderd.yml",
    ".github/ISSUE_TEMPLATE/klopt-niet.yml",
    ".github/ISSUE_TEMPLATE/nieuwe-organisatie.yml",
    "docs/beheer/",
    "docs/gegevens.md",
    "overrides/LEESMIJ.md",
    "schema/",
)
PRODUCT_HEADER = (
    "# Part of wegwijzer: 'wegwijzer bijwerken' replaces this file with the version in\n"
    "# requirements.txt. Change it in wegwijzer itself, not here; local changes are lost.\n"
)
# Characters a name never holds and that would break the YAML, the issue forms or a log line:
# quotes and backslashes (the name goes into double-quoted YAML), braces (template fields),
# angle brackets (Markdown), and every control, format, separator or undecodable character.
_REFUSED = set('<>"{}\\')
_REFUSED_CATEGORIES = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


class ScaffoldError(Exception):
    """The folder cannot be made; the message says why in Dutch."""


def init_site(folder: Path, gemeente: str, today: date) -> list[Path]:
    """Write the new site into `folder` (absent or empty); returns the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ScaffoldError(
            f"{folder} bestaat al en is niet leeg. Kies een nieuwe map; er is niets veranderd."
        )
    rendered = render_templates(gemeente)  # everything is checked before anything is written
    written = [_write(folder / out, text) for out, text in rendered.items()]
    written += _examples(folder, gemeente.strip(), today)
    return written


def gemeente_problem(gemeente: str) -> str | None:
    """Why `gemeente` cannot be a municipality's name, in Dutch; None when it can."""
    if not gemeente.strip():
        return "Geef de naam van de gemeente, zoals --gemeente Zwolle."
    for char in gemeente:
        if char in _REFUSED or unicodedata.category(char) in _REFUSED_CATEGORIES:
            shown = repr(char) if unicodedata.category(char) != "Cs" else "een onleesbaar teken"
            return (
                f"De naam van de gemeente bevat {shown}. Dat teken kan niet in een naam; typ de "
                'naam zonder <, >, ", \\, { of }, zonder regeleinde of stuurteken.'
            )
    return None


def render_templates(gemeente: str) -> dict[Path, str]:
    """Every template file, filled in for `gemeente`, by its path in the site.

    Raises ScaffoldError for a name that cannot be written safely, or (a bug) when a filled-in
    YAML file no longer parses; nothing has been written then."""
    if (problem := gemeente_problem(gemeente)) is not None:
        raise ScaffoldError(f"{problem} Er is niets geschreven.")
    rendered = dict(_template_files(_values(gemeente.strip())))
    parser = YAML(typ="base")  # structure only: tags such as !ENV stay unread
    for path, text in rendered.items():
        if path.suffix == ".yml":
            try:
                parser.load(text)
            except YAMLError:
                raise ScaffoldError(
                    f"Met deze naam wordt {path.as_posix()} geen geldige YAML. Typ de naam "
                    "zonder leestekens aan het begin. Er is niets geschreven."
                ) from None
    return rendered


def product_owned(path: Path) -> bool:
    """Whether the file at `path` (relative to the site) belongs to the product."""
    name = path.as_posix()
    return any(name == p or (p.endswith("/") and name.startswith(p)) for p in PRODUCT_OWNED)


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
        path = Path(*parts)
        if path.suffix == ".yml" and product_owned(path):
            text = PRODUCT_HEADER + text
        yield path, text


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
