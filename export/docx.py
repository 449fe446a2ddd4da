"""The report as a Word document (.docx), tables merged as the template has them.

For clerks whose office wants the Word file beside the PDF, and as the input of
the importer's round-trip test and of the LibreOffice comparison in the bench.
"""

from __future__ import annotations

from pathlib import Path

from models.editions import SECTION_TABLES, get_edition
from models.report import SECTION_TITLES, Report
from models.totals import compute_totals, shown_value
from models.values import format_value


def build_docx(report: Report, path: Path) -> None:
    """The report as a Word document, tables merged as the template has them."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.add_heading(report.title, level=0)
    for line in (report.preamble + "\n" + report.contact).split("\n"):
        if line.strip():
            doc.add_paragraph(line.strip())
    totals = compute_totals(report)
    edition = get_edition(report.edition)
    for key, title in SECTION_TITLES.items():
        doc.add_heading(title, level=1)
        for line in report.sections.get(key, "").split("\n"):
            if line.strip():
                doc.add_paragraph(line.strip())
        if key in SECTION_TABLES:
            layout = edition.layout(SECTION_TABLES[key])
            table = doc.add_table(rows=layout.n_rows, cols=layout.n_cols)
            table.style = "Table Grid"
            for cell in layout.cells:
                target = table.cell(cell.row, cell.col)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(
                        table.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1)
                    )
                if cell.ref is None:
                    text = cell.text
                    if cell.unit_of is not None:
                        text += f"（单位：{report.unit_of(cell.unit_of)}）"
                else:
                    text = format_value(shown_value(report, totals, cell.ref))
                target.text = text
                for run in target.paragraphs[0].runs:
                    run.font.size = Pt(9)
    doc.add_paragraph(report.agency)
    if report.issue_date:
        date = report.issue_date
        doc.add_paragraph(f"{date.year}年{date.month}月{date.day}日")
    doc.save(str(path))
