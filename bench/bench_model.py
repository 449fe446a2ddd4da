"""How long checking a whole report and loading/saving its JSON take.

Checking runs on every keystroke, so its median must stay far below the ~16 ms
of one frame.  Each figure is the median over many runs on the seed reports.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from bench.timing import median_ms
from models.report import from_json, to_json
from models.validation import check

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
RUNS = 300


def _median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    return median_ms(fn, runs)


def main() -> None:
    print(f"model bench: median of {RUNS} runs per figure")
    print(f"{'seed':6} {'check ms':>9} {'load ms':>9} {'save ms':>9} {'issues':>7} {'json KB':>8}")
    for path in sorted(FIXTURES.glob("seed_*.json")):
        text = path.read_text(encoding="utf-8")
        report = from_json(text)
        check_ms = _median_ms(partial(check, report))
        load_ms = _median_ms(partial(from_json, text))
        save_ms = _median_ms(partial(to_json, report))
        print(
            f"{path.stem[5:]:6} {check_ms:9.3f} {load_ms:9.3f} {save_ms:9.3f} "
            f"{len(check(report)):7d} {len(text.encode()) / 1024:8.1f}"
        )


if __name__ == "__main__":
    main()
