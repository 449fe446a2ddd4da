"""PDF in the window: make it off the main thread, preview its pages, print them.

The preview shows the exact pages of the PDF that is exported, rendered with
pypdfium2 (PDFium): PySide6-Essentials has no QtPdf, and the Addons wheel that
has it is ten times larger than the whole program.  Printing draws those same
rendered pages at the printer's resolution, so paper matches the PDF.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from models.report import Report

if TYPE_CHECKING:
    import pypdfium2


def pdfium():  # type: ignore[no-untyped-def]
    # Loaded on first use: start-up stays quick for a clerk who only types.
    import pypdfium2

    return pypdfium2


PREVIEW_ZOOMS = (0.6, 0.8, 1.0, 1.25, 1.5, 2.0)
PRINT_DPI_MAX = 300  # enough for 仿宋 at 16 pt; more only slows the spooler


class PdfMaker(QObject):
    """Builds a report's PDF on a worker thread so the window keeps responding."""

    finished = Signal(bytes, object)  # the PDF, its PdfResult
    failed = Signal(str)

    def start(self, report: Report) -> None:
        # The worker gets its own copy: the clerk may go on typing meanwhile.
        snapshot = report.copy()
        threading.Thread(target=self._run, args=(snapshot,), daemon=True).start()

    def _run(self, report: Report) -> None:
        try:
            from export.pdf import render_pdf  # ReportLab loads only when needed

            data, result = render_pdf(report)
        except Exception as exc:
            self.failed.emit(f"生成PDF失败：{exc}")
            return
        self.finished.emit(data, result)


def page_count(data: bytes) -> int:
    return len(pdfium().PdfDocument(data))


def render_page(document: pypdfium2.PdfDocument, index: int, dpi: float) -> QImage:
    bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
    image = QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
    )
    return image.copy()  # detach from the PDFium buffer before it is freed


def print_pdf(
    data: bytes, printer: QPrinter, parent: QWidget | None = None, ask: bool = True
) -> int:
    """Print the PDF's pages; returns how many were printed (0 if cancelled)."""
    document = pdfium().PdfDocument(data)
    total = len(document)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    if ask:
        printer.setFromTo(1, total)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("打印报告")
        dialog.setMinMax(1, total)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
    first, last = 1, total
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        first = max(1, printer.fromPage() or 1)
        last = min(total, printer.toPage() or total)
    dpi = min(printer.resolution(), PRINT_DPI_MAX)
    painter = QPainter(printer)
    try:
        target = painter.viewport()  # the whole sheet: setFullPage(True)
        for number in range(first, last + 1):
            if number > first:
                printer.newPage()
            painter.drawImage(target, render_page(document, number - 1, dpi))
    finally:
        painter.end()
    return last - first + 1
