"""Sweeps over every entry: the first entry of each kind runs in the fast loop, the rest are marked slow."""

from __future__ import annotations

import pytest


def first_of_each(items, kind, ids=str) -> list:
    """``items`` as pytest params; all but the first item of each ``kind(item)`` carry the ``slow`` marker."""
    seen, params = set(), []
    for item in items:
        key = kind(item)
        marks = () if key not in seen else (pytest.mark.slow,)
        seen.add(key)
        params.append(pytest.param(item, marks=marks, id=ids(item)))
    return params


def smoke_first(items, ids=str) -> list:
    """Page sweeps: the first item (the default page) runs in the fast loop, every other one in the full run
    (each page is still rendered once in the fast loop, by test_pages' smoke test)."""
    return first_of_each(items, lambda _: "page", ids)


def marked_slow(items, slow: set, ids=str) -> list:
    """``items`` as params; those in ``slow`` (the few that cost many seconds alone) carry the ``slow`` marker."""
    return [pytest.param(item, marks=(pytest.mark.slow,) if ids(item) in slow else (), id=ids(item)) for item in items]
