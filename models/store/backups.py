"""Rolling backups of a report: every version a save replaces, pruned to a useful few.

Each save keeps the version it replaces as ``backups/<id>/<time>.json``, named
after the time that version was saved.  It is a hard link to the old report
file (nothing is copied; the save gives the report path a new file and never
edits the old one), or a copy on disks without hard links (FAT).  Kept: the
last 10 versions, and the last version of each of the last 7 days.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

KEEP_LAST_SAVES = 10
KEEP_DAYS = 7

_STAMP = "%Y%m%d-%H%M%S-%f"
# "20240315-143210-123456.json", or "...-2.json" when two versions share a time.
_BACKUP_NAME = re.compile(r"(\d{8}-\d{6}-\d{6})(?:-(\d+))?\.json")


@dataclass(frozen=True)
class BackupInfo:
    name: str  # pass back to ``DraftStore.restore_backup``
    saved_at: dt.datetime  # when that version was saved


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in a report's backup folder, the newest first."""
    found = []
    for path in folder.glob("*.json") if folder.is_dir() else ():
        match = _BACKUP_NAME.fullmatch(path.name)
        if match:
            when = dt.datetime.strptime(match[1], _STAMP)
            found.append((when, int(match[2] or 1), path.name))
    found.sort(reverse=True)
    return [BackupInfo(name, when) for when, _, name in found]


def backup_path(folder: Path, name: str) -> Path | None:
    """The file of the backup ``name``, or None if there is none (or the name is not one)."""
    path = folder / name
    return path if _BACKUP_NAME.fullmatch(name) and path.is_file() else None


def link_backup(folder: Path, path: Path, saved_at: str) -> tuple[Path, bool]:
    """Keep the report file ``path`` among the backups; returns where, and whether it is new."""
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.fromisoformat(saved_at).strftime(_STAMP)
    target, n = folder / f"{stamp}.json", 1
    while target.exists():
        if os.path.samefile(target, path):
            return target, False  # linked already by a save that then stopped
        n += 1
        target = folder / f"{stamp}-{n}.json"
    link_or_copy(path, target)
    return target, True


def prune_backups(folder: Path, today: dt.date) -> None:
    """Keep the last 10 versions, and the last version of each of the last 7 days."""
    backups = list_backups(folder)
    keep = {b.name for b in backups[:KEEP_LAST_SAVES]}
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
                (folder / backup.name).unlink()


def remove_backups(folder: Path) -> None:
    # Backups left behind are harmless: nothing lists them without their report.
    shutil.rmtree(folder, ignore_errors=True)


def link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        # FAT-formatted disks have no hard links.
        shutil.copyfile(source, target)
