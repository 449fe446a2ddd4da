"""Read a published report into a draft: text copied from a web page or PDF, or a .docx.

Offline and without guessing.  The title gives agency and year, the labels give
the edition, headings split the sections, and table lines are recognised by
their row labels.  A cell is filled only when its place is certain: a row whose
values lost their columns in the copy (too few fields, no header to align them
to) is left blank and reported cell by cell with the reason, and so is an
amount whose unit (元 or 万元) the text does not say.  Never a made-up number.

Bounded and linear: a file over 20 MB or a text over 2,000,000 characters is
refused before it is read; a damaged .docx (or one that unpacks to over 100 MB)
becomes an ``ImporterError`` with a Chinese message, as does every other input
the importer cannot use; no pattern backtracks on long runs of spaces or digits.
The draft an import produces has passed the draft loader's own checks, so it
can always be saved and opened again.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from models.editions import (
    EDITION_2019,
    EDITION_2021,
    CellRef,
    Column,
    ValueKind,
    edition_for_year,
    get_edition,
)
from models.files import disk_reason
from models.report import (
    MAX_YEAR,
    MIN_YEAR,
    SECTION_KEYS,
    DocumentError,
    Report,
    from_document,
    new_report,
    to_document,
)
from models.values import EntryError, Value, parse_value

# A published report's .docx is at most a few MB (a scanned seal); its text a few
# tens of thousands of characters.  Anything far larger is refused before reading.
MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_IMPORT_CHARS = 2_000_000
# The parts of a .docx, unpacked (a zip bomb is refused before python-docx inflates it).
MAX_DOCX_UNPACKED = 100 * 1024 * 1024
# Word tables have at most 63 columns; a larger span is damage (python-docx
# would build one cell object per spanned column).
MAX_GRID_SPAN = 63
# A longer "agency" before the title is a page's text, not a name.
MAX_AGENCY_CHARS = 100

# No two adjacent quantifiers may take the same characters ("\s*#*\s*" tries
# every split of a run of spaces): _TITLE is matched on lines whose whitespace
# runs are squeezed to one space, so each "\s*" in it takes at most one.
_HEADING = re.compile(r"^\s*(?:#+\s*)?([一二三四五六])、")
_TITLE = re.compile(r"^(.*?)\s*(\d{4})\s*年\s*度?\s*(?:政府|政务)信息公开工作(?:年度)?报告")
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_ARTICLE = re.compile(r"^第二十条第[（(]([一二三四五六七八九十]+)[）)]项")
_NUMBERING = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[）)]?[、．.]?\s*")
_NUMERIC = re.compile(r"^[-−+]?[\d,，.．]+\s*(?:件|项|个|起|条|元|万元)?$")
_SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_SECTIONS = dict(zip("一二三四五六", SECTION_KEYS, strict=True))
_ARTICLE_BLOCKS = {"一": "a1", "五": "a5", "六": "a6", "八": "a8", "九": "a9"}
_2021_ONLY = ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额")
_2019_ONLY = ("本年新制作数量", "本年新公开数量", "上一年项目数量", "采购项目数量")
_PARAGRAPH_END = tuple("。！？：；”)）")


def _damaged_docx_errors() -> tuple[type[BaseException], ...]:
    """What python-docx, zipfile, zlib and lxml raise on a damaged file."""
    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError
    from docx.oxml.exceptions import XmlchemyError
    from lxml.etree import LxmlError

    return (
        zipfile.BadZipFile,
        zlib.error,
        LxmlError,
        PythonDocxError,
        OpcError,
        XmlchemyError,
        KeyError,  # a part named in the package is missing
        ValueError,  # a part's content type is not a Word document's, an attribute is not a number
        IndexError,
        EOFError,
        NotImplementedError,  # a compression method zipfile does not know
        # python-docx assumes a well-formed package: a missing attribute or
        # element surfaces from its internals as one of these.
        AttributeError,
        TypeError,
    )


class ImporterError(ValueError):
    """An input the importer cannot use; ``str()`` is a Chinese message naming it."""


@dataclass
class ImportResult:
    report: Report
    placed: list[CellRef] = field(default_factory=list)
    blank: list[CellRef] = field(default_factory=list)  # the text has nothing there
    unplaced: dict[CellRef, str] = field(default_factory=dict)  # could not be sure: why
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"已放入 {len(self.placed)} 个单元格；原文为空 {len(self.blank)} 个；"
            f"无法确定、已留空 {len(self.unplaced)} 个"
        )


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _label_key(text: str) -> str:
    """A row label without its numbering: "（三）不予公开" → "不予公开"."""
    plain = _plain(text)
    return _NUMBERING.sub("", plain, count=1)


def _is_value(text: str) -> bool:
    return text.strip() == "" or bool(_NUMERIC.match(unicodedata.normalize("NFKC", text.strip())))


def _fields(line: str) -> list[str]:
    parts = line.split("\t")
    while parts and not parts[-1].strip():
        parts.pop()
    return parts


def _short(raw: str) -> str:
    """A cell's text for a message: a pasted megabyte is not repeated in full."""
    return raw if len(raw) <= 30 else raw[:30] + "…"


