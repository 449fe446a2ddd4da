"""Write a file so that it is always either the old or the new version, never half."""

from __future__ import annotations

import contextlib
import os
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
