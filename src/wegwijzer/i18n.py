"""The interface's languages: which exist, their catalogs, and the words of the page being made.

Dutch is the source language: every msgid is the Dutch text itself, so a Dutch page needs no
catalog and a string nobody translated yet shows in Dutch rather than not at all. The other
languages are gettext catalogs (`locale/<code>.po` in the package, or a site's own
`vertalingen/<code>.po`, which wins), read with Babel and compiled in memory. Fuzzy entries
(outdated after the Dutch text changed) are left out, so they too show the Dutch text.

Pages are rendered one language at a time: `speaking(language)` sets the language for the
templates' `_()` and for the Python helpers that write text (hours, present), which call
`gettext` below. Outside `speaking`, everything is Dutch (`wegwijzer check`, the exports).
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import as_file, files
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

SOURCE = "nl"
SHIPPED = ("nl", "en", "tr", "ar", "pl", "uk")  # the order of the language switcher
SITE_CATALOGS = "vertalingen"  # a site's own catalogs: vertalingen/<code>.po beside mkdocs.yml
STATUS = re.compile(r"^#\s*Status:\s*(.+?)\s*$", re.M)  # in the catalog's header comment
UNCHECKED = "vertaald, nog niet nagekeken door een moedertaalspreker"
# A catalog whose status starts with this is not finished: sites do not get it by default
# (`default_languages`), and tests/test_catalogs_complete.py holds the mark to the truth.
INCOMPLETE = "onvolledig"
CHECKED = "nagekeken door een moedertaalspreker"


@dataclass(frozen=True)
class Language:
    """One language of the interface."""

    code: str
    catalog: Catalog | None = field(default=None, compare=False, repr=False)
    status: str = ""  # what the catalog says of itself; '' for Dutch
    path: Path | None = field(default=None, compare=False)  # the .po file, for messages

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE

    @property
    def prefix(self) -> str:
        """The language's folder in the site: '' for Dutch, 'en/' for English."""
        return "" if self.is_source else f"{self.code}/"

    @property
    def name(self) -> str:
        """The language's name in its own script: 'English', 'Türkçe', 'العربية'."""
        return own_name(self.code)

    @property
    def rtl(self) -> bool:
        return Locale.parse(self.code).character_order == "right-to-left"

    @property
    def dir(self) -> str:
        return "rtl" if self.rtl else "ltr"

    @functools.cached_property
    def translations(self) -> NullTranslations:
        if self.catalog is None:
            return NullTranslations()
        compiled = io.BytesIO()
        write_mo(compiled, self.catalog, use_fuzzy=False)
        compiled.seek(0)
        return Translations(compiled)


def own_name(code: str) -> str:
    """'English', 'Polski', 'Українська': CLDR's own name, with a capital where it has one."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def known_code(code: str) -> bool:
    """Babel knows the language's name and direction (a site catalog may be named anything)."""
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=path.stem)


def catalog_status(path: Path) -> str:
    found = STATUS.search(path.read_text(encoding="utf-8").split("\nmsgid", 1)[0])
    return found.group(1) if found else UNCHECKED


def default_languages() -> list[str]:
    """The other languages a site gets without `talen`: every shipped catalog that is not
    marked unfinished, in the switcher's order."""
    shipped = package_catalogs()
    return [
        code
        for code in SHIPPED[1:]
        if code in shipped and not catalog_status(shipped[code]).startswith(INCOMPLETE)
    ]


def package_catalogs() -> dict[str, Path]:
    root = files("wegwijzer").joinpath("locale")
    with as_file(root) as folder:
        return {p.stem: p for p in sorted(Path(folder).glob("*.po"))}


def site_catalogs(site_root: Path | None) -> dict[str, Path]:
    if site_root is None or not (site_root / SITE_CATALOGS).is_dir():
        return {}
    return {p.stem: p for p in sorted((site_root / SITE_CATALOGS).glob("*.po"))}


def available(site_root: Path | None = None) -> dict[str, Path]:
    """Every language a site can switch on: the package's catalogs and the site's own."""
    return {**package_catalogs(), **site_catalogs(site_root)}


def load(
    codes: list[str], site_root: Path | None = None, checked: tuple[str, ...] = ()
) -> list[Language]:
    """The site's languages, Dutch first. `checked`: languages a native speaker has checked
    for this site (mkdocs.yml), which overrides what the catalog says of itself."""
    paths = available(site_root)
    languages = [Language(SOURCE)]
    for code in codes:
        if code == SOURCE:
            continue
        path = paths[code]
        status = CHECKED if code in checked else catalog_status(path)
        languages.append(Language(code, read_catalog(path), status, path))
    return languages


DUTCH = Language(SOURCE)
_current: ContextVar[Language] = ContextVar("wegwijzer_language", default=DUTCH)


@contextmanager
def speaking(language: Language) -> Iterator[Language]:
    token = _current.set(language)
    try:
        yield language
    finally:
        _current.reset(token)


def current() -> Language:
    return _current.get()


def switch_to(language: Language) -> None:
    """For mkdocs' own page loop, which renders one page after another: each page sets its
    language before its template is rendered (see the plugin's on_page_context)."""
    _current.set(language)


def dutch_date(value: date) -> str:
    """'3 oktober 2026'; in the page's language on a translated page ('3 October 2026')."""
    return str(format_date(value, "d MMMM y", locale=current().code))


def gettext(message: str) -> str:
    return _current.get().translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.get().translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` as it reads in `context`: the same Dutch word can need different
    translations (an ordinal before a masculine or a feminine weekday)."""
    return str(_current.get().translations.pgettext(context, message))


def N_(message: str) -> str:
    """Marks a Dutch constant for the catalogs; it is translated where it is shown."""
    return message
