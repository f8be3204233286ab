"""The view's state and the URL: every choice is a query parameter, so a copied link reopens the same view.

Parsing is pure (``parse``) and never echoes what a link contained: a bad value gives a short warning and
the default. ``sync`` seeds widget state from the URL once per session and writes the choices back.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from dashboard.i18n import LANGUAGES
from indicators.presets import CANDIDATES, OWN, PRESETS
from indicators.registry import REGISTRY

DEFAULT_INDICATOR = "net_migration_rate"
SCHEMES = ("quantiles", "natural_breaks", "equal_interval")
# the NUTS 3 typologies, then the municipal ranking's filters (degree of urbanisation, size band, NUTS 2/3 region)
LAU_FILTERS = ("degurba", "size", "nuts")
TYPOLOGIES = ("urban_rural", "coastal", "metro", "border", "island", "mountain", *LAU_FILTERS)
LAU = "lau"  # most affected: the municipalities' level
MAX_PARAM = 500  # characters; longer values are refused whole
MAX_REGIONS = 12
# what the map page draws: the regions, the 5 km grid, or a local layer (the map page's radio and toggle)
LAYERS = ("regions", "grid", "cities", "es_municipalities", "it_reception")
_CODE = re.compile(r"^[A-Z]{2}[A-Z0-9]{0,3}$")
_ID = re.compile(r"^[a-z0-9_]{1,64}$")


@dataclass(frozen=True)
class WeightScale:
    """The one contract for a most-affected weight: the URL parser and the sliders both read it."""

    low: float = 0.0
    high: float = 3.0
    step: float = 0.25

    def accepts(self, weight: float) -> bool:
        """True for a finite weight in range and on a step (so the slider can show it exactly)."""
        return math.isfinite(weight) and self.low <= weight <= self.high and \
            round((weight - self.low) / self.step, 9).is_integer()

    def describe(self) -> str:
        return f"from {self.low:g} to {self.high:g} in steps of {self.step:g}"


WEIGHTS = WeightScale()
_WEIGHTED = {i for candidates in CANDIDATES.values() for i in candidates}  # indicators the score can weight


@dataclass(frozen=True)
class View:
    """Everything a page needs to know about what the user asked for (change it with dataclasses.replace)."""

    indicator: str = DEFAULT_INDICATOR
    level: int | str | None = None  # a NUTS level, or LAU (most affected's municipalities)
    year: int | None = None
    geo: str | None = None
    geos: list[str] = field(default_factory=list)
    peers_of: str | None = None
    preset: str | None = None  # a most-affected preset id or "own"; None: the page's default
    weights: dict[str, float] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)
    outside_eu: bool = False  # most affected: rank regions outside the EU-27 too
    typology: dict[str, list[str]] = field(default_factory=dict)  # typology -> accepted values (OR within)
    lang: str = "en"
    scheme: str = "quantiles"
    embed: bool = False
    layer: str = "regions"


def parse(params: dict[str, str], known_geos: set[str]) -> tuple[View, list[str]]:
    """A View from query parameters (values as strings), and the warnings for what was refused."""
    fields, warnings = {}, []

    def get(name):
        value = params.get(name)
        if value is None:
            return None
        if len(value) > MAX_PARAM:
            warnings.append(f"The link's '{name}' parameter is too long and was ignored.")
            return None
        return value

    if (v := get("indicator")) is not None:
        if v in REGISTRY:
            fields["indicator"] = v
        else:
            warnings.append("The link names an unknown indicator; showing the default one.")
    if (v := get("level")) is not None:
        if v in ("0", "1", "2", "3"):
            fields["level"] = int(v)
        elif v == LAU:
            fields["level"] = LAU
        else:
            warnings.append("The link's NUTS level is not 0-3; showing the default level.")
    if (v := get("year")) is not None:
        if re.fullmatch(r"(19|20)\d\d", v):
            fields["year"] = int(v)
        else:
            warnings.append("The link's year is not a year; showing the latest one.")
    if (v := get("geo")) is not None:
        if _CODE.match(v) and v in known_geos:
            fields["geo"] = v
        else:
            warnings.append("The link names an unknown region; pick one below.")
    if (v := get("geos")) is not None:
        codes = [c for c in v.split(",") if c]
        good = [c for c in codes if _CODE.match(c) and c in known_geos]
        if len(good) != len(codes):
            warnings.append("Some regions in the link are unknown and were left out.")
        if len(good) > MAX_REGIONS:
            warnings.append(f"At most {MAX_REGIONS} regions can be compared; the first {MAX_REGIONS} are shown.")
        fields["geos"] = list(dict.fromkeys(good))[:MAX_REGIONS]
    if (v := get("peers_of")) is not None:
        if _CODE.match(v) and v in known_geos:
            fields["peers_of"] = v
        else:
            warnings.append("The link asks for the peers of an unknown region.")
    if (v := get("preset")) is not None:
        if v in PRESETS or v == OWN:
            fields["preset"] = v
        else:
            warnings.append("The link names an unknown ranking preset; showing the default one.")
    if (v := get("weights")) is not None:
        weights = {}
        for part in v.split(","):
            key, _, number = part.partition(":")
            try:
                w = float(number)
            except ValueError:
                w = None
            if not _ID.match(key) or key not in _WEIGHTED or w is None or not WEIGHTS.accepts(w):
                warnings.append(f"Some weights in the link are not valid (a weighted indicator:number {WEIGHTS.describe()})"
                                " and were left out.")
                continue
            weights[key] = w
        fields["weights"] = weights
    if (v := get("countries")) is not None:
        codes = [c for c in v.split(",") if c]
        good = [c for c in codes if re.fullmatch(r"[A-Z]{2}", c) and c in known_geos]
        if len(good) != len(codes):
            warnings.append("Some countries in the link are unknown and were left out.")
        fields["countries"] = good
    if (v := get("outside_eu")) is not None:
        if v in ("0", "1"):
            fields["outside_eu"] = v == "1"
        else:
            warnings.append("The link's outside_eu is not 0 or 1; ranking the EU-27 only.")
    if (v := get("typology")) is not None:
        typology = fields["typology"] = {}
        for part in v.split(","):  # a typology named twice accepts either value (OR)
            key, _, value = part.partition(":")
            if key in TYPOLOGIES and value and len(value) <= 80 and re.fullmatch(r"[\w \-()<>=%.]+", value):
                if value not in typology.setdefault(key, []):
                    typology[key].append(value)
            else:
                warnings.append("A territorial-type filter in the link is not valid and was left out.")
    if (v := get("lang")) is not None:
        if v in LANGUAGES:
            fields["lang"] = v
        else:
            warnings.append("The link's language is not one of en, fr, de, it, es; showing English.")
    if (v := get("scheme")) is not None:
        if v in SCHEMES:
            fields["scheme"] = v
        else:
            warnings.append("The link's class scheme is unknown; using quantiles.")
    if (v := get("layer")) is not None:
        if v in LAYERS:
            fields["layer"] = v
        else:
            warnings.append("The link names an unknown map layer; showing the regions.")
    return View(**fields), warnings


def to_params(view: View) -> dict[str, str]:
    """The query parameters that reproduce ``view`` (defaults left out, to keep links short)."""
    params = {"indicator": view.indicator}
    if view.level is not None:
        params["level"] = str(view.level)
    if view.year is not None:
        params["year"] = str(view.year)
    if view.geo:
        params["geo"] = view.geo
    if view.geos:
        params["geos"] = ",".join(view.geos)
    if view.peers_of:
        params["peers_of"] = view.peers_of
    if view.preset:
        params["preset"] = view.preset
    if view.weights:
        params["weights"] = ",".join(f"{k}:{w:g}" for k, w in view.weights.items())
    if view.countries:
        params["countries"] = ",".join(view.countries)
    if view.outside_eu:
        params["outside_eu"] = "1"
    if view.typology:
        params["typology"] = ",".join(f"{k}:{v}" for k, values in view.typology.items() for v in values)
    if view.lang != "en":
        params["lang"] = view.lang
    if view.scheme != "quantiles":
        params["scheme"] = view.scheme
    if view.layer != "regions":
        params["layer"] = view.layer
    return params  # embed is not written: Streamlit keeps the embed parameter in the URL itself
