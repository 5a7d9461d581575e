"""Site-wide settings: the options of the `wegwijzer` plugin in mkdocs.yml.

The same pydantic model serves the mkdocs plugin and the command line, so a setting is declared
once and a mistake in it gets the same Dutch message with a line number in both.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, field_validator, model_validator

from wegwijzer import i18n
from wegwijzer.records import phone_hours, vocab
from wegwijzer.records.fields import Email, Telefoon, Url, user_error
from wegwijzer.records.hours import FeestdagenBeleid
from wegwijzer.records.loader import GEOCACHE, Source, error_findings, plain, read_yaml, shown_path
from wegwijzer.records.models import ID_PATTERN, Regel, Strict, Tekst
from wegwijzer.records.phone_hours import OsmUren, PhoneHours
from wegwijzer.records.report import Finding

# The environment variable that holds the referrers' edition passphrase (site/encryption.py)
PASSPHRASE_ENV = "WEGWIJZER_VERWIJZERS_WACHTWOORD"
PLUGIN = "wegwijzer"


class Loket(Strict):
    """The municipality's front door for debt help (schuldhulpverlening)."""

    naam: Regel = Field(title="Naam", examples=["Schuldhulp Gemeente Voorbeeldstad"])
    telefoon: Telefoon = Field(title="Telefoon")
    website: Url | None = Field(None, title="Website")
    email: Email | None = Field(None, title="E-mail")
    omschrijving: Tekst | None = Field(None, title="Omschrijving")
    bereikbaar: Regel | None = Field(
        None, title="Wanneer kunt u bellen?", examples=["ma–vr 9.00–17.00"]
    )
    kosten: Regel | None = Field(None, title="Wat kost bellen?", examples=["gratis"])
    uren: OsmUren | None = Field(
        None,
        title="Wanneer neemt het loket op? (OpenStreetMap opening_hours)",
        description="Zo zeggen Spoed en de hulpbalk of het loket nu open is, of wanneer weer.",
        examples=["Mo-Fr 09:00-17:00; PH off"],
    )

    def hours(self) -> PhoneHours | None:
        return phone_hours.parse(self.uren) if self.uren else None


class Spoedlijn(Strict):
    """A phone line for urgent help, with the hours it answers: shown first when it is open."""

    naam: Regel = Field(title="Naam", examples=["Crisislijn Voorbeeldstad"])
    telefoon: Telefoon = Field(title="Telefoon")
    uren: OsmUren = Field(title="Wanneer neemt de lijn op? (OpenStreetMap opening_hours)")
    waarvoor: Tekst = Field(
        title="Waarvoor belt u deze lijn?", examples=["U moet vandaag uit uw huis"]
    )
    kosten: Regel | None = Field(None, title="Wat kost bellen?", examples=["gratis"])

    def hours(self) -> PhoneHours:
        return phone_hours.parse(self.uren)


class Spoed(Strict):
    """An urgent situation and the number to call right away."""

    situatie: Regel = Field(title="Situatie", examples=["U moet uit uw huis"])
    telefoon: Telefoon = Field(title="Telefoon")
    naam: Regel | None = Field(None, title="Wie u belt")
    toelichting: Tekst | None = Field(None, title="Toelichting")


class GeocoderSettings(Strict):
    """The `geocoder:` options of the plugin in mkdocs.yml."""

    bron: Literal["pdok", "nominatim"] = Field("pdok", title="Welke geocoder")
    contact: Tekst | None = Field(
        None,
        title="Contact voor de geocoder",
        description="E-mailadres of website van de beheerder; verplicht voor Nominatim.",
    )
    timeout: float = Field(10.0, gt=0, le=60, title="Wachttijd per verzoek in seconden")
    pogingen: int = Field(4, ge=1, le=10, title="Pogingen bij een storing")


PDOK_TILES = (
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
)


