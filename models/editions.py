"""The two editions of the annual report's tables: what everything else reads.

Everything that draws or checks a table (the grid, the PDF, the checks, the
importers) reads it from here: tables → blocks → rows and columns, each with a
stable key and its exact Chinese label, the kind of value it holds, which cells
are derived totals, the sums that define those totals, and the merged header
layout of the printed template.

An ``Edition`` puts one template's tables together with the look-ups on them
(a cell's column, row, name, defining sum; every value cell in reading order),
built once per edition.  The parts live by job: the types in
``table_types.py``, the templates' data (tables, labels, sums) in
``templates.py``, the printed layouts in ``layouts.py``.  Their public names
are importable from here too, so a caller needs one import line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from models.label_breaks import label_breaks
from models.table_types import (
    MONEY_UNITS,
    Block,
    CellRef,
    CellRole,
    Column,
    GridCell,
    GridLayout,
    Row,
    Sum,
    Table,
    ValueKind,
)
from models.templates import (
    EDITION_2019,
    EDITION_2021,
    EDITION_TITLES,
    EDITIONS,
    SECTION_TABLES,
    STOCK_ROWS_2019,
    STOCK_ROWS_2021,
    T2_CHANGE,
    T2_FEE,
    T2_IN_FORCE,
    T2_ISSUED,
    T2_PREV_ITEMS,
    T2_PROCUREMENT_ITEMS,
    T2_REPEALED,
    T3_APPLICANT_COLS,
    T3_APPLICANTS,
    T3_CARRIED,
    T3_CARRY_FORWARD,
    T3_CORNER,
    T3_LEGAL,
    T3_NEW,
    T3_OUTCOME_EXCLUDED,
    T3_RESULTS_TOTAL,
    T4_GROUPS,
    T4_LITIGATION,
    T4_OUTCOME_WORDS,
    T4_OUTCOMES,
    T4_REVIEW,
    T4_SUBGROUP_LABELS,
    TABLE_SECTIONS,
    edition_sums,
    edition_tables,
    t2_cell,
    t3_cell,
    t3_outcome_rows,
    t4_cell,
    t4_group_label,
)

__all__ = [
    "EDITIONS",
    "EDITION_2019",
    "EDITION_2021",
    "EDITION_TITLES",
    "MONEY_UNITS",
    "SECTION_TABLES",
    "STOCK_ROWS_2019",
    "STOCK_ROWS_2021",
    "T2_CHANGE",
    "T2_FEE",
    "T2_IN_FORCE",
    "T2_ISSUED",
    "T2_PREV_ITEMS",
    "T2_PROCUREMENT_ITEMS",
    "T2_REPEALED",
    "T3_APPLICANTS",
    "T3_APPLICANT_COLS",
    "T3_CARRIED",
    "T3_CARRY_FORWARD",
    "T3_CORNER",
    "T3_LEGAL",
    "T3_NEW",
    "T3_OUTCOME_EXCLUDED",
    "T3_RESULTS_TOTAL",
    "T4_GROUPS",
    "T4_LITIGATION",
    "T4_OUTCOMES",
    "T4_OUTCOME_WORDS",
    "T4_REVIEW",
    "T4_SUBGROUP_LABELS",
    "TABLE_SECTIONS",
    "Block",
    "CellRef",
    "CellRole",
    "Column",
    "Edition",
    "GridCell",
    "GridLayout",
    "Row",
    "Sum",
    "Table",
    "ValueKind",
    "edition_for_year",
    "get_edition",
    "label_breaks",
    "t2_cell",
    "t3_cell",
    "t3_outcome_rows",
    "t4_cell",
    "t4_group_label",
]


def edition_for_year(year: int) -> str:
    """The edition in force for a report year: 2019–2020 → 2019, 2021 on → 2021."""
    return EDITION_2019 if year <= 2020 else EDITION_2021


@dataclass(frozen=True)
class Edition:
    key: str
    title: str
    tables: tuple[Table, ...]
    sums: tuple[Sum, ...] = field(default=())
    # 表三's printed 勾稽关系: left rows = right rows, per column.
    balance_left: tuple[str, ...] = ()
    balance_right: tuple[str, ...] = ()

    def table(self, key: str) -> Table:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)

    def column(self, ref: CellRef) -> Column:
        return _column_index(self.key)[ref]

    def row(self, ref: CellRef) -> Row:
        return _row_index(self.key)[(ref.table, ref.row)]

    def cells(self) -> tuple[CellRef, ...]:
        """Every value cell, in reading order (table, row, column)."""
        return _cell_list(self.key)

    def input_cells(self) -> tuple[CellRef, ...]:
        """Every cell the clerk fills in (not a computed total), in reading order."""
        return _input_cells(self.key)

    def is_derived(self, ref: CellRef) -> bool:
        return ref in _derived_targets(self.key)

    def defining_sum(self, ref: CellRef) -> Sum | None:
        """The sum that computes a derived cell (the first one declared for it)."""
        return _derived_targets(self.key).get(ref)

    def has_cell(self, ref: CellRef) -> bool:
        return ref in _column_index(self.key)

    def cell_name(self, ref: CellRef) -> str:
        """A readable Chinese name of a cell for messages, e.g. 表三 一、本年新收… / 自然人."""
        table = self.table(ref.table)
        row = self.row(ref)
        col = self.column(ref)
        if table.key == "t4":
            group = t4_group_label(ref.col.split("_")[0])
            return f"{table.number} {group} {col.label}"
        if table.key == "t3":
            return f"{table.number} {_t3_row_short(row)} / {col.label}"
        return f"{table.number} {row.label} / {col.label}"

    def layout(self, table_key: str) -> GridLayout:
        # layouts.py builds on Edition and get_edition, so it is imported here,
        # when a layout is first asked for, not when this module loads.
        from models.layouts import table_layout

        return table_layout(self.key, table_key)


def _t3_row_short(row: Row) -> str:
    # "三（三）1．属于国家秘密": the top-level number, then the sub-heading's number.
    if not row.path:
        return row.label
    top = row.path[0].split("、")[0] + "、" if "、" in row.path[0] else row.path[0]
    if len(row.path) == 1:
        return f"{top[:-1]}{row.label}"
    return f"{top[:-1]}{row.path[1][:3]}{row.label}"


def _build(key: str) -> Edition:
    tables = edition_tables(key)
    return Edition(
        key=key,
        title=EDITION_TITLES[key],
        tables=tables,
        sums=edition_sums(tables),
        balance_left=("new", "carried"),
        balance_right=("results_total", "carry_forward"),
    )


@cache
def get_edition(key: str) -> Edition:
    if key not in EDITIONS:
        raise KeyError(key)
    return _build(key)


@cache
def _column_index(edition: str) -> dict[CellRef, Column]:
    out = {}
    for table in get_edition(edition).tables:
        for block in table.blocks:
            for row in block.rows:
                for col in block.columns:
                    out[CellRef(table.key, row.key, col.key)] = col
    return out


@cache
def _row_index(edition: str) -> dict[tuple[str, str], Row]:
    return {(t.key, r.key): r for t in get_edition(edition).tables for r in t.rows()}


@cache
def _cell_list(edition: str) -> tuple[CellRef, ...]:
    return tuple(_column_index(edition))


@cache
def _input_cells(edition: str) -> tuple[CellRef, ...]:
    derived = _derived_targets(edition)
    return tuple(c for c in _cell_list(edition) if c not in derived)


@cache
def _derived_targets(edition: str) -> dict[CellRef, Sum]:
    out: dict[CellRef, Sum] = {}
    for s in get_edition(edition).sums:
        out.setdefault(s.target, s)
    return out
