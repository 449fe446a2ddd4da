"""The report as an editable Word document (.docx), laid out as the PDF prints it.

For the office's OA and sealing workflow, which wants Word beside the PDF: the
same title (agency, then the year line), 一…六 headings, paragraphs with （一）
run-in headings in 楷体, the template's merged tables, page numbers "— N —"
(odd pages right, even left), A4 with the GB/T 9704 margins, and the closing
block.  Everything is real paragraphs and tables, nothing is an image.

Word cannot embed our bundled faces in a way every copy of Word and WPS honours,
so the document names the official faces (仿宋, 黑体, 楷体, 方正小标宋简体) as
East Asian fonts; a machine without one substitutes its own.  Also the input of
the importer's round-trip tests.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from export.pdf import (
    BODY_PT,
    LEADING,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_NO_PT,
    SUBHEADING,
    TITLE_PT,
)
from export.table_widths import CELL_PAD_PT, POINTS_PER_MM, column_widths_pt
from models import APP_NAME, APP_VERSION
from models.editions import SECTION_TABLES, CellRole, GridLayout, get_edition, label_breaks
from models.files import write_bytes_atomically
from models.report import SECTION_TITLES, Report
from models.totals import compute_totals, printed_value, shown_value
from models.validation import check

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.oxml.text.font import CT_RPr
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

# The official faces by role (GB/T 9704), as Word and WPS name them.
FACES = {"body": "仿宋", "heading": "黑体", "subheading": "楷体", "title": "方正小标宋简体"}
# Table type sizes as the PDF sets them: 五号 (10.5 pt), except 表三, which keeps to
# one page at 9 pt as the template does (its merged label column cannot break).
TABLE_PT = {"t2": 10.5, "t3": 9.0, "t4": 10.5}


def _twips(points: float) -> str:
    return str(round(points * 20))


def _set_fonts(r_pr: CT_RPr, face: str) -> None:
    """One face for every script of a run or style (w:eastAsia is the one CJK text uses)."""
    from docx.oxml.ns import qn

    fonts = r_pr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), face)
    fonts.set(qn("w:hint"), "eastAsia")


def _run(paragraph: Paragraph, text: str, face: str, size: float) -> None:
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    _set_fonts(run._r.get_or_add_rPr(), face)


def _paragraph(
    doc: WordDocument,
    *,
    indent: bool = True,
    align: str = "justify",
    line: float = LEADING,
) -> Paragraph:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    fmt.first_line_indent = Pt(2 * BODY_PT) if indent else Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line)
    fmt.space_before = fmt.space_after = Pt(0)
    return paragraph


def _set_page(doc: WordDocument) -> None:
    """A4, the GB/T 9704 margins, the foot number 7 mm under the text block."""
    from docx.shared import Mm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Pt(MARGIN_TOP)
    section.bottom_margin = Pt(MARGIN_BOTTOM)
    section.left_margin = Pt(MARGIN_LEFT)
    section.right_margin = Pt(MARGIN_RIGHT)
    section.header_distance = Mm(15)
    # The PDF sets the number's baseline 7 mm plus a line under the text block.
    section.footer_distance = Pt(MARGIN_BOTTOM - 7 * POINTS_PER_MM - PAGE_NO_PT - 4)


def _set_defaults(doc: WordDocument) -> None:
    """Body text: the 仿宋 face at 16 pt, Chinese language, for every new paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    r_pr = normal.element.get_or_add_rPr()
    _set_fonts(r_pr, FACES["body"])
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _field_run(paragraph: Paragraph, instruction: str, face: str, size: float) -> None:
    """A field (PAGE) as Word writes it: begin, instruction, separate, result, end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for kind in ("begin", "instr", "separate", "result", "end"):
        run = paragraph.add_run()
        run.font.size = Pt(size)
        _set_fonts(run._r.get_or_add_rPr(), face)
        if kind == "instr":
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = f" {instruction} "
            run._r.append(text)  # type: ignore[arg-type]  # lxml stubs: same class only
        elif kind == "result":
            run.text = "1"
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)  # type: ignore[arg-type]


def _page_numbers(doc: WordDocument, draft_errors: int) -> None:
    """ "— N —" at the foot, odd pages right and even left, one character in (GB/T 9704);
    a report with errors carries the draft line at the head of every page."""
    from docx.shared import Pt, RGBColor

    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        fmt = paragraph.paragraph_format
        fmt.alignment = {"right": 2, "left": 0}[align]  # WD_ALIGN_PARAGRAPH values
        fmt.first_line_indent = Pt(0)
        if align == "right":
            fmt.right_indent = Pt(PAGE_NO_PT)
        else:
            fmt.left_indent = Pt(PAGE_NO_PT)
        _run(paragraph, "— ", FACES["body"], PAGE_NO_PT)
        _field_run(paragraph, "PAGE", FACES["body"], PAGE_NO_PT)
        _run(paragraph, " —", FACES["body"], PAGE_NO_PT)
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        paragraph.paragraph_format.alignment = 1  # centre
        paragraph.paragraph_format.first_line_indent = Pt(0)
        if draft_errors:
            label = f"草稿 — 存在{draft_errors}处校验错误，仅供核对，不得作为正式报告印发"
            _run(paragraph, label, FACES["heading"], 10.5)
            for run in paragraph.runs:
                run.font.color.rgb = RGBColor(0xB3, 0x1A, 0x1A)


def _width(text: str, size: float) -> float:
    """Width of a label at ``size``: CJK and full-width characters are one em; others
    about half (an over-estimate, so Word never has to break inside a word itself)."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.6 for ch in text)


