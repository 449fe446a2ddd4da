"""Start the Qt application: Chinese translations and font, the error hook, the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from export.assets import asset_path
from gui import crash_log
from gui.dialogs.start import StartDialog, import_with_question
from gui.document import ReportDocument
from gui.fonts import install_ui_font
from gui.main_window import MainWindow
from gui.session import (
    lock_store,
    open_stored,
    read_only_advice,
    show_store_notices,
    store_folder,
)
from models import APP_NAME
from models.store import DraftStore, DraftStoreError

ORGANIZATION = "GovInfoReport"


def install_translations(app: QApplication) -> None:
    """Qt's own dialogs and buttons in Chinese (确定/取消, the file dialog …)."""
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(locale)
    # Our own qtbase file first (the wheel lacks it), then Qt's folder.
    folders = (
        str(asset_path("translations")),
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    )
    # Qt searches the translator installed last first: our supplement (the
    # strings the 6.4 qtbase file lacks, e.g. the file dialog's "&Look in:")
    # is installed after the others so it wins.
    for name in ("qtbase", "qt", "supplement"):
        for folder in folders:
            translator = QTranslator(app)
            if translator.load(locale, name, "_", folder):
                app.installTranslator(translator)
                break


def create_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    install_translations(app)
    install_ui_font(app)
    app.setWindowIcon(QIcon(str(asset_path("icon.png"))))
    return app


def run_gui(argv: list[str]) -> int:
    app = create_app(argv)
    folder = store_folder()
    crash_log.install(folder.parent)
    lock, reason = lock_store(folder)
    read_only = lock is None
    try:
        # Without the lock another copy writes here, or nothing can be written:
        # this one only reads.
        store = DraftStore(folder, read_only=read_only, read_only_reason=reason)
    except (OSError, DraftStoreError) as exc:
        QMessageBox.critical(None, "无法使用草稿文件夹", f"草稿文件夹“{folder}”无法使用：{exc}")
        return 1
    drafts = [a for a in argv[1:] if a.lower().endswith(".json")]
    if read_only:
        advice = read_only_advice(reason)
        if drafts:  # opened with a draft file: say why it was not taken in
            advice += f"\n\n因此没有导入草稿文件“{drafts[0]}”。"
        QMessageBox.information(None, "只读方式打开", advice)
    if not read_only and crash_log.mark_running(folder.parent):
        saved = [info.saved_at for info in store.list_reports()]
        QMessageBox.information(
            None, "上次未正常退出", crash_log.unclean_exit_notice(max(saved, default=None))
        )
    show_store_notices(store, None)
    report_id = None
    if drafts and not read_only:
        report_id = import_with_question(store, Path(drafts[0]), None)
    report = None
    while report is None:
        if report_id is None:
            start = StartDialog(store, read_only=read_only)
            if not start.exec() or not start.chosen:
                if lock is not None:
                    crash_log.mark_stopped(folder.parent)
                return 0
            report_id = start.chosen
        # A report that cannot be opened (damaged, no backup) is named, then
        # the report list again; one recovered from a backup says so.
        report = open_stored(store, report_id, None)
        if report is None:
            report_id = None
    # Last year's report is read before the document is built: one check, not two.
    document = ReportDocument(report, store.last_years_report(report, report_id))
    window = MainWindow(document, QSettings(), store, report_id, read_only)
    window.show()
    code = app.exec()
    if lock is not None:
        crash_log.mark_stopped(folder.parent)
        lock.unlock()
    return code
