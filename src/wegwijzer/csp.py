"""A Content-Security-Policy for every page, as a <meta> tag (GitHub Pages sends no headers).

Inline scripts (Material's small boot scripts, folium's map script) are allowed by their hash,
computed from the finished HTML, so nothing needs 'unsafe-inline' or 'unsafe-eval' for scripts.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.I)
_DATA_TYPES = ("application/json", "application/ld+json")


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-...' sources for every inline script that a browser would run."""
    hashes: list[str] = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match["attrs"].lower()
        if "src=" in attrs or any(kind in attrs for kind in _DATA_TYPES):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str, tile_origin: str) -> str:
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
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


def with_csp(html: str, tile_origin: str) -> str:
    """The page with its policy as the first element of <head>, before any script runs."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, tile_origin)}">'
    head = re.search(r"<head[^>]*>", html, re.I)
    if head is None:
        return meta + html
    return html[: head.end()] + meta + html[head.end() :]
