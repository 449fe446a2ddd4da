"""打印预览: the exact pages of the PDF that is exported, zoomable, with a print button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.pdf_output import PREVIEW_ZOOMS, pdfium, print_pdf, render_page
from gui.screen_fit import fit_to_screen


class PreviewDialog(QDialog):
    """The exact pages of the PDF, zoomable, with a print button."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"打印预览 — {title}")
        self.data = data
        self.document = pdfium().PdfDocument(data)
        self.zoom = 1.0
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.zoom_out = QPushButton("缩小")
        self.zoom_in = QPushButton("放大")
        self.print_button = QPushButton("打印…")
        self.info = QLabel()
        for widget in (self.zoom_out, self.zoom_in, self.print_button):
            bar.addWidget(widget)
        bar.addStretch()
        bar.addWidget(self.info)
        layout.addLayout(bar)
        self.pages_area = QScrollArea()
        self.pages_area.setWidgetResizable(True)
        self.pages_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.pages_area, 1)
        self.pages: list[QLabel] = []
        self.zoom_in.clicked.connect(lambda: self._step(1))
        self.zoom_out.clicked.connect(lambda: self._step(-1))
        self.print_button.clicked.connect(self._print)
        fit_to_screen(self, 900, 1000)
        # Esc closes the preview wherever the focus is (the page area takes keys).
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.activated.connect(self.close)
        self._render()

    def _step(self, direction: int) -> None:
        index = min(range(len(PREVIEW_ZOOMS)), key=lambda i: abs(PREVIEW_ZOOMS[i] - self.zoom))
        self.zoom = PREVIEW_ZOOMS[max(0, min(len(PREVIEW_ZOOMS) - 1, index + direction))]
        self._render()

    def _render(self) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages = []
        dpi = 96 * self.zoom * self.devicePixelRatioF()
        for index in range(len(self.document)):
            pixmap = QPixmap.fromImage(render_page(self.document, index, dpi))
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            label = QLabel()
            label.setPixmap(pixmap)
            label.setStyleSheet("border: 1px solid #888; background: white;")
            column.addWidget(label)
            self.pages.append(label)
        self.pages_area.setWidget(holder)
        self.info.setText(f"共 {len(self.document)} 页 · {round(self.zoom * 100)}%")

    def _print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printed = print_pdf(self.data, printer, self)
        if printed:
            self.info.setText(f"已送打印 {printed} 页")
