"""Works without internet after one visit (issue 30): the service worker and the web app manifest.

The build writes `sw.js` at the site's root (its scope is the whole site, also under a sub-path
such as /gemeente/), with the list of what it keeps at once: the start page, Spoed and the
overview, the files those pages load, and the overview's data with the opening hours. Its cache
name is a hash of that list and its content, so a deploy that changes any of it replaces the
old cache. The referrers' edition gets neither file: a cache of opened pages would keep the
sealed guide readable without its passphrase.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

from wegwijzer import i18n
from wegwijzer.site.assets import minified

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICON = "icoon.svg"
PAGES = ("", "spoed/", "overzicht/")  # from a language's root
DATA = "overzicht/"  # filter.json, kaartjes/, openingstijden/ (nu open), postcodes.json
_LOADED = re.compile(r"<(?:script|link)\b[^>]*?\b(?:src|href)=\"(?P<url>[^\"#]+)\"[^>]*>", re.I)
_KEEP = re.compile(r"\.(?:js|css|svg|png|ico)(?:\?v=[0-9a-f]+)?$")


def precache(site_dir: Path) -> list[str]:
    """Paths from the site root that the worker keeps at install, in a stable order."""
    kept: list[str] = list(PAGES)
    for page in PAGES:
        html = (site_dir / page / "index.html").read_text(encoding="utf-8")
        for match in _LOADED.finditer(html):
            path = _from_root(page, match["url"])
            if path is not None and _KEEP.search(path) and path not in kept:
                kept.append(path)
    data = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / DATA).rglob("*.json"))
    return kept + data


def _from_root(page: str, url: str) -> str | None:
    """'../assets/x.js?v=1' on page 'spoed/' -> 'assets/x.js?v=1'; None for other sites."""
    if "://" in url or url.startswith(("/", "data:", "mailto:", "tel:")):
        return None
    path = posixpath.normpath(posixpath.join(page, url))
    return None if path.startswith("..") else path


def size(site_dir: Path, paths: Sequence[str]) -> int:
    """Bytes the worker keeps at install (the files as stored, before any compression)."""
    return sum(_file(site_dir, path).stat().st_size for path in paths)


def _file(site_dir: Path, path: str) -> Path:
    path = path.split("?", 1)[0]
    return site_dir / (path + "index.html" if path == "" or path.endswith("/") else path)


def worker(site_dir: Path, languages: Sequence[i18n.Language]) -> str:
    """sw.js: the packaged template with this build's lists and version."""
    paths = precache(site_dir)
    per_language = {
        lang.code: [lang.prefix + page for page in PAGES]
        for lang in languages
        if not lang.is_source
    }
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.encode() + b"\0" + _file(site_dir, path).read_bytes())
    digest.update(json.dumps(per_language, sort_keys=True).encode())
    template = files("wegwijzer").joinpath("templates", "sw.js").read_text(encoding="utf-8")
    script = (
        template.replace("@VERSION@", digest.hexdigest()[:12])
        .replace("@PRECACHE@", json.dumps(paths, separators=(",", ":")))
        .replace("@LANGUAGES@", json.dumps(per_language, separators=(",", ":"), sort_keys=True))
    )
    return minified("sw.js", script.encode("utf-8")).decode("utf-8")


def manifest(name: str, short_name: str, colour: str) -> str:
    """The web app manifest: put on the home screen, it opens the start page on its own."""
    return json.dumps(
        {
            "name": name,
            "short_name": short_name,
            "lang": "nl",
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "theme_color": colour,
            "background_color": "#ffffff",
            "icons": [{"src": ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
        },
        ensure_ascii=False,
        indent=1,
    )


def icon(colour: str) -> str:
    """A signpost in white on the site's colour; `colour` is a validated #rrggbb."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
        f'<rect width="512" height="512" rx="96" fill="{colour}"/>'
        '<g fill="#fff"><rect x="236" y="96" width="40" height="336" rx="12"/>'
        '<path d="M120 132h236l52 44-52 44H120z"/><path d="M392 248H156l-52 44 52 44h236z"/>'
        "</g></svg>"
    )


def write(
    site_dir: Path, name: str, short_name: str, colour: str, languages: Sequence[i18n.Language]
) -> None:
    """The worker, the manifest and its icon, after every page and data file is written."""
    (site_dir / ICON).write_text(icon(colour), encoding="utf-8")
    (site_dir / MANIFEST).write_text(manifest(name, short_name, colour), encoding="utf-8")
    (site_dir / WORKER).write_text(worker(site_dir, languages), encoding="utf-8")