def _title_line(raw: str) -> str:
    """A line as the title pattern sees it: no leading #, whitespace runs squeezed."""
    return " ".join(raw.strip().lstrip("#").split())


def import_text(text: str, edition: str | None = None, exact_columns: bool = False) -> ImportResult:
    """``exact_columns``: table rows keep every cell (a .docx), so positions are certain.

    Raises ``ImporterError`` for a text too long to be a report, or one whose
    draft could not be saved (a lone surrogate, a section over the draft's limit).
    """
    if len(text) > MAX_IMPORT_CHARS:
        raise ImporterError(
            f"内容太长（{len(text):,}个字符，最多{MAX_IMPORT_CHARS:,}个），"
            "不像是一份年度报告，未导入"
        )
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    agency, title_year = _title(lines)
    year = title_year if MIN_YEAR <= title_year <= MAX_YEAR else 0
    plain_text = _plain(text)
    if edition is None:
        if any(w in plain_text for w in _2021_ONLY):
            edition = EDITION_2021
        elif any(w in plain_text for w in _2019_ONLY):
            edition = EDITION_2019
        else:
            edition = edition_for_year(year or dt.date.today().year - 1)
    # A draft always has a year; without one in the title, last year's stands in.
    fallback = dt.date.today().year - 1
    report = new_report(agency, year or fallback, edition)
    result = ImportResult(report)
    if not agency:
        result.notes.append("没有找到报告标题中的机关名称，请在“基本信息”中填写")
    if title_year and not year:
        result.notes.append(
            f"标题中的年度{title_year}不在{MIN_YEAR}–{MAX_YEAR}之间，"
            f"暂按{fallback}年度填写，请在“基本信息”中核对"
        )
    elif not year:
        result.notes.append(f"没有找到报告年度，暂按{fallback}年度填写，请在“基本信息”中核对")
    table_lines = _sections(lines, report, result)
    _table_two(table_lines, result)
    _table_three(table_lines, result, exact_columns)
    _table_four(table_lines, result)
    if not title_year and not result.placed and not any(report.sections.values()):
        # No title, no section heading, no figure: whatever this is, it is
        # not an annual report, and an empty draft made of it helps nobody.
        raise ImporterError(
            "没有找到报告标题、“一、总体情况”等章节或统计表中的数字，"
            "不像是政府信息公开工作年度报告，未导入"
        )
    # The same checks as opening a draft: nothing is written that cannot be read back.
    try:
        from_document(to_document(report))
    except DocumentError as exc:
        problems = str(exc).split("\n", 1)[-1]  # the loader's list, without its heading
        raise ImporterError(f"导入的内容无法保存为报告草稿，未导入：\n{problems}") from exc
    return result


