"""Draft files (.json) chosen or written through a file dialog, the folder remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gui.session import documents_folder
from models.report import Report
from models.store import DraftStoreError, save_draft_file

DRAFT_FILTER = "报告草稿 (*.json)"


def _folder(settings: QSettings) -> Path:
    return Path(str(settings.value("folder", documents_folder())))


def ask_draft_to_import(parent: QWidget, settings: QSettings) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "导入草稿文件", str(_folder(settings)), DRAFT_FILTER
    )
    if not name:
        return None
    settings.setValue("folder", str(Path(name).parent))
    return Path(name)


def export_draft_file(parent: QWidget, report: Report, settings: QSettings) -> Path | None:
    """Ask where, write the draft file; the path written, or None (cancelled or failed, said)."""
    suggested = _folder(settings) / f"{report.agency or '报告'}{report.year}.json"
    name, _ = QFileDialog.getSaveFileName(parent, "导出草稿文件", str(suggested), DRAFT_FILTER)
    if not name:
        return None
    try:
        save_draft_file(report, Path(name))
    except DraftStoreError as exc:
        QMessageBox.warning(parent, "导出失败", str(exc))
        return None
    settings.setValue("folder", str(Path(name).parent))
    return Path(name)
