"""The fee amounts section 六 states, for comparing them with 表二's 本年收费金额.

What is added up was decided from real texts.  In the 2021 edition 表二's
第二十条第（八）项 row is 行政事业性收费: the fees an agency levies under its
powers (seed 002, a county police bureau: 驾驶证工本费, 机动车号牌工本费, 考试费 …,
227.3466 万元).  The template's note under 六 asks for something else, the
信息处理费 of 《政府信息公开信息处理费管理办法》 charged to applicants, which is
almost always "未收取信息处理费" or "收取信息处理费0元".  So:

- an amount is a *fee item* when the words before it (in its own clause, after
  the previous amount) name a fee or an income ("考试费", "工本费",
  "国有资产处置收入", "行政事业性收费");
- amounts about the 信息处理费 (信息公开处理费, 处理费) are never fee items: a
  report that says "收取信息处理费0元" while 表二 shows 227 万元 of 行政事业性收费
  is right;
- money that is not a fee is left out: 经费, 资金, 预算, 投入, 支出, 补助, 奖励,
  采购, 罚款/罚没 (a report's 六 also speaks of its budget or procurement);
- rates ("100元/件", "每件100元", "收费标准为…") and approximate amounts ("约5万元", "200余万元")
  are not amounts collected;
- an item whose words say 共计/合计/总计/累计/共 … is a stated *total*; so is a
  single amount that names 行政事业性收费 or 收费金额.

One lone item ("如驾驶证工本费20元") is an example, not a list, and is never
compared; two or more items are a list and are added up.  Seed 002 itemises nine
amounts in 元 that add up to 1,703,466 元 = 170.3466 万元.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from models.values import convert_money

# Full-width digits and points, one character for one: spans stay where they are.
_FOLD = str.maketrans({chr(ord("０") + i): str(i) for i in range(10)} | {"．": "."})
# Digits with optional thousands separators and decimals, then 元 or 万元.  The
# look-behind keeps "1.5" from reading as "5"; bounded runs, no backtracking blow-up.
_AMOUNT = re.compile(
    r"(?<![\d.,])(\d{1,12}(?:,\d{3}){0,4}(?:\.\d{1,6})?)[ \t\u3000]{0,3}(万元|元)(?![/／每])"
)
# Clauses: an amount's words never reach back over a full stop, semicolon or line.
_CLAUSE_ENDS = "。；;！？!?\n"
_FEE = re.compile(r"费|收入")
# The 信息处理费 in its names (信息公开处理费, 政府信息公开信息处理费); 污水处理费 or
# 垃圾处理费 are real 行政事业性收费 and stay.
_NOT_A_FEE = re.compile(
    r"信息\S{0,4}处理费|公开处理费|经费|资金|预算|投入|支出|补助|补贴|奖励|采购|罚"
)
# Rates are not amounts collected: "收费标准为50元", "每件100元".
_RATE = re.compile(r"标准(?:为|是)?[:：]?$|每[^，,、]{0,4}$")
# An amount's own words are those after the last comma ("未收取信息处理费，收取
# 行政事业性收费227万元"), unless they name no fee ("…收费，共计227万元").
_COMMA = re.compile(r"[，,、]")
# "共" but not the one in 公共 (公共资源交易服务费).
_TOTAL = re.compile(r"(?<!公)共|合计|总计|累计|总额|总金额")
_NAMED_TOTAL = re.compile(r"行政事业性收费|收费金额")
_APPROXIMATE = re.compile(r"^约|(?:约|近|超过|超|逾|不足)\s*$")
_APPROXIMATE_AFTER = ("左右", "多", "余")
# A fee named as such, not just "费用" or "收费": only then may the clause around
# it speak of the 信息处理费 too ("未收取信息处理费，收取行政事业性收费227万元").
_NAMED_FEE = re.compile(r"行政事业性收费|(?<!收)费(?!用)|收入")
_CLAUSE_LOOKBACK = 100
# Leading item numbers and separators are not part of an item's words.
_LEAD = re.compile(
    r"^[\s，,、：:]*(?:[（(]?\d{1,2}[)）、.．]|[（(][一二三四五六七八九十]+[)）])?\s*"
)


@dataclass(frozen=True)
class FeeAmount:
    """One amount of money 六 states as collected: its words, value in 元, place."""

    words: str
    yuan: Decimal
    start: int  # where its words begin in the text
    end: int  # just after its unit
    total: bool
    # Half the last printed digit, in 元: how far the printed amount may be from the true one.
    rounding: Decimal


@dataclass(frozen=True)
class FeeStatement:
    items: tuple[FeeAmount, ...]
    totals: tuple[FeeAmount, ...]

    @property
    def itemised(self) -> bool:
        return len(self.items) >= 2

    @property
    def items_yuan(self) -> Decimal:
        return sum((i.yuan for i in self.items), Decimal(0))


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Where the clause holding ``text[hi]`` begins, if after ``lo``; else ``lo``."""
    return max(lo, *(text.rfind(end, lo, hi) + 1 for end in _CLAUSE_ENDS))


def yuan_to(amount: Decimal, unit: str) -> Decimal:
    return convert_money(amount, "元", unit)


# Checking runs on every keystroke; section 六 rarely changes.
@functools.lru_cache(maxsize=32)
def fee_statement(text: str) -> FeeStatement:
    """The fee items and stated totals of a section 六 text."""
    folded = text.translate(_FOLD)
    items: list[FeeAmount] = []
    totals: list[FeeAmount] = []
    words_from = 0  # where the next amount's words may begin: after the previous one
    for m in _AMOUNT.finditer(folded):
        # Looking back only to the previous amount (or a few words), the text is
        # read once however many amounts or clause ends it has.
        start = max(words_from, _clause_start(folded, words_from, m.start()))
        near_clause = _clause_start(folded, max(0, m.start() - _CLAUSE_LOOKBACK), m.start())
        words_from = m.end()
        words = folded[start : m.start()]
        near = _COMMA.split(words)[-1]
        if _FEE.search(near):
            start, words = m.start() - len(near), near
        lead = _LEAD.match(words)
        if lead:
            start, words = start + lead.end(), words[lead.end() :]
        if not _FEE.search(words) or any(
            p.search(words) for p in (_NOT_A_FEE, _RATE, _APPROXIMATE)
        ):
            continue
        # "…信息处理费管理办法》，本年度共收取费用0元": a bare 费用 in a clause about
        # the 信息处理费 is that fee (looked for nearby only, so that a clause of
        # thousands of amounts is still read in linear time).
        if not _NAMED_FEE.search(words) and _NOT_A_FEE.search(folded, near_clause, m.start()):
            continue
        if folded.startswith(_APPROXIMATE_AFTER, m.end()):
            continue
        number, unit = m.group(1).replace(",", ""), m.group(2)
        places = len(number.partition(".")[2])
        value = Decimal(number)
        amount = FeeAmount(
            words=folded[start : m.end()],
            yuan=convert_money(value, unit, "元"),
            start=start,
            end=m.end(),
            total=bool(_TOTAL.search(words)),
            rounding=convert_money(Decimal(5).scaleb(-places - 1), unit, "元"),
        )
        (totals if amount.total else items).append(amount)
    if len(items) == 1 and not totals and _NAMED_TOTAL.search(items[0].words):
        totals, items = items, []
    return FeeStatement(tuple(items), tuple(totals))
