"""The files under .github/: valid against GitHub's schemas, linted, pinned, least rights.

The schemas ship inside check-jsonschema and the linter (zizmor) runs with --offline, so these
tests need no network. Every promise a workflow makes is checked here, not hoped for.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from check_jsonschema import main as check_jsonschema
from click.testing import CliRunner
from mkdocs.__main__ import cli as mkdocs_cli
from ruamel.yaml import YAML

from tests.conftest import ROOT, SAMPLE
from tests.test_cli import fill_in
from wegwijzer.cli import main
from wegwijzer.records import vocab
from wegwijzer.settings.config import load_site

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = GITHUB / "ISSUE_TEMPLATE"
# owner/repo[/path]@<40 hex> # vX.Y.Z: a commit cannot move; the comment says what it is.
PINNED = re.compile(r"^\s*(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
WRITE_RIGHTS = {
    ("deploy.yml", "publiceren"): {"pages", "id-token"},
    ("onderhoud.yml", "rapport"): {"issues"},
    ("release.yml", "publiceren"): {"id-token"},
    ("release.yml", "github-release"): {"contents"},
    ("geocode.yml", "opzoeken"): {"contents"},
}


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))  # YAML 1.2: 'on' is a key


def jobs(path: Path) -> dict[str, Any]:
    jobs: dict[str, Any] = load(path)["jobs"]
    return jobs


def run_commands(path: Path) -> list[str]:
    """Every line of every `run:` script in a workflow, as the runner's shell gets them."""
    scripts = [step.get("run", "") for job in jobs(path).values() for step in job["steps"]]
    joined = [script.replace("\\\n", " ") for script in scripts]  # continuation lines
    return [line.strip() for script in joined for line in script.splitlines() if line.strip()]


def commands_starting(path: Path, *words: str) -> list[list[str]]:
    """The commands in a workflow that start with `words`, split into arguments."""
    split = [shlex.split(line) for line in run_commands(path)]
    return [args for args in split if args[: len(words)] == list(words)]


def test_the_three_workflows_exist() -> None:
    assert [p.name for p in WORKFLOWS] == [
        "deploy.yml", "geocode.yml", "onderhoud.yml", "pr.yml", "release.yml"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("custom.github-workflows-require-timeout", WORKFLOWS),
        ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
        ("vendor.github-issue-forms", [FORMS / "nieuwe-organisatie.yml", FORMS / "klopt-niet.yml"]),
        ("vendor.github-issue-config", [FORMS / "config.yml"]),
    ],
    ids=["workflows", "timeouts", "dependabot", "issue-forms", "issue-config"],
)
def test_files_match_githubs_schema(schema: str, files: list[Path]) -> None:
    # In this process, so the network guard proves the schemas come from the package.
    args = ["--builtin-schema", schema, *map(str, files)]
    result = CliRunner().invoke(check_jsonschema, args)
    assert result.exit_code == 0, result.output


def test_zizmor_finds_nothing() -> None:
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert zizmor, "zizmor is missing: pip install -e '.[test]'"
    command = [zizmor, "--offline", "--no-progress", "--color", "never", str(GITHUB)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    lines = [line for line in path.read_text().splitlines() if re.search(r"\buses:", line)]
    assert lines, "a workflow without actions is suspicious"
    assert [line for line in lines if not PINNED.match(line)] == []
    steps = [step for job in jobs(path).values() for step in job.get("steps", [])]
    assert len([s for s in steps if "uses" in s]) == len(lines)  # none hidden in flow style


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_the_token_may_only_read_by_default(path: Path) -> None:
    assert load(path)["permissions"] == {"contents": "read"}


def test_only_named_jobs_may_write_and_only_what_they_need() -> None:
    granted = {}
    for path in WORKFLOWS:
        for name, job in jobs(path).items():
            permissions = job.get("permissions", {})
            assert isinstance(permissions, dict), f"{path.name}:{name}: name each right"
            writes = {right for right, level in permissions.items() if level == "write"}
            if writes:
                granted[(path.name, name)] = writes
    assert granted == WRITE_RIGHTS


def test_deploy_builds_strictly_and_publishes_to_pages() -> None:
    path = GITHUB / "workflows" / "deploy.yml"
    workflow = load(path)
    assert workflow["on"] == {
        "push": {"branches": ["main"]},
        "schedule": [{"cron": "41 4 * * 1"}],  # weekly: dates and closures refresh
        "workflow_dispatch": None,
    }
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert commands_starting(path, "mkdocs", "build") == [
        ["mkdocs", "build", "--strict"],
        ["mkdocs", "build", "--strict", "-f", "mkdocs.verwijzers.yml"],  # encrypted edition
    ]
    secret = "${{ secrets.WEGWIJZER_VERWIJZERS_WACHTWOORD }}"
    steps = jobs(path)["bouwen"]["steps"]
    assert [s for s in steps if s.get("env", {}).get("WEGWIJZER_VERWIJZERS_WACHTWOORD") == secret]
    deploy = jobs(path)["publiceren"]
    assert deploy["needs"] == "bouwen"
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_pull_requests_check_data_site_and_tests() -> None:
    path = GITHUB / "workflows" / "pr.yml"
    assert list(load(path)["on"]) == ["pull_request"]
    assert commands_starting(path, "wegwijzer", "check") == [
        ["wegwijzer", "check", "--format", "github"]
    ]
    assert commands_starting(path, "mkdocs", "build") == [["mkdocs", "build", "--strict"]]
    assert commands_starting(path, "python", "-m", "pytest") == [["python", "-m", "pytest"]]
    assert "python -m pip install -e '.[test]'" in run_commands(path)


def test_websites_are_only_asked_by_the_weekly_upkeep() -> None:
    path = GITHUB / "workflows" / "onderhoud.yml"
    assert set(load(path)["on"]) == {"schedule", "workflow_dispatch"}
    asking = {p.name for p in WORKFLOWS for line in run_commands(p) if "--links" in line}
    assert asking == {"onderhoud.yml"}


def test_upkeep_keeps_one_issue_with_a_fixed_label() -> None:
    commands = run_commands(GITHUB / "workflows" / "onderhoud.yml")
    gh = [line for line in commands if line.startswith("gh issue") or "$(gh issue" in line]
    assert any("gh issue list --label onderhoud --state open" in line for line in commands)
    assert any("gh issue create" in line and "--label onderhoud" in line for line in commands)
    assert any(line.startswith("gh issue edit") for line in gh)
    assert any(line.startswith("gh issue close") for line in gh)


def test_dependabot_updates_actions_and_python_weekly() -> None:
    updates = load(GITHUB / "dependabot.yml")["updates"]
    assert {u["package-ecosystem"]: u["schedule"]["interval"] for u in updates} == {
        "github-actions": "weekly",
        "pip": "weekly",
    }


def _options(form: dict[str, Any], field_id: str) -> list[str]:
    (field,) = [f for f in form["body"] if f.get("id") == field_id]
    options = field["attributes"]["options"]
    return [o["label"] if isinstance(o, dict) else o for o in options]


@pytest.mark.parametrize(
    ("field_id", "terms"),
    [("fases", vocab.FASES), ("doelgroepen", vocab.DOELGROEPEN)],
)
def test_the_form_offers_every_term_with_its_label_and_key(
    field_id: str, terms: dict[str, str]
) -> None:
    options = _options(load(FORMS / "nieuwe-organisatie.yml"), field_id)
    assert len(options) == len(terms)
    for option, (key, label) in zip(options, terms.items(), strict=True):
        assert option.startswith(label) and option.endswith(f"({key})"), option


def test_the_form_offers_every_kind_of_organisation() -> None:
    options = _options(load(FORMS / "nieuwe-organisatie.yml"), "soort")
    assert [o.rsplit("(", 1)[1].rstrip(")") for o in options] == list(vocab.SOORTEN)


def test_the_form_says_referrer_contacts_stay_off_the_public_site() -> None:
    form = load(FORMS / "nieuwe-organisatie.yml")
    (contact,) = [f for f in form["body"] if f.get("id") == "contactpersoon"]
    assert "niet op de openbare wegwijzer" in contact["attributes"]["description"]


def test_the_site_links_to_the_report_form_that_exists() -> None:
    melden = load_site(SAMPLE / "mkdocs.yml").config.melden or ""
    template = re.search(r"[?&]template=([\w.-]+)", melden)
    assert template and (FORMS / template[1]).is_file()


def test_blank_issues_are_off() -> None:
    assert load(FORMS / "config.yml")["blank_issues_enabled"] is False


def test_the_pull_request_checklist_covers_the_review() -> None:
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    checklist = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    for promise in ("wegwijzer check", "laatst_gecontroleerd", "inwoners", "verwijzers"):
        assert any(promise in line for line in checklist), promise


# The workflows `wegwijzer init` writes for a municipality: its own data only, no product tests.

INIT = ROOT / "src" / "wegwijzer" / "templates" / "init"
INIT_GITHUB = INIT / "github"
INIT_WORKFLOWS = sorted((INIT_GITHUB / "workflows").glob("*.yml"))
INIT_WORKFLOW_NAMES = [f"workflows/{p.name}" for p in INIT_WORKFLOWS]


@pytest.fixture(scope="module")
def init_github(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .github folder of a fresh `wegwijzer init`, where zizmor and the schemas look."""
    folder = tmp_path_factory.mktemp("init") / "site"
    assert main(["init", str(folder), "--gemeente", "Zwolle"]) == 0
    return folder / ".github"


def test_init_writes_the_three_workflows_and_dependabot(init_github: Path) -> None:
    assert sorted(p.name for p in (init_github / "workflows").iterdir()) == [
        "bevestigen.yml",
        "bijwerken.yml",
        "deploy.yml",
        "geocode.yml",
        "onderhoud.yml",
        "pr.yml",
    ]
    updates = load(init_github / "dependabot.yml")["updates"]
    assert {u["package-ecosystem"]: u["schedule"]["interval"] for u in updates} == {
        "github-actions": "weekly",
        "pip": "weekly",  # requirements.txt pins wegwijzer: each release becomes a pull request
    }


@pytest.mark.parametrize(
    ("schema", "names"),
    [
        ("vendor.github-workflows", INIT_WORKFLOW_NAMES),
        ("custom.github-workflows-require-timeout", INIT_WORKFLOW_NAMES),
        ("vendor.dependabot", ["dependabot.yml"]),
        (
            "vendor.github-issue-forms",
            [
                f"ISSUE_TEMPLATE/{n}"
                for n in (
                    "nieuwe-organisatie.yml",
                    "klopt-niet.yml",
                    "alles-klopt.yml",
                    "er-is-iets-veranderd.yml",
                )
            ],
        ),
        ("vendor.github-issue-config", ["ISSUE_TEMPLATE/config.yml"]),
    ],
    ids=["workflows", "timeouts", "dependabot", "issue-forms", "issue-config"],
)
def test_init_files_match_githubs_schema(init_github: Path, schema: str, names: list[str]) -> None:
    args = ["--builtin-schema", schema, *(str(init_github / n) for n in names)]
    result = CliRunner().invoke(check_jsonschema, args)
    assert result.exit_code == 0, result.output


def test_zizmor_finds_nothing_in_the_init_workflows(init_github: Path) -> None:
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert zizmor
    command = [zizmor, "--offline", "--no-progress", "--color", "never", str(init_github)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", INIT_WORKFLOWS, ids=lambda p: p.name)
def test_init_workflows_pin_the_same_actions_and_only_read(path: Path) -> None:
    lines = [line.strip() for line in path.read_text().splitlines() if "uses:" in line]
    assert lines and all(PINNED.match(line) for line in lines)
    ours = {
        line.strip() for p in WORKFLOWS for line in p.read_text().splitlines() if "uses:" in line
    }
    assert set(lines) <= ours, "pin the same commits as the product, so Dependabot moves both"
    assert load(path)["permissions"] == {"contents": "read"}


INSTALL_WITH_HASHES = "python -m pip install --require-hashes -r requirements.txt"


@pytest.mark.parametrize("path", INIT_WORKFLOWS, ids=lambda p: p.name)
def test_init_workflows_install_only_the_hash_locked_release(path: Path) -> None:
    """No other upload under the name can be installed (tests/test_init_live.py proves it)."""
    installs = [line for line in run_commands(path) if "pip install" in line]
    assert installs == [INSTALL_WITH_HASHES]


def test_init_pull_requests_check_the_data_and_the_site_but_run_no_product_tests() -> None:
    path = INIT_GITHUB / "workflows" / "pr.yml"
    assert commands_starting(path, "wegwijzer") == [["wegwijzer", "check", "--format", "github"]]
    assert commands_starting(path, "mkdocs") == [["mkdocs", "build", "--strict"]]
    assert not any("pytest" in line for line in run_commands(path))


def test_init_deploy_goes_live_only_when_ready_and_rebuilds_weekly() -> None:
    path = INIT_GITHUB / "workflows" / "deploy.yml"
    workflow = load(path)
    assert set(workflow["on"]) == {"push", "schedule", "workflow_dispatch"}
    (cron,) = [entry["cron"] for entry in workflow["on"]["schedule"]]
    assert re.fullmatch(r"\d+ \d+ \* \* [0-6]", cron), "once a week"
    assert commands_starting(path, "wegwijzer") == [
        ["wegwijzer", "check", "--publiceren", "--format", "github"]
    ]
    builds = [line[line.index("mkdocs") :] for line in run_commands(path) if "mkdocs b" in line]
    assert builds == [
        "mkdocs build --strict",
        "mkdocs build --strict -f mkdocs.verwijzers.yml; then",  # the encrypted edition
    ]
    lenient = [s for s in jobs(path)["bouwen"]["steps"] if "run" in s and "mkdocs" in s["run"]]
    assert all(s["env"]["WEGWIJZER_BIJ_FOUTEN"] == "overslaan" for s in lenient)
    assert [s["uses"].split("@")[0] for s in jobs(path)["publiceren"]["steps"]] == [
        "actions/deploy-pages"
    ]


@pytest.mark.parametrize("name", ["klopt-niet.yml", "nieuwe-organisatie.yml", "config.yml"])
def test_init_issue_forms_are_the_products_with_the_municipality_filled_in(name: str) -> None:
    product = (FORMS / name).read_text().replace("Voorbeeldstad", "{gemeente}")
    assert (INIT_GITHUB / "ISSUE_TEMPLATE" / name).read_text() == product


@pytest.mark.parametrize(
    ("copy", "original"),
    [
        (INIT_GITHUB / "dependabot.yml", GITHUB / "dependabot.yml"),
        (INIT_GITHUB / "pull_request_template.md", GITHUB / "pull_request_template.md"),
        (INIT / "docs" / "gegevens.md", ROOT / "docs" / "gegevens.md"),
        # docs/toegankelijkheid.md differs on purpose: an init site runs no browser tests
        # (tests/test_docs_match_init.py holds it to that)
        *(
            (INIT / "docs" / "beheer" / name, ROOT / "docs" / "beheer" / name)
            for name in (
                "bewerken.md",
                "controleren.md",
                "actueel-houden.md",
                "verwijzersgids.md",
                "talen.md",
            )
        ),
    ],
    ids=lambda p: p.name,
)
def test_init_copies_are_up_to_date(copy: Path, original: Path) -> None:
    """Copy the file into src/wegwijzer/templates/init/ when this fails."""
    assert copy.read_text() == original.read_text()


@contextlib.contextmanager
def mkdocs_logging_kept() -> Iterator[None]:
    """mkdocs' command line installs its own log handler; later tests expect the old one."""
    logger = logging.getLogger("mkdocs")
    state = (list(logger.handlers), logger.propagate, logger.level)
    try:
        yield
    finally:
        logger.handlers[:], logger.propagate, logger.level = state[0], state[1], state[2]


def run_workflow(
    site: Path, workflow: str, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[str, int, str]]:
    """Run in `site` the one-line commands its workflow runs, each with its step's plain `env:`,
    after installing (offline here). Steps that are shell scripts (the install, the referrers'
    edition) run in bash in tests/test_init_live.py."""
    monkeypatch.chdir(site)
    results = []
    for job in jobs(site / ".github" / "workflows" / workflow).values():
        for step in job["steps"]:
            line = step.get("run", "").strip()
            if not line or "\n" in line:
                continue
            args = shlex.split(line)
            with monkeypatch.context() as env:
                for name, value in step.get("env", {}).items():
                    if "${{" not in value:
                        env.setenv(name, value)
                results.append((line, *_run_in_process(args, line)))
                if results[-1][1] != 0:
                    return results  # a failed step stops the job
    return results


def _run_in_process(args: list[str], line: str) -> tuple[int, str]:
    if args[0] == "wegwijzer":
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(args[1:])
        return code, out.getvalue()
    if args[0] == "mkdocs":
        with mkdocs_logging_kept():
            result = CliRunner().invoke(mkdocs_cli, args[1:])
        return result.exit_code, result.output
    raise AssertionError(f"a command this test does not know: {line}")


@pytest.fixture
def zwolle(tmp_path: Path) -> Path:
    """A site made with `wegwijzer init` and filled in as a municipality would."""
    site = tmp_path / "wegwijzer-zwolle"
    assert main(["init", str(site), "--gemeente", "Zwolle"]) == 0
    fill_in(site)
    return site


def test_a_municipalitys_site_passes_its_own_workflows(
    zwolle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = zwolle
    for workflow in ("pr.yml", "deploy.yml"):
        results = run_workflow(site, workflow, monkeypatch)
        assert [(line, code) for line, code, _ in results if code != 0] == [], results
        assert len(results) == 2
    assert (site / "site" / "organisaties" / "op-orde-zwolle" / "index.html").is_file()


def test_a_broken_record_fails_the_pull_request_but_the_deploy_leaves_it_out(
    zwolle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = zwolle
    record = site / "data" / "organisaties" / "op-orde-zwolle.yml"
    record.write_text(record.read_text().replace("fases: [preventie, aanmelding]", "fases: []"))
    ((check, code, out),) = run_workflow(site, "pr.yml", monkeypatch)
    assert code == 1, check  # and the strict build does not even start
    expected = "::error file=data/organisaties/op-orde-zwolle.yml,line=6,title=fases::"
    assert expected + "Vul er minstens één in." in out.splitlines()
    # The deploy publishes the rest: the location of the broken organisation goes with it.
    results = run_workflow(site, "deploy.yml", monkeypatch)
    assert [code for _, code, _ in results] == [0, 0], results
    assert not (site / "site" / "organisaties" / "op-orde-zwolle").exists()
    assert (site / "site" / "index.html").is_file()


@pytest.mark.parametrize(
    "path", [GITHUB / "workflows" / "geocode.yml", INIT_GITHUB / "workflows" / "geocode.yml"]
)
def test_geocoding_without_a_laptop_is_started_by_hand_and_commits_only_the_cache(
    path: Path,
) -> None:
    """Only people who may write start it (no pull_request_target: no outside code runs with
    the right to push); a partly found run still saves what it found."""
    workflow = load(path)
    assert workflow["on"] == {"workflow_dispatch": None}
    commands = run_commands(path)
    assert "wegwijzer geocode --stil || test $? -eq 1" in commands
    assert "git add data/geocache.yml" in commands
    assert [c for c in commands if c.startswith("git add")] == ["git add data/geocache.yml"]
    assert commands[-1] == "git push"
