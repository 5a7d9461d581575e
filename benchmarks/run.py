"""Benchmark (issue 8): build synthetic sites of several sizes and print what they cost.

    .venv/bin/python benchmarks/run.py --sizes 1000 10000 [--keep DIR] [--json FILE]

For every size: generate a site (benchmarks/synthetic.py), build it with `mkdocs build --strict`
in a fresh process (peak memory is that process's ru_maxrss), build a plain mkdocs-material
site with the same records as flat pages, measure the output, what a phone downloads
(gzip-compressed, as a web server sends it) and, in headless Chromium, how long a filter takes.
Prints Markdown tables and the budgets of issue 16 (national scale), each "gehaald" or "niet
gehaald"; a step that fails or times out is recorded as "niet gemeten" and the run goes on.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import os
import platform
import posixpath
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `benchmarks` as a package

from benchmarks.synthetic import make_baseline, make_site

from wegwijzer.outputs.pdf import serve_folder
from wegwijzer.site import offline

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]
GZIP_LEVEL = 6  # what nginx and most CDNs use; GitHub Pages compresses similarly
STEP_TIMEOUT_MS = 120_000  # one browser step; past it the figure is "niet gemeten (time-out)"
BUILD_TIMEOUT_S = 1800  # one build
LIGHTHOUSE = os.environ.get(
    "WEGWIJZER_LIGHTHOUSE", "/tmp/s3hb-lh/node_modules/.bin/lighthouse"
)  # installed outside the project: npm install --prefix /tmp/x lighthouse
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
    subprocess.run([*wrapper, *command], check=True, env=env, timeout=BUILD_TIMEOUT_S)
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
        **precache_sizes(site),
    }


def precache_sizes(site: Path) -> dict[str, float | None]:
    """What the service worker keeps at the first visit (issue 30): stored and sent (gzip)."""
    if not (site / offline.WORKER).is_file():  # plain Material (baseline, older builds)
        return {"precache_kb": None, "precache_gz_kb": None}
    files = [offline._file(site, path) for path in offline.precache(site)]
    return {
        "precache_kb": sum(f.stat().st_size for f in files) / KB,
        "precache_gz_kb": sum(gzipped(f) for f in files) / KB,
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
    """What search starts from: our index's entry file (`zoeken/index.json`, fetched with the
    first query; the word files and blocks a query needs come on top, see search_bench.py),
    or Material's index, worker and lunr with Dutch stemming."""
    if (site / "zoeken" / "index.json").is_file():
        return ["zoeken/index.json"]
    assets = site / "assets" / "javascripts"
    worker = sorted((assets / "workers").glob("search.*.min.js"))
    lunr = [assets / "lunr" / "min" / f for f in ("lunr.stemmer.support.min.js", "lunr.nl.min.js")]
    found = [site / "search" / "search_index.json", *worker, *lunr]
    return [p.relative_to(site).as_posix() for p in found if p.is_file()]


def record_page(site: Path, folder: str) -> str:
    """One organisation or location page, the same one in every run: the first by name."""
    found = sorted(p.parent.name for p in (site / folder).glob("*/index.html"))
    return f"{folder}/{found[0]}/" if found else f"{folder}/"


def transfers(site: Path) -> dict[str, Any]:
    overview = page_files(site, "overzicht/")
    return {
        "start_kb": transfer_kb(site, page_files(site, "")),
        "overview_kb": transfer_kb(site, overview),
        "overview_html_kb": transfer_kb(site, overview[:1]),
        "map_kb": transfer_kb(site, page_files(site, "kaart/")),
        "organisation_kb": transfer_kb(site, page_files(site, record_page(site, "organisaties"))),
        "location_kb": transfer_kb(site, page_files(site, record_page(site, "locaties"))),
        "search_kb": transfer_kb(site, search_files(site)),
    }


# --- long caching and minification ----------------------------------------------------------

_HASHED = re.compile(r"[.-][0-9a-f]{8,}(?:\.min)?\.(?:css|js)$|[?&](?:v|h|hash)=\w{6,}")


