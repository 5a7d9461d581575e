"""Benchmark (issue 8): build synthetic sites of several sizes and print what they cost.

    .venv/bin/python benchmarks/run.py --sizes 1000 10000 [--keep DIR] [--json FILE]

For every size: generate a site (benchmarks/synthetic.py), build it with `mkdocs build --strict`
in a fresh process (peak memory is that process's ru_maxrss), build a plain mkdocs-material
site with the same records as flat pages, measure the output, what a phone downloads
(gzip-compressed, as a web server sends it) and, in headless Chromium, how long a filter takes.
Prints Markdown tables and the budgets of issue 8, each met or not met.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import platform
import posixpath
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `benchmarks` as a package

from benchmarks.synthetic import make_baseline, make_site

from wegwijzer.outputs.pdf import serve_folder

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]
GZIP_LEVEL = 6  # what nginx and most CDNs use; GitHub Pages compresses similarly
LIST_PAGES = ("overzicht/", "fase/", "doelgroep/", "kaart/", "afdrukken/")
RECORD_PAGES = ("organisaties/", "locaties/")
KB, MB = 1024, 1024 * 1024

# Runs one build and reports its own child's peak memory: a fresh wrapper per build, so
# RUSAGE_CHILDREN holds that build only.
WRAPPER = """\
import json, resource, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[2], "wb") as log:
    code = subprocess.call(sys.argv[3:], stdout=log, stderr=subprocess.STDOUT)
seconds = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(sys.argv[1], "w") as out:
    json.dump({"code": code, "seconds": seconds, "peak_kb": peak_kb}, out)
"""


@dataclass
class Build:
    seconds: float
    peak_mb: float
    pages: int = 0


@dataclass
class Result:
    """Everything measured for one size; the tables and budgets read only this."""

    locations: int
    organisations: int
    generate_seconds: float
    ours: Build
    baseline: Build
    sizes: dict[str, Any] = field(default_factory=dict)
    transfer: dict[str, Any] = field(default_factory=dict)
    browser: dict[str, Any] = field(default_factory=dict)

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.ours.seconds / self.ours.pages


# --- building -------------------------------------------------------------------------------


def build(config: Path, out: Path, log: Path) -> Build:
    """`mkdocs build --strict` in its own process; raises with the log's tail if it fails."""
    result_file = out.parent / f"{out.name}.rusage.json"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    command += ["-d", str(out)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    wrapper = [sys.executable, "-c", WRAPPER, str(result_file), str(log)]
    subprocess.run([*wrapper, *command], check=True, env=env)
    measured = json.loads(result_file.read_text())
    if measured["code"] != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"build of {config} failed (exit {measured['code']}):\n{tail}")
    pages = sum(1 for _ in out.rglob("index.html"))
    return Build(measured["seconds"], measured["peak_kb"] / 1024, pages)


# --- sizes of the output --------------------------------------------------------------------


@functools.cache
def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0))


def _largest(pages: dict[str, int], prefixes: tuple[str, ...]) -> tuple[str, int]:
    found = [(size, path) for path, size in pages.items() if path.startswith(prefixes)]
    size, path = max(found, default=(0, "-"))
    return path, size


def output_sizes(site: Path) -> dict[str, Any]:
    pages = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("index.html")}
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    search = site / "zoeken.json"  # wegwijzer's own index (issue 16)
    if not search.is_file():  # plain Material (baseline, older builds)
        search = site / "search" / "search_index.json"
    kaart = site / "kaart" / "kaart.html"
    exports = [p for p in (site / "open-data").rglob("*") if p.is_file() and p.suffix != ".html"]
    return {
        "output_mb": total / MB,
        "median_page_kb": statistics.median(pages.values()) / KB,
        "largest_page": _largest(pages, ("",)),
        "largest_record_page": _largest(pages, RECORD_PAGES),
        "largest_list_page": _largest(pages, LIST_PAGES),
        "search_kb": search.stat().st_size / KB,
        "search_gz_kb": gzipped(search) / KB,
        "open_data_kb": sum(p.stat().st_size for p in exports) / KB if exports else None,
        "open_data_gz_kb": sum(gzipped(p) for p in exports) / KB if exports else None,
        "kaart_kb": kaart.stat().st_size / KB if kaart.exists() else None,
        "kaart_gz_kb": gzipped(kaart) / KB if kaart.exists() else None,
    }