def _label_lines(text: str, width: float, size: float) -> list[str]:
    """A label's lines, broken only between its words (商业/企业, never 商业企/业)."""
    lines: list[str] = []
    line = ""
    for piece in label_breaks(text):
        if line and _width(line + piece, size) > width:
            lines.append(line)
            line = piece
        else:
            line += piece
    lines.append(line)
    return lines


def _cell_text(
    cell: _Cell, lines: list[str], face: str, size: float, align: str, keep: bool
) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(size * 1.25)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.keep_with_next = keep or None
    for i, line in enumerate(lines):
        if i:
            paragraph.add_run().add_break()  # a soft line break between words
        _run(paragraph, line, face, size)


def _table_properties(
    table: Table, grid: list[list[_Cell]], widths_pt: list[float], header_rows: int
) -> None:
    """Fixed column widths as the PDF's, centred, narrow cell margins, header rows
    repeated on a new page, and no row split across pages."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    margins: Any = OxmlElement("w:tblCellMar")  # lxml's stubs type it apart from python-docx's
    for side, points in (("top", 2), ("left", CELL_PAD_PT), ("bottom", 2.5), ("right", 2)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), _twips(points))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    tbl_pr.insert_element_before(
        margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange"
    )
    for column, width in zip(table.columns, widths_pt, strict=True):
        column.width = Pt(width)
    for row in grid:
        for cell, width in zip(row, widths_pt, strict=True):
            cell.width = Pt(width)
    for i, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if i < header_rows:
            tr_pr.append(OxmlElement("w:tblHeader"))


def _table(doc: WordDocument, report: Report, table_key: str) -> None:
    """The table merged as the template has it (the layouts the grid and PDF use)."""
    layout: GridLayout = get_edition(report.edition).layout(table_key)
    totals = compute_totals(report)
    widths = column_widths_pt(table_key, TABLE_PT[table_key])
    size = TABLE_PT[table_key]
    table = doc.add_table(rows=layout.n_rows, cols=layout.n_cols)
    table.style = "Table Grid"
    # Every cell once, before merging: python-docx's table.cell() walks the whole
    # table on each call (seconds for 表三).
    from docx.table import _Cell

    grid = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
    _table_properties(table, grid, widths, layout.header_rows)
    # The table stays whole on a page, 表二 block by block, as the PDF keeps them.
    starts = {c.row for c in layout.cells if c.role is CellRole.HEADING}
    for cell in layout.cells:
        target = grid[cell.row][cell.col]
        bottom = cell.row + cell.rowspan - 1
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(grid[bottom][cell.col + cell.colspan - 1])
        keep = bottom + 1 < layout.n_rows and bottom + 1 not in starts
        if cell.ref is not None:
            text = printed_value(report, cell.ref, shown_value(report, totals, cell.ref))
            _cell_text(target, [text], FACES["body"], size, "center", keep)
            continue
        text = cell.text
        if cell.unit_of is not None:
            text += f"（单位：{report.unit_of(cell.unit_of)}）"
        width = sum(widths[cell.col : cell.col + cell.colspan]) - 2 * CELL_PAD_PT - 1
        if cell.role is CellRole.HEADING:
            face, align = FACES["heading"], "center"
        elif cell.role in (CellRole.HEADER, CellRole.CORNER):
            face, align = FACES["body"], "center"
        else:
            face, align = FACES["body"], "left"
        _cell_text(target, _label_lines(text, width, size), face, size, align, keep)


def _text(doc: WordDocument, text: str) -> list[Paragraph]:
    """A section's text, paragraph by paragraph; a （一） run-in heading in 楷体."""
    out = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        paragraph = _paragraph(doc)
        if SUBHEADING.match(line):
            cut = line.find("。")
            head, rest = (
                (line, "")
                if cut < 0 or cut == len(line) - 1
                else (line[: cut + 1], line[cut + 1 :])
            )
            _run(paragraph, head, FACES["subheading"], BODY_PT)
            if rest:
                _run(paragraph, rest, FACES["body"], BODY_PT)
        else:
            _run(paragraph, line, FACES["body"], BODY_PT)
        out.append(paragraph)
    return out


