"""The window's menus and the print buttons at the menu bar's right end.

Every command has its menu item (with its shortcut); the three most used also
have a button.  Spelled-out shortcuts where Qt's standard keys are unbound on
some platform (Ctrl+Q on Windows).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from gui.docx_export import export_word
from gui.html_export import export_page

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    stack = window.document.undo_stack
    file_menu = window.menuBar().addMenu("文件(&F)")
    # The print buttons sit at the right end of the menu bar, not on a
    # toolbar row of their own: on a laptop at 150 % the grid needs the height.
    # Parented and kept: PySide6's setCornerWidget does not take ownership.
    window.toolbar = toolbar = QToolBar("常用", window.menuBar())
    toolbar.setObjectName("toolbar")
    window.menuBar().setCornerWidget(toolbar, Qt.Corner.TopRightCorner)
    window.pdf.actions = [
        _action(
            window,
            file_menu,
            "打印预览(&V)…",
            QKeySequence("Ctrl+Shift+P"),
            lambda: window.pdf.make("preview"),
        ),
        _action(
            window,
            file_menu,
            "打印(&P)…",
            QKeySequence.StandardKey.Print,
            lambda: window.pdf.make("print"),
        ),
        _action(window, file_menu, "导出PDF(&E)…", QKeySequence("Ctrl+E"), window.pdf.export),
    ]
    for action, text in zip(window.pdf.actions, ("预览", "打印", "导出PDF"), strict=True):
        action.setIconText(text)
        toolbar.addAction(action)
    _action(window, file_menu, "导出Word(&W)…", None, lambda: export_word(window))
    # &T (HTML): &H is 恢复历史版本's.
    _action(window, file_menu, "导出网页(&T)…", None, lambda: export_page(window))
    file_menu.addSeparator()
    _action(window, file_menu, "报告列表(&L)…", QKeySequence.StandardKey.Open, window.switch_report)
    _action(window, file_menu, "立即保存(&S)", QKeySequence.StandardKey.Save, window.save_now)
    _action(window, file_menu, "恢复历史版本(&H)…", None, window.restore_backup)
    file_menu.addSeparator()
    _action(window, file_menu, "导入草稿文件(&I)…", None, window.import_draft)
    _action(window, file_menu, "导出草稿文件(&X)…", None, window.export_draft)
    _action(window, file_menu, "导入已发布的报告(&R)…", None, window.import_published)
    file_menu.addSeparator()
    # Spelled out: Windows (and Qt's offscreen platform) binds no key to
    # StandardKey.Quit, so Ctrl+Q would do nothing there.
    _action(window, file_menu, "退出(&X)", QKeySequence("Ctrl+Q"), window.close)
    edit = window.menuBar().addMenu("编辑(&E)")
    undo = stack.createUndoAction(window, "撤销")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(window, "重做")
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    edit.addAction(undo)
    edit.addAction(redo)
    view = window.menuBar().addMenu("视图(&V)")
    _action(
        window,
        view,
        "放大(&I)",
        [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")],
        lambda: window.step_zoom(1),
    )
    _action(window, view, "缩小(&O)", QKeySequence("Ctrl+-"), lambda: window.step_zoom(-1))
    _action(window, view, "原始大小(&R)", QKeySequence("Ctrl+0"), lambda: window.set_zoom(1.0))
    view.addSeparator()
    window.previous_action = _action(
        window, view, "显示上年数字(&L)", QKeySequence("Ctrl+L"), window.toggle_previous
    )
    window.previous_action.setCheckable(True)
    # The issues panel can be closed for room on a small screen and brought
    # back here (an action of our own: the dock's own is named by its
    # title, which carries the live counts).
    issues_toggle = _action(
        window,
        view,
        "校验结果面板(&J)",
        QKeySequence("Ctrl+J"),
        lambda shown: window.issues_dock.setVisible(shown),
    )
    issues_toggle.setCheckable(True)
    issues_toggle.setChecked(True)
    window.issues_dock.visibilityChanged.connect(
        lambda _v: issues_toggle.setChecked(not window.issues_dock.isHidden())
    )
    help_menu = window.menuBar().addMenu("帮助(&H)")
    _action(window, help_menu, "关于(&A)", None, window.about)


def _action(window, menu, text, shortcut, slot) -> QAction:  # type: ignore[no-untyped-def]
    action = QAction(text, window)
    if isinstance(shortcut, list):
        action.setShortcuts(shortcut)
    elif shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
