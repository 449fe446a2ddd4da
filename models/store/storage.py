"""The one way the store reads and writes its files: a TinyDB ``Storage`` over atomic JSON.

Every store file (the index, each report file, each backup) is a TinyDB
database in UTF-8 JSON.  ``AtomicJSONStorage`` only ever replaces a file whole:
a temporary file beside it, fsync, rename over it, fsync the folder
(``models.files.write_bytes_atomically``), so a crash or power cut leaves the
old or the new file, never half of one.  Reading refuses, with a
``CorruptFileError``, anything that is not a database this program could have
written, so that the store can set the file aside instead of TinyDB failing
somewhere inside.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from models.files import write_bytes_atomically
from models.store.errors import CorruptFileError

Data = dict[str, dict[str, Any]]  # {table: {"<doc id>": {document}}}, as TinyDB hands it over

MAX_STORE_FILE_BYTES = 50 * 1024 * 1024  # a store file larger than this is damage


class AtomicJSONStorage(Storage):
    """TinyDB storage in a UTF-8 JSON file that is only ever replaced whole and atomically.

    TinyDB reads the whole file before every change; the 1,000-report index
    takes longer to parse than to write, so the data last read or written is
    kept and reused while the file on disk is still that same file.  What is
    kept is always what is on disk, or what ``hold`` was given: TinyDB changes
    the data it read in place before writing it, so a write that fails drops
    what is kept (the next read parses the file again), and data held (on disk
    nowhere else) is read as a copy.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self.path = Path(path)
        self._data: Data | None = None
        self._signature: tuple[int, int, int] | None = None
        self._held = False

    def read(self) -> Data | None:
        if not self._held:
            try:
                signature = _signature(self.path)
                if self._data is None or signature != self._signature:
                    if signature[1] > MAX_STORE_FILE_BYTES:
                        # Never a store's own: a 1,000-report index is under 1 MB.
                        raise CorruptFileError("过大，不是本程序写的")
                    raw = self.path.read_bytes()
                    self._data, self._signature = None, None
                    self._data, self._signature = _parse_database(raw), signature
            except FileNotFoundError:
                return None  # TinyDB's "no data yet"
        assert self._data is not None
        return _copy(self._data) if self._held else self._data

    def write(self, data: Data) -> None:
        """Replace the file with ``data``, which is kept (the caller hands it over)."""
        if not self._held:
            self._data, self._signature = None, None
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        write_bytes_atomically(self.path, text.encode("utf-8"))
        self._data, self._signature, self._held = data, None, False
        self._signature = _signature(self.path)

    def hold(self, data: Data) -> None:
        """Keep ``data`` as what is read, though it could not be written.

        Until a write succeeds, reads return it whatever the file holds; that
        next write puts it on disk together with its own change.
        """
        self._data, self._signature, self._held = data, None, True


def _copy(data: Data) -> Data:
    # Deep enough for TinyDB, which replaces tables and updates documents'
    # top-level fields.
    return {name: {key: dict(doc) for key, doc in table.items()} for name, table in data.items()}


def _signature(path: Path) -> tuple[int, int, int]:
    # Each write replaces the file: inode, size and time together tell a new one.
    stat = path.stat()
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def _parse_database(raw: bytes) -> Data:
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
