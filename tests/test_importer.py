"""Published reports into drafts: every cell the text holds, in its place; nothing made up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from export.docx import build_docx
from models.editions import CellRef, get_edition
from models.importer import import_file, import_text
from models.totals import compute_totals
from models.validation import Severity, check
from tests.conftest import SEED_IDS, load_seed, published_path
from tests.test_validation_seeds import EXPECTED_ERRORS

ROOT = Path(__file__).resolve().parent.parent

# Per seed: cells placed, cells the text leaves blank, cells it could not place.
EXPECTED_COUNTS = {
    "000": (198, 0, 0),
    "001": (86, 6, 106),  # 表三 breaks off in the text; 采购总金额 has no unit
    # 表三 rows lost a column in the copy: placed where the sums leave one reading;
    # 47, 35, 12 could stand under 自然人 or 商业企业 (4 rows × 2 cells stay open).
    "002": (192, 0, 8),
    "003": (193, 5, 0),
    "004": (59, 139, 0),
}


@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_text_imports_with_no_wrong_cell(seed: str) -> None:
    result = import_file(published_path(seed))
    fixture = load_seed(seed)
    report = result.report
    assert (report.agency, report.year, report.edition) == (
        fixture.agency,
        fixture.year,
        fixture.edition,
    )
    assert report.issue_date == fixture.issue_date
    wrong = {
        c: (report.get(c), fixture.get(c)) for c in result.placed if report.get(c) != fixture.get(c)
    }
    assert wrong == {}
    counts = (len(result.placed), len(result.blank), len(result.unplaced))
    assert counts == EXPECTED_COUNTS[seed]
    # Cells the fixture has but the import left out are all reported, with a reason.
    for ref in fixture.cells:
        if ref not in report.cells:
            assert result.unplaced.get(ref)
    for key, text in fixture.sections.items():
        assert report.sections[key] == text


@pytest.mark.parametrize("seed", SEED_IDS)
def test_imported_seed_shows_the_published_mistakes(seed: str) -> None:
    report = import_file(published_path(seed)).report
    found = {(i.code, i.cells[0]) for i in check(report) if i.severity is Severity.ERROR}
    assert found <= EXPECTED_ERRORS[seed]
    if seed in ("000", "004"):
        assert found == EXPECTED_ERRORS[seed]


def test_unplaced_cells_say_why() -> None:
    result = import_file(published_path("001"))
    assert "没有注明单位" in result.unplaced[CellRef("t2", "procurement", "amount")]
    assert result.unplaced[CellRef("t3", "carry_forward", "natural")] == "原文中没有找到这一行"
    lost = import_file(published_path("002")).unplaced[CellRef("t3", "new", "natural")]
    assert "少了一个数" in lost and "2种读法" in lost


@pytest.mark.parametrize("seed", SEED_IDS)
def test_docx_round_trip(seed: str, tmp_path: Path) -> None:
    fixture = load_seed(seed)
    path = tmp_path / "report.docx"
    build_docx(fixture, path)
    result = import_file(path)
    edition = get_edition(fixture.edition)
    totals = compute_totals(fixture)
    expected = {}
    for ref in edition.cells():
        value = totals.get(ref) if edition.is_derived(ref) else fixture.get(ref)
        if value is not None:
            expected[ref] = value
    assert result.report.cells == expected
    assert result.unplaced == {}
    assert result.report.sections == fixture.sections


def test_text_without_a_title_is_imported_with_notes() -> None:
    result = import_text("一、总体情况\n本年度工作有序开展。\n")
    assert result.report.sections["overview"] == "本年度工作有序开展。"
    assert any("机关名称" in n for n in result.notes) and any("年度" in n for n in result.notes)


def test_import_command(tmp_path: Path) -> None:
    out = tmp_path / "draft.json"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "import",
            str(published_path("001")),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "已放入 86 个单元格" in run.stdout and "采购总金额" in run.stdout
    checked = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert "T3-BAL" in checked.stdout


def test_headings_run_into_a_paragraph_are_read_as_headings() -> None:
    """Web pages flatten a report: "…工作。 一、总体情况 2023年，我局…" on one line."""
    from models.importer import import_text

    text = (
        "某某区公安分局2023年政府信息公开工作年度报告\n"
        "根据《条例》规定编制本报告。 一、总体情况 2023年，我局共收到政府信息公开申请3件。"
        "五、存在的主要问题及改进情况 一是公开内容不够全面。二是更新不够及时。"
        "六、其他需要报告的事项 本机关未收取信息处理费。\n"
    )
    report = import_text(text).report
    assert report.preamble == "根据《条例》规定编制本报告。"
    assert report.sections["overview"] == "2023年，我局共收到政府信息公开申请3件。"
    assert report.sections["problems"].startswith("一是公开内容不够全面")
    assert report.sections["other"] == "本机关未收取信息处理费。"
    # "一、" inside a sentence is not a heading.
    from models.importer.text import split_inline_headings

    assert split_inline_headings("重点做好一、二季度的工作。") == ["重点做好一、二季度的工作。"]
