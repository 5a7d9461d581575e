"""What our theme overrides read (help bar, footer, 404): the plugin's settings as one object.

The theme templates (theme/) are rendered by mkdocs' own Jinja environment, so they get this
object as the global `wegwijzer` and a few filters prefixed `ww_`; a site built without our
plugin simply shows Material's markup without the help bar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from wegwijzer import i18n
from wegwijzer.i18n import N_
from wegwijzer.i18n import gettext as _
from wegwijzer.records import vocab
from wegwijzer.records.fields import tel_uri
from wegwijzer.settings import present
from wegwijzer.settings.config import SiteConfig
from wegwijzer.site.assets import minified

# The menu of a page in another language: the screens that language has (the Dutch menu is
# mkdocs.yml's nav, which names the site's own pages too).
TRANSLATED_NAV = (
    (N_("Hulp bij geldzorgen"), ""),
    (N_("Alle hulp"), "overzicht/"),
    (N_("Kaart"), "kaart/"),
    (N_("Om te printen"), "afdrukken/"),
    (N_("Spoed"), "spoed/"),
)
# The loket's `kosten` that a translated page says in its own language (any other text stays
# as written, marked Dutch).
KNOWN_COSTS = {"gratis": N_("gratis")}


@dataclass(frozen=True)
class ThemeContext:
    site: SiteConfig
    site_url: str | None
    pages: frozenset[str]  # src_uris of the docs/ pages that are built
    languages: tuple[i18n.Language, ...] = (i18n.DUTCH,)
    translated: frozenset[str] = frozenset()  # Dutch URLs the other languages have too
    # The language the 404 page renders its chrome in now (`speak`); empty: Dutch.
    speaking: list[i18n.Language] = field(default_factory=list, compare=False)

    def language(self, page: Any) -> i18n.Language:
        """The page's language: `taal` in its front matter, else Dutch. A template without a
        page (404.html) is in the language it `speak`s."""
        if page is None and self.speaking:
            return self.speaking[0]
        meta = getattr(page, "meta", None) or {}
        code = meta.get("taal") if isinstance(meta, dict) else None
        return next((lang for lang in self.languages if lang.code == code), i18n.DUTCH)

    def versions(self, page: Any) -> list[tuple[i18n.Language, str]]:
        """This page in every language, as URL paths from the site root: the same page where
        that language has it, else that language's start page."""
        own = self.language(page)
        url = (getattr(page, "url", "") or "").removeprefix(own.prefix)
        meta = getattr(page, "meta", None) or {}
        everywhere = url in self.translated or bool(meta.get("ww_shell"))  # every record page
        return [
            (lang, lang.prefix + (url if lang.is_source or everywhere else ""))
            for lang in self.languages
        ]

    @staticmethod
    def say(language: i18n.Language, text: str) -> str:
        """`text` (a msgid used elsewhere too) in `language`, whatever page is rendered."""
        return language.translations.gettext(text)

    @staticmethod
    def sayer(language: i18n.Language) -> Any:
        """`language`'s gettext: the 404 page says its block once per language."""
        return language.translations.gettext

    def speak(self, language: i18n.Language | None) -> str:
        """404.html says its header, help bar, menu and footer once per language, for
        niet-gevonden.js to show on /ar/... (issue 27, item 5): the theme's `_()` and the
        partials that ask `language(page)` speak `language` until `speak(None)`."""
        self.speaking.clear()
        if language is not None and not language.is_source:
            self.speaking.append(language)
        i18n.switch_to(language or i18n.DUTCH)
        return ""

    @staticmethod
    def asset_url(relative: str) -> str:
        """A packaged asset's versioned path from the site root ('js/niet-gevonden.js')."""
        from wegwijzer.site.assets import asset_url

        return asset_url(relative)

    def nav_items(self, page: Any) -> list[tuple[str, str]]:
        prefix = self.language(page).prefix
        return [(i18n.gettext(label), prefix + url) for label, url in TRANSLATED_NAV]

    @property
    def dutch_only(self) -> list[str]:
        """URLs of the Dutch pages the other languages lack (docs/ pages, the analysis)."""
        from wegwijzer.site.pages import url_of  # pages imports this module

        prefixes = tuple(lang.prefix for lang in self.languages[1:])
        urls = {url_of(src) for src in self.pages if not src.startswith(prefixes or ("\0",))}
        return sorted(url for url in urls - self.translated if not url.endswith("wwshell/"))

    def texts_url(self, page: Any) -> str:
        """The page's scripts' texts (teksten/<code>.js), versioned by content."""
        from wegwijzer.site.assets import ASSET_ROOT, script_texts, versioned

        language = self.language(page)
        return versioned(f"{ASSET_ROOT}/teksten/{language.code}.js", script_texts(language))

    def url_of(self, url: str) -> str:
        """A URL path from the site root as a full address (or '/path' without site_url)."""
        return (self.site_url.rstrip("/") + "/" + url) if self.site_url else "/" + url

    @property
    def hours_and_cost(self) -> str:
        """'ma–vr 9.00–17.00, gratis': when to call the loket and what it costs."""
        loket = self.site.loket
        return ", ".join(part for part in (loket.bereikbaar, loket.kosten) if part)

    def hours_and_cost_here(self) -> Markup:
        return self.hours_and_cost_in(i18n.current())

    def hours_and_cost_in(self, language: i18n.Language) -> Markup:
        """The help bar's "when and what it costs" for a page in `language`: Dutch pages keep
        the settings' free text; other languages say `loket.uren` with their own day names and
        a known cost ("gratis") in their words; what cannot be translated stays marked Dutch."""
        loket = self.site.loket
        hours = loket.hours()
        if language.is_source:
            return Markup.escape(self.hours_and_cost)

        def dutch(text: str) -> Markup:
            return Markup('<span lang="nl" dir="ltr">{}</span>').format(text)

        say = language.translations.gettext
        parts: list[Markup] = []
        if hours is None:
            if loket.bereikbaar:
                parts.append(dutch(loket.bereikbaar))
        elif hours.always:
            parts.append(Markup.escape(say("Dag en nacht bereikbaar.").rstrip(".")))
        else:
            days = [say(name) for name in vocab.DAGEN.values()]
            isolate = '<bdi dir="ltr">{}</bdi>' if language.rtl else "{}"
            rows = []
            for (first, last), ranges in hours.rows():
                span = days[first] + ("" if last == first else "–" + days[last])
                times = Markup(", ").join(
                    Markup(isolate).format(f"{start}–{end}") for start, end in ranges
                )
                rows.append(Markup("{} {}").format(span, times))
            parts.append(Markup("; ").join(rows))
        if loket.kosten:
            known = KNOWN_COSTS.get(loket.kosten.strip().lower())
            parts.append(Markup.escape(say(known)) if known else dutch(loket.kosten))
        return Markup(", ").join(parts)

    def has_page(self, src_uri: str) -> bool:
        return src_uri in self.pages

    def page_url(self, page: Any) -> str:
        """The page's full address when site_url is known, else its path from the site root."""
        return self.url_of(getattr(page, "url", "") or "")

    def report_links(self, title: str, page_url: str) -> list[tuple[str, str]]:
        return report_links(self.site, title, page_url)