def _title(lines: list[str]) -> tuple[str, int]:
    previous = ""
    for raw in lines:
        line = _title_line(raw)
        if not line:
            continue
        match = _TITLE.match(line)
        if match:
            agency = match.group(1).strip() or previous
            return ("" if len(agency) > MAX_AGENCY_CHARS else agency), int(match.group(2))
        previous = line
    return "", 0


def _sections(lines: list[str], report: Report, result: ImportResult) -> list[str]:
    """Narrative text into the report's sections; returns the table lines."""
    current = "preamble"
    paragraphs: dict[str, list[str]] = {}
    tables: list[str] = []
    # Lines before the title (a web page's menus, the agency above it) are skipped;
    # text pasted without a title is read from its first line.
    seen_title = not any(_TITLE.match(_title_line(raw)) for raw in lines)
    for raw in lines:
        stripped = raw.strip().lstrip("#").strip()
        if not seen_title:
            seen_title = bool(_TITLE.match(_title_line(raw)))
            continue
        heading = _HEADING.match(raw)
        if heading and "\t" not in raw and len(stripped) < 40:
            current = _SECTIONS[heading.group(1)]
            continue
        if "\t" in raw or _ARTICLE.match(_plain(raw)):
            tables.append(raw)
            continue
        paragraphs.setdefault(current, []).append(stripped)
    for key, items in paragraphs.items():
        if key == "other":
            items = _closing(items, report)
        text = _join_paragraphs(items)
        if key == "preamble":
            report.preamble = text
        else:
            report.sections[key] = text
    return tables


def _join_paragraphs(items: list[str]) -> str:
    """Paragraphs split by a page break (no closing punctuation) are joined again."""
    # Pieces are collected and joined once: appending to a growing string, or
    # searching it again for every line, is quadratic in a text of short lines.
    joined: list[list[str]] = []
    for item in items:
        if not item:
            continue
        continues = joined and not joined[-1][-1].endswith(_PARAGRAPH_END)
        if continues and not _SUBHEADING.match(item):
            joined[-1].append(item)
        else:
            joined.append([item])
    return "\n".join("".join(pieces) for pieces in joined)


def _closing(items: list[str], report: Report) -> list[str]:
    """The date and agency that close section 六 are the closing block, not its text."""
    lines = list(items)
    while lines:
        last = _plain(lines[-1])
        date = _DATE.match(last)
        if not last:
            lines.pop()
        elif date:
            try:
                report.issue_date = dt.date(
                    int(date.group(1)), int(date.group(2)), int(date.group(3))
                )
            except ValueError:
                pass
            lines.pop()
        elif last == _plain(report.agency):
            lines.pop()
        else:
            break
    return lines


# ---------------------------------------------------------------- 表二


def _table_two(lines: list[str], result: ImportResult) -> None:
    report = result.report
    edition = get_edition(report.edition)
    table = edition.table("t2")
    labels = {_plain(r.label): r.key for r in table.rows()}
    block_unit: str = ""
    done: set[str] = set()
    for raw in lines:
        plain = _plain(raw)
        if _ARTICLE.match(plain):
            block_unit = ""
            continue
        fields = _fields(raw)
        if not fields:
            continue
        first = _plain(fields[0])
        if first.startswith("信息内容"):
            block_unit = "万元" if "万元" in plain else ("元" if "单位:元" in plain else "")
            continue
        key = next(
            (
                k
                for label, k in sorted(labels.items(), key=lambda x: -len(x[0]))
                if first.startswith(label)
            ),
            None,
        )
        if key is None or key in done:
            continue
        done.add(key)
        block = table.block_of_row(key)
        for i, column in enumerate(block.columns):
            ref = CellRef("t2", key, column.key)
            raw_value = fields[1 + i].strip() if 1 + i < len(fields) else ""
            _place(result, ref, column, raw_value, block_unit)
    for row in table.rows():
        if row.key not in done:
            for column in table.block_of_row(row.key).columns:
                result.unplaced[CellRef("t2", row.key, column.key)] = "原文中没有找到这一行"


