"""A service finder, not a documentation site (issue 12): the same help on every page, a Dutch
404 and footer, the municipality's colour, no admin pages, plain words, places first."""

from __future__ import annotations

import json
import posixpath
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.exceptions import Abort

from tests.conftest import ROOT, SAMPLE, build_site
from wegwijzer import i18n
from wegwijzer.records import vocab
from wegwijzer.settings import present
from wegwijzer.settings.config import ConfigError, SiteConfig, contrast_with_white, load_site
from wegwijzer.site.pages import render_site
from wegwijzer.site.search import SYNONYMS, read_index
from wegwijzer.site.theme import ThemeContext, report_links
from wegwijzer.tasks.validate import validate_site

RESIDENT_PAGES = [
    "index.html",
    "overzicht/index.html",
    "fase/traject/index.html",
    "doelgroep/jongeren/index.html",
    "organisaties/geldcafe-de-brug/index.html",
    "locaties/inloop-geldzaken-bibliotheek-centrum/index.html",
    "kaart/index.html",
    "afdrukken/index.html",
    "spoed/index.html",
    "toegankelijkheid/index.html",
    "open-data/index.html",
    "404.html",
]
JARGON = ("Nazorg", "Tijdens schuldhulpverlening", "Opkomen voor uw belangen", "Werken aan houding")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def help_bar(page: BeautifulSoup) -> Tag:
    bars = page.select("aside.ww-hulpbalk")
    assert len(bars) == 1
    return bars[0]


def resolve(page_path: str, href: str) -> str:
    """Where a link on a built page leads, as a path in the site folder."""
    if href.startswith("/"):
        target = href.lstrip("/")
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), href))
    return target.rstrip("/") + "/index.html" if not target.endswith(".html") else target


@pytest.mark.parametrize("path", RESIDENT_PAGES)
def test_every_resident_page_has_the_same_help_bar_under_the_header(
    sample_site: Path, path: str
) -> None:
    page = soup(sample_site / path)
    bar = help_bar(page)
    assert bar.find_parent("main") is None  # a landmark of its own, before the content
    assert bar.find_previous("header") is not None
    # What a reader sees without JavaScript: the open/closed line and the urgent line that
    # answers when the loket does not are filled in and shown by openingstijden.js.
    live = bar.select("script, [hidden]")
    assert [e.get("data-ww-hb-lijn") for e in live if e.name == "a"] == ["ww-hb-lijn-1"]
    for element in live:
        element.decompose()
    text = bar.get_text(" ", strip=True)
    assert text == (
        "Hulp nodig? Schuldhulp Gemeente Voorbeeldstad (ma–vr 9.00–17.00, gratis) Bel 14 020 Spoed?"
    )
    call, urgent = bar.select("a")
    assert call["href"] == "tel:14020"
    assert (sample_site / resolve(path, str(urgent["href"]))).is_file()


def test_the_spoed_page_lists_every_urgent_situation_with_a_call_button(
    sample_site: Path,
) -> None:
    page = soup(sample_site / "spoed" / "index.html")
    config = load_site(SAMPLE / "mkdocs.yml").config
    items = page.select(".ww-spoed__lijst > li")
    assert [i.select_one(".ww-spoed__situatie").get_text() for i in items] == [
        s.situatie for s in config.spoed
    ]
    assert all(i.select_one("a.ww-bel[href^='tel:']") for i in items)


def test_the_404_page_is_dutch_and_its_links_work_at_any_depth(sample_site: Path) -> None:
    page = soup(sample_site / "404.html")
    assert page.select_one("h1").get_text() == "Deze pagina bestaat niet"
    assert "Not found" not in page.get_text()
    help_bar(page)
    links = {a.get_text(strip=True): a["href"] for a in page.select(".ww-niet-gevonden a")}
    assert links["Bel 14 020"] == "tel:14020"
    assert links["Alle hulp op een rij"] == "/overzicht/"
    assert links["Spoed? Bel meteen"] == "/spoed/"
    assert "zoekveld" in page.select_one(".ww-niet-gevonden").get_text()
    assert page.select_one("title").get_text().startswith("Pagina niet gevonden")


def test_the_404_page_has_a_block_in_every_language(sample_site: Path) -> None:
    """Issue 27: one 404.html serves every language; each language's block is translated."""
    page = soup(sample_site / "404.html")
    blocks = {b["data-ww-taal"]: b for b in page.select(".ww-niet-gevonden[data-ww-taal]")}
    assert set(blocks) == {"nl", *i18n.default_languages()}
    assert "hidden" not in blocks["nl"].attrs  # Dutch without JavaScript
    for code, block in blocks.items():
        if code == "nl":
            continue
        language = i18n.load([code])[1]
        assert block.has_attr("hidden") and block["lang"] == code and block["dir"] == language.dir
        heading = block.select_one("h1").get_text()
        assert (
            heading
            == language.translations.gettext("Deze pagina bestaat niet")
            != ("Deze pagina bestaat niet")
        )
        links = {a["href"] for a in block.select("a")}
        assert {"tel:14020", f"/{code}/", f"/{code}/spoed/"} <= links, links
        assert "Zoekt u iets" not in block.get_text()
    assert blocks["ar"].select_one("a.ww-bel bdi[dir=ltr]").get_text() == "14 020"
    assert page.select_one("script[src*='niet-gevonden.js']") is not None


