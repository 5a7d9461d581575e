"""One table that turns pydantic's error types into plain Dutch (B1) for the people editing YAML."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from wegwijzer.records.fields import USER_ERROR

_MESSAGES: dict[str, str] = {
    "missing": "Dit veld is verplicht, maar ontbreekt.",
    "string_type": "Hier hoort tekst.",
    "string_too_short": "Dit veld mag niet leeg zijn.",
    "string_unicode": (
        "Hier staat een code die geen teken is (een losse \\ud800 tot \\udfff). Haal die weg."
    ),
    "string_too_long": "Dit is te lang: hoogstens {max_length} tekens.",
    "string_pattern_mismatch": (
        "Gebruik alleen kleine letters, cijfers en streepjes, zoals 'inloop-centrum'."
    ),
    "list_type": "Hier hoort een lijst, met op elke regel '- waarde'.",
    "too_short": "Vul er minstens één in.",
    "dict_type": "Hier horen velden onder elkaar, zoals 'straat:' en 'plaats:'.",
    "model_type": "Hier horen velden onder elkaar, zoals 'straat:' en 'plaats:'.",
    "model_attributes_type": "Hier horen velden onder elkaar, zoals 'straat:' en 'plaats:'.",
    "float_type": "Hier hoort een getal, zoals 52.37.",
    "float_parsing": "Hier hoort een getal, zoals 52.37.",
    "int_type": "Hier hoort een heel getal.",
    "int_parsing": "Hier hoort een heel getal.",
    "bool_type": "Schrijf true (ja) of false (nee).",
    "bool_parsing": "Schrijf true (ja) of false (nee).",
    "date_type": "Hier hoort een datum, zoals 2025-03-31.",
    "date_parsing": "Hier hoort een datum, zoals 2025-03-31.",
    "date_from_datetime_parsing": "Dit is geen bestaande datum. Schrijf bijvoorbeeld 2025-03-31.",
    "date_from_datetime_inexact": "Schrijf alleen de datum, zonder tijd, zoals 2025-03-31.",
    "greater_than_equal": "Dit getal moet minstens {ge} zijn.",
    "less_than_equal": "Dit getal mag hoogstens {le} zijn.",
    "greater_than": "Dit getal moet groter zijn dan {gt}.",
    "less_than": "Dit getal moet kleiner zijn dan {lt}.",
    "finite_number": "Hier hoort een gewoon getal, zoals 52.37.",
    "literal_error": "Kies uit: {expected}.",
    "none_required": "Laat dit veld leeg.",
    "value_error": "{error}",
}

# Messages made from the schema alone, never from the value typed: safe for private files.
SCHEMA_ONLY_TYPES = frozenset(_MESSAGES) - {"value_error"}


def dutch_message(error: ErrorDetails) -> str:
    """The Dutch text for one pydantic error."""
    context: dict[str, Any] = dict(error.get("ctx") or {})
    if error["type"] == USER_ERROR:
        return str(context["bericht"])
    template = _MESSAGES.get(error["type"])
    if template is None:  # a pydantic message we have not translated yet: better than nothing
        return error["msg"]
    if error["type"] == "model_type" and (names := _example_fields(context.get("class_name"))):
        return f"Hier horen velden onder elkaar, zoals '{names[0]}:' en '{names[1]}:'."
    if "expected" in context:
        context["expected"] = str(context["expected"]).replace("'", "").replace(" or ", " of ")
    return template.format(**context)


def _example_fields(class_name: object) -> list[str]:
    """Two fields of the model that was expected, required ones first: 'loket: x' is told
    about 'naam:' and 'telefoon:', not about an address."""
    pending: list[type[BaseModel]] = [BaseModel]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__name__ == class_name and len(cls.model_fields) >= 2:
            fields = cls.model_fields
            required = [name for name, info in fields.items() if info.is_required()]
            return [*required, *(name for name in fields if name not in required)][:2]
    return []
