"""Turn what a clerk types or pastes into a cell value, or refuse it with a reason.

Accepted: half- and full-width digits, thousands separators ("1,577,961"), spaces,
a trailing unit that fits the column (件/项/… for counts; 元/万元 for money, with
conversion between the two), a sign only where the column allows it, decimals
only for money (at most 4 places, as ``Decimal``).  An empty entry is *blank*
(not filled in), which is not the same as 0.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from models.editions import Column, ValueKind

Value = int | Decimal

# 万元 before 元, so that "5万元" is not read as "5万" + "元".
MONEY_UNITS_ORDERED = ("万元", "元")
COUNT_UNITS = ("件", "项", "个", "起", "条", "份", "次", "人", "家")
MAX_DECIMALS = 4
# Far above any real figure (a province's 处理决定数量 is in the millions); a
# longer number is a paste slip and would overflow the printed cell.
MAX_DIGITS = 12

_MINUS = "-－−–—"  # ASCII, full-width, minus sign, en and em dash
# ASCII digits only: NFKC has folded full-width ones; "²" or "٣" stay refused.
_NUMBER = re.compile(r"^([+-]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.([0-9]*))?$")


class EntryError(ValueError):
    """A refused entry; ``str()`` is the Chinese message to show the clerk."""


def _normalise(text: str) -> str:
    # NFKC folds full-width digits, letters, comma and period to ASCII.
    text = unicodedata.normalize("NFKC", text)
    for ch in _MINUS:
        text = text.replace(ch, "-")
    text = text.replace("，", ",").replace("。", ".").replace("．", ".")
    return "".join(ch for ch in text if not ch.isspace())


def _split_unit(text: str, column: Column) -> tuple[str, str]:
    """Separate a trailing unit word from the number."""
    units = MONEY_UNITS_ORDERED if column.kind is ValueKind.MONEY else COUNT_UNITS
    for unit in units:
        if text.endswith(unit):
            return text[: -len(unit)], unit
    return text, ""


def expected_text(column: Column, unit: str = "") -> str:
    """What the column takes, in words, for messages and tooltips."""
    if column.kind is ValueKind.COUNT:
        return "不小于0的整数"
    if column.kind is ValueKind.SIGNED_COUNT:
        return "整数（减少用负数，如 -8）"
    return f"金额（单位：{unit or column.unit}，最多{MAX_DECIMALS}位小数）"


def parse_value(text: str, column: Column, unit: str = "") -> Value | None:
    """Parse one entry for ``column``; ``unit`` is the report's unit for money columns.

    Returns None for a blank entry.  Raises ``EntryError`` with a Chinese message.
    """
    unit = unit or column.unit
    cleaned = _normalise(text)
    if cleaned == "":
        return None
    number, typed_unit = _split_unit(cleaned, column)
    expected = expected_text(column, unit)
    if number == "":
        raise EntryError(f"“{text.strip()}”里没有数字，请填写{expected}")
    match = _NUMBER.match(number)
    if not match or (match.group(2) is None and not match.group(3)):
        if re.search(r"\d", number) and re.search(r"\d,|,\d", number):
            raise EntryError(f"“{text.strip()}”的千位分隔符位置不对，请填写{expected}")
        raise EntryError(f"“{text.strip()}”不是数字，请填写{expected}")
    sign, whole, fraction = match.group(1), (match.group(2) or "0"), match.group(3)
    whole = whole.replace(",", "")
    if len(whole.lstrip("0")) > MAX_DIGITS:
        raise EntryError(f"“{text.strip()}”位数太多（超过{MAX_DIGITS}位），请检查")
    if column.kind is ValueKind.MONEY:
        return _money(sign, whole, fraction, typed_unit, unit, text)
    if fraction is not None and fraction.strip("0") != "":
        raise EntryError(f"此栏只能填整数，“{text.strip()}”带有小数")
    value = int(whole)
    if sign == "-" and value != 0:
        if column.kind is ValueKind.COUNT:
            raise EntryError(f"此栏不能为负数（“{text.strip()}”），请填写{expected}")
        value = -value
    return value


def _money(
    sign: str, whole: str, fraction: str | None, typed_unit: str, unit: str, text: str
) -> Decimal:
    if sign == "-":
        raise EntryError(f"金额不能为负数（“{text.strip()}”）")
    try:
        amount = Decimal(f"{whole}.{fraction or '0'}")
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only digits
        raise EntryError(f"“{text.strip()}”不是金额") from exc
    if typed_unit and typed_unit != unit:
        amount = amount / Decimal(10000) if unit == "万元" else amount * Decimal(10000)
    amount = amount.normalize()
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > MAX_DECIMALS:
        converted = f"（换算为{unit}后为 {amount:f}）" if typed_unit and typed_unit != unit else ""
        raise EntryError(f"金额最多保留{MAX_DECIMALS}位小数{converted}，单位为{unit}")
    return amount.quantize(Decimal(1)) if exponent > 0 else amount


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
