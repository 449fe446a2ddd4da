"""导出网页: the page's tables are the template's grids, it stands alone, our own
importer reads it back cell for cell, and Chromium renders it.

The page is parsed back with lxml and its tables laid out by HTML's own
placement rules (each cell at the first free column of its row, spans
reserving the cells below and beside), so a wrong rowspan shows as a shifted
cell, not as a missing attribute.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest
from PIL import Image

from export.html import build_html, export_html
from models.editions import T2_FEE, CellRole, GridCell, get_edition, label_breaks
from models.importer import import_file
from models.report import SECTION_TITLES, Report
from models.totals import compute_totals, shown_value
from models.validation import check
from models.values import Value
from tests.conftest import SEED_IDS, load_seed

# Attributes that fetch or run something; none may appear in a self-contained page.
_OUTSIDE = {"src", "href", "srcset", "action", "formaction", "data", "poster", "background"}


def _page(report: Report) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(build_html(report))


def _grid(table: lxml.html.HtmlElement) -> dict[tuple[int, int], lxml.html.HtmlElement]:
    """Each cell at the grid position HTML's table model gives it."""
    taken: set[tuple[int, int]] = set()
    out = {}
    for r, row in enumerate(table.iter("tr")):
        c = 0
        for cell in row:
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            out[(r, c)] = cell
            for dr in range(int(cell.get("rowspan", 1))):
                for dc in range(int(cell.get("colspan", 1))):
                    taken.add((r + dr, c + dc))
            c += int(cell.get("colspan", 1))
    return out


def _figure(text: str) -> Value | None:
    if not text:
        return None
    return Decimal(text) if "." in text else int(text)


def _expected_label(report: Report, cell: GridCell) -> str:
    if cell.unit_of is None:
        return cell.text
    return f"{cell.text}（单位：{report.unit_of(cell.unit_of)}）"


_TAG = {
    CellRole.HEADING: ("th", "rowgroup"),
    CellRole.HEADER: ("th", "col"),
    CellRole.ROW_LABEL: ("th", "row"),
    CellRole.CORNER: ("td", None),
    CellRole.VALUE: ("td", None),
    CellRole.DERIVED: ("td", None),
}


@pytest.mark.parametrize("seed", SEED_IDS)
def test_tables_are_the_layouts_grids_with_every_label_and_figure(seed: str) -> None:
    report = load_seed(seed)
    root = _page(report)
    totals = compute_totals(report)
    for key in ("t2", "t3", "t4"):
        layout = get_edition(report.edition).layout(key)
        (table,) = root.find_class(key)
        grid = _grid(table)
        assert set(grid) == {(c.row, c.col) for c in layout.cells}
        for cell in layout.cells:
            element = grid[(cell.row, cell.col)]
            where = f"{key} ({cell.row}, {cell.col})"
            spans = (int(element.get("rowspan", 1)), int(element.get("colspan", 1)))
            assert spans == (cell.rowspan, cell.colspan), where
            assert (element.tag, element.get("scope")) == _TAG[cell.role], where
            text = element.text_content()
            if cell.ref is not None:
                assert _figure(text) == shown_value(report, totals, cell.ref), where
            else:
                assert text == _expected_label(report, cell), where


def test_header_labels_break_only_between_their_words() -> None:
    """<wbr> between the pieces of editions.label_breaks, and nowhere inside one."""
    for seed in ("001", "002"):  # both editions
        headers = [th for th in _page(load_seed(seed)).iter("th") if th.get("scope") == "col"]
        assert len(headers) > 20
        for th in headers:
            # libxml2 (HTML 4) nests what follows a <wbr> inside it; the text runs
            # are the pieces either way.
            assert all(e.tag == "wbr" for e in th.iterdescendants())
            label = th.text_content()
            assert tuple(th.itertext()) == label_breaks(label), label
    headers = [th for th in _page(load_seed("002")).iter("th")]
    assert [tuple(th.itertext()) for th in headers if th.text_content() == "商业企业"] == [
        ("商业", "企业")
    ]


def test_money_in_wan_yuan_prints_the_templates_four_decimals() -> None:
    report = load_seed("002")
    ref = T2_FEE
    assert report.unit_of(ref) == "万元"
    report.set(ref, Decimal("12.5"))
    (table,) = _page(report).find_class("t2")
    assert "12.5000" in [td.text_content() for td in table.iter("td")]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_page_stands_alone(seed: str) -> None:
    markup = build_html(load_seed(seed))
    root = lxml.html.document_fromstring(markup)
    tags = {e.tag for e in root.iter() if isinstance(e.tag, str)}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base", "svg"}
    for element in root.iter():
        names = {name.lower() for name in element.attrib}
        assert not names & _OUTSIDE, element.tag
        assert not any(name.startswith("on") for name in names), element.tag
    style = "".join(s.text_content() for s in root.iter("style"))
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    # A web address in the text is text (seed 000 names its portal), never a link.
    assert "//" not in style
    # Fonts by name with a generic fallback.
    assert '"仿宋", "FangSong"' in style and "serif;" in style and "sans-serif;" in style


