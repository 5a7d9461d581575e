"""Place hints for werkgebied (issue 26): a village names its municipality; a name that more
municipalities have asks which. The shipped list is a short one (see plaatsen.csv)."""

from __future__ import annotations

import pytest

from wegwijzer.records import areas
from wegwijzer.records.areas import Areas


@pytest.mark.parametrize(
    ("place", "municipality"), [("Groesbeek", "Berg en Dal"), ("Lemmer", "De Fryske Marren")]
)
def test_a_village_names_its_municipality(place: str, municipality: str) -> None:
    problem = Areas().problem(place)
    assert problem is not None
    assert problem.startswith(f"{place} ligt in gemeente {municipality}.")
    assert "Goes" not in problem


def test_a_name_in_two_municipalities_asks_which(monkeypatch: pytest.MonkeyPatch) -> None:
    # A made-up list: the shipped one has no such name yet (no official list could be fetched).
    made_up = {"nieuwdorp": ("Altena", "Súdwest-Fryslân"), "oosterhout": ("Nijmegen",)}
    monkeypatch.setattr(areas, "_places_in", lambda: made_up)
    assert Areas().problem("Nieuwdorp") == (
        "Er is een Nieuwdorp in meer gemeenten: 'Altena' of 'Súdwest-Fryslân'. Welke bedoelt "
        "u? Zet die gemeente in werkgebied, en Nieuwdorp eventueel bij wijken."
    )
    # A municipality's own name stays right, even when a village elsewhere has it too.
    assert Areas().problem("Oosterhout") is None


def test_the_shipped_list_has_a_source_and_date_and_every_municipality_exists() -> None:
    text = (areas.files("wegwijzer") / "data" / "plaatsen.csv").read_text(encoding="utf-8")
    assert "Opgenomen 2026-12-02" in text and "Aangevuld 2026-12-08" in text
    known = set(areas.municipalities())
    assert all(m in known for found in areas._places_in().values() for m in found)
