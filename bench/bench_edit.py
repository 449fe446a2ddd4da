"""How long one typed figure takes, from the keys to the repainted window.

The real main window (offscreen) on seed 003, 表三 shown: each edit types a
figure and Tab into the grid as key events, then lets Qt run every event it
posted, the repaint included.  Checking, totals, the issues panel, the title
and the cells whose look changed all happen inside the timed span.  The goal
is ≤ 3 ms median (issue 10: a full refresh of all three grids took 8.3 ms).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from gui.app import create_app
from gui.document import ReportDocument
from gui.main_window import MainWindow
from models.store import load_draft

SEED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seed_003.json"
EDITS = 1000
GOAL_MS = 3.0


def _key(view, key: int, text: str = "") -> None:  # type: ignore[no-untyped-def]
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        target = QApplication.focusWidget() or view
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def main() -> None:
    app = create_app([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ReportDocument(load_draft(str(SEED))), settings)
    window.resize(1366, 728)
    window.show()
    window.show_page("t3")
    view = window.pages["t3"].view  # type: ignore[attr-defined]
    view.setFocus()
    app.processEvents()
    wall, cpu = [], []
    for n in range(EDITS):
        digit = str(n % 7 + 1)
        start, start_cpu = time.perf_counter(), time.thread_time()
        _key(view, Qt.Key.Key_0 + int(digit), digit)
        _key(view, Qt.Key.Key_Tab)
        app.processEvents()  # the posted repaint and signals run here
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
    window.document.undo_stack.setClean()
    window.close()
    print(f"edit + repaint, {EDITS} figures typed into 表三 (seed 003), real window offscreen:")
    for name, times in (("wall clock", wall), ("CPU (this thread)", cpu)):
        times.sort()
        median = statistics.median(times)
        p99 = times[int(len(times) * 0.99) - 1]
        verdict = "ok" if median <= GOAL_MS else "OVER GOAL"
        print(
            f"  {name:18} median {median:.2f} ms (goal ≤ {GOAL_MS} ms: {verdict}), "
            f"p99 {p99:.2f} ms, min {times[0]:.2f} ms, max {times[-1]:.2f} ms"
        )


if __name__ == "__main__":
    main()
