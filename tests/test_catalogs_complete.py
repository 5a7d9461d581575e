"""The package's own catalogs against the texts the interface uses.

These fail until the catalogs in src/wegwijzer/locale are filled: run
`wegwijzer vertalingen --pakket` in a checkout after changing a Dutch text, then translate
what it reports."""

from __future__ import annotations

from wegwijzer import catalogs, i18n


def test_shipped_catalogs_are_complete() -> None:
    """Every text the templates, the Python code and the scripts use is translated, and no
    translation is outdated (fuzzy) in any catalog the package ships."""
    found = catalogs.problems(i18n.package_catalogs(), catalogs.current_texts())
    assert [str(problem) for problem in found] == []


def test_committed_template_lists_exactly_the_extracted_texts() -> None:
    """locale/wegwijzer.pot is what `wegwijzer vertalingen --pakket` writes (ids, not dates)."""
    committed = catalogs.read(catalogs.package_root() / "locale" / catalogs.TEMPLATE)
    assert sorted(str(m.id) for m in committed if m.id) == sorted(
        str(m.id) for m in catalogs.current_texts() if m.id
    )
