"""Draft files: a report as one JSON document (``docs/draft-format.md``), outside the store.

A clerk carries reports between computers as draft files, and the command line
reads and writes them.  This is the one place that reads a draft file (bounded
in size, every refusal a Chinese message naming the file) and the one place
that writes one (never a file that could not be read back).  Both work without
a store, so the window can still save what the clerk typed when the store's
own folder cannot be written.
"""

from __future__ import annotations

from pathlib import Path

from models.files import disk_reason, write_bytes_atomically
from models.report import MAX_DOCUMENT_BYTES, DocumentError, Report, from_json, to_json
from models.store.errors import DraftStoreError

MAX_DRAFT_BYTES = MAX_DOCUMENT_BYTES  # a full report is ~30 KB; anything huge is not a draft


def load_draft(path: str) -> Report:
    """Read a draft file, or raise DocumentError with a message naming the file."""
    p = Path(path)
    too_big = DocumentError(
        f"文件“{path}”太大（超过{MAX_DRAFT_BYTES // 1024 // 1024}MB），不是报告草稿"
    )
    try:
        if p.stat().st_size > MAX_DRAFT_BYTES:
            raise too_big
        # At most one byte over the limit: the file may have grown, or be a device.
        with p.open("rb") as source:
            data = source.read(MAX_DRAFT_BYTES + 1)
        if len(data) > MAX_DRAFT_BYTES:
            raise too_big
        text = data.decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise DocumentError(f"找不到文件“{path}”") from exc
    except IsADirectoryError as exc:
        raise DocumentError(f"“{path}”是文件夹，不是报告文件") from exc
    except PermissionError as exc:
        raise DocumentError(f"没有权限读取文件“{path}”") from exc
    except UnicodeDecodeError as exc:
        raise DocumentError(f"文件“{path}”不是文本格式的报告草稿") from exc
    except OSError as exc:
        raise DocumentError(f"无法读取文件“{path}”：{disk_reason(exc)}") from exc
    try:
        return from_json(text)
    except DocumentError as exc:
        raise DocumentError(f"“{path}”：{exc}") from exc


def save_draft_file(report: Report, path: Path | str) -> None:
    """Write ``report`` as a draft file, e.g. to a USB stick, atomically.

    Raises ``DraftStoreError`` (a Chinese message naming the file) when the
    document would not read back (nothing is written) or the disk refuses it.
    """
    text = to_json(report)
    # The same checks as opening it: nothing is written that could not be read back.
    try:
        from_json(text)
    except DocumentError as exc:
        raise DraftStoreError(f"草稿没有写入“{path}”：{exc}") from exc
    try:
        write_bytes_atomically(Path(path), text.encode("utf-8"))
    except OSError as exc:
        raise DraftStoreError(
            f"草稿文件“{path}”没有写成：{disk_reason(exc)}。请换一个位置（例如另一块磁盘或U盘）再试。"
        ) from exc
