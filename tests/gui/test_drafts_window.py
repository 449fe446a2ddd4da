"""The drafts store in the window: autosave, saving on close, start page, lock, backups."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from gui.dialogs.backups import BackupsDialog
from gui.dialogs.start import StartDialog
from gui.document import ReportDocument
from gui.main_window import MainWindow
from gui.session import PORTABLE_FOLDER, lock_store, store_folder
from models.editions import CellRef
from models.store import ANOTHER_WINDOW, DraftStore, DraftStoreError
from tests.conftest import published_path
from tests.gui.conftest import table_page
from tests.gui.test_grid import _type


@pytest.fixture
def store(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


@pytest.fixture
def stored_window(qtbot, settings, store):  # type: ignore[no-untyped-def]
    report_id = store.create("某某区公安分局", 2021)
    window = MainWindow(ReportDocument(store.open(report_id)), settings, store, report_id)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.show()
    return window


def test_autosave_after_typing(stored_window, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = stored_window
    view = table_page(window, "t3").view
    ref = CellRef("t3", "new", "natural")
    view.setCurrentIndex(view.grid_model.index_of(ref))
    _type(qtbot, view, "5")
    assert window.isWindowModified()
    qtbot.waitUntil(lambda: window.saved.text().startswith("已保存"), timeout=5000)
    assert store.open(window.report_id).get(ref) == 5
    assert not window.isWindowModified()


def test_close_saves_at_once(stored_window, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = stored_window
    window.show_page("other")
    window.pages["other"].editor.setPlainText("本机关未收取信息处理费。")
    assert window.autosave.isActive()
    window.close()
    assert store.open(window.report_id).sections["other"] == "本机关未收取信息处理费。"


def test_failed_save_keeps_the_report_and_says_so_once(
    stored_window, store, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = stored_window
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))

    def full_disk(*_args: object) -> None:
        raise DraftStoreError("草稿没有保存：磁盘已满。")

    monkeypatch.setattr(store, "save", full_disk)
    for text in ("甲", "甲乙"):
        window.pages["problems"].editor.setPlainText(text)
        assert window.save_now() is False
    assert window.document.report.sections["problems"] == "甲乙"  # nothing lost
    assert window.saved.text() == "未保存" and window.isWindowModified()
    assert len(warnings) == 1 and "磁盘已满" in warnings[0]


def test_start_page_lists_creates_trashes_and_restores(qtbot, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    empty = StartDialog(store)
    qtbot.addWidget(empty)
    # Nothing to open yet: what needs a chosen report is greyed out, the hint shows.
    assert not empty.open_button.isEnabled() and not empty.next_button.isEnabled()
    assert empty.new_button.isEnabled() and not empty.empty_hint.isHidden()
    first = store.create("甲局", 2020)
    store.create("乙局", 2021)
    dialog = StartDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.open_button.isEnabled()
    assert {dialog.table.item(r, 0).text() for r in range(2)} == {"甲局", "乙局"}
    row = next(r for r in range(2) if dialog.table.item(r, 0).text() == "甲局")
    dialog.table.selectRow(row)
    dialog.delete_button.click()
    assert dialog.table.rowCount() == 1
    dialog.trash_button.click()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "甲局"
    dialog.restore_button.click()
    assert [i.id for i in store.list_trash()] == []
    dialog.trash_button.click()
    assert dialog.table.rowCount() == 2
    dialog.table.selectRow(next(r for r in range(2) if dialog.table.item(r, 0).text() == "甲局"))
    dialog.open_button.click()
    assert dialog.chosen == first


def test_backups_restore_an_earlier_version(stored_window, store, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = stored_window
    editor = window.pages["overview"].editor
    editor.setPlainText("第一稿")
    assert window.save_now()
    editor.setPlainText("第二稿")
    assert window.save_now()
    dialog = BackupsDialog(store, window.report_id)
    assert dialog.table.rowCount() >= 2
    backups = store.list_backups(window.report_id)
    chosen = next(
        b.name for b in backups if store_backup_text(store, window.report_id, b.name) == "第一稿"
    )

    class Picked(BackupsDialog):
        def exec(self) -> int:  # type: ignore[override]
            self.chosen = chosen
            return 1

    monkeypatch.setattr("gui.main_window.BackupsDialog", Picked)
    window.restore_backup()
    assert editor.toPlainText() == "第一稿"
    assert store.open(window.report_id).sections["overview"] == "第一稿"


def store_backup_text(store: DraftStore, report_id: str, name: str) -> str:
    path = store.folder / "backups" / report_id / name
    import json

    data = json.loads(path.read_text(encoding="utf-8"))
    records = next(iter(data.values()))
    return next(iter(records.values()))["document"]["sections"]["overview"]


def test_second_copy_cannot_take_the_lock(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from PySide6.QtCore import QLockFile
                lock = QLockFile({str(folder / "store.lock")!r})
                assert lock.tryLock(1000)
                print("locked", flush=True)
                time.sleep(30)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        folder.mkdir(parents=True)
        assert holder.stdout.readline().strip() == "locked"
        assert lock_store(folder) == (None, ANOTHER_WINDOW)
    finally:
        holder.kill()
        holder.wait()
    # A lock left by a process that died is taken over.
    lock, reason = lock_store(folder)
    assert lock is not None and reason == ""
    lock.unlock()


def test_portable_folder_beside_the_program(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / PORTABLE_FOLDER).mkdir()
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "main.py")])
    assert store_folder() == tmp_path / PORTABLE_FOLDER / "drafts"
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "elsewhere" / "main.py")])
    assert store_folder() != tmp_path / PORTABLE_FOLDER / "drafts"


def test_read_only_window_never_saves(qtbot, settings, store) -> None:  # type: ignore[no-untyped-def]
    report_id = store.create("某局", 2021)
    window = MainWindow(
        ReportDocument(store.open(report_id)), settings, store, report_id, read_only=True
    )
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    assert "（只读）" in window.windowTitle()
    window.pages["overview"].editor.setPlainText("改动")
    assert not window.autosave.isActive() and window.save_now() is False
    assert store.open(report_id).sections["overview"] == ""


def test_new_report_from_last_years(qtbot, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import load_seed

    last = load_seed("003")
    last_id = store.create(last.agency, last.year, last.edition)
    store.save(last_id, last)
    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: infos.append(text))
    dialog = StartDialog(store)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    dialog.next_button.click()
    new = store.open(dialog.chosen)
    assert (new.agency, new.year, new.edition) == ("洛阳市公安局", 2021, "2021")
    assert infos and "2021年版" in infos[0]
    # Opened in the window, last year's report is there for the cross-year checks.

    previous = store.last_years_report(new)
    assert previous is not None and previous.year == 2020
    new.set(CellRef("t3", "carried", "natural"), 5)
    document = ReportDocument(new, previous)
    assert "YEAR-CARRY" in {i.code for i in document.issues}


def test_import_published_report_from_pasted_text(qtbot, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gui.dialogs.import_report import ImportDialog, import_published

    path = published_path("003")

    def paste_and_import(self: ImportDialog) -> int:
        self.text.setPlainText(path.read_text(encoding="utf-8"))
        self._from_text()
        return 1

    shown: list[str] = []
    monkeypatch.setattr(ImportDialog, "exec", paste_and_import)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    report = store.open(import_published(store, None))
    assert (report.agency, report.year) == ("洛阳市公安局", 2020)
    assert report.get(CellRef("t3", "new", "natural")) == 19
    assert "已放入 193 个单元格" in shown[0]


def test_last_years_figures_and_the_year_chart(qtbot, settings, store) -> None:  # type: ignore[no-untyped-def]
    from gui.grid_model import PreviousValueRole
    from tests.conftest import load_seed

    last = load_seed("003")
    last_id = store.create(last.agency, last.year, last.edition)
    store.save(last_id, last)
    this_id = store.create(last.agency, 2021)
    report = store.open(this_id)
    report.set(CellRef("t3", "new", "natural"), 30)

    document = ReportDocument(report, store.last_years_report(report))
    window = MainWindow(document, settings, store, this_id)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.show()
    model = table_page(window, "t3").view.grid_model
    index = model.index_of(CellRef("t3", "new", "natural"))
    assert model.data(index, PreviousValueRole) is None
    window.previous_action.trigger()
    assert model.data(index, PreviousValueRole) == "19"
    assert "上年（2020年度）：19" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    window.show_page("compare")
    chart = window.pages["compare"].chart
    assert [year for year, _ in chart.series] == [2020, 2021]
    assert chart.series[1][1]["新收申请"] == 30 and chart.series[0][1]["行政诉讼"] == 7
    assert not chart.grab().isNull()


def test_opening_another_report_refreshes_every_field(qtbot, settings, store) -> None:  # type: ignore[no-untyped-def]
    first = store.create("甲局", 2021)
    second = store.create("乙局", 2021)
    window = MainWindow(ReportDocument(store.open(first)), settings, store, first)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.open_report(second)
    assert window.pages["meta"].agency.text() == "乙局"


def test_a_figure_still_being_typed_is_saved_on_close(stored_window, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.test_grid import _keys

    window = stored_window
    window.activateWindow()
    view = table_page(window, "t3").view
    ref = CellRef("t3", "new", "natural")
    view.setCurrentIndex(view.grid_model.index_of(ref))
    view.setFocus()
    _keys(view, "7")  # typed, Enter not pressed
    assert view.state() == view.State.EditingState
    window.close()
    assert store.open(window.report_id).get(ref) == 7


def test_switching_reports_after_a_failed_save_asks_first(
    stored_window, store, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = stored_window
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    asked: list[str] = []

    def cancel(_parent, _title, text, *a, **k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)

    def full_disk(*_args: object) -> None:
        raise DraftStoreError("草稿没有保存：磁盘已满。")

    monkeypatch.setattr(store, "save", full_disk)
    window.pages["problems"].editor.setPlainText("未保存的文字")
    opened: list[str] = []
    monkeypatch.setattr("gui.main_window.StartDialog", lambda *a, **k: opened.append("x"))
    window.switch_report()
    assert asked and not opened  # the clerk was asked, and chose to stay
    assert window.document.report.sections["problems"] == "未保存的文字"


def test_the_open_report_cannot_be_trashed(qtbot, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    current = store.create("甲局", 2021)
    other = store.create("乙局", 2021)
    dialog = StartDialog(store, current=current)
    qtbot.addWidget(dialog)
    told: list[tuple[object, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, _title, text, *a: told.append((parent, text))
    )

    def trash(report_id: str) -> None:
        dialog.table.selectRow([info.id for info in dialog.infos].index(report_id))
        dialog.delete_button.click()

    trash(current)
    assert store.list_trash() == []
    assert told == [(dialog, "这份报告正在窗口中编辑，不能移到回收站。")]
    # Another report goes to the trash from the same dialog: the refusal was the guard's.
    trash(other)
    assert [info.id for info in store.list_trash()] == [other]
    assert len(told) == 1
    # Every button of the start page is in the dialog, none a stray window.
    buttons = [w for w in vars(dialog).values() if isinstance(w, QPushButton)]
    assert dialog.next_button in buttons
    assert all(dialog.isAncestorOf(button) for button in buttons)


def test_last_years_report_follows_the_year(qtbot, settings, store) -> None:  # type: ignore[no-untyped-def]
    store.create("甲局", 2020)
    this_id = store.create("甲局", 2021)

    report = store.open(this_id)
    window = MainWindow(
        ReportDocument(report, store.last_years_report(report, this_id)), settings, store, this_id
    )
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    assert window.document.previous is not None and window.document.previous.year == 2020
    window.pages["meta"].year.setValue(2022)  # its own stored 2021 copy must not count
    assert window.document.previous is None
    window.pages["meta"].year.setValue(2021)
    assert window.document.previous is not None and window.document.previous.year == 2020


def test_start_page_copies_renames_and_empties_the_trash(qtbot, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gui.dialogs.start import NewReportDialog

    first = store.create("甲局", 2020)
    dialog = StartDialog(store)
    qtbot.addWidget(dialog)
    answers = iter([("乙局", 2020, "2019"), ("丙局", 2021, "2021")])
    monkeypatch.setattr(NewReportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(NewReportDialog, "values", lambda self: next(answers))
    dialog.table.selectRow(0)
    dialog.copy_action.trigger()  # 复制为新报告 → 乙局 2020
    assert sorted(i.agency for i in store.list_reports()) == ["乙局", "甲局"]
    row = next(r for r in range(2) if dialog.table.item(r, 0).text() == "甲局")
    dialog.table.selectRow(row)
    dialog.rename_action.trigger()  # 重命名 → 丙局 2021
    assert store.info(first).agency == "丙局" and store.info(first).year == 2021
    for info in store.list_reports():
        store.delete(info.id)
    dialog.trash_button.click()
    assert not dialog.empty_trash_button.isHidden() and dialog.empty_trash_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.empty_trash_button.click()
    assert store.list_trash() == [] and store.list_reports() == []
    assert dialog.table.rowCount() == 0
