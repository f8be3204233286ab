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
    names: tuple[str, ...] | None = None  # legend names when bounds alone would mislead (counts: "1–6")

    def labels(self, decimals: int = 1, unit: str = "") -> list[str]:
        if self.names is not None:
            return [f"{name}{(' ' + unit) if unit else ''}" for name in self.names]
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


def count_classes(counts, of: int, k: int = 5) -> Classes:
    """Whole-number classes for counts out of ``of``: "0" alone, then up to k-1 equal runs ("1–6", "7–12", …).

    Fixed on 0..of rather than fitted to the data, so one colour means the same count at every level
    (fitted breaks made "0 – 1 of 24" the darkest class where no region had more than one).
    """
    values = np.asarray(counts, dtype=float)
    present = ~np.isnan(values)
    assert of >= 1 and np.all((values[present] >= 0) & (values[present] <= of)), "counts must lie in 0..of"
    assert np.all(values[present] == np.round(values[present])), "counts must be whole numbers"
    runs = np.array_split(np.arange(1, of + 1), min(k - 1, of))
    lowers, uppers = [0] + [int(r[0]) for r in runs], [0] + [int(r[-1]) for r in runs]
    classes = np.full(len(values), NO_DATA)
    classes[present] = np.searchsorted(uppers, values[present], side="left")
    names = tuple(str(lo) if lo == hi else f"{lo}–{hi}" for lo, hi in zip(lowers, uppers))
    return Classes("counts", tuple(float(u) for u in uppers), 0.0, classes, names)


def classify_diverging(values, scheme: str = "quantiles", k: int = 5) -> Classes:
    """Classes fitted on each side of 0 (values below 0, and 0 and above), the same number each side where data allow.

    One scheme over both sides put one class below 0 and four above for net migration, on a palette whose middle
    says "zero"; each side now gets ceil(k/2) classes (fewer where a side has fewer distinct values), meeting at 0.
    """
    values = np.asarray(values, dtype=float)
    below, above = values < 0, values >= 0  # NaN is neither: it keeps NO_DATA
    if not below.any() or not above.any():
        return classify(values, scheme, k)  # one side only: nothing to centre
    per_side = (k + 1) // 2
    low, high = classify(values[below], scheme, per_side), classify(values[above], scheme, per_side)
    classes = np.full(len(values), NO_DATA)
    classes[below] = low.classes
    classes[above] = high.classes + len(low.bins)
    bins = (*low.bins[:-1], 0.0, *high.bins)  # the last class below 0 closes at 0, where the first above opens
    return Classes(scheme, tuple(float(b) for b in bins), low.lower, classes)
