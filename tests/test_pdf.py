"""The printed report, parsed back: pages, fonts, labels, numbers, the draft mark."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from export.fonts import BUNDLED, register_fonts
from export.pdf import export_pdf, render_pdf
from models.editions import get_edition
from models.report import SECTION_TITLES
from models.validation import Severity, check
from models.values import format_value
from tests.conftest import SEED_IDS, load_seed

ROOT = Path(__file__).resolve().parent.parent
A4 = (595.2756, 841.8898)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for seed in SEED_IDS:
        out[seed] = folder / f"seed_{seed}.pdf"
        export_pdf(load_seed(seed), out[seed], use_official_fonts=False)
    return out


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _squash(text: str) -> str:
    # Table cells wrap, so compare text without line breaks and spaces.
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("seed", SEED_IDS)
def test_pages_are_a4_with_metadata(pdfs: dict[str, Path], seed: str) -> None:
    reader = PdfReader(pdfs[seed])
    report = load_seed(seed)
    assert 3 <= len(reader.pages) <= 12
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            A4, abs=0.01
        )
    meta = reader.metadata
    assert meta.title == report.title and meta.author == report.agency
    assert meta.subject == "政府信息公开工作年度报告" and meta.creation_date is not None
    assert (
        "/JavaScript" not in str(reader.trailer["/Root"])
        and "/OpenAction" not in reader.trailer["/Root"]
    )


@pytest.mark.parametrize("seed", SEED_IDS)
def test_every_font_is_embedded(pdfs: dict[str, Path], seed: str) -> None:
    for page in PdfReader(pdfs[seed]).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_title_headings_and_every_label_are_printed(pdfs: dict[str, Path], seed: str) -> None:
    report = load_seed(seed)
    text = _squash(_text(pdfs[seed]))
    assert _squash(report.agency) in text and f"{report.year}年政府信息公开工作年度报告" in text
    for title in SECTION_TITLES.values():
        assert title in text
    edition = get_edition(report.edition)
    for table in edition.tables:
        for cell in edition.layout(table.key).cells:
            if cell.text:
                assert _squash(cell.text) in text, cell.text


@pytest.mark.parametrize("seed", SEED_IDS)
def test_numbers_appear_in_table_order(pdfs: dict[str, Path], seed: str) -> None:
    """Each table's numbers, read left to right and top to bottom, in the PDF's order."""
    from models.totals import compute_totals

    report = load_seed(seed)
    totals = compute_totals(report)
    edition = get_edition(report.edition)
    tokens = re.findall(r"-?\d[\d.]*", _text(pdfs[seed]))
    position = 0
    for table in edition.tables:
        layout = edition.layout(table.key)
        cells = sorted((c for c in layout.cells if c.ref), key=lambda c: (c.row, c.col))
        for cell in cells:
            value = totals.get(cell.ref) if edition.is_derived(cell.ref) else report.get(cell.ref)
            if value is None:
                continue
            wanted = format_value(value)
            assert wanted in tokens[position:], (table.key, cell.ref, wanted)
            position = tokens.index(wanted, position) + 1


@pytest.mark.parametrize("seed", SEED_IDS)
def test_draft_mark_exactly_when_there_are_errors(pdfs: dict[str, Path], seed: str) -> None:
    errors = sum(1 for i in check(load_seed(seed)) if i.severity is Severity.ERROR)
    pages = [page.extract_text() for page in PdfReader(pdfs[seed]).pages]
    marked = [f"存在{errors}处校验错误" in _squash(p) for p in pages]
    assert all(marked) if errors else not any("草稿" in p for p in pages)


def test_page_numbers_in_official_form(pdfs: dict[str, Path]) -> None:
    pages = PdfReader(pdfs["003"]).pages
    for number, page in enumerate(pages, start=1):
        assert f"— {number} —" in page.extract_text()


def test_every_character_has_a_real_glyph() -> None:
    """Each label and every seed narrative character is in the shipped faces."""
    from fontTools.ttLib import TTFont

    from export.assets import asset_path

    used: set[str] = set()
    for seed in SEED_IDS:
        report = load_seed(seed)
        used |= set(report.agency + report.preamble + report.contact)
        for text in report.sections.values():
            used |= set(text)
        edition = get_edition(report.edition)
        for table in edition.tables:
            used |= {ch for c in edition.layout(table.key).cells for ch in c.text}
    used |= set("— 0123456789草稿存在处校验错误年月日（单位：万元）")
    used = {ch for ch in used if not ch.isspace()}
    for name in set(BUNDLED.values()):
        cmap = TTFont(str(asset_path("fonts", name))).getBestCmap()
        missing = sorted(ch for ch in used if ord(ch) not in cmap)
        assert missing == [], (name, missing)


def test_pages_render_to_images(pdfs: dict[str, Path], tmp_path: Path) -> None:
    for seed, path in pdfs.items():
        subprocess.run(
            ["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / seed)], check=True
        )
        pngs = sorted(tmp_path.glob(f"{seed}-*.png"))
        assert len(pngs) == len(PdfReader(path).pages)
        assert all(p.stat().st_size > 1000 for p in pngs)


def test_official_fonts_are_used_when_the_machine_has_them(tmp_path: Path) -> None:
    # A folder laid out like C:\\Windows\\Fonts with a TrueType 黑体 stand-in.
    from export.assets import asset_path

    folder = tmp_path / "Fonts"
    folder.mkdir()
    (folder / "simhei.ttf").write_bytes(asset_path("fonts", "NotoSansSC-Regular.ttf").read_bytes())
    choices = register_fonts([folder])
    assert choices["heading"].official and choices["heading"].path.name == "simhei.ttf"
    assert not choices["body"].official


def test_written_atomically_and_cli(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "export-pdf",
            str(ROOT / "tests/fixtures/seed_002.json"),
            str(out),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    pages = len(PdfReader(out).pages)
    assert f"共 {pages} 页" in result.stdout
    assert not list(tmp_path.glob(".*.tmp"))
    bad = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "export-pdf",
            str(tmp_path / "none.json"),
            str(out),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert bad.returncode == 1 and "找不到文件" in bad.stderr


def test_render_is_deterministic_in_content() -> None:
    data, result = render_pdf(load_seed("002"), use_official_fonts=False)
    assert data.startswith(b"%PDF") and result.errors == 0 and result.official_fonts == ()


@pytest.mark.parametrize("seed", SEED_IDS)
def test_no_line_starts_with_a_punctuation_mark(pdfs: dict[str, Path], seed: str) -> None:
    """Chinese typesetting keeps ，。、；： off the start of a line (19 did before the fix)."""
    lines = [line.strip() for line in _text(pdfs[seed]).split("\n")]
    assert [line for line in lines if line and line[0] in "，。、；：？！）》,;"] == []


def test_half_width_punctuation_beside_chinese_prints_full_width() -> None:
    from export.pdf import _full_width_punctuation

    assert _full_width_punctuation("2019年,我局受理13起;其中") == "2019年，我局受理13起；其中"
    assert _full_width_punctuation("http://a.b:80/x") == "http://a.b:80/x"
