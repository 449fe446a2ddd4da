"""kill -9 of the real program while it starts: repairing a damaged index, reading the
reports, showing the report list. Whenever it dies, no report is lost or older.

The program runs as a clerk starts it (``main.py``, its data folder found through
XDG_DATA_HOME), offscreen; each round damages the index again so the start has
repair work to be caught in, then kills it after a random delay.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from models.store import DraftStore
from tests.conftest import load_seed

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 25


def test_kill_during_start_loses_nothing(tmp_path: Path) -> None:
    data = tmp_path / "xdg data"
    folder = data / "GovInfoReport" / "政府信息公开工作年度报告" / "drafts"
    store = DraftStore(folder)
    expected = {}
    for seed in ("000", "002", "003"):
        report = load_seed(seed)
        report_id = store.create(report.agency, report.year, report.edition)
        store.save(report_id, report)
        expected[report_id] = report
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(data),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    chance = random.Random(12)
    damaged = b'{"reports": {"1": '
    repaired_by_the_program = 0
    for _round in range(ROUNDS):
        (folder / "index.json").write_bytes(damaged)  # damaged again
        child = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py")],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(chance.uniform(0.05, 1.2))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        index = folder / "index.json"
        # Gone (killed between setting the damaged one aside and writing the new
        # one: the store rebuilds it from the report files) or rewritten.
        repaired_by_the_program += not index.exists() or index.read_bytes() != damaged
        reopened = DraftStore(folder)
        assert {i.id for i in reopened.list_reports()} == set(expected)
        for report_id, report in expected.items():
            assert reopened.open(report_id) == report
    # Not vacuous: in many rounds the program got far enough to rewrite the index.
    assert repaired_by_the_program >= 5, repaired_by_the_program
