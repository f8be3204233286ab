"""Map classes by scheme name (mapclassify), with missing values kept in their own class."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indicators.text.wording import number

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
    rounded: bool = False  # inner breaks are round numbers (pretty_breaks), printed without padding zeros


    def labels(self, decimals: int = 1, unit: str = "", lang: str = "en") -> list[str]:
        """'2.5 – 5 %' ('2,5 – 5 %' in French): the lowest and highest value at the indicator's decimals, rounded
        breaks as they are, numbers written the ``lang`` way."""
        if self.names is not None:
            return [f"{name}{(' ' + unit) if unit else ''}" for name in self.names]
        bounds = [self.lower, *self.bins]
        last = len(bounds) - 1
        text = [_number(b, decimals, i in (0, last) or not self.rounded, lang) for i, b in enumerate(bounds)]
        return [f"{text[i]} – {text[i + 1]}{(' ' + unit) if unit else ''}" for i in range(len(self.bins))]


def _number(value: float, decimals: int, exact: bool, lang: str) -> str:
    """A bound for the legend: the data's own min and max at the indicator's decimals; a round break as short
    as it is ('5', '12.5'), never with more decimals than the indicator has."""
    if exact:
        return number(value, decimals, lang)
    if round(value, decimals) != value:  # a break left unrounded (classes too close to round it): all of it
        return number(value, 6, lang, trim=True)
    return number(value, decimals, lang, trim=True)


def classify(values, scheme: str = "quantiles", k: int = 5, decimals: int | None = None) -> Classes:
    """Map classes with mapclassify, by scheme name; missing values get their own ``NO_DATA`` class.

    Quantile breaks are rounded to nice numbers (``pretty_breaks``; ``decimals`` is the finest rounding allowed),
    so a legend reads "5 – 10 %"; the lowest and highest bounds stay the data's own minimum and maximum.
    """
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
    bins, rounded = tuple(float(b) for b in fitted.bins), False
    if scheme == "quantiles":
        bins, rounded = pretty_breaks(bins, float(values[present].min()), decimals), True
        # mapclassify's UserDefined assigns the rounded breaks with the rule its schemes use (upper bound included)
        classes[present] = mapclassify.UserDefined(values[present], list(bins)).yb
    else:
        classes[present] = fitted.yb
    return Classes(scheme, bins, float(values[present].min()), classes, rounded=rounded)


NICE = (10.0, 5.0, 2.5, 2.0, 1.0)  # steps tried at each power of ten, coarsest first
MAX_SHIFT = 0.15  # a break moves at most this share of its narrower class, so the classes stay near quantiles


def pretty_breaks(bins, lower: float, decimals: int | None = None) -> tuple[float, ...]:
    """Inner breaks rounded to the roundest number near them (a multiple of 1, 2, 2.5 or 5 x 10^k, or else to
    ``decimals``); the top break, the maximum, is kept, so no catch-all top class hides it.

    Each inner break may move 15 % of the narrower class next to it, which keeps them strictly increasing.
    mapclassify's own ``PrettyBreaks`` spaces breaks equally; on skewed regional data that puts most regions in
    one class, so the quantile breaks are kept and only rounded.

    >>> pretty_breaks((3.61, 7.83, 13.52, 19.64, 54.7), 0.1, 1)
    (4.0, 7.5, 14.0, 20.0, 54.7)
    """
    bins = [float(b) for b in bins]
    out = []
    for i, b in enumerate(bins[:-1]):
        below, above = (bins[i - 1] if i else lower), bins[i + 1]
        # by the narrower neighbouring class: a wide top class (outliers) must not let a break jump into it
        shift = min(b - below, above - b) * MAX_SHIFT
        low, high = b - shift, b + shift
        out.append(_roundest(b, low, high, decimals))
    return (*out, bins[-1]) if bins else ()


def _roundest(value: float, low: float, high: float, decimals: int | None) -> float:
    """The multiple of the coarsest nice step that lies in [low, high] (nearest to ``value``), else ``value``."""
    finest = 10.0 ** -decimals if decimals is not None else max(abs(value), 1e-12) * 1e-6
    top = int(np.floor(np.log10(max(abs(value), high - low, finest))))
    for power in range(top + 1, int(np.floor(np.log10(finest))) - 1, -1):
        for nice in NICE:
            step = nice * 10.0 ** (power - 1)
            if step < finest * (1 - 1e-9):
                return value
            candidate = round(round(value / step) * step, 10)
            if low <= candidate <= high:
                return candidate
    return value


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


def classify_diverging(values, scheme: str = "quantiles", k: int = 5, decimals: int | None = None) -> Classes:
    """Classes fitted on each side of 0 (values below 0, and 0 and above), the same number each side where data allow.

    One scheme over both sides put one class below 0 and four above for net migration, on a palette whose middle
    says "zero"; each side now gets ceil(k/2) classes (fewer where a side has fewer distinct values), meeting at 0.
    """
    values = np.asarray(values, dtype=float)
    below, above = values < 0, values >= 0  # NaN is neither: it keeps NO_DATA
    if not below.any() or not above.any():
        return classify(values, scheme, k, decimals)  # one side only: nothing to centre
    per_side = (k + 1) // 2
    low, high = (classify(values[below], scheme, per_side, decimals),
                 classify(values[above], scheme, per_side, decimals))
    classes = np.full(len(values), NO_DATA)
    classes[below] = low.classes
    classes[above] = high.classes + len(low.bins)
    bins = (*low.bins[:-1], 0.0, *high.bins)  # the last class below 0 closes at 0, where the first above opens
    return Classes(scheme, tuple(float(b) for b in bins), low.lower, classes, rounded=low.rounded)