def asset_hygiene(site: Path) -> dict[str, Any]:
    """Are the CSS and JavaScript files the pages name fingerprinted (a hash in the name or a
    ?v= query) and minified (no indented lines)? Checked on the start page's own assets."""
    parser = _References()
    parser.feed((site / "index.html").read_text("utf-8"))
    own = [u for u in parser.urls if _is_local(u) and u.split("?")[0].endswith((".css", ".js"))]
    fingerprinted = [u for u in own if _HASHED.search(u)]
    files = [site / _resolve("index.html", u) for u in own if "wegwijzer" in u]
    minified = [f for f in files if f.is_file() and _looks_minified(f.read_text("utf-8"))]
    return {
        "assets": len(own),
        "fingerprinted": len(fingerprinted),
        "own_assets": len(files),
        "minified": len(minified),
    }


def _looks_minified(text: str) -> bool:
    lines = text.splitlines() or [""]
    indented = sum(1 for line in lines if line[:1] in (" ", "\t"))
    return indented <= len(lines) * 0.05


# --- in the browser -------------------------------------------------------------------------


serve = serve_folder  # the same loopback server `wegwijzer pdf` uses


# The overview's filter renders from overzicht/filter.json and blocks of card details (fetched
# on first use), so a change is asynchronous: time `apply()` until its cards are on the page,
# the second time for the same choice, so the script is timed and not the local network (what
# a first query fetches, and how long it takes with fetching, is QUERY_SCRIPT's). A postcode
# query is the same call with a position set.
FILTER_SCRIPT = """async () => {
  const overview = window.wegwijzerOverzicht;
  const select = document.getElementById('ww-fase');
  const t = performance.now();
  await overview.apply(false);
  const first = performance.now() - t;  // includes fetching and parsing kaartjes.json
  const script = [], layout = [], postcode = [];
  for (const value of ['preventie', 'aanmelding', 'traject', 'nazorg', 'preventie']) {
    select.value = value;
    await overview.apply(false);  // fetches the blocks of the cards shown: timed apart
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
    await overview.apply(false);  // fetches the blocks of the nearest cards: timed apart
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

# The map page with its frame: elements of both documents, once the map has drawn.
MAP_ELEMENTS = """() => {
  const frame = document.querySelector('iframe[data-ww-kaart]');
  const inner = frame && frame.contentDocument;
  return document.getElementsByTagName('*').length +
         (inner ? inner.getElementsByTagName('*').length : 0);
}"""

# One query on a fresh overview, as a reader makes it: what it fetches is measured around it.
QUERY_SCRIPT = """async ([kind, postcode]) => {
  const overview = window.wegwijzerOverzicht;
  const t = performance.now();
  if (kind === 'filter') {
    document.getElementById('ww-fase').value = 'aanmelding';
    await overview.apply(false);
  } else if (kind === 'nu_open') {
    document.querySelector('#ww-filters [name=nu_open]').checked = true;
    await overview.apply(false);
  } else {
    document.getElementById('ww-postcode').value = postcode;
    await overview.searchPostcode();
  }
  return performance.now() - t;
}"""


class StepFailed(Exception):
    """A browser step that did not finish: its figure is reported as not measured."""


def _step(result: dict[str, Any], name: str, run: Callable[[], Any]) -> Any:
    """Run one measurement; a time-out or error is noted and the benchmark goes on."""
    try:
        value = run()
    except Exception as exc:  # playwright's TimeoutError and Error, or a script error
        kind = "time-out" if "Timeout" in type(exc).__name__ else type(exc).__name__
        result.setdefault("not_measured", {})[name] = kind
        print(f"  {name}: niet gemeten ({kind}: {str(exc).splitlines()[0][:160]})", file=sys.stderr)
        return None
    result[name] = value
    return value


def browser_measurements(site: Path) -> dict[str, Any]:
    """Which files a first visit really requests, DOM sizes, and filter and postcode timings."""
    from playwright.sync_api import sync_playwright

    result: dict[str, Any] = {}
    visits = visit_urls(site)
    postcode = _some_postcode(site)
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.set_default_timeout(STEP_TIMEOUT_MS)
        context.route("**/*", lambda route: _local_only(route, base))
        for name, url in visits.items():
            _step(result, name, lambda url=url: _requested(context, base, url))
        _step(result, "map_elements", lambda: _map_elements(context, base))
        for kind in ("filter", "postcode", "nu_open"):
            _step(result, f"query_{kind}", lambda k=kind: _query(context, base, k, postcode))
        timing = _step(result, "timing", lambda: _filter_timing(context, base, slowdown=1))
        slow = _step(result, "timing_4x", lambda: _filter_timing(context, base, slowdown=4))
        browser.close()
    if timing:
        result["filter_ms"] = statistics.median(timing["script"])
        result["filter_layout_ms"] = statistics.median(timing["layout"])
        result["postcode_ms"] = statistics.median(timing["postcode"])
        result["first_filter_ms"] = timing["first"]
        result["overview_elements"] = timing["first_paint_elements"]
        result["overview_dom_ready_ms"] = timing["dom_ready_ms"]
        result["cards"] = timing["cards"]
    if slow:
        result["filter_4x_ms"] = statistics.median(slow["layout"])
        result["postcode_4x_ms"] = statistics.median(slow["postcode"])
    return result


def visit_urls(site: Path) -> dict[str, str]:
    return {
        "visit_start": "",
        "visit_overview": "overzicht/",
        "visit_map": "kaart/",
        "visit_organisation": record_page(site, "organisaties"),
        "visit_location": record_page(site, "locaties"),
    }


def _some_postcode(site: Path) -> str:
    """A postcode the site knows (the synthetic places are all over the country)."""
    table = json.loads((site / "overzicht" / "postcodes.json").read_text("utf-8"))
    known = sorted(table.get("pc", {}))
    return known[len(known) // 2] if known else "3511"


def _filter_timing(context: Any, base: str, slowdown: int) -> dict[str, Any]:
    """FILTER_SCRIPT on a fresh overview; slowdown 4 is Chromium's CPU throttling (DevTools)."""
    page = context.new_page()
    try:
        if slowdown > 1:
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
        page.goto(base + "overzicht/", wait_until="load")
        page.wait_for_selector("#ww-filters:not([hidden])")
        elements = page.evaluate(FIRST_PAINT_ELEMENTS)
        timing: dict[str, Any] = page.evaluate(FILTER_SCRIPT)
        timing["first_paint_elements"] = elements
        return timing
    finally:
        page.close()


