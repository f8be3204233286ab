"""Towns like yours: the EU municipalities most like a given one, for a study visit or a mentoring partner.

Features a reader would judge a town by: its size (LAU 2020 population), its degree of urbanisation, and the
1 km grid around its centre (born abroad, born outside the EU, moved in from abroad). Each is scaled so a
difference of one unit means the same everywhere, weighted, and every match carries its reasons.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from geodata.codes import EU27
from indicators.places import local, urbanisation
from indicators.text.wording import Number, Phrase, phrase

RADIUS_KM = 5  # the grid figures around each centre: the town page's default circle
NEAREST_FIRST = 100  # candidates sorted first, per match asked for (all of them when these fill too few countries)
PER_COUNTRY = 2  # by default at most this many matches per country, so a short list crosses several borders
# (column, weight): the distance is the weighted root mean square of the scaled differences (``method`` says how
# each is scaled); moving in from abroad weighs half, its counts being small in small towns
FEATURES = (("log_population", 1.0), ("degurba", 1.0), ("born_abroad_pct", 1.0), ("born_outside_eu_pct", 1.0),
            ("moved_from_abroad_per_1000", 0.5))
COLUMNS = ["gisco_id", "name", "name_latin", "country", "nuts_3", "nuts_3_name", "population", "degurba", "born_abroad_pct",
           "born_outside_eu_pct", "moved_from_abroad_per_1000", "distance", "reasons"]


def features(store) -> pd.DataFrame:
    """Every municipality with a centre: size, degree of urbanisation and its 5 km grid figures (coverage rule
    applied: a share below 80 % coverage is missing). Computed once per store for all towns at once."""
    def compute():
        towns = store.local("municipalities")
        sums = _circle_sums(store, towns["x"].to_numpy(float), towns["y"].to_numpy(float), RADIUS_KM)
        out = towns[["gisco_id", "name", "name_latin", "country", "nuts_3", "nuts_3_name", "population", "degurba"]].copy()
        with np.errstate(divide="ignore", invalid="ignore"):
            birth_ok = 100 * sums["birth_base"] >= local.COVERAGE_MIN_PCT * sums["residents"]
            moves_ok = 100 * sums["moves_base"] >= local.COVERAGE_MIN_PCT * sums["residents"]
            birth_ok &= sums["residents"] > 0
            moves_ok &= sums["residents"] > 0
            out["born_abroad_pct"] = np.where(birth_ok, 100 * sums["abroad"] / sums["birth_base"], np.nan)
            out["born_outside_eu_pct"] = np.where(birth_ok, 100 * sums["outside"] / sums["birth_base"], np.nan)
            out["moved_from_abroad_per_1000"] = np.where(moves_ok, 1000 * sums["moved"] / sums["moves_base"], np.nan)
        population = out["population"].to_numpy(float)
        out["log_population"] = np.where(population > 0, np.log10(np.where(population > 0, population, 1)), np.nan)
        return out.reset_index(drop=True)

    return store.memo.cached(("similar_towns", "features"), compute)


def _circle_sums(store, x: np.ndarray, y: np.ndarray, radius_km: int) -> dict[str, np.ndarray]:
    """Per point, sums over the cells whose centre lies within the radius (as ``local.circle_index``), all points
    at once: one sorted-key lookup per cell offset instead of one window per town."""
    cells = local.grid(store)
    missing = local.not_published(store)
    keys = local._keys(store)
    birth = local._known(cells, local.BIRTH, missing) & ~local.withheld(cells, "T")
    moves = local._known(cells, local.RESIDENCE, missing) & ~local.withheld(cells, "T")
    count = {c: cells[c].to_numpy(np.int64) for c in (*local.BIRTH, *local.RESIDENCE, "T")}
    per_cell = {
        "residents": count["T"],
        "birth_base": np.where(birth, count["NAT"] + count["EU_OTH"] + count["OTH"], 0),
        "abroad": np.where(birth, count["EU_OTH"] + count["OTH"], 0),
        "outside": np.where(birth, count["OTH"], 0),
        "moves_base": np.where(moves, count["SAME"] + count["CHG_IN"] + count["CHG_OUT"], 0),
        "moved": np.where(moves, count["CHG_OUT"], 0),
    }
    stack = np.stack(list(per_cell.values()), axis=1)  # one row gather per offset instead of one per sum
    total = np.zeros((len(x), stack.shape[1]), dtype=np.int64)
    ok = np.isfinite(x) & np.isfinite(y)
    px, py = np.where(ok, x, 0.0), np.where(ok, y, 0.0)
    col0 = np.floor((px - local.HALF_CELL_M) / 1000).astype(np.int64)
    row0 = np.floor((py - local.HALF_CELL_M) / 1000).astype(np.int64)
    # points in key order: every offset's keys are then sorted too, and searchsorted over sorted needles is ~5x
    # faster than over scattered ones
    order = np.argsort(row0 * local.ROW_KEY + col0, kind="stable")
    base = (row0 * local.ROW_KEY + col0)[order]
    fx = (px - col0 * 1000 - local.HALF_CELL_M)[order]  # the point's offset from its cell's centre
    fy = (py - row0 * 1000 - local.HALF_CELL_M)[order]
    ok = ok[order]
    reach, limit = radius_km + 1, (radius_km * 1000.0) ** 2
    for dy in range(-reach, reach + 1):
        for dx in range(-reach, reach + 1):
            inside = ok & ((dx * 1000 - fx) ** 2 + (dy * 1000 - fy) ** 2 <= limit)
            wanted = base[inside] + dy * local.ROW_KEY + dx
            at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
            hit = keys[at] == wanted
            total[np.flatnonzero(inside)[hit]] += stack[at[hit]]
    back = np.empty_like(order)
    back[order] = np.arange(len(order))
    return {name: total[back, i] for i, name in enumerate(per_cell)}


def scales(store) -> dict[str, float]:
    """How each feature is scaled: its standard deviation across EU municipalities (1 for degree of urbanisation)."""
    def compute():
        table = features(store)
        eu = table[table["country"].isin(EU27)]
        return {column: 1.0 if column == "degurba" else float(eu[column].std(ddof=0)) for column, _ in FEATURES}

    return store.memo.cached(("similar_towns", "scales"), compute)


def method(store) -> list[Phrase]:
    """The features, how each is scaled and its weight, as the page and the briefing state them."""
    scale = {column: Number(value, 2) for column, value in scales(store).items()}
    radius = Number(RADIUS_KM, 0)
    words = {
        "log_population": phrase("size: log10 of the LAU 2020 population, divided by its standard deviation across "
                                 "EU municipalities ({scale})", scale=scale["log_population"]),
        "degurba": phrase("degree of urbanisation ({classes}): one class apart counts as one unit",
                          classes=urbanisation.scale()),
        "born_abroad_pct": phrase("born abroad within {radius} km of the centre, divided by its standard deviation "
                                  "across EU municipalities ({scale} points)", scale=scale["born_abroad_pct"],
                                  radius=radius),
        "born_outside_eu_pct": phrase("born outside the EU within {radius} km, divided by its standard deviation "
                                      "({scale} points)", scale=scale["born_outside_eu_pct"], radius=radius),
        "moved_from_abroad_per_1000": phrase("moved in from abroad in the year before the census, per 1 000 within "
                                             "{radius} km, divided by its standard deviation ({scale})",
                                             scale=scale["moved_from_abroad_per_1000"], radius=radius),
    }
    return [phrase("{feature} (weight {weight})", feature=words[column], weight=Number(weight, 1))
            for column, weight in FEATURES]


def similar_towns(store, gisco_id: str, k: int = 10, same_country: bool = False) -> pd.DataFrame | None:
    """The ``k`` EU municipalities most like ``gisco_id`` (other countries by default, at most ``PER_COUNTRY``
    from each; ``same_country``: its own country only), closest first, with reasons; None for an unknown id."""
    table = features(store)
    matrix, country, in_eu, index = _arrays(store)
    where = index.get_indexer([gisco_id])[0]
    if where < 0:
        return None
    town = table.iloc[where]
    scale = scales(store)
    used = [(i, weight) for i, (column, weight) in enumerate(FEATURES)
            if np.isfinite(matrix[where, i]) and scale[column] > 0]
    if not used:
        return pd.DataFrame(columns=COLUMNS)
    columns = [i for i, _ in used]
    weights = np.array([w for _, w in used]) / np.array([scale[FEATURES[i][0]] for i in columns]) ** 2
    diff = matrix[:, columns] - matrix[where, columns]
    distance = np.sqrt((diff * diff) @ weights / sum(w for _, w in used))  # NaN where a feature is missing
    eligible = np.isfinite(distance) & in_eu
    eligible[where] = False
    eligible &= (country == country[where]) if same_country else (country != country[where])
    candidates = np.flatnonzero(eligible)
    nearest = NEAREST_FIRST * k
    if len(candidates) > nearest:  # a partial sort: the full one cost 70 ms a town
        closest = candidates[np.argpartition(distance[candidates], nearest)[:nearest]]
        picked = _pick(closest[np.argsort(distance[closest], kind="stable")], country, k, same_country)
        if len(picked) == k:
            return _matches(table, town, picked, distance)
    picked = _pick(candidates[np.argsort(distance[candidates], kind="stable")], country, k, same_country)
    return _matches(table, town, picked, distance)


def _pick(order: np.ndarray, country: np.ndarray, k: int, same_country: bool) -> list[int]:
    """The first ``k`` of ``order``, at most ``PER_COUNTRY`` from each country unless ``same_country``."""
    picked, per_country = [], {}
    for i in order:
        if not same_country and per_country.get(country[i], 0) >= PER_COUNTRY:
            continue
        per_country[country[i]] = per_country.get(country[i], 0) + 1
        picked.append(int(i))
        if len(picked) == k:
            break
    return picked


def _matches(table: pd.DataFrame, town: pd.Series, picked: list[int], distance: np.ndarray) -> pd.DataFrame:
    """The picked rows with their distance and reasons."""
    best = table.iloc[picked].assign(distance=np.round(distance[picked], 3))
    best["reasons"] = [reasons(town, row) for _, row in best.iterrows()]
    return best[COLUMNS].reset_index(drop=True)


def _arrays(store):
    """The features as one float matrix (FEATURES' order), the countries, the EU mask and the id index."""
    def compute():
        table = features(store)
        country = table["country"].to_numpy(dtype=object)
        codes = pd.factorize(country)[0]  # integer codes: comparing 98 000 strings per query cost 20 ms
        return (table[[c for c, _ in FEATURES]].to_numpy(float), codes, np.isin(country, sorted(EU27)),
                pd.Index(table["gisco_id"]))

    return store.memo.cached(("similar_towns", "arrays"), compute)


def reasons(town: pd.Series, other: pd.Series) -> list[Phrase]:
    """Why ``other`` is like ``town``, as phrases: size, degree of urbanisation, and the grid figures side by side."""
    out = []
    if pd.notna(town["population"]) and pd.notna(other["population"]):
        a, b = Number(float(town["population"]), 0), Number(float(other["population"]), 0)
        close = abs(math.log10(max(town["population"], 1) / max(other["population"], 1))) <= math.log10(1.5)
        out.append(phrase("similar size ({town} and {other} residents)", town=a, other=b) if close
                   else phrase("size: {town} and {other} residents", town=a, other=b))
    if pd.notna(town["degurba"]) and pd.notna(other["degurba"]):
        if int(town["degurba"]) == int(other["degurba"]):
            out.append(phrase("both: {kind}", kind=urbanisation.ONE[int(town["degurba"])]))
        else:
            out.append(phrase("{town} and {other}", town=urbanisation.ONE[int(town["degurba"])],
                              other=urbanisation.ONE[int(other["degurba"])]))
    figure = {c: (Number(float(town[c]), 1), Number(float(other[c]), 1)) for c in
              ("born_abroad_pct", "born_outside_eu_pct", "moved_from_abroad_per_1000")
              if pd.notna(town[c]) and pd.notna(other[c])}
    if "born_abroad_pct" in figure:
        a, b = figure["born_abroad_pct"]
        out.append(phrase("{town} % and {other} % born abroad", town=a, other=b))
    if "born_outside_eu_pct" in figure:
        a, b = figure["born_outside_eu_pct"]
        out.append(phrase("{town} % and {other} % born outside the EU", town=a, other=b))
    if "moved_from_abroad_per_1000" in figure:
        a, b = figure["moved_from_abroad_per_1000"]
        out.append(phrase("{town} and {other} per 1 000 moved in from abroad", town=a, other=b))
    return out


def as_table(matches: pd.DataFrame) -> pd.DataFrame:
    """The matches as the CSV holds them: the reasons as one English sentence."""
    return matches.assign(reasons=["; ".join(str(r) for r in rs) for rs in matches["reasons"]],
                          born_abroad_pct=matches["born_abroad_pct"].round(2),
                          born_outside_eu_pct=matches["born_outside_eu_pct"].round(2),
                          moved_from_abroad_per_1000=matches["moved_from_abroad_per_1000"].round(2))
