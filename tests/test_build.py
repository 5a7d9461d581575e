"""Build real sites with mkdocs into tmp_path and inspect the HTML, as a visitor would get it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from tests.conftest import EXAMPLES, SAMPLE, build_site

TODAY = date(2026, 11, 22)


def mkdocs_build(config: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Build as a person does on the command line."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_record_has_its_page(sample_site: Path) -> None:
    for kind in ("organisaties", "locaties"):
        for record in (SAMPLE / "data" / kind).glob("*.yml"):
            page = sample_site / kind / record.stem / "index.html"
            assert page.is_file(), page
            assert soup(page).select_one("h1"), page


def test_overview_links_every_record(sample_site: Path) -> None:
    """Twenty cards a page: together the overview's pages link every record."""
    pages = [sample_site / "overzicht" / "index.html", *sample_site.glob("overzicht/*/index.html")]
    assert len(pages) > 1
    links = {
        a["href"].replace("../", "")
        for page in pages
        for a in soup(page).select("main .ww-kaartje a[href]")
    }
    for kind in ("organisaties", "locaties"):
        for record in (SAMPLE / "data" / kind).glob("*.yml"):
            assert f"{kind}/{record.stem}/" in links


def test_record_pages_stay_out_of_the_navigation(sample_site: Path) -> None:
    nav = soup(sample_site / "index.html").select("nav.md-nav--primary a[href]")
    assert not [a["href"] for a in nav if "organisaties/" in a["href"] or "locaties/" in a["href"]]


def test_record_text_is_escaped_not_run(base_site: Path, tmp_path: Path) -> None:
    record = base_site.parent / "data" / "organisaties" / "humanitas.yml"
    hostile = "<script>alert(1)</script> *ster* [x](javascript:alert(1))"
    record.write_text(
        record.read_text().replace("Wij helpen u met uw administratie.", f"'{hostile}'")
    )
    build_site(base_site, tmp_path / "out")
    page = soup(tmp_path / "out" / "organisaties" / "humanitas" / "index.html")
    assert not [s for s in page.select("script") if "alert" in s.text]
    assert hostile in page.get_text()
    assert not page.select('a[href^="javascript:"]')


def test_a_location_without_coordinates_is_still_listed(base_site: Path, tmp_path: Path) -> None:
    (base_site.parent / "data" / "geocache.yml").unlink()
    build_site(base_site, tmp_path / "out")  # only a warning: the build goes on
    assert (tmp_path / "out" / "locaties" / "bibliotheek" / "index.html").is_file()
    links = soup(tmp_path / "out" / "overzicht" / "index.html").select("main a[href]")
    assert "../locaties/bibliotheek/" in {a["href"] for a in links}


def test_bad_data_stops_the_build_and_says_why(base_site: Path, tmp_path: Path) -> None:
    case = EXAMPLES / "ongeldig" / "locaties" / "organisatie-onbekend.yml"
    shutil.copy(case, base_site.parent / "data" / "locaties")
    result = mkdocs_build(base_site, tmp_path / "out")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "data/locaties/organisatie-onbekend.yml:6: organisaties[2]: "
        "Er is geen organisatie met id 'gemeentee'. Bedoelde u 'gemeente'?"
    ) in result.stderr


@pytest.mark.parametrize("key", ["site_name", "site_description"])
def test_markup_in_settings_the_theme_prints_is_refused(
    base_site: Path, tmp_path: Path, key: str, caplog: pytest.LogCaptureFixture
) -> None:
    text = base_site.read_text(encoding="utf-8")
    value = "X</title><script>alert(1)</script>"
    base_site.write_text(
        f"{key}: '{value}'\n"
        + "\n".join(line for line in text.splitlines() if not line.startswith(f"{key}:"))
    )
    with pytest.raises(Abort):
        build_site(base_site, tmp_path / "out")
    assert f"mkdocs.yml: {key}: gebruik hier geen <, > of" in caplog.text


def test_use_directory_urls_false_is_refused(
    base_site: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Every link between our pages is a folder link; without folders a fifth of them broke."""
    base_site.write_text(base_site.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n")
    with pytest.raises(Abort):
        build_site(base_site, tmp_path / "out")
    assert "use_directory_urls: false wordt niet ondersteund" in caplog.text


def test_characters_outside_the_bmp_keep_the_front_matter(base_site: Path, tmp_path: Path) -> None:
    """tojson wrote an emoji as a surrogate pair, which mkdocs' front matter parser refused."""
    record = base_site.parent / "data" / "organisaties" / "humanitas.yml"
    record.write_text(record.read_text().replace("Humanitas Teststad", "Humanitas 💶 𠀋"))
    base_site.write_text(base_site.read_text().replace("gemeente: Teststad", "gemeente: Test😀"))
    build_site(base_site, tmp_path / "out")
    for path in (tmp_path / "out").rglob("*.html"):
        assert "title: " not in soup(path).get_text(), path
    page = soup(tmp_path / "out" / "organisaties" / "humanitas" / "index.html")
    assert page.title is not None and page.title.string.startswith("Humanitas 💶 𠀋 - ")
    start = soup(tmp_path / "out" / "index.html")
    assert start.title is not None and "Hulp bij geldzorgen in Test😀" in start.title.string
