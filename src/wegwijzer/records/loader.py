"""Load the YAML records, validate them and map every problem back to its file and line."""

from __future__ import annotations

import functools
import os
import re
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent

from wegwijzer.records.fields import INVISIBLE, USER_ERROR, suggestion
from wegwijzer.records.messages import SCHEMA_ONLY_TYPES, dutch_message
from wegwijzer.records.models import MODELS, Locatie, Organisatie, Point, Record
from wegwijzer.records.report import Finding, Level, Report

GEOCACHE = "geocache.yml"
POSTCODES = "postcodes.csv"  # the postcode table; wegwijzer.geo.postcodes reads and writes it
MAX_DEPTH = 20  # records nest four deep; far more is a mistake or an attack

# Only text that could hold an anchor, an alias or deep nesting is scanned event by event
_MAYBE_ALIAS = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\]}]", re.M)
_DEEP_INDENT = re.compile(r"^ {40,}", re.M)
_BAD_CHARACTER = INVISIBLE  # the old name, which tests/hostile.py imports


class _Constructor(RoundTripConstructor):
    """Keeps dates as text, so that 2024-02-30 becomes a field error with a line, not a crash."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


class _FastConstructor(SafeConstructor):
    """The same rule for the fast loader."""


_FastConstructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")  # round-trip keeps line numbers; YAML 1.2, so 'no' stays 'no'
    yaml.Constructor = _Constructor
    return yaml


@functools.cache
def _fast_yaml() -> YAML:
    """libyaml's C parser (ruamel.yaml.clib) with ruamel's YAML 1.2 rules: eight times faster
    than round-trip. Line numbers are only needed for findings, so the round-trip tree is
    read later, and only for files that have one (see Source.node)."""
    yaml = YAML(typ="safe")
    yaml.Constructor = _FastConstructor
    return yaml


class Source:
    """Where a record came from, to point at the line of any field later."""

    def __init__(
        self, path: str, node: Any = None, file: Path | None = None, *, private: bool = False
    ) -> None:
        self.path, self._node, self.file = path, node, file
        self.private = private  # a file in the private folder: findings never quote a value

    @property
    def node(self) -> Any:
        """The round-trip tree with line numbers, read on first use."""
        if self._node is None and self.file is not None:
            self._node, _ = read_yaml(self.file, self.path, private=self.private)
        return self._node

    def line(self, loc: tuple[str | int, ...] = ()) -> int:
        return line_of(self.node, loc)

    def finding(
        self, loc: tuple[str | int, ...], message: str, level: Level = Level.ERROR
    ) -> Finding:
        return Finding(self.path, self.line(loc), field_name(loc), message, level)


@dataclass
class Dataset:
    """Every valid record by id, and where each came from."""

    organisaties: dict[str, Organisatie] = field(default_factory=dict)
    locaties: dict[str, Locatie] = field(default_factory=dict)
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    points: dict[str, Point] = field(default_factory=dict)  # location id -> map position
    broken: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> path
    """Files that were read but hold errors, by the id their file name gives them."""
    broken_files: dict[str, Path] = field(default_factory=dict)  # shown path -> file
    """The same files on disk: a check can tell whom a broken location would have served."""

    def records(self) -> list[Organisatie | Locatie]:
        """Every record, organisations first, each kind in file-name order."""
        return [*self.organisaties.values(), *self.locaties.values()]

    @functools.cached_property
    def locations_by_org(self) -> dict[str, list[Locatie]]:
        """Organisation id -> its locations, in file order; built once, after loading (a scan
        per organisation made large builds quadratic)."""
        index: dict[str, list[Locatie]] = {}
        for location in self.locaties.values():
            for org_id in dict.fromkeys(location.organisaties):
                index.setdefault(org_id, []).append(location)
        return index

    def orgs_of(self, location: Locatie) -> list[Organisatie]:
        """The location's organisations that are in this dataset (a lenient build may have
        left a broken one out)."""
        return [self.organisaties[i] for i in location.organisaties if i in self.organisaties]

    def source(self, record: Record) -> Source:
        kind = "organisaties" if isinstance(record, Organisatie) else "locaties"
        return self.sources[(kind, record.id)]


def locations_of(org: Organisatie, dataset: Dataset) -> list[Locatie]:
    return list(dataset.locations_by_org.get(org.id, ()))


def line_of(node: Any, loc: tuple[str | int, ...]) -> int:
    """1-based line of the deepest part of `loc` that exists in the YAML node tree."""
    line = _start_line(node)
    for part in loc:
        lc: Any = getattr(node, "lc", None)
        if isinstance(node, Mapping) and part in node:
            line = lc.key(part)[0] + 1 if lc is not None else line
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            line = lc.item(part)[0] + 1 if lc is not None else line
        else:
            break
        node = node[part]
    return line


def _start_line(node: Any) -> int:
    lc = getattr(node, "lc", None)
    return (lc.line + 1) if lc is not None and lc.line is not None else 1


def field_name(loc: tuple[str | int, ...]) -> str:
    """'spreekuren[2].tot': list items counted from 1, as people count."""
    name = ""
    for part in loc:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


def _submodel(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _submodel(arg)
        if found is not None:
            return found
    return None


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel]:
    for part in loc:
        if isinstance(part, str) and part in model.model_fields:
            model = _submodel(model.model_fields[part].annotation) or model
    return model


def _union_tag(part: object) -> bool:
    """pydantic names the branch of a union in the location ('list[literal[1,2]]',
    'constrained-str')."""
    return isinstance(part, str) and _UNION_TAG.fullmatch(part) is not None


def _one_branch(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """A value that fits no branch of a union (weken: a list of weeks, or even/oneven) gets
    one message, not one per branch: the branch that got furthest into the value, else the
    one that lists the choices."""
    branches: dict[tuple[object, ...], list[ErrorDetails]] = {}
    kept: list[ErrorDetails] = []
    for detail in details:
        loc = tuple(detail["loc"])
        cut = next((i for i, part in enumerate(loc) if _union_tag(part)), None)
        if cut is None:
            kept.append(detail)
        else:
            branches.setdefault(loc[:cut], []).append(detail)
    for found in branches.values():
        deepest = max(len(d["loc"]) for d in found)
        best = [d for d in found if len(d["loc"]) == deepest]
        # 'meenemen' is a list or a text: "Hier hoort een lijst" is wrong about a text that is
        # only too long, so an error about the value beats one about its kind
        best = [d for d in best if not d["type"].endswith("_type")] or best
        choices = [d for d in best if d["type"] == "literal_error"]
        kept.extend((choices or best)[:1] if len(best) > 1 else best)
    return kept


def error_findings(
    source: Source, model: type[BaseModel], error: ValidationError
) -> Iterator[Finding]:
    for detail in _one_branch(error.errors()):
        loc = tuple(
            part for part in detail["loc"] if part != "[key]" and not _union_tag(part)
        )  # pydantic: a dict key, and the branch of a union
        extra = (detail.get("ctx") or {}).get("veld")
        if extra:
            loc = (*loc, extra)
        if source.private:
            yield _private_finding(source, model, detail, loc)
        else:
            yield source.finding(loc, _message(model, detail, loc))


# Our own messages that never hold the value they are about: a private file may show them.
_VALUE_FREE = (
    "Er staat een onzichtbaar teken",
    "Zet het telefoonnummer tussen aanhalingstekens",
    "Schrijf dit op één regel",
)
_PRIVATE_FIELDS = {
    "telefoon": "Dit is geen geldig telefoonnummer.",
    "email": "Dit is geen geldig e-mailadres.",
    "website": "Dit is geen geldig webadres.",
}
PRIVATE_NOTE = "De waarde staat niet in deze melding, omdat het bestand privé is."


@functools.cache
def _field_names() -> frozenset[str]:
    """Every field name of every record model, and the misspellings we know: words, never
    values, so a private file's finding may quote them."""
    names: set[str] = set(_MEANT)
    pending: list[type[BaseModel]] = list(MODELS.values())
    while pending:
        cls = pending.pop()
        for name, info in cls.model_fields.items():
            if name not in names:
                names.add(name)
                pending.extend(_all_submodels(info.annotation))
    return frozenset(names)


