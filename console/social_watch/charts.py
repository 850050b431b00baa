"""Per rule, a pyqtgraph chart of posts per minute: the last hour (bars) or the last 24 hours (a line).

Minutes for which a spike alert was raised are drawn in red, with a "▲" on the rule's name: not by colour
alone.
"""

from __future__ import annotations

from datetime import datetime

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.i18n import tr
from console.social_watch.logic.watch import minute_of
from console.social_watch.watch_model import SocialWatchModel

RANGES = {"1h": 60, "24h": 24 * 60}
BAR, SPIKE, LINE = "#4fa3f7", "#ff5252", "#4fa3f7"
CHART_HEIGHT = 46
COLUMNS = 2  # small multiples: two rules side by side


class RuleChart(QWidget):
    """One rule's name and counts, and its chart."""

    def __init__(self, rule_id: str) -> None:
        super().__init__()
        self.rule_id = rule_id
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setMinimumWidth(10)  # long rule names are cut, not the chart widened
        self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        palette = self.palette()
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        self.plot.setFixedHeight(CHART_HEIGHT)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        small = QFont()
        small.setPointSizeF(7.5)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setStyle(tickFont=small, tickLength=-4)
            axis.setTextPen(pg.mkPen(palette.color(QPalette.ColorRole.Text)))
            axis.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Mid)))
        self.plot.getAxis("left").setWidth(28)
        self.bars = pg.BarGraphItem(x=[], height=[], width=50, brush=BAR, pen=None)
        self.spikes = pg.BarGraphItem(x=[], height=[], width=50, brush=SPIKE, pen=None)
        self.line = pg.PlotDataItem(pen=pg.mkPen(LINE, width=1), fillLevel=0, brush=QColor(79, 163, 247, 70))
        self.marks = pg.ScatterPlotItem(symbol="t1", size=9, brush=SPIKE, pen=None)
        for item in (self.bars, self.spikes, self.line, self.marks):
            self.plot.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        self.setToolTip("")
        layout.addWidget(self.plot)

    def show_counts(
        self, name: str, counts: list[int], last_minute: int, spike_minutes: list[int], hourly: bool, error: str | None
    ) -> None:
        first = last_minute - len(counts) + 1
        xs = [(first + i) * 60 + 30 for i in range(len(counts))]
        spikes = {m for m in spike_minutes if first <= m <= last_minute}
        last_hour = sum(counts[-60:])
        marker = tr("▲ SPIKE ") if any(m >= last_minute - 15 for m in spikes) else ""
        self.title.setText(
            tr(
                "{marker}{name}: {last_hour}/h, {counts} now",
                marker=marker,
                name=name,
                last_hour=last_hour,
                counts=counts[-1],
            )
            if error is None
            else tr("{name} — not applied: {error}", name=name, error=error)
        )
        self.title.setStyleSheet(
            "color: #ff8a80; font-weight: bold; font-size: 11px;" if marker or error else "font-size: 11px;"
        )
        normal = [(x, c) for x, c, m in zip(xs, counts, range(first, last_minute + 1), strict=True) if m not in spikes]
        spiked = [(x, counts[m - first]) for x, m in zip(xs, range(first, last_minute + 1), strict=True) if m in spikes]
        if hourly:
            self.line.setData([], [])
            self.marks.setData([], [])
            self.bars.setOpts(x=[x for x, _ in normal], height=[c for _, c in normal], width=50)
            self.spikes.setOpts(x=[x for x, _ in spiked], height=[c for _, c in spiked], width=50)
        else:
            self.bars.setOpts(x=[], height=[])
            self.spikes.setOpts(x=[], height=[])
            self.line.setData(xs, counts)
            self.marks.setData([x for x, _ in spiked], [c + 0.5 for _, c in spiked])
        self.plot.setXRange(first * 60, (last_minute + 1) * 60, padding=0)
        top = max(5, max(counts, default=0))
        self.plot.setYRange(0, top * 1.15, padding=0)
        self.plot.getAxis("left").setTicks([[(0, "0"), (top, str(top))]])  # two labels fit a small chart


class RuleCharts(QWidget):
    """The charts of every rule, with a choice of range."""

    def __init__(self, model: SocialWatchModel) -> None:
        super().__init__()
        self._model = model
        self.charts: dict[str, RuleChart] = {}
        self.range = "1h"
        choose = QHBoxLayout()
        choose.addWidget(QLabel(tr("Posts per minute:")))
        self._group = QButtonGroup(self)
        self.range_buttons: dict[str, QPushButton] = {}
        for key, label in (("1h", tr("Last hour")), ("24h", tr("Last 24 h"))):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setStyleSheet("QPushButton:checked { background: #1565c0; color: white; }")
            button.setChecked(key == self.range)
            button.clicked.connect(lambda _=False, k=key: self.set_range(k))
            self._group.addButton(button)
            choose.addWidget(button)
            self.range_buttons[key] = button
        choose.addStretch(1)
        self._rows = QGridLayout()
        self._rows.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(choose)
        layout.addLayout(self._rows)
        model.rules_changed.connect(self.refresh)
        model.posts_changed.connect(self.refresh)
        model.spike_detected.connect(lambda _alert: self.refresh())
        self._clock = QTimer(self)
        self._clock.timeout.connect(self.refresh)
        self._clock.start(30_000)
        self.refresh()

    def set_range(self, key: str) -> None:
        self.range = key
        self.range_buttons[key].setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        watch = self._model.watch
        wanted = sorted(watch.names, key=lambda r: watch.names[r].casefold())
        for rule_id in [r for r in self.charts if r not in wanted]:
            self.charts.pop(rule_id).deleteLater()
        now: datetime = self._model.now()
        last = minute_of(now)
        for position, rule_id in enumerate(wanted):
            chart = self.charts.get(rule_id)
            if chart is None:
                chart = self.charts[rule_id] = RuleChart(rule_id)
            self._rows.addWidget(chart, position // COLUMNS, position % COLUMNS)
            chart.show_counts(
                watch.names[rule_id],
                watch.per_minute(rule_id, now, RANGES[self.range]),
                last,
                watch.spike_minutes.get(rule_id, []),
                self.range == "1h",
                watch.errors.get(rule_id),
            )
