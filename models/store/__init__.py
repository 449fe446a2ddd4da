"""The clerk's reports on disk: saved safely, with rolling backups and a trash.

A clerk may keep about a thousand reports, and saving must stay a matter of
milliseconds, so each report lives in its own small file and a small index
lists them all (``layout.py``).  Every file is written whole and atomically
through ``AtomicJSONStorage`` (``storage.py``), so a crash or power cut leaves
the old or the new file, never half of one.  The report files are the truth
(``report_files.py``); the index is a cache of their metadata, held once, as
a TinyDB table (``index.py``, which also documents its schema and the
migration from version 1).  Each save keeps the version it replaces
(``backups.py``); damage is set aside, never deleted, and put right from a
backup or the report files (``repair.py``).  Draft files carry a report
outside the store (``draft_files.py``).  ``DraftStore`` (``store.py``) is what
the window uses; failures raise ``DraftStoreError`` whose ``str()`` is a
Chinese message for the clerk.
"""

from models.store.backups import BackupInfo
from models.store.draft_files import MAX_DRAFT_BYTES, load_draft, save_draft_file
from models.store.errors import (
    ANOTHER_WINDOW,
    DraftExistsError,
    DraftStoreError,
    ReportLostError,
)
from models.store.index import DraftInfo
from models.store.storage import MAX_STORE_FILE_BYTES, AtomicJSONStorage
from models.store.store import DraftStore

__all__ = [
    "ANOTHER_WINDOW",
    "MAX_DRAFT_BYTES",
    "MAX_STORE_FILE_BYTES",
    "AtomicJSONStorage",
    "BackupInfo",
    "DraftExistsError",
    "DraftInfo",
    "DraftStore",
    "DraftStoreError",
    "ReportLostError",
    "load_draft",
    "save_draft_file",
]
