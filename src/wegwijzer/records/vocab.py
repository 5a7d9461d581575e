"""Controlled vocabularies: the keys people type in the YAML and the Dutch labels residents read.

Taken from the VNG guide "Samenwerken met vrijwilligers(organisaties)" (2024), chapter 3.1;
see shared/domain.md. The dictionaries keep the order in which the site shows them.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

FASES: Final = MappingProxyType(
    {
        "preventie": "Voorkomen en op orde brengen",
        "aanmelding": "Hulp bij aanmelden",
        "traject": "Tijdens schuldhulpverlening",
        "nazorg": "Nazorg",
    }
)

ROLLEN: Final = MappingProxyType(
    {
        "praktische-steun": "Praktische steun",
        "morele-steun": "Morele steun",
        "gedragsverandering": "Gezond omgaan met geld",
        "belangenbehartiging": "Opkomen voor uw belangen",
    }
)

ACTIVITEITEN: Final = MappingProxyType(
    {
        "overzicht-creeren": "Overzicht maken",
        "inzicht-bieden": "Inzicht geven",
        "stabiliseren": "Rust brengen in de situatie",
        "bemiddelen": "Bemiddelen en opkomen voor belangen",
        "houding": "Werken aan houding",
        "administratieve-vaardigheden": "Leren de administratie te doen",
        "andere-vaardigheden": "Andere vaardigheden leren",
        "stimuleren": "Stimuleren en aanmoedigen",
        "morele-ondersteuning": "Een luisterend oor",
    }
)

SOORTEN: Final = MappingProxyType(
    {
        "vrijwilligersorganisatie": "Vrijwilligersorganisatie",
        "gemeente": "Gemeente",
        "welzijnsorganisatie": "Welzijnsorganisatie",
        "professioneel": "Professionele hulp",
        "overig": "Overig",
    }
)

DOELGROEPEN: Final = MappingProxyType(
    {
        "iedereen": "Iedereen",
        "jongeren": "Jongeren",
        "ouderen": "Ouderen",
        "gezinnen": "Gezinnen met kinderen",
        "ondernemers": "Ondernemers en zzp'ers",
        "nieuwkomers": "Nieuwkomers",
        "mensen-met-een-beperking": "Mensen met een beperking",
        "migrantengemeenschappen": "Mensen uit migrantengemeenschappen",
        "studenten": "Studenten",
        "laag-inkomen": "Mensen met een laag inkomen",
        "weinig-nederlands": "Mensen die weinig Nederlands lezen of spreken",
        "dak-en-thuislozen": "Dak- en thuislozen",
    }
)

# Former target groups, now said another way: the checker explains where they went.
OUDE_DOELGROEPEN: Final = MappingProxyType(
    {
        "levensbeschouwing": (
            "'levensbeschouwing' is geen doelgroep meer: het zegt iets over de organisatie, "
            "niet over wie er hulp krijgt. Schrijf bijvoorbeeld levensbeschouwing: christelijk."
        ),
    }
)

LEVENSBESCHOUWINGEN: Final = MappingProxyType(
    {
        "christelijk": "christelijke",
        "islamitisch": "islamitische",
        "joods": "joodse",
        "hindoeistisch": "hindoeïstische",
        "boeddhistisch": "boeddhistische",
        "humanistisch": "humanistische",
        "anders": "eigen",
    }
)

STATUSSEN: Final = MappingProxyType(
    {
        "actief": "Actief",
        "tijdelijk-gesloten": "Tijdelijk gesloten",
        "gestopt": "Gestopt",
    }
)

ZICHTBAARHEDEN: Final = MappingProxyType(
    {
        "publiek": "Voor iedereen zichtbaar",
        "verwijzers": "Alleen voor verwijzers",
    }
)

DAGEN: Final = MappingProxyType(
    {
        "ma": "maandag",
        "di": "dinsdag",
        "wo": "woensdag",
        "do": "donderdag",
        "vr": "vrijdag",
        "za": "zaterdag",
        "zo": "zondag",
    }
)

# Weeks of the month a consultation hour can be limited to; -1 is the last one.
WEKEN: Final = MappingProxyType(
    {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", 5: "vijfde", -1: "laatste"}
)
