"""The importer against hostile input: a draft or a Chinese refusal, never a traceback or a hang.

Long runs of spaces or digits finish in linear time (checked in a subprocess, so
that a hang fails the test instead of blocking the suite); damaged .docx files,
files over the size limit and out-of-range years are refused or reported; a
draft that an import writes always opens again.  The fuzz test feeds arbitrary
text, mutated report text, random bytes and mutated .docx files to the command
line's import: 30 deterministic examples in the suite, 300 under ``make fuzz``.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cli import run_import
from export.docx import build_docx
from models.importer import ImporterError, docx_text, import_file, import_text
from models.report import from_json
from models.store import load_draft
from models.validation import check
from tests.conftest import SEED_IDS, fuzz_examples, load_seed, run_main

ROOT = Path(__file__).resolve().parent.parent


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
    refused = run_main("import", str(source), "-o", str(out))
    assert refused.returncode != 0 and "--year" in refused.stderr and not out.exists()
    assert run_main("import", str(source), "-o", str(out), "--year", "2021").returncode == 0
    assert from_json(out.read_text(encoding="utf-8")).year == 2021
    assert run_main("check", str(out)).returncode in (0, 1)


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
        expected = "是空的" if kind == "empty" else "已损坏或不是Word文档"
        assert expected in str(info.value), kind
    for kind in ("truncated", "broken xml"):  # the command line says the same
        run = run_main("import", str(tmp_path / f"{kind}.docx"), "-o", str(tmp_path / "out.json"))
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
    from gui.dialogs import import_report as import_ui
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
    assert dialog.imported is None
    assert "已损坏" in shown[0] and "太长" in shown[1]


# ---------------------------------------------------------------- fuzzing


@functools.cache
def _seed_docx() -> dict[str, bytes]:
    """Each seed as a real .docx (the program's own export), built once."""
    with tempfile.TemporaryDirectory() as folder:
        built = {}
        for seed in SEED_IDS:
            path = Path(folder) / f"{seed}.docx"
            build_docx(load_seed(seed), path)
            built[seed] = path.read_bytes()
        return built


@functools.cache
def _seed_text(seed: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed.docx"
        path.write_bytes(_seed_docx()[seed])
        return docx_text(path)


# What broke or slowed the importer before (issue 12), spliced in anywhere.
FRAGMENTS = st.sampled_from(
    [
        " " * 40_000,
        "\t" * 500,
        "9" * 5000,
        "①²⁵𝟗",
        "\r\n",
        "#" * 50,
        "一、",
        "第二十条第（一）项",
        "某局2201年政府信息公开工作年度报告",
        "信息内容\t本年新制作数量\t（单位：万元）",
        "1e999999999万元",
    ]
)
XML_FRAGMENTS = st.sampled_from(
    [
        b'<w:gridSpan w:val="999999999"/>',
        b"<w:vMerge/>",
        b"<w:tc><w:p/></w:tc>",
        b"</w:tr>",
        b"<w:tbl>" * 300,
        b'w:val="abc"',
        b"&#0;",
    ]
)


@st.composite
def _mutated_text(draw: st.DrawFn) -> str:
    text = _seed_text(draw(st.sampled_from(SEED_IDS)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["splice", "splice", "cut", "repeat"]))
        if action == "splice":
            text = text[:at] + draw(FRAGMENTS | st.text(max_size=20)) + text[at:]
        elif action == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 500)) :]
        else:
            text = text[:at] + text[at : at + 200] * draw(st.integers(2, 50)) + text[at:]
    return text


@st.composite
def _mutated_docx(draw: st.DrawFn) -> bytes:
    data = _seed_docx()[draw(st.sampled_from(SEED_IDS))]
    if draw(st.booleans()):  # the zip itself damaged
        at = draw(st.integers(0, len(data) - 1))
        damage = draw(st.sampled_from(["flip", "cut", "insert"]))
        if damage == "flip":
            return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
        if damage == "cut":
            return data[:at]
        return data[:at] + draw(st.binary(min_size=1, max_size=50)) + data[at:]
    # A well-formed zip around a damaged part.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    name = draw(st.sampled_from(["word/document.xml"] * 3 + sorted(parts)))
    part = parts[name]
    at = draw(st.integers(0, len(part)))
    choice = draw(st.sampled_from(["xml", "bytes", "cut", "drop"]))
    if choice == "xml":
        parts[name] = part[:at] + draw(XML_FRAGMENTS) + part[at:]
    elif choice == "bytes":
        parts[name] = part[:at] + draw(st.binary(min_size=1, max_size=20)) + part[at + 1 :]
    elif choice == "cut":
        parts[name] = part[:at]
    else:
        del parts[name]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part_name, content in parts.items():
            archive.writestr(part_name, content)
    return out.getvalue()


def _encoded(text: str) -> st.SearchStrategy[bytes]:
    return st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]).map(
        lambda encoding: text.encode(encoding, errors="replace")
    )


IMPORTS = st.one_of(
    st.tuples(st.just(".txt"), st.text(max_size=500).flatmap(_encoded)),
    st.tuples(st.just(".txt"), _mutated_text().flatmap(_encoded)),
    st.tuples(st.sampled_from([".txt", ".docx"]), st.binary(max_size=2000)),
    st.tuples(st.just(".docx"), _mutated_docx()),
    st.tuples(st.just(".docx"), _mutated_docx()),
)
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@settings(
    max_examples=fuzz_examples(30, 300),
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],  # building the seed files on first use
)
@given(IMPORTS)
def test_any_file_imports_to_a_draft_that_opens_or_is_refused(source: tuple[str, bytes]) -> None:
    suffix, data = source
    with tempfile.TemporaryDirectory() as folder:
        path, out = Path(folder) / f"已发布{suffix}", Path(folder) / "草稿.json"
        path.write_bytes(data)
        stdout, stderr = io.StringIO(), io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            status = run_import(str(path), str(out), force=False)
        # Generous on a busy two-core machine; the quadratic patterns took minutes.
        assert time.perf_counter() - start < 20
        if status != 0:
            assert status == 2 and CHINESE.search(stderr.getvalue()), stderr.getvalue()
            assert not out.exists()
            event("refused")
            return
        event("imported")
        report = load_draft(str(out))  # what was written opens again
        check(report)
