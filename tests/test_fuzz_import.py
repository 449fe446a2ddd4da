"""The importer against hostile input: a draft or a Chinese refusal, never a traceback or a hang.

Long runs of spaces or digits finish in linear time (checked in a subprocess, so
that a hang fails the test instead of blocking the suite); damaged .docx files,
files over the size limit and out-of-range years are refused or reported; a
draft that an import writes always opens again.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from export.docx import build_docx
from models.importer import ImporterError, import_file, import_text
from models.report import from_json
from tests.conftest import load_seed

ROOT = Path(__file__).resolve().parent.parent


def _main(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )


def _docx(tmp_path: Path) -> Path:
    path = tmp_path / "report.docx"
    build_docx(load_seed("003"), path)
    return path


def test_megabyte_lines_finish_in_linear_time() -> None:
    # Each case once, timed in a child process: a quadratic pattern took 51 s
    # for 40,000 spaces, and would take hours for a megabyte.
    script = textwrap.dedent(
        """
        import time
        from models.importer import ImporterError, import_text
        cases = {
            "spaces": " " * 1_000_000,
            "spaces before the title": " " * 1_000_000 + "\\n某局2020年政府信息公开工作年度报告\\n",
            "spaces inside the title": "某局" + " " * 500_000 + "2020 年" + " " * 500_000
            + "政府信息公开工作年度报告",
            "heading after spaces": " " * 1_000_000 + "一、总体情况",
            "spaces inside a line before the title": "网站" + " " * 1_000_000 + "首页\\n"
            + "某局2020年政府信息公开工作年度报告",
            "digits": "1234567890" * 100_000,
            "digits and Chinese": "2020年度政府信息公开申请19件，" * 60_000,
            "short lines": "本年度政府信息公开工作\\n" * 90_000,
            "tabs": "\\t1" * 500_000,
        }
        for name, text in cases.items():
            start = time.perf_counter()
            try:
                import_text(text)
            except ImporterError:
                pass
            print(f"{name}\\t{time.perf_counter() - start:.2f}")
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    times = dict(line.split("\t") for line in run.stdout.splitlines())
    assert len(times) == 9
    assert all(float(seconds) < 5 for seconds in times.values()), times


def test_a_year_out_of_range_is_reported_and_the_draft_opens(tmp_path: Path) -> None:
    result = import_text("某局2201年政府信息公开工作年度报告\n一、总体情况\n好。\n")
    assert 2008 <= result.report.year <= 2100
    assert any("2201" in note for note in result.notes)
    source = tmp_path / "report.txt"
    source.write_text("某局2201年政府信息公开工作年度报告\n一、总体情况\n好。\n", encoding="utf-8")
    out = tmp_path / "draft.json"
    assert _main("import", str(source), "-o", str(out)).returncode == 0
    from_json(out.read_text(encoding="utf-8"))
    assert _main("check", str(out)).returncode in (0, 1)


def test_text_no_draft_could_hold_is_refused() -> None:
    with pytest.raises(ImporterError, match="无法保存"):
        import_text("某局2020年政府信息公开工作年度报告\n一、总体情况\n好\ud800。\n")
    with pytest.raises(ImporterError, match="太长"):
        import_text("好" * 2_000_001)


def _damaged(tmp_path: Path) -> dict[str, bytes]:
    """One file per kind of damage seen in the fuzzed imports of issue 12."""
    path = _docx(tmp_path)
    good = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}

    def rezip(changed: dict[str, bytes | None]) -> bytes:
        path = tmp_path / "rezipped.docx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in (parts | changed).items():
                if data is not None:
                    archive.writestr(name, data)
        return path.read_bytes()

    document = parts["word/document.xml"]
    # A flipped byte in the first compressed part: zlib (or the CRC) fails.
    start = good.index(b"[Content_Types].xml") + len(b"[Content_Types].xml") + 40
    flipped = good[:start] + bytes([good[start] ^ 0xFF]) + good[start + 1 :]
    return {
        "empty": b"",
        "text": "不是Word文档".encode(),
        "truncated": good[: len(good) // 2],
        "flipped": flipped,
        "no content types": rezip({"[Content_Types].xml": None}),
        "no document": rezip({"word/document.xml": None}),
        "broken xml": rezip({"word/document.xml": document[: len(document) // 2]}),
        "huge span": rezip(
            {
                "word/document.xml": document.replace(
                    b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="999999999"/>', 1
                )
            }
        ),
    }


def test_damaged_docx_files_are_refused_with_a_message(tmp_path: Path) -> None:
    for kind, data in _damaged(tmp_path).items():
        path = tmp_path / f"{kind}.docx"
        path.write_bytes(data)
        with pytest.raises(ImporterError) as info:
            import_file(path)
        assert "已损坏或不是Word文档" in str(info.value), kind
    for kind in ("truncated", "broken xml"):  # the command line says the same
        run = _main("import", str(tmp_path / f"{kind}.docx"), "-o", str(tmp_path / "out.json"))
        assert run.returncode == 2 and "已损坏" in run.stderr, (kind, run.stderr)
        assert "Traceback" not in run.stderr and not (tmp_path / "out.json").exists()


def test_files_over_the_limit_are_refused_before_reading(tmp_path: Path) -> None:
    for name in ("huge.txt", "huge.docx"):
        path = tmp_path / name
        with path.open("wb") as sparse:
            sparse.truncate(21 * 1024 * 1024)
        with pytest.raises(ImporterError, match="太大"):
            import_file(path)
    with pytest.raises(ImporterError, match="找不到文件"):
        import_file(tmp_path / "nope.docx")


def test_the_window_says_why_a_file_cannot_be_imported(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gui import import_ui
    from models import importer

    path = tmp_path / "damaged.docx"
    path.write_bytes(b"PK\x03\x04 not really")
    shown: list[str] = []
    monkeypatch.setattr(import_ui.QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(import_ui.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    dialog = import_ui.ImportDialog()
    qtbot.addWidget(dialog)
    dialog._pick()
    monkeypatch.setattr(importer, "MAX_IMPORT_CHARS", 10)  # rather than paste 2 million
    dialog.text.setPlainText("某局2020年政府信息公开工作年度报告")
    dialog._from_text()
    assert dialog.result is None
    assert "已损坏" in shown[0] and "太长" in shown[1]
