"""The list of errors and warnings; clicking one takes the clerk to its cell or text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gui.document import ReportDocument
from models.validation import RULES, Issue, Severity

ERROR_TEXT = QColor("#a11d1d")
WARNING_TEXT = QColor("#8a5a00")


class IssuesPanel(QWidget):
    issueActivated = Signal(object)  # Issue

    def __init__(self, document: ReportDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        self.list = QListWidget()
        # Two issues at least; the window's dock gives it more where there is room.
        self.list.setMinimumHeight(self.list.fontMetrics().height() * 3)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list)
        self.list.itemClicked.connect(self._on_item)
        self.list.itemActivated.connect(self._on_item)
        self._shown: list[Issue] | None = None
        self.refresh()

    def summary(self) -> str:
        errors, warnings = self.document.counts()
        if not errors and not warnings:
            return "校验通过，没有错误，也没有提醒"
        return f"错误 {errors} 处 · 提醒 {warnings} 处（点击一条可定位到相应位置）"

    def refresh(self) -> None:
        # Most keystrokes leave the issues as they were: keep the list (and its
        # scroll position and selection) untouched then.
        # Whole issues (their words' places too): an item clicked later goes to
        # where the words are now, not where they were when the list was built.
        shown = list(self.document.issues)
        if shown == self._shown:
            return
        self._shown = shown
        self.list.clear()
        ordered = sorted(self.document.issues, key=lambda i: i.severity is not Severity.ERROR)
        for issue in ordered:
            label = "错误" if issue.severity is Severity.ERROR else "提醒"
            item = QListWidgetItem(f"【{label}】{issue.message}")
            item.setForeground(
                QBrush(ERROR_TEXT if issue.severity is Severity.ERROR else WARNING_TEXT)
            )
            item.setToolTip(f"{issue.code}：{RULES.get(issue.code, '')}")
            item.setData(Qt.ItemDataRole.UserRole, issue)
            self.list.addItem(item)

    def _on_item(self, item: QListWidgetItem) -> None:
        issue = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(issue, Issue):
            self.issueActivated.emit(issue)
