"""The whole check of a site's data: what `wegwijzer check` and the build both run."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from wegwijzer.geo.cache import geocache_findings, load_geocache
from wegwijzer.geo.postcodes import postcode_findings
from wegwijzer.i18n import dutch_date
from wegwijzer.records import private
from wegwijzer.records.areas import Areas
from wegwijzer.records.checks import check_dataset, point_findings
from wegwijzer.records.editions import hide_date
from wegwijzer.records.loader import POSTCODES, Dataset, load_records
from wegwijzer.records.report import Finding, Level, Report
from wegwijzer.settings.config import SiteSettings
from wegwijzer.tasks.golive import record_placeholder_findings


def hiding_findings(dataset: Dataset, today: date, months: int) -> Iterator[Finding]:
    """verbergen_na_maanden: a warning a month before a record leaves the public site, and
    while it is hidden. Never silently."""
    for record in dataset.records():
        if getattr(record, "zichtbaarheid", None) == "verwijzers":
            continue  # never on the public site anyway
        hides = hide_date(record.laatst_gecontroleerd, months)
        if hides <= today:
            message = (
                f"Dit record staat niet op de openbare site: het is sinds "
                f"{dutch_date(record.laatst_gecontroleerd)} niet nagekeken "
                f"(verbergen_na_maanden: {months}). Kijk het na en zet de datum van vandaag."
            )
        elif (hides - today).days <= HIDE_NOTICE_DAYS:
            message = (
                f"Dit record verdwijnt op {dutch_date(hides)} van de openbare site, als het "
                f"niet wordt nagekeken (verbergen_na_maanden: {months})."
            )
        else:
            continue
        yield dataset.source(record).finding(("laatst_gecontroleerd",), message, Level.WARNING)


HIDE_NOTICE_DAYS = 31


def validate_site(site: SiteSettings, today: date | None = None) -> tuple[Dataset, Report]:
    """Load every record and run every check; the report holds all findings at once."""
    today = today or date.today()
    context = site.config.validation_context(today)
    dataset, report = load_records(site.data_dir, site.root, context)
    areas = None if site.config.voorbeelddata else Areas.for_site([site.config.gemeente])
    report.extend(check_dataset(dataset, today, site.config.controle_maanden, areas))
    if site.config.verbergen_na_maanden:
        report.extend(hiding_findings(dataset, today, site.config.verbergen_na_maanden))
    report.extend(record_placeholder_findings(dataset))  # 'wegwijzer nieuw' text left in
    if not site.config.gegevens_prive:
        report.extend(private.public_private_data(dataset))
    if site.private_dir is not None:
        overlay, private_report = private.load_overlay(site.private_dir, site.root, context)
        report.extend([*private_report.findings, *private.unknown_ids(overlay, dataset)])
        if site.config.editie == "verwijzers":  # the public edition never holds private data
            private.merge_overlay(dataset, overlay)
    cache, findings = load_geocache(site.geocache_path, site.shown(site.geocache_path), site.root)
    report.extend(findings)
    report.extend(geocache_findings(dataset, cache))
    for location in dataset.locaties.values():
        if (point := cache.point(location)) is not None:
            dataset.points[location.id] = point
    report.extend(point_findings(dataset))
    postcodes = site.data_dir / POSTCODES  # read unchecked, it broke the postcode box
    report.extend(postcode_findings(postcodes, site.shown(postcodes)))
    return dataset, report
