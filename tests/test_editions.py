"""The editions as data: labels, row counts, derived cells, merged layouts."""

from __future__ import annotations

import pytest

from models.editions import (
    EDITIONS,
    CellRef,
    CellRole,
    ValueKind,
    edition_for_year,
    get_edition,
)


@pytest.mark.parametrize(
    ("year", "edition"), [(2019, "2019"), (2020, "2019"), (2021, "2021"), (2025, "2021")]
)
def test_edition_follows_year(year: int, edition: str) -> None:
    assert edition_for_year(year) == edition


@pytest.mark.parametrize(("edition", "rows"), [("2019", 23), ("2021", 25)])
def test_t3_has_the_template_rows(edition: str, rows: int) -> None:
    t3 = get_edition(edition).table("t3")
    assert len(t3.rows()) == rows
    assert [c.label for c in t3.blocks[0].columns] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    labels = [r.label for r in t3.rows()]
    assert labels[0] == "一、本年新收政府信息公开申请数量"
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in labels
    assert "3．危及“三安全一稳定”" in labels
    assert "5．要求行政机关确认或重新出具已获取信息" in labels
    assert labels[-2:] == ["（七）总计", "四、结转下年度继续办理"]
    assert t3.corner == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def test_2021_splits_other_processing_into_three_rows() -> None:
    rows = {r.key: r for r in get_edition("2021").table("t3").rows()}
    assert (
        rows["other_1"].label == "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    )
    assert rows["other_3"].path == ("三、本年度办理结果", "（六）其他处理")
    assert "other" not in rows
    assert "other" in {r.key for r in get_edition("2019").table("t3").rows()}


def test_t2_blocks_per_edition() -> None:
    e19, e21 = get_edition("2019"), get_edition("2021")
    assert [b.heading for b in e19.table("t2").blocks] == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
        "第二十条第（九）项",
    ]
    assert len(e21.table("t2").blocks) == 4
    assert e19.column(CellRef("t2", "penalty", "change")).kind is ValueKind.SIGNED_COUNT
    amount = e19.column(CellRef("t2", "procurement", "amount"))
    assert amount.kind is ValueKind.MONEY and amount.unit_choices == ("元", "万元")
    fee = e21.column(CellRef("t2", "fees", "fee_amount"))
    assert fee.label == "本年收费金额（单位：万元）" and fee.unit == "万元"
    assert [c.label for c in e21.table("t2").blocks[0].columns] == [
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
    ]


def test_t4_has_fifteen_columns_with_three_totals() -> None:
    e = get_edition("2019")
    cols = e.table("t4").blocks[0].columns
    assert len(cols) == 15
    assert [c.key for c in cols if c.derived] == ["review_total", "direct_total", "after_total"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_derived_cells_are_the_totals(edition: str) -> None:
    e = get_edition(edition)
    derived = {c for c in e.cells() if e.is_derived(c)}
    t3_rows = len(e.table("t3").rows())
    # 总计 column of every 表三 row, the six applicant cells of （七）, 表四's three.
    assert len(derived) == t3_rows + 6 + 3
    corner = e.defining_sum(CellRef("t3", "results_total", "total"))
    assert corner is not None and corner.code == "T3-SUM"


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("table", ["t2", "t3", "t4"])
def test_layout_tiles_the_grid_exactly(edition: str, table: str) -> None:
    layout = get_edition(edition).layout(table)
    covered: dict[tuple[int, int], object] = {}
    for cell in layout.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                assert (r, c) not in covered, f"{cell} overlaps {covered[(r, c)]}"
                covered[(r, c)] = cell
    assert len(covered) == layout.n_rows * layout.n_cols
    refs = [c.ref for c in layout.cells if c.ref]
    assert set(refs) == {c for c in get_edition(edition).cells() if c.table == table}


def test_t3_layout_merges_the_label_columns_like_the_template() -> None:
    layout = get_edition("2019").layout("t3")
    corner = layout.at(0, 0)
    assert corner and corner.role is CellRole.CORNER and (corner.rowspan, corner.colspan) == (3, 3)
    results = [c for c in layout.cells if c.text == "三、本年度办理结果"]
    assert len(results) == 1 and results[0].rowspan == 20  # （一）…（七）: 2+8+3+5+1+1
    refuse = next(c for c in layout.cells if c.text == "（三）不予公开")
    assert refuse.rowspan == 8 and refuse.col == 1
    legal = next(c for c in layout.cells if c.text == "法人或其他组织")
    assert legal.colspan == 5
    assert next(c for c in layout.cells if c.text == "申请人情况").colspan == 7


def test_cell_names_are_readable() -> None:
    e = get_edition("2019")
    assert (
        e.cell_name(CellRef("t3", "refuse_1", "natural")) == "表三 三（三）1．属于国家秘密 / 自然人"
    )
    assert (
        e.cell_name(CellRef("t4", "all", "direct_upheld"))
        == "表四 行政诉讼（未经复议直接起诉） 结果维持"
    )
