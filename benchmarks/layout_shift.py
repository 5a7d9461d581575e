"""How far a page moves after it is first drawn, at a given clock time (issues 27 and 30).

Lighthouse counts layout shift (CLS) at whatever time it runs. Our help bar changes with the
clock: when the loket is closed, openingstijden.js puts the urgent line that answers now in
the loket button's place. So measure at fixed times: open each page in headless Chromium at
360 px (4x slower CPU, as Lighthouse's phone) with the clock set, and print the layout-shift
entries the browser reports and which boxes changed height.

    .venv/bin/mkdocs build -q -f tests/fixtures/voorbeeldstad/mkdocs.yml -d /tmp/vb
    .venv/bin/python benchmarks/layout_shift.py /tmp/vb spoed/ ar/ --tijd 10:30 22:45
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.run import CHROMIUM, serve_gzip

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAY = (2026, 12, 8)  # a Tuesday: the sample's loket is open 9-17
OBSERVE = """
window.__wwShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__wwShifts.push({
      value: entry.value,
      sources: (entry.sources || []).map((s) => s.node
        ? s.node.nodeName + "." + (typeof s.node.className === "string" ? s.node.className : "")
        : "?"),
    });
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def measure(site: Path, paths: list[str], times: list[str]) -> None:
    with serve_gzip(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        print("| tijd | pagina | layout shift | verschoven |")
        print("|---|---|---|---|")
        for clock in times:
            hour, minute = (int(part) for part in clock.split(":"))
            moment = datetime(*DAY, hour, minute, tzinfo=AMSTERDAM)
            for path in paths:
                context = browser.new_context(viewport={"width": 360, "height": 740})
                page = context.new_page()
                context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
                page.clock.set_fixed_time(moment)
                page.add_init_script(OBSERVE)
                page.goto(base + path, wait_until="load")
                page.wait_for_timeout(2000)
                shifts = page.evaluate("window.__wwShifts")
                total = sum(shift["value"] for shift in shifts)
                moved = sorted({source for shift in shifts for source in shift["sources"]})
                print(f"| {clock} | /{path} | {total:.3f} | {', '.join(moved)[:120]} |")
                context.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site")
    parser.add_argument("paths", nargs="*", default=["", "spoed/", "overzicht/"])
    parser.add_argument("--tijd", nargs="+", default=["10:30", "22:45"], help="HH:MM")
    args = parser.parse_args()
    measure(args.site, args.paths, args.tijd)


if __name__ == "__main__":
    main()
