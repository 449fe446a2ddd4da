"""文件 → 导出网页 from the window, as a clerk would use it."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from export.html import build_html
from tests.conftest import load_seed


def _menu_action(window, text: str):  # type: ignore[no-untyped-def]
    (file_menu,) = [m for m in window.menuBar().actions() if m.text() == "文件(&F)"]
    (action,) = [a for a in file_menu.menu().actions() if a.text() == text]
    return action


def test_export_html_from_the_menu(seed_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = seed_window("002")
    target = tmp_path / "卫辉市公安局年报"  # no suffix typed: .html is added
    asked: list[str] = []

    def save_dialog(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    _menu_action(window, "导出网页(&T)…").trigger()
    written = tmp_path / "卫辉市公安局年报.html"
    assert written.read_text(encoding="utf-8") == build_html(load_seed("002"))
    assert asked[0].endswith("卫辉市公安局2021年政府信息公开工作年度报告.html")
    assert window.statusBar().currentMessage() == f"已导出网页 {written}"
    assert window.settings.value("html_folder") == str(tmp_path)


def test_export_html_into_a_missing_folder_says_why(seed_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = seed_window("003")
    target = tmp_path / "没有这个文件夹" / "年报.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, title, text: warnings.append(title + text))
    )
    _menu_action(window, "导出网页(&T)…").trigger()
    assert len(warnings) == 1 and "导出失败" in warnings[0] and "文件夹不存在" in warnings[0]
    assert not target.parent.exists()


def test_cancelled_dialog_writes_nothing(seed_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = seed_window("001")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    _menu_action(window, "导出网页(&T)…").trigger()
    assert list(tmp_path.glob("*.html")) == []
    assert window.settings.value("html_folder") is None
