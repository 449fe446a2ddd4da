"""Files on the clerk's disk: written so that each is always either the old or the new
version, never half; and disk errors said in words a clerk understands."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Temp file beside the target, flush, fsync, replace, fsync the folder (as QSaveFile)."""
    path = Path(path)
    # A fixed temporary name: a crash leaves at most one stale temporary per
    # file, and the next write simply overwrites it.
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    # The rename is only durable once the folder entry is on disk.  Windows
    # cannot open a folder for fsync (NTFS journals the rename itself), and some
    # file systems refuse it; the file itself is already safe by then.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_text_atomically(path: Path, text: str) -> None:
    write_bytes_atomically(path, text.encode("utf-8"))


def folder_write_problem(folder: Path) -> str | None:
    """Why nothing can be written in a folder (read-only, full disk …), or None if it can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder) as probe:
            probe.write(b"x" * 4096)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        return disk_reason(exc)
    return None


def disk_reason(exc: OSError) -> str:
    """The reason of a disk error in words a clerk understands."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "磁盘空间已满"
    if exc.errno == errno.EFBIG:
        return "文件超出了磁盘或系统允许的大小"
    if exc.errno == errno.EROFS:
        return "磁盘是只读的"
    if exc.errno in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return "没有读写权限（文件夹可能是只读的）"
    if isinstance(exc, FileNotFoundError):
        return "文件夹不存在"
    return f"读写磁盘出错（错误代码 {exc.errno}）"
