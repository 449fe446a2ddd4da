"""The corpus of real published reports (tests/fixtures/real/): its truth files read back.

Each folder holds ``source.*`` (the report as published), ``meta.json`` (where it came
from, agency, year, the real mistakes it contains) and ``truth.json`` (every table cell as
published, typed by hand: ``null`` where printed blank, ``"unreadable"`` where the source
lost it).  Used by the corpus test and ``bench/bench_corpus.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.editions import CellRef, get_edition
from models.report import Report, new_report
from models.values import Value, parse_value

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
UNREADABLE = "unreadable"


@dataclass
class CorpusReport:
    folder: Path
    meta: dict[str, Any]
    edition: str
    truth: dict[CellRef, Value | None]  # every cell; None = printed blank
    unreadable: set[CellRef] = field(default_factory=set)
    units: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def source(self) -> Path:
        return next(p for p in self.folder.iterdir() if p.stem == "source")

    def truth_report(self, sections_from: Report | None = None) -> Report:
        """The published tables as a report; narrative taken from ``sections_from`` if given."""
        report = new_report(self.meta.get("agency", ""), int(self.meta["year"]), self.edition)
        report.units = dict(self.units)
        for ref, value in self.truth.items():
            report.set(ref, value)
        if self.meta.get("issue_date"):
            report.issue_date = dt.date.fromisoformat(self.meta["issue_date"])
        if sections_from is not None:
            report.preamble = sections_from.preamble
            report.sections = dict(sections_from.sections)
        return report


def load(folder: Path) -> CorpusReport:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    truth_doc = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    edition = str(truth_doc["edition"])
    columns = get_edition(edition)
    units = dict(truth_doc.get("units", {}))
    truth: dict[CellRef, Value | None] = {}
    unreadable: set[CellRef] = set()
    for key, raw in truth_doc["cells"].items():
        ref = CellRef.parse(key)
        if raw == UNREADABLE:
            unreadable.add(ref)
            continue
        if raw is None:
            truth[ref] = None
            continue
        column = columns.column(ref)
        unit = units.get(key, column.unit)
        truth[ref] = parse_value(str(raw), column, unit)
    missing = set(columns.cells()) - set(truth) - unreadable
    if missing:
        raise ValueError(f"{folder.name}: truth.json lacks {sorted(map(str, missing))[:5]}…")
    return CorpusReport(folder, meta, edition, truth, unreadable, units)


def corpus() -> list[CorpusReport]:
    if not REAL.is_dir():
        return []
    return [load(d) for d in sorted(REAL.iterdir()) if (d / "truth.json").is_file()]
