"""The referrers' edition under lock: every page and data file encrypted at build time.

AES-256-GCM (authenticated: a wrong passphrase or a changed byte fails, never shows rubbish),
with the key derived by PBKDF2-SHA256 at 600,000 iterations (OWASP 2023). The browser derives
the same key with the Web Crypto API (assets/js/slot.js). One random salt per build: changing
the passphrase is one secret and one rebuild.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from html import escape

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from wegwijzer.settings.config import PASSPHRASE_ENV
from wegwijzer.site.assets import asset_url
from wegwijzer.site.csp import policy

ITERATIONS = 600_000
MIN_LENGTH = 12
SCRIPT = "assets/wegwijzer/js/slot.js"  # served as asset_url("js/slot.js"): with its version
# Files anyone may read: the theme's and our own code and styles, the same in every edition.
PUBLIC_SUFFIXES = (".css", ".js", ".png", ".svg", ".woff", ".woff2", ".ico", ".map", ".txt")


class PassphraseError(Exception):
    """The passphrase is missing or too short; the message says what to do."""


def passphrase_from_env() -> str:
    value = os.environ.get(PASSPHRASE_ENV, "")
    if not value:
        raise PassphraseError(
            f"De verwijzersgids wordt alleen versleuteld gebouwd. Zet het wachtwoord in de "
            f"omgevingsvariabele {PASSPHRASE_ENV}. Er is niets geschreven."
        )
    if len(value) < MIN_LENGTH:
        raise PassphraseError(
            f"Het wachtwoord in {PASSPHRASE_ENV} is te kort. Gebruik minstens {MIN_LENGTH} tekens."
        )
    if problem := passphrase_problem(value):
        raise PassphraseError(
            f"Het wachtwoord in {PASSPHRASE_ENV} wordt niet gebruikt: {problem} "
            "Er is niets geschreven."
        )
    return value


# Passwords people pick first; with digits or signs around them they are guessed just as fast
COMMON_PASSWORDS = frozenset(
    {
        "wachtwoord", "password", "passwort", "welkom", "welcome", "geheim", "secret",
        "qwerty", "qwertyuiop", "azerty", "abc", "abcdef", "abcdefghijkl", "letmein", "admin",
        "verwijzers", "verwijzersgids", "wegwijzer", "schuldhulp", "gemeente", "iloveyou",
        "zomer", "winter", "voorjaar", "herfst", "hallo", "test", "changeme",
    }
)  # fmt: skip
_REPEAT = re.compile(r"^(.{1,4}?)\1+$", re.DOTALL)


def passphrase_problem(value: str) -> str | None:
    """Why a passphrase is refused, without ever repeating it (the build log is public)."""
    if any(unicodedata.category(char).startswith("C") for char in value):
        return "er staat een onzichtbaar teken in (zoals een Enter of tab). Haal het weg."
    if value != value.strip():
        return "het begint of eindigt met een spatie of Enter. Haal die weg."
    if _REPEAT.match(value) or len(set(value)) < 5:
        return "het herhaalt steeds dezelfde tekens. Kies een wachtwoord dat niet te raden is."
    letters = "".join(char for char in value.casefold() if char.isalpha())
    if not letters or letters in COMMON_PASSWORDS:
        return "het is een veelgebruikt wachtwoord. Kies een wachtwoord dat niet te raden is."
    return None


MIN_SEALED = 2048  # every sealed file is at least this big
_FILL = ', "opvulling": ""'  # what the padding field adds besides its value


def padded_length(length: int) -> int:
    """The size bucket of a length (Padmé): at most 12 % bigger, and a length gives away
    only about log log of its bits."""
    length = max(length, MIN_SEALED)
    exponent = length.bit_length() - 1
    mask = (1 << (exponent - exponent.bit_length())) - 1
    return (length + mask) & ~mask


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@dataclass
class Sealer:
    """One key per build, derived once; every file gets its own random nonce."""

    passphrase: str
    iterations: int = ITERATIONS
    salt: bytes = field(default_factory=lambda: os.urandom(16))

    def __post_init__(self) -> None:
        kdf = PBKDF2HMAC(hashes.SHA256(), 32, self.salt, self.iterations)
        self._aead = AESGCM(kdf.derive(self.passphrase.encode("utf-8")))

    def seal(self, data: bytes) -> str:
        """A JSON envelope with everything the browser needs except the passphrase, padded
        with random text to a size bucket: a file's size no longer tells which organisations
        have private contacts (the browser ignores "opvulling")."""
        nonce = os.urandom(12)
        envelope = {
            "versie": 1,
            "kdf": "PBKDF2-SHA256",
            "iteraties": self.iterations,
            "zout": _b64(self.salt),
            "nonce": _b64(nonce),
            "data": _b64(self._aead.encrypt(nonce, data, None)),
        }
        text = json.dumps(envelope)
        fill = padded_length(len(text) + len(_FILL)) - len(text) - len(_FILL)
        envelope["opvulling"] = _b64(os.urandom(fill))[:fill]  # random: gzip cannot shrink it
        return json.dumps(envelope)

    def seal_file(self, path: str, data: bytes) -> bytes:
        """Any non-public file: an envelope; gzip files stay gzip files."""
        if path.endswith(".gz"):
            return gzip.compress(self.seal(gzip.decompress(data)).encode("utf-8"), mtime=0)
        return self.seal(data).encode("utf-8")

    def lock_page(self, html: str, depth: int, tile_origin: str, root: str | None = None) -> str:
        """The page as a passphrase form; its policy already allows the hidden page's scripts.
        `root`: the site's path on its host ('/verwijzers/'), for a page served at any depth."""
        root = (root.rstrip("/") + "/") if root else "../" * depth
        envelope = self.seal(html.encode("utf-8"))
        return _SHELL.format(
            csp=escape(policy(html, tile_origin)),
            script=escape(root + asset_url("js/slot.js")),
            envelope=envelope,  # base64 and JSON punctuation only: nothing to escape
        )


