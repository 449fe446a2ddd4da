"""Rectangular blocks of text copied from Excel/WPS, to and from a table's cells.

``plan_paste`` turns tab-separated text and an anchor position into the cell
changes to make, or refuses the whole block with a message naming the first
cell that does not fit: nothing is ever half-pasted.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from models.editions import CellRef, CellRole, GridLayout, get_edition
from models.report import Report
from models.totals import compute_totals
from models.values import EntryError, Value, format_value, parse_value

MAX_PASTE_CELLS = 10_000
MAX_PASTE_CHARS = 1_000_000


class PasteError(ValueError):
    """The block cannot be pasted; ``str()`` is the Chinese message."""


@dataclass(frozen=True)
class PasteRange:
    top: int
    left: int
    bottom: int
    right: int


def parse_block(text: str) -> list[list[str]]:
    """Tab-separated lines → rows of cells (the trailing line break Excel adds is dropped)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


def _plain(text: str) -> str:
    # Copies from WPS/Excel may carry half-width brackets or stray spaces.
    return "".join(unicodedata.normalize("NFKC", text).split())


def format_block(rows: list[list[str]]) -> str:
    return "".join("\t".join(row) + "\n" for row in rows)


def plan_paste(
    report: Report,
    layout: GridLayout,
    text: str,
    top: int,
    left: int,
    fill: PasteRange | None = None,
) -> dict[CellRef, Value | None]:
    """The changes a paste at (top, left) makes, or PasteError.

    A single value pasted while several cells are selected (``fill``) goes into
    each selected cell that takes input, as spreadsheets do.  Totals in the
    block are not written (the program computes them) but must agree with what
    the pasted figures add up to.
    """
    if len(text) > MAX_PASTE_CHARS:  # refused before it is split into cells
        raise PasteError("剪贴板内容太多，不像是从本表复制的数据")
    block = parse_block(text)
    if not block:
        raise PasteError("剪贴板里没有可粘贴的内容")
    if sum(len(r) for r in block) > MAX_PASTE_CELLS:
        raise PasteError("剪贴板内容太多，不像是从本表复制的数据")
    edition = get_edition(report.edition)
    if len(block) == 1 and len(block[0]) == 1 and fill is not None:
        targets = [
            (r, c, block[0][0])
            for r in range(fill.top, fill.bottom + 1)
            for c in range(fill.left, fill.right + 1)
            if (cell := layout.at(r, c)) is not None and cell.role is CellRole.VALUE
        ]
    else:
        targets = [
            (top + i, left + j, value) for i, row in enumerate(block) for j, value in enumerate(row)
        ]
    changes: dict[CellRef, Value | None] = {}
    totals_to_match: list[tuple[CellRef, str, int, int]] = []
    for r, c, raw in targets:
        where = f"粘贴内容第{r - top + 1}行第{c - left + 1}列"
        if r >= layout.n_rows or c >= layout.n_cols:
            raise PasteError(
                f"{where}超出了表格范围（粘贴区域为{len(block)}行×{max(map(len, block))}列）"
            )
        cell = layout.covering(r, c)
        if cell is None or cell.ref is None:
            if raw.strip() and (cell is None or _plain(raw) != _plain(cell.text)):
                raise PasteError(f"{where}落在表头或栏目名称上，不能粘贴“{raw.strip()}”")
            continue
        if cell.role is CellRole.DERIVED:
            if raw.strip():
                totals_to_match.append((cell.ref, raw, r, c))
            continue
        if (cell.row, cell.col) != (r, c):
            continue  # the covered part of a merged value cell
        column = edition.column(cell.ref)
        try:
            changes[cell.ref] = parse_value(raw, column, report.unit_of(cell.ref))
        except EntryError as exc:
            raise PasteError(f"{where}（{edition.cell_name(cell.ref)}）：{exc}") from exc
    if totals_to_match:
        after = report.copy()
        for ref, value in changes.items():
            after.set(ref, value)
        totals = compute_totals(after)
        for ref, raw, r, c in totals_to_match:
            where = f"粘贴内容第{r - top + 1}行第{c - left + 1}列"
            try:
                stated = parse_value(raw, edition.column(ref))
            except EntryError as exc:
                raise PasteError(f"{where}（{edition.cell_name(ref)}）：{exc}") from exc
            computed = totals.get(ref)
            if stated != (computed or 0):
                raise PasteError(
                    f"{where}是“{edition.cell_name(ref)}”（自动计算），粘贴的是{format_value(stated)}，"
                    f"而分项合计为{format_value(computed or 0)}；请核对后再粘贴"
                )
    return changes
