"""The clerk's reports on disk: saved safely, with rolling backups and a trash.

A clerk may keep about a thousand reports, and saving must stay a matter of
milliseconds, so each report lives in its own small file and a small index lists
them all::

    folder/index.json              one record per report (TinyDB)
    folder/reports/<id>.json       the report document and its metadata (TinyDB)
    folder/backups/<id>/<time>.json  earlier versions of that file

Every file is written by ``AtomicJSONStorage``: a temporary file beside the
target, fsync, rename over the target, fsync the folder.  A crash or power cut
therefore leaves either the old or the new file, never half of one.  Each save
keeps the version it replaces among the backups (a hard link: nothing is
copied): the last 10 saves, and the last version of each of the last 7 days.

The report files are the truth; the index is a cache of their metadata (the trash
flag too is kept in the report file), so a damaged or lost index is rebuilt from
them.  A damaged report file is set aside under a new name, never deleted, and
the newest good backup takes its place.  What the store did is said in plain
Chinese in ``DraftStore.notices``; failures raise ``DraftStoreError`` whose
``str()`` is a Chinese message for the clerk; when the folder cannot be written,
``save_draft_file`` still lets the window put the report somewhere else.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from models.commands import load_draft
from models.editions import EDITIONS
from models.files import disk_reason, write_bytes_atomically
from models.report import (
    MAX_YEAR,
    MIN_YEAR,
    DocumentError,
    Report,
    from_document,
    new_report,
    to_document,
    to_json,
)
from models.validation import Severity, check

INDEX_FILE = "index.json"
INDEX_TABLE = "reports"
REPORT_TABLE = "report"
RECORD_ID = 1  # a report file holds exactly one record
KEEP_LAST_SAVES = 10
KEEP_DAYS = 7

_ID = re.compile(r"[0-9a-f]{32}")
_STAMP = "%Y%m%d-%H%M%S-%f"
# "20240315-143210-123456.json", or "...-2.json" when two versions share a time.
_BACKUP_NAME = re.compile(r"(\d{8}-\d{6}-\d{6})(?:-(\d+))?\.json")
_SAVE_ELSEWHERE = "请用“导出草稿文件”把报告另存到其他位置（例如U盘），以免丢失修改。"


ANOTHER_WINDOW = "另一个窗口正在使用这些报告"
MAX_STORE_FILE_BYTES = 50 * 1024 * 1024  # a store file larger than this is damage


class DraftStoreError(Exception):
    """Something the store could not do; ``str()`` is a Chinese message for the clerk."""


class DraftExistsError(DraftStoreError):
    """The agency already has a report for that year; ``existing`` names it."""

    def __init__(self, message: str, existing: DraftInfo) -> None:
        super().__init__(message)
        self.existing = existing


class ReportLostError(DraftStoreError):
    """A report file is damaged or gone and no backup of it can be read."""


class CorruptFileError(ValueError):
    """A file that is not what it should be.

    ``str()`` says why, in Chinese, as the end of a sentence on “…的文件”
    (e.g. “是空的”), so that callers can name the file.
    """


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
        return _title(self.agency, self.year)


@dataclass(frozen=True)
class BackupInfo:
    name: str  # pass back to ``DraftStore.restore_backup``
    saved_at: dt.datetime  # when that version was saved


# ---------------------------------------------------------------- atomic files


def save_draft_file(report: Report, path: Path | str) -> None:
    """Write ``report`` as a draft file (``docs/draft-format.md``), e.g. to a USB stick.

    Works without a store, so the window can still save what the clerk typed
    when the store's own folder cannot be written.
    """
    try:
        write_bytes_atomically(Path(path), to_json(report).encode("utf-8"))
    except OSError as exc:
        raise DraftStoreError(
            f"草稿文件“{path}”没有写成：{disk_reason(exc)}。请换一个位置（例如另一块磁盘或U盘）再试。"
        ) from exc


class AtomicJSONStorage(Storage):
    """TinyDB storage in a UTF-8 JSON file that is only ever replaced whole and atomically.

    ``read`` raises ``CorruptFileError`` for a file that is empty, not UTF-8, not
    JSON or not shaped like a TinyDB database, so that callers can set it aside
    instead of TinyDB failing somewhere inside with a random exception.

    TinyDB reads the whole file before every change; the 1,000-report index
    takes longer to parse than to write, so the data last read or written is
    kept and reused while the file on disk is still that same file.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self.path = Path(path)
        self._data: dict[str, dict[str, Any]] | None = None
        self._signature: tuple[int, int, int] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            signature = _signature(self.path)
            if self._data is not None and signature == self._signature:
                return self._data
            if signature[1] > MAX_STORE_FILE_BYTES:
                # Never a store's own: a 1,000-report index is under 1 MB.
                raise CorruptFileError("过大，不是本程序写的")
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None  # TinyDB's "no data yet"
        self._data, self._signature = None, None
        data = _parse_database(raw)
        self._data, self._signature = data, signature
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        # TinyDB changes the data it read in place before writing it: if the
        # write fails, what is kept no longer matches the disk.
        self._data, self._signature = None, None
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        write_bytes_atomically(self.path, text.encode("utf-8"))
        self._data, self._signature = data, _signature(self.path)


