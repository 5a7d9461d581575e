"""The record format: one pydantic model per YAML file, with the Dutch keys people type.

Every model forbids unknown keys, so a typo is an error and never silently dropped. Fields carry
a title, a description and an example (as HSDS does), which end up in the JSON Schema that
editors use to autocomplete.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    FieldSerializationInfo,
    ModelWrapValidatorHandler,
    PrivateAttr,
    WithJsonSchema,
    field_serializer,
    field_validator,
    model_validator,
)

from wegwijzer.records import vocab
from wegwijzer.records.fields import (
    ControleDatum,
    Datum,
    Doelgroep,
    Email,
    Huisnummer,
    JaNee,
    Plek,
    Postcode,
    Taal,
    Telefoon,
    Term,
    Tijd,
    Url,
    one_line,
    reject_non_date,
    user_error,
    visible_text,
)
from wegwijzer.records.phone_hours import OsmUren

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Fase = Annotated[str, Term(vocab.FASES, "Fase van de schuldhulp.")]
Rol = Annotated[str, Term(vocab.ROLLEN, "Rol van de organisatie.")]
Activiteit = Annotated[str, Term(vocab.ACTIVITEITEN, "Wat de organisatie doet.")]
Soort = Annotated[str, Term(vocab.SOORTEN, "Soort organisatie.")]
Status = Annotated[str, Term(vocab.STATUSSEN, "Of de organisatie nu hulp geeft.")]
Zichtbaarheid = Annotated[str, Term(vocab.ZICHTBAARHEDEN, "Wie dit contact te zien krijgt.")]
Levensbeschouwing = Annotated[
    str, Term(vocab.LEVENSBESCHOUWINGEN, "Vanuit welk geloof of welke levensovertuiging.")
]
Dag = Annotated[str, Term(vocab.DAGEN, "Dag van de week: ma, di, wo, do, vr, za of zo.")]
MAX_ID = 100  # an id is a file and folder name: far below the 255 bytes a name may have
RecordId = Annotated[
    str, Field(pattern=ID_PATTERN, max_length=MAX_ID, examples=["schuldhulpmaatje-voorbeeldstad"])
]
Tekst = Annotated[str, Field(min_length=1)]
KorteTekst = Annotated[str, Field(min_length=1, max_length=300)]
Regel = Annotated[str, Field(min_length=1), AfterValidator(one_line)]  # names: one line
LANDELIJK = "landelijk"
"""The werkgebied of help for the whole country: it counts for every municipality."""


class Strict(BaseModel):
    """Strict base: unknown keys are errors, text is stripped, nothing is coerced silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _visible(cls, value: Any) -> Any:
        """A YAML escape ("\\x7f", "\\u202e") gets past the raw-file check; this does not."""
        return visible_text(value)


class Record(Strict):
    """A file in data/ that people edit: it has an id equal to its file name."""

    id: RecordId


class Contactpersoon(Strict):
    naam: Regel | None = Field(None, title="Naam", examples=["Fatma Yılmaz"])
    functie: Regel | None = Field(None, title="Functie", examples=["Coördinator"])
    telefoon: Telefoon | None = Field(None, title="Telefoon (direct)")
    telefoon_toelichting: Tekst | None = Field(
        None, title="Toelichting bij het nummer", examples=["ma-vr 9-12 uur"]
    )
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


class Leeftijd(Strict):
    van: int | None = Field(None, ge=0, le=120, title="Vanaf leeftijd", examples=[18])
    tot: int | None = Field(None, ge=0, le=120, title="Tot leeftijd", examples=[27])

    @model_validator(mode="after")
    def _range(self) -> Leeftijd:
        if self.van is None and self.tot is None:
            raise user_error("Vul 'van' of 'tot' in, bijvoorbeeld van: 18 en tot: 27.", "van")
        if self.van is not None and self.tot is not None and self.van > self.tot:
            raise user_error(
                f"De leeftijd 'tot' ({self.tot}) ligt onder 'van' ({self.van}).", "tot"
            )
        return self

    def text(self) -> str:
        if self.van is not None and self.tot is not None:
            return f"van {self.van} tot {self.tot} jaar"
        return f"vanaf {self.van} jaar" if self.van is not None else f"tot {self.tot} jaar"


class Bron(Strict):
    """Where a record's facts come from: a page, flyer or newspaper article, with its date."""

    url: Url = Field(title="Webadres van de bron", examples=["https://www.delft.nl/geldzorgen"])
    datum: Datum | None = Field(None, title="Datum van de bron", examples=["2026-09-14"])
    omschrijving: Tekst | None = Field(None, title="Wat staat er", examples=["Flyer 2026"])


def _werkgebied(value: str) -> str:
    """'Heel Nederland' and 'landelijk' mean the same: help for every municipality."""
    if value.strip().casefold() in {"landelijk", "heel nederland", "nederland"}:
        return LANDELIJK
    return value


