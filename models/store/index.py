"""The index: one small record per report, so that listing a thousand reports reads one file.

The index is a cache of the report files' metadata (``report_files.py``): the
files are the truth, and a damaged or lost index is rebuilt from them
(``repair.py``).

**Held once.**  The index is the TinyDB table ``reports`` and nothing else:
look-ups, lists and the one-report-per-agency-and-year check all read that
table.  Its storage keeps the parsed file (``AtomicJSONStorage``), so a read
costs a copy, not a parse, and what it keeps is always what is on disk: a
change that could not be written leaves the table as it was.  A read-only
store keeps the table in TinyDB's ``MemoryStorage`` instead, filled from the
file at opening: its repairs stay in memory and it never writes.

**Schema, version 2.**  Table ``meta``, document 1: ``{"schema_version": 2}``.
Table ``reports``, one document per report, its document id the report id
read as a hexadecimal number (a record is found without a search, and the
index cannot hold a report twice)::

    {"id": "<32 hex>", "agency": "…", "year": 2024, "edition": "2021",
     "saved_at": "<ISO time>", "error_count": 0, "warning_count": 6,
     "deleted_at": null or "<ISO time>"}

Version 1 (no ``meta`` table) also had ``deleted``, a flag that always equalled
``deleted_at is not None``, and could lack ``warning_count``.  ``read_file``
migrates such entries in memory; the store then writes the whole index in the
current version, as its first write on opening (not at all when read-only).
A newer version, written by a newer program, is refused: this one cannot know
what it would lose by rewriting it.

**Where TinyDB's table API is bypassed.**  ``replace`` writes the whole index
in one go through the storage's ``write``: the ``meta`` and ``reports``
tables change together, atomically (TinyDB has no transaction spanning two
tables, and a truncate followed by inserts would be many writes, each one a
state the disk could be left in), and a rebuilt index of 1,000 reports is
written once rather than 1,000 times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from models.files import disk_reason
from models.report import Report
from models.store.errors import CorruptFileError, DraftStoreError
from models.store.layout import REPORT_ID
from models.store.report_files import Record, is_int, is_time, title
from models.store.storage import AtomicJSONStorage, Data

Entry = dict[str, Any]

SCHEMA_VERSION = 2
INDEX_TABLE = "reports"
META_TABLE = "meta"
META_ID = 1


@dataclass(frozen=True)
class DraftInfo:
    id: str
    agency: str
    year: int
    edition: str
    saved_at: dt.datetime
    error_count: int
    deleted_at: dt.datetime | None = None
    warning_count: int = 0  # stores written before warnings were counted have none

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def title(self) -> str:
        return title(self.agency, self.year)


class ReportIndex:
    """The index file ``path`` as a TinyDB table; see the module docstring."""

    def __init__(self, path: Path, read_only: bool) -> None:
        self.path = path
        self._file = TinyDB(path, storage=AtomicJSONStorage)
        self._db = TinyDB(storage=MemoryStorage) if read_only else self._file
        # No query cache: every change empties it, and most calls change the index.
        self._table = self._db.table(INDEX_TABLE, cache_size=0)

    def read_file(self) -> tuple[dict[str, Entry], int]:
        """The entries of the index file by report id, in the current schema, and its version.

        Raises ``CorruptFileError`` for a damaged file, ``DraftStoreError``
        for one that cannot be read or was written by a newer program.
        """
        try:
            meta = self._file.table(META_TABLE).get(doc_id=META_ID)
            documents = self._file.table(INDEX_TABLE).all()
        except OSError as exc:
            raise DraftStoreError(f"无法读取草稿索引：{disk_reason(exc)}") from exc
        version = _version(meta)
        entries: dict[str, Entry] = {}
        for document in documents:
            if not _valid_entry(document, version) or document.doc_id != doc_id(document["id"]):
                raise CorruptFileError("中有不完整的记录")
            entries[document["id"]] = _current(document)
        return entries, version

    def replace(self, entries: dict[str, Entry]) -> None:
        """Make ``entries`` the whole index, in the current schema, in one atomic write."""
        self._db.storage.write(_data(entries))

    def hold(self, entries: dict[str, Entry]) -> None:
        """``replace`` that could not be written: the index holds ``entries`` all the same.

        The file keeps its older time, so the next opening reads every report
        file changed since; the next change written puts them all on disk.
        """
        storage = self._file.storage
        assert isinstance(storage, AtomicJSONStorage)
        storage.hold(_data(entries))

    # ------------------------------------------------------------ look-ups

    def get(self, report_id: str) -> Entry | None:
        if not REPORT_ID.fullmatch(report_id):
            return None
        document = self._table.get(doc_id=doc_id(report_id))
        return document if isinstance(document, dict) else None

    def entries(self) -> list[Entry]:
        return list(self._table.all())

    def twin(self, agency: str, year: int, but: str = "") -> Entry | None:
        """The report not in the trash with this agency and year, other than ``but``."""

        def is_twin(value: Mapping[Any, Any]) -> bool:
            return bool(
                value["year"] == year
                and value["deleted_at"] is None
                and value["id"] != but
                and value["agency"].strip() == agency
            )

        # A search makes a Document of each match only: a tenth of the time of
        # iterating the table, on every save.
        found = self._table.search(is_twin)
        return found[0] if found else None

    # ------------------------------------------------------------ changes

    def put(self, entry: Entry) -> None:
        """Write one entry; on ``OSError`` the index is as it was."""
        self._table.upsert(Document(entry, doc_id=doc_id(entry["id"])))

    def drop(self, report_id: str) -> None:
        self._table.remove(doc_ids=[doc_id(report_id)])


def doc_id(report_id: str) -> int:
    return int(report_id, 16)


def entry_of(record: Record, report: Report) -> Entry:
    """The index entry of a report file's record."""
    return {
        "id": record["id"],
        "agency": report.agency,
        "year": report.year,
        "edition": report.edition,
        "saved_at": record["saved_at"],
        "error_count": record["error_count"],
        "warning_count": record.get("warning_count", 0),
        "deleted_at": record["deleted_at"],
    }


