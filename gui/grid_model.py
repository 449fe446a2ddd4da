"""A Qt table model over one table of the report, laid out as the printed template.

A thin adapter: the layout comes from ``models.editions`` (no per-edition code
here), values from the document's Report, totals from ``models.totals`` through
the document.  ``setData`` parses what the clerk typed; a refused entry keeps
the old value and the cell says why.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from gui.document import ReportDocument
from gui.undo import SetCellsCommand
from models.editions import CellRef, CellRole, GridCell, GridLayout, get_edition
from models.label_breaks import joined_words
from models.totals import shown_value, totals_over_unread
from models.validation import Severity
from models.values import EntryError, Value, format_value, parse_value

Index = QModelIndex | QPersistentModelIndex

# Colours: paper-white inputs, pale yellow blanks (not filled in), blue-grey
# computed totals, grey headers; red errors, amber warnings.
COLOURS = {
    "header": QColor("#e8eaee"),
    "heading": QColor("#d5dae3"),
    "input": QColor("#ffffff"),
    "blank": QColor("#fff6d6"),
    "derived": QColor("#e3edf9"),
    "error": QColor("#f6b4b4"),
    "error_related": QColor("#fbdcdc"),
    "warning": QColor("#ffd98a"),
    "warning_related": QColor("#ffeec8"),
    "refused": QColor("#f08a8a"),
}
TEXT_COLOUR = QColor("#1b1b1b")
DERIVED_TEXT = QColor("#123d7a")

DERIVED_REFUSAL = "这是自动计算的合计，不能直接填写；请填写它的组成数字"

BRUSHES = {key: QBrush(colour) for key, colour in COLOURS.items()}
TEXT_BRUSH = QBrush(TEXT_COLOUR)
DERIVED_BRUSH = QBrush(DERIVED_TEXT)
ALIGN_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_LABEL = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
ALIGN_HEADER = int(Qt.AlignmentFlag.AlignCenter)
BOLD_ROLES = (CellRole.HEADER, CellRole.HEADING, CellRole.DERIVED)

CellRefRole = Qt.ItemDataRole.UserRole + 1
PreviousValueRole = Qt.ItemDataRole.UserRole + 2  # last year's figure, when shown
ANSWERED_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        CellRefRole,
        PreviousValueRole,
    )
)


class ReportTableModel(QAbstractTableModel):
    entryRefused = Signal(object, str)  # CellRef, message

    def __init__(self, document: ReportDocument, table_key: str, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.document = document
        self.table_key = table_key
        self.edition = document.report.edition
        self.layout: GridLayout = get_edition(self.edition).layout(table_key)
        # Entries the clerk typed that were refused: the cell shows why until the
        # next good entry there (on a total: anywhere) or a delete.
        self.refused: dict[CellRef, tuple[str, str]] = {}
        self.show_previous = False
        # What each value cell's look depended on at the last refresh (see refresh_changed).
        self._looks: dict[GridCell, tuple[object, ...]] = {}
        self._totals = {c.ref for c in self.layout.cells if c.role is CellRole.DERIVED}
        self._value_cells = [c for c in self.layout.cells if c.ref is not None]
        self._origins = {(c.row, c.col): c for c in self.layout.cells}
        self._bold = QFont()  # made here: a QFont needs the application to exist
        self._bold.setBold(True)
        self._context: tuple[object, ...] = ()  # last year's figures: shown, and whose
        # A grid on a page not shown catches up when it is shown (set_shown):
        # an edit in 表三 then refreshes one grid, not three.
        self.shown = False
        self._stale = True
        document.checked.connect(self._on_checked)

    # -------------------------------------------------- shape

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.layout.n_rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.layout.n_cols

    def cell_at(self, index: Index) -> GridCell | None:
        """The cell that starts at an index (None where a span covers it: Qt never paints it)."""
        return self._origins.get((index.row(), index.column())) if index.isValid() else None

    def index_of(self, ref: CellRef) -> QModelIndex:
        pos = self.layout.position_of(ref)
        return self.index(*pos) if pos else QModelIndex()

    # -------------------------------------------------- data

    def flags(self, index: Index) -> Qt.ItemFlag:
        cell = self.cell_at(index)
        if cell is None or cell.ref is None:
            # Labels are not enabled, so the cursor skips them as spreadsheets do.
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if cell.role is CellRole.VALUE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in ANSWERED_ROLES:  # painting asks for a dozen roles per cell
            return None
        cell = self.cell_at(index)
        if cell is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(cell)
        # Painting asks for every role of every cell shown: the answers that
        # do not change are made once (module constants), not per call.
        if role == Qt.ItemDataRole.BackgroundRole:
            return BRUSHES[self._background(cell)]
        if role == Qt.ItemDataRole.ForegroundRole:
            return DERIVED_BRUSH if cell.role is CellRole.DERIVED else TEXT_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if cell.ref is not None:
                return ALIGN_NUMBER
            if cell.role is CellRole.ROW_LABEL or cell.role is CellRole.CORNER:
                return ALIGN_LABEL
            return ALIGN_HEADER
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if cell.role in BOLD_ROLES else None
        if role == CellRefRole:
            return cell.ref
        if role == PreviousValueRole:
            return self._previous_text(cell) if self.show_previous else None
        return None

    def _previous_text(self, cell: GridCell) -> str | None:
        previous = self.document.previous
        if cell.ref is None or previous is None:
            return None
        edition = get_edition(previous.edition)
        if not edition.has_cell(cell.ref):
            return None
        value = previous.get(cell.ref)
        if value is None and edition.is_derived(cell.ref):
            value = self.document.previous_totals.get(cell.ref)
        return None if value is None else format_value(value)

    def _text(self, cell: GridCell) -> str:
        report = self.document.report
        if cell.ref is None:
            text = cell.text
            if cell.unit_of is not None:
                text = f"{text}（单位：{report.unit_of(cell.unit_of)}）"
            # A narrow column wraps 商业/企业 and 三、本年度/办理结果, never 商业企/业;
            # a row's own label (in the wide column) wraps as Qt likes.
            return (
                text
                if cell.role is CellRole.ROW_LABEL and cell.rowspan == 1
                else joined_words(text)
            )
        return format_value(shown_value(report, self.document.totals, cell.ref))

    def _background(self, cell: GridCell) -> str:
        """The key in COLOURS of the cell's background."""
        if cell.ref is None:
            return "heading" if cell.role is CellRole.HEADING else "header"
        if cell.ref in self.refused:
            return "refused"
        issues = self.document.issues_by_cell.get(cell.ref, [])
        if issues:
            # The severest issues decide; strong when the cell is the one an
            # issue is about (a stated total), pale when it is one of its parts.
            severe = any(i.severity is Severity.ERROR for i in issues)
            worst = [i for i in issues if (i.severity is Severity.ERROR) == severe]
            primary = any(i.cells[0] == cell.ref for i in worst)
            key = "error" if severe else "warning"
            return key if primary else f"{key}_related"
        if cell.role is CellRole.DERIVED:
            return "derived"
        if self.document.report.get(cell.ref) is None:
            return "blank"
        return "input"

    def _tooltip(self, cell: GridCell) -> str | None:
        if cell.ref is None:
            return cell.text if len(cell.text) > 12 else None
        edition = get_edition(self.document.report.edition)
        lines = [edition.cell_name(cell.ref)]
        if cell.ref in self.refused:
            typed, why = self.refused[cell.ref]
            lines.append(f"刚才输入的“{typed}”未被接受：{why}。单元格保留原值。")
        report = self.document.report
        unread = report.unread.get(cell.ref) if report.get(cell.ref) is None else None
        for issue in self.document.issues_by_cell.get(cell.ref, []):
            if issue.code == "UNREAD":
                continue  # the cell's own reason, below, says it in fewer words
            label = "错误" if issue.severity is Severity.ERROR else "提醒"
            lines.append(f"【{label}】{issue.message}")
        last = self._previous_text(cell)
        if last is not None:
            lines.append(f"上年（{self.document.previous.year}年度）：{last}")  # type: ignore[union-attr]
        if cell.role is CellRole.DERIVED and cell.ref in totals_over_unread(report):
            lines.append("其中有导入时未能读出的单元格，合计暂不显示；请对照原文填写这些单元格。")
        elif cell.role is CellRole.DERIVED:
            lines.append("自动计算的合计，不能直接修改。")
            stated = report.get(cell.ref)
            if stated is not None:
                lines.append(f"原报告填写为 {format_value(stated)}；按 Delete 改用自动计算的数值。")
        elif unread is not None:
            lines.append(f"导入时未能从原文读出：{unread}。请对照原文填写（不按0计算）。")
        elif report.get(cell.ref) is None:
            lines.append("未填写（空白不等于0；没有的请填0）")
        return "\n".join(lines)

    # -------------------------------------------------- editing

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell_at(index)
        if role != Qt.ItemDataRole.EditRole or cell is None or cell.ref is None:
            return False
        text = "" if value is None else str(value)
        if cell.role is not CellRole.VALUE:
            self.refuse(cell.ref, text, DERIVED_REFUSAL)
            return False
        return self.set_many([cell.ref], text)

    def set_many(self, refs: list[CellRef], text: str) -> bool:
        """One typed entry into some cells: parsed for each, one undo step; False if refused."""
        report = self.document.report
        edition = get_edition(report.edition)
        changes: dict[CellRef, Value | None] = {}
        for ref in refs:
            try:
                parsed = parse_value(text, edition.column(ref), report.unit_of(ref))
            except EntryError as exc:
                self.refuse(ref, text, str(exc))
                return False
            if parsed != report.get(ref) or (parsed is None and ref in report.cells):
                changes[ref] = parsed
        # Accepted: this cell's refusal goes, and so does a refusal on a total
        # (nothing typed there can be accepted, so it would stay red for good).
        cleared = [ref for ref in self.refused if ref in refs or ref in self._totals]
        for ref in cleared:
            del self.refused[ref]
        if changes:
            name = edition.cell_name(refs[0]) if len(refs) == 1 else f"{len(changes)} 个单元格"
            self.document.undo_stack.push(SetCellsCommand(self.document, changes, f"填写 {name}"))
        elif cleared:
            self.refresh_changed()
        return True

    def refuse(self, ref: CellRef, typed: str, why: str) -> None:
        """A refused entry: the cell keeps its value, turns red and says why."""
        self.refused[ref] = (typed.strip(), why)
        self.refresh_changed()
        self.entryRefused.emit(ref, why)

    def clear_refusals(self) -> None:
        if self.refused:
            self.refused.clear()
            self.refresh_changed()

    def _current_context(self) -> tuple[object, ...]:
        # Last year's report itself, not its id(): a freed report's id can be reused.
        return (self.show_previous, self.document.previous)

    def reset(self) -> None:
        """Another report of the same edition: every cell anew, refusals forgotten."""
        self.beginResetModel()
        self.refused.clear()
        self.endResetModel()
        # The reset repainted every cell: what they show now is the baseline.
        self._looks = self._states()
        self._context = self._current_context()
        self._stale = False

    def set_shown(self, shown: bool) -> None:
        self.shown = shown
        if shown and self._stale:
            self.refresh_changed()

    def _on_checked(self) -> None:
        if self.shown:
            self.refresh_changed()
        else:
            self._stale = True

    def _states(self) -> dict[GridCell, tuple[object, ...]]:
        """What each value cell shows depends on: when this changes, it is repainted.

        Its value (or computed total), a refusal, and its issues' severity decide
        its text and colour; last year's figure is covered by ``_context``. Read
        from the document without formatting anything: this runs on every edit.
        """
        values = self.document.report.cells
        totals = self.document.totals
        by_cell = self.document.issues_by_cell
        states: dict[GridCell, tuple[object, ...]] = {}
        for cell in self._value_cells:
            ref = cell.ref
            issues = by_cell.get(ref)  # type: ignore[arg-type]
            states[cell] = (
                values.get(ref),  # type: ignore[arg-type]
                totals.get(ref),  # type: ignore[arg-type]
                self.refused.get(ref),  # type: ignore[arg-type]
                # What the colour depends on; a message's words show only in the
                # tooltip, which Qt asks for when the mouse rests on the cell.
                tuple((i.severity, i.cells[0] == ref) for i in issues) if issues else (),
            )
        return states

    def refresh_changed(self) -> None:
        """Tell the view about the cells whose text, colour or tooltip changed, only those.

        A full refresh made every keystroke repaint all three grids (about 600
        data() calls); most edits change a handful of cells.
        """
        self._stale = False
        states = self._states()
        context = self._current_context()
        if context != self._context:
            self._context = context
            changed = list(states)
        else:
            changed = [cell for cell, state in states.items() if self._looks.get(cell) != state]
        self._looks = states
        # One signal per row of changed cells: each signal costs a trip through
        # Python and every view and pane; the cells between repaint cheaply.
        spans: dict[int, tuple[int, int]] = {}
        for cell in changed:
            first, last = spans.get(cell.row, (cell.col, cell.col))
            spans[cell.row] = (min(first, cell.col), max(last, cell.col + cell.colspan - 1))
        for row, (first, last) in spans.items():
            self.dataChanged.emit(self.index(row, first), self.index(row, last))
