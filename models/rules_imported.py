"""Rules for a report imported from its published copy: what cannot be checked, and
totals the published report printed blank.

A cell the import could not read is not 0: every rule whose cells include it
(directly, or through a computed total that adds it up) cannot be checked, and
says so once, as one UNREAD warning pointing at the unread cells.  Such a rule's
own issue would be a false alarm and is dropped.  A total the published report
printed blank while its parts have values (BLANK-TOTAL) is a mistake of the
published report: the program's copy computes it, the published one did not.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.editions import CellRef, Edition, get_edition
from models.issues import Issue, Severity
from models.report import Report
from models.totals import derived_over, totals_over_unread, unread_inputs
from models.values import Value, format_value

# Rules that do not depend on a cell's value being known: a value that was read
# and is wrong is still wrong; unread cells have no value to be wrong.
_ALWAYS_KEPT = ("VAL", "UNREAD", "BLANK-TOTAL")


def unknown_cells(report: Report) -> frozenset[CellRef]:
    """Cells whose value the report does not know: unread, or computed over one."""
    unread = unread_inputs(report)
    if not unread:
        return frozenset()
    return derived_over(report.edition, unread, frozenset(report.cells))


def without_unchecked(
    issues: Iterable[Issue], report: Report, unknown: frozenset[CellRef]
) -> list[Issue]:
    """The issues that stand, plus one UNREAD warning for what could not be checked."""
    kept = [
        issue
        for issue in issues
        if issue.code in _ALWAYS_KEPT or not any(c in unknown for c in issue.cells)
    ]
    edition = get_edition(report.edition)
    unread = [ref for ref in edition.cells() if ref in unknown and ref in report.unread]
    absent = [f for f in _FIELD_NAMES if f in report.unread_fields and _is_empty(report, f)]
    if unread or absent:
        kept.append(_unread_issue(report, unread, absent))
    return kept


# The parts a published copy may lack, in the report's order, in the clerk's words.
_FIELD_NAMES = {
    "sections.overview": "一、总体情况",
    "sections.problems": "五、存在的主要问题及改进情况",
    "sections.other": "六、其他需要报告的事项",
    "issue_date": "成文日期",
}


def _is_empty(report: Report, field: str) -> bool:
    if field == "issue_date":
        return report.issue_date is None
    return not report.sections.get(field.split(".", 1)[1], "").strip()


def _unread_issue(report: Report, unread: list[CellRef], absent: list[str]) -> Issue:
    if not unread:
        parts = "、".join(_FIELD_NAMES[f] for f in absent)
        return Issue(
            "UNREAD",
            Severity.WARNING,
            f"导入的原文不完整，没有{parts}，无法核对；请对照完整的报告填写",
            field=absent[0],
        )
    edition = get_edition(report.edition)
    tables = "、".join(
        dict.fromkeys(edition.table(ref.table).number for ref in unread)  # in table order
    )
    also = f"；原文也没有{'、'.join(_FIELD_NAMES[f] for f in absent)}" if absent else ""
    return Issue(
        "UNREAD",
        Severity.WARNING,
        f"导入时{tables}有{len(unread)}个单元格未能从原文读出（不按0计算），涉及它们的合计和核对只报告已能确定的错误{also}。"
        "请对照原文填写",
        tuple(unread),
    )


def blank_total_issues(
    report: Report, edition: Edition, totals: dict[CellRef, Value | None]
) -> list[Issue]:
    issues = []
    over_unread = totals_over_unread(report)
    for ref in edition.cells():
        if ref not in report.blank_totals or ref in report.cells or ref in over_unread:
            continue  # over an unread part the sum is not known either
        computed = totals.get(ref)
        if not computed:  # blank parts, or all 0: a blank total hides nothing
            continue
        issues.append(
            Issue(
                "BLANK-TOTAL",
                Severity.WARNING,
                f"{edition.cell_name(ref)}：发布的报告此处为空，而各项合计为"
                f"{format_value(computed)}（本程序已按合计填入）",
                (ref,),
            )
        )
    return issues
