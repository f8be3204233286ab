"""Scriptable exports: ``python -m dashboard.export chart|briefing|pack|embeds … [--lang fr]`` (see --help). Every
export and every message speaks the language asked for; a CSV in another language than English names its columns
in words (the English CSV keeps the schema's names)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.export import csvs, embeds, images, pdf
from dashboard.column_words import for_people
from dashboard.i18n import LANGUAGES, number, tr
from dashboard.export.images import ExportError
from dashboard.state import SCHEMES
from indicators.registry import REGISTRY
from loaders.errors import StoreMissingError
from loaders.store import load_store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.export", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    chart = commands.add_parser("chart", help="a map as PNG or SVG, or its data as CSV (+ .metadata.json)")
    chart.add_argument("--indicator", required=True)
    chart.add_argument("--level", type=int, required=True, choices=[0, 1, 2, 3])
    chart.add_argument("--year", type=int)
    chart.add_argument("--format", required=True, choices=["png", "svg", "csv"])
    chart.add_argument("--scheme", default="quantiles", choices=list(SCHEMES))
    chart.add_argument("--size", default="article", choices=list(images.MAP_SIZES),
                       help="image size: article 1200x900, social 1200x675, print A5 at 300 dpi (1748x2480)")
    chart.add_argument("--out", required=True)
    chart.add_argument("--lang", default="en", choices=list(LANGUAGES))
    briefing = commands.add_parser("briefing", help="one-page A4 PDF about a region")
    briefing.add_argument("--geo", required=True)
    briefing.add_argument("--lang", default="en", choices=list(LANGUAGES))
    briefing.add_argument("--out", required=True)
    pack = commands.add_parser("pack", help="roundtable pack PDF for 2-20 regions")
    pack.add_argument("--geo", required=True, help="comma-separated codes, e.g. ITC4,AT13,DE11")
    pack.add_argument("--lang", default="en", choices=list(LANGUAGES))
    pack.add_argument("--out", required=True)
    static = commands.add_parser("embeds", help="static embeds: per indicator x level, a page plotly.js draws alone")
    static.add_argument("out", help="the folder to write (publish it whole: pages, figures, static/)")
    static.add_argument("--lang", nargs="+", default=["en"], choices=list(LANGUAGES))
    static.add_argument("--indicator", nargs="+", help="indicator ids (default: every indicator)")
    static.add_argument("--live", default="/", help="the live app's address, for the link back (default: /)")
    args = parser.parse_args(argv)
    if args.command == "embeds":
        return _embeds(args)
    try:
        store = load_store()
        outputs = _run(store, args)
    except (ExportError, StoreMissingError) as exc:
        print(tr("export failed: {reason}", args.lang, reason=exc), file=sys.stderr)
        return 1
    for path, data in outputs.items():
        _write(Path(path), data)
        print(tr("wrote {path} ({size} bytes)", args.lang, path=path, size=number(len(data), 0, args.lang)))
    return 0


def _run(store, args) -> dict[str, bytes]:
    if args.command == "chart":
        if args.indicator not in REGISTRY:
            raise ExportError(tr("unknown indicator {indicator}; see `python -m indicators list`", args.lang,
                                 indicator=repr(args.indicator)))
        if args.format == "csv":
            rows = csvs.indicator_rows(store, args.indicator, args.level, args.year)
            if rows.empty:
                raise ExportError(tr("no rows for that indicator, level and year", args.lang))
            shown = rows if args.lang == "en" else for_people(rows, args.lang)
            return {args.out: csvs.to_csv_bytes(shown),
                    f"{args.out}.metadata.json": csvs.metadata_bytes(store, args.indicator, args.level, args.year)}
        return {args.out: images.map_image(store, args.indicator, args.level, args.year, args.format, args.scheme,
                                           images.MAP_SIZES[args.size], lang=args.lang)}
    if args.command == "briefing":
        return {args.out: pdf.briefing(store, args.geo, args.lang)}
    return {args.out: pdf.pack(store, [g.strip() for g in args.geo.split(",") if g.strip()], args.lang)}


def _embeds(args) -> int:
    """Write the static embeds file by file (a few hundred figures: never all held in memory at once)."""
    unknown = [i for i in args.indicator or [] if i not in REGISTRY]
    if unknown:
        print(f"export failed: unknown indicator {unknown[0]!r}; see `python -m indicators list`", file=sys.stderr)
        return 1
    try:
        store = load_store()
    except StoreMissingError as exc:
        print(f"export failed: {exc}", file=sys.stderr)
        return 1
    pages = written = 0
    for path, data in embeds.files(store, args.lang, args.indicator or list(REGISTRY), args.live):
        _write(Path(args.out) / path, data)
        written += len(data)
        pages += path.endswith(".html")
    print(f"wrote {pages} pages into {args.out} ({written:,} bytes)")
    return 0


def _write(path: Path, data: bytes) -> None:
    """Write whole or not at all: a failed export never leaves a broken file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.part")
    temp.write_bytes(data)
    temp.replace(path)


if __name__ == "__main__":
    sys.exit(main())
