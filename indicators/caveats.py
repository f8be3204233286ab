"""What a reader must know beside a number: census adjustments, low reliability, the LFS 15+ population."""

from __future__ import annotations

from indicators.registry import Indicator

CENSUS_YEAR = 2021  # net migration "plus statistical adjustment" absorbs the 2021 census revisions
LFS_15_PLUS = ("foreign_born_share", "non_citizen_share", "foreign_born_share_change")
TEXT = {
    "census": {"en": "2021 includes census adjustments, which show up as migration",
               "fr": "2021 inclut les ajustements du recensement, qui apparaissent comme des migrations",
               "de": "2021 enthält Zensus-Bereinigungen, die als Wanderung erscheinen",
               "it": "il 2021 include le rettifiche del censimento, che figurano come migrazione",
               "es": "2021 incluye los ajustes del censo, que aparecen como migración"},
    "low": {"en": "low reliability", "fr": "fiabilité faible", "de": "geringe Zuverlässigkeit",
            "it": "affidabilità bassa", "es": "fiabilidad baja"},
    "census_short": {"en": "census adj.", "fr": "ajust. recensement", "de": "Zensus-Bereinigung",
                     "it": "rettif. censimento", "es": "ajuste censal"},
    "lfs_short": {"en": "of pop. 15+", "fr": "de la pop. 15+", "de": "der Bev. 15+", "it": "della pop. 15+",
                  "es": "de la pobl. 15+"},
    "lfs": {"en": "share of the LFS population aged 15+, not of all ages",
            "fr": "part de la population de 15 ans et plus de l'enquête sur les forces de travail, pas de tous âges",
            "de": "Anteil an der Bevölkerung ab 15 Jahren der Arbeitskräfteerhebung, nicht aller Altersgruppen",
            "it": "quota della popolazione di 15 anni e più dell'indagine sulle forze di lavoro, non di tutte le età",
            "es": "porcentaje de la población de 15 años y más de la encuesta de población activa, no de todas las edades"},
}


def notes(ind: Indicator, year: int | None, flag: str, lang: str = "en", lfs: bool = True,
          short: bool = False) -> list[str]:
    """The caveats to print beside this value, in ``lang`` (``lfs=False`` where the label already says 15+;
    ``short`` for a table cell)."""
    out = []
    if ind.id.startswith("net_migration_rate") and year == CENSUS_YEAR:
        out.append(TEXT["census_short" if short else "census"][lang])
    if "u" in (flag or ""):
        out.append(TEXT["low"][lang])
    if lfs and ind.id in LFS_15_PLUS:
        out.append(TEXT["lfs_short" if short else "lfs"][lang])
    return out


def beside(ind: Indicator, year: int | None, row, lang: str = "en") -> str:
    """The caveats of one table row as one phrase ('' when there is none)."""
    return "; ".join(notes(ind, year, str(row.get("flag", "") or ""), lang))
