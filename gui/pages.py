"""The pages of the window: 基本信息, the narrative sections, the tables."""

from __future__ import annotations

import datetime as dt
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.bound_editors import BoundLineEdit, BoundTextEdit
from gui.document import ReportDocument
from gui.grid_model import COLOURS, ReportTableModel
from gui.grid_view import ReportGridView
from gui.undo import ReplaceReportCommand, SetFieldCommand
from models.editions import (
    EDITION_TITLES,
    EDITIONS,
    MONEY_UNITS,
    TABLE_SECTIONS,
    CellRef,
    ValueKind,
    get_edition,
)
from models.guidance import SECTION_HINTS
from models.report import MAX_YEAR, MIN_YEAR, SECTION_TITLES
from models.switches import switch_edition, switch_money_unit
from models.values import EntryError


@runtime_checkable
class Page(Protocol):
    """A page of the window: Tab from the section list (and F6) lands on its first
    field; ``focus`` shows the words (or the box) of a field an issue is about."""

    def first_field(self) -> QWidget: ...

    def focus(self, field: str, span: tuple[int, int] | None) -> None: ...


def _focus_text(editor: QWidget, span: tuple[int, int] | None) -> None:
    if span is not None and isinstance(editor, BoundTextEdit):
        editor.select_span(*span)
    else:
        editor.setFocus()


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    return label


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #5a5f66;")
    return label


class MetaPage(QWidget):
    """基本信息: agency, year, edition, date of issue, preamble, contact."""

    def __init__(self, document: ReportDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        layout = QVBoxLayout(self)
        layout.addWidget(_title("基本信息"))
        form = QFormLayout()
        self.agency = BoundLineEdit(document, "agency")
        self.agency.setPlaceholderText("如：某某市公安局某某分局")
        self.agency.setMaximumWidth(640)
        form.addRow("机关名称：", self.agency)
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setKeyboardTracking(False)
        self.year.setSuffix(" 年度")
        self.year.setMaximumWidth(180)
        form.addRow("报告年度：", self.year)
        self.edition = QComboBox()
        for key in EDITIONS:
            self.edition.addItem(EDITION_TITLES[key], key)
        self.edition.setMaximumWidth(420)
        form.addRow("模板版本：", self.edition)
        date_row = QHBoxLayout()
        self.has_date = QCheckBox("已确定")
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy年M月d日")
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.date)
        date_row.addStretch()
        form.addRow("成文日期：", date_row)
        layout.addLayout(form)
        layout.addWidget(QLabel("前言（可选：编制依据、统计期限、电子版下载地址等）："))
        self.preamble = BoundTextEdit(document, "preamble")
        layout.addWidget(self.preamble, 2)
        layout.addWidget(QLabel("联系方式（可选：地址、邮编、电话、电子邮箱）："))
        self.contact = BoundTextEdit(document, "contact")
        self.contact.setMaximumHeight(110)
        layout.addWidget(self.contact, 1)
        self._load()
        self.year.valueChanged.connect(self._on_year)
        self.edition.activated.connect(self._on_edition)
        self.has_date.toggled.connect(self._on_date)
        self.date.dateChanged.connect(self._on_date)
        document.fieldChanged.connect(lambda _name: self._load())
        document.structureChanged.connect(self._load)

    def first_field(self) -> QWidget:
        return self.agency

    def focus(self, field: str, span: tuple[int, int] | None) -> None:
        editors: dict[str, QWidget] = {
            "agency": self.agency,
            "year": self.year,
            "edition": self.edition,
            "issue_date": self.has_date,
            "preamble": self.preamble,
            "contact": self.contact,
        }
        _focus_text(editors.get(field, self.agency), span)

    def _load(self) -> None:
        report = self.document.report
        for widget in (self.year, self.edition, self.has_date, self.date):
            widget.blockSignals(True)
        self.year.setValue(report.year or dt.date.today().year - 1)
        self.edition.setCurrentIndex(max(0, self.edition.findData(report.edition)))
        self.has_date.setChecked(report.issue_date is not None)
        day = report.issue_date or dt.date((report.year or dt.date.today().year) + 1, 1, 20)
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.date.setEnabled(report.issue_date is not None)
        for widget in (self.year, self.edition, self.has_date, self.date):
            widget.blockSignals(False)

    def _on_year(self, year: int) -> None:
        if year != self.document.report.year:
            self.document.undo_stack.push(
                SetFieldCommand(self.document, "year", year, "修改报告年度")
            )

    def _on_date(self, *_args: object) -> None:
        value = self.date.date().toPython() if self.has_date.isChecked() else None
        assert value is None or isinstance(value, dt.date)
        self.date.setEnabled(value is not None)
        if value != self.document.report.issue_date:
            self.document.undo_stack.push(
                SetFieldCommand(self.document, "issue_date", value, "修改成文日期")
            )

    def _on_edition(self, _index: int) -> None:
        key = self.edition.currentData()
        if key == self.document.report.edition:
            return
        new, lost = switch_edition(self.document.report, key)
        if lost:
            edition = get_edition(self.document.report.edition)
            names = "\n".join(f"· {edition.cell_name(ref)}" for ref in lost[:12])
            more = f"\n……共{len(lost)}个" if len(lost) > 12 else ""
            answer = QMessageBox.question(
                self,
                "切换模板版本",
                f"切换到{EDITION_TITLES[key]}后，下列已填写的单元格在新模板中没有对应栏目，"
                f"将不再保留（可用“撤销”恢复）：\n{names}{more}\n\n确定切换吗？",
            )
            if answer != QMessageBox.StandardButton.Yes:
                self._load()
                return
        self.document.undo_stack.push(
            ReplaceReportCommand(self.document, new, f"切换到{key}年版模板")
        )


