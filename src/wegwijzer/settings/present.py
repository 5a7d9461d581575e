"""How values look to a resident: Dutch dates and language names, phone and link targets.

Every function returns plain text or a URL; templates escape them (Jinja2 autoescape), and
only https:, http:, tel: and mailto: URLs are ever made here.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import phonenumbers
from babel import Locale
from markupsafe import Markup

from wegwijzer import i18n
from wegwijzer.records.fields import language_names, parse_phone
from wegwijzer.records.models import LANDELIJK, Locatie, Point

SAFE_SCHEMES = ("https", "http", "tel", "mailto")


def json_for_script(value: Any) -> Markup:
    """JSON that is safe inside <script type="application/json">: no '</' can end the tag,
    and U+2028/U+2029 cannot break older JavaScript parsers."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def area_name(area: str) -> str:
    """'landelijk' reads as 'Heel Nederland'; a municipality as written."""
    return "Heel Nederland" if area == LANDELIJK else area


def checklist(value: list[str] | str | None) -> list[str]:
    """'Wat neemt u mee?' as a list, whether the record has a list or one text."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


@functools.cache
def _names_in(code: str) -> dict[str, str]:
    """Language code -> its name in language `code`, with a capital (a list item, an option)."""
    names = Locale.parse(code).languages
    return {str(k): str(v)[:1].upper() + str(v)[1:] for k, v in names.items() if v}


def language_name(code: str) -> str:
    """'tr' -> 'Turks' on a Dutch page, 'Turkish' on an English one; the Dutch name when
    CLDR has none in the reader's language, and the code itself when it has no Dutch name."""
    reader = i18n.current()
    dutch = language_names().get(code, code)
    if reader.is_source:
        return dutch
    return _names_in(reader.code).get(code, dutch)


def by_language_name(codes: Iterable[str], eigen_eerst: bool = False) -> list[str]:
    """Language codes in the order of their names in the reader's language: 'Arabisch, Engels,
    Turks'. `eigen_eerst`: the reader's own language first (the language filter), on a
    translated page; on a Dutch page Dutch keeps its place among the others."""
    ordered = sorted(codes, key=lambda code: language_name(code).casefold())
    reader = i18n.current()
    if eigen_eerst and not reader.is_source and reader.code in ordered:
        ordered.remove(reader.code)
        ordered.insert(0, reader.code)
    return ordered


def translated(label: str) -> str:
    """A vocabulary label (marked with N_ in records/vocab.py) in the page's language, as
    plain text for the template to escape."""
    return i18n.gettext(label)


@functools.lru_cache(maxsize=65536)  # a number is shown on many pages; parsing is slow
def phone_display(number: str) -> str:
    """The number as Dutch people write it: '020 123 4567', '06 12345678', '14 020'."""
    parsed = parse_phone(number)
    if parsed.country_code != 31:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def whatsapp_url(number: str) -> str:
    """WhatsApp's click-to-chat link: https://wa.me/<digits of the international number>."""
    e164 = phonenumbers.format_number(parse_phone(number), phonenumbers.PhoneNumberFormat.E164)
    return "https://wa.me/" + e164.lstrip("+")


def mailto(address: str, subject: str | None = None, body: str | None = None) -> str:
    """A mailto: link; subject and body percent-encoded (RFC 6068: spaces as %20, CRLF)."""
    fields = {"subject": subject, "body": body.replace("\n", "\r\n") if body else None}
    filled = {k: v for k, v in fields.items() if v}
    query = f"?{urlencode(filled, quote_via=quote)}" if filled else ""
    return f"mailto:{quote(address, safe='@')}{query}"


OTHER_CHOICE = "Iets anders"


def report_choices(record: Any) -> list[str]:
    """What a record page shows that a resident may find wrong (issue 29): the choices in
    'Klopt er iets niet?', so the upkeep task says what was wrong. Dutch: the editor reads it."""
    choices = []
    if getattr(record, "adres", None) is not None:
        choices.append("Adres")
    if getattr(record, "spreekuren", None) or getattr(record, "bijeenkomsten", None):
        choices.append("Openingstijden of spreekuren")
    if getattr(record, "gesloten", None):
        choices.append("Gesloten of weer open")
    if getattr(record, "telefoon", None) or getattr(record, "whatsapp", None):
        choices.append("Telefoonnummer")
    if getattr(record, "email", None) or getattr(record, "website", None):
        choices.append("E-mailadres of website")
    return [*choices, OTHER_CHOICE]


