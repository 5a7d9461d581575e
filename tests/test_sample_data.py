"""The bundled Voorbeeldstad data: clean, complete, and showing everything the product can do."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import SAMPLE
from wegwijzer.records import vocab
from wegwijzer.records.loader import Dataset
from wegwijzer.settings.config import load_site
from wegwijzer.tasks.validate import validate_site

# The sample's dates age; pin "today" so the staleness warnings do not start firing next year.
TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def sample() -> Dataset:
    dataset, report = validate_site(load_site(SAMPLE / "mkdocs.verwijzers.yml"), TODAY)
    assert [str(f) for f in report.sorted()] == []
    return dataset


def test_sample_is_large_enough(sample: Dataset) -> None:
    assert len(sample.organisaties) >= 12
    assert len(sample.locaties) >= 20


def test_every_data_file_starts_with_its_schema() -> None:
    for kind, schema in (("organisaties", "organisatie"), ("locaties", "locatie")):
        for path in (SAMPLE / "data" / kind).glob("*.yml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schema/{schema}.schema.json", (
                path
            )


def test_sample_uses_every_vocabulary_term(sample: Dataset) -> None:
    orgs = sample.organisaties.values()
    used = {
        "fases": {t for o in orgs for t in o.fases},
        "rollen": {t for o in orgs for t in o.rollen},
        "activiteiten": {t for o in orgs for t in o.activiteiten},
        "doelgroepen": {t for o in orgs for t in o.doelgroepen},
        "soorten": {o.soort for o in orgs},
        "statussen": {o.status for o in orgs},
        "zichtbaarheden": {c.zichtbaarheid for o in orgs for c in o.contactpersonen},
    }
    site = load_site(SAMPLE / "mkdocs.yml").config
    assert used["fases"] == set(vocab.FASES)
    assert used["rollen"] == set(vocab.ROLLEN)
    assert used["activiteiten"] == set(vocab.ACTIVITEITEN)
    assert used["doelgroepen"] == set(site.target_groups())
    assert used["soorten"] == set(vocab.SOORTEN)
    assert used["statussen"] == set(vocab.STATUSSEN)
    assert used["zichtbaarheden"] == set(vocab.ZICHTBAARHEDEN)


def test_sample_uses_every_schedule_pattern(sample: Dataset) -> None:
    hours = [h for loc in sample.locaties.values() for h in loc.spreekuren]
    assert {d for h in hours for d in h.dagen} == set(vocab.DAGEN)
    assert {w for h in hours for w in h.weken or []} >= {1, 2, 3, 4, -1}
    assert any(h.opmerking for h in hours)
    assert any(h.van >= "17:00" for h in hours), "evening hours"
    assert any(not loc.spreekuren for loc in sample.locaties.values()), "by appointment only"
    closures = [c for loc in sample.locaties.values() for c in loc.gesloten]
    assert any(c.tot < TODAY for c in closures) and any(c.van > TODAY for c in closures)


def test_sample_shows_the_other_features(sample: Dataset) -> None:
    locations = sample.locaties.values()
    assert any(len(loc.organisaties) > 1 for loc in locations), "joint walk-in point"
    assert {loc.zonder_afspraak for loc in locations} == {True, False}
    assert any(loc.coordinaten for loc in locations)
    located = {org_id for loc in locations for org_id in loc.organisaties}
    assert set(sample.organisaties) - located, "an organisation reachable by phone only"
    assert any(o.melding for o in sample.organisaties.values())
    assert any(o.whatsapp for o in sample.organisaties.values())
    assert len({t for o in sample.organisaties.values() for t in o.talen}) >= 6
