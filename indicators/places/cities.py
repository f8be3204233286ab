"""City indicators from Eurostat's Urban Audit: the foreign-born share of residents and its change."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.places import plausibility
from indicators.text.wording import phrase
from loaders.city_tables import read

SOURCE = "Eurostat (urb_cpopcb, urb_cpop1)"
CREDIT = f"Source: {SOURCE}"
# which area a row is (the ``note`` column holds the phrase; pages say it with i18n.say, CSV files its English)
NOTES = {"country": phrase("country total (benchmark)"), "greater city": phrase("greater city (K code)"),
         "labelled": phrase("greater city (C code labelled greater city by Eurostat)"), "city": phrase("city (C code)")}


def merge_flags(*flags: str) -> str:
    """'e' + 'b' -> 'eb': every letter once, in order of appearance."""
    return "".join(dict.fromkeys("".join(f for f in flags if isinstance(f, str))))


def city_shares(store) -> pd.DataFrame:
    """Every city (and country benchmark) × year: share of foreign-born residents, both counts, flags, verdicts.

    ``value`` is empty where either count was caught by a plausibility rule (``verdict`` says so, ``rules`` says
    which); ``published_share`` keeps what the published counts give. Both counts are of the same year.
    """
    return store.memo.cached(("local", "city_shares"), lambda: _city_shares(store))


def _city_shares(store) -> pd.DataFrame:
    series = plausibility.verdicts(read(store, "city_series"))
    share = 100 * series["foreign_born"] / series["population"]
    caught = series["foreign_born_verdict"].ne("") | series["population_verdict"].ne("")
    rules = [", ".join(dict.fromkeys(r for r in (a, b) if r)) for a, b in
             zip(series["foreign_born_rules"], series["population_rules"])]
    out = pd.DataFrame({
        "geo": series["geo"], "name": series["name"],
        "level": np.where(series["kind"].eq("country"), "country", "city"), "kind": series["kind"],
        "country": series["country"], "year": series["year"].astype(int), "value": share.where(~caught),
        "flag": [merge_flags(a, b) for a, b in zip(series["foreign_born_flag"], series["population_flag"])],
        "unit": "% of residents", "source": SOURCE, "published_share": share,
        "foreign_born": series["foreign_born"], "foreign_born_flag": series["foreign_born_flag"],
        "population": series["population"], "population_flag": series["population_flag"],
        "verdict": np.where(caught, plausibility.NOT_SHOWN, ""), "rules": rules, "has_point": series["has_point"],
    })
    # Eurostat labels some C codes "(greater city)": the area is then the greater city, so say both.
    labelled = out["name"].str.contains("(greater city)", regex=False)
    out["note"] = [NOTES["country" if kind == "country" else "greater city" if kind == "greater city" else
                         "labelled" if label else "city"] for kind, label in zip(out["kind"], labelled)]
    return out


def city_share_change(store) -> pd.DataFrame:
    """Each city's change in the foreign-born share (percentage points) from its first to its latest shown year."""
    return store.memo.cached(("local", "city_share_change"), lambda: _city_share_change(store))


def _city_share_change(store) -> pd.DataFrame:
    shown = city_shares(store).dropna(subset=["value"]).sort_values(["geo", "year"])
    first, last = shown.groupby("geo").head(1).set_index("geo"), shown.groupby("geo").tail(1).set_index("geo")
    both = last.join(first[["year", "value", "flag"]].add_suffix("_first"))
    both = both[both["year"] > both["year_first"]]
    out = both.reset_index()[["geo", "name", "level", "kind", "country", "year", "note", "has_point"]].copy()
    out["value"] = (both["value"] - both["value_first"]).values
    out["flag"] = [merge_flags(a, b) for a, b in zip(both["flag_first"], both["flag"])]
    out["unit"] = "percentage points"
    out["source"] = SOURCE
    out["since"] = both["year_first"].astype(int).values
    out["note"] = [phrase("{note} · change since {year}", note=note, year=year) for note, year in zip(out["note"], out["since"])]
    return out


def latest_by_city(store) -> pd.DataFrame:
    """Each city's latest shown share, with its point and NUTS 3 (2021) region; cities only, not countries."""
    shares = city_shares(store)
    shown = shares[shares["kind"].ne("country")].dropna(subset=["value"]).sort_values("year").groupby("geo").tail(1)
    points = read(store, "city_points")[["geo", "nuts3_2021", "lon", "lat"]]
    return shown.merge(points, on="geo", how="left").reset_index(drop=True)


def cities_in_region(store, geo: str) -> pd.DataFrame:
    """Cities whose point lies in a NUTS region (any level, by the 2021 NUTS 3 code prefix), latest shown value."""
    latest = latest_by_city(store)
    inside = latest[latest["nuts3_2021"].fillna("").str.startswith(geo)]
    return inside.sort_values("population", ascending=False).reset_index(drop=True)


def city_series(store, code: str) -> pd.DataFrame:
    """One city's full series: both counts as published, flags, share shown, and every plausibility verdict."""
    shares = city_shares(store)
    rows = shares[shares["geo"].eq(code)]
    if rows.empty:
        raise KeyError(f"no Urban Audit city {code!r} in urb_cpopcb or urb_cpop1")
    return rows.sort_values("year").reset_index(drop=True)


def implausible_values(store, words=str) -> pd.DataFrame:
    """Every published city value a plausibility rule caught, with the rule and its wording: ``words(phrase)``
    (plain English by default, as in the CSV)."""
    found = plausibility.findings(read(store, "city_series"), words)
    found["rule_text"] = found["rule"].map(lambda rule: words(plausibility.RULES[rule]))
    found["source"] = found["variable"].map({"foreign_born": "urb_cpopcb", "population": "urb_cpop1"})
    found["status"] = words(plausibility.VERDICT)
    return found


def compare(store, codes: list[str]) -> pd.DataFrame:
    """The chosen cities' latest shown shares, each with its country's share in the same year (the benchmark)."""
    latest = latest_by_city(store)
    chosen = latest[latest["geo"].isin(codes)]
    shares = city_shares(store)
    national = shares[shares["kind"].eq("country")].set_index(["country", "year"])["value"]
    keys = pd.MultiIndex.from_arrays([chosen["country"], chosen["year"]])
    out = chosen.assign(country_value=national.reindex(keys).values)
    return out[["geo", "name", "country", "year", "value", "flag", "country_value", "note"]].reset_index(drop=True)


def nearest(store, lon: float, lat: float, k: int = 3) -> pd.DataFrame:
    """The ``k`` Urban Audit cities with a shown value nearest to a point (great-circle km), latest value each."""
    latest = latest_by_city(store).dropna(subset=["lon", "lat"])
    lon1, lat1, lon2, lat2 = map(np.radians, (lon, lat, latest["lon"].to_numpy(), latest["lat"].to_numpy()))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    out = latest.assign(km=6371.0 * 2 * np.arcsin(np.sqrt(a)))
    return out.nsmallest(k, "km").reset_index(drop=True)
