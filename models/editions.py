"""The two editions of the annual report's tables, as data.

Everything that draws or checks a table (the grid, the PDF, the checks, the
importers) reads it from here: tables → blocks → rows and columns, each with a
stable key and its exact Chinese label, the kind of value it holds, which cells
are derived totals, the sums that define those totals, and the merged header
layout of the printed template.  Adding an edition means adding data here, not
code elsewhere.

Labels are copied character for character from the State Council templates
(国办公开办函〔2019〕60号 and 〔2021〕30号), full-width punctuation included.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any, NamedTuple

EDITION_2019 = "2019"
EDITION_2021 = "2021"
EDITIONS = (EDITION_2019, EDITION_2021)

EDITION_TITLES = {
    EDITION_2019: "2019年版（国办公开办函〔2019〕60号）",
    EDITION_2021: "2021年版（国办公开办函〔2021〕30号）",
}


def edition_for_year(year: int) -> str:
    """The edition in force for a report year: 2019–2020 → 2019, 2021 on → 2021."""
    return EDITION_2019 if year <= 2020 else EDITION_2021


class ValueKind(StrEnum):
    COUNT = "count"  # whole number ≥ 0
    SIGNED_COUNT = "signed_count"  # whole number, may be negative (本年增/减)
    MONEY = "money"  # Decimal ≥ 0, at most 4 decimals, in the column's unit


MONEY_UNITS = ("元", "万元")


class CellRef(NamedTuple):
    """One table cell: table key, row key, column key (e.g. t3 / new / natural)."""

    table: str
    row: str
    col: str

    def __str__(self) -> str:
        return f"{self.table}.{self.row}.{self.col}"

    @classmethod
    def parse(cls, text: str) -> CellRef:
        parts = text.split(".")
        if len(parts) != 3 or not all(parts):
            raise ValueError(text)
        return cls(*parts)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: ValueKind = ValueKind.COUNT
    unit: str = ""  # money: the default unit (元 or 万元)
    unit_choices: tuple[str, ...] = ()  # money: units the clerk may switch to
    derived: bool = False


@dataclass(frozen=True)
class Row:
    key: str
    label: str  # its own label, e.g. "1．属于国家秘密"
    path: tuple[str, ...] = ()  # the labels of the groups above it
    derived: bool = False


@dataclass(frozen=True)
class Block:
    """A run of rows sharing one column header (表二 has one per article)."""

    key: str
    heading: str  # e.g. "第二十条第（一）项"; empty for 表三/表四
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


class Sum(NamedTuple):
    """target = Σ parts; the rule code names the check that compares them."""

    code: str
    target: CellRef
    parts: tuple[CellRef, ...]


class CellRole(StrEnum):
    CORNER = "corner"
    HEADING = "heading"  # 表二 block heading (第二十条第（一）项)
    HEADER = "header"  # column header
    ROW_LABEL = "row_label"
    VALUE = "value"  # a cell the clerk fills in
    DERIVED = "derived"  # a total the program computes


@dataclass(frozen=True)
class GridCell:
    """One rectangle of the printed table: text or a value cell, with its span."""

    row: int
    col: int
    role: CellRole
    text: str = ""
    ref: CellRef | None = None
    rowspan: int = 1
    colspan: int = 1
    # A money column's header names its unit, which the report chooses.
    unit_of: CellRef | None = None


@dataclass(frozen=True)
class GridLayout:
    """The merged layout of one table as printed: the grid and the PDF draw this."""

    n_rows: int
    n_cols: int
    cells: tuple[GridCell, ...]
    header_rows: int  # rows to repeat when the table breaks across pages
    label_cols: int  # leading columns that hold row labels

    def at(self, row: int, col: int) -> GridCell | None:
        """The cell whose rectangle starts at (row, col), if any."""
        return self._origin_index().get((row, col))

    def covering(self, row: int, col: int) -> GridCell | None:
        """The cell whose rectangle covers (row, col)."""
        return self._cover_index().get((row, col))

    def position_of(self, ref: CellRef) -> tuple[int, int] | None:
        return self._ref_index().get(ref)

    # Indices are built lazily and cached on the frozen instance.
    def _origin_index(self) -> dict[tuple[int, int], GridCell]:
        return _cached(self, "_origin", lambda: {(c.row, c.col): c for c in self.cells})

    def _cover_index(self) -> dict[tuple[int, int], GridCell]:
        def build() -> dict[tuple[int, int], GridCell]:
            out = {}
            for c in self.cells:
                for r in range(c.row, c.row + c.rowspan):
                    for k in range(c.col, c.col + c.colspan):
                        out[(r, k)] = c
            return out

        return _cached(self, "_cover", build)

    def _ref_index(self) -> dict[CellRef, tuple[int, int]]:
        return _cached(self, "_refs", lambda: {c.ref: (c.row, c.col) for c in self.cells if c.ref})


def _cached[T](obj: object, name: str, build: Callable[[], T]) -> T:
    cache_dict: dict[str, Any] = obj.__dict__.setdefault("_index_cache", {})
    if name not in cache_dict:
        cache_dict[name] = build()
    built: T = cache_dict[name]  # each name is built by one caller, always the same type
    return built


@dataclass(frozen=True)
class Table:
    key: str  # t2 / t3 / t4
    number: str  # 表二
    section: str  # the section heading it belongs to
    blocks: tuple[Block, ...]
    corner: str = ""  # 表三's 勾稽关系 note

    def rows(self) -> tuple[Row, ...]:
        return tuple(r for b in self.blocks for r in b.rows)

    def block_of_row(self, row_key: str) -> Block:
        for b in self.blocks:
            if any(r.key == row_key for r in b.rows):
                return b
        raise KeyError(row_key)


@dataclass(frozen=True)
class Edition:
    key: str
    title: str
    tables: tuple[Table, ...]
    sums: tuple[Sum, ...] = field(default=())
    # 表三's printed 勾稽关系: left rows = right rows, per column.
    balance_left: tuple[str, ...] = ()
    balance_right: tuple[str, ...] = ()

    def table(self, key: str) -> Table:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)

    def column(self, ref: CellRef) -> Column:
        return _column_index(self.key)[ref]

    def row(self, ref: CellRef) -> Row:
        return _row_index(self.key)[(ref.table, ref.row)]

    def cells(self) -> tuple[CellRef, ...]:
        """Every value cell, in reading order (table, row, column)."""
        return _cell_list(self.key)

    def input_cells(self) -> tuple[CellRef, ...]:
        """Every cell the clerk fills in (not a computed total), in reading order."""
        return _input_cells(self.key)

    def is_derived(self, ref: CellRef) -> bool:
        return ref in _derived_targets(self.key)

    def defining_sum(self, ref: CellRef) -> Sum | None:
        """The sum that computes a derived cell (the first one declared for it)."""
        return _derived_targets(self.key).get(ref)

    def has_cell(self, ref: CellRef) -> bool:
        return ref in _column_index(self.key)

    def cell_name(self, ref: CellRef) -> str:
        """A readable Chinese name of a cell for messages, e.g. 表三 一、本年新收… / 自然人."""
        table = self.table(ref.table)
        row = self.row(ref)
        col = self.column(ref)
        if table.key == "t4":
            group = _T4_GROUP_LABEL[ref.col.split("_")[0]]
            return f"{table.number} {group} {col.label}"
        if table.key == "t3":
            return f"{table.number} {_t3_row_short(row)} / {col.label}"
        return f"{table.number} {row.label} / {col.label}"

    def layout(self, table_key: str) -> GridLayout:
        return _layout(self.key, table_key)


def _t3_row_short(row: Row) -> str:
    # "三（三）1．属于国家秘密": the top-level number, then the sub-heading's number.
    if not row.path:
        return row.label
    top = row.path[0].split("、")[0] + "、" if "、" in row.path[0] else row.path[0]
    if len(row.path) == 1:
        return f"{top[:-1]}{row.label}"
    return f"{top[:-1]}{row.path[1][:3]}{row.label}"


# ---------------------------------------------------------------- 表二

_ARTICLE_1 = "第二十条第（一）项"
_ARTICLE_5 = "第二十条第（五）项"
_ARTICLE_6 = "第二十条第（六）项"
_ARTICLE_8 = "第二十条第（八）项"
_ARTICLE_9 = "第二十条第（九）项"

_PREV = Column("prev_items", "上一年项目数量")
_CHANGE = Column("change", "本年增/减", ValueKind.SIGNED_COUNT)
_DECISIONS_2019 = Column("decisions", "处理决定数量")

_T2_2019 = Table(
    key="t2",
    number="表二",
    section="二、主动公开政府信息情况",
    blocks=(
        Block(
            "a1",
            _ARTICLE_1,
            (
                Column("made", "本年新制作数量"),
                Column("published", "本年新公开数量"),
                Column("total_public", "对外公开总数量"),
            ),
            (Row("rules", "规章"), Row("normative", "规范性文件")),
        ),
        Block(
            "a5",
            _ARTICLE_5,
            (_PREV, _CHANGE, _DECISIONS_2019),
            (Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项")),
        ),
        Block(
            "a6",
            _ARTICLE_6,
            (_PREV, _CHANGE, _DECISIONS_2019),
            (Row("penalty", "行政处罚"), Row("coercion", "行政强制")),
        ),
        Block("a8", _ARTICLE_8, (_PREV, _CHANGE), (Row("fees", "行政事业性收费"),)),
        Block(
            "a9",
            _ARTICLE_9,
            (
                Column("items", "采购项目数量"),
                Column(
                    "amount",
                    "采购总金额",
                    ValueKind.MONEY,
                    unit="万元",
                    unit_choices=MONEY_UNITS,
                ),
            ),
            (Row("procurement", "政府集中采购"),),
        ),
    ),
)

_DECISIONS_2021 = Column("decisions", "本年处理决定数量")

_T2_2021 = Table(
    key="t2",
    number="表二",
    section="二、主动公开政府信息情况",
    blocks=(
        Block(
            "a1",
            _ARTICLE_1,
            (
                Column("issued", "本年制发件数"),
                Column("repealed", "本年废止件数"),
                Column("in_force", "现行有效件数"),
            ),
            (Row("rules", "规章"), Row("normative", "行政规范性文件")),
        ),
        Block("a5", _ARTICLE_5, (_DECISIONS_2021,), (Row("licensing", "行政许可"),)),
        Block(
            "a6",
            _ARTICLE_6,
            (_DECISIONS_2021,),
            (Row("penalty", "行政处罚"), Row("coercion", "行政强制")),
        ),
        Block(
            "a8",
            _ARTICLE_8,
            (
                Column(
                    "fee_amount",
                    "本年收费金额（单位：万元）",
                    ValueKind.MONEY,
                    unit="万元",
                ),
            ),
            (Row("fees", "行政事业性收费"),),
        ),
    ),
)

# ---------------------------------------------------------------- 表三

T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
T3_LEGAL = "法人或其他组织"
T3_APPLICANT_COLS = ("natural", "commercial", "research", "nonprofit", "legal", "other")

_T3_COLUMNS = (
    Column("natural", "自然人"),
    Column("commercial", "商业企业"),
    Column("research", "科研机构"),
    Column("nonprofit", "社会公益组织"),
    Column("legal", "法律服务机构"),
    Column("other", "其他"),
    Column("total", "总计", derived=True),
)

_RESULTS = "三、本年度办理结果"
_REFUSE = "（三）不予公开"
_UNABLE = "（四）无法提供"
_REJECT = "（五）不予处理"
_OTHER = "（六）其他处理"


def _t3_rows(edition: str) -> tuple[Row, ...]:
    rows = [
        Row("new", "一、本年新收政府信息公开申请数量"),
        Row("carried", "二、上年结转政府信息公开申请数量"),
        Row("open", "（一）予以公开", (_RESULTS,)),
        Row("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", (_RESULTS,)),
    ]
    refuse = (
        "属于国家秘密",
        "其他法律行政法规禁止公开",
        "危及“三安全一稳定”",
        "保护第三方合法权益",
        "属于三类内部事务信息",
        "属于四类过程性信息",
        "属于行政执法案卷",
        "属于行政查询事项",
    )
    unable = ("本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确")
    reject = (
        "信访举报投诉类申请",
        "重复申请",
        "要求提供公开出版物",
        "无正当理由大量反复申请",
        "要求行政机关确认或重新出具已获取信息",
    )
    for group, key, labels in (
        (_REFUSE, "refuse", refuse),
        (_UNABLE, "unable", unable),
        (_REJECT, "reject", reject),
    ):
        rows += [
            Row(f"{key}_{i}", f"{i}．{label}", (_RESULTS, group))
            for i, label in enumerate(labels, start=1)
        ]
    if edition == EDITION_2019:
        rows.append(Row("other", _OTHER, (_RESULTS,)))
    else:
        other = (
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "其他",
        )
        rows += [
            Row(f"other_{i}", f"{i}．{label}", (_RESULTS, _OTHER))
            for i, label in enumerate(other, start=1)
        ]
    rows.append(Row("results_total", "（七）总计", (_RESULTS,), derived=True))
    rows.append(Row("carry_forward", "四、结转下年度继续办理"))
    return tuple(rows)


def _t3(edition: str) -> Table:
    return Table(
        key="t3",
        number="表三",
        section="三、收到和处理政府信息公开申请情况",
        blocks=(Block("main", "", _T3_COLUMNS, _t3_rows(edition)),),
        corner=T3_CORNER,
    )


T3_OUTCOME_EXCLUDED = ("new", "carried", "results_total", "carry_forward")


def t3_outcome_rows(table: Table) -> tuple[str, ...]:
    """The rows （一）…（六） that add up to （七）总计."""
    return tuple(r.key for r in table.rows() if r.key not in T3_OUTCOME_EXCLUDED)


# ---------------------------------------------------------------- 表四

T4_REVIEW = "行政复议"
T4_LITIGATION = "行政诉讼"
T4_GROUPS = ("review", "direct", "after")
_T4_GROUP_LABEL = {
    "review": "行政复议",
    "direct": "行政诉讼（未经复议直接起诉）",
    "after": "行政诉讼（复议后起诉）",
}
T4_SUBGROUP_LABELS = {"direct": "未经复议直接起诉", "after": "复议后起诉"}
T4_OUTCOMES = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
)
T4_OUTCOME_WORDS = dict(T4_OUTCOMES)

# The narrative section printed before each table (its optional text).
TABLE_SECTIONS = {"t2": "proactive", "t3": "requests", "t4": "review"}
SECTION_TABLES = {section: table for table, section in TABLE_SECTIONS.items()}

# 表二's stock rows, carried from last year's report: edition 2019 counts items
# (上一年项目数量 + 本年增/减), edition 2021 documents in force.
STOCK_ROWS_2019 = ("licensing", "other_services", "penalty", "coercion", "fees")
STOCK_ROWS_2021 = ("rules", "normative")


def t4_group_label(group: str) -> str:
    return _T4_GROUP_LABEL[group]


def _t4() -> Table:
    cols = []
    for group in T4_GROUPS:
        cols += [Column(f"{group}_{key}", label) for key, label in T4_OUTCOMES]
        cols.append(Column(f"{group}_total", "总计", derived=True))
    return Table(
        key="t4",
        number="表四",
        section="四、政府信息公开行政复议、行政诉讼情况",
        blocks=(Block("main", "", tuple(cols), (Row("all", ""),)),),
    )


# ---------------------------------------------------------------- sums


def _sums(tables: tuple[Table, ...]) -> tuple[Sum, ...]:
    sums: list[Sum] = []
    t3 = next(t for t in tables if t.key == "t3")
    outcomes = t3_outcome_rows(t3)
    all_cols = [c.key for c in t3.blocks[0].columns]
    # Column sums come first so that they define （七）总计 of the 总计 column:
    # the corner is what the 总计 column's outcome rows add up to.
    for col in all_cols:
        sums.append(
            Sum(
                "T3-SUM",
                CellRef("t3", "results_total", col),
                tuple(CellRef("t3", r, col) for r in outcomes),
            )
        )
    for row in t3.rows():
        sums.append(
            Sum(
                "T3-ROW",
                CellRef("t3", row.key, "total"),
                tuple(CellRef("t3", row.key, c) for c in T3_APPLICANT_COLS),
            )
        )
    for group in T4_GROUPS:
        sums.append(
            Sum(
                "T4-SUM",
                CellRef("t4", "all", f"{group}_total"),
                tuple(CellRef("t4", "all", f"{group}_{k}") for k, _ in T4_OUTCOMES),
            )
        )
    return tuple(sums)


def _build(key: str) -> Edition:
    t2 = _T2_2019 if key == EDITION_2019 else _T2_2021
    tables = (t2, _t3(key), _t4())
    return Edition(
        key=key,
        title=EDITION_TITLES[key],
        tables=tables,
        sums=_sums(tables),
        balance_left=("new", "carried"),
        balance_right=("results_total", "carry_forward"),
    )


@cache
def get_edition(key: str) -> Edition:
    if key not in EDITIONS:
        raise KeyError(key)
    return _build(key)


@cache
def _column_index(edition: str) -> dict[CellRef, Column]:
    out = {}
    for table in get_edition(edition).tables:
        for block in table.blocks:
            for row in block.rows:
                for col in block.columns:
                    out[CellRef(table.key, row.key, col.key)] = col
    return out


@cache
def _row_index(edition: str) -> dict[tuple[str, str], Row]:
    return {(t.key, r.key): r for t in get_edition(edition).tables for r in t.rows()}


@cache
def _cell_list(edition: str) -> tuple[CellRef, ...]:
    return tuple(_column_index(edition))


@cache
def _input_cells(edition: str) -> tuple[CellRef, ...]:
    derived = _derived_targets(edition)
    return tuple(c for c in _cell_list(edition) if c not in derived)


@cache
def _derived_targets(edition: str) -> dict[CellRef, Sum]:
    out: dict[CellRef, Sum] = {}
    for s in get_edition(edition).sums:
        out.setdefault(s.target, s)
    return out


# ---------------------------------------------------------------- layouts


def _value_cell(row: int, col: int, ref: CellRef, edition: Edition, span: int = 1) -> GridCell:
    role = CellRole.DERIVED if edition.is_derived(ref) else CellRole.VALUE
    return GridCell(row, col, role, ref=ref, colspan=span)


def _layout_t2(edition: Edition) -> GridLayout:
    table = edition.table("t2")
    width = 1 + max(len(b.columns) for b in table.blocks)
    cells: list[GridCell] = []
    r = 0
    for block in table.blocks:
        cells.append(GridCell(r, 0, CellRole.HEADING, block.heading, colspan=width))
        r += 1
        cells.append(GridCell(r, 0, CellRole.HEADER, "信息内容"))
        # The last column of a narrower block stretches to the table's width,
        # as the template draws it.
        for i, col in enumerate(block.columns):
            span = width - 1 - i if i == len(block.columns) - 1 else 1
            unit_of = CellRef("t2", block.rows[0].key, col.key) if col.unit_choices else None
            cells.append(
                GridCell(r, 1 + i, CellRole.HEADER, col.label, colspan=span, unit_of=unit_of)
            )
        r += 1
        for row in block.rows:
            cells.append(GridCell(r, 0, CellRole.ROW_LABEL, row.label))
            for i, col in enumerate(block.columns):
                span = width - 1 - i if i == len(block.columns) - 1 else 1
                cells.append(_value_cell(r, 1 + i, CellRef("t2", row.key, col.key), edition, span))
            r += 1
    return GridLayout(r, width, tuple(cells), header_rows=0, label_cols=1)


def _layout_t3(edition: Edition) -> GridLayout:
    table = edition.table("t3")
    block = table.blocks[0]
    cells: list[GridCell] = [
        GridCell(0, 0, CellRole.CORNER, table.corner, rowspan=3, colspan=3),
        GridCell(0, 3, CellRole.HEADER, T3_APPLICANTS, colspan=7),
        GridCell(1, 3, CellRole.HEADER, "自然人", rowspan=2),
        GridCell(1, 4, CellRole.HEADER, T3_LEGAL, colspan=5),
        GridCell(1, 9, CellRole.HEADER, "总计", rowspan=2),
    ]
    for i, col in enumerate(block.columns[1:6]):
        cells.append(GridCell(2, 4 + i, CellRole.HEADER, col.label))
    rows = block.rows
    first = 3
    # Row labels: a top-level label spans all three label columns unless it
    # has children; groups span the rows of their children.
    spans: dict[tuple[int, str], list[int]] = {}
    for i, row in enumerate(rows):
        for depth, label in enumerate(row.path):
            spans.setdefault((depth, label), []).append(first + i)
    for (depth, label), rows_of in spans.items():
        cells.append(GridCell(rows_of[0], depth, CellRole.ROW_LABEL, label, rowspan=len(rows_of)))
    for i, row in enumerate(rows):
        r = first + i
        depth = len(row.path)
        cells.append(GridCell(r, depth, CellRole.ROW_LABEL, row.label, colspan=3 - depth))
        for k, col in enumerate(block.columns):
            cells.append(_value_cell(r, 3 + k, CellRef("t3", row.key, col.key), edition))
    return GridLayout(first + len(rows), 10, tuple(cells), header_rows=3, label_cols=3)


def _layout_t4(edition: Edition) -> GridLayout:
    cells: list[GridCell] = [
        GridCell(0, 0, CellRole.HEADER, T4_REVIEW, colspan=5),
        GridCell(0, 5, CellRole.HEADER, T4_LITIGATION, colspan=10),
        GridCell(1, 5, CellRole.HEADER, T4_SUBGROUP_LABELS["direct"], colspan=5),
        GridCell(1, 10, CellRole.HEADER, T4_SUBGROUP_LABELS["after"], colspan=5),
    ]
    block = edition.table("t4").blocks[0]
    for i, col in enumerate(block.columns):
        if i < 5:
            cells.append(GridCell(1, i, CellRole.HEADER, col.label, rowspan=2))
        else:
            cells.append(GridCell(2, i, CellRole.HEADER, col.label))
        cells.append(_value_cell(3, i, CellRef("t4", "all", col.key), edition))
    return GridLayout(4, 15, tuple(cells), header_rows=3, label_cols=0)


@cache
def _layout(edition_key: str, table_key: str) -> GridLayout:
    edition = get_edition(edition_key)
    builders = {"t2": _layout_t2, "t3": _layout_t3, "t4": _layout_t4}
    return builders[table_key](edition)
