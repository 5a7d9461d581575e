"""The mkdocs plugin: a thin adapter that feeds mkdocs the pages our package generates."""

from __future__ import annotations

import html as html_text
import ipaddress
import logging
import os
import re
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.base import ValidationError as MkDocsValidationError
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from wegwijzer import i18n
from wegwijzer.geo.postcodes import postcode_table
from wegwijzer.outputs import changes
from wegwijzer.records import vocab
from wegwijzer.records.editions import hidden_stale, without_errors
from wegwijzer.records.loader import Dataset, Source
from wegwijzer.records.report import Finding, Level, Report, one_line
from wegwijzer.settings.config import (
    ConfigError,
    SiteConfig,
    SiteSettings,
    load_site,
    parse_site_config,
)
from wegwijzer.settings.present import count_text
from wegwijzer.settings.site_url import site_url_problems
from wegwijzer.site import offline, shells, sitemap
from wegwijzer.site.assets import asset_url, versioned
from wegwijzer.site.csp import theme_scripts, with_csp
from wegwijzer.site.encryption import PassphraseError, Sealer, is_public_file, passphrase_from_env
from wegwijzer.site.pages import ASSET_ROOT, Page, render_site, url_of
from wegwijzer.site.search import build_index, indexed, page_words, search_tiers, topic_entries
from wegwijzer.site.theme import COLOUR_CSS, ThemeContext, colour_css, install
from wegwijzer.tasks.validate import validate_site

log = logging.getLogger("mkdocs.plugins.wegwijzer")
# What a lenient build leaves out: a warning people see, but not one of mkdocs' own, which
# `mkdocs build --strict` counts and would stop the publishing build on.
left_out = logging.getLogger("wegwijzer.bouw")


class _ToStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to sys.stderr as it is at the time (tests and mkdocs may replace it)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


if not left_out.handlers:
    _handler = _ToStderr()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    left_out.addHandler(_handler)
    left_out.propagate = False

STYLESHEETS = [f"{ASSET_ROOT}/css/wegwijzer.css", f"{ASSET_ROOT}/{COLOUR_CSS}"]
SCRIPTS = [
    f"{ASSET_ROOT}/js/teksten.js",  # wwT(): every script's words in the page's language
    f"{ASSET_ROOT}/js/openingstijden.js",
    f"{ASSET_ROOT}/js/wegwijzer.js",
    f"{ASSET_ROOT}/js/zoeken.js",
]
# The referrers' edition only: the shortlist, and the opener for its sealed search index.
REFERRER_SCRIPTS = [f"{ASSET_ROOT}/js/lijstje.js", f"{ASSET_ROOT}/js/slot.js"]
# The public edition only: works without internet after one visit (site/offline.py).
PUBLIC_SCRIPTS = [f"{ASSET_ROOT}/js/offline.js"]
THEME_DIR = Path(__file__).parent.parent / "theme"  # partials/search.html: our own lazy search


class WegwijzerPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Options are validated by our own pydantic model (see config.py), not mkdocs' classes."""

    site_config: SiteConfig
    root: Path
    generated: set[str]  # src_uris of our pages: their body is finished HTML already
    _html: dict[str, str]
    _trusted: list[re.Pattern[str]]
    _search: list[tuple[str, str, str, str]]
    _shown_in: dict[str, dict[str, tuple[str, str]]]  # language -> Dutch URL -> title, line
    sealer: Sealer | None = None  # set in the referrers' edition: everything it writes is sealed
    _sealed: set[str]
    _shells: dict[str, str]  # shell page -> its rendered HTML (site/shells.py)
    _later: Iterator[Page]
    languages: list[i18n.Language]
    command: str = "build"  # from on_startup: gh-deploy and serve can make a build public

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        shown = Path(config_file_path).name if config_file_path else "mkdocs.yml"
        self.root = Path(config_file_path).resolve().parent if config_file_path else Path.cwd()
        try:
            self.site_config = parse_site_config(options, Source(shown, options))
        except ConfigError as exc:
            findings = _with_lines(config_file_path) or exc.findings
            return [("wegwijzer", MkDocsValidationError(str(f))) for f in findings], []
        return [], []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    @property
    def site(self) -> SiteSettings:
        return SiteSettings(self.site_config, self.root)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        _refuse_markup_in_settings(config)
        for problem in site_url_problems(config.site_url or ""):  # the flyers' QR codes
            raise PluginError(f"mkdocs.yml: site_url: {problem}")
        if not config.use_directory_urls:  # our links are folder links: 'locaties/x/'
            raise PluginError(
                "mkdocs.yml: use_directory_urls: false wordt niet ondersteund: dan werken de "
                "links tussen de pagina's niet. Haal de regel weg."
            )
        problems = self.site.language_problems()
        if problems:
            raise PluginError("\n".join(f"mkdocs.yml: {problem}" for problem in problems))
        self.languages = self.site.languages()
        self._trusted = theme_scripts(config.theme.dirs)  # the CSP hashes only these
        self.sealer, self._sealed = None, set()
        if self.site_config.editie == "verwijzers":  # refuse before anything is written
            try:
                self.sealer = Sealer(passphrase_from_env())
            except PassphraseError as exc:
                raise PluginError(_publishing(self.command, config) + str(exc)) from None
        data_dir = str(self.site.data_dir)
        if data_dir not in config.watch:  # `mkdocs serve` rebuilds when a record changes
            config.watch.append(data_dir)
        styles = [_versioned(s, self.site_config.kleur) for s in STYLESHEETS]  # ?v=<hash>
        config.extra_css.extend(s for s in styles if s not in config.extra_css)
        dirs = config.theme.dirs
        if str(THEME_DIR) not in dirs:  # after the site's custom_dir, before Material's own
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        self._search = []
        self._shown_in = {}
        self._use_logo(config)
        referrers = self.site_config.editie == "verwijzers"
        for path in SCRIPTS + (REFERRER_SCRIPTS if referrers else PUBLIC_SCRIPTS):
            script = ExtraScriptValue(_versioned(path, self.site_config.kleur))
            script.defer = True
            config.extra_javascript.append(script)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        dataset, report = validate_site(self.site)
        for finding in report.warnings:
            log.info(str(finding))  # data warnings are for `wegwijzer check`; not fatal here
        if report.errors:
            dataset = self._leave_out_errors(dataset, report)
        self._name_hidden(dataset)
        postcodes = postcode_table(self.site.data_dir, dataset)
        # search ranks a waiting list, and after it help that is full or closed, after the rest
        self._search_later = search_tiers(dataset, date.today())
        site = render_site(
            dataset,
            self.site_config,
            site_url=config.site_url,
            postcodes=postcodes,
            languages=self.languages,
            changes=self._changes(dataset),
        )
        self.generated, self._html, self._shells = set(), {}, {}
        self._later = site.records()  # made and written from their shells in on_post_build
        for path in site.record_paths:
            self._refuse_clash(files, path)
        through_mkdocs = site.screens
        if not all(map(shells.is_record, site.record_paths)):  # tests/test_shells.py only
            records = list(self._later)
            self._later = iter([page for page in records if shells.is_record(page.path)])
            through_mkdocs = through_mkdocs + [p for p in records if not shells.is_record(p.path)]
        for page in through_mkdocs:
            self._refuse_clash(files, page.path)
            self.generated.add(page.path)
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.path, content=page.text, inclusion=inclusion))
        for language in self.languages:
            for folder in shells.FOLDERS:  # one page mkdocs renders, for many we write
                path = shells.shell_path(language, folder)
                self.generated.add(path)
                text = shells.shell_text(language)
                files.append(
                    File.generated(config, path, content=text, inclusion=InclusionLevel.NOT_IN_NAV)
                )
        self._translated_urls = _translated_urls(site.screens, site.record_paths, self.languages)
        for static in site.files:
            self._refuse_clash(files, static.path)
            if static.content is not None:
                content = self._seal(static.path, static.content)
                files.append(File.generated(config, static.path, content=content))
            else:
                files.append(File.generated(config, static.path, abs_src_path=str(static.source)))
        return files

    def _changes(self, dataset: Dataset) -> changes.History:
        """'Wat is er veranderd?' from the git history of data/; without one, a warning
        outside mkdocs' count (a shallow clone must not stop `--strict`) and a page saying so."""
        today = date.today()
        history = changes.recent_changes(
            self.site.data_dir,
            today,
            self.site_config.validation_context(today),
            frozenset(
                i for i, o in dataset.organisaties.items() if o.zichtbaarheid == "verwijzers"
            ),
            public=self.site_config.editie != "verwijzers",
        )
        if history.problem is not None:
            left_out.warning(
                "Geen geschiedenis voor 'Wat is er veranderd?': %s. De pagina zegt dat.",
                history.problem,
            )
        return history

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """The help bar, the footer and the 404 page read the settings through `wegwijzer`."""
        built = frozenset(f.src_uri for f in files.documentation_pages())
        self._theme = ThemeContext(
            self.site_config, config.site_url, built, tuple(self.languages), self._translated_urls
        )
        install(env, self._theme)
        self._env = env
        return env

    def on_page_context(self, context: Any, *, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        i18n.switch_to(self._theme.language(page))  # the theme's _() for this page
        return context

    def _use_logo(self, config: MkDocsConfig) -> None:
        logo = self.site_config.logo
        if logo is None:
            return
        if not (Path(config.docs_dir) / logo).is_file():
            raise PluginError(
                one_line(
                    f"mkdocs.yml: logo: het bestand {Path(config.docs_dir).name}/{logo} bestaat "
                    "niet. Zet het logo in de map docs/ en geef het pad vanaf die map."
                )
            )
        config.theme["logo"] = logo

    def on_page_markdown(
        self, markdown: str, *, page: Any, config: MkDocsConfig, files: Files
    ) -> str:
        """Our pages are escaped HTML already: Markdown would only parse megabytes of it
        again (a fifth of the build time at 1,000 locations). Hand it over untouched."""
        if page.file.src_uri in self.generated:
            self._html[page.file.src_uri] = markdown
            return ""
        return markdown

    def on_page_content(self, html: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        html = self._html.pop(page.file.src_uri, html)
        if indexed(page.file.src_uri, page.meta) and not page.meta.get("taal"):
            title = html_text.unescape(page.title or config.site_name)  # shown as text
            info = str(page.meta.get("zoekinfo") or "")  # address and phone, for the result
            self._search.append((title, page.url, page_words(title, html), info))
        elif code := page.meta.get("taal"):  # a screen in another language: its own title
            title = html_text.unescape(page.title or config.site_name)
            url = page.url.removeprefix(f"{code}/")
            info = str(page.meta.get("zoekinfo") or "")
            self._shown_in.setdefault(code, {})[url] = (title, info)
        return html

    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str:
        i18n.switch_to(i18n.DUTCH)
        if shells.is_shell(page.file.src_uri):  # filled in on_post_build, then removed
            self._shells[page.file.src_uri] = output
            return output
        return self._finish(output, page.file.dest_uri.count("/"))

    def _finish(self, output: str, depth: int) -> str:
        """What every page gets last: the policy, and in the referrers' edition the lock."""
        if self.site_config.editie == "verwijzers":  # keep the guide out of search engines
            output = output.replace(
                "<head>", '<head><meta name="robots" content="noindex, nofollow">', 1
            )
        output = with_csp(output, self.site_config.kaart.tile_origin, self._trusted)
        if self.sealer is not None:
            return self.sealer.lock_page(output, depth, self.site_config.kaart.tile_origin)
        return output

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """Static templates (404.html) get the same policy; sitemap.xml is left alone."""
        tiles = self.site_config.kaart.tile_origin
        if template_name.endswith(".html"):
            output_content = with_csp(output_content, tiles, self._trusted)
            if self.sealer is None:
                return output_content
            # 404.html is served at any depth: its script needs a path from the site's root.
            root = urlsplit(config.site_url).path if config.site_url else None
            return self.sealer.lock_page(output_content, 0, tiles, root=root)
        if self.sealer is not None:  # sitemap.xml; mkdocs gzips this output as well
            self._sealed |= {template_name, f"{template_name}.gz"}
            return self.sealer.seal(output_content.encode("utf-8"))
        return output_content

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write our search index; in the referrers' edition, seal everything the other plugins
        and docs/ wrote (the index included)."""
        self._write_records(Path(config.site_dir), config)
        labels = dict(vocab.for_edition(self.site_config.editie).FASES)
        entries = self._search + topic_entries(labels)
        opaque = self.sealer is not None  # the guide's word files: names that tell nothing
        later: dict[str, int] = getattr(self, "_search_later", {})
        files = build_index(entries, later, opaque=opaque, shown_in=self._shown_in)
        for relative, text in files.items():  # zoeken/
            target = Path(config.site_dir) / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if self.sealer is None:  # the public edition: the referrers' guide caches nothing
            self._write_offline(Path(config.site_dir), config)
            return
        site_dir = Path(config.site_dir)
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            relative = path.relative_to(site_dir).as_posix()
            if relative in self._sealed or is_public_file(relative):
                continue
            if path.suffix == ".html":
                html = path.read_text(encoding="utf-8")
                if 'id="ww-slot-data"' not in html:
                    tiles = self.site_config.kaart.tile_origin
                    locked = self.sealer.lock_page(html, relative.count("/"), tiles)
                    path.write_text(locked, encoding="utf-8")
                continue
            path.write_bytes(self.sealer.seal_file(relative, path.read_bytes()))

    def _write_offline(self, site_dir: Path, config: MkDocsConfig) -> None:
        """The service worker and the manifest, last: the worker's version hashes the pages."""
        name = config.site_name or self.site_config.gemeente
        colour = self.site_config.kleur
        offline.write(site_dir, name, self.site_config.gemeente, colour, self.languages)

    def _write_records(self, site_dir: Path, config: MkDocsConfig) -> None:
        """Every record page in every language: its shell, filled (see shells.py)."""
        by_code = {language.code: language for language in self.languages}
        melden = self._env.get_template("partials/ww-melden.html")
        written: dict[str, list[str]] = {}  # shell -> the URLs filled from it, for the sitemap
        for page in self._later:
            placed = shells.place(page.path, by_code)
            shell_path = shells.shell_path(placed.language, placed.folder)
            meta, body = shells.front_matter(page.text)
            if placed.language.is_source and indexed(page.path, meta):
                title = html_text.unescape(meta.get("title") or config.site_name)
                words = page_words(title, body)
                self._search.append((title, placed.url, words, meta.get("zoekinfo", "")))
            elif not placed.language.is_source:  # its search line in that language
                title = html_text.unescape(meta.get("title") or config.site_name)
                url = placed.url.removeprefix(placed.language.prefix)
                shown = self._shown_in.setdefault(placed.language.code, {})
                shown[url] = (title, str(meta.get("zoekinfo") or ""))

            def report(title: str, url: str, language: i18n.Language = placed.language) -> str:
                with i18n.speaking(language):
                    links = self._theme.report_links(title, self._theme.url_of(url))
                    return str(melden.render(report=links))

            html = shells.fill(self._shells[shell_path], placed, meta, body, report)
            out = site_dir / placed.output
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(self._finish(html, placed.output.count("/")), encoding="utf-8")
            written.setdefault(shell_path, []).append(placed.record_id)
        for shell_path in self._shells:  # the shells themselves are no pages
            shutil.rmtree(site_dir / shell_path.removesuffix(".md"), ignore_errors=True)
        sitemap.rewrite(site_dir, config.site_url, written, self.languages, self._translated_urls)

    def _seal(self, path: str, content: bytes) -> bytes:
        if self.sealer is None or is_public_file(path):
            return content
        self._sealed.add(path)
        if path.endswith(".html"):  # the map's frame: a page of its own, opened with the key
            tiles = self.site_config.kaart.tile_origin
            return self.sealer.lock_page(content.decode("utf-8"), path.count("/"), tiles).encode()
        return self.sealer.seal_file(path, content)

    def _leave_out_errors(self, dataset: Dataset, report: Report) -> Dataset:
        """Strict by default; a published site may publish every good record instead."""
        mode = os.environ.get("WEGWIJZER_BIJ_FOUTEN") or self.site_config.bij_fouten
        if mode != "overslaan":
            listed = "\n".join(str(f) for f in report.sorted() if f in report.errors)
            raise PluginError(f"De gegevens bevatten fouten; de site is niet gebouwd:\n{listed}")
        private = [f for f in report.errors if self._is_private(f.path)]
        public = Report([f for f in report.findings if f not in private])
        dataset, lines = without_errors(dataset, public)
        for line in lines:  # a warning, outside mkdocs' count: `--strict` must still publish
            left_out.warning("Niet gepubliceerd: %s", one_line(line))
        for path in sorted({f.path for f in private}):  # the organisation is on the site
            where = "; ".join(f"regel {f.line}: {f.message}" for f in private if f.path == path)
            line = (
                f"{path}. De organisatie staat wel op de site, maar zonder de contacten en "
                f"'verwijzen' uit dit bestand: {where}"
            )
            left_out.warning("Privébestand niet gebruikt: %s", one_line(line))
        if os.environ.get("GITHUB_ACTIONS") == "true":
            for finding in report.errors:  # shown on the file and line in GitHub
                print(finding.annotation(Level.WARNING))
        if lines and (summary := os.environ.get("GITHUB_STEP_SUMMARY")):
            with Path(summary).open("a", encoding="utf-8") as out:  # the run's page on GitHub
                out.write(skipped_summary(lines, self.site_config.editie))
        return dataset

    def _name_hidden(self, dataset: Dataset) -> None:
        """verbergen_na_maanden: each record the public site leaves out, named (issue 29)."""
        months = self.site_config.verbergen_na_maanden
        if not months or self.site_config.editie == "verwijzers":
            return
        for record in hidden_stale(dataset, date.today(), months):
            if getattr(record, "zichtbaarheid", None) == "verwijzers":
                continue  # never on the public site anyway
            source = dataset.source(record)
            line = (
                f"{source.path}:{source.line(('laatst_gecontroleerd',))}: {record.naam}: "
                f"langer dan {months} maanden niet nagekeken"
            )
            left_out.warning("Verborgen voor inwoners: %s", one_line(line))

    def _is_private(self, path: str) -> bool:
        folder = self.site.private_dir
        if folder is None:
            return False
        shown = self.site.shown(folder)
        return path == shown or path.startswith(shown.rstrip("/") + "/")

    @staticmethod
    def _refuse_clash(files: Files, path: str) -> None:
        if files.get_file_from_path(path) is not None:
            raise PluginError(
                f"docs/{path} bestaat al, maar wegwijzer maakt die pagina zelf. "
                "Haal het bestand weg of geef het een andere naam."
            )


_MARKDOWN_SPECIAL = str.maketrans(
    {c: f"\\{c}" for c in "\\`*_[]<>#|~!"} | {"&": "&amp;", "@": "&#64;"}
)


def skipped_summary(lines: list[str], editie: str) -> str:
    """The records a lenient build left out, as Markdown for the job summary: plain text, so a
    record's text can make no link, image, mention or markup there. A public repository's job
    summary is public: for the referrers' guide only the files are named, not the reasons
    (which may quote a private value)."""
    title = "verwijzersgids" if editie == "verwijzers" else "site"
    if editie == "verwijzers":
        lines = [line.split(" staat niet op de site", 1)[0] for line in lines]
    items = [f"- {' '.join(line.split()).translate(_MARKDOWN_SPECIAL)}" for line in lines]
    count = count_text(len(lines), "bestand staat", "bestanden staan")
    head = f"### Niet gepubliceerd ({title})\n\n{count} niet op de {title}: los de fout op.\n\n"
    return head + "\n".join(items) + "\n\n"


def _translated_urls(
    screens: list[Page], record_paths: list[str], languages: list[i18n.Language]
) -> frozenset[str]:
    """The Dutch URLs that the other languages have too: the resident screens (as rendered
    for the first other language) and every record page."""
    if len(languages) < 2:
        return frozenset()
    prefix = languages[1].prefix
    urls = {url_of(p.path[len(prefix) :]) for p in screens if p.path.startswith(prefix)}
    return frozenset(urls | {url_of(path) for path in record_paths})


def _versioned(path: str, colour: str) -> str:
    """An asset's address with its content's version, for long caching (site/assets.py)."""
    relative = path.removeprefix(ASSET_ROOT + "/")
    if relative == COLOUR_CSS:  # written by the build from `kleur`
        return versioned(path, colour_css(colour))
    return asset_url(relative)


def _with_lines(config_file_path: str | None) -> list[Finding]:
    """mkdocs hands plugins their options without line numbers; read the file again, as
    `wegwijzer check` does, so an error points at its line and not at mkdocs.yml:1."""
    if not config_file_path:
        return []
    try:
        load_site(Path(config_file_path))
    except ConfigError as exc:
        return exc.findings
    return []


def _publishing(command: str, config: MkDocsConfig) -> str:
    """Why an unencrypted referrers' guide would leak here, or '' for a local build."""
    host = config.dev_addr.host if config.dev_addr else "127.0.0.1"
    if command == "gh-deploy":
        return (
            "mkdocs gh-deploy zou de verwijzersgids publiek op GitHub Pages zetten, maar hij is "
            "niet versleuteld. Er is niets gepubliceerd. "
        )
    if command == "serve" and not _loopback(host):
        return (
            f"mkdocs serve op {host} laat iedereen in het netwerk de verwijzersgids lezen, maar "
            "hij is niet versleuteld. Gebruik 'mkdocs serve' zonder -a (alleen op deze "
            "computer), of versleutel de gids. "
        )
    return ""


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may be reachable from elsewhere


def _refuse_markup_in_settings(config: MkDocsConfig) -> None:
    """Material prints these settings as HTML without escaping: refuse markup in them."""
    for key in ("site_name", "site_description", "site_author"):
        value = config.get(key) or ""
        if any(char in value for char in '<>"'):
            raise PluginError(
                f'mkdocs.yml: {key}: gebruik hier geen <, > of ". '
                "Het thema zet deze tekst zonder omzetting in elke pagina."
            )
