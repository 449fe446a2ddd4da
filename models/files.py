"""Write a file so that it is always either the old or the new version, never half."""

from __future__ import annotations

import os
from pathlib import Path


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Temp file beside the target, flush, fsync, replace (as Qt's QSaveFile does)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path, text: str) -> None:
    write_bytes_atomically(path, text.encode("utf-8"))
