"""What a reader must know beside a number: census adjustments, low reliability, the LFS 15+ population.
Each caveat is a phrase (indicators.text.wording): the pages say it in the reader's language, ``str`` is the English."""

from __future__ import annotations

from indicators.text.phrasing import joined
from indicators.registry import Indicator
from indicators.text.wording import Phrase, phrase

CENSUS_YEAR = 2021  # net migration "plus statistical adjustment" absorbs the 2021 census revisions
LFS_15_PLUS = ("foreign_born_share", "non_citizen_share", "foreign_born_share_change")


def notes(ind: Indicator, year: int | None, flag: str, lfs: bool = True, short: bool = False) -> list[Phrase]:
    """The caveats to print beside this value (``lfs=False`` where the label already says 15+; ``short`` for a
    table cell)."""
    out = []
    if ind.id.startswith("net_migration_rate") and year == CENSUS_YEAR:
        out.append(phrase("census adj.") if short else
                   phrase("2021 includes census adjustments, which show up as migration"))
    if "u" in (flag or ""):
        out.append(phrase("low reliability"))
    if lfs and ind.id in LFS_15_PLUS:
        out.append(phrase("of pop. 15+") if short else phrase("share of the LFS population aged 15+, not of all ages"))
    return out


def beside(ind: Indicator, year: int | None, row) -> Phrase | str:
    """The caveats of one table row as one phrase ('' when there is none)."""
    return joined(notes(ind, year, str(row.get("flag", "") or "")))
