"""`wegwijzer bijwerken`: bring the product's files in a site made by `wegwijzer init` up to date.

`init` copies the workflows, issue forms, PR template, Dependabot settings, beheer pages, the
data format page and the JSON schemas once. When a town's Dependabot moves requirements.txt to
a new wegwijzer, those copies would stay old for ever; this rewrites them to the installed
version's templates. The list of what the product owns is scaffold.PRODUCT_OWNED, the same list
`init` uses; everything else (mkdocs.yml, data/, the town's own docs, the accessibility
statement, overrides/, requirements) is never read or written here.

Decision: a product-owned file that a town has edited is overwritten all the same. The files
say so in their first lines (the YAML ones) and the site's README says which files are the
product's; a three-way merge (copier's approach) would keep a stale workflow alive silently, and
a change a town needs belongs in the product, where every town gets it. Files the product no
longer ships are named, not deleted: a town may have started to use one as its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from wegwijzer.settings.config import SiteSettings
from wegwijzer.site.scaffold import PRODUCT_OWNED, product_owned, render_templates
from wegwijzer.tasks.schema import schema_texts


class Status(Enum):
    ADDED = "nieuw"
    CHANGED = "bijgewerkt"
    UNCHANGED = "ongewijzigd"
    ORPHANED = "niet van wegwijzer"  # in a product folder, not shipped: named, never touched


@dataclass(frozen=True)
class Change:
    path: Path  # relative to the site
    status: Status
    text: str


def product_files(site: SiteSettings) -> dict[Path, str]:
    """What every product-owned file of `site` holds in the installed version."""
    rendered = render_templates(site.config.gemeente)
    files = {path: text for path, text in rendered.items() if product_owned(path)}
    for name, text in schema_texts(site.config).items():
        files[Path("schema") / name] = text
    return dict(sorted(files.items()))


class NotAnInitSite(Exception):
    """The folder is wegwijzer's own repository or a full copy of it; the message says so."""


def plan(site: SiteSettings) -> list[Change]:
    """Each product file with what `bijwerken` would do to it.

    Raises NotAnInitSite in wegwijzer's own repository (or a "Use this template" copy): its
    workflows run the product's tests, and the init site's would replace them."""
    if (site.root / "pyproject.toml").is_file() or (site.root / "src" / "wegwijzer").is_dir():
        raise NotAnInitSite(
            "Dit is de repository van wegwijzer zelf (of een volledige kopie): 'wegwijzer "
            "bijwerken' is voor een site van 'wegwijzer init'. Haal in een kopie de nieuwe "
            "versie op met git. Er is niets veranderd."
        )
    changes = []
    for relative, text in product_files(site).items():
        path = site.root / relative
        if not path.is_file():
            status = Status.ADDED
        elif path.read_bytes() == text.encode("utf-8"):
            status = Status.UNCHANGED
        else:
            status = Status.CHANGED
        changes.append(Change(relative, status, text))
    shipped = {change.path for change in changes}
    for folder in (p for p in PRODUCT_OWNED if p.endswith("/")):
        for path in sorted((site.root / folder).rglob("*")):
            relative = path.relative_to(site.root)
            if path.is_file() and relative not in shipped and product_owned(relative):
                changes.append(Change(relative, Status.ORPHANED, ""))
    return changes


def apply(site: SiteSettings, changes: list[Change]) -> None:
    for change in changes:
        if change.status in (Status.ADDED, Status.CHANGED):
            path = site.root / change.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(change.text.encode("utf-8"))
