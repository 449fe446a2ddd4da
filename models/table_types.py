"""The parts a table of the annual report is made of, as types.

A table (表二/表三/表四) is blocks of rows sharing one column header; each value
cell is named by a ``CellRef`` (table, row, column keys); a ``Sum`` says which
cells add up to a derived total.  ``GridCell`` and ``GridLayout`` describe the
merged layout of a table as printed.  The data itself (both editions' tables,
labels and sums) is in ``templates.py``, the layouts in ``layouts.py``;
``editions.py`` puts them together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple


class ValueKind(StrEnum):
    COUNT = "count"  # whole number ≥ 0
    SIGNED_COUNT = "signed_count"  # whole number, may be negative (本年增/减)
    MONEY = "money"  # Decimal ≥ 0 to the fen (2 decimals in 元, 6 in 万元), in the column's unit


MONEY_UNITS = ("元", "万元")


class CellRef(NamedTuple):
    """One table cell: table key, row key, column key (e.g. t3 / new / natural)."""

    table: str
    row: str
    col: str

    def __str__(self) -> str:
        return f"{self.table}.{self.row}.{self.col}"

    @classmethod
    def parse(cls, text: str) -> CellRef:
        parts = text.split(".")
        if len(parts) != 3 or not all(parts):
            raise ValueError(text)
        return cls(*parts)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: ValueKind = ValueKind.COUNT
    unit: str = ""  # money: the default unit (元 or 万元)
    unit_choices: tuple[str, ...] = ()  # money: units the clerk may switch to
    derived: bool = False


@dataclass(frozen=True)
class Row:
    key: str
    label: str  # its own label, e.g. "1．属于国家秘密"
    path: tuple[str, ...] = ()  # the labels of the groups above it
    derived: bool = False


@dataclass(frozen=True)
class Block:
    """A run of rows sharing one column header (表二 has one per article)."""

    key: str
    heading: str  # e.g. "第二十条第（一）项"; empty for 表三/表四
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


class Sum(NamedTuple):
    """target = Σ parts; the rule code names the check that compares them."""

    code: str
    target: CellRef
    parts: tuple[CellRef, ...]


class CellRole(StrEnum):
    CORNER = "corner"
    HEADING = "heading"  # 表二 block heading (第二十条第（一）项)
    HEADER = "header"  # column header
    ROW_LABEL = "row_label"
    VALUE = "value"  # a cell the clerk fills in
    DERIVED = "derived"  # a total the program computes


@dataclass(frozen=True)
class GridCell:
    """One rectangle of the printed table: text or a value cell, with its span."""

    row: int
    col: int
    role: CellRole
    text: str = ""
    ref: CellRef | None = None
    rowspan: int = 1
    colspan: int = 1
    # A money column's header names its unit, which the report chooses.
    unit_of: CellRef | None = None


@dataclass(frozen=True)
class GridLayout:
    """The merged layout of one table as printed: the grid and the PDF draw this."""

    n_rows: int
    n_cols: int
    cells: tuple[GridCell, ...]
    header_rows: int  # rows to repeat when the table breaks across pages
    label_cols: int  # leading columns that hold row labels

    def at(self, row: int, col: int) -> GridCell | None:
        """The cell whose rectangle starts at (row, col), if any."""
        return self._origin_index().get((row, col))

    def covering(self, row: int, col: int) -> GridCell | None:
        """The cell whose rectangle covers (row, col)."""
        return self._cover_index().get((row, col))

    def position_of(self, ref: CellRef) -> tuple[int, int] | None:
        return self._ref_index().get(ref)

    # Indices are built lazily and cached on the frozen instance.
    def _origin_index(self) -> dict[tuple[int, int], GridCell]:
        return _cached(self, "_origin", lambda: {(c.row, c.col): c for c in self.cells})

    def _cover_index(self) -> dict[tuple[int, int], GridCell]:
        def build() -> dict[tuple[int, int], GridCell]:
            out = {}
            for c in self.cells:
                for r in range(c.row, c.row + c.rowspan):
                    for k in range(c.col, c.col + c.colspan):
                        out[(r, k)] = c
            return out

        return _cached(self, "_cover", build)

    def _ref_index(self) -> dict[CellRef, tuple[int, int]]:
        return _cached(self, "_refs", lambda: {c.ref: (c.row, c.col) for c in self.cells if c.ref})


def _cached[T](obj: object, name: str, build: Callable[[], T]) -> T:
    cache_dict: dict[str, Any] = obj.__dict__.setdefault("_index_cache", {})
    if name not in cache_dict:
        cache_dict[name] = build()
    built: T = cache_dict[name]  # each name is built by one caller, always the same type
    return built


@dataclass(frozen=True)
class Table:
    key: str  # t2 / t3 / t4
    number: str  # 表二
    section: str  # the section heading it belongs to
    blocks: tuple[Block, ...]
    corner: str = ""  # 表三's 勾稽关系 note

    def rows(self) -> tuple[Row, ...]:
        return tuple(r for b in self.blocks for r in b.rows)

    def block_of_row(self, row_key: str) -> Block:
        for b in self.blocks:
            if any(r.key == row_key for r in b.rows):
                return b
        raise KeyError(row_key)
