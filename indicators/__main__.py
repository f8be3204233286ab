"""Command line: ``python -m indicators list [--json]``, ``table ID …``, ``find-town TEXT``, ``town GISCO_ID``."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from indicators import local_cli, tables
from indicators.registry import ENTRIES, get
from loaders.errors import StoreMissingError
from loaders.store import load_store

TABLE_COLUMNS = ["geo", "name", "level", "nuts_version", "year", "value", "flag", "unit", "source"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m indicators", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="every indicator with its fields and what the store holds")
    listing.add_argument("--json", action="store_true")
    table = commands.add_parser("table", help="an indicator's tidy rows, as the dashboard shows them")
    table.add_argument("id")
    table.add_argument("--level", type=int, choices=[0, 1, 2, 3])
    table.add_argument("--year", type=int)
    table.add_argument("--nuts-version", type=int, choices=[2016, 2021, 2024])
    table.add_argument("--format", choices=["csv", "json"], default="csv")
    local_cli.add_commands(commands)
    args = parser.parse_args(argv)
    try:
        store = load_store()
    except StoreMissingError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.command == "list":
        return _list(store, args.json)
    if args.command in local_cli.COMMANDS:
        return local_cli.run(store, args)
    try:
        indicator = get(args.id)
    except KeyError as exc:
        print(f"{exc.args[0]}; see `python -m indicators list`", file=sys.stderr)
        return 2
    rows = tables.table(store, indicator, level=args.level, year=args.year, nuts_version=args.nuts_version)
    rows = rows[TABLE_COLUMNS]
    if args.format == "json":
        print(rows.to_json(orient="records", force_ascii=False))
    else:
        rows.to_csv(sys.stdout, index=False)
    return 0


def _list(store, as_json: bool) -> int:
    entries = []
    for ind in ENTRIES:
        fields = dataclasses.asdict(ind)
        fields["scope"] = ind.scope
        fields["theme_label"] = ind.theme_label
        fields["levels_in_store"] = tables.levels(store, ind)
        fields["years_in_store"] = tables.years(store, ind)
        entries.append(fields)
    if as_json:
        print(json.dumps(entries, ensure_ascii=False, indent=1, default=str))
    else:
        for e in entries:
            years = e["years_in_store"]
            span = f"{years[0]}-{years[-1]}" if years else "period not stated"
            print(f"{e['id']:48} {e['theme_label']:24} levels {e['levels_in_store']!s:14} {span}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
