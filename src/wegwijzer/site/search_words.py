"""Residents' everyday words in every interface language, per concept (issue 27).

Records are in Dutch. A resident on the Turkish page types "borç", on the Arabic page "ديون":
each such word points at the Dutch words the records use for the same concept, so every
language's pages find the same help through the one index (search.py merges these lists into
the synonyms of `zoeken/index.json`). Words are written as people type them; search.py folds
them (lower case, Turkish ı as i, Arabic without vowel marks). A query word that starts with
a listed word of four letters or more uses that word's list too ("borçlarım" -> "borç").

URGENT: words that put the Spoed page first, whatever else matches.
"""

from __future__ import annotations

# concept -> (the records' Dutch words, {language: the residents' words})
CONCEPTS: dict[str, tuple[list[str], dict[str, list[str]]]] = {
    "debt": (
        ["schulden", "schuldhulp", "schuldhulpverlening", "schuldeisers", "rekeningen"],
        {
            "nl": ["schuld", "schulden", "geldzorgen"],
            "en": ["debt", "debts", "owe", "owing", "loan", "loans", "bills"],
            "tr": ["borç", "borçlar", "borcum", "borçlu", "borçlarım", "fatura", "faturalar"],
            "ar": ["ديون", "دين", "الديون", "الدين", "ديوني", "فواتير", "الفواتير"],
            "pl": ["długi", "dług", "długów", "zadłużenie", "rachunki"],
            "uk": ["борги", "борг", "боргів", "заборгованість", "рахунки"],
        },
    ),
    "rent_arrears": (
        ["huurachterstand", "huur", "woning", "uitzetting", "schulden"],
        {
            "nl": ["huurachterstand", "huurschuld"],
            "en": ["rent", "arrears", "landlord"],
            "tr": ["kira", "kirayı", "kiramı", "konut"],
            "ar": ["إيجار", "الإيجار", "ايجار", "الايجار", "السكن"],
            "pl": ["czynsz", "czynszu", "zaległości", "mieszkanie"],
            "uk": ["оренда", "оренду", "квартплата", "житло"],
        },
    ),
    "eviction": (
        ["uitzetting", "huisuitzetting", "ontruiming", "huur", "spoed"],
        {
            "nl": ["ontruiming", "uitzetting", "uithuiszetting"],
            "en": ["eviction", "evicted", "evict"],
            "tr": ["tahliye", "çıkarma"],
            "ar": ["إخلاء", "الإخلاء", "طرد"],
            "pl": ["eksmisja", "eksmisji", "eksmisję"],
            "uk": ["виселення", "виселяють", "виселити"],
        },
    ),
    "cut_off": (
        ["afgesloten", "afsluiten", "energie", "stroom", "gas", "water", "rekeningen"],
        {
            "nl": ["afsluiting", "afgesloten", "afsluiten"],
            "en": ["disconnection", "disconnected", "electricity", "energy", "heating"],
            "tr": ["kesinti", "kesildi", "elektrik", "doğalgaz", "enerji"],
            "ar": ["قطع", "الكهرباء", "كهرباء", "الغاز", "الماء"],
            "pl": ["odcięcie", "odcięty", "prąd", "prądu", "energia", "ogrzewanie"],
            "uk": ["відключення", "відключили", "світло", "електрика", "газ"],
        },
    ),
    "food": (
        ["voedselbank", "voedsel", "eten", "boodschappen"],
        {
            "nl": ["eten", "voedsel", "honger"],
            "en": ["food", "hungry", "hunger", "groceries", "foodbank"],
            "tr": ["yemek", "gıda", "yiyecek", "açlık"],
            "ar": ["طعام", "الطعام", "أكل", "غذاء", "جوع"],
            "pl": ["jedzenie", "żywność", "głodny", "głód"],
            "uk": ["їжа", "їжі", "продукти", "голод"],
        },
    ),
    "letters": (
        ["brieven", "post", "papieren", "formulieren", "administratie", "formulierenbrigade"],
        {
            "nl": ["brief", "brieven", "post", "papieren"],
            "en": ["letter", "letters", "mail", "forms", "paperwork", "documents"],
            "tr": ["mektup", "mektuplar", "evrak", "belgeler", "form", "formlar"],
            "ar": ["رسائل", "رسالة", "الرسائل", "بريد", "البريد", "أوراق", "استمارة"],
            "pl": ["listy", "list", "poczta", "formularz", "formularze", "pisma", "dokumenty"],
            "uk": ["листи", "лист", "пошта", "документи", "папери", "форми"],
        },
    ),
    "benefits": (
        ["toeslagen", "toeslag", "huurtoeslag", "zorgtoeslag", "uitkering", "belastingdienst"],
        {
            "nl": ["toeslag", "toeslagen", "uitkering"],
            "en": ["benefits", "benefit", "allowance", "allowances", "welfare"],
            "tr": ["yardım", "ödenek", "destek"],
            "ar": ["إعانة", "إعانات", "مساعدات", "مساعدة", "دعم"],
            "pl": ["zasiłek", "zasiłki", "dodatek", "świadczenia", "zapomoga"],
            "uk": ["допомога", "субсидія", "виплати", "пільги"],
        },
    ),
    "bailiff": (
        ["deurwaarder", "beslag", "incasso", "schulden", "spoed"],
        {
            "nl": ["deurwaarder", "beslag", "incasso"],
            "en": ["bailiff", "bailiffs", "seizure", "collector", "collection"],
            "tr": ["icra", "haciz", "icracı"],
            "ar": ["محضر", "المحضر", "حجز", "الحجز"],
            "pl": ["komornik", "komornika", "zajęcie", "windykacja"],
            "uk": ["виконавець", "виконавця", "арешт", "колектор"],
        },
    ),
    "budget": (
        ["budget", "budgetwijs", "geldzaken", "rondkomen", "geld"],
        {
            "nl": ["budget", "geld", "rondkomen"],
            "en": ["budget", "budgeting", "money", "coach", "coaching"],
            "tr": ["bütçe", "para", "paramı"],
            "ar": ["ميزانية", "الميزانية", "مال", "المال", "نقود"],
            "pl": ["budżet", "pieniądze", "pieniędzy"],
            "uk": ["бюджет", "гроші", "грошей"],
        },
    ),
    "work_income": (
        ["werk", "inkomen", "uitkering", "ondernemers", "geld"],
        {
            "nl": ["werk", "inkomen", "baan"],
            "en": ["work", "job", "income", "salary", "unemployed"],
            "tr": ["işsiz", "gelir", "maaş", "çalışma"],
            "ar": ["عمل", "العمل", "دخل", "الدخل", "وظيفة", "راتب"],
            "pl": ["praca", "pracy", "dochód", "pensja", "bezrobotny"],
            "uk": ["робота", "роботи", "дохід", "зарплата", "безробітний"],
        },
    ),
    "urgent": (
        ["spoed", "meteen"],
        {
            "nl": ["spoed", "nood", "dringend"],
            "en": ["urgent", "emergency", "crisis"],
            "tr": ["acil", "hemen"],
            "ar": ["عاجل", "طارئ", "طوارئ", "الطوارئ"],
            "pl": ["pilne", "pilny", "pilnie", "nagły"],
            "uk": ["терміново", "термінова", "невідкладно", "екстрено"],
        },
    ),
}

