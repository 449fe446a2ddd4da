"""文件 → 导出Word from the window: the save dialog, the file, the status bar, a refusal."""

from __future__ import annotations

import errno

from docx import Document
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.conftest import load_seed


def _word_action(window):  # type: ignore[no-untyped-def]
    file_menu = window.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if a.text() == "导出Word(&W)…"]
    return action


def test_menu_exports_the_word_copy(seed_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = seed_window("004")
    target = tmp_path / "报告"  # the suffix is added
    asked: list[str] = []

    def save_as(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    _word_action(window).trigger()
    written = tmp_path / "报告.docx"
    assert written.exists()
    report = load_seed("004")
    assert Document(str(written)).paragraphs[0].text == report.agency
    assert asked[0].endswith(f"{report.agency}{report.title_after_agency}.docx")
    assert "已导出Word文档" in window.statusBar().currentMessage()
    assert "存在3处校验错误" in window.statusBar().currentMessage()
    assert window.settings.value("docx_folder") == str(tmp_path)


def test_a_full_disk_is_said_and_leaves_no_file(seed_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = seed_window("002")
    target = tmp_path / "报告.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    warnings: list[str] = []
    monkeypatch.setattr("models.files.os.fsync", full)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    _word_action(window).trigger()
    assert len(warnings) == 1 and "磁盘空间已满" in warnings[0]
    assert list(tmp_path.iterdir()) == []
