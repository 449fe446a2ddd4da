"""The open report in the window: one Report, its undo stack, and its checks.

Widgets show the report and change it only through undo commands
(``gui.undo``), which call the raw setters here; every change re-runs the
checks and emits ``checked`` so that colours and the issues list follow at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from models.editions import CellRef
from models.fields import FieldValue, set_field
from models.report import Report
from models.totals import compute_totals
from models.validation import CheckResult, Issue, check
from models.values import Value


class ReportDocument(QObject):
    checked = Signal()  # issues and totals recomputed
    cellsChanged = Signal(list)  # [CellRef]
    fieldChanged = Signal(str)  # a meta/text field changed (every edit; "" for all)
    structureChanged = Signal()  # edition changed: grids must be rebuilt

    def __init__(
        self, report: Report, previous: Report | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.report = report
        self.previous = previous
        self.undo_stack = QUndoStack(self)
        self.previous_totals: dict[CellRef, Value | None] = {}
        self.issues = CheckResult()
        self.totals: dict[CellRef, Value | None] = {}
        self.issues_by_cell: dict[CellRef, list[Issue]] = {}
        self.recheck()

    # -------------------------------------------------- raw setters (undo commands call these)

    def apply_cells(self, changes: dict[CellRef, Value | None]) -> None:
        for ref, value in changes.items():
            self.report.set(ref, value)
        self.recheck()
        self.cellsChanged.emit(list(changes))

    def apply_field(self, name: str, value: FieldValue) -> None:
        set_field(self.report, name, value)
        self.recheck()
        self.fieldChanged.emit(name)

    def apply_report(self, report: Report) -> None:
        """Replace the whole report (edition switch): the grids are rebuilt."""
        self.report = report
        self.previous_totals = {}
        self.recheck()
        self.structureChanged.emit()

    # -------------------------------------------------- checks

    def recheck(self) -> None:
        self.totals = compute_totals(self.report)
        # Last year's report does not change while this one is edited.
        if self.previous is not None and not self.previous_totals:
            self.previous_totals = compute_totals(self.previous)
        self.issues = check(
            self.report, self.previous, totals=self.totals, previous_totals=self.previous_totals
        )
        by_cell: dict[CellRef, list[Issue]] = {}
        for issue in self.issues:
            if issue.code == "MISSING":
                continue  # blank cells have their own look; no need to shout
            for ref in issue.cells:
                by_cell.setdefault(ref, []).append(issue)
        self.issues_by_cell = by_cell
        self.checked.emit()

    def counts(self) -> tuple[int, int]:
        errors = len(self.issues.errors)
        return errors, len(self.issues) - errors
