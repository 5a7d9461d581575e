"""The `wegwijzer` command: a thin layer of argument parsing over the package's functions."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from wegwijzer import __version__, catalogs, i18n
from wegwijzer.geo.cache import GeocacheError, geocache_lock, load_geocache, writable_problem
from wegwijzer.geo.geocode import Lookup, geocode_dataset, make_geocoder
from wegwijzer.geo.postcodes import (
    fetch_postcodes,
    pdok_json,
    pdok_source,
    postcode_table,
    write_postcodes,
)
from wegwijzer.records.areas import Areas
from wegwijzer.records.loader import POSTCODES
from wegwijzer.records.move_referrers import MoveError, move_referrer_data
from wegwijzer.records.new_record import NewRecordError, write_new_record
from wegwijzer.records.plain_words import plain_word_findings
from wegwijzer.records.report import Finding, Level, Report
from wegwijzer.settings.config import ConfigError, SiteSettings, load_site
from wegwijzer.settings.present import count_text
from wegwijzer.site.scaffold import ScaffoldError, init_site
from wegwijzer.site.update import NotAnInitSite, Status, apply, plan
from wegwijzer.tasks.confirm import run_confirm
from wegwijzer.tasks.golive import go_live_findings
from wegwijzer.tasks.schema import stale_schemas, write_schemas
from wegwijzer.tasks.upkeep import run_upkeep
from wegwijzer.tasks.validate import validate_site


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum zoals 2025-03-31") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wegwijzer", description="Wegwijzer voor hulp bij geldzorgen: controleren en bouwen."
    )
    parser.add_argument(
        "-f", "--config", type=Path, default=Path("mkdocs.yml"), help="het mkdocs-configbestand"
    )
    parser.add_argument("--version", action="version", version=f"wegwijzer {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")

    check = commands.add_parser("check", help="controleer alle gegevens")
    check.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")
    check.add_argument("--format", choices=["tekst", "github"], default="tekst")
    check.add_argument("--vandaag", type=_date, help="doe alsof het deze datum is (voor tests)")
    check.add_argument(
        "--publiceren",
        action="store_true",
        help="streng, voor de livegang: ook voorbeeldgegevens en niet ingevulde teksten",
    )

    new = commands.add_parser("nieuw", help="maak een nieuw record om in te vullen")
    new.add_argument("soort", choices=["organisatie", "locatie"])
    new.add_argument("id", help="kleine letters, cijfers en streepjes; ook de bestandsnaam")
    new.add_argument("--organisatie", help="id van de organisatie (bij een locatie)")

    geocode = commands.add_parser(
        "geocode", help="zoek adressen op die nog geen coördinaten hebben"
    )
    geocode.add_argument("--stil", action="store_true", help="geen voortgangsbalk")
    geocode.add_argument(
        "--postcodes",
        action="store_true",
        help="haal de postcodes van de gemeente op bij PDOK, voor 'zoek op postcode'",
    )

    pages = commands.add_parser(
        "pages", help="schrijf alle pagina's als Markdown met bestanden, voor een andere bouwer"
    )
    pages.add_argument("map", type=Path, help="de map waarin de pagina's komen")

    schema = commands.add_parser("schema", help="schrijf de JSON Schema's naar schema/")
    schema.add_argument("--check", action="store_true", help="alleen controleren of ze kloppen")

    upkeep = commands.add_parser("onderhoud", help="rapport: wat moet er nagekeken worden")
    upkeep.add_argument("--vandaag", type=_date, help="doe alsof het deze datum is (voor tests)")
    upkeep.add_argument("--links", action="store_true", help="kijk ook of websites werken")
    upkeep.add_argument("--uitvoer", type=Path, help="schrijf het rapport in dit bestand")
    upkeep.add_argument(
        "--berichten",
        type=Path,
        help="schrijf de berichten aan de organisaties als e-mails in deze map (privé!)",
    )
    confirm = commands.add_parser(
        "bevestig",
        help="een issue 'Alles klopt nog': zet laatst_gecontroleerd op vandaag in de records",
    )
    confirm.add_argument("bestand", help="de tekst van het issue, of - voor stdin")
    confirm.add_argument("--auteur", required=True, help="de GitHub-naam van wie het issue maakte")
    confirm.add_argument("--vandaag", type=_date, help="doe alsof het deze datum is (voor tests)")
    init = commands.add_parser("init", help="begin een nieuwe wegwijzer voor een gemeente")
    init.add_argument("map", type=Path, help="de nieuwe (lege) map voor de site")
    init.add_argument("--gemeente", required=True, help="de naam van de gemeente of regio")
    update = commands.add_parser(
        "bijwerken",
        help="zet de bestanden van wegwijzer in deze site (werkstromen, beheerpagina's, "
        "schema's) op de geïnstalleerde versie",
    )
    update.add_argument(
        "--controleer",
        action="store_true",
        help="verander niets; stop met fout als er iets bijgewerkt moet worden",
    )
    move = commands.add_parser(
        "verhuis-verwijzers", help="zet contacten voor verwijzers en 'verwijzen' in de privémap"
    )
    move.add_argument("doelmap", type=Path, help="de privémap (bijvoorbeeld ../wegwijzer-prive)")
    pdf = commands.add_parser("pdf", help="maak een PDF (A4) van de pagina om te printen")
    pdf.add_argument("uitvoer", type=Path, help="het PDF-bestand, bijvoorbeeld verwijzersgids.pdf")
    texts = commands.add_parser(
        "vertalingen", help="werk de vertalingen van de vaste teksten bij en zeg wat er nog mist"
    )
    texts.add_argument(
        "--nieuw", metavar="TAAL", help="begin een vertaling: vertalingen/<TAAL>.po, zoals so"
    )
    texts.add_argument(
        "--pakket",
        action="store_true",
        help="voor ontwikkelaars: werk locale/ van het pakket zelf bij (alleen in een checkout)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Material's end-of-life banner (8 lines) is for people running `mkdocs`; its documented
    # switch keeps it out of our commands' output and logs.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    args = _parser().parse_args(argv)
    if args.command == "init":  # there is no mkdocs.yml yet
        return _init(args)
    if args.command == "vertalingen" and args.pakket:  # the package's own catalogs
        return _package_catalogs()
    try:
        site = load_site(args.config)
    except ConfigError as exc:
        _print_findings(exc.findings, "tekst")
        return 1
    handler = {
        "check": _check,
        "nieuw": _new,
        "geocode": _geocode,
        "pages": _pages,
        "schema": _schema,
        "onderhoud": _upkeep,
        "bevestig": _confirm,
        "verhuis-verwijzers": _move_private,
        "bijwerken": _update,
        "pdf": _pdf,
        "vertalingen": _site_catalogs,
    }
    return handler[args.command](site, args)


def _init(args: argparse.Namespace) -> int:
    try:
        written = init_site(args.map, args.gemeente, date.today())
    except ScaffoldError as exc:
        print(f"Niet gelukt: {exc}", file=sys.stderr)
        return 1
    site = load_site(args.map / "mkdocs.yml")
    written += write_schemas(args.map / "schema", site.config)
    if (problem := Areas().problem(site.config.gemeente)) is not None:
        print(f"Let op: {problem} Is het een regio? Dan is dat goed.", file=sys.stderr)
    print(f"Gemaakt: {count_text(len(written), 'bestand', 'bestanden')} in {args.map}.")
    print("Zo gaat u verder:")
    print("1. Vul mkdocs.yml in: het adres van de site (site_url), het loket en de spoednummers.")
    print(
        "2. Vervang de voorbeelden in data/ door echte organisaties en locaties "
        "('wegwijzer nieuw organisatie ID') en controleer ze met 'wegwijzer check'."
    )
    print(
        "3. Maak de lock met hashes: pip install pip-tools, en dan in de map "
        "'pip-compile --generate-hashes requirements.in' (zie bovenin requirements.in)."
    )
    print(
        "4. Zet de map op GitHub. 'wegwijzer check --publiceren' noemt wat nog ingevuld moet "
        "worden; daarna zet de workflow Publiceren de site live."
    )
    return 0


def _update(site: SiteSettings, args: argparse.Namespace) -> int:
    """Rewrite the product-owned files (scaffold.PRODUCT_OWNED) to this version's templates."""
    try:
        changes = plan(site)
    except (ScaffoldError, NotAnInitSite) as exc:  # e.g. a gemeente init would refuse
        print(f"Niet gelukt: {exc}", file=sys.stderr)
        return 1
    if not args.controleer:
        try:
            apply(site, changes)
        except OSError as exc:
            print(f"Niet gelukt: {exc.filename}: {exc.strerror}.", file=sys.stderr)
            return 1
    for change in changes:
        print(f"{change.status.value}: {change.path.as_posix()}")
    counts = {status: sum(c.status is status for c in changes) for status in Status}
    todo = counts[Status.ADDED] + counts[Status.CHANGED]
    if args.controleer:
        if todo:
            print(
                f"Niet bij: {count_text(todo, 'bestand wijkt', 'bestanden wijken')} af van "
                f"wegwijzer {__version__}. Werk ze bij met 'wegwijzer bijwerken'.",
                file=sys.stderr,
            )
            return 1
        print(f"Alles is bij met wegwijzer {__version__}.", file=sys.stderr)
        return 0
    print(
        f"Wegwijzer {__version__}: {counts[Status.CHANGED]} bijgewerkt, "
        f"{counts[Status.ADDED]} nieuw, {counts[Status.UNCHANGED]} ongewijzigd. "
        "mkdocs.yml, data/ en uw eigen pagina's zijn niet aangeraakt.",
        file=sys.stderr,
    )
    if counts[Status.ORPHANED]:
        print(
            "Bestanden met 'niet van wegwijzer' horen niet bij deze versie; ze zijn niet "
            "veranderd. Haal ze weg als ze van een oudere versie zijn en u ze niet gebruikt.",
            file=sys.stderr,
        )
    return 0


