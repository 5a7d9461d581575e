"""A municipality goes live from `wegwijzer init`, end to end, as on GitHub but offline.

The wheel is built from this checkout and served from a local package index (a PEP 503 "simple"
folder behind `python -m http.server` on 127.0.0.1). A site made with `wegwijzer init` gets the
records of another municipality (Deventer, from tests/fixtures/echt) and one broken record, and
then the `run:` steps of its own pr.yml and deploy.yml run in order, read from those files so this
test cannot drift from them:

- the install step installs the lock (requirements.txt) *with hash checking* from the index into a
  fresh venv; a wrong hash or a tampered wheel is refused;
- the pull-request check fails with `::error file=...,line=...` annotations on the broken record;
- the deploy publishes the good records, names the broken one in its log and in the job summary,
  and builds the encrypted referrers' edition from a private folder and a passphrase.

How it differs from a runner, each because a test never uses the network:
- The site is Dutch only (`talen: []`), to keep the test short; tests/test_languages.py and
  others build the other languages.
- Steps with `uses:` (checkout, setup-python, Pages upload) are skipped; the private repository's
  checkout is the `prive/` folder the test writes. `if:` and `${{ }}` are evaluated for the few
  forms the workflows use (`vars.X`, `secrets.X`, `github.X`, `!= ''`); anything else fails.
- The lock names wegwijzer alone, with its hash, in pip-compile's format. Its dependencies come from
  this test environment: the fresh venv sees them through a .pth file pointing at a folder of
  links to this environment's packages (without wegwijzer itself), so pip finds them installed and
  only wegwijzer comes from the index. Their scripts are not installed that way, so the venv gets
  a `mkdocs` launcher of its own. A site's real lock, made by `pip-compile --generate-hashes`,
  pins every dependency with its hashes too.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT, open_envelope, sealed_text
from tests.test_cli import fill_in
from tests.test_release import run
from wegwijzer import __version__
from wegwijzer.cli import main
from wegwijzer.site.plugin import skipped_summary

ECHT = ROOT / "tests" / "fixtures" / "echt" / "data"
PASSPHRASE = "lange-zin-voor-de-proef-van-deventer-2026"
PRIVATE_NAME = "Jolanda Privé-Testwaarde"
PRIVATE_PHONE = "06 4829 1375"
SECRETS = {"WEGWIJZER_VERWIJZERS_WACHTWOORD": PASSPHRASE, "WEGWIJZER_PRIVE_SLEUTEL": "sleutel"}
VARIABLES = {"WEGWIJZER_PRIVE_REPO": "gemeente-deventer/wegwijzer-prive"}
GITHUB = {"repository": "gemeente-deventer/wegwijzer", "ref_name": "main", "token": "geen"}
WHEEL = f"wegwijzer-{__version__}-py3-none-any.whl"
BROKEN = "data/locaties/inloop-kapot.yml"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from what git holds (as a runner's checkout), offline."""
    source = tmp_path_factory.mktemp("bron") / "wegwijzer"
    for name in filter(None, run("git", "ls-files", "-z").split("\0")):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, cwd=source)
    built = out / WHEEL
    assert built.is_file(), sorted(out.iterdir())
    return built


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Iterator[Path]:
    """A PEP 503 simple index on 127.0.0.1 that holds the wheel; yields its folder (the URL is
    in its `url` file)."""
    root = tmp_path_factory.mktemp("index")
    project = root / "simple" / "wegwijzer"
    project.mkdir(parents=True)
    shutil.copy2(wheel, project / WHEEL)
    (root / "simple" / "index.html").write_text('<a href="wegwijzer/">wegwijzer</a>\n')
    (project / "index.html").write_text(f'<a href="{WHEEL}">{WHEEL}</a>\n')
    server = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "--bind", "127.0.0.1", "0"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline()  # "Serving HTTP on 127.0.0.1 port 40123 (...) ..."
        port = re.search(r" port (\d+) ", first)
        assert port, first
        (root / "url").write_text(f"http://127.0.0.1:{port[1]}/simple/")
        yield root
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv without wegwijzer, whose dependencies are this environment's (see above)."""
    folder = tmp_path_factory.mktemp("venv") / "proef"
    run(sys.executable, "-m", "venv", "--without-pip", folder)
    ours = Path(sysconfig.get_paths()["purelib"])
    deps = folder / "afhankelijkheden"
    deps.mkdir()
    for entry in ours.iterdir():
        name = entry.name.lower()
        if name.startswith(("wegwijzer", "__editable__", "_wegwijzer")) or name.endswith(".pth"):
            continue
        (deps / entry.name).symlink_to(entry)
    (site_packages(folder) / "afhankelijkheden.pth").write_text(f"{deps}\n")
    launcher = folder / "bin" / "mkdocs"
    launcher.write_text(
        f"#!{folder / 'bin' / 'python'}\n"
        "import sys\nfrom mkdocs.__main__ import cli\nsys.exit(cli())\n"
    )
    launcher.chmod(0o755)
    return folder


