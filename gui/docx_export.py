"""文件 → 导出Word: the report as an editable .docx for the office's OA and seal.

Built on the main thread under a wait cursor (well under a second); written
atomically (``export.docx.export_docx``), so a read-only or full folder leaves the
old file or none, never half a document, and the clerk is told why in Chinese.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from gui.session import documents_folder
from models.files import disk_reason

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def export_word(window: MainWindow) -> Path | None:
    """Ask where, write the .docx, say so in the status bar; the path, or None."""
    from export.docx import export_docx  # python-docx loads on first use

    report = window.document.report
    settings = window.settings
    # The PDF's folder the first time: the two usually go to the same place.
    folder = settings.value("docx_folder") or settings.value("pdf_folder") or documents_folder()
    suggested = Path(str(folder)) / f"{report.agency or '本机关'}{report.title_after_agency}.docx"
    name, _ = QFileDialog.getSaveFileName(window, "导出Word", str(suggested), "Word 文档 (*.docx)")
    if not name:
        return None
    if not name.lower().endswith(".docx"):
        name += ".docx"
    path = Path(name)
    settings.setValue("docx_folder", str(path.parent))
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        errors = export_docx(report, path)
    except OSError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(window, "导出失败", f"无法写入“{path}”：{disk_reason(exc)}")
        return None
    QApplication.restoreOverrideCursor()
    mark = f"（存在{errors}处校验错误，页眉带“草稿”标记）" if errors else ""
    window.statusBar().showMessage(f"已导出Word文档 {path}{mark}", 8000)
    return path