def test_the_footer_is_dutch_and_reports_by_e_mail(sample_site: Path) -> None:
    path = "locaties/inloop-geldzaken-bibliotheek-centrum/index.html"
    page = soup(sample_site / path)
    footer = page.select_one("footer")
    assert "Made with" not in footer.get_text() and "Material for MkDocs" not in footer.get_text()
    links = {a.get_text(strip=True): str(a["href"]) for a in footer.select(".ww-voet a")}
    assert links["Klopt er iets niet?"].startswith("mailto:wegwijzer@voorbeeldstad.example?")
    assert "github.com" in links["Of meld het via GitHub"]
    for label in ("Toegankelijkheid", "Open data"):
        assert (sample_site / resolve(path, links[label])).is_file()


def test_report_mail_names_the_record_and_page_properly_encoded() -> None:
    link = present.report_mail("fout@gemeente.example", "Bar & Co? #1", "https://x.example/a/")
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and parts.path == "fout@gemeente.example"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Klopt er iets niet? Bar & Co? #1"]
    assert "https://x.example/a/" in query["body"][0] and "\r\n" in query["body"][0]
    assert "+" not in parts.query and " " not in parts.query  # spaces as %20 (RFC 6068)


def test_record_pages_report_with_the_name_and_path_in_the_mail(sample_site: Path) -> None:
    page = soup(sample_site / "organisaties" / "geldcafe-de-brug" / "index.html")
    mail = page.select_one(".ww-gecontroleerd a[href^='mailto:']")
    assert mail is not None and mail.get_text() == "Klopt er iets niet?"
    body = unquote(urlsplit(str(mail["href"])).query)
    assert "Geldcafé De Brug" in body and "organisaties/geldcafe-de-brug/" in body


def test_the_default_colour_passes_contrast_and_is_applied(sample_site: Path) -> None:
    css = (sample_site / "assets" / "wegwijzer" / "css" / "kleur.css").read_text()
    assert "--md-primary-fg-color:#154273;" in css  # minified, as all our CSS
    assert contrast_with_white("154273") >= 4.5
    page = soup(sample_site / "index.html")
    assert page.select_one("link[href*='assets/wegwijzer/css/kleur.css?v=']")


