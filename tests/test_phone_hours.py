"""Calling hours in OpenStreetMap `opening_hours` syntax: the subset wegwijzer reads for the
loket and the urgent lines, and the Dutch message `check` gives for anything else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from tests.conftest import SAMPLE
from wegwijzer.cli import main
from wegwijzer.records.phone_hours import OsmUren, parse


def test_always_open_is_every_minute_of_every_day() -> None:
    hours = parse("24/7")
    assert hours.always
    assert hours.rows() == [([0, 6], [("00:00", "24:00")])]
    assert hours.browser_data()["feestdagen"] is False


def test_weekdays_with_a_lunch_break_and_closed_on_holidays() -> None:
    hours = parse("Mo-Fr 09:00-12:00, 13:00-17:00; Sa 10:00-12:00; PH off")
    assert not hours.always
    assert hours.rows() == [
        ([0, 4], [("09:00", "12:00"), ("13:00", "17:00")]),
        ([5, 5], [("10:00", "12:00")]),
    ]
    data = hours.browser_data()
    assert data["feestdagen"] == {}
    monday = [h for h in data["spreekuren"] if 1 in h["dagen"]]
    assert [(h["van"], h["tot"]) for h in monday] == [("09:00", "12:00"), ("13:00", "17:00")]


def test_a_later_rule_replaces_an_earlier_one_and_ranges_wrap_the_week() -> None:
    assert parse("Mo-Fr 09:00-17:00; We off").week[2] == ()
    assert [d for d, r in enumerate(parse("Fr-Mo 08:00-20:00").week) if r] == [0, 4, 5, 6]
    assert parse("08:00-20:00").rows() == [([0, 6], [("08:00", "20:00")])]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Mo-Fx 09:00-17:00", "'Mo-Fx' is geen dag"),
        ("Mo-Fr 9-17", "'9-17' is geen tijd van-tot"),
        ("Mo-Su 22:00-02:00", "Over middernacht?"),
        ("PH 10:00-12:00", "alleen 'PH off'"),
        ("Mo-Fr", "er staan geen tijden bij"),
        ("", "Vul de uren in"),
    ],
)
def test_anything_else_is_refused_in_dutch(text: str, says: str) -> None:
    with pytest.raises(ValidationError, match=says):
        TypeAdapter(OsmUren).validate_python(text)


def test_check_names_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE, site)
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "uren: 24/7" in text
    config.write_text(text.replace("uren: 24/7", "uren: elke dag"), encoding="utf-8")
    assert main(["-f", str(config), "check"]) == 1
    out = capsys.readouterr()
    message = out.out + out.err
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "uren: 24/7" in t)
    assert f"mkdocs.yml:{line}: spoedlijnen[1].uren:" in message
    assert "Traceback" not in message
