"""The view's state and the URL: every choice is a query parameter, so a copied link reopens the same view.

``PARAMS`` declares every URL parameter once: its name, its type (how it is read from and written to the URL,
and which values it allows), its default, the pages that read it and the warning a bad value gives. Parsing
(``parse``), the warnings (in the reader's language: ``lang`` is read first), the links (``to_params``, ``href``)
and the hostile-input tests' parameter list all come from that table. Parsing never echoes what a link held: a
bad value gives a short warning and the default.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, make_dataclass
from urllib.parse import urlencode

from dashboard.i18n import LANGUAGES, number, tr
from dashboard.i18n import language as i18n_language
from dashboard.pages import PAGES
from indicators.regions.classes import SCHEMES as _CLASS_SCHEMES
from indicators.places.local import MEASURES
from indicators.regions.presets import CANDIDATES, OWN, PRESETS
from indicators.registry import REGISTRY

DEFAULT_INDICATOR = "net_migration_rate"
SCHEMES = tuple(_CLASS_SCHEMES)  # the class schemes indicators.regions.classes knows, in the pickers' order
# the NUTS 3 typologies, then the municipal ranking's filters (degree of urbanisation, size band, NUTS 2/3 region)
LAU_FILTERS = ("degurba", "size", "nuts")
TYPOLOGIES = ("urban_rural", "coastal", "metro", "border", "island", "mountain", *LAU_FILTERS)
LAU = "lau"  # most affected: the municipalities' level
MAX_PARAM = 500  # characters; longer values are refused whole
MAX_REGIONS = 12
# what the map page draws: the regions, the 5 km grid, or a local layer (the map page's radio and toggle)
LAYERS = ("regions", "grid", "cities", "es_municipalities", "it_reception")
RADII = (2, 5, 10)  # the town page's circles in km; the CLI also offers 20 km
_CODE = re.compile(r"[A-Z]{2}[A-Z0-9]{0,3}")
_COUNTRY = re.compile(r"[A-Z]{2}")
_ID = re.compile(r"[a-z0-9_]{1,64}")
_TYPE_VALUE = re.compile(r"[\w \-()<>=%.]{1,80}")  # a typology value as Eurostat writes them
_GISCO_ID = re.compile(r"[A-Z]{2}_[A-Za-z0-9]{1,20}")


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

    def describe(self, lang: str = "en") -> str:
        """'from 0 to 3 in steps of 0.25', in ``lang``."""
        def said(x: float) -> str:
            return format(x, "g") if lang == "en" else number(x, len(format(x, "g").partition(".")[2]), lang)

        return tr("from {low} to {high} in steps of {step}", lang, low=said(self.low), high=said(self.high),
                  step=said(self.step))


WEIGHTS = WeightScale()
_WEIGHTED = {i for candidates in CANDIDATES.values() for i in candidates}  # indicators the score can weight


# --- the types of parameter: each reads a URL value (raising Refused, or saying it kept only part) and writes one

class Refused(ValueError):
    """The link's value is not allowed: the parameter's default is used and its warning given."""


@dataclass(frozen=True)
class Known:
    """What codes in a link are checked against: the store's region codes, and whether a municipality exists."""

    geos: frozenset = frozenset()
    town: Callable[[str], bool] = lambda gisco_id: False


@dataclass(frozen=True)
class Choice:
    """One of a fixed set: ``values`` maps each text the URL may hold to the value it stands for."""

    values: Mapping[str, object]

    def read(self, text: str, known: Known):
        if text not in self.values:
            raise Refused
        return self.values[text], True

    def write(self, value) -> str:
        return next(text for text, v in self.values.items() if v == value and type(v) is type(value))


def _same(names) -> Choice:
    """A choice whose URL text is the value itself."""
    return Choice({name: name for name in names})


@dataclass(frozen=True)
class Year:
    """A four-digit year (whether it has data is the page's question: it says so, "no data for 1800")."""

    def read(self, text: str, known: Known):
        if not re.fullmatch(r"\d{4}", text):
            raise Refused
        return int(text), True

    def write(self, value) -> str:
        return str(value)


@dataclass(frozen=True)
class Region:
    """One region code the store knows."""

    def read(self, text: str, known: Known):
        if not (_CODE.fullmatch(text) and text in known.geos):
            raise Refused
        return text, True

    def write(self, value) -> str:
        return value


