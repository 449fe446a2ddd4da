"""The importer and checker on the corpus of real reports: issue 13's figures, and
how long an import takes (in-process, warm: median, min and max of repeated runs).

Goals printed beside each figure: every real mistake found, 0 false errors, at
most one false warning a report, 0 wrong values, ≥ 98 % of cells right on complete
reports; importing a text or web page ≤ 50 ms, a 10-page PDF ≤ 300 ms.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from models.importer import import_file
from tests.corpus import corpus
from tests.corpus_score import score, summary

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
    print(f"  import time, ms (median / min / max of {RUNS} runs; goal ≤ 50 text or web page)")
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


if __name__ == "__main__":
    main()
