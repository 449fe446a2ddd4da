"""Every rule of the report, checked at once: a list of issues, never an exception.

Errors (the report is wrong): T3-ROW, T3-SUM, T3-BAL, T4-SUM, VAL.
Warnings (probably wrong; the clerk confirms): YEAR-CARRY, YEAR-STOCK (given last
year's report), TEXT-NUM, EDITION, MISSING, FEE-TEXT, STALE-YEAR.

Each issue names its code, severity, the cells or fields it concerns and a
Chinese message with the numbers.  Pure and fast enough to run on every keystroke.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from models.editions import (
    EDITION_2019,
    EDITION_2021,
    STOCK_ROWS_2019,
    STOCK_ROWS_2021,
    T4_OUTCOME_WORDS,
    CellRef,
    Edition,
    edition_for_year,
    get_edition,
    t4_group_label,
)
from models.narrative import find_claims, stale_year_spans
from models.report import REQUIRED_SECTIONS, SECTION_KEYS, SECTION_TITLES, Report
from models.totals import compute_totals, effective
from models.values import Value, check_value, format_value


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    code: str
    severity: Severity
    message: str
    cells: tuple[CellRef, ...] = ()
    # Non-cell places: "agency", "year", "edition", "issue_date", "preamble",
    # "contact" or "sections.<key>"; ``span`` is a character range in that text.
    field: str = ""
    span: tuple[int, int] | None = None


class CheckResult(list[Issue]):
    """Every issue of a report, errors and warnings; a list, in the rules' order."""

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self if i.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self if i.severity is Severity.WARNING]

    @property
    def has_errors(self) -> bool:
        return any(i.severity is Severity.ERROR for i in self)


RULES = {
    "T3-ROW": "表三每一行：总计 = 各类申请人之和",
    "T3-SUM": "表三每一列：（七）总计 = （一）至（六）各项之和",
    "T3-BAL": "表三每一列：第一项 + 第二项 = 三（七）总计 + 第四项",
    "T4-SUM": "表四每一组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    "VAL": "数字格式：件数为不小于0的整数，本年增/减可为负，金额最多4位小数",
    "YEAR-CARRY": "上年结转 = 上年报告的结转下年度继续办理",
    "YEAR-STOCK": "存量 = 上年存量 + 本年增减",
    "TEXT-NUM": "正文中的数字与表格一致",
    "EDITION": "模板版本与报告年度相符",
    "MISSING": "必填内容已填写",
    "FEE-TEXT": "收取费用时第六部分不能写“无”",
    "STALE-YEAR": "正文没有把上一年写成本年度",
}


def _n(value: Value | None) -> Value:
    return 0 if value is None else value


def _fmt(value: Value | None) -> str:
    return format_value(_n(value))


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
    issues += _sums(report, edition, totals)
    issues += _balance(report, edition, totals)
    issues += _text_numbers(report, totals)
    issues += _edition(report)
    issues += _missing(report, edition)
    issues += _fee_text(report)
    issues += _stale_year(report)
    if previous is not None:
        if previous_totals is None:
            previous_totals = compute_totals(previous)
        issues += _carry(report, previous, totals, previous_totals)
        issues += _stock(report, previous)
    return issues


# ---------------------------------------------------------------- errors


def _values(report: Report, edition: Edition) -> list[Issue]:
    issues = []
    for ref, value in report.cells.items():
        problem = check_value(value, edition.column(ref))
        if problem:
            issues.append(
                Issue(
                    "VAL",
                    Severity.ERROR,
                    f"{edition.cell_name(ref)}：{problem}（现为 {value}）",
                    (ref,),
                )
            )
    return issues


