"""Read a published report into a draft: a PDF, a saved web page, a .docx, or text
copied from any of them.

Offline and without guessing.  Each format becomes text whose table rows are
tab-separated cells (``docx.py``, ``html.py``, ``pdf.py``; copied text's table
shapes — ``|`` rows, one cell a line, runs of spaces — through ``shapes.py``);
``identity.py`` finds agency and year (or leaves them for the clerk to say),
the labels give the edition, ``text.py`` splits the sections, and ``tables.py``
places 表二, 表三 and 表四 by their row labels (a row that lost one value:
``lost_column.py``).  A cell is filled only when its place is certain; every
other cell is listed with the reason and stays *unread* in the draft (never
counted as 0), and so is an amount whose unit (元 or 万元) the text does not say.
Totals printed blank and parts the copy lacks are recorded too.  Never a
made-up number.

Bounded and linear: a file over 20 MB or a text over 2,000,000 characters is
refused before it is read; a damaged file becomes an ``ImporterError`` with a
Chinese message, as does every other input the importer cannot use; patterns
run on squeezed, bounded lines, so none backtracks on long runs of spaces or
digits.  The draft an import produces has passed the draft loader's own checks,
so it can always be saved and opened again.  ``result.py`` holds
``ImportResult`` and ``ImporterError``; here, ``import_text`` and
``import_file`` put the parts together.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.editions import EDITION_2019, EDITION_2021, edition_for_year, get_edition
from models.importer.docx import docx_text, read_error
from models.importer.html import html_text, looks_like_html, looks_like_mht, mht_text
from models.importer.identity import read_identity
from models.importer.result import ImporterError, ImportResult
from models.importer.shapes import tabbed_rows
from models.importer.tables import place_table_four, place_table_three, place_table_two
from models.importer.text import as_plain, read_sections
from models.report import (
    MAX_YEAR,
    MIN_YEAR,
    REQUIRED_SECTIONS,
    SECTION_KEYS,
    DocumentError,
    from_document,
    new_report,
    to_document,
)

__all__ = [
    "MAX_IMPORT_BYTES",
    "MAX_IMPORT_CHARS",
    "ImportResult",
    "ImporterError",
    "docx_text",
    "import_file",
    "import_text",
]

# A published report's .docx is at most a few MB (a scanned seal); its text a few
# tens of thousands of characters.  Anything far larger is refused before reading.
MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_IMPORT_CHARS = 2_000_000
# Column labels only one edition's 表二 has: they tell the edition of a report.
_2021_ONLY = ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额")
_2019_ONLY = ("本年新制作数量", "本年新公开数量", "上一年项目数量", "采购项目数量")


def import_text(
    text: str,
    edition: str | None = None,
    exact_columns: bool = False,
    *,
    agency: str | None = None,
    year: int | None = None,
) -> ImportResult:
    """``exact_columns``: table rows keep every cell (a .docx), so positions are certain.

    ``agency`` and ``year``, when the clerk gave them, stand over what the text
    says; what neither gives is listed in ``ImportResult.unsure`` (the draft then
    holds a blank agency, or last year as a placeholder, until the clerk says).
    Raises ``ImporterError`` for a text too long to be a report, or one whose
    draft could not be saved (a lone surrogate, a section over the draft's limit).
    """
    if len(text) > MAX_IMPORT_CHARS:
        raise ImporterError(
            f"内容太长（{len(text):,}个字符，最多{MAX_IMPORT_CHARS:,}个），"
            "不像是一份年度报告，未导入"
        )
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not exact_columns:
        lines = tabbed_rows(lines)
    found = read_identity(lines)
    agency = agency.strip() if agency and agency.strip() else found.agency
    year = year if year else found.year
    plain_text = as_plain(text)
    if edition is None:
        if any(w in plain_text for w in _2021_ONLY):
            edition = EDITION_2021
        elif any(w in plain_text for w in _2019_ONLY):
            edition = EDITION_2019
        else:
            edition = edition_for_year(year or dt.date.today().year - 1)
    # A draft always has a year: until the clerk says, last year's stands in.
    fallback = dt.date.today().year - 1
    report = new_report(agency, year or fallback, edition)
    result = ImportResult(report)
    if not agency:
        result.unsure.append("agency")
        result.notes.append("原文中没有找到可靠的机关名称，请填写")
    if not year:
        result.unsure.append("year")
        if found.odd_year:
            result.notes.append(
                f"标题中的年度{found.odd_year}不在{MIN_YEAR}–{MAX_YEAR}之间，"
                f"请填写正确的年度（暂按{fallback}年度）"
            )
        else:
            result.notes.append(f"原文中没有找到报告年度，请填写（暂按{fallback}年度）")
    table_lines = read_sections(lines, report, result)
    place_table_two(table_lines, result)
    place_table_three(table_lines, result, exact_columns)
    place_table_four(table_lines, result, exact_columns)
    if not found.year and not result.placed and not any(report.sections.values()):
        # No title, no section heading, no figure: whatever this is, it is
        # not an annual report, and an empty draft made of it helps nobody.
        raise ImporterError(
            "没有找到报告标题、“一、总体情况”等章节或统计表中的数字，"
            "不像是政府信息公开工作年度报告，未导入"
        )
    # What the copy did not give stays known as such: rules over it cannot be
    # checked (never counted as 0), and a total printed blank is a finding.
    report.unread = dict(result.unplaced)
    derived = get_edition(report.edition).is_derived
    report.blank_totals = frozenset(ref for ref in result.blank if derived(ref))
    report.unread_fields = _absent_parts(result, has_title=bool(found.year or found.agency))
    # The same checks as opening a draft: nothing is written that cannot be read back.
    try:
        from_document(to_document(report))
    except DocumentError as exc:
        problems = str(exc).split("\n", 1)[-1]  # the loader's list, without its heading
        raise ImporterError(f"导入的内容无法保存为报告草稿，未导入：\n{problems}") from exc
    return result


def _absent_parts(result: ImportResult, has_title: bool) -> frozenset[str]:
    """Parts the copy does not contain: not the report's omissions (not MISSING),
    but not checked either.  A copy cut short lost what follows its last heading
    (and the closing date); a copy that starts mid-report (one page of an e-book,
    no title) lost what precedes its first heading."""
    report = result.report
    seen = [i for i, key in enumerate(SECTION_KEYS) if key in result.sections_seen]
    absent = []
    for i, key in enumerate(SECTION_KEYS):
        if key not in REQUIRED_SECTIONS or key in result.sections_seen:
            continue
        if report.sections.get(key):
            continue
        after_end = result.cut_off and (not seen or i > max(seen))
        # Nothing before the first heading but a title: the start is on another page.
        starts_late = result.cut_off or not has_title
        before_start = bool(seen) and i < min(seen) and starts_late and i == 0
        if after_end or before_start:
            absent.append(f"sections.{key}")
    if report.issue_date is None and result.cut_off:
        absent.append("issue_date")
    return frozenset(absent)


def import_file(path: Path, *, agency: str | None = None, year: int | None = None) -> ImportResult:
    """A published report's file: .docx, .pdf, a saved web page (.html, .htm, .mht) or a
    .txt (UTF-8, or GB18030 as Chinese Windows saves it).

    The content decides before the name does: a PDF or a web page saved as
    .txt (or without a suffix) is read as what it is.  Raises
    ``ImporterError`` (a ``ValueError``) with a Chinese message naming the file.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImporterError(
                f"文件“{path}”太大（{size / 1024 / 1024:.0f}MB），超过本程序能导入的"
                f"{MAX_IMPORT_BYTES // 1024 // 1024}MB，未导入。带大量图片的PDF可在PDF阅读器中"
                "复制全文后粘贴导入"
            )
        # Read at most one byte over the limit: the file may grow, or be a device.
        with path.open("rb") as source:
            data = source.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise read_error(path, exc) from exc
    if len(data) > MAX_IMPORT_BYTES:
        raise ImporterError(f"文件“{path}”太大（超过{MAX_IMPORT_BYTES // 1024 // 1024}MB），未导入")
    if not data.strip():
        raise ImporterError(f"文件“{path}”是空的，没有可导入的内容")
    kind = _file_kind(path, data)
    # Each reader gives table rows one field per cell, so positions are certain.
    if kind == "docx":
        return import_text(docx_text(path), exact_columns=True, agency=agency, year=year)
    if kind == "pdf":
        from models.importer.pdf import pdf_text

        return import_text(pdf_text(data, str(path)), exact_columns=True, agency=agency, year=year)
    if kind == "mht":
        return import_text(mht_text(data, str(path)), exact_columns=True, agency=agency, year=year)
    if kind == "html":
        return import_text(html_text(data, str(path)), exact_columns=True, agency=agency, year=year)
    if kind == "doc":
        raise ImporterError(
            f"“{path}”是旧版Word（.doc）或WPS格式，无法直接读取。"
            "请在Word或WPS中打开，另存为.docx后再导入，或复制全文粘贴导入"
        )
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return import_text(text, agency=agency, year=year)
    raise ImporterError(f"“{path}”既不是 UTF-8 也不是 GB18030 编码的文本")


# What a file's first bytes say it is; its suffix decides only when they say nothing.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps (and .xls)
_SUFFIX_KINDS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".wps": "doc",
    ".mht": "mht",
    ".mhtml": "mht",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
}


def _file_kind(path: Path, data: bytes) -> str:
    """The file's kind: pdf, docx, doc (old Word or WPS), mht, html or text."""
    head = data[:8192]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(_OLE_MAGIC):
        return "doc"
    if looks_like_mht(head):
        return "mht"
    if looks_like_html(head):
        return "html"
    return _SUFFIX_KINDS.get(path.suffix.lower(), "text")
