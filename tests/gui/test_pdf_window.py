"""Preview, print and export from the window, as a clerk would use them."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from export.pdf import render_pdf
from gui.pdf_output import page_count, print_pdf
from tests.conftest import load_seed


def test_export_pdf_writes_the_file_without_blocking(
    seed_window, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = seed_window("004")
    target = tmp_path / "报告.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.pdf.export()
    assert not window.pdf.actions[0].isEnabled()  # busy while the worker runs
    qtbot.waitUntil(lambda: target.exists() and window.pdf.actions[0].isEnabled(), timeout=30_000)
    pages = len(PdfReader(target).pages)
    assert f"共 {pages} 页（存在3处校验错误" in window.statusBar().currentMessage()
    assert window.settings.value("pdf_folder") == str(tmp_path)


def test_preview_shows_every_page(seed_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = seed_window("002")
    window.pdf.make("preview")
    qtbot.waitUntil(lambda: window.pdf.preview is not None, timeout=30_000)
    dialog = window.pdf.preview
    data, result = render_pdf(load_seed("002"))
    assert len(dialog.pages) == result.pages == page_count(data)
    width = dialog.pages[0].pixmap().width()
    dialog.zoom_in.click()
    assert dialog.pages[0].pixmap().width() > width
    assert "共 7 页" in dialog.info.text()
    dialog.close()


def test_print_draws_the_same_pages_on_a4(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    data, result = render_pdf(load_seed("003"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(150)
    assert print_pdf(data, printer, ask=False) == result.pages
    reader = PdfReader(out)
    assert len(reader.pages) == result.pages
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5
    # A page range prints only those pages.
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_pdf(data, printer, ask=False) == 2
    assert len(PdfReader(tmp_path / "range.pdf").pages) == 2
