"""Property tests: a consistent report passes every error rule; any single change is caught."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from models.editions import EDITIONS, T3_APPLICANT_COLS, CellRef, get_edition, t3_outcome_rows
from models.report import Report, new_report
from models.validation import Severity, check

SMALL = st.integers(min_value=0, max_value=500)


@st.composite
def consistent_reports(draw: st.DrawFn) -> Report:
    """Every input drawn at random, every total stated as its true sum."""
    edition_key = draw(st.sampled_from(EDITIONS))
    edition = get_edition(edition_key)
    report = new_report("某局", 2020 if edition_key == "2019" else 2022, edition_key)
    t3 = edition.table("t3")
    outcomes = t3_outcome_rows(t3)
    for col in T3_APPLICANT_COLS:
        for row in outcomes:
            report.set(CellRef("t3", row, col), draw(SMALL))
        done = sum(report.cells[CellRef("t3", r, col)] for r in outcomes)
        report.set(CellRef("t3", "results_total", col), done)
        forward = draw(st.integers(min_value=0, max_value=50))
        carried = draw(st.integers(min_value=0, max_value=done + forward))
        report.set(CellRef("t3", "carry_forward", col), forward)
        report.set(CellRef("t3", "carried", col), carried)
        report.set(CellRef("t3", "new", col), done + forward - carried)
    for row in t3.rows():
        report.set(
            CellRef("t3", row.key, "total"),
            sum(report.cells[CellRef("t3", row.key, c)] for c in T3_APPLICANT_COLS),
        )
    for group in ("review", "direct", "after"):
        parts = [draw(SMALL) for _ in range(4)]
        for key, value in zip(("upheld", "corrected", "other", "pending"), parts, strict=True):
            report.set(CellRef("t4", "all", f"{group}_{key}"), value)
        report.set(CellRef("t4", "all", f"{group}_total"), sum(parts))
    return report


def errors(report: Report) -> list[str]:
    return [i.code for i in check(report) if i.severity is Severity.ERROR]


@settings(max_examples=150, deadline=None)
@given(consistent_reports())
def test_consistent_report_passes_every_error_rule(report: Report) -> None:
    assert errors(report) == []


@settings(max_examples=300, deadline=None)
@given(consistent_reports(), st.data())
def test_changing_any_single_cell_of_tables_three_and_four_is_caught(
    report: Report, data: st.DataObject
) -> None:
    cells = sorted((c for c in report.cells if c.table in ("t3", "t4")), key=str)
    ref = data.draw(st.sampled_from(cells))
    delta = data.draw(st.integers(min_value=1, max_value=20))
    report.set(ref, report.cells[ref] + delta)
    found = check(report)
    assert any(i.severity is Severity.ERROR and ref in i.cells for i in found), ref