def _query(context: Any, base: str, kind: str, postcode: str) -> dict[str, Any]:
    """The first filter, postcode or "Nu open" on a fresh overview: its time and its files."""
    page = context.new_page()
    try:
        page.goto(base + "overzicht/", wait_until="load")
        page.wait_for_selector("#ww-filters:not([hidden])")
        page.wait_for_load_state("networkidle")
        urls: list[str] = []
        page.on("request", lambda request: urls.append(request.url))
        ms = page.evaluate(QUERY_SCRIPT, [kind, postcode])
        page.wait_for_load_state("networkidle")
        return {"ms": ms, "files": _local_paths(urls, base)}
    finally:
        page.close()


def _map_elements(context: Any, base: str) -> int:
    page = context.new_page()
    try:
        page.goto(base + "kaart/", wait_until="load")
        # The frame loads when it comes into view (below the fold on a phone): scroll to it,
        # so the count is of the page with its map drawn.
        page.locator("iframe[data-ww-kaart]").scroll_into_view_if_needed()
        frame = page.frame_locator("iframe[data-ww-kaart]")
        frame.locator(".leaflet-container").wait_for()
        page.wait_for_function(
            "() => { const f = document.querySelector('iframe[data-ww-kaart]');"
            " return f && f.contentWindow && f.contentWindow.wegwijzerKaart !== undefined; }"
        )
        page.wait_for_timeout(500)  # clusters settle
        return int(page.evaluate(MAP_ELEMENTS))
    finally:
        page.close()


