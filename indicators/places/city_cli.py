"""Command line for one Urban Audit city: ``city CODE [--json]`` (registered by ``__main__``; the city indicators'
rows are ``table ID``, as for every geography)."""

from __future__ import annotations

import json
import sys

from indicators.places import cities

COMMANDS = ("city",)
CITY_COLUMNS = ["year", "foreign_born", "foreign_born_flag", "population", "population_flag", "value", "flag",
                "published_share", "verdict", "rules"]


def add_commands(commands) -> None:
    """Add the city subcommand to the CLI's subparsers."""
    city = commands.add_parser("city", help="one Urban Audit city's series, flags and plausibility verdicts")
    city.add_argument("code")
    city.add_argument("--json", action="store_true")


def run(store, args) -> int:
    """One city's series with its verdicts; 2 for an unknown code."""
    code, as_json = args.code, args.json
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
