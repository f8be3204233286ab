"""The most affected municipalities: every EU-27 municipality with at least 5 000 residents (LAU 2020), scored on
the Census 2021 1 km cells within 2 km of its centre, with the regional score's rules.

A 2 km circle is the people living around the municipality's population-weighted centre, not its territory: no
EU-wide municipal boundaries are available here, and nearest-centre catchments matched official municipal
populations within ±10 % for only about 40 % of municipalities, so they are not used.

The figures are ``indicators.places.local``'s (``circle_index`` picks the cells, ``figures`` sums them with its rules for
withheld values and coverage); a missing figure is missing, never 0. Scaling, weights, the two-thirds coverage
rule, ranks and ties are ``indicators.regions.composite``'s: each measure is clipped to its 2nd-98th percentile over every
municipality in the table and scaled 0-100 (100 = most affected), so a filter selects and never rescales.

The circle figures of every municipality are computed once, when the store is built (``derived_tables``, run by
``python -m indicators build``), and stamped with the code that computed them: a store built by other code, or by
``python -m loaders build`` alone, is computed on first use instead (``circles``).
"""

from __future__ import annotations

import hashlib
import inspect
import sys

import pandas as pd

from geodata.codes import EU27
from indicators.regions import composite
from indicators.places import local, town_names
from indicators.text.wording import Phrase, number, phrase

MIN_POPULATION = 5_000
RADIUS_KM = 2
CENSUS_YEAR = 2021
TABLE = "lau_circles_2km"
# the registry's grid entries the score weighs (label, unit, decimals: indicators.places.local.MEASURES), in the
# table's order
MEASURES = {m: local.MEASURES[m] for m in ("born_outside_eu", "moved_from_abroad", "born_abroad")}
WEIGHTS = {measure: 1.0 for measure in MEASURES}  # as the regional presets: each indicator weighs the same
KEPT = ("residents", "cells", "coverage_pct", "residence_coverage_pct", *map(local.figure_key, MEASURES.values()))
SIZE_BANDS = {"5k": (5_000, 10_000), "10k": (10_000, 20_000), "20k": (20_000, 50_000), "50k": (50_000, 100_000),
              "100k": (100_000, None)}


def rules_stamp() -> str:
    """A hash of the code that computes the circle figures: a table made by other code is not used."""
    source = inspect.getsource(local) + inspect.getsource(sys.modules[__name__])
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def towns(store) -> pd.DataFrame:
    """The municipalities ranked: EU-27, at least ``MIN_POPULATION`` residents in the LAU 2020 table."""
    def compute():
        table = store.local("municipalities")
        keep = table["country"].isin(EU27) & table["population"].ge(MIN_POPULATION)
        return table[keep].reset_index(drop=True)

    return store.memo.cached(("lau_ranking", "towns"), compute)


def compute_circles(store) -> pd.DataFrame:
    """Every ranked municipality's 2 km circle figures (``KEPT``), one ``local.figures`` call each."""
    cells = local.grid(store)
    # figures() reads the counts, their flags and the country; taking a town's rows from a frame without the
    # categorical region columns, the country as plain strings, is about twice as fast (~15 000 towns)
    narrow = cells.drop(columns=["nuts_3", "assigned_by"]).assign(country=cells["country"].astype(object))
    missing = local.not_published(store)
    rows = []
    for town in towns(store).itertuples():
        found = local.figures(narrow.iloc[local.circle_index(store, town.x, town.y, RADIUS_KM)], missing)
        rows.append({"gisco_id": town.gisco_id, **{key: found[key] for key in KEPT}})
    out = pd.DataFrame(rows, columns=["gisco_id", *KEPT])
    out[list(KEPT)] = out[list(KEPT)].astype(float)  # None (not computed) becomes NaN, never 0
    return out.assign(rules=rules_stamp())


def derived_tables(store) -> dict[str, pd.DataFrame]:
    """What the store build keeps of this module (see ``indicators.derived``)."""
    return {TABLE: compute_circles(store)}


