"""The store's memo is bounded (issue 12): least recently used entries go first, and memory stays under the
ceiling the README states after visiting every indicator × level × year."""

import json
import os
import subprocess
import sys

import pytest

from loaders.memo import Memo

CEILING_MB = 1000  # the README's ceiling for one process with every table visited (measured 312-480 MB)


def test_memo_evicts_the_least_recently_used_and_counts():
    memo = Memo(max_entries=2)
    assert memo.cached("a", lambda: 1) == 1 and memo.cached("b", lambda: 2) == 2
    assert memo.cached("a", lambda: 99) == 1  # a hit: "a" is now the most recent
    memo.cached("c", lambda: 3)
    assert "b" not in memo and "a" in memo and len(memo) == 2
    assert (memo.hits, memo.misses) == (1, 3)


def test_memo_get_put_and_clear_keep_the_bound_and_the_counts():
    memo = Memo(max_entries=2)
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.get("a") == 1 and memo.get("zzz", "none") == "none"
    memo.put("c", 3)  # "b" is the least recently used: "a" was read after it
    assert memo.keys() == ["a", "c"] and (memo.hits, memo.misses) == (1, 1)
    memo.put("a", 10)  # replacing keeps one entry and makes it the most recent
    assert memo.keys() == ["c", "a"] and memo.get("a") == 10
    memo.clear()
    assert len(memo) == 0 and memo.hits == 2


def test_the_apps_caches_are_the_one_memo():
    """No module keeps a private least-recently-used dictionary or lock of its own beside loaders.memo."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    private = [str(path.relative_to(root)) for package in ("dashboard", "indicators", "loaders", "geodata")
               for path in (root / package).rglob("*.py") if path.name != "memo.py"
               and re.search(r"OrderedDict|move_to_end|popitem\(last=False\)", path.read_text(encoding="utf-8"))]
    assert private == []


# Run in a fresh process: the test session's own memory (AppTest, kaleido, other stores) is not the app's.
VISIT_EVERYTHING = """
import json
from indicators.regions import tables
from indicators.regions.ranks import ranks
from indicators.registry import ENTRIES
from loaders.memo import MAX_ENTRIES
from loaders.store import load_store

store = load_store()
for ind in ENTRIES:
    for level in tables.levels(store, ind):
        for year in tables.years(store, ind, level) or [None]:
            tables.table(store, ind, level=level, year=year)
            ranks(store, ind, level, year)
rss = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS")) / 1024
print(json.dumps({"entries": len(store.memo), "max": MAX_ENTRIES, "hits": store.memo.hits, "rss_mb": rss}))
"""


@pytest.mark.slow  # visits every indicator × level × year in a fresh process
def test_memory_stays_under_the_ceiling_after_every_indicator_level_and_year(store_env):
    done = subprocess.run([sys.executable, "-c", VISIT_EVERYTHING], capture_output=True, text=True, timeout=1200,
                          env={**os.environ, "MIGRATION_CACHE_DIR": str(store_env)}, check=True)
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    print(measured)
    assert measured["entries"] <= measured["max"]
    assert measured["rss_mb"] < CEILING_MB, measured
