"""What a clerk's walk through 导入已发布的报告 found working, held by tests.

A published copy cut short (t13: the stored web page stops inside 表三) opens with
the cells it lost blank and coloured apart from a read 0, and its one UNREAD
note takes the clerk to those cells; a damaged or oversized file is refused in
Chinese, naming the file, and the import box stays open for another try.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.dialogs.import_report import ImportDialog
from gui.grid_model import COLOURS
from models.editions import CellRef
from models.importer import import_text
from models.totals import unread_inputs
from tests.gui.conftest import table_page
from tests.gui.test_grid import _type

CUT_SHORT = Path(__file__).parents[1] / "fixtures" / "real" / "t13_longgang_bm_2024" / "source.txt"
LOST = CellRef("t3", "refuse_8", "natural")  # the copy stops before this row
READ_ZERO = CellRef("t3", "refuse_6", "natural")  # printed 0 in the copy


@pytest.fixture
def cut_short_window(make_window):  # type: ignore[no-untyped-def]
    result = import_text(CUT_SHORT.read_text(encoding="utf-8"))
    result.report.agency = "深圳市龙岗区某局"  # the copy has no title: the clerk says it
    assert LOST in result.report.unread and result.report.get(READ_ZERO) == 0
    return make_window(result.report)


def test_a_cell_the_copy_lost_is_blank_and_coloured_apart_from_a_read_zero(
    cut_short_window,
) -> None:  # type: ignore[no-untyped-def]
    model = table_page(cut_short_window, "t3").view.grid_model
    lost, zero = model.index_of(LOST), model.index_of(READ_ZERO)
    assert model.data(lost, Qt.ItemDataRole.DisplayRole) == ""
    assert model.data(zero, Qt.ItemDataRole.DisplayRole) == "0"
    lost_colour = model.data(lost, Qt.ItemDataRole.BackgroundRole).color()
    zero_colour = model.data(zero, Qt.ItemDataRole.BackgroundRole).color()
    assert zero_colour == COLOURS["input"] and lost_colour != zero_colour
    tip = model.data(lost, Qt.ItemDataRole.ToolTipRole)
    assert "导入时未能从原文读出" in tip and "不按0计算" in tip and "没有的请填0" not in tip


def test_clicking_the_unread_note_selects_the_lost_cells_of_table_three(cut_short_window) -> None:  # type: ignore[no-untyped-def]
    window = cut_short_window
    window.show_page("meta")
    items = [window.issues.list.item(i) for i in range(window.issues.list.count())]
    unread = [i for i in items if i.data(Qt.ItemDataRole.UserRole).code == "UNREAD"]
    assert len(unread) == 1 and "不按0计算" in unread[0].text()
    window.issues.list.itemClicked.emit(unread[0])
    view = table_page(window, "t3").view
    assert window.current_page() is window.pages["t3"]
    selection = view.selectionModel()
    assert selection.isSelected(view.grid_model.index_of(LOST))
    assert not selection.isSelected(view.grid_model.index_of(READ_ZERO))
    assert selection.currentIndex() == view.grid_model.index_of(LOST)


def _pick(qtbot, monkeypatch, path: Path) -> tuple[ImportDialog, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    """Choose a file with 选择文件… and collect the warnings shown."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text, *a: shown.append((title, text))
    )
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pick.click()
    return dialog, shown


def test_a_pdf_that_is_random_bytes_is_refused_and_the_box_stays_open(
    qtbot, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    damaged = tmp_path / "年报.pdf"
    damaged.write_bytes(os.urandom(20_000).replace(b"%PDF", b"xPDF"))
    dialog, shown = _pick(qtbot, monkeypatch, damaged)
    assert dialog.imported is None and dialog.isVisible()
    assert len(shown) == 1 and shown[0][0] == "无法导入"
    assert str(damaged) in shown[0][1] and "PDF" in shown[0][1]


def test_a_25_mb_file_is_refused_with_its_size(qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "大文件.txt"
    with big.open("wb") as out:
        out.truncate(25 * 1024 * 1024)  # sparse: the size is what is checked first
    dialog, shown = _pick(qtbot, monkeypatch, big)
    assert dialog.imported is None and dialog.isVisible()
    assert len(shown) == 1 and "太大" in shown[0][1] and "25MB" in shown[0][1]


def test_a_total_over_lost_cells_shows_blank_until_they_are_filled(cut_short_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    # The walk found （七）总计 showing "21", a partial sum, under rows the copy lost.
    view = table_page(cut_short_window, "t3").view
    model = view.grid_model
    total = model.index_of(CellRef("t3", "results_total", "total"))
    assert model.data(total, Qt.ItemDataRole.DisplayRole) == ""
    assert "暂不显示" in model.data(total, Qt.ItemDataRole.ToolTipRole)
    report = cut_short_window.document.report
    lost = sorted((ref for ref in unread_inputs(report) if ref.table == "t3"), key=str)
    for ref in lost:
        view.setCurrentIndex(model.index_of(ref))
        _type(qtbot, view, "0")
    assert not any(ref.table == "t3" for ref in unread_inputs(report))
    assert model.data(total, Qt.ItemDataRole.DisplayRole) not in ("", None)
