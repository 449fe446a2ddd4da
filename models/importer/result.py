"""What an import gives back: the draft and where each cell came from, or why not.

``ImportResult`` lists the cells placed, the cells the text leaves blank and
the cells left blank because their place or value was not certain (with the
reason); ``ImporterError`` is an input the importer cannot use at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.editions import CellRef, get_edition
from models.report import Report


class ImporterError(ValueError):
    """An input the importer cannot use; ``str()`` is a Chinese message naming it."""


@dataclass
class ImportResult:
    report: Report
    placed: list[CellRef] = field(default_factory=list)
    blank: list[CellRef] = field(default_factory=list)  # the text has nothing there
    unplaced: dict[CellRef, str] = field(default_factory=dict)  # could not be sure: why
    notes: list[str] = field(default_factory=list)
    # "agency", "year": not found in the text nor given; the clerk must say.
    unsure: list[str] = field(default_factory=list)
    sections_seen: set[str] = field(default_factory=set)  # headings the text has
    cut_off: bool = False  # the text stops mid-sentence: the copy lost its end

    def unplaced_lines(self) -> list[str]:
        """Each cell left blank and why, in words: one line for a whole row that
        shares one reason, else one line a cell."""
        edition = get_edition(self.report.edition)
        by_row: dict[tuple[str, str], list[tuple[CellRef, str]]] = {}
        for ref, why in self.unplaced.items():
            by_row.setdefault((ref.table, ref.row), []).append((ref, why))
        lines = []
        for (table, row), cells in by_row.items():
            reasons = {why for _ref, why in cells}
            whole = len(cells) == len(edition.table(table).block_of_row(row).columns)
            if whole and len(reasons) == 1:
                name = edition.cell_name(cells[0][0]).rsplit(" / ", 1)[0]
                lines.append(f"未放入：{name}（整行）：{reasons.pop()}")
            else:
                lines += [f"未放入：{edition.cell_name(ref)}：{why}" for ref, why in cells]
        return lines

    def summary(self) -> str:
        return (
            f"已放入 {len(self.placed)} 个单元格；原文为空 {len(self.blank)} 个；"
            f"无法确定、已留空 {len(self.unplaced)} 个"
        )
