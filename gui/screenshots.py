"""Save a PNG of every page of the window with seed 003 loaded (``make screenshots``).

python -m gui.screenshots OUT_DIR [DRAFT.json] [--screen WxH]

The window fills a laptop screen of that size (1400x900 by default); with
QT_SCALE_FACTOR set, the window is that screen's size in scaled pixels, as on
a laptop at 150 %.  表三 is also saved scrolled to its bottom-right corner, so
the frozen labels and headers can be seen beside the last values.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from gui.app import create_app
from gui.document import ReportDocument
from gui.main_window import PAGES, MainWindow
from gui.pages import TablePage
from models.store import load_draft

SEED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seed_003.json"


def main(argv: list[str]) -> int:
    screen = (1400, 900)
    if "--screen" in argv:
        at = argv.index("--screen")
        width, height = argv[at + 1].lower().split("x")
        screen = (int(width), int(height))
        argv = argv[:at] + argv[at + 2 :]
    out = Path(argv[1] if len(argv) > 1 else "screenshots")
    draft = Path(argv[2]) if len(argv) > 2 else SEED
    out.mkdir(parents=True, exist_ok=True)
    app = create_app(argv)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ReportDocument(load_draft(str(draft))), settings)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    window.resize(int(screen[0] / scale), int(screen[1] / scale) - 40)  # less a taskbar
    window.show()
    for row, (key, _label) in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        app.processEvents()
        path = out / f"{row}_{key}.png"
        window.grab().save(str(path))
        print(path)
        page = window.pages[key]
        if isinstance(page, TablePage) and page.view is not None:
            page.view.setFocus()
            last = page.view.navigator.last()
            if last is not None:
                page.view.setCurrentIndex(page.view.grid_model.index(*last))
            app.processEvents()
            path = out / f"{row}_{key}_end.png"
            window.grab().save(str(path))
            print(path)
    window.document.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
