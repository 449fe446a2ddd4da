"""What a check finds: issues (code, severity, cells or words, Chinese message), the
result of a whole check, and what each rule asks, in the clerk's words."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models.editions import CellRef
from models.values import Value, format_value


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
    "VAL": (
        "数字格式：件数为不小于0的整数，本年增/减可为负，金额精确到分"
        "（元2位、万元6位小数；2021年版模板要求万元保留4位小数）"
    ),
    "YEAR-CARRY": "上年结转 = 上年报告的结转下年度继续办理",
    "YEAR-STOCK": "存量 = 上年存量 + 本年增减",
    "TEXT-NUM": "正文中的数字与表格一致",
    "EDITION": "模板版本与报告年度相符",
    "MISSING": "必填内容已填写",
    "FEE-TEXT": "收取费用时第六部分不能写“无”",
    "STALE-YEAR": "正文没有把上一年写成本年度",
    "DEADLINE": "成文日期在报告年度次年的1月1日至1月31日之间（条例第四十九条：1月31日前公布）",
    "FEE-SUM": "第六部分列出的各项收费金额之和与表二“本年收费金额”一致",
    "FEE-NOTICE": "表三有“逾期未按收费通知要求缴纳费用”的申请时，第六部分应说明收取信息处理费情况",
    "DUP-TEXT": "正文不应一半以上照搬上年报告（数字、年份的变化不算不同）",
    "YOY-SPIKE": "主要数字与上年相比变化不超过5倍（两年都大于10时核对）",
    "UNIT-SLIP": "以万元为单位的金额没有误按元填写",
    "TOPICS": "2021年版：总体情况写明主动公开、依申请公开、政府信息管理、平台建设、监督保障五方面",
    "UNREAD": "导入时未能读出的单元格不按0计算，涉及它们的核对暂不进行",
    "BLANK-TOTAL": "发布的报告中总计不应为空（各项有数字时）",
}


def blank_as_zero(value: Value | None) -> Value:
    return 0 if value is None else value


def shown_number(value: Value | None) -> str:
    return format_value(blank_as_zero(value))
