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
from models.values import convert_money, fit_money, format_value


def switch_money_unit(report: Report, ref: CellRef, unit: str) -> Report:
    """A copy of ``report`` whose money cell ``ref`` is counted in ``unit``."""
    old_unit = report.unit_of(ref)
    new = report.copy()
    new.units[str(ref)] = unit
    value = report.get(ref)
    if value is not None and unit != old_unit:
        amount = convert_money(Decimal(value), old_unit, unit)
        new.set(
            ref, fit_money(amount, unit, f"{format_value(value)}{old_unit}", f"（换算为{unit}后）")
        )
    return new


def switch_edition(report: Report, edition_key: str) -> tuple[Report, list[CellRef]]:
    """The report in another edition: cells with the same key carry over; the rest are listed."""
    target = get_edition(edition_key)
    new = report.copy()
    new.edition = edition_key
    new.cells = {ref: v for ref, v in report.cells.items() if target.has_cell(ref)}
    new.units = {k: u for k, u in report.units.items() if target.has_cell(CellRef.parse(k))}
    new.unread = {ref: why for ref, why in report.unread.items() if target.has_cell(ref)}
    new.blank_totals = frozenset(
        ref for ref in report.blank_totals if target.has_cell(ref) and target.is_derived(ref)
    )
    lost = [ref for ref in report.cells if not target.has_cell(ref)]
    return new, lost
