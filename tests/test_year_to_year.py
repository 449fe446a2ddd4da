"""Starting a report from last year's: what carries, what is flagged, what is listed."""

from __future__ import annotations

from models.editions import CellRef
from models.validation import check
from models.year_to_year import next_year_report
from tests.conftest import load_seed


def test_2020_report_to_2021_carries_the_backlog_and_lists_the_edition_change() -> None:
    last = load_seed("003")  # 洛阳, 2020, edition 2019
    last.set(CellRef("t3", "carry_forward", "natural"), 3)
    last.set(CellRef("t3", "carry_forward", "total"), 3)  # the published total, kept consistent
    report, notes = next_year_report(last)
    assert (report.agency, report.year, report.edition) == ("洛阳市公安局", 2021, "2021")
    assert report.get(CellRef("t3", "carried", "natural")) == 3
    assert report.get(CellRef("t3", "carried", "commercial")) == 0
    assert CellRef("t3", "carried", "total") not in report.cells  # computed
    assert not any(c.table == "t2" for c in report.cells)
    assert any("政府集中采购" in n for n in notes) and any("（六）其他处理" in n for n in notes)
    assert report.sections["overview"] == ""  # text only when asked
    assert not [i for i in check(report, last) if i.code == "YEAR-CARRY"]


def test_2019_stock_rows_follow_last_years_change() -> None:
    last = load_seed("004")  # 东西湖, 2019
    last.set(CellRef("t2", "penalty", "change"), -6)
    report, notes = next_year_report(last)
    assert report.edition == "2019" and notes == []
    assert report.get(CellRef("t2", "penalty", "prev_items")) == 40
    assert report.get(CellRef("t2", "licensing", "prev_items")) == 12
    assert report.unit_of(CellRef("t2", "procurement", "amount")) == "万元"
    assert not [i for i in check(report, last) if i.code == "YEAR-STOCK"]


def test_carried_text_is_marked_where_it_speaks_of_last_year() -> None:
    last = load_seed("004")
    report, _ = next_year_report(last, carry_text=True)
    assert report.sections["overview"] == last.sections["overview"]
    stale = [i for i in check(report, last) if i.code == "STALE-YEAR"]
    assert stale and all("2019" in i.message for i in stale)
    start, end = stale[0].span  # type: ignore[misc]
    assert report.sections[stale[0].field.split(".")[1]][start:end].startswith("2019")


def test_main_figures_of_the_seeds() -> None:
    from models.year_to_year import main_figures

    assert main_figures(load_seed("002")) == {
        "新收申请": 47,
        "办理结果": 47,
        "行政复议": 16,
        "行政诉讼": 14,
    }
    assert main_figures(load_seed("003")) == {
        "新收申请": 19,
        "办理结果": 19,
        "行政复议": 0,
        "行政诉讼": 7,
    }


def test_the_year_chart_shows_the_figures_the_grid_and_the_pdf_show() -> None:
    """A stated total that does not add up is an issue; every view shows the computed one."""
    from models.year_to_year import main_figures

    assert main_figures(load_seed("000"))["新收申请"] == 1  # printed 1; stated 总计 0
    assert main_figures(load_seed("004"))["行政诉讼"] == 8  # 4+0+1+1 and 2; stated 7