def _sums(report: Report, edition: Edition, totals: dict[CellRef, Value | None]) -> list[Issue]:
    issues = []
    for rule in edition.sums:
        stated = report.cells.get(rule.target)
        if stated is None:
            continue  # the program computes it: right by construction
        parts = sum(_n(effective(report, totals, p)) for p in rule.parts)
        if parts == stated:
            continue
        delta = stated - parts  # abs() of an int | Decimal is typed as a bare object
        diff = format_value(delta if delta > 0 else -delta)
        issues.append(
            Issue(
                rule.code,
                Severity.ERROR,
                _sum_message(edition, rule.code, rule.target, parts, stated, diff),
                (rule.target, *rule.parts),
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


def _balance(report: Report, edition: Edition, totals: dict[CellRef, Value | None]) -> list[Issue]:
    # （七）总计 enters as what the outcome rows add up to: a wrongly stated
    # （七） is T3-SUM's finding, and one mistake should be reported once.
    issues = []
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
        left, right = sum(map(_n, left_vals)), sum(map(_n, right_vals))
        if left == right:
            continue
        issues.append(
            Issue(
                "T3-BAL",
                Severity.ERROR,
                f"表三“{col.label}”列：第一项+第二项={left}，三（七）总计+第四项={right}，"
                f"相差{abs(left - right)}",
                (*left_refs, *right_refs),
            )
        )
    return issues


# ---------------------------------------------------------------- text vs tables


def _text_numbers(report: Report, totals: dict[CellRef, Value | None]) -> list[Issue]:
    issues = []
    for key in SECTION_KEYS:
        for claim in find_claims(report.sections.get(key, "")):
            readings, cells, what = _readings(report, totals, claim.subject)
            if claim.number in readings:
                continue
            if all(report.cells.get(c) is None and totals.get(c) is None for c in cells):
                shown = "空白（未填写）"
            else:
                shown = "、".join(sorted({_fmt(v) for v in readings}, key=lambda s: float(s)))
            issues.append(
                Issue(
                    "TEXT-NUM",
                    Severity.WARNING,
                    f"{SECTION_TITLES[key]}正文“{claim.words}”为{claim.number}，而{what}为{shown}",
                    cells,
                    field=f"sections.{key}",
                    span=(claim.start, claim.end),
                )
            )
    return issues


def _readings(
    report: Report, totals: dict[CellRef, Value | None], subject: str
) -> tuple[set[Value], tuple[CellRef, ...], str]:
    """The figures a claim may reasonably mean, the cells they come from, in words.

    Narratives often say 受理 for 新收 + 上年结转, or give 办理 (the outcomes);
    stated and computed totals both count, so a wrong total in the table is the
    sum checks' finding, not the text's.
    """

    def both(ref: CellRef) -> set[Value]:
        # The stated and the computed total; a blank table reads as 0.
        found = {v for v in (report.cells.get(ref), totals.get(ref)) if v is not None}
        return found or {0}

    if subject == "applications":
        new, carried = CellRef("t3", "new", "total"), CellRef("t3", "carried", "total")
        done, forward = (
            CellRef("t3", "results_total", "total"),
            CellRef("t3", "carry_forward", "total"),
        )
        readings = both(new) | both(done)
        readings |= {a + _n(effective(report, totals, carried)) for a in both(new)}
        readings |= {a + _n(effective(report, totals, forward)) for a in both(done)}
        return readings, (new, carried, done, forward), "表三新收申请（或含上年结转、办理结果）"
    if subject == "review":
        ref = CellRef("t4", "all", "review_total")
        cells = tuple(CellRef("t4", "all", f"review_{k}") for k in (*T4_OUTCOME_WORDS, "total"))
        return both(ref), cells, "表四行政复议总计"
    if subject == "litigation":
        direct, after = CellRef("t4", "all", "direct_total"), CellRef("t4", "all", "after_total")
        readings = both(direct) | both(after) | {a + b for a in both(direct) for b in both(after)}
        return readings, (direct, after), "表四行政诉讼（未经复议直接起诉、复议后起诉）总计"
    group, outcome = subject.split(".")
    ref = CellRef("t4", "all", f"{group}_{outcome}")
    label = t4_group_label(group)
    word = T4_OUTCOME_WORDS[outcome]
    return {_n(report.cells.get(ref))}, (ref,), f"表四{label}“{word}”"


# ---------------------------------------------------------------- completeness


def _edition(report: Report) -> list[Issue]:
    if not report.year:
        return []
    expected = edition_for_year(report.year)
    if report.edition == expected:
        return []
    return [
        Issue(
            "EDITION",
            Severity.WARNING,
            f"{report.year}年度报告应使用{expected}年版模板，当前为{report.edition}年版",
            field="edition",
        )
    ]


_NOTHING = re.compile(r"^(本(行政)?机关|我(局|单位|委|办))?(暂)?无(其他需要报告的事项)?$")


def _says_nothing(text: str) -> bool:
    return bool(_NOTHING.match(re.sub(r"[\s。.，,、；;：:！!]", "", text)))


MIN_PROBLEMS_CHARS = 20


def _missing(report: Report, edition: Edition) -> list[Issue]:
    def warn(message: str, field: str = "", cells: tuple[CellRef, ...] = ()) -> Issue:
        return Issue("MISSING", Severity.WARNING, message, cells, field=field)

    issues = []
    if not report.agency.strip():
        issues.append(warn("未填写机关名称", "agency"))
    if not report.year:
        issues.append(warn("未填写报告年度", "year"))
    if report.issue_date is None:
        issues.append(warn("未填写成文日期（落款日期）", "issue_date"))
    for key in REQUIRED_SECTIONS:
        if not report.sections.get(key, "").strip():
            issues.append(warn(f"{SECTION_TITLES[key]}尚未填写", f"sections.{key}"))
    problems = report.sections.get("problems", "").strip()
    if problems and (_says_nothing(problems) or len(problems) < MIN_PROBLEMS_CHARS):
        issues.append(
            warn(
                f"{SECTION_TITLES['problems']}只有“{problems[:20]}”，应写明存在的问题和改进措施",
                "sections.problems",
            )
        )
    other = report.sections.get("other", "")
    if report.edition == EDITION_2021 and other.strip() and "信息处理费" not in other:
        issues.append(
            warn(
                "2021年版模板要求在第六部分报告收取信息处理费情况（如“本机关未收取信息处理费”）",
                "sections.other",
            )
        )
    for table in edition.tables:
        blank = tuple(
            c for c in edition.input_cells() if c.table == table.key and c not in report.cells
        )
        if blank:
            issues.append(
                warn(
                    f"{table.number}有{len(blank)}个单元格未填写（空白表示未填，没有的请填0）",
                    cells=blank,
                )
            )
    return issues


def _fee_text(report: Report) -> list[Issue]:
    if report.edition != EDITION_2021:
        return []
    ref = CellRef("t2", "fees", "fee_amount")
    fee = report.cells.get(ref)
    other = report.sections.get("other", "")
    if fee is None or fee <= 0 or not _says_nothing(other):
        return []
    return [
        Issue(
            "FEE-TEXT",
            Severity.WARNING,
            f"表二行政事业性收费为{format_value(fee)}万元，第六部分却写“{other.strip()}”，"
            "应说明收费情况",
            (ref,),
            field="sections.other",
        )
    ]


def _stale_year(report: Report) -> list[Issue]:
    if not report.year:
        return []
    issues = []
    texts = [("preamble", "前言", report.preamble)] + [
        (f"sections.{k}", SECTION_TITLES[k], report.sections.get(k, "")) for k in SECTION_KEYS
    ]
    for field, title, text in texts:
        for start, end, words in stale_year_spans(text, report.year):
            issues.append(
                Issue(
                    "STALE-YEAR",
                    Severity.WARNING,
                    f"{title}中“{words}”像是把上一年写成了本年度（本报告为{report.year}年度），"
                    "可能是沿用了去年的文字",
                    field=field,
                    span=(start, end),
                )
            )
    return issues


# ---------------------------------------------------------------- year to year


def _carry(
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


def _stock(report: Report, previous: Report) -> list[Issue]:
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
            expected = last + _n(issued) - _n(repealed)
            if now != expected:
                label = get_edition(report.edition).row(ref).label
                issues.append(
                    Issue(
                        "YEAR-STOCK",
                        Severity.WARNING,
                        f"表二{label}：现行有效件数为{now}，按上年{last}+本年制发{_n(issued)}"
                        f"−本年废止{_n(repealed)}应为{expected}",
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
            expected = last + _n(change)
            if now != expected:
                label = get_edition(report.edition).row(ref).label
                issues.append(
                    Issue(
                        "YEAR-STOCK",
                        Severity.WARNING,
                        f"表二{label}：上一年项目数量为{now}，按{previous.year}年度报告"
                        f"{last}{'+' if _n(change) >= 0 else '−'}{abs(_n(change))}应为{expected}",
                        (ref,),
                    )
                )
    return issues
