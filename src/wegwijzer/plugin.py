"""The mkdocs plugin: a thin adapter that feeds mkdocs the pages our package generates."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.base import ValidationError as MkDocsValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from wegwijzer.config import ConfigError, Site, SiteConfig, parse_site_config
from wegwijzer.loader import Source
from wegwijzer.pages import render_pages
from wegwijzer.validate import validate_site

log = logging.getLogger("mkdocs.plugins.wegwijzer")


class WegwijzerPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Options are validated by our own pydantic model (see config.py), not mkdocs' classes."""

    site_config: SiteConfig
    root: Path

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        shown = Path(config_file_path).name if config_file_path else "mkdocs.yml"
        self.root = (
            Path(config_file_path or ".").resolve().parent if config_file_path else Path.cwd()
        )
        try:
            self.site_config = parse_site_config(options, Source(shown, options))
        except ConfigError as exc:
            return [("wegwijzer", MkDocsValidationError(str(f))) for f in exc.findings], []
        return [], []

    @property
    def site(self) -> Site:
        return Site(self.site_config, self.root)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        data_dir = str(self.site.data_dir)
        if data_dir not in config.watch:  # `mkdocs serve` rebuilds when a record changes
            config.watch.append(data_dir)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        dataset, report = validate_site(self.site)
        for finding in report.warnings:
            log.info(
                str(finding)
            )  # data warnings are for `wegwijzer check`; they do not fail --strict
        if report.errors:
            listed = "\n".join(str(f) for f in report.sorted() if f in report.errors)
            raise PluginError(f"De gegevens bevatten fouten; de site is niet gebouwd:\n{listed}")
        for page in render_pages(dataset, self.site_config):
            files.append(
                File.generated(
                    config,
                    page.path,
                    content=page.text,
                    inclusion=InclusionLevel.UNDEFINED
                    if page.in_nav
                    else InclusionLevel.NOT_IN_NAV,
                )
            )
        return files
