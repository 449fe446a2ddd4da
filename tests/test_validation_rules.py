"""Each rule on small reports made for it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models.editions import CellRef, get_edition
from models.report import Report, new_report
from models.validation import Severity, check


def _zeros(report: Report) -> Report:
    """Every input cell 0, every section written: a complete, consistent report."""
    for ref in get_edition(report.edition).input_cells():
        report.set(ref, 0)
    report.issue_date = dt.date(report.year + 1, 1, 20)
    report.sections.update(
        overview="本年度主动公开、依申请公开、政府信息管理、平台建设和监督保障工作有序开展。",
        problems="存在的问题是公开内容不够丰富，下一步将进一步拓展公开渠道，提升公开质量。",
        other="本机关未收取信息处理费。",
    )
    return report


def codes(report: Report, previous: Report | None = None) -> list[str]:
    return [i.code for i in check(report, previous)]


def test_complete_zero_report_is_clean() -> None:
    for year in (2020, 2021):
        assert check(_zeros(new_report("某局", year))) == []


def test_t3_balance_message_uses_the_spec_form() -> None:
    r = _zeros(new_report("某局", 2021))
    r.set(CellRef("t3", "new", "natural"), 3)
    r.set(CellRef("t3", "open", "natural"), 2)
    bal = [i for i in check(r) if i.code == "T3-BAL"]
    # Both the 自然人 column and the 总计 column (computed) are off by one.
    assert [i.message for i in bal] == [
        "表三“自然人”列：第一项+第二项=3，三（七）总计+第四项=2，相差1",
        "表三“总计”列：第一项+第二项=3，三（七）总计+第四项=2，相差1",
    ]


def test_balance_waits_until_both_sides_have_figures() -> None:
    r = new_report("某局", 2021)
    r.set(CellRef("t3", "new", "natural"), 5)
    assert "T3-BAL" not in codes(r)
    r.set(CellRef("t3", "open", "natural"), 4)
    assert "T3-BAL" in codes(r)


def test_val_catches_stored_values_that_do_not_fit() -> None:
    r = _zeros(new_report("某局", 2021))
    r.set(CellRef("t3", "new", "natural"), -1)
    # Finer than the fen (6 decimals in 万元): an error; 5 or 6 places are a warning.
    r.set(CellRef("t2", "fees", "fee_amount"), Decimal("1.2345678"))
    val = [i for i in check(r) if i.code == "VAL"]
    assert {i.cells[0] for i in val} == {
        CellRef("t3", "new", "natural"),
        CellRef("t2", "fees", "fee_amount"),
    }
    assert all(i.severity is Severity.ERROR for i in val)


def test_negative_change_is_allowed() -> None:
    r = _zeros(new_report("某局", 2020))
    r.set(CellRef("t2", "penalty", "change"), -25)
    assert check(r) == []


def test_edition_mismatch_warns() -> None:
    r = _zeros(new_report("某局", 2021, edition="2019"))
    assert codes(r) == ["EDITION"]


def test_missing_meta_sections_and_cells() -> None:
    r = new_report("", 2021)
    found = check(r)
    fields = {i.field for i in found if i.code == "MISSING"}
    assert {
        "agency",
        "issue_date",
        "sections.overview",
        "sections.problems",
        "sections.other",
    } <= fields
    tables = [i for i in found if i.code == "MISSING" and i.cells]
    assert [len(i.cells) for i in tables] == [10, 144, 12]
    assert not found.has_errors and found.errors == []


def test_section_five_saying_nothing_warns() -> None:
    r = _zeros(new_report("某局", 2020))
    r.sections["problems"] = "无。"
    assert codes(r) == ["MISSING"]


def test_fee_text() -> None:
    r = _zeros(new_report("某局", 2021))
    r.set(CellRef("t2", "fees", "fee_amount"), Decimal("227.3466"))
    r.sections["other"] = "无"
    assert "FEE-TEXT" in codes(r)
    r.sections["other"] = "本机关未收取信息处理费。本年行政事业性收费227.3466万元。"
    assert "FEE-TEXT" not in codes(r)


def test_stale_year_spots_last_years_text() -> None:
    r = _zeros(new_report("某局", 2021))
    r.sections["overview"] = (
        "2020年，我局认真贯彻条例。与2020年相比，申请数量增加。\n2021年以来，工作有序。"
    )
    stale = [i for i in check(r) if i.code == "STALE-YEAR"]
    assert len(stale) == 1
    start, end = stale[0].span  # type: ignore[misc]
    assert r.sections["overview"][start:end] == "2020年"
    r.preamble = "本年度报告中所列数据的统计期限自 2020 年 1 月 1 日起至 12 月 31 日止。"
    assert codes(r).count("STALE-YEAR") == 2


def test_text_accepts_received_as_new_plus_carried() -> None:
    r = _zeros(new_report("某局", 2021))
    for row, value in (("new", 5), ("carried", 2), ("open", 7)):
        r.set(CellRef("t3", row, "natural"), value)
    topics = r.sections["overview"]
    r.sections["overview"] = topics + "全年共受理政府信息公开申请7件。"
    assert codes(r) == []
    r.sections["overview"] = topics + "全年共受理政府信息公开申请9件。"
    assert codes(r) == ["TEXT-NUM"]


def test_year_carry_and_stock() -> None:
    last = _zeros(new_report("某局", 2021))
    last.set(CellRef("t3", "carry_forward", "natural"), 3)
    last.set(CellRef("t3", "new", "natural"), 3)
    last.set(CellRef("t2", "normative", "in_force"), 40)
    this = _zeros(new_report("某局", 2022))
    this.set(CellRef("t2", "normative", "issued"), 5)
    this.set(CellRef("t2", "normative", "repealed"), 2)
    this.set(CellRef("t2", "normative", "in_force"), 40)
    found = check(this, last)
    carry = [i for i in found if i.code == "YEAR-CARRY"]
    assert [i.cells for i in carry] == [
        (CellRef("t3", "carried", "natural"),),
        (CellRef("t3", "carried", "total"),),
    ]
    stock = [i for i in found if i.code == "YEAR-STOCK"]
    assert len(stock) == 1 and "应为43" in stock[0].message


def test_year_stock_2019_edition() -> None:
    last = _zeros(new_report("某局", 2019))
    last.set(CellRef("t2", "penalty", "prev_items"), 287)
    last.set(CellRef("t2", "penalty", "change"), -25)
    this = _zeros(new_report("某局", 2020))
    this.set(CellRef("t2", "penalty", "prev_items"), 262)
    assert "YEAR-STOCK" not in codes(this, last)
    this.set(CellRef("t2", "penalty", "prev_items"), 287)
    assert "YEAR-STOCK" in codes(this, last)


def test_text_saying_zero_is_checked_too() -> None:
    r = _zeros(new_report("某局", 2021))
    r.set(CellRef("t3", "new", "natural"), 19)
    r.set(CellRef("t3", "open", "natural"), 19)
    r.sections["overview"] = "全年共收到政府信息公开申请0件。"
    found = [i for i in check(r) if i.code == "TEXT-NUM"]
    assert len(found) == 1 and "为19" in found[0].message


def test_changes_and_parts_are_not_read_as_totals() -> None:
    r = _zeros(new_report("某局", 2021))
    r.sections["overview"] = (
        "行政复议案件同比减少2件。行政诉讼败诉1件。行政复议被纠错1件。"
        "收到政府信息公开申请较上年增加12件。"
    )
    assert "TEXT-NUM" not in codes(r)


def test_two_groups_in_one_sentence_keep_their_own_outcomes() -> None:
    r = _zeros(new_report("某局", 2021))
    for col, value in (("review_upheld", 3), ("review_pending", 2), ("direct_upheld", 4)):
        r.set(CellRef("t4", "all", col), value)
    r.sections["review"] = (
        "被申请行政复议5件，其中结果维持3件、尚未审结2件，被提起行政诉讼4件，其中结果维持4件。"
    )
    assert "TEXT-NUM" not in codes(r)


@pytest.mark.parametrize(
    "words",
    [
        "本机关未收取信息处理费。",
        "本年度未收取信息公开处理费。",
        "本机关未发生收费情况。",
        "不存在收费。",
        "无收费事项。",
        "收取信息处理费0元。",
        "本机关未收取任何费用。",
    ],
)
def test_the_ways_real_reports_speak_of_fees_satisfy_the_2021_note(words: str) -> None:
    from models.rules_complete import speaks_of_fees

    assert speaks_of_fees(words)


def test_a_section_six_without_fees_still_gets_the_reminder() -> None:
    from models.rules_complete import speaks_of_fees

    assert not speaks_of_fees("本机关无其他需要报告的事项。")
    assert not speaks_of_fees("积极办理人大代表建议和政协提案。")


def test_money_to_the_fen_is_valid_and_more_than_four_places_is_a_2021_warning() -> None:
    from decimal import Decimal

    from models.report import new_report

    report = new_report("某局", 2021)
    ref = CellRef("t2", "fees", "fee_amount")
    assert report.unit_of(ref) == "万元"
    report.set(ref, Decimal("5949.088667"))  # printed so by a real report
    found = [i for i in check(report) if i.code == "VAL"]
    assert [i.severity for i in found] == [Severity.WARNING]
    assert "保留4位小数" in found[0].message
    report.set(ref, Decimal("227.3466"))
    assert not [i for i in check(report) if i.code == "VAL"]
