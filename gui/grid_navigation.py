"""Where the cursor goes next in a table, as in Excel/WPS: only cells the clerk fills in.

Pure logic over a ``GridLayout`` (no Qt), so the view stays a thin key handler:
Tab walks a row and wraps to the next one, Enter after a run of Tabs returns to
the column where the run began, arrows and Ctrl+arrows skip labels and computed
totals, Home/End and Ctrl+Home/End go to the first/last fillable cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.editions import CellRole, GridLayout

Position = tuple[int, int]


@dataclass
class Navigator:
    """The fillable cells of one layout, by row, with the moves between them."""

    layout: GridLayout
    rows: dict[int, list[int]] = field(init=False)  # row -> sorted columns of value cells

    def __post_init__(self) -> None:
        rows: dict[int, list[int]] = {}
        for cell in self.layout.cells:
            if cell.role is CellRole.VALUE:
                rows.setdefault(cell.row, []).append(cell.col)
        self.rows = {row: sorted(cols) for row, cols in sorted(rows.items())}

    def is_fillable(self, pos: Position) -> bool:
        return pos[1] in self.rows.get(pos[0], ())

    def first(self) -> Position | None:
        for row, cols in self.rows.items():
            return row, cols[0]
        return None

    def last(self) -> Position | None:
        if not self.rows:
            return None
        row = max(self.rows)
        return row, self.rows[row][-1]

    def origin(self, pos: Position) -> Position:
        """The top-left of the cell that covers a position (spans included)."""
        cell = self.layout.covering(*pos)
        return (cell.row, cell.col) if cell is not None else pos

    def tab(self, pos: Position, backwards: bool = False) -> Position | None:
        """Next fillable cell along the row, wrapping to the next (previous) row."""
        row, col = self.origin(pos)
        ordered = list(self.rows.items())
        if backwards:
            ordered.reverse()
        for r, cols in ordered:
            if backwards:
                if r > row:
                    continue
                candidates = [c for c in reversed(cols) if r < row or c < col]
            else:
                if r < row:
                    continue
                candidates = [c for c in cols if r > row or c > col]
            if candidates:
                return r, candidates[0]
        return None

    def enter(
        self, pos: Position, home_col: int | None = None, backwards: bool = False
    ) -> Position | None:
        """Down (up) one fillable row; after a run of Tabs, back to the run's first column."""
        row, col = self.origin(pos)
        target_col = col if home_col is None else home_col
        ordered = [r for r in self.rows if (r < row if backwards else r > row)]
        if backwards:
            ordered.reverse()
        for r in ordered:
            cols = self.rows[r]
            if home_col is None and not self._covers_column(r, target_col):
                continue  # plain Enter goes straight down, past rows without this column
            return r, self._nearest(cols, target_col)
        return None

    def _covers_column(self, row: int, col: int) -> bool:
        for c in self.rows[row]:
            cell = self.layout.at(row, c)
            if cell is not None and cell.col <= col < cell.col + cell.colspan:
                return True
        return False

    @staticmethod
    def _nearest(cols: list[int], target: int) -> int:
        return min(cols, key=lambda c: (abs(c - target), c))

    def step(self, pos: Position, d_row: int, d_col: int) -> Position | None:
        """One arrow key: the next fillable cell in that direction, in line with this one."""
        row, col = self.origin(pos)
        cell = self.layout.covering(row, col)
        span_rows = cell.rowspan if cell is not None else 1
        span_cols = cell.colspan if cell is not None else 1
        if d_col:
            cols = self.rows.get(row, [])
            ahead = [c for c in cols if (c > col if d_col > 0 else c < col)]
            if not ahead:
                return None
            return row, ahead[0] if d_col > 0 else ahead[-1]
        ordered = [r for r in self.rows if (r >= row + span_rows if d_row > 0 else r < row)]
        if d_row < 0:
            ordered.reverse()
        for r in ordered:
            if self._covers_column(r, col) or self._covers_column(r, col + span_cols - 1):
                return r, self._nearest(self.rows[r], col)
        return None

    def edge(self, pos: Position, d_row: int, d_col: int) -> Position | None:
        """Ctrl+arrow: the farthest fillable cell in that direction."""
        target = None
        current: Position | None = pos
        while current is not None:
            current = self.step(current, d_row, d_col)
            if current is not None:
                target = current
        return target

    def row_end(self, pos: Position, last: bool) -> Position | None:
        """Home/End: the first or last fillable cell of the row."""
        row, _col = self.origin(pos)
        cols = self.rows.get(row)
        if not cols:
            return None
        return row, cols[-1] if last else cols[0]
