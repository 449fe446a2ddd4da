"""The prose of a published report: its title line, its sections and their paragraphs.

The title line (agency and year are ``identity.py``'s) marks where the report
begins; the headings 一、 to 六、 split the narrative into the report's sections,
also where a web page runs them into a paragraph; paragraphs a page break cut in
two are joined again, and the date and agency that close the report are set
apart, with a web page's footer after them.  Table lines (tab-separated, or an
article heading of 表二) are handed back for ``tables.py``.  What the copy lacks
is noted for the import: the headings it has, and whether it stops mid-sentence.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from models.importer.identity import DATE, looks_like_agency
from models.importer.result import ImportResult
from models.report import SECTION_KEYS, Report

# No two adjacent quantifiers may take the same characters ("\s*#*\s*" tries
# every split of a run of spaces): _TITLE is matched on lines whose whitespace
# runs are squeezed to one space, so each "\s*" in it takes at most one.
_HEADING = re.compile(r"^\s*(?:#+\s*)?([一二三四五六])、")
_TITLE = re.compile(r"^(.*?)\s*(\d{4})\s*年\s*度?\s*(?:政府|政务)信息公开工作(?:年度)?报告")
# 表二's article headings (第二十条第（一）项): table lines, also to tables.py.
ARTICLE = re.compile(r"^第二十条第[（(]([一二三四五六七八九十]+)[）)]项")
_SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_SECTIONS = dict(zip("一二三四五六", SECTION_KEYS, strict=True))
# A section heading run into a paragraph, as web pages flatten them: "…工作。 一、总体情况
# 2023年，我局…".  Only the template's own headings (their variants in real
# reports), after a sentence's end or a space, so "一、" inside a sentence stays.
_INLINE_HEADING = re.compile(
    r"(?:(?<=[。！？；;])|(?<=\s))"
    r"([一二三四五六]、(?:总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况"
    r"|政府信息公开行政复议、行政诉讼情况|存在的主要问题及(?:其)?改进情况"
    r"|其他需要报告的事项))"
)


def split_inline_headings(line: str) -> list[str]:
    """A line with section headings run into it, as lines of their own."""
    if "\t" in line or not _INLINE_HEADING.search(line):
        return [line]
    pieces = []
    start = 0
    for match in _INLINE_HEADING.finditer(line):
        pieces += [line[start : match.start()], match.group(1)]
        start = match.end()
    pieces.append(line[start:])
    return [p.strip() for p in pieces if p.strip()]


_PARAGRAPH_END = tuple("。！？：；”)）")
# Lines a web page's footer adds after the closing date, at most.
_MAX_FOOTER_LINES = 12
_BARE_TITLE = re.compile(r"^\S{2,40}?(?:政府|政务)信息公开(?:工作)?(?:年度)?(?:工作)?报告$")
_FOOTER = re.compile(
    r"ICP|备案|网站标识码|主办单位|承办单位|版权所有|Copyright|©|技术支持|联系我们|访问量"
    r"|浏览次数|扫一扫|打印本页|关闭窗口|【打印】|【关闭】"
)
_BOOK_PAGE = re.compile(r"^Page\s*\d+\s*[-–—]")


def as_plain(text: str) -> str:
    """The text as compared: NFKC (full-width letters and digits made half-width), no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _title_line(raw: str) -> str:
    """A line as the title pattern sees it: no leading #, whitespace runs squeezed."""
    return " ".join(raw.strip().lstrip("#").split())


def title_index(lines: list[str]) -> int | None:
    """The title's line: the first that reads as one before any section heading (a
    sentence of 一 citing a report is no title)."""
    for i, raw in enumerate(lines):
        if _HEADING.match(raw):
            return None
        if _TITLE.match(_title_line(raw)):
            return i
    return None


def read_sections(lines: list[str], report: Report, result: ImportResult) -> list[str]:
    """Narrative text into the report's sections; returns the table lines."""
    current = "preamble"
    paragraphs: dict[str, list[str]] = {}
    tables: list[str] = []
    # Lines before the title (a web page's menus, the agency above it) are skipped;
    # text pasted without a title is read from its first line.
    seen_title = title_index(lines) is None
    for raw in (piece for line in lines for piece in split_inline_headings(line)):
        stripped = raw.strip().lstrip("#").strip()
        if not seen_title:
            seen_title = bool(_TITLE.match(_title_line(raw)))
            continue
        if current == "preamble" and not paragraphs and _BARE_TITLE.match(as_plain(raw)):
            continue  # "驼峰路街道办事处政府信息公开工作年度报告": the title without a year
        heading = _HEADING.match(raw)
        if heading and "\t" not in raw and len(stripped) < 40:
            current = _SECTIONS[heading.group(1)]
            result.sections_seen.add(current)
            continue
        if "\t" in raw or ARTICLE.match(as_plain(raw)):
            tables.append(raw)
            continue
        paragraphs.setdefault(current, []).append(stripped)
    # The page's footer after the report (备案号, 网站标识码 …) is not its end.
    last = next((x.strip() for x in reversed(lines) if x.strip() and not _FOOTER.search(x)), "")
    # A copy that stops mid-sentence (a page's first 2,000 bytes, a broken
    # extraction ending in "\ufffd") has lost its end: the closing date with it.
    result.cut_off = (
        # A report ends with a sentence, its date (printed blank: "年 月 日") or its name.
        not (last.endswith((*_PARAGRAPH_END, "日", "无", "。")) or looks_like_agency(last))
        or "\ufffd" in last[-3:]
        # One page of a paged e-book viewer ("Page 9 - 2020年报_审计局"): the
        # rest of the report is on other pages.
        or bool(_BOOK_PAGE.match(next((x for x in lines if x.strip()), "").strip()))
    )
    for key, items in paragraphs.items():
        if key == "other":
            items = _closing(items, report)
        text = _join_paragraphs(items)
        if key == "preamble":
            report.preamble = text
        else:
            report.sections[key] = text
    return tables


def _join_paragraphs(items: list[str]) -> str:
    """Paragraphs split by a page break (no closing punctuation) are joined again."""
    # Pieces are collected and joined once: appending to a growing string, or
    # searching it again for every line, is quadratic in a text of short lines.
    joined: list[list[str]] = []
    for item in items:
        if not item:
            continue
        continues = joined and not joined[-1][-1].endswith(_PARAGRAPH_END)
        if continues and not _SUBHEADING.match(item):
            joined[-1].append(item)
        else:
            joined.append([item])
    return "\n".join("".join(pieces) for pieces in joined)


def _closing(items: list[str], report: Report) -> list[str]:
    """The date and agency that close section 六 are the closing block, not its text.

    A saved web page goes on after the date with the site's footer (主办单位,
    备案号, 网站标识码 …): short lines without a sentence's end after the last
    date of the section are the page's, not the report's, and are dropped.
    """
    lines = list(items)
    tail = lines[-_MAX_FOOTER_LINES:]
    dates = [i for i, line in enumerate(tail) if DATE.match(as_plain(line))]
    if dates:
        after = tail[dates[-1] + 1 :]
        if all(len(line) <= 80 and not line.rstrip().endswith("。") for line in after):
            lines = lines[: len(lines) - len(after)]
    while lines:
        last = as_plain(lines[-1])
        date = DATE.match(last)
        if not last:
            lines.pop()
        elif date:
            try:
                report.issue_date = dt.date(
                    int(date.group(1)), int(date.group(2)), int(date.group(3))
                )
            except ValueError:
                pass
            lines.pop()
        elif last == as_plain(report.agency):
            lines.pop()
        else:
            break
    return lines
