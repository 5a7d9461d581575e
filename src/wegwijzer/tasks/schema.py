"""JSON Schemas of the record files, for editors (yaml-language-server) and for reviewers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wegwijzer.records.models import Locatie, Organisatie, Record
from wegwijzer.settings.config import SiteConfig

SCHEMAS: dict[str, type[Record]] = {
    "organisatie.schema.json": Organisatie,
    "locatie.schema.json": Locatie,
}


def record_schema(model: type[Record], config: SiteConfig) -> dict[str, Any]:
    """The model's JSON Schema, with this site's own target groups in the list of choices."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    groups = schema["properties"].get("doelgroepen")
    if groups is not None:
        groups["items"]["enum"] = list(config.target_groups())
    return schema


def schema_texts(config: SiteConfig) -> dict[str, str]:
    return {
        name: json.dumps(record_schema(model, config), ensure_ascii=False, indent=2) + "\n"
        for name, model in SCHEMAS.items()
    }


def stale_schemas(folder: Path, config: SiteConfig) -> list[str]:
    """Names of schema files that are missing or differ from what the models export."""
    return [
        name
        for name, text in schema_texts(config).items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]


def write_schemas(folder: Path, config: SiteConfig) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts(config).items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
