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
