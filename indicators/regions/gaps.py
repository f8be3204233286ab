"""Where local integration data is missing, thin or unreliable: coverage by region, indicator and country.

Every count here is computed from the same tidy tables the dashboard shows; "suppressed" means the source
lists the region with no value and a flag (confidential, or too unreliable to publish), which is different
from a region the source does not list at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geodata.codes import level_of, parent
from indicators.regions import flags, lookup, tables
from indicators.registry import ENTRIES, THEMES, get
from indicators.text.wording import Phrase, phrase

GAP_THEMES = ("population", "labour", "education", "inclusion")
# Counts that describe a region's size rather than migration or integration are left out of the tally.
_NOT_INTEGRATION = {"population", "population_65_plus", "net_migration_avg"}
RECENT_YEARS = 3  # a value counts as recent within the indicator's three latest years at that level


def gap_indicators(level: int | None = None) -> list[str]:
    """The regional migration and integration indicators the atlas counts (optionally: held at ``level``)."""
    return [e.id for e in ENTRIES if e.scope == "regional" and e.theme in GAP_THEMES and e.id not in _NOT_INTEGRATION
            and (level is None or level in e.levels)]


@dataclass(frozen=True)
class NationalOnly:
    """An integration statistic Eurostat publishes for countries only: the gap local data would fill."""

    topic: Phrase  # ``str`` is the English
    dataset: str
    in_atlas: str | None  # the registry id that shows the national figure, if the atlas holds it


NATIONAL_ONLY = (
    NationalOnly(phrase("At-risk-of-poverty rate by citizenship"), "ilc_peps05n", None),
    NationalOnly(phrase("Median income by citizenship"), "ilc_di15", "income_ratio_foreign_national"),
    NationalOnly(phrase("Self-perceived health by citizenship"), "hlth_silc_24", "good_health_gap"),
    NationalOnly(phrase("Acquisition of citizenship"), "migr_acq", None),
    NationalOnly(phrase("First residence permits"), "tps00170", "first_residence_permits_per_1000"),
    NationalOnly(phrase("Asylum applicants"), "migr_asyappctza", "asylum_applicants_per_1000"),
    NationalOnly(phrase("Beneficiaries of temporary protection"), "migr_asytpsm", "temporary_protection_per_1000"),
    NationalOnly(phrase("Employment and unemployment rates by citizenship"), "lfsa_ergan, lfsa_urgan",
                 "employment_gap_citizenship"),
    NationalOnly(phrase("Educational attainment by citizenship"), "edat_lfs_9911", "tertiary_foreign_citizens"),
    NationalOnly(phrase("Immigration by citizenship"), "migr_imm1ctz", "immigration_per_1000"),
)


def current_regions(store, level: int) -> pd.DataFrame:
    """The regions at ``level`` in each country's drawn NUTS version (see ``lookup.current_layer``)."""
    return lookup.current_layer(store, level)


def _recent_rows(store, indicator_id: str, level: int) -> pd.DataFrame:
    """The indicator's rows at ``level`` in its latest RECENT_YEARS years (all rows when it states no years)."""
    def compute():
        rows = tables.table(store, indicator_id, level=level)
        years = tables.years(store, indicator_id, level)
        if years:
            rows = rows[rows["year"] >= years[-1] - RECENT_YEARS + 1]
        return rows[rows["geo_kind"] == "region"]
    return store.memo.cached(("gap_recent", indicator_id, level), compute)


def region_coverage(store, level: int, words=str) -> pd.DataFrame:
    """One row per region at ``level``: how many integration indicators it has recently, by theme, and which
    it lacks (values at a coarser level do not count: this is about local data). Its words (the counts by theme,
    the indicators' short labels) are ``words(text)``: English by default, as in the CSV."""
    regions = current_regions(store, level)
    indicators = gap_indicators()
    have = {}
    for indicator_id in indicators:
        if level in get(indicator_id).levels:
            rows = _recent_rows(store, indicator_id, level)
            have[indicator_id] = set(rows.loc[rows["value"].notna(), "geo"])
        else:
            have[indicator_id] = set()
    regions["available"] = [sum(g in have[i] for i in indicators) for g in regions["geo"]]
    regions["of"] = len(indicators)
    for theme in GAP_THEMES:
        ids = [i for i in indicators if get(i).theme == theme]
        regions[THEMES[theme]] = [words(phrase("{count} of {total}", count=sum(g in have[i] for i in ids),
                                               total=len(ids))) for g in regions["geo"]]
    regions["missing"] = ["; ".join(words(get(i).short_label) for i in indicators if g not in have[i])
                          for g in regions["geo"]]
    return regions.reset_index(drop=True)


