"""Explicit label-to-code maps for the SDMX-CSV exports that carry labels instead of codes.

Names that are not listed here are reported, never guessed.
"""

COUNTRY_CODES = {
    "Albania": "AL", "Andorra": "AD", "Armenia": "AM", "Austria": "AT", "Azerbaijan": "AZ", "Belarus": "BY",
    "Belgium": "BE", "Bosnia and Herzegovina": "BA", "Bulgaria": "BG", "Croatia": "HR", "Cyprus": "CY",
    "Czechia": "CZ", "Denmark": "DK", "Estonia": "EE", "Finland": "FI", "France": "FR", "Georgia": "GE",
    "Germany": "DE", "Greece": "EL", "Hungary": "HU", "Iceland": "IS", "Ireland": "IE", "Italy": "IT",
    "Kosovo*": "XK", "Latvia": "LV", "Liechtenstein": "LI", "Lithuania": "LT", "Luxembourg": "LU", "Malta": "MT",
    "Moldova": "MD", "Monaco": "MC", "Montenegro": "ME", "Netherlands": "NL", "North Macedonia": "MK",
    "Norway": "NO", "Poland": "PL", "Portugal": "PT", "Romania": "RO", "Russia": "RU", "San Marino": "SM",
    "Serbia": "RS", "Slovakia": "SK", "Slovenia": "SI", "Spain": "ES", "Sweden": "SE", "Switzerland": "CH",
    "Türkiye": "TR", "Ukraine": "UA", "United Kingdom": "UK",
    # Aggregates, as Eurostat codes them.
    "European Union - 27 countries (from 2020)": "EU27_2020",
    "European Union - 28 countries (2013-2020)": "EU28",
    "European Union - 27 countries (2007-2013)": "EU27_2007",
    "Euro area – 20 countries (from 2023)": "EA20",
    "Euro area - 19 countries  (2015-2022)": "EA19",
    "Euro area - 18 countries (2014)": "EA18",
    "European Free Trade Association": "EFTA",
}

# Dimension labels whose codes are certain; other labels stay as published (and are reported).
DIMENSION_CODES = {
    "freq": {"Annual": "A", "Monthly": "M", "Quarterly": "Q"},
    "sex": {"Total": "T", "Females": "F", "Males": "M"},
    "citizen": {
        "Total": "TOTAL", "Foreign country": "FOR", "Reporting country": "NAT", "Stateless": "STLS",
        "Foreign country and stateless": "FOR_STLS", "No response": "NRP",
        "EU27 countries (from 2020) except reporting country": "EU27_2020_FOR",
        "EU28 countries (2013-2020) except reporting country": "EU28_FOR",
        "Non-EU27 countries (from 2020) nor reporting country": "NEU27_2020_FOR",
        "Non-EU28 countries (2013-2020) nor reporting country": "NEU28_FOR",
        "European Free Trade Association except reporting country": "EFTA_FOR",
    },
    "unit": {"Percentage": "PC", "Euro": "EUR", "Thousand persons": "THS_PER", "Person": "PER", "Number": "NR"},
    "indic_de": {"Population on 1 January - total": "JAN"},
    "indic_il": {"Median equivalised net income": "MED_E"},
    "age": {"Total": "TOTAL", "18 years or over": "Y_GE18", "16 years or over": "Y_GE16",
            "From 15 to 74 years": "Y15-74", "From 15 to 64 years": "Y15-64"},
    "lev_perc": {"Very good": "VG", "Good": "G", "Fair": "FAIR", "Bad": "B", "Very bad": "VB", "Bad or very bad": "B_VB",
                 "Very good or good": "VG_G"},
    "reason": {"Total": "TOTAL"},
    "duration": {"Total": "TOTAL"},
}
DIMENSION_CODES["c_birth"] = DIMENSION_CODES["citizen"]

# UNHCR uses ISO 3166 alpha-3; Eurostat writes Greece EL and the United Kingdom UK.
ISO3_TO_EUROSTAT = {
    "AUT": "AT", "BEL": "BE", "BGR": "BG", "HRV": "HR", "CYP": "CY", "CZE": "CZ", "DNK": "DK", "EST": "EE",
    "FIN": "FI", "FRA": "FR", "DEU": "DE", "GRC": "EL", "HUN": "HU", "IRL": "IE", "ITA": "IT", "LVA": "LV",
    "LTU": "LT", "LUX": "LU", "MLT": "MT", "NLD": "NL", "POL": "PL", "PRT": "PT", "ROU": "RO", "SVK": "SK",
    "SVN": "SI", "ESP": "ES", "SWE": "SE", "GBR": "UK", "NOR": "NO", "CHE": "CH", "ISL": "IS", "LIE": "LI",
    "UKR": "UA", "TUR": "TR", "SRB": "RS", "ALB": "AL", "MNE": "ME", "MKD": "MK", "BIH": "BA", "MDA": "MD",
}