def is_public_file(path: str) -> bool:
    return path.startswith("assets/") and path.endswith(PUBLIC_SUFFIXES)


_SHELL = """<!doctype html>
<html lang="nl">
<head>
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Verwijzersgids: wachtwoord nodig</title>
<link rel="icon" href="data:,">
<style>
body {{ font: 1.1rem/1.5 system-ui, sans-serif; margin: 0; padding: 2rem 1rem; color: #1a1a1a; }}
main {{ max-width: 32rem; margin: 0 auto; }}
label, input, button {{ display: block; font: inherit; }}
input {{ width: 100%; box-sizing: border-box; padding: .5rem; margin: .25rem 0 1rem;
  border: 2px solid #333; }}
button {{ padding: .5rem 1.25rem; background: #1a4f8b; color: #fff; border: 0; cursor: pointer; }}
input:focus, button:focus {{ outline: 3px solid #f5a623; outline-offset: 2px; }}
.ww-slot-melding {{ font-weight: bold; color: #a00; min-height: 1.5em; }}
</style>
<script src="{script}" defer></script>
</head>
<body>
<main>
<h1>Verwijzersgids</h1>
<p>Deze gids is alleen voor verwijzers. Vul het wachtwoord in dat u van de coördinator kreeg.</p>
<form id="ww-slot" hidden>
<label for="ww-slot-wachtwoord">Wachtwoord</label>
<input id="ww-slot-wachtwoord" type="password" autocomplete="current-password" required>
<button type="submit">Gids openen</button>
<p class="ww-slot-melding" id="ww-slot-melding" role="alert"></p>
</form>
<noscript><p>Zet JavaScript aan om de gids te openen.</p></noscript>
</main>
<script type="application/json" id="ww-slot-data">{envelope}</script>
</body>
</html>
"""
