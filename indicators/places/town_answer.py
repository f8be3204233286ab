"""The town page's answer first: one sentence on who was born abroad around the town, beside the nearest area that
has a computed figure, the key figures each beside its region, country and the EU, the comparison table of its
downloads, and the caveats; the page, its briefing and its CSV all take theirs from here."""

from __future__ import annotations

import pandas as pd

from indicators.places import local
from indicators.text.wording import Country, Number, Phrase, country_name, phrase, sentence

SAME_PP = 0.5  # within half a percentage point, the town is "about the same as" its comparison
# the key figures, in the order the page and the briefing show them: (figure, coverage that gates it, decimals)
KEY_FIGURES = (("born_abroad_pct", "coverage_pct", 1), ("born_outside_eu_pct", "coverage_pct", 1),
               ("moved_from_abroad_per_1000", "residence_coverage_pct", 1), ("dissimilarity", "coverage_pct", 1))
LABELS = {"born_abroad_pct": phrase("Born abroad"), "born_outside_eu_pct": phrase("Born outside the EU"),
          "moved_from_abroad_per_1000": phrase("Moved in from abroad in the year before"),
          "dissimilarity": phrase("Dissimilarity index, born abroad vs native-born")}
_SHARE_KNOWN, _PER_1000_KNOWN = phrase("% of residents*"), phrase("per 1 000 residents**")
UNITS = {"born_abroad_pct": _SHARE_KNOWN, "born_outside_eu_pct": _SHARE_KNOWN,
         "moved_from_abroad_per_1000": _PER_1000_KNOWN, "dissimilarity": "0-100"}
# the comparison table's rows (figure, label, unit): the table holds phrases; the CSV writes their English
ROWS = [("residents", phrase("Residents"), phrase("persons")),
        ("born_abroad_pct", LABELS["born_abroad_pct"], _SHARE_KNOWN),
        ("born_other_eu_pct", phrase("Born in another EU country"), _SHARE_KNOWN),
        ("born_outside_eu_pct", LABELS["born_outside_eu_pct"], _SHARE_KNOWN),
        ("moved_from_abroad_per_1000", LABELS["moved_from_abroad_per_1000"], _PER_1000_KNOWN),
        ("coverage_pct", phrase("Coverage: place of birth known"), phrase("% of residents")),
        ("residence_coverage_pct", phrase("Coverage: residence a year before known"), phrase("% of residents")),
        ("dissimilarity", LABELS["dissimilarity"], "0-100"),
        ("dissimilarity_cells", phrase("Cells the index rests on"), phrase("1 km cells"))]
COUNTS = ("residents", "dissimilarity_cells")  # rows that count (people, cells): whole numbers; the others are shares
CIRCLES_KM = (2, 5, 10)  # the circles the page, its briefing and its CSV show


def caveats() -> list[Phrase]:
    """What to read the town's figures with, as the page and the briefing list them."""
    return [
        phrase("Circles count the 1 km cells whose centre lies within the radius of the town's population-weighted "
               "centre; they cross municipal and national borders."),
        phrase("Shares are over the residents whose place of birth is known; coverage says how many that is."),
        phrase("A share is given only when the residents whose value is known are at least {coverage} % of the "
               "area's residents; below, it says too little is known.", coverage=Number(local.COVERAGE_MIN_PCT, 0)),
        phrase("Withheld cells and variables a country did not publish are unknown, never counted as 0."),
        phrase("Moved in from abroad: residents whose usual residence one year before the census was abroad."),
        phrase("NUTS 2 and NUTS 3 figures from the grid are shown only where the 1:20M boundary reproduces the "
               "region's share of its country's population within {gate} %.", gate=Number(100 * local.REGION_GATE, 0)),
        phrase("Census reference dates differ by country (Ireland's census was held on 3 April 2022)."),
    ]


def areas(store, town: pd.Series, lang: str = "en") -> list[dict]:
    """The comparison areas, nearest first: NUTS 3 and NUTS 2 (where the share gate passes), country, EU; each
    with its name (in ``lang`` for a country; the EU's a phrase), kind and figures, or the reason it has none."""
    out = []
    for geo, kind in ((str(town["nuts_3"]), "nuts_3"), (str(town["nuts_2"]), "nuts_2")):
        region = local.region_figures(store, geo)
        out.append({"geo": geo, "kind": kind, "name": _region_name(store, town, geo, kind), "figures":
                    region if region["computed"] else {}, "note": "" if region["computed"] else
                    local.region_note(region)})
    country = str(town["country"])
    figures = local.area_figures(store, country) if country in local.GRID_COUNTRIES else {}
    out.append({"geo": country, "kind": "country", "name": country_name(country, lang), "figures": figures,
                "note": local.COUNTRY_NOTES.get(country, "")})
    out.append({"geo": "EU", "kind": "EU", "name": phrase("EU27"), "figures": local.area_figures(store, "EU"),
                "note": ""})
    return out


def comparison(store, gisco_id: str) -> pd.DataFrame | None:
    """Long table of the downloads: the town's circles (``CIRCLES_KM``) and its comparison ``areas``, figure by
    figure, each with its column label (a phrase) and note; None for an unknown id."""
    town = local.municipality(store, gisco_id)
    if town is None:
        return None
    columns = [(f"circle_{r:g}km", phrase("{radius} km around {town}", radius=f"{r:g}", town=str(town["name"])),
                circle, circle["note"]) for r in CIRCLES_KM for circle in [local.town_circle(store, gisco_id, r)]]
    columns += [(area["geo"], _column(area), area["figures"], area["note"]) for area in areas(store, town)]
    return pd.DataFrame([{"area": geo, "area_label": label, "figure": figure, "value": values.get(key), "unit": unit,
                          "count": key in COUNTS, "note": note}
                         for geo, label, values, note in columns for key, figure, unit in ROWS])


