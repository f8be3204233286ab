"""The EU's outermost regions in framed inset boxes, as Eurostat's Regional Yearbook maps draw them.

Canarias, the French overseas regions, Madeira and the Azores lie 1 000 to 9 000 km from the frame of Europe:
on the map of Europe they fall outside it (El Hierro, ES703, ranks among the most affected and could not be
seen), and a frame wide enough to hold them shrinks Europe to a stamp. Each gets its own geo subplot, fitted to
its own regions, with the same traces (colours, hover, legend group) as the main map.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

# (NUTS 2 code, label): a region is drawn in the box whose code its own code starts with (NUTS 2 and NUTS 3).
# The codes are the same in NUTS 2021 and 2024. Order as in Eurostat's yearbook: the Caribbean first.
OUTERMOST = (("FRY1", "Guadeloupe"), ("FRY2", "Martinique"), ("FRY3", "Guyane"), ("FRY4", "Réunion"),
             ("FRY5", "Mayotte"), ("PT20", "Açores"), ("PT30", "Madeira"), ("ES70", "Canarias"))
MAIN = "geo"
FRAME_COLOUR = "#8c8c8c"
LABEL_FONT = dict(size=10, color="#333333")

# Where the main map and the insets sit, in paper coordinates: (columns, rows, x0, x1, y0, y1) of the inset grid
# and the main map's domain. "screen": one narrow column on the right, so on a 390 px phone the map keeps 86 %
# of the width; "landscape" (article, social): 2 x 4 boxes right of Europe, whose own frame is about square, so
# the map fills the rest of the width; "wide" (social): the same, with the legend beside the insets, since
# a legend under the map would leave it a strip; "portrait" (print): 4 x 2 boxes under the map.
LAYOUTS = {
    "screen": ((1, 8, 0.875, 1.0, 0.0, 1.0), dict(x=[0.0, 0.865], y=[0.0, 1.0])),
    "landscape": ((2, 4, 0.80, 1.0, 0.0, 1.0), dict(x=[0.0, 0.78], y=[0.0, 1.0])),
    "wide": ((2, 4, 0.80, 1.0, 0.0, 1.0), dict(x=[0.0, 0.78], y=[0.0, 1.0])),  # + the legend beside them
    "portrait": ((4, 2, 0.0, 1.0, 0.0, 0.25), dict(x=[0.0, 1.0], y=[0.27, 1.0])),
}


def subplot(index: int) -> str:
    """The geo subplot id of inset ``index`` ('geo2' … 'geo9'; 'geo' is the main map)."""
    return f"geo{index + 2}"


def inset_of(geo: str) -> int | None:
    """The inset a region is drawn in, or None when it belongs on the main map."""
    for index, (code, _label) in enumerate(OUTERMOST):
        if str(geo).startswith(code):
            return index
    return None


def by_subplot(rows: pd.DataFrame, column: str = "geo") -> dict[str, pd.DataFrame]:
    """``rows`` split by the subplot that draws them: 'geo' for the mainland, 'geo2'… for each inset."""
    where = rows[column].map(lambda g: (lambda i: MAIN if i is None else subplot(i))(inset_of(g)))
    return {name: part for name, part in rows.groupby(where, sort=False)}


MAINLAND_ASPECT = 1.2  # width over height of the main map as drawn (the mainland extent in this projection)
IMAGE_ASPECT = 1.41  # the same for an image's wider frame (figures.IMAGE_LON)
CHAR_EM = 0.6  # a Liberation Sans character is at most about 0.6 of the font size wide, on average


def boxes(layout: str, grid: tuple | None = None) -> list[tuple[float, float, float, float]]:
    """(x0, x1, y0, y1) of each inset box, in the order of ``OUTERMOST``."""
    cols, rows, left, right, bottom, top = grid or LAYOUTS[layout][0]
    width, height, gap = (right - left) / cols, (top - bottom) / rows, 0.006
    out = []
    for index in range(len(OUTERMOST)):
        row, col = divmod(index, cols)
        x0 = left + col * width
        y1 = top - row * height
        out.append((x0 + gap, x0 + width - gap, y1 - height + gap, y1 - gap))
    return out


def used(traces) -> set[int]:
    """The insets that some trace draws in (``traces``: a figure's graph objects, or plain trace dicts)."""
    return {int(geo[3:]) - 2 for t in traces if (geo := _at(t, "geo")) not in (None, MAIN)}


def _legend_width(traces) -> float:
    """About how wide a vertical legend is, in px (12 px text, ~6.5 px a character, plus the swatch)."""
    lines = [line for t in traces if _at(t, "showlegend") is not False for line in (_at(t, "name") or "").split("<br>")]
    return max((len(line) for line in lines), default=0) * 6.5 + 50


def frame(fig: go.Figure, layout: str, aspect: float = MAINLAND_ASPECT) -> None:
    """Lay out a figure already made again (an export, after its source block took room from the map);
    ``aspect``: the main map's width over height as drawn."""
    fig.update_layout(placement(fig.data, fig.layout, layout, aspect))


def placement(traces, current, layout: str, aspect: float = MAINLAND_ASPECT) -> dict:
    """The layout entries that place the main map and the used insets (``layout``: a key of ``LAYOUTS``):
    domains, a frame and a label per inset; shapes and annotations are returned whole, this function's own
    replaced. ``traces`` and ``current`` (the layout so far) are graph objects or plain dicts, so a map can be
    laid out before its figure is made (each update of a made figure costs plotly a validation)."""
    drawn = used(traces)
    if not drawn:
        return {}
    grid, main = LAYOUTS[layout]
    updates = {}
    width, height = _at(current, "width"), _at(current, "height")
    plot_w = (width or 1000) - (_at(current, "margin", "l") or 0) - (_at(current, "margin", "r") or 0)
    plot_h = (height or 450) - (_at(current, "margin", "t") or 0) - (_at(current, "margin", "b") or 0)
    if layout in ("landscape", "wide") and width:
        # Europe is height-bound here: put the inset grid right beside it and centre the group in the frame
        legend_w = _legend_width(traces) / max(plot_w, 1) if layout == "wide" else 0.0
        share = min(main["x"][1], aspect * plot_h / max(plot_w, 1), 1 - 0.24 - legend_w)
        left = (1 - share - 0.22 - legend_w) / 2
        main = dict(x=[left, left + share], y=main["y"])
        grid = (grid[0], grid[1], left + share + 0.02, left + share + 0.22, grid[4], grid[5])
        if layout == "wide":
            # no gap between entries (each class is its own legend group): every entry fits beside the insets
            updates["legend"] = dict(orientation="v", x=left + share + 0.24, xanchor="left", y=1, yanchor="top",
                                     tracegroupgap=0)
    updates["geo"] = dict(domain=main)
    label_room = 15 / max(plot_h, 1)  # a label line above each inset's own map, in paper units
    shapes = [s for s in (_at(current, "shapes") or ()) if _at(s, "name") != "inset"]
    labels = [a for a in (_at(current, "annotations") or ()) if _at(a, "name") != "inset"]
    for index, (x0, x1, y0, y1) in enumerate(boxes(layout, grid)):
        if index not in drawn:
            continue
        updates[subplot(index)] = dict(
            domain=dict(x=[x0 + 0.004, x1 - 0.004], y=[y0 + 0.004, max(y1 - label_room, y0 + 0.01)]),
            visible=False, fitbounds="locations", projection_type="mercator", bgcolor="rgba(0,0,0,0)")
        shapes.append(dict(type="rect", name="inset", xref="paper", yref="paper", x0=x0, x1=x1, y0=y0, y1=y1,
                           line=dict(color=FRAME_COLOUR, width=1), fillcolor="rgba(0,0,0,0)", layer="below"))
        # on screen the column is narrow (36 px on a phone): a long name runs left, over the sea, not off the page
        right = layout == "screen"
        name = OUTERMOST[index][1]
        # in an image (its width known) a long name is set smaller until it fits its box ("Guadeloupe": 58 px)
        room = (x1 - x0) * plot_w - 6 if width and not right else None
        size = min(LABEL_FONT["size"], room / (CHAR_EM * len(name))) if room else LABEL_FONT["size"]
        labels.append(dict(name="inset", text=name, showarrow=False, xref="paper", yref="paper",
                           x=x1 if right else x0, y=y1, xanchor="right" if right else "left", yanchor="top",
                           xshift=-3 if right else 3, yshift=-1, font={**LABEL_FONT, "size": round(size, 1)}))
    return {**updates, "shapes": shapes, "annotations": labels}


def _at(obj, *keys):
    """``obj[k1][k2]…`` for a graph object or a dict, None where a key is missing."""
    for key in keys:
        try:
            obj = obj[key]
        except (KeyError, TypeError, ValueError):
            return None
        if obj is None:
            return None
    return obj
