"""The mkdocs plugin: a thin adapter that feeds mkdocs the pages our package generates."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.base import ValidationError as MkDocsValidationError
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from wegwijzer.config import ConfigError, Site, SiteConfig, parse_site_config
from wegwijzer.csp import with_csp
from wegwijzer.loader import Source
from wegwijzer.pages import ASSET_ROOT, render_site
from wegwijzer.slot import PassphraseError, Sealer, is_public_file, passphrase_from_env
from wegwijzer.validate import validate_site

log = logging.getLogger("mkdocs.plugins.wegwijzer")

STYLESHEETS = [f"{ASSET_ROOT}/css/wegwijzer.css"]
SCRIPTS = [f"{ASSET_ROOT}/js/openingstijden.js", f"{ASSET_ROOT}/js/wegwijzer.js"]


class WegwijzerPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Options are validated by our own pydantic model (see config.py), not mkdocs' classes."""

    site_config: SiteConfig
    root: Path
    generated: set[str]  # src_uris of our pages: their body is finished HTML already
    _html: dict[str, str]
    sealer: Sealer | None = None  # set in the referrers' edition: everything it writes is sealed
    _sealed: set[str]

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        shown = Path(config_file_path).name if config_file_path else "mkdocs.yml"
        self.root = Path(config_file_path).resolve().parent if config_file_path else Path.cwd()
        try:
            self.site_config = parse_site_config(options, Source(shown, options))
        except ConfigError as exc:
            return [("wegwijzer", MkDocsValidationError(str(f))) for f in exc.findings], []
        return [], []

    @property
    def site(self) -> Site:
        return Site(self.site_config, self.root)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.sealer, self._sealed = None, set()
        if self.site_config.editie == "verwijzers":  # refuse before anything is written
            try:
                self.sealer = Sealer(passphrase_from_env())
            except PassphraseError as exc:
                raise PluginError(str(exc)) from None
        data_dir = str(self.site.data_dir)
        if data_dir not in config.watch:  # `mkdocs serve` rebuilds when a record changes
            config.watch.append(data_dir)
        config.extra_css.extend(s for s in STYLESHEETS if s not in config.extra_css)
        for path in SCRIPTS:
            script = ExtraScriptValue(path)
            script.defer = True
            config.extra_javascript.append(script)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        dataset, report = validate_site(self.site)
        for finding in report.warnings:
            log.info(str(finding))  # data warnings are for `wegwijzer check`; not fatal here
        if report.errors:
            listed = "\n".join(str(f) for f in report.sorted() if f in report.errors)
            raise PluginError(f"De gegevens bevatten fouten; de site is niet gebouwd:\n{listed}")
        site = render_site(dataset, self.site_config, site_url=config.site_url)
        self.generated, self._html = {page.path for page in site.pages}, {}
        for page in site.pages:
            self._refuse_clash(files, page.path)
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.path, content=page.text, inclusion=inclusion))
        for static in site.files:
            self._refuse_clash(files, static.path)
            if static.content is not None:
                content = self._seal(static.path, static.content)
                files.append(File.generated(config, static.path, content=content))
            else:
                files.append(File.generated(config, static.path, abs_src_path=str(static.source)))
        return files

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
        return self._html.pop(page.file.src_uri, html)

    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str:
        if (
            self.site_config.editie == "verwijzers"
        ):  # keep the referrers' guide out of search engines
            output = output.replace(
                "<head>", '<head><meta name="robots" content="noindex, nofollow">', 1
            )
        output = with_csp(output, self.site_config.kaart.tile_origin)
        if self.sealer is not None:
            depth = page.file.dest_uri.count("/")
            return self.sealer.lock_page(output, depth, self.site_config.kaart.tile_origin)
        return output

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """Static templates (404.html) get the same policy; sitemap.xml is left alone."""
        tiles = self.site_config.kaart.tile_origin
        if template_name.endswith(".html"):
            output_content = with_csp(output_content, tiles)
            return (
                self.sealer.lock_page(output_content, 0, tiles) if self.sealer else output_content
            )
        if self.sealer is not None:  # sitemap.xml; mkdocs gzips this output as well
            self._sealed |= {template_name, f"{template_name}.gz"}
            return self.sealer.seal(output_content.encode("utf-8"))
        return output_content

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Seal whatever the other plugins and docs/ wrote in the referrers' edition."""
        if self.sealer is None:
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

    def _seal(self, path: str, content: bytes) -> bytes:
        if self.sealer is None or is_public_file(path):
            return content
        self._sealed.add(path)
        if path.endswith(".html"):  # the map's frame: a page of its own, opened with the key
            tiles = self.site_config.kaart.tile_origin
            return self.sealer.lock_page(content.decode("utf-8"), path.count("/"), tiles).encode()
        return self.sealer.seal_file(path, content)

    @staticmethod
    def _refuse_clash(files: Files, path: str) -> None:
        if files.get_file_from_path(path) is not None:
            raise PluginError(
                f"docs/{path} bestaat al, maar wegwijzer maakt die pagina zelf. "
                "Haal het bestand weg of geef het een andere naam."
            )
