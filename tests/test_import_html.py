"""Saved web pages into drafts: tables by their grid, every cell in its place, bad pages refused.

The pages are built the way agency sites publish reports: the site's frame
(menus, breadcrumbs, a layout table around the article, scripts, a footer),
the report's tables as Word pastes them into the site's editor (<td> with
rowspan/colspan as the template merges them, a <p><span> inside each cell,
``&nbsp;`` in a blank cell), saved in GBK as most Chinese sites serve them.
"""

from __future__ import annotations

import time
from email.message import EmailMessage
from html import escape
from pathlib import Path

import pytest

from models.editions import CellRef, get_edition
from models.importer import ImporterError, import_file
from models.importer.html import html_text, mht_text
from models.report import SECTION_TITLES, Report
from models.table_types import CellRole
from models.totals import compute_totals, shown_value
from models.values import format_value
from tests.conftest import SEED_IDS, load_seed, run_main

FORMATS = Path(__file__).parent / "fixtures" / "import_formats"


def _cell_html(text: str, rowspan: int, colspan: int, *, numeric: bool) -> str:
    spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    # A blank cell holds a non-breaking space, as editors write it.
    body = escape(text) if text else "&nbsp;"
    align = ' align="center"' if numeric else ""
    return (
        f'<td{spans} valign="center" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt">'
        f'<p class="MsoNormal"{align}><span style="font-size:10.5pt;font-family:宋体">'
        f"{body}</span></p></td>"
    )


def _table_html(report: Report, key: str) -> str:
    layout = get_edition(report.edition).layout(key)
    totals = compute_totals(report)
    rows: list[list[str]] = [[] for _ in range(layout.n_rows)]
    for cell in sorted(layout.cells, key=lambda c: (c.row, c.col)):
        if cell.ref is not None:
            text = format_value(shown_value(report, totals, cell.ref))
        else:
            text = cell.text
            if cell.unit_of is not None:
                text += f"（单位：{report.unit_of(cell.unit_of)}）"
        rows[cell.row].append(
            _cell_html(
                text, cell.rowspan, cell.colspan, numeric=cell.role is not CellRole.ROW_LABEL
            )
        )
    body = "".join(f"<tr>{''.join(cells)}</tr>" for cells in rows)
    return (
        '<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" '
        f'style="border-collapse:collapse;border:none"><tbody>{body}</tbody></table>'
    )


def agency_page(report: Report) -> str:
    """The report as an agency's site publishes it, frame and all."""
    from models.editions import SECTION_TABLES

    article: list[str] = [f'<div class="title"><h1>{escape(report.title)}</h1></div>']
    article.append('<div class="info">发布时间：2022-01-20　来源：本站　【字体：大 中 小】</div>')
    for line in (report.preamble + "\n" + report.contact).split("\n"):
        if line.strip():
            article.append(f'<p style="text-indent:2em">{escape(line.strip())}</p>')
    for key, title in SECTION_TITLES.items():
        article.append(f"<p><strong>{escape(title)}</strong></p>")
        for line in report.sections.get(key, "").split("\n"):
            if line.strip():
                article.append(f'<p style="text-indent:2em">{escape(line.strip())}&nbsp;</p>')
        if key in SECTION_TABLES:
            article.append(_table_html(report, SECTION_TABLES[key]))
    article.append(f'<p style="text-align:right">{escape(report.agency)}</p>')
    if report.issue_date:
        date = report.issue_date
        article.append(f'<p align="right">{date.year}年{date.month}月{date.day}日</p>')
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'
        f"<title>{escape(report.title)}_政府信息公开</title>"
        '<script type="text/javascript">var nav = "<p>一、总体情况</p>";</script>'
        "<style>p {margin:0} .title{font-size:22px}</style></head><body>"
        '<div class="top"><ul><li><a href="/">首页</a></li><li>政务公开</li></ul></div>'
        '<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>'
        '<table width="1000" align="center"><tr><td width="200" valign="top">'
        "<ul><li>政府信息公开指南</li><li>政府信息公开年报</li></ul></td>"
        f'<td valign="top"><div id="zoom">{"".join(article)}</div></td></tr></table>'
        "</body></html>"
    )


def printed_cells(report: Report) -> dict[CellRef, object]:
    """What the page shows, cell by cell: stated values, totals as printed, no blanks."""
    edition = get_edition(report.edition)
    totals = compute_totals(report)
    expected: dict[CellRef, object] = {}
    for ref in edition.cells():
        value = totals.get(ref) if edition.is_derived(ref) else report.get(ref)
        if value is not None:
            expected[ref] = value
    return expected


@pytest.mark.parametrize("seed", SEED_IDS)
def test_agency_page_in_gbk_round_trip(seed: str, tmp_path: Path) -> None:
    fixture = load_seed(seed)
    path = tmp_path / "report.htm"
    path.write_bytes(agency_page(fixture).encode("gbk"))
    result = import_file(path)
    report = result.report
    assert (report.agency, report.year, report.edition) == (
        fixture.agency,
        fixture.year,
        fixture.edition,
    )
    assert report.cells == printed_cells(fixture)
    assert result.unplaced == {}
    assert report.sections == fixture.sections
    assert report.issue_date == fixture.issue_date


