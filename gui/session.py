"""The clerk's working session: the drafts store (where it lives, its lock), the open
report, autosave, opening and saving, and last year's report for the cross-year checks.

The store's folder is the user's data folder (``QStandardPaths``), or a folder
named ``数据`` beside the executable (portable mode: program and drafts on one
USB stick).  A ``QLockFile`` keeps a second copy of the program from writing
the same store: that copy, or one whose folder cannot be written, opens
read-only and says why.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)
from shiboken6 import isValid

from gui.document import ReportDocument
from models.files import folder_write_problem
from models.report import Report
from models.store import (
    ANOTHER_WINDOW,
    DraftStore,
    DraftStoreError,
)

PORTABLE_FOLDER = "数据"
LOCK_FILE = "store.lock"


def documents_folder() -> str:
    """Where a file dialog opens when the clerk has not chosen a folder yet: 文档,
    or the home folder where there is none (a folder that does not exist would
    stand in the dialog's file name box as a word)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def store_folder() -> Path:
    """``数据`` beside the executable if it exists (portable), else the user's data folder."""
    beside = Path(sys.executable if getattr(sys, "frozen", False) else sys.argv[0]).resolve().parent
    if (beside / PORTABLE_FOLDER).is_dir():
        return beside / PORTABLE_FOLDER / "drafts"
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "drafts"


def lock_store(folder: Path) -> tuple[QLockFile | None, str]:
    """The store's lock; or None and why this copy may only read the folder:
    another copy of the program holds the lock, or the folder cannot be
    written (read-only, full disk), named with the folder's path."""
    problem = folder_write_problem(folder)
    if problem is None:
        lock = QLockFile(str(folder / LOCK_FILE))
        lock.setStaleLockTime(0)  # a crashed copy's lock is detected by its dead PID
        if lock.tryLock(200):
            return lock, ""
        lock.removeStaleLockFile()
        if lock.tryLock(200):
            return lock, ""
        if lock.error() == QLockFile.LockError.LockFailedError:
            return None, ANOTHER_WINDOW
        problem = folder_write_problem(folder) or "无法建立锁文件"
    return None, f"草稿文件夹“{folder}”无法写入（{problem}）"


def read_only_advice(reason: str) -> str:
    """What the clerk is told when the program opens read-only, and what to do."""
    if reason == ANOTHER_WINDOW:
        return (
            "另一个窗口正在编辑这些报告。本窗口以只读方式打开，不会保存任何修改；"
            "请回到已打开的窗口继续工作。"
        )
    return (
        f"{reason}。本窗口以只读方式打开，可以查看和打印，但不会保存任何修改。\n\n"
        "请释放磁盘空间，或取消该文件夹的只读属性（便携模式下请把程序和“数据”文件夹"
        "复制到可写的位置，如“文档”），然后重新打开程序。"
    )


def show_store_notices(store: DraftStore, parent: QWidget | None) -> None:
    """What the store repaired or set aside while reading: the clerk is told every time."""
    for notice in store.take_notices():
        QMessageBox.information(parent, "草稿已修复", notice)


def open_stored(store: DraftStore, report_id: str, parent: QWidget | None) -> Report | None:
    """A stored report, or None after telling the clerk why it cannot be opened."""
    try:
        report = store.open(report_id)
    except DraftStoreError as exc:
        report = None
        QMessageBox.warning(parent, "无法打开", str(exc))
    show_store_notices(store, parent)
    return report


AUTOSAVE_MS = 1500


class Session(QObject):
    """The open report and its store: autosave, save, open another, last year's report.

    The window shows what happens through the signals and asks the clerk
    whatever needs asking; ``before_save`` lets it hand over a figure still
    being typed.  Without a store (a draft file opened for a look, tests) the
    session only holds the document.
    """

    saved = Signal(str)  # the time of the save, HH:MM:SS
    saveFailed = Signal(str, bool)  # the message; True the first time it is seen
    reportReplaced = Signal()  # another report (or version) is now the open one

    def __init__(
        self,
        document: ReportDocument,
        store: DraftStore | None = None,
        report_id: str | None = None,
        read_only: bool = False,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.document = document
        self.store = store
        self.report_id = report_id
        self.read_only = read_only
        self.before_save: Callable[[], None] = lambda: None
        self._last_save_error = ""
        # Last year's report: the caller may pass it in the document; else found here.
        self._previous_id: str | None = None
        if store is not None:
            self._previous_id = store.last_years_report_id(document.report, report_id)
            if document.previous is None and self._previous_id is not None:
                document.previous = self._open_quietly(self._previous_id)
                document.recheck()
        # Autosave: at most this long after the last change, and on close.
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_now)
        document.undo_stack.indexChanged.connect(self._on_changed)
        document.fieldChanged.connect(self._on_field_changed)

    @property
    def writable(self) -> bool:
        return self.store is not None and not self.read_only

    def _on_changed(self, _index: int) -> None:
        stack = self.document.undo_stack
        # A QUndoStack being destroyed at exit clears itself and signals once more.
        if not isValid(stack) or not isValid(self.autosave):
            return
        if self.writable and not stack.isClean():
            self.autosave.start()

    def _on_field_changed(self, name: str) -> None:
        if name in ("agency", "year"):
            self.follow_previous()

    def follow_previous(self) -> None:
        """Last year's report follows agency and year (cross-year checks).

        Each agency keystroke only looks in the store's index; the report file
        is read when a different report becomes last year's.
        """
        if self.store is None:
            return
        found = self.store.last_years_report_id(self.document.report, self.report_id)
        if found == self._previous_id:
            return
        self._previous_id = found
        self.document.previous = self._open_quietly(found)
        self.document.previous_totals = {}
        self.document.recheck()

    def _open_quietly(self, report_id: str | None) -> Report | None:
        """Last year's report for the checks: None if unreadable; a repair from a
        backup is told at once, naming that report (not later, about another)."""
        if report_id is None or self.store is None:
            return None
        try:
            return self.store.open(report_id)
        except DraftStoreError:
            return None
        finally:
            parent = self.parent()
            show_store_notices(self.store, parent if isinstance(parent, QWidget) else None)

    def save_now(self) -> bool:
        """Save to the store; True when the report on disk is now what the window shows."""
        self.before_save()
        self.autosave.stop()
        if self.document.undo_stack.isClean():
            return True
        if self.store is None or self.report_id is None or self.read_only:
            return False
        try:
            self.store.save(self.report_id, self.document.report)
        except DraftStoreError as exc:
            # Said once per problem; the report stays in the window meanwhile.
            first = str(exc) != self._last_save_error
            self._last_save_error = str(exc)
            self.saveFailed.emit(str(exc), first)
            return False
        self._last_save_error = ""
        self.document.undo_stack.setClean()
        self.saved.emit(f"{dt.datetime.now():%H:%M:%S}")
        return True

    def open_report(self, report_id: str, parent: QWidget | None) -> bool:
        """Make a stored report the open one (notices and refusals shown over ``parent``)."""
        assert self.store is not None
        report = open_stored(self.store, report_id, parent)
        if report is None:
            return False
        self.report_id = report_id
        self._previous_id = self.store.last_years_report_id(report, report_id)
        self.document.previous = self._open_quietly(self._previous_id)
        self.replace(report)
        return True

    def replace(self, report: Report) -> None:
        """Show another report (or an earlier version): a fresh undo history, saved state."""
        self.document.undo_stack.clear()
        self.document.apply_report(report)
        self.document.fieldChanged.emit("")
        self.document.undo_stack.setClean()
        # An earlier version may name another agency or year: last year's
        # report follows (a no-op when it is the same one).
        self.follow_previous()
        self.reportReplaced.emit()