Gebied = Annotated[Tekst, AfterValidator(_werkgebied)]


def _no_repeats(values: list[Any]) -> list[Any]:
    """Linear, so that a long list cannot make the check slow."""
    seen: set[Any] = set()
    for value in values:
        key = value if isinstance(value, str | int) else repr(value)
        if key in seen:
            raise user_error(f"'{value}' staat er meer dan één keer in.")
        seen.add(key)
    return values


def _waiting_list(value: Any) -> Any:
    """true (or ja): a waiting list; vol: no new clients; false (or nee): neither."""
    if isinstance(value, str) and value.strip().lower() == "vol":
        return "vol"
    if isinstance(value, str) and value.strip().lower() in ("ja", "nee"):
        return value.strip().lower() == "ja"
    if not isinstance(value, bool):
        message = (
            f"'{value}' kan hier niet. Schrijf true (er is een wachtlijst) of vol (neemt nu "
            "geen nieuwe cliënten aan)."
        )
        raise user_error(message)
    return value


Wachtlijst = Annotated[
    bool | Literal["vol"],
    BeforeValidator(_waiting_list),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"const": "vol"}]}),
]


class Organisatie(Record):
    """An organisation that helps with money worries: data/organisaties/<id>.yml."""

    id: RecordId = Field(title="Id", description="Gelijk aan de bestandsnaam, zonder .yml.")
    naam: Regel = Field(title="Naam", examples=["SchuldHulpMaatje Voorbeeldstad"])
    omschrijving: Tekst = Field(
        title="Omschrijving", description="Wat de organisatie doet, in een paar korte zinnen (B1)."
    )
    soort: Soort = Field("overig", title="Soort organisatie")
    zichtbaarheid: Zichtbaarheid = Field(
        "publiek",
        title="Zichtbaarheid",
        description="verwijzers: helpt inwoners niet zelf; alleen in de verwijzersgids.",
    )
    website: Url | None = Field(None, title="Website", examples=["https://www.voorbeeld.nl"])
    email: Email | None = Field(None, title="E-mail")
    telefoon: Telefoon | None = Field(None, title="Telefoon")
    telefoon_toelichting: Tekst | None = Field(
        None, title="Toelichting bij het nummer", examples=["Gratis, dag en nacht"]
    )
    telefoon_uren: OsmUren | None = Field(
        None,
        title="Wanneer neemt de telefoon op? (OpenStreetMap opening_hours)",
        examples=["Mo-Fr 09:00-12:00; PH off"],
    )
    whatsapp: Telefoon | None = Field(None, title="WhatsApp")
    chat: Url | None = Field(None, title="Chat", examples=["https://www.geldfit.nl/chat"])
    fases: list[Fase] = Field(min_length=1, title="Fases")
    rollen: list[Rol] = Field(default_factory=list, title="Rollen")
    activiteiten: list[Activiteit] = Field(default_factory=list, title="Activiteiten")
    doelgroepen: list[Doelgroep] = Field(default_factory=lambda: ["iedereen"], title="Doelgroepen")
    leeftijd: Leeftijd | None = Field(None, title="Leeftijd", description="Bijvoorbeeld 18 tot 27.")
    levensbeschouwing: Levensbeschouwing | None = Field(
        None,
        title="Vanuit geloof of levensovertuiging",
        description="Zegt iets over de organisatie, niet over wie er hulp krijgt.",
    )
    talen: list[Taal] = Field(
        default_factory=list, title="Talen", description="Leeg: niet bekend welke talen."
    )
    tolk: JaNee | None = Field(None, title="Tolk mogelijk")
    in_andere_talen: dict[Taal, KorteTekst] = Field(
        default_factory=dict,
        title="Korte tekst in andere talen",
        description=(
            "Per taalcode een of twee zinnen over wat de organisatie doet. De site toont die "
            "op de pagina's in die taal, naast de Nederlandse tekst."
        ),
        examples=[{"ar": "نساعدك في الرسائل والفواتير. مجانًا.", "en": "Free help with letters."}],
    )
    werkgebied: list[Gebied] = Field(
        default_factory=list, title="Werkgebied (gemeenten)", examples=[["Delft"], ["landelijk"]]
    )
    wijken: list[Tekst] = Field(default_factory=list, title="Wijken", examples=[["Tanthof"]])
    aanmelden: Tekst | None = Field(None, title="Hoe krijgt u hulp?")
    kosten: Tekst | None = Field(None, title="Kosten", examples=["Gratis"])
    voorwaarden: list[KorteTekst] = Field(
        default_factory=list,
        title="Voorwaarden",
        description="Wie kan deze hulp krijgen, in korte regels.",
        examples=[["Inkomen tot 120% van het sociaal minimum", "Alleen via een hulpverlener"]],
    )
    reactietijd: KorteTekst | None = Field(
        None,
        title="Reactietijd",
        description="Hoe snel u iets hoort na aanmelden.",
        examples=["Binnen 4 weken; met spoed binnen 24 uur"],
    )
    meenemen: list[Tekst] | Tekst | None = Field(
        None,
        title="Wat neemt u mee?",
        description="Een lijst of een tekst.",
        examples=[["Uw identiteitsbewijs", "Brieven van schuldeisers"]],
    )
    verwijzen: Tekst | None = Field(
        None,
        title="Verwijzen (alleen voor verwijzers)",
        description="Wanneer en hoe u iemand verwijst; wat een warme overdracht nodig heeft.",
    )
    contactpersonen: list[Contactpersoon] = Field(default_factory=list, title="Contactpersonen")
    status: Status = Field("actief", title="Status")
    wachtlijst: Wachtlijst | None = Field(
        None,
        title="Wachtlijst",
        description=(
            "true: er is een wachtlijst. vol: neemt nu geen nieuwe cliënten aan. De site zegt "
            "het en zet deze hulp in lijsten en zoeken na de hulp die nu kan helpen."
        ),
        examples=[True, "vol"],
    )
    aan_huis: JaNee = Field(
        False,
        title="Helpt bij u thuis",
        description="true: de hulp komt bij de inwoner thuis. 'Waar?' zegt dan 'bij u thuis'.",
    )
    melding: Tekst | None = Field(None, title="Melding", description="Korte mededeling op de site.")
    bronnen: list[Bron] = Field(default_factory=list, title="Bronnen")
    laatst_gecontroleerd: ControleDatum = Field(title="Laatst gecontroleerd")

    @property
    def waiting(self) -> bool:
        """A waiting list, or no new clients: such help comes after help that can start now."""
        return self.wachtlijst is not None and self.wachtlijst is not False

    def reachable(self) -> bool:
        """A channel of its own; without one, its walk-in locations must do (see checks)."""
        return bool(self.website or self.email or self.telefoon or self.whatsapp or self.chat)

    @property
    def landelijk(self) -> bool:
        return LANDELIJK in self.werkgebied

    @field_validator(
        "fases", "rollen", "activiteiten", "doelgroepen", "talen", "werkgebied", "wijken"
    )
    @classmethod
    def _no_repeats(cls, values: list[str]) -> list[str]:
        return _no_repeats(values)

    @field_validator("meenemen")
    @classmethod
    def _checklist(cls, value: list[str] | str | None) -> list[str] | str | None:
        if isinstance(value, list) and not value:
            raise user_error("De lijst is leeg. Laat het veld weg of vul iets in.")
        return value


