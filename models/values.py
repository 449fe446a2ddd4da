"""Turn what a clerk types or pastes into a cell value, or refuse it with a reason.

Accepted: half- and full-width digits (0–9, ０–９), thousands separators
("1,577,961"), spaces before and after the number and before its unit, a
trailing unit that fits the column (件/项/… for counts; 元/万元 for money, with
conversion between the two), a sign only where the column allows it, decimals
only for money (at most 4 places in 万元, 2 in 元, as ``Decimal``).  An empty
entry is *blank* (not filled in), which is not the same as 0.

Bounded before any parsing: at most 64 characters and 12 integer digits (also
after conversion to the report's unit).  Refused: other digit characters (①,
², ٣, 𝟗), exponents ("1e5"), and spaces inside the number ("1 2 3"), which are
more likely two figures run together than one.
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext

from models.editions import Column, ValueKind

Value = int | Decimal

# 万元 before 元, so that "5万元" is not read as "5万" + "元".
MONEY_UNITS_ORDERED = ("万元", "元")
COUNT_UNITS = ("件", "项", "个", "起", "条", "份", "次", "人", "家")
# Money is valid to the fen: 2 decimals in 元, 6 in 万元 (real reports print
# 5949.088667 万元).  The 2021 template's header asks for 4 in 万元; more is a
# warning of the rules (TEMPLATE_DECIMALS), never a refusal.
MAX_DECIMALS = 6
MAX_DECIMALS_YUAN = 2
TEMPLATE_DECIMALS = 4
# Far above any real figure (a province's 处理决定数量 is in the millions); a
# longer number is a paste slip and would overflow the printed cell.
MAX_DIGITS = 12
# A cell holds one figure; anything longer is refused before it is looked at,
# so that no pasted megabyte reaches int() or Decimal().
MAX_ENTRY_CHARS = 64

_MINUS = "-－−–—"  # ASCII, full-width, minus sign, en and em dash
# Full-width digits and punctuation become ASCII.  Nothing else is folded (no
# NFKC): it would turn ①, ² or 𝟗 into digits, and those are refused.
_FOLD = str.maketrans(
    {chr(ord("０") + i): str(i) for i in range(10)}
    | {ch: "-" for ch in _MINUS}
    | {"，": ",", "。": ".", "．": ".", "＋": "+"}
)
_NUMBER = re.compile(r"^([+-]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.([0-9]*))?$")
_EXPONENT = re.compile(r"^[+-]?[0-9.,]+[eE][+-]?[0-9]+$")


class EntryError(ValueError):
    """A refused entry; ``str()`` is the Chinese message to show the clerk."""


def _split_unit(text: str, column: Column) -> tuple[str, str]:
    """Separate a trailing unit word (and the spaces before it) from the number."""
    units = MONEY_UNITS_ORDERED if column.kind is ValueKind.MONEY else COUNT_UNITS
    for unit in units:
        if text.endswith(unit):
            return text[: -len(unit)].rstrip(), unit
    return text, ""


def decimals_allowed(unit: str) -> int:
    return MAX_DECIMALS_YUAN if unit == "元" else MAX_DECIMALS


def expected_text(column: Column, unit: str = "") -> str:
    """What the column takes, in words, for messages and tooltips."""
    if column.kind is ValueKind.COUNT:
        return "不小于0的整数"
    if column.kind is ValueKind.SIGNED_COUNT:
        return "整数（减少用负数，如 -8）"
    unit = unit or column.unit
    return f"金额（单位：{unit}，最多{decimals_allowed(unit)}位小数）"


def parse_value(text: str, column: Column, unit: str = "") -> Value | None:
    """Parse one entry for ``column``; ``unit`` is the report's unit for money columns.

    Returns None for a blank entry.  Raises ``EntryError`` with a Chinese message.
    """
    unit = unit or column.unit
    if len(text) > MAX_ENTRY_CHARS:
        raise EntryError(
            f"输入太长（{len(text)}个字符，一格最多{MAX_ENTRY_CHARS}个），请只填写一个数字"
        )
    shown = text.strip()
    if shown == "":
        return None
    number, typed_unit = _split_unit(shown.translate(_FOLD), column)
    expected = expected_text(column, unit)
    if number == "":
        raise EntryError(f"“{shown}”里没有数字，请填写{expected}")
    match = _NUMBER.match(number)
    if not match or (match.group(2) is None and not match.group(3)):
        if _NUMBER.match("".join(number.split())):
            # "1 2 3" or "5\r\n6" is more likely two figures run together than one.
            raise EntryError(f"“{shown}”中间有空格或换行，请只填写一个{expected}")
        if any(ch.isdigit() and not ch.isascii() for ch in number):
            raise EntryError(f"“{shown}”不是数字：请用0–9书写，①、²之类不算数字；请填写{expected}")
        if _EXPONENT.match(number):
            raise EntryError(f"“{shown}”是科学计数法，请写出完整的数字（{expected}）")
        if re.search(r"[0-9],|,[0-9]", number):
            raise EntryError(f"“{shown}”的千位分隔符位置不对，请填写{expected}")
        raise EntryError(f"“{shown}”不是数字，请填写{expected}")
    sign, whole, fraction = match.group(1), (match.group(2) or "0"), match.group(3)
    whole = whole.replace(",", "")
    if len(whole.lstrip("0")) > MAX_DIGITS:
        raise EntryError(f"“{shown}”位数太多（超过{MAX_DIGITS}位），请检查")
    if column.kind is ValueKind.MONEY:
        return _money(sign, whole, fraction, typed_unit, unit, shown)
    if fraction is not None and fraction.strip("0") != "":
        raise EntryError(f"此栏只能填整数，“{shown}”带有小数")
    value = int(whole)
    if sign == "-" and value != 0:
        if column.kind is ValueKind.COUNT:
            raise EntryError(f"此栏不能为负数（“{shown}”），请填写{expected}")
        value = -value
    return value


def _money(
    sign: str, whole: str, fraction: str | None, typed_unit: str, unit: str, shown: str
) -> Decimal:
    if sign == "-":
        raise EntryError(f"金额不能为负数（“{shown}”）")
    converted = bool(typed_unit) and typed_unit != unit
    amount = Decimal(f"{whole}.{fraction or '0'}")
    if converted:
        amount = convert_money(amount, typed_unit, unit)
    in_unit = f"（换算为{unit}后为 {amount.normalize():f}）" if converted else ""
    return fit_money(amount, unit, f"“{shown}”", in_unit)


_YUAN_PER = {"元": Decimal(1), "万元": Decimal(10000)}


def convert_money(amount: Decimal, from_unit: str, to_unit: str) -> Decimal:
    """``amount`` in ``from_unit`` counted in ``to_unit``, exactly (5 万元 = 50000 元)."""
    # An amount has at most 64 digits here, so 100 places never round.
    with localcontext() as context:
        context.prec = 100
        return (amount * _YUAN_PER[from_unit] / _YUAN_PER[to_unit]).normalize()


def fit_money(amount: Decimal, unit: str, what: str, note: str = "") -> Decimal:
    """``amount`` as stored in ``unit``, or EntryError: at most MAX_DIGITS whole digits
    and the decimals the unit allows. ``what`` names the amount, ``note`` may add how
    it was converted."""
    amount = amount.normalize()
    if amount >= Decimal(10) ** MAX_DIGITS:
        raise EntryError(f"{what}位数太多{note}，超过{MAX_DIGITS}位，请检查")
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int)
    places = decimals_allowed(unit)
    if -exponent > places:
        raise EntryError(f"金额最多保留{places}位小数{note}，单位为{unit}")
    return amount.quantize(Decimal(1)) if exponent > 0 else amount


def decimal_places(value: Value) -> int:
    """How many decimals an amount has (0 for a whole number)."""
    exponent = Decimal(value).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def check_value(value: object, column: Column) -> str | None:
    """Why a stored value does not fit its column (None if it fits). Used by VAL."""
    if column.kind is ValueKind.MONEY:
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            return "金额必须是数字"
        amount = Decimal(value)
        if amount < 0:
            return "金额不能为负数"
        exponent = amount.normalize().as_tuple().exponent
        if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
            return f"金额最多保留{MAX_DECIMALS}位小数"
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        return "必须是整数"
    if column.kind is ValueKind.COUNT and value < 0:
        return "不能为负数"
    return None


def format_value(value: Value | None) -> str:
    """How a value is shown in the grid and printed: plain digits, money as entered."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)
