"""年度对比: the main figures year over year, as bars, one look instead of reading.

The years come from the agency's reports in the store (and the one open, as it
is being typed); the figures from ``models.year_to_year.main_figures``.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.document import ReportDocument
from gui.session import Session
from models.report import Report
from models.store import DraftStoreError
from models.year_to_year import MAIN_FIGURES, main_figures

MAX_YEARS = 6
BAR_COLOURS = ("#9fb7d9", "#6f93c6", "#3f6fb0", "#24508f", "#173a6c", "#0c274d")


class YearChart(QWidget):
    """Grouped bars: one group per figure, one bar per year, value above each bar."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.series: list[tuple[int, dict[str, int]]] = []
        self.setMinimumHeight(320)

    def set_series(self, series: list[tuple[int, dict[str, int]]]) -> None:
        self.series = series[-MAX_YEARS:]
        self.update()

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self.series:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "没有可比较的年度数据")
            return
        metrics = painter.fontMetrics()
        line = metrics.height()
        left, top, right, bottom = 20, line * 2.5, self.width() - 20, self.height() - line * 2.5
        labels = [label for label, _refs in MAIN_FIGURES]
        peak = max([1] + [values[label] for _year, values in self.series for label in labels])
        group = (right - left) / len(labels)
        bar = min(48.0, group * 0.8 / len(self.series))
        painter.setPen(QPen(QColor("#444")))
        painter.drawLine(int(left), int(bottom), int(right), int(bottom))
        for g, label in enumerate(labels):
            x0 = left + g * group + (group - bar * len(self.series)) / 2
            for i, (_year, values) in enumerate(self.series):
                value = values[label]
                height = (bottom - top) * value / peak
                rect = QRectF(x0 + i * bar + 2, bottom - height, bar - 4, height)
                painter.fillRect(rect, QColor(BAR_COLOURS[i % len(BAR_COLOURS)]))
                painter.drawText(
                    QRectF(rect.x() - 10, rect.y() - line * 1.2, rect.width() + 20, line),
                    Qt.AlignmentFlag.AlignCenter,
                    str(value),
                )
            painter.drawText(
                QRectF(left + g * group, bottom + 4, group, line * 1.2),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
        # Legend: the years, in the bars' colours.
        x = float(left)
        for i, (year, _values) in enumerate(self.series):
            painter.fillRect(
                QRectF(x, line * 0.5, line, line), QColor(BAR_COLOURS[i % len(BAR_COLOURS)])
            )
            text = f"{year}年"
            painter.drawText(
                QRectF(x + line * 1.3, line * 0.4, 80, line * 1.2), Qt.AlignmentFlag.AlignLeft, text
            )
            x += line * 1.6 + metrics.horizontalAdvance(text) + 16


class ComparisonPage(QWidget):
    """The chart, kept current as the clerk types."""

    def __init__(self, document: ReportDocument, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.session = session
        layout = QVBoxLayout(self)
        title = QLabel("年度对比：新收申请、办理结果、行政复议、行政诉讼")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        layout.addWidget(title)
        self.chart = YearChart()
        layout.addWidget(self.chart, 1)
        self.hint = QLabel("历年数据取自本机保存的同一机关的报告；本年度数据随填写即时更新。")
        self.hint.setStyleSheet("color: #5a5f66;")
        layout.addWidget(self.hint)
        document.checked.connect(self.refresh)
        self.refresh()

    def history(self) -> list[Report]:
        """The agency's other reports in the store, older years only."""
        report = self.document.report
        store = self.session.store
        if store is None:
            return [self.document.previous] if self.document.previous else []
        found = []
        # Its own stored copy, under a year since edited, is not an earlier year.
        for info in store.earlier_reports(report.agency, report.year, self.session.report_id):
            try:
                found.append(store.open(info.id))
            except DraftStoreError:
                continue
        return found

    def refresh(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        reports = [*sorted(self.history(), key=lambda r: r.year), self.document.report]
        self.chart.set_series([(r.year, main_figures(r)) for r in reports])

    def showEvent(self, event: object) -> None:
        # The store is read only when the page is looked at, not on every keystroke.
        if getattr(self, "_stale", True):
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]
