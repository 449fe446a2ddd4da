"""Undoable changes to the report: cells (typing, paste, delete), fields, whole report."""

from __future__ import annotations

import time

from PySide6.QtGui import QUndoCommand

from gui.document import ReportDocument
from models.editions import CellRef
from models.fields import FieldValue, get_field
from models.report import Report
from models.values import Value

_TEXT_MERGE_ID = 1
# Keystrokes in one text field within this many seconds undo together.
TEXT_MERGE_SECONDS = 1.5


class SetCellsCommand(QUndoCommand):
    def __init__(self, document: ReportDocument, changes: dict[CellRef, Value | None], text: str):
        super().__init__(text)
        self.document = document
        self.new = dict(changes)
        self.old = {ref: document.report.get(ref) for ref in changes}

    def redo(self) -> None:
        self.document.apply_cells(self.new)

    def undo(self) -> None:
        self.document.apply_cells(self.old)


class SetFieldCommand(QUndoCommand):
    """One field's new value; consecutive typing in the same text field merges."""

    def __init__(self, document: ReportDocument, name: str, value: FieldValue, text: str):
        super().__init__(text)
        self.document = document
        self.name = name
        self.old = get_field(document.report, name)
        self.new = value
        self.stamp = time.monotonic()
        self.mergeable = isinstance(value, str)

    def id(self) -> int:
        return _TEXT_MERGE_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFieldCommand) or other.name != self.name:
            return False
        if other.stamp - self.stamp > TEXT_MERGE_SECONDS:
            return False
        self.new = other.new
        self.stamp = other.stamp
        return True

    def redo(self) -> None:
        self.document.apply_field(self.name, self.new)

    def undo(self) -> None:
        self.document.apply_field(self.name, self.old)


class ReplaceReportCommand(QUndoCommand):
    """Swap in a whole new report (edition switch, unit conversion of many cells)."""

    def __init__(self, document: ReportDocument, report: Report, text: str):
        super().__init__(text)
        self.document = document
        self.old = document.report
        self.new = report

    def redo(self) -> None:
        self.document.apply_report(self.new)

    def undo(self) -> None:
        self.document.apply_report(self.old)
