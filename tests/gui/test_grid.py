"""The grids as a clerk uses them: typing, refusing, deleting, pasting, undoing, colours."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.document import ReportDocument
from gui.grid_model import COLOURS, CellRefRole, ReportTableModel
from models.editions import EDITIONS, CellRef
from models.report import new_report
from tests.conftest import load_seed
from tests.gui.conftest import table_page


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("table", ["t2", "t3", "t4"])
def test_models_pass_qt_model_tester(qtmodeltester, edition: str, table: str) -> None:  # type: ignore[no-untyped-def]
    document = ReportDocument(load_seed("003") if edition == "2019" else load_seed("002"))
    qtmodeltester.check(ReportTableModel(document, table))


def _keys(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    # QTest only types ASCII; an input method delivers full-width digits as
    # key events that carry the text, which is what this sends.
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def _type(qtbot, view, text: str, key=Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    """Type as a clerk does: the first key opens the editor, the rest go into it."""
    _keys(view, text[0])
    editor = view.focusWidget()
    assert editor is not None and editor is not view, "typing did not open an editor"
    _keys(editor, text[1:])
    qtbot.keyClick(editor, key)
    qtbot.wait(5)  # the delegate commits on a queued call


def test_typing_overwrites_and_enter_moves_down(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    view = table_page(window, "t3").view
    model = view.grid_model
    view.setCurrentIndex(model.index_of(CellRef("t3", "new", "natural")))
    _type(qtbot, view, "1,234")
    report = window.document.report
    assert report.get(CellRef("t3", "new", "natural")) == 1234
    assert view.currentIndex() == model.index_of(CellRef("t3", "carried", "natural"))
    # Typing into a filled cell replaces its value.
    view.setCurrentIndex(model.index_of(CellRef("t3", "new", "natural")))
    _type(qtbot, view, "７")  # a full-width digit
    assert report.get(CellRef("t3", "new", "natural")) == 7
    # The row total is computed at once and shown read-only.
    total = model.index_of(CellRef("t3", "new", "total"))
    assert model.data(total) == "7"
    assert not model.flags(total) & Qt.ItemFlag.ItemIsEditable


def test_tab_moves_right(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    view = table_page(window, "t3").view
    model = view.grid_model
    view.setCurrentIndex(model.index_of(CellRef("t3", "new", "natural")))
    _type(qtbot, view, "3", Qt.Key.Key_Tab)
    assert view.currentIndex() == model.index_of(CellRef("t3", "new", "commercial"))


def test_refused_entry_keeps_the_value_and_says_why(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    view = table_page(window, "t3").view
    model = view.grid_model
    ref = CellRef("t3", "new", "natural")
    window.document.report.set(ref, 5)
    index = model.index_of(ref)
    view.setCurrentIndex(index)
    _type(qtbot, view, "2千余")
    assert window.document.report.get(ref) == 5
    assert view.currentIndex() == index  # stays on the cell
    tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "“2千余”未被接受" in tooltip and "保留原值" in tooltip
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).color() == COLOURS["refused"]
    assert "未接受" in window.statusBar().currentMessage()
    assert window.document.undo_stack.count() == 0
    # A negative count is refused too; a negative 本年增/减 is not.
    view.setCurrentIndex(index)
    _type(qtbot, view, "-3")
    assert window.document.report.get(ref) == 5
    t2 = table_page(window, "t2").view
    change = CellRef("t2", "penalty", "change")
    t2.setCurrentIndex(t2.grid_model.index_of(change))
    _type(qtbot, t2, "-25")
    assert window.document.report.get(change) == -25


def test_delete_clears_to_blank_and_undo_restores(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(load_seed("003"))
    view = table_page(window, "t3").view
    model = view.grid_model
    ref = CellRef("t3", "new", "natural")
    view.setCurrentIndex(model.index_of(ref))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    report = window.document.report
    assert report.get(ref) is None  # blank, not 0
    assert (
        model.data(model.index_of(ref), Qt.ItemDataRole.BackgroundRole).color() != COLOURS["input"]
    )
    window.document.undo_stack.undo()
    assert report.get(ref) == 19
    window.document.undo_stack.redo()
    assert report.get(ref) is None


def test_undo_and_redo_keys(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.activateWindow()
    view = table_page(window, "t4").view
    ref = CellRef("t4", "all", "review_upheld")
    view.setCurrentIndex(view.grid_model.index_of(ref))
    _type(qtbot, view, "4")
    assert window.document.report.get(ref) == 4
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.get(ref) is None
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.get(ref) == 4


def _paste(qtbot, view, text: str) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_paste_block_from_excel_is_one_undo_step(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    view = table_page(window, "t3").view
    view.setCurrentIndex(view.grid_model.index_of(CellRef("t3", "new", "natural")))
    _paste(qtbot, view, "3\t0\t0\t0\t1\t0\t4\r\n0\t0\t0\t0\t0\t0\t0\r\n")
    report = window.document.report
    assert report.get(CellRef("t3", "new", "natural")) == 3
    assert report.get(CellRef("t3", "new", "legal")) == 1
    assert report.get(CellRef("t3", "carried", "other")) == 0
    assert CellRef("t3", "new", "total") not in report.cells  # computed, not stored
    assert "已粘贴 12 个单元格" in window.statusBar().currentMessage()
    window.document.undo_stack.undo()
    assert not report.cells


def test_paste_that_does_not_fit_is_refused_whole(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    view = table_page(window, "t3").view
    report = window.document.report
    view.setCurrentIndex(view.grid_model.index_of(CellRef("t3", "new", "legal")))
    _paste(qtbot, view, "1\t2\t3\t4\t5\n")  # runs past the table's right edge
    assert not report.cells
    assert "超出了表格范围" in window.statusBar().currentMessage()
    view.setCurrentIndex(view.grid_model.index_of(CellRef("t3", "new", "natural")))
    _paste(qtbot, view, "1\t2\n3\tabc\n")  # one bad value spoils the block
    assert not report.cells
    message = window.statusBar().currentMessage()
    assert "第2行第2列" in message and "商业企业" in message and "不是数字" in message
    # A stated total that disagrees with the pasted figures is refused too.
    _paste(qtbot, view, "1\t1\t0\t0\t0\t0\t5\n")
    assert not report.cells and "分项合计为2" in window.statusBar().currentMessage()
    _paste(qtbot, view, "1\t1\t0\t0\t0\t0\t2\n")
    assert report.get(CellRef("t3", "new", "commercial")) == 1


def test_paste_one_value_fills_the_selection(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    view = table_page(window, "t4").view
    model = view.grid_model
    selection = view.selectionModel()
    first = model.index_of(CellRef("t4", "all", "direct_upheld"))
    last = model.index_of(CellRef("t4", "all", "after_total"))
    view.setCurrentIndex(first)
    selection.select(
        model.index(first.row(), first.column()).model().index(first.row(), first.column()),
        selection.SelectionFlag.Select,
    )
    for col in range(first.column(), last.column() + 1):
        selection.select(model.index(first.row(), col), selection.SelectionFlag.Select)
    _paste(qtbot, view, "0\n")
    cells = window.document.report.cells
    assert len(cells) == 8 and set(cells.values()) == {0}


def test_copy_gives_tab_separated_text(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(load_seed("004"))
    view = table_page(window, "t4").view
    model = view.grid_model
    selection = view.selectionModel()
    for col in range(0, 5):
        selection.select(model.index(3, col), selection.SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "7\t1\t5\t0\t13\n"


def test_seed_mistakes_are_coloured_with_their_message(seed_window) -> None:  # type: ignore[no-untyped-def]
    window = seed_window("004")
    model = table_page(window, "t4").view.grid_model
    total = model.index_of(CellRef("t4", "all", "direct_total"))
    assert model.data(total, Qt.ItemDataRole.BackgroundRole).color() == COLOURS["error"]
    tooltip = model.data(total, Qt.ItemDataRole.ToolTipRole)
    assert "结果维持+结果纠正+其他结果+尚未审结=6，总计填的是7，相差1" in tooltip
    assert "原报告填写为 7" in tooltip
    assert model.data(total) == "6"  # the grid shows what the parts add up to
    upheld = model.index_of(CellRef("t4", "all", "direct_upheld"))
    assert model.data(upheld, Qt.ItemDataRole.BackgroundRole).color() in (
        COLOURS["error_related"],
        COLOURS["warning"],
    )
    assert "结果维持7起" in model.data(upheld, Qt.ItemDataRole.ToolTipRole)
    t3 = table_page(window, "t3").view.grid_model
    blank = t3.index_of(CellRef("t3", "partial", "natural"))
    assert t3.data(blank, Qt.ItemDataRole.BackgroundRole).color() == COLOURS["blank"]
    assert "未填写" in t3.data(blank, Qt.ItemDataRole.ToolTipRole)


def test_colours_follow_every_change(seed_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = seed_window("004")
    view = table_page(window, "t4").view
    model = view.grid_model
    stated = CellRef("t4", "all", "direct_total")
    upheld = CellRef("t4", "all", "direct_upheld")

    def colour(ref: CellRef):  # type: ignore[no-untyped-def]
        return model.data(model.index_of(ref), Qt.ItemDataRole.BackgroundRole).color()

    assert colour(stated) == COLOURS["error"]
    assert colour(upheld) == COLOURS["error_related"]
    # Deleting the published (wrong) total hands it back to the program.
    view.setCurrentIndex(model.index_of(stated))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    # ... which is 6, while the text says "未经复议直接起诉7起": the text disagrees.
    assert colour(stated) == COLOURS["warning"]
    assert colour(upheld) == COLOURS["warning"]  # the text's "结果维持7起" still disagrees
    # Typing what the text says clears the warning at once.
    view.setCurrentIndex(model.index_of(upheld))
    _type(qtbot, view, "7")
    assert colour(upheld) == COLOURS["input"]
    assert model.data(model.index_of(stated)) == "9"
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert colour(stated) == COLOURS["error"]


def test_edition_switch_rebuilds_the_grids(make_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    window = make_window(load_seed("003"))
    assert table_page(window, "t3").view.grid_model.rowCount() == 3 + 23
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    meta = window.pages["meta"]
    meta.edition.setCurrentIndex(meta.edition.findData("2021"))
    meta.edition.activated.emit(meta.edition.currentIndex())
    report = window.document.report
    assert report.edition == "2021"
    assert table_page(window, "t3").view.grid_model.rowCount() == 3 + 25
    assert report.get(CellRef("t3", "new", "natural")) == 19  # carried over
    assert report.get(CellRef("t2", "licensing", "decisions")) == 1577961
    assert CellRef("t3", "other", "natural") not in report.cells  # 2019-only row
    assert "EDITION" in {i.code for i in window.document.issues}
    window.document.undo_stack.undo()
    assert window.document.report.edition == "2019"
    assert table_page(window, "t3").view.grid_model.rowCount() == 3 + 23
    assert window.document.report.get(CellRef("t3", "other", "natural")) == 2


def test_unit_switch_converts_the_amount(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(load_seed("000"))
    page = table_page(window, "t2")
    ref = CellRef("t2", "procurement", "amount")
    assert page.unit is not None and page.unit.currentData() == "元"
    page.unit.setCurrentIndex(page.unit.findData("万元"))
    page.unit.activated.emit(page.unit.currentIndex())
    report = window.document.report
    assert str(report.get(ref)) == "15.9334" and report.unit_of(ref) == "万元"
    header = next(c for c in page.view.grid_model.layout.cells if c.unit_of == ref)
    model = table_page(window, "t2").view.grid_model
    # Shown with word joiners (a narrow column breaks only between words).
    shown = model.data(model.index(header.row, header.col))
    assert shown.replace("\u2060", "") == "采购总金额（单位：万元）"
    assert "采\u2060购" in shown  # 采购 is not broken inside
    window.document.undo_stack.undo()
    assert window.document.report.unit_of(ref) == "元"
    assert window.document.report.get(ref) == 159334


def test_new_report_has_blank_cells_not_zeros() -> None:
    document = ReportDocument(new_report("某局", 2021))
    model = ReportTableModel(document, "t3")
    index = model.index_of(CellRef("t3", "new", "natural"))
    assert model.data(index) == ""
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).color() == COLOURS["blank"]


def test_unit_switches_reset_the_grids_in_place(make_window) -> None:  # type: ignore[no-untyped-def]
    """Five switches: still one model per grid, the cursor where it was, one undo step each."""

    window = make_window(load_seed("000"))
    page = table_page(window, "t2")
    view = page.view
    models_before = len(window.findChildren(ReportTableModel))
    cursor = CellRef("t2", "procurement", "items")
    view.setCurrentIndex(view.grid_model.index_of(cursor))
    for unit in ("万元", "元", "万元", "元", "万元"):
        page.unit.setCurrentIndex(page.unit.findData(unit))
        page.unit.activated.emit(page.unit.currentIndex())
    assert page.view is view  # the same grid, reset in place
    assert len(window.findChildren(ReportTableModel)) == models_before
    assert view.grid_model.data(view.currentIndex(), CellRefRole) == cursor
    ref = CellRef("t2", "procurement", "amount")
    assert str(window.document.report.get(ref)) == "15.9334"
    for _ in range(5):
        window.document.undo_stack.undo()
    assert window.document.report.get(ref) == 159334
    assert window.document.report.unit_of(ref) == "元"
    # Another report of the same edition: the frozen panes keep their merged cells.
    t3 = table_page(window, "t3").view
    window.session.replace(load_seed("001"))
    spanned = next(c for c in t3.grid_model.layout.cells if c.rowspan > 1)
    assert t3.rowSpan(spanned.row, spanned.col) == spanned.rowspan
    for pane in t3.panes.overlays():
        assert pane.rowSpan(spanned.row, spanned.col) == spanned.rowspan


def test_a_grid_model_passes_qt_model_tester_as_it_changes(make_window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """Once attached, Qt's model tester checks every signal the model sends as it changes:
    edits, a refusal, a unit switch (all grids reset in place). (One model per tester:
    the fixture checks each signal against the model it was given last.)"""
    window = make_window(load_seed("000"))
    t3 = table_page(window, "t3").view.grid_model
    qtmodeltester.check(t3, force_py=True)
    t3.set_many([CellRef("t3", "new", "natural")], "7")
    t3.setData(t3.index_of(CellRef("t3", "new", "total")), "9")  # refused: a total
    page = table_page(window, "t2")
    page.unit.setCurrentIndex(page.unit.findData("万元"))
    page.unit.activated.emit(page.unit.currentIndex())
    window.document.undo_stack.undo()
    assert t3.rowCount() == 3 + 23


def test_the_grid_model_after_an_edition_switch_passes_qt_model_tester(
    make_window, qtmodeltester, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(load_seed("000"))
    meta = window.pages["meta"]
    meta.edition.setCurrentIndex(meta.edition.findData("2021"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    meta.edition.activated.emit(meta.edition.currentIndex())
    assert window.document.report.edition == "2021"
    t3 = table_page(window, "t3").view.grid_model
    qtmodeltester.check(t3, force_py=True)
    t3.set_many([CellRef("t3", "new", "natural")], "3")


def test_a_unit_switch_keeps_the_unit_box_and_its_focus(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(load_seed("000"))
    page = table_page(window, "t2")
    box = page.unit
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    box.setCurrentIndex(box.findData("万元"))
    box.activated.emit(box.currentIndex())
    assert page.unit is box and QApplication.focusWidget() is box  # keys still go somewhere
    window.document.undo_stack.undo()
    assert page.unit is box and box.currentData() == "元"
