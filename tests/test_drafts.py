"""The drafts store on real files: reports, trash, backups, damaged files, full disks, crashes."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tinydb import TinyDB

from models.report import from_json, new_report
from models.store import (
    MAX_STORE_FILE_BYTES,
    AtomicJSONStorage,
    DraftExistsError,
    DraftStore,
    DraftStoreError,
    save_draft_file,
)
from models.store import storage as storage_module
from models.validation import Severity, check
from tests.conftest import load_seed

ROOT = Path(__file__).resolve().parent.parent


class Clock:
    """A fake clock: each reading is 1 ms after the previous one; ``jump`` moves it on."""

    def __init__(self, start: dt.datetime = dt.datetime(2024, 3, 1, 9, 0)) -> None:
        self.time = start

    def __call__(self) -> dt.datetime:
        self.time += dt.timedelta(milliseconds=1)
        return self.time

    def set(self, when: dt.datetime) -> None:
        self.time = when


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> DraftStore:
    return DraftStore(tmp_path / "drafts", now=clock)


def _add_seed(store: DraftStore, seed: str) -> str:
    report = load_seed(seed)
    report_id = store.create(report.agency, report.year, report.edition)
    store.save(report_id, report)
    return report_id


def _report_file(store: DraftStore, report_id: str) -> Path:
    return store.folder / "reports" / f"{report_id}.json"


def _aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.corrupt-*"))


# ---------------------------------------------------------------- reports


def test_create_open_save_list(store: DraftStore) -> None:
    first = store.create("某某区公安分局", 2024)
    second = _add_seed(store, "000")
    assert store.open(first) == new_report("某某区公安分局", 2024)
    assert store.open(second) == load_seed("000")

    infos = store.list_reports()
    assert [i.id for i in infos] == [second, first]  # newest saved first
    seed = load_seed("000")
    errors = sum(1 for i in check(seed) if i.severity is Severity.ERROR)
    assert (infos[0].agency, infos[0].year, infos[0].edition) == (seed.agency, 2020, "2019")
    assert infos[0].error_count == errors > 0
    assert infos[1].title == "某某区公安分局2024年度报告"

    report = store.open(first)
    report.sections["overview"] = "本年度工作概况。"
    store.save(first, report)
    assert store.open(first) == report
    assert store.list_reports()[0].id == first
    assert DraftStore(store.folder).open(first) == report  # really on disk
    assert store.notices == []


def test_one_report_per_agency_and_year(store: DraftStore) -> None:
    first = store.create("某某区公安分局", 2023)
    other = store.create("某某区公安分局", 2024)
    with pytest.raises(DraftExistsError) as caught:
        store.create(" 某某区公安分局 ", 2023)
    assert caught.value.existing.id == first
    assert "某某区公安分局2023年度报告" in str(caught.value)
    assert "只能有一份" in str(caught.value)
    with pytest.raises(DraftExistsError):
        store.rename(other, "某某区公安分局", 2023)
    with pytest.raises(DraftExistsError):
        store.duplicate(other, year=2023)
    with pytest.raises(DraftExistsError):
        store.duplicate(other)  # same agency and year as the original

    # A save that would make a twin is refused and changes nothing.
    report = store.open(other)
    report.year = 2023
    with pytest.raises(DraftExistsError):
        store.save(other, report)
    assert store.open(other).year == 2024

    with pytest.raises(DraftStoreError, match="机关名称不能为空"):
        store.create("  ", 2024)
    with pytest.raises(DraftStoreError, match="年度应在"):
        store.create("某局", 1999)
    with pytest.raises(DraftStoreError, match="模板版本"):
        store.create("某局", 2024, "2030")
    assert len(store.list_reports()) == 2


def test_duplicate_and_rename(store: DraftStore) -> None:
    source = _add_seed(store, "003")
    copy = store.duplicate(source, year=2021)
    assert copy != source
    copied, original = store.open(copy), store.open(source)
    assert copied.year == 2021 and copied.agency == original.agency
    assert copied.cells == original.cells and copied.edition == original.edition

    other = store.duplicate(source, agency="洛阳市公安局西工分局")
    assert store.open(other).agency == "洛阳市公安局西工分局"

    backups_before = len(store.list_backups(copy))
    store.rename(copy, "洛阳市公安局老城分局", 2022)
    renamed = store.open(copy)
    assert (renamed.agency, renamed.year) == ("洛阳市公安局老城分局", 2022)
    assert renamed.cells == original.cells
    assert len(store.list_backups(copy)) == backups_before + 1  # the rename is a new version
    titles = {i.title for i in store.list_reports()}
    assert titles == {
        "洛阳市公安局2020年度报告",
        "洛阳市公安局西工分局2020年度报告",
        "洛阳市公安局老城分局2022年度报告",
    }
    # The freed identity can be used again.
    store.create("洛阳市公安局", 2021)


def test_save_refuses_a_report_it_could_not_read_back(store: DraftStore) -> None:
    report_id = store.create("某局", 2024)
    report = store.open(report_id)
    report.year = 0
    with pytest.raises(DraftStoreError, match="草稿没有保存"):
        store.save(report_id, report)
    assert store.open(report_id).year == 2024


def test_unknown_id(store: DraftStore) -> None:
    with pytest.raises(DraftStoreError, match="找不到这份报告"):
        store.open("0" * 32)
    with pytest.raises(DraftStoreError, match="找不到这份报告"):
        store.save("../index", new_report("某局", 2024))


# ---------------------------------------------------------------- trash


def test_trash_restore_purge(store: DraftStore) -> None:
    kept = _add_seed(store, "001")
    binned = _add_seed(store, "002")
    store.delete(binned)
    assert [i.id for i in store.list_reports()] == [kept]
    trash = store.list_trash()
    assert [i.id for i in trash] == [binned] and trash[0].deleted
    assert _report_file(store, binned).exists()  # the file stays
    with pytest.raises(DraftStoreError, match="回收站"):
        store.open(binned)
    with pytest.raises(DraftStoreError, match="不在回收站"):
        store.purge(kept)

    # Deleted reports keep their state in the file: a reopened store agrees.
    assert [i.id for i in DraftStore(store.folder).list_trash()] == [binned]

    store.restore(binned)
    assert store.open(binned) == load_seed("002")
    assert store.list_trash() == []

    # Restoring is refused while another report has taken the agency and year.
    seed = load_seed("002")
    store.delete(binned)
    taken = store.create(seed.agency, seed.year)
    with pytest.raises(DraftExistsError) as caught:
        store.restore(binned)
    assert caught.value.existing.id == taken
    assert [i.id for i in store.list_trash()] == [binned]

    store.purge(binned)
    assert store.list_trash() == []
    assert not _report_file(store, binned).exists()
    assert not (store.folder / "backups" / binned).exists()
    with pytest.raises(DraftStoreError):
        store.restore(binned)
    assert {i.id for i in DraftStore(store.folder).list_reports()} == {kept, taken}


def test_purge_trash_empties_the_trash(store: DraftStore) -> None:
    kept = _add_seed(store, "000")
    binned = [_add_seed(store, seed) for seed in ("001", "002", "003")]
    for report_id in binned:
        store.delete(report_id)
    assert len(store.list_trash()) == 3

    assert store.purge_trash() == 3
    assert store.list_trash() == []
    assert [i.id for i in store.list_reports()] == [kept]
    for report_id in binned:
        assert not _report_file(store, report_id).exists()
        assert not (store.folder / "backups" / report_id).exists()
    assert store.purge_trash() == 0
    reopened = DraftStore(store.folder)
    assert reopened.list_trash() == [] and reopened.notices == []
    with pytest.raises(DraftStoreError, match="只读"):
        DraftStore(store.folder, read_only=True).purge_trash()


# ---------------------------------------------------------------- backups


def test_backups_keep_last_ten_saves_and_one_per_day_for_a_week(
    store: DraftStore, clock: Clock
) -> None:
    day1 = dt.datetime(2024, 3, 1)
    clock.set(day1 + dt.timedelta(hours=8))
    report_id = store.create("某局", 2024)
    report = store.open(report_id)
    for day in range(10):
        for hour in (9, 12, 17):
            clock.set(day1 + dt.timedelta(days=day, hours=hour))
            report.sections["other"] = f"{day + 1}日{hour}时"
            store.save(report_id, report)

    kept = [(b.saved_at.day, b.saved_at.hour) for b in store.list_backups(report_id)]
    last_ten = [(10, 12), (10, 9), (9, 17), (9, 12), (9, 9), (8, 17), (8, 12), (8, 9)]
    last_ten += [(7, 17), (7, 12)]
    # Days 4–10 are the last seven: each keeps its last version.
    assert kept == [*last_ten, (6, 17), (5, 17), (4, 17)]
    assert all(b.saved_at.minute == 0 for b in store.list_backups(report_id))

    # Restoring a backup keeps the current version as a backup: nothing is lost.
    clock.set(day1 + dt.timedelta(days=9, hours=18))
    oldest = store.list_backups(report_id)[-1]
    restored = store.restore_backup(report_id, oldest.name)
    assert restored.sections["other"] == "4日17时"
    assert store.open(report_id).sections["other"] == "4日17时"
    newest = store.list_backups(report_id)[0]
    assert (newest.saved_at.day, newest.saved_at.hour) == (10, 17)
    back = store.restore_backup(report_id, newest.name)
    assert back.sections["other"] == "10日17时"
    assert store.open(report_id).sections["other"] == "10日17时"

    with pytest.raises(DraftStoreError, match="找不到这个备份"):
        store.restore_backup(report_id, "../../index.json")


def test_a_damaged_backup_is_not_restored(store: DraftStore) -> None:
    report_id = _add_seed(store, "004")
    backup = store.list_backups(report_id)[0]
    path = store.folder / "backups" / report_id / backup.name
    path.unlink()  # a hard link to the old version: replace it, do not write through it
    path.write_bytes(b"\x00garbage")
    with pytest.raises(DraftStoreError, match="备份文件内容不完整或已损坏，无法恢复"):
        store.restore_backup(report_id, backup.name)
    assert store.open(report_id) == load_seed("004")


# ---------------------------------------------------------------- damaged files

DAMAGES = {
    "truncated": lambda data: data[: len(data) // 2],
    "garbage": lambda data: bytes(random.Random(7).randrange(256) for _ in range(len(data))),
    "wrong shape": lambda data: b'{"report": [1, 2, 3]}',
    "empty": lambda data: b"",
    # Valid JSON, but larger than any store file: refused before it is read.
    "oversized": lambda data: data + b" " * MAX_STORE_FILE_BYTES,
}


@pytest.mark.parametrize("damage", [*DAMAGES, "refused document"])
def test_damaged_report_is_set_aside_and_restored_from_backup(
    store: DraftStore, damage: str
) -> None:
    report_id = _add_seed(store, "000")
    other = _add_seed(store, "001")
    other_bytes = _report_file(store, other).read_bytes()
    previous = store.open(report_id)
    latest = previous.copy()
    latest.sections["other"] = "最后一次修改"
    store.save(report_id, latest)

    path = _report_file(store, report_id)
    if damage == "refused document":
        data = json.loads(path.read_text(encoding="utf-8"))
        data["report"]["1"]["document"]["year"] = "去年"
        bad = json.dumps(data, ensure_ascii=False).encode()
    else:
        bad = DAMAGES[damage](path.read_bytes())
    path.unlink()
    path.write_bytes(bad)

    reopened = DraftStore(store.folder)
    assert reopened.open(report_id) == previous  # the newest good backup
    notices = reopened.take_notices()
    assert len(notices) == 1
    assert "郑州市公安局惠济分局2020年度报告" in notices[0] and "备份" in notices[0]
    aside = _aside(path)
    assert len(aside) == 1 and aside[0].read_bytes() == bad
    assert aside[0].name in notices[0]
    # The recovered version is in place: no second notice, and saving goes on.
    assert reopened.open(report_id) == previous
    reopened.save(report_id, latest)
    assert DraftStore(store.folder).open(report_id) == latest
    assert reopened.notices == []
    assert _report_file(store, other).read_bytes() == other_bytes


def test_damage_found_while_the_store_is_open(store: DraftStore) -> None:
    report_id = _add_seed(store, "002")
    path = _report_file(store, report_id)
    path.unlink()
    path.write_bytes(b'{"report": {"1": {"id": "x"}}}')
    assert store.open(report_id) == new_report(load_seed("002").agency, 2021)
    assert len(store.take_notices()) == 1
    assert len(_aside(path)) == 1


def test_damaged_report_without_backup_is_kept_aside_and_named(store: DraftStore) -> None:
    report_id = store.create("某某区公安分局", 2024)
    path = _report_file(store, report_id)
    path.write_bytes(b"\xff\xfe not json")
    with pytest.raises(DraftStoreError, match="没有可用的备份"):
        store.open(report_id)
    assert [p.read_bytes() for p in _aside(path)] == [b"\xff\xfe not json"]

    # The clerk was told when it happened (the file set aside, named); the next
    # start does not call the file missing as if the program had not moved it.
    reopened = DraftStore(store.folder)
    assert reopened.take_notices() == []
    assert reopened.list_reports() == []
    assert len(_aside(path)) == 1  # kept, never deleted


def test_damaged_report_in_the_trash_stays_there(store: DraftStore) -> None:
    report_id = _add_seed(store, "001")
    store.delete(report_id)
    path = _report_file(store, report_id)
    path.write_bytes(b'{"report": {"1": ')
    reopened = DraftStore(store.folder)
    assert len(reopened.take_notices()) == 1
    assert [i.id for i in reopened.list_trash()] == [report_id]
    assert reopened.list_reports() == []
    assert [i.id for i in DraftStore(store.folder).list_trash()] == [report_id]
    reopened.restore(report_id)
    assert reopened.open(report_id) == new_report(load_seed("001").agency, 2020)


INDEX_DAMAGES = {
    **DAMAGES,
    "wrong shape": lambda data: b'{"reports": {"1": {"id": 5, "agency": null}}}',
}


@pytest.mark.parametrize("damage", INDEX_DAMAGES)
def test_damaged_index_is_set_aside_and_rebuilt(store: DraftStore, damage: str) -> None:
    ids = [_add_seed(store, seed) for seed in ("000", "001", "002", "003")]
    store.delete(ids[3])
    before, trash = store.list_reports(), store.list_trash()
    index = store.folder / "index.json"
    bad = INDEX_DAMAGES[damage](index.read_bytes())
    index.write_bytes(bad)

    reopened = DraftStore(store.folder)
    assert reopened.list_reports() == before
    assert reopened.list_trash() == trash  # the trash flag lives in the report files too
    notices = reopened.take_notices()
    assert len(notices) == 1 and "重新建立" in notices[0] and "4 份" in notices[0]
    aside = _aside(index)
    assert len(aside) == 1 and aside[0].read_bytes() == bad
    assert DraftStore(store.folder).notices == []  # the new index is good


def test_lost_index_is_rebuilt(store: DraftStore) -> None:
    ids = {_add_seed(store, "000"), _add_seed(store, "004")}
    (store.folder / "index.json").unlink()
    reopened = DraftStore(store.folder)
    assert {i.id for i in reopened.list_reports()} == ids
    assert "不见了" in reopened.take_notices()[0]


def test_index_written_before_a_stop_is_brought_up_to_date(store: DraftStore) -> None:
    # The program stopped after writing the report file but before the index:
    # put back the old index with an older time, as the disk would have it.
    report_id = _add_seed(store, "000")
    index = store.folder / "index.json"
    old_index = index.read_bytes()
    report = store.open(report_id)
    report.agency = "郑州市公安局金水分局"
    store.save(report_id, report)
    new_id = store.create("郑州市公安局二七分局", 2020)
    index.write_bytes(old_index)
    past = _report_file(store, report_id).stat().st_mtime_ns - 10**9
    os.utime(index, ns=(past, past))

    reopened = DraftStore(store.folder)
    infos = {i.id: i for i in reopened.list_reports()}
    assert infos.keys() == {report_id, new_id}
    assert infos[report_id].agency == "郑州市公安局金水分局"
    assert reopened.notices == []
    with pytest.raises(DraftExistsError):  # the refreshed index knows the new agency
        reopened.create("郑州市公安局金水分局", 2020)


STORE_V1 = ROOT / "tests" / "fixtures" / "store_v1"


def _store_v1(tmp_path: Path, index_newest: bool) -> Path:
    """A copy of the fixture store in the format of schema version 1."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    for source in STORE_V1.rglob("*.json"):
        target = folder / source.relative_to(STORE_V1)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    # A checkout gives the files any order in time: fix it, so that the index
    # is either trusted as it is or checked against every report file.
    files = sorted((folder / "reports").glob("*.json"))
    base = 1_700_000_000 * 10**9
    for n, path in enumerate([*files, folder / "index.json"]):
        stamp = base + n * 10**9 if index_newest else base - n * 10**9
        os.utime(path, ns=(stamp, stamp))
    return folder


