"""The program's start path with the clerk's answers scripted, for tests that need
a process of their own (a read-only or full disk mounted in a private namespace).

python -m tests.gui.start_probe DRAFTS_FOLDER -> one JSON line: what the clerk was
told (title, text), how often the report list was shown, and the window opened.
The report list picks its first report the first time and is closed after that.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

import gui.app as app_module
from gui.dialogs.start import StartDialog
from gui.main_window import MainWindow


def run(folder: Path) -> dict[str, object]:
    told: list[tuple[str, str]] = []
    lists: list[str] = []
    opened: list[dict[str, object]] = []

    def say(_parent, title, text, *_args):  # type: ignore[no-untyped-def]
        told.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("information", "warning", "critical"):
        setattr(QMessageBox, name, staticmethod(say))

    def pick(dialog: StartDialog) -> int:
        lists.append(dialog.heading.text())
        if len(lists) > 1 or not dialog.infos:
            return 0
        dialog.chosen = dialog.infos[0].id
        return 1

    def show(window: MainWindow) -> None:
        report = window.document.report
        opened.append({"agency": report.agency, "year": report.year, "read_only": window.read_only})

    StartDialog.exec = pick  # type: ignore[method-assign]
    MainWindow.show = show  # type: ignore[method-assign]
    QApplication.exec = lambda *_a: 0  # type: ignore[method-assign]
    app_module.store_folder = lambda: folder  # type: ignore[attr-defined]
    code = app_module.run_gui(["main.py"])
    return {"code": code, "told": told, "lists": lists, "opened": opened}


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1])), ensure_ascii=False))
