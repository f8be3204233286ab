"""The lines that must travel with every map and every number."""

BOUNDARIES = "© EuroGeographics for the administrative boundaries"


def map_credit(dataset_codes: list[str] | None = None) -> str:
    """The credit line for a map: data sources, then the boundary attribution GISCO requires."""
    data = f"Source: Eurostat ({', '.join(dataset_codes)})" if dataset_codes else ""
    return f"{data} · {BOUNDARIES}" if data else BOUNDARIES
