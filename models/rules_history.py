"""Rules against last year's report that provincial reviews apply: the narrative
copied from last year's (DUP-TEXT) and a main figure that jumps or collapses
(YOY-SPIKE).  (上年结转 and 表二's stock rows are ``rules_years.py``.)

YOY-SPIKE compares the figures a reader and a reviewer compare year to year,
each once, in both editions alike:

- 表三 一、本年新收 (总计): the requests received.  Not （七）总计 of the results:
  it is 新收 + 上年结转 − 结转下年 and moves with 新收, so one change would be
  reported twice;
- 表四 行政复议 总计, and 行政诉讼 (未经复议直接起诉 + 复议后起诉): the cases;
- 表二 处理决定数量 of 行政许可, 行政处罚, 行政强制 (and 其他对外管理服务事项,
  edition 2019 only): the same column in both editions, and the one where a
  figure typed in the wrong row or with a digit too many shows;
- 表二 本年收费金额 (edition 2021), in 万元.

Not 表二's 规章 and 规范性文件 counts (a handful a year, rarely above 10) nor its
stock rows (YEAR-STOCK checks those exactly).  A figure is compared only when
both reports have every cell it is made of: the 2019 and 2021 editions share
the ones above but 其他对外管理服务事项 and the fee amount.
"""

from __future__ import annotations

from decimal import Decimal

from models.editions import (
    T2_FEE,
    T3_NEW,
    CellRef,
    get_edition,
    t2_cell,
    t3_cell,
    t4_cell,
)
from models.issues import Issue, Severity
from models.report import SECTION_KEYS, Report
from models.text_overlap import overlap
from models.totals import effective
from models.values import Value, convert_money, format_value

# ---------------------------------------------------------------- DUP-TEXT

# More than half of the narrative, as provincial reviews count it.
DUP_SHARE = 0.5
# Below this many characters of counted sentences there is too little text to
# call it copied (a report that says little says it alike every year).
DUP_MIN_CHARS = 100

_FIELDS = ("preamble", *(f"sections.{k}" for k in SECTION_KEYS))


def _narrative(report: Report) -> tuple[str, ...]:
    return (report.preamble, *(report.sections.get(k, "") for k in SECTION_KEYS))


def duplicate_text_issues(report: Report, previous: Report) -> list[Issue]:
    found = overlap(_narrative(report), _narrative(previous))
    if found.counted < DUP_MIN_CHARS or found.share <= DUP_SHARE:
        return []
    # Point at the text that repeats the most, at its first repeated sentence.
    index = max(range(len(_FIELDS)), key=lambda i: found.per_text[i][0])
    first = found.per_text[index][1]
    return [
        Issue(
            "DUP-TEXT",
            Severity.WARNING,
            f"正文有{found.share:.0%}与{previous.year}年度报告逐句相同（数字、年份的变化不算"
            "不同），省级考核会扣分：请按本年度的实际工作撰写",
            field=_FIELDS[index],
            span=(first.start, first.end) if first else None,
        )
    ]


# ---------------------------------------------------------------- YOY-SPIKE

SPIKE_FACTOR = 5
SPIKE_MIN = 10  # both years' figures must be above this: 1 → 6 is no spike

_FIGURES: tuple[tuple[str, tuple[CellRef, ...]], ...] = (
    ("表三“本年新收政府信息公开申请数量”总计", (t3_cell(T3_NEW),)),
    ("表四行政复议总计", (t4_cell("review"),)),
    ("表四行政诉讼总计（未经复议直接起诉与复议后起诉之和）", (t4_cell("direct"), t4_cell("after"))),
    ("表二行政许可处理决定数量", (t2_cell("licensing", "decisions"),)),
    ("表二其他对外管理服务事项处理决定数量", (t2_cell("other_services", "decisions"),)),
    ("表二行政处罚处理决定数量", (t2_cell("penalty", "decisions"),)),
    ("表二行政强制处理决定数量", (t2_cell("coercion", "decisions"),)),
    ("表二行政事业性收费本年收费金额（万元）", (T2_FEE,)),
)


def _figure(
    report: Report, totals: dict[CellRef, Value | None], cells: tuple[CellRef, ...]
) -> Value | None:
    """The figure's value in ``report``: None unless every cell it needs is there."""
    edition = get_edition(report.edition)
    total: Value = 0
    for ref in cells:
        if not edition.has_cell(ref):
            return None
        value = effective(report, totals, ref)
        if value is None:
            return None
        if isinstance(value, Decimal) and report.unit_of(ref) == "元":
            value = convert_money(value, "元", "万元")
        total += value
    return total


def spike_issues(
    report: Report,
    previous: Report,
    totals: dict[CellRef, Value | None],
    previous_totals: dict[CellRef, Value | None],
) -> list[Issue]:
    issues = []
    for name, cells in _FIGURES:
        now = _figure(report, totals, cells)
        last = _figure(previous, previous_totals, cells)
        if now is None or last is None or now <= SPIKE_MIN or last <= SPIKE_MIN:
            continue
        ratio = Decimal(now) / Decimal(last)
        if 1 / Decimal(SPIKE_FACTOR) <= ratio <= SPIKE_FACTOR:
            continue
        if ratio > 1:
            change = f"是上年的{ratio:.1f}倍" if ratio < 100 else f"是上年的{ratio:.0f}倍"
        else:
            change = f"仅为上年的{ratio * 100:.0f}%" if ratio >= Decimal("0.01") else "不到上年的1%"
        issues.append(
            Issue(
                "YOY-SPIKE",
                Severity.WARNING,
                f"{name}为{_shown(now)}，{previous.year}年度为{_shown(last)}，{change}："
                f"与上年相差超过{SPIKE_FACTOR}倍，请核对是否填错",
                cells,
            )
        )
    return issues


def _shown(value: Value) -> str:
    return format_value(value.normalize() if isinstance(value, Decimal) else value)