def _local_only(route: Any, base: str) -> None:
    if route.request.url.startswith(base):
        route.continue_()
    else:
        route.abort()  # map tiles and anything else from outside: not part of the budgets


def _local_paths(urls: list[str], base: str) -> list[str]:
    local = (urlsplit(u).path.lstrip("/") for u in urls if u.startswith(base))
    return list(dict.fromkeys(p + "index.html" if p.endswith("/") or not p else p for p in local))


def _requested(context: Any, base: str, url: str) -> list[str]:
    """Every local file the page asks for, including what its scripts fetch after loading.
    A page whose network never goes quiet is measured with what it fetched in 30 s."""
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    try:
        page.goto(base + url, wait_until="load")
        with contextlib.suppress(Exception):
            page.wait_for_load_state("networkidle", timeout=30_000)
        page.wait_for_timeout(1000)
    finally:
        page.close()
    return _local_paths(urls, base)


# --- Lighthouse (optional: installed outside the project) -----------------------------------


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serves every file gzip-compressed, as a real host does (Lighthouse measures that)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve_gzip(folder: Path) -> Any:
    handler = functools.partial(_GzipHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


LIGHTHOUSE_PAGES = {"start": "", "overzicht": "overzicht/", "kaart": "kaart/"}


def lighthouse_scores(site: Path) -> dict[str, Any]:
    """Lighthouse's mobile performance score and total blocking time per page, behind gzip;
    {"reason": ...} when Lighthouse is not installed or does not run."""
    if not Path(LIGHTHOUSE).exists():
        return {"reason": f"Lighthouse niet gevonden ({LIGHTHOUSE}; zet WEGWIJZER_LIGHTHOUSE)"}
    found: dict[str, Any] = {}
    with serve_gzip(site) as base:
        for name, url in LIGHTHOUSE_PAGES.items():
            found[name] = _lighthouse(base + url)
    return found


def _lighthouse(url: str) -> dict[str, Any]:
    flags = "--headless=new --no-sandbox --disable-gpu " + " ".join(CHROMIUM_ARGS)
    command = [LIGHTHOUSE, url, "--quiet", "--only-categories=performance", "--output=json"]
    command += ["--output-path=stdout", f"--chrome-flags={flags}", "--max-wait-for-load=60000"]
    # tiles and anything else outside the loopback server: not part of the measurement
    command += ["--blocked-url-patterns=http*://*.openstreetmap.org/*"]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
        report = json.loads(done.stdout)
    except (OSError, subprocess.SubprocessError, json.JSONDecodeError) as exc:
        return {"reason": f"Lighthouse liep niet: {type(exc).__name__}"}
    score = report["categories"]["performance"]["score"]
    audits = report["audits"]
    return {
        "score": None if score is None else round(score * 100),
        "tbt_ms": audits["total-blocking-time"].get("numericValue"),
        "lcp_ms": audits["largest-contentful-paint"].get("numericValue"),
    }


# --- one size -------------------------------------------------------------------------------


def measure(size: int, work: Path, args: argparse.Namespace, browser: bool) -> Result:
    started = time.perf_counter()
    config = make_site(work / "site", size, args.seed, args.site_url, args.languages)
    generate_seconds = time.perf_counter() - started
    ours = build(config, work / "out", work / "build.log")
    baseline_config = make_baseline(work / "baseline", size, args.seed)
    baseline = build(baseline_config, work / "baseline-out", work / "baseline.log")
    result = Result(size, size // 2, generate_seconds, ours, baseline)
    site = work / "out"
    result.sizes = output_sizes(site)
    result.sizes["hygiene"] = asset_hygiene(site)
    result.transfer = transfers(site)
    if browser:
        result.browser = browser_measurements(site)
        for name in visit_urls(site):
            files = result.browser.get(name)
            if files is not None:
                result.transfer[f"{name}_observed_kb"] = transfer_kb(site, files)
        for kind in ("filter", "postcode", "nu_open"):
            query = result.browser.get(f"query_{kind}")
            if query is not None:
                result.transfer[f"query_{kind}_kb"] = transfer_kb(site, query["files"])
        result.browser["search"] = search_measurement(site)
        if not args.no_lighthouse:
            print(f"[{time.strftime('%H:%M:%S')}]   Lighthouse ...", file=sys.stderr)
            result.browser["lighthouse"] = lighthouse_scores(site)
    return result


def search_measurement(site: Path) -> dict[str, Any]:
    """Search's own budget (issue 16): a query fetches at most 150 KB at 10,000 and shows
    results within 300 ms after the data arrived. `benchmarks/search_bench.py` measures its
    queries; the budget takes the worst of them, and nothing may be fetched before typing."""
    from benchmarks import search_bench

    try:
        rows = search_bench.search_measurements(site)
    except Exception as exc:  # a broken step must not end the run
        return {"reason": f"search_bench faalde: {type(exc).__name__}: {exc}"}
    return {
        "query_kb": max(row["kb"] for row in rows),
        "results_ms": max(row["script_ms"] for row in rows),
        "before": max(row["before"] for row in rows),
        "rows": rows,
    }


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


STARTUP_HEAVY = ("folium", "branca", "numpy", "mkdocs", "material", "geopy", "playwright")


def startup_import(runs: int = 5) -> dict[str, str]:
    """What `import wegwijzer.cli` costs every command, `--help` included (issue 28): the
    cumulative time `python -X importtime` gives it in a fresh process, the median of `runs`,
    and which heavy packages that import loads."""
    times: list[int] = []
    loaded: set[str] = set()
    command = [sys.executable, "-X", "importtime", "-c", "import wegwijzer.cli"]
    for _ in range(runs):
        done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
        for line in done.stderr.splitlines():
            parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
            if len(parts) != 3 or not parts[1].isdigit():
                continue
            if parts[2] == "wegwijzer.cli":
                times.append(int(parts[1]))
            if parts[2].split(".")[0] in STARTUP_HEAVY:
                loaded.add(parts[2].split(".")[0])
    return {
        f"import wegwijzer.cli (ms, mediaan van {runs})": f"{statistics.median(times) / 1000:.0f}",
        "zware pakketten bij het opstarten": ", ".join(sorted(loaded)) or "geen",
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
    return lambda r: _n(r.sizes[key], digits) if isinstance(r.sizes.get(key), float) else "-"


def _largest_column(key: str) -> Callable[[Result], str]:
    return lambda r: _kb(r.sizes[key])


def _transfer(key: str) -> Callable[[Result], str]:
    return lambda r: _n(r.transfer.get(key))


VISIT_NAMES = {
    "visit_start": "start",
    "visit_overview": "overzicht",
    "visit_map": "kaart (zonder tegels)",
    "visit_organisation": "organisatiepagina",
    "visit_location": "locatiepagina",
}


def _observed(r: Result) -> str:
    return " / ".join(_n(r.transfer.get(f"{visit}_observed_kb")) for visit in VISIT_NAMES)


def _eager_index(r: Result) -> str:
    visit = r.browser.get("visit_start")
    if visit is None:
        return "-"
    return "ja" if "search/search_index.json" in visit or "zoeken.json" in visit else "nee"


def _b(key: str, digits: int = 1) -> Callable[[Result], str]:
    def cell(r: Result) -> str:
        value = r.browser.get(key)
        return _n(value, digits) if isinstance(value, (int, float)) else "-"

    return cell


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
    ("zonder internet (pre-cache)", _size("precache_kb")),
    ("pre-cache gzip", _size("precache_gz_kb")),
]
TRANSFER_COLUMNS: list[Column] = [
    LOCATIONS,
    ("start", _transfer("start_kb")),
    ("overzicht: alleen html", _transfer("overview_html_kb")),
    ("overzicht", _transfer("overview_kb")),
    ("kaart (zonder tegels)", _transfer("map_kb")),
    ("zoeken", _transfer("search_kb")),
    ("in Chromium: start / overzicht / kaart / organisatie / locatie", _observed),
]
BROWSER_COLUMNS: list[Column] = [
    LOCATIONS,
    ("kaartjes", _b("cards", 0)),
    ("filter: script (ms)", _b("filter_ms")),
    ("filter: script + layout (ms)", _b("filter_layout_ms")),
    ("postcode (ms)", _b("postcode_ms")),
    ("eerste filter, met ophalen (ms)", _b("first_filter_ms")),
    (
        "filter / postcode bij 4× trager (ms)",
        lambda r: f"{_b('filter_4x_ms')(r)} / {_b('postcode_4x_ms')(r)}",
    ),
    (
        "DOM-elementen overzicht / kaart",
        lambda r: f"{_b('overview_elements', 0)(r)} / {_b('map_elements', 0)(r)}",
    ),
    ("overzicht DOMContentLoaded (ms)", _b("overview_dom_ready_ms", 0)),
    ("zoekindex al bij eerste bezoek start?", _eager_index),
]
QUERY_COLUMNS: list[Column] = [
    LOCATIONS,
    ("eerste filter: KB / ms", lambda r: _query_cell(r, "filter")),
    ("eerste postcode: KB / ms", lambda r: _query_cell(r, "postcode")),
    ("eerste Nu open: KB / ms", lambda r: _query_cell(r, "nu_open")),
]


def _query_cell(r: Result, kind: str) -> str:
    query = r.browser.get(f"query_{kind}")
    if query is None:
        return "-"
    return f"{r.transfer.get(f'query_{kind}_kb', 0):.1f} / {query['ms']:.0f}"


@dataclass
class Budget:
    name: str
    measured: str
    met: bool | None  # None: not measured in this run


NOT_MEASURED = "niet gemeten"


def budgets(results: list[Result]) -> list[Budget]:
    """Every budget of issue 16, in the order of the issue."""
    by_size = {r.locations: r for r in results}
    ten = by_size.get(10000)
    found: list[Budget] = []
    for r in results:
        found += _visit_budgets(r)
    found += _interaction_budgets(ten)
    found += _lighthouse_budgets(ten)
    found += _search_budgets(ten)
    for r in results:
        found += _page_budgets(r)
    found += _build_budgets(results, by_size.get(1000), ten)
    found += _hygiene_budgets(results[-1] if results else None)
    return found


def _visit_budgets(r: Result) -> list[Budget]:
    """All Chromium fetches for a first visit: 150 KB at 10,000 locations, 100 KB at 1,000."""
    limit = 150 if r.locations >= 10000 else 100
    found = []
    for visit, name in VISIT_NAMES.items():
        label = f"eerste bezoek {name} ({r.locations:,}), alles wat Chromium ophaalt, ≤ {limit} KB"
        kb = r.transfer.get(f"{visit}_observed_kb")
        if kb is None:
            found.append(Budget(label, _reason(r, visit), None))
        else:
            found.append(Budget(label, f"{kb:.1f} KB", kb <= limit))
    return found


def _reason(r: Result, step: str) -> str:
    if not r.browser:
        return f"{NOT_MEASURED} (geen Chromium-stap)"
    why = r.browser.get("not_measured", {}).get(step)
    return f"{NOT_MEASURED} ({why})" if why else NOT_MEASURED


def _interaction_budgets(ten: Result | None) -> list[Budget]:
    """Overview and map at 10,000 locations, headless Chromium (4x slowdown noted)."""
    if ten is None:
        return [Budget("overzicht en kaart bij 10.000", f"{NOT_MEASURED} (geen 10.000)", None)]
    b = ten.browser
    found = []
    for key, name in (("overview_elements", "overzicht"), ("map_elements", "kaart")):
        label = f"{name} bij 10.000 ≤ 2.500 DOM-elementen bij eerste weergave"
        value = b.get(key)
        step = "timing" if key == "overview_elements" else key
        found.append(
            Budget(label, f"{value:,}", value <= 2500)
            if isinstance(value, int)
            else Budget(label, _reason(ten, step), None)
        )
    for key, slow, name in (
        ("filter_ms", "filter_4x_ms", "filterwijziging"),
        ("postcode_ms", "postcode_4x_ms", "postcodevraag"),
    ):
        label = f"{name} bij 10.000 < 50 ms script (mediaan van 5, tot de kaartjes er staan)"
        ms = b.get(key)
        if ms is None:
            found.append(Budget(label, _reason(ten, "timing"), None))
            continue
        slow_ms = b.get(slow)
        note = f"; 4× trager: {slow_ms:.1f} ms" if slow_ms is not None else ""
        found.append(Budget(label, f"{ms:.1f} ms{note}", ms < 50))
    for kind, name in (
        ("filter", "eerste filterwijziging"),
        ("postcode", "eerste postcodevraag"),
        ("nu_open", "eerste keer 'Nu open'"),
    ):
        label = f"{name} bij 10.000 haalt ≤ 150 KB op"
        kb = ten.transfer.get(f"query_{kind}_kb")
        found.append(
            Budget(label, _reason(ten, f"query_{kind}"), None)
            if kb is None
            else Budget(label, f"{kb:.1f} KB", kb <= 150)
        )
    return found


def _lighthouse_budgets(ten: Result | None) -> list[Budget]:
    label = "Lighthouse mobiel (gzip) bij 10.000: prestaties ≥ 90, TBT < 200 ms"
    scores = ten.browser.get("lighthouse") if ten and ten.browser else None
    if not scores:
        return [Budget(label, f"{NOT_MEASURED} (Lighthouse-stap niet gedraaid)", None)]
    if "reason" in scores:
        return [Budget(label, f"{NOT_MEASURED} ({scores['reason']})", None)]
    found = []
    for page in ("overzicht", "kaart", "start"):
        got = scores.get(page, {})
        name = f"Lighthouse mobiel (gzip), {page} bij 10.000: prestaties ≥ 90, TBT < 200 ms"
        if got.get("score") is None:
            found.append(Budget(name, f"{NOT_MEASURED} ({got.get('reason', '?')})", None))
            continue
        tbt = got.get("tbt_ms") or 0
        found.append(
            Budget(
                name,
                f"{got['score']} (TBT {tbt:.0f} ms, LCP {got.get('lcp_ms') or 0:.0f} ms)",
                got["score"] >= 90 and tbt < 200,
            )
        )
    return found


def _search_budgets(ten: Result | None) -> list[Budget]:
    label = "zoeken bij 10.000: een vraag haalt ≤ 150 KB op, resultaten ≤ 300 ms na de data"
    found = ten.browser.get("search") if ten and ten.browser else None
    if not found or "reason" in found:
        why = (found or {}).get("reason", "geen 10.000 of geen Chromium")
        kb = ten.transfer.get("search_kb") if ten else None
        whole = f"; zoeken/index.json: {kb:.1f} KB" if kb is not None else ""
        return [Budget(label, f"{NOT_MEASURED} ({why}){whole}", None)]
    kb, ms, before = found["query_kb"], found["results_ms"], found["before"]
    shown = f"{kb:.1f} KB, {ms:.0f} ms (de zwaarste van {len(found['rows'])} vragen)"
    if before:
        shown += f"; {before} bestanden vóór het typen"
    return [Budget(label, shown, kb <= 150 and ms <= 300 and before == 0)]


def _page_budgets(r: Result) -> list[Budget]:
    record, listing = r.sizes["largest_record_page"], r.sizes["largest_list_page"]
    return [
        Budget(f"recordpagina < 30 KB HTML ({r.locations:,})", _kb(record), record[1] < 30 * KB),
        Budget(
            f"lijstpagina ≤ 150 KB HTML ({r.locations:,})", _kb(listing), listing[1] <= 150 * KB
        ),
    ]


def _build_budgets(results: list[Result], one: Result | None, ten: Result | None) -> list[Budget]:
    found = []
    if ten:
        ratio = ten.ours.seconds / ten.baseline.seconds
        found.append(
            Budget(
                "bouwtijd ≤ 1,3× kale mkdocs-material (10.000)",
                f"{ratio:.2f}× ({ten.ours.seconds:.1f} s / {ten.baseline.seconds:.1f} s)",
                ratio <= 1.3,
            )
        )
    else:
        found.append(Budget("bouwtijd ≤ 1,3× kale mkdocs-material (10.000)", NOT_MEASURED, None))
    if results:
        peak = max(results, key=lambda r: r.ours.peak_mb)
        where = f"{peak.ours.peak_mb:,.0f} MB bij {peak.locations:,}"
        found.append(Budget("piekgeheugen < 1 GB", where, peak.ours.peak_mb < 1024))
    label = "tijd per pagina 10.000 ≤ 1,2× die bij 1.000"
    if one and ten:
        ratio = ten.ms_per_page / one.ms_per_page
        found.append(Budget(label, f"{ratio:.2f}×", ratio <= 1.2))
    else:
        found.append(Budget(label, NOT_MEASURED, None))
    return found


def _hygiene_budgets(r: Result | None) -> list[Budget]:
    if r is None:
        return []
    h = r.sizes["hygiene"]
    return [
        Budget(
            "CSS en JavaScript met vingerafdruk of versie (lang cachen)",
            f"{'ja' if h['fingerprinted'] == h['assets'] else 'nee'}"
            f" ({h['fingerprinted']} van {h['assets']} bestanden)",
            h["assets"] > 0 and h["fingerprinted"] == h["assets"],
        ),
        Budget(
            "eigen CSS en JavaScript geminificeerd",
            f"{'ja' if h['minified'] == h['own_assets'] else 'nee'}"
            f" ({h['minified']} van {h['own_assets']} bestanden)",
            h["own_assets"] > 0 and h["minified"] == h["own_assets"],
        ),
    ]


def budget_table(results: list[Result]) -> str:
    lines = ["| budget | gemeten | oordeel |", "|---|---|---|"]
    for b in budgets(results):
        verdict = NOT_MEASURED if b.met is None else "gehaald" if b.met else "**niet gehaald**"
        lines.append(f"| {b.name} | {b.measured} | {verdict} |")
    return "\n".join(lines)


def report(
    results: list[Result],
    machine: dict[str, str],
    skipped: list[str],
    startup: dict[str, str] | None = None,
) -> str:
    parts = ["## Machine", "", *[f"- {k}: {v}" for k, v in machine.items()], ""]
    if startup:
        parts += ['## Opstarten (`python -X importtime -c "import wegwijzer.cli"`)', ""]
        parts += [*[f"- {k}: {v}" for k, v in startup.items()], ""]
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
        parts += [
            "## Eerste vraag op het overzicht (gzip)",
            "",
            _table(QUERY_COLUMNS, measured),
            "",
        ]
    parts += ["## Budgetten (issue 16)", "", budget_table(results), ""]
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
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument(
        "--languages",
        nargs="*",
        default=[],
        metavar="CODE",
        help="the site's other languages (default none: Dutch only, the baseline's pages); "
        "--languages en tr ar pl uk builds all five",
    )
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
    startup = startup_import()
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
    print(report(results, machine, skipped, startup))
    if args.json:
        payload = {
            "machine": machine,
            "startup": startup,
            "results": [_as_json(r) for r in results],
        }
        args.json.write_text(json.dumps(payload, indent=2, default=str), "utf-8")
    return 0


def _as_json(result: Result) -> dict[str, Any]:
    from dataclasses import asdict

    return {**asdict(result), "ms_per_page": result.ms_per_page}


if __name__ == "__main__":
    sys.exit(main())
