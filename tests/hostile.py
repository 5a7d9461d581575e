"""A corpus of hostile strings, and sample data with one in every text field.

Every payload that could run tries to set `window.__pwned`; a test then checks it stays unset.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from tests.conftest import SAMPLE
from wegwijzer.records.loader import _BAD_CHARACTER

FLAG = "window.__pwned=1"

_MARKUP = [
    f"<script>{FLAG}</script>",
    f"</script><script>{FLAG}</script>",
    f"<img src=x onerror={FLAG}>",
    f'<img src="x" onerror="{FLAG}">',
    f"<svg onload={FLAG}>",
    f"<svg><script>{FLAG}</script></svg>",
    f"<body onload={FLAG}>",
    "<iframe srcdoc='<script>parent.__pwned=1</script>'></iframe>",
    f'<a href="javascript:{FLAG}">klik</a>',
    f"<details open ontoggle={FLAG}>",
    f"<math><mtext><script>{FLAG}</script></mtext></math>",
    f"<style>@import 'x';</style><b onmouseover={FLAG}>b</b>",
    f"<!--<script>{FLAG}</script>-->",
    f"<![CDATA[<script>{FLAG}</script>]]>",
    f'<noscript><p title="</noscript><img src=x onerror={FLAG}>">',
    f"<template><script>{FLAG}</script></template>",
    f"<object data='javascript:{FLAG}'></object>",
    f"<embed src='javascript:{FLAG}'>",
    f"<form action='javascript:{FLAG}'><button>x</button></form>",
    f"<input autofocus onfocus={FLAG}>",
    f"<marquee onstart={FLAG}>",
    f"<video><source onerror={FLAG}></video>",
    f"<base href='javascript:{FLAG}//'>",
    f"<meta http-equiv=refresh content='0;url=javascript:{FLAG}'>",
    f"<link rel=import href='data:text/html,<script>{FLAG}</script>'>",
    f"<textarea></textarea><script>{FLAG}</script>",
    f"<title></title><script>{FLAG}</script>",
    "<div style='position:fixed;inset:0;background:red'>overlay</div>",
]
_SCRIPT_CONTEXT = [
    f"'; {FLAG}; '",
    f'"; {FLAG}; "',
    f"`; {FLAG}; `",
    f"${{{FLAG}}}",
    f"`${{{FLAG}}}`",
    f"\\'; {FLAG}; //",
    f'\\"; {FLAG}; //',
    f"\\`${{{FLAG}}}\\`",
    f"{{{{ {FLAG} }}}}",
    f"{{% {FLAG} %}}",
    f"}}); {FLAG}; ({{",
    f"]); {FLAG}; ([",
    f"*/ {FLAG}; /*",
    f"--> {FLAG} <!--",
    f"\u2028{FLAG}\u2029",
    "\\u003cscript\\u003e" + FLAG + "\\u003c/script\\u003e",
    "&lt;script&gt;" + FLAG + "&lt;/script&gt;",
    "&#60;script&#62;" + FLAG,
    "%3Cscript%3E" + FLAG + "%3C/script%3E",
]
_URLS = [
    f"javascript:{FLAG}",
    f"JaVaScRiPt:{FLAG}",
    f" javascript:{FLAG}",
    f"data:text/html,<script>{FLAG}</script>",
    f"data:text/html;base64,{'PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+'}",
    f"vbscript:{FLAG}",
    "https://evil.example/?q=<script>",
    "//evil.example",
    "http://127.0.0.1:1/",
]
_QUOTES = ["'", '"', "`", "‘’", "“”", "„“", "«»", "‹›", "'\"`", "\\", "\\\\", "\\n\\r\\t", "\\x3c"]
_UNICODE = [
    "\u202eesrever\u202c",
    "abc\u202edef",
    "\u200b\u200c\u200d\ufeffnul",
    "Z\u0351\u0353\u0359a\u0352\u0346l\u0344g\u0367o\u0312",
    "🙂💸🏦🧾",
    "👩🏽‍👩🏽‍👧🏽‍👦🏽",
    "مرحبا بكم في مكتب المساعدة",
    "שלום",
    "Ljouwert – Frysk: ‘t is goed",
    "İstanbul ığüşöç",
    "'s-Hertogenbosch",
    "Ĳsselmonde",
    "\u0000nul-teken".replace("\u0000", "␀"),
    "tab\there",
    "regel\nnieuwe regel",
    "carriage\rreturn",
    "\u00a0harde spatie\u00a0",
    "ﬁﬂ ligaturen",
    "𝕏𝕪𝕫 wiskunde",
    "Ω≈ç√∫",
]
_YAML_TRICKS = [
    "no",
    "yes",
    "off",
    "~",
    "null",
    "0x1F",
    "1e3",
    "2026-02-30",
    "12:30:45",
    "&anker",
    "*anker",
    "!!python/object/apply:os.system ['echo pwned']",
    "!tag waarde",
    "- lijst",
    "? sleutel",
    ": dubbelepunt",
    "# geen commentaar",
    "key: value",
    "{ flow: mapping }",
    "[flow, sequence]",
    "|\n  literal",
    ">\n  folded",
    "%YAML 1.1",
    "---",
    "...",
    "@at",
    "`backtick",
]
_LONG = ["A" * 10_000, ("Lange tekst. " * 800).strip(), "x" * 70 + " " + "y" * 9_000]


def corpus() -> list[str]:
    """At least 200 distinct hostile strings, none blank."""
    base = [*_MARKUP, *_SCRIPT_CONTEXT, *_URLS, *_QUOTES, *_UNICODE, *_YAML_TRICKS, *_LONG]
    mixed = [f"{a} {b}" for a, b in zip(_MARKUP, reversed(_SCRIPT_CONTEXT + _QUOTES), strict=False)]
    wrapped = [f"Hulp {s} bij geld" for s in _MARKUP + _SCRIPT_CONTEXT + _UNICODE]
    strings = list(dict.fromkeys([*base, *mixed, *wrapped]))
    # invisible characters (U+202E, ...) are refused by the loader: see test_hardening.py
    return [s for s in strings if s.strip() and not _BAD_CHARACTER.search(s)]


# Text fields people type freely, per kind: (path in the record, is it a list item?)
_ORG_FIELDS = ("naam", "omschrijving", "aanmelden", "kosten", "meenemen", "verwijzen", "melding")
_LOC_FIELDS = ("naam", "omschrijving", "bereikbaarheid")


_ONE_LINE = ("naam", "functie")  # one-line fields: an Enter there is an error


def _text_slots(kind: str, record: dict[str, Any]) -> Iterator[tuple[Any, Any]]:
    """(container, key) pairs of every free-text value in a record."""
    for name in _ORG_FIELDS if kind == "organisaties" else _LOC_FIELDS:
        yield record, name
    if kind == "organisaties":
        for i in range(len(record.get("werkgebied", []))):
            yield record["werkgebied"], i
        for contact in record.get("contactpersonen", []):
            yield contact, "naam" if "naam" in contact else "functie"
    else:  # addresses stay: they are the geocache's keys, and the map must stay complete
        for hours in record.get("spreekuren", []):
            yield hours, "opmerking"
        for closure in record.get("gesloten", []):
            yield closure, "reden"


def hostile_site(target: Path, languages: list[str] | None = None) -> int:
    """A copy of the sample site with a hostile string in every text field; returns the count.
    `languages`: the site's `talen` (default: the sample's, every finished language)."""
    ignore = shutil.ignore_patterns(".*", "site", "src", "tests", "*.egg-info")
    shutil.copytree(SAMPLE, target, ignore=ignore)
    config = target / "mkdocs.yml"  # hostile `verwijzen` text too: allow it in this data/
    text = config.read_text(encoding="utf-8")
    extra = "    gegevens_prive: true\n"
    if languages is not None:
        extra += f"    talen: [{', '.join(languages)}]\n"
    config.write_text(text.replace("    editie: publiek", extra + "    editie: publiek"))
    yaml = YAML(typ="rt")
    strings = itertools.cycle(corpus())
    used = 0
    for kind in ("organisaties", "locaties"):
        for path in sorted((target / "data" / kind).glob("*.yml")):
            record = yaml.load(path.read_text(encoding="utf-8"))
            for container, key in _text_slots(kind, record):
                value = next(strings)
                if key in _ONE_LINE:  # an Enter in a name is refused (test_fuzz.py)
                    value = value.replace("\r", " ").replace("\n", " ")
                # Double quotes: ruamel writes a bare "\r" in plain style, which breaks the file.
                container[key] = DoubleQuotedScalarString(value)
                used += 1
            with path.open("w", encoding="utf-8") as out:
                yaml.dump(record, out)
    return used
