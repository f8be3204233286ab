"""What each indicator is: one declarative entry each, from which tables, maps, ranks and summaries follow.

Every entry, whatever it is measured on, is an ``Entry`` with the same named fields (words, unit, decimals,
credit, sources, caveats) and its ``geography``: a NUTS region (``Indicator``, below), an Urban Audit city, a
municipality or a region at a report date (``LocalIndicator``, entries in ``indicators.places.deep_dives``), or a cell of
the Census 2021 grid (``GridMeasure``, entries in ``indicators.places.local``). ``get(id)`` finds any of them.

A NUTS indicator selects rows of the store (sources, dataset, dimension filter) or combines other indicators
(a gap, a rate per 1 000, a change over the years available, a ratio).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from indicators.text.phrasing import listed
from indicators.text.wording import Phrase, phrase

THEMES = {
    "population": "Population & migration",
    "labour": "Labour market",
    "education": "Education",
    "inclusion": "Social inclusion",
    "asylum": "Asylum & protection",
    "territory": "Territorial context",
}
KINDS = ("count", "rate", "share", "ratio", "gap", "index")
DIRECTIONS = ("higher_is_better", "lower_is_better", "neutral")
# What a value is attached to, by an entry's ``geography``: each kind has one table, map and CSV path
GEOGRAPHIES = {"nuts": phrase("NUTS region"), "city": phrase("Urban Audit city"),
               "lau": phrase("municipality (LAU)"), "nuts2_report": phrase("NUTS 2 region at a report date"),
               "grid": phrase("1 km cell of the Census 2021 grid")}
BOUNDARIES = "© EuroGeographics for the administrative boundaries"


@dataclass(frozen=True)
class Derived:
    """How a derived indicator is computed from others: ``op`` in difference, per_thousand, change, ratio."""

    op: str
    inputs: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Entry:
    """What every indicator has, whatever its geography: identity, words, unit, credit and sources (manifest ids).
    Words are the English the catalogues translate (dashboard.i18n.localised)."""

    id: str
    label: str
    short_label: str
    unit: str
    short_unit: str
    description: str
    geography: str  # a key of GEOGRAPHIES
    decimals: int
    credit: str
    sources: tuple[str, ...] = ()  # manifest ids (a derived indicator lists its inputs' sources)
    caveats: tuple[str, ...] = ()
    diverging: bool = False  # values on both sides of zero: a diverging palette centred on 0

    def __post_init__(self):
        assert self.geography in GEOGRAPHIES, f"{self.id}: unknown geography {self.geography!r}"


@dataclass(frozen=True, kw_only=True)
class Indicator(Entry):
    """A NUTS indicator: its theme, levels and NUTS version, and how its rows are selected or derived."""

    geography: str = "nuts"
    theme: str
    kind: str
    direction: str
    levels: tuple[int, ...]
    nuts_version: int | None  # None for national indicators
    dataset: str = ""
    filter: dict = field(default_factory=dict)  # dimension -> code, selecting the rows
    source_by_level: dict = field(default_factory=dict)  # level -> manifest id, where sources overlap
    derived: Derived | None = None
    affected_when: str | None = None  # "high" or "low": which end means "more affected" in the composite
    latest_month: bool = False  # monthly data: the table keeps each country's latest month

    @property
    def scope(self) -> str:
        return "national" if self.levels == (0,) else "regional"

    @property
    def theme_label(self) -> str:
        return THEMES[self.theme]


@dataclass(frozen=True, kw_only=True)
class LocalIndicator(Entry):
    """An indicator below (or beside) the NUTS levels: a city, a municipality, a region at a report date; its
    rows come from ``rows(store)``. ``countries`` is None when the source covers every country it publishes."""

    countries: tuple[str, ...] | None
    rows: Callable[[object], object]  # store -> rows: geo, name, level, country, year, value, flag, unit, source, note
    map_attribution: str = BOUNDARIES  # points or boundaries drawn

    @property
    def levels(self) -> tuple[str, ...]:
        return (self.geography,)

    @property
    def map_credit(self) -> str:
        """The credit line for a map of this indicator: the data's, then the geometry's."""
        return f"{self.credit} · {self.map_attribution}"

    @property
    def coverage(self) -> Phrase:
        """Where the entry has data: 'all countries published', 'ES only' (a phrase; ``str`` is the English)."""
        return phrase("all countries published") if self.countries is None else only(list(self.countries))


@dataclass(frozen=True, kw_only=True)
class GridMeasure(Entry):
    """A share or rate of the Census 2021 grid's residents: ``scale`` x sum(numerator) / sum(denominator) over
    the cells where the denominator is known; ``breaks`` are the fixed class bounds of its maps."""

    geography: str = "grid"
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    scale: float
    breaks: tuple[float, ...]
    levels: tuple[str, ...] = ("1 km",)
    years: tuple[int, ...] = (2021,)  # the census round (Ireland's census was held in 2022)

    @property
    def coverage(self) -> Phrase:
        """Where the grid has data (a phrase; ``str`` is the English)."""
        return phrase("EU and EFTA countries")


def only(countries: list) -> Phrase:
    """'ES, IT only' ('Spain only' with names)."""
    return phrase("{countries} only", countries=listed(countries))


def _eurostat(code: str) -> str:
    return f"Source: Eurostat ({code})"


_LFS_15 = "Shares are of the Labour Force Survey population aged 15 and over in private households, not of the total population."
_URE = "From Eurostat's Urban-rural Europe map data; the file does not state the period it averages over."
_NATIONAL = "National figure: Eurostat publishes it only for whole countries."
_PER_1000 = "Per 1 000 inhabitants on 1 January of the same year (demo_gind)."

def _yearbook(*, key, sheet, label, short, unit, short_unit, text, direction) -> Indicator:
    """A Regional Yearbook 2026 labour-market map (all residents, reference year 2025)."""
    return Indicator(id=key, label=label, short_label=short, unit=unit, short_unit=short_unit, description=text,
                     theme="labour", kind="rate", direction=direction, levels=(2,), nuts_version=2024, decimals=1,
                     credit=_eurostat("Regional Yearbook 2026"), sources=("ryb2026_labour",), dataset="ryb2026_ch04",
                     filter={"indic": sheet},
                     caveats=("All residents, not by origin. Reference year 2025; a few regions show 2023 or 2024.",))


def _urban_rural(*, key, source, label, short, unit, short_unit, text, kind, direction, diverging) -> Indicator:
    """An Urban-rural Europe NUTS-3 map (period not stated by the file)."""
    return Indicator(id=key, label=label, short_label=short, unit=unit, short_unit=short_unit, description=text,
                     theme="territory", kind=kind, direction=direction, levels=(3,), nuts_version=2021, decimals=1,
                     credit="Source: Eurostat (Urban-rural Europe)", sources=(source,), dataset=source,
                     caveats=(_URE,),
                     diverging=diverging)


def _national_count(*, key, dataset, flt, label, short, text, extra, monthly) -> Indicator:
    """A national count of people (asylum, permits, protection, immigration)."""
    return Indicator(id=key, label=label, short_label=short, unit="persons", short_unit="", description=text,
                     theme="asylum", kind="count", direction="neutral", levels=(0,), nuts_version=None, decimals=0,
                     credit=_eurostat(dataset), sources=(dataset,), dataset=dataset, filter=flt,
                     caveats=(_NATIONAL, *extra),
                     latest_month=monthly)


ENTRIES: tuple[Indicator, ...] = (
    # --- Population & migration -------------------------------------------------------------------------
    Indicator(id="net_migration_rate", label="Crude rate of net migration plus statistical adjustment",
              short_label="Net migration rate",
              unit="per 1 000 inhabitants", short_unit="‰",
              description="People moving in minus people moving out in a year, per 1 000 residents. "
              "Positive means the region gained people through migration (from abroad and from other regions).",
              theme="population", kind="rate", direction="neutral", levels=(2, 3), nuts_version=2021, decimals=1,
              credit=_eurostat("demo_r_gind3"),
              sources=("demo_r_gind3_nuts2", "demo_r_gind3_nuts3"), dataset="demo_r_gind3",
              filter={"indic_de": "CNMIGRATRT"}, source_by_level={2: "demo_r_gind3_nuts2", 3: "demo_r_gind3_nuts3"},
              caveats=("Includes a statistical adjustment, so census revisions show up as migration: 2021 has "
                       "outliers such as EL41 (−156.7 ‰).", "Latest year: 2021 at NUTS 2, 2020 at NUTS 3."),
              diverging=True, affected_when="high"),
    Indicator(id="net_migration_avg", label="Average crude rate of net migration plus statistical adjustment",
              short_label="Net migration (average)", unit="per 1 000 inhabitants", short_unit="‰",
              description="Average yearly net migration over a recent multi-year period, per 1 000 residents.",
              theme="population", kind="rate", direction="neutral", levels=(3,), nuts_version=2021, decimals=1,
              credit="Source: Eurostat (Urban-rural Europe, demo_r_gind3)",
              sources=("ure_netmig",), dataset="ure_netmig", caveats=(_URE,), diverging=True, affected_when="high"),
    Indicator(id="population", label="Population on 1 January", short_label="Population", unit="persons",
              short_unit="", description="Everyone usually resident "
              "in the region on 1 January.", theme="population", kind="count", direction="neutral",
              levels=(0, 1, 2, 3), nuts_version=2021, decimals=0,
              credit=_eurostat("demo_r_pjanaggr3, demo_r_d2jan"),
              sources=("demo_r_d2jan", "demo_r_pjanaggr3_nuts2", "demo_r_pjanaggr3_nuts3"),
              filter={"sex": "T", "age": "TOTAL"},
              source_by_level={0: "demo_r_d2jan", 1: "demo_r_d2jan", 2: "demo_r_pjanaggr3_nuts2", 3: "demo_r_pjanaggr3_nuts3"}),
    Indicator(id="share_65_plus", label="Share of the population aged 65 and over", short_label="Aged 65+",
              unit="% of population", short_unit="%",
              description="The part of residents aged 65 or older: an ageing region needs more care services and may "
              "depend more on newcomers for its workforce.", theme="population", kind="share", direction="neutral",
              levels=(2,), nuts_version=2021, decimals=1,
              credit=_eurostat("demo_r_pjanaggr3"), sources=("demo_r_pjanaggr3_nuts2",),
              derived=Derived("ratio", ("population_65_plus", "population"))),
    Indicator(id="population_65_plus", label="Population aged 65 and over", short_label="Population 65+",
              unit="persons", short_unit="",
              description="Residents aged 65 or older on 1 January.", theme="population", kind="count",
              direction="neutral", levels=(2,), nuts_version=2021, decimals=0,
              credit=_eurostat("demo_r_pjanaggr3"), sources=("demo_r_pjanaggr3_nuts2",), dataset="demo_r_pjanaggr3",
              filter={"sex": "T", "age": "Y_GE65"}),
    Indicator(id="foreign_born_share", label="Foreign-born share of the population aged 15+",
              short_label="Foreign-born",
              unit="% of population 15+", short_unit="%",
              description="The part of adults living in the region who were born in another "
              "country.", theme="population", kind="share", direction="neutral", levels=(2,), nuts_version=2024,
              decimals=1, credit=_eurostat("lfst_r_lfsd2pwc"),
              sources=("europe_locals_nuts2",), dataset="lfst_r_lfsd2pwc", filter={"c_birth": "FOR", "unit": "PC"},
              caveats=(_LFS_15, "Compiled from the Eurostat API by the Europe-locals project; suppressed values stay missing."),
              affected_when="high"),
    Indicator(id="non_citizen_share", label="Non-citizen share of the population aged 15+",
              short_label="Non-citizens",
              unit="% of population 15+", short_unit="%",
              description="The part of adults living in the region who do not hold the "
              "citizenship of the country.", theme="population", kind="share", direction="neutral", levels=(2,),
              nuts_version=2024, decimals=1,
              credit=_eurostat("lfst_r_lfsd2pwn"), sources=("europe_locals_nuts2",), dataset="lfst_r_lfsd2pwn",
              filter={"citizen": "FOR", "unit": "PC"}, caveats=(_LFS_15,), affected_when="high"),
    Indicator(id="foreign_born_share_change", label="Change in the foreign-born share since the first year available",
              short_label="Foreign-born change", unit="percentage points", short_unit="pp",
              description="How much the foreign-born share of adults "
              "has grown (or shrunk) between the first and the latest year with data.", theme="population",
              kind="gap",
              direction="neutral", levels=(2,), nuts_version=2024, decimals=1, credit=_eurostat("lfst_r_lfsd2pwc"),
              sources=("europe_locals_nuts2",),
              derived=Derived("change", ("foreign_born_share",)),
              caveats=(_LFS_15, "The first year differs between regions (2014 for most); each value's period column gives its first and last year."),
              diverging=True, affected_when="high"),
    # --- Labour market (regional) -------------------------------------------------------------------------
    *[Indicator(id=f"unemployment_{key}", label=f"Unemployment rate of {who}, aged 15-64",
                short_label=f"Unemployment, {short}",
                unit="% of labour force", short_unit="%",
                description=f"The share of {who} in the labour force who are looking for work.",
                theme="labour", kind="rate", direction="lower_is_better", levels=(2,), nuts_version=2021, decimals=1,
                credit=_eurostat("lfst_r_lfur2gac"),
                sources=("lfst_r_lfur2gac",), dataset="lfst_r_lfur2gac", filter={"c_birth": code},
                caveats=("Labour Force Survey: many small-sample values are flagged low reliability (u) or not published.",),
                affected_when="high" if key == "foreign_born" else None)
      for key, who, short, code in [("foreign_born", "people born abroad", "foreign-born", "FOR"),
                                    ("non_eu_born", "people born outside the EU", "non-EU-born", "NEU27_2020_FOR"),
                                    ("eu_born", "people born in another EU country", "EU-born", "EU27_2020_FOR"),
                                    ("total", "all residents", "all", "TOTAL")]],
    Indicator(id="unemployment_gap_foreign_born", label="Unemployment gap: foreign-born minus all residents",
              short_label="Unemployment gap", unit="percentage points", short_unit="pp",
              description="How many points higher unemployment is among "
              "people born abroad than among all residents. Zero means no gap.", theme="labour", kind="gap",
              direction="lower_is_better", levels=(2,), nuts_version=2021, decimals=1,
              credit=_eurostat("lfst_r_lfur2gac"), sources=("lfst_r_lfur2gac",),
              derived=Derived("difference", ("unemployment_foreign_born", "unemployment_total")),
              diverging=True, affected_when="high"),
    # --- Education -------------------------------------------------------------------------------------------
    *[Indicator(id=f"{level_key}_{who_key}", label=f"{level_label} attainment of {who}, aged 25-64",
                short_label=f"{level_short}, {who_short}", unit="% of population 25-64", short_unit="%",
                description=f"The share of {who} aged 25 to 64 whose highest completed education is {level_text}.",
                theme="education", kind="share", direction=direction, levels=(0, 1, 2), nuts_version=2021,
                decimals=1, credit=_eurostat("edat_lfs_9917"),
                sources=(source,), dataset="edat_lfs_9917", filter={"isced11": isced, "age": "Y25-64", "c_birth": cb},
                caveats=("No native-born series is published at regional level: the comparison is with all residents.",))
      for level_key, level_label, level_short, level_text, isced, direction in [
          ("tertiary", "Tertiary (ISCED 5-8)", "Tertiary", "a university or other tertiary degree", "ED5-8", "higher_is_better"),
          ("low_education", "Low (ISCED 0-2)", "Low education", "at most lower secondary school", "ED0-2", "lower_is_better")]
      for who_key, who, who_short, cb, source in [
          ("foreign_born", "people born abroad", "foreign-born", "FOR", "edat_lfs_9917_for"),
          ("total", "all residents", "all", "TOTAL", "edat_lfs_9917_total")]],
    Indicator(id="tertiary_gap_foreign_born", label="Tertiary attainment gap: foreign-born minus all residents",
              short_label="Tertiary gap", unit="percentage points", short_unit="pp",
              description="Points by which the share of university graduates among "
              "people born abroad exceeds (or falls short of) that of all residents.", theme="education", kind="gap",
              direction="higher_is_better", levels=(0, 1, 2), nuts_version=2021, decimals=1,
              credit=_eurostat("edat_lfs_9917"),
              sources=("edat_lfs_9917_for", "edat_lfs_9917_total"),
              derived=Derived("difference", ("tertiary_foreign_born", "tertiary_total")), diverging=True),
    Indicator(id="low_education_gap_foreign_born", label="Low-attainment gap: foreign-born minus all residents",
              short_label="Low-education gap", unit="percentage points", short_unit="pp",
              description="Points by which the share with at most lower "
              "secondary school among people born abroad exceeds that of all residents.", theme="education",
              kind="gap",
              direction="lower_is_better", levels=(0, 1, 2), nuts_version=2021, decimals=1,
              credit=_eurostat("edat_lfs_9917"),
              sources=("edat_lfs_9917_for", "edat_lfs_9917_total"),
              derived=Derived("difference", ("low_education_foreign_born", "low_education_total")),
              diverging=True, affected_when="high"),
    Indicator(id="early_leavers", label="Early leavers from education and training, aged 18-24",
              short_label="Early leavers",
              unit="% of population 18-24", short_unit="%",
              description="Young people who left school with at most lower secondary education "
              "and are not in any education or training.", theme="education", kind="share",
              direction="lower_is_better", levels=(2,), nuts_version=2021, decimals=1,
              credit=_eurostat("edat_lfse_16"), sources=("edat_lfse_16",), dataset="edat_lfse_16",
              caveats=("All residents, not by origin.",)),
    # --- Social inclusion -----------------------------------------------------------------------------------
    Indicator(id="at_risk_of_poverty", label="At-risk-of-poverty rate", short_label="At risk of poverty",
              unit="% of population", short_unit="%",
              description="People living on less than 60 % of their country's median income.", theme="inclusion",
              kind="rate",
              direction="lower_is_better", levels=(2,), nuts_version=2021, decimals=1, credit=_eurostat("ilc_li41"),
              sources=("ilc_li41",), dataset="ilc_li41",
              caveats=("All residents, not by origin; few countries publish it by NUTS 2 region.",)),
    # --- Labour market context: Regional Yearbook 2026 -------------------------------------------------------
    _yearbook(key="employment_rate_20_64", sheet="CH04M1", label="Employment rate, aged 20-64",
              short="Employment rate", unit="% of population 20-64", short_unit="%",
              text="The share of people aged 20 to 64 who have a job.", direction="higher_is_better"),
    _yearbook(key="gender_employment_gap", sheet="CH04M2", label="Gender employment gap, aged 20-64",
              short="Gender employment gap", unit="percentage points", short_unit="pp",
              text="Points by which men's employment rate exceeds women's.", direction="lower_is_better"),
    _yearbook(key="neet_rate", sheet="CH04M4",
              label="Young people neither in employment nor in education or training, aged 15-29", short="NEET rate",
              unit="% of population 15-29", short_unit="%",
              text="Young people who have no job and are not studying or training.", direction="lower_is_better"),
    _yearbook(key="youth_unemployment", sheet="CH04M5", label="Youth unemployment rate, aged 15-29",
              short="Youth unemployment", unit="% of labour force 15-29", short_unit="%",
              text="The share of young people in the labour force who are looking for work.",
              direction="lower_is_better"),
    _yearbook(key="unemployment_rate", sheet="CH04M6", label="Unemployment rate, aged 15-74",
              short="Unemployment rate", unit="% of labour force", short_unit="%",
              text="The share of the labour force looking for work.", direction="lower_is_better"),
    _yearbook(key="long_term_unemployment", sheet="CH04M7", label="Long-term unemployment ratio",
              short="Long-term unemployment", unit="% of unemployed", short_unit="%",
              text="The share of unemployed people who have been looking for work for a year or more.",
              direction="lower_is_better"),
    # --- Territorial context: Urban-rural Europe --------------------------------------------------------------
    _urban_rural(key="natural_change_avg", source="ure_natchange", label="Average crude rate of natural change",
                 short="Natural change", unit="per 1 000 inhabitants", short_unit="‰",
                 text="Births minus deaths per 1 000 residents, averaged over recent years.", kind="rate",
                 direction="neutral", diverging=True),
    _urban_rural(key="population_change_avg", source="ure_popchange", label="Average population change",
                 short="Population change", unit="% per year", short_unit="%",
                 text="How fast the population grew or shrank on average in recent years.", kind="rate",
                 direction="neutral", diverging=True),
    _urban_rural(key="old_age_dependency", source="ure_oldage", label="Old-age dependency ratio",
                 short="Old-age dependency", unit="people 65+ per 100 aged 15-64", short_unit="",
                 text="Older people per 100 people of working age.", kind="ratio", direction="neutral",
                 diverging=False),
    _urban_rural(key="projected_population_change", source="ure_projpop", label="Projected population change",
                 short="Projected change", unit="%", short_unit="%",
                 text="Eurostat's projection of how much the population will grow or shrink.", kind="rate",
                 direction="neutral", diverging=True),
    _urban_rural(key="gdp_change", source="ure_gdp", label="Change in GDP", short="GDP change",
                 unit="unit not stated by the source", short_unit="",
                 text="How much the regional economy (GDP) grew or shrank over the period.", kind="rate",
                 direction="higher_is_better", diverging=True),
    # --- National context ---------------------------------------------------------------------------------------
    *[Indicator(id=f"{measure}_{who_key}", label=f"{label} of {who}, aged 15-64",
                short_label=f"{short}, {who_short}", unit="%", short_unit="%",
                description=f"{text} among {who}.", theme="labour", kind="rate", direction=direction, levels=(0,),
                nuts_version=None, decimals=1, credit=_eurostat(dataset),
                sources=(dataset,), dataset=dataset, filter={"citizen": code, "sex": "T", "age": "Y15-64"},
                caveats=(_NATIONAL,))
      for measure, label, short, text, dataset, direction in [
          ("employment_rate", "Employment rate", "Employment", "The share with a job", "lfsa_ergan", "higher_is_better"),
          ("unemployment_rate_citizenship", "Unemployment rate", "Unemployment", "The share of the labour force looking for work",
           "lfsa_urgan", "lower_is_better")]
      for who_key, who, who_short, code in [("foreign_citizens", "foreign citizens", "foreigners", "FOR"),
                                            ("nationals", "nationals", "nationals", "NAT")]],
    Indicator(id="employment_gap_citizenship", label="Employment gap: foreign citizens minus nationals",
              short_label="Employment gap (citizenship)",
              unit="percentage points", short_unit="pp",
              description="Points by which the employment rate of foreign citizens differs from that of "
              "nationals; negative means foreigners are less often in work.", theme="labour", kind="gap",
              direction="higher_is_better", levels=(0,),
              nuts_version=None, decimals=1, credit=_eurostat("lfsa_ergan"), sources=("lfsa_ergan",),
              derived=Derived("difference", ("employment_rate_foreign_citizens", "employment_rate_nationals")),
              caveats=(_NATIONAL,), diverging=True),
    Indicator(id="unemployment_gap_citizenship", label="Unemployment gap: foreign citizens minus nationals",
              short_label="Unemployment gap (citizenship)", unit="percentage points", short_unit="pp",
              description="Points by which unemployment among foreign "
              "citizens exceeds that among nationals.", theme="labour", kind="gap", direction="lower_is_better",
              levels=(0,), nuts_version=None, decimals=1,
              credit=_eurostat("lfsa_urgan"), sources=("lfsa_urgan",),
              derived=Derived("difference", ("unemployment_rate_citizenship_foreign_citizens",
                                             "unemployment_rate_citizenship_nationals")),
              caveats=(_NATIONAL,), diverging=True),
    # The mirrored demo_poppcctz/demo_poppcctb exports hold each group's split by sex (Total is always 100),
    # not the group's share of the population: the national shares come from migr_pop3ctb/migr_pop1ctz.
    Indicator(id="foreign_born_share_national", label="Foreign-born share of the population (national)",
              short_label="Foreign-born (national)",
              unit="% of population", short_unit="%",
              description="Residents born in another country, as a share of all residents.", theme="population",
              kind="share", direction="neutral", levels=(0,), nuts_version=None, decimals=1,
              credit=_eurostat("migr_pop3ctb"), sources=("europe_locals_country",),
              dataset="migr_pop3ctb", filter={"c_birth": "FOR", "unit": "PC"},
              caveats=(_NATIONAL, "Compiled from the Eurostat API by the Europe-locals project.")),
    Indicator(id="non_citizen_share_national", label="Non-citizen share of the population (national)",
              short_label="Non-citizens (national)",
              unit="% of population", short_unit="%",
              description="Residents who are not citizens of the country, as a share of all residents.",
              theme="population", kind="share", direction="neutral", levels=(0,), nuts_version=None, decimals=1,
              credit=_eurostat("migr_pop1ctz"), sources=("europe_locals_country",),
              dataset="migr_pop1ctz", filter={"citizen": "FOR", "unit": "PC"},
              caveats=(_NATIONAL, "Compiled from the Eurostat API by the Europe-locals project.")),
    *[Indicator(id=key, label=label, short_label=short, unit="% of the group", short_unit="%", description=text,
                theme="population", kind="share", direction="neutral", levels=(0,), nuts_version=None, decimals=1,
                credit=_eurostat(dataset), sources=(dataset,), dataset=dataset, filter={dim: code, "sex": "F"},
                caveats=(_NATIONAL,))
      for key, dataset, dim, code, label, short, text in [
          ("women_among_foreign_citizens", "demo_poppcctz", "citizen", "FOR_STLS", "Women among foreign citizens",
           "Women among foreign citizens", "The share of women among residents who are foreign citizens or stateless."),
          ("women_among_non_eu_citizens", "demo_poppcctz", "citizen", "NEU27_2020_FOR", "Women among non-EU citizens",
           "Women among non-EU citizens", "The share of women among residents who are citizens of a non-EU country."),
          ("women_among_foreign_born", "demo_poppcctb", "c_birth", "FOR", "Women among the foreign-born",
           "Women among foreign-born", "The share of women among residents born in another country.")]],
    _national_count(key="asylum_applicants", dataset="migr_asyappctza", flt={"citizen": "TOTAL"},
                    label="Asylum applicants", short="Asylum applicants",
                    text="People who applied for international protection during the year.", extra=(), monthly=False),
    _national_count(key="first_residence_permits", dataset="tps00170", flt={},
                    label="First residence permits issued", short="First permits",
                    text="Residence permits issued for the first time to non-EU citizens during the year.", extra=(),
                    monthly=False),
    _national_count(key="temporary_protection", dataset="migr_asytpsm", flt={"citizen": "UA"},
                    label="Beneficiaries of temporary protection (latest month)", short="Temporary protection",
                    text="People from Ukraine under temporary protection at the end of the latest month reported.",
                    extra=("Each country's latest reported month; the month is given with each value.",),
                    monthly=True),
    _national_count(key="immigration", dataset="migr_imm1ctz", flt={"citizen": "TOTAL"}, label="Immigration",
                    short="Immigration", text="People who moved to the country to live there for at least a year.",
                    extra=(), monthly=False),
    *[Indicator(id=f"{base}_per_1000", label=f"{label} per 1 000 inhabitants", short_label=f"{short} per 1 000",
                unit="per 1 000 inhabitants",
                short_unit="‰",
                description=f"{text} Per 1 000 residents, so that large and small countries compare.",
                theme="asylum", kind="rate",
                direction="neutral", levels=(0,), nuts_version=None, decimals=1,
                credit=_eurostat(f"{dataset}, demo_gind"), sources=(dataset, "demo_gind"),
                derived=Derived("per_thousand", (base, "population_national")), caveats=(_NATIONAL, _PER_1000),
                affected_when="high" if base in ("asylum_applicants", "temporary_protection") else None)
      for base, dataset, label, short, text in [
          ("asylum_applicants", "migr_asyappctza", "Asylum applicants", "Asylum applicants", "Applications for international protection."),
          ("first_residence_permits", "tps00170", "First residence permits", "First permits", "First residence permits issued."),
          ("temporary_protection", "migr_asytpsm", "Beneficiaries of temporary protection", "Temporary protection",
           "People under temporary protection in the latest month."),
          ("immigration", "migr_imm1ctz", "Immigration", "Immigration", "People who moved to the country.")]],
    Indicator(id="population_national", label="Population on 1 January (national)",
              short_label="Population (national)", unit="persons", short_unit="",
              description="Everyone usually resident in the country on 1 January.", theme="population", kind="count",
              direction="neutral", levels=(0,), nuts_version=None, decimals=0,
              credit=_eurostat("demo_gind"), sources=("demo_gind",), dataset="demo_gind", filter={"indic_de": "JAN"}),
    Indicator(id="refugees_per_1000", label="Refugees per 1 000 inhabitants", short_label="Refugees per 1 000",
              unit="per 1 000 inhabitants", short_unit="‰",
              description="Recognised refugees living in the country at the end of the year, per 1 000 residents.",
              theme="asylum", kind="rate",
              direction="neutral", levels=(0,), nuts_version=None, decimals=1,
              credit="Source: UNHCR Refugee Data Finder; Eurostat (demo_gind)",
              sources=("unhcr_refugees", "demo_gind"),
              derived=Derived("per_thousand", ("refugees", "population_national")),
              caveats=(_NATIONAL, "UNHCR end-year stock over the Eurostat population on 1 January of the same year.")),
    Indicator(id="refugees", label="Refugees (UNHCR)", short_label="Refugees", unit="persons", short_unit="",
              description="Recognised refugees living in the country "
              "at the end of the year.", theme="asylum", kind="count", direction="neutral", levels=(0,),
              nuts_version=None, decimals=0, credit="Source: UNHCR Refugee Data Finder",
              sources=("unhcr_refugees",), dataset="unhcr_refugees", filter={"pop_type": "REF", "origin": "TOTAL"},
              caveats=(_NATIONAL,)),
    Indicator(id="income_ratio_foreign_national", label="Median income of foreign citizens relative to nationals",
              short_label="Income ratio (foreigners/nationals)", unit="% of nationals' median", short_unit="%",
              description="The median disposable income "
              "of foreign citizens as a percentage of that of nationals; 100 means equal.", theme="inclusion",
              kind="ratio",
              direction="higher_is_better", levels=(0,), nuts_version=None, decimals=1, credit=_eurostat("ilc_di15"),
              sources=("ilc_di15",),
              derived=Derived("ratio", ("median_income_foreign_citizens", "median_income_nationals")),
              caveats=(_NATIONAL, "Equivalised net income, people aged 18 and over.")),
    *[Indicator(id=f"median_income_{who_key}", label=f"Median equivalised net income of {who}",
                short_label=f"Median income, {who}", unit="euro",
                short_unit="€",
                description=f"The middle disposable income of {who} aged 18+, adjusted for household size.",
                theme="inclusion",
                kind="count", direction="higher_is_better", levels=(0,), nuts_version=None, decimals=0,
                credit=_eurostat("ilc_di15"), sources=("ilc_di15",),
                dataset="ilc_di15", filter={"citizen": code, "indic_il": "MED_E", "age": "Y_GE18"},
                caveats=(_NATIONAL,))
      for who_key, who, code in [("foreign_citizens", "foreign citizens", "FOR"), ("nationals", "nationals", "NAT")]],
    Indicator(id="good_health_gap", label="Good self-perceived health: foreign citizens minus nationals",
              short_label="Good-health gap",
              unit="percentage points", short_unit="pp",
              description="Points by which the share of people who say their health is good or very "
              "good differs between foreign citizens and nationals.", theme="inclusion", kind="gap",
              direction="higher_is_better", levels=(0,),
              nuts_version=None, decimals=1, credit=_eurostat("hlth_silc_24"), sources=("hlth_silc_24",),
              derived=Derived("difference", ("good_health_foreign_citizens", "good_health_nationals")),
              caveats=(_NATIONAL, "Differences in age structure are not adjusted for."), diverging=True),
    *[Indicator(id=f"good_health_{who_key}", label=f"Good or very good self-perceived health, {who}",
                short_label=f"Good health, {who}",
                unit="% of population 16+", short_unit="%",
                description=f"The share of {who} aged 16+ who rate their health good or very good.",
                theme="inclusion", kind="share", direction="higher_is_better", levels=(0,), nuts_version=None,
                decimals=1, credit=_eurostat("hlth_silc_24"),
                sources=("hlth_silc_24",), dataset="hlth_silc_24", filter={"citizen": code, "lev_perc": "VG_G"},
                caveats=(_NATIONAL,))
      for who_key, who, code in [("foreign_citizens", "foreign citizens", "FOR"), ("nationals", "nationals", "NAT")]],
    Indicator(id="tertiary_foreign_citizens", label="Tertiary attainment of foreign citizens, aged 15-64",
              short_label="Tertiary, foreign citizens", unit="% of population 15-64", short_unit="%",
              description="The share of foreign citizens aged 15 to 64 "
              "with a university or other tertiary degree.", theme="education", kind="share",
              direction="higher_is_better", levels=(0,), nuts_version=None, decimals=1,
              credit=_eurostat("edat_lfs_9911"), sources=("edat_lfs_9911",), dataset="edat_lfs_9911",
              filter={"isced11": "ED5-8", "citizen": "FOR"}, caveats=(_NATIONAL,)),
)

REGISTRY: dict[str, Indicator] = {entry.id: entry for entry in ENTRIES}
assert len(REGISTRY) == len(ENTRIES), "indicator ids must be unique"



def get(indicator_id: "str | Indicator", geography: str = "nuts") -> Indicator:
    """The NUTS entry with this id (an entry passes through); KeyError names the id. Every geography's entries,
    and the lookup across them, are ``indicators.entries``'."""
    found = indicator_id if isinstance(indicator_id, Entry) else REGISTRY.get(indicator_id)
    if found is None or found.geography != geography:
        raise KeyError(f"unknown {geography} indicator {indicator_id!r}")
    return found
