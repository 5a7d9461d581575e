"""A Content-Security-Policy for every page, as a <meta> tag (GitHub Pages sends no headers).

Inline scripts (Material's small boot scripts, folium's map script) are allowed by their hash,
so nothing needs 'unsafe-inline' or 'unsafe-eval' for scripts. A page from the theme only gets
hashes for scripts that its templates contain (see theme_scripts): a script that slipped in
with user text is in the page, but not in a template, so the browser refuses to run it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.I)
_DATA_TYPES = ("application/json", "application/ld+json")
_TEMPLATE_SCRIPT = re.compile(r"<script>(?P<body>.*?)</script>", re.DOTALL)
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_EXPRESSION_VALUE = r"[\w./:-]*"  # base_url and the like: no quote can end the JS string


def theme_scripts(template_dirs: Iterable[str | Path]) -> list[re.Pattern[str]]:
    """One pattern per inline script in the theme's templates; '{{ ... }}' may only be a path."""
    patterns: dict[str, re.Pattern[str]] = {}
    for folder in template_dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            for match in _TEMPLATE_SCRIPT.finditer(path.read_text(encoding="utf-8")):
                body = match["body"]
                if "{%" in body or "{#" in body:
                    continue  # no such script in the theme; never trust one blindly
                parts = _EXPRESSION.split(body)
                regex = _EXPRESSION_VALUE.join(re.escape(part) for part in parts)
                patterns.setdefault(regex, re.compile(regex, re.DOTALL))
    return list(patterns.values())


def inline_script_hashes(html: str, trusted: Sequence[re.Pattern[str]] | None = None) -> list[str]:
    """'sha256-...' sources for the inline scripts a browser may run: with `trusted`, only
    those matching one of its patterns; without, every one (for documents with no user text
    in scripts, such as the map, whose data travels as JSON)."""
    hashes: list[str] = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match["attrs"].lower()
        if "src=" in attrs or any(kind in attrs for kind in _DATA_TYPES):
            continue
        if trusted is not None and not any(p.fullmatch(match["body"]) for p in trusted):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str, tile_origin: str, trusted: Sequence[re.Pattern[str]] | None = None) -> str:
    scripts = " ".join(["'self'", *inline_script_hashes(html, trusted)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            f"img-src 'self' data: {tile_origin}",
            "font-src 'self'",
            "connect-src 'self'",
            "frame-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_csp(html: str, tile_origin: str, trusted: Sequence[re.Pattern[str]] | None = None) -> str:
    """The page with its policy as the first element of <head>, before any script runs."""
    content = policy(html, tile_origin, trusted)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    head = re.search(r"<head[^>]*>", html, re.I)
    if head is None:
        return meta + html
    return html[: head.end()] + meta + html[head.end() :]
