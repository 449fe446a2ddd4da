"""元 and 万元 switched exactly, or refused when the other unit cannot hold the amount."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.editions import CellRef, get_edition
from models.report import new_report
from models.switches import switch_edition, switch_money_unit
from models.values import EntryError, convert_money, fit_money


def test_amounts_are_converted_exactly() -> None:
    assert convert_money(Decimal("159334"), "元", "万元") == Decimal("15.9334")
    assert convert_money(Decimal("15.9334"), "万元", "元") == Decimal("159334")
    assert convert_money(Decimal("1.5"), "万元", "元") == Decimal("15000")


def test_a_switch_that_needs_more_decimals_is_refused() -> None:
    with pytest.raises(EntryError, match="小数"):
        fit_money(convert_money(Decimal("0.12345"), "元", "万元"), "万元", "0.12345元")


def test_switching_a_report_keeps_the_amount_and_the_original() -> None:
    report = new_report("某局", 2020, "2019")
    ref = CellRef("t2", "procurement", "amount")
    report.units[str(ref)] = "元"
    report.set(ref, Decimal("159334"))
    switched = switch_money_unit(report, ref, "万元")
    assert switched.get(ref) == Decimal("15.9334") and switched.unit_of(ref) == "万元"
    assert report.get(ref) == Decimal("159334") and report.unit_of(ref) == "元"


def test_an_edition_switch_keeps_the_cells_both_have_and_lists_the_rest() -> None:
    from tests.conftest import load_seed

    report = load_seed("003")  # edition 2019
    switched, lost = switch_edition(report, "2021")
    assert switched.edition == "2021" and report.edition == "2019"
    assert switched.get(CellRef("t3", "new", "natural")) == report.get(
        CellRef("t3", "new", "natural")
    )
    assert CellRef("t3", "other", "natural") in lost  # （六）其他处理 became three rows
    assert all(not get_edition("2021").has_cell(ref) for ref in lost)