def test_table_rows_are_one_field_per_cell_in_grid_position() -> None:
    """A rowspan repeats its text below (a merged Word cell in docx.py); a colspan is one field."""
    page = (
        "<table><tr><td rowspan=3 colspan=3>（本列数据的勾稽关系为：…）</td>"
        "<td colspan=7>申请人情况</td></tr>"
        "<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>"
        "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td>"
        "<td>其他</td></tr>"
        "<tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td>"
        "<td>1</td><td>&nbsp;</td><td> </td><td>\u3000</td><td>0</td><td><p>&nbsp;</p></td>"
        "<td>1</td></tr>"
        "<tr><td rowspan=1>（三）不予公开</td><td>1．属于国家秘密</td>"
        + "<td>2</td>" * 7
        + "</tr></table>"
    )
    lines = html_text(page.encode()).split("\n")
    assert lines == [
        "（本列数据的勾稽关系为：…）\t申请人情况",
        "（本列数据的勾稽关系为：…）\t自然人\t法人或其他组织\t总计",
        "（本列数据的勾稽关系为：…）\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计",
        "三、本年度办理结果\t（一）予以公开\t1\t\t\t\t0\t\t1",
        "三、本年度办理结果\t（三）不予公开\t1．属于国家秘密\t2\t2\t2\t2\t2\t2\t2",
    ]


def test_blocks_are_lines_and_hidden_parts_are_dropped() -> None:
    page = (
        "<html><head><title>t</title><style>p{color:red}</style></head><body>"
        "<script>document.write('<p>脚本</p>')</script><noscript>请启用脚本</noscript>"
        "<div>甲<span>乙</span>丙<br>丁</div><p>戊\n  己</p><ul><li>庚</li><li>辛</li></ul>"
        "<h2>壬</h2>癸<select><option>菜单</option></select></body></html>"
    )
    assert html_text(page.encode()).split("\n") == ["甲乙丙", "丁", "戊 己", "庚", "辛", "壬", "癸"]


def test_layout_tables_are_read_as_blocks_not_rows() -> None:
    """A table around the whole article (it holds a table, or a page of text) is not data."""
    page = (
        "<table><tr><td>导航</td><td><p>第一段。</p><p>第二段。</p>"
        "<table><tr><td>规章</td><td>3</td></tr></table></td></tr></table>"
        "<table><tr><td>侧栏</td><td><p>" + "很长的正文。" * 100 + "</p></td></tr></table>"
    )
    lines = html_text(page.encode()).split("\n")
    assert lines[:4] == ["导航", "第一段。", "第二段。", "规章\t3"]
    assert lines[4] == "侧栏" and "\t" not in lines[5]


@pytest.mark.parametrize(
    ("declared", "encoding"),
    [
        ('<meta charset="gb2312">', "gbk"),  # labelled GB2312, holding GBK-only characters
        ('<meta http-equiv="Content-Type" content="text/html; charset=GBK">', "gbk"),
        ('<meta charset="gb18030">', "gb18030"),
        ("", "utf-8"),  # no label: sniffed
        ("", "gbk"),  # no label, not UTF-8: GB18030
        ('<meta charset="utf-8">', "utf-8-sig"),  # a BOM
    ],
)
def test_page_encodings(declared: str, encoding: str) -> None:
    page = f"<html><head>{declared}</head><body><p>喆䶮公司：镕</p></body></html>"
    if encoding == "gbk":
        page = page.replace("䶮", "")  # not in GBK
    text = html_text(page.encode(encoding))
    assert text == ("喆公司：镕" if encoding == "gbk" else "喆䶮公司：镕")


def test_title_only_in_head_is_used() -> None:
    page = (
        "<html><head><title>某某局2021年政府信息公开工作年度报告</title></head>"
        "<body><p>一、总体情况</p><p>本年度工作有序开展。</p></body></html>"
    )
    assert html_text(page.encode()).split("\n")[0] == "某某局2021年政府信息公开工作年度报告"


def _mht(page: bytes, charset: str) -> bytes:
    """A page saved as one file (.mht): a MIME archive with the page and an image."""
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Subject"] = "年度报告"
    message["Snapshot-Content-Location"] = "http://www.example.gov.cn/art/2022/1/20/art_1.html"
    message.set_type("multipart/related")
    message.add_attachment(
        page, maintype="text", subtype="html", cte="quoted-printable", params={"charset": charset}
    )
    message.add_attachment(b"\x89PNG\r\n", maintype="image", subtype="png", filename="logo.png")
    return message.as_bytes()


def test_mht_page_round_trip(tmp_path: Path) -> None:
    fixture = load_seed("002")
    path = tmp_path / "report.mht"
    path.write_bytes(_mht(agency_page(fixture).encode("gbk"), "gbk"))
    result = import_file(path)
    assert result.report.cells == printed_cells(fixture)
    assert result.report.sections == fixture.sections


