"""The built executable: its size, cold start to window shown, and peak memory.

Start-up is compared with a bare PySide6 one-file "hello window" that this
bench builds with the same PyInstaller exclusions as ``build.spec``, timed the
same way (spawn → window shown → quit), median of RUNS runs each.  Peak memory
is the maximum resident set of the executable's processes while ``--selftest``
opens a seed report in the window and makes its PDF.  Needs ``make exe`` first.
"""

from __future__ import annotations

import ast
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
HELLO = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def _excludes() -> list[str]:
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "EXCLUDES":
            return list(ast.literal_eval(node.value))
    raise SystemExit("build.spec has no EXCLUDES list")


def build_hello(folder: Path) -> Path:
    script = folder / "hello.py"
    script.write_text(HELLO, encoding="utf-8")
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    build_venv = ROOT / ".venv-build" / "bin" / "pyinstaller"
    command = [
        str(build_venv if build_venv.exists() else pyinstaller),
        "--onefile",
        "--windowed",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(folder / "dist"),
        "--workpath",
        str(folder / "build"),
        "--specpath",
        str(folder),
    ]
    for name in _excludes():
        command += ["--exclude-module", name]
    subprocess.run([*command, str(script)], check=True, capture_output=True)
    return folder / "dist" / "hello"


def _timed_run(command: list[str]) -> tuple[float, int]:
    """Wall time of one run and its peak resident memory (KB), bootloader's child included."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{command[0]} exited with status {status}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    built = sorted((ROOT / "dist").glob("gov-info-report-*"))
    if not built:
        print("exe bench: no dist/gov-info-report-* (run `make exe` first)")
        return
    exe = built[-1]
    with tempfile.TemporaryDirectory() as tmp:
        hello = build_hello(Path(tmp))
        ours = [_timed_run([str(exe), "--startup-probe"])[0] for _ in range(RUNS)]
        bare = [_timed_run([str(hello)])[0] for _ in range(RUNS)]
        hello_size = hello.stat().st_size
    _t, peak = _timed_run(
        [str(exe), "--selftest", str(ROOT / "tests" / "fixtures" / "seed_003.json")]
    )
    ours_ms, bare_ms = statistics.median(ours) * 1000, statistics.median(bare) * 1000
    print(f"exe bench ({exe.name}), median of {RUNS} cold starts to window shown")
    size, hello_mb = exe.stat().st_size / 1e6, hello_size / 1e6
    print(f"size: {size:.1f} MB (bare PySide6 hello window: {hello_mb:.1f} MB)")
    ratio = ours_ms / bare_ms
    print(f"start-up: {ours_ms:.0f} ms vs bare hello window {bare_ms:.0f} ms, ratio {ratio:.2f}")
    print(f"peak memory with seed 003 open and its PDF made: {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
