"""Property-based fuzzing of the loader, the checks and the renderer (Hypothesis).

Whatever a volunteer or an attacker types in a record file, `wegwijzer check` answers with a
Report: every finding in Dutch with its file and line, never a traceback, never a silently
dropped record. Whatever passes the check renders with the input escaped.

The runs are derandomised: CI always tries the same examples, so a failure reproduces with the
example Hypothesis prints. Raise FUZZ_EXAMPLES locally to search longer.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from ruamel.yaml import YAML

from tests.conftest import EXAMPLES
from wegwijzer.cli import main
from wegwijzer.records.report import Report
from wegwijzer.settings.config import SiteSettings, load_site
from wegwijzer.site.pages import render_site
from wegwijzer.tasks.validate import validate_site

TODAY = date(2026, 11, 22)
RECORD = "data/organisaties/gemeente.yml"
EXAMPLES_PER_TEST = int(os.environ.get("FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    derandomize=True,  # the same examples in every run: CI is reproducible
    max_examples=EXAMPLES_PER_TEST,
    deadline=None,  # a slow example is not a failure; a hang is caught by CI's time limit
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
# pydantic's and ruamel's own English, which must never reach a volunteer on its own
ENGLISH = ("Input should", "Field required", "validation error", "Traceback", "object has no")
MARKER = "<script>ww-fuzz"

SKELETON: dict[str, Any] = {
    "id": "gemeente",
    "naam": "Gemeente Teststad",
    "omschrijving": "Schuldhulp van de gemeente.",
    "soort": "gemeente",
    "telefoon": "14 030",
    "fases": ["aanmelding", "traject"],
    "laatst_gecontroleerd": "2026-10-01",
}
FIELDS = [
    *SKELETON,
    "website", "email", "whatsapp", "chat", "rollen", "activiteiten", "doelgroepen",
    "leeftijd", "talen", "tolk", "werkgebied", "wijken", "aanmelden", "kosten", "meenemen",
    "status", "melding", "bronnen", "sluitingen", "zichtbaarheid", "onbekend_veld",
]  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteSettings]:
    """One copy of the small example site; each example rewrites one record in it."""
    root = tmp_path_factory.mktemp("fuzz") / "site"
    shutil.copytree(EXAMPLES / "basis", root)
    yield load_site(root / "mkdocs.yml")
    shutil.rmtree(root)


def checked(site: SiteSettings, text: str) -> tuple[Any, Report]:
    (site.root / RECORD).write_text(text, encoding="utf-8")
    return validate_site(site, TODAY)


def assert_reported(dataset: Any, report: Report) -> None:
    """The record is either loaded or named in an error; every finding has a place and Dutch."""
    ours = [f for f in report.findings if f.path == RECORD]
    assert "gemeente" in dataset.organisaties or any(f in report.errors for f in ours), (
        "the record was dropped without an error"
    )
    for finding in report.findings:
        assert finding.path and finding.path.endswith(".yml"), finding
        assert finding.line >= 1, finding
        assert finding.message.strip(), finding
        assert not any(english in finding.message for english in ENGLISH), finding


def dump(value: Any) -> str:
    out = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.dump(value, out)
    return out.getvalue()


# YAML's own punctuation, indentation and line breaks, with letters, digits and a few
# characters that matter in HTML, CSV and vCard
YAML_ALPHABET = st.sampled_from(list(":-[]{}&*!|>'\"#%@`,?~ \n\t<>/=;\\") + list("abcnaamidfs019é"))
yaml_ish = st.one_of(
    st.text(YAML_ALPHABET, max_size=200),
    st.lists(
        st.tuples(
            st.sampled_from(["", "  ", "    ", "- "]),
            st.sampled_from([*SKELETON, "x", "- ", ""]),
            st.text(YAML_ALPHABET, max_size=20),
        ),
        max_size=12,
    ).map(lambda lines: "\n".join(f"{i}{k}: {v}" for i, k, v in lines)),
    st.text(max_size=120),  # any unicode, control characters and surrogates-free planes too
)


@FUZZ
@given(text=yaml_ish)
@example(text="id: gemeente\nnaam: &a x\nomschrijving: *a\n")
@example(text="<<: {id: gemeente}\n")
@example(text="id: gemeente\n" + "a:\n" * 3 + "  " * 30 + "b: 1\n")
@example(text="\x00\x1b\ufffe\u202e")
def test_any_text_gives_a_report_never_a_traceback(site: SiteSettings, text: str) -> None:
    dataset, report = checked(site, text)
    assert_reported(dataset, report)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates().map(str),
    st.sampled_from(["9999-12-31", "0001-01-01", "14 020", "0900-1234", "javascript:alert(1)"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@FUZZ
@given(changes=st.dictionaries(st.sampled_from(FIELDS), values, min_size=1, max_size=4))
def test_any_value_in_a_valid_record_gives_a_report(
    site: SiteSettings, changes: dict[str, Any]
) -> None:
    dataset, report = checked(site, dump({**SKELETON, **changes}))
    assert_reported(dataset, report)


LOCATION = "data/locaties/bibliotheek.yml"
LOCATION_SKELETON: dict[str, Any] = {
    "id": "bibliotheek",
    "naam": "Inloop in de bibliotheek",
    "organisaties": ["humanitas", "gemeente"],
    "adres": {
        "straat": "Stationsplein",
        "huisnummer": 1,
        "postcode": "3511 AB",
        "plaats": "Teststad",
    },
    "spreekuren": [{"dagen": ["di"], "van": "09:30", "tot": "12:00"}],
    "laatst_gecontroleerd": "2026-10-01",
}
LOCATION_FIELDS = [
    *LOCATION_SKELETON, "coordinaten", "zonder_afspraak", "gesloten", "telefoon", "email",
    "omschrijving", "bereikbaarheid", "rolstoeltoegankelijk", "bronnen", "onbekend_veld",
]  # fmt: skip
# Values shaped like the nested parts of a location, so the fuzzing reaches their checks
shaped = st.one_of(
    values,
    st.fixed_dictionaries({"lat": values, "lon": values}),
    st.lists(st.fixed_dictionaries({"dagen": values, "van": values, "tot": values}), max_size=2),
    st.lists(st.fixed_dictionaries({"van": values, "tot": values}), max_size=2),
)


@FUZZ
@given(changes=st.dictionaries(st.sampled_from(LOCATION_FIELDS), shaped, min_size=1, max_size=3))
def test_any_value_in_a_valid_location_gives_a_report(
    site: SiteSettings, changes: dict[str, Any]
) -> None:
    (site.root / RECORD).write_text(dump(SKELETON), encoding="utf-8")  # a valid organisation
    (site.root / LOCATION).write_text(dump({**LOCATION_SKELETON, **changes}), encoding="utf-8")
    try:
        dataset, report = validate_site(site, TODAY)
        mine = [f for f in report.errors if f.path == LOCATION]
        assert "bibliotheek" in dataset.locaties or mine, "the location was dropped silently"
        assert_reported(dataset, report)
    finally:
        (site.root / LOCATION).write_text(dump(LOCATION_SKELETON), encoding="utf-8")


hostile = st.builds(
    lambda before, after: f"{before}{MARKER}>alert(1)</script>{after}",
    st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=20),
    st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=20),
)
TEXT_FIELDS = ["naam", "omschrijving", "aanmelden", "kosten", "melding", "telefoon_toelichting"]


@settings(FUZZ, max_examples=max(10, EXAMPLES_PER_TEST // 6))
@given(field=st.sampled_from(TEXT_FIELDS), text=hostile)
def test_whatever_validates_is_rendered_escaped(site: SiteSettings, field: str, text: str) -> None:
    dataset, report = checked(site, dump({**SKELETON, field: text}))
    assert_reported(dataset, report)
    if report.errors:
        return
    rendered = render_site(dataset, site.config, today=TODAY)
    assert rendered.pages, "nothing was rendered"
    for page in rendered.pages:
        assert MARKER not in page.text, f"raw script from input in {page.path}"
    for static in rendered.files:  # JSON, CSV and vCard hold the text as data, by design
        if static.content is not None and static.path.endswith((".html", ".svg")):
            assert MARKER.encode() not in static.content, f"raw script in {static.path}"


# The whole pipeline: check, then a strict mkdocs build, on text from the whole of Unicode.

names = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), min_size=1, max_size=30
)


@settings(FUZZ, max_examples=max(3, EXAMPLES_PER_TEST // 60))  # a build takes seconds
@given(naam=names, omschrijving=names)
@example(naam="Hulp 💶 𠜎 <b>vet</b> {{ 7*7 }}", omschrijving='title: "x"\n---')
def test_check_then_build_publishes_the_record_with_its_title_or_stops_cleanly(
    site: SiteSettings, tmp_path_factory: pytest.TempPathFactory, naam: str, omschrijving: str
) -> None:
    dataset, report = checked(site, dump({**SKELETON, "naam": naam, "omschrijving": omschrijving}))
    assert_reported(dataset, report)
    out = tmp_path_factory.mktemp("bouw")
    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(out), strict=True)
    if report.errors:
        with pytest.raises(Abort):  # the plugin stops with the findings; nothing half-built
            build(config)
        return
    build(config)
    page = out / "organisaties" / "gemeente" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    record = dataset.organisaties["gemeente"]
    assert soup.title is not None and soup.title.get_text().startswith(record.naam)
    assert soup.select_one("h1") is not None and soup.select_one("h1").get_text().strip()
    assert "title:" not in soup.select_one("article").get_text().split(record.omschrijving)[0]


# Issue 31: every text field × each character or word that once passed `check` and then
# stopped every build (the front matter's lines, the shells' tokens, workflow commands).
PIECES = {
    "U+2028": "\u2028",
    "U+2029": "\u2029",
    "U+0085": "\u0085",
    "wwshell": "wwshell WWSHELLDESC WWSHELLTITLE <!--WWSHELLREPORT-->",
    "workflow": "::warning::x",
    "CR": "\r",
    "LF": "\n",
    "surrogate": "\ud800",
    "front matter": '"\n---\ntitle: x',
}
ORG_TEXT = [
    "naam", "omschrijving", "aanmelden", "kosten", "melding", "telefoon_toelichting",
    "meenemen",
]  # fmt: skip
LOC_TEXT = [
    "naam", "omschrijving", "bereikbaarheid", "telefoon_toelichting",
    "adres.gebouw", "adres.straat", "adres.plaats",
]  # fmt: skip
CASES = [("organisatie", f, p) for f in ORG_TEXT for p in PIECES] + [
    ("locatie", f, p) for f in LOC_TEXT for p in PIECES
]


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes are YAML's, also for a lone surrogate."""
    return json.dumps(value)


