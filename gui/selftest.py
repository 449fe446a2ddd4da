"""``--selftest``: prove an installation works: window, fonts, a draft, a PDF, quit.

Run by the smoke test of the built executable (offscreen); prints one line per
step and exits 0 only when every step worked.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QFontDatabase

from models.report import Report, new_report


def run_selftest(draft: str | None) -> int:
    from gui.app import create_app
    from gui.document import ReportDocument
    from gui.main_window import MainWindow
    from models.report import DocumentError
    from models.store import load_draft

    try:
        report: Report = load_draft(draft) if draft else new_report("自检", 2021)
    except DocumentError as exc:
        print(f"自检失败：{exc}", file=sys.stderr)
        return 2
    app = create_app(sys.argv[:1])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "selftest.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ReportDocument(report), settings)
    window.show()
    outcome: dict[str, object] = {}

    def step() -> None:
        try:
            from export.pdf import render_pdf

            outcome["font"] = "Noto Sans SC" in QFontDatabase.families()
            outcome["chinese"] = QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
            outcome["issues"] = len(window.document.issues)
            data, result = render_pdf(window.document.report)
            outcome["pages"] = result.pages if data.startswith(b"%PDF") else 0
        except Exception as exc:
            outcome["error"] = f"{type(exc).__name__}: {exc}"
        finally:
            window.close()
            app.quit()

    QTimer.singleShot(200, step)
    app.exec()
    print(f"窗口：已打开并关闭；报告：{report.title}")
    print(
        f"界面字体：{'已载入' if outcome.get('font') else '缺失'}；校验：{outcome.get('issues')} 条"
    )
    print(f"Qt 界面语言：{'中文' if outcome.get('chinese') else '未载入中文翻译'}")
    print(f"PDF：{outcome.get('pages')} 页")
    if "error" in outcome:
        print(f"出错：{outcome['error']}")
    ok = all(outcome.get(key) for key in ("font", "chinese", "pages"))
    print("自检通过" if ok else "自检失败")
    return 0 if ok else 1


def run_startup_probe() -> int:
    """Open the main window on an empty report and quit as soon as it is shown."""
    from gui.app import create_app
    from gui.document import ReportDocument
    from gui.main_window import MainWindow

    app = create_app(sys.argv[:1])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "probe.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ReportDocument(new_report("", 2025)), settings)
    window.show()
    QTimer.singleShot(0, app.quit)
    return app.exec()
