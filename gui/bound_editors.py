"""Text editors bound to one field of the report, with undo through the window's stack.

Their own undo is off: every edit becomes a ``SetFieldCommand`` (keystrokes in
quick succession merge), so Ctrl+Z undoes text and table changes in one order.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from gui.document import ReportDocument
from gui.undo import SetFieldCommand
from models.fields import TEXT_FIELDS, get_field
from models.report import MAX_AGENCY_CHARS, MAX_TEXT_CHARS


def _undo_keys(document: ReportDocument, event: QKeyEvent) -> bool:
    if event.matches(QKeySequence.StandardKey.Undo):
        document.undo_stack.undo()
        return True
    ctrl_y = (
        event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
    )
    if event.matches(QKeySequence.StandardKey.Redo) or ctrl_y:
        document.undo_stack.redo()
        return True
    return False


class BoundTextEdit(QPlainTextEdit):
    # The report's document is ``report_document``: ``document()`` is Qt's text
    # document of the editor, which this class must not shadow.
    def __init__(self, document: ReportDocument, field: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.report_document = document
        self.field = field
        self._updating = False
        self.setUndoRedoEnabled(False)
        # Official reports hold no tab characters: Tab moves on, as in a form.
        self.setTabChangesFocus(True)
        self.setPlainText(str(get_field(document.report, field)))
        self.textChanged.connect(self._on_text_changed)
        document.fieldChanged.connect(self._on_field_changed)
        document.structureChanged.connect(lambda: self._on_field_changed(self.field))

    def _on_text_changed(self) -> None:
        if self._updating:
            return
        text = self.toPlainText()
        name = TEXT_FIELDS[self.field]
        if len(text) > MAX_TEXT_CHARS:
            # Never keep what the draft file could not be read back with.
            self._on_field_changed(self.field)
            QMessageBox.warning(
                self,
                "内容太长",
                f"“{name}”最多 {MAX_TEXT_CHARS:,} 字；刚才的输入使它达到 {len(text):,} 字，"
                "未被接受。请删减后分段粘贴。",
            )
            return
        if text != get_field(self.report_document.report, self.field):
            self.report_document.undo_stack.push(
                SetFieldCommand(self.report_document, self.field, text, f"编辑{name}")
            )

    def _on_field_changed(self, name: str) -> None:
        if name != self.field:
            return
        text = str(get_field(self.report_document.report, self.field))
        if text == self.toPlainText():
            return
        cursor = self.textCursor().position()
        self._updating = True
        try:
            self.setPlainText(text)
            moved = self.textCursor()
            moved.setPosition(min(cursor, len(text)))
            self.setTextCursor(moved)
        finally:
            self._updating = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _undo_keys(self.report_document, event):
            super().keyPressEvent(event)

    def select_span(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()


class BoundLineEdit(QLineEdit):
    def __init__(self, document: ReportDocument, field: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.report_document = document
        self.field = field
        self.setMaxLength(MAX_AGENCY_CHARS)  # what a draft holds, so nothing is cut
        self.setText(str(get_field(document.report, field)))
        self.textEdited.connect(self._on_edited)
        document.fieldChanged.connect(self._on_field_changed)
        # Another report opened (or a backup restored): show its value.
        document.structureChanged.connect(lambda: self._on_field_changed(self.field))

    def _on_edited(self, text: str) -> None:
        name = TEXT_FIELDS[self.field]
        self.report_document.undo_stack.push(
            SetFieldCommand(self.report_document, self.field, text, f"编辑{name}")
        )

    def _on_field_changed(self, name: str) -> None:
        if name == self.field and self.text() != get_field(self.report_document.report, name):
            self.setText(str(get_field(self.report_document.report, name)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _undo_keys(self.report_document, event):
            super().keyPressEvent(event)