def _case_record(kind: str, field: str, piece: str, record_id: str) -> str:
    value = f"Hulp {PIECES[piece]} thuis"
    if kind == "organisatie":
        record = {**SKELETON, "id": record_id}
    else:
        record = {**LOCATION_SKELETON, "id": record_id, "organisaties": ["gemeente"]}
        record["adres"] = dict(LOCATION_SKELETON["adres"])
    lines = []
    for key, current in record.items():
        if key == field:
            current = value
        if key == "adres":
            inner = {**current}
            if field.startswith("adres."):
                inner[field.removeprefix("adres.")] = value
            lines.append("adres:")
            lines += [f"  {k}: {_quoted(str(v))}" for k, v in inner.items()]
            continue
        lines.append(f"{key}: {json.dumps(current)}")
    if field not in record and not field.startswith("adres."):
        lines.append(f"{field}: {_quoted(value)}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("kind", "field", "piece"), CASES)
def test_every_text_field_with_every_hostile_piece_gives_a_report(
    site: SiteSettings, kind: str, field: str, piece: str
) -> None:
    path = site.root / (RECORD if kind == "organisatie" else LOCATION)
    record_id = path.stem
    try:
        path.write_text(_case_record(kind, field, piece, record_id), encoding="utf-8")
        dataset, report = validate_site(site, TODAY)
        mine = [f for f in report.errors if f.path == path.relative_to(site.root).as_posix()]
        loaded = record_id in (dataset.organisaties if kind == "organisatie" else dataset.locaties)
        assert loaded or mine, "the record was dropped silently"
        assert_reported(dataset, report)
    finally:
        path.write_text(
            dump(SKELETON if kind == "organisatie" else LOCATION_SKELETON), encoding="utf-8"
        )


def test_a_lenient_build_survives_every_hostile_piece_in_every_field(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All cases at once, one record each, in one lenient and strict (`--strict`) build: the
    publishing build of the deploy. It succeeds, and every record check lets through is on
    the site with its title."""
    root = tmp_path_factory.mktemp("alles") / "site"
    shutil.copytree(EXAMPLES / "basis", root)
    ids = {}
    for number, (kind, field, piece) in enumerate(CASES):
        record_id = f"geval-{number}"
        folder = "organisaties" if kind == "organisatie" else "locaties"
        text = _case_record(kind, field, piece, record_id)
        (root / "data" / folder / f"{record_id}.yml").write_text(text, encoding="utf-8")
        ids[record_id] = folder
    dataset, _ = validate_site(load_site(root / "mkdocs.yml"), TODAY)
    monkeypatch.setenv("WEGWIJZER_BIJ_FOUTEN", "overslaan")
    out = tmp_path_factory.mktemp("alles-uit")
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(out), strict=True))
    published = 0
    for record_id, folder in ids.items():
        records = dataset.organisaties if folder == "organisaties" else dataset.locaties
        page = out / folder / record_id / "index.html"
        if record_id not in records:
            continue
        if folder == "locaties" and record_id not in _published_locations(dataset):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.title is not None, record_id
        title, naam = (
            " ".join(t.split()) for t in (soup.title.get_text(), records[record_id].naam)
        )
        assert title.startswith(naam), record_id  # HTML reads CR as LF
        published += 1
    assert published > len(CASES) // 3


def _published_locations(dataset: Any) -> set[str]:
    """Locations whose file and organisations have no error (check's strictness aside)."""
    return set(dataset.locaties)


# Issue 31: record text never becomes a CI runner's command. Every text field of an
# organisation and a location's address, with line breaks before `::` and the old `##[`.
COMMANDS = ["::add-mask::x", "::stop-commands::x", "##[error]x", "::warning file=a::x"]
BREAKS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", ""]
RUNNER_FIELDS = [
    "naam", "omschrijving", "aanmelden", "kosten", "melding", "telefoon_toelichting",
    "telefoon", "email", "website", "werkgebied", "wijken", "onbekend_veld",
]  # fmt: skip


def _logged_lines(site: SiteSettings, style: str) -> list[str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(["-f", str(site.root / "mkdocs.yml"), "check", "--format", style])
    return (out.getvalue() + err.getvalue()).splitlines()


def assert_no_runner_command(lines: list[str], style: str) -> None:
    for line in lines:
        if style == "github" and line.startswith(
            ("::error file=", "::warning file=", "::notice file=")
        ):
            continue  # our own annotation, escaped (tests/test_confidential.py)
        assert not line.lstrip().startswith("::"), line
        assert "##[" not in line, line


@settings(FUZZ, max_examples=max(20, EXAMPLES_PER_TEST // 3))
@given(
    field=st.sampled_from(RUNNER_FIELDS),
    before=st.sampled_from(["", "Hulp", "a:b"]),
    brk=st.sampled_from(BREAKS),
    command=st.sampled_from(COMMANDS),
    style=st.sampled_from(["tekst", "github"]),
)
@example(field="naam", before="Hulp", brk="\n", command="::add-mask::x", style="github")
def test_record_text_never_starts_a_runner_command(
    site: SiteSettings, field: str, before: str, brk: str, command: str, style: str
) -> None:
    value: Any = f"{before}{brk}{command}"
    (site.root / RECORD).write_text(
        dump({**SKELETON, field: [value] if field == "wijken" else value}), encoding="utf-8"
    )
    assert_no_runner_command(_logged_lines(site, style), style)


@pytest.mark.parametrize("part", ["straat", "plaats", "gebouw"])
@pytest.mark.parametrize("brk", ["\n", "\r", "\r\n", "\x85", "\x0b"])
def test_a_line_break_in_an_address_is_an_error(site: SiteSettings, part: str, brk: str) -> None:
    (site.root / RECORD).write_text(dump(SKELETON), encoding="utf-8")
    address = {**LOCATION_SKELETON["adres"], part: f"Stationsplein{brk}::add-mask::x"}
    (site.root / LOCATION).write_text(dump({**LOCATION_SKELETON, "adres": address}), "utf-8")
    try:
        _, report = validate_site(site, TODAY)
        found = [f for f in report.errors if f.path == LOCATION]
        one_line = "Schrijf dit op één regel, zonder Enter (regelovergang) erin."
        invisible = "Er staat een onzichtbaar teken (U+"  # refused before the YAML is read
        assert [(f.field, f.message) for f in found] == [(f"adres.{part}", one_line)] or (
            found[0].message.startswith(invisible)
        )
        assert_no_runner_command(_logged_lines(site, "github"), "github")
    finally:
        (site.root / LOCATION).write_text(dump(LOCATION_SKELETON), encoding="utf-8")
