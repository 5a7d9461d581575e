"""Synthetic but realistic Dutch sites for the benchmark: any number of valid records.

`make_site` writes a complete wegwijzer site (the sample fixture's mkdocs.yml, docs/ and overrides/,
plus generated data/ and a geocache with a point for every address). `make_baseline` writes a
plain mkdocs-material site with the same records as flat Markdown pages, to compare build times.
Everything is deterministic for a given seed. YAML is written with f-strings and json.dumps
(a JSON string is a valid YAML scalar), because ruamel would take minutes for 50,000 files.
"""

from __future__ import annotations

import json
import math
import random
import re
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import phonenumbers

from wegwijzer.geo.cache import CacheEntry, GeoCache, address_key
from wegwijzer.records.fields import is_paid_line, parse_phone
from wegwijzer.records.models import Adres

REPO = Path(__file__).resolve().parent.parent
# The product's sample site (settings, docs, overrides), not the demo at the repository's root.
SAMPLE = REPO / "tests" / "fixtures" / "voorbeeldstad"
CHECKED_BEFORE = date(2026, 11, 1)
"""Every `laatst_gecontroleerd` lies in the six months before this date (pin 'today' after it)."""

# Netherlands box for the map points, a little inside the models' NL_BOUNDS.
LAT_RANGE, LON_RANGE = (50.8, 53.4), (3.4, 7.1)

Place = tuple[str, int, float, float]
# (place, first postcode of the place, latitude, longitude): real places, rounded centres.
PLACES: list[Place] = [
    ("Amsterdam", 1011, 52.37, 4.90), ("Rotterdam", 3011, 51.92, 4.48),
    ("Den Haag", 2511, 52.08, 4.31), ("Utrecht", 3511, 52.09, 5.12),
    ("Eindhoven", 5611, 51.44, 5.48), ("Groningen", 9711, 53.22, 6.57),
    ("Tilburg", 5011, 51.56, 5.09), ("Almere", 1311, 52.37, 5.22),
    ("Breda", 4811, 51.59, 4.78), ("Nijmegen", 6511, 51.84, 5.86),
    ("Apeldoorn", 7311, 52.21, 5.97), ("Haarlem", 2011, 52.38, 4.64),
    ("Arnhem", 6811, 51.98, 5.91), ("Enschede", 7511, 52.22, 6.89),
    ("Amersfoort", 3811, 52.16, 5.39), ("Zaandam", 1501, 52.44, 4.83),
    ("'s-Hertogenbosch", 5211, 51.69, 5.30), ("Hoofddorp", 2131, 52.30, 4.69),
    ("Zwolle", 8011, 52.51, 6.09), ("Zoetermeer", 2711, 52.06, 4.49),
    ("Leiden", 2311, 52.16, 4.49), ("Maastricht", 6211, 50.85, 5.69),
    ("Dordrecht", 3311, 51.81, 4.67), ("Ede", 6711, 52.04, 5.66),
    ("Alphen aan den Rijn", 2401, 52.13, 4.66), ("Leeuwarden", 8911, 53.20, 5.79),
    ("Alkmaar", 1811, 52.63, 4.75), ("Emmen", 7811, 52.78, 6.90),
    ("Delft", 2611, 52.01, 4.36), ("Venlo", 5911, 51.37, 6.17),
    ("Deventer", 7411, 52.25, 6.16), ("Naaldwijk", 2671, 51.99, 4.21),
    ("Helmond", 5701, 51.48, 5.66), ("Sittard", 6131, 51.00, 5.87),
    ("Oss", 5341, 51.76, 5.52), ("Amstelveen", 1181, 52.30, 4.86),
    ("Hilversum", 1211, 52.22, 5.17), ("Sneek", 8601, 53.03, 5.66),
    ("Heerlen", 6411, 50.89, 5.98), ("Spijkenisse", 3201, 51.85, 4.33),
    ("Hengelo", 7551, 52.27, 6.79), ("Purmerend", 1441, 52.50, 4.95),
    ("Roosendaal", 4701, 51.53, 4.46), ("Schiedam", 3111, 51.92, 4.40),
    ("Lelystad", 8211, 52.52, 5.47), ("Leidschendam", 2261, 52.08, 4.40),
    ("Almelo", 7601, 52.36, 6.66), ("Gouda", 2801, 52.01, 4.71),
    ("Hoorn", 1621, 52.64, 5.06), ("Vlaardingen", 3131, 51.91, 4.34),
    ("IJmuiden", 1971, 52.46, 4.61), ("Assen", 9401, 52.99, 6.56),
    ("Bergen op Zoom", 4611, 51.49, 4.29), ("Capelle aan den IJssel", 2901, 51.93, 4.58),
    ("Katwijk", 2221, 52.20, 4.41), ("Veenendaal", 3901, 52.03, 5.56),
    ("Zeist", 3701, 52.09, 5.23), ("Nieuwegein", 3431, 52.03, 5.09),
    ("Roermond", 6041, 51.19, 5.99), ("Den Helder", 1781, 52.96, 4.76),
    ("Doetinchem", 7001, 51.97, 6.29), ("Oosterhout", 4901, 51.64, 4.86),
    ("Hoogeveen", 7901, 52.72, 6.48), ("Terneuzen", 4531, 51.34, 3.83),
    ("Kampen", 8261, 52.56, 5.91), ("Drachten", 9201, 53.11, 6.10),
    ("Pijnacker", 2641, 52.02, 4.43), ("Heerhugowaard", 1701, 52.67, 4.83),
    ("Woerden", 3441, 52.09, 4.88), ("Rijswijk", 2281, 52.04, 4.32),
    ("Houten", 3991, 52.03, 5.17), ("Barneveld", 3771, 52.14, 5.59),
    ("Middelburg", 4331, 51.50, 3.61), ("Vlissingen", 4381, 51.44, 3.57),
    ("Goes", 4461, 51.50, 3.89), ("Zutphen", 7201, 52.14, 6.20),
    ("Harderwijk", 3841, 52.34, 5.62), ("Tiel", 4001, 51.89, 5.43),
    ("Culemborg", 4101, 51.96, 5.23), ("Weert", 6001, 51.25, 5.71),
    ("Venray", 5801, 51.53, 5.97), ("Uden", 5401, 51.66, 5.62),
    ("Waalwijk", 5141, 51.69, 5.07), ("Gorinchem", 4201, 51.83, 4.97),
    ("Meppel", 7941, 52.70, 6.19), ("Steenwijk", 8331, 52.79, 6.12),
    ("Heerenveen", 8441, 52.96, 5.92), ("Harlingen", 8861, 53.17, 5.42),
    ("Dokkum", 9101, 53.33, 6.00), ("Delfzijl", 9934, 53.33, 6.92),
    ("Winschoten", 9671, 53.14, 7.03), ("Stadskanaal", 9501, 52.99, 6.95),
    ("Veendam", 9641, 53.10, 6.88), ("Hoogezand", 9601, 53.16, 6.76),
    ("Coevorden", 7741, 52.66, 6.74), ("Hardenberg", 7771, 52.58, 6.62),
    ("Oldenzaal", 7571, 52.31, 6.93), ("Winterswijk", 7101, 51.97, 6.72),
    ("Wageningen", 6701, 51.97, 5.67), ("Zierikzee", 4301, 51.65, 3.92),
    ("Papendrecht", 3351, 51.83, 4.69), ("Zwijndrecht", 3331, 51.82, 4.64),
    ("Ridderkerk", 2981, 51.87, 4.60), ("Barendrecht", 2991, 51.86, 4.54),
    ("Boxtel", 5281, 51.59, 5.33), ("Valkenswaard", 5551, 51.35, 5.46),
    ("Veldhoven", 5501, 51.42, 5.40), ("Nijverdal", 7441, 52.36, 6.47),
    ("Emmeloord", 8301, 52.71, 5.75), ("Dronten", 8251, 52.53, 5.72),
    ("Bussum", 1401, 52.27, 5.16), ("Beverwijk", 1941, 52.49, 4.66),
    ("Schagen", 1741, 52.79, 4.80), ("Enkhuizen", 1601, 52.70, 5.29),
]  # fmt: skip