class KaartSettings(Strict):
    """The `kaart:` options: where map tiles come from (the only third party a visitor meets)."""

    tegels: str = Field(PDOK_TILES, title="Adres van de kaarttegels, met {z}, {x} en {y}")
    attributie: str = Field("Kaartgegevens © Kadaster", title="Bronvermelding van de kaart")
    max_zoom: int = Field(19, ge=10, le=22, title="Verst inzoomen")

    @field_validator("tegels")
    @classmethod
    def _tile_template(cls, value: str) -> str:
        if not value.startswith("https://") or not all(p in value for p in ("{z}", "{x}", "{y}")):
            raise ValueError("Gebruik een https-adres met {z}, {x} en {y} erin.")
        return value

    @property
    def tile_origin(self) -> str:
        """scheme://host of the tile server: the one outside address pages may contact."""
        parts = urlsplit(self.tegels)
        return f"{parts.scheme}://{parts.netloc}"


DEFAULT_COLOUR = "#154273"  # a sober dark blue: 10.2:1 with white text
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text
_HEX = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")
_PATH = re.compile(r"^[\w./-]+$")  # a file path in docs/: nothing that ends an attribute


def readable_colour(value: str) -> str:
    """'#1a5f8a' in lower case; refused when white text on it is below 4.5:1 (WCAG AA)."""
    match = _HEX.fullmatch(value.strip())
    if match is None:
        raise ValueError("Vul een kleur in als #154273 (een # en zes tekens 0-9 of a-f).")
    digits = match[1] if len(match[1]) == 6 else "".join(c * 2 for c in match[1])
    ratio = contrast_with_white(digits)
    if ratio < MIN_CONTRAST:
        raise ValueError(
            f"Witte tekst op #{digits.lower()} is slecht te lezen (contrast {ratio:.1f}:1, "
            f"minimaal {MIN_CONTRAST}:1). Kies een donkerdere kleur."
        )
    return "#" + digits.lower()


def contrast_with_white(digits: str) -> float:
    """The WCAG contrast ratio of white on an 'rrggbb' colour."""
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


