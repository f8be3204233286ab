"""Figures and maps: plotly figures, the map component, boundary files and their routes."""
