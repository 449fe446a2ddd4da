"""Where the store keeps what under its folder::

    folder/index.json                  the index: one record per report (TinyDB)
    folder/reports/<id>.json           a report: its document and metadata (TinyDB)
    folder/backups/<id>/<time>.json    earlier versions of that report file
    folder/...<name>.corrupt-<time>    a damaged file, set aside, never deleted

A report id is 32 lowercase hex digits (``uuid4().hex``); nothing else under
``reports/`` is taken for a report.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

REPORT_ID = re.compile(r"[0-9a-f]{32}")


class StoreFolder:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.index = root / "index.json"
        self.reports = root / "reports"
        self.backups = root / "backups"

    def report(self, report_id: str) -> Path:
        return self.reports / f"{report_id}.json"

    def backups_of(self, report_id: str) -> Path:
        return self.backups / report_id

    def reports_on_disk(self) -> dict[str, int]:
        """The id of each report file, and the time it was last written (ns)."""
        found = {}
        try:
            with os.scandir(self.reports) as entries:
                for entry in entries:
                    report_id, dot, ext = entry.name.partition(".")
                    if dot and ext == "json" and REPORT_ID.fullmatch(report_id):
                        try:
                            found[report_id] = entry.stat().st_mtime_ns
                        except FileNotFoundError:
                            continue  # gone since it was listed
        except FileNotFoundError:
            pass  # a read-only store of a folder not made yet
        return found
