"""What the docs promise a town exists in what `wegwijzer init` writes (issue 25).

Read: the init site's own README and docs, the init part of docs/beheer/starten.md, and the
product README's commands. Held to init's output:
- every `wegwijzer ...` command (in code) parses with the installed command line: the
  subcommand and each flag exist;
- every workflow or job the docs name (bold after "werkstroom", Actions > X, the required check
  of step 7) is a workflow or job name in the site's .github/workflows;
- every file or folder named in code is in the new site, or in LATER (made afterwards, by a
  command or by the town, with the reason) or in FROM_H25A (files init writes once h25a's work
  on the same issue is merged; tolerated while absent, and held once present).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from wegwijzer.cli import _parser, main

ROOT = Path(__file__).resolve().parent.parent
STARTEN = ROOT / "docs" / "beheer" / "starten.md"
INIT_SECTION = "## Een kleine repository met alleen uw gegevens (`wegwijzer init`)"

# Named in the docs, made after init: by a command, a build, or the town itself.
LATER = {
    "data/geocache.yml": "wegwijzer geocode",
    "data/postcodes.csv": "wegwijzer geocode --postcodes",
    "site/": "mkdocs build",
    "site/verwijzers/": "the referrers' edition's build",
    "verwijzers/": "the referrers' edition's folder on the site",
    "/verwijzers/": "its address",
    "vertalingen/": "wegwijzer vertalingen --nieuw",
    "vertalingen/en.po": "wegwijzer vertalingen --nieuw en",
    "vertalingen/so.po": "wegwijzer vertalingen --nieuw so",
    "vertalingen/<code>.po": "wegwijzer vertalingen --nieuw <code>",
    "voorbeeld-prive/": "the sample's private folder, named as an example",
    "gemeente-voorbeeldstad/wegwijzer-prive": "a private repository, named as an example",
    "organisaties/": "a folder inside the private repository",
    "organisaties/<id>.yml": "a file inside the private repository",
    "data/organisaties/<id>.yml": "wegwijzer nieuw organisatie <id>",
    "data/locaties/<id>.yml": "wegwijzer nieuw locatie <id>",
    "humanitas-utrecht.yml": "a record's file name, as an example",
    "index.yml": "a record's file name, as an example",
    ".kladje.yml": "a hidden draft, as an example of what check skips",
    "open-data/locaties.json": "an export on the built site",
    "assets/logo.svg": "the town's own logo",
    "src/wegwijzer/data/schoolvakanties.csv": "a file of the package, not of the site",
    "/en/": "a language's address",
    "/ar/": "a language's address",
    ".venv/": "python3 -m venv .venv",
    "requirements.txt": "the lock with hashes: pip-compile --generate-hashes requirements.in",
}
# Files init writes for the referrers' edition and the install; held like the others.
FROM_H25A = {"mkdocs.verwijzers.yml", "requirements.in", "prive/"}
_CODE = re.compile(r"```[^\n]*\n(.*?)```|`([^`\n]+)`", re.S)
_PATH = re.compile(r"^\.?[\w<>-]+(?:[./][\w<>.-]+)*/?$")
_SUFFIXES = (".yml", ".md", ".txt", ".csv", ".json", ".in", ".po")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("init") / "wegwijzer-zwolle"
    assert main(["init", str(folder), "--gemeente", "Zwolle"]) == 0
    return folder


def _docs(site: Path) -> dict[str, str]:
    """The texts a town reads, by name."""
    texts = {"README.md (init)": (site / "README.md").read_text(encoding="utf-8")}
    for path in sorted((site / "docs").rglob("*.md")):
        texts[path.relative_to(site).as_posix()] = path.read_text(encoding="utf-8")
    starten = STARTEN.read_text(encoding="utf-8")
    texts["docs/beheer/starten.md (init)"] = starten[starten.index(INIT_SECTION) :]
    return texts


def _code(text: str) -> list[str]:
    """Every code span and every line of every code block."""
    found: list[str] = []
    for block, span in _CODE.findall(text):
        found += [line for line in block.splitlines() if line.strip()] if block else [span]
    return found


def _commands(text: str, program: str) -> list[list[str]]:
    """`program ...` in code: its words, up to a comment or a shell operator."""
    commands = []
    for code in _code(text):
        for part in re.split(r"&&|\|\||;|\|", code.split(" #")[0]):
            cleaned = part.replace("<", "").replace(">", "")
            try:
                words = shlex.split(cleaned)
            except ValueError:  # an apostrophe in text ('s-Hertogenbosch)
                words = cleaned.split()
            while words and words[0] in ("python3", "-m", "sh", "$"):
                words = words[1:]
            if words and Path(words[0]).name == program:
                commands.append(words[1:])
    return commands


def _accepts(words: list[str]) -> str | None:
    """Why the command line would refuse `wegwijzer WORDS`; None when it parses."""
    parser = _parser()
    parser.exit_on_error = False
    for action in parser._subparsers._group_actions if parser._subparsers else []:
        for sub in getattr(action, "choices", {}).values():
            sub.exit_on_error = False
    told = io.StringIO()
    try:
        with contextlib.redirect_stderr(told):
            parser.parse_args(words)
    except (argparse.ArgumentError, SystemExit) as exc:
        why = f"{exc} {told.getvalue()}"
        # a command named without its arguments ("`wegwijzer nieuw`") is a mention, not a use
        return None if "are required" in why else why
    return None


def test_every_wegwijzer_command_in_the_docs_exists(site: Path) -> None:
    texts = {**_docs(site), "README.md": (ROOT / "README.md").read_text(encoding="utf-8")}
    problems, seen = [], 0
    for name, text in texts.items():
        for words in _commands(text, "wegwijzer"):
            if not words or words == ["--version"]:
                continue
            seen += 1
            if (why := _accepts(words)) is not None:
                problems.append(f"{name}: wegwijzer {' '.join(words)}: {why}")
    assert seen > 20
    assert problems == []


def test_every_mkdocs_config_the_docs_name_is_written_by_init(site: Path) -> None:
    for name, text in _docs(site).items():
        for words in _commands(text, "mkdocs"):
            if "-f" in words:
                config = words[words.index("-f") + 1]
                assert (site / config).is_file() or config in FROM_H25A, f"{name}: {config}"


def _workflow_names(site: Path) -> set[str]:
    names = set()
    for path in (site / ".github" / "workflows").glob("*.yml"):
        workflow = YAML(typ="safe").load(path)
        names.add(workflow["name"])
        names |= {job.get("name", key) for key, job in workflow["jobs"].items()}
    return names


_NAMED_WORKFLOW = (
    re.compile(r"werkstroom \*\*([^*]+)\*\*"),
    re.compile(r"[Ww]orkflow \"([^\"]+)\""),
    # "Ga naar **Actions** en kies links **X**", "**Actions**, kies **X**", "**Actions**, **X**";
    # not "**Settings**, **Actions**, **General**" (a settings page)
    re.compile(
        r"(?<!\*\*Settings\*\*, )\*\*Actions\*\*,? (?:en )?(?:kies (?:links )?)?\*\*([^*]+)\*\*"
    ),
    re.compile(r"Actions > ([^>\n]+?) >"),
    re.compile(r"staat de controle \*\*([^*]+)\*\*"),  # controleren.md: the PR check's job
    re.compile(r"^- \*\*([^*]+)\*\*: (?:bij|elke)", re.M),  # "Wat gebeurt er daarna vanzelf?"
)
_LISTED_WORKFLOWS = re.compile(r"de werkstromen ([A-Z][\w ,]+? en [A-Z]\w+)")


def test_every_workflow_and_job_the_docs_name_is_in_the_site(site: Path) -> None:
    names = _workflow_names(site)
    assert {"Controle", "Publiceren", "Onderhoud", "Bijwerken", "Gegevens en site"} <= names
    problems, seen = [], 0
    for name, text in _docs(site).items():
        mentioned = [m for pattern in _NAMED_WORKFLOW for m in pattern.findall(text)]
        for listing in _LISTED_WORKFLOWS.findall(text):
            mentioned += re.split(r", | en ", listing)
        for workflow in mentioned:
            if workflow in ("Talen", "Dependabot"):  # features listed beside the workflows
                continue
            seen += 1
            if workflow.strip() not in names:
                problems.append(f"{name}: '{workflow}' is no workflow or job of the site")
    assert seen >= 8
    assert problems == []


def test_step_7_names_the_required_check_of_an_init_site(site: Path) -> None:
    """starten.md step 7: the check to require, by the init pull-request job's real name."""
    starten = STARTEN.read_text(encoding="utf-8")
    step = starten[starten.index("## 7.") : starten.index("## 8.")]
    named = re.search(r"van `wegwijzer init` heet de controle \*\*([^*]+)\*\*", step)
    assert named is not None
    jobs = YAML(typ="safe").load(site / ".github" / "workflows" / "pr.yml")["jobs"]
    assert [job["name"] for job in jobs.values()] == [named[1]]


