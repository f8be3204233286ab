"""Below the NUTS levels: the Census 2021 1 km grid, towns, cities, municipalities, reception."""
