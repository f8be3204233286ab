"""The lines every export carries: what it is, where the data came from, when, and under which licence."""

from __future__ import annotations

from datetime import datetime, timezone

from dashboard.i18n import say, tr
from indicators.regions import flags
from indicators.registry import Indicator
from loaders.manifest import BY_ID

PROJECT = "Territorial Migration Atlas"
FLAG_LEGEND = flags.legend()


def retrieved(store, ind: Indicator) -> str:
    """The latest retrieval date of the indicator's source files (YYYY-MM-DD)."""
    dates = sorted(filter(None, (store.info["sources"].get(s, {}).get("retrieved_at") for s in ind.sources)))
    return dates[-1][:10] if dates else "unknown"


def source_line(store, ind: Indicator, nuts_versions: list[int] | None = None, lang: str = "en") -> str:
    """'Source: Eurostat (demo_r_gind3), retrieved 2026-11-28 · NUTS 2021' (in ``lang``: 'Quelle: …, abgerufen
    am …')."""
    versions = f" · NUTS {'/'.join(str(v) for v in nuts_versions)}" if nuts_versions else ""
    fetched = tr("retrieved {date}", lang, date=retrieved(store, ind))
    return f"{say(ind.credit, lang)}, {fetched}{versions}"


def licence_line(ind: Indicator, lang: str = "en") -> str:
    """The licences of the indicator's sources, in ``lang`` (each a registry text of the catalogues)."""
    return "; ".join(sorted({say(BY_ID[s].licence, lang) for s in ind.sources}))


def generated() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


__all__ = ["FLAG_LEGEND", "PROJECT", "generated", "licence_line", "retrieved", "source_line"]
