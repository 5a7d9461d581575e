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
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from wegwijzer import vocab

USER_ERROR = "wegwijzer"


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


@dataclass(frozen=True)
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
    if len(str(number.national_number)) <= 5:  # short numbers such as 14 020 dial as written
        return "tel:" + re.sub(r"\D", "", value)
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


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
        raise user_error(f"'{value}' is geen webadres. Begin met https://.")
    if "." not in parts.netloc or any(c.isspace() for c in value):
        raise user_error(f"'{value}' is geen geldig webadres.")
    if "@" in parts.netloc or "\\" in value:  # browsers and urllib disagree on the host
        raise user_error(
            f"'{value}' is geen geldig webadres: een @ of \\ erin kan de bezoeker naar een "
            "andere site sturen."
        )
    return value


Url = Annotated[
    str,
    AfterValidator(_check_url),
    WithJsonSchema(
        {"type": "string", "format": "uri", "pattern": "^https?://", "description": "Webadres."}
    ),
]

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _reject_sexagesimal(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        raise user_error("Schrijf de tijd als '09:30', tussen aanhalingstekens.")
    return value


def _check_time(value: str) -> str:
    match = _TIME.match(value.strip())
    if not match:
        raise user_error(f"'{value}' is geen geldige tijd. Schrijf bijvoorbeeld 09:30.")
    return f"{int(match[1]):02d}:{match[2]}"


Tijd = Annotated[
    str,
    BeforeValidator(_reject_sexagesimal),
    AfterValidator(_check_time),
    WithJsonSchema(
        {"type": "string", "pattern": "^([01]?[0-9]|2[0-3]):[0-5][0-9]$", "examples": ["09:30"]}
    ),
]


def _reject_non_date(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise user_error(f"'{value}' is geen datum. Schrijf de datum als 2025-03-31.")
    return value


def _not_in_future(value: date, info: ValidationInfo) -> date:
    today = (info.context or {}).get("vandaag") or date.today()
    if value > today:
        raise user_error(f"De datum {value.isoformat()} ligt in de toekomst.")
    return value


Datum = Annotated[date, BeforeValidator(_reject_non_date)]
ControleDatum = Annotated[date, BeforeValidator(_reject_non_date), AfterValidator(_not_in_future)]

_YES = {"ja": True, "nee": False}


def _dutch_bool(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in _YES:
        return _YES[value.strip().lower()]
    if not isinstance(value, bool):
        raise user_error(f"'{value}' is geen ja of nee. Schrijf true of false.")
    return value


JaNee = Annotated[bool, BeforeValidator(_dutch_bool), WithJsonSchema({"type": "boolean"})]

_POSTCODE = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$")


def _check_postcode(value: Any) -> str:
    match = _POSTCODE.match(str(value))
    if not match or match[2].upper() in {"SA", "SD", "SS"}:
        raise user_error(f"'{value}' is geen geldige postcode. Schrijf bijvoorbeeld 1234 AB.")
    return f"{match[1]} {match[2].upper()}"


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
def _language_codes() -> frozenset[str]:
    """ISO 639-1 codes: the two-letter language codes CLDR (through Babel) knows."""
    from babel import Locale

    return frozenset(str(code) for code in Locale("en").languages if len(str(code)) == 2)


def _check_language(value: str) -> str:
    code = value.strip().lower()
    if code not in _language_codes():
        raise user_error(
            f"'{value}' is geen taalcode. Gebruik de code van twee letters, zoals nl, en of ar."
        )
    return code


Taal = Annotated[
    str,
    AfterValidator(_check_language),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^[a-z]{2}$",
            "description": "Taalcode volgens ISO 639-1, bijvoorbeeld nl, en, tr, ar.",
        }
    ),
]
