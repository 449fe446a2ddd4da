"""文件 → 导出网页: the report as one .html file for the agency's web site.

The page is built in a few milliseconds, so on the main thread; it is written
atomically (``export.html.export_html``), so a read-only or full folder leaves
the old file or none, never half a page, and the clerk is told why in Chinese.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.session import documents_folder
from models.files import disk_reason

if TYPE_CHECKING:
    from gui.main_window import MainWindow

HTML_SUFFIXES = (".html", ".htm")


def export_page(window: MainWindow) -> Path | None:
    """Ask where, write the page, say so in the status bar; the path, or None."""
    from export.html import export_html  # the exporter loads on first use

    report = window.document.report
    settings = window.settings
    # The PDF's folder the first time: the two usually go to the same place.
    folder = settings.value("html_folder") or settings.value("pdf_folder") or documents_folder()
    suggested = Path(str(folder)) / f"{report.agency or '本机关'}{report.title_after_agency}.html"
    name, _ = QFileDialog.getSaveFileName(
        window, "导出网页", str(suggested), "网页文件 (*.html *.htm)"
    )
    if not name:
        return None
    if not name.lower().endswith(HTML_SUFFIXES):
        name += ".html"
    path = Path(name)
    settings.setValue("html_folder", str(path.parent))
    try:
        export_html(report, path)
    except OSError as exc:
        QMessageBox.warning(window, "导出失败", f"无法写入“{path}”：{disk_reason(exc)}")
        return None
    window.statusBar().showMessage(f"已导出网页 {path}", 8000)
    return path
