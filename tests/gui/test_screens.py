"""Every screen a clerk has: the window at laptop sizes and at 150 %, each grid's
every fillable cell reached with Tab clear of the frozen panes (child processes,
since Qt reads the scale factor once per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _probe(screen: str, scale: str = "1") -> dict:  # type: ignore[type-arg]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale)
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.screen_probe", screen],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("screen", "scale"),
    [("1366x768", "1"), ("1280x720", "1"), ("1024x700", "1"), ("1366x768", "1.5")],
)
def test_every_cell_is_reachable_on_a_laptop_screen(screen: str, scale: str) -> None:
    found = _probe(screen, scale)
    free_w, free_h = found["free"]
    assert found["minimum"][0] <= free_w and found["minimum"][1] <= free_h, found
    assert found["window"] == [free_w, free_h], found  # nothing forced it larger
    assert found["unreachable"] == [], found
    assert found["cells_walked"] == found["fillable"], found
    # Below the frozen header rows, values show in every grid.
    assert min(found["data_rows_shown"].values()) >= 1, found
    if scale == "1" and free_w >= 1280:
        # The window's default width: 表三's 总计 column shows without scrolling.
        assert found["sideways_scroll"]["t3"] is False, found
    if (screen, scale) == ("1366x768", "1"):
        # A clerk's laptop at 100 %: all of 表三's columns beside its labels.
        assert found["sideways_scroll"]["t3"] is False, found
        assert found["data_rows_shown"]["t3"] >= 6, found
