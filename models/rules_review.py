"""Rules the official requirements and provincial reviews add, on one report:
the date of issue (DEADLINE), the fees of section 六 against 表二 (FEE-SUM,
FEE-NOTICE), an amount typed in 元 where 万元 is asked (UNIT-SLIP) and the five
topics of section 一 (TOPICS).  Rules that need last year's report are in
``rules_history.py``.

UNIT-SLIP's thresholds come from real figures.  An amount in 元 typed into a
万元 cell is 10,000 times too large, so a threshold T 万元 far above any real
figure still catches every slip of a true amount of T 元 or more.  Three kinds of
agency, told by their names: a county-level department (县, 区, 旗, 镇, 乡, 街道,
a city bureau's 分局), any other department, and a government (人民政府, its
office, a 管委会 or 行政公署), whose report may add up all its units':

- 本年收费金额 (edition 2021).  Seed 002, a county-level city's police bureau
  (the agencies that collect the most 工本费 and 考试费 at that level): 227 万元;
  a city police bureau: 5,949 万元 (issue 13); 淮安市人民政府's consolidated 2024
  report (a PDF checked by hand for the corpus): 96,171.6 万元.  A district's
  污水处理费 can reach several thousand 万元.  Thresholds: 50,000 万元 (5 亿元) for a
  county-level department, 500,000 (50 亿元) for any other, 10,000,000
  (1,000 亿元, above any province's total) for a government.
- 采购总金额 (edition 2019, when kept in 万元).  Seeds 003 and 004, a city and a
  district police bureau: 20,635 and 21,672 万元; seeds 000 and 001, two district
  police branches: 15.9 and 42.2 万元.  Thresholds: 500,000 万元 (50 亿元),
  10,000,000 and 100,000,000 万元.

An amount with more than 2 decimals was never typed in 元 (元 stop at the fen),
so it is never a slip.  A 县级市 (卫辉市) cannot be told from a city by its name:
it gets the higher threshold, which can only miss a slip, never raise a false alarm.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from models.editions import (
    EDITION_2019,
    EDITION_2021,
    T2_FEE,
    CellRef,
    edition_for_year,
    get_edition,
    t3_cell,
)
from models.fee_items import FeeAmount, FeeStatement, fee_statement, yuan_to
from models.issues import Issue, Severity
from models.report import SECTION_TITLES, Report
from models.rules_complete import speaks_of_fees
from models.text_overlap import SENTENCE
from models.totals import effective
from models.values import Value, decimal_places, format_value

# ---------------------------------------------------------------- DEADLINE

# 条例 第四十九条: the report is published by 31 January of the following year.
DEADLINE_MONTH, DEADLINE_LAST_DAY = 1, 31


def deadline_issues(report: Report) -> list[Issue]:
    date = report.issue_date
    if date is None or not dt.MINYEAR <= report.year < dt.MAXYEAR:
        return []  # no date (or year) is MISSING's finding
    opens = dt.date(report.year + 1, DEADLINE_MONTH, 1)
    closes = dt.date(report.year + 1, DEADLINE_MONTH, DEADLINE_LAST_DAY)
    if opens <= date <= closes:
        return []
    shown = f"{date.year}年{date.month}月{date.day}日"
    if date < opens:
        why = f"早于{report.year}年度结束（年度报告应在{report.year + 1}年1月成文，总结全年工作）"
    else:
        why = f"晚于条例第四十九条规定的{report.year + 1}年1月31日（每年1月31日前公布上一年度报告）"
    return [
        Issue(
            "DEADLINE",
            Severity.WARNING,
            f"成文日期为{shown}，{why}，请核对",
            field="issue_date",
        )
    ]


# ---------------------------------------------------------------- FEE-SUM


def fee_sum_issues(report: Report) -> list[Issue]:
    """Fee amounts stated in 六 against 表二's 本年收费金额 (edition 2021 only:
    edition 2019's 表二 counts fee items, it states no amount)."""
    if report.edition != EDITION_2021:
        return []
    fee = report.cells.get(T2_FEE)
    if fee is None:
        return []  # a blank cell is MISSING's finding
    statement = fee_statement(report.sections.get("other", ""))
    counted = (*statement.totals, *statement.items) if statement.itemised else statement.totals
    if not counted:
        return []
    unit = report.unit_of(T2_FEE)
    table = Decimal(fee)
    # The table's last printed digit, and each stated amount's, may be rounded.
    slack = Decimal(5).scaleb(-decimal_places(table) - 1)
    readings = [(yuan_to(t.yuan, unit), yuan_to(t.rounding, unit)) for t in statement.totals]
    if statement.itemised:
        rounding = sum((i.rounding for i in statement.items), Decimal(0))
        readings.append((yuan_to(statement.items_yuan, unit), yuan_to(rounding, unit)))
    if any(abs(table - value) <= slack + rounding for value, rounding in readings):
        return []
    return [
        Issue(
            "FEE-SUM",
            Severity.WARNING,
            _fee_sum_message(statement, table, unit, readings[-1][0]),
            (T2_FEE,),
            field="sections.other",
            span=(min(a.start for a in counted), max(a.end for a in counted)),
        )
    ]


