"""Keeping the translation catalogs in step with the Dutch texts (`wegwijzer vertalingen`).

The Dutch texts are found where they are written: `_()`, `{% trans %}` and `ngettext` in the
templates and the theme, `_()`/`N_()` in Python, `wwT()` in the scripts. `extract` collects
them; `update` merges them into every catalog (new texts empty, changed texts fuzzy, gone
texts obsolete), the way `pybabel update` does; `problems` says per language what is missing
or outdated, for `wegwijzer check` and the tests.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import as_file, files
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from wegwijzer import i18n

_JINJA = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}
METHODS = [
    ("templates/init/**", "ignore"),  # a new site's own files, not the interface
    ("templates/**.j2", "jinja2"),
    ("theme/**.html", "jinja2"),
    ("assets/js/*.js", "javascript"),
    ("**.py", "python"),
]
OPTIONS = {"templates/**.j2": _JINJA, "theme/**.html": _JINJA}
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "wwT": None}
TEMPLATE = "wegwijzer.pot"


def package_root() -> Path:
    with as_file(files("wegwijzer")) as folder:
        return Path(folder)


def extract(root: Path | None = None) -> Catalog:
    """Every Dutch text of the interface, with where it is used."""
    root = root or package_root()
    catalog = Catalog(project="wegwijzer", locale=None, fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root),
        METHODS,
        OPTIONS,
        KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


@dataclass(frozen=True)
class Problem:
    code: str
    path: Path
    missing: tuple[str, ...]  # texts the catalog has no translation for
    outdated: tuple[str, ...]  # fuzzy: the Dutch text changed since it was translated

    def __str__(self) -> str:
        parts = []
        if self.missing:
            parts.append(f"{len(self.missing)} teksten zijn niet vertaald")
        if self.outdated:
            parts.append(f"{len(self.outdated)} vertalingen zijn verouderd")
        return f"{self.path.name}: {', '.join(parts)} ({i18n.own_name(self.code)})."


def _ids(message_id: str | tuple[str, ...] | list[str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def problems(catalog_paths: dict[str, Path], template: Catalog | None = None) -> list[Problem]:
    """Per catalog: which of the interface's texts it lacks, and which are outdated."""
    template = template or extract()
    wanted = [_ids(m.id) for m in template if m.id]
    found = []
    for code, path in sorted(catalog_paths.items()):
        catalog = i18n.read_catalog(path)
        missing, outdated = [], []
        for text in wanted:
            message = catalog.get(text)
            if (
                message is None
                or not message.string
                or (isinstance(message.string, tuple) and not all(message.string))
            ):
                missing.append(text)
            elif message.fuzzy:
                outdated.append(text)
        if missing or outdated:
            found.append(Problem(code, path, tuple(missing), tuple(outdated)))
    return found


def update(catalog_paths: dict[str, Path], template: Catalog | None = None) -> None:
    """Merge the current texts into each catalog; keep their header comment (the status)."""
    template = template or extract()
    for code, path in catalog_paths.items():
        catalog = i18n.read_catalog(path) if path.exists() else new_catalog(code)
        catalog.update(template, no_fuzzy_matching=False)
        _write(catalog, path)


def new_catalog(code: str) -> Catalog:
    catalog = Catalog(locale=code, project="wegwijzer", fuzzy=False)
    catalog.header_comment = (
        f"# Wegwijzer: de vaste teksten van de site in het {Locale('nl').languages[code]}.\n"
        f"# Status: {i18n.UNCHECKED}"
    )
    catalog.revision_date = datetime.now(UTC)
    return catalog


def write_template(template: Catalog, path: Path) -> None:
    _write(template, path)


def _write(catalog: Catalog, path: Path) -> None:
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=False, omit_header=False, include_previous=True)
    path.write_bytes(out.getvalue())


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)
