"""The program's start, end to end: store folder, lock, report list, window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

import gui.app as app_module
from gui.drafts_ui import StartDialog
from gui.main_window import MainWindow
from models.drafts import DraftStore


def test_start_opens_the_chosen_report(qapp, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "drafts"
    chosen = DraftStore(folder).create("某某区公安分局", 2021)
    monkeypatch.setattr(app_module, "store_folder", lambda: folder)

    def pick(self: StartDialog) -> int:
        self.chosen = chosen
        return 1

    monkeypatch.setattr(StartDialog, "exec", pick)
    shown: list[MainWindow] = []
    locked: list[bool] = []

    def show(self: MainWindow) -> None:
        shown.append(self)
        locked.append((folder / "store.lock").exists())

    monkeypatch.setattr(MainWindow, "show", show)
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert app_module.run_gui(["main.py"]) == 0
    (window,) = shown
    assert window.report_id == chosen and not window.read_only
    assert window.document.report.agency == "某某区公安分局"
    assert locked == [True] and not (folder / "store.lock").exists()  # held, then released
    window.document.undo_stack.setClean()
    window.close()


def test_second_copy_opens_read_only(qapp, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "drafts"
    chosen = DraftStore(folder).create("某某区公安分局", 2021)
    monkeypatch.setattr(app_module, "store_folder", lambda: folder)
    monkeypatch.setattr(app_module, "lock_store", lambda _folder: None)  # another copy has it
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))

    def pick(self: StartDialog) -> int:
        assert self.read_only and not self.new_button.isEnabled()
        self.chosen = chosen
        return 1

    monkeypatch.setattr(StartDialog, "exec", pick)
    shown: list[MainWindow] = []
    monkeypatch.setattr(MainWindow, "show", lambda self: shown.append(self))
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert app_module.run_gui(["main.py"]) == 0
    assert shown[0].read_only and shown[0].store.read_only
    assert any("只读" in t for t in told)
    shown[0].close()