STREETS = [
    "Stationsplein", "Kerkstraat", "Dorpsstraat", "Hoofdstraat", "Molenweg", "Schoolstraat",
    "Julianastraat", "Wilhelminastraat", "Beatrixlaan", "Oranjestraat", "Marktplein",
    "Raadhuisplein", "Kastanjehof", "Lindelaan", "Eikenlaan", "Beukenlaan", "Berkenlaan",
    "Sportlaan", "Parkweg", "Nieuwstraat", "Voorstraat", "Achterstraat", "Prins Hendrikkade",
    "Willem-Alexanderplein", "Van Goghstraat", "Rembrandtlaan", "Vondelstraat", "Jan Steenstraat",
    "Boterbloemstraat", "Zonnebloemstraat", "Tulpstraat", "Rozenstraat", "Ambachtsweg",
    "Industrieweg", "Havenstraat", "Kanaalweg", "Spoorlaan", "Emmastraat", "Graaf Florisstraat",
    "Hogeweg", "Laan van Nieuw Oost-Indië", "Campuslaan", "Europaplein", "Mgr. Nolenslaan",
    "Dr. Schaepmanstraat", "'t Zand", "De Wetstraat", "Piet Heinstraat", "Burgemeester Visserlaan",
    "Koningin Julianaplein", "Meester de Klerkstraat", "Tweede Walstraat", "Korte Nieuwstraat",
    "Lange Voorhout", "Steenweg", "Grote Markt", "Kloosterstraat", "Weverstraat", "Bleekveld",
]  # fmt: skip

