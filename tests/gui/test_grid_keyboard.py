"""The grid's keyboard as an Excel/WPS user expects it, with real key events.

Every key goes to whatever widget has keyboard focus at that moment, as on a
real desktop, so a key that moved focus out of the grid shows up as digits in
the wrong place, not as a pass.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication

from gui.grid_view import ReportGridView
from models.editions import CellRef
from tests.gui.conftest import table_page

NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
KEY_TEXT = {Qt.Key.Key_Tab: "\t", Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r"}


def press(qtbot, key, modifiers=NO, text: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """One key press and release, delivered to the focused widget."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has keyboard focus"
    if text is None:
        text = KEY_TEXT.get(key, "") if modifiers == NO else ""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, text))
    qtbot.wait(1)


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        key = Qt.Key(ord(ch)) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
        if ch.isascii() and ch.isalpha():
            key = Qt.Key(ord(ch.upper()))
        press(qtbot, key, NO, ch)


def _grid(make_window, qtbot, key: str = "t3") -> tuple[object, ReportGridView]:  # type: ignore[no-untyped-def]
    window = make_window()
    view = table_page(window, key).view
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    return window, view


def _at(view: ReportGridView) -> str:
    ref = view.grid_model.cell_at(view.currentIndex()).ref  # type: ignore[union-attr]
    return str(ref)


def _go(view: ReportGridView, ref: str) -> None:
    view.setCurrentIndex(view.grid_model.index_of(CellRef.parse(ref)))


def test_a_whole_row_by_tab_then_enter_starts_the_next_row(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view = _grid(make_window, qtbot)
    _go(view, "t3.new.natural")
    for value in ("1", "2", "3", "4", "5", "6"):
        type_text(qtbot, value)
        press(qtbot, Qt.Key.Key_Tab)
    # Tab skipped the computed 总计 and wrapped to the next row.
    assert _at(view) == "t3.carried.natural"
    report = window.document.report  # type: ignore[attr-defined]
    columns = ("natural", "commercial", "research", "nonprofit", "legal", "other")
    assert [report.get(CellRef("t3", "new", c)) for c in columns] == [1, 2, 3, 4, 5, 6]
    # A run of Tabs part-way along a row: Enter goes to where the run began, one row down.
    _go(view, "t3.open.commercial")
    type_text(qtbot, "7")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "8")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "9")
    press(qtbot, Qt.Key.Key_Return)
    assert _at(view) == "t3.partial.commercial"
    assert QApplication.focusWidget() is view


