"""The release workflow's build-and-check steps, run here as the workflow runs them, offline.

Two differences, both because tests never use the network: the build uses this environment's
setuptools (`--no-isolation`) instead of downloading one, and the "fresh environment" is the
wheel unpacked into an empty folder (`pip install --no-deps --no-index --target`) that comes
first on the path, with the dependencies from this environment. What is proved is the same: the
wheel and sdist are well-formed, and the installed wheel alone writes a new site with
`wegwijzer init` that mkdocs builds strictly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_github import GITHUB, jobs, run_commands
from wegwijzer import __version__

RELEASE = GITHUB / "workflows" / "release.yml"


def run(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    source = tmp_path_factory.mktemp("bron") / "wegwijzer"
    # Build from what git holds, as the runner's checkout would: no venv, caches or site/.
    files = run("git", "ls-files", "-z").split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, cwd=source)
    return out


def test_the_workflow_runs_these_steps_and_publishes_only_from_its_own_job() -> None:
    commands = run_commands(RELEASE)
    assert "python -m build --outdir dist" in commands
    assert "python -m twine check --strict dist/*" in commands
    assert any('wegwijzer" init' in c for c in commands)
    assert any('mkdocs" build --strict' in c for c in commands)
    publish = jobs(RELEASE)["publiceren"]
    assert publish["needs"] == "pakket" and publish["environment"]["name"] == "pypi"
    assert publish["permissions"] == {"id-token": "write"}
    assert all("run" not in step for step in publish["steps"])  # nothing but the upload


def test_a_github_release_carries_the_same_files_with_their_sums() -> None:
    """Before the name is on PyPI a site pins this wheel by URL and hash (requirements.in)."""
    release = jobs(RELEASE)["github-release"]
    assert release["needs"] == "pakket"  # not after PyPI: a failed upload must not block it
    assert release["permissions"] == {"contents": "write"}
    scripts = [step.get("run", "") for step in release["steps"]]
    assert "sha256sum -- *.whl *.tar.gz | tee SHA256SUMS" in scripts
    (create,) = [s for s in scripts if s.startswith("gh release create")]
    assert "dist/*.whl dist/*.tar.gz dist/SHA256SUMS" in create and "--verify-tag" in create
    url = "https://github.com/EIGENAAR/wegwijzer/releases/download/v{versie}/"
    template = ROOT / "src" / "wegwijzer" / "templates" / "init" / "requirements.in"
    assert url + "wegwijzer-{versie}-py3-none-any.whl" in template.read_text(encoding="utf-8")


def test_the_sums_file_checks_the_built_files(dist: Path) -> None:
    run("bash", "-c", "sha256sum -- *.whl *.tar.gz > SHA256SUMS", cwd=dist)
    assert run("sha256sum", "-c", "SHA256SUMS", cwd=dist).count(": OK") == 2
    (dist / "SHA256SUMS").unlink()


def test_the_version_is_one_number_and_a_tag_names_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__
    assert jobs(RELEASE) and "v*.*.*" in RELEASE.read_text(encoding="utf-8")
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog


def test_wheel_and_sdist_pass_twine_and_carry_the_package_data(dist: Path) -> None:
    wheel = next(dist.glob("wegwijzer-*.whl"))
    sdist = next(dist.glob("wegwijzer-*.tar.gz"))
    run(sys.executable, "-m", "twine", "check", "--strict", wheel, sdist)
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "wegwijzer/site/plugin.py",
        "wegwijzer/templates/start.md.j2",
        "wegwijzer/templates/init/mkdocs.yml",
        "wegwijzer/assets/js/openingstijden.js",
        "wegwijzer/data/gemeenten.csv",
        "wegwijzer/theme/404.html",
        "wegwijzer/py.typed",
    ):
        assert needed in names, needed
    assert not [n for n in names if n.startswith("tests/")]
    with tarfile.open(sdist) as archive:
        assert any(n.endswith("/src/wegwijzer/records/models.py") for n in archive.getnames())


def test_the_installed_wheel_alone_makes_a_site_that_builds(dist: Path, tmp_path: Path) -> None:
    wheel = next(dist.glob("wegwijzer-*.whl"))
    target = tmp_path / "schoon"
    run(
        sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", target, wheel
    )
    env = {**os.environ, "PYTHONPATH": str(target), "NO_MKDOCS_2_WARNING": "1"}
    where = run(sys.executable, "-c", "import wegwijzer; print(wegwijzer.__file__)", env=env)
    assert where.strip().startswith(str(target))  # the wheel's code, not this checkout's
    site = tmp_path / "proefsite"
    run(sys.executable, "-m", "wegwijzer.cli", "init", site, "--gemeente", "Zwolle", env=env)
    run(sys.executable, "-m", "mkdocs", "build", "--strict", cwd=site, env=env)
    assert (site / "site" / "index.html").is_file()
    assert (site / "site" / "zoeken" / "index.json").is_file()
