"""Blocks pasted from Excel/WPS: placed whole or refused whole, with the cell named."""

from __future__ import annotations

import pytest

from models.editions import CellRef, get_edition
from models.paste import MAX_PASTE_CHARS, PasteError, parse_block, plan_paste
from models.report import new_report


def _t3():  # type: ignore[no-untyped-def]
    report = new_report("测试局", 2021)
    layout = get_edition(report.edition).layout("t3")
    top, left = layout.position_of(CellRef("t3", "new", "natural"))  # type: ignore[misc]
    return report, layout, top, left


def test_a_row_from_excel_lands_in_its_cells() -> None:
    report, layout, top, left = _t3()
    changes = plan_paste(report, layout, "1\t2\t0\t0\t0\t0\r\n", top, left)
    assert changes[CellRef("t3", "new", "natural")] == 1
    assert changes[CellRef("t3", "new", "commercial")] == 2
    assert len(changes) == 6


def test_a_block_that_does_not_fit_is_refused_whole_naming_the_cell() -> None:
    report, layout, top, left = _t3()
    with pytest.raises(PasteError, match="第1行第2列"):
        plan_paste(report, layout, "1\tabc\t0", top, left)


def test_a_huge_clipboard_is_refused_before_it_is_split() -> None:
    report, layout, top, left = _t3()
    with pytest.raises(PasteError, match="太多"):
        plan_paste(report, layout, "1\t" * (MAX_PASTE_CHARS // 2 + 1), top, left)


def test_excel_line_endings() -> None:
    assert parse_block("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]