def _tracked_repository(target: Path) -> Path | None:
    """The git work tree that `target` lies in, unless git ignores it there; else None.

    A private folder inside the site's repository is one `git add -A` away from publishing
    every direct number; an ignored one (`prive/` in .gitignore) is not."""
    resolved = target.resolve()
    top = next((p for p in (resolved, *resolved.parents) if (p / ".git").exists()), None)
    if top is None:
        return None
    probe = resolved / "organisaties" / "x.yml"  # a file the move would write
    try:
        ignored = subprocess.run(
            ["git", "-C", str(top), "check-ignore", "-q", str(probe)],
            capture_output=True,
            check=False,
        )
    except OSError:  # no git here: say so rather than guess
        return top
    return None if ignored.returncode == 0 else top


def _move_private(site: SiteSettings, args: argparse.Namespace) -> int:
    repository = _tracked_repository(args.doelmap)
    if repository is not None:
        print(
            f"Niet gelukt: {args.doelmap} ligt in de git-repository {repository}, en git negeert "
            "de map niet. Met 'git add -A' komen de directe nummers dan op GitHub. Kies een map "
            "buiten de repository (bijvoorbeeld ../wegwijzer-prive), of zet de map in "
            ".gitignore. Er is niets verhuisd.",
            file=sys.stderr,
        )
        return 1
    try:
        moved = move_referrer_data(site.data_dir, args.doelmap)
    except MoveError as exc:
        print(f"Niet gelukt: {exc}", file=sys.stderr)
        return 1
    for item in moved:
        note = " en 'verwijzen'" if item.note else ""
        print(f"{item.org_id}: {count_text(item.contacts, 'contact', 'contacten')}{note} verhuisd.")
    print(f"Klaar: {count_text(len(moved), 'organisatie', 'organisaties')} naar {args.doelmap}.")
    return 0


