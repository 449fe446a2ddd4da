"""The window as a whole: filling seed 003 by keyboard, text pages, issues, zoom, settings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication

from gui.main_window import MainWindow
from models.editions import CellRef, CellRole, get_edition
from models.report import new_report
from models.values import format_value
from tests.conftest import load_seed
from tests.gui.conftest import table_page
from tests.gui.test_grid import _type


def test_clerk_fills_seed_003_by_keyboard_and_paste(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Every input cell of seed 003 typed (表二, 表四) or pasted (表三), as a clerk would."""
    seed = load_seed("003")
    window = make_window(new_report("洛阳市公安局", 2020))
    edition = get_edition("2019")
    # 表二 and 表四: click the first cell, then type each value and press Tab/Enter.
    for table in ("t2", "t4"):
        view = table_page(window, table).view
        layout = view.grid_model.layout
        for cell in layout.cells:
            if cell.role is not CellRole.VALUE:
                continue
            value = seed.get(cell.ref)  # type: ignore[arg-type]
            if value is None:
                continue
            view.setCurrentIndex(view.grid_model.index(cell.row, cell.col))
            typed = format_value(value)
            if cell.ref == CellRef("t2", "licensing", "decisions"):
                typed = "1,577,961"  # as published, with separators
            _type(qtbot, view, typed, Qt.Key.Key_Tab)
    # 表三: one paste of the whole block of applicant columns, as copied from Excel.
    view = table_page(window, "t3").view
    block = []
    for row in edition.table("t3").rows():
        cells = [
            format_value(seed.get(CellRef("t3", row.key, c)))
            for c in ("natural", "commercial", "research", "nonprofit", "legal", "other", "total")
        ]
        block.append("\t".join(cells))
    QGuiApplication.clipboard().setText("\n".join(block) + "\n")
    view.setCurrentIndex(view.grid_model.index_of(CellRef("t3", "new", "natural")))
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "已粘贴" in window.statusBar().currentMessage(), window.statusBar().currentMessage()
    # The amount unit of the published table is 万元, the column's default.
    report = window.document.report
    expected = {ref: v for ref, v in seed.cells.items() if not edition.is_derived(ref)}
    assert report.cells == expected
    codes = {i.code for i in window.document.issues}
    assert not {"T3-ROW", "T3-SUM", "T3-BAL", "T4-SUM", "VAL"} & codes


