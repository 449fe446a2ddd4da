"""The start path meets damage as a clerk's machine has it: a damaged report (with
and without a backup), a read-only data folder, a full disk. Never a traceback:
the clerk is told what happened, where, and what to do; nothing is lost.

Each start runs in a child process (tests/gui/start_probe.py). The read-only and
full folders are real: a tmpfs mounted read-only or filled up, in a private mount
namespace (unshare), which needs root: CI and these machines run as root.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from models.store import DraftStore
from tests.conftest import load_seed

ROOT = Path(__file__).resolve().parents[2]


def _start(folder: Path, command: list[str] | None = None) -> dict:  # type: ignore[type-arg]
    """Start the program on ``folder`` in a child process (``command`` runs it)."""
    probe = [sys.executable, "-m", "tests.gui.start_probe", str(folder)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        command or probe, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _start_on_a_disk_of_its_own(tmp_path: Path, then: str) -> dict:  # type: ignore[type-arg]
    """A store on a 1 MB tmpfs mounted in the child's own mount namespace; the shell
    command ``then`` spoils that disk (remounts it read-only, fills it) before the start."""
    disk, seed = tmp_path / "disk", tmp_path / "seed"
    disk.mkdir()
    _store_with_two_versions(seed / "drafts")
    folder = shlex.quote(str(disk / "drafts"))
    probe = f"{shlex.quote(sys.executable)} -m tests.gui.start_probe {folder}"
    script = (
        f"mount -t tmpfs -o size=1m tmpfs {disk} && cp -a {seed}/. {disk}/ && {then} && {probe}"
    )
    command = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script]
    return _start(disk / "drafts", command)


def _store_with_two_versions(folder: Path) -> tuple[DraftStore, str, Path]:
    store = DraftStore(folder)
    report_id = store.create("某某区公安分局", 2021)
    report = load_seed("003")
    report.agency, report.year = "某某区公安分局", 2021
    store.save(report_id, report)  # the created version is now a backup
    return store, report_id, folder / "reports" / f"{report_id}.json"


def _age(path: Path, index: Path) -> None:
    """Damage that keeps an old timestamp (bit rot, a copy that keeps times)."""
    old = index.stat().st_mtime - 3600
    os.utime(path, (old, old))


def test_a_damaged_report_opened_at_start_comes_back_from_its_backup(tmp_path: Path) -> None:
    folder = tmp_path / "数据 目录" / "drafts"
    _store, _report_id, path = _store_with_two_versions(folder)
    path.write_bytes(b'{"report": {"1": {"document": ')
    _age(path, folder / "index.json")
    found = _start(folder)
    texts = [text for _title, text in found["told"]]
    assert any("已改用" in t and "备份" in t and "请核对" in t for t in texts), texts
    assert found["opened"] == [{"agency": "某某区公安分局", "year": 2021, "read_only": False}]
    assert list(path.parent.glob(f"{path.name}.corrupt-*"))  # the damaged file kept


def test_a_damaged_report_without_backup_is_named_and_the_list_shown_again(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "drafts"
    store = DraftStore(folder)
    report_id = store.create("某某区公安分局", 2021)
    path = folder / "reports" / f"{report_id}.json"
    path.write_bytes(b"\xff\xfe not json")
    _age(path, folder / "index.json")
    found = _start(folder)
    assert found["code"] == 0 and found["opened"] == []
    assert len(found["lists"]) == 2  # back to the report list, not out of the program
    (_title, text), *_ = [m for m in found["told"] if m[0] == "无法打开"]
    aside = next(path.parent.glob(f"{path.name}.corrupt-*"))
    assert "没有可用的备份" in text and aside.name in text
    # The next start tells the truth: nothing more to say about a file it set aside.
    again = _start(folder)
    assert not any("不见了" in text for _t, text in again["told"]), again["told"]
    assert aside.read_bytes() == b"\xff\xfe not json"


needs_root = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("unshare") is None,
    reason="mounting a read-only or a full tmpfs needs root and unshare (CI runs as root)",
)


@needs_root
def test_a_read_only_data_folder_is_named_and_the_window_opens_read_only(
    tmp_path: Path,
) -> None:
    found = _start_on_a_disk_of_its_own(tmp_path, f"mount -o remount,ro {tmp_path / 'disk'}")
    mount = tmp_path / "disk"
    (title, text), *_ = found["told"]
    assert title == "只读方式打开", found["told"]
    assert str(mount / "drafts") in text and "只读" in text and "另一个窗口" not in text
    assert "重新打开" in text  # what to do
    assert found["opened"] == [{"agency": "某某区公安分局", "year": 2021, "read_only": True}]
    assert "只读" in found["lists"][0] and "另一个窗口" not in found["lists"][0]


@needs_root
def test_a_full_disk_at_start_is_named_and_nothing_is_lost(tmp_path: Path) -> None:
    fill = f"(dd if=/dev/zero of={tmp_path / 'disk'}/fill bs=4k 2>/dev/null; true)"
    found = _start_on_a_disk_of_its_own(tmp_path, fill)
    (title, text), *_ = found["told"]
    assert title == "只读方式打开" and "磁盘空间已满" in text, found["told"]
    assert found["opened"] == [{"agency": "某某区公安分局", "year": 2021, "read_only": True}]
