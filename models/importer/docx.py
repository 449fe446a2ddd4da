"""A Word document (.docx) as text, and the Chinese message when it cannot be read.

Paragraphs become lines and table rows tab-separated fields, one field per
cell as Word stores it, so the table readers know each value's column.  A
damaged file, or one that unpacks to over 100 MB, becomes an ``ImporterError``.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from models.files import disk_reason
from models.importer.result import ImporterError

# The parts of a .docx, unpacked (a zip bomb is refused before python-docx inflates it).
MAX_DOCX_UNPACKED = 100 * 1024 * 1024
# Word tables have at most 63 columns; a larger span is damage (python-docx
# would build one cell object per spanned column).
MAX_GRID_SPAN = 63


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


def docx_text(path: Path) -> str:
    """The document as text: paragraphs as lines, tables as tab-separated rows.

    Raises ``ImporterError`` for a file that is damaged or not a Word document.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        text = _docx_text(path) if unpacked <= MAX_DOCX_UNPACKED else None
    except OSError as exc:
        raise read_error(path, exc) from exc
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


def read_error(path: Path, exc: OSError) -> ImporterError:
    """The message for a file the disk will not give (a .docx or, via ``import_file``, a .txt)."""
    if isinstance(exc, FileNotFoundError):
        return ImporterError(f"找不到文件“{path}”")
    if isinstance(exc, IsADirectoryError):
        return ImporterError(f"“{path}”是文件夹，不是报告文件")
    if isinstance(exc, PermissionError):
        return ImporterError(f"没有权限读取文件“{path}”")
    return ImporterError(f"无法读取文件“{path}”：{disk_reason(exc)}")
