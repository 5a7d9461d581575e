"""The site in six languages (issue 13): folders, lang and dir, the switcher, shared files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.conftest import SAMPLE
from wegwijzer import i18n
from wegwijzer.settings import present
from wegwijzer.settings.config import load_site

OTHERS = tuple(i18n.default_languages())  # the finished catalogs: a site's default
SCREENS = ("", "overzicht/", "kaart/", "afdrukken/", "spoed/", "fase/preventie/", "talen/")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_sample_has_every_shipped_language() -> None:
    codes = [lang.code for lang in load_site(SAMPLE / "mkdocs.yml").languages()]
    assert codes == ["nl", *i18n.default_languages()]
    assert {"en", "ar"} <= set(codes)  # English and right-to-left Arabic are always tested


@pytest.mark.parametrize("code", OTHERS)
def test_each_language_has_the_screens_and_record_pages(sample_site: Path, code: str) -> None:
    for screen in SCREENS:
        assert (sample_site / code / screen / "index.html").is_file(), (code, screen)
    for folder in ("organisaties", "locaties", "flyers"):
        dutch = {p.parent.name for p in (sample_site / folder).glob("*/index.html")}
        assert dutch and dutch == {
            p.parent.name for p in (sample_site / code / folder).glob("*/index.html")
        }
    assert not (sample_site / code / "aanbod").exists()  # the municipality's pages stay Dutch
    assert not (sample_site / code / "open-data").exists()


@pytest.mark.parametrize(
    ("path", "lang", "direction"),
    [
        ("index.html", "nl", "ltr"),
        ("ar/index.html", "ar", "rtl"),
        ("ar/locaties/geldloket-stadhuis/index.html", "ar", "rtl"),
        ("en/overzicht/index.html", "en", "ltr"),
        ("en/kaart/kaart.html", "en", "ltr"),
    ],
)
def test_every_page_says_its_language_and_direction(
    sample_site: Path, path: str, lang: str, direction: str
) -> None:
    page = soup(sample_site / path)
    assert page.html["lang"] == lang
    body_dir = page.body.get("dir") or page.html.get("dir") or "ltr"
    assert body_dir == direction


def test_the_switcher_leads_to_the_same_page_in_each_language(sample_site: Path) -> None:
    page = soup(sample_site / "en" / "locaties" / "geldloket-stadhuis" / "index.html")
    links = page.select("nav.ww-talen a")
    assert [a["lang"] for a in links] == ["nl", *OTHERS]
    names = {a["lang"]: a.get_text() for a in links}
    assert (names["nl"], names["en"], names["ar"]) == ("Nederlands", "English", "العربية")
    hrefs = {a["lang"]: a["href"] for a in links}
    assert hrefs["nl"] == "../../../locaties/geldloket-stadhuis/"
    assert hrefs["ar"] == "../../../ar/locaties/geldloket-stadhuis/"
    assert links[1]["aria-current"] == "true"
    assert {a["lang"]: a["dir"] for a in links}["ar"] == "rtl"
    # a Dutch-only page leads to each language's start
    aanbod = {
        a["lang"]: a["href"]
        for a in soup(sample_site / "aanbod" / "index.html").select("nav.ww-talen a")
    }
    assert aanbod["pl"] == "../pl/"


def test_translated_pages_use_the_shared_data_and_assets(sample_site: Path) -> None:
    overview = soup(sample_site / "ar" / "overzicht" / "index.html")
    box = overview.select_one("[data-ww-overzicht]")
    assert box["data-ww-gegevens"] == "../../overzicht/"
    assert box["data-ww-root"] == "../"
    scripts = [s["src"].split("?")[0] for s in overview.select("script[src]")]
    texts = scripts.index("../../assets/wegwijzer/teksten/ar.js")
    assert texts < scripts.index("../../assets/wegwijzer/js/teksten.js")
    assert (sample_site / "assets" / "wegwijzer" / "teksten" / "ar.js").is_file()
    assert not (sample_site / "assets" / "wegwijzer" / "teksten" / "nl.js").exists()


def test_translated_pages_stay_out_of_the_search_index(sample_site: Path) -> None:
    from wegwijzer.site.search import read_index

    urls = [entry[1] for entry in read_index(sample_site)]
    assert urls and not [u for u in urls if u.split("/")[0] in OTHERS]


def test_the_menu_of_a_translated_page_is_its_own_language(sample_site: Path) -> None:
    nav = soup(sample_site / "en" / "overzicht" / "index.html").select(
        "nav.md-nav--primary a.md-nav__link"
    )
    hrefs = [a["href"] for a in nav]
    assert hrefs == ["../", "./", "../kaart/", "../afdrukken/", "../spoed/"]


def _with_option(config: Path, line: str) -> Path:
    text = config.read_text(encoding="utf-8")
    indent = text.split("gemeente:", 1)[0].rsplit("\n", 1)[1]
    new = text.replace(f"{indent}gemeente:", f"{indent}{line}\n{indent}gemeente:", 1)
    config.write_text(new, encoding="utf-8")
    return config


def test_an_unknown_language_is_refused_in_dutch(
    base_site: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.exceptions import Abort

    from tests.conftest import build_site

    _with_option(base_site, "talen: [en, xx]")
    with pytest.raises(Abort):
        build_site(base_site, tmp_path / "out")
    assert "mkdocs.yml: talen: voor 'xx' is er geen vertaling" in caplog.text
    assert "vertalingen/xx.po" in caplog.text
    assert not (tmp_path / "out" / "index.html").exists()


def test_no_other_languages_makes_a_dutch_only_site(base_site: Path, tmp_path: Path) -> None:
    from tests.conftest import build_site

    site = build_site(_with_option(base_site, "talen: []"), tmp_path / "out")
    assert not (site / "en").exists()
    assert soup(site / "index.html").select_one("nav.ww-talen") is None


def test_an_organisations_own_line_shows_in_its_language_beside_the_dutch(
    sample_site: Path,
) -> None:
    path = Path("organisaties") / "schuldhulpmaatje-voorbeeldstad" / "index.html"
    arabic = soup(sample_site / "ar" / path)
    line = arabic.select_one("h1 + p.ww-eigen-taal")
    assert line is not None and line["lang"] == "ar" and line["dir"] == "rtl"
    assert line.get_text().startswith("متطوع مدرّب")
    dutch_text = arabic.select_one("h1 span[lang=nl]")
    assert dutch_text is not None and dutch_text.get_text() == "SchuldHulpMaatje Voorbeeldstad"
    assert soup(sample_site / "en" / path).select_one("p.ww-eigen-taal[lang=en]")
    assert not soup(sample_site / path).select(".ww-eigen-taal")  # the Dutch page: as before
    assert not soup(sample_site / "pl" / path).select(".ww-eigen-taal")  # none written


def test_record_text_on_a_translated_page_is_marked_dutch(sample_site: Path) -> None:
    page = soup(sample_site / "ar" / "locaties" / "geldloket-stadhuis" / "index.html")
    title = page.select_one("article h1")
    assert title is not None
    marked = title.select_one("span[lang=nl][dir=ltr]")
    assert marked is not None and marked.get_text() == title.get_text().strip()


def test_numbers_read_left_to_right_inside_arabic_only(sample_site: Path) -> None:
    """`"3811" | ltr` must not be worked out once, at compile time, in the first language."""
    arabic = soup(sample_site / "ar" / "overzicht" / "index.html").select_one("#ww-postcode-hulp")
    short, full = [b.get_text() for b in arabic.select("bdi[dir=ltr]")]  # one of the town's
    assert len(short) == 4 and full.startswith(short + " ")
    dutch = soup(sample_site / "overzicht" / "index.html").select_one("#ww-postcode-hulp")
    assert dutch.select("bdi") == []
    bar = soup(sample_site / "ar" / "index.html").select_one(".ww-hulpbalk__wie span[lang=nl]")
    assert bar is not None


def test_the_starter_spoed_texts_are_translated_and_own_wording_stays_dutch(
    sample_site: Path,
) -> None:
    """A resident with little Dutch must read why to call at once: the starter site's Spoed
    situations come in the page's language; a municipality's own words stay as written."""
    box = soup(sample_site / "tr" / "index.html").select_one(".ww-spoed")
    assert box is not None
    text = box.get_text(" ", strip=True)
    assert "Yakında evinizden çıkmak zorundasınız." in text
    assert "deurwaarder" in text and "Wacht niet" not in text  # the word they will hear
    assert "binnenkort" not in text
    dutch = soup(sample_site / "index.html").select_one(".ww-spoed").get_text(" ", strip=True)
    assert "U moet binnenkort uit uw huis." in dutch
    with i18n.speaking(i18n.load(["tr"])[1]):
        own = str(present.setting_text("U krijgt een brief van de deurwaarder."))
        starter = str(present.setting_text(" Uw gas, water of stroom wordt afgesloten. "))
    assert own == '<span lang="nl" dir="ltr">U krijgt een brief van de deurwaarder.</span>'
    assert starter == "Gazınız, suyunuz veya elektriğiniz kesilecek."


def test_weeks_of_the_month_and_closures_are_in_the_pages_language(sample_site: Path) -> None:
    """'elke laatste vrijdag' and a closure's period read in the page's language; the
    reason stays as written."""
    page = "locaties/inloop-caribisch-netwerk-de-palm/index.html"
    dutch = soup(sample_site / page).get_text(" ", strip=True)
    assert "Alleen de laatste vrijdag van de maand." in dutch
    english = soup(sample_site / "en" / page).get_text(" ", strip=True)
    assert "Only the last Friday of the month." in english
    assert "Alleen de laatste vrijdag" not in english  # the record's own note may stay Dutch
    closures = [
        li.get_text(" ", strip=True)
        for code in ("en", "tr")
        for li in soup(
            sample_site / code / "locaties" / "geldloket-stadhuis" / "index.html"
        ).select("li")
        if "2027" in li.get_text()
    ]
    assert closures and not [text for text in closures if "tot en met" in text], closures
    assert any("up to and including" in text for text in closures), closures


def test_language_lists_use_the_pages_separator(sample_site: Path) -> None:
    """'Ook in het Arabisch, Turks' joins names with the page's separator: '، ' in Arabic."""

    def lists(page: Path, prefix: str) -> list[str]:
        labels = (span.get_text() for span in soup(page).select("span.ww-label"))
        return [text for text in labels if text.startswith(prefix)]

    arabic = lists(sample_site / "ar" / "overzicht" / "index.html", "متوفر أيضًا باللغات: ")
    assert any("، " in text for text in arabic), arabic
    assert not [text for text in arabic if "," in text], arabic
    dutch = lists(sample_site / "overzicht" / "index.html", "Ook in het ")
    assert any(", " in text for text in dutch) and not [t for t in dutch if "،" in t], dutch