class NarrativePage(QWidget):
    """一、五、六: a plain-text editor with a character count and what the section needs."""

    def __init__(self, document: ReportDocument, section: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = f"sections.{section}"
        layout = QVBoxLayout(self)
        layout.addWidget(_title(SECTION_TITLES[section]))
        self.hint = _hint(SECTION_HINTS[section])
        layout.addWidget(self.hint)
        # What the section needs stands above the box while it is empty (no
        # placeholder repeating it inside).
        self.editor = BoundTextEdit(document, self.field)
        layout.addWidget(self.editor, 1)
        self.count = QLabel()
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.count)
        self.editor.textChanged.connect(self._on_text)
        self._on_text()

    def first_field(self) -> QWidget:
        return self.editor

    def focus(self, field: str, span: tuple[int, int] | None) -> None:
        _focus_text(self.editor, span)

    def _on_text(self) -> None:
        text = self.editor.toPlainText()
        chars = sum(1 for ch in text if not ch.isspace())
        paragraphs = sum(1 for line in text.split("\n") if line.strip())
        self.count.setText(f"{chars} 字 · {paragraphs} 段")
        self.hint.setVisible(not text.strip())


LEGEND = [
    ("input", "已填写"),
    ("blank", "未填写（空白≠0）"),
    ("derived", "自动合计"),
    ("error", "错误"),
    ("warning", "提醒"),
]