HOUSE_SUFFIXES = ["A", "B", "-A", "-1", "bis", "hs", "-2", "a", "b", " C"]

FIRST_NAMES = [
    "Fatma", "Mohamed", "Anouk", "Pieter", "Sanne", "Jeroen", "Yasmina", "Kees", "Marieke",
    "Ahmet", "Priya", "Wouter", "Nadia", "Bram", "Esther", "Rachid", "Lotte", "Dewi", "Henk",
    "Olga", "Sevda", "Thijs", "Iris", "Joost", "Samira", "Ruud", "Gerda", "Stefan", "Aisha",
]  # fmt: skip
SURNAMES = [
    "de Vries", "Jansen", "Yılmaz", "El Amrani", "van den Berg", "Bakker", "Visser", "Smit",
    "Kooistra", "Mulder", "de Boer", "Ramdin", "Bouzid", "Meijer", "van Dijk", "Kaya", "Hoekstra",
    "Brouwer", "Kowalski", "van 't Hof", "Sedney", "Koster", "Nguyen", "Dekker", "Postma",
]  # fmt: skip
FUNCTIONS = [
    "Coördinator", "Coördinator vrijwilligers", "Diaken noodhulp", "Maatschappelijk werker",
    "Bewindvoerder", "Teamleider", "Consulent schuldhulp", "Vrijwilliger", "Budgetcoach",
]  # fmt: skip

# (name template, soort, first sentence of the description)
KINDS = [
    ("SchuldHulpMaatje {p}", "vrijwilligersorganisatie",
     "Een getraind maatje helpt u om uw geldzaken weer op orde te krijgen."),
    ("Humanitas Thuisadministratie {p}", "vrijwilligersorganisatie",
     "Een vrijwilliger komt bij u thuis en helpt u met uw post en uw rekeningen."),
    ("Stichting Op Orde {p}", "vrijwilligersorganisatie",
     "Wij helpen u om overzicht te krijgen in uw geldzaken."),
    ("Stichting Budgetwijs {p}", "vrijwilligersorganisatie",
     "Wij leren u om rond te komen van uw inkomen."),
    ("Formulierenbrigade {p}", "welzijnsorganisatie",
     "Vindt u formulieren moeilijk? Wij helpen u met het invullen."),
    ("Voedselbank {p}", "vrijwilligersorganisatie",
     "Heeft u niet genoeg geld voor eten? De voedselbank geeft u elke week een pakket."),
    ("Leger des Heils {p}", "welzijnsorganisatie",
     "Het Leger des Heils helpt mensen die het moeilijk hebben, zonder voorwaarden."),
    ("Diaconie Protestantse Gemeente {p}", "overig",
     "De diaconie van de kerk helpt mensen in nood."),
    ("Geldcafé {p}", "vrijwilligersorganisatie",
     "In het Geldcafé stelt u uw vraag over geld, met een kop koffie erbij."),
    ("Welzijn {p}", "welzijnsorganisatie",
     "De sociaal werkers van Welzijn denken met u mee over geld, werk en wonen."),
    ("Bibliotheek {p}, Informatiepunt Digitale Overheid", "overig",
     "Moet u iets regelen met de overheid op internet? Wij helpen u."),
    ("Bewindvoering {s} & Partners", "professioneel",
     "Een bewindvoerder beheert uw geld voor u. De rechter beslist daarover."),
    ("Gemeente {p}, Schuldhulpverlening", "gemeente",
     "De gemeente helpt u als u schulden heeft die u niet zelf kunt oplossen."),
    ("Geldfit Jong {p}", "vrijwilligersorganisatie",
     "Ben je tussen de 16 en 27 jaar en heb je vragen over geld? Wij helpen je."),
    ("Stichting Present {p}", "vrijwilligersorganisatie",
     "Vrijwilligers helpen u een dag met een klus die u zelf niet kunt doen."),
    ("Kerkelijk Sociaal Loket {p}", "overig",
     "Kerken in de stad helpen samen mensen met geldzorgen."),
    ("Sociaal Raadslieden {p}", "professioneel",
     "Een sociaal raadsman helpt u gratis met brieven van instanties."),
    ("Stichting Caribisch Netwerk {p}", "vrijwilligersorganisatie",
     "Wij helpen Caribische Nederlanders in hun eigen taal met geldzaken."),
    ("Klankbord Ondernemers {p}", "vrijwilligersorganisatie",
     "Heeft u een eigen bedrijf en loopt het niet goed? Een ervaren ondernemer denkt met u mee."),
]  # fmt: skip

