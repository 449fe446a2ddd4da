"""The printed report: a ReportLab PDF laid out after GB/T 9704 (党政机关公文格式).

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (text block
156 × 225 mm); title 22 pt in a 小标宋-style face, centred; body 16 pt 仿宋-style,
22 lines a page, first lines indented two characters; 一、 headings in 黑体,
（一） in 楷体; page numbers "— 1 —" at the foot, odd pages right, even left;
the closing block with agency and date, room above it for signature and seal.

The tables are drawn from the same merged layouts as the grid
(``models.editions``), with the totals of ``models.totals``.  A report with
errors is marked "草稿 — 存在N处校验错误" on every page.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

import reportlab.lib.textsplit as _rl_textsplit
import reportlab.platypus.paragraph as _rl_paragraph
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from export.fonts import register_fonts
from export.table_widths import CELL_PAD_PT, column_widths_pt
from models import APP_NAME, APP_VERSION
from models.editions import SECTION_TABLES, CellRole, GridLayout, get_edition, label_breaks
from models.files import write_bytes_atomically
from models.report import SECTION_TITLES, Report
from models.totals import compute_totals, printed_value, shown_value
from models.validation import check

PAGE_W, PAGE_H = A4
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
TEXT_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM  # 225 mm
BODY_PT = 16  # 三号
LEADING = TEXT_H / 22  # 22 lines a page
TITLE_PT = 22  # 二号
PAGE_NO_PT = 14  # 四号
# Tables are set at 五号 (10.5 pt), smaller than the body, and only as much smaller
# as a table needs to fit a page (表三 is one page in the template: its merged
# label column cannot break), never below 9 pt.
TABLE_PT_MAX, TABLE_PT_MIN, TABLE_PT_STEP = 10.5, 9.0, 0.5


SUBHEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
# Spaces between Chinese and digits (common in text copied out of PDFs) are
# not set in official documents, and they make ReportLab's CJK wrapping push
# a comma to the start of a line.
_LOOSE_SPACE = re.compile(
    rf"(?<=[{_CJK}])[ \t]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])[ \t]+(?=[{_CJK}])"
)


@dataclass(frozen=True)
class PdfResult:
    pages: int
    errors: int
    official_fonts: tuple[str, ...]  # roles printed in the machine's official fonts


class _NumberedDoc(BaseDocTemplate):
    """Counts pages and draws the foot number and the draft mark on each."""

    def __init__(
        self,
        buffer: io.BytesIO,
        fonts: dict[str, str],
        draft_errors: int,
        *,
        title: str,
        author: str,
        subject: str,
        creator: str,
        keywords: list[str],
    ) -> None:
        # The canvas's own starting font would otherwise be an unembedded Helvetica.
        super().__init__(
            buffer,
            pagesize=A4,
            initialFontName=fonts["body"],
            title=title,
            author=author,
            subject=subject,
            creator=creator,
            producer=f"{creator} (ReportLab)",
            keywords=keywords,  # joined with ", " in the PDF
        )
        self.fonts = fonts
        self.draft_errors = draft_errors
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, TEXT_W, TEXT_H, 0, 0, 0, 0, id="body")
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._decorate)])

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        if self.draft_errors:
            self._draft_mark(canvas)
        number = canvas.getPageNumber()
        text = f"— {number} —"
        canvas.setFont(self.fonts["body"], PAGE_NO_PT)
        y = MARGIN_BOTTOM - 7 * mm - PAGE_NO_PT
        # Odd pages on the right, even on the left, one character in (GB/T 9704).
        if number % 2:
            canvas.drawRightString(PAGE_W - MARGIN_RIGHT - PAGE_NO_PT, y, text)
        else:
            canvas.drawString(MARGIN_LEFT + PAGE_NO_PT, y, text)
        canvas.restoreState()

    def _draft_mark(self, canvas: Canvas) -> None:
        label = f"草稿 — 存在{self.draft_errors}处校验错误"
        canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.16))
        canvas.setFont(self.fonts["heading"], 40)
        canvas.translate(PAGE_W / 2, PAGE_H / 2)
        canvas.rotate(40)
        canvas.drawCentredString(0, 0, label)
        canvas.rotate(-40)
        canvas.translate(-PAGE_W / 2, -PAGE_H / 2)
        canvas.setFillColor(colors.Color(0.7, 0.1, 0.1))
        canvas.setFont(self.fonts["heading"], 10.5)
        canvas.drawCentredString(
            PAGE_W / 2, PAGE_H - 20 * mm, f"{label}，仅供核对，不得作为正式报告印发"
        )


def _styles(fonts: dict[str, str]) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=fonts["body"],
        fontSize=BODY_PT,
        leading=LEADING,
        firstLineIndent=2 * BODY_PT,
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
    )
    return {
        "body": body,
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=fonts["title"],
            fontSize=TITLE_PT,
            leading=TITLE_PT * 1.5,
            firstLineIndent=0,
            alignment=TA_CENTER,
            spaceAfter=LEADING,
        ),
        "heading": ParagraphStyle("heading", parent=body, fontName=fonts["heading"]),
        "closing": ParagraphStyle(
            "closing",
            parent=body,
            firstLineIndent=0,
            alignment=TA_RIGHT,
            rightIndent=4 * BODY_PT,
        ),
    }


# ReportLab's alignment codes: TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY.
_Alignment = Literal[0, 1, 2, 4]


def _cell_styles(fonts: dict[str, str], size: float) -> dict[str, ParagraphStyle]:
    def style(name: str, font: str, align: _Alignment) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=fonts[font],
            fontSize=size,
            leading=size * 1.25,
            alignment=align,
            wordWrap="CJK",
        )

    return {
        "cell": style("cell", "body", TA_LEFT),
        "number": style("number", "body", TA_CENTER),
        "header": style("header", "body", TA_CENTER),
        "block": style("block", "heading", TA_CENTER),
    }


# ReportLab's CJK line breaking keeps the marks in ALL_CANNOT_START off the start
# of a line, but its list (made for Japanese) lacks the Chinese full-width comma,
# colon, semicolon and friends; without them a line may begin with "，".
_CHINESE_CANNOT_START = "".join(
    ch for ch in "，。、；：？！）》」』】〕…—”’％" if ch not in _rl_textsplit.ALL_CANNOT_START
)
# Both splitters read the module's own copy: one for single-font paragraphs, one
# for mixed fonts (a 楷体 run-in heading).
# The stubs call the first Final and do not list the second (paragraph.py's own
# import of it); changing both is the point.
_rl_textsplit.ALL_CANNOT_START += _CHINESE_CANNOT_START  # type: ignore[misc]
_rl_paragraph.ALL_CANNOT_START += _CHINESE_CANNOT_START  # type: ignore[attr-defined]

_HALF_PUNCT = re.compile(rf"(?<=[{_CJK}])\s*([,;:!?])\s*|\s*([,;:!?])\s*(?=[{_CJK}])")
_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}


def _full_width_punctuation(text: str) -> str:
    """Half-width ,;:!? beside Chinese (text copied from web pages) as printed: full width.

    Official documents set Chinese punctuation full width, and ReportLab's CJK
    line breaking only keeps full-width marks off the start of a line.
    """
    return _HALF_PUNCT.sub(lambda m: _FULL[m.group(1) or m.group(2)], text)


def _paragraphs(
    text: str, styles: dict[str, ParagraphStyle], fonts: dict[str, str]
) -> list[Flowable]:
    """A section's text, paragraph by paragraph; （一） sub-headings set in 楷体."""
    out: list[Flowable] = []
    for raw in text.split("\n"):
        line = _full_width_punctuation(_LOOSE_SPACE.sub("", raw.strip()))
        if not line:
            continue
        match = SUBHEADING.match(line)
        if match:
            # A run-in heading ends at its first full stop; a short line is all heading.
            cut = line.find("。")
            head, rest = (
                (line, "")
                if cut < 0 or cut == len(line) - 1
                else (line[: cut + 1], line[cut + 1 :])
            )
            markup = f'<font name="{fonts["subheading"]}">{escape(head)}</font>{escape(rest)}'
            out.append(Paragraph(markup, styles["body"]))
        else:
            out.append(Paragraph(escape(line), styles["body"]))
    return out


