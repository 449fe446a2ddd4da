"""PDF export time of each seed report, beside LibreOffice converting the same report.

For each seed: the median time of our ReportLab export, and in the same run the
time ``soffice --headless --convert-to pdf`` takes for a .docx of the same
report (built here with python-docx: title, sections, the three tables with
their merged cells).  LibreOffice is started once per conversion, as a clerk's
"save as PDF" from Word/WPS would be, and its first (cold) start is reported
apart from the steady figure.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from export.docx import build_docx
from export.pdf import render_pdf

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
RUNS = 5


def _soffice_seconds(docx: Path, out_dir: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return time.perf_counter() - start


def main() -> None:
    from models.store import load_draft

    soffice = shutil.which("soffice")
    print(f"PDF bench: median of {RUNS} runs; LibreOffice: {soffice or 'not installed'}")
    print(f"{'seed':6} {'pages':>5} {'ours ms':>9} {'soffice ms':>11} {'ratio':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cold = None
        for path in sorted(FIXTURES.glob("seed_*.json")):
            report = load_draft(str(path))
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                _data, result = render_pdf(report, use_official_fonts=False)
                times.append(time.perf_counter() - start)
            ours = statistics.median(times) * 1000
            if soffice:
                docx = folder / f"{path.stem}.docx"
                build_docx(report, docx)
                if cold is None:
                    cold = _soffice_seconds(docx, folder) * 1000
                theirs = (
                    statistics.median(_soffice_seconds(docx, folder) for _ in range(RUNS)) * 1000
                )
                row = f"{path.stem[5:]:6} {result.pages:5d} {ours:9.1f} {theirs:11.1f}"
                print(f"{row} {theirs / ours:7.1f}×")
            else:
                print(f"{path.stem[5:]:6} {result.pages:5d} {ours:9.1f} {'—':>11} {'—':>7}")
        if cold is not None:
            print(f"LibreOffice cold start (first conversion): {cold:.0f} ms")


if __name__ == "__main__":
    main()
