"""The window's PDF jobs: 预览, 打印 and 导出PDF, each built off the main thread.

While a PDF is being made its three actions are greyed out; when it is ready it
is shown, printed or written (atomically), and the status bar says how many
pages, and whether they carry the "草稿" mark of a report with errors.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from gui.document import ReportDocument
from gui.pdf_output import PdfMaker
from gui.session import documents_folder
from models.files import disk_reason, write_bytes_atomically


class PdfJobs(QObject):
    def __init__(
        self,
        window: QMainWindow,
        document: ReportDocument,
        settings: QSettings,
        say: Callable[[str], None],
    ):
        super().__init__(window)
        self.window = window
        self.document = document
        self.settings = settings
        self.say = say
        self.actions: list[QAction] = []  # 预览, 打印, 导出PDF: set by the menus
        self.preview: QWidget | None = None
        self._job: tuple[str, Path | None] = ("", None)
        self.maker = PdfMaker(self)
        self.maker.finished.connect(self._on_ready)
        self.maker.failed.connect(self._on_failed)

    def export(self) -> None:
        report = self.document.report
        folder = Path(str(self.settings.value("pdf_folder", documents_folder())))
        suggested = folder / f"{report.agency or '本机关'}{report.title_after_agency}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self.window, "导出PDF", str(suggested), "PDF 文件 (*.pdf)"
        )
        if not name:
            return
        if not name.lower().endswith(".pdf"):
            name += ".pdf"
        self.settings.setValue("pdf_folder", str(Path(name).parent))
        self.make("export", Path(name))

    def make(self, purpose: str, path: Path | None = None) -> None:
        """Build the PDF off the main thread, then preview, print or save it."""
        self._job = (purpose, path)
        for action in self.actions:
            action.setEnabled(False)
        self.window.statusBar().showMessage("正在生成PDF……")
        self.maker.start(self.document.report)

    def _on_failed(self, message: str) -> None:
        self._done()
        QMessageBox.warning(self.window, "生成PDF失败", message)

    def _on_ready(self, data: bytes, result: object) -> None:
        from gui.dialogs.preview import PreviewDialog
        from gui.pdf_output import print_pdf

        self._done()
        purpose, path = self._job
        errors = getattr(result, "errors", 0)
        note = f"（存在{errors}处校验错误，每页带“草稿”标记）" if errors else ""
        pages = getattr(result, "pages", "?")
        if purpose == "export" and path is not None:
            try:
                write_bytes_atomically(path, data)
            except OSError as exc:
                QMessageBox.warning(
                    self.window, "导出失败", f"无法写入“{path}”：{disk_reason(exc)}"
                )
                return
            self.say(f"已导出 {path}，共 {pages} 页{note}")
        elif purpose == "preview":
            self.preview = PreviewDialog(data, self.document.report.title, self.window)
            self.preview.show()
            self.say(f"预览：共 {pages} 页{note}")
        elif purpose == "print":
            from PySide6.QtPrintSupport import QPrinter

            printed = print_pdf(data, QPrinter(QPrinter.PrinterMode.HighResolution), self.window)
            if printed:
                self.say(f"已送打印 {printed} 页{note}")

    def _done(self) -> None:
        for action in self.actions:
            action.setEnabled(True)
        self.window.statusBar().clearMessage()