@pytest.mark.parametrize("index_newest", [True, False])
def test_a_store_of_schema_version_1_opens_and_is_migrated(
    tmp_path: Path, index_newest: bool
) -> None:
    folder = _store_v1(tmp_path, index_newest)
    index = folder / "index.json"
    old = json.loads(index.read_text(encoding="utf-8"))
    assert "meta" not in old and all("deleted" in e for e in old["reports"].values())
    untouched = {p: p.read_bytes() for p in folder.rglob("*.json")}

    # Read-only: it opens, and nothing is written.
    reader = DraftStore(folder, read_only=True)
    assert reader.notices == []
    assert {p: p.read_bytes() for p in folder.rglob("*.json")} == untouched

    store = DraftStore(folder)
    assert store.notices == []
    listed = [(i.agency, i.year, i.deleted) for i in store.list_reports()]
    assert listed == [("某某区司法局", 2023, False), ("某某区公安分局", 2023, False)]
    (binned,) = store.list_trash()
    assert (binned.agency, binned.year) == ("某某区财政局", 2022)
    assert binned.deleted_at == dt.datetime(2024, 3, 1, 9, 8)
    assert store.list_reports() == reader.list_reports()
    assert store.list_trash() == reader.list_trash()

    # The first write, on opening, puts the index in the current schema.
    new = json.loads(index.read_text(encoding="utf-8"))
    assert new["meta"] == {"1": {"schema_version": 2}}
    assert new["reports"].keys() == old["reports"].keys()
    for key, entry in new["reports"].items():
        before = {k: v for k, v in old["reports"][key].items() if k != "deleted"}
        assert entry == before
    for path, data in untouched.items():
        if path != index:
            assert path.read_bytes() == data  # report files and backups are unchanged

    first = next(i.id for i in store.list_reports() if i.agency == "某某区公安分局")
    report = store.open(first)
    assert report.sections["overview"] == "本年度工作概况（第二版）。"
    assert len(store.list_backups(first)) == 2
    store.restore(binned.id)
    store.delete(first)
    reopened = DraftStore(folder)
    assert reopened.notices == []
    assert [i.agency for i in reopened.list_trash()] == ["某某区公安分局"]
    assert {i.agency for i in reopened.list_reports()} == {"某某区司法局", "某某区财政局"}
    assert all("deleted" not in e for e in json.loads(index.read_text())["reports"].values())