# A TableStyle command: name, first cell, last cell (column, row), arguments.
_TableCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]


def _tables(report: Report, table_key: str, fonts: dict[str, str]) -> list[Table]:
    """The table as printed, at the largest size from 10.5 pt down to 9 pt at which
    each part fits a page."""
    size = TABLE_PT_MAX
    while True:
        tables = _tables_at(report, table_key, fonts, size)
        tallest = max(t.wrap(TEXT_W, TEXT_H)[1] for t in tables)
        # Room for the section's heading (and the gap under it) on the same page.
        if tallest <= TEXT_H - 1.5 * LEADING or size <= TABLE_PT_MIN:
            return tables
        size -= TABLE_PT_STEP


def _label_markup(text: str, font: str, size: float, width: float) -> str:
    """A label in lines that break only between its words (商业/企业, never 商业企/业)."""
    lines: list[str] = []
    line = ""
    for piece in label_breaks(text):
        if line and stringWidth(line + piece, font, size) > width:
            lines.append(line)
            line = piece
        else:
            line += piece
    lines.append(line)
    return "<br/>".join(escape(x) for x in lines)


def _tables_at(report: Report, table_key: str, fonts: dict[str, str], size: float) -> list[Table]:
    """The table set at ``size``; 表二 as one table per article block, so blocks may
    fall on different pages while each stays whole with its own header."""
    styles = _cell_styles(fonts, size)
    layout: GridLayout = get_edition(report.edition).layout(table_key)
    totals = compute_totals(report)
    column_pt = column_widths_pt(table_key, size)
    data: list[list[object]] = [["" for _ in range(layout.n_cols)] for _ in range(layout.n_rows)]
    for cell in layout.cells:
        if cell.ref is not None:
            text = printed_value(report, cell.ref, shown_value(report, totals, cell.ref))
            data[cell.row][cell.col] = Paragraph(escape(text), styles["number"])
            continue
        text = cell.text
        if cell.unit_of is not None:
            text = f"{text}（单位：{report.unit_of(cell.unit_of)}）"
        style = styles[
            {CellRole.HEADING: "block", CellRole.HEADER: "header", CellRole.CORNER: "header"}.get(
                cell.role, "cell"
            )
        ]
        width = sum(column_pt[cell.col : cell.col + cell.colspan]) - 2 * CELL_PAD_PT - 0.5
        markup = _label_markup(text, style.fontName, size, width)
        data[cell.row][cell.col] = Paragraph(markup, style)
    starts = [c.row for c in layout.cells if c.role is CellRole.HEADING] or [0]
    bounds = list(zip(starts, [*starts[1:], layout.n_rows], strict=True))
    tables = []
    for top, bottom in bounds:
        commands: list[_TableCommand] = [
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            # Cells under a span are empty strings; without this they name Helvetica.
            ("FONTNAME", (0, 0), (-1, -1), fonts["body"]),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_PT),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_PT),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        for cell in layout.cells:
            if top <= cell.row < bottom and (cell.rowspan > 1 or cell.colspan > 1):
                start = (cell.col, cell.row - top)
                end = (cell.col + cell.colspan - 1, cell.row - top + cell.rowspan - 1)
                commands.append(("SPAN", start, end))
        table = Table(
            data[top:bottom], colWidths=column_pt, repeatRows=layout.header_rows, hAlign="CENTER"
        )
        table.setStyle(TableStyle(commands))
        tables.append(table)
    return tables


