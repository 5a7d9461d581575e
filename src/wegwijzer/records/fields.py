"""Field types shared by the record models: vocabulary terms, phones, e-mail, links, times.

Each type checks one thing and fails with a Dutch message through `user_error`, so that the
message table in `messages.py` can pass it on unchanged.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlsplit

import email_validator
import phonenumbers
from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from wegwijzer.records import vocab

USER_ERROR = "wegwijzer"

# Control characters, non-characters and direction overrides: invisible, they garble HTML,
# vCard and CSV, or show text in another order than it was typed (U+202E). Refused in the raw
# file (loader.py) and in every text value, where a YAML escape such as "\x7f" could bring them.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)


def visible_text(value: Any) -> Any:
    """Refuse an invisible character anywhere in a text value (also inside lists)."""
    texts = value if isinstance(value, list) else [value]
    for text in texts:
        if isinstance(text, str) and (match := INVISIBLE.search(text)):
            raise user_error(
                f"Er staat een onzichtbaar teken (U+{ord(match[0]):04X}) in de tekst. Haal het weg."
            )
    return value


def user_error(message: str, field: str | None = None) -> PydanticCustomError:
    """A validation error whose Dutch message is shown as is; `field` names a sub-field."""
    context: dict[str, Any] = {"bericht": message}
    if field is not None:
        context["veld"] = field
    return PydanticCustomError(USER_ERROR, "{bericht}", context)


def suggestion(value: str, options: Any) -> str:
    """' Bedoelde u 'x'?' for the closest option, or '' when nothing is close."""
    close = difflib.get_close_matches(value, [str(o) for o in options], n=1, cutoff=0.6)
    return f" Bedoelde u '{close[0]}'?" if close else ""


@dataclass(frozen=True, eq=False)  # hashed by identity: a vocabulary is not hashable
class Term:
    """Annotated metadata: the string must be a key of `vocabulary` (an enum in the schema)."""

    vocabulary: Mapping[str, str]
    description: str

    def check(self, value: str) -> str:
        if value not in self.vocabulary:
            hint = suggestion(value, self.vocabulary) or f" Kies uit: {', '.join(self.vocabulary)}."
            raise user_error(f"'{value}' is geen geldige waarde.{hint}")
        return value

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "enum": list(self.vocabulary), "description": self.description}


def _check_target_group(value: str, info: ValidationInfo) -> str:
    groups = (info.context or {}).get("doelgroepen", vocab.DOELGROEPEN)
    if value not in groups and value in vocab.OUDE_DOELGROEPEN:
        raise user_error(vocab.OUDE_DOELGROEPEN[value])
    if value not in groups:
        hint = suggestion(value, groups) or " Een eigen doelgroep zet u in mkdocs.yml."
        raise user_error(f"'{value}' is geen bekende doelgroep.{hint}")
    return value


Doelgroep = Annotated[
    str,
    AfterValidator(_check_target_group),
    WithJsonSchema(
        {"type": "string", "enum": list(vocab.DOELGROEPEN), "description": "Voor wie de hulp is."}
    ),
]


def parse_phone(value: str) -> phonenumbers.PhoneNumber:
    """Parse a Dutch (or international) number; raises NumberParseException when it is none."""
    return phonenumbers.parse(value, "NL")


@functools.lru_cache(maxsize=65536)
def tel_uri(value: str) -> str:
    """The `tel:` link for a validated number, in E.164 so every phone dials it."""
    number = parse_phone(value)
    if is_national_only(value):  # 14 020, 14 0251: dialled as written, only inside NL
        return "tel:" + str(number.national_number)
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def is_national_only(value: str) -> bool:
    """Municipal 14-numbers (14 plus the area code without 0: 14 020, 14 0251) and other
    short numbers work only inside the Netherlands, so they never get +31."""
    number = parse_phone(value)
    digits = str(number.national_number)
    return number.country_code == 31 and (len(digits) <= 5 or bool(_FOURTEEN.match(digits)))


_FOURTEEN = re.compile(r"^14\d{2,4}$")


def is_paid_line(value: str) -> bool:
    """0900 and similar numbers cost the caller extra: worth a warning for people in debt."""
    kind = phonenumbers.number_type(parse_phone(value))
    return bool(kind == phonenumbers.PhoneNumberType.PREMIUM_RATE)


def _reject_number(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        raise user_error(
            "Zet het telefoonnummer tussen aanhalingstekens, bijvoorbeeld '020 123 4567'. "
            "Anders valt de eerste 0 weg."
        )
    return value


def _check_phone(value: str) -> str:
    value = value.strip()
    try:
        valid = phonenumbers.is_valid_number(parse_phone(value))
    except phonenumbers.NumberParseException:
        valid = False
    if not valid:
        raise user_error(f"'{value}' is geen geldig telefoonnummer.")
    return value


Telefoon = Annotated[
    str,
    BeforeValidator(_reject_number),
    AfterValidator(_check_phone),
    WithJsonSchema(
        {"type": "string", "description": "Telefoonnummer, bijvoorbeeld '020 123 4567'."}
    ),
]


def _check_email(value: str) -> str:
    try:
        result = email_validator.validate_email(value.strip(), check_deliverability=False)
    except email_validator.EmailNotValidError:
        raise user_error(f"'{value}' is geen geldig e-mailadres.") from None
    return str(result.normalized)


Email = Annotated[
    str,
    AfterValidator(_check_email),
    WithJsonSchema({"type": "string", "format": "email", "description": "E-mailadres."}),
]


def _check_url(value: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        if _looks_like_host(value):
            raise user_error(
                f"'{value}' mist het begin van het webadres. Bedoelde u 'https://{value}'?"
            )
        raise user_error(f"'{value}' is geen webadres. Begin met https://.")
    if "." not in parts.netloc or any(c.isspace() for c in value):
        raise user_error(f"'{value}' is geen geldig webadres.")
    if "@" in parts.netloc or "\\" in value:  # browsers and urllib disagree on the host
        raise user_error(
            f"'{value}' is geen geldig webadres: een @ of \\ erin kan de bezoeker naar een "
            "andere site sturen."
        )
    return value


def _looks_like_host(value: str) -> bool:
    """'www.geldfit.nl' or 'voedselbank.nl/delft': a web address typed without https://."""
    return bool(re.match(r"^[\w-]+(\.[\w-]+)*\.[a-z]{2,}(/\S*)?$", value, re.IGNORECASE))


