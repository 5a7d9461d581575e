"""The private overlay: referrer-only data kept out of the public repository.

Contacts for referrers (`zichtbaarheid: verwijzers`) and the `verwijzen` notes live in a
separate folder (a private repository, or a folder on a laptop) with one file per
organisation, `organisaties/<id>.yml`. The referrers' edition merges them by id; the public
edition never reads them into its pages. The `onderhoud` contact (who confirms the records in
the weekly upkeep) is merged into neither edition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, Field

from wegwijzer.records.fields import Email, suggestion, user_error
from wegwijzer.records.loader import Dataset, Source, load_record, record_files, shown_path
from wegwijzer.records.models import Contactpersoon, Record, RecordId, Regel, Strict, Tekst
from wegwijzer.records.report import Finding, Report

ENV_FOLDER = "WEGWIJZER_PRIVE"  # overrides the `prive:` option, e.g. in the deploy workflow
KIND = "organisaties"


_GITHUB_LOGIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")


def _github_login(value: str) -> str:
    """A GitHub user name as GitHub allows it: letters, digits, single hyphens, at most 39."""
    value = value.removeprefix("@")
    if not _GITHUB_LOGIN.fullmatch(value):
        message = "Dit is geen GitHub-gebruikersnaam (letters, cijfers en streepjes, zonder @)."
        raise user_error(message)
    return value


GithubLogin = Annotated[str, AfterValidator(_github_login)]


class Onderhoudscontact(Strict):
    """Who confirms the organisation's records in the weekly upkeep (issue 29). Private: never
    merged into either edition, never in a public issue; only the upkeep run reads it."""

    naam: Regel = Field(title="Naam", examples=["Fatma Yılmaz"])
    email: Email = Field(title="E-mail", description="Hierheen gaat het bericht van het onderhoud.")
    github: GithubLogin | None = Field(
        None,
        title="GitHub-gebruikersnaam",
        description="Alleen een bevestiging van deze gebruiker wordt een pull request.",
    )


class PriveOrganisatie(Record):
    """What the private folder may hold for one organisation: organisaties/<id>.yml."""

    id: RecordId = Field(title="Id", description="Het id van de organisatie in data/.")
    verwijzen: Tekst | None = Field(None, title="Verwijzen (alleen voor verwijzers)")
    contactpersonen: list[Contactpersoon] = Field(default_factory=list, title="Contactpersonen")
    onderhoud: Onderhoudscontact | None = Field(None, title="Onderhoudscontact (nooit publiek)")


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


def upkeep_contacts(
    overlay: Mapping[str, tuple[PriveOrganisatie, Source]],
) -> dict[str, Onderhoudscontact]:
    """The upkeep contact per organisation id: for the upkeep run and `bevestig` only."""
    return {i: extra.onderhoud for i, (extra, _) in overlay.items() if extra.onderhoud}


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
