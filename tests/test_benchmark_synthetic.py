"""The benchmark's synthetic data must be valid data, or its timings measure error paths."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.synthetic import CHECKED_BEFORE, make_site, synthesize

from wegwijzer.records import vocab
from wegwijzer.records.models import MODELS
from wegwijzer.settings.config import load_site
from wegwijzer.tasks.validate import validate_site

TODAY = date(2026, 11, 15)  # after CHECKED_BEFORE and within six months of every record


def test_generated_site_passes_strict_check(tmp_path: Path) -> None:
    config = make_site(tmp_path / "site", locations=30)
    dataset, report = validate_site(load_site(config), today=TODAY)
    assert [str(f) for f in report.sorted()] == []  # `wegwijzer check --strict` would pass
    assert len(dataset.locaties) == 30
    assert len(dataset.organisaties) == 15
    assert set(dataset.points) == set(dataset.locaties)  # every location is on the map


def test_generation_is_deterministic() -> None:
    assert synthesize(20, seed=3) == synthesize(20, seed=3)
    assert synthesize(20, seed=3) != synthesize(20, seed=4)


def test_records_fill_what_real_records_fill() -> None:
    data = synthesize(60)
    assert all(o["laatst_gecontroleerd"] <= CHECKED_BEFORE for o in data.organisaties)
    assert any(o["contactpersonen"] for o in data.organisaties)
    assert any(loc["gesloten"] for loc in data.locaties)
    assert any(h["weken"] for loc in data.locaties for h in loc["spreekuren"])
    assert all(1 <= len(loc["spreekuren"]) <= 3 for loc in data.locaties)


def test_a_thousand_locations_validate_against_the_models() -> None:
    """Rare combinations (the longest names, repeated places) only show up in bigger sets."""
    data = synthesize(1000, seed=1)
    context = {"vandaag": TODAY, "doelgroepen": vocab.DOELGROEPEN}
    for kind, records in (("organisaties", data.organisaties), ("locaties", data.locaties)):
        for record in records:
            MODELS[kind].model_validate(_without_none(record), context=context)


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value
