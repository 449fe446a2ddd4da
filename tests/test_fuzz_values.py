"""Fuzzing the cell parser: any text gives a value or a Chinese refusal, never another exception.

Whatever is accepted fits its column (12 digits at most, the unit's decimals) and
reads back the same from its own printed form.  The suite runs a few hundred
deterministic examples; ``make fuzz`` runs 10,000.
"""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import event, given, settings
from hypothesis import strategies as st

from models.editions import CellRef, Column, ValueKind, get_edition
from models.values import MAX_DIGITS, EntryError, decimals_allowed, format_value, parse_value
from tests.conftest import fuzz_examples

E = get_edition("2019")
COUNT = E.column(CellRef("t2", "penalty", "decisions"))
SIGNED = E.column(CellRef("t2", "penalty", "change"))
MONEY = E.column(CellRef("t2", "procurement", "amount"))
CASES = [(COUNT, ""), (SIGNED, ""), (MONEY, "万元"), (MONEY, "元")]
CHINESE = re.compile(r"[\u4e00-\u9fff]")

# What clerks type and paste, and what broke the parser before (issue 12).
PIECES = "0123456789０１２３４５６７８９,，.．。-－−+＋ 　\t\r\n元万项件个①²⁵𝟗٣eE"
HOSTILE = [
    "0" * 4301,
    "1" * 4400,
    "1e1000000",
    "1e999999999",
    "1e-100000",
    "999999999999万元",
    "1 2 3",
    "5\r\n6",
    "\ud800",
    "NaN",
    "Infinity",
    "-0",
    "1,577,961",
    "32 项",
    "159334 元",
]


def _numbers() -> st.SearchStrategy[str]:
    """Well-formed figures of every size, plain, grouped or with a unit."""
    whole = st.integers(min_value=-(10**15), max_value=10**15)
    return st.one_of(
        whole.map(str),
        whole.map(lambda n: f"{n:,}"),
        st.tuples(whole, st.sampled_from(["", " 件", "元", " 万元", "项"])).map(
            lambda p: f"{p[0]}{p[1]}"
        ),
        st.integers(0, 8)
        .flatmap(lambda places: st.decimals(allow_nan=False, allow_infinity=False, places=places))
        .map(lambda d: f"{d:f}"),
    )


ENTRIES = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=PIECES, max_size=30),
    _numbers(),
    st.sampled_from(HOSTILE),
    st.text(min_size=60, max_size=2000),
)


def _fits(value: int | Decimal, column: Column, unit: str) -> bool:
    if abs(value) >= 10**MAX_DIGITS:
        return False
    if column.kind is ValueKind.MONEY:
        exponent = Decimal(value).as_tuple().exponent
        return isinstance(exponent, int) and -exponent <= decimals_allowed(unit) and value >= 0
    return isinstance(value, int) and (column.kind is ValueKind.SIGNED_COUNT or value >= 0)


@settings(max_examples=fuzz_examples(400, 10_000), derandomize=True, deadline=None, database=None)
@given(ENTRIES, st.sampled_from(CASES))
def test_any_entry_gives_a_value_or_a_chinese_refusal(text: str, case: tuple[Column, str]) -> None:
    column, unit = case
    try:
        value = parse_value(text, column, unit)
    except EntryError as exc:
        message = str(exc)
        assert CHINESE.search(message) and len(message) < 300, message
        event("refused")
        return
    event("accepted")
    if value is None:
        assert text.strip() == ""
        return
    assert _fits(value, column, unit), (text, value)
    assert parse_value(format_value(value), column, unit) == value