class Adres(Strict):
    """What a source gives: a full address, a street and number without postcode, or only a
    building or street with the place. Only the last is published with a warning."""

    gebouw: Plek | None = Field(
        None, title="Gebouw", examples=["Bibliotheek Keizerslanden", "Huis van Leusden"]
    )
    straat: Plek | None = Field(None, title="Straat", examples=["Stationsplein"])
    huisnummer: Huisnummer | None = Field(None, title="Huisnummer")
    postcode: Postcode | None = Field(
        None, title="Postcode", description="Mag leeg zijn als straat en huisnummer bekend zijn."
    )
    plaats: Plek = Field(title="Plaats", examples=["'s-Hertogenbosch"])
    op_aanvraag: JaNee = Field(
        False,
        title="Adres op aanvraag",
        description=(
            "true: het adres wordt niet gepubliceerd (bijvoorbeeld om de privacy van wie er "
            "komt). Alleen de plaats staat op de site, met 'adres op aanvraag' en wie u belt; "
            "de plek staat niet op de kaart. Vul dan geen straat, huisnummer of postcode in."
        ),
    )

    @model_validator(mode="after")
    def _enough_to_find(self) -> Adres:
        if self.op_aanvraag:
            for name in ("straat", "huisnummer", "postcode"):
                if getattr(self, name):
                    message = (
                        f"Bij 'op_aanvraag: true' hoort geen {name}: het adres wordt niet "
                        "gepubliceerd. Haal het weg, of haal 'op_aanvraag' weg."
                    )
                    raise user_error(message, name)
            return self
        if not (self.gebouw or self.straat):
            raise user_error("Vul een straat in, of de naam van het gebouw.", "straat")
        if self.huisnummer and not self.straat:
            raise user_error("Er is een huisnummer, maar geen straat.", "straat")
        return self

    @property
    def precise(self) -> bool:
        """Street and number: enough to find the door (and to geocode)."""
        return bool(self.straat and self.huisnummer) and not self.op_aanvraag

    def street_line(self) -> str:
        return " ".join(p for p in (self.straat, self.huisnummer) if p)

    def place_line(self, postcode: str | None = None) -> str:
        return " ".join(p for p in (self.postcode or postcode, self.plaats) if p)

    def one_line(self, postcode: str | None = None) -> str:
        """'Stationsplein 1, 1234 AB Plaats'; 'Bibliotheek Keizerslanden, Deventer'."""
        parts = (self.gebouw, self.street_line(), self.place_line(postcode))
        return ", ".join(p for p in parts if p)

    def lookup_line(self) -> str:
        """The address without the building's name: what the geocoder and its cache key see."""
        return ", ".join(p for p in (self.street_line(), self.place_line()) if p)


