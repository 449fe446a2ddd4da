"""表三 rows that lost one value in the copy: the readings the table's own sums allow.

A copy of a PDF table often drops one cell of every row (seed 002: six numbers for
seven columns).  The last number is the row's 总计; the lost one may have stood in
any of the six applicant columns, and its value is what the 总计 leaves over.  Each
row so has up to six readings; the column sums (（七）总计 = its parts, 一 + 二 =
（七）总计 + 四) rule out readings that contradict the rows read in full.  A cell is
placed only when every reading left gives it the same value — the 总计 column, and
applicant columns that are 0 in every reading — and listed with the reason otherwise.
"""

from __future__ import annotations

import itertools

from models.editions import CellRef, Edition

# Readings tried together at most (rows × their readings); beyond it, each row alone.
MAX_COMBINATIONS = 4096

Reading = tuple[int, ...]


def row_readings(values: list[int]) -> list[Reading]:
    """The full rows (all columns, 总计 last) that ``values`` (one short) can be."""
    *parts, total = values
    lost = total - sum(parts)
    if lost < 0:
        return []
    readings = {tuple([*parts[:gap], lost, *parts[gap:], total]) for gap in range(len(parts) + 1)}
    return sorted(readings)


def settle(
    edition: Edition,
    known: dict[str, Reading],
    short: dict[str, list[Reading]],
) -> tuple[dict[CellRef, int], dict[str, int]]:
    """The certain cells of the short rows, and each short row's count of readings left.

    ``known``: rows read in full (row key → values by column); ``short``: row key →
    its possible readings.
    """
    columns = [c.key for c in edition.table("t3").blocks[0].columns]
    rows = sorted(short)
    options = [short[r] for r in rows]
    combinations = 1
    for o in options:
        combinations *= len(o)
    if combinations <= MAX_COMBINATIONS:
        surviving = [
            dict(zip(rows, choice, strict=True))
            for choice in itertools.product(*options)
            if _consistent(edition, columns, {**known, **dict(zip(rows, choice, strict=True))})
        ]
    else:
        surviving = []
    if surviving:
        per_row = {r: sorted({s[r] for s in surviving}) for r in rows}
    else:
        # Too many to try, or none fits (the published table has a wrong sum):
        # each row on its own readings.
        per_row = {r: short[r] for r in rows}
    placed: dict[CellRef, int] = {}
    for row, readings in per_row.items():
        for i, column in enumerate(columns):
            values = {reading[i] for reading in readings}
            if len(values) == 1:
                placed[CellRef("t3", row, column)] = values.pop()
    return placed, {r: len(per_row[r]) for r in rows}


def _consistent(edition: Edition, columns: list[str], rows: dict[str, Reading]) -> bool:
    """Whether the column sums hold wherever every cell they need is known."""
    for rule in edition.sums:
        if rule.code != "T3-SUM":
            continue
        column = columns.index(rule.target.col)
        cells = [rule.target, *rule.parts]
        if not all(c.row in rows for c in cells):
            continue
        if rows[rule.target.row][column] != sum(rows[p.row][column] for p in rule.parts):
            return False
    needed = (*edition.balance_left, *edition.balance_right)
    if all(r in rows for r in needed):
        for i in range(len(columns)):
            left = sum(rows[r][i] for r in edition.balance_left)
            if left != sum(rows[r][i] for r in edition.balance_right):
                return False
    return True
