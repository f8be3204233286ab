"""The town page's answer first: one sentence on who was born abroad around the town, beside the nearest area that
has a computed figure, and the key figures each beside its region, country and the EU."""

from __future__ import annotations

import pandas as pd

from indicators.places import local
from indicators.text.wording import Number, Phrase, country_name, phrase, sentence

SAME_PP = 0.5  # within half a percentage point, the town is "about the same as" its comparison
# the key figures, in the order the page and the briefing show them: (figure, coverage that gates it, decimals)
KEY_FIGURES = (("born_abroad_pct", "coverage_pct", 1), ("born_outside_eu_pct", "coverage_pct", 1),
               ("moved_from_abroad_per_1000", "residence_coverage_pct", 1), ("dissimilarity", "coverage_pct", 1))
LABELS = {"born_abroad_pct": phrase("Born abroad"), "born_outside_eu_pct": phrase("Born outside the EU"),
          "moved_from_abroad_per_1000": phrase("Moved in from abroad in the year before"),
          "dissimilarity": phrase("Dissimilarity index, born abroad vs native-born")}
UNITS = {"born_abroad_pct": phrase("% of residents*"), "born_outside_eu_pct": phrase("% of residents*"),
         "moved_from_abroad_per_1000": phrase("per 1 000 residents**"), "dissimilarity": "0-100"}


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
    out.append({"geo": "EU", "kind": "EU", "name": local.area_label("EU"), "figures": local.area_figures(store, "EU"), "note": ""})
    return out


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
    if circle["note"]:
        return phrase("{note}.", note=sentence(circle["note"]))
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
