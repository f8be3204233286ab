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
    def compute():
        towns = store.local("municipalities")
        towns = towns[towns["country"].isin(EU27)].sort_values("population", ascending=False, na_position="last")
        names = towns["name"].fillna("").map(normalise)
        latin = towns["name_latin"].fillna("").map(normalise)
        index = towns[COLUMNS].copy()
        # one searchable string per town: both names, so "ioannina" finds a town written in Greek
        index["key"] = (" " + names + " | " + latin + " ").to_numpy()
        index = index.reset_index(drop=True)
        # one text of all keys: a substring search is then one C-level scan, not 95 000 Python comparisons
        text = "\n" + "\n".join(index["key"]) + "\n"  # every key sits between two newlines
        starts = np.cumsum([1] + [len(k) + 1 for k in index["key"]])[:-1]
        # plain numpy columns: pandas 3 keeps strings in Arrow, and converting 95 000 of them per query is slow
        columns = {c: index[c].to_numpy(dtype=object) for c in [*COLUMNS, "key"]}
        return (columns, text, starts)

    return store.memo.cached(("local", "search_index"), compute)


def find_towns(store, text: str, limit: int = 10) -> pd.DataFrame:
    """Municipalities matching ``text``: whole name first, then name starts, then word starts, then anywhere."""
    query = normalise(text)[:MAX_QUERY].strip()
    index, text_all, starts = search_index(store)
    if len(query) < 2:
        return pd.DataFrame(columns=[*COLUMNS, "label"])
    want = max(1, min(int(limit), 200))
    # The text is ordered by population, so within each kind of match the first hits are the largest towns:
    # look for whole names, then name starts, then word starts, then anywhere, and stop once there are enough.
    # str.find, not a regex: an alternation of literals is scanned tens of times slower.
    kinds = [(f"\n {query} |", f"| {query} \n"), (f"\n {query}", f"| {query}"), (f" {query}",), (query,)]
    chosen, seen = [], set()
    for literals in kinds:
        rows = sorted({row for literal in literals for row in _first_rows(text_all, starts, literal, want)})
        for row in rows:
            if row not in seen and len(chosen) < want:
                seen.add(row)
                chosen.append(row)
        if len(chosen) >= want:
            break
    out = pd.DataFrame({c: index[c][chosen] for c in COLUMNS})
    shown = out["name"].where(out["name_latin"].eq(out["name"]), out["name_latin"] + " / " + out["name"])
    out["label"] = shown + " (" + out["nuts_3_name"].fillna(out["nuts_3"]).fillna("?") + ", " + out["country"] + ")"
    return out


def _first_rows(text: str, starts: np.ndarray, literal: str, want: int) -> list[int]:
    """The first ``want`` rows (in text order) whose key contains ``literal``."""
    rows, at = [], text.find(literal)
    while at >= 0 and len(rows) < want:
        row = int(np.searchsorted(starts, at + 1, "right")) - 1
        if not rows or rows[-1] != row:
            rows.append(row)
        at = text.find(literal, at + 1)
    return rows
