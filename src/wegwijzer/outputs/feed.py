"""'Wat is er veranderd?' as an Atom 1.0 feed (RFC 4287), for a referrer's feed reader.

Built with xml.etree, which escapes every value; every link is absolute, from site_url.
"""

from __future__ import annotations

import hashlib
from collections.abc import Container
from datetime import date
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from wegwijzer.outputs.changes import Change, History

ATOM = "http://www.w3.org/2005/Atom"
PATH = "veranderd.xml"
PAGE = "veranderd/"


def atom_feed(history: History, site_url: str, name: str, on_site: Container[str]) -> bytes:
    """The changes newest first. `name`: the site's ("Wegwijzer Teststad"). `on_site`: the
    URLs of the record pages this site has; an entry about a record that is gone links to the
    'Wat is er veranderd?' page instead."""
    base = site_url.rstrip("/") + "/"
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    _text(feed, "id", base + PATH)
    _text(feed, "title", f"Wat is er veranderd? {name}")
    newest = history.changes[0].day if history.changes else history.since
    _text(feed, "updated", _stamp(newest))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", name)
    _link(feed, base + PATH, "self", "application/atom+xml")
    _link(feed, base + PAGE, "alternate", "text/html")
    for change in history.changes:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", _entry_id(base, change))
        _text(entry, "title", change.text)
        _text(entry, "updated", _stamp(change.day))
        target = change.url if change.url in on_site else PAGE
        _link(entry, base + target, "alternate", "text/html")
    ET.indent(feed)
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True)) + b"\n"


def _text(parent: ET.Element, name: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = value


def _link(parent: ET.Element, href: str, rel: str, kind: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"href": href, "rel": rel, "type": kind})


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _entry_id(base: str, change: Change) -> str:
    """A tag URI (RFC 4151) that stays the same in every build: the same change on the same
    day of the same record is the same entry for a feed reader."""
    host = urlsplit(base).hostname or "localhost"
    digest = hashlib.sha256(change.text.encode("utf-8")).hexdigest()[:16]
    return f"tag:{host},{change.day.isoformat()}:{change.url}{digest}"
