"""Record pages, written without mkdocs' page loop.

A site with 1,000 locations has 2,500 record pages (organisations, locations, flyers), and
five more languages make 15,000. Through mkdocs each costs Material's whole template (about
6 ms; 60% of the build at 10,000 locations), and languages would multiply the build time by
six. Every record page of one language and one folder looks the same around its content (the
same depth, never in the nav), so mkdocs renders one shell page per language and folder
(`locaties/wwshell/`, `en/locaties/wwshell/`), and each record page is that shell with the
page's own title, description, path, "Klopt er iets niet?" links and content put in.

The shell holds tokens where a page differs: the path segment `wwshell` (record ids are
slugs, so a path needs no escaping in any place it appears), and comments or upper-case words.
Every token is replaced in one pass over the shell, so record text that goes in (a name with
"WWSHELLDESC" or "wwshell" in it) is never searched for tokens again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from wegwijzer import i18n

SHELL = "wwshell"  # the shell's file name, and the path segment replaced by a record's id
FOLDERS = ("organisaties", "locaties", "flyers")
TITLE = "WWSHELLTITLE"
DESCRIPTION = "WWSHELLDESC"
BODY = "<!--WWSHELLBODY<h1-->"  # with "<h1": else Material adds a heading of its own
REPORT = "<!--WWSHELLREPORT-->"
_SEGMENT = f"/{SHELL}/"
_TOKENS = re.compile("|".join(re.escape(t) for t in (_SEGMENT, TITLE, DESCRIPTION, REPORT)))


def shell_path(language: i18n.Language, folder: str) -> str:
    return f"{language.prefix}{folder}/{SHELL}.md"


def shell_text(language: i18n.Language) -> str:
    """The shell page's Markdown: front matter with tokens, and the body's place."""
    taal = "" if language.is_source else f"taal: {language.code}\n"
    return (
        f"---\n{taal}ww_shell: true\ntitle: {TITLE}\n"
        f"description: {DESCRIPTION}\nsearch:\n  exclude: true\n---\n{BODY}"
    )


def is_shell(src_uri: str) -> bool:
    return src_uri.endswith(f"/{SHELL}.md")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Our templates' front matter: one `key: <JSON string>` per line (others skipped).
    Lines end at "\n" only: JSON keeps U+2028, U+0085 and the like as they are, and
    str.splitlines would cut a name pasted from a PDF in two."""
    if not text.startswith("---\n"):
        return {}, text
    head, _, body = text[4:].partition("\n---\n")
    meta = {}
    for line in head.split("\n"):
        key, sep, value = line.partition(": ")
        if sep and value.startswith('"'):
            meta[key] = json.loads(value)
    return meta, body.lstrip("\n")  # as mkdocs does


@dataclass(frozen=True)
class Placed:
    """Where a generated record page goes and what the shell gets filled with."""

    language: i18n.Language
    folder: str
    record_id: str
    url: str  # the page's URL path from the site root: 'en/locaties/x/'
    output: str  # the destination file, relative to the site folder


def is_record(path: str) -> bool:
    """'locaties/x.md' or 'en/locaties/x.md': a page that is written from a shell."""
    parts = path.split("/")
    return len(parts) in (2, 3) and parts[-2] in FOLDERS and parts[-1].endswith(".md")


def place(path: str, languages: dict[str, i18n.Language]) -> Placed:
    """'en/locaties/x.md' -> where it lands (directory URLs, as the plugin demands)."""
    *code, folder, name = path.split("/")
    language = languages[code[0]] if code else languages[i18n.SOURCE]
    record_id = name.removesuffix(".md")
    url = f"{language.prefix}{folder}/{record_id}/"
    return Placed(language, folder, record_id, url, url + "index.html")


def fill(
    shell: str,
    placed: Placed,
    meta: dict[str, str],
    body: str,
    report: Callable[[str, str], str],
) -> str:
    """One record page from its shell. `report(title, url)` renders the page's
    'Klopt er iets niet?' links, as the footer would."""
    title, description = meta.get("title", ""), meta.get("description", "")
    before, marker, after = shell.partition(BODY)
    if not marker or SHELL in _without_segments(before) or SHELL in _without_segments(after):
        raise ValueError(f"the shell for {placed.url} does not fit: {SHELL} is left in it")
    values = {
        _SEGMENT: f"/{placed.record_id}/",
        TITLE: title,
        DESCRIPTION: description,
        REPORT: report(title, placed.url),
    }

    def filled(part: str) -> str:  # one pass: what goes in is never searched again
        return _TOKENS.sub(lambda match: values[match[0]], part)

    return filled(before) + body + filled(after)


def _without_segments(text: str) -> str:
    """The shell without its path segments: any `wwshell` left is Material's doing."""
    return text.replace(_SEGMENT, "")