def _money(amount: Decimal) -> str:
    return f"{amount.normalize():f}"


def _fee_sum_message(statement: FeeStatement, table: Decimal, unit: str, stated: Decimal) -> str:
    if statement.itemised:
        what = f"第六部分列出的{len(statement.items)}项收费合计{_money(stated)}{unit}"
        if unit == "万元":
            what += f"（{_money(statement.items_yuan)}元）"
        if statement.totals:
            what += f"，写明的合计为{_totals(statement.totals, unit)}"
    else:
        what = f"第六部分写明的收费金额为{_totals(statement.totals, unit)}"
    return (
        f"{what}，而表二行政事业性收费“本年收费金额”为{format_value(table)}{unit}，"
        f"相差{_money(abs(table - stated))}{unit}，请核对"
    )


def _totals(totals: tuple[FeeAmount, ...], unit: str) -> str:
    return "、".join(f"{_money(yuan_to(t.yuan, unit))}{unit}" for t in totals)


# ---------------------------------------------------------------- FEE-NOTICE

# 表三（六）2 of the 2021 edition: 申请人逾期未按收费通知要求缴纳费用.
T3_FEE_NOTICE_ROW = "other_2"


def fee_notice_issues(report: Report, totals: dict[CellRef, Value | None]) -> list[Issue]:
    if report.edition != EDITION_2021:
        return []
    other = report.sections.get("other", "")
    if speaks_of_fees(other):
        return []
    edition = get_edition(report.edition)
    cells = []
    count = 0
    for col in edition.table("t3").blocks[0].columns:
        ref = t3_cell(T3_FEE_NOTICE_ROW, col.key)
        value = effective(report, totals, ref)
        if value is not None and value > 0:
            cells.append(ref)
            count = max(count, int(value))  # 总计 when filled in, else the largest part
    if not cells:
        return []
    return [
        Issue(
            "FEE-NOTICE",
            Severity.WARNING,
            f"表三（六）2“申请人逾期未按收费通知要求缴纳费用”有{count}件，说明本年发出过"
            f"信息处理费收费通知，{SECTION_TITLES['other']}却没有说明收取信息处理费的情况",
            tuple(cells),
            field="sections.other",
        )
    ]


# ---------------------------------------------------------------- UNIT-SLIP

PROCUREMENT_AMOUNT = CellRef("t2", "procurement", "amount")
COUNTY, DEPARTMENT, GOVERNMENT = "县级机关", "一个部门", "一级政府"
# (cell, edition, threshold in 万元 by kind of agency)
_SLIP_LIMITS = (
    (
        T2_FEE,
        EDITION_2021,
        {COUNTY: Decimal(50_000), DEPARTMENT: Decimal(500_000), GOVERNMENT: Decimal(10**7)},
    ),
    (
        PROCUREMENT_AMOUNT,
        EDITION_2019,
        {COUNTY: Decimal(500_000), DEPARTMENT: Decimal(10**7), GOVERNMENT: Decimal(10**8)},
    ),
)
# A government's report may sum its units' figures.
_GOVERNMENT = re.compile(r"人民政府|政府办公|管理委员会|管委会|行政公署")
# A county-level department by its name: a county, district, banner, town,
# township or sub-district, or a city bureau's 分局.  Not 自治区 (a province), 地区
# (a prefecture), 镇江 (a city), 城乡 (住房和城乡建设局, at every level) nor 乡村.
_COUNTY_LEVEL = re.compile(r"县|(?<!自治)(?<!地)区|旗|镇(?!江)|(?<!城)乡(?!村)|街道|分局")
# 元 stop at the fen: an amount with more decimals was typed in 万元.
_YUAN_DECIMALS = 2


def agency_kind(agency: str) -> str:
    if _GOVERNMENT.search(agency):
        return GOVERNMENT
    return COUNTY if _COUNTY_LEVEL.search(agency) else DEPARTMENT


