"""导入已发布的报告: paste the text of a published report, or pick its .docx/.txt.

The importer places only the cells it is sure of; this dialog says how many,
and lists every cell it left blank with the reason, before the draft opens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.screen_fit import fit_to_screen
from gui.session import documents_folder
from models.editions import get_edition
from models.importer import ImporterError, ImportResult, import_file, import_text
from models.store import DraftStore, DraftStoreError


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("导入已发布的报告")
        self.imported: ImportResult | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            "把已发布报告的全文（网页或PDF中复制的文字，包括表格）粘贴到下面，"
            "或选择 Word（.docx）/文本（.txt）文件。"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit()
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
            self, "选择已发布的报告", documents_folder(), "报告 (*.docx *.txt)"
        )
        if not name:
            return
        try:
            self.imported = import_file(Path(name))
        except ImporterError as exc:  # damaged, too large, unreadable: the message names the file
            QMessageBox.warning(self, "无法导入", str(exc))
            return
        self.accept()

    def _from_text(self) -> None:
        if not self.text.toPlainText().strip():
            QMessageBox.information(self, "导入", "请先粘贴报告全文，或选择文件")
            return
        try:
            self.imported = import_text(self.text.toPlainText())
        except ImporterError as exc:  # too long, or nothing a draft could hold
            QMessageBox.warning(self, "无法导入", str(exc))
            return
        self.accept()


def import_published(store: DraftStore, parent: QWidget | None) -> str | None:
    """Run the dialog, store the draft, say what was placed; the new draft's id."""
    dialog = ImportDialog(parent)
    if not dialog.exec() or dialog.imported is None:
        return None
    result = dialog.imported
    report = result.report
    # A stored draft needs an agency; the import notes ask the clerk to check it.
    report.agency = report.agency or "（未填机关名称）"
    try:
        report_id = store.create(report.agency, report.year, report.edition)
        store.save(report_id, report)
    except DraftStoreError as exc:
        QMessageBox.warning(parent, "导入已发布的报告", str(exc))
        return None
    edition = get_edition(report.edition)
    box = QMessageBox(parent)
    box.setWindowTitle("导入结果")
    box.setText(f"{report.title}\n{result.summary()}")
    lines = [f"· {n}" for n in result.notes]
    lines += [f"{edition.cell_name(ref)}：{why}" for ref, why in result.unplaced.items()]
    if lines:
        box.setInformativeText("未能确定的单元格已留空，请对照原文填写（详见“显示详细信息”）。")
        box.setDetailedText("\n".join(lines))
    box.exec()
    return report_id
