"""The report's named fields: every editor's name reads and writes one place, a typo fails."""

from __future__ import annotations

import datetime as dt

import pytest

from models.fields import TEXT_FIELDS, get_field, set_field
from models.report import new_report


def test_every_text_field_reads_back_what_was_written() -> None:
    report = new_report("某局", 2021)
    for name in TEXT_FIELDS:
        set_field(report, name, f"写入{name}")
        assert get_field(report, name) == f"写入{name}"
    set_field(report, "issue_date", dt.date(2022, 1, 20))
    assert report.issue_date == dt.date(2022, 1, 20)


def test_a_misspelt_field_is_an_error_not_a_new_attribute() -> None:
    report = new_report("某局", 2021)
    with pytest.raises(KeyError):
        set_field(report, "agnecy", "某局")
    with pytest.raises(KeyError):
        set_field(report, "sections.overveiw", "文字")
    assert not hasattr(report, "agnecy")
    with pytest.raises(TypeError):
        set_field(report, "year", "2021")
