"""Table text in the shapes real copies take, turned into tab-separated rows.

Web pages and PDFs lose a table's grid in many ways: cells separated by ``|``
(``行政许可 | 8 | 增10 | 18 |``), one cell a line (a label, then each value on a line
of its own, often with blank lines between), a row run together with spaces
(``一、本年新收政府信息公开申请数量 58 7 0 0 1 0 66``), a label wrapped over two
lines.  ``tabbed_rows`` rewrites such lines as the tab-separated rows the table
readers know (one field a cell), and leaves every other line as it is.  A value
is never invented here: a run of values is joined to the label before it, in
order, and the readers decide whether the count fits the row.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from models.editions import EDITION_2019, EDITION_2021, get_edition

# A cell that is a figure (with its unit or a 增/减 sign), or printed as blank.
_VALUE = re.compile(
    r"^(?:[增减]\s*)?[-−+]?\d[\d,，]*(?:[.．]\d+)?\s*(?:件|项|个|起|条|元|万元|人次)?$|^[—–\-/／]$"
)
# Pieces of the narrow columns' headers as a page wraps them, one a line.
_WRAPPED_HEADER_PIECES = frozenset(
    "商业 企业 科研 机构 社会 公益 组织 社会公益 公益组织 法律 服务 法律服务 服务机构 "
    "结果 维持 纠正 尚未 审结 总 计".split()
)
_DIGIT = re.compile(r"\d")
# A line that starts something numbered: "四、…", "(一)…", "1.…".
_NUMBERED = re.compile(
    r"^[（(]?[一二三四五六七八九十\d]+[)）]?[、.．]|^[（(][一二三四五六七八九十]+[)）]"
)
NUMBERING = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[）)]?[、．.]?\s*")
_PUNCTUATION = re.compile(r"[\s“”\"'‘’（）()、．.,，:：;；|]")
# A line this long is prose, not a cell.
_MAX_CELL_CHARS = 80


def squeeze(text: str) -> str:
    """A label as compared: NFKC, no spaces or punctuation."""
    return _PUNCTUATION.sub("", unicodedata.normalize("NFKC", text))


@functools.cache
def _row_labels() -> tuple[str, ...]:
    """Every row label of 表二 and 表三, both editions, without numbering, squeezed."""
    labels = set()
    for edition in (EDITION_2019, EDITION_2021):
        for table in ("t2", "t3"):
            for row in get_edition(edition).table(table).rows():
                plain = unicodedata.normalize("NFKC", row.label)
                labels.add(squeeze(NUMBERING.sub("", plain.strip(), count=1)))
    return tuple(sorted(labels, key=len, reverse=True))


@functools.cache
def _header_words() -> frozenset[str]:
    """The tables' header words and group labels (三、本年度办理结果, （三）不予公开 …),
    both editions, as the printed layouts hold them: lines of their own in a
    one-cell-a-line copy, never a row with values."""
    words = set()
    for key in (EDITION_2019, EDITION_2021):
        edition = get_edition(key)
        for table in ("t2", "t3", "t4"):
            data_rows = {row.label for row in edition.table(table).rows()}
            for cell in edition.layout(table).cells:
                if cell.ref is None and cell.text and cell.text not in data_rows:
                    words.add(squeeze(cell.text))
    return frozenset(words)


@functools.lru_cache(maxsize=4096)
def is_value(cell: str) -> bool:
    return bool(_VALUE.match(unicodedata.normalize("NFKC", cell.strip())))


@functools.lru_cache(maxsize=4096)  # a copy repeats its labels and figures many times
def is_row_label(cell: str) -> bool:
    """A table row's label: the template's words, numbered or not, whole or cut short."""
    plain = unicodedata.normalize("NFKC", cell.strip())
    if plain.endswith(("。", "；", "！", ";", "!")) or ("，" in cell and _DIGIT.search(plain)):
        return False  # a sentence ("予以公开3件，部分公开1件。"), not a label
    key = squeeze(NUMBERING.sub("", plain, count=1))
    if len(key) < 2 or len(cell) > _MAX_CELL_CHARS:
        return False
    # A label followed by words only in brackets or after a colon (the template's own
    # notes): "（二）部分公开（区分处理的，…）"; not "行政许可事项全部公开".
    annotated = bool(re.search(r"[(:（：]", plain))
    for label in _row_labels():
        if key == label or (len(key) >= 4 and label.startswith(key)):
            return True
        if annotated and len(label) >= 4 and key.startswith(label) and len(key) <= len(label) + 12:
            return True
    return False


def _odd_figure(text: str) -> bool:
    """A short cell shaped like a figure the readers do not take ("+(0) -(0)", "约5"):
    kept in its row's place.  A heading, a sentence or a footer ("第5页") is not."""
    plain = unicodedata.normalize("NFKC", text)
    return (
        0 < len(plain) <= 12
        and bool(_DIGIT.search(plain))
        and not plain.endswith(("。", "；", "页"))
        and not _NUMBERED.match(plain)
        and not plain.startswith("第")
    )


