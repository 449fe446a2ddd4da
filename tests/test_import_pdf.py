"""PDFs into drafts: tables rebuilt from ruling lines or aligned figures, every cell in its place.

The PDFs are our own five seed reports as the program prints them
(``export/pdf.py``: GB/T 9704 layout, merged table headers, page numbers
"— 1 —", the draft mark on every page of a report with errors), read back
cell by cell; the same printed without the tables' ruling lines; small PDFs
made here for one behaviour each; and PDFs that are no use (scanned, locked,
damaged, too long), each refused with a message that says what to do.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import export.pdf as pdf_export
from export.fonts import register_fonts
from export.pdf import render_pdf
from models.importer import ImporterError, import_file
from models.importer import pdf as pdf_reader
from models.importer.pdf import pdf_text
from models.importer.text import as_plain
from tests.conftest import SEED_IDS, load_seed, run_main
from tests.test_import_html import printed_cells

# Cells placed, left blank as printed, and left unplaced, per seed, when the
# tables are printed without ruling lines (columns from the figures alone).
UNRULED_COUNTS = {
    "000": (198, 0, 0),
    "001": (94, 97, 7),  # 表三 rows printed blank: labels alone, some not certain
    "002": (186, 0, 14),  # 其他处理 2-3: a four-line label without rulings is not told apart
    "003": (183, 0, 15),  # 表四: five blank cells first, nothing to align them by
    "004": (35, 2, 161),  # 表三: only 总计 filled in, so its columns cannot be told
}


class _NoRulings(pdf_export.TableStyle):
    """The exporter's table style without its grid: a table printed without lines."""

    def __init__(self, cmds: list[tuple[object, ...]] | None = None, *args: object) -> None:
        super().__init__([c for c in cmds or [] if c[0] != "GRID"], *args)


@pytest.fixture(scope="module")
def printed() -> dict[str, bytes]:
    return {seed: render_pdf(load_seed(seed), use_official_fonts=False)[0] for seed in SEED_IDS}


@pytest.fixture(scope="module")
def unruled() -> dict[str, bytes]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_export, "TableStyle", _NoRulings)
        return {seed: render_pdf(load_seed(seed), use_official_fonts=False)[0] for seed in SEED_IDS}


@pytest.mark.parametrize("seed", SEED_IDS)
def test_printed_report_round_trip(printed: dict[str, bytes], seed: str, tmp_path: Path) -> None:
    fixture = load_seed(seed)
    result = import_file(_write(tmp_path, printed[seed]))
    report = result.report
    assert (report.agency, report.year, report.edition, report.issue_date) == (
        fixture.agency,
        fixture.year,
        fixture.edition,
        fixture.issue_date,
    )
    assert report.cells == printed_cells(fixture)  # blank stays blank
    assert result.unplaced == {}
    # The print sets Chinese punctuation full width and drops loose spaces.
    assert {k: as_plain(v) for k, v in report.sections.items()} == {
        k: as_plain(v) for k, v in fixture.sections.items()
    }


