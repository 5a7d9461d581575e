"""`wegwijzer verhuis-verwijzers` moves direct numbers out of data/ all or nothing (issue 31): it
used to stop halfway on a YAML error, a bad encoding or a failed write, with earlier files
already rewritten and their numbers moved, and the parser's text (which quotes values) printed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.test_prive import REFERRER_CONTACT, _add
from wegwijzer.cli import main


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def site(base_site: Path) -> Path:
    _add(base_site, REFERRER_CONTACT, "humanitas")
    _add(base_site, REFERRER_CONTACT.replace("Els de Vries", "Piet Jansen"), "gemeente")
    return base_site


@pytest.mark.parametrize(
    "broken",
    [
        b"id: zzz-kapot\nnaam: [niet gesloten\ntelefoon: '06 9999 8888'\n",
        b"id: zzz-kapot\nnaam: Caf\xe9 de Hoek\n",  # Latin-1, not UTF-8
    ],
    ids=["yaml", "encoding"],
)
def test_a_file_it_cannot_read_moves_nothing(
    site: Path, broken: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    data = site.parent / "data"
    (data / "organisaties" / "zzz-kapot.yml").write_bytes(broken)  # read last
    before = _snapshot(data)
    target = site.parent / "prive"
    assert main(["-f", str(site), "verhuis-verwijzers", str(target)]) == 1
    err = capsys.readouterr().err
    assert "zzz-kapot.yml" in err and "Er is niets verhuisd." in err
    assert "9999" not in err and "Traceback" not in err
    assert _snapshot(data) == before
    assert not target.exists() or not any(target.rglob("*.yml"))


def test_a_failed_write_moves_nothing_and_leaves_no_temporary_file(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = site.parent / "data"
    before = _snapshot(data)
    target = site.parent / "prive"
    calls = []
    real_fsync = os.fsync

    def full_disk(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:  # the third of four files: a full disk
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    assert main(["-f", str(site), "verhuis-verwijzers", str(target)]) == 1
    assert "Er is niets verhuisd." in capsys.readouterr().err
    assert _snapshot(data) == before
    assert not [p for p in target.rglob("*") if p.is_file()]  # no temporary file either
    assert not list(data.rglob(".*.verhuis"))


def test_the_move_still_moves_everything_when_all_goes_well(site: Path) -> None:
    target = site.parent / "prive"
    assert main(["-f", str(site), "verhuis-verwijzers", str(target)]) == 0
    moved = sorted(p.name for p in (target / "organisaties").glob("*.yml"))
    assert moved == ["gemeente.yml", "humanitas.yml"]
    public = (site.parent / "data" / "organisaties" / "humanitas.yml").read_text(encoding="utf-8")
    assert "06 1111 2222" not in public and "Balie" in public