def circles(store) -> pd.DataFrame:
    """The circle figures: the table built with the store when its code is this code, else computed now."""
    def compute():
        built = store.derived(TABLE)
        if built is not None and len(built) and (built["rules"] == rules_stamp()).all():
            return built
        return compute_circles(store)

    return store.memo.cached(("lau_ranking", "circles"), compute)


def scores(store) -> pd.DataFrame:
    """Each measure on the 0-100 scale over every ranked municipality (index gisco_id); ``attrs['values']``."""
    def compute():
        table = circles(store).set_index("gisco_id")
        values = pd.DataFrame({m: table[local.figure_key(entry)] for m, entry in MEASURES.items()})
        scaled = pd.DataFrame({m: composite.scale(values[m], values[m].dropna(), "high") for m in MEASURES})
        scaled.attrs["values"] = values
        scaled.attrs["circles"] = table
        return scaled

    return store.memo.cached(("lau_ranking", "scores"), compute)


def size_band(population: pd.Series) -> pd.Series:
    """The size band id of each population (``SIZE_BANDS``)."""
    out = pd.Series(pd.NA, index=population.index, dtype=object)
    for band, (low, high) in SIZE_BANDS.items():
        out[population.ge(low) & (population.lt(high) if high else True)] = band
    return out


def ranking(store, countries=None, region: str | None = None, degurba=None, sizes=None) -> pd.DataFrame:
    """Score, rank (within the selection: 1 = most affected), coverage and contributions of the selected
    municipalities, unranked ones kept with no rank. Filters: countries, a NUTS 2 or 3 code (``region``),
    degrees of urbanisation (1-3), size bands (``SIZE_BANDS`` ids)."""
    chosen = towns(store)
    chosen = chosen.assign(size_band=size_band(chosen["population"]))
    if countries:
        chosen = chosen[chosen["country"].isin(countries)]
    if region:
        chosen = chosen[chosen["nuts_3"].fillna("").str.startswith(region)]
    if degurba:
        chosen = chosen[chosen["degurba"].isin(degurba)]
    if sizes:
        chosen = chosen[chosen["size_band"].isin(sizes)]
    chosen = chosen.set_index("gisco_id")
    scaled = scores(store)
    result = composite.score(scaled.reindex(chosen.index), WEIGHTS)
    columns = ["name", "name_latin", "country", "nuts_3", "nuts_3_name", "population", "degurba", "size_band", "lon",
               "lat"]
    result = chosen[columns].join(result)
    values = scaled.attrs["values"].reindex(chosen.index)
    for measure in MEASURES:
        result[f"value_{measure}"] = values[measure]
    circle = scaled.attrs["circles"].reindex(chosen.index)
    result["residents_2km"] = circle["residents"]
    result["coverage_pct"] = circle["coverage_pct"]
    result = result.rename_axis("gisco_id").reset_index()
    result.attrs.update(weights=WEIGHTS, min_coverage=composite.MIN_COVERAGE, year=CENSUS_YEAR)
    return result.sort_values(["rank", "gisco_id"], na_position="last").reset_index(drop=True)


def not_ranked(result: pd.DataFrame) -> pd.DataFrame:
    """The selected municipalities with no score, each with what it has and lacks (a ``Phrase``)."""
    rows = []
    for row in result[result["score"].isna()].itertuples():
        present = [m for m in MEASURES if pd.notna(getattr(row, f"value_{m}"))]
        reason = composite.too_little_data(
            [Phrase(MEASURES[m].label) for m in present],
            [phrase("no {indicator} for {year}", indicator=Phrase(MEASURES[m].label), year=CENSUS_YEAR)
             for m in MEASURES if m not in present],
            sum(WEIGHTS[m] for m in present) / sum(WEIGHTS.values()), composite.MIN_COVERAGE)
        rows.append({"gisco_id": row.gisco_id, "name": town_names.display_name(row.name, row.name_latin),
                     "country": row.country, "reason": reason})
    return pd.DataFrame(rows, columns=["gisco_id", "name", "country", "reason"])


