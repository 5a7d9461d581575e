"""Translation catalogs: what `problems` finds, `wegwijzer vertalingen`, and check's warning."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from bs4 import BeautifulSoup

from tests.conftest import SAMPLE, build_site
from wegwijzer import catalogs, i18n
from wegwijzer.cli import main
from wegwijzer.records import vocab


def run(config: Path, *args: str) -> int:
    return main(["-f", str(config), *args])


def _write(path: Path, code: str, entries: dict[str, tuple[str, bool]]) -> Path:
    """A catalog with {msgid: (msgstr, fuzzy)}."""
    catalog = Catalog(locale=code, fuzzy=False)
    for text, (translation, fuzzy) in entries.items():
        catalog.add(text, translation, flags=["fuzzy"] if fuzzy else [])
    out = io.BytesIO()
    write_po(out, catalog)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())
    return path


def _template(*texts: str) -> Catalog:
    template = Catalog(fuzzy=False)
    for text in texts:
        template.add(text)
    return template


def _fill(path: Path) -> None:
    """Translate every text of a catalog (the translation is the text in capitals)."""
    catalog = i18n.read_catalog(path)
    for message in catalog:
        if message.id:
            message.string = str(message.id).upper()
            message.flags.discard("fuzzy")
    out = io.BytesIO()
    write_po(out, catalog)
    path.write_bytes(out.getvalue())


def _with_languages(config: Path, codes: str, after: str) -> Path:
    text = config.read_text(encoding="utf-8")
    indent = text.split(after)[0].rsplit("\n", 1)[1]
    config.write_text(text.replace(after, f"{after}\n{indent}talen: {codes}", 1), encoding="utf-8")
    return config


def test_problems_name_exactly_the_missing_and_the_outdated_texts(tmp_path: Path) -> None:
    template = _template("Alle hulp", "Bel {telefoon}", "Nu gesloten.")
    complete = _write(
        tmp_path / "en.po",
        "en",
        {
            "Alle hulp": ("All help", False),
            "Bel {telefoon}": ("Call {telefoon}", False),
            "Nu gesloten.": ("Closed now.", False),
            "Weg": ("Gone", False),
        },
    )  # a text the interface no longer uses is no problem
    missing = _write(
        tmp_path / "tr.po",
        "tr",
        {"Alle hulp": ("Tüm yardım", False), "Bel {telefoon}": ("", False)},
    )
    outdated = _write(
        tmp_path / "pl.po",
        "pl",
        {
            "Alle hulp": ("Cała pomoc", False),
            "Bel {telefoon}": ("Zadzwoń", True),
            "Nu gesloten.": ("Zamknięte.", False),
        },
    )
    found = catalogs.problems({"en": complete, "tr": missing, "pl": outdated}, template)
    assert found == [
        catalogs.Problem("pl", outdated, (), ("Bel {telefoon}",)),
        catalogs.Problem("tr", missing, ("Bel {telefoon}", "Nu gesloten."), ()),
    ]
    assert [str(problem) for problem in found] == [
        "pl.po: 1 vertaling is verouderd (Polski).",
        "tr.po: 2 teksten zijn niet vertaald (Türkçe).",
    ]


def test_a_text_per_context_counts_on_its_own(tmp_path: Path) -> None:
    """The ordinals of 'Alleen de %(weken)s zaterdag van de maand.' are translated per weekday
    (msgctxt): the one without context does not stand in for them."""
    template = Catalog(fuzzy=False)
    template.add("1e", context="woensdag")
    template.add("1e", context="zaterdag")
    catalog = Catalog(locale="pl", fuzzy=False)
    catalog.add("1e", "1.", context="woensdag")
    catalog.add("1e", "1.")
    out = io.BytesIO()
    write_po(out, catalog)
    path = tmp_path / "pl.po"
    path.write_bytes(out.getvalue())
    assert catalogs.problems({"pl": path}, template) == [catalogs.Problem("pl", path, ("1e",), ())]
    shipped = catalogs.extract()
    assert {m.context for m in shipped if m.id == "laatste" and m.context} == set(
        vocab.DAGEN.values()
    )
    assert "Alleen de %(weken)s zaterdag van de maand." in shipped


def test_vertalingen_nieuw_starts_a_catalog_with_every_text_and_its_status(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(base_site, "vertalingen", "--nieuw", "so") == 0
    path = base_site.parent / "vertalingen" / "so.po"
    assert path.read_text(encoding="utf-8").startswith(
        f"# Wegwijzer: de vaste teksten van de site in het Somalisch.\n# Status: {i18n.UNCHECKED}\n"
    )
    wanted = {(m.id, m.context) for m in catalogs.extract() if m.id}  # msgctxt: one text each
    assert {(m.id, m.context) for m in i18n.read_catalog(path) if m.id} == wanted
    out = capsys.readouterr().out
    assert "Gemaakt: vertalingen/so.po." in out
    assert (
        f"so (Somalisch), vertalingen/so.po: {i18n.UNCHECKED}; {len(wanted)} teksten zijn niet "
        "vertaald. Nog niet op de site: zet so bij talen in mkdocs.yml."
    ) in out
    assert "en (Engels), uit het pakket: " in out  # the site's other languages too


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("qq", "De taalcode 'qq' kennen we niet."),
        ("Somali", "'Somali' is geen taalcode."),
        ("nl", "Nederlands is de taal waarin de teksten geschreven zijn."),
    ],
)
def test_vertalingen_nieuw_refuses_a_code_it_does_not_know(
    base_site: Path, capsys: pytest.CaptureFixture[str], code: str, message: str
) -> None:
    assert run(base_site, "vertalingen", "--nieuw", code) == 1
    assert message in capsys.readouterr().err
    assert not (base_site.parent / "vertalingen").exists()


def test_vertalingen_keeps_translations_and_adds_new_texts(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        base_site.parent / "vertalingen" / "so.po",
        "so",
        {"Alle hulp": ("Caawimaad oo dhan", False)},
    )
    assert run(base_site, "vertalingen", "--nieuw", "so") == 1  # it exists: no second start
    assert "vertalingen/so.po bestaat al." in capsys.readouterr().err
    assert run(base_site, "vertalingen") == 0
    catalog = i18n.read_catalog(path)
    assert catalog.get("Alle hulp").string == "Caawimaad oo dhan"
    assert {(m.id, m.context) for m in catalog if m.id} == {
        (m.id, m.context) for m in catalogs.extract() if m.id
    }
    assert "Bijgewerkt: vertalingen/so.po" in capsys.readouterr().out


def _fake_package(root: Path) -> Path:
    """A package in a checkout: src/wegwijzer beside pyproject.toml, with two texts."""
    package = root / "src" / "wegwijzer"
    (package / "templates").mkdir(parents=True)
    (package / "templates" / "start.md.j2").write_text('{{ _("Alle hulp") }}\n', encoding="utf-8")
    (package / "teksten.py").write_text('KAART = N_("Kaart")\n', encoding="utf-8")
    _write(package / "locale" / "en.po", "en", {"Alle hulp": ("All help", False)})
    (root / "pyproject.toml").write_text("[project]\nname = 'wegwijzer'\n", encoding="utf-8")
    return package


def test_vertalingen_pakket_writes_the_template_and_the_package_catalogs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _fake_package(tmp_path)
    monkeypatch.setattr(catalogs, "package_root", lambda: package)
    assert main(["vertalingen", "--pakket"]) == 0  # no mkdocs.yml needed
    template = catalogs.read(package / "locale" / "wegwijzer.pot")
    assert sorted(m.id for m in template if m.id) == ["Alle hulp", "Kaart"]
    english = i18n.read_catalog(package / "locale" / "en.po")
    assert (english.get("Alle hulp").string, english.get("Kaart").string) == ("All help", "")
    out = capsys.readouterr().out
    assert f"en (Engels), en.po: {i18n.UNCHECKED}; 1 tekst is niet vertaald." in out


def test_vertalingen_pakket_refuses_an_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _fake_package(tmp_path)
    (tmp_path / "pyproject.toml").unlink()
    monkeypatch.setattr(catalogs, "package_root", lambda: package)
    assert main(["vertalingen", "--pakket"]) == 1
    assert "--pakket werkt alleen in een checkout van wegwijzer" in capsys.readouterr().err
    assert not (package / "locale" / "wegwijzer.pot").exists()


def test_check_warns_about_a_site_catalog_with_missing_texts(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_languages(base_site, "[so]", "gemeente: Teststad")
    path = _write(
        base_site.parent / "vertalingen" / "so.po",
        "so",
        {"Alle hulp": ("Caawimaad oo dhan", False)},
    )
    missing = len([m for m in catalogs.extract() if m.id]) - 1
    assert run(base_site, "check") == 0  # a warning: the pages show those texts in Dutch
    out, err = capsys.readouterr()
    assert out.startswith(
        f"vertalingen/so.po: let op: {missing} teksten zijn niet vertaald (Soomaali). "
        "Die staan in het Nederlands op de site."
    )
    assert "0 fouten en 1 waarschuwing." in err
    assert run(base_site, "check", "--strict") == 1
    assert run(base_site, "vertalingen") == 0  # puts the missing texts in, to translate
    _fill(path)
    capsys.readouterr()
    assert run(base_site, "check", "--strict") == 0
    assert "Alles in orde" in capsys.readouterr().err


def test_check_says_an_outdated_translation(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_languages(base_site, "[so]", "gemeente: Teststad")
    assert run(base_site, "vertalingen", "--nieuw", "so") == 0
    path = base_site.parent / "vertalingen" / "so.po"
    _fill(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('\nmsgid "Alle hulp"', '\n#, fuzzy\nmsgid "Alle hulp"', 1))
    capsys.readouterr()
    assert run(base_site, "check") == 0
    assert capsys.readouterr().out.startswith(
        "vertalingen/so.po: let op: 1 vertaling is verouderd (Soomaali)."
    )


def test_check_refuses_a_language_without_a_catalog(
    base_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_languages(base_site, "[so]", "gemeente: Teststad")
    assert run(base_site, "check") == 1
    assert "talen: voor 'so' is er geen vertaling." in capsys.readouterr().out
    assert run(base_site, "vertalingen") == 1  # it cannot say the state of a missing file
    assert run(base_site, "vertalingen", "--nieuw", "so") == 0  # ... but can make it
    assert run(base_site, "check") == 0


def test_a_site_catalog_adds_its_language_to_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE, site)
    config = _with_languages(site / "mkdocs.yml", "[so]", "gemeente: Voorbeeldstad")
    _write(site / "vertalingen" / "so.po", "so", {"Alle hulp": ("Caawimaad oo dhan", False)})
    out = build_site(config, tmp_path / "uit")
    page = BeautifulSoup((out / "so" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html is not None and page.html["lang"] == "so"
    assert "Caawimaad oo dhan" in page.get_text()
    assert (out / "assets" / "wegwijzer" / "teksten" / "so.js").is_file()
    assert not (out / "en").exists()  # talen: [so] is the whole list
