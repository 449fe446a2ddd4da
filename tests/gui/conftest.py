"""Qt fixtures: the real window on a real report, offscreen, with settings in a temp file."""

from __future__ import annotations

import faulthandler
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from gui.app import install_translations
from gui.document import ReportDocument
from gui.fonts import install_ui_font
from gui.main_window import MainWindow
from gui.pages import TablePage
from models.report import Report, new_report
from tests.conftest import load_seed


@pytest.fixture(scope="session", autouse=True)
def _chinese_app(qapp):  # type: ignore[no-untyped-def]
    install_translations(qapp)
    install_ui_font(qapp)


@pytest.fixture(autouse=True)
def _restore_error_hooks():  # type: ignore[no-untyped-def]
    """The program's start installs its own error hook and fault log: undo both."""
    hook = sys.excepthook
    yield
    sys.excepthook = hook
    if faulthandler.is_enabled():
        faulthandler.enable(file=sys.__stderr__)


@pytest.fixture(autouse=True)
def _no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box nobody expected fails the test at once: offscreen, its modal
    loop would wait for a click forever (a PDF that failed to build hung a run so).
    A test that expects one patches the method itself."""

    def unexpected(kind: str):  # type: ignore[no-untyped-def]
        def box(_parent, title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
            raise AssertionError(f"unexpected {kind} dialog: {title}: {text}")

        return staticmethod(box)

    for kind in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, unexpected(kind))


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings):  # type: ignore[no-untyped-def]
    def make(report: Report | None = None) -> MainWindow:
        window = MainWindow(ReportDocument(report or new_report("测试局", 2020)), settings)
        # Closing asks about unsaved changes; the tests have none to keep.
        qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def seed_window(make_window):  # type: ignore[no-untyped-def]
    return lambda seed: make_window(load_seed(seed))


def table_page(window: MainWindow, key: str) -> TablePage:
    window.show_page(key)
    page = window.pages[key]
    assert isinstance(page, TablePage) and page.view is not None
    return page
