"""The record format: one pydantic model per YAML file, with the Dutch keys people type.

Every model forbids unknown keys, so a typo is an error and never silently dropped. Fields carry
a title, a description and an example (as HSDS does), which end up in the JSON Schema that
editors use to autocomplete.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from wegwijzer import vocab
from wegwijzer.fields import (
    ControleDatum,
    Datum,
    Doelgroep,
    Email,
    Huisnummer,
    JaNee,
    Postcode,
    Taal,
    Telefoon,
    Term,
    Tijd,
    Url,
    user_error,
)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Fase = Annotated[str, Term(vocab.FASES, "Fase van de schuldhulp.")]
Rol = Annotated[str, Term(vocab.ROLLEN, "Rol van de organisatie.")]
Activiteit = Annotated[str, Term(vocab.ACTIVITEITEN, "Wat de organisatie doet.")]
Soort = Annotated[str, Term(vocab.SOORTEN, "Soort organisatie.")]
Status = Annotated[str, Term(vocab.STATUSSEN, "Of de organisatie nu hulp geeft.")]
Zichtbaarheid = Annotated[str, Term(vocab.ZICHTBAARHEDEN, "Wie dit contact te zien krijgt.")]
Dag = Annotated[str, Term(vocab.DAGEN, "Dag van de week: ma, di, wo, do, vr, za of zo.")]
RecordId = Annotated[str, Field(pattern=ID_PATTERN, examples=["schuldhulpmaatje-voorbeeldstad"])]
Tekst = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    """Strict base: unknown keys are errors, text is stripped, nothing is coerced silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Record(Strict):
    """A file in data/ that people edit: it has an id equal to its file name."""

    id: RecordId


class Contactpersoon(Strict):
    naam: Tekst | None = Field(None, title="Naam", examples=["Fatma Yılmaz"])
    functie: Tekst | None = Field(None, title="Functie", examples=["Coördinator"])
    telefoon: Telefoon | None = Field(None, title="Telefoon (direct)")
    email: Email | None = Field(None, title="E-mail")
    zichtbaarheid: Zichtbaarheid = Field(
        title="Zichtbaarheid",
        description="publiek: op de site. verwijzers: alleen in de verwijzersgids, nooit publiek.",
    )

    @model_validator(mode="after")
    def _named_and_reachable(self) -> Contactpersoon:
        if not (self.naam or self.functie):
            raise user_error("Vul een naam of een functie in.", field="naam")
        if not (self.telefoon or self.email):
            raise user_error("Vul een telefoonnummer of e-mailadres in.", field="telefoon")
        return self


class Organisatie(Record):
    """An organisation that helps with money worries: data/organisaties/<id>.yml."""

    id: RecordId = Field(title="Id", description="Gelijk aan de bestandsnaam, zonder .yml.")
    naam: Tekst = Field(title="Naam", examples=["SchuldHulpMaatje Voorbeeldstad"])
    omschrijving: Tekst = Field(
        title="Omschrijving", description="Wat de organisatie doet, in een paar korte zinnen (B1)."
    )
    soort: Soort = Field("overig", title="Soort organisatie")
    website: Url | None = Field(None, title="Website", examples=["https://www.voorbeeld.nl"])
    email: Email | None = Field(None, title="E-mail")
    telefoon: Telefoon | None = Field(None, title="Telefoon")
    whatsapp: Telefoon | None = Field(None, title="WhatsApp")
    fases: list[Fase] = Field(min_length=1, title="Fases")
    rollen: list[Rol] = Field(default_factory=list, title="Rollen")
    activiteiten: list[Activiteit] = Field(default_factory=list, title="Activiteiten")
    doelgroepen: list[Doelgroep] = Field(default_factory=lambda: ["iedereen"], title="Doelgroepen")
    talen: list[Taal] = Field(default_factory=lambda: ["nl"], title="Talen")
    werkgebied: list[Tekst] = Field(default_factory=list, title="Werkgebied (gemeenten)")
    aanmelden: Tekst | None = Field(None, title="Hoe krijgt u hulp?")
    kosten: Tekst | None = Field(None, title="Kosten", examples=["Gratis"])
    meenemen: Tekst | None = Field(None, title="Wat neemt u mee?")
    verwijzen: Tekst | None = Field(
        None,
        title="Verwijzen (alleen voor verwijzers)",
        description="Wanneer en hoe u iemand verwijst; wat een warme overdracht nodig heeft.",
    )
    contactpersonen: list[Contactpersoon] = Field(default_factory=list, title="Contactpersonen")
    status: Status = Field("actief", title="Status")
    melding: Tekst | None = Field(None, title="Melding", description="Korte mededeling op de site.")
    laatst_gecontroleerd: ControleDatum = Field(title="Laatst gecontroleerd")

    @model_validator(mode="after")
    def _reachable(self) -> Organisatie:
        if not (self.website or self.email or self.telefoon or self.whatsapp):
            raise user_error(
                "Vul minstens één manier in om de organisatie te bereiken: "
                "telefoon, e-mail, whatsapp of website.",
                field="telefoon",
            )
        return self

    @field_validator("fases", "rollen", "activiteiten", "doelgroepen", "talen", "werkgebied")
    @classmethod
    def _no_repeats(cls, values: list[str]) -> list[str]:
        counts = Counter(values)  # values.count(v) per value was quadratic
        repeated = sorted(v for v, n in counts.items() if n > 1)
        if repeated:
            raise user_error(f"'{repeated[0]}' staat er meer dan één keer in.")
        return values