def test_a_migration_that_cannot_be_written_is_held_until_the_next_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _store_v1(tmp_path, index_newest=True)
    index = folder / "index.json"
    before = index.read_bytes()
    real_write = storage_module.write_bytes_atomically

    def index_unwritable(path: Path, data: bytes) -> None:
        if path.name == "index.json":
            raise OSError(28, "No space left on device")
        real_write(path, data)

    monkeypatch.setattr(storage_module, "write_bytes_atomically", index_unwritable)
    store = DraftStore(folder)
    assert index.read_bytes() == before
    assert len(store.list_reports()) == 2 and len(store.list_trash()) == 1
    first = store.list_reports()[0].id
    with pytest.raises(DraftStoreError, match="没有保存"):
        store.save(first, store.open(first))
    assert len(store.list_reports()) == 2 and len(store.list_trash()) == 1

    monkeypatch.setattr(storage_module, "write_bytes_atomically", real_write)
    store.save(first, store.open(first))
    written = json.loads(index.read_text(encoding="utf-8"))
    assert written["meta"] == {"1": {"schema_version": 2}}
    assert len(written["reports"]) == 3
    assert all("deleted" not in e for e in written["reports"].values())
    assert DraftStore(folder).list_trash() == store.list_trash()


def test_a_version_1_entry_whose_two_trash_fields_disagree_is_damage(tmp_path: Path) -> None:
    folder = _store_v1(tmp_path, index_newest=True)
    index = folder / "index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    entry = next(e for e in data["reports"].values() if e["deleted"])
    entry["deleted"] = False
    index.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    store = DraftStore(folder)
    (notice,) = store.take_notices()
    assert "不完整的记录" in notice and "3 份" in notice
    assert [i.agency for i in store.list_trash()] == ["某某区财政局"]  # from the report file


