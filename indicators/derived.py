"""The full store build: the loaders' tables, then the tables this layer derives from them once (the
municipal ranking's circle figures), written into the build folder before the store is published."""

from __future__ import annotations

from pathlib import Path

from indicators.places import lau_ranking
from loaders import store

# Functions of a built store returning {name: table}; read back with Store.derived(name).
DERIVATIONS = (lau_ranking.derived_tables,)


def build(progress=None) -> Path:
    """``loaders.store.build`` with this layer's derived tables (``python -m indicators build``)."""
    return store.build(progress, derive=DERIVATIONS)
