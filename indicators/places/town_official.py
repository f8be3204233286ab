"""A town's official local figures: INE's for a Spanish municipality, its Urban Audit city's series, or the nearest cities.

The town page shows these before the 1 km grid circle. Every row is tidy (one value, its year, flag, source and
status) so the page, the CSV and the briefing read the same frame.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.places import cities, local, municipal, plausibility
from indicators.text.phrasing import listed, together
from indicators.places.town_search import normalise
from indicators.text.wording import Number, Phrase, phrase
from loaders.city_tables import read

MATCH_KM = 5.0
TOWN_MINIMUM = 10_000
CITY_MINIMUM = 50_000  # the Urban Audit's lower bound for a city, used where its population is not published


# How a municipality (LAU 2020) is taken to be an Urban Audit city; said on the page and in the briefing, its
# numbers written the reader's way when said (wording.Number)
MATCH_RULE = phrase("A municipality is taken to be an Urban Audit city when the city point carries the municipality's "
                    "NUTS 3 code and the same name (accents and case ignored; compared before a comma or a second "
                    "language, as in 'Koblenz, Stadt' or 'Gent / Gand'); or else when it is the largest municipality "
                    "whose centre lies within {km} km of the city point, holding at least half the city's residents "
                    "({city_minimum} where Eurostat publishes none). A municipality of fewer than {town_minimum} "
                    "residents is never taken for a city.", km=Number(MATCH_KM, 0),
                    city_minimum=Number(CITY_MINIMUM, 0), town_minimum=Number(TOWN_MINIMUM, 0))
# Why the INE figure and the grid circle differ: neither is wrong, they count different things.
HOW_THEY_DIFFER = phrase("The INE figures count everyone registered in the municipality (padrón) on 1 January of each "
                         "year; the grid circle counts the Census 2021 residents (reference date 1 January 2021) of the "
                         "1 km cells within the radius, which crosses the municipal boundary.")
# A value's status and how a town was matched to its city: the tables hold the phrases (CSV: their English)
NOT_PUBLISHED = phrase("not published")
BY_NAME = phrase("name and NUTS 3")
BY_DISTANCE = phrase("largest centre within {km} km", km=f"{MATCH_KM:g}")
NEAREST = 3


def country_publishes(store, country: str) -> bool:
    """Whether any Urban Audit city of ``country`` has a foreign-born share shown (AT, CZ, DK, PL … have none)."""
    latest = store.memo.cached(("local", "city_countries"),
                               lambda: set(cities.latest_by_city(store)["geo"].astype(str).str[:2]))
    return country in latest


def no_city_series(country_name: str) -> Phrase:
    """The line said when the town's country publishes no city series (the nearest cities are then abroad)."""
    return phrase("No city in {country} publishes a foreign-born series in Eurostat's Urban Audit (urb_cpopcb).",
                  country=country_name)


def rule_note(rules: str) -> Phrase:
    """' · rule: jump', after a city value's definition: the plausibility rules that caught it (``rules``: their
    keys, comma-joined as ``plausibility.verdicts`` writes them), by their names."""
    names = [plausibility.RULE_NAMES[key.strip()] for key in rules.split(",")]
    return phrase(" · rule: {rule}", rule=listed(names))


COLUMNS = ["section", "geo", "name", "group", "label", "year", "value", "count", "population", "flag", "status",
           "km", "match", "unit", "source", "note"]


def city_matches(store) -> pd.DataFrame:
    """Each Urban Audit city point with its municipality (gisco id), the rule that matched it and the distance."""
    return store.memo.cached(("local", "city_matches"), lambda: _city_matches(store))


def _city_matches(store) -> pd.DataFrame:
    points = read(store, "city_points")[["geo", "name", "country", "nuts3_2021", "lon", "lat"]].reset_index(drop=True)
    towns = store.local("municipalities").dropna(subset=["lon", "lat"])
    # no town this small is a city (Portugal's LAU are parishes: Ponta Delgada's of 359 residents is not the
    # city); leaving them out also spares normalising 90 000 names
    towns = towns[towns["population"].fillna(TOWN_MINIMUM) >= TOWN_MINIMUM].reset_index(drop=True)
    # Eurostat adds " (greater city)" to some names; LAU names add ", Stadt" (DE) or a second language (BE, ES)
    bare = points["name"].str.replace(r"\s*\(greater city\)", "", regex=True).map(normalise).to_numpy()
    first = towns["name"].str.split(r",| / ", n=1, regex=True).str[0]
    by_name: dict[tuple, set] = {}  # (NUTS 3, normalised name) -> row positions; a dict, not 725 scans of 98 000
    for column in (towns["name"], towns["name_latin"].fillna(""), first):
        for j, key in enumerate(zip(towns["nuts_3"], column.map(normalise))):
            by_name.setdefault(key, set()).add(j)
    lon, lat = towns["lon"].to_numpy(), towns["lat"].to_numpy()
    country, people = towns["country"].to_numpy(), towns["population"].to_numpy()
    residents = _city_population(store).reindex(points["geo"]).to_numpy()
    rows = []
    for i, point in enumerate(points.itertuples()):
        named = sorted(by_name.get((point.nuts3_2021, bare[i]), ()))
        box = np.flatnonzero((np.abs(lat - point.lat) < 0.1) & (np.abs(lon - point.lon) < 0.15)
                             & (country == point.country))
        km = _km(point.lon, point.lat, lon[box], lat[box])
        # a suburb's centre can lie nearer the city point than the city's own: take the largest town near it,
        # and only one big enough to be the city (Urban Audit cities have 50 000 residents or more)
        least = 0.5 * residents[i] if residents[i] == residents[i] else CITY_MINIMUM
        near = box[(km <= MATCH_KM) & (people[box] >= least)]
        if len(named) == 1:
            j, rule = named[0], BY_NAME
        elif len(near):
            j, rule = near[np.nanargmax(people[near])], BY_DISTANCE
        else:
            rows.append((point.geo, None, phrase("no municipality matched"), np.nan))
            continue
        rows.append((point.geo, towns.at[j, "gisco_id"], rule, float(_km(point.lon, point.lat, lon[j], lat[j]))))
    return pd.DataFrame(rows, columns=["city", "gisco_id", "rule", "km"])


