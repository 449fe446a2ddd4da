"""models/ and export/ must not import Qt: they run in the CLI and in tests without it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PURE = ("models", "export")


def test_no_qt_import_in_pure_packages() -> None:
    offenders = []
    for package in PURE:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                offenders += [
                    f"{path.relative_to(ROOT)}: {n}"
                    for n in names
                    if n.split(".")[0] in ("PySide6", "shiboken6", "gui")
                ]
    assert offenders == []


def test_importing_every_pure_module_loads_no_qt() -> None:
    # Every module, subpackages too (models/store/, models/importer/).
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for pkg in PURE
        for p in (ROOT / pkg).rglob("*.py")
        if p.stem != "__init__"
    ]
    assert "models.store.store" in modules
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print(sorted(m for m in sys.modules if m.startswith(('PySide6','shiboken6'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_command_line_loads_neither_qt_nor_the_window() -> None:
    code = (
        "import sys\nimport cli, main\n"
        "window = ('PySide6', 'shiboken6', 'gui')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in window))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"
