"""The store's memo is bounded (issue 12): least recently used entries go first, and memory stays under the
ceiling the README states after visiting every indicator × level × year."""

from loaders.memo import MAX_ENTRIES, Memo

CEILING_MB = 1000  # the README's ceiling for one process with every table visited (measured: 480 MB)


def test_memo_evicts_the_least_recently_used_and_counts():
    memo = Memo(max_entries=2)
    assert memo.cached("a", lambda: 1) == 1 and memo.cached("b", lambda: 2) == 2
    assert memo.cached("a", lambda: 99) == 1  # a hit: "a" is now the most recent
    memo.cached("c", lambda: 3)
    assert "b" not in memo and "a" in memo and len(memo) == 2
    assert (memo.hits, memo.misses) == (1, 3)


def _rss_mb() -> float:
    with open("/proc/self/status") as handle:
        return next(int(line.split()[1]) for line in handle if line.startswith("VmRSS")) / 1024


def test_memory_stays_under_the_ceiling_after_every_indicator_level_and_year(store):
    from indicators import tables
    from indicators.ranks import ranks
    from indicators.registry import ENTRIES

    for ind in ENTRIES:
        for level in tables.levels(store, ind):
            for year in tables.years(store, ind, level) or [None]:
                tables.table(store, ind, level=level, year=year)
                ranks(store, ind, level, year)
    assert len(store.memo) <= MAX_ENTRIES
    print(f"memo entries {len(store.memo)}, hits {store.memo.hits}, misses {store.memo.misses}, RSS {_rss_mb():.0f} MB")
    assert _rss_mb() < CEILING_MB, f"{_rss_mb():.0f} MB"
