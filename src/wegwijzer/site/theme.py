"""What our theme overrides read (help bar, footer, 404): the plugin's settings as one object.

The theme templates (theme/) are rendered by mkdocs' own Jinja environment, so they get this
object as the global `wegwijzer` and a few filters prefixed `ww_`; a site built without our
plugin simply shows Material's markup without the help bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wegwijzer.records.fields import tel_uri
from wegwijzer.site import present
from wegwijzer.site.config import SiteConfig


@dataclass(frozen=True)
class ThemeContext:
    site: SiteConfig
    site_url: str | None
    pages: frozenset[str]  # src_uris of the docs/ pages that are built

    @property
    def hours_and_cost(self) -> str:
        """'ma–vr 9.00–17.00, gratis': when to call the loket and what it costs."""
        loket = self.site.loket
        return ", ".join(part for part in (loket.bereikbaar, loket.kosten) if part)

    def has_page(self, src_uri: str) -> bool:
        return src_uri in self.pages

    def page_url(self, page: Any) -> str:
        """The page's full address when site_url is known, else its path from the site root."""
        url = getattr(page, "url", "") or ""
        return (self.site_url.rstrip("/") + "/" + url) if self.site_url else "/" + url

    def report_links(self, title: str, page_url: str) -> list[tuple[str, str]]:
        return report_links(self.site, title, page_url)


def report_links(site: SiteConfig, title: str, page_url: str) -> list[tuple[str, str]]:
    """'Klopt er iets niet?': a pre-filled e-mail when the site has an address, and the
    repository's form (GitHub) as a second way, or alone."""
    links = []
    if site.melden_email:
        mail = present.report_mail(site.melden_email, title, page_url)
        links.append(("Klopt er iets niet?", mail))
    if site.melden:
        label = "Klopt er iets niet?"
        if links:
            label = "Of meld het via GitHub" if "github.com" in site.melden else "Of meld het hier"
        links.append((label, present.safe_href(present.report_url(site.melden, title, page_url))))
    return links


def install(env: Any, context: ThemeContext) -> None:
    """Give mkdocs' Jinja environment what our theme templates use."""
    env.globals["wegwijzer"] = context
    env.filters["ww_tel"] = tel_uri
    env.filters["ww_telefoon"] = present.phone_display


COLOUR_CSS = "css/kleur.css"  # under the assets folder; listed in the plugin's STYLESHEETS


def colour_css(colour: str) -> bytes:
    """Material's colour variables set to the site's colour (checked for contrast in config).
    `[data-md-color-primary]` wins over Material's own palette rules by coming later."""
    dark = _darker(colour)
    return (
        "/* Made by wegwijzer from `kleur` in mkdocs.yml. */\n"
        ":root,\n[data-md-color-primary] {\n"
        f"  --md-primary-fg-color: {colour};\n"
        f"  --md-primary-fg-color--light: {colour};\n"
        f"  --md-primary-fg-color--dark: {dark};\n"
        "  --md-primary-bg-color: #fff;\n"
        "  --md-primary-bg-color--light: #fff;\n"
        f"  --md-accent-fg-color: {dark};\n"
        f"  --md-typeset-a-color: {colour};\n"
        f"  --ww-kleur: {colour};\n"
        f"  --ww-kleur-donker: {dark};\n"
        "}\n"
    ).encode()


def _darker(colour: str, factor: float = 0.75) -> str:
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * factor):02x}" for c in channels)
