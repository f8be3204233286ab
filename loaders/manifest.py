"""Every upstream file the project reads: one declarative entry each (id, live URL, mirror path, adapter, licence).

The live URL of a Eurostat dataset is a dissemination-API query returning the same layout and dimension filter
as the mirrored export, with no time limit, so a refresh with a network brings the newest years. Base URLs are
read from the environment so tests can point them at a loopback server.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from loaders.grid_tiles import GRID_COMMIT, GRID_INFO_SHA256, GRID_REPOSITORY, TILES

LICENCE_EUROSTAT = "Eurostat: free re-use with acknowledgement (Commission Decision 2011/833/EU)"
LICENCE_GISCO = "© EuroGeographics for the administrative boundaries (GISCO terms of use)"
LICENCE_JRC = "European Commission, Joint Research Centre (JRC): free re-use with acknowledgement"
LICENCE_UNHCR = "UNHCR Refugee Data Finder: CC BY 4.0"
LICENCE_GRID = "Eurostat: free re-use with acknowledgement (Commission Decision 2011/833/EU); tiling code EUPL-1.2"
LICENCE_INE = "INE (Spain): re-use allowed with the source cited"
LICENCE_CC_BY = "CC BY 4.0"

EUROSTAT_API = os.environ.get("MIGRATION_EUROSTAT_API", "https://ec.europa.eu/eurostat/api/dissemination")
GISCO_BASE = os.environ.get("MIGRATION_GISCO_BASE", "https://gisco-services.ec.europa.eu/distribution/v2")
GITHUB_RAW = os.environ.get("MIGRATION_GITHUB_RAW", "https://raw.githubusercontent.com")


@dataclass(frozen=True)
class Source:
    """One upstream file: where it lives, how to parse it, and how to credit it."""

    id: str
    title: str
    url: str
    mirror_path: str
    adapter: str
    licence: str
    credit: str
    dataset: str | None = None  # Eurostat dataset code (lower case), where there is one
    nuts_version: int | None = None  # the NUTS release the publisher used; breaks ties between code lists
    sha256: str | None = None  # set where the upstream file is static (pinned commit or fixed release)
    archive_member: str | None = None  # the live URL is a zip; this is the file name to take out of it
    options: dict = field(default_factory=dict)  # adapter options (unit, reference year, …)


def eurostat_sdmx21(dataset: str, key: str) -> str:
    """SDMX 2.1 query, SDMX-CSV 1.0 with codes (the layout of the regional exports)."""
    return f"{EUROSTAT_API}/sdmx/2.1/data/{dataset}/{key}?format=SDMX-CSV"


def eurostat_sdmx30(dataset: str, key: str, version: str, labels: str) -> str:
    """SDMX 3.0 query: formatVersion 2.0 with labels=both, or 1.0 with labels=name (labels in place of codes)."""
    return (f"{EUROSTAT_API}/sdmx/3.0/data/dataflow/ESTAT/{dataset}/1.0/{key}"
            f"?format=csvdata&formatVersion={version}&labels={labels}&compress=false")


def github_raw(repo: str, commit: str, path: str) -> str:
    """A file re-published in a public repository, pinned to its commit."""
    return f"{GITHUB_RAW}/{repo}/{commit}/{path}"


def _eurostat(id, dataset, key, mirror, title, nuts_version=2021, **opts):
    return Source(id=id, title=title, url=eurostat_sdmx21(dataset, key), mirror_path=mirror, adapter="sdmx_csv",
                  licence=LICENCE_EUROSTAT, credit=f"Source: Eurostat ({dataset})", dataset=dataset,
                  nuts_version=nuts_version, options={"key": key, **opts})


def _national(id, dataset, key, mirror, title, layout):
    version, labels = ("2.0", "both") if layout == "sdmx_csv2" else ("1.0", "name")
    return Source(id=id, title=title, url=eurostat_sdmx30(dataset, key, version, labels),
                  mirror_path=f"eurostat/national/{mirror}", adapter=layout, licence=LICENCE_EUROSTAT,
                  credit=f"Source: Eurostat ({dataset})", dataset=dataset, options={"key": key})


def _gisco_nuts2021(level, sha):
    name = f"NUTS_RG_20M_2021_4326_LEVL_{level}.geojson"
    return Source(id=f"gisco_nuts2021_l{level}", title=f"GISCO NUTS 2021 regions, level {level}, 1:20 million",
                  url=f"{GISCO_BASE}/nuts/geojson/{name}", mirror_path=f"gisco/{name}", adapter="gisco_geojson",
                  licence=LICENCE_GISCO, credit="© EuroGeographics for the administrative boundaries",
                  nuts_version=2021, sha256=sha)


def _urban_rural(id, name, title, sha, unit):
    path = f"test/map-types/bivariate-choropleth/URE/csv/{name}"
    return Source(id=id, title=title, url=github_raw("eurostat/eurostat-map", "6514371", path),
                  mirror_path=f"eurostat/regional/urban-rural-europe/{name}", adapter="urban_rural",
                  licence=LICENCE_EUROSTAT, credit="Source: Eurostat (Urban-rural Europe)", dataset=id,
                  nuts_version=2021, sha256=sha, options={"unit": unit})


def _jrc(level, old, new, sha):
    name = f"n{level}_cm_v{old}_v{new}.csv"
    path = f"data-raw/_JRC_NUTSconverter_Matrices_rel.2025.08/{name}"
    return Source(id=f"jrc_n{level}_{old}_{new}", title=f"JRC NUTS converter, level {level}, {old} to {new}",
                  url=github_raw("ropensci/nuts", "5509ff0", path), mirror_path=f"nuts/jrc_nuts_converter_2025.08/{name}",
                  adapter="jrc_converter", licence=LICENCE_JRC, credit="NUTS converter: European Commission, JRC",
                  sha256=sha, options={"level": level, "from": old, "to": new})


def _unhcr(id, name, title, sha):
    return Source(id=id, title=title, url=github_raw("natix-x/Data-mining-in-Migration-Analysis", "6934b51", f"data/{name}"),
                  mirror_path=f"unhcr/{name}", adapter="unhcr_csv", licence=LICENCE_UNHCR,
                  credit="Source: UNHCR Refugee Data Finder", dataset=id, sha256=sha)


def _grid_tile(xt: int, yt: int, sha: str) -> Source:
    path = f"pub/v2/parquet/1000/{xt}/{yt}.parquet"
    return Source(id=f"census_grid_{xt}_{yt}", title=f"Census 2021 population grid, 1 km, tile {xt}/{yt}",
                  url=github_raw(GRID_REPOSITORY, GRID_COMMIT, path), mirror_path=f"census2021-grid/{path}",
                  adapter="grid_tile", licence=LICENCE_GRID, credit="Source: Eurostat (Census 2021, 1 km grid)",
                  dataset="census2021_grid", sha256=sha, options={"xt": xt, "yt": yt})


def _cities(id, dataset, indicator, name, title, sha):
    return Source(id=id, title=title, url=eurostat_sdmx30(dataset, f"A.{indicator}.*", "2.0", "both"),
                  mirror_path=f"eurostat/cities/{name}", adapter="sdmx_csv2_cities", licence=LICENCE_EUROSTAT,
                  credit=f"Source: Eurostat ({dataset})", dataset=dataset, sha256=sha, options={"key": f"A.{indicator}."})


def _lau(id, repo, commit, name, obj, columns, title, licence, credit, sha):
    return Source(id=id, title=title, url=github_raw(repo, commit, f"data/{name}"), mirror_path=f"lau/{name}",
                  adapter="lau_rda", licence=licence, credit=credit, sha256=sha,
                  options={"object": obj, "columns": columns})


SOURCES: tuple[Source, ...] = (
    # --- Regional Eurostat exports, SDMX-CSV 1.0 with codes -------------------------------------------------
    _eurostat("demo_r_gind3_nuts2", "demo_r_gind3", "A.CNMIGRATRT.", "eurostat/regional/sdmx-csv/demo_r_gind3_CNMIGRATRT_nuts2.csv",
              "Crude rate of net migration plus statistical adjustment, NUTS 2", unit="PER_THS"),
    _eurostat("demo_r_gind3_nuts3", "demo_r_gind3", "A.CNMIGRATRT+JAN.", "eurostat/regional/sdmx-csv/demo_r_gind3_CNMIGRATRT_JAN_nuts3.csv",
              "Crude rate of net migration and population on 1 January, NUTS 3", unit_by={"CNMIGRATRT": "PER_THS", "JAN": "NR"}),
    _eurostat("demo_r_pjanaggr3_nuts2", "demo_r_pjanaggr3", "A.NR.F+M+T.TOTAL+Y_GE65.", "eurostat/regional/sdmx-csv/demo_r_pjanaggr3_nuts2.csv",
              "Population on 1 January by sex, total and aged 65+, NUTS 2"),
    _eurostat("demo_r_pjanaggr3_nuts3", "demo_r_pjanaggr3", "A.NR.T.TOTAL.", "eurostat/regional/sdmx-csv/demo_r_pjanaggr3_nuts3.csv",
              "Population on 1 January, NUTS 3"),
    _eurostat("demo_r_d2jan", "demo_r_d2jan", "A.NR.T.TOTAL.", "eurostat/regional/sdmx-csv/demo_r_d2jan.csv",
              "Population on 1 January, NUTS 0-2"),
    _eurostat("edat_lfs_9917_for", "edat_lfs_9917", "A.PC.T.ED0-2+ED3-8+ED3_4+ED5-8.FOR.Y15-64+Y25-64.",
              "eurostat/regional/sdmx-csv/edat_lfs_9917_FOR.csv", "Educational attainment of the foreign-born, NUTS 0-2"),
    _eurostat("edat_lfs_9917_total", "edat_lfs_9917", "A.PC.T.ED0-2+ED3-8+ED3_4+ED5-8.TOTAL.Y15-64+Y25-64.",
              "eurostat/regional/sdmx-csv/edat_lfs_9917_TOTAL.csv", "Educational attainment of all residents, NUTS 0-2"),
    _eurostat("edat_lfse_16", "edat_lfse_16", "A.PC.T.Y18-24.", "eurostat/regional/sdmx-csv/edat_lfse_16.csv",
              "Early leavers from education and training, NUTS 2"),
    _eurostat("ilc_li41", "ilc_li41", "A.PC.", "eurostat/regional/sdmx-csv/ilc_li41.csv", "At-risk-of-poverty rate, NUTS 2"),
    _eurostat("lfst_r_lfur2gac", "lfst_r_lfur2gac", "A.PC.EU27_2020_FOR+FOR+NEU27_2020_FOR+TOTAL.T.Y15-64.",
              "eurostat/regional/sdmx-csv/lfst_r_lfur2gac.csv", "Unemployment rate 15-64 by country of birth, NUTS 2"),
    _eurostat("migr_imm1ctz", "migr_imm1ctz", "A.EU28_FOR+NAT+NEU28_FOR+STLS+TOTAL+UNK.REACH.TOTAL.NR.T.",
              "eurostat/national/migr_imm1ctz.csv", "Immigration by citizenship group", nuts_version=None),
    # --- National Eurostat exports: SDMX-CSV 2.0 (codes and labels) and SDMX-CSV 1.0 with labels ------------
    _national("lfsa_ergan", "lfsa_ergan", "A.PC.F+M+T.Y15-64.FOR+NAT+TOTAL.*", "employment_rates_yearly.csv",
              "Employment rates by sex, age and citizenship", "sdmx_csv2"),
    _national("lfsa_urgan", "lfsa_urgan", "A.PC.F+M+T.Y15-64.FOR+NAT+TOTAL.*", "unemployment_rates_yearly.csv",
              "Unemployment rates by sex, age and citizenship", "sdmx_csv2"),
    _national("lfsa_egan", "lfsa_egan", "A.THS_PER.F+M+T.Y15-64.TOTAL.*", "employment_by_citizenship.csv",
              "Employment by sex, age and citizenship (thousands)", "sdmx_csv2"),
    _national("lfsa_pganws", "lfsa_pganws", "A.THS_PER.F+M+T.FOR.Y15-64.EMP+INAC+UNE.*",
              "population_by_sex_age_labour_status_foreigners.csv", "Population by citizenship and labour status (thousands)", "sdmx_csv2"),
    _national("edat_lfs_9911", "edat_lfs_9911", "A.PC.T.ED0-2+ED3_4+ED5-8.FOR.Y15-64.*",
              "population_by_educational_attainment_level_and_citizenship.csv", "Educational attainment of foreign citizens", "sdmx_csv2"),
    _national("migr_asyappctza", "migr_asyappctza", "A.TOTAL+UA.T.PER.TOTAL.ASY_APP.*", "asylum_applicants_total.csv",
              "Asylum applicants, annual", "sdmx_csv2"),
    _national("migr_asytpsm", "migr_asytpsm", "M.PER.UA.T.TOTAL.*", "temporary_protection_beneficiaries_monthly.csv",
              "Beneficiaries of temporary protection at the end of the month", "sdmx_csv2"),
    _national("demo_pjanbroad", "demo_pjanbroad", "A.NR.Y15-64.T.*", "population_15_64_age_group.csv",
              "Population on 1 January aged 15-64", "sdmx_csv2"),
    _national("demo_gind", "demo_gind", "A.JAN.*", "country_population.csv", "Population on 1 January (national)", "sdmx_csv_labels"),
    _national("ilc_di15", "ilc_di15", "A.EUR.MED_E.*.T.Y_GE18.*", "mean_and_median_income_by_citizenship.csv",
              "Median equivalised net income by citizenship", "sdmx_csv_labels"),
    _national("tps00170", "tps00170", "A.TOTAL.TOTAL.TOTAL.PER.*", "migration_permits_issued.csv", "First residence permits issued",
              "sdmx_csv_labels"),
    _national("demo_poppcctz", "demo_poppcctz", "A.*.TOTAL.PC.*.*", "proportion_of_population_by_sex_and_citizenship.csv",
              "Population by citizenship group, % of total population", "sdmx_csv_labels"),
    _national("demo_poppcctb", "demo_poppcctb", "A.*.TOTAL.PC.*.*", "proportion_of_population_by_sex_and_country_of_birth.csv",
              "Population by country-of-birth group, % of total population", "sdmx_csv_labels"),
    _national("hlth_silc_24", "hlth_silc_24", "A.T.Y_GE16.*.*.PC.*", "self_perceived_health_by_citizenship.csv",
              "Self-perceived health by citizenship", "sdmx_csv_labels"),
    _national("lfsa_ugan", "lfsa_ugan", "A.THS_PER.*.Y15-74.*.*", "unemployment_by_citizenship.csv",
              "Unemployment by citizenship (thousands)", "sdmx_csv_labels"),
    # --- Compilations and map data ---------------------------------------------------------------------------
    Source(id="europe_locals_nuts2", title="Foreign-born and non-citizen shares by NUTS 2 region (LFS 15+), 2014-2023",
           url=github_raw("paolo-aliprandi/Europe-locals", "a7d17bd", "public/data/demographics/nuts2-2023.json"),
           mirror_path="eurostat/regional/europe-locals/nuts2-2023.json", adapter="europe_locals", licence=LICENCE_EUROSTAT,
           credit="Source: Eurostat (lfst_r_lfsd2pwc, lfst_r_lfsd2pwn, demo_r_pjanaggr3, cens_21cob_r3), compiled by Europe-locals",
           dataset="lfst_r_lfsd2pwc", nuts_version=2024,
           sha256="fcc61da777dde6123b57a30e81c6c6a55d91a850c563b7afe109411af3467fc9"),
    Source(id="europe_locals_country", title="Foreign-born and non-citizen shares by country, 2014-2023",
           url=github_raw("paolo-aliprandi/Europe-locals", "a7d17bd", "public/data/demographics/country-2023.json"),
           mirror_path="eurostat/regional/europe-locals/country-2023.json", adapter="europe_locals", licence=LICENCE_EUROSTAT,
           credit="Source: Eurostat (migr_pop3ctb, migr_pop1ctz, migr_eipre), compiled by Europe-locals",
           dataset="migr_pop3ctb", sha256="9929483f664f3e89aab35f3d8f4e33b2e8ec79ecefaf9f6f1e4b32a461fb7acb"),
    Source(id="ryb2026_labour", title="Regional Yearbook 2026, labour market map data (NUTS 2, 2025)",
           url=github_raw("eurostat/eurostat-map", "403c649", "examples/RYB/2026.zip"),
           archive_member="RYB2026_CH04_Labour_market-for_maps.xlsx",
           mirror_path="eurostat/regional/regional-yearbook-2026/RYB2026_CH04_Labour_market-for_maps.xlsx",
           adapter="yearbook_xlsx", licence=LICENCE_EUROSTAT, credit="Source: Eurostat (Regional Yearbook 2026)",
           dataset="ryb2026_ch04", nuts_version=2024,
           sha256="9458ab34bdbaf72ee6ad34b283e067880fc2b093dfaa58d22b071ac4f69eb696"),
    _urban_rural("ure_netmig", "CH08_M04_avgcruderate_netmig.csv",
                 "Average crude rate of net migration plus statistical adjustment (Urban-rural Europe)",
                 "2e36fcbbcb80b1b226649f17b51c91a04f16be5c4ffcb57dbdf45da043d157f2", "PER_THS"),
    _urban_rural("ure_natchange", "CH08_M03_avgcrudrate_natchange.csv", "Average crude rate of natural change (Urban-rural Europe)",
                 "6daddf92a9a62c253795fcc802e95335127d2f18ea2279f559d9da596832490d", "PER_THS"),
    _urban_rural("ure_popchange", "CH08_M01_avg_popchange.csv", "Average population change (Urban-rural Europe)",
                 "597e2c82dbd2cccb91f6f84951abdbeb7994b16a4cb8f7c66f8d7ab724522c64", "PC"),
    _urban_rural("ure_oldage", "CH08_M02_oldage_deprat.csv", "Old-age dependency ratio (Urban-rural Europe)",
                 "d5a969047d2875b4b2a73798d83444e465e3ceaa60529181fab6c6143e8edbe1", "RATIO"),
    _urban_rural("ure_projpop", "CH02_M01_projpopchang.csv", "Projected population change (Urban-rural Europe)",
                 "dd768375fcbfb7497effa905142b3a41580a0a55bb8305e7f686e0cab148740e", "PC"),
    _urban_rural("ure_gdp", "CH07_M01_gdp_change.csv", "GDP change (Urban-rural Europe)",
                 "7f51796230e995a1c2cf388b9eb44b13fbdd0e33bd230b2cb4a675c38a7c755e", "PC"),
    _unhcr("unhcr_refugees", "refugees_in_EU_plus_UK.csv", "UNHCR: refugees, asylum-seekers and stateless by country of asylum",
           "b98ead43a5e72f3ef206a2500d4545fdd7fc042a7701eba7337fd9ee603dfff2"),
    _unhcr("unhcr_ukraine_eu", "ukraine_refugees_in_EU.csv", "UNHCR: refugees from Ukraine by EU country of asylum",
           "0cb74afc16bc3ec241afa52637e919d9493252335f8b70bff5e839dbcd5aacc2"),
    _unhcr("unhcr_ukraine_total", "ukraine_refugees_total.csv", "UNHCR: refugees from Ukraine, all countries of asylum",
           "07bca7b97e6d5512899c88a875ca102440c83b15920bb0e8d51cf9c151d7fa21"),
    # --- NUTS reference: boundaries, code lists and typologies, version converters ---------------------------
    _gisco_nuts2021(0, "bc44b301c7f8537b35b963b559f803f633d65b2756c9bd47e802f10f8840cff7"),
    _gisco_nuts2021(1, "3b0c94d262cf2962f84008f6100f6735d98d57d31624e914f3f83ab259a7089b"),
    _gisco_nuts2021(2, "09300511ff7b2c1947420cf831bb7ce5a1a2b292aa6b0858df6491511d67e964"),
    _gisco_nuts2021(3, "7261169b7fc3b20c6e76e0e835433502c42574d3a826b0be042ff223c976a819"),
    Source(id="gisco_nuts2024", title="GISCO NUTS 2024 regions, levels 0-3, 1:20 million",
           url=f"{GISCO_BASE}/nuts/geojson/NUTS_RG_20M_2024_4326.geojson", mirror_path="gisco/NUTS_RG_20M_2024_4326.geojson",
           adapter="gisco_geojson", licence=LICENCE_GISCO, credit="© EuroGeographics for the administrative boundaries",
           nuts_version=2024, sha256="ee140dff5fb87fb2f5674d0934f2aef52463dace82b13a63c15462d15312daec"),
    Source(id="gisco_countries", title="GISCO countries 2024, 1:60 million (background layer)",
           url=github_raw("eurostat/eurostat-map", "dbc724f", "src/assets/topojson/world-topo-60M.json"),
           mirror_path="gisco/CNTR_RG_60M_2024_4326.topojson.json", adapter="gisco_topojson", licence=LICENCE_GISCO,
           credit="© EuroGeographics for the administrative boundaries",
           sha256="21027f91464235633b19934ce6339f5f40f28920cb6f74c857358cc15926ccaf"),
    # The workbooks are fetched from Eurostat's NUTS history page, which re-issues them; no fixed checksum.
    Source(id="nuts_2024_workbook", title="NUTS 2024 classification: code list, 2021-2024 changes, NUTS-3 typologies",
           url="https://ec.europa.eu/eurostat/documents/345175/629341/NUTS2021-NUTS2024.xlsx",
           mirror_path="nuts/NUTS2021-NUTS2024.xlsx", adapter="nuts_workbook", licence=LICENCE_EUROSTAT,
           credit="Source: Eurostat (NUTS classification)", nuts_version=2024),
    Source(id="nuts_2021_workbook", title="NUTS 2021 classification: code list, 2016-2021 changes, NUTS-3 typologies",
           url="https://ec.europa.eu/eurostat/documents/345175/629341/NUTS2021.xlsx",
           mirror_path="nuts/NUTS2021.xlsx", adapter="nuts_workbook", licence=LICENCE_EUROSTAT,
           credit="Source: Eurostat (NUTS classification)", nuts_version=2021),
    _jrc(1, 2016, 2021, "13e57c031b98a704c7222cd86706f527fd774af0c323071eeb4490a18116cf63"),
    _jrc(1, 2021, 2024, "34b58e50d32bbe3bf8375f353862e5b70f9e4821477305be1270a62943a715f4"),
    _jrc(2, 2016, 2021, "c88bcd429fb0bb4ce289657aef55d8ef983bed10215cb0c82d3d469a606cc13a"),
    _jrc(2, 2016, 2024, "66fa6baee108d13b2682ee3b4558feaee89e901c7ba71f77cf48dd833136a031"),
    _jrc(2, 2021, 2024, "41f54289106d53e7fd672be5327de5f2ebfbcc0b89441e737994c168ee549a14"),
    _jrc(3, 2016, 2021, "4aea5b9658b60bf94b951e5d570fcbca3f04e6c9b1f5d9c85adf13114dd44ebd"),
    _jrc(3, 2016, 2024, "6af30d0095724d72b3295a345505262ce403dbf828237735dbdc292462c8ef46"),
    _jrc(3, 2021, 2024, "de89e05ac07c111a694d96a60287e8d664f4ae3a6e815f355cebedf3d998cdd9"),
    # --- The local layer: Census 2021 1 km grid, every municipality --------------------------------------------
    Source(id="census_grid_info", title="Census 2021 population grid: the tiling (tile size, resolution, origin)",
           url=github_raw(GRID_REPOSITORY, GRID_COMMIT, "pub/v2/parquet/1000/info.json"),
           mirror_path="census2021-grid/pub/v2/parquet/1000/info.json", adapter="grid_info", licence=LICENCE_GRID,
           credit="Source: Eurostat (Census 2021, 1 km grid)", dataset="census2021_grid", sha256=GRID_INFO_SHA256),
    *(_grid_tile(xt, yt, sha) for xt, yt, sha in TILES),
    _lau("lau_2020", "EDJNet/streetnamer", "7d411a6", "sn_lau_by_nuts.rda", "sn_lau_by_nuts",
         ["gisco_id", "country", "nuts_2", "nuts_3", "lau_name", "population", "longitude", "latitude",
          "nuts_3_name", "nuts_3_name_latin", "lau_label"],
         "Municipalities (LAU 2020) with NUTS 2021 codes and population-weighted centres", LICENCE_GISCO,
         "© EuroGeographics; LAU 2020 (Eurostat/GISCO), centres by EDJNet",
         "0879f7a1233a9e58fdfaacefbe48c9b0ea7ff71767338e1e3144c14629ccc402"),
    _lau("lau_2019", "rOpenGov/regions", "0890afe", "nuts_lau_2019.rda", "nuts_lau_2019",
         ["gisco_id", "lau_code", "lau_name_national", "lau_name_latin", "population", "degurba", "code_2016"],
         "LAU 2019 - NUTS 2016 correspondence with the degree of urbanisation", LICENCE_EUROSTAT,
         "Source: Eurostat (LAU 2019 - NUTS 2016 correspondence)",
         "0df888f8c4cbd4fda5a3c2b64ba2bfb8d398dc885ea8faaf2f5c2bbd02217980"),
    # --- Cities (Urban Audit) ------------------------------------------------------------------------------------
    _cities("urb_cpopcb", "urb_cpopcb", "DE2009V", "urb_cpopcb_page_linear_2_0.csv",
            "Foreign-born residents of cities and greater cities (Urban Audit)",
            "a7cb915efa517360fcba787700b0c16c5ab5d77458a3fd52157ededb6009f8f1"),
    _cities("urb_cpop1", "urb_cpop1", "DE1001V", "urb_cpop1_page_linear_2_0.csv",
            "Population of cities and greater cities on 1 January (Urban Audit)",
            "1b668676726d8b25df4eac3d85f7f449009411f84ba03a88c1c204cfd3493676"),
    Source(id="urau_cities_2021", title="Urban Audit 2021 cities as points, with their NUTS 3 (2021) codes",
           url=github_raw("riatelab/map-templates", "bc5b0ac", "input/eu/URAU_LB_2021_4326_CITIES.geojson"),
           mirror_path="gisco/URAU_LB_2021_4326_CITIES.geojson", adapter="urau_points", licence=LICENCE_GISCO,
           credit="© EuroGeographics for the administrative boundaries", nuts_version=2021,
           sha256="39edcedd620f8c509e15c1497a4c8b9261f7d5a3c9c85b18ae8fdf0e0a53b28c"),
    # --- National deep dives: Spain's municipalities, Italy's reception system ----------------------------------
    Source(id="ine_68538", title="Spain: population of every municipality by sex and place of birth (INE 68538)",
           url=github_raw("jcpernias/env-badges", "c7284b8", "data/orig/68538.csv.xz"),
           mirror_path="national/es/68538.csv.xz", adapter="ine_68538", licence=LICENCE_INE,
           credit="Fuente: INE (tabla 68538)", dataset="ine_68538",
           sha256="45d1151cd7916b04497672f1be827c34979b34cae2907996c81ba8a348fbf9aa"),
    Source(id="ine_mun_codes", title="Spain: INE municipality code list",
           url=github_raw("jcpernias/env-badges", "c7284b8", "data/orig/ine_mun_codes.csv"),
           mirror_path="national/es/ine_mun_codes.csv", adapter="ine_codes", licence=LICENCE_INE,
           credit="Fuente: INE", sha256="a6e3191817432cd8512edbcc87b87fead271c29ffcefce4aa466b5e477ceec7a"),
    Source(id="it_accoglienza", title="Italy: people in the reception system by region and report date",
           url=github_raw("ondata/liberiamoli-tutti", "04e6d28", "sbarchi-migranti/dati/accoglienza.csv"),
           mirror_path="national/it/accoglienza.csv", adapter="accoglienza", licence=LICENCE_CC_BY,
           credit="Fonte: Liberiamoli tutti! (dati Ministero dell'Interno), CC BY 4.0", dataset="it_accoglienza",
           sha256="4a9ea7775f85a6ac8edad37a6b52714f30753fbf908650453af940e4bc822420"),
)

BY_ID: dict[str, Source] = {s.id: s for s in SOURCES}
assert len(BY_ID) == len(SOURCES), "source ids must be unique"


def get_source(source_id: str) -> Source:
    """The manifest entry for ``source_id``; KeyError names the known ids."""
    try:
        return BY_ID[source_id]
    except KeyError:
        raise KeyError(f"unknown source {source_id!r}; known: {', '.join(sorted(BY_ID))}") from None
