"""Map classes by scheme name (mapclassify), with missing values kept in their own class."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SCHEMES = {"quantiles": "Quantiles", "natural_breaks": "FisherJenks", "equal_interval": "EqualInterval"}
NO_DATA = -1


@dataclass(frozen=True)
class Classes:
    """Class breaks for a map: ``classes`` per value (``NO_DATA`` where missing) and legend bounds."""

    scheme: str
    bins: tuple[float, ...]  # upper bound of each class
    lower: float
    classes: np.ndarray

    def labels(self, decimals: int = 1, unit: str = "") -> list[str]:
        bounds = [self.lower, *self.bins]
        return [f"{bounds[i]:.{decimals}f} – {bounds[i + 1]:.{decimals}f}{(' ' + unit) if unit else ''}"
                for i in range(len(self.bins))]


def classify(values, scheme: str = "quantiles", k: int = 5) -> Classes:
    """Map classes with mapclassify, by scheme name; missing values get their own ``NO_DATA`` class."""
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {sorted(SCHEMES)}, not {scheme!r}")
    values = np.asarray(values, dtype=float)
    present = ~np.isnan(values)
    distinct = np.unique(values[present])
    classes = np.full(len(values), NO_DATA)
    if len(distinct) == 0:
        return Classes(scheme, (), float("nan"), classes)
    k = max(1, min(k, len(distinct)))
    if k == 1:
        classes[present] = 0
        return Classes(scheme, (float(distinct[0]),), float(distinct[0]), classes)
    import mapclassify  # imported on first use: with numba it compiles its kernels at import (~3 s)

    fitted = getattr(mapclassify, SCHEMES[scheme])(values[present], k=k)
    classes[present] = fitted.yb
    return Classes(scheme, tuple(float(b) for b in fitted.bins), float(values[present].min()), classes)
