"""``DraftStore``: every report of the clerk, saved safely, with backups and a trash.

The facade the window uses; the work is done by the modules beside it
(``layout``: what lives where; ``report_files``: the truth; ``index``: the
list; ``backups``; ``repair``; ``draft_files``).  Saving stays a matter of
milliseconds with a thousand reports because a save writes only that report's
small file and the small index.

Each change writes the report file first, then the index, and leaves both as
they were when either write fails, so the stored version is always a whole
one and the clerk still holds what was not saved.  What the store put right
is said in plain Chinese in ``notices``; failures raise ``DraftStoreError``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import uuid
from collections.abc import Callable
from pathlib import Path

from models.editions import EDITIONS
from models.files import disk_reason
from models.report import MAX_AGENCY_CHARS, MAX_YEAR, MIN_YEAR, DocumentError, Report, new_report
from models.store import backups
from models.store.backups import BackupInfo
from models.store.draft_files import load_draft
from models.store.errors import (
    ANOTHER_WINDOW,
    SAVE_ELSEWHERE,
    CorruptFileError,
    DraftExistsError,
    DraftStoreError,
    ReportLostError,
)
from models.store.index import DraftInfo, Entry, ReportIndex, entry_of, info_of, title_of
from models.store.layout import StoreFolder
from models.store.repair import open_index, read_or_recover
from models.store.report_files import (
    Record,
    read_report_file,
    record_of,
    title,
    write_report_file,
)


class DraftStore:
    """Every report of the clerk under ``folder``; see the module docstring.

    The index is read (and checked against the report files) when the store is
    opened; the store is then its only writer.  ``now`` gives the time of each
    save (tests pass a fake clock).  After any call, ``notices`` may hold
    Chinese messages about repairs the store made (a damaged file set aside, a
    backup used, the index rebuilt); the window shows them and empties the
    list with ``take_notices``.
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
        self._files = StoreFolder(self.folder)
        self._now = now
        try:
            if not read_only:
                self._files.reports.mkdir(parents=True, exist_ok=True)
                self._files.backups.mkdir(exist_ok=True)
        except OSError as exc:
            raise DraftStoreError(f"无法使用草稿文件夹“{self.folder}”：{disk_reason(exc)}") from exc
        self._index = ReportIndex(self._files.index, read_only)
        self.notices: list[str] = open_index(self._index, self._files, now, read_only)

    def take_notices(self) -> list[str]:
        notices, self.notices = self.notices, []
        return notices

    # ------------------------------------------------------------ listing

    def list_reports(self) -> list[DraftInfo]:
        """Reports not in the trash, the most recently saved first."""
        infos = [info_of(e) for e in self._index.entries() if e["deleted_at"] is None]
        return sorted(infos, key=lambda i: i.saved_at, reverse=True)

    def earlier_reports(
        self, agency: str, year: int, exclude: str | None = None
    ) -> list[DraftInfo]:
        """The agency's reports of years before ``year``, oldest first, from the index.

        ``exclude`` is the open report's own id: after its year is edited, its
        stored copy must not pass for one of its earlier years.
        """
        # Runs on every keystroke in the agency box: the index entries are
        # filtered first, and only the few that match become DraftInfo.
        agency = agency.strip()
        found = [
            info_of(entry)
            for entry in self._index.entries()
            if entry["deleted_at"] is None
            and entry["id"] != exclude
            and entry["year"] < year
            and entry["agency"].strip() == agency
        ]
        return sorted(found, key=lambda i: i.year)

    def last_years_report_id(self, report: Report, exclude: str | None = None) -> str | None:
        """Last year's report of the same agency (for the cross-year checks), by id."""
        found = self.earlier_reports(report.agency, report.year, exclude)
        return found[-1].id if found and found[-1].year == report.year - 1 else None

    def last_years_report(self, report: Report, exclude: str | None = None) -> Report | None:
        """Last year's report itself, or None (none stored, or unreadable)."""
        found = self.last_years_report_id(report, exclude)
        if found is None:
            return None
        try:
            return self.open(found)
        except DraftStoreError:
            return None

    def list_trash(self) -> list[DraftInfo]:
        """Reports in the trash, the most recently deleted first."""
        infos = [info_of(e) for e in self._index.entries() if e["deleted_at"] is not None]
        return sorted(infos, key=lambda i: i.deleted_at or i.saved_at, reverse=True)

    def info(self, report_id: str) -> DraftInfo:
        return info_of(self._entry(report_id))

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
        record = record_of(report_id, report, self._timestamp())
        try:
            self._commit(record, report, backup_of=entry["saved_at"])
        except OSError as exc:
            raise DraftStoreError(f"草稿没有保存：{disk_reason(exc)}。{SAVE_ELSEWHERE}") from exc
        backups.prune_backups(self._files.backups_of(report_id), self._now().date())

    def duplicate(self, report_id: str, agency: str | None = None, year: int | None = None) -> str:
        """A copy of a report under another agency and/or year (复制为新报告); returns the new id.

        The copy keeps its template (edition); the EDITION check warns when it
        does not suit the new year.
        """
        report = self.open(report_id).copy()
        agency = report.agency if agency is None else agency
        year = report.year if year is None else year
        report.agency = _checked_identity(agency, year)
        report.year = year
        # What an import could not read belongs to that import, not to a copy.
        report.unread, report.blank_totals, report.unread_fields = {}, frozenset(), frozenset()
        self._refuse_twin(report.agency, year)
        new_id = uuid.uuid4().hex
        self._save_new(new_id, report)
        return new_id

    def rename(self, report_id: str, agency: str, year: int) -> None:
        """Change the agency and year of a report (重命名), saved as a new version."""
        agency = _checked_identity(agency, year)
        report = self.open(report_id)
        report.agency, report.year = agency, year
        self.save(report_id, report)

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
        twin = self._index.twin(agency, report.year)
        if twin is None:
            report_id = uuid.uuid4().hex
            self._save_new(report_id, report)
            return report_id
        if not overwrite:
            raise DraftExistsError(
                f"已有“{title_of(twin)}”。导入会用草稿文件替换它（现有内容会留作备份），是否继续？",
                info_of(twin),
            )
        self.save(twin["id"], report)
        return str(twin["id"])

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
            self._index.drop(report_id)
            try:
                self._files.report(report_id).unlink(missing_ok=True)
            except OSError:
                self._index.put(entry)
                raise
        except OSError as exc:
            raise DraftStoreError(
                f"报告“{title_of(entry)}”没有彻底删除：{disk_reason(exc)}。它仍在回收站中。"
            ) from exc
        backups.remove_backups(self._files.backups_of(report_id))

    def purge_trash(self) -> int:
        """Empty the trash (清空回收站); returns how many reports were removed.

        Stops at the first report that cannot be removed (``DraftStoreError``);
        those before it are gone, it and the rest stay in the trash.
        """
        self._refuse_if_read_only()
        binned = self.list_trash()
        for info in binned:
            self.purge(info.id)
        return len(binned)

    # ------------------------------------------------------------ backups

    def list_backups(self, report_id: str) -> list[BackupInfo]:
        """Earlier versions of a report, the newest first."""
        self._entry(report_id)
        return backups.list_backups(self._files.backups_of(report_id))

    def restore_backup(self, report_id: str, name: str) -> Report:
        """Make a backup the current version; the current one is backed up first."""
        entry = self._entry(report_id, deleted=False)
        path = backups.backup_path(self._files.backups_of(report_id), name)
        if path is None:
            raise DraftStoreError("找不到这个备份（可能已被自动清理）")
        try:
            report = read_report_file(path, report_id)[1]
        except CorruptFileError as exc:
            raise DraftStoreError(
                f"这个备份文件{exc}，无法恢复；报告“{title_of(entry)}”没有改动。"
            ) from exc
        self.save(report_id, report)
        return report

    # ------------------------------------------------------------ internals

    def _entry(self, report_id: str, deleted: bool | None = None) -> Entry:
        """The index entry of a report; ``deleted`` says whether it must be in the trash."""
        entry = self._index.get(report_id)
        if entry is None:
            raise DraftStoreError("找不到这份报告（可能已被彻底删除）")
        in_trash = entry["deleted_at"] is not None
        if deleted is False and in_trash:
            raise DraftStoreError(f"报告“{title_of(entry)}”在回收站中，请先从回收站恢复")
        if deleted is True and not in_trash:
            raise DraftStoreError(f"报告“{title_of(entry)}”不在回收站中")
        return entry

    def _refuse_twin(self, agency: str, year: int, but: str = "") -> None:
        twin = self._index.twin(agency, year, but)
        if twin is not None:
            raise DraftExistsError(
                f"已有“{title_of(twin)}”：同一机关同一年度只能有一份报告。"
                "请打开已有的报告，或改用其他机关名称或年度。",
                info_of(twin),
            )

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise DraftStoreError(f"{self.read_only_reason}，本窗口为只读，不能修改或保存。")

    def _timestamp(self) -> str:
        return self._now().isoformat(timespec="microseconds")

    def _save_new(self, report_id: str, report: Report) -> None:
        self._refuse_if_read_only()
        record = record_of(report_id, report, self._timestamp())
        try:
            self._commit(record, report, backup_of=None)
        except OSError as exc:
            raise DraftStoreError(f"报告没有建立：{disk_reason(exc)}。{SAVE_ELSEWHERE}") from exc

    def _rewrite(self, record: Record, report: Report, failed: str) -> None:
        """Write changed metadata of a report; its content is unchanged, so no backup."""
        self._refuse_if_read_only()
        try:
            self._commit(record, report, backup_of=None)
        except OSError as exc:
            raise DraftStoreError(
                f"报告“{title(report.agency, report.year)}”{failed}："
                f"{disk_reason(exc)}，报告没有改动。"
            ) from exc

    def _commit(self, record: Record, report: Report, backup_of: str | None) -> None:
        """Write a report file, then its index entry; on failure leave both as they were.

        ``backup_of`` is the time the version being replaced was saved: that
        version is kept among the backups.  Otherwise it is kept only until the
        index is written, to be put back if that fails.
        """
        self._refuse_if_read_only()
        report_id = record["id"]
        path = self._files.report(report_id)
        kept, made = None, False
        try:
            if path.exists():
                # A hard link keeps the old version without copying a byte; the
                # write below gives the report path a new file, never edits the old.
                if backup_of is not None:
                    folder = self._files.backups_of(report_id)
                    kept, made = backups.link_backup(folder, path, backup_of)
                else:
                    kept, made = path.with_name(f".{path.name}.undo"), True
                    kept.unlink(missing_ok=True)
                    backups.link_or_copy(path, kept)
            write_report_file(path, record)
        except OSError:
            if kept is not None and made:
                with contextlib.suppress(OSError):
                    kept.unlink()
            raise
        try:
            self._index.put(entry_of(record, report))
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

    def _load(self, entry: Entry) -> tuple[Record, Report]:
        """The record and report of an index entry, from a backup if the file is damaged."""
        report_id = entry["id"]
        try:
            record, report, notice = read_or_recover(
                self._files, report_id, entry, self._now, self.read_only
            )
        except ReportLostError:
            # The clerk is told now, naming where the damaged file was set
            # aside; the index forgets it, so no later start calls it missing.
            if not self.read_only and not self._files.report(report_id).exists():
                with contextlib.suppress(OSError):
                    self._index.drop(report_id)
            raise
        if notice:
            self.notices.append(notice)
        fresh = entry_of(record, report)
        if not self.read_only and fresh != entry:
            with contextlib.suppress(OSError):  # the index is only a cache of the file
                self._index.put(fresh)
        return record, report


def _checked_identity(agency: str, year: int) -> str:
    agency = agency.strip()
    if not agency:
        raise DraftStoreError("机关名称不能为空")
    if len(agency) > MAX_AGENCY_CHARS:
        raise DraftStoreError(f"机关名称太长（最多{MAX_AGENCY_CHARS}个字）")
    if not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise DraftStoreError(f"年度应在{MIN_YEAR}–{MAX_YEAR}之间")
    return agency
