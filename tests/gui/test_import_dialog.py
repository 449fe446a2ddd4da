"""The import dialog as a clerk uses it: a web page's table pasted with Ctrl+V, and the
agency and year asked for when the published text does not say them."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from gui.dialogs.import_report import IdentityDialog, ImportDialog, ask_identity
from models.importer import import_text
from tests.conftest import load_seed
from tests.test_import_html import agency_page, printed_cells


def test_a_table_pasted_from_a_web_page_keeps_every_cell_in_its_column(qtbot) -> None:  # type: ignore[no-untyped-def]
    seed = load_seed("004")  # 表三 printed with blank applicant cells under a filled 总计
    mime = QMimeData()
    mime.setHtml(agency_page(seed))
    mime.setText("（浏览器给出的纯文本：空白单元格已丢失）")
    QApplication.clipboard().setMimeData(mime)
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setFocus()
    qtbot.keyClick(dialog.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "\t" in dialog.text.toPlainText() and dialog.text.holds_a_page
    dialog._from_text()
    assert dialog.imported is not None
    imported = dialog.imported.report
    for ref, value in printed_cells(seed).items():
        assert imported.get(ref) == value, ref
    # Typing into the pasted text makes it text again: columns are no longer certain.
    qtbot.keyClick(dialog.text, Qt.Key.Key_A)
    assert not dialog.text.holds_a_page


def test_agency_and_year_are_asked_when_the_text_does_not_say(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    result = import_text(
        "一、总体情况\n2020年，我局认真贯彻……\n二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n"
    )
    assert result.unsure == ["agency", "year"]
    seen: list[IdentityDialog] = []

    def answer(dialog: IdentityDialog) -> int:
        seen.append(dialog)
        dialog.show()
        dialog.buttons.accepted.emit()  # an empty name is not accepted
        assert not dialog.result()
        dialog.agency.setText("某县民政局")
        dialog.year.setValue(2020)
        dialog.buttons.accepted.emit()
        return int(dialog.result())

    monkeypatch.setattr(IdentityDialog, "exec", answer)
    assert ask_identity(result, None)
    assert seen and (result.report.agency, result.report.year) == ("某县民政局", 2020)
    assert result.unsure == [] and not any("机关名称" in n for n in result.notes)


def test_cancelling_the_question_imports_nothing(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    result = import_text("一、总体情况\n我局……\n二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n")
    monkeypatch.setattr(IdentityDialog, "exec", lambda _self: 0)
    assert not ask_identity(result, None)


def test_a_report_already_stored_asks_for_another_name_or_year(
    qtbot, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from models.store import DraftStore
    from tests.conftest import published_path

    store = DraftStore(tmp_path / "drafts")
    text = published_path("003").read_text(encoding="utf-8")
    first = ImportDialog(None, store)
    qtbot.addWidget(first)
    first.text.setPlainText(text)
    first._from_text()
    assert first.report_id is not None
    asked: list[str] = []

    def answer(dialog: IdentityDialog) -> int:
        asked.append(dialog.findChildren(type(dialog.message))[0].text())
        dialog.agency.setText("洛阳市公安局某分局")
        dialog.buttons.accepted.emit()
        return int(dialog.result())

    monkeypatch.setattr(IdentityDialog, "exec", answer)
    second = ImportDialog(None, store)
    qtbot.addWidget(second)
    second.text.setPlainText(text)
    second._from_text()
    assert asked and "已有" in asked[0]  # the store's own words, then the question
    assert store.open(second.report_id).agency == "洛阳市公安局某分局"
    assert len(store.list_reports()) == 2


def test_cancelling_the_question_keeps_the_pasted_text(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(IdentityDialog, "exec", lambda _self: 0)
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    text = "一、总体情况\n我局……\n二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n"
    dialog.text.setPlainText(text)
    dialog._from_text()
    assert dialog.imported is None and dialog.result() == 0
    assert dialog.text.toPlainText() == text


def test_a_year_the_text_does_not_give_starts_blank_and_is_required(qtbot) -> None:  # type: ignore[no-untyped-def]
    result = import_text("一、总体情况\n我局……\n二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n")
    dialog = IdentityDialog(result)
    qtbot.addWidget(dialog)
    assert dialog.year.text() == "（请选择）"
    dialog.agency.setText("某县民政局")
    dialog.buttons.accepted.emit()
    assert not dialog.result() and dialog.message.text() == "请选择报告年度"
    dialog.year.setValue(2021)
    dialog.buttons.accepted.emit()
    assert dialog.result()