def _write(tmp_path: Path, data: bytes, name: str = "report.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_rows_get_a_field_for_every_column(printed: dict[str, bytes]) -> None:
    """Seed 004 fills in only 总计: each row still has its seven fields, blank where
    nothing was printed; a label spanning rows repeats in each, as in docx.py."""
    lines = pdf_text(printed["004"]).split("\n")
    row = next(line for line in lines if "（七）总计" in line)
    assert row.split("\t") == ["三、本年度办理结果", "（七）总计", "", "", "", "", "", "", "2"]
    first = next(line for line in lines if line.startswith("一、本年新收"))
    assert first.split("\t") == ["一、本年新收政府信息公开申请数量", "2", "", "", "", "", "", "2"]


def test_page_numbers_and_the_draft_mark_are_dropped(printed: dict[str, bytes]) -> None:
    text = pdf_text(printed["000"])  # a report with errors: marked on every page
    assert "— 2 —" not in text and "草稿" not in text and "仅供核对" not in text
    assert text.startswith("郑州市公安局惠济分局\n2020年政府信息公开工作年度报告")


@pytest.mark.parametrize("seed", SEED_IDS)
def test_unruled_tables_never_give_a_wrong_value(
    unruled: dict[str, bytes], seed: str, tmp_path: Path
) -> None:
    fixture = load_seed(seed)
    result = import_file(_write(tmp_path, unruled[seed]))
    expected = printed_cells(fixture)
    wrong = {
        ref: (value, expected.get(ref))
        for ref, value in result.report.cells.items()
        if expected.get(ref) != value
    }
    assert wrong == {}
    counts = (len(result.placed), len(result.blank), len(result.unplaced))
    assert counts == UNRULED_COUNTS[seed]
    for ref in expected:
        if ref not in result.report.cells:
            assert result.unplaced.get(ref)


def _fonts() -> str:
    return register_fonts(use_official=False)["body"].name


def _canvas_pdf(draw: object, pages: int = 1) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for page in range(pages):
        draw(canvas, page + 1)  # type: ignore[operator]
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_unruled_row_gets_blank_fields_where_nothing_was_printed() -> None:
    font = _fonts()
    columns = [250 + 40 * k for k in range(7)]
    rows = [
        ("一、本年新收政府信息公开申请数量", ["3", "1", "0", "0", "0", "0", "4"]),
        ("1.予以公开", ["1", "", "", "", "", "", "1"]),
        ("2.重复申请", ["", "", "", "", "", "1", "1"]),
    ]

    def draw(canvas: Canvas, _page: int) -> None:
        canvas.setFont(font, 9)
        for i, (label, values) in enumerate(rows):
            y = 700 - 18 * i
            canvas.drawString(60, y, label)
            for x, value in zip(columns, values, strict=True):
                if value:
                    canvas.drawCentredString(x, y, value)

    lines = pdf_text(_canvas_pdf(draw)).split("\n")
    assert lines == [
        "一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t4",
        "1.予以公开\t1\t\t\t\t\t\t1",
        "2.重复申请\t\t\t\t\t\t1\t1",
    ]


def test_a_figure_is_placed_under_its_heading_or_not_at_all() -> None:
    """Two rows of one or two figures (表二 printed without lines): the headings tell
    the column; with no heading over it, a figure is not given a column by guess."""
    font = _fonts()

    def draw(canvas: Canvas, _page: int) -> None:
        canvas.setFont(font, 10.5)
        canvas.drawString(60, 700, "信息内容")
        for x, heading in ((260, "上一年项目数量"), (360, "本年增/减"), (460, "处理决定数量")):
            canvas.drawCentredString(x, 700, heading)
        canvas.drawString(60, 680, "行政处罚")
        canvas.drawCentredString(260, 680, "615")
        canvas.drawCentredString(460, 680, "651")
        canvas.drawString(60, 600, "行政强制")
        canvas.drawCentredString(410, 600, "47")  # astride 本年增/减 and 处理决定数量

    lines = pdf_text(_canvas_pdf(draw)).split("\n")
    assert lines == [
        "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
        "行政处罚\t615\t\t651",
        "行政强制 47",
    ]


def test_running_headers_and_page_number_forms_are_dropped() -> None:
    font = _fonts()
    footers = ["- {n} -", "第 {n} 页 共 3 页", "{n}/3"]

    def draw(canvas: Canvas, page: int) -> None:
        canvas.setFont(font, 10.5)
        canvas.drawString(60, 800, "某某县人民政府办公室文件")
        canvas.setFont(font, 16)
        canvas.drawString(60, 700 - 20 * page, f"第{page}页的正文，说明第{page}项工作。")
        canvas.setFont(font, 10.5)
        canvas.drawCentredString(A4[0] / 2, 40, footers[page - 1].format(n=page))

    text = pdf_text(_canvas_pdf(draw, pages=3))
    assert text.split("\n") == [f"第{n}页的正文，说明第{n}项工作。" for n in (1, 2, 3)]


def test_a_pdf_under_another_name_is_read_as_a_pdf(
    printed: dict[str, bytes], tmp_path: Path
) -> None:
    result = import_file(_write(tmp_path, printed["002"], "年报.txt"))
    assert result.report.cells == printed_cells(load_seed("002"))


def test_import_command_reads_a_pdf(printed: dict[str, bytes], tmp_path: Path) -> None:
    path = _write(tmp_path, printed["003"], "年报.pdf")
    out = tmp_path / "draft.json"
    run = run_main("import", str(path), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "已放入 193 个单元格" in run.stdout and out.exists()


# ---------------------------------------------------------------- PDFs that are no use


def test_scanned_pdf_says_it_is_a_scan() -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    page = ImageReader(Image.new("RGB", (210, 297), "white"))

    def draw(canvas: Canvas, _page: int) -> None:
        canvas.drawImage(page, 0, 0, *A4)

    with pytest.raises(ImporterError, match=r"扫描件.*文字识别"):
        pdf_text(_canvas_pdf(draw, pages=2), "扫描件.pdf")


def test_pdf_without_any_text_is_refused() -> None:
    with pytest.raises(ImporterError, match="没有可复制的文字"):
        pdf_text(_canvas_pdf(lambda canvas, page: None), "空白.pdf")


def _encrypted(data: bytes, user: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_password_protected_pdf_asks_for_an_unlocked_copy(
    printed: dict[str, bytes], tmp_path: Path
) -> None:
    with pytest.raises(ImporterError, match="打开密码"):
        import_file(_write(tmp_path, _encrypted(printed["002"], user="1234")))


def test_pdf_locked_only_against_changes_is_read(printed: dict[str, bytes], tmp_path: Path) -> None:
    """Agencies often publish with an owner password only: it opens without one."""
    result = import_file(_write(tmp_path, _encrypted(printed["002"], user="")))
    assert result.report.cells == printed_cells(load_seed("002"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data[:200],
        lambda data: b"%PDF-1.7\n" + bytes(range(256)) * 50,
        lambda data: b"",
        lambda data: b"<not a pdf at all>" * 10,
    ],
)
def test_damaged_pdf_is_refused(printed: dict[str, bytes], tmp_path: Path, damage: object) -> None:
    path = _write(tmp_path, damage(printed["002"]))  # type: ignore[operator]
    started = time.perf_counter()
    with pytest.raises(ImporterError) as caught:
        import_file(path)
    assert time.perf_counter() - started < 5
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(caught.value))


def test_mojibake_text_layer_is_refused(printed: dict[str, bytes]) -> None:
    """Damaged font data: the text layer reads as accented Latin, not Chinese."""
    data = printed["002"]
    damaged = data[:3000] + bytes(b ^ 0x55 for b in data[3000:6000]) + data[6000:]
    with pytest.raises(ImporterError, match="乱码"):
        pdf_text(damaged)


def test_too_many_characters_are_refused(
    printed: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PDF_CHARS", 1000)
    with pytest.raises(ImporterError, match="文字超过1,000个"):
        pdf_text(printed["002"])


def test_too_many_pages_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PDF_PAGES", 3)
    with pytest.raises(ImporterError, match="共4页"):
        pdf_text(_canvas_pdf(lambda canvas, page: None, pages=4))


def test_a_page_of_drawing_is_no_table_and_no_hang() -> None:
    """Tens of thousands of short lines (a chart, a map): read as text, quickly."""
    font = _fonts()

    def draw(canvas: Canvas, _page: int) -> None:
        canvas.setLineWidth(0.3)
        canvas.lines([(x, y, x + 2.5, y) for x in range(40, 560, 4) for y in range(100, 700, 2)])
        canvas.setFont(font, 12)
        canvas.drawString(60, 760, "某某局2021年政府信息公开工作年度报告")

    data = _canvas_pdf(draw)
    started = time.perf_counter()
    text = pdf_text(data)
    assert time.perf_counter() - started < 5
    assert text == "某某局2021年政府信息公开工作年度报告"
