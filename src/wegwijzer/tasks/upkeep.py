"""`wegwijzer onderhoud`: the weekly upkeep report, as Markdown for one GitHub issue.

It lists the records nobody has checked for `controle_maanden` months, grouped per
organisation with the number to call; closures that end soon; once a month (in its first week)
the loket and urgent numbers from mkdocs.yml, which no record check covers; and, only with
`--links`, the websites that stopped answering (or that nothing could be reached at all, which
means no internet, not that every website is gone). The report informs; it never fails a run.
The link check is the one place where wegwijzer contacts other people's websites, so it asks
politely (a timeout, at most four requests at a time, a User-Agent that says who asks, HEAD
before GET) and runs only in the scheduled workflow, never in a build or a test: tests hand it
a fake `Fetch`.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import ssl
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from wegwijzer import __version__
from wegwijzer.i18n import dutch_date
from wegwijzer.outputs.freshness import WINDOWS, Freshness, freshness
from wegwijzer.records import private
from wegwijzer.records.checks import months_between, overdue
from wegwijzer.records.loader import Dataset
from wegwijzer.records.models import Locatie, Organisatie
from wegwijzer.settings.config import SiteSettings
from wegwijzer.settings.present import count_text, mailto, phone_display
from wegwijzer.tasks.confirm import FORM_CHANGED, FORM_CONFIRM
from wegwijzer.tasks.validate import validate_site

Fetch = Callable[[str, str], int]
"""fetch(method, url) -> HTTP status. Raises TimeoutError without an answer in time, and another
OSError when there is no answer at all (no such host, refused, bad certificate)."""

TIMEOUT = 10.0
THREADS = 4
LIST_LIMIT = 100  # an issue body holds 65,536 characters; a long list is cut with a count
# Reserved names (RFC 2606, RFC 6761) never answer; the sample data uses .example.
_RESERVED_SUFFIXES = (".example", ".test", ".invalid", ".localhost")
_RESERVED_HOSTS = frozenset({"example.com", "example.net", "example.org", "localhost"})
_NO_ANSWER = f"geen antwoord binnen {TIMEOUT:.0f} seconden"


@dataclass(frozen=True)
class Place:
    """A field in a data file: what the report points at."""

    path: str
    line: int


@dataclass(frozen=True)
class DueRecord:
    place: Place
    naam: str
    checked: date
    months: int
    organisatie: str | None = None  # the organisation to call (a location's first one)
    contact: str | None = None  # "033 460 2010, info@..." : how to reach it
    record_id: str | None = None
    org_id: str | None = None


@dataclass(frozen=True)
class ReadyMessage:
    """The message to an organisation that is due, with its two one-tap links (issue 29).
    `to` is the upkeep contact's address from the private folder: it goes into the message
    files for a mail workflow (--berichten), never into the public issue."""

    org_id: str
    naam: str
    subject: str
    body: str
    confirm_url: str | None
    changed_url: str | None
    to: str | None = None


@dataclass(frozen=True)
class EndingClosure:
    place: Place
    naam: str
    ends: date
    reden: str | None


@dataclass(frozen=True)
class FixedNumber:
    """A number from mkdocs.yml (loket, spoed) that residents are sent to."""

    label: str
    telefoon: str


@dataclass(frozen=True)
class BrokenLink:
    place: Place
    naam: str
    url: str
    reason: str


@dataclass(frozen=True)
class LinkCheck:
    broken: list[BrokenLink]
    checked: int  # distinct addresses asked
    skipped: int  # reserved example addresses, never asked
    offline: bool = False  # not one website answered anything: no internet here


@dataclass(frozen=True)
class LeftOut:
    """An error in a record: the published site leaves the record out until it is fixed."""

    place: Place
    reason: str


@dataclass(frozen=True)
class UpkeepReport:
    today: date
    stale_months: int
    due: list[DueRecord]
    errors: int  # records with errors are missing from the dataset, so from this report
    links: LinkCheck | None  # None: the links were not checked
    closures: list[EndingClosure] = field(default_factory=list)
    numbers: list[FixedNumber] = field(default_factory=list)  # only in a month's first week
    left_out: list[LeftOut] = field(default_factory=list)  # each error in a record file
    messages: list[ReadyMessage] = field(default_factory=list)
    freshness: tuple[Freshness, list[Freshness]] | None = None

    @property
    def is_empty(self) -> bool:
        broken = self.links and (self.links.broken or self.links.offline)
        return not (self.due or self.errors or broken or self.closures or self.numbers)


@dataclass(frozen=True)
class Repository:
    """Where the data lives on GitHub, to link each finding to its file and line."""

    url: str
    ref: str = "HEAD"

    def file_url(self, place: Place) -> str:
        return f"{self.url}/blob/{self.ref}/{place.path}#L{place.line}"


def repository_from_env(env: Mapping[str, str]) -> Repository | None:
    """The repository a GitHub Actions run belongs to; None outside Actions."""
    if not env.get("GITHUB_REPOSITORY"):
        return None
    server = env.get("GITHUB_SERVER_URL") or "https://github.com"
    return Repository(f"{server}/{env['GITHUB_REPOSITORY']}", env.get("GITHUB_REF_NAME") or "HEAD")


def due_records(dataset: Dataset, today: date, stale_months: int) -> list[DueRecord]:
    """Records not checked for `stale_months` months (as `wegwijzer check` warns), oldest first."""
    due = []
    for record in overdue(dataset, today, stale_months):
        org = _organisation_of(dataset, record)
        due.append(
            DueRecord(
                _place(dataset, record, "laatst_gecontroleerd"),
                record.naam,
                record.laatst_gecontroleerd,
                months_between(record.laatst_gecontroleerd, today),
                org.naam if org else None,
                _contact(record, org),
                record.id,
                org.id if org else None,
            )
        )
    return sorted(due, key=lambda d: (d.checked, d.place.path))


def _organisation_of(dataset: Dataset, record: Organisatie | Locatie) -> Organisatie | None:
    if isinstance(record, Organisatie):
        return record
    return next(
        (dataset.organisaties[o] for o in record.organisaties if o in dataset.organisaties), None
    )


def _contact(record: Organisatie | Locatie, org: Organisatie | None) -> str | None:
    phone = getattr(record, "telefoon", None) or (org.telefoon if org else None)
    email = getattr(record, "email", None) or (org.email if org else None)
    parts = [phone_display(phone) if phone else None, email]
    return ", ".join(p for p in parts if p) or None


CLOSURE_NOTICE_DAYS = 14


def ending_closures(dataset: Dataset, today: date) -> list[EndingClosure]:
    """Closures that end within two weeks: does the place really open again then?"""
    horizon = today + timedelta(days=CLOSURE_NOTICE_DAYS)
    found = []
    for location in dataset.locaties.values():
        for closure in location.gesloten:
            ends = getattr(closure, "tot", None)
            if isinstance(ends, date) and today <= ends <= horizon:
                place = _place(dataset, location, "gesloten")
                found.append(EndingClosure(place, location.naam, ends, closure.reden))
    return sorted(found, key=lambda c: (c.ends, c.place.path))


def fixed_numbers(site: SiteSettings, today: date) -> list[FixedNumber]:
    """The loket and urgent numbers, to call once a month: in the first week's report."""
    if today.day > 7:
        return []
    config = site.config
    numbers = [FixedNumber(f"Loket: {config.loket.naam}", config.loket.telefoon)]
    numbers += [
        FixedNumber(f"Spoed: {s.situatie} ({s.naam or config.loket.naam})", s.telefoon)
        for s in config.spoed
    ]
    return numbers