def test_an_index_of_a_newer_schema_is_refused(store: DraftStore) -> None:
    _add_seed(store, "000")
    index = store.folder / "index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    data["meta"]["1"]["schema_version"] = 3
    index.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = index.read_bytes()
    with pytest.raises(DraftStoreError, match="更新版本的程序"):
        DraftStore(store.folder)
    assert index.read_bytes() == before


# ---------------------------------------------------------------- disk errors


def _run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, str(ROOT), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_read_only_folder(store: DraftStore) -> None:
    report_id = _add_seed(store, "001")
    folders = [store.folder, store.folder / "reports", store.folder / "backups"]
    folders += [store.folder / "backups" / report_id]
    for folder in folders:
        folder.chmod(0o555)
    try:
        try:
            (store.folder / "reports" / "probe").write_bytes(b"")
        except PermissionError:
            pass
        else:
            pytest.skip("chmod does not stop this user from writing (root)")
        report = store.open(report_id)
        report.sections["other"] = "只读时的修改"
        with pytest.raises(DraftStoreError) as caught:
            store.save(report_id, report)
        assert "没有保存" in str(caught.value) and "导出草稿文件" in str(caught.value)
        assert store.open(report_id) == load_seed("001")
        assert len(store.list_reports()) == 1
        assert DraftStore(store.folder).open(report_id) == load_seed("001")
    finally:
        for folder in folders:
            folder.chmod(0o755)
    store.save(report_id, report)
    assert store.open(report_id) == report


