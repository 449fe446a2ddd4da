"""Starting this year's report from last year's.

In January a clerk begins with last year's report: the agency, contact block
and money units carry over; 表三 二、上年结转 is last year's 四、结转下年度继续办理
(per applicant column); in the 2019 edition 上一年项目数量 is last year's
上一年项目数量 plus its 本年增/减.  Narrative text carries only when asked, and
then STALE-YEAR marks every sentence that still speaks of last year as its own.
When the edition changes (a 2020 report → the 2021 edition), what has no
counterpart is listed for the clerk rather than dropped in silence.
"""

from __future__ import annotations

from models.editions import (
    EDITION_2019,
    STOCK_ROWS_2019,
    T2_CHANGE,
    T2_PREV_ITEMS,
    T2_PROCUREMENT_ITEMS,
    T3_APPLICANT_COLS,
    T3_CARRIED,
    T3_CARRY_FORWARD,
    T3_NEW,
    T3_RESULTS_TOTAL,
    CellRef,
    edition_for_year,
    get_edition,
    t2_cell,
    t3_cell,
    t4_cell,
)
from models.report import Report, new_report
from models.totals import compute_totals, effective, shown_value


def next_year_report(previous: Report, carry_text: bool = False) -> tuple[Report, list[str]]:
    """The report for the year after ``previous``, and what could not be carried over."""
    year = previous.year + 1
    edition = edition_for_year(year)
    report = new_report(previous.agency, year, edition)
    report.contact = previous.contact
    target = get_edition(edition)
    report.units = {k: u for k, u in previous.units.items() if target.has_cell(CellRef.parse(k))}
    notes: list[str] = []
    if carry_text:
        report.preamble = previous.preamble
        report.sections = dict(previous.sections)

    last_totals = compute_totals(previous)
    for col in T3_APPLICANT_COLS:
        ref = t3_cell(T3_CARRY_FORWARD, col)
        value = effective(previous, last_totals, ref)
        if value is not None:
            report.set(t3_cell(T3_CARRIED, col), value)

    if edition == EDITION_2019 and previous.edition == EDITION_2019:
        for row in STOCK_ROWS_2019:
            last = previous.get(t2_cell(row, T2_PREV_ITEMS))
            if last is not None:
                change = previous.get(t2_cell(row, T2_CHANGE)) or 0
                report.set(t2_cell(row, T2_PREV_ITEMS), last + change)

    if edition != previous.edition:
        notes.append(
            f"{year}年度使用{edition}年版模板，{previous.year}年度报告用的是{previous.edition}年版："
            "表二的栏目不同，请按新模板重新填写表二。"
        )
        if previous.edition == EDITION_2019 and previous.get(T2_PROCUREMENT_ITEMS) is not None:
            notes.append("新模板没有“第二十条第（九）项 政府集中采购”，上年的采购数据不再填报。")
        if previous.edition == EDITION_2019:
            notes.append(
                "表三“（六）其他处理”在新模板中分为三行（逾期不补正、逾期不缴费、其他），请分别填写。"
            )
    return report, notes


# The figures a clerk compares from year to year: (label, cells whose values add up).
MAIN_FIGURES: tuple[tuple[str, tuple[CellRef, ...]], ...] = (
    ("新收申请", (t3_cell(T3_NEW),)),
    ("办理结果", (t3_cell(T3_RESULTS_TOTAL),)),
    ("行政复议", (t4_cell("review"),)),
    ("行政诉讼", (t4_cell("direct"), t4_cell("after"))),
)


def main_figures(report: Report) -> dict[str, int]:
    """The main figures of a report as every view shows them (blank as 0)."""
    totals = compute_totals(report)
    out = {}
    for label, refs in MAIN_FIGURES:
        values = [shown_value(report, totals, r) for r in refs]
        out[label] = int(sum(v for v in values if v is not None))
    return out