def _all_submodels(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _all_submodels(arg)]


def _private_finding(
    source: Source, model: type[BaseModel], detail: ErrorDetails, loc: tuple[str | int, ...]
) -> Finding:
    """A finding in a private file names file, line and field, never a value: the public CI
    log shows it. Only messages built from the schema alone (types, choices, limits) stay."""
    kind = detail["type"]
    shown_loc = loc
    if kind == "extra_forbidden" and str(loc[-1]) in _field_names():  # a field elsewhere
        message = _message(model, detail, loc)
    elif kind == "extra_forbidden":  # the unknown key itself may be a number someone typed
        shown_loc = loc[:-1]
        known = _model_at(model, loc[:-1]).model_fields
        message = f"Hier staat een veld dat niet bestaat.{suggestion(str(loc[-1]), known)}"
    elif kind in SCHEMA_ONLY_TYPES or (
        kind == USER_ERROR and dutch_message(detail).startswith(_VALUE_FREE)
    ):
        message = dutch_message(detail)
    else:
        names = [part for part in loc if isinstance(part, str)]
        what = _PRIVATE_FIELDS.get(names[-1] if names else "", "Dit klopt niet.")
        message = f"{what} {PRIVATE_NOTE}"
    return Finding(source.path, source.line(loc), field_name(shown_loc), message)


