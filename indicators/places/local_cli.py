"""Command line for the local layer: ``find-town TEXT``, ``town GISCO_ID`` and ``similar-towns GISCO_ID``
(registered by ``__main__``)."""

from __future__ import annotations

import json
import sys

from indicators.places import local, similar_towns
from indicators.places.town_search import find_towns

COMMANDS = ("find-town", "town", "similar-towns")


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
    like = commands.add_parser("similar-towns", help="the EU municipalities most like one (other countries first)")
    like.add_argument("gisco_id")
    like.add_argument("--same-country", action="store_true", help="only municipalities of the town's own country")
    like.add_argument("--limit", type=int, default=10)
    like.add_argument("--json", action="store_true")


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
    if args.command == "similar-towns":
        return _similar(store, args)
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


def _similar(store, args) -> int:
    """The towns like one, with their reasons and the method (features, scaling, weights)."""
    matches = similar_towns.similar_towns(store, args.gisco_id, max(1, min(args.limit, 50)), args.same_country)
    if matches is None:
        print("unknown municipality id; find one with `python -m indicators find-town NAME`", file=sys.stderr)
        return 2
    table = similar_towns.as_table(matches)
    if args.json:
        print(json.dumps({"gisco_id": args.gisco_id, "same_country": args.same_country,
                          "method": [str(p) for p in similar_towns.method(store)],
                          "matches": json.loads(table.to_json(orient="records", force_ascii=False))},
                         ensure_ascii=False))
    else:
        for row in table.itertuples(index=False):
            print(f"{row.gisco_id:20} {row.name} ({row.country}) · {row.reasons}")
    return 0
