"""The lines that must travel with every map and every number."""

BOUNDARIES = "© EuroGeographics for the administrative boundaries"


def map_credit(dataset_codes: list[str] | None = None) -> str:
    """The credit line for a map: data sources, then the boundary attribution GISCO requires."""
    data = f"Source: Eurostat ({', '.join(dataset_codes)})" if dataset_codes else ""
    return f"{data} · {BOUNDARIES}" if data else BOUNDARIES

# GISCO's own wording of the notice in French and German (its copyright page gives all three).
BOUNDARIES_BY_LANG = {"en": BOUNDARIES, "fr": "© EuroGeographics pour les limites administratives",
                      "de": "© EuroGeographics bezüglich der Verwaltungsgrenzen"}


def boundaries(lang: str = "en") -> str:
    """The boundary attribution in ``lang`` (English when the language has no wording)."""
    return BOUNDARIES_BY_LANG.get(lang, BOUNDARIES)
