"""How wide a grid's columns are: labels readable, values beside them on a laptop.

Widths are in characters of the grid's font (so zooming scales them) plus a
fixed padding per column.
"""

from __future__ import annotations

# Widths in characters of the current font: labels wide enough to read whole
# where the grid has room, and no narrower than the second list (labels then
# wrap onto more lines) where it has not, so that more value columns show
# beside the frozen labels on a laptop or at 150 %.
LABEL_WIDTHS: dict[str, list[float]] = {"t2": [14], "t3": [4.5, 4.5, 19], "t4": []}
NARROW_LABEL_WIDTHS: dict[str, list[float]] = {"t2": [8], "t3": [2.6, 3.4, 8.5], "t4": []}
VALUE_WIDTH: dict[str, float] = {"t2": 10, "t3": 5.5, "t4": 3.9}
COLUMN_PADDING = 14  # pixels each column takes besides its characters


def label_widths(key: str, n_values: int, room: float) -> list[float]:
    """Label column widths (in characters) for a grid ``room`` characters wide.

    Labels give up width, each in proportion to what it can spare, until the
    whole table fits or every label is at its narrowest.
    """
    wide, narrow = LABEL_WIDTHS[key], NARROW_LABEL_WIDTHS[key]
    spare = [w - n for w, n in zip(wide, narrow, strict=True)]
    excess = sum(wide) + n_values * VALUE_WIDTH[key] - room
    if excess <= 0 or not sum(spare):
        return list(wide)
    give = min(1.0, excess / sum(spare))
    return [w - s * give for w, s in zip(wide, spare, strict=True)]
