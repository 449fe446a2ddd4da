"""The window's dialogs, one module a kind: start page and 新建, 历史版本, import."""

from __future__ import annotations

import datetime as dt


def saved_time(moment: dt.datetime) -> str:
    """When a report or a version of it was saved, as the lists show it."""
    return moment.strftime("%Y-%m-%d %H:%M:%S")
