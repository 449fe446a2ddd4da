"""The Word copy: its page setup, faces, merged tables, and what LibreOffice makes of it.

Each seed is exported as .docx and converted by LibreOffice (``soffice --headless
--convert-to pdf``), with the official face names mapped to our bundled faces
(a fontconfig file of the test's own), as our PDF uses them: the pages must
number as our PDF's (±1), and every table label and every figure must be there.
LibreOffice is a test dependency (``make system-deps``); without it these tests
fail rather than skip, since CI must run them.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from pypdf import PdfReader

import cli
from export.assets import asset_path
from export.docx import FACES, TABLE_PT, build_docx, export_docx
from export.fonts import BUNDLED
from export.pdf import export_pdf
from models.editions import SECTION_TABLES, CellRef, get_edition
from models.report import SECTION_TITLES, Report
from models.totals import compute_totals, printed_value, shown_value
from tests.conftest import FIXTURES, SEED_IDS, load_seed, run_main

EMU_PER_MM = 36000


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _figure(report: Report, ref: CellRef) -> str:
    return printed_value(report, ref, shown_value(report, compute_totals(report), ref))


def _fontconfig(folder: Path) -> Path:
    """A fontconfig file mapping each official face name to our bundled face for its role."""
    rules = []
    for role, face in FACES.items():
        font = TTFont(asset_path("fonts", BUNDLED[role]), fontNumber=0, lazy=True)
        family = font["name"].getDebugName(1)
        weight = font["OS/2"].usWeightClass
        rules.append(
            f"<alias binding='same'><family>{face}</family>"
            f"<prefer><family>{family}</family></prefer></alias>"
        )
        if weight >= 600:
            const = "black" if weight >= 800 else "bold"
            rules.append(
                f"<match target='pattern'><test name='family'><string>{face}</string></test>"
                f"<edit name='weight' mode='assign'><const>{const}</const></edit></match>"
            )
    conf = folder / "fonts.conf"
    conf.write_text(
        "<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
        "<include ignore_missing='yes'>/etc/fonts/fonts.conf</include>"
        f"<dir>{asset_path('fonts')}</dir><cachedir>{folder / 'fc-cache'}</cachedir>"
        + "".join(rules)
        + "</fontconfig>",
        encoding="utf-8",
    )
    return conf


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, Path]]:
    """seed → (its .docx, LibreOffice's PDF of it, our own PDF)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is not installed: run `make system-deps`")
    folder = tmp_path_factory.mktemp("docx")
    out: dict[str, tuple[Path, Path, Path]] = {}
    for seed in SEED_IDS:
        docx, ours = folder / f"seed_{seed}.docx", folder / f"ours_{seed}.pdf"
        build_docx(load_seed(seed), docx)
        export_pdf(load_seed(seed), ours, use_official_fonts=False)
        out[seed] = (docx, folder / "lo" / f"seed_{seed}.pdf", ours)
    env = {**os.environ, "FONTCONFIG_FILE": str(_fontconfig(folder))}
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "lo"),
            *(str(docx) for docx, _, _ in out.values()),
        ],
        env=env,
        capture_output=True,
        timeout=300,
        check=True,
    )
    return out


def _pdf_text(path: Path) -> str:
    # -raw: in the order LibreOffice draws, so a table cell's lines stay together.
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("seed", SEED_IDS)
def test_libreoffice_pages_match_our_pdf(
    converted: dict[str, tuple[Path, Path, Path]], seed: str
) -> None:
    _, theirs, ours = converted[seed]
    pages, expected = len(PdfReader(theirs).pages), len(PdfReader(ours).pages)
    assert abs(pages - expected) <= 1, (pages, expected)


@pytest.mark.parametrize("seed", SEED_IDS)
def test_libreoffice_prints_every_heading_label_and_figure(
    converted: dict[str, tuple[Path, Path, Path]], seed: str
) -> None:
    report = load_seed(seed)
    text = _pdf_text(converted[seed][1])
    squashed = _squash(text)
    assert _squash(report.agency) in squashed
    assert report.title_after_agency in squashed
    for title in SECTION_TITLES.values():
        assert title in squashed
    edition = get_edition(report.edition)
    tokens = re.findall(r"-?\d+(?:\.\d+)?", text)
    at = 0  # the figures come table by table, row by row, in the order printed
    for table_key in SECTION_TABLES.values():
        layout = edition.layout(table_key)
        rows: dict[int, list[str]] = {}
        for cell in sorted(layout.cells, key=lambda c: (c.row, c.col)):
            if cell.ref is None:
                label = cell.text
                if cell.unit_of is not None:
                    label += f"（单位：{report.unit_of(cell.unit_of)}）"
                assert _squash(label) in squashed, label
            else:
                figure = _figure(report, cell.ref)
                if figure:
                    rows.setdefault(cell.row, []).append(figure)
        for row, figures in sorted(rows.items()):
            found = next(
                (i for i in range(at, len(tokens)) if tokens[i : i + len(figures)] == figures),
                None,
            )
            assert found is not None, (table_key, row, figures)
            at = found + len(figures)


