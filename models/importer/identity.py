"""Whose report, of which year: read from the title, the preamble and the closing block.

A copied web page puts a breadcrumb, a site name or a sentence before the title;
an e-book page prefixes "Page 8 - "; many copies have no title at all and name the
agency only in the preamble ("特向社会公布2020年度渠县教育和科学技术局政府信息公开
年度报告") or above the closing date.  Each source is tried in order of trust, and
a name is taken only when it looks like an agency's (short, no sentence
punctuation, an agency's ending).  The year comes from the title, else the
statistics period ("统计期限自2020年1月1日"), else a closing date early in the next
year.  What none of them gives is left for the clerk to say (``Identity`` holds "" or 0):
never a silent guess.  Every line is squeezed and capped before a pattern
runs on it, so a hostile paste cannot make one backtrack.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from models.report import MAX_YEAR, MIN_YEAR

_YEAR = r"((?:19|20)\d{2})\s*年\s*度?"
_REPORT = r"(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:工作)?报告|年报"
# "<agency><year>年度政府信息公开工作年度报告", "<year>年<agency>政府信息公开…", or no year.
_TITLE_AGENCY_FIRST = re.compile(
    rf"^(.*?)\s*(?:关于)?\s*(?<!\d)(\d{{4}})\s*年\s*度?\s*[_\-—]?\s*(.*?)\s*(?:{_REPORT})"
)
_TITLE_NO_YEAR = re.compile(rf"^(.{{2,40}}?)\s*(?:{_REPORT})\s*$")
# "特向社会公布2020年度渠县教育和科学技术局政府信息公开年度报告", "现将穆寨街道办事处2021年度…"
_ANNOUNCE = re.compile(
    rf"(?:公布|发布|现将|编制|印发|汇报)\s*(?:{_YEAR})?\s*([^，,。；;《》“”\s]{{2,40}}?)\s*"
    rf"(?:{_YEAR})?\s*(?:的)?\s*(?:政府|政务)?信息公开"
)
_PERIOD = re.compile(
    r"统计(?:期限|时限|时间|区间|范围)[^。\d]{0,8}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日"
)
# Any four digits before 年…信息公开: a title's year out of range, to be named.
_ODD_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年\s*度?\s*(?:政府|政务)?信息公开")
DATE = re.compile(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_AGENCY_END = (
    "局",
    "委",
    "委员会",
    "办",
    "办公室",
    "院",
    "政府",
    "处",
    "所",
    "中心",
    "队",
    "站",
    "会",
    "厅",
    "部",
    "署",
    "馆",
    "室",
    "乡",
    "镇",
    "街道",
    "公司",
    "集团",
    "社",
    "园区",
    "管委会",
    "分局",
    "支队",
    "大队",
    "街",
    "区",
    "县",
    "市",
)
_GENERIC = frozenset(
    {
        "政府",
        "人民政府",
        "政务",
        "区县",
        "县区",
        "市县",
        "县市",
        "街道",
        "乡镇",
        "镇街",
        "部门",
        "单位",
    }
)
_THIS_REPORT = ("本报告", "本年度报告", "特向社会公布", "现向社会公布", "现将")
_FIRST_HEADING = re.compile(r"^#*\s*[一二三四五六]、")
# Lines are read this far: a title or a preamble's sentence is far shorter.
_MAX_LINE = 300
_NOT_IN_A_NAME = re.compile(r"[，,。；;：:《》“”\"!！?？、（）()\s]")
# Breadcrumbs and prefixes before a title: "首页 > 信息公开 > …", "Page 8 - ".
_CRUMB = re.compile(r"^.*(?:>|＞|»|›|\|)\s*|^Page\s*\d+\s*[-–—]\s*|^P\.\s*\d+\s*")


@dataclass(frozen=True)
class Identity:
    agency: str  # "" when no source names it for sure
    year: int  # 0 likewise
    odd_year: int = 0  # a year the title states outside MIN_YEAR..MAX_YEAR


def looks_like_agency(text: str) -> bool:
    return (
        2 <= len(text) <= 40
        and not _NOT_IN_A_NAME.search(text)
        and text.endswith(_AGENCY_END)
        and not text.startswith(("我", "本", "该", "各", "全"))  # "我镇", "本局": not a name
        and text not in _GENERIC  # "政府" in "发布政府信息公开…": a word, not a name
    )


def _clean(name: str) -> str:
    name = _CRUMB.sub("", name.strip().lstrip("#").strip())
    name = re.sub(r"^(?:关于|本机关|我局)", "", name)
    return name.strip(" _-—:：")


def read_identity(lines: list[str], head_lines: int = 60) -> Identity:
    """Agency and year of a report's text (its lines as split by the importer)."""
    # Whitespace runs squeezed and lines capped before any pattern runs: the
    # patterns' optional spaces then take at most one character each, so no
    # run of spaces (a hostile paste) makes them backtrack.
    texts = [" ".join(unicodedata.normalize("NFKC", line).split())[:_MAX_LINE] for line in lines]
    texts = [t for t in texts if t]
    head_texts = texts[:head_lines]
    # Title and preamble come before 一、: a sentence of the report citing a
    # report ("发布2022年度政府信息公开工作年度报告") names no one.
    preamble_texts = _before_first_heading(head_texts)
    agency, year = "", 0
    # 1. The title: one of the first lines.  A title without a year (or a
    # breadcrumb that looks like one) is kept only if no title with a year follows.
    previous, fallback = "", ""
    for text in preamble_texts:
        if len(text) > 120 or "\t" in text:
            previous = ""
            continue
        match = _TITLE_AGENCY_FIRST.match(text)
        if match and ("公开" in text or "年报" in text):
            before, found_year, after = match.group(1), int(match.group(2)), match.group(3)
            year = found_year if MIN_YEAR <= found_year <= MAX_YEAR else 0
            # The name in the title, or alone on the line above it.
            for candidate in (_clean(before), _clean(after), _clean(previous)):
                if looks_like_agency(candidate):
                    agency = candidate
                    break
            break
        match = _TITLE_NO_YEAR.match(_clean(text))
        if match and not fallback and looks_like_agency(_clean(match.group(1))):
            fallback = _clean(match.group(1))
        previous = text
    agency = agency or fallback
    # 2. A sentence of the preamble (before 一) that names the report.
    # Past 一、 only a sentence that speaks of this very report ("本报告…汇报我镇
    # 2023年政府信息公开工作", a copy that starts at 一) counts.
    own = [
        sentence
        for text in head_texts[len(preamble_texts) :]
        for sentence in text.split("。")
        if any(word in sentence for word in _THIS_REPORT)
    ]
    preamble = "\n".join(preamble_texts + own)
    if not agency or not year:
        for match in _ANNOUNCE.finditer(preamble):
            name = _clean(match.group(2))
            found = match.group(1) or match.group(3)
            if not agency and looks_like_agency(name):
                agency = name
            if not year and found:
                year = int(found)
            if agency and year:
                break
    # 3. The statistics period.
    head = "\n".join(head_texts)
    if not year:
        period = _PERIOD.search(head)
        if period:
            year = int(period.group(1))
    # 4. The closing block: the date, and the agency just above it.
    closing_year = 0
    for i in range(len(texts) - 1, max(len(texts) - 6, -1), -1):
        date = DATE.match(texts[i].replace(" ", ""))
        if date:
            if int(date.group(2)) <= 6:
                closing_year = int(date.group(1)) - 1
            if not agency and i > 0 and looks_like_agency(texts[i - 1].replace(" ", "")):
                agency = texts[i - 1].replace(" ", "")
            break
    if not year and closing_year:
        year = closing_year
    if not MIN_YEAR <= year <= MAX_YEAR:
        odd = _ODD_YEAR.search(head)
        return Identity(agency, 0, int(odd.group(1)) if odd else 0)
    return Identity(agency, year)


def _before_first_heading(texts: list[str]) -> list[str]:
    for i, text in enumerate(texts):
        if _FIRST_HEADING.match(text):
            return texts[:i]
    return texts
