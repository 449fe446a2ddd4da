"""The spreadsheet-like view of one table: merged cells, keys, copy and paste.

Keys as in Excel/WPS: typing overwrites, F2 or a double click edits; Tab and
Enter finish an entry (changed or not) and move, Enter after a run of Tabs
returning to the run's first column on the next row; arrows, Ctrl+arrows,
Home/End, Ctrl+Home/End and PgUp/PgDn move among the cells the clerk fills
(computed totals are skipped, and typing on one is refused with a message);
Ctrl+Enter fills the selection; Delete clears it to blank; Ctrl+C / Ctrl+V
move rectangular blocks to and from Excel/WPS as tab-separated text.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QTableView,
    QWidget,
)

from gui.frozen_panes import FrozenPanes, freezable
from gui.grid_clipboard import GridClipboard
from gui.grid_delegates import ARROWS, EntryDelegate, LastYearDelegate, finishing_move
from gui.grid_model import ReportTableModel
from gui.grid_navigation import Navigator
from gui.grid_widths import COLUMN_PADDING, LABEL_WIDTHS, VALUE_WIDTH, label_widths
from models.editions import CellRef


class ReportGridView(GridClipboard, QTableView):
    message = Signal(str)  # for the status bar

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        # The column a run of Tabs began in: Enter returns there on the next row.
        self.tab_home: int | None = None
        self.typing_entry = False  # the open editor was opened by typing, not F2
        self._moving = False
        self.panes: FrozenPanes | None = None
        self._wrapped_to: tuple[int, int] | None = None  # where the last Tab wrapped to
        self.setModel(model)
        self.navigator = Navigator(model.layout)
        self._plain_delegate = EntryDelegate(self)
        self._last_year_delegate = LastYearDelegate(self)
        self.setItemDelegate(self._plain_delegate)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setTabKeyNavigation(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        for cell in model.layout.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self.panes = FrozenPanes(self, model.layout) if freezable(model.layout) else None
        self._label_px: list[int] = []
        self._from_editor = False  # focus is coming back from our own cell editor
        self._shown_before = False
        self.apply_widths()
        first = self.navigator.first()
        if first is not None:
            self._go(first)

    @property
    def grid_model(self) -> ReportTableModel:
        model = self.model()
        assert isinstance(model, ReportTableModel)
        return model

    def _room(self, em: int) -> float:
        """The characters a row of this grid can show without scrolling sideways
        (each column also takes COLUMN_PADDING pixels besides its characters)."""
        width = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        width -= COLUMN_PADDING * self.grid_model.layout.n_cols
        return max(0, width) / em

    def _label_pixels(self, em: int) -> list[int]:
        key = self.grid_model.table_key
        n_values = self.grid_model.layout.n_cols - len(LABEL_WIDTHS[key])
        return [
            int(em * chars + COLUMN_PADDING)
            for chars in label_widths(key, n_values, self._room(em))
        ]

    def reset_in_place(self) -> None:
        """The model reset (another report, a unit switch): same spans, the cursor kept."""
        position = self._position()
        self.grid_model.reset()
        for cell in self.grid_model.layout.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self.apply_widths()
        self._go(position or self.navigator.first())

    def show_last_year(self, shown: bool) -> None:
        self.setItemDelegate(self._last_year_delegate if shown else self._plain_delegate)
        self.grid_model.show_previous = shown
        self.grid_model.refresh_changed()

    def apply_widths(self) -> None:
        """Column widths and row heights from the font and the grid's width:
        re-run after zooming and when the grid is resized."""
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("国")
        layout = self.grid_model.layout
        self._label_px = self._label_pixels(em)
        value_px = int(em * VALUE_WIDTH[self.grid_model.table_key] + COLUMN_PADDING)
        widths = self._label_px + [value_px] * (layout.n_cols - len(self._label_px))
        for col, width in enumerate(widths):
            self.setColumnWidth(col, width)
        # A row is as tall as the text that starts in it and spans only it
        # needs; Qt's resizeRowsToContents mis-measures merged cells.
        base = int(metrics.height() * 1.7)
        heights = [base] * layout.n_rows
        for cell in layout.cells:
            if cell.rowspan != 1 or not cell.text:
                continue
            width = sum(widths[cell.col : cell.col + cell.colspan]) - 10
            text = str(
                self.grid_model.data(self.grid_model.index(cell.row, cell.col))
            )  # as painted
            rect = metrics.boundingRect(
                0, 0, max(width, em), 10_000, Qt.TextFlag.TextWordWrap, text
            )
            heights[cell.row] = max(heights[cell.row], rect.height() + 10)
        for row, height in enumerate(heights):
            self.setRowHeight(row, height)
        if self.panes is not None:
            self.panes.sync_sizes()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        # Labels narrow or widen with the grid (row heights follow their wrapping).
        em = self.fontMetrics().horizontalAdvance("国")
        if event.oldSize().width() != event.size().width() and (
            self._label_pixels(em) != self._label_px
        ):
            self.apply_widths()
        self._keep_cursor_in_view()
        if self.panes is not None:
            self.panes.place()

    def _keep_cursor_in_view(self) -> None:
        """After a resize (the issues panel shown or hidden, a smaller window) the
        cell being typed into stays in view: typing never goes into a cell the
        clerk cannot see. Where the clerk scrolled stays otherwise."""
        current = self.currentIndex()
        if current.isValid():
            self.scrollTo(current)  # only scrolls if it is out of view or under a frozen pane

    def _show_the_top(self) -> None:
        """The table's first show: its header rows in view when the cursor fits
        below them (the cursor was placed while the view was still tiny)."""
        current = self.currentIndex()
        bar = self.verticalScrollBar()
        if current.isValid():
            bottom = (
                self.rowViewportPosition(current.row())
                + bar.value()
                + self.rowHeight(current.row())
            )
            if bottom <= self.viewport().height():
                bar.setValue(0)

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # type: ignore[no-untyped-def]
        super().scrollTo(index, hint)
        if self.panes is not None and index.isValid():
            self.panes.uncover(index)

    def updateGeometries(self) -> None:
        super().updateGeometries()
        # Scroll bars appearing or going change the viewport the panes lie over.
        if self.panes is not None:
            self.panes.place()

    # -------------------------------------------------- moving

    def _position(self) -> tuple[int, int] | None:
        current = self.currentIndex()
        return (current.row(), current.column()) if current.isValid() else None

    def _go(self, target: tuple[int, int] | None, keep_tab_home: bool = False) -> None:
        if target is None:
            return
        home = self.tab_home
        self._moving = True
        try:
            self.setCurrentIndex(self.grid_model.index(*target))
        finally:
            self._moving = False
        self.tab_home = home if keep_tab_home else None

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().currentChanged(current, previous)
        if not self._moving:
            self.tab_home = None  # a click or a search ends a run of Tabs
            self._wrapped_to = None

    def move_cursor(self, how: str | tuple[int, int]) -> None:
        """Move the cursor as a finishing key or an arrow does."""
        pos = self._position()
        if pos is None:
            first = self.navigator.first()
            self._go(first)
            return
        nav = self.navigator
        if isinstance(how, tuple):
            self._go(nav.step(pos, *how))
        elif how in ("tab", "backtab"):
            if self.tab_home is None:
                self.tab_home = nav.origin(pos)[1]
            target = nav.tab(pos, backwards=how == "backtab")
            self._go(target, keep_tab_home=True)
            if target is not None and target[0] != pos[0]:
                # The Tab wrapped: the cursor is already where Enter would go.
                self.tab_home = None
                self._wrapped_to = target
                return
        elif how in ("enter", "enter_back"):
            if how == "enter" and self._wrapped_to == pos:
                self._wrapped_to = None
                return
            self._go(nav.enter(pos, self.tab_home, backwards=how == "enter_back"))
        self._wrapped_to = None

    def finish_entry(self, editor: QLineEdit, how: str | tuple[int, int]) -> None:
        """Commit what was typed (a change or not), then move; a refusal stays put."""
        index = self.currentIndex()
        text = editor.text()
        selected = self._selected_range()
        self._from_editor = self.hasFocus() is False
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.typing_entry = False
        if how == "fill" and selected is not None:
            accepted = self.fill_range(selected, text)
        else:
            accepted = self.grid_model.setData(index, text)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if accepted and how != "fill":
            self.move_cursor(how)

    def commit_open_entry(self) -> None:
        """Save what is in an open cell editor without closing it (autosave, close)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        # Cell editors are children of the viewport; only one is ever open.
        editor = next(iter(self.viewport().findChildren(QLineEdit)), None)
        if editor is not None and editor.isVisible():
            self.grid_model.setData(self.currentIndex(), editor.text())

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.grid_model.set_shown(True)
        if not self._shown_before:
            self._shown_before = True
            self._show_the_top()

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().hideEvent(event)
        self.grid_model.set_shown(False)

    def focusOutEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Focus going into our own cell editor, or back from it (focusInEvent):
        # Qt would repaint the whole view, frame and scroll bars included, twice
        # an entry (a third of an edit's time). Nothing the clerk sees changes
        # (the view stays the focused part of the window); the editor and the
        # cursor's move repaint their own cells.
        editor = QApplication.focusWidget()
        if editor is not None and self.viewport().isAncestorOf(editor):
            event.accept()
        else:
            super().focusOutEvent(event)

    def focusInEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._from_editor:
            self._from_editor = False
            event.accept()
        else:
            super().focusInEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Only Esc and focus leaving reach here (the view finishes entries
        # itself): never let Qt open the next editor or move focus on.
        self.typing_entry = False
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def edit(self, index, trigger=None, event=None):  # type: ignore[no-untyped-def]
        if trigger is None:
            return super().edit(index)
        opened = super().edit(index, trigger, event)
        if opened:
            self.typing_entry = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
        return opened

    # -------------------------------------------------- keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not ctrl:
            self.clear_selection()
            return
        move = finishing_move(event)
        if move is not None:
            if move != "fill":  # Ctrl+Enter fills only from an open entry
                self.move_cursor(move)
            return
        if not shift and self._navigate(key, ctrl):
            return
        if not ctrl and event.text() and event.text().isprintable() and not event.text().isspace():
            if not self._current_is_fillable():
                # A total is refused at the cell (setData says why), never dropped.
                self.grid_model.setData(self.currentIndex(), event.text())
                return
        super().keyPressEvent(event)

    def _navigate(self, key: int, ctrl: bool) -> bool:
        pos = self._position()
        if pos is None:
            return False
        nav = self.navigator
        if key in ARROWS:
            d_row, d_col = ARROWS[Qt.Key(key)]
            self._go(nav.edge(pos, d_row, d_col) if ctrl else nav.step(pos, d_row, d_col))
            return True
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            last = key == Qt.Key.Key_End
            if ctrl:
                self._go(nav.last() if last else nav.first())
            else:
                self._go(nav.row_end(pos, last))
            return True
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and not ctrl:
            row_height = max(1, self.rowHeight(pos[0]))
            steps = max(1, self.viewport().height() // row_height - 1)
            d_row = 1 if key == Qt.Key.Key_PageDown else -1
            target = None
            current: tuple[int, int] | None = pos
            for _ in range(steps):
                current = nav.step(current, d_row, 0) if current else None
                if current is None:
                    break
                target = current
            self._go(target)
            return True
        return False

    def _current_is_fillable(self) -> bool:
        pos = self._position()
        return pos is not None and self.navigator.is_fillable(pos)

    def select_refs(self, refs: list[CellRef]) -> None:
        """Select the cells an issue is about and put the cursor on the first."""
        model = self.grid_model
        selection = self.selectionModel()
        selection.clearSelection()
        first: QModelIndex | None = None
        for ref in refs:
            index = model.index_of(ref)
            if not index.isValid():
                continue
            selection.select(index, QItemSelectionModel.SelectionFlag.Select)
            first = first or index
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(first)
            self.setFocus()
