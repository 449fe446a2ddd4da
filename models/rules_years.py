"""Rules across two years, given last year's report: 上年结转 (YEAR-CARRY) and the
stock rows of 表二 (YEAR-STOCK)."""

from __future__ import annotations

from models.editions import (
    EDITION_2019,
    EDITION_2021,
    STOCK_ROWS_2019,
    STOCK_ROWS_2021,
    CellRef,
    get_edition,
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
        last = effective(previous, prev_totals, CellRef("t3", "carry_forward", col.key))
        ref = CellRef("t3", "carried", col.key)
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
            ref = CellRef("t2", row, "in_force")
            last = previous.cells.get(ref)
            now = report.cells.get(ref)
            issued = report.cells.get(CellRef("t2", row, "issued"))
            repealed = report.cells.get(CellRef("t2", row, "repealed"))
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
                        (ref, CellRef("t2", row, "issued"), CellRef("t2", row, "repealed")),
                    )
                )
    if report.edition == EDITION_2019 and previous.edition == EDITION_2019:
        for row in STOCK_ROWS_2019:
            ref = CellRef("t2", row, "prev_items")
            last = previous.cells.get(ref)
            change = previous.cells.get(CellRef("t2", row, "change"))
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
