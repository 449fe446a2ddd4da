"""The main window: navigation, the page for the chosen part, the issues panel, menus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QFrame,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)
from shiboken6 import isValid

from gui.chart import ComparisonPage
from gui.dialogs.backups import BackupsDialog
from gui.dialogs.draft_files import ask_draft_to_import, export_draft_file
from gui.dialogs.start import StartDialog, import_with_question
from gui.document import ReportDocument
from gui.grid_view import ReportGridView
from gui.issues_panel import IssuesPanel
from gui.menus import build_menus
from gui.pages import MetaPage, NarrativePage, Page, TablePage, colour_legend
from gui.pdf_jobs import PdfJobs
from gui.session import Session
from gui.window_state import RememberedLayout
from models import APP_NAME
from models.editions import SECTION_TABLES, get_edition
from models.report import SECTION_KEYS
from models.store import DraftStore, DraftStoreError
from models.validation import Issue, Severity

# Navigation: (key, label); the key names the page and the fields it shows.
PAGES = (
    ("meta", "基本信息"),
    ("overview", "一、总体情况"),
    ("t2", "二、主动公开（表二）"),
    ("t3", "三、依申请公开（表三）"),
    ("t4", "四、复议诉讼（表四）"),
    ("problems", "五、问题及改进"),
    ("other", "六、其他事项"),
    ("compare", "年度对比"),
)
# The page that shows a field: a section's own page (a table's, for the text
# before it), else 基本信息.
FIELD_PAGES = {f"sections.{key}": SECTION_TABLES.get(key, key) for key in SECTION_KEYS}
SUMMARY_DELAY_MS = 150


def _scrollable(page: QWidget) -> QScrollArea:
    """The page scrolls when the window is smaller than it (a laptop at 150 %): nothing is cut."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class MainWindow(RememberedLayout, QMainWindow):
    """Navigation, the page for the chosen part, the issues panel; menus in gui/menus.py."""

    toolbar: QToolBar  # the print buttons (gui/menus.py)
    previous_action: QAction  # 显示上年数字

    def __init__(
        self,
        document: ReportDocument,
        settings: QSettings,
        store: DraftStore | None = None,
        report_id: str | None = None,
        read_only: bool = False,
    ):
        super().__init__()
        self.document = document
        self.settings = settings
        self.session = Session(document, store, report_id, read_only, self)
        self.session.before_save = self._commit_pending_edit
        self.session.saved.connect(self._on_saved)
        self.session.saveFailed.connect(self._on_save_failed)
        self.session.reportReplaced.connect(self._update_title)
        self.base_point_size = self.font().pointSizeF()
        self.zoom = float(str(settings.value("zoom", 1.0)))

        self.nav = QListWidget()
        self.nav.addItems([label for _key, label in PAGES])
        self.nav.setMinimumWidth(150)
        # Where the keyboard is shows (F6 and Tab move between list, page, issues).
        self.nav.setStyleSheet("QListWidget:focus { border: 2px solid #2a7ae2; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {
            "meta": MetaPage(document),
            "overview": NarrativePage(document, "overview"),
            "t2": TablePage(document, "t2"),
            "t3": TablePage(document, "t3"),
            "t4": TablePage(document, "t4"),
            "problems": NarrativePage(document, "problems"),
            "other": NarrativePage(document, "other"),
            "compare": ComparisonPage(document, self.session),
        }
        for key, _label in PAGES:
            self.stack.addWidget(_scrollable(self.pages[key]))
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1000])
        self.setCentralWidget(splitter)

        self.issues = IssuesPanel(document)
        # The counts stand in the dock's title: one line less on a laptop screen.
        self.issues_dock = QDockWidget("校验结果", self)
        self.issues_dock.setObjectName("issues")
        self.issues_dock.setWidget(self.issues)
        self.issues_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.issues_dock)

        self.pdf = PdfJobs(self, document, settings, self._show_message)
        self.counts = QLabel()
        # A fixed size, wide enough for any count: a new count then repaints the
        # label alone; a label that may resize makes Qt lay out and repaint the
        # whole status bar (and the window beneath it) on every change.
        metrics = self.counts.fontMetrics()
        self.counts.setFixedSize(
            metrics.horizontalAdvance("错误 888 · 提醒 888 "), metrics.height()
        )
        self.counts.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.saved = QLabel()
        # Left in the status bar (a passing message covers it for a moment).
        self.legend = colour_legend()
        self.statusBar().addWidget(self.legend)
        self.statusBar().addPermanentWidget(self.saved)
        self.statusBar().addPermanentWidget(self.counts)
        build_menus(self)

        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.currentRowChanged.connect(self._on_page_shown)
        self.nav.installEventFilter(self)
        # F6 cycles the three parts of the window, as in Office and browsers.
        cycle = QShortcut(QKeySequence(Qt.Key.Key_F6), self)
        cycle.activated.connect(self.cycle_focus)
        self.issues.issueActivated.connect(self.show_issue)
        for key in ("t2", "t3", "t4"):
            page = self.pages[key]
            assert isinstance(page, TablePage)
            page.message.connect(self._show_message)
        # The list of issues, its counts and the section badges follow a burst of
        # typing a moment later (each rebuild lays out every wrapped message);
        # the cells' colours follow every keystroke at once.
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(SUMMARY_DELAY_MS)
        self._summary_timer.timeout.connect(self._on_checked)
        document.checked.connect(self._summary_timer.start)
        document.undo_stack.cleanChanged.connect(self._update_title)
        document.fieldChanged.connect(lambda _name: self._update_title())
        self.nav.setCurrentRow(0)
        # A keyboard user starts in the section list: arrows choose, Tab enters.
        self.nav.setFocus()
        self._on_checked()
        self._restore_settings()

    # The session's state, as the window's callers knew it.
    @property
    def store(self) -> DraftStore | None:
        return self.session.store

    @property
    def report_id(self) -> str | None:
        return self.session.report_id

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def autosave(self) -> QTimer:
        return self.session.autosave

    # -------------------------------------------------- state shown

    def _on_checked(self) -> None:
        self.issues.refresh()
        errors, warnings = self.document.counts()
        self.counts.setText(f"错误 {errors} · 提醒 {warnings}")
        self.issues_dock.setWindowTitle(f"校验结果：{self.issues.summary()}")
        per_page: dict[str, list[Issue]] = {}
        for issue in self.document.issues:
            page = issue.cells[0].table if issue.cells else FIELD_PAGES.get(issue.field, "meta")
            per_page.setdefault(page, []).append(issue)
        for row, (key, label) in enumerate(PAGES):
            found = per_page.get(key, [])
            n_errors = sum(1 for i in found if i.severity is Severity.ERROR)
            badge = f"  ✖{n_errors}" if n_errors else ("  ⚠" if found else "")
            item = self.nav.item(row)
            if item.text() != label + badge:  # a repaint only when it changes
                item.setText(label + badge)
        self._update_title()

    def _update_title(self) -> None:
        # The undo stack is destroyed before the window at exit and signals once more.
        if not isValid(self) or not isValid(self.document.undo_stack):
            return
        report = self.document.report
        agency = report.agency.strip() or "（未填机关名称）"
        mode = "（只读）" if self.read_only else ""
        self.setWindowTitle(f"{agency} {report.year}年度报告{mode}[*] — {APP_NAME}")
        self.setWindowModified(not self.document.undo_stack.isClean())

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # -------------------------------------------------- keyboard focus

    def grid_views(self) -> list[ReportGridView]:
        """The grids of 表二/三/四 as they are now (an edition switch rebuilds them)."""
        views = []
        for key in ("t2", "t3", "t4"):
            page = self.pages[key]
            if isinstance(page, TablePage) and page.view is not None:
                views.append(page.view)
        return views

    def current_page(self) -> QWidget:
        return self.pages[PAGES[max(0, self.nav.currentRow())][0]]

    def page_first_field(self) -> QWidget:
        """Where Tab from the section list (or F6) lands on the current page."""
        page = self.current_page()
        return page.first_field() if isinstance(page, Page) else page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Tab from the section list goes into the page it shows, whatever order
        # Qt's focus chain happens to have.
        if (
            watched is self.nav
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.page_first_field().setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def cycle_focus(self) -> None:
        """F6: section list → page → issues list → section list."""
        focus = QApplication.focusWidget()
        page = self.current_page()
        if focus is not None and (focus is page or page.isAncestorOf(focus)):
            self.issues.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif focus is not None and self.issues.isAncestorOf(focus):
            self.nav.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.page_first_field().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_page_shown(self) -> None:
        self.legend.setVisible(isinstance(self.current_page(), TablePage))
        self.statusBar().clearMessage()  # a refusal on another page no longer applies

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow([k for k, _ in PAGES].index(key))

    def show_issue(self, issue: Issue) -> None:
        """Go to what an issue is about: its cells in the grid, or its words in the text."""
        # A text's claim is about its words (the cells are coloured anyway).
        if issue.cells and not issue.field:
            table = issue.cells[0].table
            self.show_page(table)
            page = self.pages[table]
            assert isinstance(page, TablePage) and page.view is not None
            page.view.select_refs(list(issue.cells))
        elif issue.field:
            key = FIELD_PAGES.get(issue.field, "meta")
            self.show_page(key)
            page = self.pages[key]
            if isinstance(page, Page):
                page.focus(issue.field, issue.span)
        self._show_message(issue.message)

    def toggle_previous(self) -> None:
        """Show last year's figure beside each of this year's (when last year's report is known)."""
        shown = self.previous_action.isChecked()
        if shown and self.document.previous is None:
            self._show_message("本机没有该机关上一年度的报告，无法显示上年数字")
        for view in self.grid_views():
            view.show_last_year(shown)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_leave_report():
            event.ignore()
            return
        self._save_settings()
        event.accept()

    # -------------------------------------------------- drafts: autosave, files, backups

    def _commit_pending_edit(self) -> None:
        """A figure still in its cell editor, or a year still in the spin box, is saved too.

        Keyboard focus is never taken away: autosave runs 1.5 s after a change,
        often while the clerk is typing, and keys sent to a widget that lost
        focus are lost (seen in Xvfb: figures typed after a pause vanished).
        """
        focused = QApplication.focusWidget()
        for view in self.grid_views():
            view.commit_open_entry()
        if isinstance(focused, QAbstractSpinBox):
            focused.interpretText()

    def may_leave_report(self) -> bool:
        """Before closing or opening another report: saved, exported, or knowingly dropped."""
        if self.save_now() or self.document.undo_stack.isClean():
            return True
        answer = QMessageBox.question(
            self,
            "报告尚未保存",
            "报告的修改没有保存下来。是否先导出为草稿文件（例如存到U盘）？",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.export_draft()
        return answer == QMessageBox.StandardButton.Discard

    def save_now(self) -> bool:
        return self.session.save_now()

    def _on_saved(self, when: str) -> None:
        self.saved.setText(f"已保存 {when}")

    def _on_save_failed(self, message: str, first: bool) -> None:
        self.saved.setText("未保存")
        self._show_message(message)
        if first:
            QMessageBox.warning(
                self, "草稿没有保存", f"{message}\n\n可用“文件 → 导出草稿文件”另存一份。"
            )

    def switch_report(self) -> None:
        if self.store is None or not self.may_leave_report():
            return
        dialog = StartDialog(self.store, self, read_only=self.read_only, current=self.report_id)
        if dialog.exec() and dialog.chosen:
            self.open_report(dialog.chosen)
        else:
            # Last year's report may have been renamed, trashed or imported there.
            self.session.follow_previous()

    def open_report(self, report_id: str) -> None:
        self.session.open_report(report_id, self)

    def import_draft(self) -> None:
        if self.store is None or self.read_only:
            return
        path = ask_draft_to_import(self, self.settings)
        if path is None or not self.may_leave_report():
            return
        chosen = import_with_question(self.store, path, self)
        if chosen:
            self.open_report(chosen)

    def import_published(self) -> None:
        from gui.dialogs.import_report import import_published

        if self.store is None or self.read_only or not self.may_leave_report():
            return
        chosen = import_published(self.store, self)
        if chosen:
            self.open_report(chosen)

    def export_draft(self) -> bool:
        path = export_draft_file(self, self.document.report, self.settings)
        if path is not None:
            self._show_message(f"已导出草稿文件 {path}")
        return path is not None

    def restore_backup(self) -> None:
        if self.store is None or self.report_id is None or self.read_only:
            return
        if not self.may_leave_report():
            return
        dialog = BackupsDialog(self.store, self.report_id, self)
        if not (dialog.exec() and dialog.chosen):
            return
        try:
            report = self.store.restore_backup(self.report_id, dialog.chosen)
        except DraftStoreError as exc:
            QMessageBox.warning(self, "恢复失败", str(exc))
            return
        self.session.replace(report)
        self._show_message("已恢复所选历史版本（恢复前的版本也已保留在历史版本中）")

    def about(self) -> None:
        from models import APP_VERSION

        edition = get_edition(self.document.report.edition)
        QMessageBox.about(
            self, "关于", f"{APP_NAME}\n版本 {APP_VERSION}\n当前模板：{edition.title}"
        )
