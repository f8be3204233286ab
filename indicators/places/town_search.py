"""Find a municipality by name: accent- and case-insensitive, Greek towns by their Latin name too."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from geodata.codes import EU27
from indicators.places import town_names

MAX_QUERY = 80  # no municipality name is longer; anything beyond is cut, never echoed
CLOSE_MIN = 80  # a name this similar (rapidfuzz's ratio, 0-100) is offered as close: "tuln" ~ "tulln" is 89
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
        # each town's two normalised names side by side (row r at 2r and 2r + 1), for the close-spelling search
        both = np.column_stack([names.to_numpy(dtype=object), latin.to_numpy(dtype=object)]).ravel().tolist()
        columns["names"] = both
        columns["heads"] = {k: [" ".join(name.split()[:k]) for name in both] for k in (1, 2)}
        return (columns, text, starts)

    return store.memo.cached(("local", "search_index"), compute)


def find_towns(store, text: str, limit: int = 10) -> pd.DataFrame:
    """Municipalities matching ``text``: whole name first, then name starts, then word starts, then anywhere, then
    names spelt alike (``close`` True: "Tuln" offers Tulln, "Bergamoo" Bergamo)."""
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
    exact = len(chosen)
    if exact < want and len(query) >= 3:
        chosen += [row for row in _close_rows(index, query, want) if row not in seen][: want - exact]
    out = pd.DataFrame({c: index[c][chosen] for c in COLUMNS})
    out["close"] = np.arange(len(chosen)) >= exact
    region = out["nuts_3_name"].fillna(out["nuts_3"]).fillna("?")
    out["label"] = town_names.display_names(out) + " (" + region + ", " + out["country"] + ")"
    return out


def _close_rows(index: dict, query: str, want: int) -> list[int]:
    """Rows whose name (or Latin name), or its first words as many as the query's, is spelt like ``query``
    ("tuln" ~ "tulln" of "Tulln an der Donau"): most alike first, then the larger town."""
    words = len(query.split())
    best: dict[int, float] = {}
    for names in (index["names"], *([index["heads"][words]] if words in index["heads"] else [])):
        for _, score, at in process.extract(query, names, scorer=fuzz.ratio, score_cutoff=CLOSE_MIN,
                                            limit=4 * want):
            row = at // 2
            best[row] = max(best.get(row, 0), score)
    # the rows are ordered by population, so the lower row wins a tie of scores
    return sorted(best, key=lambda row: (-best[row], row))[:want]


def _first_rows(text: str, starts: np.ndarray, literal: str, want: int) -> list[int]:
    """The first ``want`` rows (in text order) whose key contains ``literal``."""
    rows, at = [], text.find(literal)
    while at >= 0 and len(rows) < want:
        row = int(np.searchsorted(starts, at + 1, "right")) - 1
        if not rows or rows[-1] != row:
            rows.append(row)
        at = text.find(literal, at + 1)
    return rows
