"""The town page's URL parameters (``lau``, ``radius``, ``measure``): parsed without echoing what a link held."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.i18n import tr
from indicators.local import MEASURES

RADII = (2, 5, 10)  # on the page; the CLI also offers 20 km
DEFAULT_RADIUS = 5
DEFAULT_MEASURE = "born_abroad"
_GISCO_ID = re.compile(r"^[A-Z]{2}_[A-Za-z0-9]{1,20}$")


@dataclass
class TownView:
    """What the town page shows."""

    lau: str | None = None
    radius: int = DEFAULT_RADIUS
    measure: str = DEFAULT_MEASURE


def parse(params: dict, is_known, lang: str = "en") -> tuple[TownView, list[str]]:
    """A TownView from query parameters (``is_known(id)`` says whether a municipality exists), and warnings
    in ``lang``."""
    view, warnings = TownView(), []
    lau, radius, measure = params.get("lau"), params.get("radius"), params.get("measure")
    if lau is not None:
        if len(lau) <= 24 and _GISCO_ID.match(lau) and is_known(lau):
            view.lau = lau
        else:
            warnings.append(tr("The link names an unknown municipality; find one below.", lang))
    if radius is not None:
        if radius in {str(r) for r in RADII}:
            view.radius = int(radius)
        else:
            warnings.append(tr("The link's radius is not one of {radii} km; showing {radius} km.", lang,
                               radii=", ".join(map(str, RADII)), radius=DEFAULT_RADIUS))
    if measure is not None:
        if measure in MEASURES:
            view.measure = measure
        else:
            warnings.append(tr("The link names an unknown measure; showing born abroad.", lang))
    return view, warnings


def to_params(view: TownView) -> dict[str, str]:
    """The query parameters that reproduce the town view (defaults left out)."""
    params = {"lau": view.lau} if view.lau else {}
    if view.radius != DEFAULT_RADIUS:
        params["radius"] = str(view.radius)
    if view.measure != DEFAULT_MEASURE:
        params["measure"] = view.measure
    return params
