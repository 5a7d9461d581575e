"""Opening hours in a real build: the pages and exports a visitor gets."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import build_site

OPEN_ENDED = """gesloten:
  - van: 0001-01-01
    tot: 2026-01-04
    reden: Oude regeling
  - van: 2027-03-01
    tot: 9999-12-31
    reden: Verhuizing
"""


def test_open_ended_closures_build_and_read_tot_nader_bericht(
    base_site: Path, tmp_path: Path
) -> None:
    record = base_site.parent / "data" / "locaties" / "bibliotheek.yml"
    record.write_text(record.read_text(encoding="utf-8") + OPEN_ENDED, encoding="utf-8")
    out = build_site(base_site, tmp_path / "out")
    page = BeautifulSoup(
        (out / "locaties" / "bibliotheek" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    items = [li.get_text() for li in page.select("h3 + ul li")]
    assert "Vanaf 1 maart 2027 tot nader bericht: Verhuizing" in items
    windows = _schedule_windows(out)
    assert ("2026-01-05", "2027-02-28") in windows
    assert all(valid_to is not None for _, valid_to in windows)


def test_holiday_policy_from_mkdocs_yml_reaches_page_and_script(
    base_site: Path, tmp_path: Path
) -> None:
    text = base_site.read_text(encoding="utf-8")
    policy = "      feestdagen:\n        bevrijdingsdag: elk jaar\n        goede_vrijdag: dicht\n"
    base_site.write_text(
        text.replace("      gemeente: Teststad\n", "      gemeente: Teststad\n" + policy)
    )
    out = build_site(base_site, tmp_path / "out")
    page = BeautifulSoup(
        (out / "locaties" / "bibliotheek" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert "Ook op Bevrijdingsdag (5 mei). Ook op Goede Vrijdag." in page.get_text()
    data = json.loads(page.select_one("script#ww-open-data").get_text())
    assert data["feestdagen"] == {"bevrijdingsdag": "elk jaar", "goede_vrijdag": "dicht"}


def test_default_holiday_policy_is_stated_on_the_page(sample_site: Path) -> None:
    page = (sample_site / "locaties" / "geldloket-stadhuis" / "index.html").read_text("utf-8")
    assert "Op Goede Vrijdag is de plek open." in page
    assert "alleen om de vijf jaar" in page


def test_walk_in_without_hours_never_says_only_by_appointment(
    base_site: Path, tmp_path: Path
) -> None:
    record = base_site.parent / "data" / "locaties" / "bibliotheek.yml"
    text = record.read_text(encoding="utf-8")
    start, end = text.index("spreekuren:"), text.index("laatst_gecontroleerd:")
    record.write_text(text[:start] + "zonder_afspraak: true\n" + text[end:], encoding="utf-8")
    out = build_site(base_site, tmp_path / "out")
    texts = [
        (out / "locaties" / "bibliotheek" / "index.html").read_text(encoding="utf-8"),
        (out / "flyers" / "bibliotheek" / "index.html").read_text(encoding="utf-8"),
    ]
    organisation = BeautifulSoup(
        (out / "organisaties" / "humanitas" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    link = organisation.select_one('.ww-plekken a[href$="locaties/bibliotheek/"]')
    place = link.find_parent("li") if link is not None else None
    assert place is not None
    texts.append(place.get_text())
    for text in texts:
        assert "Tijden onbekend." in text  # with the number to call (tests/test_contact_truth.py)
        assert "Alleen op afspraak" not in text


def test_hsds_schedules_follow_geldig_vanaf_and_geldig_tot(base_site: Path, tmp_path: Path) -> None:
    record = base_site.parent / "data" / "locaties" / "bibliotheek.yml"
    text = record.read_text(encoding="utf-8").replace(
        '    tot: "12:00"\n',
        '    tot: "12:00"\n    geldig_vanaf: 2026-09-01\n    geldig_tot: 2027-06-30\n',
    )
    record.write_text(text + OPEN_ENDED, encoding="utf-8")
    out = build_site(base_site, tmp_path / "out")
    windows = _schedule_windows(out)
    assert windows == {("2026-09-01", "2027-02-28")}
    page = (out / "locaties" / "bibliotheek" / "index.html").read_text(encoding="utf-8")
    assert "Vanaf 1 september 2026 tot en met 30 juni 2027." in page


def _schedule_windows(out: Path) -> set[tuple[str | None, str | None]]:
    """(valid_from, valid_to) of every schedule in the built site's HSDS export."""
    hsds = json.loads((out / "open-data" / "hsds" / "organizations.json").read_text())
    return {
        (s.get("valid_from"), s.get("valid_to"))
        for org in hsds
        for service in org["services"]
        for link in service.get("service_at_locations", [])
        for s in link.get("schedules", [])
    }
