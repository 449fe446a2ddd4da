"""Every rule of the report, checked at once: a list of issues, never an exception.

Errors (the report is wrong): T3-ROW, T3-SUM, T3-BAL, T4-SUM, VAL.
Warnings (probably wrong; the clerk confirms): YEAR-CARRY, YEAR-STOCK, DUP-TEXT,
YOY-SPIKE (given last year's report), TEXT-NUM, EDITION, MISSING, FEE-TEXT,
STALE-YEAR, DEADLINE, FEE-SUM, FEE-NOTICE, UNIT-SLIP, TOPICS.

Each issue names its code, severity, the cells or fields it concerns and a
Chinese message with the numbers.  Pure and fast enough to run on every keystroke.
"""

from __future__ import annotations

from models.editions import (
    EDITION_2021,
    CellRef,
    Edition,
    ValueKind,
    get_edition,
    t4_group_label,
)
from models.issues import RULES, CheckResult, Issue, Severity, blank_as_zero
from models.report import Report
from models.rules_complete import edition_issues, missing_issues
from models.rules_history import duplicate_text_issues, spike_issues
from models.rules_imported import blank_total_issues, unknown_cells, without_unchecked
from models.rules_review import (
    deadline_issues,
    fee_notice_issues,
    fee_sum_issues,
    topics_issues,
    unit_slip_issues,
)
from models.rules_text import fee_text_issues, stale_year_issues, text_number_issues
from models.rules_years import carry_issues, stock_issues
from models.totals import compute_totals, effective, totals_over_unread
from models.values import TEMPLATE_DECIMALS, Value, check_value, decimal_places, format_value

__all__ = ["RULES", "CheckResult", "Issue", "Severity", "check"]


def check(
    report: Report,
    previous: Report | None = None,
    *,
    totals: dict[CellRef, Value | None] | None = None,
    previous_totals: dict[CellRef, Value | None] | None = None,
) -> CheckResult:
    """All issues of ``report``; ``previous`` is last year's report, if known.

    ``totals`` and ``previous_totals`` are the reports' computed totals, for a
    caller that holds them already (the window, on every keystroke).
    """
    edition = get_edition(report.edition)
    if totals is None:
        totals = compute_totals(report)
    issues = CheckResult()
    issues += _values(report, edition)
    # Cells an import could not read (and totals over them): not 0, unknown.
    unknown = unknown_cells(report)
    issues += _sums(report, edition, totals, unknown)
    issues += _balance(report, edition, totals, unknown)
    issues += text_number_issues(report, totals)
    issues += edition_issues(report)
    issues += missing_issues(report, edition)
    issues += fee_text_issues(report)
    issues += stale_year_issues(report)
    issues += deadline_issues(report)
    issues += fee_sum_issues(report)
    issues += fee_notice_issues(report, totals)
    issues += unit_slip_issues(report)
    issues += topics_issues(report)
    if previous is not None:
        if previous_totals is None:
            previous_totals = compute_totals(previous)
        if previous.unread:
            # Last year's report imported with cells unread: a total over them is
            # not known, so it is compared with nothing (no false YEAR-CARRY, YOY-SPIKE).
            unknown_last = totals_over_unread(previous)
            previous_totals = {
                ref: None if ref in unknown_last else value
                for ref, value in previous_totals.items()
            }
        issues += carry_issues(report, previous, totals, previous_totals)
        issues += stock_issues(report, previous)
        issues += duplicate_text_issues(report, previous)
        issues += spike_issues(report, previous, totals, previous_totals)
    if report.blank_totals:
        issues += blank_total_issues(report, edition, totals)
    if unknown or report.unread_fields:
        return CheckResult(without_unchecked(issues, report, unknown))
    return issues


# ---------------------------------------------------------------- errors

# Said of a sum over cells an import could not read: what was read is a lower bound.
_AT_LEAST = "（未能读出的单元格未计入，至少如此）"