def test_shift_tab_and_shift_enter_go_back(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, view = _grid(make_window, qtbot)
    _go(view, "t3.carried.natural")
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert _at(view) == "t3.new.other"  # wrapped back past the computed total
    type_text(qtbot, "4")
    press(qtbot, Qt.Key.Key_Return, SHIFT, "\r")
    assert _at(view) == "t3.new.other"  # no row above: the cursor stays
    _go(view, "t3.open.research")
    press(qtbot, Qt.Key.Key_Return, SHIFT, "\r")
    assert _at(view) == "t3.carried.research"


def test_retyping_the_same_value_moves_on_and_keeps_focus(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view = _grid(make_window, qtbot)
    page = window.pages["t3"]  # type: ignore[attr-defined]
    _go(view, "t3.new.natural")
    type_text(qtbot, "5")
    press(qtbot, Qt.Key.Key_Tab)
    _go(view, "t3.new.natural")
    type_text(qtbot, "5")  # the same value again
    press(qtbot, Qt.Key.Key_Tab)
    assert _at(view) == "t3.new.commercial"
    assert QApplication.focusWidget() is view
    type_text(qtbot, "66")
    press(qtbot, Qt.Key.Key_Return)
    assert window.document.report.get(CellRef.parse("t3.new.commercial")) == 66  # type: ignore[attr-defined]
    assert page.intro.toPlainText() == ""  # no digit fell into printed text


def test_typing_on_a_computed_total_is_refused_at_the_cell(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view = _grid(make_window, qtbot)
    messages: list[str] = []
    view.grid_model.entryRefused.connect(lambda _ref, why: messages.append(why))
    _go(view, "t3.new.total")
    type_text(qtbot, "9")
    ref = CellRef.parse("t3.new.total")
    assert ref in view.grid_model.refused
    assert messages and "自动计算" in messages[0]
    assert window.document.report.get(ref) is None  # type: ignore[attr-defined]
    assert _at(view) == "t3.new.total"  # nothing shifted
    assert QApplication.focusWidget() is view
    # The red refusal goes with the next figure accepted anywhere, not only by Delete.
    press(qtbot, Qt.Key.Key_Escape)
    _go(view, "t3.new.natural")
    type_text(qtbot, "4")
    press(qtbot, Qt.Key.Key_Tab)
    assert ref not in view.grid_model.refused


def test_arrows_and_jumps_work_right_after_paste_undo_and_refusal(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view = _grid(make_window, qtbot)
    _go(view, "t3.new.natural")
    QGuiApplication.clipboard().setText("1\t2\n3\t4\n")
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert window.document.report.get(CellRef.parse("t3.carried.commercial")) == 4  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_Down)
    assert _at(view) == "t3.carried.natural"
    press(qtbot, Qt.Key.Key_Right)
    assert _at(view) == "t3.carried.commercial"
    press(qtbot, Qt.Key.Key_End, CTRL)
    last = _at(view)
    assert last.startswith("t3.") and not last.endswith(".total")
    press(qtbot, Qt.Key.Key_Z, CTRL)  # undo the paste
    assert window.document.report.get(CellRef.parse("t3.carried.commercial")) is None  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_Home, CTRL)
    assert _at(view) == "t3.new.natural"
    type_text(qtbot, "x")
    press(qtbot, Qt.Key.Key_Return)  # refused: stays
    assert _at(view) == "t3.new.natural"
    press(qtbot, Qt.Key.Key_End)
    assert _at(view) == "t3.new.other"
    press(qtbot, Qt.Key.Key_Home)
    assert _at(view) == "t3.new.natural"
    press(qtbot, Qt.Key.Key_Down, CTRL)
    assert _at(view).endswith(".natural") and _at(view) != "t3.new.natural"
    rows_seen = []
    while _at(view) != "t3.new.natural" and len(rows_seen) < 30:
        press(qtbot, Qt.Key.Key_PageUp)
        rows_seen.append(view.currentIndex().row())
    assert _at(view) == "t3.new.natural"
    assert rows_seen == sorted(rows_seen, reverse=True)  # every page up went up
    press(qtbot, Qt.Key.Key_PageDown)
    assert _at(view) != "t3.new.natural"
    assert QApplication.focusWidget() is view


def test_ctrl_enter_fills_the_selection_and_delete_blanks_it(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view = _grid(make_window, qtbot)
    report = window.document.report  # type: ignore[attr-defined]
    stack = window.document.undo_stack  # type: ignore[attr-defined]
    _go(view, "t3.new.natural")
    press(qtbot, Qt.Key.Key_Right, SHIFT)
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    before = stack.count()
    type_text(qtbot, "0")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    cells = [
        CellRef.parse(r)
        for r in (
            "t3.new.natural",
            "t3.new.commercial",
            "t3.carried.natural",
            "t3.carried.commercial",
        )
    ]
    assert [report.get(r) for r in cells] == [0, 0, 0, 0]
    assert stack.count() == before + 1
    press(qtbot, Qt.Key.Key_Delete)
    assert [report.get(r) for r in cells] == [None] * 4
    assert stack.count() == before + 2
    stack.undo()
    assert [report.get(r) for r in cells] == [0, 0, 0, 0]


def test_tab_in_table_four_skips_totals(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _view = _grid(make_window, qtbot, "t4")
    for value in "12345678":
        type_text(qtbot, value)
        press(qtbot, Qt.Key.Key_Tab)
    report = window.document.report  # type: ignore[attr-defined]
    assert report.get(CellRef.parse("t4.all.review_pending")) == 4
    assert report.get(CellRef.parse("t4.all.direct_upheld")) == 5  # not swallowed by 总计
    assert report.get(CellRef.parse("t4.all.direct_pending")) == 8


def test_keyboard_only_reaches_the_grid_and_f6_cycles(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.activateWindow()
    window.show_page("t3")  # type: ignore[attr-defined]
    nav = window.nav  # type: ignore[attr-defined]
    nav.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is nav)
    press(qtbot, Qt.Key.Key_Tab)
    page = window.pages["t3"]  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is page.view  # the page's first field is its grid
    type_text(qtbot, "3")
    press(qtbot, Qt.Key.Key_Tab)
    assert page.intro.toPlainText() == ""
    # A narrative box passes Tab on instead of typing a tab character.
    page.intro.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.intro)
    press(qtbot, Qt.Key.Key_Tab)
    assert "\t" not in page.intro.toPlainText()
    assert QApplication.focusWidget() is not page.intro
    # F6: list, page, issues, list.
    nav.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is nav)
    seen = []
    for _ in range(3):
        press(qtbot, Qt.Key.Key_F6)
        seen.append(QApplication.focusWidget())
    assert seen[0] is page.view
    assert window.issues.isAncestorOf(seen[1])  # type: ignore[attr-defined]
    assert seen[2] is nav


def test_enter_after_a_whole_row_of_tabs_stays_at_the_next_row_start(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, view = _grid(make_window, qtbot)
    _go(view, "t3.new.natural")
    for value in "123456":
        type_text(qtbot, value)
        press(qtbot, Qt.Key.Key_Tab)
    assert _at(view) == "t3.carried.natural"
    press(qtbot, Qt.Key.Key_Return)
    assert _at(view) == "t3.carried.natural"  # not one row further down
    press(qtbot, Qt.Key.Key_Return)
    assert _at(view) == "t3.open.natural"


def test_autosave_while_typing_loses_no_key_and_keeps_focus(tmp_path, qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    from gui.document import ReportDocument
    from gui.main_window import MainWindow
    from models.store import DraftStore

    store = DraftStore(tmp_path / "drafts")
    report_id = store.create("某某区公安分局", 2025)
    window = MainWindow(ReportDocument(store.open(report_id)), settings, store, report_id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    view = table_page(window, "t3").view
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    _go(view, "t3.new.natural")
    type_text(qtbot, "1")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "6")
    window.save_now()  # the autosave timer fires mid-entry
    type_text(qtbot, "7")
    press(qtbot, Qt.Key.Key_Tab)
    window.save_now()  # and again between entries
    type_text(qtbot, "2")
    press(qtbot, Qt.Key.Key_Tab)
    report = window.document.report
    assert report.get(CellRef.parse("t3.new.natural")) == 1
    assert report.get(CellRef.parse("t3.new.commercial")) == 67
    assert report.get(CellRef.parse("t3.new.research")) == 2
    assert _at(view) == "t3.new.nonprofit"
    assert QApplication.focusWidget() is view


def test_the_cell_being_typed_into_stays_in_view_when_the_panel_is_hidden(
    make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window, view = _grid(make_window, qtbot)
    window.resize(1024, 660)
    qtbot.wait(10)
    press(qtbot, Qt.Key.Key_End, CTRL)
    for _ in range(2):  # hide the issues panel, then show it again
        qtbot.keyClick(window, Qt.Key.Key_J, CTRL)
        qtbot.wait(10)
        rect = view.visualRect(view.currentIndex())
        assert view.viewport().rect().contains(rect), (rect, view.viewport().rect())
    assert not window.issues_dock.isHidden()