def _pdf(site: SiteSettings, args: argparse.Namespace) -> int:
    from wegwijzer.outputs.pdf import PdfError, write_pdf  # the site stack: only when asked

    try:
        path = write_pdf(args.config, args.uitvoer)
    except PdfError as exc:
        print(f"Niet gelukt: {exc}", file=sys.stderr)
        return 1
    print(f"Gemaakt: {path}. Deel het alleen met verwijzers als er directe nummers in staan.")
    return 0


def _upkeep(site: SiteSettings, args: argparse.Namespace) -> int:
    return run_upkeep(
        site, args.vandaag, links=args.links, output=args.uitvoer, messages=args.berichten
    )


def _confirm(site: SiteSettings, args: argparse.Namespace) -> int:
    if args.bestand == "-":
        body = sys.stdin.read()
    else:
        try:
            body = Path(args.bestand).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            print(f"Kan het bestand {args.bestand} niet lezen.")
            return 1
    return run_confirm(site, body, args.auteur, args.vandaag or date.today())


def _geocode(site: SiteSettings, args: argparse.Namespace) -> int:
    """Exit 0: all found; 1: some addresses not found or rejected, or the cache cannot be
    written; 2: service unreachable; 130: interrupted (Ctrl-C), with what was found kept."""
    if args.postcodes:
        return _geocode_postcodes(site)
    shown = site.shown(site.geocache_path)
    problem = writable_problem(site.geocache_path, shown)
    if problem:
        print(f"Niet gelukt: {problem}", file=sys.stderr)
        return 1
    try:
        with geocache_lock(site.geocache_path, shown):
            return _geocode_locked(site, args, shown)
    except GeocacheError as exc:
        print(f"Niet gelukt: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # the disk is full, or the folder became read-only mid-run
        print(f"Niet gelukt: {shown} kon niet worden geschreven ({exc.strerror}).", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"\nOnderbroken. Alles wat al gevonden was, staat in {shown}.", file=sys.stderr)
        return 130


def _geocode_locked(site: SiteSettings, args: argparse.Namespace, shown: str) -> int:
    dataset, _ = validate_site(site)
    cache, findings = load_geocache(site.geocache_path, shown, site.root)
    if findings:
        _print_findings(findings, "tekst")
        return 1
    settings = site.config.geocoder
    lookup = Lookup(make_geocoder(settings), settings.bron, attempts=settings.pogingen)
    result = geocode_dataset(
        dataset, cache, lookup, settings.bron, date.today(), progress=not args.stil
    )
    for problem in result.problems:
        source = dataset.source(problem.location)
        print(source.finding(("adres",), problem.message))
    print(f"{count_text(len(result.found), 'adres', 'adressen')} gevonden en bewaard in {shown}.")
    for location in result.skipped:  # offline: which addresses still lack a point
        message = f"niet opgezocht: {location.adres.one_line()}."
        print(dataset.source(location).finding(("adres",), message), file=sys.stderr)
    if result.outage:
        print(
            f"Gestopt: de geocoder is niet bereikbaar: {result.outage}. "
            f"Alles wat al gevonden was, staat in {shown}. Probeer het later opnieuw.",
            file=sys.stderr,
        )
        return 2
    return 1 if result.problems else 0


def _geocode_postcodes(site: SiteSettings) -> int:
    """The postcode table from PDOK; a failed request leaves the committed file as it was."""
    gemeenten = [site.config.gemeente]
    path = site.data_dir / POSTCODES
    try:
        areas = fetch_postcodes(gemeenten, pdok_json(site.config.geocoder))
    except Exception as exc:  # any failure: say so, keep the old table
        print(f"Gestopt: PDOK is niet bereikbaar ({exc}). {site.shown(path)} is niet veranderd.")
        return 2
    if not areas:
        print(f"PDOK kent geen postcodes in de gemeente {site.config.gemeente}. Klopt de naam?")
        return 1
    write_postcodes(path, areas, pdok_source(gemeenten, date.today()))
    print(f"{count_text(len(areas), 'postcode', 'postcodes')} bewaard in {site.shown(path)}.")
    return 0


def _check(site: SiteSettings, args: argparse.Namespace) -> int:
    dataset, report = validate_site(site, args.vandaag)
    report.extend(plain_word_findings(dataset))  # tips for `check` only; the build needs none
    report.extend(translation_findings(site, site.shown(args.config), package=False))
    leftovers = go_live_findings(site, args.config) if args.publiceren else []
    report.extend(leftovers)
    _print_findings(report.sorted(), args.format)
    print(_summary(report, len(dataset.organisaties), len(dataset.locaties)), file=sys.stderr)
    if args.publiceren:
        print(_go_live_summary(report, len(leftovers)), file=sys.stderr)
        if _skips_errors(site):  # a lenient deploy: a broken record is left out, not a stop
            records = {s.path for s in dataset.sources.values()} | set(dataset.broken.values())
            kept = [f for f in report.findings if f in leftovers or f.path not in records]
            return Report(kept).exit_code(strict=args.strict)
    return report.exit_code(strict=args.strict)


def _skips_errors(site: SiteSettings) -> bool:
    """The deploy's mode (WEGWIJZER_BIJ_FOUTEN, else `bij_fouten`), as the build reads it."""
    return (os.environ.get("WEGWIJZER_BIJ_FOUTEN") or site.config.bij_fouten) == "overslaan"


def translation_findings(site: SiteSettings, config_shown: str, *, package: bool) -> list[Finding]:
    """A warning per catalog of the site's languages that lacks texts or has outdated ones:
    those texts show in Dutch on that language's pages. Unknown languages are errors.

    `package`: also the package's own catalogs. `check` leaves them out: the package's tests
    (tests/test_catalogs_complete.py) hold them complete, and the site cannot change them;
    `wegwijzer vertalingen` shows their state."""
    findings = [Finding(config_shown, 0, "", problem) for problem in site.language_problems()]
    codes = [] if findings or site.config.editie == "verwijzers" else site.config.talen
    available = i18n.available(site.root)
    own = i18n.site_catalogs(site.root)
    chosen = {code: available[code] for code in codes if package or code in own}
    if not chosen:  # nothing to extract: most sites pay nothing for this
        return findings
    for problem in catalogs.problems(chosen, catalogs.current_texts()):
        name = i18n.own_name(problem.code)
        if problem.code in own:
            where = site.shown(problem.path)
            advice = "Vul ze in dat bestand in; 'wegwijzer vertalingen' zet de nieuwe teksten erin."
        else:
            where = config_shown
            advice = (
                f"Dat is de vertaling van het pakket ({problem.path.name}): een nieuwe versie van "
                f"wegwijzer vult ze aan, of maak een eigen vertaling met "
                f"'wegwijzer vertalingen --nieuw {problem.code}'."
            )
        message = f"{problem.counts()} ({name}). Die staan in het Nederlands op de site. {advice}"
        field = "" if problem.code in own else "talen"
        findings.append(Finding(where, 0, field, message, Level.WARNING))
    return findings


def _site_catalogs(site: SiteSettings, args: argparse.Namespace) -> int:
    for problem in site.language_problems():
        if not args.nieuw or f"'{args.nieuw}'" not in problem:  # --nieuw makes that one
            print(f"mkdocs.yml: {problem}", file=sys.stderr)
            return 1
    template = catalogs.extract()
    try:
        if args.nieuw:
            path = catalogs.start_site_catalog(site.root, args.nieuw, template)
            print(f"Gemaakt: {site.shown(path)}. Vertaal de teksten daarin (msgstr).")
    except catalogs.CatalogError as exc:
        print(f"Niet gelukt: {exc}", file=sys.stderr)
        return 1
    own = i18n.site_catalogs(site.root)
    catalogs.update(own, template)
    for path in own.values():
        print(f"Bijgewerkt: {site.shown(path)}")
    chosen = {c: p for c, p in i18n.available(site.root).items() if c in site.config.talen}
    chosen.update(own)
    shown = {c: site.shown(p) if c in own else "uit het pakket" for c, p in chosen.items()}
    lines = catalogs.status_lines(
        chosen,
        template,
        shown=shown,
        checked=tuple(site.config.nagekeken),
        on_site=tuple(site.config.talen),
    )
    print("\n".join(lines) if lines else "De site is alleen in het Nederlands (talen: []).")
    return 0


def _package_catalogs() -> int:
    try:
        written = catalogs.update_package(catalogs.package_root())
    except catalogs.CatalogError as exc:
        print(f"Niet gelukt: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"Bijgewerkt: {path}")
    template = catalogs.read(written[0])
    paths = {p.stem: p for p in written[1:]}
    lines = catalogs.status_lines(
        template=template, catalog_paths=paths, shown={c: p.name for c, p in paths.items()}
    )
    print("\n".join(lines))
    return 0


def _go_live_summary(report: Report, leftovers: int) -> str:
    if not report.errors:
        return "Klaar om te publiceren: er staan geen voorbeeldgegevens of lege plekken meer in."
    todo = count_text(leftovers, "plek", "plekken")
    return f"Nog niet klaar om te publiceren: {todo} met voorbeeldtekst of nog in te vullen."


def _summary(report: Report, organisations: int, locations: int) -> str:
    counted = (
        f"{count_text(organisations, 'organisatie', 'organisaties')} en "
        f"{count_text(locations, 'locatie', 'locaties')} gelezen."
    )
    tips = count_text(len(report.tips), "tip", "tips")
    tips = f" {tips} voor eenvoudiger taal (geen fout)." if report.tips else ""
    if not report.errors and not report.warnings:
        return f"Alles in orde: {counted}{tips}"
    errors = count_text(len(report.errors), "fout", "fouten")
    warnings = count_text(len(report.warnings), "waarschuwing", "waarschuwingen")
    return f"{errors} en {warnings}.{tips} {counted}"


def _print_findings(findings: Sequence[Finding], style: str) -> None:
    for finding in findings:
        print(github_annotation(finding) if style == "github" else str(finding))


def github_annotation(finding: Finding) -> str:
    """A GitHub Actions workflow command that puts the finding on its file and line."""
    return finding.annotation()


def _new(site: SiteSettings, args: argparse.Namespace) -> int:
    try:
        path = write_new_record(
            site.data_dir, args.soort, args.id, site.config.gemeente, args.organisatie, date.today()
        )
    except NewRecordError as exc:
        print(f"Niet gelukt: {exc}", file=sys.stderr)
        return 1
    print(f"Gemaakt: {path}. Vul het in en controleer het met 'wegwijzer check'.")
    return 0


def _pages(site: SiteSettings, args: argparse.Namespace) -> int:
    if site.config.editie == "verwijzers":  # pages in plain text: the guide unsealed
        print(
            "Niet gelukt: de verwijzersgids wordt alleen versleuteld gebouwd, en 'pages' schrijft "
            "alles als gewone tekst. Bouw de gids met 'mkdocs build -f "
            f"{site.shown(args.config)}'. Er is niets geschreven.",
            file=sys.stderr,
        )
        return 1
    from wegwijzer.site.pages import render_site, write_site  # folium and mkdocs: only here
    from wegwijzer.site.plugin import SCRIPTS, STYLESHEETS

    dataset, report = validate_site(site)
    if report.errors:
        _print_findings(report.errors, "tekst")
        return 1
    postcodes = postcode_table(site.data_dir, dataset)
    written = write_site(render_site(dataset, site.config, postcodes=postcodes), args.map)
    print(f"{count_text(len(written), 'bestand', 'bestanden')} geschreven in {args.map}.")
    print(f"Voeg in mkdocs.yml toe: extra_css: {STYLESHEETS}, extra_javascript: {SCRIPTS}.")
    return 0


def _schema(site: SiteSettings, args: argparse.Namespace) -> int:
    folder = site.root / "schema"
    if args.check:
        stale = stale_schemas(folder, site.config)
        for name in stale:
            print(f"schema/{name}: verouderd. Maak het opnieuw met 'wegwijzer schema'.")
        return 1 if stale else 0
    for path in write_schemas(folder, site.config):
        print(f"Geschreven: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
