"""The screen-less verbs, run as a clerk or a script would: a real process."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FIXTURES, run_main

ROOT = Path(__file__).resolve().parent.parent


def test_check_lists_errors_and_exits_1() -> None:
    result = run_main("check", str(FIXTURES / "seed_004.json"))
    assert result.returncode == 1
    assert "[错误 T4-SUM]" in result.stdout
    assert "共 3 处错误" in result.stdout


def test_check_clean_report_exits_0() -> None:
    result = run_main("check", str(FIXTURES / "seed_002.json"))
    assert result.returncode == 0, result.stdout
    assert "共 0 处错误" in result.stdout


def test_new_writes_an_empty_report_of_the_right_edition(tmp_path: Path) -> None:
    out = tmp_path / "draft.json"
    result = run_main("new", "--agency", "某某区公安分局", "--year", "2020", "-o", str(out))
    assert result.returncode == 0, result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["agency"], doc["year"], doc["edition"], doc["cells"]) == (
        "某某区公安分局",
        2020,
        "2019",
        {},
    )
    again = run_main("new", "--agency", "某某区公安分局", "--year", "2020", "-o", str(out))
    assert again.returncode == 2 and "已存在" in again.stderr
    checked = run_main("check", str(out))
    assert checked.returncode == 0 and "未填写" in checked.stdout


def test_missing_and_malformed_files_get_messages_not_tracebacks(tmp_path: Path) -> None:
    missing = run_main("check", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "找不到文件" in missing.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    broken = run_main("check", str(bad))
    assert broken.returncode == 2 and "JSON 格式错误" in broken.stderr
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert "不是文本格式" in run_main("check", str(binary)).stderr
    for result in (missing, broken):
        assert "Traceback" not in result.stderr


def test_bad_arguments_are_explained() -> None:
    result = run_main("new", "--agency", "某局", "--year", "abc", "-o", "x.json")
    assert result.returncode == 2 and "参数有误" in result.stderr


def test_version() -> None:
    result = run_main("--version")
    assert result.returncode == 0 and "0.1.0" in result.stdout


def test_hostile_drafts_get_messages_not_tracebacks(tmp_path: Path) -> None:
    seed = json.loads((FIXTURES / "seed_003.json").read_text(encoding="utf-8"))
    cases = {
        "deep.json": "[" * 100_000,
        "digits.json": '{"format": ' + "9" * 5000 + "}",
        "money.json": json.dumps({**seed, "cells": {"t2.procurement.amount": "1e999999999"}}),
        "surrogate.json": json.dumps({**seed, "agency": "\ud800"}),
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = run_main("check", str(path))
        assert result.returncode == 2, (name, result.stderr)
        assert "Traceback" not in result.stderr and name in result.stderr
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (5 * 1024 * 1024 + 1))
    assert "太大" in run_main("check", str(huge)).stderr


def test_mistyped_commands_are_answered_in_chinese(tmp_path: Path) -> None:
    import re

    for args in (["check"], ["frobnicate"], ["new", "--agency", "甲", "--year", "abc", "-o", "x"]):
        done = run_main(*args)
        assert done.returncode == 2
        # Only command and option names stay in Latin letters, never argparse's English.
        english = re.sub(
            r"main\.py|check|new|import|export-\w+|frobnicate|--?\w+|abc", "", done.stderr
        )
        assert not re.search(r"[A-Za-z]{3}", english), done.stderr
        assert "参数有误" in done.stderr
    assert "用法" in run_main("--help").stdout


def test_bad_paths_are_named_in_chinese(tmp_path: Path) -> None:
    draft = str(FIXTURES / "seed_003.json")
    done = run_main("export-pdf", draft, str(tmp_path / "没有这个文件夹" / "out.pdf"))
    assert done.returncode == 1 and "文件夹不存在" in done.stderr
    done = run_main("--selftest", str(tmp_path / "没有.json"))
    assert done.returncode == 2 and "找不到文件" in done.stderr and "Traceback" not in done.stderr
    empty = tmp_path / "空.txt"
    empty.write_text("", encoding="utf-8")
    done = run_main("import", str(empty), "-o", str(tmp_path / "out.json"))
    assert done.returncode == 2 and "是空的" in done.stderr and "空.txt" in done.stderr
    assert not (tmp_path / "out.json").exists()  # nothing written
