"""The grid's selection commands as in Excel/WPS: Ctrl+C / Ctrl+V of rectangular
blocks as tab-separated text, Ctrl+Enter to fill, Delete to blank; each one undo step.

A mixin of ``ReportGridView`` (it needs the view's model, selection and
``message`` signal); no state of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

from gui.undo import SetCellsCommand
from models.editions import CellRef, CellRole, GridCell
from models.paste import PasteError, PasteRange, format_block, plan_paste

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QTableView

    from gui.grid_model import ReportTableModel

    _Base = QTableView
else:
    _Base = object


class GridClipboard(_Base):
    if TYPE_CHECKING:  # provided by ReportGridView
        message: SignalInstance

        @property
        def grid_model(self) -> ReportTableModel: ...

    def fill_range(self, selected: PasteRange, text: str) -> bool:
        """Ctrl+Enter: one entry into every fillable cell of the selection, one undo step."""
        refs = [cell.ref for cell in self._cells_in(selected) if cell.role is CellRole.VALUE]
        return self.grid_model.set_many(refs, text)  # type: ignore[arg-type]

    def _cells_in(self, selected: PasteRange) -> list[GridCell]:
        """The value and total cells whose rectangles start inside a selection."""
        layout = self.grid_model.layout
        cells = []
        for r in range(selected.top, selected.bottom + 1):
            for c in range(selected.left, selected.right + 1):
                cell = layout.at(r, c)
                if cell is not None and cell.ref is not None:
                    cells.append(cell)
        return cells

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
        # A derived cell holds a value only when a published total was
        # imported; clearing it hands the total back to the program.
        refs: list[CellRef] = [
            cell.ref
            for cell in self._cells_in(selected)
            if cell.ref is not None and cell.ref in document.report.cells
        ]
        model.clear_refusals()
        if refs:
            document.undo_stack.push(
                SetCellsCommand(document, dict.fromkeys(refs), f"清除 {len(refs)} 个单元格")
            )
