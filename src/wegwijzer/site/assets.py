"""Our CSS and JavaScript as the site serves them: minified, and versioned for long caching.

The package keeps readable sources in assets/; at build time every .js and .css of ours is
minified with rjsmin and rcssmin (the vendored Leaflet files are minified already and are left
as they are). Every reference to one of these files carries `?v=<hash of the served content>`,
so a host may let browsers keep them for a year: a changed file has a new address. A query
rather than a new file name keeps the paths stable for mkdocs' extra_css/extra_javascript,
the map frame, the sealed pages' opener and the Content-Security-Policy ('self').
"""

from __future__ import annotations

import functools
import hashlib
from importlib.resources import as_file, files
from pathlib import Path

import rcssmin
import rjsmin

from wegwijzer.i18n import Language

ASSET_ROOT = "assets/wegwijzer"
_VERSION_LENGTH = 10


def minified(relative: str, data: bytes) -> bytes:
    """The file as served: our own .js and .css minified, everything else unchanged."""
    if relative.startswith("vendor/"):
        return data
    if relative.endswith(".js"):
        js: str = rjsmin.jsmin(data.decode("utf-8"))
        return js.encode("utf-8")
    if relative.endswith(".css"):
        css: str = rcssmin.cssmin(data.decode("utf-8"))
        return css.encode("utf-8")
    return data


def packaged() -> dict[str, bytes]:
    """{path under assets/: served content} for every file shipped in the package's assets/.
    Minified once per file and change (`mkdocs serve` picks up an edited script)."""
    found = {}
    with as_file(files("wegwijzer").joinpath("assets")) as folder:
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            relative = path.relative_to(folder).as_posix()
            if not relative.endswith(".md"):
                found[relative] = _served(relative, path, path.stat().st_mtime_ns)
    return found


@functools.cache
def _served(relative: str, path: Path, changed: int) -> bytes:
    return minified(relative, path.read_bytes())


def version(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:_VERSION_LENGTH]


def versioned(path: str, content: bytes) -> str:
    """`path?v=<hash>` for a file the build writes itself (the colours' CSS)."""
    return f"{path}?v={version(content)}"


def asset_url(relative: str, prefix: str = ASSET_ROOT) -> str:
    """The versioned address of a packaged asset: asset_url('js/zoeken.js') ->
    'assets/wegwijzer/js/zoeken.js?v=…'; `prefix` is where assets/wegwijzer is seen from."""
    return versioned(f"{prefix.rstrip('/')}/{relative}", packaged()[relative])


@functools.cache
def script_messages() -> tuple[str, ...]:
    """The Dutch texts our scripts show: every wwT("...") in assets/js (see teksten.js)."""
    from babel.messages.extract import extract_from_file

    found: dict[str, None] = {}
    root = files("wegwijzer").joinpath("assets", "js")
    with as_file(root) as folder:
        for path in sorted(Path(folder).glob("*.js")):
            for _line, message, _comments, _context in extract_from_file(
                "javascript", str(path), keywords={"wwT": None}
            ):
                if isinstance(message, str):
                    found[message] = None
    from wegwijzer.records.vocab import STATUSSEN

    found.update(dict.fromkeys(STATUSSEN.values()))  # card data carries the Dutch label
    return tuple(found)


@functools.cache
def script_texts(language: Language) -> bytes:
    """teksten/<code>.js: the scripts' texts in `language`, loaded before teksten.js."""
    import json

    words = {m: language.translations.gettext(m) for m in script_messages()}
    words = {m: t for m, t in words.items() if t != m}
    body = json.dumps(words, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"window.wegwijzerTeksten = {body};\n".encode()