# pydantic names the kinds of a field that may be one of several: 'list[constrained-str]'
_UNION_TAG = re.compile(r"[a-z]+\[.*\]|constrained-[a-z-]+|function-[a-z-]+")


def _message(model: type[BaseModel], detail: ErrorDetails, loc: tuple[str | int, ...]) -> str:
    if detail["type"] != "extra_forbidden":
        return dutch_message(detail)
    key = str(loc[-1])
    known = _model_at(model, loc[:-1]).model_fields
    meant = next((f for f in _MEANT.get(key, ()) if f in known), None)
    hint = f" Bedoelde u '{meant}'?" if meant else suggestion(key, known)
    return f"Onbekend veld '{key}'.{hint}"


# Words people type for a field whose name is spelled differently, and that closeness alone
# gets wrong: 'vanaf' is a date ("vanaf 2 februari"), not the time 'van'.
_MEANT = {
    "vanaf": ("geldig_vanaf",),
    "tot_en_met": ("geldig_tot",),
    "geldig_van": ("geldig_vanaf",),
    "geldig_tot_en_met": ("geldig_tot",),
    "telefoonnummer": ("telefoon",),
    "mail": ("email",),
    "e-mail": ("email",),
    "taal": ("talen",),
}


def read_yaml(path: Path, shown: str, *, private: bool = False) -> tuple[Any, list[Finding]]:
    """The YAML tree of one file, or the findings that explain why there is none. The
    parser's own (English) words are never passed on: they quote values, and a private
    file's values must not reach a log."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:  # the line of the first byte that is no UTF-8
        line = exc.object[: exc.start].count(b"\n") + 1
        message = (
            "Het bestand is geen UTF-8-tekst: op deze regel staat een teken dat niet te lezen "
            "is. Sla het bestand op als UTF-8."
        )
        return None, [Finding(shown, line, "", message)]
    refused = _refused_structure(text, shown)
    if refused:
        return None, refused
    try:
        node = _yaml().load(text)
    except MarkedYAMLError as exc:
        apostrophe = None if private else _apostrophe_finding(text, shown)  # quotes a value
        return None, [apostrophe or _syntax_finding(exc, shown, private=private)]
    except (YAMLError, ValueError, RecursionError):
        return None, [Finding(shown, 1, "", f"De YAML klopt niet. {_YAML_ADVICE}")]
    return node, []


_YAML_ADVICE = "Kijk de inspringing, de aanhalingstekens en de dubbele punten na."
_YAML_HINTS = {
    "found character '\\t'": "er staat een tab. Gebruik spaties om in te springen.",
    "found duplicate key": "een veld staat er twee keer in.",
    "mapping values are not allowed here": (
        "een dubbele punt op de verkeerde plek. Zet tekst met ': ' erin tussen aanhalingstekens."
    ),
    "expected ',' or ']'": "een lijst met [ is niet gesloten met ].",
    "expected ',' or '}'": "een groep met { is niet gesloten met }.",
    "found unexpected end of stream": "een aanhalingsteken is niet gesloten.",
}
_DUPLICATE_KEY = re.compile(r'found duplicate key "([a-z_]{1,40})"')


# A value that starts with an apostrophe ('s-Gravendeel, 't Weegje) opens a quoted text in YAML
# that the line never closes: the parser then complains lines later, in English.
_OPENING_QUOTE = re.compile(r"(?:^\s*-\s+|:\s+|[\[,]\s*)'(?=[stn][\s-])", re.I)
_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:")


def _apostrophe_finding(text: str, shown: str) -> Finding | None:
    """The first line with a value that starts with an apostrophe and is not closed on that
    line: say in Dutch to put the value in double quotes."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        for match in _OPENING_QUOTE.finditer(line):
            if line[: match.start()].count('"') % 2:  # inside a double-quoted text
                continue
            rest = line[match.end() :]
            if re.search(r"'(?!')", rest.replace("''", "")) is not None:
                continue  # a quoted text closed on its own line: fine
            flow = "[" in line[: match.end()]
            value = "'" + (re.split(r"[,\]]", rest)[0] if flow else rest).strip()
            key = _KEY.match(line)
            message = (
                f'Zet {value} tussen dubbele aanhalingstekens: "{value}". Een waarde die '
                "begint met een apostrof (zoals 's-Gravendeel of 't Weegje) leest YAML anders "
                "als het begin van een tekst tussen enkele aanhalingstekens."
            )
            return Finding(shown, number, key[1] if key else "", message)
    return None