def site_packages(venv: Path) -> Path:
    (found,) = venv.glob("lib/python3*/site-packages")
    return found


def lock(wheel: Path) -> str:
    """requirements.txt as `pip-compile --generate-hashes requirements.in` writes it."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    return (
        "#\n# This file is autogenerated by pip-compile with Python 3.11\n"
        "# by the following command:\n#\n#    pip-compile --generate-hashes requirements.in\n#\n"
        f"wegwijzer=={__version__} \\\n    --hash=sha256:{digest}\n"
        "    # via -r requirements.in\n"
    )


# --- running a workflow's steps --------------------------------------------------------------

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def evaluate(expression: str, secrets: dict[str, str], variables: dict[str, str]) -> str | bool:
    """The expressions the site's workflows use, and nothing else."""
    if match := re.fullmatch(r"(.+?)\s*(==|!=)\s*''", expression):
        value = evaluate(match[1], secrets, variables)
        return (value == "") == (match[2] == "==")
    kind, _, name = expression.partition(".")
    tables = {"secrets": secrets, "vars": variables, "github": GITHUB}
    assert kind in tables and re.fullmatch(r"\w+", name), f"unknown expression: {expression}"
    return tables[kind].get(name, "")


def substitute(text: str, secrets: dict[str, str], variables: dict[str, str]) -> str:
    return EXPRESSION.sub(lambda m: str(evaluate(m[1], secrets, variables)), str(text))


def steps(workflow: Path, job: str) -> tuple[dict[str, str], list[dict[str, Any]]]:
    jobs = YAML(typ="safe").load(workflow.read_text(encoding="utf-8"))["jobs"]
    return jobs[job].get("env", {}), jobs[job]["steps"]


def run_job(
    site: Path,
    workflow: str,
    job: str,
    env: dict[str, str],
    *,
    secrets: dict[str, str] | None = None,
    variables: dict[str, str] | None = None,
    only: str | None = None,
) -> list[tuple[str, int, str]]:
    """Each `run:` step of the job in order, in bash as the runner does (`bash -e {0}`), until
    one fails (a step with `continue-on-error` may fail). Returns (step name, exit code,
    stdout + stderr) per step that ran."""
    secrets, variables = secrets or {}, variables or {}
    job_env, job_steps = steps(site / ".github" / "workflows" / workflow, job)
    results = []
    for step in job_steps:
        if "uses" in step or (only and step["name"] != only):
            continue
        condition = step.get("if")
        if condition is not None:
            inner = EXPRESSION.fullmatch(condition.strip())
            if not evaluate(inner[1] if inner else condition, secrets, variables):
                continue
        step_env = {**job_env, **step.get("env", {})}
        full_env = {**env, **{k: substitute(v, secrets, variables) for k, v in step_env.items()}}
        script = step["run"]
        assert "${{" not in script, "an expression in a script: pass it through env instead"
        cwd = site / step.get("working-directory", ".")
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", script],
            cwd=cwd,
            env=full_env,
            capture_output=True,
            text=True,
            check=False,
        )
        results.append((step["name"], done.returncode, done.stdout + done.stderr))
        if done.returncode != 0 and not step.get("continue-on-error"):
            break
    return results