def test_mht_without_a_page_is_refused() -> None:
    message = EmailMessage()
    message.set_type("multipart/related")
    message.add_attachment(b"\x89PNG\r\n", maintype="image", subtype="png", filename="a.png")
    with pytest.raises(ImporterError, match="没有网页内容"):
        mht_text(message.as_bytes(), "a.mht")


@pytest.mark.parametrize("suffix", [".txt", ".dat", ""])
def test_a_page_saved_under_another_name_is_read_as_a_page(tmp_path: Path, suffix: str) -> None:
    fixture = load_seed("003")
    path = tmp_path / f"report{suffix}"
    path.write_bytes(agency_page(fixture).encode("gbk"))
    assert import_file(path).report.cells == printed_cells(fixture)


def test_mht_is_sniffed_whatever_its_name(tmp_path: Path) -> None:
    fixture = load_seed("000")
    path = tmp_path / "report.txt"
    path.write_bytes(_mht(agency_page(fixture).encode("utf-8"), "utf-8"))
    assert import_file(path).report.cells == printed_cells(fixture)


def test_import_command_reads_a_page(tmp_path: Path) -> None:
    path = tmp_path / "年报.html"
    path.write_bytes(agency_page(load_seed("002")).encode("gbk"))
    out = tmp_path / "draft.json"
    run = run_main("import", str(path), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "已放入 200 个单元格" in run.stdout and out.exists()


# ---------------------------------------------------------------- a page as a CMS serves it


def test_cms_page_with_its_own_merges_and_blanks() -> None:
    """A page as a city's CMS publishes it (2019 edition): cells hold <p align=center>,
    表二's value cells are merged differently from its header row, blanks are
    ``&nbsp;``, a printed total is blank, the article sits in nested layout tables."""
    result = import_file(FORMATS / "cms_2019_gb2312.html")
    report = result.report
    assert (report.agency, report.year, report.edition) == ("某某市人民政府办公厅", 2019, "2019")
    get = report.get
    # 表二: header "本年新公开数量" spans two grid columns, the rows' value cells others.
    assert [get(CellRef("t2", "rules", c)) for c in ("made", "published", "total_public")] == [
        13,
        13,
        524,
    ]
    assert get(CellRef("t2", "licensing", "prev_items")) == 0
    assert get(CellRef("t2", "procurement", "items")) == 6
    # 表三: blank cells stay blank, and so does the total printed blank.
    assert get(CellRef("t3", "new", "natural")) == 821
    assert get(CellRef("t3", "new", "research")) is None
    assert get(CellRef("t3", "open", "total")) is None
    assert CellRef("t3", "open", "total") in result.blank
    assert get(CellRef("t3", "carry_forward", "total")) == 72
    assert get(CellRef("t4", "all", "review_upheld")) == 5
    assert get(CellRef("t4", "all", "review_corrected")) is None
    assert get(CellRef("t2", "procurement", "amount")) == 251000
    assert report.unit_of(CellRef("t2", "procurement", "amount")) == "元"
    assert report.sections["problems"].startswith("（一）主要问题")
    assert result.unplaced == {}
    assert len(result.placed) + len(result.blank) == len(get_edition("2019").cells())


# ---------------------------------------------------------------- pages that are not reports


def test_huge_colspan_is_damage(tmp_path: Path) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(
        b"<html><body><table><tr><td colspan=1000000000>x</td><td>1</td></tr></table></body></html>"
    )
    with pytest.raises(ImporterError, match="横跨1000000000列"):
        import_file(path)


def test_huge_rowspan_is_read_without_expanding(tmp_path: Path) -> None:
    rows = "".join(f"<tr><td>行{i}</td><td>{i}</td></tr>" for i in range(2000))
    page = f"<table><tr><td rowspan=999999999>甲</td><td>0</td></tr>{rows}</table>"
    started = time.perf_counter()
    lines = html_text(page.encode())
    assert time.perf_counter() - started < 2
    assert lines.split("\n")[1] == "甲\t行0\t0"


def test_deeply_nested_page_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_bytes(b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000)
    started = time.perf_counter()
    with pytest.raises(ImporterError, match="嵌套过深"):
        import_file(path)
    assert time.perf_counter() - started < 5


def test_deeply_nested_tables_are_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_bytes(b"<table><tr><td>" * 50_000 + b"1" + b"</td></tr></table>" * 50_000)
    started = time.perf_counter()
    with pytest.raises(ImporterError):
        import_file(path)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<html><head><script>var x = 1;</script></head><body></body></html>",
        b"<html><body>\x00\xff\xfe<<<>>>&&&</body>",
        b"<html><body><p>\xe4\xbd\xa0\xe5\xa5\xbd</p></body></html>",  # text, but not a report
    ],
)
def test_pages_without_a_report_are_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    with pytest.raises(ImporterError) as caught:
        import_file(path)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(caught.value))


def test_old_word_files_get_a_message(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ImporterError, match=r"另存为\.docx"):
        import_file(path)
