"""Labels break between words in every narrow column, and money prints with the
template's decimals: the printout as the clerk who signs it reads it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium

from export.pdf import render_pdf
from models.editions import CellRef, get_edition, label_breaks
from models.totals import printed_value
from tests.conftest import load_seed


def test_every_label_of_both_editions_breaks_only_between_its_words() -> None:
    expected = {
        "商业企业": ("商业", "企业"),
        "科研机构": ("科研", "机构"),
        "三、本年度办理结果": ("三、", "本年度", "办理结果"),
        "（三）不予公开": ("（三）", "不予公开"),
    }
    for text, pieces in expected.items():
        assert label_breaks(text) == pieces
    for key in ("2019", "2021"):
        edition = get_edition(key)
        for table in ("t2", "t3", "t4"):
            for cell in edition.layout(table).cells:
                if cell.ref is None and cell.text:
                    pieces = label_breaks(cell.text)
                    assert "".join(pieces) == cell.text
                    # No piece is a lone character of a longer word the lexicon knows.
                    assert all(len(p) > 1 or p in "加或其" for p in pieces), (cell.text, pieces)


def _page_lines(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    lines = []
    for page in document:
        lines += page.get_textpage().get_text_range().replace("\r", "").split("\n")
    return [line.strip() for line in lines]


def test_printed_header_words_are_never_cut_inside(tmp_path: Path) -> None:
    for seed in ("002", "003"):
        lines = _page_lines(render_pdf(load_seed(seed), use_official_fonts=False)[0])
        for broken in ("商业企", "科研机", "三、本", "本年度办", "不予公", "结果维"):
            assert broken not in lines, (seed, broken)
        assert "企业" in lines and "办理结果" in lines  # the second line of 商业/企业 …


def test_table_three_fits_one_page_with_its_heading() -> None:
    document = pdfium.PdfDocument(render_pdf(load_seed("002"), use_official_fonts=False)[0])
    pages = [p.get_textpage().get_text_range() for p in document]
    first = next(i for i, text in enumerate(pages) if "收到和处理政府信息公开申请情况" in text)
    assert "结转下年度继续办理" in pages[first].replace("\r\n", "")


def test_money_in_the_2021_template_prints_its_four_decimals() -> None:
    report = load_seed("002")
    fee = CellRef("t2", "fees", "fee_amount")
    assert printed_value(report, fee, Decimal("12.5")) == "12.5000"
    assert printed_value(report, fee, Decimal("5949.088667")) == "5949.088667"
    assert printed_value(report, CellRef("t3", "new", "total"), 47) == "47"
    report.set(fee, Decimal("12.5"))
    lines = _page_lines(render_pdf(report, use_official_fonts=False)[0])
    assert any(line.endswith(" 12.5000") for line in lines)
