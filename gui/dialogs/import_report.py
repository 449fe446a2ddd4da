"""导入已发布的报告: paste a published report's text, or pick its PDF, Word, web page or text file.

The importer places only the cells it is sure of; this dialog says how many,
and lists every cell it left blank with the reason, before the draft opens.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.screen_fit import fit_to_screen
from gui.session import documents_folder
from models.importer import ImporterError, ImportResult, import_file, import_text
from models.importer.html import html_text
from models.report import MAX_AGENCY_CHARS, MAX_YEAR, MIN_YEAR
from models.store import DraftStore, DraftStoreError

# Every kind ``import_file`` reads; the first entry shows them all at once.
_FILE_FILTER = ";;".join(
    (
        "已发布的报告 (*.pdf *.docx *.html *.htm *.mht *.mhtml *.txt)",
        "PDF文件 (*.pdf)",
        "Word文档 (*.docx)",
        "网页 (*.html *.htm *.mht *.mhtml)",
        "文本文件 (*.txt)",
        "所有文件 (*)",
    )
)


class ReportPasteBox(QPlainTextEdit):
    """The paste box: a table copied from a web page comes as HTML too, and read as
    HTML it keeps every cell in its column (blank cells included), which the
    clipboard's plain text loses."""

    def __init__(self) -> None:
        super().__init__()
        self.from_page = ""  # the text made of the last pasted web page

    def insertFromMimeData(self, source: QMimeData) -> None:
        markup = source.html() if source.hasHtml() else ""
        if "<table" not in markup.lower():
            super().insertFromMimeData(source)
            return
        try:
            # The clipboard holds text, not bytes: the BOM says so over any <meta> charset.
            text = html_text(codecs.BOM_UTF8 + markup.encode("utf-8"), "粘贴的网页内容")
        except ImporterError:
            super().insertFromMimeData(source)  # the plain text, as any editor would
            return
        # Columns are exact only for a box holding nothing but the page.
        empty = not self.toPlainText().strip()
        self.textCursor().insertText(text)
        self.from_page = self.toPlainText() if empty else ""

    @property
    def holds_a_page(self) -> bool:
        """Whether the box holds exactly what a pasted page gave (so columns are exact)."""
        return bool(self.from_page) and self.toPlainText() == self.from_page


class ImportDialog(QDialog):
    """The import box.  An import whose agency or year the text does not give, or
    that names a report the store already has, asks for them here; cancelling the
    question comes back to the box with the pasted text intact."""

    def __init__(self, parent: QWidget | None = None, store: DraftStore | None = None):
        super().__init__(parent)
        self.store = store
        self.report_id: str | None = None
        self.setWindowTitle("导入已发布的报告")
        self.imported: ImportResult | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            "把已发布报告的全文（网页或PDF中复制的文字，包括表格）粘贴到下面，"
            "或选择 PDF、Word（.docx）、网页（.html/.mht）或文本（.txt）文件。"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = ReportPasteBox()
        self.text.setPlaceholderText("在此粘贴报告全文……")
        layout.addWidget(self.text, 1)
        self.pick = QPushButton("选择文件…")
        layout.addWidget(self.pick)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("导入")
        layout.addWidget(buttons)
        self.pick.clicked.connect(self._pick)
        buttons.accepted.connect(self._from_text)
        buttons.rejected.connect(self.reject)
        fit_to_screen(self, 760, 560)

    def _pick(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "选择已发布的报告", documents_folder(), _FILE_FILTER
        )
        if not name:
            return
        try:
            result = import_file(Path(name))
        except ImporterError as exc:  # damaged, too large, unreadable: the message names the file
            QMessageBox.warning(self, "无法导入", str(exc))
            return
        self._finish(result)

    def _from_text(self) -> None:
        if not self.text.toPlainText().strip():
            QMessageBox.information(self, "导入", "请先粘贴报告全文，或选择文件")
            return
        try:
            result = import_text(self.text.toPlainText(), exact_columns=self.text.holds_a_page)
        except ImporterError as exc:  # too long, or nothing a draft could hold
            QMessageBox.warning(self, "无法导入", str(exc))
            return
        self._finish(result)

    def _finish(self, result: ImportResult) -> None:
        """Ask what the text does not say, store the draft, close; or stay open."""
        problem = ""
        while True:
            if (result.unsure or problem) and not ask_identity(result, self, problem):
                return  # back to the box, the text still in it
            if self.store is None:
                break
            report = result.report
            try:
                self.report_id = self.store.create(report.agency, report.year, report.edition)
                self.store.save(self.report_id, report)
            except DraftStoreError as exc:  # the same agency and year already stored, or disk
                problem = str(exc)
                continue
            break
        self.imported = result
        self.accept()


def import_published(store: DraftStore, parent: QWidget | None) -> str | None:
    """Run the dialog (it stores the draft), say what was placed; the new draft's id."""
    dialog = ImportDialog(parent, store)
    if not dialog.exec() or dialog.imported is None:
        return None
    result = dialog.imported
    box = QMessageBox(parent)
    box.setWindowTitle("导入结果")
    box.setText(f"{result.report.title}\n{result.summary()}")
    lines = [f"· {n}" for n in result.notes] + result.unplaced_lines()
    if lines:
        box.setInformativeText(
            "未能确定的单元格已留空（不按0计算），请对照原文填写；原因见“显示详情”。"
        )
        box.setDetailedText("\n".join(lines))
    box.exec()
    return dialog.report_id


class IdentityDialog(QDialog):
    """Whose report, of which year, when the published text does not say for sure."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None, problem: str = ""):
        super().__init__(parent)
        self.setWindowTitle("请填写机关名称和年度")
        layout = QVBoxLayout(self)
        if problem:
            said = f"{problem}\n请改填机关名称或年度，或取消后回到导入框。"
        else:
            missing = "和".join(
                {"agency": "机关名称", "year": "报告年度"}[w] for w in result.unsure
            )
            said = f"原文中没有找到可靠的{missing}。请对照原文填写，再导入。"
        intro = QLabel(said)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.agency = QLineEdit(result.report.agency)
        self.agency.setMaxLength(MAX_AGENCY_CHARS)
        self.agency.setPlaceholderText("如：某某市公安局某某分局")
        self.year = QSpinBox()
        # A year the text does not give starts blank, not at a year that looks found.
        self.year.setRange(MIN_YEAR - 1, MAX_YEAR)
        self.year.setSpecialValueText("（请选择）")
        self.year.setValue(MIN_YEAR - 1 if "year" in result.unsure else result.report.year)
        form.addRow("机关名称", self.agency)
        form.addRow("报告年度", self.year)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("导入")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        (self.agency if "agency" in result.unsure else self.year).setFocus()

    def _accept(self) -> None:
        if not self.agency.text().strip():
            self._say("请填写机关名称", self.agency)
        elif self.year.value() < MIN_YEAR:
            self._say("请选择报告年度", self.year)
        else:
            self.accept()

    def _say(self, message: str, field: QWidget) -> None:
        self.message.setText(message)
        self.message.show()
        field.setFocus()


def ask_identity(result: ImportResult, parent: QWidget | None, problem: str = "") -> bool:
    """Let the clerk say agency and year; False if they cancel."""
    dialog = IdentityDialog(result, parent, problem)
    if not dialog.exec():
        return False
    result.report.agency = dialog.agency.text().strip()
    result.report.year = dialog.year.value()
    prefixes = ("原文中没有找到可靠的机关名称", "原文中没有找到报告年度", "标题中的年度")
    result.notes = [n for n in result.notes if not n.startswith(prefixes)]
    result.unsure.clear()
    return True
