"""Score the importer and the checker on the corpus of real reports, end to end.

For each report: import ``source.*`` as a clerk would (``import_file``), compare every
cell with the hand-typed truth, and check the imported report.  A cell is *right*
when the import put the published value there (or left it blank where the report
printed it blank), *wrong* when it put another value there, *unread* when it left
the cell out with a reason.  A real mistake (``meta.json``) is *found* when an issue
of its rule names one of its cells (or, for a rule over no cell, when the rule
fires at all); every other error is a false error and every other warning a false
warning, except UNREAD, the one note that says what could not be checked.
Used by ``tests/test_corpus.py`` and ``bench/bench_corpus.py``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from models.editions import CellRef
from models.importer import ImporterError, import_file
from models.issues import Issue, Severity
from models.validation import check
from tests.corpus import CorpusReport, corpus

NOT_FALSE_ALARMS = ("UNREAD",)


@dataclass
class ReportScore:
    name: str
    format: str
    complete: bool
    import_error: str = ""
    seconds: float = 0.0
    right: int = 0
    wrong: list[str] = field(default_factory=list)  # "cell: imported X, published Y"
    unread: int = 0  # readable in the source, left out by the import
    agency_right: bool = False  # the published name, or none where the copy names none
    year_right: bool = False
    asked: list[str] = field(default_factory=list)  # left for the clerk to say
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false_errors: list[str] = field(default_factory=list)
    false_warnings: list[str] = field(default_factory=list)

    @property
    def readable(self) -> int:
        return self.right + len(self.wrong) + self.unread


def _matches(issue: Issue, mistake: dict[str, object]) -> bool:
    if issue.code != mistake["rule"]:
        return False
    if mistake.get("field"):
        return issue.field == mistake["field"]
    cells = {CellRef.parse(str(c)) for c in mistake.get("cells", []) or []}  # type: ignore[attr-defined]
    return not cells or bool(cells & set(issue.cells)) or not issue.cells


def score(item: CorpusReport) -> ReportScore:
    result = ReportScore(item.name, item.meta["format"], bool(item.meta["complete"]))
    started = time.perf_counter()
    try:
        imported = import_file(item.source)
        first = imported
        if imported.unsure:
            # As the clerk does when asked: agency and year, from the report in hand.
            known = str(item.meta.get("agency", ""))
            imported = import_file(
                item.source,
                agency="某机关" if "（" in known else known,
                year=int(item.meta["year"]),
            )
    except ImporterError as exc:
        result.import_error = str(exc)
        result.missed = [str(m["rule"]) for m in item.meta["mistakes"]]
        return result
    result.seconds = time.perf_counter() - started
    report = imported.report
    for ref, truth in item.truth.items():
        if ref in imported.unplaced:
            result.unread += 1
            continue
        got = report.cells.get(ref)
        if got == truth:
            result.right += 1
        else:
            result.wrong.append(f"{ref}: imported {got}, published {truth}")
    result.asked = list(first.unsure)
    result.agency_right = _same_agency(first.report.agency, str(item.meta.get("agency", "")))
    result.year_right = "year" not in first.unsure and first.report.year == int(item.meta["year"])
    issues = check(report)
    mistakes = item.meta["mistakes"]
    for mistake in mistakes:
        hit = any(_matches(i, mistake) for i in issues)
        (result.found if hit else result.missed).append(str(mistake["rule"]))
    for issue in issues:
        if issue.code in NOT_FALSE_ALARMS or any(_matches(issue, m) for m in mistakes):
            continue
        shown = f"{issue.code}: {issue.message}"
        if issue.severity is Severity.ERROR:
            result.false_errors.append(shown)
        else:
            result.false_warnings.append(shown)
    return result


def _same_agency(imported: str, published: str) -> bool:
    """The agency as the report names it; where the copy names none (the corpus entry
    then describes it in brackets), the import must not make one up."""
    if "（" in published:
        return imported == ""
    return imported == published


def score_all() -> list[ReportScore]:
    return [score(item) for item in corpus()]


def summary(scores: list[ReportScore]) -> list[str]:
    """The figures, by format and overall, as printed lines."""
    lines = []
    formats = sorted({s.format for s in scores})
    for name in [*formats, "all"]:
        group = [s for s in scores if name in ("all", s.format)]
        readable = sum(s.readable for s in group)
        right = sum(s.right for s in group)
        complete = [s for s in group if s.complete]
        lines.append(
            f"{name:11} reports {len(group):3}  cells right {right}/{readable} "
            f"({100 * right / max(readable, 1):.1f} %)  wrong {sum(len(s.wrong) for s in group)}  "
            f"complete-report cells right "
            f"{sum(s.right for s in complete)}/{sum(s.readable for s in complete)}  "
            f"agency {sum(s.agency_right for s in group)}/{len(group)}  "
            f"year {sum(s.year_right for s in group)}/{len(group)} "
            f"(asked: agency {sum('agency' in s.asked for s in group)}, "
            f"year {sum('year' in s.asked for s in group)})  "
            f"mistakes found {sum(len(s.found) for s in group)}/"
            f"{sum(len(s.found) + len(s.missed) for s in group)}  "
            f"false errors {sum(len(s.false_errors) for s in group)}  "
            f"false warnings {sum(len(s.false_warnings) for s in group)}"
        )
    return lines


def details(scores: list[ReportScore]) -> list[str]:
    lines = []
    for s in scores:
        head = f"{s.name}: right {s.right}/{s.readable}, {1000 * s.seconds:.0f} ms"
        lines.append(head + (f"  IMPORT FAILED: {s.import_error}" if s.import_error else ""))
        for what, items in (
            ("wrong", s.wrong),
            ("missed", s.missed),
            ("false error", s.false_errors),
            ("false warning", s.false_warnings),
        ):
            lines += [f"    {what}: {item[:160]}" for item in items]
        if not s.agency_right or not s.year_right:
            lines.append(f"    agency/year not right (asked: {', '.join(s.asked) or 'nothing'})")
    return lines


if __name__ == "__main__":
    every = score_all()
    print("\n".join(details(every)))
    print("\n".join(summary(every)))