# --- what a first visit downloads -----------------------------------------------------------


class _References(HTMLParser):
    """Local stylesheets, scripts and frames a page references (what a browser fetches)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and {"stylesheet", "modulepreload", "preload"} & set(a["rel"].split()):
            self.urls.append(a.get("href", ""))
        elif tag in ("script", "iframe") and a.get("src"):
            self.urls.append(a["src"])


def page_files(site: Path, url: str) -> list[str]:
    """The page at `url` (relative to the site root) and every local file it pulls in."""
    seen: list[str] = []
    todo = [url]
    while todo:
        current = todo.pop()
        path = current + "index.html" if current.endswith("/") or not current else current
        if path in seen or not (site / path).is_file():
            continue
        seen.append(path)
        if path.endswith(".html"):
            parser = _References()
            parser.feed((site / path).read_text("utf-8"))
            todo += [_resolve(path, ref) for ref in parser.urls if _is_local(ref)]
    return seen


def _is_local(ref: str) -> bool:
    return bool(ref) and not urlsplit(ref).scheme and not ref.startswith("//")


def _resolve(page: str, ref: str) -> str:
    return posixpath.normpath(urljoin(page, urlsplit(ref).path)).lstrip("/")


def transfer_kb(site: Path, files: list[str]) -> float:
    return sum(gzipped(site / f) for f in dict.fromkeys(files)) / KB


def search_files(site: Path) -> list[str]:
    """What the search box downloads: our zoeken.json (its script loads with every page), or
    Material's index, worker and lunr with Dutch stemming."""
    if (site / "zoeken.json").is_file():
        return ["zoeken.json"]
    assets = site / "assets" / "javascripts"
    worker = sorted((assets / "workers").glob("search.*.min.js"))
    lunr = [assets / "lunr" / "min" / f for f in ("lunr.stemmer.support.min.js", "lunr.nl.min.js")]
    found = [site / "search" / "search_index.json", *worker, *lunr]
    return [p.relative_to(site).as_posix() for p in found if p.is_file()]


def transfers(site: Path) -> dict[str, Any]:
    overview = page_files(site, "overzicht/")
    return {
        "start_kb": transfer_kb(site, page_files(site, "")),
        "overview_kb": transfer_kb(site, overview),
        "overview_html_kb": transfer_kb(site, overview[:1]),
        "map_kb": transfer_kb(site, page_files(site, "kaart/")),
        "search_kb": transfer_kb(site, search_files(site)),
    }


# --- in the browser -------------------------------------------------------------------------


serve = serve_folder  # the same loopback server `wegwijzer pdf` uses


# The overview's filter renders from overzicht/kaartjes.json (fetched on first use), so a change
# is asynchronous: time `apply()` until its cards are on the page, after one warm-up that
# fetches the file. A postcode query is the same call with a position set.
FILTER_SCRIPT = """async () => {
  const overview = window.wegwijzerOverzicht;
  const select = document.getElementById('ww-fase');
  const t = performance.now();
  await overview.apply(false);
  const first = performance.now() - t;  // includes fetching and parsing kaartjes.json
  const script = [], layout = [], postcode = [];
  for (const value of ['preventie', 'aanmelding', 'traject', 'nazorg', 'preventie']) {
    select.value = value;
    const t0 = performance.now();
    await overview.apply(false);
    const t1 = performance.now();
    void document.body.offsetHeight;  // style and layout of the changed list
    const t2 = performance.now();
    script.push(t1 - t0);
    layout.push(t2 - t0);
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)));
  }
  select.value = '';
  for (const here of [[52.37, 4.9], [51.92, 4.48], [52.09, 5.12], [53.22, 6.57], [51.44, 5.48]]) {
    overview.here = here;
    overview.hereName = 'test';
    const t0 = performance.now();
    await overview.apply(false);
    void document.body.offsetHeight;
    postcode.push(performance.now() - t0);
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)));
  }
  const nav = performance.getEntriesByType('navigation')[0];
  return {script, layout, postcode, first, dom_ready_ms: nav.domContentLoadedEventEnd,
          cards: document.querySelectorAll('.ww-kaartje').length,
          elements: document.getElementsByTagName('*').length};
}"""

