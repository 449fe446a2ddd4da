"""The merged layout of each table as printed, built from an edition's tables.

表二 is a run of blocks, each with its article heading and column header; 表三
has a three-row header and row labels nested up to three deep; 表四 a
three-row header over one row of values.  The grid and the PDF both draw a
table from its ``GridLayout``; ``Edition.layout`` is the way in.
"""

from __future__ import annotations

from functools import cache

from models.editions import Edition, get_edition
from models.table_types import CellRef, CellRole, GridCell, GridLayout
from models.templates import T3_APPLICANTS, T3_LEGAL, T4_LITIGATION, T4_REVIEW, T4_SUBGROUP_LABELS


def _value_cell(row: int, col: int, ref: CellRef, edition: Edition, span: int = 1) -> GridCell:
    role = CellRole.DERIVED if edition.is_derived(ref) else CellRole.VALUE
    return GridCell(row, col, role, ref=ref, colspan=span)


def _layout_t2(edition: Edition) -> GridLayout:
    table = edition.table("t2")
    width = 1 + max(len(b.columns) for b in table.blocks)
    cells: list[GridCell] = []
    r = 0
    for block in table.blocks:
        cells.append(GridCell(r, 0, CellRole.HEADING, block.heading, colspan=width))
        r += 1
        cells.append(GridCell(r, 0, CellRole.HEADER, "信息内容"))
        # The last column of a narrower block stretches to the table's width,
        # as the template draws it.
        for i, col in enumerate(block.columns):
            span = width - 1 - i if i == len(block.columns) - 1 else 1
            unit_of = CellRef("t2", block.rows[0].key, col.key) if col.unit_choices else None
            cells.append(
                GridCell(r, 1 + i, CellRole.HEADER, col.label, colspan=span, unit_of=unit_of)
            )
        r += 1
        for row in block.rows:
            cells.append(GridCell(r, 0, CellRole.ROW_LABEL, row.label))
            for i, col in enumerate(block.columns):
                span = width - 1 - i if i == len(block.columns) - 1 else 1
                cells.append(_value_cell(r, 1 + i, CellRef("t2", row.key, col.key), edition, span))
            r += 1
    return GridLayout(r, width, tuple(cells), header_rows=0, label_cols=1)


def _layout_t3(edition: Edition) -> GridLayout:
    table = edition.table("t3")
    block = table.blocks[0]
    cells: list[GridCell] = [
        GridCell(0, 0, CellRole.CORNER, table.corner, rowspan=3, colspan=3),
        GridCell(0, 3, CellRole.HEADER, T3_APPLICANTS, colspan=7),
        GridCell(1, 3, CellRole.HEADER, "自然人", rowspan=2),
        GridCell(1, 4, CellRole.HEADER, T3_LEGAL, colspan=5),
        GridCell(1, 9, CellRole.HEADER, "总计", rowspan=2),
    ]
    for i, col in enumerate(block.columns[1:6]):
        cells.append(GridCell(2, 4 + i, CellRole.HEADER, col.label))
    rows = block.rows
    first = 3
    # Row labels: a top-level label spans all three label columns unless it
    # has children; groups span the rows of their children.
    spans: dict[tuple[int, str], list[int]] = {}
    for i, row in enumerate(rows):
        for depth, label in enumerate(row.path):
            spans.setdefault((depth, label), []).append(first + i)
    for (depth, label), rows_of in spans.items():
        cells.append(GridCell(rows_of[0], depth, CellRole.ROW_LABEL, label, rowspan=len(rows_of)))
    for i, row in enumerate(rows):
        r = first + i
        depth = len(row.path)
        cells.append(GridCell(r, depth, CellRole.ROW_LABEL, row.label, colspan=3 - depth))
        for k, col in enumerate(block.columns):
            cells.append(_value_cell(r, 3 + k, CellRef("t3", row.key, col.key), edition))
    return GridLayout(first + len(rows), 10, tuple(cells), header_rows=3, label_cols=3)


def _layout_t4(edition: Edition) -> GridLayout:
    cells: list[GridCell] = [
        GridCell(0, 0, CellRole.HEADER, T4_REVIEW, colspan=5),
        GridCell(0, 5, CellRole.HEADER, T4_LITIGATION, colspan=10),
        GridCell(1, 5, CellRole.HEADER, T4_SUBGROUP_LABELS["direct"], colspan=5),
        GridCell(1, 10, CellRole.HEADER, T4_SUBGROUP_LABELS["after"], colspan=5),
    ]
    block = edition.table("t4").blocks[0]
    for i, col in enumerate(block.columns):
        if i < 5:
            cells.append(GridCell(1, i, CellRole.HEADER, col.label, rowspan=2))
        else:
            cells.append(GridCell(2, i, CellRole.HEADER, col.label))
        cells.append(_value_cell(3, i, CellRef("t4", "all", col.key), edition))
    return GridLayout(4, 15, tuple(cells), header_rows=3, label_cols=0)


@cache
def table_layout(edition_key: str, table_key: str) -> GridLayout:
    edition = get_edition(edition_key)
    builders = {"t2": _layout_t2, "t3": _layout_t3, "t4": _layout_t4}
    return builders[table_key](edition)