# A box around the European Netherlands: coordinates outside it are a mistake, unless they lie
# on Bonaire, Sint Eustatius or Saba (Caribisch Nederland).
NL_BOUNDS = {"lat": (50.7, 53.7), "lon": (3.2, 7.3)}
BES_BOXES = (
    ((11.95, 12.35), (-68.45, -68.15)),  # Bonaire and Klein Bonaire
    ((17.45, 17.53), (-63.00, -62.93)),  # Sint Eustatius
    ((17.60, 17.67), (-63.27, -63.21)),  # Saba
)


def in_netherlands(lat: float, lon: float) -> bool:
    boxes = ((NL_BOUNDS["lat"], NL_BOUNDS["lon"]), *BES_BOXES)
    return any(la[0] <= lat <= la[1] and lo[0] <= lon <= lo[1] for la, lo in boxes)


class Coordinaten(Strict):
    lat: float = Field(title="Breedtegraad", examples=[52.37])
    lon: float = Field(title="Lengtegraad", examples=[4.89])

    @model_validator(mode="after")
    def _in_netherlands(self) -> Coordinaten:
        if in_netherlands(self.lat, self.lon):
            return self
        for name, (low, high) in NL_BOUNDS.items():
            if not low <= getattr(self, name) <= high:
                message = "Dit punt ligt niet in Nederland. "
                message += f"In Nederland ligt {name} tussen {low} en {high}."
                raise user_error(message, name)
        return self


YEARLESS = 4  # the year that a day-month date ('24-12') is stored in: a leap year nobody types
_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "jan"), ("februari", "feb"), ("maart", "mrt"), ("april", "apr"),
            ("mei",), ("juni", "jun"), ("juli", "jul"), ("augustus", "aug"),
            ("september", "sep", "sept"), ("oktober", "okt"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:[-/ ](\d{1,2})|\s+([a-z]+)\.?)$")


def _day_month(value: Any) -> Any:
    """'24-12', '24/12' or '24 december': a day of every year, stored in the year YEARLESS."""
    if not isinstance(value, str):
        return value
    match = _DAY_MONTH.match(value.strip().lower())
    if not match:
        return value
    month = int(match[2]) if match[2] else _MONTH_NUMBERS.get(match[3] or "", 0)
    try:
        return date(YEARLESS, month, int(match[1]))
    except ValueError:
        raise user_error(f"'{value}' is geen bestaande dag. Schrijf bijvoorbeeld 24-12.") from None


def _period_day(value: Any, end: bool) -> Any:
    """'september' (its first or, for 'tot', last day), '1 maart' or '01-03'; no year."""
    if isinstance(value, date):
        message = (
            f"'{value}' heeft een jaar. Schrijf een maand (september) of dag en maand "
            "(1 maart). Voor een datum met jaar: geldig_vanaf en geldig_tot."
        )
        raise user_error(message)
    if not isinstance(value, str):
        raise user_error(f"'{value}' kan hier niet. Schrijf een maand, zoals september.")
    month = _MONTH_NUMBERS.get(value.strip().lower().rstrip("."))
    if month:
        return date(YEARLESS, month, calendar.monthrange(YEARLESS, month)[1] if end else 1)
    found = _day_month(value)
    if not isinstance(found, date):
        message = (
            f"'{value}' is geen maand of dag en maand. Schrijf bijvoorbeeld september, "
            "1 maart of 01-03."
        )
        raise user_error(message)
    return found


_PERIOD_SCHEMA = {
    "type": "string",
    "pattern": "^([a-z]+\\.?|[0-9]{1,2}([-/ ][0-9]{1,2}| [a-z]+))$",
    "description": "Een maand (september), of dag en maand (1 maart, 01-03). Zonder jaar.",
}
PeriodeBegin = Annotated[
    date,
    BeforeValidator(lambda value: _period_day(value, end=False)),
    WithJsonSchema(_PERIOD_SCHEMA),
]
PeriodeEinde = Annotated[
    date,
    BeforeValidator(lambda value: _period_day(value, end=True)),
    WithJsonSchema(_PERIOD_SCHEMA),
]


DAGDELEN = {"ochtend": "'s ochtends", "middag": "'s middags", "avond": "'s avonds"}
Dagdeel = Annotated[str, Term(DAGDELEN, "Deel van de dag, als er geen tijden bekend zijn.")]
Regio = Literal["noord", "midden", "zuid"]


