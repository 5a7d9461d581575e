"""Screenshots of the sample site for review in a pull request (docs/beheer/schermafbeeldingen/).

Builds the fixture site offline, serves it on 127.0.0.1 and photographs the viewport (not the
whole page) of a few page types at a phone and a desktop width, at a fixed time so "nu open"
reads the same in every run. Map tiles are not fetched: the map shows its empty background.
Run: .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import functools
import sys
import tempfile
import threading
from datetime import datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Route, sync_playwright

from tests.browser.conftest import CHROMIUM
from tests.conftest import ROOT, SAMPLE

OUT = ROOT / "docs" / "beheer" / "schermafbeeldingen"
PAGES = {
    "start": "/",
    "overzicht": "/overzicht/",
    "locatie": "/locaties/inloop-geldzaken-bibliotheek-centrum/",
    "kaart": "/kaart/",
}
WIDTHS = {"360": (360, 740), "1280": (1280, 800)}
CLOCK = datetime(2026, 12, 1, 10, 15, tzinfo=ZoneInfo("Europe/Amsterdam"))  # a Tuesday


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _only_local(route: Route) -> None:
    if route.request.url.startswith("http://127.0.0.1"):
        route.continue_()
    else:
        route.abort()


def take(site: Path, out: Path = OUT) -> list[Path]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM)
            for width, (w, h) in WIDTHS.items():
                context = browser.new_context(
                    viewport={"width": w, "height": h}, timezone_id="Europe/Amsterdam"
                )
                page = context.new_page()
                page.clock.set_fixed_time(CLOCK)
                page.route("**/*", _only_local)
                for name, path in PAGES.items():
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    target = out / f"{name}-{width}.png"
                    page.screenshot(path=str(target))
                    written.append(target)
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        build(load_config(str(SAMPLE / "mkdocs.yml"), site_dir=folder))
        for path in take(Path(folder)):
            print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
