"""Putting damage right: a damaged file is set aside, never deleted, and something good replaces it.

- A damaged report file is renamed ``<name>.corrupt-<time>`` and its newest
  good backup takes its place; a notice tells the clerk which version that is.
  Without a good backup, ``ReportLostError`` names where the file was set aside.
- A damaged or lost index is set aside in the same way and rebuilt from the
  report files.
- Report files at least as new as the index (the program stopped between
  writing a report file and the index) are read again on opening.

A read-only store sets nothing aside and writes nothing: its repairs stay in
memory, and the copy of the program that writes makes them on disk.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from models.files import disk_reason
from models.report import Report
from models.store.backups import list_backups
from models.store.errors import CorruptFileError, ReportLostError
from models.store.index import SCHEMA_VERSION, Entry, ReportIndex, entry_of, title_of
from models.store.layout import StoreFolder
from models.store.report_files import Record, read_report_file, title, write_report_file

Clock = Callable[[], dt.datetime]


def read_or_recover(
    folder: StoreFolder, report_id: str, entry: Entry | None, now: Clock, read_only: bool
) -> tuple[Record, Report, str | None]:
    """A report file's record and report, from its newest good backup if it is damaged.

    The third item is the notice for the clerk when a backup was used.
    """
    try:
        record, report = read_report_file(folder.report(report_id), report_id)
    except CorruptFileError as exc:
        return _recover(folder, report_id, str(exc), entry, now, read_only)
    return record, report, None


def open_index(index: ReportIndex, folder: StoreFolder, now: Clock, read_only: bool) -> list[str]:
    """On opening: rebuild a damaged or lost index, then bring it in line with the files.

    Fills ``index`` (on disk, or in memory when ``read_only``) and returns the
    notices for the clerk.
    """
    notices: list[str] = []
    if not folder.index.exists():
        if folder.reports_on_disk():
            _rebuild_index(index, folder, "不见了", now, read_only, notices)
        else:
            _replace(index, {})  # a new store: its index is in the current schema from the start
        return notices
    try:
        stored, version = index.read_file()
    except CorruptFileError as exc:
        _rebuild_index(index, folder, str(exc), now, read_only, notices)
        return notices
    # Every change writes the report file before the index, so only a file
    # at least as new as the index can be missing from it or newer than its
    # entry (the program stopped in between).  Nothing else need be read.
    index_time = folder.index.stat().st_mtime_ns
    on_disk = folder.reports_on_disk()
    fresh = dict(stored)
    for report_id in sorted(on_disk.keys() | stored.keys()):
        if report_id in stored and on_disk.get(report_id, index_time) < index_time:
            continue
        try:
            fresh[report_id] = _entry_from_disk(
                folder, report_id, stored.get(report_id), now, read_only, notices
            )
        except ReportLostError as exc:
            notices.append(str(exc))
            fresh.pop(report_id, None)
    if read_only or fresh != stored or version < SCHEMA_VERSION:
        _replace(index, fresh)  # for a store of an older version, the migration
    return notices


def _replace(index: ReportIndex, entries: dict[str, Entry]) -> None:
    try:
        index.replace(entries)
    except OSError:
        index.hold(entries)  # the files are right; the next opening tries again


def _rebuild_index(
    index: ReportIndex,
    folder: StoreFolder,
    problem: str,
    now: Clock,
    read_only: bool,
    notices: list[str],
) -> None:
    aside = set_aside(folder.index, now, read_only)
    entries: dict[str, Entry] = {}
    for report_id in sorted(folder.reports_on_disk()):
        try:
            entries[report_id] = _entry_from_disk(folder, report_id, None, now, read_only, notices)
        except ReportLostError as exc:
            notices.append(str(exc))
    message = f"草稿索引文件{problem}，已根据 {len(entries)} 份报告文件重新建立。"
    if aside:
        message += f"原索引文件已另存为“{aside.name}”。"
    try:
        index.replace(entries)
    except OSError as exc:
        index.hold(entries)
        message += f"新索引没能写入磁盘（{disk_reason(exc)}），下次打开时会再重建一次。"
    notices.append(message)


def _entry_from_disk(
    folder: StoreFolder,
    report_id: str,
    entry: Entry | None,
    now: Clock,
    read_only: bool,
    notices: list[str],
) -> Entry:
    record, report, notice = read_or_recover(folder, report_id, entry, now, read_only)
    if notice:
        notices.append(notice)
    return entry_of(record, report)


def _recover(
    folder: StoreFolder,
    report_id: str,
    problem: str,
    entry: Entry | None,
    now: Clock,
    read_only: bool,
) -> tuple[Record, Report, str]:
    """Set a damaged report file aside and put its newest good backup in its place."""
    path = folder.report(report_id)
    aside = set_aside(path, now, read_only)
    kept = f"损坏的文件已另存为“{aside.name}”。" if aside else ""
    backups = folder.backups_of(report_id)
    for backup in list_backups(backups):
        backup_path = backups / backup.name
        try:
            record, report = read_report_file(backup_path, report_id)
        except CorruptFileError:
            continue
        if entry is not None:
            # Backups predate any move to the trash; the index knows better.
            record["deleted_at"] = entry["deleted_at"]
        when = f"{backup.saved_at:%Y-%m-%d %H:%M}"
        message = (
            f"报告“{title(report.agency, report.year)}”的文件{problem}，"
            f"已改用 {when} 保存的备份；这之后的修改没能找回，请核对。{kept}"
        )
        try:
            if not read_only:
                write_report_file(path, record)
                # It is the current version now; the next save backs it up again.
                backup_path.unlink()
        except OSError as exc:
            message += f"备份没能放回原处（{disk_reason(exc)}），下次打开时还会用它。"
        return record, report, message
    name = title_of(entry) if entry else "（名称未知）"
    raise ReportLostError(
        f"报告“{name}”的文件{problem}，也没有可用的备份，无法打开。{kept}"
        "请保留该文件并联系技术人员。"
    )


def set_aside(path: Path, now: Clock, read_only: bool) -> Path | None:
    """Rename a damaged file to ``<name>.corrupt-<time>``; it is never deleted."""
    if read_only or not path.exists():
        return None  # read-only: the writing copy will set it aside
    stamp = f"{now():%Y%m%d-%H%M%S}"
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
