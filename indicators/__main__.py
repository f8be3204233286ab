"""Command line: ``list`` (every indicator of every geography), ``table`` (an indicator's rows: NUTS levels 0-3,
cities, municipalities, report dates), the analytics as the dashboard shows them (``profile``, ``most-affected``
(``--level 2|3|lau``), ``benchmark``, each with ``--json``), one city's series (``city CODE``), the 1 km grid
(``find-town TEXT``, ``town GISCO_ID``) and ``build`` (the store with this layer's derived tables)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

import pandas as pd

from indicators.places import city_cli, lau_ranking, local_cli, urbanisation
from indicators import derived, entry_tables
from indicators.regions import presets, profile, tables
from indicators.regions.benchmarks import benchmarks
from indicators.regions.composite import CANDIDATES, composite, not_ranked
from indicators.entries import every, get
from indicators.registry import GEOGRAPHIES, Indicator
from indicators.text.wording import LANGUAGES, phrase, said
from loaders.errors import StoreMissingError
from loaders.store import load_store

LEVELS = ["0", "1", "2", "3", *(kind for kind in GEOGRAPHIES if kind not in ("nuts", "grid"))]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m indicators", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="every indicator of every geography, its fields and what the store holds")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the text listing (JSON: English)")
    table = commands.add_parser("table", help="an indicator's tidy rows, as the dashboard shows them (no id: the "
                                "indicators at --level)")
    table.add_argument("id", nargs="?")
    table.add_argument("--level", choices=LEVELS, help="a NUTS level (0-3) or a local one")
    table.add_argument("--year", type=int)
    table.add_argument("--nuts-version", type=int, choices=[2016, 2021, 2024])
    table.add_argument("--format", choices=["csv", "json"], default="csv")
    one = commands.add_parser("profile", help="a region's headline figures, ranks, benchmarks and summary")
    one.add_argument("geo")
    one.add_argument("--lang", choices=LANGUAGES, default="en")
    one.add_argument("--json", action="store_true")
    most = commands.add_parser("most-affected", help="the most-affected ranking")
    most.add_argument("--level", choices=["2", "3", "lau"], default="2",
                      help="NUTS 2 or 3 regions, or municipalities (lau: 2 km circles of the 1 km grid)")
    most.add_argument("--preset", choices=[*presets.PRESETS, presets.OWN], default=None,
                      help=f"a named ranking (default: {presets.DEFAULT_PRESET}); with --weights: own mix")
    most.add_argument("--weights", help="id:weight,… (absolute weights of your own mix)")
    most.add_argument("--countries", help="CC,CC,… (default: every EU-27 country)")
    most.add_argument("--outside-eu", action="store_true", help="also rank regions outside the EU-27 (EU-27 scale)")
    most.add_argument("--region", help="lau: only municipalities in this NUTS 2 or 3 region")
    most.add_argument("--degurba", help="lau: degrees of urbanisation, e.g. 1,2 ("
                      + ", ".join(f"{code} {kind}" for code, kind in urbanisation.MANY.items()) + ")")
    most.add_argument("--size", help=f"lau: size bands, e.g. 20k,50k (of {', '.join(lau_ranking.SIZE_BANDS)})")
    most.add_argument("--json", action="store_true")
    bench = commands.add_parser("benchmark", help="the country and EU benchmarks of an indicator")
    bench.add_argument("id")
    bench.add_argument("--level", type=int, choices=[1, 2, 3], required=True)
    bench.add_argument("--year", type=int)
    bench.add_argument("--country", default=None)
    bench.add_argument("--json", action="store_true")
    local_cli.add_commands(commands)
    commands.add_parser("build", help="build the store from the fetched files, with the derived tables")
    city_cli.add_commands(commands)
    args = parser.parse_args(argv)
    if args.command == "build":
        path = derived.build(progress=lambda message: print(f"  {message}", flush=True))
        print(f"built {path}")
        return 0
    try:
        store = load_store()
    except StoreMissingError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.command == "list":
        return _list(store, args.json, args.lang)
    if args.command == "profile":
        return _print(profile.as_json(store, args.geo.upper(), args.lang), args.json)
    if args.command == "most-affected":
        return _most_affected(store, args)
    if args.command == "benchmark":
        return _benchmark(store, args)
    if args.command in local_cli.COMMANDS:
        return local_cli.run(store, args)
    if args.command in city_cli.COMMANDS:
        return city_cli.run(store, args)
    return _table(store, args)


def _table(store, args) -> int:
    """An entry's rows (of any geography but the grid's), or the entries at ``--level`` when no id is given."""
    level = int(args.level) if args.level and args.level.isdigit() else args.level
    if not args.id:
        entries = [e for e in every() if level in e.levels]
        if not entries:
            print("give an indicator id, or a --level to list its indicators", file=sys.stderr)
            return 2
        for e in entries:
            print(f"{e.id:48} {e.geography:13} {e.credit}")
        return 0
    try:
        indicator = get(args.id)
    except KeyError as exc:
        print(f"{exc.args[0]}; see `python -m indicators list`", file=sys.stderr)
        return 2
    if indicator.geography == "grid" or (level is not None and level not in indicator.levels):
        print(f"{args.id} has no table at level {level}; its levels: "
              f"{', '.join(map(str, indicator.levels))}", file=sys.stderr)
        return 2
    local = indicator.geography != "nuts"
    if local and args.nuts_version:
        print(f"{args.id} is not a NUTS indicator: --nuts-version does not apply", file=sys.stderr)
        return 2
    rows = entry_tables.rows(store, indicator, None if local else level, args.year, args.nuts_version)
    if args.format == "json":
        print(tables.as_text(rows).to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        rows.to_csv(sys.stdout, index=False)
    return 0


def _print(payload, as_json: bool) -> int:
    """JSON either way (``--json`` makes it compact, one line, for scripts)."""
    print(json.dumps(payload, ensure_ascii=False, indent=None if as_json else 1, default=str))
    return 0


def _most_affected(store, args) -> int:
    if args.level == "lau":
        return _most_affected_towns(store, args)
    args.level = int(args.level)
    preset, weights = args.preset or presets.DEFAULT_PRESET, None
    if args.weights:
        try:
            weights = {k: float(w) for k, w in (part.split(":") for part in args.weights.split(","))}
        except ValueError:
            print("--weights must be id:weight,… with numbers", file=sys.stderr)
            return 2
        unknown = sorted(set(weights) - set(CANDIDATES[args.level]))
        if unknown:
            print(f"not weighable at NUTS {args.level}: {', '.join(unknown)}", file=sys.stderr)
            return 2
        preset = presets.OWN  # weights on the command line are the whole own mix
    else:
        weights = presets.preset_weights(preset, args.level)
    if not any(weights.values()):
        print(f"{presets.label(preset)} has no indicator at NUTS {args.level}", file=sys.stderr)
        return 2
    countries = [c.strip().upper() for c in args.countries.split(",")] if args.countries else None
    result = composite(store, args.level, weights, countries=countries, outside_eu=args.outside_eu)
    ranked = result[result["rank"].notna()]
    rows = []
    for _, r in ranked.iterrows():
        rows.append({"geo": r["geo"], "name": r["name"], "nuts_version": _int(r["nuts_version"]),
                     "score": round(float(r["score"]), 1),
                     "coverage": round(float(r["coverage"]), 3), "rank": _int(r["rank"]), "of": len(ranked),
                     "tied": _int(r["tied"]), "rank_spread": _int(r.get("rank_spread")),
                     "converted": [c for c in str(r["converted"]).split(", ") if c],
                     "contributions": {c.removeprefix("contribution_"): (None if pd.isna(v) else round(float(v), 2))
                                       for c, v in r.items() if str(c).startswith("contribution_")}})
    return _print({"level": args.level, "preset": preset, "definition": presets.describe(preset, args.level, weights),
                   "available": presets.availability_text(preset, args.level), "weights": weights,
                   "scale": "each indicator scaled 0-100 over every EU-27 region of the level",
                   "years": result.attrs.get("years", {}), "regions": rows,
                   "not_ranked": not_ranked(result).to_dict(orient="records")}, args.json)


def _most_affected_towns(store, args) -> int:
    """The municipal ranking (2 km circles); its measures and weights are fixed, so no preset or weights."""
    if args.preset or args.weights or args.outside_eu:
        print("--level lau has its own fixed measures and weights (EU-27): no --preset, --weights or --outside-eu",
              file=sys.stderr)
        return 2

    def listed(text):
        return [part.strip() for part in text.split(",") if part.strip()] if text else None

    try:
        degurba = [int(d) for d in listed(args.degurba) or []]
    except ValueError:
        print("--degurba takes 1, 2 or 3, comma-separated", file=sys.stderr)
        return 2
    sizes = listed(args.size)
    if set(degurba) - set(urbanisation.CODES) or set(sizes or []) - set(lau_ranking.SIZE_BANDS):
        print(f"--degurba takes 1-3; --size takes {', '.join(lau_ranking.SIZE_BANDS)}", file=sys.stderr)
        return 2
    countries = [c.upper() for c in listed(args.countries) or []]
    result = lau_ranking.ranking(store, countries=countries, region=(args.region or "").upper() or None,
                                 degurba=degurba, sizes=sizes)
    return _print(lau_ranking.as_json(result), args.json)


def _benchmark(store, args) -> int:
    try:
        ind = get(args.id, "nuts")  # benchmarks compare regions with their country and the EU
    except KeyError as exc:
        print(f"{exc.args[0]}; see `python -m indicators list`", file=sys.stderr)
        return 2
    year = args.year if args.year is not None else tables.latest_year(store, ind, args.level)
    found = benchmarks(store, ind, args.level, year, (args.country or "EU").upper())
    out = {"indicator": ind.id, "level": args.level, "year": year, "EU": found["EU"].as_dict()}
    if args.country:
        out["country"] = found["country"].as_dict()
    return _print(out, args.json)


def _int(value):
    return None if value is None or pd.isna(value) else int(value)


def _list(store, as_json: bool, lang: str = "en") -> int:
    entries = []
    for ind in every():
        # every named field but a local entry's function (its rows are what ``table`` prints)
        fields = {f.name: getattr(ind, f.name) for f in dataclasses.fields(ind) if f.name != "rows"}
        fields["levels"] = list(ind.levels)
        fields["geography_label"] = str(GEOGRAPHIES[ind.geography])
        if isinstance(ind, Indicator):
            fields["scope"] = ind.scope
            fields["theme_label"] = ind.theme_label
        else:
            fields["coverage"] = str(ind.coverage)
        fields["levels_in_store"], fields["years_in_store"] = entry_tables.held(store, ind)
        entries.append(fields)
    if as_json:
        print(json.dumps(entries, ensure_ascii=False, indent=1, default=_plain))
    else:
        for e in entries:  # the id is what a command takes; the rest is said in ``lang``
            years = e["years_in_store"]
            span = f"{years[0]}-{years[-1]}" if years else said(phrase("period not stated"), lang)
            kind = said(GEOGRAPHIES[e["geography"]], lang)
            theme = said(e["theme_label"], lang) if e.get("theme_label") else ""
            nuts = [str(level) for level in e["levels_in_store"] if isinstance(level, int)]  # a local level is the kind
            levels = said(phrase("levels {levels}", levels=", ".join(nuts)), lang) if nuts else ""
            print(f"{e['id']:48} {kind:34} {theme:30} {levels:18} {span}")
    return 0


def _plain(value):
    """JSON for the fields json does not know: a derivation as its fields, anything else as its text."""
    return dataclasses.asdict(value) if dataclasses.is_dataclass(value) else str(value)


if __name__ == "__main__":
    sys.exit(main())
