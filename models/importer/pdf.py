"""A PDF as text, as ``docx.py`` gives a Word file: lines, table rows as tab-separated fields.

pypdfium2 gives each character with its box.  Tables are rebuilt from the
ruling lines the page draws (the path objects): the lines make a grid, a
missing line inside it is a merged cell, each character falls in its cell,
and every grid row becomes one line with one field per cell, a cell that
spans rows repeating its text in each (as a vertically merged Word cell does
in ``docx.py``) and an empty cell an empty field.  A table printed without
ruling lines is rebuilt from the x positions of its numbers (``columns.py``'s
job is not needed: the numbers of a column line up, so a row gets an empty
field for each column it printed nothing in).  Text outside tables becomes
lines by baseline; pages are joined, running headers and footers (a page
number "— 3 —", the same line at the top of every page) dropped.

A scanned PDF without a text layer, a password, a damaged file: an
``ImporterError`` saying what to do.  Bounded: at most ``MAX_PDF_PAGES``
pages and ``MAX_PDF_CHARS`` characters are read, a page's drawing is read up
to ``MAX_PAGE_SEGMENTS`` line segments (beyond, its tables are read from the
text alone), and every step is a sort or a pass over what the page holds.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from models.importer.result import ImporterError

# A report is a few dozen pages; a PDF far longer is not one (and would take long).
MAX_PDF_PAGES = 300
MAX_PDF_CHARS = 300_000
# Ruling lines of a page's tables are a few hundred segments; a drawing (a map,
# a chart, a seal traced in vectors) may hold many more, and is not a table.
MAX_PAGE_SEGMENTS = 20_000
# Positions closer than this (points) are one ruling line (a border drawn as
# two strokes, a thin filled rectangle's two long edges).
_SNAP = 2.5
# A filled rectangle thinner than this is a line.
_THIN = 3.0
# The most grid cells one ruled table may have (表三: 30 rows × 10 columns).
_MAX_GRID_CELLS = 20_000
# A page number alone on a line: "— 3 —", "- 3 -", "3", "第3页", "第 3 页 共 7 页", "3/7".
_PAGE_NUMBER = re.compile(
    r"^[-—–－―~·•\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:(?:/|共)\s*\d{1,4}\s*页?)?[-—–－―~·•\s]*$"
)
# A closing date left for the pen ("　　年　　月　　日"): nothing to read.
_BLANK_DATE = re.compile(r"^\s*年\s*月\s*日\s*$")
_NUMBER = re.compile(r"^[-−+]?\d[\d,，]*(?:[.．]\d+)?(?:件|项|个|起|条|元|万元|%)?$")
# More characters than this share without a Unicode value, or in accented
# Latin, and the text layer is mojibake (a damaged or unmapped font).
_MAX_UNREADABLE = 0.1
_LATIN_SYMBOLS = frozenset("·×÷°±§¥©®¹²³µ¼½¾")
# Lines without figures between two rows of an unruled table: labels in narrow
# columns stack a few characters a line, and rows may be printed blank.
_MAX_LABEL_LINES = 30
# A row label's numbering: "（三）", "5．", "四、", "1.".
_NUMBERED = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、．.])"
)
_DIGIT_RUN = re.compile(r"\d+")
_ASCII_WORD = re.compile(r"[0-9A-Za-z]")


@dataclass(slots=True)
class _Char:
    text: str
    x0: float
    x1: float
    y: float  # baseline
    size: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return self.y + self.size * 0.35  # the middle of a CJK glyph above its baseline


@dataclass(slots=True)
class _Line:
    """Characters on one baseline, left to right."""

    chars: list[_Char]
    y: float
    size: float
    _words: list[list[_Char]] | None = None

    def words(self) -> list[list[_Char]]:
        """Runs of characters split where the gap is wider than a table cell's padding."""
        if self._words is not None:
            return self._words
        words: list[list[_Char]] = []
        for char in self.chars:
            if words and char.x0 - words[-1][-1].x1 <= 0.4 * max(char.size, words[-1][-1].size):
                words[-1].append(char)
            else:
                words.append([char])
        self._words = words
        return words

    def text(self) -> str:
        return _join(self.chars)


@dataclass(slots=True)
class _Item:
    """What a page shows at a height: a line of text, or a table's rows."""

    top: float
    text: str
    in_table: bool = False