def test_text_edits_undo_with_everything_else(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.show_page("overview")
    editor = window.pages["overview"].editor
    editor.setFocus()
    qtbot.keyClicks(editor, "abc")
    assert window.document.report.sections["overview"] == "abc"
    assert window.document.undo_stack.count() == 1  # quick keystrokes merge
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.sections["overview"] == ""
    assert editor.toPlainText() == ""
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "abc"
    assert window.pages["overview"].count.text() == "3 字 · 1 段"


def test_hint_shows_while_section_is_empty(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    page = window.pages["other"]
    window.show_page("other")
    assert page.hint.isVisible() and "信息处理费" in page.hint.text()
    page.editor.setPlainText("本机关未收取信息处理费。")
    assert not page.hint.isVisible()


def test_meta_page_edits_agency_year_and_date(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(new_report("", 2021))
    page = window.pages["meta"]
    window.show_page("meta")
    page.agency.setFocus()
    qtbot.keyClicks(page.agency, "ABC")
    assert window.document.report.agency == "ABC"
    assert window.windowTitle().startswith("ABC 2021年度报告")
    page.has_date.setChecked(True)
    assert window.document.report.issue_date == dt.date(2022, 1, 20)
    page.year.setValue(2022)
    assert window.document.report.year == 2022
    window.document.undo_stack.undo()
    assert window.document.report.year == 2021 and page.year.value() == 2021


def test_clicking_an_issue_goes_to_its_cells(seed_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = seed_window("004")
    panel = window.issues
    assert "错误 3 处" in window.issues_dock.windowTitle()
    row = next(
        i
        for i in range(panel.list.count())
        if "T4" in panel.list.item(i).toolTip() or "表四" in panel.list.item(i).text()
    )
    panel.list.itemClicked.emit(panel.list.item(row))
    assert window.stack.currentWidget().widget() is window.pages["t4"]
    view = window.pages["t4"].view
    selected = {
        view.grid_model.data(i, Qt.ItemDataRole.UserRole + 1) for i in view.selectedIndexes()
    }
    assert CellRef("t4", "all", "direct_total") in selected


def test_clicking_a_text_issue_selects_the_words(seed_window) -> None:  # type: ignore[no-untyped-def]
    window = seed_window("003")
    issue = next(i for i in window.document.issues if i.code == "TEXT-NUM")
    window.show_issue(issue)
    editor = window.pages["overview"].editor
    assert window.stack.currentWidget().widget() is window.pages["overview"]
    assert editor.textCursor().selectedText() == "行政复议 5 件"


def test_navigation_marks_pages_with_errors(seed_window) -> None:  # type: ignore[no-untyped-def]
    window = seed_window("004")
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels[3].endswith("✖2") and labels[4].endswith("✖1")
    assert labels[1] == "一、总体情况"


def test_zoom_and_geometry_are_remembered(make_window, settings) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    view = table_page(window, "t3").view
    before = view.columnWidth(0)
    window.step_zoom(1)
    window.step_zoom(1)
    assert window.zoom == 1.25
    assert view.columnWidth(0) > before
    window.resize(780, 560)  # the offscreen screen is 800×600
    size = window.size()
    window.close()
    assert float(settings.value("zoom")) == 1.25
    again = MainWindow(window.document, settings)
    assert again.zoom == 1.25 and again.size() == size
    again.document.undo_stack.setClean()
    again.close()


def test_qt_speaks_chinese() -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_window_opens_with_a_chinese_font(make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontDatabase

    make_window()
    assert "Noto Sans SC" in QFontDatabase.families()
    assert QGuiApplication.font().family() in ("Noto Sans SC", "Microsoft YaHei")


def test_full_width_typing(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    view = table_page(window, "t4").view
    ref = CellRef("t4", "all", "after_upheld")
    view.setCurrentIndex(view.grid_model.index_of(ref))
    _type(qtbot, view, "１２件")
    assert window.document.report.get(ref) == 12


def test_window_never_opens_larger_than_the_screen(make_window, settings) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    free = QGuiApplication.primaryScreen().availableGeometry()  # 800x600 offscreen
    window = make_window()  # no saved geometry: the default size, fitted
    assert window.width() <= free.width() and window.height() <= free.height()
    window.resize(free.width() + 600, free.height() + 400)  # as saved on a big monitor
    settings.setValue("geometry", window.saveGeometry())
    window.document.undo_stack.setClean()
    window.close()
    again = MainWindow(window.document, settings)
    assert again.width() <= free.width() and again.height() <= free.height()
    again.document.undo_stack.setClean()
    again.close()


def test_file_dialog_speaks_chinese(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Qt's own file dialog (used where the desktop has no native one): no English left."""
    import re

    from PySide6.QtWidgets import QFileDialog, QHeaderView, QLabel, QPushButton

    (tmp_path / "子文件夹").mkdir()
    (tmp_path / "草稿.json").write_text("{}", encoding="utf-8")
    dialog = QFileDialog(None, "导入草稿文件", str(tmp_path), "报告草稿 (*.json)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)]
    header = dialog.findChild(QHeaderView)
    model = header.model()
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    shown += columns
    qtbot.waitUntil(lambda: model.rowCount(model.index(str(tmp_path))) == 2)
    folder = model.index(str(tmp_path / "子文件夹"))
    shown.append(model.data(folder.siblingAtColumn(2)))  # its kind: 文件夹
    english = [t for t in shown if t and re.search(r"[A-Za-z]{3}", t.replace("json", ""))]
    assert english == []
    assert "大小" in columns


def test_a_text_too_long_for_a_draft_is_refused_at_the_box(make_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Pasting more than a draft may hold is refused there, so every save reads back."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    from models.report import MAX_TEXT_CHARS, from_json, to_json

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    window = make_window()
    window.show_page("overview")
    editor = window.pages["overview"].editor
    editor.setFocus()
    qtbot.keyClicks(editor, "abc")  # (QTest types ASCII only)
    QGuiApplication.clipboard().setText("字" * MAX_TEXT_CHARS)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert told and "最多" in told[0] and "一、总体情况" in told[0]
    assert window.document.report.sections["overview"] == "abc"
    assert editor.toPlainText() == "abc"
    assert from_json(to_json(window.document.report)) == window.document.report


def test_no_widget_of_ours_shadows_a_qt_method(seed_window) -> None:  # type: ignore[no-untyped-def]
    """An attribute named like a Qt method (``document``, ``result``, ``scroll``) breaks
    Qt's own calls on that widget; every widget of ours in the window is checked."""
    from PySide6.QtCore import QObject, SignalInstance

    window = seed_window("003")
    ours = [window, *window.findChildren(QObject)]
    ours = [o for o in ours if type(o).__module__.startswith("gui.")]
    assert len(ours) > 10
    clashes = []
    for obj in ours:
        qt_base = next(c for c in type(obj).__mro__ if c.__module__.startswith("PySide6"))
        for name, value in vars(obj).items():
            if isinstance(value, SignalInstance):
                continue  # PySide keeps the signals it has bound in the instance
            if callable(getattr(qt_base, name, None)):
                clashes.append(f"{type(obj).__name__}.{name}")
    assert clashes == [], clashes


def test_an_issue_clicked_after_typing_finds_the_words_where_they_are_now(
    seed_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = seed_window("003")
    editor = window.pages["overview"].editor
    window.show_page("overview")
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    editor.insertPlainText("本年度，")  # the claim's words move four characters on
    qtbot.wait(300)  # the issues list follows a moment after typing
    panel = window.issues
    row = next(i for i in range(panel.list.count()) if "行政复议 5 件" in panel.list.item(i).text())
    panel.list.itemClicked.emit(panel.list.item(row))
    assert editor.textCursor().selectedText() == "行政复议 5 件"
