"""The printed tables' column widths, shared by the PDF and the Word copy.

Pure numbers (no ReportLab, no python-docx), so either export reads them without
loading the other's library.  Widths fill the 156 mm text block of GB/T 9704.
表三's two narrow label columns are sized to their words at each type size: the
outer one holds "三、本年度" (5 characters) a line, the inner one "不予公开" (4), so
no word is broken inside (三、本年度/办理结果); the row labels take what is left.
"""

from __future__ import annotations

POINTS_PER_MM = 72 / 25.4
TEXT_W_PT = 156 * POINTS_PER_MM
CELL_PAD_PT = 2.0  # left and right padding of a table cell

# Column widths (mm); for 表三 only its figure columns, 自然人 the widest.
COLUMN_MM = {
    "t2": [52, 34.7, 34.7, 34.6],
    "t3": [12.6] + [11.4] * 5 + [11.6],
    "t4": [10.4] * 15,
}


def column_widths_pt(table_key: str, size: float) -> list[float]:
    """Each column's width in points, for a table set at ``size`` points."""
    figures = [w * POINTS_PER_MM for w in COLUMN_MM[table_key]]
    if table_key != "t3":
        return figures
    outer = 5 * size + 2 * CELL_PAD_PT + 1
    inner = 4 * size + 2 * CELL_PAD_PT + 1
    return [outer, inner, TEXT_W_PT - outer - inner - sum(figures), *figures]
