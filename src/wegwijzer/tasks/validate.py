"""The whole check of a site's data: what `wegwijzer check` and the build both run."""

from __future__ import annotations

from datetime import date

from wegwijzer.geo.cache import geocache_findings, load_geocache
from wegwijzer.geo.postcodes import postcode_findings
from wegwijzer.records import private
from wegwijzer.records.areas import Areas
from wegwijzer.records.checks import check_dataset, point_findings
from wegwijzer.records.loader import POSTCODES, Dataset, load_records
from wegwijzer.records.report import Report
from wegwijzer.settings.config import SiteSettings
from wegwijzer.tasks.golive import record_placeholder_findings


def validate_site(site: SiteSettings, today: date | None = None) -> tuple[Dataset, Report]:
    """Load every record and run every check; the report holds all findings at once."""
    today = today or date.today()
    context = site.config.validation_context(today)
    dataset, report = load_records(site.data_dir, site.root, context)
    areas = None if site.config.voorbeelddata else Areas.for_site([site.config.gemeente])
    report.extend(check_dataset(dataset, today, site.config.controle_maanden, areas))
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