class Periode(Strict):
    """A part of every year in which an hour holds: 'van september t/m juni' or 'in de
    aangifteperiode' (1 March to 1 May). Months or days with a month, never a year."""

    van: PeriodeBegin = Field(
        title="Vanaf (maand, of dag en maand)", examples=["september", "1 maart", "01-03"]
    )
    tot: PeriodeEinde = Field(
        title="Tot en met (maand, of dag en maand)", examples=["juni", "1 mei", "01-05"]
    )

    @field_serializer("van", "tot")
    def _dump_day(self, day: date) -> str:
        return f"{day.day:02d}-{day.month:02d}"

    @property
    def whole_months(self) -> bool:
        """From the first of a month to the last of a month: 'september tot en met juni'."""
        last = calendar.monthrange(YEARLESS, self.tot.month)[1]
        return self.van.day == 1 and self.tot.day == last

    def holds_on(self, day: date) -> bool:
        """Whether the date lies in the period; a period may cross the new year."""
        start, end = (self.van.month, self.van.day), (self.tot.month, self.tot.day)
        found = (day.month, day.day)
        if start <= end:
            return start <= found <= end
        return found >= start or found <= end


class AlleenVoor(Strict):
    """An hour for some residents only: "voor 55-plussers", "alleen voor inwoners van Giessen"."""

    doelgroep: Doelgroep | None = Field(None, title="Doelgroep", examples=["ouderen"])
    leeftijd: Leeftijd | None = Field(None, title="Leeftijd", examples=[{"van": 55}])
    wijken: list[Tekst] = Field(
        default_factory=list, title="Wijken of dorpen", examples=[["Giessen", "Rijswijk"]]
    )

    @model_validator(mode="after")
    def _someone(self) -> AlleenVoor:
        if self.doelgroep is None and self.leeftijd is None and not self.wijken:
            message = "Vul 'doelgroep', 'leeftijd' of 'wijken' in, of haal 'alleen_voor' weg."
            raise user_error(message, "doelgroep")
        return self

    @field_validator("wijken")
    @classmethod
    def _no_repeats(cls, values: list[str]) -> list[str]:
        return _no_repeats(values)


class Spreekuur(Strict):
    """A weekly hour: with clock times, with only a part of the day, or with only the days."""

    dagen: list[Dag] = Field(min_length=1, title="Dagen", examples=[["di", "do"]])
    van: Tijd | None = Field(None, title="Van")
    tot: Tijd | None = Field(None, title="Tot")
    dagdeel: Dagdeel | None = Field(
        None,
        title="Dagdeel",
        description="Alleen als de tijden niet bekend zijn: ochtend, middag of avond.",
        examples=["ochtend"],
    )
    weken: list[Literal[1, 2, 3, 4, 5, -1]] | Literal["even", "oneven"] | None = Field(
        None,
        title="Weken van de maand, of even of oneven weken",
        description=(
            "Bijvoorbeeld [1, 3] voor de eerste en derde week; -1 is de laatste week. "
            "Of: even of oneven, voor de even of oneven weeknummers (ISO, zoals in de agenda)."
        ),
    )
    zonder_afspraak: JaNee | None = Field(
        None,
        title="Binnenlopen zonder afspraak (dit spreekuur)",
        description="Leeg: zoals bij de locatie.",
    )
    opmerking: Tekst | None = Field(
        None, title="Opmerking", examples=["Op vaste momenten; bel voor de tijden."]
    )
    online: JaNee = Field(
        False,
        title="Online spreekuur",
        description="true: een spreekuur met video ('inlogspreekuur'), niet op het adres.",
    )
    periode: Periode | None = Field(
        None,
        title="Alleen in een deel van het jaar",
        description=(
            "Elk jaar van een maand (of dag) tot en met een maand (of dag), zoals 'van "
            "september t/m juni' of 'in de aangifteperiode' (1 maart tot en met 1 mei)."
        ),
        examples=[{"van": "september", "tot": "juni"}, {"van": "1 maart", "tot": "1 mei"}],
    )
    alleen_voor: AlleenVoor | None = Field(
        None,
        title="Alleen voor",
        description="Dit spreekuur is maar voor sommige inwoners: een doelgroep, leeftijd of wijk.",
        examples=[{"leeftijd": {"van": 55}}, {"wijken": ["Giessen"]}],
    )
    organisaties: list[RecordId] = Field(
        default_factory=list,
        title="Van welke organisaties (ids)",
        description=(
            "Op een plek van meer organisaties: van wie dit spreekuur is. Leeg: van allemaal. "
            "De pagina van een organisatie toont dan alleen haar eigen spreekuren hier."
        ),
        examples=[["schuldhulpmaatje-voorbeeldstad"]],
    )
    geldig_vanaf: Datum | None = Field(
        None,
        title="Geldig vanaf",
        description="Eerste dag van dit spreekuur.",
        examples=["2027-01-04"],
    )
    geldig_tot: Datum | None = Field(
        None,
        title="Geldig tot en met",
        description="Laatste dag; daarna verdwijnt het spreekuur vanzelf.",
        examples=["2027-06-30"],
    )

    @model_validator(mode="after")
    def _ordered(self) -> Spreekuur:
        if self.dagdeel and (self.van or self.tot):
            message = (
                f"Vul 'dagdeel' ({self.dagdeel}) of 'van' en 'tot' in, niet allebei. "
                "Het dagdeel is alleen voor als de tijden niet bekend zijn."
            )
            raise user_error(message, "dagdeel")
        if bool(self.van) != bool(self.tot):
            missing = "tot" if self.van else "van"
            raise user_error(
                f"Vul ook '{missing}' in, of laat 'van' en 'tot' allebei weg.", missing
            )
        if self.van and self.tot and self.van >= self.tot:
            raise user_error(
                f"De eindtijd {self.tot} moet na de begintijd {self.van} liggen.", "tot"
            )
        _check_period(self.geldig_vanaf, self.geldig_tot)
        return self

    @property
    def parity(self) -> int | None:
        """0 for even ISO weeks, 1 for odd ones, None when not limited to either."""
        return {"even": 0, "oneven": 1}.get(self.weken) if isinstance(self.weken, str) else None

    @property
    def weeks_of_month(self) -> list[int]:
        """Weeks of the month ([1, 3], [-1]); empty for every week or for even/odd weeks."""
        return list(self.weken) if isinstance(self.weken, list) else []

    @property
    def timed(self) -> bool:
        """Clock times known: only then may 'nu open' say open or closed."""
        return self.van is not None and self.tot is not None

    def serves(self, organisation_id: str) -> bool:
        """Whether this hour is (also) that organisation's: no list means everyone's."""
        return not self.organisaties or organisation_id in self.organisaties

    def walk_in(self, location_default: bool) -> bool:
        """An online hour is never a walk-in at the address."""
        if self.online:
            return False
        return location_default if self.zonder_afspraak is None else self.zonder_afspraak

    def applies_on(self, day: date) -> bool:
        """Whether this hour is in force on that date (geldig_vanaf to geldig_tot, and in
        its periode of the year)."""
        if self.periode is not None and not self.periode.holds_on(day):
            return False
        return (self.geldig_vanaf or date.min) <= day <= (self.geldig_tot or date.max)


