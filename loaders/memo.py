"""A bounded, keyed memo for tables derived from one store: least recently used entries go first."""

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
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._entries

    def keys(self):
        with self._lock:
            return list(self._entries)

    def discard(self, predicate: Callable[[Hashable], bool]) -> None:
        """Forget every entry whose key matches (the bench times cold computations this way)."""
        with self._lock:
            for key in [k for k in self._entries if predicate(k)]:
                del self._entries[key]