def record_key(record: Any) -> str | None:
    """'locaties/<id>' or 'organisaties/<id>': the record a report is about."""
    if record is None:
        return None
    kind = "locaties" if hasattr(record, "adres") else "organisaties"
    return f"{kind}/{record.id}"


def report_mail(address: str, title: str, page_url: str | None = None, record: Any = None) -> str:
    """'Klopt er iets niet?' as an e-mail that names the page, so nobody has to explain where;
    on a record page also the record and what it shows, to tick."""
    body = "Wat klopt er niet?\n\n\n"
    if record is not None:
        ticks = "\n".join(f"[ ] {choice}" for choice in report_choices(record))
        body = (
            f"Wat klopt er niet? Zet een x tussen de haken.\n{ticks}\n\n"
            "Wat is het goede antwoord?\n\n\n"
        )
    if page_url:
        body += f"Het gaat om deze pagina: {title}\n{page_url}\n"
    if record is not None:
        body += f"Record: {record_key(record)}\n"
    return mailto(address, f"Klopt er iets niet? {title}", body)


def route_url(location: Locatie, point: Point | None) -> str:
    """A route link that opens the phone's maps app with the destination filled in and the
    start left to the phone (Google's cross-platform Maps URL, as the map's popups use; see
    assets/js/kaart.js for why not geo: or OpenStreetMap). To the pin when known, else to the
    address. Only the destination, a public address, is in the link."""
    pin = f"{point.lat:.5f},{point.lon:.5f}" if point is not None else None
    target = pin or location.adres.one_line()
    return "https://www.google.com/maps/dir/?" + urlencode({"api": "1", "destination": target})


def report_url(target: str, title: str, page_url: str | None = None, record: Any = None) -> str:
    """'Klopt er iets niet?': an e-mail with a subject, or the repository's issue form, with
    the page and (on a record page) the record filled in; the form offers the choices."""
    if "@" in target and not target.startswith(("http://", "https://")):
        return report_mail(target, title, page_url, record)
    if "/issues/new" in target:
        glue = "&" if "?" in target else "?"
        fields = {"title": f"Klopt er iets niet? {title}"}
        if record is not None:
            fields["pagina"] = f"{title} {page_url}" if page_url else title
            fields["record"] = record_key(record) or ""
        return target + glue + urlencode(fields, quote_via=quote)
    return target


def safe_href(url: str) -> str:
    """Only the four schemes the site may link to; anything else becomes a harmless '#'."""
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in SAFE_SCHEMES else "#"


def left_to_right(value: object) -> Markup:
    """A number, postcode, time or date that must read left to right inside right-to-left
    text: wrapped in <bdi dir="ltr"> on a right-to-left page, as it is on the others."""
    text = Markup.escape(value)
    if not i18n.current().rtl:
        return text
    return Markup('<bdi dir="ltr">{}</bdi>').format(text)


def count_text(number: int, one: str, many: str) -> str:
    """'1 organisatie', '3 organisaties'."""
    return f"{number} {one if number == 1 else many}"


# The starter site's Spoed texts (templates/init/mkdocs.yml). A site that keeps them gets them
# in the page's language; a site's own wording stays as written, marked Dutch.
STARTER_TEXTS = frozenset(
    (
        i18n.N_("U moet binnenkort uit uw huis."),
        i18n.N_("Bel meteen. Wacht niet tot de deurwaarder komt."),
        i18n.N_("Uw gas, water of stroom wordt afgesloten."),
    )
)


# The translation status the Talen page shows per language (i18n.UNCHECKED and i18n.CHECKED),
# marked here so the catalogs have them (issue 27: the only interface text left in Dutch there).
STATUS_TEXTS = (
    i18n.N_("vertaald, nog niet nagekeken door een moedertaalspreker"),
    i18n.N_("nagekeken door een moedertaalspreker"),
)


def setting_text(value: object) -> object:
    """A text from the site's settings: translated if it is a starter text, else as written."""
    text = value.strip() if isinstance(value, str) else None
    if text in STARTER_TEXTS:
        translated = i18n.gettext(text)
        if translated != text or i18n.current().is_source:
            return translated
    return as_written(value)


def as_written(value: object) -> object:
    """Text as a record or the site's settings give it, in Dutch: on a page in another
    language it says so (`lang="nl"`, WCAG 3.1.2), so a screen reader reads it with a Dutch
    voice and an Arabic page keeps its words in Dutch order. Dutch pages: unchanged."""
    language = i18n.current()
    if value is None or value == "":
        return value
    if language.is_source:  # escaped here too: mkdocs' theme templates do not autoescape
        return Markup.escape(value)
    return Markup('<span lang="nl" dir="ltr">{}</span>').format(value)