def _syntax_finding(exc: MarkedYAMLError, shown: str, *, private: bool = False) -> Finding:
    """Plain Dutch for the YAML mistakes people make most, on the line where it went wrong;
    never the parser's words (a duplicate key echoes both values)."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    problem = str(exc.problem or exc.context or "")
    message = f"hier gaat het mis. {_YAML_ADVICE}"
    for start, hint in _YAML_HINTS.items():
        if problem.startswith(start):
            message = hint
    duplicate = _DUPLICATE_KEY.match(problem)
    if duplicate and (not private or duplicate[1] in _field_names()):  # a name, not a value
        message = f"het veld '{duplicate[1]}' staat er twee keer in."
    if exc.context_mark is not None and exc.context_mark.line + 1 != line:
        message += f" Het begon op regel {exc.context_mark.line + 1}."
    return Finding(shown, line, "", f"De YAML klopt niet: {message}")


def read_data(path: Path, shown: str, *, private: bool = False) -> tuple[Any, list[Finding]]:
    """The file's data through the fast loader; on any problem, the round-trip reader says
    what is wrong, with the same words and lines as always."""
    try:
        text = path.read_text(encoding="utf-8")
        if _refused_structure(text, shown):
            return read_yaml(path, shown, private=private)
        return _fast_yaml().load(text), []
    except (YAMLError, ValueError, RecursionError):
        return read_yaml(path, shown, private=private)


def _bad_character(text: str, shown: str) -> list[Finding]:
    body = text.removeprefix("\ufeff")  # a byte order mark at the start is harmless
    match = INVISIBLE.search(body)
    if match is None:
        return []
    line = body.count("\n", 0, match.start()) + 1
    code = f"U+{ord(match[0]):04X}"
    message = f"Er staat een onzichtbaar teken ({code}) in de tekst. Haal het weg."
    return [Finding(shown, line, "", message)]


def _refused_structure(text: str, shown: str) -> list[Finding]:
    """Anchors and aliases (&naam, *naam, <<:) and deep nesting are refused before loading:
    a few nested aliases expand to billions of values and hang check, build and serve.
    So are invisible characters, wherever they are."""
    bad = _bad_character(text, shown)
    if bad:
        return bad
    deep = text.count("[") + text.count("{") > MAX_DEPTH or _DEEP_INDENT.search(text)
    if not (_MAYBE_ALIAS.search(text) or deep):
        return []
    depth = 0
    try:
        for event in _fast_yaml().parse(text):  # libyaml: ten times faster on a big geocache
            line = event.start_mark.line + 1
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
                message = (
                    "Verwijzingen in YAML (&naam, *naam, <<:) worden niet gelezen. "
                    "Schrijf de waarden voluit."
                )
                return [Finding(shown, line, "", message)]
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    message = f"De gegevens zijn dieper genest dan {MAX_DEPTH} niveaus."
                    return [Finding(shown, line, "", message)]
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except (YAMLError, ValueError, RecursionError):
        return []  # a syntax error: the normal reader explains it
    return []


def load_model(
    path: Path,
    shown: str,
    model: type[BaseModel],
    context: Mapping[str, Any],
    *,
    private: bool = False,
) -> tuple[Any, Source | None, list[Finding]]:
    """Validate one YAML file against `model`; returns the instance or the reasons it has none.
    `private`: a file of the private folder, whose findings never quote a value."""
    node, findings = read_data(path, shown, private=private)
    if findings:
        return None, None, findings
    if node is None:
        return None, None, [Finding(shown, 1, "", "Het bestand is leeg.")]
    source = Source(shown, file=path, private=private)
    if not isinstance(node, Mapping):
        message = "Het bestand moet velden bevatten, zoals 'naam:'."
        return None, source, [source.finding((), message)]
    try:
        return model.model_validate(plain(node), context=dict(context)), source, []
    except ValidationError as exc:
        return None, source, list(error_findings(source, model, exc))


def record_from_text(text: str, model: type[Record], context: Mapping[str, Any]) -> Record | None:
    """One version of a record file given as text (an older version, from git): the record,
    or None when that version does not load. Refused structures stay refused."""
    if _refused_structure(text, ""):
        return None
    try:
        node = _fast_yaml().load(text)
        if not isinstance(node, Mapping):
            return None
        return model.model_validate(plain(node), context=dict(context))
    except (YAMLError, ValueError, RecursionError):  # pydantic's ValidationError included
        return None


def load_record(
    path: Path,
    shown: str,
    model: type[Record],
    context: Mapping[str, Any],
    *,
    private: bool = False,
) -> tuple[Record | None, Source | None, list[Finding]]:
    """One record file; its id must equal the file name."""
    if path.stem in RESERVED_IDS:
        message = f"'{path.stem}' is de naam van een lijstpagina. Geef het bestand een andere naam."
        return None, None, [Finding(shown, 1, "", message)]
    record, source, findings = load_model(path, shown, model, context, private=private)
    if path.stem != path.stem.lower():  # the id may not have capitals: rename the file
        message = f"Gebruik kleine letters in de bestandsnaam: '{path.stem.lower()}.yml'."
        findings.append(Finding(shown, 1, "", message))
    elif record is not None and source is not None and record.id != path.stem:
        message = f"Het id moet gelijk zijn aan de bestandsnaam: '{path.stem}'."
        findings.append(source.finding(("id",), message))
    return record, source, findings


def plain(value: Any) -> Any:
    """Plain Python values from ruamel's round-trip types (which subclass str, int and dict)."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    for kind in (bool, str, float, int):
        if isinstance(value, kind):
            return kind(value)
    return value


