"""Plain words (issue 30): `wegwijzer check` gives tips for record text above B1, naming the
file, the line and the field, and never fails on them (not even with --strict)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wegwijzer.cli import main
from wegwijzer.records.plain_words import douma, official_words, text_tips

pytestmark = pytest.mark.unit
TODAY = ["--vandaag", "2026-11-22"]

LONG_SENTENCE = (
    "Wij helpen u met het op orde brengen van uw administratie en met het maken van een plan "
    "voor de rekeningen die u nog moet betalen aan de verhuurder."
)


def test_an_official_word_gets_its_plain_alternative() -> None:
    tips = text_tips("Wij verstrekken informatie inzake uw schulden.")
    assert tips == ["Schrijf eenvoudiger: 'verstrekken' → 'geven', 'inzake' → 'over'."]


def test_a_phrase_counts_only_as_a_whole_and_the_longest_wins() -> None:
    assert text_tips("U kunt een aanvraag indienen.") == [
        "Schrijf eenvoudiger: 'aanvraag indienen' → 'aanvragen'."
    ]
    assert text_tips("Dat doen wij. Indien nodig, bellen wij.") == [
        "Schrijf eenvoudiger: 'indien' → 'als'."
    ]
    assert text_tips("Wij zijn dienstbaar.") == []  # 'dienen' is no part of another word


def test_a_long_sentence_is_counted_in_words() -> None:
    (tip,) = text_tips(LONG_SENTENCE)
    assert tip.startswith("Een zin heeft 29 woorden. Maak er kortere zinnen van")


def test_long_words_but_not_names_or_words_residents_search_for() -> None:
    tips = text_tips("Wij doen schuldhulpverlening en budgetbeheerondersteuning.")
    assert tips == [
        "Lang woord: 'budgetbeheerondersteuning'. Kies een korter woord, of leg het uit."
    ]
    assert text_tips("Bel de Belastingtelefoonlijnen. Kijk op www.voorbeeldwebsitelang.nl.") == []
    assert text_tips("SchuldHulpMaatjeVoorbeeldstad helpt u.") == []  # a name at the start


def test_douma_scores_plain_text_higher_than_official_text() -> None:
    plain = ["Wij helpen u.", "Het is gratis.", "Bel ons."]
    official = [
        "Ondergetekende verzoekt belanghebbende vriendelijk doch dringend de "
        "inkomensgegevens overeenkomstig de voorwaarden te retourneren."
    ]
    assert douma(plain) > 60 > douma(official)


def test_the_word_list_ships_with_enough_entries() -> None:
    words = official_words()
    assert len(words) >= 40
    assert words["verstrekken"] == "geven" and words["betreffende"] == "over"


def _site_with(base_site: Path, field: str, text: str) -> Path:
    org = base_site.parent / "data" / "organisaties" / "humanitas.yml"
    org.write_text(org.read_text() + f"{field}: {text}\n", encoding="utf-8")
    return org


def test_check_names_file_line_and_field_and_never_fails(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _site_with(base_site, "aanmelden", "Bel ons teneinde een afspraak te maken.")
    assert main(["-f", str(base_site), "check", *TODAY]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == (
        "data/organisaties/humanitas.yml:10: aanmelden: tip: "
        "Schrijf eenvoudiger: 'teneinde' → 'om'."
    )
    assert "Alles in orde" in err and "1 tip voor eenvoudiger taal" in err
    assert main(["-f", str(base_site), "check", "--strict", *TODAY]) == 0


def test_a_list_item_is_named_with_its_index(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _site_with(base_site, "voorwaarden", "\n  - U woont in Teststad.\n  - Alvorens u komt, belt u.")
    assert main(["-f", str(base_site), "check", "--format", "github", *TODAY]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith(
        "::notice file=data/organisaties/humanitas.yml,line=12,title=voorwaarden[2]::"
    )
    assert "'alvorens' → 'voordat'" in out