def _check_period(start: date | None, end: date | None) -> None:
    if start and end and start > end:
        raise user_error(f"De datum {end} ligt voor geldig_vanaf {start}.", "geldig_tot")


SluitDatum = Annotated[
    date,
    BeforeValidator(reject_non_date),
    BeforeValidator(_day_month),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": "^[0-9]{1,2}([-/ ][0-9]{1,2}| [a-z]+)$"},
                {"type": "string", "pattern": "^[0-9]{4}-[0-9]{1,2}$"},
            ],
            "description": (
                "Datum (2026-12-24); alleen een maand (2027-03, 'tot maart 2027'); of met "
                "jaarlijks: true dag en maand (24-12)."
            ),
        }
    ),
]


class Sluiting(Strict):
    """Closed: once (van/tot), every year (jaarlijks, day and month), or in the school
    holidays of a region (schoolvakanties), from the official dates shipped with wegwijzer."""

    van: SluitDatum | None = Field(
        None,
        title="Eerste dag dicht",
        description="Leeg: al dicht, sinds onbekend ('voorlopig gesloten').",
        examples=["2026-12-21"],
    )
    tot: SluitDatum | None = Field(
        None,
        title="Laatste dag dicht",
        description="Leeg: dicht tot nader bericht. Alleen een maand (2027-03): 'tot maart 2027'.",
        examples=["2027-01-01", "2027-03"],
    )
    jaarlijks: JaNee = Field(
        False, title="Elk jaar", description="Elk jaar op dezelfde dagen, zoals 24-12 tot 01-01."
    )
    schoolvakanties: Regio | None = Field(
        None,
        title="In de schoolvakanties (regio)",
        description="noord, midden of zuid: dicht in de officiële schoolvakanties.",
    )
    reden: Tekst | None = Field(None, title="Reden", examples=["Kerstvakantie"])

    # A month typed without a day ('tot: 2027-03', "tot maart"; 'van: 2026-10', "sinds
    # oktober"): the first day of that month, kept so the site says the month, not a day.
    _van_maand: date | None = PrivateAttr(None)
    _tot_maand: date | None = PrivateAttr(None)

    @model_validator(mode="wrap")
    @classmethod
    def _months(cls, data: Any, handler: ModelWrapValidatorHandler[Sluiting]) -> Sluiting:
        months: dict[str, date] = {}
        if isinstance(data, dict):
            data = dict(data)
            for name in ("van", "tot"):
                value = data.get(name)
                found = _YEAR_MONTH.match(value.strip()) if isinstance(value, str) else None
                if found is None:
                    continue
                if not 1 <= int(found[2]) <= 12:
                    raise user_error(
                        f"'{value}' is geen maand. Schrijf bijvoorbeeld 2027-03.", name
                    )
                first = date(int(found[1]), int(found[2]), 1)
                months[name] = first
                # "Tot maart": closed until March, so up to and including the last of February.
                data[name] = first if name == "van" else first - timedelta(days=1)
        if "van" in months and "tot" in months and months["tot"] <= months["van"]:
            message = (
                f"'tot: {months['tot']:%Y-%m}' wil zeggen: dicht tot die maand. Schrijf de "
                "maand waarin de plek weer opengaat, na de maand bij 'van'."
            )
            raise user_error(message, "tot")
        model = handler(data)
        if months:
            if data.get("jaarlijks") or data.get("schoolvakanties"):
                name = next(iter(months))
                message = (
                    "Een maand met jaar (2027-03) kan niet bij 'jaarlijks' of 'schoolvakanties'."
                )
                raise user_error(message, name)
            model._van_maand = months.get("van")
            model._tot_maand = months.get("tot")
        return model

    @property
    def van_maand(self) -> date | None:
        """The first day of the month typed as 'van: 2026-10', or None for a day or nothing."""
        return self._van_maand

    @property
    def tot_maand(self) -> date | None:
        """The first day of the month typed as 'tot: 2027-03' (closed until that month)."""
        return self._tot_maand

    @model_validator(mode="after")
    def _ordered(self) -> Sluiting:
        if self.schoolvakanties:
            if self.van or self.tot or self.jaarlijks:
                message = "Bij 'schoolvakanties' horen geen 'van', 'tot' of 'jaarlijks'."
                raise user_error(message, "schoolvakanties")
            return self
        if self.jaarlijks:
            for name in ("van", "tot"):
                if getattr(self, name) is None:
                    raise user_error("Vul bij 'jaarlijks' de dag en maand in, zoals 24-12.", name)
            assert self.van is not None and self.tot is not None
            return self._as_yearly(self.van, self.tot)
        for name, day in (("van", self.van), ("tot", self.tot)):
            if day is not None and day.year == YEARLESS:
                message = "Zet er een jaar bij, of 'jaarlijks: true' als het elk jaar zo is."
                raise user_error(message, name)
        if self.van is None or self.tot is None:
            # "Voorlopig gesloten": no known start counts as closed already; no known end
            # is "tot nader bericht". Stored as 0001-01-01 and 9999-12-31, as typed before.
            return self.model_copy(
                update={"van": self.van or date.min, "tot": self.tot or date.max}
            )
        if self.van > self.tot:
            raise user_error(f"De einddatum {self.tot} ligt voor de begindatum {self.van}.", "tot")
        return self

    def _as_yearly(self, van: date, tot: date) -> Sluiting:
        """A yearly closure keeps only day and month; it may cross the new year."""
        return self.model_copy(
            update={"van": van.replace(year=YEARLESS), "tot": tot.replace(year=YEARLESS)}
        )

    @field_serializer("van", "tot")
    def _dump_day(self, day: date | None, info: FieldSerializationInfo) -> str | None:
        """A yearly closure is written as the day and month people type: '24-12'; a month
        as '2027-03'."""
        if day is None:
            return None
        month = self._van_maand if info.field_name == "van" else self._tot_maand
        if month is not None:
            return f"{month.year}-{month.month:02d}"
        return f"{day.day:02d}-{day.month:02d}" if day.year == YEARLESS else day.isoformat()

    @property
    def once(self) -> bool:
        return not (self.jaarlijks or self.schoolvakanties)