@pytest.mark.parametrize("seed", SEED_IDS)
def test_title_headings_paragraphs_and_closing(seed: str) -> None:
    report = load_seed(seed)
    root = _page(report)
    (h1,) = root.iter("h1")
    assert h1.text_content() == report.title
    assert [h.text_content() for h in root.iter("h2")] == list(SECTION_TITLES.values())
    assert root.findtext(".//title") == report.title
    paragraphs = [p.text_content() for p in root.iter("p")]
    for key in SECTION_TITLES:
        for line in report.sections[key].split("\n"):
            if line.strip():
                assert line.strip() in paragraphs
    (closing,) = root.find_class("closing")
    lines = [p.text_content() for p in closing.iter("p")]
    date = report.issue_date
    assert lines == [report.agency] + ([f"{date.year}年{date.month}月{date.day}日"] if date else [])
    # The draft mark exactly when the report has errors, as on the PDF's pages.
    errors = len(check(report).errors)
    drafts = [p.text_content() for p in root.find_class("draft")]
    assert drafts == (
        [f"草稿 — 存在{errors}处校验错误，仅供核对，不得作为正式报告发布"] if errors else []
    )


def test_subheadings_are_set_apart_and_every_text_is_escaped() -> None:
    report = load_seed("002")
    report.agency = '甲<script>alert("x")</script>&乙局'
    report.sections["overview"] = "（一）组织领导。<img src=x onerror=alert(1)>正文&nbsp;\n普通段落"
    report.preamble = "</p><a href='http://example.com'>链接</a>"
    markup = build_html(report)
    root = lxml.html.document_fromstring(markup)
    assert not any(e.tag in ("script", "img", "a") for e in root.iter())
    assert root.findtext(".//title") == report.title
    (h1,) = root.iter("h1")
    assert h1.text_content() == report.title
    (sub,) = root.find_class("sub")
    assert sub.text_content() == "（一）组织领导。"
    assert sub.getparent().text_content() == report.sections["overview"].split("\n")[0]
    assert report.preamble in [p.text_content() for p in root.iter("p")]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_our_importer_reads_the_page_back(seed: str, tmp_path: Path) -> None:
    """The real round trip: every figure as shown, text, agency, year and date."""
    report = load_seed(seed)
    path = tmp_path / "年报.html"
    export_html(report, path)
    result = import_file(path)
    back = result.report
    totals = compute_totals(report)
    shown = {}
    for ref in get_edition(report.edition).cells():
        value = shown_value(report, totals, ref)
        if value is not None:
            shown[ref] = value
    assert back.cells == shown
    assert result.unplaced == {} and result.unsure == []
    assert (back.agency, back.year, back.edition) == (report.agency, report.year, report.edition)
    assert back.sections == report.sections
    assert (back.preamble, back.contact) == (report.preamble, report.contact)
    assert back.issue_date == report.issue_date


def test_export_replaces_a_file_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk fails the write: the old page stays, no temporary file is left."""
    import errno

    path = tmp_path / "年报.html"
    path.write_text("旧的网页", encoding="utf-8")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        export_html(load_seed("001"), path)
    assert path.read_text(encoding="utf-8") == "旧的网页"
    assert [p.name for p in tmp_path.iterdir()] == ["年报.html"]


def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        try:
            (folder / "probe").write_bytes(b"")
        except PermissionError:
            pass
        else:
            pytest.skip("chmod does not stop this user from writing (root)")
        with pytest.raises(PermissionError):
            export_html(load_seed("000"), folder / "a.html")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


# ---------------------------------------------------------------- Chromium


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    # Not a skip: the page must be seen rendered; `make system-deps` installs it.
    pytest.fail("chromium is missing: install the Debian package chromium (make system-deps)")


def render_in_chromium(page: Path, png: Path, profile: Path) -> None:
    """A headless Chromium screenshot of the page, 1200 × 3000 pixels."""
    done = subprocess.run(
        [
            _chromium(),
            "--headless",
            "--no-sandbox",  # tests run as root in CI
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            "--window-size=1200,3000",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and png.exists(), done.stderr[-2000:]


def _ruled_lines(image: Image.Image) -> int:
    """Rows of pixels with a dark run as wide as a table (its borders)."""
    gray = image.convert("L")
    width, height = gray.size
    # Dark pixels as b"#", others as b".", then a run of 400 found per row.
    ink = gray.tobytes().translate(bytes(35 if v < 100 else 46 for v in range(256)))
    run = re.compile(rb"#{400,}")
    return sum(bool(run.search(ink, y * width, (y + 1) * width)) for y in range(height))


def test_chromium_renders_the_page(tmp_path: Path) -> None:
    page = tmp_path / "年报.html"
    export_html(load_seed("000"), page)
    png = tmp_path / "page.png"
    render_in_chromium(page, png, tmp_path / "profile")
    with Image.open(png) as image:
        assert image.size == (1200, 3000)
        gray = image.convert("L")
        histogram = gray.histogram()
        dark = sum(histogram[:128]) / (1200 * 3000)
        # Text on white: some ink, mostly paper (a blank or black page fails).
        assert 0.005 < dark < 0.4, dark
        # Ink at the top (the title) and the tables' ruled borders further down.
        top = gray.crop((0, 0, 1200, 300)).histogram()
        assert sum(top[:128]) > 500
        assert _ruled_lines(image) >= 10
