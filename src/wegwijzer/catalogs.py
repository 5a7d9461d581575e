"""Keeping the translation catalogs in step with the Dutch texts (`wegwijzer vertalingen`).

The Dutch texts are found where they are written: `_()`, `{% trans %}` and `ngettext` in the
templates and the theme, `_()`/`N_()` in Python, `wwT()` in the scripts. `extract` collects
them; `update` merges them into every catalog (new texts empty, changed texts fuzzy, gone
texts obsolete), the way `pybabel update` does; `problems` says per language what is missing
or outdated, for `wegwijzer check` and the tests.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import as_file, files
from pathlib import Path

from babel import Locale, UnknownLocaleError
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
    if (root / "records" / "vocab.py").is_file():  # the package itself, not a test's copy
        for name, text in vocabulary_labels():
            catalog.add(text, None, [(f"records/vocab.py:{name}", 0)])
        for day, ordinal in weekday_ordinals():
            catalog.add(
                ordinal,
                None,
                [("records/hours.py:WEEKS_OF_MONTH", 0)],
                auto_comments=[ORDINAL_NOTE % {"dag": day}],
                context=day,
            )
    return catalog


ORDINAL_NOTE = (
    "The ordinal as it stands before '%(dag)s' in 'Alleen de %%(weken)s %(dag)s van de maand.' "
    "(several are joined: '1e en 3e'). Make it agree with the day in that sentence."
)


def weekday_ordinals() -> list[tuple[str, str]]:
    """(weekday, ordinal) for every weekday: the ordinals are translated per day (msgctxt),
    so they can agree with a gendered day name (records/hours.py, ONLY_WEEKS)."""
    from wegwijzer.records import vocab
    from wegwijzer.records.hours import WEEKS_OF_MONTH

    return [(day, ordinal) for day in vocab.DAGEN.values() for ordinal in WEEKS_OF_MONTH.values()]


# The vocabulary's labels a resident sees (vocab.py): translated where they are shown
# (`| vertaald` in the templates, wwT() in the scripts). OUDE_DOELGROEPEN only maps old keys.
VOCABULARIES = (
    "FASES_INWONERS",
    "ROLLEN_INWONERS",
    "ACTIVITEITEN_INWONERS",
    "FASES",
    "ROLLEN",
    "ACTIVITEITEN",
    "SOORTEN",
    "DOELGROEPEN",
    "LEVENSBESCHOUWINGEN",
    "STATUSSEN",
    "DAGEN",
    "WEKEN",
)


def vocabulary_labels() -> list[tuple[str, str]]:
    from wegwijzer.records import vocab

    return [(name, str(label)) for name in VOCABULARIES for label in getattr(vocab, name).values()]


@dataclass(frozen=True)
class Problem:
    code: str
    path: Path
    missing: tuple[str, ...]  # texts the catalog has no translation for
    outdated: tuple[str, ...]  # fuzzy: the Dutch text changed since it was translated

    def __str__(self) -> str:
        return f"{self.path.name}: {self.counts()} ({i18n.own_name(self.code)})."

    def counts(self) -> str:
        """'12 teksten zijn niet vertaald, 1 vertaling is verouderd'."""
        parts = []
        if self.missing:
            n = len(self.missing)
            parts.append(f"{n} {'tekst is' if n == 1 else 'teksten zijn'} niet vertaald")
        if self.outdated:
            n = len(self.outdated)
            parts.append(f"{n} {'vertaling is' if n == 1 else 'vertalingen zijn'} verouderd")
        return ", ".join(parts)


def _ids(message_id: str | tuple[str, ...] | list[str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def problems(catalog_paths: dict[str, Path], template: Catalog | None = None) -> list[Problem]:
    """Per catalog: which of the interface's texts it lacks, and which are outdated."""
    template = template or extract()
    wanted = [(_ids(m.id), m.context) for m in template if m.id]
    found = []
    for code, path in sorted(catalog_paths.items()):
        catalog = i18n.read_catalog(path)
        missing, outdated = [], []
        for text, context in wanted:
            message = catalog.get(text, context=context)
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
        f"# Wegwijzer: de vaste teksten van de site in het {language_name(code)}.\n"
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


# ---- `wegwijzer vertalingen` and `wegwijzer check` ------------------------------------------


@functools.cache
def current_texts() -> Catalog:
    """The package's texts, extracted once per process (about 0.3 s): `check` and the
    status lines of `vertalingen` share it."""
    return extract()


def is_checkout(root: Path) -> bool:
    """The package as a developer has it (src/wegwijzer beside pyproject.toml), not installed."""
    return root.parent.name == "src" and (root.parent.parent / "pyproject.toml").is_file()


class CatalogError(Exception):
    """A request `wegwijzer vertalingen` cannot do; the message says why, in Dutch."""


def language_name(code: str) -> str:
    """The language's Dutch name, 'Somalisch'; an error for a code no one knows."""
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise CatalogError(f"'{code}' is geen taalcode. Gebruik een code zoals so, fa of ti.")
    if code == i18n.SOURCE:
        raise CatalogError("Nederlands is de taal waarin de teksten geschreven zijn.")
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        raise CatalogError(f"De taalcode '{code}' kennen we niet. Kijk of hij goed is.") from None
    return str(Locale("nl").languages.get(code, code))


def start_site_catalog(site_root: Path, code: str, template: Catalog) -> Path:
    """vertalingen/<code>.po for a new language; from the package's translation if it has one,
    so a municipality can also improve a language the package ships."""
    language_name(code)
    path = site_root / i18n.SITE_CATALOGS / f"{code}.po"
    if path.exists():
        raise CatalogError(
            f"{i18n.SITE_CATALOGS}/{code}.po bestaat al. "
            "Werk hem bij met 'wegwijzer vertalingen', zonder --nieuw."
        )
    shipped = i18n.package_catalogs().get(code)
    catalog = i18n.read_catalog(shipped) if shipped else new_catalog(code)
    catalog.update(template, no_fuzzy_matching=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(catalog, path)
    return path


def status_lines(
    catalog_paths: dict[str, Path],
    template: Catalog,
    *,
    shown: dict[str, str],
    checked: tuple[str, ...] = (),
    on_site: tuple[str, ...] | None = None,
) -> list[str]:
    """Per language, in plain Dutch: which file, what the translation says of itself, and how
    many texts are missing or outdated. `shown`: how to name each file."""
    found = {problem.code: problem for problem in problems(catalog_paths, template)}
    lines = []
    for code, path in sorted(catalog_paths.items()):
        status = i18n.CHECKED if code in checked else i18n.catalog_status(path)
        problem = found.get(code)
        counts = f"{problem.counts()}." if problem else "alles is vertaald."
        line = f"{code} ({language_name(code)}), {shown[code]}: {status}; {counts}"
        if on_site is not None and code not in on_site:
            line += f" Nog niet op de site: zet {code} bij talen in mkdocs.yml."
        lines.append(line)
    return lines


def update_package(root: Path) -> list[Path]:
    """Developer mode: write locale/wegwijzer.pot and merge it into the package's catalogs."""
    if not is_checkout(root):
        raise CatalogError(
            "--pakket werkt alleen in een checkout van wegwijzer (src/wegwijzer naast "
            "pyproject.toml), niet in een geïnstalleerd pakket."
        )
    template = extract(root)
    folder = root / "locale"
    write_template(template, folder / TEMPLATE)
    catalogs = {p.stem: p for p in sorted(folder.glob("*.po"))}
    update(catalogs, template)
    return [folder / TEMPLATE, *catalogs.values()]
