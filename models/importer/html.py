"""A saved web page (.html, .htm, .mht) as text, the way ``docx.py`` gives a Word file.

Block elements (p, div, br, h1–h6, li …) become lines; every data table row
becomes one tab-separated line with one field per cell, a row-spanning cell
repeating its text in the rows it covers (as a vertically merged Word cell
does), a column-spanning cell one field (as Word's gridSpan).  So
``import_text(..., exact_columns=True)`` knows each value's column.  Tables
that only lay the page out (a table inside, or a cell with a page's worth of
text) are read as blocks.  ``&nbsp;`` and whitespace-only cells are blank;
<script>, <style> and the like are dropped.

The bytes may be UTF-8, GB2312, GBK or GB18030 (from a BOM, the page's
<meta>, or tried in that order).  Bounded: lxml parses at most 256 levels deep
(deeper is refused, not half read), a column span over ``MAX_GRID_SPAN`` is
damage, and every step is one pass over the page.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re
from collections.abc import Iterator
from email.message import EmailMessage
from typing import TYPE_CHECKING

from models.importer.docx import MAX_GRID_SPAN
from models.importer.result import ImporterError

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Elements whose text is never shown; <head> is read only for a missing title.
_HIDDEN = ("script", "style", "noscript", "template", "head", "object", "iframe", "select")
# Elements that start and end a line of their own (the rest flow inline).
_BLOCKS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main menu nav "
    "ol p pre section summary table tbody thead tfoot tr td th caption ul option title".split()
)
# A cell with more text than this is a page laid out in a table, not a figure or label.
_MAX_CELL_CHARS = 300
# HTML's own limit on rowspan (browsers clamp to it).
_MAX_ROW_SPAN = 65534
_WHITESPACE = re.compile(r"\s+")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([-\w.:]{1,40})""", re.I)
_SPAN = re.compile(r"\s*(\d+)")
# How a page announces itself in its first bytes (after a BOM and blanks).
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]", re.I)
# MIME headers (folded ones too) before MIME-Version.
_MHT_START = re.compile(rb"^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?mime-version:", re.I)


def looks_like_html(head: bytes) -> bool:
    """Whether a file's first bytes are a web page (whatever its name says)."""
    start = _strip_bom(head[:4096]).lstrip()
    return bool(_HTML_START.search(start[:1024]))


def looks_like_mht(head: bytes) -> bool:
    """A web page saved as one file (.mht/.mhtml): a MIME message holding the page."""
    start = _strip_bom(head[:4096]).lstrip()
    return bool(_MHT_START.match(start)) and b"multipart/" in start.lower()


def html_text(data: bytes, name: str = "网页") -> str:
    """The page as text: blocks as lines, data table rows as tab-separated fields.

    ``name`` is how messages call the file.  Raises ``ImporterError`` for a
    page that is damaged, nested too deep to read whole, or has no text.
    """
    return _page_text(_decode(data), name)


def mht_text(data: bytes, name: str = "网页") -> str:
    """The text/html part of a page saved as .mht/.mhtml, read as ``html_text`` reads a page."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        part = next(_html_parts(message), None)
        payload = part.get_payload(decode=True) if part is not None else None
    except (ValueError, LookupError, TypeError, AttributeError, IndexError) as exc:
        raise ImporterError(
            f"“{name}”已损坏或不是完整的网页存档（.mht），无法读取。"
            "请在浏览器中打开后另存为“网页，仅HTML”再导入"
        ) from exc
    if not isinstance(payload, bytes):
        raise ImporterError(
            f"“{name}”中没有网页内容（text/html），无法读取。"
            "请在浏览器中打开后另存为“网页，仅HTML”再导入"
        )
    charset = part.get_content_charset() if part is not None else None
    return _page_text(_decode(payload, charset), name)


def _html_parts(message: email.message.Message) -> Iterator[EmailMessage]:
    for part in message.walk():
        if isinstance(part, EmailMessage) and part.get_content_type() == "text/html":
            yield part


# ---------------------------------------------------------------- bytes to text


def _strip_bom(data: bytes) -> bytes:
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            return data[len(bom) :]
    return data


def _codec(label: str) -> str | None:
    """A charset label as Python knows it; GB2312 and GBK pages are read as GB18030.

    Pages labelled GB2312 routinely hold GBK characters (browsers read them
    as GBK too), and GB18030 is a superset of both.
    """
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a page that says UTF-16 in ASCII is not UTF-16 (browsers agree)
    return "gb18030" if name in ("gb2312", "gbk", "gb18030") else name


def _decode(data: bytes, declared: str | None = None) -> str:
    """BOM first, then the declared charset (MIME or <meta>), then UTF-8, then GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    candidates: list[str] = []
    meta = _META_CHARSET.search(data[:8192])
    for label in (declared, meta.group(1).decode("ascii") if meta else None):
        codec = _codec(label) if label else None
        if codec and codec not in candidates:
            candidates.append(codec)
    candidates += [c for c in ("utf-8", "gb18030") if c not in candidates]
    for codec in candidates:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    # Neither declared nor sniffed fits every byte: the declared one, flaws replaced.
    return data.decode(candidates[0], errors="replace")


# ---------------------------------------------------------------- the page


