"""The briefing's locator map: the region in its country's European part, an outermost region in its own frame."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from dashboard.export import pdf
from dashboard.export.images import figure_image
from bench.browser_support import SCREENSHOTS


def _extent(fig) -> tuple[float, float]:
    """Longitude and latitude spans of everything the locator draws (what fitbounds fits)."""
    points = []

    def walk(part):
        if part and isinstance(part[0], (int, float)):
            points.append(part[:2])
        else:
            for item in part:
                walk(item)

    for feature in fig.data[0].geojson["features"]:
        walk(feature["geometry"]["coordinates"])
    lons, lats = np.array(points).T
    return lons.max() - lons.min(), lats.max() - lats.min()


@pytest.mark.parametrize("geo, most", [
    ("FR106", (16, 11)), ("FRM0", (16, 11)), ("FR", (16, 11)),  # France's mainland and Corse: 14.5° x 10°
    ("FRY1", (3, 3)), ("FRY10", (3, 3)), ("FRY2", (3, 3)),  # Guadeloupe, Martinique: their own frame
    ("ES703", (5, 3)),  # El Hierro among the Canary Islands
    ("AT126", (10, 3)),  # Austria, as before
])
def test_the_locator_frames_the_european_part_or_the_region_s_own_frame(store, geo, most):
    fig = pdf._locator(store, geo)
    assert geo in fig.data[0].locations
    width, height = _extent(fig)
    assert width <= most[0] and height <= most[1], f"{geo}: the locator spans {width:.0f}° x {height:.0f}°"


@pytest.mark.slow  # renders in chromium (kaleido)
@pytest.mark.parametrize("geo, share", [("FR106", 0.15), ("FRM0", 0.15), ("AT126", 0.15),
                                        ("FRY1", 0.012)])  # small islands in their own frame
def test_the_locator_draws_the_country_large(store, geo, share):
    data = figure_image(pdf._locator(store, geo), "png", (420, 364))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"locator_{geo}.png").write_bytes(data)
    pixels = np.array(Image.open(io.BytesIO(data)).convert("RGB")).astype(int)
    drawn = (np.abs(pixels - 255).sum(axis=2) > 30).mean()  # anything not white
    assert drawn > share, f"{geo}: only {drawn:.1%} of the locator is drawn"
