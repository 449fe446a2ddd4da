"""The State Council's two templates as data: their tables 表二, 表三 and 表四.

Each edition's tables as blocks of rows and columns, with a stable key and the
exact Chinese label of each, the kind of value a column holds, which cells are
derived totals and the sums that define them; the label constants the layouts,
checks and importers share.  Adding an edition means adding data here, not
code elsewhere (``editions.py`` builds an ``Edition`` of it, ``layouts.py``
its printed grid).

Labels are copied character for character from the State Council templates
(国办公开办函〔2019〕60号 and 〔2021〕30号), full-width punctuation included.
"""

from __future__ import annotations

from models.table_types import MONEY_UNITS, Block, CellRef, Column, Row, Sum, Table, ValueKind

EDITION_2019 = "2019"
EDITION_2021 = "2021"
EDITIONS = (EDITION_2019, EDITION_2021)

EDITION_TITLES = {
    EDITION_2019: "2019年版（国办公开办函〔2019〕60号）",
    EDITION_2021: "2021年版（国办公开办函〔2021〕30号）",
}


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


# 表三's rows the rules, the narrative and next year's report refer to by meaning.
T3_NEW, T3_CARRIED, T3_RESULTS_TOTAL, T3_CARRY_FORWARD = (
    "new",
    "carried",
    "results_total",
    "carry_forward",
)
T3_OUTCOME_EXCLUDED = (T3_NEW, T3_CARRIED, T3_RESULTS_TOTAL, T3_CARRY_FORWARD)


def t3_cell(row: str, col: str = "total") -> CellRef:
    """A cell of 表三: a row (T3_NEW …) and an applicant column, 总计 by default."""
    return CellRef("t3", row, col)


def t4_cell(group: str, outcome: str = "total") -> CellRef:
    """A cell of 表四's one row: a group (review, direct, after) and an outcome or 总计."""
    return CellRef("t4", "all", f"{group}_{outcome}")


def t2_cell(row: str, col: str) -> CellRef:
    return CellRef("t2", row, col)


# 表二's columns the year-to-year rules read: edition 2019 carries 上一年项目数量
# with 本年增/减; edition 2021 现行有效件数 with 本年制发 and 本年废止.
T2_PREV_ITEMS, T2_CHANGE = "prev_items", "change"
T2_IN_FORCE, T2_ISSUED, T2_REPEALED = "in_force", "issued", "repealed"
T2_FEE = CellRef("t2", "fees", "fee_amount")
T2_PROCUREMENT_ITEMS = CellRef("t2", "procurement", "items")


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


def edition_sums(tables: tuple[Table, ...]) -> tuple[Sum, ...]:
    """The sums that define the totals: 表三's （七）总计 and 总计 column, 表四's 总计."""
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


# ---------------------------------------------------------------- an edition's tables


def edition_tables(key: str) -> tuple[Table, ...]:
    """表二, 表三 and 表四 of an edition; ``editions.get_edition`` builds the ``Edition``."""
    t2 = _T2_2019 if key == EDITION_2019 else _T2_2021
    return (t2, _t3(key), _t4())
