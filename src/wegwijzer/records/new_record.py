"""`wegwijzer nieuw`: a new record file that is valid from the start, ready to fill in."""

from __future__ import annotations

import json
import re
from datetime import date
from importlib.resources import files
from pathlib import Path

from wegwijzer.records.models import ID_PATTERN


class NewRecordError(Exception):
    """The new file cannot be written; the message says why in Dutch."""


def new_record_text(kind: str, record_id: str, values: dict[str, str]) -> str:
    """The template for `kind` with the id and other values filled in as YAML strings."""
    if not re.match(ID_PATTERN, record_id):
        raise NewRecordError(
            f"'{record_id}' kan geen id zijn. Gebruik kleine letters, cijfers en streepjes."
        )
    text = files("wegwijzer").joinpath(f"templates/{kind}.yml").read_text(encoding="utf-8")
    for key, value in {"id": record_id, **values}.items():
        # JSON strings are valid YAML: safe for 's-Hertogenbosch, colons and quotes alike.
        text = text.replace("{" + key + "}", json.dumps(value, ensure_ascii=False))
    return text


def write_new_record(
    data_dir: Path, kind: str, record_id: str, gemeente: str, organisatie: str | None, today: date
) -> Path:
    folder = data_dir / ("organisaties" if kind == "organisatie" else "locaties")
    path = folder / f"{record_id}.yml"
    if path.exists():
        raise NewRecordError(f"{path} bestaat al. Kies een ander id.")
    values = {"gemeente": gemeente, "vandaag": today.isoformat()}
    if kind == "locatie":
        if not organisatie:
            raise NewRecordError("Geef de organisatie op: --organisatie ID.")
        if not (data_dir / "organisaties" / f"{organisatie}.yml").is_file():
            raise NewRecordError(f"Er is geen organisatie met id '{organisatie}'.")
        values["organisatie"] = organisatie
    text = new_record_text(kind, record_id, values)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