FIRST_PAINT_ELEMENTS = """() => document.getElementsByTagName('*').length"""


def browser_measurements(site: Path) -> dict[str, Any]:
    """Median filter time on the overview, and which files a first visit really requests."""
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.route("**/*", lambda route: _local_only(route, base))
        result = {name: _requested(context, base, url) for name, url in _VISITS.items()}
        timing = _filter_timing(context, base, slowdown=1)
        slow = _filter_timing(context, base, slowdown=4)
        browser.close()
    result["filter_ms"] = statistics.median(timing["script"])
    result["filter_layout_ms"] = statistics.median(timing["layout"])
    result["postcode_ms"] = statistics.median(timing["postcode"])
    result["first_filter_ms"] = timing["first"]
    result["filter_4x_ms"] = statistics.median(slow["layout"])
    result["postcode_4x_ms"] = statistics.median(slow["postcode"])
    result["overview_elements"] = timing["first_paint_elements"]
    result["overview_dom_ready_ms"] = timing["dom_ready_ms"]
    result["cards"] = timing["cards"]
    return result


def _filter_timing(context: Any, base: str, slowdown: int) -> dict[str, Any]:
    """FILTER_SCRIPT on a fresh overview; slowdown 4 is Chromium's CPU throttling (DevTools)."""
    page = context.new_page()
    if slowdown > 1:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
    page.goto(base + "overzicht/", wait_until="load", timeout=600_000)
    page.wait_for_selector("#ww-filters:not([hidden])", timeout=600_000)
    elements = page.evaluate(FIRST_PAINT_ELEMENTS)
    timing: dict[str, Any] = page.evaluate(FILTER_SCRIPT)
    timing["first_paint_elements"] = elements
    page.close()
    return timing


_VISITS = {"visit_start": "", "visit_overview": "overzicht/", "visit_map": "kaart/"}


def _local_only(route: Any, base: str) -> None:
    if route.request.url.startswith(base):
        route.continue_()
    else:
        route.abort()  # map tiles and anything else from outside: not part of the budgets


def _requested(context: Any, base: str, url: str) -> list[str]:
    """Every local file the page asks for, including what its scripts fetch after loading."""
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(base + url, wait_until="load", timeout=600_000)
    page.wait_for_load_state("networkidle", timeout=600_000)
    page.wait_for_timeout(1000)
    page.close()
    local = (urlsplit(u).path.lstrip("/") for u in urls if u.startswith(base))
    return list(dict.fromkeys(p + "index.html" if p.endswith("/") or not p else p for p in local))


# --- one size -------------------------------------------------------------------------------


