"""Save a PNG of every page of the window with seed 003 loaded (``make screenshots``).

python -m gui.screenshots OUT_DIR [DRAFT.json]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from gui.app import create_app
from gui.document import ReportDocument
from gui.main_window import PAGES, MainWindow
from models.commands import load_draft

SEED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seed_003.json"


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "screenshots")
    draft = Path(argv[2]) if len(argv) > 2 else SEED
    out.mkdir(parents=True, exist_ok=True)
    app = create_app(argv)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ReportDocument(load_draft(str(draft))), settings)
    window.resize(1400, 900)
    window.show()
    for row, (key, _label) in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        app.processEvents()
        path = out / f"{row}_{key}.png"
        window.grab().save(str(path))
        print(path)
    window.document.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