class SiteConfig(Strict):
    """Options of the wegwijzer plugin in mkdocs.yml."""

    gemeente: Tekst = Field(title="Gemeente of regio", examples=["Voorbeeldstad"])
    data: str = Field("data", title="Map met de gegevens")
    voorbeelddata: bool = Field(False, title="Toon dat dit voorbeeldgegevens zijn")
    loket: Loket = Field(title="Loket schuldhulp van de gemeente")
    spoed: list[Spoed] = Field(default_factory=list, title="Spoed: wie belt u meteen?")
    spoedlijnen: list[Spoedlijn] = Field(
        default_factory=list,
        title="Spoedlijnen: wie neemt op als het loket dicht is?",
        description="112 bij gevaar staat er altijd onder; die hoeft u niet in te vullen.",
    )
    doelgroepen: dict[str, Tekst] = Field(
        default_factory=dict, title="Extra doelgroepen", description="id: label"
    )
    controle_maanden: int = Field(12, ge=1, le=60, title="Waarschuw na zoveel maanden")
    verbergen_na_maanden: int | None = Field(
        None,
        ge=1,
        le=120,
        title="Verberg voor inwoners na zoveel maanden zonder controle",
        description=(
            "Leeg: nooit. Een record dat zo lang niet is nagekeken, staat niet meer op de "
            "openbare site (wel in de verwijzersgids). 'check' waarschuwt een maand eerder."
        ),
    )
    welkom: Tekst | None = Field(None, title="Welkomsttekst bovenaan de startpagina")
    melden: Tekst | None = Field(
        None,
        title="Klopt er iets niet?",
        description="E-mailadres, of het adres van het issue-formulier van de repository.",
    )
    melden_email: Email | None = Field(
        None,
        title="E-mailadres voor 'Klopt er iets niet?'",
        description="De link opent een e-mail met de naam en het adres van de pagina erin.",
    )
    kleur: str = Field(
        DEFAULT_COLOUR,
        title="Kleur van de balk bovenaan",
        description="Een hexadecimale kleur zoals #154273; witte tekst moet erop te lezen zijn.",
        examples=["#154273"],
    )
    logo: str | None = Field(
        None,
        title="Logo",
        description="Pad van het logo in docs/, bijvoorbeeld assets/logo.svg.",
    )
    editie: Literal["publiek", "verwijzers"] = Field(
        "publiek",
        title="Editie",
        description="verwijzers: de verwijzersgids met directe nummers. Nooit publiek zetten.",
    )
    bij_fouten: Literal["stoppen", "overslaan"] = Field(
        "stoppen",
        title="Bij fouten in de gegevens",
        description=(
            "stoppen: de site wordt niet gebouwd. overslaan: de site wordt gebouwd zonder de "
            "records met fouten (de build noemt ze). Ook via WEGWIJZER_BIJ_FOUTEN."
        ),
    )
    prive: str | None = Field(
        None,
        title="Privémap met gegevens voor verwijzers",
        description="Map (of uitgecheckte privé-repository) met organisaties/<id>.yml. "
        "De omgevingsvariabele WEGWIJZER_PRIVE gaat voor.",
    )
    gegevens_prive: bool = Field(
        False,
        title="De gegevens-repository is privé",
        description="true: contacten voor verwijzers mogen in data/ staan.",
    )
    geocoder: GeocoderSettings = Field(default_factory=GeocoderSettings, title="Geocoder")
    kaart: KaartSettings = Field(default_factory=KaartSettings, title="Kaart")
    feestdagen: FeestdagenBeleid = Field(default_factory=FeestdagenBeleid, title="Feestdagen")
    talen: list[str] = Field(
        default_factory=i18n.default_languages,
        title="Talen naast Nederlands",
        description=(
            "De vaste teksten van de site ook in deze talen, onder /en/, /ar/ enzovoort. "
            "Een lege lijst: alleen Nederlands. Een eigen taal: zet vertalingen/<code>.po "
            "naast mkdocs.yml. De verwijzersgids is altijd alleen Nederlands. Standaard: elke "
            "vertaling die klaar is."
        ),
        examples=[["en", "tr", "ar", "pl", "uk"]],
    )
    nagekeken: list[str] = Field(
        default_factory=list,
        title="Vertalingen die een moedertaalspreker heeft nagekeken",
        description="Talen waarvan iemand die de taal als moedertaal spreekt de teksten las.",
        examples=[["en"]],
    )

    @field_validator("melden")
    @classmethod
    def _report_target(cls, value: str | None) -> str | None:
        if value and not value.startswith("https://") and "@" not in value:
            raise ValueError("Vul een e-mailadres of een https-adres in.")
        return value

    @field_validator("kleur")
    @classmethod
    def _readable_colour(cls, value: str) -> str:
        return readable_colour(value)

    @field_validator("logo")
    @classmethod
    def _logo_path(cls, value: str | None) -> str | None:
        if value and (
            value.startswith(("/", "http:", "https:")) or ".." in value or not _PATH.match(value)
        ):
            raise ValueError(
                "Geef het pad van het logo in de map docs/, zoals assets/logo.svg: alleen "
                "letters, cijfers, punten, streepjes en /."
            )
        return value

    @model_validator(mode="after")
    def _nominatim_needs_contact(self) -> SiteConfig:
        if self.geocoder.bron == "nominatim" and not self.geocoder.contact:
            message = "Nominatim vraagt wie de verzoeken stuurt. Vul een e-mailadres in."
            raise user_error(message, field="geocoder")
        return self

    @field_validator("talen", "nagekeken")
    @classmethod
    def _language_codes(cls, codes: list[str]) -> list[str]:
        for code in codes:
            if not re.fullmatch(r"[a-z]{2,3}", code):
                raise ValueError(f"'{code}' is geen taalcode. Gebruik een code zoals en, tr of ar.")
            if code == i18n.SOURCE:
                raise ValueError("Nederlands staat er altijd in. Haal nl weg uit de lijst.")
        if len(set(codes)) != len(codes):
            raise ValueError("Er staat een taal twee keer in de lijst.")
        return codes

    @field_validator("doelgroepen")
    @classmethod
    def _group_ids(cls, groups: dict[str, str]) -> dict[str, str]:
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
        findings = list(error_findings(source, SiteConfig, exc))
        raise ConfigError(findings) from None


@dataclass(frozen=True)
class SiteSettings:
    """A configured site: its settings and the folder mkdocs.yml lives in."""

    config: SiteConfig
    root: Path

    @property
    def data_dir(self) -> Path:
        return self.root / self.config.data

    @property
    def private_dir(self) -> Path | None:
        """The private overlay folder, if any: the environment variable wins over mkdocs.yml."""
        folder = os.environ.get("WEGWIJZER_PRIVE") or self.config.prive
        return self.root / folder if folder else None

    @property
    def geocache_path(self) -> Path:
        return self.data_dir / GEOCACHE

    def shown(self, path: Path) -> str:
        """A path as messages show it: relative to mkdocs.yml's folder where possible."""
        return shown_path(path, self.root)

    def language_problems(self) -> list[str]:
        """`talen` or `nagekeken` names a language that has no catalog."""
        known = i18n.available(self.root)
        problems = []
        for key, codes in (("talen", self.config.talen), ("nagekeken", self.config.nagekeken)):
            for code in codes:
                if code not in known:
                    problems.append(
                        f"{key}: voor '{code}' is er geen vertaling. Er zijn: "
                        f"{', '.join(sorted(known))}. Een eigen vertaling zet u in "
                        f"{i18n.SITE_CATALOGS}/{code}.po."
                    )
                elif not i18n.known_code(code):  # the site needs its name and direction
                    problems.append(
                        f"{key}: de taalcode '{code}' kennen we niet, dus ook niet de naam en "
                        f"schrijfrichting van de taal. Geef {i18n.SITE_CATALOGS}/{code}.po de "
                        "code van de taal, zoals so, fa of ti."
                    )
        return problems

    def languages(self) -> list[i18n.Language]:
        """Dutch first, then the site's other languages. The referrers' guide is Dutch only:
        it is for professionals, and it is sealed page by page."""
        if self.config.editie == "verwijzers":
            return [i18n.DUTCH]
        return i18n.load(self.config.talen, self.root, tuple(self.config.nagekeken))


def load_site(config_file: Path) -> SiteSettings:
    """Read the wegwijzer options from mkdocs.yml (or another mkdocs config file)."""
    shown = config_file.name
    node = _read_config(config_file, shown)
    options = _plugin_options(node)
    if isinstance(node, Mapping) and "INHERIT" in node:
        parent = _read_config(config_file.parent / str(node["INHERIT"]), str(node["INHERIT"]))
        inherited = _plugin_options(parent) or {}
        # Merged options have no single file and line; findings then name the field only.
        options = _deep_merge(plain(inherited), plain(options or {}))
    if options is None:
        message = "De plugin 'wegwijzer' staat niet onder 'plugins:'."
        raise ConfigError([Finding(shown, 1, "plugins", message)])
    return SiteSettings(
        parse_site_config(options, Source(shown, options)), config_file.parent.resolve()
    )


def _read_config(path: Path, shown: str) -> Any:
    if not path.is_file():
        raise ConfigError([Finding(shown, 0, "", "Dit bestand bestaat niet.")])
    node, findings = read_yaml(path, shown)
    if findings:
        raise ConfigError(findings)
    return node


def _plugin_options(node: Any) -> Mapping[str, Any] | None:
    """The plugin's options, whether `plugins:` is a list (usual) or a mapping (inheritable)."""
    plugins = node.get("plugins") if isinstance(node, Mapping) else None
    if isinstance(plugins, Mapping):
        return plugins[PLUGIN] or {} if PLUGIN in plugins else None
    for entry in plugins or []:
        if entry == PLUGIN:
            return {}
        if isinstance(entry, Mapping) and PLUGIN in entry:
            return entry[PLUGIN] or {}
    return None


def _deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """What mkdocs does with INHERIT: mappings merge, everything else is replaced."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged
