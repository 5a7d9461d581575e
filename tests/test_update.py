"""`wegwijzer bijwerken`: a site made by an older `wegwijzer init` gets the product's current
files, and not one byte of the town's own files changes.

tests/fixtures/oude-init-site is such a site (Deventer): its pr.yml and docs/beheer/bewerken.md
are the templates of an earlier version, most product files are missing (added since), and the
town has edited mkdocs.yml, its records, its accessibility statement, its issue config, and has
a page, a stylesheet and a workflow of its own. Its `github` and `gitignore` are renamed on copy,
as the package's own templates are.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from wegwijzer.cli import main
from wegwijzer.site.scaffold import PRODUCT_OWNED, product_owned

ROOT = Path(__file__).resolve().parent.parent
OLD_SITE = ROOT / "tests" / "fixtures" / "oude-init-site"


def _copy_fixture(target: Path) -> Path:
    shutil.copytree(OLD_SITE, target)
    (target / "github").rename(target / ".github")
    (target / "gitignore").rename(target / ".gitignore")
    return target


def _files(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def old_site(tmp_path: Path) -> Path:
    return _copy_fixture(tmp_path / "wegwijzer-deventer")


@pytest.fixture
def fresh_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """What this version's init writes for the same municipality."""
    folder = tmp_path / "vers"
    assert main(["init", str(folder), "--gemeente", "Deventer"]) == 0
    capsys.readouterr()
    return folder


def test_bijwerken_brings_product_files_to_current_and_leaves_own_files_alone(
    old_site: Path, fresh_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(old_site)
    own_before = {name: h for name, h in before.items() if not product_owned(Path(name))}
    assert main(["-f", str(old_site / "mkdocs.yml"), "bijwerken"]) == 0
    out, err = capsys.readouterr()
    after = _files(old_site)

    # the town's own files: byte for byte what they were, none added, none removed
    own_after = {name: h for name, h in after.items() if not product_owned(Path(name))}
    assert own_after == own_before
    assert {"mkdocs.yml", "docs/nieuws.md", "overrides/extra.css"} <= set(own_after)

    # the product's files: byte for byte what this version's init writes
    fresh = _files(fresh_site)
    product = {name: h for name, h in fresh.items() if product_owned(Path(name))}
    assert {name: after[name] for name in product} == product
    assert ".github/workflows/bijwerken.yml" in product  # the workflow that keeps this going

    lines = out.splitlines()
    assert "bijgewerkt: .github/workflows/pr.yml" in lines
    assert "bijgewerkt: docs/beheer/bewerken.md" in lines
    assert "nieuw: .github/workflows/deploy.yml" in lines
    assert "nieuw: schema/organisatie.schema.json" in lines
    # the town's own workflow sits in a product folder: named, never touched
    assert "niet van wegwijzer: .github/workflows/eigen-melding.yml" in lines
    assert (
        after[".github/workflows/eigen-melding.yml"]
        == before[".github/workflows/eigen-melding.yml"]
    )
    assert not any(line.split(": ", 1)[1].startswith(("data/", "mkdocs.yml")) for line in lines)
    assert "2 bijgewerkt" in err and "niet aangeraakt" in err

    # a second run changes nothing
    assert main(["-f", str(old_site / "mkdocs.yml"), "bijwerken", "--controleer"]) == 0
    out, _ = capsys.readouterr()
    assert not any(line.startswith(("nieuw:", "bijgewerkt:")) for line in out.splitlines())


def test_bijwerken_controleer_changes_nothing_and_fails_when_behind(
    old_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(old_site)
    assert main(["-f", str(old_site / "mkdocs.yml"), "bijwerken", "--controleer"]) == 1
    out, err = capsys.readouterr()
    assert _files(old_site) == before
    assert "bijgewerkt: .github/workflows/pr.yml" in out.splitlines()
    assert "Niet bij:" in err and "wegwijzer bijwerken" in err


def test_a_town_edit_to_a_product_file_is_overwritten(
    fresh_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Product-owned means the product's: the header of each YAML file says so."""
    workflow = fresh_site / ".github" / "workflows" / "pr.yml"
    original = workflow.read_bytes()
    assert b"'wegwijzer bijwerken' replaces this file" in original.splitlines()[0]
    workflow.write_text(workflow.read_text() + "# eigen aanpassing\n")
    assert main(["-f", str(fresh_site / "mkdocs.yml"), "bijwerken"]) == 0
    assert "bijgewerkt: .github/workflows/pr.yml" in capsys.readouterr().out.splitlines()
    assert workflow.read_bytes() == original


def test_init_and_bijwerken_share_one_list_of_product_files(fresh_site: Path) -> None:
    """Every entry of PRODUCT_OWNED is something init writes, and the town's files are not in it."""
    written = list(_files(fresh_site))
    for entry in PRODUCT_OWNED:
        assert any(name == entry or name.startswith(entry) for name in written), entry
    for own in ("mkdocs.yml", "README.md", "docs/toegankelijkheid.md", ".gitignore"):
        assert not product_owned(Path(own)), own
    assert not any(product_owned(Path(name)) for name in written if name.startswith("data/"))
    assert not product_owned(Path(".github/ISSUE_TEMPLATE/config.yml"))  # holds the town's address


# The site's Bijwerken workflow: its shell step, run against a local git remote and a fake `gh`.

WORKFLOW = ROOT / "src" / "wegwijzer" / "templates" / "init" / "github" / "workflows"
FAKE_GH = """#!/bin/sh
echo "$@" >> "$GH_LOG"
case "$1 $2" in
  "pr create") cp "$(echo "$@" | sed 's/.*--body-file \\([^ ]*\\).*/\\1/')" "$GH_LOG.body" ;;
esac
"""


def _git(folder: Path, *args: str) -> str:
    command = ["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    done = subprocess.run([*command, *args], check=True, capture_output=True, text=True)
    return done.stdout


def _pull_request_step() -> str:
    workflow = YAML(typ="safe").load(WORKFLOW / "bijwerken.yml")
    (job,) = workflow["jobs"].values()
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert runs[1] == "wegwijzer bijwerken"
    return runs[2]


@pytest.mark.parametrize("own_token", [False, True], ids=["github-token", "eigen-token"])
def test_the_workflow_pushes_a_branch_and_opens_one_pull_request(
    fresh_site: Path, tmp_path: Path, own_token: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    site, remote = fresh_site, tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    _git(site, "init", "-q", "-b", "main")
    _git(site, "remote", "add", "origin", str(remote))
    workflow = site / ".github" / "workflows" / "pr.yml"
    workflow.write_text(workflow.read_text().split("\n", 2)[2])  # an old copy: no header
    doc = site / "docs" / "beheer" / "bewerken.md"
    doc.write_text(doc.read_text() + "Oude regel.\n")
    _git(site, "add", "-A")
    _git(site, "commit", "-q", "-m", "oud")
    _git(site, "push", "-q", "origin", "main")

    assert main(["-f", str(site / "mkdocs.yml"), "bijwerken"]) == 0
    capsys.readouterr()
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "gh").write_text(FAKE_GH)
    (fake / "gh").chmod(0o755)
    log = tmp_path / "gh.log"
    env = {
        **os.environ,
        "PATH": f"{fake}:{Path(sys.executable).parent}:{os.environ['PATH']}",
        "GH_LOG": str(log),
        "OWN_TOKEN": "true" if own_token else "false",
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_REF_NAME": "main",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    done = subprocess.run(
        ["bash", "-e", "-c", _pull_request_step()],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr

    changed = _git(remote, "diff", "--name-only", "main", "wegwijzer-bijwerken").split()
    expected = ["docs/beheer/bewerken.md"]
    if own_token:
        expected.insert(0, ".github/workflows/pr.yml")
    assert changed == expected
    calls = log.read_text().splitlines()
    assert calls[0].startswith("pr list --head wegwijzer-bijwerken")
    assert calls[1].startswith("pr create --base main --head wegwijzer-bijwerken")
    body = Path(f"{log}.body").read_text()
    assert ("Nog met de hand bij te werken" in body) is not own_token
    assert (".github/workflows/pr.yml" in body) is not own_token


def test_bijwerken_refuses_wegwijzers_own_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A copy of the product: its workflows run the product's tests; an init site's would
    replace them."""
    copy = tmp_path / "kopie"
    shutil.copytree(ROOT / "tests" / "fixtures" / "voorbeeldstad", copy)
    (copy / "pyproject.toml").write_text('[project]\nname = "wegwijzer"\n')
    before = _files(copy)
    assert main(["-f", str(copy / "mkdocs.yml"), "bijwerken"]) == 1
    assert "repository van wegwijzer zelf" in capsys.readouterr().err
    assert _files(copy) == before
