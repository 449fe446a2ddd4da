"""Rules over the narrative: its figures against the tables (TEXT-NUM), a fee
reported as "无" (FEE-TEXT), last year's year written as this year's (STALE-YEAR).

TEXT-NUM: every figure ``models.narrative`` finds is compared with the readings
``models.claim_readings`` allows; a share ("占66.48%") with the count it is a
share of, over the totals the table and the text give; a list "其中…其它…"
with the total it claims to make up."""

from __future__ import annotations

from decimal import Decimal

from models.claim_readings import Reading, Totals, reading
from models.cn_numbers import agrees, decimals
from models.editions import (
    EDITION_2021,
    T2_FEE,
    T3_CARRIED,
    T3_NEW,
    T3_RESULTS_TOTAL,
    CellRef,
    t3_cell,
)
from models.issues import Issue, Severity, blank_as_zero, shown_number
from models.narrative import Claim, find_claims, stale_year_spans
from models.report import SECTION_KEYS, SECTION_TITLES, Report
from models.rules_complete import says_nothing
from models.totals import effective
from models.values import Value, format_value


def text_number_issues(report: Report, totals: Totals) -> list[Issue]:
    issues = []
    for key in SECTION_KEYS:
        for claim in find_claims(report.sections.get(key, ""), report.year or None):
            found = _claim_issue(report, totals, claim, SECTION_TITLES[key])
            if found is not None:
                message, cells = found
                issues.append(
                    Issue(
                        "TEXT-NUM",
                        Severity.WARNING,
                        message,
                        cells,
                        field=f"sections.{key}",
                        span=(claim.start, claim.end),
                    )
                )
    return issues


def _claim_issue(
    report: Report, totals: Totals, claim: Claim, title: str
) -> tuple[str, tuple[CellRef, ...]] | None:
    """The message and cells of a claim the tables (or the text itself) contradict."""
    if claim.subject == "parts":
        listed = sum(claim.parts, start=0)
        if listed == claim.number:
            return None
        return (
            f"{title}正文“{claim.words}”所列各项合计{shown_number(listed)}，"
            f"与总数{shown_number(claim.number)}不符",
            (),
        )
    if claim.subject.startswith("share."):
        return _share_issue(report, totals, claim, title)
    found = reading(report, totals, claim.subject, claim.number)
    if found is None or _fits(claim, found):
        return None
    if claim.subject.endswith(".not_upheld"):
        shown = "、".join(_shown(found))
        return f"{title}正文“{claim.words}”，而{found.what}为{shown}", found.cells
    if all(report.cells.get(c) is None and totals.get(c) is None for c in found.cells):
        shown = "空白（未填写）"
    else:
        shown = "、".join(_shown(found))
    stated = shown_number(claim.number)
    if claim.subject == "fee":
        stated += "万元"
    return f"{title}正文“{claim.words}”为{stated}，而{found.what}为{shown}", found.cells


def _shown(found: Reading) -> list[str]:
    return sorted({shown_number(v) for v in found.values}, key=lambda s: float(s))


def _fits(claim: Claim, found: Reading) -> bool:
    if isinstance(claim.number, Decimal):
        # Money as the text rounds it: "227.35万元" for 227.3466.
        places = decimals(claim.number)
        return any(agrees(claim.number, Decimal(v), places) for v in found.values)
    return claim.number in found.values


def _share_issue(
    report: Report, totals: Totals, claim: Claim, title: str
) -> tuple[str, tuple[CellRef, ...]] | None:
    """ "予以公开966件，占66.48%": a share of the results, of the new requests (with or
    without those carried over) or of a total the text states."""
    count, *stated = claim.parts
    new, carried, done = t3_cell(T3_NEW), t3_cell(T3_CARRIED), t3_cell(T3_RESULTS_TOTAL)
    carried_value = blank_as_zero(effective(report, totals, carried))
    bases: set[Value] = set(stated)
    for ref in (new, done):
        bases |= {v for v in (report.cells.get(ref), totals.get(ref)) if v is not None}
    bases |= {v + carried_value for v in (report.cells.get(new), totals.get(new)) if v is not None}
    shares = sorted(Decimal(count) * 100 / Decimal(b) for b in bases if b > 0)
    if not shares:
        return None
    percent = Decimal(claim.number)
    places = decimals(percent)
    if any(agrees(percent, s, places) for s in shares):
        return None
    shown = "、".join(dict.fromkeys(f"{s:.{max(places, 1)}f}%" for s in shares))
    return (
        f"{title}正文“{claim.words}”：{shown_number(count)}件按表三办理结果总计、新收申请数"
        f"（或正文所说的总数）算得的比例为{shown}，与所写的{format_value(percent)}%不符",
        (new, carried, done),
    )


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
