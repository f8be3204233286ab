"""Command line for the local layer: ``city CODE [--json]`` and ``table ID --level city|lau|nuts2_report``."""

from __future__ import annotations

import argparse
import json
import sys

from indicators import cities, deep_dives, tables
from loaders.errors import StoreMissingError
from loaders.store import load_store

LOCAL_LEVELS = tuple(deep_dives.LEVELS)
TABLE_COLUMNS = ["geo", "name", "level", "country", "year", "value", "flag", "unit", "source", "note"]
CITY_COLUMNS = ["year", "foreign_born", "foreign_born_flag", "population", "population_flag", "value", "flag",
                "published_share", "verdict", "rules"]


def handles(argv: list[str]) -> bool:
    """True when the arguments ask for a local command (so ``indicators.__main__`` hands them over)."""
    if not argv:
        return False
    if argv[0] == "city":
        return True
    ids = {e.id for e in deep_dives.ENTRIES}
    levels = {f"--level={lvl}" for lvl in LOCAL_LEVELS}
    return argv[0] == "table" and (any(a in ids for a in argv[1:]) or any(
        a == "--level" and b in LOCAL_LEVELS for a, b in zip(argv, argv[1:])) or bool(levels & set(argv)))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m indicators", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    city = commands.add_parser("city", help="one Urban Audit city's series, flags and plausibility verdicts")
    city.add_argument("code")
    city.add_argument("--json", action="store_true")
    table = commands.add_parser("table", help="a local indicator's rows (city, municipality or report date)")
    table.add_argument("id", nargs="?")
    table.add_argument("--level", choices=LOCAL_LEVELS)
    table.add_argument("--year", type=int)
    table.add_argument("--format", choices=["csv", "json"], default="csv")
    args = parser.parse_args(argv)
    try:
        store = load_store()
    except StoreMissingError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.command == "city":
        return _city(store, args.code, args.json)
    return _table(store, args)


def _city(store, code: str, as_json: bool) -> int:
    try:
        rows = cities.city_series(store, code)
    except KeyError as exc:
        print(exc.args[0], file=sys.stderr)
        return 2
    rows = rows.assign(value=rows["value"].round(3), published_share=rows["published_share"].round(3))
    found = cities.implausible_values(store)
    found = found[found["geo"].eq(code)]
    if as_json:
        out = {"geo": code, "name": rows["name"].iloc[0], "kind": rows["kind"].iloc[0], "source": cities.CREDIT,
               "unit": "% of residents", "series": json.loads(rows[CITY_COLUMNS].to_json(orient="records")),
               "implausible": json.loads(found[["year", "variable", "value", "flag", "rule", "rule_text", "detail"]]
                                         .to_json(orient="records", force_ascii=False))}
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        print(f"{rows['name'].iloc[0]} ({code}, {rows['kind'].iloc[0]}) · {cities.CREDIT}")
        print(rows[CITY_COLUMNS].to_string(index=False))
    return 0


def _table(store, args) -> int:
    entries = [deep_dives.get(args.id)] if args.id else deep_dives.for_level(args.level)
    if args.id and args.level and entries[0].level != args.level:
        print(f"{args.id} is at level {entries[0].level}, not {args.level}", file=sys.stderr)
        return 2
    if not entries:
        print(f"no local indicator at level {args.level}", file=sys.stderr)
        return 2
    if not args.id:  # no id: list the indicators at the level, like `list` does
        for e in entries:
            print(f"{e.id:36} {e.level:13} {str(e.coverage):26} {e.credit}")
        return 0
    rows = entries[0].rows(store)
    if args.year is not None:
        rows = rows[rows["year"].eq(args.year)]
    extra = [c for c in ("date", "verdict", "rules") if c in rows]
    rows = rows[TABLE_COLUMNS + extra]
    if args.format == "json":
        print(tables.as_text(rows).to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        rows.to_csv(sys.stdout, index=False)
    return 0