Url = Annotated[
    str,
    AfterValidator(_check_url),
    WithJsonSchema(
        {"type": "string", "format": "uri", "pattern": "^https?://", "description": "Webadres."}
    ),
]

# Dutch ways to write a time: 09:30, 9.30, 14.00 uur, 9 uur, 9u30, 9. The minutes are optional.
_TIME = re.compile(r"^([01]?\d|2[0-3])(?:[:.u]([0-5]\d))?\s*(?:uur|u)?$")


def _time_from_number(value: Any) -> Any:
    """YAML reads 14.00 and 9.30 as numbers and 9 as a whole number: take them as times.

    Larger whole numbers (900) are refused: 9:00 or 90 minutes is a guess.
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        if 0 <= value <= 23:
            return f"{value}:00"
        raise user_error("Schrijf de tijd als '09:30', tussen aanhalingstekens.")
    if isinstance(value, float):
        return f"{value:.2f}"
    return value


def _check_time(value: str) -> str:
    """Normalise to HH:MM, the one form the site, the exports and the browser use."""
    match = _TIME.match(value.strip().lower())
    if not match:
        raise user_error(f"'{value}' is geen geldige tijd. Schrijf bijvoorbeeld 09:30.")
    return f"{int(match[1]):02d}:{match[2] or '00'}"


Tijd = Annotated[
    str,
    BeforeValidator(_time_from_number),
    AfterValidator(_check_time),
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "string",
                    "pattern": "^([01]?[0-9]|2[0-3])([:.u][0-5][0-9])? ?(uur|u)?$",
                },
                {"type": "number", "minimum": 0, "maximum": 23.59},
            ],
            "description": "Tijd, bijvoorbeeld 09:30, 9.30 of 14.00 uur.",
            "examples": ["09:30"],
        }
    ),
]


def reject_non_date(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise user_error(f"'{value}' is geen datum. Schrijf de datum als 2025-03-31.")
    return value


def _not_in_future(value: date, info: ValidationInfo) -> date:
    today = (info.context or {}).get("vandaag") or date.today()
    if value > today:
        raise user_error(f"De datum {value.isoformat()} ligt in de toekomst.")
    return value


Datum = Annotated[date, BeforeValidator(reject_non_date)]
ControleDatum = Annotated[date, BeforeValidator(reject_non_date), AfterValidator(_not_in_future)]

_YES = {"ja": True, "nee": False}


def _dutch_bool(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in _YES:
        return _YES[value.strip().lower()]
    if not isinstance(value, bool):
        raise user_error(f"'{value}' is geen ja of nee. Schrijf true of false.")
    return value


JaNee = Annotated[bool, BeforeValidator(_dutch_bool), WithJsonSchema({"type": "boolean"})]

# What people type when they do not know the address yet. Refused: a placeholder on the site
# sends a resident to nowhere, while an honest building-and-place entry tells them to ask.
_PLACEHOLDERS = frozenset(
    [
        "onbekend",
        "adres onbekend",
        "nog onbekend",
        "nog niet bekend",
        "volgt",
        "nader te bepalen",
        "ntb",
        "n.t.b.",
        "nvt",
        "n.v.t.",
        "n.v.t",
        "geen",
        "leeg",
        "test",
        "todo",
        "tbd",
        "tba",
        "x",
        "xx",
        "xxx",
        "?",
        "??",
        "???",
        "-",
        "--",
        "...",
        "straat",
        "plaats",
        "adres",
    ]
)
_PLACEHOLDER_POSTCODES = frozenset({"9999 ZZ", "9999 XX", "9999 XZ", "1111 XX"})


def _not_placeholder(value: Any) -> Any:
    if isinstance(value, str) and value.strip().casefold() in _PLACEHOLDERS:
        raise user_error(
            f"'{value.strip()}' is geen adres. Weet u het adres niet? Vul dan het gebouw en de "
            "plaats in, bijvoorbeeld gebouw: Bibliotheek Keizerslanden en plaats: Deventer."
        )
    return value


_LINE_BREAK = re.compile("[\n\r]")


def one_line(value: Any) -> Any:
    """A name or an address line is one line: an Enter there is a mistake (pasted from a
    letter), and a line starting with '::' would be a command in a CI log. (U+2028 and
    U+2029 are left to the text rules; every log line shows them as ' ⏎ ', see report.py.)"""
    if isinstance(value, str) and _LINE_BREAK.search(value.strip()):
        raise user_error("Schrijf dit op één regel, zonder Enter (regelovergang) erin.")
    return value


Plek = Annotated[
    str, BeforeValidator(_not_placeholder), AfterValidator(one_line), Field(min_length=1)
]

_POSTCODE = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$")


def _check_postcode(value: Any) -> str:
    match = _POSTCODE.match(str(value))
    if not match or match[2].upper() in {"SA", "SD", "SS"}:
        _not_placeholder(value)
        raise user_error(f"'{value}' is geen geldige postcode. Schrijf bijvoorbeeld 1234 AB.")
    postcode = f"{match[1]} {match[2].upper()}"
    if postcode in _PLACEHOLDER_POSTCODES:
        raise user_error(
            f"{postcode} is geen echte postcode. Weet u de postcode niet? Laat het veld dan weg."
        )
    return postcode


Postcode = Annotated[
    str,
    BeforeValidator(_check_postcode),
    WithJsonSchema(
        {"type": "string", "pattern": "^[1-9][0-9]{3} ?[A-Za-z]{2}$", "examples": ["1234 AB"]}
    ),
]

_HOUSE_NUMBER = re.compile(r"^[1-9]\d{0,4}(\s*[-/ ]?\s*[A-Za-z0-9]{1,6}|\s+bis)?$", re.IGNORECASE)


def _check_house_number(value: Any) -> str:
    text = str(value).strip() if not isinstance(value, bool) else ""
    if not _HOUSE_NUMBER.match(text):
        raise user_error(f"'{value}' is geen geldig huisnummer. Schrijf bijvoorbeeld 12 of 12-A.")
    return text


Huisnummer = Annotated[
    str,
    BeforeValidator(_check_house_number),
    WithJsonSchema({"type": ["string", "integer"], "examples": ["12", "12-A", "3 bis"]}),
]


@functools.cache
def language_names() -> dict[str, str]:
    """Language code -> Dutch name, for every tag of two or three letters that CLDR (through
    Babel) names in Dutch: ISO 639-1 (nl, ar) and ISO 639-3 where there is no two-letter code
    (pap Papiaments, zgh Tamazight, rif Riffijns, ary Marokkaans Arabisch, srn Sranantongo)."""
    from babel import Locale

    names = Locale("nl").languages
    return {
        str(code): str(name)
        for code, name in names.items()
        if re.fullmatch(r"[a-z]{2,3}", str(code)) and not is_pseudo_language(str(code))
    }


# ISO 639 codes that name no language a helper speaks: undetermined, no linguistic content,
# several, uncoded, Klingon, and the range qaa-qtz kept for local use.
PSEUDO_LANGUAGES = frozenset({"und", "zxx", "mul", "mis", "tlh"})


def is_pseudo_language(code: str) -> bool:
    return code in PSEUDO_LANGUAGES or ("qaa" <= code <= "qtz" and len(code) == 3)


def _check_language(value: str) -> str:
    code = value.strip().lower()
    names = language_names()
    if is_pseudo_language(code):
        raise user_error(
            f"'{value}' is geen taal die mensen hier spreken. Gebruik een code zoals nl, en, ar "
            "of pap."
        )
    if code not in names:
        by_name = {name.casefold(): c for c, name in names.items()}
        hint = f" Voor {value} is de code '{by_name[code]}'." if code in by_name else ""
        raise user_error(
            f"'{value}' is geen taalcode.{hint or ' Gebruik een code zoals nl, en, ar of pap.'}"
        )
    return code


Taal = Annotated[
    str,
    AfterValidator(_check_language),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^[a-z]{2,3}$",
            "description": "Taalcode (ISO 639), bijvoorbeeld nl, en, tr, ar, pap (Papiaments).",
        }
    ),
]