def _outline(paragraph: Paragraph, level: int) -> None:
    """Word's navigation pane lists 一…六 (an outline level, not a restyled heading)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element: Any = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.insert_element_before(element, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _closing(doc: WordDocument, report: Report) -> None:
    """Three blank lines for signature and seal, then agency and date, right-aligned
    four characters in; kept on the page of the last paragraph above it."""
    from docx.shared import Pt

    date = report.issue_date
    lines = ["", "", "", report.agency or "（机关名称）"]
    # Without a date the PDF prints a blank "年 月 日" to write on; the Word copy
    # leaves it out (it is typed in Word), since an importer reading the copy back
    # would take the blank date for text of section 六.
    if date:
        lines.append(f"{date.year}年{date.month}月{date.day}日")
    for i, line in enumerate(lines):
        paragraph = _paragraph(doc, indent=False, align="right")
        paragraph.paragraph_format.right_indent = Pt(4 * BODY_PT)
        paragraph.paragraph_format.keep_with_next = i < len(lines) - 1
        if line:
            _run(paragraph, line, FACES["body"], BODY_PT)


def render_docx(report: Report) -> tuple[bytes, int]:
    """The report as the bytes of a .docx, and its number of errors (the draft line)."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    _set_page(doc)
    _set_defaults(doc)
    errors = len(check(report).errors)
    _page_numbers(doc, errors)
    props = doc.core_properties
    props.title, props.author = report.title, report.agency
    props.subject, props.keywords = "政府信息公开工作年度报告", "政府信息公开, 年度报告"
    props.comments = f"{APP_NAME} {APP_VERSION}"
    # The body of python-docx's template starts with one empty paragraph: none here.
    for element in list(doc.element.body):
        if element.tag.endswith("}p"):
            doc.element.body.remove(element)
    for i, line in enumerate((report.agency, report.title_after_agency)):
        title = _paragraph(doc, indent=False, align="center", line=TITLE_PT * 1.5)
        if i:
            title.paragraph_format.space_after = Pt(LEADING)
        if i == 0:
            _outline(title, 0)
        _run(title, line, FACES["title"], TITLE_PT)
    _text(doc, report.preamble)
    _text(doc, report.contact)
    last: list[Paragraph] = []
    for key, title_text in SECTION_TITLES.items():
        heading = _paragraph(doc)
        heading.paragraph_format.keep_with_next = True
        _outline(heading, 1)
        _run(heading, title_text, FACES["heading"], BODY_PT)
        last = _text(doc, report.sections.get(key, "")) or [heading]
        if key in SECTION_TABLES:
            # As the PDF: a heading never stays behind without its text or table;
            # the text flows on, the table (or 表二 block) moves whole to a new page.
            last[-1].paragraph_format.space_after = Pt(LEADING * 0.3)
            _table(doc, report, SECTION_TABLES[key])
            gap = _paragraph(doc, line=LEADING * 0.5)  # also keeps Word from joining tables
            last = [gap]
    # The signature block never stands alone on a page (GB/T 9704 7.3.5).
    last[-1].paragraph_format.keep_with_next = True
    _closing(doc, report)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue(), errors


def export_docx(report: Report, path: Path) -> int:
    """Write the report's .docx to ``path`` atomically (old file or new, never half);
    returns the number of errors, which the draft line at each page's head names."""
    data, errors = render_docx(report)
    write_bytes_atomically(Path(path), data)
    return errors


def build_docx(report: Report, path: Path) -> None:
    """The report as a Word document at ``path`` (the tests' and bench's name)."""
    export_docx(report, path)
