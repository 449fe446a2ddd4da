"""How long the drafts store takes to save, open and list, with 1 and with 1,000 reports.

The window saves whenever the clerk pauses, so a save must stay at a few ms even
with a thousand reports stored: only the report's own file and the small index
are rewritten.  Every save is fsynced, so the figures depend on the disk the
temporary folder is on.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.timing import median_ms
from models.report import Report, from_json
from models.store import DraftStore

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
REPORTS = 1000
RUNS = 100
PLACES = ("东城区", "西城区", "朝阳区", "海淀区", "丰台区", "南山区", "福田区", "江北区")


def _median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    return median_ms(fn, runs)


def _save_ms(store: DraftStore, report_id: str, report: Report) -> float:
    counter = iter(range(10**9))

    def save() -> None:
        report.sections["other"] = f"第{next(counter)}次修改"
        store.save(report_id, report)

    return _median_ms(save)


def _size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def _line(label: str, value: float, unit: str) -> None:
    print(f"{label:<28}{value:9.2f} {unit}")


def main() -> None:
    seeds = [from_json(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("seed_*.json"))]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "drafts"
        store = DraftStore(folder)
        report = seeds[0].copy()
        first = store.create(report.agency, report.year, report.edition)
        print(f"drafts bench: median of {RUNS} runs per figure, store in {tmp}")
        _line("save, 1 report stored", _save_ms(store, first, report), "ms")

        start = time.perf_counter()
        for n in range(1, REPORTS):
            other = seeds[n % len(seeds)].copy()
            other.agency = f"{PLACES[n % len(PLACES)]}{other.agency}第{n}所"
            store.save(store.create(other.agency, other.year, other.edition), other)
        _line(f"create + save {REPORTS - 1} reports", time.perf_counter() - start, "s")

        _line(f"save, {REPORTS} reports stored", _save_ms(store, first, report), "ms")
        _line("open a report", _median_ms(lambda: store.open(first)), "ms")
        _line(f"list {REPORTS} reports", _median_ms(store.list_reports, 20), "ms")
        _line(f"open the store ({REPORTS})", _median_ms(lambda: DraftStore(folder), 10), "ms")
        files, size = _size(folder)
        index_kb = (folder / "index.json").stat().st_size / 1024
        print(f"on disk: {size / 1024 / 1024:.1f} MB in {files} files (index {index_kb:.0f} KB)")


if __name__ == "__main__":
    main()
