"""The five real reports: the checks find exactly the mistakes the spec lists.

Fixtures are transcribed as published (blank stays blank, mistakes stay); see
tests/fixtures/README.md for what was lost in the text extraction.
"""

from __future__ import annotations

import pytest

from models.editions import CellRef
from models.validation import Severity, check
from tests.conftest import SEED_IDS, load_seed


def _t3(row: str, col: str) -> CellRef:
    return CellRef("t3", row, col)


def _t4(col: str) -> CellRef:
    return CellRef("t4", "all", col)


# (code, the cell the issue is about: a stated total, or a balance's column)
EXPECTED_ERRORS = {
    # 表三 row 一 and （一）: 自然人 1 but 总计 0; （七） 0 though （一） has 1.
    "000": {
        ("T3-ROW", _t3("new", "total")),
        ("T3-ROW", _t3("open", "total")),
        ("T3-SUM", _t3("results_total", "natural")),
    },
    # 一 = 二 = 0, yet （一）予以公开 = 1 (自然人 and 总计).
    "001": {("T3-BAL", _t3("new", "natural")), ("T3-BAL", _t3("new", "total"))},
    "002": set(),
    "003": set(),
    # 总计 2 over blank applicant cells; 表四 未经复议直接起诉 4+0+1+1 ≠ 7.
    "004": {
        ("T3-ROW", _t3("open", "total")),
        ("T3-ROW", _t3("results_total", "total")),
        ("T4-SUM", _t4("direct_total")),
    },
}

EXPECTED_TEXT_NUM = {
    "000": set(),
    "001": set(),  # "规范办理依申请公开件 1 件" reads as the outcomes: fits
    # The text's own sum: "受理依申请公开47项，其中，行政许可17项、行政确认12项、
    # 其它职权16项" (45), found by its words; it names no cell.
    "002": {"其它职权16项"},
    "003": {_t4("review_total"), _t4("direct_total")},  # 行政复议 5 件、行政诉讼 4 件
    "004": {_t4("direct_upheld")},  # "结果维持7起" vs 4
}


@pytest.mark.parametrize("seed", SEED_IDS)
def test_errors_are_exactly_the_published_mistakes(seed: str) -> None:
    issues = check(load_seed(seed))
    found = {(i.code, i.cells[0]) for i in issues if i.severity is Severity.ERROR}
    assert found == EXPECTED_ERRORS[seed]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_text_numbers_warn_only_where_no_reading_fits(seed: str) -> None:
    issues = [i for i in check(load_seed(seed)) if i.code == "TEXT-NUM"]
    assert len(issues) == len(EXPECTED_TEXT_NUM[seed])
    for expected in EXPECTED_TEXT_NUM[seed]:
        assert any(
            expected in (i.message if isinstance(expected, str) else i.cells) for i in issues
        ), (expected, [i.message for i in issues])
    for issue in issues:
        assert issue.field.startswith("sections.") and issue.span is not None


def test_error_messages_carry_the_numbers() -> None:
    messages = {i.code: i.message for i in check(load_seed("004"))}
    assert messages["T4-SUM"] == (
        "表四行政诉讼（未经复议直接起诉）：结果维持+结果纠正+其他结果+尚未审结=6，总计填的是7，相差1"
    )
    balance = next(i for i in check(load_seed("001")) if i.code == "T3-BAL")
    assert balance.message == "表三“自然人”列：第一项+第二项=0，三（七）总计+第四项=1，相差1"


def test_text_warning_points_at_the_words() -> None:
    report = load_seed("003")
    issue = next(i for i in check(report) if i.code == "TEXT-NUM" and "复议" in i.message)
    start, end = issue.span  # type: ignore[misc]
    assert report.sections["overview"][start:end] == "行政复议 5 件"
    assert "空白（未填写）" in issue.message


def test_blank_cells_are_reported_as_missing_not_as_zero() -> None:
    issues = check(load_seed("004"))
    missing_t3 = next(i for i in issues if i.code == "MISSING" and i.message.startswith("表三"))
    assert _t3("open", "natural") in missing_t3.cells
    assert _t3("new", "natural") not in missing_t3.cells  # 2 was filled in


def test_no_seed_is_accused_of_stale_years() -> None:
    for seed in SEED_IDS:
        assert not [i for i in check(load_seed(seed)) if i.code == "STALE-YEAR"]


def test_2021_seed_is_reminded_of_the_information_fee() -> None:
    codes = [i.message for i in check(load_seed("002")) if i.code == "MISSING"]
    assert any("信息处理费" in m for m in codes)
