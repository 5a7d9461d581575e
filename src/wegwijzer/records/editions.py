"""Which records reach a built site: the edition's audience, and a lenient build's choice to
publish every good record when some have errors.

`wegwijzer check` and the pull-request check stay strict. A published site may instead leave
out the records with errors, so that one typo never takes every page offline; each one left
out is named with its reasons.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import replace
from datetime import date

from wegwijzer.records.checks import overdue
from wegwijzer.records.loader import Dataset
from wegwijzer.records.models import Locatie, Organisatie
from wegwijzer.records.report import Finding, Report


def for_edition(
    dataset: Dataset, editie: str, today: date | None = None, hide_after: int | None = None
) -> Dataset:
    """The public site leaves out organisations marked `zichtbaarheid: verwijzers` (they do
    not help residents themselves), and locations that belong to nobody else. Both editions
    leave out a location whose geldig_tot is over: `check` asks to remove its file. With
    `hide_after` (verbergen_na_maanden) the public site also leaves out records not checked
    for that many months; `check` warns a month before, the build names each one."""
    ended = {i for i, loc in dataset.locaties.items() if today and not _still_open(loc, today)}
    if editie == "verwijzers":
        return _without(dataset, set(), ended)
    hidden = {i for i, org in dataset.organisaties.items() if org.zichtbaarheid == "verwijzers"}
    stale = hidden_stale(dataset, today, hide_after) if today and hide_after else []
    hidden |= {r.id for r in stale if isinstance(r, Organisatie)}
    ended |= {r.id for r in stale if isinstance(r, Locatie)}
    return _without(dataset, hidden, _orphans(dataset, hidden) | ended)


def hidden_stale(dataset: Dataset, today: date, months: int) -> list[Organisatie | Locatie]:
    """Records the public site hides under `verbergen_na_maanden`, oldest first."""
    return overdue(dataset, today, months)


def hide_date(checked: date, months: int) -> date:
    """The first day a record checked on `checked` is `months` months old (months_between)."""
    year, month = divmod(checked.month - 1 + months, 12)
    year, month = checked.year + year, month + 1
    if checked.day <= calendar.monthrange(year, month)[1]:
        return date(year, month, checked.day)
    return date(year + month // 12, month % 12 + 1, 1)


def _still_open(location: Locatie, today: date) -> bool:
    return location.geldig_tot is None or location.geldig_tot >= today


def without_errors(dataset: Dataset, report: Report) -> tuple[Dataset, list[str]]:
    """The dataset minus every record that has an error, and a line per file left out. A
    location whose only errors are organisations that are left out stays while one of its
    organisations stands: one typo in one organisation must not take shared places away."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.errors:
        by_file[finding.path].append(finding)
    broken = {
        kind: {rid for (k, rid), source in dataset.sources.items() if k == kind
               and source.path in by_file}
        for kind in ("organisaties", "locaties")
    }  # fmt: skip
    gone_orgs = broken["organisaties"] | set(_ids(dataset.broken, "organisaties"))
    for loc_id in sorted(broken["locaties"]):
        location = dataset.locaties[loc_id]
        if _only_partners_gone(location, by_file[dataset.source(location).path], gone_orgs):
            broken["locaties"].discard(loc_id)
    orphans = _orphans(dataset, gone_orgs) | broken["locaties"]
    kept = {dataset.sources[("locaties", i)].path for i in dataset.locaties if i not in orphans}
    records = {source.path for source in dataset.sources.values()} | set(dataset.broken.values())
    lines = [
        f"{path} {_left_out(path, path in records)}: "
        + "; ".join(f"regel {f.line}: " + (f"{f.field}: " if f.field else "") + f.message
                    for f in fs)
        for path, fs in sorted(by_file.items())
        if path not in kept
    ]  # fmt: skip
    return _without(dataset, broken["organisaties"], orphans), lines


def _left_out(path: str, record: bool) -> str:
    return "staat niet op de site" if record else "is niet (helemaal) gebruikt"


def _only_partners_gone(location: Locatie, findings: list[Finding], gone: set[str]) -> bool:
    """Every error of the location names one of its organisations that is left out."""
    fields = {f"organisaties[{n}]" for n, o in enumerate(location.organisaties, 1) if o in gone}
    return all(finding.field in fields for finding in findings)


def _ids(keys: dict[tuple[str, str], str], kind: str) -> list[str]:
    return [rid for (k, rid) in keys if k == kind]


def _orphans(dataset: Dataset, gone: set[str]) -> set[str]:
    """Locations whose every organisation is gone: nobody to help there."""
    return {
        loc_id
        for loc_id, loc in dataset.locaties.items()
        if gone and all(o in gone or o not in dataset.organisaties for o in loc.organisaties)
    }


def _without(dataset: Dataset, orgs: set[str], locations: set[str]) -> Dataset:
    if not orgs and not locations:
        return dataset
    return replace(
        dataset,
        organisaties={i: o for i, o in dataset.organisaties.items() if i not in orgs},
        locaties={i: loc for i, loc in dataset.locaties.items() if i not in locations},
        points={i: p for i, p in dataset.points.items() if i not in locations},
    )
