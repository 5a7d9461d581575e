"""Generate the site's pages from the records, as Markdown files holding escaped HTML.

The pages do not depend on mkdocs: `render_pages` returns file names and text, which the plugin
hands to mkdocs and which another builder could read from disk just as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from wegwijzer import vocab
from wegwijzer.config import SiteConfig
from wegwijzer.fields import tel_uri
from wegwijzer.loader import Dataset


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes and its Markdown text."""

    path: str
    text: str
    in_nav: bool = False  # record pages never are: Material's nav makes the build quadratic


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("wegwijzer", "templates"),
        autoescape=select_autoescape(["html", "md.j2"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["tel"] = tel_uri
    env.globals["vocab"] = vocab
    return env


def render_pages(dataset: Dataset, config: SiteConfig) -> list[Page]:
    """Every generated page, in a stable order."""
    env = _environment()
    common = {"site": config, "data": dataset, "doelgroepen": config.target_groups()}
    pages = [
        Page("overzicht.md", env.get_template("overzicht.md.j2").render(**common), in_nav=True)
    ]
    for org in dataset.organisaties.values():
        text = env.get_template("organisatie.md.j2").render(org=org, **common)
        pages.append(Page(f"organisaties/{org.id}.md", text))
    for loc in dataset.locaties.values():
        text = env.get_template("locatie.md.j2").render(loc=loc, **common)
        pages.append(Page(f"locaties/{loc.id}.md", text))
    return pages