def _closing(report: Report, styles: dict[str, ParagraphStyle], tail: list[Flowable]) -> Flowable:
    date = report.issue_date
    when = f"{date.year}年{date.month}月{date.day}日" if date else "　　　　年　　月　　日"
    agency = report.agency or "（机关名称）"
    # Three blank lines above the agency for the signature and the seal.
    block: list[Flowable] = [
        *tail,
        Spacer(1, LEADING * 3),
        Paragraph(escape(agency), styles["closing"]),
        Paragraph(when, styles["closing"]),
    ]
    return KeepTogether(block)


def build_story(report: Report, fonts: dict[str, str]) -> list[Flowable]:
    styles = _styles(fonts)
    story: list[Flowable] = [
        Paragraph(
            escape(report.agency) + "<br/>" + report.title_after_agency,
            styles["title"],
        )
    ]
    story += _paragraphs(report.preamble, styles, fonts)
    story += _paragraphs(report.contact, styles, fonts)
    for key, title in SECTION_TITLES.items():
        heading = Paragraph(escape(title), styles["heading"])
        text = _paragraphs(report.sections.get(key, ""), styles, fonts)
        if key in SECTION_TABLES:
            first, *others = _tables(report, SECTION_TABLES[key], fonts)
            # A table (or 表二 block) starts on a new page rather than break;
            # a heading never stays behind at the foot of a page.  (Never nest
            # KeepTogether: an inner one reports an endless height.)
            gap = Spacer(1, LEADING * 0.3)
            rest = [KeepTogether([t]) for t in others]
            if text:
                story += [CondPageBreak(LEADING * 4), heading, *text, KeepTogether([gap, first])]
            else:
                story.append(KeepTogether([heading, gap, first]))
            story += rest
            story.append(Spacer(1, LEADING * 0.5))
        else:
            # A heading needs a few lines of its text under it on the same page;
            # the text itself flows on (a whole paragraph need not move).
            story += [CondPageBreak(LEADING * 4), heading, *text]
    # The signature block never stands alone on a page: it takes the last
    # paragraph with it, and the heading too if that is all section 六 says
    # (GB/T 9704 7.3.5).
    tail: list[Flowable] = [story.pop()] if isinstance(story[-1], Paragraph) else []
    if tail and isinstance(story[-1], Paragraph) and story[-1].style.name == "heading":
        tail.insert(0, story.pop())
    story.append(_closing(report, styles, tail))
    return story


def render_pdf(report: Report, use_official_fonts: bool = True) -> tuple[bytes, PdfResult]:
    """The report as PDF bytes, and what went into it."""
    choices = register_fonts(use_official=use_official_fonts)
    fonts = {role: choice.name for role, choice in choices.items()}
    errors = len(check(report).errors)
    buffer = io.BytesIO()
    doc = _NumberedDoc(
        buffer,
        fonts,
        errors,
        title=report.title,
        author=report.agency,
        subject="政府信息公开工作年度报告",
        creator=f"{APP_NAME} {APP_VERSION}",
        keywords=["政府信息公开", "年度报告"],
    )
    doc.build(build_story(report, fonts))
    official = tuple(r for r, c in choices.items() if c.official)
    return buffer.getvalue(), PdfResult(doc.page, errors, official)


def export_pdf(report: Report, path: Path, use_official_fonts: bool = True) -> PdfResult:
    """Write the report's PDF to ``path`` atomically (old file or new, never half)."""
    data, result = render_pdf(report, use_official_fonts)
    write_bytes_atomically(Path(path), data)
    return result
