"""What happened when something went wrong: a log file, a dialog, and a word at the next start.

The windowed executable has no stderr, so an unexpected error's traceback
would be lost: it goes to ``error.log`` beside the drafts folder, fatal
interpreter errors too (faulthandler).  A marker file says the program is
running; found at the next start it means the last session did not end
normally, and the clerk is told which autosave the drafts were restored to.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import sys
import traceback
from pathlib import Path
from typing import IO

from PySide6.QtWidgets import QApplication, QMessageBox

LOG_NAME = "error.log"
MARKER_NAME = "running.marker"
_log: IO[str] | None = None


def log_path(data_folder: Path) -> Path:
    return data_folder / LOG_NAME


def install(data_folder: Path) -> None:
    """Send unexpected errors to the log file and a dialog; fatal ones to the log."""
    global _log
    try:
        data_folder.mkdir(parents=True, exist_ok=True)
        _log = log_path(data_folder).open("a", encoding="utf-8")
        faulthandler.enable(file=_log, all_threads=True)
    except OSError:
        _log = None  # a read-only folder: the dialog still tells the clerk
    sys.excepthook = _excepthook


def _excepthook(kind, value, tb) -> None:  # type: ignore[no-untyped-def]
    text = "".join(traceback.format_exception(kind, value, tb))
    if sys.stderr is not None:  # None in the windowed executable
        sys.stderr.write(text)
    where = ""
    if _log is not None:
        _log.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{text}\n")
        _log.flush()
        where = f"\n\n详细情况已记入 {_log.name}，可发给技术支持人员。"
    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            "程序出错",
            f"程序遇到意外错误：{value}\n\n已填写的内容仍在窗口中，请先另存为草稿文件，"
            f"再重新启动程序。{where}",
        )


def mark_running(data_folder: Path) -> bool:
    """Leave the marker; True if the last session left one too (it did not end normally)."""
    marker = data_folder / MARKER_NAME
    crashed = marker.exists()
    try:
        marker.write_text(dt.datetime.now().isoformat(timespec="seconds"), encoding="utf-8")
    except OSError:
        pass
    return crashed


def mark_stopped(data_folder: Path) -> None:
    (data_folder / MARKER_NAME).unlink(missing_ok=True)


def unclean_exit_notice(last_saved: dt.datetime | None) -> str:
    if last_saved is None:
        return "上次未正常退出。没有需要恢复的报告。"
    day = f"{last_saved.year}年{last_saved.month}月{last_saved.day}日"
    return (
        f"上次未正常退出，已恢复到 {last_saved:%H:%M:%S} 自动保存的内容（{day}）。"
        "此后的修改未能保存，请核对最后填写的几处。"
    )