class Bijeenkomst(Strict):
    """A one-off meeting at a location, such as an evening in the Week van het geld."""

    datum: Datum = Field(title="Datum", examples=["2027-03-09"])
    van: Tijd = Field(title="Van")
    tot: Tijd = Field(title="Tot")
    titel: Regel = Field(title="Titel", examples=["Week van het geld: grip op uw post"])
    omschrijving: Tekst | None = Field(None, title="Omschrijving")

    @model_validator(mode="after")
    def _ordered(self) -> Bijeenkomst:
        if self.van >= self.tot:
            message = f"De eindtijd {self.tot} moet na de begintijd {self.van} liggen."
            raise user_error(message, "tot")
        return self


class Tijdelijk(Strict):
    """A temporary place ("tijdelijk bij De Heelo, tijdens de verbouwing")."""

    tekst: KorteTekst | None = Field(
        None,
        title="Uitleg",
        description="Waarom en tot wanneer, in een korte zin.",
        examples=["Tijdelijk in wijkcentrum De Heelo, tijdens de verbouwing van de bibliotheek."],
    )
    tot: Datum | None = Field(
        None, title="Tot en met", description="Laatste dag op deze plek, als die bekend is."
    )

    @model_validator(mode="after")
    def _something(self) -> Tijdelijk:
        if self.tekst is None and self.tot is None:
            raise user_error("Vul 'tekst' of 'tot' in, of haal 'tijdelijk' weg.", "tekst")
        return self


