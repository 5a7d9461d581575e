"""What changed in the records over the last 30 days, read from the git history of data/.

Every version of a record file is loaded with the records' own models and compared as data:
a file that was only reformatted did not change, a new phone number did. Only the checkout is
read (git with a fixed argument list, never the network). Without a history (no git, a
shallow clone, a folder outside a repository) the page says so and the build warns.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from wegwijzer.i18n import dutch_date
from wegwijzer.records.hours import closure_period
from wegwijzer.records.loader import record_from_text
from wegwijzer.records.models import MODELS, Locatie, Organisatie, Sluiting
from wegwijzer.settings.present import phone_display

WINDOW_DAYS = 30
KINDS = tuple(MODELS)  # "organisaties", "locaties": never the private folder
_TIMEOUT = 60  # seconds per git call: a history that takes longer is not worth the wait


@dataclass(frozen=True)
class Change:
    """One change to one record, in a plain Dutch sentence."""

    day: date
    kind: str  # "organisaties" or "locaties"
    record_id: str
    text: str

    @property
    def url(self) -> str:
        return f"{self.kind}/{self.record_id}/"


@dataclass(frozen=True)
class History:
    """The changes newest first, or why there are none to tell."""

    since: date
    changes: list[Change] = field(default_factory=list)
    problem: str | None = None  # set when the history could not be read


Version = Organisatie | Locatie | None  # a file's record at one commit; None: absent or broken


class _NoHistory(Exception):
    """git is missing, the folder is not in a repository, or its history is cut short."""


def recent_changes(
    data_dir: Path,
    today: date,
    context: Mapping[str, Any],
    hidden: frozenset[str] = frozenset(),
    public: bool = True,
) -> History:
    """The changes of the last WINDOW_DAYS days up to `today`. `public`: leave out what only
    the referrers' edition shows (organisations with `zichtbaarheid: verwijzers`, listed in
    `hidden` as they are now, and their locations)."""
    since = today - timedelta(days=WINDOW_DAYS)
    try:
        repo = _Repo(data_dir)
        states = repo.states(since, today)
        changes = _Differ(repo, context, hidden if public else None).changes(states)
    except _NoHistory as exc:
        return History(since, problem=str(exc))
    changes.sort(key=lambda change: (-change.day.toordinal(), KINDS.index(change.kind)))
    return History(since, changes)


class _Repo:
    """The git repository around data/, read through `git` with fixed arguments."""

    def __init__(self, data_dir: Path) -> None:
        if shutil.which("git") is None:
            raise _NoHistory("git is niet geïnstalleerd")
        if not data_dir.is_dir():
            raise _NoHistory(f"de map {data_dir.name}/ bestaat niet")
        self.cwd = data_dir
        self._refuse_missing_history(data_dir.name)
        prefix = self.run("rev-parse", "--show-prefix").decode("utf-8").strip()
        self.cwd = Path(self.run("rev-parse", "--show-toplevel").decode("utf-8").strip())
        self.paths = [f"{prefix}{kind}" for kind in KINDS]  # from the top, as git names them

    def _refuse_missing_history(self, folder: str) -> None:
        """No repository, no commit yet, or a shallow clone: there is nothing true to tell."""
        try:
            shallow = self.run("rev-parse", "--is-shallow-repository").strip() == b"true"
        except _NoHistory:
            raise _NoHistory(f"de map {folder}/ staat niet in een git-repository") from None
        try:
            self.run("rev-parse", "--verify", "--quiet", "HEAD")
        except _NoHistory:
            raise _NoHistory("er zijn nog geen commits") from None
        if shallow:
            raise _NoHistory(
                "de geschiedenis is ingekort (een 'shallow clone'); haal in de workflow de hele "
                "geschiedenis op met 'fetch-depth: 0'"
            )

    def run(self, *args: str, stdin: bytes | None = None) -> bytes:
        command = ["git", "-c", "core.quotepath=off", *args]
        try:
            done = subprocess.run(
                command, cwd=self.cwd, input=stdin, capture_output=True, timeout=_TIMEOUT
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise _NoHistory(f"git werkte niet ({exc.__class__.__name__})") from None
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
            raise _NoHistory("git: " + (reason[0] if reason else "onbekende fout"))
        return done.stdout

    def states(self, since: date, today: date) -> list[tuple[str | None, date | None]]:
        """The commit the window starts from (None: the repository is younger), then every
        commit on the main line that changed a record, oldest first, with its date."""
        start = f"{since.isoformat()}T00:00:00"
        before = self.run("rev-list", "-1", "--first-parent", f"--before={start}", "HEAD")
        base = before.decode("ascii").strip() or None
        log = self.run(
            "log", "--first-parent", "--reverse", "--format=%H %cI", f"--since={start}",
            "HEAD", "--", *self.paths,
        )  # fmt: skip
        states: list[tuple[str | None, date | None]] = [(base, None)]
        for line in log.decode("ascii").splitlines():
            commit, stamp = line.split(" ", 1)
            day = datetime.fromisoformat(stamp).date()
            if since <= day <= today:
                states.append((commit, day))
        return states

    def changed(self, old: str | None, new: str) -> list[str]:
        """The record files that differ between two commits (all of them when `old` is None)."""
        if old is None:
            out = self.run(
                "ls-tree", "-r", "-z", "--name-only", "--full-tree", new, "--", *self.paths
            )
        else:
            out = self.run("diff", "--name-only", "-z", "--no-renames", old, new, "--", *self.paths)
        names = [name.decode("utf-8", errors="replace") for name in out.split(b"\0") if name]
        return [name for name in names if _record_file(name)]

    def contents(self, wanted: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str | None]:
        """The text of each (commit, path) at once (one `git cat-file`); None where absent."""
        if not wanted:
            return {}
        stdin = "".join(f"{commit}:{path}\n" for commit, path in wanted).encode("utf-8")
        out = self.run("cat-file", "--batch", stdin=stdin)
        found: dict[tuple[str, str], str | None] = {}
        at = 0
        for key in wanted:
            end = out.index(b"\n", at)
            header = out[at:end].split()
            at = end + 1
            if len(header) != 3 or header[1] != b"blob":
                found[key] = None  # "missing": the file was not there in that commit
                continue
            size = int(header[2])
            found[key] = out[at : at + size].decode("utf-8", errors="replace")
            at += size + 1
        return found


def _record_file(name: str) -> bool:
    """A record file as the loader reads it: <kind>/<id>.yml, not hidden."""
    parts = name.split("/")
    return (
        len(parts) >= 2
        and parts[-2] in KINDS
        and parts[-1].endswith(".yml")
        and not parts[-1].startswith(".")
        and "\n" not in name
    )


class _Differ:
    """Loads the versions of each changed file and says, in words, what changed."""

    def __init__(
        self, repo: _Repo, context: Mapping[str, Any], hidden: frozenset[str] | None
    ) -> None:
        self.repo, self.context = repo, context
        self.hidden = None if hidden is None else set(hidden)
        self._read: dict[tuple[str, str], Version] = {}

    def changes(self, states: list[tuple[str | None, date | None]]) -> list[Change]:
        steps = []
        for (old, _), (new, day) in itertools.pairwise(states):
            assert new is not None and day is not None
            steps.append((old, new, day, self.repo.changed(old, new)))
        wanted = [(c, p) for old, new, _, paths in steps for p in paths for c in (old, new) if c]
        texts = self.repo.contents(list(dict.fromkeys(wanted)))
        loaded = {key: self.load(key[1], text) for key, text in texts.items()}
        if self.hidden is not None:  # an organisation ever referrers-only stays out of view
            self.hidden |= {
                r.id for r in loaded.values()
                if isinstance(r, Organisatie) and r.zichtbaarheid == "verwijzers"
            }  # fmt: skip
        last: dict[str, Version] = {}  # each file's last version that loaded
        found = []
        for old, new, day, paths in steps:
            for path in paths:
                if path not in last:
                    last[path] = loaded.get((old, path)) if old else None
                if texts.get((new, path)) is not None and loaded[(new, path)] is None:
                    continue  # a version with an error: compare the next good one instead
                record = loaded.get((new, path))
                found += compare(self.shown(last[path]), self.shown(record), day)
                last[path] = record
        return found

    def load(self, path: str, text: str | None) -> Version:
        if text is None:
            return None
        kind = path.split("/")[-2]
        if (kind, text) not in self._read:  # a file unchanged across commits is read once
            record = record_from_text(text, MODELS[kind], self.context)
            self._read[(kind, text)] = record if isinstance(record, Organisatie | Locatie) else None
        return self._read[(kind, text)]

    def shown(self, record: Version) -> Version:
        """The record as this edition shows it: None when the public site leaves it out."""
        if record is None or self.hidden is None:
            return record
        if isinstance(record, Organisatie) and record.zichtbaarheid == "verwijzers":
            return None
        if isinstance(record, Locatie) and set(record.organisaties) <= self.hidden:
            return None
        return record


def compare(old: Version, new: Version, day: date) -> list[Change]:
    """What changed from one version of a record to the next, for a referrer or resident.
    A version that did not load is None, like a missing file: its changes are not told."""
    if old is None and new is None:
        return []
    record = new or old
    assert record is not None
    kind = "organisaties" if isinstance(record, Organisatie) else "locaties"

    def change(text: str) -> Change:
        return Change(day, kind, record.id, text)

    if old is None:
        opens = record.geldig_vanaf if isinstance(record, Locatie) else None
        later = f" Open vanaf {dutch_date(opens)}." if opens and opens > day else ""
        return [change(f"Nieuw: {record.naam}.{later}")]
    if new is None:
        return [change(f"Gestopt: {record.naam}.")]
    return [change(text) for text in _differences(old, new, day)]


def _differences(
    old: Organisatie | Locatie, new: Organisatie | Locatie, day: date
) -> Iterator[str]:
    name = new.naam
    if isinstance(old, Organisatie) and isinstance(new, Organisatie):
        if new.status != old.status and new.status == "gestopt":
            yield f"Gestopt: {name}."
        elif new.status != old.status and new.status == "tijdelijk-gesloten":
            yield f"Tijdelijk gesloten: {name}."
    if isinstance(old, Locatie) and isinstance(new, Locatie):
        if _dump(old.spreekuren) != _dump(new.spreekuren):
            yield f"Andere tijden: {name}."
        known = [_dump(closure) for closure in old.gesloten]
        for closure in new.gesloten:
            if _dump(closure) not in known:
                yield _closure_text(name, closure)
        if new.geldig_tot is not None and new.geldig_tot != old.geldig_tot:
            verb = "Gestopt" if new.geldig_tot < day else "Stopt"
            yield f"{verb}: {name}. Laatste dag: {dutch_date(new.geldig_tot)}."
    if new.telefoon != old.telefoon:
        number = f"nu {phone_display(new.telefoon)}" if new.telefoon else "er is geen nummer meer"
        yield f"Ander telefoonnummer: {name}, {number}."


def _closure_text(name: str, closure: Sluiting) -> str:
    if not closure.once:
        return f"Gesloten {closure_period(closure)}: {name}."
    assert closure.van is not None and closure.tot is not None
    if closure.van == date.min:
        return f"Gesloten tot nader bericht: {name}."
    until = (
        "tot nader bericht" if closure.tot == date.max else f"tot en met {dutch_date(closure.tot)}"
    )
    return f"Gesloten vanaf {dutch_date(closure.van)} {until}: {name}."


def _dump(value: Any) -> Any:
    if isinstance(value, list):
        return [_dump(item) for item in value]
    return value.model_dump(mode="json")