def measure(size: int, work: Path, args: argparse.Namespace, browser: bool) -> Result:
    started = time.perf_counter()
    config = make_site(work / "site", size, args.seed, args.site_url)
    generate_seconds = time.perf_counter() - started
    ours = build(config, work / "out", work / "build.log")
    baseline_config = make_baseline(work / "baseline", size, args.seed)
    baseline = build(baseline_config, work / "baseline-out", work / "baseline.log")
    result = Result(size, size // 2, generate_seconds, ours, baseline)
    site = work / "out"
    result.sizes = output_sizes(site)
    result.transfer = transfers(site)
    if browser:
        result.browser = browser_measurements(site)
        for name in _VISITS:
            files = result.browser[name]
            result.transfer[f"{name}_observed_kb"] = transfer_kb(site, files)
    return result


# --- reporting ------------------------------------------------------------------------------


def machine_info() -> dict[str, str]:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if "model name" in line),
        platform.processor() or "?",
    )
    mem = next((line.split()[1] for line in _lines("/proc/meminfo") if "MemTotal" in line), "0")
    return {
        "cpu": cpu,
        "nproc": str(len(os.sched_getaffinity(0))),
        "memory": f"{int(mem) / MB:.1f} GB",
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "python": platform.python_version(),
        "mkdocs": metadata.version("mkdocs"),
        "mkdocs-material": metadata.version("mkdocs-material"),
        "wegwijzer": metadata.version("wegwijzer") + _git_state(),
        "chromium": _command_output([CHROMIUM, "--version"]),
    }


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def _command_output(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "-"


def _git_state() -> str:
    root = str(Path(__file__).resolve().parent.parent)
    commit = _command_output(["git", "-C", root, "rev-parse", "--short", "HEAD"])
    dirty = _command_output(["git", "-C", root, "status", "--porcelain", "--", "src", "mkdocs.yml"])
    return f" (git {commit}{', with uncommitted changes' if dirty else ''})"


Column = tuple[str, Callable[[Result], str]]


def _table(columns: list[Column], results: list[Result]) -> str:
    lines = ["| " + " | ".join(name for name, _ in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(r) for _, cell in columns) + " |" for r in results]
    return "\n".join(lines)


def _n(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _kb(entry: tuple[str, int]) -> str:
    path, size = entry
    return f"{size / KB:,.1f} ({path.removesuffix('index.html') or '/'})"


def _size(key: str, digits: int = 1) -> Callable[[Result], str]:
    return lambda r: _n(r.sizes[key], digits) if isinstance(r.sizes[key], float) else "-"


def _largest_column(key: str) -> Callable[[Result], str]:
    return lambda r: _kb(r.sizes[key])


def _transfer(key: str) -> Callable[[Result], str]:
    return lambda r: _n(r.transfer.get(key))


def _observed(r: Result) -> str:
    return " / ".join(_n(r.transfer.get(f"{visit}_observed_kb")) for visit in _VISITS)


def _eager_index(r: Result) -> str:
    visit = r.browser["visit_start"]
    return "ja" if "search/search_index.json" in visit or "zoeken.json" in visit else "nee"


LOCATIONS: Column = ("locaties", lambda r: f"{r.locations:,}")
BUILD_COLUMNS: list[Column] = [
    LOCATIONS,
    ("organisaties", lambda r: f"{r.organisations:,}"),
    ("pagina's", lambda r: f"{r.ours.pages:,}"),
    ("tijd (s)", lambda r: _n(r.ours.seconds)),
    ("piekgeheugen (MB)", lambda r: _n(r.ours.peak_mb, 0)),
    ("ms per pagina", lambda r: _n(r.ms_per_page, 2)),
    ("uitvoer (MB)", _size("output_mb")),
    ("baseline: pagina's", lambda r: f"{r.baseline.pages:,}"),
    ("baseline: tijd (s)", lambda r: _n(r.baseline.seconds)),
    ("baseline: geheugen (MB)", lambda r: _n(r.baseline.peak_mb, 0)),
    ("tijd / baseline", lambda r: f"{r.ours.seconds / r.baseline.seconds:.2f}×"),
]
SIZE_COLUMNS: list[Column] = [
    LOCATIONS,
    ("mediaan pagina", _size("median_page_kb")),
    ("grootste recordpagina", _largest_column("largest_record_page")),
    ("grootste lijstpagina", _largest_column("largest_list_page")),
    ("grootste pagina", _largest_column("largest_page")),
]
DATA_COLUMNS: list[Column] = [
    LOCATIONS,
    ("zoekindex", _size("search_kb")),
    ("zoekindex gzip", _size("search_gz_kb")),
    ("open-data", _size("open_data_kb")),
    ("open-data gzip", _size("open_data_gz_kb")),
    ("kaart.html", _size("kaart_kb")),
    ("kaart.html gzip", _size("kaart_gz_kb")),
]
TRANSFER_COLUMNS: list[Column] = [
    LOCATIONS,
    ("start", _transfer("start_kb")),
    ("overzicht: alleen html", _transfer("overview_html_kb")),
    ("overzicht", _transfer("overview_kb")),
    ("kaart (zonder tegels)", _transfer("map_kb")),
    ("zoeken", _transfer("search_kb")),
    ("in Chromium: start / overzicht / kaart", _observed),
]
BROWSER_COLUMNS: list[Column] = [
    LOCATIONS,
    ("kaartjes", lambda r: f"{r.browser['cards']:,}"),
    ("filter: script (ms)", lambda r: _n(r.browser["filter_ms"])),
    ("filter: script + layout (ms)", lambda r: _n(r.browser["filter_layout_ms"])),
    ("postcode (ms)", lambda r: _n(r.browser["postcode_ms"])),
    ("eerste filter, met ophalen (ms)", lambda r: _n(r.browser["first_filter_ms"])),
    (
        "filter / postcode bij 4× trager (ms)",
        lambda r: f"{_n(r.browser['filter_4x_ms'])} / {_n(r.browser['postcode_4x_ms'])}",
    ),
    ("DOM-elementen overzicht", lambda r: f"{r.browser['overview_elements']:,}"),
    ("overzicht DOMContentLoaded (ms)", lambda r: _n(r.browser["overview_dom_ready_ms"], 0)),
    ("zoekindex al bij eerste bezoek start?", _eager_index),
]


@dataclass
class Budget:
    name: str
    measured: str
    met: bool | None  # None: not measured in this run


def budgets(results: list[Result]) -> list[Budget]:
    by_size = {r.locations: r for r in results}
    one, ten = by_size.get(1000), by_size.get(10000)
    found: list[Budget] = []
    for r in results:
        ratio = r.ours.seconds / r.baseline.seconds
        found.append(
            Budget(f"bouwtijd ≤ 1,5× baseline ({r.locations:,})", f"{ratio:.2f}×", ratio <= 1.5)
        )
    if ten:
        found.append(
            Budget("10.000 locaties < 90 s", f"{ten.ours.seconds:.1f} s", ten.ours.seconds < 90)
        )
    peak = max(results, key=lambda r: r.ours.peak_mb)
    where = f"{peak.ours.peak_mb:,.0f} MB bij {peak.locations:,}"
    found.append(Budget("piekgeheugen < 1 GB", where, peak.ours.peak_mb < 1024))
    if one and ten:
        ratio = ten.ms_per_page / one.ms_per_page
        found.append(Budget("tijd per pagina 10k ≤ 1,2× 1k", f"{ratio:.2f}×", ratio <= 1.2))
    for r in results:
        found += _page_budgets(r)
    found += _transfer_budgets(one, ten)
    return found


def _page_budgets(r: Result) -> list[Budget]:
    record, listing = r.sizes["largest_record_page"], r.sizes["largest_list_page"]
    return [
        Budget(f"recordpagina ≤ 30 KB ({r.locations:,})", _kb(record), record[1] <= 30 * KB),
        Budget(f"lijstpagina ≤ 150 KB ({r.locations:,})", _kb(listing), listing[1] <= 150 * KB),
        *_visit_budgets(
            r, f"eerste bezoek start ({r.locations:,})", "start_kb", "visit_start", 100
        ),
    ]


def _visit_budgets(r: Result, name: str, key: str, visit: str, limit: float) -> list[Budget]:
    """The page plus the CSS/JS its HTML names; and, if measured, all Chromium fetched."""
    found = [
        Budget(f"{name} < {limit:.0f} KB", f"{r.transfer[key]:.1f} KB", r.transfer[key] < limit)
    ]
    observed = r.transfer.get(f"{visit}_observed_kb")
    if observed is not None:
        name = f"{name}, alles wat Chromium ophaalt, < {limit:.0f} KB"
        found.append(Budget(name, f"{observed:.1f} KB", observed < limit))
    return found


def _transfer_budgets(one: Result | None, ten: Result | None) -> list[Budget]:
    found = []
    if one:
        found += _visit_budgets(
            one, "overzicht met filterdata (1.000)", "overview_kb", "visit_overview", 250
        )
        found += _visit_budgets(
            one, "kaartpagina zonder tegels (1.000)", "map_kb", "visit_map", 250
        )
        kb = one.transfer["search_kb"]
        found.append(Budget("zoeken (1.000) < 150 KB", f"{kb:.1f} KB", kb < 150))
    if ten:
        kb = ten.transfer["search_kb"]
        found.append(Budget("zoeken (10.000) ≤ 150 KB per zoekvraag", f"{kb:.1f} KB", kb <= 150))
    if ten and ten.browser:
        found += _interaction_budgets(ten)
    return found


def _interaction_budgets(ten: Result) -> list[Budget]:
    """Issue 16: overview at 10,000 locations, headless Chromium (4x slowdown noted)."""
    b = ten.browser
    ms, script = b["filter_layout_ms"], b["filter_ms"]
    slow = f"; 4× trager: {b['filter_4x_ms']:.1f} ms"
    return [
        Budget(
            "filter over 10.000 < 50 ms (mediaan van 5, script + layout)",
            f"{ms:.1f} ms (script alleen: {script:.1f} ms{slow})",
            ms < 50,
        ),
        Budget(
            "postcode over 10.000 < 50 ms (mediaan van 5)",
            f"{b['postcode_ms']:.1f} ms (4× trager: {b['postcode_4x_ms']:.1f} ms)",
            b["postcode_ms"] < 50,
        ),
        Budget(
            "overzicht bij 10.000 ≤ 2.500 DOM-elementen bij eerste weergave",
            f"{b['overview_elements']:,}",
            b["overview_elements"] <= 2500,
        ),
    ]


def budget_table(results: list[Result]) -> str:
    lines = ["| budget | gemeten | oordeel |", "|---|---|---|"]
    for b in budgets(results):
        lines.append(f"| {b.name} | {b.measured} | {'gehaald' if b.met else '**niet gehaald**'} |")
    return "\n".join(lines)


def report(results: list[Result], machine: dict[str, str], skipped: list[str]) -> str:
    parts = ["## Machine", "", *[f"- {k}: {v}" for k, v in machine.items()], ""]
    parts += ["## Bouwen", "", _table(BUILD_COLUMNS, results), ""]
    if len(results) > 1:
        first = results[0]
        for r in results[1:]:
            ratio = r.ms_per_page / first.ms_per_page
            parts.append(f"- tijd per pagina {r.locations:,} / {first.locations:,}: {ratio:.2f}×")
        parts.append("")
    parts += ["## Paginagroottes (HTML, KB)", "", _table(SIZE_COLUMNS, results), ""]
    parts += ["## Gegevensbestanden (KB)", "", _table(DATA_COLUMNS, results), ""]
    parts += ["## Wat een telefoon downloadt (KB, gzip)", "", _table(TRANSFER_COLUMNS, results), ""]
    measured = [r for r in results if r.browser]
    if measured:
        parts += ["## In Chromium", "", _table(BROWSER_COLUMNS, measured), ""]
    parts += ["## Budgetten (issue 8)", "", budget_table(results), ""]
    parts += [f"- {note}" for note in skipped]
    return "\n".join(parts)


# --- main -----------------------------------------------------------------------------------


def _too_big(previous: Result, size: int, max_seconds: float) -> str | None:
    """Skip a bigger size when the last build was already slow or would not fit in memory."""
    grow = size / previous.locations
    available = next(
        (int(line.split()[1]) / 1024 for line in _lines("/proc/meminfo") if "MemAvailable" in line),
        float("inf"),
    )
    if previous.ours.seconds > max_seconds:
        took = f"{previous.ours.seconds:.0f} s"
        return f"{size:,} overgeslagen: {previous.locations:,} duurde al {took}"
    if previous.ours.peak_mb * grow * 1.5 > available:
        return f"{size:,} overgeslagen: verwacht geheugen past niet ({available:,.0f} MB vrij)"
    return None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--keep", type=Path, help="keep sites and builds in this folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--site-url", help="set site_url in the copied mkdocs.yml (QR codes)")
    parser.add_argument("--json", type=Path, help="also write all measurements as JSON")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium part")
    parser.add_argument(
        "--max-build-seconds",
        type=float,
        default=180,
        help="skip larger sizes once a build takes longer than this (default 180)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    machine = machine_info()
    results: list[Result] = []
    skipped: list[str] = []
    browser = not args.no_browser and Path(CHROMIUM).exists()
    root = args.keep or Path(tempfile.mkdtemp(prefix="wegwijzer-bench-"))
    try:
        for size in sorted(args.sizes):
            reason = _too_big(results[-1], size, args.max_build_seconds) if results else None
            if reason:
                skipped.append(reason)
                continue
            print(f"[{time.strftime('%H:%M:%S')}] {size:,} locaties ...", file=sys.stderr)
            work = root / str(size)
            shutil.rmtree(work, ignore_errors=True)
            results.append(measure(size, work, args, browser))
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    print(report(results, machine, skipped))
    if args.json:
        payload = {"machine": machine, "results": [_as_json(r) for r in results]}
        args.json.write_text(json.dumps(payload, indent=2, default=str), "utf-8")
    return 0


def _as_json(result: Result) -> dict[str, Any]:
    from dataclasses import asdict

    return {**asdict(result), "ms_per_page": result.ms_per_page}


if __name__ == "__main__":
    sys.exit(main())