def _cell_font_sizes(table: object) -> set[float]:
    sizes = set()
    for r in table._tbl.iter(qn("w:r")):  # type: ignore[attr-defined]
        size = r.find(f"{qn('w:rPr')}/{qn('w:sz')}")
        if size is not None:
            sizes.add(int(size.get(qn("w:val"))) / 2)
    return sizes


@pytest.mark.parametrize("seed", ["000", "003"])
def test_page_faces_and_merged_tables_as_the_pdf(tmp_path: Path, seed: str) -> None:
    report = load_seed(seed)
    path = tmp_path / "report.docx"
    export_docx(report, path)
    doc = Document(str(path))
    section = doc.sections[0]
    size = (section.page_width, section.page_height)
    assert [round(x / EMU_PER_MM, 1) for x in size] == [210, 297]
    margins = (section.top_margin, section.bottom_margin, section.left_margin)
    assert [round(m / EMU_PER_MM, 1) for m in (*margins, section.right_margin)] == [
        37,
        35,
        28,
        26,
    ]
    normal = doc.styles["Normal"]
    assert normal.font.size.pt == 16
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == FACES["body"] == "仿宋"
    # Title: agency, then the year line, in the title face; 一…六 in 黑体.
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    assert [p.text for p in paragraphs[:2]] == [report.agency, report.title_after_agency]
    title_font = paragraphs[0].runs[0]._r.rPr.find(qn("w:rFonts"))
    assert title_font.get(qn("w:eastAsia")) == FACES["title"]
    headings = [p for p in doc.paragraphs if p.text in SECTION_TITLES.values()]
    assert len(headings) == len(SECTION_TITLES)
    for heading in headings:
        face = heading.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
        assert face == FACES["heading"]
    # Closing block: agency and date right-aligned at the end.
    closing = paragraphs[-2:] if report.issue_date else paragraphs[-1:]
    assert closing[0].text == report.agency
    if report.issue_date:
        date = report.issue_date
        assert closing[1].text == f"{date.year}年{date.month}月{date.day}日"
    assert all(p.paragraph_format.alignment == 2 for p in closing)  # right
    # Tables: merged as the layout has them, at 10.5 pt (表三 9 pt, as the PDF).
    edition = get_edition(report.edition)
    assert len(doc.tables) == len(SECTION_TABLES)
    for table, key in zip(doc.tables, SECTION_TABLES.values(), strict=True):
        layout = edition.layout(key)
        spans = sorted(c.colspan for c in layout.cells if c.colspan > 1)
        found = sorted(
            int(tc.get(qn("w:val")))
            for tc in table._tbl.iter(qn("w:gridSpan"))
            if int(tc.get(qn("w:val"))) > 1
        )
        # A cell spanning rows and columns repeats its gridSpan on each row it covers.
        expected = sorted(
            c.colspan for c in layout.cells if c.colspan > 1 for _ in range(c.rowspan)
        )
        assert found == expected, (key, spans)
        restarts = sum(
            1 for v in table._tbl.iter(qn("w:vMerge")) if v.get(qn("w:val")) == "restart"
        )
        assert restarts == sum(1 for c in layout.cells if c.rowspan > 1)
        assert _cell_font_sizes(table) == {TABLE_PT[key]}
    # Editable: no pictures; page numbers are a PAGE field in both footers.
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert not any(n.startswith("word/media/") for n in names)
        footers = [archive.read(n).decode() for n in names if n.startswith("word/footer")]
    assert len(footers) == 2 and all("PAGE" in f and "— " in f for f in footers)


def test_labels_break_only_between_words(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    export_docx(load_seed("002"), path)
    doc = Document(str(path))
    lines: list[str] = []
    for table in doc.tables:
        for tc in table._tbl.iter(qn("w:tc")):
            text = "".join(
                "\n" if el.tag == qn("w:br") else (el.text or "")
                for el in tc.iter(qn("w:t"), qn("w:br"))
            )
            lines += text.split("\n")
    for broken in ("商业企", "科研机", "社会公益组", "三、本", "法律服务机"):
        assert broken not in lines
    assert {"商业", "企业", "三、本年度", "办理结果"} <= set(lines)


def test_command_line_writes_the_file_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "报告.docx"
    done = run_main("export-docx", "tests/fixtures/seed_000.json", str(out))
    assert done.returncode == 0, done.stderr
    assert f"已导出 {out}（存在3处校验错误" in done.stdout
    assert Document(str(out)).paragraphs[0].text == load_seed("000").agency
    missing = run_main("export-docx", str(tmp_path / "无.json"), str(tmp_path / "x.docx"))
    assert missing.returncode == 1 and "找不到文件" in missing.stderr
    nowhere = run_main("export-docx", "tests/fixtures/seed_000.json", str(tmp_path / "无" / "x"))
    assert (
        nowhere.returncode == 1
        and "无法写入" in nowhere.stderr
        and "文件夹不存在" in nowhere.stderr
    )


def test_full_disk_leaves_no_half_written_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("models.files.os.fsync", full)
    out = tmp_path / "报告.docx"
    assert cli.run_export_docx(str(FIXTURES / "seed_001.json"), str(out)) == cli.EXIT_ERRORS
    assert "磁盘空间已满" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
