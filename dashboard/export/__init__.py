"""Exports that stand on their own: chart images, CSV with metadata, region briefings and roundtable packs.

No streamlit here: the pages call these functions, and so does ``python -m dashboard.export``.
"""
