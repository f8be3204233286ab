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
LABEL_FONT = dict(size=11, color="#333333")

# Where the main map and the insets sit, in paper coordinates. Landscape (screen, article, social): a column
# of 2 x 4 boxes right of Europe, whose own frame is about square, so the map fills the rest of the width.
# Portrait (print): a band of 4 x 2 boxes under the map.
LANDSCAPE_MAIN = dict(x=[0.0, 0.78], y=[0.0, 1.0])
PORTRAIT_MAIN = dict(x=[0.0, 1.0], y=[0.27, 1.0])


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


def boxes(portrait: bool) -> list[tuple[float, float, float, float]]:
    """(x0, x1, y0, y1) of each inset box, in the order of ``OUTERMOST``."""
    if portrait:
        cols, rows, left, right, bottom, top = 4, 2, 0.0, 1.0, 0.0, 0.25
    else:
        cols, rows, left, right, bottom, top = 2, 4, 0.80, 1.0, 0.0, 1.0
    width, height, gap = (right - left) / cols, (top - bottom) / rows, 0.008
    out = []
    for index in range(len(OUTERMOST)):
        row, col = divmod(index, cols)
        x0 = left + col * width
        y1 = top - row * height
        out.append((x0 + gap, x0 + width - gap, y1 - height + gap, y1 - gap))
    return out


def frame(fig: go.Figure, used: set[int], portrait: bool, plot_height: float) -> None:
    """Lay the main map and the used insets out: domains, a frame and a label per inset."""
    fig.update_layout(geo_domain=PORTRAIT_MAIN if portrait else LANDSCAPE_MAIN)
    label_room = 16 / max(plot_height, 1)  # a label line above each inset's own map, in paper units
    shapes, labels = list(fig.layout.shapes or ()), list(fig.layout.annotations or ())
    for index, (x0, x1, y0, y1) in enumerate(boxes(portrait)):
        if index not in used:
            continue
        fig.update_layout({subplot(index): dict(
            domain=dict(x=[x0 + 0.004, x1 - 0.004], y=[y0 + 0.004, max(y1 - label_room, y0 + 0.01)]),
            visible=False, fitbounds="locations", projection_type="mercator", bgcolor="rgba(0,0,0,0)")})
        shapes.append(dict(type="rect", xref="paper", yref="paper", x0=x0, x1=x1, y0=y0, y1=y1,
                           line=dict(color=FRAME_COLOUR, width=1), fillcolor="rgba(0,0,0,0)", layer="below"))
        labels.append(dict(text=OUTERMOST[index][1], showarrow=False, xref="paper", yref="paper", x=x0, y=y1,
                           xanchor="left", yanchor="top", xshift=3, yshift=-1, font=LABEL_FONT))
    fig.update_layout(shapes=shapes, annotations=labels)
