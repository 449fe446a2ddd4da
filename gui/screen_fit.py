"""Windows never open larger than the screen they are on (laptops have 768 px or less).

A window that asks for more than the screen has its status bar, where refusal
messages appear, off the bottom (seen in Xvfb at 1366x768 and at 150 %).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

# Room for the title bar and borders the window manager adds around a window.
FRAME_ALLOWANCE = 40


def fit_to_screen(window: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Resize to the wanted size (or the current one), shrunk to the available screen."""
    screen = window.screen() or QApplication.primaryScreen()
    wanted_w = width if width is not None else window.width()
    wanted_h = height if height is not None else window.height()
    if screen is None:
        window.resize(wanted_w, wanted_h)
        return
    free = screen.availableGeometry()
    window.resize(min(wanted_w, free.width()), min(wanted_h, free.height() - FRAME_ALLOWANCE))
    # A restored position may lie partly off this screen: bring the window back on.
    frame = window.frameGeometry()
    if not free.contains(frame):
        x = max(free.left(), min(frame.left(), free.right() - frame.width()))
        y = max(free.top(), min(frame.top(), free.bottom() - frame.height()))
        window.move(x, y)