@dataclass(frozen=True)
class Regions:
    """Codes the store knows, comma-separated, without repeats, at most ``most``; unknown ones are left out."""

    pattern: re.Pattern = _CODE
    most: int | None = None

    def read(self, text: str, known: Known):
        codes = [c for c in text.split(",") if c]
        good = list(dict.fromkeys(c for c in codes if self.pattern.fullmatch(c) and c in known.geos))
        kept = good[: self.most] if self.most else good
        return kept, len(kept) == len(set(codes))  # a repeat is dropped without a word

    def write(self, value) -> str:
        return ",".join(value)


@dataclass(frozen=True)
class Weights:
    """``indicator:weight,…`` for the indicators the score can weight, on the sliders' scale (``WEIGHTS``)."""

    def read(self, text: str, known: Known):
        weights, whole = {}, True
        for part in text.split(","):
            key, _, amount = part.partition(":")
            try:
                weight = float(amount)
            except ValueError:
                weight = None
            if not _ID.fullmatch(key) or key not in _WEIGHTED or weight is None or not WEIGHTS.accepts(weight):
                whole = False
                continue
            weights[key] = weight
        return weights, whole

    def write(self, value) -> str:
        return ",".join(f"{k}:{w:g}" for k, w in value.items())


@dataclass(frozen=True)
class Typology:
    """``type:value,…`` (a type named twice accepts either value)."""

    def read(self, text: str, known: Known):
        typology, whole = {}, True
        for part in text.split(","):
            key, _, value = part.partition(":")
            if key in TYPOLOGIES and _TYPE_VALUE.fullmatch(value):
                if value not in typology.setdefault(key, []):
                    typology[key].append(value)
            else:
                whole = False
        return typology, whole

    def write(self, value) -> str:
        return ",".join(f"{k}:{v}" for k, values in value.items() for v in values)


@dataclass(frozen=True)
class Town:
    """A municipality's GISCO id (``FR_93066``) that the store holds."""

    def read(self, text: str, known: Known):
        if not (len(text) <= 24 and _GISCO_ID.fullmatch(text) and known.town(text)):
            raise Refused
        return text, True

    def write(self, value) -> str:
        return value


# --- the table -----------------------------------------------------------------------------------------------

ALL = frozenset(p.key for p in PAGES)
MAP, REGION, TOWN, COMPARE, RANKING, GAPS = "map", "region", "town", "compare", "most_affected", "data_gaps"


@dataclass(frozen=True)
class Param:
    """One URL parameter: its name (also the View's field), type, default, the pages that read it, and the
    warning a bad value gives, in the reader's language."""

    name: str
    kind: object  # one of the types above
    default: object
    pages: frozenset
    warning: Callable[[str], str]


PARAMS = (
    Param("indicator", _same(REGISTRY), DEFAULT_INDICATOR, frozenset({MAP, COMPARE, GAPS}),
          lambda lang: tr("The link names an unknown indicator; showing the default one.", lang)),
    # the map's level; the ranking's and the data gaps' level; on Compare, the level of the ranking a basket
    # came from (the pack's cover says it)
    # (most affected also ranks municipalities: ``level=lau``)
    Param("level", Choice({**{str(lv): lv for lv in range(4)}, LAU: LAU}), None,
          frozenset({MAP, RANKING, COMPARE, GAPS}),
          lambda lang: tr("The link's NUTS level is not 0-3; showing the default level.", lang)),
    Param("year", Year(), None, frozenset({MAP}),
          lambda lang: tr("The link's year is not a year; showing the latest one.", lang)),
    Param("geo", Region(), None, frozenset({REGION, GAPS, RANKING}),
          lambda lang: tr("The link names an unknown region; pick one below.", lang)),
    # the basket: every page offers it on the way to Compare
    Param("geos", Regions(_CODE, MAX_REGIONS), [], ALL,
          lambda lang: tr("Some regions in the link are unknown, or more than the {most} Compare holds, and were "
                          "left out.", lang, most=MAX_REGIONS)),
    Param("peers_of", Region(), None, frozenset({COMPARE}),
          lambda lang: tr("The link asks for the peers of an unknown region.", lang)),
    # the ranking; a region's rank on it; on Compare, the ranking a basket came from (with its weights: the pack
    # scores the regions with them)
    Param("preset", _same([*PRESETS, OWN]), None, frozenset({RANKING, REGION, COMPARE}),
          lambda lang: tr("The link names an unknown ranking preset; showing the default one.", lang)),
    Param("weights", Weights(), {}, frozenset({RANKING, REGION, COMPARE}),
          lambda lang: tr("Some weights in the link are not valid (a weighted indicator:number {scale}) and were "
                          "left out.", lang, scale=WEIGHTS.describe(lang))),
    Param("countries", Regions(_COUNTRY), [], frozenset({RANKING, COMPARE}),
          lambda lang: tr("Some countries in the link are unknown and were left out.", lang)),
    Param("outside_eu", Choice({"0": False, "1": True}), False, frozenset({RANKING}),
          lambda lang: tr("The link's choice about regions outside the EU-27 is not valid; ranking the EU-27 "
                          "only.", lang)),
    Param("typology", Typology(), {}, frozenset({RANKING, COMPARE}),
          lambda lang: tr("A territorial-type filter in the link is not valid and was left out.", lang)),
    Param("lang", _same(LANGUAGES), "en", ALL,
          lambda lang: tr("The link's language is not one of {languages}; showing English.", lang,
                          languages=", ".join(LANGUAGES))),
    Param("scheme", _same(SCHEMES), SCHEMES[0], frozenset({MAP}),
          lambda lang: tr("The link's class scheme is unknown; using quantiles.", lang)),
    Param("layer", _same(LAYERS), LAYERS[0], frozenset({MAP}),
          lambda lang: tr("The link names an unknown map layer; showing the regions.", lang)),
    Param("lau", Town(), None, frozenset({TOWN}),
          lambda lang: tr("The link names an unknown municipality; find one below.", lang)),
    Param("radius", Choice({str(r): r for r in RADII}), 5, frozenset({TOWN}),
          lambda lang: tr("The link's radius is not one of {radii} km; showing {radius} km.", lang,
                          radii=", ".join(map(str, RADII)), radius=5)),
    Param("measure", _same(MEASURES), "born_abroad", frozenset({TOWN}),
          lambda lang: tr("The link names an unknown measure; showing born abroad.", lang)),
)
BY_NAME = {p.name: p for p in PARAMS}


