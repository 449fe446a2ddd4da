"""A report switched to another edition, or a money cell to the other unit.

Edition: cells with the same key carry over, the rest are listed (the window
asks before dropping them).  Unit: the clerk chooses the unit a money column is
printed in; switching keeps every amount (5 万元 is 50000 元), computed with
Decimal arithmetic, and refuses a switch that needs more decimals than the new
unit allows.
"""

from __future__ import annotations

from decimal import Decimal

from models.editions import CellRef, get_edition
from models.report import Report
from models.values import MAX_DIGITS, EntryError, decimals_allowed, format_value

_YUAN_PER = {"元": Decimal(1), "万元": Decimal(10000)}


def convert_money(amount: Decimal, from_unit: str, to_unit: str) -> Decimal:
    """``amount`` in ``from_unit`` counted in ``to_unit``; EntryError if it does not fit."""
    converted = (amount * _YUAN_PER[from_unit] / _YUAN_PER[to_unit]).normalize()
    places = decimals_allowed(to_unit)
    exponent = converted.as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > places:
        raise EntryError(f"{format_value(amount)}{from_unit}换算为{to_unit}需要超过{places}位小数")
    if converted >= Decimal(10) ** MAX_DIGITS:
        raise EntryError(f"{format_value(amount)}{from_unit}换算为{to_unit}后超过{MAX_DIGITS}位")
    return converted.quantize(Decimal(1)) if exponent > 0 else converted


def switch_money_unit(report: Report, ref: CellRef, unit: str) -> Report:
    """A copy of ``report`` whose money cell ``ref`` is counted in ``unit``."""
    old_unit = report.unit_of(ref)
    new = report.copy()
    new.units[str(ref)] = unit
    value = report.get(ref)
    if value is not None and unit != old_unit:
        new.set(ref, convert_money(Decimal(value), old_unit, unit))
    return new


def switch_edition(report: Report, edition_key: str) -> tuple[Report, list[CellRef]]:
    """The report in another edition: cells with the same key carry over; the rest are listed."""
    target = get_edition(edition_key)
    new = report.copy()
    new.edition = edition_key
    new.cells = {ref: v for ref, v in report.cells.items() if target.has_cell(ref)}
    new.units = {k: u for k, u in report.units.items() if target.has_cell(CellRef.parse(k))}
    lost = [ref for ref in report.cells if not target.has_cell(ref)]
    return new, lost
