"""`wegwijzer pdf`: the printable wegwijzer as an A4 PDF, made by Chromium from the built site.

Meant for the referrers' edition, which coordinators e-mail to volunteers: the edition is built
encrypted into a temporary folder, served on this machine only (127.0.0.1), opened with the
passphrase from WEGWIJZER_VERWIJZERS_WACHTWOORD and printed. Nothing plain is written but the
PDF itself, which the coordinator keeps out of the repository. Chromium may ask nothing from
any other host: every other request is aborted.

Needs Playwright (`pip install 'wegwijzer[pdf]'`) and a Chromium: the one named by
WEGWIJZER_CHROMIUM, else `chromium` on the PATH, else Playwright's own.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from wegwijzer.settings.config import PASSPHRASE_ENV

PRINT_PAGE = "afdrukken/"
TIMEOUT_MS = 60_000  # deriving the key takes a while on a slow laptop


class PdfError(Exception):
    """What went wrong, in Dutch, for the coordinator who ran the command."""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """A built site on 127.0.0.1 only, at a free port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _chromium() -> str | None:
    return os.environ.get("WEGWIJZER_CHROMIUM") or shutil.which("chromium")


def write_pdf(config_file: Path, output: Path) -> Path:
    """Build the site of `config_file` and print its print page to `output` (A4)."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise PdfError(
            "Voor een PDF is Playwright nodig. Installeer het met: pip install 'wegwijzer[pdf]'"
        ) from None
    with tempfile.TemporaryDirectory(prefix="wegwijzer-pdf-") as folder:
        _build(config_file, Path(folder))
        with serve_folder(Path(folder)) as base, sync_playwright() as playwright:
            try:
                browser = playwright.chromium.launch(executable_path=_chromium())
            except Error as exc:
                raise PdfError(
                    "Chromium start niet. Installeer Chromium of zet het pad in "
                    f"WEGWIJZER_CHROMIUM. ({str(exc).splitlines()[0]})"
                ) from None
            try:
                page = browser.new_page()
                page.route(lambda url: not url.startswith(base), lambda route: route.abort())
                page.goto(base + PRINT_PAGE)
                if page.locator("#ww-slot").count():
                    _unlock(page)
                page.locator(".ww-afdrukken").wait_for(timeout=TIMEOUT_MS)
                _gather_parts(page, base)
                page.emulate_media(media="print")
                output.parent.mkdir(parents=True, exist_ok=True)
                page.pdf(
                    path=str(output),
                    format="A4",
                    margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"},
                )
            finally:
                browser.close()
    return output


def _gather_parts(page: Any, base: str) -> None:
    """A big site's print page is an index with a page per place: open each (the key of the
    referrers' edition stays in this tab) and put them all after the index, as one document."""
    links = page.eval_on_selector_all("a[data-ww-print-link]", "links => links.map(a => a.href)")
    if not links:
        return
    parts = []
    for url in dict.fromkeys(links):
        page.goto(url)
        page.locator(".ww-afdrukken").wait_for(timeout=TIMEOUT_MS)
        parts.append(page.eval_on_selector(".ww-afdrukken", "el => el.outerHTML"))
    page.goto(base + PRINT_PAGE)
    page.locator(".ww-afdrukken").wait_for(timeout=TIMEOUT_MS)
    # Our own pages' HTML, already escaped when they were built; put back as it came.
    page.eval_on_selector(
        ".ww-afdrukken",
        """(index, parts) => parts.forEach(html => {
            const part = document.createElement('div');
            part.innerHTML = html;
            part.firstElementChild.style.breakBefore = 'page';
            index.after(part.firstElementChild);
        })""",
        list(reversed(parts)),
    )


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _build(config_file: Path, folder: Path) -> None:
    """mkdocs logs why a build fails; outside its own command nobody would see that."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        build(load_config(str(config_file), site_dir=str(folder), strict=True))
    except (Abort, ConfigurationError) as exc:
        reasons = "\n".join(collect.messages) or str(exc)
        raise PdfError(f"De site kon niet gebouwd worden:\n{reasons}") from None
    finally:
        logger.removeHandler(collect)


def _unlock(page: Any) -> None:
    passphrase = os.environ.get(PASSPHRASE_ENV, "")
    if not passphrase:
        raise PdfError(f"Zet het wachtwoord van de verwijzersgids in {PASSPHRASE_ENV}.")
    page.fill("#ww-slot-wachtwoord", passphrase)
    page.click("#ww-slot button[type=submit]")
    page.wait_for_function("() => !document.getElementById('ww-slot')", timeout=TIMEOUT_MS)
