"""历史版本: choose an earlier save of the open report."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs import saved_time
from models.store import (
    DraftStore,
)


class BackupsDialog(QDialog):
    """历史版本: earlier saves of the open report; restoring one is itself undoable."""

    def __init__(self, store: DraftStore, report_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("恢复历史版本")
        self.chosen: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("每次保存都会保留上一版本（最近10次，以及近7天每天一份）。"))
        self.table = QTableWidget(0, 1)
        self.table.setHorizontalHeaderLabels(["保存时间"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backups = store.list_backups(report_id)
        self.table.setRowCount(len(self.backups))
        for r, backup in enumerate(self.backups):
            self.table.setItem(r, 0, QTableWidgetItem(saved_time(backup.saved_at)))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("恢复所选版本")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.chosen = self.backups[rows[0].row()].name
            self.accept()
