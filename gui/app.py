"""Start the Qt application: Chinese translations and font, the error hook, the window."""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.document import ReportDocument
from gui.fonts import install_ui_font
from gui.main_window import MainWindow
from models import APP_NAME
from models.commands import load_draft
from models.report import DocumentError, Report, new_report

ORGANIZATION = "GovInfoReport"


def install_translations(app: QApplication) -> None:
    """Qt's own dialogs and buttons in Chinese (确定/取消, the file dialog …)."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(locale)
    for name in ("qtbase", "qt"):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)


def _excepthook(kind, value, tb) -> None:  # type: ignore[no-untyped-def]
    # One place for the unexpected: print for the log, tell the clerk plainly.
    traceback.print_exception(kind, value, tb)
    app = QApplication.instance()
    if app is not None:
        QMessageBox.critical(
            None,
            "程序出错",
            f"程序遇到意外错误：{value}\n\n已填写的内容仍在窗口中，请先另存为草稿文件，再重新启动程序。",
        )


def create_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    install_translations(app)
    install_ui_font(app)
    return app


def run_gui(argv: list[str]) -> int:
    app = create_app(argv)
    sys.excepthook = _excepthook
    report: Report = new_report("", dt.date.today().year - 1)
    path = None
    if len(argv) > 1 and argv[1].endswith(".json"):
        try:
            report, path = load_draft(argv[1]), Path(argv[1])
        except DocumentError as exc:
            QMessageBox.warning(None, "无法打开", str(exc))
    document = ReportDocument(report)
    window = MainWindow(document, QSettings(), path)
    window.show()
    return app.exec()
