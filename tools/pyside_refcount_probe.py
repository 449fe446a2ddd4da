"""Count references to True/None lost per Signal.emit / data() returning None / QUndoCommand.redo."""
import sys
from PySide6.QtCore import QObject, Signal, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QUndoStack, QUndoCommand
import PySide6
app = QApplication([])
class O(QObject):
    s = Signal(bool)
o = O(); o.s.connect(lambda v: None)
N = 2000
t0 = sys.getrefcount(True)
for _ in range(N): o.s.emit(True)
t1 = sys.getrefcount(True)
class M(QAbstractTableModel):
    def rowCount(self, p=QModelIndex()): return 5
    def columnCount(self, p=QModelIndex()): return 5
    def data(self, i, r=0): return None
m = M()
idx = m.index(0, 0)
n0 = sys.getrefcount(None)
for _ in range(N): m.data(idx, 0); idx.data(Qt.ItemDataRole.ToolTipRole)
n1 = sys.getrefcount(None)
class C(QUndoCommand):
    def redo(self): pass
    def undo(self): pass
st = QUndoStack()
u0 = sys.getrefcount(None)
for _ in range(N): st.push(C("x"))
for _ in range(N): st.undo()
u1 = sys.getrefcount(None)
print(PySide6.__version__, sys.version.split()[0], "emit True lost/call", (t0 - t1) / N, "data None lost/call", (n0 - n1) / N, "undo None lost/op", (u0 - u1) / (2 * N))
class P(QObject):
    s = Signal(object)
p = P(); p.s.connect(lambda v: None)
x = object(); r0 = sys.getrefcount(x)
for _ in range(N): p.s.emit(x)
class M2(QAbstractTableModel):
    def rowCount(self, q=QModelIndex()): return 5
    def columnCount(self, q=QModelIndex()): return 5
    def data(self, i, r=0): return x
m2 = M2(); i2 = m2.index(0, 0)
for _ in range(N): i2.data(0)
print("object refs change", sys.getrefcount(x) - r0)
