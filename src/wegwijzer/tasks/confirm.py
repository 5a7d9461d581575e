"""`wegwijzer bevestig`: an "Alles klopt nog" issue from an organisation's upkeep contact
becomes a change of `laatst_gecontroleerd` to today in the records it names (issue 29).

The issue is public and anyone can open one, so the command trusts nothing in it: the author
must be the GitHub user of the organisation's upkeep contact in the private folder, and every
record id must be the organisation itself or one of its locations. Otherwise it changes
nothing and exits 1 with a Dutch message that never quotes a private value. The workflow
(templates/init/github/workflows/bevestigen.yml) turns the change into a pull request; an
editor merges it, so nothing goes live unseen.

Each file is rewritten with ruamel's round-trip mode, like `verhuis-verwijzers`, so comments,
quotes and order stay; the new text must differ from the old in that one line only, or the
file is left alone and the message asks for a change by hand.
"""

from __future__ import annotations

import io
import re
from collections.abc import MutableMapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ruamel.yaml.error import YAMLError

from wegwijzer.records import private
from wegwijzer.records.fields import suggestion
from wegwijzer.records.loader import Dataset, load_records
from wegwijzer.records.move_referrers import _yaml
from wegwijzer.records.report import one_line
from wegwijzer.settings.config import SiteSettings

FORM_CONFIRM = "alles-klopt.yml"  # .github/ISSUE_TEMPLATE/ of the site
FORM_CHANGED = "er-is-iets-veranderd.yml"
# The labels of the forms' fields: an issue form's body is "### <label>" and the answer.
LABEL_ORGANISATION = "Organisatie"
LABEL_RECORDS = "Records"
NO_RESPONSE = "_No response_"  # what GitHub writes for an empty field
FIELD = "laatst_gecontroleerd"


class ConfirmError(Exception):
    """Nothing was changed; the message says why in Dutch, naming no private value."""


@dataclass(frozen=True)
class Confirmed:
    record_id: str
    path: str  # as shown: relative to the site
    line: int


def issue_fields(body: str) -> dict[str, str]:
    """The answers of an issue form by label: '### Label' followed by its text."""
    fields: dict[str, str] = {}
    label: str | None = None
    for line in body.replace("\r\n", "\n").split("\n"):
        heading = re.fullmatch(r"###\s+(.+?)\s*", line)
        if heading:
            label = heading[1]
            fields[label] = ""
        elif label is not None:
            fields[label] += line + "\n"
    return {k: v.strip() for k, v in fields.items() if v.strip() != NO_RESPONSE}


def record_ids(text: str) -> list[str]:
    """Ids one per line, or separated by commas or spaces; list marks and backticks ignored."""
    ids = []
    for word in re.split(r"[\s,;]+", text):
        word = word.strip("-*`'\"")
        if word and word not in ids:
            ids.append(word)
    return ids


def confirm(site: SiteSettings, body: str, author: str, today: date) -> list[Confirmed]:
    """Set `laatst_gecontroleerd` to today in every record the issue names; all or nothing."""
    fields = issue_fields(body)
    org_id = fields.get(LABEL_ORGANISATION, "").strip("`'\" ")
    ids = record_ids(fields.get(LABEL_RECORDS, ""))
    if not org_id or not ids:
        raise ConfirmError(
            f"In het issue staan niet de velden '{LABEL_ORGANISATION}' en '{LABEL_RECORDS}'. "
            f"Is het gemaakt met het formulier {FORM_CONFIRM}?"
        )
    dataset, _ = load_records(site.data_dir, site.root, site.config.validation_context(today))
    contacts = _contacts(site, today)
    if ("organisaties", org_id) in dataset.broken:
        raise ConfirmError(f"'{org_id}' heeft een fout. Draai 'wegwijzer check' en los die op.")
    if org_id not in dataset.organisaties:
        hint = suggestion(org_id, dataset.organisaties)
        raise ConfirmError(f"Er is geen organisatie met id '{org_id}' in de gegevens.{hint}")
    contact = contacts.get(org_id)
    if contact is None or contact.github is None:
        raise ConfirmError(
            f"De organisatie '{org_id}' heeft geen onderhoudscontact met een GitHub-naam in de "
            "privémap. Vraag het de organisatie zelf en zet de datum met de hand."
        )
    if contact.github.casefold() != author.removeprefix("@").casefold():
        raise ConfirmError(
            f"'{author}' is niet het onderhoudscontact van '{org_id}'. Er verandert niets. "
            "Vraag het de organisatie zelf, of zet de GitHub-naam in de privémap."
        )
    mine = _records_of(dataset, org_id)
    problems = [_not_theirs(dataset, rid, org_id) for rid in ids if rid not in mine]
    if problems:
        raise ConfirmError(" ".join(problems) + " Er verandert niets.")
    edits = [_edit(site, dataset, mine[rid], rid, today) for rid in ids]
    for path, text, _ in edits:
        path.write_text(text, encoding="utf-8")
    return [confirmed for _, _, confirmed in edits]


