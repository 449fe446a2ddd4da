"""The report as one self-contained web page, for an agency's 政府信息公开 site.

One HTML file with no script and no outside asset (no image, no style sheet,
no web font): the typography sits in one ``<style>``, fonts named with
fallbacks, so the page reads the same offline, on the site, or pasted into the
site's editor.  The look follows the printout (GB/T 9704): body 16 pt in a
仿宋-style face, the title in 小标宋, 一、 headings in 黑体, （一） in 楷体, tables
at 10.5 pt with ruled borders, the closing block right-aligned.

The tables are the template's merged grids as ``models.editions`` lays them
out, with the same ``rowspan``/``colspan``; column headers are ``<th
scope="col">``, row labels ``<th scope="row">``, 表二's article headings
``<th scope="rowgroup">`` over their own ``<tbody>``; a header breaks only
between the words ``models.editions.label_breaks`` gives (``<wbr>`` and
``word-break: keep-all``).  Figures are what every view shows
(``models.totals.shown_value``), set as printed (``printed_value``: 万元 with
the template's four decimals).  A report with errors carries the PDF's
"草稿" note at the top; a missing date is left out, not a blank to fill in.
Presentational attributes (``border``, ``align``) repeat the essentials for
editors that drop the ``<style>`` on paste.  Every text is escaped.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from models import APP_NAME, APP_VERSION
from models.editions import (
    SECTION_TABLES,
    CellRef,
    CellRole,
    GridCell,
    GridLayout,
    get_edition,
    label_breaks,
)
from models.files import write_text_atomically
from models.report import SECTION_TITLES, Report
from models.totals import compute_totals, printed_value, shown_value
from models.validation import check
from models.values import Value

# Font stacks: the official faces first (Windows and WPS names), then macOS's,
# then open faces a Linux desktop or the program's bundle may have.
BODY_FONTS = (
    '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "华文仿宋", '
    '"Zhuque Fangsong (technical preview)", "Zhuque Fangsong", "Noto Serif SC", '
    '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", serif'
)
TITLE_FONTS = (
    '"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "小标宋", "STZhongsong", '
    '"华文中宋", "Noto Serif SC", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif'
)
HEADING_FONTS = (
    '"黑体", "SimHei", "STHeiti", "Heiti SC", "Noto Sans SC", "Noto Sans CJK SC", '
    '"Source Han Sans SC", "Microsoft YaHei", sans-serif'
)
SUBHEADING_FONTS = (
    '"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "华文楷体", '
    '"LXGW WenKai", "霞鹜文楷", "Kaiti SC", serif'
)

# GB/T 9704: body 三号 (16 pt), 22 lines in the 225 mm text block (≈ 29 pt a
# line), 28 characters a line in a 156 mm block; title 二号 (22 pt); tables 五号.
STYLE = f"""
body {{ margin: 0; background: #fff; color: #000; }}
.report {{ max-width: 156mm; margin: 0 auto; padding: 12mm 8mm 20mm;
  font-family: {BODY_FONTS}; font-size: 16pt; line-height: 29pt; }}
.report p {{ margin: 0; text-indent: 2em; text-align: justify; }}
.report h1 {{ margin: 0 0 29pt; font-family: {TITLE_FONTS}; font-size: 22pt;
  line-height: 33pt; font-weight: bold; font-synthesis: none; text-align: center; }}
.report h1 span {{ display: block; }}
.report h2 {{ margin: 0; font-family: {HEADING_FONTS}; font-size: 16pt;
  line-height: 29pt; font-weight: normal; text-indent: 2em; }}
.report .sub {{ font-family: {SUBHEADING_FONTS}; }}
.report .draft {{ margin: 0 0 12pt; text-indent: 0; text-align: center;
  font-family: {HEADING_FONTS}; font-size: 10.5pt; line-height: 16pt; color: #b31b1b; }}
.report table {{ width: 100%; margin: 6pt 0 14pt; border-collapse: collapse;
  table-layout: fixed; font-size: 10.5pt; line-height: 14pt; text-indent: 0; }}
.report th, .report td {{ border: 0.75pt solid #000; padding: 2pt;
  vertical-align: middle; font-weight: normal; overflow-wrap: anywhere; }}
/* Headers break only at the <wbr> between a label's words (and after its
   punctuation); a word wider than its column is the only thing broken inside. */
.report th {{ text-align: center; word-break: keep-all; overflow-wrap: anywhere; }}
.report th[scope="row"] {{ text-align: left; }}
.report th[scope="rowgroup"] {{ font-family: {HEADING_FONTS}; }}
.report td {{ text-align: center; }}
.report td.corner {{ text-align: left; }}
.report tr {{ page-break-inside: avoid; }}
.report .closing {{ margin-top: 29pt; padding-right: 4em; text-align: right; }}
.report .closing p {{ text-indent: 0; text-align: right; }}
@media print {{ .report {{ max-width: none; padding: 0; }} }}
"""

SUBHEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")


def _label_markup(text: str) -> str:
    """A label escaped, with <wbr> between its pieces: a header breaks between words
    (商业/企业, never 商业企/业); the style's keep-all stops breaks elsewhere."""
    return "<wbr>".join(escape(piece) for piece in label_breaks(text))


def _paragraphs(text: str) -> list[str]:
    """A text field, paragraph by paragraph; a （一） run-in heading set in 楷体."""
    out = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if SUBHEADING.match(line):
            # As in the PDF: a run-in heading ends at its first full stop.
            cut = line.find("。")
            head, rest = (line, "") if cut < 0 else (line[: cut + 1], line[cut + 1 :])
            out.append(f'<p><span class="sub">{escape(head)}</span>{escape(rest)}</p>')
        else:
            out.append(f"<p>{escape(line)}</p>")
    return out


def _spans(cell: GridCell) -> str:
    return (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
        f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
    )


def _cell(report: Report, totals: dict[CellRef, Value | None], cell: GridCell) -> str:
    spans = _spans(cell)
    if cell.ref is not None:
        value = shown_value(report, totals, cell.ref)
        # 万元 with the template's four decimals, as printed (12.5 → 12.5000).
        return f"<td{spans}>{escape(printed_value(report, cell.ref, value))}</td>"
    text = cell.text
    if cell.unit_of is not None:
        text += f"（单位：{report.unit_of(cell.unit_of)}）"
    label = _label_markup(text)
    if cell.role is CellRole.HEADING:
        return f'<th scope="rowgroup"{spans}>{label}</th>'
    if cell.role is CellRole.HEADER:
        return f'<th scope="col"{spans}>{label}</th>'
    if cell.role is CellRole.ROW_LABEL:
        return f'<th scope="row"{spans} align="left">{label}</th>'
    # 表三's corner: the note on how its columns add up; it heads nothing.
    return f'<td class="corner"{spans} align="left">{escape(cell.text)}</td>'


# Column widths of each table (CSS lengths; blank: a share of what is left),
# as the printout sets them: 表二 by shares of the text block; 表三's two narrow
# label columns as wide as their longest word (三、本年度/办理结果, （三）/不予公开)
# and its figures about 12 mm, the third label column taking the rest; 表四's
# fifteen columns alike.
COLUMN_WIDTHS: dict[str, tuple[str, ...]] = {
    "t2": ("33.4%", "22.2%", "22.2%", "22.2%"),
    "t3": ("5.5em", "4.5em", "", "13mm", *["11.4mm"] * 5, "11.6mm"),
    "t4": ("",) * 15,
}


def _colgroup(table_key: str, n_cols: int) -> str:
    """The table's column widths; the browser's own choice (auto layout) gives
    表三's label columns most of the width and wraps 自然人 a character a line."""
    widths = COLUMN_WIDTHS.get(table_key)
    if widths is None or len(widths) != n_cols:
        return ""  # a layout of another width: the browser shares the columns out
    cols = "".join(f'<col style="width:{w}">' if w else "<col>" for w in widths)
    return f"<colgroup>{cols}</colgroup>"


def _row_groups(layout: GridLayout) -> list[tuple[str, int, int]]:
    """(element, first row, end row): the header rows as <thead> (a printed page
    repeats them); 表二's article blocks each a <tbody> of its own."""
    starts = sorted(c.row for c in layout.cells if c.role is CellRole.HEADING)
    if starts:
        ends = [*starts[1:], layout.n_rows]
        return [("tbody", top, end) for top, end in zip(starts, ends, strict=True)]
    groups = [("thead", 0, layout.header_rows)] if layout.header_rows else []
    return [*groups, ("tbody", layout.header_rows, layout.n_rows)]


def table_html(report: Report, table_key: str) -> str:
    """One table of the report as the template merges it, every figure as shown."""
    layout = get_edition(report.edition).layout(table_key)
    totals = compute_totals(report)
    rows: list[list[str]] = [[] for _ in range(layout.n_rows)]
    for cell in sorted(layout.cells, key=lambda c: (c.row, c.col)):
        rows[cell.row].append(_cell(report, totals, cell))
    parts = [
        f'<table class="{table_key}" border="1" cellspacing="0" cellpadding="3" '
        'style="border-collapse:collapse">',
        _colgroup(table_key, layout.n_cols),
    ]
    for element, top, end in _row_groups(layout):
        body = "".join(f"<tr>{''.join(rows[r])}</tr>" for r in range(top, end))
        parts.append(f"<{element}>{body}</{element}>")
    parts.append("</table>")
    return "".join(parts)


def _closing(report: Report) -> str:
    """Agency and date, right-aligned.  Unlike the printout, no blank 年月日 to
    fill in by hand when the date is missing: a web page is not signed."""
    agency = report.agency or "（机关名称）"
    lines = [f'<p align="right">{escape(agency)}</p>']
    date = report.issue_date
    if date:
        lines.append(f'<p align="right">{date.year}年{date.month}月{date.day}日</p>')
    return f'<div class="closing">{"".join(lines)}</div>'


def build_html(report: Report) -> str:
    """The whole page: head with the style, the title, 一…六 with their tables, closing."""
    body: list[str] = []
    errors = len(check(report).errors)
    if errors:
        # As every page of the PDF: a report with errors is not ready to publish.
        body.append(
            f'<p class="draft" role="note">草稿 — 存在{errors}处校验错误，'
            "仅供核对，不得作为正式报告发布</p>"
        )
    body.append(
        f'<h1 align="center"><span>{escape(report.agency)}</span>'
        f"<span>{escape(report.title_after_agency)}</span></h1>"
    )
    body += _paragraphs(report.preamble)
    body += _paragraphs(report.contact)
    for key, title in SECTION_TITLES.items():
        body.append(f"<h2>{escape(title)}</h2>")
        body += _paragraphs(report.sections.get(key, ""))
        if key in SECTION_TABLES:
            body.append(table_html(report, SECTION_TABLES[key]))
    body.append(_closing(report))
    content = "\n".join(body)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(report.title)}</title>\n"
        f'<meta name="generator" content="{escape(f"{APP_NAME} {APP_VERSION}")}">\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<div class="report">\n{content}\n</div>\n</body>\n</html>\n'
    )


def export_html(report: Report, path: Path) -> None:
    """Write the report's page to ``path`` atomically (old file or new, never half)."""
    write_text_atomically(Path(path), build_html(report))
