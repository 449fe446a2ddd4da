"""Numbers as narratives write them: digits (with thousands separators, full-width
or not), Chinese numerals ("一件", "两起", "十二件", "一百零五件"), money and
percentages.  Pure parsing, no knowledge of the report."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}

# A count: digits (at most 12, as a cell holds; "1,577,961" with separators) or a
# run of Chinese numerals.  Never the tail of a longer number: not after a digit,
# "5.3" or "1,5", nor inside a run of numerals.
COUNT = (
    rf"(?<!\d[.,])(?<![\d{CN_NUMERAL_CHARS}])"
    rf"(\d{{1,3}}(?:,\d{{3}})+|\d{{1,12}}|[{CN_NUMERAL_CHARS}]{{1,8}})(?![\d.])"
)
# An amount of money or a percentage: digits with an optional fraction.
DECIMAL = r"(?<!\d[.,])(?<![\d])(\d{1,12}(?:\.\d{1,8})?)(?![\d.])"


def is_cn_numeral(text: str) -> bool:
    return bool(text) and all(ch in CN_NUMERAL_CHARS for ch in text)


def parse_count(text: str) -> int | None:
    """The whole number ``text`` writes, or None when it is not one ("一二")."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        digits = text.replace(",", "")
        return int(digits) if digits.isdigit() else None
    return _parse_cn(text)


def _parse_cn(text: str) -> int | None:
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for ch in text:
        if ch in _CN_DIGITS:
            if digit is not None:  # two digits in a row ("一二"): not a number
                return None
            digit = _CN_DIGITS[ch]
            if digit == 0:
                digit = None  # "一百零五": the 零 only marks a gap
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= last_unit:  # "十百", "百百": not a number
                return None
            total += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
        else:
            return None
    return total + (digit or 0)


def parse_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def decimals(value: Decimal) -> int:
    """Places after the point as written: 66.48 → 2, 20 → 0."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def agrees(stated: Decimal, actual: Decimal, places: int) -> bool:
    """A figure written to ``places`` decimals agrees with the exact one when it is
    the exact one rounded or cut off there (reports do both: 59/130 is printed
    45.3% as often as 45.4%)."""
    unit = Decimal(1).scaleb(-places)
    return abs(stated - actual) < unit
