"""Rules for `site_url` in mkdocs.yml: the flyers' QR codes and the 404 page are built on it.

mkdocs accepts any text there. A query or fragment ends up in the middle of every QR link
(`https://x.nl/?a=1locaties/...`), and a very long address makes a QR code that no phone reads
from paper (or none at all: segno stops at 2,331 bytes). Both are refused before a page is built.
"""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_LENGTH = 200  # with 'locaties/<id>/' a QR code stays small enough to scan from paper


def site_url_problems(url: str) -> list[str]:
    """What is wrong with `site_url`, in Dutch; empty when it is fine (or not set)."""
    if not url:
        return []
    parts = urlsplit(url)
    problems = []
    if parts.scheme not in ("https", "http") or not parts.netloc:
        problems.append("Schrijf het volledige adres, zoals https://www.gemeente.nl/geldzorgen/.")
    if parts.query or parts.fragment or url.rstrip("/").endswith(("?", "#")):
        problems.append(
            "Laat ? en # en alles daarna weg: de links in de QR-codes op de flyers komen "
            "achter dit adres."
        )
    if len(url) > MAX_LENGTH:
        problems.append(
            f"Het adres is {len(url)} tekens lang; gebruik er hoogstens {MAX_LENGTH}. Een "
            "langer adres geeft een QR-code die een telefoon van papier niet kan lezen."
        )
    return problems
