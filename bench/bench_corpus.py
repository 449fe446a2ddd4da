"""The importer and checker on the corpus of real reports: issue 13's figures, and
how long an import takes (in-process, warm: median, min and max of repeated runs).

Goals printed beside each figure: every real mistake found, 0 false errors, at
most one false warning a report, 0 wrong values, ≥ 98 % of cells right on complete
reports; importing a text or web page ≤ 50 ms, a 10-page PDF ≤ 300 ms.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from export.pdf import render_pdf
from models.importer import import_file
from models.report import Report
from tests.conftest import load_seed
from tests.corpus import corpus
from tests.corpus_score import score, summary
from tests.test_import_html import agency_page

RUNS = 20


def _timings(path: Path) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        import_file(path)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    items = corpus()
    scores = [score(item) for item in items]
    print("corpus bench: import + check of every real report (tests/fixtures/real, seeds)")
    for line in summary(scores):
        print("  " + line)
    print(
        "  goals: every mistake found, false errors 0, false warnings ≤ 1 a report, "
        "wrong 0, complete-report cells ≥ 98 %"
    )
    print(
        f"  import time, ms (median / min / max of {RUNS} runs, warm; goal ≤ 50 text or web page)"
    )
    worst = 0.0
    for item in items:
        times = _timings(item.source)
        worst = max(worst, statistics.median(times))
    print(f"    slowest report by median: {worst:.1f} ms over {len(items)} reports")
    for item in items[-5:]:
        times = _timings(item.source)
        print(
            f"    {item.name:28} {statistics.median(times):6.1f} / {min(times):6.1f} / "
            f"{max(times):6.1f}"
        )
    _formats()


def _long_report() -> Report:
    """Seed 002 with its narrative repeated: a PDF of ten pages or more."""
    report = load_seed("002")
    report.sections["overview"] = "\n".join([report.sections["overview"]] * 3)
    report.sections["problems"] = "\n".join([report.sections["problems"]] * 2)
    return report


def _formats() -> None:
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_bytes(agency_page(load_seed("002")).encode("gbk"))
        data, printed = render_pdf(_long_report(), use_official_fonts=False)
        pdf = Path(folder) / "report.pdf"
        pdf.write_bytes(data)
        for name, path, goal in (
            ("web page (seed 002, GBK)", page, 50),
            (f"PDF of {printed.pages} pages", pdf, 300),
        ):
            import_file(path)  # lxml / pypdfium2 loaded once, as in a running program
            times = _timings(path)
            print(
                f"    {name:28} {statistics.median(times):6.1f} / {min(times):6.1f} / "
                f"{max(times):6.1f}   goal ≤ {goal}"
            )


if __name__ == "__main__":
    main()
