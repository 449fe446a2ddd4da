"""export-html on the command line: the page written, bad paths and a full disk
answered in Chinese, nothing half-written."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from export.html import build_html
from tests.conftest import FIXTURES, load_seed, run_main

ROOT = Path(__file__).resolve().parent.parent


def test_export_html_command(tmp_path: Path) -> None:
    out = tmp_path / "报告.html"
    done = run_main("export-html", str(FIXTURES / "seed_000.json"), str(out))
    assert done.returncode == 0, done.stderr
    assert "已导出" in done.stdout and "存在3处校验错误" in done.stdout
    assert out.read_text(encoding="utf-8") == build_html(load_seed("000"))
    done = run_main("export-html", str(FIXTURES / "seed_002.json"), str(out))
    assert done.returncode == 0 and "草稿" not in done.stdout


def test_export_html_command_bad_paths(tmp_path: Path) -> None:
    done = run_main("export-html", str(tmp_path / "没有.json"), str(tmp_path / "a.html"))
    assert done.returncode == 1 and "找不到文件" in done.stderr and "Traceback" not in done.stderr
    out = tmp_path / "没有这个文件夹" / "a.html"
    done = run_main("export-html", str(FIXTURES / "seed_003.json"), str(out))
    assert done.returncode == 1 and "文件夹不存在" in done.stderr and "Traceback" not in done.stderr
    help_text = run_main("export-html", "--help").stdout
    assert "网页" in help_text and "草稿" in help_text


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
def test_export_html_command_on_a_full_disk(tmp_path: Path) -> None:
    """A file-size limit below the page: every write past it fails as on a full disk."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.RLIM_INFINITY))

    out = tmp_path / "年报.html"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "export-html",
            str(FIXTURES / "seed_002.json"),
            out,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
        preexec_fn=limit,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.returncode == 1, done.stderr
    assert "无法写入" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []
