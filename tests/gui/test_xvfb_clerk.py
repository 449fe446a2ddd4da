"""The program in a real X server, typed into with xdotool as a clerk types.

Starts Xvfb, runs ``main.py DRAFT.json`` as its own process (real xcb
platform, real window, real drafts folder under XDG_DATA_HOME), then sends
keys through the X server: Down to 表三 in the section list, Tab into the
grid, two rows of figures with Tab and Enter, with a pause longer than the
autosave delay in the middle of a row (keys typed after an autosave were once
lost), a screenshot, and Ctrl+Q.  The drafts store must then hold every figure.

Set CLERK_SHOTS=DIR to keep the screenshot (``make clerk-walk`` does).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.editions import CellRef
from models.store import DraftStore

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool", "import")


def _require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    # Not a skip: `make test` installs them (Debian xvfb, xdotool, imagemagick).
    assert not missing, f"missing {missing}: run `make system-deps`"


@pytest.fixture
def display() -> Iterator[str]:
    _require_tools()
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def _xdo(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=30, check=True
    )
    return done.stdout.strip()


def _type_row(env: dict[str, str], values: list[str], pause_after: int | None = None) -> None:
    for i, value in enumerate(values):
        _xdo(env, "type", "--delay", "40", value)
        _xdo(env, "key", "Tab")
        if i == pause_after:
            time.sleep(2.5)  # longer than the 1.5 s autosave delay


def test_clerk_types_table_three_in_a_real_x_server(display: str, tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "QT_SCALE_FACTOR", "WAYLAND_DISPLAY")
    }
    env.update(
        DISPLAY=display,
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    draft = tmp_path / "草稿.json"
    subprocess.run(
        [sys.executable, "main.py", "new", "--agency", "某某区公安分局", "--year", "2025",
         "-o", str(draft)],
        cwd=ROOT, env=env, check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    program = subprocess.Popen(
        [sys.executable, "main.py", str(draft)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        window = _xdo(env, "search", "--sync", "--onlyvisible", "--name", "某某区公安分局")
        window = window.splitlines()[0]
        _xdo(env, "windowsize", "--sync", window, "1366", "728")
        _xdo(env, "windowfocus", "--sync", window)
        time.sleep(0.5)
        # The section list has focus: down to 表三, Tab into its grid.
        _xdo(env, "key", "Down", "Down", "Down", "Tab")
        _type_row(env, ["5", "1", "0", "0", "2", "1"], pause_after=1)
        _xdo(env, "key", "Return")  # after a wrapped row: stays at the row start
        _type_row(env, ["3", "0", "0", "1", "0", "0"])
        _xdo(env, "type", "--delay", "40", "4")
        _xdo(env, "key", "Return")
        time.sleep(0.5)
        shot = tmp_path / "表三.png"
        subprocess.run(
            ["import", "-display", display, "-window", "root", str(shot)],
            env=env, check=True, timeout=30,
        )  # fmt: skip
        assert shot.stat().st_size > 20_000  # a drawn window, not a black screen
        if shots := os.environ.get("CLERK_SHOTS"):
            Path(shots).mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, Path(shots) / shot.name)
        _xdo(env, "key", "ctrl+q")
        _out, err = program.communicate(timeout=30)
    finally:
        if program.poll() is None:
            program.kill()
            program.communicate()
    assert program.returncode == 0, err[-2000:]
    (folder,) = (tmp_path / "data").rglob("drafts")
    store = DraftStore(folder)
    (info,) = store.list_reports()
    report = store.open(info.id)
    columns = ("natural", "commercial", "research", "nonprofit", "legal", "other")
    assert [report.get(CellRef("t3", "new", c)) for c in columns] == [5, 1, 0, 0, 2, 1]
    assert [report.get(CellRef("t3", "carried", c)) for c in columns] == [3, 0, 0, 1, 0, 0]
    assert report.get(CellRef("t3", "open", "natural")) == 4
    assert report.sections.get("requests", "") == ""  # no digit reached the printed text
