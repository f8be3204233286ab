"""Named definitions of "most affected": which indicators a preset weighs, and what each level can offer.

A preset names indicators, not levels: at each NUTS level it uses those the registry has there with an
"affected" end, and says plainly which of its indicators exist only at another level or only for whole
countries (a national figure would give every region of a country the same value, so it is never weighed).
"""

from __future__ import annotations

from dataclasses import dataclass

from indicators.registry import ENTRIES, REGISTRY

LEVELS = (2, 3)
# The indicators a user can weigh at each level: those with an "affected" end.
CANDIDATES = {level: tuple(e.id for e in ENTRIES if e.affected_when is not None and level in e.levels) for level in LEVELS}
OWN = "own"


@dataclass(frozen=True)
class Preset:
    """One named ranking: its definition in words and the indicators it weighs (id -> weight)."""

    id: str
    label: str
    definition: str
    weights: dict[str, float]
    national_only: tuple[str, ...] = ()  # what the definition would include, published only for countries


PRESETS: dict[str, Preset] = {p.id: p for p in (
    Preset("arrival_pressure", "Arrival pressure",
           "Recent inflows: how many people a region gained through migration per 1 000 residents (the latest "
           "year and, at NUTS 3, the multi-year average) and how much the foreign-born share of its adults grew.",
           {"net_migration_rate": 1.0, "net_migration_avg": 1.0, "foreign_born_share_change": 1.0},
           national_only=("asylum_applicants_per_1000", "temporary_protection_per_1000")),
    Preset("integration_gaps", "Integration gaps",
           "How far people born abroad are behind all residents: the unemployment gap and the gap in the share "
           "with at most lower secondary education (both in percentage points; a wider gap ranks higher).",
           {"unemployment_gap_foreign_born": 1.0, "low_education_gap_foreign_born": 1.0},
           national_only=("employment_gap_citizenship", "unemployment_gap_citizenship")),
)}
DEFAULT_PRESET = "arrival_pressure"
OWN_LABEL = "Your own mix"
OWN_DEFINITION = ("The weights you set below (0 to 3 for each indicator); every indicator with an \"affected\" end "
                  "at this level can be weighed.")
# What a weights-only link meant before presets existed (changes to these defaults), so such links still
# reopen the score they named.
LEGACY_DEFAULT_WEIGHTS = {
    2: {"foreign_born_share": 1.0, "foreign_born_share_change": 1.0, "net_migration_rate": 1.0,
        "unemployment_gap_foreign_born": 1.0, "low_education_gap_foreign_born": 0.5},
    3: {"net_migration_rate": 1.0, "net_migration_avg": 1.0},
}

for _preset in PRESETS.values():  # a preset names only registry indicators, each weighable somewhere
    assert set(_preset.weights) <= set().union(*CANDIDATES.values()), _preset.id
    assert all(REGISTRY[i].levels == (0,) for i in _preset.national_only), _preset.id


def preset_weights(preset_id: str, level: int) -> dict[str, float]:
    """The preset's weights at ``level`` (only indicators the level has; the own mix starts empty)."""
    if preset_id == OWN:
        return {}
    return {k: w for k, w in PRESETS[preset_id].weights.items() if k in CANDIDATES[level]}


def label(preset_id: str) -> str:
    return OWN_LABEL if preset_id == OWN else PRESETS[preset_id].label


def definition(preset_id: str) -> str:
    return OWN_DEFINITION if preset_id == OWN else PRESETS[preset_id].definition


def availability(preset_id: str, level: int) -> dict[str, list[str]]:
    """The preset's indicators sorted by where they exist: ``used`` at this level, ``other_level`` (only at
    another NUTS level), ``national_only`` (published only for whole countries)."""
    if preset_id == OWN:
        return {"used": list(CANDIDATES[level]), "other_level": [], "national_only": []}
    preset = PRESETS[preset_id]
    return {"used": [i for i in preset.weights if i in CANDIDATES[level]],
            "other_level": [i for i in preset.weights if i not in CANDIDATES[level]],
            "national_only": list(preset.national_only)}


def availability_text(preset_id: str, level: int) -> str:
    """One plain sentence per group, e.g. 'At NUTS 3: … Only at NUTS 2: … Only for whole countries: …'."""
    found = availability(preset_id, level)

    def names(ids):
        return ", ".join(REGISTRY[i].short_label for i in ids)

    parts = [f"At NUTS {level}: {names(found['used'])}." if found["used"]
             else f"None of its indicators is published at NUTS {level}."]
    if found["other_level"]:
        where = sorted({lv for i in found["other_level"] for lv in REGISTRY[i].levels if lv in LEVELS})
        parts.append(f"Only at NUTS {'/'.join(map(str, where))}: {names(found['other_level'])}.")
    if found["national_only"]:
        parts.append(f"Only for whole countries, so not used: {names(found['national_only'])}.")
    return " ".join(parts)


def describe(preset_id: str, level: int, weights: dict[str, float]) -> str:
    """The definition line written into the CSV and shown on the page: name, words, weights as used."""
    used = ", ".join(f"{REGISTRY[k].short_label} ×{w:g}" for k, w in weights.items() if w)
    return (f"{label(preset_id)} (NUTS {level}): {definition(preset_id)} Weights: {used or 'none'}. Each indicator "
            "is scaled 0-100 over every EU-27 region of the level (100 = most affected).")


def resolve(preset_id: str | None, weights: dict[str, float], level: int) -> tuple[str, dict[str, float], str]:
    """What a link asks for, as (preset, weights at ``level``, a note saying how it was read; '' if plainly).

    A named preset alone is its weights; the own mix's weights are absolute (an indicator not named weighs 0);
    weights beside a named preset change it, giving an own mix; weights with no preset are a link from before
    presets, read as changes to the former defaults so it still reopens the score it named.
    """
    here = {k: w for k, w in weights.items() if k in CANDIDATES[level]}
    if preset_id == OWN:
        if weights:
            return OWN, here, ""
        return OWN, preset_weights(DEFAULT_PRESET, level), f"Your own mix starts from {label(DEFAULT_PRESET)}."
    if preset_id is None and weights:
        base = {k: w for k, w in LEGACY_DEFAULT_WEIGHTS[level].items() if k in CANDIDATES[level]}
        return OWN, {**base, **here}, ("This link is from before the presets: its weights were read as changes to "
                                      "the former default weights, shown here as your own mix.")
    chosen = preset_id or DEFAULT_PRESET
    if weights:
        return OWN, {**preset_weights(chosen, level), **here}, (
            f"The link's weights change {label(chosen)}, so this is your own mix started from it.")
    return chosen, preset_weights(chosen, level), ""
