"""The grid's cell editors: typed entries finished by the view's keys, and the
variant that also paints last year's figure in each cell."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate

from gui.grid_model import PreviousValueRole

if TYPE_CHECKING:
    from gui.grid_view import ReportGridView

# Keys that finish an entry, and where each sends the cursor.
_FINISH_KEYS = {
    Qt.Key.Key_Tab: "tab",
    Qt.Key.Key_Backtab: "backtab",
    Qt.Key.Key_Return: "enter",
    Qt.Key.Key_Enter: "enter",
}
# While an entry is being typed (not after F2), arrows finish it and move, as in Excel.
ARROWS = {
    Qt.Key.Key_Up: (-1, 0),
    Qt.Key.Key_Down: (1, 0),
    Qt.Key.Key_Left: (0, -1),
    Qt.Key.Key_Right: (0, 1),
}


def finishing_move(event: QKeyEvent) -> str | None:
    """Where Tab, Enter and their Shift forms send the cursor; Ctrl+Enter fills."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    move = _FINISH_KEYS.get(Qt.Key(event.key())) if event.key() in _FINISH_KEYS else None
    if move is None:
        return None
    if modifiers & Qt.KeyboardModifier.ControlModifier:
        return "fill" if move == "enter" else None
    if modifiers & Qt.KeyboardModifier.ShiftModifier:
        return {"tab": "backtab", "enter": "enter_back"}.get(move, move)
    return move


class EntryDelegate(QStyledItemDelegate):
    """A right-aligned line editor whose finishing keys the view handles itself."""

    def __init__(self, view: ReportGridView):
        super().__init__(view)
        self.view = view

    def createEditor(self, parent, option, index):  # type: ignore[no-untyped-def]
        editor = super().createEditor(parent, option, index)
        assert isinstance(editor, QLineEdit)  # every cell holds text
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def eventFilter(self, editor, event):  # type: ignore[no-untyped-def]
        # Qt's own handling of Tab/Enter in an editor skips a commit that
        # changes nothing and can hand focus to the next widget (issue 10):
        # the view finishes every entry itself, the same way for every key.
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit):
            move = finishing_move(event)
            if move is not None:
                self.view.finish_entry(editor, move)
                return True
            plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
            if event.key() in ARROWS and plain and self.view.typing_entry:
                self.view.finish_entry(editor, ARROWS[Qt.Key(event.key())])
                return True
        return super().eventFilter(editor, event)


class LastYearDelegate(EntryDelegate):
    """The same, painting last year's figure in each cell too (视图 → 显示上年数字).

    A delegate of its own: a paint() written in Python runs for every cell
    painted, so the ordinary grid keeps Qt's own.
    """

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