def _signature(path: Path) -> tuple[int, int, int]:
    # Each write replaces the file: inode, size and time together tell a new one.
    stat = path.stat()
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def _parse_database(raw: bytes) -> dict[str, dict[str, Any]]:
    if not raw.strip():
        raise CorruptFileError("是空的")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise CorruptFileError("中有无法识别的内容") from exc
    except (ValueError, RecursionError) as exc:
        raise CorruptFileError("内容不完整或已损坏") from exc
    # TinyDB expects {table: {"<int>": {document}}} and fails obscurely otherwise.
    if not isinstance(data, dict) or not all(
        isinstance(table, dict)
        and all(
            key.isascii() and key.isdigit() and isinstance(doc, dict) for key, doc in table.items()
        )
        for table in data.values()
    ):
        raise CorruptFileError("结构不对")
    return data


# ---------------------------------------------------------------- the store


class DraftStore:
    """Every report of the clerk under ``folder``; see the module docstring.

    The index is read (and checked against the report files) when the store is
    opened; the store is then its only writer and keeps it in memory, changing
    the copy in memory only once the change is on disk.

    ``now`` gives the time of each save (tests pass a fake clock).  After any
    call, ``notices`` may hold Chinese messages about repairs the store made
    (a damaged file set aside, a backup used, the index rebuilt); the window
    shows them and empties the list with ``take_notices``.
    """

    def __init__(
        self,
        folder: Path,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        read_only: bool = False,
        read_only_reason: str = ANOTHER_WINDOW,
    ) -> None:
        # Read-only: another copy of the program holds the lock and writes here,
        # or the folder cannot be written (read_only_reason says which); this
        # one reads (repairs stay in memory) and refuses every change.
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.folder = Path(folder)
        self.notices: list[str] = []
        self._now = now
        self._reports = self.folder / "reports"
        self._backups = self.folder / "backups"
        self._index_path = self.folder / INDEX_FILE
        try:
            if not read_only:
                self._reports.mkdir(parents=True, exist_ok=True)
                self._backups.mkdir(exist_ok=True)
        except OSError as exc:
            raise DraftStoreError(f"无法使用草稿文件夹“{self.folder}”：{disk_reason(exc)}") from exc
        self._open_index()
        self._check_index()

    def take_notices(self) -> list[str]:
        notices, self.notices = self.notices, []
        return notices

    # ------------------------------------------------------------ listing

    def list_reports(self) -> list[DraftInfo]:
        """Reports not in the trash, the most recently saved first."""
        infos = [_info(e) for e in self._index.values() if not e["deleted"]]
        return sorted(infos, key=lambda i: i.saved_at, reverse=True)

    def list_trash(self) -> list[DraftInfo]:
        """Reports in the trash, the most recently deleted first."""
        infos = [_info(e) for e in self._index.values() if e["deleted"]]
        return sorted(infos, key=lambda i: i.deleted_at or i.saved_at, reverse=True)

    def info(self, report_id: str) -> DraftInfo:
        return _info(self._entry(report_id))

    # ------------------------------------------------------------ reports

    def create(self, agency: str, year: int, edition: str | None = None) -> str:
        """A new empty report of ``edition`` (by default the one in force for ``year``)."""
        agency = _checked_identity(agency, year)
        if edition is not None and edition not in EDITIONS:
            raise DraftStoreError(f"模板版本只能是 {' 或 '.join(EDITIONS)}")
        self._refuse_twin(agency, year)
        report_id = uuid.uuid4().hex
        self._save_new(report_id, new_report(agency, year, edition))
        return report_id

    def open(self, report_id: str) -> Report:
        entry = self._entry(report_id, deleted=False)
        return self._load(entry)[1]

    def save(self, report_id: str, report: Report) -> None:
        """Store ``report`` as the new version; the version it replaces becomes a backup.

        Raises ``DraftStoreError`` when nothing was saved (disk full, no write
        permission, or the agency and year now clash with another report); the
        stored version is then unchanged and the caller still holds ``report``.
        """
        entry = self._entry(report_id, deleted=False)
        if report.agency.strip():
            self._refuse_twin(report.agency.strip(), report.year, but=report_id)
        record = self._record(report_id, report)
        try:
            self._commit(record, report, backup_of=entry["saved_at"])
        except OSError as exc:
            raise DraftStoreError(f"草稿没有保存：{disk_reason(exc)}。{_SAVE_ELSEWHERE}") from exc
        self._prune_backups(report_id)

    def duplicate(self, report_id: str, agency: str | None = None, year: int | None = None) -> str:
        """A copy of a report under another agency and/or year; returns the new id.

        The copy keeps its template (edition); the EDITION check warns when it
        does not suit the new year.
        """
        report = self.open(report_id).copy()
        agency = report.agency if agency is None else agency
        year = report.year if year is None else year
        report.agency = _checked_identity(agency, year)
        report.year = year
        self._refuse_twin(report.agency, year)
        new_id = uuid.uuid4().hex
        self._save_new(new_id, report)
        return new_id

    def rename(self, report_id: str, agency: str, year: int) -> None:
        """Change the agency and year of a report (saved as a new version)."""
        agency = _checked_identity(agency, year)
        report = self.open(report_id)
        report.agency, report.year = agency, year
        self.save(report_id, report)

    # ------------------------------------------------------------ trash

    def delete(self, report_id: str) -> None:
        """Move a report to the trash; ``restore`` brings it back."""
        entry = self._entry(report_id, deleted=False)
        record, report = self._load(entry)
        record["deleted_at"] = self._timestamp()
        self._rewrite(record, report, "没有移到回收站")

    def restore(self, report_id: str) -> None:
        """Bring a report back from the trash, unless its agency and year are taken meanwhile."""
        entry = self._entry(report_id, deleted=True)
        self._refuse_twin(entry["agency"].strip(), entry["year"])
        record, report = self._load(entry)
        record["deleted_at"] = None
        self._rewrite(record, report, "没有从回收站恢复")

    def purge(self, report_id: str) -> None:
        """Remove a report in the trash for good, with its backups."""
        self._refuse_if_read_only()
        entry = self._entry(report_id, deleted=True)
        # Index first: if the program stops before the file is removed, the
        # file still says "in the trash" and the next opening puts it back there.
        try:
            self._drop_entry(report_id)
            try:
                self._report_path(report_id).unlink(missing_ok=True)
            except OSError:
                self._put_entry(entry)
                raise
        except OSError as exc:
            raise DraftStoreError(
                f"报告“{_title_of(entry)}”没有彻底删除：{disk_reason(exc)}。它仍在回收站中。"
            ) from exc
        # Backups left behind are harmless: nothing lists them without their report.
        shutil.rmtree(self._backups / report_id, ignore_errors=True)

    # ------------------------------------------------------------ backups

    def list_backups(self, report_id: str) -> list[BackupInfo]:
        """Earlier versions of a report, the newest first."""
        self._entry(report_id)
        return self._backup_list(report_id)

    def restore_backup(self, report_id: str, name: str) -> Report:
        """Make a backup the current version; the current one is backed up first."""
        entry = self._entry(report_id, deleted=False)
        path = self._backups / report_id / name
        if not _BACKUP_NAME.fullmatch(name) or not path.is_file():
            raise DraftStoreError("找不到这个备份（可能已被自动清理）")
        try:
            report = self._read_report_file(path, report_id)[1]
        except CorruptFileError as exc:
            raise DraftStoreError(
                f"这个备份文件{exc}，无法恢复；报告“{_title_of(entry)}”没有改动。"
            ) from exc
        self.save(report_id, report)
        return report

    # ------------------------------------------------------------ draft files

    def export_draft(self, report_id: str, path: Path | str) -> None:
        """Write the stored report as a draft file, to take to another computer."""
        save_draft_file(self.open(report_id), path)

    def import_draft(self, path: Path | str, overwrite: bool = False) -> str:
        """Add the report of a draft file; returns its id.

        A report of the same agency and year is replaced only with
        ``overwrite=True`` (its current version stays among its backups);
        otherwise ``DraftExistsError`` names it so that the window can ask.
        """
        try:
            report = load_draft(str(path))
        except DocumentError as exc:
            raise DraftStoreError(str(exc)) from exc
        agency = _checked_identity(report.agency, report.year)
        twin = _twin(self._index, agency, report.year)
        if twin is None:
            report_id = uuid.uuid4().hex
            self._save_new(report_id, report)
            return report_id
        if not overwrite:
            raise DraftExistsError(
                f"已有“{_title_of(twin)}”。导入会用草稿文件替换它（现有内容会留作备份），是否继续？",
                _info(twin),
            )
        self.save(twin["id"], report)
        return twin["id"]

    # ------------------------------------------------------------ internals: index

    def _open_index(self) -> None:
        # A fresh handle also drops TinyDB's cached next document id.
        self._table = TinyDB(self._index_path, storage=AtomicJSONStorage).table(INDEX_TABLE)

    def _read_index(self) -> dict[str, dict[str, Any]]:
        try:
            documents = self._table.all()
        except OSError as exc:
            raise DraftStoreError(f"无法读取草稿索引：{disk_reason(exc)}") from exc
        entries: dict[str, dict[str, Any]] = {}
        for document in documents:
            if not _valid_entry(document) or document.doc_id != _doc_id(document["id"]):
                raise CorruptFileError("中有不完整的记录")
            entries[document["id"]] = dict(document)
        return entries

    def _check_index(self) -> None:
        """On opening: rebuild a damaged index, then bring it in line with the files."""
        self._index: dict[str, dict[str, Any]] = {}
        if not self._index_path.exists():
            if self._ids_on_disk():
                self._rebuild_index("不见了")
            return
        try:
            entries = self._read_index()
        except CorruptFileError as exc:
            self._rebuild_index(str(exc))
            return
        # Every change writes the report file before the index, so only a file
        # at least as new as the index can be missing from it or newer than its
        # entry (the program stopped in between).  Nothing else need be read.
        index_time = self._index_path.stat().st_mtime_ns
        on_disk = self._ids_on_disk()
        fresh = dict(entries)
        for report_id in sorted(on_disk | entries.keys()):
            path = self._report_path(report_id)
            if report_id in on_disk and report_id in entries:
                if path.stat().st_mtime_ns < index_time:
                    continue
            try:
                fresh[report_id] = self._entry_from_disk(report_id, entries.get(report_id))
            except ReportLostError as exc:
                self.notices.append(str(exc))
                fresh.pop(report_id, None)
        self._index = fresh
        if fresh != entries and not self.read_only:
            try:
                self._write_index(fresh)
            except OSError:
                pass  # a read-only folder: the files are right, the next opening tries again

    def _rebuild_index(self, problem: str) -> None:
        aside = self._set_aside(self._index_path)
        entries: dict[str, dict[str, Any]] = {}
        for report_id in sorted(self._ids_on_disk()):
            try:
                entries[report_id] = self._entry_from_disk(report_id, None)
            except ReportLostError as exc:
                self.notices.append(str(exc))
        message = f"草稿索引文件{problem}，已根据 {len(entries)} 份报告文件重新建立。"
        if aside:
            message += f"原索引文件已另存为“{aside.name}”。"
        self._index = entries
        try:
            if not self.read_only:
                self._write_index(entries)
        except OSError as exc:
            message += f"新索引没能写入磁盘（{disk_reason(exc)}），下次打开时会再重建一次。"
        self.notices.append(message)

    def _write_index(self, entries: dict[str, dict[str, Any]]) -> None:
        self._refuse_if_read_only()
        # One atomic write of the whole index rather than a write per record.
        data = {INDEX_TABLE: {str(_doc_id(i)): e for i, e in sorted(entries.items())}}
        AtomicJSONStorage(self._index_path).write(data)
        self._open_index()
        self._index = entries

    def _put_entry(self, entry: dict[str, Any]) -> None:
        """Write one index record; the copy in memory changes only once it is on disk."""
        self._table.upsert(Document(entry, doc_id=_doc_id(entry["id"])))
        self._index[entry["id"]] = entry

    def _drop_entry(self, report_id: str) -> None:
        self._table.remove(doc_ids=[_doc_id(report_id)])
        self._index.pop(report_id)

    def _ids_on_disk(self) -> set[str]:
        return {p.stem for p in self._reports.glob("*.json") if _ID.fullmatch(p.stem)}

    def _entry(self, report_id: str, deleted: bool | None = None) -> dict[str, Any]:
        """The index entry of a report; ``deleted`` says whether it must be in the trash."""
        entry = self._index.get(report_id)
        if entry is None:
            raise DraftStoreError("找不到这份报告（可能已被彻底删除）")
        if deleted is False and entry["deleted"]:
            raise DraftStoreError(f"报告“{_title_of(entry)}”在回收站中，请先从回收站恢复")
        if deleted is True and not entry["deleted"]:
            raise DraftStoreError(f"报告“{_title_of(entry)}”不在回收站中")
        return entry

    def _refuse_twin(self, agency: str, year: int, but: str = "") -> None:
        twin = _twin(self._index, agency, year, but)
        if twin is not None:
            raise DraftExistsError(
                f"已有“{_title_of(twin)}”：同一机关同一年度只能有一份报告。"
                "请打开已有的报告，或改用其他机关名称或年度。",
                _info(twin),
            )

    # ------------------------------------------------------------ internals: report files

    def _report_path(self, report_id: str) -> Path:
        return self._reports / f"{report_id}.json"

    def _timestamp(self) -> str:
        return self._now().isoformat(timespec="microseconds")

    def _record(self, report_id: str, report: Report) -> dict:
        document = to_document(report)
        # Never write a file that could not be read back (e.g. a year out of range).
        try:
            from_document(document)
        except DocumentError as exc:
            raise DraftStoreError(f"草稿没有保存：{exc}") from exc
        issues = check(report)
        errors = sum(1 for i in issues if i.severity is Severity.ERROR)
        return {
            "id": report_id,
            "saved_at": self._timestamp(),
            "error_count": errors,
            "warning_count": len(issues) - errors,
            "deleted_at": None,
            "document": document,
        }

    def _save_new(self, report_id: str, report: Report) -> None:
        self._refuse_if_read_only()
        record = self._record(report_id, report)
        try:
            self._commit(record, report, backup_of=None)
        except OSError as exc:
            raise DraftStoreError(f"报告没有建立：{disk_reason(exc)}。{_SAVE_ELSEWHERE}") from exc

    def _rewrite(self, record: dict, report: Report, failed: str) -> None:
        """Write changed metadata of a report; its content is unchanged, so no backup."""
        self._refuse_if_read_only()
        try:
            self._commit(record, report, backup_of=None)
        except OSError as exc:
            raise DraftStoreError(
                f"报告“{_title(report.agency, report.year)}”{failed}："
                f"{disk_reason(exc)}，报告没有改动。"
            ) from exc

    def _commit(self, record: dict, report: Report, backup_of: str | None) -> None:
        """Write a report file, then its index entry; on failure leave both as they were.

        ``backup_of`` is the time the version being replaced was saved: that
        version is kept among the backups.  Otherwise it is kept only until the
        index is written, to be put back if that fails.
        """
        self._refuse_if_read_only()
        report_id = record["id"]
        path = self._report_path(report_id)
        kept, made = None, False
        try:
            if path.exists():
                # A hard link keeps the old version without copying a byte; the
                # write below gives the report path a new file, never edits the old.
                if backup_of is not None:
                    kept, made = self._link_backup(report_id, path, backup_of)
                else:
                    kept, made = path.with_name(f".{path.name}.undo"), True
                    kept.unlink(missing_ok=True)
                    _link_or_copy(path, kept)
            AtomicJSONStorage(path).write({REPORT_TABLE: {str(RECORD_ID): record}})
        except OSError:
            if kept is not None and made:
                with contextlib.suppress(OSError):
                    kept.unlink()
            raise
        try:
            self._put_entry(_entry_of(record, report))
        except OSError:
            with contextlib.suppress(OSError):
                if kept is not None:
                    os.replace(kept, path)
                else:
                    path.unlink()
            raise
        if kept is not None and backup_of is None:
            with contextlib.suppress(OSError):
                kept.unlink()

    def _read_report_file(self, path: Path, report_id: str) -> tuple[dict, Report]:
        try:
            table = TinyDB(path, storage=AtomicJSONStorage).table(REPORT_TABLE)
            record = table.get(doc_id=RECORD_ID)
        except OSError as exc:
            raise DraftStoreError(f"无法读取报告文件“{path.name}”：{disk_reason(exc)}") from exc
        if record is None:
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

    def _load(self, entry: dict[str, Any]) -> tuple[dict, Report]:
        """The record and report of an index entry, from a backup if the file is damaged."""
        report_id = entry["id"]
        path = self._report_path(report_id)
        try:
            return self._read_report_file(path, report_id)
        except CorruptFileError as exc:
            try:
                record, report = self._recover(report_id, str(exc), entry)
            except ReportLostError:
                # The clerk is told now, naming where the damaged file was set
                # aside; the index forgets it, so no later start calls it missing.
                if not self.read_only and not path.exists():
                    with contextlib.suppress(OSError):
                        self._drop_entry(report_id)
                raise
        if not self.read_only:
            with contextlib.suppress(OSError):  # the index is only a cache of the file
                self._put_entry(_entry_of(record, report))
        return record, report

    def _entry_from_disk(self, report_id: str, entry: dict[str, Any] | None) -> dict[str, Any]:
        try:
            record, report = self._read_report_file(self._report_path(report_id), report_id)
        except CorruptFileError as exc:
            record, report = self._recover(report_id, str(exc), entry)
        return _entry_of(record, report)

    def _recover(
        self, report_id: str, problem: str, entry: dict[str, Any] | None
    ) -> tuple[dict, Report]:
        """Set a damaged report file aside and put its newest good backup in its place."""
        path = self._report_path(report_id)
        aside = self._set_aside(path)
        kept = f"损坏的文件已另存为“{aside.name}”。" if aside else ""
        for backup in self._backup_list(report_id):
            backup_path = self._backups / report_id / backup.name
            try:
                record, report = self._read_report_file(backup_path, report_id)
            except CorruptFileError:
                continue
            if entry is not None:
                # Backups predate any move to the trash; the index knows better.
                record["deleted_at"] = entry["deleted_at"]
            when = f"{backup.saved_at:%Y-%m-%d %H:%M}"
            message = (
                f"报告“{_title(report.agency, report.year)}”的文件{problem}，"
                f"已改用 {when} 保存的备份；这之后的修改没能找回，请核对。{kept}"
            )
            try:
                if not self.read_only:
                    AtomicJSONStorage(path).write({REPORT_TABLE: {str(RECORD_ID): record}})
                    # It is the current version now; the next save backs it up again.
                    backup_path.unlink()
            except OSError as exc:
                message += f"备份没能放回原处（{disk_reason(exc)}），下次打开时还会用它。"
            self.notices.append(message)
            return record, report
        title = _title_of(entry) if entry else "（名称未知）"
        raise ReportLostError(
            f"报告“{title}”的文件{problem}，也没有可用的备份，无法打开。{kept}"
            "请保留该文件并联系技术人员。"
        )

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise DraftStoreError(f"{self.read_only_reason}，本窗口为只读，不能修改或保存。")

    def _set_aside(self, path: Path) -> Path | None:
        if self.read_only:
            return None  # the writing copy will set it aside
        """Rename a damaged file to ``<name>.corrupt-<time>``; it is never deleted."""
        if not path.exists():
            return None
        stamp = f"{self._now():%Y%m%d-%H%M%S}"
        target = path.with_name(f"{path.name}.corrupt-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        try:
            os.replace(path, target)
        except OSError:
            return None  # a read-only folder: the file stays where it is, also not lost
        return target

    # ------------------------------------------------------------ internals: backups

    def _link_backup(self, report_id: str, path: Path, saved_at: str) -> tuple[Path, bool]:
        """Keep the current file among the backups; returns where, and whether it is new."""
        folder = self._backups / report_id
        folder.mkdir(exist_ok=True)
        stamp = dt.datetime.fromisoformat(saved_at).strftime(_STAMP)
        target, n = folder / f"{stamp}.json", 1
        while target.exists():
            if os.path.samefile(target, path):
                return target, False  # linked already by a save that then stopped
            n += 1
            target = folder / f"{stamp}-{n}.json"
        _link_or_copy(path, target)
        return target, True

    def _backup_list(self, report_id: str) -> list[BackupInfo]:
        folder = self._backups / report_id
        found = []
        for path in folder.glob("*.json") if folder.is_dir() else ():
            match = _BACKUP_NAME.fullmatch(path.name)
            if match:
                when = dt.datetime.strptime(match[1], _STAMP)
                found.append((when, int(match[2] or 1), path.name))
        found.sort(reverse=True)
        return [BackupInfo(name, when) for when, _, name in found]

    def _prune_backups(self, report_id: str) -> None:
        """Keep the last 10 versions, and the last version of each of the last 7 days."""
        backups = self._backup_list(report_id)
        keep = {b.name for b in backups[:KEEP_LAST_SAVES]}
        today = self._now().date()
        days_seen = set()
        for backup in backups:  # newest first, so the first of a day is its last version
            day = backup.saved_at.date()
            if (today - day).days < KEEP_DAYS and day not in days_seen:
                days_seen.add(day)
                keep.add(backup.name)
        for backup in backups:
            if backup.name not in keep:
                # A backup that cannot be removed now is removed at a later save.
                with contextlib.suppress(OSError):
                    (self._backups / report_id / backup.name).unlink()


# ---------------------------------------------------------------- helpers


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        # FAT-formatted disks have no hard links.
        shutil.copyfile(source, target)


def _checked_identity(agency: str, year: int) -> str:
    agency = agency.strip()
    if not agency:
        raise DraftStoreError("机关名称不能为空")
    if not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise DraftStoreError(f"年度应在{MIN_YEAR}–{MAX_YEAR}之间")
    return agency


def _twin(
    entries: dict[str, dict[str, Any]], agency: str, year: int, but: str = ""
) -> dict[str, Any] | None:
    """The report not in the trash with this agency and year, other than ``but``."""
    for entry in entries.values():
        if (
            not entry["deleted"]
            and entry["id"] != but
            and entry["year"] == year
            and entry["agency"].strip() == agency
        ):
            return entry
    return None


def _doc_id(report_id: str) -> int:
    # The TinyDB document id is the report id read as a number: a record is
    # found without a search, and the index cannot hold one report twice.
    return int(report_id, 16)


def _title(agency: str, year: int) -> str:
    return f"{agency or '（未填机关名称）'}{year}年度报告"


def _title_of(entry: dict[str, Any]) -> str:
    return _title(entry["agency"], entry["year"])


def _entry_of(record: dict, report: Report) -> dict[str, Any]:
    return {
        "id": record["id"],
        "agency": report.agency,
        "year": report.year,
        "edition": report.edition,
        "saved_at": record["saved_at"],
        "error_count": record["error_count"],
        "warning_count": record.get("warning_count", 0),
        "deleted": record["deleted_at"] is not None,
        "deleted_at": record["deleted_at"],
    }


def _info(entry: dict[str, Any]) -> DraftInfo:
    deleted_at = entry["deleted_at"]
    return DraftInfo(
        id=entry["id"],
        agency=entry["agency"],
        year=entry["year"],
        edition=entry["edition"],
        saved_at=dt.datetime.fromisoformat(entry["saved_at"]),
        error_count=entry["error_count"],
        warning_count=entry.get("warning_count", 0),
        deleted_at=dt.datetime.fromisoformat(deleted_at) if deleted_at else None,
    )


def _is_time(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _valid_entry(entry: dict[str, Any]) -> bool:
    return (
        isinstance(entry.get("id"), str)
        and _ID.fullmatch(entry["id"]) is not None
        and isinstance(entry.get("agency"), str)
        and _is_int(entry.get("year"))
        and isinstance(entry.get("edition"), str)
        and _is_time(entry.get("saved_at"))
        and _is_int(entry.get("error_count"))
        and _is_int(entry.get("warning_count", 0))
        and isinstance(entry.get("deleted"), bool)
        and (entry.get("deleted_at") is None or _is_time(entry["deleted_at"]))
        and entry["deleted"] == (entry.get("deleted_at") is not None)
    )


def _valid_record(record: dict[str, Any], report_id: str) -> bool:
    return (
        record.get("id") == report_id
        and _is_time(record.get("saved_at"))
        and _is_int(record.get("error_count"))
        and _is_int(record.get("warning_count", 0))
        and (record.get("deleted_at") is None or _is_time(record["deleted_at"]))
        and isinstance(record.get("document"), dict)
    )