def _contacts(site: SiteSettings, today: date) -> dict[str, private.Onderhoudscontact]:
    if site.private_dir is None:
        raise ConfirmError(
            "Er is geen privémap, dus geen onderhoudscontacten. Zet 'prive:' in mkdocs.yml of "
            f"de omgevingsvariabele {private.ENV_FOLDER}."
        )
    context = site.config.validation_context(today)
    overlay, report = private.load_overlay(site.private_dir, site.root, context)
    if report.errors:
        raise ConfirmError("De privémap heeft fouten. Draai 'wegwijzer check' en los ze op.")
    return private.upkeep_contacts(overlay)


def _records_of(dataset: Dataset, org_id: str) -> dict[str, str]:
    """The organisation and its locations: id -> kind."""
    records = {org_id: "organisaties"}
    for loc_id, location in dataset.locaties.items():
        if org_id in location.organisaties:
            records[loc_id] = "locaties"
    return records


def _not_theirs(dataset: Dataset, record_id: str, org_id: str) -> str:
    if ("locaties", record_id) in dataset.broken:
        return f"'{record_id}' heeft een fout: draai 'wegwijzer check'."
    if record_id in dataset.locaties or record_id in dataset.organisaties:
        return f"'{record_id}' hoort niet bij '{org_id}'."
    known = [*dataset.organisaties, *dataset.locaties]
    return f"Er is geen record met id '{record_id}'.{suggestion(record_id, known)}"


def _edit(
    site: SiteSettings, dataset: Dataset, kind: str, record_id: str, today: date
) -> tuple[Path, str, Confirmed]:
    source = dataset.sources[(kind, record_id)]
    path = source.file or site.data_dir / kind / f"{record_id}.yml"
    old = path.read_text(encoding="utf-8")
    yaml = _yaml()
    try:
        node = yaml.load(old)
    except YAMLError:
        raise ConfirmError(f"{source.path}: de YAML klopt niet. Draai 'wegwijzer check'.") from None
    if not isinstance(node, MutableMapping) or FIELD not in node:
        raise ConfirmError(f"{source.path}: hier staat geen '{FIELD}'. Zet de datum met de hand.")
    node[FIELD] = today
    out = io.StringIO()
    yaml.dump(node, out)
    new = out.getvalue()
    lines = (old.splitlines(), new.splitlines())
    if len(lines[0]) != len(lines[1]):
        changed = [0, 0]  # a line came or went: more than the date changed
    else:
        changed = [n for n, (a, b) in enumerate(zip(*lines, strict=True), 1) if a != b]
    if len(changed) > 1:
        raise ConfirmError(
            f"{source.path}: dit bestand kan niet automatisch worden aangepast zonder andere "
            f"regels te veranderen. Zet '{FIELD}' met de hand op {today.isoformat()}."
        )
    line = changed[0] if changed else source.line((FIELD,))
    return path, new, Confirmed(record_id, source.path, line)


def run_confirm(site: SiteSettings, body: str, author: str, today: date) -> int:
    """The command: a line per record changed, or the reason nothing changed (exit 1)."""
    try:
        done = confirm(site, body, author, today)
    except ConfirmError as exc:
        print(one_line(str(exc)))  # the ids come from a public issue: never a runner command
        return 1
    for item in done:
        print(f"{item.path}:{item.line}: {FIELD} staat nu op {today.isoformat()}.")
    return 0