def runner_env(venv: Path, index: Path, temp: Path) -> dict[str, str]:
    """What a runner's shell has after setup-python, pointed at the local index only."""
    summary = temp / "step_summary.md"
    summary.touch()
    return {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(temp),
        "LANG": "C.UTF-8",
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "RUNNER_TEMP": str(temp),
        "PIP_CONFIG_FILE": os.devnull,  # no mirror or constraints of this machine
        "PIP_INDEX_URL": (index / "url").read_text(),
        "PIP_NO_CACHE_DIR": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PIP_NO_INPUT": "1",
        "PIP_DEFAULT_TIMEOUT": "10",
        "NO_MKDOCS_2_WARNING": "1",
    }


# --- the site --------------------------------------------------------------------------------


def make_site(folder: Path) -> Path:
    """`wegwijzer init`, filled in to go live, with Deventer's records and one broken record."""
    site = folder / "wegwijzer-deventer"
    assert main(["init", str(site), "--gemeente", "Deventer"]) == 0
    assert (site / "requirements.in").read_text().splitlines()[-1] == f"wegwijzer=={__version__}"
    assert not (site / "requirements.txt").exists()  # the town locks it (requirements.in says how)
    fill_in(site)  # the go-live edits of tests/test_cli.py; its Zwolle records make way
    config = site / "mkdocs.yml"  # Dutch only: the five other languages would triple the time
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  wegwijzer:\n", "  wegwijzer:\n    talen: []\n", 1))
    for own in site.glob("data/*/*.yml"):
        own.unlink()
    for kind, names in {
        "organisaties": ["gemeente-deventer", "geldfit"],
        "locaties": ["stadhuis-deventer"],
    }.items():
        for name in names:
            shutil.copy(ECHT / kind / f"{name}.yml", site / "data" / kind / f"{name}.yml")
    shutil.copy(ECHT / "geocache.yml", site / "data" / "geocache.yml")
    broken = (ECHT / "locaties" / "stadhuis-deventer.yml").read_text(encoding="utf-8")
    broken = broken.replace("id: stadhuis-deventer", "id: inloop-kapot")
    broken = broken.replace(
        "naam: Stadhuis Deventer", 'naam: Inloop Kapot\ntelefon: "0570 123 456"'
    )
    broken = broken.replace('tot: "12:00"', 'tot: "25:00"')
    (site / BROKEN).write_text(broken, encoding="utf-8")
    private = site / "prive" / "organisaties"  # what the deploy checks out from the private repo
    private.mkdir(parents=True)
    (private / "gemeente-deventer.yml").write_text(
        "id: gemeente-deventer\n"
        "verwijzen: Bel de consulent van het team schulden direct.\n"
        "contactpersonen:\n"
        f"  - naam: {PRIVATE_NAME}\n"
        "    functie: Consulent schulden\n"
        f'    telefoon: "{PRIVATE_PHONE}"\n'
        "    zichtbaarheid: verwijzers\n",
        encoding="utf-8",
    )
    return site


