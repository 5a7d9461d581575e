"""The package's own catalogs against the texts the interface uses.

These fail until the catalogs in src/wegwijzer/locale are filled: run
`wegwijzer vertalingen --pakket` in a checkout after changing a Dutch text, then translate
what it reports."""

from __future__ import annotations

from wegwijzer import catalogs, i18n


def test_shipped_catalogs_are_complete() -> None:
    """Every text the templates, the Python code and the scripts use is translated, and no
    translation is outdated (fuzzy) in any catalog the package ships."""
    shipped = i18n.package_catalogs()
    finished = {c: p for c, p in shipped.items() if c in i18n.default_languages()}
    assert [str(problem) for problem in catalogs.problems(finished, catalogs.current_texts())] == []


def test_a_catalog_marked_unfinished_really_is() -> None:
    """`# Status: onvolledig` keeps a catalog off by default; once it is complete, the mark
    must go, so the language is switched on."""
    shipped = i18n.package_catalogs()
    unfinished = {c: p for c, p in shipped.items() if c not in i18n.default_languages()}
    lacking = {p.code for p in catalogs.problems(unfinished, catalogs.current_texts())}
    assert lacking == set(unfinished)


def test_committed_template_lists_exactly_the_extracted_texts() -> None:
    """locale/wegwijzer.pot is what `wegwijzer vertalingen --pakket` writes (ids, not dates)."""
    committed = catalogs.read(catalogs.package_root() / "locale" / catalogs.TEMPLATE)
    assert sorted(str(m.id) for m in committed if m.id) == sorted(
        str(m.id) for m in catalogs.current_texts() if m.id
    )