@dataclass(slots=True)
class _Page:
    items: list[_Item] = field(default_factory=list)
    chars: int = 0
    images: int = 0
    unreadable: int = 0  # characters without a Unicode value (a font without its map)


def _join(chars: list[_Char]) -> str:
    """Characters as text: a space only where the gap is wide (words, not justified CJK)."""
    pieces: list[str] = []
    previous: _Char | None = None
    for char in chars:
        if previous is not None and char.x0 - previous.x1 > 0.5 * max(char.size, previous.size):
            pieces.append(" ")
        pieces.append(char.text)
        previous = char
    return "".join(pieces)


# ---------------------------------------------------------------- the document


def pdf_text(data: bytes, name: str = "PDF文件") -> str:
    """The PDF as text; table rows tab-separated, one field per cell.

    ``name`` is how messages call the file.  Raises ``ImporterError`` for a
    PDF that is damaged, locked with a password, scanned (no text to copy),
    or too long to be a report.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ImporterError(
                f"“{name}”设有打开密码，无法读取。请用密码打开后另存为不加密的PDF，"
                "或复制全文粘贴导入"
            ) from exc
        raise ImporterError(
            f"“{name}”已损坏或不是PDF文件，无法读取。请重新下载或另存后再导入，或复制全文粘贴导入"
        ) from exc
    try:
        count = len(document)
        if count == 0:
            raise ImporterError(f"“{name}”中没有页面，已损坏或不是完整的PDF文件，未导入")
        if count > MAX_PDF_PAGES:
            raise ImporterError(
                f"“{name}”共{count}页（最多{MAX_PDF_PAGES}页），不像是一份年度报告，未导入"
            )
        pages: list[_Page] = []
        total = 0
        for index in range(count):
            page = _read_page(document, index, pdfium_c, MAX_PDF_CHARS - total, name)
            total += page.chars
            pages.append(page)
    except pdfium.PdfiumError as exc:
        raise ImporterError(
            f"“{name}”已损坏，有页面无法读取。请重新下载或另存后再导入，或复制全文粘贴导入"
        ) from exc
    finally:
        document.close()
    return _document_text(pages, name)


def _document_text(pages: list[_Page], name: str) -> str:
    chars = sum(p.chars for p in pages)
    if chars == 0 or not any(_has_cjk(i.text) for p in pages for i in p.items):
        if any(p.images for p in pages):
            raise ImporterError(
                f"“{name}”是扫描件（图片），没有可复制的文字，无法导入。"
                "请找到报告的Word文件或网页版导入，或先用文字识别（OCR）软件转成文字再粘贴导入"
            )
        raise ImporterError(f"“{name}”中没有可复制的文字，不像是一份年度报告，未导入")
    if sum(p.unreadable for p in pages) > chars * _MAX_UNREADABLE:
        raise ImporterError(
            f"“{name}”中的文字无法正确提取（文件损坏或字体缺少编码信息，复制出来是乱码）。"
            "请找到报告的Word文件或网页版导入，或先用文字识别（OCR）软件转成文字再粘贴导入"
        )
    running = _running_lines(pages)
    out: list[str] = []
    for page in pages:
        edge = _edge_items(page)
        for item in page.items:
            if id(item) in edge and (
                _PAGE_NUMBER.match(item.text) or _running_key(item) in running
            ):
                continue
            if not _BLANK_DATE.match(item.text):
                out.append(item.text)
    text = "\n".join(out)
    if sum(p.images > 0 for p in pages) * 2 >= len(pages) and _cjk_count(text) < 20 * len(pages):
        # Pages of images with a line of typed text here and there (a page
        # number, a heading): a scan.
        raise ImporterError(
            f"“{name}”是扫描件（图片），没有可复制的文字，无法导入。"
            "请找到报告的Word文件或网页版导入，或先用文字识别（OCR）软件转成文字再粘贴导入"
        )
    return text


def _cjk_count(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _shape(text: str) -> str:
    """A line with its numbers blanked: the same running header on every page, any page number."""
    return _DIGIT_RUN.sub("#", "".join(text.split()))


def _edge_items(page: _Page) -> set[int]:
    """The first two and last two text lines of a page: where headers and footers stand."""
    texts = [i for i in page.items if not i.in_table]
    return {id(i) for i in texts[:2] + texts[-2:]}


def _running_key(item: _Item) -> tuple[str, int]:
    """A line as a running header or footer repeats it: same words, same height on the page."""
    return _shape(item.text), round(item.top)


def _running_lines(pages: list[_Page]) -> set[tuple[str, int]]:
    """Lines at a page's edge that come back, at the same height, on at least half
    the pages (two at least)."""
    if len(pages) < 2:
        return set()
    seen: dict[tuple[str, int], int] = {}
    for page in pages:
        edge = _edge_items(page)
        for key in {_running_key(i) for i in page.items if id(i) in edge}:
            seen[key] = seen.get(key, 0) + 1
    need = max(2, (len(pages) + 1) // 2)
    return {key for key, n in seen.items() if n >= need and key[0]}


# ---------------------------------------------------------------- one page


def _read_page(document: Any, index: int, pdfium_c: Any, room: int, name: str) -> _Page:
    """One page's lines and tables; ``room``: characters the document may still hold."""
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            count = max(0, pdfium_c.FPDFText_CountChars(textpage.raw))
            if count > room:
                raise ImporterError(
                    f"“{name}”的文字超过{MAX_PDF_CHARS:,}个，不像是一份年度报告，未导入"
                )
            chars, unreadable = _chars(textpage, count, pdfium_c)
        finally:
            textpage.close()
        horizontal, vertical, images = _rulings(page, pdfium_c)
    finally:
        page.close()
    result = _Page(chars=len(chars), images=images, unreadable=unreadable)
    free = chars
    for grid in _grids(horizontal, vertical):
        inside, free = grid.take(free)
        rows = grid.rows(inside)
        if rows:
            result.items.append(_Item(grid.top, "\n".join(rows), in_table=True))
    lines = _lines(free)
    result.items += _text_items(lines)
    result.items.sort(key=lambda item: -item.top)
    return result


