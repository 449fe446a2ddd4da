"""What models.totals derives from the five seeds: each total from its parts, the
value a report reads for a cell, and the one figure every view shows."""

from __future__ import annotations

import pytest

from models.editions import CellRef, get_edition
from models.totals import compute_totals, effective, shown_value
from tests.conftest import SEED_IDS, load_seed


def _t3(row: str, col: str) -> CellRef:
    return CellRef("t3", row, col)


def _t4(col: str) -> CellRef:
    return CellRef("t4", "all", col)


# 004 prints 表三's 总计 column over applicant cells left blank: those totals have
# no parts to add up (rows 一 and （七） have 自然人 2, so theirs agree).  All are
# 0 but row （一）'s, 2.
_T3_ROWS_WITHOUT_PARTS_004 = (
    "carried",
    "partial",
    *(f"refuse_{n}" for n in range(1, 9)),
    *(f"unable_{n}" for n in range(1, 4)),
    *(f"reject_{n}" for n in range(1, 6)),
    "other",
    "carry_forward",
)

# Stated totals that differ from their parts: (as published, as computed).
DIFFERING_TOTALS = {
    # 自然人 1 in rows 一 and （一）, but 总计 0; （七） 0 in 自然人.
    "000": {
        _t3("new", "total"): (0, 1),
        _t3("open", "total"): (0, 1),
        _t3("results_total", "natural"): (0, 1),
    },
    "001": {},
    "002": {},
    "003": {},
    "004": {
        **{_t3(row, "total"): (0, None) for row in _T3_ROWS_WITHOUT_PARTS_004},
        _t3("open", "total"): (2, None),
        _t4("direct_total"): (7, 6),  # 4 + 0 + 1 + 1
    },
}


@pytest.mark.parametrize("seed", SEED_IDS)
def test_every_derived_cell_is_computed_and_nothing_else(seed: str) -> None:
    report = load_seed(seed)
    edition = get_edition(report.edition)
    derived = {ref for ref in edition.cells() if edition.is_derived(ref)}
    assert set(compute_totals(report)) == derived
    assert len(derived) == (34 if report.edition == "2021" else 32)


@pytest.mark.parametrize("seed", SEED_IDS)
def test_computed_totals_match_the_published_ones_but_for_its_mistakes(seed: str) -> None:
    report = load_seed(seed)
    totals = compute_totals(report)
    differing = {
        ref: (stated, totals[ref])
        for ref, stated in report.cells.items()
        if ref in totals and totals[ref] != stated
    }
    assert differing == DIFFERING_TOTALS[seed]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_each_total_is_the_sum_of_what_its_parts_read(seed: str) -> None:
    report = load_seed(seed)
    edition = get_edition(report.edition)
    totals = compute_totals(report)
    for ref, value in totals.items():
        rule = edition.defining_sum(ref)
        assert rule is not None
        parts = [effective(report, totals, part) for part in rule.parts]
        filled = [v for v in parts if v is not None]
        assert value == (sum(filled) if filled else None), ref


def test_a_total_over_blank_parts_is_blank() -> None:
    # 001's text breaks off in 表三: the later rows were never filled in.
    report = load_seed("001")
    totals = compute_totals(report)
    for row in ("refuse_5", "refuse_6", "refuse_7", "refuse_8", "unable_1", "unable_2"):
        assert _t3(row, "total") not in report.cells
        assert totals[_t3(row, "total")] is None
    assert totals[_t3("new", "total")] == 0  # parts filled in as 0 add up to 0, not blank


def test_a_total_of_totals_adds_its_computed_parts() -> None:
    report = load_seed("001")  # nothing of row （七） stated
    assert not any(ref.row == "results_total" for ref in report.cells)
    totals = compute_totals(report)
    assert totals[_t3("results_total", "natural")] == 1
    assert totals[_t3("results_total", "total")] == 1


def test_a_cell_reads_as_stated_else_as_computed_else_blank() -> None:
    report = load_seed("004")
    totals = compute_totals(report)
    assert effective(report, totals, _t3("open", "total")) == 2  # stated, over blank parts
    assert effective(report, totals, _t4("direct_total")) == 7  # stated, parts add to 6
    assert effective(report, totals, _t3("new", "natural")) == 2
    assert effective(report, totals, _t3("open", "commercial")) is None
    blank_total = load_seed("003")  # 表四 行政复议 left blank
    assert effective(blank_total, compute_totals(blank_total), _t4("review_total")) is None


def test_every_view_shows_a_total_as_computed() -> None:
    # The year chart once showed 000's 新收 as 0 and 004's 行政诉讼 as 9; the PDF
    # printed 1 and 8.
    report = load_seed("000")
    totals = compute_totals(report)
    assert report.cells[_t3("new", "total")] == 0
    assert shown_value(report, totals, _t3("new", "total")) == 1
    assert shown_value(report, totals, _t3("new", "natural")) == 1  # filled in
    assert shown_value(report, totals, _t3("new", "commercial")) == 0
    report = load_seed("004")
    totals = compute_totals(report)
    litigation = [shown_value(report, totals, _t4(c)) for c in ("direct_total", "after_total")]
    assert litigation == [6, 2]
    assert shown_value(report, totals, _t3("open", "total")) is None  # 2 stated, no parts
    assert shown_value(report, totals, _t3("open", "commercial")) is None


def test_totals_follow_an_edit_and_leave_the_report_alone() -> None:
    report = load_seed("000")
    cells = dict(report.cells)
    compute_totals(report)
    assert report.cells == cells
    report.set(_t3("new", "commercial"), 3)
    totals = compute_totals(report)
    assert totals[_t3("new", "total")] == 4
    assert totals[_t3("results_total", "commercial")] == 0  # the outcomes still say 0
    report.set(_t3("new", "commercial"), None)
    report.set(_t3("new", "natural"), None)
    assert compute_totals(report)[_t3("new", "total")] == 0  # the other applicants' 0s
