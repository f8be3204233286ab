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


# Run in a fresh process: the test session's own memory (AppTest, kaleido, other stores) is not the app's.
VISIT_EVERYTHING = """
import json
from indicators import tables
from indicators.ranks import ranks
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