def _city_population(store) -> pd.Series:
    """Each city's latest published population (urb_cpop1), for telling a city from a suburb."""
    shares = cities.city_shares(store)
    rows = shares[shares["kind"].ne("country")].dropna(subset=["population"]).sort_values("year")
    return rows.groupby("geo")["population"].last()


def _km(lon: float, lat: float, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
    """Great-circle distances in km from one point to many."""
    lon1, lat1, lon2, lat2 = map(np.radians, (lon, lat, lons, lats))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * np.arcsin(np.sqrt(a))


def city_of(store, gisco_id: str) -> pd.Series | None:
    """The Urban Audit city a municipality is (its match row), or None."""
    matches = city_matches(store)
    found = matches[matches["gisco_id"].eq(gisco_id)]
    return None if found.empty else found.iloc[0]


def town_official(store, gisco_id: str) -> pd.DataFrame:
    """The official figures for a municipality, tidy: ``ine`` rows (Spain), ``city`` rows or ``nearest`` rows.

    ``status`` is "shown", "implausible: not shown" (a plausibility rule caught a count; the value is left empty)
    or "not published" (a count the share needs is missing). Missing is never 0.
    """
    if local.municipality(store, gisco_id) is None:
        raise KeyError(f"unknown municipality {gisco_id!r}")
    # kept per store: the page draws it in two places and the CSV and the briefing read it again
    return store.memo.cached(("local", "town_official", gisco_id), lambda: _town_official(store, gisco_id)).copy()


def _town_official(store, gisco_id: str) -> pd.DataFrame:
    town = local.municipality(store, gisco_id)
    frames = []
    if gisco_id.startswith("ES_"):
        frames.append(_ine(store, gisco_id))
    match = city_of(store, gisco_id)
    if match is not None:
        frames.append(_city(store, match))
    else:
        frames.append(_nearest(store, town))
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True)[COLUMNS] if frames else pd.DataFrame(columns=COLUMNS)


def _ine(store, gisco_id: str) -> pd.DataFrame:
    try:
        rows = municipal.for_municipality(store, gisco_id)
    except KeyError:
        return pd.DataFrame(columns=COLUMNS)
    return pd.DataFrame({
        "section": "ine", "geo": gisco_id, "name": rows["name"], "group": rows["group"], "label": rows["label"],
        "year": rows["year"].astype(int), "value": rows["value"], "count": rows["count"],
        "population": rows["population"], "flag": "",
        "status": ["shown" if known else NOT_PUBLISHED for known in rows["value"].notna()], "km": np.nan, "match": "",
        "unit": "% of residents (1 January)", "source": municipal.CREDIT, "note": "",
    })


def _status(series: pd.DataFrame) -> list:
    """"shown" (a code), or the phrase saying why not: caught by a plausibility rule, or not published."""
    return [plausibility.VERDICT if caught else "shown" if known else NOT_PUBLISHED
            for caught, known in zip(series["verdict"].ne(""), series["value"].notna())]


def _city(store, match: pd.Series) -> pd.DataFrame:
    try:
        series = cities.city_series(store, match["city"])
    except KeyError:  # a city point with no foreign-born or population row at all
        series = pd.DataFrame(columns=["geo", "name", "year", "value", "foreign_born", "population", "flag",
                                       "verdict", "rules", "note"])
    if series.empty:
        points = read(store, "city_points").set_index("geo")
        return pd.DataFrame([{
            "section": "city", "geo": match["city"], "name": points.loc[match["city"], "name"],
            "group": "foreign_born", "label": "Foreign-born share of the city's residents", "year": np.nan,
            "value": np.nan, "count": np.nan, "population": np.nan, "flag": "", "status": NOT_PUBLISHED,
            "km": match["km"], "match": match["rule"], "unit": "% of residents", "source": cities.CREDIT,
            "note": phrase("Eurostat publishes no foreign-born count for this city")}])
    return pd.DataFrame({
        "section": "city", "geo": series["geo"], "name": series["name"], "group": "foreign_born",
        "label": "Foreign-born share of the city's residents", "year": series["year"].astype(int),
        "value": series["value"], "count": series["foreign_born"], "population": series["population"],
        "flag": series["flag"], "status": _status(series), "km": match["km"], "match": match["rule"],
        "unit": "% of residents", "source": cities.CREDIT,
        "note": [together([note, rule_note(rules) if rules else ""]) for note, rules in zip(series["note"], series["rules"])],
    })


def _nearest(store, town: pd.Series, k: int = NEAREST) -> pd.DataFrame:
    near = cities.nearest(store, float(town["lon"]), float(town["lat"]), k)
    return pd.DataFrame({
        "section": "nearest", "geo": near["geo"], "name": near["name"], "group": "foreign_born",
        "label": "Foreign-born share of the city's residents (latest year shown)", "year": near["year"].astype(int),
        "value": near["value"], "count": near["foreign_born"], "population": near["population"], "flag": near["flag"],
        "status": "shown", "km": near["km"].round(1), "match": "", "unit": "% of residents", "source": cities.CREDIT,
        "note": near["note"],
    })
