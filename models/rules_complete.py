"""Rules of completeness: the edition fits the year (EDITION), nothing left blank or
empty that the report needs (MISSING)."""

from __future__ import annotations

import re

from models.editions import (
    EDITION_2021,
    CellRef,
    Edition,
    edition_for_year,
)
from models.issues import Issue, Severity
from models.report import REQUIRED_SECTIONS, SECTION_TITLES, Report


def edition_issues(report: Report) -> list[Issue]:
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


# How real reports speak of the 信息处理费 (the 2021 template's note under 六):
# "本机关未收取信息处理费", "未收取信息公开处理费", "未发生收费情况",
# "不存在收费", "无收费事项", "收取信息处理费0元", "未收取任何费用" …
# A list of the 行政事业性收费 collected ("驾驶许可证考试费63690元；…", seed 002)
# is not: the note asks for the 信息处理费 of the Regulation.
_FEE_WORDS = re.compile(r"处理费|收费|收取[^。；;，,]{0,8}?费用?")


def speaks_of_fees(text: str) -> bool:
    """Whether 六 reports on fees at all, in any of the phrasings real reports use."""
    return _FEE_WORDS.search(text) is not None


def says_nothing(text: str) -> bool:
    return bool(_NOTHING.match(re.sub(r"[\s。.，,、；;：:！!]", "", text)))


MIN_PROBLEMS_CHARS = 20


def missing_issues(report: Report, edition: Edition) -> list[Issue]:
    def warn(message: str, field: str = "", cells: tuple[CellRef, ...] = ()) -> Issue:
        return Issue("MISSING", Severity.WARNING, message, cells, field=field)

    issues = []
    # A part the published copy does not contain is not the report's omission.
    absent = report.unread_fields
    if not report.agency.strip():
        issues.append(warn("未填写机关名称", "agency"))
    if not report.year:
        issues.append(warn("未填写报告年度", "year"))
    if report.issue_date is None and "issue_date" not in absent:
        issues.append(warn("未填写成文日期（落款日期）", "issue_date"))
    for key in REQUIRED_SECTIONS:
        if f"sections.{key}" in absent:
            continue
        if not report.sections.get(key, "").strip():
            issues.append(warn(f"{SECTION_TITLES[key]}尚未填写", f"sections.{key}"))
    problems = report.sections.get("problems", "").strip()
    if problems and (says_nothing(problems) or len(problems) < MIN_PROBLEMS_CHARS):
        issues.append(
            warn(
                f"{SECTION_TITLES['problems']}只有“{problems[:20]}”，应写明存在的问题和改进措施",
                "sections.problems",
            )
        )
    other = report.sections.get("other", "")
    if report.edition == EDITION_2021 and other.strip() and not speaks_of_fees(other):
        issues.append(
            warn(
                "2021年版模板要求在第六部分报告收取信息处理费情况（如“本机关未收取信息处理费”）",
                "sections.other",
            )
        )
    for table in edition.tables:
        blank = tuple(
            c
            for c in edition.input_cells()
            if c.table == table.key and c not in report.cells and c not in report.unread
        )
        if blank:
            issues.append(
                warn(
                    f"{table.number}有{len(blank)}个单元格未填写（空白表示未填，没有的请填0）",
                    cells=blank,
                )
            )
    return issues