# Words that put the Spoed page first. "huur achterstand" and "geen eten" are typed as two
# words: zoeken.js glues neighbouring words and looks the glued word up here as well.
URGENT: tuple[str, ...] = (
    # nl
    "deurwaarder",
    "huurachterstand",
    "afsluiting",
    "afgesloten",
    "beslag",
    "beslaglegging",
    "ontruiming",
    "uitzetting",
    "huisuitzetting",
    "uithuiszetting",
    "spoed",
    "geeneten",
    # en
    "rentarrears",  # "rent arrears"
    "bailiff",
    "eviction",
    "evicted",
    "disconnected",
    "disconnection",
    "urgent",
    "emergency",
    # tr
    "acil",
    "tahliye",
    "icra",
    "haciz",
    "kesildi",
    "kiraborcu",  # "kira borcu": rent arrears
    "kiraborcum",
    # ar
    "عاجل",
    "طوارئ",
    "الطوارئ",
    "إخلاء",
    "الإخلاء",
    "محضر",
    "المحضر",
    "الحجز",
    # pl
    "pilne",
    "pilnie",
    "komornik",
    "komornika",
    "eksmisja",
    "eksmisji",
    "odcięcie",
    # uk
    "терміново",
    "невідкладно",
    "виселення",
    "виконавець",
    "відключення",
    "відключили",
)