def report_links(
    site: SiteConfig, title: str, page_url: str, record: Any = None
) -> list[tuple[str, str]]:
    """'Klopt er iets niet?': a pre-filled e-mail when the site has an address, and the
    repository's form (GitHub) as a second way, or alone. On a record's own page (`record`)
    both name the record and offer what the page shows as choices."""
    links = []
    if site.melden_email:
        mail = present.report_mail(site.melden_email, title, page_url, record)
        links.append((_("Klopt er iets niet?"), mail))
    if site.melden:
        label = _("Klopt er iets niet?")
        if links:
            label = (
                _("Of meld het via GitHub")
                if "github.com" in site.melden
                else _("Of meld het hier")
            )
        url = present.report_url(site.melden, title, page_url, record)
        links.append((label, present.safe_href(url)))
    return links


def install(env: Any, context: ThemeContext) -> None:
    """Give mkdocs' Jinja environment what our theme templates use."""
    env.globals["wegwijzer"] = context
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    # _() in the theme: the language the plugin set for the page (on_page_context).
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)
    env.filters["ww_tel"] = tel_uri
    # The languages Material has words for (partials/languages/<code>.html): a site's own
    # language may not be one of them (see partials/language.html).
    folder = "partials/languages/"
    env.globals["ww_material_talen"] = frozenset(
        name[len(folder) : -len(".html")]
        for name in env.list_templates()
        if name.startswith(folder)
    )
    env.filters["ww_telefoon"] = present.phone_display
    env.filters["ww_nl"] = present.as_written  # the site's own Dutch text on a translated page
    env.filters["ww_ltr"] = present.left_to_right  # a number inside right-to-left text
    env.filters["ww_json"] = present.json_for_script


COLOUR_CSS = "css/kleur.css"  # under the assets folder; listed in the plugin's STYLESHEETS


def colour_css(colour: str) -> bytes:
    """Material's colour variables set to the site's colour (checked for contrast in config).
    `[data-md-color-primary]` wins over Material's own palette rules by coming later."""
    dark = _darker(colour)
    text = (
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
    )
    return minified(COLOUR_CSS, text.encode())  # like every CSS file of ours (site/assets.py)


def _darker(colour: str, factor: float = 0.75) -> str:
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * factor):02x}" for c in channels)
