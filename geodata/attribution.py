"""The lines that must travel with every map and every number."""

BOUNDARIES = "© EuroGeographics for the administrative boundaries"


# GISCO's own wording of the notice in French and German (its copyright page gives all three).
BOUNDARIES_BY_LANG = {"en": BOUNDARIES, "fr": "© EuroGeographics pour les limites administratives",
                      "de": "© EuroGeographics bezüglich der Verwaltungsgrenzen"}


def boundaries(lang: str = "en") -> str:
    """The boundary attribution in ``lang`` (English when the language has no wording)."""
    return BOUNDARIES_BY_LANG.get(lang, BOUNDARIES)
