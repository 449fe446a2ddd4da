"""What the drafts store raises, and the messages it shares with the window.

``str()`` of every ``DraftStoreError`` is a Chinese message for the clerk.
``CorruptFileError`` never leaves the store: it says why a file is damaged so
that the store can set the file aside and name it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.store.index import DraftInfo

# The default reason a store is opened read-only; the window compares against it.
ANOTHER_WINDOW = "另一个窗口正在使用这些报告"
SAVE_ELSEWHERE = "请用“导出草稿文件”把报告另存到其他位置（例如U盘），以免丢失修改。"


class DraftStoreError(Exception):
    """Something the store could not do; ``str()`` is a Chinese message for the clerk."""


class DraftExistsError(DraftStoreError):
    """The agency already has a report for that year; ``existing`` names it."""

    def __init__(self, message: str, existing: DraftInfo) -> None:
        super().__init__(message)
        self.existing = existing


class ReportLostError(DraftStoreError):
    """A report file is damaged or gone and no backup of it can be read."""


class CorruptFileError(ValueError):
    """A file that is not what it should be.

    ``str()`` says why, in Chinese, as the end of a sentence on “…的文件”
    (e.g. “是空的”), so that callers can name the file.
    """