MORE_SENTENCES = [
    "Samen maken wij een overzicht van uw inkomsten en uitgaven.",
    "U hoeft zich niet te schamen: veel mensen hebben weleens geldzorgen.",
    "Wij luisteren naar uw verhaal en zoeken samen naar een oplossing.",
    "Wij bellen met de mensen aan wie u geld moet betalen.",
    "Wij helpen u ook met toeslagen en kwijtschelding van belastingen.",
    "Een vrijwilliger komt een paar maanden lang elke week bij u langs.",
    "Alles wat u vertelt blijft tussen ons.",
    "Wij werken samen met de gemeente en andere hulp in de buurt.",
    "U leert zelf uw administratie bij te houden.",
    "Als het nodig is, gaan wij met u mee naar de gemeente.",
    "U krijgt binnen een week een eerste gesprek.",
    "De hulp is er ook voor mensen die een klein beetje hulp nodig hebben.",
]
APPLY = [
    "Bel ons of stuur een e-mail. Wij bellen u binnen drie werkdagen terug.",
    "Loop binnen tijdens het spreekuur. Een afspraak is niet nodig.",
    "Meld u aan via de huisarts, de wijkverpleging of het sociaal team.",
    "Vul het formulier in op onze website. Daarna belt een vrijwilliger u.",
    "Stuur een WhatsApp-bericht. Wij sturen u dezelfde dag een bericht terug.",
]
COSTS = [
    "Gratis.",
    "Gratis. U hoeft nergens lid van te zijn.",
    "De rechter bepaalt de kosten. Met een laag inkomen betaalt de gemeente vaak.",
    "Gratis. Noodhulp hoeft u niet terug te betalen.",
]
BRING = [
    "Uw identiteitsbewijs en de brieven waar het om gaat.",
    "Uw identiteitsbewijs, uw bankafschriften van de laatste drie maanden en uw DigiD.",
    "Een overzicht van uw schulden en uw inkomen, als u dat heeft.",
    "Niets. Wij kijken samen wat er nodig is.",
]
REFER = [
    "Bel de coördinator voor een warme overdracht. Vertel wat er speelt en wat al geregeld is.",
    "Verwijs via het aanmeldformulier. Zet erbij of er beslag ligt of een afsluiting dreigt.",
    "Bel eerst voor overleg. Wij plannen binnen een week een kennismaking met de inwoner erbij.",
]
NOTICES = [
    "Tot 1 maart 2027 nemen wij geen nieuwe aanmeldingen aan. Er is een wachtlijst.",
    "Wij zoeken nieuwe vrijwilligers. Wilt u helpen? Bel ons.",
    "In de schoolvakanties is er alleen een telefonisch spreekuur.",
]
VENUES = [
    "Bibliotheek {p}", "Wijkcentrum De Kastanje", "Buurthuis De Brug", "Stadhuis {p}",
    "de Ontmoetingskerk", "Buurtcentrum Het Trefpunt", "MFA De Schakel", "Dorpshuis De Linde",
    "Wijkhuis De Ster", "Taalhuis {p}", "Servicepunt {p}", "Gezondheidscentrum {p}",
    "Moskee Al Amal", "Kerkgebouw De Rank", "Jongerencentrum The Spot", "Het Sociaal Huis",
]  # fmt: skip
LOCATION_NAMES = [
    "Inloop Geldzaken in {v}", "Spreekuur in {v}", "Geldcafé in {v}",
    "Formulierenspreekuur in {v}", "Informatiepunt in {v}", "Werkplaats Geldzaken in {v}",
    "Uitgiftepunt {v}", "Vragenuur Geld en Post in {v}",
]  # fmt: skip
LOCATION_NOTES = [
    "Op de eerste verdieping. Er is een lift.",
    "Meld u bij de balie bij de ingang.",
    "In de zaal achter de kerk. De ingang is aan de zijkant.",
    "Een rustige kamer: u praat zonder dat anderen meeluisteren.",
]
SLOTS = [
    ("09:00", "12:00"), ("09:30", "12:00"), ("10:00", "12:30"), ("13:00", "16:00"),
    ("13:30", "15:30"), ("14:00", "17:00"), ("19:00", "21:00"), ("18:30", "20:00"),
]  # fmt: skip
WEEKS = [[1, 3], [2, 4], [-1], [1], [1, 2, 3]]
HOUR_NOTES = ["Kom voor 11 uur.", "Alleen in de even weken.", "Ook voor jongeren.", None]
CLOSURES = [
    (date(2026, 12, 21), date(2027, 1, 1), "Kerstvakantie"),
    (date(2027, 7, 19), date(2027, 8, 27), "Zomervakantie"),
    (date(2026, 10, 19), date(2026, 10, 23), "Herfstvakantie"),
    (date(2027, 2, 1), date(2027, 2, 14), "Verbouwing"),
]
FASES = ["preventie", "aanmelding", "traject", "nazorg"]
ROLLEN = ["praktische-steun", "morele-steun", "gedragsverandering", "belangenbehartiging"]
ACTIVITEITEN = [
    "overzicht-creeren", "inzicht-bieden", "stabiliseren", "bemiddelen", "houding",
    "administratieve-vaardigheden", "andere-vaardigheden", "stimuleren", "morele-ondersteuning",
]  # fmt: skip
DOELGROEPEN = [
    "jongeren", "ouderen", "gezinnen", "ondernemers", "nieuwkomers", "mensen-met-een-beperking",
    "laag-inkomen", "migrantengemeenschappen", "studenten",
]  # fmt: skip
TALEN = ["en", "tr", "ar", "pl", "uk", "de", "fr", "so", "ti", "es", "bg", "ro", "fa"]
DAYS = ["ma", "di", "wo", "do", "vr"]
# Dutch area codes without the 0 (two and three digits); numbers are checked with phonenumbers.
AREA_CODES = [
    "10", "13", "15", "20", "23", "24", "26", "30", "33", "35", "36", "38", "40", "43", "45",
    "46", "50", "53", "55", "58", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79",
    "111", "113", "114", "115", "117", "118", "161", "162", "164", "165", "172", "174", "180",
    "181", "182", "183", "184", "186", "187", "222", "223", "224", "227", "228", "229", "251",
    "252", "255", "294", "297", "299", "313", "314", "315", "316", "317", "318", "320", "321",
    "341", "342", "343", "344", "345", "346", "347", "348", "411", "412", "413", "416", "418",
    "475", "478", "481", "485", "486", "487", "488", "492", "493", "495", "497", "499", "511",
    "512", "513", "514", "515", "516", "517", "518", "519", "521", "522", "523", "524", "525",
    "527", "528", "529", "541", "543", "544", "545", "546", "547", "548", "561", "562", "566",
    "570", "571", "572", "573", "575", "577", "578", "591", "592", "593", "594", "595", "596",
    "597", "598", "599",
]  # fmt: skip
POSTCODE_LETTERS = "ABCEGHJKLMNPRSTVWXZ"  # no SA, SD or SS: those are never issued


