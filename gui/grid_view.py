"""The spreadsheet-like view of one table: merged cells, keys, copy and paste.

Typing overwrites, F2 or a double click edits, Enter moves down, Tab moves
right, arrows move, Delete clears to blank; Ctrl+C / Ctrl+V move rectangular
blocks to and from Excel/WPS as tab-separated text.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from gui.grid_model import PreviousValueRole, ReportTableModel
from gui.undo import SetCellsCommand
from models.editions import CellRef, CellRole
from models.paste import PasteError, PasteRange, format_block, plan_paste

# Widths in characters of the current font: labels wide enough to read whole.
LABEL_WIDTHS = {"t2": [14], "t3": [4.5, 4.5, 19], "t4": []}
VALUE_WIDTH = {"t2": 10, "t3": 5.5, "t4": 3.9}


class _EntryDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # type: ignore[no-untyped-def]
        editor = super().createEditor(parent, option, index)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def paint(self, painter, option, index) -> None:  # type: ignore[no-untyped-def]
        super().paint(painter, option, index)
        last = index.data(PreviousValueRole)
        if last is None:
            return
        # Last year's figure, small and grey at the left of the cell.
        painter.save()
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 0.8)
        painter.setFont(font)
        painter.setPen(QColor("#7a7f87"))
        rect = option.rect.adjusted(3, 0, -3, 0)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, align, f"上年{last}")
        painter.restore()


class ReportGridView(QTableView):
    message = Signal(str)  # for the status bar

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(_EntryDelegate(self))
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        for cell in model.layout.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self.apply_widths()
        first = next((c for c in model.layout.cells if c.role is CellRole.VALUE), None)
        if first is not None:
            self.setCurrentIndex(model.index(first.row, first.col))

    @property
    def grid_model(self) -> ReportTableModel:
        model = self.model()
        assert isinstance(model, ReportTableModel)
        return model

    def apply_widths(self) -> None:
        """Column widths and row heights from the font: re-run after zooming."""
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("国")
        layout = self.grid_model.layout
        key = self.grid_model.table_key
        labels = LABEL_WIDTHS[key]
        widths = []
        for col in range(layout.n_cols):
            chars = labels[col] if col < len(labels) else VALUE_WIDTH[key]
            widths.append(int(em * chars + 14))
            self.setColumnWidth(col, widths[-1])
        # A row is as tall as the text that starts in it and spans only it
        # needs; Qt's resizeRowsToContents mis-measures merged cells.
        base = int(metrics.height() * 1.7)
        heights = [base] * layout.n_rows
        for cell in layout.cells:
            if cell.rowspan != 1 or not cell.text:
                continue
            width = sum(widths[cell.col : cell.col + cell.colspan]) - 10
            rect = metrics.boundingRect(
                0, 0, max(width, em), 10_000, Qt.TextFlag.TextWordWrap, cell.text
            )
            heights[cell.row] = max(heights[cell.row], rect.height() + 10)
        for row, height in enumerate(heights):
            self.setRowHeight(row, height)

    # -------------------------------------------------- keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.clear_selection()
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self._move(1, 0)
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Enter commits and moves down, Tab commits and moves right, as in a
        # spreadsheet; a refused entry keeps the cursor on its cell.
        Hint = QAbstractItemDelegate.EndEditHint
        super().closeEditor(editor, Hint.NoHint)
        if self.grid_model.last_entry_refused:
            self.grid_model.last_entry_refused = False
            return
        if hint == Hint.SubmitModelCache:
            self._move(1, 0)
        elif hint == Hint.EditNextItem:
            self._move(0, 1)
        elif hint == Hint.EditPreviousItem:
            self._move(0, -1)

    def _move(self, d_row: int, d_col: int) -> None:
        """Move to the next value cell in a direction, skipping labels and spans."""
        current = self.currentIndex()
        if not current.isValid():
            return
        layout = self.grid_model.layout
        start = layout.covering(current.row(), current.column())
        row, col = current.row(), current.column()
        while True:
            row, col = row + d_row, col + d_col
            if not (0 <= row < layout.n_rows and 0 <= col < layout.n_cols):
                return
            target = layout.covering(row, col)
            if target is None or target.ref is None or target is start:
                continue
            self.setCurrentIndex(self.grid_model.index(target.row, target.col))
            return

    # -------------------------------------------------- clipboard

    def _selected_range(self) -> PasteRange | None:
        indexes = self.selectedIndexes()
        if not indexes:
            current = self.currentIndex()
            if not current.isValid():
                return None
            indexes = [current]
        rows = [i.row() for i in indexes]
        cols = [i.column() for i in indexes]
        return PasteRange(min(rows), min(cols), max(rows), max(cols))

    def copy_selection(self) -> None:
        selected = self._selected_range()
        if selected is None:
            return
        model = self.grid_model
        rows = []
        for r in range(selected.top, selected.bottom + 1):
            row = []
            for c in range(selected.left, selected.right + 1):
                cell = model.layout.covering(r, c)
                origin = cell is not None and (cell.row, cell.col) == (r, c)
                row.append(str(model.data(model.index(r, c))) if origin else "")
            rows.append(row)
        QGuiApplication.clipboard().setText(format_block(rows))
        self.message.emit(f"已复制 {len(rows)} 行 × {len(rows[0])} 列")

    def paste(self) -> None:
        selected = self._selected_range()
        if selected is None:
            return
        model = self.grid_model
        document = model.document
        text = QGuiApplication.clipboard().text()
        try:
            changes = plan_paste(
                document.report, model.layout, text, selected.top, selected.left, fill=selected
            )
        except PasteError as exc:
            self.message.emit(f"未粘贴：{exc}")
            return
        changes = {ref: v for ref, v in changes.items() if document.report.get(ref) != v}
        for ref in changes:
            model.refused.pop(ref, None)
        if not changes:
            self.message.emit("粘贴的内容与表中已有数值相同")
            return
        document.undo_stack.push(
            SetCellsCommand(document, changes, f"粘贴 {len(changes)} 个单元格")
        )
        self.message.emit(f"已粘贴 {len(changes)} 个单元格")

    def clear_selection(self) -> None:
        selected = self._selected_range()
        if selected is None:
            return
        model = self.grid_model
        document = model.document
        refs: list[CellRef] = []
        for r in range(selected.top, selected.bottom + 1):
            for c in range(selected.left, selected.right + 1):
                cell = model.layout.at(r, c)
                if cell is None or cell.ref is None:
                    continue
                model.refused.pop(cell.ref, None)
                # A derived cell holds a value only when a published total was
                # imported; clearing it hands the total back to the program.
                if cell.ref in document.report.cells:
                    refs.append(cell.ref)
        model.clear_refusals()
        if refs:
            document.undo_stack.push(
                SetCellsCommand(document, dict.fromkeys(refs), f"清除 {len(refs)} 个单元格")
            )

    def select_refs(self, refs: list[CellRef]) -> None:
        """Select the cells an issue is about and put the cursor on the first."""
        model = self.grid_model
        selection = self.selectionModel()
        selection.clearSelection()
        first: QModelIndex | None = None
        for ref in refs:
            index = model.index_of(ref)
            if not index.isValid():
                continue
            selection.select(index, QItemSelectionModel.SelectionFlag.Select)
            first = first or index
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(first)
            self.setFocus()
