"""The help bar's buttons are flex boxes (centred, 44 px high). A flex box makes each child
node a column of its own: a name marked lang="nl" or a number in <bdi> then stood beside the
words as a second column ("Crisislijn Voorbeeldstad | kuruluşunu arayın: 0800 …" in Turkish)
and the space before an Arabic number was dropped. Each button holds one <span>."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString


@pytest.mark.parametrize("prefix", ["", "tr/", "ar/"])
def test_each_help_bar_button_holds_one_box(sample_site: Path, prefix: str) -> None:
    page = BeautifulSoup(
        (sample_site / prefix / "spoed" / "index.html").read_bytes(), "html.parser"
    )
    buttons = page.select(".ww-hulpbalk__knoppen a[href^='tel:']")
    assert len(buttons) >= 2  # the loket and at least one urgent line
    for button in buttons:
        children = [
            c for c in button.children if not (isinstance(c, NavigableString) and not c.strip())
        ]
        assert len(children) == 1 and children[0].name == "span", button
