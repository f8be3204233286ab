"""Command line: ``python -m loaders fetch|build|status|clear-cache``."""

from __future__ import annotations

import argparse
import json
import logging
import sys

from loaders import cache
from loaders.errors import DataError
from loaders.fetch import fetch_all, mirror_dir
from loaders.manifest import SOURCES, get_source
from loaders.status import format_table, source_status
from loaders.store import build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    fetch = commands.add_parser("fetch", help="bring every source into the cache (mirror or live)")
    fetch.add_argument("--mirror", help="read this mirror folder instead of the live URLs (default: $MIGRATION_DATA_MIRROR)")
    fetch.add_argument("--only", nargs="+", metavar="ID", help="fetch only these source ids")
    fetch.add_argument("--refresh", action="store_true", help="fetch again even where a good cached copy exists")
    commands.add_parser("build", help="turn the cache into the tidy store")
    status = commands.add_parser("status", help="what is fetched and built, per source")
    status.add_argument("--json", action="store_true", help="print JSON instead of a table")
    commands.add_parser("clear-cache", help="delete every fetched file and built store (a running app keeps its data)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    if args.command == "fetch":
        return _fetch(args)
    if args.command == "build":
        try:
            path = build(progress=lambda message: print(f"  {message}", flush=True))
        except DataError as exc:
            print(f"build failed: {exc}", file=sys.stderr)
            return 1
        print(f"built {path}")
        return 0
    if args.command == "clear-cache":
        removed = cache.clear_cache()
        print("removed " + ", ".join(map(str, removed)) if removed else f"nothing to remove in {cache.cache_dir()}")
        return 0
    rows = source_status()
    print(json.dumps(rows, indent=2) if args.json else format_table(rows))
    return 0


def _fetch(args) -> int:
    try:
        sources = [get_source(i) for i in args.only] if args.only else list(SOURCES)
    except KeyError as exc:
        print(f"fetch failed: {exc.args[0]}", file=sys.stderr)
        return 2
    root = mirror_dir(args.mirror)
    print(f"fetching {len(sources)} source(s) from {'mirror ' + str(root) if root else 'the live URLs'} "
          f"into {cache.raw_dir()}", flush=True)

    def progress(done, total, result):
        print(f"[{done:>2}/{total}] {result.source_id:28} {result.status:8} {result.detail}", flush=True)

    results = fetch_all(sources, mirror=args.mirror, refresh=args.refresh, progress=progress)
    failed = [r for r in results if r.status == "failed"]
    for r in failed:
        print(f"error: {r.detail}", file=sys.stderr)
    print(f"{len(results) - len(failed)} ok, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