def breakdown(store, gisco_id: str) -> pd.DataFrame:
    """Why a municipality ranks where it does: per measure its value, 0-100 score, weight, share of the weight it
    has data for (0 for a missing value) and contribution (the contributions add up to the score)."""
    scaled = scores(store)
    values = scaled.attrs["values"]
    rows = []
    for measure, entry in MEASURES.items():  # the registry's words, said as phrases by the pages
        has = gisco_id in scaled.index and pd.notna(scaled.at[gisco_id, measure])
        rows.append({"indicator": measure, "label": Phrase(entry.label),
                     "value": values.at[gisco_id, measure] if has else None, "unit": Phrase(entry.unit),
                     "decimals": entry.decimals, "year": CENSUS_YEAR, "flag": "",
                     "scaled": scaled.at[gisco_id, measure] if has else None, "weight": WEIGHTS[measure]})
    out = pd.DataFrame(rows)
    present = out["scaled"].notna()
    total = out.loc[present, "weight"].sum()
    out["weight_share"] = (out["weight"] / total).where(present, 0.0) if total else 0.0
    out["contribution"] = (out["scaled"].astype(float) * out["weight_share"]).where(present)
    return out


def csv_rows(result: pd.DataFrame) -> pd.DataFrame:
    """Every selected municipality (unranked ones with an empty rank) with score, coverage and each measure."""
    out = pd.DataFrame({
        "rank": result["rank"].astype("Int64"), "rank_shared": result["tied"].gt(1).astype("boolean"),
        "gisco_id": result["gisco_id"], "name": result["name"], "country": result["country"],
        "nuts_3": result["nuts_3"], "degurba": result["degurba"].astype("Int8"), "population_lau_2020": result["population"],
        "score": result["score"].round(2), "weight_with_data": result["coverage"].round(3),
        "residents_within_2km": result["residents_2km"].astype("Int64"),
        "place_of_birth_known_pct": result["coverage_pct"]})
    for measure, entry in MEASURES.items():
        out[f"{measure}_value"] = result[f"value_{measure}"].round(2)
        out[f"{measure}_unit"] = entry.unit
        out[f"{measure}_contribution"] = result[f"contribution_{measure}"].round(2)
    out["year"] = CENSUS_YEAR
    out["area"] = f"1 km cells whose centre lies within {RADIUS_KM} km of the municipality's population-weighted centre"
    out["source"] = "Eurostat (Census 2021, 1 km grid); municipalities: Eurostat GISCO LAU 2020"
    out["ranking"] = DEFINITION
    return out


# the CSV's and the CLI's English, its numbers from the constants they state
DEFINITION = (f"Municipalities with at least {number(MIN_POPULATION, 0)} residents (LAU 2020), EU-27: born outside the "
              "EU, moved in from abroad in the year before the census (per 1 000) and born abroad, each weight 1, in "
              f"the Census 2021 1 km cells within {RADIUS_KM} km of the centre; each scaled 0-100 over every such "
              "municipality (100 = most affected); ranked only with data for at least two thirds of the weight.")


def as_json(result: pd.DataFrame) -> dict:
    """The ranking as the CLI prints it: the definition, the ranked municipalities, the others and why."""
    ranked = result[result["rank"].notna()]

    def rounded(value, digits):
        return None if pd.isna(value) else round(float(value), digits)

    rows = [{"gisco_id": r.gisco_id, "name": r.name, "country": r.country, "nuts_3": r.nuts_3,
             "population": int(r.population), "rank": int(r.rank), "of": len(ranked), "tied": int(r.tied),
             "score": rounded(r.score, 1), "coverage": rounded(r.coverage, 3),
             "values": {m: rounded(getattr(r, f"value_{m}"), 2) for m in MEASURES},
             "contributions": {m: rounded(getattr(r, f"contribution_{m}"), 2) for m in MEASURES}}
            for r in ranked.itertuples()]
    missing = not_ranked(result).assign(reason=lambda f: f["reason"].map(str))
    return {"level": "lau", "definition": DEFINITION, "radius_km": RADIUS_KM, "year": CENSUS_YEAR,
            "weights": WEIGHTS, "min_coverage": round(composite.MIN_COVERAGE, 4),
            "municipalities": rows, "not_ranked": missing.to_dict(orient="records")}

