"""Shared fixtures. The network guard itself is pytest-socket, switched on in pyproject.toml
(`--disable-socket`), so it applies to every test without exception."""

from __future__ import annotations

import base64
import functools
import gzip
import json
import os
import shutil
from pathlib import Path

import folium  # noqa: F401  (imported before the socket guard: urllib3 probes IPv6 on import)
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from mkdocs.commands.build import build as _build
from mkdocs.config import load_config

from wegwijzer.site.encryption import is_public_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).parent / "example-files"
# The product's own sample site. Never the repository's data/ or mkdocs.yml: those are the demo
# site, which a municipality replaces with its own.
SAMPLE = Path(__file__).parent / "fixtures" / "voorbeeldstad"


# The fast lane (`pytest -m unit`): modules that check records, hours, fields, schemas and
# commands without building a site or starting a browser. Every other module is `site` (it
# builds at least one site) or `browser` (tests/browser/); a new module is `site` until it
# is put here, so the unit lane never slows down unseen.
UNIT_MODULES = {
    "test_catalogs_complete.py",
    "test_docs_match_init.py",
    "test_fields.py",
    "test_golive.py",
    "test_hours.py",
    "test_init_hardening.py",
    "test_invalid_files.py",
    "test_kaart.py",
    "test_layers.py",
    "test_network_guard.py",
    "test_one_source.py",
    "test_postcodes.py",
    "test_sample_data.py",
    "test_schema.py",
    "test_startup.py",
    "test_update.py",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.fspath))
        if "browser" in path.parts:
            item.add_marker(pytest.mark.browser)
        elif path.name in UNIT_MODULES:
            item.add_marker(pytest.mark.unit)
        else:
            item.add_marker(pytest.mark.site)


@pytest.fixture(autouse=True)
def _not_on_a_github_runner(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds in tests behave the same on GitHub's runners as here: no annotations printed
    into the product's own CI log and nothing appended to its job summary, unless a test
    sets these itself."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def base_site(tmp_path: Path) -> Path:
    """A copy of the small valid example site; returns its mkdocs.yml."""
    shutil.copytree(EXAMPLES / "basis", tmp_path / "site")
    return tmp_path / "site" / "mkdocs.yml"


def build_site(config: Path, out: Path) -> Path:
    """Build in this process, so the network guard (pytest-socket) covers the whole build."""
    _build(load_config(str(config), site_dir=str(out), strict=True))
    return out


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Voorbeeldstad fixture site, built once per test run, offline."""
    return build_site(SAMPLE / "mkdocs.yml", tmp_path_factory.mktemp("voorbeeldstad"))


PASSPHRASE = "proef-wachtwoord-voor-tests"  # the referrers' edition in tests; never a real one


@pytest.fixture(scope="session")
def referrers_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's referrers' edition with the private overlay, encrypted with PASSPHRASE."""
    os.environ["WEGWIJZER_VERWIJZERS_WACHTWOORD"] = PASSPHRASE
    try:
        out = tmp_path_factory.mktemp("verwijzers")
        return build_site(SAMPLE / "mkdocs.verwijzers.yml", out)
    finally:
        del os.environ["WEGWIJZER_VERWIJZERS_WACHTWOORD"]


@pytest.fixture(scope="session")
def referrers_opened(referrers_site: Path) -> dict[str, str]:
    """Every non-public file of the encrypted edition, decrypted with the passphrase."""
    opened = {}
    for path in referrers_site.rglob("*"):
        name = path.relative_to(referrers_site).as_posix()
        if path.is_file() and not is_public_file(name):
            plain = open_envelope(sealed_text(path.read_bytes(), name))
            opened[name] = plain.decode("utf-8", errors="replace")
    return opened


def open_envelope(text: str, passphrase: str = PASSPHRASE) -> bytes:
    """What the browser does, in Python: for tests that read the encrypted edition."""
    box = json.loads(text)
    salt, nonce, data = (base64.b64decode(box[k]) for k in ("zout", "nonce", "data"))
    return AESGCM(_key(passphrase, salt, box["iteraties"])).decrypt(nonce, data, None)


@functools.cache
def _key(passphrase: str, salt: bytes, iterations: int) -> bytes:
    """One derivation per build, as the browser keeps the key: 600,000 rounds take a while."""
    return PBKDF2HMAC(hashes.SHA256(), 32, salt, iterations).derive(passphrase.encode())


def sealed_text(raw: bytes, name: str) -> str:
    """The JSON envelope inside a file of the encrypted edition (a page holds it in a script)."""
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8")
    if name.endswith(".html"):
        start = text.index('id="ww-slot-data">') + len('id="ww-slot-data">')
        return text[start : text.index("</script>", start)]
    return text