def _values(report: Report, edition: Edition) -> list[Issue]:
    issues = []
    for ref, value in report.cells.items():
        column = edition.column(ref)
        problem = check_value(value, column)
        if problem:
            issues.append(
                Issue(
                    "VAL",
                    Severity.ERROR,
                    f"{edition.cell_name(ref)}：{problem}（现为 {value}）",
                    (ref,),
                )
            )
        elif (
            report.edition == EDITION_2021
            and column.kind is ValueKind.MONEY
            and report.unit_of(ref) == "万元"
            and decimal_places(value) > TEMPLATE_DECIMALS
        ):
            issues.append(
                Issue(
                    "VAL",
                    Severity.WARNING,
                    f"{edition.cell_name(ref)}：2021年版模板要求“保留{TEMPLATE_DECIMALS}位小数”，"
                    f"现为 {value}（{decimal_places(value)}位）",
                    (ref,),
                )
            )
    return issues


def _sums(
    report: Report,
    edition: Edition,
    totals: dict[CellRef, Value | None],
    unknown: frozenset[CellRef],
) -> list[Issue]:
    issues = []
    for rule in edition.sums:
        stated = report.cells.get(rule.target)
        if stated is None:
            continue  # the program computes it: right by construction
        parts = sum(blank_as_zero(effective(report, totals, p)) for p in rule.parts)
        if parts == stated:
            continue
        # Over an unread part, the parts read are a lower bound (counts are not
        # negative): only a total below them is certainly wrong.
        if any(p in unknown for p in rule.parts) and stated > parts:
            continue
        delta = stated - parts  # abs() of an int | Decimal is typed as a bare object
        diff = format_value(delta if delta > 0 else -delta)
        issues.append(
            Issue(
                rule.code,
                Severity.ERROR,
                _sum_message(edition, rule.code, rule.target, parts, stated, diff)
                + (_AT_LEAST if any(p in unknown for p in rule.parts) else ""),
                tuple(c for c in (rule.target, *rule.parts) if c not in unknown),
            )
        )
    return issues


def _sum_message(
    edition: Edition, code: str, target: CellRef, parts: Value, stated: Value, diff: str
) -> str:
    got, want = format_value(stated), format_value(parts)
    if code == "T3-ROW":
        row = edition.row(target)
        return f"表三“{row.label}”行：各类申请人合计为{want}，总计填的是{got}，相差{diff}"
    if code == "T3-SUM":
        col = edition.column(target)
        return (
            f"表三“{col.label}”列：（一）至（六）各项合计为{want}，"
            f"（七）总计填的是{got}，相差{diff}"
        )
    group = t4_group_label(target.col.split("_")[0])
    return f"表四{group}：结果维持+结果纠正+其他结果+尚未审结={want}，总计填的是{got}，相差{diff}"


def _balance(
    report: Report,
    edition: Edition,
    totals: dict[CellRef, Value | None],
    unknown: frozenset[CellRef],
) -> list[Issue]:
    # （七）总计 enters as what the outcome rows add up to: a wrongly stated
    # （七） is T3-SUM's finding, and one mistake should be reported once.
    issues = []
    over_unread = totals_over_unread(report)
    t3 = edition.table("t3")
    for col in t3.blocks[0].columns:
        left_refs = [CellRef("t3", r, col.key) for r in edition.balance_left]
        right_refs = [CellRef("t3", r, col.key) for r in edition.balance_right]
        left_vals = [effective(report, totals, r) for r in left_refs]
        right_vals = [
            totals.get(r) if edition.is_derived(r) else effective(report, totals, r)
            for r in right_refs
        ]
        # A side with nothing filled in is not yet a contradiction: MISSING
        # says so, and the clerk typing 一 first is not shouted at.
        if all(v is None for v in left_vals) or all(v is None for v in right_vals):
            continue
        left, right = sum(map(blank_as_zero, left_vals)), sum(map(blank_as_zero, right_vals))
        if left == right:
            continue
        # A side over an unread cell is only a lower bound: the rule certainly
        # fails only when that side already exceeds a side that is fully read.
        left_open = any(r in unknown for r in left_refs)
        # （七）总计 enters as computed: over an unread outcome it is a lower bound
        # even where the published total was read.
        right_open = any(r in unknown or r in over_unread for r in right_refs)
        if (left_open and right_open) or (left_open and left < right):
            continue
        if right_open and right < left:
            continue
        issues.append(
            Issue(
                "T3-BAL",
                Severity.ERROR,
                f"表三“{col.label}”列：第一项+第二项={left}，三（七）总计+第四项={right}，"
                f"相差{abs(left - right)}{_AT_LEAST if left_open or right_open else ''}",
                tuple(r for r in (*left_refs, *right_refs) if r not in unknown),
            )
        )
    return issues
