"""Page labels in English, French and German (summaries are translated in indicators.summary)."""

from __future__ import annotations

LANGUAGES = {"en": "English", "fr": "Français", "de": "Deutsch"}

_LABELS = {
    "map": ("Map", "Carte", "Karte"),
    "region": ("Region profile", "Profil de région", "Regionsprofil"),
    "compare": ("Compare", "Comparer", "Vergleichen"),
    "most_affected": ("Most affected", "Les plus concernées", "Am stärksten betroffen"),
    "data_gaps": ("Data gaps", "Lacunes des données", "Datenlücken"),
    "sources": ("Sources and methods", "Sources et méthodes", "Quellen und Methoden"),
    "status": ("Data status", "État des données", "Datenstand"),
    "indicator": ("Indicator", "Indicateur", "Indikator"),
    "level": ("NUTS level", "Niveau NUTS", "NUTS-Ebene"),
    "year": ("Year", "Année", "Jahr"),
    "language": ("Language", "Langue", "Sprache"),
    "classes": ("Class breaks", "Classes", "Klassen"),
    "no_data": ("No data", "Pas de données", "Keine Daten"),
    "not_covered": ("Not covered", "Hors couverture", "Nicht erfasst"),
    "data_as_of": ("Data as of", "Données au", "Datenstand"),
    "sources_on_screen": ("Sources", "Sources", "Quellen"),
    "find_region": ("Find a region by name or code", "Chercher une région (nom ou code)",
                    "Region nach Name oder Code suchen"),
    "flagged": ("Flagged values", "Valeurs signalées", "Gekennzeichnete Werte"),
    "table": ("The values on the map", "Les valeurs de la carte", "Die Werte der Karte"),
    "summary": ("In short", "En bref", "Kurz gesagt"),
    "trends": ("Trends", "Tendances", "Entwicklung"),
    "peers": ("Similar regions", "Régions similaires", "Ähnliche Regionen"),
    "origins": ("Top countries of birth (Census 2021)", "Principaux pays de naissance (recensement 2021)",
                "Häufigste Geburtsländer (Zensus 2021)"),
    "missing": ("What is missing for this region", "Ce qui manque pour cette région", "Was für diese Region fehlt"),
    "headline": ("Headline figures", "Chiffres clés", "Kennzahlen"),
    "weights": ("Weights", "Pondérations", "Gewichte"),
    "countries": ("Countries", "Pays", "Länder"),
    "typology": ("Territorial type (NUTS 3)", "Type de territoire (NUTS 3)", "Gebietstyp (NUTS 3)"),
    "ranked": ("Ranked regions", "Classement des régions", "Rangliste der Regionen"),
    "regions": ("Regions (up to 12)", "Régions (12 au plus)", "Regionen (bis zu 12)"),
    "peers_of": ("…or the peers of", "…ou les pairs de", "…oder die Vergleichsregionen von"),
    "town": ("Town (1 km grid)", "Commune (grille 1 km)", "Gemeinde (1-km-Raster)"),
    "x_axis": ("Horizontal axis", "Axe horizontal", "Waagerechte Achse"),
    "y_axis": ("Vertical axis", "Axe vertical", "Senkrechte Achse"),
    "download_data": ("Download the full tidy data (CSV)", "Télécharger toutes les données (CSV)",
                      "Alle Daten herunterladen (CSV)"),
}
_INDEX = {"en": 0, "fr": 1, "de": 2}


def t(key: str, lang: str) -> str:
    """The label ``key`` in ``lang`` (English when the language is unknown)."""
    return _LABELS[key][_INDEX.get(lang, 0)]