def test_the_translation_status_on_the_languages_page_is_in_the_catalogs() -> None:
    from wegwijzer import i18n
    from wegwijzer.settings.present import STATUS_TEXTS

    assert STATUS_TEXTS == (i18n.UNCHECKED, i18n.CHECKED)
    pot = (Path(i18n.__file__).parent / "locale" / "wegwijzer.pot").read_text(encoding="utf-8")
    assert all(f'msgid "{text}"' in pot for text in STATUS_TEXTS)


def test_a_translated_hours_note_is_not_marked_dutch(sample_site: Path) -> None:
    """Issue 27: 'فقط الجمعة الثاني والرابع' is the page's own language; only the record's
    note beside it ('Op vrijdag is ook de Formulierenbrigade er.') is marked lang="nl"."""
    pages = ("organisaties/welzijn-voorbeeldstad", "locaties/werkplaats-geldzaken-zuid")
    for path in pages:
        page = soup(sample_site / "ar" / path / "index.html")
        own = [s for s in page.select('[lang="nl"]') if "Formulierenbrigade er" in s.get_text()]
        assert own and all(
            s.get_text() == "Op vrijdag is ook de Formulierenbrigade er." for s in own
        )
        holder = next(s.parent for s in own)
        translated = holder.get_text().replace(own[0].get_text(), "").strip(" ()")
        assert translated and "Alleen" not in translated, (path, translated)
        for text in page.find_all(string=lambda t: t and "الجمعة" in t):
            assert text.find_parent(attrs={"lang": "nl"}) is None, (path, text)