def _place(dataset: Dataset, record: Organisatie | Locatie, field: str) -> Place:
    source = dataset.source(record)
    return Place(source.path, source.line((field,)))


def is_reserved(url: str) -> bool:
    """True for example addresses that no server answers, such as the sample data's."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    return host in _RESERVED_HOSTS or host.endswith(_RESERVED_SUFFIXES)


def check_url(url: str, fetch: Fetch) -> str | None:
    """None when the website answers; otherwise why not, in Dutch."""
    try:
        if _answers(fetch("HEAD", url)):
            return None
    except TimeoutError:
        return _NO_ANSWER  # asking again would only make the wait twice as long
    except OSError:
        pass  # some servers drop HEAD requests but serve GET
    try:
        status = fetch("GET", url)
    except TimeoutError:
        return _NO_ANSWER
    except OSError as exc:
        return _network_reason(exc)
    return None if _answers(status) else _status_reason(status)


def _answers(status: int) -> bool:
    return 200 <= status < 400  # a redirect is an answer: the site is there


def _status_reason(status: int) -> str:
    if status in (404, 410):
        return f"de pagina bestaat niet meer (foutcode {status})"
    return f"de website geeft foutcode {status}"


_NO_HOST = "het webadres bestaat niet (meer)"
_UNREACHABLE = "de website is niet bereikbaar"
# Reasons that also mean "no internet here": when every website gives one, none is reported.
_NETWORK_REASONS = frozenset({_NO_HOST, _UNREACHABLE, _NO_ANSWER})


def _network_reason(exc: OSError) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return "het beveiligingscertificaat van de website klopt niet"
    if isinstance(exc, socket.gaierror):
        return _NO_HOST
    return _UNREACHABLE


def check_links(dataset: Dataset, fetch: Fetch) -> LinkCheck:
    """Ask every distinct website once, a few at a time; example addresses are skipped."""
    sites = [(org, org.website) for org in dataset.organisaties.values() if org.website]
    urls = sorted({url for _, url in sites if not is_reserved(url)})
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        reasons = dict(zip(urls, pool.map(lambda url: check_url(url, fetch), urls), strict=True))
    broken = [
        BrokenLink(_place(dataset, org, "website"), org.naam, url, reason)
        for org, url in sites
        if (reason := reasons.get(url)) is not None
    ]
    skipped = len({url for _, url in sites}) - len(urls)
    if urls and all(reasons[url] in _NETWORK_REASONS for url in urls):
        return LinkCheck([], len(urls), skipped, offline=True)  # the problem is here, not there
    return LinkCheck(sorted(broken, key=lambda b: b.place.path), len(urls), skipped)


def user_agent(repository: Repository | None) -> str:
    """Tells a web server who is asking and where to complain."""
    return f"wegwijzer/{__version__}" + (f" (+{repository.url})" if repository else "")


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect already proves the site answers; following it would cost another request."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def make_fetch(
    agent: str, timeout: float = TIMEOUT, open_url: Callable[..., Any] | None = None
) -> Fetch:
    """The real `Fetch`, on urllib: no redirects followed, no body read."""
    open_url = open_url or urllib.request.build_opener(_KeepRedirects).open

    def fetch(method: str, url: str) -> int:
        request = urllib.request.Request(url, method=method, headers={"User-Agent": agent})
        try:
            with open_url(request, timeout=timeout) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            exc.close()
            return exc.code
        except urllib.error.URLError as exc:
            raise (exc.reason if isinstance(exc.reason, OSError) else ConnectionError(exc)) from exc
        except (http.client.HTTPException, ValueError) as exc:
            raise ConnectionError(str(exc)) from exc

    return fetch


def build_report(
    site: SiteSettings,
    today: date,
    fetch: Fetch | None = None,
    repository: Repository | None = None,
) -> UpkeepReport:
    """Check the data as `wegwijzer check` does; ask the websites only when given a `fetch`."""
    dataset, report = validate_site(site, today)
    due = due_records(dataset, today, site.config.controle_maanden)
    months = site.config.controle_maanden
    links = check_links(dataset, fetch) if fetch is not None else None
    records = {s.path for s in dataset.sources.values()} | set(dataset.broken.values())
    errors = set(report.errors)
    left_out = [
        LeftOut(Place(f.path, f.line), f.message)
        for f in report.sorted()
        if f.path in records and f in errors
    ]
    return UpkeepReport(
        today,
        months,
        due,
        len(report.errors),
        links,
        ending_closures(dataset, today),
        fixed_numbers(site, today),
        left_out,
        ready_messages(site, due, _upkeep_contacts(site, today), repository),
        freshness(dataset, today),
    )


# --- one-tap confirmation (issue 29) ---------------------------------------------------------


def _upkeep_contacts(site: SiteSettings, today: date) -> dict[str, private.Onderhoudscontact]:
    """The upkeep contacts from the private folder; none without one (or with errors in it,
    which `check` names)."""
    if site.private_dir is None or not (site.private_dir / private.KIND).is_dir():
        return {}
    context = site.config.validation_context(today)
    overlay, _ = private.load_overlay(site.private_dir, site.root, context)
    return private.upkeep_contacts(overlay)


_GITHUB_FORM = re.compile(r"^(https://github\.com/[\w.-]+/[\w.-]+)/issues/new\b")


def issue_base(site: SiteSettings, repository: Repository | None) -> str | None:
    """The repository whose issue forms the links open: this Actions run's, else the one in
    `melden` (the site's own 'Klopt er iets niet?' form)."""
    if repository is not None and repository.url.startswith("https://"):
        return repository.url
    found = _GITHUB_FORM.match(site.config.melden or "")
    return found[1] if found else None


def form_url(base: str, template: str, title: str, org_id: str, ids: list[str]) -> str:
    """A prefilled GitHub issue form: every value percent-encoded."""
    fields = {
        "template": template,
        "title": title,
        "organisatie": org_id,
        "records": "\n".join(ids),
    }
    return f"{base}/issues/new?{urlencode(fields, quote_via=quote)}"


def _form_body(org_id: str, ids: list[str], question: str) -> str:
    return f"Organisatie: {org_id}\nRecords:\n" + "\n".join(ids) + f"\n\n{question}\n\n"


def ready_messages(
    site: SiteSettings,
    due: list[DueRecord],
    contacts: Mapping[str, private.Onderhoudscontact],
    repository: Repository | None,
) -> list[ReadyMessage]:
    """Per organisation that is due: a message with a link for "Alles klopt nog" and one for
    "Er is iets veranderd". GitHub's issue forms when the contact has a GitHub name (or no
    contacts are known), else an e-mail to `melden_email`."""
    groups: dict[str, list[DueRecord]] = {}
    for record in due:
        if record.org_id is not None and record.record_id is not None:
            groups.setdefault(record.org_id, []).append(record)
    base = issue_base(site, repository)
    address = site.config.melden_email
    messages = []
    for org_id, records in groups.items():
        naam = records[0].organisatie or org_id
        ids = list(dict.fromkeys(r.record_id for r in records if r.record_id))
        contact = contacts.get(org_id)
        by_github = base is not None and (contact is None or contact.github is not None)
        confirm = changed = None
        if by_github and base is not None:
            confirm = form_url(base, FORM_CONFIRM, f"Alles klopt nog: {naam}", org_id, ids)
            changed = form_url(base, FORM_CHANGED, f"Er is iets veranderd: {naam}", org_id, ids)
        elif address:
            confirm = mailto(
                address, f"Alles klopt nog: {naam}", _form_body(org_id, ids, "Alles klopt nog.")
            )
            changed = mailto(
                address,
                f"Er is iets veranderd: {naam}",
                _form_body(org_id, ids, "Wat is er veranderd?"),
            )
        subject = "Kloppen uw gegevens op de wegwijzer nog?"
        body = _message_body(site, naam, records, confirm, changed)
        messages.append(
            ReadyMessage(
                org_id, naam, subject, body, confirm, changed, contact.email if contact else None
            )
        )
    return messages


def _message_body(
    site: SiteSettings,
    naam: str,
    records: list[DueRecord],
    confirm: str | None,
    changed: str | None,
) -> str:
    lines = [
        "Goedendag,",
        "",
        f"Op de wegwijzer geldzorgen van {site.config.gemeente} staan gegevens van {naam}. "
        "Inwoners en hulpverleners gebruiken ze. Wilt u kijken of ze nog kloppen?",
        "",
        *(
            f"- {' '.join(r.naam.split())} (laatst nagekeken op {dutch_date(r.checked)})"
            for r in records
        ),
        "",
    ]
    if confirm and changed:
        lines += [
            "Klopt alles nog? Klik dan hier:",
            confirm,
            "",
            "Is er iets veranderd? Klik dan hier en schrijf wat er anders is:",
            changed,
        ]
    else:
        lines.append("Klopt alles nog? Of is er iets veranderd? Antwoord dan op deze e-mail.")
    return "\n".join([*lines, "", "Dank u wel!", ""])


def write_messages(messages: list[ReadyMessage], folder: Path, sender: str | None) -> int:
    """One e-mail file per organisation with an upkeep contact, for a scheduled workflow that
    sends them with the town's own mail account (e.g. `msmtp -t < file`). The folder holds
    private addresses: never commit or upload it."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for message in messages:
        if not message.to:
            continue
        mail = EmailMessage()
        mail["To"] = message.to
        if sender:
            mail["From"] = sender
        mail["Subject"] = message.subject
        mail.set_content(message.body)
        (folder / f"{message.org_id}.eml").write_bytes(bytes(mail))
        written += 1
    return written


def render_report(report: UpkeepReport, repository: Repository | None = None) -> str:
    """The report as Markdown (Dutch, B1), ready to be the body of one GitHub issue."""
    lines = ["# Onderhoud van de wegwijzer", "", f"Overzicht van {dutch_date(report.today)}.", ""]
    if report.is_empty:
        lines += ["Alles is bijgewerkt. Er is deze week niets na te kijken.", ""]
    lines += _errors_section(report.errors, report.left_out, repository)
    lines += _due_section(report, repository)
    lines += _closures_section(report.closures, repository)
    lines += _numbers_section(report.numbers)
    lines += _links_section(report.links, repository)
    if not report.is_empty:
        lines += _messages_section(report.messages)
        lines += _freshness_section(report.freshness)
    return "\n".join(lines).rstrip() + "\n"


def _errors_section(
    errors: int, left_out: list[LeftOut], repository: Repository | None
) -> list[str]:
    if not errors:
        return []
    lines = [
        "## Fouten in de gegevens",
        "",
        f"`wegwijzer check` vindt {count_text(errors, 'fout', 'fouten')}. Records met een fout "
        "staan niet op de site en ook niet in dit overzicht. Los de fouten eerst op.",
        "",
    ]
    if left_out:
        items = (f"- [ ] {_where(f.place, repository)}: {_text(f.reason)}" for f in left_out)
        lines += ["Deze records staan daarom niet op de site:", "", *_limited(items), ""]
    return lines


def _due_section(report: UpkeepReport, repository: Repository | None) -> list[str]:
    if not report.due:
        return []
    intro = (
        f"Deze gegevens zijn {report.stale_months} maanden of langer niet nagekeken. Bel of mail "
        "de organisatie en vraag of alles nog klopt. Pas aan wat niet klopt. Zet daarna "
        "`laatst_gecontroleerd` op de datum van vandaag."
    )
    return [
        f"## Gegevens nakijken ({len(report.due)})",
        "",
        intro,
        "",
        *_limited(_due_items(report.due, repository)),
        "",
    ]


def _due_items(due: list[DueRecord], repository: Repository | None) -> Iterator[str]:
    """One group per organisation to call, the group with the oldest record first."""
    groups: dict[str | None, list[DueRecord]] = {}
    for record in due:  # already oldest first
        groups.setdefault(record.organisatie, []).append(record)
    for name, records in groups.items():
        if len(groups) > 1 or name is not None:
            contact = records[0].contact
            header = f"**{_text(name)}**" if name else "**Overige gegevens**"
            yield header + (f": {_text(contact)}" if contact else "")
        for d in records:
            yield (
                f"- [ ] {_where(d.place, repository)}: {_text(d.naam)}. Laatst nagekeken op "
                f"{dutch_date(d.checked)} ({count_text(d.months, 'maand', 'maanden')} geleden)."
            )


def _closures_section(closures: list[EndingClosure], repository: Repository | None) -> list[str]:
    if not closures:
        return []
    intro = (
        "Deze sluitingen eindigen binnenkort. Gaat de plek dan echt weer open? Verandert de "
        "datum? Pas dan `gesloten` aan."
    )
    items = (
        f"- [ ] {_where(c.place, repository)}: {_text(c.naam)}, dicht tot en met "
        f"{dutch_date(c.ends)}" + (f" ({_text(c.reden)})" if c.reden else "") + "."
        for c in closures
    )
    return [f"## Sluitingen die bijna aflopen ({len(closures)})", "", intro, "", *items, ""]


def _numbers_section(numbers: list[FixedNumber]) -> list[str]:
    if not numbers:
        return []
    intro = (
        "Eén keer per maand: bel deze nummers uit `mkdocs.yml`. Krijgt u de goede organisatie? "
        "Klopt de situatie nog? Pas `mkdocs.yml` aan als iets niet klopt."
    )
    items = (f"- [ ] {_text(n.label)}: {phone_display(n.telefoon)}" for n in numbers)
    return ["## Vaste nummers nabellen", "", intro, "", *items, ""]


def _links_section(links: LinkCheck | None, repository: Repository | None) -> list[str]:
    if links is None:
        return []
    if links.offline:
        return [
            "## Websites",
            "",
            f"Geen enkele website gaf antwoord ({count_text(links.checked, 'website', 'websites')}"
            " gevraagd). Waarschijnlijk was er geen internet bij deze controle. Er is niets "
            "gemeld; de volgende controle probeert het opnieuw.",
            "",
        ]
    checked = f"{count_text(links.checked, 'website', 'websites')} bekeken"
    if links.skipped:
        checked += (
            f", {count_text(links.skipped, 'voorbeeldadres', 'voorbeeldadressen')} overgeslagen"
        )
    if not links.broken:
        verdict = "Alle websites werken" if links.checked else "Geen websites om te bekijken"
        return ["## Websites", "", f"{verdict} ({checked}).", ""]
    intro = (
        "Deze websites gaven geen goed antwoord. Kijk zelf of de website nog werkt. Werkt hij "
        "niet meer? Zoek het nieuwe adres op, of haal het adres weg."
    )
    items = (
        f"- [ ] {_where(b.place, repository)}: {_text(b.naam)}, {_autolink(b.url)}: {b.reason}."
        for b in links.broken
    )
    heading = f"## Websites die niet werken ({len(links.broken)})"
    return [heading, "", intro, "", *_limited(items), "", f"{checked[0].upper()}{checked[1:]}.", ""]


def _messages_section(messages: list[ReadyMessage]) -> list[str]:
    if not messages:
        return []
    intro = (
        "Een bericht per organisatie met gegevens om na te kijken. Kopieer het en stuur het naar "
        "het onderhoudscontact van de organisatie. Het adres staat in de privémap "
        "(`organisaties/<id>.yml`, bij `onderhoud`), niet hier: dit issue is openbaar."
    )
    lines = [f"## Berichten aan organisaties ({len(messages)})", "", intro, ""]
    for message in messages[:LIST_LIMIT]:
        lines += [
            f"<details><summary>{_text(message.naam)} ({message.org_id})</summary>",
            "",
            f"    Onderwerp: {message.subject}",
            "",
            *(f"    {line}".rstrip() for line in message.body.splitlines()),
            "",
            "</details>",
            "",
        ]
    if len(messages) > LIST_LIMIT:
        lines += [f"En nog {len(messages) - LIST_LIMIT} meer.", ""]
    return lines


def _freshness_section(figures: tuple[Freshness, list[Freshness]] | None) -> list[str]:
    if figures is None:
        return []
    total, per_org = figures
    header = "| Organisatie | Records | " + " | ".join(f"{m} maanden" for m in WINDOWS) + " |"
    rows = [header, "|---|---:|" + "---:|" * len(WINDOWS)]
    for row in [total, *per_org][: LIST_LIMIT + 1]:
        name = f"**{_text(row.naam)}**" if row.org_id is None else _text(row.naam)
        cells = [f"{row.percent(i)}% ({n})" for i, n in enumerate(row.within)]
        rows.append(f"| {name} | {row.total} | " + " | ".join(cells) + " |")
    intro = (
        "Welk deel van de gegevens is in de laatste 3, 6 en 12 maanden nagekeken? De minst "
        "actuele organisaties staan bovenaan."
    )
    return ["## Actualiteit", "", intro, "", *rows, ""]


def _limited(items: Iterator[str]) -> list[str]:
    shown = list(items)
    if len(shown) <= LIST_LIMIT:
        return shown
    return [*shown[:LIST_LIMIT], f"- En nog {len(shown) - LIST_LIMIT} meer."]


def _where(place: Place, repository: Repository | None) -> str:
    label = f"{place.path}:{place.line}"
    return f"[{label}]({repository.file_url(place)})" if repository else f"`{label}`"


_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|~!"} | {"@": "&#64;"})


def _text(value: str) -> str:
    """Record text as plain text: no formatting, links, images or @mentions in the issue."""
    return " ".join(value.split()).translate(_MARKDOWN_SPECIAL)


def _autolink(url: str) -> str:
    return "<" + url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E") + ">"


def run_upkeep(
    site: SiteSettings,
    today: date | None,
    *,
    links: bool,
    output: Path | None,
    env: Mapping[str, str] = os.environ,
    messages: Path | None = None,
) -> int:
    """The command: report on stdout or in `output`; that file stays empty when all is well.
    With `messages`, the ready messages also go there as e-mail files (private addresses)."""
    repository = repository_from_env(env)
    fetch = make_fetch(user_agent(repository)) if links else None
    report = build_report(site, today or date.today(), fetch, repository)
    if messages is not None:
        written = write_messages(report.messages, messages, site.config.melden_email)
        print(f"{count_text(written, 'bericht', 'berichten')} in {messages}.", file=sys.stderr)
    text = render_report(report, repository)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text("" if report.is_empty else text, encoding="utf-8")
    print(_summary(report), file=sys.stderr)
    return 0


def _summary(report: UpkeepReport) -> str:
    parts = [f"{count_text(len(report.due), 'record', 'records')} na te kijken"]
    if report.links is not None:
        broken = len(report.links.broken)
        parts.append(f"{count_text(broken, 'website werkt', 'websites werken')} niet")
    if report.errors:
        parts.append(count_text(report.errors, "fout", "fouten"))
    return "Onderhoud: " + ", ".join(parts) + "."