def _page_text(markup: str, name: str) -> str:
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
    )
    try:
        root = lxml.html.document_fromstring(markup.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise ImporterError(f"“{name}”没有可读的网页内容，未导入") from exc
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        # libxml2 stops at 256 levels and drops the rest: a part of the page
        # would be missing without a word.
        raise ImporterError(
            f"“{name}”的网页结构嵌套过深（超过256层）或已损坏，无法完整读取。"
            "请在浏览器中打开，复制报告全文粘贴导入"
        )
    title = " ".join(" ".join(t.text_content().split()) for t in root.iter("title"))
    for element in list(root.iter(*_HIDDEN)):
        element.drop_tree()  # keeps its tail text, which belongs to the parent
    data_tables = _data_tables(root)
    lines = _Lines()
    skipping: HtmlElement | None = None  # a data table, emitted whole at its start
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        if skipping is not None:
            if event == "end" and element is skipping:
                skipping = None
                lines.inline(element.tail)
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if element in data_tables:
                lines.flush()
                lines.out += _table_rows(element, name)
                skipping = element
            else:
                if tag in _BLOCKS or tag == "br":
                    lines.flush()
                lines.inline(element.text)
        else:
            if tag in _BLOCKS:
                lines.flush()
            lines.inline(element.tail)
    lines.flush()
    if _has_title([title]) and not _has_title(lines.out):
        # Some pages carry the report's title only in <title>.
        lines.out.insert(0, title)
    if not lines.out:
        raise ImporterError(f"“{name}”中没有文字，不像是一份年度报告，未导入")
    return "\n".join(lines.out)


def _has_title(lines: list[str]) -> bool:
    from models.importer.text import title_index

    return title_index(lines) is not None


class _Lines:
    """Text as lines: inline pieces gathered, a block's edge ends the line."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self._pieces: list[str] = []

    def inline(self, text: str | None) -> None:
        if text:
            self._pieces.append(text)

    def flush(self) -> None:
        if self._pieces:
            line = _WHITESPACE.sub(" ", "".join(self._pieces)).strip()
            self._pieces.clear()
            if line:
                self.out.append(line)


def _cells(row: HtmlElement) -> list[HtmlElement]:
    return [c for c in row if c.tag in ("td", "th")]


def _data_tables(root: HtmlElement) -> set[HtmlElement]:
    """Tables holding figures: no table inside, a cell's worth of text in each cell.

    One pass with start and end events: whether a table holds another is known
    at its end, without walking its subtree again for each level of nesting.
    """
    import lxml.etree

    open_tables: list[list[object]] = []  # [table, holds another table]
    found: set[HtmlElement] = set()
    for event, element in lxml.etree.iterwalk(root, events=("start", "end"), tag="table"):
        if event == "start":
            open_tables.append([element, False])
            continue
        _table, holds_table = open_tables.pop()
        if open_tables:
            open_tables[-1][1] = True
        if holds_table:
            continue
        rows = [_cells(row) for row in element.iter("tr")]
        widest = max((len(cells) for cells in rows), default=0)
        if widest >= 2 and all(
            len(_cell_text(c)) <= _MAX_CELL_CHARS for cells in rows for c in cells
        ):
            found.add(element)
    return found


def _cell_text(cell: HtmlElement) -> str:
    """A cell's text on one line, as Word's cell text with its paragraph breaks removed."""
    return _WHITESPACE.sub(" ", cell.text_content()).strip()


def _span(cell: HtmlElement, attribute: str, name: str) -> int:
    raw = cell.get(attribute)
    match = _SPAN.match(raw) if raw is not None else None
    if match is None:
        return 1  # absent or not a number: browsers take 1
    digits = match.group(1).lstrip("0") or "0"
    value = int(digits) if len(digits) <= 9 else 10**9
    if attribute == "rowspan":
        # 0 spans the rest of the table; HTML clamps larger spans.
        return _MAX_ROW_SPAN if value == 0 else min(value, _MAX_ROW_SPAN)
    if value > MAX_GRID_SPAN:
        shown = digits if len(digits) <= 12 else digits[:12] + "…"
        raise ImporterError(
            f"“{name}”已损坏：表格中一个单元格横跨{shown}列（最多{MAX_GRID_SPAN}列），"
            "无法读取。请在浏览器中打开，复制报告全文粘贴导入"
        )
    return max(1, value)


def _table_rows(table: HtmlElement, name: str) -> list[str]:
    """Each row as one line, one field per cell in its grid position.

    A cell spanning rows repeats its text in each row it covers, at its
    column; a cell spanning columns is one field.  Spans are never expanded:
    a rowspan is a count kept per column, a colspan an offset.
    """
    # start column → (text, rows still covered, columns covered), from the rows above
    above: dict[int, tuple[str, int, int]] = {}
    out: list[str] = []
    for row in table.iter("tr"):
        fields: list[str] = []
        below: dict[int, tuple[str, int, int]] = {}
        starts = sorted(above)
        taken = 0
        column = 0
        for cell in [*_cells(row), None]:
            # Cells from the rows above that start here (or that this row's
            # spans ran over) come first; after the last cell, all the rest.
            while taken < len(starts) and (cell is None or starts[taken] <= column):
                start = starts[taken]
                text, left, width = above[start]
                fields.append(text)
                column = max(column, start + width)
                if left > 1:
                    below[start] = (text, left - 1, width)
                taken += 1
            if cell is None:
                break
            text = _cell_text(cell)
            colspan = _span(cell, "colspan", name)
            rowspan = _span(cell, "rowspan", name)
            fields.append(text)
            if rowspan > 1:
                below[column] = (text, rowspan - 1, colspan)
            column += colspan
        above = below
        out.append("\t".join(fields))
    return out
