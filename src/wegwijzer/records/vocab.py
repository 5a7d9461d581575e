"""Controlled vocabularies: the keys people type in the YAML and the Dutch labels residents read.

Taken from the VNG guide "Samenwerken met vrijwilligers(organisaties)" (2024), chapter 3.1;
see shared/domain.md. The dictionaries keep the order in which the site shows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType, SimpleNamespace
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

# What residents read instead of the guide's terms above (the keys stay the same). The
# referrers' edition keeps the professional terms, which volunteers and colleagues use.
FASES_INWONERS: Final = MappingProxyType(
    {
        "preventie": "Geldzaken op orde brengen",
        "aanmelding": "Hulp van de gemeente vragen",
        "traject": "Hulp terwijl u schuldhulp krijgt",
        "nazorg": "Na de schuldhulp",
    }
)

ROLLEN_INWONERS: Final = MappingProxyType(
    {
        "praktische-steun": "Hulp met brieven en formulieren",
        "morele-steun": "Iemand die luistert en meegaat",
        "gedragsverandering": "Leren omgaan met geld",
        "belangenbehartiging": "Contact met schuldeisers voor u",
    }
)

ACTIVITEITEN_INWONERS: Final = MappingProxyType(
    {
        "overzicht-creeren": "Samen op een rij zetten wat er binnenkomt en wat eruit gaat",
        "inzicht-bieden": "Uitleg over uw geldzaken",
        "stabiliseren": "Rust brengen, zodat de schulden niet groter worden",
        "bemiddelen": "Afspraken maken met schuldeisers",
        "houding": "Anders leren omgaan met geld",
        "administratieve-vaardigheden": "Leren uw post en papieren bij te houden",
        "andere-vaardigheden": "Andere dingen leren, zoals online regelen",
        "stimuleren": "Aanmoedigen om door te gaan",
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


def for_edition(edition: str) -> SimpleNamespace:
    """This module's vocabularies as a page shows them: plain words for residents, the
    guide's terms in the referrers' edition. Templates read `vocab.FASES` either way."""
    names = {name: value for name, value in globals().items() if isinstance(value, Mapping)}
    if edition != "verwijzers":
        names.update(FASES=FASES_INWONERS, ROLLEN=ROLLEN_INWONERS)
        names.update(ACTIVITEITEN=ACTIVITEITEN_INWONERS)
    return SimpleNamespace(**names)