def test_a_colour_too_light_for_white_text_is_refused_with_file_and_line(
    base_site: Path,
) -> None:
    text = base_site.read_text(encoding="utf-8")
    base_site.write_text(text + '      kleur: "#e17000"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_site(base_site)
    message = str(caught.value)
    line = len(text.splitlines()) + 1
    assert message.startswith(f"mkdocs.yml:{line}: kleur: ")
    assert "contrast 3.2:1" in message and "4.5:1" in message


def test_a_chosen_colour_and_logo_reach_the_pages(base_site: Path, tmp_path: Path) -> None:
    text = base_site.read_text(encoding="utf-8")
    base_site.write_text(text + '      kleur: "#01689B"\n      logo: logo.svg\n')
    docs = base_site.parent / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    site = build_site(base_site, tmp_path / "out")
    assert "#01689b" in (site / "assets" / "wegwijzer" / "css" / "kleur.css").read_text()
    assert soup(site / "index.html").select_one("img[src$='logo.svg']")


def test_a_missing_logo_is_refused_in_dutch(
    base_site: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    base_site.write_text(base_site.read_text(encoding="utf-8") + "      logo: weg.svg\n")
    with pytest.raises(Abort):
        build_site(base_site, tmp_path / "out")
    assert "mkdocs.yml: logo: het bestand docs/weg.svg bestaat niet" in caplog.text


ADMIN = ("beheer", "gegevens", "landelijk", "prestaties")


def test_admin_pages_stay_in_docs_but_out_of_the_site_and_its_search(sample_site: Path) -> None:
    for name in ADMIN:
        assert not (sample_site / name).exists(), name
    assert (SAMPLE / "docs" / "gegevens.md").is_file()
    material = json.loads((sample_site / "search" / "search_index.json").read_text())
    urls = [d["location"] for d in material["docs"]] + [d[1] for d in read_index(sample_site)]
    assert not [u for u in urls if u.split("/")[0] in ADMIN]
    nav = soup(sample_site / "index.html").select(".md-nav--primary .md-nav__link")
    labels = [n.get_text(" ", strip=True) for n in nav]
    assert "Hulp bij geldzorgen" in labels and "Start" not in labels
    assert not [label for label in labels if "Beheer" in label]


def test_the_referrers_edition_leaves_admin_pages_out_too(referrers_site: Path) -> None:
    for name in ADMIN:
        assert not (referrers_site / name).exists(), name


def test_residents_read_plain_words_and_referrers_the_guide_terms(sample_site: Path) -> None:
    for path in sample_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not [w for w in JARGON if w in text], path
    for key, label in vocab.FASES_INWONERS.items():
        assert soup(sample_site / "fase" / key / "index.html").select_one("h1").get_text() == label
    site = load_site(SAMPLE / "mkdocs.verwijzers.yml")
    dataset, _ = validate_site(site, date(2026, 12, 1))
    pages = {p.path: p.text for p in render_site(dataset, site.config, date(2026, 12, 1)).pages}
    assert "<h1>Tijdens schuldhulpverlening</h1>" in pages["fase/traject.md"]
    assert set(vocab.FASES_INWONERS) == set(vocab.FASES)  # the YAML keys are unchanged
    assert set(vocab.ROLLEN_INWONERS) == set(vocab.ROLLEN)
    assert set(vocab.ACTIVITEITEN_INWONERS) == set(vocab.ACTIVITEITEN)


def test_a_target_group_page_keeps_help_for_everyone_and_the_municipality(
    sample_site: Path,
) -> None:
    folder = sample_site / "doelgroep" / "jongeren"
    pages = [
        folder / "index.html",
        *sorted(folder.glob("*/index.html"), key=lambda p: int(p.parent.name)),
    ]
    cards = [  # over the group's static pages, in order: places come first, then organisations
        card
        for path in pages
        for card in soup(path).select("li.ww-kaartje[data-soort='organisatie']")
    ]
    groups = [set(str(c["data-doelgroepen"]).split()) for c in cards]
    ids = [c["data-id"] for c in cards]
    assert "schuldhulp-gemeente-voorbeeldstad" in ids
    assert any("iedereen" in g and "jongeren" not in g for g in groups)
    own = [i for i, g in enumerate(groups) if "jongeren" in g]
    assert own and own == list(range(len(own)))  # the group's own help comes first
    others = [i for i, g in zip(ids, groups, strict=True) if not g & {"jongeren", "iedereen"}]
    assert set(others) <= {"schuldhulp-gemeente-voorbeeldstad"}  # nothing for other groups only


def test_location_cards_on_list_pages_have_their_opening_data(sample_site: Path) -> None:
    for path in ("fase/preventie/index.html", "doelgroep/ouderen/index.html"):
        page = soup(sample_site / path)
        data = json.loads(page.select_one("script#ww-openingstijden").get_text())
        ids = {str(el["data-ww-locatie"]) for el in page.select("[data-ww-locatie]")}
        assert ids and ids <= set(data["locaties"]), path


def test_organisation_pages_show_their_places_with_nu_open_before_the_long_text(
    sample_site: Path,
) -> None:
    page = soup(
        sample_site / "organisaties" / "humanitas-thuisadministratie-voorbeeldstad" / "index.html"
    )
    places = page.select(".ww-plekken > li")
    assert len(places) >= 2
    headings = [h.get("id") for h in page.select("h2")]
    assert headings.index("waar") < headings.index("wat-doen-zij")
    for place in places:
        assert place.select_one(".ww-adres")
        line = place.select_one("[data-ww-open]")
        script = place.select_one(f"script#{line['data-ww-open']}")
        assert script is not None and "spreekuren" in json.loads(script.get_text())


def test_an_organisation_notice_is_also_on_its_locations_pages(sample_site: Path) -> None:
    site = load_site(SAMPLE / "mkdocs.yml")
    dataset, _ = validate_site(site, date(2026, 12, 1))
    noticed = [o for o in dataset.organisaties.values() if o.melding]
    assert noticed
    for org in noticed:
        for loc in dataset.locations_by_org.get(org.id, ()):
            page = soup(sample_site / "locaties" / loc.id / "index.html")
            notes = " ".join(n.get_text() for n in page.select(".ww-melding"))
            assert org.melding in notes, loc.id


def test_languages_are_listed_by_their_dutch_name(sample_site: Path) -> None:
    page = soup(sample_site / "organisaties" / "formulierenbrigade-voorbeeldstad" / "index.html")
    facts = dict(
        zip(
            [dt.get_text() for dt in page.select(".ww-feiten dt")],
            page.select(".ww-feiten dd"),
            strict=True,
        )
    )
    names = facts["Talen"].get_text().rstrip(".").split(". ")[0].split(", ")
    assert names == sorted(names, key=str.casefold) and len(names) > 2


def test_the_search_dialog_is_named_and_an_empty_search_has_a_way_on(sample_site: Path) -> None:
    page = soup(sample_site / "locaties" / "geldloket-stadhuis" / "index.html")
    dialog = page.select_one("[role=dialog]")
    assert dialog is not None and dialog.get("aria-label")
    way_on = page.select_one("#ww-zoekhulp")
    assert way_on is not None and way_on.has_attr("hidden")
    assert way_on.select_one("a[href='tel:14020']")
    assert way_on.select_one("a[href$='overzicht/']")


EVERYDAY = [
    "huurachterstand",
    "uithuiszetting",
    "afsluiting",
    "deurwaarder",
    "brieven",
    "toeslagen",
    "boete",
    "schulden",
    "rood",
    "incasso",
]


@pytest.mark.parametrize("word", EVERYDAY)
def test_everyday_words_lead_to_words_the_help_pages_use(sample_site: Path, word: str) -> None:
    words = {w for doc in read_index(sample_site) for w in doc[2]}
    alternatives = [word, *SYNONYMS[word]]
    assert [a for a in alternatives if any(w.startswith(a) for w in words)], word


def test_search_results_carry_address_and_phone(sample_site: Path) -> None:
    index = read_index(sample_site)
    info = {doc[1]: doc[3] for doc in index}
    assert (
        info["locaties/geldloket-stadhuis/"]
        == "Stadhuisplein 1, 3811 CD Voorbeeldstad · Bel 14 020"
    )
    # its one place is closed for months (until 31 January): the line says so first
    assert info["organisaties/geldcafe-de-brug/"] == "Tijdelijk gesloten. Bel 06 23180094"
    titles = [doc[0] for doc in index]
    assert "Bewindvoering Kooistra & Partners" in titles  # text, not HTML: shown as textContent
    assert vocab.FASES_INWONERS["aanmelding"] in titles


def test_screenshots_are_committed_small_and_linked_from_the_guide() -> None:
    folder = ROOT / "docs" / "beheer" / "schermafbeeldingen"
    guide = (ROOT / "docs" / "beheer" / "starten.md").read_text(encoding="utf-8")
    shots = sorted(folder.glob("*.png"))
    expected = {
        f"{p}-{w}.png" for p in ("start", "overzicht", "locatie", "kaart") for w in (360, 1280)
    }
    assert {s.name for s in shots} == expected
    for shot in shots:
        assert shot.stat().st_size < 150_000, shot.name
        assert f"schermafbeeldingen/{shot.name}" in guide, shot.name


@pytest.mark.parametrize(
    ("options", "labels"),
    [
        ({"melden_email": "a@b.example"}, ["Klopt er iets niet?"]),
        ({"melden": "https://github.com/x/y/issues/new"}, ["Klopt er iets niet?"]),
        (
            {"melden_email": "a@b.example", "melden": "https://github.com/x/y/issues/new"},
            ["Klopt er iets niet?", "Of meld het via GitHub"],
        ),
        ({}, []),
    ],
)
def test_report_links_offer_e_mail_first_and_github_as_an_option(
    options: dict[str, str], labels: list[str]
) -> None:
    config = SiteConfig.model_validate(
        {"gemeente": "X", "loket": {"naam": "L", "telefoon": "14 020"}, **options}
    )
    links = report_links(config, "Naam", "https://x.example/p/")
    assert [label for label, _ in links] == labels
    if "melden_email" in options:
        assert links[0][1].startswith("mailto:a@b.example?subject=Klopt%20er%20iets%20niet%3F")


def test_the_help_bar_shows_only_what_is_configured() -> None:
    config = SiteConfig.model_validate(
        {"gemeente": "X", "loket": {"naam": "L", "telefoon": "14 020"}}
    )
    assert ThemeContext(config, None, frozenset()).hours_and_cost == ""
    config = config.model_copy(
        update={"loket": config.loket.model_copy(update={"kosten": "gratis"})}
    )
    assert ThemeContext(config, None, frozenset()).hours_and_cost == "gratis"


def test_route_plannen_opens_the_maps_app_with_the_destination_and_no_empty_start(
    sample_site: Path,
) -> None:
    page = soup(sample_site / "locaties" / "inloop-geldzaken-bibliotheek-centrum" / "index.html")
    link = next(a for a in page.select("a") if a.get_text(strip=True) == "Route plannen")
    href = str(link["href"])
    assert href.startswith("https://www.google.com/maps/dir/?api=1&destination=")
    assert "origin" not in href  # the phone fills in where the resident is
    destination = href.split("destination=")[1]
    lat, lon = (float(x) for x in destination.replace("%2C", ",").split(","))
    assert 50.7 < lat < 53.7 and 3.2 < lon < 7.3
