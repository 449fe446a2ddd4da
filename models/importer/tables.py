"""表二, 表三 and 表四 from a published report's table lines: each value in its cell, or why not.

A row is recognised by its label.  Its values are placed only where their
columns are certain: a row that lost fields in the copy, or holds a figure too
many, with no header to align it to, is listed cell by cell with the reason
(unread, not blank), and so is an amount whose unit (元 or 万元) the text does
not say; a 表三 row one value short is read as far as its sums make certain.
"""

from __future__ import annotations

import re
import unicodedata

from models.editions import CellRef, Column, Edition, ValueKind, get_edition
from models.importer.lost_column import Reading, row_readings, settle
from models.importer.result import ImportResult
from models.importer.shapes import NUMBERING
from models.importer.text import ARTICLE, as_plain
from models.values import EntryError, Value, parse_value

_NUMERIC = re.compile(r"^[-−+]?[\d,，.．]+\s*(?:件|项|个|起|条|元|万元)?$")


def _label_key(text: str) -> str:
    """A row label without its numbering: "（三）不予公开" → "不予公开"."""
    plain = as_plain(text)
    return NUMBERING.sub("", plain, count=1)


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


# ---------------------------------------------------------------- 表二


def place_table_two(lines: list[str], result: ImportResult) -> None:
    report = result.report
    edition = get_edition(report.edition)
    table = edition.table("t2")
    labels = {as_plain(r.label): r.key for r in table.rows()}
    block_unit: str = ""
    done: set[str] = set()
    for raw in lines:
        plain = as_plain(raw)
        if ARTICLE.match(plain):
            block_unit = ""
            continue
        fields = _fields(raw)
        if not fields:
            continue
        first = as_plain(fields[0])
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
        # Fewer fields than columns, with no tabs left for the blanks: the copy
        # lost cells, and which ones is not known.
        if len(raw.split("\t")) - 1 < len(block.columns):
            count = sum(1 for f in fields[1:] if f.strip())
            why = f"这一行只有{count}个数字，对不上{len(block.columns)}栏，无法确定各数属于哪一栏"
            for column in block.columns:
                result.unplaced[CellRef("t2", key, column.key)] = why
            continue
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
            if not unit and _is_zero(normal):
                unit = column.unit  # nothing is nothing in 元 and in 万元 alike
            if not unit:
                result.unplaced[ref] = f"“{_short(raw)}”没有注明单位（元或万元），无法确定"
                return
            if unit != column.unit:
                report.units[str(ref)] = unit
        else:
            unit = column.unit
    if column.kind is ValueKind.SIGNED_COUNT:
        raw = _signed(raw)
    try:
        value: Value | None = parse_value(raw, column, unit or column.unit)
    except EntryError as exc:
        result.unplaced[ref] = f"“{_short(raw)}”：{exc}"
        return
    report.set(ref, value)
    result.placed.append(ref)


def _is_zero(text: str) -> bool:
    return bool(re.fullmatch(r"0+(?:\.0+)?\s*", text))


# 本年增/减 written in words, as real reports do: "增15", "减4", "增加3", "减少2".
_CHANGE_WORDS = re.compile(r"^\s*(增加?|减少?)\s*(\d[\d,，]*)\s*$")


def _signed(raw: str) -> str:
    match = _CHANGE_WORDS.match(unicodedata.normalize("NFKC", raw))
    if not match:
        return raw
    return ("-" if match.group(1).startswith("减") else "") + match.group(2)


# ---------------------------------------------------------------- 表三


