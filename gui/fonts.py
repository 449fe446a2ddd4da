"""Register the bundled Chinese font so the window reads well on machines that have none."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from export.assets import asset_path

UI_FONT_FILES = ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")
# Preferred faces, first found wins: the systems' own, then the bundled one.
UI_FAMILIES = (
    "Microsoft YaHei",
    "Noto Sans SC",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "SimHei",
)


def install_ui_font(app: QApplication) -> str | None:
    """Load the bundled faces and make a Chinese family the application's font."""
    for name in UI_FONT_FILES:
        path = asset_path("fonts", name)
        if path.exists():
            QFontDatabase.addApplicationFont(str(path))
    available = set(QFontDatabase.families())
    family = next((f for f in UI_FAMILIES if f in available), None)
    if family is not None:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.5))
        app.setFont(font)
    return family
