"""sitemap.xml (written by mkdocs when site_url is set): every record page, and each page's
versions in the other languages.

The languages' alternates go here and not in each page's <head>: Material's script fetches
`sitemap.xml` next to every `<link rel="alternate">` it finds (six extra requests, five of them
404s, on each page a phone loads). Search engines read `xhtml:link` alternates from the
sitemap just as well (https://developers.google.com/search/docs/specialty/international).
"""

from __future__ import annotations

import gzip
import html
import re
from collections.abc import Iterable
from pathlib import Path

from wegwijzer import i18n
from wegwijzer.site.shells import SHELL

_URL_BLOCK = re.compile(r"[ \t]*<url>(?:(?!</url>).)*?</url>\n?", re.S)
_LOC = re.compile(r"<loc>([^<]*)</loc>")
_XHTML = 'xmlns:xhtml="http://www.w3.org/1999/xhtml"'


def rewrite(
    site_dir: Path,
    site_url: str | None,
    written: dict[str, list[str]],
    languages: Iterable[i18n.Language],
    translated: frozenset[str],
) -> None:
    """Put each record page in the place of its shell, and add the languages' alternates."""
    sitemap = site_dir / "sitemap.xml"
    if not site_url or not sitemap.is_file():
        return
    root = site_url.rstrip("/") + "/"
    languages = list(languages)
    longest_first = sorted(written, key=len, reverse=True)  # en/locaties/ before locaties/

    def expand(found: re.Match[str]) -> str:
        block = found.group(0)
        if f"/{SHELL}/" in block:
            shell = next((s for s in longest_first if f"/{s.removesuffix('.md')}/" in block), "")
            ids = written.get(shell, [])
            return "".join(
                _with_alternates(block.replace(f"/{SHELL}/", f"/{i}/"), root, languages, True)
                for i in ids
            )
        return _with_alternates(block, root, languages, False, translated)

    text = _URL_BLOCK.sub(expand, sitemap.read_text(encoding="utf-8"))
    if len(languages) > 1:
        text = text.replace("<urlset ", f"<urlset {_XHTML} ", 1)
    sitemap.write_text(text, encoding="utf-8")
    gz = site_dir / "sitemap.xml.gz"
    if gz.exists():
        with gzip.GzipFile(gz, "wb", mtime=0) as out:
            out.write(text.encode("utf-8"))


def _with_alternates(
    block: str,
    root: str,
    languages: list[i18n.Language],
    everywhere: bool,
    translated: frozenset[str] = frozenset(),
) -> str:
    found = _LOC.search(block)
    if len(languages) < 2 or found is None:
        return block
    url = html.unescape(found.group(1))
    if not url.startswith(root):
        return block
    path = url[len(root) :]
    own = next((lang for lang in languages[1:] if path.startswith(lang.prefix)), languages[0])
    base = path.removeprefix(own.prefix)
    if not (everywhere or base in translated):
        return block
    links = "".join(
        f'\n         <xhtml:link rel="alternate" hreflang="{lang.code}" '
        f'href="{html.escape(root + lang.prefix + base)}"/>'
        for lang in languages
    )
    return block.replace("</loc>", "</loc>" + links, 1)