class Adres(Strict):
    straat: Tekst = Field(title="Straat", examples=["Stationsplein"])
    huisnummer: Huisnummer = Field(title="Huisnummer")
    postcode: Postcode = Field(title="Postcode")
    plaats: Tekst = Field(title="Plaats", examples=["'s-Hertogenbosch"])

    def one_line(self) -> str:
        return f"{self.straat} {self.huisnummer}, {self.postcode} {self.plaats}"


# A box around the European Netherlands: coordinates outside it are a mistake.
NL_BOUNDS = {"lat": (50.7, 53.7), "lon": (3.2, 7.3)}


class Coordinaten(Strict):
    lat: float = Field(title="Breedtegraad", examples=[52.37])
    lon: float = Field(title="Lengtegraad", examples=[4.89])

    @model_validator(mode="after")
    def _in_netherlands(self) -> Coordinaten:
        for name, (low, high) in NL_BOUNDS.items():
            if not low <= getattr(self, name) <= high:
                message = "Dit punt ligt niet in Nederland. "
                message += f"In Nederland ligt {name} tussen {low} en {high}."
                raise user_error(message, name)
        return self


class Spreekuur(Strict):
    dagen: list[Dag] = Field(min_length=1, title="Dagen", examples=[["di", "do"]])
    van: Tijd = Field(title="Van")
    tot: Tijd = Field(title="Tot")
    weken: list[Literal[1, 2, 3, 4, 5, -1]] | None = Field(
        None,
        title="Weken van de maand",
        description="Bijvoorbeeld [1, 3] voor de eerste en derde week; -1 is de laatste week.",
    )
    opmerking: Tekst | None = Field(None, title="Opmerking")

    @model_validator(mode="after")
    def _ordered(self) -> Spreekuur:
        if self.van >= self.tot:
            raise user_error(
                f"De eindtijd {self.tot} moet na de begintijd {self.van} liggen.", "tot"
            )
        return self


class Sluiting(Strict):
    van: Datum = Field(title="Eerste dag dicht")
    tot: Datum = Field(title="Laatste dag dicht")
    reden: Tekst | None = Field(None, title="Reden", examples=["Kerstvakantie"])

    @model_validator(mode="after")
    def _ordered(self) -> Sluiting:
        if self.van > self.tot:
            raise user_error(f"De einddatum {self.tot} ligt voor de begindatum {self.van}.", "tot")
        return self


class Locatie(Record):
    """A walk-in or consultation location: data/locaties/<id>.yml."""

    id: RecordId = Field(title="Id", description="Gelijk aan de bestandsnaam, zonder .yml.")
    naam: Tekst = Field(title="Naam", examples=["Inloop Geldzaken in de bibliotheek"])
    organisaties: list[RecordId] = Field(min_length=1, title="Organisaties (ids)")
    omschrijving: Tekst | None = Field(
        None, title="Omschrijving", examples=["Op de 1e verdieping."]
    )
    adres: Adres = Field(title="Adres")
    coordinaten: Coordinaten | None = Field(
        None,
        title="Coördinaten",
        description="Alleen invullen als het adres niet goed gevonden wordt.",
    )
    zonder_afspraak: JaNee = Field(False, title="Binnenlopen zonder afspraak")
    rolstoeltoegankelijk: JaNee | None = Field(None, title="Rolstoeltoegankelijk")
    bereikbaarheid: Tekst | None = Field(
        None, title="Bereikbaarheid", examples=["Bus 5, halte Markt."]
    )
    spreekuren: list[Spreekuur] = Field(default_factory=list, title="Spreekuren")
    gesloten: list[Sluiting] = Field(default_factory=list, title="Gesloten")
    laatst_gecontroleerd: ControleDatum = Field(title="Laatst gecontroleerd")


@dataclass(frozen=True)
class Point:
    """Where a location is on the map, and where that knowledge came from."""

    lat: float
    lon: float
    source: str  # "coordinaten" (typed in the record) or the geocoder's name


MODELS: dict[str, type[Record]] = {"organisaties": Organisatie, "locaties": Locatie}
