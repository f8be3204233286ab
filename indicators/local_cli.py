"""Command line for the local layer: ``find-town TEXT`` and ``town GISCO_ID`` (registered by ``__main__``)."""

from __future__ import annotations

import json
import sys

from indicators import local
from indicators.town_search import find_towns

COMMANDS = ("find-town", "town")


def add_commands(commands) -> None:
    """Add the local subcommands to the CLI's subparsers."""
    find = commands.add_parser("find-town", help="municipalities matching a name (accents and case ignored)")
    find.add_argument("text")
    find.add_argument("--limit", type=int, default=10)
    find.add_argument("--json", action="store_true")
    town = commands.add_parser("town", help="figures of the 1 km grid within a radius of a municipality's centre")
    town.add_argument("gisco_id")
    town.add_argument("--radius", type=float, default=5, choices=local.RADII_KM)
    town.add_argument("--json", action="store_true")


def run(store, args) -> int:
    """Run one local subcommand; 2 for an unknown municipality."""
    if args.command == "find-town":
        rows = find_towns(store, args.text, max(1, min(args.limit, 200)))
        rows = rows[["gisco_id", "name", "name_latin", "nuts_3", "nuts_3_name", "country", "population", "label"]]
        records = json.loads(rows.to_json(orient="records", force_ascii=False))
        if args.json:
            print(json.dumps(records, ensure_ascii=False))
        else:
            for r in records:
                print(f"{r['gisco_id']:20} {r['label']}")
        return 0
    figures = local.town_circle(store, args.gisco_id, args.radius)
    if figures is None:
        print("unknown municipality id; find one with `python -m indicators find-town NAME`", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, default=str))  # a phrase as its English sentence
    else:
        for key, value in figures.items():
            print(f"{key:28} {value}")
    return 0