def place_table_three(lines: list[str], result: ImportResult, exact_columns: bool) -> None:
    edition = get_edition(result.report.edition)
    table = edition.table("t3")
    columns = table.blocks[0].columns
    keys = sorted(((_label_key(r.label), r.key) for r in table.rows()), key=lambda x: -len(x[0]))
    header: tuple[int, int] | None = None
    rows: dict[str, list[str]] = {}
    label_end: dict[str, int] = {}
    for raw in lines:
        fields = raw.split("\t")
        plains = [as_plain(f) for f in fields]
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
    short_rows = _settle_short_rows(edition, rows, label_end, len(columns))
    for row in table.rows():
        values = rows.get(row.key)
        if values is None:
            for column in columns:
                result.unplaced[CellRef("t3", row.key, column.key)] = "原文中没有找到这一行"
            continue
        after = values[label_end[row.key] + 1 :]
        figures = [f.strip() for f in after if f.strip()]
        if len(figures) > len(columns) and not exact_columns:
            # A figure too many (a page number between rows): placed only when
            # leaving out any one of them gives the same row (all 0, say).
            without = {tuple(figures[:i] + figures[i + 1 :]) for i in range(len(figures))}
            if len(figures) == len(columns) + 1 and len(without) == 1:
                for column, raw in zip(columns, without.pop(), strict=True):
                    _place(result, CellRef("t3", row.key, column.key), column, raw)
                continue
            why = f"这一行有{len(figures)}个数字，多于{len(columns)}栏，无法确定各数属于哪一栏"
            for column in columns:
                result.unplaced[CellRef("t3", row.key, column.key)] = why
            continue
        # Values line up from the right (总计 is always last) when the table's
        # rows kept their full width, or when the header shows where columns are.
        if len(after) >= len(columns) and (full_width or anchored):
            cells = after[-len(columns) :]
            for column, raw in zip(columns, cells, strict=True):
                _place(result, CellRef("t3", row.key, column.key), column, raw.strip())
        elif row.key in short_rows:
            settled, readings = short_rows[row.key]
            why = (
                f"原文这一行少了一个数，按本行总计和各列合计仍有{readings}种读法，"
                "无法确定这一栏的数"
            )
            for column in columns:
                ref = CellRef("t3", row.key, column.key)
                if ref in settled:
                    result.report.set(ref, settled[ref])
                    result.placed.append(ref)
                else:
                    result.unplaced[ref] = why
        else:
            count = sum(1 for f in after if f.strip())
            why = f"这一行只剩{count}个数字，对不上{len(columns)}栏，无法确定各数属于哪一栏"
            for column in columns:
                result.unplaced[CellRef("t3", row.key, column.key)] = why


def _settle_short_rows(
    edition: Edition,
    rows: dict[str, list[str]],
    label_end: dict[str, int],
    width: int,
) -> dict[str, tuple[dict[CellRef, int], int]]:
    """Rows one value short (a column lost in the copy): their certain cells, and how
    many readings each has left (see ``lost_column``)."""
    known: dict[str, Reading] = {}
    printed: dict[str, list[int]] = {}
    for key, fields in rows.items():
        texts = [f.strip() for f in fields[label_end[key] + 1 :] if f.strip()]
        numbers = [_count(t) for t in texts]
        if any(n is None for n in numbers):
            continue
        counts = [n for n in numbers if n is not None]
        if len(counts) == width:
            known[key] = tuple(counts)
        elif len(counts) == width - 1:
            printed[key] = counts
    if not printed:
        return {}
    total_may_be_lost = any(values[-1] != sum(values[:-1]) for values in printed.values())
    short = {key: row_readings(values, total_may_be_lost) for key, values in printed.items()}
    placed, left = settle(edition, known, short)
    return {
        key: ({ref: v for ref, v in placed.items() if ref.row == key}, left[key]) for key in short
    }


def _count(text: str) -> int | None:
    normal = unicodedata.normalize("NFKC", text)
    return int(normal) if normal.isdigit() and len(normal) <= 12 else None


# ---------------------------------------------------------------- 表四


def place_table_four(lines: list[str], result: ImportResult, exact_columns: bool = False) -> None:
    """The 15 figures of 表四: one row of values, or consecutive rows that make it up
    (a copy that printed it as three rows of five, one per group)."""
    columns = get_edition(result.report.edition).table("t4").blocks[0].columns
    runs: list[list[list[str]]] = []  # runs of consecutive all-value rows
    previous = -2
    for index, raw in enumerate(lines):
        # A Word, web or PDF table keeps its trailing blank cells; copied text does not.
        fields = raw.split("\t") if exact_columns else _fields(raw)
        if fields and all(_is_value(f) for f in fields) and any(f.strip() for f in fields):
            if index != previous + 1:
                runs.append([])
            runs[-1].append(fields)
            previous = index
    chosen = next((f for run in runs for f in run if len(f) == len(columns)), None)
    if chosen is None:
        for run in runs:
            for start in range(len(run)):
                joined: list[str] = []
                for fields in run[start:]:
                    joined += fields
                    if len(joined) >= len(columns):
                        break
                if len(joined) == len(columns):
                    chosen = joined
                    break
            if chosen is not None:
                break
    if chosen is None:
        for column in columns:
            result.unplaced[CellRef("t4", "all", column.key)] = "原文中没有找到完整的表四数据行"
        return
    for column, raw in zip(columns, chosen, strict=True):
        _place(result, CellRef("t4", "all", column.key), column, raw.strip())