def colour_legend() -> QWidget:
    """What the grid's colours mean (shown in the status bar beside a table)."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    side = box.fontMetrics().height() - 2
    for key, text in LEGEND:
        swatch = QLabel()
        swatch.setFixedSize(side, side)
        swatch.setStyleSheet(f"background: {COLOURS[key].name()}; border: 1px solid #9aa0a6;")
        row.addWidget(swatch)
        row.addWidget(QLabel(text))
        row.addSpacing(6)
    return box


class TablePage(QWidget):
    """表二/三/四: optional text before the table, the unit choice (if any), the grid."""

    message = Signal(str)

    def __init__(self, document: ReportDocument, table_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.table_key = table_key
        self._layout = QVBoxLayout(self)
        self.view: ReportGridView | None = None
        self.unit: QComboBox | None = None
        section = TABLE_SECTIONS[table_key]
        table = get_edition(document.report.edition).table(table_key)
        self._layout.addWidget(_title(f"{table.section}（{table.number}）"))
        # The caption beside the box, and the box two lines high: on a laptop
        # screen (and at 150 %) the grid needs the height.
        intro_row = QHBoxLayout()
        caption = QLabel("表前说明\n（可选）：")
        caption.setAlignment(Qt.AlignmentFlag.AlignTop)
        intro_row.addWidget(caption)
        self.intro = BoundTextEdit(document, f"sections.{section}")
        self._hint = SECTION_HINTS[section]
        self.intro.setPlaceholderText(self._hint)
        caption.setBuddy(self.intro)
        intro_row.addWidget(self.intro, 1)
        self._layout.addLayout(intro_row)
        self._unit_row = QHBoxLayout()
        self._layout.addLayout(self._unit_row)
        self._grid_slot = QVBoxLayout()
        self._layout.addLayout(self._grid_slot, 1)
        self.rebuild()
        document.structureChanged.connect(self.rebuild)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        # The text box is two lines high where the page has room and one
        # where it is short (a laptop at 150 %): the grid needs the height.
        line = self.intro.fontMetrics().height()
        roomy = self.height() > line * 28
        self.intro.setFixedHeight(int(line * (2.6 if roomy else 1.5)) + 8)
        # The long hint wraps; a one-line box shows a short one that fits.
        self.intro.setPlaceholderText(self._hint if roomy else "（可选）表格前的说明文字")

    def rebuild(self) -> None:
        """Build the grid from the edition's layout; a report of the same edition
        (a unit switch, another report opened) only resets it, keeping the cursor."""
        edition = self.document.report.edition
        if self.view is not None and self.view.grid_model.edition == edition:
            # Only the grid: the unit choice the clerk may have just used keeps
            # its place, its keyboard focus and its Tab order; it shows the unit.
            self.view.reset_in_place()
            self._show_unit()
            return
        if self.view is not None:
            old_model = self.view.grid_model
            self.document.checked.disconnect(old_model._on_checked)
            self.view.setParent(None)
            self.view.deleteLater()
            old_model.deleteLater()
        model = ReportTableModel(self.document, self.table_key, self)
        model.entryRefused.connect(self._on_refused)
        self.view = ReportGridView(model, self)
        self.view.message.connect(self.message)
        self._grid_slot.addWidget(self.view)
        self._build_unit_choice()
        # The grid comes first in the Tab order: a clerk tabbing in from the
        # section list types figures, and they must never land in the intro text.
        QWidget.setTabOrder(self.view, self.intro)
        if self.unit is not None:
            QWidget.setTabOrder(self.intro, self.unit)

    def first_field(self) -> QWidget:
        assert self.view is not None
        return self.view

    def focus(self, field: str, span: tuple[int, int] | None) -> None:
        """The words before the table (a text's claim about this table)."""
        _focus_text(self.intro, span)

    def _money_column(self) -> CellRef | None:
        edition = get_edition(self.document.report.edition)
        for ref in edition.cells():
            column = edition.column(ref)
            if (
                ref.table == self.table_key
                and column.kind is ValueKind.MONEY
                and column.unit_choices
            ):
                return ref
        return None

    def _build_unit_choice(self) -> None:
        while self._unit_row.count():
            item = self._unit_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.unit = None
        ref = self._money_column()
        if ref is None:
            return
        column = get_edition(self.document.report.edition).column(ref)
        self._unit_row.addWidget(QLabel(f"{column.label}的单位："))
        self.unit = QComboBox()
        for unit in MONEY_UNITS:
            self.unit.addItem(unit, unit)
        self.unit.setCurrentIndex(self.unit.findData(self.document.report.unit_of(ref)))
        self.unit.activated.connect(lambda _i, r=ref: self._on_unit(r))
        self._unit_row.addWidget(self.unit)
        self._unit_row.addStretch()

    def _on_unit(self, ref: CellRef) -> None:
        assert self.unit is not None
        unit = self.unit.currentData()
        report = self.document.report
        old_unit = report.unit_of(ref)
        if unit == old_unit:
            return
        try:
            new = switch_money_unit(report, ref, unit)
        except EntryError as exc:
            self.message.emit(f"未改单位：{exc}")
            self.unit.setCurrentIndex(self.unit.findData(old_unit))
            return
        self.document.undo_stack.push(
            ReplaceReportCommand(self.document, new, f"金额单位改为{unit}")
        )

    def _show_unit(self) -> None:
        if self.unit is not None and (ref := self._money_column()) is not None:
            self.unit.setCurrentIndex(self.unit.findData(self.document.report.unit_of(ref)))

    def _on_refused(self, ref: CellRef, message: str) -> None:
        name = get_edition(self.document.report.edition).cell_name(ref)
        self.message.emit(f"未接受：{name}：{message}")