FULL_DISK = r"""
import resource, signal, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from models.store import DraftStore, DraftStoreError
store = DraftStore(Path(sys.argv[2]))
report = store.open(sys.argv[3])
report.sections["other"] = "磁盘满时的修改"
# Past this size every write fails as on a full disk (EFBIG instead of a kill).
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[4]), resource.RLIM_INFINITY))
try:
    store.save(sys.argv[3], report)
except DraftStoreError as exc:
    print(exc)
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
print(store.info(sys.argv[3]).saved_at.isoformat())
print(store.open(sys.argv[3]).sections["other"])
"""


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize("stage", ["report file", "index"])
def test_full_disk_leaves_the_stored_version_unchanged(store: DraftStore, stage: str) -> None:
    report_id = store.create("某某区公安分局", 2024)
    report_size = _report_file(store, report_id).stat().st_size
    if stage == "index":
        # Enough reports that the index is the one file too big to write.
        for year in range(2008, 2040):
            store.create("某某区公安分局派出所", year)
        assert (store.folder / "index.json").stat().st_size > report_size + 1000
    before_files = sorted(p.name for p in (store.folder / "reports").iterdir())
    before_index = (store.folder / "index.json").read_bytes()
    before_info = store.info(report_id)

    limit = report_size // 2 if stage == "report file" else report_size + 500
    result = _run_python(FULL_DISK, str(store.folder), report_id, str(limit))
    assert result.returncode == 0, result.stderr
    message, saved_at, text = result.stdout.splitlines()
    assert "草稿没有保存" in message and "导出草稿文件" in message
    assert saved_at == before_info.saved_at.isoformat()  # the index in memory agrees
    assert text == ""  # the stored version is the old one

    assert sorted(p.name for p in (store.folder / "reports").iterdir()) == before_files
    assert (store.folder / "index.json").read_bytes() == before_index
    assert not any((store.folder / "backups").rglob("*.json"))  # no backup of a failed save
    reopened = DraftStore(store.folder)
    assert reopened.info(report_id) == before_info
    assert reopened.notices == []
    assert reopened.open(report_id) == new_report("某某区公安分局", 2024)