@dataclass
class Synthetic:
    """The generated records as plain dicts (YAML field names), plus the map points."""

    organisaties: list[dict[str, Any]] = field(default_factory=list)
    locaties: list[dict[str, Any]] = field(default_factory=list)
    points: dict[str, tuple[float, float]] = field(default_factory=dict)  # location id -> point


def slug(text: str) -> str:
    """A record id from a name: 'Geldcafé Den Haag' -> 'geldcafe-den-haag'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


class _Generator:
    """One deterministic stream of records; every unique thing is tracked in a set."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.ids: set[str] = set()
        self.phones: set[str] = set()
        self.postcodes: set[str] = set()
        self.neighbours = {p[0]: _nearest(p, 3) for p in PLACES}

    def unique_id(self, name: str) -> str:
        base = slug(name)
        candidate, n = base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base}-{n}"
        self.ids.add(candidate)
        return candidate

    def subset(self, values: list[Any], low: int, high: int) -> list[Any]:
        chosen = set(self.rng.sample(range(len(values)), self.rng.randint(low, high)))
        return [v for i, v in enumerate(values) if i in chosen]  # in vocabulary order

    def phone(self, mobile: bool = False) -> str:
        while True:
            digits = self._phone_digits(mobile or self.rng.random() < 0.25)
            if digits in self.phones:
                continue
            number = parse_phone(digits)
            if phonenumbers.is_valid_number(number) and not is_paid_line(digits):
                self.phones.add(digits)
                return self._phone_text(digits)

    def _phone_digits(self, mobile: bool) -> str:
        if mobile:
            return "06" + str(self.rng.randint(10_000_000, 59_999_999))
        area = self.rng.choice(AREA_CODES)
        rest = "".join(self.rng.choices("0123456789", k=8 - len(area)))
        return f"0{area}{self.rng.randint(2, 9)}{rest}"

    def _phone_text(self, d: str) -> str:
        """Written the ways people write numbers: '020 123 4567', '0114 123 456', '0612345678'."""
        if self.rng.random() < 0.15:
            return d
        if d.startswith("06"):
            return f"{d[:2]} {d[2:6]} {d[6:]}"
        if d[1:3] in AREA_CODES:
            return f"{d[:3]} {d[3:6]} {d[6:8]} {d[8:]}"
        return f"{d[:4]} {d[4:7]} {d[7:]}"

    def checked(self) -> date:
        return CHECKED_BEFORE - timedelta(days=self.rng.randint(0, 180))


def _nearest(place: Place, n: int) -> list[str]:
    def distance(other: Place) -> float:
        return math.hypot(other[2] - place[2], (other[3] - place[3]) * 0.62)

    return [p[0] for p in sorted(PLACES, key=distance)[1 : n + 1]]


def _organisation(gen: _Generator, place: str) -> dict[str, Any]:
    rng = gen.rng
    template, soort, intro = rng.choice(KINDS)
    naam = template.format(p=place, s=rng.choice(SURNAMES).split()[-1].capitalize())
    if rng.random() < 0.3:
        naam += f", {rng.choice(['Noord', 'Oost', 'Zuid', 'West', 'Centrum'])}"
    org_id = gen.unique_id(naam)
    domain = f"{_domain_label(org_id, len(gen.ids))}.example"
    fases = gen.subset(FASES, 1, 3)
    groups = ["iedereen", *gen.subset(DOELGROEPEN, 0, 2)]
    return {
        "id": org_id,
        "naam": naam,
        "omschrijving": " ".join([intro, *rng.sample(MORE_SENTENCES, rng.randint(1, 3))]),
        "soort": soort,
        "telefoon": gen.phone(),
        "email": f"info@{domain}",
        "website": f"https://www.{domain}",
        "whatsapp": gen.phone(mobile=True) if rng.random() < 0.2 else None,
        "fases": fases,
        "rollen": gen.subset(ROLLEN, 1, 2),
        "activiteiten": gen.subset(ACTIVITEITEN, 1, 4),
        "doelgroepen": groups,
        "talen": ["nl", *gen.subset(TALEN, 0, 3)],
        "werkgebied": [place, *gen.neighbours[place][: rng.randint(0, 3)]],
        "aanmelden": rng.choice(APPLY),
        "kosten": rng.choice(COSTS),
        "meenemen": rng.choice(BRING),
        "verwijzen": rng.choice(REFER) if rng.random() < 0.6 else None,
        "contactpersonen": [_contact(gen, domain) for _ in range(rng.randint(0, 3))],
        "status": rng.choices(["actief", "tijdelijk-gesloten", "gestopt"], [92, 6, 2])[0],
        "melding": rng.choice(NOTICES) if rng.random() < 0.1 else None,
        "laatst_gecontroleerd": gen.checked(),
    }


def _domain_label(org_id: str, number: int) -> str:
    """A DNS label is at most 63 characters; long ids are cut and numbered to stay unique."""
    return org_id if len(org_id) <= 48 else f"{org_id[:40].rstrip('-')}-{number}"


def _contact(gen: _Generator, domain: str) -> dict[str, Any]:
    rng = gen.rng
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    local = slug(f"{first[0]} {last}").replace("-", ".")
    return {
        "naam": f"{first} {last}",
        "functie": rng.choice(FUNCTIONS),
        "telefoon": gen.phone(mobile=True) if rng.random() < 0.8 else None,
        "email": f"{local}@{domain}",
        "zichtbaarheid": rng.choice(["publiek", "verwijzers", "verwijzers"]),
    }


def _location(gen: _Generator, orgs: list[dict[str, Any]], place: Place) -> dict[str, Any]:
    rng = gen.rng
    venue = rng.choice(VENUES).format(p=place[0])
    naam = rng.choice(LOCATION_NAMES).format(v=venue)
    return {
        "id": gen.unique_id(f"{naam} {place[0]}"),
        "naam": naam,
        "organisaties": [o["id"] for o in orgs],
        "omschrijving": rng.choice(LOCATION_NOTES) if rng.random() < 0.7 else None,
        "adres": _address(gen, place),
        "zonder_afspraak": rng.random() < 0.5,
        "rolstoeltoegankelijk": rng.choice([True, True, False, None]),
        "bereikbaarheid": f"Bus {rng.randint(1, 120)}, halte {rng.choice(STREETS)}. "
        + rng.choice(["Gratis parkeren achter het gebouw.", "Fietsenstalling bij de ingang."]),
        "spreekuren": _hours(gen),
        "gesloten": _closures(gen),
        "laatst_gecontroleerd": gen.checked(),
    }


def _address(gen: _Generator, place: Place) -> dict[str, Any]:
    rng = gen.rng
    number = str(rng.randint(1, 250))
    if rng.random() < 0.2:
        suffix = rng.choice(HOUSE_SUFFIXES)
        number += f" {suffix}" if suffix == "bis" else suffix
    while True:
        code = f"{place[1] + rng.randint(0, 39)} {''.join(rng.choices(POSTCODE_LETTERS, k=2))}"
        if code not in gen.postcodes and code[-2:] not in ("SA", "SD", "SS"):
            gen.postcodes.add(code)
            break
    written = code.replace(" ", "").lower() if rng.random() < 0.1 else code  # "3812ab" is fine
    street = rng.choice(STREETS)
    return {"straat": street, "huisnummer": number, "postcode": written, "plaats": place[0]}


def _hours(gen: _Generator) -> list[dict[str, Any]]:
    rng = gen.rng
    hours = []
    for van, tot in rng.sample(SLOTS, rng.randint(1, 3)):
        days = gen.subset(DAYS, 1, 2) if rng.random() < 0.95 else ["za"]
        hours.append(
            {
                "dagen": days,
                "van": van,
                "tot": tot,
                "weken": rng.choice(WEEKS) if rng.random() < 0.2 else None,
                "opmerking": rng.choice(HOUR_NOTES) if rng.random() < 0.3 else None,
            }
        )
    return hours


