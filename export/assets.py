"""Where the shipped files (fonts, icons, translations) are: from source or frozen.

PyInstaller unpacks bundled data under ``sys._MEIPASS``; from source they sit in
``assets/`` at the top of the tree.  Everything that needs a shipped file asks here.
"""

from __future__ import annotations

import sys
from pathlib import Path


def assets_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    base = Path(frozen) if frozen else Path(__file__).resolve().parent.parent
    return base / "assets"


def asset_path(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)
