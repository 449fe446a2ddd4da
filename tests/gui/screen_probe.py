"""Run in a child process (QT_SCALE_FACTOR is read once per process): the window at a
laptop's size, every fillable cell of every grid walked to with the keyboard.

python -m tests.gui.screen_probe WIDTHxHEIGHT  -> prints one JSON line of findings.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from gui.app import create_app
from gui.document import ReportDocument
from gui.main_window import MainWindow
from gui.pages import TablePage
from models.store import load_draft

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed_003.json"
TASKBAR = 40  # physical pixels a desktop's taskbar takes


def probe(screen: tuple[int, int]) -> dict[str, object]:
    app = create_app(sys.argv[:1])
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ReportDocument(load_draft(str(SEED))), settings)
    free = (int(screen[0] / scale), int((screen[1] - TASKBAR) / scale))
    window.resize(*free)
    window.show()
    app.processEvents()
    found: dict[str, object] = {
        "free": free,
        "window": (window.width(), window.height()),
        "minimum": (window.minimumSizeHint().width(), window.minimumSizeHint().height()),
        "unreachable": [],
        "data_rows_shown": {},
    }
    for key in ("t2", "t3", "t4"):
        window.show_page(key)
        page = window.pages[key]
        assert isinstance(page, TablePage) and page.view is not None
        view = page.view
        view.setFocus()
        app.processEvents()
        port = view.viewport().rect()
        panes = view.panes
        header = panes.frozen_height if panes is not None else 0
        rows = [
            r
            for r in view.navigator.rows
            if view.rowViewportPosition(r) >= header
            and view.rowViewportPosition(r) + view.rowHeight(r) <= port.height()
        ]
        found["data_rows_shown"][key] = len(rows)  # type: ignore[index]
        found.setdefault("sideways_scroll", {})[key] = view.horizontalScrollBar().maximum() > 0  # type: ignore[union-attr, index]
        found.setdefault("fillable", {})[key] = sum(map(len, view.navigator.rows.values()))  # type: ignore[union-attr, index]
        # Walk every fillable cell with Tab, as a clerk does: each must come into view
        # clear of the frozen labels and headers.
        first = view.navigator.first()
        assert first is not None
        view.setCurrentIndex(view.grid_model.index(*first))
        seen = set()
        for _ in range(500):
            index = view.currentIndex()
            pos = (index.row(), index.column())
            if pos in seen:
                break
            seen.add(pos)
            app.processEvents()
            rect = view.visualRect(index)
            left = panes.frozen_width if panes is not None else 0
            clear = (
                rect.left() >= left - 1
                and rect.top() >= header - 1
                and rect.right() <= port.right() + 1
                and rect.bottom() <= port.bottom() + 1
            )
            if not clear:
                found["unreachable"].append((key, pos))  # type: ignore[union-attr]
            event = QKeyEvent(
                QKeyEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier
            )
            QApplication.sendEvent(view, event)
        found.setdefault("cells_walked", {})[key] = len(seen)  # type: ignore[union-attr, index]
    window.document.undo_stack.setClean()
    window.close()
    return found


if __name__ == "__main__":
    width, height = sys.argv[1].lower().split("x")
    print(json.dumps(probe((int(width), int(height)))))
