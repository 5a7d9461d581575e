"""The JSON Schemas in schema/ are exported from the models and must never go stale."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.conftest import ROOT, SAMPLE
from wegwijzer.records.loader import _yaml, plain
from wegwijzer.settings.config import load_site
from wegwijzer.tasks.schema import SCHEMAS, stale_schemas


def test_committed_schemas_match_the_models() -> None:
    config = load_site(SAMPLE / "mkdocs.yml").config
    assert stale_schemas(ROOT / "schema", config) == [], "run: wegwijzer schema"


@pytest.mark.parametrize(
    ("kind", "folder"), [("organisatie", "organisaties"), ("locatie", "locaties")]
)
def test_sample_records_validate_against_the_schema(kind: str, folder: str) -> None:
    schema = json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((SAMPLE / "data" / folder).glob("*.yml")):
        errors = [e.message for e in validator.iter_errors(plain(_yaml().load(path.read_text())))]
        assert errors == [], path


def test_schema_rejects_an_unknown_key_so_editors_underline_it() -> None:
    schema = json.loads((ROOT / "schema" / "organisatie.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {
        "id",
        "naam",
        "omschrijving",
        "fases",
        "laatst_gecontroleerd",
    }
    assert len(SCHEMAS) == 2