RESERVED_IDS = frozenset({"index"})  # the list page of each kind: a record there is lost


def record_files(data_dir: Path, kind: str) -> list[Path]:
    """The entries of one record folder; hidden files (.x.yml, macOS' ._x.yml) are no records."""
    folder = data_dir / kind
    entries = folder.iterdir() if folder.is_dir() else iter(())
    return sorted(path for path in entries if not path.name.startswith("."))


def load_records(data_dir: Path, root: Path, context: Mapping[str, Any]) -> tuple[Dataset, Report]:
    """Every record under `data_dir`; each file is either loaded or named in the report."""
    dataset, report = Dataset(), Report()
    home = home_of(data_dir, root)
    for kind, model in MODELS.items():
        for path in record_files(data_dir, kind):
            shown = shown_path(path, root)
            if path.suffix != ".yml" or not path.is_file() or _outside(path, home):
                report.add(Finding(shown, 0, "", _not_read(path, home)))
                continue
            record, source, findings = load_record(path, shown, model, context)
            report.extend(findings)
            if record is not None and source is not None and record.id != path.stem:
                # a copy that kept the original's id: only the copy is told, never the original
                report.extend(_copied_id(path, record.id, source, root))
                dataset.broken[(kind, path.stem)] = shown
                dataset.broken_files[shown] = path
            elif record is not None and source is not None:
                _add(dataset, report, kind, record, source)
            else:
                dataset.broken[(kind, path.stem)] = shown
                dataset.broken_files[shown] = path
    report.extend(_stray_files(data_dir, root))
    if data_dir.is_dir() and not dataset.sources and not report.errors:
        folders = " en ".join(f"{shown_path(data_dir / kind, root)}/" for kind in MODELS)
        report.add(
            Finding(shown_path(data_dir, root), 0, "", f"Er staan geen records in {folders}.")
        )
    elif dataset.organisaties and not dataset.locaties and not record_files(data_dir, "locaties"):
        folder = shown_path(data_dir / "locaties", root)
        message = (
            f"Er staan geen locaties in {folder}/: de site zou geen enkele plek tonen, op de "
            "kaart en bij 'zoek op postcode'. Is de map per ongeluk leeggemaakt of weggehaald? "
            "Herstel hem uit git."
        )
        report.add(Finding(folder, 0, "", message))
    return dataset, report


