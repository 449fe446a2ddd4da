"""What the main window remembers between sessions: its size, its docks, the zoom.

A mixin of ``MainWindow``.  A size saved at another display scale (100 % then
150 %) is not reused, and a restored window is fitted to the screen it is on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from gui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDockWidget, QMainWindow

    from gui.grid_view import ReportGridView
    from gui.issues_panel import IssuesPanel

    _Base = QMainWindow
else:
    _Base = object

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0)


class RememberedLayout(_Base):
    if TYPE_CHECKING:  # provided by MainWindow
        settings: QSettings
        zoom: float
        base_point_size: float
        issues: IssuesPanel
        issues_dock: QDockWidget

        def grid_views(self) -> list[ReportGridView]: ...
        def _show_message(self, text: str) -> None: ...

    def step_zoom(self, direction: int) -> None:
        nearest = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self.zoom))
        self.set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, nearest + direction))])

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        font = self.font()
        font.setPointSizeF(self.base_point_size * zoom)
        for part in (self.centralWidget(), self.issues):
            if part is not None:
                part.setFont(font)
        for view in self.grid_views():
            view.setFont(font)
            view.apply_widths()
        self.settings.setValue("zoom", zoom)
        self._show_message(f"显示比例 {round(zoom * 100)}%")

    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        # A size saved at another display scale (100 % then 150 %) is no guide.
        if str(self.settings.value("geometry_scale", "")) != str(self.devicePixelRatioF()):
            geometry = None
        if geometry is not None:
            self.restoreGeometry(geometry)
            fit_to_screen(self)  # saved on a larger screen, or before a scaling change
        else:
            fit_to_screen(self, 1280, 860)
        state = self.settings.value("window_state")
        if state is not None:
            self.restoreState(state)
        else:
            # A fifth of the window, at most about six issues: the grid needs the rest.
            height = max(90, min(170, self.height() // 5))
            self.resizeDocks([self.issues_dock], [height], Qt.Orientation.Vertical)
        if self.zoom != 1.0:
            self.set_zoom(self.zoom)

    def _save_settings(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("geometry_scale", str(self.devicePixelRatioF()))
        self.settings.setValue("window_state", self.saveState())