def _place(
    result: ImportResult, ref: CellRef, column: Column, raw: str, header_unit: str = ""
) -> None:
    report = result.report
    if not raw:
        result.blank.append(ref)
        return
    unit = ""
    if column.kind is ValueKind.MONEY:
        normal = unicodedata.normalize("NFKC", raw)
        unit = "万元" if "万元" in normal else ("元" if normal.endswith("元") else header_unit)
        if column.unit_choices:
            if not unit:
                result.unplaced[ref] = f"“{_short(raw)}”没有注明单位（元或万元），无法确定"
                return
            if unit != column.unit:
                report.units[str(ref)] = unit
        else:
            unit = column.unit
    try:
        value: Value | None = parse_value(raw, column, unit or column.unit)
    except EntryError as exc:
        result.unplaced[ref] = f"“{_short(raw)}”：{exc}"
        return
    report.set(ref, value)
    result.placed.append(ref)


# ---------------------------------------------------------------- 表三


def _table_three(lines: list[str], result: ImportResult, exact_columns: bool) -> None:
    edition = get_edition(result.report.edition)
    table = edition.table("t3")
    columns = table.blocks[0].columns
    keys = sorted(((_label_key(r.label), r.key) for r in table.rows()), key=lambda x: -len(x[0]))
    header: tuple[int, int] | None = None
    rows: dict[str, list[str]] = {}
    label_end: dict[str, int] = {}
    for raw in lines:
        fields = raw.split("\t")
        plains = [_plain(f) for f in fields]
        if "自然人" in plains and "总计" in plains:
            header = (plains.index("自然人"), plains.index("总计"))
            continue
        texts = [i for i, f in enumerate(fields) if f.strip() and not _is_value(f)]
        if not texts:
            continue
        tail = fields[texts[-1] + 1 :]
        # A label line with values, or with room for every column (a blank row).
        if not any(f.strip() for f in tail) and len(tail) < len(columns):
            continue
        last = _label_key(fields[texts[-1]])
        key = next(
            (
                k
                for label, k in keys
                if label and label in last and (label == last or len(label) > 2)
            ),
            None,
        )
        if key is None or key in rows:
            continue
        # Trailing tabs are noise in copied text, but real empty cells in a .docx.
        rows[key] = fields if exact_columns else _fields(raw)
        label_end[key] = texts[-1]
    full_width = any(
        sum(1 for f in values[label_end[k] + 1 :] if f.strip()) >= len(columns)
        for k, values in rows.items()
    )
    anchored = exact_columns or (header is not None and header[1] - header[0] == len(columns) - 1)
    for row in table.rows():
        values = rows.get(row.key)
        if values is None:
            for column in columns:
                result.unplaced[CellRef("t3", row.key, column.key)] = "原文中没有找到这一行"
            continue
        after = values[label_end[row.key] + 1 :]
        # Values line up from the right (总计 is always last) when the table's
        # rows kept their full width, or when the header shows where columns are.
        if len(after) >= len(columns) and (full_width or anchored):
            cells = after[-len(columns) :]
            for column, raw in zip(columns, cells, strict=True):
                _place(result, CellRef("t3", row.key, column.key), column, raw.strip())
        else:
            count = sum(1 for f in after if f.strip())
            why = f"这一行只剩{count}个数字，对不上{len(columns)}栏，无法确定各数属于哪一栏"
            for column in columns:
                result.unplaced[CellRef("t3", row.key, column.key)] = why


# ---------------------------------------------------------------- 表四