def info_of(entry: Entry) -> DraftInfo:
    deleted_at = entry["deleted_at"]
    return DraftInfo(
        id=entry["id"],
        agency=entry["agency"],
        year=entry["year"],
        edition=entry["edition"],
        saved_at=dt.datetime.fromisoformat(entry["saved_at"]),
        error_count=entry["error_count"],
        warning_count=entry["warning_count"],
        deleted_at=dt.datetime.fromisoformat(deleted_at) if deleted_at else None,
    )


def title_of(entry: Entry) -> str:
    return title(entry["agency"], entry["year"])


def _data(entries: dict[str, Entry]) -> Data:
    return {
        META_TABLE: {str(META_ID): {"schema_version": SCHEMA_VERSION}},
        INDEX_TABLE: {str(doc_id(i)): dict(e) for i, e in sorted(entries.items())},
    }


def _version(meta: Any) -> int:
    if meta is None:
        return 1  # written before the index had a version
    version = meta.get("schema_version") if isinstance(meta, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 2:
        raise CorruptFileError("结构不对")
    if version > SCHEMA_VERSION:
        raise DraftStoreError(
            f"草稿索引是更新版本的程序写的（格式版本 {version}），本程序不能使用。"
            "请使用或升级到新版本的程序。"
        )
    return version


def _valid_entry(entry: Entry, version: int) -> bool:
    valid = (
        isinstance(entry.get("id"), str)
        and REPORT_ID.fullmatch(entry["id"]) is not None
        and isinstance(entry.get("agency"), str)
        and is_int(entry.get("year"))
        and isinstance(entry.get("edition"), str)
        and is_time(entry.get("saved_at"))
        and is_int(entry.get("error_count"))
        and (entry.get("deleted_at") is None or is_time(entry["deleted_at"]))
    )
    if version == 1:
        return (
            valid
            and is_int(entry.get("warning_count", 0))
            and isinstance(entry.get("deleted"), bool)
            and entry["deleted"] == (entry.get("deleted_at") is not None)
        )
    return valid and is_int(entry.get("warning_count")) and "deleted" not in entry


def _current(entry: Entry) -> Entry:
    """An entry in the current schema: version 1's ``deleted`` dropped, warnings counted."""
    return {
        "id": entry["id"],
        "agency": entry["agency"],
        "year": entry["year"],
        "edition": entry["edition"],
        "saved_at": entry["saved_at"],
        "error_count": entry["error_count"],
        "warning_count": entry.get("warning_count", 0),
        "deleted_at": entry.get("deleted_at"),
    }