def unit_slip_issues(report: Report) -> list[Issue]:
    issues = []
    kind = agency_kind(report.agency)
    edition = get_edition(report.edition)
    for ref, edition_key, limits in _SLIP_LIMITS:
        value = report.cells.get(ref)
        if report.edition != edition_key or value is None or report.unit_of(ref) != "万元":
            continue
        limit = limits[kind]
        if value < limit or decimal_places(value) > _YUAN_DECIMALS:
            continue
        issues.append(
            Issue(
                "UNIT-SLIP",
                Severity.WARNING,
                f"{edition.cell_name(ref)}为{format_value(value)}万元"
                f"（{_in_yi(Decimal(value))}），超过{kind}的常见规模"
                f"（{_money(limit / 10_000)}亿元）：是否把以元为单位的金额填进了万元栏？"
                f"若以元计，应为{_money(Decimal(value) / 10_000)}万元",
                (ref,),
            )
        )
    return issues


def _in_yi(wan: Decimal) -> str:
    """A slip's amount in 亿元, as a clerk would say it (2,273,466 万元 → 约227.3亿元)."""
    return f"约{wan / 10_000:.1f}亿元"


# ---------------------------------------------------------------- TOPICS

# Section 一 of the 2021 edition covers five topics.  Real reports head them
# "（一）主动公开情况", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开
# 平台建设" (also "信息规范公开平台建设情况", "政府公开平台建设"), "（五）监督保障"
# (with 工作考核、社会评议和责任追究), or speak of them without headings.  A
# topic counts as covered when any of its usual words occurs: the rule asks
# whether a topic is missing, not how it is phrased.  Measured on the corpus
# (tests/fixtures/real, topics checked by hand):
# - 政府信息管理 includes the rules for what is published: 保密审查, 发布审核,
#   公开属性 (t09's "保密审查制度"); a 政务公开制度 named in passing is not it (t12);
# - a 网站 or 专栏 named only as the channel of 主动公开 ("通过区政府信息公开网站共
#   公开信息314条", "根据区政府信息公开专栏目录") is not the platform topic (t11,
#   t09); 平台 named at all is ("网络平台", t10);
# - 监督保障 is 监督, 考核, 评议, 责任追究; a training meeting alone is not (t09),
#   nor the stock phrase "保障人民群众的知情权、参与权和监督权" (t12).
TOPICS = (
    ("主动公开", re.compile(r"主动公开")),
    ("依申请公开", re.compile(r"依申请|申请公开|公开申请")),
    ("政府信息管理", re.compile(r"信息(?:公开)?管理|公开管理|信息资源|保密审查|发布审核|公开属性")),
    (
        "平台建设",
        re.compile(r"平台|新媒体|公众号|(?:网站|专栏)(?:建设|管理|维护|运维|改版|集约)"),
    ),
    ("监督保障", re.compile(r"监督|保障|考核|评议|责任追究")),
)
# Phrases that use the words of a topic without speaking of it.
_STOCK_PHRASES = re.compile(r"监督权|保障[^。；;，,]{0,10}?(?:知情权|权益|权利)")
# A sentence that names 总体情况 lists the report's parts ("本报告由总体情况、主动
# 公开政府信息情况、收到和处理政府信息公开申请情况……组成"): it covers no topic
# (t13, t17: section 一 is that sentence alone).
_LISTS_PARTS = "总体情况"


def missing_topics(text: str) -> list[str]:
    """The five topics the text does not speak of, in the template's order."""
    said = "。".join(m.group(0) for m in SENTENCE.finditer(text) if _LISTS_PARTS not in m.group(0))
    said = _STOCK_PHRASES.sub("", said)
    return [name for name, pattern in TOPICS if pattern.search(said) is None]


def topics_issues(report: Report) -> list[Issue]:
    # A 2020 report printed in the 2021 edition's tables is EDITION's finding: the
    # five topics are asked of reports from 2021 on.
    if report.edition != EDITION_2021 or edition_for_year(report.year) != EDITION_2021:
        return []
    overview = report.sections.get("overview", "")
    if not overview.strip():
        return []  # an empty section is MISSING's finding
    missing = missing_topics(overview)
    if not missing:
        return []
    if len(missing) == len(TOPICS):
        what = "五方面都没有写到"
    else:
        what = "没有写到" + "".join(f"“{name}”" for name in missing)
    return [
        Issue(
            "TOPICS",
            Severity.WARNING,
            f"{SECTION_TITLES['overview']}{what}：2021年版模板要求总体情况写明主动公开、"
            "依申请公开、政府信息管理、政府信息公开平台建设、监督保障五方面的情况",
            field="sections.overview",
        )
    ]
