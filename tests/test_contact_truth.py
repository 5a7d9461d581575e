"""Every "bel", "mail" or "neem contact op" on a built page comes with what to call, mail or
open, in the same unit of the page (issue 26): never an instruction without the number.

The unit: the nearest list item, section, definition, table or figure caption around the
words (a card is a list item; the times table and the line under it share a section); when
there is none, the paragraph; for a heading outside a section, the heading and what follows it
up to the next heading of its level. A link's own text is a label that leads elsewhere, and
"E-mail:" is the label of an address, not an instruction: both are left out. What counts as
"what to use": a tel:, mailto: or http(s) link other than a route planner's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag

from tests.conftest import build_site

FIXTURES = Path(__file__).parent / "fixtures"
SITES = ("voorbeeldstad", "echt", "echt2")  # every public fixture site with its own records
LANGUAGE_FOLDERS = frozenset({"en", "tr", "ar", "pl", "uk"})
INSTRUCTION = re.compile(r"\b(bel|(?<!-)mail|neem contact op)\b", re.IGNORECASE)
UNITS = ("li", "dd", "figcaption", "section")
STOPS = ("body", "article", "main")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
ROUTE_PLANNER = "https://www.google.com/maps/"


@pytest.fixture(scope="module", params=SITES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    name = request.param
    if name == "voorbeeldstad":  # built once per run already (tests/conftest.py)
        site: Path = request.getfixturevalue("sample_site")
        return site
    return build_site(FIXTURES / name / "mkdocs.yml", tmp_path_factory.mktemp(name))


# The fixture's own accessibility checklist quotes the "Bel" button to test it: no request.
OWN_DOCS = frozenset({"toegankelijkheid"})


def dutch_pages(site: Path) -> Iterator[Path]:
    for page in sorted(site.rglob("index.html")):
        parts = page.relative_to(site).parts
        if parts[0] not in LANGUAGE_FOLDERS | OWN_DOCS and parts[0] not in ("assets", "open-data"):
            yield page


def _usable(link: Tag) -> bool:
    href = str(link.get("href", ""))
    if href.startswith(ROUTE_PLANNER):
        return False
    return href.startswith(("tel:", "mailto:", "https://", "http://"))


def _unit(node: NavigableString) -> list[Tag]:
    """The tags that together make the unit around a text node."""
    first = node.find_parent([*UNITS, *STOPS])
    if first is not None and first.name in UNITS:
        return [first]
    paragraph = node.find_parent("p")
    if paragraph is not None:
        return [paragraph]
    heading = node.find_parent(list(HEADINGS))
    if heading is None:
        return [node.parent] if node.parent is not None else []
    level = int(heading.name[1])
    unit = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name in HEADINGS and int(sibling.name[1]) <= level:
            break
        unit.append(sibling)
    return unit


def unanswered(html: str) -> list[str]:
    """Texts that tell the reader to call, mail or get in touch with nothing to use."""
    soup = BeautifulSoup(html, "html.parser")
    body = soup.body or soup
    # The theme's header repeats the page's title (checked where the page says it, in its h1).
    for hidden in body.select("script, style, template, noscript, header.md-header"):
        hidden.decompose()
    problems = []
    for node in body.find_all(string=INSTRUCTION):
        if node.find_parent("a") is not None:
            continue  # a link's label leads to the page that has the number
        unit = _unit(node)
        links = [a for tag in unit for a in tag.find_all("a")]
        links += [tag for tag in unit if tag.name == "a"]
        if not any(_usable(a) for a in links):
            problems.append(" ".join(" ".join(t.get_text(" ") for t in unit).split())[:160])
    return problems


def test_every_call_or_mail_comes_with_what_to_use(built: Path) -> None:
    found = {}
    for page in dutch_pages(built):
        problems = unanswered(page.read_text(encoding="utf-8"))
        if problems:
            found[page.relative_to(built).as_posix()] = problems
    assert found == {}


def test_the_rule_itself_catches_a_bare_instruction() -> None:
    bare = "<body><section><p>Alleen op afspraak. Bel of mail de organisatie.</p></section></body>"
    assert unanswered(bare) == ["Alleen op afspraak. Bel of mail de organisatie."]
    answered = '<body><p>Tijden onbekend. Bel <a href="tel:+31570123456">0570</a></p></body>'
    assert unanswered(answered) == []
    route = (
        '<body><li>Bel eerst. <a href="https://www.google.com/maps/dir/?x">Route</a></li></body>'
    )
    assert unanswered(route) != []
