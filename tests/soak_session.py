"""A clerk's long session in the real window, run as its own process (see test_soak.py).

Opens the program's main window on a report in a real drafts store, then sends
real key events to whatever has focus: thousands of cell entries typed with
Tab/Enter across 表二/表三/表四, undo/redo pairs with Ctrl+Z/Ctrl+Y, keystrokes in
a narrative, page switches and repaints; quits with Ctrl+Q.  Prints what the
report must now hold as one JSON line; the parent compares it with the store.

An interpreter abort (PySide6 on CPython 3.11 drops references to True/None)
kills this process, not pytest: the parent sees the signal in the exit code.

    python tests/soak_session.py STORE_FOLDER EDITS UNDO_PAIRS TEXT_KEYS
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.app import create_app
from gui.document import ReportDocument
from gui.main_window import MainWindow
from gui.pages import NarrativePage, TablePage
from models.store import DraftStore

CTRL = Qt.KeyboardModifier.ControlModifier


def key(k: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    if target is None:
        raise SystemExit("no widget has keyboard focus")
    QTest.keyClick(target, k, modifiers)


def type_digits(text: str) -> None:
    for ch in text:
        key(Qt.Key(ord(ch)))


def main() -> int:
    folder, edits, undo_pairs, text_keys = (
        Path(sys.argv[1]),
        int(sys.argv[2]),
        int(sys.argv[3]),
        int(sys.argv[4]),
    )
    app = create_app(sys.argv[:1])
    store = DraftStore(folder)
    report_id = store.create("某某区公安分局", 2025)
    settings = QSettings(str(folder.parent / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ReportDocument(store.open(report_id)), settings, store, report_id)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    rng = random.Random(20250110)
    expected: dict[str, int] = {}
    result: dict[str, object] = {}

    def scenario() -> None:
        if not QTest.qWaitForWindowActive(window):
            raise SystemExit("the window never became active")
        done = 0
        tables = ["t3", "t4", "t2"]
        while done < edits:
            table = tables[(done // 400) % len(tables)]
            window.show_page(table)
            page = window.pages[table]
            assert isinstance(page, TablePage) and page.view is not None
            view = page.view
            view.setFocus()
            key(Qt.Key.Key_Home, CTRL)
            for _ in range(400):
                if done >= edits:
                    break
                cell = view.grid_model.cell_at(view.currentIndex())
                assert cell is not None and cell.ref is not None, "cursor left the fillable cells"
                value = rng.randrange(0, 1000)
                type_digits(str(value))
                before = view.currentIndex()
                key(Qt.Key.Key_Tab if rng.random() < 0.8 else Qt.Key.Key_Return)
                expected[str(cell.ref)] = value
                done += 1
                if view.currentIndex() == before:  # the end of the table
                    key(Qt.Key.Key_Home, CTRL)
                if done % 100 == 0:
                    window.repaint()  # a full repaint, as when the window is uncovered
                    app.processEvents()
        # Undo/redo pairs leave the report as it was.
        for _ in range(undo_pairs):
            key(Qt.Key.Key_Z, CTRL)
            key(Qt.Key.Key_Y, CTRL)
        window.show_page("overview")
        page = window.pages["overview"]
        assert isinstance(page, NarrativePage)
        page.editor.setFocus()
        letters = "abcdefghij"
        typed = "".join(rng.choice(letters) for _ in range(text_keys))
        for ch in typed:
            key(Qt.Key(ord(ch.upper())))
            app.processEvents()
        result["overview"] = typed
        result["cells"] = expected
        for name in ("meta", "t2", "t3", "t4", "problems", "other", "compare"):
            window.show_page(name)
            window.repaint()
        key(Qt.Key.Key_Q, CTRL)
        if window.isVisible():
            raise SystemExit("Ctrl+Q did not close the window")

    def run() -> None:
        # An exception in a slot would only be printed and leave the loop running.
        try:
            scenario()
        except BaseException as exc:
            print(f"soak session failed: {exc!r}", file=sys.stderr, flush=True)
            import traceback

            traceback.print_exc()
            app.exit(3)

    QTimer.singleShot(0, run)
    code = app.exec()
    print(json.dumps({"report_id": report_id, **result}, ensure_ascii=False), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
