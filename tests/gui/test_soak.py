"""A whole January in one process: thousands of edits in the real window, then quit.

Runs tests/soak_session.py as a child so that an interpreter abort fails this
test instead of killing pytest, then checks the drafts store holds exactly
what was typed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from models.editions import CellRef
from models.store import DraftStore

SESSION = Path(__file__).resolve().parents[1] / "soak_session.py"
EDITS, UNDO_PAIRS, TEXT_KEYS = 5000, 1000, 500


def test_five_thousand_edits_and_a_thousand_undo_pairs_then_quit(tmp_path: Path) -> None:
    folder = tmp_path / "数据 drafts"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.run(
        [sys.executable, str(SESSION), str(folder), str(EDITS), str(UNDO_PAIRS), str(TEXT_KEYS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=1500,
    )
    assert child.returncode == 0, f"exit {child.returncode}\n{child.stderr[-3000:]}"
    outcome = json.loads(child.stdout.strip().splitlines()[-1])
    assert len(outcome["cells"]) > 100  # many different cells were typed into
    report = DraftStore(folder).open(outcome["report_id"])
    for ref, value in outcome["cells"].items():
        assert report.get(CellRef.parse(ref)) == value, ref
    assert report.sections["overview"] == outcome["overview"]
    assert len(outcome["overview"]) == TEXT_KEYS
