"""What a clerk types or pastes becomes a value, or a Chinese reason it cannot."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.editions import CellRef, get_edition
from models.values import EntryError, format_value, parse_value

E = get_edition("2019")
COUNT = E.column(CellRef("t2", "penalty", "decisions"))
SIGNED = E.column(CellRef("t2", "penalty", "change"))
MONEY = E.column(CellRef("t2", "procurement", "amount"))


@pytest.mark.parametrize(
    ("text", "column", "unit", "expected"),
    [
        ("1,577,961", COUNT, "", 1577961),
        ("１２３", COUNT, "", 123),
        (" 32 项", COUNT, "", 32),
        ("7件", COUNT, "", 7),
        ("0", COUNT, "", 0),
        ("3.0", COUNT, "", 3),
        ("-25", SIGNED, "", -25),
        ("－２", SIGNED, "", -2),
        ("+3", SIGNED, "", 3),
        ("20,635.42", MONEY, "万元", Decimal("20635.42")),
        ("159334 元", MONEY, "万元", Decimal("15.9334")),
        ("159334 元", MONEY, "元", Decimal("159334")),
        ("2.5万元", MONEY, "元", Decimal("25000")),
        ("227.3466", MONEY, "万元", Decimal("227.3466")),
        ("１，０００", COUNT, "", 1000),
        ("", COUNT, "", None),
        ("   ", COUNT, "", None),
    ],
)
def test_accepted(text: str, column, unit: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert parse_value(text, column, unit) == expected


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [
        ("-3", COUNT, "不能为负数"),
        ("3.5", COUNT, "只能填整数"),
        ("2 千余条", COUNT, "不是数字"),
        ("abc", COUNT, "不是数字"),
        ("1,57", COUNT, "千位分隔符"),
        ("12,34,567", COUNT, "千位分隔符"),
        ("件", COUNT, "没有数字"),
        ("5 元", COUNT, "不是数字"),
        ("-1", MONEY, "不能为负数"),
        ("0.1234567", MONEY, "最多保留6位小数"),
        ("0.001元", MONEY, "换算为万元后"),
        ("1" * 13, COUNT, "位数太多"),
    ],
)
def test_refused_with_a_chinese_reason(text: str, column, words: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(EntryError) as info:
        parse_value(text, column)
    assert words in str(info.value)


def test_format_round_trips() -> None:
    for text, column in [("227.3466", MONEY), ("-25", SIGNED), ("1577961", COUNT)]:
        assert format_value(parse_value(text, column)) == text
    assert format_value(None) == ""


@pytest.mark.parametrize(
    ("text", "column", "unit", "words"),
    [
        ("0" * 4301, COUNT, "", "最多64个"),
        ("1" * 60, COUNT, "", "位数太多"),
        ("①", COUNT, "", "不是数字"),
        ("²", COUNT, "", "不是数字"),
        ("⁵", SIGNED, "", "不是数字"),
        ("𝟗", COUNT, "", "不是数字"),
        ("٣", COUNT, "", "不是数字"),
        ("1 2 3", COUNT, "", "中间有空格"),
        ("5\r\n6", COUNT, "", "中间有空格"),
        ("999999999999万元", MONEY, "元", "换算为元后"),
        ("1e5", COUNT, "", "科学计数法"),
        ("1e1000000", MONEY, "万元", "科学计数法"),
        ("1.234", MONEY, "元", "最多保留2位小数"),
    ],
)
def test_refused_before_it_can_do_harm(text: str, column, unit: str, words: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(EntryError) as info:
        parse_value(text, column, unit)
    assert words in str(info.value)


@pytest.mark.parametrize(
    ("text", "column", "unit", "expected"),
    [
        ("  1,577,961  ", COUNT, "", 1577961),
        ("32 项", COUNT, "", 32),
        ("159334 元", MONEY, "元", Decimal("159334")),
        ("99999999万元", MONEY, "元", Decimal("999999990000")),
        ("1.23", MONEY, "元", Decimal("1.23")),
        ("５\n", COUNT, "", 5),
    ],
)
def test_still_accepted(text: str, column, unit: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert parse_value(text, column, unit) == expected
