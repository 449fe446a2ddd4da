"""Rules across two years, given last year's report: 上年结转 (YEAR-CARRY) and the
stock rows of 表二 (YEAR-STOCK)."""

from __future__ import annotations

from models.editions import (
    EDITION_2019,
    EDITION_2021,
    STOCK_ROWS_2019,
    STOCK_ROWS_2021,
    T2_CHANGE,
    T2_IN_FORCE,
    T2_ISSUED,
    T2_PREV_ITEMS,
    T2_REPEALED,
    T3_CARRIED,
    T3_CARRY_FORWARD,
    CellRef,
    get_edition,
    t2_cell,
    t3_cell,
)
from models.issues import Issue, Severity, blank_as_zero
from models.report import Report
from models.totals import effective
from models.values import Value


def carry_issues(
    report: Report,
    previous: Report,
    totals: dict[CellRef, Value | None],
    prev_totals: dict[CellRef, Value | None],
) -> list[Issue]:
    issues = []
    for col in get_edition(report.edition).table("t3").blocks[0].columns:
        last = effective(previous, prev_totals, t3_cell(T3_CARRY_FORWARD, col.key))
        ref = t3_cell(T3_CARRIED, col.key)
        now = effective(report, totals, ref)
        if last is None or now is None or last == now:
            continue
        issues.append(
            Issue(
                "YEAR-CARRY",
                Severity.WARNING,
                f"表三“{col.label}”列：上年结转为{now}，而{previous.year}年度报告"
                f"结转下年度继续办理为{last}",
                (ref,),
            )
        )
    return issues


def stock_issues(report: Report, previous: Report) -> list[Issue]:
    issues = []
    if report.edition == EDITION_2021 and previous.edition == EDITION_2021:
        for row in STOCK_ROWS_2021:
            ref = t2_cell(row, T2_IN_FORCE)
            last = previous.cells.get(ref)
            now = report.cells.get(ref)
            issued = report.cells.get(t2_cell(row, T2_ISSUED))
            repealed = report.cells.get(t2_cell(row, T2_REPEALED))
            if last is None or now is None:
                continue
            expected = last + blank_as_zero(issued) - blank_as_zero(repealed)
            if now != expected:
                label = get_edition(report.edition).row(ref).label
                issues.append(
                    Issue(
                        "YEAR-STOCK",
                        Severity.WARNING,
                        f"表二{label}：现行有效件数为{now}，按上年{last}+本年制发{blank_as_zero(issued)}"
                        f"−本年废止{blank_as_zero(repealed)}应为{expected}",
                        (ref, t2_cell(row, T2_ISSUED), t2_cell(row, T2_REPEALED)),
                    )
                )
    if report.edition == EDITION_2019 and previous.edition == EDITION_2019:
        for row in STOCK_ROWS_2019:
            ref = t2_cell(row, T2_PREV_ITEMS)
            last = previous.cells.get(ref)
            change = previous.cells.get(t2_cell(row, T2_CHANGE))
            now = report.cells.get(ref)
            if last is None or now is None:
                continue
            step = blank_as_zero(change)
            expected = last + step
            if now != expected:
                label = get_edition(report.edition).row(ref).label
                issues.append(
                    Issue(
                        "YEAR-STOCK",
                        Severity.WARNING,
                        f"表二{label}：上一年项目数量为{now}，按{previous.year}年度报告"
                        f"{last}{'+' if step >= 0 else '−'}{abs(step)}应为{expected}",
                        (ref,),
                    )
                )
    return issues
