"""Does this PySide6 drop references to True/None? (issue 10: the abort in long sessions)

Counts references lost per ``Signal.emit(True)``, per ``data()`` returning
None, per Python ``QUndoCommand.redo/undo``, and for an ordinary object.
Meaningful on CPython 3.11 and older only: from 3.12 on True and None are
immortal and their counts do not move.  On 3.11 with PySide6 6.12.0 this
script itself aborts with ``bool_dealloc`` within 2,000 emits.

    QT_QPA_PLATFORM=offscreen python tools/pyside_refcount_probe.py
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

N = 2000


class Emitter(QObject):
    flag = Signal(bool)
    thing = Signal(object)


class Returns(QAbstractTableModel):
    def __init__(self, value: object):
        super().__init__()
        self.value = value

    def rowCount(self, parent=QModelIndex()) -> int:  # type: ignore[no-untyped-def]  # noqa: B008
        return 5

    def columnCount(self, parent=QModelIndex()) -> int:  # type: ignore[no-untyped-def]  # noqa: B008
        return 5

    def data(self, index, role=0) -> object:  # type: ignore[no-untyped-def]
        return self.value


class Nothing(QUndoCommand):
    def redo(self) -> None:
        pass

    def undo(self) -> None:
        pass


def main() -> None:
    app = QApplication([])  # noqa: F841 (kept alive for the models)
    emitter = Emitter()
    emitter.flag.connect(lambda _v: None)
    emitter.thing.connect(lambda _v: None)

    before = sys.getrefcount(True)
    for _ in range(N):
        emitter.flag.emit(True)
    emit_lost = (before - sys.getrefcount(True)) / N

    blank = Returns(None)  # kept alive while its index is used
    index = blank.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(N):
        index.data(Qt.ItemDataRole.ToolTipRole)
    data_lost = (before - sys.getrefcount(None)) / N

    stack = QUndoStack()
    before = sys.getrefcount(None)
    for _ in range(N):
        stack.push(Nothing("x"))
    for _ in range(N):
        stack.undo()
    undo_lost = (before - sys.getrefcount(None)) / (2 * N)

    thing = object()
    before = sys.getrefcount(thing)
    for _ in range(N):
        emitter.thing.emit(thing)
    model = Returns(thing)
    index = model.index(0, 0)
    for _ in range(N):
        index.data(0)
    thing_change = sys.getrefcount(thing) - before - 1  # the model holds one

    print(
        f"PySide6 {PySide6.__version__} on {sys.version.split()[0]}: references lost "
        f"per emit(True) {emit_lost}, per data() -> None {data_lost}, "
        f"per undo/redo {undo_lost}; an ordinary object's count moved by {thing_change}"
    )


if __name__ == "__main__":
    main()