class Locatie(Record):
    """A walk-in or consultation location: data/locaties/<id>.yml."""

    id: RecordId = Field(title="Id", description="Gelijk aan de bestandsnaam, zonder .yml.")
    naam: Regel = Field(title="Naam", examples=["Inloop Geldzaken in de bibliotheek"])
    organisaties: list[RecordId] = Field(min_length=1, title="Organisaties (ids)")
    omschrijving: Tekst | None = Field(
        None, title="Omschrijving", examples=["Op de 1e verdieping."]
    )
    adres: Adres = Field(title="Adres")
    telefoon: Telefoon | None = Field(None, title="Telefoon van deze plek")
    telefoon_toelichting: Tekst | None = Field(None, title="Toelichting bij het nummer")
    telefoon_uren: OsmUren | None = Field(
        None,
        title="Wanneer neemt de telefoon op? (OpenStreetMap opening_hours)",
        examples=["Mo-Fr 09:00-12:00; PH off"],
    )
    email: Email | None = Field(None, title="E-mail van deze plek")
    website: Url | None = Field(None, title="Website van deze plek")
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
    bijeenkomsten: list[Bijeenkomst] = Field(
        default_factory=list, title="Bijeenkomsten", description="Losse data met een tijd."
    )
    gesloten: list[Sluiting] = Field(default_factory=list, title="Gesloten")
    geldig_vanaf: Datum | None = Field(
        None, title="Open vanaf", description="Eerste dag van deze plek.", examples=["2027-02-02"]
    )
    geldig_tot: Datum | None = Field(
        None,
        title="Open tot en met",
        description="Laatste dag; daarna verdwijnt de plek vanzelf van de site.",
        examples=["2027-10-31"],
    )
    tijdelijk: Tijdelijk | None = Field(
        None,
        title="Tijdelijke plek",
        description=(
            "De hulp is hier maar een tijdje, bijvoorbeeld tijdens een verbouwing elders. De "
            "site zegt 'Tijdelijke plek' bij het adres, met de uitleg en de laatste dag."
        ),
        examples=[{"tekst": "Tijdelijk in De Heelo, tijdens de verbouwing.", "tot": "2027-06-30"}],
    )
    bronnen: list[Bron] = Field(default_factory=list, title="Bronnen")
    laatst_gecontroleerd: ControleDatum = Field(title="Laatst gecontroleerd")

    @model_validator(mode="after")
    def _ordered(self) -> Locatie:
        _check_period(self.geldig_vanaf, self.geldig_tot)
        for hour in self.spreekuren:
            for org in hour.organisaties:
                if org not in self.organisaties:
                    message = (
                        f"Een spreekuur noemt organisatie '{org}', maar die staat niet bij "
                        f"'organisaties' van deze locatie ({', '.join(self.organisaties)})."
                    )
                    raise user_error(message, "spreekuren")
        if self.adres.op_aanvraag and self.coordinaten is not None:
            message = (
                "Bij een adres op aanvraag horen geen coordinaten: de plek staat niet op de "
                "kaart. Haal 'coordinaten' weg."
            )
            raise user_error(message, "coordinaten")
        return self

    def for_organisation(self, organisation_id: str) -> Locatie:
        """This place as one of its organisations has it: only that organisation's hours."""
        hours = [hour for hour in self.spreekuren if hour.serves(organisation_id)]
        return (
            self
            if len(hours) == len(self.spreekuren)
            else self.model_copy(update={"spreekuren": hours})
        )

    @property
    def any_walk_in(self) -> bool:
        """Walk-in at some time: the overview's 'zonder afspraak' filter counts it."""
        if not self.spreekuren:
            return self.zonder_afspraak
        return any(hour.walk_in(self.zonder_afspraak) for hour in self.spreekuren)

    @property
    def mixed_walk_in(self) -> bool:
        """Some hours walk-in and others by appointment: each row must say which."""
        return len({hour.walk_in(self.zonder_afspraak) for hour in self.spreekuren}) > 1

    def open_on(self, day: date) -> bool:
        """Whether the location exists on that date (geldig_vanaf to geldig_tot)."""
        return (self.geldig_vanaf or date.min) <= day <= (self.geldig_tot or date.max)


@dataclass(frozen=True)
class Point:
    """Where a location is on the map, and where that knowledge came from."""

    lat: float
    lon: float
    source: str  # "coordinaten" (typed in the record) or the geocoder's name
    postcode: str | None = None  # as the geocoder found it, for an address typed without


MODELS: dict[str, type[Record]] = {"organisaties": Organisatie, "locaties": Locatie}