def test_email_addresses_and_urls_read_left_to_right_inside_arabic(sample_site: Path) -> None:
    """Issue 27 item 2: like phone numbers, an address or URL shown as text is isolated."""
    path = Path("organisaties") / "bewindvoering-kooistra" / "index.html"
    arabic = soup(sample_site / "ar" / path)
    for text in ("info@bewindvoering-kooistra.example", "https://www.bewindvoering-kooistra"):
        shown = [a for a in arabic.select("article a") if text in a.get_text()]
        assert shown, text
        for link in shown:
            bdi = link.select_one("bdi[dir=ltr]")
            assert bdi is not None and text in bdi.get_text(), link
    start = soup(sample_site / "ar" / "index.html")
    mail = start.select_one('article a[href^="mailto:"] bdi[dir=ltr]')
    assert mail is not None and "@" in mail.get_text()
    assert soup(sample_site / path).select("article a bdi") == []  # left-to-right pages: as before


def test_the_help_bars_hours_and_cost_are_in_the_pages_language(sample_site: Path) -> None:
    """Issue 27 item 5: 'ma–vr 9.00–17.00, gratis' is a Dutch setting; a translated page says
    `loket.uren` with its own day names and 'gratis' in its own words."""
    config = load_site(SAMPLE / "mkdocs.yml").config
    assert config.loket.uren and config.loket.kosten == "gratis" and config.loket.bereikbaar

    def when(path: Path) -> Any:
        return soup(path).select_one(".ww-hulpbalk__wanneer")

    dutch = when(sample_site / "index.html").get_text()
    assert config.loket.bereikbaar in dutch and "gratis" in dutch
    for code, monday, friday, free in (
        ("tr", "pazartesi", "cuma", "ücretsiz"),
        ("ar", "الاثنين", "الجمعة", "مجانًا"),
    ):
        span = when(sample_site / code / "overzicht" / "index.html")
        text = span.get_text()
        assert monday in text.lower() and friday in text and free in text, (code, text)
        assert config.loket.bereikbaar not in text and "gratis" not in text
        assert span.select("[lang=nl]") == []
        assert "09:00–17:00" in text
    arabic = when(sample_site / "ar" / "index.html")
    assert arabic.select_one("bdi[dir=ltr]").get_text() == "09:00–17:00"


def test_the_search_panels_call_line_marks_the_loket_dutch(sample_site: Path) -> None:
    """The search panel's 'not found? call ...' line: the loket's name is the site's Dutch,
    its hours and cost are in the page's language."""
    panel = soup(sample_site / "ar" / "index.html").select_one(".md-search")
    line = next(p for p in panel.select("p") if p.select_one("a[href^='tel:']"))
    assert line.select_one("span[lang=nl]").get_text() == "Schuldhulp Gemeente Voorbeeldstad"
    assert "مجانًا" in line.get_text() and "gratis" not in line.get_text()