def test_every_file_the_docs_name_is_written_by_init_or_made_later(site: Path) -> None:
    problems = []
    for name, text in _docs(site).items():
        for code in _code(text):
            word = code.strip()
            if not _PATH.match(word) or "://" in word or not re.search(r"[a-z]", word, re.I):
                continue
            if "/" not in word and not word.endswith(_SUFFIXES):
                continue
            if word in LATER or word in (".yml",):
                continue
            if word in FROM_H25A and not (site / word).exists():
                continue
            if not (site / word).exists():
                problems.append(f"{name}: `{word}` is not in a new site")
    assert problems == []


def test_the_init_statement_claims_no_tests_the_site_does_not_run(site: Path) -> None:
    statement = (site / "docs" / "toegankelijkheid.md").read_text(encoding="utf-8")
    assert "Bij elke wijziging controleren de tests van Wegwijzer" not in statement
    assert "worden daarbij niet in een browser getest" in statement
    runs = " ".join(
        step.get("run", "")
        for path in (site / ".github" / "workflows").glob("*.yml")
        for job in YAML(typ="safe").load(path)["jobs"].values()
        for step in job.get("steps", [])
    )
    assert "pytest" not in runs and "axe" not in runs


def test_the_sample_sites_docs_are_links_to_the_projects_docs() -> None:
    """The sample fixture keeps no copies of docs/ (issue 28: its copies of starten.md and
    prestaties.md had drifted by 51 and 572 lines): each page is a link to the page in docs/,
    which is also the source of the init templates' copies (tests/test_github.py)."""
    sample_docs = ROOT / "tests" / "fixtures" / "voorbeeldstad" / "docs"
    pages = sorted(sample_docs.rglob("*.md"))
    assert len(pages) >= 8
    for page in pages:
        name = page.relative_to(sample_docs)
        assert page.is_symlink(), f"{name}: make it a link to docs/{name.as_posix()}"
        assert page.resolve() == (ROOT / "docs" / name).resolve(), name