def _is_table_word(cell: str) -> bool:
    key = squeeze(cell)
    if key in _header_words() or key.startswith(("第二十条第", "本列数据的勾稽关系")):
        return True
    # "本年收费金额(单位:万元)"; a narrow column's header wrapped over lines ("商业", "企业").
    if any(key.startswith(word) for word in _header_words() if len(word) >= 4):
        return len(key) <= 16
    return key in _WRAPPED_HEADER_PIECES


def _label_of(cell: str) -> str:
    """A label cell that carries the template's definition after it ("规章:地方行政规章指
    …"): the label alone."""
    if len(cell) <= _MAX_CELL_CHARS:
        return cell
    head = re.split(r"[:：]", cell, maxsplit=1)[0]
    return head if len(head) < len(cell) and is_row_label(head) else cell


def _cells(line: str) -> list[str] | None:
    """The cells of a line in a table shape, or None for a line of prose."""
    if "\t" in line:
        return None  # already a row (a .docx, a tab-separated copy)
    if "|" in line:
        cells = [_label_of(c.strip()) for c in line.split("|")]
        if line.lstrip().startswith("|") and cells and not cells[0]:
            cells.pop(0)  # "| 规章 | 0 |": a bar opens the row, not an empty cell
        while cells and not cells[-1]:
            cells.pop()
        if any(len(c) > _MAX_CELL_CHARS for c in cells):
            return None
        return cells
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_CELL_CHARS + 40:
        return None
    if is_value(stripped):
        return [stripped]
    # A row run together with spaces: "label 58 7 0 0 1 0 66", or "0 0 0 0 0".
    words = stripped.split()
    values = 0
    while values < len(words) and is_value(words[-1 - values]):
        values += 1
    if values >= 2 or (values == 1 and len(words) == 2):
        head = " ".join(words[: len(words) - values])
        if not head or is_row_label(head) or _is_table_word(head):
            return ([head] if head else []) + words[len(words) - values :]
    if is_row_label(stripped) or _is_table_word(stripped):
        return [stripped]
    return None


def tabbed_rows(lines: list[str]) -> list[str]:
    """The lines with every table shape rewritten as tab-separated rows."""
    out: list[str] = []
    row: list[str] | None = None  # the row being gathered: a label, then its values
    pending_text = False  # the row's label may continue on the next line

    def flush() -> None:
        nonlocal row
        if row is not None:
            if row[0] == "":
                out.append("\t".join(row[1:]))  # values with no label: 表四's row
            else:
                # A lone label keeps a tab, so it stays a table line, not a heading.
                out.append("\t".join(row) + ("\t" if len(row) == 1 else ""))
            row = None

    for line in lines:
        cells = _cells(line)
        if cells is None:
            if row is not None and pending_text and not line.strip() == "":
                # A label wrapped onto a second line: "(二)部分公开(区分处理的,只计这" + "一情形…)";
                # never a heading or a numbered line, which begin something new.
                stripped = line.strip()
                if (
                    len(stripped) <= 30
                    and not stripped.endswith(("。", "；"))
                    and not _NUMBERED.match(unicodedata.normalize("NFKC", stripped))
                ):
                    row[0] += stripped
                    pending_text = False
                    continue
            stripped = line.strip()
            if row is not None and len(row) > 1 and _odd_figure(stripped):
                # A cell among a row's values that is not a plain figure ("+(0) -(0)"):
                # kept in its place, for the readers to refuse with a reason.
                row.append(stripped)
                continue
            if stripped:
                flush()
                out.append(line)
            continue
        if not any(cells):
            continue  # an empty cell line of a one-cell-a-line copy: no place to give it
        if len(cells) > 1:
            flush()
            out.append("\t".join(cells) + ("\t" if len(cells) == 1 else ""))
            continue
        cell = cells[0]
        if is_value(cell):
            if row is None:
                row = [""]  # values with no label before them (表四's row)
            row.append(cell)
            pending_text = False
            continue
        label = is_row_label(cell)
        if row is not None and len(row) > 1 and not label and _odd_figure(cell):
            if not _is_table_word(cell):
                row.append(cell)  # an odd cell among the values ("+(0) -(0)"), kept in place
                continue
        flush()
        row = [cell]
        pending_text = label
    flush()
    return out
