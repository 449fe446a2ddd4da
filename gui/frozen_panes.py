"""Excel's frozen panes for a grid: row labels and header rows stay while values scroll.

After Qt's "Frozen Column" example: read-only copies of the table view, on the
same model, lie over the main view's viewport: one over the label columns
(scrolling up and down with it), one over the header rows (scrolling sideways),
and one over the corner.  They take no focus and no mouse events, so every
click, wheel turn and key still reaches the main view beneath; the main view
scrolls a cell out from under them when the cursor moves there.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QTableView

from models.editions import GridLayout


def freezable(layout: GridLayout) -> bool:
    """Panes freeze only where no merged cell crosses from labels into values."""
    if not (layout.label_cols or layout.header_rows):
        return False
    for cell in layout.cells:
        if cell.col < layout.label_cols < cell.col + cell.colspan:
            return False
        if cell.row < layout.header_rows < cell.row + cell.rowspan:
            return False
    return True


class FrozenPanes:
    """The overlays of one view: ``sync_sizes()`` after widths or heights change,
    ``place()`` after the view's viewport moves or resizes."""

    def __init__(self, view: QTableView, layout: GridLayout):
        self.view = view
        self.layout = layout
        self.left = self._overlay() if layout.label_cols else None
        self.top = self._overlay() if layout.header_rows else None
        self.corner = self._overlay() if layout.label_cols and layout.header_rows else None
        if self.left is not None:
            view.verticalScrollBar().valueChanged.connect(self.left.verticalScrollBar().setValue)
        if self.top is not None:
            view.horizontalScrollBar().valueChanged.connect(self.top.horizontalScrollBar().setValue)
        self.sync_sizes()

    def _overlay(self) -> QTableView:
        view = self.view
        overlay = QTableView(view)
        overlay.setModel(view.model())
        overlay.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        overlay.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        overlay.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        overlay.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        overlay.setFrameShape(QFrame.Shape.NoFrame)
        overlay.horizontalHeader().hide()
        overlay.verticalHeader().hide()
        overlay.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        overlay.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        overlay.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        overlay.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        overlay.setWordWrap(view.wordWrap())
        overlay.setGridStyle(view.gridStyle())
        overlay.setStyleSheet("QTableView { border-right: 1px solid #9aa0a6; }")
        for cell in self.layout.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                overlay.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        overlay.show()
        return overlay

    def overlays(self) -> list[QTableView]:
        return [o for o in (self.left, self.top, self.corner) if o is not None]

    @property
    def frozen_width(self) -> int:
        return sum(self.view.columnWidth(c) for c in range(self.layout.label_cols))

    @property
    def frozen_height(self) -> int:
        return sum(self.view.rowHeight(r) for r in range(self.layout.header_rows))

    def sync_sizes(self) -> None:
        """Same widths, heights and font as the main view (after zoom), then placed."""
        view = self.view
        for overlay in self.overlays():
            overlay.setFont(view.font())
            for col in range(self.layout.n_cols):
                overlay.setColumnWidth(col, view.columnWidth(col))
            for row in range(self.layout.n_rows):
                overlay.setRowHeight(row, view.rowHeight(row))
        self.place()

    def place(self) -> None:
        """Lay the panes over the main view's viewport, scrolled as it is."""
        view = self.view
        port = view.viewport().geometry()
        width = min(self.frozen_width, port.width())
        height = min(self.frozen_height, port.height())
        if self.left is not None:
            self.left.setGeometry(QRect(port.x(), port.y(), width, port.height()))
            self.left.verticalScrollBar().setValue(view.verticalScrollBar().value())
        if self.top is not None:
            self.top.setGeometry(QRect(port.x(), port.y(), port.width(), height))
            self.top.horizontalScrollBar().setValue(view.horizontalScrollBar().value())
        if self.corner is not None:
            self.corner.setGeometry(QRect(port.x(), port.y(), width, height))
        for overlay in self.overlays():
            overlay.raise_()
        if self.corner is not None:
            self.corner.raise_()

    def uncover(self, index: QModelIndex) -> None:
        """Scroll so that a cell the cursor moved to is not under a frozen pane."""
        rect = self.view.visualRect(index)
        if index.column() >= self.layout.label_cols and rect.left() < self.frozen_width:
            bar = self.view.horizontalScrollBar()
            bar.setValue(bar.value() - (self.frozen_width - rect.left()))
        if index.row() >= self.layout.header_rows and rect.top() < self.frozen_height:
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() - (self.frozen_height - rect.top()))