def indicator_coverage(store, indicator_id: str) -> pd.DataFrame:
    """By country, at the indicator's finest level: regions with a value, suppressed, flagged, latest year."""
    ind = get(indicator_id)
    level = max(tables.levels(store, ind) or ind.levels)
    rows = tables.table(store, ind, level=level)
    rows = rows[rows["geo_kind"].isin(["region", "country"])]
    latest_year = rows.loc[rows["value"].notna(), "year"].max() if rows["value"].notna().any() else None
    recent = rows[rows["year"] == latest_year] if pd.notna(latest_year) else rows
    out = []
    for country, group in recent.groupby("country"):
        valued = group[group["value"].notna()]
        letters = valued["flag"].fillna("")
        latest_here = rows.loc[(rows["country"] == country) & rows["value"].notna(), "year"].max()
        out.append({
            "country": country, "level": level, "year": latest_year,
            "with value": int(len(valued)),
            "suppressed": int((group["value"].isna() & group["flag"].ne("")).sum()),
            **{f"{flags.MEANINGS[letter]} ({letter})": int(letters.str.contains(letter).sum()) for letter in flags.MARKED},
            "latest year reported": int(latest_here) if pd.notna(latest_here) else None,
        })
    return pd.DataFrame(out)


def coverage_matrix(store, level: int) -> pd.DataFrame:
    """Country × indicator: the share (%) of the country's regions with a recent value at ``level``."""
    regions = current_regions(store, level)
    counts = regions.groupby("country").size()
    current = set(regions["geo"])
    matrix = {}
    for indicator_id in gap_indicators(level):
        rows = _recent_rows(store, indicator_id, level)
        rows = rows[rows["geo"].isin(current)]  # codes of the current version only, so no area counts twice
        with_value = rows[rows["value"].notna()].groupby("country")["geo"].nunique()
        matrix[get(indicator_id).short_label] = (with_value.reindex(counts.index).fillna(0) / counts * 100).round(0)
    frame = pd.DataFrame(matrix)
    frame.index.name = "country"
    return frame.reset_index()


def region_status(store, geo: str, words=str) -> pd.DataFrame:
    """For one region: each integration indicator's value at its own level, only at a higher level, suppressed
    (listed with no value and a flag), or not available at all. The status, indicator and theme are
    ``words(text)``: English by default, as in the CSV."""
    own = level_of(geo)
    version = lookup.drawn_version(store, geo)
    out = []
    for indicator_id in gap_indicators():
        ind = get(indicator_id)
        status, used, year, flag = phrase("not available at all"), None, None, ""
        for lv in range(own, -1, -1):
            if lv not in ind.levels:
                continue
            rows = lookup.region_rows(store, ind, lv, parent(geo, lv), version)
            if rows.empty:
                continue
            rows = rows.sort_values("time")
            valued = rows[rows["value"].notna()]
            last = rows.iloc[-1]
            if pd.isna(last["value"]) and last["flag"]:
                # the latest period is listed without a value: suppressed, not missing and never zero
                said = flags.said(last["flag"])
                if len(valued) and pd.notna(valued["year"].iloc[-1]):
                    status = phrase("suppressed ({flags}); last value {year}", flags=said,
                                    year=int(valued["year"].iloc[-1]))
                else:
                    status = phrase("suppressed ({flags})", flags=said)
                used, year, flag = lv, last["year"], last["flag"]
                break
            if len(valued):
                last = valued.iloc[-1]
                status = phrase("at its own level") if lv == own else phrase("only at a higher level (NUTS {level})",
                                                                             level=lv)
                used, year, flag = lv, last["year"], last["flag"]
                break
        out.append({"indicator": words(ind.short_label), "id": ind.id, "theme": words(ind.theme_label),
                    "status": words(status), "level used": used, "year": year, "flag": flag})
    return pd.DataFrame(out)
