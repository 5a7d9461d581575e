"""`wegwijzer verhuis-verwijzers`: move referrer-only data out of data/ into the private folder.

Both files are rewritten with ruamel's round-trip mode, so comments, quotes and folded text
stay as people typed them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from wegwijzer.records.loader import record_files
from wegwijzer.records.private import KIND, is_referrer_only

HEADER = (
    "Alleen voor verwijzers: deze map hoort in een privé-repository. "
    "Zie docs/beheer/verwijzersgids.md."
)


@dataclass(frozen=True)
class Moved:
    org_id: str
    contacts: int
    note: bool


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap the lines people wrote
    return yaml


def move_referrer_data(data_dir: Path, target: Path) -> list[Moved]:
    """Move every `verwijzen` note and referrer-only contact; returns what moved, per record."""
    yaml, moved = _yaml(), []
    for path in record_files(data_dir, KIND):
        if path.suffix != ".yml":
            continue
        node = yaml.load(path.read_text(encoding="utf-8"))
        note, contacts = _take(node)
        if note is None and not contacts:
            continue
        _add_to_private(yaml, target / KIND / path.name, path.stem, note, contacts)
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(node, out)
        moved.append(Moved(path.stem, len(contacts), note is not None))
    return moved


def _take(node: Any) -> tuple[Any, list[Any]]:
    """Remove and return the record's private parts, leaving everything else in place."""
    if not isinstance(node, CommentedMap):
        return None, []
    note = node.pop("verwijzen", None)
    people = node.get("contactpersonen")
    if not isinstance(people, CommentedSeq):
        return note, []
    contacts = [c for c in people if is_referrer_only(c)]
    for contact in contacts:
        people.remove(contact)
    if not people:
        del node["contactpersonen"]
    return note, contacts


def _add_to_private(yaml: YAML, path: Path, org_id: str, note: Any, contacts: list[Any]) -> None:
    if path.is_file():
        record = yaml.load(path.read_text(encoding="utf-8"))
    else:
        record = CommentedMap(id=org_id)
        record.yaml_set_start_comment(HEADER)
    if note is not None:
        record["verwijzen"] = note
    if contacts:
        record.setdefault("contactpersonen", CommentedSeq()).extend(contacts)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(record, out)
