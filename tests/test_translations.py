"""The shipped supplement of Qt strings is the one its source says."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "assets" / "translations"


def test_supplement_qm_is_compiled_from_its_source(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease, "pyside6-lrelease comes with the PySide6 wheel in requirements-dev.txt"
    out = tmp_path / "supplement_zh_CN.qm"
    subprocess.run(
        [lrelease, str(FOLDER / "supplement_zh_CN.ts"), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (FOLDER / "supplement_zh_CN.qm").read_bytes()