def test_a_wrong_hash_or_a_tampered_wheel_is_refused(
    tmp_path: Path, index: Path, venv: Path, wheel: Path
) -> None:
    env = runner_env(venv, index, tmp_path)
    install = ["python", "-m", "pip", "install", "--require-hashes", "-r", "requirements.txt"]
    wrong = re.sub(r"sha256:[0-9a-f]{64}", "sha256:" + "0" * 64, lock(wheel))
    (tmp_path / "requirements.txt").write_text(wrong)
    refused = subprocess.run(install, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert refused.returncode != 0 and "DO NOT MATCH THE HASHES" in refused.stderr

    served = index / "simple" / "wegwijzer" / WHEEL
    original = served.read_bytes()
    try:
        with zipfile.ZipFile(served, "a") as archive:  # someone else's upload under the name
            archive.writestr("wegwijzer/kwaadaardig.py", "print('gekaapt')\n")
        (tmp_path / "requirements.txt").write_text(lock(wheel))
        refused = subprocess.run(install, cwd=tmp_path, env=env, capture_output=True, text=True)
        assert refused.returncode != 0 and "DO NOT MATCH THE HASHES" in refused.stderr
    finally:
        served.write_bytes(original)
    assert not list(site_packages(venv).glob("wegwijzer*")), "nothing was installed"


def test_a_new_site_installs_checks_and_deploys_from_its_own_workflows(
    tmp_path: Path, index: Path, venv: Path, wheel: Path
) -> None:
    site = make_site(tmp_path)
    runner = tmp_path / "runner"
    runner.mkdir()
    env = runner_env(venv, index, runner)

    # Without the lock, the install step says what to do, on requirements.in.
    install = "Wegwijzer installeren"
    ((_, code, out),) = run_job(site, "pr.yml", "controle", env, only=install)
    assert code == 1 and "::error file=requirements.in," in out and "pip-compile" in out

    (site / "requirements.txt").write_text(lock(wheel))

    # The pull request: installed with hashes from the index, then the check fails on the record.
    results = run_job(site, "pr.yml", "controle", env)
    assert [(name, code) for name, code, _ in results] == [
        ("Wegwijzer installeren", 0),
        ("Gegevens controleren", 1),
    ], results
    installed = run("python", "-c", "import wegwijzer; print(wegwijzer.__file__)", env=env)
    assert installed.strip().startswith(str(site_packages(venv))), "the wheel, not the checkout"
    annotations = [line for line in results[1][2].splitlines() if line.startswith("::error ")]
    assert annotations and all(f"file={BROKEN},line=" in line for line in annotations), annotations
    assert any(",line=3,title=telefon::" in line for line in annotations), annotations
    assert any(".tot::'25:00' is geen geldige tijd" in line for line in annotations), annotations

    # The deploy: the good records go live, the broken one is named; the referrers' edition is
    # built encrypted from the private folder.
    shutil.rmtree(site / "site", ignore_errors=True)
    results = run_job(site, "deploy.yml", "bouwen", env, secrets=SECRETS, variables=VARIABLES)
    assert [(name, code) for name, code, _ in results] == [
        ("Wegwijzer installeren", 0),
        ("Klaar om te publiceren?", 0),
        ("Site bouwen", 0),
        ("Verwijzersgids versleuteld bouwen", 0),
    ], results
    build_log = results[2][2]
    assert f"Niet gepubliceerd: {BROKEN} staat niet op de site" in build_log
    assert f"::warning file={BROKEN},line=" in build_log
    summary = Path(env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")
    assert "Niet gepubliceerd" in summary and "inloop-kapot.yml" in summary
    built = site / "site"
    assert (built / "organisaties" / "gemeente-deventer" / "index.html").is_file()
    assert (built / "locaties" / "stadhuis-deventer" / "index.html").is_file()
    assert not (built / "locaties" / "inloop-kapot").exists()
    guide = built / "verwijzers"
    assert (guide / "index.html").is_file()
    assert len([p for p in guide.rglob("*") if p.is_file()]) > 10
    page = guide / "organisaties" / "gemeente-deventer" / "index.html"
    opened = open_envelope(sealed_text(page.read_bytes(), "index.html"), PASSPHRASE).decode()
    assert PRIVATE_NAME in opened  # the private folder was used, and only sealed
    for path in built.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in (PRIVATE_NAME, PRIVATE_PHONE, PASSPHRASE):
                assert secret.encode() not in data, (path, secret)

    # A guide that cannot be built (here: too short a passphrase) is not published, and the
    # step fails, but the job goes on: the public site is still published.
    only = "Verwijzersgids versleuteld bouwen"
    short = {**SECRETS, "WEGWIJZER_VERWIJZERS_WACHTWOORD": "kort"}
    ((_, code, out),) = run_job(site, "deploy.yml", "bouwen", env, secrets=short, only=only)
    assert code == 1 and "::error title=Verwijzersgids niet gebouwd::" in out
    assert not guide.exists() and (built / "index.html").is_file()

    # Without the secrets the public site is published alone, with a clear notice.
    shutil.rmtree(site / "prive")
    ((_, code, out),) = run_job(site, "deploy.yml", "bouwen", env, only=only)
    assert code == 0 and "::notice title=Verwijzersgids niet gebouwd::" in out


# --- the pieces the deploy relies on, quickly --------------------------------------------------


def test_the_go_live_gate_stops_for_leftovers_not_for_a_record_the_build_leaves_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert main(["init", str(site), "--gemeente", "Deventer"]) == 0
    gate = ["-f", str(site / "mkdocs.yml"), "check", "--publiceren", "--format", "github"]
    monkeypatch.setenv("WEGWIJZER_BIJ_FOUTEN", "overslaan")
    assert main(gate) == 1  # the starter's sample records and placeholders: not live yet
    fill_in(site)
    broken = site / "data" / "organisaties" / "op-orde-zwolle.yml"
    broken.write_text(broken.read_text().replace("fases: [preventie, aanmelding]", "fases: []"))
    capsys.readouterr()
    assert main(gate) == 0  # the lenient deploy leaves the record out and names it
    assert "::error file=data/organisaties/op-orde-zwolle.yml,line=6" in capsys.readouterr().out
    monkeypatch.delenv("WEGWIJZER_BIJ_FOUTEN")
    assert main(gate) == 1  # a strict site (bij_fouten: stoppen) stops for it, as before


def test_the_job_summary_names_skipped_records_as_plain_text() -> None:
    line = (
        "data/organisaties/x.yml staat niet op de site: regel 3: Hulp [klik](https://evil.example)"
        " @iedereen <img src=x> `code` & *nu*\n# kop"
    )
    text = skipped_summary([line], "openbaar")
    assert text.startswith("### Niet gepubliceerd (site)\n\n1 bestand staat niet op de site")
    (item,) = [row for row in text.splitlines() if row.startswith("- ")]
    assert item == (
        r"- data/organisaties/x.yml staat niet op de site: regel 3: Hulp \[klik\](https://evil."
        r"example) &#64;iedereen \<img src=x\> \`code\` &amp; \*nu\* \# kop"
    )


def test_the_guides_job_summary_names_files_but_quotes_no_private_value() -> None:
    line = f"prive/organisaties/x.yml staat niet op de site: regel 5: '{PRIVATE_PHONE}' is fout"
    text = skipped_summary([line], "verwijzers")
    assert "- prive/organisaties/x.yml\n" in text and PRIVATE_PHONE not in text
    assert text.startswith("### Niet gepubliceerd (verwijzersgids)")


def test_the_lock_is_made_and_installed_the_same_way_wherever_it_is_described(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make = "pip-compile --generate-hashes requirements.in"
    install = "python -m pip install --require-hashes -r requirements.txt"
    assert main(["init", str(tmp_path / "site"), "--gemeente", "Deventer"]) == 0
    said = capsys.readouterr().out
    docs = ROOT / "docs" / "beheer"
    starten = (docs / "starten.md").read_text(encoding="utf-8")
    uitbrengen = (docs / "uitbrengen.md").read_text(encoding="utf-8")
    header = (tmp_path / "site" / "requirements.in").read_text(encoding="utf-8")
    for where, text in {"init": said, "starten.md": starten, "requirements.in": header}.items():
        assert make in text.replace("../.venv/bin/", "").replace(".venv/bin/", ""), where
    assert make in uitbrengen and install in uitbrengen
    for workflow in (tmp_path / "site" / ".github" / "workflows").glob("*.yml"):
        _, job_steps = next(
            steps(workflow, job)
            for job in YAML(typ="safe").load(workflow.read_text(encoding="utf-8"))["jobs"]
        )
        (step,) = [s for s in job_steps if s["name"] == "Wegwijzer installeren"]
        assert step["run"].rstrip().endswith(install) and make in step["run"], workflow.name