def _closures(gen: _Generator) -> list[dict[str, Any]]:
    if gen.rng.random() >= 0.2:
        return []
    van, tot, reden = gen.rng.choice(CLOSURES)
    return [{"van": van, "tot": tot, "reden": reden}]


def _point(rng: random.Random, place: Place) -> tuple[float, float]:
    lat = min(max(place[2] + rng.gauss(0, 0.012), LAT_RANGE[0]), LAT_RANGE[1])
    lon = min(max(place[3] + rng.gauss(0, 0.018), LON_RANGE[0]), LON_RANGE[1])
    return round(lat, 6), round(lon, 6)


def synthesize(locations: int, seed: int = 1) -> Synthetic:
    """`locations` locations and `locations // 2` organisations; about two locations each."""
    gen = _Generator(seed)
    data = Synthetic()
    homes = [gen.rng.choice(PLACES) for _ in range(max(locations // 2, 1))]
    data.organisaties = [_organisation(gen, home[0]) for home in homes]
    by_place: dict[str, list[dict[str, Any]]] = {name: [] for name, *_ in PLACES}
    for org, home in zip(data.organisaties, homes, strict=True):
        by_place[home[0]].append(org)
    for i in range(locations):
        org, home = data.organisaties[i % len(homes)], homes[i % len(homes)]
        others = [o for o in by_place[home[0]] if o is not org]
        partners = [gen.rng.choice(others)] if others and gen.rng.random() < 0.15 else []
        location = _location(gen, [org, *partners], home)
        data.locaties.append(location)
        data.points[location["id"]] = _point(gen.rng, home)
    return data


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | int):
        return str(value)  # a bare date: the loader reads it as text, the model as a date
    return json.dumps(value, ensure_ascii=False)


def _yaml_lines(mapping: dict[str, Any], indent: str = "") -> Iterator[str]:
    """Block mappings; lists of scalars in flow style; lists of mappings as '- ' items."""
    for key, value in mapping.items():
        if value is None or value == []:
            continue
        if isinstance(value, dict):
            yield f"{indent}{key}:"
            yield from _yaml_lines(value, indent + "  ")
        elif isinstance(value, list) and isinstance(value[0], dict):
            yield f"{indent}{key}:"
            for item in value:
                lines = list(_yaml_lines(item, indent + "    "))
                yield f"{indent}  - {lines[0].lstrip()}"
                yield from lines[1:]
        elif isinstance(value, list):
            yield f"{indent}{key}: [{', '.join(_scalar(v) for v in value)}]"
        else:
            yield f"{indent}{key}: {_scalar(value)}"


def record_yaml(record: dict[str, Any], kind: str) -> str:
    """One record file, with the schema line real records start with."""
    schema = "organisatie" if kind == "organisaties" else "locatie"
    header = f"# yaml-language-server: $schema=../../schema/{schema}.schema.json"
    return "\n".join([header, *_yaml_lines(record)]) + "\n"


def write_data(data: Synthetic, data_dir: Path) -> None:
    """data/organisaties, data/locaties and data/geocache.yml with a point per address."""
    for kind in ("organisaties", "locaties"):
        folder = data_dir / kind
        folder.mkdir(parents=True, exist_ok=True)
        for record in getattr(data, kind):
            (folder / f"{record['id']}.yml").write_text(record_yaml(record, kind), "utf-8")
    GeoCache(data_dir / "geocache.yml", _cache_entries(data)).save()


def _cache_entries(data: Synthetic) -> dict[str, CacheEntry]:
    entries = {}
    for location in data.locaties:
        adres = Adres.model_validate(location["adres"])
        lat, lon = data.points[location["id"]]
        compact = adres.postcode.replace(" ", "")
        found = f"{adres.straat} {adres.huisnummer}, {compact} {adres.plaats}"
        entries[address_key(adres)] = CacheEntry(
            lat=lat,
            lon=lon,
            bron="synthetisch",
            gevonden=found,
            datum=CHECKED_BEFORE,
            locaties=[location["id"]],
        )
    return entries


def make_site(
    folder: Path,
    locations: int,
    seed: int = 1,
    site_url: str | None = None,
    languages: list[str] | None = None,
) -> Path:
    """A complete site in `folder`: the sample fixture's mkdocs.yml, docs/ and overrides/ and
    generated data/. `site_url` is set if given (flyers then get a QR code). `languages`: the
    site's `talen`; None keeps the fixture's (every shipped language), [] is Dutch only, the
    same pages as the baseline. Returns the path of its mkdocs.yml."""
    folder.mkdir(parents=True, exist_ok=True)
    config = (SAMPLE / "mkdocs.yml").read_text("utf-8")
    # The synthetic records carry referrer-only contacts in data/: declare that allowed.
    talen = "" if languages is None else f"    talen: {json.dumps(languages)}\n"
    config = config.replace(
        "    editie: publiek", f"    gegevens_prive: true\n{talen}    editie: publiek"
    )
    if site_url:
        config = re.sub(r"^site_url:.*\n", "", config, flags=re.MULTILINE)
        config += f"\nsite_url: {json.dumps(site_url)}\n"
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    for name in ("docs", "overrides"):
        if (SAMPLE / name).is_dir():
            shutil.copytree(SAMPLE / name, folder / name, dirs_exist_ok=True)
    write_data(synthesize(locations, seed), folder / "data")
    return folder / "mkdocs.yml"


BASELINE_CONFIG = """\
site_name: Baseline mkdocs-material
strict: true
theme:
  name: material
  language: nl
  font: false
plugins:
  - search:
      lang: nl
nav:
  - index.md
# Record pages stay out of the nav, as ours do: otherwise Material's nav is quadratic.
not_in_nav: |
  /organisaties/
  /locaties/
  /flyers/
markdown_extensions:
  - attr_list
  - admonition
  - toc:
      permalink: false
"""


def make_baseline(folder: Path, locations: int, seed: int = 1) -> Path:
    """Plain mkdocs-material with the same records as flat Markdown: a page per organisation,
    per location and per location flyer (our page count), none in the nav. Returns mkdocs.yml."""
    data = synthesize(locations, seed)
    docs = folder / "docs"
    for sub in ("organisaties", "locaties", "flyers"):
        (docs / sub).mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(BASELINE_CONFIG, "utf-8")
    (docs / "index.md").write_text("# Baseline\n\nHulp bij geldzorgen.\n", "utf-8")
    located: dict[str, list[dict[str, Any]]] = {o["id"]: [] for o in data.organisaties}
    for loc in data.locaties:
        for org_id in loc["organisaties"]:
            located[org_id].append(loc)
    for org in data.organisaties:
        page = _organisation_markdown(org, located[org["id"]])
        (docs / "organisaties" / f"{org['id']}.md").write_text(page, "utf-8")
    names = {o["id"]: o["naam"] for o in data.organisaties}
    for loc in data.locaties:
        (docs / "locaties" / f"{loc['id']}.md").write_text(_location_markdown(loc, names), "utf-8")
        (docs / "flyers" / f"{loc['id']}.md").write_text(_flyer_markdown(loc), "utf-8")
    return folder / "mkdocs.yml"


def _one_line(adres: dict[str, str]) -> str:
    return f"{adres['straat']} {adres['huisnummer']}, {adres['postcode']} {adres['plaats']}"


def _hours_table(loc: dict[str, Any]) -> list[str]:
    rows = ["| Dag | Tijd | Let op |", "|---|---|---|"]
    for hour in loc["spreekuren"]:
        days, note = ", ".join(hour["dagen"]), hour["opmerking"] or ""
        rows.append(f"| {days} | {hour['van']} - {hour['tot']} | {note} |")
    return rows


def _organisation_markdown(org: dict[str, Any], locations: list[dict[str, Any]]) -> str:
    phone = org["telefoon"]
    facts = {k: ", ".join(org[k]) for k in ("fases", "doelgroepen", "talen")}
    lines = [f"# {org['naam']}", "", org["omschrijving"], "", "## Contact", ""]
    lines += [f"- Telefoon: [{phone}](tel:{phone.replace(' ', '')})"]
    lines += [f"- E-mail: <{org['email']}>", f"- Website: <{org['website']}>", ""]
    lines += ["## Wat doen zij?", "", *[f"- {a}" for a in org["activiteiten"]], ""]
    lines += [f"**{k.capitalize()}:** {v}  " for k, v in facts.items()]
    lines += [f"**Kosten:** {org['kosten']}", "", "## Hoe krijgt u hulp?", "", org["aanmelden"]]
    lines += ["", "## Wat neemt u mee?", "", org["meenemen"], "", "## Waar?", ""]
    for loc in locations:
        lines += [f"- [{loc['naam']}](../locaties/{loc['id']}.md): {_one_line(loc['adres'])}"]
    lines += ["", f"Laatst gecontroleerd: {org['laatst_gecontroleerd']}.", ""]
    return "\n".join(lines)


def _location_markdown(loc: dict[str, Any], names: dict[str, str]) -> str:
    lines = [f"# {loc['naam']}", "", loc["omschrijving"] or "", "", "## Adres", ""]
    lines += [_one_line(loc["adres"]), "", loc["bereikbaarheid"], "", "## Spreekuren", ""]
    lines += [*_hours_table(loc), "", "## Wie helpt hier?", ""]
    lines += [f"- [{names[i]}](../organisaties/{i}.md)" for i in loc["organisaties"]]
    lines += ["", f"[Flyer om te printen](../flyers/{loc['id']}.md)", ""]
    return "\n".join(lines)


def _flyer_markdown(loc: dict[str, Any]) -> str:
    lines = [f"# {loc['naam']}", "", _one_line(loc["adres"]), "", *_hours_table(loc), ""]
    return "\n".join(lines)
