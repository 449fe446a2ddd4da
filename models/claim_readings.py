"""What a figure in the narrative may mean in the tables: for each subject a claim
names (``models.narrative``), the values the report's cells allow and the cells
they come from.

More than one reading is often fair: narratives say 受理 for 新收 or for 新收 +
上年结转, a stated total and the computed one both count (a wrong total in the
table is the sum checks' finding, not the text's), "行政诉讼" may be one kind of
lawsuit or both.  A claim is wrong only when no reading fits.  A subject the
report's edition has no cell for (废止件数 in the 2019 edition) has no reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from models.editions import (
    EDITION_2021,
    T2_FEE,
    T2_PROCUREMENT_ITEMS,
    T3_CARRIED,
    T3_CARRY_FORWARD,
    T3_NEW,
    T3_RESULTS_TOTAL,
    T4_GROUPS,
    T4_OUTCOME_WORDS,
    CellRef,
    get_edition,
    t2_cell,
    t3_cell,
    t4_cell,
    t4_group_label,
)
from models.issues import blank_as_zero
from models.report import Report
from models.totals import effective
from models.values import Value


@dataclass(frozen=True)
class Reading:
    """The values a claim may be, the cells they come from, and what they are, in words."""

    values: frozenset[Value]
    cells: tuple[CellRef, ...]
    what: str


Totals = dict[CellRef, Value | None]

# 表三's outcome groups as the narrative names them → their rows (the 2019
# edition has one 其他处理 row, the 2021 edition three).
_T3_GROUPS = {
    "open": ("open",),
    "partial": ("partial",),
    "open_partial": ("open", "partial"),
    "refuse": tuple(f"refuse_{i}" for i in range(1, 9)),
    "unable": tuple(f"unable_{i}" for i in range(1, 4)),
    "reject": tuple(f"reject_{i}" for i in range(1, 6)),
}
_T3_WORDS = {
    "open": "予以公开",
    "partial": "部分公开",
    "open_partial": "予以公开与部分公开之和",
    "refuse": "不予公开",
    "unable": "无法提供",
    "reject": "不予处理",
    "other": "其他处理",
}
_DOC_ROWS = {"rules": "规章", "normative": "行政规范性文件"}
_DOC_COLUMNS_2021 = {
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
}
_DECISION_ROWS = {
    "licensing": "行政许可",
    "penalty": "行政处罚",
    "coercion": "行政强制",
    "other_services": "其他对外管理服务事项",
}


def reading(report: Report, totals: Totals, subject: str, number: Value) -> Reading | None:
    """The reading of a claim about ``subject`` (``number`` is what it states)."""
    head, _, rest = subject.partition(".")
    if head in ("applications", "results", "carried", "carry_forward"):
        return _requests(report, totals, head)
    if head == "t3":
        return _outcome(report, totals, rest)
    if head in ("review", "direct", "after", "litigation", "review_litigation"):
        return _cases(report, totals, head, rest, number)
    if head == "docs":
        return _documents(report, totals, *rest.split("."))
    if head == "decisions":
        ref = t2_cell(rest, "decisions")
        if not get_edition(report.edition).has_cell(ref):
            return None
        return Reading(
            _both(report, totals, ref), (ref,), f"表二{_DECISION_ROWS[rest]}处理决定数量"
        )
    if head == "fee":
        return _fee(report)
    if head == "procurement":
        ref = T2_PROCUREMENT_ITEMS
        if not get_edition(report.edition).has_cell(ref):
            return None
        return Reading(_both(report, totals, ref), (ref,), "表二政府集中采购项目数量")
    return None


def _both(report: Report, totals: Totals, ref: CellRef) -> frozenset[Value]:
    """The stated and the computed value of a cell; a blank table reads as 0."""
    found = {v for v in (report.cells.get(ref), totals.get(ref)) if v is not None}
    return frozenset(found or {0})


def _sums(report: Report, totals: Totals, refs: tuple[CellRef, ...]) -> frozenset[Value]:
    """A sum of cells read two ways: stated totals first, or computed ones first."""
    stated = sum((blank_as_zero(effective(report, totals, r)) for r in refs), start=0)
    computed = sum(
        (
            blank_as_zero(totals.get(r) if totals.get(r) is not None else report.cells.get(r))
            for r in refs
        ),
        start=0,
    )
    return frozenset({stated, computed})


def _requests(report: Report, totals: Totals, head: str) -> Reading:
    new, carried = t3_cell(T3_NEW), t3_cell(T3_CARRIED)
    done, forward = t3_cell(T3_RESULTS_TOTAL), t3_cell(T3_CARRY_FORWARD)
    if head == "results":
        return Reading(_both(report, totals, done), (done,), "表三办理结果总计")
    if head == "carried":
        return Reading(_both(report, totals, carried), (carried,), "表三上年结转申请数")
    if head == "carry_forward":
        return Reading(_both(report, totals, forward), (forward,), "表三结转下年度继续办理数")
    readings = set(_both(report, totals, new) | _both(report, totals, done))
    readings |= {
        a + blank_as_zero(effective(report, totals, carried)) for a in _both(report, totals, new)
    }
    readings |= {
        a + blank_as_zero(effective(report, totals, forward)) for a in _both(report, totals, done)
    }
    return Reading(
        frozenset(readings),
        (new, carried, done, forward),
        "表三新收申请（或含上年结转、办理结果）",
    )


def _outcome(report: Report, totals: Totals, group: str) -> Reading | None:
    edition = get_edition(report.edition)
    if group == "other":
        rows: tuple[str, ...] = (
            ("other_1", "other_2", "other_3") if report.edition == EDITION_2021 else ("other",)
        )
    else:
        rows = _T3_GROUPS.get(group, (group,))
    refs = tuple(t3_cell(r) for r in rows)
    if not all(edition.has_cell(r) for r in refs):
        return None
    if len(refs) == 1:
        values = _both(report, totals, refs[0])
        words = _T3_WORDS.get(group) or edition.row(refs[0]).label.split("．")[-1]
    else:
        values = _sums(report, totals, refs)
        words = _T3_WORDS[group]
    return Reading(values, refs, f"表三“{words}”")


def _cases(report: Report, totals: Totals, head: str, outcome: str, number: Value) -> Reading:
    groups = {
        "review": ("review",),
        "direct": ("direct",),
        "after": ("after",),
        "litigation": ("direct", "after"),
        "review_litigation": T4_GROUPS,
    }[head]
    label = {
        "litigation": "行政诉讼（未经复议直接起诉、复议后起诉）",
        "review_litigation": "行政复议与行政诉讼",
    }.get(head) or t4_group_label(head)
    if outcome == "not_upheld":
        # "均获维持": nothing corrected, nothing pending.
        refs = tuple(t4_cell(g, o) for g in groups for o in ("corrected", "pending"))
        return Reading(_sums(report, totals, refs), refs, f"表四{label}结果纠正与尚未审结之和")
    key = outcome or "total"
    refs = tuple(t4_cell(g, key) for g in groups)
    word = T4_OUTCOME_WORDS.get(key, "总计")
    what = f"表四{label}“{word}”" if outcome else f"表四{label}总计"
    if len(refs) == 1:
        return Reading(_both(report, totals, refs[0]), refs, what)
    values = set(_sums(report, totals, refs))
    # "行政诉讼4件" may count one kind of lawsuit; "无行政诉讼" means neither.
    if head == "litigation" and number != 0:
        for ref in refs:
            values |= _both(report, totals, ref)
    return Reading(frozenset(values), refs, what)


def _documents(report: Report, totals: Totals, what: str, row: str) -> Reading | None:
    if report.edition == EDITION_2021:
        ref = t2_cell(row, what)
        return Reading(
            _both(report, totals, ref), (ref,), f"表二{_DOC_ROWS[row]}{_DOC_COLUMNS_2021[what]}"
        )
    if what != "issued":
        return None  # the 2019 edition counts documents made and published only
    made, published = t2_cell(row, "made"), t2_cell(row, "published")
    values = _both(report, totals, made) | _both(report, totals, published)
    label = "规章" if row == "rules" else "规范性文件"
    return Reading(values, (made, published), f"表二{label}本年新制作（或新公开）数量")


def _fee(report: Report) -> Reading | None:
    if not get_edition(report.edition).has_cell(T2_FEE):
        return None
    value = report.cells.get(T2_FEE)
    if value is not None and report.unit_of(T2_FEE) == "元":
        value = Decimal(value).scaleb(-4)
    return Reading(
        frozenset({0 if value is None else value}), (T2_FEE,), "表二行政事业性收费金额（万元）"
    )
