"""What a search query fetches, and how long the script takes once the data is there (issue 16).

For a built site: open the start page in headless Chromium, type a query, wait until zoeken.js
marks the answer (`data-ww-zoek-klaar` on the form) and add up the gzip size of every file of
the index it fetched. Timing (performance.now, resource timing): the script's time after data
arrived = from the last word file's arrival to the blocks' request, plus from the last block's
arrival to the last change of the result list.

With --pagefind, the same queries through Pagefind's own JavaScript API on the same site
(`python -m pagefind --site DIR` must have run; its files are gzip already). Pagefind needs
'wasm-unsafe-eval', which our pages' policy forbids: it is measured on a bare page on the same
server, without a policy, for the numbers only.

    .venv/bin/python benchmarks/search_bench.py /tmp/o1k [--pagefind] [--typed]

With --kwaliteit, the search-quality table instead (issue 27): every query of
tests/search_queries.csv typed into the real zoeken.js on the start page of its language at
360 px, with the first hit, the expected first hit(s) and ok/NIET OK. The table's expectations
are for the Voorbeeldstad fixture (tests/fixtures/voorbeeldstad):

    .venv/bin/mkdocs build -q -f tests/fixtures/voorbeeldstad/mkdocs.yml -d /tmp/vb
    .venv/bin/python benchmarks/search_bench.py /tmp/vb --kwaliteit

run.py may call `search_measurements(site)`; each row is a dict (see `_row`).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gzip
import shutil
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from wegwijzer.outputs.pdf import serve_folder  # noqa: E402

QUERIES = ("schuldhulp", "huur achterstand", "afsluiting")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update", "--disable-gpu"]
GZIP_LEVEL = 6
KB = 1024
RUNS = 3  # the time is the median of this many fresh pages per query

# Watches the result list from before the query is typed; resolves with the time of its last
# change once zoeken.js marks the query as answered.
_WATCH = """q => new Promise(done => {
  const form = document.getElementById('ww-zoeken');
  const list = document.getElementById('ww-zoekresultaten');
  let last = 0;
  new MutationObserver(() => { last = performance.now(); })
    .observe(list, {childList: true, subtree: true});
  const check = () => form.getAttribute('data-ww-zoek-klaar') === q
    ? done({rendered: last, found: list.children.length}) : setTimeout(check, 5);
  check();
})"""

_TIMING = """() => performance.getEntriesByType('resource')
  .filter(e => e.name.includes('/zoeken/'))
  .map(e => ({name: e.name, start: e.startTime, end: e.responseEnd}))"""

_PAGEFIND = """async q => {
  const pf = await import('./pagefind/pagefind.js');
  await pf.init();
  const t0 = performance.now();
  const search = await pf.search(q);
  const data = await Promise.all(search.results.slice(0, 20).map(r => r.data()));
  return {found: search.results.length, shown: data.length, ms: performance.now() - t0};
}"""


def _gzip_size(path: Path) -> int:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":  # Pagefind writes its files compressed already
        return len(data)
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def _local_files(site: Path, base: str, urls: list[str], part: str) -> list[Path]:
    paths = [unquote(urlsplit(u).path).lstrip("/") for u in urls if u.startswith(base)]
    return [site / p for p in dict.fromkeys(paths) if part in p and (site / p).is_file()]


@contextlib.contextmanager
def _browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _ours(browser: Any, site: Path, base: str, query: str, typed: bool) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(base, wait_until="load")
    before = len(_local_files(site, base, urls, "zoeken/"))
    page.evaluate(f"q => {{ window.wwMeting = ({_WATCH})(q); }}", query)
    if typed:  # one key at a time, as a reader types: earlier keys fetch files too
        page.locator("#ww-zoekvraag").press_sequentially(query, delay=120)
    else:
        page.fill("#ww-zoekvraag", query)
    answer = page.evaluate("() => window.wwMeting")
    entries = page.evaluate(_TIMING)
    context.close()
    fetched = _local_files(site, base, urls, "zoeken/")
    words = [e for e in entries if "/zoeken/w/" in e["name"]]
    blocks = [e for e in entries if "/zoeken/d/" in e["name"]]
    script = 0.0
    if words and blocks:
        script += min(e["start"] for e in blocks) - max(e["end"] for e in words)
    if blocks:
        script += answer["rendered"] - max(e["end"] for e in blocks)
    return {
        "before": before,
        "files": len(fetched),
        "word_files": len(words),
        "blocks": len(blocks),
        "kb": sum(_gzip_size(p) for p in fetched) / KB,
        "script_ms": script,
        "found": answer["found"],
    }


def _pagefind(browser: Any, site: Path, base: str, query: str) -> dict[str, Any]:
    context = browser.new_context()
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    bare = base + "pagefind-meting.html"  # not on disk: answered here, without a policy
    page.route(bare, lambda route: route.fulfill(body="<!doctype html><title>m</title>"))
    page.goto(bare)
    result = page.evaluate(_PAGEFIND, query)
    context.close()
    fetched = _local_files(site, base, urls, "pagefind/")
    return {"files": len(fetched), "kb": sum(_gzip_size(p) for p in fetched) / KB, **result}


def search_measurements(
    site: Path, queries: tuple[str, ...] = QUERIES, *, pagefind: bool = False, typed: bool = False
) -> list[dict[str, Any]]:
    """One row per query: bytes (gzip) and files fetched, script time after the data."""
    rows = []
    with serve_folder(site) as base, _browser() as browser:
        for query in queries:
            runs = [_ours(browser, site, base, query, typed=False) for _ in range(RUNS)]
            row = {**runs[0], "query": query}
            row["script_ms"] = statistics.median(r["script_ms"] for r in runs)
            if typed:
                row["typed_kb"] = _ours(browser, site, base, query, typed=True)["kb"]
            if pagefind:
                found = _pagefind(browser, site, base, query)
                row["pagefind_kb"], row["pagefind_files"] = found["kb"], found["files"]
                row["pagefind_found"], row["pagefind_ms"] = found["found"], found["ms"]
            rows.append(row)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    head = ["zoekvraag", "vóór typen", "bestanden (woord/blok)", "KB gzip", "script na data (ms)"]
    if any("typed_kb" in r for r in rows):
        head.append("KB letter voor letter")
    if any("pagefind_kb" in r for r in rows):
        head += ["Pagefind KB", "Pagefind bestanden", "Pagefind ms (zoeken + 20 resultaten)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [
            f"{r['query']} ({r['found']} getoond)",
            f"{r['before']} bestanden",
            f"{r['files']} ({r['word_files']}/{r['blocks']})",
            f"{r['kb']:.1f}",
            f"{r['script_ms']:.1f}",
        ]
        if "typed_kb" in r:
            cells.append(f"{r['typed_kb']:.1f}")
        if "pagefind_kb" in r:
            cells += [
                f"{r['pagefind_kb']:.1f}",
                str(r["pagefind_files"]),
                f"{r['pagefind_ms']:.0f}",
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


QUALITY = ROOT / "tests" / "search_queries.csv"


def quality_queries(path: Path = QUALITY) -> list[dict[str, str]]:
    """The table's rows: taal, zoekvraag, eerste (expected first hits, '|' between; empty:
    nothing is found and the message with the Spoed and overview links shows)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if not row["taal"].startswith("#")]


def ask(page: Any, query: str) -> None:
    """Type a query into the page's search and wait until zoeken.js has shown its answer."""
    page.fill("#ww-zoekvraag", query)
    page.wait_for_function(
        "q => document.getElementById('ww-zoeken').getAttribute('data-ww-zoek-klaar') === q",
        arg=query,
    )


_ANSWER = """() => ({
  hits: [...document.querySelectorAll('#ww-zoekresultaten a')].map(a => a.href),
  lines: [...document.querySelectorAll('#ww-zoekresultaten a')].map(a => a.innerText),
  status: document.getElementById('ww-zoekstatus').textContent,
  help: !document.getElementById('ww-zoekhulp').hidden,
})"""


def run_queries(page: Any, base: str, rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Every row typed on the start page of its language; the answer as the reader sees it.
    `first` is the first hit's URL without the site and language folder ('spoed/'; './' for
    the start page)."""
    out: list[dict[str, Any]] = []
    shown = None
    for row in rows:
        folder = "" if row["taal"] == "nl" else row["taal"] + "/"
        if shown != folder:
            page.goto(f"{base.rstrip('/')}/{folder}")
            shown = folder
        ask(page, row["zoekvraag"])
        answer = page.evaluate(_ANSWER)
        own = f"{base.rstrip('/')}/{folder}"
        hits = [h.removeprefix(own).removeprefix(base.rstrip("/") + "/") for h in answer["hits"]]
        hits = [hit or "./" for hit in hits]  # the start page
        expected = [e for e in row["eerste"].split("|") if e]
        first = hits[0] if hits else ""
        ok = first in expected if expected else (not hits and answer["help"])
        out.append({**row, **answer, "hits": hits, "first": first, "ok": ok})
    return out


def quality(site: Path, rows: list[dict[str, str]] | None = None) -> list[dict[str, Any]]:
    with serve_folder(site) as base, _browser() as browser:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        try:
            return run_queries(context.new_page(), base, rows or quality_queries())
        finally:
            context.close()


def quality_table(results: list[dict[str, Any]]) -> str:
    head = ["taal", "zoekvraag", "eerste resultaat", "verwacht", "ok"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        first = r["first"] or f"(niets; {'melding' if r['help'] else 'GEEN melding'})"
        cells = [r["taal"], r["zoekvraag"], first, r["eerste"] or "melding"]
        lines.append("| " + " | ".join([*cells, "ok" if r["ok"] else "NIET OK"]) + " |")
    good = sum(1 for r in results if r["ok"])
    lines.append(f"\n{good} van {len(results)} zoekvragen geven het verwachte eerste resultaat.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site (mkdocs build -d DIR)")
    parser.add_argument("--pagefind", action="store_true", help="also Pagefind (DIR/pagefind/)")
    parser.add_argument("--typed", action="store_true", help="also typed one key at a time")
    parser.add_argument(
        "--kwaliteit", action="store_true", help="search quality: tests/search_queries.csv"
    )
    args = parser.parse_args(argv)
    if args.kwaliteit:
        results = quality(args.site)
        print(quality_table(results))
        return 0 if all(r["ok"] for r in results) else 1
    rows = search_measurements(args.site, pagefind=args.pagefind, typed=args.typed)
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
