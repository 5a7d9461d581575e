"""The private overlay: referrer-only data kept out of the public repository.

Contacts for referrers (`zichtbaarheid: verwijzers`) and the `verwijzen` notes live in a
separate folder (a private repository, or a folder on a laptop) with one file per
organisation, `organisaties/<id>.yml`. The referrers' edition merges them by id; the public
edition never reads them into its pages.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import Field

from wegwijzer.records.fields import suggestion
from wegwijzer.records.loader import Dataset, Source, load_record, record_files, shown_path
from wegwijzer.records.models import Contactpersoon, Record, RecordId, Tekst
from wegwijzer.records.report import Finding, Report

ENV_FOLDER = "WEGWIJZER_PRIVE"  # overrides the `prive:` option, e.g. in the deploy workflow
KIND = "organisaties"


class PriveOrganisatie(Record):
    """What the private folder may hold for one organisation: organisaties/<id>.yml."""

    id: RecordId = Field(title="Id", description="Het id van de organisatie in data/.")
    verwijzen: Tekst | None = Field(None, title="Verwijzen (alleen voor verwijzers)")
    contactpersonen: list[Contactpersoon] = Field(default_factory=list, title="Contactpersonen")


def load_overlay(
    folder: Path, root: Path, context: Mapping[str, Any]
) -> tuple[dict[str, tuple[PriveOrganisatie, Source]], Report]:
    """Every private record by id; each file is either loaded or named in the report."""
    overlay: dict[str, tuple[PriveOrganisatie, Source]] = {}
    report = Report()
    if not (folder / KIND).is_dir():
        message = f"De privémap bestaat niet of heeft geen map {KIND}/."
        report.add(Finding(shown_path(folder, root), 0, "", message))
        return overlay, report
    for path in record_files(folder, KIND):
        shown = shown_path(path, root)
        if path.suffix != ".yml" or not path.is_file():
            report.add(Finding(shown, 0, "", "Hier horen alleen .yml-bestanden."))
            continue
        record, source, findings = load_record(path, shown, PriveOrganisatie, context, private=True)
        report.extend(findings)
        if isinstance(record, PriveOrganisatie) and source is not None and not findings:
            overlay[record.id] = (record, source)
    return overlay, report


def unknown_ids(
    overlay: Mapping[str, tuple[PriveOrganisatie, Source]], dataset: Dataset
) -> Iterator[Finding]:
    for org_id, (_, source) in overlay.items():
        if org_id not in dataset.organisaties:
            hint = suggestion(org_id, dataset.organisaties)
            message = f"Er is geen organisatie met id '{org_id}' in de gegevens.{hint}"
            yield source.finding(("id",), message)


def merge_overlay(dataset: Dataset, overlay: Mapping[str, tuple[PriveOrganisatie, Source]]) -> None:
    """Add the private contacts and notes to the organisations they belong to."""
    for org_id, (extra, _) in overlay.items():
        org = dataset.organisaties.get(org_id)
        if org is None:
            continue
        update: dict[str, Any] = {"contactpersonen": [*org.contactpersonen, *extra.contactpersonen]}
        if extra.verwijzen:
            update["verwijzen"] = extra.verwijzen
        dataset.organisaties[org_id] = org.model_copy(update=update)


def public_private_data(dataset: Dataset) -> Iterator[Finding]:
    """Referrer-only data in the public data folder: anyone can read it on GitHub."""
    move = "Zet het in de privémap met 'wegwijzer verhuis-verwijzers'."
    for org in dataset.organisaties.values():
        source = dataset.source(org)
        if org.verwijzen:
            message = (
                f"'verwijzen' is alleen voor verwijzers, maar staat in openbare gegevens. {move}"
            )
            yield source.finding(("verwijzen",), message)
        for index, contact in enumerate(org.contactpersonen):
            if contact.zichtbaarheid == "verwijzers":
                message = f"Dit contact is alleen voor verwijzers, maar dit is openbaar. {move}"
                yield source.finding(("contactpersonen", index, "zichtbaarheid"), message)


def is_referrer_only(contact: Any) -> bool:
    return isinstance(contact, Mapping) and contact.get("zichtbaarheid") == "verwijzers"