def _field(param: Param):
    """The View's field for a parameter (a fresh list or dict for each view)."""
    default = param.default
    if isinstance(default, (list, dict)):
        return field(default_factory=type(default))
    return field(default=default)


# Everything a page needs to know about what the user asked for (change it with dataclasses.replace); ``embed``
# is Streamlit's own parameter (frame.py reads it) and is never written into links.
View = make_dataclass("View", [(p.name, object, _field(p)) for p in PARAMS] + [("embed", bool, field(default=False))],
                      frozen=True)
View.__module__, View.__doc__ = __name__, "What the user asked for: one field per URL parameter (PARAMS), and embed."


def language(params: Mapping[str, str]) -> str:
    """The link's language when it is a valid one (read first: the other parameters' warnings are said in it)."""
    return i18n_language(params.get("lang"))


def parse(params: Mapping[str, str], known_geos=frozenset(), is_town=None) -> tuple[View, list[str]]:
    """A View from query parameters (values as strings), and the warnings for what was refused, in the link's
    language. ``known_geos``: the store's region codes; ``is_town(id)``: whether a municipality exists."""
    known = Known(frozenset(known_geos), is_town or Known.town)
    lang, fields, warnings = language(params), {}, []
    for param in PARAMS:
        text = params.get(param.name)
        if text is None:
            continue
        if len(text) > MAX_PARAM:
            warnings.append(tr("The link's '{name}' parameter is too long and was ignored.", lang, name=param.name))
            continue
        try:
            fields[param.name], whole = param.kind.read(text, known)
        except Refused:
            whole = False
        if not whole:
            warnings.append(param.warning(lang))
    return View(**fields), warnings


def to_params(view: View, page: str | None = None) -> dict[str, str]:
    """The query parameters that reproduce ``view`` (only those ``page`` reads, when given; defaults left out)."""
    params = {}
    for param in PARAMS:
        value = getattr(view, param.name)
        if (page is None or page in param.pages) and value != param.default and value not in (None, [], {}):
            params[param.name] = param.kind.write(value)
    return params


def path(page: str) -> str:
    """The page's path: ``/`` for the default page (Streamlit serves it only there: its own path shows 'Page not
    found'), ``/<url_path>`` for the others."""
    spec = next(p for p in PAGES if p.key == page)
    return "/" if spec.default else f"/{spec.url_path}"


def href(view: View, page: str, root: str = "", **extra: str) -> str:
    """The link to ``page`` with the view's parameters that page reads (``root``: the app's address, a path
    prefix included)."""
    query = urlencode({**to_params(view, page), **extra})
    return f"{root.rstrip('/')}{path(page)}" + (f"?{query}" if query else "")
