"""The start page (report list, new, from last year's, import, trash) and 新建."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs import saved_time
from gui.screen_fit import fit_to_screen
from gui.session import documents_folder
from models.editions import EDITION_TITLES, EDITIONS, edition_for_year
from models.report import MAX_YEAR, MIN_YEAR, DocumentError
from models.store import (
    DraftExistsError,
    DraftInfo,
    DraftStore,
    DraftStoreError,
)
from models.year_to_year import next_year_report


class NewReportDialog(QDialog):
    """新建: agency and year; the edition follows the year (and can be changed)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        agency: str = "",
        year: int | None = None,
        title: str = "新建报告",
        choose_edition: bool = True,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._title = title
        form = QFormLayout(self)
        self.agency = QLineEdit(agency)
        self.agency.setPlaceholderText("如：某某市公安局某某分局")
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(year or dt.date.today().year - 1)
        self.edition = QComboBox()
        for key in EDITIONS:
            self.edition.addItem(EDITION_TITLES[key], key)
        form.addRow("机关名称：", self.agency)
        form.addRow("报告年度：", self.year)
        form.addRow("模板版本：", self.edition)
        # Copying or renaming keeps the report's edition: only 新建 chooses one.
        form.setRowVisible(self.edition, choose_edition)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.year.valueChanged.connect(self._follow_year)
        self._follow_year(self.year.value())

    def _follow_year(self, year: int) -> None:
        self.edition.setCurrentIndex(self.edition.findData(edition_for_year(year)))

    def _accept(self) -> None:
        if not self.agency.text().strip():
            QMessageBox.warning(self, self._title, "请填写机关名称")
            return
        self.accept()

    def values(self) -> tuple[str, int, str]:
        return self.agency.text().strip(), self.year.value(), self.edition.currentData()


