"""plotly.js's official geo bundle (npm ``plotly.js-geo-dist-min``, README's set-up) at plotly.py's plotly.js version:
the map page's component and the static embeds load it instead of the full 4.8 MB plotly.js, since their maps draw
only choropleth and scattergeo traces. No streamlit here: the exports import it too."""

from __future__ import annotations

from pathlib import Path

import orjson
from plotly.offline import get_plotlyjs_version

PLOTLY_VERSION = get_plotlyjs_version()
GEO_PACKAGE = "plotly.js-geo-dist-min"
INSTALL = f"npm install --no-save --no-package-lock {GEO_PACKAGE}@{PLOTLY_VERSION}"
BUNDLE_DIR = Path(__file__).resolve().parents[2] / "node_modules" / GEO_PACKAGE


def geo_bundle(folder: Path = BUNDLE_DIR) -> Path:
    """The geo bundle's file, checked: present, and the plotly.js version of plotly.py's figures.

    Why it stops the app: a quiet fallback to the full bundle would hide a missing install step (and keep the
    4.8 MB), and a bundle of another version can draw a figure differently from the images plotly.py makes."""
    try:
        installed = orjson.loads((folder / "package.json").read_bytes())["version"]
    except (OSError, ValueError, KeyError) as error:
        raise RuntimeError(f"plotly.js's geo bundle is missing from {folder} ({error}); install it at the "
                           f"project's root: {INSTALL}") from error
    if installed != PLOTLY_VERSION:
        raise RuntimeError(f"{GEO_PACKAGE} {installed} does not match plotly.py's plotly.js {PLOTLY_VERSION}: "
                           f"{INSTALL}")
    return folder / "plotly-geo.min.js"