def _table_four(lines: list[str], result: ImportResult) -> None:
    columns = get_edition(result.report.edition).table("t4").blocks[0].columns
    candidates = []
    for raw in lines:
        fields = _fields(raw)
        if fields and all(_is_value(f) for f in fields) and any(f.strip() for f in fields):
            candidates.append(fields)
    chosen = next((f for f in candidates if len(f) == len(columns)), None)
    if chosen is None:
        for column in columns:
            result.unplaced[CellRef("t4", "all", column.key)] = "原文中没有找到完整的表四数据行"
        return
    for column, raw in zip(columns, chosen, strict=True):
        _place(result, CellRef("t4", "all", column.key), column, raw.strip())


# ---------------------------------------------------------------- .docx


def docx_text(path: Path) -> str:
    """The document as text: paragraphs as lines, tables as tab-separated rows.

    Raises ``ImporterError`` for a file that is damaged or not a Word document.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        text = _docx_text(path) if unpacked <= MAX_DOCX_UNPACKED else None
    except OSError as exc:
        raise _read_error(path, exc) from exc
    except _damaged_docx_errors() as exc:
        raise ImporterError(
            f"文件“{path}”已损坏或不是Word文档（.docx），无法读取。"
            "请在Word或WPS中打开后另存为.docx再导入，或复制全文粘贴导入"
        ) from exc
    if text is None:
        raise ImporterError(
            f"文件“{path}”解压后超过{MAX_DOCX_UNPACKED // 1024 // 1024}MB，"
            "不像是一份年度报告，未导入"
        )
    return text


def _docx_text(path: Path) -> str:
    from docx import Document
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    out: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(element, document).text)
        elif tag == "tbl":
            table = Table(element, document)
            # Not python-docx's row.cells: it makes one cell per spanned column
            # (a damaged span of 10⁹ is 10⁹ cells) and looks up every vertically
            # merged cell from the top again (quadratic, recursive).  One field
            # per <w:tc>; a merged continuation repeats the text above it.
            above: dict[int, str] = {}  # grid column → the text there in the row above
            for tr in element.tr_lst:
                column, fields, here = tr.grid_before, [], {}
                for tc in tr.tc_lst:
                    if tc.grid_span > MAX_GRID_SPAN:
                        raise ValueError("a cell spans more columns than Word allows")
                    if tc.vMerge == "continue":
                        text = above.get(column, "")
                    else:
                        text = _Cell(tc, table).text.replace("\n", "")
                    fields.append(text)
                    here[column] = text
                    column += tc.grid_span
                above = here
                out.append("\t".join(fields))
    return "\n".join(out)


def _read_error(path: Path, exc: OSError) -> ImporterError:
    if isinstance(exc, FileNotFoundError):
        return ImporterError(f"找不到文件“{path}”")
    if isinstance(exc, IsADirectoryError):
        return ImporterError(f"“{path}”是文件夹，不是报告文件")
    if isinstance(exc, PermissionError):
        return ImporterError(f"没有权限读取文件“{path}”")
    return ImporterError(f"无法读取文件“{path}”：{disk_reason(exc)}")


def import_file(path: Path) -> ImportResult:
    """A .docx or a .txt (UTF-8, or GB18030 as Chinese Windows saves it).

    Raises ``ImporterError`` (a ``ValueError``) with a Chinese message naming the file.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImporterError(
                f"文件“{path}”太大（{size / 1024 / 1024:.0f}MB，"
                f"最多{MAX_IMPORT_BYTES // 1024 // 1024}MB），不像是一份年度报告，未导入"
            )
        if path.suffix.lower() == ".docx":
            return import_text(docx_text(path), exact_columns=True)
        # Read at most one byte over the limit: the file may grow, or be a device.
        with path.open("rb") as source:
            data = source.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise _read_error(path, exc) from exc
    if len(data) > MAX_IMPORT_BYTES:
        raise ImporterError(f"文件“{path}”太大（超过{MAX_IMPORT_BYTES // 1024 // 1024}MB），未导入")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return import_text(text)
    raise ImporterError(f"“{path}”既不是 UTF-8 也不是 GB18030 编码的文本")