class StartDialog(QDialog):
    """The start page: recent reports with open / new / import, and the trash."""

    def __init__(
        self,
        store: DraftStore,
        parent: QWidget | None = None,
        read_only: bool = False,
        current: str | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.read_only = read_only
        self.current = current  # the report open in the window: not to be trashed
        self.chosen: str | None = None
        self.showing_trash = False
        self.setWindowTitle("政府信息公开工作年度报告 — 报告列表")
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        layout.addWidget(self.heading)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            ["机关名称", "年度", "模板", "最后保存", "错误", "提醒"]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        # An empty list says what to do first instead of showing a blank table.
        self.empty_hint = QLabel(
            "还没有保存的报告。\n\n"
            "· 第一次使用：点“新建…”，填写机关名称和报告年度；\n"
            "· 去年用本程序填过：点“从上年报告新建…”，结转数和机关信息会自动带入；\n"
            "· 已有往年发布的报告（PDF、网页、Word 文件或复制的文字）：点“导入已发布的报告…”。"
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #3c4043; padding: 16px;")
        layout.addWidget(self.empty_hint, 1)
        row = QHBoxLayout()
        self.open_button = QPushButton("打开")
        self.new_button = QPushButton("新建…")
        self.next_button = QPushButton("从上年报告新建…")
        self.import_button = QPushButton("导入草稿文件…")
        self.published_button = QPushButton("导入已发布的报告…")
        self.delete_button = QPushButton("移到回收站")
        self.trash_button = QPushButton("回收站")
        self.restore_button = QPushButton("恢复")
        self.empty_trash_button = QPushButton("清空回收站…")
        # Less frequent commands: under 更多 and on the list's right-click menu.
        self.more_button = QPushButton("更多")
        more = QMenu(self.more_button)
        self.copy_action = more.addAction("复制为新报告…")
        self.rename_action = more.addAction("重命名…")
        self.more_button.setMenu(more)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions([self.copy_action, self.rename_action])
        for button in (
            self.open_button,
            self.new_button,
            self.next_button,
            self.import_button,
            self.published_button,
            self.delete_button,
            self.restore_button,
            self.empty_trash_button,
            self.more_button,
            self.trash_button,
        ):
            row.addWidget(button)
        layout.addLayout(row)
        self.open_button.clicked.connect(self._open)
        self.table.itemDoubleClicked.connect(lambda _item: self._open())
        self.new_button.clicked.connect(self._new)
        self.next_button.clicked.connect(self._next_year)
        self.import_button.clicked.connect(self._import)
        self.published_button.clicked.connect(self._import_published)
        self.delete_button.clicked.connect(self._delete)
        self.trash_button.clicked.connect(self._toggle_trash)
        self.restore_button.clicked.connect(self._restore)
        self.empty_trash_button.clicked.connect(self._empty_trash)
        self.copy_action.triggered.connect(self._duplicate)
        self.rename_action.triggered.connect(self._rename)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        for button in (self.new_button, self.import_button, self.published_button):
            button.setEnabled(not read_only)
        fit_to_screen(self, 820, 480)
        self.refresh()

    def refresh(self) -> None:
        infos = self.store.list_trash() if self.showing_trash else self.store.list_reports()
        self.infos: list[DraftInfo] = infos
        if self.showing_trash:
            self.heading.setText(f"回收站（{len(infos)} 份）：选中后点“恢复”")
        else:
            mode = f"（只读：{self.store.read_only_reason}）" if self.read_only else ""
            self.heading.setText(f"已保存的报告（{len(infos)} 份）{mode}")
        self.table.setRowCount(len(infos))
        for r, info in enumerate(infos):
            cells = [
                info.agency,
                f"{info.year}",
                f"{info.edition}年版",
                saved_time(info.saved_at),
                str(info.error_count),
                str(info.warning_count),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 4 and info.error_count:
                    item.setForeground(Qt.GlobalColor.darkRed)
                if c == 5 and info.warning_count:
                    item.setForeground(Qt.GlobalColor.darkYellow)
                self.table.setItem(r, c, item)
        empty = not infos and not self.showing_trash
        self.empty_hint.setVisible(empty)
        self.table.setVisible(not empty)
        if infos:
            self.table.selectRow(0)
        self.open_button.setVisible(not self.showing_trash)
        self.next_button.setVisible(not self.showing_trash)
        self.delete_button.setVisible(not self.showing_trash)
        self.restore_button.setVisible(self.showing_trash)
        self.empty_trash_button.setVisible(self.showing_trash)
        self.empty_trash_button.setEnabled(bool(infos) and not self.read_only)
        self.more_button.setVisible(not self.showing_trash)
        self.trash_button.setText("返回报告列表" if self.showing_trash else "回收站")
        self._update_buttons()

    def _update_buttons(self) -> None:
        """What needs a chosen report is greyed out while none is chosen."""
        chosen = self._selected() is not None
        self.open_button.setEnabled(chosen)
        for button in (self.next_button, self.delete_button, self.restore_button):
            button.setEnabled(chosen and not self.read_only)
        for action in (self.copy_action, self.rename_action):
            action.setEnabled(chosen and not self.read_only and not self.showing_trash)

    def _selected(self) -> DraftInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def _open(self) -> None:
        info = self._selected()
        if info is not None and not self.showing_trash:
            self.chosen = info.id
            self.accept()

    def _new(self) -> None:
        dialog = NewReportDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        agency, year, edition = dialog.values()
        try:
            self.chosen = self.store.create(agency, year, edition)
        except DraftStoreError as exc:
            QMessageBox.warning(self, "新建报告", str(exc))
            return
        self.accept()

    def _next_year(self) -> None:
        info = self._selected()
        if info is None or self.showing_trash:
            return
        answer = QMessageBox.question(
            self,
            "从上年报告新建",
            f"以“{info.title}”为基础新建{info.year + 1}年度报告：带入机关名称、联系方式，"
            "表三“上年结转”取上年的“结转下年度继续办理”。\n\n"
            "是否沿用上年报告的正文？沿用后，凡把上一年写成本年度的句子都会标出，直到改掉。",
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return
        try:
            report, notes = next_year_report(
                self.store.open(info.id), carry_text=answer == QMessageBox.StandardButton.Yes
            )
            new_id = self.store.create(report.agency, report.year, report.edition)
            self.store.save(new_id, report)
        except DraftStoreError as exc:
            QMessageBox.warning(self, "从上年报告新建", str(exc))
            return
        if notes:
            QMessageBox.information(self, "模板版本变化", "\n".join(notes))
        self.chosen = new_id
        self.accept()

    def _import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "导入草稿文件", documents_folder(), "报告草稿 (*.json)"
        )
        if name:
            chosen = import_with_question(self.store, Path(name), self)
            if chosen:
                self.chosen = chosen
                self.accept()

    def _import_published(self) -> None:
        from gui.dialogs.import_report import import_published

        chosen = import_published(self.store, self)
        if chosen:
            self.chosen = chosen
            self.accept()

    def _delete(self) -> None:
        info = self._selected()
        if info is not None and info.id == self.current:
            QMessageBox.information(self, "移到回收站", "这份报告正在窗口中编辑，不能移到回收站。")
            return
        self._on_selected(self.store.delete, "移到回收站")

    def _restore(self) -> None:
        self._on_selected(self.store.restore, "恢复")

    def _on_selected(self, action: Callable[[str], None], title: str) -> None:
        info = self._selected()
        if info is None:
            return
        try:
            action(info.id)
        except DraftStoreError as exc:
            QMessageBox.warning(self, title, str(exc))
        self.refresh()

    def _duplicate(self) -> None:
        """复制为新报告: the chosen report as a new one, for another agency or year."""
        info = self._selected()
        if info is None:
            return
        dialog = NewReportDialog(
            self, info.agency, info.year, title="复制为新报告", choose_edition=False
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        agency, year, _edition = dialog.values()
        try:
            self.store.duplicate(info.id, agency, year)
        except DraftStoreError as exc:
            QMessageBox.warning(self, "复制为新报告", str(exc))
        self.refresh()

    def _rename(self) -> None:
        """重命名: another agency name or year for the chosen report."""
        info = self._selected()
        if info is None:
            return
        if info.id == self.current:
            QMessageBox.information(
                self, "重命名", "这份报告正在窗口中编辑：请在“基本信息”页修改机关名称和年度。"
            )
            return
        dialog = NewReportDialog(self, info.agency, info.year, title="重命名", choose_edition=False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        agency, year, _edition = dialog.values()
        self._on_selected(lambda report_id: self.store.rename(report_id, agency, year), "重命名")

    def _empty_trash(self) -> None:
        count = len(self.infos)  # the trash is what the list shows
        answer = QMessageBox.question(
            self,
            "清空回收站",
            f"回收站中的 {count} 份报告（连同它们的历史版本）将被永久删除，无法恢复。确定清空吗？",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.purge_trash()
        except DraftStoreError as exc:
            QMessageBox.warning(self, "清空回收站", str(exc))
        self.refresh()

    def _toggle_trash(self) -> None:
        self.showing_trash = not self.showing_trash
        self.refresh()


def import_with_question(store: DraftStore, path: Path, parent: QWidget | None) -> str | None:
    """Import a draft file; ask before replacing a report of the same agency and year."""
    try:
        return store.import_draft(path)
    except DraftExistsError as exc:
        answer = QMessageBox.question(
            parent,
            "导入草稿文件",
            f"{exc}\n\n要用导入的文件替换它吗？（被替换的版本仍保留在历史版本中）",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            return store.import_draft(path, overwrite=True)
        except (DraftStoreError, DocumentError) as again:
            QMessageBox.warning(parent, "导入草稿文件", str(again))
    except (DraftStoreError, DocumentError) as exc:
        QMessageBox.warning(parent, "导入草稿文件", str(exc))
    return None