def _add(dataset: Dataset, report: Report, kind: str, record: Record, source: Source) -> None:
    key = (kind, record.id)
    if key in dataset.sources:
        first = dataset.sources[key].path
        report.add(source.finding(("id",), f"Het id '{key[1]}' wordt ook gebruikt in {first}."))
        return
    dataset.sources[key] = source
    getattr(dataset, kind)[key[1]] = record


def _copied_id(path: Path, record_id: str, source: Source, root: Path) -> Iterator[Finding]:
    original = path.with_name(f"{record_id}.yml")
    if original.is_file():
        message = f"Het id '{record_id}' wordt ook gebruikt in {shown_path(original, root)}."
        yield source.finding(("id",), message)


def home_of(folder: Path, root: Path) -> Path:
    """Where files may lead: the site's folder, or a data folder mkdocs.yml itself puts
    elsewhere (written there, not reached through a link)."""
    inside = Path(os.path.normpath(folder.absolute())).is_relative_to(root.absolute())
    return root if inside else folder


def _outside(path: Path, root: Path) -> bool:
    """A symbolic link to a file outside the site's folder, itself or through a linked folder
    (git stores links; a pull request can add one): never read (it could be anything)."""
    return not path.resolve().is_relative_to(root.resolve())


def _not_read(path: Path, root: Path) -> str:
    if _outside(path, root):
        return (
            "Dit is een snelkoppeling naar een bestand buiten de map van de site. Die wordt niet "
            "gelezen. Zet het record zelf hier neer."
        )
    if path.is_dir():
        return "Mappen worden hier niet gelezen. Zet elk record direct in de map."
    if path.suffix == ".yaml":
        return "Dit bestand wordt niet gelezen. Geef het de extensie .yml."
    if path.suffix == ".yml":
        return "Dit is geen gewoon bestand (bijvoorbeeld een snelkoppeling die nergens heen wijst)."
    if path.suffix.lower() in (".yaml", ".yml"):
        return "Dit bestand wordt niet gelezen. Geef het de extensie .yml (kleine letters)."
    return "Dit bestand wordt niet gelezen. Hier horen alleen .yml-bestanden."


def _stray_files(data_dir: Path, root: Path) -> Iterator[Finding]:
    if not data_dir.is_dir():
        yield Finding(shown_path(data_dir, root), 0, "", "De map met gegevens bestaat niet.")
        return
    for path in sorted(data_dir.iterdir()):
        if path.name not in (*MODELS, GEOCACHE, POSTCODES) and not path.name.startswith("."):
            close = suggestion(path.name, MODELS)
            if close and path.is_dir():  # data/locatie: all its records would be lost unseen
                message = f"Deze map wordt niet gelezen.{close}"
                yield Finding(shown_path(path, root), 0, "", message)
                continue
            yield Finding(
                shown_path(path, root),
                0,
                "",
                "Dit wordt niet gelezen. Zet organisaties in organisaties/, locaties in locaties/.",
                Level.WARNING,
            )


def shown_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
