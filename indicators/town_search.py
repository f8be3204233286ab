"""Find a municipality by name: accent- and case-insensitive, Greek towns by their Latin name too."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from geodata.codes import EU27

MAX_QUERY = 80  # no municipality name is longer; anything beyond is cut, never echoed
COLUMNS = ["gisco_id", "name", "name_latin", "nuts_3", "nuts_3_name", "country", "population"]
_SEPARATORS = re.compile(r"[\s\-‐‑'’`.,/()]+")
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


def normalise(text: str) -> str:
    """Lower case, no accents, separators (hyphens, apostrophes, spaces) as one space."""
    text = unicodedata.normalize("NFKD", str(text)[: MAX_QUERY * 4].casefold().translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", text).strip()


def search_index(store) -> tuple[dict, str, np.ndarray]:
    """The EU municipalities with their normalised names, largest first, and one text of them (kept per store)."""
    memo = ("local", "search_index")
    if memo not in store.memo:
        towns = store.local("municipalities")
        towns = towns[towns["country"].isin(EU27)].sort_values("population", ascending=False, na_position="last")
        names = towns["name"].fillna("").map(normalise)
        latin = towns["name_latin"].fillna("").map(normalise)
        index = towns[COLUMNS].copy()
        # one searchable string per town: both names, so "ioannina" finds a town written in Greek
        index["key"] = (" " + names + " | " + latin + " ").to_numpy()
        index = index.reset_index(drop=True)
        # one text of all keys: a substring search is then one C-level scan, not 95 000 Python comparisons
        text = "\n".join(index["key"])
        starts = np.cumsum([0] + [len(k) + 1 for k in index["key"]])[:-1]
        # plain numpy columns: pandas 3 keeps strings in Arrow, and converting 95 000 of them per query is slow
        columns = {c: index[c].to_numpy(dtype=object) for c in [*COLUMNS, "key"]}
        store.memo[memo] = (columns, text, starts)
    return store.memo[memo]


def find_towns(store, text: str, limit: int = 10) -> pd.DataFrame:
    """Municipalities matching ``text``: whole name first, then name starts, then word starts, then anywhere."""
    query = normalise(text)[:MAX_QUERY].strip()
    index, text_all, starts = search_index(store)
    if len(query) < 2:
        return pd.DataFrame(columns=[*COLUMNS, "label"])
    positions = [m.start() for m in re.finditer(re.escape(query), text_all)]
    hits = np.unique(np.searchsorted(starts, positions, "right") - 1)  # rows, in population order
    keys = index["key"]

    def rank(i: int) -> int:
        key = keys[i]
        if f" {query} |" in key or key.endswith(f"| {query} "):
            return 0
        if key.startswith(f" {query}") or f"| {query}" in key:
            return 1
        return 2 if f" {query}" in key else 3

    chosen = sorted(hits.tolist(), key=lambda i: (rank(i), i))[: max(1, min(int(limit), 200))]
    out = pd.DataFrame({c: index[c][chosen] for c in COLUMNS})
    shown = out["name"].where(out["name_latin"].eq(out["name"]), out["name_latin"] + " / " + out["name"])
    out["label"] = shown + " (" + out["nuts_3_name"].fillna(out["nuts_3"]).fillna("?") + ", " + out["country"] + ")"
    return out
