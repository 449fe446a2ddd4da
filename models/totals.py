"""Derived totals: the one function the checks, the grid and the PDF all use.

A derived cell (表三's 总计 column and （七）总计 row, 表四's three 总计) is the sum
of its parts as the edition declares them.  A part's value is what the report
states for it, or, for a derived part with nothing stated, its own computed sum.
All-blank parts give a blank total: nothing filled in yet.
"""

from __future__ import annotations

import functools
from decimal import Decimal

from models.editions import EDITION_2021, CellRef, ValueKind, get_edition
from models.report import Report
from models.values import TEMPLATE_DECIMALS, Value, decimal_places, format_value


def compute_totals(report: Report) -> dict[CellRef, Value | None]:
    """Every derived cell of the report's edition → its computed value (None if blank)."""
    edition = get_edition(report.edition)
    computed: dict[CellRef, Value | None] = {}

    def effective(ref: CellRef) -> Value | None:
        if ref in report.cells:
            return report.cells[ref]
        if edition.is_derived(ref):
            return compute(ref)
        return None

    def compute(ref: CellRef) -> Value | None:
        if ref not in computed:
            rule = edition.defining_sum(ref)
            assert rule is not None
            values = [effective(p) for p in rule.parts]
            filled = [v for v in values if v is not None]
            computed[ref] = sum(filled) if filled else None
        return computed[ref]

    for ref in edition.cells():
        if edition.is_derived(ref):
            compute(ref)
    return computed


def effective(report: Report, totals: dict[CellRef, Value | None], ref: CellRef) -> Value | None:
    """A cell's value as the report reads: stated, else computed, else blank."""
    return report.cells[ref] if ref in report.cells else totals.get(ref)


def shown_value(report: Report, totals: dict[CellRef, Value | None], ref: CellRef) -> Value | None:
    """The figure every view shows for a cell (grid, PDF, Word, chart): a total as
    computed from its parts (a different stated total is an issue, not a figure),
    any other cell as filled in.  A total over a cell an import could not read is
    not known, so it shows blank: a partial sum would pass for the real one."""
    if get_edition(report.edition).is_derived(ref):
        if report.unread and ref in totals_over_unread(report):
            return None
        return totals.get(ref)
    return report.cells.get(ref)


def totals_over_unread(report: Report) -> frozenset[CellRef]:
    """The totals that add up, directly or through other totals, a cell the import
    could not read and the clerk has not filled in."""
    unread = unread_inputs(report)
    return derived_over(report.edition, unread) if unread else frozenset()


def unread_inputs(report: Report) -> frozenset[CellRef]:
    """Cells the import could not read and the clerk has not filled in; a total among
    them is no gap (the program computes it from its parts)."""
    if not report.unread:
        return frozenset()
    derived = get_edition(report.edition).is_derived
    return frozenset(r for r in report.unread if r not in report.cells and not derived(r))


@functools.lru_cache(maxsize=16)  # asked for every cell shown; unread cells rarely change
def derived_over(
    edition_key: str, unknown: frozenset[CellRef], stated: frozenset[CellRef] = frozenset()
) -> frozenset[CellRef]:
    """``unknown`` and every total over one of them, except totals in ``stated``
    (a published figure stands on its own)."""
    edition = get_edition(edition_key)
    found = set(unknown)
    changed = True
    while changed:  # a total may be a part of a later one: two or three passes
        changed = False
        for rule in edition.sums:
            if rule.target in found or rule.target in stated:
                continue
            if any(p in found for p in rule.parts):
                found.add(rule.target)
                changed = True
    return frozenset(found)


def printed_value(report: Report, ref: CellRef, value: Value | None) -> str:
    """A figure as the printout, the Word copy and the web page set it.

    Money in the 2021 template's 万元 keeps the decimals its header asks for
    ("保留4位小数"): 12.5 prints 12.5000, as the template's own examples do; more
    decimals entered print as entered.  Everything else prints as entered.
    """
    if value is None:
        return ""
    column = get_edition(report.edition).column(ref)
    if (
        isinstance(value, Decimal)
        and column.kind is ValueKind.MONEY
        and report.edition == EDITION_2021
        and report.unit_of(ref) == "万元"
    ):
        places = max(TEMPLATE_DECIMALS, decimal_places(value))
        return f"{value.quantize(Decimal(1).scaleb(-places)):f}"
    return format_value(value)
