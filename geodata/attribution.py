"""The lines that must travel with every map and every number."""

BOUNDARIES = "© EuroGeographics for the administrative boundaries"
