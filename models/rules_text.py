"""Rules over the narrative: its figures against the tables (TEXT-NUM), a fee
reported as "无" (FEE-TEXT), last year's year written as this year's (STALE-YEAR)."""

from __future__ import annotations

from models.editions import (
    EDITION_2021,
    T2_FEE,
    T3_CARRIED,
    T3_CARRY_FORWARD,
    T3_NEW,
    T3_RESULTS_TOTAL,
    T4_OUTCOME_WORDS,
    CellRef,
    t3_cell,
    t4_cell,
    t4_group_label,
)
from models.issues import Issue, Severity, blank_as_zero, shown_number
from models.narrative import find_claims, stale_year_spans
from models.report import SECTION_KEYS, SECTION_TITLES, Report
from models.rules_complete import says_nothing
from models.totals import effective
from models.values import Value, format_value


def text_number_issues(report: Report, totals: dict[CellRef, Value | None]) -> list[Issue]:
    issues = []
    for key in SECTION_KEYS:
        for claim in find_claims(report.sections.get(key, "")):
            readings, cells, what = _readings(report, totals, claim.subject)
            if claim.number in readings:
                continue
            if all(report.cells.get(c) is None and totals.get(c) is None for c in cells):
                shown = "空白（未填写）"
            else:
                shown = "、".join(
                    sorted({shown_number(v) for v in readings}, key=lambda s: float(s))
                )
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
        new, carried = t3_cell(T3_NEW), t3_cell(T3_CARRIED)
        done, forward = (
            t3_cell(T3_RESULTS_TOTAL),
            t3_cell(T3_CARRY_FORWARD),
        )
        readings = both(new) | both(done)
        readings |= {a + blank_as_zero(effective(report, totals, carried)) for a in both(new)}
        readings |= {a + blank_as_zero(effective(report, totals, forward)) for a in both(done)}
        return readings, (new, carried, done, forward), "表三新收申请（或含上年结转、办理结果）"
    if subject == "review":
        ref = t4_cell("review")
        cells = tuple(t4_cell("review", k) for k in (*T4_OUTCOME_WORDS, "total"))
        return both(ref), cells, "表四行政复议总计"
    if subject == "litigation":
        direct, after = t4_cell("direct"), t4_cell("after")
        readings = both(direct) | both(after) | {a + b for a in both(direct) for b in both(after)}
        return readings, (direct, after), "表四行政诉讼（未经复议直接起诉、复议后起诉）总计"
    group, outcome = subject.split(".")
    ref = t4_cell(group, outcome)
    label = t4_group_label(group)
    word = T4_OUTCOME_WORDS[outcome]
    return {blank_as_zero(report.cells.get(ref))}, (ref,), f"表四{label}“{word}”"


def fee_text_issues(report: Report) -> list[Issue]:
    if report.edition != EDITION_2021:
        return []
    ref = T2_FEE
    fee = report.cells.get(ref)
    other = report.sections.get("other", "")
    if fee is None or fee <= 0 or not says_nothing(other):
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


def stale_year_issues(report: Report) -> list[Issue]:
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