def _chars(textpage: Any, count: int, pdfium_c: Any) -> tuple[list[_Char], int]:
    """The page's visible characters, upright (a rotated watermark is left out)."""
    raw = textpage.raw
    # All the text in one call; a character outside the BMP (two UTF-16 units)
    # shifts the indices, and then each character is asked for on its own.
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, count, buffer) if count else 0
    codes: Iterable[int] = (
        buffer[:count]
        if written == count + 1
        else (pdfium_c.FPDFText_GetUnicode(raw, i) for i in range(count))
    )
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    out: list[_Char] = []
    unreadable = 0
    get_angle = pdfium_c.FPDFText_GetCharAngle
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_origin = pdfium_c.FPDFText_GetCharOrigin
    for i, code in enumerate(codes):
        text = chr(code)
        if text.isspace() or code in (0, 0xFFFE, 0xFFFF):
            continue  # pdfium's own spaces and line ends too: gaps are measured instead
        if text == "\ufffd" or "\ue000" <= text <= "\uf8ff" or "\ud800" <= text <= "\udfff":
            unreadable += 1
            continue
        if unicodedata.category(text) in ("Cc", "Cf"):
            continue
        if "\x80" <= text <= "\u02ff" and text not in _LATIN_SYMBOLS:
            # Accented Latin letters in a Chinese report: a font whose codes
            # map to the wrong characters (kept, but counted).
            unreadable += 1
        angle = get_angle(raw, i)
        if 0.05 < angle < 2 * math.pi - 0.05:
            continue  # turned text: a watermark or a stamp, not the report's lines
        if not get_box(raw, i, rect) or not get_origin(raw, i, ox, oy):
            continue
        size = rect.top - rect.bottom
        if size <= 0:
            continue
        out.append(_Char(text, rect.left, rect.right, oy.value, size))
    return out, unreadable


def _lines(chars: list[_Char]) -> list[_Line]:
    """Characters into lines by baseline, each line left to right; top of the page first."""
    lines: list[_Line] = []
    for char in sorted(chars, key=lambda c: (-c.y, c.x0)):
        if lines and abs(lines[-1].y - char.y) <= 0.3 * max(lines[-1].size, char.size):
            lines[-1].chars.append(char)
            lines[-1].size = max(lines[-1].size, char.size)
        else:
            lines.append(_Line([char], char.y, char.size))
    for line in lines:
        line.chars.sort(key=lambda c: c.x0)
    return lines


