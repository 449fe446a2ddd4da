"""The report a clerk fills in, and its versioned JSON document.

A ``Report`` holds the meta data (agency, year, edition, date of issue, optional
preamble and contact block), the narrative text of the sections and every table
cell.  A cell is either absent (blank: not filled in) or a value; blank is not 0.
Totals are normally *not* stored: they are derived (see ``models.totals``).  A
total is stored only when a published report stated one (fixtures, imports), so
that the checks can say where the published figures disagree.

The JSON document is described in ``docs/draft-format.md``.  ``from_document``
checks the whole document before building anything, so a bad file is refused
with a message naming what is wrong and never half-loads.

Every limit is checked before the costly step it protects: a text over 5 MB is
refused before ``json.loads``; nesting too deep and integers over 4,300 digits
are caught from the parser; money must be plain digits (at most 12 before the
point, 6 after) before it reaches ``Decimal``; counts have at most 12 digits;
text fields at most 200,000 characters and encodable (no lone surrogates), so
that whatever loads can be checked, printed and saved again.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from models.editions import (
    EDITIONS,
    CellRef,
    ValueKind,
    edition_for_year,
    get_edition,
)
from models.values import MAX_DIGITS, Value

FORMAT_NAME = "gov-info-annual-report"
SCHEMA_VERSION = 1

# The narrative sections, in printed order.  二/三/四 are tables; their text is
# an optional paragraph printed before the table (many reports have one).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("overview", "一、总体情况"),
    ("proactive", "二、主动公开政府信息情况"),
    ("requests", "三、收到和处理政府信息公开申请情况"),
    ("review", "四、政府信息公开行政复议、行政诉讼情况"),
    ("problems", "五、存在的主要问题及改进情况"),
    ("other", "六、其他需要报告的事项"),
)
SECTION_KEYS = tuple(k for k, _ in SECTIONS)
SECTION_TITLES = dict(SECTIONS)
# Sections that must say something; the table sections' text is optional.
REQUIRED_SECTIONS = ("overview", "problems", "other")
FIELD_TITLES = {"agency": "机关名称", "preamble": "前言", "contact": "联系方式"}
# An agency's name, however long its full title, fits a line or two of the title.
MAX_AGENCY_CHARS = 100

MIN_YEAR, MAX_YEAR = 2008, 2100

# A real draft is a few kB (a full report about 30 kB); anything this large is
# not a draft and is refused before it is parsed.
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
# Per text field (a narrative section is a few thousand characters).
MAX_TEXT_CHARS = 200_000
# Money as the program writes it (f"{value:f}"): plain digits, at most 6 decimals
# (the fen, in 万元).  No exponent ever reaches Decimal(): "1e999999999" would
# print a gigabyte, "1e1000000" overflows the first sum.
MONEY_DECIMALS_STORED = 6
_MONEY_TEXT = re.compile(rf"-?[0-9]{{1,{MAX_DIGITS}}}(?:\.[0-9]{{1,{MONEY_DECIMALS_STORED}}})?")
# A message lists this many problems; a fuzzed file may have thousands.
MAX_PROBLEMS_SHOWN = 30


class DocumentError(ValueError):
    """A draft document that cannot be loaded; ``str()`` is a Chinese message."""


@dataclass
class Report:
    agency: str = ""
    year: int = 0
    edition: str = ""
    issue_date: dt.date | None = None
    preamble: str = ""
    contact: str = ""
    sections: dict[str, str] = field(default_factory=lambda: {k: "" for k in SECTION_KEYS})
    cells: dict[CellRef, Value] = field(default_factory=dict)
    # Money columns whose unit the clerk chose (column id "t2.procurement.amount").
    units: dict[str, str] = field(default_factory=dict)
    # A report imported from a published copy: cells the import could not read
    # (→ why), and totals the published report printed blank.  Rules over an
    # unread cell cannot be checked; a blank published total is a finding.  Both
    # lapse for a cell once the clerk fills it in.
    unread: dict[CellRef, str] = field(default_factory=dict)
    blank_totals: frozenset[CellRef] = frozenset()
    # Fields the published copy does not contain ("sections.other", "issue_date"):
    # a copy cut short, not an omission of the report; lapses once filled in.
    unread_fields: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.edition and self.year:
            self.edition = edition_for_year(self.year)

    @property
    def title(self) -> str:
        return self.agency + self.title_after_agency

    @property
    def title_after_agency(self) -> str:
        """The title without the agency (the printed title breaks the line there)."""
        return f"{self.year}年政府信息公开工作年度报告"

    def unit_of(self, ref: CellRef) -> str:
        column = get_edition(self.edition).column(ref)
        return self.units.get(f"{ref.table}.{ref.row}.{ref.col}", column.unit)

    def get(self, ref: CellRef) -> Value | None:
        return self.cells.get(ref)

    def set(self, ref: CellRef, value: Value | None) -> None:
        if value is None:
            self.cells.pop(ref, None)
        else:
            self.cells[ref] = value

    def copy(self) -> Report:
        return copy.deepcopy(self)


def new_report(agency: str, year: int, edition: str | None = None) -> Report:
    """An empty report of the edition in force for ``year`` (or the one given)."""
    return Report(agency=agency, year=year, edition=edition or edition_for_year(year))


# ---------------------------------------------------------------- to JSON


def _json_value(value: Value) -> int | str:
    # Money travels as a string so that no float ever rounds it.
    return f"{value:f}" if isinstance(value, Decimal) else value


def to_document(report: Report) -> dict[str, Any]:
    edition = get_edition(report.edition)
    ordered = [c for c in edition.cells() if c in report.cells]
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "agency": report.agency,
        "year": report.year,
        "edition": report.edition,
        "issue_date": report.issue_date.isoformat() if report.issue_date else None,
        "preamble": report.preamble,
        "contact": report.contact,
        "sections": {k: report.sections.get(k, "") for k in SECTION_KEYS},
        "units": dict(sorted(report.units.items())),
        "cells": {str(c): _json_value(report.cells[c]) for c in ordered},
    }
    # Only an imported report has it, so every other draft stays as before.
    if report.unread or report.blank_totals or report.unread_fields:
        document["imported"] = {
            "unread": {str(c): report.unread[c] for c in edition.cells() if c in report.unread},
            "blank_totals": [str(c) for c in edition.cells() if c in report.blank_totals],
            "unread_fields": sorted(report.unread_fields),
        }
    return document


def to_json(report: Report) -> str:
    return json.dumps(to_document(report), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- from JSON


def from_json(text: str) -> Report:
    if len(text) > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            f"不是报告草稿：内容太大（超过{MAX_DOCUMENT_BYTES // 1024 // 1024}MB，"
            "一份报告草稿只有几十KB）"
        )
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            f"不是有效的报告文件：JSON 格式错误（第{exc.lineno}行第{exc.colno}列）"
        ) from exc
    except RecursionError as exc:
        raise DocumentError("不是有效的报告文件：括号嵌套层数过多") from exc
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise DocumentError("不是有效的报告文件：其中有位数过多的数字") from exc
    return from_document(document)


def from_document(document: object) -> Report:
    """Build a Report from a document, or raise DocumentError naming every problem."""
    if not isinstance(document, dict):
        raise DocumentError("不是本程序的报告文件：内容不是一个对象")
    if document.get("format") != FORMAT_NAME:
        raise DocumentError("不是本程序的报告文件（缺少 format 标记或标记不符）")
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise DocumentError("报告文件缺少版本号（schema_version）")
    if version > SCHEMA_VERSION:
        raise DocumentError(f"报告文件的版本（{_shown(version)}）比本程序新，请升级程序后再打开")
    if version < 1:
        raise DocumentError(f"报告文件的版本号无效：{_shown(version)}")

    problems: list[str] = []
    known = {
        "format",
        "schema_version",
        "agency",
        "year",
        "edition",
        "issue_date",
        "preamble",
        "contact",
        "sections",
        "units",
        "cells",
        "imported",
    }
    unknown = sorted(set(document) - known)
    if unknown:
        problems.append(f"无法识别的字段：{_names(unknown)}")

    agency = _text_field(document, "agency", problems)
    preamble = _text_field(document, "preamble", problems)
    contact = _text_field(document, "contact", problems)
    year = document.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR:
        problems.append(f"年度（year）应为{MIN_YEAR}–{MAX_YEAR}之间的整数，实际为 {_shown(year)}")
        year = 0
    edition_key = document.get("edition")
    if edition_key not in EDITIONS:
        problems.append(
            f"模板版本（edition）应为 {' 或 '.join(EDITIONS)}，实际为 {_shown(edition_key)}"
        )
        edition_key = None
    issue_date = _date_field(document.get("issue_date"), problems)
    sections = _sections_field(document.get("sections", {}), problems)
    cells: dict[CellRef, Value] = {}
    units: dict[str, str] = {}
    unread: dict[CellRef, str] = {}
    blank_totals: frozenset[CellRef] = frozenset()
    unread_fields: frozenset[str] = frozenset()
    if edition_key:
        units = _units_field(document.get("units", {}), edition_key, problems)
        cells = _cells_field(document.get("cells", {}), edition_key, problems)
        unread, blank_totals, unread_fields = _imported_field(
            document.get("imported", {}), edition_key, problems
        )

    if problems:
        shown = [f"· {p}" for p in problems[:MAX_PROBLEMS_SHOWN]]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            shown.append(f"……另有{len(problems) - MAX_PROBLEMS_SHOWN}处问题")
        raise DocumentError("报告文件有误，未打开：\n" + "\n".join(shown))
    assert isinstance(year, int) and isinstance(edition_key, str)
    return Report(
        agency=agency,
        year=year,
        edition=edition_key,
        issue_date=issue_date,
        preamble=preamble,
        contact=contact,
        sections=sections,
        cells=cells,
        units=units,
        unread=unread,
        blank_totals=blank_totals,
        unread_fields=unread_fields,
    )


def _text_field(document: dict[str, Any], name: str, problems: list[str]) -> str:
    value = document.get(name, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append(f"字段 {name} 应为文字")
        return ""
    what = f"{FIELD_TITLES[name]}（{name}）"
    if name == "agency" and len(value) > MAX_AGENCY_CHARS:
        problems.append(f"{what}：太长（{len(value):,}个字符，最多{MAX_AGENCY_CHARS}个）")
        return ""
    return _checked_text(value, what, problems)


def _checked_text(text: str, what: str, problems: list[str]) -> str:
    """``text`` if it can be shown and saved again, else "" and a problem named."""
    if len(text) > MAX_TEXT_CHARS:
        problems.append(f"{what}：太长（{len(text):,}个字符，最多{MAX_TEXT_CHARS:,}个）")
        return ""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate: it loads, but the next save would fail.
        problems.append(f"{what}：含有无法保存的字符（不成对的代理码位）")
        return ""
    return text


def _shown(value: object) -> str:
    """A value for a message: short, printable, never recursive or huge."""
    if isinstance(value, str):
        return repr(value if len(value) <= 20 else value[:20] + "…")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**15:
        return "位数过多的数字"
    if isinstance(value, dict):
        return "一个对象"
    if isinstance(value, list):
        return "一个列表"
    return repr(value)  # None, bool, float, small int


def _name(key: str) -> str:
    """A key as written when it is short and printable, else shortened."""
    return key if len(key) <= 40 and key.isprintable() else _shown(key)


def _names(keys: list[str]) -> str:
    more = f" 等{len(keys)}个" if len(keys) > 5 else ""
    return "、".join(_name(k) for k in keys[:5]) + more


def _date_field(value: object, problems: list[str]) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    problems.append(f"成文日期（issue_date）应为 YYYY-MM-DD 格式，实际为 {_shown(value)}")
    return None


def _sections_field(value: object, problems: list[str]) -> dict[str, str]:
    sections = {k: "" for k in SECTION_KEYS}
    if not isinstance(value, dict):
        problems.append("正文（sections）应为对象")
        return sections
    for key, text in value.items():
        if key not in SECTION_KEYS:
            problems.append(f"无法识别的正文部分：{_name(key)}")
        elif not isinstance(text, str):
            problems.append(f"正文部分 {key} 应为文字")
        else:
            sections[key] = _checked_text(text, f"“{SECTION_TITLES[key]}”正文", problems)
    return sections


def _units_field(value: object, edition_key: str, problems: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append("单位（units）应为对象")
        return {}
    edition = get_edition(edition_key)
    units = {}
    for column_id, unit in value.items():
        try:
            ref = CellRef.parse(column_id)
            column = edition.column(ref)
        except (ValueError, KeyError):
            problems.append(f"单位设置指向不存在的栏目：{_name(column_id)}")
            continue
        if unit not in (column.unit_choices or (column.unit,)):
            problems.append(f"栏目“{edition.cell_name(ref)}”的单位不能是 {_shown(unit)}")
            continue
        units[column_id] = unit
    return units


def _cells_field(value: object, edition_key: str, problems: list[str]) -> dict[CellRef, Value]:
    if not isinstance(value, dict):
        problems.append("表格数据（cells）应为对象")
        return {}
    edition = get_edition(edition_key)
    cells: dict[CellRef, Value] = {}
    for key, raw in value.items():
        try:
            ref = CellRef.parse(key)
        except ValueError:
            problems.append(f"无法识别的单元格：{_name(key)}")
            continue
        if not edition.has_cell(ref):
            problems.append(f"{edition_key}年版模板中没有单元格 {_name(key)}")
            continue
        if raw is None:
            continue
        column = edition.column(ref)
        name = f"单元格 {key}（{edition.cell_name(ref)}）"
        is_int = isinstance(raw, int) and not isinstance(raw, bool)
        if column.kind is ValueKind.MONEY:
            if isinstance(raw, str) and len(raw) <= 40 and _MONEY_TEXT.fullmatch(raw):
                cells[ref] = Decimal(raw)
            elif is_int and abs(raw) < 10**MAX_DIGITS:
                cells[ref] = Decimal(raw)
            else:
                problems.append(
                    f"{name}应为金额文字（不超过{MAX_DIGITS}位整数、"
                    f"最多{MONEY_DECIMALS_STORED}位小数），实际为 {_shown(raw)}"
                )
        elif is_int and abs(raw) < 10**MAX_DIGITS:
            # Out-of-range counts load, so that the VAL check can point at them
            # in the window rather than the whole file being refused.
            cells[ref] = raw
        elif is_int:
            problems.append(f"{name}的数字超过{MAX_DIGITS}位，实际为 {_shown(raw)}")
        else:
            problems.append(f"{name}应为整数，实际为 {_shown(raw)}")
    return cells


# The fields a published copy may lack (see Report.unread_fields).
UNREAD_FIELDS = frozenset({"issue_date", *(f"sections.{k}" for k in SECTION_KEYS)})


def _imported_field(
    value: object, edition_key: str, problems: list[str]
) -> tuple[dict[CellRef, str], frozenset[CellRef], frozenset[str]]:
    """What an import could not read, and the totals the published report left blank."""
    if not isinstance(value, dict) or not set(value) <= {"unread", "blank_totals", "unread_fields"}:
        problems.append("导入信息（imported）应为含 unread、blank_totals、unread_fields 的对象")
        return {}, frozenset(), frozenset()
    edition = get_edition(edition_key)

    def cell(key: object) -> CellRef | None:
        try:
            ref = CellRef.parse(key) if isinstance(key, str) else None
        except ValueError:
            ref = None
        if ref is None or not edition.has_cell(ref):
            problems.append(f"导入信息指向不存在的单元格：{_shown(key)}")
            return None
        return ref

    unread: dict[CellRef, str] = {}
    raw_unread = value.get("unread", {})
    if not isinstance(raw_unread, dict):
        problems.append("导入信息的 unread 应为对象")
        raw_unread = {}
    for key, why in raw_unread.items():
        ref = cell(key)
        if ref is None:
            continue
        if not isinstance(why, str):
            problems.append(f"导入信息中单元格 {_shown(key)} 的说明应为文字")
            continue
        unread[ref] = _checked_text(why, "导入说明", problems)
    raw_blank = value.get("blank_totals", [])
    if not isinstance(raw_blank, list):
        problems.append("导入信息的 blank_totals 应为列表")
        raw_blank = []
    blank = {ref for ref in map(cell, raw_blank) if ref is not None}
    fields = value.get("unread_fields", [])
    valid = isinstance(fields, list) and all(isinstance(f, str) for f in fields)
    if not valid or not set(fields) <= UNREAD_FIELDS:
        problems.append("导入信息中原文缺少的部分（unread_fields）无法识别")
        fields = []
    derived_blank = frozenset(ref for ref in blank if edition.is_derived(ref))
    return unread, derived_blank, frozenset(fields)
