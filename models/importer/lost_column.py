"""表三 rows that lost one value in the copy: the readings the table's own sums allow.

A copy of a PDF table often drops one cell of every row (seed 002: six numbers for
seven columns).  If the last number is the row's 总计, the lost one stood in one of
the six applicant columns and its value is what the 总计 leaves over (a cell printed
blank there reads as 0, as the 总计 counts it); if the 总计 itself was lost, the row
is what it printed plus its sum.  Each row so has up to seven readings; the column
sums (（七）总计 = its parts, 一 + 二 = （七）总计 + 四), over the rows read in full
and the short rows together, rule out readings that contradict them.  A cell is
placed only when every reading left gives it the same value, and listed with the
reason otherwise.
"""

from __future__ import annotations

import itertools

from models.editions import CellRef, Edition

# Readings tried together at most (rows × their readings); beyond it, each row alone.
MAX_COMBINATIONS = 4096

# A row's values by column; None where the copy never printed it (a lost 总计).
Reading = tuple[int | None, ...]


def row_readings(values: list[int], total_may_be_lost: bool) -> list[Reading]:
    """The full rows (all columns, 总计 last) that ``values`` (one short) can be.

    ``total_may_be_lost``: whether the 总计 itself may be the value lost (then the row
    is what it printed, and its 总计 is not known: the program would compute it, the
    published figure is gone).  The caller decides for the whole table: where every
    short row's last number is exactly the sum of the others, that number is the
    row's 总计 in every row (a lost 总计 would make that a coincidence in each).
    """
    *parts, total = values
    readings: set[Reading] = {(*values, None)} if total_may_be_lost else set()
    lost = total - sum(parts)
    if lost >= 0:
        readings |= {(*parts[:gap], lost, *parts[gap:], total) for gap in range(len(parts) + 1)}
    return sorted(readings, key=lambda r: [-1 if v is None else v for v in r])


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
        per_row = {r: list({s[r] for s in surviving}) for r in rows}
    else:
        # Too many to try, or none fits (the published table has a wrong sum):
        # each row on its own readings.
        per_row = {r: short[r] for r in rows}
    placed: dict[CellRef, int] = {}
    for row, readings in per_row.items():
        for i, column in enumerate(columns):
            values = {reading[i] for reading in readings}
            value = values.pop() if len(values) == 1 else None
            if value is not None:
                placed[CellRef("t3", row, column)] = value
    return placed, {r: len(per_row[r]) for r in rows}


def _consistent(edition: Edition, columns: list[str], rows: dict[str, Reading]) -> bool:
    """Whether the column sums hold wherever every cell they need is known."""

    def known(cells: list[tuple[str, int]]) -> list[int] | None:
        values = [rows[row][i] if row in rows else None for row, i in cells]
        return None if any(v is None for v in values) else [v for v in values if v is not None]

    for rule in edition.sums:
        if rule.code != "T3-SUM":
            continue
        column = columns.index(rule.target.col)
        values = known([(c.row, column) for c in (rule.target, *rule.parts)])
        if values is not None and values[0] != sum(values[1:]):
            return False
    for i in range(len(columns)):
        left = known([(r, i) for r in edition.balance_left])
        right = known([(r, i) for r in edition.balance_right])
        if left is not None and right is not None and sum(left) != sum(right):
            return False
    return True
