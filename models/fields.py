"""The report's named fields as the window edits them: agency, year, date, texts.

Each name an editor or an undo step uses is listed here with its Chinese name;
an unknown name is an error, never a new attribute on the report.
"""

from __future__ import annotations

import datetime as dt

from models.report import FIELD_TITLES, SECTION_KEYS, Report

FieldValue = str | int | dt.date | None

# Text fields, by name, with the words the clerk knows them by.
TEXT_FIELDS: dict[str, str] = {
    **FIELD_TITLES,
    "sections.overview": "一、总体情况",
    "sections.proactive": "表二前说明",
    "sections.requests": "表三前说明",
    "sections.review": "表四前说明",
    "sections.problems": "五、存在的主要问题及改进情况",
    "sections.other": "六、其他需要报告的事项",
}
assert {f"sections.{k}" for k in SECTION_KEYS} <= TEXT_FIELDS.keys()


def get_field(report: Report, name: str) -> FieldValue:
    if name == "year":
        return report.year
    if name == "issue_date":
        return report.issue_date
    if name.startswith("sections."):
        return report.sections[_section(name)]
    if name in ("agency", "preamble", "contact"):
        return str(getattr(report, name))
    raise KeyError(f"报告没有名为“{name}”的栏目")


def set_field(report: Report, name: str, value: FieldValue) -> None:
    if name == "year":
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"year must be an int, not {value!r}")
        report.year = value
    elif name == "issue_date":
        if value is not None and not isinstance(value, dt.date):
            raise TypeError(f"issue_date must be a date or None, not {value!r}")
        report.issue_date = value
    elif name.startswith("sections."):
        report.sections[_section(name)] = str(value)
    elif name in ("agency", "preamble", "contact"):
        setattr(report, name, str(value))
    else:
        raise KeyError(f"报告没有名为“{name}”的栏目")


def _section(name: str) -> str:
    key = name.split(".", 1)[1]
    if key not in SECTION_KEYS:
        raise KeyError(f"报告没有名为“{name}”的栏目")
    return key
