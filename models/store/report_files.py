"""Report files: the truth of the store, one small TinyDB database per report.

``reports/<id>.json`` holds one record (table ``report``, document 1)::

    {"id": "<id>", "saved_at": "<ISO time>", "error_count": 3, "warning_count": 5,
     "deleted_at": null or "<ISO time>", "document": {the draft document}}

``deleted_at`` is set while the report is in the trash.  ``document`` is the
draft document of ``docs/draft-format.md``.  A backup is a former report file,
so it is read the same way.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from models.files import disk_reason
from models.report import DocumentError, Report, from_document, to_document
from models.store.errors import CorruptFileError, DraftStoreError
from models.store.storage import AtomicJSONStorage
from models.validation import check

Record = dict[str, Any]

REPORT_TABLE = "report"
RECORD_ID = 1  # a report file holds exactly one record


def record_of(report_id: str, report: Report, saved_at: str) -> Record:
    """The record that stores ``report``: never one that could not be read back."""
    document = to_document(report)
    try:
        from_document(document)  # e.g. a year out of range
    except DocumentError as exc:
        raise DraftStoreError(f"草稿没有保存：{exc}") from exc
    issues = check(report)
    errors = len(issues.errors)
    return {
        "id": report_id,
        "saved_at": saved_at,
        "error_count": errors,
        "warning_count": len(issues) - errors,
        "deleted_at": None,
        "document": document,
    }


def write_report_file(path: Path, record: Record) -> None:
    """Replace a report file whole with ``record``.

    This writes through the storage rather than a TinyDB table on purpose: a
    report file is never updated, only replaced, and the table's ``upsert``
    would first read (and parse) the file being replaced, which may be the
    damaged one the store is putting right.
    """
    AtomicJSONStorage(path).write({REPORT_TABLE: {str(RECORD_ID): record}})


def read_report_file(path: Path, report_id: str) -> tuple[Record, Report]:
    """The record and report of a report file (or backup); ``CorruptFileError`` says why not."""
    try:
        table = TinyDB(path, storage=AtomicJSONStorage).table(REPORT_TABLE)
        record = table.get(doc_id=RECORD_ID)
    except OSError as exc:
        raise DraftStoreError(f"无法读取报告文件“{path.name}”：{disk_reason(exc)}") from exc
    if not isinstance(record, dict):
        raise CorruptFileError("中没有报告" if path.exists() else "不见了")
    if not _valid_record(record, report_id):
        raise CorruptFileError("中的记录不完整")
    try:
        report = from_document(record["document"])
    except DocumentError as exc:
        lines = str(exc).splitlines()
        detail = "；".join(line.lstrip("· ") for line in lines[1:]) or lines[0]
        raise CorruptFileError(f"内容有误：{detail}") from exc
    return dict(record), report


def title(agency: str, year: int) -> str:
    """How messages name a report."""
    return f"{agency or '（未填机关名称）'}{year}年度报告"


def is_time(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _valid_record(record: Record, report_id: str) -> bool:
    return (
        record.get("id") == report_id
        and is_time(record.get("saved_at"))
        and is_int(record.get("error_count"))
        and is_int(record.get("warning_count", 0))
        and (record.get("deleted_at") is None or is_time(record["deleted_at"]))
        and isinstance(record.get("document"), dict)
    )
