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
