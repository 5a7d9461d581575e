"""`wegwijzer verhuis-verwijzers`: move referrer-only data out of data/ into the private folder.

Both files are rewritten with ruamel's round-trip mode, so comments, quotes and folded text
stay as people typed them. All or nothing: every file is read and every new text made before
anything is written; the new texts go to temporary files beside their targets, and only when
all of them are written are they renamed into place. A file that cannot be read, or a disk
that fills up, leaves data/ and the private folder as they were.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

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


class MoveError(Exception):
    """Nothing was moved; the message says why in Dutch, naming the file but no value."""


def move_referrer_data(data_dir: Path, target: Path) -> list[Moved]:
    """Move every `verwijzen` note and referrer-only contact; returns what moved, per record."""
    yaml, moved, texts = _yaml(), [], {}
    for path in record_files(data_dir, KIND):
        if path.suffix != ".yml":
            continue
        node = _load(yaml, path)
        note, contacts = _take(node)
        if note is None and not contacts:
            continue
        private = target / KIND / path.name
        texts[private] = _dump(yaml, _private_record(yaml, private, path.stem, note, contacts))
        texts[path] = _dump(yaml, node)
        moved.append(Moved(path.stem, len(contacts), note is not None))
    _write_all(texts)
    return moved


def _load(yaml: YAML, path: Path) -> Any:
    """The file's YAML tree; the parser's own words are not passed on (they quote values)."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        kind = "geen UTF-8-tekst" if isinstance(exc, UnicodeDecodeError) else "niet te lezen"
        if isinstance(exc, YAMLError):
            kind = "geen geldige YAML ('wegwijzer check' zegt waar)"
        raise MoveError(f"{path} is {kind}. Er is niets verhuisd.") from None


def _dump(yaml: YAML, node: Any) -> str:
    out = io.StringIO()
    yaml.dump(node, out)
    return out.getvalue()


def _write_all(texts: dict[Path, str]) -> None:
    """Every text to a temporary file first; then rename them all into place."""
    staged: dict[Path, Path] = {}
    try:
        for path, text in texts.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.verhuis")
            staged[temporary] = path
            with temporary.open("w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
    except OSError as exc:
        for temporary in staged:
            temporary.unlink(missing_ok=True)
        raise MoveError(
            f"Schrijven lukte niet ({exc.strerror or 'onbekende fout'}). Er is niets verhuisd."
        ) from None
    for temporary, path in staged.items():
        temporary.replace(path)


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


def _private_record(
    yaml: YAML, path: Path, org_id: str, note: Any, contacts: list[Any]
) -> CommentedMap:
    if path.is_file():
        record = _load(yaml, path)
        if not isinstance(record, CommentedMap):
            raise MoveError(f"{path} is geen record. Er is niets verhuisd.")
    else:
        record = CommentedMap(id=org_id)
        record.yaml_set_start_comment(HEADER)
    if note is not None:
        record["verwijzen"] = note
    if contacts:
        record.setdefault("contactpersonen", CommentedSeq()).extend(contacts)
    return record
