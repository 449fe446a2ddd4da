"""Start the Qt application: translations, fonts, the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from models import APP_NAME


def run_gui(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    window.setCentralWidget(QLabel("编辑窗口开发中"))
    window.show()
    return app.exec()