def _column(area: dict) -> Phrase:
    """An area's column label: 'NUTS 3 Wiener Umland/Nordteil', 'NUTS 2 Niederösterreich', 'Austria', 'EU27'."""
    if area["kind"] == "nuts_3":
        return phrase("NUTS 3 {name}", name=area["name"])
    if area["kind"] == "nuts_2":
        return phrase("NUTS 2 {name}", name=area["name"])
    if area["kind"] == "country":
        return phrase("{country}", country=Country(area["geo"]))
    return area["name"]


def _region_name(store, town: pd.Series, geo: str, kind: str) -> str:
    if kind == "nuts_3":
        return str(town["nuts_3_name"])
    regions = store.regions[(store.regions["geo"] == geo) & (store.regions["version"] == 2021)]
    return str(regions["name"].iloc[0]).strip() if len(regions) else geo


def answer(store, gisco_id: str, radius_km: float, lang: str = "en") -> Phrase | None:
    """'Within 5 km of the centre of Tulln an der Donau, 17.0 % of the 19 019 residents were born abroad (Census
    2021) — more than Wiener Umland/Nordteil (NUTS 3, 15.1 %), less than Austria (20.4 %).' None for an unknown id."""
    town = local.municipality(store, gisco_id)
    if town is None:
        return None
    circle = local.town_circle(store, gisco_id, radius_km)
    if circle["note"]:  # a sentence, ending with one full stop (Iceland's note has its own)
        note = sentence(circle["note"])
        return note if str(note).endswith(".") else phrase("{note}.", note=note)
    residents = Number(float(circle["residents"] or 0), 0)
    where = {"radius": f"{radius_km:g}", "town": str(town["name"]), "residents": residents}
    share = circle["born_abroad_pct"]
    if share is None:
        return phrase("Within {radius} km of the centre of {town} live {residents} residents (Census 2021); their "
                      "place of birth is {known}, so no share is given.", **where,
                      known=local.too_little_known(circle["coverage_pct"]))
    main = phrase("Within {radius} km of the centre of {town}, {share} % of the {residents} residents were born "
                  "abroad (Census 2021)", **where, share=Number(share, 1))
    shown = [area for area in areas(store, town, lang) if area["figures"].get("born_abroad_pct") is not None]
    nearest = _compare(share, shown[0])
    country = next((area for area in shown[1:] if area["kind"] == "country"), None)
    if country is not None:
        return phrase("{main} — {first}, {second}.", main=main, first=nearest, second=_compare(share, country))
    return phrase("{main} — {first}.", main=main, first=nearest)


def _compare(share: float, area: dict) -> Phrase:
    """'more than Wiener Umland/Nordteil (NUTS 3, 14.8 %)': the town's share against one area's. One phrase per
    kind of area, so a language whose place names take articles ('più che nella sua regione NUTS 2 (Lombardia, …)')
    can name the kind and put the name in brackets."""
    value = area["figures"]["born_abroad_pct"]
    fields = {"area": area["name"], "value": Number(value, 1)}
    same, more = abs(share - value) < SAME_PP, share > value
    if area["kind"] in ("nuts_3", "nuts_2"):
        fields["level"] = {"nuts_3": "NUTS 3", "nuts_2": "NUTS 2"}[area["kind"]]
        if same:
            return phrase("about the same as {area} ({level}, {value} %)", **fields)
        return (phrase("more than {area} ({level}, {value} %)", **fields) if more else
                phrase("less than {area} ({level}, {value} %)", **fields))
    if area["kind"] == "EU":
        if same:
            return phrase("about the same as the EU ({value} %)", value=fields["value"])
        return (phrase("more than the EU ({value} %)", value=fields["value"]) if more else
                phrase("less than the EU ({value} %)", value=fields["value"]))
    if same:
        return phrase("about the same as {area} ({value} %)", **fields)
    return phrase("more than {area} ({value} %)", **fields) if more else phrase("less than {area} ({value} %)",
                                                                                **fields)


def key_figures(store, gisco_id: str, radius_km: float, lang: str = "en") -> list[dict]:
    """Each key figure: its label and unit, the circles' values (2, 5, 10 km) and each comparison area's; a value
    below the coverage rule is None with ``too_little`` the phrase to show instead. Kept per store."""
    return store.memo.cached(("town_answer", "key_figures", gisco_id, float(radius_km), lang),
                             lambda: _key_figures(store, gisco_id, radius_km, lang))


def _key_figures(store, gisco_id: str, radius_km: float, lang: str) -> list[dict]:
    town = local.municipality(store, gisco_id)
    circles = {r: local.town_circle(store, gisco_id, r) for r in sorted({2, 5, 10, radius_km})}
    compared = areas(store, town, lang)
    out = []
    for figure, coverage, decimals in KEY_FIGURES:
        def cell(values: dict):
            value = values.get(figure)
            short = value is None and values.get(coverage) is not None and values[coverage] < local.COVERAGE_MIN_PCT
            return {"value": value, "too_little": local.too_little_known(values.get(coverage)) if short else None}
        out.append({"figure": figure, "label": LABELS[figure], "unit": UNITS[figure], "decimals": decimals,
                    "circles": {r: cell(c) for r, c in circles.items()},
                    "areas": [{**{k: a[k] for k in ("geo", "kind", "name", "note")}, **cell(a["figures"])}
                              for a in compared]})
    return out
