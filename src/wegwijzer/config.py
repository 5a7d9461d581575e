"""Site-wide settings: the options of the `wegwijzer` plugin in mkdocs.yml.

The same pydantic model serves the mkdocs plugin and the command line, so a setting is declared
once and a mistake in it gets the same Dutch message with a line number in both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator

from wegwijzer import vocab
from wegwijzer.fields import Email, Telefoon, Url
from wegwijzer.loader import Source, field_name, plain, read_yaml
from wegwijzer.messages import dutch_message
from wegwijzer.models import ID_PATTERN, Record, Tekst
from wegwijzer.report import Finding

PLUGIN = "wegwijzer"


class Loket(Record):
    """The municipality's front door for debt help (schuldhulpverlening)."""

    naam: Tekst = Field(title="Naam", examples=["Schuldhulp Gemeente Voorbeeldstad"])
    telefoon: Telefoon = Field(title="Telefoon")
    website: Url | None = Field(None, title="Website")
    email: Email | None = Field(None, title="E-mail")
    omschrijving: Tekst | None = Field(None, title="Omschrijving")


class Spoed(Record):
    """An urgent situation and the number to call right away."""

    situatie: Tekst = Field(title="Situatie", examples=["U moet uit uw huis"])
    telefoon: Telefoon = Field(title="Telefoon")
    naam: Tekst | None = Field(None, title="Wie u belt")
    toelichting: Tekst | None = Field(None, title="Toelichting")


class SiteConfig(Record):
    """Options of the wegwijzer plugin in mkdocs.yml."""

    gemeente: Tekst = Field(title="Gemeente of regio", examples=["Voorbeeldstad"])
    data: str = Field("data", title="Map met de gegevens")
    voorbeelddata: bool = Field(False, title="Toon dat dit voorbeeldgegevens zijn")
    loket: Loket = Field(title="Loket schuldhulp van de gemeente")
    spoed: list[Spoed] = Field(default_factory=list, title="Spoed: wie belt u meteen?")
    doelgroepen: dict[str, Tekst] = Field(
        default_factory=dict, title="Extra doelgroepen", description="id: label"
    )
    controle_maanden: int = Field(12, ge=1, le=60, title="Waarschuw na zoveel maanden")

    @field_validator("doelgroepen")
    @classmethod
    def _group_ids(cls, groups: dict[str, str]) -> dict[str, str]:
        import re

        for key in groups:
            if not re.match(ID_PATTERN, key):
                raise ValueError(f"'{key}': gebruik kleine letters, cijfers en streepjes.")
        return groups

    def target_groups(self) -> dict[str, str]:
        """The standard groups plus this site's own, in the order the site shows them."""
        return {**vocab.DOELGROEPEN, **self.doelgroepen}

    def validation_context(self, today: date | None = None) -> dict[str, Any]:
        return {"vandaag": today or date.today(), "doelgroepen": self.target_groups()}


class ConfigError(Exception):
    """mkdocs.yml cannot be used; the findings say why."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("\n".join(map(str, findings)))
        self.findings = findings


def parse_site_config(options: Mapping[str, Any], source: Source) -> SiteConfig:
    """Validate plugin options; raises ConfigError with lines in mkdocs.yml."""
    try:
        return SiteConfig.model_validate(plain(options))
    except ValidationError as exc:
        findings = [
            Finding(
                source.path,
                source.line(tuple(e["loc"])),
                field_name(tuple(e["loc"])),
                dutch_message(e),
            )
            for e in exc.errors()
        ]
        raise ConfigError(findings) from None


@dataclass(frozen=True)
class Site:
    """A configured site: its settings and the folder mkdocs.yml lives in."""

    config: SiteConfig
    root: Path

    @property
    def data_dir(self) -> Path:
        return self.root / self.config.data


def load_site(config_file: Path) -> Site:
    """Read the wegwijzer options from mkdocs.yml (or another mkdocs config file)."""
    shown = config_file.name
    if not config_file.is_file():
        raise ConfigError([Finding(shown, 0, "", "Dit bestand bestaat niet.")])
    node, findings = read_yaml(config_file, shown)
    if findings:
        raise ConfigError(findings)
    options = _plugin_options(node)
    if options is None:
        message = "De plugin 'wegwijzer' staat niet onder 'plugins:'."
        raise ConfigError([Finding(shown, 1, "plugins", message)])
    return Site(parse_site_config(options, Source(shown, options)), config_file.parent.resolve())


def _plugin_options(node: Any) -> Mapping[str, Any] | None:
    plugins = node.get("plugins") if isinstance(node, Mapping) else None
    for entry in plugins or []:
        if entry == PLUGIN:
            return {}
        if isinstance(entry, Mapping) and PLUGIN in entry:
            return entry[PLUGIN] or {}
    return None
