"""The one bounded, keyed, thread-safe memo of the project: least recently used entries go first.

Used for the tables derived from a store (``store.memo``), the map figures shared by the page and its route
(dashboard/maps/map_ahead.py) and the local maps' figures (dashboard/screens/local_views.py): one implementation of
the size limit, the lock and the hit/miss counts, never a private dictionary.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

MAX_ENTRIES = 1500  # visiting every indicator × level × year needs more; the oldest are recomputed on demand (~480 MB, README)


class Memo:
    """``memo.cached(key, compute)`` returns the value for ``key``, computing it once; ``hits``/``misses`` count."""

    def __init__(self, max_entries: int = MAX_ENTRIES):
        self.max_entries = max_entries
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        # Sessions run in threads, and the map's figures fetched ahead are built in the server's thread pool:
        # the lock guards the dictionary only; a value is computed outside it (two threads may both compute one).
        self._lock = threading.Lock()

    def cached(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The memoised value of ``key``, computed by ``compute()`` on a miss."""
        with self._lock:
            if key in self._entries:
                self.hits += 1
                self._entries.move_to_end(key)
                return self._entries[key]
            self.misses += 1
        value = compute()
        with self._lock:
            self._entries[key] = value
            self._evict()
        return value

    def get(self, key: Hashable, default: Any = None) -> Any:
        """The value kept for ``key`` (counted as a hit, and made the most recent), or ``default``."""
        with self._lock:
            if key not in self._entries:
                self.misses += 1
                return default
            self.hits += 1
            self._entries.move_to_end(key)
            return self._entries[key]

    def put(self, key: Hashable, value: Any) -> None:
        """Keep ``value`` for ``key`` as the most recent entry (replacing what was kept)."""
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            self._evict()

    def _evict(self) -> None:
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._entries

    def keys(self):
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        """Forget every entry (the counts stay)."""
        self.discard(lambda key: True)

    def discard(self, predicate: Callable[[Hashable], bool]) -> None:
        """Forget every entry whose key matches (the bench times cold computations this way)."""
        with self._lock:
            for key in [k for k in self._entries if predicate(k)]:
                del self._entries[key]