def test_unwritable_store_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("不是文件夹")
    with pytest.raises(DraftStoreError, match="无法使用草稿文件夹"):
        DraftStore(blocker / "drafts")


# ---------------------------------------------------------------- draft files


def test_draft_file_round_trip(store: DraftStore, tmp_path: Path, clock: Clock) -> None:
    report_id = _add_seed(store, "002")
    path = tmp_path / "usb" / "草稿.json"
    path.parent.mkdir()
    save_draft_file(store.open(report_id), path)
    assert from_json(path.read_text(encoding="utf-8")) == load_seed("002")
    assert [p.name for p in path.parent.iterdir()] == ["草稿.json"]

    elsewhere = DraftStore(tmp_path / "other-pc", now=clock)
    imported = elsewhere.import_draft(path)
    assert elsewhere.open(imported) == load_seed("002")
    assert [i.id for i in elsewhere.list_reports()] == [imported]


def test_import_never_overwrites_without_asking(store: DraftStore, tmp_path: Path) -> None:
    report_id = _add_seed(store, "003")
    changed = load_seed("003")
    changed.sections["other"] = "另一台电脑上的修改"
    path = tmp_path / "draft.json"
    save_draft_file(changed, path)
    with pytest.raises(DraftExistsError) as caught:
        store.import_draft(path)
    assert caught.value.existing.id == report_id
    assert "洛阳市公安局2020年度报告" in str(caught.value)
    assert store.open(report_id) == load_seed("003")
    assert len(store.list_reports()) == 1

    assert store.import_draft(path, overwrite=True) == report_id
    assert store.open(report_id) == changed
    # The replaced version stays as a backup.
    newest = store.list_backups(report_id)[0]
    assert store.restore_backup(report_id, newest.name) == load_seed("003")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{" + b" " * (5 * 1024 * 1024) + b"}", "太大"),
        ("机关".encode("gbk"), "不是文本格式"),
        (b'{"format": "gov-info-annual-report", ', "JSON 格式错误"),
        (b'{"format": "something-else"}', "不是本程序的报告文件"),
    ],
)
def test_import_refuses_bad_files(
    store: DraftStore, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(DraftStoreError, match=message):
        store.import_draft(path)
    assert store.list_reports() == []


def test_export_to_an_unwritable_place(store: DraftStore, tmp_path: Path) -> None:
    report_id = store.create("某局", 2024)
    with pytest.raises(DraftStoreError, match="没有写成"):
        save_draft_file(store.open(report_id), tmp_path / "missing-folder" / "draft.json")


# ---------------------------------------------------------------- atomic storage


def test_atomic_storage_writes_readable_utf8(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.table("t").insert({"agency": "某某区公安分局"})
    assert "某某区公安分局" in path.read_text(encoding="utf-8")
    assert db.table("t").all() == [{"agency": "某某区公安分局"}]
    assert [p.name for p in tmp_path.iterdir()] == ["db.json"]  # no temporary left


def test_atomic_storage_keeps_what_is_on_disk_when_a_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.json"
    table = TinyDB(path, storage=AtomicJSONStorage).table("t")
    table.insert({"agency": "甲局"})

    def full_disk(_path: Path, _data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("models.store.storage.write_bytes_atomically", full_disk)
    with pytest.raises(OSError):
        table.update({"agency": "乙局"}, doc_ids=[1])  # TinyDB changes what it read in place
    assert table.all() == [{"agency": "甲局"}]
    assert json.loads(path.read_text(encoding="utf-8")) == {"t": {"1": {"agency": "甲局"}}}


# ---------------------------------------------------------------- crashes

SAVE_FOREVER = r"""
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from models.store import DraftStore
store = DraftStore(Path(sys.argv[2]))
report_id = sys.argv[3]
report = store.open(report_id)
n = int(report.sections["other"])
print("ready", flush=True)
while True:
    n += 1
    report.sections["other"] = str(n)
    report.preamble = "长" * (n * 37 % 500)  # files of varying length
    store.save(report_id, report)
    print(n, flush=True)
"""
KILL_ROUNDS = 200


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_killed_while_saving_leaves_old_or_new_version(store: DraftStore) -> None:
    """A soak: 200 kills at random moments of saving without pause. Where a kill lands
    is chance; test_killed_at_every_step_of_a_save... tries every step for certain."""
    report_id = _add_seed(store, "000")
    others = [_add_seed(store, seed) for seed in ("001", "002")]
    report = store.open(report_id)
    report.sections["other"] = "0"
    store.save(report_id, report)
    other_bytes = {i: _report_file(store, i).read_bytes() for i in others}
    rng = random.Random(20240301)
    current, in_the_middle = 0, 0
    started = time.monotonic()

    for _ in range(KILL_ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVE_FOREVER, str(ROOT), str(store.folder), report_id],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n", child.stderr.read() if child.stderr else ""
        # One save acknowledged before the kill, however loaded the machine:
        # the rounds then prove something whatever the timing.
        first_ack = child.stdout.readline()
        time.sleep(rng.uniform(0, 0.02))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate()
        assert child.returncode == -signal.SIGKILL, err
        acked = [int(line) for line in (first_ack + out).split()]
        last = acked[-1] if acked else current

        reopened = DraftStore(store.folder)
        assert reopened.notices == []
        found = int(reopened.open(report_id).sections["other"])
        assert found in (last, last + 1)
        in_the_middle += found == last + 1
        # The index agrees with the file, wherever the kill came.
        record = json.loads(_report_file(store, report_id).read_text(encoding="utf-8"))
        assert reopened.info(report_id).saved_at.isoformat() == record["report"]["1"]["saved_at"]
        assert len(reopened.list_reports()) == 3
        for other, data in other_bytes.items():
            assert _report_file(store, other).read_bytes() == data
        current = found

    assert current >= KILL_ROUNDS  # the child saved in every round
    assert len(DraftStore(store.folder).list_backups(report_id)) >= 10
    print(
        f"{KILL_ROUNDS} SIGKILLs in {time.monotonic() - started:.1f} s, "
        f"{current} saves, {in_the_middle} found the version whose save was cut short"
    )


def test_read_only_store_reads_and_repairs_in_memory_only(tmp_path: Path) -> None:
    """A second copy of the program (no lock) must not write while the first one does."""
    folder = tmp_path / "drafts"
    writer = DraftStore(folder)
    report_id = writer.create("甲局", 2021)
    (folder / "index.json").write_bytes(b"\x00garbage")
    before = {p: p.stat().st_mtime_ns for p in folder.rglob("*")}
    reader = DraftStore(folder, read_only=True)
    assert [i.id for i in reader.list_reports()] == [report_id]
    assert reader.open(report_id).agency == "甲局"
    assert reader.take_notices()  # the clerk is told what was found
    with pytest.raises(DraftStoreError):
        reader.save(report_id, reader.open(report_id))
    with pytest.raises(DraftStoreError):
        reader.create("乙局", 2021)
    after = {p: p.stat().st_mtime_ns for p in folder.rglob("*")}
    assert after == before


def test_last_years_report_is_found_by_agency_and_year_from_the_index(store: DraftStore) -> None:
    older = store.create("某某区公安分局", 2019)
    last = store.create("某某区公安分局 ", 2020)  # a stray space is the same agency
    store.create("另一个局", 2020)
    this = store.create("某某区公安分局", 2021)
    report = store.open(this)
    assert [i.id for i in store.earlier_reports(report.agency, 2021)] == [older, last]
    assert store.last_years_report_id(report) == last
    assert store.last_years_report(report) == store.open(last)
    # The open report's year edited to 2022: its own stored 2021 copy is not last year's.
    report.year = 2022
    assert store.last_years_report_id(report) == this
    assert store.last_years_report_id(report, exclude=this) is None


SAVE_AND_DIE_AT_STEP = r"""
import os, signal, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from models.store import DraftStore
store = DraftStore(Path(sys.argv[2]))
report_id, die_at = sys.argv[3], int(sys.argv[4])
report = store.open(report_id)
report.sections["other"] = "新版本"
steps = 0
def counted(call):
    def step(*args, **kwargs):
        global steps
        steps += 1
        if steps == die_at:  # the power goes off just before this step
            os.kill(os.getpid(), signal.SIGKILL)
        return call(*args, **kwargs)
    return step
for name in ("replace", "rename", "link", "unlink", "fsync", "truncate", "write"):
    setattr(os, name, counted(getattr(os, name)))
store.save(report_id, report)
print("saved after", steps, "steps", flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_killed_at_every_step_of_a_save_leaves_old_or_new_version(store: DraftStore) -> None:
    """Each file-system step of one save (write, fsync, link, replace, unlink …) in turn
    is where the program dies: after each, the store opens without a word, holds the old
    or the new version, its index agrees with the file, and the other reports are intact."""
    report_id = _add_seed(store, "000")
    others = [_add_seed(store, seed) for seed in ("001", "002")]
    old = store.open(report_id)
    other_bytes = {i: _report_file(store, i).read_bytes() for i in others}
    killed_at = []
    for step in range(1, 200):
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                SAVE_AND_DIE_AT_STEP,
                str(ROOT),
                str(store.folder),
                report_id,
                str(step),
            ],
            capture_output=True,
            text=True,
        )
        reopened = DraftStore(store.folder)
        assert reopened.notices == [], (step, reopened.notices)
        found = reopened.open(report_id)
        assert found.sections["other"] in (old.sections["other"], "新版本"), step
        record = json.loads(_report_file(store, report_id).read_text(encoding="utf-8"))
        assert reopened.info(report_id).saved_at.isoformat() == record["report"]["1"]["saved_at"]
        assert len(reopened.list_reports()) == 3
        for other, data in other_bytes.items():
            assert _report_file(store, other).read_bytes() == data
        if done.returncode == 0:
            break  # the save finished before reaching this step: every step was tried
        assert done.returncode == -signal.SIGKILL, done.stderr
        killed_at.append(step)
        # Back to the old version for the next step (a save, not a hand-made file).
        if found.sections["other"] != old.sections["other"]:
            reopened.save(report_id, old)
    print(f"a save killed before each of its {len(killed_at)} file-system steps in turn")
    assert len(killed_at) >= 4, killed_at  # a save is several steps, each one tried