# ---------------------------------------------------------------- ruling lines


@dataclass(slots=True)
class _Rule:
    at: float  # y of a horizontal line, x of a vertical one
    start: float
    end: float


def _rulings(page: Any, pdfium_c: Any) -> tuple[list[_Rule], list[_Rule], int]:
    """Horizontal and vertical line segments the page draws, and how many images it holds.

    Form XObjects are entered (their matrices composed); curves are skipped.
    Past ``MAX_PAGE_SEGMENTS`` the page is a drawing, and no lines are returned.
    """
    horizontal: list[_Rule] = []
    vertical: list[_Rule] = []
    budget = [MAX_PAGE_SEGMENTS]
    images = [0]
    matrix = pdfium_c.FS_MATRIX()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    x, y = ctypes.c_float(), ctypes.c_float()
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()

    def add(x0: float, y0: float, x1: float, y1: float) -> None:
        if abs(y1 - y0) <= _THIN and abs(x1 - x0) > _THIN:
            horizontal.append(_Rule((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= _THIN and abs(y1 - y0) > _THIN:
            vertical.append(_Rule((x0 + x1) / 2, min(y0, y1), max(y0, y1)))

    def visit(objects: Iterable[Any], outer: _Affine, depth: int) -> None:
        for obj in objects:
            budget[0] -= 1
            if budget[0] <= 0:
                return
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                images[0] += 1
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 8:
                pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
                inner = outer.then(_Affine.of(matrix))
                n = pdfium_c.FPDFFormObj_CountObjects(obj)
                visit(
                    (pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(max(0, n))),
                    inner,
                    depth + 1,
                )
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke)
                if fill_mode.value == 0 and not stroke.value:
                    continue  # drawn neither filled nor stroked
                if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                    continue
                x0, y0 = outer.apply(left.value, bottom.value)
                x1, y1 = outer.apply(right.value, top.value)
                if abs(x1 - x0) <= _THIN or abs(y1 - y0) <= _THIN:
                    budget[0] -= 1
                    add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2) if abs(y1 - y0) <= _THIN else add(
                        (x0 + x1) / 2, y0, (x0 + x1) / 2, y1
                    )
                    continue
                # A larger shape: its straight, upright edges (rectangles, polylines).
                pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
                own = outer.then(_Affine.of(matrix))
                _path_edges(obj, own, pdfium_c, x, y, budget, add)

    n = pdfium_c.FPDFPage_CountObjects(page.raw)
    visit(
        (pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(max(0, n))), _Affine.identity(), 0
    )
    if budget[0] <= 0:
        return [], [], images[0]
    return horizontal, vertical, images[0]


def _path_edges(
    obj: Any,
    transform: _Affine,
    pdfium_c: Any,
    x: ctypes.c_float,
    y: ctypes.c_float,
    budget: list[int],
    add: Callable[[float, float, float, float], None],
) -> None:
    count = pdfium_c.FPDFPath_CountSegments(obj)
    start: tuple[float, float] | None = None
    here: tuple[float, float] | None = None
    for i in range(max(0, count)):
        budget[0] -= 1
        if budget[0] <= 0:
            return
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = transform.apply(x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and here is not None:
            add(*here, *point)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        here = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            add(*point, *start)
            here = start


@dataclass(frozen=True, slots=True)
class _Affine:
    a: float
    b: float
    c: float
    d: float
    e: float
    f: float

    @staticmethod
    def identity() -> _Affine:
        return _Affine(1, 0, 0, 1, 0, 0)

    @staticmethod
    def of(m: Any) -> _Affine:
        return _Affine(m.a, m.b, m.c, m.d, m.e, m.f)

    def then(self, inner: _Affine) -> _Affine:
        """``inner`` applied first, then this (a form's matrix, then the page's)."""
        return _Affine(
            inner.a * self.a + inner.b * self.c,
            inner.a * self.b + inner.b * self.d,
            inner.c * self.a + inner.d * self.c,
            inner.c * self.b + inner.d * self.d,
            inner.e * self.a + inner.f * self.c + self.e,
            inner.e * self.b + inner.f * self.d + self.f,
        )

    def apply(self, x: float, y: float) -> tuple[float, float]:
        return (self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f)


def _merge(rules: list[_Rule]) -> list[_Rule]:
    """Segments on one line (within ``_SNAP``) joined where they touch or overlap."""
    out: list[_Rule] = []
    rules = sorted(rules, key=lambda r: r.at)
    group: list[_Rule] = []

    def close() -> None:
        at = sum(r.at for r in group) / len(group)
        for rule in sorted(group, key=lambda r: r.start):
            if out and out[-1].at == at and rule.start <= out[-1].end + _SNAP:
                out[-1].end = max(out[-1].end, rule.end)
            else:
                out.append(_Rule(at, rule.start, rule.end))

    for rule in rules:
        if group and rule.at - group[-1].at > _SNAP:
            close()
            group = []
        group.append(rule)
    if group:
        close()
    return out


# ---------------------------------------------------------------- ruled tables


class _Grid:
    """A ruled table: its column and row edges, and which grid cells are one merged cell."""

    def __init__(
        self, xs: list[float], ys: list[float], horizontal: list[_Rule], vertical: list[_Rule]
    ):
        self.xs = xs  # left to right
        self.ys = ys  # top to bottom (descending y)
        self.top = ys[0]
        n_rows, n_cols = len(ys) - 1, len(xs) - 1
        parent = list(range(n_rows * n_cols))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i: int, j: int) -> None:
            parent[find(i)] = find(j)

        # The ruling lines at each grid position (a handful each).
        v_near = [[v for v in vertical if abs(v.at - x) <= _SNAP] for x in xs]
        h_near = [[h for h in horizontal if abs(h.at - y) <= _SNAP] for y in ys]
        for r in range(n_rows):
            middle = (ys[r] + ys[r + 1]) / 2
            for c in range(n_cols - 1):
                if not _covered(v_near[c + 1], middle):
                    union(r * n_cols + c, r * n_cols + c + 1)
        for c in range(n_cols):
            middle = (xs[c] + xs[c + 1]) / 2
            for r in range(n_rows - 1):
                if not _covered(h_near[r + 1], middle):
                    union(r * n_cols + c, (r + 1) * n_cols + c)
        self.cell = [find(i) for i in range(n_rows * n_cols)]
        self.n_rows, self.n_cols = n_rows, n_cols

    def take(self, chars: list[_Char]) -> tuple[dict[int, list[_Char]], list[_Char]]:
        """The characters inside the table, by merged cell; and those outside."""
        inside: dict[int, list[_Char]] = {}
        outside: list[_Char] = []
        left, right = self.xs[0], self.xs[-1]
        top, bottom = self.ys[0], self.ys[-1]
        neg_ys = [-y for y in self.ys]
        for char in chars:
            cx, cy = char.cx, char.cy
            if not (left < cx < right and bottom < cy < top):
                outside.append(char)
                continue
            c = bisect.bisect_right(self.xs, cx) - 1
            r = bisect.bisect_right(neg_ys, -cy) - 1
            c = min(max(c, 0), self.n_cols - 1)
            r = min(max(r, 0), self.n_rows - 1)
            inside.setdefault(self.cell[r * self.n_cols + c], []).append(char)
        return inside, outside

    def rows(self, inside: dict[int, list[_Char]]) -> list[str]:
        """Each grid row as one tab-separated line, one field per merged cell it crosses."""
        texts = {cell: _cell_text(chars) for cell, chars in inside.items()}
        out: list[str] = []
        for r in range(self.n_rows):
            fields: list[str] = []
            previous = -1
            for c in range(self.n_cols):
                cell = self.cell[r * self.n_cols + c]
                if cell != previous:
                    fields.append(texts.get(cell, ""))
                previous = cell
            if any(fields):
                out.append("\t".join(fields))
        return out


def _cell_text(chars: list[_Char]) -> str:
    """A cell's lines joined as Word joins a cell's paragraphs in ``docx.py``: without a break."""
    lines = _lines(chars)
    text = ""
    for line in lines:
        piece = line.text()
        # Words of Latin letters or digits broken over two lines keep a space between them.
        if text and _ASCII_WORD.match(text[-1]) and _ASCII_WORD.match(piece[0]):
            text += " "
        text += piece
    return text.strip()


def _covered(rules: list[_Rule], point: float) -> bool:
    """Whether one of these ruling lines runs past ``point`` (a border between two cells)."""
    return any(r.start - _SNAP <= point <= r.end + _SNAP for r in rules)


def _grids(horizontal: list[_Rule], vertical: list[_Rule]) -> Iterator[_Grid]:
    """The ruled tables of a page: lines that cross each other, two columns at least."""
    horizontal, vertical = _merge(horizontal), _merge(vertical)
    if not horizontal or not vertical or len(horizontal) * len(vertical) > 250_000:
        return
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if (
                h.start - _SNAP <= v.at <= h.end + _SNAP
                and v.start - _SNAP <= h.at <= v.end + _SNAP
            ):
                parent[find(i)] = find(len(horizontal) + j)
    groups: dict[int, tuple[list[_Rule], list[_Rule]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), ([], []))[1].append(v)
    for hs, vs in groups.values():
        if len(hs) < 2 or len(vs) < 2:
            continue
        # Open tables (no outer side borders) reach as far as their lines do.
        xs = _positions([v.at for v in vs] + [min(h.start for h in hs), max(h.end for h in hs)])
        ys = _positions([h.at for h in hs] + [min(v.start for v in vs), max(v.end for v in vs)])
        ys.reverse()
        if len(xs) < 3 or len(ys) < 2 or (len(xs) - 1) * (len(ys) - 1) > _MAX_GRID_CELLS:
            continue
        yield _Grid(xs, ys, hs, vs)


def _positions(values: list[float]) -> list[float]:
    """Distinct positions, ascending; those within ``_SNAP`` of each other are one."""
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > _SNAP:
            out.append(value)
    return out


# ---------------------------------------------------------------- text and unruled tables


def _is_number(word: list[_Char]) -> bool:
    return bool(_NUMBER.match(unicodedata.normalize("NFKC", "".join(c.text for c in word))))


def _text_items(lines: list[_Line]) -> list[_Item]:
    """Lines outside ruled tables; a run of lines whose numbers line up is a table.

    The column headings over such a table become a tab-separated line too, as
    they are in a ruled table (表二's reader takes the unit from them).
    """
    items: list[_Item] = []
    header: _Line | None = None  # the last line of column headings, while it is near
    header_at = -1  # its item
    since_header = 0

    def mark_header() -> None:
        if header is not None and 0 <= header_at < len(items):
            items[header_at].text = "\t".join(_join(w) for w in header.words())
            items[header_at].in_table = True

    i = 0
    while i < len(lines):
        end = _table_run(lines, i)
        if end > i:
            # A label broken over lines may start just above the first row.
            first = i
            left = _numbers_left(lines[i:end])
            while first > 0 and i - first < 2 and _label_only(lines[first - 1], left):
                first -= 1
            del items[len(items) - (i - first) :]
            near = header if since_header <= 3 else None
            if near is not None:
                mark_header()
            items += _unruled_table(lines[first:end], near)
            header = None
            i = end
            continue
        line = lines[i]
        text = _short_row(line, header if since_header <= 2 else None)
        if text is not None:
            mark_header()
        items.append(_Item(line.y + line.size, text if text is not None else line.text()))
        since_header += 1
        if _is_header(line):
            header, header_at, since_header = line, len(items) - 1, 0
        i += 1
    return items


def _is_header(line: _Line) -> bool:
    """Column headings: words far apart, no number among them."""
    words = line.words()
    return (
        len(words) >= 2
        and not any(_is_number(w) for w in words)
        and all(b[0].x0 - a[-1].x1 > line.size for a, b in itertools.pairwise(words))
    )


def _header_columns(header: _Line | None, label_end: float) -> list[tuple[float, float]]:
    """The x ranges of the headings over value columns.

    Not the heading of the label column: one that ends left of the labels'
    end, or 表二's 信息内容 (centred over its labels, it may stand right of a short one).
    """
    if header is None:
        return []
    return [
        (w[0].x0, w[-1].x1)
        for w in header.words()
        if w[-1].x1 > label_end and "".join(_join(w).split()) != "信息内容"
    ]


def _column_of(x0: float, x1: float, columns: list[tuple[float, float]]) -> int | None:
    """The column whose heading stands over a figure from ``x0`` to ``x1``.

    A column reaches halfway to the headings beside it (at the edges, as far
    as on its other side); a figure that crosses such a line belongs to
    neither, and is never given a column by guess.
    """
    centres = [(a + b) / 2 for a, b in columns]
    for k, centre in enumerate(centres):
        half = (columns[k][1] - columns[k][0]) / 2
        left_gap = (centre - centres[k - 1]) / 2 if k > 0 else None
        right_gap = (centres[k + 1] - centre) / 2 if k + 1 < len(centres) else None
        left = centre - (left_gap if left_gap is not None else max(half, right_gap or half))
        right = centre + (right_gap if right_gap is not None else max(half, left_gap or half))
        if left <= x0 and x1 <= right:
            return k
    return None


def _short_row(line: _Line, header: _Line | None) -> str | None:
    """A label with one or two figures far from it (a small table printed without lines):
    tab-separated, each figure under its heading.  ``None`` when it is text, or when no
    heading shows which column a figure is in (a figure is never placed by guess)."""
    words = line.words()
    numbers = [w for w in words if _is_number(w)]
    wide = any(b[0].x0 - a[-1].x1 > 1.5 * line.size for a, b in itertools.pairwise(words))
    if not numbers or not wide or _is_number(words[0]):
        return None
    labels = [w for w in words if not _is_number(w)]
    label_end = max(w[-1].x1 for w in labels)
    if any(w[0].x0 < label_end for w in numbers):
        return None  # a figure inside the label's words: prose
    columns = _header_columns(header, label_end)
    values: dict[int, str] = {}
    for word in numbers:
        k = _column_of(word[0].x0, word[-1].x1, columns)
        if k is None or k in values:
            return None
        values[k] = _join(word)
    label = " ".join(_join(w) for w in labels)
    return "\t".join([label] + [values.get(k, "") for k in range(len(columns))])


def _numbers_left(lines: list[_Line]) -> float:
    """Where the leftmost number of these lines starts."""
    return min((w[0].x0 for line in lines for w in line.words() if _is_number(w)), default=math.inf)


def _label_only(line: _Line, numbers_left: float) -> bool:
    """A line without numbers that stays left of a table's numbers: a label's piece."""
    words = line.words()
    return not any(_is_number(w) for w in words) and line.chars[-1].x1 < numbers_left - 1


def _table_run(lines: list[_Line], start: int) -> int:
    """The end of a run of table lines from ``start`` (``start`` itself when none starts there).

    A run: consecutive lines, each with a number standing apart from the other
    words, one line at least with three or more.  Up to ``_MAX_LABEL_LINES``
    lines without a number may sit between them if they stay left of the
    numbers (a label broken over lines); a heading across the table ends it.
    """
    end = start
    best = start
    wide = False
    gap = 0
    numbers_left = math.inf
    while end < len(lines):
        words = lines[end].words()
        numbers = [w for w in words if _is_number(w)]
        # A number alone on its line is text ("2", a page number), not a row.
        if (numbers and len(words) >= 2) or len(numbers) >= 3:
            wide = wide or len(numbers) >= 3
            numbers_left = min(numbers_left, *(w[0].x0 for w in numbers))
            end += 1
            best = end
            gap = 0
        elif end > start and gap < _MAX_LABEL_LINES and _label_only(lines[end], numbers_left):
            end += 1
            gap += 1
        else:
            break
    return best if wide else start


@dataclass(slots=True)
class _Piece:
    """A label's text at one x range, gathered from the lines it was broken over."""

    x0: float
    x1: float
    parts: list[tuple[float, str]]  # (baseline, text)

    def text(self) -> str:
        return "".join(text for _y, text in sorted(self.parts, key=lambda p: -p[0]))


def _unruled_table(lines: list[_Line], header: _Line | None = None) -> list[_Item]:
    """Rows of a table printed without lines: columns from where its numbers stand.

    A column is the span of x its numbers cover (numbers centred, left or right
    aligned all overlap within a column), or, when the headings just above
    stand over every such span, the headings themselves (so a column no row
    filled in is still a column).  Each row gets one field per column, empty
    where it printed nothing.  A line without numbers is a row printed blank
    when it starts with a row's numbering ("5．", "（六）") away from any
    figures; otherwise it is a piece of a label broken over lines, and joins
    the label it stands under in the nearest row.
    """
    spans = sorted((w[0].x0, w[-1].x1) for line in lines for w in line.words() if _is_number(w))
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    columns = [(a, b) for a, b in merged]
    first_column = columns[0][0] if columns else math.inf
    headed = _header_columns(header, first_column - 1)
    if len(headed) >= len(columns):
        placed = [_column_of(a, b, headed) for a, b in columns]
        if None not in placed and len(set(placed)) == len(placed):
            columns = headed

    def column_of(word: list[_Char]) -> int | None:
        if columns is headed:
            return _column_of(word[0].x0, word[-1].x1, columns)
        middle = (word[0].x0 + word[-1].x1) / 2
        return next((k for k, (a, b) in enumerate(columns) if a - 1 <= middle <= b + 1), None)

    rows: list[_Row] = []
    loose: list[_Line] = []
    for line in lines:
        row = _Row(line.y, line.size)
        for word in line.words():
            k = column_of(word) if _is_number(word) and word[0].x0 >= first_column - 1 else None
            if k is not None:
                row.values[k] = row.values.get(k, "") + _join(word)
            else:
                row.labels.append(_Piece(word[0].x0, word[-1].x1, [(line.y, _join(word))]))
        if row.values:
            rows.append(row)
        else:
            loose.append(line)
    # A numbered line without figures starts a label: of a row nearby whose
    # label has no start of its own there (a label over three lines, its
    # figures beside the middle one), else of a row printed blank.
    figures = list(rows)
    starts: dict[int, _Row] = {}
    for line in loose:
        word = line.words()[-1]
        text = _join(word)
        numbered = _NUMBERED.match(text)
        if not numbered or len(text) - numbered.end() < 2:
            continue  # "（四）" alone: the top of a label stacked in a narrow column
        x0, x1 = word[0].x0, word[-1].x1
        open_rows = [
            r for r in figures if abs(r.y - line.y) <= 2.2 * line.size and not r.starts_at(x0, x1)
        ]
        if open_rows:
            starts[id(line)] = min(open_rows, key=lambda r: abs(r.y - line.y))
        elif min((abs(r.y - line.y) for r in figures), default=math.inf) > line.size:
            row = _Row(line.y, line.size)
            row.labels = [_Piece(w[0].x0, w[-1].x1, [(line.y, _join(w))]) for w in line.words()]
            rows.append(row)
            starts[id(line)] = row
    rows.sort(key=lambda r: -r.y)
    for line in loose:
        target = starts.get(id(line))
        if target is not None and target.y == line.y:
            continue  # a row printed blank: its words are its labels already
        if target is None:
            if not rows:
                break
            # A label's piece joins the nearest row (the one above on a tie).
            target = min(rows, key=lambda r: (abs(r.y - line.y), -r.y))
        for word in line.words():
            target.add_piece(word[0].x0, word[-1].x1, line.y, _join(word), id(line) in starts)
    labelled = any(r.labels for r in rows)
    items: list[_Item] = []
    for row in rows:
        fields = [p.text() for p in sorted(row.labels, key=lambda p: p.x0)]
        if labelled and not fields:
            fields = [""]
        fields += [row.values.get(c, "") for c in range(len(columns))]
        items.append(_Item(row.y + row.size, "\t".join(fields), in_table=True))
    return items


@dataclass(slots=True)
class _Row:
    """A row of an unruled table: its label pieces and its figures by column."""

    y: float
    size: float
    labels: list[_Piece] = field(default_factory=list)
    values: dict[int, str] = field(default_factory=dict)

    def starts_at(self, x0: float, x1: float) -> bool:
        """Whether a label of this row over ``x0``–``x1`` begins with its numbering."""
        return any(
            min(p.x1, x1) - max(p.x0, x0) > 0 and _NUMBERED.match(p.text()) for p in self.labels
        )

    def add_piece(self, x0: float, x1: float, y: float, text: str, start: bool = False) -> None:
        """A piece of a label from another line: under the piece it overlaps, or its own.

        A piece that starts with a row's numbering is a label of its own, never
        the end of another, unless it is known to be this row's ``start``.
        """
        under = max(self.labels, key=lambda p: min(p.x1, x1) - max(p.x0, x0), default=None)
        if (
            under is not None
            and min(under.x1, x1) - max(under.x0, x0) > 0
            and (start or not _NUMBERED.match(text))
        ):
            under.parts.append((y, text))
            under.x0, under.x1 = min(under.x0, x0), max(under.x1, x1)
        else:
            self.labels.append(_Piece(x0, x1, [(y, text)]))
