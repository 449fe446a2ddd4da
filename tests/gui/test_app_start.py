"""The program's start, end to end: store folder, lock, report list, window."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

import gui.app as app_module
from gui import crash_log
from gui.dialogs.start import StartDialog
from gui.main_window import MainWindow
from models.store import ANOTHER_WINDOW, DraftStore


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
    # Another copy has it.
    monkeypatch.setattr(app_module, "lock_store", lambda _folder: (None, ANOTHER_WINDOW))
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


def test_a_start_after_a_crash_says_so_and_errors_reach_the_log(
    qapp, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "drafts"
    chosen = DraftStore(folder).create("某某区公安分局", 2021)
    monkeypatch.setattr(app_module, "store_folder", lambda: folder)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: told.append(text))

    def pick(self: StartDialog) -> int:
        self.chosen = chosen
        return 1

    monkeypatch.setattr(StartDialog, "exec", pick)
    shown: list[MainWindow] = []
    monkeypatch.setattr(MainWindow, "show", lambda self: shown.append(self))

    def crash(self=None) -> int:  # type: ignore[no-untyped-def]
        raise RuntimeError("killed")  # the session ends without its normal exit path

    monkeypatch.setattr(QApplication, "exec", crash)
    with pytest.raises(RuntimeError):
        app_module.run_gui(["main.py"])
    assert (folder.parent / crash_log.MARKER_NAME).exists()
    assert not any("未正常退出" in t for t in told)
    shown.pop().close()

    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    app_module.run_gui(["main.py"])
    saved = DraftStore(folder).info(chosen).saved_at
    assert f"上次未正常退出，已恢复到 {saved:%H:%M:%S} 自动保存的内容" in told[-1]
    assert not (folder.parent / crash_log.MARKER_NAME).exists()
    shown.pop().close()
    told.clear()
    app_module.run_gui(["main.py"])  # a normal exit last time: nothing to say
    assert not any("未正常退出" in t for t in told)
    shown.pop().close()

    # An unexpected error: traceback in the log file, the log named in the dialog.
    try:
        raise ValueError("意外")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    log = (folder.parent / crash_log.LOG_NAME).read_text(encoding="utf-8")
    assert "ValueError: 意外" in log
    assert crash_log.LOG_NAME in told[-1]
